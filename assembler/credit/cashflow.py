"""One cash-flow model of a co-investment deal, month by month, that follows the draft's own payment rules.

The review pack's waterfall, its Test Year cover, its stress cases and its scenarios are all cut from this one
model, so that no two numbers in the pack rest on different assumptions:

- rent from a home bought in a month starts the month after, at the acquisition pace the covenant test uses
  (no faster than the cash drawn and a straight line to the acquisition deadline);
- a loan repaid by instalments earns return on the capital drawn until one year before its first instalment,
  paid yearly in arrear up to that date (the part before rent starts is paid from capital, as sources and uses
  shows), then the
  instalments on their dates (Schedule of Contributions);
- the Gross Income of each Partnership Year is applied in the waterfall's order; a fixed return or instalment not
  paid is carried forward with return at its rate and paid before any later item; a share of what remains is
  paid only once those arrears are cleared; the Capital Repayment Reserve is its own step, and capital due in one
  sum is repaid from it in its year, the balance refinanced and serviced from the next year (Schedule 3).

Pure functions of the term sheet and a `Case` (the stress); nothing here prints."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field, replace
from decimal import Decimal

from assembler.credit import co_investment as credit
from assembler.credit.memo import per_sheet
from assembler.formatting import pence

ZERO = Decimal(0)
COST_INFLATION = Decimal(3)  # % a year: the indexed-costs case (rents held flat, as a frozen housing allowance)


@dataclass(frozen=True)
class Case:
    """A stress on the base case: voids and bad debt (% of the rent roll), a cut in rents (%), a rise in operating
    costs (%), costs rising each year against rents flat or rising at the assumed rent review (% a year), and drawdowns that never arrive (their indexes)."""

    label: str = "Base case"
    voids: Decimal | None = None
    rent_cut: Decimal = ZERO
    cost_rise: Decimal = ZERO
    cost_index: Decimal = ZERO
    rent_index: Decimal = ZERO
    missing: tuple[int, ...] = ()


def add_months(day: dt.date, months: int) -> dt.date:
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)


def _drawdowns(sheet, case: Case) -> list:
    return [d for i, d in enumerate(sheet.drawdowns) if i not in case.missing]


def cash_by(sheet, day: dt.date, case: Case = Case()) -> Decimal:
    return sum((d.amount for d in _drawdowns(sheet, case) if d.date <= day), ZERO)


def homes_bought_by(sheet, day: dt.date, case: Case = Case()) -> int:
    """Homes bought before `day`: no more than the cash drawn before then buys at the all-in cost, and no more than
    the straight-line pace from the first drawdown to the acquisition deadline (the covenant test's ramp)."""
    a = sheet.acquisition
    by_cash = credit.affordable_homes(sheet, cash_by(sheet, day - dt.timedelta(days=1), case))
    if not a.deadline or not a.homes_to_acquire:
        return by_cash
    return min(by_cash, pace(sheet, day))


def pace(sheet, day: dt.date) -> int:
    """Homes the straight-line acquisition timetable has bought before `day`, whatever the cash."""
    a = sheet.acquisition
    if not a.homes_to_acquire:
        return 0
    if not a.deadline:
        return a.homes_to_acquire
    first = min((d.date for d in sheet.drawdowns), default=sheet.partnership.term.start)
    if day > a.deadline:
        return a.homes_to_acquire
    if day <= first:
        return 0
    return int(a.homes_to_acquire * (day - first).days / (a.deadline - first).days)


def pace_reaches(sheet, homes: int) -> dt.date | None:
    """The day the straight-line timetable buys its `homes`th home."""
    a = sheet.acquisition
    if not a.deadline or not a.homes_to_acquire or homes > a.homes_to_acquire:
        return None
    first = min((d.date for d in sheet.drawdowns), default=sheet.partnership.term.start)
    days = -(-(a.deadline - first).days * homes // a.homes_to_acquire)
    return first + dt.timedelta(days=days)


# Money in: a month at a time -------------------------------------------------------------------------------

@dataclass
class Month(credit.NetIncome):
    start: dt.date
    homes: int
    gross: Decimal
    costs: Decimal
    reserve: Decimal


@per_sheet
def months(sheet, case: Case = Case()) -> list[Month]:
    """Each month of the term: homes earning rent, rent collected, operating costs and the repairs reserve."""
    start = sheet.income.income_starts or sheet.partnership.term.start
    out, twelve, incomes, monthly = [], Decimal(12), {}, {}
    for begin, bought in _ramp(sheet, case.missing):
        if bought is None:
            out.append(Month(begin, 0, ZERO, ZERO, ZERO))
            continue
        years = (begin - start).days // 365
        if (bought, years) not in monthly:  # a month's figures for so many homes in that year, worked out once
            if bought not in incomes:
                incomes[bought] = credit.year_income(sheet, bought, voids=case.voids, rent_cut=case.rent_cut,
                                                     cost_rise=case.cost_rise)
            y, index = incomes[bought], (1 + case.cost_index / 100) ** years
            rents = (1 + case.rent_index / 100) ** years
            monthly[bought, years] = (y.homes, y.gross * rents / twelve, y.costs * index / twelve, y.reserve / twelve)
        out.append(Month(begin, *monthly[bought, years]))
    return out


@per_sheet
def _ramp(sheet, missing: tuple[int, ...]) -> list[tuple[dt.date, int | None]]:
    """Each month's first day and the homes bought before it (None before rent starts), with the drawdowns
    `missing` never paid: the same for every stress on rents and costs, so worked out once for them all."""
    term, start = sheet.partnership.term, sheet.income.income_starts or sheet.partnership.term.start
    case, out, k = Case(missing=missing), [], 0
    while (begin := add_months(term.start, k)) <= term.end:
        out.append((begin, homes_bought_by(sheet, begin, case) if begin >= start else None))
        k += 1
    return out


# Money out: what falls due, dated ----------------------------------------------------------------------------

@dataclass
class Due:
    day: dt.date
    investor: str
    amount: Decimal
    kind: str  # "return before instalments", "instalment", "return"


@per_sheet
def senior_due(sheet, case: Case = Case()) -> list[Due]:
    """The fixed-return investments' payments falling due from rent, dated by the draft's rule."""
    return _dues(sheet, case, frozenset(i.investor for i in sheet.contributions.investments if i.return_basis == "fixed"))


@per_sheet
def scheduled_due(sheet, case: Case = Case()) -> list[Due]:
    """The Scheduled Debt Service as the covenant counts it: the payments falling due to each investment the
    covenants test, by the same dating rule, a target return or a share of what remains counted at its full rate
    (the waterfall pays those only from what is left, so the model does not take them as senior debt)."""
    return _dues(sheet, case, frozenset(i.investor for i in credit.covered(sheet)))


def _dues(sheet, case: Case, investors: frozenset) -> list[Due]:
    """The payments falling due from rent to `investors`, dated by the draft's rule."""
    from assembler.termsheet.co_investment import add_years  # imported here, as co_investment.py does

    start = sheet.income.income_starts or sheet.partnership.term.start
    services = credit.services(sheet)
    out = []
    for inv in sheet.contributions.investments:
        if inv.investor not in investors:
            continue
        s, rate = services[inv.investor], inv.return_rate / 100
        mine = [d for d in _drawdowns(sheet, case) if d.contributor == inv.investor]
        if inv.repayment == "amortising" and s.payment_dates:
            previous = None
            for paid_on in s.return_dates:  # return only, yearly in arrear, for the period since the last date
                since = [max(d.date, start, previous or d.date) for d in mine]
                accrued = sum((d.amount * rate * (paid_on - f).days / 365
                               for d, f in zip(mine, since) if f < paid_on), ZERO)
                if accrued:
                    out.append(Due(paid_on, inv.investor, pence(accrued), "return before instalments"))
                previous = paid_on
            drawn = sum((d.amount for d in mine), ZERO)
            payment = s.yearly_payment if drawn == inv.amount else pence(s.yearly_payment * drawn / inv.amount)
            cut = credit.first_instalment_reduction(sheet, inv) if drawn == inv.amount else ZERO
            out += [Due(p, inv.investor, payment - (cut if k == 0 else ZERO), "instalment")
                    for k, p in enumerate(s.payment_dates)]
        else:
            first = min((d.date for d in mine), default=start)
            k = 1
            while (day := add_years(first, k)) <= s.maturity:
                drawn = sum((d.amount for d in mine if d.date < day), ZERO)
                out.append(Due(day, inv.investor, pence(drawn * rate), "return"))
                k += 1
    return sorted(out, key=lambda d: d.day)


# The waterfall, a Partnership Year at a time ------------------------------------------------------------------

@dataclass
class ModelYear(credit.NetIncome):
    year: int
    start: dt.date
    homes: int
    gross: Decimal
    costs: Decimal
    reserve: Decimal
    senior_due: Decimal  # fixed return and instalments falling due in the year (each once)
    arrears_brought: Decimal  # unpaid fixed payments carried in, with a year's return on them
    senior_paid: Decimal
    arrears: Decimal  # carried out of the year
    junior: Decimal  # shares of what remains / target returns paid
    reserve_due: Decimal  # Capital Repayment Reserve payments due (with any carried in)
    reserve_paid: Decimal
    reserve_balance: Decimal
    repaid: Decimal  # capital due in one sum repaid in the year
    refinanced: Decimal  # the part of it the reserve did not cover
    refinancing: Decimal  # yearly cost of that refinancing falling in the year
    surplus: Decimal
    room: Decimal = ZERO  # left for the Capital Repayment Reserve (after fixed and target returns)
    short: dict = field(default_factory=dict)  # investor: its capital due in one sum in the year that the reserve did not cover
    shares: dict = field(default_factory=dict)  # investor: (its share of what remains paid, the capped amount owed)

    @property
    def cover(self) -> Decimal | None:
        return credit.cover(self.net, self.senior_due)


def _rate(sheet, investor: str) -> Decimal:
    return next(i.return_rate for i in sheet.contributions.investments if i.investor == investor) / 100


@per_sheet
def model(sheet, case: Case = Case(), share_first: bool = False) -> list[ModelYear]:
    """The waterfall over the term, a row for each Partnership Year (from the start of the term). `share_first` runs
    the alternative order the waterfall note offers: capped shares of what remains before the Capital Repayment
    Reserve (Schedule 3 puts them after it)."""
    from assembler.termsheet.co_investment import add_years

    term, inc = sheet.partnership.term, sheet.income
    flows, dues = months(sheet, case), senior_due(sheet, case)
    starts, days = [m.start for m in flows], [d.day for d in dues]
    invs = sheet.contributions.investments
    services = credit.services(sheet)
    juniors = [i for i in invs if i.return_basis != "fixed"]
    bullets = [i for i in invs if i.repayment == "at_end"]
    arrears = {i.investor: ZERO for i in invs if i.return_basis == "fixed"}
    carried = {i.investor: ZERO for i in juniors}
    reserve_owed = {i.investor: ZERO for i in bullets}
    balance = {i.investor: ZERO for i in bullets}
    refi: list[tuple[dt.date, Decimal]] = []  # (first payment, yearly payment)
    yearly_reserves = {i.investor: i.yearly_reserve or ZERO for i in bullets}
    anniversaries = {i.investor: [add_years(services[i.investor].last_drawdown, k + 1)
                                  for k in range(services[i.investor].years)] for i in bullets}
    rows, y = [], 0
    while (begin := add_years(term.start, y)) <= term.end:
        end = add_years(term.start, y + 1)
        mine = _within(flows, starts, begin, end)
        gross, costs, res = (pence(sum((getattr(m, f) for m in mine), ZERO)) for f in ("gross", "costs", "reserve"))
        available = gross - costs - res
        falling = dues[bisect_left(days, begin):bisect_left(days, end)]  # dues are in date order
        due_now = {k: sum((d.amount for d in falling if d.investor == k), ZERO) for k in arrears}
        brought = {k: pence(v * (1 + _rate(sheet, k))) for k, v in arrears.items()}
        senior_paid = ZERO
        for k in arrears:  # arrears first, then this year's payments
            owed = brought[k] + due_now[k]
            paid = max(min(owed, available - senior_paid), ZERO)
            senior_paid += paid
            arrears[k] = owed - paid
        left = available - senior_paid
        in_arrears = any(arrears.values())
        refinancing = sum((p for first, p in refi if first < end), ZERO)
        junior = ZERO

        def owed_to(inv) -> Decimal:
            """A junior investor's return for the year on the capital it has drawn (up to its maturity), with any
            carried in."""
            s = services[inv.investor]
            drawn = sum((d.amount * min(Decimal(max((min(end, s.maturity) - max(d.date, begin)).days, 0)) / 365, 1)
                         for d in _drawdowns(sheet, case) if d.contributor == inv.investor), ZERO)
            return pence(drawn * inv.return_rate / 100) + carried[inv.investor]

        # Target returns, then the Capital Repayment Reserve, then capped shares of what remains (Schedule 3 order):
        # a share of what remains is paid only once the reserve for capital due in one sum has had its payment.
        for inv in [i for i in juniors if i.return_basis == "target"]:
            owed = owed_to(inv)
            paid = ZERO if in_arrears else max(min(owed, left - junior), ZERO)
            junior += paid
            carried[inv.investor] = owed - paid if inv.cumulative else ZERO
        left -= junior
        shares, share_paid = ZERO, {}

        def pay_shares(left):
            paid_all = ZERO
            for inv in [i for i in juniors if i.return_basis != "target"]:
                owed = owed_to(inv)
                paid = ZERO if in_arrears else max(min(owed, left - paid_all), ZERO)
                paid_all += paid
                share_paid[inv.investor] = (paid, owed)
                carried[inv.investor] = owed - paid if inv.cumulative else ZERO
            return paid_all

        if share_first:
            shares = pay_shares(left)
            left -= shares
        room = left  # what the Capital Repayment Reserve can draw on this year
        reserve_due = reserve_paid = repaid = refinanced = ZERO
        shorts = {}
        for inv in bullets:
            s = services[inv.investor]
            n = sum(1 for day in anniversaries[inv.investor] if begin <= day < end)
            owed = reserve_owed[inv.investor] + yearly_reserves[inv.investor] * n
            paid = ZERO if in_arrears else max(min(owed, left - reserve_paid), ZERO)
            reserve_due += owed
            reserve_paid += paid
            reserve_owed[inv.investor] = owed - paid
            balance[inv.investor] += paid
            if begin <= s.maturity < end:
                repaid += inv.amount
                short = max(inv.amount - balance[inv.investor], ZERO)
                refinanced += short
                shorts[inv.investor] = short
                balance[inv.investor] = max(balance[inv.investor] - inv.amount, ZERO)
                reserve_owed[inv.investor] = ZERO
                if short:
                    from assembler.termsheet.co_investment import yearly_instalment

                    refi.append((add_years(s.maturity, 1) - dt.timedelta(days=1),
                                 yearly_instalment(short, inc.refinancing_rate, inc.refinancing_years)))
        left -= reserve_paid
        if not share_first:
            shares = pay_shares(left)
            left -= shares
        junior += shares
        for inv in bullets:  # Schedule 3: Partnership Surplus goes first to the reserve, in advance of later payments
            if in_arrears or left <= 0 or end > services[inv.investor].maturity:
                continue
            ahead = max(min(left, inv.amount - balance[inv.investor]), ZERO)
            balance[inv.investor] += ahead
            reserve_owed[inv.investor] -= ahead
            reserve_paid += ahead
            left -= ahead
        left -= refinancing
        rows.append(ModelYear(y + 1, begin, max((m.homes for m in mine), default=0), gross, costs, res,
                              sum(due_now.values(), ZERO), sum(brought.values(), ZERO), senior_paid,
                              sum(arrears.values(), ZERO), junior, reserve_due, reserve_paid,
                              sum(balance.values(), ZERO), repaid, refinanced, refinancing, left, room, shorts,
                              share_paid))
        if end > term.end:
            break
        y += 1
    return rows


def _within(flows: list[Month], starts: list[dt.date], begin: dt.date, end: dt.date) -> list[Month]:
    """The months starting in [begin, end): `starts` are the months' first days, in order."""
    return flows[bisect_left(starts, begin):bisect_left(starts, end)]


# Cover on the covenant's Test Years, from the same model -------------------------------------------------------

@dataclass
class TestYear:
    start: dt.date
    homes: int
    net: Decimal
    service: Decimal
    refinancing: Decimal = ZERO

    @property
    def cover(self) -> Decimal | None:
        return credit.cover(self.net, self.service)

    @property
    def cover_all(self) -> Decimal | None:
        """Cover of the tested debt and the refinancing of capital the reserve did not repay together."""
        return credit.cover(self.net, self.service + self.refinancing) if self.refinancing else self.cover

    def all_short_of(self, ratio: Decimal | None) -> bool:
        """Whether the income falls short of `ratio` times the tested debt and the refinancing together, unrounded:
        1.199 is below a covenant of 1.2 although it prints as 1.20."""
        return ratio is not None and self.net < ratio * (self.service + self.refinancing)


def test_years(sheet, case: Case = Case(), rows: list[ModelYear] | None = None) -> list[TestYear]:
    """Each Test Year of the debt service cover covenant (from the draft's first Test Year): the model's income in
    it and the debt service falling due in it to the tested investments, each instalment counted once."""
    from assembler.termsheet.co_investment import add_years

    if sheet.covenants.min_dscr is None or not sheet.income.given:
        return []
    rows = model(sheet, case) if rows is None else rows
    tested = {i.investor for i in credit.covered(sheet)}
    flows, dues = months(sheet, case), [d for d in scheduled_due(sheet, case) if d.investor in tested]
    starts, days = [m.start for m in flows], [d.day for d in dues]
    first, term, out, y = credit.cover_test_start(sheet), sheet.partnership.term, [], 0
    while (begin := add_years(first, y)) < term.end:
        end = add_years(first, y + 1)
        mine = _within(flows, starts, begin, end)
        service = sum((d.amount for d in dues[bisect_left(days, begin):bisect_left(days, end)]), ZERO)
        refi = sum((r.refinancing for r in rows if begin <= r.start < end), ZERO)
        if service:
            out.append(TestYear(begin, max((m.homes for m in mine), default=0),
                                pence(sum((m.net for m in mine), ZERO)), service, refi))
        y += 1
    return out


def lowest(years: list[TestYear]) -> TestYear | None:
    with_cover = [t for t in years if t.cover is not None]
    return min(with_cover, key=lambda t: t.cover) if with_cover else None


# Stress cases and scenarios ---------------------------------------------------------------------------------

@dataclass
class Outcome:
    case: Case
    full_year_cover: Decimal | None  # a full year with every home the cash buys let
    lowest: TestYear | None  # the lowest Test Year cover
    below_covenant: TestYear | None  # the first Test Year below the covenant
    below_one: TestYear | None  # the first Test Year below 1.0
    peak_arrears: Decimal
    homes: int  # homes the cash buys
    refinanced: Decimal
    full_year_exact: Decimal | None = None  # the same cover to three places, so a figure just under the covenant shows


@per_sheet
def outcome(sheet, case: Case) -> Outcome:
    rows = model(sheet, case)
    years = test_years(sheet, case, rows)
    floor = sheet.covenants.min_dscr or Decimal(1)
    cash = sheet.contributions.cash_total - sum((sheet.drawdowns[i].amount for i in case.missing), ZERO)
    homes = credit.affordable_homes(sheet, cash)
    full = credit.year_income(sheet, homes, voids=case.voids, rent_cut=case.rent_cut, cost_rise=case.cost_rise)
    return Outcome(case, credit.cover(full.net, credit.yearly_debt_service(sheet)), lowest(years),
                   next((t for t in years if t.cover is not None and t.cover < floor), None),
                   next((t for t in years if t.cover is not None and t.cover < 1), None),
                   max((r.arrears for r in rows), default=ZERO), homes, sum((r.refinanced for r in rows), ZERO),
                   _exact(full.net, credit.yearly_debt_service(sheet)))


def _exact(net: Decimal, service: Decimal) -> Decimal | None:
    """Cover to three decimal places: 1.197 is below a covenant of 1.2 although it rounds to 1.20."""
    return (net / service).quantize(Decimal("0.001")) if service else None


def stress_set(sheet) -> list[Case]:
    """The single stresses, the combined ones, and costs indexed against flat rents or the assumed rent review."""
    inc = sheet.income
    v, r, c = inc.stress_voids_percent, inc.stress_rent_cut_percent, inc.stress_cost_rise_percent
    rents = credit.rent_cut_words(sheet)
    return [Case(),
            Case(f"Voids and bad debt at {v}%", voids=v),
            Case(f"{rents[0].upper()}{rents[1:]} {r}% lower", rent_cut=r),
            Case(f"Operating costs {c}% higher", cost_rise=c),
            Case(f"Voids at {v}% and costs {c}% higher", voids=v, cost_rise=c),
            Case(f"{rents[0].upper()}{rents[1:]} {r}% lower and costs {c}% higher", rent_cut=r, cost_rise=c),
            Case(f"Voids at {v}%, {rents} {r}% lower and costs {c}% higher", voids=v, rent_cut=r, cost_rise=c),
            _trend(inc.rent_increase_percent)]


def _trend(rent_increase: Decimal | None) -> Case:
    """Costs indexed each year against the rent review the business plan assumes, or flat rents without one."""
    if not rent_increase:
        return Case(f"Operating costs rising {COST_INFLATION}% a year, rents flat", cost_index=COST_INFLATION)
    return Case(f"Operating costs rising {COST_INFLATION}% a year, rents rising {rent_increase}% a year",
                cost_index=COST_INFLATION, rent_index=rent_increase)


def unpaid_contributions(sheet) -> list[int]:
    """Drawdowns of contributors other than the tested investors that fall after the tested investors' last
    drawdown: cash the lenders count on but another party controls once the lenders are fully drawn."""
    names = {i.investor for i in credit.covered(sheet)}
    lent = [d.date for d in sheet.drawdowns if d.contributor in names]
    if not lent:
        return []
    return [i for i, d in enumerate(sheet.drawdowns) if d.contributor not in names and d.date > max(lent)]


def missing_case(sheet, index: int) -> Case:
    from assembler.formatting import long_date, money

    d = sheet.drawdowns[index]
    return Case(f"{d.contributor}'s {money(d.amount)} due on {long_date(d.date)} never paid", missing=(index,))


# Break-evens (a full year with every home the cash buys let) ---------------------------------------------------

@dataclass
class BreakEven:
    target: Decimal  # the cover ratio
    voids: Decimal | None  # % of the rent roll
    cost_rise: Decimal | None  # %
    rent: Decimal | None  # average weekly rent on the bought homes


def break_evens(sheet) -> list[BreakEven]:
    """The voids, the rise in operating costs and the average weekly rent on the bought homes at which a full year
    just meets the covenant ratio, and 1.0."""
    if not sheet.income.given:
        return []
    homes = credit.affordable_homes(sheet, sheet.contributions.cash_total)
    y, service = credit.year_income(sheet, homes), credit.yearly_debt_service(sheet)
    keep = 1 - sheet.surplus.reserve_percent / 100
    voids = 1 - sheet.income.voids_percent / 100
    out = []
    for target in sorted({sheet.covenants.min_dscr or Decimal(1), Decimal(1)}, reverse=True):
        need = target * service
        gross_needed = (need + y.costs) / keep
        v = (1 - gross_needed / y.rent_roll) * 100 if y.rent_roll else None
        cost = ((y.gross * keep - need) / y.costs - 1) * 100 if y.costs else None
        rent = None
        if homes:
            rent = (gross_needed / voids - credit.rent_roll(sheet, 0)) / (homes * credit.WEEKS)
        out.append(BreakEven(target, v.quantize(Decimal("0.1")) if v is not None else None,
                             cost.quantize(Decimal("0.1")) if cost is not None else None,
                             pence(rent) if rent is not None else None))
    return out


# Drawdowns: exposure on what is charged, feasibility at the all-in cost and on time ----------------------------

@dataclass
class Exposure:
    index: int
    date: dt.date
    contributor: str
    amount: Decimal
    lent: Decimal  # tested capital drawn after it
    homes_bought: int  # homes bought before the date at the acquisition pace
    charged: Decimal  # value of the charged property then (the Schedule 1 properties and the homes bought)
    ltv: Decimal | None
    cash_held: Decimal  # cash drawn and not yet spent, in the Partnership Account (not charged)
    homes_required: int | None
    affordable: int  # homes the cash drawn before it buys at the all-in cost
    on_time: int  # homes the acquisition pace has bought by the date
    reached: dt.date | None  # when the pace reaches the homes required
    repeats: int | None  # the earlier drawdown whose condition this one repeats


@per_sheet
def exposures(sheet) -> list[Exposure]:
    """At each drawdown: tested capital against the value of what is charged then (not the cash), the cash held
    uncharged, and whether its homes condition can be met with the cash drawn before it and on the timetable."""
    names = {i.investor for i in credit.covered(sheet)}
    each = credit.value_each(sheet) or ZERO
    base = credit.property_value(sheet)
    cost = credit.unit_cost(sheet) or ZERO
    out, lent, seen = [], ZERO, {}
    for i, d in enumerate(sheet.drawdowns):
        lent = sum((e.amount for e in sheet.drawdowns if e.contributor in names and e.date <= d.date), ZERO)
        bought = homes_bought_by(sheet, d.date)
        charged = base + bought * each
        drawn = cash_by(sheet, d.date)
        spent = bought * cost + min(sheet.acquisition.works_budget or ZERO, drawn) + (
            credit.pre_income_return(sheet) if bought else ZERO)
        before = cash_by(sheet, d.date - dt.timedelta(days=1)) + sum(
            (e.amount for e in sheet.drawdowns[:i] if e.date == d.date), ZERO)
        key = (d.condition or "").strip().lower() or None
        repeats = seen.get(key) if key and d.homes_required is None else None
        if d.homes_required:
            earlier = [j for j, e in enumerate(sheet.drawdowns[:i]) if e.homes_required and
                       e.homes_required >= d.homes_required]
            repeats = earlier[0] if earlier else repeats
        if key:
            seen.setdefault(key, i)
        out.append(Exposure(i, d.date, d.contributor, d.amount, lent, bought, charged,
                            (lent / charged * 100).quantize(Decimal("0.1")) if charged and lent else None,
                            max(drawn - spent, ZERO), d.homes_required, credit.affordable_homes(sheet, before),
                            pace(sheet, d.date), pace_reaches(sheet, d.homes_required) if d.homes_required else None,
                            repeats))
    return out


def combined_ltv(sheet) -> tuple | None:
    """Every Investor's capital together (each holds an Investor Charge) against the value at full drawdown: the
    figure for a lender whose charge ranks behind another's. None where only one investment is tested anyway."""
    lent = sheet.contributions.investment_total
    _, value, _ = credit.full_ltv(sheet)
    if lent == sum((i.amount for i in credit.covered(sheet)), ZERO) or not value:
        return None
    return lent, value, (lent / value * 100).quantize(Decimal("0.1"))


@dataclass
class CashFlowView:
    years: list[ModelYear] = field(default_factory=list)
    tests: list[TestYear] = field(default_factory=list)
    lowest: TestYear | None = None
    outcomes: list[Outcome] = field(default_factory=list)
    scenarios: list[Outcome] = field(default_factory=list)
    break_evens: list[BreakEven] = field(default_factory=list)
    exposures: list[Exposure] = field(default_factory=list)
    peak_arrears: Decimal = ZERO
    owed_at_end: Decimal = ZERO  # unpaid fixed payments still carried forward when the term ends
    arrears_years: int = 0
    reserves: Decimal | None = None  # the borrower's free reserves, which could fund an early shortfall
    combined: tuple | None = None  # (all investment capital, value at full drawdown, loan to value %)
    fixed_investors: list[str] = field(default_factory=list)

    @property
    def test_runs(self) -> list[tuple[dt.date, dt.date, TestYear]]:
        """The Test Years, consecutive years with the same figures shown once: (first start, last start, year)."""
        runs: list[tuple[dt.date, dt.date, TestYear]] = []
        for t in self.tests:
            if runs and (runs[-1][2].homes, runs[-1][2].net, runs[-1][2].service, runs[-1][2].refinancing) == (
                    t.homes, t.net, t.service, t.refinancing):
                runs[-1] = (runs[-1][0], t.start, runs[-1][2])
            else:
                runs.append((t.start, t.start, t))
        return runs


@per_sheet
def cashflow_view(sheet) -> CashFlowView:
    view = CashFlowView(exposures=exposures(sheet), combined=combined_ltv(sheet),
                        fixed_investors=[i.investor for i in sheet.contributions.investments if i.return_basis == "fixed"])
    if not sheet.income.given:
        return view
    view.years = model(sheet)
    view.tests = test_years(sheet, Case(), view.years)
    view.lowest = lowest(view.tests)
    view.outcomes = [outcome(sheet, c) for c in stress_set(sheet)]
    view.scenarios = [outcome(sheet, missing_case(sheet, i)) for i in unpaid_contributions(sheet)]
    view.break_evens = break_evens(sheet)
    view.peak_arrears = max((r.arrears for r in view.years), default=ZERO)
    view.arrears_years = sum(1 for r in view.years if r.arrears)
    view.owed_at_end = view.years[-1].arrears if view.years else ZERO
    fin = getattr(sheet, "delivery_finances", None)
    view.reserves = fin.unrestricted_reserves if fin is not None else None
    return view


__all__ = ["Case", "CashFlowView", "cashflow_view", "model", "test_years", "exposures", "break_evens", "replace"]
