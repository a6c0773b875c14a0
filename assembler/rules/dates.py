"""Rules every family shares about time: dates judged against the draft date.

The draft date is `RuleContext.draft_date` (`--date`, else document.draft_date, else today), so
`check`, `assemble` and `review` judge a term sheet alike. rules/common.py adds these to COMMON.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from assembler.formatting import long_date
from assembler.rules import Loc, RuleContext, RuleSet, dotted, periods, walk

DATES = RuleSet()

# Dates that look forward: each should still be ahead when the draft is prepared. The key is the
# field name; the value is how a reviewer calls it. Backward-looking dates (an assessment, the date a
# procurement began, the draft date) are not listed; the agreement date is the day the parties will
# sign, so one already past is as stale as a past commencement.
FORWARD_DATES = {
    "agreement_date": "agreement date",
    "start": "commencement",
    "conditions_longstop": "long-stop date",
    "deadline": "deadline",
    "first_period_start": "first reporting period starts",
    "report_date": "report date",
}
# `date` fields are forward-looking in the lists that hold them: instalments and drawdowns.
DATED_LISTS = {"instalments": "instalment", "drawdowns": "drawdown"}


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


@DATES.rule("COMMON-LAW-SHORTHOLD", "warning",
            "No new assured shorthold tenancy is written into a term sheet whose term runs on or after the "
            "Renters' Rights Act 2025 abolished them (1 May 2026, S.I. 2026/421 reg. 2).")
def shorthold_after_abolition(ctx: RuleContext):
    act = ctx.law.get("renters_rights_act_2025_tenancies")
    if act is None:  # a firm's own library may not record the Act
        return
    if not any(period.end >= act["in_force"] for _, period in periods(ctx)):
        return
    for loc, text in _texts(ctx.sheet):
        if "shorthold" in text.lower():
            yield (f"{dotted(loc)} speaks of assured shorthold tenancies, which cannot be granted from "
                   f"{long_date(act['in_force'])} (Renters' Rights Act 2025; {act['source'].split(';')[0]}): "
                   "new lettings are assured periodic tenancies; write 'assured tenancies' (a social landlord's "
                   "tenancies follow their own commencement date)", loc)


def _texts(sheet) -> Iterator[tuple[Loc, str]]:
    """Every text the term sheet holds, in fields and in lists of text, with its location."""
    for loc, _model, _name, value in walk(sheet):
        if isinstance(value, str):
            yield loc, value
        elif isinstance(value, list):
            yield from (((*loc, i), item) for i, item in enumerate(value) if isinstance(item, str))
