"""r26 alliance review (lane alF): al-sample (Tamarmouth) and al-fresh (Stainmoor) findings on money and governance."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, BIG, build, clause, table_rows, text_of

STAINMOOR = Path(__file__).parent / "fixtures" / "alliance-stainmoor-r26.yaml"


@pytest.fixture(scope="module")
def stainmoor(catalogue):
    return build(STAINMOOR, catalogue).document


@pytest.fixture(scope="module")
def tamarmouth(catalogue):
    return build(BIG, catalogue).document


def _row(doc, item):
    return next(r for r in table_rows(clause(doc, "alliance.key-information")) if r[0].startswith(item))


def test_former_contract_run_on_counts_as_the_service_contract(tamarmouth):
    """al-sample 3 (firing): while a Former Contract runs on, references to the Service Contract include it."""
    text = _flat(text_of(clause(tamarmouth, "alliance.transition")))
    assert ("Until a Provider's Service Contract starts, a reference in this Agreement to that Provider's Service"
            " Contract includes each Former Contract it holds") in text


def test_service_contracts_carry_set_off_and_payment_adjustment(tamarmouth):
    """al-sample 11 (firing): 3.3 requires each Service Contract to give effect to the set-off and the adjustment."""
    text = _flat(text_of(clause(tamarmouth, "alliance.precedence")))
    assert "the payment of Balancing Amounts under clause 13, including by adjusting the payments due under it;" in text
    assert "the set-off in clause 16.5;" in text


def test_indexation_staff_element_in_brackets_is_a_weighted_formula(stainmoor):
    """al-fresh 9 (firing): "the staff element (70%) uplifted instead by the NLW" becomes 30% CPI + 70% NLW, with the
    NLW rate in force on the first day of the Alliance Year and the result rounded."""
    d = next(x for x in stainmoor.definitions if x.term == "Indexation Increase")
    from assembler.model import plain_text
    text = plain_text(d.inlines)
    assert "the sum of (a) 30% of the percentage change in the Consumer Prices Index (CPI, all items)" in text
    assert "(b) 70% of the percentage increase in the hourly rate of the national living wage" in text
    assert "rounded to two decimal places" in text
    assert "uplifted instead" not in text


def test_indexation_single_index_unchanged(tamarmouth):
    """al-fresh 9 (quiet): a single price index is defined as before, with no weights or rounding words."""
    d = next(x for x in tamarmouth.definitions if x.term == "Indexation Increase")
    from assembler.model import plain_text
    text = plain_text(d.inlines)
    assert "the sum of" not in text and "rounded to two decimal places" not in text


def test_assumed_target_year_is_bracketed(stainmoor, tamarmouth):
    """al-fresh 13 (firing): the sentence placing unnamed target years in the last Alliance Year is bracketed."""
    text = _flat(text_of(clause(stainmoor, "alliance.schedule-outcomes")))
    assert "[The targets for Key Performance Indicators" in text
    assert "of the Initial Term.]" in text
    # quiet: the Tamarmouth sample records every level as agreed, so no year is assumed
    assert "The targets for Key Performance Indicators" not in _flat(text_of(clause(tamarmouth, "alliance.schedule-outcomes")))


def test_unmeasured_baseline_has_a_period_and_deadline(stainmoor):
    """al-fresh 14 (firing): 'set from the first two quarters of 2027/28' becomes a period in Year 1 and a date."""
    text = _flat(text_of(clause(stainmoor, "alliance.schedule-outcomes")))
    assert ("The ALT must record the baseline of Key Performance Indicator 5, measured over the first two quarters of"
            " Year 1 (1 May 2027 to 31 October 2027), and set its levels, by 31 December 2027.") in text


def test_point_in_time_kpi_takes_the_last_period_end(stainmoor):
    """al-fresh 15 (firing): a KPI measured at each quarter end is judged on the last quarter end of the year."""
    text = _flat(text_of(clause(stainmoor, "alliance.schedule-outcomes")))
    assert ("For Key Performance Indicator 3, which is measured at each quarter end, it is the figure at the last"
            " quarter end of the Alliance Year, and the rules below do not apply to it.") in text


def test_no_unmeasured_baseline_or_point_in_time_kpi_no_words(catalogue):
    """al-fresh 14 and 15 (quiet): sheets whose KPIs all have baselines and period measures get neither sentence."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        text = _flat(text_of(clause(doc, "alliance.schedule-outcomes")))
        sheet = doc.termsheet if hasattr(doc, "termsheet") else None
        if "must record the baseline of" in text:
            assert "and set its levels" in text
        if "which is measured at each" in text:
            assert "end of the Alliance Year, and the rules below do not apply to it." in text
