"""Co-investment money in the draft: contributions and grants, what each home is attributed, returns and the waterfall,
the reserves, budgets and operating costs, the cover test and its stress cases, refinancing, drawdown and
instalments. Each finding of a review has a firing case and a quiet case on a sheet without the fact."""

from __future__ import annotations

from tests.families.clause_texts import document_of, clause_text, flat, note, all_text, definition
from tests.families.conftest import HOMES, LEASE, BIRCHFIELD, KENMOOR, TAMSFORD


def test_grant_for_the_conversion_works_is_attributed_to_the_converted_homes(catalogue):
    """r20 ci-fresh finding 2: a grant the sheet gives 'for the conversion works' is attributed to the ten homes in Schedule 1
    (£45,000 each, £99,000 a home with the undervalue), not to the six flats bought (£75,000 each)."""
    doc = document_of(catalogue, BIRCHFIELD)
    sched = clause_text(doc, "co-investment.schedule-properties")
    assert "£99,000" in sched and "£990,000" in sched
    everything = "\n".join(clause_text(doc, c.id) + (c.note or "") for c in doc.all_clauses())
    assert "£75,000" not in everything
    assert "for each Acquired Home bought with cash Contributions under clause " in everything
    assert ", nil, the Authority Grant being for the works" in everything
    assert "must spend the Authority Grant only on the works to the property listed in Schedule 1" in \
        clause_text(doc, "co-investment.contributions")
    assert "each home's Attributable Contribution is £99,000 (including £45,000" in note(doc, "co-investment.clawback")


def test_grant_for_homes_bought_stays_with_the_homes_bought(catalogue):
    """Quiet: the same sheet with grant_for: homes_bought (or a grant described as buying homes) keeps the grant in
    the homes bought (£75,000 each) and Schedule 1 shows the undervalue only."""
    for text in (BIRCHFIELD.replace("      amount: 450,000\n", "      amount: 450,000\n      grant_for: homes_bought\n", 1),
                 BIRCHFIELD.replace("for the conversion works", "to buy the move-on flats")):
        doc = document_of(catalogue, text)
        sched = clause_text(doc, "co-investment.schedule-properties")
        assert "£54,000" in sched and "£99,000" not in sched
        assert "an equal share of the Authority Grant" in "\n".join(clause_text(doc, c.id) for c in doc.all_clauses())
        assert "must spend the Authority Grant only on the works" not in clause_text(doc, "co-investment.contributions")


def test_reserve_note_states_each_rent_basis(catalogue):
    """r20 ci-fresh finding 17: the reserve note gives the refuge units' one weekly rent and the flats' LHA rents by size, and no
    'all sixteen homes at £212' aside where the sheet sets the two rents for different homes."""
    n = note(document_of(catalogue, BIRCHFIELD), "co-investment.returns-surplus")
    assert ("the ten homes in the property schedule at £212 a week and the six homes bought at the rents for their "
            "size (three at £103.56 and three at £126.58), less voids") in n
    assert "for all sixteen homes the cover would be" not in n


def test_a_stress_cover_just_under_the_covenant_is_counted_and_shown_exactly(catalogue):
    """r21 ci-fresh finding 4: voids at 10% gives cover of 1.197, which rounds to 1.20 but fails 1.2: the note shows 1.197 and
    counts all six stress cases as below the covenant."""
    n = note(document_of(catalogue, KENMOOR), "co-investment.financial-covenants")
    assert "voids and bad debt at 10% 1.197;" in n
    assert "All six of these are below 1.2" in n


def test_stress_covers_clear_of_the_covenant_print_to_two_places(catalogue):
    """Quiet: with a lower covenant the cases are printed to two places and only those below it (five) are counted."""
    n = note(document_of(catalogue, KENMOOR.replace("  min_dscr: 1.2\n", "  min_dscr: 1.1\n")), "co-investment.financial-covenants")
    assert "voids and bad debt at 10% 1.2;" in n and "1.197" not in n
    assert "Five of these are below 1.1" in n


