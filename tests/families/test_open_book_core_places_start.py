"""Open-book user-choice awards: which places are the Core Places on the start date (r34 ob-sample finding 1)."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, definition, flat, note
from tests.families.conftest import OB_CHARITY, OB_SINGLE, open_book_document


def _sheet(extra: str = "", existing: int = 11) -> str:
    text = OB_CHARITY.read_text(encoding="utf-8")
    return text.replace("  existing_placements: 11\n", f"  existing_placements: {existing}\n{extra}")


def test_the_core_places_are_the_block_the_sheet_books_with_the_occupancy_test_in_brackets(catalogue):
    """The sheet block-books 11 places for the 11 children placed: the draft pays for the 11 places from the start
    date, whoever then lives in them, and offers the occupancy-based identification only in brackets, with a note on
    the procurement risk and the agreed list of Existing Placements."""
    doc = open_book_document(catalogue, _sheet())
    body = clause_text(doc, "open-book.voids", flat=True)
    assert "On 1 July 2027 the Core Places are the eleven places shown in Part 2 of Schedule 1, at each home the " \
           "number shown for it there, whether or not a child then occupies each of them." in body
    assert "[Alternatively: on 1 July 2027 a place is one of the Core Places only if it is then occupied by an " \
           "Existing Placement" in body
    assert "so the Prices are re-based from that date" not in body
    assert definition(doc, "Core Places").startswith("the places in the Homes that the Council block-books")
    n = flat(note(doc, "open-book.voids"))
    assert "As the instructions give them, the Core Places are the eleven places in the schedule of services" in n
    assert "covers particular children, not empty places for future children" in n
    assert "The bracketed alternative in the voids clause counts only the places" in n


def test_an_instruction_either_way_drops_the_bracketed_alternative(catalogue):
    fixed = clause_text(open_book_document(catalogue, _sheet("  core_places_follow_placements: false\n")),
                        "open-book.voids", flat=True)
    assert "the Core Places are the eleven places shown in Part 2" in fixed and "[Alternatively" not in fixed
    tied = open_book_document(catalogue, _sheet("  core_places_follow_placements: true\n"))
    body = clause_text(tied, "open-book.voids", flat=True)
    assert "On 1 July 2027 the Core Places are identified as follows" in body and "[Alternatively" not in body
    assert "As the instructions give them" not in flat(note(tied, "open-book.voids"))


def test_fewer_children_than_places_keeps_the_places_tied_to_the_placements(catalogue):
    """Quiet: where the sheet places fewer people than it block-books, the award covers only their places (r14)."""
    body = clause_text(open_book_document(catalogue, _sheet(existing=9)), "open-book.voids", flat=True)
    assert "the Core Places are identified as follows" in body
    assert "the Core Places are the eleven places shown" not in body


def test_one_core_place_at_the_minimum_reads_in_the_singular_without_an_alternative(catalogue):
    doc = open_book_document(catalogue, OB_SINGLE.read_text(encoding="utf-8"))
    body = clause_text(doc, "open-book.voids", flat=True)
    assert "the one Core Place is the place shown in Part 2 of Schedule 1, whether or not a child then occupies it" \
           in body
    assert "[Alternatively" not in body
    assert "block-books one place and pays for it whether or not a child is living in it" in flat(
        note(doc, "open-book.voids"))
