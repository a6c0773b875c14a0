"""Open-book re-basing: what a Core Place or home that ends takes out of the Prices (its units, its share of shared
costs, its support cost), the factor and its figures, the catch-up of a capped shortfall, the floor, and the
apportionment columns of the costs schedule."""

from __future__ import annotations

from decimal import Decimal

from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import clause_text, document_text, flat, note
from tests.families.conftest import (
    OB_ADULT, OB_ALDERBECK, OB_BRAMBLECOMBE, OB_CHARITY, OB_CHEVIOT, OB_GREYSTONE, OB_KELVERTON,
    OB_NIGHTLY, OB_SUBSIDIARY, open_book_doc, open_book_document, open_book_draft_text,
    open_book_notes, open_book_result, open_book_with,
)


def test_rebasing_cap_note_gives_the_shortfall_figures(catalogue):
    """r20 ob-fresh 3: the note should say what the cap leaves uncovered after one and two lapses."""
    res = open_book_result(catalogue, "childrens-homes-charity.yaml")
    note = next(c for c in res.document.clauses if c.id == "open-book.pricing").note
    assert "the uncapped factor for one place is 1.0622" in note
    assert "one reduction held to the cap leaves it £" in note
    assert "a year short of the budgeted Allowable Costs and Reasonable Profit (£" in note
    assert "and a second leaves it £" in note
    assert "Whether that shortfall is recovered is not instructed. The draft recovers it under clause" in note  # r24 ob-sample 2
    quiet = open_book_result(catalogue, "adult-care-sharing-band.yaml")
    assert "one lapse held to the cap" not in next(c for c in quiet.document.clauses if c.id == "open-book.pricing").note


def test_apportionment_columns_follow_core_places_that_cease(catalogue):
    """ob-fresh finding 14: the places-available shares (and the overhead share) follow lapsed or reduced Core
    Places and homes the agreement no longer covers, and fees follow the same days as costs."""
    def core_places(data):
        data["positions"]["open_book_voids"] = "core-places"
        data["open_book"]["unit_prices"][0]["expected_units"] = 832     # the core places paid for whether used or not
    text = open_book_draft_text(catalogue, OB_SUBSIDIARY, core_places)
    assert "used for this apportionment change as the Core Places change" in text
    assert "counts as one of the Council's places only on the days it is used for a Placement" in text
    assert "including the share of Overheads, is worked out day by day" in text
    assert ("Fees any person pays for a place, on each day that it is one of the Council's places under the numbers in "
            "Schedule 1 as clause") in text
    assert "a place the Council may use under this Agreement" not in text


def test_whole_homes_open_book_has_no_column_rule(catalogue):
    text = document_text(open_book_result(catalogue, "childrens-homes-charity.yaml"))
    assert "used for this apportionment change" not in text


def test_without_core_places_the_columns_follow_the_homes_only(catalogue):
    text = document_text(open_book_result(catalogue, "supported-accommodation-subsidiary.yaml"))
    assert "used for this apportionment change as this Agreement ends for any of the Settings" in text
    assert "ceases to be one of the Core Places, it counts" not in text


def test_rebasing_removes_a_settings_units_only_from_the_prices_that_apply_there(catalogue):
    text = document_text(open_book_result(catalogue, OB_NIGHTLY))
    assert ("its expected units multiplied by the places at that setting to which that Price applies and divided by "
            "all the places in Schedule 1 to which that Price applies") in text
    assert "divided by the 20 places at all the Settings" not in text
    assert "removes its units only from the Prices that apply" in open_book_notes(open_book_result(catalogue, OB_NIGHTLY))


