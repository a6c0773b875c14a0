"""Column widths follow the content: no header word or short figure is broken across lines."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from assembler.writers.table_layout import column_widths, text_twips

TOTAL = 9026


def fits(width: int, text: str, *, bold: bool = False) -> bool:
    return text_twips(text, 9.5, bold=bold) + 160 <= width


def test_a_narrow_drawn_column_widens_to_its_longest_header_word():
    widths = column_widths(["Agreement", "Condition"], [["1", "Signed by both"]], [1, 12], TOTAL)
    assert fits(widths[0], "Agreement", bold=True)
    assert sum(widths) == TOTAL


def test_amounts_references_and_postcodes_stay_on_one_line():
    header = ["Member", "Reference", "Postcode", "Annual value"]
    rows = [["A very long member name that wraps", "KMC-MH-2021-0259", "BK5 2PG", "£1,850,000.00"]]
    widths = column_widths(header, rows, [1, 1, 1, 1], TOTAL)
    for c, text in enumerate(rows[0][1:], start=1):
        assert fits(widths[c], text), (c, text, widths)


def test_a_column_is_no_wider_than_its_content_when_another_column_needs_room():
    rows = [["1", "A long condition " * 10]]
    widths = column_widths(["No", "Condition"], rows, [1, 1], TOTAL)
    assert widths[0] < TOTAL // 4 < widths[1]


def test_drawn_proportions_are_kept_when_content_fits_everywhere():
    widths = column_widths(["A", "B"], [["x", "y"]], [1, 3], TOTAL)
    assert abs(widths[1] - 3 * widths[0]) <= 3


@given(st.lists(st.lists(st.text(alphabet="abcdefgh £0123456789,", max_size=40), min_size=3, max_size=3),
                max_size=6),
       st.lists(st.integers(min_value=1, max_value=12), min_size=3, max_size=3))
def test_widths_always_fill_the_text_width_exactly(rows, shares):
    widths = column_widths(["Member", "Amount", "Notes"], rows, shares, TOTAL)
    assert sum(widths) == TOTAL and all(w > 0 for w in widths)
