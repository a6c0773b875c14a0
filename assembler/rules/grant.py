"""Consistency rules for grant funding agreements (domain guide, section 4)."""

from __future__ import annotations

import datetime as dt
import re
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


@RULES.rule("GRANT-INSTALMENTS-IN-PERIOD", "error",
            "Every instalment falls inside the funding period, except that the last may be paid in arrears within "
            "the final payment window after it.")
def instalments_in_period(ctx: RuleContext):
    grant = ctx.sheet.grant
    period = grant.funding_period
    window = int(_optional_figure(ctx, "grant_final_payment_window_days") or 0)
    last = max(inst.date for inst in grant.instalments)
    for i, inst in enumerate(grant.instalments):
        if inst.date < period.start:
            yield (f"instalment due {long_date(inst.date)} falls before the funding period starts "
                   f"({long_date(period.start)})", ("grant", "instalments", i, "date"))
        elif inst.date > period.end and (inst.date != last or (inst.date - period.end).days > window):
            allowed = ("only the last instalment may fall after it" if inst.date != last else
                       f"a final instalment may fall due at most {window} days after it "
                       f"({long_date(period.end + dt.timedelta(days=window))})")
            yield (f"instalment due {long_date(inst.date)} falls after the funding period ends "
                   f"({long_date(period.end)}); {allowed}", ("grant", "instalments", i, "date"))


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


def _optional_figure(ctx: RuleContext, name: str) -> Decimal | None:
    """A figure this library may not hold (a firm's own library, or one older than the figure): the
    rule that needs it then keeps to its stricter reading, or stays quiet."""
    entry = ctx.figures.get(name)
    return None if entry is None else Decimal(str(entry["value"]))


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


@RULES.rule("GRANT-MFA-DECLARATION", "warning",
            "Minimal financial assistance: the Recipient's declaration of the assistance it received in the "
            "period is recorded (its awards, or that it received none) before the grant is given.")
def mfa_declaration(ctx: RuleContext):
    subsidy = ctx.sheet.grant.subsidy
    if subsidy.route == "minimal_financial_assistance" and not subsidy.prior_assistance and not subsidy.declared_none:
        yield ("the Recipient's declaration of the minimal financial assistance it received in this and the two "
               "previous financial years is not recorded, so the declaration in the draft is left blank: list the "
               "awards it declares, or set declared_none: true once it declares that it received none "
               "(Subsidy Control Act 2022 s.37(2)(c) and (3))", ("grant", "subsidy", "prior_assistance"))


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


# ---- the form of the grant: a full agreement or a grant offer letter ----

def _short_form_risks(sheet) -> list[str]:
    """What makes a grant unsuited to the short form, whatever its size: assets to claw back, match
    funding to police, open-book terms."""
    grant = sheet.grant
    risks = []
    if grant.assets.items:
        risks.append("assets bought with the grant")
    if grant.match_funding:
        risks.append("match funding")
    if sheet.open_book is not None:
        risks.append("open-book terms")
    return risks


@RULES.rule("GRANT-SHORT-FORM-SUGGESTED", "info",
            "A small grant with nothing to claw back or police is suited to the short form (grant offer letter).")
def short_form_suggested(ctx: RuleContext):
    threshold = _optional_figure(ctx, "grant_short_form_threshold")
    if ctx.positions.get("grant_form") != "agreement" or threshold is None:
        return
    if ctx.sheet.grant.maximum_sum <= threshold and not _short_form_risks(ctx.sheet):
        yield (f"the grant of {money(ctx.sheet.grant.maximum_sum)} is at or below {money(threshold)} and has no "
               f"assets, match funding or open-book terms: the short form (grant_form: offer-letter) is proportionate "
               f"({ctx.figures['grant_short_form_threshold']['source']})", ("positions",))


@RULES.rule("GRANT-SHORT-FORM-RISK", "warning",
            "The short form is used only for a small grant without assets, match funding or open-book terms.")
def short_form_risk(ctx: RuleContext):
    threshold = _optional_figure(ctx, "grant_short_form_threshold")
    if ctx.positions.get("grant_form") != "offer-letter" or threshold is None:
        return
    reasons = _short_form_risks(ctx.sheet)
    if ctx.sheet.grant.maximum_sum > threshold:
        reasons.insert(0, f"a grant of {money(ctx.sheet.grant.maximum_sum)}, above {money(threshold)}")
    if reasons:
        yield (f"the short form (grant offer letter) is chosen for {', '.join(reasons)}; the full agreement "
               f"carries the terms these need", ("positions", "grant_form"))


