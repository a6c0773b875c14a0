"""r25 alliance review (lane alC): drafting notes (al-sample finding 20 and 15, al-fresh findings 10 to 19)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, BIG, build, clause

KINGSHOLT = Path(__file__).parent / "fixtures" / "alliance-kingsholt-r25.yaml"


@pytest.fixture(scope="module")
def kingsholt(catalogue):
    return build(KINGSHOLT, catalogue).document


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def note(doc, cid) -> str:
    return _flat(clause(doc, cid).note or "")


def _part3(doc):
    from tests.families.test_alliance import table_rows
    c = clause(doc, "alliance.schedule-outcomes")
    from assembler.model import Table, plain_text
    tables = [b for b in c.blocks if isinstance(b, Table)]
    t = next(t for t in tables if plain_text(t.header[1]) == "Better")
    return [[plain_text(h) for h in t.header]] + [[plain_text(cell) for cell in row] for row in t.rows]


