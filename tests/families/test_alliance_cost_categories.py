"""Delivery Costs categories the sheet's cost lines need: payments to or for people using the Services inside the
budget (members[].payments_to_people), and security works counted in the year they are incurred
(members[].security_works_in_year, or bracketed where a service names them) (r32 al-fresh finding 3)."""
from __future__ import annotations

from tests.families.clause_texts import build, clause_text, definition, variant_of
from tests.families.conftest import ALLIANCE_EASTMOOR

def test_payments_to_people_count_and_sit_inside_the_budget(catalogue):
    """Firing: a Provider pays rent and subsistence for people with no recourse to public funds."""
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, "annual_value: 400000\n",
                     "annual_value: 400000\n    payments_to_people: 48000\n    payments_to_people_for: rent and "
                     "subsistence for people with no recourse to public funds\n    security_works_in_year: true\n")
    schedule = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "Payments a Provider makes to or for people using the Services count as Delivery Costs" in schedule
    assert "£48,000 for rent and subsistence for people with no recourse to public funds" in schedule
    assert ("counts as Delivery Costs in the Alliance Year in which it is incurred, whatever its accounting "
            "treatment, and not through depreciation.") in schedule
    assert "[Despite the rule on depreciation" not in schedule
    if "excluding any cost met from rent" in definition(doc, "Annual Value"):
        assert "but including the payments to or for people" in definition(doc, "Annual Value")


def test_no_payments_no_security_works_quiet(catalogue):
    """Quiet: a sheet without either says nothing of them."""
    doc = build(ALLIANCE_EASTMOOR, catalogue).document
    schedule = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "Payments a Provider makes to or for people" not in schedule
    assert "security works" not in schedule


def test_personal_budgets_are_ring_fenced_outside_gain_and_pain(catalogue):
    """r34 al-fresh finding 3 (firing): a Provider pays carers' personal budgets as direct payments: the instructions
    are silent, so the draft ring-fences them (no Gain or Pain; any underspend repaid in full through the Balancing
    Amount; a payment above the Annual Plan amount only with the Commissioner's written approval) and the note asks
    to confirm it."""
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, "annual_value: 400000\n",
                     "annual_value: 400000\n    payments_to_people: 60000\n    payments_to_people_for: one-off "
                     "personal budgets paid as direct payments to carers\n")
    schedule = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "to or for people using the Services are ring-fenced:" in schedule
    assert ("they count as Delivery Costs at the amount the Annual Plan sets for them for that year, whatever was paid, "
            "so that they make no Gain") in schedule
    assert "not paid out is repaid in full to the Commissioner" in schedule
    assert "if the Commissioner approved it in writing before it was made, and not otherwise" in schedule
    note = " ".join((next(c for c in doc.all_clauses() if c.id == "alliance.schedule-risk-reward").note or "").split())
    assert "is ring-fenced (the instructions are silent; the draft does this because they are personal budgets or direct payments: confirm it)" in note


def test_payments_to_people_not_ring_fenced_where_the_sheet_says_so(catalogue):
    """Quiet: the same payments with payments_to_people_ring_fenced: false sit inside the budget, as before; and rent
    for people with no recourse to public funds (the test above) is not ring-fenced by default."""
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, "annual_value: 400000\n",
                     "annual_value: 400000\n    payments_to_people: 60000\n    payments_to_people_for: one-off "
                     "personal budgets paid as direct payments to carers\n    payments_to_people_ring_fenced: false\n")
    schedule = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "Payments a Provider makes to or for people using the Services count as Delivery Costs" in schedule
    assert "ring-fenced" not in schedule
    rent = variant_of(catalogue, ALLIANCE_EASTMOOR, "annual_value: 400000\n",
                      "annual_value: 400000\n    payments_to_people: 48000\n    payments_to_people_for: rent and "
                      "subsistence for people with no recourse to public funds\n")
    assert "ring-fenced" not in clause_text(rent, "alliance.schedule-risk-reward", flat=True)
