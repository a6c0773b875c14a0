"""r25 alliance review (lane alA): al-fresh findings 1, 6, 8, 9, 14, 15, 17 and al-sample finding 13."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

KINGSHOLT = Path(__file__).parent / "fixtures" / "alliance-kingsholt-r25.yaml"


@pytest.fixture(scope="module")
def kingsholt(catalogue):
    return build(KINGSHOLT, catalogue).document


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


