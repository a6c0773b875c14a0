"""Open-book re-basing with NHS-funded nursing care budgeted as Service Income (r32 ob-fresh 1 and 15): the interim
re-basing deducts the nursing care budgeted for the units that remain, so that with no change the factor is about one,
and the worked example, the notes and the dispute route for the figures follow."""

from __future__ import annotations

import re
from decimal import Decimal

from tests.families.clause_texts import clause_text, document_text, flat, note
from tests.families.conftest import (
    OB_BRAMBLECOMBE, OB_GREYSTONE, open_book_doc, open_book_model, open_book_result, open_book_with,
)

FNC_WEEKLY = 200   # an illustrative weekly amount: the Prices lowered by it and the nursing care added balance the budget


def _fnc_in_budget(data):
    """Greystone with nursing care budgeted for every expected week and the weekly Price lowered by the same amount,
    so the budget's income is unchanged."""
    week = data["open_book"]["unit_prices"][0]
    data["open_book"]["cost_model"]["nhs_nursing_income"] = week["expected_units"] * FNC_WEEKLY
    week["price"] = week["price"] - FNC_WEEKLY


def test_rebasing_deducts_the_nursing_care_for_the_units_left_so_the_factor_stays_near_one(catalogue):
    """Firing: with the nursing care in the budget, losing a Core Place gives about the factor the same budget gives
    without it (1.0009 on Greystone), not the 1.149 that dividing the costs it meets by the Prices alone gave."""
    base = open_book_model(catalogue, OB_GREYSTONE).open_book.core_rebase
    cr = open_book_model(catalogue, OB_GREYSTONE, _fnc_in_budget).open_book.core_rebase
    assert cr["nursing"] == Decimal(686 * FNC_WEEKLY)
    first = cr["steps"][0]
    assert first["nursing"] == Decimal(FNC_WEEKLY) * first["units"]            # £200 x 665 weeks left
    assert abs(first["factor"] - base["steps"][0]["factor"]) < Decimal("0.001")
    assert abs(cr["factors"][1] - base["factors"][1]) < Decimal("0.001")
    assert all(abs(a["cumulative"] - b["cumulative"]) < Decimal("0.005") for a, b in zip(cr["ladder"], base["ladder"]))
    assert all(abs(a["factor"] - b["factor"]) < Decimal("0.005") for a, b in zip(cr["home_ends"], base["home_ends"]))
    assert cr["floor_price"] == base["floor_price"] - FNC_WEEKLY


def test_rebasing_without_nursing_care_is_unchanged(catalogue):
    """Quiet: without nursing care budgeted the figures are those the tests elsewhere pin (the refactor kept them)."""
    cr = open_book_model(catalogue, OB_GREYSTONE).open_book.core_rebase
    assert cr["nursing"] == 0 and all(st["nursing"] == 0 for st in cr["steps"])
    assert cr["factors"] == [Decimal("1.0009"), Decimal("1.0026")]
    assert [h["factor"] for h in cr["home_ends"]] == [Decimal("1.0097"), Decimal("0.9916")]
    assert cr["floor_price"] == Decimal("1702.79")


FNC = "    nhs_nursing_income: 313185.60\n"   # 1,170 weeks at an illustrative £267.68 a week


def test_interim_formula_has_a_nursing_care_step_only_where_it_is_budgeted(catalogue):
    d = open_book_with(catalogue, OB_BRAMBLECOMBE, "    income: 1380398\n", FNC)
    text = clause_text(d, "open-book.pricing", flat=True)
    assert ("deduct the NHS-funded nursing care the cost model in Schedule 2 expects from the integrated care board "
            "(£313,185.60 a year)") in text
    assert "less the units removed under clause 5.8, and divided by those expected units" in text
    assert "that Service Income, and not the Prices, meets that part of the costs for the units that remain" in text
    voids = flat(note(d, "open-book.voids"))
    assert "less the NHS-funded nursing care budgeted for the units that remain (£313,185.60 a year" in voids
    quiet = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    assert "deduct the NHS-funded nursing care" not in clause_text(quiet, "open-book.pricing", flat=True)
    assert "NHS-funded nursing care budgeted for the units" not in flat(note(quiet, "open-book.voids"))


def test_worked_example_shows_the_nursing_care_for_the_weeks_left(catalogue):
    """Firing and quiet: Part 4's factor F carries N where nursing care is budgeted."""
    fired = document_text(open_book_result(catalogue, OB_GREYSTONE, _fnc_in_budget))
    assert "− N) ÷ (W × (U − D))" in fired and "N, the NHS-funded nursing care for the weeks that remain" in fired
    quiet = document_text(open_book_result(catalogue, OB_GREYSTONE))
    assert "− N) ÷" not in quiet and "N, the NHS-funded nursing care" not in quiet


def test_rebasing_figures_have_one_dispute_route(catalogue):
    """r33 ob-fresh 4 / r32 ob-fresh 9: the savings, like the weeks, go to the Independent Accountant's paragraph where
    the route is not expert determination already; with that route, all go to the disputes clause."""
    def mediation(data):
        data.setdefault("positions", {})["dispute_route"] = "escalation-mediation"
    fired = clause_text(open_book_result(catalogue, OB_BRAMBLECOMBE, mediation).document, "open-book.pricing", flat=True)
    routes = set(re.findall(r"decided under clause (\d+(?:\.\d+)?)", fired))
    assert len(routes) == 1 and "." in routes.pop()   # one route, the Independent Accountant's paragraph
    assert "Business Days after the change takes effect, as decided under clause 33;" not in fired
    quiet = clause_text(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.pricing", flat=True)
    assert len(set(re.findall(r"decided under clause (\d+(?:\.\d+)?)", quiet))) == 1


def _alderbeck_fnc(data):
    """Alderbeck (every place a Core Place) with nursing care budgeted for every expected week and the weekly Price
    lowered by the same amount."""
    week = data["open_book"]["unit_prices"][0]
    data["open_book"]["cost_model"]["nhs_nursing_income"] = week["expected_units"] * FNC_WEEKLY
    week["price"] = float(Decimal(str(week["price"])) - FNC_WEEKLY)


def test_losses_note_and_scenarios_count_the_nursing_care_where_every_place_is_core(catalogue):
    """r32 ob-fresh 3 and 17: where every place is a Core Place a Core-Places-only year is the budget, so the note
    says so rather than report a loss that ignores the nursing care; Schedule 3 shows the nursing care falling."""
    from tests.families.conftest import OB_ALDERBECK
    res = open_book_result(catalogue, OB_ALDERBECK, _alderbeck_fnc)
    losses = flat(note(res.document, "open-book.losses"))
    assert "Every place is one of the Core Places, so a year in which only the Core Places are paid for is the budget" in losses
    assert "The income" in losses and "is not sure of is the nursing care" in losses
    sched = document_text(res)
    assert "The table below shows the budget year with the nursing care at 100%, 90% and 80% of the budget" in sched
    assert "(90%)" in sched and "(80%)" in sched
    cost_note = flat(note(res.document, "common.open-book-schedule-reconciliation"))
    assert "plus the NHS-funded nursing care budgeted (" in cost_note
    quiet = open_book_result(catalogue, OB_ALDERBECK)
    assert "Every place is one of the Core Places, so a year" not in flat(note(quiet.document, "open-book.losses"))
    assert "nursing care at 100%, 90% and 80%" not in document_text(quiet)
