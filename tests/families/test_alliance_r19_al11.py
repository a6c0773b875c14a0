"""r19 al-fresh (lane al11): the decision rules do not contradict each other (budget Reserved Matter against the
overspend approvals, force-majeure leaving against the removal rule, the reduced quorum), the Commissioner cannot
force a deadlock by staying away, and the notes fit a children's-services accommodation alliance."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, text_of
from tests.families.clause_texts import flat as _flat

THISTLEBURY = Path(__file__).parent / "fixtures" / "alliance-thistlebury-r19.yaml"
SMALL = next(p for p in ALLIANCE if p.stem == "small-majority-three-members")
ADULTS = next(p for p in ALLIANCE if p.stem == "reablement-home-care-gain-only")


@pytest.fixture(scope="module")
def thistlebury(catalogue):
    return build(THISTLEBURY, catalogue).document


