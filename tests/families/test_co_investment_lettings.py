"""Co-investment lettings in the draft: nominations and referral routes, occupation agreements (settled homes and
temporary accommodation), rents, their review and confirmation, Housing Benefit and exempt accommodation, and the
support the tenants receive. Each finding of a review has a firing case and a quiet case on a sheet without the
fact."""

from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import document_of, clause_text, flat, note, all_text
from tests.families.conftest import HOMES, LEASE, BIRCHFIELD, KENMOOR, TAMSFORD, SKELMORE, WEALDSHIRE

OWN_SUPPORT = "  support_contract:\n    provider: delivery\n    title: supported living contract\n"


def test_refuge_units_have_their_own_referral_route_and_addresses_stay_confidential(catalogue):
    """r20 ci-fresh findings 3 and 7: the nomination share is counted separately for the refuge units; a refuge vacancy goes out
    through the referral routes at once, the Council has a set number of hours, an emergency admission waits for no
    one and no resident is named before admission; the five-day objection is for the other homes only. Every Party
    keeps the addresses confidential and the Council removes them before publishing; the note gives FOIA s.38/s.40
    and the Land Registry exempt information documents."""
    doc = document_of(catalogue, BIRCHFIELD)
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
    base = HOMES
    text = clause_text(document_of(catalogue, base), "co-investment.nominations")
    assert "admission to the" not in text and "address and location" not in text
    marker = "    - a sale of a home that the Partnership Board approves"
    hostel = base.replace(marker, "    - licences of hostel rooms to residents, and tenancies of the other homes\n" + marker)
    text = clause_text(document_of(catalogue, hostel), "co-investment.nominations")
    assert "every admission to the hostel rooms" in text and "national refuge vacancy system" not in text
    assert "address and location" not in text


def test_exempt_accommodation_duty_and_rent_cut_stress_only_for_the_refuge_units(catalogue):
    """r20 ci-fresh findings 4 and 11: the move-on flats are let at LHA rates, so the exempt-accommodation support duty names the
    refuge units only, the note says so and cites s.12(1)(c) and (4) of the 2023 Act (no 'Part 2'), and the rent-cut
    stress cuts the refuge units' rent only (cover about 1.24, not 1.14)."""
    doc = document_of(catalogue, BIRCHFIELD)
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
    doc = document_of(catalogue, text)
    assert "to each tenant of a home the care" in clause_text(doc, "co-investment.operations")
    assert "rents of the" not in note(doc, "co-investment.financial-covenants")


def test_support_provided_by_the_charity_under_the_support_contract(catalogue):
    """r21 ci-fresh finding 1: where Threshold itself provides the support under the Council's contract, clause 16 requires it to
    provide that support (no unfunded support 'in addition'), the Support Contract is defined and a copy is a
    Completion Condition; the note no longer suggests a third-party provider."""
    doc = document_of(catalogue, KENMOOR)
    ops = clause_text(doc, "co-investment.operations")
    assert "Threshold must itself provide to each tenant of a home the care, support or supervision that it provides " \
           "under the Support Contract, or under any contract or arrangement that replaces it, so that each home is " \
           "exempt accommodation" in ops
    assert "in addition to" not in ops and "procure that a person acting on its behalf" not in ops
    text = all_text(doc)
    assert "Support Contract means the supported living contract between the Council and Threshold" in text
    assert "a copy of the Support Contract as in force" in clause_text(doc, "co-investment.conditions-precedent")
    n = note(doc, "co-investment.operations")
    assert "Threshold itself provides the support under the Support Contract" in n
    assert "may not count as provided" not in n


def test_support_by_another_provider_keeps_the_procure_route(catalogue):
    """Quiet: without the support_contract field (or with provider: other) the clause keeps the route of a person
    acting on the charity's behalf and no Support Contract is defined."""
    for text in (KENMOOR.replace(OWN_SUPPORT, ""), KENMOOR.replace("provider: delivery", "provider: other")):
        doc = document_of(catalogue, text)
        ops = clause_text(doc, "co-investment.operations")
        assert "procure that a person acting on its behalf" in ops
        if "provider: other" not in text:  # r24 ci-fresh 5: another provider's contract is named as the Support Contract
            assert "Support Contract" not in all_text(doc)


