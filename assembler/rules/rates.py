"""Rules every family shares about percentages, read as a careful reviewer would: a fraction typed
for a percentage (0.05 for 5%), and a rate outside the range its purpose makes plausible (ranges and
their basis in clauses/figures.yaml). rules/common.py adds these to COMMON.
"""

from __future__ import annotations

from decimal import Decimal

from pydantic import BaseModel

from assembler.formatting import percent
from assembler.rules import RuleContext, RuleSet, dotted, walk

RATES = RuleSet()

# Percentage fields with a plausible range in clauses/figures.yaml: (model class, field) -> figure.
# The overhead cap has its own error rule (OPEN-BOOK-OVERHEAD-CAP) against overhead_cap_range.
RATE_RANGES = {
    ("Investment", "return_rate"): "investor_return_range",
    ("OpenBook", "profit_cap"): "profit_cap_range",
    ("MatchFunding", "percentage"): "match_funding_range",
    ("AgreedShare", "gain"): "share_range",
    ("AgreedShare", "pain"): "share_range",
}


def _is_percent(model: BaseModel, name: str) -> bool:
    extra = type(model).model_fields[name].json_schema_extra
    return isinstance(extra, dict) and extra.get("unit") == "%"


@RATES.rule("COMMON-PERCENT-FRACTION", "warning",
            "A percentage is written as a number from 0 to 100: 0.05 typed for 5% is caught.")
def percent_fraction(ctx: RuleContext):
    for loc, model, name, value in walk(ctx.sheet):
        if isinstance(value, Decimal) and 0 < value < 1 and _is_percent(model, name):
            yield (f"{dotted(loc)} is {percent(value)}; if {percent(value * 100)} was meant, write "
                   f"{value * 100:g} (percentages are numbers from 0 to 100)", loc)


@RATES.rule("COMMON-RATE-RANGE", "warning",
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
