"""r23 ci-fresh review (Tamsford: homes bought as temporary accommodation for homeless families): findings the ci20
lane fixed, each with a firing case on the Tamsford sheet and a quiet case on a sheet without the fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import document_of, clause_text, note

TAMSFORD = (Path(__file__).parent / "fixtures" / "co-investment-tamsford-r23-ta.yaml").read_text(encoding="utf-8")
SAMPLE = (Path(__file__).parents[2] / "samples" / "co-investment" / "affordable-homes-partnership.yaml").read_text(
    encoding="utf-8")


def flat(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module")
def doc(catalogue):
    return document_of(catalogue, TAMSFORD)


def test_temporary_accommodation_is_a_part_7_placement_not_a_part_6_allocation(doc):
    """r23 ci-fresh finding 1: homes used as temporary accommodation are Part 7 placements on the licence or tenancy
    the Nominations Agreement sets, not Part 6 allocations of assured periodic tenancies; the occupation ends when the
    Council's duty ends."""
    t = flat(clause_text(doc, "co-investment.nominations"))
    assert "Each nomination is a placement the Council makes in exercise of its functions under Part 7" in t
    assert "allocation scheme under Part 6" not in t
    assert "no home may be let on an assured shorthold tenancy" not in t
    assert "a licence or tenancy in the form set out in the agreement on nominations" in t
    assert "within 10 Business Days after its duty under Part 7 of the Housing Act 1996 to a" in t
    n = flat(note(doc, "co-investment.nominations"))
    assert "so each nomination is an allocation under Part 6" not in n
    assert "section 209" in n and "social housing assured tenancies" in n
    assert "keeps the home" not in n
    s = flat(clause_text(doc, "co-investment.schedule-agreed-forms"))
    assert "the form of licence or tenancy on which the Association accommodates each household" in s


def test_settled_homes_keep_the_assured_periodic_tenancy(catalogue):
    """Quiet: the sheet saying the homes are settled homes (and the sample, whose purpose names no temporary
    accommodation) keeps the Part 6 allocation and the assured periodic tenancy."""
    for text in (TAMSFORD.replace("  brma: Tamsford", "  brma: Tamsford\n  use: settled"), SAMPLE):
        t = flat(clause_text(document_of(catalogue, text), "co-investment.nominations"))
        assert "Each nomination is a placement the Council makes" not in t
        assert "no home may be let on an assured shorthold tenancy" in t


def table_rows(doc, clause_id: str) -> list[str]:
    return [flat(line) for line in clause_text(doc, clause_id).splitlines()]


def test_works_budget_for_bought_homes_sits_outside_the_all_in_cap(doc):
    """r23 ci-fresh finding 2: where homes are bought and no properties are scheduled, the works budget is a separate
    limit for the works to all the homes bought; the all-in cap covers the price, fees and any stamp duty land tax, and
    the notes say that nothing is left over."""
    t = flat(clause_text(doc, "co-investment.works"))
    assert ("the cost of buying each home it buys, including its survey, valuation, legal and letting-ready costs and "
            "any stamp duty land tax, does not exceed £261,000;") in t
    assert "the total cost of the works under this clause to all the homes it buys does not exceed £280,000" in t
    assert "buying and refurbishing each home" not in t
    c = flat(clause_text(doc, "co-investment.schedule-criteria"))
    assert "Works budget for all 20 homes" in c and "£280,000" in c
    assert "Highest total cost, including refurbishment" not in c
    n = flat(note(doc, "co-investment.acquisition"))
    assert "less the works budget of £280,000, leave £5,220,000" in n
    assert "nothing is left for any other Partnership cost" in n
    assert "of headroom" not in n
    x = flat(note(doc, "co-investment.tax"))
    assert "would cost up to £300,000 across the 20 homes" in x


