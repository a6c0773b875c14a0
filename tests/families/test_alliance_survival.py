"""The alliance survival sub-clause: only what must continue after the end is listed (r31s al-sample finding 11)."""

from __future__ import annotations

from tests.families.clause_texts import all_text, build, flat
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_SMALL


def _survivors(doc) -> str:
    return flat(all_text(doc)).split("However this Agreement ends, ", 1)[1].split(" continue in force after it ends", 1)[0]


def test_survival_lists_only_the_parts_of_clauses_12_and_24_that_must_continue(alliance_big):
    """Firing: the service planning clause survives only as its carry-forward and payment carve-out (12.9) and the
    year-end budget statement (12.12); the insurance clause only as its run-off of professional indemnity cover."""
    listed = _survivors(alliance_big)
    assert "clause 12.9, clause 12.12, clause 13," in listed
    assert "clause 24.2, clause 25," in listed
    assert "clause 12," not in listed and "clause 24," not in listed


def test_survival_leaves_out_paragraphs_a_draft_does_not_have(catalogue):
    """Quiet: a sample without the pooled-budget paragraphs lists none of them, and the list still builds."""
    doc = build(ALLIANCE_SMALL, catalogue).document
    listed = _survivors(doc)
    assert "clause 12," not in listed
    assert listed.startswith("clause ")
