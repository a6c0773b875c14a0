"""Rules every family shares: dates in order, registration numbers matching legal forms."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from assembler.formatting import long_date, money
from assembler.rules import Loc, RuleContext, RuleSet, periods
from assembler.rules.examples import EXAMPLES
from assembler.termsheet.common import LEGAL_FORM_WORDS, LegalForm

COMMON = RuleSet()

COMPANY_NUMBER = re.compile(r"^(\d{8}|(SC|NI|OC|SO|NC|R0|IP|SP|RS|SE|CE|CS|LP|SL|NL)\d{6})$")
CHARITY_NUMBER = re.compile(r"^\d{6,7}(-\d{1,2})?$|^SC0\d{5}$")
SOCIETY_NUMBER = re.compile(r"^(RS)?\d{4,6}R?$")
RSH_NUMBER = re.compile(r"^(L|LH|H)?\d{4}$")

NEEDS = {
    LegalForm.company: ("company_number",),
    LegalForm.community_interest_company: ("company_number",),
    LegalForm.charitable_company: ("company_number", "charity_number"),
    LegalForm.cio: ("charity_number",),
    LegalForm.community_benefit_society: ("society_number",),
    LegalForm.cooperative_society: ("society_number",),
    # A registered society that is an exempt charity is on the FCA register but not the Charity
    # Commission's (Charities Act 2011 s.22 and Sch. 3): a society number, never a charity number.
    LegalForm.exempt_charity_society: ("society_number",),
    # An academy trust is a charitable company but an exempt charity (Charities Act 2011 s.22 and Sch. 3): on the
    # companies register, never the Charity Commission's.
    LegalForm.academy_trust: ("company_number",),
    LegalForm.registered_provider: ("rsh_number",),
    LegalForm.limited_partnership: ("company_number",),  # its LP number, from the same register
    LegalForm.llp: ("company_number",),  # its OC, SO or NC number, on the companies register
}
# Numbers a form may have besides those it needs: a registered provider is also a company, a society
# or a charity, and gives that number too. Public bodies (councils, NHS trusts, ICBs, a police and
# crime commissioner) have none.
MAY_HAVE = {
    LegalForm.registered_provider: ("company_number", "society_number", "charity_number"),
    LegalForm.other: ("company_number", "charity_number", "society_number"),
    # A trust or association registers with the Charity Commission once its income is over £5,000
    # (Charities Act 2011 s.30(2)(d)), so a registered one has a number and a small one has none.
    LegalForm.unincorporated_charity: ("charity_number",),
}
# Any English body that provides social housing may be registered, whatever its form (Housing and
# Regeneration Act 2008 s.112; local authorities are registered by order under s.114; legislation.gov.uk,
# checked 2026-12-04), so it may give its RSH number with its own: a charitable society that is a
# registered provider is not "the wrong form".
for _form in (LegalForm.local_authority, LegalForm.company, LegalForm.charitable_company, LegalForm.cio,
              LegalForm.community_benefit_society, LegalForm.cooperative_society, LegalForm.exempt_charity_society,
              LegalForm.community_interest_company, LegalForm.llp, LegalForm.academy_trust):
    MAY_HAVE[_form] = (*MAY_HAVE.get(_form, ()), "rsh_number")
FORMATS = {
    "company_number": (COMPANY_NUMBER, "8 digits, or 2 letters and 6 digits (e.g. 01234567, SC123456)"),
    "charity_number": (CHARITY_NUMBER, "6 or 7 digits (e.g. 1123456), or SC0 and 5 digits in Scotland"),
    "society_number": (SOCIETY_NUMBER, "the FCA register number, e.g. RS007412 or 31240R"),
    "rsh_number": (RSH_NUMBER, "the Regulator of Social Housing number, e.g. L4512, LH0171 or 4805"),
}



def _words(number_field: str) -> str:
    return "Regulator of Social Housing number" if number_field == "rsh_number" else number_field.replace("_", " ")


@COMMON.rule("COMMON-REGISTRATION-FORMAT", "error",
             "Registration numbers are in the right format for the party's legal form.")
def registration_format(ctx: RuleContext):
    for loc, party in ctx.sheet.party_fields():
        for number_field, (pattern, shape) in FORMATS.items():
            value = getattr(party, number_field)
            if value and not pattern.match(value.replace(" ", "").upper()):
                yield (f"{party.name}: {value!r} is not a valid {_words(number_field)}; "
                       f"expected {shape}", (*loc, number_field))


@COMMON.rule("COMMON-REGISTRATION-MISSING", "warning",
             "A party whose legal form is registered gives its registration numbers.")
def registration_missing(ctx: RuleContext):
    for loc, party in ctx.sheet.party_fields():
        for number_field in NEEDS.get(party.legal_form, ()):
            if not getattr(party, number_field):
                if party.legal_form == LegalForm.charitable_company and number_field == "charity_number":
                    # An exempt charity has no Charity Commission number, and the parties block then names none
                    # (r41 tool note: an academy trust got a warning of a placeholder that never appeared).
                    yield (f"{party.name} is {LEGAL_FORM_WORDS[party.legal_form]} but has no charity number, so the "
                           "parties block gives none; give it, or, if it is an academy trust (an exempt charity, not on "
                           "the Charity Commission's register), give legal_form: academy_trust", (*loc, number_field))
                    continue
                yield (f"{party.name} is {LEGAL_FORM_WORDS[party.legal_form]} but has no "
                       f"{_words(number_field)}; the draft will show a placeholder",
                       (*loc, number_field))


@COMMON.rule("COMMON-REGISTRATION-UNEXPECTED", "warning",
             "A party does not give registration numbers its legal form does not have.")
def registration_unexpected(ctx: RuleContext):
    for loc, party in ctx.sheet.party_fields():
        for number_field in FORMATS:
            allowed = (*NEEDS.get(party.legal_form, ()), *MAY_HAVE.get(party.legal_form, ()))
            if getattr(party, number_field) and number_field not in allowed:
                yield (f"{party.name} is {LEGAL_FORM_WORDS[party.legal_form]}, which has no "
                       f"{_words(number_field)}; check the legal form", (*loc, number_field))


LP_NAME = re.compile(r"(\bL\.?P\.?|\bLimited Partnership)$", re.I)


@COMMON.rule("COMMON-LIMITED-PARTNERSHIP", "warning",
             "A limited partnership is described and signs as one, through its general partner.")
def limited_partnership(ctx: RuleContext):
    """An English limited partnership has no legal personality: a fund named "... LP" given as
    'other' was described as "an organisation" and signed as if it were a company (a review)."""
    for loc, party in ctx.sheet.party_fields():
        if party.legal_form != LegalForm.limited_partnership and LP_NAME.search(party.name.strip()):
            yield (f"{party.name} reads as a limited partnership, which has no legal personality and contracts "
                   "and signs through its general partner; give legal_form: limited_partnership and its "
                   "general_partner (the draft otherwise describes and signs for it as "
                   f"{LEGAL_FORM_WORDS[party.legal_form]})", (*loc, "legal_form"))
        elif party.legal_form == LegalForm.limited_partnership and not party.general_partner:
            yield (f"{party.name} is a limited partnership but its general partner is not named; the "
                   "description and signature block will show a placeholder", (*loc, "general_partner"))


LLP_NAME = re.compile(r"(\bL\.?L\.?P\.?|\bLimited Liability Partnership)$", re.I)
LLP_NUMBER = re.compile(r"^(OC|SO|NC)\d{6}$")


@COMMON.rule("COMMON-LLP", "warning",
             "A limited liability partnership is described and signs as one, with its OC, SO or NC number.")
def limited_liability_partnership(ctx: RuleContext):
    """A limited liability partnership is a body corporate under the Limited Liability Partnerships Act 2000
    (s.1(2)) whose deeds are signed by two members (SI 2009/1804 applying the Companies Act 2006 s.44): given as
    a company or 'other', it is described wrongly and its deed block calls for a director it does not have."""
    for loc, party in ctx.sheet.party_fields():
        if party.legal_form != LegalForm.llp and LLP_NAME.search(party.name.strip()):
            yield (f"{party.name} reads as a limited liability partnership, which signs a deed by two members, not "
                   "directors; give legal_form: llp and its registered number (the draft otherwise describes and "
                   f"signs for it as {LEGAL_FORM_WORDS[party.legal_form]})", (*loc, "legal_form"))
        elif (party.legal_form == LegalForm.llp and party.company_number
              and not LLP_NUMBER.match(party.company_number.replace(" ", "").upper())):
            yield (f"{party.name} is a limited liability partnership but {party.company_number!r} is not an LLP's "
                   "registered number (OC, SO or NC and six digits); check the number or the legal form",
                   (*loc, "company_number"))


# A London borough's inhabitants are incorporated by charter or incorporation order (London Government
# Act 1963 s.1(2) and (3)); the corporation is "the Mayor and Burgesses of the London Borough of X",
# and its council of the mayor and councillors exercises its functions (Local Government Act 1972
# Sch. 2 para. 1(2)). The royal boroughs and the City of Westminster have other names and are not
# matched here.
LONDON_BOROUGH = re.compile(r"\bLondon Borough of\b", re.I)
LONDON_BOROUGH_CORPORATION = re.compile(r"^\s*(the\s+)?Mayor and Burgesses of the London Borough of\b", re.I)


@COMMON.rule("COMMON-LONDON-BOROUGH-NAME", "warning",
             "A London borough council is named by its corporate name, the Mayor and Burgesses of the borough.")
def london_borough_name(ctx: RuleContext):
    """A review found "London Borough of Wexbridge" as a party: the body that contracts and signs is
    the corporation, "The Mayor and Burgesses of the London Borough of Wexbridge"."""
    for loc, party in ctx.sheet.party_fields():
        name = party.name.strip()
        if (party.legal_form == LegalForm.local_authority and LONDON_BOROUGH.search(name)
                and not LONDON_BOROUGH_CORPORATION.search(name)):
            borough = name[LONDON_BOROUGH.search(name).start():].removesuffix(" Council").strip()
            yield (f"{name} is a London borough council; its corporate name, which the parties, cover and "
                   f"signature block should use, is \"The Mayor and Burgesses of the {borough}\" (London "
                   "Government Act 1963 s.1): check it against the council's constitution", (*loc, "name"))


@COMMON.rule("COMMON-OPEN-BOOK-PARTIES", "error",
             "Open-book terms need a public body that pays and a party that is not one whose profit is capped.")
def open_book_parties(ctx: RuleContext):
    """The open-book clauses define the Open-Book Commissioner and the Open-Book Provider by the
    parties' legal forms (Party.is_public_body); with no party on one side they bind nobody."""
    if getattr(ctx.sheet, "open_book", None) is None:
        return
    parties = ctx.sheet.parties()
    if not any(p.is_public_body for p in parties):
        yield ("open-book terms are given, but no party is a public body to pay under them "
               "(legal_form: local_authority, integrated_care_board, nhs_trust, ...)", ("open_book",))
    if all(p.is_public_body for p in parties):
        yield ("open-book terms are given, but every party is a public body, so no party's profit is "
               "capped; a public body (a police and crime commissioner, say) is never an Open-Book "
               "Provider", ("open_book",))


