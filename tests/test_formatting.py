"""Amounts, dates and lists as a lawyer writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, strategies as st

from assembler.formatting import join_and, long_date, money, money_in_words, percent, words


def test_money():
    assert money(Decimal("5000000")) == "£5,000,000"
    assert money(Decimal("0.5")) == "£0.50"


def test_money_in_words_pounds_and_pence():
    assert money_in_words(Decimal("450000")) == "four hundred and fifty thousand pounds"
    assert money_in_words(Decimal("1.01")) == "one pound and one penny"
    assert money_in_words(Decimal("2.50")) == "two pounds and fifty pence"


def test_dates_lists_words_percent():
    assert long_date(dt.date(2026, 4, 1)) == "1 April 2026"
    assert join_and(["Plymouth City Council", "Shelter"]) == "Plymouth City Council and Shelter"
    assert join_and(["one"]) == "one"
    assert words(6) == "six"
    assert percent(Decimal("8.56")) == "8.56%"


@given(st.decimals(min_value=0, max_value=10**9, places=2))
def test_money_round_trips_through_the_figure(amount):
    shown = money(amount).removeprefix("£").replace(",", "")
    assert Decimal(shown) == amount


def test_one_rounding_rule_half_a_penny_up():
    """Money, sums in words and percentages all round half up (babel alone rounds half to even)."""
    from assembler.formatting import pence

    assert pence(Decimal("0.125")) == Decimal("0.13")
    assert money(Decimal("0.125")) == "£0.13"
    assert money(Decimal("2.675")) == "£2.68"
    assert money(Decimal("1.999")) == "£2"  # rounded first, so a whole pound prints as one
    assert money_in_words(Decimal("1.999")) == "two pounds"
    assert money_in_words(Decimal("1.005")) == "one pound and one penny"
    assert percent(Decimal("12.345")) == "12.35%"