# ---- payment mechanics: conditions that can be met before payment falls due ----

def add_business_days(day: dt.date, count: int, country: str = "england") -> dt.date:
    """`count` Business Days after `day`, skipping weekends and the country's bank holidays (Easter and
    the May bank holidays move a monthly timetable by days, which is what the reviewers counted)."""
    from assembler.business_days import not_a_business_day

    while count > 0:
        day += dt.timedelta(days=1)
        if not not_a_business_day(day, country):
            count -= 1
    return day


_SPAN_MONTHS = {"monthly": 1, "quarterly": 3, "six-monthly": 6, "annually": 12}


def reporting_period_ends(grant) -> list[dt.date]:
    """The last day of each reporting period (the model computes it, so clauses and rules agree)."""
    return grant.reporting_period_ends


_REPORT_WORDS = ("report", "review")


@RULES.rule("GRANT-REPORT-BEFORE-PAYMENT", "warning",
            "An instalment conditional on a report falls due after that report can have been sent and accepted.")
def report_before_payment(ctx: RuleContext):
    grant = ctx.sheet.grant
    reporting = grant.reporting
    country = ctx.sheet.document.country.value
    named = sorted((d.name.lower() for d in grant.deliverables), key=len, reverse=True)
    for i, inst in enumerate(grant.instalments):
        if not inst.condition:
            continue
        # A deliverable's name ('Year 1 Annual Review', 'Evaluation Report') is a document with its own due
        # date, which GRANT-DELIVERABLE-TIMING checks: only what is left speaks of the periodic reports.
        words = inst.condition.lower()
        for name in named:
            words = words.replace(name, " ")
        if not any(w in words for w in _REPORT_WORDS):
            continue
        ended = [e for e in reporting_period_ends(grant) if e < inst.date]
        if not ended:
            yield (f"the instalment due {long_date(inst.date)} is conditional on a report, but no reporting period "
                   f"ends before it", ("grant", "instalments", i, "condition"))
            continue
        if ended[-1] == grant.funding_period.end:  # the Final Report replaces the last Progress Report
            due = ended[-1] + dt.timedelta(days=reporting.final_report_days)
        else:
            due = add_business_days(ended[-1], reporting.days_after_period, country)
        accepted = add_business_days(due, reporting.acceptance_days, country)
        if accepted > inst.date:
            paid = add_business_days(accepted, reporting.payment_days, country)
            yield (f"the instalment due {long_date(inst.date)} is conditional on a report; the report for the period "
                   f"ending {long_date(ended[-1])} is due by {long_date(due)} and treated as accepted by "
                   f"{long_date(accepted)} at the latest (bank holidays counted), so the instalment may not be paid "
                   f"until {long_date(paid)}: move the date to {long_date(accepted)} or later, shorten the "
                   f"{reporting.acceptance_days} Business Days for accepting a report, or make the condition a report "
                   "for an earlier period", ("grant", "instalments", i, "date"))


@RULES.rule("GRANT-INSTALMENT-BUSINESS-DAY", "warning",
            "Each instalment is dated on a Business Day, so the Payment Schedule's date is the day it is paid.")
def instalment_on_business_day(ctx: RuleContext):
    from assembler.business_days import not_a_business_day, previous_business_day

    country = ctx.sheet.document.country.value
    for i, inst in enumerate(ctx.sheet.grant.instalments):
        why = not_a_business_day(inst.date, country)
        if why:
            yield (f"the instalment of {money(inst.amount)} is dated {long_date(inst.date)}, which is {why}, not a "
                   f"Business Day, so the Payment Schedule's date is not the day it is paid (an instalment in advance "
                   f"moves to {long_date(previous_business_day(inst.date, country))}, which may be in the previous "
                   "month or financial year): give a Business Day", ("grant", "instalments", i, "date"))


_PERIOD_ENDING = re.compile(r"(?:period|quarter|month|half-year|year|six months)\s+(?:ending|ended|to)\s+"
                            r"(\d{1,2} [A-Z][a-z]+ \d{4})")


@RULES.rule("GRANT-CONDITION-PERIOD", "warning",
            "A payment condition that names the period a report covers names one that the reporting periods have.")
