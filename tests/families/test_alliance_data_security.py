"""Schedule 6 (data sharing) in an alliance: a Party receiving health data must meet the NHS Data Security and
Protection Toolkit, where the shared data include health data, and the note gives the source (r27 al-sample finding 12)."""
from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_REABLEMENT as REABLEMENT

SCHEDULE = "common.schedule-data-sharing"
DSPT = ("each Party that receives health data under this Schedule must complete the NHS Data Security and Protection "
        "Toolkit assessment each year to the \"Standards Met\" level, or meet another standard that the Parties agree in writing is "
        "equivalent")


def test_health_data_needs_a_standard(catalogue):
    """Firing: the sample shares health and substance-use data, so the Security row sets a standard; no Party is an NHS
    body and the sheet shares no NHS patient records, so it is Cyber Essentials, not the Toolkit (r38d al-edge finding
    9); the note says whom NHS England requires the Toolkit of and no longer speaks of an Information Commissioner
    'named here'."""
    doc = document_of(catalogue, ALLIANCE_BIG.read_text())
    body = clause_text(doc, SCHEDULE, flat=True)
    assert ("each Party that receives health data under this Schedule must hold Cyber Essentials certification, or meet "
            "another standard that the Parties agree in writing is equivalent") in body
    assert "Data Security and Protection Toolkit" not in body
    n = " ".join(note(doc, SCHEDULE).split())
    assert "organisations with access to NHS patient data and systems and no Party is an NHS body" in n
    assert "named here" not in n


def test_nhs_body_gets_the_toolkit_and_the_others_cyber_essentials(catalogue):
    """Firing: with an NHS trust Provider and no NHS patient records shared, the Trust alone completes the Toolkit and
    each other Party holds Cyber Essentials: one standard each (r38d al-edge finding 9). The sample shares NHS numbers,
    so the variant leaves them out."""
    doc = document_of(catalogue, REABLEMENT.read_text().replace("NHS number, ", "", 1))
    body = clause_text(doc, SCHEDULE, flat=True)
    assert ("the Community Trust must complete the NHS Data Security and Protection Toolkit assessment each year to the "
            "\"Standards Met\" level; and each other Party that receives health data under this Schedule must hold Cyber "
            "Essentials certification") in body
    assert DSPT not in body
    n = " ".join(note(doc, SCHEDULE).split())
    assert "The Security row sets one standard for each Party" in n


def test_no_health_data_no_toolkit(catalogue):
    """Quiet: with no health data in the data types or the lawful basis, the row and the note say nothing of it."""
    text = ALLIANCE_BIG.read_text()
    text = re.sub(r"  data_types: >-\n(    .*\n)+", "  data_types: Name, contact details and support plans\n", text, count=1)
    text = re.sub(r"  lawful_basis: >-\n(    .*\n)+", "  lawful_basis: Article 6(1)(e) (public task)\n", text, count=1)
    doc = document_of(catalogue, text)
    assert "Data Security and Protection Toolkit" not in clause_text(doc, SCHEDULE, flat=True)
    assert "Data Security and Protection Toolkit" not in note(doc, SCHEDULE)


CASTLEBRIDGE = ROOT / "tests" / "families" / "fixtures" / "alliance-castlebridge-r29.yaml"


def test_health_data_without_nhs_party_or_records_keeps_the_general_standard(catalogue):
    """r29 al-fresh finding 3 (quiet for the Toolkit): a youth alliance sharing health and SEND data, with no NHS
    party, health_care false and no NHS patient records, keeps the instructed security measures; the note offers
    Cyber Essentials as an option."""
    doc = document_of(catalogue, CASTLEBRIDGE.read_text())
    assert "Data Security and Protection Toolkit" not in clause_text(doc, SCHEDULE, flat=True)
    n = " ".join(note(doc, SCHEDULE).split())
    assert "does not require the NHS Data Security and Protection Toolkit" in n
    assert "Cyber Essentials certification" in n
    assert "NHS England requires it of" not in n


def test_nhs_number_in_the_shared_data_needs_the_toolkit(catalogue):
    """r29 al-fresh finding 3 (firing): the same alliance sharing NHS numbers requires the Toolkit."""
    text = CASTLEBRIDGE.read_text().replace("Name, date of birth, address,", "Name, date of birth, NHS number, address,")
    assert "NHS number" in text
    doc = document_of(catalogue, text)
    assert DSPT in clause_text(doc, SCHEDULE, flat=True)
    assert "Cyber Essentials" not in note(doc, SCHEDULE)
