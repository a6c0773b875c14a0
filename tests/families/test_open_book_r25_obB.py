"""r25 open-book review of the Meadowbank children's homes sample (ob-sample.report.md) and ob-fresh finding 9:
the findings the obB lane fixed, tested with the sheets' own numbers."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_ADULT, OB_BRAMBLECOMBE, OB_CHARITY, open_book_doc


def test_existing_placements_move_into_core_places_of_their_type(catalogue):
    """ob-fresh 9: the fourteen residents moving across fill Core Places of the type shown in the list; anyone for
    whom no Core Place of that type is free takes a place under clause 7.4 (paid only while used). Quiet: a
    void-payment sheet has no Core Places, and the user-choice sample ties Core Places to Existing Placements."""
    body = clause_text(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.placements", flat=True)
    assert ("Each of them occupies one of the Core Places of the type shown for them in the list. Any of them for whom "
            "no Core Place of that type is free occupies a place under clause 7.4.") in body
    for quiet in (OB_ADULT, OB_CHARITY):
        assert "Each of them occupies one of the Core Places" not in clause_text(
            open_book_doc(catalogue, quiet), "open-book.placements", flat=True)


def test_pricing_note_gives_the_price_that_recovers_the_budget_from_the_core_places(catalogue):
    """ob-sample 3: the note states the shortfall of the guaranteed income and the weekly Price at which the Core
    Places alone recover the budget ((£2,955,000 + £147,750 - £39,000) / 572 = £5,356.21), and asks for instructions
    on that, the limits and losses. Quiet: the r25 nursing block's floor is split between two Prices."""
    n = flat(note(open_book_doc(catalogue, OB_CHARITY), "open-book.pricing"))
    # the shortfall itself is worked out once, in the losses note (r25 ob-sample 13); this note refers to it
    assert "The note on losses gives what the Core Places alone bring in against the budget." in n
    assert ("A weekly Price of £5,356.21 would recover the budgeted Allowable Costs and "
            "Reasonable Profit from the Core Places alone (£3,063,750, after the £39,000 the Prices that are not "
            "re-based bring in, over 572 weeks)") in n
    assert "Take instructions on pricing the Core Places to cover the budget" in n
    assert "would recover the budgeted Allowable Costs and Reasonable Profit from the Core Places alone" not in flat(
        note(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.pricing"))


def test_minimum_core_places_trigger_reads_from_the_placement_ending(catalogue):
    """ob-sample 9: 7.7 applies where an Existing Placement ends at a home at the minimum, and displaces 7.6."""
    voids = clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.voids", flat=True)
    assert ("Where a Placement in one of the Core Places ends at a home that then has no more than two Core "
            "Places, clause 7.6 does not apply to that place and the Council must, within [20] Business Days after that "
            "Placement ends, either:") in voids


def test_social_value_duties_only_where_the_sheet_gives_commitments(catalogue):
    """ob-sample 11: a sheet with no social value commitments gets no duty to deliver 'any' (the note says so); a
    sheet that lists them gets a duty to deliver and report on each."""
    quiet = open_book_doc(catalogue, OB_CHARITY)
    assert "social value" not in clause_text(quiet, "open-book.compliance-with-law", flat=True)
    assert "The agreement records no social value commitments" in flat(note(quiet, "open-book.compliance-with-law"))
    text = OB_CHARITY.read_text(encoding="utf-8")
    assert "\n  kpis:\n" in text
    sheet = text.replace("\n  kpis:\n", "\n  social_value:\n    - Two apprenticeships a year for care leavers\n"
                                         "    - At least 60% of new care staff recruited from Northmoor postcodes.\n  kpis:\n", 1)
    body = clause_text(document_of(catalogue, sheet), "open-book.compliance-with-law", flat=True)
    assert ("The Trust must deliver the following social value commitments: two apprenticeships a year for care "
            "leavers; at least 60% of new care staff recruited from Northmoor postcodes.") in flat(body)
    assert "The Trust must report on its delivery of those commitments when the Council reasonably asks it to." in body


def test_a_specification_dated_after_the_notice_is_the_agreed_form_initialled_at_signing(catalogue):
    """ob-sample 16: the sample's specification is dated 14 January 2027, after the 16 November 2026 notice, so the
    schedule takes the agreed form initialled on or before signing and the note asks for the date once. Quiet: a
    sheet whose specification predates the notice keeps 'have initialled'."""
    d = open_book_doc(catalogue, OB_CHARITY)
    sched = clause_text(d, "open-book.schedule-services", flat=True)
    assert ("version 2, dated 14 January 2027, in the agreed form initialled by the Parties on or before the date of this "
            "Agreement, which forms part of this Agreement") in sched
    assert "confirm the date with the Council. The schedule requires the version the Parties initial" in flat(
        note(d, "open-book.schedule-services"))
    text = OB_CHARITY.read_text(encoding="utf-8")
    assert "dated 14 January 2027" in text
    early = document_of(catalogue, text.replace("dated 14 January 2027", "dated 14 October 2026"))
    assert "which the Parties have initialled for identification" in clause_text(early, "open-book.schedule-services", flat=True)


def test_direct_agreement_for_homes_of_unknown_tenure_only_where_some_tenure_is_known(catalogue):
    """ob-sample 17: the sample's clause covers The Willows and Harbour View unless the Trust owns them (tested in
    test_open_book.py); quiet: a sheet that gives no home's tenure has no premises direct agreement to extend."""
    body = clause_text(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.termination", flat=True)
    assert "must also procure a direct agreement in the same terms" not in body
