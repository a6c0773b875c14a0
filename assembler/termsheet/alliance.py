"""The alliance agreement's term sheet: a commissioner and several providers sharing outcomes and risk."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_CEILING, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, ROUND_UP, Decimal
from typing import Annotated, Literal

from dataclasses import dataclass, field as dc_field

from pydantic import Field, PrivateAttr, model_validator

from assembler.formatting import MONTHS, has_word, join_and, money, pence
from assembler.termsheet.open_book import CostModel, OpenBook, Reconciliation
from assembler.termsheet.common import Kpi, Money, Party, Percent, Period, Strict, TermSheetBase, Text
from assembler.termsheet.common import legal_field
from assembler.termsheet.indexation import INDEX_NAMES, measure_words, month_to

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


Share = Percent  # a gain or pain share, 0 to 100
MemberKey = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$", min_length=1, max_length=30,
                                 description="A member's key, as given under members (e.g. 'council').")]


class Representative(Strict):
    name: str | None = Field(None, description="The member's representative on the Alliance Leadership Team. Empty: the draft shows a placeholder.")
    position: str | None = Field(None, description="Their job title, e.g. 'Head of Commissioning'.")
    deputy: str | None = Field(None, description="A named deputy who may attend and vote in their place, e.g. "
                               "'Sam Patel, Deputy Director'; write 'none' if there is no deputy. Empty: the draft shows a placeholder.")


# The procurement routes a term sheet may give (ROUTE_WORDS below recites each): for the alliance as a whole, and
# for a Provider whose Service Contract was put in place by another route (a new provider joining varied ones).
Route = Literal["open", "competitive_flexible", "direct_award", "reserved_mutual", "modification", "pcr2015",
                "pcr2015_modification", "provider_selection", "not_procurement"]


class Premises(Strict):
    """A building a Provider uses for its part of the Services under a licence or lease from another member (r29
    al-fresh finding 4)."""

    building: Text = Field(description="The building as the draft should name it, e.g. 'the Eastbrook youth centre'.")
    owner: MemberKey | None = Field(None, description="Key of the member that owns the building and granted the licence "
                                    "or lease, e.g. 'council'. Leave out where the landlord is not a member (give landlord).")
    landlord: Text | None = Field(
        None, description="Where the building is held from a body that is not a party (a housing association letting "
        "flats to the Provider, say): that body's name, e.g. 'Irwell Homes Limited'. Schedule 1 then lists the lease "
        "as one the Agreement does not bind, and the notes ask about its term and assignment on exit. Give either owner "
        "or landlord, not both.")
    held_under: Literal["licence", "lease"] = Field(
        "licence", description="'licence' (a personal permission to occupy, which cannot be assigned: on exit it ends and "
        "the owner grants a new one to the provider taking over) or 'lease'.")
    ends_with_service_contract: bool = Field(
        True, description="Whether the licence or lease ends when the Provider's Service Contract ends. False: the "
        "Exit Plan's note asks when it ends.")

    @model_validator(mode="after")
    def _owner_or_landlord(self):
        if (self.owner is None) == (self.landlord is None):
            raise ValueError("give either owner (a member's key) or landlord (a body that is not a party), not both")
        return self


class PassThrough(Strict):
    """A cost line inside a Provider's annual value that passes through at cost: recharged by a third party,
    outside the Fee and outside Gain and Pain (r31 al-fresh finding 1)."""

    amount: Money = Field(description="The expected cost of the line for the first Alliance Year, in pounds, included "
                          "in the Provider's annual_value, e.g. 420000.")
    description: Text = Field(description="What the cost is, in a few words that read after 'the cost of', e.g. "
                              "'opioid substitution medicines prescribed in the Services'.")
    recharged_by: Text | None = Field(None, description="Who recharges it, e.g. 'the NHS Business Services Authority'. "
                                      "Empty: the draft says 'the body that supplies them'.")
    recharged_to: Literal["commissioner", "provider"] = Field(
        "provider", description="Who is recharged: 'commissioner' (the Commissioner party to the Provider's Service "
        "Contract is recharged and pays it, and the Provider is paid its annual value less the actual cost) or "
        "'provider' (the Provider is recharged, for example by deduction from its own payments, and the "
        "Commissioner reimburses the actual cost).")


class Registration(Strict):
    """A Provider's registration with a regulator for its part of the Services (r31 al-fresh note 1.10)."""

    regulator: Text = Field(description="The regulator, e.g. 'Care Quality Commission'.")
    activity: Text = Field(description="What the registration covers, e.g. 'treatment of disease, disorder or injury'.")
    location: Text | None = Field(None, description="The registered location or service, e.g. 'Riverside Recovery "
                                  "Hub, 4 Mill Lane'. Empty: not stated.")


# Words that say the thing used is a person's work, not a building: "a Jobcentre Plus work coach co-located at the
# Youth Hub" (r37 al-fresh finding 7).
_THIRD_PARTY_STAFF = re.compile(
    r"^\W*(?:(?:an?|the|its|one|two|three|\d+)\s+)?(?:[\w'-]+\s+){0,5}?(?:work coach(?:es)?|coach(?:es)?|workers?|"
    r"officers?|staff|advisers?|advisors?|nurses?|practitioners?|navigators?|secondees?)\b|\bco-located\b|\bseconded\b",
    re.I)
_THIRD_PARTY_PLACE = re.compile(r"^\W*(?:(?:an?|the|its)\s+)?(?:use of|access to|office|space|rooms?|desks?|buildings?|"
                                r"premises|suites?|custody)\b", re.I)


_THIRD_PARTY_ROOM = re.compile(r"\b(?:rooms?|premises|space|offices?|desks?|buildings?|suites?|clinics?|surgery|"
                               r"surger(?:y|ies)|accommodation|sites?|bases?)\b", re.I)


class ThirdPartyDependency(Strict):
    """Premises or data of a body that is not a party, on which part of the Services depends (r31 al-fresh note 1.7)."""

    body: Text = Field(description="The body, as the draft should name it, e.g. 'the Chief Constable of Wenshire Police'.")
    provides: Literal["premises", "data", "premises_and_data", "staff", "staff_and_data", "service",
                      "service_and_data"] = Field(
        description="What the Services need from it: 'premises' (access to its buildings), 'data' (personal data it "
        "shares with a Provider), 'premises_and_data', 'staff' (its staff working with the Services, such as a "
        "co-located work coach or a seconded worker), 'staff_and_data', 'service' (a service it provides that the "
        "Services rely on) or 'service_and_data'.")
    description: Text = Field(description="What is used, in words that read after 'for', e.g. 'arrest referral in "
                              "the custody suites at Wenford and Calder police stations'.")
    agreement: Text | None = Field(
        None, description="The access or data-sharing agreement already in place with that body, e.g. 'the custody "
        "access protocol of 1 May 2025'. Empty: the draft says one is to be obtained.")

    @property
    def uses(self) -> str:
        """What the Services use from the body, for Schedule 1 and its note: `provides`, except that 'premises' given
        for what the description shows to be the body's staff (a co-located work coach) reads as its staff, with its
        data where the agreement or the description is about sharing data (r37 al-fresh finding 7)."""
        staff = _THIRD_PARTY_STAFF.search(self.description.strip())
        if self.provides not in ("premises", "premises_and_data") or not staff or (
                _THIRD_PARTY_PLACE.search(self.description)) or _THIRD_PARTY_ROOM.search(staff.group(0)):
            # a place named before the staff ('consulting rooms for link workers') is premises for those staff
            # (r42 al-prescribing finding 6)
            return self.provides
        data = self.provides == "premises_and_data" or bool(
            re.search(r"\bdata\b|\binformation[- ]sharing\b", f"{self.description} {self.agreement or ''}", re.I))
        return "staff_and_data" if data else "staff"


class MemberInsurance(Strict):
    """A member's own insurance position where it differs from the general insurance block (r31 al-fresh note 1.11)."""

    nhs_resolution: bool = Field(
        False, description="True for a member covered by NHS Resolution's indemnity schemes (England): the Clinical "
        "Negligence Scheme for Trusts for clinical negligence and, for an NHS body, the Liabilities to Third Parties "
        "Scheme for employer's and public liability, in place of commercial insurance for those risks.")
    clinical_work: bool | None = Field(
        None, description="false for a Provider that delivers no health care (no clinical, nursing, therapy or treatment "
        "work) in the Services: the duty to hold clinical negligence cover then does not apply to it. Empty: it applies "
        "to each Provider that delivers health care.")
    professional_indemnity: bool | None = Field(
        None, description="false for a member that gives no professional advice or judgement in its part of the "
        "Services (a volunteer-run food bank, say): it need not hold professional indemnity insurance or keep its "
        "run-off, and the insurance clause names it as excused. Empty: the general insurance block applies to it.")
    own_cover: list[Text] = Field(
        default_factory=list, description="Cover this member must hold in addition to the general levels, each as its "
        "kind and level in words that read after 'must also maintain', e.g. 'medical malpractice insurance of at least "
        "£10,000,000 for any one claim'. Empty: none.")


class ServiceContractLine(Strict):
    """One of several Service Contracts a Provider holds (one with each Commissioner, or one for each service)."""

    commissioner: MemberKey = Field(description="Key of the Commissioner that is party to this Service Contract, e.g. 'icb'.")
    services: list[Text] = Field(
        default_factory=list, description="The services this contract covers, each written exactly as in the alliance's "
        "list of services (and in this Provider's delivers). Empty: the draft does not say which of its services it covers.")
    annual_value: Money | None = Field(
        None, description="Its yearly value in pounds for the first Alliance Year, e.g. 480000. The values of a Provider's "
        "Service Contracts should add up to its annual_value (a warning says where they do not).")
    reference: str | None = Field(None, description="The contract's reference, if it has one, e.g. 'KWV-ICB/MAT/2024/112'.")


class VolumePricing(Strict):
    """The part of a service line paid at a price per unit delivered (an hour of care, a person arriving, a night)."""

    unit: Text = Field(description="The unit the price is for, in words that read after 'each' and 'per', e.g. 'hour of "
                       "care' or 'person arriving'.")
    unit_price: Money = Field(description="The price the Provider is paid for each unit under its Service Contract, in "
                              "pounds and pence, e.g. 26.40.")
    planned_units: Decimal = Field(gt=0, description="The units the first Annual Plan plans for the first Alliance Year, "
                                   "e.g. 41600 (hours) or 140 (people). The line's annual_value should include planned_units "
                                   "x unit_price.")
    variable_cost: Money | None = Field(
        None, description="The Provider's own cost of each further unit (the cost that rises and falls with the units "
        "delivered, such as care workers' pay for the hour), in pounds and pence, e.g. 21.10. Empty: the unit price less "
        "the Provider's Fee on it. The Target Cost and the Provider's budget then move by this cost, so that volume "
        "makes no Gain or Pain.")


class ServiceLine(Strict):
    """A Provider's budget for one of the listed services it delivers (a service line)."""

    service: Text = Field(description="The service, written exactly as in the alliance's list of services and in this "
                          "Provider's delivers, e.g. 'Community-based outreach and advocacy'.")
    annual_value: Money = Field(description="This Provider's budget for it in the first Alliance Year, in pounds, e.g. 214000.")
    as_delivered: Text | None = Field(
        None, description="Where another Provider delivers the same service: what this Provider's part is, in words that "
        "read after the service's name and a dash, e.g. 'by and for Black and minoritised women, with interpreters "
        "(2.5 FTE)'. Schedule 1 then shows the service in a row of its own for this Provider with these words.")
    volume: VolumePricing | None = Field(
        None, description="Only where this line is paid at a price per unit delivered (hourly-paid care, a payment per "
        "person arriving or per night): {unit, unit_price, planned_units, variable_cost}, e.g. {unit: 'hour of care', "
        "unit_price: 26.40, planned_units: 41600, variable_cost: 21.10}. The Annual Value and the Target Cost are then "
        "adjusted at each year end for the units the Commissioner commissioned above or below the planned units, so "
        "that volume is outside Gain and Pain; the Annual Plan states the planned units and prices, and Schedules 4 "
        "and 7 show the effect. Empty: the line is a fixed budget.")
    outside_fee: Money | None = Field(
        None, description="Where this Provider's Fee leaves out its ring-fenced payments to people (risk_reward.fee."
        "excludes_ring_fenced) or its pass_through costs and it has more than one service line: the part of this line's "
        "annual_value that is those payments or costs, in pounds, e.g. 325000 for host allowances paid within a supported "
        "lodgings line. Schedule 5 then works each line's share of the Fee on the line's value less this amount, so "
        "every line's budget is right; the amounts given should add up to what the Fee leaves out (a warning says where "
        "they do not). Empty on every line: the Fee is spread over the lines in proportion to their whole values, and "
        "a warning (ALLIANCE-LINE-FEE-BASE) asks which line those payments fall in.")
    grant_funded: Money | None = Field(
        None, description="Where a grant from central government (alliance.central_grant) pays for this line: how much "
        "of its first-year value the grant pays for, in pounds, e.g. 640000 (the whole line) or 228000 (part of it); the "
        "rest is paid from the Commissioner's own money. Schedule 5 then shows the grant-funded and Commissioner-funded "
        "parts of each line, and a Provider's Grant-Funded Annual Value (the total of its lines' grant-funded parts) is "
        "what a cut in the grant may reduce and what the limit on payment to the grant received applies to. Empty: the "
        "grant pays for none of this line (where no line says, the Annual Plan identifies the grant-funded Services).")

    @model_validator(mode="after")
    def _grant_within_line(self):
        if self.grant_funded is not None and self.grant_funded > self.annual_value:
            raise ValueError(f"grant_funded ({self.grant_funded:,}) is more than the line's annual_value "
                             f"({self.annual_value:,}): give the part of this line's value that the grant pays for")
        return self


@dataclass(frozen=True)
class VolumeStep:
    """One row of a volume sensitivity for a volume-priced line: the units delivered at a change of `percent` from the
    planned units, and what moves with them under the volume adjustment."""
    percent: int
    units: Decimal
    change: Decimal          # units above (or, negative, below) the planned units
    value_change: Decimal    # the change in the Annual Value (and the payments): change x unit price
    cost_change: Decimal     # the change in the Provider's costs and budget: change x unit cost
    fee_change: Decimal      # the change in the Fee worked on the Annual Value
    target_change: Decimal   # the change in the Target Cost: cost_change + fee_change
    balancing_change: Decimal  # the change in the Balancing Amount: -(value_change - cost_change - fee_change)


UNIT_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women", "family": "families"}
# words after the counted noun of a unit ('hour of care', 'person arriving', 'assessment completed')
UNIT_LINKS = {"of", "in", "for", "with", "at", "by", "on", "to", "from", "per", "under", "that", "which", "who"}
UNIT_PARTICIPLE = re.compile(r"^(?!(?:housing|living|building|morning|evening|training|funding|meeting|setting|booking|"
                             r"sitting|nursing|counselling|coaching|mentoring|screening)$)[a-z]{3,}(?:ed|ing)$")


@dataclass(frozen=True)
class VolumeLine:
    """A Provider's service line paid at a price per unit (members[].service_lines[].volume), with the figures the
    volume adjustment clause, the Annual Plan, Schedule 4's example and the sensitivity schedule print."""
    member: "Member"
    service: str
    unit: str
    unit_price: Decimal
    planned_units: Decimal
    variable_cost: Decimal | None
    fee_percent: Decimal

    @property
    def units_word(self) -> str:
        """The unit in the plural for a count ('hours of care', 'people arriving', 'specialist assessments
        completed'): the noun pluralised is the last word before the first preposition or participle, so that
        an adjective in front of it ('specialist', 'deafblind') stays as it is (r45 writer's note: 'specialists
        deafblind assessment completed')."""
        words = self.unit.split()
        end = next((i for i, w in enumerate(words) if i and (w.lower() in UNIT_LINKS or UNIT_PARTICIPLE.match(w))),
                   len(words))
        noun = words[end - 1]
        words[end - 1] = UNIT_PLURALS.get(noun.lower(), noun if noun.endswith("s") else
                                          (noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou"
                                           else noun + "s"))
        return " ".join(words)

    @property
    def planned_value(self) -> Decimal:
        return pence(self.unit_price * self.planned_units)

    @property
    def unit_cost(self) -> Decimal:
        """The cost of each further unit: the variable cost where given, else the unit price less the Fee on it."""
        if self.variable_cost is not None:
            return self.variable_cost
        return self.unit_price - self.unit_fee

    @property
    def unit_fee(self) -> Decimal:
        """The Fee on one unit, unrounded, so that the unit cost and Fee add up to the unit price exactly and each
        further unit moves the Target Cost by the unit price (r44d al-homefirst 13: a Fee rounded to the penny per
        unit left a balancing difference on every step)."""
        return self.unit_price * self.fee_percent / HUNDRED

    @property
    def unit_cost_exact(self) -> str | None:
        """The Unit Cost in figures where it is not a whole number of pence (a price less an unrounded Fee, e.g.
        '£31.296'), so the draft states the figure the adjustment uses; None where the money filter's figure is exact."""
        c = self.unit_cost
        return None if c == pence(c) else f"£{c.normalize():,f}"

    @property
    def target_rate(self) -> Decimal:
        """What the Target Cost moves by for each unit above or below the planned units."""
        return self.unit_cost + self.unit_fee

    def step(self, percent: int) -> VolumeStep:
        change = (self.planned_units * percent / HUNDRED).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        value = pence(change * self.unit_price)
        cost = pence(change * self.unit_cost)
        fee = pence(value * self.fee_percent / HUNDRED)
        return VolumeStep(percent, self.planned_units + change, change, value, cost, fee, cost + fee,
                          -(value - cost - fee))

    @property
    def steps(self) -> list[VolumeStep]:
        return [self.step(p) for p in (-10, -5, 5, 10)]


@dataclass(frozen=True)
class HeldContract:
    """A Service Contract a Provider holds: the Commissioner party to it, its first-year value (None where unknown),
    its reference and the listed services it covers (empty where not said)."""
    holder: "Member"
    annual_value: Decimal | None
    reference: str | None
    services: tuple[str, ...]


class Member(Party):
    """A party to the alliance agreement: the commissioner or a provider, with its ALT seat and value."""

    key: MemberKey = Field(description="Short lower-case key other parts of the term sheet use for this member, e.g. 'hospice'.")
    role: Literal["commissioner", "provider", "participant"] = Field(
        description="'commissioner' (the public body buying the services), 'provider' (delivers services under a Service "
        "Contract and is paid for them) or 'participant' (takes part without a Service Contract or payment: a school "
        "trust, GP federation or council team that hosts staff, names a lead or shares data; the draft calls it a "
        "Participating Member, with no share of Gain or Pain, no Fee and no Pain Cap).")
    takes_part_by: list[Text] = Field(
        default_factory=list, description="For a participant: what it does in the Alliance, each in words that read "
        "after 'it must', e.g. 'host Mental Health Support Team practitioners in its schools', 'name a senior mental "
        "health lead in each school', 'share pupils' attendance and referral data under the data-sharing Schedule'. "
        "Schedule 1 sets them out as its obligations. Empty: the Schedule leaves them for the ALT to record.")
    votes: bool | None = Field(
        None, description="For a participant: true where it votes at the ALT as the other Alliance Members do; false "
        "(or empty) where it attends the ALT and speaks but does not vote, and is not counted in the quorum or in the "
        "votes a decision needs. Leave empty for a commissioner or provider (they vote).")
    annual_value: Money = Field(Decimal(0), description="Yearly value, in pounds, of the services this member delivers within the alliance (0 for a commissioner that delivers none itself).")
    new_services_value: Money | None = Field(
        None, description="For a Provider with former contracts listed: the part of annual_value, in pounds a year, "
        "that pays for services none of its former contracts covered (services the alliance adds), so that the "
        "former contracts plus this part make up the annual value. Leave out where there are none. A Provider with no "
        "former contract, beside others that have them, is wholly new: Schedule 1 explains its whole annual value as "
        "new services unless this gives a smaller part.")
    new_services: list[Text] = Field(
        default_factory=list, description="With new_services_value: the services that part pays for, each in a few "
        "words that read after 'for', e.g. 'the eye clinic liaison session at Stainmoor Royal Hospital'. Schedule 1 "
        "then names them. Empty: the Schedule says only that no former contract covered them.")
    alt_representative: Representative | None = Field(None, description="The member's seat on the Alliance Leadership Team (ALT). Every Alliance Member needs one.")
    delivers: list[Text] = Field(
        default_factory=list, description="The services this Provider delivers, each written exactly as it appears in "
        "the alliance's list of services, e.g. 'Housing First for people with the most entrenched needs'. Give them for "
        "every Provider, or for none: Schedule 1 then shows who delivers each service.")
    converted_from: Text | None = Field(
        None, description="Where this member took over the work of an earlier body (a charity that converted to a CIO "
        "from an unincorporated association or trust, a merger, a transfer of undertaking): that body and when, e.g. "
        "'an unincorporated charity of the same name, in 2019'. The draft then asks whether this member's former "
        "contracts were novated to it. Leave out otherwise.")
    delegated_functions: list[Text] = Field(
        default_factory=list, description="For a Provider that carries out a council Commissioner's own functions under "
        "Part 1 of the Care Act 2014 on its behalf (England only): each function, as a short phrase naming its section, "
        "e.g. 'needs assessments under section 9' or 'reviews of care and support plans under section 27'. The draft "
        "then authorises the Provider under section 79 of the Care Act 2014 and sets the terms. Leave empty where the "
        "Provider only delivers services the council arranges.")
    holds_client_money: bool = Field(
        False, description="True for a Provider that holds money belonging to people who use the Services (for example "
        "direct payments in managed accounts, or money it manages for a person): the draft then requires a "
        "designated client account held on trust, monthly reconciliation, no set-off, and the balances reconciled "
        "and transferred on exit.")
    reserved_supported_employment: bool = Field(
        False, description="True where this Provider's Service Contract (or its lot) was reserved under section 32 of the "
        "Procurement Act 2023 to suppliers that are supported employment providers (at least 30% of the workforce "
        "disabled or disadvantaged). Recital (C) then records the reservation and its note covers keeping that status. "
        "Leave false where the contract was not reserved.")
    client_money_direct_payments: bool | None = Field(
        None, description="Only where holds_client_money is true: true where the money this Provider holds includes "
        "direct payments (for example in managed accounts), so the draft ties the money to the terms of each direct "
        "payment; false where it is other money kept for people (for example small sums for activities and outings). "
        "Empty: true only where what the Provider delivers mentions direct payments or managed accounts.")
    indexation: Text | None = Field(
        None, description="Where this Provider's Annual Value rises each year by its own measure rather than the "
        "alliance's indexation (risk_reward.indexation), for example an NHS trust whose contracts follow the NHS "
        "payment scheme: that measure, in words completing 'increased by', e.g. 'the cost uplift factor for that "
        "financial year in the NHS Payment Scheme'. The Indexation Increase is then defined for this Provider by that "
        "measure and for every other Alliance Member by the alliance's; where a Commissioner's contribution rises by the "
        "same words (indexed_by), contribution and price move together. One Provider only. Empty: the alliance's "
        "indexation applies to it.")
    fee_percent: Percent | None = Field(
        None, description="Only where this Provider's agreed Fee differs from the one the alliance's risk_reward.fee "
        "gives every Provider: its own Fee, as a percentage of its annual value, e.g. 3.5 (0 for no Fee).")
    fee_covers_overheads: bool = Field(
        False, description="True for a Provider whose Fee is its contribution to its overheads (it earns no surplus): "
        "its overhead rate in the Delivery Costs is then nil, so that overheads are not recovered twice.")
    payments_to_people: Money | None = Field(
        None, description="Where this Provider's annual value includes money it pays to or for people using the "
        "Services (for example rent and subsistence for people with no recourse to public funds, who cannot claim "
        "housing benefit): the most it pays in the first Alliance Year, in pounds, e.g. 48000. The draft counts those "
        "payments as Delivery Costs up to the amount the Annual Plan sets, and says they are inside the budget even "
        "where housing costs are otherwise paid outside it. Leave out where there are none.")
    payments_to_people_for: Text | None = Field(
        None, description="With payments_to_people: what the payments are for, in words that read after 'for', e.g. "
        "'rent and subsistence for up to three women with no recourse to public funds'. Empty: the draft says "
        "'payments to or for people using its part of the Services'.")
    payments_to_people_paid_to: Text | None = Field(
        None, description="With payments_to_people: who receives those payments where it is not the people using the "
        "Services (or others on their behalf), in words that read after 'paid to', e.g. 'the householders who host "
        "young people in supported lodgings'. Schedule 5 and its notes then describe them as payments to those people, "
        "not as payments to or for people using the Services. Empty: payments to or for people using the Services.")
    payments_to_people_ring_fenced: bool | None = Field(
        None, description="With payments_to_people: whether those payments are ring-fenced, that is counted at the amount "
        "the Annual Plan sets for them when Gain and Pain are worked out (so they make neither), with any underspend "
        "repaid in full to the Commissioner through this Provider's Balancing Amount and any payment above that amount "
        "made only with the Commissioner's written approval. Empty: ring-fenced where this Provider decides the "
        "payments itself (its delegated_functions include personal budgets or direct payments) or they are personal "
        "budgets or direct payments; otherwise they sit inside the budget like any other cost.")
    payments_to_people_nrpf: bool | None = Field(
        None, description="With payments_to_people: whether those payments may go to people with no recourse to public "
        "funds (a condition of their leave, or no leave at all). Someone in a class that Schedule 3 to the Nationality, "
        "Immigration and Asylum Act 2002 excludes may be supported only so far as needed to avoid a breach of their "
        "human rights, so the draft then recites the power the Commissioner relies on (payments_to_people_power), "
        "requires this Provider to apply an eligibility and human rights assessment protocol the Commissioner has "
        "approved, and adds a note on Schedule 3. Empty: true where payments_to_people_for mentions no recourse to "
        "public funds (or NRPF).")
    payments_to_people_power: Text | None = Field(
        None, description="With payments to people who may have no recourse to public funds: the power under which the "
        "Commissioner pays for them, in words that read after 'under', e.g. 'section 1 of the Localism Act 2011'. Empty: "
        "the draft shows a placeholder for legal to complete.")
    security_works_in_year: bool = Field(
        False, description="True for a Provider whose annual value pays for security works to people's homes "
        "(sanctuary schemes, locks, alarms): the draft counts those works as Delivery Costs in the year they are "
        "incurred, whatever their accounting treatment, not through depreciation. False: where a service names "
        "sanctuary schemes or security works, the draft offers that rule in brackets for legal to keep or delete.")
    pass_through: PassThrough | None = Field(
        None, description="A cost line inside this Provider's annual value that passes through at cost (for example "
        "medicines recharged by the NHS Business Services Authority): {amount, description, recharged_by, "
        "recharged_to}. It is then outside the Fee, the Target Cost and Gain and Pain, and the draft states the "
        "recharge route. Leave out where there is none.")
    funds_by_grant: Text | None = Field(
        None, description="For a Commissioner that commissions none of the Services itself but funds them by a grant "
        "to the lead Commissioner: the power it makes that grant under, in words that read after 'under', e.g. "
        "'section 9 of the Police Reform and Social Responsibility Act 2011 (crime and disorder reduction grants)'. "
        "Recital (A) then says so, the lead Commissioner acts for the Services that money funds, and its "
        "contribution is not indexed unless its contribution line says indexed: true. Leave out otherwise.")
    cost_model: CostModel | None = Field(
        None, description="Where the agreement carries open-book terms (an open_book block): this Provider's own annual "
        "cost model (direct costs, overheads, income) for its own profit cap, reconciliation and line of the worked example.")
    procurement_route: Route | None = legal_field(
        None, description="Only for a Provider whose Service Contract was put in place by a different route from the "
        "alliance's procurement_route (for example a new provider awarded a contract by the open procedure where the "
        "others' contracts are modified): that route, with the same choices. Empty: the alliance's route.")
    owned_by: MemberKey | None = legal_field(
        None, description="For a Provider that a Commissioner wholly owns and controls (a local authority trading "
        "company): that Commissioner's key, e.g. 'council'. With the Provider's own procurement_route not_procurement, "
        "recital (C) and the key information recite its Service Contract as an exempted contract under paragraph 2 of "
        "Schedule 2 to the Procurement Act 2023 (vertical arrangements), and the conflicts of interest note deals with the "
        "Commissioner as both commissioner and owner and with the company as a public authority under section 6 of the "
        "Freedom of Information Act 2000. Empty: no member owns it.")
    lgps_staff: bool | None = Field(
        None, description="true where this Provider's own staff on the Services are active members of the Local "
        "Government Pension Scheme (a council-owned company admitted to the fund, say, or a service that left a "
        "council) and must keep that membership if they transfer to another provider, on exit for example. The "
        "staff transfer clause then requires continued access to the Scheme itself for them, never a 'broadly "
        "comparable' scheme, and its note asks about the Provider's status in the fund and the exit payment or credit "
        "if it stops having active members. Empty: the clause allows a broadly comparable scheme.")
    psr_process: Literal["direct_award_a", "direct_award_b", "direct_award_c", "most_suitable_provider",
                         "competitive"] | None = legal_field(
        None, description="With the Provider's own procurement_route 'provider_selection': the process of the Provider "
        "Selection Regime its Service Contract was awarded under (regulations 7 to 11), e.g. 'direct_award_c'. Empty: "
        "the recital names the Regulations only.")
    procurement_started: dt.date | None = legal_field(
        None, description="With the Provider's own procurement_route: when that procurement began (for a modification: "
        "when its contract was awarded), as YYYY-MM-DD.")
    light_touch: bool | None = legal_field(
        None, description="Only where this Provider's Service Contract is classified differently from the alliance's "
        "light_touch: whether its services are light touch services (their CPV codes are in Table 1 of Schedule 1 to the "
        "Procurement Regulations 2024). Empty: the alliance's light_touch; where its services look like ones outside "
        "that Table (payroll, accounting, software), the notes name its contract for the client to confirm.")
    service_contract_with: MemberKey | None = Field(
        None, description="Where several members commission the services: the key of the Commissioner that is party to "
        "this Provider's Service Contract, e.g. 'pcc'. Empty: the lead Commissioner.")
    service_lines: list[ServiceLine] = Field(
        default_factory=list, description="For a Provider: its budget for each service it delivers (its service lines) in "
        "the first Alliance Year, each {service, annual_value, as_delivered}, e.g. [{service: 'Community-based outreach "
        "and advocacy', annual_value: 214000}]. They should add up to its annual_value (a warning says where they do "
        "not). Schedule 5 lists them as the first Annual Plan's service-line budgets, and a service two Providers "
        "deliver gets a row for each in Schedule 1. Empty: the Annual Plan sets the service lines.")
    service_contracts: list[ServiceContractLine] = Field(
        default_factory=list, description="Only for a Provider that holds more than one Service Contract (for example one "
        "with each Commissioner, or one for each service): each contract as {commissioner, services, annual_value, "
        "reference}, e.g. [{commissioner: council, services: ['Health visiting links'], annual_value: 340000}, "
        "{commissioner: icb, services: ['Perinatal wellbeing'], annual_value: 480000}]. Schedule 1 then lists each "
        "contract, and the clauses on payment and exit speak of each. Empty: the Provider holds one Service Contract, "
        "with service_contract_with (or the lead Commissioner); where the former contracts are varied and this Provider's "
        "former contracts were let by different Commissioners, each of them continues as one of its Service Contracts.")
    premises: list[Premises] = Field(
        default_factory=list, description="Buildings this Provider uses for its part of the Services under a licence or "
        "lease from another member (usually the council as landowner), e.g. [{building: 'the Eastbrook youth centre', "
        "owner: council}]. Schedule 1 records them, and the Exit Plan ends each licence and has the owner grant a new "
        "one to the provider taking over. Leave empty where the Provider owns its premises or rents them from "
        "someone outside the alliance.")
    own_insurance: MemberInsurance | None = Field(
        None, description="Where this member's insurance differs from the general insurance block: {nhs_resolution, "
        "clinical_work, own_cover}, e.g. {nhs_resolution: true} for an NHS trust covered by NHS Resolution, or "
        "{clinical_work: false} for a Provider with no clinical work. The insurance sub-clause of the clause on "
        "running the Alliance and its note print it. Empty: the general position applies.")
    registrations: list[Registration] = Field(
        default_factory=list, description="For a Provider: its registrations with a regulator for its part of the "
        "Services, each {regulator, activity, location}, e.g. [{regulator: 'Care Quality Commission', activity: "
        "'treatment of disease, disorder or injury', location: 'Riverside Recovery Hub'}]. Schedule 1 lists them and "
        "the registration duty refers to that list. Empty: the duty stays general.")
    expected_successor: Text | None = Field(
        None, description="For a Commissioner whose functions may pass to another body during the term: that body, in "
        "words that read after 'to', e.g. 'the mayor of the combined county authority'. The successor sub-clause then "
        "names it and the note asks for the transfer to be checked when it is made. Give it only as an expectation: "
        "the draft says 'if its functions pass', never that the change is law. Empty: the general successor wording.")
    successor_date: dt.date | None = Field(
        None, description="For a Commissioner with an expected_successor: the date its functions are expected to pass "
        "(vesting day), as YYYY-MM-DD, e.g. 2028-04-01. Where two Commissioners name the same successor, the merger "
        "sub-clause and its note give this date as expected, never as law. Empty: no date is given.")
    council_tier: Literal["upper", "lower"] | None = Field(
        None, description="For an English council Commissioner: 'upper' for a county or unitary council (or London "
        "borough), which holds the safe accommodation duty in Part 4 of the Domestic Abuse Act 2021 and the social "
        "services functions; 'lower' for a district or borough council in a two-tier area (the local housing "
        "authority). Empty: a council named 'District Council' or 'Borough Council' commissioning alongside a "
        "'County Council' is taken to be lower tier, and any other council upper tier.")

    @model_validator(mode="after")
    def _participant_fields(self) -> "Member":
        """A participant takes part without a Service Contract or payment; takes_part_by and votes are its fields only."""
        if self.role == "participant":
            paid = [f for f, v in (("annual_value", self.annual_value), ("service_lines", self.service_lines),
                                   ("service_contracts", self.service_contracts), ("delivers", self.delivers),
                                   ("service_contract_with", self.service_contract_with),
                                   ("procurement_route", self.procurement_route), ("fee_percent", self.fee_percent),
                                   ("cost_model", self.cost_model)) if v]
            if paid:
                raise ValueError(f"a participant takes part without a Service Contract or payment, so it has no "
                                 f"{', '.join(paid)}: say what it does under takes_part_by, or make it a provider")
        elif self.takes_part_by or self.votes is not None:
            raise ValueError("takes_part_by and votes are for a participant (role 'participant'): a commissioner or "
                             "provider votes, and a provider's part is what it delivers")
        return self

    def _delegates(self, section: str, words: str) -> bool:
        pattern = re.compile(rf"\b(?:sections?|s\.)\s*{section}\b(?![A-Za-z])|{words}", re.I)
        return any(pattern.search(f) for f in self.delegated_functions)

    @property
    def holds_direct_payments(self) -> bool:
        """Whether the client money this Provider holds includes direct payments (r35 al-fresh finding 3): as the sheet
        says, or, where it is silent, where what it delivers mentions direct payments or managed accounts."""
        if not self.holds_client_money:
            return False
        if self.client_money_direct_payments is not None:
            return self.client_money_direct_payments
        return bool(re.search(r"\b(direct payments?|managed accounts?)\b", " ".join(self.delivers), re.I))

    @property
    def delegates_eligibility(self) -> bool:
        """Whether delegated_functions gives this Provider the council's eligibility determination (Care Act 2014
        s.13): the draft then authorises it with controls instead of keeping the decision with the council (r34
        al-fresh finding 1)."""
        return self._delegates("13", r"\beligibility\b")

    @property
    def delegates_budgets(self) -> bool:
        """Whether delegated_functions gives this Provider the setting of personal budgets (Care Act 2014 s.26) or
        direct payments (ss.31 and 32): the draft then authorises it with controls instead of keeping the amount of
        the personal budget with the council (r34 al-fresh finding 1)."""
        return self._delegates("26", r"\bpersonal budgets?\b") or self._delegates("3[12]", r"\bdirect payments?\b")

    @property
    def payments_paid_to(self) -> str | None:
        """Who receives this Provider's payments_to_people where they are not the people using the Services:
        payments_to_people_paid_to, else the hosts, householders, landlords or carers that payments_to_people_for
        pays them to ('allowances to host householders for ...'), so that Schedule 5 does not call them payments to
        or for people using the Services (r37 al-fresh tool note 3)."""
        if not self.payments_to_people:
            return None
        if self.payments_to_people_paid_to:
            return self.payments_to_people_paid_to
        m = re.search(r"\bto (?:the )?((?:host householders|householders|hosts|landlords|foster carers|shared lives carers)"
                      r"(?: who [^,;]+)?)", self.payments_to_people_for or "", re.I)
        return m.group(1) if m else None

    @property
    def new_services_name_cover(self) -> bool:
        """Whether this member's new_services words already say how they relate to the former contracts' cover ('beyond
        the 80 cases the former contract covered'), so that Schedule 1 does not add "which no Former Contract covered"
        after them (r43 al-careleavers note 11)."""
        return any(re.search(r"\b(?:former|existing|current|previous) contracts?\b|\bcovered\b", s, re.I)
                   for s in self.new_services)

    @property
    def pays_nrpf(self) -> bool:
        """Whether this Provider's payments_to_people may go to people with no recourse to public funds (r43
        al-domabuse finding 2, al-careleavers tool note 3): as the sheet says, else where payments_to_people_for
        says so."""
        if not self.payments_to_people:
            return False
        if self.payments_to_people_nrpf is not None:
            return self.payments_to_people_nrpf
        return bool(re.search(r"\bno recourse to public funds\b|\bNRPF\b", self.payments_to_people_for or "", re.I))

    @property
    def ring_fences_payments(self) -> bool:
        """Whether this Provider's payments_to_people are ring-fenced outside Gain and Pain, with any underspend repaid
        in full to the Commissioner (r34 al-fresh finding 3): as the sheet says, or, where it is silent, where the
        Provider decides the payments itself or they are personal budgets or direct payments."""
        if not self.payments_to_people:
            return False
        if self.payments_to_people_ring_fenced is not None:
            return self.payments_to_people_ring_fenced
        return self.delegates_budgets or bool(
            re.search(r"\bpersonal budgets?\b|\bdirect payments?\b", self.payments_to_people_for or "", re.I))

    @property
    def delegates_transition_assessments(self) -> bool:
        """Whether delegated_functions gives this Provider young carers' assessments under s.63 of the Care Act 2014
        (transition assessments for a young carer likely to have needs for support after 18), which s.79 reaches,
        unlike a young carer's needs assessment under s.17ZA of the Children Act 1989 (r34 al-fresh finding 1)."""
        return self._delegates("63", r"(?!x)x")


    @property
    def no_professional_indemnity(self) -> bool:
        """Whether own_insurance excuses this member from professional indemnity cover (it gives no advice: r38d
        al-advice F14, tool note 4)."""
        return bool(self.own_insurance and self.own_insurance.professional_indemnity is False)


class Extension(Strict):
    years: int = Field(0, ge=0, le=10, description="Total years by which the initial term may be extended (0 for none).")
    notice_months: int = Field(12, ge=1, le=36, description="Months before the initial term ends by which the extension must be agreed (or, for a commissioner's option, the notice given).")
    by: Literal["agreement", "commissioner"] = Field(
        "commissioner", description="Who extends: 'agreement' (every Alliance Member agrees, up to the years given in "
        "total) or 'commissioner' (an option: the Commissioner extends once, by the years given, by notice, and the "
        "extension binds every member). Left out: the Commissioner's option, as commissioners usually keep it, and the "
        "draft's note asks the client to confirm it.")
    periods: Literal["one", "several"] = Field(
        "one", description="Under the Commissioner's option: 'one' (it extends once, by the years given) or 'several' "
        "(it may extend once or more than once, by periods of one year or more, up to the years given in total, each "
        "by the same notice before the Term would otherwise end, as in 'up to 3 years, in one or more periods').")

    @property
    def by_stated(self) -> bool:
        """Whether the term sheet says whose the extension is (r17 al-sample finding 23)."""
        return "by" in self.model_fields_set


DeadlockRoute = Literal["commissioner", "expert"]


class Decisions(Strict):
    majority_percent: int = Field(75, ge=51, le=99, description="Under majority voting: the percentage of Alliance Members' votes needed to pass a resolution (e.g. 75).")
    reserved_matters: list[Text] = Field(default_factory=list, description="Matters that need every Alliance Member's agreement even under majority voting, one line each.")
    quorum: int | None = Field(None, ge=2, le=20, description="Alliance Members needed for an ALT meeting to be quorate. Empty: two-thirds of the Alliance Members, rounded up, or the votes a majority decision needs if that is more. "
                        "Under majority voting it should be at least those votes, so that a quorate meeting can decide.")
    meetings_per_year: int = Field(12, ge=4, le=52, description="How often the ALT meets as a minimum, e.g. 12 for monthly.")
    @property
    def deadlock_instructed(self) -> bool:
        """Whether the sheet states the deadlock rule (`deadlock`), so a note may say "as instructed"; otherwise the
        draft's rule is its own assumption (r29 al-fresh finding 5)."""
        return "deadlock" in self.model_fields_set

    operational_group_meetings_per_year: int | None = Field(
        None, ge=4, le=52, description="Where the members run an Operational Group of operational leads between ALT "
        "meetings: how often it meets as a minimum, e.g. 12 for monthly. The draft then sets it up in the governance "
        "clause and Schedule 3, reporting to the ALT and making none of its decisions. Leave out where there is none.")
    deadlock: DeadlockRoute = legal_field(
        "commissioner", description="How a matter the ALT cannot decide at two meetings is decided: 'commissioner' (the "
        "Commissioner decides it, with an independent expert's recommendation that does not bind it where independent_expert "
        "gives one) or 'expert' (an "
        "independent expert decides it, never so as to commit public money beyond the Annual Plan). Either way the "
        "Target Cost, the Annual Plan, the shares and the membership are never decided this way: the status quo continues.")
    independent_expert: bool | None = legal_field(
        None, description="Under the 'commissioner' deadlock rule: whether an Independent Expert may be asked for a "
        "recommendation (which does not bind) before the Commissioner decides a deadlock, or after it acts urgently. "
        "true: yes (a condition of the decision under the standard dispute ladder; optional, on a member's request, "
        "under the direct ladder); false: no expert anywhere in the draft (the Commissioner decides on the views "
        "minuted at the ALT, and no expert's fees are a running cost). Empty: follows the dispute ladder: an expert "
        "under the standard ladder with an Independent Adviser, none under the direct ladder (the instructions chose "
        "no independent step). Ignored under the 'expert' deadlock rule, where the expert decides.")

    def expert_offered(self, ladder: str) -> bool:
        """Whether the draft has an Independent Expert (defined, its procedure, its fees), given the dispute ladder
        position: always where it decides deadlocks; otherwise as `independent_expert` says, or, left empty, unless
        the ladder is the direct one (r36 al-fresh finding 4: an expert kept against the sheet's choice)."""
        if self.deadlock == "expert":
            return True
        if self.independent_expert is not None:
            return self.independent_expert
        return ladder != "direct"


class AgreedShare(Strict):
    member: MemberKey = Field(description="Key of the member (as under members).")
    gain: Share = Field(description="The member's share of any gain (underspend against the target cost), as a percentage.")
    pain: Share | None = Field(None, description="The member's share of any pain (overspend), as a percentage. Leave out under a gain-only mechanism.")


class PainCap(Strict):
    basis: Literal["fee", "percent_of_value", "fixed_amount"] = Field(
        "fee", description="What limits a Provider's share of Pain, always a fixed sum for the year: 'fee' (its agreed "
        "Fee, so that at worst it delivers at cost), 'percent_of_value' (a percentage of its annual value) or "
        "'fixed_amount'. ('margin', from earlier term sheets, is read as 'fee'.)")
    percent: Share | None = Field(None, description="Under 'percent_of_value': the cap as a percentage of the member's annual value.")
    amount: Money | None = Field(None, description="Under 'fixed_amount': the most any one member bears in a year, in pounds.")
    excludes_ring_fenced: bool = Field(
        False, description="Under 'percent_of_value': true where the Pain Cap, like the Fee, is worked on each "
        "Provider's annual value less its ring-fenced payments to people (set it only where the deal says so). "
        "False (the default): the Pain Cap is the percentage of the whole annual value, as the percentage above says, "
        "even where risk_reward.fee.excludes_ring_fenced leaves those payments out of the Fee.")

    @model_validator(mode="before")
    @classmethod
    def _margin_is_the_fee(cls, data):
        """An actual margin is no cap (it is nil when a Provider spends exactly its payment): read it as the Fee."""
        if isinstance(data, dict) and data.get("basis") == "margin":
            data = {**data, "basis": "fee"}
        return data


class Fee(Strict):
    percent: Percent = Field(
        Decimal(0), description="Each Provider's agreed Fee (its margin for overheads and surplus), as a percentage of "
        "its annual value, e.g. 5. The Fee is part of both the Target Cost and the Actual Cost, so ordinary margin is "
        "never counted as Gain; each Provider keeps its Fee plus or minus its share of Gain or Pain. Left out: no "
        "Provider is paid a Fee (the draft assumes none and says so), so any margin a Provider does not spend counts "
        "towards Gain.")
    excludes_ring_fenced: bool = Field(
        False, description="True where no Fee is paid on money a Provider passes straight on: each Provider's Fee is "
        "then worked on its annual value less its ring-fenced payments to "
        "people (members' payments_to_people that are ring-fenced, such as host allowances or bursaries), at the amount "
        "the Annual Plan sets for them each year. False: the Fee is worked on the whole annual value (less any "
        "pass-through line), ring-fenced payments included. A Pain Cap set as a percentage of value stays on the whole "
        "annual value unless risk_reward.pain_cap.excludes_ring_fenced says otherwise.")


class CommissionerLimit(Strict):
    member: MemberKey = Field(description="Key of the Commissioner whose part of the Commissioners' Pain is limited, "
        "e.g. 'icb'.")
    amount: Money = Field(description="The most, in pounds, that this Commissioner bears of the Commissioners' share "
        "of Pain (including Pain above the Providers' Pain Caps) in an Alliance Year, e.g. 50000 (the amount its board "
        "has approved). Not indexed and not reduced for a short Alliance Year unless the parties agree: the note asks.")
    excess_to: MemberKey | None = Field(None, description="Key of the Commissioner that bears what this limit cuts off, "
        "e.g. 'council'. It must itself be unlimited. Empty: the other Commissioners without a limit, in proportion "
        "to their shares of Pain.")


class CommissionerCap(Strict):
    member: MemberKey = Field(description="Key of a Commissioner, e.g. 'icb'.")
    amount: Money = Field(description="The most, in pounds, of the Commissioners' exposure to Pain (their own shares "
        "and Pain above the Providers' Pain Caps) that this Commissioner has decided to bear in an Alliance Year: its "
        "Commissioner's Cap, e.g. 25000.")
    approved_by: Text | None = Field(None, description="Who approved that amount for this Commissioner, in words that "
        "read after 'approved by', e.g. 'the Cabinet on 17 November 2026' or 'the ICB's Finance Committee'. Empty: the "
        "note asks for the approval.")


class CommissionerExposure(Strict):
    basis: Literal["uncapped", "fixed_amount"] = Field(
        "uncapped", description="The Commissioner's exposure to Pain: 'uncapped' (it bears its own share and all Pain "
        "above the Providers' Pain Caps, without limit) or 'fixed_amount' (it bears them up to the amount below; Pain "
        "above that is shared by the Providers in proportion to their shares of Pain, beyond their Pain Caps).")
    amount: Money | None = Field(None, description="Under 'fixed_amount': the Pain the Commissioner has budgeted to bear in an Alliance Year, in pounds.")
    above_cap: Literal["commissioner", "providers"] = Field(
        "commissioner", description="Under 'fixed_amount': who bears Pain above that amount. 'commissioner' (the "
        "Commissioner bears it, but approves no cost above a Provider's budget that would take its forecast Pain above "
        "the amount unless it first decides to bear the excess; the Providers' Pain Caps stay real caps) or 'providers' "
        "(the Providers bear it in proportion to their shares of Pain beyond their Pain Caps, each up to an overall "
        "limit, providers_limit_percent of its Annual Value; the Commissioner bears anything above those limits).")
    providers_limit_percent: Percent | None = Field(
        None, description="Under above_cap 'providers': the most a Provider bears of Pain in an Alliance Year, in all, "
        "as a percentage of its Annual Value (e.g. 6). Required for that choice: without it the Providers' exposure "
        "would have no limit.")
    caps: list[CommissionerCap] = Field(
        default_factory=list, description="Under 'fixed_amount' with several Commissioners: each Commissioner's own cap "
        "(its Commissioner's Cap), e.g. [{member: council, amount: 25000, approved_by: Cabinet}, {member: icb, amount: "
        "25000, approved_by: the ICB's Finance Committee}]; list every Commissioner that bears Pain, the amounts adding "
        "up to amount above. No Commissioner then approves overspending that would take its own forecast part above "
        "its cap unless it first decides to bear the excess; above_cap says who bears Pain above all the caps. Empty: "
        "amount is one cap for the Commissioners together.")
    limits: list[CommissionerLimit] = Field(
        default_factory=list, description="Where several Commissioners share Pain without limit ('uncapped'): any one "
        "Commissioner whose own part is limited, with the amount and the Commissioner that bears the rest, e.g. "
        "[{member: icb, amount: 50000, excess_to: council}]. Empty: each Commissioner bears its part, in proportion to "
        "its share of Pain, without limit, and the draft says so.")


class GainCap(Strict):
    applies_to: Literal["providers_total", "each_provider"] = Field(
        "providers_total", description="What the Gain Cap limits: 'providers_total' (the Providers' shares of Gain "
        "for an Alliance Year added together; where they would exceed the cap, each Provider's share is cut back in "
        "proportion to its share of Gain) or 'each_provider' (each Provider's own share of Gain for an Alliance Year).")
    percent: Percent | None = Field(
        None, description="The cap as a percentage: of the Target Cost under 'providers_total', e.g. 2; of the "
        "Provider's Annual Value under 'each_provider', e.g. 3. Give this or amount, not both.")
    amount: Money | None = Field(
        None, description="The cap as a fixed sum in pounds for each Alliance Year (for all Providers together or for "
        "each, as applies_to says), e.g. 350000. Give this or percent, not both.")
    excess_to: Literal["commissioner"] = Field(
        "commissioner", description="Who takes the Gain the cap cuts off: 'commissioner' (the Commissioner, or the "
        "Commissioners in their shares of Gain; it is never shared among the other Providers), the only choice.")


class Example(Strict):
    variance_percent: Percent = Field(
        Decimal(5), description="For the worked example in the risk/reward Schedule: the underspend (for Gain) and "
        "overspend (for Pain) assumed, as a percentage of the Target Cost, arising in the costs of the Provider with the "
        "largest annual value. An illustration only: it binds no one.")
    margin_percent: Percent | None = Field(
        None, description="No longer used: the worked example uses each Provider's agreed Fee (risk_reward.fee).")


class RiskReward(Strict):
    basis: Literal["agreed", "equal", "pro_rata"] = Field(
        "pro_rata", description="How gain and pain shares are set: 'agreed' percentages listed under shares; 'equal' among the sharing members; 'pro_rata' to each member's annual value (computed by the tool).")
    shares: list[AgreedShare] = Field(default_factory=list, description="Under 'agreed': each sharing member's gain and pain percentages; each column must add up to 100.")
    indexation: Text | None = Field(
        None, description="How each Provider's Annual Value (what it is paid for a year, and with it its Fee and Pain "
        "Cap) rises from the second Alliance Year, as words completing 'increased by ...', e.g. 'the percentage "
        "increase in the Consumer Prices Index (CPI) in the 12 months to the previous December'. Empty: the values "
        "stay as in the first year unless the Commissioner and the Provider agree otherwise.")
    indexation_floor: bool | None = Field(
        None, description="Whether the indexation never reduces the Annual Values when the index falls: true (a fall "
        "leaves them unchanged) or false (they fall with it). Empty: the draft keeps them from falling and its note "
        "flags that as an assumption to confirm.")
    fee: Fee = Field(default_factory=Fee, description="Each Provider's agreed Fee, included in the Target Cost and the Actual Cost alike.")
    pain_cap: PainCap = Field(default_factory=PainCap, description="The limit on each member's share of pain.")
    target_cost: Money | None = Field(None, description="The annual target cost against which gain and pain are measured. Empty: the total annual value.")
    commissioner_pain: CommissionerExposure = Field(
        default_factory=CommissionerExposure, description="The Commissioner's own exposure to Pain, shown as its own row "
        "of the share table. State it: the draft says expressly whether it is capped.")
    gain_cap: GainCap | None = Field(
        None, description="A cap on the Providers' Gain, where the deal has one: the Providers' shares together (e.g. "
        "no more than 2% of the Target Cost) or each Provider's share (e.g. no more than 3% of its Annual Value), the "
        "Gain above the cap going to the Commissioner(s). Empty: the Providers' shares of Gain are not capped.")
    example: Example = Field(default_factory=Example, description="Assumptions for the worked example in the risk/reward Schedule.")
    gain_use: Literal["paid", "reinvest"] = Field(
        "paid", description="What happens to each member's share of Gain: 'paid' (the standard: each Provider's share "
        "is paid to it and is its own to use; the Commissioner keeps its share) or 'reinvest' (every share, the "
        "Commissioner's and any share forfeited included, is applied only to the Services under a Reinvestment Plan "
        "the ALT approves; a Provider holds its share as a restricted sum, carried forward or repaid if not spent on "
        "the plan). Choose 'reinvest' where the deal says no member keeps Gain as surplus.")
    reinvest_months: int = Field(
        3, ge=1, le=12, description="Under gain_use 'reinvest': the number of months after the calculation of an "
        "Alliance Year's Gain binds within which the ALT must approve the Reinvestment Plan for it, e.g. 3.")
    overhead_limit_percent: Percent | None = Field(
        None, description="Where there is no open_book block: the most that any Provider's overhead rate may be, as a "
        "percentage of its direct costs of delivering the Services, e.g. 12. Each Provider's own rate is fixed in the "
        "Annual Plan, up to this limit. Empty: the Annual Plan fixes each rate with no ceiling in the Agreement, and "
        "the note asks for one.")
    urgent_approvals_limit: Money | None = Field(
        None, description="The most, in pounds, that the Commissioner (or Lead Commissioner) may approve alone in an "
        "Alliance Year of Providers' costs above budget incurred urgently (to keep a person safe or meet a legal duty), "
        "for all Providers together; above it only the ALT approves, e.g. 75000. Empty: no limit but the cap on the "
        "Commissioner's own Pain.")
    urgent_silence: Literal["reminder", "refused", "approved"] = Field(
        "reminder", description="What it means when the Commissioner (or Lead Commissioner) has not decided on a "
        "Provider's urgent costs above budget within 20 Business Days of its Early Warning: 'reminder' (the standard: "
        "refused, unless the Provider then asks for a decision and none comes within 5 more Business Days, when they "
        "count as approved, within the urgent_approvals_limit where there is one), 'refused' (the costs stay the "
        "Provider's own) or 'approved' (they count as approved, within that limit). The draft's note states the "
        "choice and what each side will ask for.")

    @property
    def urgent_silence_instructed(self) -> bool:
        """Whether the sheet states urgent_silence, so that the clause states the choice without brackets and the
        note does not call it the draft's default (r34 al-fresh2 finding 5)."""
        return "urgent_silence" in self.model_fields_set


class KpiGate(Strict):
    member: MemberKey = Field(description="Key of a Provider (as under members).")
    kpis: list[Annotated[int, Field(ge=1)]] = Field(
        min_length=1, description="The numbers of the KPIs whose levels gate this Provider's share of Gain (1 for the "
        "first listed under kpis, 2 for the second, ...), e.g. [1, 3].")


class AllianceKpi(Kpi):
    gate_figure: Literal["provider", "alliance"] | None = Field(
        None, description="Where this KPI gates a Provider's share of Gain: whether that Provider's performance is "
        "judged on the figure for the services it provides itself ('provider', e.g. occupancy of its own refuge) or "
        "on the figure for the Alliance as a whole ('alliance', so its Gain can turn on other Providers' work). The "
        "draft says which in the gate clause and the outcomes Schedule. Empty: the draft does not say, and its note "
        "asks the client to choose.")


class KpiTrajectory(Strict):
    kpi: int = Field(ge=1, le=50, description="The Key Performance Indicator's number, counting from 1 in the order of kpis.")
    levels: list[str] = Field(min_length=1, max_length=10, description="The level to reach in each Alliance Year of the "
                              "initial term, in order, e.g. ['200', '220', '240', '260', '260']; for a KPI where lower is better, 'none', "
                              "'nil' or 'zero' is read as 0. A level that is not a figure leaves the KPI out of the "
                              "Gain and Pain tests for that year (a warning says so). Give one figure a level: a level of two figures "
                              "('125, 80%') is read as two limbs, both to be met (a warning suggests two KPIs). Left out: the draft "
                              "derives a straight line from the baseline to the target.")


class RestrictedService(Strict):
    service: Text = Field(description="The service, in a few words, e.g. 'Refuge accommodation and support at Refuges A "
                          "and B'.")
    only_for: Text = Field(description="Who it is provided only for, in words that read after 'only for', e.g. 'women' "
                           "or 'Black and minoritised women'.")
    kind: Literal["single_sex", "by_and_for"] = Field(
        description="'single_sex' for a service provided only for one sex (a women-only refuge); 'by_and_for' for a "
        "service provided only for people who share another protected characteristic, such as race, often by an "
        "organisation led by them (a service by and for Black and minoritised women).")


class ServiceSeason(Strict):
    service: Text = Field(description="The service, written exactly as it appears in the alliance's list of services, "
                          "e.g. 'Winter night shelter beds'.")
    runs: Text = Field(description="When it runs, in words that read after 'runs only', e.g. 'from 1 November to "
                       "31 March in each Alliance Year'.")


class Contribution(Strict):
    member: MemberKey = Field(description="Key of the member (a commissioner) that pays into the pooled budget.")
    amount: Money = Field(description="What it pays in for the first Alliance Year, in pounds.")
    pays: Text | None = Field(None, description="When it pays in, as words that follow 'pays it', e.g. 'in four equal "
                              "instalments in advance on 1 April, 1 July, 1 October and 1 January'. Empty: the draft "
                              "shows a placeholder.")
    indexed: bool | None = Field(
        None, description="Whether the contribution changes each later year with the Annual Values until an Annual "
        "Plan sets it. Empty: it does, except for a Commissioner that funds by grant (funds_by_grant), whose "
        "contribution stays fixed unless it agrees otherwise.")
    indexed_by: Text | None = Field(
        None, description="Where this contribution rises each later year by its own uplift, set outside the Alliance, "
        "rather than with the Annual Values or not at all: that uplift, as words completing 'increased by', e.g. 'the "
        "percentage uplift in the NHS minimum contribution to the Better Care Fund for that financial year under the "
        "Better Care Fund policy framework'. Until an Annual Plan sets it, the contribution then rises by that uplift "
        "and the other contributions make up the balance. Leave out otherwise (and leave indexed out when you use it).")
    applied_to: Text | None = Field(
        None, description="Where the contributor earmarks its contribution (the part it pays into the pooled fund, "
        "where it pays the rest directly under its own Service Contracts) for particular services or people: the "
        "purpose, as words that follow 'applied only to', e.g. 'the supported accommodation, for people with section "
        "117 after-care and those returning from out-of-area placements'. The draft records it in the clause on the "
        "Alliance Budget and the note asks that the section 75 agreement carry it. Empty: the contribution is general "
        "money for the Services.")
    pooled_in_full: bool | None = Field(
        None, description="Where this Commissioner is party to Service Contracts but does not hold the pooled budget: "
        "true: it pays its whole contribution into the pooled fund and the Pooled Budget Holder pays what is due under "
        "those Service Contracts out of the fund on its behalf (or repays it for paying them), as regulation 7 of the "
        "NHS Bodies and Local Authorities Partnership Arrangements Regulations 2000 allows for a section 75 pool; "
        "false: it pays those Service Contracts itself and only the balance of its contribution into the pool (an "
        "aligned budget). Empty: true where its contribution is no more than the first-year value of those Service "
        "Contracts (netting them off would leave nothing of it in the pool), false otherwise.")

    @model_validator(mode="after")
    def _indexed_by_alone(self):
        if self.indexed_by and self.indexed is not None:
            raise ValueError("give either indexed (with the Annual Values, or fixed) or indexed_by (its own uplift), not both")
        return self


class PooledBudget(Strict):
    annual_amount: Money = Field(description="The yearly amount of the pooled budget, in pounds; it must equal the sum of the members' annual values.")
    host: MemberKey = Field(description="Key of the member that holds the pooled budget (usually the commissioner).")
    contributions: list[Contribution] = Field(
        default_factory=list, description="Who pays what into the pooled budget for the first Alliance Year, one line "
        "per contributor (member, amount, pays); the amounts add up to the annual amount. Leave empty only where the "
        "holder funds it all.")

    @property
    def contributions_total(self) -> Decimal:
        return sum((c.amount for c in self.contributions), Decimal(0))


# Provisions known to be repealed that a sheet may still recite among its statutory functions: the law.yaml entry
# (with its repeal date, the repealing instrument and the source) and the words that cite it. A recital never prints
# one as a function in force; ALLIANCE-REPEALED-FUNCTION warns (r44 al-homefirst finding 2).
REPEALED_PROVISIONS = {
    "care_act_2014_schedule_3": re.compile(
        r"\b(?:Schedule|Sch\.?)\s*3\b[^;]{0,40}?\bCare Act 2014\b|\bCare Act 2014\b[,]?\s*(?:Schedule|Sch\.?)\s*3\b",
        re.I),
}


def repealed_provision(text: str) -> str | None:
    """The law.yaml name of a repealed provision the text recites, else None."""
    return next((name for name, pattern in REPEALED_PROVISIONS.items() if pattern.search(text or "")), None)


class FormerContract(Strict):
    member: MemberKey = Field(description="Key of the member that holds the contract.")
    kind: Literal["contract", "grant"] | None = Field(
        None, description="What it is: 'contract' (a contract for services) or 'grant' (a grant the Commissioner pays, "
        "e.g. an annual grant the alliance replaces: not procured, so it ends or is varied under its own terms with no "
        "procurement reasoning, and the draft says that the work it paid for moves to the Service Contract). Empty: a "
        "grant where varied_under is 'grant' or the title calls it a grant ('Befriending grant'), else a contract.")
    title: Text = Field(description="What the contract is for, e.g. 'Supported housing, Hillside Road'.")
    reference: str | None = Field(None, description="The commissioner's contract reference.")
    annual_value: Money | None = Field(None, description="Its yearly value in pounds, if known.")
    commissioner: MemberKey | None = Field(
        None, description="Where several members commission the services: the key of the Commissioner that let this "
        "contract, e.g. 'pcc'. Empty: with one Commissioner, that one; with several, the draft leaves it open and "
        "a warning asks for it.")
    procurement_started: dt.date | None = Field(
        None, description="When the procurement of this contract began, as YYYY-MM-DD, if known: it decides the law that "
        "governs running it on or varying it (the Public Contracts Regulations 2015 before 24 February 2025, the "
        "Procurement Act 2023 from then). Empty: the draft's note asks for it.")
    varied_under: Literal["pcr2015", "psr", "procurement_act", "grant"] | None = Field(
        None, description="Where the former contracts are varied: what this one is and so the law its variation "
        "falls under: 'pcr2015' (a contract let under the Public Contracts Regulations 2015, modified under reg. 72), "
        "'psr' (a health care contract awarded under the Provider Selection Regime, S.I. 2023/1348, modified under "
        "reg. 13), 'procurement_act' (a contract awarded under the Procurement Act 2023, modified under s.74) or "
        "'grant' (a grant agreement, not procured: varied by agreement, and the notes ask whether the variation makes it "
        "a public contract). Empty: the alliance's procurement_route. Once any former contract gives it, recital (C) "
        "and the key information recite the route contract by contract, with the date its procurement began.")
    service: Text | None = Field(
        None, description="The service listed under services (in the same words) that this contract's work falls "
        "within, e.g. 'Housing First for people with the most entrenched needs', so that Schedule 1 maps each former "
        "contract to a listed service and its Provider. Empty: read from the title where it names one of the services "
        "its holder delivers (or where the holder delivers only one); otherwise the draft leaves a placeholder.")
    expires: dt.date | None = Field(
        None, description="The date this contract ends under its own terms, before any extension option in it is "
        "exercised, as YYYY-MM-DD, e.g. 2030-03-31, if known. Where the former contracts are varied and this date falls "
        "before the end of the Initial Term, the contract would end first and leave its Provider without a Service "
        "Contract: give option_extended_to if the variation exercises an extension option, and a warning "
        "(ALLIANCE-FORMER-CONTRACT-ENDS-FIRST) fires otherwise. Empty: not given (the draft says nothing of it).")
    option_extended_to: dt.date | None = Field(
        None, description="Where the former contracts are varied: the date to which the variation exercises the option "
        "to extend that the contract itself contains, as YYYY-MM-DD, e.g. 2032-03-31 (a contract from 1 April 2025 for "
        "five years with an option of two more). Clause 5 then requires the option to be exercised in the variation, "
        "recital (D) and Part 2 of Schedule 1 say so, and the notes explain the ground (an option in the original "
        "documents, reg. 72(1)(a) of the Public Contracts Regulations 2015). Empty: no option is exercised.")



class StaffTransferShare(Strict):
    member: MemberKey = Field(description="Key of the Provider to which staff transfer, e.g. 'willowmere'.")
    headcount: int | None = Field(None, ge=1, description="How many employees are expected to transfer to it, e.g. 21, "
                                  "if known. Empty: the draft leaves the number open.")


class InHouseNoTransfer(Strict):
    from_member: MemberKey | None = Field(
        None, description="Key of the member whose own team did the work before, e.g. 'council'. Empty: the "
        "Commissioner (or the Lead Commissioner).")
    team: Text = Field(description="The team, in words that read after 'employee of', e.g. \"the Council's home "
                       "improvement agency\".")
    to: MemberKey = Field(description="Key of the Provider that takes the work over.")
    reason: Text | None = Field(
        None, description="Why the member considers that no employee transfers, e.g. 'no employee spent most of their "
        "time on the sanctuary scheme'. Empty: the note gives no reason.")


class StaffTransferIn(Strict):
    from_member: MemberKey | None = Field(
        None, description="Key of the member whose own employees transfer, e.g. 'council' for a council's in-house team. "
        "Empty: the Commissioner (or the Lead Commissioner).")
    team: Text | None = Field(
        None, description="The team or service the employees work in, in words that read on from 'the employees "
        "assigned to', e.g. \"the Council's in-house Families Together edge-of-care team\". Empty: the draft leaves it "
        "open.")
    date: dt.date | None = Field(
        None, description="When they transfer, as YYYY-MM-DD. Empty: on the Commencement Date.")
    to: list[StaffTransferShare] = Field(
        min_length=1, description="Each Provider to which staff transfer, with the number expected, e.g. "
        "[{member: willowmere, headcount: 21}, {member: familymatters, headcount: 3}].")
    scheme: Literal["lgps", "nhs_pension_scheme", "none"] = Field(
        "lgps", description="The pension scheme the transferring employees are active members of: 'lgps' (the Local "
        "Government Pension Scheme), 'nhs_pension_scheme', or 'none' (no public service pension scheme).")
    fund: Text | None = Field(
        None, description="With scheme 'lgps': the name of the Local Government Pension Scheme fund, e.g. 'Northern "
        "Boroughs Pension Fund'. Empty: the draft leaves it open.")
    admission: Literal["closed", "open"] | None = Field(
        None, description="With scheme 'lgps': whether each receiving Provider's admission agreement is 'closed' (only "
        "the employees who transfer, and not new joiners, are eligible) or 'open' (new employees working on the "
        "services may join too). Empty: the draft leaves the choice in square brackets.")
    rate_changes: Literal["pass_through", "gain_pain"] | None = Field(
        None, description="Who bears a change in the employer contribution rate for the transferred employees after a "
        "valuation of the fund (or a revision of the rates between valuations): 'pass_through' (the receiving Provider's "
        "Annual Value, and so the Target Cost, is adjusted by the change, so it makes no Gain or Pain) or 'gain_pain' "
        "(the contributions at the new rate are Delivery Costs, so a rise counts towards Pain and a fall towards Gain). "
        "Empty: the draft proposes pass-through in square brackets and its note asks the client to decide.")
    employer_rate_percent: Percent | None = Field(
        None, description="The employer contribution rate the fund's actuary has set for each receiving Provider, as a "
        "percentage of pensionable pay, e.g. 19.5, if known. Empty: the draft leaves it open and its note asks for the "
        "actuary's rate.")
    bond: bool | None = Field(
        None, description="With scheme 'lgps': true if the fund requires a bond or indemnity (or a guarantee) from each "
        "receiving Provider under its admission agreement; false if it requires none. Empty: the draft requires any the "
        "fund asks for, and its note asks.")



class LeadProvider(Strict):
    member: MemberKey = Field(description="Key of the Provider that leads the Alliance, e.g. 'willowmere'.")
    chairs_operational_group: bool = Field(
        True, description="Whether its operational lead chairs the Operational Group (true, the usual case); false "
        "leaves the chair with the Alliance Manager.")
    duties: list[Text] = Field(
        default_factory=list, description="What else it does as lead provider, one each as words that read on from "
        "'it must', e.g. 'run the alliance referral hub as the single point of access for referrals', 'co-ordinate "
        "the work of the Providers for each family'. Empty: it chairs the Operational Group and acts as the "
        "Providers' point of contact for the Commissioner on day-to-day delivery.")


ROUTE_WORDS = {
    "open": "the open procedure under section 20(2)(a) of the Procurement Act 2023",
    "competitive_flexible": "a competitive flexible procedure under section 20(2)(b) of the Procurement Act 2023",
    "direct_award": "a direct award under section 41 of, and Schedule 5 to, the Procurement Act 2023",
    "reserved_mutual": "a reserved contract for public service mutuals under section 33 of the Procurement Act 2023",
    "modification": "a modification of existing contracts under section 74 of, and Schedule 8 to, the Procurement Act 2023",
    "pcr2015": "a procurement completed under the Public Contracts Regulations 2015",
    "pcr2015_modification": "a modification of existing contracts under regulation 72 of the Public Contracts Regulations 2015",
    "provider_selection": "a process under the Health Care Services (Provider Selection Regime) Regulations 2023",
    "not_procurement": "arrangements that the Commissioner has assessed as not being a procurement of a public contract",
}
CARVE_OUT_WORDS = {
    "wilful_default": "its wilful default, meaning a deliberate breach of this Agreement or a deliberate failure to perform it",
    "fraud": "fraud, fraudulent misrepresentation or any Prohibited Act committed by it or its Personnel",
    "insolvency": "loss caused to the other Alliance Members by its Insolvency Event",
    "confidentiality": "its breach of its obligations on confidentiality",
    "data_protection": "its breach of its obligations under the Data Protection Legislation",
    "safeguarding": "its breach of its safeguarding obligations",
    "abandonment": "its abandoning its part of the Services, or leaving the Alliance other than as this Agreement allows",
    "infringement": "its infringement of another person's Intellectual Property Rights",
}
CarveOut = Literal["wilful_default", "fraud", "insolvency", "confidentiality", "data_protection", "safeguarding",
                   "abandonment", "infringement"]
# New awards (the Alliance's Service Contracts are new contracts) and modifications (the Former Contracts are
# varied): the route decides which treatment of the former contracts fits it.
NEW_AWARD_ROUTES = ("open", "competitive_flexible", "direct_award", "reserved_mutual", "pcr2015")
MODIFICATION_ROUTES = ("modification", "pcr2015_modification")
FORMER_ROUTE_SHORT = {  # former_contracts[].varied_under in the key information (r33 al-fresh F1)
    "pcr2015": "modification under regulation 72 of the Public Contracts Regulations 2015",
    "psr": "modification under regulation 13 of the Health Care Services (Provider Selection Regime) Regulations 2023",
    "procurement_act": "modification under section 74 of the Procurement Act 2023",
    "grant": "grant agreement varied by agreement (not procured)",
}
# the routes outside the Procurement Act 2023
NON_ACT_ROUTES = ("pcr2015", "pcr2015_modification", "provider_selection", "not_procurement")
# a government department or Minister named in the funding words, with a grant: the central grant clause
CENTRAL_FUNDER = re.compile(r"\b(?:Ministry of [A-Z]|Department (?:for|of) [A-Z]|Home Office|Cabinet Office|HM Treasury|"
                            r"MHCLG|DLUHC|DHSC|DfE|DWP|Minister of the Crown|Secretary of State|central government)")


# A place a term sheet gives for the service specification ("in Schedule 2"): the specification's own numbering.
_SPEC_PLACE = re.compile(r"\s*,?\s*\b(?:(?:as\s+)?set out in|in|at|under|as)\s+(?:the\s+)?(?:Schedule|Annex|Annexe|"
                         r"Appendix|Part|Attachment)\s+[A-Z0-9]+(?:\.\d+)?\b", re.IGNORECASE)


# A standing group of people who use the Services, as the sheet's words name it in any field ("young people's
# advisory panel", "a people's panel", "the Castlebridge Youth Council", "service user forum"): the qualifier words
# before the group's kind are proper names or the words that say whose group it is.
_INVOLVEMENT_GROUP_NAME = r"(?:(?-i:[A-Z][\w'-]+) ){0,3}"   # a proper name before the group's kind ("Castlebridge")
_INVOLVEMENT_GROUP_USERS = (r"(?:young people's|children's|women's|men's|carers'?|parents'?|parent carers'?|residents'?|"
                            r"tenants'?|people's|youth|young people|service users'?|patients'?|families'?) ")
_INVOLVEMENT_GROUP = re.compile(
    r"\b(" + _INVOLVEMENT_GROUP_NAME + r"(?:"
    # a kind of body that is by its nature made up of people who use services
    r"(?:youth (?:council|forum|parliament|cabinet|board|panel)|people's (?:panel|forum|assembly)|"
    r"service[- ]users?'? (?:forum|panel|group|council|board)|children in care council|"
    r"lived[- ]experience (?:panel|board|forum|group|network)|experts? by experience (?:panel|group|board|forum))"
    # or a generic advisory body whose words say it is of people who use services ("young people's advisory panel")
    r"|" + _INVOLVEMENT_GROUP_USERS + r"(?:advisory|reference|participation|involvement) (?:panel|group|board|forum|council)"
    r"))\b", re.I)

# A capitalised proper name ending in the kind of a standing body ("Brackenfold Speak Up Reference Group", "Wrenmoor
# Parent Carer Forum", "Children in Care Council"), with small joining words inside it
_PROPER_GROUP = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’-]*\s+(?:(?:by|of|in|and|for|with)\s+)?){1,6}"
                           r"(?:Group|Forum|Panel|Board|Council|Network|Assembly|Parliament|Cabinet))\b")
# words in such a name that say it is a body of people who use services, or of their families or carers
_INVOLVEMENT_NAME_WORDS = re.compile(
    r"\b(?:Voices?|Speak(?:ing)? Up|Reference|Participation|Involvement|Advisory|Parents?|Carers?|Youth|Young|Children|"
    r"People(?:'s)?|Lived|Experience|Experts?|Users?|Patients?|Residents?|Tenants?|Famil(?:y|ies)|Survivors?|Peers?|"
    r"Champions?|Citizens?)\b")
# names of institutions, not involvement bodies
_NOT_INVOLVEMENT = re.compile(
    r"\b(?:Integrated Care|Care Board|Safeguarding|Health and Wellbeing|Partnership|Operational|Leadership|Alliance|"
    r"Programme|Management|Steering|Commissioning|Provider|Providers|Market|Trust|NHS|County|Borough|City|District|"
    r"Parish|Town|Governing|Executive|Scrutiny|Panel of Assessors|Fostering|Adoption|Placement|Resource|Strategic|"
    r"Children's Partnership)\b")
# words beside a name that say whose body it is
_INVOLVEMENT_CONTEXT = re.compile(
    r"\b(?:consult\w*|people who use|people with|of (?:parent )?carers|of parents|of young people|of children|"
    r"of families|of residents|of tenants|lived experience|service users?|experts? by experience)\b", re.I)


def proper_group_names(text: str) -> list[str]:
    """The capitalised proper names of standing bodies in the text, without a leading 'The'."""
    out = []
    for m in _PROPER_GROUP.finditer(text or ""):
        name = re.sub(r"^(?:The|A|An|Our|Its)\s+", "", m.group(1))
        if len(name.split()) >= 2:
            out.append(name)
    return out


_GROUP_KINDS = ("group", "forum", "panel", "board", "council", "network", "assembly", "parliament", "cabinet",
                "committee", "collective", "circle", "partnership")
# "..., which the Council runs" / "run by Kite" at the end of the sheet's words about its group
_GROUP_RUNNER = re.compile(r"\s*[,;(]?\s*(?:\b(?:which|that)\s+(?P<a>.{1,60}?)\s+(?:runs|hosts|supports|administers|"
                           r"convenes|facilitates|coordinates)(?:\s+(?:for|on behalf of)\b[^,;.()]{0,40})?|\b(?:run|hosted|supported|administered|convened|"
                           r"facilitated|coordinated)\s+by\s+(?P<b>.{1,60}?))\s*\)?\s*[.;]?\s*$", re.I)


def split_involvement_group(text: str) -> dict:
    """The sheet's involvement_group field taken apart (r43 al-careleavers F5, al-earlyhelp F5: "Ashenshire Care
    Leavers' Forum, which the Council runs" and "Young Minds Voice panel of young people aged 11 to 25 who use the
    Services, which Kite runs" were pasted whole as the group's name): 'name' (the leading proper name, without
    'the': "Young Minds Voice"), 'kind' (the sheet's word for the body after the name, "panel", else the name's last
    word where it is a kind of body, else "group"), 'members' (the words after "of" or "made up of": "young people
    aged 11 to 25 who use the Services"), 'runner' (the words naming who runs it: "the Council", "Kite"). A field
    that holds a name only gives that name and no other part."""
    t = re.sub(r"^the\s+", "", (text or "").strip(), flags=re.I).strip()
    runner = None
    m = _GROUP_RUNNER.search(t)
    if m and m.start() > 0:
        runner = (m.group("a") or m.group("b")).strip()
        t = t[:m.start()].rstrip(" ,;(")
    tokens = t.split()
    name: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok[:1].isupper() or tok[:1].isdigit() or tok == "&":
            name.append(tok)
            i += 1
        elif tok.lower() in ("of", "and", "for", "in", "by", "with", "on") and i + 1 < len(tokens) \
                and tokens[i + 1][:1].isupper() and name:
            name += tokens[i:i + 2]
            i += 2
        else:
            break
    if not name:
        return {"name": t, "kind": None, "members": None, "runner": runner}
    rest = " ".join(tokens[i:]).strip(" ,;()-–—")
    rest = re.sub(r"^(?:which is |that is )?(?:a|an|the|its|our)\s+", "", rest, flags=re.I)
    kind = members = None
    km = re.match(r"((?:[a-z][\w'-]*\s+){0,2}?(?:" + "|".join(_GROUP_KINDS) + r"))\b\s*,?\s*(.*)$", rest)
    if km:
        kind, rest = km.group(1), km.group(2)
    mm = re.match(r"(?:made up of|of|for|bringing together)\s+(.+)$", rest, re.I)
    if mm:
        members = mm.group(1).strip(" ,;")
    last = name[-1].lower()
    if kind is None and last in _GROUP_KINDS:
        kind = last
    return {"name": " ".join(name).rstrip(",;"), "kind": kind or "group", "members": members, "runner": runner}


def involvement_body(name: str, line: str) -> bool:
    """Whether a proper name of a standing body is one of people who use services (or their families or carers): its
    words say so ("Speak Up", "Parent Carer", "Youth") or the words around it do ("of people with a learning
    disability", "which the ALT consults"), and it is not an institution (a council, a board of the NHS, the alliance's
    own groups)."""
    if _NOT_INVOLVEMENT.search(name):
        return False
    if _INVOLVEMENT_NAME_WORDS.search(name):
        return True
    return name.split()[-1] in ("Forum", "Panel", "Group", "Network") and bool(_INVOLVEMENT_CONTEXT.search(line))


# "70% of <measure>": a share of a blend, where what follows "of" is a measure and not the Annual Value itself
INDEX_SHARE = re.compile(r"(\d+(?:\.\d+)?)\s*%\s+of\s+(?!(?:the|its|their|each)\s+(?:Alliance Member's |Provider's )?"
                          r"(?:Annual Values?|value|budget)\b)", re.I)
# a percentage as sheets write it: "2.5%", "2.5 per cent", "2.5 percent" (r42 al-familyhubs F1: "up to a maximum of
# 2.5 per cent" was not read as a cap, so the definition lost it)
PERCENT_SIGN = r"\s*(?:%|per\s*cent\b|percent\b)"
# words that limit the Indexation Increase to a figure, for the rule that checks the definition keeps each one
INDEX_LIMIT = re.compile(r"\b(?:maximum|minimum|cap(?:ped)?|floor(?:ed)?|collar|ceiling|(?:no|not)\s+(?:to\s+)?(?:be\s+)?"
                         r"(?:more|less|higher|lower|greater)\s+than|not\s+exceeding|at\s+(?:most|least)|limited\s+to|"
                         r"between)\b(?:\s+(?:of|at|to))?\s+(\d+(?:\.\d+)?)" + PERCENT_SIGN, re.I)
# measures other than the indices INDEX_NAMES knows, which a definition must not silently leave out
OTHER_MEASURE = re.compile(r"\bpay (?:award|settlement|rise|increase)s?\b|\bNational Joint Council\b|\bNJC\b|"
                            r"\bAgenda for Change\b|\baverage (?:weekly )?earnings\b|\bNHS payment scheme\b|"
                            r"\bcost uplift factor\b|\bnational tariff\b|\bGDP deflator\b", re.I)


class Alliance(Strict):
    name: Text = Field(description="The alliance's name, e.g. 'Harbourside Complex Needs Alliance'.")
    purpose: Text = Field(description="What the alliance is for, as one phrase starting with a verb, e.g. 'give people with multiple and complex needs joined-up support'.")
    commissioner_is_member: bool = Field(True, description="Whether the commissioner is itself an Alliance Member, with a vote on the ALT and a share of gain and pain.")
    commissioner_accession: bool | None = Field(None, description="Whether another commissioning body (a council or an NHS body) may join later as a Commissioner, so that the Accession Deed has a Commissioner's form (its contribution to the pooled budget, the funding agreement). Leave unset to infer it from a reserved matter on admitting a member that names a council or an NHS body; false gives a Provider-only deed.")
    funding: Text | None = Field(
        None, description="Where the money for the Services comes from, as words, e.g. 'the council's adult social care "
        "prevention budget and the part of the Better Care Fund that the council holds'. Where it names the Better Care "
        "Fund, the recitals note asks to confirm that the area's Better Care Fund section 75 agreement and plan allow "
        "the spending and how it is reported. The recitals state the words as where the money for the Services comes "
        "from, so write them as a noun phrase that completes 'The money for the Services comes from ...'. Empty: the "
        "draft says nothing about the source of the money.")
    central_grant: Text | None = Field(
        None, description="Where a grant from central government (a Minister of the Crown or a government department, "
        "for example a homelessness or rough sleeping grant from the Ministry of Housing, Communities and Local "
        "Government) pays for some of the Services: its name and who pays it, in words that read after 'the', e.g. "
        "'Rough Sleeping Prevention and Recovery Grant from the Ministry of Housing, Communities and Local Government'. "
        "The draft then passes the grant's conditions down to the Providers, lets the council reduce the Annual Values "
        "in proportion if the grant is cut, with notice, and limits what it pays for those Services to the grant it "
        "receives. Empty: read from the funding words where they name a government department's grant.")
    central_grant_only: bool = Field(
        False, description="With central_grant: true where it names every central government grant the clause on "
        "central government grant should cover (one grant, or several named together), so that Central Government "
        "Grant means only that grant and other government money in the funding (a general grant paid to the council, "
        "say) is not one, and a cut in that other money gives no right to reduce the Annual Values. False: any grant a "
        "Minister of the Crown or a government department pays towards the Services is one, including the grant named.")
    central_grant_name_to_confirm: bool = Field(
        False, description="With central_grant: true where the grant's name is still to be confirmed (for example "
        "against the next year's grant determination, where the department is consolidating its grants). The "
        "definition of Central Government Grant then puts the name in square brackets and the note asks for it to be "
        "confirmed. False: the name is settled. Either way, with central_grant_only the definition takes in any grant "
        "that replaces the named grant or into which it is consolidated.")
    central_grant_cut: bool | None = Field(
        None, description="Where a central government grant pays for some of the Services: whether the instructions "
        "give the council the right, if the grant is cut, to reduce the Annual Values of the Providers it funds on "
        "3 months' notice (overriding the Reserved Matters), with a matching right for those Providers to leave on "
        "3 months' notice, and to pay for those Services no more than the grant it receives. true: instructed, so the "
        "three sub-clauses stand; false: left out; empty: the draft proposes them as one set, in square brackets "
        "pending instructions (r37 al-fresh finding 2).")
    central_grant_ends: dt.date | None = Field(
        None, description="Where a central government grant pays for some of the Services: the last day to which the "
        "grant is confirmed, as YYYY-MM-DD, e.g. 2030-03-31. Where it falls before the Term ends, the central grant "
        "clause's note names that cliff edge, with the grant-funded part of the Annual Values and the Providers it "
        "pays, and proposes a date by which the Commissioner says whether it will keep paying for those Services. "
        "Empty: the note treats the grant as certain only for the year ahead.")
    central_grant_indexation: Literal["if_grant_rises", "commissioner_funds"] | None = Field(
        None, description="Where service lines say which parts the central grant pays for (grant_funded): whether the "
        "grant-funded parts of the Annual Values rise by the indexation only if the grant rises to pay for it. "
        "'if_grant_rises': a grant that does not rise by enough to pay for the increase (a flat grant included) counts "
        "as a cut, so the Commissioner may, on the same notice, hold those parts at what the grant pays for; "
        "'commissioner_funds': they rise whatever the grant does, and the Commissioner meets the difference from its own "
        "money. Empty: the draft says nothing and its note asks, with the figures.")
    central_grant_gain: Literal["grant_conditions"] | None = Field(
        None, description="Where service lines say which parts the central grant pays for (grant_funded) and the grant's "
        "conditions govern what happens to an underspend of it (spent on the grant's purposes, carried forward or "
        "repaid): 'grant_conditions' makes the part of any Gain that arises on the grant-funded parts of the Annual "
        "Values, kept by the Commissioner (its own share, and any share a Provider does not receive), applied as the "
        "grant's conditions require. Empty: the Commissioner decides how to use the Gain it keeps.")
    outside_prices: Text | None = Field(
        None, description="Where the Alliance Members are to agree, or the ALT to set, prices that Providers charge for "
        "services they sell outside the Alliance (to people paying with a direct payment or their own money, say): "
        "what those prices are, in words that read after 'agreeing', e.g. 'the day rates for places bought with direct "
        "payments'. The competition law note then warns that competing Providers agreeing their selling prices is within "
        "the Chapter I prohibition of the Competition Act 1998 and asks for instructions. A Reserved Matter that speaks "
        "of rates, prices or fees for direct payments or self-funders has the same effect. Empty: no such prices.")
    joining_commissioner: Text | None = Field(
        None, description="Where a named commissioning body is expected to join later as a Commissioner: who it is and "
        "what it may bring, e.g. 'the integrated care board, which may pool its frailty money from 2028'. It implies "
        "commissioner_accession, and the Accession Deed's note names it (and, for an NHS body joining a council, the "
        "section 75 pooling route). Empty: no body is named.")
    lead_commissioner: MemberKey | None = Field(
        None, description="Where more than one member commissions the services (for example a council with an integrated "
        "care board and a police and crime commissioner, each with role 'commissioner'): the key of the one that leads, "
        "acting for the Commissioners jointly. Leave out where there is one commissioner.")
    term: Period = Field(description="The initial term: first and last day.")
    extension: Extension = Field(default_factory=Extension, description="Whether and how the initial term may be extended.")
    services: list[Text] = Field(min_length=1, description="Services in scope, one line each.")
    health_care: bool | None = Field(
        None, description="Whether any of the Services is health care (clinical, nursing, therapy or treatment): true "
        "requires clinical negligence cover of the Providers delivering it and names patient safety alerts and "
        "clinical guidance; false for a social care, housing or support alliance, even one that takes people leaving "
        "hospital. Empty: worked out from the words of the services and the members (an NHS member), unless "
        "health_care_assessment records that the Services are not health care and no service names treatment.")
    restricted_services: list[RestrictedService] = Field(
        default_factory=list, description="Services provided only for people of one sex (women-only refuges) or only "
        "for people who share another protected characteristic (services by and for Black and minoritised women): "
        "each service, who it is for and which kind. The draft then lists them, requires each Provider of them to "
        "record and keep under review the Equality Act 2010 exception it relies on, says that relying on it is not a "
        "breach of the duty not to discriminate, and explains the exceptions in a note. Empty: no such services.")
    service_seasons: list[ServiceSeason] = Field(
        default_factory=list, description="Services that run only part of each year (a winter night shelter open only "
        "from November to March, say): each service, as listed under services, and when it runs. Schedule 1 and the "
        "budget Schedule then print the season, the closed months are not an underspend or services not delivered, and "
        "the KPIs on the service are measured while it runs. Empty: every service runs all year.")
    outcomes: list[Text] = Field(min_length=1, description="The outcomes the alliance works towards, one line each.")
    kpis: list[AllianceKpi] = Field(default_factory=list, description="Key performance indicators: measure, baseline, target, "
                                    "frequency and, for a KPI that gates Gain, whose figure counts (gate_figure).")
    gain_gate: bool | None = Field(
        None, description="Whether a Provider's share of Gain counts only if performance against the KPIs meets its "
        "level for the year: true (every KPI gates every Provider, or only the KPIs listed for it under kpi_gates); "
        "false (no gate). Empty: a gate only where kpi_gates is given; otherwise the draft has no gate and its note "
        "sets out the gate as an option for the client to choose.")
    kpi_gates: list[KpiGate] = Field(
        default_factory=list, description="Where a Provider's share of Gain should turn only on the KPIs its own "
        "services affect: for each such Provider, the numbers of those KPIs. The draft lists them against its name in "
        "the outcomes Schedule and gates its share on those alone; a Provider not listed is gated by every KPI. "
        "Giving them sets the gate on Gain (gain_gate) unless that says false.")
    gate_kpis: list[Annotated[int, Field(ge=1)]] = Field(
        default_factory=list, description="The short list of KPIs (by number: 1 for the first listed under kpis) that "
        "gate the share of Gain of every Provider that kpi_gates does not list, e.g. [1, 2]: the outcomes Schedule "
        "lists them against each such Provider. Giving them sets the gate on Gain unless gain_gate says false. Empty: "
        "a Provider that kpi_gates does not list is gated by every KPI.")
    kpi_trajectories: list[KpiTrajectory] = Field(
        default_factory=list, description="Where a KPI's yearly levels are agreed rather than a straight line from "
        "baseline to target: its number and the level for each Alliance Year.")
    decisions: Decisions = Field(default_factory=Decisions, description="ALT decision-making: majority, reserved matters, quorum, meetings.")
    risk_reward: RiskReward = Field(default_factory=RiskReward, description="Gain and pain shares and the cap on pain.")
    pooled_budget: PooledBudget | None = Field(None, description="A pooled budget held by one member; leave out if each member is paid under its own contract.")
    provider_payments: Text | None = Field(None, description="When the Commissioner pays each Provider its Annual "
        "Value under its Service Contract, as words that follow 'pays each Provider its Annual Value for each Alliance "
        "Year', e.g. 'in four equal instalments in advance, on 1 April, 1 July, 1 October and 1 January'. Leave empty "
        "where the instructions do not say (each Service Contract then sets its own payment terms, and a note says so). "
        "Where it is empty and the only contribution to the pooled budget is its host's, that contribution's 'pays' "
        "words are read as this profile.")
    no_blame_carve_outs: list[CarveOut] = legal_field(
        default_factory=lambda: ["wilful_default", "fraud", "confidentiality", "data_protection",
                                 "safeguarding", "infringement"],
        description="Under the no-blame liability model (and the capped model's exceptions): conduct for which a member "
        "remains liable in full. Choose from wilful_default, fraud, insolvency, confidentiality, data_protection, "
        "safeguarding, abandonment, infringement. Left out: the draft proposes all but insolvency and abandonment "
        "(a claim for loss caused by a member's insolvency is not a claim for breach and is worth little against an "
        "insolvent member) and its note says the list is the draft's proposal.")
    procurement_route: Literal[tuple(ROUTE_WORDS)] = legal_field(  # type: ignore[valid-type]
        description="How the arrangements were procured: open, competitive_flexible, direct_award, reserved_mutual, "
        "modification (of contracts awarded under the Procurement Act 2023), pcr2015, pcr2015_modification (of "
        "contracts awarded under the Public Contracts Regulations 2015, reg. 72), provider_selection (health care "
        "services under the Provider Selection Regime), not_procurement.")
    funding_basis: Literal["contract", "grant"] = legal_field(
        "contract", description="How the Commissioner pays the Providers: contract (the standard: each Provider is "
        "paid for the Services under a contract, its Service Contract or, with the single-contract structure, this "
        "Agreement) or grant (the Commissioner funds the Providers by grant under this Agreement: nothing is bought "
        "for the Commissioner, and it has recorded why the arrangement is not a public contract). grant needs "
        "procurement_route not_procurement and the single-contract structure; the draft then calls the Agreement a "
        "grant agreement, pays each Provider's grant as provider_payments says (in advance, without an invoice, "
        "where it is silent), adds grant conditions and repayment of misused or unspent grant, treats the grant as "
        "outside the scope of VAT (a note asks to check) and has re-provision and joining by grant, not by procurement.")
    not_procurement_record: Text | None = Field(
        None, description="With procurement_route not_procurement: where the Commissioner recorded why the arrangement "
        "is not a public contract, as words completing 'The Commissioner recorded its assessment ... in', e.g. "
        "'the report to its Cabinet of 10 November 2026 (KCC/CAB/26/88, appendix 4), which the Cabinet approved on "
        "that date'. Empty: recital (C) leaves a placeholder for it.")
    procurement_started: dt.date | None = Field(
        None, description="When the procurement began (for a modification: when the contracts being modified were "
        "awarded), as YYYY-MM-DD. It decides the law that governs the route: the Procurement Act 2023 from "
        "24 February 2025, the Public Contracts Regulations 2015 before.")
    award_lots: int | None = Field(
        None, ge=1, description="How many lots the procurement was divided into, e.g. 4. Where there are as many lots as "
        "Providers, recital (C) says there is one for each Provider where the former contracts' titles or references "
        "show it ('Lot 2 block contract'), and in square brackets for the client to confirm where they name no lot. Empty: the recital does not mention lots.")
    standstill_end: dt.date | None = Field(
        None, description="The date the standstill period ended before the Service Contracts were awarded, as YYYY-MM-DD, "
        "e.g. 2026-10-27. Recital (C) then recites the award. Empty: the recital does not mention the award.")
    light_touch: bool = legal_field(True, description="Whether the Services are light touch services (Procurement Act 2023 "
                              "s.9 and the Procurement Regulations 2024), as most care, support and housing services are.")
    statutory_functions: list[Text] = legal_field(
        default_factory=list, description="The statutory functions under which the council Commissioner commissions the "
        "Services, one citation each, in words that read on from 'its functions under', e.g. 'sections 10 and 20 of the "
        "Care Act 2014 (carers' assessments and meeting carers' needs for support)'. Recital (A) prints them as given. "
        "Empty: the draft works them out from the words of the purpose and services, and its note asks for a check.")
    health_care_assessment: Text | None = legal_field(
        None, description="Where any Service or former contract looks like health care (treatment, nursing, clinical, "
        "palliative or mental health care) and the route is under the Procurement Act 2023: the Commissioner's view, in "
        "a sentence that reads on from 'the Commissioner recorded its assessment that' (recital (C) says only that the assessment is on the procurement file, so that no Provider can rely on it; the notes quote it where a contract's regime is in doubt), of why the Act and not the Provider Selection Regime governs it, e.g. 'the main subject-matter is "
        "housing and support; the treatment elements are procured separately under the Provider Selection Regime'.")
    interfacing_arrangements: list[Text] = Field(
        default_factory=list, description="Related arrangements outside the Alliance that the Services work alongside "
        "(a Commissioner's separate contracts, a regional consortium, spot purchases), one each as a noun phrase, e.g. "
        "'the Council's community pharmacy contracts for supervised consumption and needle exchange'. Schedule 1 "
        "lists them and the precedence clause says they are outside the Alliance. Empty: none.")
    third_party_dependencies: list[ThirdPartyDependency] = Field(
        default_factory=list, description="Premises or data of a body that is not a party on which part of the "
        "Services depends (police custody suites, courts), each {body, provides, description, agreement}. Schedule 1 "
        "lists them and the note asks for an access or data-sharing agreement with that body. Empty: none.")
    former_contracts: list[FormerContract] = Field(default_factory=list, description="Existing contracts being brought into line with the alliance.")
    staff_transfer_in: StaffTransferIn | None = Field(
        None, description="Where a member's own employees (a council's in-house team, say) transfer to Providers under "
        "the Transfer of Undertakings (Protection of Employment) Regulations 2006 when the Alliance starts: whose "
        "employees, which team, to which Providers and how many, their pension scheme, and for the Local Government "
        "Pension Scheme the fund, the admission terms, who bears a change in the employer rate and any bond. The staff "
        "transfer clause then records the transfer under the Service Contracts, makes the admission agreements a "
        "condition to be met before the transfer, settles employer-rate changes and keeps exit payments out of the "
        "Delivery Costs, and the KPIs' first-year figures may come from that team's records. Empty: no such transfer.")
    in_house_no_transfer: list[InHouseNoTransfer] = Field(
        default_factory=list, description="Where a Provider takes over work a member's own team did (a council's home "
        "improvement agency, say) and that member's view is that none of its employees transfers under the Transfer "
        "of Undertakings (Protection of Employment) Regulations 2006: whose team, which Provider, and why. The staff "
        "transfer note then records that view and tests it, and the clause offers, in square brackets, an indemnity "
        "from that member for any employee later found to have transferred. Empty: none.")
    former_contracts_treatment: Literal["varied", "replaced"] = legal_field(
        "varied", description="What happens to the former contracts on the Commencement Date: 'varied' (each is varied to "
        "align with the alliance and becomes that Provider's Service Contract) or 'replaced' (each ends by agreement, or "
        "expires on former_contracts_expire, and a new Service Contract, awarded by the procurement route, starts).")
    former_contracts_expire: dt.date | None = legal_field(
        None, description="With former_contracts_treatment 'replaced', where the former contracts simply expire under "
        "their own terms (and are not extended): the date they expire, as YYYY-MM-DD, e.g. 2027-03-31. The draft then "
        "says they expire on that date, and keeps a run-on only as a fallback. Empty: they end by agreement. With no "
        "former_contracts listed (a fresh award), the date the current contracts expire under their own terms: Part 2 of "
        "Schedule 1 then says so.")
    former_contracts_extended: bool = legal_field(
        False, description="With former_contracts_expire: true where the former contracts have already been extended "
        "(under an option in them or by a variation) to end on that date. The recital then says they expire on it as "
        "extended and will not be extended further, and the note asks which ground of the law governing each contract "
        "the extension relied on. False: they expire on their original terms.")
    psr_process: Literal["direct_award_a", "direct_award_b", "direct_award_c", "most_suitable_provider",
                         "competitive"] | None = Field(
        None, description="Under procurement_route 'provider_selection': the process of the Provider Selection Regime "
        "followed (regulations 7 to 11), e.g. 'competitive'. Empty: the recital names the Regulations only and the "
        "note asks which process was followed.")
    housing_costs_outside: bool | None = Field(
        None, description="Where housing is among the services: true if costs met from rent, service charges or housing "
        "benefit are paid outside the alliance's budget, so they are left out of the Annual Values and the risk/reward "
        "comparison. Empty: every cost is included, and the draft's note asks whether any is paid that way.")
    running_costs: Literal["commissioner", "members_pro_rata", "pooled_budget"] = Field(
        "commissioner", description="Who pays the alliance's running costs (Alliance Manager, Independent Adviser, "
        "audits): 'commissioner', 'members_pro_rata' (the Providers in proportion to annual value) or 'pooled_budget'.")
    section_75_agreement: Text | None = Field(
        None, description="Where an NHS Commissioner pools money with a council that is the Lead Commissioner (England): "
        "the date of the Commissioners' agreement under section 75 of the National Health Service Act 2006, with its "
        "reference if it has one, in words that read on from 'dated', e.g. '1 March 2027 (reference MMBC/S75/2027/01)'. "
        "Empty: the draft leaves a placeholder for it.")
    conditions_long_stop: dt.date | None = Field(
        None, description="Where the section 75 agreement is not yet made when the draft is prepared: the date, as "
        "YYYY-MM-DD, by which the conditions holding back the contributions, risk/reward and delivery must be met, "
        "after which any Alliance Member may end the Agreement by notice. Empty: 3 months after the start of the term, "
        "which the draft's note asks the client to confirm.")
    running_costs_payer: MemberKey | None = Field(
        None, description="Where running_costs is 'commissioner' and there is more than one Commissioner: the key of the "
        "one Commissioner that pays the running costs alone (outside the pooled budget, where there is one; also where the "
        "budgets are only aligned), e.g. 'council' where the council "
        "funds the Alliance Manager. Empty: the Commissioners share them in proportion to their contributions to the "
        "pooled budget or, with none, to the first-year values of the Service Contracts each is party to (equally where a "
        "value is not known).")
    running_costs_budget: Money | None = Field(None, description="The yearly budget for the running costs, in pounds, "
                                               "if agreed; empty: the ALT sets it in each Annual Plan.")
    lead_provider: LeadProvider | None = Field(
        None, description="Where one Provider leads the Alliance (a lead provider): which, whether it chairs the "
        "Operational Group, and what else it does (a single point of access, co-ordination). The governance clause "
        "then gives it that role, even-handedly: no extra vote, no power to bind or direct another member, no larger "
        "share of Gain or Pain. Empty: no lead provider, and the Alliance Manager chairs the Operational Group.")
    alliance_manager_host: MemberKey | None = Field(
        None, description="Key of the Alliance Member that employs or hosts the Alliance Manager. Empty: the "
        "(lead) Commissioner.")
    alliance_manager_employed: bool | None = Field(
        None, description="true: the host member employs the Alliance Manager and recharges the costs of the post as "
        "running costs; false: the host provides the post another way (a secondment, say), its costs still running "
        "costs. Empty: 'employed or hosted by' the host.")
    alliance_manager_fte: Decimal | None = Field(
        None, gt=0, description="The Alliance Manager post's size in full-time equivalents (1.0 for full time), "
        "where agreed. Empty: not stated.")
    communication_requirements: list[Text] = Field(
        default_factory=list, description="Communication support every meeting of the ALT (and of any Operational Group "
        "and the group of people who use the Services) must have, so that members' representatives and the people "
        "involved can take part, one each, in words that read after 'arrange', e.g. 'British Sign Language "
        "interpretation'. The draft makes the Alliance Manager arrange it as a running cost. Interpreting needs that "
        "concern the people who use the Services ('interpreters for young people whose first language is not English, "
        "including Pashto and Arabic') become one duty to arrange an interpreter, with each language listed, for anyone "
        "taking part or using the Services who needs one. Empty: none.")
    running_costs_include: list[Text] = Field(
        default_factory=list, description="Items the running costs cover besides the Alliance Manager and the expert, "
        "adviser and audit fees, one each, in words that read after 'the', e.g. 'annual lived-experience evaluation'. "
        "Empty: none.")
    involvement_group: Text | None = Field(
        None, description="The standing group of people who use the Services that the ALT consults before each Annual "
        "Plan, by its own name, e.g. 'Young People's Advisory Panel' or 'Riverside People's Panel', optionally "
        "followed by what it is and who runs it, e.g. 'Young Minds Voice, a panel of young people aged 11 to 25, run by "
        "Kite'. The draft defines it once under the name alone (the capitalised words at the start) and describes it "
        "by the sheet's own words about it: its kind and members ('the X Reference Group of people with a learning "
        "disability ...'), who runs it ('which the Council runs', 'run by Kite'), and, where an "
        "interfacing arrangement lists the Council's grant to it, an independent body funded outside the Agreement "
        "(the Alliance Manager then supports its members at alliance meetings and consultation events, not at its own "
        "meetings). Empty: the draft takes the group the purpose, the services, running_costs_include, the "
        "communication requirements or the interfacing arrangements name (a capitalised name ending in Group, Forum, "
        "Panel, Board, Council or Network whose words or context say it is of people who use services or their "
        "families: a youth council, a parent carer forum, a reference group), and where they name none "
        "it proposes a Lived Experience Group in square brackets for the client to confirm.")
    running_costs_budget_covers: list[Literal["independent_adviser", "independent_expert", "audits"]] = Field(
        default_factory=list, description="With running_costs_budget and running_costs_include: the fees the yearly "
        "running-costs budget also pays for, where the budget was built to include them: 'independent_adviser' (under "
        "the dispute ladder with an Independent Adviser), 'independent_expert', 'audits', e.g. [independent_adviser]. "
        "Empty: those fees are paid as they fall due, outside the budget.")
    case_system_host: MemberKey | None = legal_field(
        None, description="Where the members share one case management system or shared care record: the key of the "
        "member that hosts it. Each member stays controller of what it enters; the host processes it for them. Leave "
        "out where no system is shared.")
    patient_record_host: MemberKey | None = legal_field(
        None, description="Where named staff of the other members are given access to one member's own electronic "
        "patient record (for example an NHS trust's) or case record system (for example a council's adult social care "
        "case management system), which that member controls: that member's key. The draft sets the access terms (the "
        "host's written terms; the NHS Data Security and Protection Toolkit where the host is an NHS body, otherwise "
        "Cyber Essentials or the host's own standard; the agreed purposes), and for a council host limits access to "
        "the staff of Providers exercising its delegated functions where there are any. "
        "Leave out where no member's own record is opened to the others; use case_system_host for a system one member "
        "hosts for all.")
    patient_record_access: list[MemberKey] = legal_field(
        default_factory=list, description="With patient_record_host: the members whose named staff are given access, "
        "e.g. [fernbrook, peers]. Empty: each other member that needs it for the Services.")
    patient_record_read_only: bool | None = legal_field(
        None, description="With patient_record_host: true where the other members' staff may only read the record, for "
        "the people they support (they make no entries in it, so the note asks nothing about who controls their "
        "entries). Empty: the draft does not limit the access to reading, and the note asks who controls their entries.")
    exit_notice_months: int = Field(12, ge=3, le=24, description="Months' notice a member gives to leave the alliance.")
    exit_not_before: dt.date | None = Field(
        None, description="A minimum period of membership: the earliest day a member's notice to leave without cause may "
        "expire, e.g. 2029-03-31 (the end of the second Alliance Year). Empty: notice may be given at any time from "
        "signature, the clause says so, and the drafting note asks whether to add a minimum period.")
    for_cause_until: dt.date | Annotated[int, Field(ge=1, le=20)] | None = Field(
        None, description="Under the exit position 'for-cause': how long members may leave only for cause, as the last "
        "day of that period (YYYY-MM-DD, e.g. 2029-03-31) or as a number of Alliance Years from the Commencement Date "
        "(e.g. 2 for the first two years). After it, a member may leave without cause on notice. Empty: the whole "
        "Initial Term.")
    service_contracts_on_end: Literal["end", "continue"] = Field(
        "continue", description="Under the over-contracts structure: what happens to the Service Contracts when this "
        "Agreement itself ends (at the end of the Term, by agreement or because the Commissioner leaves): 'continue' "
        "(each runs on until it ends under its own terms, without the alliance terms) or 'end' (each ends on the same "
        "day, unless the Commissioner party to it decides by notice before then that it is to continue, as when a "
        "Provider leaves).")
    exit_at_year_end: bool = Field(
        False, description="Whether a member's notice to leave without cause must expire on the last day of an Alliance "
        "Year, so that no member leaves part-way through a year's Gain or Pain. False: it may expire on any day.")
    handover: str | None = Field(None, description="For the Exit Plan: each member's services at the start and how each would be "
                                 "handed over if it left, in a sentence or two, e.g. 'Harbour Housing: floating support, to the "
                                 "Council's in-house team with case records'. Empty: the draft shows a placeholder.")
    service_specification: str | None = Field(None, description="Under the single-contract structure: the document that specifies "
                                              "each Provider's part of the Services, e.g. 'the day opportunities specification (version 3, "
                                              "1 March 2026)'. The draft says it is to be annexed; a place named here ('in Schedule 2') is "
                                              "taken as that document's own numbering and left out. Empty: the draft shows a placeholder.")
    liability_floor: Money | None = legal_field(None, description="Under the capped liability position: the least cap, in pounds, for a "
                                          "member with a small annual value, e.g. 250000. Under no blame: the fixed sum in the "
                                          "yearly cap on the carved-out claims (the greater of it and the member's Annual Value), "
                                          "e.g. 2000000. Empty: the draft shows a placeholder.")

    # The members live at the top of the term sheet (each is a party that signs); the alliance's computed
    # figures need them, and clause files reach computed values only through `alliance.<property>`.
    _members: tuple[Member, ...] = PrivateAttr(default=())
    _open_book: OpenBook | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _gate_kpis_exist(self) -> "Alliance":
        missing = [n for n in self.gate_kpis if n > len(self.kpis)]
        if missing:
            raise ValueError(f"gate_kpis: KPI {', '.join(str(n) for n in missing)} does not exist: {len(self.kpis)} "
                             "KPIs are listed under kpis")
        return self

    @property
    def open_book_examples(self) -> dict[str, list[tuple[Member, Reconciliation]]]:
        """Each Provider's own open-book reconciliation, by the same arithmetic as the open-book worked
        example (`OpenBook.reconcile` on the Provider's cost model), keyed 'cost-base/margin/treatment'."""
        ob = self._open_book
        if ob is None:
            return {}
        out: dict[str, list[tuple[Member, Reconciliation]]] = {}
        for m in self.providers:
            if m.cost_model is None:
                continue
            own = ob.model_copy(update={"cost_model": m.cost_model})
            for key, rec in own.examples.items():
                out.setdefault(key, []).append((m, rec))
        return out

    def open_book_year(self, cost_base: str = "full-cost", treatment: str = "refund",
                       costs: dict[str, Decimal] | None = None, margin: str = "hard-cap"
                       ) -> tuple[Settlement, list[OpenBookLine]]:
        """One Alliance Year with open-book terms, in the agreement's order: first the Gain or Pain and each
        Provider's Balancing Amount (on its payments before any transfer or refund of Excess Profit), then each
        Open-Book Provider's profit cap on its whole return, so the same underspend is never counted twice.

        Each Provider is paid its annual value. An Open-Book Provider's Allowable Costs are `costs[key]` where
        given (otherwise its cost model's); they count as Delivery Costs up to its budget (annual value less Fee;
        nothing above it is taken as approved). Any other Provider spends `costs[key]` or its budget. Its Actual
        Profit is its Service Income plus its Balancing Amount less its Allowable Costs, and its Reasonable Profit
        is the greater of the profit cap and its Fee plus its share of Gain (or less its share of Pain). With a
        sharing band (`margin` "sharing-band"), Actual Profit above the Reasonable Profit and up to the top of the band
        is shared (the Provider keeping its band share) and only the rest is Excess Profit."""
        ob = self._open_book
        costs = costs or {}
        recs: dict[str, Reconciliation] = {}
        lines = []
        shares = {s.member: s for s in self.shares}
        pain_side = None
        for m in self.providers:
            fee = self.fee_for(m)
            budget = m.annual_value - fee
            spent = costs.get(m.key)
            if ob is not None and m.cost_model is not None and not m.is_public_body:
                own = ob.model_copy(update={"cost_model": m.cost_model})
                rec = own.reconcile(cost_base, "hard-cap", treatment)
                if spent is not None:
                    direct = pence(spent) - rec.overheads_allowed
                    rec = own.reconcile(cost_base, "hard-cap", treatment, direct_costs=direct)
                recs[m.key] = rec
                spent = min(rec.allowable_costs, budget)
            elif spent is None:
                spent = budget
            lines.append((m, fee, spent))
        target = pence(self.target_cost)
        actual = sum((pence(c) + pence(f) for _, f, c in lines), Decimal(0))
        pain_side = actual > target
        years = []
        for m, fee, spent in lines:
            row = shares.get(m.key)
            share = ((row.pain or Decimal(0)) if pain_side else row.gain) if row else Decimal(0)
            years.append(ProviderYear(m.key, m.name, m.annual_value, spent, share, self.pain_cap_for(m), fee,
                                      self.pain_limit_for(m), self.gain_cap_for(m)))
        settlement = settle(self.target_cost, years, commissioner_cap=self.commissioner_cap,
                            spread_returned=bool(self.commissioner_caps),
                            gain_cap_total=self.gain_cap_total)
        out = []
        for (m, fee, _), line in zip(lines, settlement.lines):
            rec = recs.get(m.key)
            if rec is None:
                continue
            actual_profit = rec.income + line.balancing - rec.allowable_costs
            alliance_return = fee + line.share
            reasonable = max(rec.maximum_profit, alliance_return)
            excess = max(actual_profit - reasonable, Decimal(0))
            band = ob.sharing_band if ob is not None else None
            if margin == "sharing-band" and band is not None and ob.basis == "allowable_cost":
                top = max(pence(rec.cost_base * band.upper_margin / HUNDRED), reasonable)
                in_band = max(Decimal(0), min(actual_profit, top) - reasonable)
                excess = in_band - pence(in_band * band.provider_share / HUNDRED) + max(Decimal(0), actual_profit - top)
            out.append(OpenBookLine(m, rec, line.balancing, actual_profit, alliance_return, reasonable, excess,
                                    actual_profit - excess))
        return settlement, out

    @property
    def open_book_over_budget(self) -> list[tuple[Member, Decimal]]:
        """Each Open-Book Provider whose cost model (direct costs plus overheads) is above its budget (its
        annual value less its Fee), with the amount: cost it bears alone from the first day unless approved."""
        if self._open_book is None:
            return []
        out = []
        for m in self.providers:
            model = m.cost_model
            if model is None or m.is_public_body:
                continue
            over = model.direct_costs + model.overheads - (m.annual_value - self.fee_for(m))
            if over > 0:
                out.append((m, pence(over)))
        return out

    @property
    def open_book_under_budget(self) -> list[tuple[Member, Decimal]]:
        """Each Open-Book Provider whose cost model's Allowable Costs (direct costs plus overheads up to the Overhead
        Cap) are below its budget (its annual value less its Fee), with the amount: Gain built in from the first day
        if the Target Cost is the total of the annual values."""
        if self._open_book is None:
            return []
        out = []
        for m in self.providers:
            if m.cost_model is None or m.is_public_body:
                continue
            rec = self._open_book.model_copy(update={"cost_model": m.cost_model}).reconcile("full-cost", "hard-cap", "refund")
            under = (m.annual_value - self.fee_for(m)) - rec.allowable_costs
            if under > 0:
                out.append((m, pence(under)))
        return out

    def open_book_overhead_gaps(self, cost_base: str = "full-cost", treatment: str = "refund"
                                ) -> list[tuple[Member, Decimal, Decimal, Decimal, Decimal, Decimal]]:
        """Of the Providers in `open_book_under_budget`, each whose gap comes (wholly or partly) from budgeted
        overheads above the Overhead Cap rather than from a cost model below budget: (Provider, overheads above the
        cap, its overheads, the cap in pounds, the part of the gap that is a real saving, what it ends the first year
        with once it has paid those overheads itself). That "Gain" is no saving: the Provider still spends its
        budget, and the Commissioners take a share of overheads it bears (r16 al-fresh finding 7)."""
        under = dict((m.key, amount) for m, amount in self.open_book_under_budget)
        if not under:
            return []
        _, lines = self.open_book_year(cost_base, treatment)
        out = []
        for line in lines:
            over = line.rec.overheads_disallowed
            if line.member.key in under and over > 0:
                saving = max(Decimal(0), under[line.member.key] - over)
                out.append((line.member, pence(over), line.rec.overheads_claimed, line.rec.overhead_limit,
                            pence(saving), pence(line.kept - over)))
        return out

    @property
    def open_book_total_differences(self) -> list[tuple[str, Decimal, Decimal]]:
        """Where the sheet gives both an open-book cost model and one for each Open-Book Provider: each total the
        sheet states that differs from the Providers' own figures added up (label, sheet's total, Providers' total).
        The draft uses the Providers' figures; the difference is named so that the client confirms it."""
        ob = self._open_book
        models = [m.cost_model for m in self.providers if m.cost_model is not None and not m.is_public_body]
        if ob is None or not models:
            return []
        out = []
        for label, attr in (("direct costs", "direct_costs"), ("overheads", "overheads"), ("income", "income")):
            given = getattr(ob.cost_model, attr)
            total = sum((getattr(c, attr) for c in models), Decimal(0))
            if given != total:
                out.append((label, given, total))
        return out

    def gain_example_above_profit_cap(self) -> list[tuple[Member, Decimal, Decimal, Decimal]]:
        """In the risk/reward Schedule's Gain example (Example 1), each Open-Book Provider left with more than the
        profit cap on its Delivery Costs: (Provider, Fee plus share of Gain, Delivery Costs, that as a percentage
        to one place). The Reasonable Profit floor lets it keep that, so a "hard" cap is not hard."""
        ob = self._open_book
        if ob is None or not self.providers:
            return []
        rate = ob.profit_cap
        g = self.gain_example
        out = []
        for line in g.lines:
            m = self.member_by_key(line.member)
            if m is None or m.cost_model is None or m.is_public_body or line.cost <= 0:
                continue
            if line.ends_with > pence(line.cost * rate / HUNDRED):
                out.append((m, line.ends_with, line.cost,
                            (line.ends_with * HUNDRED / line.cost).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)))
        return out

    def open_book_floor_above_cap(self, cost_base: str = "full-cost", treatment: str = "refund"
                                  ) -> list[tuple[Member, Decimal, Decimal, Decimal]]:
        """In the Schedule's worked example, each Open-Book Provider whose Reasonable Profit is set by the floor (its
        Fee plus its share of Gain) above the profit cap: (Provider, profit kept, its Cost Base, kept as a percentage
        of that Cost Base to one place). Shows that the sheet's "hard" cap is exceeded by design."""
        if self._open_book is None or self.open_book_example_saver is None:
            return []
        _, lines = self.open_book_example(cost_base, treatment)
        return [(line.member, line.kept, line.rec.cost_base,
                 (line.kept * HUNDRED / line.rec.cost_base).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))
                for line in lines if line.alliance_return > line.rec.maximum_profit and line.rec.cost_base > 0]

    @property
    def open_book_example_saver(self) -> tuple[Member, Decimal] | None:
        """The schedule's worked example: the largest Open-Book Provider spends about 2% below its budget (rounded
        down to a whole £10,000), every other Provider its own cost model; returns that Provider and its spending."""
        if self._open_book is None:
            return None
        ob = [m for m in self.providers if m.cost_model is not None and not m.is_public_body]
        if not ob:
            return None
        m = max(ob, key=lambda p: p.annual_value)
        budget = m.annual_value - self.fee_for(m)
        step = Decimal(10000) if budget >= 100000 else Decimal(1000)
        return m, (budget * Decimal("0.98") / step).to_integral_value(rounding=ROUND_DOWN) * step

    def open_book_example(self, cost_base: str = "full-cost", treatment: str = "refund", margin: str = "hard-cap"
                          ) -> tuple[Settlement, list[OpenBookLine]]:
        saver = self.open_book_example_saver
        return self.open_book_year(cost_base, treatment, {saver[0].key: saver[1]} if saver else None, margin)

    def open_book_margin_taken(self, cost_base: str = "full-cost", treatment: str = "refund",
                               margin: str = "hard-cap") -> list[tuple[Member, Decimal, Decimal, Decimal, Decimal, Decimal]]:
        """Where each Open-Book Provider's own cost model has Allowable Costs below its budget (annual value less
        Fee), the year in which every Provider spends exactly its cost model makes Gain with no saving at all. For
        each such Provider: (Provider, the margin its own cost model prices in (Service Income less Allowable
        Costs), its Fee, its part of that built-in Gain, its share of the whole Gain, what it loses against its own
        margin). The loss is the part of its own margin that goes to the other members (r17 al-fresh finding 1)."""
        under = dict((m.key, amount) for m, amount in self.open_book_under_budget)
        if not under:
            return []
        settlement, lines = self.open_book_year(cost_base, treatment, None, margin)
        if settlement.outcome <= 0:
            return []
        out = []
        for line in lines:
            m = line.member
            if m.key not in under:
                continue
            fee = self.fee_for(m)
            own_margin = pence(line.rec.income - line.rec.allowable_costs)
            share = line.alliance_return - fee
            out.append((m, own_margin, fee, under[m.key], share, pence(own_margin - fee - share)))
        return out

    @property
    def commissioners(self) -> list[Member]:
        return [m for m in self._members if m.role == "commissioner"]

    def owner_of(self, member: Member) -> Member | None:
        """The Commissioner that wholly owns this Provider (its owned_by), or None."""
        owner = self.member_by_key(member.owned_by) if member.owned_by else None
        return owner if owner is not None and owner.role == "commissioner" else None

    @property
    def lgps_staff_providers(self) -> list[Member]:
        """The Providers whose staff must keep Local Government Pension Scheme membership if they transfer."""
        return [m for m in self.providers if m.lgps_staff]

    @property
    def owned_providers(self) -> list[tuple[Member, Member]]:
        """Each Provider a Commissioner wholly owns (a local authority trading company), with its owner."""
        return [(m, self.owner_of(m)) for m in self.providers if self.owner_of(m)]

    @property
    def joint_commissioners(self) -> bool:
        """More than one commissioning body: each is a Commissioner, one leads."""
        return len(self.commissioners) > 1

    @property
    def commissioner(self) -> Member | None:
        """The commissioner, or where there are several the lead commissioner (the first, if none is named)."""
        found = self.commissioners
        lead = next((m for m in found if m.key == self.lead_commissioner), None)
        return lead or (found[0] if found else None)

    @property
    def running_costs_sole_payer(self) -> Member | None:
        """The one Commissioner that pays the running costs alone, where several commission and the sheet names it."""
        if self.running_costs != "commissioner" or not self.joint_commissioners or not self.running_costs_payer:
            return None
        return next((m for m in self.commissioners if m.key == self.running_costs_payer), None)

    def party_term(self, m: Member | None, capital: bool = False) -> str:
        """How operative text names member `m`: "the Commissioner" where it is the only commissioning party (that is
        its role in this Agreement, and the text elsewhere uses it), otherwise its defined name (r25 al-sample 14)."""
        if m is None:
            return ""
        if m.role == "commissioner" and not self.joint_commissioners:
            return "The Commissioner" if capital else "the Commissioner"
        return m.Defined if capital else m.defined

    @property
    def case_system_term(self) -> str:
        """The case system host as operative text names it (see party_term)."""
        return self.party_term(self.case_system)

    @property
    def commissioner_label(self) -> str:
        """How the worked example's table names the Commissioner's line."""
        if self.joint_commissioners:
            # a Commissioner with no share of Gain or Pain takes none of the line (r31 al-fresh tool note 3.5), and a
            # name that starts with "The" is not capitalised inside the brackets (finding 17)
            rows = {r.member: r for r in self.commissioner_rows}
            sharing = [m for m in self.commissioners if rows[m.key].gain or rows[m.key].pain]
            if len(sharing) == 1:
                return f"{sharing[0].name} (the Commissioner that takes the Commissioners' share)"
            names = [m.name_inline for m in (sharing or self.commissioners)]
            return "The Commissioners jointly (" + ", ".join(names) + ")"
        return f"{self.commissioner.name} (the Commissioner)" if self.commissioner else "The Commissioner"

    @property
    def commissioner_rows(self) -> list[ShareRow]:
        """One share row for each commissioning body: listed, or nil where the basis leaves it out."""
        listed = {s.member: s for s in self.shares}
        return [listed.get(m.key) or ShareRow(m.key, m.name, Decimal(0), Decimal(0)) for m in self.commissioners]

    @property
    def commissioner_pain_row(self) -> str | None:
        """The key of the one Commissioner row of the share table that states the Commissioners' joint amount or limit
        of Pain in full (the first that takes a share); the other Commissioners' rows refer to it instead of repeating
        it (sprint J1, I2 item 15)."""
        return next((c.member for c in self.commissioner_rows if c.gain or c.pain), None)

    @property
    def commissioner_limits(self) -> list["ResolvedLimit"]:
        """Each Commissioner whose own part of the Commissioners' Pain is limited (risk_reward.commissioner_pain.limits),
        where several Commissioners bear Pain without a joint limit: the limit, who bears what it cuts off, and where it
        is reached in the first Alliance Year (r38d al-mh finding 1). A limit the rules reject is left out here."""
        cp = self.risk_reward.commissioner_pain
        if not self.joint_commissioners or cp.basis != "uncapped" or not cp.limits:
            return []
        comms = {m.key: m for m in self.commissioners}
        limited = {l.member for l in cp.limits}
        out = []
        for l in cp.limits:
            m = comms.get(l.member)
            if m is None:
                continue
            if l.excess_to is not None:
                takers = [comms[l.excess_to]] if l.excess_to in comms and l.excess_to not in limited else []
            else:
                takers = [c for c in self.commissioners if c.key not in limited]
            if not takers:
                continue
            part = self.commissioner_part(m.key)
            if part <= 0:
                continue
            total = pence(l.amount / part)
            pain = commissioner_cap_reached(self.provider_cap_points, shares_total=self.provider_pain_share_total,
                                            commissioner_cap=total)
            out.append(ResolvedLimit(m, l.amount, takers, part, total, pain))
        return out

    @property
    def commissioner_caps(self) -> list[tuple[Member, Decimal, str | None]]:
        """Each Commissioner's own cap on its part of the Commissioners' exposure to Pain (its Commissioner's Cap),
        where several Commissioners bear Pain up to a fixed amount and the sheet divides it (r42 al-prescribing F3):
        the Commissioner, the amount and who approved it, in the Commissioners' order. Empty otherwise."""
        cp = self.risk_reward.commissioner_pain
        if not self.joint_commissioners or cp.basis != "fixed_amount" or not cp.caps:
            return []
        by_key = {c.member: c for c in cp.caps}
        return [(m, by_key[m.key].amount, by_key[m.key].approved_by) for m in self.commissioners if m.key in by_key]

    def commissioner_cap_of(self, key: str) -> Decimal | None:
        """A Commissioner's own Commissioner's Cap (None where it has none)."""
        return next((amount for m, amount, _ in self.commissioner_caps if m.key == key), None)

    def commissioner_part(self, key: str) -> Decimal:
        """A Commissioner's part (a fraction) of the Commissioners' share of Pain before any limit: its share of Pain
        out of theirs, or equal parts where their shares are nil (as the clause on service planning provides)."""
        rows = self.commissioner_rows
        total = sum(((r.pain or Decimal(0)) for r in rows), Decimal(0))
        row = next((r for r in rows if r.member == key), None)
        if row is None:
            return Decimal(0)
        if total == 0:
            return Decimal(1) / len(rows)
        return (row.pain or Decimal(0)) / total

    def split_commissioner_pain(self, total: Decimal) -> dict[str, Decimal]:
        """The Commissioners' share of Pain (a positive amount) divided between them: in proportion to their parts,
        each limited Commissioner up to its limit, what a limit cuts off to the Commissioner(s) named to bear it in
        proportion to their own parts; to the penny, the rounding penny to the last Commissioner taking a part, so the
        parts add up exactly to the total."""
        keys = [m.key for m in self.commissioners]
        parts = {k: self.commissioner_part(k) for k in keys}
        out = {k: total * parts[k] for k in keys}
        for l in self.commissioner_limits:
            over = out[l.member.key] - l.amount
            if over <= 0:
                continue
            out[l.member.key] = l.amount
            weights = {t.key: parts[t.key] for t in l.takers}
            wsum = sum(weights.values(), Decimal(0))
            for k, w in weights.items():
                out[k] += over * (w / wsum if wsum else Decimal(1) / len(weights))
        out = {k: pence(v) for k, v in out.items()}
        last = next((k for k in reversed(keys) if k not in {l.member.key for l in self.commissioner_limits}
                     and out[k] != 0), keys[-1])
        out[last] += total - sum(out.values(), Decimal(0))
        return out

    @property
    def provider_cap_points(self) -> list[tuple[Decimal, Decimal]]:
        """(Pain Cap, share of Pain) for each Provider with both."""
        shares = {s.member: (s.pain or Decimal(0)) for s in self.shares}
        points = []
        for m in self.providers:
            cap, share = self.pain_cap_for(m), shares.get(m.key, Decimal(0))
            if cap is not None and share > 0:
                points.append((cap, share))
        return points

    @property
    def provider_pain_share_total(self) -> Decimal:
        shares = {s.member: (s.pain or Decimal(0)) for s in self.shares}
        return sum((shares.get(m.key, Decimal(0)) for m in self.providers), Decimal(0))

    @property
    def providers(self) -> list[Member]:
        return [m for m in self._members if m.role == "provider"]

    @property
    def participants(self) -> list[Member]:
        """Members that take part without a Service Contract or payment (role 'participant'): Participating Members,
        outside every Service Contract, Gain and Pain, Fee and Pain Cap provision (r43 al-earlyhelp finding 1)."""
        return [m for m in self._members if m.role == "participant"]

    @property
    def non_voting_participants(self) -> list[Member]:
        """Participating Members that attend the ALT without a vote (votes not true)."""
        return [m for m in self.participants if not m.votes]

    @property
    def voting_members(self) -> list[Member]:
        """The Alliance Members that vote at the ALT: every Alliance Member less a Participating Member without a
        vote. Votes needed, the quorum and the checks count these."""
        return [m for m in self.alliance_members if m.role != "participant" or m.votes]

    @property
    def providers_not_varied(self) -> list[Member]:
        """Providers holding no Former Contract where the others' are varied: their Service Contract is a separate
        contract (e.g. let with the alliance terms already in it), so the recital and clause 3 must not imply that
        every Service Contract is a varied Former Contract."""
        if self.former_contracts_treatment != "varied" or not self.former_contracts:
            return []
        held = {c.member for c in self.former_contracts}
        return [p for p in self.providers if p.key not in held]

    @property
    def alliance_members(self) -> list[Member]:
        """The Alliance Members: every party, less the commissioner where it is not a member (voting_members: those
        that vote)."""
        return [m for m in self._members if self.commissioner_is_member or m.role != "commissioner"]

    @property
    def provider_names(self) -> list[str]:
        return [m.name for m in self.providers]

    @property
    def member_names(self) -> list[str]:
        return [m.name for m in self.alliance_members]

    @property
    def manager_host(self) -> Member | None:
        """The member that employs or hosts the Alliance Manager, where it is not the (lead) Commissioner."""
        host = self.member_by_key(self.alliance_manager_host) if self.alliance_manager_host else None
        return None if host is None or host is self.commissioner else host

    @property
    def indexation_parts(self) -> list[dict] | None:
        """The sheet's indexation words read as the measures they name, each with the share of the Annual Value
        it applies to and (for a price index) the month its 12-month change runs to, so that the draft defines
        the Indexation Increase once and exactly. Each part: {"index": "nlw"|"cpi"|"cpih"|"rpi", "percent":
        Decimal, "month": str | None, "following": bool (the words said "the following April")}. None where the
        words cannot be read that way (an unknown measure, more than two, a "higher of" choice, or two measures
        without the share each applies to): the draft then keeps the sheet's words and its note asks for a formula."""
        words = self.risk_reward.indexation or ""
        capped = self.indexation_measure_cap
        if capped is not None:
            words = capped["base"]
        # "60% of the NLW increase plus 40% of the CPI increase": a "plus" that only joins two shares of measures is
        # an "and" (r43 al-domabuse finding 12); a "plus" before a margin ("CPI plus 1%") still stops the reading
        words = re.sub(r"\bplus\s+(?=\d+(?:\.\d+)?\s*%\s+of\b)", "and ", words or "", flags=re.I)
        if not words or re.search(r"\b(if higher|if lower|greater of|higher of|lower of|whichever|plus|minus|less)\b", words, re.I):
            return None
        weighted = self._indexation_weighted_parts(words)
        if weighted is not None:
            return weighted
        blend = self._indexation_percent_of_parts(words)
        if blend is not None:
            return blend
        found = []
        for key, pattern in INDEX_NAMES:
            m = re.search(pattern, words, re.I)
            if m:
                found.append((m.start(), key))
        found.sort()
        if not found or len(found) > 2:
            return None
        # "with the staff element (70%) uplifted instead by the NLW": the share stated just before the second measure
        # is that measure's, and the first takes the rest (r26 al-fresh finding 9)
        before_next = None
        if len(found) == 2:
            hit = re.search(r"\((\d+(?:\.\d+)?)%\)\s*(?:is\s+|are\s+)?(?:uplifted|indexed|increased|raised)\s+(?:instead\s+)?by\b[^,;]*$",
                            words[found[0][0]:found[1][0]], re.I)
            before_next = Decimal(hit.group(1)) if hit else None
        parts = []
        for i, (pos, key) in enumerate(found):
            end = found[i + 1][0] if i + 1 < len(found) else len(words)
            seg = words[pos:end]
            month = month_to(seg) if key != "nlw" else None
            share = re.search(r"(?:applied to|on|to)\s+(\d+(?:\.\d+)?)%\s+of\b", seg, re.I)
            percent = Decimal(share.group(1)) if share else (before_next if i == 1 else None)
            parts.append({"index": key, "percent": percent, "month": month,
                          "following": bool(re.search(r"following April", seg, re.I))})
        if len(parts) == 1:
            if parts[0]["percent"] not in (None, Decimal(100)):
                return None
            # a share ("70% of ...") or a second measure (a pay award) the reading cannot place: keep the sheet's
            # words rather than index the whole value by the one known index (r38d al-edge tool note 8)
            if (INDEX_SHARE.search(words) or OTHER_MEASURE.search(words)) and self.indexation_member_split is None:
                return None
            parts[0]["percent"] = Decimal(100)
            return parts
        given = [p for p in parts if p["percent"] is not None]
        if len(given) != 1 or not (0 < given[0]["percent"] < 100):
            return None
        for p in parts:
            if p["percent"] is None:
                p["percent"] = Decimal(100) - given[0]["percent"]
        return parts

    _MEASURE_CAP = re.compile(
        r"[,;]?\s*\b(?:but\s+|and\s+)?(?:(?:no|not)\s+(?:to\s+)?(?:be\s+)?(?:more|higher|greater)\s+than|capped\s+at|"
        r"subject\s+to\s+a\s+(?:maximum|cap)\s+of|not\s+exceeding|limited\s+to)\s+(?!\d)((?:the|any|a)\s+.+?)\s*[.;]?$",
        re.I | re.S)

    @property
    def indexation_measure_cap(self) -> dict | None:
        """Where the indexation words cap the increase by another measure rather than a fixed percentage ("CPI in the
        12 months to the previous September, but no more than the percentage uplift in the NHS minimum contribution to
        the Better Care Fund for that year"): {"base": the words before the cap, "cap": the capping measure's words}.
        The Indexation Increase is then the lower of the two (r34 al-fresh2 finding 1). None otherwise (a numeric cap
        is read by indexation_limits)."""
        words = self.risk_reward.indexation or ""
        m = self._MEASURE_CAP.search(words)
        if not m or re.search(r"\d+(?:\.\d+)?" + PERCENT_SIGN, m.group(1), re.I):
            return None
        cap = " ".join(m.group(1).split()).rstrip(".;,")
        base = words[:m.start()].strip().rstrip(",;")
        if not base or not re.search(r"\b(?:uplift|increase|change|rise|percentage|index|award|growth)\b", cap, re.I):
            return None
        return {"base": base, "cap": cap}

    @staticmethod
    def _pay_award_words(seg: str) -> str:
        """A pay award measure's words without the sheet's own timing ("taking effect in that April", "for the pay
        year"), which the definition states once (r38d al-edge finding 2: the two timings contradicted each other)."""
        text = re.sub(r"\s+for the (?:pay )?year\b", "", seg, flags=re.I)
        text = re.sub(r",?\s*(?:taking effect|that takes effect|which takes effect|effective|payable|agreed)?\s*"
                      r"(?:in|from|on)\s+(?:that|the|each)\s+(?:1\s+)?April\b", "", text, flags=re.I)
        return text.strip().rstrip(",;")

    @classmethod
    def _indexation_percent_of_parts(cls, words: str) -> list[dict] | None:
        """A blend written as shares of two measures ("a blended rate: 70% of the percentage increase in the NJC pay
        award taking effect in that April, and 30% of the percentage increase in CPI in the 12 months to the previous
        December"): each part as in _indexation_weighted_parts, the pay award as {"index": "words", "pay": True}
        (r38d al-edge tool note 8: the reading used to keep CPI alone at 100%). None otherwise."""
        marks = list(INDEX_SHARE.finditer(words))
        if len(marks) != 2:
            return None
        shares = [Decimal(m.group(1)) for m in marks]
        if sum(shares) != 100 or not all(0 < x < 100 for x in shares):
            return None
        segs = [words[marks[0].end():marks[1].start()], words[marks[1].end():]]
        parts = [cls._index_part(re.sub(r"[\s,;]*(?:and|plus|with)?[\s,;]*$", "", seg).strip().rstrip(".,;"), share)
                 for seg, share in zip(segs, shares)]
        return None if None in parts else parts

    @classmethod
    def _index_part(cls, seg: str, share: Decimal) -> dict | None:
        """One measure of a blend at its share: a measure INDEX_NAMES knows, or a pay award or uplift kept in the
        sheet's words ({"index": "words", "pay": whether it is a pay award}); None for words naming neither, or
        naming two known measures, so that the caller falls back to another reading."""
        keys = [key for key, pattern in INDEX_NAMES if re.search(pattern, seg, re.I)]
        if len(keys) > 1:
            return None
        if keys:
            key = keys[0]
            return {"index": key, "percent": share, "month": month_to(seg) if key != "nlw" else None,
                    "following": bool(re.search(r"following April", seg, re.I))}
        if re.search(r"\b(?:pay award|pay settlement|pay rise|pay increase|award|uplift|increase)\b", seg, re.I):
            pay = bool(re.search(r"\bpay\b", seg, re.I))
            return {"index": "words", "percent": share, "month": None, "following": False,
                    "words": cls._pay_award_words(seg) if pay else seg, "pay": pay}
        return None

    @staticmethod
    def _indexation_weighted_parts(words: str) -> list[dict] | None:
        """Two measures each given its share of the Annual Value ("the pay award under the JNC for Youth and
        Community Workers (for 70% of the Annual Value) and CPI in the 12 months to the previous December (for 30%
        of the Annual Value)"), where one of them is not a measure INDEX_NAMES knows (a pay award, for example):
        that part is {"index": "words", "words": the sheet's words for it, "pay": whether it is a pay award}, so the
        definition keeps the measure at its share instead of dropping it (r29 al-fresh finding 1). None otherwise."""
        marks = list(re.finditer(r"\(?\s*\b(?:for|on|applied to|to|weighted at)\s+(\d+(?:\.\d+)?)%\s+of\s+(?:the|its|their|each)\s+"
                                 r"(?:Alliance Member's |Provider's )?(?:Annual Values?|value|budget)\s*\)?", words, re.I))
        if len(marks) != 2:
            return None
        shares = [Decimal(m.group(1)) for m in marks]
        if sum(shares) != 100 or not all(0 < x < 100 for x in shares):
            return None
        segs = [words[:marks[0].start()], words[marks[0].end():marks[1].start()]]
        parts = [Alliance._index_part(re.sub(r"^[\s,;]*(?:and|plus|with)?\s+", "", seg).strip().rstrip(",;"), share)
                 for seg, share in zip(segs, shares)]
        if None in parts:
            return None
        if not any(p["index"] == "words" for p in parts):
            return None  # both measures known: the general reading below applies
        return parts

    @property
    def indexation_pay_award(self) -> dict | None:
        """The pay award part of the Indexation Increase (a "words" part with "pay" set), or None."""
        return next((p for p in self.indexation_parts or [] if p["index"] == "words" and p.get("pay")), None)

    @property
    def indexation_staff_split(self) -> dict | None:
        """Where the indexation words apply a price index to the whole value and, to the staff cost element only, the
        National Living Wage rise where it is higher ("CPI ..., or, for the staff cost element agreed in each Annual
        Plan, the National Living Wage increase where it is higher"): {"base": the price index part, "staff": the
        National Living Wage part}, each as in indexation_parts. The Indexation Increase is then worked out for each
        Alliance Member from the staff cost share of its budget (r20 al-fresh finding 8). None otherwise."""
        words = self.risk_reward.indexation or ""
        if not (re.search(r"\bstaff(?:ing)? costs?\b|\bpay(?:roll)? (?:cost|element)|\bwage(?:s)? (?:cost|element)", words, re.I)
                and re.search(r"\b(if higher|where (?:it is )?higher|greater of|higher of|whichever is (?:the )?(?:higher|greater))\b", words, re.I)):
            return None
        if re.search(r"\d+(?:\.\d+)?%", words):
            return None  # a fixed proportion is read by indexation_mixed and its note
        found = sorted((m.start(), key) for key, pattern in INDEX_NAMES for m in [re.search(pattern, words, re.I)] if m)
        keys = [k for _, k in found]
        if len(keys) != 2 or "nlw" not in keys:
            return None
        base_key = next(k for k in keys if k != "nlw")
        base_at = next(pos for pos, k in found if k == base_key)
        nlw_at = next(pos for pos, k in found if k == "nlw")
        seg = words[base_at:nlw_at] if base_at < nlw_at else words[base_at:]
        return {"base": {"index": base_key, "month": month_to(seg), "following": False},
                "staff": {"index": "nlw", "month": None,
                          "following": bool(re.search(r"following April", words, re.I))}}

    @property
    def indexation_member_split(self) -> dict | None:
        """Where the indexation words give one price index for every member and, for one named member, another
        measure: either for the whole of its Annual Value ("CPI ..., or for the Trust the NHS payment scheme cost
        uplift factor for that year", r27 al-fresh finding 1) or weighted at a share of it ("CPI ..., and for
        Brookfield's replacement care hours the National Living Wage from the previous April, weighted at 70% of its
        Annual Value", r24 al-fresh finding 6): {"member": that Member, "what": the words naming its part
        ("replacement care hours") or "", "base": the price index part, "special": the member's measure, "percent":
        its share (100 for the whole value)}. The special measure is a price index part, {"index": "nhs_ps"} for the
        NHS Payment Scheme cost uplift factor, or {"index": "words", "words": the sheet's words} for any other
        measure. None otherwise."""
        words = self.risk_reward.indexation or ""
        if not words or re.search(r"\b(if higher|if lower|greater of|higher of|lower of|whichever)\b", words, re.I):
            return None
        own = [m for m in self.providers if m.indexation]
        if own:
            # a Provider's own measure given as a field (r43 al-earlyhelp finding 6, tool note 3): the alliance's words
            # must name one price index for everyone else
            found = sorted((m.start(), key) for key, pattern in INDEX_NAMES for m in [re.search(pattern, words, re.I)] if m)
            if len(own) != 1 or len(found) != 1:
                return None
            base_key = found[0][1]
            return {"member": own[0], "what": "", "percent": Decimal(100),
                    "base": {"index": base_key, "month": month_to(words) if base_key != "nlw" else None, "following": False},
                    "special": self._own_measure(own[0].indexation)}
        found = sorted((m.start(), key) for key, pattern in INDEX_NAMES for m in [re.search(pattern, words, re.I)] if m)
        if not found or len(found) > 2:
            return None
        base_at, base_key = found[0]
        measure_start = (r"(?:the |a |an |its )?(?:percentage|increase|rise|uplift|cost uplift|NHS\b|national|consumer|"
                         r"retail|CPIH?\b|RPI\b|NLW\b)")
        for m in self.alliance_members:
            for n in [n for n in {m.short_name, m.name} if n]:
                hit = re.search(r"\bfor (?:the )?" + re.escape(n) + r"(?:'s?\b\s*([^,;]*?))?,?\s+(?=" + measure_start + ")",
                                words[base_at:], re.I)
                if not hit:
                    continue
                start = base_at + hit.start()
                seg = words[base_at + hit.end():]
                later = [(pos, key) for pos, key in found if pos > start]
                if len(later) != len(found) - 1:
                    return None  # a second index before the member's words: not this shape
                share = re.search(r"(?:weighted at|applied to|on|to)\s+(\d+(?:\.\d+)?)%\s+of\s+(?:its|their|the)\b", seg, re.I)
                percent = Decimal(share.group(1)) if share else Decimal(100)
                if not (0 < percent <= 100):
                    return None
                base = {"index": base_key, "month": month_to(words[base_at:start]) if base_key != "nlw" else None,
                        "following": False}
                if later:
                    special_key = later[0][1]
                    special = {"index": special_key, "month": month_to(seg) if special_key != "nlw" else None,
                               "following": bool(re.search(r"following April", seg, re.I))}
                elif re.search(r"\bNHS payment scheme\b|\bnational tariff\b", seg, re.I):
                    special = {"index": "nhs_ps"}
                else:
                    special = {"index": "words", "words": seg.strip().rstrip(".;")}
                return {"member": m, "what": (hit.group(1) or "").strip(), "base": base, "special": special,
                        "percent": percent}
        return None

    @staticmethod
    def _own_measure(words: str) -> dict:
        """A Provider's own indexation measure (Member.indexation) as indexation_member_split's "special" part."""
        keys = [key for key, pattern in INDEX_NAMES if re.search(pattern, words, re.I)]
        if len(keys) == 1:
            return {"index": keys[0], "month": month_to(words) if keys[0] != "nlw" else None,
                    "following": bool(re.search(r"following April", words, re.I))}
        if re.search(r"\bNHS payment scheme\b|\bnational tariff\b", words, re.I):
            return {"index": "nhs_ps"}
        return {"index": "words", "words": " ".join(words.split()).rstrip(".;")}

    @property
    def indexation_following(self) -> bool:
        """Whether the sheet tied the National Living Wage limb to "the following April", which the draft reads
        as the rate in force when the Alliance Year begins (so that the increase is known then)."""
        return any(p["following"] for p in self.indexation_parts or [])

    @property
    def indexation_definition(self) -> str | None:
        """The words defining the Indexation Increase for an Alliance Year: a formula naming each measure, the
        figure compared and the share of the Annual Value it applies to, built from indexation_parts; the sheet's
        own words where they cannot be read that way."""
        words = self.risk_reward.indexation
        if not words:
            return None
        capped = self.indexation_measure_cap
        if capped is not None and self.indexation_parts is not None:
            base = self._indexation_definition_of(capped["base"])
            base = re.sub(r"^for an Alliance Year, ", "", base)
            joined = f"(a) {base}; and (b) {capped['cap']}" if "(a)" not in base else f"{base}; and {capped['cap']}"
            return f"for an Alliance Year, the lower of {joined}"
        return self._indexation_definition_of(words)

    @property
    def indexation_budget_proviso(self) -> bool:
        """Whether the sheet's indexation words make the increase subject to the Commissioner's budget ("but only so
        far as the Council's budget for the following financial year provides for it"): the definition then keeps
        that proviso rather than dropping it in the formula (r38d al-advice F3)."""
        words = self.risk_reward.indexation or ""
        return bool(re.search(r"\b(?:but )?only (?:so far|to the extent) as\b[^.;]*\bbudget|\bsubject to\b[^.;]*\bbudget",
                              words, re.I))

    @property
    def indexation_budget_words(self) -> str | None:
        """The budget proviso as the definition's closing sentence states it, after 'The Indexation Increase for an
        Alliance Year applies only so far as' (None where the sheet gives none, or where the definition prints the
        sheet's own words, which already carry it)."""
        if not self.indexation_budget_proviso or (self.indexation_parts is None and self.indexation_staff_split is None
                                                  and self.indexation_member_split is None):
            return None
        c = "the Commissioners" if self.joint_commissioners else "the Commissioner"
        return (f"the budget {c} approve{'' if self.joint_commissioners else 's'} for the financial year in which that "
                f"Alliance Year begins provides for it, and {c} must tell the Alliance Members in writing, before that "
                "Alliance Year begins, what increase that budget provides")

    def _indexation_definition_of(self, words: str) -> str:
        """indexation_definition for the given indexation words (the sheet's, or those before a measure cap)."""
        parts = self.indexation_parts
        def measure(p):
            if p["index"] == "words":
                if not p.get("pay"):
                    return p["words"]
                return (f"{p['words']} for the latest pay year that began on or before the first day of that Alliance Year, taken at "
                        "[the mid-point of the scale] [the average across the scale] (or, if that award has not been "
                        "agreed when that Alliance Year begins, nil until it is agreed)")
            return measure_words(p, in_force_on="the first day of that Alliance Year", before="that Alliance Year begins",
                                 published="when that Alliance Year begins")
        split = self.indexation_staff_split
        if split is not None:
            return (f"for an Alliance Year and an Alliance Member, the percentage (S × the greater of C and W) + ((1 − S) × C), "
                    f"where C is {measure(split['base'])}; W is {measure(split['staff'])}; and S is the proportion of that "
                    "Alliance Member's budget for the previous Alliance Year that is staff cost, as recorded in the Annual "
                    "Plan for that year (or, where that Annual Plan was not approved, as shown in the draft of it given to "
                    "the ALT)")
        member_split = self.indexation_member_split
        if member_split is not None:
            ms = member_split
            pct = ms["percent"]
            fmt = lambda d: f"{d.normalize():f}%"
            sp = ms["special"]
            if sp["index"] == "nhs_ps":
                special = ("the cost uplift factor published by NHS England in the NHS Payment Scheme for the financial "
                           "year in which that Alliance Year begins [before] [after] the efficiency factor is applied")
            elif sp["index"] == "words":
                special = sp["words"]
            else:
                special = measure(sp)
            if pct == 100:
                return (f"for an Alliance Year: (a) for each Alliance Member other than {ms['member'].defined}, "
                        f"{measure(ms['base'])}; and (b) for {ms['member'].defined}, {special}")
            return (f"for an Alliance Year: (a) for each Alliance Member other than {ms['member'].defined}, "
                    f"{measure(ms['base'])}; and (b) for {ms['member'].defined}, the sum of {fmt(pct)} of "
                    f"{special} and {fmt(Decimal(100) - pct)} of the percentage under (a)")
        if parts is None:
            notified = self.indexation_notified
            if notified is not None:
                when = (f"by {notified['by']} before that Alliance Year starts" if notified["by"]
                        else "before that Alliance Year starts")
                return (f"for an Alliance Year, {words.strip().rstrip('.;')}; the notice must be given in writing to every "
                        f"Alliance Member {when}, and if none is given by then, 0% applies until it is given and the "
                        "notified percentage then applies from the start of that Alliance Year")
            if INDEX_SHARE.search(words) or OTHER_MEASURE.search(words):
                # a blend or a measure the reading cannot place: the sheet's words, flagged for a formula (r38d
                # al-edge tool note 8) rather than silently reduced to the one index it knows
                return (f"for an Alliance Year, {words.strip().rstrip('.;')} [restate as a formula: each measure, the "
                        "figures compared and the share of the Annual Value each applies to]")
            return f"for an Alliance Year, {words.strip()}"
        if len(parts) == 1:
            return f"for an Alliance Year, {measure(parts[0])}"
        a, b = parts
        fmt = lambda d: f"{d.normalize():f}%"
        return (f"for an Alliance Year, the sum of (a) {fmt(a['percent'])} of {measure(a)}; and (b) "
                f"{fmt(b['percent'])} of {measure(b)}, rounded to two decimal places")

    @property
    def indexation_limits(self) -> dict | None:
        """The cap and floor the sheet's indexation words put on the Indexation Increase ("capped at 4%", "not less
        than 1%", "a collar of 1% and a cap of 4%"): {"cap": Decimal | None, "floor": Decimal | None}, for a
        definition that restates the words as a formula (r28 al-fresh finding 1). None where the words state
        neither, or where the definition prints the sheet's own words (which already carry them)."""
        words = self.risk_reward.indexation or ""
        if not words or (self.indexation_parts is None and self.indexation_staff_split is None
                         and self.indexation_member_split is None):
            return None
        num = r"(\d+(?:\.\d+)?)" + PERCENT_SIGN
        cap = re.search(r"\b(?:capped at|cap of|(?:subject to |up to )?a maximum of|not (?:to )?(?:be )?more than|"
                        r"no more than|not exceeding|at most|limited to)\s+" + num, words, re.I)
        floor = re.search(r"\b(?:floor(?:ed)? (?:of|at)|collar of|(?:subject to )?a minimum of|not (?:to )?(?:be )?less than|"
                          r"no less than|at least)\s+" + num, words, re.I)
        between = re.search(r"\bbetween\s+" + num + r"\s+and\s+" + num, words, re.I)
        limits = {"cap": Decimal(cap.group(1)) if cap else (Decimal(between.group(2)) if between else None),
                  "floor": Decimal(floor.group(1)) if floor else (Decimal(between.group(1)) if between else None)}
        return limits if limits["cap"] is not None or limits["floor"] is not None else None

    @property
    def indexation_limit_words(self) -> str | None:
        """The sentence words for indexation_limits: "more than 4%", "less than 1% or more than 4%"; None without
        limits."""
        lim = self.indexation_limits
        if lim is None:
            return None
        fmt = lambda d: f"{d.normalize():f}%"
        said = ([f"less than {fmt(lim['floor'])}"] if lim["floor"] is not None else []) + \
               ([f"more than {fmt(lim['cap'])}"] if lim["cap"] is not None else [])
        return " or ".join(said)

    @property
    def indexation_grant(self) -> bool:
        """Where the indexation words name no published index but the change in a grant allocation or settlement (a
        council's public health grant): the definition then carries no index-rebasing words, compares like with like,
        and the Schedule 5 note speaks of the allocation, not a price index's series identifier (r31 al-fresh finding 11)."""
        words = self.risk_reward.indexation or ""
        if not words or self.indexation_notified or any(re.search(pattern, words, re.I) for _, pattern in INDEX_NAMES):
            return False
        return bool(re.search(r"\b(grant|allocation|settlement)\b", words, re.I))

    @property
    def indexation_notified(self) -> dict | None:
        """Where the indexation words name no published index but a percentage a Commissioner notifies (an NHS or
        social care uplift "as notified by the Lead Commissioner by 31 March"): {"by": the date words given, or
        None}. The definition then has no index fallback, and says when the notice is given and that 0% applies
        until it is (r21 al-fresh finding 8). None otherwise."""
        words = self.risk_reward.indexation or ""
        if not words or any(re.search(pattern, words, re.I) for _, pattern in INDEX_NAMES):
            return None
        if not re.search(r"\bnotif(?:y|ies|ied|ication)\b", words, re.I):
            return None
        by = re.search(r"\bby (\d{1,2} (?:" + "|".join(MONTHS) + r"))\b", words, re.I)
        return {"by": by.group(1) if by else None}

    @property
    def indexation_mixed(self) -> str | None:
        """Where the indexation words take the higher of two measures and apply one to a proportion of the value
        ("CPI or, if higher, the NLW uplift applied to 70% of the Annual Value"): the words about the proportion,
        for the note that asks which of the two readings is meant. None otherwise."""
        words = self.risk_reward.indexation or ""
        if not re.search(r"\b(if higher|greater of|higher of)\b", words, re.I):
            return None
        m = re.search(r"(applied to|on|of)\s+(\d+(?:\.\d+)?)%\s+of\s+[^,;.()]+", words, re.I)
        return m.group(0).strip() if m else None

    @property
    def regulator_examples(self) -> list[str]:
        """The regulators the operations clause gives as examples of the registrations a Provider keeps, read from
        the services: the Care Quality Commission, named with each Provider's registration and activity where the
        sheet lists CQC registrations, else only where the services include regulated health or personal care,
        Ofsted where they include childcare or family hubs, the Regulator of Social Housing for housing (not housing
        advice), the Financial Conduct Authority for debt advice."""
        scope = " ".join([self.purpose, *self.services]).lower()
        out = []
        cqc = [(p, r) for p, r in self.provider_registrations
               if re.search(r"care quality commission|\bCQC\b", r.regulator, re.I)]
        if cqc:
            # the registrations the sheet gives (members[].registrations) name the CQC example: whose, and for which
            # regulated activity (an NHS trust's perinatal or community health services, say) (r33 al-fresh F8)
            # one phrase per regulated activity, each holder named once: a Provider registered at two locations for
            # the same activity is not listed twice (r44 al-substance F7)
            by_activity: dict[str, list[str]] = {}
            for p, r in cqc:
                holders = by_activity.setdefault(r.activity, [])
                if f"{p.defined}'s" not in holders:
                    holders.append(f"{p.defined}'s")
            out.append("the Care Quality Commission, for " + join_and([f"{join_and(h)} {a}" for a, h in by_activity.items()]))
        # social prescribing and arts "on prescription" are not the prescribing of medicines (r42 al-prescribing F19)
        elif re.search(r"\b(treatment|nursing|clinical|medical|palliative|personal care|detox\w*|(?<!social )(?<!on )prescrib\w*|"
                       r"care home|domiciliary|supported living|surgery|(?<!after )(?<!following )diagnos\w*)\b", scope):
            out.append("the Care Quality Commission")
        # a service for young people leaving children's homes does not run one (r19 al-fresh finding 3)
        if re.search(r"\b(childcare|child care|cr[eè]che|nurser\w*|early years|family hubs?|children's centres?|"
                     r"(?<!leaving the council's )(?<!leaving )children's homes?)\b", scope):
            out.append("Ofsted, for childcare or other provision that must be registered with it")
        if self.accommodates_16_17:
            # verified (law.yaml care_standards_supported_accommodation_2022, supported_accommodation_england_regulations_2023)
            out.append("Ofsted, for supported accommodation for looked-after children and care leavers aged 16 or 17")
        if self.housing_in_scope:
            out.append("the Regulator of Social Housing")
        if re.search(r"\bdebts?\b[\w ,]{0,40}?\b(advice|counselling)\b", scope):
            # verified (law.yaml fsma_2000_debt_counselling): debt counselling is a regulated activity (r33 al-fresh F8)
            out.append("the Financial Conduct Authority, for debt counselling")
        return out

    @property
    def mediation_in_scope(self) -> bool:
        """Whether the Services include family mediation, whose mediators the operations clause requires to hold
        the professional accreditation their work needs (such as Family Mediation Council accreditation)."""
        return any(re.search(r"\bmediation\b", s, re.I) for s in self.services)

    @property
    def communication_items(self) -> list[str]:
        """The communication_requirements as the lettered items of the governance clause: "working days" read as
        the defined Business Days, and a number of days in words as a figure ("five working days" -> "5 Business
        Days"), so that the list does not use a second, undefined kind of day (r28 al-fresh finding 12)."""
        words = {w: str(n) for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                                  "thirteen fourteen fifteen twenty".split())}
        words["twenty"] = "20"

        def day(m: re.Match) -> str:
            n = m.group(1)
            return f"{words.get(n.lower(), n)} Business Day{'s' if m.group(2) else ''}"
        return [re.sub(r"\b(\w+) (?:working|business) day(s?)\b", day, str(item), flags=re.I).rstrip(" ;.")
                for item in self.communication_requirements]

    _FORUM_SUFFIX = re.compile(r"\s+for (?:the |each |every )?((?:[\w'-]+ ){0,4}(?:panel|forum|user group|reference group|"
                               r"group of people who use the services|group))$", re.I)

    @property
    def communication_general(self) -> list[str]:
        """The communication items that apply to every meeting (those not tied to a named forum)."""
        return [i for i in self.communication_items if not self._FORUM_SUFFIX.search(i)]

    _PEOPLE_WORDS = re.compile(
        r"\b(community languages?|first languages?|families|family|parents?|carers?|children|young people|residents|"
        r"service users?|people (?:who use|using|we support|supported)|clients?|patients?|tenants?|survivors?)\b", re.I)

    @property
    def communication_services(self) -> list[str]:
        """The communication items that are about the people who use the Services, not only the members' meetings:
        words naming community languages, families, parents, children, service users and the like ('British Sign
        Language interpretation' alone may be for a member's representative, so it stays with the meetings). Each Provider arranges them in delivering its part of the Services (r38d al-edge finding 5: 'community
        language interpreters' for an edge-of-care service were applied only to the ALT's meetings). An item tied to one
        forum ('... for the lived-experience panel') stays with that forum."""
        return [i for i in self.communication_general
                if self._PEOPLE_WORDS.search(i) and not self._MEETING_WORDS.search(i)]

    # words that tie a communication item to the alliance's meetings and the people taking part in them, not to the
    # delivery of the Services (r40 al-shortbreaks finding 4: "British Sign Language interpretation where a parent
    # carer representative asks for it", "papers in Easy Read for disabled young people taking part")
    _MEETING_WORDS = re.compile(r"\b(?:representatives?|taking part|take part|takes part|participants?|meetings?|"
                                r"papers|agendas?|minutes|members of|attend\w*|sessions?)\b", re.I)
    # words by which an item says for whom it is arranged, so the clause does not add a second condition
    _ITEM_FOR_WHOM = re.compile(r"\b(?:where|when|for|who|taking part|whenever)\b", re.I)

    @property
    def communication_items_say_for_whom(self) -> bool:
        """Whether every meeting item says itself for whom or when it is arranged ("... where a parent carer
        representative asks for it", "... for members of the Refugee Voices Panel"): the governance clause then does
        not add "for any representative or participant who needs it" (r40 al-shortbreaks finding 4, al-resettle
        finding 11)."""
        gen = self.communication_general
        return bool(gen) and all(self._ITEM_FOR_WHOM.search(i) for i in gen)

    @property
    def communication_service_duty(self) -> bool:
        """Whether the governance clause gives each Provider a general duty to meet the communication needs of the
        people it serves: where the sheet's communication items concern the people who use the Services or their
        families, even those tied to the meetings (r40 al-shortbreaks finding 4: the meeting items are not pasted into
        the service duty; the service duty is general, and uses the sheet's words only for items about the
        Services)."""
        return bool(self.communication_services) or any(self._PEOPLE_WORDS.search(i) for i in self.communication_items)

    _INTERPRETING = re.compile(r"\b(?:interpret\w*|British Sign Language|BSL|sign language)\b", re.I)
    _OWN_CONDITION = re.compile(r"\b(?:where|when|whenever|if|asks?)\b", re.I)
    _PEOPLE_SINGULAR = (("young people", "young person"), ("young person", "young person"), ("parent", "parent"),
                        ("carer", "carer"), ("famil", "family member"), ("child", "child"), ("resident", "resident"),
                        ("service user", "service user"), ("client", "client"), ("patient", "patient"),
                        ("tenant", "tenant"), ("survivor", "survivor"))

    @property
    def communication_interpreter_items(self) -> list[str]:
        """The sheet's interpreting needs the draft restates as one interpreter duty (r43 al-careleavers F5,
        al-earlyhelp F10: "interpreters for young people whose first language is not English, including Pashto ..."
        and "an interpreter for any young person or parent who needs one" were pasted after "arrange, for any person
        who needs it," and BSL was dropped from the service duty): the general items that are about interpreting and
        set no condition of their own ("... where a representative asks for it" keeps its words), where at least one
        of them concerns the people who use the Services; a plain "British Sign Language interpretation" joins them.
        Empty where no such item concerns the people who use the Services (the items then stay as the sheet words
        them)."""
        items = [i for i in self.communication_general
                 if self._INTERPRETING.search(i) and not self._OWN_CONDITION.search(i) and not self._MEETING_WORDS.search(i)]
        if not any(self._PEOPLE_WORDS.search(i) for i in items):
            return []
        return items

    @property
    def communication_interpreter_languages(self) -> list[str]:
        """The languages the interpreting items name: British Sign Language where they mention signing, then the
        spoken languages they list after "including", "in particular", "such as" or "e.g." ("Pashto, Tigrinya,
        Arabic and Kurdish Sorani"), each once, in the sheet's order."""
        out: list[str] = []
        for item in self.communication_interpreter_items:
            if re.search(r"\b(?:British Sign Language|BSL|sign language)\b", item, re.I):
                out.append("British Sign Language")
            m = re.search(r"\b(?:including|in particular|such as|especially|notably|e\.g\.)\s+(?:in\s+)?([^;()]+)", item)
            if m:
                for lang in re.split(r",\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", m.group(1).strip(" .")):
                    lang = lang.strip()
                    if lang[:1].isupper() and len(lang.split()) <= 3:
                        out.append(lang)
        return list(dict.fromkeys(out))

    @property
    def communication_interpreter_people(self) -> list[str]:
        """Who the interpreting items say they are for, each in the singular ("young person", "parent"), in the
        sheet's order; empty where they do not say."""
        text = " ".join(self.communication_interpreter_items).lower()
        found = []
        for word, one in self._PEOPLE_SINGULAR:
            pos = text.find(word)
            if pos >= 0 and not re.match(r"s? (?:language|tongue)", text[pos + len(word):]):
                found.append((pos, one))
        return list(dict.fromkeys(one for _, one in sorted(found)))

    def communication_interpreter(self, for_meetings: bool) -> str:
        """The one interpreter duty made from the interpreting items: "an interpreter (including in British Sign
        Language, Pashto or Arabic) for any representative, young person or parent taking part who needs one" for the
        meetings, "... for any young person or parent using its part of the Services who needs one" for the Services.
        Every language listed is kept; the person is never doubled."""
        langs = self.communication_interpreter_languages
        what = "an interpreter"
        if langs:
            what += " (including in " + (", ".join(langs[:-1]) + " or " + langs[-1] if len(langs) > 1 else langs[0]) + ")"
        people = self.communication_interpreter_people
        if for_meetings:
            who = ["representative", *people] if people else ["representative or other participant"]
            tail = "taking part who needs one" if people else "who needs one"
        else:
            who = people or ["person"]
            tail = "using its part of the Services who needs one"
        whom = ", ".join(who[:-1]) + " or " + who[-1] if len(who) > 1 else who[0]
        return f"{what} for any {whom} {tail}"

    @property
    def communication_meeting_items(self) -> list[str]:
        """The communication items for every meeting, with the interpreting items (communication_interpreter_items)
        made into one interpreter duty in the place of the first of them."""
        absorbed = self.communication_interpreter_items
        if not absorbed:
            return list(self.communication_general)
        out = []
        for i in self.communication_general:
            if i not in absorbed:
                out.append(i)
            elif i == absorbed[0]:
                out.append(self.communication_interpreter(True))
        return out

    @property
    def communication_meeting_items_say_for_whom(self) -> bool:
        """Whether every meeting item says for whom it is arranged (the interpreter duty always does)."""
        gen = self.communication_meeting_items
        made = self.communication_interpreter(True) if self.communication_interpreter_items else None
        return bool(gen) and all(i == made or self._ITEM_FOR_WHOM.search(i) for i in gen)

    @property
    def communication_service_others(self) -> list[str]:
        """The service items other than the interpreting items the draft restates as one interpreter duty."""
        absorbed = self.communication_interpreter_items
        return [i for i in self.communication_services if i not in absorbed]

    @property
    def communication_interpreting(self) -> bool:
        """Whether a service-delivery communication item is interpreting (spoken or signed), for the rule that a
        family member, and never a child, is not used to interpret."""
        return any(re.search(r"\b(interpret\w*|British Sign Language|BSL)\b", i, re.I) for i in self.communication_services)

    @property
    def communication_forums(self) -> list[tuple[str, str]]:
        """The communication items the sheet ties to one forum ("... and a paid peer facilitator for the lived-experience
        panel"): (the item without those words, the forum's words), so that the governance clause requires them at that
        forum's meetings and the user group's, not at every ALT and Operational Group meeting (r34 al-fresh2 finding 11)."""
        out = []
        for i in self.communication_items:
            m = self._FORUM_SUFFIX.search(i)
            if m:
                out.append((i[:m.start()].rstrip(" ,;"), m.group(1)))
        return out

    @property
    def manager_host_provider(self) -> Member | None:
        """The Provider that employs or hosts the Alliance Manager, if a Provider does: the manager then receives its
        competitors' cost data, so the operations clause puts that Provider under an information barrier."""
        host = self.manager_host
        return host if host is not None and any(host is p for p in self.providers) else None

    @property
    def pooled_budget_host(self) -> str | None:
        host = self.pooled_budget.host if self.pooled_budget else None
        return next((m.name for m in self._members if m.key == host), None)

    @property
    def pooled_budget_host_defined(self) -> str | None:
        """The pooled budget's holder as the draft names it ('the Council'), not its full name again."""
        host = self.member_by_key(self.pooled_budget.host) if self.pooled_budget else None
        return host.defined if host else None

    @property
    def total_annual_value(self) -> Decimal:
        return sum((m.annual_value for m in self._members), Decimal(0))

    @property
    def wholly_new_providers(self) -> list[tuple[Member, Decimal]]:
        """Where some Providers' former contracts are listed: each Provider that holds none of them, with the part of
        its Annual Value that pays for services no former contract covered (its new_services_value, else the whole
        Annual Value), so that Schedule 1 Part 2 explains its money as new services (r37 al-fresh tool note 2). Only
        where every former contract listed has its value: the Part then reconciles the money."""
        if not self.former_contracts or any(c.annual_value is None for c in self.former_contracts):
            return []  # without the former contracts' values there is nothing to reconcile, and no claim is made
        holders = {c.member for c in self.former_contracts}
        return [(m, m.new_services_value or m.annual_value) for m in self.providers
                if m.key not in holders and m.annual_value > 0]

    @property
    def former_and_new_reconcile(self) -> tuple[Decimal, Decimal] | None:
        """(former contracts' total, new services' total) where the listed former contracts (each with its value)
        plus every Provider's new services make up exactly the total of the Annual Values; None otherwise."""
        if not self.former_contracts or any(c.annual_value is None for c in self.former_contracts):
            return None
        former = sum((c.annual_value for c in self.former_contracts), Decimal(0))
        new_parts = {m.key: m.new_services_value for m in self.providers if m.new_services_value}
        new_parts.update({m.key: v for m, v in self.wholly_new_providers})
        new = sum(new_parts.values(), Decimal(0))
        if not new or former + new != self.total_annual_value:
            return None
        return former, new

    @property
    def nhs_and_council_pool(self) -> list[Member]:
        """The NHS Commissioners that pool money with a lead Commissioner that is a council, whose part
        of the Services the council arranges: in England, the recital names the section 75 agreement behind it
        (r15 al-fresh finding 4). Empty otherwise."""
        lead = self.commissioner
        if not self.joint_commissioners or not lead or lead.legal_form != "local_authority":
            return []
        return [m for m in self.commissioners if m is not lead and m.is_nhs_body]

    @property
    def section_75_pool(self) -> bool:
        """The Pooled Budget is a pooled fund of a council and an NHS Commissioner, established by the Commissioners
        under their section 75 agreement (S.I. 2000/617, reg. 7), not by the Alliance Members (r21 al-fresh 3).
        The England-only check is the template's (document.wales)."""
        pb = self.pooled_budget
        return bool(self.nhs_and_council_pool and pb and len(pb.contributions) > 1)

    @property
    def pooled_fund_keeps_balances(self) -> bool:
        """Whether a Provider's forfeited share of Gain and its negative Balancing Amounts go back into the Pooled
        Budget rather than to a Commissioner: where the Commissioners pool their money under a section 75 agreement
        and the Pooled Budget meets every Service Contract, since that money must be spent on the agreed functions
        (S.I. 2000/617, reg. 7) and is partly the NHS body's (r28 al-fresh finding 4). False where a Commissioner
        pays a Provider from its own aligned budget, or where there is no such pooled fund. The template adds the
        England-only check (document.wales)."""
        return self.section_75_pool and not self.contract_holders_outside_pool

    @property
    def running_costs_topped_up(self) -> bool:
        """Whether running costs charged to the Pooled Budget need money paid in on top of the contributions: the
        pool covers only the Annual Values, so without a top-up the running costs would have no money behind them
        (r15 al-fresh finding 2)."""
        pooled = self.pooled_budget
        if self.running_costs != "pooled_budget" or not pooled:
            return False
        headroom = pooled.annual_amount - self.total_annual_value
        return headroom < (self.running_costs_budget or Decimal("0.01"))

    @property
    def term_value(self) -> Decimal:
        """Estimated value over the initial term: the annual total times the term in years."""
        return (self.total_annual_value * Decimal(self.term.months) / 12).quantize(CENT)

    @property
    def kpi_figure_kinds(self) -> set[str]:
        """The kinds of periodic figure the KPIs measure, beyond rates, point-in-time figures and plain counts:
        'people' (a count of different people supported in each period, which double counts if summed) and 'average'
        (an average per case), read from each KPI's words, so that Schedule 2 explains only the kinds this deal has
        (r26 al-sample finding 19)."""
        kinds = set()
        for k in self.kpis:
            words = " ".join(str(w) for w in (k.measure, k.target, k.baseline or "", k.measured_over or "") if w)
            if re.search(r"\b(average|mean|median|time taken|how long|days? (to|from|between)|weeks? (to|from)|waiting time)\b", words, re.I):
                kinds.add("average")
            if re.search(r"\b(different|distinct|unique|individual) (people|persons|adults|children|young people|clients|families)\b"
                         r"|\b(people|adults|children|families|clients) (supported|helped|receiving|in contact|on (the|a) caseload|"
                         r"engaged|accessing|using)\b", words, re.I):
                kinds.add("people")
        return kinds

    @property
    def extended_end(self) -> dt.date | None:
        """The last day of the Term if every extension is used (the initial term's end moved on by the extension's
        years), or None where there is no extension (r26 al-sample finding 16)."""
        if not self.extension.years:
            return None
        end = self.term.end
        try:
            return end.replace(year=end.year + self.extension.years)
        except ValueError:  # 29 February
            return end.replace(year=end.year + self.extension.years, day=28)

    @property
    def value_with_extension(self) -> Decimal:
        """Estimated value over the initial term and every extension, at the first year's annual total."""
        return (self.total_annual_value * (Decimal(self.term.months) / 12 + self.extension.years)).quantize(CENT)

    @property
    def service_contract_values(self) -> list[tuple[Member, Decimal]]:
        """Each Provider's Service Contract value over the initial term and every extension, at its first year's annual
        value (the estimate s.53 PA 2023's £5 million publication test would use), largest first (r16 al-sample
        finding 17)."""
        years = Decimal(self.term.months) / 12 + self.extension.years
        out = [(p, (p.annual_value * years).quantize(CENT)) for p in self.providers if p.annual_value]
        return sorted(out, key=lambda pv: pv[1], reverse=True)

    @property
    def act_service_contract_values(self) -> list[tuple[Member, Decimal]]:
        """service_contract_values without the Service Contracts a Provider's own route put outside the Procurement Act
        2023 (the Provider Selection Regime, the 2015 Regulations or no procurement): only contracts under the Act count
        for its section 53 publication test (r27 al-fresh finding 6)."""
        return [(p, v) for p, v in self.service_contract_values if p.procurement_route not in NON_ACT_ROUTES]

    @property
    def psr_award_processes(self) -> list[tuple[list[Member], str | None]]:
        """The Service Contracts awarded under the Provider Selection Regime, each group with the process the sheet
        names (None where it names none): the alliance's own contracts where its route is the Regime, and each Provider
        whose own route is. The regulation 13 note states the grounds that fit those processes (r27 al-fresh finding 6)."""
        out = []
        if self.procurement_route == "provider_selection":
            own = {m.key for m in self.providers if m.procurement_route not in (None, "provider_selection")}
            group = [p for p in self.providers if p.key not in own]
            if group:
                out.append((group, self.psr_process))
        for m in self.providers:
            if m.procurement_route == "provider_selection" and self.procurement_route != "provider_selection":
                out.append(([m], m.psr_process))
        return out

    @property
    def psr_contracts_leaving(self) -> list[tuple[Member, list[Member]]]:
        """Each Commissioner other than the Lead Commissioner that is party to Service Contracts awarded under the
        Provider Selection Regime, with those Providers: if it leaves, those contracts cannot simply pass to another
        Commissioner, since regulation 13 has no ground for a change of the relevant authority (r27 al-fresh finding 10;
        law.yaml provider_selection_regime_reg13). Empty with one Commissioner."""
        if not self.joint_commissioners:
            return []
        out: dict[str, tuple[Member, list[Member]]] = {}
        for group, _ in self.psr_award_processes:
            for m in group:
                holder = self.member_by_key(m.service_contract_with) if m.service_contract_with else self.commissioner
                if holder is None or holder is self.commissioner:
                    continue
                out.setdefault(holder.key, (holder, []))[1].append(m)
        return list(out.values())

    @property
    def psr_reg13_process_words(self) -> str:
        """The sentence of the regulation 13 note about the ground for contracts awarded by Direct Award Process A or
        B: stated only where such a contract exists (or the process is not given), and otherwise the sentence saying
        that the contracts the Regime governs have only the grounds listed (r27 al-fresh finding 6). Verified:
        law.yaml provider_selection_regime_reg13."""
        groups = self.psr_award_processes
        if not groups:
            return ""
        ab = [ms for ms, proc in groups if proc in ("direct_award_a", "direct_award_b")]
        unknown = [ms for ms, proc in groups if proc is None]

        def contracts(groups_members):
            names = [m.defined for ms in groups_members for m in ms]
            return (f"{names[0]}'s Service Contract" if len(names) == 1
                    else "the Service Contracts of " + ", ".join(names[:-1]) + " and " + names[-1])
        if ab:
            return (f"For {contracts(ab)}, awarded by Direct Award Process A or B, regulation 13 as amended also allows a "
                    "modification that does not make the contract materially different in character: cite the amended "
                    "text.")
        if unknown:
            return (f"The instructions do not say which process awarded {contracts(unknown)}: if it was Direct Award "
                    "Process A or B, regulation 13 as amended also allows a modification that does not make the contract "
                    "materially different in character.")
        procs = sorted({PSR_PROCESSES[proc][0] for _, proc in groups})
        return (f"{contracts([ms for ms, _ in groups])[0].upper()}{contracts([ms for ms, _ in groups])[1:]} "
                f"{'was' if sum(len(ms) for ms, _ in groups) == 1 else 'were'} awarded by the "
                f"{' or the '.join(procs)}, so only the grounds above are available for {'its' if sum(len(ms) for ms, _ in groups) == 1 else 'their'} variation; the "
                "ground for contracts awarded by Direct Award Process A or B does not apply.")

    @property
    def target_cost(self) -> Decimal:
        return (self.risk_reward.target_cost if self.risk_reward.target_cost is not None
                else self.total_annual_value - self.pass_through_total)

    @property
    def quorum(self) -> int:
        if self.decisions.quorum is not None:
            return self.decisions.quorum
        # two-thirds of the members, but never fewer than a majority decision needs: a quorate meeting must be
        # able to decide (r14 al-fresh finding 6)
        return max(-(-len(self.voting_members) * 2 // 3), self.votes_needed)

    @property
    def objects_bound_providers(self) -> list[Member]:
        """Providers, in the sheet's order, whose objects limit what they may spend their funds on: charities, CIOs,
        societies and community interest companies, and a registered provider that is a society or a charity (r20
        al-sample finding 18: a housing association bearing Pain was left out)."""
        forms = {"charitable_company", "cio", "unincorporated_charity", "exempt_charity_society",
                 "community_benefit_society", "community_interest_company", "academy_trust"}
        def form(m):
            return getattr(m.legal_form, "value", m.legal_form)
        return [m for m in self.providers if form(m) in forms
                or (form(m) == "registered_provider" and (m.society_number or m.charity_number))]

    @property
    def quorum_share(self) -> str | None:
        """The quorum as a share of the members, where the sheet fixes no number: two-thirds, or the majority a
        decision needs if that is more, so that it follows the membership as members join or leave (r20 al-fresh
        finding 9). None where the sheet gives a number."""
        if self.decisions.quorum is not None:
            return None
        return "two-thirds" if self.decisions.majority_percent * 3 <= 200 else f"{self.decisions.majority_percent}%"

    @property
    def service_providers(self) -> list[tuple[str, list[Member]]]:
        """Each listed service with the Providers that deliver it (empty where none is named), for Schedule 1;
        an empty list when no Provider says what it delivers."""
        if not any(p.delivers for p in self.providers):
            return []
        return [(s, [p for p in self.providers if any(same_service(s, d) for d in p.delivers)]) for s in self.services]

    @property
    def service_rows(self) -> list[tuple[str, list[Member], str | None]]:
        """Schedule 1 Part 1's rows: (service, its Providers, what that Provider's part is). A service more than one
        Provider delivers gets a row for each Provider where each of them gives it a service line (members[].service_lines),
        since the sheet then says each delivers its own part with its own budget (r32 al-fresh F7); otherwise one row
        against all of them, as before."""
        rows: list[tuple[str, list[Member], str | None]] = []
        for s, ps in self.service_providers:
            lines = {p.key: self.service_line_of(p, s) for p in ps}
            if len(ps) > 1 and all(lines.values()):
                for p in ps:
                    line = lines[p.key]
                    rows.append((s, [p], line.as_delivered if line else None))
            else:
                rows.append((s, ps, None))
        return rows

    def service_line_of(self, member: Member, service: str) -> "ServiceLine | None":
        """A Provider's service line for a listed service, if the sheet gives one."""
        return next((line for line in member.service_lines if same_service(service, line.service)), None)

    def lines_of(self, p: Member) -> list[ServiceLine]:
        """A Provider's service lines for Schedule 5: its own, or, where another Provider gives lines and this one
        gives none but has an Annual Value, one line for all of its services at its whole Annual Value, so that the
        table has a row for every paid Provider and its budgets add up as the paragraph says (r43 al-earlyhelp F12:
        a Provider delivering one service and giving no line was left out)."""
        if p.service_lines:
            return list(p.service_lines)
        if not any(q.service_lines for q in self.providers) or not p.annual_value:
            return []
        service = "; ".join(str(d) for d in p.delivers) if p.delivers else "All its part of the Services"
        return [ServiceLine.model_construct(service=service, annual_value=p.annual_value, as_delivered=None)]

    @property
    def service_line_budgets(self) -> list[tuple[Member, ServiceLine]]:
        """Every Provider's service lines, in members' order (Schedule 5; lines_of)."""
        return [(p, line) for p in self.providers for line in self.lines_of(p)]

    @property
    def service_line_net_budgets(self) -> list[tuple[Member, ServiceLine, Decimal]]:
        """Every Provider's service lines with each line's budget: its annual value less its part of the Provider's
        Fee (the Fee shared in proportion to the lines' values, to the penny, the last line taking the remainder), so
        that a Provider's line budgets add up to its budget, Annual Value less Fee, as the risk and reward clause
        defines it (r37 al-fresh finding 5)."""
        rows: list[tuple[Member, ServiceLine, Decimal]] = []
        for p in self.providers:
            lines = self.lines_of(p)
            # a line's ring-fenced payments and pass-through costs bear no Fee, where the sheet says which line holds
            # them (service_lines[].outside_fee; r43 al-careleavers note 9); else the Fee follows the whole values
            given = any(line.outside_fee for line in lines)
            bases = [Decimal(line.annual_value) - (Decimal(line.outside_fee or 0) if given else Decimal(0))
                     for line in lines]
            total = sum(bases, Decimal(0))
            fee = self.fee_for(p)
            left = fee
            # the Provider's pass-through costs are outside its budget (r44d al-substance F1): each line's budget
            # leaves out its share of them, placed by outside_fee where the lines say so, else in proportion to value
            passed = self.pass_through_for(p)
            out = [Decimal(line.outside_fee or 0) for line in lines] if given else [Decimal(line.annual_value) for line in lines]
            out_total = sum(out, Decimal(0))
            left_pt = passed
            for i, line in enumerate(lines):
                part = left if i == len(lines) - 1 else (pence(fee * bases[i] / total) if total else Decimal(0))
                left -= part
                pt = left_pt if i == len(lines) - 1 else (pence(passed * out[i] / out_total) if out_total else Decimal(0))
                left_pt -= pt
                rows.append((p, line, Decimal(line.annual_value) - part - pt))
        return rows

    def fee_free_for(self, member: Member) -> Decimal:
        """The part of a Provider's annual value its Fee leaves out: Pass-Through Costs and excluded ring-fenced
        payments to people."""
        return self.pass_through_for(member) + self.ring_fence_excluded_for(member)

    @property
    def service_lines_fee_free(self) -> list[Member]:
        """The Providers paid a Fee whose service lines say which line holds the payments or costs the Fee leaves out
        (service_lines[].outside_fee), so that Schedule 5 words the line budgets that way."""
        return [p for p in self.providers if self.fee_for(p) > 0 and any(line.outside_fee for line in p.service_lines)]

    @property
    def service_lines_fee_base_unplaced(self) -> list[tuple[int, Member, Decimal, Decimal]]:
        """Each Provider paid a Fee with more than one service line whose Fee leaves out payments or costs that the
        lines do not place (no outside_fee given), or place at a different total: (member index, Provider, amount the
        Fee leaves out, amount the lines give)."""
        out = []
        for i, m in enumerate(self._members):
            if m.role != "provider" or len(m.service_lines) < 2 or not self.fee_for(m):
                continue
            free = self.fee_free_for(m)
            given = sum((Decimal(line.outside_fee or 0) for line in m.service_lines), Decimal(0))
            if free and given != free:
                out.append((i, m, free, given))
        return out

    @property
    def service_lines_carry_fee(self) -> bool:
        """Whether any Provider with service lines is paid a Fee, so that a line's budget differs from its value."""
        return any(self.fee_for(p) > 0 for p in self.providers if self.lines_of(p))

    @property
    def services_split_by_line(self) -> list[str]:
        """The services Part 1 shows in a row for each of the Providers that deliver them (service_rows)."""
        seen: list[str] = []
        for s, ps, _ in self.service_rows:
            if len([r for r in self.service_rows if r[0] == s]) > 1 and s not in seen:
                seen.append(s)
        return seen

    @property
    def service_line_gaps(self) -> list[tuple[int, Member, Decimal]]:
        """Each Provider whose service lines do not add up to its annual value: (its index, the Provider, their total)."""
        return [(i, m, total) for i, m in enumerate(self._members) if m.service_lines
                and (total := sum((Decimal(x.annual_value) for x in m.service_lines), Decimal(0))) != Decimal(m.annual_value or 0)]

    @property
    def service_lines_unlisted(self) -> list[tuple[int, int, Member, ServiceLine]]:
        """Each service line whose service is not one the Provider delivers (in the same words): (member index, line
        index, Provider, line)."""
        out = []
        for i, m in enumerate(self._members):
            for j, line in enumerate(m.service_lines):
                if not any(same_service(line.service, d) for d in (m.delivers or self.services)):
                    out.append((i, j, m, line))
        return out

    def season_of(self, service: str) -> str | None:
        """When a listed service runs, where the sheet gives it a season (service_seasons), else None (sprint G3
        finding 12)."""
        return next((s.runs for s in self.service_seasons if same_service(service, s.service)), None)

    @property
    def seasonal_services(self) -> list[tuple[str, str, list[Member]]]:
        """Each listed service that runs only part of the year: (service, when it runs, the Providers that deliver it)."""
        providers = dict(self.service_providers)
        return [(s, r, providers.get(s, [])) for s in self.services if (r := self.season_of(s))]

    @property
    def extension_deadline(self) -> dt.date:
        """The last day on which the ALT may extend the Initial Term: its notice period in months before the
        day after the Initial Term ends (a term ending 30 June 2032 with nine months: 30 September 2031)."""
        after = self.term.end + dt.timedelta(days=1)
        months = after.year * 12 + after.month - 1 - self.extension.notice_months
        year, month = divmod(months, 12)
        day = min(after.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
                              31, 31, 30, 31, 30, 31][month])
        return dt.date(year, month + 1, day) - dt.timedelta(days=1)

    @property
    def first_plan_due(self) -> dt.date:
        """The day by which the draft of the first Annual Plan goes to the ALT: one month before the
        Commencement Date (1 March 2027 for a 1 April 2027 start), the same day of the month or the
        month's last day, so that the ALT has a month to approve it before the Services start."""
        start = self.term.start
        year, month = divmod(start.year * 12 + start.month - 2, 12)
        last = [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28, 31, 30, 31, 30,
                31, 31, 30, 31, 30, 31][month]
        return dt.date(year, month + 1, min(start.day, last))

    @property
    def fee_stated(self) -> bool:
        """Whether the instructions give the Fee; if not, the draft pays no Fee and says so (no silent 5%)."""
        return "fee" in self.risk_reward.model_fields_set

    @property
    def handover_items(self) -> list[str]:
        """The agreed handover arrangements, one line per part (they are written as a list separated by
        semicolons, one member or rule each), for the Exit Plan to print as agreed."""
        parts = [p.strip().rstrip(".") for p in (self.handover or "").split(";")]
        parts = [p for p in parts if p]
        # where the items are headed by a member ("Kite: ..."), a part with no head of its own continues the item
        # before it ("Learning Trust: no services to hand over; its academies keep hosting the MHSTs"), so it is not
        # printed as an item with no subject (r43 al-earlyhelp F13)
        head = re.compile(r"^[A-Z0-9][^:;,()]{0,60}:\s")
        if parts and head.match(parts[0]):
            merged: list[str] = []
            for p in parts:
                if merged and not head.match(p):
                    merged[-1] += "; " + p
                else:
                    merged.append(p)
            parts = merged
        return parts

    @property
    def handover_lines(self) -> list[str]:
        """The handover items as the Exit Plan prints them: the instructions' lower-case "the commissioners" /
        "the commissioner" / "the alliance" read as the defined terms (r18b al-fresh finding 5)."""
        joint = self.joint_commissioners
        out = []
        for item in self.handover_items:
            item = re.sub(r"\bthe commissioners\b", "the Commissioners" if joint else "the Commissioner", item)
            item = re.sub(r"\bthe commissioner\b", "the Commissioner", item)
            if not joint and self.commissioner:
                # the sheet names the commissioning party by its own name ("the Council appoints"): the Exit Plan
                # uses the role it has in this Agreement, as the paragraph after the list does (r25 al-sample 14)
                # but not where it acts as landowner or landlord ("the Council's licences of the centres"): the draft
                # names it as the Council in its other capacities (r29 al-fresh finding 13)
                c = self.commissioner
                owner = r"(?!'s (?:licen[cs]es?|leases?|premises|land|buildings?|propert(?:y|ies)|sites?)\b)"
                item = re.sub(rf"\b(?:[Tt]he )?{re.escape(c.name)}(?![\w-]){owner}", "the Commissioner", item)
                if c.short_name:
                    article = r"\b[Tt]he " if c.takes_article else r"(?<![\w-])"
                    item = re.sub(rf"{article}{re.escape(c.short_name)}(?![\w-]){owner}", "the Commissioner", item)
            item = re.sub(r"\bthe alliance\b", "the Alliance", item)
            for _, _, words, _ in self.handover_not_registered:
                kind = "registered social landlord" if "social landlord" in words.lower() else "registered provider of social housing"
                item = item.replace(words, re.sub(r"\bor another .*$", f"or a {kind}", words))
            out.append(item)
        return out

    def _handover_owners(self, pattern: str) -> list[str]:
        """The member names (the words before the colon) of the handover items matching `pattern`."""
        out = []
        for item in self.handover_items:
            if re.search(pattern, item, re.I):
                head = item.split(":", 1)[0].strip() if ":" in item else item[:40]
                out.append(head)
        return out

    @property
    def handover_management_grants(self) -> list[tuple[Member, str]]:
        """Each member whose handover line has it grant (or enter into) a management agreement of premises to the
        provider taking over, with the words that name them ("Alder House and Kestrel Court"): the line states no
        terms, so the Exit Plan adds an obligation to agree them within a set time with expert determination as the
        fallback, and the note raises charity land, lenders and exempt accommodation status (r37 al-fresh finding 11)."""
        out = []
        for item in self.handover_items:
            if ":" not in item:
                continue
            head, _, line = item.partition(":")
            found = re.search(r"\b(?:grant\w*|enter\w* into|giv\w+)\b[^;]{0,60}?\bmanagement agreements?\b(?: (?:of|for) "
                              r"((?:the |its |their )?[^,;]+?))?(?=,| so | to |$)", line, re.I)
            member = next((m for m in self.providers if head.strip() in (m.short_name, m.name)), None)
            if found and member is not None:
                out.append((member, (found.group(1) or "its premises").strip()))
        return out

    # Words in a handover line that pass on an interest in premises or their management, each read as the phrase the
    # note quotes (r19 al-sample finding 6: "tenancy sustainment" is a service, not a tenancy; "its refuge", "its
    # accommodation" and "a management agreement of the properties" are premises).
    _PREMISES = (
        r"\b(?i:management agreement of (?:the|its|their)) (?:[A-Z][\w'-]*(?: [A-Z][\w'-]*)*|[\w'-]+)",
        r"\b(?i:(?:the )?landlord's interest)(?: or management)?(?: of (?:the|its|their) [\w'-]+)?",
        r"\b(?i:management of (?:the|its|their)) [\w'-]+",
        r"\b(?:(?:the|its|their) )?(?:[A-Z][\w'-]*(?:'s)? )*(?:[\w'-]+ )?(?i:leases?)\b(?: of (?:the|its|their) (?:[A-Z][\w'-]*(?: [A-Z][\w'-]*)*|[\w'-]+))?",
        r"\b(?:its|their) (?:[\w'-]+ ){0,2}(?i:accommodation|refuges?|units|flats|properties|buildings|premises|schemes|hostels?)\b",
        r"\b(?i:leasehold|freehold|premises)\b",
        r"\b(?i:tenanc(?:y|ies))\b(?! (?i:sustainment|support|sustainability|advice|management))",
    )

    @property
    def handover_premises(self) -> list[tuple[str, str]]:
        """Each handover item that passes on an interest in premises or their management, as (member name, the words
        that do so), for the note that asks the client to confirm tenure and consents for each."""
        out = []
        for item in self.handover_items:
            head, _, line = item.partition(":") if ":" in item else (item[:40], "", item)
            found = [m for m in (re.search(p, line) for p in self._PREMISES) if m]
            if found:
                first = min(found, key=lambda m: (m.start(), -len(m.group(0))))
                words = first.group(0).strip()
                out.append((head.strip(), ("a " + words) if words.lower().startswith("management agreement") else words))
        return out

    @property
    def member_premises(self) -> list[tuple[Member, Premises, Member]]:
        """Each building a Provider holds from another member, as (Provider, premises, owner), for Schedule 1 Part 1
        and the Exit Plan (r29 al-fresh finding 4). An owner key that names no member is left out (a rule reports it)."""
        by_key = {m.key: m for m in self._members}
        return [(p, prem, by_key[prem.owner]) for p in self.providers for prem in p.premises if prem.owner in by_key]

    @property
    def third_party_premises(self) -> list[tuple[Member, Premises]]:
        """Each building a Provider holds from a landlord that is not a party (premises with landlord), as (Provider,
        premises), for Schedule 1 Part 1 and its note (r34 al-fresh2 finding 8)."""
        return [(p, prem) for p in self.providers for prem in p.premises if prem.landlord]

    @property
    def premises_from_former_contracts(self) -> list[tuple[Member, Premises]]:
        """Premises a Provider holds 'ending with its Service Contract' where that Provider also held a Former Contract
        that is replaced: the licence or lease may have been granted for the Former Contract and end with it, before or
        on the Commencement Date (r34 al-fresh2 finding 8(a))."""
        if not self.former_contracts or self.former_contracts_treatment == "varied":
            return []
        holders = {c.member for c in self.former_contracts}
        return [(p, prem) for p in self.providers for prem in p.premises
                if p.key in holders and prem.ends_with_service_contract]

    @property
    def licensed_premises(self) -> list[tuple[Member, Premises, Member]]:
        """Of `member_premises`, those held under a licence: personal, so on exit each ends and the owner grants a new
        one to the provider taking over."""
        return [t for t in self.member_premises if t[1].held_under == "licence"]

    @property
    def ending_leases(self) -> list[tuple[Member, Premises, Member]]:
        """Of `member_premises`, the leases meant to end with the holder's Service Contract: Schedule 1 ends them with it,
        and its note asks whether each was contracted out of the Landlord and Tenant Act 1954's security of tenure, without
        which it continues past that date (ss.24 and 38A; law.yaml landlord_and_tenant_act_1954_part2; r33 al-fresh F9)."""
        return [t for t in self.member_premises if t[1].held_under == "lease" and t[1].ends_with_service_contract]

    @property
    def continuing_leases(self) -> list[tuple[Member, Premises, Member]]:
        """Of `member_premises`, the leases that do not end with the holder's Service Contract: on exit the holder must
        surrender or assign them as the owner directs (r32 al-fresh finding 5)."""
        return [t for t in self.member_premises if t[1].held_under == "lease" and not t[1].ends_with_service_contract]

    @property
    def handover_lease_grants(self) -> list[str]:
        """The members whose handover line has a member grant a lease to the provider taking over (a grantee the
        Agreement cannot name, on terms it does not state): a contract to grant a lease must contain all its terms
        (Law of Property (Miscellaneous Provisions) Act 1989 s.2; r32 al-fresh finding 5)."""
        out = []
        for item in self.handover_items:
            head, _, line = item.partition(":") if ":" in item else (item[:40], "", item)
            if re.search(r"\bgrant(?:s|ing)?\b[^.;]{0,80}?\ba (?:new )?lease\b", line, re.I):
                out.append(head.strip())
        return out

    @property
    def provider_registrations(self) -> list[tuple[Member, "Registration"]]:
        """Each Provider's registrations with a regulator, as (Provider, registration), for Schedule 1 Part 1 and the
        registration duty (r31 al-fresh note 1.10)."""
        return [(p, r) for p in self.providers for r in p.registrations]

    def third_party_flows(self, flows: list) -> list[tuple["ThirdPartyDependency", object]]:
        """The data flows (data_protection.flows) shared by a body listed in third_party_dependencies, which is not a
        party and so is not bound by the data-sharing Schedule: (dependency, flow). A flow matches when its 'shared_by'
        words contain the body's name without a leading 'the' (r31 al-fresh note 1.7)."""
        def bare(text: str) -> str:
            return re.sub(r"^the\s+", "", text.strip(), flags=re.I).lower()
        return [(d, f) for d in self.third_party_dependencies for f in flows if bare(d.body) in f.shared_by.lower()]

    @property
    def no_clinical_work(self) -> list[Member]:
        """Providers whose own_insurance says they deliver no health care: outside the clinical negligence duty."""
        return [p for p in self.providers if p.own_insurance and p.own_insurance.clinical_work is False]

    @property
    def nhs_resolution_members(self) -> list[Member]:
        """Members covered by NHS Resolution's schemes, as their own_insurance says."""
        return [m for m in self._members if m.own_insurance and m.own_insurance.nhs_resolution]

    @property
    def own_cover_members(self) -> list[Member]:
        """Members with cover of their own stated in own_insurance.own_cover."""
        return [m for m in self._members if m.own_insurance and m.own_insurance.own_cover]

    @property
    def successor_commissioners(self) -> list[Member]:
        """The Commissioners for which the sheet names an expected successor body (r31 al-fresh note 1.2)."""
        return [m for m in self.commissioners if m.expected_successor]

    @property
    def merging_commissioners(self) -> "Merger | None":
        """Where the sheet names the same expected successor for two or more Commissioners (a reorganisation that puts
        a district and its county, say, into one unitary council): the successor's words, those Commissioners, the
        expected date (the earliest given), the members and the votes a majority decision needs once they are one
        member (as many members may then vote against as could before), their combined shares and whether one of
        them is the Lead Commissioner (r40 al-twotier finding 2). None otherwise."""
        groups: dict[str, list[Member]] = {}
        for m in self.successor_commissioners:
            key = " ".join(m.expected_successor.lower().split())
            key = key[4:] if key.startswith("the ") else key
            groups.setdefault(key, []).append(m)
        ms = next((g for g in groups.values() if len(g) > 1), None)
        if ms is None:
            return None
        dates = [m.successor_date for m in ms if m.successor_date]
        n = len(self.voting_members)  # votes: a Participating Member without a vote is not counted
        merged_members = sum(1 for m in ms if m in self.voting_members)
        after = n - max(merged_members - 1, 0)
        votes = max(after - (n - self.votes_needed), after // 2 + 1)
        rows = {r.member: r for r in self.shares}
        gain = sum((rows[m.key].gain for m in ms if m.key in rows), Decimal(0))
        pains = [rows[m.key].pain for m in ms if m.key in rows and rows[m.key].pain is not None]
        quorum = min(self.decisions.quorum, after) if self.decisions.quorum is not None else max(-(-after * 2 // 3), votes)
        return Merger(ms[0].expected_successor, ms, min(dates) if dates else None, after, votes, quorum, gain,
                      sum(pains, Decimal(0)) if pains else None,
                      any(m.key == self.lead_commissioner for m in ms) or (self.commissioner in ms))

    @property
    def handover_assigns_licence(self) -> list[str]:
        """The members whose handover line speaks of assigning (or transferring) a licence: the Exit Plan's paragraph
        on licences applies in its place and the note says why."""
        return self._handover_owners(r"\blicen[cs]es?\b[^;:]*\b(assign|transfer|pass)\w*|\b(assign|transfer)\w*[^;:]*\blicen[cs]es?\b")

    @property
    def handover_not_registered(self) -> list[tuple[str, Member, str, str]]:
        """Handover lines that hand a service "to X or another registered provider" (or "another registered social
        landlord") where X, a member, is not shown as one (its legal form is not registered_provider and it gives no
        RSH number): (the line's member, X, the words as written, X's legal form in words). The line is printed with "a registered provider
        of social housing" instead, and the note asks the client to confirm (r19 al-sample finding 7)."""
        out = []
        for item in self.handover_items:
            head = item.split(":", 1)[0].strip() if ":" in item else item[:40]
            for m in self._members:
                for name in {n for n in (m.short_name, m.name) if n}:
                    found = re.search(rf"\b(?:the )?{re.escape(name)} or another (registered provider(?: of social housing)?|"
                                      rf"registered social landlord)\b", item, re.I)
                    if found and m.legal_form != "registered_provider" and not m.rsh_number:
                        from assembler.termsheet.common import LEGAL_FORM_WORDS

                        out.append((head, m, found.group(0), LEGAL_FORM_WORDS.get(m.legal_form, "") if m.legal_form else ""))
                        break
        return out

    @property
    def handover_leases(self) -> list[str]:
        """The members whose handover line passes on an interest in premises (see handover_premises)."""
        return [name for name, _ in self.handover_premises]

    @property
    def handover_leases_rp(self) -> list[str]:
        """Of `handover_leases`, those whose member is a private registered provider: its lenders' consent and any
        consent of the Regulator of Social Housing to a disposal of social housing (Housing and Regeneration Act 2008,
        s.172) are the controls to check, not only a landlord's (r19 al-fresh finding 11)."""
        out = []
        for head in self.handover_leases:
            m = next((m for m in self.providers if head in (m.short_name, m.name)), None)
            if m is not None and (getattr(m.legal_form, "value", m.legal_form) == "registered_provider"
                                  or getattr(m, "rsh_number", None)):
                out.append(head)
        return out

    @property
    def handover_alt_chooses(self) -> bool:
        """Whether a handover line gives the choice to the ALT ('a provider the ALT chooses'): the ALT then makes that
        choice, not the Commissioner (r19 al-fresh finding 6)."""
        return bool(re.search(r"\b(the ALT|the alliance leadership team)\b[^;]{0,20}\b(choos|select|decid|agree|nominat|pick)",
                              self.handover or "", re.I))

    @property
    def handover_in_house(self) -> list[str]:
        """The handover items that bring a service in-house to a Commissioner, where TUPE (a service provision change)
        and Local Government Pension Scheme eligibility need checking."""
        names = [c.short_name for c in self.commissioners if c.short_name]
        pattern = r"\bin-house\b" + "".join(rf"|\bto the {re.escape(n)}'s own\b|\bto the {re.escape(n)}\b(?!'s| spot| lease)" for n in names)
        return self._handover_owners(pattern)

    @property
    def handover_purchases(self) -> list[str]:
        """The handover items under which a Commissioner buys places or services from a leaving Provider (spot purchase
        or the like), which need a lawful basis for the new contract."""
        return self._handover_owners(r"\b(spot[- ]purchas\w*|bought|buys?|purchas\w*|commissioned directly)\b")

    @property
    def exit_intentions_date(self) -> dt.date:
        """18 months before the end of the Initial Term: the date by which each Commissioner says whether it will extend
        the Term and how it will secure the Services afterwards (r18b al-fresh finding 5: not "unless extended by
        then", which the extension notice date makes circular)."""
        end = self.term.end + dt.timedelta(days=1)
        month = end.month - 18
        year = end.year + (month - 1) // 12
        month = (month - 1) % 12 + 1
        import calendar
        day = min(end.day, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day) - dt.timedelta(days=1)

    @staticmethod
    def _plus_months(day: dt.date, months: int) -> dt.date:
        import calendar
        month = day.month - 1 + months
        year, month = day.year + month // 12, month % 12 + 1
        return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))

    @property
    def earliest_exit_date(self) -> dt.date:
        """The first day a member could leave on a no-fault notice given on the Commencement Date (r25 al-sample 10)."""
        return self._plus_months(self.term.start, self.exit_notice_months)

    def exit_after(self, signed: dt.date) -> dt.date:
        """The first day a member could leave on a no-fault notice given on signature: the Agreement binds from then and
        clause 26 does not hold notice back to the Commencement Date (r27 al-fresh finding 11)."""
        return self._plus_months(signed, self.exit_notice_months)

    def exit_notice_by(self, leaving: dt.date) -> dt.date:
        """The last day a no-fault notice can be given to expire on `leaving` (exit_notice_months before it)."""
        return self._plus_months(leaving, -self.exit_notice_months)

    @property
    def first_voluntary_exit(self) -> dt.date | None:
        """Under exit: for-cause with a for-cause period and exit_at_year_end: the first Alliance Year end after the
        for-cause period or on its last day (a notice may expire on or after that day, so that a period of N years
        lets a member leave at their end: r37 al-fresh finding 10), within the Initial Term; None where there is none,
        or the sheet sets neither (r34 al-fresh finding 2)."""
        end = self.for_cause_end
        if end is None or not self.exit_at_year_end:
            return None
        day = self.first_alliance_year_end
        while day < end:
            day = self._plus_months(day + dt.timedelta(days=1), 12) - dt.timedelta(days=1)
        return day if day <= self.term.end else None

    @property
    def exit_floor_date(self) -> dt.date | None:
        """The last day of the second Alliance Year: the minimum period the leaving note offers, where the Initial Term
        runs beyond it and the no-fault notice would otherwise let a member leave before it (r25 al-sample 10)."""
        floor = self._plus_months(self.term.start, 24) - dt.timedelta(days=1)
        if floor >= self.term.end or self.earliest_exit_date > floor:
            return None
        return floor

    @property
    def first_alliance_year_end(self) -> dt.date:
        """The last day of the first Alliance Year (each later one ends on the same day of the year)."""
        return self._plus_months(self.term.start, 12) - dt.timedelta(days=1)

    @property
    def handover_mentions_volunteers(self) -> bool:
        """Whether the handover moves volunteers, whom TUPE does not transfer (they are not employees)."""
        return bool(re.search(r"\bvolunteers?\b", self.handover or "", re.I))

    @property
    def children_in_scope(self) -> bool:
        """Whether the services are for children, young people or families, so Ofsted is named among the
        regulators a Provider may need."""
        text = " ".join([*self.services, self.purpose])
        return bool(re.search(r"\b(child(ren)?|young (people|person)|young carers?|famil(y|ies)|parent(s|ing)?)\b", text, re.I))

    @property
    def domestic_abuse_core(self) -> bool:
        """Whether the alliance's purpose is support for victims or survivors of domestic abuse, so that the clause on
        involving people speaks of survivors' children rather than their carers (r32 al-fresh finding 9)."""
        return bool(re.search(r"\b(victims?|survivors?)\b[^.;]*\bdomestic (abuse|violence)\b", self.purpose, re.I))

    @property
    def nrpf_payers(self) -> list[Member]:
        """Providers whose payments to people may go to people with no recourse to public funds: the budget Schedule
        recites the power and the assessment protocol, and its note explains Schedule 3 to the 2002 Act."""
        return [m for m in self.providers if m.pays_nrpf]

    @property
    def people_payers(self) -> list[Member]:
        """Providers whose Annual Value includes payments to or for people using the Services (r32 al-fresh
        finding 3): the cost rules count them as Delivery Costs, inside the budget."""
        return [m for m in self.providers if m.payments_to_people]

    @property
    def ring_fenced_payers(self) -> list[Member]:
        """Providers whose payments to people are ring-fenced outside Gain and Pain (r34 al-fresh finding 3)."""
        return [m for m in self.people_payers if m.ring_fences_payments]

    @property
    def security_works_named(self) -> bool:
        """Whether a listed service is security works to people's homes (a sanctuary scheme, target hardening), so
        that the cost rules offer to count those works in the year they are incurred (r32 al-fresh finding 3)."""
        return any(re.search(r"\b(sanctuary|target[- ]hardening|security (works|measures))\b", s, re.I)
                   for s in self.services)

    @property
    def housing_in_scope(self) -> bool:
        """Whether a listed service is housing or accommodation, so that costs met from rent, service charges or
        housing benefit are kept out of the risk/reward comparison (they are not paid from the alliance's budget)."""
        # "housing advice" (and "housing options advice") is advice, not housing (r33 al-fresh F8)
        return any(re.search(r"\b(housing(?! (options )?advice)|accommodation|hostels?|tenanc(y|ies)|supported living)\b",
                             s, re.I) for s in self.services)

    @property
    def substance_use_in_scope(self) -> bool:
        """Whether the Services include drug or alcohol treatment, so that the draft carries the duty to submit
        treatment monitoring data and report incidents and deaths (r15 al-fresh finding 20)."""
        scope = " ".join([self.purpose, *self.services])
        return bool(re.search(r"\b(drugs?|alcohol|substance (use|misuse))\b", scope, re.I))

    @property
    def treatment_elsewhere(self) -> bool:
        """Whether the sheet says the drug or alcohol work in scope is not treatment: health_care is false and the
        recorded assessment says prescribing or structured (clinical) treatment stays in a separate contract or is not
        provided (r40 al-twotier finding 6: recovery and peer support is not "drug or alcohol treatment", and the draft
        must not impose NDTMS or patient safety duties that undercut that assessment)."""
        if self.health_care is not False or not self.health_care_assessment:
            return False
        text = self.health_care_assessment.lower()
        return bool(re.search(r"\b(no (?:prescribing|clinical treatment|structured treatment)|non-clinical)\b", text)) and bool(
            re.search(r"\b(separate|stay|stays|remain|remains|procured separately|elsewhere|outside)\b", text))

    @property
    def housing_costs_excluded(self) -> bool:
        """Whether costs met from rent, service charges or housing benefit are left out of the Annual Values and the
        risk/reward comparison: only where housing is in scope and the sheet says they are paid outside the alliance's
        budget (r15 al-fresh finding 10: never assumed)."""
        return self.housing_in_scope and self.housing_costs_outside is True

    @property
    def mental_health_in_scope(self) -> bool:
        """Whether a listed service is mental health support, so the reviewing solicitor is told about after-care
        under s.117 of the Mental Health Act 1983, a duty that stays with the NHS body and the council. A service for
        mild to moderate or low-level needs has no cohort of people detained in hospital, so it does not count (r42
        al-familyhubs F19: perinatal support for parents with mild to moderate needs)."""
        low = re.compile(r"\b(mild|low[- ]level|low[- ]intensity)\b", re.I)
        return any(re.search(r"\bmental (ill )?health\b", s, re.I) and not low.search(s) for s in self.services)

    @property
    def votes_needed(self) -> int:
        """Votes a majority decision needs with the membership at the Commencement Date: 75% of three members is
        three votes, so the majority there is in truth unanimity."""
        return -(-self.decisions.majority_percent * len(self.voting_members) // 100)

    @property
    def majority_unanimous_one_fewer(self) -> bool:
        """Whether the majority percentage, short of unanimity with the membership at the Commencement Date, becomes
        unanimity with one member fewer (a member leaves, or does not vote on a decision): 80% of five is four votes,
        80% of four is all four (r35 al-fresh finding 10)."""
        n = len(self.voting_members)
        if n < 4:  # with three members, "all but one" of two is a single vote: the advice does not fit
            return False
        pct = Decimal(self.decisions.majority_percent)
        now, fewer = ((pct * k / 100).to_integral_value(rounding=ROUND_UP) for k in (n, n - 1))
        return now < n and fewer >= n - 1

    @property
    def sharing_members(self) -> list[Member]:
        """Who shares gain and pain under a computed basis: Alliance Members delivering services."""
        return [m for m in self.alliance_members if m.annual_value > 0 and m.role != "participant"]

    @property
    def shares(self) -> list[ShareRow]:
        """The gain and pain shares the draft prints and the rules check: listed, or computed from the basis."""
        rr = self.risk_reward
        if rr.basis == "agreed":
            by_key = {m.key: m for m in self._members}
            return [ShareRow(s.member, by_key[s.member].name if s.member in by_key else s.member, s.gain, s.pain)
                    for s in rr.shares]
        sharing = self.sharing_members
        weights = [Decimal(1) if rr.basis == "equal" else m.annual_value for m in sharing]
        percents = split_hundred(weights)
        return [ShareRow(m.key, m.name, p, p) for m, p in zip(sharing, percents)]

    @property
    def gain_total(self) -> Decimal:
        return sum((s.gain for s in self.shares), Decimal(0))

    @property
    def pain_total(self) -> Decimal:
        return sum((s.pain for s in self.shares if s.pain is not None), Decimal(0))

    @property
    def provider_shares(self) -> list[ShareRow]:
        """The share rows of the Providers: the rows the Pain Cap applies to."""
        keys = {m.key for m in self.providers}
        return [s for s in self.shares if s.member in keys]

    @property
    def commissioner_share(self) -> ShareRow:
        """The Commissioners' shares together (one Commissioner: its own row)."""
        rows = self.commissioner_rows
        c = self.commissioner
        return ShareRow(c.key if c else "", c.name if c else "", sum((r.gain for r in rows), Decimal(0)),
                        sum(((r.pain or Decimal(0)) for r in rows), Decimal(0)))

    def member_by_key(self, key: str) -> Member | None:
        return next((m for m in self._members if m.key == key), None)

    def fee_percent_for(self, member: Member | None) -> Decimal:
        """A Provider's Fee as a percentage of its annual value: its own where the sheet gives one, else the
        alliance's."""
        if member is not None and member.fee_percent is not None:
            return member.fee_percent
        return self.risk_reward.fee.percent

    def fee_for(self, member: Member | None) -> Decimal:
        """A Provider's agreed Fee for an Alliance Year in pounds: its percentage of its annual value less any
        Pass-Through Costs (which earn no Fee) and, where the sheet says so, its ring-fenced payments to people."""
        return Decimal(0) if member is None else pence(self.fee_base_for(member) * self.fee_percent_for(member) / HUNDRED)

    def ring_fence_excluded_for(self, member: Member) -> Decimal:
        """The ring-fenced payments to people that the Fee base leaves out for this Provider (risk_reward.fee.
        excludes_ring_fenced; r37 al-fresh finding 15): its payments_to_people where ring-fenced, else 0."""
        if self.risk_reward.fee.excludes_ring_fenced and member.ring_fences_payments:
            return member.payments_to_people or Decimal(0)
        return Decimal(0)

    def fee_base_for(self, member: Member) -> Decimal:
        """The value a Provider's Fee is worked on: its annual value less its Pass-Through Costs and any ring-fenced
        payments to people the sheet leaves out of the Fee base."""
        return self.risk_value_for(member) - self.ring_fence_excluded_for(member)

    def cap_ring_fence_excluded_for(self, member: Member) -> Decimal:
        """The ring-fenced payments to people that a Pain Cap set as a percentage of value leaves out for this Provider:
        only where the sheet says so (risk_reward.pain_cap.excludes_ring_fenced; r40 al-shortbreaks F2), else 0, so
        the Pain Cap is the sheet's percentage of the whole Annual Value even where the Fee base leaves them out."""
        if self.risk_reward.pain_cap.excludes_ring_fenced and member.ring_fences_payments:
            return member.payments_to_people or Decimal(0)
        return Decimal(0)

    def pain_cap_base_for(self, member: Member) -> Decimal:
        """The value a Pain Cap set as a percentage of value is worked on: the annual value less Pass-Through Costs
        and, only where the sheet says so, the ring-fenced payments to people."""
        return self.risk_value_for(member) - self.cap_ring_fence_excluded_for(member)

    @property
    def fee_ring_fence_excluded(self) -> list[Member]:
        """The Providers whose Fee base leaves out ring-fenced payments (for the Fee definition and key information)."""
        return [m for m in self.providers if self.ring_fence_excluded_for(m) and self.fee_percent_for(m)]

    @property
    def cap_ring_fence_excluded(self) -> list[Member]:
        """The Providers whose percentage Pain Cap leaves out ring-fenced payments (only where the sheet says so)."""
        if self.risk_reward.pain_cap.basis != "percent_of_value":
            return []
        return [m for m in self.providers if self.cap_ring_fence_excluded_for(m)]

    @property
    def fee_on_ring_fenced(self) -> list[tuple[Member, Decimal]]:
        """Each Provider paid a Fee on ring-fenced payments to people (the Fee base includes them), with the Fee those
        payments earn in the first Alliance Year: for the ALLIANCE-FEE-RING-FENCED rule and the Schedule 4 note."""
        out = []
        for m in self.ring_fenced_payers:
            if self.ring_fence_excluded_for(m) or not self.fee_percent_for(m):
                continue
            out.append((m, pence((m.payments_to_people or Decimal(0)) * self.fee_percent_for(m) / HUNDRED)))
        return out

    @staticmethod
    def pass_through_for(member: Member | None) -> Decimal:
        """The Pass-Through Costs inside a Provider's annual value for the first Alliance Year (0 where none)."""
        return member.pass_through.amount if member is not None and member.pass_through is not None else Decimal(0)

    def risk_value_for(self, member: Member) -> Decimal:
        """A Provider's annual value less its Pass-Through Costs: the part that carries a Fee, a Pain Cap as a
        percentage of value, and Gain and Pain (r31 al-fresh finding 1)."""
        return member.annual_value - self.pass_through_for(member)

    @property
    def volume_lines(self) -> list[VolumeLine]:
        """Each Provider's service line paid at a price per unit (members[].service_lines[].volume), in member order."""
        return [VolumeLine(m, line.service, line.volume.unit, line.volume.unit_price, line.volume.planned_units,
                           line.volume.variable_cost, self.fee_percent_for(m) if self.has_fee else Decimal(0))
                for m in self.providers for line in m.service_lines if line.volume is not None]

    @property
    def volume_members(self) -> list[Member]:
        """The Providers with a volume-priced service line, once each."""
        out: list[Member] = []
        for v in self.volume_lines:
            if v.member not in out:
                out.append(v.member)
        return out

    @property
    def pass_through_members(self) -> list[Member]:
        """The Providers whose annual value carries a pass-through cost line."""
        return [m for m in self.providers if m.pass_through is not None]

    @property
    def pass_through_total(self) -> Decimal:
        return sum((self.pass_through_for(m) for m in self.providers), Decimal(0))

    @property
    def funding_only_commissioners(self) -> list[Member]:
        """The Commissioners that commission none of the Services but fund them by a grant to the lead Commissioner
        (funds_by_grant), r31 al-fresh finding 3."""
        return [m for m in self._members if m.role == "commissioner" and m.funds_by_grant]

    def contribution_indexed(self, contribution: Contribution) -> bool:
        """Whether a contribution follows the Annual Values in later years until an Annual Plan sets it: as the sheet
        says, else yes, except for a Commissioner that funds by grant (r31 al-fresh finding 4)."""
        if contribution.indexed is not None:
            return contribution.indexed
        if contribution.indexed_by:
            return False
        m = self.member_by_key(contribution.member)
        return not (m is not None and m.funds_by_grant)

    @property
    def fixed_contributions(self) -> list[Member]:
        """The contributors whose contribution stays fixed in later years (not indexed)."""
        pb = self.pooled_budget
        if pb is None:
            return []
        out = [self.member_by_key(c.member) for c in pb.contributions
               if not self.contribution_indexed(c) and not c.indexed_by]
        return [m for m in out if m is not None]

    @property
    def contributions_reserved(self) -> bool:
        """Whether approving the Annual Plan or the Commissioners' contributions is an agreed Reserved Matter (so that
        changing how the contributions are split needs every member)."""
        return any(re.search(r"\bannual plan\b|\bcontributions?\b", m, re.I) for m in self.decisions.reserved_matters)

    @property
    def uplifted_contributions(self) -> list[tuple[Member, str]]:
        """The contributors whose contribution rises each later year by its own uplift (indexed_by), with those
        words (r34 al-fresh2 finding 2)."""
        pb = self.pooled_budget
        if pb is None:
            return []
        out = [(self.member_by_key(c.member), c.indexed_by) for c in pb.contributions if c.indexed_by]
        return [(m, w) for m, w in out if m is not None]

    @property
    def uplift_gaps(self) -> list[tuple[Member, str, list[Member]]]:
        """The Commissioners whose contribution rises by their own uplift (indexed_by) while the Annual Values of the
        Providers whose Service Contracts they hold rise by the alliance's indexation in other words: (Commissioner,
        its uplift, those Providers). The other Commissioners then fund the difference on a contract they do not
        hold (r38d al-mh finding 8, tool notes 3-4)."""
        index = self.risk_reward.indexation
        if not index or not self.balancing_contributors:
            return []
        def same(a: str, b: str) -> bool:
            return " ".join(a.lower().split()).rstrip(".") == " ".join(b.lower().split()).rstrip(".")
        out = []
        for m, words in self.uplifted_contributions:
            if same(words, index):
                continue
            nhs = re.compile(r"\bNHS payment scheme\b|\bnational tariff\b", re.I)
            held = [p for p in self.providers if p.annual_value and any(h is m for h in self.service_contract_holders(p))
                    # a Provider indexed by the same uplift as the contribution moves with it (r43 al-earlyhelp F6)
                    and not (p.indexation and (same(p.indexation, words)
                                               or (nhs.search(p.indexation) and nhs.search(words))))]
            if held:
                out.append((m, words, held))
        return out

    @property
    def balancing_contributors(self) -> list[Member]:
        """Where some contributions are fixed or rise by their own uplift while the Annual Values are indexed: the
        Commissioners whose contributions make up the balance (and so bear the rest of every increase). Empty where
        every contribution follows the Annual Values or there is no indexation."""
        pb = self.pooled_budget
        if pb is None or not self.risk_reward.indexation or not (self.fixed_contributions or self.uplifted_contributions):
            return []
        out = [self.member_by_key(c.member) for c in pb.contributions if self.contribution_indexed(c)]
        return [m for m in out if m is not None]

    @property
    def fees_differ(self) -> bool:
        """Whether the Providers' Fee percentages differ, so that the draft prints each against its name
        rather than one percentage for all."""
        return len({self.fee_percent_for(m) for m in self.providers}) > 1

    @property
    def has_fee(self) -> bool:
        """Whether any Provider is paid a Fee: with none, the draft prints no Fee wording (a 0% Fee is no Fee)."""
        return any(self.fee_percent_for(m) > 0 for m in self.providers)

    @property
    def fee_total(self) -> Decimal:
        return sum((self.fee_for(m) for m in self.providers), Decimal(0))

    def pain_cap_for(self, member: Member) -> Decimal | None:
        """A Provider's Pain Cap in pounds: a fixed sum for the year (None: no figure given)."""
        cap = self.risk_reward.pain_cap
        if cap.basis == "fee":
            return self.fee_for(member)
        if cap.basis == "percent_of_value":
            return None if cap.percent is None else pence(self.pain_cap_base_for(member) * cap.percent / HUNDRED)
        return cap.amount

    @property
    def providers_bear_excess(self) -> bool:
        """Whether Pain above the Commissioner's budgeted amount returns to the Providers beyond their Pain Caps
        (each up to its Pain Limit); otherwise the Commissioner bears it and the Pain Caps are real caps."""
        cp = self.risk_reward.commissioner_pain
        return cp.basis == "fixed_amount" and cp.above_cap == "providers"

    @property
    def commissioner_cap(self) -> Decimal | None:
        """The Commissioner's amount, where Pain above it goes back to the Providers (None: it bears the rest)."""
        return self.risk_reward.commissioner_pain.amount if self.providers_bear_excess else None

    def pain_limit_for(self, member: Member) -> Decimal | None:
        """Where the Providers bear Pain above the Commissioner's amount: the most this Provider bears in all."""
        pct = self.risk_reward.commissioner_pain.providers_limit_percent
        if not self.providers_bear_excess or pct is None:
            return None
        return pence(member.annual_value * pct / HUNDRED)

    @property
    def gain_example(self) -> Settlement:
        return self.example_for("gain")

    @property
    def pain_example(self) -> Settlement:
        return self.example_for("pain")

    @property
    def example_provider(self) -> Member | None:
        """The Provider in whose costs the worked example's variance arises: the largest by annual value."""
        return max(self.providers, key=lambda m: m.annual_value) if self.providers else None

    def example_pence(self, gain_only: bool) -> list[str]:
        """The columns of the worked examples' tables ('cost', 'kept', 'share', 'balancing', 'ends_with') that show
        pence in any example the Schedule prints, so that every example shows them in that column (sprint J1, r31
        finding 17: Example 3 in whole pounds beside Examples 1 and 2 in pence)."""
        examples = [self.gain_example] + ([] if gain_only else [self.pain_example, self.large_pain_example])
        if self.gain_cap_rows:
            examples.append(self.large_gain_example)
        out = []
        for col in ("cost", "kept", "share", "balancing", "ends_with"):
            values = [getattr(line, col) for ex in examples for line in ex.lines]
            values += [sum((getattr(line, col) for line in ex.lines), Decimal(0)) for ex in examples]
            if col == "share":
                values += [v for ex in examples for v in (ex.commissioner_share, ex.outcome)]
            if any(pence(v) != pence(v).to_integral_value() for v in values):
                out.append(col)
        return out

    def example_money(self, value: Decimal, with_pence: bool) -> str:
        """An amount in a worked example's table, with pence where `example_pence` says its column shows them."""
        text = money(value)
        return text + ".00" if with_pence and "." not in text else text

    @property
    def large_pain_example(self) -> Settlement:
        """The third worked example: an overspend large enough for the caps to bite (see `cap_thresholds`)."""
        return self.example_for("pain", swing=self.large_pain_swing)

    @property
    def cap_thresholds(self) -> CapThresholds:
        """The Pain at which the first Provider's Pain Cap bites, at which every one has, and at which the
        Commissioner's own cap is reached (None where it has none), from the shares and caps."""
        rr = self.risk_reward
        shares = {s.member: (s.pain or Decimal(0)) for s in self.shares}
        points = []
        for m in self.providers:
            cap, share = self.pain_cap_for(m), shares.get(m.key, Decimal(0))
            if cap is not None and share > 0:
                points.append((cap, share))
        bites = sorted(pence(cap * HUNDRED / share) for cap, share in points)
        c_cap = rr.commissioner_pain.amount if rr.commissioner_pain.basis == "fixed_amount" else None
        commissioner = None if c_cap is None else commissioner_cap_reached(points, shares_total=sum(
            (shares.get(m.key, Decimal(0)) for m in self.providers), Decimal(0)), commissioner_cap=c_cap)
        return CapThresholds(bites[0] if bites else None, bites[-1] if bites else None, commissioner)

    @property
    def large_pain_swing(self) -> Decimal:
        """The third example's overspend: a whole £10,000 above a quarter more than the point where the
        Commissioner's cap is reached (or, uncapped, where every Provider's cap has bitten)."""
        t = self.cap_thresholds
        point = t.commissioner if t.commissioner is not None else (t.all_providers or self.target_cost / 10)
        step = Decimal(10000)
        swing = ((point * Decimal("1.25") / step).to_integral_value(rounding=ROUND_UP)) * step
        if t.first_provider is not None and swing <= t.first_provider and t.all_providers is not None:
            # The Commissioner's amount is reached well before any Provider's Pain Cap: size the example on the point
            # where every Provider's cap has bitten, so that "Pain above the Pain Caps" is above them (r35 al-fresh 7).
            swing = ((t.all_providers * Decimal("1.25") / step).to_integral_value(rounding=ROUND_UP)) * step
        return swing

    def example_for(self, outcome: Literal["gain", "pain"], swing: Decimal | None = None) -> Settlement:
        """The worked example: every Provider is paid its annual value (which includes its Fee) and its own
        costs are that value less its Fee, except that the variance falls in the costs of the Provider with
        the largest annual value."""
        rr = self.risk_reward
        shares = {s.member: s for s in self.shares}
        providers = self.providers
        biggest = self.example_provider.key if providers else None
        if swing is None:
            swing = pence(self.target_cost * rr.example.variance_percent / HUNDRED)
        lines = []
        for m in providers:
            row = shares.get(m.key)
            share = (row.gain if outcome == "gain" else (row.pain or Decimal(0))) if row else Decimal(0)
            change = (-swing if outcome == "gain" else swing) if m.key == biggest else Decimal(0)
            fee = self.fee_for(m)
            value = self.risk_value_for(m)  # Pass-Through Costs are outside Gain and Pain
            lines.append(ProviderYear(m.key, m.name, value, value - fee + change, share,
                                      self.pain_cap_for(m), fee, self.pain_limit_for(m), self.gain_cap_for(m)))
        return settle(self.target_cost, lines, commissioner_cap=self.commissioner_cap,
                      spread_returned=bool(self.commissioner_caps),
                      gain_cap_total=self.gain_cap_total)

    def gain_cap_for(self, member: Member) -> Decimal | None:
        """A Provider's own Gain Cap in pounds, where each Provider's share of Gain is capped (None otherwise, or
        where the sheet gives no figure)."""
        return self._gain_cap_figure("each_provider", member)

    @property
    def gain_cap_total(self) -> Decimal | None:
        """The cap on the Providers' shares of Gain together, in pounds for the first Alliance Year (None where there
        is none, it applies to each Provider, or the sheet gives no figure)."""
        return self._gain_cap_figure("providers_total")

    def _gain_cap_figure(self, applies_to: str, member: Member | None = None) -> Decimal | None:
        """The Gain Cap in pounds where it applies as asked: a percentage works on the Provider's Annual Value (each
        Provider) or on the Target Cost (the Providers together), a fixed sum is itself."""
        gc = self.risk_reward.gain_cap
        if gc is None or gc.applies_to != applies_to:
            return None
        if gc.percent is not None:
            base = member.annual_value if member is not None else self.target_cost
            return pence(base * gc.percent / HUNDRED)
        return gc.amount

    @property
    def gain_cap_rows(self) -> list[tuple[Member, Decimal, Decimal, Decimal | None]]:
        """For each Provider with a share of Gain, where a Gain Cap is set with a figure: the Provider, its share of
        Gain, the most it can receive of Gain in the first Alliance Year under the cap, and the Gain at which that is
        reached (None where it never is)."""
        gc = self.risk_reward.gain_cap
        if gc is None or (gc.percent is None and gc.amount is None):
            return []
        shares = {s.member: s.gain for s in self.provider_shares}
        sharing = [m for m in self.providers if shares.get(m.key, Decimal(0)) > 0]
        total_share = sum((shares[m.key] for m in sharing), Decimal(0))
        if not sharing:
            return []
        if gc.applies_to == "each_provider":
            mosts = [self.gain_cap_for(m) for m in sharing]
            return [(m, shares[m.key], most, pence(most * HUNDRED / shares[m.key]))
                    for m, most in zip(sharing, mosts)]
        cap = self.gain_cap_total  # cut back as settle() does: in proportion, the rounding penny to the largest share
        mosts = [pence(cap * shares[m.key] / total_share) for m in sharing]
        biggest = max(range(len(sharing)), key=lambda i: (shares[sharing[i].key], -i))
        mosts[biggest] += cap - sum(mosts, Decimal(0))
        point = pence(cap * HUNDRED / total_share)
        return [(m, shares[m.key], most, point) for m, most in zip(sharing, mosts)]

    @property
    def gain_cap_reached(self) -> tuple[Decimal | None, Decimal | None]:
        """The Gain at which the Gain Cap first bites and at which it has bitten for every Provider, in the first
        Alliance Year (the same point where it caps the Providers' shares together)."""
        points = sorted(r for *_, r in self.gain_cap_rows if r is not None)
        if not points:
            return None, None
        if self.risk_reward.gain_cap.applies_to == "providers_total":
            total_share = sum((s.gain for s in self.provider_shares), Decimal(0))
            point = pence(self.gain_cap_total * HUNDRED / total_share) if total_share > 0 else None
            return point, point
        return points[0], points[-1]

    @property
    def gain_cap_below_pain_cap(self) -> list[tuple[Member, Decimal, Decimal]]:
        """Each Provider whose most Gain under the Gain Cap in the first Alliance Year is below its Pain Cap (its upside
        smaller than its downside): the Provider, that most and its Pain Cap. For the note and ALLIANCE-GAIN-CAP-BELOW-
        PAIN-CAP."""
        shares = {s.member: (s.pain or Decimal(0)) for s in self.provider_shares}
        out = []
        for m, _, most, _ in self.gain_cap_rows:
            cap = self.pain_cap_for(m)
            if most is not None and cap is not None and shares.get(m.key, Decimal(0)) > 0 and most < cap:
                out.append((m, most, cap))
        return out

    @property
    def gain_cap_reserved(self) -> bool:
        """Whether a Gain Cap is set and a Reserved Matter changes the shares of Gain, so that the decisions clause
        names the Gain Cap with them (r40 al-ld finding 1)."""
        return self.risk_reward.gain_cap is not None and any(
            kind == "shares" and "Gain" in words for segs in self.reserved_matter_segments for kind, words in segs)

    @property
    def large_gain_example(self) -> Settlement:
        """The worked example where the Gain Cap bites: Gain a whole £10,000 above a quarter more than the point where
        it has bitten for every Provider."""
        _, last = self.gain_cap_reached
        step = Decimal(10000)
        point = last if last is not None else self.target_cost / 10
        swing = ((point * Decimal("1.25") / step).to_integral_value(rounding=ROUND_UP)) * step
        return self.example_for("gain", swing=swing)

    @property
    def year_numbers(self) -> list[int]:
        """1, 2, ... for each Alliance Year of the initial term: the columns of the trajectory table."""
        return list(range(1, self.term_years + 1))

    @property
    def year_labels(self) -> list[str]:
        """Each Alliance Year's column heading with the years it spans ('Year 1 (2027/28)'), so that a target
        stated for a financial year can be matched to its column."""
        first = self.term.start.year
        return [f"Year {n} ({first + n - 1}/{(first + n) % 100:02d})" for n in self.year_numbers]

    @property
    def baseline_years_unnamed(self) -> list[int]:
        """The KPIs whose straight line starts from a baseline that names no year (taken as the year before the
        Commencement Date), so the Year 1 level is an assumption the client confirms."""
        return [t.number for t, k in zip(self.trajectories, self.kpis)
                if t.levels and not t.agreed and not YEAR.search(k.baseline or "")]

    @property
    def provider_terms(self) -> list[ProviderTerms]:
        """Each Provider's row of the share table: its shares, its Fee and its Pain Cap in pounds."""
        by_key = {m.key: m for m in self.providers}
        return [ProviderTerms(s.name, s.gain, s.pain, self.fee_for(by_key.get(s.member)),
                              self.pain_cap_for(by_key[s.member]) if s.member in by_key else None,
                              self.fee_percent_for(by_key.get(s.member)))
                for s in self.provider_shares]

    @property
    def term_years(self) -> int:
        """The Alliance Years in the initial term (a part year counts as one)."""
        return max(1, -(-self.term.months // 12))

    @property
    def trajectories(self) -> list[Trajectory]:
        """Each KPI's level for each Alliance Year: as agreed, or a straight line from a numeric baseline to
        a numeric target reached in the year the target names (else the last year), then held; None for a
        KPI without a numeric baseline (it is not counted until its baseline is recorded)."""
        agreed = {t.kpi: t.levels for t in self.kpi_trajectories}
        years = self.term_years
        out = []
        for i, k in enumerate(self.kpis, start=1):
            lower = lower_is_better(k.baseline, k.target)
            if i in agreed:
                levels = [nil_level(level, lower) for level in list(agreed[i])[:years]]
                out.append(Trajectory(i, k.measure, levels + [levels[-1]] * (years - len(levels)), lower, True, True))
                continue
            base, goal = first_number(k.baseline), target_number(k.target)
            if base is None or goal is None:
                # a fixed target ('70% of people supported for 12 weeks or more') does not depend on the baseline: its
                # level for the target year is shown now, the earlier years waiting for the baseline (r25 al-fresh 18)
                fixed, at = None, 0
                if goal is not None and not EVERY_YEAR.search(k.target) and re.match(r"\D*\d+(?:\.\d+)?\s*%", k.target):
                    at = target_year(k.target, self.term.start, years)
                    if 1 <= at <= years:
                        fixed = f"{goal.normalize():f}%"
                out.append(Trajectory(i, k.measure, None, lower, False, names_year(k.target), fixed, at))
                continue
            by = 1 if EVERY_YEAR.search(k.target) and not YEAR.search(k.target) else target_year(
                k.target, self.term.start, years)  # 'in every year': the target is the level from Year 1
            since = baseline_year(k.baseline, self.term.start)
            unit = level_unit(k.baseline, k.target)
            places = 0 if base == base.to_integral_value() and goal == goal.to_integral_value() else 1
            strict = strict_word(k.target, lower)
            levels = line_levels(base, goal, by, since, years, strict, unit, places, lower)
            out.append(Trajectory(i, k.measure, levels, lower, False, names_year(k.target)))
        return out

    @property
    def nil_target_kpis(self) -> list[tuple[int, str]]:
        """The KPIs whose target is worded as none at all ('None from 2028/29', 'zero'), read as a level of 0 lower being
        better, for the Schedule 2 note to confirm (r20 al-fresh finding 1): (number, target as given)."""
        return [(i, k.target) for i, k in enumerate(self.kpis, start=1)
                if k.target and first_number(k.target) is None and target_number(k.target) == 0]

    @property
    def early_baselines(self) -> list[tuple[int, str, str, str, list[str]]]:
        """The straight-line KPIs whose baseline was measured more than a year before the Commencement Date, so that
        Year 1's level already credits improvement made before the Alliance exists: (number, the baseline as given,
        Year 1's level, the baseline year's label, the levels if the line instead started from the baseline in the year
        before Year 1), for the Schedule 2 note to put both to the client (r16 al-sample finding 3)."""
        out = []
        years = self.term_years
        for t, k in zip(self.trajectories, self.kpis):
            if t.agreed or not t.levels:
                continue
            since = baseline_year(k.baseline, self.term.start)
            if since >= 0:
                continue
            base, goal = first_number(k.baseline), target_number(k.target)
            lower = lower_is_better(k.baseline, k.target)
            by = 1 if EVERY_YEAR.search(k.target) and not YEAR.search(k.target) else target_year(
                k.target, self.term.start, years)
            if by < 1 or base is None or goal is None:
                continue
            unit = level_unit(k.baseline, k.target)
            places = 0 if base == base.to_integral_value() and goal == goal.to_integral_value() else 1
            alt = line_levels(base, goal, by, 0, years, strict_word(k.target, lower), unit, places, lower)
            first = self.term.start.year + since - 1
            out.append((t.number, k.baseline, t.levels[0], f"{first}/{(first + 1) % 100:02d}", alt))
        return out

    @property
    def trajectory_clashes(self) -> list[tuple[int, str, str, str]]:
        """Agreed levels that disagree with the KPI's own target in the year the target names (number, target, that
        year's label, its agreed level), so that the note asks which governs (r15 al-fresh finding 9)."""
        out = []
        labels = self.year_labels
        for t, k in zip(self.trajectories, self.kpis):
            if not t.agreed or not t.levels or not YEAR.search(k.target or ""):
                continue
            by = target_year(k.target, self.term.start, self.term_years)
            goal, level = target_number(k.target), first_number(t.levels[by - 1])
            if goal is not None and level is not None and goal != level:
                out.append((t.number, k.target, labels[by - 1], t.levels[by - 1]))
        return out

    def abstentions(self, risk_reward: str) -> list[str]:
        """The rules of this draft under which a member does not vote on a decision, by the anchor they carry, in the
        order the draft cites them: the quorum sub-clause (clause 8) and the unanimity sub-clause's exceptions (clause 9)
        both print this one list, so neither can leave out a rule the other names (r27 al-sample finding 13)."""
        out = ["interested"]
        if risk_reward != "gain-only":
            if self.gain_gated and self.kpi_gates:
                out.append("gate-vote")
            out.append("overspend")
            if self.risk_reward.urgent_approvals_limit is not None:
                out.append("overspend-further")
        return out + ["removal", "fm"]

    @property
    def unset_levels(self) -> list[tuple[int, list[int]]]:
        """Each KPI with agreed levels whose level for some Alliance Years is words without a figure ('to be set from
        the 2027/28 survey'): (number, those years), so that Part 3 says the KPI has no level and does not count in
        those years only, not that it has no level at all until its baseline is recorded (r27 al-sample finding 4)."""
        out = []
        for t in self.trajectories:
            if t.agreed and t.levels:
                years = [y for y, level in enumerate(t.levels, start=1) if first_number(level) is None]
                if years:
                    out.append((t.number, years))
        return out

    @property
    def ungated_years(self) -> list[tuple[Member, list[int], list[int]]]:
        """Each Provider whose every gating KPI has no figure for some Alliance Year (unset_levels), so that its share of
        Gain for that year is in effect not gated: (Provider, its gating KPIs, those years), for the Schedule 2 note to
        ask for instructions (r28 al-fresh finding 6(b)). Empty where Gain is not gated."""
        if not self.gain_gated:
            return []
        unset = dict(self.unset_levels)
        out = []
        for m, kpis in self.kpi_gate_rows:
            if not kpis or any(n not in unset for n in kpis):
                continue
            years = sorted(set.intersection(*(set(unset[n]) for n in kpis)))
            if years:
                out.append((m, kpis, years))
        return out

    @property
    def waiting_kpis(self) -> list[int]:
        """The KPIs with no level for any year until the ALT records a baseline (no agreed levels and no numeric
        baseline), so that the Part 3 rule on KPIs without a baseline names them and is left out where there are none
        (r27 al-sample finding 4)."""
        return [t.number for t in self.trajectories if not t.levels]

    @property
    def calendar_period_kpis(self) -> list[int]:
        """KPIs measured over the calendar year (a published annual figure) while the Alliance Years do not start in
        January: Part 3 of Schedule 2 then says which calendar year's figure counts for an Alliance Year (r29 al-fresh
        finding 6)."""
        if self.term.start.month == 1:
            return []
        return [i for i, k in enumerate(self.kpis, start=1)
                if re.search(r"\bcalendar year\b", k.measured_over or "", re.I)]

    @property
    def survey_kpis(self) -> list[tuple[int, str]]:
        """KPIs measured by a survey (their measure or period names one), other than calendar-year ones: (number, the
        survey as the measure names it, e.g. 'annual youth survey'). Part 3 of Schedule 2 then counts the survey
        carried out in each Alliance Year (r29 al-fresh finding 6)."""
        out = []
        cal = set(self.calendar_period_kpis)
        for i, k in enumerate(self.kpis, start=1):
            if i in cal or not re.search(r"\b(?:annual(?:ly)?|yearly|every year|each year|once a year)\b", " ".join([str(k.frequency or ""), k.measure,
                                                                                k.measured_over or ""]), re.I):
                continue  # a survey run more often than yearly has no single result for the year
            for text in (k.measure, k.measured_over or ""):
                m = re.search(r"\b((?:(?:annual|yearly) )?(?:[\w'-]+ ){0,2}survey)\b", text or "", re.I)
                if m:
                    words = re.sub(r"^(?:the|an?|in|by|from)\s+", "", m.group(1), flags=re.I)
                    out.append((i, words))
                    break
        return out

    @property
    def calendar_year_kpis(self) -> list[int]:
        """KPIs whose target names a calendar year ('in 2031') while the Alliance Years do not start in January, so
        the note asks how the calendar year is matched to an Alliance Year (r15 al-fresh finding 9)."""
        if self.term.start.month == 1:
            return []
        return [i for i, k in enumerate(self.kpis, start=1)
                if re.search(r"\b20\d\d\b(?!/)", k.target or "") and not re.search(r"\b20\d\d/\d\d", k.target or "")
                and not MONTH_YEAR.search(k.target or "")]  # 'by March 2031' names a date, not a calendar year

    @property
    def reserved_matters(self) -> list[str]:
        """The Reserved Matters as the draft lists them (see `reserved_matter_words`)."""
        words = [reserved_matter_words(m) for m in self.decisions.reserved_matters]
        if self.pooled_budget is not None:  # the draft defines the Pooled Budget (r20 al-fresh finding 15)
            words = [re.sub(r"\b(?:the )?pooled budget\b", "the Pooled Budget", w, flags=re.I) for w in words]
        if self.joint_commissioners:  # the sheet's singular "the Commissioner" where several commission (sprint J1)
            words = [joint_commissioner_words(w) for w in words]
        if self.risk_reward.gain_use == "reinvest":  # the draft defines the Gain Reinvestment Plan (sprint Z2; the open-book Reinvestment Plan is another term)
            words = [re.sub(r"\b(?:the )?reinvestment plan\b", "the Gain Reinvestment Plan", w, flags=re.I) for w in words]
        return words

    @property
    def charter_named(self) -> bool:
        """Whether an agreed Reserved Matter names an "Alliance Charter", which the draft does not have (the item is
        printed as the Alliance Principles and the decisions note asks whether the client has a charter)."""
        return any(re.search(r"\balliance charter\b", m, re.I) for m in self.decisions.reserved_matters)

    @property
    def health_in_scope(self) -> bool:
        """Whether the Services include health care (an NHS member, or clinical, nursing, therapy or treatment
        services), so that patient safety alerts and clinical guidance are named among what a Provider must follow;
        a housing or homelessness alliance has neither. The sheet's health_care, where given, decides."""
        if self.health_care is not None:
            return self.health_care
        # the Commissioner's recorded assessment that the Services are not health care decides where no health word
        # contradicts it (r24 al-fresh finding 19: carer liaison on wards "involves no treatment of patients")
        if self.health_care_assessment and re.search(r"\b(?:is|are) (?:social care and )?not health care\b|\bnot health care\b",
                                                      self.health_care_assessment, re.I) and not any(
                re.search(r"\b(clinical|nursing|therap\w*|treatment|palliative|medic\w*)\b", s, re.I) for s in self.services):
            return False
        nhs = {"nhs_trust", "nhs_foundation_trust", "nhs_body", "integrated_care_board"}
        if any(getattr(m.legal_form, "value", m.legal_form) in nhs for m in self._members):
            return True
        # "hospital" alone is not health care: hospital discharge support is social care (r25 writer's note).
        return any(re.search(r"\b(health|clinical|nursing|therap\w*|treatment|palliative|medic\w*)\b", s, re.I)
                   for s in self.services)

    @property
    def psr_risk_contracts(self) -> list[tuple[Member, list[str]]]:
        """Each Provider whose own Service Contract looks wholly or mainly like health care (treatment, substance use,
        mental health, nursing, clinical or palliative care), with the services that make it so, where the route is under
        the Procurement Act 2023 in England and each Provider has its own contract: such a contract may fall under the
        Provider Selection Regime (reg. 3, mixed procurement) whatever the view taken of the Services as a whole, so the
        recital states no regime and the notes name these contracts (r16 al-sample findings 1 and 17)."""
        if self.procurement_route in ("pcr2015", "pcr2015_modification", "provider_selection", "not_procurement"):
            return []
        if self.health_care is False:
            # the sheet records that no Service is health care: it decides (sprint G3 finding 2)
            return []
        pattern = (r"\b(health|clinical|nursing|therap\w*|treatment|palliative|hospice|medic\w*|drugs?|alcohol|"
                   r"substance (use|misuse))\b")
        out = []
        for p in self.providers:
            if p.procurement_route == "provider_selection":
                continue  # the sheet itself gives this contract's route under the Regime: nothing to hedge (r34 al-fresh2 F12)
            hits = [d for d in p.delivers if re.search(pattern, d, re.I)]
            if hits and len(hits) * 2 >= len(p.delivers):
                out.append((p, hits))
        return out

    @property
    def psr_own_route_contracts(self) -> list[Member]:
        """The Providers whose own Service Contract the sheet says was awarded under the Provider Selection Regime while
        the alliance's route is another (procurement_route: provider_selection on the member), in England: their route
        is settled, so the notes state it and the regulation 13 point, and do not ask which regime applies (r34
        al-fresh2 finding 12)."""
        if self.procurement_route in ("provider_selection",):
            return []
        return [p for p in self.providers if p.procurement_route == "provider_selection"]

    @property
    def for_cause_end(self) -> dt.date | None:
        """The last day on which a member may leave only for cause, where the sheet's for_cause_until ends that period
        before the Initial Term does (a date, or a number of Alliance Years from the Commencement Date); None where the
        whole Initial Term is for cause (sprint G3 finding 1)."""
        until = self.for_cause_until
        if until is None:
            return None
        if isinstance(until, int):
            start = self.term.start
            try:
                day = start.replace(year=start.year + until) - dt.timedelta(days=1)
            except ValueError:  # 29 February
                day = dt.date(start.year + until, 3, 1) - dt.timedelta(days=1)
        else:
            day = until
        return day if day < self.term.end else None

    @property
    def psr_excluded(self) -> bool:
        """Whether the sheet records that no Service is health care (health_care false) and no contract was awarded
        under the Provider Selection Regime: the recitals note then says the Regime does not apply, and no other note
        refers to it, even where an NHS body is a member whose staff work alongside the Services (sprint G3 finding 2)."""
        return bool(self.health_care is False and self.procurement_route != "provider_selection"
                    and not any(m.procurement_route == "provider_selection" for m in self.providers))

    @property
    def route_stated_despite_psr(self) -> bool:
        """Where some Service Contracts look like health care (psr_risk_contracts) under an open or competitive flexible
        procedure, and the sheet records the Commissioner's view that the Act governs (health_care_assessment): recital
        (C) and the key information state the route the sheet gives, with the contracts most likely to be within the
        Provider Selection Regime bracketed as awarded under it, for the client to confirm (r26 al-sample finding 5).
        Without that view they state no route."""
        return bool(self.procurement_route in ("open", "competitive_flexible") and self.health_care_assessment
                    and self.psr_risk_contracts)

    @property
    def not_light_touch(self) -> list[Member]:
        """The Providers whose Service Contract the term sheet says is not a light touch contract while the Services
        as a whole are light touch (r26 al-fresh finding 3)."""
        if not self.light_touch or self.procurement_route in ("pcr2015", "pcr2015_modification", "provider_selection",
                                                                 "not_procurement"):
            return []
        return [p for p in self.providers if p.light_touch is False]

    @property
    def light_touch_doubts(self) -> list[tuple[Member, list[str]]]:
        """The Providers whose services look like ones outside the light touch services (payroll, accounting,
        bookkeeping, software) while the sheet treats every Service Contract as light touch and says nothing for that
        Provider: the notes name each contract for the client to confirm its CPV classification (r26 al-fresh
        finding 3). A Provider with its own light_touch given is not in doubt."""
        if not self.light_touch or self.procurement_route in ("pcr2015", "pcr2015_modification", "provider_selection",
                                                                 "not_procurement"):
            return []
        pattern = r"\b(payroll|accounting|accountancy|bookkeeping|book-keeping|managed accounts?|software)\b"
        out = []
        for p in self.providers:
            if p.light_touch is not None:
                continue
            hits = [d for d in p.delivers if re.search(pattern, d, re.I)]
            if hits:
                out.append((p, hits))
        return out

    @property
    def light_touch_exceptions(self) -> list[Member]:
        """The Providers whose Service Contract the notes must not call a light touch contract without a qualification:
        those the sheet says are not, and those whose services put it in doubt."""
        return self.not_light_touch + [m for m, _ in self.light_touch_doubts]

    @property
    def psr_public_health_contracts(self) -> list[tuple[Member, list[str]]]:
        """Of psr_risk_contracts, those whose health care is substance use (drug or alcohol) treatment or sexual
        health: services a council arranges under its public health functions, the clear case for the Provider
        Selection Regime. For the others a council Commissioner may have arranged the service under its Care Act or
        housing functions, so the note asks under which function before concluding (r24 al-sample finding 14)."""
        pattern = re.compile(r"\b(substance (use|misuse)|drugs?|alcohol|sexual health)\b", re.I)
        return [(m, hits) for m, hits in self.psr_risk_contracts if any(pattern.search(h) for h in hits)]

    @property
    def psr_function_names(self) -> list[str]:
        """The council functions a Service Contract that looks like health care may have been arranged under, for the
        recitals note's question on the Provider Selection Regime, read from the functions recital (A) cites (the
        sheet's statutory_functions, else those worked out from the services) and health_care_assessment: public
        health first (the functions under which the Regime catches a council's health care services), then each
        other function those words name. Only public health where they name none the list knows: the note then asks
        for the usual candidates (r38d al-edge finding 7: a children's services alliance was asked about the Care Act
        and homelessness)."""
        text = " ".join([*self.function_statutes, self.health_care_assessment or ""]).lower()
        names = ["public health"]
        for words, name in ((("children act 1989",), "Part 3 of the Children Act 1989"),
                            (("care act 2014",), "the Care Act 2014"),
                            (("housing act 1996", "homelessness"), "homelessness"),
                            (("mental health act 1983",), "section 117 of the Mental Health Act 1983")):
            if any(w in text for w in words):
                names.append(name)
        return names

    @property
    def health_care_providers(self) -> list[Member]:
        """The Providers that deliver health care as part of the Services, read from what each delivers (clinical,
        nursing, therapy, treatment, health care words) or from being an NHS body that delivers any of it: the clinical
        governance clause is sized to them (r38d al-edge finding 10: a 'group' whose only clinician was the Trust's)."""
        clinical = re.compile(r"\b(health\s*care|clinical|clinician\w*|nursing|nurses?|therap\w*|treatment|palliative|"
                              r"medic\w*|prescrib\w*|psychiatr\w*|psycholog\w*|mental health)\b", re.I)
        malpractice = re.compile(r"\b(medical malpractice|clinical negligence|treatment risks?)\b", re.I)

        def health_care(p: Member) -> bool:
            # the member's own insurance answers first: clinical_work given, or cover for clinical risks it must hold
            # (a counselling charity with medical malpractice cover: r43 al-earlyhelp finding 4); a Participating
            # Member delivers none of the Services and is never in the list
            ins = p.own_insurance
            if ins is not None and ins.clinical_work is not None:
                return ins.clinical_work
            if ins is not None and any(malpractice.search(c) for c in ins.own_cover):
                return True
            return any(clinical.search(d) for d in p.delivers)
        return [p for p in self.providers if health_care(p)]

    @property
    def medicines_in_scope(self) -> bool:
        """Whether the Services involve medicines (prescribing, administering or dispensing them, or treatment that
        usually does: substance use treatment, detoxification, nursing), so that the clinical governance clause's shared
        policies name medicines and prescribing; without such words they would be generic leftovers (r38d al-edge
        finding 10: 'prescribing' in a family therapy service)."""
        words = " ".join([self.purpose, *self.services, *(d for p in self.providers for d in p.delivers)])
        return bool(re.search(r"\b(medic(?:ine|ines|ation|ations)|prescri\w*|pharmac\w*|dispens\w*|detox\w*|"
                              r"substance (?:use|misuse)|drugs?|alcohol|opioid\w*|nursing|palliative)\b", words, re.I))

    @property
    def children_representations(self) -> bool:
        """Whether complaints about the Services go first through the council Commissioner's statutory representations
        procedure for children (Children Act 1989 s.26(3) and S.I. 2006/1738) before the ombudsman (the clause reads it in
        England only): a council
        commissions them under Part 3 of that Act (the functions the sheet gives or the draft works out, or its recorded
        assessment), and the services are not for looked-after children and care leavers, whose route (s.24D as well)
        the clause names on its own (r38d al-edge finding 6)."""
        return bool(not self.care_leavers_in_scope and self.psr_children_part3
                    and any(c.legal_form == "local_authority" for c in self.commissioners))

    @property
    def nhs_clinical_complainants(self) -> list[Member]:
        """The Providers that are NHS bodies delivering health care (the words of their services) where only councils
        commission: their clinical care is still the exercise of
        an NHS body's functions, so complaints about it follow the NHS complaints procedure (S.I. 2009/309 reg. 6(1)(b))
        with the Parliamentary and Health Service Ombudsman, alongside the council's route for the rest (r38d al-edge
        finding 6). Where an NHS body commissions, nhs_services already names that ombudsman for every Provider."""
        if self.nhs_services:
            return []
        clinical = re.compile(r"\b(health|clinical|nursing|therap\w*|treatment|palliative|medic\w*)\b", re.I)
        return [p for p in self.providers if p.is_nhs_body and any(clinical.search(d) for d in p.delivers)]

    @property
    def psr_children_part3(self) -> bool:
        """Whether the sheet puts the Services under the Children Act 1989 (statutory_functions, or the recorded
        health_care_assessment): a service a council arranges under Part 3 of that Act is social care, not health care
        for the purposes of the health service, and so in principle outside the Provider Selection Regime."""
        return "Part 3 of the Children Act 1989" in self.psr_function_names

    def former_contract_is_health(self, contract: FormerContract) -> bool:
        """Whether a Former Contract's title looks like health care (the same words as psr_risk_contracts), so that
        the transition note names the Provider Selection Regime as a possible regime for its extension."""
        return bool(re.search(r"\b(health|clinical|nursing|therap\w*|treatment|palliative|hospice|medic\w*|drugs?|"
                              r"alcohol|substance (use|misuse)|dual diagnosis|recovery)\b", contract.title or "", re.I))

    @property
    def former_contracts_undated(self) -> list[FormerContract]:
        """The Former Contracts whose procurement date the sheet does not give: the transition note lists them in one
        sentence rather than repeating the same question for each (r16 al-sample finding 7), asking of any whose title
        mentions a grant whether it is a contract or a grant agreement (r16 al-fresh finding 11)."""
        return [c for c in self.former_contracts if not c.procurement_started and c not in self.former_grants]

    @property
    def former_contracts_dated(self) -> list[FormerContract]:
        """The Former Contracts the transition note deals with one by one: those with a procurement date."""
        return [c for c in self.former_contracts if c.procurement_started and c not in self.former_grants]

    @property
    def former_grants(self) -> list[FormerContract]:
        """The Former Contracts the sheet itself calls a grant agreement ('... grant agreement', or a title ending in
        'grant'): not procured contracts, so the transition note does not treat them as ended by agreement or ask
        which procurement regime governs them (r20 al-fresh finding 4). A title that only mentions a grant elsewhere
        ('grant-funded') stays with the other contracts and the note asks what it is."""
        return [c for c in self.former_contracts if c.kind == "grant" or (c.kind is None and (
            c.varied_under == "grant" or re.search(r"\bgrant( agreement)?\s*$|\bgrant agreement\b", c.title or "", re.I)))]

    @property
    def members_without_deputy(self) -> list[Member]:
        """The Alliance Members whose ALT representative has no deputy on the sheet's word ('deputy: none'): the
        governance clause then lets a member send an alternate to a single meeting, and the notes ask for a deputy
        before signing (r36 al-fresh finding 9)."""
        return [m for m in self.alliance_members
                if m.alt_representative is not None and (m.alt_representative.deputy or "").strip().lower() == "none"]

    @property
    def former_grant_holders(self) -> list[Member]:
        """The members that hold the grants among the Former Contracts, each once, in the order listed."""
        out: list[Member] = []
        for c in self.former_grants:
            m = self.member_by_key(c.member)
            if m is not None and m not in out:
                out.append(m)
        return out

    @property
    def former_contracts_only_grants(self) -> bool:
        """Whether every Former Contract is a grant (former_grants): the transition clause then has no procurement
        ground for a run-on (r36 al-fresh finding 11)."""
        return bool(self.former_contracts) and len(self.former_grants) == len(self.former_contracts)

    def former_contract_grant_marks(self, contract: FormerContract) -> list[str]:
        """The codes in a Former Contract's reference that it shares only with the grant agreements among the Former
        Contracts and that reads as a grant code ('GR' in LBK/ASC/GR/0194 and the grant LBK/ASC/GR/0217): the transition
        note then asks whether it is a grant too, rather than treating it as a procured contract unasked (r25 al-fresh
        finding 13)."""
        grants = self.former_grants
        if not contract.reference or not grants or contract in grants:
            return []
        def codes(c: FormerContract) -> set[str]:
            return {t for t in re.split(r"[/\-_. ]+", c.reference or "") if t and not t.isdigit()}
        grant_codes = set.intersection(*(codes(g) for g in grants))
        others = [c for c in self.former_contracts if c not in grants and c is not contract]
        # only a code that reads as a grant code ('GR', 'GRT', 'GRANT'): a council's or a department's own code ('MMBC',
        # 'ASC') is shared by contracts and grants alike and says nothing (r21 al-fresh)
        shared = [t for t in sorted(grant_codes & codes(contract))
                  if re.fullmatch(r"gr|grt|grants?", t, re.I) and not all(t in codes(o) for o in others)]
        return shared

    @property
    def former_contracts_health(self) -> list[FormerContract]:
        """The Former Contracts (not grants) whose titles look like health care: the Provider Selection Regime may
        govern running them on (r16 al-sample finding 7)."""
        return [c for c in self.former_contracts if "grant" not in c.title.lower()
                and (self.former_contract_is_health(c) or self.former_contract_health_by_route(c))
                and not self.former_contract_classed_not_health(c)]

    def holder_route(self, contract: FormerContract) -> str | None:
        """The route of the new Service Contract of the Provider that holds a Former Contract: its own, else the
        alliance's."""
        holder = self.member_by_key(contract.member)
        return (holder.procurement_route if holder is not None and holder.procurement_route else self.procurement_route)

    @property
    def routes_split_by_health(self) -> bool:
        """Whether the sheet awards some Service Contracts under the Provider Selection Regime and others under the
        Procurement Act 2023, so that it has itself sorted the services into health care and the rest."""
        routes = {m.procurement_route or self.procurement_route for m in self.providers}
        return "provider_selection" in routes and any(r and r not in NON_ACT_ROUTES for r in routes)

    def former_contracts_psr_settled(self, psr_start: dt.date) -> list[FormerContract]:
        """The dated Former Contracts the sheet makes Regime contracts (former_contract_health_by_route) whose
        procurement began on or after the Regime came into force: the note names the Regime as their law."""
        return [c for c in self.former_contracts_dated
                if self.former_contract_health_by_route(c) and c.procurement_started >= psr_start]

    @property
    def former_contracts_classed_not_health(self) -> list[FormerContract]:
        """The Former Contracts whose titles look like health care but which the sheet classes as not health care
        (former_contract_classed_not_health): the note records that instead of asking (r38d al-mh finding 2)."""
        return [c for c in self.former_contracts if "grant" not in (c.title or "").lower()
                and self.former_contract_is_health(c) and self.former_contract_classed_not_health(c)]

    def former_contract_classed_not_health(self, contract: FormerContract) -> bool:
        """Whether the sheet itself classes a Former Contract's services as not health care: its holder's new Service
        Contract is procured under the Procurement Act 2023 while another's is awarded under the Provider Selection
        Regime, so the transition note does not list it among contracts that look like health care (r31 al-fresh
        finding 9; r38d al-mh finding 2: also where the alliance's own route is the Act's)."""
        route = self.holder_route(contract)
        return self.routes_split_by_health and route is not None and route not in NON_ACT_ROUTES

    def former_contract_health_by_route(self, contract: FormerContract) -> bool:
        """Whether the sheet itself treats a Former Contract's services as health care: its holder's new Service Contract
        is awarded under the Provider Selection Regime by a Commissioner (a relevant authority), so a former contract for
        the same services procured after the Regime came in is a Regime contract, not a PCR 2015 one (r38d al-mh
        finding 2). The template compares the date with the Regime's in-force date (law.yaml)."""
        if "grant" in (contract.title or "").lower() or self.holder_route(contract) != "provider_selection":
            return False
        fc = self.former_contract_commissioner(contract)
        return fc is not None and fc.role == "commissioner"

    @property
    def former_contracts_expiry(self) -> dt.date | None:
        """The date the Former Contracts expire under their own terms, where the sheet says they simply expire
        (former_contracts_expire); None where they end by agreement or are varied (r31 al-fresh finding 9)."""
        if self.former_contracts_treatment != "replaced" or not self.former_contracts:
            return None
        return self.former_contracts_expire

    @property
    def former_contracts_early(self) -> list:
        """Where the former contracts are replaced: those whose own expiry date (expires) falls before the day before
        the Commencement Date, so that they end on their own terms and leave a gap before the Service Contracts start:
        recital (D), clause 5 and Part 2 of Schedule 1 say so contract by contract (r43 al-careleavers notes 6, 10)."""
        if self.former_contracts_treatment != "replaced":
            return []
        extended = self.former_contracts_extended_from
        return [c for c in self.former_contracts
                if c.expires and c.expires < self.day_before_start and c not in extended]

    @property
    def former_contracts_extended_from(self) -> list:
        """Where the former contracts are replaced and have been extended (former_contracts_extended) to
        former_contracts_expire: the contracts (not grants) whose own expiry date (expires, the date before any
        extension) falls before that date. Their own date is the original one, so they expire on
        former_contracts_expire as extended, not early: recital (D), clause 5, Part 2 of Schedule 1 and the key
        information say so and never call them expired or not extended (r44 al-homefirst finding 1)."""
        base = self.former_contracts_expiry
        if base is None or not self.former_contracts_extended:
            return []
        grants = self.former_grants
        return [c for c in self.former_contracts if c.expires and c.expires < base and c not in grants]

    @property
    def former_contracts_other_dates(self) -> list:
        """Where the former contracts are replaced and expire on former_contracts_expire: those that give their own
        expiry date, different from it and not before the Commencement Date's eve (those are former_contracts_early)."""
        base = self.former_contracts_expiry
        if base is None:
            return []
        return [c for c in self.former_contracts
                if c.expires and c.expires != base and c not in self.former_contracts_early
                and c not in self.former_contracts_extended_from]

    def former_contract_gap_days(self, contract: FormerContract) -> int:
        """The days from the day after a former contract expires to the day before the Commencement Date, inclusive."""
        return (self.term.start - contract.expires).days - 1

    @property
    def former_contracts_options(self) -> list:
        """The former contracts whose own extension option the variation exercises (option_extended_to), where they
        are varied (r40 al-ld finding 2)."""
        if self.former_contracts_treatment != "varied":
            return []
        return [c for c in self.former_contracts if c.option_extended_to]

    @property
    def former_contracts_options_date(self) -> dt.date | None:
        """The one date every exercised option reaches, where they all reach the same date; else None."""
        dates = {c.option_extended_to for c in self.former_contracts_options}
        return next(iter(dates)) if len(dates) == 1 else None

    @property
    def former_contracts_same_dates(self) -> tuple | None:
        """(expires, option_extended_to) where every former contract gives the same pair and at least one is set, so
        Schedule 1 and the note say it once; else None."""
        pairs = {(c.expires, c.option_extended_to) for c in self.former_contracts}
        if len(pairs) != 1 or len(self.former_contracts) < 2:
            return None
        pair = next(iter(pairs))
        return pair if any(pair) else None

    @property
    def former_contracts_ending_first(self) -> list:
        """The varied former contracts that end (on their own terms, or at the date an exercised option takes them to)
        before the end of the Initial Term: each would leave its Provider without a Service Contract."""
        if self.former_contracts_treatment != "varied":
            return []
        return [c for c in self.former_contracts
                if (c.option_extended_to or c.expires) and (c.option_extended_to or c.expires) < self.term.end]

    @property
    def day_before_start(self) -> dt.date:
        """The day before the Commencement Date: the day the Former Contracts should expire."""
        return self.term.start - dt.timedelta(days=1)

    @property
    def service_specification_name(self) -> str | None:
        """The service specification as the sheet names it, without any place the sheet gives for it ('in Schedule 2'):
        that is the specification's own numbering, not a Schedule of this Agreement."""
        if not self.service_specification:
            return self.service_specification
        return _SPEC_PLACE.sub("", self.service_specification).strip() or self.service_specification

    @property
    def service_specification_place(self) -> str | None:
        """The place the sheet gives for the service specification ('Schedule 2'), if any, for the drafting note."""
        m = _SPEC_PLACE.search(self.service_specification or "")
        return re.sub(r"^\s*,?\s*", "", m.group(0)) if m else None

    @property
    def health_strands_under_council(self) -> list[tuple[Member, str]]:
        """Where an NHS Commissioner pools money with a council that is party to every Service Contract: each
        Provider service (Provider, service) that reads as health care an NHS body usually commissions (perinatal,
        mental health, clinical, therapy, nursing, midwifery). Its contract may really be with the NHS Commissioner,
        which the sheet's one `service_contract_with` per Provider cannot express, so the recitals note asks."""
        if not self.nhs_and_council_pool:
            return []
        out = []
        for m in self.providers:
            holder = self.service_contract_commissioner(m)
            if holder is None or any(h.is_nhs_body for h in self.service_contract_holders(m)):
                continue
            for service in m.delivers:
                if re.search(r"\b(perinatal|mental health|clinical|therap\w*|nursing|midwi\w*|health visit\w*)\b", service, re.I):
                    out.append((m, service))
        return out

    @property
    def health_strands_settled(self) -> list[tuple[Member, list[str]]]:
        """Of health_strands_under_council, grouped by Provider, those whose Service Contract the sheet says was awarded
        under the Provider Selection Regime (psr_own_route_contracts): the recitals note then asks about the council's
        power to award and pay under it, not whether the NHS body should contract instead (r34 al-fresh2 finding 3)."""
        own = self.psr_own_route_contracts
        out: list[tuple[Member, list[str]]] = []
        for m, svc in self.health_strands_under_council:
            if not any(m is o for o in own):
                continue
            for i, (n, svcs) in enumerate(out):
                if n is m:
                    svcs.append(svc)
                    break
            else:
                out.append((m, [svc]))
        return out

    @property
    def health_strands_unsettled(self) -> list[tuple[Member, str]]:
        """health_strands_under_council less the Providers whose route under the Regime the sheet gives."""
        own = self.psr_own_route_contracts
        return [(m, svc) for m, svc in self.health_strands_under_council if not any(m is o for o in own)]

    @property
    def youth_council_functions(self) -> list[str]:
        """For a youth alliance (the Council's youth services duty, section 507B of the Education Act 1996, among the
        functions the Services serve, and no Care Act 2014 function), the Council's functions most likely to touch the
        Services, for the statutory functions note in place of adult care and housing (r29 al-fresh finding 5): its
        children's social care functions, and its SEND and youth justice functions where the Services or KPIs name
        them. Empty otherwise."""
        fs = self.function_statutes
        if not any("507B" in f for f in fs) or any("Care Act" in f for f in fs):
            return []
        text = " ".join([*self.services, self.purpose, *(k.measure for k in self.kpis)])
        out = ["its children's social care functions under the Children Act 1989 (services for children in need, "
               "section 17, and child protection enquiries, section 47)"]
        if re.search(r"\bspecial educational needs\b|\bSEND\b", text, re.I):
            out.append("its special educational needs and disability functions under Part 3 of the Children and "
                       "Families Act 2014")
        if re.search(r"\byouth (?:justice|offending)\b", text, re.I):
            out.append("its youth offending team under section 39 of the Crime and Disorder Act 1998")
        out.append("its duty to secure youth services under section 507B of the Education Act 1996")
        return out

    @property
    def nhs_party(self) -> bool:
        """Whether an NHS body (an NHS trust or foundation trust, an integrated care board or another NHS body) is an
        Alliance Member."""
        nhs = ("nhs_trust", "nhs_foundation_trust", "nhs_body", "integrated_care_board")
        return any(getattr(m.legal_form, "value", m.legal_form) in nhs for m in self._members)

    @property
    def staff_from(self) -> Member | None:
        """The member whose own employees transfer to Providers when the Alliance starts (staff_transfer_in)."""
        t = self.staff_transfer_in
        if t is None:
            return None
        if t.from_member:
            return next((m for m in self._members if m.key == t.from_member), None)
        return self.commissioner

    @property
    def staff_to(self) -> list[tuple[Member, int | None]]:
        """Each Provider to which staff transfer under staff_transfer_in, with the number expected."""
        t = self.staff_transfer_in
        if t is None:
            return []
        by = {m.key: m for m in self._members}
        return [(by[x.member], x.headcount) for x in t.to if x.member in by]

    @property
    def staff_to_admitted(self) -> list[tuple[Member, int | None]]:
        """The receiving Providers (staff_to) that can offer the LGPS only as admission bodies."""
        return [(m, n) for m, n in self.staff_to if not m.lgps_scheduled_body]

    @property
    def staff_to_scheduled(self) -> list[tuple[Member, int | None]]:
        """The receiving Providers (staff_to) that are Scheme employers in their own right (an academy trust), so
        their employees are active members of the LGPS without an admission agreement."""
        return [(m, n) for m, n in self.staff_to if m.lgps_scheduled_body]

    @property
    def staff_from_council(self) -> bool:
        """Whether the employees transferring in come from a council (a best value authority)."""
        m = self.staff_from
        return m is not None and getattr(m.legal_form, "value", m.legal_form) == "local_authority"

    @property
    def nhs_staff_may_move(self) -> bool:
        """Whether NHS staff may move to a Provider that is not an NHS body: an NHS member delivers part of the
        Services, or the staff transferring in are NHS Pension Scheme members. A health service delivered by a
        voluntary Provider alone employs no NHS staff (r38d al-edge finding 1)."""
        nhs = ("nhs_trust", "nhs_foundation_trust", "nhs_body", "integrated_care_board")
        if self.staff_transfer_in is not None and self.staff_transfer_in.scheme == "nhs_pension_scheme":
            return True
        return any(getattr(m.legal_form, "value", m.legal_form) in nhs for m in self.providers)

    @property
    def lead(self) -> Member | None:
        """The lead provider (lead_provider), where the sheet names one that is a Provider."""
        if self.lead_provider is None:
            return None
        return next((m for m in self.providers if m.key == self.lead_provider.member), None)

    @property
    def operational_chair(self) -> Member | None:
        """The lead provider whose operational lead chairs the Operational Group, or None (the Alliance Manager)."""
        return self.lead if self.lead is not None and self.lead_provider.chairs_operational_group else None

    @property
    def professional_care(self) -> bool:
        """Whether the Services are health or social care provided by or under the responsibility of health or social
        work professionals: health care in scope, or an NHS body a party. Only then does the data-sharing table rest
        routine health data on Article 9(2)(h) with Schedule 1 paragraph 2 (r29 al-fresh finding 2)."""
        return bool(self.health_in_scope or self.nhs_party)

    @property
    def nhs_services(self) -> bool:
        """Whether any Provider delivers NHS services under its Service Contract: it is itself an NHS body, or the
        Commissioner party to its Service Contract is an integrated care board or other NHS body. Only then does the
        complaints route name the Parliamentary and Health Service Ombudsman; an NHS body's contribution to a pooled
        budget whose Service Contracts are all let by a council does not make the services NHS services for that
        purpose (r28 al-fresh finding 16). Nor does an NHS trust's delivering services a council commissions under its
        public health or social care functions: those are council services, within the Local Government and Social Care
        Ombudsman's scheme (r31 al-fresh finding 15), so a Provider that is an NHS body counts only where the services
        may be NHS-funded: an NHS body commissions alongside the council, or no council commissions at all."""
        nhs = ("nhs_trust", "nhs_foundation_trust", "nhs_body", "integrated_care_board")
        council_only = (any(c.legal_form == "local_authority" for c in self.commissioners)
                        and not any(c.legal_form in nhs for c in self.commissioners))
        return any(any(getattr(h, "legal_form", None) in nhs for h in self.service_contract_holders(p))
                   or (p.legal_form in nhs and not council_only)
                   for p in self.providers)

    @property
    def running_cost_parts(self) -> list[tuple[Member, Decimal, Decimal]]:
        """Where several Commissioners share the running costs with no Pooled Budget: each Commissioner with the
        first-year value of the Service Contracts it is party to and its part of the running costs in proportion to
        those values, as a percentage (r40 al-twotier finding 4: an equal split had no basis in the sheet). Empty where
        there is a Pooled Budget, one Commissioner pays alone, or a Service Contract's value is not known."""
        if (self.running_costs != "commissioner" or not self.joint_commissioners or self.running_costs_sole_payer
                or self.pooled_budget or not self.providers):
            return []
        totals = {c.key: Decimal(0) for c in self.commissioners}
        for p in self.providers:
            for h in self.service_contracts_of(p):
                if h.annual_value is None or h.holder.key not in totals:
                    return []
                totals[h.holder.key] += h.annual_value
        whole = sum(totals.values(), Decimal(0))
        if not whole:
            return []
        return [(c, totals[c.key], (totals[c.key] * 100 / whole).quantize(Decimal("0.01"))) for c in self.commissioners]

    def service_contract_commissioner(self, member: Member) -> Member | None:
        """The Commissioner party to a Provider's Service Contract: the one the sheet names, else the lead. For a
        Provider holding several Service Contracts (service_contracts_of), the Commissioner party to the first."""
        held = self.service_contracts_of(member)
        if len(held) > 1:
            return held[0].holder
        named = self.member_by_key(member.service_contract_with) if member.service_contract_with else None
        return named or self.commissioner

    def contracts_held_with(self, members, holder: Member) -> int:
        """How many Service Contracts the given Providers hold with one Commissioner, so that a clause naming them
        says "Service Contracts" where a Provider holds two with it (r43 al-earlyhelp note 21)."""
        return sum(1 for m in members for c in self.service_contracts_of(m) if c.holder.key == holder.key)

    def holding_elsewhere(self, members, holder: Member) -> list[Member]:
        """Of the given Providers, those that also hold a Service Contract with a Commissioner other than `holder`."""
        return [m for m in members if any(c.holder.key != holder.key for c in self.service_contracts_of(m))]

    def service_contracts_of(self, member: Member) -> list[HeldContract]:
        """The Service Contracts a Provider holds (q3: a Provider with several). From members[].service_contracts where
        the sheet gives them; else, where the former contracts are varied and continue as the Service Contracts and this
        Provider's former contracts were let by two or more different Commissioners, one for each of those contracts
        (r33 al-fresh F2); else one, with the Commissioner service_contract_with names (or the lead), for the Provider's
        annual value and everything it delivers."""
        if member.role != "provider":
            return []
        if member.service_contracts:
            out = []
            for line in member.service_contracts:
                holder = self.member_by_key(line.commissioner) or self.commissioner
                out.append(HeldContract(holder, line.annual_value, line.reference, tuple(line.services)))
            return out
        if self.former_contracts_treatment == "varied":
            own = [c for c in self.former_contracts if c.member == member.key]
            lets = {c.commissioner for c in own if c.commissioner}
            if len(lets) > 1 and all(c.commissioner for c in own):
                out = []
                for c in own:
                    holder = self.member_by_key(c.commissioner) or self.commissioner
                    svc = self.former_contract_service(c)
                    out.append(HeldContract(holder, c.annual_value, c.reference,
                                            tuple([svc] if isinstance(svc, str) and svc else [])))
                return out
        named = self.member_by_key(member.service_contract_with) if member.service_contract_with else None
        holder = named or self.commissioner
        return [HeldContract(holder, member.annual_value, None, tuple(member.delivers))] if holder else []

    def service_contract_holders(self, member: Member) -> list[Member]:
        """The Commissioners party to a Provider's Service Contracts, each once, in order."""
        out: list[Member] = []
        for h in self.service_contracts_of(member):
            if all(h.holder is not o for o in out):
                out.append(h.holder)
        return out

    @property
    def multi_contract_providers(self) -> list[Member]:
        """The Providers that hold more than one Service Contract (service_contracts_of): the clauses then speak of each
        of a Provider's Service Contracts rather than of 'its Service Contract' (r33 al-fresh F2)."""
        return [p for p in self.providers if len(self.service_contracts_of(p)) > 1]

    def value_with(self, member: Member, holder: Member) -> Decimal:
        """A Provider's first-year value under its Service Contracts with one Commissioner: the sum of those contracts'
        values, or its whole annual value where it holds one Service Contract (or the values are not given)."""
        held = self.service_contracts_of(member)
        if len(held) <= 1:
            return Decimal(member.annual_value or 0) if held and held[0].holder is holder else Decimal(0)
        return sum((Decimal(h.annual_value or 0) for h in held if h.holder is holder), Decimal(0))

    @property
    def psr_contract_changes(self) -> list[tuple[int, FormerContract, Decimal]]:
        """Each former contract varied under the Provider Selection Regime (varied_under 'psr') whose value as varied
        the sheet shows: (its index, the contract, its first-year value as a Service Contract). That value is the
        matching members[].service_contracts line's (by reference), else the holder's annual value where this is its
        only former contract and it holds one Service Contract. Contracts without an annual value are left out."""
        out = []
        for i, c in enumerate(self.former_contracts):
            if c.varied_under != "psr" or c.annual_value is None:
                continue
            holder = self.member_by_key(c.member)
            if holder is None:
                continue
            line = next((x for x in holder.service_contracts if c.reference and x.reference == c.reference), None)
            if line is not None and line.annual_value is not None:
                out.append((i, c, Decimal(line.annual_value)))
            elif not holder.service_contracts and len([f for f in self.former_contracts if f.member == c.member]) == 1:
                out.append((i, c, Decimal(holder.annual_value or 0)))
        return out

    @property
    def service_contract_value_gaps(self) -> list[tuple[int, Member, Decimal, Decimal]]:
        """Each Provider whose several Service Contracts' values (all given) do not add up to its annual value:
        (its index in members, the Provider, the contracts' total, its annual value)."""
        out = []
        for i, m in enumerate(self._members):
            held = self.service_contracts_of(m)
            if len(held) < 2 or any(h.annual_value is None for h in held):
                continue
            total = sum((Decimal(h.annual_value) for h in held), Decimal(0))
            if total != Decimal(m.annual_value or 0):
                out.append((i, m, total, Decimal(m.annual_value or 0)))
        return out

    @property
    def infrequent_kpis(self) -> list[tuple[int, Kpi]]:
        """The KPIs reported less often than once a year (a two-yearly survey such as the Survey of Adult Carers in
        England), each with its number: they count towards the gate only in the Alliance Years in which they are
        reported, and the outcomes note asks for their levels and target year to be set to those years (r24 al-fresh
        finding 2)."""
        pattern = re.compile(r"\b(two|2|three|3)[- ]?year(?:s|ly)?\b|\bbiennial\w*|\bevery other year\b|\balternate years?\b|"
                             r"\btriennial\w*", re.I)
        return [(n, k) for n, k in enumerate(self.kpis, 1) if pattern.search(k.frequency or "")]

    @property
    def bcf_contributors(self) -> list[Member]:
        """The NHS Commissioners whose contribution to the Pooled Budget the sheet says is Better Care Fund money: the
        Better Care Fund policy framework has it pooled under an agreement under section 75 of the National Health
        Service Act 2006 (law.yaml better_care_fund_section_75), so the recitals note names that route rather than
        canvassing the alternatives (r24 al-fresh finding 10). Empty otherwise."""
        if self.pooled_budget is None:
            return []
        out = []
        for c in self.pooled_budget.contributions:
            m = self.member_by_key(c.member)
            if m is not None and m.is_nhs_body and re.search(r"\bbetter care fund\b|\bBCF\b", c.pays or "", re.I):
                out.append(m)
        return out

    @property
    def sole_contract_holder(self) -> Member | None:
        """Where several Commissioners take part but one of them is party to every Provider's Service Contract (over
        contracts): that Commissioner, so that the clauses on payment, subcontracting and leaving name it rather than
        "the Commissioner party to its Service Contract" (r24 al-fresh finding 21). None otherwise."""
        if not self.joint_commissioners or not self.providers:
            return None
        holders = {id(h): h for p in self.providers for h in self.service_contract_holders(p) if h is not None}
        return next(iter(holders.values())) if len(holders) == 1 else None

    @property
    def section_75_date(self) -> dt.date | None:
        """The date at the start of section_75_agreement ('18 February 2027 (reference ...)'), if it reads as one: a
        date after the draft date means the agreement is not yet made, so the recital puts it in square brackets and
        clause 29 makes the Pooled Budget and risk/reward wait for it (r27 al-fresh finding 4)."""
        m = re.match(r"\s*(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})", self.section_75_agreement or "")
        if not m:
            return None
        names = [n.lower() for n in MONTHS]
        month = m.group(2).lower()
        if month not in names:
            return None
        try:
            return dt.date(int(m.group(3)), names.index(month) + 1, int(m.group(1)))
        except ValueError:
            return None

    @property
    def section_75_parts(self) -> tuple[str, str]:
        """section_75_agreement split into its date ('22 February 2027') and the rest (' (reference ...)'), so that a
        recital of an agreement not yet made brackets only the date (r28 al-fresh finding 18)."""
        text = self.section_75_agreement or ""
        m = re.match(r"\s*\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4}", text)
        return (m.group(0).strip(), text[m.end():]) if m else (text, "")

    def section_75_pending(self, draft_date: dt.date | None, wales: bool = False) -> bool:
        """Whether the recital names a section 75 agreement (an NHS Commissioner pooling with a council lead, in
        England) whose date is after the draft date, or that has no date while the sheet gives conditions_long_stop: not
        yet made (r27 al-fresh finding 4; r33 al-fresh F3)."""
        if wales or not self.nhs_and_council_pool or self.pooled_budget is None:
            return False
        if len(self.pooled_budget.contributions) < 2:
            return False
        day = self.section_75_date
        if day is None and not (self.section_75_agreement or "").strip() and self.conditions_long_stop:
            return True  # no date given but a long-stop for the conditions: not yet made (r33 al-fresh F3)
        return bool(day and draft_date and day > draft_date)

    def section_75_condition(self, draft_date: dt.date | None, wales: bool = False) -> bool:
        """Whether the conditions in the term clause include a section 75 agreement providing for the Pooled Budget:
        where it is not yet made (section_75_pending), or where the sheet gives conditions_long_stop for an NHS and
        council pool whose agreement is already made but is still to be varied to carry this pooled fund (r44
        al-homefirst finding 4)."""
        if self.section_75_pending(draft_date, wales):
            return True
        return bool(self.conditions_long_stop and not wales and self.nhs_and_council_pool
                    and self.pooled_budget is not None and len(self.pooled_budget.contributions) >= 2)

    @property
    def long_stop_date(self) -> dt.date:
        """The date by which the conditions in the term clause must be met where the section 75 agreement is not yet
        made: conditions_long_stop, else 3 months after the term starts (r28 al-fresh finding 22)."""
        if self.conditions_long_stop:
            return self.conditions_long_stop
        start = self.term.start
        month = start.month + 3
        year, month = start.year + (month - 1) // 12, (month - 1) % 12 + 1
        import calendar
        return dt.date(year, month, min(start.day, calendar.monthrange(year, month)[1]))

    @property
    def lead_contract_providers(self) -> list[Member]:
        """The Providers whose Service Contract is with the lead Commissioner (the rest hold theirs with another
        Commissioner, members[].service_contract_with): recital (A) and its note name them where the split exists, so
        that neither says the lead arranges every Service (r27 al-fresh finding 2)."""
        lead = self.commissioner
        return [p for p in self.providers if lead is not None and any(h is lead for h in self.service_contract_holders(p))]

    @property
    def contract_holders_outside_pool(self) -> list[tuple[Member, list[Member], Decimal, Decimal]]:
        """Each Commissioner other than the Pooled Budget Holder that is party to a Provider's Service Contract:
        (that Commissioner, its Providers, their first-year Annual Values in total, its first-year contribution). It pays
        those Service Contracts itself, out of its own contribution, since it cannot draw on a pool another authority
        holds (r20 al-fresh finding 3). Empty without a pooled budget or with one Commissioner."""
        return [row for row, pooled in self._contract_holders() if not pooled]

    def _contract_holders(self) -> list[tuple[tuple[Member, list[Member], Decimal, Decimal], bool]]:
        """Each Commissioner other than the Pooled Budget Holder that is party to a Provider's Service Contract, as a
        row (that Commissioner, its Providers, their first-year Annual Values, its first-year contribution), with
        whether it pays its whole contribution into the pool (_pooled_in_full)."""
        if not self.joint_commissioners or self.pooled_budget is None or not self.pooled_budget.contributions:
            return []
        host = self.pooled_budget.host
        out: dict[str, tuple[Member, list[Member]]] = {}
        for p in self.providers:
            for h in self.service_contract_holders(p):
                if h is None or h.key == host:
                    continue
                out.setdefault(h.key, (h, []))[1].append(p)
        rows = []
        for key, (h, ps) in out.items():
            contribution = sum((c.amount for c in self.pooled_budget.contributions if c.member == key), Decimal(0))
            values = sum((self.value_with(p, h) for p in ps), Decimal(0))
            rows.append(((h, ps, values, contribution), self._pooled_in_full(key, contribution, values)))
        return rows

    def _pooled_in_full(self, key: str, contribution: Decimal, values: Decimal) -> bool:
        """Whether a contract-holding Commissioner that does not hold the pool pays its whole contribution in, the
        Pooled Budget Holder paying its Service Contracts out of the fund (Contribution.pooled_in_full; by default where
        netting its contract payments off would leave nothing of it in the pool: r43 al-earlyhelp finding 2). Only for
        a section 75 pool in England, where regulation 7(1) of S.I. 2000/617 lets payments be made out of the fund
        towards the NHS functions."""
        if not (self.section_75_pool and self.nhs_and_council_pool):
            return False
        flags = [c.pooled_in_full for c in self.pooled_budget.contributions if c.member == key]
        given = next((f for f in flags if f is not None), None)
        return given if given is not None else (contribution > 0 and contribution <= values)

    @property
    def pool_cofunders_of_lead(self) -> list[Member]:
        """The NHS Commissioners pooling with the lead council whose money helps pay for the Services the council
        arranges under its own contracts: all of them, except one that is party to its own Service Contracts and
        earmarks its contribution (applied_to) for them by naming their Providers (r43 al-earlyhelp finding 2: recital
        (A) said the council arranged services for the ICB that the ICB funds none of)."""
        holders = {h.key: ps for h, ps, _, _ in self.contract_holders_outside_pool + self.contract_holders_paid_from_pool}
        out = []
        for m in self.nhs_and_council_pool:
            words = " ".join((c.applied_to or "") for c in (self.pooled_budget.contributions if self.pooled_budget else [])
                             if c.member == m.key).lower()
            own = holders.get(m.key, [])
            if words and own and any(n and n.lower() in words for p in own for n in (p.name, p.short_name)):
                continue
            out.append(m)
        return out

    @property
    def contract_holders_paid_from_pool(self) -> list[tuple[Member, list[Member], Decimal, Decimal]]:
        """Each Commissioner other than the Pooled Budget Holder that is party to a Provider's Service Contract and
        pays its whole contribution into the pooled fund, the Pooled Budget Holder paying those Service Contracts out of
        it on its behalf: (that Commissioner, its Providers, their first-year Annual Values in total, its first-year
        contribution), as in contract_holders_outside_pool (r43 al-earlyhelp finding 2, tool note 2)."""
        return [row for row, pooled in self._contract_holders() if pooled]

    @property
    def lead_arranges_for(self) -> list[Member]:
        """Of nhs_and_council_pool, the NHS Commissioners for which the lead council arranges Services: not one whose
        whole contribution pays for the Service Contracts it holds itself (contract_holders_outside_pool), which funds
        none of the Services the council's own contracts buy (r43 al-earlyhelp note 22)."""
        own = {h.key for h, ps, values, contribution in self.contract_holders_outside_pool if contribution <= values}
        return [m for m in self.nhs_and_council_pool if m.key not in own]

    @property
    def outside_pool_by_member(self) -> dict[str, tuple[Member, list[Member], Decimal, Decimal]]:
        """contract_holders_outside_pool keyed by the Commissioner's key, for the contribution table row that says its
        instalments are net of its own Service Contract payments (r27 al-fresh finding 3)."""
        return {h.key: (h, ps, values, contribution) for h, ps, values, contribution in self.contract_holders_outside_pool}

    @property
    def outside_pool_payments(self) -> Decimal:
        """The first-year total of the payments Commissioners make under their own Service Contracts, outside the
        Pooled Budget (an aligned budget): the Pooled Budget Holder holds the contributions less this (r27 al-fresh
        finding 3)."""
        return sum((values for _, _, values, _ in self.contract_holders_outside_pool), Decimal(0))

    @property
    def funders_without_contracts(self) -> list[tuple[Member, Decimal, list[Member], list[Member]]]:
        """Each Commissioner that pays into the Pooled Budget but is party to no Provider's Service Contract (over
        contracts): (that Commissioner, its first-year contribution, the Commissioners holding the Service Contracts, the
        Providers concerned). Its money pays for Services another Commissioner has contracted for, so if its funding stops
        the contract-holder needs the right to reduce those Services (r17 al-fresh finding 6)."""
        if not self.joint_commissioners or self.pooled_budget is None:
            return []
        holders: dict[str, Member] = {}
        for p in self.providers:
            for h in self.service_contract_holders(p):
                if h is not None:
                    holders.setdefault(h.key, h)
        out = []
        for c in self.pooled_budget.contributions:
            m = self.member_by_key(c.member)
            if m is None or m.role != "commissioner" or m.key in holders or c.amount <= 0:
                continue
            out.append((m, c.amount, list(holders.values()), list(self.providers)))
        return out

    def former_contract_commissioner(self, contract: FormerContract) -> Member | None:
        """The Commissioner that let a Former Contract: the one the sheet names; with a single Commissioner, that one.
        Where several commission the services and the sheet names none, None (the draft leaves it open and
        ALLIANCE-FORMER-CONTRACT-COMMISSIONER warns): never silently the lead (r15 al-fresh finding 4)."""
        named = self.member_by_key(contract.commissioner) if contract.commissioner else None
        if named or self.joint_commissioners:
            return named
        return self.commissioner

    @staticmethod
    def pounds(text: str | None) -> str | None:
        """A phrase pasted from the term sheet with its sums written as the draft writes them: "GBP 300" and "300 GBP"
        read "£300" (r34 al-fresh2 finding 15). Nothing else changes; an empty phrase stays empty."""
        if not text:
            return text
        text = re.sub(r"\bGBP\s?(\d[\d,]*(?:\.\d{2})?)\b", r"£\1", text)
        return re.sub(r"\b(\d[\d,]*(?:\.\d{2})?)\s?GBP\b", r"£\1", text)

    def in_terms(self, text: str | None) -> str | None:
        """A phrase pasted from the term sheet into a table of the draft ("into the pooled budget ... on the first
        working day", "The term and 8 years after it ends", "reporting to the commissioners and the alliance"),
        with the lower-case names of things the draft defines read as its defined terms: "the Pooled Budget",
        "Business Day", "The Term", "the Commissioners", "the Alliance", "the Council". Nothing else changes;
        an empty phrase stays empty, so a placeholder still shows."""
        if not text:
            return text
        many = self.joint_commissioners
        words = [("pooled budget", "Pooled Budget" if self.pooled_budget else None),
                 ("alliance members", "Alliance Members"), ("alliance member", "Alliance Member"),
                 ("alliance leadership team", "ALT"), ("commissioners", "Commissioners" if many else "Commissioner"),
                 ("commissioner", "Commissioner"), ("providers", "Providers"), ("provider", "Provider"),
                 ("alliance", "Alliance"), ("term", "Term")]
        for lower, term in words:
            if term:  # only after "the", "each" or "every", so "a provider the Council appoints" keeps its sense
                text = re.sub(rf"\b([Tt]he|[Ee]ach|[Ee]very|[Oo]ther) {lower}(?![\w-])", rf"\1 {term}", text)
        for m in self._members:
            if m.takes_article and m.short_name.lower() != m.short_name:
                text = re.sub(rf"\b([Tt])he {re.escape(m.short_name.lower())}(?![\w-])", rf"\1he {m.short_name}", text)
        return re.sub(r"\bworking day(s?)\b", r"Business Day\1", text)

    @property
    def provider_payment_profile(self) -> str | None:
        """When each Provider is paid its Annual Value, as words following 'its Annual Value for each Alliance Year':
        the sheet's provider_payments or, where the host is the only contributor to the pooled budget (so its own
        'pays' words cannot describe a payment into a budget it holds itself), those words, less a leading 'to each
        Provider (under its Service Contract)'. None where the instructions do not say."""
        if self.provider_payments:
            return self.provider_payments.strip()
        pb = self.pooled_budget
        if pb and len(pb.contributions) == 1 and pb.contributions[0].member == pb.host and pb.contributions[0].pays:
            words = " ".join(pb.contributions[0].pays.split())
            words = re.sub(r"^(?:to (?:each|every) provider|to the providers)(?: under (?:its|their) service contracts?)?,?\s*",
                           "", words, flags=re.IGNORECASE)
            if re.match(r"^(?:into|to) ", words, flags=re.IGNORECASE) or re.match(r"^(?:from|as the host)\b", words, flags=re.IGNORECASE):
                return None  # a payment into the budget or a funding source, not a payment profile
            return words
        return None

    @property
    def contribution_rows(self) -> list[tuple[str, Contribution]]:
        """Each contribution to the pooled budget with its contributor's full name (the key where no member has it,
        which ALLIANCE-UNKNOWN-MEMBER reports)."""
        if not self.pooled_budget:
            return []
        names = {m.key: m.name for m in self._members}
        return [(names.get(c.member, c.member), c) for c in self.pooled_budget.contributions]

    @property
    def domestic_abuse_in_scope(self) -> bool:
        """Whether the Services include support for people affected by domestic abuse (a refuge, safe accommodation
        or specialist support), so that the draft carries the clause on domestic abuse referrals and reviews."""
        scope = " ".join([self.purpose, *self.services]).lower()
        return has_word(scope, "domestic abuse", "domestic violence", "refuge")

    @property
    def refuge_providers(self) -> list[Member]:
        """The Providers whose own services include a refuge or other safe accommodation, or support in it, e.g.
        dispersed safe homes (r16 al-sample finding 18; r32 al-fresh finding 16)."""
        return [p for p in self.providers
                if has_word(" ".join(p.delivers), "refuge", "safe accommodation", "safe home", "dispersed accommodation")]

    @property
    def part4_duty_cited(self) -> bool:
        """Whether the instructions' statutory functions already cite the Part 4 safe accommodation duty (section 57
        of the Domestic Abuse Act 2021), which recital (A) then prints (r32 al-fresh finding 16)."""
        for f in self.statutory_functions or []:
            t = str(f).lower()
            if "domestic abuse act 2021" in t and ("section 57" in t or "part 4" in t or "s.57" in t):
                return True
        return False

    @property
    def refuge_in_scope(self) -> bool:
        """Whether a refuge (or other safe accommodation at a confidential address) is among the Services."""
        scope = " ".join([self.purpose, *self.services, self.handover or ""]).lower()
        return has_word(scope, "refuge", "safe accommodation")

    @property
    def former_contracts_unlisted(self) -> list[tuple[FormerContract, Member | None]]:
        """The former contracts whose titles Part 1 of Schedule 1 does not name in the same words: some part of the
        title ('Night shelter' in 'Night shelter and day centre') shares no distinctive word (not a place name or a
        word every service shares, such as 'service' or 'people') with the services its holder delivers (or, where
        no Provider says what it delivers, with any listed service). The Schedule 1 note asks which listed Service
        each falls within (r24 al-sample finding 4)."""
        out = []
        for c in self.former_contracts:
            if c.service and self.former_contract_service(c):
                continue  # the sheet says which listed service it falls within
            holder = self.member_by_key(c.member)
            scope = (holder.delivers if holder is not None and holder.delivers else self.services) or []
            have = set().union(*(service_words(x) for x in scope)) if scope else set()
            parts = [service_words(t, titled=True, first=(i == 0)) for i, t in enumerate(re.split(r",|\band\b", re.sub(r"\([^)]*\)", " ", c.title)))]
            parts = [p for p in parts if p]
            if not all(len(p) >= 2 for p in parts):
                parts = [set().union(*parts)] if parts else []

            def named(w: str) -> bool:
                return any(w == h or (min(len(w), len(h)) >= 5 and (w.startswith(h) or h.startswith(w))) for h in have)
            aside = service_words(" ".join(re.findall(r"\(([^)]*)\)", c.title)), titled=True, first=False)
            if any(not any(named(w) for w in p | aside) for p in parts):
                out.append((c, holder))
        return out

    def former_contract_service(self, c: FormerContract) -> str | None:
        """The listed service a Former Contract's work falls within, for Schedule 1 Part 2: the sheet's own answer
        (the listed service it names, in the listed words), else the only service its holder delivers, else the one
        of the holder's services that shares the most distinctive words with the title where exactly one does; None
        where that is not clear, so the draft leaves a placeholder and the note asks (r32 al-sample finding 3).
        Sprint J1: where the holder's `delivers` is not given, the title is matched against every listed service; a
        title of several parts ('Wellbeing hubs and crisis café') gives each part's one best service, so the contract
        may fall within two or more (joined by '; '); where the title's words fit two services equally, the one that
        has them before any "linked to" or "including" (what it is, not what it relates to) is taken, if only one does."""
        if c.service:
            return next((x for x in self.services if same_service(x, c.service)), None)
        holder = self.member_by_key(c.member)
        scope = [x for x in (holder.delivers if holder is not None and holder.delivers else [])
                 if any(same_service(x, y) for y in self.services)]
        scope = [next(y for y in self.services if same_service(x, y)) for x in scope]
        if len(scope) == 1:
            return scope[0]
        scope = scope or list(self.services)

        def best_of(words: set[str]) -> tuple[int, list[str]]:
            scored = [(len(words & service_words(x)), x) for x in scope]
            best = max((n for n, _ in scored), default=0)
            return best, [x for n, x in scored if n == best]

        plain = re.sub(r"\([^)]*\)", " ", c.title)
        parts = [service_words(t, titled=True, first=(i == 0)) for i, t in enumerate(re.split(r",|;|&|\band\b", plain))]
        picks = [best_of(w) for w in parts if w]
        if len(picks) > 1 and all(len(top) == 1 for n, top in picks if n) and any(n for n, _ in picks):
            found = {top[0] for n, top in picks if n}
            return "; ".join(x for x in scope if x in found)
        words = service_words(plain, titled=True)
        best, top = best_of(words)
        if best and len(top) > 1:  # a tie: words after "linked to" or "including" say what a service relates to, not what it is
            core = [x for x in top if words & service_words(SERVICE_RELATION.split(x, 1)[0])]
            top = core if len(core) == 1 else top
        return top[0] if best and len(top) == 1 else None

    @property
    def former_contract_services_unknown(self) -> list[FormerContract]:
        """The Former Contracts whose listed service the draft cannot tell (no `service` given and no single match)."""
        return [c for c in self.former_contracts if self.former_contract_service(c) is None]

    @property
    def former_contract_service_mismatch(self) -> list[FormerContract]:
        """The Former Contracts whose `service` names no listed service in the same words."""
        return [c for c in self.former_contracts
                if c.service and not any(same_service(x, c.service) for x in self.services)]

    @property
    def services_given_twice(self) -> list[tuple[str, list[Member]]]:
        """The services listed for more than one Provider that do not say they are joint or shared (a joint panel, a
        single point of access): the Schedule 1 note asks whether each is one service split between them or two, as
        the budgets, KPI gates and Exit Plan depend on it (r19 al-fresh finding 10)."""
        joint = re.compile(r"\b(joint|jointly|shared|single point|partnership|together)\b", re.I)
        split = self.services_split_by_line
        return [(svc, provs) for svc, provs in self.service_providers if len(provs) > 1 and not joint.search(svc)
                and svc not in split]

    @property
    def providers_without_gates(self) -> list:
        """The Providers the kpi_gates list does not name (gated by every KPI): the notes mention that default only
        where some Provider is left out (r19 al-fresh finding 12)."""
        listed = {g.member for g in self.kpi_gates}
        return [m for m in self.providers if m.key not in listed]

    @property
    def kpi_gates_listed(self) -> list[tuple[Member, list[int]]]:
        """The Providers the kpi_gates list names, each with its KPIs, for the note that tells the client the Providers
        left out are gated by those KPIs too (r20 al-fresh finding 12)."""
        out = []
        for g in self.kpi_gates:
            m = self.member_by_key(g.member)
            if m is not None:
                out.append((m, sorted(set(g.kpis))))
        return out

    @property
    def baselines_to_set(self) -> list[tuple[int, str | None, dt.date | None, dt.date | None, dt.date | None]]:
        """Each KPI with no baseline yet (no trajectory): (number, the period its baseline is measured over as the
        draft words it, the days that period starts and ends, the day by which the ALT must record it), so that Part 3 of the
        Outcomes Schedule fixes when a baseline the sheet leaves to be measured is set (r26 al-fresh finding 14).
        "the first two quarters of 2027/28" is read as the first two quarters of the Alliance Year starting in 2027;
        the ALT then has two months after that period ends (after the lag, for a KPI measured a number of months after
        an event: r37 al-fresh finding 9). Where the sheet's words cannot be read that way, the
        period and the day are None and the draft brackets a proposed deadline."""
        out = []
        words_n = {"one": 1, "two": 2, "three": 3, "four": 4}
        start = self.term.start
        for t in self.trajectories:
            if t.levels:
                continue
            k = self.kpis[t.number - 1]
            m = re.search(r"\bfirst (?:(one|two|three|four|\d) )?quarters? of (?:(?:the )?(?:financial |alliance )?year )?(\d{4})/\d{2}\b",
                          k.baseline or "", re.I)
            whole = re.search(r"\b(first (?:alliance )?year|year 1|first 12 months)\b", k.baseline or "", re.I)
            if m and int(m.group(2)) == start.year:
                said = (m.group(1) or "one").lower()
                n = words_n.get(said) or int(said)
                end = add_months(start, 3 * n) - dt.timedelta(days=1)
                due = add_months(end.replace(day=1), 3 + self._kpi_lag_months(t.number)) - dt.timedelta(days=1)
                period = "the first quarter of Year 1" if n == 1 else f"the first {said} quarters of Year 1"
                out.append((t.number, period, start, end, due))
            elif whole:  # "the first year sets it": measured over the whole of Year 1
                end = add_months(start, 12) - dt.timedelta(days=1)
                due = add_months(end.replace(day=1), 3 + self._kpi_lag_months(t.number)) - dt.timedelta(days=1)
                out.append((t.number, "Year 1", start, end, due))
            else:
                out.append((t.number, None, None, None, None))
        return out

    def kpi_lag(self, number: int) -> tuple[int, str] | None:
        """Where a KPI measures each case a number of months after an event ("still in settled accommodation 6 months
        after moving on"): (the months, the words as the sheet gives them), so that a baseline measured over a period
        counts the cases in that period at that point and is recorded after it (r37 al-fresh finding 9); else None."""
        words = {"one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "nine": 9, "twelve": 12, "eighteen": 18}
        measure = self.kpis[number - 1].measure or ""
        m = re.search(r"\b(\d{1,2}|one|two|three|four|six|nine|twelve|eighteen) months? (?:after|from|following) [^,;()]+",
                      measure, re.I)
        if not m:
            return None
        n = int(m.group(1)) if m.group(1).isdigit() else words[m.group(1).lower()]
        return (n, m.group(0).strip()) if 0 < n <= 24 else None

    def _kpi_lag_months(self, number: int) -> int:
        lag = self.kpi_lag(number)
        return lag[0] if lag else 0

    @property
    def point_in_time_kpis(self) -> list[tuple[int, str]]:
        """Each KPI reported more often than yearly whose figure is taken at the end of each period ("at the quarter
        end"): (number, "quarter" | "month"). Its figure for an Alliance Year is the one at the last period end of the
        year, so neither the rate-over-the-year rule nor the averaging rule for point-in-time counts decides it (r26
        al-fresh finding 15)."""
        out = []
        for i, k in enumerate(self.kpis, start=1):
            # "at the quarter end", "at the end of each quarter", "the position on the last day of each quarter"
            # (r35 al-fresh finding 1), "quarter-end count"
            snapshot = (r"\b(?:at|on|as at) (?:the |each |every )?(quarter|month)[- ]end\b"
                        r"|\b(?:at|on|as at) the (?:end|last day) of (?:each|the|every) (quarter|month)\b"
                        r"|\b(quarter|month)[- ]end (?:position|count|figure|snapshot)\b")
            m = re.search(snapshot, k.measured_over or "", re.I)
            over = (k.measured_over or "").lower()
            if not m and not re.search(r"\b(rolling|year|annual|annually|12 months|twelve months)\b", over):
                # the measure itself says it is a snapshot ("(snapshot on the last day of the quarter)") and the
                # 'measured over' words are a period, not a year: one rule per KPI, the snapshot's, rather than both
                # the rate-over-the-year and the averaging rule (r44d al-youthhousing finding 3)
                m = re.search(snapshot, str(k.measure), re.I)
            if m:
                out.append((i, next(g for g in m.groups() if g).lower()))
        return out

    @property
    def kpi_sources(self) -> list[tuple[int, str]]:
        """Each KPI with the data source or definition the sheet gives for it: (number, its words), for Part 2 of
        Schedule 2 (r44d al-homefirst finding 6)."""
        return [(i, k.data_source) for i, k in enumerate(self.kpis, start=1) if k.data_source]

    @property
    def gate_kpis_without_source(self) -> list[int]:
        """The KPIs that gate some Provider's share of Gain and have no data source or definition in the sheet, for the
        Schedule 2 note to ask for each (r44d al-homefirst finding 6)."""
        if not self.gain_gated:
            return []
        gating = sorted({n for _, kpis in self.kpi_gate_rows for n in kpis})
        return [n for n in gating if 1 <= n <= len(self.kpis) and not self.kpis[n - 1].data_source]

    @property
    def kpi_second_limbs(self) -> list[tuple[int, str]]:
        """Each KPI whose target has a second limb after its level ('Fewer than 150 nights a year by 2029/30, and no
        placement longer than 14 nights') that none of its levels in Part 3 repeats: (number, the limb's words), so
        that Part 3 says the KPI is met only when both are met (r44d al-youthhousing finding 4)."""
        out = []
        for t, k in zip(self.trajectories, self.kpis):
            m = re.search(r"(?:,\s*|;\s*|\s)and\s+((?:no|none|nobody|every|each|all|at least|not more|no more|fewer|less|"
                          r"more|over|under|within)\b[^;]*?\d[^;]*?)\s*\.?$", str(k.target), re.I)
            if not m:
                continue
            limb = m.group(1).strip()
            if any(limb.lower() in str(level).lower() for level in (t.levels or [])):
                continue
            out.append((t.number, limb))
        return out

    @property
    def two_figure_levels(self) -> list[tuple[int, str]]:
        """Each KPI one of whose levels in Part 3 gives two figures ('125, 80%': a number and a rate): (number, the first
        such level), so that Part 3 says both must be met and a rule warns that the KPI is better split in two (r44d
        al-substance F2)."""
        out = []
        for t in self.trajectories:
            for level in t.levels or []:
                bare = re.sub(r"(\d),(\d{3})\b", r"\1\2", str(level or ""))  # '1,700' is one figure
                if re.search(r"\b(?:between|from)\b|\d\s*(?:-|–|to)\s*\d", bare, re.I):
                    continue  # a range ('between 10 and 20', '10-20') is one level
                if re.fullmatch(r"\D{0,20}?\d[\d.]*\s*%?[^,;\d]{0,30}(?:,|;|\band\b)\s*\D{0,20}?\d[\d.]*\s*%?.*", bare):
                    out.append((t.number, str(level)))
                    break
        return out

    @property
    def rolling_kpis(self) -> list[int]:
        """The numbers of the KPIs whose "Measured over" period is a rolling 12 months: the Improvement Plan trigger
        judges them on that rolling figure, so the year-to-date pro rata rule for yearly totals must not reach them
        (r28 al-fresh finding 6(d))."""
        return [i for i, k in enumerate(self.kpis, start=1)
                if re.search(r"\brolling\b", k.measured_over or "", re.I)]

    @property
    def gates_waiting_for_baselines(self) -> list[tuple[Member, list[int], list[int]]]:
        """Each Provider whose Gain gate includes a KPI with no baseline yet (no trajectory, so not counted until the ALT
        records it): (Provider, those KPIs, the gate KPIs that count meanwhile), for the Schedule 2 note to tell it
        (r25 al-fresh finding 18)."""
        if not self.gain_gated:
            return []
        waiting = {t.number for t in self.trajectories if not t.levels}
        out = []
        for m, kpis in self.kpi_gate_rows:
            missing = [n for n in kpis if n in waiting]
            if missing:
                out.append((m, missing, [n for n in kpis if n not in waiting]))
        return out

    @property
    def gain_gated(self) -> bool:
        """Whether the draft gates a Provider's share of Gain on the KPIs: only where the sheet says so (gain_gate
        true, or kpi_gates given and gain_gate not false) and there are KPIs to gate on (r18b al-fresh finding 2)."""
        if not self.kpis or self.gain_gate is False:
            return False
        return bool(self.gain_gate or self.kpi_gates)

    @property
    def kpi_gate_rows(self) -> list[tuple[Member, list[int]]]:
        """Each Provider with the numbers of the KPIs that gate its share of Gain: those listed under kpi_gates,
        or every KPI for a Provider not listed (r17 al-sample finding 7)."""
        listed = {g.member: sorted(set(g.kpis)) for g in self.kpi_gates}
        every = list(range(1, len(self.kpis) + 1))
        return [(m, listed.get(m.key, every)) for m in self.providers]

    @property
    def gate_figure_kpis(self) -> dict[str, list[int]]:
        """The KPIs that gate some Provider's share of Gain, by whose figure judges the gate: 'provider' (the figure for
        that Provider's own services), 'alliance' (the Alliance-wide figure) and 'unsaid' (the sheet does not say),
        each a sorted list of KPI numbers (r43 al-domabuse finding 8, r42 al-extracare finding 14)."""
        out: dict[str, list[int]] = {"provider": [], "alliance": [], "unsaid": []}
        if not self.gain_gated:
            return out
        gating = sorted({n for _, kpis in self.kpi_gate_rows for n in kpis if n <= len(self.kpis)})
        for n in gating:
            out[self.kpis[n - 1].gate_figure or "unsaid"].append(n)
        return out

    @property
    def in_house_no_transfer_rows(self) -> list[tuple[Member, Member, InHouseNoTransfer]]:
        """Each in-house team whose work a Provider takes over with no transfer of staff expected: (the member whose
        team it was, the Provider, the entry) (r43 al-domabuse finding 11)."""
        out = []
        for t in self.in_house_no_transfer:
            src = self.member_by_key(t.from_member) if t.from_member else self.commissioner
            to = self.member_by_key(t.to)
            if src is not None and to is not None:
                out.append((src, to, t))
        return out

    @property
    def every_kpi_gates(self) -> bool:
        """Whether every KPI gates some Provider's share of Gain, so that a deadlock power over KPIs "that do not gate
        a share of Gain" reaches none of them (r43 al-domabuse finding 14)."""
        if not self.gain_gated:
            return False
        gating = {n for _, kpis in self.kpi_gate_rows for n in kpis}
        return all(n in gating for n in range(1, len(self.kpis) + 1))

    @property
    def alliance_figure_gates(self) -> list[tuple[Member, list[int]]]:
        """Each Provider gated by a KPI judged on the Alliance-wide figure, with those KPIs' numbers: the note warns
        that its Gain then turns on other Providers' work, which it may not be able to move."""
        whole = set(self.gate_figure_kpis["alliance"])
        out = []
        for m, kpis in self.kpi_gate_rows:
            mine = [n for n in kpis if n in whole]
            if mine:
                out.append((m, mine))
        return out

    @property
    def lagged_gate_kpis(self) -> list[int]:
        """The KPIs gating some Provider's Gain whose figure looks back past the period it is reported for: a cohort
        that started a year or more earlier ('tenancies started in the 12 months ending a year before the quarter
        end'), or an outcome held for a period after the event ('still held 12 months later', 'held for at least 6
        months'). In the first Alliance Year their figure counts mainly people or events from before the Alliance
        started, so the clause leaves them out of the gate for that year (r38d al-mh finding 3)."""
        if not self.gain_gated:
            return []
        gating = {n for _, kpis in self.kpi_gate_rows for n in kpis}
        lag = re.compile(r"\b(?:a year|one year|\d+ (?:months|years)|twelve months|six months) (?:before|earlier|later|after)\b"
                         r"|\bstill (?:held|in (?:their|the) (?:home|tenancy|work|job))\b|\bheld for at least\b"
                         r"|\bsustained for (?:at least )?\d+\b", re.I)
        return [i for i, k in enumerate(self.kpis, start=1)
                if i in gating and lag.search(" ".join([k.measure, k.measured_over or ""]))]

    @property
    def lag_ungated_providers(self) -> list[Member]:
        """The Providers every one of whose gating KPIs looks back (lagged_gate_kpis), so that their first year's Gain is
        not gated at all: the note says so."""
        lagged = set(self.lagged_gate_kpis)
        return [m for m, kpis in self.kpi_gate_rows if kpis and lagged and set(kpis) <= lagged]

    @property
    def case_system(self) -> Member | None:
        """The member hosting the shared case system, if the term sheet names one that exists."""
        return next((m for m in self._members if m.key == self.case_system_host), None)

    @property
    def patient_record_users(self) -> list[Member]:
        """The members named in patient_record_access (other than the host), in the order given."""
        out = [self.member_by_key(k) for k in self.patient_record_access]
        return [m for m in out if m is not None and m is not self.patient_record]

    @property
    def patient_record(self) -> Member | None:
        """The member whose own electronic patient record the other members' staff may access (r21 al-fresh 4)."""
        return next((m for m in self._members if m.key == self.patient_record_host), None) if self.patient_record_host else None

    @property
    def target_cost_reserved(self) -> bool:
        """Whether setting or approving the Target Cost is one of the agreed Reserved Matters, so that the risk/reward
        clause says it is set by every member's agreement rather than by the ordinary majority of clause 9."""
        return any(re.search(r"\btarget cost", m, re.I) for m in self.decisions.reserved_matters)

    @property
    def reserved_matter_segments(self) -> list[list[tuple[str, str]]]:
        """Each Reserved Matter as pieces for the decisions clause to print with the draft's own terms and references
        (r18b al-fresh finding 7): ("text", words); ("target", "") for "Target Cost", which the clause follows with
        "(other than as clause 12.2 provides)" where only changing it is reserved, so the indexed Target Cost needs no
        vote; ("shares", "Gain and Pain" | "Gain or Pain" | "Gain" | "Pain") for the shares (r43 al-domabuse note 12: "the
        shares of Gain or Pain" was split by the reference after "Gain"), which the clause follows with a reference
        to the Schedule that sets them; ("cap", anchor) for the sheet's "Commissioner's cap" where the Commissioners'
        Pain is a fixed amount, printed with a reference to the risk and reward clause that sets it (sprint J1)."""
        out = []
        pattern = re.compile(r"\bTarget Cost\b|\bshares of (Gain and Pain|Gain or Pain|Gain|Pain)\b"
                             + (r"|(\b(?:the|either|each|a|any) Commissioners?(?:'s|')? (?:cap|limit|amount)s?(?: (?:on|of) (?:its own )?Pain)?\b)" if self.risk_reward.commissioner_pain.basis == "fixed_amount" else ""))
        for m in self.reserved_matters:
            pieces, at = [], 0
            for hit in pattern.finditer(m):
                if hit.start() > at:
                    pieces.append(("text", m[at:hit.start()]))
                if hit.lastindex == 2:  # the Commissioners' amount of Pain, set by the risk and reward clause (sprint J1)
                    pieces.append(("cap", "caps" if self.commissioner_caps else
                                   ("commissioner" if self.providers_bear_excess else "stop-loss")))
                    at = hit.end()
                    continue
                pieces.append(("shares", hit.group(1)) if hit.group(1) else ("target", ""))
                at = hit.end()
                if hit.group(1):  # the sheet's own pointer to the Schedule gives way to the draft's reference
                    own = SHARES_PLACE.match(m, at)
                    at = own.end() if own else at
            if at < len(m):
                pieces.append(("text", m[at:]))
            out.append(pieces)
        return out

    @property
    def admission_reserved(self) -> bool:
        """Whether admitting a new member is one of the agreed Reserved Matters, so that the clause listing what else
        needs every member says so instead of listing admission again (r18b al-fresh finding 6)."""
        return any(re.search(r"\b(admit\w*|admission|new (alliance )?member|join(?:s|ing|ed)?)\b", m, re.I)
                   for m in self.decisions.reserved_matters)

    @property
    def commissioners_may_join(self) -> bool:
        """Whether the Accession Deed must let a commissioning body join as a Commissioner (r20 al-fresh finding 5): as
        the sheet says, or, where it is silent, where a reserved matter on admitting a member names a council or an NHS
        body (an integrated care board, an NHS trust)."""
        if self.commissioner_accession is not None:
            return self.commissioner_accession
        if self.joining_commissioner:
            return True
        return any(re.search(r"\b(admit\w*|admission|new (alliance )?member|join(?:s|ing|ed)?)\b", m, re.I)
                   and re.search(r"\b((?i:council|integrated care board|combined authority)|ICB|NHS)\b", m)
                   for m in self.decisions.reserved_matters)

    @property
    def bcf_money(self) -> bool:
        """Whether the sheet says that Better Care Fund money pays for the Services (r25 al-fresh finding 8): its own
        funding words, or a contribution to the Pooled Budget whose words name it."""
        words = " ".join([self.funding or "", *(c.pays or "" for c in (self.pooled_budget.contributions
                                                                       if self.pooled_budget else []))])
        return bool(re.search(r"\bbetter care fund\b|\bBCF\b", words, re.I))

    @property
    def central_grant_commissioner(self) -> Member | None:
        """The Commissioner that receives the central government grant: the lead Commissioner where it is a council,
        else the first council Commissioner (sprint J1: with two Commissioners, "the Commissioner" in the central
        grant clause must name the one whose grant it is)."""
        councils = [c for c in self.commissioners if getattr(c.legal_form, "value", c.legal_form) == "local_authority"]
        lead = self.commissioner
        return lead if lead in councils else (councils[0] if councils else None)

    @property
    def grant_funded_lines(self) -> list[tuple[Member, ServiceLine, Decimal, Decimal]]:
        """Every Provider's service lines with the part the central grant pays for and the part the Commissioner pays
        for, where any line gives grant_funded and a central grant pays for the Services (r43 al-domabuse finding 1,
        al-careleavers finding 3); empty otherwise. A line without grant_funded is wholly Commissioner-funded."""
        if not self.central_grant_funded or not any(line.grant_funded is not None for _, line in self.service_line_budgets):
            return []
        return [(p, line, Decimal(line.grant_funded or 0), Decimal(line.annual_value) - Decimal(line.grant_funded or 0))
                for p, line in self.service_line_budgets]

    @property
    def grant_funded_values(self) -> list[tuple[Member, Decimal]]:
        """Each Provider's Grant-Funded Annual Value for the first Alliance Year (the total of its lines' grant-funded
        parts), for the Providers with any; empty where no line gives grant_funded."""
        out: list[tuple[Member, Decimal]] = []
        for p in self.providers:
            total = sum((g for q, _, g, _ in self.grant_funded_lines if q is p), Decimal(0))
            if total:
                out.append((p, total))
        return out

    @property
    def central_grant_cliff(self) -> dt.date | None:
        """The date the central grant is confirmed to (central_grant_ends) where it falls before the Term ends, else
        None (r44 al-dayops F11)."""
        ends = self.central_grant_ends
        return ends if ends and self.central_grant_funded and ends < self.term.end else None

    @property
    def outside_price_setting(self) -> list[str]:
        """The prices for services sold outside the Alliance that the members are to agree: the sheet's outside_prices
        and any Reserved Matter on rates, prices or fees for places bought with direct payments or by self-funders
        (r44 al-dayops F3)."""
        out = [self.outside_prices] if self.outside_prices else []
        for m in self.decisions.reserved_matters:
            if (re.search(r"\b(?:rates?|prices?|fees?|charges?|tariffs?)\b", m, re.I)
                    and re.search(r"\bdirect payments?\b|\bself[- ]fund|\bpersonal budgets?\b|\bown money\b|\bprivately\b",
                                  m, re.I)):
                out.append(m[0].lower() + m[1:])
        return out

    @property
    def grant_funded_total(self) -> Decimal:
        """The total of the Grant-Funded Annual Values for the first Alliance Year (0 where no line gives any)."""
        return sum((g for _, g in self.grant_funded_values), Decimal(0))

    @property
    def central_grant_funded(self) -> bool:
        """Whether a grant from central government pays for some of the Services of an English council Commissioner:
        the sheet's central_grant, or funding words naming a government department (or Minister) and a grant. The
        central grant clause then flows its conditions down, lets the council cut the Annual Values pro rata on notice
        and limits its liability for those Services to the grant received (sprint G3 finding 4)."""
        if not any(getattr(c.legal_form, "value", c.legal_form) == "local_authority" for c in self.commissioners):
            return False
        if self.central_grant:
            return True
        words = " ".join([self.funding or "", *(c.pays or "" for c in (self.pooled_budget.contributions
                                                                       if self.pooled_budget else []))])
        return bool(re.search(r"\bgrants?\b", words, re.I) and CENTRAL_FUNDER.search(words))

    @property
    def public_health_grant(self) -> bool:
        """Whether the sheet says that the public health grant (the ring-fenced grant paid to English councils under
        section 31 of the Local Government Act 2003) pays for some of the Services: its funding words, or a
        contribution's. The service planning clause then lets the council meet the grant's conditions (r29 al-fresh
        finding 9)."""
        words = " ".join([self.funding or "", *(c.pays or "" for c in (self.pooled_budget.contributions
                                                                       if self.pooled_budget else []))])
        return bool(re.search(r"\bpublic health (?:ring[- ]?fenced )?grant\b", words, re.I))

    @property
    def for_young_people(self) -> bool:
        """Whether the alliance's purpose is services for young people (it names young people and no adult client group; "trusted adults" and "young adults" do not count): recital
        (A) and the involvement duty then speak of young people and their parents and carers, not of people who need
        services and their carers (r29 al-fresh finding 12)."""
        purpose = self.purpose or ""
        return bool(re.search(r"\byoung (?:people|person)\b", purpose, re.I)) and not re.search(
            r"(?<!young )(?<!trusted )\badults?\b|\bolder people\b", purpose, re.I)

    @property
    def carers_core(self) -> bool:
        """Whether the alliance's purpose is support for unpaid carers themselves (carers are named among the first few
        words of the purpose: 'identify and support unpaid carers of all ages'), so that the involvement duty speaks of
        the carers who use the Services rather than of people who use them and their carers, or of young people
        (r34 al-fresh finding 10). 'Support people with dementia and their carers' is not."""
        return bool(re.match(r"\W*(?:[\w'-]+\s+){0,4}(?:unpaid\s+|young\s+|adult\s+|family\s+)?carers\b",
                             self.purpose or "", re.I))

    # Bodies through which people who use the Services are involved, as the services name them ("the Castlebridge
    # Youth Council", "the Young Inspectors programme").
    _INVOLVEMENT = re.compile(r"\b(?:the )?(?:[A-Z][\w'-]+ )*(?:Youth (?:Council|Forum|Parliament|Cabinet|Board|Panel)|"
                              r"Young Inspectors|Children in Care Council|Experts by Experience|Lived Experience (?:Panel|Board|Forum))\b")

    @property
    def involvement_bodies(self) -> list[str]:
        """The involvement bodies the services or purpose name, each once with 'the', for the involvement duty."""
        out: list[str] = []
        for line in [self.purpose or "", *self.services]:
            for m in self._INVOLVEMENT.finditer(line):
                name = m.group(0)
                name = name if name.lower().startswith("the ") else "the " + name
                if name.lower() not in {o.lower() for o in out}:
                    out.append(name)
        return out

    def _involvement_sources(self) -> list[tuple[str, list[str]]]:
        """The sheet's texts in which it may name its own involvement body, in the order the draft reads them."""
        return [("purpose", [self.purpose or ""]), ("services", list(self.services)),
                ("running costs", list(self.running_costs_include)),
                ("communication", [str(i) for i in self.communication_requirements]),
                ("interfacing", list(self.interfacing_arrangements))]

    @property
    def involvement_group_found(self) -> tuple[str, str] | None:
        """(name, where) of the standing group of people who use the Services that the sheet names: its
        involvement_group field, else the first such group in the purpose, the services, running_costs_include, the
        communication requirements or the interfacing arrangements (r37 al-fresh finding 6; r40 al-ld finding 3: "the
        Brackenfold Speak Up Reference Group" named only among the running costs and the interfacing arrangements).
        A body counts where the sheet calls it by a capitalised proper name ending in Group, Forum, Panel, Board,
        Council or Network whose words or context say it is of people who use services, or by one of the usual kinds
        ("young people's advisory panel"). The longest form of the name the sheet uses anywhere is taken ("Speak Up
        Reference Group" -> "Brackenfold Speak Up Reference Group"). The name is title-cased for the defined term;
        None where the sheet names no group."""
        if self.involvement_group:
            return split_involvement_group(self.involvement_group)["name"], "involvement_group"
        sources = self._involvement_sources()
        for where, lines in sources:
            for line in lines:
                found = []
                m = _INVOLVEMENT_GROUP.search(line)
                if m:
                    words = m.group(1).split()
                    while words and words[0].lower() in ("the", "a", "an", "our", "its"):
                        words = words[1:]
                    found.append(" ".join(w if w[:1].isupper() else w[:1].upper() + w[1:] for w in words))
                found += [n for n in proper_group_names(line) if involvement_body(n, line)]
                if found:
                    name = max(found, key=len)
                    longer = [n for _, ls in sources for ln in ls for n in proper_group_names(ln)
                              if n.endswith(" " + name)]
                    return (max(longer, key=len) if longer else name), where
        return None

    @property
    def involvement_group_facts(self) -> dict:
        """What the sheet's own words say about its involvement body, for the definition and the notes (r40
        al-shortbreaks finding 1: "the Wrenmoor Parent Carer Forum" is an independent forum of parent carers which the
        Council funds by grant outside the alliance, not a group of young people who use the Services): 'kind' (the
        last word of its name: forum, panel, group ...), 'members' (the sheet's words after "<name> of", else what the
        name says: parent carers, carers, young people, families; None where neither says), 'runs' (the Commissioner
        that runs it, where the sheet says "which the Council runs"), 'funds' (the Commissioner whose grant or funding
        of it the interfacing arrangements list, so it is funded outside this Agreement), 'grant' (that funding is a
        grant), 'independent' (the sheet calls it independent, or it is funded by grant)."""
        name = self.involvement_group_name
        if not name:
            return {}
        lines = [ln for _, ls in self._involvement_sources() for ln in ls if name.lower() in ln.lower()]
        esc = re.escape(name)
        own = split_involvement_group(self.involvement_group) if self.involvement_group else {}
        members = own.get("members")
        for ln in lines if members is None else []:
            m = re.search(esc + r"\s*,?\s+of\s+(.+?)(?=\s*,?\s+(?:which|that|who|whose|run|funded|set up)\b|;|\.\s|\.$|$)",
                          ln, re.I)
            if m and not re.match(r"(?:those|them|it|us|all|any|each)\b", m.group(1), re.I):
                members = m.group(1).strip(" ,")
                break
        if members is None:
            for pat, words in ((r"\bparent carers?\b", "parent carers"), (r"\bcare leavers?'?", "care leavers"),
                               (r"\bcarers?\b", "carers"),
                               (r"\b(?:youth|young people)\b", "young people"), (r"\bfamil(?:y|ies)\b", "families"),
                               (r"\btenants?\b", "tenants"), (r"\bresidents?\b", "residents"),
                               (r"\bpatients?\b", "patients"), (r"\bsurvivors?\b", "survivors")):
                if re.search(pat, name, re.I):
                    members = words
                    break

        def council_in(text: str) -> Member | None:
            for c in self.commissioners:
                if any(w and re.search(r"\b" + re.escape(w) + r"\b", text, re.I)
                       for w in (c.name, c.short_name, c.defined.removeprefix("the "))):
                    return c
            return self.commissioner if re.search(r"\b(?:council|commissioner)\b", text, re.I) else None

        def member_in(text: str) -> Member | None:
            # who runs the group may be any member ("which Kite runs"), a Commissioner first
            for c in [*self.commissioners, *[m for m in self._members if m.role != "commissioner"]]:
                if any(w and re.search(r"\b" + re.escape(w) + r"\b", text, re.I)
                       for w in (c.name, c.short_name, c.defined.removeprefix("the "))):
                    return c
            return council_in(text)

        runs = member_in(own["runner"]) if own.get("runner") else None
        # a body outside the Alliance that runs it ("which Healthwatch Hollinsford runs for the Alliance"): kept by name
        # (r44d al-homefirst finding 15)
        runs_name = None
        if runs is None and own.get("runner") and own["runner"][:1].isupper():
            runs_name = own["runner"]
        funds = None
        grant = independent = False
        for ln in lines:
            m = re.search(esc + r".*?\b(?:which|that)\s+(.{1,60}?)\s+(?:runs|hosts|supports|administers)\b", ln, re.I)
            if m and runs is None:
                runs = council_in(m.group(1))
                if runs is None and runs_name is None and m.group(1)[:1].isupper():
                    runs_name = m.group(1).strip()
            if re.search(r"\bindependent\b", ln, re.I):
                independent = True
        for ln in self.interfacing_arrangements:
            if name.lower() in ln.lower() and re.search(r"\b(?:grants?|fund(?:s|ed|ing)?)\b", ln, re.I):
                funds = council_in(ln) or self.commissioner
                grant = grant or bool(re.search(r"\bgrants?\b", ln, re.I))
        kind = own.get("kind") or (name.split()[-1].lower() if name.split()[-1].lower() in _GROUP_KINDS else "group")
        return {"kind": kind, "members": members, "runs": runs, "runs_name": None if runs else runs_name,
                "funds": funds, "grant": grant,
                "independent": independent or grant}

    @property
    def lots_one_each(self) -> bool | None:
        """Whether the sheet shows one lot for each Provider (r40 al-ld finding 9: a Provider holding two lots, or two
        sharing one, is not "one for each Provider"): read from the former contracts' titles and references ("Lot 3
        spot purchasing"); True where each Provider holds exactly one lot and no two share one, and the lots number
        award_lots; False where they show otherwise; None where they name no lot (recital (C) then brackets the words
        for the client to confirm)."""
        held: dict[str, set[str]] = {}
        for c in self.former_contracts:
            for lot in re.findall(r"\bLot\s*(\d+|[A-Z])\b", f"{c.title} {c.reference or ''}", re.I):
                held.setdefault(c.member, set()).add(lot.upper())
        if not held:
            return None
        lots = [lot for ls in held.values() for lot in ls]
        return (all(len(ls) == 1 for ls in held.values()) and len(set(lots)) == len(lots)
                and {p.key for p in self.providers} <= set(held) and len(lots) == (self.award_lots or 0))

    @property
    def involvement_group_name(self) -> str | None:
        """The defined term under which the draft names the sheet's own involvement group, or None."""
        found = self.involvement_group_found
        return found[0] if found else None

    @property
    def involvement_bodies_besides_group(self) -> list[str]:
        """The involvement bodies (involvement_bodies) other than the one the draft defines as the group the ALT
        consults, so that the involvement duty names that group once."""
        name = (self.involvement_group_name or "").lower()
        return [b for b in self.involvement_bodies if re.sub(r"^the ", "", b.lower()) != name]

    # Services in which the people using them make their own creative work.
    _CREATIVE = re.compile(r"\b(?:creative|arts?|music|drama|theatre|dance|film[- ]?making|photography|media production|"
                           r"writing|poetry|podcasts?)\b", re.I)

    @property
    def participant_creative_work(self) -> bool:
        """Whether a service is one in which the people taking part make their own creative work (arts, music, drama):
        the definition of Alliance Materials then leaves their work out (r29 al-fresh finding 10)."""
        return any(self._CREATIVE.search(s) for s in self.services)

    @property
    def handover_to_pcn(self) -> bool:
        """Whether the agreed handover sends work to a primary care network, which is not a legal person and so cannot
        take a contract or staff (r25 al-fresh finding 17)."""
        return bool(re.search(r"\bprimary care networks?\b|\bPCNs?\b", self.handover or "", re.I))

    @property
    def joining_nhs_body(self) -> bool | None:
        """Whether the commissioning body expected to join is an NHS body (True), is named and is not one (False), or
        is not named (None), so that the Accession Deed's note gives the section 75 pooling route only where it can
        apply (r25 al-fresh finding 1)."""
        nhs = r"\b(ICB|NHS|(?i:integrated care board|health board|foundation trust))\b"
        if self.joining_commissioner:
            return bool(re.search(nhs, self.joining_commissioner))
        named = [m for m in self.decisions.reserved_matters
                 if re.search(r"\b(admit\w*|admission|new (alliance )?member|join(?:s|ing|ed)?)\b", m, re.I)]
        if any(re.search(nhs, m) for m in named):
            return True
        if any(re.search(r"\b(council|combined authority)\b", m, re.I) for m in named):
            return False
        return None

    @property
    def charging_council(self) -> Member | None:
        """Where a Reserved Matter concerns charging people for the services and a council commissions them: that
        council, whose statutory charging function the Reserved Matter must not fetter (r18 al-fresh finding 4)."""
        if not any(re.search(r"\bcharg(e|es|ed|ing)\b", m, re.I) for m in self.decisions.reserved_matters):
            return None
        councils = [c for c in self.commissioners if c.legal_form == "local_authority"]
        return next((c for c in councils if c.key == self.lead_commissioner), councils[0] if councils else None)

    @property
    def annual_plan_reserved(self) -> bool:
        """Whether adopting, approving or changing the Annual Plan is itself an agreed Reserved Matter (r36 al-fresh
        finding 3): a matter that only mentions the Annual Plan as a limit ("commits the budget beyond the Annual
        Plan") does not reserve the Plan, so the decisions note must not tell the client that it does."""
        for m in self.decisions.reserved_matters:
            if not re.search(r"\bannual plans?\b", m, re.I):
                continue
            if re.search(r"\b(beyond|outside|over|above|exceeds?|not in|not within|not provided for in)\s+(the|an|each|any)\s+annual plans?\b", m, re.I):
                continue
            return True
        return False

    @property
    def target_cost_change_reserved(self) -> bool:
        """Whether the agreed Reserved Matter is only CHANGING the Target Cost (not setting or approving it): then
        each year's Target Cost follows the Annual Values (the formula) without a vote, and only a different
        figure needs every member, so that no member has a yearly veto under majority voting."""
        for m in self.decisions.reserved_matters:
            if re.search(r"\btarget cost", m, re.I):
                if re.search(r"\b(set|setting|approv\w*|agree\w*|annual)\b", m, re.I):
                    return False
                if not re.search(r"\b(chang\w*|vary|varying|variation|amend\w*|alter\w*)\b", m, re.I):
                    return False
        return self.target_cost_reserved

    @property
    def closure_matters(self) -> list[str]:
        """The agreed Reserved Matters on closing, reducing or ending a service or a place (r27 al-fresh finding 8),
        as the draft prints them: the decisions clause then gives a change that follows a cut in a Commissioner's
        funding one route (the revised Annual Plan, by the ordinary rule), says that moving services under the Exit
        Plan is not closing them, and its note asks for the places to be named."""
        return [w for m, w in zip(self.decisions.reserved_matters, self.reserved_matters)
                if re.search(r"\b(clos(?:e|es|ed|ing)|decommission\w*|withdraw\w*)\b", m, re.I)
                or (re.search(r"\b(end(?:s|ed|ing)?|reduc\w*|ceas\w*)\b", m, re.I)
                    and re.search(r"\b(services?|centres?|hubs?|schemes?|beds?|sites?|premises)\b", m, re.I))]

    @property
    def closure_reserved(self) -> bool:
        """Whether any agreed Reserved Matter is on closing, reducing or ending a service or a place."""
        return bool(self.closure_matters)

    @property
    def hub_closure_reserved(self) -> bool:
        """Whether closing a family hub or children's centre is an agreed Reserved Matter in early help services: the
        decisions note then says the council's own consultation duty (Childcare Act 2006, s.5D) still applies."""
        return self.early_help_in_scope and any(
            re.search(r"\bclos", m, re.I) and re.search(r"\b(hubs?|centres?)\b", m, re.I)
            for m in self.decisions.reserved_matters)

    @property
    def commissioner_deadlock_items(self) -> list[str]:
        """What the deadlock clause names as examples of the other deadlocked matters the Commissioner decides ("plan",
        "outcomes", "kpis"), leaving out any that an agreed Reserved Matter always covers: a Reserved Matter is never
        decided on deadlock, so naming it there would mislead (r25 al-fresh finding 4). A Reserved Matter on the KPIs
        that gate Gain leaves the other KPIs to the Commissioner."""
        def reserved(pattern: str, unless: str | None = None) -> bool:
            return any(re.search(pattern, m, re.I) and not (unless and re.search(unless, m, re.I))
                       for m in self.decisions.reserved_matters)
        items = []
        if not reserved(r"\bannual plan\b"):
            items.append("plan")
        if not reserved(r"\boutcomes?\b"):
            items.append("outcomes")
        if not reserved(r"\b(key performance indicators?|KPIs?)\b", r"\bgat(e|es|ed|ing)\b"):
            items.append("kpis")
        return items

    @property
    def reserved_shares_of_budget(self) -> list[str]:
        """The Reserved Matters that protect a part of the money (a Provider's or a service's share of the budget or
        its Annual Value), which a cut under the central grant clause would override (r43 al-domabuse note 16)."""
        return [m for m in self.decisions.reserved_matters
                if re.search(r"\bshare of the (?:alliance |pooled )?budget\b|\bannual values?\b", m, re.I)]

    @property
    def budget_reserved(self) -> list[int]:
        """The Reserved Matters (by position) that reach decisions committing a member's budget or money beyond the
        Annual Plan: an approval of costs above a Provider's budget (the risk and reward clause) or of running costs
        above their budget (the operations clause) is such a decision, and is decided only as that clause provides,
        so the item carves those approvals out (r19 al-fresh finding 1)."""
        return [i for i, m in enumerate(self.decisions.reserved_matters)
                if re.search(r"\b(budget|spend\w*|expenditure|money|funding)\b", m, re.I)
                and re.search(r"\b(commit\w*|beyond|above|exceed\w*|over|more than|outside)\b", m, re.I)]

    @property
    def removal_reserved(self) -> bool:
        """Whether removing a member is one of the agreed Reserved Matters, so that the removal clause (the one
        rule for removal) needs every other member rather than the ordinary majority."""
        return any(re.search(r"\bremov", m, re.I) for m in self.decisions.reserved_matters)

    @property
    def kpi_change_reserved(self) -> bool:
        """Whether changing the KPIs (or their trajectories) is one of the agreed Reserved Matters: then the rule that a
        gated Provider does not vote on its own KPI levels must not take away its veto on changing them, so the
        gate-vote sub-clause keeps the Reserved Matter for a change (r35 al-fresh finding 2)."""
        return any(re.search(r"\b(kpis?|key performance indicators?|trajector\w*)\b", m, re.I)
                   for m in self.decisions.reserved_matters)

    @property
    def care_leavers_in_scope(self) -> bool:
        """Whether the Services are for looked-after children or care leavers (leaving care, staying close or staying
        put): recital (A) then cites the council's looked-after children and leaving care functions, not s.17 alone,
        and complaints go first through its Children Act representations procedure (r19 al-fresh findings 4 and 8)."""
        scope = " ".join([self.purpose, *self.services]).lower()
        return bool(re.search(r"\b(looked[- ]after|care leavers?|leaving care|leaving the council's children's homes|"
                              r"staying close|staying put)\b", scope))

    @property
    def statutory_child_records(self) -> list[str]:
        """The kinds of record about children that Law requires to be kept longer than a sharing schedule's own
        retention period, read from the Services and the purpose (r44d al-youthhousing finding 5): 'looked_after' (the
        Services are for looked-after children, care leavers or 16 and 17 year olds, whom a council may accommodate as
        looked-after children: their case records), 'supported_accommodation' (a service is supported accommodation for
        16 and 17 year olds or Ofsted-registered: the records a supported accommodation undertaking must keep)."""
        out = []
        lines = [self.purpose or "", *self.services]
        if self.care_leavers_in_scope or any(re.search(r"\blooked[- ]after\b|\b16 (?:and|or|to) 17\b|\b16-17\b|"
                                                       r"\b(?:16|sixteen) and (?:17|seventeen)[- ]year[- ]olds?\b", t, re.I)
                                             for t in lines):
            out.append("looked_after")
        if any(re.search(r"\bsupported accommodation\b", t, re.I)
               and re.search(r"\b(?:16 and 17|16 or 17|16-17|under 18|looked[- ]after|Ofsted)\b", t, re.I)
               for t in self.services):
            out.append("supported_accommodation")
        return out

    def public_task_registered_providers(self, basis: str | None) -> list[Member]:
        """The members that are private registered providers (housing associations) to which the sheet's single lawful
        basis gives public task (Article 6(1)(e)), by name or as 'the housing associations' (r44d al-youthhousing
        finding 6): such a body may rely on it only for a task with a basis in law, so the Schedule 6 note asks for
        that basis or a fallback."""
        if not basis:
            return []
        rps = [m for m in self._members if m.legal_form == "registered_provider"]
        out: list[Member] = []
        for seg in re.split(r";|,(?=\s*(?:and\s+)?Article\b)", basis):
            if not re.search(r"6\(1\)\(e\)|public task", seg, re.I) or " for " not in seg:
                continue
            tail = seg.split(" for ", 1)[1].lower()
            described = re.search(r"housing associations?|registered providers?|\brps?\b|social landlords?", tail)
            for m in rps:
                if m not in out and (described or any(w and w.lower() in tail for w in (m.name, m.short_name))):
                    out.append(m)
        return out

    @property
    def host_providers(self) -> list:
        """The Providers that place people in hosts' own homes (supported lodgings, Shared Lives, host families): the
        hosts and their households are not employees or volunteers, so the operations clause treats each host as the
        Provider's Personnel for safeguarding and requires the checks (r19 al-fresh finding 9)."""
        pattern = re.compile(r"\b(supported lodgings|hosts?|host famil(y|ies)|shared lives|nightstop)\b", re.I)
        return [m for m in self.providers if any(pattern.search(d) for d in (m.delivers or []))]

    @property
    def youngest_age(self) -> int | None:
        """The youngest age the purpose and services name ('aged 16 to 25' -> 16), or None where the purpose (the
        alliance's whole scope) names no age and the services might include younger children."""
        if not re.search(r"\baged \d{1,2}\b", self.purpose or "", re.I):
            return None
        ages = [int(a) for line in [self.purpose, *self.services]
                for a in re.findall(r"\baged (\d{1,2})\b", line, re.I)]
        return min(ages)

    @property
    def staying_close_in_scope(self) -> bool:
        """Whether the Services include Staying Close support, whose new duty (Children Act 1989 s.23CZAA, inserted by
        the Children's Wellbeing and Schools Act 2026 s.7) the recitals note says to check for commencement."""
        return "staying close" in " ".join([self.purpose, *self.services]).lower()

    @property
    def accommodates_16_17(self) -> bool:
        """Whether the Services accommodate young people aged 16 or 17 (supported accommodation or lodgings for ages
        starting at 16 or 17), which, for looked-after children and care leavers of that age, must be registered with
        Ofsted in England (r19 al-fresh finding 3)."""
        for line in [self.purpose, *self.services]:
            low = line.lower()
            if re.search(r"\b(accommodation|lodgings|housing|bed spaces|foyer|hostel)\b", low) and re.search(
                    r"\b(aged |ages )?1[67]( and 17| or 17| to \d\d|-\d\d| and over)\b|\b16 and 17\b|\b16-17\b", low):
                return True
        return False

    @staticmethod
    def _ofsted_registered(m) -> bool:
        """Whether the sheet gives this member a registration with Ofsted (members[].registrations)."""
        return any(re.search(r"\bofsted\b|children's services and skills", f"{r.regulator} {r.activity}", re.I)
                   for r in getattr(m, "registrations", None) or [])

    @property
    def registered_16_17(self) -> list:
        """The Providers that accommodate young people from 16 and whose Ofsted registration the sheet gives
        (members[].registrations): the note asks for a check of it against Ofsted's register, never says that the
        instructions do not give it (r37 al-fresh finding 8)."""
        if not self.accommodates_16_17:
            return []
        return [m for m in self.providers if self._ofsted_registered(m)]

    @property
    def unregistered_16_17(self) -> list:
        """The Providers that deliver accommodation for ages 16 or 17 that the term sheet does not describe as
        Ofsted-registered: the note asks whether they place looked-after 16 and 17 year olds or care leavers of that
        age, who may be placed only with a registered supported accommodation undertaking."""
        out = []
        for m in self.providers:
            if self._ofsted_registered(m):
                continue
            for line in m.delivers or []:
                low = line.lower()
                if ("ofsted" not in low and re.search(r"\b(accommodation|lodgings|bed spaces|hostel)\b", low)
                        and re.search(r"\b1[67]( and 17| or 17| to \d\d|-\d\d)\b|\b16-17\b", low)):
                    out.append(m)
                    break
        return out

    @property
    def early_help_in_scope(self) -> bool:
        """Whether the Services are children's early help or family support (family hubs, children's centres), for
        which recital (A) cites the council's children's functions and the note asks about the Childcare Act 2006."""
        scope = " ".join([self.purpose, *self.services]).lower()
        return any(w in scope for w in ("early help", "family support", "family hub", "children's centre"))

    @property
    def statutory_functions_repealed(self) -> list[tuple[str, str]]:
        """The sheet's statutory_functions that recite a provision known to be repealed (REPEALED_PROVISIONS, each
        backed by its clauses/law.yaml entry), as (entry, law.yaml name): the recital leaves them out, the recitals note
        says so and ALLIANCE-REPEALED-FUNCTION warns (r44 al-homefirst finding 2)."""
        return [(f, name) for f in self.statutory_functions or [] if (name := repealed_provision(f))]

    @property
    def function_statutes(self) -> list[str]:
        """The statutes under which an English council commissions services of the kinds named in the purpose
        and services, for recital (A): a council acts under its functions, and naming only its general powers
        leaves out the one that matters (drug and alcohol treatment is a public health function under the
        NHS Act 2006, s.2B). Words are matched, not guessed at: a service the list does not know adds nothing,
        and the note asks for the statute."""
        if self.statutory_functions:
            return [f for f in self.statutory_functions if not repealed_provision(f)]
        scope = " ".join([self.purpose, *self.services]).lower()
        found = []
        if any(w in scope for w in ("drug", "alcohol", "substance", "sexual health", "smoking", "public health")):
            found.append("section 2B of the National Health Service Act 2006 (improving the health of the people "
                         "in its area)")
        if "homeless" in scope or "rough sleep" in scope:
            found.append("Part 7 of the Housing Act 1996 and section 1 of the Homelessness Act 2002 (homelessness)")
        # Care Act powers are for adults' care and support only: parents and carers of children, and children's
        # social care, are not adult care (Care Act 2014 Part 1 is for adults and carers of adults)
        adult = scope.replace("parents and carers", "").replace("children's social care", "").replace("foster carer", "")
        # the instructions' own words on the regime may name the Care Act (r26 al-fresh finding 4), and direct
        # payment support, independent living and sensory loss services for adults are Care Act care and support
        named = "care act" in (self.health_care_assessment or "").lower()
        if named or any(w in adult for w in ("care and support", "social care", "carers", "care act", "reablement",
                                             "home care", "homecare", "domiciliary", "intermediate care",
                                             "direct payment")) or ("adult" in adult and any(
                w in adult for w in ("independent living", "live independently", "sensory loss", "sight loss",
                                     "hearing loss"))):
            found.append(care_act_words(scope))
        elif ("adult" in adult or "child" not in adult) and any(
                w in adult for w in ("day opportunit", "day service", "day support", "day centre", "learning disabilit",
                                     "respite", "short break", "supported living")):
            # adults' day opportunities, learning disability and respite services are care and support a council
            # arranges under Part 1 of the Care Act 2014 (r18 al-fresh finding 7), not services without a statute
            found.append(care_act_words(scope))
        elif "adult" in adult and any(w in adult for w in ("complex needs", "multiple disadvantage", "multiple and complex")):
            # adults with multiple and complex needs: the council's wellbeing and prevention duties (r16 al-sample
            # finding 19), without the eligible-needs sections a care-and-support contract would cite
            found.append("sections 1 and 2 of the Care Act 2014 (promoting individual wellbeing and preventing needs "
                         "for care and support)")
        if self.care_leavers_in_scope:
            # looked-after children and care leavers (r19 al-fresh finding 4): verified in law.yaml
            # (children_act_1989_short_breaks for ss.17 and 20, children_act_1989_accommodation_duties for ss.22C, 22G
            # and 23B, children_act_1989_leaving_care for ss.24 to 24B); s.23CZAA (staying close) is prospective and
            # left to the recitals note
            found.append("sections 17, 20, 22C, 22G and 23B to 24B of the Children Act 1989 (children in need, "
                         "looked-after children and care leavers)")
        elif has_word(scope, "children", "child") and has_word(scope, "exploitation", "in need", "missing",
                                                               "safeguard*", "at risk"):
            found.append("section 17 of the Children Act 1989 (services for children in need and their families)")
        if self.young_carers_in_scope:
            # young carers' needs assessments (Children Act 1989 ss.17ZA to 17ZC, inserted by the Children and Families
            # Act 2014 s.96; law.yaml children_act_1989_young_carers) and support for them as children in need (s.17)
            # (r24 al-fresh finding 1)
            if any(f.startswith("sections 17, 20") for f in found):
                found.append("sections 17ZA to 17ZC of the Children Act 1989 (young carers' needs assessments)")
            else:
                found = [f for f in found if not f.startswith("section 17 of the Children Act 1989")]
                found.append("sections 17 and 17ZA to 17ZC of the Children Act 1989 (services for children in need and "
                             "their families, and young carers' needs assessments)")
        if self.early_help_in_scope:
            # children's early help and family support: the council's children's functions, not youth-violence duties
            # (r16 al-fresh finding 1)
            if not any("Children Act 1989" in f for f in found):
                found.append("section 17 of the Children Act 1989 (services for children in need and their families)")
            found.append("section 10 of the Children Act 2004 (co-operation to improve the well-being of children)")
            if any(w in scope for w in ("family hub", "children's centre")):
                # verified (law.yaml childcare_act_2006_children_centres): s.3(2) integrated early childhood services,
                # s.5A sufficient children's centres; ss.5B and 5C are left to the note
                found.append("sections 3 and 5A of the Childcare Act 2006 (early childhood services and children's centres)")
        # youth violence only: "child-to-parent violence" and domestic violence are not the serious violence duty's
        # subject, and "children and young people" alone does not make a service a youth violence service
        violence = scope.replace("child-to-parent violence", "").replace("domestic violence", "")
        if "violence" in violence and any(w in violence for w in ("serious", "youth violence", "knife", "weapon",
                                                                   "gang", "violent crime")):
            found.append("section 17 of the Crime and Disorder Act 1998, with Chapter 1 of Part 2 of the Police, Crime, "
                         "Sentencing and Courts Act 2022 (preventing and reducing crime and serious violence)")
        if has_word(scope, "domestic abuse") and has_word(scope, "refuge", "accommodation"):
            found.append("Part 4 of the Domestic Abuse Act 2021 (support in safe accommodation)")
        return found

    def upper_tier_partner(self, member: Member) -> Member | None:
        """For a lower-tier (district or borough) council Commissioner in a two-tier area, the county council Commissioner
        alongside it; None for any other Commissioner. The Part 4 Domestic Abuse Act 2021 duty (s.57) is the upper-tier
        authority's, so recital (A) gives the lower-tier council its housing functions instead (r17 al-fresh finding 5)."""
        if member.legal_form != "local_authority" or member.council_tier == "upper":
            return None
        counties = [c for c in self.commissioners if c is not member and c.legal_form == "local_authority"
                    and (c.council_tier == "upper" or (c.council_tier is None and re.search(r"\bcounty council\b", c.name, re.I)))]
        if not counties:
            return None
        if member.council_tier == "lower" or re.search(r"\b(district|borough) council\b", member.name, re.I):
            return counties[0]
        return None

    @property
    def part7_contracted_out(self) -> list[tuple[Member, list[str], list[Member]]]:
        """Each Provider whose services read as a local housing authority's work under Part 7 of the Housing Act 1996
        (housing options, homelessness casework, personalised housing plans): (that Provider, those services, the council
        Commissioners that are housing authorities, i.e. not the county council of a two-tier area). A Provider may
        exercise those functions only as each housing authority authorises under the Local Authorities (Contracting Out
        of Allocation of Housing and Homelessness Functions) Order 1996 (law.yaml contracting_out_homelessness_order_1996;
        r20 al-fresh finding 7). Empty where no council Commissioner is a housing authority."""
        authorities = [c for c in self.commissioners if c.legal_form == "local_authority" and not self.is_county_council(c)]
        if not authorities:
            return []
        pattern = re.compile(r"\b(housing options|homelessness (?:prevention )?case ?work\w*|prevention case ?work\w*|"
                             r"homelessness assessments?|personalised housing plans?|(?:prevention|relief) dut(?:y|ies))\b", re.I)
        out = []
        for p in self.providers:
            hits = [s for s in p.delivers if pattern.search(s)]
            if hits:
                out.append((p, hits, authorities))
        return out

    @property
    def statutory_assessments(self) -> list[tuple[Member, list[str], list[str]]]:
        """Each Provider whose services include assessment, triage or a single point of access for people the council
        Commissioner has statutory functions towards: (that Provider, those services, the kinds of function in play:
        'children' for a child in need's assessment and accommodation under ss.17 and 20 of the Children Act 1989 (16 and
        17 year olds, children, children's services), 'part7' for inquiries, assessments and decisions under Part 7 of
        the Housing Act 1996 (homelessness, housing options, joint work with housing), 'care_act' for needs assessments
        and eligibility under Part 1 of the Care Act 2014). The statutory functions clause then says the Provider does
        triage, co-ordination and support and the council makes every statutory assessment and decision (R (G) v
        Southwark LBC [2009] UKHL 26, law.yaml southwark_16_17_accommodation; r37 al-fresh finding 3). A kind the sheet
        already authorises is left out: Part 7 work read as contracted out (part7_contracted_out), Care Act functions
        delegated under s.79 (delegating_providers), carers' assessments (delegated_assessments). The clause applies it in England only."""
        if not any(c.legal_form == "local_authority" for c in self.commissioners):
            return []
        trigger = re.compile(r"\b(assess\w*|triage|single point of (?:access|contact)|front door)\b", re.I)
        kinds = {
            "children": re.compile(r"\b(16 (?:and|or|to) 17|16-17|1[67] year olds?|children(?:'s services| in need)?|"
                                   r"child in need)\b", re.I),
            "part7": re.compile(r"\b(homeless\w*|housing options|part 7|housing (?:and|services?|authority|department|team))\b",
                                re.I),
            "care_act": re.compile(r"\b(care act|care and support needs?|social care needs?|eligib\w+ for (?:adult )?social care)\b",
                                   re.I),
        }
        part7_done = [p for p, _, _ in self.part7_contracted_out]
        care_done = list(self.delegating_providers) + [p for p, _, _ in self.delegated_assessments]
        housing = [c for c in self.commissioners if c.legal_form == "local_authority" and not self.is_county_council(c)]
        out = []
        for p in self.providers:
            hits, found = [], []
            for line in p.delivers or []:
                if not trigger.search(line) or re.search(r"\bcarers?'?s?'? (?:needs )?assessments?\b", line, re.I):
                    continue
                here = [k for k, rx in kinds.items() if rx.search(line)]
                here = [k for k in here if not (k == "part7" and (any(p is q for q in part7_done) or not housing))
                        and not (k == "care_act" and any(p is q for q in care_done))]
                if here:
                    hits.append(line)
                    found += [k for k in here if k not in found]
            if hits:
                out.append((p, hits, [k for k in ("children", "part7", "care_act") if k in found]))
        return out

    def functions_in_play(self, member: Member) -> list[str]:
        """For an English council Commissioner, the statutory functions the Services plainly touch, read from the
        services, purpose, funding, statutory functions and Providers' registrations: the clause 11 note names these
        in place of the generic Care Act and public health list (r37 al-fresh finding 19). Only for Services that
        reach 16 and 17 year olds (an adults' alliance keeps the general text); empty where the words name none."""
        if member.legal_form != "local_authority":
            return []
        regs = " ".join(f"{r.activity} {r.regulator}" for m in self.providers for r in (getattr(m, "registrations", None) or []))
        text = " ".join([self.purpose, *self.services, self.funding or "", *(self.statutory_functions or []), regs])
        young = bool(re.search(r"\b(16 (?:and|or|to) 17|16-17|1[67] year olds?)\b", text, re.I))
        homeless = bool(re.search(r"\bhomeless\w*\b", text, re.I))
        if not young or not any(member is c for c in self.social_services_councils):
            return []
        out = []
        if homeless or re.search(r"\baccommodat\w+\b", text, re.I):
            out.append("sections 17 and 20 of the Children Act 1989 for a 16 or 17 year old who may be a child in need or "
                       "require accommodation")
        if re.search(r"\b(looked[- ]after|supported accommodation|supported lodgings)\b", text, re.I):
            out.append("section 22C of that Act for placing a looked-after child, including in supported accommodation")
        if re.search(r"\b(care leavers?|leaving care|former relevant child\w*)\b", text, re.I):
            out.append("sections 23C to 24B of that Act for care leavers")
        if homeless and not self.is_county_council(member):
            out.append("the assessment and personalised housing plan (section 189A) and the prevention and relief duties "
                       "(sections 195 and 189B) under Part 7 of the Housing Act 1996")
        if out and out[0].startswith("section 22C"):
            out[0] = out[0].replace("of that Act", "of the Children Act 1989")
        if out and out[0].startswith("sections 23C"):
            out[0] = out[0].replace("of that Act", "of the Children Act 1989")
        return out

    @property
    def letting_agents(self) -> list[Member]:
        """The Providers whose services include lettings agency or property management work for private landlords (a
        social lettings agency, managing private rented homes): in England each must belong to an approved redress
        scheme (S.I. 2014/2359) and, where it holds client money, a client money protection scheme (S.I. 2019/386), and
        its tenants' and landlords' complaints about that work go to that redress scheme (r20 al-fresh finding 13). A
        registered provider letting its own homes is not one."""
        pattern = re.compile(r"\b(social lettings?(?: agency| management)?|lettings? (?:agency|agent|management)|letting agent|"
                             r"property management|managing private(?:ly)? rented homes)\b", re.I)
        return [p for p in self.providers if any(pattern.search(s) for s in p.delivers)]

    @property
    def social_services_councils(self) -> list[Member]:
        """The council Commissioners that are plainly social services authorities: marked upper tier, or named neither
        'District Council' nor 'Borough Council' (a borough council may be unitary or a district: it counts only
        when marked). The notes name their functions for these, and keep the general two-tier text otherwise."""
        return [c for c in self.commissioners if c.legal_form == "local_authority"
                and (c.council_tier == "upper" or (c.council_tier is None
                                                   and not re.search(r"\b(district|borough) council\b", c.name, re.I)))]

    @property
    def lower_tier_names(self) -> list[str]:
        """The names of the lower-tier (district or borough) council Commissioners in a two-tier area: they have no
        social services functions, so safeguarding reports go to them only where their housing role is concerned."""
        return [c.name for c in self.commissioners if self.upper_tier_partner(c) is not None]

    def is_county_council(self, member: Member) -> bool:
        """Whether a council Commissioner is the county council of a two-tier area: a lower-tier Commissioner names it
        as its upper-tier partner, or it is named 'County Council' and not marked lower tier. It is the social
        services authority, not the local housing authority (r20 al-fresh finding 2)."""
        if member.legal_form != "local_authority" or member.council_tier == "lower":
            return False
        if any(self.upper_tier_partner(c) is member for c in self.commissioners if c is not member):
            return True
        return bool(re.search(r"\bcounty council\b", member.name, re.I))

    @property
    def young_carers_in_scope(self) -> bool:
        """Whether the Services include support for young carers (under 18s caring for another person): the council's
        duty to assess their needs is in ss.17ZA to 17ZC of the Children Act 1989, not the Care Act 2014."""
        scope = " ".join([self.purpose, *self.services]).lower()
        return bool(re.search(r"\byoung carers?\b", scope))

    @property
    def delegated_assessments(self) -> list[tuple[Member, bool, bool]]:
        """Each Provider whose services include carers' or young carers' needs assessments, with whether they are adult
        carers' assessments (Care Act 2014 s.10) and young carers' needs assessments (Children Act 1989 s.17ZA). A
        Provider that carries out those assessments for a council exercises the council's function: for s.10 only as
        the council authorises it under s.79 of the Care Act 2014 (law.yaml care_act_2014_s79_delegation), which does
        not reach the Children Act 1989 (r24 al-fresh finding 1). Empty where no council Commissioner is a social
        services authority or the statutory functions are given (the instructions then say what is delegated)."""
        if not self.social_services_councils:
            return []
        out = []
        for p in self.providers:
            adult = young = False
            for line in p.delivers or []:
                low = line.lower()
                if not re.search(r"\bassessments?\b", low):
                    continue
                if "young carer" in low or "young adult carer" in low:
                    young = young or "young carer" in low
                    adult = adult or "young adult carer" in low
                elif re.search(r"\bcarers?'?s?'? (needs )?assessments?\b", low):
                    adult = True
            if adult or young:
                out.append((p, adult, young))
        return out

    @property
    def delegating_providers(self) -> list[Member]:
        """The Providers the term sheet says carry out a council Commissioner's Care Act 2014 functions on its behalf
        (members[].delegated_functions): the draft authorises each under s.79 of the Care Act 2014 (law.yaml
        care_act_2014_s79_delegation) and keeps the council liable for them (r26 al-fresh finding 1). Empty in Wales or
        where no council Commissioner is a social services authority."""
        if not self.social_services_councils:
            return []
        return [p for p in self.providers if p.delegated_functions]

    @property
    def possible_delegations(self) -> list[tuple[Member, list[str]]]:
        """Each Provider, with no delegated_functions given, whose services read like a council's own Care Act
        functions (social work, assessments or reviews, care and support planning), with the lines that do, so the
        note can ask whether it exercises them for the council (r26 al-fresh finding 1). Carers' assessments, which
        `delegated_assessments` handles, are left out. Empty in Wales or without a social services council."""
        if not self.social_services_councils:
            return []
        carers = {id(p) for p, _, _ in self.delegated_assessments}
        # a bare 'assessment' (a drug treatment or housing assessment) is not a Care Act function (r22 al-fresh sheet)
        pattern = re.compile(r"\bsocial work\b|\bsupport planning\b|\bcare and support plan|\bneeds assessments?\b"
                             r"|\bcare (?:needs )?assessments?\b|\bcare act assessments?\b|\breviews? of (?:care|support)",
                             re.I)
        out = []
        for p in self.providers:
            if p.delegated_functions or id(p) in carers:
                continue
            hits = [d for d in p.delivers or [] if pattern.search(d)]
            if hits:
                out.append((p, hits))
        return out

    @property
    def nhs_may_join(self) -> bool:
        """Whether an NHS body could join by the Accession Deed, so that the Deed carries an NHS execution block: a
        commissioner may accede, health care is in scope, a member is already an NHS body, or the body expected to
        join is one. Otherwise the block is irrelevant boilerplate (r26 al-fresh finding 20)."""
        return bool(self.commissioners_may_join or self.health_in_scope or self.joining_nhs_body
                    or any(m.is_nhs_body for m in [*self.commissioners, *self.providers]))

    @property
    def assets_in_play(self) -> bool:
        """Whether the Exit Plan passes on an interest in premises whose value may be disputed: a handover line that
        passes on a lease or management agreement, or the refuge hand-over paragraph (a refuge among the Services), so
        that the expert clause keeps the valuation of what passes and the surveyors' nominator (r26 al-fresh finding
        20). The type of service alone (housing, accommodation) is not enough: an alliance shares no assets, and
        premises pass only under the Exit Plan (r27 al-sample finding 17)."""
        return bool(self.handover_premises or self.refuge_in_scope)

    @property
    def rated_regulators(self) -> bool:
        """Whether a regulator the operations clause names gives inspection ratings (the Care Quality Commission or
        Ofsted), so that the clause asks to hear of a rating below 'good' (r26 al-fresh finding 20)."""
        if any(r.startswith(("the Care Quality Commission", "Ofsted")) for r in self.regulator_examples):
            return True
        # services a rated regulator may inspect although the examples do not name it (home care, reablement, mental
        # health, residential care): keep the rating line rather than drop it wrongly
        scope = " ".join([self.purpose, *self.services]).lower()
        return bool(re.search(r"\b(home ?care|reablement|mental health|care homes?|residential care|nursing|personal care|"
                              r"supported living|children's homes?|treatment)\b", scope))

    @property
    def nhs_site_services(self) -> list[tuple[Member, list[str]]]:
        """Each Provider that is not an NHS body and delivers a service inside a hospital or NHS clinic (words such as
        'in hospital', 'hospital-based', 'eye clinic', 'on wards'; not 'after hospital discharge'), with those services: its staff need an honorary contract or access
        agreement, and a data sharing agreement, with the NHS body that runs the site (r26 al-fresh finding 17)."""
        pattern = re.compile(r"\bhospital[- ]based\b|\b(?:in|at|inside|within) (?:the |a )?(?:\w+ )?hospitals?\b"
                             r"|\bon (?:hospital )?wards\b|\beye clinic|\bclinic liaison|\boutpatient|\bA&E\b"
                             r"|\bemergency department", re.I)
        out = []
        for p in self.providers:
            if p.is_nhs_body:
                continue
            hits = ([d for d in p.delivers or [] if pattern.search(d)]
                    or [d for d in p.new_services if pattern.search(d)])
            if hits:
                out.append((p, hits))
        return out

    @property
    def client_money_holders(self) -> list[Member]:
        """The Providers that hold money belonging to people who use the Services (members[].holds_client_money), such
        as direct payment managed accounts (r26 al-fresh finding 2 and tool note)."""
        return [p for p in self.providers if p.holds_client_money]

    @property
    def supported_employment_reserved(self) -> list[Member]:
        """The Providers whose Service Contract (or lot) was reserved under s.32 PA 2023 to supported employment
        providers (r35 al-fresh finding 4)."""
        return [p for p in self.providers if p.reserved_supported_employment]

    @property
    def direct_payment_holders(self) -> list[Member]:
        """The client-money holders whose money includes direct payments (r35 al-fresh finding 3)."""
        return [p for p in self.client_money_holders if p.holds_direct_payments]

    def function_statutes_for(self, member: Member) -> list[str]:
        """`function_statutes` for one council Commissioner: a lower-tier council in a two-tier area does not hold the
        Part 4 Domestic Abuse Act 2021 duty, and acts under its homelessness functions as local housing authority. A
        county council in a two-tier area is not the local housing authority: Part 7 of the Housing Act 1996 and the
        strategy power in s.1(1) of the Homelessness Act 2002 are the districts', so it acts under its social services
        functions and its duty to assist with their homelessness strategies (s.1(2), verified in law.yaml
        homelessness_act_2002_s1) (r20 al-fresh finding 2)."""
        # the recital cites the general power of competence in words of its own: a sheet's entry citing section 1 of
        # the Localism Act 2011 among the functions would print it twice (r43 al-domabuse note 11)
        found = [f for f in self.function_statutes if not LOCALISM_GPC.match(f)]
        if self.statutory_functions:
            return self._tier_split(member, found) if self.two_tier else found
        if self.is_county_council(member) and any("Part 7 of the Housing Act 1996" in f for f in found):
            scope = " ".join([self.purpose, *self.services]).lower()
            out = [f for f in found if "Part 7 of the Housing Act 1996" not in f]
            if not any("Care Act 2014" in f for f in out):
                out.append("sections 1 and 2 of the Care Act 2014 (promoting individual wellbeing and preventing needs "
                           "for care and support)")
            ages = [int(a) for a in re.findall(r"\baged (\d{1,2})\b", scope)]
            if not any("Children Act 1989" in f for f in out) and ages and min(ages) < 18:
                if any(w in scope for w in ("accommodation", "lodgings", "hostel", "foyer")):
                    out.append("sections 17 and 20 of the Children Act 1989 (services for children in need and "
                               "accommodation for children)")
                else:
                    out.append("section 17 of the Children Act 1989 (services for children in need and their families)")
            out.append("section 1(2) of the Homelessness Act 2002 (assisting the local housing authorities in its area "
                       "with their homelessness reviews and strategies)")
            if self.two_tier:
                out.append(S213_WORDS)
            return out
        if self.upper_tier_partner(member) is None:
            return found
        out = [f for f in found if "Domestic Abuse Act 2021" not in f]
        if "Part 4 of the Domestic Abuse Act 2021" in " ".join(found) and not any("Housing Act 1996" in f for f in out):
            out.append("Part 7 of the Housing Act 1996 (homelessness), as local housing authority")
        return out

    @property
    def two_tier(self) -> bool:
        """Whether the Commissioners include a lower-tier council and the county council of its area (a two-tier area):
        each then holds only its own tier's functions (r40 al-twotier finding 1)."""
        return any(self.upper_tier_partner(c) is not None for c in self.commissioners)

    def _tier_split(self, member: Member, given: list[str]) -> list[str]:
        """The sheet's statutory_functions for one council in a two-tier area: a citation of the local housing
        authority's functions (Part 6 or 7 of the Housing Act 1996, s.1(1) of the Homelessness Act 2002) goes to the
        lower-tier councils; one of the social services or public health functions (the Care Act 2014, the Children Act
        1989, s.2B of the NHS Act 2006, Part 4 of the Domestic Abuse Act 2021, the Mental Health Act 1983) to the county
        council; any other to the one council its words name, else to each. The county council, which co-operates with
        the housing authority on request under s.213 of the Housing Act 1996 (law.yaml housing_act_1996_s213), is recited
        under that duty too where a lower-tier council is recited under Part 7 (r40 al-twotier finding 1)."""
        if member.legal_form != "local_authority":
            return given
        county = self.is_county_council(member)
        housing = re.compile(r"\b(Part (?:6|7|VI|VII) of the Housing Act 1996|Homelessness Act 2002)\b", re.I)
        social = re.compile(r"\b(Care Act 2014|Children Act 1989|Children Act 2004|Childcare Act 2006|section 2B of the "
                            r"National Health Service Act 2006|Domestic Abuse Act 2021|Mental Health Act 1983)\b", re.I)
        councils = [c for c in self.commissioners if c.legal_form == "local_authority"]
        out = []
        for f in given:
            if housing.search(f) and not social.search(f) and not re.search(r"section 1\(2\)", f):
                if not county:
                    out.append(f)
            elif social.search(f) and not housing.search(f):
                if county or self.upper_tier_partner(member) is None:
                    out.append(f)
            else:
                named = [c for c in councils if any(n and re.search(rf"\b{re.escape(n)}\b", f, re.I)
                                                     for n in (c.short_name, c.name))]
                if len(named) != 1 or named[0] is member:
                    out.append(f)
        if county and not any("section 213" in f for f in out) and any(
                housing.search(f) for f in given):
            out.append(S213_WORDS)
        return out

    @property
    def route_words(self) -> str:
        """The route as recited. A light touch contract may be modified freely under s.74 PA 2023, without a
        Schedule 8 ground (Cabinet Office guidance on contract modifications), so Schedule 8 is not cited for it.
        Under the Provider Selection Regime, the process the sheet names (r15 al-fresh finding 12)."""
        if self.procurement_route == "provider_selection" and self.psr_process:
            name, reg = PSR_PROCESSES[self.psr_process]
            return f"the {name} under regulation {reg} of the Health Care Services (Provider Selection Regime) Regulations 2023"
        return route_words(self.procurement_route, self.light_touch)

    @property
    def started_words(self) -> str:
        """What the procurement_started date is, in words: for a modification it is the date the contracts being
        modified were awarded, not the start of any procurement."""
        return started_words(self.procurement_route)

    @property
    def own_routes(self) -> list[OwnRoute]:
        """The Providers whose Service Contract was put in place by a route other than the alliance's, each with the
        route and its date in words, so that recital (C) and the key information recite each contract's own route."""
        out = []
        for m in self.providers:
            if m.procurement_route is None or m.procurement_route == self.procurement_route:
                continue
            if m.procurement_route == "provider_selection" and m.psr_process:
                name, reg = PSR_PROCESSES[m.psr_process]
                words = f"the {name} under regulation {reg} of the Health Care Services (Provider Selection Regime) Regulations 2023"
            elif m.procurement_route == "not_procurement" and self.owner_of(m):
                words = (f"the assessment of {self.owner_of(m).defined}, which controls {m.defined}, that it is an exempted "
                         "contract under paragraph 2 of Schedule 2 to the Procurement Act 2023 (vertical arrangements)")
            else:
                words = route_words(m.procurement_route, self.light_touch).replace("existing contracts", "an existing contract")
            out.append(OwnRoute(m, words, started_words(m.procurement_route).replace("were", "was"), m.procurement_started))
        return out

    @property
    def former_contract_routes(self) -> list[tuple["FormerContract", Member | None, str, str]]:
        """Where the former contracts are varied and any gives varied_under: each former contract with its holder and
        the words for what it is and the law its variation falls under (in full for recital (C), short for the key
        information), so that recital (C) and the key information
        recite the route contract by contract and never recite a procurement's start as an award date (r33 al-fresh
        F1). Empty otherwise."""
        if (self.former_contracts_treatment != "varied" or not self.former_contracts
                or not any(c.varied_under for c in self.former_contracts)):
            return []
        default = {"pcr2015_modification": "pcr2015", "modification": "procurement_act",
                   "provider_selection": "psr"}.get(self.procurement_route)
        out = []
        for c in self.former_contracts:
            kind = c.varied_under or default
            if kind == "pcr2015":
                words = ("a contract let under the Public Contracts Regulations 2015, varied as a modification permitted "
                         "by regulation 72 of those Regulations")
            elif kind == "psr":
                words = ("a health care contract awarded under the Health Care Services (Provider Selection Regime) "
                         "Regulations 2023, varied as a modification permitted by regulation 13 of those Regulations")
            elif kind == "procurement_act":
                words = "a contract awarded under the Procurement Act 2023, varied as a modification under section 74 of that Act"
            elif kind == "grant":
                words = "a grant agreement, not a contract awarded by a procurement, varied by agreement"
            else:
                words = "varied under [[_the law that governs its variation]]"
            short = FORMER_ROUTE_SHORT.get(kind or "", "[[_route]]")
            if c.procurement_started and kind != "grant":
                words += f", the procurement of which began on {c.procurement_started.day} {c.procurement_started.strftime('%B')} {c.procurement_started.year}"
            if c.procurement_started and kind != "grant":
                short += f", procurement begun on {c.procurement_started.day} {c.procurement_started.strftime('%B')} {c.procurement_started.year}"
            out.append((c, self.member_by_key(c.member), words, short))
        return out

    @property
    def former_contract_changes(self) -> list["FormerChange"]:
        """Where the former contracts are varied to continue as the Service Contracts: for each Provider holding any,
        the law each of its contracts is varied under (varied_under, else the alliance's modification route), their
        yearly value before and the Provider's Annual Value after, so that the note to the recitals can test the
        modification grounds (PCR 2015 reg. 72, PSR reg. 13; a grant has none) against the sheet's figures (r33
        al-fresh F6). Empty where the former contracts are replaced, expire, or give no yearly values."""
        if self.former_contracts_treatment != "varied" or not self.former_contracts:
            return []
        default = {"pcr2015_modification": "pcr2015", "modification": "procurement_act",
                   "provider_selection": "psr"}.get(self.procurement_route)
        out = []
        for p in self.providers:
            mine = [c for c in self.former_contracts if c.member == p.key]
            if not mine or any(c.annual_value is None for c in mine):
                continue
            kinds = sorted({c.varied_under or default or "" for c in mine})
            before = sum((c.annual_value for c in mine), Decimal(0))
            after = p.annual_value
            change = after - before
            percent = (change * 100 / before).quantize(Decimal("0.1"), ROUND_HALF_UP) if before else None
            out.append(FormerChange(p, mine, kinds, before, after, change, percent, change * self.term_years))
        return out

    @property
    def varied_grants(self) -> list["FormerContract"]:
        """The former contracts that are grant agreements being varied (varied_under: grant): the notes warn that adding
        payment terms, KPIs and risk share may make each a public contract (r33 al-fresh F1)."""
        return [c for c, _, _, _ in self.former_contract_routes if c.varied_under == "grant"]

    def route_recital(self, structure: str, wales: bool) -> "RouteRecital":
        """How recital (C) and the key information's procurement row recite the route, decided once for both (each
        prints it in its own words): `kind` is 'former' (the Former Contracts as varied, contract by contract),
        'procurement' (a procurement whose regime the sheet leaves open beside health care contracts at risk of the
        Provider Selection Regime), 'stated' (the sheet's route recited despite that risk), 'psr' (Provider Selection
        Regime awards, the contract holders named) or 'arrangements' (the arrangements as a whole); with the Former
        Contracts' routes, the other Providers' own routes, the Providers the alliance's route put in place, and
        whether the light touch words and the assessment sentence follow."""
        single = structure == "single-contract"
        former = self.former_contract_routes if not single else []
        holders = self.route_contract_holders
        psr_risk = self.psr_risk_contracts if not wales and not single else []
        own = self.own_routes
        if former:
            fcm = {c.member for c, _, _, _ in former}
            own = [r for r in own if r.member.key not in fcm]
            kind = "former"
        elif psr_risk and self.procurement_route in ("open", "competitive_flexible"):
            kind = "stated" if self.route_stated_despite_psr else "procurement"
        elif self.procurement_route == "provider_selection" and not single:
            kind = "psr"
        else:
            kind = "arrangements"
        # a procurement beside Provider Selection Regime awards of the sheet's own: the contracts it awarded are named
        own_named = (kind == "arrangements" and not single and bool(self.psr_own_route_contracts) and bool(holders)
                     and self.procurement_route in ("open", "competitive_flexible"))
        named = (kind in ("stated", "psr") or own_named) and bool(holders)
        outside = ("pcr2015", "pcr2015_modification", "provider_selection", "not_procurement")
        light_touch_words = (kind in ("psr", "arrangements") and self.light_touch and not psr_risk and not own_named
                             and not self.health_care_assessment and self.procurement_route not in outside)
        assessment = kind != "former" and bool(self.health_care_assessment) and self.procurement_route not in outside
        by = {}
        if self.joint_commissioners:
            for r in own:
                b = self.member_by_key(r.member.service_contract_with) if r.member.service_contract_with else None
                if b is not None:
                    by[r.member.key] = b
        # the contracts at risk of the Regime whose route this recital recites (not a Provider's own route): recital (C)
        # brackets "as light touch contracts" for them and the recitals' note names them, from this one list
        own_members = [r.member for r in own]
        at_risk = [c for c in psr_risk if c[0] not in own_members]
        return RouteRecital(kind, former, own, holders, named, light_touch_words, assessment, by, own_named, at_risk)

    @property
    def route_contract_holders(self) -> list[Member]:
        """Where some Providers' Service Contracts were put in place by their own route (own_routes): the other
        Providers, whose Service Contracts the alliance's route put in place, so that recital (C) and the key
        information state each route once, naming its contracts (r27 al-fresh finding 5). Empty otherwise."""
        own = {r.member.key for r in self.own_routes}
        if not own:
            return []
        return [p for p in self.providers if p.key not in own]

    @property
    def kpi_gate_veto(self) -> list:
        """The Providers gated by every KPI by default (not listed under kpi_gates) where changing the KPIs that gate a
        share of Gain is a Reserved Matter: that default makes every KPI change need every member, so the decisions
        note says so and asks for instructions (r22 al-fresh finding 5). Empty where no such veto arises."""
        if not (self.gain_gated and self.kpi_gates and self.gain_gate is None and len(self.kpis) > 1):
            return []
        if not any(re.search(r"\b(KPIs?|key performance)", m, re.I) and re.search(r"\bgat", m, re.I)
                   for m in self.decisions.reserved_matters):
            return []
        return self.providers_without_gates

    @property
    def act_contracts(self) -> list[tuple[Member, Decimal]]:
        """The Providers whose own Service Contract was let under the Procurement Act 2023 while the alliance's route
        is outside it (the Provider Selection Regime, the 2015 Regulations or no procurement), each with its value over
        the term and every extension at its first year's value: the notes that assume the alliance's regime say what
        differs for these contracts (ss.52, 53, 74, 78 and 81 to 83 of the Act) (r22 al-fresh finding 4)."""
        if self.procurement_route not in NON_ACT_ROUTES:
            return []
        values = dict((p.key, v) for p, v in self.service_contract_values)
        return [(r.member, values.get(r.member.key, Decimal(0))) for r in self.own_routes
                if r.member.procurement_route not in NON_ACT_ROUTES]

    @property
    def act_contract_words(self) -> str:
        """The Service Contracts in act_contracts, in words: "Stepstone's Service Contract" or "the Service Contracts
        of A and B"."""
        names = [m.defined for m, _ in self.act_contracts]
        if len(names) == 1:
            return f"{names[0]}'s Service Contract"
        return "the Service Contracts of " + (", ".join(names[:-1]) + " and " + names[-1] if names else "")

    @property
    def carve_out_words(self) -> list[str]:
        return [CARVE_OUT_WORDS[c] for c in self.no_blame_carve_outs]

    @property
    def carve_outs_given(self) -> bool:
        """Whether the term sheet lists the liability carve-outs (otherwise they are the draft's proposal: r26
        al-fresh finding 11)."""
        return "no_blame_carve_outs" in self.model_fields_set

    @property
    def capped_carve_out_kinds(self) -> list[str]:
        """Under the capped model: the carve-outs (confidentiality, data protection, safeguarding) that fall on every
        member's day-to-day work and carry a separate, higher cap tied to its insurance rather than none (r26 al-fresh
        finding 11), in the order listed."""
        if self.carve_outs_given:
            return []  # the instructions list them as exceptions to the cap: the note suggests a separate cap instead
        return [c for c in self.no_blame_carve_outs if c in ("confidentiality", "data_protection", "safeguarding")]

    @property
    def capped_carve_out_words(self) -> list[str]:
        return [CARVE_OUT_WORDS[c] for c in self.capped_carve_out_kinds]

    @property
    def uncapped_carve_out_words(self) -> list[str]:
        return [CARVE_OUT_WORDS[c] for c in self.no_blame_carve_outs if c not in self.capped_carve_out_kinds]


# the processes of the Health Care Services (Provider Selection Regime) Regulations 2023 (S.I. 2023/1348), Part 2,
# as each is defined in regulation 2(1): name and regulation (checked against the made text, 2026-12-04)
PSR_PROCESSES = {
    "direct_award_a": ("Direct Award Process A", 7),
    "direct_award_b": ("Direct Award Process B", 8),
    "direct_award_c": ("Direct Award Process C", 9),
    "most_suitable_provider": ("Most Suitable Provider Process", 10),
    "competitive": ("Competitive Process", 11),
}



def route_words(route: str, light_touch: bool) -> str:
    if route == "modification" and light_touch:
        return "a modification, under section 74 of the Procurement Act 2023, of existing contracts made under that Act"
    return ROUTE_WORDS[route]


def started_words(route: str) -> str:
    return "which were awarded on" if route in MODIFICATION_ROUTES else "which began on"


@dataclass(frozen=True)
class FormerChange:
    """Alliance.former_contract_changes: one Provider's former contracts and the change in their yearly value."""
    member: Member
    contracts: list
    kinds: list
    before: Decimal
    after: Decimal
    change: Decimal
    percent: Decimal | None
    over_term: Decimal


@dataclass(frozen=True)
class Merger:
    """Alliance.merging_commissioners: Commissioners whose functions are expected to pass to the same body."""
    body: str
    members: list
    date: dt.date | None
    members_after: int
    votes_after: int
    quorum_after: int
    gain: Decimal
    pain: Decimal | None
    lead: bool


@dataclass(frozen=True)
class RouteRecital:
    """Alliance.route_recital: the one decision behind recital (C) and the key information's procurement row."""
    kind: str
    former: list
    own: list
    holders: list
    named: bool
    light_touch_words: bool
    assessment: bool
    by: dict
    own_named: bool = False
    at_risk: list = dc_field(default_factory=list)  # the contracts at risk of the Provider Selection Regime, less own routes


@dataclass(frozen=True)
class OwnRoute:
    member: Member
    words: str
    started_words: str
    started: dt.date | None


S213_WORDS = ("section 213 of the Housing Act 1996 (co-operating, as is reasonable, with a local housing authority that asks "
              "for its help with its homelessness functions)")


def care_act_words(scope: str) -> str:
    """The Care Act 2014 sections an English council acts under in commissioning adult care and support: the
    duties to prevent needs (s.2, under which reablement is arranged: S.I. 2014/2673 reg. 2), to promote
    integration with health services (s.3) and a diverse, high-quality market (s.5), and to meet adults' eligible
    needs (s.18), met by arranging care and support (s.8). Part 1 is for adults and carers, not children."""
    prevent = "preventing needs for care and support, including reablement" if "reablement" in scope or "intermediate care" in scope \
        else "preventing needs for care and support"
    # an information and advice service is the council's s.4 service (law.yaml care_act_2014_s4; r25 al-fresh 8)
    info = bool(re.search(r"\binformation,? (?:and )?advice\b|\badvice and information\b", scope, re.I))
    four, info_words = (", 4", "; providing information and advice") if info else ("", "")
    # direct payments (ss.31 to 33; law.yaml care_act_2014_direct_payments; r26 al-fresh finding 4)
    dp = "direct payment" in scope
    if carers_only(scope):
        # a carers' service: the carer's assessment (s.10) and the duty and power to meet a carer's needs for support
        # (s.20), not the adult's eligible needs (s.18) (law.yaml care_act_2014_carers; r24 al-fresh finding 1)
        return (f"sections 2, 3{four}, 5, 8, 10 and 20 of the Care Act 2014 ({prevent}; integrating care and support "
                f"with health services{info_words}; a diverse, high-quality market in services; how needs are met; "
                "carers' assessments; and meeting carers' needs for support)")
    if dp:
        return (f"sections 2, 3{four}, 5, 8, 18 and 31 to 33 of the Care Act 2014 ({prevent}; integrating care and support "
                f"with health services{info_words}; a diverse, high-quality market in services; meeting adults' needs for "
                "care and support; and direct payments)")
    return (f"sections 2, 3{four}, 5, 8 and 18 of the Care Act 2014 ({prevent}; integrating care and support with health "
            f"services{info_words}; a diverse, high-quality market in services; and meeting adults' needs for care and "
            "support)")


ADULT_CARE_WORDS = ("care and support", "social care", "reablement", "home care", "homecare", "domiciliary",
                    "intermediate care", "supported living", "day opportunit", "day service", "day centre",
                    "residential", "nursing")


def carers_only(scope: str) -> bool:
    """Whether the services are for unpaid carers: the purpose or a service names carers, and nothing names care and
    support for the adults themselves (home care, day services and the like). The council then acts under the Care
    Act 2014's carers' sections (ss.10 and 20), not s.18."""
    if not re.search(r"\bcarers?\b", scope.replace("foster carer", "").replace("parents and carers", "")):
        return False
    return not any(w in scope for w in ADULT_CARE_WORDS)


@dataclass(frozen=True)
class ShareRow:
    member: str  # the member's key
    name: str
    gain: Decimal
    pain: Decimal | None


@dataclass(frozen=True)
class ProviderTerms:
    name: str
    gain: Decimal
    pain: Decimal | None
    fee: Decimal
    cap: Decimal | None
    fee_percent: Decimal = Decimal(0)


@dataclass(frozen=True)
class Trajectory:
    number: int
    measure: str
    levels: list[str] | None   # one per Alliance Year; None: no numeric baseline yet
    lower_is_better: bool
    agreed: bool
    target_year_named: bool = True   # False: the target names no year, so it is placed in the last Alliance Year
    target_level: str | None = None  # no numeric baseline but a fixed numeric target: the level for its target year
    target_at: int = 0               # the Alliance Year from which target_level applies (r25 al-fresh finding 18)


# a target that holds in every year: "in every year", "each Alliance Year", "none in any year", "in all years"
# (r37 al-fresh finding 1: "none in any year" was read as naming no year, so a zero target got a trajectory)
EVERY_YEAR = re.compile(r"\b(?:(?:every|each|any) (?:alliance )?year|all (?:alliance )?years)\b", re.I)
# a plain number, with or without thousands separators ('2,310' is 2310, never 2), not part of a '2025/26' year
NUMBER = re.compile(r"(?<![\d/,.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d/]|,\d)")
YEAR = re.compile(r"\b(20\d\d)\b")


def names_year(target: str) -> bool:
    """Whether a KPI's target says when it applies: a year ('by 2031/32') or every year ('in every year'),
    so that only a target that says neither is placed in the last Alliance Year and flagged."""
    return bool(YEAR.search(target) or EVERY_YEAR.search(target))


# a statutory_functions entry that is the general power of competence (section 1 of the Localism Act 2011)
LOCALISM_GPC = re.compile(r"\s*(?:section|s\.)\s*1(?:\(\d\))?\s+(?:of\s+)?(?:the\s+)?Localism Act 2011\b", re.I)

RESERVED_WORDS = ((re.compile(r"\b(?:the )?gain and pain shares\b", re.I), "the shares of Gain and Pain"),
                  (re.compile(r"\b(?:the )?gain/pain shares\b", re.I), "the shares of Gain and Pain"),
                  (re.compile(r"\bshares of gain and pain\b", re.I), "shares of Gain and Pain"),
                  (re.compile(r"\bshares of gain or pain\b", re.I), "shares of Gain or Pain"),
                  (re.compile(r"\b(?:the )?gain shares?\b", re.I), "the shares of Gain"),
                  (re.compile(r"\b(?:the )?pain shares?\b", re.I), "the shares of Pain"),
                  (re.compile(r"\bKPIs\b"), "Key Performance Indicators"),
                  (re.compile(r"\bKPI\b"), "Key Performance Indicator"),
                  (re.compile(r"\b[Ii]nitial [Tt]erm\b"), "Initial Term"),
                  (re.compile(r"\b[Tt]arget [Cc]ost\b"), "Target Cost"))


SHARES_PLACE = re.compile(r"\s+(?:in|under|set out in)\s+(?:the\s+)?(?:[\w/-]+\s+){0,3}Schedule(?:\s+\d+)?\b", re.I)

CHARTER_OR = re.compile(r"(?:\bthe Alliance Charter or (?=the Alliance Principles)|"
                        r"(?<=the Alliance Principles) or the Alliance Charter\b)", re.I)
CHARTER = re.compile(r"\bthe Alliance Charter\b", re.I)


def joint_commissioner_words(text: str) -> str:
    """A Reserved Matter's singular "the Commissioner" where several commission (sprint J1): "the Commissioner's cap"
    (or limit, amount) is the Commissioners' one amount together; any other "the Commissioner's" (budget, money,
    funding) is each Commissioner's own, so "a Commissioner's"; a bare "the Commissioner" is the Lead Commissioner,
    which acts for the Commissioners."""
    text = re.sub(r"\b(the )Commissioner's (cap|limit|amount)\b", r"\1Commissioners' \2", text)
    text = re.sub(r"\b[Tt]he Commissioner's\b", "a Commissioner's", text)
    return re.sub(r"(?<!Lead )\b([Tt])he Commissioner\b(?!s)", r"\1he Lead Commissioner", text)


def reserved_matter_words(text: str) -> str:
    """A Reserved Matter as an item of the draft's list: the agreed words, starting in lower case, with the
    draft's defined terms for the abbreviations commissioners write ('KPIs', 'initial term')."""
    for pattern, term in RESERVED_WORDS:
        text = pattern.sub(term, text)
    # the draft has no Alliance Charter (no field defines or annexes one): a change to it reads as a change to the
    # Alliance Principles, which the draft defines, and the decisions note says so (r16 al-fresh finding 4)
    text = CHARTER_OR.sub("", text)
    text = CHARTER.sub("the Alliance Principles", text)
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and not first.isupper() and first not in ("Alliance", "Key", "Target", "Initial"):
        text = text[:1].lower() + text[1:]
    return text.rstrip(" .;")


SERVICE_FILLER = frozenset("""a an and or of for to the in on at by with who are is their those all including people person
    persons adult adults service services support team provision project pilot scheme programme contract contracts
    experiencing affected multiple complex need needs disadvantage health integrated community year old aged""".split())
SERVICE_RELATION = re.compile(r"\b(?:linked to|related to|including|alongside)\b", re.I)  # what a service relates to
SERVICE_SYNONYMS = {"dual diagnosis": "co-occurring"}  # the sector's two names for one thing


def service_words(text: str, titled: bool = False, first: bool = True) -> set[str]:
    """The distinctive words of a service's description, lower-cased without possessives or plural endings: filler
    words dropped and, where `titled` (part of a contract title), capitalised words other than the title's first
    word, which name places ('Hillside Road')."""
    text = text or ""
    for name, same in SERVICE_SYNONYMS.items():
        text = re.sub(name, same, text, flags=re.I)
    out = set()
    for i, raw in enumerate(re.findall(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’-]*", text)):
        if titled and (i or not first) and raw[:1].isupper():
            continue
        w = re.sub(r"['’]s$", "", raw.lower()).strip("'’-")
        if len(w) > 4 and w.endswith("ies"):
            w = w[:-3] + "y"
        elif len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        if w and w not in SERVICE_FILLER:
            out.add(w)
    return out


def same_service(listed: str, named: str) -> bool:
    """Whether a Provider's 'delivers' entry names a listed service: the same words, ignoring case, spacing and
    a closing full stop."""
    def norm(t: str) -> str:
        return " ".join(t.lower().rstrip(". ").split())
    return norm(listed) == norm(named)


def level_words(value: Decimal) -> str:
    """A KPI level as the draft prints it: thousands separated as the term sheet writes them ('2,546')."""
    return f"{value:,}"


def first_number(text: str | None) -> Decimal | None:
    """The first plain number in a KPI's words ('14% of stays' -> 14), ignoring years and dates."""
    for m in NUMBER.finditer(text or ""):
        value = Decimal(m.group(1).replace(",", ""))
        if not (2000 <= value <= 2100 and not set(".,") & set(m.group(1))):  # '2,050' is a number, '2050' a year
            return value
    return None


NIL_TARGET = re.compile(r"^\s*(none|nil|zero|no(?!\s+(more|fewer|less|greater|higher|lower)\b)\s+\w+)\b|\b(zero|nil)\b",
                        re.I)


NIL_LEVEL = re.compile(r"^\s*(?:none|nil|zero|no ?one|nobody|no(?:ne)? at all)\s*\.?\s*$", re.I)


def nil_level(level: str, lower: bool) -> str:
    """An agreed trajectory level as the draft reads it: "none", "nil" or "zero" for a KPI where lower is better is a
    level of 0 ("0"), not "no figure" (r43 al-earlyhelp F3: [90, none, none, none, none] for young people waiting
    more than 18 weeks took the KPI out of the gate in Years 2 to 5); any other level is kept as the sheet gives it."""
    return "0" if lower and NIL_LEVEL.match(str(level)) else str(level)


def target_number(target: str | None) -> Decimal | None:
    """A KPI target's level: its first plain number or, for a target worded as none at all ('None from 2028/29',
    'zero by 2030', 'nil', 'No families in B&B by 2029/30'), 0, so that a nil target is a lower-is-better level of
    0, not "no target" (r20 al-fresh finding 1). 'No more than 5' is 5."""
    if NIL_START.match(target or ""):
        return Decimal(0)  # 'None from 31 March 2030' is nil, not 31 (the day of its date)
    goal = first_number(DATE_WORDS.sub(" ", target or ""))
    if goal is None and NIL_TARGET.search(target or ""):
        return Decimal(0)
    return goal


# a target that opens with a nil word is nil whatever numbers its date carries; 'No more than 5' is not nil
NIL_START = re.compile(r"^\s*(?:none|nil|zero|no(?!\s+(?:more|fewer|less|greater|higher|lower)\b)\s+\w+)\b", re.I)
# a date in a KPI's words ('31 March 2030'): its day is not the KPI's level
DATE_WORDS = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December)\b", re.I)


def lower_is_better(baseline: str | None, target: str) -> bool:
    """Whether the KPI improves downwards: its target is below its baseline, or is worded that way."""
    base, goal = first_number(baseline), target_number(target)
    if base is not None and goal is not None and base != goal:
        return goal < base
    return bool(re.search(r"\b(fewer|below|less|under|reduce|no more than)\b", target, re.I))


def level_unit(baseline: str | None, target: str) -> str:
    """How a KPI's straight-line levels print their unit: '%' after a percentage; for money ('£1.1 million', 'GBP
    1.6m') a pattern keeping the pound sign and the scale, '£{} million', so that a level reads '£1.35 million' and
    not '1.35' (r34 al-fresh finding 8); else nothing."""
    words = f"{baseline or ''} {target}"
    if "%" in words:
        return "%"
    if re.search(r"£|\bGBP\b", words):
        scale = re.search(r"\d\s*(million|m|billion|bn|thousand|k)\b", target, re.I) or re.search(
            r"\d\s*(million|m|billion|bn|thousand|k)\b", baseline or "", re.I)
        word = {"m": "million", "bn": "billion", "k": "thousand"}.get(scale.group(1).lower(), scale.group(1).lower()) \
            if scale else ""
        return "£{}" + (f" {word}" if word else "")
    return ""


def _with_unit(level: str, unit: str) -> str:
    return unit.format(level) if "{}" in unit else level + unit


def line_levels(base: Decimal, goal: Decimal, by: int, since: int, years: int, strict: str | None, unit: str,
                places: int, lower: bool) -> list[str]:
    """A straight line from the baseline (true in Alliance Year `since`) to the goal, reached in Alliance Year `by`
    and then held, for each Alliance Year of the term. `unit` is a suffix ('%') or a pattern ('£{} million')."""
    levels = []
    for y in range(1, years + 1):
        if y >= by and strict:
            levels.append(f"{strict} {_with_unit(level_words(goal), unit)}")
            continue
        value = base + (goal - base) * Decimal(min(y, by) - since) / Decimal(by - since)
        # rounded towards the more demanding figure: down where lower is better (r14 al-fresh finding 29),
        # up where higher is better (r15 al-sample finding 7), so no level is eased by rounding
        # a level given to one decimal place that rounding would move (0.78 to 0.7) is given to two instead, so that
        # no level is stricter than the line by rounding either (r18 al-fresh finding 5)
        q = Decimal(1) if places == 0 else Decimal("0.1")
        if places == 1 and value.quantize(q, rounding=ROUND_HALF_UP) != value:
            q = Decimal("0.01")
        levels.append(_with_unit(level_words(value.quantize(q, rounding=ROUND_FLOOR if lower else ROUND_CEILING)), unit))
    return levels


def baseline_year(baseline: str | None, start: dt.date) -> int:
    """The Alliance Year (0 or earlier) the baseline was measured in, so that the straight line runs from when
    the baseline was true, not from the Commencement Date: '180 a year (2024/25)' for a 2027 start -> -2. A month
    and year ('540 (March 2026)') is placed in the Alliance Year containing it, so that a baseline taken at the end of
    2025/26 counts from that year, as a financial year's would (r34 al-fresh finding 8)."""
    m = MONTH_YEAR.search(baseline or "")
    if m:
        month, year = MONTHS.index(m.group(2).lower()) + 1, int(m.group(3))
        return min(alliance_year_of(dt.date(year, month, int(m.group(1)) if m.group(1) else 1), start), 0)
    m = YEAR.search(baseline or "")
    return min(int(m.group(1)) - start.year + 1, 0) if m else 0


def strict_word(target: str, lower: bool) -> str | None:
    """'below' or 'above' where the target is strict ('fewer than 10', 'below 5%', 'more than 80%'), so that
    the level in the target year says what the target says rather than a number that would just miss it. A target
    that includes its own figure ('35% or below', 'at or under 10', 'no more than 5%', 'not less than 80%') is not
    strict: the figure itself meets it (r17 al-fresh finding 10)."""
    target = re.sub(r"\b(or|at or)\s+(below|under|less|fewer|lower|above|over|more|higher|greater)\b|"
                    r"\b(no|not)\s+(more|less|fewer|greater|higher|lower)\s+than\b", " ", target, flags=re.I)
    if lower and re.search(r"\b(fewer than|less than|below|under)\b", target, re.I):
        return "below"
    if not lower and re.search(r"\b(more than|above|over|greater than)\b", target, re.I):
        return "above"
    return None


MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
MONTH_YEAR = re.compile(r"\b(?:(\d{1,2})\s+)?(" + "|".join(MONTHS) + r")\s+(20\d\d)\b", re.I)
FINANCIAL_YEAR = re.compile(r"\b(20\d\d)/(\d\d)\b")


def alliance_year_of(day: dt.date, start: dt.date) -> int:
    """The Alliance Year (1-based; 0 or less before the start) that contains `day`."""
    months = (day.year - start.year) * 12 + day.month - start.month - (1 if day.day < start.day else 0)
    return months // 12 + 1


def target_year(target: str, start: dt.date, years: int) -> int:
    """The Alliance Year (1-based) by which a target is to be met: the one containing the date it names ('by March
    2031': 31 March 2031) or the end of the financial year it names ('by 2030/31': 31 March 2031), so that a
    target is never placed a year early or late (r18 al-fresh finding 5); for a bare year, the Alliance Year
    starting in it; else the last."""
    m = MONTH_YEAR.search(target)
    if m:
        month, year = MONTHS.index(m.group(2).lower()) + 1, int(m.group(3))
        last = (dt.date(year + (month == 12), month % 12 + 1, 1) - dt.timedelta(days=1)).day
        day = dt.date(year, month, min(int(m.group(1)), last) if m.group(1) else last)
        return min(max(alliance_year_of(day, start), 1), years)
    m = FINANCIAL_YEAR.search(target)
    if m:
        return min(max(alliance_year_of(dt.date(int(m.group(1)) + 1, 3, 31), start), 1), years)
    m = YEAR.search(target)
    if not m:
        return years
    return min(max(int(m.group(1)) - start.year + 1, 1), years)


@dataclass(frozen=True)
class ResolvedLimit:
    """One Commissioner's limit on its part of the Commissioners' Pain: who, how much, who bears the rest, its part
    before the limit (a fraction), the Commissioners' share of Pain at which it is reached, and the Pain at which that
    happens in the first Alliance Year (None where it cannot be reached)."""

    member: "Member"
    amount: Decimal
    takers: list
    part: Decimal
    reached_share: Decimal
    reached_pain: Decimal | None


@dataclass(frozen=True)
class CapThresholds:
    """Where the caps bite, as amounts of Pain: the first Provider's, the last Provider's, the Commissioner's."""

    first_provider: Decimal | None
    all_providers: Decimal | None
    commissioner: Decimal | None


def commissioner_cap_reached(points: list[tuple[Decimal, Decimal]], *, shares_total: Decimal,
                             commissioner_cap: Decimal) -> Decimal | None:
    """The Pain at which what the Commissioner bears (Pain less the Providers' capped shares) reaches its
    cap. What it bears rises with Pain piecewise in straight lines, so walk the points where caps bite."""
    caps = sorted((cap * HUNDRED / share, cap, share) for cap, share in points)
    uncapped_share = shares_total  # the Providers' shares still below their caps, in percent
    fixed = Decimal(0)             # the caps already reached, in pounds
    start = Decimal(0)
    for bite, cap, share in [*caps, (None, None, None)]:
        slope = 1 - uncapped_share / HUNDRED  # the Commissioner's part of each extra pound of Pain
        if slope > 0:
            reach = (commissioner_cap + fixed) / slope
            if bite is None or reach <= bite:
                return pence(max(reach, start))
        if bite is None:
            return None
        start, fixed, uncapped_share = bite, fixed + cap, uncapped_share - share
    return None


@dataclass(frozen=True)
class ProviderYear:
    """One Provider's year for the risk/reward calculation: what it was paid, its own allowable costs
    (without its Fee), its percentage share, its Pain Cap in pounds (None: uncapped) and its agreed Fee.
    Its part of the Actual Cost is its costs plus its Fee."""

    member: str
    name: str
    paid: Decimal
    cost: Decimal
    share: Decimal
    cap: Decimal | None
    fee: Decimal = Decimal(0)
    limit: Decimal | None = None   # the most it bears of Pain in all, where Providers bear Pain above the Commissioner's amount
    gain_cap: Decimal | None = None  # the most it receives of Gain, where each Provider's share of Gain is capped


@dataclass(frozen=True)
class OpenBookLine:
    """An Open-Book Provider's year inside the alliance: its own reconciliation (`rec`, whose Reasonable Profit
    is the profit cap alone), then its Balancing Amount, its whole return and the cap on it."""

    member: "Member"
    rec: Reconciliation
    balancing: Decimal        # its Balancing Amount, worked out first
    actual_profit: Decimal    # Service Income plus Balancing Amount less Allowable Costs
    alliance_return: Decimal  # its Fee plus its share of Gain (or less its share of Pain)
    reasonable: Decimal       # the greater of the profit cap and its alliance return
    excess: Decimal           # Excess Profit: only income from outside the alliance settlement
    kept: Decimal             # the profit it keeps


@dataclass(frozen=True)
class SettledLine:
    member: str
    name: str
    paid: Decimal
    cost: Decimal
    kept: Decimal        # payments less own costs and Fee: what it kept (+) or bore (-) beyond its Fee before sharing
    share: Decimal       # its share of Gain (+) or of Pain (-), after its Pain Cap and any spill-over
    balancing: Decimal   # paid by the Commissioner to it (+) or by it to the Commissioner (-)
    fee: Decimal = Decimal(0)

    @property
    def ends_with(self) -> Decimal:
        """What the Provider is left with after settlement, beyond its costs: its Fee plus or minus its share."""
        return self.fee + self.share


@dataclass(frozen=True)
class Settlement:
    """The year's outcome and one line per Provider; the Commissioner's share is what is left."""

    target: Decimal
    actual: Decimal
    outcome: Decimal              # Target Cost less Actual Cost: Gain if positive, Pain if negative
    lines: tuple[SettledLine, ...]
    commissioner_share: Decimal   # its share of Gain (+) or of Pain (-), including Pain above the Providers' caps
    beyond_caps: Decimal          # Pain above the Providers' Pain Caps that the Commissioner bears
    spill_over: Decimal           # Pain above the Commissioner's own cap, shared back to the Providers
    above_gain_cap: Decimal = Decimal(0)  # Gain the Gain Cap cut from the Providers' shares, added to the Commissioner's

    @property
    def gain(self) -> Decimal:
        return max(self.outcome, Decimal(0))

    @property
    def pain(self) -> Decimal:
        return max(-self.outcome, Decimal(0))


def settle(target: Decimal, lines: list[ProviderYear], *, commissioner_cap: Decimal | None = None,
           gain_cap_total: Decimal | None = None, spread_returned: bool = False) -> Settlement:
    """Share a year's Gain or Pain and work out one balancing amount per Provider.

    Each Provider's share is its percentage of the Gain or Pain rounded to the penny (half up, `pence`);
    a Provider's share of Pain stops at its Pain Cap. The Commissioner takes what is left, so the shares
    add up exactly to the Gain or Pain. Where the Commissioner's own exposure is capped, Pain above that
    cap goes back to the Providers in proportion to their shares of Pain (the penny left by rounding to
    the Provider with the largest share), each only up to its overall limit where it has one; what no
    Provider can bear within its limit stays with the Commissioner. A Provider has already kept (or borne) its payments less its
    own costs and its Fee, so its balancing amount is its share less what it kept: it ends with its Fee
    plus or minus its share. A Gain Cap limits each Provider's share of Gain (`ProviderYear.gain_cap`) or their shares
    together (`gain_cap_total`: each share cut back in proportion to its percentage so that they total the cap, the
    penny left by rounding to the Provider with the largest share); what it cuts off goes to the Commissioner.
    """
    target = pence(target)
    actual = sum((pence(p.cost) + pence(p.fee) for p in lines), Decimal(0))
    outcome = target - actual
    shares: list[Decimal] = []
    if outcome >= 0:
        raw = [pence(outcome * p.share / HUNDRED) for p in lines]
        shares = [r if p.gain_cap is None else min(r, pence(p.gain_cap)) for p, r in zip(lines, raw)]
        if gain_cap_total is not None and lines and sum(shares, Decimal(0)) > pence(gain_cap_total):
            cap = pence(gain_cap_total)
            weights = sum((p.share for p in lines), Decimal(0))
            shares = [pence(cap * p.share / weights) for p in lines]
            biggest = max(range(len(lines)), key=lambda i: (lines[i].share, -i))
            shares[biggest] += cap - sum(shares, Decimal(0))
        beyond = spill = Decimal(0)
        above_gain = sum(raw, Decimal(0)) - sum(shares, Decimal(0))
        commissioner = outcome - sum(shares, Decimal(0))
    else:
        pain = -outcome
        borne = []
        for p in lines:
            raw = pence(pain * p.share / HUNDRED)
            borne.append(raw if p.cap is None else min(raw, pence(p.cap)))
        raw_total = sum((pence(pain * p.share / HUNDRED) for p in lines), Decimal(0))
        beyond = raw_total - sum(borne, Decimal(0))
        left = pain - sum(borne, Decimal(0))
        spill = Decimal(0)
        if commissioner_cap is not None and left > pence(commissioner_cap) and lines:
            spill = left - pence(commissioner_cap)
            weights = sum((p.share for p in lines), Decimal(0))
            if weights > 0:
                extra = [pence(spill * p.share / weights) for p in lines]
                biggest = max(range(len(lines)), key=lambda i: (lines[i].share, -i))
                extra[biggest] += spill - sum(extra, Decimal(0))
            else:  # no Provider has a share of Pain: it falls on them in proportion to payments
                extra = [Decimal(0)] * len(lines)
                extra[0] = spill
            extra = [e if p.limit is None else max(min(e, pence(p.limit) - b), Decimal(0))
                     for p, b, e in zip(lines, borne, extra)]
            # where each Commissioner has its own board-approved cap (spread_returned), what a Provider cannot bear
            # within its Pain Limit is spread among the Providers still below theirs, in proportion to their shares,
            # before any of it stays with the Commissioners (r44d al-homefirst 3); otherwise it stays with them
            for _ in range(len(lines) if spread_returned else 0):
                rest = spill - sum(extra, Decimal(0))
                room = [i for i, (p, b, e) in enumerate(zip(lines, borne, extra))
                        if p.share > 0 and (p.limit is None or pence(p.limit) - b - e > 0)]
                if rest <= 0 or not room:
                    break
                w = sum((lines[i].share for i in room), Decimal(0))
                add = {i: pence(rest * lines[i].share / w) for i in room}
                add[room[-1]] += rest - sum(add.values(), Decimal(0))
                for i, a in add.items():
                    p = lines[i]
                    extra[i] += a if p.limit is None else max(min(a, pence(p.limit) - borne[i] - extra[i]), Decimal(0))
            borne = [b + e for b, e in zip(borne, extra)]
            spill = sum(extra, Decimal(0))
            left = pain - sum(borne, Decimal(0))
        shares = [-b for b in borne]
        commissioner = -left
        above_gain = Decimal(0)
    settled = []
    for p, share in zip(lines, shares):
        kept = pence(p.paid) - pence(p.cost) - pence(p.fee)
        settled.append(SettledLine(p.member, p.name, pence(p.paid), pence(p.cost), kept, share, share - kept,
                                   pence(p.fee)))
    return Settlement(target, actual, outcome, tuple(settled), commissioner, beyond, spill, above_gain)


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later (the last day of that month where it is shorter)."""
    y, m = divmod(day.month - 1 + months, 12)
    y, m = day.year + y, m + 1
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return min(day.replace(year=y, month=m, day=1) + dt.timedelta(days=day.day - 1), nxt - dt.timedelta(days=1))


def split_hundred(weights: list[Decimal]) -> list[Decimal]:
    """Percentages to two places in proportion to `weights`, adding up to exactly 100 (largest remainder)."""
    total = sum(weights, Decimal(0))
    if not weights or total <= 0:
        return [Decimal(0) for _ in weights]
    exact = [w * HUNDRED / total for w in weights]
    floors = [e.quantize(CENT, rounding=ROUND_DOWN) for e in exact]
    left = int(((HUNDRED - sum(floors, Decimal(0))) / CENT).to_integral_value())
    order = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += CENT
    return floors


class AllianceTermSheet(TermSheetBase):
    """Term sheet for an alliance agreement between a commissioner and several providers."""

    family: Literal["alliance"] = Field(description="Always 'alliance' for this family.")
    members: list[Member] = Field(min_length=3, max_length=20, description="Every party to the agreement, 3 to 20, in signing order; exactly one has role 'commissioner'.")
    alliance: Alliance = Field(description="The alliance itself.")

    def in_terms(self, text: str | None) -> str | None:
        """Shared clauses' `terms(...)`: a pasted phrase read as the draft's defined terms (Alliance.in_terms)."""
        return self.alliance.in_terms(text)

    @model_validator(mode="after")
    def _give_alliance_its_members(self) -> "AllianceTermSheet":
        self.alliance._members = tuple(self.members)
        if self.alliance.gate_kpis:
            # the sheet's short list of gating KPIs stands for every Provider that kpi_gates does not list, so the
            # clauses and the outcomes Schedule read one list of gates (sprint G3 finding 6)
            listed = {g.member for g in self.alliance.kpi_gates}
            gates = list(self.alliance.kpi_gates) + [
                KpiGate(member=m.key, kpis=list(self.alliance.gate_kpis))
                for m in self.members if m.role == "provider" and m.key not in listed]
            object.__setattr__(self.alliance, "kpi_gates", gates)
        for m in self.members:
            m._lower_tier_council = self.alliance.upper_tier_partner(m) is not None
        for m in self.alliance.social_services_councils:
            m._social_services_council = True
            # children's services under Part 3 of the Children Act 1989 without adults' care and support (r38d
            # al-edge finding 15: an edge-of-care alliance's note spoke of the Care Act)
            m._children_functions = (self.alliance.care_leavers_in_scope or (
                self.alliance.psr_children_part3 and "the Care Act 2014" not in self.alliance.psr_function_names)
            ) and not self.document.wales
        youngest = self.alliance.youngest_age
        self.safeguarding._all_16_or_over = youngest is not None and youngest >= 16
        self.alliance._open_book = self.open_book
        if self.open_book is not None:
            self.open_book._per_provider = self.alliance.open_book_examples
            self.open_book._volume_lines = self.alliance.volume_lines
        return self
