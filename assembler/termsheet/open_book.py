"""Open-book, reasonable-profit terms: the `open_book` block any family may carry, the standalone
open-book agreement's term sheet, and the reconciliation arithmetic the draft's worked example shows.

The arithmetic is a pure function over Decimals (`reconcile`), so it is tested apart from the draft;
the clause text only prints its results.
"""

from __future__ import annotations

import calendar

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

# pence(): to the nearest penny, half a penny up (the rule the reconciliation schedule states), the
# same function the money filter and the rules' messages round with.
from assembler.formatting import factor, pence
from assembler.termsheet.common import Kpi, LegalForm, Money, Party, Percent, Period, Strict, TermSheetBase, Text
from assembler.termsheet.common import legal_field
from assembler.termsheet.indexation import INDEX_NAMES, measure_words, month_to

PENNY = Decimal("0.01")
HUNDRED = Decimal(100)

ProfitRate = Annotated[
    Decimal,
    Field(ge=0, le=15, decimal_places=2, description="A profit rate from 0 to 15 per cent, e.g. 5.",
          json_schema_extra={"unit": "%"}),
]
CostBase = Literal["full-cost", "direct-cost"]
Margin = Literal["hard-cap", "sharing-band"]
Treatment = Literal["refund", "reinvest", "split"]
COST_BASES: tuple[CostBase, ...] = ("full-cost", "direct-cost")
MARGINS: tuple[Margin, ...] = ("hard-cap", "sharing-band")
TREATMENTS: tuple[Treatment, ...] = ("refund", "reinvest", "split")


NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())} | {"twenty-five": 25, "thirty": 30, "forty": 40, "fifty": 50}
LEASE_TERM = re.compile(r"\b(\d{1,3}|[a-z]+(?:-five)?)[- ]years?\b[^.;]*?\blease\s+(?:from|starting(?: on)?|beginning(?: on)?)\s+"
                        r"(\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December) \d{4})", re.IGNORECASE)


OCCUPANCY_MEASURE = re.compile(r"\boccupan|\butili[sz]ation\b|\b(bed[- ]?nights?|bed[- ]?weeks?|places?|beds?|nights?)\b"
                               r"[^.]*\b(used|occupied|filled)\b", re.IGNORECASE)


def rate_of(rate: Decimal, amount: Decimal) -> Decimal:
    return pence(amount * rate / HUNDRED)


@dataclass(frozen=True)
class Reconciliation:
    """One period's reconciliation, every figure in pounds rounded to pence."""

    direct_costs: Decimal
    overheads_claimed: Decimal
    overhead_limit: Decimal        # the most overhead that counts as an Allowable Cost
    overheads_allowed: Decimal
    allowable_costs: Decimal       # direct costs plus allowed overheads
    cost_base: Decimal             # what the profit rate is applied to when the basis is allowable cost
    income: Decimal
    profit_cap: Decimal            # the rate, in per cent
    maximum_profit: Decimal        # Reasonable Profit: the most the provider keeps outright
    actual_profit: Decimal         # income less allowable costs (negative for a loss)
    band_limit: Decimal            # top of the sharing band (equal to maximum_profit under a hard cap)
    band_profit: Decimal           # profit inside the sharing band
    provider_band_share: Decimal   # the provider's part of band_profit
    excess: Decimal                # Excess Profit, dealt with by the treatment
    refund: Decimal                # paid back to the commissioner
    reinvest: Decimal              # applied to the services
    retained_profit: Decimal       # what the provider keeps in all

    @property
    def overheads_disallowed(self) -> Decimal:
        """Overheads spent above the Overhead Cap: real spending the provider bears itself."""
        return self.overheads_claimed - self.overheads_allowed

    @property
    def provider_result(self) -> Decimal:
        """What the provider is left with once it has also paid the overheads above the cap.

        The retained profit is measured on Allowable Costs only; overheads above the cap are still
        paid out of the provider's own money, so this is the figure its accounts show.
        """
        return self.retained_profit - self.overheads_disallowed

    @property
    def actual_margin(self) -> Decimal:
        """Actual profit as a percentage of allowable costs, to two places (for the narrative only)."""
        if not self.allowable_costs:
            return Decimal(0)
        return (self.actual_profit * HUNDRED / self.allowable_costs).quantize(PENNY, rounding=ROUND_HALF_UP)


def reconcile(
    *,
    direct_costs: Decimal,
    overheads: Decimal,
    income: Decimal,
    profit_cap: Decimal,
    basis: Literal["allowable_cost", "revenue", "fixed_fee"],
    overhead_cap: Decimal,
    cost_base: CostBase = "full-cost",
    cap_base: Decimal | None = None,
    margin: Margin = "hard-cap",
    treatment: Treatment = "refund",
    fixed_fee: Decimal | None = None,
    band_upper: Decimal | None = None,
    band_provider_share: Decimal | None = None,
    split_percentage: Decimal | None = None,
) -> Reconciliation:
    """Reconcile one period: allowed overheads, the profit cap, the excess and where it goes.

    - Overheads count as Allowable Costs up to `overhead_cap` per cent of direct costs.
    - The profit rate applies to the Cost Base (direct plus allowed overheads for "full-cost",
      direct costs only for "direct-cost"), to income (basis "revenue"), or is a fixed sum.
    - Hard cap: profit above the maximum is Excess Profit. Sharing band: profit between the target
      (the cap) and `band_upper` is shared, the provider keeping `band_provider_share` per cent;
      the commissioner's share of the band and everything above it is Excess Profit.
    - Excess Profit is refunded, reinvested, or split (`split_percentage` refunded, the rest reinvested).
    Every amount is rounded to pence at the step where it is worked out.
    """
    # cap_base: the costs the Overhead Cap is a percentage of where they are not all the direct costs (the staff
    # costs, open_book.overhead_cap_base: r27 ob-sample 3).
    overhead_limit = rate_of(overhead_cap, direct_costs if cap_base is None else cap_base)
    overheads_allowed = min(pence(overheads), overhead_limit)
    allowable = pence(direct_costs) + overheads_allowed
    base = allowable if cost_base == "full-cost" else pence(direct_costs)

    def profit_at(rate: Decimal) -> Decimal:
        if basis == "fixed_fee":
            return pence(fixed_fee or Decimal(0))
        return rate_of(rate, base if basis == "allowable_cost" else income)

    maximum = profit_at(profit_cap)
    actual = pence(income) - allowable
    if margin == "sharing-band" and basis != "fixed_fee" and band_upper is not None:
        band_limit = max(profit_at(band_upper), maximum)
        share = band_provider_share if band_provider_share is not None else Decimal(50)
    else:
        band_limit, share = maximum, Decimal(0)
    band_profit = max(Decimal(0), min(actual, band_limit) - maximum)
    provider_band = rate_of(share, band_profit)
    above = max(Decimal(0), actual - band_limit)
    excess = (band_profit - provider_band) + above
    if treatment == "refund":
        refund, reinvest = excess, Decimal(0)
    elif treatment == "reinvest":
        refund, reinvest = Decimal(0), excess
    else:
        refund = rate_of(split_percentage or Decimal(0), excess)
        reinvest = excess - refund
    retained = actual - excess
    return Reconciliation(
        direct_costs=pence(direct_costs), overheads_claimed=pence(overheads), overhead_limit=overhead_limit,
        overheads_allowed=overheads_allowed, allowable_costs=allowable, cost_base=base, income=pence(income),
        profit_cap=profit_cap, maximum_profit=maximum, actual_profit=actual, band_limit=band_limit,
        band_profit=band_profit, provider_band_share=provider_band, excess=excess, refund=refund,
        reinvest=reinvest, retained_profit=retained,
    )


# Units a year one place gives, for the units a Core Place is paid by every one of (r21 ob-fresh 1: nights).
PLACE_UNITS_A_YEAR = {"week": 52, "night": 365}


@dataclass(frozen=True)
class CoreFloor:
    """The least the commissioner pays in a year when only the Core Places are paid for.

    The weekly price with a capacity is paid for every core place every week. The other prices
    (hourly one-to-one support, spot places) are not guaranteed, so they count for nothing: a floor
    that counted them would overstate what the provider is sure to receive.
    """

    places: int
    weeks: int
    weekly_price: Decimal
    income: Decimal
    allowable_costs: Decimal
    # The unit the Core Places are paid by: "week", or "night" where the Prices are per bed-night (r21 ob-fresh 2).
    # `weeks` and `weekly_price` then count nights and the nightly price.
    unit: str = "week"

    @property
    def units_word(self) -> str:
        """'weeks' or 'nights': what `weeks` counts."""
        return self.unit + "s"

    @property
    def shortfall(self) -> Decimal:
        """Budgeted Allowable Costs the floor income does not cover (0 when it covers them)."""
        return max(Decimal(0), self.allowable_costs - self.income)

    @property
    def priced(self) -> str:
        """The Core Places' weekly price as prose: '£1,220 a week', or with a split 'ten at £1,220 a week and
        fourteen at £1,300 a week'."""
        from assembler.formatting import money, words
        if not self.split:
            return f"{money(self.weekly_price)} a {self.unit}"
        parts = [f"{words(n)} at {money(price)} a {self.unit}" for _, price, n in self.split if n]
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

    def least_income(self, places: int) -> Decimal:
        """What `places` Core Places bring in a year at the least: with the split known, the cheapest places kept
        (a reduction removing the dearest first), else each at the lowest weekly price. r31 ob-fresh finding 9: twelve
        places at band A's price, where only four Core Places are band A, overstated the exposure by about £250,000."""
        per = PLACE_UNITS_A_YEAR[self.unit]
        if not self.split:
            return pence(self.weekly_price * places * per)
        total, left = Decimal(0), places
        for _, price, n in sorted(self.split, key=lambda s: s[1]):
            take = min(left, n)
            total, left = total + pence(price * take * per), left - take
        return total + pence(self.weekly_price * left * per)

    def least_priced(self, places: int) -> str:
        """How least_income prices the places, as prose: 'at £1,840 a week', or with the split 'four at £1,840 a
        week, seven at £2,360 a week and one at £2,950 a week'."""
        from assembler.formatting import money, words
        if not self.split:
            return f"at {money(self.weekly_price)} a {self.unit}"
        parts, left = [], places
        for _, price, n in sorted(self.split, key=lambda s: s[1]):
            take = min(left, n)
            if take:
                parts.append(f"{words(take)} at {money(price)} a {self.unit}")
            left -= take
        return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

    @property
    def at_priced(self) -> str:
        """What follows 'the N Core Places': 'at £1,220 a week', or with a split '(ten at £1,220 a week and fourteen
        at £1,300 a week)'."""
        return f"({self.priced})" if self.split else f"at {self.priced}"

    @property
    def occupancy(self) -> Decimal:
        """The floor as a share of all the places, in per cent to one place."""
        return self.weeks and (Decimal(self.weeks) * HUNDRED / self._capacity_weeks).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def table_occupancy(self) -> Decimal:
        """The floor as the occupancy scenarios measure it: where the Core Places are split over two or more weekly
        prices, its income over the income if every place of every price were used (each price's capacity used in
        the same share), e.g. £2,272,920 of £3,048,240 = 74.6%, where 7 of the 9 places is 77.8% (r26 ob-fresh 7);
        otherwise occupancy."""
        if self.split and self.capacity_income:
            return (self.income * HUNDRED / self.capacity_income).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        return self.occupancy

    _capacity_weeks: int = 1
    # With two or more weekly prices (general and dementia nursing): the year's payment if as many Core Places as the
    # capacities allow were at the higher prices; None with one weekly price (r18 ob-fresh 4).
    top_income: Decimal | None = None
    # With two or more weekly prices whose core_places add up to the Core Places: (service, price, places) for each
    # price line with Core Places, in the sheet's order (r18b ob-fresh 2: the split was a blank in three places).
    split: tuple[tuple[str, Decimal, int], ...] = ()
    # Whether the Core Places are priced at two or more weekly prices (known split or not).
    typed: bool = False
    # False in supported living, where no payment for a Core Place is suspended (the pricing and termination
    # clauses leave their suspension paragraphs out), so the schedule must not refer to them.
    suspendable: bool = True
    # The income a year if every place at every weekly price were used (their capacity units at their prices).
    capacity_income: Decimal | None = None
    # All the places at the homes (the Core Places and the others).
    all_places: int = 0


class CostLine(Strict):
    item: Text = Field(description="A line of the budget as the provider's accounts hold it, e.g. 'Care staff pay, "
                                   "National Insurance and pensions'.")
    amount: Money = Field(description="Its budgeted amount for a year, in pounds.")

    @field_validator("item")
    @classmethod
    def _pounds(cls, value: str) -> str:
        """'rent GBP 42,000' is printed 'rent £42,000', as every other sum in the draft (r19 ob-fresh finding 20)."""
        return re.sub(r"\bGBP\s?(?=\d)", "£", value)


class CostModel(Strict):
    """The annual budget the open-book figures are measured against (and the worked example uses)."""

    direct_lines: list[CostLine] = Field(default_factory=list, description="The budgeted direct costs line by line "
                                         "(care staff, agency staff, premises, food and activities), adding up to "
                                         "direct_costs; the cost model then shows each line, which the reports and the "
                                         "reconciliation compare actual costs against. Empty: one line for direct costs.")
    overhead_lines: list[CostLine] = Field(default_factory=list, description="The budgeted overheads line by line (for "
                                           "example the group charge, central insurance, audit), adding up to overheads. "
                                           "Empty: one line for overheads.")

    staff_costs: Money | None = Field(
        None, description="Budgeted pay, employer's National Insurance and pension contributions of the staff working "
                          "in the services, agency and relief staff included, for a year, in pounds: the part of "
                          "direct_costs the Overhead Cap is a percentage of where open_book.overhead_cap_base is "
                          "'staff_costs', and the figure the note gives where the overhead basis is staff costs. "
                          "Empty: not given.")
    direct_costs: Money = Field(description="Budgeted direct costs of the services for a year: staff, premises, "
                                            "food, activities, transport, in pounds.")
    overheads: Money = Field(description="Budgeted central overheads charged to the services for a year "
                                         "(finance, HR, IT, governance), in pounds.")
    overhead_allocation: str | None = Field(None, description="How central overheads are shared out to these services, as a "
                                            "phrase that completes 'allocates Overheads by ...', e.g. 'the services' share of "
                                            "the provider's total staff costs'. Empty: the draft shows a placeholder.")
    overhead_basis: Literal["staff_costs", "staff_hours", "direct_costs"] | None = Field(
        None, description="The measure by which central overheads are shared out, which the draft turns into a "
                          "formula: the services' share of the provider's total staff pay costs ('staff_costs'), of "
                          "its staff's total paid hours ('staff_hours') or of its total direct costs of all its "
                          "services ('direct_costs'). Empty: overhead_allocation is used as written.")
    income: Money = Field(description="Budgeted income for a year, in pounds, which the worked example uses: the "
                                      "unit prices times the expected units (the draft shows higher and lower "
                                      "occupancy separately).")
    nhs_nursing_income: Money | None = Field(
        None, description="Care homes with nursing only: the NHS-funded nursing care the provider expects to receive "
                          "from the integrated care board for the commissioner's residents in a year, in pounds (the "
                          "eligible residents' weeks times the weekly rate in force). The draft counts it as Service "
                          "Income, so the budget, the worked example and the scenarios add it to the income from the "
                          "Prices, and the re-basing formulas deduct it (for the units that remain) before dividing by "
                          "the income from the Prices. Empty: none is budgeted, and where the homes provide nursing a "
                          "warning says so.")

    @property
    def mobilisation(self) -> Decimal | None:
        """The one-off mobilisation budget: the direct lines whose item names mobilisation (e.g. 'Mobilisation
        (first year only)'). The term clause counts pre-start mobilisation costs up to it in the first
        Reconciliation Period and the price review leaves them out of its base. None: no such line."""
        lines = [ln.amount for ln in self.direct_lines if re.search(r"mobili[sz]", ln.item, re.IGNORECASE)]
        return sum(lines, Decimal(0)) if lines else None


class Benchmark(Strict):
    source: Literal["ssro", "local", "none"] = Field(
        "ssro", description="What the profit cap is compared with: the SSRO baseline profit rate (kept in "
                            "clauses/figures.yaml), a local figure, or none.")
    local_rate: Percent | None = Field(None, description="The local benchmark rate in per cent, where source is 'local'.")
    local_source: str | None = Field(None, description="Where the local figure comes from, e.g. 'Council market "
                                                       "sustainability review 2025'.")


class SharingBand(Strict):
    upper_margin: ProfitRate = Field(description="Top of the sharing band, as a profit rate on the same basis as the "
                                                 "cap, e.g. 8 (per cent). Profit above it is all Excess Profit.")
    provider_share: Percent = Field(description="Share of profit inside the band that the provider keeps, in per "
                                                "cent, e.g. 50.")


@dataclass(frozen=True)
class ReviewExample:
    """The price review's factor on the budget at an illustrative index (see OpenBook.review_example)."""

    index: Decimal               # the illustrative index change, in per cent
    allowable_costs: Decimal     # budgeted Allowable Costs
    reasonable_profit: Decimal   # the Reasonable Profit on them
    income: Decimal              # the current Prices at the expected units
    rebased: Decimal             # costs and profit increased by the index
    factor: Decimal              # rebased / income, to four places
    overrun_rebased: Decimal     # the same with costs 10% over budget
    overrun_factor: Decimal      # before the collar holds it to the index
    left_out: Decimal = Decimal(0)  # one-off mobilisation costs the base statement leaves out (re-basing only)
    budget_costs: Decimal = Decimal(0)  # budgeted Allowable Costs before leaving them out
    nursing: Decimal = Decimal(0)  # NHS-funded nursing care budgeted, deducted by the re-basing review (r32 ob-fresh 1)


# Endings of adjectives that narrow a cost without changing what it is ("enhanced", "additional", "statutory").
_ADJECTIVE_ENDINGS = ("ed", "al", "ic", "ive", "ory")


# A procedure pasted after a reinvestment fund's purpose: ", as the contract review meeting agrees each year".
_FUND_PROCEDURE = re.compile(r",?\s+as (?:agreed (?:by|at) )?(the [a-z' -]*?(?:meeting|board|group|panel|committee|forum))"
                             r"(?: agrees?| decides?)?(?: each year| every year| annually| from time to time)?\s*\.?\s*$",
                             re.I)


_COUNTED_PLACES = re.compile(r"\b(the) (?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) "
                             r"(?=(?:homes|settings)\b)", re.I)


_HOMES_AGAIN = re.compile(r"\b(in|at) (?:the |its |their )?(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+) )?"
                          r"(?:(?:small|residential|registered|specialist) )*(?:care |children's |nursing )?homes?\b", re.I)


class Excess(Strict):
    split_percentage: Percent | None = Field(None, description="Where excess profit is split: the share refunded to "
                                                               "the commissioner, in per cent; the rest is reinvested.")
    reinvestment_fund: str | None = Field(None, description="Where excess profit is reinvested: what the "
                                                            "reinvestment fund is for, e.g. 'therapeutic support "
                                                            "and activities for children in the homes'.")
    fund_beneficiaries: str | None = Field(
        None, description="Where excess profit is reinvested: who the fund is for, as the draft should name them, e.g. "
                          "'care workers in the Zones'. Not given: the people the services are for. The recital and "
                          "the rule for plans approved after the end name them.")
    fund_uses: list[Text] = Field(
        default_factory=list, description="Where excess profit is reinvested: what the fund may be spent on, one use "
                                          "an item, e.g. 'driving lessons for care workers'. Given: the definition and "
                                          "the plan schedule list them as lettered items (instead of restating "
                                          "reinvestment_fund). Not given: reinvestment_fund's words are used.")
    fund_assets: str | None = Field(
        None, description="Where the fund may buy things that could be sold (e.g. 'electric pool cars'): what they "
                          "are. Given: the plan schedule says they are held for the services and, at the end, are "
                          "transferred or sold for the commissioner. Not given: the fund may not buy such assets "
                          "without the commissioner's consent.")
    fund_staff_payments: bool = Field(
        False, description="True where the fund makes payments to the provider's staff (for example retention "
                           "payments): the plan schedule then says the employer's National Insurance and pension "
                           "contributions on them are paid from the fund, in brackets for the parties to confirm.")
    unspent: Literal["refund", "next-plan"] | None = Field(
        None, description="Open-book agreements where excess profit is reinvested: what happens to a transfer with "
                              "no approved plan within the bracketed 120 days, or unspent 12 months after its plan is "
                              "approved. 'refund': paid to the commissioner. 'next-plan' (where the instruction is that "
                              "the money goes to the fund and not back to the commissioner): carried into a further "
                              "Reinvestment Plan, and paid to the commissioner only if unspent 12 months after the "
                              "agreement ends, or on the provider's insolvency. Empty: 'next-plan' where the sheet "
                              "itself chooses reinvestment (positions: open_book_excess: reinvest), since refunds would "
                              "cut across that instruction (r34 ob-sample 4), and the note names the refund "
                              "alternative; 'refund' otherwise.")
    deemed_approval: bool | None = Field(
        None, description="Open-book agreements where excess profit is reinvested: whether a Reinvestment Plan is "
                          "treated as approved if the commissioner neither approves it nor asks for changes within 30 "
                          "days and 10 Business Days after a reminder. true: printed without brackets; false: left out; "
                          "not given: printed in brackets for the client to confirm.")
    carry_below: Money | None = Field(
        Decimal(5000), description="Open-book agreements where excess profit is reinvested or split: Excess Profit "
                                   "for a period (other than the final one) below this amount, in pounds, is carried "
                                   "forward to the next period instead of being paid or transferred, so a small "
                                   "amount does not need its own transfer and plan. Not given: the draft shows a "
                                   "bracketed [£5,000] for the parties to settle and the notes flag it; null: no "
                                   "minimum, every period's Excess Profit is paid or transferred.")

    @property
    def purpose(self) -> str | None:
        """What the fund is for, without a trailing procedure ("..., as the contract review meeting agrees each
        year"): who decides the spending belongs in the plan clause, not the definition (r21 ob-fresh 6)."""
        if not self.reinvestment_fund:
            return self.reinvestment_fund
        text = _FUND_PROCEDURE.sub("", self.reinvestment_fund).rstrip(" ,;")
        # 'the three homes' is the sheet's count pasted in: 'the homes', which the clauses print as the defined
        # term (r27 ob-fresh finding 13).
        return _COUNTED_PLACES.sub(r"\1 ", text)

    @property
    def purpose_is_list(self) -> bool:
        """Whether the fund's purpose is a list of three or more uses ('sensory rooms, garden improvements and
        community activities ...'), so that a plan is for one or more of them, not all (r27 ob-fresh finding 13)."""
        head = re.sub(r"\([^)]*\)", "", (self.purpose or "").split(" for ")[0])
        return "," in head

    @property
    def uses_text(self) -> str | None:
        """The fund's uses as one lettered run for the definition: '(a) x; (b) y; and (c) z' (r25 ob-homecare 5:
        the sheet's sentence pasted into the definition)."""
        uses = [u.strip().rstrip(";.") for u in self.fund_uses]
        if not uses:
            return None
        items = [f"({chr(97 + i)}) {u}" for i, u in enumerate(uses)]
        return items[0] if len(items) == 1 else "; ".join(items[:-1]) + "; and " + items[-1]

    @property
    def priorities_by(self) -> str | None:
        """The body the sheet says decides the fund's use each year ('the contract review meeting'), or None."""
        m = _FUND_PROCEDURE.search(self.reinvestment_fund or "")
        return m.group(1) if m else None

    @property
    def carry_text(self) -> str | None:
        """The carry-forward threshold as the draft prints it: '£5,000' where the sheet gives it, '[£5,000]' where it
        is the default the instructions never gave (r18b ob-fresh 9: an invented threshold printed as agreed)."""
        if not self.carry_below:
            return None
        from assembler.formatting import money
        shown = money(self.carry_below)
        return shown if "carry_below" in self.model_fields_set else f"[{shown}]"


class UnitPrice(Strict):
    service: Text = Field(description="What the price buys, e.g. 'Residential placement, one child'.")
    unit: Literal["week", "night", "day", "hour", "month", "session"] = Field(description="What one unit is.")
    price: Money = Field(description="Price of one unit in pounds, excluding VAT.")
    expected_units: int | None = Field(None, ge=0, description="Units expected in a year, e.g. 520 placement-weeks "
                                                                 "(used in the financial model).")
    capacity_units: int | None = Field(None, ge=0, description="Units available in a year if every place is used, "
                                                                 "e.g. 14 places x 52 weeks = 728 placement-weeks; "
                                                                 "the occupancy scenarios scale these units.")
    core_places: int | None = Field(
        None, ge=0, le=1000, description="Where the places are priced at two or more weekly (or nightly) prices "
                                         "(general and dementia nursing, say) and the commissioner block-books Core Places: how "
                                         "many of the Core Places are paid for at this price, e.g. 14. The numbers on "
                                         "the weekly prices add up to services.core_places. Empty: the draft leaves "
                                         "the split as a placeholder and its figures count every Core Place at the "
                                         "lowest weekly price.")
    variable_cost: Money | None = Field(
        None, description="The direct cost of delivering one more unit, where the cost follows the units delivered, "
                          "e.g. 20.19 for an hour of individual support (pay with holiday, National Insurance and "
                          "pension); the occupancy scenarios then move costs with these units. Empty: the cost of these "
                          "units is treated as fixed, as in a small home whose staffing follows the rota.")
    includes_housing_costs: bool = Field(
        False, description="Whether this price includes the rent and other housing costs of the place, so that the "
                           "person placed does not claim help with housing costs (housing benefit or universal credit) "
                           "or pay a contribution while living there, e.g. true for move-on flats whose nightly price "
                           "includes the rent. Default false: in supported accommodation a young person aged 18 or "
                           "over claims housing costs, which reduce the price.")
    homes: list[Text] | None = Field(
        None, description="Where the places are priced at two or more weekly prices and each home has places of one "
                          "type: the names of the homes (as in services.homes) whose places this weekly price is for, "
                          "e.g. ['Whinfell House', 'Birkside']. When the agreement ends for a home, the re-basing "
                          "then removes the units of this price only for the homes it is for. Empty: the homes whose "
                          "names the service names; if no price names a home, each home's share by places.")
    rebase: bool | None = Field(
        None, description="Whether the interim re-basing (when Core Places are lost or the agreement ends for a "
                          "home) multiplies this price, spreading the fixed costs over fewer units: true or false. "
                          "Empty: yes for a price by the week, night, day or month; no for a price by the hour or "
                          "session, or one with a variable_cost, whose cost follows the units delivered.")

    @property
    def rebased(self) -> bool:
        """Whether the interim re-basing multiplies this price (r16 ob-sample 14: the hourly one-to-one
        rate, whose cost follows the hours delivered, was raised with the weekly price when a place was lost)."""
        if self.rebase is not None:
            return self.rebase
        return self.variable_cost is None and self.unit not in ("hour", "session")

    # The units a year the Core Places at this price are paid for whether used or not (set by the term sheet under
    # the core-places position; 0 otherwise).
    _paid_units: int = PrivateAttr(0)

    @property
    def paid_units(self) -> int:
        """Units a year the Core Places at this price guarantee (0 without Core Places at it)."""
        return self._paid_units

    @property
    def budget_units(self) -> int | None:
        """The units the budget counts: the expected units, or the units the Core Places at this price are paid for
        if more (r21 ob-fresh 1: 13 Core Places paid every night are 4,745 nights, not the 4,600 expected)."""
        if self.expected_units is None:
            return None
        return max(self.expected_units, self._paid_units)

    @property
    def budget_occupancy(self) -> Decimal | None:
        """Budgeted units as a share of capacity, in per cent to two places (None without both)."""
        if not self.capacity_units or self.expected_units is None:
            return None
        return (Decimal(self.budget_units) * HUNDRED / self.capacity_units).quantize(PENNY, rounding=ROUND_HALF_UP)

    @property
    def expected_income(self) -> Decimal:
        """Price times budgeted units in a year (no units given counts as none)."""
        return pence(self.price * (self.budget_units or 0))