def test_rebasing_floor_is_a_bracketed_proposal_where_the_sheet_gives_none(catalogue):
    """Finding 5: the sheet gives the index as a ceiling and no floor."""
    res = open_book_result(catalogue, OB_KELVERTON)
    text = document_text(res)
    assert "[The factor is never less than one: the Prices do not fall at a review" in text
    assert "through the Excess Profit terms instead.]" in text
    # r27 ob-fresh 9: the separate sentence in the pricing clause is gone; the first review applies the same floor
    assert "the Prices change by the index alone (with any cap that applies to it) from that date[, but do not fall if the index falls]." in text
    n = " ".join(open_book_notes(res).split())
    assert "The instructions give no floor: the sentence that the factor is never less than one is in square brackets" in n
    assert "matching the chosen floor" not in n
    assert "when the proposed floor holds the factor at one" in n


def test_rebasing_floor_is_operative_where_the_sheet_gives_it(catalogue, tmp_path):
    def floor(data):
        data["services"]["price_floor_zero"] = True
    res = open_book_result(catalogue, OB_KELVERTON, floor)
    text = document_text(res)
    assert "The factor is never less than one" in text and "[The factor is never less than one" not in text
    assert "from that date, but do not fall if the index falls." in text and "[, but do not fall" not in text
    n = " ".join(open_book_notes(res).split())
    assert "matching the chosen floor" in n and "The instructions give no floor" not in n


def test_second_change_example_follows_the_catch_up_default(catalogue):
    """Finding 8, as changed by r23 ob-sample 2: with core_rebase_catch_up left open a later re-basing recovers the
    shortfall, so the second column's W is the Price the first change produced, unbracketed."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "(for a second change, the Price the first change produced)" in text
    assert "[the Price the first change produced before any limit]" not in text
    assert "bears the difference until clause 5.10 applies the part held back on later review dates" in text


def test_released_place_share_of_shared_costs_comes_out_of_the_rebasing(catalogue):
    """ob-fresh 1: under places-available apportionment clause 11.2 moves a released Core Place's share of the shared
    costs to the other places, so the re-basing takes that share out of the budget first: on Alderbeck's figures
    £1,301,104 (£1,340,000 less the £38,896 one-to-one hours) × 52 ÷ 1,248 = £54,212.67, and the factor is 0.9997,
    not the 1.0435 that made the Council pay twice for the bed."""
    sheet = read_termsheet(OB_ALDERBECK, catalogue)
    cr = sheet.model.open_book.core_rebase
    assert cr["moved"] and cr["shared"] == Decimal("1301104")
    assert cr["steps"][0]["deducted"] == Decimal("54212.67")
    assert [st["factor"] for st in cr["steps"]] == [Decimal("0.9997"), Decimal("0.9997")]
    d = open_book_doc(catalogue, OB_ALDERBECK)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert "deduct the share of those costs that clause 11.2 moves to the other places" in body
    assert "(£18.70 for each of its 2,080 expected hours)" in body
    assert "so far as the budgeted costs already deducted in this calculation do not include them, valued at the costs current when this change takes effect" in body  # r27 ob-fresh 8
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "Less the share moved to the other places £54,212.67 £108,425.33" in sched
    assert "Factor F for this change 0.9997 0.9997" in sched
    assert "52 less the 0 weeks" not in sched
    n = flat(note(d, "open-book.pricing"))
    assert "does not pay again, through the factor, for a bed whose costs now fall on the other purchasers" in n
    assert "over zero places" not in n and "1.0435" not in n
    assert "spread over the places that remain" not in flat(note(d, "open-book.voids"))


def test_whole_homes_scope_keeps_the_budget_without_a_moved_share(catalogue):
    """Quiet: where the open book covers whole homes nothing moves to other purchasers, so no share is deducted and
    the sample's factor stays 1.0622."""
    sheet = read_termsheet(OB_CHARITY, catalogue)
    cr = sheet.model.open_book.core_rebase
    assert not cr["moved"] and cr["steps"][0]["deducted"] == 0
    assert cr["steps"][0]["factor"] == Decimal("1.0622")
    body = clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.pricing", flat=True)
    assert "moves to the other places" not in body


