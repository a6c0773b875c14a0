"""A care home with nursing keeps NHS-funded nursing care outside the Council's Prices: the integrated care board pays
it to the provider for each eligible resident, it counts as Service Income, and a change in its rate moves no Price.
A care home without nursing, and every other setting, has none of it."""

from __future__ import annotations

import copy
from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import clause_text, document_of, flat, note
from assembler.termsheet.loader import load_file
from tests.families.conftest import OB_ADULT, OB_BRAMBLECOMBE, open_book_doc, open_book_with
from decimal import Decimal


def _doc(catalogue, text):
    return document_of(catalogue, text)


def test_a_care_home_with_nursing_keeps_nursing_care_outside_the_prices(catalogue):
    text = OB_ADULT.read_text()
    sheet = read_termsheet(OB_ADULT, catalogue)
    assert sheet.model.services.effective_setting == "care_home"
    with_nursing = text.replace("services:\n", "services:\n  nursing: true\n", 1)
    doc = _doc(catalogue, with_nursing)
    body = clause_text(doc, "open-book.residents")
    assert "The Prices do not include NHS-funded nursing care." in body
    assert "A change in the rate of the contribution does not change the Prices." in body


def test_a_care_home_without_nursing_says_nothing_of_it(catalogue):
    text = OB_ADULT.read_text().replace("services:\n", "services:\n  nursing: false\n", 1)
    body = clause_text(_doc(catalogue, text), "open-book.residents")
    assert "NHS-funded nursing care" not in body


def test_nursing_is_read_from_the_services_words_unless_they_say_without_nursing(catalogue):
    services = read_termsheet(OB_ADULT, catalogue).model.services
    with_nursing = services.model_copy(update={"description": "provide nursing care and accommodation to older people"})
    assert with_nursing.nursing_in_scope is True
    without = services.model_copy(update={"description": "provide residential care (personal care, without nursing)"})
    assert without.nursing_in_scope is False


def test_a_care_home_with_nursing_requires_clinical_negligence_cover_and_the_note_gives_the_capacity_rule(catalogue):
    """r25 ob-fresh finding 4: the cover the nurses need is clinical negligence cover, and a claims-made run-off is
    weighed against the personal injury limitation rules, including s.28 for residents who lack capacity."""
    text = OB_ADULT.read_text().replace("services:\n", "services:\n  nursing: true\n", 1)
    doc = _doc(catalogue, text)
    body = clause_text(doc, "common.insurance")
    assert "medical malpractice (clinical negligence) insurance covering claims arising from the nursing" in body
    assert "must keep its clinical negligence insurance in force" in body
    assert "professional indemnity insurance of at least" not in body
    text_of_note = " ".join(note(doc, "common.insurance").split())
    assert "lacked capacity to conduct proceedings" in text_of_note and "(s.28)" in text_of_note
    assert "s.11(5)" in text_of_note


def test_a_care_home_without_nursing_keeps_professional_indemnity_cover(catalogue):
    text = OB_ADULT.read_text().replace("services:\n", "services:\n  nursing: false\n", 1)
    doc = _doc(catalogue, text)
    assert "clinical negligence" not in clause_text(doc, "common.insurance")
    assert "(s.28)" not in note(doc, "common.insurance")


def test_a_sheet_with_its_own_clinical_negligence_cover_keeps_professional_indemnity(catalogue):
    """r18's nursing home lists clinical negligence cover among the other insurance: the draft must not ask for it
    twice by also turning the professional indemnity cover into clinical negligence cover."""
    text = OB_ADULT.read_text().replace("services:\n", "services:\n  nursing: true\n", 1)
    assert "\ninsurance:" not in text
    text += ("\ninsurance:\n  professional_indemnity: 5000000\n  other:\n    - kind: medical malpractice (clinical "
             "negligence) insurance for the nursing staff\n      amount: 5000000\n")
    body = clause_text(_doc(catalogue, text), "common.insurance")
    assert body.count("clinical negligence") == 1


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


def test_the_fnc_note_gives_the_current_rate_and_who_sets_it(catalogue):
    """r32 ob-fresh finding 14: the note said the FNC rate is set 'in the standing rules' and gave no rate; DHSC
    sets it each year (figures.yaml fnc_standard_rate) and the ICB pays it."""
    n = flat(note(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.residents"))
    assert "sets each financial year (£267.68 a week from 1 April 2026;" in n
    assert "standing rules" not in n
    assert "£267.68" not in flat(note(open_book_doc(catalogue, OB_ADULT), "open-book.residents"))
