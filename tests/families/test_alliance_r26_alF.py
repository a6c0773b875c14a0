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


