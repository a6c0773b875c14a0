"""The alliance survival sub-clause: only what must continue after the end is listed (r31s al-sample finding 11)."""

from __future__ import annotations

from assembler.model import iter_paragraphs
from tests.families.clause_texts import all_text, build, clause, flat
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_HAVERLEIGH, ALLIANCE_LYNMERE, ALLIANCE_SMALL


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


def _number(doc, clause_id: str, anchor: str) -> str | None:
    return next((p.number for p in iter_paragraphs(clause(doc, clause_id).blocks) if p.anchor == anchor), None)


def test_survival_includes_the_commissioners_statement_and_the_former_contracts_release(catalogue):
    """Firing: two Commissioners and Former Contracts: the statement and true-up between the Commissioners after the
    last year-end calculation, and the release on the ending of the Former Contracts, both survive (r38d al-mh
    finding 12)."""
    doc = build(ALLIANCE_LYNMERE, catalogue).document
    listed = _survivors(doc)
    statement = _number(doc, "alliance.service-planning", "commissioners-statement")
    release = _number(doc, "alliance.transition", "no-liability")
    assert statement and release
    assert f"clause {statement}," in listed and f"clause {release}," in listed


def test_no_commissioners_statement_for_one_commissioner(catalogue):
    """Quiet: one Commissioner has no statement between Commissioners to survive."""
    doc = build(ALLIANCE_HAVERLEIGH, catalogue).document
    assert _number(doc, "alliance.service-planning", "commissioners-statement") is None
