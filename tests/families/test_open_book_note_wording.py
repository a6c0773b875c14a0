"""Open-book: small wording faults a solicitor's read found in notes and clauses (I3 report, rows A8, A9, S8-S11,
S14, S15). Each wording follows the sheet's fields: the voids position in the residents note, the excess position in
the tax clause, the place and people words (services.home_word, services.people) in the term, placements and
occupancy-scenario notes, and the setting in the provider recital. Each subject is one test run on the sheets that
take its two wordings: what each draft must say, and what it must not."""

from __future__ import annotations

import pytest

from tests.families.clause_texts import clause_text, flat, note, says
from tests.families.conftest import (OB_ADULT, OB_CHARITY, OB_GREYSTONE, OB_HOMECARE, OB_LIVING, OB_SUBSIDIARY,
                                     open_book_doc)

_REGS = "Health and Social Care Act 2008 (Regulated Activities) Regulations 2014"


@pytest.mark.parametrize(("sheet", "present", "absent"), [
    pytest.param(OB_ADULT, ("for clearing the room, unpaid unless the council asks in writing under clause",),
                 ("Core Place",), id="follows-void-payments"),
    # quiet: two care homes with Core Places (the core-places variant)
    pytest.param(OB_GREYSTONE, ("for clearing the room, unpaid unless it is a Core Place)",),
                 ("council asks in writing",), id="names-core-places-under-core-places"),
])
def test_residents_note_room_clearing(catalogue, sheet, present, absent):
    says(flat(note(open_book_doc(catalogue, sheet), "open-book.residents")), present, absent)


@pytest.mark.parametrize(("sheet", "present", "absent"), [
    pytest.param(OB_LIVING, (f"fit under reg. 7 of the {_REGS}",), ("of the 2014 Regulations",),
                 id="names-the-2014-regulations-for-personal-care"),
    pytest.param(OB_ADULT, (f"fit under reg. 7 of the {_REGS}",), ("of the 2014 Regulations",),
                 id="names-the-2014-regulations-for-a-care-home"),
    pytest.param(OB_CHARITY, (), ("reg. 7 of",), id="quiet-for-childrens-homes"),
])
def test_regulatory_note(catalogue, sheet, present, absent):
    says(flat(note(open_book_doc(catalogue, sheet), "open-book.regulatory")), present, absent)


@pytest.mark.parametrize(("edits", "present", "absent"), [
    pytest.param((), ("any Excess Profit has been refunded.",), ("paid or transferred",),
                 id="waits-for-the-refund-under-the-refund-position"),
    pytest.param((("  open_book_excess: refund\n", "  open_book_excess: split\n"),
                  ("open_book:\n", "open_book:\n  excess:\n    split_percentage: 50\n")),
                 ("any Excess Profit has been paid or transferred.",), (),
                 id="keeps-paid-or-transferred-where-excess-is-not-refunded"),
])
def test_tax_gift(catalogue, edits, present, absent):
    says(clause_text(open_book_doc(catalogue, OB_SUBSIDIARY, *edits), "open-book.tax", flat=True), present, absent)


@pytest.mark.parametrize(("sheet", "clause_id", "present", "absent"), [
    pytest.param(OB_SUBSIDIARY, "open-book.term",
                 ("already providing the services to the young people in the settings;",), ("people in the homes",),
                 id="term-uses-settings-and-young-people"),
    pytest.param(OB_LIVING, "open-book.term", ("already providing the services to the people in the homes;",), (),
                 id="term-keeps-people-in-the-homes-for-supported-living"),
    pytest.param(OB_SUBSIDIARY, "open-book.placements", ("Young people already living in the settings",),
                 ("Children already living",), id="placements-one-word-for-young-people"),
    pytest.param(OB_ADULT, "open-book.placements", ("People already living in the homes",), (),
                 id="placements-people-in-adult-care"),
    pytest.param(OB_SUBSIDIARY, "common.open-book-schedule-reconciliation",
                 ("suits a setting whose staffing follows the rota",), ("suits a home whose",),
                 id="occupancy-says-setting-in-supported-accommodation"),
    pytest.param(OB_ADULT, "common.open-book-schedule-reconciliation",
                 ("suits a home whose staffing follows the rota",), (), id="occupancy-says-home-in-a-care-home"),
])
def test_note_names_the_places_and_people(catalogue, sheet, clause_id, present, absent):
    says(flat(note(open_book_doc(catalogue, sheet), clause_id)), present, absent)


@pytest.mark.parametrize(("sheet", "clause_id", "present", "absent"), [
    pytest.param(OB_HOMECARE, "open-book.recitals",
                 ("Tillbrook is registered with the Care Quality Commission under the Health and Social Care Act 2008 "
                  "to provide personal care, and has agreed",), ("provider of publicly funded services",),
                 id="home-care-recital-says-cqc-registered-for-personal-care"),
    pytest.param(OB_CHARITY, "open-book.recitals",
                 ("registered with Ofsted under Part 2 of the Care Standards Act 2000",),
                 ("to provide personal care",), id="recital-quiet-on-personal-care-for-childrens-homes"),
    pytest.param(OB_SUBSIDIARY, "open-book.scope",
                 ("on each day that it is one of the Council's places under the numbers in Schedule 1 as clause",),
                 ("counts it as one of the Council's places, including",), id="scope-fees-follow-the-schedule-numbers"),
    pytest.param(OB_CHARITY, "open-book.scope", (), ("under the numbers in Schedule 1 as clause",),
                 id="scope-fees-quiet-for-whole-homes"),
])
def test_clause_wording_follows_the_services(catalogue, sheet, clause_id, present, absent):
    says(clause_text(open_book_doc(catalogue, sheet), clause_id, flat=True), present, absent)