def condition_names_a_reporting_period(ctx: RuleContext):
    grant = ctx.sheet.grant
    ends = reporting_period_ends(grant)
    for i, inst in enumerate(grant.instalments):
        for named in _PERIOD_ENDING.findall(inst.condition or ""):
            try:
                day = dt.datetime.strptime(named, "%d %B %Y").date()
            except ValueError:
                continue
            if day not in ends:
                before = [e for e in ends if e < inst.date]
                nearest = f"; the last one before this instalment ends {long_date(before[-1])}" if before else ""
                yield (f"the condition of the instalment due {long_date(inst.date)} names a report for the period "
                       f"ending {named}, but no {grant.reporting.frequency} reporting period ends then (they end "
                       f"{', '.join(long_date(e) for e in ends[:4])}{' ...' if len(ends) > 4 else ''}){nearest}: "
                       "name a period the agreement has, or the condition can never be met",
                       ("grant", "instalments", i, "condition"))


# ---- match funding ----

@RULES.rule("GRANT-MATCH-TOTAL-COST", "error",
            "The grant fits within its share of the Total Project Cost, so the match-funding percentage can be met.")
def match_total_cost(ctx: RuleContext):
    grant = ctx.sheet.grant
    match = grant.match_funding
    if match is None or match.total_project_cost is None:
        return
    share = match.total_project_cost * (100 - match.percentage) / 100
    if grant.maximum_sum > share:
        yield (f"a Total Project Cost of {money(match.total_project_cost)} with {match.percentage}% match funding "
               f"leaves {money(share)} for the grant, less than the maximum sum of {money(grant.maximum_sum)}",
               ("grant", "match_funding", "total_project_cost"))


# ---- a funding period that began before signing ----

@RULES.rule("GRANT-PERIOD-BEFORE-SIGNING", "info",
            "A funding period that begins before the agreement is signed gets a catch-up payment and a first "
            "reporting period that ends after signing.")
def period_before_signing(ctx: RuleContext):
    grant = ctx.sheet.grant
    signed = _award_date(ctx)
    if grant.funding_period.start < signed <= grant.funding_period.end:
        first = next(e for e in reporting_period_ends(grant) if e >= signed)
        when = (f"dated {long_date(signed)}" if ctx.sheet.document.agreement_date
                else f"not signed by the draft date, {long_date(signed)}")
        yield (f"the funding period began on {long_date(grant.funding_period.start)}, before the agreement "
               f"({when}): the first report covers the period to {long_date(first)}, "
               f"and instalments dated before signing are paid as one catch-up payment after it",
               ("grant", "funding_period", "start"))


@RULES.rule("GRANT-MFA-NOTIFICATION", "warning",
            "Minimal financial assistance: the notification is given, and the Recipient's confirmation received, "
            "before the agreement is made (Subsidy Control Act 2022 s.37(1) to (3)).")
def mfa_notification(ctx: RuleContext):
    subsidy = ctx.sheet.grant.subsidy
    if subsidy.route != "minimal_financial_assistance":
        return
    signed = ctx.sheet.document.agreement_date
    if subsidy.assessment_date is None:
        yield ("no date is recorded for the minimal financial assistance notification (grant.subsidy.assessment_date): "
               "it must be given, and the Recipient's written confirmation received, before the agreement is signed "
               "(Subsidy Control Act 2022 s.37(1) to (3))", ("grant", "subsidy", "route"))
    elif signed and subsidy.assessment_date > signed:
        yield (f"the minimal financial assistance notification is dated {long_date(subsidy.assessment_date)}, after the "
               f"agreement ({long_date(signed)}): it must come first (Subsidy Control Act 2022 s.37(1) and (3))",
               ("grant", "subsidy", "assessment_date"))


@RULES.rule("GRANT-ASSET-LIFE", "info",
            "An asset's clawback period is cut to its useful life where that is shorter than the agreed period.")
def asset_life(ctx: RuleContext):
    assets = ctx.sheet.grant.assets
    for i, asset in enumerate(assets.items):
        if asset.life_years and asset.life_years < assets.clawback_years:
            yield (f"{asset.description}: its clawback period is {asset.life_years} years, its expected life, not the "
                   f"{assets.clawback_years} years agreed for the assets generally", ("grant", "assets", "items", i, "life_years"))


@RULES.rule("GRANT-ONWARD-GRANTS-WITHIN-GRANT", "error",
            "Onward grants to participants fit within the grant, and no single one exceeds their total.")