def test_rent_confirmation_is_a_condition_and_the_support_contract_ending_is_handled(catalogue):
    """r21 ci-fresh finding 2: the rent agreed in principle only becomes a Completion Condition at the sheet's rent; the Support
    Contract ending or being procured again brings notice and a Board meeting, without fettering the Council; the
    note says the Investor takes the Housing Benefit and commissioning risk."""
    doc = document_of(catalogue, KENMOOR)
    cp = clause_text(doc, "co-investment.conditions-precedent")
    assert "the Council's Housing Benefit service has confirmed in writing that, on the information then available, " \
           "it expects to treat as reasonable for each home as exempt accommodation a rent and eligible service " \
           "charges of no less than £198.50 a week for a one-bedroom home" in cp  # r24 ci-fresh 6
    ops = clause_text(doc, "co-investment.operations")
    assert "The Council must tell the other Parties in writing at least six months before the Support Contract ends" in ops
    assert "Nothing in this clause fetters the Council's procurement or commissioning decisions." in ops
    n = note(doc, "co-investment.operations")
    assert "the Investor takes the Housing Benefit and commissioning risk" in n
    assert "The rent is agreed in principle only" in n


def test_rent_confirmed_and_no_support_contract_stay_quiet(catalogue):
    """Quiet: a confirmed rent (the default) adds no condition; without a Support Contract there is no clause on its
    ending and no commissioning-risk note."""
    doc = document_of(catalogue, KENMOOR.replace("  rent_confirmed: false", "  rent_confirmed: true").replace(OWN_SUPPORT, ""))
    assert "Housing Benefit service has confirmed in writing" not in clause_text(doc, "co-investment.conditions-precedent")
    assert "six months before" not in clause_text(doc, "co-investment.operations")
    assert "commissioning risk" not in note(doc, "co-investment.operations")


def test_fallback_letting_is_not_a_failed_nominations_target(homes_draft):
    """r22 ci-sample finding 9: a letting under clause 9.4 after the Council has not nominated in time does not count
    against a nominations target (which could otherwise build towards a Default Event)."""
    t = " ".join(clause_text(homes_draft, "co-investment.schedule-outcomes").split())
    assert ("A letting under clause 9.4 after the Council has not nominated in time is not counted as a failure to "
            "meet a target for lettings to households the Council nominates.") in t


def test_no_nominations_measure_no_fallback_sentence(catalogue):
    """Quiet: with no outcome measure about nominations, the schedule says nothing about fall-back lettings."""
    d = document_of(catalogue, HOMES.replace("Households nominated by the Council who are homeless",
                                      "Households housed who are homeless"))
    t = clause_text(d, "co-investment.schedule-outcomes")
    assert "not counted as a failure" not in t


def test_temporary_accommodation_is_a_part_7_placement_not_a_part_6_allocation(tamsford_draft):
    """r23 ci-fresh finding 1: homes used as temporary accommodation are Part 7 placements on the licence or tenancy
    the Nominations Agreement sets, not Part 6 allocations of assured periodic tenancies; the occupation ends when the
    Council's duty ends."""
    t = clause_text(tamsford_draft, "co-investment.nominations", flat=True)
    assert "Each nomination is a placement the Council makes in exercise of its functions under Part 7" in t
    assert "allocation scheme under Part 6" not in t
    assert "no home may be let on an assured shorthold tenancy" not in t
    assert "a licence or tenancy in the form set out in the agreement on nominations" in t
    assert "within 10 Business Days after its duty under Part 7 of the Housing Act 1996 to a" in t
    n = flat(note(tamsford_draft, "co-investment.nominations"))
    assert "so each nomination is an allocation under Part 6" not in n
    assert "section 209" in n and "social housing assured tenancies" in n
    assert "keeps the home" not in n
    s = clause_text(tamsford_draft, "co-investment.schedule-agreed-forms", flat=True)
    assert "the form of licence or tenancy on which the Association accommodates each household" in s


