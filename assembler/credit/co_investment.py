"""The investor's view of a co-investment deal: rent roll, cover, loan to value, sources and uses, drawdown
feasibility and the waterfall year by year with stress cases.

Every figure is worked out here from the term sheet alone, by pure functions, so that the rules that warn,
the schedules that print the sources and uses, and the review pack's credit page cannot disagree."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from assembler.credit.memo import per_sheet
from assembler.formatting import pence

WEEKS = Decimal(52)
ZERO = Decimal(0)


def _pct(value: Decimal) -> Decimal:
    return value / Decimal(100)


def unit_cost(sheet) -> Decimal | None:
    """What one bought home costs in cash: the all-in cap where there is one, else the purchase price cap."""
    a = sheet.acquisition
    return a.all_in_cap or a.price_cap


def value_each(sheet) -> Decimal | None:
    """The value of one bought home for the loan-to-value test: its expected value subject to tenancies, else the
    purchase price cap."""
    a = sheet.acquisition
    return a.expected_value or a.price_cap


def property_value(sheet) -> Decimal:
    """The contributed properties' value for the loan-to-value test: after the agreed works where that is given."""
    return sum((p.value_after_works or p.valuation for p in sheet.contributions.properties), ZERO)


def covered(sheet) -> list:
    """The investments the financial covenants test: the fixed-return (senior) debt, or all investment capital.
    Where no investment has a fixed return, "senior only" would test nothing (the covenant named no one and the
    cover had no denominator): every investment is then tested, its target return or capped share counted at
    its full rate as Scheduled Debt Service (COINV-COVENANT-NO-FIXED says so)."""
    invs = sheet.contributions.investments
    fixed = [i for i in invs if i.return_basis == "fixed"]
    return fixed if sheet.covenants.senior_only and fixed else list(invs)


@per_sheet
def debt_service(sheet) -> list:
    """The sheet's debt service (each investment's payments), worked out once: the model asks for it every year."""
    return sheet.debt_service


@per_sheet
def services(sheet) -> dict:
    """Each investor's debt service, by name."""
    return {s.investor: s for s in debt_service(sheet)}


# Income and cover ------------------------------------------------------------------------------------------

def weekly_rent(income, bedrooms: int | None) -> Decimal | None:
    if bedrooms is not None and bedrooms in income.rent_by_bedrooms:
        return income.rent_by_bedrooms[bedrooms]
    if income.rent_per_home_week is not None:
        return income.rent_per_home_week
    if income.rent_by_bedrooms:
        rents = list(income.rent_by_bedrooms.values())
        return sum(rents, ZERO) / len(rents)
    return None


def rent_roll(sheet, bought_homes: int) -> Decimal:
    """Yearly rent if every home is let all year: the schedule's homes at their bedroom rents plus the bought homes."""
    inc = sheet.income
    total = ZERO
    for p in sheet.contributions.properties:
        if p.bedroom_mix:  # homes of different sizes: each size at its own rent, not an average
            for beds, count in p.bedroom_mix.items():
                total += (weekly_rent(inc, beds) or ZERO) * count * WEEKS
            continue
        rent = weekly_rent(inc, p.bedrooms)
        total += (rent or ZERO) * p.homes * WEEKS
    total += (bought_rent(sheet) or ZERO) * bought_homes * WEEKS
    return pence(total)


def bought_rent(sheet) -> Decimal | None:
    """Weekly rent of one bought home: on the agreed bedroom mix where the sheet gives one, else on the lowest-rent mix
    the Acquisition Criteria allow where they bound the number of each size, else the average of the rents by size (an
    equal mix assumed)."""
    inc, mix = sheet.income, sheet.acquisition.bedroom_mix
    if not mix:
        cm = criteria_mix(sheet)
        mix = cm.low if cm else mix
    if mix and sum(mix.values()) and all(b in inc.rent_by_bedrooms for b in mix):
        return sum((inc.rent_by_bedrooms[b] * n for b, n in mix.items()), ZERO) / sum(mix.values())
    return weekly_rent(inc, None)


@dataclass
class CriteriaMix:
    low: dict  # bedrooms -> homes: the lowest-rent mix the Acquisition Criteria allow (the business plan's mix)
    high: dict  # the highest-rent mix they allow
    low_rent: Decimal  # average weekly rent of a bought home on each
    high_rent: Decimal
    high_cover: Decimal | None = None  # base-case cover on the highest-rent mix

    @staticmethod
    def words(mix: dict) -> str:
        size = {0: "studio", 1: "one-bedroom", 2: "two-bedroom", 3: "three-bedroom", 4: "four-bedroom", 5: "five-bedroom",
                6: "six-bedroom"}
        parts = [f"{n} {size.get(b, str(b) + '-bedroom')}" for b, n in sorted(mix.items()) if n]
        return ", ".join(parts[:-1]) + (" and " if len(parts) > 1 else "") + parts[-1] if parts else ""

    @property
    def low_words(self) -> str:
        return self.words(self.low)

    @property
    def high_words(self) -> str:
        return self.words(self.high)


@per_sheet
def criteria_mix(sheet) -> CriteriaMix | None:
    """Where no bedroom mix is agreed but the Acquisition Criteria bound the number of homes of each size, and the rent
    depends on size: the lowest- and highest-rent mixes of the homes to be bought that the criteria allow."""
    a, inc = sheet.acquisition, sheet.income
    bounds = a.mix_bounds
    n = a.homes_to_acquire
    if a.bedroom_mix or not bounds or not n or inc.rent_per_home_week is not None:
        return None
    if any(b not in inc.rent_by_bedrooms for b in bounds):
        return None

    def fill(order) -> dict | None:
        mix = {b: lo for b, (lo, _) in bounds.items()}
        rest = n - sum(mix.values())
        if rest < 0:
            return None
        for b in order:
            hi = bounds[b][1]
            add = rest if hi is None else max(min(rest, hi - mix[b]), 0)
            mix[b] += add
            rest -= add
        return mix if rest == 0 else None

    by_rent = sorted(bounds, key=lambda b: inc.rent_by_bedrooms[b])
    low, high = fill(by_rent), fill(list(reversed(by_rent)))
    if not low or not high:
        return None

    def avg(mix):
        return sum((inc.rent_by_bedrooms[b] * k for b, k in mix.items()), ZERO) / n
    return CriteriaMix(low, high, avg(low), avg(high))


def criteria_mix_view(sheet) -> CriteriaMix | None:
    """The criteria's mixes with the base-case cover on the highest-rent one (the plan itself uses the lowest)."""
    cm = criteria_mix(sheet)
    service = yearly_debt_service(sheet)
    if not cm or not service:
        return cm
    bought = affordable_homes(sheet, sheet.contributions.cash_total)
    base = year_income(sheet, bought)
    inc = sheet.income
    keep = 1 - _pct(inc.voids_percent)
    share = 1 - _pct(sheet.surplus.reserve_percent) - (ZERO if inc.operating_cost_per_home is not None
                                                       else _pct(inc.operating_cost_percent or ZERO))
    cover = ((base.net + (cm.high_rent - cm.low_rent) * bought * WEEKS * keep * share) / service).quantize(Decimal("0.01"))
    return CriteriaMix(cm.low, cm.high, cm.low_rent, cm.high_rent, cover)


@dataclass
class MixSensitivity:
    sizes: list  # bedroom sizes whose rents are averaged
    assumed: Decimal  # the weekly rent assumed for each bought home
    small: int  # the smallest size
    large: int  # the largest size
    homes: int  # homes bought
    all_small: Decimal | None  # base-case cover if every bought home had the smallest size
    most_small: int | None  # most homes of the smallest size (the rest the largest) that keep the covenant


