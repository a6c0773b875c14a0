"""r22 alliance review (lane al19), al-fresh findings (Haverleigh: a PSR alliance in which one Provider's Service
Contract was let by the open procedure under the Procurement Act 2023) and al-sample findings."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, text_of
from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import read_termsheet

HAVERLEIGH = Path(__file__).parent / "fixtures" / "alliance-haverleigh-r22-al19.yaml"
NOTES_ON_ROUTE = ["alliance.recitals", "alliance.precedence", "common.conflicts-of-interest",
                  "common.freedom-of-information", "alliance.changes", "alliance.term-termination",
                  "alliance.schedule-outcomes"]


@pytest.fixture(scope="module")
def haverleigh_built(catalogue):
    return build(HAVERLEIGH, catalogue)


@pytest.fixture(scope="module")
def haverleigh(haverleigh_built):
    return haverleigh_built.document


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


