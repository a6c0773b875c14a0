"""Facts about the world outside the Alliance that a drug and alcohol alliance sheet could not express (r31 al-fresh
tool notes 1.2, 1.6, 1.7 and 1.10): members[].registrations (Schedule 1 and the registration duty),
alliance.third_party_dependencies (premises and data of a body that is not a party), alliance.interfacing_arrangements
(Schedule 1 and the precedence clause) and members[].expected_successor (the successor sub-clause and its note)."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, clause_text, document_of, flat, text_of
from tests.families.conftest import ALLIANCE, ALLIANCE_POOLED_PCC

BASE = ALLIANCE_POOLED_PCC.read_text(encoding="utf-8")

REGISTRATIONS = (
    "    registrations:\n"
    "      - {regulator: Care Quality Commission, activity: treatment of disease disorder or injury, "
    "location: Ravensmoor Child and Adolescent Clinic}\n"
    "      - {regulator: Care Quality Commission, activity: diagnostic and screening procedures}\n")
SUCCESSOR = "    expected_successor: the mayor of the Ravensmoor combined county authority\n"
OUTSIDE = (
    "  interfacing_arrangements:\n"
    "    - the Council's spot-purchased residential placements for children in care\n"
    "    - the regional secure children's home consortium\n"
    "  third_party_dependencies:\n"
    "    - {body: the Chief Constable of Ravensmoor Police, provides: premises_and_data, "
    "description: 'referrals of young people from the custody suite at Ravensmoor police station'}\n"
    "    - {body: HM Courts and Tribunals Service, provides: premises, description: 'youth court liaison at "
    "Ravensmoor Magistrates Court', agreement: the court access protocol of 1 May 2026}\n")


def _variant() -> str:
    text = BASE
    for before, block in (("  - key: parents\n", REGISTRATIONS), ("  - key: youthlink\n", SUCCESSOR)):
        assert text.count(before) == 1
        text = text.replace(before, block + before, 1)
    assert text.count("\nalliance:\n") == 1
    return text.replace("\nalliance:\n", "\nalliance:\n" + OUTSIDE, 1)


def test_registrations_listed_and_cited_by_the_duty(catalogue):
    """Firing: Schedule 1 lists each registration against its Provider and the registration duty cites that list."""
    doc = document_of(catalogue, _variant())
    services = clause(doc, "alliance.schedule-services")
    body = flat(text_of(services))
    assert "hold the following registrations with a regulator for their parts of the Services" in body
    ops = flat(text_of(clause(doc, "alliance.operations")))
    assert f"include those listed against its name in paragraph" in ops and f"of Schedule {services.number}" in ops
    assert "check each against the regulator's public register" in flat(services.note or "")
    whole = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "Treatment of disease disorder or injury" in whole and "Ravensmoor Child and Adolescent Clinic" in whole
    assert "Not stated" in whole


def test_third_parties_and_interfacing_arrangements(catalogue):
    """Firing: the non-party bodies are listed with their agreements (or 'To be obtained'), the note asks for the
    missing agreement by name, the interfacing arrangements are listed and the precedence clause puts them outside."""
    doc = document_of(catalogue, _variant())
    whole = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "which are not Parties to this Agreement and are not bound by it" in whole
    assert "To be obtained" in whole and "The court access protocol of 1 May 2026" in whole
    assert "must work with the body to make one before the Commencement Date" in whole
    assert "not under Schedule" in whole  # the data-sharing Schedule does not govern that body's data
    assert "which are outside the Alliance and are not Services, and which this Agreement does not govern" in whole
    assert "the regional secure children's home consortium." in whole
    note = flat(clause(doc, "alliance.schedule-services").note or "")
    assert "with the Chief Constable of Ravensmoor Police before the Commencement Date" in note
    assert "check that the agreement named (the court access protocol of 1 May 2026) covers" in note
    assert "Part 1 lists the arrangements the instructions describe as outside the Alliance (two)" in note
    prec = flat(text_of(clause(doc, "alliance.precedence")))
    assert "are outside the Alliance. This Agreement does not govern them" in prec


def test_expected_successor_named_in_the_successor_sub_clause(catalogue):
    """Firing: the successor sub-clause names the expected body and binds it to the Commissioner's obligations; the
    note says it depends on legislation and never says the change is law."""
    doc = document_of(catalogue, _variant())
    leaving = clause(doc, "alliance.leaving")
    body = flat(text_of(leaving))
    assert "pass to the mayor of the Ravensmoor combined county authority, this sub-clause applies to that body" in body
    assert "including any obligation to pay or contribute money for the Services" in body
    note = flat(leaving.note or "")
    assert "expect the functions of the PCC to pass during the term to the mayor of the Ravensmoor" in note
    assert "depends on legislation" in note and "abolished" not in note


def test_quiet_without_the_fields(catalogue):
    """Quiet: no sample gives the fields, so none prints the new parts or notes."""
    for sample in [*ALLIANCE, ALLIANCE_POOLED_PCC]:
        doc = build(sample, catalogue).document
        whole = clause_text(doc, "alliance.schedule-services", flat=True)
        assert "registrations with a regulator for their parts" not in whole
        assert "which are not Parties to this Agreement" not in whole and "which are outside the Alliance and" not in whole
        assert "this sub-clause applies to that body" not in flat(text_of(clause(doc, "alliance.leaving")))
        if any(c.id == "alliance.precedence" for c in doc.all_clauses()):
            assert "are outside the Alliance" not in text_of(clause(doc, "alliance.precedence"))
        assert "include those listed against its name" not in text_of(clause(doc, "alliance.operations"))


def test_data_flow_from_a_non_party_is_flagged(catalogue):
    """Firing: a data flow shared by a body listed as a third-party dependency is flagged in the Schedule 1 note as
    needing the separate agreement (the data-sharing Schedule cannot bind it)."""
    flow = ("  flows:\n    - {data: custody referrals, shared_by: the Chief Constable of Ravensmoor Police, "
            "shared_with: Brightline, article_6: 'Article 6(1)(e) (public task)'}\n")
    text = _variant()
    assert text.count("  role: controllers\n") == 1
    text = text.replace("  role: controllers\n", "  role: controllers\n" + flow, 1)
    note = flat(clause(document_of(catalogue, text), "alliance.schedule-services").note or "")
    assert "The data flows table lists custody referrals shared by the Chief Constable of Ravensmoor Police" in note
    assert "cannot bind a body that is not a Party, so that flow needs the separate agreement" in note


# each block ends the member entry above the key it is inserted before: the Trust, Streetwise and Youth Link
INSURANCE = (("  - key: parents\n", "    own_insurance: {nhs_resolution: true}\n"),
             ("  - key: brightline\n", "    own_insurance: {own_cover: ['cyber liability insurance of at least £1,000,000']}\n"),
             ("  - key: streetwise\n", "    own_insurance: {clinical_work: false}\n"))


def _insured() -> str:
    text = BASE
    for before, block in INSURANCE:
        assert text.count(before) == 1
        text = text.replace(before, block + before, 1)
    return text


def test_per_member_insurance(catalogue):
    """Firing: the NHS trust meets the clinical negligence duty through NHS Resolution's schemes, a Provider with no
    clinical work is outside that duty, and a member's own cover is added; the note says what to check."""
    doc = document_of(catalogue, _insured())
    ops = clause(doc, "alliance.operations")
    body = flat(text_of(ops))
    assert "must hold medical malpractice (clinical negligence) insurance" in body  # the duty is there (health care)
    assert "as part of the Services (which Youth Link does not) must hold" in body
    assert ("The Trust meets the requirement for clinical negligence cover in clause" in body
            and "through its membership of the Clinical Negligence Scheme for Trusts, and its liabilities to third "
                "parties are met through the Liabilities to Third Parties Scheme, both run by NHS Resolution" in body)
    assert "must also maintain cyber liability insurance of at least £1,000,000." in body
    note = flat(ops.note or "")
    assert "covered by NHS Resolution's schemes" in note and "Property Expenses Scheme covers only its own property" in note
    assert "Youth Link delivers no health care, so the clinical negligence duty does not reach it." in note


def test_per_member_insurance_quiet(catalogue):
    """Quiet: without own_insurance no sample names NHS Resolution's schemes or excepts a Provider from the duty."""
    for sample in [*ALLIANCE, ALLIANCE_POOLED_PCC]:
        body = flat(text_of(clause(build(sample, catalogue).document, "alliance.operations")))
        assert "Clinical Negligence Scheme for Trusts" not in body and "must also maintain" not in body
        assert ") must hold medical malpractice" not in body
