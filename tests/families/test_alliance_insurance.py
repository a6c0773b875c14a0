"""Professional indemnity per member: a member whose own_insurance says professional_indemnity: false (it gives no
advice) is excused the cover and its run-off, and the note says so (r38d al-advice F14, tool note 4)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_GRANT


def test_member_excused_professional_indemnity(catalogue):
    """Firing: the sample's Community Pantry gives no advice."""
    doc = document_of(catalogue, ALLIANCE_GRANT.read_text())
    text = clause_text(doc, "common.insurance", flat=True)
    assert "(except the Community Pantry, which gives no professional advice under this Agreement)" in text
    assert "(other than the Community Pantry) must keep its professional indemnity insurance in force" in text
    assert "need not hold professional indemnity cover or its run-off" in note(doc, "common.insurance")


def test_every_member_holds_professional_indemnity_by_default(catalogue):
    """Quiet: without the switch every non-public member holds the cover."""
    text = ALLIANCE_GRANT.read_text().replace("    own_insurance:\n      professional_indemnity: false\n", "", 1)
    doc = document_of(catalogue, text)
    clause = clause_text(doc, "common.insurance", flat=True)
    assert "which gives no professional advice" not in clause and "(other than" not in clause
    assert "need not hold professional indemnity" not in note(doc, "common.insurance")
