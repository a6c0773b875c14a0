"""Parts every family's term sheet shares: parties, money, periods, contacts, the open-book hook."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import lru_cache
from typing import Annotated, Any, Literal

from pydantic import PrivateAttr, AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator


class Strict(BaseModel):
    """Base for every term-sheet part: unknown keys are errors (typos must not vanish silently)."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)


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
_POUND_WORDS = re.compile(r"(?<![£\w.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?( (?:million|billion|thousand))? pounds?\b")


def pounds_as_sign(value: Any) -> Any:
    """A sum the sheet writes in words after the figure ('1,070,000 pounds', '1.9 million pounds', '2.50 pound') as the
    draft writes sums ('£1,070,000', '£1.9 million', '£2.50'), so pasted text reads like the rest of the draft (r36
    al-fresh finding 16). Anything else is left alone."""
    if not isinstance(value, str) or "pound" not in value:
        return value
    return _POUND_WORDS.sub(lambda m: f"£{m.group(1)}{m.group(2) or ''}{m.group(3) or ''}", value)


Text = Annotated[str, Field(min_length=1, max_length=2000), AfterValidator(pounds_as_sign)]

# Who supplies a field: the commissioner (the default) knows the deal; legal chooses the law and the
# drafting (positions, statutory power, subsidy route, procurement route, execution). The starter
# sheet, the JSON Schema, the web form and the review pack's open facts all read this one marker.
SUPPLIED_BY = "supplied_by"
LEGAL = "legal"
COMMISSIONER = "commissioner"


def legal_field(*args: Any, **kwargs: Any) -> Any:
    """`Field(...)` for a fact legal completes: marked in the field's schema as `supplied_by: legal`,
    so every interface groups it under "legal completes this" with its standard value."""
    extra = kwargs.pop("json_schema_extra", None) or {}
    return Field(*args, json_schema_extra={**extra, SUPPLIED_BY: LEGAL}, **kwargs)


def supplied_by(info: Any) -> str:
    """'legal' for a field made with `legal_field`, else 'commissioner'."""
    extra = getattr(info, "json_schema_extra", None)
    return LEGAL if isinstance(extra, dict) and extra.get(SUPPLIED_BY) == LEGAL else COMMISSIONER


class LegalForm(str, Enum):
    local_authority = "local_authority"
    parish_council = "parish_council"
    combined_authority = "combined_authority"
    fire_and_rescue_authority = "fire_and_rescue_authority"
    police_and_crime_commissioner = "police_and_crime_commissioner"
    integrated_care_board = "integrated_care_board"
    nhs_trust = "nhs_trust"
    nhs_foundation_trust = "nhs_foundation_trust"
    nhs_body = "nhs_body"
    higher_education_corporation = "higher_education_corporation"
    company = "company"
    charitable_company = "charitable_company"
    cio = "cio"
    community_benefit_society = "community_benefit_society"
    cooperative_society = "cooperative_society"
    exempt_charity_society = "exempt_charity_society"
    academy_trust = "academy_trust"
    registered_provider = "registered_provider"
    community_interest_company = "community_interest_company"
    unincorporated_charity = "unincorporated_charity"
    limited_partnership = "limited_partnership"
    llp = "llp"
    other = "other"


# Who regulates a non-public party decides which regulatory events a default clause lists.
CHARITY_COMMISSION_FORMS = frozenset({LegalForm.charitable_company, LegalForm.cio, LegalForm.unincorporated_charity})
SOCIETY_FORMS = frozenset({LegalForm.community_benefit_society, LegalForm.cooperative_society,
                           LegalForm.exempt_charity_society})

