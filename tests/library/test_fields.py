"""The clause field checker: attribute paths are checked against the family's model; a property or a method the
model itself defines is allowed, a misspelt name or pydantic's own machinery is not."""

from __future__ import annotations

from assembler.library.fields import unknown_fields
from assembler.termsheet.co_investment import CoInvestmentTermSheet


def test_a_method_of_the_model_is_allowed_and_a_misspelling_is_not():
    assert not unknown_fields("{{ subsidy.database_due(3) | date }}", CoInvestmentTermSheet)
    assert unknown_fields("{{ subsidy.database_du(3) }}", CoInvestmentTermSheet)
    assert unknown_fields("{{ subsidy.model_dump() }}", CoInvestmentTermSheet)



def test_a_branch_for_another_family_may_use_that_familys_fields():
    from assembler.termsheet.alliance import AllianceTermSheet

    guarded = '{% if family == "alliance" and alliance.case_system %}x{% else %}{{ alliance.name }}{% endif %}'
    # the guarded branch is not read for co-investment, but its else branch is
    assert [u[0] for u in unknown_fields(guarded, CoInvestmentTermSheet, "co-investment")] == ["alliance"]
    assert not unknown_fields(guarded, AllianceTermSheet, "alliance")
    # not a guard: an `or`, or the family's own name
    assert unknown_fields('{% if family == "grant" or alliance.case_system %}x{% endif %}', CoInvestmentTermSheet, "co-investment")
    assert unknown_fields('{% if family == "co-investment" %}{{ alliance.name }}{% endif %}', CoInvestmentTermSheet, "co-investment")
