"""A carve-out from a Reserved Matter that the draft brackets (approvals of costs above budget, where the sheet
reserves decisions committing a budget beyond the Annual Plan) is bracketed wherever the decisions clause repeats
it, so that one instruction settles both (r37 al-fresh finding 4; r36 finding 13)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import build, clause_text, flat_note, variant_of
from tests.families.conftest import ALLIANCE_EASTMOOR

SMALL_MAJORITY = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"
RESERVED = "      - Any decision that commits the Commissioner's budget beyond the Annual Plan\n"


def test_repeated_carve_out_is_bracketed_with_the_reserved_matter(catalogue):
    """Firing: the budget Reserved Matter's carve-out and its repetition in the unanimity sub-clause are both in
    square brackets, and the note says they stand or fall together."""
    doc = build(SMALL_MAJORITY, catalogue).document
    text = clause_text(doc, "alliance.decisions", flat=True)
    assert "beyond the Annual Plan[, other than an approval of costs under clause" in text
    assert "Every other decision of the ALT [(including an approval of costs under clause" in text
    assert "the two brackets stand or fall together" in flat_note(doc, "alliance.decisions")


def test_no_carve_out_without_a_budget_reserved_matter(catalogue):
    """Quiet: without a Reserved Matter on committing a budget there is no carve-out to bracket or repeat."""
    doc = variant_of(catalogue, SMALL_MAJORITY, RESERVED, "")
    text = clause_text(doc, "alliance.decisions", flat=True)
    assert "[, other than an approval of costs" not in text
    assert "(including an approval of costs under clause" not in text
    assert "stand or fall together" not in flat_note(doc, "alliance.decisions")


def test_revised_plan_after_a_cut_says_it_overrides_a_reserved_annual_plan(catalogue):
    """Firing (found by the reserved-matter guard): where the sheet reserves approving the Annual Plan and closing a
    service, the revised Annual Plan after a cut in funding, which passes by the ordinary majority, says in square
    brackets that it overrides that Reserved Matter, and the note offers the way to keep the veto."""
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, "    reserved_matters:\n",
                     "    reserved_matters:\n      - Approving the Annual Plan and the Target Cost\n")
    text = clause_text(doc, "alliance.decisions", flat=True)
    assert "[, even though approving the Annual Plan is otherwise a Reserved Matter]" in text
    assert "To keep the veto, make that revised Annual Plan a decision under" in flat_note(doc, "alliance.decisions")


def test_revised_plan_after_a_cut_quiet_without_a_reserved_annual_plan(catalogue):
    """Quiet: without a Reserved Matter on the Annual Plan there is no veto to override."""
    doc = build(ALLIANCE_EASTMOOR, catalogue).document
    text = clause_text(doc, "alliance.decisions", flat=True)
    assert "is decided under clause" in text
    assert "even though approving the Annual Plan is otherwise a Reserved Matter" not in text
    assert "To keep the veto, make that revised Annual Plan" not in flat_note(doc, "alliance.decisions")
