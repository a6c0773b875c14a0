"""Which days are Business Days: weekdays that are not bank holidays in the country whose law the
draft follows. The `holidays` package computes England-and-Wales bank holidays for any year (Easter
moves), so a date set on Good Friday or Easter Monday is caught before a lawyer has to spot it; a
one-off bank holiday proclaimed later (a coronation) cannot be known in advance."""

from __future__ import annotations

import datetime as dt
import functools

import holidays

# holidays' subdivisions of GB, by the draft's country
_SUBDIVISION = {"england": "ENG", "wales": "WLS"}


@functools.cache
def _bank_holidays(country: str, year: int) -> dict[dt.date, str]:
    return dict(holidays.country_holidays("GB", subdiv=_SUBDIVISION.get(country, "ENG"), years=[year]))


def bank_holiday(day: dt.date, country: str = "england") -> str | None:
    """The bank holiday's name if `day` is one, else None."""
    return _bank_holidays(country, day.year).get(day)


def not_a_business_day(day: dt.date, country: str = "england") -> str | None:
    """Why `day` is not a Business Day ('a Saturday', 'Good Friday'), or None if it is one."""
    if day.weekday() >= 5:
        return f"a {day.strftime('%A')}"
    return bank_holiday(day, country)


def previous_business_day(day: dt.date, country: str = "england") -> dt.date:
    day -= dt.timedelta(days=1)
    while not_a_business_day(day, country):
        day -= dt.timedelta(days=1)
    return day