def onward_grants_within(ctx: RuleContext):
    grant = ctx.sheet.grant
    onward = grant.onward_grants
    if onward is None:
        return
    if onward.total > grant.maximum_sum:
        yield (f"onward grants of up to {money(onward.total)} are more than the maximum sum of {money(grant.maximum_sum)}",
               ("grant", "onward_grants", "total"))
    if onward.max_each > onward.total:
        yield (f"the most one participant may receive ({money(onward.max_each)}) is more than the onward grants' total "
               f"({money(onward.total)})", ("grant", "onward_grants", "max_each"))


def _is_letter(ctx: RuleContext) -> bool:
    return ctx.positions.get("grant_form") == "offer-letter"


@RULES.rule("GRANT-OFFER-LAPSES", "error",
            "An offer letter lapses on a date after the draft date and no later than the first instalment date, so "
            "that the offer can be accepted and the Grant is given before it is first paid.")
def offer_lapses(ctx: RuleContext):
    grant = ctx.sheet.grant
    if not _is_letter(ctx) or grant.offer_lapses is None:
        return
    first = min(i.date for i in grant.instalments)
    if grant.offer_lapses <= ctx.draft_date:
        yield (f"the offer lapses on {long_date(grant.offer_lapses)}, on or before the draft date "
               f"({long_date(ctx.draft_date)}): it could never be accepted", ("grant", "offer_lapses"))
    elif grant.offer_lapses > first:
        yield (f"the offer lapses on {long_date(grant.offer_lapses)}, after the first instalment date "
               f"({long_date(first)}): the letter could be accepted after the Grant was due to be paid",
               ("grant", "offer_lapses"))


@RULES.rule("GRANT-OFFER-LAPSES-BUSINESS-DAY", "warning",
            "An offer letter lapses on a Business Day, so that a signed letter sent on the last day can arrive in time.")
def offer_lapses_on_business_day(ctx: RuleContext):
    """Receipt is worked out under the notices clause: a letter emailed on a bank holiday arrives at 9am on the next
    Business Day, after the offer has lapsed, so the real last day would be the working day before."""
    from assembler.business_days import not_a_business_day, previous_business_day

    grant = ctx.sheet.grant
    if not _is_letter(ctx) or grant.offer_lapses is None:
        return
    country = ctx.sheet.document.country.value
    why = not_a_business_day(grant.offer_lapses, country)
    if why:
        yield (f"the offer lapses on {long_date(grant.offer_lapses)}, which is {why}, not a Business Day: a signed "
               "letter sent that day is received only on the next Business Day, after the offer has lapsed, so the "
               f"last day to accept is really {long_date(previous_business_day(grant.offer_lapses, country))}: give "
               "a Business Day", ("grant", "offer_lapses"))


_MATCH_WORDS = ("match funding", "match-funding", "matched funding", "match fund")


@RULES.rule("GRANT-MATCH-REMEDY-CONDITION", "error",
            "When a match-funding shortfall reduces the Grant, no instalment is conditional on the match funding: "
            "a condition would stop payment as well, and the draft would give both remedies.")
def match_remedy_condition(ctx: RuleContext):
    grant = ctx.sheet.grant
    if not grant.match_funding or grant.match_funding.shortfall != "reduce":
        return
    for i, inst in enumerate(grant.instalments):
        if inst.condition and any(w in inst.condition.lower() for w in _MATCH_WORDS):
            yield (f"instalment {i + 1} ({long_date(inst.date)}) is conditional on match funding ({inst.condition!r}), "
                   "but a shortfall reduces the Grant (match_funding.shortfall: reduce): remove the condition, or "
                   "choose shortfall: stop", ("grant", "instalments", i, "condition"))


_MFA_WORDS = ("mfa", "minimal financial assistance", "subsidy declaration", "section 37", "s.37")


@RULES.rule("GRANT-MFA-CONDITION", "warning",
            "The minimal financial assistance confirmation comes before the agreement is made (Subsidy Control Act "
            "2022 s.37(3)), so no instalment is conditional on it.")
