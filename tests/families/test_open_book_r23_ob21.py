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


def test_schedule_gives_the_weekly_price_at_each_number_of_core_places(catalogue):
    """ob-sample 8: Schedule 3 Part 5 gives the weekly Price (before any limit) at each number of Core Places down to
    the minimum, the sample's 11, 10, 9 and 8, and how to use it; 5.8 for one home is short sentences with the
    fallback stated plainly (Alderbeck: nil). Quiet: a sheet that loses at most two places has no ladder."""
    sched = clause_text(open_book_doc(catalogue, OB_CHARITY), "common.open-book-schedule-reconciliation", flat=True)
    assert ("Core Places Weekly Price Factor on the original Price 11 (at the start) £4,950.00 1.0000 10 £5,257.89 "
            "1.0622 9 £5,607.54 1.1328 8 £6,007.36 1.2136") in sched
    assert ("so a review does not change these factors. A part applied under clause 5.10 does not increase the budget, "
            "because the current Prices by which the factor divides already include it. Until this Agreement ends for a "
            "home") in sched
    assert "and no earlier factor has been limited, the weekly Price after a change" in sched
    d = open_book_doc(catalogue, OB_ALDERBECK)
    assert "18 £1,085.19 0.9978" in clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert ("52 weeks a year less the weeks a year the Council still expects to buy that place as a Placement paid "
            "while used. Those weeks are the number Alderbeck and the Council agree within 20 Business Days after the "
            "notice is given. Until they agree, or the number is decided under clause 13.7, it is nil.") in body
    assert "failing agreement within 20 Business Days, none" not in body
    text = OB_CHARITY.read_text(encoding="utf-8").replace("  minimum_core_places: 2\n", "  minimum_core_places: 11\n")
    quiet = document_of(catalogue, text)
    assert "Factor on the original Price" not in clause_text(quiet, "common.open-book-schedule-reconciliation", flat=True)


def test_expert_determination_covers_warranty_reductions_and_change_in_law_adjustments(catalogue):
    """ob-fresh 8: 13.7 sends to the Independent Accountant the figures of a 5.2 reduction and a change-in-law
    adjustment (29.1, 6.2), not only the reconciliation, the factors and the units. (The sample's escalation-expert
    route sends every figure dispute to an expert under the disputes clause instead.)"""
    for path in (OB_ALDERBECK,):
        body = clause_text(open_book_doc(catalogue, path), "common.open-book-profit-cap", flat=True)
        assert ("a number of units under clause 5.8, a reduction of the Prices under clause 5.2, or an adjustment for "
                "a change in law under clause") in body
        assert "or clause 6.2, that they have not resolved" in body


def test_core_place_resident_keeps_their_home_during_a_long_hospital_stay(catalogue):
    """ob-fresh 6: the six-week hospital limit does not release one of the Core Places (the Council pays for it
    anyway), so a resident with dementia does not lose their home by default. Quiet: the sample (no hospital limit,
    a user-choice award) keeps its wording."""
    body = clause_text(open_book_doc(catalogue, OB_ALDERBECK), "open-book.pricing", flat=True)
    assert ("The six-week limit does not apply to one of the Core Places, which is released only [14] days after that "
            "notice. When a place is released, the Placement ends;") in body
    assert "the six-week limit does not apply to one of the Core Places" in flat(note(open_book_doc(catalogue, OB_ALDERBECK),
                                                                                       "open-book.pricing"))
    sample = clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.pricing", flat=True)
    assert "limit does not apply to one of the Core Places" not in sample
    assert "The place is then released [14] days after the notice: for a place that is not one of the Core Places" in sample


def test_core_places_definition_follows_reductions(catalogue):
    """ob-fresh 4: 'Core Places' is not fixed at twenty-four: it is the places block-booked, twenty-four at the start,
    as reduced under 7.5. Quiet: the sample's tied Core Places keep their own definition."""
    from tests.families.clause_texts import document_text
    from assembler.assemble import assemble
    from tests.conftest import DRAFT_DATE
    text = flat(document_text(assemble(read_termsheet(OB_ALDERBECK, catalogue), catalogue, today=DRAFT_DATE)))
    assert ("Core Places means the places in the Home that the Council block-books under clause 7, being twenty-four "
            "on 1 April 2027, as reduced from time to time under clause 7.5") in text
    sample = flat(document_text(assemble(read_termsheet(OB_CHARITY, catalogue), catalogue, today=DRAFT_DATE)))
    assert "Core Places means the places identified as Core Places under clause 7.8" in sample


def test_hourly_price_below_the_agency_cap_is_flagged(catalogue):
    """ob-fresh 9: the Support Price (£23.90) is below the £24.60 agency cap in Part 3, so the note says so. Quiet: the
    sample's £32.50 hourly price has no agency cap to compare with."""
    assert [(u.price, cap) for u, cap in read_termsheet(OB_ALDERBECK, catalogue).model.open_book.agency_cap_over_hourly] \
        == [(Decimal("23.90"), Decimal("24.60"))]
    assert "(£23.90 an hour) is below the agency rate Part 3 allows (£24.60 an hour for a care assistant)" in flat(
        note(open_book_doc(catalogue, OB_ALDERBECK), "common.open-book-schedule-costs"))
    assert read_termsheet(OB_CHARITY, catalogue).model.open_book.agency_cap_over_hourly == []


def test_continuing_healthcare_suspends_the_core_place_payment(catalogue):
    """ob-fresh 7: 9.5 reaches the Core Place payment under 7.1 (paid whether or not used), suspending it as if the
    Council had agreed to another purchaser's use, so 9.5 and 7.1 no longer conflict."""
    from tests.families.clause_texts import document_text
    from assembler.assemble import assemble
    from tests.conftest import DRAFT_DATE
    text = flat(document_text(assemble(read_termsheet(OB_ALDERBECK, catalogue), catalogue, today=DRAFT_DATE)))
    assert ("the place is treated as used by another purchaser: where it is one of the Core Places, the Council's "
            "payment for it under clause 7.1 is suspended as if the Council had agreed in writing to that use under "
            "clause 7.") in text
