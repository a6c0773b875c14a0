"""Open-book reconciliation scenarios: the budget row where the budget uses different shares of capacity, the income
floor, and scenario costs that move with the paid weeks."""

from __future__ import annotations

from decimal import Decimal

from tests.families.clause_texts import clause_text, document_text, flat, note
from tests.families.conftest import (
    OB_BRAMBLECOMBE, OB_CHARITY, open_book_doc, open_book_model, open_book_result,
)


def _recon_rows(res):
    from assembler.model import Table
    sched = next(s for s in res.document.schedules if s.id == "common.open-book-schedule-reconciliation")
    tables = [b for b in sched.blocks if isinstance(b, Table)]
    from assembler.model import plain_text
    return [[plain_text(c) for c in row] for t in tables for row in t.rows]


KEY = "full-cost/sharing-band/split"


def test_hourly_units_are_held_at_budget_beside_places(catalogue):
    """r31 ob-fresh 8 (replaces the r2x budget-row test, which scaled 1,200 budgeted hours to 2,000 at "100%"
    occupancy): where places state a capacity, hours with a capacity are held at the budget, income and cost, so
    the occupancy rows move one variable (the places) and no budget row is needed for the hours."""
    res = open_book_result(catalogue, "childrens-homes-charity.yaml",
                 lambda d: d["open_book"]["unit_prices"][1].update(capacity_units=2000))
    text = flat(document_text(res))
    assert ('The units of "Additional one-to-one support, where agreed in the placement plan" (1,200 hours a year) are '
            "held at the budget at every level of occupancy, with their income and direct cost") in text
    assert "all 2,000 hours are delivered" not in text
    assert not any(r[0] == "Budget" for r in _recon_rows(res))
    ob = open_book_model(catalogue, "childrens-homes-charity.yaml",
                         lambda d: d["open_book"]["unit_prices"][1].update(capacity_units=2000)).open_book
    assert [u.unit for u in ob.held_hour_lines] == ["hour"] and all(u.unit == "week" for u in ob.scaled_lines)


def test_hourly_units_still_scale_without_places(catalogue):
    """Quiet: with hours alone (home care) the hours are what the scenarios scale."""
    ob = open_book_model(catalogue, "home-care-zones.yaml").open_book
    assert ob.held_hour_lines == [] and ob.variable_prices


def test_no_budget_row_when_every_price_assumes_the_same_occupancy(catalogue):
    res = open_book_result(catalogue, "childrens-homes-charity.yaml")
    assert not any(r[0] == "Budget" for r in _recon_rows(res))
    assert "The budget assumes" in document_text(res)


