"""How amounts, dates and numbers read in a UK draft: £1,250,000, one million ..., 1 April 2026."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal

LOCALE = "en_GB"


def money(amount: Decimal | int | float) -> str:
    """£1,250,000 for whole pounds, £1,250,000.50 otherwise (drafting convention, not babel's)."""
    value = Decimal(str(amount))
    pattern = "¤#,##0" if value == value.to_integral_value() else "¤#,##0.00"
    return format_currency(value, "GBP", format=pattern, locale=LOCALE, currency_digits=False)


def money_in_words(amount: Decimal | int | float) -> str:
    """'one million two hundred and fifty thousand pounds' (and 'and 50 pence')."""
    value = Decimal(str(amount))
    pounds = int(value)
    pence = int((value - pounds) * 100)
    words = f"{_words(pounds)} {'pound' if pounds == 1 else 'pounds'}"
    if pence:
        words += f" and {_words(pence)} {'penny' if pence == 1 else 'pence'}"
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
    return format_decimal(Decimal(str(value)), format="#,##0.##", locale=LOCALE) + "%"


def join_and(items: list[str]) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
