"""Open-book dispute route: where the sheet instructs escalation and expert determination, the note says that the
draft sends only disputes about figures to the expert and takes instructions on the rest (r27 ob-sample finding 10)."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import document_of, note

KIDS = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
ALLIANCE = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"


def test_instructed_expert_route_note_says_where_the_draft_departs(catalogue):
    n = note(document_of(catalogue, KIDS.read_text(encoding="utf-8")), "common.disputes")
    assert "The instructions choose escalation and expert determination without limiting it to figures." in n
    assert "take instructions" in n


def test_other_families_keep_their_note(catalogue):
    """Quiet: an alliance with the same route has the general categories and no departure sentence."""
    n = note(document_of(catalogue, ALLIANCE.read_text(encoding="utf-8")), "common.disputes")
    assert "The instructions choose escalation" not in n
