"""Open-book notes on publishing the contract and on the open-book PPN (r28 ob-fresh findings 21 and 22): one line
says what to check about ss.53(5) and 77 of the Procurement Act 2023, and PPN 004 is cited by its title and date."""

from __future__ import annotations

from tests.families.clause_texts import all_text, flat, note
from tests.families.conftest import (
    OB_CHARITY, OB_WEXCOMBE, open_book_doc, open_book_note_of, open_book_result,
)


def test_publication_check_is_one_line(catalogue):
    doc = open_book_doc(catalogue, OB_WEXCOMBE)
    text = flat(all_text(doc))
    assert ("check, in sections 53(5) and 77 (legislation.gov.uk) and the table of special rules in Annex A to the "
            "Cabinet Office's Guidance: Light Touch Contracts, whether a light touch contract is excepted from publishing "
            "a copy of this Agreement and a copy of a modification to it; if not, plan the redactions now") in text
    assert "s.77" not in flat(note(doc, "open-book.pricing"))
    assert text.count("53(5)") == 1


def test_ppn_004_cited_by_title_and_date(catalogue):
    n = flat(note(open_book_doc(catalogue, OB_WEXCOMBE), "common.open-book-costs"))
    assert ("Cabinet Office PPN 004: Open Book Contract Management (published 17 February 2025 for procurements begun "
            "on or after 24 February 2025, replacing PPN 05/16; it binds central government bodies") in n


def test_foi_note_says_in_one_line_what_to_check_on_section_53(catalogue):
    """Finding 10: the s.53 publication point is one line saying what to check, not 'has not been verified'."""
    note = open_book_note_of(open_book_result(catalogue, OB_CHARITY), "common.freedom-of-information")
    assert "has not been verified" not in note
    assert ("check, in sections 53(5) and 77 (legislation.gov.uk) and the table of special rules in Annex A to the "
            "Cabinet Office's Guidance: Light Touch Contracts, whether a light touch contract is excepted from publishing "
            "a copy of this Agreement and a copy of a modification to it; if not, plan the redactions now") in note
