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


def test_the_adviser_and_the_expert_are_told_apart(thistlebury):
    """Finding 17: the Independent Adviser's definition says what it is for, unlike the Independent Expert's."""
    defs = _flat(text_of(clause(thistlebury, "common.definitions")) if any(
        c.id == "common.definitions" for c in thistlebury.all_clauses()) else "")
    text = defs or " ".join(_flat(text_of(c)) for c in thistlebury.all_clauses())
    # r21 al-sample 11: each definition says what it is for, without explaining the other
    assert "on a Dispute between Alliance Members" in text and "deals instead with a deadlock" not in text