def mfa_condition(ctx: RuleContext):
    grant = ctx.sheet.grant
    if grant.subsidy.route != "minimal_financial_assistance":
        return
    for i, inst in enumerate(grant.instalments):
        if inst.condition and any(w in inst.condition.lower() for w in _MFA_WORDS):
            yield (f"instalment {i + 1} ({long_date(inst.date)}) is conditional on the minimal financial assistance "
                   f"declaration ({inst.condition!r}); the Recipient's confirmation must be received before the "
                   "agreement is made (s.37(3)), not before payment: remove it from the condition",
                   ("grant", "instalments", i, "condition"))


@RULES.rule("GRANT-FINAL-CLAIM-WINDOW", "error",
            "Paid in arrears, where a claim may be sent only on or after an instalment's date, the last instalment "
            "can be claimed before the final claim deadline (the final report's deadline after the funding period).")
def final_claim_window(ctx: RuleContext):
    grant = ctx.sheet.grant
    if ctx.positions.get("payment_basis", "arrears") != "arrears":
        return
    deadline = grant.funding_period.end + dt.timedelta(days=grant.reporting.final_report_days)
    last_i, last = max(enumerate(grant.instalments), key=lambda p: p[1].date)
    if last.date > deadline:
        yield (f"the last instalment is dated {long_date(last.date)}, after the final claim deadline of "
               f"{long_date(deadline)} ({grant.reporting.final_report_days} days after the funding period): it could "
               "never be claimed in time; bring its date forward or lengthen reporting.final_report_days",
               ("grant", "instalments", last_i, "date"))


# ---- deliverables a payment depends on ----

_DOCUMENT_WORDS = ("plan", "review", "strategy", "assessment", "evaluation", "audit", "policy")
_REPORT_NAMES = ("progress report", "final report")


def _named_deliverables(grant, condition: str) -> list:
    """The deliverables a condition names, matched on the name the agreement defines (case-insensitive)."""
    text = condition.lower()
    return [d for d in grant.deliverables if d.name.lower() in text]


@RULES.rule("GRANT-MILESTONE-DELIVERABLE", "warning",
            "A payment condition that depends on a plan, review or approval names a deliverable the agreement "
            "defines, so the parties know what must be delivered, by when, and whether the Funder must approve it.")
def milestone_deliverable(ctx: RuleContext):
    grant = ctx.sheet.grant
    for i, inst in enumerate(grant.instalments):
        if not inst.condition:
            continue
        text = inst.condition.lower()
        for name in _REPORT_NAMES:
            text = text.replace(name + "s", "").replace(name, "")
        for d in _named_deliverables(grant, inst.condition):
            text = text.replace(d.name.lower(), "")
        words = [w for w in _DOCUMENT_WORDS if w in text]
        if words:
            yield (f"the condition of the instalment due {long_date(inst.date)} depends on a {words[0]} that no "
                   f"entry in grant.deliverables defines: add it there (content, due date, approval) and use its "
                   f"name in the condition", ("grant", "instalments", i, "condition"))


@RULES.rule("GRANT-DELIVERABLE-TIMING", "warning",
            "A deliverable a payment condition names is due, and can be approved, before the instalment's date.")
def deliverable_timing(ctx: RuleContext):
    grant = ctx.sheet.grant
    for i, inst in enumerate(grant.instalments):
        for d in _named_deliverables(grant, inst.condition or ""):
            ready = add_business_days(d.due, grant.reporting.acceptance_days) if d.approval else d.due
            if d.due > inst.date:
                yield (f"{d.name} is due {long_date(d.due)}, after the instalment that depends on it "
                       f"({long_date(inst.date)})", ("grant", "instalments", i, "condition"))
            elif ready > inst.date:
                yield (f"{d.name} is due {long_date(d.due)}; with {grant.reporting.acceptance_days} Business Days "
                       f"for approval it may not be approved until {long_date(ready)}, after the instalment that "
                       f"depends on it ({long_date(inst.date)}): bring the due date forward or move the instalment",
                       ("grant", "instalments", i, "condition"))


@RULES.rule("GRANT-PERSONAL-BUDGET-LIMITS", "warning",
            "A budget line of personal budgets comes with limits: the most per person and an approval level.")
def personal_budget_limits(ctx: RuleContext):
    grant = ctx.sheet.grant
    if grant.personal_budget_lines and grant.personal_budget_limits is None:
        index = grant.budget.index(grant.personal_budget_lines[0])
        yield ("a budget line is marked personal_budgets but grant.personal_budget_limits does not set the most per "
               "person (max_each): without it the agreement has no cap on payments to any one person",
               ("grant", "budget", index))