def test_works_budget_for_scheduled_properties_keeps_the_all_in_cap(catalogue):
    """Quiet: the sample, whose works budget pays for the transferred properties, keeps an all-in cap that includes
    refurbishment for the homes bought."""
    d = document_of(catalogue, SAMPLE)
    t = flat(clause_text(d, "co-investment.works"))
    assert "the total cost of buying and refurbishing each home it buys" in t
    assert "to all the homes it buys" not in t


def test_cover_uses_the_mix_the_acquisition_criteria_allow(doc):
    """r23 ci-fresh finding 3: with no agreed mix but criteria bounding the sizes (at least 8 two- and three-bedroom,
    no more than 2 four-bedroom), the business plan rents the homes on the lowest-rent mix the criteria allow (12/8/0:
    cover 1.21), not an equal split the criteria forbid, and the note gives the highest-rent mix's cover."""
    n = flat(note(doc, "co-investment.financial-covenants"))
    assert "equal number of homes of each size" not in n
    assert "lowest-rent mix the Acquisition Criteria allow (12 two-bedroom and 8 three-bedroom homes" in n
    assert "(8 two-bedroom, 10 three-bedroom and 2 four-bedroom" in n
    assert "(lowest 1.21)" in n
    assert "rents 10% lower 1.03" in n
    assert "let on assured periodic" not in n


def test_no_bounds_in_the_criteria_keeps_the_equal_mix_note(catalogue):
    """Quiet: kinds of home with no numbers leave the plan on the equal mix, flagged as before."""
    text = (TAMSFORD.replace("two-bedroom houses (at least 8)", "two-bedroom houses")
            .replace("three-bedroom houses (at least 8)", "three-bedroom houses")
            .replace("four-bedroom houses (no more than 2)", "four-bedroom houses"))
    n = flat(note(document_of(catalogue, text), "co-investment.financial-covenants"))
    assert "lowest-rent mix the Acquisition Criteria allow" not in n
    assert "equal number of homes of each size" in n


def test_rent_standard_regime_is_a_completion_condition(doc):
    """r23 ci-fresh finding 4: a registered provider charging Local Housing Allowance rents must confirm, with advice,
    the rent the Rent Standard permits before completion; the note names the temporary social housing exclusion."""
    t = flat(clause_text(doc, "co-investment.conditions-precedent"))
    assert "written confirmation, supported by advice, of the rent the Rent Standard permits for the homes" in t
    n = flat(note(doc, "co-investment.registered-provider"))
    assert "temporary social housing as defined in Chapter 5" in n
    assert "A Completion Condition therefore requires the Association to confirm the rent regime" in n


def test_rent_standard_cap_needs_no_rent_condition(catalogue):
    """Quiet: rents already capped at what the Rent Standard permits need no separate confirmation."""
    text = TAMSFORD.replace("rent_cap: the Local Housing Allowance for the Broad Rental Market Area",
                            "rent_cap: the rent the Rent Standard permits\n  lha_by_bedrooms: false")
    t = flat(clause_text(document_of(catalogue, text), "co-investment.conditions-precedent"))
    assert "of the rent the Rent Standard permits for the homes" not in t


def test_fund_money_passed_through_carries_its_conditions(doc):
    """r23 ci-fresh finding 5: the part of the grant that is the Council's Local Authority Housing Fund allocation
    carries the fund's conditions down to the Association, with reporting and repayment if the Ministry recovers it."""
    t = flat(clause_text(doc, "co-investment.contributions"))
    assert "£1,150,000 (one million one hundred and fifty thousand pounds) of the Authority Grant is paid from the " \
           "Council's allocation from the Local Authority Housing Fund" in t
    assert ("repay to the Council on demand any part of it that the Ministry of Housing, Communities and Local "
            "Government recovers from the Council because of an act or omission of the Association") in t
    c = flat(clause_text(doc, "co-investment.conditions-precedent"))
    assert "the Council has given the Association a copy of the conditions on which the Ministry" in c
    n = flat(note(doc, "co-investment.contributions"))
    assert "The instructions give no spend-by date" in n