def test_rebasing_start_point_follows_every_price_change_but_rebasing(catalogue):
    """ob-fresh 2: the budget is indexed by every change to the Prices other than re-basing, so a change-in-law
    uplift (6.2) or a warranty reduction (5.2) is not reversed by a later re-basing."""
    for path in (OB_ALDERBECK, OB_CHARITY):
        body = clause_text(open_book_doc(catalogue, path), "open-book.pricing", flat=True)
        assert ("in the same proportion as the Prices have changed since" in body
                and "by each review under clause 6.1" in body
                and "each adjustment for a Relevant Change in Law under clause 6.2 and each reduction under clause 5.2;" in body)
        assert "have been changed by every review since" not in body


def test_uninstructed_catch_up_lets_a_later_rebasing_recover_the_shortfall(catalogue):
    """ob-sample 2: the sheet caps the Trust's profit and does not carry a loss forward; catch-up is not instructed,
    so the draft no longer proposes (even in brackets) that the shortfall the caps leave is never recovered; the
    note states the point with the sheet's figures (£93,007 after one lapse, a £46,917.34 loss after two)."""
    d = open_book_doc(catalogue, OB_CHARITY)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert "A shortfall left by those limits is not recovered" not in body
    n = flat(note(d, "open-book.pricing"))
    assert "leaves it £93,007 a year short" in n and "a loss of £46,917.34 a year" in n
    assert ("Whether that shortfall is recovered is not instructed. The draft recovers it under clause 5.10: the part "
            "of a factor a limit holds back is applied on the next review date") in n
    assert "cap the Trust's profit and do not carry a loss forward (the losses clause does so only in brackets" in n
    assert "bracketed sentences" not in n


def test_factors_print_with_four_places(catalogue):
    """A factor ending in zero prints with all four places (r20 ob-fresh: "0.999" beside "0.9991"), in the draft
    and through the template filter; other Decimals still print without trailing zeros."""
    from decimal import Decimal

    from assembler.formatting import factor
    from assembler.render.jinja import _finalize, environment
    assert format(factor(Decimal("0.99899")), "f") == "0.9990"
    assert "0.9990" in _finalize(factor(Decimal("0.99899")))
    assert "1.5" in _finalize(Decimal("1.50")) and "1.50" not in _finalize(Decimal("1.50"))
    assert "1.0300" in environment().from_string("{{ x | factor }}").render(x=Decimal("1.03"))
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "holds each factor to 1.0300" in text


def test_home_exit_takes_out_its_place_share_and_its_support_cost(catalogue):
    """ob-fresh 1 and 2: a released place's share of the shared costs is its place-weeks of the Council's 728 (the
    basis clause 11.1 apportions on), not of the 686 expected weeks (£28,846.15 on the £1,000,000 shared, not £30,609.18); when a home leaves,
    its 52 x places come out of the shared costs and the one-to-one direct cost leaves with the Support Price income,
    so the factor stays near one (0.9916 / 1.0097), not the 1.0231 / 1.0431 that kept the £32,100 cost in."""
    cr = read_termsheet(OB_GREYSTONE, catalogue).model.open_book.core_rebase
    assert cr["divisor"] == 728 and cr["expected"] == 686
    assert cr["steps"][0]["deducted"] == Decimal("28846.15")
    assert {h["home"]: h["factor"] for h in cr["home_ends"]} == {"Ashby Fold": Decimal("1.0097"),
                                                                 "Kilnhurst House": Decimal("0.9916")}
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert ("multiplied by the place-weeks removed under clause 5.8 and divided by 52 times the number of places in "
            "the column \"Places for the Council\" in Schedule 1 (728);") in body
    assert ("where this Agreement has ended for any of the Homes, deduct also the budgeted direct cost of the units "
            "of the Support Price") in body
    assert "(Ashby Fold 416; Kilnhurst House 312)" in body
    assert "and its budgeted direct costs" not in body and "[[" not in body
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "£1,000,000 × D ÷ 728" in sched
    n = flat(note(d, "open-book.pricing"))
    assert "1.0097 if the agreement ends for Ashby Fold and 0.9916 if the agreement ends for Kilnhurst House" in n


