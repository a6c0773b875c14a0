"""r26 ob-fresh findings (lane obE): Cheviot Vale children's homes block, three homes run by a CIC."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

CHEVIOT = ROOT / "tests" / "families" / "fixtures" / "ob-r26-cheviot.yaml"
SAMPLE = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
_CACHE: dict = {}


def _load(catalogue, path, text=None):
    key = (path, text)
    if key not in _CACHE:
        _CACHE[key] = document_of(catalogue, text if text is not None else path.read_text(encoding="utf-8"))
    return _CACHE[key]


def test_minimum_core_places_is_a_total_across_the_homes(catalogue):
    """ob-fresh 1: 'minimum 5' with homes of 3, 3 and 1 Core Places is a total: 7.5 lets the Council go down to five
    in all, a bracket says at which home a removed place is, and the note says two of the seven may go."""
    d = _load(catalogue, CHEVIOT)
    body = clause_text(d, "open-book.voids", flat=True)
    assert "The Council may not reduce the Core Places to fewer than five in total at all the Homes." in body
    assert "[The notice of a reduction must say at which home each place removed is" in body
    assert "at a home to fewer than" not in body
    n = flat(note(d, "open-book.voids"))
    assert "so the Council may remove up to two of the seven Core Places" in n
    assert "applies at each home" not in n


def test_minimum_core_places_stays_per_home_for_a_user_choice_award_where_every_home_has_it(catalogue):
    """Quiet: the sample's user-choice award keeps two at each home (every home has at least two Core Places)."""
    body = clause_text(_load(catalogue, SAMPLE), "open-book.voids", flat=True)
    assert "The Council may not reduce the Core Places at a home to fewer than two;" in body
    assert "in total at all the Homes" not in body


def test_a_home_ending_removes_units_of_the_price_for_the_type_of_place_there(catalogue):
    """ob-fresh 2: the residential Price is for Whinfell House (4 places) and Birkside (3), the solo Price for Ash
    Cottage (2): ending for Ash Cottage removes its 86 solo weeks and no residential weeks; the Support Price income
    falls by the home's share of the 9 places; Sch 3 works each ending through on the budget (Ash Cottage:
    (£2,518,000 - £700,000 - £69,694.32 + 6% - £23,800) / (322 x £5,760) = 0.9864; Whinfell House: 1.0945)."""
    d = _load(catalogue, CHEVIOT)
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
    d = _load(catalogue, SAMPLE)
    assert "for the type of place at that home" not in clause_text(d, "open-book.pricing", flat=True)
    assert "ends for one home" not in clause_text(d, "common.open-book-schedule-reconciliation", flat=True)


def test_directors_pay_cap_points_to_a_bracketed_line_in_schedule_2(catalogue):
    """ob-fresh 3: 'directors' pay above the amounts set out in the cost model' with no director line in the cost
    model: 9.6(b) now points to Part 1 of Schedule 2, which states each director's pay in brackets, and the note
    says to take the figures. Quiet: the sample has no such limit."""
    d = _load(catalogue, CHEVIOT)
    assert "directors' pay above the amounts stated in Part 1 of Schedule 2, and any bonus" in clause_text(
        d, "common.open-book-costs", flat=True)
    sched = clause_text(d, "common.open-book-schedule-costs", flat=True)
    assert "Gareth Ilderton (Director and Responsible Individual), £[ ] a year" in flat(sched).replace("[   ]", "[ ]")
    assert "no line of the cost model shows it" in flat(note(d, "common.open-book-schedule-costs"))
    quiet = _load(catalogue, SAMPLE)
    assert "Part 1 states each director's pay" not in flat(note(quiet, "common.open-book-schedule-costs"))


