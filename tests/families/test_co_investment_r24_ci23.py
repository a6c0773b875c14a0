"""r24 co-investment reviews (ci-sample: Trentborough sample; ci-fresh: Skelmore): findings the ci23 lane fixed, each
with a firing case and a quiet case on a sheet without the fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import document_of, clause_text, flat, note

SKELMORE = (Path(__file__).parent / "fixtures" / "co-investment-skelmore-r24.yaml").read_text(encoding="utf-8")
LEASE = (Path(__file__).parents[2] / "samples" / "co-investment" / "community-asset-lease.yaml").read_text(
    encoding="utf-8")
SAMPLE = (Path(__file__).parents[2] / "samples" / "co-investment" / "affordable-homes-partnership.yaml").read_text(
    encoding="utf-8")


@pytest.fixture(scope="module")
def sample(catalogue):
    return document_of(catalogue, SAMPLE)


@pytest.fixture(scope="module")
def skelmore(catalogue):
    return document_of(catalogue, SKELMORE)


def test_option_over_charity_land_is_granted_after_the_commission_order(sample):
    """r24 ci-sample finding 1: the option at Market Value less the contribution needs a Charity Commission order
    (Charities Act 2011 s.117(1)), so nothing signs or registers it on the Transfer Date: 8.5 leaves out the notice,
    28.2 is subject to the conditional grant, Sch 8 para 6 signs the deed after the order, and the note recommends
    reserving the option in each Transfer."""
    t = flat(clause_text(sample, "co-investment.asset-transfer"))
    assert "(with the notice of the Authority Option)" not in t
    assert "The notice of the Authority Option is applied for as clause 28 provides, once" in t
    e = flat(clause_text(sample, "co-investment.end-of-term"))
    assert "Subject to clause 28.3 and clause 28.4, the Charity must grant the Council" in e
    s = flat(clause_text(sample, "co-investment.schedule-agreed-forms"))
    assert "signed within ten Business Days after the order applied for under clause 3.3 is made" in s
    assert "signed on the first Transfer Date" not in s
    assert "below the best terms reasonably obtainable, which section 117(1) allows only with an order" in s
    n = flat(note(sample, "co-investment.end-of-term"))
    assert "Recommend to the Council that the option over the eight Transferred Properties be reserved" in n
    assert "granted by deed on completion" not in n


def test_option_at_a_full_price_keeps_the_completion_timetable(catalogue):
    """Quiet: an option price that does not deduct the contribution needs no order, so the option is granted and noted
    on the Transfer Date as before."""
    d = document_of(catalogue, SAMPLE.replace("option_less_contribution: true", "option_less_contribution: false"))
    t = flat(clause_text(d, "co-investment.asset-transfer"))
    assert "(with the notice of the Authority Option)" in t
    assert "The notice of the Authority Option is applied for as clause" not in t
    assert "Subject to clause" not in flat(clause_text(d, "co-investment.end-of-term"))
    s = flat(clause_text(d, "co-investment.schedule-agreed-forms"))
    assert "signed on the first Transfer Date" in s
    assert "Recommend to the Council" not in flat(note(d, "co-investment.end-of-term"))


def test_unspent_grant_repayment_is_an_exception_and_survives(skelmore):
    """r24 ci-fresh finding 2: 5.11 (the grant is not repayable) names the repayment of unspent cash Contributions in
    6.8 as an exception, and the trust over unspent money (2.5) and that repayment survive termination."""
    c = flat(clause_text(skelmore, "co-investment.contributions"))
    assert "The Authority Grant is not repayable, except as clause 6.8, clause 13 and clause 22.5 provide." in c
    g = flat(clause_text(skelmore, "common.general"))
    assert "However this Agreement ends, clause 1, clause 2.5, clause 9," in g
    assert "within 20 Business Days after that time, and whether or not this Agreement has then ended:" in flat(
        clause_text(skelmore, "co-investment.acquisition"))


def test_no_homes_to_buy_names_no_unspent_repayment(catalogue):
    """Quiet: a deal with no homes to buy has no unspent-money clause to name or keep alive."""
    d = document_of(catalogue, LEASE)
    assert "except as clause 6" not in flat(clause_text(d, "co-investment.contributions"))


def test_gross_income_is_measured_for_any_period_and_leaves_out_interest_on_trust_money(skelmore, sample):
    """r24 ci-fresh finding 3 (the cover test measures Gross Income for an October-September Test Year) and ci-sample
    finding 10 (interest on cash Contributions held on trust belongs to them, not to the waterfall)."""
    for d in (skelmore, sample):
        t = flat(clause_text(d, "common.definitions"))
        assert ("and interest on the Partnership Account (other than interest on cash Contributions not yet applied, "
                "which is added to them), in a Partnership Year or in any other period for which this Agreement "
                "measures it") in t


def test_a_prepayment_of_unspent_money_recalculates_the_instalments(sample, skelmore):
    """r24 ci-sample finding 6: unspent money repaid to an Investor repaid by instalments resets its instalments to
    repay what is outstanding by its Maturity Date; an Investor repaid in one sum (the Foundation) is not named."""
    t = flat(clause_text(sample, "co-investment.acquisition"))
    assert ("as a prepayment of its Investment Capital and, for the Fund, recalculate the instalments shown for it in "
            "Schedule 2 so that they repay its Investment Capital then outstanding") in t
    assert "for the Foundation, recalculate" not in t
    s = flat(clause_text(skelmore, "co-investment.acquisition"))
    assert "as a prepayment of its Investment Capital, and recalculate the instalments shown for it in Schedule 1" in s


def test_waterfall_step_one_needs_the_investor_consent_the_budget_clause_requires(sample, skelmore):
    """r24 ci-sample finding 8: Sch 3 step 1 (Operating Costs above budget) names the Investors' consent that the
    governance clause requires, not only the Partnership Board's approval."""
    assert ("only with the approval of the Partnership Board under clause 15.3 and the consent of each Investor under "
            "clause 15.4)") in flat(clause_text(sample, "co-investment.schedule-waterfall"))
    assert "and the consent of the Investor under clause 15.4)" in flat(
        clause_text(skelmore, "co-investment.schedule-waterfall"))


