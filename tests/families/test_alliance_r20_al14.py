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


def test_withholding_clause_names_every_payment_adjustment(big):
    """al-sample 9: 4.3 names the Balancing Amount adjustment as well as the set-off, and the set-off has its own
    sub-clause, apart from VAT."""
    text = _flat(text_of(clause(big, "alliance.structure")))
    assert "adds only the payment of Balancing Amounts under clause 13." in text
    from assembler.model import Paragraph
    setoff = next(p for p in clause(big, "alliance.operations").blocks
                  if isinstance(p, Paragraph) and p.anchor == "set-off")
    assert "may set off" in setoff.text and "VAT" not in setoff.text


def test_one_list_of_exceptions_to_unanimity(big):
    """al-sample 11 (firing): the exceptions to unanimity are listed once, in the decisions clause, and the
    principles and the quorum rule refer to that list; 13.7 says plainly how the Commissioner gives its part."""
    from assembler.model import Paragraph
    unanimous = next(p.number for p in clause(big, "alliance.decisions").blocks
                     if isinstance(p, Paragraph) and p.anchor == "unanimous")
    assert f"except as clause {unanimous} provides" in _flat(text_of(clause(big, "alliance.principles")))
    assert f"(except as clause {unanimous} provides)" in _flat(text_of(clause(big, "alliance.governance")))
    rr = _flat(text_of(clause(big, "alliance.risk-reward")))
    assert "and any limit it sets" not in rr
    assert "The Commissioner gives its part in an approval under clause 13.6(a) or clause 13.6(b) only as clause" in rr
    # al-sample 23: under unanimity the Commissioner's vote is already needed
    assert "with the Commissioner among those voting for it" not in rr


def test_majority_alliance_keeps_the_commissioner_vote_safeguard(catalogue):
    """al-sample 23 (quiet): under a majority rule the overspend approval still needs the Commissioner's vote."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        if "Reserved Matter" not in _flat(text_of(clause(doc, "alliance.decisions"))):
            continue
        rr = _flat(text_of(clause(doc, "alliance.risk-reward")))
        if "before they are incurred, by a decision of the ALT" in rr:
            assert "among those voting for it" in rr
