"""Amounts, dates and lists as a lawyer writes them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings, strategies as st

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


# The formatting functions are written out rather than calling babel and num2words (they cost more
# to import than a draft takes to render); these hold them to babel's and num2words' en_GB output.

def _babel_money(value: Decimal) -> str:
    from babel.numbers import format_currency

    pattern = "¤#,##0" if value == value.to_integral_value() else "¤#,##0.00"
    return format_currency(value, "GBP", format=pattern, locale="en_GB", currency_digits=False)


_EDGES = [Decimal(v) for v in ("0", "-0", "-0.00", "0.004", "0.005", "-0.005", "0.5", "1", "-5", "999.995",
                               "1000", "-1250.50", "1234567.89", "1e3", "12345678901234.56")]


@settings(deadline=None)  # the first example imports babel
@given(st.decimals(min_value=-10**12, max_value=10**12, places=3, allow_nan=False))
def test_money_reads_as_babel_wrote_it(amount):
    from assembler.formatting import pence

    assert money(amount) == _babel_money(pence(amount))


def test_money_and_percent_edges_read_as_babel_wrote_them():
    from babel.numbers import format_decimal

    from assembler.formatting import PENNY, pence

    for value in _EDGES:
        assert money(value) == _babel_money(pence(value)), value
        rounded = value.quantize(PENNY, rounding="ROUND_HALF_UP")
        assert percent(value) == format_decimal(rounded, format="#,##0.##", locale="en_GB") + "%", value


@settings(deadline=None)  # the first example imports babel
@given(st.decimals(min_value=-10**6, max_value=10**6, places=4, allow_nan=False))
def test_percent_reads_as_babel_wrote_it(value):
    from babel.numbers import format_decimal

    from assembler.formatting import PENNY

    rounded = Decimal(str(value)).quantize(PENNY, rounding="ROUND_HALF_UP")
    assert percent(value) == format_decimal(rounded, format="#,##0.##", locale="en_GB") + "%"


@settings(deadline=None)  # the first example imports babel
@given(st.dates())
def test_long_date_reads_as_babel_wrote_it(day):
    from babel.dates import format_date

    assert long_date(day) == format_date(day, format="d MMMM y", locale="en_GB")


def test_words_read_as_num2words_wrote_them():
    import random

    from num2words import num2words

    rng = random.Random(16)
    numbers = [*range(0, 3000), *range(99_000, 102_000, 7), *(10**k + d for k in range(3, 22) for d in (0, 1, 99, 100, 101)),
               *(rng.randrange(10**k) for k in range(4, 22) for _ in range(150)), -1, -101, -1_000_001]
    for n in numbers:
        assert words(n) == num2words(n, lang="en_GB").replace(",", ""), n