LEGAL_FORM_WORDS = {
    LegalForm.local_authority: "a local authority",
    LegalForm.parish_council: "a parish or town council",
    LegalForm.combined_authority: "a combined authority",
    LegalForm.fire_and_rescue_authority: "a fire and rescue authority",
    LegalForm.police_and_crime_commissioner: "a police and crime commissioner, a corporation sole",
    LegalForm.integrated_care_board: "an integrated care board",
    LegalForm.nhs_trust: "an NHS trust",
    LegalForm.nhs_foundation_trust: "an NHS foundation trust",
    LegalForm.nhs_body: "an NHS body",
    LegalForm.higher_education_corporation: "a higher education corporation",
    LegalForm.company: "a company registered in England and Wales",
    LegalForm.charitable_company: "a charitable company registered in England and Wales",
    LegalForm.cio: "a charitable incorporated organisation",
    LegalForm.community_benefit_society: "a registered society (community benefit society)",
    LegalForm.cooperative_society: "a registered society (co-operative society)",
    LegalForm.exempt_charity_society: "a registered society that is an exempt charity",
    LegalForm.academy_trust: "an academy trust (a charitable company and an exempt charity)",
    LegalForm.registered_provider: "a registered provider of social housing",
    LegalForm.community_interest_company: "a community interest company",
    LegalForm.unincorporated_charity: "an unincorporated charity",
    LegalForm.limited_partnership: "a limited partnership",
    LegalForm.llp: "a limited liability partnership",
    LegalForm.other: "an organisation",
}

# The forms that are public bodies: what "Public Body" means in every draft, and who is an Open-Book
# Commissioner rather than an Open-Book Provider. A police and crime commissioner is a corporation sole
# and a public authority, never a profit-capped provider. A registered provider of social housing and
# a higher education corporation are not classed as public bodies here: they contract as independent
# providers (the drafting note on "Public Body" says to check each party against Schedule 1 to the
# Freedom of Information Act 2000).
PUBLIC_BODY_FORMS = frozenset({
    LegalForm.local_authority, LegalForm.parish_council, LegalForm.combined_authority,
    LegalForm.fire_and_rescue_authority, LegalForm.police_and_crime_commissioner,
    LegalForm.integrated_care_board, LegalForm.nhs_trust, LegalForm.nhs_foundation_trust,
    LegalForm.nhs_body,
})
# NHS bodies: the ones whose liabilities NHS Resolution's schemes may cover (the insurance clause
# mentions those schemes only where one is a party).
NHS_FORMS = frozenset({LegalForm.integrated_care_board, LegalForm.nhs_trust, LegalForm.nhs_foundation_trust,
                       LegalForm.nhs_body})

# How each form signs: which execution block its signature page carries (model.Execution kinds).
EXECUTION = {
    LegalForm.local_authority: "seal",
    LegalForm.parish_council: "seal",
    LegalForm.combined_authority: "seal",
    LegalForm.fire_and_rescue_authority: "seal",
    LegalForm.police_and_crime_commissioner: "corporation_sole",
    LegalForm.integrated_care_board: "authorised_signatory",
    LegalForm.nhs_trust: "authorised_signatory",
    LegalForm.nhs_foundation_trust: "authorised_signatory",
    LegalForm.nhs_body: "authorised_signatory",
    LegalForm.higher_education_corporation: "seal",
    LegalForm.company: "company",
    LegalForm.charitable_company: "company",
    LegalForm.community_interest_company: "company",
    LegalForm.cio: "cio",
    LegalForm.community_benefit_society: "society",
    LegalForm.cooperative_society: "society",
    LegalForm.exempt_charity_society: "society",
    LegalForm.academy_trust: "company",
    LegalForm.registered_provider: "authorised_signatory",
    LegalForm.unincorporated_charity: "trustees",
    # A limited partnership in England and Wales has no legal personality: it contracts, and signs, by
    # its general partner (Limited Partnerships Act 1907; Partnership Act 1890 s.4(2) gives legal
    # personality to a Scottish firm only).
    LegalForm.limited_partnership: "limited_partnership",
    # A limited liability partnership is a body corporate (Limited Liability Partnerships Act 2000 s.1(2)):
    # it signs by its members, as the Companies Act 2006 ss.43 to 47 apply to it with modifications
    # (Limited Liability Partnerships (Application of Companies Act 2006) Regulations 2009, SI 2009/1804).
    LegalForm.llp: "llp",
    LegalForm.other: "authorised_signatory",
}

