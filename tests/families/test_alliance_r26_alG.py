"""r26 alliance review (lane alG): procurement, liability and notes (al-fresh findings 3, 11, 16, 19;
al-sample findings 5, 9, 14 to 19)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import BIG, build, clause, table_rows, text_of

STAINMOOR = Path(__file__).parent / "fixtures" / "alliance-stainmoor-r26.yaml"


@pytest.fixture(scope="module")
def stainmoor(catalogue):
    return build(STAINMOOR, catalogue).document


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def note(doc, cid) -> str:
    return _flat(clause(doc, cid).note or "")


def _variant(tmp_path, old: str, new: str) -> Path:
    text = STAINMOOR.read_text()
    assert old in text
    out = tmp_path / "variant.yaml"
    out.write_text(text.replace(old, new, 1))
    return out