def test_settled_homes_keep_the_assured_periodic_tenancy(catalogue):
    """Quiet: the sheet saying the homes are settled homes (and the sample, whose purpose names no temporary
    accommodation) keeps the Part 6 allocation and the assured periodic tenancy."""
    for text in (TAMSFORD.replace("  brma: Tamsford", "  brma: Tamsford\n  use: settled"), HOMES):
        t = flat(clause_text(document_of(catalogue, text), "co-investment.nominations"))
        assert "Each nomination is a placement the Council makes" not in t
        assert "no home may be let on an assured shorthold tenancy" in t


def test_rent_standard_regime_is_a_completion_condition(tamsford_draft):
    """r23 ci-fresh finding 4: a registered provider charging Local Housing Allowance rents must confirm, with advice,
    the rent the Rent Standard permits before completion; the note names the temporary social housing exclusion."""
    t = clause_text(tamsford_draft, "co-investment.conditions-precedent", flat=True)
    assert "written confirmation, supported by advice, of the rent the Rent Standard permits for the homes" in t
    n = flat(note(tamsford_draft, "co-investment.registered-provider"))
    assert "temporary social housing as defined in Chapter 5" in n
    assert "A Completion Condition therefore requires the Association to confirm the rent regime" in n


def test_rent_standard_cap_needs_no_rent_condition(catalogue):
    """Quiet: rents already capped at what the Rent Standard permits need no separate confirmation."""
    text = TAMSFORD.replace("rent_cap: the Local Housing Allowance for the Broad Rental Market Area",
                            "rent_cap: the rent the Rent Standard permits\n  lha_by_bedrooms: false")
    t = flat(clause_text(document_of(catalogue, text), "co-investment.conditions-precedent"))
    assert "of the rent the Rent Standard permits for the homes" not in t


def test_rents_are_reviewed_yearly_within_the_cap_by_section_13_notice(homes_draft):
    """r23 ci-sample finding 13: rents are capped, so the delivery body reviews them yearly and raises a rent below
    the cap; for an assured tenancy only by a s.13 notice (Renters' Rights Act 2025 s.6); the cover note ties the
    trend to that review."""
    t = clause_text(homes_draft, "co-investment.nominations", flat=True)
    assert "The Charity must review the rent of each home once in each Partnership Year." in t
    assert "the Charity must increase it up to the cap, unless the Partnership Board agrees a lower increase" in t
    assert "only by notice under that section" in t
    n = flat(note(homes_draft, "co-investment.nominations"))
    assert "section 6 of the Renters' Rights Act 2025" in n and "two months' notice" in n
    assert "a cure cannot fix a trend, so the yearly rent review in clause" in flat(note(homes_draft, "co-investment.financial-covenants"))


def test_rent_rise_the_business_plan_assumes_is_the_review_and_the_cover_note_cites_it(catalogue):
    """Firing: with income.rent_increase_percent the review raises rents by that rise (or up to the cap) and the
    cover note states the rise and the cover the trend case gives on it."""
    doc = document_of(catalogue, HOMES.replace("\nincome:\n", "\nincome:\n  rent_increase_percent: 2.7\n", 1))
    t = clause_text(doc, "co-investment.nominations", flat=True)
    assert "must increase it by 2.7% or, if less, up to the cap" in t
    assert "raise a rent below the cap by the 2.7% a year the business plan assumes" in flat(note(doc, "co-investment.nominations"))
    fc = flat(note(doc, "co-investment.financial-covenants"))
    assert "The business plan assumes rents rise 2.7% a year under the rent review in clause" in fc
    assert "rents rising 2.7% a year, the cover stays at or above 1.2 in every Test Year (lowest" in fc


