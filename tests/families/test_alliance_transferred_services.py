"""A service that passes from one Provider to another (a step-in, a member leaving or removed, the Exit Plan) takes its
Annual Value with it, by day and without an ALT decision, so the Provider taking it over is not left funding it and
the Target Cost does not fall while the service carries on; step-in costs are recovered net of the payments saved and
not where force majeure or a statutory function caused the failure (r34m al-sample findings 1 and 5)."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat as _flat, text_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_REABLEMENT, ALLIANCE_SMALL


def _body(path, catalogue, clause_id):
    return _flat(text_of(clause(build(path, catalogue).document, clause_id)))


def test_annual_value_follows_a_transferred_service(catalogue):
    """The budget Schedule moves the Annual Value, Fee and Pain Cap with the service, keeps the Target Cost, and
    (pro rata shares) recalculates the shares; the Alliance Manager calculates, and the clause 13 challenge applies."""
    body = _body(ALLIANCE_BIG, catalogue, "alliance.schedule-budget")
    assert "passes to another Provider under clause 16.10 (the right to step in) or under the Exit Plan in Schedule 9" in body
    assert "without an Annual Plan or any other decision of the ALT" in body
    assert "is added to the other Provider's Annual Value and, while the first Provider remains a Provider, taken from its Annual Value" in body
    assert "each one's Fee and Pain Cap change with its Annual Value" in body
    assert "The Alliance Manager calculates it" in body
    assert "neither does the Target Cost, and the shares are recalculated under paragraph 1 of Schedule 4" in body
    assert "under its Service Contract as varied is payment of that part of its Annual Value" in body


def test_agreed_shares_and_single_contract_read_their_own_way(catalogue):
    """Quiet on the pro rata words: agreed shares are not recalculated from Annual Values, a gain-only draft has
    no Pain Cap, and a single-contract draft has no Service Contract to vary."""
    gain_only = _body(ALLIANCE_REABLEMENT, catalogue, "alliance.schedule-budget")
    assert "passes to another Provider under clause" in gain_only
    assert "Pain Cap" not in gain_only.split("passes to another Provider under clause")[1].split("Pooled Budget")[0]
    assert "the shares are recalculated" not in gain_only
    single = _body(ALLIANCE_SMALL, catalogue, "alliance.schedule-budget")
    assert "The Commissioner pays the other Provider, and not the first, for that part for those days." in single
    assert "Service Contract as varied is payment" not in single


def test_other_clauses_point_at_the_transfer_rule(catalogue):
    """3.6, the step-in, the leaving clause and the Exit Plan each point at the transfer paragraph."""
    doc = build(ALLIANCE_BIG, catalogue).document
    assert "passes to it at once as paragraph 4 of Schedule 5 provides" in _flat(text_of(clause(doc, "alliance.precedence")))
    assert "from their Annual Values as changed by paragraph 4 of Schedule 5 for any of the leaving member's services that pass to them" in _flat(text_of(clause(doc, "alliance.leaving")))
    assert "the Annual Value for it passes too, as paragraph 4 of Schedule 5 provides" in _flat(text_of(clause(doc, "alliance.schedule-exit")))


def test_step_in_costs_are_net_and_excused(catalogue):
    """Step-in costs: only the excess over the payments saved, and nothing where a Force Majeure Event or a
    statutory function caused the failure, in a Service Contract draft and a single-contract draft."""
    for path in (ALLIANCE_BIG, ALLIANCE_SMALL):
        body = _body(path, catalogue, "alliance.operations")
        assert "the amount by which its reasonable costs of stepping in exceed the payments for that part of the Services that it no longer makes to that Provider" in body
        assert "Nothing is recovered under this sub-clause where the failure was caused by a Force Majeure Event" in body
        assert "its reasonable costs of stepping in within 30 days" not in body
