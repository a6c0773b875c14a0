"""Conditions in the term clause where the section 75 agreement is not yet made: a long-stop date after which any
Alliance Member may end the Agreement, 3 months after the term starts unless the sheet gives conditions_long_stop
(r28 al-fresh finding 22)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_LYNMERE

CLAUSE = "alliance.term-termination"


def test_long_stop_defaults_to_three_months_after_the_start(catalogue):
    doc = document_of(catalogue, ALLIANCE_LYNMERE.read_text())
    text = clause_text(doc, CLAUSE, flat=True)
    assert ("If the conditions have not both been met by 1 July 2027, any Alliance Member may end this Agreement by "
            "giving every other Party at least 20 Business Days' notice.") in text
    assert "has no effect if both conditions are met before it expires" in text
    assert "3 months after the start of the term, the draft's choice: confirm the date" in " ".join(note(doc, CLAUSE).split())


def test_long_stop_from_the_sheet(catalogue):
    text = ALLIANCE_LYNMERE.read_text().replace("\nalliance:\n", "\nalliance:\n  conditions_long_stop: 2027-09-30\n", 1)
    doc = document_of(catalogue, text)
    assert "have not both been met by 30 September 2027" in clause_text(doc, CLAUSE, flat=True)
    assert "the draft's choice" not in note(doc, CLAUSE)


def test_no_long_stop_once_the_section_75_agreement_is_made(catalogue):
    text = ALLIANCE_LYNMERE.read_text().replace("18 February 2027", "18 February 2026")
    assert "have not both been met" not in clause_text(document_of(catalogue, text), CLAUSE, flat=True)


def _blank_section_75(text: str) -> str:
    out = text.replace("  section_75_agreement: 18 February 2027 (reference LCC/S75/2027/03)\n", "", 1)
    assert out != text
    return out


def test_long_stop_given_with_no_section_75_date_makes_the_conditions(catalogue):
    """A sheet that leaves the section 75 agreement blank but gives a long-stop has an agreement not yet made: the
    conditions and the long-stop are drafted, and the recital leaves the date blank (r33 al-fresh F3)."""
    text = _blank_section_75(ALLIANCE_LYNMERE.read_text()).replace(
        "\nalliance:\n", "\nalliance:\n  conditions_long_stop: 2027-06-30\n", 1)
    doc = document_of(catalogue, text)
    assert "have not both been met by 30 June 2027" in clause_text(doc, CLAUSE, flat=True)
    assert "the Section 75 Agreement has been made" in clause_text(doc, CLAUSE, flat=True)
    assert "give no date for the Section 75 Agreement" in " ".join(note(doc, CLAUSE).split())
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert "[to be] dated []" not in recitals and "section 75 of the National Health Service Act 2006" in recitals


def test_no_conditions_with_no_section_75_date_and_no_long_stop(catalogue):
    doc = document_of(catalogue, _blank_section_75(ALLIANCE_LYNMERE.read_text()))
    assert "have not both been met" not in clause_text(doc, CLAUSE, flat=True)


def test_late_conditions_bring_arrears_and_a_whole_first_year(catalogue):
    """r34 al-fresh2 finding 4 (firing): where the conditions are met after the Commencement Date, each Commissioner
    pays its contributions from that date within 10 Business Days and the risk/reward clause covers the whole first
    Alliance Year; the note says who carries the gap and asks for interim funding. (Quiet) once the section 75
    agreement is made there are no conditions and no such sub-clause."""
    doc = document_of(catalogue, ALLIANCE_LYNMERE.read_text())
    text = clause_text(doc, CLAUSE, flat=True)
    assert ("If both conditions are met after the Commencement Date: each Commissioner must pay into the Alliance Budget, "
            "within 10 Business Days after the notice under clause") in text
    assert "the contributions that would have fallen due from the Commencement Date until that notice; and" in text
    assert "applies to the whole of the first Alliance Year, from the Commencement Date, as if the conditions had been met on that date" in text
    n = " ".join(note(doc, CLAUSE).split())
    assert "Agree interim funding with the other Commissioners for the gap" in n
    made = document_of(catalogue, ALLIANCE_LYNMERE.read_text().replace("18 February 2027", "18 February 2026"))
    assert "If both conditions are met after the Commencement Date" not in clause_text(made, CLAUSE, flat=True)
    assert "Agree interim funding" not in note(made, CLAUSE)
