"""Rules every family shares about time and figures: dates judged against the draft date, and
percentages judged as a careful reviewer would (a fraction typed for a percentage, a rate outside the
range its purpose makes plausible).

The draft date is `RuleContext.draft_date` (`assemble --date`, else document.draft_date, else today),
so `check`, `assemble` and `review` judge a term sheet alike. rules/common.py adds these to COMMON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from assembler.formatting import long_date, percent
from assembler.rules import Loc, RuleContext, RuleSet

DATES = RuleSet()

# Dates that look forward: each should still be ahead when the draft is prepared. The key is the
# field name; the value is how a reviewer calls it. Backward-looking dates (an assessment, the date a
# procurement began, the agreement or draft date) are not listed.
FORWARD_DATES = {
    "start": "commencement",
    "conditions_longstop": "long-stop date",
    "deadline": "deadline",
    "first_period_start": "first reporting period starts",
    "report_date": "report date",
}
# `date` fields are forward-looking in the lists that hold them: instalments and drawdowns.
DATED_LISTS = {"instalments": "instalment", "drawdowns": "drawdown"}

# Percentage fields with a plausible range in clauses/figures.yaml: (model class, field) -> figure.
RATE_RANGES = {
    ("Investment", "return_rate"): "investor_return_range",
    ("OpenBook", "profit_cap"): "profit_cap_range",
    ("MatchFunding", "percentage"): "match_funding_range",
    ("AgreedShare", "gain"): "share_range",
    ("AgreedShare", "pain"): "share_range",
}


def walk(node: Any, loc: Loc = ()) -> Iterator[tuple[Loc, BaseModel, str, Any]]:
    """(location, model, field name, value) for every field of every model in the term sheet."""
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            yield (*loc, name), node, name, value
            yield from walk(value, (*loc, name))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from walk(item, (*loc, i))


def dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def _forward_dates(ctx: RuleContext) -> Iterator[tuple[Loc, str, dt.date]]:
    for loc, _model, name, value in walk(ctx.sheet):
        if not isinstance(value, dt.date):
            continue
        if name in FORWARD_DATES:
            kind = FORWARD_DATES[name]
            if name == "start":
                kind = f"{loc[-2].replace('_', ' ')} {kind}" if len(loc) > 1 and isinstance(loc[-2], str) else kind
            yield loc, kind, value
        elif name == "date" and len(loc) >= 3 and loc[-3] in DATED_LISTS:
            yield loc, DATED_LISTS[loc[-3]], value


@DATES.rule("COMMON-TERM-ENDED", "error", "No term or period has already ended by the draft date.")
def term_ended(ctx: RuleContext):
    from assembler.rules.common import periods

    for loc, period in periods(ctx):
        if period.end < ctx.draft_date:
            yield (f"{dotted(loc)} ended on {long_date(period.end)}, before the draft date "
                   f"({long_date(ctx.draft_date)}); an agreement cannot run for a term already over: "
                   "give current dates", (*loc, "end"))


@DATES.rule("COMMON-DATES-PAST", "warning",
            "Commencement, long-stop, drawdown, instalment and report dates are not already past at the draft date.")
def dates_past(ctx: RuleContext):
    past = sorted(((loc, kind, value) for loc, kind, value in _forward_dates(ctx) if value < ctx.draft_date),
                  key=lambda item: item[2])
    if past:
        listed = "; ".join(f"{kind} {long_date(value)} ({dotted(loc)})" for loc, kind, value in past)
        yield (f"{len(past)} date{'s are' if len(past) > 1 else ' is'} already past at the draft date "
               f"({long_date(ctx.draft_date)}): {listed}; check each is meant", past[0][0])


def _is_percent(model: BaseModel, name: str) -> bool:
    extra = type(model).model_fields[name].json_schema_extra
    return isinstance(extra, dict) and extra.get("unit") == "%"


@DATES.rule("COMMON-PERCENT-FRACTION", "warning",
            "A percentage is written as a number from 0 to 100: 0.05 typed for 5% is caught.")
def percent_fraction(ctx: RuleContext):
    for loc, model, name, value in walk(ctx.sheet):
        if isinstance(value, Decimal) and 0 < value < 1 and _is_percent(model, name):
            yield (f"{dotted(loc)} is {percent(value)}; if {percent(value * 100)} was meant, write "
                   f"{value * 100:g} (percentages are numbers from 0 to 100)", loc)


@DATES.rule("COMMON-RATE-RANGE", "warning",
            "A rate is inside the plausible range for its purpose (ranges and their basis in clauses/figures.yaml).")
def rate_range(ctx: RuleContext):
    for loc, model, name, value in walk(ctx.sheet):
        figure_name = RATE_RANGES.get((type(model).__name__, name))
        if figure_name is None or not isinstance(value, Decimal) or value < 1:
            continue  # fractions are COMMON-PERCENT-FRACTION's
        figure = ctx.figures.get(figure_name)
        if not figure:
            continue
        low, high = Decimal(str(figure["min"])), Decimal(str(figure["max"]))
        if not low <= value <= high:
            yield (f"{dotted(loc)} is {percent(value)}, outside the usual range for "
                   f"{figure['description'][0].lower() + figure['description'][1:]} ({percent(low)} to "
                   f"{percent(high)}; {' '.join(str(figure['source']).split())}): check the figure", loc)
