"""How amounts, dates and numbers read in a UK draft: £1,250,000, one million ..., 1 April 2026.

Written out here rather than through babel and num2words, which take longer to import and load
their locale data than a draft takes to render: tests/test_formatting.py holds every function to
babel's en_GB output (and num2words' en_GB words) over a wide range of values.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal

LOCALE = "en_GB"
PENNY = Decimal("0.01")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


def pence(amount: Decimal | int | float) -> Decimal:
    """Round to the nearest penny, half a penny rounded up: the one rounding rule. The reconciliation
    arithmetic, the rules' messages and the clause filters all round through here, so a message and
    the draft never print a figure a penny apart (babel alone would round half to even)."""
    if type(amount) is Decimal:  # Decimal(str(d)) is d: the credit model rounds thousands of them
        return amount.quantize(PENNY, rounding=ROUND_HALF_UP)
    return Decimal(str(amount)).quantize(PENNY, rounding=ROUND_HALF_UP)


class Factor(Decimal):
    """A multiplying factor worked out to four decimal places: the draft prints all four (0.9990, 1.0300), where a
    plain Decimal prints without trailing zeros (r20 ob-fresh: "0.999" beside "0.9991")."""


def factor(value: Decimal | int | float) -> Factor:
    """The value rounded half up to four decimal places, printed with all four."""
    return Factor(Decimal(str(value)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def money(amount: Decimal | int | float) -> str:
    """£1,250,000 for whole pounds, £1,250,000.50 otherwise (drafting convention, not babel's),
    after rounding to pence by `pence`."""
    value = pence(amount)
    figure = f"{abs(value):,.0f}" if value == value.to_integral_value() else f"{abs(value):,.2f}"
    return ("-£" if value.is_signed() else "£") + figure


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
    """British English words for a whole number, as num2words writes them for en_GB less its commas:
    "one million two hundred and fifty thousand", "one thousand and one"."""
    if number < 0:
        return "minus " + _words(-number)
    if number == 0:
        return "zero"
    if number >= 1000 ** len(_SCALES):  # beyond any sum in an agreement: num2words itself
        from num2words import num2words

        return num2words(number, lang="en_GB").replace(",", "")
    groups = []  # (value, scale) of each non-zero group of three digits, highest first
    scale = 0
    while number:
        number, group = divmod(number, 1000)
        if group:
            groups.insert(0, (group, scale))
        scale += 1
    out = ""
    for group, scale in groups:
        if out:  # "and" before a last group under a hundred, as in "one thousand and one"
            out += " and " if scale == 0 and group < 100 else " "
        out += _hundreds(group) + (f" {_SCALES[scale]}" if scale else "")
    return out


def _hundreds(number: int) -> str:
    """1 to 999: "nine hundred and ninety-nine"."""
    hundreds, rest = divmod(number, 100)
    if rest < 20:
        tail = _SMALL[rest] if rest else ""
    else:
        tens, units = divmod(rest, 10)
        tail = _TENS[tens] + (f"-{_SMALL[units]}" if units else "")
    if not hundreds:
        return tail
    return f"{_SMALL[hundreds]} hundred" + (f" and {tail}" if tail else "")


_SMALL = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SCALES = ("", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion")


def long_date(value: dt.date) -> str:
    """3 December 2026."""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def percent(value: Decimal | int | float) -> str:
    """12.5%, to at most two places, half rounded up as `pence` rounds."""
    value = Decimal(str(value)).quantize(PENNY, rounding=ROUND_HALF_UP)
    figure = f"{abs(value):,.2f}".rstrip("0").rstrip(".")
    return ("-" if value.is_signed() else "") + figure + "%"


def join_and(items: list[str]) -> str:
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def has_word(text: str, *words: str) -> bool:
    """Whether any of the words occurs in the text as a word or phrase, not inside a longer word (case-insensitive):
    "refuge" matches "a refuge" and "refuges" but not "refugee" (r40 al-resettle finding 7). A word given with a
    trailing "*" is a stem ("learning disabilit*" matches "learning disability" and "disabilities"); any other word
    matches itself and its plural (-es after s, x, z, ch or sh, else -s: "refuges", never "refugees")."""
    for w in words:
        stem = w.endswith("*")
        body = re.escape(w.rstrip("*").strip())
        plural = "" if stem else ("(?:es)?" if re.search(r"(?:s|x|z|ch|sh)$", body) else "s?") + r"\b"
        if re.search(r"\b" + body + plural, text, re.I):
            return True
    return False
