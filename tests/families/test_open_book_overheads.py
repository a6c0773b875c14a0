"""Open-book Overhead Cap: one base (all the Direct Costs, or the staff costs among them) in the definition, the
reconciliation schedule, the worked example and the notes."""

from __future__ import annotations

import pytest

from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import ROOT
from tests.families.clause_texts import all_text, definition, document_of, flat, note

CHARITY = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"


def _staff(text: str) -> str:
    return text.replace("  overhead_cap: 12\n", "  overhead_cap: 12\n  overhead_cap_base: staff_costs\n")


def test_staff_costs_allocation_is_read_as_allocation_and_the_note_gives_the_other_reading(catalogue):
    """r27 ob-sample 3: overhead_basis staff_costs is how overheads are allocated; the cap stays on the Direct Costs
    and the note records the reading with the figures of a cap on staff costs."""
    doc = document_of(catalogue, CHARITY.read_text())
    assert definition(doc, "Overhead Cap") == "12% of the Direct Costs that are Allowable Costs in each Reconciliation Period"
    n = flat(note(doc, "common.open-book-costs"))
    assert "the Overhead Cap is 12% of all the Direct Costs (£318,600 on the budget, so all the budgeted overheads of " \
           "£300,000 count)" in n
    assert "If the cap is meant to be on staff costs (£1,950,000 budgeted), it is £234,000: the budgeted overheads are " \
           "£66,000 above it, the budgeted Allowable Costs fall to £2,889,000" in n


def test_cap_on_staff_costs_is_one_base_everywhere(catalogue):
    doc = document_of(catalogue, _staff(CHARITY.read_text()))
    assert "are the pay, employer's National Insurance contributions and employer's pension contributions of staff " \
           "working in the Open-Book Services (agency and relief staff included), in each Reconciliation Period" \
           in definition(doc, "Overhead Cap")
    text = flat(all_text(doc))
    assert "Overhead Cap (12% of staff costs of £1,950,000) £234,000" in text
    assert "the Overhead Cap of 12% of the Direct Costs that are Allowable Costs for the pay of staff working in the " \
           "Open-Book Services" in text
    assert "so the Excess Profit is £69,600" in text
    n = flat(note(doc, "common.open-book-costs"))
    assert "As instructed, the Overhead Cap is 12% of the staff costs (£234,000 on the budgeted £1,950,000)" in n
    assert "Take instructions on which base the cap uses" not in n


def test_cap_on_staff_costs_needs_the_staff_costs(catalogue):
    text = _staff(CHARITY.read_text()).replace("    staff_costs: 1950000\n", "")
    with pytest.raises(Exception, match="cost_model.staff_costs is empty"):
        validate(load_text(text, "t.yaml"), catalogue)
