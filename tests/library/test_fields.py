"""The clause field checker: attribute paths are checked against the family's model; a property or a method the
model itself defines is allowed, a misspelt name or pydantic's own machinery is not."""

from __future__ import annotations

from assembler.library.fields import unknown_fields
from assembler.termsheet.co_investment import CoInvestmentTermSheet


def test_a_method_of_the_model_is_allowed_and_a_misspelling_is_not():
    assert not unknown_fields("{{ subsidy.database_due(3) | date }}", CoInvestmentTermSheet)
    assert unknown_fields("{{ subsidy.database_du(3) }}", CoInvestmentTermSheet)
    assert unknown_fields("{{ subsidy.model_dump() }}", CoInvestmentTermSheet)