def test_all_places_expected_keeps_the_expected_weeks_divisor(catalogue):
    """Quiet: where every place is expected to be bought all year (Alderbeck) the two bases agree (1,248)."""
    cr = read_termsheet(OB_ALDERBECK, catalogue).model.open_book.core_rebase
    assert cr["divisor"] == cr["expected"] == 1248
    assert cr["steps"][0]["deducted"] == Decimal("54212.67")


def test_capped_rebasing_shortfall_is_applied_at_later_reviews_and_the_notes_agree(catalogue):
    """Finding 2: each later re-basing factor is capped again, so only a catch-up at the annual review recovers the
    shortfall; 5.10 applies the part held back within the yearly limit, and the notes to clauses 1, 5, 16 and
    Schedule 3 say so (none says a later re-basing recovers it). Finding 9(b): the yearly limit reads plainly."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    body = clause_text(d, "open-book.pricing", flat=True)
    assert ("the part not applied is the factor worked out without those limits divided by the factor applied" in body
            and "On each later review date under clause 6.1, the Prices are also multiplied by the part not applied, "
                "so far as clause 5.9(b) allows" in body)
    assert ("where clause 5.9(a) applies, may not, together with the other such factors that take effect in the same "
            "Contract Year and any part applied in it under clause 5.10, increase the Prices by more than [8%];") in body
    notes = " ".join(flat(note(d, cid)) for cid in ("common.definitions", "open-book.pricing", "open-book.losses",
                                                    "common.open-book-schedule-reconciliation")
                     if note(d, cid))
    assert "recovered within the limits at the next re-basing" not in notes
    assert "that shortfall is never recovered" not in notes
    assert "A later re-basing alone would not recover it, because each later factor is held to the same limit" in notes
    assert "£93,007 a year short of the budgeted Allowable Costs and Reasonable Profit until the next review date" in notes
    whole = flat(" ".join(clause_text(d, cid) for cid in ("common.open-book-schedule-reconciliation",)))
    assert "the Trust bears the difference until clause 5.10 applies the part held back on later review dates" in whole


def test_no_catch_up_where_instructed_or_no_lapsing_core_places(catalogue):
    """Finding 2, quiet: core_rebase_catch_up: false keeps the shortfall permanent (no 5.10 catch-up, the yearly limit
    without it, the losses note says it is never recovered); an adult sheet without a user-choice award has none."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "  core_rebase_catch_up: false\n")
    body = clause_text(d, "open-book.pricing", flat=True)
    assert "the part not applied" not in body and "any part applied in it" not in body
    assert "A shortfall left by those limits is not recovered" in body
    assert "that shortfall is never recovered" in flat(note(d, "open-book.losses"))
    adult = open_book_document(catalogue, OB_ADULT.read_text(encoding="utf-8"))
    assert "the part not applied" not in clause_text(adult, "open-book.pricing", flat=True)


