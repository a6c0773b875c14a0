"""r23 open-book reviews: the findings the ob23 lane fixed (reconciling the re-basing text with the ob22 rule that a
Core Place ceases only by a reduction notice; factor display; leftovers)."""

from __future__ import annotations

from tests.families.test_open_book_r23_ob22 import flat, note_of, result
from tests.families.test_open_book_settings import document_text


def test_no_text_says_a_core_place_lapses_when_its_placement_ends(catalogue):
    """Reconcile ob21 with ob22: a Core Place is removed only by a reduction under clause 7.5 (or 7.8(c)), so no
    clause, note or Schedule says it lapses or ceases because its placement has ended."""
    res = result(catalogue)
    text = flat(document_text(res))
    assert "lapse" not in text.lower()
    assert "ceases because the placement it was kept for has ended" not in text
    assert "or the place ceases to be one of the Core Places" not in text
    assert "cease to be Core Places in a change because Existing Placements have ended" not in text
    assert "where the change is a reduction in the Core Places" in text
    assert "after the notice is given (or, for a place treated as removed on 1 July 2027, after that date)" in text
    note = note_of(res, "open-book.pricing")
    assert "otherwise is removed by a reduction on 6 months' notice" in note
    assert "one reduction held to the cap leaves it £93,007 a year short" in note


def test_no_user_choice_award_has_no_start_date_route(catalogue):
    text = flat(document_text(result(catalogue, "supported-accommodation-subsidiary.yaml")))
    assert "treated as removed on" not in text


def test_factors_print_with_four_places(catalogue):
    """A factor ending in zero prints with all four places (r20 ob-fresh: "0.999" beside "0.9991"), in the draft
    and through the template filter; other Decimals still print without trailing zeros."""
    from decimal import Decimal

    from assembler.formatting import factor
    from assembler.render.jinja import _finalize, environment
    assert format(factor(Decimal("0.99899")), "f") == "0.9990"
    assert "0.9990" in _finalize(factor(Decimal("0.99899")))
    assert "1.5" in _finalize(Decimal("1.50")) and "1.50" not in _finalize(Decimal("1.50"))
    assert "1.0300" in environment().from_string("{{ x | factor }}").render(x=Decimal("1.03"))
    text = flat(document_text(result(catalogue)))
    assert "holds each factor to 1.0300" in text
