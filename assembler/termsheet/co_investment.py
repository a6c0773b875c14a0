"""The co-investment agreement's term sheet: who puts in what (cash, property, capital), for what purpose,
how it is secured and repaid, and what happens to the assets at the end."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, ClassVar, Literal

from pydantic import Field, PrivateAttr, model_validator

from assembler.formatting import pence
from assembler.termsheet.borrower import DeliveryFinances
from assembler.termsheet.common import legal_field
from assembler.termsheet.common import (
    Kpi,
    LegalForm,
    Money,
    Party,
    Percent,
    Period,
    Strict,
    TermSheetBase,
    Text,
)

_BUILD_WORDS = re.compile(
    r"\b(new[- ]build|newly built|build(?:ing)? contract|construct(?:ion|ed|s)?|start on site|frame and roof|"
    r"practical completion|garage sites?|development site|building plot|cleared site|vacant land|land (?:rear|at|adjoining))\b",
    re.IGNORECASE)

TitleNumber = Annotated[str, Field(pattern=r"^[A-Z]{0,3}\d{1,7}$")]


class Property(Strict):
    """One property contributed to the partnership, as it appears in the property schedule."""

    address: Text = Field(description="Full postal address on one line, e.g. '14 Tower Street, Eastborough EB1 2AA'.")
    title_number: TitleNumber | None = Field(
        None, description="HM Land Registry title number, e.g. 'LL123456'. Leave empty for unregistered land: the draft shows a placeholder.")
    tenure: Literal["freehold", "leasehold"] = Field(
        description="What the delivery organisation receives: 'freehold' (a transfer) or 'leasehold' (a lease granted to it).")
    lease_years: int | None = Field(
        None, ge=1, le=999, description="For a leasehold, the length of the lease granted, in whole years.")
    valuation: Money = Field(description="Market value of the interest contributed, in pounds, from the independent valuation: "
                             "for a leasehold, the value of the lease granted (not of the freehold the authority keeps).")
    valuation_date: dt.date | None = Field(
        None, description="Date of the independent valuation, e.g. 2026-09-02, which the property schedule states with the "
        "valuation's basis. Leave out while it is not known: the schedule then says the date is in the valuation report.")
    value_after_works: Money | None = Field(
        None, description="Expected market value once the agreed works are done, in pounds, on the basis the investors' "
        "valuer uses: the value the loan-to-value test uses. Leave out to use the valuation.")
    consideration: Money = Field(
        Decimal(0), description="Price or premium the delivery organisation pays for it, in pounds (0 for a gift), shown as the price in the property schedule. "
        "Valuation less consideration is the undervalue.")
    homes: int = Field(1, ge=0, le=500, description="Homes (dwellings) the property provides; 0 for a non-residential building.")
    use: str | None = Field(None, description="Intended use, e.g. 'Two-bedroom house for an affordable rent'.")
    held_for: Literal["general", "housing"] | None = Field(
        None, description="How the authority holds the property before it is contributed: 'general' (held for general "
        "purposes, so section 123 of the Local Government Act 1972 and the General Disposal Consent (England) 2003 apply) or "
        "'housing' (held for the purposes of Part 2 of the Housing Act 1985, so it is disposed of under section 32 of that Act "
        "with the Secretary of State's consent, general or specific, and section 123 does not apply). Leave out only while "
        "the authority has not confirmed it: the draft then shows both routes for the lawyer to choose.")
    bedrooms: int | None = Field(
        None, ge=0, le=10, description="Bedrooms in each home (0 for a studio), for the Local Housing Allowance rate that caps "
        "its rent. Leave out for a non-residential building, or where the homes differ in size (give bedroom_mix instead).")
    bedroom_mix: dict[Annotated[int, Field(ge=0, le=10)], Annotated[int, Field(ge=1, le=500)]] = Field(
        default_factory=dict, description="Where the property's homes differ in size: how many homes have each number of "
        "bedrooms (0 for a studio), e.g. {1: 10, 2: 4} for ten one-bedroom and four two-bedroom flats. The numbers must add "
        "up to homes. The rent roll prices each size at its rent in income.rent_by_bedrooms, the property schedule shows "
        "the mix and the rent cap follows each home's bedrooms. Leave out where every home has the same bedrooms (give bedrooms).")
    occupiers: Text | None = Field(
        None, description="Existing tenancies or occupiers the delivery organisation takes the property subject to, e.g. "
        "'Assured tenancy of the first-floor flat granted 1 June 2026'. Leave out for a property transferred with vacant possession. "
        "A part of the property the authority keeps (a rooftop telecoms site, a substation) is not an occupier: put it under excepted.")
    vacate_before_transfer: Text | None = Field(
        None, description="A tenancy or occupation of the property that the authority must end before it is contributed, "
        "so that it is transferred with vacant possession, e.g. 'the secure tenancy (the tenant has accepted a move to a "
        "Council bungalow)'. The draft makes ending it (and the occupiers leaving) a completion condition and Schedule 1 "
        "records it, instead of saying there is no tenancy. A tenancy the delivery organisation takes over goes under "
        "occupiers instead. Leave out if none.")
    excepted: Text | None = Field(
        None, description="A part of the property the lease or transfer excepts and reserves to the authority, which keeps "
        "it, with any agreement under which it is used, e.g. 'the rooftop site used under the Electronic Communications Code "
        "agreement dated 14 May 2019 for a mobile telephone installation, which the Council keeps'. The draft excepts and "
        "reserves it with rights of access and heads for damage and the works; where the text names a telecoms installation (the "
        "Electronic Communications Code, a mast, an antenna) it adds the operator's rights and the roof and structure. "
        "Leave out if none.")

    @model_validator(mode="after")
    def _mix_adds_up(self) -> Property:
        if self.bedroom_mix:
            if self.bedrooms is not None:
                raise ValueError("give either bedrooms (every home the same size) or bedroom_mix (homes of different "
                                 "sizes), not both")
            if sum(self.bedroom_mix.values()) != self.homes:
                raise ValueError(f"bedroom_mix adds up to {sum(self.bedroom_mix.values())} homes, but homes is "
                                 f"{self.homes}: the numbers of homes of each size must add up to homes")
        return self

    @property
    def mix(self) -> dict:
        """Homes by number of bedrooms: the bedroom_mix, or every home at bedrooms; empty if the bedrooms are not given."""
        if self.bedroom_mix:
            return dict(sorted(self.bedroom_mix.items()))
        if self.bedrooms is not None and self.homes:
            return {self.bedrooms: self.homes}
        return {}

    @property
    def mix_words(self) -> str:
        """The mix for the property schedule, e.g. '10 x 1-bed, 4 x 2-bed' (a studio is '0-bed' written 'studio')."""
        return ", ".join(f"{n} \u00d7 {'studio' if b == 0 else str(b) + '-bed'}" for b, n in self.mix.items())

    @model_validator(mode="after")
    def _lease_has_length(self) -> Property:
        if self.tenure == "leasehold" and self.lease_years is None:
            raise ValueError("a leasehold property needs lease_years (the length of the lease granted)")
        if self.tenure == "freehold" and self.lease_years is not None:
            raise ValueError("lease_years is only for a leasehold property; remove it or set tenure: leasehold")
        return self

    @property
    def undervalue(self) -> Decimal:
        return max(self.valuation - self.consideration, Decimal(0))

    _SHARED: ClassVar[re.Pattern] = re.compile(
        r"\bshar(?:ed|ing)\b(?!\s+(?:ownership|staff|office|garden|lounge|entrance|common|communal|base|facilit))")

    @property
    def excepted_in_use(self) -> bool:
        """The excepted part is occupied or used by someone under an agreement or carries apparatus (a substation, a
        mast, a let shop), as opposed to bare land the authority simply keeps (a verge, a strip for a road)."""
        return bool(self.excepted and re.search(
            r"\b(lease[ds]?(?!\s+plan)|wayleaves?|licen[cs]e[ds]?|tenan\w*|substation|apparatus|cables?|masts?|occupied|let to|used by|"
            r"operators?|equipment|plant)\b", self.excepted, re.I))

    @property
    def shared_home(self) -> bool:
        """The use describes a home shared by residents (a shared house or flat), not self-contained homes that share
        only a staff base, garden or entrance: only a shared home can be a house in multiple occupation."""
        text = (self.use or "").lower()
        if "self-contained" in text or "self contained" in text:
            return False
        return bool(self._SHARED.search(text))

    @property
    def vacate_own_use(self) -> bool:
        """What is to end before the transfer is the authority's own use (an office, a store, a depot), not a tenancy or
        licence: there is then no tenant to leave and no right to buy, only the authority's move and making good."""
        text = (self.vacate_before_transfer or "").lower()
        if not text or re.search(r"tenan|licen[cs]|\blease|lodger|resident|right to buy", text):
            return False
        return bool(re.search(r"\bown (?:use|occupation|operational|service)|\bits own\b|\boperational use\b|"
                              r"\bstore\b|\bdepot\b|\boffices?\b", text))

    @property
    def telecoms_exception(self) -> bool:
        """The excepted part is a telecoms installation (the draft then adds the Electronic Communications Code and
        roof-and-structure heads); any other excepted part (a substation, a pumping station) gets neutral heads."""
        text = (self.excepted or "").lower()
        return any(w in text for w in ("telecom", "communications code", "mobile telephone", "mobile phone",
                                       "antenna", " mast"))

    @property
    def undervalue_per_home(self) -> Decimal:
        """The authority's contribution attributable to each home in the property: clawback follows each home."""
        return (self.undervalue / self.homes).quantize(Decimal("0.01")) if self.homes else self.undervalue


