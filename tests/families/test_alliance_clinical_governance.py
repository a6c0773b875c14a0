"""A clinical governance group where the Services include health care (r32 al-sample finding 11)."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat as _flat, flat_note, text_of
from tests.families.conftest import ALLIANCE_SMALL


def test_clinical_governance_group_where_health_care_is_in_scope(alliance_big):
    """Firing: substance use treatment, mental health support and palliative care are health care."""
    text = _flat(text_of(clause(alliance_big, "alliance.performance")))
    assert ("the ALT must set up a clinical governance group made up of a senior registered health professional "
            "nominated by each Provider that delivers health care as part of the Services, together with a "
            "representative of the Commissioner.") in text
    assert "each Provider remains responsible for the health care it delivers" in text
    assert "so the clause sets up a clinical governance group" in flat_note(alliance_big, "alliance.performance")


def test_no_clinical_governance_group_without_health_care(catalogue):
    """Quiet: a housing and support alliance has none."""
    doc = build(ALLIANCE_SMALL, catalogue).document
    assert "clinical governance group" not in _flat(text_of(clause(doc, "alliance.performance")))
    assert "clinical governance" not in flat_note(doc, "alliance.performance")