def test_rebasing_budget_does_not_count_a_catch_up_twice(catalogue):
    """ob-sample 2: clause 5.7(d) raises the budget by the reviews, not by a part applied under clause 5.10, because
    the current Prices that the factor divides by already include it; Schedule 3 says so. With the sample's numbers
    (C + P - S = £3,063,750; 3% cap; 546.34 weeks after two places go): the first factor 1.0622 is held to 1.03
    (£5,098.50), the 1.0313 held back is applied at the review (£5,258.08), and the second factor is then 1.0665,
    giving £5,607.74, the uncapped £5,607.54 give or take rounding; counting the catch-up in the budget would give
    1.0999 (£5,783.36), over-paying the Trust. Quiet: a sheet without a user-choice award has no clause 5.10."""
    from decimal import Decimal as D, ROUND_HALF_UP

    def q(x, e="0.0001"):
        return x.quantize(D(e), ROUND_HALF_UP)
    budget, weeks = D("3063750"), D("546.34")
    after_first = q(D("4950") * D("1.03"), "0.01")
    held_back = q(D("1.0622") / D("1.03"))
    after_review = q(after_first * held_back, "0.01")
    assert (after_first, held_back, after_review) == (D("5098.50"), D("1.0313"), D("5258.08"))
    assert q(budget / (after_review * weeks)) == D("1.0665")
    assert q(budget * held_back / (after_review * weeks)) == D("1.0999")

    d = open_book_doc(catalogue, OB_CHARITY)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert ("adjust the result in the same proportion as the Prices have changed since 1 July 2027 by each review "
            "under clause 6.1 (but not any part applied under clause 5.10), each adjustment for a Relevant Change in Law "
            "under clause 6.2 and each reduction under clause 5.2;") in body
    assert "other than under clause 5.7, that is" not in body
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert ("A part applied under clause 5.10 does not increase the budget, because the current Prices by which the "
            "factor divides already include it.") in sched
    quiet = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    assert "part applied under" not in clause_text(quiet, "open-book.pricing", flat=True)
    assert "A part applied under" not in clause_text(quiet, "common.open-book-schedule-reconciliation", flat=True)


def test_prices_definition_and_losses_name_the_catch_up_and_sch3_defines_c(catalogue):
    """ob-sample 7: the Prices definition and 16.5 include clause 5.10; ob-sample 10: Sch 3 para 11 defines C as the
    budget as increased under clause 5.7. Quiet: without a user-choice award there is no clause 5.10 to name."""
    d = open_book_doc(catalogue, OB_CHARITY)
    text = clause_text(d, "open-book.losses", flat=True)
    assert ("reduced under clause 5.2, re-based under clause 5.7 and increased under clause 5.10"
            in clause_text(d, "open-book.pricing", flat=True) + flat(clause_text(d, "common.definitions", flat=True)))
    assert "A loss does not entitle the Trust to a change in the Prices except under clause 5.7, clause 5.10, clause 6.1, clause 6.2 or clause 28.1." in text
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert ("C is the budgeted Allowable Costs, as increased under clause 5.7 for later changes in the Prices (none in "
            "this example), less any costs saved, P is") in sched
    assert "and less any costs saved" not in sched


def test_a_home_ending_removes_units_of_the_price_for_the_type_of_place_there(catalogue):
    """ob-fresh 2: the residential Price is for Whinfell House (4 places) and Birkside (3), the solo Price for Ash
    Cottage (2): ending for Ash Cottage removes its 86 solo weeks and no residential weeks; the Support Price income
    falls by the home's share of the 9 places; Sch 3 works each ending through on the budget (Ash Cottage:
    (£2,518,000 - £700,000 - £69,694.32 + 6% - £23,800) / (322 x £5,760) = 0.9864; Whinfell House: 1.0945)."""
    d = open_book_doc(catalogue, OB_CHEVIOT)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert "(Whinfell House 166 and Birkside 156 weeks a year of the Price for \"Residential placement, one child" in body
    assert "in the proportion that the places at that home bear to the 9 places at all the Homes" in body
    assert "divided by the 9 places at all the Homes in Schedule 1" not in body
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "Re-basing when this Agreement ends for one home" in sched
    assert "1.0272" in sched and "1.0749" in sched and "0.9864" in sched
    assert "£5,681.66" in sched  # the residential Price after Ash Cottage ends: £5,760 x 0.9864


def test_one_weekly_price_keeps_the_share_by_places(catalogue):
    """Quiet: with one weekly Price (the sample) there are no place types, no per-type wording and no new Part."""
    d = open_book_doc(catalogue, OB_CHARITY)
    assert "for the type of place at that home" not in clause_text(d, "open-book.pricing", flat=True)
    assert "ends for one home" not in clause_text(d, "common.open-book-schedule-reconciliation", flat=True)


