"""r20 alliance reviews (lane al13): the worked example's column definition, a county council's statutory
footing, a nil KPI target, precedence on the ending of a Service Contract, and a former grant."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of
from tests.families.clause_texts import flat as _flat

THORNSHIRE = Path(__file__).parent / "fixtures" / "alliance-thornshire-r20.yaml"


@pytest.fixture(scope="module")
def thornshire(catalogue):
    return build(THORNSHIRE, catalogue).document


