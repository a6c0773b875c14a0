"""Rules for a draft for Wales: the term sheet's own words and parties must fit Welsh law.

The clauses follow `document.country`; what the commissioner types does not. A Welsh council's grant
whose statutory power reads "section 1 of the Localism Act 2011" would recite a power it does not
have, and a party whose legal form exists only in England (an integrated care board, an NHS
foundation trust, a combined authority) is probably the wrong form or the wrong country. The
England-only instruments and the words that cite them come from clauses/law.yaml, as for
`library check`, so a new entry there widens both checks.
"""

from __future__ import annotations

import re

from assembler.formatting import money
from assembler.rules import RuleContext, RuleSet, walk
from assembler.termsheet.common import LEGAL_FORM_WORDS, LegalForm

WALES = RuleSet(applies=lambda ctx: ctx.sheet.document.wales)

# Legal forms created by statutes for England only: integrated care boards (Health and Care Act 2022),
# NHS foundation trusts and combined authorities have no Welsh counterpart of the same name (Wales has
# Local Health Boards, NHS trusts and corporate joint committees); a parish council is a community or
# town council in Wales; a registered provider of social housing is registered with England's regulator under
# Part 2 of the Housing and Regeneration Act 2008, while a Welsh social landlord is registered with the Welsh
# Ministers under Part 1 of the Housing Act 1996 (law.gov.wales, Registered social landlords).
ENGLAND_ONLY_FORMS = {
    LegalForm.integrated_care_board: "a Local Health Board is the Welsh body (choose nhs_body)",
    LegalForm.nhs_foundation_trust: "NHS foundation trusts exist only in England (a Welsh NHS trust is nhs_trust)",
    LegalForm.combined_authority: "combined authorities exist only in England (a corporate joint committee is the nearest Welsh body)",
    LegalForm.parish_council: "in Wales it is a community or town council: the parties block will say "
                              "'a parish or town council', so correct that description by hand",
    LegalForm.registered_provider: "a Welsh social landlord is a registered social landlord, registered with the "
                                   "Welsh Ministers under Part 1 of the Housing Act 1996, not a registered provider of "
                                   "social housing (England's register): the parties block will say 'a registered "
                                   "provider of social housing', so correct that description by hand",
}


@WALES.rule("COMMON-WALES-ENGLISH-LAW", "error",
            "A draft for Wales does not name, in the term sheet's own words, a statute that applies only in England.")
def english_law_in_welsh_sheet(ctx: RuleContext):
    patterns = [(entry, re.compile(r"\s+".join(map(re.escape, cited.split())), re.I))
                for entry in ctx.law.values() if entry.get("england_only") for cited in entry.get("cites", ())]
    alliance = getattr(ctx.sheet, "alliance", None)
    if getattr(alliance, "procurement_route", None) == "provider_selection":
        psr = ctx.law.get("provider_selection_regime", {}).get("title", "the Provider Selection Regime")
        yield (f"the public body is in Wales, but the procurement route is {psr}, which applies only in England; "
               "a Welsh body procures under the Procurement Act 2023 as it applies to devolved Welsh authorities, "
               "or under the rules for Welsh health services: record the route it followed",
               ("alliance", "procurement_route"))
    for loc, text in _texts(ctx.sheet):
        for entry, pattern in patterns:
            if pattern.search(text):
                yield (f"the public body is in Wales, but this names {entry['title']}, which applies only in "
                       f"England; give the Welsh law ({_counterpart(entry, ctx.law)})", loc)
                break


def _texts(sheet):
    """(location, text) of every text the term sheet holds, in lists of texts too (activities)."""
    for loc, _model, _name, value in walk(sheet):
        if isinstance(value, str):
            yield loc, value
        elif isinstance(value, list):
            yield from (((*loc, i), item) for i, item in enumerate(value) if isinstance(item, str))


@WALES.rule("COMMON-WALES-ENGLISH-BODY", "warning",
            "A party to a draft for Wales does not have a legal form that exists only in England.")
def english_body_in_welsh_sheet(ctx: RuleContext):
    for loc, party in ctx.sheet.party_fields():
        if party.legal_form in ENGLAND_ONLY_FORMS:
            yield (f"{party.name} is {LEGAL_FORM_WORDS[party.legal_form]}, a form that exists only in England, "
                   f"but the draft is for Wales: {ENGLAND_ONLY_FORMS[party.legal_form]}", (*loc, "legal_form"))


