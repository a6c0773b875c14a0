"""Gain that must be reinvested (risk_reward.gain_use 'reinvest', r44 al-dayops finding 1): the Reinvestment Plan
sub-clauses of clause 13 and its definition, the forfeited share sent into the plan, the worked example's words, the
Reserved Matter naming the defined term, and the rule ALLIANCE-REINVEST-UNSET."""
from __future__ import annotations

import pytest

from tests.families.clause_texts import alliance_key_row, clause, definition, document_of, flat, flat_note, text_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_REABLEMENT
from tests.rules.helpers import findings

RR = "  risk_reward:\n"
REINVEST = "    gain_use: reinvest\n"


def _reinvest(path) -> str:
    source = path.read_text(encoding="utf-8")
    assert RR in source
    return source.replace(RR, RR + REINVEST, 1)


def test_reinvested_gain_reaches_clause_13_the_definition_and_schedule_4(catalogue):
    """Firing: the gain-only reablement sample with every share of Gain reinvested."""
    doc = document_of(catalogue, _reinvest(ALLIANCE_REABLEMENT))
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "must be applied only to the Services under a Gain Reinvestment Plan" in rr
    assert "no Alliance Member keeps any of it as surplus or profit" in rr
    assert "Within three months after the calculation for that Alliance Year binds" in rr
    assert "holds the part of its Balancing Amount that is its share of Gain as a restricted sum" in rr
    assert "must keep a record of every sum applied under each Gain Reinvestment Plan" in rr
    assert "decides how to use it" not in rr
    assert definition(doc, "Gain Reinvestment Plan").startswith("the plan the ALT approves under clause")
    sch = flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
    assert "a share of Gain is not surplus that a Provider or the Commissioner keeps" in sch
    row = alliance_key_row(doc, "Use of Gain")
    assert "applied only to the Services under the Gain Reinvestment Plan the ALT approves within three months" in row[1]
    note = flat_note(doc, "alliance.risk-reward")
    assert "As instructed, no member keeps Gain as surplus" in note
    assert "gain_use" not in note


def test_reserved_matter_words_name_the_defined_term(catalogue):
    """Firing: a Reserved Matter the sheet writes in lower case names the draft's Gain Reinvestment Plan."""
    source = _reinvest(ALLIANCE_REABLEMENT).replace(
        "      - Changing the shares of Gain\n",
        "      - Changing the shares of Gain\n      - Approving the reinvestment plan for each year's Gain\n", 1)
    doc = document_of(catalogue, source)
    decisions = flat(text_of(clause(doc, "alliance.decisions")))
    assert "approving the Gain Reinvestment Plan for each year's Gain" in decisions


def test_reinvestment_under_gain_and_pain(catalogue):
    """Firing: the standard (gain and pain) variant carries the same sub-clauses."""
    doc = document_of(catalogue, _reinvest(ALLIANCE_BIG))
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "must be applied only to the Services under a Gain Reinvestment Plan" in rr


def test_paid_gain_leaves_the_draft_as_it_was(catalogue):
    """Quiet: without gain_use nothing about reinvestment appears."""
    for path in (ALLIANCE_REABLEMENT, ALLIANCE_BIG):
        doc = document_of(catalogue, path.read_text(encoding="utf-8"))
        assert "Reinvestment Plan" not in flat(text_of(clause(doc, "alliance.risk-reward")))
        assert "Reinvestment Plan" not in flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
        with pytest.raises(StopIteration):
            alliance_key_row(doc, "Use of Gain")


def _reserve(data):
    data["alliance"]["decisions"]["reserved_matters"].append("Approving the reinvestment plan for each year's Gain")


def test_rule_fires_when_a_reserved_matter_reinvests_without_the_field(catalogue):
    found = findings(catalogue, ALLIANCE_REABLEMENT, _reserve)
    assert "ALLIANCE-REINVEST-UNSET" in found
    assert "gain_use: reinvest" in found["ALLIANCE-REINVEST-UNSET"][0]


def test_rule_quiet_with_the_field_or_without_the_words(catalogue):
    def both(data):
        _reserve(data)
        data["alliance"]["risk_reward"]["gain_use"] = "reinvest"
    assert "ALLIANCE-REINVEST-UNSET" not in findings(catalogue, ALLIANCE_REABLEMENT, both)
    assert "ALLIANCE-REINVEST-UNSET" not in findings(catalogue, ALLIANCE_REABLEMENT)
