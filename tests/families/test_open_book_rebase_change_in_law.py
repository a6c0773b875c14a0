"""The re-basing price review carries a Relevant Change in Law into the Prices at the review that follows it (r33
ob-fresh 1): 6.1 adds its full-year cost to the base statement's costs, the collar in 6.2 lets exactly that through,
the first review (index alone) adds it too, and the change-in-law note no longer says 'up or down' against a floor
of one (r33 ob-fresh 16). The same review deducts the NHS-funded nursing care in the base statement (r32 ob-fresh 1),
and its note gives the exact shortfall the collar leaves (r33 ob-fresh 17)."""

from __future__ import annotations

from decimal import Decimal, ROUND_HALF_UP

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_ADULT, OB_CHARITY, open_book_doc, open_book_model, open_book_result


def _review(doc) -> str:
    return clause_text(doc, "open-book.price-review", flat=True)


def test_rebasing_review_adds_the_change_in_law_and_the_collar_lets_it_through(catalogue):
    d = open_book_doc(catalogue, OB_ADULT)
    text = _review(d)
    assert ("add the change in Allowable Costs in a full year that each Relevant Change in Law under clause "
            in text)
    assert "so far as the base statement does not already include it for a full year" in text
    assert "plus any increase added under clause 6.1(c) for a Relevant Change in Law" in text
    assert "that each Relevant Change in Law that has taken effect since" in text   # the first review, index alone
    law = flat(note(d, "open-book.change-in-law"))
    assert "the review adds its full-year cost to the base statement's costs" in law
    assert "up or down, outside the review's collar" not in law


def test_index_review_keeps_its_own_change_in_law_route(catalogue):
    """Quiet: the index review adjusts the Prices from the day the change takes effect; no re-basing limb."""
    d = open_book_doc(catalogue, OB_CHARITY)
    assert "so far as the base statement does not already include it" not in _review(d)
    assert "the review adds its full-year cost" not in flat(note(d, "open-book.change-in-law"))


def test_rebasing_review_deducts_the_nursing_care_only_where_budgeted(catalogue):
    def fnc(data):
        data["open_book"]["cost_model"]["nhs_nursing_income"] = 150000
    fired = _review(open_book_result(catalogue, OB_ADULT, fnc).document)
    assert "deduct the NHS-funded nursing care in the Service Income of the base statement" in fired
    assert "Overheads; deduct the NHS-funded nursing care" in fired   # no stray "and" before the new step
    quiet = _review(open_book_doc(catalogue, OB_ADULT))
    assert "deduct the NHS-funded nursing care" not in quiet


def test_review_note_gives_the_exact_shortfall_the_collar_leaves(catalogue):
    """r33 ob-fresh 17: the shortfall is the overrun less the income at the collar, not worked from a rounded factor."""
    ob = open_book_model(catalogue, OB_ADULT).open_book
    rx = ob.rebase_example["direct-cost"]   # the sample's cost base
    held = (rx.overrun_rebased - rx.income * (1 + rx.index / 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    assert held == 138379   # £1,522,322.05 less £1,343,634.25 x 1.03; the rounded factor 1.1330 gave £138,394
    text = flat(note(open_book_doc(catalogue, OB_ADULT), "open-book.price-review"))
    assert f"about £{held:,} a year less than those costs" in text


def test_review_note_example_deducts_the_nursing_care(catalogue):
    """r32 ob-fresh 1 for the review: with nursing care budgeted the note's factor deducts it, so costs at budget give
    about the index (the Prices lowered by the weekly nursing care keep the budget's income); quiet without it."""
    def fnc(data):
        week = data["open_book"]["unit_prices"][0]
        data["open_book"]["cost_model"]["nhs_nursing_income"] = week["expected_units"] * 100
        week["price"] = week["price"] - 100
    base = open_book_model(catalogue, OB_ADULT).open_book.rebase_example["direct-cost"]
    rx = open_book_model(catalogue, OB_ADULT, fnc).open_book.rebase_example["direct-cost"]
    assert rx.nursing > 0 and base.nursing == 0
    assert abs(rx.factor - base.factor) < Decimal("0.002")
    text = flat(note(open_book_result(catalogue, OB_ADULT, fnc).document, "open-book.price-review"))
    assert "of NHS-funded nursing care budgeted (held at the budget in this example)" in text
    assert "NHS-funded nursing care budgeted (held" not in flat(note(open_book_doc(catalogue, OB_ADULT), "open-book.price-review"))
