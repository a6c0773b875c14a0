"""Open-book Core Places: what the commissioner guarantees when the Core Places alone do not cover the budget."""

from __future__ import annotations

import re


from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import all_text, clause_text, document_of, document_text, flat, note
from assembler.termsheet.validate import read_termsheet
from assembler.assemble import assemble
from tests.families.conftest import (
    OB_ADULT, OB_ALDERBECK, OB_BRAMBLECOMBE, OB_CALDMOOR, OB_CHARITY, OB_CHEVIOT, OB_GREYSTONE,
    OB_NIGHTLY, open_book_doc, open_book_document, open_book_note_of, open_book_notes,
    open_book_result, open_book_with,
)


def _doc(catalogue, floor=None):
    text = OB_CHARITY.read_text()
    if floor is not None:
        text = text.replace("  minimum_core_places: 2\n", f"  minimum_core_places: 2\n  core_income_floor: {floor}\n")
    return document_of(catalogue, text)


def test_top_up_is_bracketed_with_the_figures_until_instructed(catalogue):
    """r27 ob-sample 1: the eleven Core Places bring in £2,831,400 against £3,063,750 of budgeted Allowable Costs and
    Reasonable Profit less the Support Price's income; the draft offers the make-up payment in brackets and the note gives
    the figures and the other option (a Core Place Price of £5,356.21)."""
    doc = _doc(catalogue)
    text = flat(clause_text(doc, "open-book.voids"))
    assert "[For each Reconciliation Period, the Council must pay the Trust the amount, if any, by which the income " \
           "from the weekly Prices for that period falls short of the lower of:" in text
    assert "before its last step, as if a change took effect on the first day of that period" in text
    assert "[The Trust must invoice that amount when the Reconciliation Statement for that period is agreed.]" in text
    n = flat(note(doc, "open-book.voids"))
    assert "The draft offers, in brackets, a make-up payment" in n
    assert "(£3,063,750 a year on the budget, re-based as the Prices are)" in n
    assert "only the Core Places are filled, it pays £232,350" in n
    assert "price the Core Places to cover the budget (£5,356.21 a week" in n


def test_top_up_instructed_reads_without_brackets(catalogue):
    doc = _doc(catalogue, "true")
    text = flat(clause_text(doc, "open-book.voids"))
    assert "For each Reconciliation Period, the Council must pay the Trust the amount" in text
    assert "[For each Reconciliation Period" not in text and "[The Trust must invoice" not in text
    n = flat(note(doc, "open-book.voids"))
    assert "As instructed, there is a make-up payment" in n and "Take instructions: keep the make-up payment" not in n


def test_top_up_declined_is_left_out(catalogue):
    doc = _doc(catalogue, "false")
    assert "must invoice that amount when the Reconciliation Statement" not in clause_text(doc, "open-book.voids", flat=True)
    assert "make-up payment" not in note(doc, "open-book.voids")


def test_rebasing_deducts_savings_made_or_reasonably_available_as_agreed_or_decided(catalogue):
    """r27 ob-sample 4: the re-basing counted only the savings the provider 'shows', a figure it controls and has an
    interest in keeping low; it now deducts the costs saved, to be saved or reasonably available, agreed or decided."""
    text = flat(clause_text(_doc(catalogue), "open-book.pricing"))
    assert "deduct the costs the Trust has saved, will save once any notice to staff has run, or could reasonably " \
           "save, because of this or an earlier reduction in the Core Places, or because this Agreement has ended " \
           "for any of the Homes" in text
    assert ", valued at the costs current when this " \
           "change takes effect, as the Parties agree or, failing agreement within 20 Business Days after the change " \
           "takes effect, as decided under clause" in text
    assert "the Trust shows it has saved" not in text


def test_rebasing_on_a_home_ending_says_what_its_savings_are(catalogue):
    """children's homes sample review, finding 3: where the agreement ends for a home, the costs deducted for it (5.7(b)) are the savings from
    its ending, and its continuing costs are not added back (payable only as break costs on the Council's break).
    Quiet: one home, nothing ends home by home."""
    text = flat(clause_text(_doc(catalogue), "open-book.pricing"))
    # r31 ob-sample 5: savings in the shared costs a home's ending makes are deducted too
    # r33 ob-fresh 4: the three rules are short sub-paragraphs of the savings step, not one parenthesis
    assert ("Where this Agreement has ended for any of the Homes: the costs deducted for each under clause 5.7(b) stand "
            "for the savings in its own costs; of the costs shared by the Homes, what the Trust saves, will save once any "
            "notice to staff has run, or could reasonably save because this Agreement has ended for each is also "
            "deducted, so far as those deductions do not already include it, and nothing more is deducted for them; and") in text
    assert "are not added back in the re-based Prices, and are payable only under clause 29.2 where the Council " \
           "ended this Agreement for it under clause 29.1" in text
    single = document_of(catalogue, (ROOT / "samples" / "open-book" / "single-placement.yaml").read_text(encoding="utf-8"))
    assert "the savings from its ending" not in flat(clause_text(single, "open-book.pricing"))


