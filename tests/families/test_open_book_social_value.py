"""Open-book social value commitments (r32 ob-fresh findings 13 and 18): a commitment 'over the initial term, counted
each Contract Year' is read in brackets as a total counted each year, with a note to confirm it; a commitment that
opens with a name ('Dementia Friends sessions') keeps the name's capital."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_WEXCOMBE, open_book_doc

_APPRENTICES = "    - At least two apprenticeships in health and social care filled from Wexcombe postcodes each Contract Year\n"


def _doc(catalogue, *lines: str):
    return open_book_doc(catalogue, OB_WEXCOMBE, (_APPRENTICES, "".join(lines)))


def test_a_total_over_the_term_counted_each_year_is_made_plain(catalogue):
    doc = _doc(catalogue, "    - At least 10 care staff started on an apprenticeship over the initial term, counted each Contract Year\n")
    t = flat(clause_text(doc, "open-book.compliance-with-law"))
    assert ("at least 10 care staff started on an apprenticeship over the initial term, counted each Contract Year [(a "
            "total for the whole initial term, not a number for each Contract Year") in t
    assert "can be read as a number each Contract Year or as a total over the term" in flat(
        note(doc, "open-book.compliance-with-law"))


def test_a_yearly_commitment_is_left_as_it_is(catalogue):
    doc = open_book_doc(catalogue, OB_WEXCOMBE)
    t = flat(clause_text(doc, "open-book.compliance-with-law"))
    assert "at least two apprenticeships in health and social care filled from Wexcombe postcodes each Contract Year" in t
    assert "a total for the whole initial term" not in t
    assert "can be read as a number each" not in flat(note(doc, "open-book.compliance-with-law"))


def test_a_commitment_opening_with_a_name_keeps_its_capital(catalogue):
    doc = _doc(catalogue, _APPRENTICES, "    - Dementia Friends sessions for families at each home twice each Contract Year\n")
    t = flat(clause_text(doc, "open-book.compliance-with-law"))
    assert "Dementia Friends sessions for families" in t
    assert "at least two apprenticeships in health" in t