@COMMON.rule("COMMON-DATES-ORDER", "error", "Every period ends after it starts.")
def dates_in_order(ctx: RuleContext):
    for loc, period in periods(ctx):
        if period.end <= period.start:
            yield (f"ends on {period.end:%d %B %Y}, not after it starts on {period.start:%d %B %Y}",
                   (*loc, "end"))


# Dates against the draft date (rules/dates.py), percentages as a reviewer reads them (rules/rates.py).
from assembler.rules.dates import DATES  # noqa: E402
from assembler.rules.rates import RATES  # noqa: E402

COMMON.extend(DATES)
COMMON.extend(EXAMPLES)
COMMON.extend(RATES)

from assembler.rules.wales import WALES  # noqa: E402

COMMON.extend(WALES)


def subsidy_before_act(ctx: RuleContext, route: str, assessed: dt.date | None, loc: Loc):
    """A subsidy decision taken before the Subsidy Control Act 2022 was in force cannot rely on it."""
    act = ctx.law.get("subsidy_control_act_2022")
    if act is None or assessed is None or route == "not_a_subsidy" or assessed >= act["in_force"]:
        return
    yield (f"the subsidy assessment is dated {long_date(assessed)}, before the {act['title']} came into force "
           f"on {long_date(act['in_force'])} ({act['source']}); a {route.replace('_', ' ')} route under the Act "
           "needs an assessment made under it: redo or date the assessment", loc)


