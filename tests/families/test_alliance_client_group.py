"""The draft reads for the alliance's client group: for a youth alliance, recital (A) and the involvement duty speak
of young people (and, where under-16s take part, their parents), and name the involvement bodies the services name;
where the services include creative work, the participants' own work is left out of the Alliance Materials (r29
al-fresh findings 10 and 12)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import build, clause, text_of

YOUTH = ROOT / "tests" / "families" / "fixtures" / "alliance-castlebridge-youth.yaml"
HOMELESS_YOUNG = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"
ADULTS = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"


def test_youth_alliance_reads_for_young_people(catalogue):
    """Firing: the Castlebridge youth alliance (aged 11 to 19, a Youth Council, the Young Inspectors, creative arts)."""
    doc = build(YOUTH, catalogue).document
    ops = _flat(text_of(clause(doc, "alliance.operations")))
    assert ("must involve young people who use the Services, and their parents and carers, in planning and reviewing "
            "the Services, including through the Young Inspectors and the Castlebridge Youth Council, which the ALT "
            "consults") in ops  # the sheet's own Youth Council is the group the ALT consults (r37 al-fresh finding 6)
    ip = clause(doc, "alliance.intellectual-property")
    defs = _flat(text_of(clause(doc, "common.definitions")))
    assert ("other than any work created by a young person taking part in the Services, the rights in which remain with "
            "that young person") in defs
    assert "responsible for commissioning services for young people in its area" in _flat(text_of(clause(doc, "alliance.recitals")))
    assert "leaves out work a young person taking part creates" in _flat(ip.note or "")


def test_homeless_young_people_over_16_have_no_parents_phrase(catalogue):
    """Partly quiet: young people aged 16 to 24: young people and their carers, no parents, no bodies, no creative carve-out."""
    doc = build(HOMELESS_YOUNG, catalogue).document
    ops = _flat(text_of(clause(doc, "alliance.operations")))
    assert "must involve young people who use the Services, and their carers, in planning" in ops
    assert "parents and carers, in planning" not in ops
    # a council's housing functions are not for young people alone: recital (A) keeps the general words
    assert "commissioning services for people who need them in its area" in _flat(text_of(clause(doc, "alliance.recitals")))
    assert "taking part creates" not in (clause(doc, "alliance.intellectual-property").note or "")


def test_adult_alliance_is_unchanged(catalogue):
    """Quiet: an adult alliance keeps people who use the Services and their carers."""
    doc = build(ADULTS, catalogue).document
    ops = _flat(text_of(clause(doc, "alliance.operations")))
    assert "must involve people who use the Services, and their carers, in planning and reviewing the Services, including through [the Lived Experience Group" in ops
    assert "taking part in the Services, the rights" not in text_of(clause(doc, "common.definitions"))
    assert "commissioning services for people who need them in its area" in _flat(text_of(clause(doc, "alliance.recitals")))
    assert "taking part creates" not in (clause(doc, "alliance.intellectual-property").note or "")