def mix_sensitivity(sheet) -> MixSensitivity | None:
    """Where bought homes are rented by size but no mix is agreed: the cover if the mix turns out smaller."""
    inc, a = sheet.income, sheet.acquisition
    if a.bedroom_mix or inc.rent_per_home_week is not None or len(inc.rent_by_bedrooms) < 2 or not inc.given:
        return None
    if criteria_mix(sheet):
        return None
    bought = affordable_homes(sheet, sheet.contributions.cash_total)
    service = yearly_debt_service(sheet)
    if not bought or not service:
        return None
    base = year_income(sheet, bought)
    sizes = sorted(inc.rent_by_bedrooms)
    small, large = sizes[0], sizes[-1]
    avg = weekly_rent(inc, None)
    keep = 1 - _pct(inc.voids_percent) 
    share = 1 - _pct(sheet.surplus.reserve_percent) - (ZERO if inc.operating_cost_per_home is not None
                                                       else _pct(inc.operating_cost_percent or ZERO))

    def at(k: int) -> Decimal:
        weekly = (inc.rent_by_bedrooms[small] * k + inc.rent_by_bedrooms[large] * (bought - k)) / bought
        return (base.net + (weekly - avg) * bought * WEEKS * keep * share) / service

    floor = sheet.covenants.min_dscr if sheet.covenants else None
    most = max((k for k in range(bought + 1) if at(k) >= floor), default=None) if floor else None
    return MixSensitivity(sizes, avg, small, large, bought, at(bought).quantize(Decimal("0.01")), most)


class NetIncome:
    """Income over a period (a year of the credit view; a month or a Partnership Year of the cash flow)."""

    gross: Decimal
    costs: Decimal
    reserve: Decimal

    @property
    def net(self) -> Decimal:
        """Income after operating costs and the repairs reserve: what the cover test measures."""
        return self.gross - self.costs - self.reserve


@dataclass
class YearIncome(NetIncome):
    homes: int
    rent_roll: Decimal
    gross: Decimal
    costs: Decimal
    reserve: Decimal


@per_sheet
def year_income(sheet, bought_homes: int, *, voids: Decimal | None = None, rent_cut: Decimal = ZERO,
                cost_rise: Decimal = ZERO) -> YearIncome:
    """One year's Gross Income (rent collected), operating costs and reserve payment, optionally stressed."""
    inc = sheet.income
    homes = sheet.contributions.homes_in_schedule + bought_homes
    roll = rent_roll(sheet, bought_homes)
    roll -= (rent_roll(sheet, 0) if rent_cut and sheet.exempt_homes is not None else roll) * _pct(rent_cut)
    gross = pence(roll * (1 - _pct(inc.voids_percent if voids is None else voids)))
    if inc.operating_cost_per_home is not None:
        costs = inc.operating_cost_per_home * homes
    else:
        costs = gross * _pct(inc.operating_cost_percent or ZERO)
    costs = pence(costs * (1 + _pct(cost_rise)))
    reserve = pence(gross * _pct(sheet.surplus.reserve_percent))
    return YearIncome(homes, pence(roll), gross, costs, reserve)


def rent_cut_words(sheet) -> str:
    """What the rent-cut stress cuts: every rent, or (where only some homes are exempt accommodation, the cut being
    one in the Housing Benefit met for it) the rents of those homes."""
    ex = sheet.exempt_homes
    return "rents" if ex is None else f"rents of the {ex or 'homes in Schedule 1'}"


def yearly_debt_service(sheet, investments=None) -> Decimal:
    """The yearly payment due on the investments (all covered investments by default) once fully drawn: the
    equal instalment for a loan repaid by instalments, the return for capital repaid in one sum."""
    investments = covered(sheet) if investments is None else investments
    by_name = services(sheet)
    return sum((by_name[i.investor].yearly_payment if i.return_basis == "fixed" or i.repayment == "amortising"
                else by_name[i.investor].yearly_return_on_full_capital for i in investments), ZERO)


def cover(net: Decimal, service: Decimal) -> Decimal | None:
    return (net / service).quantize(Decimal("0.01")) if service else None


@per_sheet
def pre_income_return(sheet) -> Decimal:
    """Fixed return that accrues on capital drawn before rent starts: it has to be paid from the capital itself."""
    start = sheet.income.income_starts
    if start is None:
        return ZERO
    rates = {i.investor: i.return_rate for i in sheet.contributions.investments if i.return_basis == "fixed"}
    total = ZERO
    for d in sheet.drawdowns:
        if d.contributor in rates and d.date < start:
            total += d.amount * _pct(rates[d.contributor]) * Decimal((start - d.date).days) / Decimal(365)
    return pence(total)


# Sources and uses, drawdowns, loan to value ---------------------------------------------------------------

@per_sheet
def affordable_homes(sheet, cash: Decimal) -> int:
    """Homes the cash buys at the cost cap after the works budget and the return before income."""
    cost = unit_cost(sheet)
    if not cost:
        return sheet.acquisition.homes_to_acquire
    spare = cash - sheet.acquisition.works_budget - pre_income_return(sheet)
    n = int((spare / cost).to_integral_value(rounding=ROUND_FLOOR)) if spare > 0 else 0
    return min(n, sheet.acquisition.homes_to_acquire)


@dataclass
class SourcesUses:
    sources: list[tuple[str, Decimal]]
    uses: list[tuple[str, Decimal]]

    @property
    def total_sources(self) -> Decimal:
        return sum((v for _, v in self.sources), ZERO)

    @property
    def total_uses(self) -> Decimal:
        return sum((v for _, v in self.uses), ZERO)

    @property
    def gap(self) -> Decimal:
        return max(self.total_uses - self.total_sources, ZERO)


def sources_and_uses(sheet) -> SourcesUses:
    c = sheet.contributions
    sources = [(f"{sheet.authority.short_name}: grant", c.authority_grant)] if c.authority_grant else []
    sources += [(f"{sheet.delivery.short_name}: own funds", c.delivery_total - sum((p.valuation for p in c.delivery_properties), ZERO))]
    sources += [(f"{i.investor}: {i.description}", i.amount) for i in c.investments]
    sources = [(k, v) for k, v in sources if v]
    a = sheet.acquisition
    uses = []
    cost = unit_cost(sheet)
    if a.homes_to_acquire and cost:
        what = "all-in cost cap" if a.all_in_cap else "purchase price cap"
        uses.append((f"{a.homes_to_acquire} homes to buy at the {what} of £{cost:,.0f}", cost * a.homes_to_acquire))
    if a.works_budget:
        uses.append(("Works to the homes bought" if sheet.bought_works else "Works to the transferred properties",
                     a.works_budget))
    interest = pre_income_return(sheet)
    if interest:
        uses.append(("Fixed return accruing before rent starts", interest))
    return SourcesUses(sources, uses)


@dataclass
class DrawdownCheck:
    index: int
    date: dt.date
    contributor: str
    amount: Decimal
    cash_before: Decimal
    homes_required: int | None
    needed: Decimal | None  # homes required x purchase price cap
    covered_drawn: Decimal  # covered investment capital drawn after this drawdown
    homes_bought: int  # homes the cash drawn so far buys, once spent
    value: Decimal | None  # value of the charged homes then
    ltv: Decimal | None

    @property
    def feasible(self) -> bool:
        return self.needed is None or self.needed <= self.cash_before