class PassedThrough(Strict):
    """Part of the authority's grant that is money the authority received from a fund, passed on subject to the fund's
    conditions."""

    fund: Text = Field(description="The fund, as the draft should name it, e.g. 'the Local Authority Housing Fund'.")
    funder: Text = Field(description="Who gave the money to the authority and may recover it, e.g. 'the Ministry of "
                         "Housing, Communities and Local Government'.")
    amount: Money = Field(description="The part of the grant, in pounds, paid from that fund.")
    conditions: Text | None = Field(
        None, description="The document setting the fund's conditions, e.g. 'the memorandum of understanding between the "
        "Council and the Ministry for round 3 of the Fund'. Leave out for 'the conditions on which the fund was allocated'.")
    spend_by: dt.date | None = Field(
        None, description="Date by which the fund's conditions require the money to be spent, as YYYY-MM-DD, if they set "
        "one. Leave out where none is known: a drafting note asks for it.")


class Contribution(Strict):
    """A contribution by the authority or the delivery organisation: a cash grant, own funds or property."""

    kind: Literal["grant", "own_funds", "property"] = Field(
        description="'grant' (cash given, not repaid), 'own_funds' (the giver's own cash put in as equity) or "
        "'property' (land or buildings, listed under properties).")
    description: Text = Field(description="What it is, e.g. 'Capital grant from the Council's housing capital programme'.")
    amount: Money | None = Field(None, description="The cash amount in pounds; leave out for a property contribution.")
    properties: list[Property] = Field(default_factory=list, description="For a property contribution, each property contributed.")
    rtb_receipts: Money | None = Field(
        None, description="For the authority's grant: the part of it, in pounds, paid from Right to Buy receipts the "
        "authority retains under its retention agreement with the Secretary of State (s.11(6) of the Local Government "
        "Act 2003). The draft then limits that money to homes the agreement allows. Leave out if none.")
    passed_through: PassedThrough | None = Field(
        None, description="For the authority's grant: the part of it that is the authority's allocation from a fund "
        "(e.g. a government fund), passed on subject to that fund's conditions. The draft then passes the conditions down "
        "to the delivery organisation, asks for the information the authority reports, and makes the delivery "
        "organisation repay what the funder recovers because of its act or omission. Leave out if none.")
    section_106: bool | None = Field(
        None, description="For the authority's grant: whether it is paid from sums paid to the authority under planning "
        "obligations (section 106 of the Town and Country Planning Act 1990), e.g. commuted sums in lieu of on-site "
        "affordable housing. The draft then makes the authority confirm, as a completion condition, that those "
        "obligations allow the money to be spent on this scheme by this delivery organisation, with no spend-by date or "
        "repayment the agreement does not allow. Leave out to read it from the description ('section 106', 's.106', "
        "'commuted sums', 'planning obligations').")
    received: bool | None = Field(
        None, description="For the delivery organisation's cash: whether it already holds the money (true: e.g. a grant "
        "already paid to it), so the draft asks for evidence that it holds it, not for a grant agreement under which it "
        "is still to be paid. Leave out to read it from the description ('already received', 'received on 3 March 2026'); 'received by' alone names the recipient and is not enough.")
    withdrawable_shares: bool | None = Field(
        None, description="For the delivery organisation's own funds: whether the money was raised as withdrawable "
        "share capital (community shares), which members may withdraw under the society's rules. The draft then makes "
        "the board's suspension of withdrawals a condition and a covenant, until every home bought has first been let (or, "
        "where no homes are bought, until the works are complete). Leave out to "
        "read it from the description ('withdrawable shares').")
    grant_for: Literal["homes_bought", "schedule"] | None = Field(
        None, description="For the authority's grant, where the authority contributes properties and homes are also "
        "bought: what the grant pays for, and so which homes carry it as their Attributable Contribution (the clawback). "
        "'schedule': the works to the properties the authority contributes (the grant is divided between the homes in "
        "the property schedule); 'homes_bought': the homes to be bought (divided between them). Leave out to read it from "
        "the description: 'works', 'conversion' or 'refurbish', without 'buy', 'purchase' or 'acqui', means 'schedule'; "
        "otherwise 'homes_bought'.")

    @property
    def for_schedule(self) -> bool:
        """The grant pays for the works to the authority's own properties, not for homes to be bought."""
        if self.grant_for is not None:
            return self.grant_for == "schedule"
        words = (self.description or "").lower()
        return bool(re.search(r"\bworks?\b|conversion|refurbish", words)) and not re.search(r"\bbuy|purchas|acqui", words)

    @property
    def held(self) -> bool:
        """The delivery organisation already holds this cash (a grant already received)."""
        if self.received is not None:
            return self.received
        return bool(re.search(r"\balready\s+(?:received|paid|held)\b|\b(?:has|have)\s+(?:been\s+)?received\b|"
                              r"\breceived\s+(?:on|in)\s+\d", self.description or "", re.IGNORECASE))

    @property
    def withdrawable(self) -> bool:
        """Own funds raised as withdrawable share capital, which members could withdraw before it is spent."""
        if self.withdrawable_shares is not None:
            return self.withdrawable_shares
        return self.kind == "own_funds" and "withdrawable" in (self.description or "").lower() \
            and "non-withdrawable" not in (self.description or "").lower()

    @model_validator(mode="after")
    def _shape_fits_kind(self) -> Contribution:
        if self.kind == "property":
            if not self.properties:
                raise ValueError("a property contribution lists at least one property under properties")
            if self.amount is not None:
                raise ValueError("a property contribution takes its value from the properties' valuations; remove amount")
        else:
            if self.amount is None:
                raise ValueError(f"a {self.kind} contribution needs an amount in pounds")
            if self.rtb_receipts is not None and (self.kind != "grant" or self.rtb_receipts > self.amount):
                raise ValueError("rtb_receipts is the part of a grant paid from Right to Buy receipts: it must be a grant "
                                 "and no more than its amount")
            if self.properties:
                raise ValueError(f"only a property contribution lists properties, not a {self.kind} contribution")
            if self.passed_through is not None and (self.kind != "grant" or self.passed_through.amount > self.amount):
                raise ValueError("passed_through is the part of a grant paid from a fund: it must be a grant and no more "
                                 "than its amount")
        return self

    @property
    def value(self) -> Decimal:
        if self.kind == "property":
            return sum((p.valuation for p in self.properties), Decimal(0))
        return self.amount or Decimal(0)


class Investment(Strict):
    """Capital an investor puts in, repaid with a return."""

    investor: Annotated[str, Field(min_length=1, max_length=40)] = Field(
        description="The short name of the investor, exactly as in its entry under investors, e.g. 'Fund'.")
    description: Text = Field(description="What it is, e.g. 'Senior secured loan' or 'Social investment bond'.")
    amount: Money = Field(description="Capital committed, in pounds.")
    return_rate: Percent = Field(description="The investor's return, % a year, as a percentage (4.5 for 4.5%): the fixed "
                                 "rate, the target rate, or the cap on the share of surplus, as return_basis says.")
    return_basis: Literal["fixed", "target", "capped_surplus_share"] = Field(
        "fixed", description="'fixed' (interest at a fixed rate on capital outstanding, owed whatever the surplus), "
        "'target' (a return the partnership aims to pay from income after the fixed payments, not a debt if it is not "
        "reached) or 'capped_surplus_share' (a share of the surplus, paid only if there is one, up to the rate).")
    cumulative: bool = Field(
        False, description="For a target return or a capped share of surplus: whether a shortfall in one year is carried "
        "forward and paid from later years' income (true) or lost (false). A fixed rate is always owed in full.")
    repayment: Literal["amortising", "at_end"] = Field(
        "amortising", description="Capital repaid by equal yearly instalments of capital and return to maturity "
        "('amortising') or in one sum at maturity ('at_end').")
    maturity: dt.date | None = Field(
        None, description="The date by which the capital must be repaid in full, as YYYY-MM-DD. Leave out for the last "
        "day of the partnership term (or, with instalment_years, the last instalment date); it must not be later.")
    instalment_years: int | None = Field(
        None, ge=1, le=60, description="For 'amortising': the number of equal yearly instalments the investor's offer "
        "states, e.g. 20 for 'equal instalments over 20 years'. Leave out for equal yearly payments from the last "
        "drawdown to maturity.")
    first_instalment: dt.date | None = Field(
        None, description="With instalment_years: the date of the first instalment, as YYYY-MM-DD. Leave out for the "
        "first anniversary of the last drawdown.")
    ranks_after_authority: bool = Field(
        False, description="With security_ranking 'investor-first': true where this investor's charge ranks behind the "
        "authority, which then takes a legal charge of its own for any clawback, ranking after the investors that "
        "rank first and before this one (e.g. 'the senior lender ranks first; the foundation ranks behind the "
        "Council'). Leave out (false) for a charge ranking ahead of the authority's clawback.")
    _service: object = PrivateAttr(None)

    @property
    def yearly_reserve(self) -> Decimal | None:
        """For capital repaid in one sum: the equal yearly payment into the capital repayment reserve that builds it
        up over the whole years from the last drawdown to maturity, so that the one sum is not left to chance."""
        if self.repayment != "at_end" or self._service is None:
            return None
        return pence(self.amount / max(self._service.years, 1))

    @property
    def service(self):
        """Its maturity and yearly payment (a DebtService), worked out by the whole term sheet, which knows the term
        and the drawdowns."""
        return self._service


