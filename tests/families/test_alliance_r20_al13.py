"""r20 alliance reviews (lane al13): the worked example's column definition, a county council's statutory
footing, a nil KPI target, precedence on the ending of a Service Contract, and a former grant."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of

THORNSHIRE = Path(__file__).parent / "fixtures" / "alliance-thornshire-r20.yaml"


@pytest.fixture(scope="module")
def thornshire(catalogue):
    return build(THORNSHIRE, catalogue).document


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("path", [THORNSHIRE, BIG], ids=lambda p: p.stem)
def test_under_budget_column_does_not_deduct_the_fee_twice(path, catalogue):
    """al-sample 3 / al-fresh 6: the budget is already the Annual Value less the Fee, so the column is the budget
    less the Delivery Costs, as the tables compute it."""
    doc = build(path, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
    assert "less its Delivery Costs and its Fee" not in text
    assert "its budget (its Annual Value less its Fee) less its Delivery Costs" in text
