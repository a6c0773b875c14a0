"""A clinical governance group where the Services include health care (r32 al-sample finding 11)."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat as _flat, flat_note, text_of
from tests.families.conftest import ALLIANCE_MOSSGATE, ALLIANCE_REABLEMENT, ALLIANCE_SMALL


def test_clinical_governance_group_where_health_care_is_in_scope(alliance_big):
    """Firing: substance use treatment, mental health support and palliative care are health care."""
    text = _flat(text_of(clause(alliance_big, "alliance.performance")))
    assert ("the ALT must set up a clinical governance group made up of a senior registered health professional "
            "nominated by each Provider that delivers health care as part of the Services (St Luke's, Recovery CIC and "
            "Riverside), together with a representative of the Commissioner.") in text
    assert "including on medicines, prescribing, consent and the handover" in text  # substance use treatment
    assert "each Provider remains responsible for the health care it delivers" in text
    assert "so the clause sets up a clinical governance group" in flat_note(alliance_big, "alliance.performance")


def test_no_clinical_governance_group_without_health_care(catalogue):
    """Quiet: a housing and support alliance has none."""
    doc = build(ALLIANCE_SMALL, catalogue).document
    assert "clinical governance group" not in _flat(text_of(clause(doc, "alliance.performance")))
    assert "clinical governance" not in flat_note(doc, "alliance.performance")


def test_one_health_care_provider_relies_on_its_own_governance(catalogue):
    """Firing (r38d al-edge finding 10): only the Community Trust delivers health care (therapy), so no group of one:
    its own clinical governance reports to the ALT, and with no medicines in the services the policies name none."""
    doc = build(ALLIANCE_REABLEMENT, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.performance")))
    assert "The Community Trust's own clinical governance covers the health care it delivers as part of the Services." in text
    assert "clinical governance group" not in text
    assert "prescribing" not in text and "medicines" not in text
    assert "but only the Community Trust delivers it" in flat_note(doc, "alliance.performance")


def test_no_prescribing_without_medicines(catalogue):
    """Quiet for medicines: two health care Providers whose services name no medicines get a group without
    'medicines, prescribing'."""
    doc = build(ALLIANCE_MOSSGATE, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.performance")))
    assert "clinical governance group" in text
    assert "prescribing" not in text
