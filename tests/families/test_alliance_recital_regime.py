"""Recital (C) does not recite as settled that a Service Contract that looks wholly or mainly like health care was a
light touch contract under the Procurement Act 2023: it brackets the words for those contracts, named, until the
Commissioner confirms the regime contract by contract, and the note says so (r34m al-sample finding 3). 13.1 says
the Commissioner's 0% of Gain is subject to the penny rounding (finding 11)."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat as _flat, text_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_LYNMERE, ALLIANCE_SMALL


def _recital(path, catalogue):
    c = clause(build(path, catalogue).document, "alliance.recitals")
    return _flat(text_of(c)), _flat(c.note or "")


def test_health_care_contracts_are_bracketed(catalogue):
    """Firing: the eight-member sample's St Luke's, Recovery CIC and Riverside contracts are bracketed by name."""
    body, note = _recital(ALLIANCE_BIG, catalogue)
    assert ("as light touch contracts [the Commissioner to confirm this, and the regime that governed the award, for "
            "the Service Contracts of St Luke's, Recovery CIC and Riverside].") in body
    assert "until then recital (C) and the key information table bracket their words \"as light touch contracts\" for the contracts of St Luke's, Recovery CIC and Riverside" in note


def test_no_bracket_where_the_contract_is_recited_under_its_own_regime(catalogue):
    """Quiet: Lynmere recites the Trust's contract under the Provider Selection Regime, and the three-member sample
    has no health care contract, so neither brackets anything."""
    body, note = _recital(ALLIANCE_LYNMERE, catalogue)
    assert "as light touch contracts." in body
    assert "to confirm this, and the regime" not in body
    assert "until then recital (C) and the key information table bracket" not in note
    body, note = _recital(ALLIANCE_SMALL, catalogue)
    assert "to confirm this, and the regime" not in body


def test_commissioner_nil_gain_is_subject_to_rounding(catalogue):
    body = _flat(text_of(clause(build(ALLIANCE_BIG, catalogue).document, "alliance.risk-reward")))
    assert "The Commissioner takes no share of Gain (0%): subject to the rounding in clause 13.17, all of it goes to the Providers." in body


def test_nil_commissioner_gain_without_gate_carries_a_bracketed_gate(catalogue):
    """Firing: the eight-member sample (Commissioner 0% of Gain, no gate instructed) carries the gate in brackets and
    the note says how to adopt it (r34m al-sample finding 2)."""
    c = clause(build(ALLIANCE_BIG, catalogue).document, "alliance.risk-reward")
    body, note = _flat(text_of(c)), _flat(c.note or "")
    assert ("[Option, on instructions: a Provider's share of Gain counts in its Balancing Amount only if performance "
            "against each Key Performance Indicator in that Alliance Year was no worse than its level for that year set "
            "out in Schedule 2 [(only the Key Performance Indicators listed against its name in that Schedule)]") in body
    assert "the clause carries that gate in square brackets" in note


def test_no_bracketed_gate_where_the_sheet_decides(catalogue):
    """Quiet: the three-member sample does not leave the Commissioner's nil Gain ungated and undecided."""
    body = _flat(text_of(clause(build(ALLIANCE_SMALL, catalogue).document, "alliance.risk-reward")))
    assert "[Option, on instructions" not in body


def test_ip_assignment_is_listed_as_an_assumption(catalogue):
    """The sheets carry no intellectual property instruction, so the assignment to the Commissioner is listed among the
    assumptions to confirm (r34m al-sample finding 10)."""
    doc = build(ALLIANCE_BIG, catalogue).document
    assert any("that what the Alliance creates together is assigned to the Council" in a for a in doc.assumptions)