def test_supported_living_note_flags_the_uninstructed_core_reduction(catalogue):
    """r28 ob-fresh 25: core support paid whether or not tenancies are let (core-places) sits awkwardly with the
    Council's right to reduce it on 6 months' notice; the clause 7 note says so and what to do. Quiet: the
    same sheet with a void payment instead has no such sentence."""
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import DRAFT_DATE, ROOT
    from tests.families.clause_texts import note

    def n(path):
        doc = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
        return " ".join(note(doc, "open-book.core-support").split())

    wexcombe = n(ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml")
    assert ("The Council's right to reduce the core support on [6] months' notice is this draft's assumption, not an "
            "instruction, and it cuts across paying for the core support whether or not every tenancy is let, because "
            "the core staffing is Heronsgate's fixed cost. Heronsgate will resist it") in wexcombe
    text = (ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml").read_text(encoding="utf-8")
    from tests.families.clause_texts import document_of
    doc = document_of(catalogue, text.replace("open_book_voids: core-places", "open_book_voids: void-payment")
                      .replace("  absence_paid_days: 21", "  void_rate: 80\n  absence_paid_days: 21"))
    assert "this draft's assumption, not an instruction" not in note(doc, "open-book.core-support")


def test_core_places_are_paid_by_the_night_and_counted_in_the_figures(catalogue):
    res = open_book_result(catalogue, OB_NIGHTLY)
    text = document_text(res)
    assert "weekly Price" not in text
    assert "the nightly Price for the type of place shown for it" in text
    assert "for every night of the Service Term" in text
    # 13 x 365 x £248 + 2,000 x £78 = £1,332,760; Excess Profit £36,010 (finding 1)
    assert "£1,332,760" in text and "£36,010" in text
    assert "Core Places only (91.7%)" in text and "£1,319,110" in text  # r26 ob-fresh 7: the table's own measure
    assert "all 7,300 nights (5,110 and 2,190) are delivered" in text
    n = open_book_notes(res)
    assert "set that Price at £240.41 a night" in n
    assert "has 366 nights" in n and "(2028, and any extension year" in n
    assert "£50" not in n and "85.9%" not in n
    assert "6,570 nights" in n and "6,570 weeks" not in n


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
    # r34 ob-sample 1: eleven children for eleven places, so the Core Places are the sheet's eleven from the start
    assert "Core Places means the places in the Homes that the Council block-books under clause 7, being eleven on " \
           "1 July 2027, as reduced from time to time under clause 7.5 and clause 29.9" in sample


def test_every_core_place_reduction_goes_through_the_notice(catalogue):
    """Finding 1: an ended Existing Placement no longer lapses the place after 4 weeks; the Council decides in
    good faith, gives reasons within 20 Business Days, and removes the place only by the 6 months' notice."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "4 more weeks" not in text
    assert "The Council must decide in good faith, on the basis of its record of the award decision" in text
    assert "It must tell the Trust its decision, with brief reasons, within [20] Business Days after a Referral" in text
    assert "it may remove the place from the Core Places only by a reduction under clause 7.5" in text
    assert "treated as one of the Core Places removed on that date by a reduction under clause 7.5" in text
    note = open_book_note_of(open_book_result(catalogue, OB_CHARITY), "open-book.voids")
    assert "removes the place by the ordinary [6] months' notice of a reduction" in note
    assert "4 weeks" not in note


def test_no_user_choice_award_has_no_decision_paragraph(catalogue):
    text = flat(document_text(open_book_result(catalogue, "supported-accommodation-subsidiary.yaml")))
    assert "decide in good faith, on the basis of its record of the award decision" not in text


def test_minimum_note_offers_the_run_off_alternative(catalogue):
    """Finding 5: ending a home at the minimum moves a child against the award rationale; the note says so and
    offers the run-off alternative for instructions."""
    note = open_book_note_of(open_book_result(catalogue, OB_CHARITY), "open-book.voids")
    assert "against the wishes on which the award rests" in note
    assert "each remaining placement continues at the weekly Price while the child lives there" in note


def test_minimum_paragraph_in_a_single_home_with_a_minimum_of_one(catalogue):
    text = flat(document_text(open_book_result(catalogue, "single-placement.yaml")))
    assert "when there are no more than one Core Place, clause 7.6 does not apply to that place and the Council must, within [20] Business Days" in text
    assert "give notice to end this Agreement under clause 29.1, in which case the Council goes on paying for the empty " \
           "place under clause 7.1 until the ending takes effect, and nothing is payable under clause 29.2." in text  # r24 ob-sample 10


def test_the_empty_place_at_the_minimum_is_paid_until_the_home_ends(catalogue):
    """r34 ob-sample 3: the clause said nothing of paying for the empty place during the notice; the note said it is
    paid. Quiet: the run-off choice, which takes the place out of the Core Places, says nothing of it."""
    text = flat(document_text(open_book_result(catalogue, "childrens-homes-charity.yaml")))
    assert "give notice to end this Agreement for that home under clause 29.1, in which case the Council goes on paying " \
           "for the empty place under clause 7.1 until the ending takes effect" in text
    assert "the empty place ceases to be one of the Core Places and this Agreement ends for that home when the last of " \
           "those Placements ends" in text


def test_no_text_says_a_core_place_lapses_when_its_placement_ends(catalogue):
    """Reconcile ob21 with ob22: a Core Place is removed only by a reduction under clause 7.5 (or 7.8(c)), so no
    clause, note or Schedule says it lapses or ceases because its placement has ended."""
    res = open_book_result(catalogue, OB_CHARITY)
    text = flat(document_text(res))
    assert "lapse" not in text.lower()
    assert "ceases because the placement it was kept for has ended" not in text
    assert "or the place ceases to be one of the Core Places" not in text
    assert "cease to be Core Places in a change because Existing Placements have ended" not in text
    assert "where the change is a reduction in the Core Places" in text
    assert "after the notice is given (or, for a place treated as removed on 1 July 2027, after that date)" in text
    note = open_book_note_of(res, "open-book.pricing")
    assert "otherwise is removed by a reduction on [6] months' notice" in note
    assert "one reduction held to the cap leaves it £93,007 a year short" in note


def test_no_user_choice_award_has_no_start_date_route(catalogue):
    text = flat(document_text(open_book_result(catalogue, "supported-accommodation-subsidiary.yaml")))
    assert "treated as removed on" not in text


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


def test_core_places_include_the_made_up_minimum_and_the_run_off_is_offered_in_brackets(catalogue):
    """Finding 6: 3.3 counts a place made up to the minimum on the start date among the Core Places (so 7.8(b) no
    longer contradicts it), and 7.7 offers the run-off of the remaining Existing Placements as a bracketed third
    choice. Quiet: a sheet without a user-choice award has neither."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    # r25 ob-sample 5: 3.3 no longer describes the Core Places in words clause 7.6 contradicts after the start date.
    assert ("need not move. The Core Places are identified under clause 7.8, and a place stops being one of them only "
            "as clause 7 and clause 29.9 provide.") in clause_text(d, "open-book.services", flat=True)
    # r31 ob-fresh 3: the run-off is now the default choice, and ending the home the bracketed one
    assert ("notify the Trust that each remaining Placement at that home continues at the weekly Price while the "
            "child lives there, in which case the empty place ceases to be one of the Core Places") in clause_text(
        d, "open-book.voids", flat=True)
    adult = open_book_document(catalogue, OB_ADULT.read_text(encoding="utf-8"))
    assert "remaining Existing Placement" not in clause_text(adult, "open-book.voids", flat=True)
    single = open_book_document(catalogue, (ROOT / "samples" / "open-book" / "single-placement.yaml").read_text(encoding="utf-8"))
    body = clause_text(single, "open-book.voids", flat=True)
    assert "remaining Existing Placement" not in body and "nothing is payable under clause 29.2." in body


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


def test_part_weeks_follow_one_night_based_rule_for_placements_and_core_places(catalogue):
    """r25 ob-fresh finding 15 and ob-sample finding 6: 7.1 paid by the day, 5.1 by the night; 7.1 now uses 5.1."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    pricing = flat(clause_text(doc, "open-book.pricing"))
    assert ("paid for part of a week at one seventh of the weekly Price for each night in that week for which it is "
            "payable. For a Placement, those nights are the night of the day it starts and each later night, but not "
            "the night of the day it ends.") in pricing
    voids = flat(clause_text(doc, "open-book.voids"))
    assert "For part of a week, the Council pays for each night of the Service Term in that week under clause 5.1." in voids
    assert "for each day" not in voids


def test_minimum_core_places_is_a_total_across_the_homes(catalogue):
    """ob-fresh 1: 'minimum 5' with homes of 3, 3 and 1 Core Places is a total: 7.5 lets the Council go down to five
    in all, a bracket says at which home a removed place is, and the note says two of the seven may go."""
    d = open_book_doc(catalogue, OB_CHEVIOT)
    body = clause_text(d, "open-book.voids", flat=True)
    assert "The Council may not reduce the Core Places to fewer than five in total at all the Homes." in body
    assert "[The notice of a reduction must say at which home each place removed is" in body
    assert "at a home to fewer than" not in body
    n = flat(note(d, "open-book.voids"))
    assert "so the Council may remove up to two of the seven Core Places" in n
    assert "applies at each home" not in n


def test_minimum_core_places_stays_per_home_for_a_user_choice_award_where_every_home_has_it(catalogue):
    """Quiet: the sample's user-choice award keeps two at each home (every home has at least two Core Places)."""
    body = clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.voids", flat=True)
    assert "The Council may not reduce the Core Places at a home to fewer than two;" in body
    assert "in total at all the Homes" not in body


def test_core_places_occupancy_uses_the_tables_measure_where_split_over_two_prices(catalogue):
    """ob-fresh 7: 7 of 9 places is 77.8%, but the table measures occupancy as the same share of each Price's
    capacity: the Core Places' £2,272,920 is 74.6% of the £3,048,240 every place would bring in. The hourly support
    held at 900 hours is said to be held. Quiet: one weekly Price keeps '% of the places'."""
    sched = clause_text(open_book_doc(catalogue, OB_CHEVIOT), "common.open-book-schedule-reconciliation", flat=True)
    assert "seven of the nine places, equivalent to 74.6% occupancy as measured in this table" in sched
    assert "77.8%" not in sched
    assert "(900 hours a year) are held at the budget at every level of occupancy" in sched
    quiet = clause_text(open_book_doc(catalogue, OB_CHARITY), "common.open-book-schedule-reconciliation", flat=True)
    assert "as measured in this table" not in quiet


def test_finding2_empty_place_rules_cover_any_placement_in_a_core_place(catalogue):
    """ob-sample 2: the decision time (3.4), the unfilled place (7.6) and the minimum (7.7) run whenever any Placement
    in a Core Place ends, so a child placed after a clause 3.3 confirmation who leaves does not leave the Council
    paying for the place with no decision due."""
    d = open_book_doc(catalogue, "childrens-homes-charity")
    voids = flat(clause_text(d, "open-book.voids"))
    assert "Existing Placement in one of the Core Places" not in voids
    assert "When a Placement in one of the Core Places ends, the place remains one of the Core Places" in voids
    assert "Where a Placement in one of the Core Places ends at a home that then has no more than two" in voids
    assert "each remaining Placement at that home continues" in voids
    assert "or after a Placement in one of the Core Places ends" in flat(clause_text(d, "open-book.services"))
    assert "on a place whose Placement has ended" in flat(clause_text(d, "open-book.pricing"))


def test_finding2_quiet_without_a_user_choice_award(catalogue):
    """Quiet: a core-places deal not awarded on user choice has no decision time and no 7.6/7.7 rules."""
    d = open_book_doc(catalogue, "adult-care-sharing-band")
    assert "in one of the Core Places ends" not in flat(clause_text(d, "open-book.voids"))
    assert "in one of the Core Places ends" not in flat(clause_text(d, "open-book.services"))


def test_finding3_reducing_an_occupied_core_place(catalogue):
    """Finding 3: 7.4 caps other places at fifteen in all, not 'one more' (which contradicts a reduction to 13
    Core Places). children's homes sample review, finding 4: a reduction removes only empty Core Places; an occupied one stays a
    Core Place, paid under 7.1, and is removed (the Prices re-based for it) only when its Placement ends."""
    d = open_book_doc(catalogue, OB_CALDMOOR)
    v = flat(clause_text(d, "open-book.voids"))
    assert "may place people in any other place at the Homes that the Society has free, up to fifteen places in all." in v
    assert "one more" not in v
    assert "A reduction may remove only places that no Placement occupies" in v
    assert ("each of the others is removed only on the day after the Placement in it ends, and until then it remains "
            "one of the Core Places, paid for under clause 7.1[; the Prices are re-based for its removal from that day].") in v
    assert "A removed place that is occupied" not in v
    p = flat(clause_text(d, "open-book.pricing"))
    assert "nil until that Placement ends" not in p
    assert "A reduction removes only empty places" in note(d, "open-book.pricing")


def test_finding3_quiet_without_core_places(catalogue):
    """Quiet: a deal paying only for occupied places has no reduction of Core Places at all."""
    d = document_of(catalogue, (ROOT / "samples" / "open-book" / "supported-living-company.yaml").read_text(encoding="utf-8"))
    assert "A reduction may remove only places" not in all_text(d)


def test_finding19_invoices_show_empty_core_places(catalogue):
    """ob-fresh 19: the monthly invoice shows each Core Place charged while empty; quiet without Core Places."""
    body = flat(clause_text(open_book_doc(catalogue, "caldmoor"), "open-book.pricing"))
    assert ("showing each Placement, each of the Core Places charged under clause 7.1 while no Placement uses it, "
            "the number of units provided and the Prices charged.") in body
    quiet = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band"), "open-book.pricing"))
    assert "showing each Placement, the number of units provided" in quiet


def test_scenarios_count_weeks_of_use_of_the_place_that_is_not_a_core_place(catalogue):
    """r29 ob-fresh 4: Foxglove's eight Core Places (six at £5,750, two at £7,500) are paid every week, and only the
    fourth Elmsleigh place is paid when used: income is £2,574,000 plus £5,750 a week of its use, so the table runs
    on weeks of that use (none, 17, 40 budget, 52), break-even is 16.53 weeks (£95,000 / £5,750, rounded up), not
    an occupancy percentage, and the notes say the same."""
    d = document_of(catalogue, (ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml").read_text(encoding="utf-8"))
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "Scenarios by use of the places that are not Core Places" in sched
    assert "plus £5,750 for each week of use of the one place of" in sched
    assert "None £2,574,000 (£95,000) £0 (£95,000) 17 (break-even passed) £2,671,750 £2,750 £0 £2,750 " \
           "40 (budget) £2,804,000 £135,000 £1,550 £133,450 52 (every week) £2,873,000" in sched
    assert "used for 16.53 weeks a year (£95,000 ÷ £5,750, rounded up to two decimal places)" in sched
    assert "92.9%" not in sched and "90%" not in sched
    voids = flat(note(d, "open-book.voids"))
    assert "breaks even only if the place that is not one of the Core Places is used for about 16.53 weeks a year, " \
           "and the budget assumes 40" in voids
    assert "92.9%" not in voids


def test_one_weekly_price_keeps_the_occupancy_scenarios(catalogue):
    """Quiet: with one weekly Price the floored occupancy table is already the least income at each level."""
    d = document_of(catalogue, OB_CHARITY.read_text(encoding="utf-8"))
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "Occupancy scenarios" in sched
    assert "Scenarios by use of the places that are not Core Places" not in sched


def _minimum_item_text(catalogue, ending=None):
    text = re.sub(r"\n  minimum_core_ending: [^\n]*", "", OB_CHARITY.read_text())  # the sample instructs end_home
    if ending:
        text = text.replace("  minimum_core_places: 2\n", f"  minimum_core_places: 2\n  minimum_core_ending: {ending}\n")
    d = document_of(catalogue, text)
    return clause_text(d, "open-book.voids", flat=True), flat(note(d, "open-book.voids"))


def test_a_place_at_the_minimum_runs_off_by_default(catalogue):
    """r31 ob-fresh 3: when a Core Place at the minimum falls empty, the default is that the home runs off (nobody
    moved against the wishes the award rests on), with ending the home in brackets for instructions."""
    body, n = _minimum_item_text(catalogue)
    assert ("notify the Trust that each remaining Placement at that home continues at the weekly Price while the child "
            "lives there, in which case the empty place ceases to be one of the Core Places") in body
    assert "[give notice to end this Agreement for that home under clause" in body
    assert "it is treated as having notified the Trust that the remaining Placements continue" in body
    assert "The run-off is the draft's default" in n


def test_instructed_run_off_has_no_bracketed_ending(catalogue):
    body, n = _minimum_item_text(catalogue, "run_off")
    assert "[give notice to end this Agreement" not in body and "as instructed, let that home run off" in n


def test_instructed_home_ending_keeps_the_notice(catalogue):
    body, n = _minimum_item_text(catalogue, "end_home")
    assert "give notice to end this Agreement for that home under clause" in body and "[; or]" in body
    assert "it is treated as having notified" not in body
    assert "The break costs in the termination clause do not apply to that notice" in n
