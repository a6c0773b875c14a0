"""r19 al-fresh (lane al11): the decision rules do not contradict each other (budget Reserved Matter against the
overspend approvals, force-majeure leaving against the removal rule, the reduced quorum), the Commissioner cannot
force a deadlock by staying away, and the notes fit a children's-services accommodation alliance."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, text_of

THISTLEBURY = Path(__file__).parent / "fixtures" / "alliance-thistlebury-r19.yaml"
SMALL = next(p for p in ALLIANCE if p.stem == "small-majority-three-members")


@pytest.fixture(scope="module")
def thistlebury(catalogue):
    return build(THISTLEBURY, catalogue).document


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_budget_reserved_matter_carves_out_the_overspend_approvals(thistlebury):
    """Finding 1 (firing): the Reserved Matter on committing the Council's budget leaves approvals of costs above
    budget and of running costs to their own clauses, and 9.6 says the overspend approval is made by majority."""
    text = _flat(text_of(clause(thistlebury, "alliance.decisions")))
    assert ("commits the Council's budget beyond the Annual Plan, other than an approval of costs under clause 13."
            in text)
    assert "or of running costs under clause 16.1, each of which is decided only as that clause provides." in text
    assert "(including an approval of costs under clause 13.7, which is made only as that clause provides)" in text


def test_no_budget_reserved_matter_no_carve_out(catalogue):
    """Finding 1 (quiet): a sheet whose Reserved Matters do not touch the budget has no carve-out."""
    path = next(p for p in ALLIANCE if p.stem == "complex-needs-eight-members")
    doc = build(path, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.decisions")))
    if "budget beyond" not in text:
        assert "each of which is decided only as that clause provides" not in text


def test_commissioner_cannot_force_a_deadlock_by_staying_away(thistlebury):
    """Finding 2: a meeting inquorate for the Commissioner's absence does not count towards deadlock."""
    text = _flat(text_of(clause(thistlebury, "alliance.decisions")))
    assert "not quorate because the Commissioner's representative (or deputy) was absent" in text
    assert "cannot put a matter into deadlock" in text


def test_force_majeure_leaving_follows_the_removal_rule(thistlebury):
    """Findings 5 and 16: the ALT's decision that a Provider leaves after force majeure states its majority, 9.5
    lists it, and the reduced quorum covers every rule under which a member does not vote."""
    fm = _flat(text_of(clause(thistlebury, "alliance.force-majeure-members")))
    assert "by a decision of every other Alliance Member (that Provider not voting and not counted in the quorum" in fm
    decisions = _flat(text_of(clause(thistlebury, "alliance.decisions")))
    assert "applies the same rule to a decision that a Provider leaves after a Force Majeure Event" in decisions
    governance = _flat(text_of(clause(thistlebury, "alliance.governance")))
    assert "does not vote under this Agreement (including under clause 9, clause 13.7 and clause 31.2)" in governance


def test_exit_plan_choice_given_to_the_alt_is_the_alts(thistlebury, catalogue):
    """Finding 6 (firing and quiet): a handover line saying the ALT chooses is decided by the ALT; where no line
    says so, the Commissioner makes every choice as before."""
    text = _flat(text_of(clause(thistlebury, "alliance.schedule-exit")))
    assert "where it says the ALT chooses, the ALT decides under clause 9" in text
    quiet = _flat(text_of(clause(build(SMALL, catalogue).document, "alliance.schedule-exit")))
    assert "where it says the ALT chooses" not in quiet


def test_exit_note_names_the_right_premises_and_the_rp_controls(thistlebury):
    """Finding 11: 'tenancy sustainment' is not an interest in premises; a registered provider's management
    agreement is, and the note and paragraph name the Regulator's consent under s.172 HRA 2008."""
    note = _flat(clause(thistlebury, "alliance.schedule-exit").note or "")
    assert "The handover for Larchfield passes on an interest in premises" in note
    assert "Nextstep passes on" not in note
    assert "section 172 of the Housing and Regeneration Act 2008" in note
    text = _flat(text_of(clause(thistlebury, "alliance.schedule-exit")))
    assert "Charities Act 2011 (where they apply to it), where it is a private registered provider" in text


def test_balancing_amounts_prevail_over_the_service_contract_on_payment(thistlebury):
    """Finding 7: the Balancing Amounts adjust Service Contract payments, so the Agreement prevails on them and the
    Service Contract's priority on payment is subject to that."""
    text = _flat(text_of(clause(thistlebury, "alliance.precedence")))
    assert "(including the calculation and payment of Balancing Amounts under clause 13." in text
    assert "Subject to clause 3.1, if there is a conflict" in text