class DebtService(Strict):
    """One investment's repayment profile, worked out from the term sheet so the schedule and the rules agree."""

    investor: str
    maturity: dt.date
    years: int
    payment_dates: list[dt.date] = []
    first_drawdown: dt.date
    last_drawdown: dt.date
    yearly_payment: Decimal
    yearly_return_on_full_capital: Decimal

    @property
    def annuity_start(self) -> dt.date | None:
        """One year before the first instalment: return on the capital drawn is paid up to this date, and each
        instalment then pays the year's return, so no period's return is paid twice."""
        return add_years(self.payment_dates[0], -1) if self.payment_dates else None

    @property
    def return_dates(self) -> list[dt.date]:
        """The return-only period before the first instalment: return on the capital drawn is paid yearly in arrear,
        on the anniversaries of `annuity_start` that fall at least a year after the first drawdown, the last on
        `annuity_start` itself (one date only where the period is shorter than that; none where the first drawdown is
        on or after `annuity_start`)."""
        if not self.payment_dates:
            return []
        out, k = [], 0
        while (day := add_years(self.annuity_start, -k)) >= add_years(self.first_drawdown, 1):
            out.append(day)
            k += 1
        if out:
            return sorted(out)
        # drawn on or after annuity_start: nothing is outstanding before it, so no return-only payment falls due (the
        # first instalment is reduced instead)
        return [self.annuity_start] if self.annuity_start > self.first_drawdown else []


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (28 February for 29 February in a year that is not a leap year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def yearly_instalment(amount: Decimal, rate_percent: Decimal, years: int) -> Decimal:
    """The equal yearly payment of capital and return that repays `amount` over `years` at the rate (an annuity);
    capital alone in equal parts at a nil rate."""
    if years <= 0:
        return pence(amount)
    r = rate_percent / Decimal(100)
    if r == 0:
        return pence(amount / years)
    return pence(amount * r / (1 - (1 + r) ** -years))


class Contributions(Strict):
    stated_total: Money = Field(description="Total of all contributions as approved (e.g. in the council report), in pounds. "
                                "The contributions must add up to it.")
    authority: list[Contribution] = Field(min_length=1, description="What the authority puts in.")
    delivery: list[Contribution] = Field(default_factory=list, description="What the delivery organisation puts in.")
    investments: list[Investment] = Field(min_length=1, description="What each investor puts in.")

    @property
    def authority_total(self) -> Decimal:
        return sum((c.value for c in self.authority), Decimal(0))

    @property
    def delivery_total(self) -> Decimal:
        return sum((c.value for c in self.delivery), Decimal(0))

    @property
    def investment_total(self) -> Decimal:
        return sum((i.amount for i in self.investments), Decimal(0))

    @property
    def total(self) -> Decimal:
        return self.authority_total + self.delivery_total + self.investment_total

    @property
    def properties(self) -> list[Property]:
        return [p for c in (*self.authority, *self.delivery) for p in c.properties]

    @property
    def authority_properties(self) -> list[Property]:
        return [p for c in self.authority for p in c.properties]

    @property
    def delivery_properties(self) -> list[Property]:
        return [p for c in self.delivery for p in c.properties]

    @property
    def delivery_cash(self) -> Decimal:
        """The delivery organisation's own cash contribution (not property)."""
        return sum((c.value for c in self.delivery if c.kind != "property"), Decimal(0))

    @property
    def property_total(self) -> Decimal:
        return sum((p.valuation for p in self.properties), Decimal(0))

    @property
    def consideration_total(self) -> Decimal:
        return sum((p.consideration for p in self.properties), Decimal(0))

    @property
    def cash_total(self) -> Decimal:
        return self.total - self.property_total

    @property
    def authority_grant(self) -> Decimal:
        return sum((c.value for c in self.authority if c.kind == "grant"), Decimal(0))

    @property
    def grant_for_schedule(self) -> bool:
        """The authority's grant pays for the works to its own properties (every grant item says so)."""
        grants = [c for c in self.authority if c.kind == "grant"]
        return bool(grants) and bool(self.authority_properties) and all(c.for_schedule for c in grants)

    @property
    def s106_grant(self) -> Decimal:
        """The part of the authority's grant paid from planning-obligation (section 106) sums: each grant the sheet
        marks section_106, or whose description says so."""
        def from_s106(c: Contribution) -> bool:
            if c.section_106 is not None:
                return c.section_106
            return bool(_S106_WORDS.search(c.description or ""))
        return sum((c.amount or Decimal(0) for c in self.authority if c.kind == "grant" and from_s106(c)), Decimal(0))

    @property
    def fund_named(self) -> bool:
        """A grant of the authority's is described as coming from a named fund ('... its Local Authority Housing Fund
        allocation': a capitalised name, or an allocation), not the authority's own fund ('the Council's community
        assets fund'), but no part of it is marked as passed through: a drafting note asks which part is."""
        return not self.passed_through and any(
            c.kind == "grant" and re.search(r"\b[A-Z][\w']*(?:\s+[A-Z][\w']*)*\s+Fund\b|\bfund\s+allocation\b|\ballocation\s+(?:from|under)\s+the\b",
                                            c.description or "") for c in self.authority)

    @property
    def passed_through(self) -> list:
        """The parts of the authority's grant paid from a fund and passed through on its conditions."""
        return [c.passed_through for c in self.authority if c.passed_through is not None]

    @property
    def rtb_receipts(self) -> Decimal:
        """The part of the authority's grant paid from retained Right to Buy receipts."""
        return sum((c.rtb_receipts or Decimal(0) for c in self.authority), Decimal(0))

    @property
    def undervalue(self) -> Decimal:
        """The authority's disposals below value, taken together (the General Disposal Consent test)."""
        return sum((p.undervalue for p in self.authority_properties), Decimal(0))

    @property
    def authority_assistance(self) -> Decimal:
        """The authority's cash grants plus its undervalue: the value it gives away."""
        return self.authority_grant + self.undervalue

    @property
    def general_undervalue(self) -> Decimal:
        """Undervalue on land held for general purposes, or not yet said to be held for housing (the cautious reading):
        the only part the General Disposal Consent limit measures."""
        return sum((p.undervalue for p in self.authority_properties if p.held_for != "housing"), Decimal(0))

    @property
    def unknown_held_properties(self) -> list[Property]:
        """The authority's properties whose holding purpose the term sheet does not give: never assumed."""
        return [p for p in self.authority_properties if p.held_for is None]

    @property
    def housing_properties(self) -> list[Property]:
        return [p for p in self.authority_properties if p.held_for == "housing"]

    @property
    def homes_in_schedule(self) -> int:
        return sum(p.homes for p in self.properties)

    @property
    def longest_lease(self) -> int:
        return max((p.lease_years or 0 for p in self.authority_properties), default=0)


class Drawdown(Strict):
    date: dt.date = Field(description="When the cash is paid in, as YYYY-MM-DD.")
    contributor: Annotated[str, Field(min_length=1, max_length=40)] = Field(description="Short name of the party paying it.")
    amount: Money = Field(description="Amount in pounds.")
    condition: str | None = Field(None, description="What must be done first, e.g. 'Completion of the first 20 acquisitions'.")
    homes_required: int | None = Field(
        None, ge=0, le=10000, description="Homes that must have been bought before this drawdown, where the condition "
        "requires a number (e.g. 20 for 'at least 20 homes acquired'); checked against the cash drawn before it.")


class Partnership(Strict):
    name: Text = Field(description="Short name of the partnership, e.g. 'Eastborough Homes Partnership'.")
    purpose: Text = Field(description="The shared purpose, as one sentence starting with a verb, e.g. 'provide affordable homes ...'.")
    area: Text = Field(description="Where the partnership works, e.g. 'the town of Eastborough'.")
    term: Period = Field(description="The partnership term.")
    homes_target: int | None = Field(None, ge=1, le=10000, description="Impact target: homes the partnership will provide in the term. "
                                     "Leave out for a partnership that does not provide homes.")
    property_count: int | None = Field(None, ge=0, le=1000, description="Number of properties the approval states are contributed; "
                                       "it must match the property rows.")
    outcomes: list[Kpi] = Field(min_length=1, description="Outcomes and impact targets, reported to the partnership board.")
    authority_powers: list[Text] = legal_field(min_length=1, description="The powers the authority relies on, e.g. 'section 1 of the Localism Act 2011'.")
    delivery_objects: Text = Field(description="The delivery organisation's charitable or social objects, in brief, as in its governing document.")
    conditions_longstop: dt.date = Field(description="Date by which the conditions precedent must be met, as YYYY-MM-DD.")
    confidential_addresses: bool | None = Field(
        None, description="Whether the addresses of the homes must be kept confidential (a refuge, or homes for people "
        "at risk of harm). The draft then binds every party to keep them confidential, makes the authority remove them "
        "before publishing the agreement, and notes the Freedom of Information Act and Land Registry points. Leave out "
        "to read it from the sheet: true where the licensed homes or the partnership purpose mention a refuge.")


class Acquisition(Strict):
    homes_to_acquire: int = Field(0, ge=0, le=10000, description="Homes the delivery organisation will buy with the cash contributions.")
    deadline: dt.date | None = Field(None, description="Date by which those homes are to be bought, as YYYY-MM-DD.")
    let_by: dt.date | None = Field(
        None, description="Date by which every home bought must be refurbished and let (the letting long-stop, often "
        "the outcome target's date), as YYYY-MM-DD. A home bought on the acquisition deadline needs time for its works, "
        "so this should be later than the deadline. Leave out for six months after the acquisition deadline.")
    areas: list[Text] = Field(default_factory=list, description="Areas (towns, wards, postcodes) where homes may be bought.")
    price_cap: Money | None = Field(None, description="Highest purchase price for one home, in pounds, before refurbishment.")
    min_lease_years: int | None = Field(
        None, ge=1, le=999, description="The shortest unexpired lease term a leasehold home bought may have, in years, "
        "as the investors agree it. Left out, the Acquisition Criteria show a bracketed [85] years and the note flags it as "
        "this draft's assumption to confirm with the investors.")
    all_in_cap: Money | None = Field(None, description="Highest total cost for one home including refurbishment and fees, in pounds "
                                     "(excluding refurbishment where works_budget is a separate budget for the homes bought).")
    refurbishment_standard: Text = Field("the Decent Homes Standard", description="Standard every home must meet before it is let.")
    property_types: list[Text] = Field(default_factory=list, description="Kinds of home wanted, e.g. 'two-bedroom houses'.")
    bedroom_mix: dict[Annotated[int, Field(ge=0, le=10)], Annotated[int, Field(ge=0, le=10000)]] = Field(
        default_factory=dict, description="Homes to be bought by number of bedrooms, e.g. {2: 9, 3: 9}, where the rent "
        "depends on size (income.rent_by_bedrooms): the business plan rents the bought homes on this mix. Leave out "
        "where the mix is not agreed: the plan then assumes an equal number of each size and a drafting note says so.")
    expected_value: Money | None = Field(
        None, description="Expected market value of each bought home, subject to tenancies, once refurbished and let, in "
        "pounds: the value the loan-to-value test uses. Leave out to use the purchase price cap.")
    works_budget: Money = Field(
        Decimal(0), description="Total budget for works to the transferred properties before they are let, in pounds "
        "(0 for none), including any VAT on the works the delivery organisation cannot recover: a use of the cash in "
        "the sources and uses. Where homes are bought and no properties are scheduled, the budget for the works to all "
        "the homes bought, outside their all-in cost cap (which then covers the price, fees and any stamp duty land tax).")
    works_complete_by: dt.date | None = Field(
        None, description="Date by which the works to the properties in the property schedule must be finished "
        "(practical completion in the building programme), as YYYY-MM-DD. Leave out for the day before rent is planned "
        "to start (income.income_starts), or six months after the properties are let or transferred if neither is given.")
    new_build: bool | None = Field(
        None, description="Whether the delivery organisation builds new homes on the properties in the property schedule "
        "(true: a development obligation with planning, a building contract and practical completion) rather than "
        "refurbishing or converting existing buildings (false). Leave out to read it from the sheet's own words (a garage "
        "site, land, a building contract, start on site, practical completion).")
    planning_permission: Literal["needed", "granted", "not_needed"] | None = Field(
        None, description="Whether the works or the new use need planning permission: 'needed' (not yet granted: the "
        "grant of it, free of challenge, becomes a completion condition), 'granted' (already granted: the draft relies "
        "on it) or 'not_needed'. Leave out while it is not known: a drafting note asks the lawyer to check.")

    @model_validator(mode="after")
    def _mix_adds_up(self):
        if self.bedroom_mix and sum(self.bedroom_mix.values()) != self.homes_to_acquire:
            raise ValueError(f"bedroom_mix adds up to {sum(self.bedroom_mix.values())} homes, but homes_to_acquire is "
                             f"{self.homes_to_acquire}")
        return self

    _CONDITION: ClassVar[re.Pattern] = re.compile(r"^(?:within|near|close to|no more than|less than|not more than)\b", re.I)

    @property
    def area_words(self) -> str | None:
        """The areas as the Acquisition Criteria state them: places are alternatives ('in A or in B'); an entry that is
        a condition ('within a mile of a primary school') applies to every place ('and, in either case, within ...')."""
        places = [a for a in self.areas if not self._CONDITION.match(a.strip())]
        conditions = [a for a in self.areas if self._CONDITION.match(a.strip())]
        if not conditions or not places:
            return None  # a plain list: the clause joins it
        where = "In " + (", in ".join(places[:-1]) + " or in " + places[-1] if len(places) > 1 else places[0])
        each = "in either case" if len(places) == 2 else "in each case"
        cond = " and ".join(conditions)
        return f"{where} and, {each}, {cond}" if len(places) > 1 else f"{where}, {cond}"

    _SIZE: ClassVar[re.Pattern] = re.compile(
        r"\b(one|two|three|four|five|six|[1-6])[- ]bed(?:room)?s?\b", re.IGNORECASE)
    _BOUND: ClassVar[re.Pattern] = re.compile(
        r"\b(at least|no fewer than|a minimum of|no more than|not more than|at most|up to|a maximum of)\s+(\d+)\b",
        re.IGNORECASE)

    @property
    def mix_bounds(self) -> dict[int, tuple[int, int | None]]:
        """Where each kind of home in property_types names one size and any bound on the number bought ('two-bedroom
        houses (at least 8)', 'four-bedroom houses (no more than 2)'): the fewest and most homes of each size the
        Acquisition Criteria allow (most None: no limit). Empty unless every kind names a size and one names a bound."""
        words = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
        out: dict[int, tuple[int, int | None]] = {}
        bounded = False
        for kind in self.property_types:
            sizes = {words.get(m.lower(), None) or int(m) for m in self._SIZE.findall(kind)}
            if len(sizes) != 1:
                return {}
            size = sizes.pop()
            lo, hi = 0, None
            for word, n in self._BOUND.findall(kind):
                bounded = True
                if word.lower() in ("at least", "no fewer than", "a minimum of"):
                    lo = int(n)
                else:
                    hi = int(n)
            if size in out:
                return {}
            out[size] = (lo, hi)
        return out if bounded else {}

    @property
    def lease_years_min(self) -> int | None:
        """The shortest unexpired lease term for a home bought: min_lease_years, else a figure the property types state
        ('a lease of at least 99 years unexpired'); None where the sheet gives none."""
        if self.min_lease_years:
            return self.min_lease_years
        m = re.search(r"at least (\d+) years(?: unexpired| left)", " ".join(self.property_types or []), re.I)
        return int(m.group(1)) if m else None


OUTSIDE_DOCUMENT = re.compile(r"\b(?:identified|set out|referred to|recorded)\s+in\s+(?:the|a)\s+(?:\w+\s+)?(?:report|decision|minute)", re.I)
LETTERED_CONSENT = re.compile(r"\bConsent\s+[A-Z]{1,2}\b")


class Consents(Strict):
    """The consents the authority's contributions need, as the authority's decision records them."""

    housing_disposal: Literal["general_housing_consents", "specific"] = legal_field(
        "general_housing_consents", description="For property held for housing: the consent under section 32 of the "
        "Housing Act 1985 the authority relies on, 'general_housing_consents' (a consent in The General Housing Consents "
        "given under section 34) or 'specific' (the Secretary of State's consent for this disposal, a completion condition).")
    housing_disposal_reference: Text | None = legal_field(
        None, description="For general_housing_consents: the paragraph of the general consents relied on, as the "
        "authority's decision records it, e.g. 'Consent A3.1'.")
    financial_assistance: Literal["general_consent", "specific", "not_needed"] | None = legal_field(
        None, description="Consent under section 25 of the Local Government Act 1988 for the authority's grant or "
        "undervalue (financial assistance or a gratuitous benefit) for homes let by someone other than a local authority: "
        "'general_consent' (a general consent under section 25 covers it), 'specific' (the Secretary of State's consent, "
        "a completion condition) or 'not_needed' (the authority's decision records why). Leave out only where no homes are let.")
    financial_assistance_reference: Text | None = legal_field(
        None, description="For general_consent: the consent and paragraph relied on, e.g. 'General Consent C of the general "
        "consents under section 25 of the Local Government Act 1988 (2010)'; for not_needed: why.")

    @property
    def financial_assistance_unnamed(self) -> bool:
        """A general consent identified only through another document (a report or decision), not by its letter: the
        draft then names the consent with a placeholder for its letter rather than point outside the agreement."""
        ref = self.financial_assistance_reference or ""
        return (self.financial_assistance == "general_consent" and bool(OUTSIDE_DOCUMENT.search(ref))
                and not LETTERED_CONSENT.search(ref))


class Security(Strict):
    investor_charge: bool = legal_field(True, description="Whether the investors take a legal charge over the properties.")
    authority_restriction: bool = legal_field(True, description="Whether the authority registers a restriction on each title to protect its clawback.")
    priority_deed: bool = legal_field(True, description="Whether the authority, the investors and the delivery organisation sign a priority deed.")
    authority_charge: bool | None = legal_field(
        None, description="With security_ranking 'investor-first': true where the authority also takes a legal charge of "
        "its own over the properties, securing any clawback and ranking after every investor's charge (e.g. 'the council "
        "holds a restriction and a second charge for the clawback'); false where the parties have agreed it takes none. "
        "Leave out while it is not known: the draft then drafts no charge and asks the question in a note. (Authority-first "
        "and pari-passu ranking always give the authority a charge; an investor marked ranks_after_authority ranks behind it.)")


class Nominations(Strict):
    percentage: Percent = Field(description="Share of all lettings across the partnership homes, first and later lets "
                                "taken together and counted each year, for which the authority nominates the tenant.")
    registered_provider: bool | None = Field(
        None, description="Whether the delivery organisation is a private registered provider of social housing "
        "(registered with the Regulator of Social Housing). Only a nomination to a registered provider's assured "
        "tenancy is an allocation under Part 6 of the Housing Act 1996 (s.159(2)(c)), and only a registered provider is "
        "bound by the Rent Standard. Leave out while it is not known: the draft then asks for it, and never assumes "
        "either answer.")
    nominated_by: Text | None = Field(
        None, description="Where the authority's nominees come from, as the words that follow 'The Council must "
        "nominate a person', e.g. 'whom its leaving care service approves' or 'from its housing register'. Leave out for "
        "'from its housing register'.")
    eligible: Text | None = Field(
        None, description="Who may be nominated or housed, e.g. 'a young person aged 18 to 24 leaving the Council's "
        "care'. A home the authority does not nominate to in time may be let only to such a person. Leave out for "
        "'a household in housing need in the partnership area'.")
    days_to_nominate: int = Field(10, ge=1, le=60, description="Working days the authority has to nominate after notice of a vacancy.")
    rent_cap: Text = Field("Local Housing Allowance", description="The cap on rents, e.g. 'Local Housing Allowance' or '80% of market rent'.")
    brma: Text | None = Field(
        None, description="The Broad Rental Market Area whose Local Housing Allowance rates cap the rents, e.g. 'Lincoln'.")
    housing_authority: bool | None = Field(
        None, description="Whether the authority is a local housing authority (section 1 of the Housing Act 1985: a "
        "district, London borough or unitary council, or a Welsh county or county borough council), with an allocation "
        "scheme under Part 6 and homelessness duties under Part 7 of the Housing Act 1996. False for an English county "
        "council in a two-tier area, which is not: its nominations then serve its other functions (e.g. adult social "
        "care) and the draft says nothing of Part 6 or Part 7. Leave out for a local housing authority.")
    market_rent_percent: Percent | None = Field(
        None, description="Where rents are also capped at a share of market rent (an intermediate rent, e.g. '80% of "
        "market rent, and no more than the Local Housing Allowance'): that share, e.g. 80. The draft then caps each rent "
        "at the lower of that share of the home's open market rent and the Local Housing Allowance rate. Leave out to "
        "read it from rent_cap (a phrase such as '80% of market rent'), or for no market-rent cap.")
    lha_by_bedrooms: bool = Field(
        True, description="Whether the rent of each home is capped at the Local Housing Allowance rate for the Broad Rental "
        "Market Area for the number of bedrooms the household is entitled to (true), rather than a single figure.")
    use: Literal["settled", "temporary_accommodation"] | None = Field(
        None, description="What the homes are for: 'settled' (a settled home, let on an assured periodic tenancy, each "
        "nomination by a local housing authority to a registered provider an allocation under Part 6 of the Housing Act "
        "1996) or 'temporary_accommodation' (homes the authority uses to secure accommodation for households under Part 7 "
        "of that Act, e.g. under s.188 or s.193, occupied on the licence or tenancy the Nominations Agreement sets out, "
        "outside Part 6, and given back when the authority's duty ends). Leave out to read it from the partnership "
        "purpose ('... as temporary accommodation'); otherwise settled.")

    _MARKET: ClassVar[re.Pattern] = re.compile(r"(\d+(?:\.\d+)?)\s*(?:%|per ?cent)\s+of\s+(?:the\s+)?(?:open\s+)?market\s+rents?",
                                               re.IGNORECASE)

    _CIRCULAR: ClassVar[re.Pattern] = re.compile(
        r"^(?:whom|who|which|that)\s+(.+?)\s+(?:nominates|nominate|puts forward|refers)\s*$", re.IGNORECASE)
    _OWNER: ClassVar[re.Pattern] = re.compile(r"^(?:the\s+)?[A-Z][\w ]*?'s\s+")
    _HOUSEHOLD: ClassVar[re.Pattern] = re.compile(r"^(?:an?|any)\s+(household|family)\b", re.IGNORECASE)
    _CHILDREN: ClassVar[re.Pattern] = re.compile(
        r"\bdependent child|\bwith (?:a |at least one |one or more )?(?:dependent )?child(?:ren)?\b|\bfamil(?:y|ies) with "
        r"(?:dependent )?children\b|\bpregnant\b", re.IGNORECASE)
    _WORK: ClassVar[re.Pattern] = re.compile(r"\bkey[- ]workers?\b|\bemploy(?:ed|ment|s)\b|\bwork(?:s|ing)? (?:in|for|as)\b",
                                             re.IGNORECASE)

    @property
    def acting_through(self) -> str | None:
        """Where nominated_by only names the part of the authority that nominates ("whom the Council's Housing Needs
        Service nominates"), that part as the authority's own ("its Housing Needs Service"): the clause then says the
        authority nominates acting through it, not "nominate a person whom ... nominates"."""
        m = self._CIRCULAR.match((self.nominated_by or "").strip())
        if not m:
            return None
        return self._OWNER.sub("its ", m.group(1), count=1)

    @property
    def nominee(self) -> str:
        """The noun for whom the authority nominates: "household" (or "family") where the eligibility words describe
        one, or where none are given; "person" otherwise."""
        if not self.eligible:
            return "household"
        m = self._HOUSEHOLD.match(self.eligible.strip())
        return m.group(1).lower() if m else "person"

    @property
    def nomination_words(self) -> str:
        """The words after "nominate" in the clause: the eligible nominee and where the nominee comes from, without
        repeating the noun ("a person ..., who must be a household ...") or the verb ("nominate a person whom its
        service nominates")."""
        source = None if self.acting_through else (self.nominated_by or "from its housing register")
        if not self.eligible:
            return f"a household {source or 'from its housing register'}"
        if not source:
            return self.eligible
        if self.nominee == "person":
            return f"a person {source}, who must be {self.eligible}"
        if source.lower().startswith("from "):
            return f"{self.eligible}, {source}"
        return f"a {self.nominee} {source}, which must be {self.eligible}"

    @property
    def for_families(self) -> bool:
        """Whether every nominee is a household with a child (or expecting one), as the eligibility words say: the
        shared accommodation rate for single claimants under 35 then never applies."""
        return bool(self.eligible and self._CHILDREN.search(self.eligible))

    @property
    def homelessness(self) -> bool:
        """Whether the nominees are households the authority owes a homelessness duty (the eligibility words name
        homelessness or a duty in Part 7 of the Housing Act 1996): the nominations then serve its Part 7 functions."""
        return bool(self.eligible and re.search(r"\bhomeless|\bsection 1(?:8[4-9]|9\d)[A-Z]?\b|\bs\.\s?1(?:8[4-9]|9\d)|\bPart 7\b",
                                                self.eligible, re.IGNORECASE))

    @property
    def work_based(self) -> bool:
        """Whether eligibility depends on the nominee's work (key-worker housing): a tenant then stops being eligible by
        leaving that work."""
        return bool(self.eligible and self._WORK.search(self.eligible))

    @property
    def market_cap(self) -> Decimal | None:
        """The share of open market rent that also caps each rent: market_rent_percent, or the percentage that rent_cap
        states ('80% of market rent'); None if neither does."""
        if self.market_rent_percent is not None:
            return self.market_rent_percent
        m = self._MARKET.search(self.rent_cap or "")
        return Decimal(m.group(1)) if m else None


class Surplus(Strict):
    reserve_percent: Percent = Field(Decimal(10), description="Share of the whole Gross Income from the properties (not of what is left after operating costs) paid each year into the repairs reserve, after operating costs and before any return or surplus.")
    uses: list[Text] = Field(min_length=1, description="What any surplus may be used for, e.g. 'buying further homes'; the "
                             "Partnership Board chooses among them each year.")


class Clawback(Strict):
    years: int = Field(ge=1, le=125, description="Years from the transfer or purchase of each home during which clawback applies.")
    uplift_share: Percent | None = Field(None, description="For the uplift-share basis: the authority's share of any increase in value.")
    runs_with_term: bool | None = Field(
        None, description="For the tapered basis: whether the clawback tapers over the partnership term and ends with it "
        "(true: every home's clawback period ends on the last day of the term, and the taper counts complete years of "
        "the term) rather than running its years from each home's transfer or purchase. Leave out to read it from the "
        "sheet: true where the clawback years equal the length of the partnership term.")


class Disposal(Strict):
    asset_lock: bool = Field(True, description="Whether the assets are locked to the purpose (sold only to another body with the same purpose).")
    permitted: list[Text] = Field(default_factory=list, description="Disposals allowed without consent, beyond the lettings of homes the agreement already allows, e.g. 'a tenancy of the café of no more than five years'.")
    society_lock: bool | None = Field(
        None, description="For a community benefit society as the delivery organisation: whether its registered rules "
        "contain the statutory restriction on the use of its assets (the Community Benefit Societies (Restriction on Use "
        "of Assets) Regulations 2006, Schedule 1). Either way the draft limits a Substitute Provider, and any other "
        "transferee, to the bodies that restriction allows; true makes the note say the rules contain it, and leaving it "
        "out asks for the rules to be checked.")
    licensed_homes: Text | None = Field(
        None, description="The homes whose occupiers hold licences, not tenancies, described as the draft should name them, "
        "e.g. 'refuge units' or 'hostel rooms'. Left out, the draft reads them from a permitted disposal such as "
        "'licences of refuge units to residents'; with neither, every home is let on an assured periodic tenancy.")


class EndOfTerm(Strict):
    notice_months: int = Field(12, ge=1, le=60, description="Months before the end of the term by which the end-of-term option is exercised or discussed.")
    option_price: Text | None = Field(None, description="For the authority-option route, how the price is set, e.g. 'market value less the value of the authority's contributions'.")
    option_less_contribution: bool = Field(
        False, description="For the authority-option route: whether the price of each home is its market value less the "
        "authority's contribution attributable to it (true). The draft then states that formula in its own defined terms, "
        "with the valuation basis below and a floor of nil, in place of the option_price words; and, where the delivery "
        "organisation is a charity, makes a Charity Commission order sanctioning the option a completion condition, "
        "because an option below market value cannot meet the best-terms route in section 119 of the Charities Act 2011.")
    option_valuation_basis: Literal["vacant_possession", "subject_to_tenancies"] = Field(
        "subject_to_tenancies", description="For the authority-option route: whether each home is valued for the option "
        "price with vacant possession or subject to the tenancies then in place.")
    option_floor: bool = Field(
        True, description="For the authority-option route: whether the price is never less than the amount then secured on "
        "the home by the investors' charges (true), so that exercising the option always repays them.")

    @property
    def floor_in_terms(self) -> bool:
        """Whether the instructions themselves put a floor under the option price: option_floor given on the sheet, or
        option_price words such as "never less than the amount then secured". Otherwise the floor (option_floor's
        default) is the draft's proposal, and the note says so."""
        return "option_floor" in self.model_fields_set or bool(re.search(
            r"never less|not less|no less|at least|greater of|secured", self.option_price or "", re.IGNORECASE))


class Subsidy(Strict):
    route: Literal["not_a_subsidy", "minimal_financial_assistance", "assessed"] = Field(
        description="How the authority's contribution complies with the Subsidy Control Act 2022: not a subsidy; "
        "minimal financial assistance (s.36); or assessed against the principles.")
    rationale: str | None = Field(None, description="Why the route applies, in a sentence or two. For an assessed "
                                 "subsidy, the reasons it is consistent with the principles (the draft leaves out words "
                                 "that only restate the route, such as 'exceeds minimal financial assistance').")
    decision_reference: str | None = Field(
        None, description="The reference of the authority's decision to give its contribution (a Cabinet or committee "
        "report or decision number, e.g. 'report HRG/CAB/26/91'): the subsidy clause cites it with the decision date. "
        "Leave out where there is none.")
    assessment_date: dt.date | None = Field(None, description="When the authority completed its subsidy assessment, as YYYY-MM-DD.")
    decision_date: dt.date | None = Field(
        None, description="When the authority's decision to give its contribution was confirmed (for a Cabinet decision, "
        "the day it could no longer be called in), as YYYY-MM-DD: the subsidy database entry is due within three months "
        "of it (Subsidy Control Act 2022 s.33(3)(c)). Leave out while it is not known.")

    decided_on: dt.date | None = Field(
        None, description="When the authority's decision-maker decided to give its contribution (for a Cabinet decision, "
        "the meeting), as YYYY-MM-DD, where that is earlier than decision_date: the draft then dates the subsidy "
        "database deadline from this earlier day, so that the entry is in time whichever day counts as the "
        "confirmation. Leave out where the decision took effect on the day it was made.")

    _RESTATES: ClassVar[re.Pattern] = re.compile(
        r"minimal financial assistance|\bassessed (?:it|them|the \w+) against|against the subsidy control principles"
        r"|\bis a subsidy\b", re.IGNORECASE)

    @property
    def reasons(self) -> str | None:
        """For an assessed subsidy, the rationale's reasons without the words that only restate the route ("the grant
        exceeds minimal financial assistance; the Council assessed it against the subsidy control principles:"), as
        words that follow "for these reasons:"; a leading "it" becomes "the assistance"."""
        if not self.rationale:
            return None
        text = " ".join(self.rationale.split()).rstrip(".")
        parts = [p.strip() for p in re.split(r"(?<=[;:])\s+", text)]
        kept = [p for p in parts if not self._RESTATES.search(p)]
        if not kept or self.route != "assessed":
            return text
        out = " ".join(kept).rstrip(";:")
        return re.sub(r"^it\b", "the assistance", out)

    def database_due(self, months: int, earliest: bool = False) -> dt.date | None:
        """The last day for the subsidy database entry: the last day of the `months` beginning with the confirmation of
        the decision (or, with `earliest`, with the day the decision was made, where the sheet gives an earlier one).
        "Within three months of confirmation" (s.33(3)(c)) may be read either way; counting the day of confirmation as
        the first day gives the earlier date (12 November to 11 February), which is in time on either reading."""
        start = self.decided_on if earliest and self.decided_on and self.decision_date and self.decided_on < self.decision_date \
            else self.decision_date
        if start is None:
            return None
        y, m = divmod(start.month - 1 + int(months), 12)
        year, month = start.year + y, m + 1
        for day in (start.day, 30, 29, 28):
            try:
                return dt.date(year, month, day) - dt.timedelta(days=1 if day == start.day else 0)
            except ValueError:
                continue
        return None
    prior_assistance: Money = Field(
        Decimal(0), description="For minimal financial assistance: the minimal or SPEI financial assistance the delivery "
        "organisation has already received in the financial year in which the authority gives its assistance and the two "
        "before it (Subsidy Control Act 2022 s.36(2) and (7)); assistance from earlier years does not count. In pounds.")


class Vehicle(Strict):
    """The special purpose vehicle, where the vehicle position is 'spv'."""

    name: str | None = Field(None, description="Name of the new body that will hold the properties, e.g. 'Eastborough Homes "
                             "Community Benefit Society Limited'. Empty: the draft shows a placeholder.")
    legal_form: str | None = Field(None, description="Its legal form, in words, e.g. 'a community benefit society registered under "
                                   "the Co-operative and Community Benefit Societies Act 2014'.")
    authority_directors: str | None = Field(None, description="How many of its directors or board members the authority appoints, "
                                            "in words, e.g. 'two' or 'one third'.")


class Liability(Strict):
    cap: Money | None = Field(
        None, description="Cap on each party's total liability under the agreement, in pounds. Leave out for the total of "
        "all contributions. Clawback, repayment of capital and return, and fraud are never capped.")
    force_majeure_exit_months: int = Field(
        6, ge=1, le=24, description="Months an event beyond the parties' control must last before an investor may require "
        "repayment and leave, or any party may end the agreement.")


class Covenants(Strict):
    min_dscr: Decimal | None = Field(
        None, ge=1, le=5, description="The investors' minimum debt service cover: Gross Income less Operating Costs each "
        "year divided by the return and capital instalments due, e.g. 1.2. Leave out for none.")
    max_ltv: Percent | None = Field(
        None, description="The investors' maximum loan to value: investment capital outstanding as a % of the market value "
        "of the charged properties, e.g. 70. Leave out for none.")
    combined_max_ltv: Percent | None = Field(
        None, description="With authority-first security ranking: the highest that the investment capital the "
        "loan-to-value test measures, together with the most the authority's first-ranking clawback charge secures, "
        "may be as a % of the market value of the charged properties, e.g. 100. The draft tests this combined figure "
        "as well, because the clawback is paid out of the proceeds before the investors; leave out while it is not "
        "agreed (the draft shows it as an open point and the note gives the figures).")
    valuation_basis: Text = Field(
        "market value subject to existing tenancies", description="The basis of value on which the loan-to-value "
        "covenant is tested, as the investors' offer states it, e.g. 'market value subject to existing tenancies'.")
    ltv_tested_from: dt.date | None = Field(
        None, description="The first date on which the loan-to-value covenant is tested, as YYYY-MM-DD, e.g. after the "
        "acquisition phase. Leave out to test it from the first drawdown.")
    dscr_tested_from: dt.date | None = Field(
        None, description="The first day of the first year in which the debt service cover is tested, as YYYY-MM-DD "
        "(each Test Year runs for twelve months from that day or an anniversary of it). A date that is the last day of a "
        "Partnership Year (31 March, for a term starting on 1 April) is read as the end of the first Test Year, which is "
        "then that Partnership Year. Leave out for the day after the "
        "acquisition deadline, so that the cover is not tested while homes are still being bought and let.")
    senior_only: bool = Field(
        True, description="Whether the covenants test only the investments with a fixed return (the senior debt) (true), "
        "or all investment capital (false).")
    retention_top_up_cap: Money | None = Field(
        None, description="Where a fixed payment falls due before the year's income can meet it: the most the delivery "
        "body must pay in total from its own resources over the term to make up the Debt Service Retention, as agreed "
        "with it, e.g. 150000. Leave out while it is not agreed: the draft leaves a highlighted placeholder for the "
        "cap, so that the top-up is never unlimited.")


class RentConfirmation(Strict):
    """A letter already held in which the Housing Benefit service says, in principle, how it expects to treat the rent."""

    date: dt.date | None = Field(None, description="The date of the letter, as YYYY-MM-DD.")
    by: Text | None = Field(
        None, description="Who wrote it, as the draft should name them, e.g. 'the Council's Housing Benefit service'.")
    letter: Text | None = Field(
        None, description="What the letter says, in a few words, e.g. 'that it expects to treat £285 a week as "
        "reasonable for a two-bedroom home'.")


class SupportContract(Strict):
    """The contract under which the tenants' care, support or supervision is commissioned and paid for, where it is
    funded outside the homes' income (income.support_funded_separately)."""

    provider: Literal["delivery", "other"] = Field(
        "delivery", description="Who provides the support under the contract: the delivery organisation itself "
        "('delivery'), so that it provides the care, support or supervision the homes need to be exempt accommodation "
        "whoever pays for it; or another provider ('other').")
    commissioner: Text | None = Field(
        None, description="The body that commissions and pays for the support, as the draft should name it. Leave out "
        "for the authority.")
    title: Text = Field(
        "supported living contract", description="What the contract is called, e.g. 'supported living contract'.")
    support: Text | None = Field(
        None, description="What the support under the contract is, as the draft should call it, e.g. 'tenancy "
        "support'. Leave out to use 'tenancy support' where the title says so, and 'care and support' otherwise.")
    reference: Text | None = Field(
        None, description="The contract's reference or date, as the draft should cite it, e.g. 'reference ASC/SL/2024/09 "
        "dated 1 April 2025'. Leave out while it is not known (the draft leaves a placeholder).")
    ends: dt.date | None = Field(
        None, description="When the contract ends (including any extension already agreed), as YYYY-MM-DD. Leave out "
        "if not known.")


class Income(Strict):
    """The rent roll and the operating cost budget: what the homes are expected to earn and cost each year, so that
    the cover and the waterfall can be tested against the real numbers."""

    rent_per_home_week: Money | None = Field(
        None, description="Expected rent of each home, in pounds a week, for homes whose bedrooms are not in "
        "rent_by_bedrooms (e.g. the homes still to be bought). Leave out if rent_by_bedrooms covers every home.")
    rent_by_bedrooms: dict[int, Money] = Field(
        default_factory=dict, description="Expected rent in pounds a week by number of bedrooms, e.g. {1: 92.05, 2: 109.32}.")
    voids_percent: Percent = Field(
        Decimal(3), description="Rent lost to empty homes and bad debt, as a % of the rent roll.")
    operating_cost_per_home: Money | None = Field(
        None, description="Operating costs (management, maintenance, insurance, support not separately funded) per "
        "home per year, in pounds.")
    support_funded_separately: bool = Field(
        False, description="Whether the support for tenants (tenancy sustainment, key work) is paid for outside the "
        "homes' income, e.g. by a separate grant or contract (true): it is then not an Operating Cost and does not come "
        "before the reserve and the investors in the waterfall. Leave false where the homes' income pays for it.")
    support_contract: SupportContract | None = Field(
        None, description="With support_funded_separately: the contract under which the support is commissioned, and "
        "who provides it. Where the delivery organisation itself provides it (provider: delivery), the draft defines it "
        "as the Support Contract, requires the delivery organisation to provide that support so that the homes stay "
        "exempt accommodation, asks for a copy as a condition, and deals with the contract ending or being procured "
        "again. Leave out where there is no such contract or it is not known.")
    rent_confirmed: bool = Field(
        True, description="With exempt_accommodation: whether the Housing Benefit service has confirmed in writing the "
        "rent and eligible service charges it treats as reasonable (true). Set false where the rent is only agreed in "
        "principle: the draft then makes that written confirmation, at no less than the rents in rent_by_bedrooms or "
        "rent_per_home_week, a Completion Condition.")
    rent_confirmation: RentConfirmation | None = Field(
        None, description="With rent_confirmed false: a letter already held in which the Housing Benefit service says "
        "in principle how it expects to treat the rent (date, by, letter). The draft records it in the note to the "
        "Completion Conditions, so that only the confirmation still needed is asked for. Leave out if there is none.")
    exempt_accommodation: bool | None = Field(
        None, description="Whether the rent (core rent and eligible service charges) depends on the homes being "
        "'exempt accommodation' for Housing Benefit: supported housing from a housing association, charity or voluntary "
        "organisation that itself, or through a person acting on its behalf, also provides the tenant with care, support "
        "or supervision (true). Leave out to read it from the rent cap's words.")
    exempt_homes: Text | None = Field(
        None, description="With exempt_accommodation: where only some homes are exempt accommodation, which, as the "
        "draft should name them, e.g. 'refuge units'. Leave out to read it from the sheet: where the homes bought are let "
        "by size (rent_by_bedrooms) and the homes in the property schedule at one weekly rent (rent_per_home_week), the "
        "exempt homes are the licensed homes, if any, else the homes in the property schedule; otherwise every home.")
    operating_cost_percent: Percent | None = Field(
        None, description="Operating costs as a % of the rent collected, instead of operating_cost_per_home.")
    income_starts: dt.date | None = Field(
        None, description="When rent from the homes starts to be received, as YYYY-MM-DD; return accrues on capital "
        "drawn before then. Leave out for the date of the first drawdown.")
    rent_increase_percent: Percent | None = Field(
        None, description="The yearly rise in rents the business plan assumes, as a % (e.g. 2.7 for CPI of 1.7% plus "
        "1%), within the rent cap and the law on rent increases. Used in the case where operating costs rise each "
        "year, so that the cover trend is tested against the rent review the deal expects. Leave out to test that "
        "case with rents held flat (as under a frozen housing allowance).")
    stress_cost_rise_percent: Percent = Field(
        Decimal(20), description="For the stress cases: the rise in operating costs to test, as a %.")
    stress_voids_percent: Percent = Field(
        Decimal(10), description="For the stress cases: voids and bad debt to test, as a % of the rent roll.")
    stress_rent_cut_percent: Percent = Field(
        Decimal(10), description="For the stress cases: a cut in rents (e.g. a frozen Local Housing Allowance) to test, as a %.")
    refinancing_rate: Percent = Field(
        Decimal(6), description="For the stress cases: the rate at which capital due in one sum is refinanced, % a year.")
    refinancing_years: int = Field(25, ge=1, le=40, description="For the stress cases: years over which that capital is refinanced.")

    @property
    def given(self) -> bool:
        """Whether the rent roll and cost budget are stated, so the cover can be worked out."""
        has_rent = self.rent_per_home_week is not None or bool(self.rent_by_bedrooms)
        has_cost = self.operating_cost_per_home is not None or self.operating_cost_percent is not None
        return has_rent and has_cost


class Governance(Strict):
    board_meetings_per_year: int = Field(4, ge=1, le=12, description="How often the partnership board meets each year.")
    reporting: Literal["quarterly", "six-monthly", "annually"] = Field("quarterly", description="How often the delivery organisation reports on impact and finance.")
    independent_evaluation: bool = Field(True, description="Whether the partnership is independently evaluated.")


_S106_WORDS = re.compile(r"\b(?:section|s\.?)\s?106\b|\bcommuted sums?\b|\bplanning obligations?\b", re.I)


class CoInvestmentTermSheet(TermSheetBase):
    """Term sheet for a co-investment partnership between an authority, a delivery organisation and investors."""

    DERIVED_NAMES: ClassVar[tuple[str, ...]] = ("credit", "new_build", "registered_provider", "junior_investors", "second_charge",
                                                 "authority_charge", "exempt_accommodation", "delivery_grants",
                                                 "replacement_sales", "licensed_homes", "confidential_addresses",
                                                 "exempt_homes", "clawback_with_term", "own_support",
                                                 "clawback_chosen", "temporary_accommodation", "bought_works",
                                                 "authority_measured", "permitted_use")  # names derived_context adds for the clauses

    family: Literal["co-investment"] = Field(description="Always 'co-investment' for this family.")
    authority: Party = Field(description="The public authority (usually a local authority).")
    delivery: Party = Field(description="The charity or social enterprise that holds the assets and delivers the purpose.")
    delivery_finances: DeliveryFinances = Field(default_factory=DeliveryFinances, description="The delivery organisation's latest accounts, reserves and track record, for the investors' credit view (not printed in the draft).")
    investors: list[Party] = Field(min_length=1, description="The social investor or investors putting in capital.")
    partnership: Partnership = Field(description="Purpose, area, term, targets, powers and totals.")
    contributions: Contributions = Field(description="Every contribution, by who makes it; they must add up to the stated total.")
    drawdowns: list[Drawdown] = Field(default_factory=list, description="When the cash contributions are paid in.")
    acquisition: Acquisition = Field(default_factory=Acquisition, description="Criteria for homes bought with the cash.")
    consents: Consents = Field(default_factory=Consents, description="The consents the authority's contributions need.")
    security: Security = Field(default_factory=Security, description="Charges, restrictions and the priority deed.")
    liability: Liability = Field(default_factory=Liability, description="Liability cap and exit after a long force majeure event.")
    covenants: Covenants = Field(default_factory=Covenants, description="The investors' financial covenants.")
    income: Income = Field(default_factory=Income, description="The rent roll and operating cost budget, for the cover "
                           "and the waterfall in numbers.")
    nominations: Nominations | None = Field(None, description="The authority's nomination rights; leave out where no homes are let.")
    surplus: Surplus = Field(description="Reserves and the use of surplus.")
    clawback: Clawback = Field(description="Clawback of the authority's contribution; its basis is the clawback_basis position.")
    disposal: Disposal = Field(default_factory=Disposal, description="Restrictions on disposal and the asset lock.")
    end_of_term: EndOfTerm = Field(default_factory=EndOfTerm, description="Timing of the end-of-term option; the option itself is the end_of_term position.")
    subsidy: Subsidy = legal_field(description="The subsidy control position.")
    governance: Governance = Field(default_factory=Governance, description="Partnership board and reporting.")
    vehicle: Vehicle = Field(default_factory=Vehicle, description="Under the 'spv' vehicle position: the new body that holds the properties.")

    @property
    def cash_contributors(self) -> dict[str, Decimal]:
        """Cash each party puts in, by short name: what the drawdown timetable must pay in."""
        out: dict[str, Decimal] = {}
        for who, items in ((self.authority.short_name, self.contributions.authority),
                           (self.delivery.short_name, self.contributions.delivery)):
            for c in items:
                if c.kind != "property":
                    out[who] = out.get(who, Decimal(0)) + c.value
        for i in self.contributions.investments:
            out[i.investor] = out.get(i.investor, Decimal(0)) + i.amount
        return out

    def maturity(self, investment: Investment) -> dt.date:
        """When the investment's capital must be repaid: its own date, else the last day of the term."""
        return investment.maturity or self.partnership.term.end

    @model_validator(mode="after")
    def _work_out_debt_service(self) -> CoInvestmentTermSheet:
        for inv, service in zip(self.contributions.investments, self.debt_service):
            inv._service = service
        # A council plainly holding social services functions (a county council, or one named neither district nor
        # borough council, e.g. a unitary 'Bramblehurst Council'): the safeguarding clause names it for referrals.
        a = self.authority
        if a.legal_form == "local_authority" and (
                (self.nominations is not None and self.nominations.housing_authority is False)
                or not re.search(r"\b(district|borough) council\b", a.name, re.I)):
            a._social_services_council = True
        return self

    @property
    def debt_service(self) -> list[DebtService]:
        """Each investment's maturity, repayment years and yearly payment. A loan repaid by instalments pays return
        only on what is drawn until its last drawdown, then equal yearly payments over the whole years left to
        maturity, which is how the schedule describes it."""
        out = []
        for inv in self.contributions.investments:
            drawn = [d.date for d in self.drawdowns if d.contributor == inv.investor]
            first = min(drawn) if drawn else self.partnership.term.start
            last = max(drawn) if drawn else first
            full_return = pence(inv.amount * inv.return_rate / Decimal(100))
            dates: list[dt.date] = []
            if inv.repayment == "amortising" and inv.instalment_years:
                start = inv.first_instalment or add_years(last, 1)
                dates = [add_years(start, k) for k in range(inv.instalment_years)]
                maturity = inv.maturity or dates[-1]
                years = inv.instalment_years
            else:
                maturity = self.maturity(inv)
                years = max((maturity - last).days // 365, 0)
                if inv.repayment == "amortising":
                    dates = [add_years(last, k + 1) for k in range(years)]
            payment = yearly_instalment(inv.amount, inv.return_rate, years) if inv.repayment == "amortising" else full_return
            out.append(DebtService(investor=inv.investor, maturity=maturity, years=years, first_drawdown=first, last_drawdown=last,
                                   yearly_payment=payment, yearly_return_on_full_capital=full_return, payment_dates=dates))
        return out

    def derived_context(self) -> dict:
        """Figures worked out from the whole sheet that the clauses and the review pack print: the credit view."""
        from assembler.credit.co_investment import credit_view
        return {"credit": credit_view(self), "new_build": self.builds_new_homes,
                "registered_provider": self.delivery_registered_provider,
                "junior_investors": self.junior_investors, "authority_charge": self.authority_takes_charge,
                "second_charge": self.authority_second_charge,
                "exempt_accommodation": self.exempt_accommodation, "delivery_grants": self.delivery_grants,
                "replacement_sales": self.replacement_sales, "licensed_homes": self.licensed_homes,
                "confidential_addresses": self.confidential_addresses, "exempt_homes": self.exempt_homes,
                "clawback_with_term": self.clawback_with_term, "own_support": self.own_support,
                "clawback_chosen": self.positions.get("clawback_basis"),  # the basis the sheet itself chose, if any
                "temporary_accommodation": self.temporary_accommodation, "bought_works": self.bought_works,
                "authority_measured": self.authority_measured, "permitted_use": self.permitted_use}

    @property
    def permitted_use(self) -> bool:
        """Each home is let, one tenancy to one person (not a household) the sheet's nominations.eligible describes, as
        a settled home:
        the use covenant, the asset lock and the clawback trigger test each home against a Permitted Use (let to an
        Eligible Person, or held vacant to be let), not against a Partnership Purpose that describes all the homes."""
        n = self.nominations
        return bool(n is not None and n.eligible and n.nominee == "person" and not self.temporary_accommodation
                    and not self.licensed_homes)

    @property
    def authority_measured(self) -> list:
        """The outcome measures the authority measures and reports itself ('... (measured and reported by the
        Council)'): the delivery organisation does not report them, nor answer for them."""
        short = re.escape(self.authority.short_name or "")
        pat = re.compile(rf"\b(?:measured|reported)(?:\s+and\s+(?:measured|reported))?\s+by\s+(?:the\s+)?{short}\b", re.I)
        return [k for k in self.partnership.outcomes if short and pat.search(f"{k.measure} {k.target or ''}")]

    @property
    def bought_works(self) -> Decimal:
        """The works budget for the homes bought, separate from their all-in cost cap: acquisition.works_budget where
        homes are bought and there are no homes in a property schedule for it to pay for; else 0."""
        a = self.acquisition
        if a.works_budget and a.homes_to_acquire and not self.contributions.homes_in_schedule:
            return a.works_budget
        return Decimal(0)

    @property
    def temporary_accommodation(self) -> bool:
        """The homes are temporary accommodation the authority secures under Part 7 of the Housing Act 1996, not settled
        homes: the sheet's nominations.use, else a partnership purpose to provide homes 'as temporary accommodation'
        (not one to move families out of it), for a local housing authority's homelessness nominations."""
        if self.nominations is None or self.nominations.housing_authority is False:
            return False
        if self.nominations.use is not None:
            return self.nominations.use == "temporary_accommodation"
        return bool(re.search(r"\b(?:as|for use as|used as)\s+temporary accommodation\b", self.partnership.purpose, re.I))

    @property
    def clawback_with_term(self) -> bool:
        """A tapered clawback that wears off over the Partnership Term and ends with it: the sheet's
        clawback.runs_with_term, else clawback years equal to the term's length."""
        if self.positions.get("clawback_basis") != "tapered":
            return False
        if self.clawback.runs_with_term is not None:
            return self.clawback.runs_with_term
        return self.clawback.years * 12 == self.partnership.term.months

    @property
    def confidential_addresses(self) -> bool:
        """The homes' addresses must be kept confidential: the sheet's partnership.confidential_addresses, else a refuge
        (in the licensed homes or the partnership purpose)."""
        if self.partnership.confidential_addresses is not None:
            return self.partnership.confidential_addresses
        return "refuge" in ((self.licensed_homes or "") + " " + self.partnership.purpose).lower()

    @property
    def licensed_homes(self) -> str | None:
        """The homes occupied under licences rather than tenancies (refuge units, hostel rooms): the sheet's
        disposal.licensed_homes, else read from a permitted disposal 'licences of X to residents/occupiers'."""
        if self.disposal.licensed_homes:
            return self.disposal.licensed_homes.strip()
        for item in self.disposal.permitted:
            m = re.search(r"\blicen[cs]es?\s+(?:to\s+occupy\s+)?of\s+(?:the\s+)?(.+?)\s+to\s+(?:their\s+|its\s+)?"
                          r"(?:residents|occupiers|occupants|guests)\b", item, re.I)
            if m and not re.search(r"\b(office|shop|café|cafe|kiosk|garage|parking|space)s?\b", m.group(1), re.I):
                return m.group(1).strip()
        return None

    @property
    def replacement_sales(self) -> dict[int, dict]:
        """The listed permitted disposals that sell a home to buy a replacement (a 'home swap'), by their index in
        disposal.permitted, read for the parts the draft expresses in its own terms: a limit on how many homes ('up to
        two homes in any five years'), whether the replacement must be better located, whether the Partnership Board
        approves it, and the investors the sheet names as having their charges carried across (the draft carries
        every charge across and says so in the note). Only where homes are bought or scheduled."""
        if not (self.acquisition.homes_to_acquire or self.contributions.homes_in_schedule):
            return {}
        out: dict[int, dict] = {}
        numbers = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten".split())}
        for i, item in enumerate(self.disposal.permitted):
            low = item.lower()
            if "replacement" not in low or not re.search(r"\b(sale|sell|selling|sold)\b", low):
                continue
            limit = re.search(r"\b(?:up to|no more than|at most)\s+(\w+)\s+homes?\s+in\s+any\s+(\w+)\s+years?", low)

            def num(w):
                return int(w) if w.isdigit() else numbers.get(w)

            homes, years = (num(limit.group(1)), num(limit.group(2))) if limit else (None, None)
            named = [inv.short_name for inv in self.investors
                     if inv.short_name.lower() in low or inv.name.lower() in low]
            out[i] = {"text": item, "homes": homes, "years": years if homes else None,
                      "better": bool(re.search(r"better[- ]located|better located", low)),
                      "board": "board" in low, "named": named,
                      "authority_named": self.authority.short_name.lower() in low,
                      "moves_charges": "charge" in low}
        return out

    @property
    def own_support(self) -> SupportContract | None:
        """The Support Contract, where the support is funded separately under a contract under which the delivery
        organisation itself provides it; else None."""
        sc = self.income.support_contract
        if self.income.support_funded_separately and sc is not None and sc.provider == "delivery":
            return sc
        return None

    @property
    def exempt_accommodation(self) -> bool:
        """Whether the rent relies on exempt-accommodation status for Housing Benefit: the sheet's answer, else its
        rent cap's words."""
        if self.income.exempt_accommodation is not None:
            return self.income.exempt_accommodation
        words = (self.nominations.rent_cap or "") if self.nominations else ""
        return "exempt accommodation" in words.lower()

    @property
    def exempt_homes(self) -> str | None:
        """Where only some homes are exempt accommodation, how the draft names them: the sheet's income.exempt_homes,
        else (homes bought let by size, the scheduled homes at one weekly rent) the licensed homes, or '' for the homes
        in the property schedule. None: every home (or no exempt accommodation)."""
        if not self.exempt_accommodation:
            return None
        if self.income.exempt_homes:
            return self.income.exempt_homes.strip()
        inc = self.income
        if self.acquisition.homes_to_acquire and self.contributions.homes_in_schedule and inc.rent_by_bedrooms \
                and inc.rent_per_home_week:
            return self.licensed_homes or ""
        return None

    @property
    def delivery_grants(self) -> list[Contribution]:
        """Grants the delivery organisation brings in from a third party (e.g. Homes England), on which the funding
        depends: each is a condition of completion."""
        return [c for c in self.contributions.delivery if c.kind == "grant"]

    @property
    def junior_investors(self) -> list[str]:
        """Short names of the investors whose charges rank behind the authority's charge for the clawback (only with
        investor-first ranking, charges and at least one investor marked ranks_after_authority)."""
        if self.positions.get("security_ranking", "investor-first") != "investor-first" or not self.security.investor_charge:
            return []
        return [i.investor for i in self.contributions.investments if i.ranks_after_authority]

    def in_terms(self, text: str | None) -> str | None:
        """A phrase pasted from the term sheet into a table of the draft (a drawdown condition, a contribution's
        description), with the lower-case names of documents and property the draft defines read as its defined
        terms: "the priority deed" as "the Priority Deed", and, where the Council transfers one property, "the
        transfer of the property" as "the Transfer of the Transferred Property" and "the Property" as "the
        Transferred Property" (r22 ci-fresh finding 15). Nothing else changes; an empty phrase stays empty."""
        if not text:
            return text
        if self.security.priority_deed:
            text = re.sub(r"\b([Tt])he priority deed\b", r"\1he Priority Deed", text)
        if self.junior_investors or self.authority_second_charge:
            who = re.escape(self.authority.short_name)
            text = re.sub(rf"\b([Tt])he {who}'s (?:legal |own )?charge\b", r"\1he Authority Charge", text)
        one = len(self.contributions.authority_properties) == 1 \
            and self.positions.get("authority_contribution") != "lease"
        if one:
            text = re.sub(r"\b([Tt])he transfer of the [Pp]roperty\b", r"\1he Transfer of the Transferred Property", text)
            text = re.sub(r"\b([Tt])he Property\b(?! Registry)", r"\1he Transferred Property", text)
        return text

    @property
    def authority_takes_charge(self) -> bool:
        """Whether the authority takes a legal charge of its own for the clawback: always with authority-first or
        pari-passu ranking, and with investor-first ranking where an investor ranks behind the authority."""
        return self.positions.get("security_ranking", "investor-first") in ("authority-first", "pari-passu") \
            or bool(self.junior_investors) or self.authority_second_charge

    @property
    def authority_second_charge(self) -> bool:
        """Whether, with investor-first ranking and no investor ranking behind the authority, the authority takes a
        legal charge for the clawback ranking after every investor's charge (security.authority_charge)."""
        return (self.positions.get("security_ranking", "investor-first") == "investor-first"
                and self.security.investor_charge and bool(self.security.authority_charge) and not self.junior_investors)

    @property
    def delivery_registered_provider(self) -> bool | None:
        """Whether the delivery organisation is a private registered provider of social housing: yes by its legal form,
        its Regulator of Social Housing number or the sheet's answer; no only where the sheet says so; otherwise not
        known (None), which the draft asks for rather than assumes."""
        if self.delivery.legal_form == LegalForm.registered_provider or self.delivery.rsh_number:
            return True
        return self.nominations.registered_provider if self.nominations else None

    @property
    def builds_new_homes(self) -> bool:
        """Whether the homes in the property schedule are built new: the sheet's own answer, else its words (a site or
        land transferred, a building contract, start on site, frame and roof, practical completion). Building is a
        development obligation, not refurbishment, and the transfer is then connected with development, so the
        covenants cannot rest on section 33 of the Local Government (Miscellaneous Provisions) Act 1982."""
        if self.acquisition.new_build is not None:
            return self.acquisition.new_build
        if not self.contributions.homes_in_schedule:
            return False
        words = " ".join([*(p.address for p in self.contributions.properties),
                          *(p.use or "" for p in self.contributions.properties),
                          *(c.description for c in (*self.contributions.authority, *self.contributions.delivery)),
                          *(d.condition or "" for d in self.drawdowns)])
        return bool(_BUILD_WORDS.search(words))