def test_finding6_rebasing_reads_per_home_costs_from_a_table_in_schedule_2(catalogue):
    """ob-sample 6: clause 5.7(b) deducts each home's own direct costs; Schedule 2 Part 1 now shows them, with the
    £335,000 shared between the homes, adding up to the £2,655,000 of Direct Costs."""
    d = open_book_doc(catalogue, "childrens-homes-charity")
    sch = clause_text(d, "common.open-book-schedule-costs")
    for row in ("Rowan House\n£640,000", "St Brigid's House\n£640,000", "The Willows\n£520,000", "Harbour View\n£520,000",
                "Costs shared between the homes\n£335,000", "Direct Costs (total)\n£2,655,000"):
        assert row in sch
    p = flat(clause_text(d, "open-book.pricing"))
    assert "alone in the table of direct costs by home in paragraph 2 of Schedule 2" in p
    assert "(Rowan House £640,000;" not in p
    # ob-sample small point: 5.7(d) adjusts (the Prices may have gone down under clause 5.2) rather than 'increase'
    assert "adjust the result in the same proportion as the Prices have changed" in p


def test_finding6_quiet_without_per_home_costs(catalogue):
    """Quiet: a deal whose homes have no budgeted direct costs of their own has no table by home."""
    d = open_book_doc(catalogue, "home-care-zones")
    assert "are budgeted by" not in flat(clause_text(d, "common.open-book-schedule-costs"))


def test_finding7_rebase_refers_to_units_removed_and_drops_cancelling_share(catalogue):
    """ob-fresh 7: 6.1(d) refers to the clause that removes units; the Council's share that cancelled is gone."""
    t = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band"), "open-book.price-review"))
    assert "share of the Service Income" not in t
    assert "less the units removed under clause" in t
    assert "less any units removed" not in t
    n = note(open_book_doc(catalogue, "adult-care-sharing-band"), "open-book.price-review")
    assert "Neither side is scaled by the Council's share of the Service Income" in n
    assert "(the share the Council paid for)" not in n


def test_finding8_costs_saved_are_deducted_after_the_price_adjustment(catalogue):
    """ob-fresh 8: costs saved are deducted at the costs current when the change takes effect, after the budget is
    brought up to the current Prices, so later price changes do not scale the saving."""
    for name in ("adult-care-sharing-band", "childrens-homes-charity"):
        body = flat(clause_text(open_book_doc(catalogue, name), "open-book.pricing"))
        adjust = body.index("adjust the result in the same proportion as the Prices have changed since")
        saved = body.index("has saved, will save once any notice to staff has run, or could reasonably save")
        assert adjust < saved, name
        assert "valued at the costs current when this change takes effect, as the Parties agree" in body
        assert "deducted in the previous step" not in body


def test_rebasing_deducts_a_shortfall_the_provider_accepted_in_the_budget(catalogue):
    """r31 ob-fresh 4: Prices set below the budgeted Allowable Costs and Reasonable Profit; the re-basing formula
    takes that accepted shortfall off again (in proportion to the costs), so a re-basing with no change in costs
    does not raise the Prices, and the factor is the one the Prices at cost would give."""
    from tests.families.conftest import open_book_model

    def lower(data):
        data["open_book"]["unit_prices"][0]["price"] = 4800
    text = flat(clause_text(open_book_result(catalogue, OB_CHARITY, lower).document, "open-book.pricing"))
    assert ("deduct £92,550, the amount by which the budgeted Allowable Costs and Reasonable Profit exceed the income "
            "the Prices in Part 2 of Schedule") in text
    assert "which Meadowbank accepted when the Prices were agreed" in text or "accepted when the Prices were agreed" in text
    at_cost = open_book_model(catalogue, OB_CHARITY).core_rebase["factors"][0]
    short = open_book_model(catalogue, OB_CHARITY, lower).core_rebase["factors"][0]
    assert abs(short - at_cost) < Decimal("0.001")


