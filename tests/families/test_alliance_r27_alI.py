"""r27 alliance review (lane alI): the Lynmere dementia alliance, council and ICB (al-fresh findings 2, 3, 4, 11, 12,
13, 15)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import build, clause, table_rows, text_of

LYNMERE = Path(__file__).parent / "fixtures" / "alliance-lynmere-r27i.yaml"


@pytest.fixture(scope="module")
def lynmere(catalogue):
    return build(LYNMERE, catalogue).document


def note(doc, cid) -> str:
    return _flat(clause(doc, cid).note or "")


def _variant(tmp_path, old: str, new: str) -> Path:
    text = LYNMERE.read_text()
    assert old in text
    out = tmp_path / "variant.yaml"
    out.write_text(text.replace(old, new, 1))
    return out