def test_fund_named_but_not_passed_through_is_flagged_only(catalogue):
    """Quiet: without the passed_through block the clause says nothing of a fund; the note asks which part it is."""
    text = TAMSFORD.split("      passed_through:")[0] + "\n  delivery:" + TAMSFORD.split("\n  delivery:", 1)[1]
    d = document_of(catalogue, text)
    assert "Local Authority Housing Fund" not in flat(clause_text(d, "co-investment.contributions"))
    assert "The description of the Authority Grant names a fund" in flat(note(d, "co-investment.contributions"))


def test_cover_tested_from_a_year_end_is_the_first_test_years_end(doc):
    """r23 ci-fresh finding 6: 'tested from 31 March 2030' on a term starting 1 April is the end of the first Test
    Year (1 April 2029 to 31 March 2030), in step with the Partnership Years, not a year starting on 31 March."""
    from assembler.model import plain_text
    d = " ".join(next(plain_text(x.inlines) for x in doc.definitions if x.term == "Test Year").split())
    assert d.startswith("each period of twelve months starting on 1 April 2029")
    assert "starting 1 April 2029 and ending on 31 March 2030" in flat(note(doc, "co-investment.financial-covenants"))


def test_cover_tested_from_a_year_start_is_unchanged(catalogue):
    """Quiet: a first test date that starts a Partnership Year starts the first Test Year."""
    doc = document_of(catalogue, TAMSFORD.replace("dscr_tested_from: 2030-03-31", "dscr_tested_from: 2030-04-01"))
    from assembler.model import plain_text
    d = " ".join(next(plain_text(x.inlines) for x in doc.definitions if x.term == "Test Year").split())
    assert d.startswith("each period of twelve months starting on 1 April 2030")
    assert "and ending on" not in flat(note(doc, "co-investment.financial-covenants"))


def test_unfundable_early_buying_deadline_is_not_offered(doc):
    """r23 ci-fresh finding 9: where the letting date (30 September 2028) leaves no time after the buying deadline and
    buying every home six months earlier cannot be funded (Ravelin draws on 2 May 2028), the draft keeps the buying
    deadline, requires each home to be let within six months after purchase in clauses 6 and 7 alike, and brackets
    nothing."""
    a = flat(clause_text(doc, "co-investment.acquisition"))
    assert "by 30 September 2028, and to have carried out the works to each of them under clause 7 and let it within six " \
           "months after buying it" in a
    assert "[30 March 2028]" not in a
    w = flat(clause_text(doc, "co-investment.works"))
    assert "must complete the works within six months after the purchase of each home." in w
    assert "let by 30 September 2028" not in w
    n = flat(note(doc, "co-investment.works"))
    assert "Buying every home by 30 March 2028 instead cannot be funded: only £4,000,000 is drawn by then" in n
    assert "bracket the choice" not in n


def test_fundable_early_deadline_is_still_bracketed_in_both_clauses(catalogue):
    """Quiet: where all the money is drawn before the earlier buying deadline, the choice is bracketed as before, and
    clause 7 brackets the letting date as clause 6 does."""
    doc = document_of(catalogue, TAMSFORD.replace("  - date: 2028-05-02\n    contributor: Ravelin",
                                                  "  - date: 2028-02-01\n    contributor: Ravelin"))
    a = flat(clause_text(doc, "co-investment.acquisition"))
    assert "[30 March 2028] [30 September 2028]" in a
    w = flat(clause_text(doc, "co-investment.works"))
    assert "[and in any case in time for it to be let by 30 September 2028]" in w


def test_no_return_only_payment_before_the_capital_is_drawn(doc):
    """r23 ci-fresh finding 10: Ravelin draws on 2 May 2028, after 31 March 2028, so no return-only payment falls due on
    31 March 2028; the first instalment (reduced by £6,443.84 to £93,148.44) is the first payment."""
    t = flat(clause_text(doc, "co-investment.schedule-contributions"))
    assert ("Return on, and repayment of, the capital of Ravelin: return at 4.9% a year (simple, calculated daily on a "
            "365-day year) from the day each part of it is drawn, with no payment before its first instalment") in t
    assert "31 March 2028 (the first payment" not in t
    assert "making that instalment £93,148.44" in t and "but it is drawn after that date" in t
    w = flat(clause_text(doc, "co-investment.schedule-waterfall"))
    assert "the first reduced as Schedule 1 sets out; nothing is due before then" in w
    assert "return only" not in flat(note(doc, "co-investment.schedule-contributions"))


