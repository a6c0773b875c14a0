"""Premises a Provider uses under a licence or lease from another member (members[].premises): Schedule 1 Part 1
records them and links them to the owner's other capacity and to any Reserved Matter on closing a service; the Exit
Plan ends each licence (personal, never assigned) and has the owner grant a new one to the provider taking over
(r29 al-fresh finding 4)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import build, clause, text_of

SAMPLE = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"
SMALL = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"


def test_licence_is_recorded_and_ends_on_exit(tmp_path, catalogue):
    """Firing: the licence is in Schedule 1 Part 1, linked to the owner's other capacity, and the Exit Plan ends it and
    has the Council grant a new one; the handover's "assigned" words are displaced and the note says why."""
    text = SAMPLE.read_text()
    old = "  - key: recovery\n"
    text = text.replace(old, "    premises:\n      - {building: the Quay Street day centre, owner: council}\n" + old, 1)
    line = "with no break in any person's prescribing;"
    assert line in text
    text = text.replace(line, "with the Council's licence of the Quay Street day centre assigned to it;", 1)
    sheet = tmp_path / "licence.yaml"
    sheet.write_text(text)
    doc = build(sheet, catalogue).document
    services = clause(doc, "alliance.schedule-services")
    body = _flat(text_of(services))
    assert "The following premises are used for the Services under a licence or lease from another Party:" in body
    assert "A decision the Council takes as owner of any of those premises is taken in that capacity, as clause" in body
    exit_plan = clause(doc, "alliance.schedule-exit")
    body = _flat(text_of(exit_plan))
    assert "Each licence listed in paragraph" in body and f"of Schedule {services.number} is personal to the Provider that holds it and is not assigned." in body
    assert "the Council, as owner, must grant that provider a new licence of them." in body
    assert "This paragraph applies in place of any arrangement above that refers to assigning or transferring such a licence." in body
    note = _flat(exit_plan.note or "")
    assert "records the premises that Harbour Light uses under licence from the Council" in note
    assert "speaks of assigning or transferring the licences" in note


def test_no_premises_no_licence_text(catalogue):
    """Quiet: samples without premises print no premises paragraph and no licence paragraph or note."""
    for sample in (SAMPLE, SMALL):
        doc = build(sample, catalogue).document
        assert "premises are used for the Services under a licence" not in text_of(clause(doc, "alliance.schedule-services"))
        exit_plan = clause(doc, "alliance.schedule-exit")
        assert "is personal to the Provider that holds it" not in text_of(exit_plan)
        assert "A licence is personal" not in (exit_plan.note or "")


def test_handover_assigning_a_licence_without_premises_is_flagged(tmp_path, catalogue):
    """Firing without the field: a handover line that assigns a licence gets a note saying a licence is personal and
    asking for the building to be recorded; no licence paragraph is printed without it."""
    text = SAMPLE.read_text()
    line = "with no break in any person's prescribing;"
    text = text.replace(line, "with the Council's licence of the Quay Street day centre assigned to it;", 1)
    sheet = tmp_path / "assign.yaml"
    sheet.write_text(text)
    exit_plan = clause(build(sheet, catalogue).document, "alliance.schedule-exit")
    note = _flat(exit_plan.note or "")
    assert "The handover for Recovery CIC speaks of assigning or transferring a licence." in note
    assert "is personal to the Provider that holds it" not in text_of(exit_plan)


def test_premises_from_a_landlord_that_is_not_a_party(catalogue):
    """r34 al-fresh2 finding 8 (firing): a Provider's lease from a third-party landlord (premises with landlord, no
    owner) is listed in Schedule 1 Part 1 as not binding that body, with the Provider's duty to keep it and report a
    threat to it; the note asks about its term, assignment on exit and the landlord's consent. 8(a): premises held
    'until the Service Contract ends' by a Provider that held a replaced Former Contract are flagged as possibly ending
    with it. (Quiet) the ALLIANCE_BIG sample, with no premises, has neither; owner and landlord together are refused."""
    import pytest
    from assembler.errors import UserError
    from tests.families.clause_texts import clause_text, document_of, note
    from tests.families.conftest import ALLIANCE_BIG
    src = (ROOT / "tests" / "families" / "fixtures" / "alliance-castlebridge-youth.yaml").read_text()
    old = "      - {building: the Millfield youth centre, owner: council}\n"
    assert old in src
    doc = document_of(catalogue, src.replace(old, old + "      - {building: the Holme Street flats, landlord: Holme Housing "
                                             "Association, held_under: lease, ends_with_service_contract: false}\n"))
    text = clause_text(doc, "alliance.schedule-services", flat=True)
    assert ("The following premises are used for the Services under a lease or licence from a body that is not a Party "
            "to this Agreement and is not bound by it:") in text
    assert "The Holme Street flats" in text and "Holme Housing Association" in text
    assert "must keep its lease or licence in force while it delivers the Services from those premises" in text
    n = _flat(note(doc, "alliance.schedule-services"))
    # the premises held from bodies that are not Parties are listed once, the checks said once (sprint Y3)
    assert "holds the Holme Street flats under a lease from Holme Housing Association" in n
    assert "That landlord is not a Party" in n or "Those landlords are not a Party" in n
    assert "Part 1 records the Eastbrook youth centre (" in n and "as held until the holder's Service Contract ends, and that holder also held a Former Contract" in n
    big = build(ALLIANCE_BIG, catalogue)
    assert "not a Party to this Agreement and is not bound by it: Each Provider" not in clause_text(big.document, "alliance.schedule-services", flat=True)
    assert "also held a Former Contract" not in note(big.document, "alliance.schedule-services")
    with pytest.raises(UserError):
        document_of(catalogue, src.replace(old, "      - {building: the Millfield youth centre, owner: council, landlord: X Homes}\n"))
