"""r25 alliance review (lane al22), al-fresh findings (Kingsholt older people's community support alliance)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

KINGSHOLT = Path(__file__).parent / "fixtures" / "alliance-kingsholt-r25.yaml"


@pytest.fixture(scope="module")
def kingsholt(catalogue):
    return build(KINGSHOLT, catalogue).document


def _row(doc, item):
    from tests.families.test_alliance import table_rows
    return next(r for r in table_rows(clause(doc, "alliance.key-information")) if r[0].startswith(item))


