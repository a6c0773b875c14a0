"""r20 alliance reviews (lane al14): the Target Cost follows what is paid, capacity not delivered never earns Gain,
cross-reference lists, quorum, rolling KPI figures, pooled budget wording and drafting splits."""
from __future__ import annotations

import pytest

from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def test_target_cost_is_tied_to_the_annual_values(big):
    """al-sample 2 (firing): from Year 2 the Target Cost is the total of the Annual Values and the ALT can move it
    only with a matching change to them, so Gain or Pain never comes from a figure nobody pays."""
    rr = _flat(text_of(clause(big, "alliance.risk-reward")))
    assert "after the first is the total of the Providers' Annual Values for it" in rr
    assert "and only together with a matching change to the Annual Values" in rr
    assert "until the ALT sets another in the same way" not in rr


def test_undelivered_capacity_reduces_the_target_cost(big):
    """al-sample 1 (firing): capacity a Provider did not deliver comes off the Target Cost even where no payment was
    cut, and the two reductions are not counted twice."""
    rr = _flat(text_of(clause(big, "alliance.risk-reward")))
    assert ("(b) the cost, as the Alliance Manager reasonably assesses it in the calculation under clause") in rr
    assert "that a Provider did not deliver, so far as (a) does not already cover it" in rr


def test_deadlock_fallback_points_to_the_target_cost_rule(big):
    """al-sample 10: the deadlock fallback no longer says the previous year's Target Cost continues."""
    text = _flat(text_of(clause(big, "alliance.decisions")))
    assert "the arrangements for the previous Alliance Year continue" not in text
    assert "the Target Cost being set as clause" in text


def test_gain_only_target_cost_unchanged(catalogue):
    """quiet: the gain-only variant keeps its own Target Cost rule and key information wording."""
    for path in ALLIANCE:
        if "gain-only" not in path.stem:
            continue
        doc = build(path, catalogue).document
        rr = _flat(text_of(clause(doc, "alliance.risk-reward")))
        assert "so far as (a) does not already cover it" not in rr
        ki = _flat(text_of(clause(doc, "alliance.key-information")))
        assert "less any reduction for services not delivered" not in ki
