"""r25 alliance review (lane alB): al-sample findings 1, 2, 3 (= al-fresh 7), 5, 6, 7, 12, 16."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of

KINGSHOLT = Path(__file__).parent / "fixtures" / "alliance-kingsholt-r25.yaml"


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


@pytest.fixture(scope="module")
def kingsholt(catalogue):
    return build(KINGSHOLT, catalogue).document