def drawdown_checks(sheet) -> list[DrawdownCheck]:
    """For each drawdown: the cash drawn before it, what its homes condition needs, and the loan to value once
    the cash drawn so far is spent on homes within the caps."""
    names = {i.investor for i in covered(sheet)}
    base = property_value(sheet)
    each = value_each(sheet)
    price = sheet.acquisition.price_cap
    out, cash, lent = [], ZERO, ZERO
    for i, d in enumerate(sheet.drawdowns):
        before = cash
        cash += d.amount
        if d.contributor in names:
            lent += d.amount
        bought = max(affordable_homes(sheet, cash), d.homes_required or 0)
        value = base + bought * each if each is not None else None
        ltv = (lent / value * 100).quantize(Decimal("0.1")) if value else None
        needed = d.homes_required * price if d.homes_required and price else None
        out.append(DrawdownCheck(i, d.date, d.contributor, d.amount, before, d.homes_required, needed, lent, bought,
                                 value, ltv))
    return out


_LTV_CONDITION = re.compile(r"loan[- ]to[- ]value\D{0,40}?(\d+(?:\.\d+)?)\s*(?:%|per ?cent)", re.I)
_HOMES_IN_CONDITION = re.compile(r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
                                 r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\s+homes\b", re.I)
_WORDS = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}


@dataclass
class LtvCondition:
    index: int
    drawdown: object
    limit: Decimal
    capital: Decimal
    homes: int
    each: Decimal
    base: Decimal
    value: Decimal
    ltv: Decimal
    partial: Decimal = ZERO       # where the test fails: what the investor can draw on the date within the limit
    homes_for_all: int = 0        # homes charged (at the expected value) at which the whole drawdown meets the limit
    homes_then: int = 0           # homes the cash paid in by then, with the part drawn, buys at the cost cap

    @property
    def fails(self) -> bool:
        return self.ltv > self.limit

    @property
    def full_limit(self) -> int:
        """The lowest whole percentage at which the whole drawdown meets the test on the homes the condition names."""
        return int((self.capital * 100 / self.value).to_integral_value(rounding=ROUND_CEILING))

    @property
    def balance(self) -> Decimal:
        return self.drawdown.amount - self.partial

    @property
    def completes(self) -> bool:
        """The part drawn lets enough further homes be bought for the balance to meet the test."""
        return self.homes_then >= self.homes_for_all


def ltv_conditions(sheet) -> list[LtvCondition]:
    """Each drawdown whose condition states a loan-to-value limit, tested on the sheet's own numbers: the investor's
    capital once that drawdown is made over the homes the condition requires (its stated number, else the number the
    condition names) at their expected value, plus any scheduled properties."""
    each, base = value_each(sheet), property_value(sheet)
    drawn: dict[str, Decimal] = {}
    out = []
    for i, d in enumerate(sheet.drawdowns):
        drawn[d.contributor] = drawn.get(d.contributor, ZERO) + d.amount
        m = _LTV_CONDITION.search(d.condition or "")
        if not m or not each:
            continue
        homes = d.homes_required
        if homes is None:
            h = _HOMES_IN_CONDITION.search(d.condition)
            homes = (int(h.group(1)) if h.group(1).isdigit() else _WORDS[h.group(1).lower()]) if h else None
        if not homes:
            continue
        value = base + homes * each
        limit, capital = Decimal(m.group(1)), drawn[d.contributor]
        c = LtvCondition(i, d, limit, capital, homes, each, base, value, (capital / value * 100).quantize(Decimal("0.1")))
        if c.fails:
            room = (value * _pct(limit)).to_integral_value(rounding=ROUND_FLOOR) - (capital - d.amount)
            c.partial = min(d.amount, max(ZERO, room))
            need = ((capital / _pct(limit) - base) / each).to_integral_value(rounding=ROUND_CEILING)
            c.homes_for_all = int(need)
            c.homes_then = affordable_homes(sheet, _cash_by(sheet, d.date) - c.balance)
        out.append(c)
    return out


def full_ltv(sheet) -> tuple[Decimal, Decimal, Decimal | None]:
    """(covered capital, value of every home the money buys, loan to value %) at full drawdown."""
    lent = sum((i.amount for i in covered(sheet)), ZERO)
    each = value_each(sheet)
    base = property_value(sheet)
    value = base + affordable_homes(sheet, sheet.contributions.cash_total) * (each or ZERO)
    return lent, value, ((lent / value * 100).quantize(Decimal("0.1")) if value else None)


# The waterfall year by year and stress cases ----------------------------------------------------------------

@dataclass
class WaterfallYear:
    year: int
    start: dt.date
    homes: int
    gross: Decimal
    costs: Decimal
    reserve: Decimal
    senior: Decimal
    cover: Decimal | None
    junior: Decimal
    surplus: Decimal


def _drawn_by(sheet, investor: str, day: dt.date) -> Decimal:
    return sum((d.amount for d in sheet.drawdowns if d.contributor == investor and d.date <= day), ZERO)


def _cash_by(sheet, day: dt.date) -> Decimal:
    return sum((d.amount for d in sheet.drawdowns if d.date <= day), ZERO)


def waterfall_years(sheet) -> list[WaterfallYear]:
    """The waterfall over the term, a row for each Partnership Year, cut from the one cash-flow model
    (assembler/credit/cashflow.py) that follows the draft's payment rules: `senior` is what falls due to the fixed
    returns and instalments in the year with any arrears carried in, `junior` the target returns and shares of what
    remains paid, and `surplus` what is left for the Capital Repayment Reserve (after the fixed and target returns,
    before the capped shares of what remains, which Schedule 3 puts after the reserve), negative by the arrears
    carried out."""
    from assembler.credit.cashflow import model

    return [WaterfallYear(r.year, r.start, r.homes, r.gross, r.costs, r.reserve, r.senior_due + r.arrears_brought,
                          r.cover, r.junior, r.room - r.arrears)
            for r in model(sheet)]


@dataclass
class Stress:
    case: str
    net: Decimal
    service: Decimal

    @property
    def cover(self) -> Decimal | None:
        return cover(self.net, self.service)


def stress_cases(sheet) -> list[Stress]:
    """Cover of the covered debt in a full year with every home bought, in the base case and under stress."""
    inc = sheet.income
    bought = affordable_homes(sheet, sheet.contributions.cash_total)
    service = yearly_debt_service(sheet)
    cases = [("Base case", {}),
             (f"Voids and bad debt at {inc.stress_voids_percent}%", {"voids": inc.stress_voids_percent}),
             (f"R{rent_cut_words(sheet)[1:]} {inc.stress_rent_cut_percent}% lower", {"rent_cut": inc.stress_rent_cut_percent}),
             (f"Operating costs {inc.stress_cost_rise_percent}% higher", {"cost_rise": inc.stress_cost_rise_percent})]
    out = [Stress(label, year_income(sheet, bought, **kw).net, service) for label, kw in cases]
    bullet = [i for i in sheet.contributions.investments if i.repayment == "at_end"]
    if bullet:
        from assembler.termsheet.co_investment import yearly_instalment

        refi = sum((yearly_instalment(i.amount, inc.refinancing_rate, inc.refinancing_years) for i in bullet), ZERO)
        amortising = sum((s.yearly_payment for s, i in zip(debt_service(sheet), sheet.contributions.investments)
                          if i.repayment == "amortising" and i in covered(sheet)), ZERO)
        out.append(Stress(f"Capital due in one sum refinanced at {inc.refinancing_rate}% over "
                          f"{inc.refinancing_years} years", year_income(sheet, bought).net, amortising + refi))
    return out


# The debt service cover covenant, tested year by year -----------------------------------------------------

