"""The delivery organisation as a borrower: the facts an investment committee reads before it lends
(latest accounts, reserves, track record). None of them changes the draft; the review pack's credit
page prints them, so an investor sees the borrower beside the deal's own figures.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from pydantic import Field

from assembler.termsheet.common import Money, Strict


class DeliveryFinances(Strict):
    """The delivery organisation's finances and track record, from its latest accounts (optional)."""

    accounts_year_end: dt.date | None = Field(
        None, description="The last day of the financial year of the delivery organisation's latest accounts, as "
        "YYYY-MM-DD, e.g. 2026-03-31. Empty: the borrower section says the accounts are not yet given.")
    accounts_audited: bool | None = Field(
        None, description="Whether those accounts were audited (true) or independently examined or unaudited (false).")
    turnover: Money | None = Field(None, description="Total income in those accounts, in pounds.")
    expenditure: Money | None = Field(None, description="Total expenditure in those accounts, in pounds: the months of "
                                      "reserves are worked out from it.")
    unrestricted_reserves: Money | None = Field(
        None, description="Unrestricted (free) reserves at the year end, in pounds: funds not restricted or "
        "designated and not tied up in fixed assets.")
    reserves_months: Decimal | None = Field(
        None, ge=0, le=240, description="Months of expenditure the free reserves would cover, as the accounts or the "
        "reserves policy state it. Empty: worked out from the reserves and the year's expenditure.")
    homes_managed: int | None = Field(None, ge=0, le=1_000_000, description="Homes the delivery organisation "
                                      "manages now (owned or leased), e.g. 420.")
    years_operating: int | None = Field(None, ge=0, le=500, description="Years the delivery organisation has "
                                        "provided housing or the services, e.g. 18.")
    track_record: str | None = Field(
        None, max_length=2000, description="Its track record in a sentence or two, e.g. 'bought and let 60 homes under "
        "a 2021 social investment, repaid on time'; any regulatory judgement (e.g. the Regulator of Social Housing's "
        "G1/V1 grading) or late filing to note.")

    @property
    def given(self) -> bool:
        return any(v is not None for v in self.model_dump().values())

    @property
    def months_of_reserves(self) -> Decimal | None:
        """The months stated, else the free reserves divided by a month's expenditure, to one place."""
        if self.reserves_months is not None:
            return self.reserves_months
        if self.unrestricted_reserves is None or not self.expenditure:
            return None
        months = self.unrestricted_reserves * 12 / self.expenditure
        return months.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