def test_contribution_is_cash_where_no_property_is_contributed(catalogue):
    """r21 ci-fresh finding 20: no property is contributed, so a Contribution is a contribution of cash."""
    assert "Contribution means each contribution of cash to the Partnership" in all_text(document_of(catalogue, KENMOOR))


def test_contribution_includes_property_where_a_property_is_contributed(catalogue):
    """Quiet: the Birchfield sheet contributes a council building, so the definition keeps 'cash or property'."""
    text = BIRCHFIELD
    assert "Contribution means each contribution of cash or property to the Partnership" in all_text(document_of(catalogue, text))


def test_capped_share_order_is_put_to_the_parties_with_both_orders_figures(homes_draft):
    """r21 ci-sample findings 1, 2: the Schedule 3 note gives the effect of putting the Foundation's capped share after the Capital
    Repayment Reserve and the alternative (share first) with its figures; the clause 11 note walks the same order."""
    n = " ".join(note(homes_draft, "co-investment.schedule-waterfall").split())
    assert "that order is the draft's choice, not an agreed term" in n
    assert "the Foundation is paid £59,205.48 over the term against up to £99,178.08" in n
    assert "(a) paying the share before the yearly payment into the reserve: the Foundation is then paid £99,178.08" in n
    assert "the reserve is £51,066.94 short of the £500,000 due on 31 May 2037" in n
    assert "(b) keeping this order, with the written acknowledgement of the Foundation" in n
    r = " ".join(note(homes_draft, "co-investment.returns-surplus").split())
    assert "£163,752.29" not in r
    assert ("(a) the fixed returns and instalments, £153,752.29; (b) the yearly payment into the Capital Repayment "
            "Reserve, £11,982.50") in r
    assert "(c) the share of what remains to the Foundation, £10,000; and the balance of £30,049.14" in r
    assert "so that £42,031.64 goes into that reserve in that year" in r


def test_no_capped_share_no_order_note(catalogue):
    """Quiet: a Foundation with a target return has no capped share, so no note on its order."""
    d = document_of(catalogue, HOMES.replace("return_basis: capped_surplus_share", "return_basis: target"))
    n = note(d, "co-investment.schedule-waterfall")
    assert "draft's choice, not an agreed term" not in n
    assert "share of what remains to" not in note(d, "co-investment.returns-surplus")


def test_operating_costs_are_all_costs_with_an_overspend_cap(homes_draft):
    """r21 ci-sample finding 4: Operating Costs are every cost properly incurred (not only those within the budget), so an
    overspend is deducted in the cover test and has its step; the governance clause caps it, bracketed."""
    defs = "\n".join(clause_text(homes_draft, c.id) for c in homes_draft.all_clauses() if "definition" in c.id or "interpretation" in c.id)
    assert "Operating Costs means the costs properly incurred in managing" in defs
    assert "within the budget the Partnership Board approves" not in defs
    assert ("must not incur Operating Costs in a Partnership Year of more than [105]% of the budget the Partnership "
            "Board has approved for that year without the approval of the Partnership Board") in \
        clause_text(homes_draft, "co-investment.governance")
    assert "As incurred (above [105]% of the approved budget, only with the approval of the Partnership Board" in \
        clause_text(homes_draft, "co-investment.schedule-waterfall")
    assert "a figure this draft assumes: confirm it with the Investors" in note(homes_draft, "co-investment.returns-surplus")


def test_reserve_rounding_schedule_1_heading_and_recital_occupation(homes_draft, catalogue):
    """r21 ci-sample findings 11, 17, 18: the nine reserve payments add up to £500,000 exactly; the Schedule 1 columns say what
    they hold; the recital's unrestricted values are, like Schedule 1, subject to the occupied home's occupation."""
    wf = clause_text(homes_draft, "co-investment.schedule-waterfall")
    assert "£55,555.56 in each of the first eight and £55,555.52 in the last" in wf
    assert "from the one starting on 1 June 2028 to the one starting on 1 June 2036" in wf  # r23 ci-sample 6
    assert "Price paid\nAttributable Contribution per home" in clause_text(homes_draft, "co-investment.schedule-properties")
    assert "(subject only to the existing occupation of 2 O'Brien Court, Trentborough TB21 1TT)" in \
        clause_text(homes_draft, "co-investment.recitals")
    quiet = document_of(catalogue, HOMES.replace("maturity: 2037-05-31", "maturity: 2035-06-30"))
    assert "in the last" not in clause_text(quiet, "co-investment.schedule-waterfall").split("Capital Repayment Reserve towards")[1][:300]


