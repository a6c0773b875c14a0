"""Open-book: the financial distress trigger for a related party that is not a company (a parent charity), and the
scope note's advice measured against the places the commissioner actually buys."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_ADULT, OB_SUBSIDIARY, open_book_doc

_DISTRESS = "open-book.financial-distress"
_SCOPE = "open-book.scope"


def test_distress_trigger_does_not_call_a_parent_charity_a_company(catalogue):
    text = clause_text(open_book_doc(catalogue, OB_SUBSIDIARY), _DISTRESS, flat=True)
    assert "happens to Harbourside Youth Trust, or to any other body in the same group as the Company" in text
    assert "any other company" not in text


def test_distress_trigger_without_a_related_party_names_group_companies(catalogue):
    # quiet: with no related party the trigger reads as before
    text = clause_text(open_book_doc(catalogue, OB_ADULT), _DISTRESS, flat=True)
    assert "happens to any company in the same group as the Society" in text


def test_scope_note_counts_the_places_bought_when_most_are_the_commissioner_s(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_SUBSIDIARY), _SCOPE))
    assert ("The whole-homes scope is safer where the Council buys most of the places: here it buys 16 of the 18 "
            "places, so ask whether it wants the open book to cover the whole of each setting.") in text


def test_scope_note_when_the_commissioner_buys_a_minority(catalogue):
    doc = open_book_doc(
        catalogue, OB_SUBSIDIARY,
        ("      all_places: 8   # a neighbouring council buys the other two\n", "      all_places: 20\n"),
        ("      places: 6\n      all_places: 6\n", "      places: 6\n      all_places: 12\n"))
    text = flat(note(doc, _SCOPE))
    assert "here it buys 16 of the 36 places, so limiting the open book to them fits." in text
    assert "ask whether it wants the open book to cover" not in text
