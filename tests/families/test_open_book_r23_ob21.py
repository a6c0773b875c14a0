"""r23 open-book reviews (Alderbeck, places-available apportionment; Meadowbank sample): the re-basing mechanism
findings the ob21 lane fixed."""

from __future__ import annotations

from decimal import Decimal

from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_ALDERBECK, OB_CHARITY, open_book_doc


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


def test_expert_determination_covers_warranty_reductions_and_change_in_law_adjustments(catalogue):
    """ob-fresh 8: 13.7 sends to the Independent Accountant the figures of a 5.2 reduction and a change-in-law
    adjustment (29.1, 6.2), not only the reconciliation, the factors and the units. (The sample's escalation-expert
    route sends every figure dispute to an expert under the disputes clause instead.)"""
    for path in (OB_ALDERBECK,):
        body = clause_text(open_book_doc(catalogue, path), "common.open-book-profit-cap", flat=True)
        assert ("a number of units under clause 5.8, a reduction of the Prices under clause 5.2, or an adjustment for "
                "a change in law under clause") in body
        assert "or clause 6.2, that they have not resolved" in body


def test_hourly_price_below_the_agency_cap_is_flagged(catalogue):
    """ob-fresh 9: the Support Price (£23.90) is below the £24.60 agency cap in Part 3, so the note says so. Quiet: the
    sample's £32.50 hourly price has no agency cap to compare with."""
    assert [(u.price, cap) for u, cap in read_termsheet(OB_ALDERBECK, catalogue).model.open_book.agency_cap_over_hourly] \
        == [(Decimal("23.90"), Decimal("24.60"))]
    assert "(£23.90 an hour) is below the agency rate Part 3 allows (£24.60 an hour for a care assistant)" in flat(
        note(open_book_doc(catalogue, OB_ALDERBECK), "common.open-book-schedule-costs"))
    assert read_termsheet(OB_CHARITY, catalogue).model.open_book.agency_cap_over_hourly == []
