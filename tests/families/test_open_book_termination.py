"""Open-book termination and exit: ending for a home or for some Core Places, section 78 and its gloss, break costs, the
provider's right to end for non-payment, and care continued after the end."""

from __future__ import annotations

from decimal import Decimal

from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, document_text, flat, note
from tests.families.conftest import (
    OB_ALDERBECK, OB_CHARITY, open_book_doc, open_book_document, open_book_result, open_book_with,
)


def test_ending_for_a_home_is_not_a_removal_under_the_voids_clause(catalogue):
    """Finding 10: the last paragraph of the removed-units clause cites the clause 7 removals, not itself."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "are not Core Places removed or reduced under clause 5.8" not in text
    assert "are not Core Places removed or reduced under clause 7. From" in text


def test_home_ending_under_section_78_states_the_uncapped_factor_with_the_figures(catalogue):
    """ob-sample 15: an ending under section 78 for a reason other than the Trust's exclusion (an award the Council
    considers unlawful) is not limited; the note gives the factor on the budget for each home (The Willows 1.0759)
    and asks for instructions. Quiet: one home (Alderbeck) has no such sentence."""
    cr = read_termsheet(OB_CHARITY, catalogue).model.open_book.core_rebase
    assert [(x["home"], x["factor"]) for x in cr["home_ends"]] == [
        ("Rowan House", Decimal("1.0507")), ("St Brigid's House", Decimal("1.0507")),
        ("The Willows", Decimal("1.0759")), ("Harbour View", Decimal("0.9967"))]
    n = flat(note(open_book_doc(catalogue, OB_CHARITY), "open-book.pricing"))
    assert "considers the award was made in material breach of the Procurement Act 2023: section 78(2)(a)" in n
    assert "1.0759 if the agreement ends for The Willows and 0.9967 if the agreement ends for Harbour View" in n
    assert read_termsheet(OB_ALDERBECK, catalogue).model.open_book.core_rebase["home_ends"] == []
    assert "under section 78 for a reason other than" not in flat(note(open_book_doc(catalogue, OB_ALDERBECK), "open-book.pricing"))


def test_break_costs_exception_names_the_minimum_notice_and_core_places_pay_part_weeks(catalogue):
    """Finding 10: the break-costs exception sits in the notice under 7.7(b) it is about, not in 29.2 misdescribing it. Finding 12:
    the Core Places are paid at one seventh of the weekly Price a day for part of a week (the term runs Thursday to
    Monday). Quiet: a sheet paying nightly Prices (short breaks) has no part-week sentence."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    assert "where clause 7 requires the Council" not in clause_text(d, "open-book.termination", flat=True)
    assert ("give notice to end this Agreement for that home under clause 29.1, in which case the Council goes on "
            "paying for the empty place under clause 7.1 until the ending takes effect, and nothing is payable under "
            "clause 29.2") in clause_text(d, "open-book.voids", flat=True)
    assert ("whether or not it is used for a Placement. For part of a week, the Council pays for each night of the "
            "Service Term in that week under clause 5.1.") in clause_text(d, "open-book.voids", flat=True)
    nightly = open_book_document(catalogue, (ROOT / "samples" / "open-book" / "short-breaks-charity.yaml").read_text(encoding="utf-8"))
    assert all("one seventh of the weekly" not in clause_text(nightly, c.id, flat=True)
               for c in nightly.all_clauses() if c.id == "open-book.voids")


def test_the_termination_note_glosses_section_78_subsections_correctly(catalogue):
    """r25 ob-sample finding 14: s.78(3)-(6) limit the subcontractor ground; s.78(7) applies to grounds (2)(b) and (c)."""
    text = " ".join(note(open_book_doc(catalogue, OB_CHARITY), "open-book.termination").split())
    assert "subsections (3) to (6) limit the subcontractor ground, and s.78(7) requires notice" in text
    assert "(s.78(2)(b) or (c))" in text


def test_provider_may_end_for_non_payment_with_break_compensation(homecare_doc):
    text = clause_text(homecare_doc, "open-book.termination", flat=True)
    assert ("Tillbrook may end this Agreement by notice if undisputed sums due from the Council under this Agreement "
            "of more than [£250,000] in total remain unpaid 60 days after Tillbrook has given the Council notice of the "
            "non-payment. If it does, clause") in text
    assert "Late Payment of Commercial Debts (Interest) Act 1998." in text


def test_no_provider_non_payment_right_outside_home_care(catalogue):
    from tests.conftest import ROOT
    d = document_of(catalogue, (ROOT / "samples/open-book/supported-living-company.yaml").read_text())
    assert "undisputed sums due from" not in clause_text(d, "open-book.termination", flat=True)


def test_continued_care_keeps_the_service_clauses_and_pays_hours_delivered(homecare_doc):
    text = clause_text(homecare_doc, "open-book.termination", flat=True)
    assert "While Tillbrook continues to support a Service User after this Agreement ends, clause 3, clause 4" in text
    assert ("The Council then pays the Prices only for the hours of Planned Care delivered, and nothing is payable for "
            "the Guaranteed Hours.") in text


def test_finding1_partial_ending_pays_continued_placements_and_rebases_after_the_last(catalogue):
    """ob-sample 1: clause 29.9 no longer stops all Prices for a home while clause 29.8(a) keeps its children there;
    the Prices for each continued Placement stay payable and the re-basing waits for the last of them to end."""
    t = flat(clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "open-book.termination"))
    assert "and no Prices are payable for them, and the Prices are re-based from that date" not in t
    assert ("no Prices are payable for places at that home, except the Prices for each Placement continued under "
            "clause 29.8(a), which are payable until that Placement ends") in t
    assert "as if this Agreement were ending on that date, except its requirement for a final Reconciliation" in t
    assert "on the day after the last Placement continued there under clause 29.8(a) ends" in t


def test_finding1_quiet_for_supported_living_and_home_care(catalogue):
    """Quiet: supported living and home care keep their own partial-ending wording."""
    for name in ("supported-living-company", "home-care-zones"):
        t = flat(clause_text(open_book_doc(catalogue, name), "open-book.termination"))
        assert "except the Prices for each Placement continued" not in t