def test_capital_drawn_before_the_instalments_still_pays_return_only(catalogue):
    """Quiet: capital drawn before the year the instalments are worked out from pays return only until then."""
    doc = document_of(catalogue, TAMSFORD.replace("  - date: 2028-05-02\n    contributor: Ravelin",
                                                  "  - date: 2028-02-01\n    contributor: Ravelin"))
    t = flat(clause_text(doc, "co-investment.schedule-contributions"))
    assert "Repayment of the capital of Ravelin: return only" in t
    assert "paid in arrear on 31 March 2028" in t


def test_council_measured_outcomes_are_not_the_associations(doc):
    """r23 ci-fresh finding 12: measures 'measured and reported by the Council' are reported with the Council's figures,
    are outside the Association's endeavours duty and cannot found a Default Event."""
    s = flat(clause_text(doc, "co-investment.schedule-outcomes"))
    assert "The Association reports in each Impact Report on the measures other than those the Council measures." in s
    assert "The Council must give the Association its figures for those measures within 10 Business Days" in s
    p = flat(clause_text(doc, "co-investment.purpose-outcomes"))
    assert "other than a measure that the Outcomes Framework states is measured by the Council" in p
    d = flat(clause_text(doc, "co-investment.default-termination"))
    assert "(which may not be a measure that the Outcomes Framework states is measured by the Council)" in d


def test_outcomes_the_association_measures_stay_its_own(catalogue):
    """Quiet: without Council-measured measures, the Association reports every measure."""
    doc = document_of(catalogue, TAMSFORD.replace(" (measured and reported by the Council)", ""))
    s = flat(clause_text(doc, "co-investment.schedule-outcomes"))
    assert "The Association reports on these measures in each Impact Report." in s
    assert "measured by the Council" not in flat(clause_text(doc, "co-investment.purpose-outcomes"))


def test_sdlt_advice_covers_the_registered_provider_exemption(doc):
    """r23 ci-fresh finding 11: the tax advice covers FA 2003 s.71 (a non-profit registered provider's purchase funded
    with the assistance of a public subsidy) as well as charities relief."""
    t = flat(clause_text(doc, "co-investment.tax"))
    assert "under Schedule 8 to the Finance Act 2003 (charities relief) or section 71 of that Act" in t
    n = flat(note(doc, "co-investment.tax"))
    assert "section 71(1)(c) of the Finance Act 2003" in n
    assert "(including the money from the Local Authority Housing Fund)" in n


def test_sdlt_advice_for_a_charity_that_is_not_a_registered_provider(catalogue):
    """Quiet: a charity that is not a registered provider is asked about charities relief only."""
    text = TAMSFORD.replace("  rsh_number: L2917\n", "").replace("  registered_provider: true", "  registered_provider: false")
    t = flat(clause_text(document_of(catalogue, text), "co-investment.tax"))
    assert "section 71" not in t


def test_society_deed_block_does_not_name_a_chief_executive(catalogue):
    """r23 ci-fresh finding 13: a registered society's deed is signed by committee members or the secretary; the Chief
    Executive named on the sheet is not put in the block, which asks for the name of one of them."""
    from assembler.execution import execution_lines
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate
    sheet = validate(load_text(TAMSFORD, "t.yaml"), catalogue).model
    text = " ".join(str(getattr(x, "text", getattr(x, "label", ""))) for line in execution_lines(sheet.delivery, deed=True)
                    for x in line)
    assert "committee member or secretary" in text
    assert "Gareth Llewellyn-Obi" not in text
    sheet2 = validate(load_text(TAMSFORD.replace("position: Chief Executive", "position: Company Secretary"), "t.yaml"),
                      catalogue).model
    text2 = " ".join(str(getattr(x, "text", getattr(x, "label", ""))) for line in
                     execution_lines(sheet2.delivery, deed=True) for x in line)
    assert "Gareth Llewellyn-Obi" in text2