def test_core_places_occupancy_uses_the_tables_measure_where_split_over_two_prices(catalogue):
    """ob-fresh 7: 7 of 9 places is 77.8%, but the table measures occupancy as the same share of each Price's
    capacity: the Core Places' £2,272,920 is 74.6% of the £3,048,240 every place would bring in. The hourly support
    held at 900 hours is said to be held. Quiet: one weekly Price keeps '% of the places'."""
    sched = clause_text(_load(catalogue, CHEVIOT), "common.open-book-schedule-reconciliation", flat=True)
    assert "seven of the nine places, equivalent to 74.6% occupancy as measured in this table" in sched
    assert "77.8%" not in sched
    assert "(900 hours a year) are held at the budget at every level of occupancy" in sched
    quiet = clause_text(_load(catalogue, SAMPLE), "common.open-book-schedule-reconciliation", flat=True)
    assert "as measured in this table" not in quiet


def test_a_single_index_is_named_by_its_ons_series_and_its_fallback_is_not_circular(catalogue):
    """ob-fresh 8: 'the Consumer Prices Index (CPI) for the 12 months to the previous December, capped at 5%' is
    defined by its ONS title and series, first published, capped; the fallback no longer falls back to CPI itself.
    The sample's CPIH is named by its own series and keeps CPI as its fallback (not circular there)."""
    d = _load(catalogue, CHEVIOT)
    body = clause_text(d, "open-book.price-review", flat=True)
    assert ("the percentage change over the 12 months to the December before that review date in the Consumer Prices "
            "Index (CPI all items, 12-month rate, ONS series D7G7), as first published by the Office for National "
            "Statistics and disregarding later revisions, but not more than 5%") in body
    assert "if there is none, the Consumer Prices Index" not in body
    assert "the index that best reflects general price inflation in the United Kingdom" in body
    quiet = clause_text(_load(catalogue, SAMPLE), "open-book.price-review", flat=True)
    assert "ONS series L55O), as first published" in quiet and "but not more than 4%" in quiet
    assert "ONS series D7G7" not in quiet and "if there is none, the Consumer Prices Index." in quiet


def test_loss_carry_forward_can_be_limited_in_time_and_the_note_asks_when_it_is_not(catalogue):
    """ob-fresh 4: the carry-forward was agreed 'while the new home fills' but ran for every period. Without
    open_book.loss_carry_until the note says so and offers the date continuous access ends; with it, 16.1 carries
    forward only losses for periods ending on or before that date."""
    d = _load(catalogue, CHEVIOT)
    n = flat(note(d, "open-book.losses"))
    assert "The draft carries forward a loss in any Reconciliation Period" in n and "(such as 31 March 2029, when continuous access" in n
    text = CHEVIOT.read_text(encoding="utf-8")
    assert "  continuous_access_until: 2029-03-31" in text
    limited = _load(catalogue, CHEVIOT, text.replace("  continuous_access_until: 2029-03-31",
                                                     "  loss_carry_until: 2029-03-31\n  continuous_access_until: 2029-03-31", 1))
    body = clause_text(limited, "open-book.losses", flat=True)
    assert ("the difference is a loss carried forward, but only for a Reconciliation Period ending on or before "
            "31 March 2029.") in body
    assert "The draft carries forward a loss in any Reconciliation Period" not in flat(note(limited, "open-book.losses"))


def test_reasonable_profit_is_not_renamed_target_margin_and_option_text_is_gone(catalogue):
    """ob-fresh 16 and 10: the Sharing Band runs from the Reasonable Profit (no 'Target Margin' duplicate term), and
    the notes drop the template's option-menu text ('Choose it where...', 'suits a provider (often a charity)')."""
    d = _load(catalogue, CHEVIOT)
    body = clause_text(d, "common.open-book-profit-cap", flat=True)
    assert "may keep its Actual Profit up to the Reasonable Profit." in body and "Target Margin" not in body
    notes = " ".join(flat(note(d, c)) for c in ("common.open-book-profit-cap", "common.open-book-excess",
                                                 "common.open-book-cost-base", "common.open-book-information"))
    for phrase in ("Choose it", "often a charity", "It does not work with a fixed-fee profit", "Target Margin"):
        assert phrase not in notes, phrase


