"""Open-book: a home or setting that is new and opens with the agreement (r34 ob-fresh finding 4): its Service Term,
and payment for its places, wait for the commissioner's confirmation that it is ready, with a long-stop date."""

from __future__ import annotations

from tests.families.clause_texts import clause_text
from tests.families.conftest import OB_BRAMBLECOMBE, open_book_note_of, open_book_result


def _new(longstop=None):
    def change(data):
        home = data["services"]["homes"][0]
        home["opens_new"] = True
        if longstop:
            home["opening_longstop"] = longstop
    return change


def test_a_new_home_is_paid_for_only_from_its_opening_date(catalogue):
    result = open_book_result(catalogue, OB_BRAMBLECOMBE, _new("2027-06-30"))
    term = clause_text(result.document, "open-book.term", flat=True)
    assert "the Service Term for Bramblecombe House, a new home, starts only on the day the Council confirms" in term
    assert "registered with the Care Quality Commission as a location of Calderbrook" in term
    assert "Until the opening date no Price is payable for any place at Bramblecombe House, including its Core Places" in term
    assert "If the opening date has not come by 30 June 2027, the Council may end this Agreement for Bramblecombe House" in term
    note = open_book_note_of(result, "open-book.term")
    assert "Bramblecombe House is new and opens with this agreement" in note and "in brackets" not in note


def test_without_a_longstop_the_date_is_bracketed(catalogue):
    result = open_book_result(catalogue, OB_BRAMBLECOMBE, _new())
    assert "has not come by [1 July 2027]" in clause_text(result.document, "open-book.term", flat=True)
    assert "three months after the start, as the draft's assumption" in open_book_note_of(result, "open-book.term")


def test_existing_homes_have_no_opening_terms(catalogue):
    result = open_book_result(catalogue, OB_BRAMBLECOMBE)
    assert "opening date" not in clause_text(result.document, "open-book.term", flat=True)
    assert "is new and opens" not in open_book_note_of(result, "open-book.term")
