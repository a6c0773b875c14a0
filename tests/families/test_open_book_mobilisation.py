"""Costs incurred before the service start date in the open-book family (the term clause), tested with the Wexcombe
neurological supported-living sheet."""

from __future__ import annotations

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import all_text, clause_text

SHEET = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"


def test_pre_start_costs_are_shown_in_the_reconciliation_statement(catalogue):
    """r28 ob-fresh 6: 2.2 had the mobilisation costs shown in a 'Cost Statement' defined as sent under 11.4, which
    sends a Reconciliation Statement; one term now, and the unused definition is gone."""
    doc = assemble(read_termsheet(SHEET, catalogue), catalogue, today=DRAFT_DATE).document
    term = clause_text(doc, "open-book.term", flat=True)
    assert "must show them separately in the Reconciliation Statement for that period" in term
    assert "Cost Statement" not in all_text(doc)