def test_debt_service_retention_note_puts_it_as_a_term_with_a_cap_option(homes_draft):
    """r21 ci-sample finding 5: the retention is put to the Charity as a term, with the Fund's payment dates as the cleaner fix and
    a cap on the top-up if it stays."""
    n = " ".join(note(homes_draft, "co-investment.schedule-waterfall").split())
    assert "The retention is this draft's mechanism, not an agreed term." in n
    assert "and delete the retention paragraphs" in n
    # r23 ci-sample 2: the cap is now in the Schedule; the sample agrees its amount.
    assert "capped at the agreed £100,000" in n


def test_reserve_payment_in_the_note_explains_the_arrears(wellgate_draft):
    """r22 ci-fresh finding 13: the clause 10 note's reserve payment above the Schedule 3 yearly sum says what makes up the rest."""
    c = next(c for c in wellgate_draft.all_clauses() if c.id == "co-investment.returns-surplus")
    n = " ".join((c.note or "").split())
    assert ("the yearly payment into the Capital Repayment Reserve, £41,360.72 (£21,428.57 for that year under "
            "Schedule 3 and £19,932.15 not met in earlier years and carried forward), of which only £11,427.56 is met") in n


def test_own_resources_duty_yields_to_consented_refinancing(homes_draft):
    """r22 ci-sample finding 7: clause 5.9 does not cut out the refinancing route Schedule 3 allows."""
    t = " ".join(clause_text(homes_draft, "co-investment.contributions").split())
    assert ("that the Capital Repayment Reserve does not meet and that is not met from a refinancing consented to "
            "under clause") in t


def test_no_bullet_repayment_no_refinancing_words(catalogue):
    """Quiet: with no capital repaid in one sum, clause 5.9 says nothing about the reserve or a refinancing."""
    d = document_of(catalogue, HOMES.replace("repayment: at_end", "repayment: amortising"))
    t = " ".join(clause_text(d, "co-investment.contributions").split())
    assert "not met from a refinancing consented" not in t


def test_surplus_and_reinvested_homes_are_acquired_homes(homes_draft):
    """r22 ci-sample finding 3: homes bought with Partnership Surplus (clause 11.4) and property reinvested under clause
    13.6 are Acquired Homes (so Partnership Property, charged and tested); a surplus home's Attributable Contribution
    is nil and the grant is shared only between homes bought with cash Contributions."""
    a = definition(homes_draft, "Acquired Home")
    assert ("each home it buys with Partnership Surplus under clause 11.4 and each property that becomes a "
            "Partnership Property under clause 13.6") in a
    c = definition(homes_draft, "Attributable Contribution")
    assert "for each Acquired Home bought with cash Contributions under clause 6, an equal share of the Authority Grant" in c
    assert "for each Acquired Home bought with Partnership Surplus, nil" in c
    assert "equally between the Acquired Homes then held that were bought with cash Contributions" in c
    assert "or a property that becomes a Partnership Property under clause 13.6, takes over the Attributable Contribution" in c


def test_no_surplus_buying_no_surplus_homes(catalogue):
    """Quiet: where surplus may not be used to buy homes, the definitions do not mention homes bought with it."""
    d = document_of(catalogue, HOMES.replace("buying and refurbishing further homes in the Partnership Area",
                                      "repairs to the homes in the Partnership Area"))
    assert "Partnership Surplus" not in definition(d, "Acquired Home")
    assert "Partnership Surplus" not in definition(d, "Attributable Contribution")


