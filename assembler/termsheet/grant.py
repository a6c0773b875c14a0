"""The grant funding agreement's term sheet: who funds whom, how much, when, and on what conditions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

import re
from dataclasses import dataclass

from pydantic import Field

from assembler.formatting import pence

from assembler.termsheet.common import Kpi, Money, Party, Percent, Period, Strict, TermSheetBase, Text
from assembler.termsheet.common import legal_field


class Instalment(Strict):
    date: dt.date = Field(description="When the instalment is due to be paid, as YYYY-MM-DD. For a payment on acceptance of an "
                          "offer letter, the earliest date it may be paid (e.g. the first day of the funding period): the "
                          "letter pays it within reporting.payment_days Business Days after the later of this date, the "
                          "acceptance and any condition.")
    amount: Money = Field(description="Amount of this instalment in pounds.")
    condition: str | None = Field(None, description="What must be done or shown before it is paid, e.g. 'Year 1 Annual Review "
                                  "approved'. Name any document or result the Funder must approve exactly as it is named in "
                                  "deliverables, so that the agreement defines it. Leave empty if it is paid with no condition.")
    long_stop: dt.date | None = Field(None, description="The last date by which the condition may be met, as YYYY-MM-DD. If it is "
                                      "not met by then, the Grant is reduced by the unpaid part of this instalment. Leave empty: "
                                      "three months after the instalment's date.")

    @property
    def long_stop_date(self) -> dt.date:
        """The long-stop the agreement prints: the sheet's date, else three months after the instalment's date, so
        that a part-paid milestone never leaves the balance owing indefinitely."""
        if self.long_stop is not None:
            return self.long_stop
        month = self.date.month + 3
        year, month = self.date.year + (month - 1) // 12, (month - 1) % 12 + 1
        day = min(self.date.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
                                  31, 31, 30, 31, 30, 31][month - 1])
        return dt.date(year, month, day)


class Deliverable(Strict):
    name: Text = Field(description="The name of the document or result, in capitals as the payment conditions use it, e.g. "
                       "'Mobilisation Plan' or 'Year 1 Annual Review'.")
    content: Text = Field(description="What it must contain or show, and any standard it must meet, as a phrase, e.g. 'the "
                          "staffing, referral, property-sourcing and risk plan for the first six months'.")
    due: dt.date = Field(description="The date by which the Recipient must deliver it, as YYYY-MM-DD.")
    approval: bool = Field(True, description="Whether the Funder must approve it (true), or it is a matter of fact shown by "
                           "evidence (false). Approval is never given by the Funder's silence.")


class BudgetLine(Strict):
    item: Text = Field(description="What the money is spent on, e.g. 'Support worker salaries'.")
    amount: Money = Field(description="Grant-funded amount for this line, in pounds.")
    personal_budgets: bool = Field(False, description="True for a line of small payments made to or for the people the "
                                   "Project supports (personal budgets: furniture, clothing, travel). These are allowed "
                                   "gifts, and items bought with them belong to the person, not the Recipient.")


class PersonalBudgetLimits(Strict):
    max_each: Money = Field(description="The most the Recipient may spend from personal budgets on any one person, in "
                            "pounds: over the whole funding period unless per is 'year'.")
    per: Literal["year", "funding-period"] = Field("funding-period", description="Whether max_each applies once over "
                                                   "the whole funding period ('funding-period', the usual reading of a "
                                                   "cap per person) or afresh in each Year ('year').")
    approval_above: Money | None = Field(None, description="A single payment above this amount needs the written approval "
                                         "of a manager the Recipient names to the Funder, in pounds. Leave empty for none.")


class MatchSource(Strict):
    source: Text = Field(description="Who provides the match funding, e.g. 'National Lottery Community Fund'.")
    amount: Money = Field(description="Amount in pounds.")
    confirmed: bool = Field(False, description="Whether the funding is confirmed in writing.")


class MatchFunding(Strict):
    percentage: Percent = Field(description="Match funding the Recipient must secure, as a percentage of the Total Project Cost.")
    sources: list[MatchSource] = Field(default_factory=list, description="Where the match funding comes from.")
    total_project_cost: Money | None = Field(
        None, description="The Total Project Cost in pounds: the budgeted cost of the whole Project, grant and match "
        "funding together. Leave empty to use the maximum sum plus the listed match funding.")
    confirm_by: dt.date | None = Field(
        None, description="The date by which every source not yet confirmed must be confirmed in writing, as YYYY-MM-DD. "
        "After it the Funder may re-profile the Instalments still to be paid. Leave empty: a placeholder.")
    shortfall: Literal["reduce", "stop"] = Field(
        "reduce", description="What happens if the match funding secured falls short: 'reduce' cuts the Grant in "
        "proportion; 'stop' lets the Funder stop further payments until the shortfall is made good. Never both.")


LOAN_WORDS = frozenset({"loan", "loans", "lending", "lent"})
VEHICLE_WORDS = frozenset({"minibus", "minibuses", "van", "vans", "vehicle", "vehicles", "car", "cars", "bus", "coach",
                           "lorry", "truck", "pickup", "motorcycle", "scooter", "tractor", "ambulance"})


class Asset(Strict):
    description: Text = Field(description="The asset bought with the grant, e.g. 'Minibus'.")
    cost: Money = Field(description="Expected cost in pounds.")
    kind: Literal["equipment", "fixture"] = Field(
        "equipment", description="'equipment' for a movable asset that can be sold (a vehicle, a laptop); 'fixture' "
        "for fit-out or works fixed to premises, which cannot be sold apart from them.")
    life_years: int | None = Field(None, ge=1, le=60, description="Expected useful life in years. The asset's clawback "
                                   "period is the shorter of this and assets.clawback_years.")
    lent: bool | None = Field(None, description="Whether the items are lent to the people the Project serves as part of "
                              "the Funded Activities (loan devices, a tool library): lending them is then use for the "
                              "Project, not a disposal. Empty: read from the description ('loan', 'lending'); never a fixture.")

    @property
    def is_vehicle(self) -> bool:
        """Whether the asset is a motor vehicle, read from its description: a vehicle needs the compulsory
        motor insurance of Road Traffic Act 1988 Part VI, which the insurance amounts cannot cap."""
        words = re.findall(r"[a-z]+", self.description.lower())
        return any(w in VEHICLE_WORDS for w in words)

    @property
    def is_lent(self) -> bool:
        """Whether the asset is lent to participants as part of the Funded Activities: the sheet's `lent` flag, or,
        where the sheet is silent, a loan word in its description ("Loan devices", "a lending library"); never a fixture."""
        if self.kind == "fixture":
            return False
        if self.lent is not None:
            return self.lent
        words = re.findall(r"[a-z]+", self.description.lower())
        return any(w in LOAN_WORDS for w in words)


class Assets(Strict):
    threshold: Money = Field(Decimal("1000"), description="Assets costing at least this much are recorded in the asset register and are subject to clawback.")
    clawback_years: int = legal_field(5, ge=0, le=25, description="Years after purchase during which the Funder may claw back the asset's value on disposal.")
    items: list[Asset] = Field(default_factory=list, description="Assets the Recipient plans to buy with the grant.")
    fixtures_remedy: Literal["repay-on-vacating", "security"] = legal_field(
        "repay-on-vacating", description="How the Funder protects grant-funded fixtures: 'repay-on-vacating' (the Recipient "
        "repays the unexpired share if it leaves the premises) or 'security' (a charge or restriction over the "
        "Recipient's interest in the premises).")

    def clawback_years_for(self, asset: Asset) -> int:
        """An asset's clawback period: the agreed period, cut to the asset's useful life where that is shorter,
        so the Recipient is never answerable for an asset that has worn out."""
        return min(self.clawback_years, asset.life_years or self.clawback_years)

    @property
    def longest_clawback_years(self) -> int:
        return max((self.clawback_years_for(a) for a in self.items), default=0)

    @property
    def has_fixtures(self) -> bool:
        return any(a.kind == "fixture" for a in self.items)


class OnwardGrants(Strict):
    recipients: Text = Field(description="Who may receive onward grants from the Recipient, e.g. 'tenants' and residents' groups in Brookside'.")
    purpose: Text = Field(description="What the onward grants are for, as a phrase, e.g. 'small community projects that reduce isolation'.")
    total: Money = Field(description="The most the Recipient may pay in onward grants in total, in pounds (part of the Budget).")
    max_each: Money = Field(description="The most any one participant may receive, in pounds.")


class PriorAssistance(Strict):
    financial_year: str = Field(pattern=r"^\d{4}/\d{2}$", description="Financial year, e.g. '2025/26'.")
    amount: Money = Field(description="Minimal financial assistance received that year, in pounds.")
    granting_body: Text = Field(description="Who gave it.")


class Subsidy(Strict):
    route: Literal["not_a_subsidy", "minimal_financial_assistance", "assessed", "scheme"] = Field(
        description="How the grant complies with the Subsidy Control Act 2022: not a subsidy; minimal "
        "financial assistance (s.36); assessed against the principles; or under a subsidy scheme."
    )
    rationale: str | None = Field(None, description="Why the route applies, in a sentence (for 'not_a_subsidy', e.g. 'no economic activity').")
    scheme_name: str | None = Field(None, description="The scheme relied on, where route is 'scheme'.")
    assessment_date: dt.date | None = Field(
        None, description="When the Funder completed its subsidy assessment (or MFA notification), as YYYY-MM-DD; "
        "it must be on or after 4 January 2023, when the Subsidy Control Act 2022 came into force.")
    prior_assistance: list[PriorAssistance] = Field(default_factory=list, description="Minimal financial assistance the Recipient received in this and the previous two financial years, as it declared it.")
    declared_none: bool = Field(False, description="true once the Recipient has declared in writing that it received no "
                                "minimal financial assistance in this and the previous two financial years. Until it "
                                "declares (an award listed, or this set to true) the declaration shows blanks to fill in.")


class Reporting(Strict):
    frequency: Literal["monthly", "quarterly", "six-monthly", "annually"] = Field("quarterly", description="How often the Recipient reports progress.")
    days_after_period: int = Field(20, ge=1, le=90, description="Business Days (working days, not weekends or bank "
                                   "holidays) after each reporting period by which the Progress Report is due.")
    final_report_days: int = Field(60, ge=1, le=180, description="Calendar days after the funding period ends by which the "
                                   "final report is due.")
    acceptance_days: int = Field(15, ge=1, le=60, description="Business Days the Funder has to accept or query a report; "
                                 "a report not queried in that time is treated as accepted.")
    reports_hold_payment: bool = Field(True, description="For payment in advance: true if each Instalment after the "
                                       "first waits for the Progress Reports then due; false if late reports are dealt "
                                       "with under the monitoring terms and never hold back a payment (a recipient with "
                                       "little in reserve).")
    payment_days: int = Field(10, ge=1, le=30, description="Business Days within which the Funder pays an Instalment "
                              "once it is due and its conditions are met.")


class Application(Strict):
    date: dt.date | None = Field(None, description="The date of the Recipient's application for the grant, as YYYY-MM-DD. "
                                 "Leave empty: the draft shows a placeholder.")
    reference: str | None = Field(None, description="The Funder's reference for the application, e.g. 'CG-APP-0412'.")


class FundedFrom(Strict):
    """The grant the Funder itself receives and passes on (a Welsh Government Housing Support Grant, a ring-fenced
    Public Health Grant): its terms are flowed down, so that what the Funder owes its own funder the Recipient owes it."""
    name: Text = Field(description="The Funder's own grant, as it is called, e.g. 'the Housing Support Grant'.")
    giver: Text = Field(description="Who gives it to the Funder, e.g. 'the Welsh Ministers'.")
    guidance: str | None = Field(None, description="Guidance or conditions of that grant the Recipient must follow, "
                                 "e.g. 'the Housing Support Grant Practice Guidance'. Empty: only conditions the "
                                 "Funder notifies in writing.")
    returns: str | None = Field(None, description="Returns the Funder must make to its funder that need the Recipient's "
                                "figures, e.g. 'its Housing Support Grant outcomes returns'. Empty: none.")


class Grant(Strict):
    project_name: Text = Field(description="Short name of the funded project, e.g. 'Harbour Housing First'.")
    purpose: Text = Field(description="What the grant is for, as one sentence starting with a verb, e.g. 'provide intensive support to ...'.")
    statutory_power: Text = legal_field(description="The power the Funder relies on, e.g. 'section 1 of the Localism Act 2011'.")
    maximum_sum: Money = Field(description="The most the Funder will pay, in pounds.")
    funding_period: Period = Field(description="The period in which grant-funded expenditure may be incurred.")
    instalments: list[Instalment] = Field(min_length=1, description="Payments the Funder makes; they must add up to the maximum sum.")
    budget: list[BudgetLine] = Field(min_length=1, description="How the grant will be spent; lines may not exceed the maximum sum.")
    activities: list[Text] = Field(min_length=1, description="The funded activities, one line each.")
    kpis: list[Kpi] = Field(default_factory=list, description="Key performance indicators for the funded activities.")
    notice_months: int = Field(3, ge=2, le=12, description="Under a position that lets a party end the grant without "
                               "cause: the months' written notice it must give, e.g. 6 where the Recipient asked for "
                               "time to wind down. Empty: 3.")
    notice_only_if: str | None = Field(
        None, description="Where the Funder may end the grant on notice: the only event on which it may do so, as words "
        "that follow 'if', e.g. 'the Welsh Government reduces its Housing Support Grant allocation to the Funder for a "
        "financial year in the Funding Period'. Empty: the Funder may end it on notice for any reason.")
    open_materials: list[Text] = Field(
        default_factory=list, description="Under the open-licence position for intellectual property: the materials the "
        "Recipient must publish for anyone to reuse, one line each, e.g. 'the coaching toolkit'. Reports, accounts and "
        "other project documents are not published. Empty under that position: a placeholder names them.")
    deliverables: list[Deliverable] = Field(default_factory=list, description="Documents or results the Recipient must "
                                            "deliver by a date (a plan, an annual review, an independent review), above "
                                            "all those a payment condition depends on. The agreement defines each one.")
    mobilisation_from: dt.date | None = Field(
        None, description="Where the Recipient gets ready before the funding period starts (recruiting, induction, a "
        "mobilisation plan): the date from which those costs count as Eligible Expenditure, as YYYY-MM-DD, on or after "
        "the decision to give the grant and before the funding period starts. Empty: nothing before the funding period "
        "is paid for unless the Funder agrees in writing.")
    decision: str | None = Field(None, description="How and when the Funder approved the grant, as words following "
                                 "'approved', e.g. 'by the Director of Public Health under delegated powers on 17 November "
                                 "2026 (decision PH/DEL/26/052)'. Empty: the recital shows a blank for it, which `--final` refuses.")
    funded_from: FundedFrom | None = Field(None, description="Where the grant is paid out of a grant the Funder itself "
                                           "receives (Housing Support Grant, Public Health Grant): which, from whom, and "
                                           "its guidance and returns. Empty: the Funder's own money.")
    personal_budget_limits: PersonalBudgetLimits | None = Field(None, description="Controls on personal budgets, where a "
                                                                "budget line is marked personal_budgets.")
    match_funding: MatchFunding | None = Field(None, description="Match funding the Recipient must secure; leave out if none.")
    assets: Assets = Field(default_factory=Assets, description="Assets bought with the grant and the clawback on their disposal.")
    subsidy: Subsidy = legal_field(description="The subsidy control position.")
    onward_grants: OnwardGrants | None = Field(None, description="Grants the Recipient makes onward to participants out of "
                                               "the grant; leave out if none.")
    application: Application = Field(default_factory=Application, description="The Recipient's application for the grant, "
                                     "which the agreement refers to and which the Recipient warrants is accurate.")
    offer_lapses: dt.date | None = Field(
        None, description="For a grant offer letter: the last day on which the Recipient may accept the offer by returning "
        "the countersigned letter, as YYYY-MM-DD; after it the offer lapses. Leave empty: the draft shows a placeholder.")
    reporting: Reporting = Field(default_factory=Reporting, description="Monitoring and reporting.")
    records_years: int = legal_field(6, ge=1, le=20, description="Years after the funding period for which records are kept.")
    bank_account: str | None = Field(None, description="Not printed: the agreement never sets out bank details (it may be published). Keep them on the grant file, verified independently of the Recipient's signed confirmation.")
    personal_data: bool = Field(False, description="Whether personal data is processed under the grant (e.g. records of the people the Recipient "
                                "supports). Sets the default data_protection role: 'controllers' if true, 'none' if false; "
                                "say data_protection.role: processor only if the Recipient acts solely on the Funder's instructions.")
    safeguarding_authority: str | None = Field(
        None, description="The council whose children's and adult social care services take safeguarding referrals where "
        "the activities take place, e.g. 'Westshire County Council' (in a two-tier area the county council, not the "
        "district council). Empty: the draft names the local authority responsible for social care in the area.")
    funder_referrals: str | None = Field(
        None, description="What the Funder itself undertakes to refer to the Project, as words that follow 'refer', "
        "e.g. 'at least 6 eligible people in each quarter of the first year through its multi-agency panel'. Empty: "
        "the Funder promises no referrals, and the draft gives the Recipient no relief for low referrals.")
    vulnerable_people: bool = Field(True, description="Whether the activities involve children or adults at risk (brings in safeguarding and DBS terms).")

    @property
    def single_report_period(self) -> bool:
        """True when the funding period ends within the first reporting period: no Progress Report falls
        due, so the draft makes the Final Report the only report (a five-month grant reporting six-monthly)."""
        months = {"monthly": 1, "quarterly": 3, "six-monthly": 6, "annually": 12}[self.reporting.frequency]
        return self.funding_period.months <= months

    @property
    def reporting_period_ends(self) -> list[dt.date]:
        """The last day of each reporting period: successive spans from the start of the funding period, the last
        ending with it (as the monitoring clause says). Clauses print from it, rules check against it."""
        months = {"monthly": 1, "quarterly": 3, "six-monthly": 6, "annually": 12}[self.reporting.frequency]
        start, end = self.funding_period.start, self.funding_period.end
        ends, n = [], 1
        while True:
            total = start.month - 1 + months * n
            year, month = start.year + total // 12, total % 12 + 1
            boundary = dt.date(year, month, 1 if start.day == 1 else min(start.day, 28))
            period_end = boundary - dt.timedelta(days=1)
            if period_end >= end:
                ends.append(end)
                return ends
            ends.append(period_end)
            n += 1

    @property
    def bank_verification(self) -> str | None:
        """How and when the Funder verified the account ('verified by call-back 2 March 2027'), read from the
        end of bank_account, so the draft does not ask for a confirmation the Funder already holds."""
        text = self.bank_account or ""
        at = text.lower().find("verified")
        return text[at:].strip().rstrip(".") if at >= 0 else None

    @property
    def final_report_due(self) -> dt.date:
        """The last day for the Final Report: final_report_days calendar days after the funding period ends."""
        return self.funding_period.end + dt.timedelta(days=self.reporting.final_report_days)

    @property
    def last_paid_on_final_report(self) -> bool:
        """Whether the last Instalment waits for the Final Report: it does unless the sheet sets it another condition
        (evidence of the last quarter's spend, say), which the draft must then honour rather than add a wait."""
        last = max(self.instalments, key=lambda i: i.date)
        return not last.condition or "final report" in last.condition.lower()

    @property
    def instalments_total(self) -> Decimal:
        return sum((i.amount for i in self.instalments), Decimal(0))

    @property
    def decision_date(self) -> dt.date | None:
        """The date the decision words give ('... on 25 November 2026 ...'), or None when they give none:
        the last such date, as a decision may be recorded as taken on one date and confirmed on another."""
        months = "January|February|March|April|May|June|July|August|September|October|November|December"
        found = re.findall(rf"\b(\d{{1,2}}) ({months}) (\d{{4}})\b", self.decision or "")
        dates = []
        for day, month, year in found:
            try:
                dates.append(dt.datetime.strptime(f"{day} {month} {year}", "%d %B %Y").date())
            except ValueError:
                continue
        return max(dates) if dates else None

    @property
    def personal_budget_lines(self) -> list[BudgetLine]:
        return [b for b in self.budget if b.personal_budgets]

    @property
    def budget_total(self) -> Decimal:
        return sum((b.amount for b in self.budget), Decimal(0))

    @property
    def total_project_cost(self) -> Decimal:
        """The Total Project Cost the match-funding clause measures against: the figure the term sheet gives,
        else the maximum sum plus the listed match funding (the budget the two sources pay for together)."""
        if self.match_funding and self.match_funding.total_project_cost is not None:
            return self.match_funding.total_project_cost
        return self.maximum_sum + self.match_total

    @property
    def match_total(self) -> Decimal:
        if not self.match_funding:
            return Decimal(0)
        return sum((s.amount for s in self.match_funding.sources), Decimal(0))

    @property
    def match_required(self) -> Decimal:
        """The least Match Funding the Recipient must secure: the percentage of the Total Project Cost."""
        if not self.match_funding:
            return Decimal(0)
        return pence(self.total_project_cost * self.match_funding.percentage / 100)

    @property
    def match_bite(self) -> Decimal | None:
        """The Match Funding below which the reducing formula starts to cut the Grant: the maximum sum times the
        match percentage over the rest. Below the minimum match but above this figure, nothing is cut."""
        mf = self.match_funding
        if not mf or mf.shortfall != "reduce" or not mf.percentage:
            return None
        return pence(self.maximum_sum * mf.percentage / (100 - mf.percentage))

    @property
    def match_shortfall(self) -> MatchShortfall | None:
        """The reduction formula of the match-funding clause applied to a plausible shortfall, so a
        reviewer sees what it costs: every source not yet confirmed fails (or, if all are confirmed,
        the largest). None when there is no reducing match funding or no shortfall would follow."""
        mf = self.match_funding
        if not mf or mf.shortfall != "reduce" or not mf.sources or not mf.percentage:
            return None
        lost = [s for s in mf.sources if not s.confirmed] or [max(mf.sources, key=lambda s: s.amount)]
        left = self.match_total - sum((s.amount for s in lost), Decimal(0))
        if left >= self.match_required:
            return None
        grant_left = min(self.maximum_sum, pence(left * (100 - mf.percentage) / mf.percentage))
        return MatchShortfall(
            lost=tuple(s.source for s in lost), match_left=left, grant_left=grant_left,
            cut=self.maximum_sum - grant_left,
            share=pence(grant_left * 100 / self.maximum_sum) if self.maximum_sum else Decimal(0))


@dataclass(frozen=True)
class MatchShortfall:
    """The match-funding reduction worked on the sheet's own numbers, for the schedule and the note:
    the sources assumed lost, the Match Funding left, the Grant it supports and the cut."""
    lost: tuple[str, ...]
    match_left: Decimal
    grant_left: Decimal
    cut: Decimal
    share: Decimal  # the reduced Grant as a percentage of the maximum sum


class GrantTermSheet(TermSheetBase):
    """Term sheet for a grant funding agreement between a public funder and a recipient."""

    family: Literal["grant"] = Field(description="Always 'grant' for this family.")
    funder: Party = Field(description="The public body giving the grant.")
    recipient: Party = Field(description="The organisation receiving the grant.")
    grant: Grant = Field(description="The grant itself.")
