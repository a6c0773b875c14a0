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


