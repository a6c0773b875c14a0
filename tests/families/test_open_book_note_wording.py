"""Open-book: small wording faults a solicitor's read found in notes and clauses (I3 report, rows A8, A9, S8-S11,
S14, S15). Each wording follows the sheet's fields: the voids position in the residents note, the excess position in
the tax clause, the place and people words (services.home_word, services.people) in the term, placements and
occupancy-scenario notes, and the setting in the provider recital."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import (OB_ADULT, OB_CHARITY, OB_GREYSTONE, OB_HOMECARE, OB_LIVING, OB_SUBSIDIARY,
                                     open_book_doc)

_REGS = "Health and Social Care Act 2008 (Regulated Activities) Regulations 2014"


def test_residents_note_room_clearing_follows_void_payments(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_ADULT), "open-book.residents"))
    assert "for clearing the room, unpaid unless the council asks in writing under clause" in text
    assert "Core Place" not in text


def test_residents_note_room_clearing_names_core_places_under_core_places(catalogue):
    # quiet: two care homes with Core Places (the core-places variant)
    text = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.residents"))
    assert "for clearing the room, unpaid unless it is a Core Place)" in text
    assert "council asks in writing" not in text


def test_regulatory_note_names_the_2014_regulations_for_personal_care(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_LIVING), "open-book.regulatory"))
    assert f"fit under reg. 7 of the {_REGS}" in text
    assert "of the 2014 Regulations" not in text


def test_regulatory_note_names_the_2014_regulations_for_a_care_home(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_ADULT), "open-book.regulatory"))
    assert f"fit under reg. 7 of the {_REGS}" in text
    assert "of the 2014 Regulations" not in text


def test_regulatory_note_quiet_for_childrens_homes(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_CHARITY), "open-book.regulatory"))
    assert "reg. 7 of" not in text


def test_tax_gift_waits_for_the_refund_under_the_refund_position(catalogue):
    text = clause_text(open_book_doc(catalogue, OB_SUBSIDIARY), "open-book.tax", flat=True)
    assert "any Excess Profit has been refunded." in text
    assert "paid or transferred" not in text


def test_tax_gift_keeps_paid_or_transferred_where_excess_is_not_refunded(catalogue):
    doc = open_book_doc(catalogue, OB_SUBSIDIARY, ("  open_book_excess: refund\n", "  open_book_excess: split\n"),
                        ("open_book:\n", "open_book:\n  excess:\n    split_percentage: 50\n"))
    text = clause_text(doc, "open-book.tax", flat=True)
    assert "any Excess Profit has been paid or transferred." in text


def test_term_note_uses_settings_and_young_people(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_SUBSIDIARY), "open-book.term"))
    assert "already providing the services to the young people in the settings;" in text
    assert "people in the homes" not in text


def test_term_note_keeps_people_in_the_homes_for_supported_living(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_LIVING), "open-book.term"))
    assert "already providing the services to the people in the homes;" in text


def test_placements_note_one_word_for_young_people(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_SUBSIDIARY), "open-book.placements"))
    assert "Young people already living in the settings" in text
    assert "Children already living" not in text


def test_placements_note_people_in_adult_care(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_ADULT), "open-book.placements"))
    assert "People already living in the homes" in text


def test_occupancy_note_says_setting_in_supported_accommodation(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_SUBSIDIARY), "common.open-book-schedule-reconciliation"))
    assert "suits a setting whose staffing follows the rota" in text
    assert "suits a home whose" not in text


def test_occupancy_note_says_home_in_a_care_home(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_ADULT), "common.open-book-schedule-reconciliation"))
    assert "suits a home whose staffing follows the rota" in text


def test_home_care_recital_says_cqc_registered_for_personal_care(catalogue):
    text = clause_text(open_book_doc(catalogue, OB_HOMECARE), "open-book.recitals", flat=True)
    assert ("Tillbrook is registered with the Care Quality Commission under the Health and Social Care Act 2008 to "
            "provide personal care, and has agreed") in text
    assert "provider of publicly funded services" not in text


def test_recital_quiet_on_personal_care_for_childrens_homes(catalogue):
    text = clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.recitals", flat=True)
    assert "registered with Ofsted under Part 2 of the Care Standards Act 2000" in text
    assert "to provide personal care" not in text


def test_scope_fees_follow_the_schedule_numbers(catalogue):
    text = clause_text(open_book_doc(catalogue, OB_SUBSIDIARY), "open-book.scope", flat=True)
    assert "on each day that it is one of the Council's places under the numbers in Schedule 1 as clause" in text
    assert "counts it as one of the Council's places, including" not in text


def test_scope_fees_quiet_for_whole_homes(catalogue):
    text = clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.scope", flat=True)
    assert "under the numbers in Schedule 1 as clause" not in text