def test_area_places_are_alternatives_and_the_proximity_test_applies_to_each(doc):
    """r23 ci-fresh finding 14: two places are alternatives, and 'within a mile of ...' applies to either."""
    c = flat(clause_text(doc, "co-investment.schedule-criteria"))
    assert ("In Tamsford town (TF1, TF2 and TF3) or in Ellingham and Hapsworth (TF5) and, in either case, within a mile "
            "of a primary school") in c


def test_plain_area_list_is_joined_as_before(catalogue):
    """Quiet: areas with no condition among them are listed as before."""
    doc = document_of(catalogue, TAMSFORD.replace(
        "    - within a mile of a primary school and a bus route to Tamsford town centre\n", ""))
    c = flat(clause_text(doc, "co-investment.schedule-criteria"))
    assert "Tamsford town (TF1, TF2 and TF3) and Ellingham and Hapsworth (TF5)" in c


def test_subsidy_decision_after_the_draft_date_is_not_stated_as_made(doc):
    """r23 ci-fresh finding 16: a Cabinet decision dated after the draft (8 December 2026, call-in to 16 December) is
    stated as expected, and the note says to confirm both dates."""
    t = flat(clause_text(doc, "co-investment.subsidy-control"))
    assert "the decision is expected to be made on 8 December 2026 and confirmed on 16 December 2026" in t
    assert "was made on 8 December 2026" not in t
    n = flat(note(doc, "co-investment.subsidy-control"))
    assert "confirm both dates before the Agreement is signed" in n


def test_subsidy_decision_before_the_draft_date_is_stated_as_made(catalogue):
    """Quiet: a decision dated before the draft is stated as made."""
    doc = document_of(catalogue, TAMSFORD.replace("decided_on: 2026-12-08", "decided_on: 2026-03-10")
                      .replace("decision_date: 2026-12-16   # call-in period ends", "decision_date: 2026-03-20")
                      .replace("assessment_date: 2026-11-20", "assessment_date: 2026-03-02"))
    t = flat(clause_text(doc, "co-investment.subsidy-control"))
    assert "the decision was made on 10 March 2026 and confirmed on 20 March 2026" in t
    assert "Its decision to give them was made on 10 March 2026" in t


def test_drafting_points(doc):
    """r23 ci-fresh findings 17 and 18: no evaluation sentence where the sheet has none; houses-only criteria are not
    said to exclude flats; 'Contributions total'; one Investor 'is paid'."""
    assert "E3M toolkit recommends" not in flat(note(doc, "co-investment.governance"))
    n = flat(note(doc, "co-investment.schedule-criteria"))
    assert "excludes many leasehold homes at the price cap" in n and "flats" not in n
    assert "The Contributions total £5,500,000" in flat(clause_text(doc, "co-investment.contributions"))
    assert "the Investor is paid as clause" in flat(clause_text(doc, "co-investment.disposal"))


def test_drafting_points_quiet(catalogue):
    """Quiet: an agreed evaluation keeps the E3M sentence."""
    doc = document_of(catalogue, TAMSFORD.replace("independent_evaluation: false", "independent_evaluation: true"))
    assert "E3M toolkit recommends" in flat(note(doc, "co-investment.governance"))


def test_the_authoritys_own_fund_is_not_flagged(catalogue):
    """Quiet: a grant from the authority's own fund ('the Council's community assets fund') is not asked about."""
    text = (Path(__file__).parents[2] / "samples" / "co-investment" / "community-asset-lease.yaml").read_text(
        encoding="utf-8")
    assert "names a fund" not in flat(note(document_of(catalogue, text), "co-investment.contributions"))
