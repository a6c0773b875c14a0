"""r24 open-book review of the Meadowbank sample (ob-sample.report.md): the findings the ob25 lane fixed."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_ADULT, OB_CHARITY, open_book_document, open_book_with


def test_break_costs_exception_names_the_minimum_notice_and_core_places_pay_part_weeks(catalogue):
    """Finding 10: the break-costs exception sits in the notice under 7.7(b) it is about, not in 29.2 misdescribing it. Finding 12:
    the Core Places are paid at one seventh of the weekly Price a day for part of a week (the term runs Thursday to
    Monday). Quiet: a sheet paying nightly Prices (short breaks) has no part-week sentence."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    assert "where clause 7 requires the Council" not in clause_text(d, "open-book.termination", flat=True)
    assert ("give notice to end this Agreement for that home under clause 29.1, in which case nothing is payable under "
            "clause 29.2") in clause_text(d, "open-book.voids", flat=True)
    assert ("whether or not it is used for a Placement. For part of a week, the Council pays for each night of the "
            "Service Term in that week under clause 5.1.") in clause_text(d, "open-book.voids", flat=True)
    nightly = open_book_document(catalogue, (ROOT / "samples" / "open-book" / "short-breaks-charity.yaml").read_text(encoding="utf-8"))
    assert all("one seventh of the weekly" not in clause_text(nightly, c.id, flat=True)
               for c in nightly.all_clauses() if c.id == "open-book.voids")
