"""Open-book Core Places: what the commissioner guarantees when the Core Places alone do not cover the budget."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

CHARITY = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"


def _doc(catalogue, floor=None):
    text = CHARITY.read_text()
    if floor is not None:
        text = text.replace("  minimum_core_places: 2\n", f"  minimum_core_places: 2\n  core_income_floor: {floor}\n")
    return document_of(catalogue, text)


def test_top_up_is_bracketed_with_the_figures_until_instructed(catalogue):
    """r27 ob-sample 1: the eleven Core Places bring in £2,831,400 against £3,063,750 of budgeted Allowable Costs and
    Reasonable Profit less the Support Price's income; the draft offers the make-up payment in brackets and the note gives
    the figures and the other option (a Core Place Price of £5,356.21)."""
    doc = _doc(catalogue)
    text = flat(clause_text(doc, "open-book.voids"))
    assert "[For each Reconciliation Period, the Council must pay the Trust the amount, if any, by which the income " \
           "from the weekly Prices for that period falls short of the lower of:" in text
    assert "before its last step, as if a change took effect on the first day of that period" in text
    assert "[The Trust must invoice that amount when the Reconciliation Statement for that period is agreed.]" in text
    n = flat(note(doc, "open-book.voids"))
    assert "The draft offers, in brackets, a make-up payment" in n
    assert "(£3,063,750 a year on the budget, re-based as the Prices are)" in n
    assert "only the Core Places are filled, it pays £232,350" in n
    assert "price the Core Places to cover the budget (£5,356.21 a week" in n


def test_top_up_instructed_reads_without_brackets(catalogue):
    doc = _doc(catalogue, "true")
    text = flat(clause_text(doc, "open-book.voids"))
    assert "For each Reconciliation Period, the Council must pay the Trust the amount" in text
    assert "[For each Reconciliation Period" not in text and "[The Trust must invoice" not in text
    n = flat(note(doc, "open-book.voids"))
    assert "As instructed, there is a make-up payment" in n and "Take instructions: keep the make-up payment" not in n


def test_top_up_declined_is_left_out(catalogue):
    doc = _doc(catalogue, "false")
    assert "must invoice that amount when the Reconciliation Statement" not in clause_text(doc, "open-book.voids", flat=True)
    assert "make-up payment" not in note(doc, "open-book.voids")


def test_rebasing_deducts_savings_made_or_reasonably_available_as_agreed_or_decided(catalogue):
    """r27 ob-sample 4: the re-basing counted only the savings the provider 'shows', a figure it controls and has an
    interest in keeping low; it now deducts the costs saved, to be saved or reasonably available, agreed or decided."""
    text = flat(clause_text(_doc(catalogue), "open-book.pricing"))
    assert "deduct the costs the Trust has saved, will save once any notice to staff has run, or could reasonably " \
           "save, because of this or an earlier reduction in the Core Places, valued at the costs current when this " \
           "change takes effect, as the Parties agree or, failing agreement within 20 Business Days after the change " \
           "takes effect, as decided under clause" in text
    assert "the Trust shows it has saved" not in text


def test_supported_living_note_flags_the_uninstructed_core_reduction(catalogue):
    """r28 ob-fresh 25: core support paid whether or not tenancies are let (core-places) sits awkwardly with the
    Council's right to reduce it on 6 months' notice; the clause 7 note says so and what to do. Quiet: the
    same sheet with a void payment instead has no such sentence."""
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import DRAFT_DATE, ROOT
    from tests.families.clause_texts import note

    def n(path):
        doc = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
        return " ".join(note(doc, "open-book.core-support").split())

    wexcombe = n(ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml")
    assert ("The Council's right to reduce the core support on 6 months' notice is this draft's assumption, not an "
            "instruction, and it cuts across paying for the core support whether or not every tenancy is let, because "
            "the core staffing is Heronsgate's fixed cost. Heronsgate will resist it") in wexcombe
    text = (ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml").read_text(encoding="utf-8")
    from tests.families.clause_texts import document_of
    doc = document_of(catalogue, text.replace("open_book_voids: core-places", "open_book_voids: void-payment")
                      .replace("  absence_paid_days: 21", "  void_rate: 80\n  absence_paid_days: 21"))
    assert "this draft's assumption, not an instruction" not in note(doc, "open-book.core-support")


def test_scenarios_count_weeks_of_use_of_the_place_that_is_not_a_core_place(catalogue):
    """r29 ob-fresh 4: Foxglove's eight Core Places (six at £5,750, two at £7,500) are paid every week, and only the
    fourth Elmsleigh place is paid when used: income is £2,574,000 plus £5,750 a week of its use, so the table runs
    on weeks of that use (none, 17, 40 budget, 52), break-even is 16.53 weeks (£95,000 / £5,750, rounded up), not
    an occupancy percentage, and the notes say the same."""
    d = document_of(catalogue, (ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml").read_text(encoding="utf-8"))
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "Scenarios by use of the places that are not Core Places" in sched
    assert "plus £5,750 for each week of use of the one place of" in sched
    assert "None £2,574,000 (£95,000) £0 (£95,000) 17 (break-even passed) £2,671,750 £2,750 £0 £2,750 " \
           "40 (budget) £2,804,000 £135,000 £1,550 £133,450 52 (every week) £2,873,000" in sched
    assert "used for 16.53 weeks a year (£95,000 ÷ £5,750, rounded up to two decimal places)" in sched
    assert "92.9%" not in sched and "90%" not in sched
    voids = flat(note(d, "open-book.voids"))
    assert "breaks even only if the place that is not one of the Core Places is used for about 16.53 weeks a year, " \
           "and the budget assumes 40" in voids
    assert "92.9%" not in voids


def test_one_weekly_price_keeps_the_occupancy_scenarios(catalogue):
    """Quiet: with one weekly Price the floored occupancy table is already the least income at each level."""
    d = document_of(catalogue, CHARITY.read_text(encoding="utf-8"))
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "Occupancy scenarios" in sched
    assert "Scenarios by use of the places that are not Core Places" not in sched
