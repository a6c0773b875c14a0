"""r20 alliance reviews (lane al14): the Target Cost follows what is paid, capacity not delivered never earns Gain,
cross-reference lists, quorum, rolling KPI figures, pooled budget wording and drafting splits."""
from __future__ import annotations

import pytest

from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of
from tests.families.clause_texts import flat as _flat


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


