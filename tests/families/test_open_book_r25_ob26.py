"""r25 open-book review of a nursing home block (ob-fresh.report.md, Bramblecombe House): the findings the ob26
lane fixed, tested with the sheet's own numbers (1,170 budgeted weeks; Prices £1,380,398; costs £1,297,400)."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_BRAMBLECOMBE, open_book_doc, open_book_with

FNC = "    nhs_nursing_income: 313185.60\n"   # 1,170 weeks at an illustrative £267.68 a week


def test_fnc_not_budgeted_the_note_says_the_budget_omits_it_with_the_figures(catalogue):
    """Finding 1: the note states, with the sheet's figures, that the budget is the Prices alone."""
    d = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    text = flat(note(d, "open-book.residents"))
    assert ("The cost model's income of £1,380,398 is the Prices alone, while its costs of £1,297,400 include the "
            "nursing: on these figures the reconciliation would show the contributions as Excess Profit.") in text
    assert "check that the cost model's income includes" not in text


def test_fnc_budgeted_is_income_in_schedule_2_and_the_worked_figures(catalogue):
    """Finding 1: given the expected contributions, Schedule 2 shows them as income, the budget year's Service
    Income includes them, and the pricing note compares the Prices plus them with cost plus profit."""
    d = open_book_with(catalogue, OB_BRAMBLECOMBE, "    income: 1380398\n", FNC)
    sched = clause_text(d, "common.open-book-schedule-costs", flat=True)
    assert "NHS-funded nursing care expected from the integrated care board" in sched and "£313,185.60" in sched
    assert "£1,693,583.60" in sched   # £1,380,398 + £313,185.60
    notes = flat(note(d, "open-book.pricing"))
    assert ("the Prices and the NHS-funded nursing care budgeted (£313,185.60) bring in £1,693,583.60") in notes
    assert "The cost model counts £313,185.60 a year of contributions as income" in flat(note(d, "open-book.residents"))
    assert ("The income at each level also includes the NHS-funded nursing care, which moves with occupancy from the "
            "£313,185.60 budgeted at 86.54% of the weekly places.") in clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "reconcile the two before sending" not in flat(note(d, "common.open-book-schedule-reconciliation"))


def test_fnc_moves_with_occupancy_in_the_scenarios(catalogue):
    from assembler.termsheet.validate import read_termsheet
    import copy
    from assembler.termsheet.loader import load_file
    sheet = read_termsheet(OB_BRAMBLECOMBE, catalogue)
    data = copy.deepcopy(dict(load_file(OB_BRAMBLECOMBE).data))
    data["open_book"]["cost_model"]["nhs_nursing_income"] = 313185.60
    ob = type(sheet.model).model_validate(data).open_book
    base = sheet.model.open_book
    assert ob.budget_income - base.budget_income == Decimal("313185.60")
    assert ob.nursing_occupancy == Decimal("86.54")   # 1,170 of 1,352 weeks
    assert ob.nursing_income_at(ob.nursing_occupancy) == Decimal("313185.60")
    assert ob.income_at(Decimal(100)) - base.income_at(Decimal(100)) == ob.nursing_income_at(Decimal(100)) > Decimal("313185.60")
    # r25 ob-fresh 3 (obA): the costs move with the paid weeks here, so there is no break-even; the FNC adds profit
    key = "full-cost/sharing-band/split"
    assert ob.break_even_occupancy is None and base.break_even_occupancy is None
    assert ob.core_scenarios[key][-1][1].actual_profit > base.core_scenarios[key][-1][1].actual_profit
