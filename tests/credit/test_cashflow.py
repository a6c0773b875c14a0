"""The one cash-flow model follows the draft's payment rules: each figure is recomputed here from the sheet's own
facts and the Schedules' rules (return before instalments, arrears first, the Capital Repayment Reserve, the
one-sum repayment and its refinancing, the Test Years), not read back from the model."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from assembler.credit import cashflow as cf
from assembler.credit import co_investment as credit
from assembler.termsheet.co_investment import add_years, yearly_instalment
from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT

HOMES = ROOT / "samples" / "co-investment" / "affordable-homes-partnership.yaml"
STRETCHED = ROOT / "tests" / "rules" / "fixtures" / "co-investment-stretched.yaml"


@pytest.fixture(scope="module")
def homes(catalogue):
    """The sample with its Fund's instalments counted from the last drawdown (the profile these figures were
    worked by hand on), so that the early years carry arrears and the model's every rule is exercised."""
    from tests.rules.test_co_investment_rules import _from_last_drawdown, sheet_from

    return sheet_from(HOMES, catalogue, _from_last_drawdown).model


@pytest.fixture(scope="module")
def stretched(catalogue):
    return read_termsheet(STRETCHED, catalogue).model


def test_years_are_partnership_years_and_test_years_match_them(homes):
    rows = cf.model(homes)
    assert rows[0].start == homes.partnership.term.start and len(rows) == 25
    assert all(r.start == add_years(homes.partnership.term.start, r.year - 1) for r in rows)
    tests = cf.test_years(homes)
    assert tests[0].start == credit.cover_test_start(homes) == dt.date(2030, 6, 1)


def test_year_one_pays_the_return_on_capital_drawn_until_a_year_before_the_first_instalment(homes):
    """The Fund's £1m from 1 July 2027: return from rent start (1 September 2027) to 4 January 2028, a year before
    the first instalment, paid on that date; the part before rent starts is paid from capital."""
    fund = next(s for s in homes.debt_service if s.investor == "Fund")
    assert fund.annuity_start == dt.date(2028, 1, 4)
    days = (fund.annuity_start - homes.income.income_starts).days
    expected = (Decimal(1_000_000) * Decimal("0.045") * days / 365).quantize(Decimal("0.01"))
    assert cf.model(homes)[0].senior_due == expected == Decimal("15410.96")
    assert credit.pre_income_return(homes) == Decimal("7643.84")


def test_arrears_carry_return_and_come_before_any_later_item(homes):
    rows = cf.model(homes)
    for before, row in zip(rows, rows[1:]):
        assert row.arrears_brought == (before.arrears * Decimal("1.045")).quantize(Decimal("0.01"))
        if row.arrears:  # nothing later is paid while the fixed payments are in arrears
            assert row.junior == row.reserve_paid == row.surplus == 0
            assert row.senior_paid == row.net
    assert rows[1].arrears == rows[1].senior_due - rows[1].net  # year 2 falls short
    # once the arrears are cleared the later items are paid again (the reserve first, then the share of what remains)
    assert rows[2].arrears and rows[2].junior == 0 and not rows[3].arrears and rows[3].reserve_paid


def test_the_reserve_builds_and_the_one_sum_is_repaid_in_its_year_with_the_balance_refinanced(homes):
    rows = cf.model(homes)
    foundation = next(i for i in homes.contributions.investments if i.investor == "Foundation")
    maturity = foundation.service.maturity
    year = next(r for r in rows if r.start <= maturity < add_years(r.start, 1))
    paid_in = sum(r.reserve_paid for r in rows if r.start <= year.start)
    assert year.repaid == Decimal(500_000)
    assert year.refinanced == Decimal(500_000) - paid_in
    after = [r for r in rows if r.start > year.start]
    cost = yearly_instalment(year.refinanced, homes.income.refinancing_rate, homes.income.refinancing_years)
    assert all(r.refinancing == cost for r in after) and all(r.junior == 0 for r in after)
    for r in rows:  # every row balances: what is left is spent on the waterfall's steps, in order
        assert r.net == r.senior_paid + r.junior + r.reserve_paid + r.refinancing + r.surplus


def test_test_year_cover_counts_each_instalment_once_and_the_refinancing_beside_it(homes):
    low = cf.lowest(cf.test_years(homes))
    assert low.cover == credit.cover(low.net, Decimal("153752.29"))
    refinanced = [t for t in cf.test_years(homes) if t.refinancing]
    assert refinanced and all(t.cover_all == credit.cover(t.net, t.service + t.refinancing) for t in refinanced)


def test_break_evens_meet_the_ratio_exactly(homes):
    """At each break-even the full-year cover is the target (to the rounding of the break-even itself)."""
    homes_bought = credit.affordable_homes(homes, homes.contributions.cash_total)
    service = credit.yearly_debt_service(homes)
    for b in cf.break_evens(homes):
        net = credit.year_income(homes, homes_bought, voids=b.voids).net
        assert abs(net / service - b.target) < Decimal("0.01")
        net = credit.year_income(homes, homes_bought, cost_rise=b.cost_rise).net
        assert abs(net / service - b.target) < Decimal("0.01")
    assert [b.target for b in cf.break_evens(homes)] == [Decimal("1.2"), Decimal(1)]


