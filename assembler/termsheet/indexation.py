"""The price measures a term sheet's indexation words name, and the words a draft defines each one with.

The alliance's Indexation Increase and the open-book price review read the same measures (the national living
wage and the ONS price indices) out of the sheet's words and define them the same way; only the day each is taken
on differs ("the first day of that Alliance Year", "that review date"), so the family passes that in.
"""

from __future__ import annotations

import re

from assembler.formatting import MONTHS

# Each measure's key and how a sheet names it; CPIH before CPI so that "CPIH" is never read as CPI.
INDEX_NAMES = (
    ("nlw", r"national living wage|\bNLW\b"),
    ("cpih", r"\bCPIH\b|consumer prices index including owner"),
    ("cpi", r"consumer prices index(?! including owner)|\bCPI\b(?!H)"),
    ("rpi", r"retail prices? index|\bRPI\b"),
)

# "12 months to that April" (r40 al-shortbreaks F3) names the month as surely as "to the previous April".
_MONTH_TO = re.compile(r"(?:12|twelve)[ -]months? to (?:the )?(?:previous |preceding |last |that |each )?("
                       + "|".join(MONTHS) + ")", re.I)

_PRICE_INDEX = {
    "cpi": "the Consumer Prices Index (CPI, all items)",
    "cpih": "the Consumer Prices Index including owner occupiers' housing costs (CPIH, all items)",
    "rpi": "the Retail Prices Index (RPI, all items)",
}


def month_to(segment: str) -> str | None:
    """The month a price index's 12-month change runs to, as the sheet words it ("12 months to the previous
    December"), or None."""
    m = _MONTH_TO.search(segment)
    return m.group(1).capitalize() if m else None


def measure_words(part: dict, *, in_force_on: str, before: str, published: str) -> str:
    """The definition of one measure ({"index", "month"}): the national living wage rise in force on a day over
    the rate a year earlier, or an ONS index's 12-month change to the month the sheet names (else the latest
    published). For example in_force_on="that review date", before="that review date", published="on that
    review date"."""
    if part["index"] == "nlw":
        return ("the percentage increase in the hourly rate of the national living wage (regulation 4 of the "
                f"National Minimum Wage Regulations 2015) in force on {in_force_on} over the rate in force "
                "12 months earlier")
    when = (f"the 12 months to the {part['month']} before {before}" if part["month"] else
            f"the 12 months to the latest month for which it has been published {published}")
    return (f"the percentage change in {_PRICE_INDEX[part['index']]} published by the Office for National Statistics "
            f"over {when}")
