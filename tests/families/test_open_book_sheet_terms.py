"""The sheet's shorthand reads as the draft's terms (r28 ob-fresh finding 19): 'DPA 2018' and an undefined joint
funder short name in the data-sharing schedule, and 'tenant', 'support plan' and 'scheme' in the prices and the
Reinvestment Fund of a supported-living draft; the set-off sentence of the reinvestment clause ends plainly; the
Schedule 1 note flags tenancies described differently (finding 23)."""

from __future__ import annotations

from tests.families.clause_texts import all_text, clause_text, definition, flat, note
from tests.families.conftest import OB_CHARITY, OB_WEXCOMBE, open_book_doc, open_book_edited


def test_sheet_shorthand_reads_as_defined_terms(catalogue):
    doc = open_book_doc(catalogue, OB_WEXCOMBE)
    text = flat(all_text(doc))
    assert "DPA 2018" not in text
    # the joint-funding paragraph defines the short name, so the sheet's "the ICB" reads as that defined term
    assert 'NHS Wexcombe and Fordham Integrated Care Board (the "ICB")' in text
    assert "continuing health care reviews with the ICB" in text
    assert "Individual support for one Tenant, as set out in the Tenant's Support Plan" in text
    assert "tenant's support plan" not in text and "at a scheme" not in text
    assert "(c) taster sessions, travel and equipment for community activities chosen by Tenants" in definition(
        doc, "Reinvestment Fund")


def test_set_off_releases_the_sum_from_the_trust(catalogue):
    body = flat(clause_text(open_book_doc(catalogue, OB_WEXCOMBE), "common.open-book-excess"))
    assert ("The same sum then ceases to be held on trust, and Heronsgate may withdraw it from the Reinvestment "
            "Fund.") in body


def test_tenancies_described_differently_are_flagged(catalogue):
    n = flat(note(open_book_doc(catalogue, OB_WEXCOMBE), "open-book.schedule-services"))
    assert 'The tenancies are described differently (Thornton Mill Court: "assured tenancy (Housing Act 1988)"' in n
    assert "except social housing assured tenancies, for which the date is set separately" in n


def test_same_tenancies_and_care_homes_are_quiet(catalogue):
    same = open_book_edited(catalogue, OB_WEXCOMBE, lambda t: t.replace(
        "assured periodic tenancy (Housing Act 1988, as amended by the Renters' Rights Act 2025)",
        "assured tenancy (Housing Act 1988)"))
    assert "described differently" not in flat(note(same, "open-book.schedule-services"))
    assert "described differently" not in flat(note(open_book_doc(catalogue, OB_CHARITY), "open-book.schedule-services"))
