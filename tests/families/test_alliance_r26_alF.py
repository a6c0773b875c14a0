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