def test_temporary_accommodation_rent_review_follows_the_occupation_agreement(catalogue):
    """Temporary accommodation (licences, non-assured tenancies): no s.13 route in the clause; the note says the
    occupation agreement must provide for the review."""
    doc = document_of(catalogue, TAMSFORD)
    t = clause_text(doc, "co-investment.nominations", flat=True)
    assert "The Association must review the rent of each home once in each Partnership Year." in t
    assert "only in a way that the Law and the terms of the licence or tenancy allow" in t
    assert "only by notice under that section" not in t
    assert "must provide for the yearly review" in flat(note(doc, "co-investment.nominations"))


def test_no_rent_review_without_lettings(catalogue):
    """Quiet: a deal with no nominations clause (a community asset) has no rent review and no rent-rise note."""
    doc = document_of(catalogue, LEASE)
    assert all("review the rent of each home" not in (c.note or "") for c in doc.all_clauses())
    assert not any(c.id == "co-investment.nominations" for c in doc.all_clauses())
    assert all("The business plan assumes rents rise" not in (c.note or "") for c in doc.all_clauses())


def test_temporary_accommodation_fall_back_is_another_authoritys_placement(catalogue):
    """ci22 lane brief (9.4 for temporary accommodation): a home the Council does not fill in time may take a
    household another local housing authority places under Part 7, so it stays temporary accommodation; the note says
    why a direct letting would not work and offers a void payment instead."""
    doc = document_of(catalogue, TAMSFORD)
    t = clause_text(doc, "co-investment.nominations", flat=True)
    assert "the Association may accept for the home a person placed in it by another local housing authority under Part 7" in t
    assert "A placement made under this clause because the Council did not nominate in time" in t
    assert "may let the home to" not in t
    n = flat(note(doc, "co-investment.nominations"))
    assert "A letting by the Association direct would not be a Part 7 placement" in n
    assert "agree a payment for each void day" in n


def test_settled_homes_keep_the_fall_back_letting(homes_draft):
    """Quiet: settled homes keep the fall-back letting and its note."""
    t = clause_text(homes_draft, "co-investment.nominations", flat=True)
    assert "the Charity may let the home to a household in housing need" in t
    assert "another local housing authority" not in t


def test_support_contract_from_the_sheet_is_named_costed_and_its_end_dealt_with(skelmore_draft):
    """r24 ci-fresh findings 4 and 5: the Council's support contract is named from the sheet, the Council gives the
    copy, the Society's own support is an Operating Cost, and the Council gives 12 months' notice of whether it will
    commission support again, without fettering its decisions."""
    d = clause_text(skelmore_draft, "common.definitions", flat=True)
    assert ("Support Contract means the supported living call-off contract under the Council's Learning Disability and "
            "Autism Supported Living Framework (reference SMBC/ASC/SL/2026/14 dated 1 April 2026)") in d
    assert ("the cost of the care, support or supervision the Society provides, or procures, under clause 16 is one of "
            "the Operating Costs") in d
    cp = clause_text(skelmore_draft, "co-investment.conditions-precedent", flat=True)
    assert "the Council has given each other Party a copy of the Support Contract, redacted as it reasonably requires" in cp
    o = clause_text(skelmore_draft, "co-investment.operations", flat=True)
    assert "in addition to the care and support commissioned under the Support Contract" in o
    assert "at least 12 months before the Support Contract ends on 31 March 2032, whether it intends to commission" in o
    assert "Nothing in this clause fetters the Council's procurement or commissioning decisions" in o
    n = flat(note(skelmore_draft, "co-investment.operations"))
    assert "£4,200 a home a year covers it" in n
    assert "ends on 31 March 2032, before the Investment Capital is due to be repaid (by 31 March 2053)" in n


def test_no_support_contract_keeps_the_generic_wording(homes_draft):
    """Quiet: the sample's sheet names no separately commissioned support contract."""
    assert "Support Contract means" not in clause_text(homes_draft, "common.definitions", flat=True)
    assert "12 months before the Support Contract ends" not in clause_text(homes_draft, "co-investment.operations", flat=True)


