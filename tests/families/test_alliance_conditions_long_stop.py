"""The conditions sub-clause of the term clause where the sheet gives conditions_long_stop: it appears with the
sheet's long-stop date and what happens if the conditions are not met, even where the section 75 agreement is already
made (r44 al-homefirst finding 4); without a long-stop date and with nothing pending, there is none."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_BIG

TREATMENT = "  former_contracts_treatment: replaced\n"


def _text(extra: str = "") -> str:
    return ALLIANCE_BIG.read_text().replace(TREATMENT, TREATMENT + extra, 1)


def test_long_stop_gives_a_conditions_clause(catalogue):
    """Firing: the long-stop date from the sheet, the contract-terms condition and the right to end."""
    doc = document_of(catalogue, _text("  conditions_long_stop: 2027-06-30\n"))
    text = clause_text(doc, "alliance.term-termination", flat=True)
    assert "obligations under this Agreement to deliver the Services do not take effect" in text
    assert "contains the terms listed in clause" in text
    assert "been met by 30 June 2027, any Alliance Member may end this Agreement" in text
    assert "long-stop date of 30 June 2027 from the instructions" in note(doc, "alliance.term-termination")


def test_no_long_stop_no_conditions(catalogue):
    """Quiet: no long-stop date and no pending section 75 agreement: no conditions sub-clause."""
    doc = document_of(catalogue, _text())
    text = clause_text(doc, "alliance.term-termination", flat=True)
    assert "do not take effect" not in text and "may end this Agreement by giving every other" not in text