def test_a_property_substituted_under_the_reinvestment_clause_takes_over_the_clawback_period(sample):
    """r24 ci-sample finding 9: the Asset Clawback Period covers both a replacement home bought under the disposal
    clause and a property substituted under the clawback reinvestment sub-clause."""
    t = flat(clause_text(sample, "common.definitions"))
    assert ("a home bought to replace another under clause 14 takes over the rest of the period of the home it "
            "replaces, and a property that becomes a Partnership Property under clause 13.6 takes over the rest of the "
            "period of the property it replaces") in t


def test_each_home_is_tested_against_a_permitted_use_for_an_eligible_person(skelmore):
    """r24 ci-fresh finding 1: the use covenant, asset lock and clawback trigger test each home against a Permitted
    Use (let to an Eligible Person), not a purpose describing all eight homes; a home waiting for the Council's
    nomination is not a Clawback Event."""
    d = flat(clause_text(skelmore, "common.definitions"))
    assert "Eligible Person means an adult with a learning disability, an autistic adult, or both" in d
    assert "Permitted Use means the use of a home as a home let, on a tenancy granted in accordance with clause 9, to an Eligible Person" in d
    n = flat(clause_text(skelmore, "co-investment.nominations"))
    assert "within twenty Business Days after being told, nominate an Eligible Person." in n
    assert "the Society may let the home to an Eligible Person, after telling the Council" in n
    assert "A home does not stop being used for the Permitted Use" in n and "stops being an Eligible Person" in n
    c = flat(clause_text(skelmore, "co-investment.clawback"))
    assert "stops being used for the Permitted Use for more than six months" in c
    assert "or is waiting for the Council to nominate or to answer a proposed letting, under clause 9" in c
    assert "the Society must hold it for the Permitted Use." in flat(clause_text(skelmore, "co-investment.disposal"))


def test_temporary_accommodation_keeps_the_partnership_purpose(catalogue):
    """Quiet: homes used as temporary accommodation (the r23 Tamsford sheet) have no single-tenant Permitted Use."""
    text = (Path(__file__).parent / "fixtures" / "co-investment-tamsford-r23-ta.yaml").read_text(encoding="utf-8")
    d = document_of(catalogue, text)
    assert "Permitted Use" not in flat(clause_text(d, "common.definitions"))
    assert "stops being used for the Partnership Purpose" in flat(clause_text(d, "co-investment.clawback"))