@RULES.rule("GRANT-MATCH-CONFIRM-BY", "warning",
            "Unconfirmed match funding has a confirmation date early enough to act on before most of the grant is paid.")
def match_confirm_by(ctx: RuleContext):
    grant = ctx.sheet.grant
    match = grant.match_funding
    if match is None or all(s.confirmed for s in match.sources):
        return
    if match.confirm_by is None:
        yield ("match funding is not all confirmed but match_funding.confirm_by is empty: the draft shows a "
               "placeholder for the date by which it must be confirmed", ("grant", "match_funding"))
        return
    paid = sum((i.amount for i in grant.instalments if i.date <= match.confirm_by), Decimal(0))
    if paid * 2 > grant.maximum_sum:
        yield (f"match funding need only be confirmed by {long_date(match.confirm_by)}, when instalments of "
               f"{money(paid)} (more than half the grant) are already due: set an earlier date",
               ("grant", "match_funding", "confirm_by"))


def _motor_cover(sheet) -> bool:
    """Whether the term sheet lists motor insurance among the other cover the Recipient must hold."""
    insurance = sheet.insurance
    if getattr(insurance, "motor", None) is not None:
        return True
    others = getattr(insurance, "other", None) or []
    return any(word in o.kind.lower() for o in others for word in ("motor", "vehicle", "minibus"))


@RULES.rule("GRANT-VEHICLE-INSURANCE", "warning",
            "A vehicle bought with the grant comes with motor insurance in the insurance list.")
def vehicle_insurance(ctx: RuleContext):
    sheet = ctx.sheet
    vehicles = [i for i, a in enumerate(sheet.grant.assets.items) if a.is_vehicle]
    if vehicles and not _motor_cover(sheet):
        asset = sheet.grant.assets.items[vehicles[0]]
        yield (f"{asset.description} is a vehicle but the insurance block has no motor insurance: the draft requires "
               "cover meeting Road Traffic Act 1988 Part VI in the assets clause; give the property damage level "
               "agreed as insurance.motor", ("grant", "assets", "items", vehicles[0], "description"))


@RULES.rule("GRANT-MOTOR-PROPERTY-MINIMUM", "error",
            "Motor insurance for property damage is at least the Road Traffic Act 1988 s.145(4)(b) minimum.")
def motor_property_minimum(ctx: RuleContext):
    """A motor figure below the statutory floor would let the policy breach Part VI, so the sheet must rise to it."""
    floor = _optional_figure(ctx, "motor_property_damage_minimum")
    others = getattr(ctx.sheet.insurance, "other", None) or []
    if floor is None:
        return
    motor = getattr(ctx.sheet.insurance, "motor", None)
    if motor is not None and motor < floor:
        yield (f"motor insurance: {money(motor)} is below {money(floor)}, the least cover for damage to property a "
               f"motor policy may be limited to (Road Traffic Act 1988 s.145(4)(b)); raise it to at least {money(floor)}",
               ("insurance", "motor"))
    for index, cover in enumerate(others):
        if any(word in cover.kind.lower() for word in ("motor", "vehicle", "minibus")) and cover.amount < floor:
            yield (f"{cover.kind}: {money(cover.amount)} is below {money(floor)}, the least cover for damage to "
                   "property a motor policy may be limited to (Road Traffic Act 1988 s.145(4)(b)); raise it to at "
                   f"least {money(floor)}", ("insurance", "other", index, "amount"))


@RULES.rule("GRANT-SINGLE-REPORT-PERIOD", "warning",
            "The reporting frequency gives at least one Progress Report before the Final Report.")
def single_report_period(ctx: RuleContext):
    """A grant shorter than one reporting period never produces a Progress Report: the draft makes the
    Final Report the only report, and the commissioner should know that before it is sent."""
    grant = ctx.sheet.grant
    if grant.single_report_period:
        yield (f"the funding period ({long_date(grant.funding_period.start)} to {long_date(grant.funding_period.end)}) "
               f"is no longer than one {grant.reporting.frequency.replace('annually', 'annual')} reporting period, so no Progress Report falls due "
               "and the draft makes the Final Report the only report; choose a shorter frequency if a report "
               "part-way through is wanted", ("grant", "reporting", "frequency"))


# ---- safeguarding: reports go to the council with social services functions ----

@RULES.rule("GRANT-SAFEGUARDING-AUTHORITY", "warning",
            "A district council funding work with children or adults at risk names the council that takes safeguarding reports.")