def full_stock_date(sheet) -> dt.date | None:
    """When every home should have been bought and let: the acquisition deadline, or the last drawdown where there
    is none and homes are still to be bought (the money for them is then all in); where nothing is bought but the
    homes are built or converted first, the end of the first year of rent, which is the letting-up year."""
    from assembler.termsheet.co_investment import add_years

    a = sheet.acquisition
    if a.deadline and a.homes_to_acquire:
        return max(let_by(sheet) or a.deadline, a.deadline)  # the letting long-stop: the homes must then be let
    if a.deadline:
        return a.deadline
    if a.homes_to_acquire and sheet.drawdowns:
        return max(d.date for d in sheet.drawdowns)
    if sheet.income.income_starts and sheet.income.income_starts > sheet.partnership.term.start:
        return add_years(sheet.income.income_starts, 1) - dt.timedelta(days=1)
    return None


def let_by(sheet) -> dt.date | None:
    """When every home bought must be refurbished and let: the stated letting long-stop, else six months after the
    acquisition deadline, so that a home bought on the deadline still has the six months the works clause gives it."""
    from assembler.credit.cashflow import add_months

    a = sheet.acquisition
    if a.let_by:
        return a.let_by
    stated = outcome_let_by(sheet)
    if stated:
        return stated
    return add_months(a.deadline, 6) if a.deadline else None


def early_buy_by(sheet) -> dt.date | None:
    """Where the letting long-stop falls on or before the acquisition deadline (a home bought late cannot then be
    refurbished and let in time), the buying deadline that leaves the six months the works clause gives: the draft
    brackets it against the agreed deadline until the Parties choose. None where the dates leave that time."""
    from assembler.credit.cashflow import add_months

    a, last = sheet.acquisition, let_by(sheet)
    if not (a.homes_to_acquire and a.deadline and last) or last > a.deadline:
        return None
    early = add_months(last, -6)
    return early if early_buy_funded(sheet, early) else None


def early_buy_funded(sheet, early: dt.date) -> bool:
    """Whether the cash drawn by the earlier buying deadline buys every home."""
    return affordable_homes(sheet, _cash_by(sheet, early)) >= sheet.acquisition.homes_to_acquire


@dataclass
class EarlyBuyUnfunded:
    date: dt.date  # the earlier buying deadline the letting date would need
    cash: Decimal  # cash drawn by then
    homes: int  # homes that cash buys at the cost cap
    later: list  # drawdowns after that date: (date, contributor, amount)


def early_buy_unfunded(sheet) -> EarlyBuyUnfunded | None:
    """Where the letting long-stop falls on or before the acquisition deadline but the earlier buying deadline it would
    need cannot be funded (capital drawn later is needed to buy the last homes): the draft then requires each home to be
    let within six months after it is bought and leaves the letting date as an outcome target."""
    from assembler.credit.cashflow import add_months

    a, last = sheet.acquisition, let_by(sheet)
    if not (a.homes_to_acquire and a.deadline and last) or last > a.deadline:
        return None
    early = add_months(last, -6)
    if early_buy_funded(sheet, early):
        return None
    cash = _cash_by(sheet, early)
    later = [(d.date, d.contributor, d.amount) for d in sheet.drawdowns if d.date > early]
    return EarlyBuyUnfunded(early, cash, affordable_homes(sheet, cash), later)


_LET_BY_TARGET = re.compile(r"\blet\b[^.;]{0,80}?\bby (\d{1,2} [A-Z][a-z]+ \d{4})")
_BY_DATE = re.compile(r"\bby (\d{1,2} [A-Z][a-z]+ \d{4})")


def outcome_let_by(sheet) -> dt.date | None:
    """The letting date an outcome target states ('18 homes let by 31 March 2028'; 'homes bought, refurbished and
    let: 40 homes by 30 November 2029 and 60 homes by 31 May 2030', whose last date is the one for every home) where
    the sheet gives no acquisition.let_by: the draft's one date for every home to be let, if it falls on or after the
    acquisition deadline (an earlier date is a milestone, not the date for every home). A date on the deadline itself
    leaves a home bought that day no time for its works: the draft still uses it, as the agreed target, and its note
    asks which gives way."""
    a = sheet.acquisition
    if a.let_by or not a.homes_to_acquire:
        return None
    for o in sheet.partnership.outcomes:
        text = f"{o.measure} {o.target}"
        m = _LET_BY_TARGET.search(text)
        if not m:
            continue
        days = []
        for when in _BY_DATE.findall(text[m.start():]):
            try:
                days.append(dt.datetime.strptime(when, "%d %B %Y").date())
            except ValueError:
                continue
        if days and (not a.deadline or max(days) >= a.deadline):
            return max(days)
    return None


def works_deadline(sheet) -> dt.date | None:
    """When the works to the scheduled properties must be finished: the stated date, else the day before rent is
    planned to start, so the works clause and the building programme give one date."""
    a, start = sheet.acquisition, sheet.income.income_starts
    if a.works_complete_by:
        return a.works_complete_by
    if start and sheet.contributions.homes_in_schedule and (a.works_budget or any(
            p.value_after_works for p in sheet.contributions.properties)):
        return start - dt.timedelta(days=1)
    return None


def ltv_test_start(sheet) -> dt.date | None:
    """The first day the loan-to-value covenant is tested: the stated date, else the works deadline (the value is
    then the value of the finished homes, not of the building before works), else from the first drawdown."""
    if sheet.covenants.ltv_tested_from:
        return sheet.covenants.ltv_tested_from
    done = works_deadline(sheet)
    return done + dt.timedelta(days=1) if done else None


def grant_homes(sheet) -> int:
    """The homes the Authority Grant is divided between: the homes it pays for. Where homes are to be bought, those
    homes (the grant buys them; the Authority's own homes carry their value as the undervalue, not grant);
    otherwise the Authority's homes in the property schedule (a building with no homes counting as one)."""
    if grant_buys_homes(sheet):
        return sheet.acquisition.homes_to_acquire
    return sum(max(p.homes, 1) for p in sheet.contributions.authority_properties)


def grant_buys_homes(sheet) -> bool:
    """The Authority Grant is attributed to the homes bought: homes are to be bought and the grant is not for the works
    to the Authority's own properties (the sheet's grant_for, or its description)."""
    return bool(sheet.acquisition.homes_to_acquire) and not sheet.contributions.grant_for_schedule


def grant_per_home(sheet) -> Decimal:
    """The Authority Grant allocated equally to every home it pays for (see grant_homes), so that the whole grant is
    in the Attributable Contributions and the clawback protects it."""
    homes = grant_homes(sheet)
    grant = sheet.contributions.authority_grant
    return pence(grant / homes) if homes and grant else ZERO


def scheduled_grant(sheet) -> Decimal:
    """The share of the Authority Grant each home in the property schedule carries: nil where the grant pays for
    homes to be bought instead."""
    return ZERO if grant_buys_homes(sheet) else grant_per_home(sheet)


def grant_rounding(sheet) -> Decimal:
    """What the rounding of the scheduled grant share leaves over: the Attributable Contribution definition adds it to
    the last home listed, so the schedule's total is the whole grant (nil where the grant buys homes)."""
    each = scheduled_grant(sheet)
    return sheet.contributions.authority_grant - each * grant_homes(sheet) if each else ZERO


def attributable_per_home(sheet, prop) -> Decimal:
    """A scheduled home's Attributable Contribution: its share of the undervalue plus any share of the grant it
    carries (a building with no homes counts as one)."""
    return prop.undervalue_per_home + scheduled_grant(sheet)


