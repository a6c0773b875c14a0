"""The Gain/Pain calculation where a Provider employs the Alliance Manager: the (Lead) Commissioner's chief finance
officer checks and countersigns it, and makes the assessments and gate judgments about that Provider's own figures
(r28 al-fresh finding 2)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import ALLIANCE_JOINT

CLAUSE = "alliance.risk-reward"
CHECK = ("The Lead Commissioner's chief finance officer, or a person that officer nominates who is not Personnel of a "
         "Provider, must check the calculation under clause")


def _hosted_by(key: str) -> str:
    text = ALLIANCE_JOINT.read_text()
    return text.replace("\nalliance:\n", f"\nalliance:\n  alliance_manager_host: {key}\n  alliance_manager_employed: true\n", 1)


def test_provider_employed_manager_needs_a_countersignature(catalogue):
    text = clause_text(document_of(catalogue, _hosted_by("mind")), CLAUSE, flat=True)
    assert CHECK in text and "countersign it before it is given to any Alliance Member" in text
    assert "and not the Alliance Manager, makes each assessment under clause" in text
    assert "(b) that concerns Weald Mind" in text  # this sample's Gain is not gated, so no gate judgment


def test_commissioner_hosted_manager_needs_none(catalogue):
    for sheet in (ALLIANCE_JOINT.read_text(), _hosted_by("county")):
        assert "countersign" not in clause_text(document_of(catalogue, sheet), CLAUSE, flat=True)
