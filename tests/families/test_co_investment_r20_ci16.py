"""r20 ci-fresh review (Birchfield: a council building leased for a refuge, plus move-on flats bought): findings
the ci16 lane fixed, each with a firing case on the reviewed sheet and a quiet case on a sheet without the fact."""

from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import document_of, clause_text, note

BIRCHFIELD = Path(__file__).parent / "fixtures" / "co-investment-birchfield-r20.yaml"
TEXT = BIRCHFIELD.read_text(encoding="utf-8")


def draft(catalogue, text: str = TEXT):
    return document_of(catalogue, text)


def definitions(doc) -> str:
    return "\n".join(clause_text(doc, c.id) for c in doc.all_clauses() if "definition" in c.id or "interpretation" in c.id)


def test_grant_for_the_conversion_works_is_attributed_to_the_converted_homes(catalogue):
    """Finding 2: a grant the sheet gives 'for the conversion works' is attributed to the ten homes in Schedule 1
    (£45,000 each, £99,000 a home with the undervalue), not to the six flats bought (£75,000 each)."""
    doc = draft(catalogue)
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
    for text in (TEXT.replace("      amount: 450,000\n", "      amount: 450,000\n      grant_for: homes_bought\n", 1),
                 TEXT.replace("for the conversion works", "to buy the move-on flats")):
        doc = draft(catalogue, text)
        sched = clause_text(doc, "co-investment.schedule-properties")
        assert "£54,000" in sched and "£99,000" not in sched
        assert "an equal share of the Authority Grant" in "\n".join(clause_text(doc, c.id) for c in doc.all_clauses())
        assert "must spend the Authority Grant only on the works" not in clause_text(doc, "co-investment.contributions")


def test_refuge_units_have_their_own_referral_route_and_addresses_stay_confidential(catalogue):
    """Findings 3 and 7: the nomination share is counted separately for the refuge units; a refuge vacancy goes out
    through the referral routes at once, the Council has a set number of hours, an emergency admission waits for no
    one and no resident is named before admission; the five-day objection is for the other homes only. Every Party
    keeps the addresses confidential and the Council removes them before publishing; the note gives FOIA s.38/s.40
    and the Land Registry exempt information documents."""
    doc = draft(catalogue)
    text = clause_text(doc, "co-investment.nominations")
    assert "and the resident for 40% of admissions to the refuge units" in text
    assert "including the national refuge vacancy system, giving the size of the unit but not its address" in text
    assert "or at once if the admission is an emergency" in text
    assert "need not identify a resident of the refuge units to the Council before admission" in text
    assert "(other than one of the refuge units, to which clause" in text
    assert "Despite clause" in text and "must remove from it the address, title number and plan" in text
    n = note(doc, "co-investment.nominations")
    assert "section 38" in n and "rule 136 of the Land Registration Rules 2003" in n


def test_no_refuge_no_referral_route_or_address_confidentiality(catalogue):
    """Quiet: the affordable homes sample (no licensed homes, no refuge) keeps one nomination route and no
    confidentiality of addresses; hostel rooms on licences get the referral route but not the refuge words, and
    their addresses are not made confidential unless the sheet says so."""
    from tests.families.test_co_investment import HOMES
    base = HOMES.read_text(encoding="utf-8")
    text = clause_text(draft(catalogue, base), "co-investment.nominations")
    assert "admission to the" not in text and "address and location" not in text
    marker = "    - a sale of a home that the Partnership Board approves"
    hostel = base.replace(marker, "    - licences of hostel rooms to residents, and tenancies of the other homes\n" + marker)
    text = clause_text(draft(catalogue, hostel), "co-investment.nominations")
    assert "every admission to the hostel rooms" in text and "national refuge vacancy system" not in text
    assert "address and location" not in text


def test_exempt_accommodation_duty_and_rent_cut_stress_only_for_the_refuge_units(catalogue):
    """Findings 4 and 11: the move-on flats are let at LHA rates, so the exempt-accommodation support duty names the
    refuge units only, the note says so and cites s.12(1)(c) and (4) of the 2023 Act (no 'Part 2'), and the rent-cut
    stress cuts the refuge units' rent only (cover about 1.24, not 1.14)."""
    doc = draft(catalogue)
    ops = clause_text(doc, "co-investment.operations")
    assert "to each resident of the refuge units the care, support or supervision" in ops
    n = note(doc, "co-investment.operations")
    assert "the support duty in the clause applies only to the refuge units" in n
    assert "section 12(1)(c) and (4)" in n and "Part 2 of the Supported Housing" not in n
    cov = note(doc, "co-investment.financial-covenants")
    assert "rents of the refuge units 15% lower 1.24" in cov


def test_every_home_exempt_where_the_sheet_has_one_rent_basis(catalogue):
    """Quiet: with exempt_homes unset and no bought homes let by size, the duty and the stress cover every home."""
    text = (Path(__file__).parents[1] / "rules" / "fixtures" / "co-investment-supported-lease.yaml").read_text(encoding="utf-8")
    doc = draft(catalogue, text)
    assert "to each tenant of a home the care" in clause_text(doc, "co-investment.operations")
    assert "rents of the" not in note(doc, "co-investment.financial-covenants")