def test_rejected_covenant_plan_leads_to_a_revised_plan_and_a_long_stop(homes_draft):
    """r22 ci-sample finding 4: a reasonably rejected plan must be followed by a revised plan, and no approved plan
    within 130 Business Days after the certificate is a failure to propose one (a Default Event under clause 26).
    r23 ci-fresh 8: 60 to propose, 20 to answer, 20 to revise and 20 to answer again is 120, so 90 made one
    rejection a default however promptly the Charity acted."""
    t = " ".join(clause_text(homes_draft, "co-investment.financial-covenants").split())
    assert ("If a plan is rejected and is not treated as approved, the Charity must propose a revised plan within 20 "
            "Business Days after the rejection or, if the rejection is referred under this clause and upheld, after that "
            "decision, and this clause applies to the revised plan.") in t
    assert ("within 130 Business Days after the Charity gives the certificate for the Test Year (not counting any time "
            "while a reference under this clause is being decided), the Charity is treated as having failed to propose "
            "a plan required by this clause.") in t
    d = " ".join(clause_text(homes_draft, "co-investment.default-termination").split())
    assert "a plan required by clause 12.3" in d


def test_works_budget_for_bought_homes_sits_outside_the_all_in_cap(tamsford_draft):
    """r23 ci-fresh finding 2: where homes are bought and no properties are scheduled, the works budget is a separate
    limit for the works to all the homes bought; the all-in cap covers the price, fees and any stamp duty land tax, and
    the notes say that nothing is left over."""
    t = clause_text(tamsford_draft, "co-investment.works", flat=True)
    assert ("the cost of buying each home it buys, including its survey, valuation, legal and letting-ready costs and "
            "any stamp duty land tax, does not exceed £261,000;") in t
    assert "the total cost of the works under this clause to all the homes it buys does not exceed £280,000" in t
    assert "buying and refurbishing each home" not in t
    c = clause_text(tamsford_draft, "co-investment.schedule-criteria", flat=True)
    assert "Works budget for all 20 homes" in c and "£280,000" in c
    assert "Highest total cost, including refurbishment" not in c
    n = flat(note(tamsford_draft, "co-investment.acquisition"))
    assert "less the works budget of £280,000, leave £5,220,000" in n
    assert "nothing is left for any other Partnership cost" in n
    assert "of headroom" not in n
    x = flat(note(tamsford_draft, "co-investment.tax"))
    assert "would cost up to £300,000 across the 20 homes" in x


def test_works_budget_for_scheduled_properties_keeps_the_all_in_cap(catalogue):
    """Quiet: the sample, whose works budget pays for the transferred properties, keeps an all-in cap that includes
    refurbishment for the homes bought."""
    d = document_of(catalogue, HOMES)
    t = clause_text(d, "co-investment.works", flat=True)
    assert "the total cost of buying and refurbishing each home it buys" in t
    assert "to all the homes it buys" not in t


def test_cover_uses_the_mix_the_acquisition_criteria_allow(tamsford_draft):
    """r23 ci-fresh finding 3: with no agreed mix but criteria bounding the sizes (at least 8 two- and three-bedroom,
    no more than 2 four-bedroom), the business plan rents the homes on the lowest-rent mix the criteria allow (12/8/0:
    cover 1.21), not an equal split the criteria forbid, and the note gives the highest-rent mix's cover."""
    n = flat(note(tamsford_draft, "co-investment.financial-covenants"))
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


def test_fund_money_passed_through_carries_its_conditions(tamsford_draft):
    """r23 ci-fresh finding 5: the part of the grant that is the Council's Local Authority Housing Fund allocation
    carries the fund's conditions down to the Association, with reporting and repayment if the Ministry recovers it."""
    t = clause_text(tamsford_draft, "co-investment.contributions", flat=True)
    assert "£1,150,000 (one million one hundred and fifty thousand pounds) of the Authority Grant is paid from the " \
           "Council's allocation from the Local Authority Housing Fund" in t
    assert ("repay to the Council on demand any part of it that the Ministry of Housing, Communities and Local "
            "Government recovers from the Council because of an act or omission of the Association") in t
    c = clause_text(tamsford_draft, "co-investment.conditions-precedent", flat=True)
    assert "the Council has given the Association a copy of the conditions on which the Ministry" in c
    n = flat(note(tamsford_draft, "co-investment.contributions"))
    assert "The instructions give no spend-by date" in n


