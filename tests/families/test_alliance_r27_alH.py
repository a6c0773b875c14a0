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


def test_wilful_default_outside_the_cap(lynmere):
    """Finding 7 (firing): wilful default is outside the carve-out cap, and the note asks about a separate, higher
    limit for safeguarding and data protection claims."""
    text = _flat(text_of(clause(lynmere, "alliance.liability")))
    assert "- wilful default;" in text or "wilful default;" in text
    note = _note(lynmere, "alliance.liability")
    assert "fraud, wilful default, death and personal injury" in note
    assert ("take instructions on whether they should have a separate, higher limit, for example the £10,000,000 "
            "public liability cover") in note


def test_no_wilful_default_item_without_the_carve_out(catalogue):
    """Finding 7 (quiet): without those carve-outs neither the item nor the note sentence appears."""
    doc = _variant(catalogue, "no_blame_carve_outs: [wilful_default, fraud, insolvency, confidentiality, data_protection, safeguarding, infringement]",
                   "no_blame_carve_outs: [fraud, insolvency, confidentiality, infringement]")
    text = _flat(text_of(clause(doc, "alliance.liability")))
    assert "wilful default" not in text
    assert "separate, higher limit" not in _note(doc, "alliance.liability")


