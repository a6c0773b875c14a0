"""A Commissioner's contribution earmarked for particular services or people (pooled_budget.contributions[].applied_to):
the clause on the Alliance Budget records it and the note asks that the Section 75 Agreement state the same purpose
(r38d al-mh finding 5)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_MOSSGATE

CLAUSE = "alliance.service-planning"
_ICB = "      - member: icb\n        amount: 1970000\n"
_PURPOSE = "the crisis house, for people with section 117 after-care"


def test_earmark_is_recorded_in_the_clause_and_the_note(catalogue):
    """Firing: the ICB's contribution applied only to the crisis house for people with s.117 after-care."""
    source = ALLIANCE_MOSSGATE.read_text()
    assert _ICB in source
    doc = document_of(catalogue, source.replace(_ICB, _ICB + f"        applied_to: {_PURPOSE}.\n", 1))
    text = clause_text(doc, CLAUSE, flat=True)
    assert f"contribution is applied only to {_PURPOSE}, as the Section 75 Agreement provides." in text
    n = flat(note(doc, CLAUSE))
    assert f"As instructed, the ICB's contribution is applied only to {_PURPOSE} (clause" in n
    assert "regulation 7(3) of the NHS Bodies and Local Authorities Partnership Arrangements Regulations 2000" in n


def test_quiet_without_an_earmark(catalogue):
    """Quiet: the fixture's contributions are general money for the Services."""
    doc = document_of(catalogue, ALLIANCE_MOSSGATE.read_text())
    assert "is applied only to" not in clause_text(doc, CLAUSE, flat=True)
    assert "should state the same purpose in the same words" not in flat(note(doc, CLAUSE))
