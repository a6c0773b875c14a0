"""Parts every family's term sheet shares: parties, money, periods, contacts, the open-book hook."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator


class Strict(BaseModel):
    """Base for every term-sheet part: unknown keys are errors (typos must not vanish silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _decimal(noise: tuple[str, ...], kind: str, hint: str):
    """A parser that accepts numbers as commissioners type them (with the given symbols and
    separators) and refuses anything else with a message saying what kind of number is wanted."""

    def parse(value: Any) -> Any:
        if isinstance(value, bool):
            raise ValueError(f"expected {kind}; {hint}")
        if isinstance(value, str):
            cleaned = value
            for part in noise:
                cleaned = cleaned.replace(part, "")
            try:
                return Decimal(cleaned.strip())
            except InvalidOperation:
                raise ValueError(f"{value!r} is not {kind}; {hint}") from None
        if isinstance(value, float):
            return Decimal(str(value))
        return value

    return parse


# 1250000, "1,250,000" and "£1,250,000" are all £1,250,000.
_money = _decimal((",", "£", "GBP"), "an amount", 'write pounds as a number, e.g. 125000 or "125,000.50"')
# 12.5, "12.5" and "12.5%" are all 12.5%.
_percent = _decimal(("%",), "a percentage", "write a number from 0 to 100, e.g. 12.5")

Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    Field(ge=0, decimal_places=2, description="An amount in pounds sterling (GBP), e.g. 125000.", json_schema_extra={"unit": "GBP"}),
]
Percent = Annotated[
    Decimal,
    BeforeValidator(_percent),
    Field(ge=0, le=100, decimal_places=2, description="A percentage from 0 to 100, e.g. 12.5.", json_schema_extra={"unit": "%"}),
]
Text = Annotated[str, Field(min_length=1, max_length=2000)]


class LegalForm(str, Enum):
    local_authority = "local_authority"
    nhs_body = "nhs_body"
    company = "company"
    charitable_company = "charitable_company"
    cio = "cio"
    community_benefit_society = "community_benefit_society"
    cooperative_society = "cooperative_society"
    community_interest_company = "community_interest_company"
    unincorporated_charity = "unincorporated_charity"
    other = "other"


LEGAL_FORM_WORDS = {
    LegalForm.local_authority: "a local authority",
    LegalForm.nhs_body: "an NHS body",
    LegalForm.company: "a company registered in England and Wales",
    LegalForm.charitable_company: "a charitable company registered in England and Wales",
    LegalForm.cio: "a charitable incorporated organisation",
    LegalForm.community_benefit_society: "a registered society (community benefit society)",
    LegalForm.cooperative_society: "a registered society (co-operative society)",
    LegalForm.community_interest_company: "a community interest company",
    LegalForm.unincorporated_charity: "an unincorporated charity",
    LegalForm.other: "an organisation",
}


class Signatory(Strict):
    name: str | None = Field(None, description="Who signs for the party. Leave empty to show a placeholder.")
    position: str | None = Field(None, description="Their job title, e.g. 'Director of Housing'.")


class Party(Strict):
    """A party to the agreement, with what the draft needs to describe and bind it."""

    name: Text = Field(description="Full legal name, exactly as registered, e.g. 'Harbour Housing Trust'.")
    short_name: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Z][A-Za-z' -]*$")] = Field(
        description="The defined term the draft uses for this party, e.g. 'Council' or 'Recipient' "
        "(capitalised, letters only)."
    )
    legal_form: LegalForm = Field(description="What kind of body the party is.")
    company_number: str | None = Field(None, description="Companies House number: 8 digits, or 2 letters and 6 digits (e.g. SC123456).")
    charity_number: str | None = Field(None, description="Charity Commission number: 6 or 7 digits (e.g. 1123456).")
    society_number: str | None = Field(None, description="FCA Mutuals Public Register number, e.g. 'RS007412' or '31240R'.")
    address: Text = Field(description="Registered office or principal address, on one line.")
    email: str | None = Field(None, description="Address for notices under the agreement.")
    signatory: Signatory = Field(default_factory=Signatory, description="Who signs for this party.")