def test_rebasing_adds_no_deduction_where_the_prices_cover_the_budget(catalogue):
    text = flat(clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.pricing"))
    assert "accepted when the Prices were agreed" not in text


def test_a_home_ending_removes_its_own_expected_weeks_where_each_home_gives_them(catalogue):
    """r31 ob-fresh 12: with several weekly Prices, a home's units are its own expected weeks (given for every
    home), not its share of the places."""
    def edit(data):
        # prices that are bands of need, not types of home, so no Price belongs to a home
        for u, band in zip(data["open_book"]["unit_prices"], ("band A", "band B")):
            u["service"] = f"Residential placement, one child, need {band}"
        for h, units in zip(data["services"]["homes"], (150, 150, 108)):
            h["expected_units"] = units
    d = open_book_result(catalogue, OB_CHEVIOT, edit).document
    text = flat(clause_text(d, "open-book.pricing"))
    assert "multiplied by the expected weeks a year at that home and divided by the expected weeks at all the Homes" \
           in text
    assert "408 in all)" in text


def test_rebasing_on_a_reduction_is_bracketed_and_an_assumption_with_its_cost(catalogue):
    """r32 ob-sample F2: the sheet does not instruct re-basing when Core Places are reduced, so the words are in
    brackets (the home-closure case is not), and the clause 1 note lists it with what each choice costs."""
    doc = open_book_document(catalogue, OB_CHARITY.read_text())
    voids = clause_text(doc, "open-book.voids", flat=True)
    assert "pays for the remaining Core Places only[, and the Prices are re-based from that date under clause" in voids
    assert "[; the Prices are re-based for its removal from that day]" in voids
    assert "Where [the Core Places are reduced under clause 7 or] this Agreement ends for" in \
        clause_text(doc, "open-book.pricing", flat=True)
    n = flat(note(doc, "common.definitions"))
    assert "that the Prices are re-based when the Core Places are reduced (the words are in brackets, because the " \
           "instructions do not say): with re-basing, losing one Core Place raises every weekly Price by a factor of " \
           "1.0622 before any limit (to £5,257.89)" in n
    assert "brings in £179,533.50 a year less than the budgeted Allowable Costs and Reasonable Profit" in n
    assert "(the re-basing when the agreement ends for a home is not bracketed)" in n


def test_what_depends_on_the_bracketed_rebasing_on_a_reduction_is_bracketed_with_it(catalogue):
    """r34 ob-sample 2: the trigger for re-basing on a reduction was bracketed but the units removed for a Core
    Place, the per-place and yearly caps and the worked example were not, so striking the trigger left orphans.
    Quiet: a sheet that gives the caps instructs re-basing, and nothing is bracketed."""
    doc = open_book_document(catalogue, OB_CHARITY.read_text(encoding="utf-8"))
    pricing = clause_text(doc, "open-book.pricing", flat=True)
    assert "[One of the Core Places is removed] [36.33]" in pricing
    assert "[The figure for one of the Core Places removed applies unless" in pricing
    assert "[where the change is a reduction in the Core Places, may not be more than one plus the product of [3%] " \
           "and the number of places removed in that change;]" in pricing
    assert "increase the Prices by more than [8%];]" in pricing
    assert "[This Part applies only if the bracketed words in clause 5.7 that re-base the Prices when the Core " \
           "Places are reduced are kept.]" in clause_text(doc, "common.open-book-schedule-reconciliation", flat=True)
    assert "if the bracketed re-basing is kept" in flat(note(doc, "open-book.voids"))
    capped = open_book_document(catalogue, OB_CHARITY.read_text(encoding="utf-8").replace(
        "  existing_placements: 11\n", "  existing_placements: 11\n  core_rebase_cap: 3\n  core_rebase_year_cap: 8\n"))
    text = clause_text(capped, "open-book.pricing", flat=True)
    assert "Where the Core Places are reduced under clause 7 or this Agreement ends" in text
    assert "[One of the Core Places is removed]" not in text and "[The figure for one" not in text
    assert "may not be more than one plus the product of 3% and the number of places removed in that change; " in text
    assert "This Part applies only if" not in clause_text(capped, "common.open-book-schedule-reconciliation", flat=True)