def database_duty(ctx: RuleContext, route: str, amount: Decimal) -> str | None:
    """Whether s.33 requires a database entry, in the statute's terms: every standalone (assessed)
    subsidy; a scheme subsidy or minimal financial assistance only when more than £100,000
    (s.33(2), s.36(4)). Returns why, or None."""
    threshold = Decimal(str(ctx.figure("transparency_threshold")))
    months = ctx.figure("transparency_months")
    when = f"within {months} months of the confirmation of the decision to give it (Subsidy Control Act 2022 s.33(3)(c))"
    if route == "assessed":
        return f"a standalone subsidy must be entered on the subsidy database, whatever its amount, {when}"
    if route in ("scheme", "minimal_financial_assistance") and amount > threshold:
        kind = "a subsidy under a scheme" if route == "scheme" else "minimal financial assistance"
        return (f"{kind} of more than {money(threshold)} ({money(amount)}) must be entered on the subsidy "
                f"database {when}; s.33(2) and s.36(4) exempt only amounts of {money(threshold)} or less")
    return None


# Open-book terms may ride on any family's term sheet, so their rules run for every family (each
# rule does nothing when the term sheet has no `open_book` block).
from assembler.rules.open_book import OPEN_BOOK  # noqa: E402

COMMON.extend(OPEN_BOOK)

# The data protection details are common to every family.
from assembler.rules.data_protection import DATA_PROTECTION  # noqa: E402

COMMON.extend(DATA_PROTECTION)
from assembler.rules.safeguarding import SAFEGUARDING  # noqa: E402

COMMON.extend(SAFEGUARDING)
