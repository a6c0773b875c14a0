"""r26 alliance review (lane alE), al-fresh findings (Stainmoor: an independent living and sensory support alliance of a
metropolitan borough council and four Providers; the Deaf Centre carries out BSL assessments and reviews for the council
and Brightledger runs direct payment managed accounts)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, read_termsheet, text_of
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from assembler.assemble import assemble
from tests.conftest import DRAFT_DATE

STAINMOOR = Path(__file__).parent / "fixtures" / "alliance-stainmoor-r26-alE.yaml"


@pytest.fixture(scope="module")
def stainmoor(catalogue):
    return build(STAINMOOR, catalogue).document


def _ids(doc):
    return {c.id for c in doc.all_clauses()}


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def _variant(catalogue, old, new):
    source = STAINMOOR.read_text()
    assert old in source
    return assemble(validate(load_text(source.replace(old, new, 1), STAINMOOR.name), catalogue), catalogue,
                    today=DRAFT_DATE).document


def test_delegated_functions_are_authorised_under_s79(stainmoor):
    """Finding 1 (firing): a Provider carrying out the council's Care Act assessments and reviews is authorised under
    s.79, eligibility and the personal budget stay with the council, safeguarding and charging are excluded, and the
    indemnity sits outside the liability clause."""
    text = _flat(text_of(clause(stainmoor, "alliance.delegated-functions")))
    assert "The Council authorises Deaf Centre, under section 79 of the Care Act 2014" in text
    assert "needs assessments under section 9 for Deaf adults" in text
    assert "eligibility criteria under section 13" in text
    assert "sections 42 to 47" in text
    assert "limits or excludes that indemnity" in text
    assert "scheme of delegation" in _note(stainmoor, "alliance.delegated-functions")


def test_possible_delegation_is_flagged_when_no_functions_given(catalogue):
    """Finding 1 (note): without delegated_functions, a Provider whose services read as social work or support planning
    is named in the note, and no authorisation clause is made up."""
    doc = _variant(catalogue, "    delegated_functions:\n      - needs assessments under section 9 for Deaf adults who "
                   "use British Sign Language\n      - reviews of care and support plans under section 27 for those adults\n", "")
    assert "alliance.delegated-functions" not in _ids(doc)
    note = _note(doc, "alliance.precedence")
    assert 'Deaf Centre delivers "Specialist social work and advocacy' in note
    assert "section 79 of that Act" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_delegation_clause_in_samples(path, catalogue):
    """Finding 1 (quiet): no sample gives delegated_functions, so none carries the s.79 clause."""
    assert "alliance.delegated-functions" not in _ids(build(path, catalogue).document)


def test_recital_a_cites_the_care_act_the_instructions_name(stainmoor):
    """Finding 4 (firing): an independent living and direct payment alliance whose instructions name the Care Act
    recites its Part 1 sections, direct payments included, and the note no longer says the instructions name none."""
    recitals = _flat(text_of(clause(stainmoor, "alliance.recitals")))
    assert "sections 2, 3, 4, 5, 8, 18 and 31 to 33 of the Care Act 2014" in recitals
    assert "and direct payments)" in recitals
    assert "do not name" not in _note(stainmoor, "alliance.recitals")


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_direct_payment_sections_without_direct_payments(path, catalogue):
    """Finding 4 (quiet): no sample has direct payment services, so none cites ss.31 to 33."""
    doc = build(path, catalogue).document
    if "alliance.recitals" not in _ids(doc):
        pytest.skip("no recitals")
    assert "31 to 33" not in _flat(text_of(clause(doc, "alliance.recitals")))


def test_new_services_named_and_hospital_access_note(stainmoor):
    """Finding 17 (firing): Schedule 1 names what the new-services money pays for, and the note flags the NHS site."""
    sched = _flat(text_of(clause(stainmoor, "alliance.schedule-services")))
    assert "includes £48,000 a year for the eye clinic liaison session at Stainmoor Royal, which no Former Contract" in sched
    assert "includes £35,000 a year for hearing aid maintenance drop-ins in libraries" in sched
    note = _note(stainmoor, "alliance.schedule-services")
    assert 'Sight Support delivers "Eye clinic liaison and emotional support after diagnosis"' in note
    assert "honorary contract or access agreement" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_hospital_access_note_in_samples(path, catalogue):
    """Finding 17 (quiet): no sample Provider works inside a hospital, so no access-agreement note."""
    doc = build(path, catalogue).document
    if "alliance.schedule-services" in _ids(doc):
        assert "honorary contract" not in _note(doc, "alliance.schedule-services")


def test_irrelevant_boilerplate_left_out(stainmoor):
    """Finding 20 (firing): no assets, no rated service and no NHS body that could join, so no asset valuation or RICS
    nominator, no 'rating below good' and no NHS execution block."""
    disputes = _flat(text_of(clause(stainmoor, "common.disputes")))
    assert "value of any asset" not in disputes and "Royal Institution" not in disputes
    assert "Royal Institution" not in _note(stainmoor, "common.disputes")
    ops = _flat(text_of(clause(stainmoor, "alliance.operations")))
    assert 'rating below "good"' not in ops and "any enforcement action or condition that affects it" in ops
    assert "an NHS body, in the manner" not in _flat(text_of(clause(stainmoor, "alliance.schedule-accession")))


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_boilerplate_kept_where_relevant(path, catalogue):
    """Finding 20 (quiet): a sample with rated services keeps the rating line, one where health is in scope keeps the
    NHS execution block, and one whose Exit Plan passes on premises keeps their valuation."""
    sheet = read_termsheet(path, catalogue)
    a = sheet.model.alliance
    doc = build(path, catalogue).document
    ops = _flat(text_of(clause(doc, "alliance.operations")))
    if a.rated_regulators and not sheet.model.document.wales:
        assert 'rating below "good"' in ops
    if a.nhs_may_join:
        assert "an NHS body, in the manner" in _flat(text_of(clause(doc, "alliance.schedule-accession")))
    disputes = _flat(text_of(clause(doc, "common.disputes")))
    if a.assets_in_play and "expert determination" in disputes:  # r27 al-sample 17: the premises the Exit Plan passes on
        assert "value of any lease, management agreement or other interest in premises passed on under Schedule" in disputes
    elif "expert determination" in disputes:
        assert "value of any" not in disputes and "Chartered Surveyors" not in disputes


def test_treatment_assessment_is_not_flagged_as_care_act_function(catalogue):
    """Finding 1 (quiet): a drug treatment 'assessment' is not read as a Care Act needs assessment."""
    line = "Single point of access, assessment and recovery support for adults using drugs or alcohol"
    source = STAINMOOR.read_text().replace("    holds_client_money: true\n", f"      - {line}\n    holds_client_money: true\n", 1)
    source = source.replace("  outcomes:\n", f"    - {line}\n  outcomes:\n", 1)
    doc = assemble(validate(load_text(source, STAINMOOR.name), catalogue), catalogue, today=DRAFT_DATE).document
    note = _note(doc, "alliance.precedence")
    assert "drugs or alcohol" not in note
