"""Home care review r35 (ob-fresh 5): in the reconciliation schedule's scenarios by hours delivered, a row below the
hours guaranteed shows the payment for the guaranteed hours as the hourly income, since they are paid whether or not
they are used; the direct cost of each hour still follows the hours delivered."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_HOMECARE, open_book_doc

SCHEDULE = "common.open-book-schedule-reconciliation"
HIGH = (("      guaranteed_hours: 1100\n", "      guaranteed_hours: 1300\n"),
        ("      guaranteed_hours: 850\n", "      guaranteed_hours: 1000\n"))


def _row(text: str, label: str) -> str:
    return text.split(f"| {label} |", 1)[1].split("\n", 1)[0] if f"| {label} |" in text else text.split(label, 1)[1][:80]


def test_a_scenario_below_the_guarantee_is_paid_the_guarantee(catalogue):
    """Firing: 2,300 guaranteed hours a week are 88.5% of capacity, so the 80% row's Service Income is the
    guarantee's payment (1,300 x £29.85 + 1,000 x £28.60, for 52 weeks: £3,505,060), not 80% of capacity at the
    Prices (£3,168,776), and the schedule says why."""
    text = flat(clause_text(open_book_doc(catalogue, OB_HOMECARE, *HIGH), SCHEDULE))
    row = _row(text, "80%")
    assert "£3,505,060" in row and "£3,168,776" not in row
    assert ("In a row below the hours guaranteed (88.5% of capacity), the Service Income from the hourly Prices is "
            "the payment for the guaranteed hours (£3,505,060 a year)") in text


def test_scenarios_above_the_guarantee_are_unchanged(catalogue):
    """Quiet: the sample's guarantee is 75% of capacity, below every row, so the 80% row is 80% at the Prices."""
    text = flat(clause_text(open_book_doc(catalogue, OB_HOMECARE), SCHEDULE))
    assert "£3,168,776" in _row(text, "80%")
    assert "In a row below the hours guaranteed" not in text


def test_a_small_direct_cost_an_hour_is_not_described_as_care_worker_pay(catalogue):
    """Firing (r35 ob-fresh 5, tool note 18): the direct cost of each hour is £2.70 against Prices near £29 (a
    salaried team, mileage only), so neither the schedule nor the guarantee note calls it care-worker pay."""
    doc = open_book_doc(catalogue, OB_HOMECARE, ("      variable_cost: 22.96\n", "      variable_cost: 2.70\n"), every=True)
    text = flat(clause_text(doc, SCHEDULE))
    assert "care-worker costs vary" not in text
    assert "the only cost the cost model varies with the hours delivered; every other cost, staff pay included" in text
    n = flat(note(doc, "open-book.core-support"))
    assert "mainly care-worker pay" not in n and "care-worker costs vary" not in n
    assert "treats only the cost model's direct cost of each hour (£2.70, against a Price of £28.60)" in n


def test_a_pay_sized_direct_cost_keeps_the_care_worker_wording(catalogue):
    """Quiet: the sample's £22.96 an hour is most of the Price, so the pay wording and the ERA 2025 caveat stay."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    assert "care-worker costs vary with the hours delivered" in flat(clause_text(doc, SCHEDULE))
    assert "mainly care-worker pay and on-costs" in flat(note(doc, "open-book.core-support"))
