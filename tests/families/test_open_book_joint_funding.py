"""A public body funding a share of some supported-living tenants' support jointly with the commissioner
(services.joint_funder): r28 ob-fresh finding 1 (the ICB's half of three joint packages, paid through the Council
under a section 75 agreement, was nowhere in the draft)."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

WEXCOMBE = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"
LIVING = ROOT / "samples" / "open-book" / "supported-living-company.yaml"


def _doc(catalogue, text=None):
    return document_of(catalogue, text if text is not None else WEXCOMBE.read_text())


def test_joint_funder_paid_through_the_commissioner(catalogue):
    d = _doc(catalogue)
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
    text = WEXCOMBE.read_text().replace("    pays: commissioner\n", "    pays: direct\n")
    d = _doc(catalogue, text)
    body = clause_text(d, "open-book.support", flat=True)
    assert "The ICB pays that share to Heronsgate directly, and the Council pays the rest." in body
    assert "Its payments of that share are Service Income." in body and "owes Heronsgate nothing" not in body
    scope = clause_text(d, "open-book.scope", flat=True)
    # the scope clause points at the supported-living joint-funding paragraph, not the care-home one
    assert "nor is a payment by NHS Wexcombe and Fordham Integrated Care Board of its share of the Prices under clause" in scope
    assert "Take instructions on the bracketed sentence" in flat(note(d, "open-book.support"))


def test_joint_funder_without_short_name_or_arrangement(catalogue):
    text = (WEXCOMBE.read_text().replace("    short_name: ICB\n", "", 1)
            .replace("    arrangement: >-\n      the joint funding agreement for adults with complex needs made under section 75 of the National\n"
                     "      Health Service Act 2006, dated 28 March 2025\n", ""))
    d = _doc(catalogue, text)
    body = clause_text(d, "open-book.support", flat=True)
    assert "Under [its arrangement with the Council], NHS Wexcombe and Fordham Integrated Care Board funds 50%" in body
    assert "recovers that share from NHS Wexcombe and Fordham Integrated Care Board." in body
    assert "under their arrangement" in flat(note(d, "open-book.support"))


def test_no_joint_funder_no_joint_funding_text(catalogue):
    d = _doc(catalogue, LIVING.read_text())
    body = clause_text(d, "open-book.support", flat=True)
    assert "is not a party to this Agreement" not in body and "Joint funding" not in note(d, "open-book.support")


def test_joint_funder_in_home_care_reads_in_home_care_words(catalogue):
    """Every shape: a home care sheet whose ICB pays its share directly gets the same paragraph in its own words."""
    text = (ROOT / "samples" / "open-book" / "home-care-zones.yaml").read_text()
    i = text.index("\n  procurement_route")
    text = (text[:i] + "\n  joint_funder:\n    name: NHS Example Integrated Care Board\n    short_name: ICB\n"
            "    share_percent: 40\n    pays: direct" + text[i:])
    d = _doc(catalogue, text)
    body = clause_text(d, "open-book.support", flat=True)
    assert ('Under [its arrangement with the Council], NHS Example Integrated Care Board (the "ICB") funds 40% of the '
            "Prices for the Planned Care of the Service Users whose care and support it funds jointly with the Council.") in body
    assert "take part in the reviews of those Service Users' care and support" in body
    assert "under clause" in clause_text(d, "open-book.scope", flat=True)
