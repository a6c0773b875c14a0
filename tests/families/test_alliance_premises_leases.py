"""A lease from another member meant to end with the holder's Service Contract (members[].premises, held_under: lease,
ends_with_service_contract: true): Schedule 1 ends it with that contract and has the holder give up possession, and the
note asks whether it was contracted out of the Landlord and Tenant Act 1954 (ss.24 and 38A), without which it continues
past that date; each licence is checked to be a licence in substance (r33 al-fresh F9)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_LYNMERE

PREMISES = ("    premises:\n"
            "      - {building: the Brookside day centre, owner: council, held_under: lease, ends_with_service_contract: true}\n")


def _with_lease() -> str:
    text = ALLIANCE_LYNMERE.read_text(encoding="utf-8")
    i = text.index("  - key: trust\n")
    j = text.index("    role: provider\n", i) + len("    role: provider\n")
    return text[:j] + PREMISES + text[j:]


def test_lease_ending_with_the_service_contract(catalogue):
    """Firing: the lease ends with the Trust's Service Contract in Schedule 1, and the note raises contracting out."""
    doc = document_of(catalogue, _with_lease())
    sch = clause_text(doc, "alliance.schedule-services", flat=True)
    assert ("The Trust's lease of the Brookside day centre ends when the Trust's Service Contract ends, and the Trust must "
            "then give up possession of the Brookside day centre to the Council.") in sch
    n = flat(note(doc, "alliance.schedule-services"))
    assert "Landlord and Tenant Act 1954 (s.23)" in n and "continues (s.24)" in n and "s.38A" in n
    assert "Check whether it was contracted out" in n


def test_no_lease_note_without_such_a_lease(alliance_lynmere):
    """Quiet: no member premises, no lease sentence and no 1954 Act note."""
    assert "give up possession" not in clause_text(alliance_lynmere, "alliance.schedule-services", flat=True)
    assert "Landlord and Tenant Act 1954" not in note(alliance_lynmere, "alliance.schedule-services")