class Registration(Strict):
    setting: Text = Field(description="The registered setting, e.g. 'Oak House children's home'.")
    regulator: Literal["ofsted", "cqc"] = Field(description="Who registers the setting: Ofsted (children's social "
                                                            "care) or the Care Quality Commission.")
    number: str = Field(description="Ofsted unique reference number (URN), e.g. 'SC123456', or CQC location ID, "
                                    "e.g. '1-123456789'.")
    places: int | None = Field(None, ge=1, le=250, description="Registered places, e.g. 4.")


class CapitalGrant(Strict):
    amount: Money = Field(description="What the commissioner paid towards buying, building or converting the home, in "
                                      "pounds, e.g. 350000.")
    agreement: Text = Field(description="The separate agreement under which it paid, as a phrase, e.g. 'the capital "
                                        "grant agreement between the Council and the Association dated 3 March 2025'.")
    nomination_years: int | None = Field(None, ge=1, le=125, description="Years of nomination rights that agreement "
                                                                         "gives the commissioner, e.g. 25. Empty: "
                                                                         "none stated.")


class DirectorSalary(Strict):
    name: Text = Field(description="The director's name, e.g. 'Ruth Halloran'.")
    position: str | None = Field(None, description="Their role, e.g. 'Finance Director'. Empty: not printed.")
    salary: Money | None = Field(None, description="Their yearly salary in the cost model, in pounds, e.g. 68000. "
                                                   "Empty: left in brackets to complete.")


class RelatedParty(Strict):
    name: Text = Field(description="The related person or body, e.g. 'Oakfield Property Holdings Ltd'.")
    relationship: Text = Field(description="How it is related, e.g. 'wholly owned subsidiary of the provider'.")
    arrangement: Text = Field(description="What it supplies or charges, e.g. 'leases two of the homes'.")
    annual_value: Money | None = Field(None, description="What it is paid in a year, in pounds.")
    kind: Literal["body", "individual", "employed_director"] | None = Field(
        None, description="What the related party is: 'body' (a company, charity, partnership or other "
                          "organisation), 'individual' (a person, including one trading in their own name as a sole "
                          "trader: the arrangement then counts up to the market rate, since the person's own work has "
                          "no cost other than its value, and the distress triggers do not reach them), or "
                          "'employed_director' (a director the provider employs: listed for disclosure only, the pay "
                          "being governed by the employment paragraph and any limit on directors' pay, not the "
                          "related-party cost rule). Empty: worked out from the words ('sole trader' or 'trading as' "
                          "reads as an individual; an arrangement that says the person is employed as a director reads "
                          "as an employed director), else a body (r34 ob-fresh2 findings 4 to 6).")

    @property
    def person_kind(self) -> str:
        """The kind stated, or read from the words: 'employed_director', 'individual' or 'body'."""
        if self.kind is not None:
            return self.kind
        words = f"{self.relationship} {self.arrangement}"
        if re.search(r"(?i)\bemploy(ed|s|ment)\b", self.arrangement) and re.search(r"(?i)\bdirector\b", words):
            return "employed_director"
        if re.search(r"(?i)\b(sole trader|trading as|self-employed)\b", words):
            return "individual"
        return "body"

    @property
    def is_person(self) -> bool:
        """Whether it is a person (an individual, a sole trader or an employed director), not a body."""
        return self.person_kind != "body"

    @property
    def employed_director(self) -> bool:
        return self.person_kind == "employed_director"

    @property
    def uplift(self) -> Decimal | None:
        """The percentage the disclosed arrangement adds to cost ('charged at cost plus 8%'), which the related-party
        cost rule disallows (r34 ob-fresh finding 10); None where the words give none."""
        m = re.search(r"(?i)\bcost\s*(?:plus|\+)\s*(\d+(?:\.\d+)?)\s*(?:%|per\s*cent)", self.arrangement)
        return Decimal(m.group(1)) if m else None

    @property
    def uplift_value(self) -> Decimal | None:
        """The part of annual_value that is the uplift: value - value / (1 + uplift), to the pound (for an "about")."""
        if self.uplift is None or self.annual_value is None:
            return None
        base = self.annual_value / (1 + self.uplift / 100)
        return (self.annual_value - base).quantize(Decimal("1"))

    @property
    def arrangement_phrase(self) -> str:
        """The arrangement as a clause with 'it' as its subject: the sheet's words where they start with a verb ('owns
        Rowan House'), else 'supplies' and the words ('central finance, HR and payroll'), so a note never reads 'it
        central finance' (r25 ob-fresh finding 19)."""
        words = " ".join(self.arrangement.split())
        if re.match(r"(?i)(employed|engaged|paid|contracted|appointed)\b", words):
            return f"is {words}"
        if re.match(r"(?i)(owns|leases|lets|rents|charges|supplies|provides|delivers|runs|employs|lends|manages|"
                    r"carries|sells|buys|holds|operates|is|has|acts|pays|does|maintains|repairs|services|insures|"
                    r"hires|cleans|caters|trains|recruits|transports|licenses|invoices|recharges)\b", words):
            return words
        return f"supplies {words}"

    @property
    def income_linked(self) -> bool:
        """Whether the disclosed charge is worked out from income, turnover or profit (a management fee of '5% of
        turnover', a royalty, a brand charge), so the clause banning income-linked charges must carve it out
        rather than put the provider in breach on signing (r32 ob-fresh finding 2)."""
        return bool(re.search(
            r"(?i)(\d+(\.\d+)?\s*(%|per\s*cent|percent)\s+(of\s+)?(its\s+|the\s+|group\s+|annual\s+)*"
            r"(turnover|income|revenue|fees?|sales|profits?))|\b(turnover|income|revenue|profit)[- ](linked|based)\b|"
            r"\broyalt(y|ies)\b|\bbrand (charge|fee)s?\b", self.arrangement))

    @property
    def leases_to_provider(self) -> bool:
        """Whether it leases or lets something to the provider (premises, vehicles, equipment): a fixed commitment
        a break leaves the provider with. r28 ob-fresh finding 4: the clause 28 note said the provider 'leases
        homes' from a subsidiary that leases it two vehicles."""
        return bool(re.search(r"(?i)\b(leases?|lets|rents|landlord|hires?)\b", self.arrangement))

    @property
    def leases_premises(self) -> bool:
        """Whether what it leases is a building (a home, an office, a site), so that the premises head of break
        compensation covers it; a vehicle or equipment lease is not."""
        return self.leases_to_provider and bool(re.search(
            r"(?i)\b(homes?|houses?|premises|propert(y|ies)|buildings?|offices?|flats?|bungalows?|settings?|sites?|"
            r"schemes?|land|freehold|accommodation)\b", self.arrangement))

    @property
    def services_depend(self) -> bool:
        """Whether the services depend on it, so that its distress is the provider's: a parent, a landlord of the
        premises, or a supplier of central services or staff. A contractor for minor works is not (r25 ob-fresh
        finding 18: the distress triggers reached a £36,000 building contractor owned by a director's spouse)."""
        if self.is_person:
            return False  # r34 ob-fresh2 finding 6: audit opinions and loan covenants cannot happen to a person
        return self.is_parent or bool(re.search(
            r"(?i)\b(owns|leases?|lets|landlord|lease|management|central|finance|payroll|HR|staff bank|relief|agency)\b",
            self.arrangement))

    @property
    def in_group(self) -> bool:
        """Whether it is in the provider's group (a subsidiary, a group or sister company, a parent), so that the
        provider can procure what it does rather than use endeavours (children's homes sample review, finding 1: a wholly owned
        subsidiary's premises direct agreement is absolute). A company its directors own is not."""
        return self.is_parent or bool(re.search(
            r"(?i)\b(subsidiary|group company|same group|sister company|fellow subsidiary|controlled by the provider)\b",
            self.relationship))

    @property
    def is_parent(self) -> bool:
        """Whether it controls the provider (a parent or holding company), so that a guarantee from it can be
        asked for (r21 ob-sample finding 5: no parent company guarantee note for a provider with no parent)."""
        return bool(re.search(r"(?<!'s )\b(parent|holding company|controls the|ultimate owner|sole member)\b|\bowns\b.*\bshares\b",
                              self.relationship, re.I))


_CENTRAL_CHARGE = re.compile(r"(?i)\b(central|head office|group|management (charge|fee)|payroll|back office)\b")

# Words of a related party's arrangement that say how it supplies, not what: matched against no budget line.
_ARRANGEMENT_STOP = frozenset("""lease leases let lets rent rents supply supplies provide provides maintain maintains
charge charges run runs own owns hire hires sell sells manage manages them it two three four one year annual annually
under contract agreement basis""".split())

# Words that say nothing about what a cost is, so a budget line is not "outside" the categories for lacking them.
_CATEGORY_STOP = frozenset("""a an and or of the for in on at to by with from its their our any all each other
including include includes inc plus per etc pay paid cost costs on-costs oncosts fee fees charge charges
staff home homes service services premise premises cover residential fte gbp nhs council
only""".split()) | frozenset(
    # r35 ob-fresh 10: filler words say nothing about what a cost is ("holiday included", "about 380,600 miles",
    # "Two locality offices"): hedges, number words, inclusion words and the small words of a phrase.
    """about around approximately approx roughly circa nearly almost some over under up into within across
    between after before than more less such as this that these those which who where also both either
    included inclusive excluded excluding exclusive incl excl
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand
    million half quarter""".split())


def _words(text: str) -> set[str]:
    """The significant words of a budget line or category, lower case and singular; capitalised words after
    the first (proper names: a landlord, a house) are left out, acronyms (DBS, CQC) kept."""
    return set(_word_list(text))


def _word_list(text: str) -> list[str]:
    """The significant words of `text` as _words finds them, in order (repeats kept)."""
    out = []
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", text or "")
    for i, word in enumerate(words):
        word = word.strip("'-")
        if word.endswith("'s"):
            word = word[:-2]
        proper = word[:1].isupper() and not word.isupper()
        if proper and (i or (len(words) > 1 and words[1][:1].isupper() and not words[1].isupper())):
            continue
        for part in word.lower().split("-"):
            if not word.isupper():
                part = _singular_key(part)
            if len(part) > 2 and part not in _CATEGORY_STOP:
                out.append(part)
    return out


_DERIVED_ENDINGS = ("ative", "ation", "ator", "ing", "ion", "ive", "ers", "er", "or", "ed")


def _root(key: str) -> str:
    """The root a word's key shares with words derived from it ("administrator", "administrative" and
    "administration" give "administr"; "cleaner" and "cleaning" give "clean"): only a key for comparing words. A
    root shorter than five letters is not cut ("order" stays "order")."""
    for ending in _DERIVED_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 5:
            return key[:-len(ending)]
    return key


def _singular_key(part: str) -> str:
    """A key a word shares with its plural: "deputies" and "deputy", "minibuses" and "minibus", "courses" and
    "course", "licences" and "licence", "premises" and "premise". Only a key for comparing words, never printed
    (r31 ob tool note 9: "Minibuses" was cut to "minibuse", which no category's "Minibus" matched)."""
    if part.endswith("ies") and len(part) > 4:
        return part[:-3] + "y"  # "deputies" matches "deputy", "salaries" "salary"
    if part.endswith("s") and len(part) > 2 and not part.endswith(("ss", "us", "is")):
        part = part[:-1]  # "managers", "licences"; "bus", "census", "basis" are singular
    # "buses"/"bus", "courses"/"course", "boxes"/"box", "branches"/"branch": drop an "e" after s, x, z, ch or sh,
    # on the singular and the plural alike, so both give one key.
    if part.endswith("e") and len(part) > 3 and part[:-1].endswith(("s", "x", "z", "ch", "sh")):
        part = part[:-1]
    return part


# The stop words as keys too, so that "leases" (key "leas") and "premises" (key "premis") stay stop words.
_ARRANGEMENT_STOP = _ARRANGEMENT_STOP | {_singular_key(w) for w in _ARRANGEMENT_STOP}
# The words that tie an allowable cost to the Overhead Cap, at its end: 'within the Overhead Cap', '(up to the overhead cap)'.
_OVERHEAD_CAP_WORDS = re.compile(r"[,;]?\s*\(?\s*\b(?:up to|within|subject to|inside|below)\s+the\s+overhead\s+cap\s*\)?\s*$", re.I)
_CATEGORY_STOP = _CATEGORY_STOP | {_singular_key(w) for w in _CATEGORY_STOP}


def _word_shown(text: str, key: str) -> str:
    """The word of `text` (lower case) whose key is `key`, for a message: the key itself may be cut short."""
    for word in re.findall(r"[A-Za-z][A-Za-z'\-]*", text or ""):
        for part in word.strip("'-").lower().removesuffix("'s").split("-"):
            if part == key or _singular_key(part) == key:
                return part
    return key


# Documents the open-book agreement defines; any other capitalised plan or budget in the sheet's text is a name
# the draft prints but never defines (r20 ob-fresh 7: "the Annual Plan", an alliance term).
_OPEN_BOOK_DOCUMENTS = frozenset({"Cost Statement", "Open-Book Report", "Reconciliation Statement",
                                  "Reinvestment Plan", "Support Plan"})
_DOCUMENT_NAME = re.compile(r"\b(?:the|an?|its|this)\s+((?:[A-Z][\w'-]*\s+)+(?:Plan|Budget|Programme|Strategy|Report|Statement))\b")


def undefined_document_names(*texts: str | None) -> list[str]:
    """The capitalised plans, budgets or reports the texts name ("the Annual Plan") that the open-book terms
    never define, each once in order of first mention: one matcher for the costs note and the rule."""
    names = (m.group(1) for text in texts for m in _DOCUMENT_NAME.finditer(text or ""))
    # "the Tenant's Support Plan" is a defined document with its owner (r28 ob-fresh finding 19).
    return [n for n in dict.fromkeys(names) if n.split("'s ")[-1] not in _OPEN_BOOK_DOCUMENTS]