def test_combined_stresses_are_worse_than_either_alone(homes):
    by = {o.case.label: o for o in (cf.outcome(homes, c) for c in cf.stress_set(homes))}
    voids, costs = by["Voids and bad debt at 10%"], by["Operating costs 20% higher"]
    both = by["Voids at 10% and costs 20% higher"]
    assert both.full_year_cover < min(voids.full_year_cover, costs.full_year_cover)
    indexed = by["Operating costs rising 3% a year, rents flat"]
    assert indexed.below_covenant.start < indexed.below_one.start  # the covenant goes first, then 1.0


def test_a_later_contribution_never_paid_buys_fewer_homes(homes):
    assert [homes.drawdowns[i].contributor for i in cf.unpaid_contributions(homes)] == ["Council"]
    o = cf.outcome(homes, cf.missing_case(homes, cf.unpaid_contributions(homes)[0]))
    assert o.homes == credit.affordable_homes(homes, homes.contributions.cash_total - Decimal(1_300_000)) == 39
    assert o.full_year_cover < homes.covenants.min_dscr


def test_secured_exposure_counts_charged_property_only(homes):
    """The Fund's first £1m is secured on the eight transferred homes alone (£640,000): no home is bought yet."""
    e = next(e for e in cf.exposures(homes) if e.contributor == "Fund")
    assert e.homes_bought == 0 and e.charged == credit.property_value(homes) == Decimal(640_000)
    assert e.ltv == (Decimal(1_000_000) / Decimal(640_000) * 100).quantize(Decimal("0.1"))


def test_drawdown_conditions_at_the_all_in_cost_on_time_and_repeated(homes, stretched):
    second = next(e for e in cf.exposures(homes) if e.homes_required)
    assert second.on_time < second.homes_required <= second.affordable
    assert second.reached == cf.pace_reaches(homes, 20) and cf.pace(homes, second.reached + dt.timedelta(days=1)) >= 20
    forty = [e for e in cf.exposures(stretched) if e.homes_required == 40]
    assert forty and forty[0].affordable < 40  # £3.35m at £100,000 all-in, after works and early return
    repeated = [e for e in cf.exposures(stretched) if e.repeats is not None]
    assert repeated and stretched.drawdowns[repeated[0].repeats].homes_required == 40


def test_the_stretched_deals_arrears_grow_past_the_loan(stretched):
    rows = cf.model(stretched)
    assert max(r.arrears for r in rows) > sum(i.amount for i in credit.covered(stretched))


def test_return_only_before_the_instalments_is_paid_yearly_in_arrear(catalogue):
    """The sample's Fund pays return only until its first instalment (4 July 2030): yearly in arrear on 4 July 2028
    and 4 July 2029, each payment for the period since the last (the first from the drawdown, less the part before
    rent starts, which is paid from capital), never rolled up into one sum."""
    from tests.rules.test_co_investment_rules import sheet_from

    sheet = sheet_from(HOMES, catalogue).model
    fund = next(s for s in sheet.debt_service if s.investor == "Fund")
    assert fund.return_dates == [dt.date(2028, 7, 4), dt.date(2029, 7, 4)]
    rate, rent = Decimal("0.045"), sheet.income.income_starts
    first = (Decimal(1_000_000) * rate * (dt.date(2028, 7, 4) - rent).days / 365
             + Decimal(1_000_000) * rate * (dt.date(2028, 7, 4) - dt.date(2028, 1, 4)).days / 365)
    second = Decimal(2_000_000) * rate * (dt.date(2029, 7, 4) - dt.date(2028, 7, 4)).days / 365
    dues = [d for d in cf.senior_due(sheet) if d.kind == "return before instalments"]
    assert [(d.day, d.amount) for d in dues] == [(dt.date(2028, 7, 4), first.quantize(Decimal("0.01"))),
                                                  (dt.date(2029, 7, 4), second.quantize(Decimal("0.01")))]


def test_the_reserve_comes_before_the_capped_share_and_takes_the_surplus_until_it_holds_the_capital(catalogue):
    """r16 ci-sample 1: on the sample's own plan the Foundation's £500,000 was £51,066.94 short on 31 May 2037,
    because its capped share was paid before the reserve and early surplus left the Partnership. Now the reserve
    comes first and the surplus of each year before the Maturity Date is paid into it (reducing later payments)."""
    from tests.rules.test_co_investment_rules import sheet_from

    sheet = sheet_from(HOMES, catalogue).model
    rows = cf.model(sheet)
    maturity = next(i for i in sheet.contributions.investments if i.investor == "Foundation").service.maturity
    before = [r for r in rows if add_years(r.start, 1) <= maturity]
    assert rows[0].reserve_due == 0 and rows[0].reserve_paid == rows[0].net - rows[0].senior_paid - rows[0].junior > 0
    assert all(r.surplus == 0 for r in before)  # nothing leaves the Partnership while the reserve is short
    year = next(r for r in rows if r.start <= maturity < add_years(r.start, 1))
    assert year.refinanced == Decimal("11094.34")  # was £51,066.94 with the share first and no sweep
    assert rows[-1].surplus > 0 and rows[-1].reserve_paid == 0  # after maturity the surplus is free again