def test_housing_benefit_condition_is_an_expectation_and_records_a_letter_held(catalogue, skelmore_draft):
    """r24 ci-fresh finding 6: the Housing Benefit service cannot bind itself on future claims, so the condition asks
    for its written expectation; a letter already held (income.rent_confirmation) is recorded in the note."""
    cp = clause_text(skelmore_draft, "co-investment.conditions-precedent", flat=True)
    assert ("the Council's Housing Benefit service has confirmed in writing that, on the information then available, it "
            "expects to treat as reasonable for each home as exempt accommodation a rent and eligible service charges "
            "of no less than £285 a week for a two-bedroom home") in cp
    n = flat(note(skelmore_draft, "co-investment.conditions-precedent"))
    assert "an expectation, not a binding determination" in n
    assert "letter of" not in n
    text = SKELMORE.replace("  rent_confirmed: false\n", "  rent_confirmed: false\n  rent_confirmation:\n"
                            "    date: 2026-10-14\n    by: The Council's Housing Benefit service\n"
                            "    letter: that it expects to treat £285 a week as reasonable\n")
    n = flat(note(document_of(catalogue, text), "co-investment.conditions-precedent"))
    assert ("The Council's Housing Benefit service has already said in writing that it expects to treat £285 a week as "
            "reasonable (letter of 14 October 2026)") in n


def test_confirmed_rent_has_no_housing_benefit_condition(catalogue):
    """Quiet: a rent already confirmed in writing needs neither the condition nor the note."""
    d = document_of(catalogue, SKELMORE.replace("  rent_confirmed: false\n", "  rent_confirmed: true\n"))
    assert "expects to treat as reasonable" not in clause_text(d, "co-investment.conditions-precedent", flat=True)
    assert "expectation, not a binding determination" not in flat(note(d, "co-investment.conditions-precedent"))


def test_supported_accommodation_possession_grounds_are_flagged_for_exempt_homes(skelmore_draft, homes_draft):
    """r24 ci-fresh finding 7: for supported (exempt) accommodation the lettings note names the Renters' Rights Act
    2025 supported accommodation grounds and asks whether the landlord may use them; general needs homes do not."""
    assert "(Grounds 5E, 5F, 5H and 18" in flat(note(skelmore_draft, "co-investment.nominations"))
    assert "Grounds 5E" not in flat(note(homes_draft, "co-investment.nominations"))


def test_support_commissioned_separately_is_not_the_associations_duty(wealdshire_draft):
    """r25 ci-fresh finding 3: tenancy support the Council commissions from another provider is not something the
    Association must provide or arrange; the definition calls it tenancy support, and the Council gives 12 months'
    notice before the contract's end date, without fettering its decisions."""
    t = clause_text(wealdshire_draft, "co-investment.operations", flat=True)
    assert "must provide, or arrange, support" not in t
    assert ("The Council must make the tenancy support under the Support Contract available to the tenants of the "
            "homes for as long as the Support Contract continues.") in t
    assert "The Association is not responsible under this Agreement for providing or arranging the tenancy support" in t
    assert "It must tell that provider and the tenant's personal adviser promptly of any risk to a tenancy." in t
    assert ("at least 12 months before the Support Contract ends on 30 September 2030, whether it intends to commission "
            "tenancy support for the tenants of the homes again after that date") in t
    assert "Nothing in this clause fetters the Council's procurement or commissioning decisions" in t
    n = flat(note(wealdshire_draft, "co-investment.operations"))
    assert "The Support Contract ends on 30 September 2030, before the Investment Capital is due to be repaid" in n


def test_support_paid_from_the_rent_keeps_the_associations_duty(catalogue):
    """Quiet: where support is not funded separately, the Association still provides or arranges it and no Support
    Contract notice appears."""
    sheet = WEALDSHIRE.replace("support_funded_separately: true", "support_funded_separately: false")
    sheet = sheet.replace("  support_contract:\n    provider: other\n    title: care leavers' tenancy support contract\n"
                          "    reference: reference WCC/CS/LC/2025/14 dated 1 October 2025\n    ends: 2030-09-30\n", "")
    d = document_of(catalogue, sheet)
    t = clause_text(d, "co-investment.operations", flat=True)
    assert "The Association must provide, or arrange, support for tenants who need it" in t
    assert "Support Contract" not in t