def test_a_buyer_from_the_senior_investor_is_freed_from_the_lease_covenant_on_clawback_and_lock(catalogue):
    """Finding 6: one rule for a buyer on enforcement. The lease covenant to comply with the clawback and disposal
    clauses does not bind Ridgeway (senior), its receiver, its mortgagee in possession or anyone deriving title from
    them, as clause 13 says; the Priority Deed heads say the same, and a buyer from the Foundation (junior) takes
    the lease subject to all its covenants."""
    doc = draft(catalogue)
    lease = clause_text(doc, "co-investment.asset-transfer")
    assert ("comply with clause 13 and clause 14, which does not bind Ridgeway, a receiver appointed by it, a mortgagee "
            "in possession under its Investor Charge, or anyone deriving title from a sale by any of them") in lease
    forms = clause_text(doc, "co-investment.schedule-agreed-forms")
    assert "are not liable to pay a Clawback Amount and are not bound by the covenant in a lease" in forms
    assert "a buyer of a lease from any of them takes it subject to all its covenants" in forms


def test_a_transfer_deal_has_no_lease_covenant_exception(catalogue):
    """Quiet: a sheet whose Authority transfers freeholds has no lease covenant, so no such exception appears."""
    from tests.families.test_co_investment import HOMES
    doc = draft(catalogue, HOMES.read_text(encoding="utf-8"))
    text = "\n".join(clause_text(doc, c.id) for c in doc.all_clauses())
    assert "deriving title from a sale by any of them" not in text


def test_section_57_domestic_abuse_act_is_a_purpose_not_a_power(catalogue):
    """Finding 14: s.57 DAA 2021 (a support duty) listed among the powers is recited as a purpose, not a power; a
    sheet without it keeps the powers sentence alone."""
    doc = draft(catalogue)
    rec = clause_text(doc, "co-investment.recitals")
    assert "and section 24 of the Local Government Act 1988 (financial assistance for privately let housing) to enter" in rec
    assert "in part to give effect to its strategy for accommodation-based support" in rec
    assert "gives no power to grant a lease or a grant" in note(doc, "co-investment.recitals")
    quiet = draft(catalogue, TEXT.replace("    - section 57 of the Domestic Abuse Act 2021 (support in safe accommodation)\n", ""))
    assert "accommodation-based support" not in clause_text(quiet, "co-investment.recitals")


def test_no_section_53_digression_for_a_co_investment_under_five_million(catalogue):
    """Finding 16: a co-investment agreement worth £5 million or less gets no Procurement Act s.53 aside in the
    freedom of information note, and a refuge's addresses are to be removed from anything published."""
    n = note(draft(catalogue), "common.freedom-of-information")
    assert "section 53 of the Procurement Act" not in n
    assert "the addresses of the homes must be removed from anything published" in n


def test_reserve_note_states_each_rent_basis(catalogue):
    """Finding 17: the reserve note gives the refuge units' one weekly rent and the flats' LHA rents by size, and no
    'all sixteen homes at £212' aside where the sheet sets the two rents for different homes."""
    n = note(draft(catalogue), "co-investment.returns-surplus")
    assert ("the ten homes in the property schedule at £212 a week and the six homes bought at the rents for their "
            "size (three at £103.56 and three at £126.58), less voids") in n
    assert "for all sixteen homes the cover would be" not in n


def test_impact_target_does_not_call_refuge_units_affordable_homes(catalogue):
    """Finding 18: with refuge units on licences, the impact target speaks of homes let or occupied, and one leased
    property is singular; the affordable homes sample keeps 'affordable homes'."""
    text = clause_text(draft(catalogue), "co-investment.purpose-outcomes")
    assert ("to provide sixteen (16) homes in the Partnership Area let or occupied by 31 October 2028: ten in the "
            "Leased Property and six Acquired Homes bought by 30 June 2028") in text
    from tests.families.test_co_investment import HOMES
    assert "affordable homes in the Partnership Area" in clause_text(draft(catalogue, HOMES.read_text(encoding="utf-8")),
                                                                    "co-investment.purpose-outcomes")


def test_restriction_has_form_l_optional_words_and_the_note_says_when_it_can_go(catalogue):
    """Finding 20 and ci-sample finding 14: the Form L restriction ends with the optional words so the Council can
    certify dispositions the clauses do not touch; the note says what to check (no 'has not been set against'
    admission) and that an open-ended asset lock keeps the restriction for the life of the lease."""
    doc = draft(catalogue)
    assert "have been complied with or that they do not apply to the disposition." in \
        clause_text(doc, "co-investment.schedule-restriction")
    n = note(doc, "co-investment.schedule-restriction")
    assert "has been set against Schedule 4" not in n and "Neither has been set" not in n
    assert "the restriction stays on the title for the life of the lease" in n


def test_taper_over_the_term_when_the_clawback_years_are_the_term(catalogue):
    """Finding 13: 25 clawback years on a 25-year term taper over the Partnership Term and end with it; with
    runs_with_term: false the period runs 25 years from each home's transfer or purchase."""
    doc = draft(catalogue)
    defs = "\n".join(clause_text(doc, c.id) for c in doc.all_clauses())
    assert "the date of its purchase, to the end of the Partnership Term on 31 March 2052" in defs
    assert "for each complete year of the Partnership Term that has passed" in clause_text(doc, "co-investment.clawback")
    quiet = draft(catalogue, TEXT.replace("clawback:\n  years: 25\n", "clawback:\n  years: 25\n  runs_with_term: false\n"))
    assert "for each complete year of the Asset Clawback Period that has passed" in clause_text(quiet, "co-investment.clawback")


def test_re_entry_notice_names_the_substitute_provider(catalogue):
    """Finding 21 (cl 8.5): the Investor may find a Substitute Provider, the defined term, not a 'substitute tenant'."""
    lease = clause_text(draft(catalogue), "co-investment.asset-transfer")
    assert "to find a Substitute Provider to take an assignment of the lease under clause" in lease
    assert "substitute tenant" not in lease
