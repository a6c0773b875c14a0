"""Access to a member's case record system and the security standard for shared data follow the sheet's fields
(r47 al-sensory findings 1 and 2, al-prepadult finding 14, al-sexualhealth F9): only the members the sheet lists in
patient_record_access get access, even where other Providers exercise delegated functions; and where the sheet
names the record host (patient_record_host), whether it is an NHS body decides whether Schedule 6 asks for the NHS
Data Security and Protection Toolkit, so Schedule 6 and the access clause name one standard."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_SENSORY_R47

CLAUSE = "alliance.information-sharing"
SCHEDULE = "common.schedule-data-sharing"
_ACCESS = "  patient_record_access: [sight, deafblind]\n"
_HOST = "  patient_record_host: council\n"
DSPT = "NHS Data Security and Protection Toolkit"


def test_access_only_for_the_listed_delegated_providers(catalogue):
    """Firing: the Deaf Centre also exercises delegated functions but is not listed, so it gets no access."""
    source = ALLIANCE_SENSORY_R47.read_text()
    assert _ACCESS in source
    doc = document_of(catalogue, source)
    text = clause_text(doc, CLAUSE, flat=True)
    assert ("The Council must give named Personnel of Eskmoor Sight Support and Deafblind Horizons who exercise the "
            "functions authorised under") in text
    n = flat(note(doc, CLAUSE))
    assert "Access is limited to the named staff of Eskmoor Sight Support and Deafblind Horizons who carry out" in n
    assert "Deaf Centre" not in n.split("Access is limited to the named staff of", 1)[1].split(".", 1)[0]


def test_unlisted_access_goes_to_every_delegated_provider(catalogue):
    """Quiet: with no patient_record_access list every delegated Provider's staff get access, the Deaf Centre too."""
    doc = document_of(catalogue, ALLIANCE_SENSORY_R47.read_text().replace(_ACCESS, "", 1))
    text = clause_text(doc, CLAUSE, flat=True)
    assert "named Personnel of Eskmoor Sight Support, Deaf Centre and Deafblind Horizons who exercise" in text


def test_council_record_host_keeps_one_standard(catalogue):
    """Firing: NHS numbers are shared but the record host is a council: Schedule 6 asks for Cyber Essentials, as
    the access clause does, and its note does not say NHS patient records are shared."""
    doc = document_of(catalogue, ALLIANCE_SENSORY_R47.read_text())
    row = clause_text(doc, SCHEDULE, flat=True)
    assert DSPT not in row
    assert "must hold Cyber Essentials certification" in row
    assert "hold Cyber Essentials certification" in clause_text(doc, CLAUSE, flat=True)
    n = flat(note(doc, SCHEDULE))
    assert "the instructions say NHS patient records are shared" not in n
    assert "The Security row sets one standard for each Party: Cyber Essentials certification" in n


def test_without_a_record_host_nhs_numbers_still_need_the_toolkit(catalogue):
    """Quiet: with no record host named, NHS numbers in the shared data still call for the Toolkit as before."""
    doc = document_of(catalogue, ALLIANCE_SENSORY_R47.read_text().replace(_HOST, "", 1).replace(_ACCESS, "", 1))
    assert DSPT in clause_text(doc, SCHEDULE, flat=True)