def test_fund_named_but_not_passed_through_is_flagged_only(catalogue):
    """Quiet: without the passed_through block the clause says nothing of a fund; the note asks which part it is."""
    text = TAMSFORD.split("      passed_through:")[0] + "\n  delivery:" + TAMSFORD.split("\n  delivery:", 1)[1]
    d = document_of(catalogue, text)
    assert "Local Authority Housing Fund" not in clause_text(d, "co-investment.contributions", flat=True)
    assert "The description of the Authority Grant names a fund" in flat(note(d, "co-investment.contributions"))


def test_cover_tested_from_a_year_end_is_the_first_test_years_end(tamsford_draft):
    """r23 ci-fresh finding 6: 'tested from 31 March 2030' on a term starting 1 April is the end of the first Test
    Year (1 April 2029 to 31 March 2030), in step with the Partnership Years, not a year starting on 31 March."""
    d = definition(tamsford_draft, "Test Year")
    assert d.startswith("each period of twelve months starting on 1 April 2029")
    assert "starting 1 April 2029 and ending on 31 March 2030" in flat(note(tamsford_draft, "co-investment.financial-covenants"))


def test_cover_tested_from_a_year_start_is_unchanged(catalogue):
    """Quiet: a first test date that starts a Partnership Year starts the first Test Year."""
    doc = document_of(catalogue, TAMSFORD.replace("dscr_tested_from: 2030-03-31", "dscr_tested_from: 2030-04-01"))
    d = definition(doc, "Test Year")
    assert d.startswith("each period of twelve months starting on 1 April 2030")
    assert "and ending on" not in flat(note(doc, "co-investment.financial-covenants"))


def test_no_return_only_payment_before_the_capital_is_drawn(tamsford_draft):
    """r23 ci-fresh finding 10: Ravelin draws on 2 May 2028, after 31 March 2028, so no return-only payment falls due on
    31 March 2028; the first instalment (reduced by £6,443.84 to £93,148.44) is the first payment."""
    t = clause_text(tamsford_draft, "co-investment.schedule-contributions", flat=True)
    assert ("Return on, and repayment of, the capital of Ravelin: return at 4.9% a year (simple, calculated daily on a "
            "365-day year) from the day each part of it is drawn, with no payment before its first instalment") in t
    assert "31 March 2028 (the first payment" not in t
    assert "making that instalment £93,148.44" in t and "but it is drawn after that date" in t
    w = clause_text(tamsford_draft, "co-investment.schedule-waterfall", flat=True)
    assert "the first reduced as Schedule 1 sets out; nothing is due before then" in w
    assert "return only" not in flat(note(tamsford_draft, "co-investment.schedule-contributions"))


def test_capital_drawn_before_the_instalments_still_pays_return_only(catalogue):
    """Quiet: capital drawn before the year the instalments are worked out from pays return only until then."""
    doc = document_of(catalogue, TAMSFORD.replace("  - date: 2028-05-02\n    contributor: Ravelin",
                                                  "  - date: 2028-02-01\n    contributor: Ravelin"))
    t = clause_text(doc, "co-investment.schedule-contributions", flat=True)
    assert "Repayment of the capital of Ravelin: return only" in t
    assert "paid in arrear on 31 March 2028" in t


def test_the_authoritys_own_fund_is_not_flagged(catalogue):
    """Quiet: a grant from the authority's own fund ('the Council's community assets fund') is not asked about."""
    text = LEASE
    assert "names a fund" not in flat(note(document_of(catalogue, text), "co-investment.contributions"))