@dataclass
class PariPassu:
    """What the charges ranking equally would each take from the proceeds of an enforcement soon after the works,
    on the sheet's figures: an Investor's enforcement is a Clawback Event, so the Authority's Clawback Amount (the
    Attributable Contributions and, on the uplift-share basis, its share of the rise in value) is then due and
    shares in the proceeds with the Investor Charges."""
    capital: Decimal  # the Investment Capital the Investor Charges secure (fully drawn)
    contributions: Decimal  # the Attributable Contributions of every home (the Authority's net contribution)
    uplift: Decimal  # the Authority's share of the rise in value at the value after the works
    value: Decimal  # the value of the charged property after the works
    uplift_after: bool  # the uplift share ranks after the Investor Charges on an Investor's enforcement

    @property
    def claim(self) -> Decimal:
        """The Authority's claim ranking equally with the Investor Charges."""
        return self.contributions + (ZERO if self.uplift_after else self.uplift)

    def share(self, claim: Decimal) -> Decimal:
        return self.capital / (self.capital + claim) if self.capital + claim else ZERO

    @property
    def recovered(self) -> Decimal:
        """What the Investor Charges would recover, pro rata, from the whole value."""
        return pence(self.value * self.share(self.claim))

    @property
    def recovered_with_uplift(self) -> Decimal:
        """What they would recover if the uplift share ranked equally too (the draft before the fix)."""
        return pence(self.value * self.share(self.contributions + self.uplift))

    @property
    def percent(self) -> Decimal:
        return (self.share(self.claim) * 100).quantize(Decimal("0.1"))

    @property
    def secured_ltv(self) -> Decimal | None:
        """The Investment Capital against what the Investor Charges would recover: the loan to value the Fund in
        fact has, where the 60% covenant measures the capital against the whole value."""
        return (self.capital / self.recovered * 100).quantize(Decimal("1")) if self.recovered else None


def pari_passu(sheet) -> PariPassu | None:
    """The dilution of the Investor Charges by the Authority's charge ranking equally (None on other rankings)."""
    c = sheet.contributions
    if sheet.positions.get("security_ranking") != "pari-passu" or not sheet.security.investor_charge or not c.investments:
        return None
    contributions = sum((attributable_per_home(sheet, p) * max(p.homes, 1) for p in c.authority_properties), ZERO)
    if not scheduled_grant(sheet):  # the grant is in the homes bought, the whole of it whatever the rounding
        contributions += c.authority_grant
    value = property_value(sheet)
    uplift = ZERO
    if sheet.positions.get("clawback_basis") == "uplift-share" and sheet.clawback.uplift_share:
        rise = sum((max((p.value_after_works or p.valuation) - p.valuation, ZERO) for p in c.authority_properties), ZERO)
        uplift = pence(rise * _pct(sheet.clawback.uplift_share))
    return PariPassu(sum((i.amount for i in c.investments), ZERO), pence(contributions), uplift, value,
                     sheet.positions.get("clawback_basis") == "uplift-share")


@dataclass
class AuthorityFirst:
    """The Authority's charge for the clawback ranks ahead of every Investor Charge: an Investor's enforcement is a
    Clawback Event, so the whole Clawback Amount is paid out of the proceeds before the Investors. The figures the
    loan-to-value and step-in notes give, at the value after the works (on the sheet's basis, often vacant possession)."""
    clawback: Decimal  # the most the Authority's charge secures: the Attributable Contributions of every home
    tested: Decimal  # the Investment Capital the loan-to-value test measures
    capital: Decimal  # every Investor's capital
    value: Decimal  # the charged properties' value after the works

    def _pct(self, amount: Decimal) -> Decimal | None:
        return (amount / self.value * 100).quantize(Decimal("1")) if self.value else None

    @property
    def tested_ltv(self) -> Decimal | None:
        """The clawback and the tested capital together, as a % of the value."""
        return self._pct(self.clawback + self.tested)

    @property
    def all_ltv(self) -> Decimal | None:
        """The clawback and every Investor's capital together, as a % of the value."""
        return self._pct(self.clawback + self.capital)

    @property
    def left_for_investors(self) -> Decimal:
        """What the value leaves for the Investor Charges after the clawback is paid."""
        return max(self.value - self.clawback, ZERO)

    @property
    def step_in_short(self) -> bool:
        """The step-in price (the greater of value less clawback and the debt) is the debt, so a Substitute Provider
        would pay more than the value less the clawback its homes still carry."""
        return self.value - self.clawback < self.capital


def authority_first(sheet) -> AuthorityFirst | None:
    """The Authority's first-ranking clawback charge against the Investors' security (None on other rankings)."""
    c = sheet.contributions
    if sheet.positions.get("security_ranking") != "authority-first" or not sheet.security.investor_charge \
            or not c.investments or not c.authority_properties:
        return None
    clawback = sum((p.undervalue for p in c.authority_properties), ZERO) + c.authority_grant  # as Schedule 1 totals it
    lent, value, _ = full_ltv(sheet)
    return AuthorityFirst(pence(clawback), lent, sum((i.amount for i in c.investments), ZERO), value)


def attributable_over(sheet) -> list[tuple]:
    """The Authority's properties whose homes each carry an Attributable Contribution above their share of the
    valuation: (property, Attributable Contribution a home, valuation a home). A Clawback Event on one of them costs
    more than the home is worth."""
    out = []
    for p in sheet.contributions.authority_properties:
        if p.homes:
            each = attributable_per_home(sheet, p)
            value = pence(p.valuation / p.homes)
            if each > value:
                out.append((p, each, value))
    return out


def lease_ends(sheet) -> dict[str, dt.date]:
    """The last day of each lease the Authority grants, counted from the start of the term: a lease as long as the
    term ends with it, so the lease, the Partnership Term and the reversion share one date."""
    from assembler.termsheet.co_investment import add_years

    return {p.address: add_years(sheet.partnership.term.start, p.lease_years) - dt.timedelta(days=1)
            for p in sheet.contributions.authority_properties if p.tenure == "leasehold" and p.lease_years}


def tested_from_year_end(sheet) -> bool:
    """The stated first cover test date is the last day of a Partnership Year (31 March, for a term starting 1 April):
    the first Test Year is then the Partnership Year ending on it, in step with the Partnership Years in which
    instalments are paid, not a year starting on it one day out of step."""
    stated, start = sheet.covenants.dscr_tested_from, sheet.partnership.term.start
    if not stated:
        return False
    after = stated + dt.timedelta(days=1)
    return (after.month, after.day) == (start.month, start.day) and after > start


def cover_test_start(sheet) -> dt.date:
    """The first day of the first Test Year: the stated date, else the day after the full-stock date, so that the
    covenant is not tested while the homes are still being bought and let; else the start of the term."""
    from assembler.termsheet.co_investment import add_years

    stated = sheet.covenants.dscr_tested_from
    if stated:
        return add_years(stated + dt.timedelta(days=1), -1) if tested_from_year_end(sheet) else stated
    full = full_stock_date(sheet)
    return full + dt.timedelta(days=1) if full else sheet.partnership.term.start


def homes_bought_by(sheet, day: dt.date) -> int:
    """Homes bought by `day`: no more than the cash drawn by then buys, and no more than a straight-line
    acquisition from the first drawdown to the acquisition deadline would have bought (the ramp-up)."""
    a = sheet.acquisition
    by_cash = affordable_homes(sheet, _cash_by(sheet, day))
    if not a.deadline or not a.homes_to_acquire:
        return by_cash
    first = min((d.date for d in sheet.drawdowns), default=sheet.partnership.term.start)
    if day >= a.deadline:
        return by_cash
    if day <= first:
        return 0
    ramp = int(a.homes_to_acquire * (day - first).days / (a.deadline - first).days)
    return min(by_cash, ramp)


