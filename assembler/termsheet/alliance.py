"""The alliance agreement's term sheet: a commissioner and several providers sharing outcomes and risk."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_DOWN, Decimal
from typing import Annotated, Literal

from dataclasses import dataclass

from pydantic import Field, PrivateAttr, model_validator

from assembler.termsheet.common import Kpi, Money, Party, Percent, Period, Strict, TermSheetBase, Text

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


class Member(Party):
    """A party to the alliance agreement: the commissioner or a provider, with its ALT seat and value."""

    key: MemberKey = Field(description="Short lower-case key other parts of the term sheet use for this member, e.g. 'hospice'.")
    role: Literal["commissioner", "provider"] = Field(description="'commissioner' (the public body buying the services) or 'provider'.")
    annual_value: Money = Field(Decimal(0), description="Yearly value, in pounds, of the services this member delivers within the alliance (0 for a commissioner that delivers none itself).")
    alt_representative: Representative | None = Field(None, description="The member's seat on the Alliance Leadership Team (ALT). Every Alliance Member needs one.")


class Extension(Strict):
    years: int = Field(0, ge=0, le=10, description="Total years by which the initial term may be extended (0 for none).")
    notice_months: int = Field(12, ge=1, le=36, description="Months before the initial term ends by which the extension must be agreed.")


class Decisions(Strict):
    majority_percent: int = Field(75, ge=51, le=99, description="Under majority voting: the percentage of Alliance Members' votes needed to pass a resolution (e.g. 75).")
    reserved_matters: list[Text] = Field(default_factory=list, description="Matters that need every Alliance Member's agreement even under majority voting, one line each.")
    quorum: int | None = Field(None, ge=2, le=20, description="Alliance Members needed for an ALT meeting to be quorate. Empty: two-thirds of the Alliance Members, rounded up.")
    meetings_per_year: int = Field(12, ge=4, le=52, description="How often the ALT meets as a minimum, e.g. 12 for monthly.")


class AgreedShare(Strict):
    member: MemberKey = Field(description="Key of the member (as under members).")
    gain: Share = Field(description="The member's share of any gain (underspend against the target cost), as a percentage.")
    pain: Share | None = Field(None, description="The member's share of any pain (overspend), as a percentage. Leave out under a gain-only mechanism.")


class PainCap(Strict):
    basis: Literal["margin", "percent_of_value", "fixed_amount"] = Field(
        "margin", description="What limits a provider's share of pain: its margin (the profit element of its contract value), a percentage of its annual value, or a fixed amount.")
    percent: Share | None = Field(None, description="Under 'percent_of_value': the cap as a percentage of the member's annual value.")
    amount: Money | None = Field(None, description="Under 'fixed_amount': the most any one member bears in a year, in pounds.")


class RiskReward(Strict):
    basis: Literal["agreed", "equal", "pro_rata"] = Field(
        "pro_rata", description="How gain and pain shares are set: 'agreed' percentages listed under shares; 'equal' among the sharing members; 'pro_rata' to each member's annual value (computed by the tool).")
    shares: list[AgreedShare] = Field(default_factory=list, description="Under 'agreed': each sharing member's gain and pain percentages; each column must add up to 100.")
    pain_cap: PainCap = Field(default_factory=PainCap, description="The limit on each member's share of pain.")
    target_cost: Money | None = Field(None, description="The annual target cost against which gain and pain are measured. Empty: the total annual value.")


class PooledBudget(Strict):
    annual_amount: Money = Field(description="The yearly amount of the pooled budget, in pounds; it must equal the sum of the members' annual values.")
    host: MemberKey = Field(description="Key of the member that holds the pooled budget (usually the commissioner).")


class FormerContract(Strict):
    member: MemberKey = Field(description="Key of the member that holds the contract.")
    title: Text = Field(description="What the contract is for, e.g. 'Supported housing, Hillside Road'.")
    reference: str | None = Field(None, description="The commissioner's contract reference.")
    annual_value: Money | None = Field(None, description="Its yearly value in pounds, if known.")


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
    "insolvency": "its insolvency, or any arrangement with its creditors",
    "confidentiality": "its breach of its obligations on confidentiality",
    "data_protection": "its breach of its obligations under the Data Protection Legislation",
    "safeguarding": "its breach of its safeguarding obligations",
    "abandonment": "its abandoning its part of the Services, or leaving the Alliance other than as this Agreement allows",
}
CarveOut = Literal["wilful_default", "fraud", "insolvency", "confidentiality", "data_protection", "safeguarding", "abandonment"]


class Alliance(Strict):
    name: Text = Field(description="The alliance's name, e.g. 'Harbourside Complex Needs Alliance'.")
    purpose: Text = Field(description="What the alliance is for, as one phrase starting with a verb, e.g. 'give people with multiple and complex needs joined-up support'.")
    commissioner_is_member: bool = Field(True, description="Whether the commissioner is itself an Alliance Member, with a vote on the ALT and a share of gain and pain.")
    term: Period = Field(description="The initial term: first and last day.")
    extension: Extension = Field(default_factory=Extension, description="Whether and how the initial term may be extended.")
    services: list[Text] = Field(min_length=1, description="Services in scope, one line each.")
    outcomes: list[Text] = Field(min_length=1, description="The outcomes the alliance works towards, one line each.")
    kpis: list[Kpi] = Field(default_factory=list, description="Key performance indicators: measure, baseline, target, frequency.")
    decisions: Decisions = Field(default_factory=Decisions, description="ALT decision-making: majority, reserved matters, quorum, meetings.")
    risk_reward: RiskReward = Field(default_factory=RiskReward, description="Gain and pain shares and the cap on pain.")
    pooled_budget: PooledBudget | None = Field(None, description="A pooled budget held by one member; leave out if each member is paid under its own contract.")
    no_blame_carve_outs: list[CarveOut] = Field(
        default_factory=lambda: ["wilful_default", "fraud", "insolvency", "confidentiality"],
        description="Under the no-blame liability model: conduct for which a member remains liable. Choose from "
        "wilful_default, fraud, insolvency, confidentiality, data_protection, safeguarding, abandonment.")
    procurement_route: Literal[tuple(ROUTE_WORDS)] = Field(  # type: ignore[valid-type]
        description="How the arrangements were procured: open, competitive_flexible, direct_award, reserved_mutual, "
        "modification (of contracts awarded under the Procurement Act 2023), pcr2015, pcr2015_modification (of "
        "contracts awarded under the Public Contracts Regulations 2015, reg. 72), provider_selection (health care "
        "services under the Provider Selection Regime), not_procurement.")
    procurement_started: dt.date | None = Field(
        None, description="When the procurement began (for a modification: when the contracts being modified were "
        "awarded), as YYYY-MM-DD. It decides the law that governs the route: the Procurement Act 2023 from "
        "24 February 2025, the Public Contracts Regulations 2015 before.")
    former_contracts: list[FormerContract] = Field(default_factory=list, description="Existing contracts being brought into line with the alliance.")
    exit_notice_months: int = Field(12, ge=3, le=24, description="Months' notice a member gives to leave the alliance.")
    handover: str | None = Field(None, description="For the Exit Plan: each member's services at the start and how each would be "
                                 "handed over if it left, in a sentence or two, e.g. 'Harbour Housing: floating support, to the "
                                 "Council's in-house team with case records'. Empty: the draft shows a placeholder.")
    service_specification: str | None = Field(None, description="Under the single-contract structure: where each Provider's part "
                                              "of the Services is specified, e.g. 'the specification in Annex A (version 3, 1 March "
                                              "2026)'. Empty: the draft shows a placeholder.")
    liability_floor: Money | None = Field(None, description="Under the capped liability position: the least cap, in pounds, for a "
                                          "member with a small annual value, e.g. 250000. Empty: the draft shows a placeholder.")

    # The members live at the top of the term sheet (each is a party that signs); the alliance's computed
    # figures need them, and clause files reach computed values only through `alliance.<property>`.
    _members: tuple[Member, ...] = PrivateAttr(default=())

    @property
    def commissioner(self) -> Member | None:
        return next((m for m in self._members if m.role == "commissioner"), None)

    @property
    def providers(self) -> list[Member]:
        return [m for m in self._members if m.role == "provider"]

    @property
    def alliance_members(self) -> list[Member]:
        """The voting members: every party, less the commissioner where it is not a member."""
        return [m for m in self._members if self.commissioner_is_member or m.role != "commissioner"]

    @property
    def provider_names(self) -> list[str]:
        return [m.name for m in self.providers]

    @property
    def member_names(self) -> list[str]:
        return [m.name for m in self.alliance_members]

    @property
    def pooled_budget_host(self) -> str | None:
        host = self.pooled_budget.host if self.pooled_budget else None
        return next((m.name for m in self._members if m.key == host), None)

    @property
    def total_annual_value(self) -> Decimal:
        return sum((m.annual_value for m in self._members), Decimal(0))

    @property
    def term_value(self) -> Decimal:
        """Estimated value over the initial term: the annual total times the term in years."""
        return (self.total_annual_value * Decimal(self.term.months) / 12).quantize(CENT)

    @property
    def target_cost(self) -> Decimal:
        return self.risk_reward.target_cost if self.risk_reward.target_cost is not None else self.total_annual_value

    @property
    def quorum(self) -> int:
        if self.decisions.quorum is not None:
            return self.decisions.quorum
        return -(-len(self.alliance_members) * 2 // 3)

    @property
    def sharing_members(self) -> list[Member]:
        """Who shares gain and pain under a computed basis: Alliance Members delivering services."""
        return [m for m in self.alliance_members if m.annual_value > 0]

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
    def route_words(self) -> str:
        return ROUTE_WORDS[self.procurement_route]

    @property
    def carve_out_words(self) -> list[str]:
        return [CARVE_OUT_WORDS[c] for c in self.no_blame_carve_outs]


@dataclass(frozen=True)
class ShareRow:
    member: str  # the member's key
    name: str
    gain: Decimal
    pain: Decimal | None


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

    @model_validator(mode="after")
    def _give_alliance_its_members(self) -> "AllianceTermSheet":
        self.alliance._members = tuple(self.members)
        return self