# The term-sheet fields that name the party commissioning or funding the arrangement, in every family.
COMMISSIONING_FIELDS = frozenset({"funder", "commissioner", "authority"})

# Last words of short names that are common nouns and so take "the": "the Council", "the Provider".
GENERIC_NOUNS = frozenset("""
    alliance association authority board body charity commissioner company cooperative co-operative
    corporation council federation foundation foyer fund funder group investor lender partnership
    provider recipient society trust trustee university college school academy landlord
    organisation operator member manager commission service services agency partner partners
""".split())

# A short name may hold letters (accents too), digits, spaces and ' & . - ( ) ,: what real parties use
# ("P3", "BCHA & Partners", "St Mungo's", "Cymdeithas Tai Glân"), starting with a capital or a digit.
# It may not hold the draft's markup characters ([ ] { } | # < > and the like) or control characters.
SHORT_NAME = r"^[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’&.,() -]*$"  # \p{..}, not \w: JSON Schema readers' \w is ASCII


@lru_cache(maxsize=1024)  # asked for each mention of a party (hundreds a draft); a pure function of the names
def takes_article(short_name: str, name: str = "") -> bool:
    """Whether the defined name reads with "the" before it, judged from the name. A single word
    ("Council", "Recipient", "Kitchen") or a name ending in a common noun ("Housing Trust") does; a
    name starting "The", a name with digits, a saint's name, a possessive, an '&' name, an acronym
    ("BCHA", "Recovery CIC") or another name of several words ("Harbour Light") does not. A single
    proper name taken from the front of the full name ("Ashdown" for "Ashdown Children's Charity", or
    "Willowgate" for "The Willowgate Trust") is a name
    and does not; any other single proper name needs the term sheet's `article: false`."""
    words = short_name.split()
    if not words or words[0].casefold() == "the" or any(ch.isdigit() for ch in short_name):
        return False
    if words[0] in ("St", "St.", "Saint") or "&" in short_name or "'s" in short_name or "’s" in short_name:
        return False
    if any(len(w) > 1 and w.isupper() for w in words):
        return False
    if len(words) == 1:
        full = name.split()
        if len(full) > 2 and full[0].casefold() == "the":  # "Willowgate" for "The Willowgate Trust"
            full = full[1:]
        return not (len(full) > 1 and full[0] == short_name and short_name.casefold() not in GENERIC_NOUNS)
    return words[-1].casefold() in GENERIC_NOUNS


def possessive(name: str) -> str:
    """ "Council's", but "St Mungo's" for a name that is already possessive, and "Friends'" for a
    plural ending in s."""
    if name.endswith(("'s", "’s", "s'")):
        return name
    return name + ("'" if name.endswith("s") and not name.endswith("ss") else "'s")


class Signatory(Strict):
    name: str | None = Field(None, description="Who signs for the party. Leave empty to show a placeholder.")
    position: str | None = Field(None, description="Their job title, e.g. 'Director of Housing'.")
    second_name: str | None = Field(
        None, description="Where the party signs by two people (a CIO by two charity trustees, the trustees of an "
                          "unincorporated charity by two of them): the second person who signs, e.g. 'Ruth Okafor'. "
                          "Leave empty to leave a blank for the name, written in at signing.")
    second_position: str | None = Field(
        None, description="The second signer's role, e.g. 'Treasurer and charity trustee'. Shown only with "
                          "second_name.")


