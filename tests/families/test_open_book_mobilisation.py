"""Costs incurred before the service start date in the open-book family (the term clause), tested with the Wexcombe
neurological supported-living sheet."""

from __future__ import annotations

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import all_text, clause_text
from tests.families.conftest import OB_KELVERTON, OB_WEXCOMBE, open_book_notes, open_book_result


def test_pre_start_costs_are_shown_in_the_reconciliation_statement(catalogue):
    """r28 ob-fresh 6: 2.2 had the mobilisation costs shown in a 'Cost Statement' defined as sent under 11.4, which
    sends a Reconciliation Statement; one term now, and the unused definition is gone."""
    doc = assemble(read_termsheet(OB_WEXCOMBE, catalogue), catalogue, today=DRAFT_DATE).document
    term = clause_text(doc, "open-book.term", flat=True)
    assert "must show them separately in the Reconciliation Statement for that period" in term
    assert "Cost Statement" not in all_text(doc)


def test_rebasing_notes_leave_mobilisation_out_of_the_base_as_clause_6_does(catalogue):
    """Finding 4: £921,850 less £9,500 = £912,350; x 1.04 x 1.03 = £977,309.32; / £958,724 = 1.0194."""
    n = " ".join(open_book_notes(open_book_result(catalogue, OB_KELVERTON)).split())
    assert ("Allowable Costs of £912,350 (the £921,850 budget less the £9,500 mobilisation, which the base statement "
            "leaves out)") in n
    assert "come to £977,309.32" in n and "the factor is 1.0194" in n and "£987,485.72" not in n
    assert "a review does not take it out" not in n
    assert ("The first review that uses a Reconciliation Statement as its base statement (the second anniversary of "
            "1 May 2027; the first anniversary applies the index alone) removes it") in n
    assert "(multiplying them by 0.9897)" in n


def test_index_review_note_says_the_review_does_not_remove_mobilisation(catalogue, tmp_path):
    def index(data):
        data["positions"]["open_book_price_review"] = "index"
    n = " ".join(open_book_notes(open_book_result(catalogue, OB_KELVERTON, index)).split())
    assert "the annual review applies the index to the Prices and does not take it out" in n
    assert "The first review that uses a Reconciliation Statement" not in n
