"""r27 alliance review (lane alH), al-fresh findings (Lynmere: a dementia alliance of a council, an ICB, a foundation
trust holding a PSR contract with the ICB and three other Providers)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, read_termsheet, table_rows, text_of
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from assembler.assemble import assemble
from tests.conftest import DRAFT_DATE

LYNMERE = Path(__file__).parent / "fixtures" / "alliance-lynmere-r27-alH.yaml"


@pytest.fixture(scope="module")
def lynmere(catalogue):
    return build(LYNMERE, catalogue).document


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def _variant(catalogue, old, new):
    source = LYNMERE.read_text()
    assert old in source
    return assemble(validate(load_text(source.replace(old, new, 1), LYNMERE.name), catalogue), catalogue,
                    today=DRAFT_DATE).document


def _definitions(doc):
    return _flat(text_of(clause(doc, "common.definitions")))


