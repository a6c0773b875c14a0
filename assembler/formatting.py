"""How amounts, dates and numbers read in a UK draft: £1,250,000, one million ..., 1 April 2026."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "en_GB"
PENNY = Decimal("0.01")


def pence(amount: Decimal | int | float) -> Decimal:
    """Round to the nearest penny, half a penny rounded up: the one rounding rule. The reconciliation
    arithmetic, the rules' messages and the clause filters all round through here, so a message and
    the draft never print a figure a penny apart (babel alone would round half to even)."""
    return Decimal(str(amount)).quantize(PENNY, rounding=ROUND_HALF_UP)


def money(amount: Decimal | int | float) -> str:
    """£1,250,000 for whole pounds, £1,250,000.50 otherwise (drafting convention, not babel's),
    after rounding to pence by `pence`."""
    value = pence(amount)
    pattern = "¤#,##0" if value == value.to_integral_value() else "¤#,##0.00"
    return format_currency(value, "GBP", format=pattern, locale=LOCALE, currency_digits=False)


def money_in_words(amount: Decimal | int | float) -> str:
    """'one million two hundred and fifty thousand pounds' (and 'and 50 pence'), rounded as `money`."""
    value = pence(amount)
    pounds = int(value)
    pennies = int((value - pounds) * 100)
    words = f"{_words(pounds)} {'pound' if pounds == 1 else 'pounds'}"
    if pennies:
        words += f" and {_words(pennies)} {'penny' if pennies == 1 else 'pence'}"
    return words


def money_words(amount: Decimal | int | float) -> str:
    return f"{money(amount)} ({money_in_words(amount)})"


def words(number: int) -> str:
    return _words(int(number))


def _words(number: int) -> str:
    # num2words writes "one million, two hundred and fifty thousand"; UK drafting drops the commas.
    # Imported here: it is slow to import and many commands never write a sum in words.
    from num2words import num2words

    return num2words(number, lang="en_GB").replace(",", "")


def long_date(value: dt.date) -> str:
    return format_date(value, format="d MMMM y", locale=LOCALE)


def percent(value: Decimal | int | float) -> str:
    """12.5%, to at most two places, half rounded up as `pence` rounds."""
    value = Decimal(str(value)).quantize(PENNY, rounding=ROUND_HALF_UP)
    return format_decimal(value, format="#,##0.##", locale=LOCALE) + "%"


def join_and(items: list[str]) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
