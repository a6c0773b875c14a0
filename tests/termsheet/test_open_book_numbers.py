"""One set of numbers: the income the prices bring in, whether it covers cost and the Reasonable
Profit, occupancy scenarios and break-even, and what the provider is left with after overheads
above the cap. Figures are worked by hand in the comments."""

from __future__ import annotations

from decimal import Decimal

from assembler.termsheet.open_book import OpenBook, reconcile


def block(**changes) -> OpenBook:
    data = {
        "profit_cap": 5, "overhead_cap": 10, "allowable_costs": ["Staff costs"],
        "first_period_start": "2027-04-01",
        "cost_model": {"direct_costs": 1000000, "overheads": 100000, "income": 1155000},
        "unit_prices": [
            {"service": "Placement", "unit": "week", "price": 2000, "expected_units": 560, "capacity_units": 624},
            {"service": "Extra support", "unit": "hour", "price": 35, "expected_units": 1000},
        ],
    }
    data.update(changes)
    return OpenBook.model_validate(data)


def test_expected_income_is_prices_times_units():
    assert block().expected_income == Decimal(1155000)      # 560 x 2,000 + 1,000 x 35


def test_price_cover_measures_against_cost_plus_reasonable_profit():
    ob = block()
    # allowable 1,100,000; 5% of it 55,000; required 1,155,000: covered exactly
    assert ob.price_cover["full-cost"] == 0 and ob.prices_cover["full-cost"]
    # on direct costs the profit is 50,000, so the prices are 5,000 more than needed
    assert ob.price_cover["direct-cost"] == Decimal(5000)
    short = block(unit_prices=[{"service": "Placement", "unit": "week", "price": 1900, "expected_units": 560}])
    assert short.price_cover["full-cost"] == Decimal(1064000 - 1155000)
    assert not short.prices_cover["full-cost"]


def test_no_expected_units_means_nothing_to_compare():
    ob = block(unit_prices=[{"service": "Placement", "unit": "week", "price": 2000}])
    assert not ob.priced_units and not ob.prices_cover["full-cost"]


def test_occupancy_scenarios_scale_only_priced_capacity():
    ob = block()
    # 90% of 624 weeks = 561.6 weeks x 2,000 = 1,123,200, plus the 35,000 of hours at budget
    assert ob.income_at(Decimal(90)) == Decimal(1158200)
    runs = ob.scenarios["full-cost/hard-cap/refund"]
    assert [occ for occ, _ in runs] == [80, 90, 95]
    ninety = dict(runs)[Decimal(90)]
    assert ninety.actual_profit == Decimal(58200) and ninety.excess == Decimal(3200)
    assert ob.budget_occupancy == Decimal("89.74")          # 560 / 624


def test_break_even_occupancy_holds_costs_at_budget():
    # (1,100,000 - 35,000) / (624 x 2,000) = 85.34%, to one place 85.3%
    assert block().break_even_occupancy == Decimal("85.3")
    assert block(unit_prices=[{"service": "Placement", "unit": "week", "price": 2000, "expected_units": 560}]
                 ).break_even_occupancy is None


def test_provider_result_accounts_for_overheads_above_the_cap():
    r = reconcile(direct_costs=Decimal(1000000), overheads=Decimal(130000), income=Decimal(1200000),
                  profit_cap=Decimal(5), basis="allowable_cost", overhead_cap=Decimal(10))
    # cap 100,000: 30,000 disallowed; allowable 1,100,000; profit 100,000, kept 55,000, excess 45,000
    assert r.overheads_disallowed == Decimal(30000)
    assert r.retained_profit == Decimal(55000)
    assert r.provider_result == Decimal(25000)


def test_review_example_at_budget_gives_the_index_and_an_overrun_is_shown_before_the_collar():
    ob = block()
    rx = ob.review_example["full-cost"]
    # (1,100,000 + 55,000) x 1.03 = 1,189,650; over the 1,155,000 the prices bring in: 1.03 exactly
    assert (rx.allowable_costs, rx.reasonable_profit, rx.rebased) == (Decimal(1100000), Decimal(55000), Decimal(1189650))
    assert rx.factor == Decimal("1.0300")
    # costs and profit 10% over budget: 1,189,650 x 1.1 = 1,308,615, a factor of 1.133 before the collar
    assert rx.overrun_rebased == Decimal(1308615) and rx.overrun_factor == Decimal("1.1330")
    # on direct costs the profit is 50,000: (1,150,000 x 1.03) / 1,155,000 = 1.0255
    assert ob.review_example["direct-cost"].factor == Decimal("1.0255")


