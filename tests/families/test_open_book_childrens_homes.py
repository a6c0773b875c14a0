"""Open-book children's homes: staffing, qualifications, education and health duties as contract terms."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

CHARITY = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
ADULT = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"


def test_childrens_homes_carry_staffing_qualification_education_and_health_duties(catalogue):
    """r27 ob-sample 8: no clause on staffing, qualifications (regs. 28 and 32), supervision, education or health."""
    doc = document_of(catalogue, CHARITY.read_text())
    text = flat(clause_text(doc, "open-book.services"))
    assert "The Trust must staff each of the Homes at all times in accordance with its statement of purpose, the " \
           "Children's Homes (England) Regulations 2015 and Schedule 1" in text
    assert "the registered manager of each of the Homes holds the qualification regulation 28 of those Regulations " \
           "requires" in text
    assert "holds the Level 3 Diploma for Residential Childcare (England), or a qualification the Trust considers " \
           "equivalent, or attains it within the period regulation 32 of those Regulations allows" in text
    assert "receives regular supervision and a yearly appraisal" in text
    assert "the Council's virtual school head, in preparing and reviewing the child's personal education plan" in text
    assert "register each Placed Child with a general medical practitioner and a dentist" in text
    assert "Check them against the specification (Meadowbank Children's Homes service specification, version 2" \
           in flat(note(doc, "open-book.services"))


def test_adult_homes_do_not(catalogue):
    doc = document_of(catalogue, ADULT.read_text())
    text = clause_text(doc, "open-book.services", flat=True)
    assert "Level 3 Diploma" not in text and "personal education plan" not in text
    assert "staffing, education and health" not in note(doc, "open-book.services")
