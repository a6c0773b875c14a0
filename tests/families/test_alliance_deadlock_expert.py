"""The alliance's Independent Expert follows the sheet's dispute and deadlock choices everywhere it appears (r36
al-fresh finding 4: a sheet choosing the direct ladder, "no Independent Adviser: too costly", still had an expert the
Commissioner had to wait for, with uncapped fees)."""

from __future__ import annotations

from tests.families.clause_texts import all_text, clause_text, document_of, flat, flat_note
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_JOINT, ALLIANCE_SMALL


def _expertless(doc) -> None:
    """No Independent Expert anywhere in the draft: clauses, notes or definitions."""
    assert "Independent Expert" not in all_text(doc)
    assert all(d.term != "Independent Expert" for d in doc.definitions)
    decisions = clause_text(doc, "alliance.decisions", flat=True)
    assert "must consider the views recorded in the minutes; must give its reasons" in decisions


def test_direct_ladder_has_no_expert_unless_asked(catalogue):
    """Firing: the direct ladder (the small sample) with the deadlock rule left to the Commissioner has no expert:
    the Commissioner decides on the minuted views, the urgent-action list ends at the report, and the note says why
    and how to add one back."""
    doc = document_of(catalogue, ALLIANCE_SMALL.read_text())
    _expertless(doc)
    note = flat_note(doc, "alliance.decisions")
    assert "with no independent adviser, so the draft has no independent expert either" in note
    assert "it must report what it did, with its reasons, to the next meeting of the ALT." in clause_text(doc, "alliance.decisions", flat=True)


def test_independent_expert_false_removes_it_under_the_standard_ladder(catalogue):
    """Firing: `independent_expert: false` takes the expert out under the standard ladder too (the Independent
    Adviser stays), and the note says it is instructed."""
    source = ALLIANCE_BIG.read_text().replace("    deadlock: commissioner", "    deadlock: commissioner\n    independent_expert: false", 1)
    doc = document_of(catalogue, source)
    _expertless(doc)
    assert "Independent Adviser" in all_text(doc)
    running = clause_text(doc, "alliance.operations", flat=True)
    assert "the fees of the Independent Adviser" in running


def test_expert_kept_where_asked_or_where_it_decides(catalogue):
    """Quiet: the standard ladder keeps the expert as a condition of the Commissioner's decision; `independent_expert:
    true` keeps it under the direct ladder; an expert that decides deadlocks stays whatever the field says."""
    big = document_of(catalogue, ALLIANCE_BIG.read_text())
    assert "must first obtain the written recommendation of an Independent Expert" in clause_text(big, "alliance.decisions", flat=True)
    small = document_of(catalogue, ALLIANCE_SMALL.read_text().replace(
        "  decisions:\n", "  decisions:\n    independent_expert: true\n", 1))
    assert "where an Alliance Member has referred the matter to an Independent Expert" in clause_text(small, "alliance.decisions", flat=True)
    joint = document_of(catalogue, ALLIANCE_JOINT.read_text().replace(
        "    deadlock: expert", "    deadlock: expert\n    independent_expert: false", 1))
    assert "Any other deadlocked matter is decided by an Independent Expert" in flat(clause_text(joint, "alliance.decisions"))
