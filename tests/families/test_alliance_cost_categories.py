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