def test_income_floor_in_the_scenarios_is_the_weekly_price_income(catalogue):
    """Finding 12: the occupancy rows include support income, so the floor is stated for the weekly Price only."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "The income from the weekly Price at each level is the greater of the Prices for the weeks used" in text
    assert "so that income never falls below £2,831,400" in text
    assert "the Service Income in the table never falls below" not in text


def test_finding3_scenario_costs_move_with_the_paid_weeks(catalogue):
    """Finding 3: clause 11.1 apportions shared costs by paid bed-weeks, so at 95% and 100% the Council's share of
    the costs rises with its 1,284.4 and 1,352 weeks; the table no longer holds them at the budget."""
    ob = open_book_model(catalogue, OB_BRAMBLECOMBE).open_book
    assert ob.costs_move_with_weeks and ob.weeks_basis == "paid" and ob.budget_weeks == 1170
    assert ob.week_costs == Decimal("1267136")          # £1,297,400 less 1,560 hours at £19.40
    runs = dict(ob.core_scenarios[KEY])
    at100 = runs[Decimal(100)]
    # 1,352 weeks: £1,267,136 x 1,352 / 1,170 = £1,464,246.04, plus the 1,560 budgeted hours at £19.40, held at
    # budget since r31 ob-fresh 8 (before: 2,600 hours, the hours' capacity, at "100%")
    assert abs(at100.allowable_costs - (Decimal("1464246.04") + Decimal("30264"))) < Decimal("0.02")
    assert at100.actual_profit == at100.income - at100.allowable_costs
    assert at100.excess < Decimal("176410")             # the table held costs at budget: £176,410 of Excess Profit
    assert ob.break_even_occupancy is None


def test_finding3_quiet_costs_held_at_budget_when_not_apportioned_by_weeks(catalogue):
    """Quiet: apportioned by places available, the costs do not move with the weeks and the break-even stands."""
    ob = open_book_model(catalogue, OB_BRAMBLECOMBE, lambda d: d["services"].update(apportionment="places_available")).open_book
    assert not ob.costs_move_with_weeks
    assert ob.break_even_occupancy is not None
    # r31 ob-fresh 8: the hours are held at budget, so at 100% the costs are the budget's
    assert dict(ob.core_scenarios[KEY])[Decimal(100)].allowable_costs == Decimal("1297400")


def test_finding3_schedule_and_losses_note_state_the_assumption(catalogue):
    d = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    sch = flat(clause_text(d, "common.open-book-schedule-reconciliation"))
    assert "the shared costs and the Overheads are apportioned by the bed-weeks the Council pays for" in sch
    assert "at the budgeted £1,083.02 for each of them (£1,267,136 over 1,170 weeks" in sch
    assert "all costs held at the budget" not in sch and "all other costs held at the budget" not in sch
    assert "Service Income equals the budgeted Allowable Costs at" not in sch
    assert "covers the Allowable Costs at every level of occupancy in the table" in sch
    text = flat(note(d, "open-book.losses"))
    assert "its share for the 1,040 weeks of the Core Places is £1,126,343.11, which their payment covers" in text
    assert "covered only from 81% occupancy" not in text


def test_split_excess_adds_refund_and_fund_columns(catalogue):
    """r31 ob-fresh 8: where the Excess Profit is split, the scenario table shows the refund and the Reinvestment
    Fund beside the Excess Profit, each row adding up."""
    d = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    sch = flat(clause_text(d, "common.open-book-schedule-reconciliation"))
    assert "Excess Profit Refunded Reinvested Profit" in sch
    ob = open_book_model(catalogue, OB_BRAMBLECOMBE).open_book
    for _, run in ob.core_scenarios[KEY]:
        assert run.refund + run.reinvest == run.excess


def test_refund_only_keeps_the_five_columns(catalogue):
    """Quiet: with the whole Excess Profit refunded there is nothing to split, so no extra columns."""
    d = open_book_doc(catalogue, OB_BRAMBLECOMBE, ("open_book_excess: split", "open_book_excess: refund"))
    sch = flat(clause_text(d, "common.open-book-schedule-reconciliation"))
    assert "Reinvested" not in sch


def _many_hours(d):
    # 5,000 budgeted hours (of 6,000) at £32.50: £162,500, enough with the Core Places to cover the budget
    d["open_book"]["unit_prices"][1].update(capacity_units=6000, expected_units=5000)


def test_core_floor_with_held_hours_covers_the_costs(catalogue):
    """r31 ob-fresh 8: with the hours held at budget, the Core Places payment and the hours' income cover the budgeted
    costs, so Schedule 3 says no loss can arise through low occupancy, and the losses note agrees with it."""
    res = open_book_result(catalogue, OB_CHARITY, _many_hours)
    sch = flat(clause_text(res.document, "common.open-book-schedule-reconciliation"))
    assert ("the payment for them (£2,831,400) and the budgeted income at the other prices (£162,500) bring in "
            "£2,993,900, £38,900 more than the budgeted Allowable Costs") in sch
    assert "cannot make a loss through low occupancy" in sch and "Below that the Trust makes a loss" not in sch
    n = flat(note(res.document, "open-book.losses"))
    assert "they bring in £2,993,900, which covers those costs" in n
    assert "are covered only from" not in n


def test_core_floor_short_even_with_held_hours_keeps_the_break_even(catalogue):
    """Quiet: on the sample the hours' income does not close the Core Places' gap, so the break-even stays."""
    res = open_book_result(catalogue, OB_CHARITY)
    sch = flat(clause_text(res.document, "common.open-book-schedule-reconciliation"))
    assert "Below that the Trust makes a loss" in sch
    assert "which covers those costs" not in flat(note(res.document, "open-book.losses"))
