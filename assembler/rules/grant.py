"""Consistency rules for grant funding agreements (domain guide, section 4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from assembler.formatting import long_date, money
from assembler.rules import RuleContext, RuleSet
from assembler.rules.common import COMMON, database_duty, subsidy_before_act

RULES = RuleSet()
RULES.extend(COMMON)


@RULES.rule("GRANT-INSTALMENTS-SUM", "error", "The instalments add up to the maximum sum.")
def instalments_sum(ctx: RuleContext):
    grant = ctx.sheet.grant
    if grant.instalments_total != grant.maximum_sum:
        yield (f"the instalments add up to {money(grant.instalments_total)} but the maximum sum is "
               f"{money(grant.maximum_sum)}", ("grant", "instalments"))


@RULES.rule("GRANT-INSTALMENTS-IN-PERIOD", "error", "Every instalment falls inside the funding period.")
def instalments_in_period(ctx: RuleContext):
    grant = ctx.sheet.grant
    period = grant.funding_period
    for i, inst in enumerate(grant.instalments):
        if not period.start <= inst.date <= period.end:
            yield (f"instalment due {long_date(inst.date)} falls outside the funding period "
                   f"({long_date(period.start)} to {long_date(period.end)})",
                   ("grant", "instalments", i, "date"))


@RULES.rule("GRANT-INSTALMENTS-ORDER", "warning", "Instalments are listed in date order.")
def instalments_in_order(ctx: RuleContext):
    dates = [i.date for i in ctx.sheet.grant.instalments]
    if dates != sorted(dates):
        yield "instalments are not in date order; the payment schedule lists them as given", ("grant", "instalments")


@RULES.rule("GRANT-BUDGET-WITHIN-MAX", "error", "The budget lines do not exceed the maximum sum.")
def budget_within_maximum(ctx: RuleContext):
    grant = ctx.sheet.grant
    if grant.budget_total > grant.maximum_sum:
        yield (f"the budget lines add up to {money(grant.budget_total)}, more than the maximum sum of "
               f"{money(grant.maximum_sum)}", ("grant", "budget"))


@RULES.rule("GRANT-BUDGET-BELOW-MAX", "info", "A budget below the maximum sum leaves part of it unallocated.")
def budget_below_maximum(ctx: RuleContext):
    grant = ctx.sheet.grant
    if grant.budget_total < grant.maximum_sum:
        yield (f"the budget lines add up to {money(grant.budget_total)}, "
               f"{money(grant.maximum_sum - grant.budget_total)} less than the maximum sum", ("grant", "budget"))


def financial_year(day: dt.date) -> int:
    """The year a UK financial year (1 April to 31 March) starts in: 2026 for 2026/27."""
    return day.year if day.month >= 4 else day.year - 1


def _award_date(ctx: RuleContext) -> dt.date:
    """When the grant is given, for the MFA window: the agreement date, else the draft date."""
    return ctx.sheet.document.agreement_date or ctx.draft_date


def _mfa_window(ctx: RuleContext) -> tuple[int, int]:
    """First and last financial years (by starting year) that count towards the MFA limit: the year
    of the award and the two before it (Subsidy Control Act 2022 s.36(2) and (7))."""
    current = financial_year(_award_date(ctx))
    return current - 2, current


def _fy_start(label: str) -> int:
    return int(label.split("/")[0])


def _fy_label(start: int) -> str:
    return f"{start}/{(start + 1) % 100:02d}"


@RULES.rule("GRANT-MFA-LIMIT", "error",
            "Minimal financial assistance: this grant plus prior assistance in the current and two previous "
            "financial years stays within the limit (Subsidy Control Act 2022 s.36).")
def mfa_limit(ctx: RuleContext):
    grant = ctx.sheet.grant
    if grant.subsidy.route != "minimal_financial_assistance":
        return
    limit = Decimal(str(ctx.figure("mfa_limit")))
    first, last = _mfa_window(ctx)
    prior = sum((p.amount for p in grant.subsidy.prior_assistance if first <= _fy_start(p.financial_year) <= last),
                Decimal(0))
    total = prior + grant.maximum_sum
    if total > limit:
        yield (f"prior minimal financial assistance of {money(prior)} in {_fy_label(first)} to {_fy_label(last)} "
               f"plus this grant of {money(grant.maximum_sum)} is {money(total)}, over the limit of {money(limit)} "
               f"({ctx.figures['mfa_limit']['source']})", ("grant", "subsidy", "prior_assistance"))


@RULES.rule("GRANT-MFA-YEARS", "warning",
            "Prior minimal financial assistance outside the current and two previous financial years (from the "
            "award) does not count towards the limit.")
def mfa_years(ctx: RuleContext):
    first, last = _mfa_window(ctx)
    for i, p in enumerate(ctx.sheet.grant.subsidy.prior_assistance):
        if not first <= _fy_start(p.financial_year) <= last:
            yield (f"{p.financial_year} is outside the financial years that count for a grant given on "
                   f"{long_date(_award_date(ctx))} ({_fy_label(first)} to {_fy_label(last)}, s.36(2)); "
                   f"its {money(p.amount)} is left out of the limit", ("grant", "subsidy", "prior_assistance", i))


@RULES.rule("GRANT-SUBSIDY-DATABASE", "info",
            "The subsidy database duty (s.33): every standalone subsidy; scheme subsidies and minimal financial "
            "assistance over £100,000.")
def subsidy_database(ctx: RuleContext):
    grant = ctx.sheet.grant
    why = database_duty(ctx, grant.subsidy.route, grant.maximum_sum)
    if why:
        yield why, ("grant", "subsidy", "route")


@RULES.rule("GRANT-SUBSIDY-LAW", "error",
            "A subsidy assessment relied on under the Subsidy Control Act 2022 is dated on or after 4 January 2023.")
def subsidy_law(ctx: RuleContext):
    subsidy = ctx.sheet.grant.subsidy
    yield from subsidy_before_act(ctx, subsidy.route, subsidy.assessment_date, ("grant", "subsidy", "assessment_date"))


@RULES.rule("GRANT-DUPLICATE-INSTALMENT", "error", "No instalment is listed twice (same date and amount).")
def duplicate_instalment(ctx: RuleContext):
    seen: set[tuple] = set()
    for i, inst in enumerate(ctx.sheet.grant.instalments):
        key = (inst.date, inst.amount)
        if key in seen:
            yield (f"the instalment of {money(inst.amount)} due {long_date(inst.date)} is listed twice",
                   ("grant", "instalments", i))
        seen.add(key)


@RULES.rule("GRANT-SCHEME-NAMED", "error", "A grant under a subsidy scheme names the scheme.")
def scheme_named(ctx: RuleContext):
    subsidy = ctx.sheet.grant.subsidy
    if subsidy.route == "scheme" and not subsidy.scheme_name:
        yield "route is 'scheme' but no scheme_name is given", ("grant", "subsidy", "scheme_name")


@RULES.rule("GRANT-MATCH-SOURCES", "warning", "Match funding sources are given and confirmed.")
def match_sources(ctx: RuleContext):
    match = ctx.sheet.grant.match_funding
    if match is None:
        return
    if not match.sources:
        yield "match funding is required but no sources are listed", ("grant", "match_funding", "sources")
    for i, source in enumerate(match.sources):
        if not source.confirmed:
            yield f"match funding from {source.source} is not yet confirmed", ("grant", "match_funding", "sources", i)


@RULES.rule("GRANT-MATCH-PERCENTAGE", "warning", "Listed match funding meets the required percentage.")
def match_percentage(ctx: RuleContext):
    grant = ctx.sheet.grant
    match = grant.match_funding
    if match is None or not match.sources:
        return
    total_cost = grant.maximum_sum + grant.match_total
    share = grant.match_total / total_cost * 100 if total_cost else Decimal(0)
    if share < match.percentage:
        yield (f"listed match funding of {money(grant.match_total)} is {share:.1f}% of the total cost "
               f"({money(total_cost)}), below the required {match.percentage}%", ("grant", "match_funding"))


@RULES.rule("GRANT-MILESTONE-CONDITIONS", "error", "Milestone payments each name their milestone.")
def milestone_conditions(ctx: RuleContext):
    if ctx.positions.get("payment_basis") != "milestones":
        return
    for i, inst in enumerate(ctx.sheet.grant.instalments):
        if not inst.condition:
            yield ("payment basis is 'milestones' but this instalment has no condition (its milestone)",
                   ("grant", "instalments", i, "condition"))


@RULES.rule("GRANT-ASSETS-WITHIN-BUDGET", "warning", "Planned assets cost no more than the grant.")
def assets_within_budget(ctx: RuleContext):
    grant = ctx.sheet.grant
    cost = sum((a.cost for a in grant.assets.items), Decimal(0))
    if cost > grant.maximum_sum:
        yield (f"planned assets cost {money(cost)}, more than the maximum sum of {money(grant.maximum_sum)}",
               ("grant", "assets", "items"))


@RULES.rule("GRANT-AGREEMENT-BEFORE-PERIOD-END", "error", "The agreement is dated before the funding period ends.")
def agreement_date(ctx: RuleContext):
    date = ctx.sheet.document.agreement_date
    period = ctx.sheet.grant.funding_period
    if date and date > period.end:
        yield (f"the agreement date {long_date(date)} is after the funding period ends "
               f"({long_date(period.end)})", ("document", "agreement_date"))
