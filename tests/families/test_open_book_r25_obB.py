"""r25 open-book review of the Meadowbank children's homes sample (ob-sample.report.md) and ob-fresh finding 9:
the findings the obB lane fixed, tested with the sheets' own numbers."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

BRAMBLECOMBE = ROOT / "tests" / "families" / "fixtures" / "ob-r25-bramblecombe.yaml"
SAMPLE = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
VOID_PAYMENT = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"

_CACHE: dict = {}


def _doc(catalogue, path):
    if path not in _CACHE:
        _CACHE[path] = document_of(catalogue, path.read_text(encoding="utf-8"))
    return _CACHE[path]


def test_existing_placements_move_into_core_places_of_their_type(catalogue):
    """ob-fresh 9: the fourteen residents moving across fill Core Places of the type shown in the list; anyone for
    whom no Core Place of that type is free takes a place under clause 7.4 (paid only while used). Quiet: a
    void-payment sheet has no Core Places, and the user-choice sample ties Core Places to Existing Placements."""
    body = clause_text(_doc(catalogue, BRAMBLECOMBE), "open-book.placements", flat=True)
    assert ("Each of them occupies one of the Core Places of the type shown for them in the list. Any of them for whom "
            "no Core Place of that type is free occupies a place under clause 7.4.") in body
    for quiet in (VOID_PAYMENT, SAMPLE):
        assert "Each of them occupies one of the Core Places" not in clause_text(
            _doc(catalogue, quiet), "open-book.placements", flat=True)


def test_rebasing_budget_does_not_count_a_catch_up_twice(catalogue):
    """ob-sample 2: clause 5.7(d) raises the budget by the reviews, not by a part applied under clause 5.10, because
    the current Prices that the factor divides by already include it; Schedule 3 says so. With the sample's numbers
    (C + P - S = £3,063,750; 3% cap; 546.34 weeks after two places go): the first factor 1.0622 is held to 1.03
    (£5,098.50), the 1.0313 held back is applied at the review (£5,258.08), and the second factor is then 1.0665,
    giving £5,607.74, the uncapped £5,607.54 give or take rounding; counting the catch-up in the budget would give
    1.0999 (£5,783.36), over-paying the Trust. Quiet: a sheet without a user-choice award has no clause 5.10."""
    from decimal import Decimal as D, ROUND_HALF_UP

    def q(x, e="0.0001"):
        return x.quantize(D(e), ROUND_HALF_UP)
    budget, weeks = D("3063750"), D("546.34")
    after_first = q(D("4950") * D("1.03"), "0.01")
    held_back = q(D("1.0622") / D("1.03"))
    after_review = q(after_first * held_back, "0.01")
    assert (after_first, held_back, after_review) == (D("5098.50"), D("1.0313"), D("5258.08"))
    assert q(budget / (after_review * weeks)) == D("1.0665")
    assert q(budget * held_back / (after_review * weeks)) == D("1.0999")

    d = _doc(catalogue, SAMPLE)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert ("increase the result in the same proportion as the Prices have changed since 1 July 2027 by each review "
            "under clause 6.1 (but not any part applied under clause 5.10), each adjustment for a Relevant Change in Law "
            "under clause 6.2 and each reduction under clause 5.2;") in body
    assert "other than under clause 5.7, that is" not in body
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert ("A part applied under clause 5.10 does not increase the budget, because the current Prices by which the "
            "factor divides already include it.") in sched
    quiet = _doc(catalogue, BRAMBLECOMBE)
    assert "part applied under" not in clause_text(quiet, "open-book.pricing", flat=True)
    assert "A part applied under" not in clause_text(quiet, "common.open-book-schedule-reconciliation", flat=True)


def test_pricing_note_gives_the_price_that_recovers_the_budget_from_the_core_places(catalogue):
    """ob-sample 3: the note states the shortfall of the guaranteed income and the weekly Price at which the Core
    Places alone recover the budget ((£2,955,000 + £147,750 - £39,000) / 572 = £5,356.21), and asks for instructions
    on that, the limits and losses. Quiet: the r25 nursing block's floor is split between two Prices."""
    n = flat(note(_doc(catalogue, SAMPLE), "open-book.pricing"))
    assert ("The Core Places alone bring in £2,831,400 a year against budgeted Allowable Costs of £2,955,000 (£123,600 "
            "short) before any reduction. A weekly Price of £5,356.21 would recover the budgeted Allowable Costs and "
            "Reasonable Profit from the Core Places alone (£3,063,750, after the £39,000 the Prices that are not "
            "re-based bring in, over 572 weeks)") in n
    assert "Take instructions on pricing the Core Places to cover the budget" in n
    assert "would recover the budgeted Allowable Costs and Reasonable Profit from the Core Places alone" not in flat(
        note(_doc(catalogue, BRAMBLECOMBE), "open-book.pricing"))
