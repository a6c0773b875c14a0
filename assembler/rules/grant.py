"""Consistency rules for grant funding agreements (domain guide, section 4)."""

from __future__ import annotations

from decimal import Decimal

from assembler.formatting import long_date, money
from assembler.rules import RuleContext, RuleSet
from assembler.rules.common import COMMON

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


@RULES.rule("GRANT-MFA-LIMIT", "error",
            "Minimal financial assistance: this grant plus the prior three financial years' stays within the limit.")
def mfa_limit(ctx: RuleContext):
    grant = ctx.sheet.grant
    if grant.subsidy.route != "minimal_financial_assistance":
        return
    limit = Decimal(str(ctx.figure("mfa_limit")))
    prior = sum((p.amount for p in grant.subsidy.prior_assistance), Decimal(0))
    total = prior + grant.maximum_sum
    if total > limit:
        yield (f"prior minimal financial assistance of {money(prior)} plus this grant of "
               f"{money(grant.maximum_sum)} is {money(total)}, over the limit of {money(limit)} "
               f"({ctx.figures['mfa_limit']['source']})", ("grant", "subsidy", "prior_assistance"))


@RULES.rule("GRANT-MFA-YEARS", "warning", "Prior minimal financial assistance covers at most three financial years.")
def mfa_years(ctx: RuleContext):
    years = {p.financial_year for p in ctx.sheet.grant.subsidy.prior_assistance}
    if len(years) > 3:
        yield (f"prior assistance lists {len(years)} financial years; only the current and two previous "
               "count towards the limit", ("grant", "subsidy", "prior_assistance"))


@RULES.rule("GRANT-SUBSIDY-DATABASE", "info", "Subsidies over the transparency threshold go on the database.")
def subsidy_database(ctx: RuleContext):
    grant = ctx.sheet.grant
    threshold = Decimal(str(ctx.figure("transparency_threshold")))
    if grant.subsidy.route in ("assessed", "scheme") and grant.maximum_sum > threshold:
        months = ctx.figure("transparency_months")
        yield (f"a subsidy over {money(threshold)} must be entered on the subsidy database within "
               f"{months} months of being given ({ctx.figures['transparency_threshold']['source']})",
               ("grant", "subsidy", "route"))


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
