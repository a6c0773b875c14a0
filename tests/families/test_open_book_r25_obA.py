"""r25 open-book review of a nursing home block (ob-fresh.report.md, Bramblecombe House): the findings the obA lane
fixed, tested with the sheet's own numbers (1,170 budgeted weeks of 1,352; Allowable Costs £1,297,400, of which
£30,264 is the one-to-one hours' variable cost; shared costs apportioned by paid bed-weeks)."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_BRAMBLECOMBE, open_book_doc, open_book_model

KEY = "full-cost/sharing-band/split"


def test_finding6_rent_review_in_the_term_enters_allowable_cost_not_the_prices(catalogue):
    """Finding 6: the lease's 1 October 2028 review falls inside the term (1 April 2027 to 31 March 2030, two
    extension years): a review under the lease is an Allowable Cost, not the sheet's disallowed 'rent increase agreed
    after the start date', and does not move the indexed Prices; any other increase or a premium is disallowed."""
    text = OB_BRAMBLECOMBE.read_text(encoding="utf-8")
    old = "      lease_end: 2048-09-30\n"
    assert old in text
    d = document_of(catalogue, text.replace(old, old + "      rent_review_date: 2028-10-01\n", 1))
    scope = flat(clause_text(d, "open-book.scope"))
    assert ("An increase in the rent of Bramblecombe House on a review under the terms of its lease as in force on "
            "1 April 2027, including the review due on 1 October 2028, is an Allowable Cost") in scope
    assert "is not a rent increase excluded by clause" in scope
    assert "It does not by itself change the Prices" in scope
    assert "any premium or other payment to vary or surrender that lease, is a Disallowed Cost" in scope


def test_finding6_quiet_without_a_review_date_or_with_one_after_the_term(catalogue):
    assert "An increase in the rent of" not in flat(clause_text(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.scope"))
    text = OB_BRAMBLECOMBE.read_text(encoding="utf-8")
    old = "      lease_end: 2048-09-30\n"
    d = document_of(catalogue, text.replace(old, old + "      rent_review_date: 2033-10-01\n", 1))
    assert "An increase in the rent of" not in flat(clause_text(d, "open-book.scope"))