class Period(Strict):
    start: dt.date = Field(description="First day, as YYYY-MM-DD.")
    end: dt.date = Field(description="Last day, as YYYY-MM-DD.")

    @property
    def months(self) -> int:
        """Whole months from start to end (inclusive of the last day), for 'a term of N months'."""
        end = self.end + dt.timedelta(days=1)
        return (end.year - self.start.year) * 12 + end.month - self.start.month


class Kpi(Strict):
    measure: Text = Field(description="What is measured, e.g. 'People helped into settled housing'.")
    baseline: str | None = Field(None, description="Where things stand now, e.g. '40 a year'.")
    target: Text = Field(description="The level to reach, e.g. '120 a year by March 2028'.")
    frequency: str = Field("quarterly", description="How often it is reported, e.g. 'quarterly'.")


class Document(Strict):
    """Facts that every family's draft carries on its cover and in its header."""

    reference: str | None = Field(None, description="Your file reference, shown in the header, e.g. 'LEGAL/2026/014'.")
    agreement_date: dt.date | None = Field(None, description="Date of the agreement. Leave empty until signing: the draft shows a placeholder.")
    draft_date: dt.date | None = Field(None, description="The draft date: printed in the DRAFT marking, and the date the rules judge dates and the law in force against. `--date` overrides it; empty: the date the draft is assembled.")


class TermSheetBase(Strict):
    """Fields common to every family's term sheet."""

    family: str = Field(description="Which agreement family this term sheet is for.")
    document: Document = Field(default_factory=Document, description="Reference and dates for the draft itself.")
    positions: dict[str, str] = Field(
        default_factory=dict,
        description="Chosen alternatives, position: variant. Omitted positions take the library's standard.",
    )
    open_book: "OpenBook | None" = Field(
        None,
        description="Open-book, reasonable-profit terms: give them and the draft gains the open-book clauses "
        "and schedules (profit cap, allowable costs, reconciliation with a worked example, reporting).",
    )
    insurance: "Insurance" = Field(default_factory=lambda: Insurance(), description="Insurance each party that is not a public body must hold; left out, proportionate defaults by family and size apply.")
    data_protection: "DataProtection" = Field(default_factory=lambda: DataProtection(), description="The parties' data protection roles and the details of the personal data involved.")

    @model_validator(mode="after")
    def _short_names_unique(self) -> "TermSheetBase":
        names = [p.short_name for p in self.parties()]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"two parties share the short name {', '.join(dupes)}; each needs its own")
        return self

    @model_validator(mode="after")
    def _settle_obligations(self) -> "TermSheetBase":
        """Insurance defaults need the family and size; data protection roles need the parties."""
        from assembler.termsheet import obligations

        obligations.settle(self)
        obligations.check_roles(self)
        return self

    def party_fields(self) -> list[tuple[tuple[str | int, ...], Party]]:
        """(location, party) for every party the term sheet names, in the order its model declares
        them, which is the signing order: a family says who its parties are by its fields alone."""
        out: list[tuple[tuple[str | int, ...], Party]] = []
        for name in type(self).model_fields:
            value = getattr(self, name)
            if isinstance(value, Party):
                out.append(((name,), value))
            elif isinstance(value, list):
                out += [((name, i), item) for i, item in enumerate(value) if isinstance(item, Party)]
        return out

    def parties(self) -> list[Party]:
        """Every party in signing order."""
        return [party for _, party in self.party_fields()]


# The open_book block is defined with its arithmetic in open_book.py, which builds on this module and
# completes TermSheetBase's `open_book` field when it loads. A plain import works from either side.
# Insurance and data protection (obligations.py) are completed the same way.
from assembler.termsheet.obligations import DataProtection, Insurance  # noqa: E402,F401
import assembler.termsheet.open_book  # noqa: E402,F401
