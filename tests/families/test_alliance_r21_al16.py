"""r21 alliance sample review (lane al16): the walk-away, step-in costs, force majeure exits, Balancing Amount
timing, unanimity, drafting and notes."""
from __future__ import annotations

from pathlib import Path

import pytest

from assembler.assemble import assemble
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.families.test_alliance import ALLIANCE, BIG, DRAFT_DATE, build, clause, text_of
from tests.families.clause_texts import flat as _flat


SMALL = next(p for p in ALLIANCE if p.stem == "small-majority-three-members")
ELLERBY = Path(__file__).parent / "fixtures" / "alliance-ellerby-single-contract.yaml"


def _note(doc, clause_id) -> str:
    return _flat(clause(doc, clause_id).note or "")


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def test_notes_cite_numbers_and_mention_only_blanks_the_draft_has(big):
    """al-sample 23: notes cite clause and Schedule numbers, not "the decisions clause" or "the last sub-clause but
    one", and speak of blanks only where the draft shows some."""
    notes = " ".join(_flat(c.note or "") for c in big.all_clauses())
    for gone in ("the decisions clause", "the outcomes Schedule", "the last sub-clause but one"):
        assert gone not in notes
    assert "repeats what clause 9 says" in notes
    if all(p.email for p in big.parties if hasattr(p, "email")) if hasattr(big, "parties") else False:
        assert "shown as blanks" not in _note(big, "common.notices")
