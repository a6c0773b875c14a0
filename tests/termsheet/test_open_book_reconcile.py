"""The reconciliation arithmetic behind the worked example: checked against an independent
calculation in exact fractions, and against the invariants a commissioner relies on."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assembler.termsheet.open_book import COST_BASES, MARGINS, TREATMENTS, reconcile

PENNY = Fraction(1, 100)


def to_pence(x: Fraction) -> Fraction:
    """Nearest penny, halves rounded up (amounts here are never negative when rounded)."""
    pennies = x / PENNY
    whole = pennies.numerator // pennies.denominator
    if pennies - whole >= Fraction(1, 2):
        whole += 1
    return whole * PENNY


def F(d: Decimal) -> Fraction:
    return Fraction(str(d))


def expected(direct, overheads, income, cap, basis, overhead_cap, cost_base, margin, treatment,
             fixed_fee, band_upper, band_share, split):
    """The schedule's steps, done again in exact fractions (rounded to pence at each step)."""
    direct, overheads, income = F(direct), F(overheads), F(income)
    limit = to_pence(direct * F(overhead_cap) / 100)
    allowed = min(overheads, limit)
    allowable = direct + allowed
    base = allowable if cost_base == "full-cost" else direct

    def at(rate):
        if basis == "fixed_fee":
            return F(fixed_fee)
        return to_pence((base if basis == "allowable_cost" else income) * F(rate) / 100)

    maximum = at(cap)
    actual = income - allowable
    if margin == "sharing-band" and basis != "fixed_fee":
        top = max(at(band_upper), maximum)
        in_band = max(Fraction(0), min(actual, top) - maximum)
        kept_in_band = to_pence(in_band * F(band_share) / 100)
    else:
        top, in_band, kept_in_band = maximum, Fraction(0), Fraction(0)
    excess = (in_band - kept_in_band) + max(Fraction(0), actual - top)
    refund = {"refund": excess, "reinvest": Fraction(0), "split": to_pence(excess * F(split) / 100)}[treatment]
    return {"overheads_allowed": allowed, "allowable_costs": allowable, "maximum_profit": maximum,
            "actual_profit": actual, "excess": excess, "refund": refund, "reinvest": excess - refund,
            "retained_profit": actual - excess}


money = st.decimals(min_value=0, max_value=20_000_000, places=2, allow_nan=False, allow_infinity=False)
rate = st.decimals(min_value=0, max_value=15, places=2, allow_nan=False, allow_infinity=False)
share = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@settings(max_examples=300, deadline=None)
@given(direct=money, overheads=money, income=money, cap=rate, overhead_cap=share, extra_band=rate,
       basis=st.sampled_from(["allowable_cost", "revenue", "fixed_fee"]), fixed_fee=money,
       cost_base=st.sampled_from(COST_BASES), margin=st.sampled_from(MARGINS),
       treatment=st.sampled_from(TREATMENTS), band_share=share, split=share)
def test_reconciliation_matches_an_independent_calculation(direct, overheads, income, cap, overhead_cap, extra_band,
                                                           basis, fixed_fee, cost_base, margin, treatment,
                                                           band_share, split):
    band_upper = min(Decimal(15), cap + extra_band)
    got = reconcile(direct_costs=direct, overheads=overheads, income=income, profit_cap=cap, basis=basis,
                    overhead_cap=overhead_cap, cost_base=cost_base, margin=margin, treatment=treatment,
                    fixed_fee=fixed_fee, band_upper=band_upper, band_provider_share=band_share,
                    split_percentage=split)
    want = expected(direct, overheads, income, cap, basis, overhead_cap, cost_base, margin, treatment,
                    fixed_fee, band_upper, band_share, split)
    for name, value in want.items():
        assert F(getattr(got, name)) == value, name
    # what a commissioner relies on
    assert got.excess >= 0 and got.refund >= 0 and got.reinvest >= 0
    assert got.refund + got.reinvest == got.excess
    assert got.retained_profit + got.excess == got.actual_profit
    assert got.overheads_allowed <= got.overhead_limit
    if margin == "hard-cap" and got.actual_profit >= 0:
        assert got.retained_profit == min(got.actual_profit, got.maximum_profit)
    assert got.retained_profit <= max(got.actual_profit, got.band_limit)
    for name in want:
        assert getattr(got, name) == getattr(got, name).quantize(Decimal("0.01"))


@pytest.mark.parametrize(
    "income, excess",
    [(Decimal("3250000"), Decimal("152500")), (Decimal("3097500"), Decimal("0")), (Decimal("2900000"), Decimal("0"))],
)
def test_hard_cap_examples_worked_by_hand(income, excess):
    got = reconcile(direct_costs=Decimal("2650000"), overheads=Decimal("300000"), income=income,
                    profit_cap=Decimal(5), basis="allowable_cost", overhead_cap=Decimal(12))
    assert got.allowable_costs == Decimal("2950000")
    assert got.maximum_profit == Decimal("147500")      # 5% of £2,950,000
    assert got.excess == excess
    assert got.refund == excess


def test_half_a_penny_rounds_up():
    # 5% of £0.10 is half a penny: the schedule says half a penny is rounded up
    got = reconcile(direct_costs=Decimal("0.10"), overheads=Decimal(0), income=Decimal(1), profit_cap=Decimal(5),
                    basis="allowable_cost", overhead_cap=Decimal(0))
    assert got.maximum_profit == Decimal("0.01")


def test_overheads_above_the_cap_count_as_profit():
    got = reconcile(direct_costs=Decimal(1000), overheads=Decimal(200), income=Decimal(1250), profit_cap=Decimal(0),
                    basis="allowable_cost", overhead_cap=Decimal(10))
    assert got.overheads_allowed == Decimal(100)
    assert got.actual_profit == Decimal(150)
    assert got.excess == Decimal(150)