class OpenBook(Strict):
    """Open-book, reasonable-profit terms. Carried by the open-book family and, optionally, by any other."""

    profit_cap: ProfitRate = Field(description="The most profit the provider keeps, in per cent on the basis below "
                                               "(0 to 15), e.g. 5.")
    basis: Literal["allowable_cost", "revenue", "fixed_fee"] = Field(
        "allowable_cost", description="What the cap is a percentage of: the Cost Base of allowable costs, the "
                                      "income received, or a fixed fee in pounds (fixed_fee).")
    fixed_fee: Money | None = Field(None, description="The fixed annual profit in pounds, where basis is 'fixed_fee'.")
    overhead_cap: Percent = Field(description="Most central overhead that counts as an allowable cost, in per cent "
                                              "of direct costs, e.g. 12.")
    overhead_cap_base: Literal["direct_costs", "staff_costs"] | None = Field(
        None, description="What the Overhead Cap is a percentage of: all the Direct Costs ('direct_costs') or only the "
                          "staff costs among them ('staff_costs', which needs cost_model.staff_costs). Empty: the "
                          "Direct Costs; where cost_model.overhead_basis is 'staff_costs' the note records that "
                          "reading and gives the cap on staff costs for comparison (r27 ob-sample 3). Given: the note "
                          "says the base is as instructed and offers no other reading (r32 ob-sample F1).")
    allowable_costs: list[Text] = Field(min_length=1, description="Categories of cost that count, one per line, "
                                                                  "e.g. 'Care staff pay, on-costs and training'.")
    disallowed_costs: list[Text] = Field(default_factory=list, description="Categories of cost that never count, "
                                                                           "e.g. 'Dividends and distributions'.")
    director_salaries: list[DirectorSalary] = Field(
        default_factory=list, description="Where a Disallowed Cost limits directors' pay to the salaries in the cost "
                                          "model: each director whose pay the cost model includes, with name, role and "
                                          "yearly salary, e.g. {name: Ruth Halloran, position: Finance Director, "
                                          "salary: 68000}. The costs schedule lists them, a salary not given in "
                                          "brackets. Empty: the signatory (where a director) and any director a "
                                          "related party says the provider employs, with a bracketed line for each "
                                          "other director (r34 ob-fresh2 finding 10).")
    directors: int | None = Field(None, ge=1, le=20, description="How many directors the provider has, where a "
                                  "Disallowed Cost limits directors' pay to salaries in the cost model, e.g. 2: the "
                                  "costs schedule then leaves a line for each. Empty: one line for 'each other "
                                  "director'.")
    excess: Excess = Field(default_factory=Excess, description="Details for the excess-profit treatment chosen in "
                                                               "positions (open_book_excess).")
    sharing_band: SharingBand | None = Field(None, description="The sharing band, where positions choose "
                                                               "open_book_margin: sharing-band.")
    reconciliation: Literal["quarterly", "six-monthly", "annually", "every two years"] = Field(
        "annually", description="How often profit is reconciled against the cap; at least annually.")
    reporting: Literal["monthly", "quarterly", "six-monthly", "annually"] = Field(
        "quarterly", description="How often the provider sends open-book reports.")
    level: Literal["summary", "cost-model", "full"] = Field(
        "cost-model", description="How deep the open book goes: 'summary' (accounts for the services), "
                                  "'cost-model' (the cost model with actual costs each period), or 'full' "
                                  "(ledgers, payroll and contracts, with audit access).")
    first_period_start: dt.date = Field(description="First day of the first reconciliation period, as YYYY-MM-DD.")
    continuous_access_until: dt.date | None = Field(
        None, description="Where positions choose open_book_access: continuous, the last day of the continuous "
                          "read-only access to the cost model, as YYYY-MM-DD (e.g. two years after the start of a "
                          "takeover); after it the commissioner has the reports and inspection on notice. Empty: "
                          "access for the whole term.")
    loss_carry_until: dt.date | None = Field(
        None, description="Where positions choose open_book_losses: carried-forward and the carry-forward was agreed "
                          "for a limited time (for example while a new home fills): the last day of the last "
                          "Reconciliation Period whose loss may be carried forward, as YYYY-MM-DD, e.g. 2029-03-31; for a "
                          "first-year deficit only, the last day of the first Reconciliation Period. "
                          "Empty: a loss in any period of the term is carried forward, and the losses note asks "
                          "whether that was meant.")
    loss_carry_limit: Literal["all", "mobilisation"] = Field(
        "all", description="Where positions choose open_book_losses: carried-forward, how much of a loss may be carried "
                           "forward: 'all' (the whole loss, within loss_carry_until) or 'mobilisation' (only up to the "
                           "mobilisation costs in that period's Allowable Costs, where the instruction is a "
                           "'mobilisation deficit only'; an allowable cost naming mobilisation, or a cost_model "
                           "mobilisation line, is then needed).")
    benchmark: Benchmark = Field(default_factory=Benchmark, description="What the profit cap is compared with.")
    cost_model: CostModel = Field(description="Annual budget figures for the financial model and the worked example.")
    unit_prices: list[UnitPrice] = Field(default_factory=list, description="Prices the commissioner pays, e.g. a "
                                                                           "weekly placement fee.")
    registrations: list[Registration] = Field(default_factory=list, description="Regulator registrations of the "
                                                                                "settings the services use.")
    co_reviewers: list[Text] = Field(default_factory=list, description="Other public bodies that take part with the "
                                     "commissioner in reviewing the open-book information, one per line, e.g. 'NHS "
                                     "Dunmere Integrated Care Board, which funds after-care jointly'. The commissioner "
                                     "may then share the information with them. Empty: only the commissioner, its "
                                     "auditors and regulators see it.")
    related_parties: list[RelatedParty] = Field(default_factory=list, description="Related-party arrangements the "
                                                                                  "provider discloses.")
    overstatement_price_cut_agreed: bool = Field(
        False, description="Whether the instructions give the commissioner the right to reduce the Prices by notice "
                           "where the provider's cost model overstated its costs by more than a material amount. "
                           "Left false, the draft keeps that right in brackets and lists it among its assumptions "
                           "for instructions: without it an overstatement comes back only through the "
                           "reconciliation, as Excess Profit.")
    occupancy_scenarios: list[Percent] = Field(
        default_factory=lambda: [Decimal(80), Decimal(90), Decimal(95)],
        description="Occupancy levels, in per cent of capacity, at which the draft shows the profit cap at work "
                    "(unit prices with capacity_units are scaled; other income and all costs stay at budget). Where the "
                    "Core Places are split over two or more weekly Prices and the other places are all at one Price, the "
                    "draft shows weeks of use of those other places instead, and these levels are not used.")
    eot_trustee: Text | None = Field(None, description="Where the provider is controlled by an employee ownership "
                                                       "trust, the trustee's name (e.g. 'Harecroft EOT Trustee Limited'). "
                                                       "The Disallowed Costs then name it, and any tax-free bonus under "
                                                       "Chapter 10A of Part 4 of ITEPA 2003 is paid only out of the "
                                                       "profit the provider keeps; a disposal of shares by the trustee "
                                                       "is a change of control.")
    gift_aid_to_parent: bool = Field(False, description="Whether the provider is a company wholly owned by a charity "
                                                        "that gives its taxable profit to its parent charity each year "
                                                        "(Corporation Tax Act 2010 s.199); the draft then times the "
                                                        "reconciliation so that the gift can be made.")

    _core_floor: CoreFloor | None = PrivateAttr(None)
    _share_places: tuple[int, int] | None = PrivateAttr(None)  # the commissioner's places and all the homes' places
    _core_suspensions: tuple[str, ...] = PrivateAttr(())
    _residential: bool = PrivateAttr(False)  # a care home or other placement setting (not supported living or home care)
    _term_periods: int | None = PrivateAttr(None)   # whole years from the first period's start to the term's end
    _whole_homes: bool = PrivateAttr(False)
    _sole_purchaser: bool = PrivateAttr(False)
    # r25 ob-fresh 3: "paid" or "occupied" where the scope clause apportions shared costs by the commissioner's
    # bed-weeks, so that the occupancy scenarios move the costs with those weeks; None: costs held at budget
    _weeks_basis: str | None = PrivateAttr(None)
    _weeks_homes: int = PrivateAttr(1)
    _weeks_home_word: str = PrivateAttr("home")
    _home_care: bool = PrivateAttr(False)
    _guarantee: tuple | None = PrivateAttr(None)
    _excluded_services: list = PrivateAttr(default_factory=list)
    _reports_kpis: bool = PrivateAttr(False)
    # The years whose 29 February falls in the initial term (r21 ob-fresh 1: 2027/28 has 366 nights).
    _leap_years: tuple[int, ...] = PrivateAttr(())

    @property
    def leap_years(self) -> str:
        """'2028' or '2028 and 2032': the years whose 29 February falls in the initial term ('' if none)."""
        return " and ".join(str(y) for y in self._leap_years)
    _profit_law_expert: bool = PrivateAttr(False)
    _core_rebase: dict | None = PrivateAttr(None)
    _home_types: dict | None = PrivateAttr(None)

    @property
    def home_types(self) -> dict | None:
        """Where two or more re-based weekly Prices each apply at their own homes: each home's units of the Price for
        its type of place, and the factor when the agreement ends for that home on the budget (see
        OpenBookTermSheet._attach_home_types); None otherwise."""
        return self._home_types
    # Inside an alliance, each Open-Book Provider's own reconciliation, keyed like `examples` (set by the alliance
    # term sheet, so the shared schedules can show one line per Provider without knowing the alliance).
    _per_provider: dict = PrivateAttr(default_factory=dict)
    _volume_lines: list = PrivateAttr(default_factory=list)  # an alliance's service lines paid by the unit (set by the alliance sheet)

    @property
    def lines_outside_categories(self) -> list[tuple[int, CostLine, list[str]]]:
        """Budgeted direct cost lines with significant words no Allowable Cost category uses, with those words
        (index, line, words). The categories are a closed list, so such a line may be disallowed at the
        reconciliation although the Prices were built on it (r20 ob-fresh 7: DBS checks, registration fees)."""
        categories = set().union(*(_words(c) for c in self.allowable_costs or []))
        if not categories:
            return []
        out = []
        for i, line in enumerate(self.cost_model.direct_lines or []):
            # r21 ob-fresh 8: a word just before a word a category uses qualifies it ("enhanced DBS checks" under
            # "DBS checks"), so the line is narrower than the category, not outside it.
            order = _word_list(line.item)
            # Only adjectives qualify: "deputy managers" is another post, not a narrower "manager" (r20 ob-fresh 7).
            qualifiers = {w for w, nxt in zip(order, order[1:]) if nxt in categories and w.endswith(_ADJECTIVE_ENDINGS)}
            roots = {_root(c) for c in categories}
            # r33 ob-fresh 10: "Administrator" is a post within "Administrative staff pay": a word sharing its root
            # with a category word ("administrat-") falls within it.
            missing = sorted(w for w in _words(line.item) - categories - qualifiers if _root(w) not in roots)
            if missing:
                out.append((i, line, [_word_shown(line.item, w) for w in missing]))
        return out

    @property
    def pay_budget(self) -> Decimal:
        """The budgeted direct cost lines that are staff pay (pay, staff, managers, workers, wages), summed: the
        part of the cost model a national living wage rise moves (r20 ob-fresh 11). Zero without such lines."""
        # r31 ob-fresh 16: the sheet's own staff costs (pay, National Insurance and pensions, agency and relief
        # included) are the figure; the lines are read only where it gives none (one-to-one hours are pay too).
        if self.cost_model and self.cost_model.staff_costs:
            return self.cost_model.staff_costs
        # Sleep-in and waking-night payments are pay too (r28 ob-fresh finding 8: an £80,000 sleep-in line was left out).
        pay = re.compile(r"\b(pay|staff|manager|managers|worker|workers|wages?|salar(y|ies)|nurses?|carers?|agency|relief|bank|"
                         r"sleep[- ]?ins?|waking[- ]nights?)\b", re.I)
        other = re.compile(r"\b(travel|vehicles?|transport|mileage|recruitment|training)\b", re.I)
        # A line's parenthesis lists what its pay includes ("care staff (pay, pension and training)"): a staff
        # line is not made a training line by it (r23 ob-fresh 5: the care staff line was left out).
        return sum((ln.amount for ln in self.cost_model.direct_lines or []
                    if pay.search(ln.item) and not other.search(re.sub(r"\([^)]*\)", "", ln.item))), Decimal(0))

    @property
    def overhead_overlaps(self) -> list[tuple[str, str]]:
        """Each Direct Cost category that contains an Overhead line word for word, with that line (r23 ob-fresh 3:
        'The electronic care planning system and head office management, finance, payroll and HR' let head-office
        costs be booked as Direct Costs, outside the Overhead Cap)."""
        return [(c, ln.item) for c in self.allowable_costs if "overhead" not in c.lower()
                for ln in self.cost_model.overhead_lines if ln.item.lower() in c.lower()]

    @property
    def agency_cap_over_hourly(self) -> list[tuple[UnitPrice, Decimal]]:
        """Each hourly Price below the hourly agency rate a Direct Cost category allows, with that rate (r23 ob-fresh 9:
        a Support Price of £23.90 against an agency cap of £24.60, so every agency-covered hour loses money)."""
        return [(u, cap) for u, cap, _ in self.agency_caps_by_role]

    @property
    def agency_caps_by_role(self) -> list[tuple[UnitPrice, Decimal, str | None]]:
        """agency_cap_over_hourly with the role the rate is for ('care assistant'), where a category gives several
        ('£58 an hour for a registered nurse and £30 an hour for a care assistant'): an hourly Price for care that is
        not nursing is compared with the lowest rate not for a nurse, a nursing Price with a nurse's rate (r25 ob-fresh
        finding 13: one-to-one support compared with the registered-nurse rate)."""
        rates = [(Decimal(m.group(1)), (m.group(2) or "").strip() or None)
                 for c in self.allowable_costs if "agency" in c.lower()
                 for m in re.finditer(r"£\s?(\d+(?:\.\d+)?)\s*(?:an|per|a)\s+hour"
                                      r"(?:\s+for\s+(?:an?\s+|each\s+)?([a-z][a-z' -]*?))?(?=\s*(?:,|;|\.|\band\b|\bor\b|\binclud\w*|\bexclud\w*|\bplus\b|\bwith\b|\(|$))",
                                      c, re.I)]
        if not rates:
            return []
        out = []
        for u in self.unit_prices:
            if u.unit != "hour":
                continue
            nursing = bool(re.search(r"(?i)\bnurs", u.service))
            fit = [(r, role) for r, role in rates if role and bool(re.search(r"(?i)\bnurse", role)) == nursing]
            cap, role = (min(fit) if not nursing else max(fit)) if fit else (max(r for r, _ in rates), None)
            if u.price < cap:
                out.append((u, cap, role))
        return out

    @property
    def undefined_documents(self) -> list[str]:
        """Capitalised plans, budgets or reports the Allowable Cost categories name that the agreement never
        defines (r20 ob-fresh 7: 'the Annual Plan'), for the costs schedule's note."""
        return undefined_document_names(*(self.allowable_costs or []))

    @property
    def home_care(self) -> bool:
        """Whether the standalone agreement is for home care across zones (services.setting 'home_care'): the open
        book then covers the care bought under the agreement, not places (held here for the shared clauses)."""
        return self._home_care

    @property
    def guarantee_income(self) -> Decimal | None:
        """Home care: what the guaranteed hours bring in a year at the zones' hourly Prices (52 weeks), where every
        zone gives its guarantee and Price; the reconciliation schedule sets it against the break-even point."""
        return self._guarantee[0] if self._guarantee else None

    @property
    def guarantee_share(self) -> Decimal | None:
        """Home care: the guaranteed hours a year as a percentage of the hourly prices' capacity, to one place."""
        return self._guarantee[1] if self._guarantee else None

    @property
    def whole_homes(self) -> bool:
        """Whether the open book covers the whole of each home, other purchasers' places included (the
        standalone agreement's services.scope 'whole_homes'). Held here so that the shared clauses can
        say so without knowing the family's term sheet: the Open-Book Services then include care other
        purchasers pay for, and other purchasers have a share of the Reinvestment Fund; elsewhere the
        fund is held for the commissioner alone, and a 'subject to' the scope clause pointed at nothing."""
        return self._whole_homes

    @property
    def residential(self) -> bool:
        """Whether the open book is a standalone open-book agreement's for places in a care home or other placement
        setting (not supported living or home care, where the care is bought by the hour, not by the place)."""
        return self._residential

    @property
    def sole_purchaser(self) -> bool:
        """Whether the standalone agreement's open book covers the whole of each home with the commissioner as its
        only purchaser (services.other_purchasers false), held here for the shared clauses (r28 ob-fresh 11)."""
        return self._sole_purchaser

    @property
    def profit_law_expert(self) -> bool:
        """Whether the standalone agreement's change-in-law clause refers amendments for a statutory profit cap
        (children's homes) to an Independent Accountant, which the shared disputes clause then carves out
        (r19 ob-fresh finding 16)."""
        return self._profit_law_expert

    @property
    def reports_kpis(self) -> bool:
        """Whether the standalone agreement has KPIs, which its performance clause has reported in the Open-Book
        Report, so the shared reporting schedule lists them (r19 ob-fresh finding 11)."""
        return self._reports_kpis

    @property
    def excluded_services(self) -> list[str]:
        """The services at the homes bought outside the standalone agreement (services.excluded_services),
        held here for the shared definitions of Open-Book Services and Excluded Services, which then leave
        them out (r19 ob-fresh finding 1); empty in the other families."""
        return self._excluded_services

    @property
    def core_floor(self) -> CoreFloor | None:
        """The least the commissioner pays in a year for the Core Places (see OpenBookTermSheet.core_floor);
        None outside the standalone agreement, which alone has Core Places. Held here so that the shared
        open-book schedules can print it without knowing the family's term sheet."""
        return self._core_floor

    @property
    def core_suspensions(self) -> tuple[str, ...]:
        """The paragraphs that suspend the payment for a Core Place, as keys in the draft's order: 'pricing'
        (open-book.pricing#suspension), 'other-use' (open-book.voids#other-use), 'nhs-funding'
        (open-book.residents#nhs-funding) and 'termination' (open-book.termination#suspension). One list, so
        that the payment clause and the reconciliation schedule cite the same clauses (r27 ob-fresh finding 15);
        empty outside the standalone agreement."""
        return self._core_suspensions

    @property
    def core_rebase(self) -> dict | None:
        """What the interim re-basing does on the budget when Core Places cease (see
        OpenBookTermSheet.core_rebase); None outside the core-places position."""
        return self._core_rebase

    @property
    def overhead_categories(self) -> list[str]:
        """The categories of Overheads the costs schedule lists: the sheet's allowable costs that name overheads (or the
        Overhead Cap), without the words tying them to the cap (the schedule's sentence says that once) and without a
        conjunction those words leave hanging ('at cost and within the Overhead Cap' -> 'at cost'), then each overhead
        line of the cost model that no such item already describes. r32 ob-fresh 5: 'at cost and;' followed by the same
        central services again without 'at cost', which invited the argument that the second let in the full charge."""
        items = []
        for c in self.allowable_costs or []:
            if "overhead" not in c.lower():
                continue
            text = _OVERHEAD_CAP_WORDS.sub("", c.strip().rstrip(".;"))
            text = re.sub(r"(?:[,;]\s*|\s+)(?:and|or)$", "", text.strip()).strip(",; ")
            items.append(text or c)
        lines = []
        for ln in (self.cost_model.overhead_lines or []) if self.cost_model else []:
            own = _words(ln.item) - _ARRANGEMENT_STOP
            if own and any(len(own & (_words(t) - _ARRANGEMENT_STOP)) * 2 >= len(own) + 1 for t in items):
                continue   # the sheet's own category already names this cost, with its limits
            lines.append(ln.item)
        return items + lines

    @property
    def disallowed_items(self) -> list[str]:
        """The term sheet's Disallowed Costs as items of the clause's one list: lower-case first letter
        (unless the item starts with an abbreviation, e.g. 'VAT'), no closing full stop."""
        out = []
        for item in self.disallowed_costs:
            text = item.strip().rstrip(".;")
            if len(text) > 1 and text[0].isupper() and text[1].islower():
                text = text[0].lower() + text[1:]
            out.append(text)
        return out

    @property
    def disallowed_covers(self) -> dict[str, bool]:
        """Which of the standard Disallowed Costs the term sheet's own items already cover, so the
        clause lists each kind of cost once: 'distributions' (dividends) and 'fines' (fines, penalties)."""
        joined = " ".join(self.disallowed_costs).lower()
        return {"distributions": "dividend" in joined or "distribution" in joined or bool(self.eot_trustee),
                "fines": "fine" in joined or "penalt" in joined,
                "legal": "legal" in joined and ("dispute" in joined or "proceeding" in joined)}

    @property
    def limits_uncovered(self) -> list[str]:
        """The Disallowed Costs that disallow a cost only above a limit or only where it is not for the services
        ('agency staff costs above £24 an hour'), whose cost no category of Allowable Cost names: the item implies
        the cost within the limit counts, but the closed list of categories leaves all of it out (r25 ob-homecare
        4). A category names the cost when it contains the first distinctive word of the item's subject."""
        generic = {"cost", "costs", "staff", "pay", "other", "and", "the", "of", "for", "any", "all", "a", "an", "or",
                   "including", "fees", "fee", "charges", "payments", "to", "in", "on", "paid", "services", "service",
                   "dividends", "distributions", "shareholders"}
        said = " ".join(self.allowable_costs).lower()
        out = []
        for text in self.disallowed_items:
            m = re.search(r"\b(?:above|more than|over|exceeding|not used for|not for)\b", text, re.I)
            if not m or re.search(r"related[- ]part", text, re.I):
                continue
            subject = text[:m.start()]
            if "director" in subject.lower():
                continue  # directors' pay: director_pay_undisclosed
            words = [w.strip("'’") for w in re.findall(r"[a-z'’]+", subject.lower())]
            head = next((w for w in words if w not in generic and len(w) > 3), None)  # the cost's own noun
            if head and not re.search(rf"\b{re.escape(head.rstrip('s'))}", said):
                out.append(text)
        return out

    @property
    def limits_within(self) -> list[str]:
        """limits_uncovered turned round into the cost within each limit, as a category the draft shows in brackets:
        'agency staff costs above £24 an hour' -> 'Agency staff costs up to £24 an hour'."""
        out = []
        for text in self.limits_uncovered:
            t = re.sub(r"\b(?:above|more than|over|exceeding)\b", "up to", text, count=1, flags=re.I)
            t = re.sub(r"\bnot (used for|for)\b", r"\1", t, count=1, flags=re.I)
            out.append(t[0].upper() + t[1:])
        return out

    @property
    def related_party_line_checks(self) -> list[dict]:
        """Each related party's annual charge against the budgeted cost line its arrangement belongs to (the line
        sharing most significant words with it): {"index", "party", "line", "share", "places", "all_places", "gap"}.
        A group or central-services charge is made to the provider as a whole, while the cost model holds only the
        commissioner's share of shared costs where the scope clause apportions them by places (r32 ob-fresh 4: a
        £405,000 fee against a £158,000 line that is 40/104 of it), so its share is compared: 'share' is the amount
        compared, with the places and all the places where a share was taken. 'gap': more than the whole line."""
        direct = self.cost_model.direct_lines or [] if self.cost_model else []
        overhead = self.cost_model.overhead_lines or [] if self.cost_model else []
        places, all_places = getattr(self, "_share_places", None) or (None, None)
        out = []
        for i, rp in enumerate(self.related_parties or []):
            if rp.annual_value is None:
                continue
            # A group or central-services charge is an Overhead: it is measured against the overhead lines only
            # (r25 ob-fresh: a £258,000 group management charge is not the 'training' direct line).
            central = bool(_CENTRAL_CHARGE.search(rp.arrangement))
            lines = overhead if central else direct
            words = _words(rp.arrangement) - _ARRANGEMENT_STOP
            scored = [(len(words & (_words(ln.item) - _ARRANGEMENT_STOP)), ln) for ln in lines]
            scored = [(n, ln) for n, ln in scored if n]
            if not scored:
                continue
            best = max(n for n, _ in scored)
            matches = [ln for n, ln in scored if n == best]
            if len(matches) != 1:
                continue
            shared = central and places and all_places and places < all_places
            share = ((rp.annual_value * places / all_places).quantize(Decimal(1), rounding=ROUND_HALF_UP) if shared
                     else rp.annual_value)   # 'about £155,769': a share on places is an estimate
            out.append({"index": i, "party": rp, "line": matches[0], "share": share,
                        "places": places if shared else None, "all_places": all_places if shared else None,
                        "gap": share > matches[0].amount})
        return out

    @property
    def related_party_line_gaps(self) -> list[tuple[int, "RelatedParty", CostLine]]:
        """Each related party whose annual charge (for a central charge, the commissioner's share of it) is more than
        the whole budgeted cost line its arrangement belongs to, with that line (index, party, line). r28 ob-fresh
        finding 5: a £14,400 vehicle lease against an £8,000 'Vehicles and staff travel' line: either the lease is
        budgeted elsewhere or the cost model is understated."""
        return [(c["index"], c["party"], c["line"]) for c in self.related_party_line_checks if c["gap"]]

    @property
    def related_party_line_shared(self) -> list[dict]:
        """The central charges that are more than their cost line in full but not once the commissioner's share is
        taken: the note says so and asks for the charge's cost build-up rather than report a gap (r32 ob-fresh 4)."""
        return [c for c in self.related_party_line_checks
                if not c["gap"] and c["places"] and c["party"].annual_value > c["line"].amount]

    @property
    def director_pay_undisclosed(self) -> bool:
        """Whether a Disallowed Cost limits directors' pay by reference to salaries 'disclosed in the cost model'
        while no line of the cost model shows a director's salary (r25 ob-homecare 3: a cap on a figure the cost
        model does not contain)."""
        item = any("director" in c.lower() and "cost model" in c.lower() and re.search(r"\b(above|more than|exceed)",
                                                                                      c, re.I)
                   for c in self.disallowed_costs or [])
        lines = [*(self.cost_model.direct_lines or []), *(getattr(self.cost_model, "overhead_lines", None) or [])]
        return item and not any("director" in str(getattr(l, "item", l)).lower() for l in lines)

    @property
    def director_pay_items(self) -> dict[str, tuple[str, str]]:
        """Where director_pay_undisclosed: each Disallowed Cost limiting directors' pay by the cost model, as the clause
        lists it (the words before and after the schedule's reference), pointing to the directors' pay Part 1 of the
        costs schedule then states in brackets (r26 ob-fresh 3:
        'above the amounts set out in the cost model' pointed to a figure the cost model did not contain)."""
        if not self.director_pay_undisclosed:
            return {}
        out = {}
        for text in self.disallowed_items:
            if "director" in text.lower() and "cost model" in text.lower():
                m = re.search(r"\b(?:(?:set out|disclosed|shown|stated|included)(?: for (?:them|each of them|each|him|her))? )?"
                              r"in the cost model\b", text, re.I)  # r34 ob-fresh2 F10: "shown for them stated in"
                if m:
                    out[text] = (text[:m.start()] + "stated in Part 1 of ", text[m.end():])
        return out

    @property
    def disallowed_related(self) -> list[str]:
        """The items of disallowed_items about payments to a related party (e.g. rent above a market rent).
        The clause already disallows any payment to a Related Party above what the related-parties clause
        allows, so it leaves these out rather than state a second, different test for the same payment
        (ob-fresh r15 finding 9: a RICS-rent item against the lower-of-cost-and-market rule)."""
        return [text for text in self.disallowed_items if re.search(r"related[- ]part", text, re.I)]

    @property
    def disallowed_funded(self) -> list[str]:
        """The items of disallowed_items about costs met from grants or donations. The standalone
        agreement states that rule once, in its scope clause, so it lists these as a reference to that
        rule rather than as a second rule (two reviews found the rule in four places)."""
        def funded(text: str) -> bool:
            low = text.lower()
            return (("grant" in low or "donation" in low)
                    and any(w in low for w in ("met from", "funded by", "paid for by", "paid from")))
        return [text for text in self.disallowed_items if funded(text)]

    @property
    def volume_lines(self) -> list:
        """Inside an alliance: the Providers' service lines paid by the unit (alliance VolumeLine rows); else empty."""
        return self._volume_lines

    @property
    def volume_members(self) -> list:
        """Inside an alliance: the Providers with a service line paid by the unit, once each; else empty."""
        out: list = []
        for v in self._volume_lines:
            if all(v.member is not m for m in out):
                out.append(v.member)
        return out

    @property
    def per_provider(self) -> dict:
        """Inside an alliance: 'cost-base/margin/treatment' -> [(Provider, Reconciliation), ...]; else empty."""
        return self._per_provider

    @property
    def examples(self) -> dict[str, Reconciliation]:
        """The worked example for every combination of positions, keyed 'cost-base/margin/treatment'.

        Positions are chosen outside the block, so the schedule picks its example with
        `open_book.examples[cost_base ~ "/" ~ margin ~ "/" ~ treatment]`.
        """
        out = {}
        for cost_base in COST_BASES:
            for margin in MARGINS:
                for treatment in TREATMENTS:
                    out[f"{cost_base}/{margin}/{treatment}"] = self.reconcile(cost_base, margin, treatment)
        return out

    @model_validator(mode="after")
    def _mobilisation_loss_has_costs(self):
        """A loss limited to the mobilisation costs needs mobilisation costs the clause can name (r28 ob-fresh 2)."""
        if self.loss_carry_limit == "mobilisation" and not self.pre_start_costs and not (
                self.cost_model and getattr(self.cost_model, "mobilisation", None)):
            raise ValueError("loss_carry_limit is 'mobilisation' but no allowable cost names mobilisation (or "
                             "pre-start) costs and cost_model has no mobilisation line: add one, or use 'all'")
        return self

    @model_validator(mode="after")
    def _staff_cap_base_given(self):
        """A cap on staff costs needs the staff costs, and they are part of the direct costs (r27 ob-sample 3)."""
        if self.overhead_cap_base == "staff_costs":
            staff = self.cost_model.staff_costs if self.cost_model else None
            if staff is None:
                raise ValueError("overhead_cap_base is 'staff_costs' but cost_model.staff_costs is empty: give the "
                                 "budgeted staff costs the Overhead Cap is a percentage of")
            if staff > self.cost_model.direct_costs:
                raise ValueError(f"cost_model.staff_costs ({staff}) is more than direct_costs "
                                 f"({self.cost_model.direct_costs}): staff costs are part of the direct costs")
        return self

    def staff_cap_base(self, direct_costs: Decimal | None = None) -> Decimal | None:
        """The staff costs the Overhead Cap is a percentage of where open_book.overhead_cap_base is 'staff_costs'
        (scaled with the direct costs where a scenario counts fewer of them); None where the cap is on all the
        Direct Costs."""
        if self.overhead_cap_base != "staff_costs" or self.cost_model is None or self.cost_model.staff_costs is None:
            return None
        staff = self.cost_model.staff_costs
        if direct_costs is None or direct_costs == self.cost_model.direct_costs or not self.cost_model.direct_costs:
            return pence(staff)
        return pence(staff * direct_costs / self.cost_model.direct_costs)

    @property
    def overhead_cap_on_staff(self) -> bool:
        """Whether the Overhead Cap is a percentage of the staff costs rather than of all the Direct Costs."""
        return self.overhead_cap_base == "staff_costs"

    def reconcile(self, cost_base: CostBase, margin: Margin, treatment: Treatment,
                  income: Decimal | None = None, direct_costs: Decimal | None = None,
                  overheads: Decimal | None = None) -> Reconciliation:
        band = self.sharing_band
        return reconcile(
            direct_costs=self.cost_model.direct_costs if direct_costs is None else direct_costs,
            overheads=self.cost_model.overheads if overheads is None else overheads,
            income=self.budget_income if income is None else income, profit_cap=self.profit_cap, basis=self.basis,
            overhead_cap=self.overhead_cap, cost_base=cost_base, margin=margin, treatment=treatment,
            cap_base=self.staff_cap_base(direct_costs),
            fixed_fee=self.fixed_fee, band_upper=band.upper_margin if band else None,
            band_provider_share=band.provider_share if band else None,
            split_percentage=self.excess.split_percentage,
        )

    def carry_reaches(self, excess: Decimal) -> tuple[int, Decimal] | None:
        """Where `excess` a period is below excess.carry_below: the period in which the amount carried forward, added
        to each period's Excess Profit, first reaches carry_below, and that amount (r18 ob-fresh 7: a note said nothing
        was paid until the final period, but £2,405 a period reaches £7,215, over £5,000, in the third)."""
        floor = self.excess.carry_below
        if not floor or excess <= 0 or excess >= floor or getattr(self, "reconciliation", "annually") != "annually":
            return None   # the budget's figures are a year's: only annual periods carry them as they stand
        periods = int((floor / excess).to_integral_value(rounding=ROUND_CEILING))   # the first total to reach it
        if periods > (getattr(self, "_term_periods", None) or periods):
            return None   # never reached within the term: paid only in the final period
        return periods, pence(excess * periods)

    @property
    def indexed_amounts(self) -> list[str]:
        """The amounts in pounds the allowable cost categories state (e.g. '£27.50 an hour' for agency staff), which
        the costs schedule indexes with the Prices, named there so the cap is plainly indexed (r28 ob-fresh 25);
        a rate per mile is not indexed."""
        found = re.findall(r"£[\d,]+(?:\.\d\d)?(?: (?:an?|per) (?:hour|night|week|day|visit|year|month))?",
                           " ".join(str(c) for c in self.allowable_costs))
        return list(dict.fromkeys(found))

    @property
    def individual_hour_prices(self) -> list["UnitPrice"]:
        """The hourly prices for support given to one person (not the shared core hours): where there are more than
        one (individual support and a specialist's hours, say), the payment clause says which applies (r28 ob-fresh
        16)."""
        return [u for u in self.unit_prices if u.unit == "hour" and not re.search(r"\b(core|shared)\b", str(u.service), re.I)]

    @property
    def pre_start_costs(self) -> list[str]:
        """The allowable-cost categories incurred before the services (or a tenant's or person's support) start,
        e.g. 'Recruitment and shadow shifts ... in the three months before each tenant moves in' (r17 ob-fresh 3):
        the term clause counts those incurred before the service start date in the first Reconciliation Period,
        where no cost-model mobilisation line already does."""
        pre = re.compile(r"\bpre-?(start|opening|mobili[sz]ation)\b|\bmobili[sz]|\bbefore\b.*\b(start|starts|moves? in|"
                         r"move-in|opens?|opening|arrives?|admission)\b", re.IGNORECASE)
        return [str(c) for c in self.allowable_costs if pre.search(str(c))]

    @property
    def expected_income(self) -> Decimal:
        """Unit prices times expected units, for the financial model (units not given count as none)."""
        return sum((u.expected_income for u in self.unit_prices), Decimal(0))

    @property
    def priced_units(self) -> bool:
        """Whether any unit price states its expected units, so the prices give an income to compare."""
        return any(u.expected_units is not None for u in self.unit_prices)

    @property
    def core_uplift(self) -> Decimal:
        """What the Core Places paid for beyond the expected units add to the budgeted income (r21 ob-fresh 1: 13
        Core Places paid every night are 4,745 nights against 4,600 expected, £35,960 more at £248)."""
        return sum((pence(u.price * (u.budget_units - u.expected_units)) for u in self.unit_prices
                    if u.expected_units is not None and u.budget_units > u.expected_units), Decimal(0))

    @property
    def budget_income(self) -> Decimal:
        """The income the worked example uses: the cost model's, plus what the Core Places add beyond the expected
        units (the Council pays for them whether used or not)."""
        return self.cost_model.income + self.core_uplift + self.nursing_income

    def core_reprice(self, cost_base: str) -> list[tuple["UnitPrice", Decimal]]:
        """For each price whose Core Places are paid for more units than expected: the price that, over the units
        the Core Places guarantee, with the other prices at their budget, brings in the budgeted Allowable Costs
        plus the Reasonable Profit exactly (r21 ob-fresh 1: (£1,296,750 - £156,000) / 4,745 = £240.41)."""
        out = []
        target = self.expected_income - self.price_cover[cost_base]
        for u in self.unit_prices:
            if u.expected_units is not None and u.budget_units > u.expected_units:
                rest = self.expected_income - u.expected_income
                out.append((u, pence((target - rest) / u.budget_units)))
        return out

    @property
    def price_cover(self) -> dict[str, Decimal]:
        """Income from the prices less the budgeted Allowable Costs and Reasonable Profit, by cost base.

        Positive: at the expected units the prices more than cover cost and profit (the budget
        itself makes Excess Profit); negative: the prices fall short and the provider bears the gap.
        """
        out = {}
        income = self.expected_service_income
        for cost_base in COST_BASES:
            ex = self.reconcile(cost_base, "hard-cap", "refund", income=income)
            out[cost_base] = income - ex.allowable_costs - ex.maximum_profit
        return out

    @property
    def nursing_income(self) -> Decimal:
        """The NHS-funded nursing care the cost model budgets (nil where it gives none): Service Income on top of
        the Prices, added once here for every income figure that counts it."""
        return self.cost_model.nhs_nursing_income or Decimal(0)

    def nursing_for_weeks(self, weeks) -> Decimal:
        """The NHS-funded nursing care budgeted for `weeks` of the expected weeks of the weekly Prices (nil where none
        is budgeted): the notes compare it, with the Prices, against the costs of those weeks (r32 ob-fresh 3)."""
        expected = sum((Decimal(u.expected_units) for u in self.unit_prices
                        if u.unit == "week" and u.expected_units is not None), Decimal(0))
        return pence(self.nursing_income * Decimal(weeks) / expected) if self.nursing_income and expected else Decimal(0)

    @property
    def expected_service_income(self) -> Decimal:
        """The prices at the expected units plus the NHS-funded nursing care budgeted (Service Income too), which
        is what must cover the Allowable Costs and the Reasonable Profit (r25 ob-fresh 1)."""
        return self.expected_income + self.nursing_income

    @property
    def prices_cover(self) -> dict[str, bool]:
        """By cost base: whether the prices at expected units cover Allowable Costs plus the Reasonable Profit."""
        return {cost_base: self.priced_units and gap >= 0 for cost_base, gap in self.price_cover.items()}

    @property
    def review_example(self) -> dict[str, ReviewExample]:
        """The annual re-basing worked on the budget, by cost base, for the pricing note.

        Why: reviewers asked for one example with the deal's own numbers showing that re-basing at
        budgeted cost gives the index change, and that a cost overrun is held to the index by the
        collar. Assumes an illustrative index of 3% and all units bought by the commissioner; only
        on the allowable-cost basis with priced units (the other bases re-base differently).
        """
        return self._review_examples(Decimal(0))

    @property
    def rebase_example(self) -> dict[str, ReviewExample]:
        """review_example for the re-basing review, whose base statement leaves out the one-off mobilisation
        costs (r22 ob-fresh 4: the note re-based on the whole £921,850 budget, giving 1.03, where the clause
        re-bases on £912,350 without the £9,500 mobilisation, giving 1.0194)."""
        return self._review_examples(self.cost_model.mobilisation or Decimal(0), self.nursing_income)

    def _review_examples(self, left_out: Decimal, nursing: Decimal = Decimal(0)) -> dict[str, ReviewExample]:
        if self.basis != "allowable_cost" or not self.priced_units or not self.expected_income:
            return {}
        index = Decimal(3)
        out = {}
        for cost_base in COST_BASES:
            budget = self.reconcile(cost_base, "hard-cap", "refund").allowable_costs
            ex = self.reconcile(cost_base, "hard-cap", "refund", direct_costs=self.cost_model.direct_costs - left_out)
            grow = 1 + index / HUNDRED
            # the re-basing review deducts the nursing care, held here at the budget (its rate is not the index)
            at_budget = pence((ex.allowable_costs + ex.maximum_profit) * grow) - nursing
            overrun = pence((ex.allowable_costs + ex.maximum_profit) * grow * Decimal("1.1")) - nursing
            out[cost_base] = ReviewExample(
                index=index, allowable_costs=ex.allowable_costs, reasonable_profit=ex.maximum_profit,
                income=self.expected_income, rebased=at_budget,
                factor=factor(at_budget / self.expected_income),
                overrun_rebased=overrun,
                overrun_factor=factor(overrun / self.expected_income),
                left_out=left_out, budget_costs=budget, nursing=nursing)
        return out

    def income_at(self, occupancy: Decimal, floored: bool = False) -> Decimal:
        """Income at `occupancy` per cent of capacity: prices with a capacity scale, others stay at budget.

        `floored`: the weekly price is paid for at least the Core Places' weeks, used or not (the
        core-places position), so income never falls below what the Core Places guarantee (a r13 review
        read a table showing less as contradicting the block payment)."""
        total = weekly = hourly = Decimal(0)
        floor = self._core_floor if floored else None
        # r35 ob-fresh 5: in home care the guaranteed hours are paid whether or not they are used, so in a scenario
        # (floored) the hourly income never falls below their payment; the break-even point stays unfloored.
        guarantee = self.guarantee_income if (floored and self._home_care) else None
        for u in self.unit_prices:
            if u.capacity_units and not self._held(u):
                amount = pence(u.price * u.capacity_units * occupancy / HUNDRED)
                if guarantee and u.unit == "hour":
                    hourly += amount
                elif floor is not None and u.unit == floor.unit:
                    weekly += amount
                else:
                    total += amount
            else:
                total += u.expected_income
        # The floor is a floor, never an addition: with two weekly prices (general and dementia nursing) the weeks
        # used are spread over the lines by capacity, and the income is the greater of those weeks at their prices
        # and the Core Places payment (r18 ob-fresh 1: adding one line's weeks to the floor counted 38 places of 30).
        if floor is not None:
            weekly = max(weekly, floor.income)
        if guarantee:
            hourly = max(hourly, guarantee)
        return total + weekly + hourly + self.nursing_income_at(occupancy)

    def nursing_income_at(self, occupancy: Decimal) -> Decimal:
        """The NHS-funded nursing care (Service Income) at `occupancy` per cent: it is paid for each eligible
        resident in a place, so it moves with occupancy from the budgeted figure (r25 ob-fresh 1)."""
        fnc = self.cost_model.nhs_nursing_income
        if not fnc:
            return Decimal(0)
        budget = self.nursing_occupancy
        return pence(fnc * occupancy / budget) if budget else fnc

    @property
    def nursing_occupancy(self) -> Decimal | None:
        """The occupancy of the weekly places the budget assumes, in per cent (the NHS-funded nursing care budgeted
        is paid for those weeks): budgeted weeks over the weeks available, other units (hours) left out."""
        lines = [u for u in self.unit_prices if u.unit == "week" and u.capacity_units and u.expected_units is not None]
        if not lines:
            return None
        return (Decimal(sum(u.budget_units for u in lines)) * HUNDRED / sum(u.capacity_units for u in lines)).quantize(
            PENNY, rounding=ROUND_HALF_UP)

    @property
    def held_hour_lines(self) -> list[UnitPrice]:
        """Prices by the hour or session with a capacity, where places (by the week or night) also state a capacity:
        the occupancy scenarios hold these units (and their variable cost) at the budget, because one-to-one hours
        follow each person's care plan, not the number of beds used (r31 ob-fresh 8: a table scaling 2,600 budgeted
        hours to 3,994 at "96%" occupancy mixed two variables). With hours alone (home care) they still scale."""
        if not any(u.capacity_units and u.unit in PLACE_UNITS_A_YEAR for u in self.unit_prices):
            return []
        return [u for u in self.unit_prices
                if u.capacity_units and u.unit in ("hour", "session") and u.expected_units is not None]

    def _held(self, u: UnitPrice) -> bool:
        return any(u is h for h in self.held_hour_lines)

    @property
    def scaled_lines(self) -> list[UnitPrice]:
        """The prices with a capacity that the occupancy scenarios scale (all but `held_hour_lines`)."""
        return [u for u in self.unit_prices if u.capacity_units and not self._held(u)]

    @property
    def held_lines(self) -> list[UnitPrice]:
        """The prices whose expected units the occupancy scenarios hold at the budget: those without a capacity and
        `held_hour_lines`."""
        return [u for u in self.unit_prices if u.expected_units and (not u.capacity_units or self._held(u))]

    @property
    def hour_cost_lines(self) -> list[UnitPrice]:
        """Every price with a capacity whose direct cost follows the units delivered, held or not: the costs that do
        not move with the bed-weeks where the shared costs do (`costs_move_with_weeks`)."""
        return [u for u in self.unit_prices
                if u.capacity_units and u.variable_cost is not None and u.expected_units is not None]

    @property
    def variable_prices(self) -> list[UnitPrice]:
        """Prices with a capacity whose direct cost follows the units delivered (a variable_cost), other than those
        held at the budget (`held_hour_lines`)."""
        return [u for u in self.unit_prices
                if u.capacity_units and u.variable_cost is not None and u.expected_units is not None
                and not self._held(u)]

    @property
    def director_pay_limited(self) -> bool:
        """Whether a Disallowed Cost limits directors' pay ('directors' fees above the salary of the Registered
        Manager role each director fills'): the employment clause then counts a director's pay only up to that limit
        rather than a market salary (r24 ob-fresh 7: two different caps on directors' pay)."""
        return any("director" in c.lower() and re.search(r"\b(above|more than|exceed)", c, re.I)
                   for c in self.disallowed_costs or [])

    @property
    def variable_lines(self) -> list[dict]:
        """Each Price not re-based with a variable_cost whose budget line in the cost model names the same service
        (the line contains the service's words before any comma, or the service contains the line's): the line, its
        amount, the variable cost times the expected units, and the variable cost the line implies.

        Why (r24 ob-fresh 6): the cost model budgeted 'Additional one-to-one support hours £32,000' while the
        re-basing deducted 1,500 hours x £21.40 = £32,100, a £100 mismatch inside the draft's own formula; the
        re-basing now uses the cost model's line and a note asks for one figure where they differ."""
        out = []
        lines = self.cost_model.direct_lines or [] if self.cost_model else []
        for u in self.unit_prices:
            if u.rebased or u.variable_cost is None or u.expected_units is None:
                continue
            head = re.split(r"[,;(]", u.service)[0].strip().lower()
            for ln in lines:
                item = re.split(r"[,;(:]", ln.item)[0].strip().lower()
                if head and item and (head in ln.item.lower() or item in u.service.lower()):
                    computed = pence(u.variable_cost * u.expected_units)
                    out.append({"service": u.service, "unit": u.unit, "item": ln.item, "amount": ln.amount,
                                "computed": computed, "expected": u.expected_units, "rate": u.variable_cost,
                                "implied": pence(ln.amount / u.expected_units), "differs": ln.amount != computed})
                    break
        return out

    def direct_costs_at(self, occupancy: Decimal, floored: bool = False) -> Decimal:
        """Budgeted Direct Costs at `occupancy`: the variable cost of each unit above or below budget added or
        taken off, so that hours delivered only as commissioned are not treated as a fixed cost. Where shared costs
        are apportioned by the commissioner's bed-weeks (`costs_move_with_weeks`), the rest moves with those weeks."""
        total = self.cost_model.direct_costs
        if self.costs_move_with_weeks:
            fixed = total - sum((pence(u.variable_cost * u.expected_units) for u in self.hour_cost_lines), Decimal(0))
            total += pence(fixed * self.weeks_factor_at(occupancy, floored)) - fixed
        for u in self.variable_prices:
            total += pence(u.variable_cost * (u.capacity_units * occupancy / HUNDRED - u.expected_units))
        return total

    def overheads_at(self, occupancy: Decimal, floored: bool = False) -> Decimal:
        """The Overheads at `occupancy`: at budget, or moving with the commissioner's bed-weeks where the scope
        clause shares them that way (r25 ob-fresh 3)."""
        if not self.costs_move_with_weeks:
            return self.cost_model.overheads
        return pence(self.cost_model.overheads * self.weeks_factor_at(occupancy, floored))

    @property
    def week_lines(self) -> list[UnitPrice]:
        """The weekly (or nightly) prices with a capacity and expected units: the places whose weeks the scope
        clause apportions shared costs by."""
        return [u for u in self.unit_prices if u.capacity_units and u.unit in PLACE_UNITS_A_YEAR
                and u.expected_units is not None]

    @property
    def costs_move_with_weeks(self) -> bool:
        """Whether the occupancy scenarios move the costs with the commissioner's bed-weeks: the open book covers
        only its places and the scope clause apportions the shared costs by paid or occupied bed-weeks, so its share
        of them rises and falls with its weeks (r25 ob-fresh 3: a table holding them at budget overstated the
        profit at 95% and 100%)."""
        return self._weeks_basis is not None and bool(self.week_lines) and \
            bool(sum(u.budget_units for u in self.week_lines))

    @property
    def weeks_basis(self) -> str | None:
        """'paid' or 'occupied': the bed-weeks the scope clause apportions shared costs by; None otherwise."""
        return self._weeks_basis

    @property
    def weeks_home(self) -> str:
        """Where the bed-weeks are counted, for the scenarios' text: 'the home', or 'each home' with several."""
        return ("each " if self._weeks_homes > 1 else "the ") + self._weeks_home_word

    @property
    def weeks_homes(self) -> str:
        """'the home', or 'the homes' with several."""
        return "the " + self._weeks_home_word + ("s" if self._weeks_homes > 1 else "")

    @property
    def home_word(self) -> str:
        """The plain word for one place of service ('home', 'setting', a zone word), as services.home_word gives it
        in the open-book family; 'home' in the other families, for notes shared by every family's open book."""
        return self._weeks_home_word

    @property
    def budget_weeks(self) -> int:
        """The bed-weeks (or nights) the budget counts for the commissioner's places."""
        return sum(u.budget_units for u in self.week_lines)

    @property
    def week_costs(self) -> Decimal:
        """The budgeted Allowable Costs that move with the weeks: all but the variable cost of hours."""
        allowable = self.reconcile("full-cost", "hard-cap", "refund").allowable_costs
        return allowable - sum((pence(u.variable_cost * u.expected_units) for u in self.hour_cost_lines), Decimal(0))

    @property
    def cost_per_week(self) -> Decimal:
        """`week_costs` per bed-week the budget counts, to the penny (for the text; totals use `costs_for_weeks`)."""
        return pence(self.week_costs / self.budget_weeks)

    def costs_for_weeks(self, weeks) -> Decimal:
        """The commissioner's share of the costs for `weeks` paid bed-weeks, at the budgeted cost of each."""
        return pence(self.week_costs * Decimal(weeks) / self.budget_weeks)

    def weeks_factor_at(self, occupancy: Decimal, floored: bool = False) -> Decimal:
        """The commissioner's bed-weeks at `occupancy` over the budget's: the weeks used, or where `floored` and the
        apportionment counts paid weeks, at least the weeks of the Core Places it pays for used or not."""
        used = sum((u.capacity_units * occupancy / HUNDRED for u in self.week_lines), Decimal(0))
        floor = self._core_floor if floored else None
        if floor is not None and self._weeks_basis == "paid":
            used = max(used, Decimal(floor.weeks))
        return used / self.budget_weeks

    def nursing_runs(self, cost_base: CostBase, margin: Margin, treatment: Treatment) -> list[tuple[Decimal, Decimal, Reconciliation]]:
        """r32 ob-fresh 3: the provider bears the risk that the NHS-funded nursing care budgeted falls (fewer eligible
        residents, empty places); the budget year with it at 100%, 90% and 80% of the budget, the Prices and costs held
        at the budget: (share in per cent, nursing care, reconciliation). Empty where none is budgeted."""
        fnc = self.nursing_income
        if not fnc:
            return []
        out = []
        for share in (Decimal(100), Decimal(90), Decimal(80)):
            amount = pence(fnc * share / 100)
            out.append((share, amount, self.reconcile(cost_base, margin, treatment,
                                                      income=self.budget_income - fnc + amount)))
        return out

    def floor_run(self, cost_base: CostBase, margin: Margin, treatment: Treatment) -> Reconciliation:
        """The year in which only the Core Places are paid for (and used): the Core Places payment against the
        budgeted costs, or where costs move with the weeks, the costs of the Core Places' weeks."""
        floor = self._core_floor
        if not self.costs_move_with_weeks:
            return self.reconcile(cost_base, margin, treatment, income=floor.income)
        # only the Core Places' weeks: no hours are commissioned, so none of their variable cost is counted
        factor = Decimal(floor.weeks) / self.budget_weeks
        var = sum((pence(u.variable_cost * u.expected_units) for u in self.hour_cost_lines), Decimal(0))
        direct = pence((self.cost_model.direct_costs - var) * factor)
        return self.reconcile(cost_base, margin, treatment, income=floor.income, direct_costs=direct,
                              overheads=pence(self.cost_model.overheads * factor))

    @property
    def capacity_income(self) -> Decimal:
        """Income if every place with a stated capacity were used all year."""
        return sum((pence(u.price * u.capacity_units) for u in self.unit_prices if u.capacity_units), Decimal(0))

    @property
    def budget_occupancy(self) -> Decimal | None:
        """The occupancy the expected units assume, in per cent: over every price with a capacity where they are in
        the same unit (two weekly rates for one home's places), else from the first."""
        lines = [u for u in self.unit_prices if u.budget_occupancy is not None]
        if not lines:
            return None
        if len({u.unit for u in lines}) > 1:
            return lines[0].budget_occupancy
        return (Decimal(sum(u.budget_units for u in lines)) * HUNDRED / sum(u.capacity_units for u in lines)).quantize(
            PENNY, rounding=ROUND_HALF_UP)

    @property
    def first_period_end(self) -> dt.date:
        """The last day of the first Reconciliation Period (12 months from first_period_start): the end of a
        carry-forward limited to a first-year deficit (r27 ob-fresh finding 6)."""
        start = self.first_period_start
        try:
            nxt = start.replace(year=start.year + 1)
        except ValueError:
            nxt = start.replace(year=start.year + 1, month=3, day=1)
        return nxt - dt.timedelta(days=1)

    @property
    def noncore(self) -> dict | None:
        """r29 ob-fresh 4: the Core Places are paid place by place for every week whether used or not, so the income is
        the Core Places payment plus the Price for each week a place that is not a Core Place is used; an occupancy
        share spread over all the places (90% giving less than the Core Places payment plus any use) misstates it.
        Where the Core Places are split over two or more weekly Prices, the places that are not Core Places are all at
        one Price (one weekly line with places beyond its Core Places, every other line all Core Places) and every cost
        is held at budget: that line, its spare weeks, the
        weeks the budget expects them used, and the weeks of use at which the income meets the budgeted Allowable
        Costs. None otherwise (the occupancy table stays)."""
        f = self._core_floor
        if f is None or self.costs_move_with_weeks or self.variable_prices or self.cost_model.nhs_nursing_income:
            return None
        if not f.split:
            # one weekly Price: the occupancy table's floor (the greater of the weeks used and the Core Places
            # payment) is already the least income at each level, so it stays
            return None
        per = PLACE_UNITS_A_YEAR[f.unit]
        cap = self.scaled_lines
        if any(u.unit != f.unit for u in cap) or not cap:
            return None
        cores = {s_: n for s_, _, n in f.split}
        spare = [(u, Decimal(u.capacity_units) - cores.get(u.service, 0) * per) for u in cap]
        if any(w < 0 for _, w in spare):
            return None
        open_ = [(u, w) for u, w in spare if w > 0]
        if len(open_) != 1:
            return None
        u, weeks = open_[0]
        if u.expected_units is None:
            return None
        budget = Decimal(u.expected_units) - cores.get(u.service, 0) * per
        if budget < 0 or budget > weeks:
            return None
        held = self.held_income
        short = f.allowable_costs - f.income - held
        # rounded up to two places, so that the break-even row of the table shows no loss
        be = (short / u.price).quantize(Decimal("0.01"), rounding=ROUND_CEILING) if short > 0 else Decimal(0)

        def num(v: Decimal):
            return v.normalize() if v != v.to_integral() else v.to_integral()
        return {"service": u.service, "price": u.price, "places": int(weeks // per), "weeks": num(weeks),
                "budget": num(budget), "break_even": num(be), "short": short, "held": held,
                "covered": short <= 0, "reachable": be <= weeks, "unit": f.unit}

    def noncore_runs(self, cost_base: CostBase, margin: Margin, treatment: Treatment) -> list[tuple]:
        """The scenarios for `noncore`: (label key, weeks, reconciliation) at no use of the places that are not Core
        Places, the break-even use (income set to the budgeted Allowable Costs), the budget's use and every week."""
        nc = self.noncore
        if nc is None:
            return []
        f = self._core_floor
        base = f.income + nc["held"]
        rows = [("none", Decimal(0))]
        if not nc["covered"] and 0 < nc["break_even"] < nc["weeks"] and nc["break_even"] != nc["budget"]:
            # the first whole unit at which the income covers the costs, so that the row shows whole pounds
            rows.append(("break_even", Decimal(nc["break_even"]).to_integral_value(rounding=ROUND_CEILING)))
        rows += [("budget", Decimal(nc["budget"])), ("all", Decimal(nc["weeks"]))]
        rows = sorted({w: (k, w) for k, w in reversed(rows)}.values(), key=lambda r: r[1])
        out = []
        for k, w in rows:
            income = base + pence(nc["price"] * w)
            out.append((k, w.normalize() if w != w.to_integral() else w.to_integral(),
                        self.reconcile(cost_base, margin, treatment, income=income)))
        return out

    @property
    def held_income(self) -> Decimal:
        """The budgeted income at the Prices without a capacity (one-to-one hours and the like), which the occupancy
        scenarios hold at budget."""
        return sum((u.expected_income for u in self.unit_prices if not u.capacity_units or self._held(u)), Decimal(0))

    @property
    def floor_covered_with_held(self) -> bool:
        """The Core Places' payment falls short of the budgeted Allowable Costs, but with the budgeted income at the
        other Prices (held at budget in the scenarios) it covers them, so at budgeted costs no occupancy makes a loss
        while all the Core Places remain (r27 ob-fresh finding 5: a stated break-even below the Core Places' occupancy
        described a loss that cannot happen)."""
        f = self._core_floor
        return bool(f is not None and self._residential and f.shortfall and self.held_income and not self.costs_move_with_weeks
                    and f.income + self.held_income >= f.allowable_costs)

    @property
    def break_even_occupancy(self) -> Decimal | None:
        """Occupancy, in per cent to one place, at which income equals budgeted Allowable Costs."""
        exact = self.break_even_exact
        return None if exact is None else exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    @property
    def break_even_exact(self) -> Decimal | None:
        """Occupancy, in per cent unrounded, at which income equals budgeted Allowable Costs (r31 ob-homecare 2:
        a floor in hours is worked out from this, not from the rounded percentage).

        Costs are held at budget, except units with a variable_cost (individual support hours delivered
        only as commissioned): in a small children's home staffing is set by the rota, not by the number
        of children, so nearly all cost is fixed over the year.
        """
        if not self.capacity_income or self.costs_move_with_weeks:
            return None   # r25 ob-fresh 3: costs moving with the weeks leave no break-even occupancy to state
        fixed = self.held_income
        allowable = self.reconcile("full-cost", "hard-cap", "refund").allowable_costs
        # a variable unit costs v each: income P*C*o = allowable + v*(C*o - E), so o = (A - vE - F) / (PC - vC);
        # overheads are taken as budgeted (within their cap), the same simplification as the scenarios' headline
        variable = self.variable_prices
        allowable -= sum((u.variable_cost * u.expected_units for u in variable), Decimal(0))
        margin = sum((pence(u.price * u.capacity_units) for u in self.scaled_lines), Decimal(0))
        margin -= sum((u.variable_cost * u.capacity_units for u in variable), Decimal(0))
        margin += self.nursing_income_at(HUNDRED)
        if margin <= 0:
            return None
        estimate = (allowable - fixed) * HUNDRED / margin
        if not variable:
            return estimate
        # r28 ob-fresh 3: with hours below budget the Direct Costs fall and the Overhead Cap with them, so fewer
        # Overheads count, as the occupancy table shows; find the point on the table's own method.
        def profit(occ: Decimal) -> Decimal:
            return self.reconcile("full-cost", "hard-cap", "refund", income=self.income_at(occ),
                                  direct_costs=self.direct_costs_at(occ), overheads=self.overheads_at(occ)).actual_profit
        low, high = Decimal(0), max(estimate, Decimal(0)) + 1
        if profit(low) >= 0:
            return Decimal("0.0")
        while profit(high) < 0 and high < 1000:
            high *= 2
        for _ in range(40):
            mid = (low + high) / 2
            low, high = (mid, high) if profit(mid) < 0 else (low, mid)
        return high

    @property
    def scenarios(self) -> dict[str, list[tuple[Decimal, Reconciliation]]]:
        """The reconciliation at each occupancy scenario, keyed like `examples`; empty without capacity."""
        return self._scenarios(floored=False)

    @property
    def core_scenarios(self) -> dict[str, list[tuple[Decimal, Reconciliation]]]:
        """The scenarios with the Core Places paid for whether or not used (the core-places position):
        income never below the Core Places payment. The same as `scenarios` without Core Places."""
        return self._scenarios(floored=self._core_floor is not None)

    def _scenarios(self, floored: bool) -> dict[str, list[tuple[Decimal, Reconciliation]]]:
        if not self.capacity_income:
            return {key: [] for key in self.examples}
        out = {}
        for cost_base in COST_BASES:
            for margin in MARGINS:
                for treatment in TREATMENTS:
                    out[f"{cost_base}/{margin}/{treatment}"] = [
                        (occ, self.reconcile(cost_base, margin, treatment,
                                             income=self.income_at(occ, floored or self._home_care),
                                             direct_costs=self.direct_costs_at(occ, floored),
                                             overheads=self.overheads_at(occ, floored)))
                        for occ in self.occupancy_scenarios]
        return out


# Every family's term sheet may carry the block: complete the forward reference in TermSheetBase.
TermSheetBase.model_rebuild(_types_namespace={"OpenBook": OpenBook})


# --- The standalone open-book agreement -----------------------------------------------------------


class JointFunder(Strict):
    """A public body that funds a share of some placements jointly with the commissioner (r22 and r24 ob-fresh tool
    notes: the ICB funds half of the section 117 after-care placements, and the sheet could only name it as a
    co-reviewer)."""
    name: Text = Field(description="The body, e.g. 'NHS Stannerley and Wolde Valley Integrated Care Board'.")
    short_name: Text | None = Field(None, description="The name the draft uses after the first mention, e.g. 'ICB'. "
                                                      "Empty: the full name throughout.")
    placements: Text = Field("the Placements it funds jointly with the commissioner",
                             description="Which placements it funds a share of, e.g. 'the Placements of residents "
                                         "receiving after-care services under section 117 of the Mental Health Act "
                                         "1983'.")
    share_percent: Percent = Field(description="Its share of the Prices for those placements, in per cent, e.g. 50.")
    arrangement: Text | None = Field(None, description="The agreement between it and the commissioner under which the "
                                                       "share is paid, e.g. 'the section 117 joint funding agreement "
                                                       "made under section 75 of the National Health Service Act "
                                                       "2006'. Empty: a placeholder.")
    share_basis: Literal["fixed", "per_placement"] = Field(
        "fixed", description="'fixed': share_percent is the share of every joint placement; 'per_placement': the joint "
                             "funding decision for each person sets the share, recorded in their Individual Placement "
                             "Agreement, and share_percent is only the current average, for the notes (r31 ob tool "
                             "note 1).")
    full_chc: Literal["ends_payment", "through_commissioner"] = Field(
        "ends_payment", description="What happens when a person becomes eligible for full NHS Continuing Healthcare: "
                                    "'ends_payment': the commissioner stops paying and the NHS body contracts for the "
                                    "place; 'through_commissioner': under a pooled budget the commissioner goes on paying "
                                    "the whole Price and recovers it all from the joint funder, so nothing is suspended "
                                    "(only with pays: commissioner; r31 ob tool note 2).")
    pays: Literal["commissioner", "direct"] = Field(
        "commissioner", description="'commissioner': the commissioner pays the whole Price and recovers the share from "
                                    "the joint funder under its own arrangement (the joint funder is not a party); "
                                    "'direct': the joint funder pays its share to the provider directly and that "
                                    "payment is Service Income.")

    @property
    def label(self) -> str:
        return self.short_name or self.name



def hours_words(hours) -> str | None:
    """Weekly hours as a clause prints them: whole hours with thousands separators ('1,100'), a part hour as given
    ('12.5'); None where the sheet gives none."""
    if hours is None:
        return None
    return f"{int(hours):,}" if hours == int(hours) else f"{hours:,}"

class Home(Strict):
    name: Text = Field(description="The home or setting, e.g. 'Oak House'.")
    address: Text = Field(description="Its address, on one line.")
    places: int = Field(ge=1, le=250, description="Places the commissioner may use, e.g. 4. In home care: the people "
                                                  "the zone's service is sized for at one time, e.g. 150.")
    core_places: int | None = Field(None, ge=0, le=250, description="Of those, the places the commissioner block-books "
                                                                   "at this home (the 'core-places' position), e.g. 3. "
                                                                   "Empty: every place, or a placeholder when services."
                                                                   "core_places is fewer than all the places.")
    all_places: int | None = Field(None, ge=1, le=250, description="All the places at this home or setting, "
                                                                  "including those other purchasers buy, where the "
                                                                  "open book covers only the commissioner's places "
                                                                  "(services.scope 'commissioner_places'), e.g. 10. "
                                                                  "Empty: the places its registration gives, or a "
                                                                  "placeholder.")
    lease_end: dt.date | None = Field(
        None, description="Where the provider holds this home on a lease (or other limited right to occupy): the "
                          "last day of that right, as YYYY-MM-DD, e.g. 2031-03-31. The draft obliges the provider to "
                          "keep the right to occupy for the whole Service Term and, where the lease ends before the "
                          "Service Term could end with every extension, to show it has been renewed before then. "
                          "Empty: worked out from a related party's arrangement that leases the home for a number "
                          "of years from a date ('a ten-year lease from 1 April 2021'), otherwise no lease term.")
    rent_review_date: dt.date | None = Field(
        None, description="Where the provider holds this home on a lease whose rent is reviewed: the next rent review "
                          "date, as YYYY-MM-DD, e.g. 2028-10-01. Where it falls within the Service Term (with every "
                          "extension), the costs clause says how a rent increase on that review enters the Allowable "
                          "Costs and that it does not change the Prices. Empty: no rent review is dealt with.")
    owner: Literal["commissioner", "provider", "related_party", "third_party"] | None = Field(
        None, description="Who owns this home. In a care home or other setting the provider runs: 'commissioner': the "
                          "commissioning body owns it and leases it to the provider, so no landlord's direct agreement "
                          "is drafted, no rent is paid as compensation when the agreement ends, and the commissioner "
                          "as landlord takes a surrender of the lease when the agreement ends for the home. In "
                          "supported living: 'commissioner': the commissioner owns the scheme and leases it to the "
                          "tenants' landlord (recorded in Schedule 1 and the support note, with no lease terms for "
                          "the provider). 'provider', 'related_party' or 'third_party' as the words say. Empty: as "
                          "lease_end and the related parties show.")
    capital_charge: Money | None = Field(
        None, description="For a home the provider owns (owner 'provider'): a notional rent or capital charge a year that "
                          "counts as an Allowable Cost for the building instead of its depreciation, e.g. 36000. Set it "
                          "as an independent valuation of the home in its existing use times an agreed yield (for "
                          "example £720,000 x 5%), and take the building's depreciation out of the cost model. Empty: "
                          "the building enters the costs only through depreciation, where a category allows it, and the "
                          "scope note asks whether a charge is wanted (r31 ob tool note 5). Give the charge for the "
                          "building as a whole: where the open book covers only the commissioner's places "
                          "(services.scope 'commissioner_places', with other purchasers), only the share apportioned "
                          "to those places is an Allowable Cost, and the cost model's capital charge line is that share "
                          "(r34 ob-fresh2 finding 3).")
    opens_new: bool = Field(
        False, description="Whether this home or setting is new and opens with this agreement (or during it) after "
                           "works or a new registration or notification, so that it is not ready to take anyone when "
                           "the Service Term starts. The draft then starts the Service Term for it only when the "
                           "commissioner confirms it is ready, pays nothing for its places (Core Places included) and "
                           "counts none of its costs before then, and lets the commissioner end the agreement for it if "
                           "it is not ready by opening_longstop (r34 ob-fresh finding 4). Not for children's homes, "
                           "whose Service Term already waits for their Ofsted registration. Default false.")
    opening_longstop: dt.date | None = Field(
        None, description="With opens_new: the day by which it must be ready, as YYYY-MM-DD, e.g. 2027-06-30. Empty: "
                          "a date in brackets three months after the Service Term starts.")
    commissioner_capital: CapitalGrant | None = Field(
        None, description="Where the commissioner paid part of the cost of this home under a separate capital grant or "
                          "funding agreement: the amount, that agreement and any nomination years. The capital charge "
                          "(capital_charge) is then on the provider's own share only, no cost met from the grant is "
                          "an Allowable Cost, and ending this agreement for the home leaves that agreement (its "
                          "nomination rights and any repayment on disposal or change of use) in force (r34 ob-fresh "
                          "finding 1). Empty: no such grant.")
    valuation: Money | None = Field(
        None, description="With capital_charge: the independent valuation of the home in its existing use that the "
                          "charge is set on, in pounds, e.g. 2300000. Recorded in the costs schedule as the baseline "
                          "for any re-valuation. Empty: not recorded, and the scope note asks how the charge was set.")
    valuation_yield: Percent | None = Field(
        None, description="With capital_charge: the agreed yield applied to the valuation, in per cent, e.g. 6. "
                          "Empty: not recorded.")
    valuer: str | None = Field(
        None, description="With capital_charge: who made the valuation and its date, as a phrase, e.g. 'Hadley Rowe "
                          "Chartered Surveyors, 2 September 2026'. Empty: not recorded.")
    _lease_end: dt.date | None = PrivateAttr(None)
    _lease_source: str | None = PrivateAttr(None)
    _landlord: str | None = PrivateAttr(None)
    _landlord_in_group: bool = PrivateAttr(False)
    _registered_places: int | None = PrivateAttr(None)
    expected_units: Decimal | None = Field(
        None, ge=0, le=100000, description="Where there are several homes: the weeks a year the weekly Price is "
                                           "expected to be paid for places at this home (its part of the weekly "
                                           "price's expected_units), e.g. 132. When the agreement ends for this home "
                                           "the Prices are re-based on these units. Empty: its Core Places times 52 "
                                           "plus the rest of the expected weeks shared over the places that are not "
                                           "Core Places, where every home gives core_places; otherwise its share by "
                                           "places.")
    _expected_weeks: Decimal | None = PrivateAttr(None)
    tenants: int | None = Field(None, ge=0, le=250, description="In supported living, the tenants living at this "
                                                              "home when the services start, where fewer than its "
                                                              "places (a room being let), e.g. 3. Empty: every "
                                                              "tenancy is let, unless another home gives a count; "
                                                              "then give every home's count, or the draft leaves "
                                                              "this one blank to confirm.")
    direct_costs: Money | None = Field(None, description="The budgeted direct costs of this home alone for a year "
                                                         "(its own staff, premises and running costs), in pounds, "
                                                         "where the cost model is budgeted home by home; the homes' "
                                                         "figures add up to no more than open_book.cost_model."
                                                         "direct_costs, the rest being costs the homes share. The draft "
                                                         "then re-bases the Prices by formula when the agreement ends "
                                                         "for one home. Empty: the saving is what the provider shows.")
    landlord: str | None = Field(None, description="In supported living, the landlord that grants the tenancies at "
                                                   "this home, where it differs from services.landlord, e.g. "
                                                   "'Brightwater Housing Association'. Empty: services.landlord. In "
                                                   "other settings, for a home the provider leases from a third "
                                                   "party: its landlord, named in the premises direct agreement.")
    tenancy: str | None = Field(None, description="In supported living, the kind of agreement under which each tenant "
                                                  "occupies this home, as a phrase, e.g. 'assured periodic tenancy'. "
                                                  "Empty: the draft shows a placeholder.")
    other_funded: int = Field(0, ge=0, le=250, description="In supported living, the tenancies at this home whose "
                                                           "tenants' support another public body funds (for example "
                                                           "another council or an integrated care board), e.g. 1. "
                                                           "The commissioner then pays only its share of the home's "
                                                           "core support. Empty: none.")
    guaranteed_hours: Decimal | None = Field(
        None, ge=0, le=100000, description="In home care: the hours of care a week the commissioner guarantees in this "
                                           "zone and pays for whether or not they are used, e.g. 1100. Empty: the "
                                           "draft shows a placeholder.")
    maximum_hours: Decimal | None = Field(
        None, ge=0, le=100000, description="In home care: the most hours of care a week the provider must deliver in "
                                           "this zone (the capacity its cost model is sized for), e.g. 1450. The "
                                           "draft then states that the provider need not deliver more, and lets it "
                                           "decline a referral for want of care workers once the zone's hours are at "
                                           "or above the guaranteed hours. Empty: no cap is drafted.")
    core_support: str | None = Field(None, description="In supported living, the shared support at this home paid "
                                                        "whether or not every tenancy is let, e.g. 'one support worker "
                                                        "07:30 to 21:30 every day (5,110 hours a year) and a sleep-in "
                                                        "every night (365 nights)'. Empty: the draft shows a placeholder.")


    _hourly: Any = PrivateAttr(None)

    @property
    def hourly_price(self) -> Decimal | None:
        """In home care: this zone's hourly Price (the hourly unit price naming the zone, or the only one)."""
        return self._hourly.price if self._hourly is not None else None

    @property
    def guaranteed_hours_words(self) -> str | None:
        """In home care: the guaranteed weekly hours as printed ('1,100'; '12.5'), None where not given."""
        return hours_words(self.guaranteed_hours)

    @model_validator(mode="after")
    def _maximum_not_below_guarantee(self):
        if (self.maximum_hours is not None and self.guaranteed_hours is not None
                and self.maximum_hours < self.guaranteed_hours):
            raise ValueError(f"{self.name}: maximum_hours ({self.maximum_hours}) is below guaranteed_hours "
                             f"({self.guaranteed_hours}); the provider could not deliver the hours guaranteed")
        return self

    @property
    def maximum_hours_words(self) -> str | None:
        """In home care: the maximum weekly hours as printed ('1,450'), None where not given."""
        return hours_words(self.maximum_hours)

    @property
    def hourly_price_words(self) -> str | None:
        """In home care: the zone's hourly Price as printed ('£29.85'), None where no hourly price names it."""
        from assembler.formatting import money
        return None if self.hourly_price is None else money(self.hourly_price)

    @property
    def guaranteed_hours_year(self) -> Decimal | None:
        """In home care: the guaranteed weekly hours times 52."""
        return None if self.guaranteed_hours is None else self.guaranteed_hours * 52

    @property
    def guarantee_value(self) -> Decimal | None:
        """In home care: what the guaranteed hours cost a year at the zone's hourly Price (52 weeks)."""
        if self.guaranteed_hours is None or self.hourly_price is None:
            return None
        return (self.guaranteed_hours * 52 * self.hourly_price).quantize(Decimal("0.01"))

    @property
    def expected_weeks(self) -> Decimal | None:
        """The weekly Price's expected units at this home (stated, or worked out from the Core Places);
        the partial-termination re-basing removes these, not a share by places (r15 ob-fresh finding 3)."""
        return self._expected_weeks

    @property
    def lease_ends(self) -> dt.date | None:
        """The last day of the provider's lease of this home: the sheet's lease_end, or one worked out from a
        related party's 'N-year lease from <date>' (r19 ob-fresh finding 2: a lease ending before the
        extended Service Term left step-in and continuity of care without the building)."""
        return self._lease_end

    @property
    def related_landlord(self) -> str | None:
        """The related party that owns or lets this home to the provider, where a related party's arrangement
        names the home (r21 ob-sample finding 5: step-in and continuity need a landlord's direct agreement)."""
        return self._landlord

    @property
    def group_landlord(self) -> bool:
        """Whether the related party that owns or lets this home is in the provider's group (RelatedParty.in_group):
        the provider then procures its direct agreement outright."""
        return self._landlord_in_group

    @property
    def direct_landlord(self) -> str | None:
        """Who the premises direct agreement is with, where known: the related party, or the landlord the sheet
        names for a home leased from a third party (r29 ob-fresh finding 6: name the landlord)."""
        return self._landlord or self.landlord

    @property
    def lease_source(self) -> str | None:
        """Where lease_ends came from, for the note: None where the sheet gives lease_end, otherwise the
        related party's arrangement it was worked out from."""
        return self._lease_source

    @property
    def total_places(self) -> int | None:
        """All the places at the home, the stated figure or its registration's; the shared costs of a
        home are apportioned to the commissioner by its places over these (the scope clause)."""
        return self.all_places if self.all_places is not None else self._registered_places


class ShortBreaks(Strict):
    """Overnight short breaks bought by the night: a panel allocates nights to each child and the
    provider books them, so nobody lives at the home and nothing is paid for a night not booked.

    Why: a per-night short-breaks service has no placements to end on notice, no absence while a
    child lives elsewhere, and its reduced rate is for a booked night cancelled late; the residential
    wording attached the late-cancellation rate to a place held empty (fresh short-breaks review).
    """

    panel: Text = Field("short breaks panel", description="The commissioner's panel that decides which "
                                                         "children receive overnight short breaks and how many "
                                                         "nights each, as it is called locally, e.g. 'short "
                                                         "breaks panel'.")
    allocation: Literal["annual", "six-monthly", "quarterly", "monthly"] = Field(
        "quarterly", description="How often the commissioner sends the provider the nights the panel has allocated "
                                 "to each child, for the provider to offer dates: 'annual', 'six-monthly', "
                                 "'quarterly' or 'monthly'.")
    cancellation_hours: int | None = Field(
        None, ge=1, le=720, description="Hours before a booked night begins: a night the family or the commissioner "
                                        "cancels later than this is paid at services.void_rate, e.g. 48. Empty: the "
                                        "draft shows a placeholder.")
    closure_nights: int | None = Field(
        None, ge=0, le=200, description="Nights in each year on which the home is closed to children (for staff "
                                        "training, maintenance and deep cleaning), e.g. 15. The services schedule "
                                        "lets the provider close on those nights, on dates agreed in advance, and "
                                        "defines the nights available for the KPIs. Empty: worked out from the "
                                        "nightly price's capacity_units over the places (1,750 bed-nights at five "
                                        "beds is 350 nights open, 15 closed); none where that is not a whole number "
                                        "of nights.")
    closure_reasons: Text = Field("staff training, maintenance and deep cleaning",
                                  description="What the closure nights are for, as a phrase, e.g. 'staff training, "
                                              "maintenance and deep cleaning'.")
    _open_nights: int | None = PrivateAttr(None)
    _closure: int | None = PrivateAttr(None)
    _bed_nights: int | None = PrivateAttr(None)

    @property
    def open_nights(self) -> int | None:
        """Nights a year the homes are open for short breaks (365 less the closure nights), where known."""
        return self._open_nights

    @property
    def closed_nights(self) -> int | None:
        """Nights a year the homes may close: the sheet's closure_nights, or worked out from the capacity."""
        return self._closure

    @property
    def bed_nights(self) -> int | None:
        """Bed-nights a year the homes offer when open (the nightly price's capacity_units, or places times
        open nights)."""
        return self._bed_nights

    rebook_days: int = Field(28, ge=1, le=180, description="Days within which the provider must offer the family "
                                                          "another night for a booked night the provider cancels, "
                                                          "e.g. 28.")


class HomeCare(Strict):
    """Home care (domiciliary care in people's own homes) bought by zone: the terms a block home care contract
    needs that a building-based service does not (r22 writer's home care sheet had to pretend each zone was a
    supported-living home). Read only where services.setting is 'home_care'."""

    zone_word: Literal["Zone", "Area", "Patch", "Locality"] = Field(
        "Zone", description="Home care: what the draft calls each of services.homes (the geographical areas the "
                            "provider covers), e.g. 'Zone'.")
    reablement: bool = Field(
        False, description="Home care: true where the service is short-term reablement (intermediate care and "
                           "reablement support services given mainly under section 2 of the Care Act 2014, free to "
                           "the person for the first six weeks) rather than long-term home care. The draft then "
                           "recites section 2 beside section 18, calls each person's plan a Reablement Plan (the "
                           "Council's referral and goals, with any section 25 care and support plan) and says the "
                           "care is free to the person for the first six weeks. Empty: false, long-term home care "
                           "(r35 ob-fresh 1).")
    salaried_workers: bool = Field(
        False, description="Home care: true where the care workers are on salaried contracts (a set annual salary "
                           "for set basic hours), not paid by the hour or the visit. The travel-time paragraph then "
                           "cites regulation 27 of the National Minimum Wage Regulations 2015 (salaried hours work) "
                           "as well as regulation 34 (time work, for any relief staff paid by the hour). Empty: "
                           "false, hourly-paid care workers (r35 ob-fresh 7).")
    @property
    def zone_words(self) -> str:
        """The plural of zone_word as a heading prints it ('Patches', 'Localities'), not zone_word plus 's'."""
        return {"Patch": "Patches", "Locality": "Localities"}.get(self.zone_word, self.zone_word + "s")

    cancellation_notice_hours: int = Field(
        24, ge=0, le=168, description="Home care: hours before a planned visit within which a visit the person "
                                      "cancels (not the provider) is still paid, e.g. 24. 0: no cancelled visit is "
                                      "paid.")
    cancellation_paid: Percent = Field(
        Decimal(100), description="Home care: share of the planned visit's Price, in per cent, paid for a visit "
                                  "cancelled at short notice (within cancellation_notice_hours), e.g. 100. 0: such "
                                  "visits are not paid.")
    visit_verification: Text = Field(
        "electronic call monitoring", description="Home care: the system that records when each care worker "
                                                  "arrives at and leaves each visit; its records are the record of "
                                                  "the hours delivered, e.g. 'electronic call monitoring'.")
    emergency_reject_days: int = Field(
        5, ge=1, le=20, description="Home care: Business Days after the provider reports care it delivered above a "
                                    "care plan in an emergency within which the commissioner may reasonably reject "
                                    "those hours; hours not rejected count as delivered and are paid at the zone's "
                                    "hourly price, e.g. 5.")
    visit_tolerance: Percent | None = Field(
        None, description="Home care: share, in per cent of a visit's planned length, at or above which a visit "
                          "counts for its full planned length, e.g. 85 (a 30-minute visit lasting 26 minutes is "
                          "paid for 30). Not given: each visit counts for the minutes recorded, rounded to the "
                          "nearest whole minute, and a note asks whether a tolerance is wanted.")
    guarantee_review_weeks: int = Field(
        12, ge=1, le=52, description="Home care: consecutive weeks in which the hours delivered in a zone stay "
                                     "below its guaranteed hours after which either party may require a review of "
                                     "the guarantee, e.g. 12.")
    guarantee_reduction_cap: Percent | None = Field(
        None, description="Home care: the most, in per cent of a zone's guaranteed hours at the start of a contract "
                          "year, by which the commissioner may reduce them on notice in that year, e.g. 25; a larger "
                          "cut is an ending for that zone, with its compensation. Not given: the draft shows [25]% "
                          "in brackets and a note asks for instructions.")
    double_up_each_worker: bool | None = Field(
        None, description="Home care: whether, on a visit the care plan requires two care workers to attend "
                          "(a double-handed visit), each care worker's time counts separately (true: a 30-minute "
                          "visit by two workers is an hour of care) or the visit counts once (false). Empty: each "
                          "worker counts where the hourly price says so (for example 'each care worker on a "
                          "double-handed visit counted'), else the draft says each counts, in brackets, and a note "
                          "asks (r31 ob-homecare 4).")
    travel_paid_at_contact_rate: bool = Field(
        False, description="Home care: whether the provider must pay care workers for travel time between visits "
                           "at the same hourly rate as contact time (true), or only so that their pay for all "
                           "their working time, travel included, meets the National Minimum Wage (false).")
    pay_floor_all_ages: bool = Field(
        True, description="Home care: whether the pay floor in the care workers clause (the lowest rate the cost "
                          "model pays) covers every care worker in the services (true, the standard: the cost model "
                          "funds every care worker at that rate) or only care workers aged 21 and over, leaving "
                          "younger ones at the National Minimum Wage rate for their age (false).")
    zero_hours_change_in_law: bool | None = Field(
        None, description="Home care: whether the coming into force of the zero hours reforms in sections 1 to 4 of "
                          "the Employment Rights Act 2025 (guaranteed hours offers, reasonable notice of shifts, pay "
                          "for shifts cancelled, moved or cut short), or of regulations under them, is a Relevant "
                          "Change in Law whose cost passes into the Prices (true) or a risk the provider has priced "
                          "(false). Not given: the draft includes them in square brackets and a note asks for "
                          "instructions.")
    discharge_start_hours: int | None = Field(
        None, ge=1, le=168, description="Home care: hours after the provider accepts a request to care for a person "
                                        "leaving hospital within which the care must start, e.g. 24 (the "
                                        "specification's discharge standard). If the provider cannot start in time "
                                        "the commissioner may arrange the care elsewhere until it can. Empty: no "
                                        "start time for discharges beyond the answer to the request.")


class Services(Strict):
    name: Text = Field(description="Short name of the services, e.g. 'Westshire Children's Homes'.")
    description: Text = Field(description="What the provider does, as one sentence starting with a verb, e.g. "
                                          "'provide residential care for children looked after by the Council'.")
    specification: str | None = Field(
        None, description="The service specification the provider must also meet, identified by its title, version "
                          "and date, e.g. 'Meadowbank children's homes service specification, version 2, dated 12 "
                          "November 2026'. The parties initial it and it forms part of the agreement. Empty: the "
                          "draft leaves a placeholder to fill in.")
    statutory_duty: Text = legal_field(description="The commissioner's duty the services meet, as a phrase that completes "
                                             "'The Council must secure ...' (Recital A), e.g. 'sufficient accommodation "
                                             "within its area for the children it looks after, under section 22G of the "
                                             "Children Act 1989 (the sufficiency duty)'.")
    care_type: Literal["childrens_home", "supported_accommodation", "adult_care_home", "domiciliary_care", "other"] = Field(
        description="The kind of regulated care, which decides the regulations the draft cites.")
    setting: Literal["care_home", "supported_living", "extra_care", "childrens_home", "supported_accommodation",
                     "home_care", "other"] | None = Field(
        None, description="Where the care is given: a care home ('care_home'), adults' own tenancies in supported living "
                          "('supported_living'), an extra care housing scheme, where tenants live in their own flats "
                          "with an on-site care team and personal care is registered with the CQC as domiciliary care "
                          "('extra_care': drafted as supported living, in extra care words; words 'extra care' in the "
                          "services' name or description, or a home's name, read the same way), a children's home ('childrens_home'), supported accommodation for 16 and 17 "
                          "year olds ('supported_accommodation'), care in people's own homes across a zone or area "
                          "('home_care': each of homes is then a zone, with guaranteed weekly hours and an hourly "
                          "price) or 'other'. Empty: worked out from care_type (domiciliary care in the listed "
                          "schemes is supported living; state 'home_care' for care in people's own homes).")
    homes: list[Home] = Field(min_length=1, description="The homes or settings in which the services are provided (in "
                                                        "home care: the zones or areas, each with its guaranteed "
                                                        "weekly hours).")
    nursing: bool | None = Field(
        None, description="Care homes only: whether the homes provide nursing care (care homes with nursing), so that "
        "NHS-funded nursing care, which the integrated care board pays the provider directly for each resident it "
        "assesses as eligible, is outside the Prices. Empty: worked out from the words of the services, the homes "
        "and the prices ('nursing').")
    home_care_terms: HomeCare = Field(
        default_factory=HomeCare, description="Home care (setting 'home_care') only: the zone word, the cancelled-visit "
                                              "rule, the visit record, the guarantee review and travel-time pay.")
    term: Period = Field(description="The initial term of the agreement.")
    extension_years: int = Field(0, ge=0, le=10, description="Years by which the commissioner may extend the term.")
    extension_notice_months: int | None = Field(
        None, ge=1, le=24, description="Agreed months before the Service Term would otherwise end by which the "
                                      "commissioner must give notice of an extension. Given: the extension clause "
                                      "prints it without brackets. Not given: a bracketed [6] months, listed as an "
                                      "assumption.")
    commissioner_notice_months: int | None = Field(
        None, ge=1, le=36, description="Agreed months' notice on which the commissioner may end the agreement without "
                                       "cause. Given: printed without brackets. Not given: a bracketed [6] months, "
                                       "listed as an assumption.")
    provider_notice_months: int | None = Field(
        None, ge=1, le=36, description="Agreed months' notice on which the provider may end the agreement without "
                                       "cause. Given: printed without brackets. Not given: a bracketed [12] months, "
                                       "listed as an assumption.")
    provider_break_from: dt.date | None = Field(
        None, description="Agreed earliest date for the provider's break without cause. provider_break_from_is says "
                          "whether it is the first day the provider may give notice or the first day its notice may "
                          "take effect. Not given: a bracketed date halfway through the initial term, for giving "
                          "notice.")
    provider_break_from_is: Literal["notice", "effect"] = Field(
        "notice", description="Whether provider_break_from is the first day the provider may give notice ('notice') "
                              "or the first day its notice may take effect ('effect'). Not given while "
                              "provider_break_from is: the draft uses 'notice' and a note asks the client to confirm.")
    partial_break: bool | None = Field(
        None, description="Where there are two or more homes: whether a break without cause may end the agreement "
                          "for one or more homes only (true) or only as a whole (false). Not given: the draft allows "
                          "a break for some homes only and a note asks the client to confirm it.")
    referral_response_hours: int = Field(48, ge=1, le=336, description="Hours within which the provider answers a "
                                                                       "placement referral.")
    referral_response_business_days: int | None = Field(
        None, ge=1, le=20, description="Care homes and children's homes: where the provider answers a placement "
                                       "referral within a number of working days rather than hours, e.g. 2; the "
                                       "draft then says Business Days and ignores referral_response_hours (r33 "
                                       "ob-fresh 15: 48 hours and 2 working days differ over a weekend). Empty: "
                                       "referral_response_hours.")
    referral_route: Text | None = Field(
        None, description="Care homes and children's homes: who makes placement referrals and how, as words that "
                          "follow 'Referrals are made', e.g. 'through the Council's step-down panel, by the ward "
                          "discharge co-ordinators of the mental health trust'. Empty: the draft says only that "
                          "the commissioner makes them.")
    placement_notice_days: int = Field(28, ge=1, le=180, description="Days' notice the provider must give before "
                                                                     "ending a placement (except in an emergency).")
    commissioner_notice_days: int | None = Field(
        None, ge=1, le=180, description="Care homes: days' notice the commissioner must give to end a placement (except "
                                        "where the person's safety requires it to end at once), e.g. 28. Empty: 7 days, "
                                        "which the residents note flags as assumed (r31 ob tool note 21).")
    contributions_paid_to: Literal["commissioner", "provider"] = Field(
        "commissioner", description="Adult care homes in England: who collects each resident's assessed contribution "
                                    "(Care Act 2014 ss.14 and 17). 'commissioner' (gross payment): the commissioner pays "
                                    "the whole Price and collects the contribution itself. 'provider' (net payment): the "
                                    "resident pays the contribution to the provider, the commissioner pays the Price less "
                                    "it, and takes over arrears (see contribution_arrears_weeks); the invoices and the "
                                    "placement agreement then show the contribution, and it counts in full as Service "
                                    "Income (r34 ob-fresh2 finding 1). Default 'commissioner'.")
    contribution_arrears_weeks: int | None = Field(
        None, ge=1, le=26, description="With contributions_paid_to 'provider': the weeks after which a resident's unpaid "
                                       "contribution is taken over by the commissioner, which pays it to the provider "
                                       "and recovers it from the resident, e.g. 4. Empty: [4] weeks in brackets, as an "
                                       "assumption to confirm.")
    indemnity_scope: Literal["limited", "any_breach"] = Field(
        "limited", description="What the provider's uncapped indemnity in the liability clause covers: 'limited': "
                               "negligence, wilful misconduct, abuse or neglect, breach of law, breach of the data "
                               "protection and confidentiality clauses and staff claims, any other breach of the "
                               "agreement being within the liability cap; 'any_breach': also any breach of the agreement "
                               "that leads to a third-party claim (wider, and likely to be resisted by the provider's "
                               "lawyers; r31 ob-fresh 17).")
    price_basis: Literal["per_place", "per_resident_band"] = Field(
        "per_place", description="With two or more weekly prices for Core Places: whether each Core Place is a place "
                                 "of one type, paid at its own price whoever lives in it ('per_place'), or the prices "
                                 "are bands of assessed need that follow the person ('per_resident_band': an occupied "
                                 "place is paid at the band of the person's assessed needs recorded in their Individual "
                                 "Placement Agreement and changed on a review; an empty Core Place at its last "
                                 "occupant's band, or, if it has had none, at the band unit_prices[].core_places "
                                 "gives it). Default 'per_place' (r31 ob-fresh finding 2).")
    indexation: str | None = Field(None, description="How prices change each year: the index and period, as a phrase "
                                                     "that completes 'they will change by ...', e.g. 'CPIH for the 12 "
                                                     "months to the previous December, capped at 4%'. Empty: the draft "
                                                     "shows a placeholder.")
    lowest_hourly_pay: Money | None = Field(
        None, description="The lowest hourly rate of pay the cost model budgets for front-line care or support "
                          "workers aged 21 and over, e.g. 13.40. The price review note compares it with the "
                          "national living wage. Empty: the note asks for it.")
    minimum_wage_change_in_law: bool = Field(
        False, description="Whether a rise in the national living wage counts as a Relevant Change in Law to the "
                           "extent that it is more than the change the annual price review makes in the same year "
                           "(true), or is covered by the annual review alone, like any other cost increase (false).")
    price_floor_zero: bool = Field(True, description="Whether the annual index change has a floor of 0%, so the prices "
                                                     "never fall because the index falls (true), or follow the index down (false).")
    kpis: list[Kpi] = Field(default_factory=list, description="Key performance indicators for the services.")
    social_value: list[Text] = Field(
        default_factory=list, description="Social value commitments the provider made for the award and must deliver, "
                                          "each with how it is measured, e.g. 'At least 60% of new care staff "
                                          "recruited from Northmoor postcodes each Contract Year'. Empty: the "
                                          "agreement records none, and the compliance clause imposes no social "
                                          "value duty.")
    pay_floor: Literal["real_living_wage", "london_living_wage"] | None = Field(
        None, description="A voluntary pay floor the provider commits to for its staff working in the services: "
                          "'real_living_wage' (the UK rate the Living Wage Foundation announces each year) or "
                          "'london_living_wage' (its London rate). The compliance clause then requires it from the 1 "
                          "April after each announcement, and the price review note tests the cost model against it "
                          "(rises in it are neither indexed nor a Relevant Change in Law). Empty: no pay floor beyond "
                          "the law; a social value line may still mention one.")
    procurement_route: str | None = legal_field(None, description="How the contract was awarded, e.g. 'direct award "
                                                            "under Schedule 5 to the Procurement Act 2023'.")
    direct_award_justification: str | None = legal_field(
        None, description="For a direct award: why the award was lawful, as a phrase that completes 'because ...', naming "
                          "the Schedule 5 justification relied on, e.g. 'the children placed in the homes would otherwise "
                          "have to move (the user choice justification in Schedule 5 to the Procurement Act 2023)'. "
                          "Empty for a direct award: the draft shows a placeholder.")
    transparency_notice_date: dt.date | None = Field(
        None, description="For a direct award: the date the transparency notice was published, as YYYY-MM-DD. Empty for a "
                          "direct award: the draft shows a placeholder.")
    landlord: str | None = Field(None, description="In supported living, the landlord that grants the tenants' "
                                                   "tenancies, e.g. 'Northgate Housing Association (a registered "
                                                   "provider of social housing)'. Empty: the draft shows a placeholder.")
    provider_is_landlord: bool = Field(
        False, description="In supported living or extra care: whether the provider is also the landlord that lets the "
                           "homes to the tenants (a registered provider of social housing that gives the care at its "
                           "own scheme), e.g. true. True: the draft keeps the tenancies and the care apart instead of "
                           "saying the provider is not the landlord, keeps rent, service charges and housing management "
                           "out of the open book, has the care business account at cost for the landlord's premises it "
                           "uses (a care office, the alarm or call system), and gives the Council or a new provider use "
                           "of them on step-in and at exit; services.landlord may then be left empty. Empty: false, a "
                           "separate landlord.")
    incumbent: bool | None = Field(
        None, description="Whether the provider already provides these services to the people in the homes under an "
                          "earlier contract with the commissioner (true), or takes them over from another provider "
                          "(false: the draft adds a handover list, a mobilisation plan and the transfer of staff under "
                          "TUPE from the previous provider). Empty: the draft treats the provider as the incumbent and "
                          "a note asks to confirm it.")
    lgps_admission: bool | None = Field(
        None, description="Whether staff working in these services are active members of the Local Government Pension "
                          "Scheme through the provider's admission agreement, as is usual where the provider was formed "
                          "from the commissioner's own service (a spin-out) or took over council staff under TUPE, e.g. "
                          "true. True: the draft makes employer contributions at the rates the fund actuary certifies "
                          "Allowable Costs, requires copies of each certificate, allocates in brackets an exit payment "
                          "under regulation 64 of the LGPS Regulations 2013 that arises because the agreement ends, and "
                          "a note takes instructions on the contribution rate and any guarantee. False: the staff are "
                          "not in the scheme. Empty: the staff note asks whether any staff are in the scheme.")
    existing_contract: Text | None = Field(
        None, description="Where the provider already supports the people at the homes (incumbent: true or empty): the "
                          "reference of the earlier contract between the parties, e.g. 'DCC/ASC/2022/061'. The draft "
                          "names it and ends it for those people at the start of the Service Term. A bare reference is defined as "
                          "'the contract between the Parties reference ...'; a description starting 'the' or 'each' "
                          "(e.g. 'the individual placement agreements made under the Council's framework (reference "
                          "...)') is used as written. Empty: the draft speaks of 'an earlier contract between the "
                          "Parties'.")
    existing_contract_kind: Literal["contract", "framework"] = Field(
        "contract", description="Home care with an incumbent provider: what existing_contract is. 'contract' (the "
                                "default): one contract between the parties. 'framework': a framework agreement under "
                                "which call-off contracts were made for each person; the draft then ends each "
                                "call-off contract for care in the zones and a note asks to check the framework's own "
                                "expiry and termination terms.")
    previous_provider: Text | None = Field(
        None, description="Where the provider takes the services over from another provider (incumbent: false): the "
                          "provider that runs the homes now, e.g. 'Oakridge Residential Care Ltd'. Recital (B) names it "
                          "as the provider carrying on the homes at signing. Empty: the recital says 'another provider'.")
    core_places: int | None = Field(None, ge=0, le=1000, description="Places the commissioner block-books and pays for "
                                                                   "whether or not a child is placed in them (the "
                                                                   "'core-places' void position). Empty: every place.")
    existing_placements: int | None = Field(
        None, ge=0, le=1000, description="How many people the commissioner has placed at the homes under earlier "
                                         "contracts who move onto this agreement on the start date, e.g. 19 (the "
                                         "note on existing placements then gives the figure to check the list "
                                         "against). For a direct award on the user choice justification: how many people were "
                                         "living at the homes when the award was decided, whose choice the award "
                                         "rests on, e.g. 11. The Core Places are then the places they occupy (no "
                                         "more than core_places); when a placement ends the place stays a Core Place until the "
                                         "commissioner removes it on notice or records another lawful basis to fill it. "
                                         "Empty: the Core Places are the places the existing placements occupy, "
                                         "up to core_places.")
    core_places_follow_placements: bool | None = Field(
        None, description="A user-choice award: whether the Core Places on the start date are only the places the "
                          "existing placements then occupy (true: each place short of core_places is treated as "
                          "removed that day) or the core_places the sheet block-books, whoever then fills them "
                          "(false). Empty: where existing_placements is at least core_places, the draft follows the "
                          "sheet's core_places and shows the occupancy-based alternative in brackets, with a note on "
                          "the procurement risk (r34 ob-sample 1); otherwise as true.")
    joint_funder: JointFunder | None = Field(
        None, description="A public body that funds a share of some placements jointly with the commissioner, e.g. an "
                          "integrated care board funding half of the section 117 after-care placements: its name, "
                          "short_name, placements, share_percent, arrangement and whether the commissioner pays the "
                          "whole Price and recovers the share (pays: commissioner) or the body pays the provider "
                          "directly (pays: direct). Empty: the commissioner alone pays.")
    core_income_floor: bool | None = Field(
        None, description="Where the Core Places alone bring in less than the budgeted Allowable Costs (the "
                          "'core-places' position): true if the commissioner tops up each Reconciliation Period's "
                          "income from the weekly Prices to the lower of the budgeted Allowable Costs and Reasonable "
                          "Profit (as re-based) and the actual Allowable Costs and Reasonable Profit (r27 ob-sample "
                          "1, option (b)); false if it does not. Empty: not instructed; where the Core Places fall "
                          "short, the draft shows the make-up payment in brackets and the note gives the figures.")
    core_floor_risk_accepted: bool = Field(
        False, description="Whether the instructions record that the provider knowingly accepts the risk of a year in "
                           "which only the Core Places are paid for, with no carry-forward of losses. True: the losses "
                           "note records that as instructed and proposes no fallback, and OPEN-BOOK-CORE-FLOOR stays "
                           "quiet. Default false.")
    minimum_core_places: int | None = Field(
        None, ge=0, le=250, description="The fewest Core Places the commissioner may keep when it reduces them (the "
                                        "'core-places' position), e.g. 5: a total across all the homes, or a number "
                                        "at each home where minimum_core_basis says so. Empty: the draft shows a "
                                        "placeholder.")
    minimum_core_ending: Literal["run_off", "end_home"] | None = Field(
        None, description="A user-choice award: what happens when a placement in a Core Place ends while the Core Places "
                          "are at minimum_core_places and the commissioner cannot confirm a lawful basis to fill it. "
                          "'run_off': the empty place stops being a Core Place and the agreement for that home ends when "
                          "its last placement ends, nobody being moved; 'end_home': the commissioner may give notice "
                          "ending the agreement for that home. Empty: 'run_off', with ending the home shown in brackets "
                          "for instructions (r31 ob-fresh finding 3).")
    minimum_core_basis: Literal["total", "each_home"] | None = Field(
        None, description="Whether minimum_core_places is a total across all the homes ('total': the commissioner "
                          "may reduce the Core Places down to that number in all) or a number at each home "
                          "('each_home': a larger reduction at a home means ending the agreement for that home). "
                          "Empty: 'total', unless every home has at least that many Core Places and the sheet is a "
                          "user-choice award (r26 ob-fresh 1: 'minimum 5' with homes of 3, 3 and 1 Core Places is a "
                          "total).")
    core_rebase_cap: Percent | None = Field(
        None, description="Where Core Places lapse as existing placements end (a user-choice award), the most, in per "
                          "cent, the Prices may rise for each place that lapses, e.g. 3. Empty: the draft shows a "
                          "bracketed 3% for the parties to settle, and the note flags it.")
    core_rebase_year_cap: Percent | None = Field(
        None, description="Where Core Places lapse as existing placements end, the most, in per cent, those lapses may "
                          "together raise the Prices in any Contract Year, e.g. 8. Empty: the draft shows a bracketed "
                          "8% for the parties to settle, and the note flags it.")
    core_rebase_catch_up: bool | None = Field(
        None, description="Where Core Places lapse as existing placements end and the Prices rise within "
                          "core_rebase_cap and core_rebase_year_cap: true if the part of a factor the caps hold back is "
                          "applied at later annual review dates, within the yearly cap (a later re-basing alone "
                          "never recovers it, being capped again: r24 ob-sample 2); false if the shortfall is never "
                          "recovered (later factors are worked out on the Prices as they would have been without the "
                          "caps). Empty: not instructed; the draft applies the part held back at later review dates "
                          "(a capped profit with a loss never recovered would be rejected) and the note says so.")
    reduction_notice_months: int | None = Field(
        None, ge=1, le=24, description="Months of notice the commissioner must give to reduce the Core Places (or, in "
                                       "supported living and care at home, the Core Support or guaranteed hours), e.g. "
                                       "6. Empty: the draft shows [6] months in brackets and lists it among the "
                                       "assumptions (r31 ob-sample 2, ob-homecare 1).")
    home_end_rebase_cap: Percent | None = Field(
        None, description="Several homes: the most, in per cent, the Prices at the other homes may rise when the "
                          "agreement ends for one home other than for the provider's default or at its election (the "
                          "commissioner's break, or section 78 for a reason not the provider's), e.g. 5. Empty: the "
                          "draft shows a bracketed [5%] limit for the parties to settle, and lists it among the "
                          "assumptions (r31 ob-sample 2).")
    void_rate: Percent = Field(Decimal(0), description="Share of the price, in per cent, paid for a place the "
                                                       "commissioner has reserved but left empty (the 'void-payment' "
                                                       "position), e.g. 70. In supported living and care at home "
                                                       "(priced per hour) it is the share of the Price for the "
                                                       "Individual Support hours a nominated person will need that "
                                                       "the commissioner pays while it asks the provider to keep "
                                                       "staff ready for them before their support starts.")
    absence_paid_days: int | None = Field(
        None, ge=0, le=365, description="Supported living and care at home (hours priced per hour): for how many "
                                        "days of a person's absence (hospital, holiday) the commissioner still pays "
                                        "for the Individual Support hours in their plan that are not delivered (a "
                                        "retained-hours payment), e.g. 14. Empty or 0: only hours actually delivered "
                                        "are paid, and the plan is suspended, not ended, while the person is away.")
    absence_weeks: int | None = Field(
        None, ge=1, le=52, description="Placements (care homes and children's homes): the longest the commissioner "
                                       "keeps a place open, paying absence_rate, while the person placed is in "
                                       "hospital, in weeks from the day they were admitted, e.g. 6. The place is then "
                                       "released unless the parties agree in writing to keep it longer (one of the "
                                       "Core Places stays paid for under the core-places clause). Empty: no limit; "
                                       "the place is kept until the commissioner gives notice.")
    absence_core_kept: bool = Field(
        False, description="Placements with Core Places and absence_weeks: true where one of the Core Places is not "
                           "released at the end of absence_weeks but kept for the person until the commissioner gives "
                           "notice, so a long-stay resident in hospital keeps their home (the commissioner pays for the "
                           "Core Place anyway). false (the default): the limit applies to every place; at its end the "
                           "placement of a person in one of the Core Places ends, but the commissioner goes on paying "
                           "for that Core Place and may fill it (r33 ob-fresh 3: a step-down service's hospital hold).")
    absence_covers: list[Literal["hospital", "custody"]] | None = Field(
        None, description="The absences absence_weeks limits: 'hospital', and "
        "'custody' where the place is also kept for the limit while a young person is remanded to custody or youth "
        "detention accommodation, e.g. [hospital, custody]. For adults, a list given here is also the only "
        "absences paid for: any other absence from a place outside the Core Places is unpaid unless the "
        "commissioner agrees in writing (children's places stay paid while a child is missing or away). Empty: "
        "hospital only, and any other absence is paid until the commissioner gives notice.")
    absence_rate: Percent = Field(Decimal(100), description="Share of the price, in per cent, paid while a placed "
                                                            "child is away (in hospital, missing, in custody) and the "
                                                            "commissioner keeps the place open, e.g. 100.")
    short_breaks: ShortBreaks | None = Field(
        None, description="For overnight short breaks for disabled children bought by the night (the "
                          "'void-payment' position, a price per night): the panel, how nights are allocated and "
                          "the late-cancellation notice. The draft then books nights instead of making placements, "
                          "and services.void_rate is the share of the price paid for a booked night cancelled late. "
                          "Empty: placements where each child lives at the home.")
    scope: Literal["whole_homes", "commissioner_places"] = Field(
        "whole_homes", description="What the open book covers: the whole of each home, including places other "
                                   "councils buy ('whole_homes'), or only the places this commissioner buys, with "
                                   "shared costs apportioned ('commissioner_places').")
    other_purchasers: bool = Field(
        True, description="Where scope is 'whole_homes': whether anyone besides the commissioner buys care or support "
                          "at the homes (another council, an NHS body under its own contract, people paying for "
                          "themselves). false: the commissioner is the only purchaser (a joint funder paying through "
                          "it included), so the open book covers the Care Services only, care anyone else buys at the "
                          "homes is outside it, and the other purchasers' share of Excess Profit and of the "
                          "Reinvestment Fund is left out (r28 ob-fresh finding 11). Empty: true, the whole-homes "
                          "machinery for other purchasers is kept.")
    excluded_services: list[Text] = Field(
        default_factory=list, description="Other services the provider runs at the homes that are bought outside "
                                          "this agreement and kept out of the open book (under either scope; the "
                                          "scope clause names them as the Excluded Services), each as a phrase naming the service and how it is bought, e.g. "
                                          "'the Saturday and school-holiday day sessions at Skylark House, which the "
                                          "Council buys per session under its short breaks framework'. Their fees "
                                          "are not Service Income and their costs are not Allowable Costs (a shared "
                                          "cost is apportioned). Empty: the open book covers all the care and "
                                          "support the provider gives at the homes, whoever pays for it.")
    apportionment: Literal["places_available", "paid_weeks", "occupied_weeks"] | None = Field(
        None, description="Where scope is 'commissioner_places' (not short breaks): how each home's shared costs and "
                          "the overheads are apportioned to the commissioner's places: by places available "
                          "('places_available': its places over all the places, used or not) or by paid bed-weeks "
                          "('paid_weeks': the weeks the commissioner pays for, occupied or kept open, over all the "
                          "weeks occupied or paid for at the home, so an empty place the commissioner pays for stays "
                          "in its share) or by occupied bed-weeks ('occupied_weeks': the weeks people the "
                          "commissioner places live there, a place kept open while its resident is away counting, "
                          "over all the occupied weeks at the home; an empty Core Place then carries no share, and "
                          "the note says so). A cost line that names its own basis (rent 'apportioned by bed') keeps "
                          "it. Empty: 'occupied_weeks' where the allowable or disallowed costs say shared costs are "
                          "apportioned by occupied bed-weeks, 'paid_weeks' where they say paid bed-weeks or "
                          "bed-weeks, otherwise 'places_available'.")
    _apportionment: str = PrivateAttr("places_available")
    _scope_overridden: bool = PrivateAttr(False)
    _apportionment_words: str | None = PrivateAttr(None)
    _provider_registered: bool = PrivateAttr(False)
    _core_price: Any = PrivateAttr(None)
    personal_data: bool = Field(True, description="Whether personal data is processed under the contract (e.g. the provider's care records). "
                                                  "Sets the default data_protection role: 'controllers' if true, 'none' if false; say "
                                                  "data_protection.role: processor only if the provider acts solely on the commissioner's instructions.")

    @property
    def sole_purchaser(self) -> bool:
        """Whether the open book covers the whole of each home but the commissioner is its only purchaser
        (services.other_purchasers false): the scope clause then limits the open book to the Care Services and
        drops the other purchasers' share of Excess Profit (r28 ob-fresh finding 11)."""
        return self.scope == "whole_homes" and not self.other_purchasers and not self.home_care

    @property
    def section_117(self) -> bool:
        """Whether the services or the commissioner's duty include after-care under section 117 of the Mental Health
        Act 1983 (r22 ob-fresh 1: those tenants have an after-care plan, not a Care Act s.25 plan, so the Support
        Plan definition must include it)."""
        text = " ".join(str(x or "") for x in (self.description, self.statutory_duty))
        # r24 ob-fresh 3: 'the Mental Health Act 1983, under section 117 of that Act' names it too
        return bool(re.search(r"(section|s\.)\s*117\b.{0,20}Mental Health Act 1983", text, re.I | re.S)
                    or re.search(r"Mental Health Act 1983.{0,80}(section|s\.)\s*117 of that Act", text, re.I | re.S)
                    or (self.joint_funder is not None and "117" in self.joint_funder.placements))

    @property
    def price_floor_instructed(self) -> bool:
        """Whether the sheet itself sets price_floor_zero. The re-basing review prints the default floor in square
        brackets as a proposal where the sheet is silent (r22 ob-fresh 5: a floor nobody instructed defeats
        re-basing, which is chosen so that the Prices follow the costs)."""
        return "price_floor_zero" in self.model_fields_set

    @property
    def specification_date(self) -> dt.date | None:
        """The date in the specification's description ('... dated 14 January 2027'), if it gives one.

        Why (r16 ob-sample 7): a specification dated after the award notice, which the schedule says the
        parties have initialled, cannot exist when the agreement is signed; the rule and the schedule note
        say so rather than print it."""
        m = re.search(r"\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|"
                      r"November|December) (\d{4})\b", self.specification or "")
        if not m:
            return None
        try:
            return dt.datetime.strptime(" ".join(m.groups()), "%d %B %Y").date()
        except ValueError:
            return None

    @property
    def net_contributions(self) -> bool:
        """Whether residents pay their assessed contributions to the provider and the commissioner pays the Price
        net of them (contributions_paid_to 'provider'), in an adult care home, where the residents clause applies
        (r34 ob-fresh2 finding 1). Clauses add `not document.wales`: the residents clause is England's."""
        return self.contributions_paid_to == "provider" and self.effective_setting == "care_home" and not self.for_children

    @property
    def effective_setting(self) -> str:
        """The setting the draft is written for: the stated one, or the one care_type implies.

        Domiciliary care bought for people living in listed schemes is supported living: the people
        hold tenancies from landlords, and the care is registered at the provider's branch.
        """
        if self.setting:
            return "supported_living" if self.setting == "extra_care" else self.setting
        return {"childrens_home": "childrens_home", "supported_accommodation": "supported_accommodation",
                "adult_care_home": "care_home", "domiciliary_care": "supported_living"}.get(self.care_type, "other")

    @property
    def nursing_in_scope(self) -> bool:
        """Whether the Homes are care homes with nursing: the ICB then pays NHS-funded nursing care for eligible
        residents on top of the Prices (NHS-funded nursing care practice guidance, 2022), which the draft must
        keep out of the Council's Prices and account for in the open book. The sheet's nursing, where given, decides."""
        if self.effective_setting != "care_home":
            return False
        if self.nursing is not None:
            return self.nursing
        words = " ".join([self.name or "", self.description or "", self.specification or "",
                          *(h.name for h in self.homes)])
        words = re.sub(r"\b(?:without|no|not|non-?)\s*nursing\b", "", words, flags=re.I)  # "personal care, no nursing"
        return bool(re.search(r"\bnursing\b", words, re.I))

    @property
    def apportion_by_weeks(self) -> bool:
        """Whether shared costs are apportioned to the commissioner's places by bed-weeks, paid or occupied (see
        apportionment)."""
        return self.scope == "commissioner_places" and not self.short_breaks \
            and self._apportionment in ("paid_weeks", "occupied_weeks")

    @property
    def minimum_core_each_home(self) -> bool:
        """Whether minimum_core_places applies at each home (see minimum_core_basis); False for one home."""
        if self.minimum_core_places is None or len(self.homes) < 2:
            return False
        if self.minimum_core_basis is not None:
            return self.minimum_core_basis == "each_home"
        per = [h.core_places for h in self.homes]
        return self.user_choice_award and None not in per and min(per) >= self.minimum_core_places

    @property
    def minimum_core_total(self) -> int | None:
        """The Core Places left if the commissioner reduces them to the minimum: minimum_core_places itself where it is
        a total; where it applies at each home, every home at the minimum (a home with fewer Core Places keeps them),
        e.g. 8 for four homes at 2; None without a minimum or Core Places."""
        if self.minimum_core_places is None or self.core_places is None:
            return None
        if not self.minimum_core_each_home:
            return min(self.core_places, self.minimum_core_places)
        per = [h.core_places for h in self.homes]
        if None in per:
            return min(self.core_places, self.minimum_core_places * len(self.homes))
        return min(self.core_places, sum(min(p, self.minimum_core_places) for p in per))

    @property
    def apportion_occupied(self) -> bool:
        """Whether those bed-weeks are the occupied ones only (r18b ob-fresh 3: the sheet said "occupied bed-weeks" and
        the clause redefined the words to mean paid bed-weeks)."""
        return self.apportion_by_weeks and self._apportionment == "occupied_weeks"

    @property
    def apportionment_words(self) -> str | None:
        """The bed-weeks basis the sheet's own cost lines name ('occupied' or 'paid'), if any: where the chosen basis
        differs, the scope clause says which governs and its note says the draft departs from the cost lines."""
        return self._apportionment_words

    @property
    def supported_living(self) -> bool:
        """Whether the services are paid by the hour of care delivered to people in their own homes, not for a
        place in a home: supported living, and home care (which then reads Zones and Service Users through the
        manifest's term_names and its own branches)."""
        return self.effective_setting in ("supported_living", "home_care")

    @property
    def extra_care(self) -> bool:
        """Whether the supported living is an extra care housing scheme (setting 'extra_care', or the words 'extra care'
        in the services' name or description or a home's name): tenants in their own flats with an on-site care team,
        personal care registered with the CQC as domiciliary care; the draft speaks of the extra care scheme and its
        flats, never of supported-living homes or care homes."""
        if self.setting == "extra_care":
            return True
        if self.effective_setting != "supported_living" or self.setting == "supported_living":
            return False
        words = " ".join([self.name or "", self.description or "", *(h.name for h in self.homes)])
        return bool(re.search(r"(?i)\bextra[- ]care\b", words))

    @property
    def provider_registered(self) -> bool:
        """Whether the provider is a registered provider of social housing (legal form registered_provider, or a
        Regulator of Social Housing number given): its financial distress triggers then include the regulator's
        gradings, notices and the moratorium on its insolvency."""
        return self._provider_registered

    @property
    def core_hours_stated(self) -> Decimal | None:
        """In supported living, the core support hours a year the homes' core_support states, added up (each home
        giving "(N hours a year)"), e.g. 17520; None where any home does not state them. Schedule 1 prints them with
        the core price, and OPEN-BOOK-CORE-HOURS compares them with the hours that price expects."""
        if not self.supported_living or self.home_care:
            return None
        total = Decimal(0)
        for h in self.homes:
            m = re.search(r"\(([\d,]+(?:\.\d+)?) hours a year\)", h.core_support or "", re.I)
            if not m:
                return None
            total += Decimal(m.group(1).replace(",", ""))
        return total

    @property
    def core_price(self) -> Any:
        """In supported living, the one hourly unit price whose words name core support (e.g. 'Core care and support
        at the scheme'), or None where there is none or more than one: Schedule 1 prints it with the core hours."""
        return self._core_price

    @property
    def scheme_word(self) -> str:
        """What one of the Homes is called in supported-living wording: 'extra care scheme' or 'home'."""
        return "extra care scheme" if self.extra_care else "home"

    @property
    def home_care(self) -> bool:
        """Whether the services are home care in people's own homes across zones (setting 'home_care'): guaranteed
        weekly hours per zone, further hours paid as delivered, no tenancies or places."""
        return self.effective_setting == "home_care"

    @property
    def accommodation_settings(self) -> bool:
        """Whether the places are in supported accommodation for 16 and 17 year olds.

        Why: Ofsted registers a supported accommodation service, not each address, and the service
        gives support, not care; the draft then speaks of Settings and Supported Accommodation
        Services, never of Homes or Care Services (a reviewer read "care" against the provider).
        """
        return self.effective_setting == "supported_accommodation"

    @property
    def user_choice_award(self) -> bool:
        """Whether the contract was directly awarded on the user choice justification (Procurement Act
        2023 Sch. 5): it then covers the people already placed, and any other purchase needs its own
        lawful basis (a reviewer: the operative text let new referrals and an extension ride on it)."""
        route = (self.procurement_route or "").lower()
        return "direct award" in route and "user choice" in (self.direct_award_justification or "").lower()

    @property
    def existing_contract_described(self) -> bool:
        """Whether existing_contract is a description ('the individual placement agreements made under ...')
        rather than a bare reference: pasted after 'the contract between the Parties reference' it read
        'reference the individual placement agreements ...' (r20 review) or 'contract the call-off contracts'
        (r22 writer)."""
        words = (self.existing_contract or "").split()
        return len(words) > 1 and words[0].lower() in ("the", "a", "an", "each", "every", "all")

    @property
    def existing_contract_plural(self) -> bool:
        """A described existing contract that is several contracts, read together in the definition."""
        text = self.existing_contract or ""
        return self.existing_contract_described and any(
            word in text for word in ("agreements", "contracts", "call-offs", "placements"))

    @property
    def recital_description(self) -> str:
        """The description as recital (B) prints it after naming the homes: a care home's or children's home's
        description that says again where the care is given ('in three small care homes') refers back to them ('in
        those homes'), so the sheet's count and wording are not pasted beside the names (r27 ob-fresh finding 13)."""
        return self._homes_again("that home" if len(self.homes) == 1 else "those homes")

    @property
    def schedule_description(self) -> str:
        """The description as Schedule 1 prints it, where the homes are listed below: 'in the Homes' (the defined
        term's words) instead of the sheet's 'in three small care homes' (r27 ob-fresh finding 13)."""
        return self._homes_again("the Home" if len(self.homes) == 1 else "the Homes")

    def _homes_again(self, back: str) -> str:
        text = self.description
        if self.effective_setting not in ("care_home", "childrens_home"):
            return text
        return _HOMES_AGAIN.sub(lambda m: f"{m.group(1)} {back}", text, count=1)

    @property
    def day_before_start(self) -> dt.date:
        """The last day before the Service Term starts (the day an earlier contract between the parties ends)."""
        return self.term.start - dt.timedelta(days=1)

    @property
    def reserved_mutual(self) -> bool:
        """Whether the contract was reserved to public service mutuals under Procurement Act 2023 s.33, read from
        the procurement route (r17 ob-fresh 2): its maximum term, from signing, must be five years or less."""
        route = (self.procurement_route or "").lower()
        return "public service mutual" in route or bool(re.search(r"\bsection 33\b|\bs\.\s?33\b", route))

    @property
    def lgps_rate_dates(self) -> list[dt.date]:
        """The days within the Service Term (after its first day) from which a new Local Government Pension Scheme
        rates and adjustments certificate applies: the fund is valued as at 31 March 2016 and every third year after,
        and each certificate sets the employer's rates for three years from the next 1 April (LGPS Regulations 2013
        reg. 62(1)(a) and (4))."""
        out = []
        for year in range(self.term.start.year, self.term.end.year + 1):
            day = dt.date(year, 4, 1)
            if (year - 1 - 2016) % 3 == 0 and self.term.start < day <= self.term.end:
                out.append(day)
        return out

    @property
    def index_parts(self) -> list[dict] | None:
        """The indexation words read as the measures they name, the share of the Price each applies to and any
        cap ('the National Living Wage ... (for 70% of the price) and CPIH for the 12 months to the previous
        December (for 30% of the price), capped at 6% overall'), so the review clause states a formula rather
        than pasting the words (r19 ob-fresh finding 6; the alliance family's reading of its Indexation
        Increase, with 'for N% of' as a share). Each part: {"index", "percent", "month"}. None where the words
        cannot be read that way (one measure, an unknown or third measure, a 'higher of' choice, or shares that
        are missing or do not add up to 100): the clause then keeps the words and the note asks for a formula."""
        words = self.indexation or ""
        if not words or re.search(r"\b(if higher|if lower|greater of|higher of|lower of|whichever|plus|minus|less)\b",
                                  words, re.I):
            return None
        found = sorted((m.start(), m.end(), key) for key, pattern in INDEX_NAMES
                       for m in [re.search(pattern, words, re.I)] if m)
        if len(found) != 2:
            return None
        parts = []
        for i, (pos, end, key) in enumerate(found):
            seg = words[pos:found[i + 1][0] if i + 1 < len(found) else len(words)]
            before = words[found[i - 1][1] if i else 0:pos]
            # 'for 70% of the price', or 'weighted 70%' / 'weighting of 70%' / 'with a 70% weight' (r20 ob-fresh 17)
            share = re.search(r"(?:for|applied to|on|to)\s+(\d+(?:\.\d+)?)%\s+of\b", seg, re.I) or re.search(
                r"\bweight(?:ed|ing)?\s+(?:at\s+|of\s+|by\s+)?(\d+(?:\.\d+)?)%|\b(\d+(?:\.\d+)?)%\s+weight(?:ing)?\b",
                seg, re.I) or re.search(
                r"(\d+(?:\.\d+)?)%\s+(?:of\s+|to\s+)?(?:the\s+)?(?:percentage\s+(?:increase|rise|change)\s+in\s+)?(?:the\s+)?$",
                before, re.I)
            parts.append({"index": key, "percent": Decimal(next(g for g in share.groups() if g)) if share else None,
                          "month": month_to(seg) if key != "nlw" else None})
        given = [p for p in parts if p["percent"] is not None]
        if not given or not all(0 < p["percent"] < 100 for p in given):
            return None
        if len(given) == 1:
            next(p for p in parts if p["percent"] is None)["percent"] = Decimal(100) - given[0]["percent"]
        if sum(p["percent"] for p in parts) != 100:
            return None
        return parts

    @property
    def index_single(self) -> dict | None:
        """Where the indexation words name one ONS price index alone (CPI, CPIH or RPI, no national living wage and
        no choice between measures): {"index", "series", "text"}, the review clause's definition of the index by its
        ONS title and series identifier, the month the sheet names, the figure first published and any cap (r26
        ob-fresh 8: the clause pasted 'the Consumer Prices Index (CPI) for the 12 months to the previous December,
        capped at 5%' while its note said to name the index by its ONS title)."""
        words = self.indexation or ""
        if not words or self.index_parts is not None or re.search(
                r"\b(if higher|if lower|greater of|higher of|lower of|whichever|plus|minus|less|average)\b", words, re.I):
            return None
        found = [key for key, pattern in INDEX_NAMES if re.search(pattern, words, re.I)]
        if len(found) != 1 or found[0] == "nlw":
            return None
        key = found[0]
        title, series = {"cpi": ("the Consumer Prices Index (CPI all items, 12-month rate", "D7G7"),
                         "cpih": ("the Consumer Prices Index including owner occupiers' housing costs (CPIH all "
                                  "items, 12-month rate", "L55O"),
                         "rpi": ("the Retail Prices Index (RPI all items, 12-month rate", "CZBH")}[key]
        month = month_to(words)
        when = f"the 12 months to the {month} before that review date" if month else \
            "the 12 months to the latest month for which it has been published on that review date"
        text = (f"the percentage change over {when} in {title}, ONS series {series}), as first published by the "
                "Office for National Statistics and disregarding later revisions")
        if self.index_cap is not None:
            text += f", but not more than {self.index_cap.normalize():f}%"
        return {"index": key, "series": series, "text": text}

    @property
    def index_cap(self) -> Decimal | None:
        """The cap on the index the indexation words give ('capped at 6%'), if any."""
        m = re.search(r"\b(?:capped at|cap of|no more than|at most|not (?:to )?exceed(?:ing)?)\s+(\d+(?:\.\d+)?)%",
                      self.indexation or "", re.I)
        return Decimal(m.group(1)) if m else None

    @property
    def index_cap_part(self) -> str | None:
        """The measure the cap belongs to, where the words put it inside one measure's part and do not say it caps
        the whole ('CPIH ..., capped at 5%, for 30% of each Price, and the national living wage ... for the other
        70%' caps CPIH only); None where it caps the result ('capped at 6% overall', or a cap after the last measure).

        Why (r24 ob-fresh 4): the clause capped the combined result, which differs from the natural reading whenever
        the national living wage rises by more than the cap."""
        words, parts = self.indexation or "", self.index_parts
        m = re.search(r"\b(?:capped at|cap of|no more than|at most|not (?:to )?exceed(?:ing)?)\s+\d", words, re.I)
        if not m or parts is None or re.search(r"\b(overall|total|combined|as a whole|on the result|weighted (?:index|average))\b", words, re.I):
            return None
        found = sorted((mm.start(), key) for key, pattern in INDEX_NAMES
                       for mm in [re.search(pattern, words, re.I)] if mm)
        if len(found) == 2 and found[0][0] < m.start() < found[1][0]:
            return found[0][1]
        return None

    @property
    def index_cap_last(self) -> bool:
        """A cap after the last measure with no word saying it caps the whole: the draft caps the result, and the
        note says the words could cap the last measure only."""
        words, parts = self.indexation or "", self.index_parts
        if self.index_cap is None or parts is None or self.index_cap_part is not None or re.search(
                r"\b(overall|total|combined|as a whole|on the result|weighted (?:index|average))\b", words, re.I):
            return False
        return True

    @property
    def index_formula(self) -> str | None:
        """The review clause's definition of the index for a review date, as a formula built from index_parts."""
        parts = self.index_parts
        if parts is None:
            return None
        letters = []
        def measure(p):
            return measure_words(p, in_force_on="that review date", before="that review date",
                                 published="on that review date")
        for p in parts:
            letters.append({"nlw": "N", "cpi": "C", "cpih": "C", "rpi": "R"}[p["index"]])
        fmt = lambda d: f"{(d / 100).normalize():f}"
        a, b = parts
        capped = self.index_cap_part
        cap = f"the lower of {self.index_cap.normalize():f}% and " if capped is not None else ""
        text = (f"({fmt(a['percent'])} × {letters[0]}) + ({fmt(b['percent'])} × {letters[1]}), where {letters[0]} is "
                f"{cap if capped == a['index'] else ''}{measure(a)} and {letters[1]} is "
                f"{cap if capped == b['index'] else ''}{measure(b)}, using in each case the figures first published and "
                "disregarding later revisions")
        if self.index_cap is not None and capped is None:
            text += f"; if the result is more than {self.index_cap.normalize():f}%, the rate is {self.index_cap.normalize():f}%"
        return text

    @property
    def occupancy_kpi(self) -> dict | None:
        """A KPI that measures occupancy (bed-nights or places used as a share of those available) and whose
        baseline is a percentage: {'measure', 'baseline'}. The losses note sets it against break-even
        occupancy (r19 ob-fresh finding 3: break-even at 74.7% against a 74% baseline went unremarked)."""
        for k in self.kpis:
            if not OCCUPANCY_MEASURE.search(k.measure or ""):
                continue
            m = re.match(r"\s*(\d{1,3}(?:\.\d+)?)\s*%", str(k.baseline or ""))
            if m:
                return {"measure": k.measure, "baseline": Decimal(m.group(1))}
        return None

    @property
    def rent_review_homes(self) -> list[Home]:
        """The homes whose rent_review_date falls within the Service Term with every extension (r25 ob-fresh 6: the
        2028 review of a related-party lease fell inside the term and the draft did not deal with it)."""
        end = self.term.end
        end = dt.date(end.year + (self.extension_years or 0), end.month, min(end.day, 28)) if end.month == 2 else \
            end.replace(year=end.year + (self.extension_years or 0))
        return [h for h in self.homes if h.rent_review_date and self.term.start <= h.rent_review_date <= end]

    @property
    def leased_homes(self) -> list[Home]:
        """The homes whose lease end is known (the premises paragraph of the term clause)."""
        return [h for h in self.homes if h.lease_ends is not None]

    @property
    def premises_direct(self) -> list[Home]:
        """The homes held from a related party or on a lease with a known end: the provider must procure a
        landlord's direct agreement for them (the premises direct agreement in the termination clause)."""
        return [h for h in self.homes if h.owner != "commissioner" and (h.related_landlord or h.lease_ends is not None)]

    @property
    def commissioner_leased(self) -> list[Home]:
        """The homes the commissioner owns and leases to the provider (r27 ob-fresh finding 1): no landlord's
        direct agreement (the commissioner would contract with itself); the lease is surrendered when the agreement
        ends for the home, and no rent is paid as compensation on a break."""
        return [h for h in self.homes if h.owner == "commissioner"]

    @property
    def tenure_unknown(self) -> list[Home]:
        """The homes whose tenure the sheet does not give (neither a lease end nor a related-party landlord), once
        some home's tenure is known or any related party supplies premises: the note asks who owns them."""
        return [h for h in self.homes if not h.related_landlord and h.lease_ends is None and h.owner is None]

    @property
    def short_leases(self) -> list[Home]:
        """The homes whose lease ends before the Service Term could end with every extension."""
        return [h for h in self.leased_homes if h.lease_ends < self.reserved_last_day]

    @property
    def reserved_last_day(self) -> dt.date:
        """The last day of the Service Term with the full extension."""
        end = self.term.end
        years = self.extension_years or 0
        try:
            return end.replace(year=end.year + years)
        except ValueError:      # 29 February
            return end.replace(year=end.year + years, day=28)

    def reserved_limit(self, signed: dt.date) -> dt.date:
        """The day before the fifth anniversary of `signed`: the last day a five-year contract may run."""
        try:
            fifth = signed.replace(year=signed.year + 5)
        except ValueError:
            fifth = signed.replace(year=signed.year + 5, month=3, day=1)
        return fifth - dt.timedelta(days=1)

    @property
    def reserved_runoff_end(self) -> dt.date:
        """The last day of the bracketed [6]-month exit run-off after the Service Term with the full extension
        (r27 ob-fresh finding 2: the note says whether the run-off fits in the five years from signing)."""
        last = self.reserved_last_day + dt.timedelta(days=1)
        month = last.month + 6
        year, month = last.year + (month - 1) // 12, (month - 1) % 12 + 1
        return dt.date(year, month, min(last.day, calendar.monthrange(year, month)[1])) - dt.timedelta(days=1)

    @property
    def reserved_earliest_signing(self) -> dt.date:
        """The earliest signing date that keeps the whole Service Term, with the full extension, within five years."""
        last = self.reserved_last_day + dt.timedelta(days=1)
        try:
            return last.replace(year=last.year - 5)
        except ValueError:
            return last.replace(year=last.year - 5, month=3, day=1)

    @property
    def provider_notice_from(self) -> dt.date:
        """The first day the provider may give notice ending the agreement without cause: halfway through
        the initial term (whole months, the day of the month kept where it exists).

        Why (r14 ob-sample 4, ob-fresh 8): a provider's 6-month break let it walk away from a home and
        re-base its shared costs onto the commissioner, undercutting the reason for the contract (the
        people placed need not move); the provider's break is 12 months' notice, given no earlier than this."""
        if self.provider_break_from:
            return self.provider_break_from
        start, half = self.term.start, self.term.months // 2
        year, month = start.year + (start.month - 1 + half) // 12, (start.month - 1 + half) % 12 + 1
        for day in (start.day, 30, 29, 28):
            try:
                return dt.date(year, month, day)
            except ValueError:
                continue
        raise AssertionError("unreachable")

    @property
    def breaks_agreed(self) -> bool:
        """Whether the sheet states both parties' break notices (r29 ob-fresh findings 1 and 2)."""
        return bool(self.commissioner_notice_months and self.provider_notice_months)

    @property
    def break_basis_given(self) -> bool:
        """Whether the sheet says if the provider's earliest break date is for giving notice or for it taking effect."""
        return "provider_break_from_is" in self.model_fields_set

    @property
    def tied_core_places(self) -> bool:
        """Whether the Core Places follow the existing placements: a user-choice award in a home or setting.

        Why (r14 reviews, finding 1): user choice justifies keeping the people already placed, not a
        block of places paid for years whoever fills them, so each Core Place lasts while its existing
        placement does, and is removed only on the notice of any reduction, unless the commissioner records
        another lawful basis to fill it."""
        return self.user_choice_award and not self.supported_living and not self.core_places_fixed

    @property
    def rebase_on_reduction_open(self) -> bool:
        """Whether re-basing the Prices when the Core Places are reduced is the draft's bracketed option, not an
        instruction (r34 ob-sample 2): no cap on it is given, so the trigger and everything that depends on it (the
        units removed for a Core Place, the per-place and yearly caps, the worked example) are bracketed together."""
        return self.core_rebase_cap is None and self.core_rebase_year_cap is None

    @property
    def core_places_fixed(self) -> bool:
        """A user-choice award whose Core Places are the sheet's core_places from the start date (r34 ob-sample 1):
        instructed (core_places_follow_placements false), or not instructed and the sheet places at least as many
        people as it block-books, so tying the places to who is still there would cut the block the sheet gives."""
        if not self.user_choice_award or self.supported_living or self.core_places is None:
            return False
        if self.core_places_follow_placements is not None:
            return not self.core_places_follow_placements
        return self.existing_placements is not None and self.existing_placements >= self.core_places

    @property
    def home_word(self) -> str:
        """'setting' in supported accommodation, the zone word ('zone') in home care, 'home' otherwise: the plain
        word for one place of service."""
        if self.home_care:
            return self.home_care_terms.zone_word.lower()
        return "setting" if self.accommodation_settings else "home"

    @property
    def home_words(self) -> str:
        """The plural of home_word, spelt as English does ('localities', 'zones', 'homes'), for clause text that
        speaks of several places of service (r35 ob-fresh: not 'localitys')."""
        w = self.home_word
        if len(w) > 1 and w.endswith("y") and w[-2] not in "aeiou":
            return w[:-1] + "ies"
        if w.endswith(("s", "x", "z", "ch", "sh")):
            return w + "es"
        return w + "s"

    @property
    def award_reason(self) -> str | None:
        """The direct-award justification as Recital (D) prints it after the route: a closing bracket that
        names Schedule 5 again is dropped when the route already cites it (r13: the recital pasted the
        term sheet's procurement wording twice), and 'the homes'/'the settings' take the defined term."""
        text = (self.direct_award_justification or "").strip()
        if not text:
            return None
        if "schedule 5" in (self.procurement_route or "").lower():
            text = re.sub(r"\s*\([^()]*Schedule 5[^()]*\)\s*$", "", text)
        word = "Settings" if self.accommodation_settings else "Homes"
        return re.sub(rf"\bthe {word.lower()}\b", f"the {word}", text)

    @property
    def person(self) -> str:
        """The plain word for one person the services are for: 'young person' in supported accommodation,
        'child' in a children's home, 'person' otherwise (r13 reviews: adult-care words in children's drafts)."""
        return "young person" if self.accommodation_settings else ("child" if self.for_children else "person")

    @staticmethod
    def kpi_counts_homes(k: Kpi) -> bool:
        """Whether a KPI counts the homes (or settings, or zones) themselves, e.g. 'Homes rated good or outstanding by
        Ofsted': its cases are the homes, not people or events, so the small-numbers rule must not excuse it."""
        return bool(re.match(r"\s*(homes?|settings?|schemes?|zones?|areas?)\b", k.measure, re.I)
                    or re.search(r"\b(ofsted|cqc|inspections?|inspected|rated|ratings?)\b", k.measure, re.I))

    @staticmethod
    def kpi_is_rate(k: Kpi) -> bool:
        """Whether a KPI's target is a percentage or a proportion ('90%', '4 of 4', 'all'), not a count."""
        t = k.target.lower()
        return "%" in t or bool(re.search(r"\b\d+\s+(out\s+)?of\s+(the\s+)?\d+\b|\ball\b|\bevery\b", t))

    @property
    def small_numbers_kpis(self) -> list[Kpi]:
        """The KPIs the small-numbers rule of the performance clause covers: a percentage or proportion of the people or
        events counted, not a count (where few cases is itself the failure) and not one that counts the homes (r27
        ob-sample 12: '4 of 4 homes' had fewer than 5 cases, so it could never be failed)."""
        return [k for k in self.kpis if self.kpi_is_rate(k) and not self.kpi_counts_homes(k)]

    @property
    def homes_rate_kpis(self) -> list[Kpi]:
        """The percentage or proportion KPIs that count the homes themselves: the small-numbers rule says it does not
        apply to them."""
        return [k for k in self.kpis if self.kpi_is_rate(k) and self.kpi_counts_homes(k)]

    @property
    def kpi_places(self) -> int | None:
        """The places the commissioner buys, for judging how many people or placement endings a KPI can count:
        the Core Places where given, else every place at the homes; None in home care and short breaks (the people
        served are not bounded by places)."""
        if self.home_care or self.short_breaks or not self.homes:
            return None
        return self.core_places if self.core_places is not None else sum(h.places for h in self.homes)

    @property
    def few_endings_kpis(self) -> list[dict]:
        """Percentage KPIs that count placement endings or moves (not people), in long-stay settings (children's homes,
        care homes, supported living), where the places are so few that even
        if every place turned over once a year a quarter would average fewer than 5 endings (r27 ob-sample 12:
        'Placements ending in a planned way, 90% each year' with 11 places). Each: the KPI, the places, the most
        endings a quarter would average at one turnover a year, and the points one ending moves a year's result by
        at that turnover. The schedule proposes measuring them over rolling 24 months."""
        places = self.kpi_places
        if not places or places >= 20 or self.effective_setting not in ("childrens_home", "care_home", "supported_living"):
            return []  # supported accommodation: stays are often shorter than a year, so the bound does not hold
        ending = re.compile(r"\b(end|ends|ending|endings|ended|moves?|moved|moving|move-on|leaving|leaves|left|discharges?|"
                            r"discharged|transitions?)\b", re.I)
        yearly = re.compile(r"\b(each|every|a|per|in each|in any) (contract |financial )?year\b|\bannual", re.I)
        def counted_over_a_year(k) -> bool:
            # r33 ob-fresh 12: a KPI the sheet measures over rolling 12 months or longer counts a year's endings or
            # more, at least `places` at one turnover a year, so with 5 places or more the [5]-case floor is met
            m = re.search(r"(\d+)\s*months?", k.measured_over or "", re.I)
            months = int(m.group(1)) if m else (12 if re.search(r"\byears?\b", k.measured_over or "", re.I) else 0)
            return months >= 12 and places * months / 12 >= 5
        return [{"kpi": k, "places": places, "core": self.core_places is not None,
                 "quarter": Decimal(places) / 4, "points": Decimal(100) / places,
                 # the column proposes 24 months only where neither the sheet nor the target sets the period
                 "column": not k.measured_over and not yearly.search(k.target)}
                for k in self.small_numbers_kpis if ending.search(k.measure) and not counted_over_a_year(k)]

    @property
    def workers(self) -> str:
        """The plain words for the front-line staff whose pay the cost model budgets: 'residential care workers' in a
        children's home, 'support workers' in supported accommodation and supported living, 'care workers' in a care
        home and in home care (r28 obN 1: a children's draft asked for the pay of "care workers")."""
        if self.effective_setting == "childrens_home":
            return "residential care workers"
        if self.effective_setting in ("supported_accommodation", "supported_living"):
            return "support workers"
        if self.effective_setting in ("care_home", "home_care"):
            return "care workers"
        return "front-line staff"

    @property
    def people(self) -> str:
        """The plural of `person`: 'young people', 'children' or 'people'."""
        return "young people" if self.accommodation_settings else ("children" if self.for_children else "people")

    @property
    def for_children(self) -> bool:
        """Whether the services are for children (a children's home or supported accommodation)."""
        return self.effective_setting in ("childrens_home", "supported_accommodation")


class OpenBookTermSheet(TermSheetBase):
    """Term sheet for a standalone open-book, reasonable-profit services agreement."""

    family: Literal["open-book"] = Field(description="Always 'open-book' for this family.")
    commissioner: Party = Field(description="The public body buying the services.")
    provider: Party = Field(description="The organisation providing the services and opening its books.")
    services: Services = Field(description="The services, homes, term and placement arrangements.")
    open_book: OpenBook = Field(description="The open-book, reasonable-profit terms.")  # type: ignore[assignment]

    def in_terms(self, text: str | None) -> str | None:
        """A phrase pasted from the term sheet into a table or definition of the draft, with the sheet's shorthand
        read as the draft's words (r28 ob-fresh finding 19): 'DPA 2018' as the Data Protection Act 2018, the joint
        funder's short name as its full name where no clause of the draft defines it, and, in a supported-living draft, 'tenant',
        'support plan' and 'scheme' as the defined Tenant, Support Plan and Home. An empty phrase stays empty, so a
        placeholder still shows."""
        if not text:
            return text
        text = re.sub(r"\bDPA 2018\b", "Data Protection Act 2018", text)
        jf = self.services.joint_funder
        defined = not self.document.wales and (self.services.supported_living
                                               or self.services.effective_setting == "care_home")
        if jf and jf.short_name and jf.short_name != jf.name and not defined:
            text = re.sub(rf"\b[Tt]he {re.escape(jf.short_name)}\b", jf.name, text)
        if self.services.supported_living and not self.document.wales:
            text = re.sub(r"\btenant(s'|'s|s)?(?![\w-])", lambda m: "Tenant" + (m.group(1) or ""), text)
            text = re.sub(r"\bsupport plan(s?)\b", r"Support Plan\1", text)
            text = re.sub(r"\b(the|a|each|every|one|any|that|at|of) scheme(s?)\b", r"\1 Home\2", text)
        return text
    @property
    def core_floor(self) -> CoreFloor | None:
        """What the Core Places alone bring in a year against the budgeted Allowable Costs.

        Why: a draft whose losses are not carried forward, and whose commissioner may cut the Core
        Places, must say whether the guaranteed income covers the budgeted cost; the notes and
        OPEN-BOOK-CORE-FLOOR print these figures rather than a general view. None without a weekly
        price that has a capacity.
        """
        ob = self.open_book
        lines = [u for u in ob.unit_prices if u.unit == "week" and u.capacity_units]
        # r21 ob-fresh 1-2: bed-nights are paid for every night too, so a sheet priced by the night has a floor
        # (the Core Places paid every night), counted in nights.
        unit = "week"
        if not lines:
            lines = [u for u in ob.unit_prices if u.unit == "night" and u.capacity_units]
            unit = "night"
        if not lines:
            return None
        per = PLACE_UNITS_A_YEAR[unit]
        # Places priced at two weekly rates (general and dementia nursing, say): the sheet does not say which
        # places are Core Places, so the floor counts each at the lower rate, and the capacity is every weekly
        # line's together (a writer's sheet once showed 24 Core Places as "150% of the places").
        weekly = min(lines, key=lambda u: u.price)
        all_places = sum(h.places for h in self.services.homes)
        places = self.services.core_places if self.services.core_places is not None else all_places
        if self.services.user_choice_award and self.services.existing_placements is not None \
                and (self.positions or {}).get("open_book_voids", "core-places") == "core-places" \
                and not self.services.supported_living:
            # A user-choice award pays only for the places the existing placements occupy (r14 finding 1).
            places = min(places, self.services.existing_placements)
        weeks = places * per
        income = pence(weekly.price * weeks)
        allowable = ob.reconcile("full-cost", "hard-cap", "refund").allowable_costs
        top, split = None, ()
        typed = len({u.price for u in lines}) > 1
        given = [u.core_places for u in lines]
        if typed and None not in given and sum(given) == places:
            # The sheet gives the split (unit_prices[].core_places): each Core Place is paid at its own Price.
            split = tuple((u.service, u.price, u.core_places) for u in lines)
            income = sum((pence(u.price * u.core_places * per) for u in lines), Decimal(0))
        elif typed:
            top, left = Decimal(0), places
            for u in sorted(lines, key=lambda u: u.price, reverse=True):
                take = min(left, u.capacity_units // per)
                top, left = top + pence(u.price * take * per), left - take
            top += pence(weekly.price * left * per)
        return CoreFloor(places=places, weeks=weeks, weekly_price=weekly.price, income=income,
                         allowable_costs=allowable, _capacity_weeks=max(1, sum(u.capacity_units for u in lines)),
                         suspendable=not self.services.supported_living, top_income=top, split=split, typed=typed, unit=unit,
                         capacity_income=sum((pence(u.price * u.capacity_units) for u in lines), Decimal(0)),
                         all_places=all_places)

    @model_validator(mode="after")
    def _attach_core_floor(self) -> "OpenBookTermSheet":
        """Give the open-book block the Core Places floor, which needs the services as well."""
        self.open_book._core_floor = floor = self.core_floor
        # r32 ob-fresh 4: where the open book holds only the commissioner's places and the sheet gives every home's
        # places, a charge to the provider as a whole is compared with the cost model at the commissioner's share.
        homes = self.services.homes
        if self.services.scope == "commissioner_places" and homes and all(h.total_places for h in homes):
            self.open_book._share_places = (sum(h.places for h in homes), sum(h.total_places for h in homes))
        # Supported living leaves out the voids clause and the suspension paragraphs, so nothing suspends there.
        core = (self.positions or {}).get("open_book_voids", "core-places") == "core-places"
        suspensions = []
        if not self.services.supported_living:
            suspensions = ["pricing"] + (["other-use"] if core else [])
            jf = self.services.joint_funder
            # r31 ob tool note 2: full NHS Continuing Healthcare paid through the commissioner's pooled budget
            # suspends nothing, so the Core Place payment is not subject to the NHS funding paragraph.
            through = jf is not None and jf.full_chc == "through_commissioner" and jf.pays == "commissioner"
            if self.services.effective_setting == "care_home" and not self.document.wales and not through:
                suspensions.append("nhs-funding")
            suspensions.append("termination")
        self.open_book._core_suspensions = tuple(suspensions)
        self.open_book._residential = not (self.services.supported_living or self.services.home_care)
        if floor is not None and floor.unit != "week" \
                and (self.positions or {}).get("open_book_voids", "core-places") == "core-places":
            per = PLACE_UNITS_A_YEAR[floor.unit]
            lines = [u for u in self.open_book.unit_prices if u.unit == floor.unit and u.capacity_units]
            if floor.split:
                for u in lines:
                    u._paid_units = (u.core_places or 0) * per
            elif len(lines) == 1:
                lines[0]._paid_units = floor.places * per
        if self.services.home_care:
            # Home care: a branch also serves people who pay for themselves, so the open book covers only the care
            # bought under the agreement (the scope clause's home care paragraphs), never the whole zone; a sheet
            # that says 'whole_homes' is told so by OPEN-BOOK-HOMECARE-GUARANTEE.
            self.services._scope_overridden = self.services.scope == "whole_homes" and \
                "scope" in self.services.model_fields_set
            self.services.__dict__["scope"] = "commissioner_places"
        self.open_book._whole_homes = self.services.scope == "whole_homes" and self.services.other_purchasers
        self.open_book._sole_purchaser = self.services.sole_purchaser
        self.open_book._home_care = self.services.home_care
        # Home care: each zone's hourly Price is the hourly unit price whose service names the zone (or the only
        # hourly price), so the guarantee can be costed (OB-HOMECARE-GUARANTEE) and printed with its Price.
        hourly = [u for u in self.open_book.unit_prices if u.unit == "hour"]
        for home in self.services.homes:
            named = [u for u in hourly if home.name.casefold() in u.service.casefold()]
            home._hourly = named[0] if len(named) == 1 else (hourly[0] if len(hourly) == 1 else None)
        homes = self.services.homes
        if self.services.home_care and all(h.guarantee_value is not None for h in homes):
            capacity = sum((u.capacity_units or 0) for u in hourly)
            if capacity and all(u.capacity_units for u in hourly):
                share = (sum(h.guaranteed_hours_year for h in homes) * 100 / capacity).quantize(Decimal("0.1"))
                self.open_book._guarantee = (sum(h.guarantee_value for h in homes), share)
        self.open_book._excluded_services = list(self.services.excluded_services)
        self.open_book._reports_kpis = bool(self.services.kpis)
        term = self.services.term
        self.open_book._leap_years = tuple(
            y for y in range(term.start.year, term.end.year + 1)
            if calendar.isleap(y) and term.start <= dt.date(y, 2, 29) <= term.end)
        self.open_book._profit_law_expert = self.services.care_type == "childrens_home"
        self.open_book._term_periods = max(1, round((self.services.term.end - self.open_book.first_period_start).days
                                                    / 365.25))
        # r18 ob-fresh 2: one apportionment method, the sheet's: its cost lines saying "by occupied bed-weeks" choose
        # paid bed-weeks (the weeks the commissioner pays for, so an empty Core Place it pays for stays its cost).
        said = " ".join(str(c) for c in [*self.open_book.allowable_costs, *self.open_book.disallowed_costs])
        # r18b ob-fresh 3: the words the sheet uses decide: "occupied bed-weeks" is drafted as occupied bed-weeks.
        named = re.search(r"\b(occupied|paid)\s+(bed[- ])?weeks?\b|\bbed[- ]weeks\b", said, re.IGNORECASE)
        words = (named.group(1) or "paid").lower() if named else None
        self.services._apportionment_words = words
        self.services._provider_registered = self.provider.legal_form == LegalForm.registered_provider \
            or bool(self.provider.rsh_number)
        core = [u for u in self.open_book.unit_prices or []
                if u.unit == "hour" and re.search(r"\bcore\b", u.service, re.I)]
        self.services._core_price = core[0] if len(core) == 1 else None
        self.services._apportionment = self.services.apportionment or (
            {"occupied": "occupied_weeks", "paid": "paid_weeks"}[words] if words else "places_available")
        self.open_book._weeks_basis = {"paid_weeks": "paid", "occupied_weeks": "occupied"}.get(
            self.services._apportionment) if self.services.apportion_by_weeks else None
        self.open_book._weeks_homes = len(self.services.homes)
        self.open_book._weeks_home_word = self.services.home_word
        for home in self.services.homes:
            found = [r.places for r in self.open_book.registrations
                     if home.name.casefold() in r.setting.casefold() and r.places]
            home._registered_places = found[0] if len(found) == 1 else None
        self._attach_leases()
        self._attach_closure()
        self._attach_home_weeks()
        # r28 ob-fresh finding 19: a price's service pasted from the sheet ('the tenant's support plan', 'at a scheme')
        # reads as the draft's defined terms wherever the draft prints or quotes it.
        if self.services.supported_living and not self.document.wales:
            for u in self.open_book.unit_prices:
                u.__dict__["service"] = self.in_terms(u.service)
        self.open_book._core_rebase = self.core_rebase
        self.open_book._home_types = self._home_types_of()
        return self

    @property
    def core_rebase(self) -> dict | None:
        """The interim re-basing when Core Places cease, on the budget figures: the weeks a year the cost model
        expects a place that is not a Core Place to be bought (the fallback the pricing clause removes
        against, so that losing a Core Place does not take out all 52 weeks), and the factor after losing
        one and two Core Places with no savings shown.

        Why (r16 ob-sample 1): the fallback removed 52 weeks for each Core Place lost, raising every Price
        by 9% a place with no cap; the budget itself says how much a non-core place is expected to be used.
        None without the core-places position, Core Places, and one re-based weekly Price with expected units."""
        sv, ob = self.services, self.open_book
        if (self.positions or {}).get("open_book_voids", "core-places") != "core-places" or sv.supported_living:
            return None
        weekly = [u for u in ob.unit_prices if u.unit == "week" and u.rebased and u.expected_units is not None]
        if len(weekly) != 1:
            return None
        wk = weekly[0]
        places = sum(h.places for h in sv.homes)
        core = self.core_floor.places if self.core_floor else sv.core_places
        if core is None or places <= 0:
            return None
        spare = places - core
        rest = Decimal(wk.expected_units) - core * 52
        noncore = (rest / spare).quantize(PENNY, rounding=ROUND_HALF_UP) if spare > 0 and rest > 0 else Decimal(0)
        noncore = min(noncore, Decimal(52))
        removed = Decimal(52) - noncore
        bud = ob.reconcile("full-cost", "hard-cap", "refund")
        fixed = sum((u.expected_income for u in ob.unit_prices if not u.rebased), Decimal(0))
        target = bud.allowable_costs + bud.maximum_profit - fixed
        # r23 ob-fresh 1: where the open book covers only the commissioner's places, the scope clause moves a released
        # place's share of the shared costs to the other places, so the re-basing first takes that share out of the
        # budget (the budget less the direct cost of the Prices not re-based, in the proportion the units removed
        # are of the expected weekly units); otherwise the commissioner pays for the bed again through the factor.
        moved = sv.scope == "commissioner_places" and not sv.short_breaks
        # r24 ob-fresh 6: the cost model's own line for a Price not re-based, where it has one, so that the formula and
        # Part 1 of the schedule use one figure (a note flags a line that differs from units x variable cost).
        own_line = {v["service"]: v["amount"] for v in ob.variable_lines}
        var_cost = sum((own_line.get(u.service, pence(u.variable_cost * u.expected_units)) for u in ob.unit_prices
                        if not u.rebased and u.variable_cost is not None and u.expected_units is not None), Decimal(0))
        shared = bud.allowable_costs - var_cost
        rate = bud.maximum_profit / bud.allowable_costs if bud.allowable_costs else Decimal(0)

        # r24 ob-fresh 2: where the scope clause apportions shared costs by places available, the share a released
        # place moves is its place-weeks of the commissioner's places (52 x places, e.g. 728), not of the expected
        # weeks (686), which would take out more than the scope clause moves.
        divisor = Decimal(wk.expected_units) if sv.apportion_by_weeks else Decimal(52 * places)

        # r31 ob-fresh 4: a shortfall the provider accepted in the budget (the Prices below the budgeted Allowable Costs
        # and Reasonable Profit) is deducted again, in proportion to the costs, so re-basing does not hand it back.
        accepted = max(Decimal(0), -ob.price_cover[(self.positions or {}).get("open_book_cost_base") or "full-cost"])

        expected = Decimal(wk.expected_units)
        # r32 ob-fresh 1: income outside the Prices that the budget counts as Service Income (the NHS-funded nursing
        # care) meets part of the budgeted costs, so each re-basing deducts the part of it budgeted for the units
        # that remain; with no change the factor is then one. The one place the deduction is made: rebase_factor.
        nursing = ob.nursing_income

        def nursing_for(units: Decimal) -> Decimal:
            """The budgeted NHS-funded nursing care for `units` weekly units of the expected units."""
            return pence(nursing * units / expected) if nursing and expected else Decimal(0)

        def target_for(removed_units: Decimal, var_share: Decimal = Decimal(0)) -> tuple[Decimal, Decimal]:
            """The costs the change moves out (the scope clause's share) and the budgeted Allowable Costs and
            Reasonable Profit left, less the Prices not re-based and any shortfall the provider accepted."""
            if not moved:
                return Decimal(0), target - accepted
            ded = pence(shared * removed_units / divisor) + pence(var_cost * var_share)
            costs = bud.allowable_costs - ded
            short = pence(accepted * costs / bud.allowable_costs) if accepted and bud.allowable_costs else Decimal(0)
            return ded, costs + pence(costs * rate) - fixed - short

        def rebase_factor(tgt: Decimal, price: Decimal, units: Decimal) -> Decimal:
            """The factor for one change: the target less the nursing care for the units left, over the income the
            current weekly Price brings in for them."""
            return factor((tgt - nursing_for(units)) / (price * units))

        def change(removed_units: Decimal, price: Decimal) -> dict:
            """One change on the budget (no costs saved): units left, costs moved out, target and factor."""
            units = expected - removed_units
            ded, tgt = target_for(removed_units)
            return {"units": units, "deducted": ded, "target": tgt, "nursing": nursing_for(units),
                    "factor": rebase_factor(tgt, price, units)}

        factors = []
        for n in (1, 2):
            if expected - n * removed <= 0:
                break
            factors.append(change(n * removed, wk.price)["factor"])
        # The worked example in the reconciliation schedule (r18 ob-sample 3 and 12): each step's figures.
        def whole(v: Decimal) -> Decimal:  # £3,063,750, not £3,063,750.00, where the pence are nil
            return v.to_integral() if v == v.to_integral() else v

        # r19 ob-sample 5: W is the current weekly Price, so the second change is worked on the Price the first
        # produced (uncapped: a shortfall left by the cap is not recovered later), with its own factor, and the
        # cumulative factor on the original Price shown separately; factors to four places, weeks to two.
        steps, w = [], wk.price
        for n in range(len(factors)):
            ch = change((n + 1) * removed, w)
            new_price = pence(w * ch["factor"])
            steps.append({"lost": n + 1, "units": ch["units"], "w": whole(w), "income": whole(pence(w * ch["units"])),
                          "deducted": whole(ch["deducted"]), "target": whole(ch["target"]),
                          "nursing": whole(ch["nursing"]), "factor": ch["factor"], "price": whole(new_price),
                          "cumulative": factor(new_price / wk.price)})
            w = new_price
        # r23 ob-sample 8: the weekly Price (before any limit) at each number of Core Places down to the minimum, on the
        # budget with no costs saved, so that the schedule gives a table a placements officer can read.
        ladder, w = [], wk.price
        floor_places = sv.minimum_core_total if sv.minimum_core_total is not None else max(core - 2, 0)
        for n in range(1, core - floor_places + 1):
            if expected - n * removed <= 0:
                break
            w = pence(w * change(n * removed, w)["factor"])
            ladder.append({"places": core - n, "price": whole(w),
                           "cumulative": factor(w / wk.price)})
        # The same changes held by the per-place cap (the bracketed 3% where none is instructed).
        capf = 1 + Decimal(sv.core_rebase_cap if sv.core_rebase_cap is not None else 3) / 100
        capped = wk.price
        for st in steps:
            capped = pence(capped * min(st["factor"], capf))
            st["capped"] = whole(capped)
            # r20 ob-fresh 3: what the capped Price leaves uncovered on the budget (after the nursing care budgeted
            # for the units left), and the profit after it
            st["capped_income"] = whole(pence(capped * st["units"]))
            st["shortfall"] = whole(max(st["target"] - st["nursing"] - pence(capped * st["units"]), Decimal(0)))
            st["capped_profit"] = whole(pence((bud.allowable_costs - st["deducted"]) * rate) - st["shortfall"])
        # r23 ob-sample 15: the factor when the agreement ends for one home only (its budgeted direct costs and their
        # share of the Overheads deducted, its expected weeks and its share of the units not re-based removed), for the
        # note on an ending under section 78 the Council's own unlawful award may cause, which no limit caps.
        home_ends = []
        per_home = [h for h in sv.homes if h.direct_costs is not None and h.core_places is not None]
        if len(sv.homes) > 1 and len(per_home) == len(sv.homes) and bud.direct_costs:
            for h in per_home:
                weeks = Decimal(52 * h.core_places) + noncore * (h.places - h.core_places)
                left = expected - weeks
                if left <= 0:
                    continue
                costs = bud.allowable_costs - h.direct_costs - pence(bud.overheads_allowed * h.direct_costs
                                                                      / bud.direct_costs)
                rest = fixed * left / expected
                home_ends.append({"home": h.name, "factor": rebase_factor(costs + pence(costs * rate) - rest,
                                                                          wk.price, left)})
        # r24 ob-fresh 1: without per-home direct costs, a home's costs leave as its share of the shared costs (its
        # place-weeks, as the scope clause apportions them) and the direct cost of the Prices not re-based in the
        # proportion its expected weeks are of the total (as their income is reduced), so the factor stays near one.
        elif len(sv.homes) > 1 and moved and all(h.core_places is not None for h in sv.homes):
            for h in sv.homes:
                weeks = Decimal(52 * h.core_places) + noncore * (h.places - h.core_places)
                left = expected - weeks
                if left <= 0:
                    continue
                pw = weeks if sv.apportion_by_weeks else Decimal(52 * h.places)
                _, tgt = target_for(pw, weeks / expected)
                tgt = tgt + fixed - pence(fixed * left / expected)
                home_ends.append({"home": h.name, "factor": rebase_factor(tgt, wk.price, left),
                                  "place_weeks": int(pw)})
        return {"divisor": whole(divisor), "home_ends": home_ends, "ladder": ladder, "several": len(sv.homes) > 1, "home_word": sv.home_word,
                "bracketed": sv.rebase_on_reduction_open,
                "minimum": sv.minimum_core_places is not None, "noncore_weeks": noncore.normalize() if noncore != noncore.to_integral() else noncore.to_integral(),
                "removed_weeks": removed.normalize() if removed != removed.to_integral() else removed.to_integral(),
                "factors": factors, "places": places, "core": core, "expected": wk.expected_units,
                "price": wk.price, "service": wk.service, "allowable": whole(bud.allowable_costs),
                "profit": whole(bud.maximum_profit), "fixed": whole(fixed), "target": whole(target), "steps": steps,
                "moved": moved, "shared": whole(shared), "var_cost": whole(var_cost),
                "cap_factor": factor(capf), "cap_instructed": sv.core_rebase_cap is not None,
                "user_choice": bool(sv.user_choice_award), "catch_up": sv.core_rebase_catch_up is not False,
                # r25 ob-sample 3: the single weekly Price at which the Core Places alone (the guaranteed income)
                # recover the budgeted Allowable Costs and Reasonable Profit less the Prices not re-based; the note
                # and OPEN-BOOK-CORE-FLOOR offer it where the current Price falls short.
                # r32 ob-fresh 1: less the nursing care budgeted for the Core Places' weeks.
                "floor_price": pence((target - nursing_for(Decimal(core * 52))) / (core * 52)) if core else None,
                "nursing": whole(nursing)}

    def _attach_closure(self) -> None:
        """Short breaks: the nights the homes are open and closed, and the bed-nights that gives (r19 ob-fresh
        finding 5: 'open 350 nights a year, 1,750 bed-nights' was in the sheet's capacity but not the draft)."""
        sb = self.services.short_breaks
        if sb is None:
            return
        places = sum(h.places for h in self.services.homes)
        nightly = [u for u in self.open_book.unit_prices if u.unit == "night" and u.capacity_units]
        capacity = int(nightly[0].capacity_units) if len(nightly) == 1 and nightly[0].capacity_units == \
            int(nightly[0].capacity_units) else None
        closure = sb.closure_nights
        if closure is None and capacity and places and capacity % places == 0 and 300 <= capacity // places < 365:
            closure = 365 - capacity // places
        sb._closure = closure or None
        sb._open_nights = 365 - closure if closure else None
        sb._bed_nights = places * sb._open_nights if sb._open_nights else capacity

    def _attach_leases(self) -> None:
        """Each home's lease end: the sheet's, or 'N-year lease from D' in a related party's arrangement that
        names the home (the day before the Nth anniversary of D)."""
        for home in self.services.homes:
            home._lease_end, home._lease_source = home.lease_end, None
            home._landlord = next((rp.name for rp in self.open_book.related_parties
                                   if home.name.casefold() in (rp.arrangement or "").casefold()
                                   and re.search(r"\b(own|owns|lease|leases|let|lets|rent|rents|landlord)\b",
                                                 rp.arrangement or "", re.I)), None) or next(
                (rp.name for rp in self.open_book.related_parties
                 if re.search(r"\b(?:all|each|the)(?:\s+\w+)?\s+(?:homes|houses|settings|properties)\b", rp.arrangement or "", re.I)
                 and re.search(r"\b(own|owns|lease|leases|let|lets|landlord)\b", rp.arrangement or "", re.I)), None)
            home._landlord_in_group = any(rp.name == home._landlord and rp.in_group
                                          for rp in self.open_book.related_parties)
            if home.lease_end is not None:
                continue
            for rp in self.open_book.related_parties:
                text = rp.arrangement or ""
                if home.name.casefold() not in text.casefold():
                    continue
                m = LEASE_TERM.search(text)
                if not m:
                    continue
                n = m.group(1).lower()
                years = int(n) if n.isdigit() else NUMBER_WORDS.get(n)
                try:
                    start = dt.datetime.strptime(m.group(2), "%d %B %Y").date()
                    end = start.replace(year=start.year + years) - dt.timedelta(days=1)
                except (TypeError, ValueError):
                    continue
                home._lease_end, home._lease_source = end, text
                break

    def _home_types_of(self) -> dict | None:
        """r26 ob-fresh 2: where the homes' places are priced at two or more re-based weekly Prices, each for its own
        homes (a residential Price at two homes and a solo Price at a third), ending the agreement for a home removes
        units of the Price for the type of place at that home only: its expected units multiplied by the places at
        that home and divided by all the places of that type. Also the factor for each home's ending on the budget,
        with no costs saved, for the worked example in the reconciliation schedule. None where a weekly Price's
        homes are not known or a home has places of two types."""
        sv, ob = self.services, self.open_book
        homes = sv.homes
        weekly = [u for u in ob.unit_prices if u.unit == "week" and u.rebased and u.expected_units is not None]
        if len(homes) < 2 or len(weekly) < 2:
            return None
        known = {h.name.casefold(): h for h in homes}
        of_home: dict[str, UnitPrice] = {}
        for u in weekly:
            names = [n.casefold() for n in u.homes] if u.homes else [h.name.casefold() for h in homes
                                                                   if h.name.casefold() in u.service.casefold()]
            if not names or any(n not in known for n in names):
                return None
            for n in names:
                if n in of_home:
                    return None
                of_home[n] = u
        if len(of_home) != len(homes):
            return None
        all_places = sum(h.places for h in homes)
        two = Decimal("0.01")
        rows, types = [], []
        core_pos = (self.positions or {}).get("open_book_voids", "core-places") == "core-places"

        def whole_or(v: Decimal) -> Decimal:
            v = v.quantize(two, rounding=ROUND_HALF_UP)
            return v.normalize() if v != v.to_integral() else v.to_integral()
        for u in weekly:
            mine = [h for h in homes if of_home[h.name.casefold()] is u]
            total = sum(h.places for h in mine)
            units = [(h, (Decimal(u.expected_units) * h.places / total).quantize(two, rounding=ROUND_HALF_UP))
                     for h in mine]
            # r29 ob-fresh 3: the cost model's own basis where the sheet gives it: each home's stated expected
            # units, or 52 weeks for each of its Core Places plus the rest of the Price's expected weeks shared over
            # the places of that type that are not Core Places (Elmsleigh 3 x 52 + 40 = 196, Tamsworth 3 x 52 =
            # 156), not a share by places (201.14 and 150.86), which over- and under-states what leaves.
            basis = "places"
            exp = Decimal(u.expected_units)
            if all(h.expected_units is not None for h in mine) and sum(Decimal(h.expected_units) for h in mine) == exp:
                units, basis = [(h, Decimal(h.expected_units)) for h in mine], "stated"
            elif core_pos and all(h.core_places is not None for h in mine):
                core_w = [Decimal(52 * h.core_places) for h in mine]
                spare = [h.places - h.core_places for h in mine]
                rest = exp - sum(core_w)
                if rest >= 0 and all(s_ >= 0 for s_ in spare) and (rest == 0 or sum(spare) > 0) \
                        and all(rest * s_ / sum(spare) <= 52 * s_ for s_ in spare if sum(spare)):
                    units = [(h, (c + (rest * s_ / sum(spare) if sum(spare) else 0)).quantize(
                        two, rounding=ROUND_HALF_UP)) for h, c, s_ in zip(mine, core_w, spare)]
                    basis = "core"
            types.append({"service": u.service, "places": total, "expected": u.expected_units, "basis": basis,
                          "core": sum(h.core_places or 0 for h in mine),
                          "noncore_weeks": None if basis != "core" or total == sum(h.core_places for h in mine) else
                          whole_or((exp - sum(Decimal(52 * h.core_places) for h in mine))
                                   / (total - sum(h.core_places for h in mine))),
                          "homes": [{"home": h.name, "places": h.places, "units": n.normalize()
                                     if n != n.to_integral() else n.to_integral()} for h, n in units]})
            rows += [(h, u, n) for h, n in units]
        bud = ob.reconcile("full-cost", "hard-cap", "refund")
        rate = bud.maximum_profit / bud.allowable_costs if bud.allowable_costs else Decimal(0)
        fixed = sum((u.expected_income for u in ob.unit_prices if not u.rebased), Decimal(0))
        others = [u for u in ob.unit_prices if u.rebased and u not in weekly]
        exits = []
        if all(h.direct_costs is not None for h in homes) and bud.direct_costs:
            for h, u, n in sorted(rows, key=lambda r: homes.index(r[0])):
                share = Decimal(h.places) / all_places
                over = pence(bud.overheads_allowed * h.direct_costs / bud.direct_costs)
                costs = bud.allowable_costs - h.direct_costs - over
                profit = pence(costs * rate)
                fixed_left = pence(fixed * (1 - share))
                target = costs + profit - fixed_left
                income = sum((pence(w.price * (Decimal(w.expected_units) - (n if w is u else 0))) for w in weekly),
                             Decimal(0)) + sum((pence(o.expected_income * (1 - share)) for o in others), Decimal(0))
                if income <= 0:
                    continue
                exits.append({"home": h.name, "service": u.service, "units": types[weekly.index(u)]["homes"][
                    [x["home"] for x in types[weekly.index(u)]["homes"]].index(h.name)]["units"],
                    "direct": h.direct_costs, "overheads": over, "costs": costs, "profit": profit,
                    "fixed_left": fixed_left, "target": target, "income": income,
                    "factor": factor(target / income), "places": h.places,
                    "prices": [{"service": w.service, "price": pence(w.price * factor(target / income))}
                               for w in weekly if w is not u or n < Decimal(w.expected_units)]})
            for e in exits:
                for k in ("direct", "overheads", "costs", "profit", "fixed_left", "target", "income"):
                    e[k] = e[k].to_integral() if e[k] == e[k].to_integral() else e[k]
        return {"types": types, "exits": exits, "all_places": all_places, "home_word": sv.home_word,
                "allowable": bud.allowable_costs.to_integral() if bud.allowable_costs == bud.allowable_costs.to_integral()
                else bud.allowable_costs, "fixed": fixed.to_integral() if fixed == fixed.to_integral() else fixed, "rate": ob.profit_cap}

    def _attach_home_weeks(self) -> None:
        """Each home's expected weeks of the one re-based weekly Price, where they can be known: the homes'
        own figures, or each home's Core Places for 52 weeks plus the rest of the expected weeks shared
        over the places that are not Core Places (the core-places position)."""
        homes = self.services.homes
        weekly = [u for u in self.open_book.unit_prices if u.unit == "week" and u.variable_cost is None]
        if len(homes) < 2 or len(weekly) != 1 or weekly[0].expected_units is None:
            return
        total = Decimal(weekly[0].expected_units)
        if all(h.expected_units is not None for h in homes):
            weeks = [Decimal(h.expected_units) for h in homes]
        elif (self.positions or {}).get("open_book_voids", "core-places") == "core-places" \
                and all(h.core_places is not None for h in homes):
            core = [Decimal(h.core_places * 52) for h in homes]
            rest = total - sum(core)
            spare = [h.places - h.core_places for h in homes]
            if rest < 0 or (rest > 0 and sum(spare) == 0):
                return
            weeks = [c + (rest * s_ / sum(spare) if sum(spare) else 0) for c, s_ in zip(core, spare)]
        else:
            return
        for home, w in zip(homes, weeks):
            home._expected_weeks = w.quantize(Decimal("0.01")).normalize() if w != w.to_integral() else w.to_integral()
