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


def test_capped_liability_note_follows_the_sheet_and_the_actual_cap(stainmoor):
    """al-fresh finding 11 (firing): no carve-outs given, so they are the draft's proposal; caps stated as they are."""
    text = note(stainmoor, "alliance.liability")
    assert "The instructions give no exceptions to the cap, so every exception in this clause is the draft's proposal" in text
    assert "the instructions' carve-outs" not in text
    assert "each Provider's cap is the greater of its Annual Value and that sum" in text
    assert "Expect Brightledger, whose cap the floor sets above its Annual Value, to ask for the lower of the two." in text
    body = _flat(text_of(clause(stainmoor, "alliance.liability")))
    assert "Insolvency Event" not in body
    assert ("arising from the following is limited to the greater of [£1,000,000] and the limit that applies to it "
            "under clause 22.3, and does not count towards that limit") in body
    assert "its infringement of another person's Intellectual Property Rights; or" in body


def test_capped_liability_note_keeps_instructed_carve_outs(tmp_path, catalogue):
    """al-fresh finding 11 (quiet): carve-outs the sheet lists are the instructions', and an instructed insolvency
    carve-out stays, with a note."""
    sheet = _variant(tmp_path, "  liability_floor:", "  no_blame_carve_outs: [wilful_default, fraud, insolvency]\n  liability_floor:")
    doc = build(sheet, catalogue).document
    text = note(doc, "alliance.liability")
    assert "the instructions' carve-outs with one addition" in text
    assert "The insolvency exception is as instructed" in text
    body = _flat(text_of(clause(doc, "alliance.liability")))
    assert "by its Insolvency Event" in body and "does not count towards that limit" not in body
    sheet = _variant(tmp_path, "  liability_floor:", "  no_blame_carve_outs: [fraud, data_protection, safeguarding]\n  liability_floor:")
    doc = build(sheet, catalogue).document
    assert "does not count towards that limit" not in _flat(text_of(clause(doc, "alliance.liability")))
    assert ("The instructed carve-outs for data protection and safeguarding leave a small member exposed without limit"
            in note(doc, "alliance.liability"))