@WALES.rule("COMMON-WALES-REGULATOR", "error",
            "A draft for Wales does not have care settings registered with Ofsted or the CQC, or the regulated "
            "care terms written for England.")
def english_regulator_in_welsh_sheet(ctx: RuleContext):
    """Ofsted and the CQC do not register care services in Wales: the Welsh Ministers do, through Care
    Inspectorate Wales (Regulation and Inspection of Social Care (Wales) Act 2016). The open-book care
    terms and registration details are written for England's regulators and regulations, so a Welsh
    draft of them would bind the provider to the wrong regime."""
    act = ctx.law.get("regulation_and_inspection_of_social_care_wales_act_2016", {}).get("title", "the Welsh Act")
    block = getattr(ctx.sheet, "open_book", None)
    for i, registration in enumerate(block.registrations if block else []):
        yield (f"{registration.setting} is registered with {'Ofsted' if registration.regulator == 'ofsted' else 'the CQC'}, "
               f"which do not register care services in Wales: Care Inspectorate Wales does ({act}); the "
               "registration terms cover England only, so a lawyer must draft the Welsh registration",
               ("open_book", "registrations", i, "regulator"))
    if ctx.sheet.family == "open-book":
        yield ("the open-book care terms cite England's regulators and care regulations (Ofsted, the CQC, the "
               "Children's Homes (England) Regulations 2015); they have no Welsh form yet, so this agreement "
               f"cannot be drafted for Wales: a lawyer must draft the regulated care terms under {act}",
               ("document", "country"))


@WALES.rule("COMMON-WALES-LAND-CONSENT", "error",
            "A draft for Wales does not recite the English consent for a disposal of land at an undervalue.")
def english_land_consent_in_welsh_sheet(ctx: RuleContext):
    """The co-investment recitals and conditions rely on the General Disposal Consent (England) 2003 and
    the Secretary of State's specific consent; in Wales the consent under section 123 of the Local
    Government Act 1972 is the Welsh Ministers', with a general consent of its own for Wales, so those
    terms need a lawyer's Welsh form before they can be used there."""
    contributions = getattr(ctx.sheet, "contributions", None)
    if ctx.sheet.family == "co-investment" and contributions is not None and contributions.undervalue > 0:
        yield (f"the land is transferred at an undervalue of {money(contributions.undervalue)}, and the draft would "
               "recite the General Disposal Consent (England) 2003 and the Secretary of State's consent; in Wales "
               "the consent under section 123 of the Local Government Act 1972 is given by the Welsh Ministers "
               "(the general consent for Wales, or a specific consent): a lawyer must draft the Welsh consent terms",
               ("contributions", "authority"))


def _counterpart(entry: dict, law: dict) -> str:
    wales = str(entry.get("wales", "")).strip()
    return law[wales]["title"] if wales in law else wales or "the Welsh law"


@WALES.rule("COMMON-WALES-HOMELESSNESS-POWER", "warning",
            "A Welsh grant that relies on the homelessness power of the Housing Act 1996 has that power checked.")
def english_homelessness_power_in_welsh_grant(ctx: RuleContext):
    """Part 2 of the Housing (Wales) Act 2014 replaced Part 7 of the Housing Act 1996 for Welsh local
    housing authorities from 27 April 2015, and the commencement order's explanatory note says the
    consequential amendments restrict Part 7 to England. Section 180 (grants to voluntary organisations
    concerned with homelessness) sits in Part 7; whether it still reaches a Welsh council was not
    verified, so the rule asks the lawyer to confirm the power rather than refusing the draft: the
    draft would otherwise recite it and print the section 181 undertakings."""
    grant = getattr(ctx.sheet, "grant", None)
    power = getattr(grant, "statutory_power", None) or ""
    if re.search(r"section\s+180\s+of\s+the\s+Housing\s+Act\s+1996", power, re.I):
        part2 = ctx.law.get("housing_wales_act_2014_part2", {})
        since = part2.get("in_force")
        yield (f"the grant relies on section 180 of the Housing Act 1996, but Part 2 of the Housing (Wales) Act 2014 "
               f"replaced Part 7 of the 1996 Act for Welsh councils{f' from {since:%-d %B %Y}' if since else ''}: "
               "confirm that section 180 still gives this council the power, or rely on section 24 of the Local "
               "Government and Elections (Wales) Act 2021 (the draft would recite section 180 and its section 181 "
               "undertakings)", ("grant", "statutory_power"))