def safeguarding_authority(ctx: RuleContext):
    """A district council has no social services functions: adult enquiries (Care Act 2014 s.42) and child
    protection (Children Act 1989 s.47) are the county's in a two-tier area, so reports must not be routed
    to the district that funds the grant."""
    sheet = ctx.sheet
    grant = sheet.grant
    if sheet.document.country.value != "england" or not grant.vulnerable_people:
        return
    funder = sheet.funder.name
    if "district council" not in funder.lower():
        return
    named = grant.safeguarding_authority
    if named is None or named.strip().lower() == funder.strip().lower():
        yield (f"{funder} is a district council, which has no social services functions: safeguarding enquiries "
               "about adults (Care Act 2014 s.42) and children (Children Act 1989 s.47) are made by the county "
               "council in a two-tier area; name it in grant.safeguarding_authority so that reports go there",
               ("grant", "safeguarding_authority") if named else ("grant",))


# ---- the power, the funder's own grant and a limited right to end on notice ----

@RULES.rule("GRANT-POWER-GUIDANCE", "warning",
            "The power recited is an Act, not guidance; guidance the grant must follow goes in funded_from.")
def power_not_guidance(ctx: RuleContext):
    """Guidance confers no power: a recital that the Funder 'has power under ... Guidance' is wrong in law and
    leaves the guidance unenforceable against the Recipient (a Welsh review, three findings)."""
    grant = ctx.sheet.grant
    if "guidance" in grant.statutory_power.lower():
        where = "" if grant.funded_from and grant.funded_from.guidance else (
            "; put the guidance in grant.funded_from.guidance so that the agreement requires the Recipient to follow it")
        yield ("grant.statutory_power names guidance, which confers no power: name the Act (and section) only"
               + where, ("grant", "statutory_power"))


@RULES.rule("GRANT-NOTICE-TRIGGER", "warning",
            "A limit on the Funder's right to end on notice comes with a position that gives the Funder that right.")
def notice_trigger(ctx: RuleContext):
    grant = ctx.sheet.grant
    position = ctx.positions.get("termination_for_convenience", "funder-notice")
    if grant.notice_only_if and position != "funder-notice":
        yield (f"grant.notice_only_if limits the Funder's right to end on notice, but the position chosen is "
               f"'{position}', so the draft ignores it: choose funder-notice, or leave notice_only_if empty",
               ("grant", "notice_only_if"))


# ---- the decision, personal budgets, assets and the power (rebuilt from round 7's lost work) ----

@RULES.rule("GRANT-APPROVAL-BEFORE-INSTALMENT", "error",
            "No instalment falls due before the Funder's decision to give the grant.")
def approval_before_instalment(ctx: RuleContext):
    """A payment dated before the grant was approved would be paid without authority, and the Payment
    Schedule would show a date that has passed unpaid on the day of signing."""
    grant = ctx.sheet.grant
    decided = grant.decision_date
    if decided is None:
        return
    for i, inst in enumerate(grant.instalments):
        if inst.date < decided:
            yield (f"the instalment of {money(inst.amount)} is due {long_date(inst.date)}, before the decision to give "
                   f"the grant ({long_date(decided)}, from grant.decision): date it on or after the decision, or "
                   "correct the decision's date", ("grant", "instalments", i, "date"))


@RULES.rule("GRANT-PERSONAL-BUDGET-CAP", "warning",
            "The personal budget limits fit the personal budget lines: the most per person is within the lines' "
            "total, and the approval level is below the most per person.")
def personal_budget_cap(ctx: RuleContext):
    grant = ctx.sheet.grant
    limits = grant.personal_budget_limits
    lines = grant.personal_budget_lines
    if limits is None or not lines:
        return
    total = sum((b.amount for b in lines), Decimal(0))
    if limits.max_each > total:
        yield (f"the most for any one person ({money(limits.max_each)}) is more than the personal budget "
               f"line{'s' if len(lines) > 1 else ''} in total ({money(total)}), so it is no cap: lower max_each or "
               "correct the budget", ("grant", "personal_budget_limits", "max_each"))
    if limits.approval_above is not None and limits.approval_above >= limits.max_each:
        yield (f"a payment needs the Funder's approval only above {money(limits.approval_above)}, but no person may "
               f"receive more than {money(limits.max_each)}, so approval is never needed: set approval_above below "
               "max_each, or leave it out", ("grant", "personal_budget_limits", "approval_above"))