def service_in(sheet, investments, begin: dt.date, end: dt.date) -> Decimal:
    """Return and capital falling due to `investments` in [begin, end): each instalment dated in the period, or
    (before instalments start, or for capital repaid in one sum) a year's return on the capital drawn by `begin`."""
    by_name = services(sheet)
    total = ZERO
    for inv in investments:
        s = by_name[inv.investor]
        due = [p for p in s.payment_dates if begin <= p < end]
        if inv.repayment == "amortising" and due:
            total += s.yearly_payment * len(due)
        elif inv.repayment == "amortising" and s.payment_dates and begin > s.payment_dates[-1]:
            continue
        elif begin < s.maturity:
            total += pence(_drawn_by(sheet, inv.investor, begin) * _pct(inv.return_rate))
    return total


@dataclass
class CovenantYear:
    start: dt.date
    homes: int
    net: Decimal
    service: Decimal

    @property
    def cover(self) -> Decimal | None:
        return cover(self.net, self.service)


def covenant_years(sheet) -> list[CovenantYear]:
    """Each Test Year of the debt service cover covenant, from its first day to the end of the term: the homes
    bought by the start of the year (let all year), the income after costs and the reserve, and the debt service
    on the tested investments falling due in the year."""
    from assembler.termsheet.co_investment import add_years

    if not sheet.income.given or sheet.covenants.min_dscr is None:
        return []
    start, tested, rows, y = cover_test_start(sheet), covered(sheet), [], 0
    while add_years(start, y) < sheet.partnership.term.end and y < 60:
        begin, end = add_years(start, y), add_years(start, y + 1)
        bought = homes_bought_by(sheet, begin)
        service = service_in(sheet, tested, begin, end)
        if service:
            rows.append(CovenantYear(begin, sheet.contributions.homes_in_schedule + bought,
                                 year_income(sheet, bought).net, service))
        y += 1
    return rows


def leases_ending_with_term(sheet) -> list[str]:
    """The leased properties whose lease ends no more than a year after the term: the property goes back to the
    Authority at the end, so the end-of-term route is a reversion, not the delivery body keeping the homes."""
    from assembler.termsheet.co_investment import add_years

    limit = add_years(sheet.partnership.term.end, 1)
    return [address for address, end in lease_ends(sheet).items() if end <= limit]


@dataclass
class EarlyInstalments:
    investor: str
    index: int
    first: dt.date
    yearly: Decimal
    homes: int
    every: int


def early_instalments(sheet) -> list[EarlyInstalments]:
    """Fixed-return investments repaid by instalments that start before every home is bought and let: the
    instalments then fall on a part-let portfolio, which the rule and the drafting note both report."""
    full = full_stock_date(sheet)
    if full is None or not sheet.income.given:
        return []
    out = []
    for i, (inv, s) in enumerate(zip(sheet.contributions.investments, debt_service(sheet))):
        if inv.return_basis == "fixed" and inv.repayment == "amortising" and s.payment_dates and s.payment_dates[0] <= full:
            first = s.payment_dates[0]
            out.append(EarlyInstalments(inv.investor, i, first, s.yearly_payment,
                                        sheet.contributions.homes_in_schedule + homes_bought_by(sheet, first),
                                        sheet.contributions.homes_in_schedule + sheet.acquisition.homes_to_acquire))
    return out


# Everything together, for the clauses and the review pack ------------------------------------------------------

@dataclass
class CreditView:
    given: bool
    sources_uses: SourcesUses
    drawdowns: list[DrawdownCheck]
    full: tuple
    stabilised: YearIncome | None
    service: Decimal
    dscr: Decimal | None
    pre_income: Decimal
    years: list[WaterfallYear] = field(default_factory=list)
    stresses: list[Stress] = field(default_factory=list)
    homes_affordable: int = 0
    test_start: dt.date | None = None
    test_years: list[CovenantYear] = field(default_factory=list)
    works_deadline: dt.date | None = None
    let_by: dt.date | None = None
    outcome_let_by: dt.date | None = None
    early_buy_by: dt.date | None = None  # see early_buy_by(): the bracketed earlier buying deadline
    early_unfunded: EarlyBuyUnfunded | None = None  # see early_buy_unfunded()
    ltv_conditions: list = field(default_factory=list)
    mix: MixSensitivity | None = None
    criteria_mix: CriteriaMix | None = None
    bought_rent: Decimal | None = None  # weekly rent assumed for each bought home
    flat_cover: Decimal | None = None  # base-case cover if every home were let at income.rent_per_home_week
    ltv_start: dt.date | None = None
    grant_per_home: Decimal = ZERO
    grant_homes: int = 0
    scheduled_grant: Decimal = ZERO  # the grant each home in the property schedule carries (nil if it buys homes)
    grant_rounding: Decimal = ZERO  # the rounding difference the last scheduled home carries on top of its share
    attributable: dict = field(default_factory=dict)
    lease_ends: dict = field(default_factory=dict)
    leases_ending_with_term: list = field(default_factory=list)
    early_instalments: list = field(default_factory=list)
    full_stock: dt.date | None = None
    tested: list = field(default_factory=list)  # the investments the covenants test (covered)
    pari_passu: PariPassu | None = None  # the dilution of the Investor Charges by a charge ranking equally
    authority_first: AuthorityFirst | None = None  # the Authority's first-ranking clawback against the Investors' security
    attributable_over: list = field(default_factory=list)  # (property, per home) whose homes carry more than their value
    bullet_shortfalls: list = field(default_factory=list)  # (investment, income left, shortfall) for capital due in one sum
    refinancings: list = field(default_factory=list)  # Refinancing: each shortfall on the sheet's refinancing terms
    affordability: list = field(default_factory=list)  # AffordabilityTarget: rent-to-pay outcomes promised for every tenant
    cashflow: object | None = None  # the one cash-flow model (assembler/credit/cashflow.py): CashFlowView
    early_payments: list = field(default_factory=list)  # fixed payments due before the year's income can meet them
    first_instalment_cuts: dict = field(default_factory=dict)  # investor -> reduction of its first instalment
    pre_income_split: list = field(default_factory=list)  # [(date, amount)] the pre-rent return is paid in
    return_only: dict = field(default_factory=dict)  # investor -> [(date, amount)] of return-only payments
    capped_shares: list = field(default_factory=list)  # capped shares of what remains: see capped_shares()
    surplus_from: tuple | None = None  # (first Partnership Year with a Partnership Surplus or None, its amount): see surplus_from()
    reserve_years: dict = field(default_factory=dict)  # investor -> (first, last) Partnership Year start paying the reserve


def reserve_years(sheet) -> dict:
    """For capital repaid in one sum: the first and last Partnership Years (by their start dates) out of whose Gross
    Income the yearly payments into the Capital Repayment Reserve are made, the years in which the anniversaries of
    the last drawdown fall, as the cash-flow model pays them. Schedule 3 states the payment by Partnership Year, not
    as due on a date early in one (r23 ci-sample 6)."""
    from assembler.termsheet.co_investment import add_years

    start = sheet.partnership.term.start

    def year_of(day: dt.date) -> dt.date:
        y = day.year - start.year
        while add_years(start, y) > day:
            y -= 1
        while add_years(start, y + 1) <= day:
            y += 1
        return add_years(start, y)

    out = {}
    for inv in sheet.contributions.investments:
        s = inv.service
        if inv.repayment != "at_end" or s is None or s.years < 1:
            continue
        out[inv.investor] = (year_of(add_years(s.last_drawdown, 1)), year_of(add_years(s.last_drawdown, s.years)))
    return out


