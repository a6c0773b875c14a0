"""r24 open-book review (Greystone, two care homes, places-available apportionment, a Support Price not re-based):
the findings the ob24 lane fixed."""

from __future__ import annotations

from decimal import Decimal

from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_ALDERBECK, OB_GREYSTONE, open_book_doc, open_book_document


def test_section_117_residents_are_not_charged_and_the_joint_funder_share_is_recovered(catalogue):
    """ob-fresh 3: after-care under s.117 is free (Stennett), so 9.1 charges only Care Act care, 9.5 (CHC) does not
    reach after-care needs, and the new joint_funder field says how the ICB's half reaches the Provider: here the
    Council pays the whole Price and recovers the share, the ICB not being a party."""
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.residents", flat=True)
    assert "No contribution is charged for after-care services under section 117 of the Mental Health Act 1983." in body
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
    assert "except the share the ICB pays under clause 9.6" in body and "The ICB pays that share to the Provider" in body
    assert ("nor is a payment by NHS Stannerley and Wolde Valley Integrated Care Board of its share of the Prices "
            "under clause 9.6, which is Service Income") in clause_text(d, "open-book.scope", flat=True)


def test_no_section_117_no_after_care_text(catalogue):
    """Quiet: a care-home sheet without after-care keeps the Care Act charging sentence and no joint-funding clause."""
    sheet = read_termsheet(ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml", catalogue)
    assert not sheet.model.services.section_117 and sheet.model.services.joint_funder is None
    body = clause_text(open_book_doc(catalogue, ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"),
                       "open-book.residents", flat=True)
    assert "section 117" not in body and "under sections 14 and 17 of the Care Act 2014" in body


def read_termsheet_text(catalogue, text):
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "sheet.yaml"
        p.write_text(text)
        return read_termsheet(p, catalogue)


def test_adult_care_home_has_a_registered_manager_and_staffing_clause(catalogue):
    """ob-fresh 8: the clause 1 note's assumption (b) (3 months to apply to register a new manager) now has a
    clause: a CQC-registered manager for each home, notice and an acting manager; and a staffing duty."""
    body = clause_text(open_book_doc(catalogue, OB_GREYSTONE), "open-book.regulatory", flat=True)
    assert "has a manager registered with the Care Quality Commission for it" in body
    assert "apply to register a new manager within [3] months" in body
    assert "suitably qualified, competent and experienced staff" in body


def test_supported_living_has_no_care_home_manager_clause(catalogue):
    """Quiet: supported living is registered at a branch; the care-home manager paragraph does not appear."""
    path = ROOT / "samples" / "open-book" / "supported-living-company.yaml"
    body = clause_text(open_book_doc(catalogue, path), "open-book.regulatory", flat=True)
    assert "has a manager registered with the Care Quality Commission for it" not in body


def test_minimum_core_places_reading_is_stated_with_the_other_reading(catalogue):
    """ob-fresh 5, as changed by r26 ob-fresh 1: without minimum_core_basis the minimum is a total across the homes
    (the note says how many places may go); minimum_core_basis: each_home keeps the per-home reading and its note."""
    n = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.voids"))
    assert "The instructed minimum is a total across the two homes" in n
    assert "The instructed minimum applies at each home" not in n
    assert "If the Council meant three at each home (six in all), the clause must say so." in n
    text = OB_GREYSTONE.read_text(encoding="utf-8")
    assert "  minimum_core_places: 3\n" in text
    each = document_of(catalogue, text.replace("  minimum_core_places: 3\n",
                                               "  minimum_core_places: 3\n  minimum_core_basis: each_home\n", 1))
    n = flat(note(each, "open-book.voids"))
    assert "The instructed minimum applies at each home (six in all across the two homes)." in n
    assert "If the Council meant three in total, change the voids clause: it could then go down to three Core Places in all." in n


def test_leases_ending_on_one_date_after_the_term_are_stated_once(catalogue):
    """ob-fresh 10: two leases ending on the same date after the latest end of the term are stated once, and the
    note does not ask about extending only after a renewal that cannot arise."""
    n = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.term"))
    assert "leases of Ashby Fold and Kilnhurst House both end on 31 March 2036, after the Service Term could end" in n
    assert "lease of Ashby Fold ends on" not in n and "only once the lease has been renewed" not in n
