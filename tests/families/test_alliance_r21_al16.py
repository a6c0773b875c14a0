"""r21 alliance sample review (lane al16): the walk-away, step-in costs, force majeure exits, Balancing Amount
timing, unanimity, drafting and notes."""
from __future__ import annotations

from pathlib import Path

import pytest

from assembler.assemble import assemble
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.families.test_alliance import ALLIANCE, BIG, DRAFT_DATE, build, clause, text_of


SMALL = next(p for p in ALLIANCE if p.stem == "small-majority-three-members")
ELLERBY = Path(__file__).parent / "fixtures" / "alliance-ellerby-single-contract.yaml"


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


def test_single_contract_leaving_note_has_no_service_contract_option(catalogue):
    """al-sample 1 (quiet): a single-contract alliance has no per-Provider Service Contract to keep."""
    source = SMALL.read_text(encoding="utf-8").replace("exit: for-cause", "exit: without-cause")
    doc = assemble(validate(load_text(source, SMALL.name), catalogue), catalogue, today=DRAFT_DATE).document
    note = _note(doc, "alliance.leaving")
    assert "no-fault break right" in note and "stays bound by its Service Contract" not in note


def test_note_reference_prints_its_number(big):
    """al-sample 23: a [[ref:...]] in a drafting note prints the clause number, never the library id."""
    note = _note(big, "alliance.leaving")
    assert "carries that right (clause 3.3 requires it)" in note
    for c in big.all_clauses():
        assert "<alliance." not in (c.note or "")


def test_step_in_costs_are_a_debt_under_this_agreement_with_set_off(big):
    """al-sample 3: step-in costs are payable under this Agreement, set-off applies, and 4.3 and 3.3 list them."""
    text = _flat(text_of(clause(big, "alliance.operations")))
    assert "The Provider must pay the Commissioner its reasonable costs of stepping in within 30 days" in text
    assert "Clause 16.5 applies to that amount." in text
    assert "under its Service Contract (or set them off" not in text
    assert "the recovery of step-in costs under clause 16.10 and the set-off in clause 16.5" in _flat(
        text_of(clause(big, "alliance.structure")))
    assert "to the right to step in under clause 16.10" in _flat(text_of(clause(big, "alliance.precedence")))


def test_single_contract_step_in_costs_stay_a_reduction(catalogue):
    """al-sample 3 (quiet): a single-contract alliance reduces the payment, as its withholding clause says."""
    text = _flat(text_of(clause(build(ELLERBY, catalogue).document, "alliance.operations")))
    assert "may reduce that Provider's payments by its reasonable costs of stepping in" in text