def bullet_shortfalls(sheet, years: list) -> list[tuple]:
    """Capital due in one sum that the Capital Repayment Reserve does not hold in full on its Maturity Date, on the
    business plan run through the Schedule 3 order: (investment, reserve balance then, shortfall), the figures the
    waterfall and default notes give. `years` only says whether the income is given (empty if not)."""
    from assembler.credit.cashflow import model

    if not years:
        return []
    rows = model(sheet)
    out = []
    for i in sheet.contributions.investments:
        if i.repayment != "at_end":
            continue
        short = next((r.short[i.investor] for r in rows if i.investor in r.short), None)
        if short:
            out.append((i, i.amount - short, short))
    return out


@dataclass
class Refinancing:
    """Capital due in one sum that the business plan leaves to a refinancing, tested on the sheet's refinancing terms
    against the income the governance clause's test allows (what is left after the earlier waterfall steps)."""
    investment: object
    amount: Decimal  # the shortfall to be refinanced
    rate: Decimal
    years: int
    cost: Decimal  # the equal yearly payment of capital and interest on those terms
    left: Decimal  # a full year's net income, every home let, less the other investments' yearly payments

    @property
    def fails(self) -> bool:
        return self.cost > self.left


def refinancings(sheet, shortfalls: list) -> list[Refinancing]:
    """Each shortfall in `shortfalls` (bullet_shortfalls) refinanced at income.refinancing_rate over
    income.refinancing_years, against the income left on the business plan (flat rents and costs)."""
    from assembler.termsheet.co_investment import yearly_instalment

    if not shortfalls:
        return []
    stabilised = year_income(sheet, affordable_homes(sheet, sheet.contributions.cash_total))
    inc = sheet.income
    out = []
    for inv, _, short in shortfalls:
        others = [i for i in sheet.contributions.investments if i.investor != inv.investor]
        left = max(stabilised.net - yearly_debt_service(sheet, others), ZERO)
        out.append(Refinancing(inv, short, inc.refinancing_rate, inc.refinancing_years,
                               pence(yearly_instalment(short, inc.refinancing_rate, inc.refinancing_years)), pence(left)))
    return out


_SHARE_OF_PAY = re.compile(r"(\d+(?:\.\d+)?)\s*%")


@dataclass
class AffordabilityTarget:
    """An outcome that caps rent as a share of every tenant's pay or income, against the lowest rent the business plan
    sets: the take-home pay a tenant needs for that rent to meet it."""
    measure: str
    target: str
    percent: Decimal
    weekly_rent: Decimal  # the lowest rent a week in the business plan
    monthly_rent: Decimal
    pay_needed: Decimal  # take-home pay a month at which the lowest rent is exactly that share


def affordability_targets(sheet) -> list[AffordabilityTarget]:
    """Outcomes such as 'rent no more than 35% of take-home pay for every tenant household': a landlord cannot promise
    it for every household, since rents are set by the home and pay varies, so the outcomes note gives the figures."""
    inc = sheet.income
    rents = [r for r in [*inc.rent_by_bedrooms.values(), inc.rent_per_home_week] if r]
    if not rents:
        return []
    low = min(rents)
    out = []
    for k in sheet.partnership.outcomes:
        words = f"{k.measure} {k.target}".lower()
        m = _SHARE_OF_PAY.search(k.target or "")
        if m and "rent" in words and any(w in words for w in ("pay", "income", "earnings", "wage")) \
                and any(w in words for w in ("every", "each", "all ")):
            pct = Decimal(m.group(1))
            if pct:
                monthly = pence(low * WEEKS / 12)
                out.append(AffordabilityTarget(k.measure, k.target, pct, low, monthly, pence(monthly * 100 / pct)))
    return out


@dataclass
class EarlyPayment:
    investor: str
    due: dt.date
    amount: Decimal
    year_start: dt.date  # the Partnership Year in which it falls due
    income_by: Decimal  # the Gross Income after Operating Costs and the Repairs Reserve received in that year by then


def early_payments(sheet) -> list[EarlyPayment]:
    """Fixed returns and instalments falling due so early in a Partnership Year that the Gross Income of that year
    received by their date (after Operating Costs and the Repairs Reserve, with the homes bought by the start of
    the year let all year, received evenly) cannot pay them: Schedule 3 then needs the Debt Service Retention."""
    from assembler.termsheet.co_investment import add_years

    if not sheet.income.given:
        return []
    by_name, start, out = services(sheet), sheet.partnership.term.start, []
    for inv in sheet.contributions.investments:
        s = by_name[inv.investor]
        if inv.return_basis != "fixed" or inv.repayment != "amortising":
            continue
        previous = None
        for day in [*s.return_dates, *s.payment_dates]:
            if day in s.return_dates:  # return only, simple and daily, on capital drawn, since its drawdown
                amount, previous = return_accrued(sheet, inv, previous, day), day
            else:
                amount = s.yearly_payment - (first_instalment_reduction(sheet, inv) if day == s.payment_dates[0] else ZERO)
            if day < start:
                continue
            y = day.year - start.year - (1 if (day.month, day.day) < (start.month, start.day) else 0)
            begin = add_years(start, y)
            income_by = income_received(sheet, begin, day)
            if amount > income_by:
                out.append(EarlyPayment(inv.investor, day, amount, begin, income_by))
    return out


def return_accrued(sheet, inv, since: dt.date | None, day: dt.date) -> Decimal:
    """Return at the investment's rate, simple and daily on a 365-day year, on each drawdown of it from its date (or
    `since`, if later) to `day`: the return-only payment before instalments that Schedule 1 describes."""
    total = ZERO
    for d in sheet.drawdowns:
        if d.contributor != inv.investor:
            continue
        begin = max(d.date, since) if since else d.date
        if begin < day:
            total += d.amount * _pct(inv.return_rate) * (day - begin).days / 365
    return pence(total)


def return_only_payments(sheet) -> dict:
    """Each amortising investment's return-only payments before its instalments, on the Drawdown Timetable."""
    out = {}
    for inv in sheet.contributions.investments:
        s = services(sheet)[inv.investor]
        if inv.repayment != "amortising" or not s.payment_dates:
            continue
        rows, previous = [], None
        for day in s.return_dates:
            rows.append((day, return_accrued(sheet, inv, previous, day)))
            previous = day
        out[inv.investor] = rows
    return out


def pre_income_split(sheet) -> list[tuple]:
    """The payments of return the pre-rent return (pre_income_return) falls in, as (date, amount): each return-only
    payment due on or before rent starts in full, and the balance, accrued from the last of them to the day rent
    starts, with the next payment. Only where one investor has a fixed return on capital drawn before rent starts;
    otherwise empty (the clause then speaks generally)."""
    start, total = sheet.income.income_starts, pre_income_return(sheet)
    fixed = {i.investor for i in sheet.contributions.investments if i.return_basis == "fixed"}
    early = {d.contributor for d in sheet.drawdowns if d.contributor in fixed and start and d.date < start}
    if not total or len(early) != 1:
        return []
    rows = return_only_payments(sheet).get(next(iter(early)))
    if rows is None:
        return []
    s = services(sheet)[next(iter(early))]
    out = [(day, amount) for day, amount in rows if day <= start]
    rest = total - sum((a for _, a in out), ZERO)
    later = sorted(d for d in [*s.return_dates, *s.payment_dates] if d > start)
    if rest > ZERO and later:
        out.append((later[0], rest))
    elif rest < ZERO:
        return []
    return out