def test_repairs_reserve_is_not_counted_twice_and_the_note_gives_the_middle_course(homes_draft):
    """r23 ci-sample finding 7 and ci-fresh finding 7: a cost met from the Repairs Reserve is not also an Operating
    Cost (the cover test would deduct the provision and the spend); the note gives the reserve a home a year and what
    each £100 a home less ahead of the Investors adds to the cover (Trentborough: £25,720.34 over 60 homes)."""
    defs = clause_text(homes_draft, "common.definitions", flat=True)
    assert "but not any payment into the Repairs Reserve, any cost met from the Repairs Reserve," in defs
    n = flat(note(homes_draft, "co-investment.returns-surplus"))
    assert "The reserve in this draft is about £429 a home a year; each £100 a home less ahead of the Investors adds about 0.04 to the cover." in n
    assert "so major repairs are not counted twice" in n


def test_no_reserve_figures_without_a_business_plan(catalogue):
    """Quiet: a sheet without the rent roll and cost budget gives no per-home reserve figure."""
    doc = document_of(catalogue, LEASE)
    assert "The reserve is a fixed share of Gross" in flat(note(doc, "co-investment.returns-surplus"))
    assert all("a home a year; each £100 a home less" not in (c.note or "") for c in doc.all_clauses())


def test_unspent_grant_repayment_is_an_exception_and_survives(skelmore_draft):
    """r24 ci-fresh finding 2: 5.11 (the grant is not repayable) names the repayment of unspent cash Contributions in
    6.8 as an exception, and the trust over unspent money (2.5) and that repayment survive termination."""
    c = clause_text(skelmore_draft, "co-investment.contributions", flat=True)
    assert "The Authority Grant is not repayable, except as clause 6.8, clause 13 and clause 22.5 provide." in c
    g = clause_text(skelmore_draft, "common.general", flat=True)
    assert "However this Agreement ends, clause 1, clause 2.5, clause 9," in g
    assert "within 20 Business Days after that time, and whether or not this Agreement has then ended:" in flat(
        clause_text(skelmore_draft, "co-investment.acquisition"))


def test_no_homes_to_buy_names_no_unspent_repayment(catalogue):
    """Quiet: a deal with no homes to buy has no unspent-money clause to name or keep alive."""
    d = document_of(catalogue, LEASE)
    assert "except as clause 6" not in clause_text(d, "co-investment.contributions", flat=True)


def test_gross_income_is_measured_for_any_period_and_leaves_out_interest_on_trust_money(skelmore_draft, homes_draft):
    """r24 ci-fresh finding 3 (the cover test measures Gross Income for an October-September Test Year) and ci-sample
    finding 10 (interest on cash Contributions held on trust belongs to them, not to the waterfall)."""
    for d in (skelmore_draft, homes_draft):
        t = clause_text(d, "common.definitions", flat=True)
        assert ("and interest on the Partnership Account (other than interest on cash Contributions not yet applied, "
                "which is added to them), in a Partnership Year or in any other period for which this Agreement "
                "measures it") in t


def test_a_prepayment_of_unspent_money_recalculates_the_instalments(homes_draft, skelmore_draft):
    """r24 ci-sample finding 6: unspent money repaid to an Investor repaid by instalments resets its instalments to
    repay what is outstanding by its Maturity Date; an Investor repaid in one sum (the Foundation) is not named."""
    t = clause_text(homes_draft, "co-investment.acquisition", flat=True)
    assert ("as a prepayment of its Investment Capital and, for the Fund, recalculate the instalments shown for it in "
            "Schedule 2 so that they repay its Investment Capital then outstanding") in t
    assert "for the Foundation, recalculate" not in t
    s = clause_text(skelmore_draft, "co-investment.acquisition", flat=True)
    assert "as a prepayment of its Investment Capital, and recalculate the instalments shown for it in Schedule 1" in s


def test_waterfall_step_one_needs_the_investor_consent_the_budget_clause_requires(homes_draft, skelmore_draft):
    """r24 ci-sample finding 8: Sch 3 step 1 (Operating Costs above budget) names the Investors' consent that the
    governance clause requires, not only the Partnership Board's approval."""
    assert ("only with the approval of the Partnership Board under clause 15.3 and the consent of each Investor under "
            "clause 15.4)") in clause_text(homes_draft, "co-investment.schedule-waterfall", flat=True)
    assert "and the consent of the Investor under clause 15.4)" in flat(
        clause_text(skelmore_draft, "co-investment.schedule-waterfall"))
