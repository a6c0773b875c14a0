"""Access to a member's electronic patient record limited to the members and the kind of access the sheet gives
(patient_record_access, patient_record_read_only): the clause names only those members and says read only, and the
note drops the question of who controls their entries (r38d al-mh finding 6)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_MOSSGATE

CLAUSE = "alliance.information-sharing"
_HOST = "  patient_record_host: trust\n"


def test_access_limited_to_named_members_read_only(catalogue):
    """Firing: only the haven's and the peers' staff, read only, for the people they support."""
    source = ALLIANCE_MOSSGATE.read_text()
    assert _HOST in source
    doc = document_of(catalogue, source.replace(
        _HOST, _HOST + "  patient_record_access: [haven, peers]\n  patient_record_read_only: true\n", 1))
    text = clause_text(doc, CLAUSE, flat=True)
    assert "read-only access to the Trust's electronic patient record, for the records of the people to whom" in text
    assert "each other Alliance Member that needs it for the Services access to the Trust's" not in text
    n = flat(note(doc, CLAUSE))
    assert "As instructed, access is limited to named staff of" in n and "read only, for the people each supports" in n
    assert "Take instructions on who controls entries other members' staff make in it" not in n


def test_quiet_where_the_sheet_does_not_limit_access(catalogue):
    """Quiet: the fixture gives every member that needs it access, and the note asks who controls their entries."""
    doc = document_of(catalogue, ALLIANCE_MOSSGATE.read_text())
    text = clause_text(doc, CLAUSE, flat=True)
    assert "each other Alliance Member that needs it for the Services access to the Trust's" in text
    assert "read-only" not in text
    assert "Take instructions on who controls entries other members' staff make in it" in flat(note(doc, CLAUSE))
