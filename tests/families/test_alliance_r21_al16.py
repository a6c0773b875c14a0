"""r21 alliance sample review (lane al16): the walk-away, step-in costs, force majeure exits, Balancing Amount
timing, unanimity, drafting and notes."""
from __future__ import annotations

import pytest

from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of


def _flat(text: str) -> str:
    return " ".join(text.split())


def _note(doc, clause_id) -> str:
    return _flat(clause(doc, clause_id).note or "")


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def test_leaving_provider_keeps_its_service_contract_unless_the_commissioner_ends_it(big):
    """al-sample 1: the Service Contract ends only if the Commissioner elects; the note states the break right."""
    text = _flat(text_of(clause(big, "alliance.leaving")))
    assert "the Commissioner may end that Provider's Service Contract on the same day by notice to that Provider" in text
    assert "If the Commissioner does not give that notice, the Service Contract continues" in text
    assert "ends on the same day, unless" not in text
    note = _note(big, "alliance.leaving")
    assert "no-fault break right" in note and "twelve months' notice" in note
    assert "end of the second Alliance Year" in note and "only at the end of an Alliance Year" in note


@pytest.mark.parametrize("path", [p for p in ALLIANCE if "single" in p.stem][:1] or [BIG], ids=lambda p: p.stem)
def test_single_contract_leaving_note_has_no_service_contract_option(path, catalogue):
    """al-sample 1 (quiet): a single-contract alliance has no per-Provider Service Contract to keep."""
    doc = build(path, catalogue).document
    if "single" in path.stem:
        assert "stays bound by its Service Contract" not in _note(doc, "alliance.leaving")


def test_note_reference_prints_its_number(big):
    """al-sample 23: a [[ref:...]] in a drafting note prints the clause number, never the library id."""
    note = _note(big, "alliance.leaving")
    assert "carries that right (clause 3.3 requires it)" in note
    for c in big.all_clauses():
        assert "<alliance." not in (c.note or "")
