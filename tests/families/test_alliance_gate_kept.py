"""Who keeps a Provider's share of Gain lost through the KPI gate: the note to clause 13 names the same body as the
clause, and with several Commissioners says the statement between them shares it (r38d al-mh finding 7)."""
from __future__ import annotations

from tests.families.clause_texts import alliance_gated, build, clause_text, flat, note
from tests.families.conftest import ALLIANCE_HAVERLEIGH, ALLIANCE_LYNMERE

CLAUSE = "alliance.risk-reward"


def test_note_and_clause_name_the_commissioner_party_to_the_service_contract(catalogue):
    """Firing: a council and an ICB, the ICB paying the Trust from its own aligned budget: the clause and the note
    both give the share to the Commissioner that is party to the Provider's Service Contract."""
    doc = alliance_gated(ALLIANCE_LYNMERE, catalogue)
    text = clause_text(doc, CLAUSE, flat=True)
    assert "That share is kept by the Commissioner that is party to that Provider's Service Contract" in text
    n = flat(note(doc, CLAUSE))
    assert ("A Provider's unpaid share stays with the Commissioner that is party to that Provider's Service Contract, "
            "which decides how to use it and tells the ALT within 3 months; clause") in n
    assert "then counts it as received for the account of every Commissioner" in n
    assert "unpaid share stays with the Council" not in n


def test_quiet_for_a_single_commissioner(catalogue):
    """Quiet: one Commissioner keeps it, and the note still names it."""
    doc = build(ALLIANCE_HAVERLEIGH, catalogue).document
    n = flat(note(doc, CLAUSE))
    assert "A Provider's unpaid share stays with the Council, which decides how to use it and tells the ALT within 3 months." in n
    assert "counts it as received for the account of every Commissioner" not in n
