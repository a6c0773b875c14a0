"""A public body funding a share of some supported-living tenants' support jointly with the commissioner
(services.joint_funder): r28 ob-fresh finding 1 (the ICB's half of three joint packages, paid through the Council
under a section 75 agreement, was nowhere in the draft)."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, flat, note
from assembler.termsheet.validate import read_termsheet
from tests.families.conftest import (
    OB_GREYSTONE, OB_LIVING, OB_WEXCOMBE, open_book_doc, open_book_document,
)


def test_joint_funder_paid_through_the_commissioner(catalogue):
    d = open_book_doc(catalogue, OB_WEXCOMBE)
    body = clause_text(d, "open-book.support", flat=True)
    assert ('dated 28 March 2025, NHS Wexcombe and Fordham Integrated Care Board (the "ICB") funds 50% of the Prices '
            "for the Individual Support of the three tenants") in body
    assert "The Council pays those Prices to Heronsgate in full and recovers that share from the ICB." in body
    assert "The ICB is not a party to this Agreement and owes Heronsgate nothing under it." in body
    assert "Its payments to the Council are not Service Income and are not a payment within clause " in body
    assert "Heronsgate must take part in the reviews of those Tenants' care and support that the Council and the ICB" in body
    n = flat(note(d, "open-book.support"))
    assert "the Council must account to the ICB for its 50% share of that part under that agreement" in n
    assert "rather than into the Reinvestment Fund" in n and "Reinvestment Plans that benefit those tenants" in n


def test_joint_funder_paying_the_provider_directly(catalogue):
    text = OB_WEXCOMBE.read_text().replace("    pays: commissioner\n", "    pays: direct\n")
    d = open_book_document(catalogue, text)
    body = clause_text(d, "open-book.support", flat=True)
    assert "The ICB pays that share to Heronsgate directly, and the Council pays the rest." in body
    assert "Its payments of that share are Service Income." in body and "owes Heronsgate nothing" not in body
    scope = clause_text(d, "open-book.scope", flat=True)
    # the scope clause points at the supported-living joint-funding paragraph, not the care-home one
    assert "nor is a payment by NHS Wexcombe and Fordham Integrated Care Board of its share of the Prices under clause" in scope
    assert "Take instructions on the bracketed sentence" in flat(note(d, "open-book.support"))


def test_joint_funder_without_short_name_or_arrangement(catalogue):
    text = (OB_WEXCOMBE.read_text().replace("    short_name: ICB\n", "", 1)
            .replace("    arrangement: >-\n      the joint funding agreement for adults with complex needs made under section 75 of the National\n"
                     "      Health Service Act 2006, dated 28 March 2025\n", ""))
    d = open_book_document(catalogue, text)
    body = clause_text(d, "open-book.support", flat=True)
    assert "Under [its arrangement with the Council], NHS Wexcombe and Fordham Integrated Care Board funds 50%" in body
    assert "recovers that share from NHS Wexcombe and Fordham Integrated Care Board." in body
    assert "under their arrangement" in flat(note(d, "open-book.support"))


def test_no_joint_funder_no_joint_funding_text(catalogue):
    d = open_book_document(catalogue, OB_LIVING.read_text())
    body = clause_text(d, "open-book.support", flat=True)
    assert "is not a party to this Agreement" not in body and "Joint funding" not in note(d, "open-book.support")


def test_joint_funder_in_home_care_reads_in_home_care_words(catalogue):
    """Every shape: a home care sheet whose ICB pays its share directly gets the same paragraph in its own words."""
    text = (ROOT / "samples" / "open-book" / "home-care-zones.yaml").read_text()
    i = text.index("\n  procurement_route")
    text = (text[:i] + "\n  joint_funder:\n    name: NHS Example Integrated Care Board\n    short_name: ICB\n"
            "    share_percent: 40\n    pays: direct" + text[i:])
    d = open_book_document(catalogue, text)
    body = clause_text(d, "open-book.support", flat=True)
    assert ('Under [its arrangement with the Council], NHS Example Integrated Care Board (the "ICB") funds 40% of the '
            "Prices for the Planned Care of the Service Users whose care and support it funds jointly with the Council.") in body
    assert "take part in the reviews of those Service Users' care and support" in body
    assert "under clause" in clause_text(d, "open-book.scope", flat=True)


def test_section_117_residents_are_not_charged_and_the_joint_funder_share_is_recovered(catalogue):
    """ob-fresh 3: after-care under s.117 is free (Stennett), so 9.1 charges only Care Act care, 9.5 (CHC) does not
    reach after-care needs, and the new joint_funder field says how the ICB's half reaches the Provider: here the
    Council pays the whole Price and recovers the share, the ICB not being a party."""
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.residents", flat=True)
    assert ("No contribution is charged towards a Placement, or any part of it, that meets a Placed Person's needs for "
            "after-care services under section 117 of the Mental Health Act 1983, whichever of the Council and the ICB "
            "funds it.") in body
    assert "This clause does not apply to needs that after-care services under section 117" in body
    assert ('(the "ICB") funds 50% of the Prices for the Placements of residents receiving after-care services' in body
            and "The Council pays those Prices in full to the Provider and recovers that share from the ICB" in body
            and "The ICB is not a party to this Agreement." in body)
    assert "Stennett [2002] UKHL 34" in flat(note(d, "open-book.residents"))
    assert "nor is a payment by" not in clause_text(d, "open-book.scope", flat=True)


def test_joint_funder_paying_directly_is_service_income(catalogue):
    """ob-fresh 3 (the other arrangement): the ICB pays its share to the Provider; 11.3 counts it as Service Income."""
    text = OB_GREYSTONE.read_text().replace("    share_percent: 50\n", "    share_percent: 50\n    pays: direct\n")
    d = open_book_document(catalogue, text)
    body = clause_text(d, "open-book.residents", flat=True)
    assert "except the share the ICB pays under clause 9.7" in body and "The ICB pays that share to the Provider" in body
    assert ("nor is a payment by NHS Stannerley and Wolde Valley Integrated Care Board of its share of the Prices "
            "under clause 9.7, which is Service Income") in clause_text(d, "open-book.scope", flat=True)


def test_no_section_117_no_after_care_text(catalogue):
    """Quiet: a care-home sheet without after-care keeps the Care Act charging sentence and no joint-funding clause."""
    sheet = read_termsheet(ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml", catalogue)
    assert not sheet.model.services.section_117 and sheet.model.services.joint_funder is None
    body = clause_text(open_book_doc(catalogue, ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"),
                       "open-book.residents", flat=True)
    assert "section 117" not in body and "under sections 14 and 17 of the Care Act 2014" in body


def test_supported_living_share_set_per_tenant_and_chc_through_the_commissioner(catalogue):
    """r31 (lane I1 item 2): the joint funder's per-placement share and full CHC through the commissioner read in the
    supported-living clause too, not only in the care-home residents clause."""
    text = OB_WEXCOMBE.read_text().replace("    share_percent: 50\n", "    share_percent: 50\n    share_basis: per_placement\n"
                                           "    full_chc: through_commissioner\n")
    d = open_book_document(catalogue, text)
    body = clause_text(d, "open-book.support", flat=True)
    assert "funds a share of the Prices for the Individual Support of the three tenants" in body
    assert "the share the joint funding decision for that Tenant sets from time to time" in body
    assert "funds 50% of the Prices" not in body
    assert ("becomes eligible for NHS Continuing Healthcare, the Council continues to pay the Prices for their "
            "Individual Support in full and recovers them from the ICB") in body
    n = flat(note(d, "open-book.support"))
    assert "as the current average, which the clause does not state as anyone's share" in n
    assert "account to the ICB for its share of that part" in n


def test_supported_living_fixed_share_unchanged(catalogue):
    """Quiet: the defaults keep the fixed 50% and say nothing of Continuing Healthcare payment."""
    body = clause_text(open_book_doc(catalogue, OB_WEXCOMBE), "open-book.support", flat=True)
    assert "funds 50% of the Prices" in body
    assert "continues to pay the Prices for their Individual Support in full" not in body