def test_review_example_needs_priced_units_on_the_cost_basis():
    assert block(unit_prices=[{"service": "Placement", "unit": "week", "price": 2000}]).review_example == {}
    assert block(basis="revenue").review_example == {}


def hourly(variable_cost=None) -> OpenBook:
    """Supported living in miniature: 10,000 individual hours expected of 12,000 available at £30, each
    costing £20 to deliver, and a core block of £200,000 a year; costs 480,000 + 40,000 overheads."""
    price = {"service": "Individual hours", "unit": "hour", "price": 30, "expected_units": 10000, "capacity_units": 12000}
    if variable_cost is not None:
        price["variable_cost"] = variable_cost
    return block(cost_model={"direct_costs": 480000, "overheads": 40000, "income": 500000},
                 unit_prices=[price, {"service": "Core", "unit": "hour", "price": 25, "expected_units": 8000}])


def test_variable_cost_moves_direct_costs_with_the_hours_delivered():
    ob = hourly(20)
    # at 100%: 12,000 hours, 2,000 above budget, cost 40,000 more
    assert ob.direct_costs_at(Decimal(100)) == Decimal(520000)
    # at 75%: 9,000 hours, 1,000 below budget, cost 20,000 less
    assert ob.direct_costs_at(Decimal(75)) == Decimal(460000)
    run = dict((occ, r) for occ, r in hourly(20).model_copy(update={"occupancy_scenarios": [Decimal(100)]})
               .scenarios["full-cost/hard-cap/refund"])[Decimal(100)]
    # income 360,000 + 200,000 = 560,000; allowable 520,000 + 40,000 = 560,000: no profit at all
    assert (run.income, run.allowable_costs, run.actual_profit) == (Decimal(560000), Decimal(560000), Decimal(0))
    held = dict(hourly().model_copy(update={"occupancy_scenarios": [Decimal(100)]})
                .scenarios["full-cost/hard-cap/refund"])[Decimal(100)]
    assert held.actual_profit == Decimal(40000)     # the same hours treated as fixed cost overstate profit


def test_break_even_with_variable_hours_counts_only_the_margin_on_each_hour():
    # fixed income 200,000; allowable 520,000 less 10,000 x 20 = 320,000 fixed; each hour adds 30 - 20 = 10:
    # (320,000 - 200,000) / (12,000 x 10) = 100%
    assert hourly(20).break_even_occupancy == Decimal("100.0")
    # held at budget: (520,000 - 200,000) / 360,000 = 88.9%
    assert hourly().break_even_occupancy == Decimal("88.9")


def test_carried_excess_profit_reaches_the_floor_in_a_later_period():
    """r18 ob-fresh 7: £2,405 a period below a £5,000 floor is carried and added each period, reaching £7,215 (paid)
    in the third; an amount at or above the floor, or none, is not carried."""
    from types import SimpleNamespace

    from assembler.termsheet.open_book import OpenBook

    ob = SimpleNamespace(excess=SimpleNamespace(carry_below=Decimal(5000)))
    assert OpenBook.carry_reaches(ob, Decimal(2405)) == (3, Decimal("7215.00"))
    assert OpenBook.carry_reaches(ob, Decimal(2500)) == (2, Decimal("5000.00"))
    assert OpenBook.carry_reaches(ob, Decimal(5000)) is None
    assert OpenBook.carry_reaches(ob, Decimal(0)) is None
    ob.excess.carry_below = None
    assert OpenBook.carry_reaches(ob, Decimal(2405)) is None
    ob.excess.carry_below = Decimal(5000)
    ob._term_periods = 5
    assert OpenBook.carry_reaches(ob, Decimal(300)) is None   # 17 periods: not within a five-year term
    assert OpenBook.carry_reaches(ob, Decimal(2405)) == (3, Decimal("7215.00"))