_GENERIC = {"and", "for", "the", "with", "from", "into", "new", "costs", "cost", "project", "purchase", "equipment",
            "capital", "items", "team", "support", "staff"}


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in _GENERIC}


@RULES.rule("GRANT-ASSET-IN-BUDGET", "warning",
            "Each capital asset to be bought with the grant has a budget line that pays for it.")
def asset_in_budget(ctx: RuleContext):
    """An asset listed for clawback but absent from the Budget is either bought outside the grant (so not
    a Grant-Funded Asset) or paid from a line that does not say so: the Budget and Schedule 2 disagree."""
    grant = ctx.sheet.grant
    for i, asset in enumerate(grant.assets.items):
        wanted = _words(asset.description)
        lines = [b for b in grant.budget if wanted & _words(b.item)]
        if not lines:
            yield (f"{asset.description} ({money(asset.cost)}) is listed as an asset bought with the grant, but no "
                   "budget line names it: add a line for it, or name it in the line that pays for it",
                   ("grant", "assets", "items", i, "description"))
        elif max(b.amount for b in lines) < asset.cost:
            yield (f"{asset.description} costs {money(asset.cost)}, more than the budget line that pays for it "
                   f"({money(max(b.amount for b in lines))}): correct the cost or the budget",
                   ("grant", "assets", "items", i, "cost"))


@RULES.rule("GRANT-POWER-ORDER", "warning",
            "A specific grant-making power is recited first, and the general power of competence in the alternative.")
def power_order(ctx: RuleContext):
    """The general power of competence (Localism Act 2011 s.1) carries the restrictions of any specific
    power it overlaps (s.2; Explanatory Notes para. 11), so a funder with a specific power (Housing Act 1996
    s.180 for homelessness grants) relies on it first and on the general power only so far as necessary.
    Leading with the general power is not unlawful; it is the order a reader expects, and the order the
    drafting note on the recital explains (checked against legislation.gov.uk, 2026-12-04)."""
    power = ctx.sheet.grant.statutory_power
    acts = re.findall(r"((?:[A-Z][a-z]+ )+(?:\([A-Za-z ]+\) )?Act \d{4})", power)
    acts = [a.strip() for a in acts]
    if len(acts) > 1 and "Localism Act 2011" in acts[0] and any("Localism Act 2011" not in a for a in acts[1:]):
        other = next(a for a in acts[1:] if "Localism Act 2011" not in a)
        yield (f"grant.statutory_power names the general power of competence (Localism Act 2011) before {other}: "
               "name the specific power first and the general power in the alternative ('and, so far as necessary, "
               "section 1 of the Localism Act 2011')", ("grant", "statutory_power"))


@RULES.rule("GRANT-MOBILISATION-DATE", "warning",
            "Mobilisation costs run from a date after the decision and before the funding period; a deliverable due "
            "before the funding period starts comes with that date.")
def mobilisation_date(ctx: RuleContext):
    """Work the agreement asks for before the funding period (a mobilisation plan due in March for an April start)
    is unpaid unless the sheet says from when getting ready is Eligible Expenditure; a date before the decision
    would pay for costs incurred before there was a grant to pay them."""
    grant = ctx.sheet.grant
    start = grant.funding_period.start
    when = grant.mobilisation_from
    if when is not None:
        if when >= start:
            yield (f"grant.mobilisation_from ({long_date(when)}) is not before the funding period starts "
                   f"({long_date(start)}), so it changes nothing: give an earlier date or leave it out",
                   ("grant", "mobilisation_from"))
        elif grant.decision_date and when < grant.decision_date:
            yield (f"grant.mobilisation_from ({long_date(when)}) is before the decision to give the grant "
                   f"({long_date(grant.decision_date)}): costs incurred before the decision are at the Recipient's own "
                   "risk; date it on or after the decision", ("grant", "mobilisation_from"))
        return
    early = [(i, d) for i, d in enumerate(grant.deliverables) if d.due < start]
    if early:
        i, d = early[0]
        yield (f"the {d.name} is due {long_date(d.due)}, before the funding period starts ({long_date(start)}), but "
               "nothing before the funding period is Eligible Expenditure: set grant.mobilisation_from to the date from "
               "which getting ready is paid for, or move the due date into the funding period",
               ("grant", "deliverables", i, "due"))