def test_support_contract_from_the_sheet_is_named_costed_and_its_end_dealt_with(skelmore):
    """r24 ci-fresh findings 4 and 5: the Council's support contract is named from the sheet, the Council gives the
    copy, the Society's own support is an Operating Cost, and the Council gives 12 months' notice of whether it will
    commission support again, without fettering its decisions."""
    d = flat(clause_text(skelmore, "common.definitions"))
    assert ("Support Contract means the supported living call-off contract under the Council's Learning Disability and "
            "Autism Supported Living Framework (reference SMBC/ASC/SL/2026/14 dated 1 April 2026)") in d
    assert ("the cost of the care, support or supervision the Society provides, or procures, under clause 16 is one of "
            "the Operating Costs") in d
    cp = flat(clause_text(skelmore, "co-investment.conditions-precedent"))
    assert "the Council has given each other Party a copy of the Support Contract, redacted as it reasonably requires" in cp
    o = flat(clause_text(skelmore, "co-investment.operations"))
    assert "in addition to the care and support commissioned under the Support Contract" in o
    assert "at least 12 months before the Support Contract ends on 31 March 2032, whether it intends to commission" in o
    assert "Nothing in this clause fetters the Council's procurement or commissioning decisions" in o
    n = flat(note(skelmore, "co-investment.operations"))
    assert "£4,200 a home a year covers it" in n
    assert "ends on 31 March 2032, before the Investment Capital is due to be repaid (by 31 March 2053)" in n


def test_no_support_contract_keeps_the_generic_wording(sample):
    """Quiet: the sample's sheet names no separately commissioned support contract."""
    assert "Support Contract means" not in flat(clause_text(sample, "common.definitions"))
    assert "12 months before the Support Contract ends" not in flat(clause_text(sample, "co-investment.operations"))


def test_housing_benefit_condition_is_an_expectation_and_records_a_letter_held(catalogue, skelmore):
    """r24 ci-fresh finding 6: the Housing Benefit service cannot bind itself on future claims, so the condition asks
    for its written expectation; a letter already held (income.rent_confirmation) is recorded in the note."""
    cp = flat(clause_text(skelmore, "co-investment.conditions-precedent"))
    assert ("the Council's Housing Benefit service has confirmed in writing that, on the information then available, it "
            "expects to treat as reasonable for each home as exempt accommodation a rent and eligible service charges "
            "of no less than £285 a week for a two-bedroom home") in cp
    n = flat(note(skelmore, "co-investment.conditions-precedent"))
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
    assert "expects to treat as reasonable" not in flat(clause_text(d, "co-investment.conditions-precedent"))
    assert "expectation, not a binding determination" not in flat(note(d, "co-investment.conditions-precedent"))


def test_supported_accommodation_possession_grounds_are_flagged_for_exempt_homes(skelmore, sample):
    """r24 ci-fresh finding 7: for supported (exempt) accommodation the lettings note names the Renters' Rights Act
    2025 supported accommodation grounds and asks whether the landlord may use them; general needs homes do not."""
    assert "(Grounds 5E, 5F, 5H and 18" in flat(note(skelmore, "co-investment.nominations"))
    assert "Grounds 5E" not in flat(note(sample, "co-investment.nominations"))


def test_proceeds_of_a_home_pay_its_release_amount(skelmore):
    """r24 ci-fresh finding 8: the net proceeds of a home sold and not reinvested repay the Investor the home's
    Release Amount (its Market Value share of what the charge secures), not an undefined 'part attributable'."""
    t = flat(clause_text(skelmore, "co-investment.disposal"))
    assert "the Release Amount of that home" in t
    assert "attributable to that home" not in t
    assert "Release Amount means for a home charged by the Investor Charges" in flat(clause_text(skelmore, "common.definitions"))


def test_the_councils_charge_is_called_the_authority_charge(skelmore, sample):
    """r24 ci-fresh finding 13: where the Authority Charge is defined, the operative text uses that name; the sample,
    which has no Authority Charge, keeps its wording."""
    assert "free from any charge other than an Investor Charge and the Authority Charge" in flat(
        clause_text(skelmore, "co-investment.acquisition"))
    assert "the Authority Charge and each Investor Charge over the home sold" in flat(
        clause_text(skelmore, "co-investment.disposal"))
    assert "the Council must release the Authority Charge over each Partnership Property transferred" in flat(
        clause_text(skelmore, "co-investment.default-termination"))
    assert "Authority Charge" not in flat(clause_text(sample, "co-investment.acquisition"))
