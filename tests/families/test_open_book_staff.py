"""Open-book staff: the zero hours reforms (bracketed until instructed), regulated activity and the incumbent's staff in
the notes, and the agency rate compared with the care assistant rate."""

from __future__ import annotations

from decimal import Decimal

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import (
    OB_ADULT, OB_ALDERBECK, OB_BRAMBLECOMBE, OB_CHARITY, OB_HOMECARE, open_book_doc,
)


def _zero_hours(text: str, value: str) -> str:
    return text.replace("    travel_paid_at_contact_rate: true\n",
                        f"    travel_paid_at_contact_rate: true\n    zero_hours_change_in_law: {value}\n", 1)


def test_hourly_price_below_the_agency_cap_is_flagged(catalogue):
    """ob-fresh 9: the Support Price (£23.90) is below the £24.60 agency cap in Part 3, so the note says so. Quiet: the
    sample's £32.50 hourly price has no agency cap to compare with."""
    assert [(u.price, cap) for u, cap in read_termsheet(OB_ALDERBECK, catalogue).model.open_book.agency_cap_over_hourly] \
        == [(Decimal("23.90"), Decimal("24.60"))]
    assert "(£23.90 an hour) is below the agency rate Part 3 allows (£24.60 an hour for a care assistant)" in flat(
        note(open_book_doc(catalogue, OB_ALDERBECK), "common.open-book-schedule-costs"))
    assert read_termsheet(OB_CHARITY, catalogue).model.open_book.agency_cap_over_hourly == []


def test_the_agency_rate_compared_with_a_support_price_is_the_care_assistant_rate(catalogue):
    """r25 ob-fresh finding 13: one-to-one support (£27.80) is care-assistant work, so the note compares it with the
    £30 care assistant rate, not the £58 registered-nurse rate."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    text = " ".join(note(doc, "common.open-book-schedule-costs").split())
    assert "(£30.00 an hour for a care assistant)" in text or "(£30 an hour for a care assistant)" in text
    assert "£58" not in text


def test_notes_state_regulated_activity_the_incumbents_staff_and_no_missing_ip_clause(catalogue):
    """r25 ob-homecare finding 17: knowable points stated, not passed on as 'check'."""
    text = OB_HOMECARE.read_text()
    doc = document_of(catalogue, text)
    safeguarding = " ".join(note(doc, "open-book.safeguarding").split())
    assert "Relevant personal care of an adult" in safeguarding and "Check whether the work is" not in safeguarding
    assert "Relevant personal care of a child" not in safeguarding
    exit_note = " ".join(note(doc, "open-book.exit").split())
    if "incumbent: true" in text:
        assert "so no staff transfer to it when this Agreement starts" in exit_note
    assert "own clause on intellectual property" not in " ".join(note(doc, "common.general").split())
    taking_over = document_of(catalogue, text.replace("incumbent: true", "incumbent: false"))
    assert "Staff transfer to" in " ".join(note(taking_over, "open-book.exit").split())


def test_zero_hours_reforms_are_bracketed_until_instructed(homecare_doc):
    defs = clause_text(homecare_doc, "common.definitions", flat=True)
    assert ("regulations under Chapter 2 of Part 3 of the Employment Rights Act 2025 (social care workers) giving "
            "effect to an agreement of a Social Care Negotiating Body for adult social care in England (a fair pay "
            "agreement) [and the coming into force of sections 1 to 4 of that Act (zero hours and low hours workers") in defs
    assert "other than those changes, whose terms had been made" in defs
    n = flat(note(homecare_doc, "open-book.change-in-law"))
    assert ("(S.I. 2026/3), reg. 2(2), brought sections 1 to 4 into force from 6 January 2026 only so far as they "
            "confer a duty to consult or a power to make regulations") in n
    assert "The words naming them are in square brackets: take instructions" in n
    assert "confirm that the £2,806,140 of staff pay in the cost model" in n


def test_zero_hours_reforms_included_or_excluded_as_instructed(catalogue):
    yes = document_of(catalogue, _zero_hours(OB_HOMECARE.read_text(), "true"))
    defs = clause_text(yes, "common.definitions", flat=True)
    assert "(a fair pay agreement) and the coming into force of sections 1 to 4 of that Act" in defs
    assert "[and the coming" not in defs
    no = document_of(catalogue, _zero_hours(OB_HOMECARE.read_text(), "false"))
    defs = clause_text(no, "common.definitions", flat=True)
    assert ("(b) the coming into force of sections 1 to 4 of the Employment Rights Act 2025 (zero hours and low hours "
            "workers") in defs and "; or (c) a change in the rates" in defs
    assert "As instructed, the definition excludes them, so Tillbrook bears their cost" in flat(
        note(no, "open-book.change-in-law"))


def test_care_home_definition_does_not_name_the_zero_hours_reforms(catalogue):
    d = assemble(read_termsheet(OB_ADULT, catalogue), catalogue, today=DRAFT_DATE).document
    assert "sections 1 to 4" not in clause_text(d, "common.definitions", flat=True)
