"""A Provider whose services include assessment or triage for the council's statutory functions (a joint assessment of
homeless 16 and 17 year olds, housing options work, Care Act assessments): the statutory functions clause says the
Provider gives triage, co-ordination and support and the council's officers make every statutory assessment and
decision (R (G) v Southwark LBC [2009] UKHL 26; the 1996 contracting-out Order); the clause's note names the functions
the Services touch, read from the sheet, in place of the generic Care Act and public health list; and the Reserved
Matters do not block a change to an assessment or referral protocol that Law or statutory guidance requires
(r37 al-fresh findings 3 and 19)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import build, clause_text, flat, note
from tests.families.conftest import ALLIANCE_THISTLEBURY

BIG = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"
HUB = "Joint assessment of homeless 16 and 17 year olds with housing and children's services"
OLD = "Floating tenancy sustainment for young people in their first independent tenancy"


def _hub(catalogue, tmp_path):
    """Thistlebury (a unitary council, young people's accommodation) with one Provider's service turned into a joint
    assessment of homeless 16 and 17 year olds, in its delivers list and in the services."""
    source = ALLIANCE_THISTLEBURY.read_text()
    assert source.count(OLD) == 2
    path = tmp_path / "hub.yaml"
    path.write_text(source.replace(OLD, HUB))
    return build(path, catalogue).document


def test_assessments_stay_with_the_council(catalogue, tmp_path):
    """Firing: the Provider running the joint assessment gives triage, co-ordination and support; the Council's
    officers make the s.17/s.20 and Part 7 assessments and decisions; the note cites Southwark and the 1996 Order."""
    doc = _hub(catalogue, tmp_path)
    body = flat(clause_text(doc, "common.statutory-functions"))
    assert f'In delivering "{HUB}"' in body
    assert "give triage, co-ordination and support only" in body
    assert "under section 17 of the Children Act 1989, and whether the child requires accommodation under section 20" in body
    assert "any inquiry, assessment, personalised housing plan or decision under Part 7 of the Housing Act 1996" in body
    assert "Care Act 2014" not in body
    text = flat(note(doc, "common.statutory-functions"))
    assert "R (G) v Southwark LBC [2009] UKHL 26" in text
    assert "(S.I. 1996/3205)" in text and "Part 1 of the Children and Young Persons Act 2008" in text


def test_no_assessment_service_no_sub_clause(catalogue):
    """Quiet: Thistlebury as it is (accommodation and support, no assessment) and the complex-needs sample (a single
    point of access and assessment for all referrals, no statutory function named) keep the clause as it was."""
    for path in (ALLIANCE_THISTLEBURY, BIG):
        doc = build(path, catalogue).document
        assert "triage, co-ordination and support" not in flat(clause_text(doc, "common.statutory-functions"))
        assert "Southwark" not in note(doc, "common.statutory-functions")


def test_note_names_the_functions_in_play(catalogue, tmp_path):
    """Firing: a young people's alliance with looked-after 16 and 17 year olds and care leavers names ss.17, 20, 22C
    and 23C to 24B of the Children Act 1989 in the note, not the Care Act and public health list; with homelessness
    in the services, Part 7 (ss.189A, 189B, 195) too. Quiet: an adults' alliance keeps the general list."""
    text = flat(note(_hub(catalogue, tmp_path), "common.statutory-functions"))
    assert "sections 17 and 20 of the Children Act 1989" in text
    assert "section 22C of that Act" in text and "sections 23C to 24B of that Act" in text
    assert "the assessment and personalised housing plan (section 189A) and the prevention and relief duties (sections 195 and 189B) under Part 7" in text
    assert "care and support under the Care Act 2014" not in text and "public health functions" not in text
    adult = flat(note(build(ROOT / "samples" / "alliance" / "reablement-home-care-gain-only.yaml", catalogue).document,
                      "common.statutory-functions"))
    assert "sections 17 and 20 of the Children Act 1989" not in adult


def test_protocol_changes_required_by_law_are_not_reserved(catalogue):
    """Firing: under majority voting, the Commissioner's change to an assessment or referral protocol that Law or
    statutory guidance requires is not a Reserved Matter (finding 3, clause 9.7)."""
    doc = build(ALLIANCE_THISTLEBURY, catalogue).document
    body = flat(clause_text(doc, "alliance.decisions"))
    assert "or any protocol or procedure for assessing people for them or referring people to them" in body
