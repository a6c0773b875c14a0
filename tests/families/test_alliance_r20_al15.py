"""r20 alliance review (lane al15), al-fresh findings: a Commissioner that holds a Service Contract but not the
Pooled Budget pays it itself."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, text_of
from tests.families.clause_texts import flat as _flat

THORNSHIRE = Path(__file__).parent / "fixtures" / "alliance-thornshire-r20.yaml"


@pytest.fixture(scope="module")
def thornshire_built(catalogue):
    return build(THORNSHIRE, catalogue)


@pytest.fixture(scope="module")
def thornshire(thornshire_built):
    return thornshire_built.document


