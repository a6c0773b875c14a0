"""r21 alliance review (lane al17), al-fresh findings (Mossgate: a council and an ICB as joint Commissioners with a
pooled fund): no Commissioner's money is committed without its agreement."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, text_of

MOSSGATE = Path(__file__).parent / "fixtures" / "alliance-mossgate-r21.yaml"


@pytest.fixture(scope="module")
def mossgate_built(catalogue):
    return build(MOSSGATE, catalogue)


@pytest.fixture(scope="module")
def mossgate(mossgate_built):
    return mossgate_built.document


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_each_commissioner_votes_for_budget_and_overspend_decisions(mossgate):
    """al-fresh 1 (firing): with two Commissioners each funding the pool, the budget veto and an overspend approval
    need each Commissioner, and an urgent approval by the Lead Commissioner needs the other's written agreement."""
    decisions = _flat(text_of(clause(mossgate, "alliance.decisions")))
    assert "is made only if each Commissioner is among those voting for it." in decisions
    assert "only if the Lead Commissioner is among those voting" not in decisions
    rr = _flat(text_of(clause(mossgate, "alliance.risk-reward")))
    assert "with each Commissioner among those voting for it, the Provider concerned not voting" in rr
    assert "by the Lead Commissioner with the written agreement of each other Commissioner within 20 Business Days" in rr


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_single_commissioner_keeps_its_own_vote(path, catalogue):
    """al-fresh 1 (quiet): with one Commissioner, nothing changes; with several, the rule applies to every sheet."""
    built = build(path, catalogue)
    rr = _flat(text_of(clause(built.document, "alliance.risk-reward")))
    if "Lead Commissioner" in rr:
        assert "with each Commissioner among those voting for it" in rr
    else:
        assert "written agreement of each other Commissioner" not in rr
        assert "each Commissioner among those voting" not in rr