def test_premises_direct_agreements_have_one_deadline(catalogue):
    """ob-fresh 15: 29.7 required the direct agreements 'Before 1 April 2027' while 29.3(e) allowed 20 Business Days
    after it; the deadline is now stated once, in 29.7, and 29.3(e) refers to it."""
    body = clause_text(_load(catalogue, CHEVIOT), "open-book.termination", flat=True)
    assert "Within [20] Business Days after the date of this Agreement, Fellside must procure that Fellside Estates" in body
    assert "has not been entered into within the time that clause allows" in body
    assert "Before 1 April 2027, Fellside must procure" not in body


def test_a_cic_provider_is_described_as_limited_by_shares_and_keeps_its_asset_lock(catalogue):
    """ob-fresh 17 and the r26 tool note: a CIC limited by shares says so in the parties block, and clause 19 has it
    warrant the asset lock and give notice before ceasing to be a CIC. Quiet: the sample's charity gets neither."""
    from assembler.assemble import _description
    from assembler.termsheet.validate import read_termsheet
    d = _load(catalogue, CHEVIOT)
    provider = read_termsheet(CHEVIOT, catalogue).model.provider
    assert _description(provider).startswith("a community interest company limited by shares incorporated in England")
    body = clause_text(d, "open-book.financial-distress", flat=True)
    assert "warrants that it is a community interest company whose articles contain the asset lock" in body
    assert "at least [3] months' notice before it applies to cease to be a community interest company" in body
    assert "asset lock" not in clause_text(_load(catalogue, SAMPLE), "open-book.financial-distress", flat=True)


def test_safeguarding_note_names_the_act_for_regulated_activity(catalogue):
    """ob-fresh 11: 'that Act' followed a citation of the Children Act 2004; the note names the Safeguarding
    Vulnerable Groups Act 2006, Schedule 4, paragraph 1(1A) (verified on legislation.gov.uk)."""
    n = flat(note(_load(catalogue, CHEVIOT), "open-book.safeguarding"))
    assert "(Safeguarding Vulnerable Groups Act 2006, Schedule 4, paragraph 1(1A))" in n
    assert "paragraph 1(1A) of that Act" not in n


def test_kpi_measured_over_follows_a_contract_year_target(catalogue):
    """ob-fresh 12: 'At least 90% in each Contract Year' reported quarterly is measured over each Contract Year
    (reported cumulatively), not rolling 12 months; a 'by March 2029' target reported quarterly is measured each
    quarter, not 'the last month of each quarter'."""
    sched = clause_text(_load(catalogue, CHEVIOT), "open-book.schedule-services", flat=True)
    assert "At least 90% in each Contract Year quarterly [each Contract Year (reported cumulatively each quarter)]" in sched
    assert "85% by March 2029 quarterly [each quarter]" in sched
    assert "the last month of each quarter" not in sched


def test_abuse_and_motor_cover_are_part_of_the_insurance_clause(catalogue):
    """ob-fresh 13: the abuse cover and motor cover sit in the liability clause; they are now expressly insurance
    required by clause 26, so its evidence, cancellation-notice and liability provisions apply to them."""
    body = clause_text(_load(catalogue, CHEVIOT), "open-book.liability", flat=True)
    # r27 ob-fresh 11: the paragraphs are cited by reference, not as "the two paragraphs above"
    assert ("The cover that clause 27.2 and clause 27.3 require is part of the insurance required by "
            "clause 26, and the provisions of that clause on evidence of cover, notice of cancellation and liability "
            "apply to it.") in body


def test_schedule_1_names_the_services_and_counts_places_of_each_type(catalogue):
    """ob-fresh 18: the description no longer ends with the service name hanging in brackets, and '(seven places in
    all)' no longer reads as a count of Core Places."""
    sched = clause_text(_load(catalogue, CHEVIOT), "open-book.schedule-services", flat=True)
    assert "Fellside must provide the services known as Fellside Children's Homes: residential care in the Homes in Cheviot Vale" in sched  # r27 ob-fresh 13: the count is not pasted
    assert "(Fellside Children's Homes)." not in sched
    assert "at Whinfell House or Birkside\" (of the seven places of that type)" in sched
