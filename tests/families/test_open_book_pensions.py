"""Open-book pensions: staff in the Local Government Pension Scheme through the provider's admission agreement (a
council spin-out; r27 ob-fresh finding 10), tested with the Caldmoor sheet (a registered society spun out of the
Council in 2016, four-year term from 1 April 2027, prices re-based each year)."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_CALDMOOR, open_book_doc

LGPS = "  lgps_admission: true"


def test_lgps_admission_body_gets_contribution_and_exit_terms(catalogue):
    """Firing: contributions at the certified rates are Allowable Costs, certificates are copied to the Council, the
    admission agreement is not ended without consent, and an exit payment caused by the agreement ending is
    allocated in brackets (the Council, or the last Reconciliation Period), with an exit credit following it."""
    d = open_book_doc(catalogue, OB_CALDMOOR)
    t = flat(clause_text(d, "open-book.exit"))
    assert ("Employer contributions to the Local Government Pension Scheme for staff working in the Care Services, at the "
            "rates in the fund actuary's rates and adjustments certificate under regulation 62") in t
    assert "are Allowable Costs." in t
    assert "must give the Council a copy of each rates and adjustments certificate" in t
    assert "must not end its admission agreement" in t
    assert "exit payment under regulation 64 of those Regulations because this Agreement ends, as a whole or for any of the Homes, [the Council must pay the Society" in t
    assert "is an Allowable Cost of the last Reconciliation Period]." in t
    assert "[[" not in t
    n = note(d, "open-book.exit")
    assert "new rates apply from 1 April 2029" in n          # valuation as at 31 March 2028, within 2027-2031
    assert "the annual re-basing carries a change of rate into the Prices" in n
    assert "Take instructions on which" in n
    assert "pension protection" not in n


def test_lgps_index_review_says_who_bears_a_rate_rise(catalogue):
    """Under an index review the note says a rise above the index stays with the provider."""
    d = open_book_doc(catalogue, OB_CALDMOOR, ("open_book_price_review: rebase", "open_book_price_review: index"))
    n = note(d, "open-book.exit")
    assert "a rise in the rate above the index is borne by the Society" in n


def test_no_lgps_terms_where_staff_are_not_in_the_scheme(catalogue):
    """Quiet: lgps_admission false gives no pension sub-clauses and no pension paragraph in the note; empty keeps the
    clause plain and the note asks the question once."""
    d = open_book_doc(catalogue, OB_CALDMOOR, (LGPS, "  lgps_admission: false"))
    t = flat(clause_text(d, "open-book.exit"))
    assert "Local Government Pension Scheme" not in t and "exit payment" not in t
    assert "Local Government Pension Scheme" not in note(d, "open-book.exit")
    d = open_book_doc(catalogue, OB_CALDMOOR, (LGPS, "  lgps_admission: null"))
    t = flat(clause_text(d, "open-book.exit"))
    assert "exit payment" not in t
    n = note(d, "open-book.exit")
    assert "Check whether any of the Society's staff who came from a local authority have pension protection or are in the Local Government Pension Scheme" in n
    assert n.count("pension protection") == 1 and "take instructions" in n