def first_instalment_reduction(sheet, inv) -> Decimal:
    """The yearly instalments are worked out on the whole capital from the start of the period the first one covers;
    capital drawn after that start earns no return before its drawdown, so the first instalment is reduced by return
    at the rate on it for those days (Schedule 1 says so)."""
    s = services(sheet)[inv.investor]
    if inv.repayment != "amortising" or not s.payment_dates or not s.annuity_start:
        return ZERO
    late = [d for d in sheet.drawdowns if d.contributor == inv.investor and d.date > s.annuity_start]
    return pence(sum((d.amount * _pct(inv.return_rate) * (d.date - s.annuity_start).days / 365 for d in late), ZERO))


def income_received(sheet, begin: dt.date, day: dt.date) -> Decimal:
    """Gross Income after Operating Costs and the Repairs Reserve received from `begin` to `day` on the business plan:
    the homes bought by each month's start let for that month, nothing before rent starts."""
    from assembler.credit.cashflow import add_months

    start = max(begin, sheet.income.income_starts or begin)
    total, t = ZERO, start
    while t < day:
        nxt = min(add_months(t, 1), day)
        net = year_income(sheet, homes_bought_by(sheet, t)).net
        total += max(net, ZERO) * (nxt - t).days / 365
        t = nxt
    return pence(total)


def capped_shares(sheet) -> list[tuple]:
    """Each capped share of what remains on the business plan run through the Schedule 3 order: (investment, the
    total paid over the term, the most it could have been paid, the start of the first Partnership Year in which it
    is not paid in full or None, and where it is not, the alternative order's figures from _share_first), the
    figures the waterfall and returns notes give."""
    from assembler.credit.cashflow import model

    if not sheet.income.given:
        return []
    rows, out = model(sheet), []
    for i in sheet.contributions.investments:
        if i.return_basis != "capped_surplus_share":
            continue
        paid = sum((r.shares[i.investor][0] for r in rows if i.investor in r.shares), ZERO)
        cap = sum((r.shares[i.investor][1] for r in rows if i.investor in r.shares), ZERO) if not i.cumulative else \
            pence(i.amount * i.return_rate / 100 * sum(1 for r in rows if i.investor in r.shares))
        short = next((r.start for r in rows if i.investor in r.shares and r.shares[i.investor][0] < r.shares[i.investor][1]), None)
        out.append((i, paid, cap, short, _share_first(sheet, i) if short else None))
    return out


def _share_first(sheet, i) -> dict:
    """The alternative order for the note to put to the Parties: the capped share of `i` paid before the Capital
    Repayment Reserve. What it would then be paid over the term, and what the reserve would be short of the capital
    due in one sum at each Maturity Date (in total)."""
    from assembler.credit.cashflow import Case, model

    rows = model(sheet, Case(), True)
    paid = sum((r.shares[i.investor][0] for r in rows if i.investor in r.shares), ZERO)
    short = sum((v for r in rows for v in r.short.values()), ZERO)
    return {"paid": paid, "reserve_short": short}


def surplus_from(sheet) -> tuple | None:
    """When the business plan, run through the Schedule 3 order, first leaves a Partnership Surplus for the agreed
    uses: (the start of the first Partnership Year from which every year has a surplus of at least 1% of its Gross
    Income, or None if none does, that year's surplus, the model's row for the first year with every home let). None where the sheet gives no income. A surplus of a few
    pounds in one year (rounding at a maturity) does not count."""
    from assembler.credit.cashflow import model

    if not sheet.income.given:
        return None
    rows = model(sheet)
    first = None
    for r in rows:
        if r.gross > 0 and r.surplus >= r.gross / 100:
            first = first or r
        else:
            first = None
    full = full_stock_date(sheet)
    # A year with every home let, for the note's figures: the first that starts after the homes are all let.
    typical = next((r for r in rows if full and r.start > full), None)
    return (first.start if first else None, first.surplus if first else ZERO, typical)


def flat_cover(sheet, bought_homes: int, service: Decimal) -> Decimal | None:
    """Where the sheet gives both bedroom rents (used for the scheduled homes) and one rent per home, the base-case
    cover if every home were let at that one rent: the other reading of the rent roll, for the notes to state."""
    inc = sheet.income
    if inc.rent_per_home_week is None or not inc.rent_by_bedrooms or not sheet.contributions.homes_in_schedule:
        return None
    homes = sheet.contributions.homes_in_schedule + bought_homes
    gross = pence(inc.rent_per_home_week * homes * WEEKS * (1 - _pct(inc.voids_percent)))
    if inc.operating_cost_per_home is not None:
        costs = inc.operating_cost_per_home * homes
    else:
        costs = gross * _pct(inc.operating_cost_percent or ZERO)
    reserve = pence(gross * _pct(sheet.surplus.reserve_percent))
    return cover(gross - pence(costs) - reserve, service)


@per_sheet
def credit_view(sheet) -> CreditView:
    given = sheet.income.given
    bought = affordable_homes(sheet, sheet.contributions.cash_total)
    stabilised = year_income(sheet, bought) if given else None
    service = yearly_debt_service(sheet)
    # The waterfall and the reserve shortfalls it shows are worked out once: the view, the shortfalls and the
    # refinancing test all read the same years.
    years = waterfall_years(sheet) if given else []
    shortfalls = bullet_shortfalls(sheet, years)
    return CreditView(
        given=given, sources_uses=sources_and_uses(sheet), drawdowns=drawdown_checks(sheet), full=full_ltv(sheet),
        stabilised=stabilised, service=service, dscr=cover(stabilised.net, service) if stabilised else None,
        pre_income=pre_income_return(sheet), years=years,
        stresses=stress_cases(sheet) if given else [], homes_affordable=bought, test_start=cover_test_start(sheet),
        test_years=covenant_years(sheet) if given else [], works_deadline=works_deadline(sheet), let_by=let_by(sheet), outcome_let_by=outcome_let_by(sheet),
        early_buy_by=early_buy_by(sheet), early_unfunded=early_buy_unfunded(sheet),
        ltv_conditions=ltv_conditions(sheet), mix=mix_sensitivity(sheet), criteria_mix=criteria_mix_view(sheet),
        bought_rent=bought_rent(sheet), flat_cover=flat_cover(sheet, bought, service) if given else None,
        ltv_start=ltv_test_start(sheet), grant_per_home=grant_per_home(sheet),
        grant_homes=grant_homes(sheet), scheduled_grant=scheduled_grant(sheet), grant_rounding=grant_rounding(sheet),
        attributable={p.address: attributable_per_home(sheet, p) for p in sheet.contributions.authority_properties},
        lease_ends=lease_ends(sheet), leases_ending_with_term=leases_ending_with_term(sheet),
        early_instalments=early_instalments(sheet), full_stock=full_stock_date(sheet),
        tested=covered(sheet), pari_passu=pari_passu(sheet), authority_first=authority_first(sheet),
        attributable_over=attributable_over(sheet),
        cashflow=_cashflow(sheet), bullet_shortfalls=shortfalls, refinancings=refinancings(sheet, shortfalls),
        affordability=affordability_targets(sheet), early_payments=early_payments(sheet),
        first_instalment_cuts={i.investor: c for i in sheet.contributions.investments
                               if (c := first_instalment_reduction(sheet, i))},
        return_only=return_only_payments(sheet), pre_income_split=pre_income_split(sheet),
        capped_shares=capped_shares(sheet), surplus_from=surplus_from(sheet), reserve_years=reserve_years(sheet))


def _cashflow(sheet):
    from assembler.credit.cashflow import cashflow_view

    return cashflow_view(sheet)