def _digits_as_text(value: Any) -> Any:
    """A charity number typed without quotes reads as a number; take it as its digits. Charity
    Commission numbers never start with 0, so nothing is lost (a company number can, and is not
    coerced: `01234567` would lose its zero)."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Party(Strict):
    """A party to the agreement, with what the draft needs to describe and bind it."""

    name: Text = Field(description="Full legal name, exactly as registered, e.g. 'Harbour Housing Trust'.")
    short_name: Annotated[str, Field(min_length=1, max_length=40, pattern=SHORT_NAME)] = Field(
        description="The defined term the draft uses for this party, e.g. 'Council', 'Recipient', 'P3', "
        "'BCHA & Partners', 'St Mungo's'. Letters (accents kept), digits, spaces and ' & . , - ( ) only; "
        "it starts with a letter or digit."
    )
    article: bool | None = legal_field(
        None,
        description="Whether the draft writes 'the' before the short name ('the Council') or not ('P3', "
        "'St Mungo's', 'The Zone'). Leave empty to decide from the name: a common noun such as "
        "'Council', 'Recipient', 'Provider' or 'Trust' takes 'the'; a name starting 'The', with digits, "
        "'St ...', a possessive, an '&' name, an acronym, the first word of the full name ('Ashdown') or another proper name does not.",
    )
    legal_form: LegalForm = Field(
        description="What kind of body the party is; public bodies (councils, combined, fire and police "
        "bodies, ICBs, NHS trusts) pay under open-book terms and never have their profit capped. 'academy_trust': "
        "the proprietor of one or more Academies (a single- or multi-academy trust), a charitable company that is an "
        "exempt charity (give its company number; it has no Charity Commission number) and a Scheme employer in the "
        "Local Government Pension Scheme (so staff transferring to it need no admission agreement)."
    )
    company_number: str | None = Field(None, description="Companies House number: 8 digits, or 2 letters and 6 digits (e.g. SC123456; a limited partnership's is LP and 6 digits).")
    charity_number: Annotated[str | None, BeforeValidator(_digits_as_text)] = Field(
        None, description="Charity Commission number: 6 or 7 digits (e.g. 1123456).")
    society_number: str | None = Field(None, description="FCA Mutuals Public Register number, e.g. 'RS007412' or '31240R'.")
    limited_by: Literal["guarantee", "shares"] | None = Field(
        None, description="For a company (legal_form: company, charitable_company or community_interest_company): whether it is limited by "
        "guarantee or by shares, as Companies House records it, so the parties block reads 'a company limited by "
        "guarantee incorporated in England and Wales'. Empty: the draft says only 'a company' and does not guess.")
    rsh_number: str | None = Field(
        None, description="Regulator of Social Housing registration number of a registered provider, e.g. 'L4512' or '4805'.")
    general_partner: str | None = Field(
        None, description="For a limited partnership (legal_form: limited_partnership): the full name of its general "
        "partner, e.g. 'Northern Commons GP Limited', which contracts and signs for it. Empty: the draft shows a placeholder.")
    general_partner_number: str | None = Field(
        None, description="For a limited partnership only: the Companies House number of its general partner, e.g. "
        "'12345678'. The partnership's own registration number (e.g. 'LP012345') goes in company_number.")
    address: Text = Field(description="Registered office or principal address, on one line.")
    email: str | None = Field(None, description="Address for notices under the agreement.")
    signatory: Signatory = Field(default_factory=Signatory, description="Who signs for this party.")
    trustees: list[Text] = Field(
        default_factory=list,
        description="For an unincorporated charity (legal_form: unincorporated_charity) only: the full names of its "
        "trustees for the time being, who are the party (a trust has no legal personality, so they contract, lend "
        "and hold any charge together). Empty: the draft shows a placeholder for their names. Ignored for other forms.")

    # Set by a family whose sheet knows it (the alliance): a district or borough council in a two-tier area, which has
    # housing functions but no social services functions (r17 al-fresh finding 14).
    _lower_tier_council: bool = PrivateAttr(default=False)

    @property
    def lower_tier_council(self) -> bool:
        """A district or borough council in a two-tier area (known only where the family's sheet says so)."""
        return self._lower_tier_council

    # Set by a family whose sheet knows it (the alliance): a council plainly holding social services functions (marked
    # upper tier, or named neither district nor borough council), so a shared note can name its functions.
    _social_services_council: bool = PrivateAttr(default=False)

    @property
    def social_services_council(self) -> bool:
        """A council plainly holding social services functions (known only where the family's sheet says so)."""
        return self._social_services_council

    # Set by a family whose sheet knows it (the alliance): a council commissioning services for looked-after children
    # and care leavers, so the shared statutory functions note names its children's functions, not Care Act care.
    _children_functions: bool = PrivateAttr(default=False)

    @property
    def children_functions(self) -> bool:
        """A council whose services here are for looked-after children and care leavers (known only where the family's
        sheet says so)."""
        return self._children_functions

    @property
    def is_public_body(self) -> bool:
        """A public body by its legal form: the class behind "Public Body", "Open-Book Commissioner"
        and "Open-Book Provider" in every draft, the rules and the review pack."""
        return self.legal_form in PUBLIC_BODY_FORMS

    @property
    def is_nhs_body(self) -> bool:
        """An integrated care board, NHS trust, foundation trust or other NHS body."""
        return self.legal_form in NHS_FORMS

    @property
    def charity_commission_regulated(self) -> bool:
        """Registered with (or regulated by) the Charity Commission, so its inquiries and interim
        managers are events that matter; an exempt charity is not (Charities Act 2011 s.22, Sch.3)."""
        return self.legal_form in CHARITY_COMMISSION_FORMS or bool(self.charity_number)

    @property
    def lgps_scheduled_body(self) -> bool:
        """A Scheme employer in the Local Government Pension Scheme by its form, needing no admission agreement:
        the proprietor of an Academy (LGPS Regulations 2013, Sch. 2 Part 1 para. 20; law.yaml lgps_scheme_employers)."""
        return self.legal_form == LegalForm.academy_trust

    @property
    def registered_society(self) -> bool:
        """Registered under the Co-operative and Community Benefit Societies Act 2014, so the FCA's
        cancellation or suspension of its registration is an event that matters."""
        return self.legal_form in SOCIETY_FORMS or bool(self.society_number)

    @property
    def description(self) -> str:
        """The party's legal form and registration numbers, as the parties block of an agreement gives them,
        for a draft (a letter) that identifies the parties in its text instead."""
        from assembler.assemble import _description  # the one wording, shared with the parties block

        return _description(self)

    @property
    def is_trust(self) -> bool:
        """An unincorporated charity: the party is its trustees for the time being, acting together."""
        return self.legal_form == LegalForm.unincorporated_charity

    @property
    def trustee_names(self) -> str:
        """The trustees' names as the parties block gives them ("A, B and C"), or empty if the sheet has none."""
        names = list(self.trustees)
        return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else "".join(names)

    @property
    def takes_article(self) -> bool:
        return takes_article(self.short_name, self.name) if self.article is None else self.article

    @property
    def defined(self) -> str:
        """The defined name as it reads mid-sentence: "the Council", "P3", "The Zone"."""
        return f"the {self.short_name}" if self.takes_article else self.short_name

    @property
    def deed_signer_unnamed(self) -> str | None:
        """Why a deed block leaves this party's named signatory out ('seal' or 'director'), or None: a council's seal
        is attested by the officer its constitution names, and a company's director block names the signatory only
        when the term sheet says they are a director. The drafting note then says whom the sheet names."""
        from assembler.execution import _is_director

        if not (self.signatory and self.signatory.name):
            return None
        kind = EXECUTION.get(self.legal_form)
        if kind == "seal":
            return "seal"
        if kind == "company" and not _is_director(self.signatory.position):
            return "director"
        return None

    @property
    def possessive(self) -> str:
        """The short name as a possessive, for placeholders: "Council's", "St Mungo's"."""
        return possessive(self.short_name)

    @property
    def name_inline(self) -> str:
        """The full name as it reads after the first word of a list or sentence: a leading "The" is lowered where the
        party's short name takes "the" (so it is an article, as in "the Police and Crime Commissioner for X"), and kept
        where it belongs to the name ("The Zone"), r31 al-fresh finding 17."""
        if self.name.startswith("The ") and self.takes_article:
            return "the " + self.name[4:]
        return self.name

    @property
    def Defined(self) -> str:  # noqa: N802 - the sentence-initial form, read by templates as p.Defined
        """The defined name at the start of a sentence: "The Council", "P3"."""
        return f"The {self.short_name}" if self.takes_article else self.short_name


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
    baseline: Annotated[str | None, AfterValidator(pounds_as_sign)] = Field(None, description="Where things stand now, e.g. '40 a year'.")
    target: Text = Field(description="The level to reach, e.g. '120 a year by March 2028'.")
    frequency: str = Field("quarterly", description="How often it is reported, e.g. 'quarterly'.")
    measured_over: str | None = Field(
        None, description="The period each result is measured over, e.g. 'rolling 12 months', 'each quarter', "
                          "'the financial year'. Empty: the open-book draft proposes a period in brackets and lists "
                          "it among the assumptions to confirm.")
    data_source: Text | None = Field(
        None, description="Where the figure comes from and the definition it follows, as words that complete 'measured "
        "from', e.g. 'the ASCOF measure 2B(1) definition, counted by the Council from the Providers' records' or 'the "
        "NHS discharge dataset as published for Hollinsford General Hospital'. The alliance draft prints it in Schedule 2. "
        "Empty: the alliance draft's note asks for it for each KPI that gates a share of Gain.")

    @property
    def shown_target(self) -> str:
        """The target as the open-book schedule prints it: 'by 2029/30' (a financial year, which fixes no date for
        the clause measuring a target from the date it is due) becomes 'for the 12 months ending 31 March 2030'
        (r28 ob-fresh 14). A target of 'none', 'nil' or 'zero' is a zero tolerance, printed '0 (nil)' so that it cannot
        be read as 'no target' (r32 ob-fresh finding 12)."""
        if re.fullmatch(r"(?i)\s*(none|nil|zero)\.?\s*", str(self.target)):
            return "0 (nil)"
        return _FINANCIAL_YEAR_BY.sub(lambda m: f"for the 12 months ending 31 March {int(m.group(1)) + 1}",
                                      str(self.target))

    @property
    def target_period(self) -> str | None:
        """The period the target itself names ('at least 98% each quarter': quarter), or None."""
        m = _PERIOD_IN.search(str(self.target))
        return _PERIOD_WORD[m.group(1).lower()] if m else None

    @property
    def longer_target_period(self) -> str | None:
        """The target's period where it is longer than the stated 'measured over' period (a target of 98% each
        quarter measured each month: r28 ob-fresh 13): the KPI is then measured over the target's period."""
        if not self.measured_over or "rolling" in self.measured_over.lower():
            return None
        # the longest period the 'measured over' text names: 'the 12 months to the end of each quarter' is a year
        words = [_OVER_WORD[w.lower()] for w in _OVER_IN.findall(self.measured_over)]
        over = max(words, key=_PERIOD_ORDER.index) if words else None
        target = self.target_period
        if over and target and _PERIOD_ORDER.index(target) > _PERIOD_ORDER.index(over):
            return target
        return None

    @property
    def shown_measured_over(self) -> str | None:
        """The 'Measured over' cell: the target's own period where it is longer, reported to date at the frequency
        ('each quarter (reported monthly, quarter to date)'), so the measure and the target agree."""
        longer = self.longer_target_period
        if longer:
            return f"each {longer} (reported {self.frequency}, {longer} to date)"
        return self.measured_over


_FINANCIAL_YEAR_BY = re.compile(r"\bby (20\d\d)/(\d\d)\b")
_PERIOD_IN = re.compile(r"\b(?:each|every|a|per|in any|in each)\s+(month|quarter|half-year|six months|year|"
                                      r"contract year|financial year)\b", re.IGNORECASE)
_PERIOD_WORD = {"month": "month", "quarter": "quarter", "half-year": "half-year", "six months": "half-year",
                "year": "year", "contract year": "year", "financial year": "year"}
_PERIOD_ORDER = ["month", "quarter", "half-year", "year"]
_OVER_IN = re.compile(r"\b(month|three months|quarter|half-year|six months|12 months|twelve months|year)\b", re.IGNORECASE)
_OVER_WORD = {"month": "month", "three months": "quarter", "quarter": "quarter", "half-year": "half-year",
              "six months": "half-year", "12 months": "year", "twelve months": "year", "year": "year"}


class Country(str, Enum):
    """Where the public body is and the services are delivered: one legal jurisdiction (England and
    Wales), but not the same statutes for safeguarding, councils' powers, regulators or procurement."""

    england = "england"
    wales = "wales"


# Scotland and Northern Ireland have their own law of contract, courts and statutes: refused by name.
_NOT_SUPPORTED = {"scotland": "Scotland", "northern_ireland": "Northern Ireland", "northern ireland": "Northern Ireland",
                  "ni": "Northern Ireland"}


def _country(value: Any) -> Any:
    """Accepts 'England' or 'Wales' in any case; refuses Scotland and Northern Ireland in plain words
    (a draft under the law of England and Wales citing English or Welsh statutes would mislead there)."""
    if isinstance(value, str):
        key = value.strip().lower()
        if key in _NOT_SUPPORTED:
            raise ValueError(
                f"{_NOT_SUPPORTED[key]} is not supported: its law differs (contract, courts, safeguarding, "
                "councils' powers, procurement) and these drafts follow the law of England and Wales; "
                "write england or wales, or instruct a lawyer there")
        return key
    return value


class Document(Strict):
    """Facts that every family's draft carries on its cover and in its header."""

    country: Annotated[Country, BeforeValidator(_country)] = Field(
        Country.england,
        description="Where the public body is and the services are delivered: england (the standard) or "
        "wales. Wales gives the Welsh statutes where they differ (safeguarding under the Social Services "
        "and Well-being (Wales) Act 2014, a council's power under the Local Government and Elections (Wales) "
        "Act 2021, Care Inspectorate Wales, the Welsh language standards, the well-being duty, the Welsh "
        "Ministers and the Senedd). Scotland and Northern Ireland are not supported.")

    reference: str | None = Field(None, description="Your file reference, shown in the header, e.g. 'LEGAL/2026/014'.")
    agreement_date: dt.date | None = Field(None, description="Date of the agreement. Leave empty until it is completed: the draft shows a blank to write the date in on completion (not an open fact, so --final accepts it).")
    draft_date: dt.date | None = Field(None, description="The draft date: printed in the DRAFT marking, and the date the rules judge dates and the law in force against. `--date` overrides it; empty: the date the draft is assembled.")
    deed: bool | None = legal_field(
        None, description="true: the parties execute the agreement as a deed (signature blocks say 'Executed as a "
        "deed', with witnesses where the law needs them); false: they sign it as a simple contract. Leave "
        "empty for the library's choice for the family (a simple contract).")

    @property
    def wales(self) -> bool:
        """True for a Welsh draft: what clause conditions and notes test (`document.wales`)."""
        return self.country is Country.wales


class TermSheetBase(Strict):
    """Fields common to every family's term sheet."""

    family: str = Field(description="Which agreement family this term sheet is for.")
    document: Document = Field(default_factory=Document, description="Reference and dates for the draft itself.")
    positions: dict[str, str] = legal_field(
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
    safeguarding: "Safeguarding" = Field(default_factory=lambda: Safeguarding(), description="Who the services are for (children, adults or both), which decides the safeguarding law the draft cites.")

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

    def commissioning_parties(self) -> list[Party]:
        """The parties that commission or fund the arrangement (the grant's funder, the open-book
        commissioner, the co-investment authority, each alliance member whose role is commissioner),
        known by the field or role that names them, not by legal form: an NHS trust that is a provider
        is a public body but directs no one. Clauses give these parties the oversight roles (receiving
        conflict notices and safeguarding reports, deciding the steps a conflict needs). Where a family
        names none, the public bodies."""
        found = [party for location, party in self.party_fields()
                 if location[0] in COMMISSIONING_FIELDS or getattr(party, "role", None) == "commissioner"]
        return found or [party for party in self.parties() if party.is_public_body]


# The open_book block is defined with its arithmetic in open_book.py, which builds on this module and
# completes TermSheetBase's `open_book` field when it loads. A plain import works from either side.
# Insurance and data protection (obligations.py) are completed the same way.
from assembler.termsheet.obligations import DataProtection, Insurance, Safeguarding  # noqa: E402,F401
import assembler.termsheet.open_book  # noqa: E402,F401
