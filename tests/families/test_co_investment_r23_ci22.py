"""r23 co-investment reviews (ci-sample Trentborough, ci-fresh Tamsford): findings the ci22 lane fixed, each with a
firing case and a quiet case."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import document_of, clause_text, note

ROOT = Path(__file__).parents[2]
SAMPLE = (ROOT / "samples" / "co-investment" / "affordable-homes-partnership.yaml").read_text(encoding="utf-8")
TAMSFORD = (Path(__file__).parent / "fixtures" / "co-investment-tamsford-r23-ta.yaml").read_text(encoding="utf-8")
LEASE = (ROOT / "samples" / "co-investment" / "community-asset-lease.yaml").read_text(encoding="utf-8")


def flat(s: str) -> str:
    return " ".join(s.split())


@pytest.fixture(scope="module")
def sample(catalogue):
    return document_of(catalogue, SAMPLE)


def test_rents_are_reviewed_yearly_within_the_cap_by_section_13_notice(sample):
    """r23 ci-sample finding 13: rents are capped, so the delivery body reviews them yearly and raises a rent below
    the cap; for an assured tenancy only by a s.13 notice (Renters' Rights Act 2025 s.6); the cover note ties the
    trend to that review."""
    t = flat(clause_text(sample, "co-investment.nominations"))
    assert "The Charity must review the rent of each home once in each Partnership Year." in t
    assert "the Charity must increase it up to the cap, unless the Partnership Board agrees a lower increase" in t
    assert "only by notice under that section" in t
    n = flat(note(sample, "co-investment.nominations"))
    assert "section 6 of the Renters' Rights Act 2025" in n and "two months' notice" in n
    assert "a cure cannot fix a trend, so the yearly rent review in clause" in flat(note(sample, "co-investment.financial-covenants"))


def test_rent_rise_the_business_plan_assumes_is_the_review_and_the_cover_note_cites_it(catalogue):
    """Firing: with income.rent_increase_percent the review raises rents by that rise (or up to the cap) and the
    cover note states the rise and the cover the trend case gives on it."""
    doc = document_of(catalogue, SAMPLE.replace("\nincome:\n", "\nincome:\n  rent_increase_percent: 2.7\n", 1))
    t = flat(clause_text(doc, "co-investment.nominations"))
    assert "must increase it by 2.7% or, if less, up to the cap" in t
    assert "raise a rent below the cap by the 2.7% a year the business plan assumes" in flat(note(doc, "co-investment.nominations"))
    fc = flat(note(doc, "co-investment.financial-covenants"))
    assert "The business plan assumes rents rise 2.7% a year under the rent review in clause" in fc
    assert "rents rising 2.7% a year, the cover stays at or above 1.2 in every Test Year (lowest" in fc


def test_temporary_accommodation_rent_review_follows_the_occupation_agreement(catalogue):
    """Temporary accommodation (licences, non-assured tenancies): no s.13 route in the clause; the note says the
    occupation agreement must provide for the review."""
    doc = document_of(catalogue, TAMSFORD)
    t = flat(clause_text(doc, "co-investment.nominations"))
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


def test_repairs_reserve_is_not_counted_twice_and_the_note_gives_the_middle_course(sample):
    """r23 ci-sample finding 7 and ci-fresh finding 7: a cost met from the Repairs Reserve is not also an Operating
    Cost (the cover test would deduct the provision and the spend); the note gives the reserve a home a year and what
    each £100 a home less ahead of the Investors adds to the cover (Trentborough: £25,720.34 over 60 homes)."""
    defs = flat(clause_text(sample, "common.definitions"))
    assert "but not any payment into the Repairs Reserve, any cost met from the Repairs Reserve," in defs
    n = flat(note(sample, "co-investment.returns-surplus"))
    assert "The reserve in this draft is about £429 a home a year; each £100 a home less ahead of the Investors adds about 0.04 to the cover." in n
    assert "so major repairs are not counted twice" in n


def test_no_reserve_figures_without_a_business_plan(catalogue):
    """Quiet: a sheet without the rent roll and cost budget gives no per-home reserve figure."""
    doc = document_of(catalogue, LEASE)
    assert "The reserve is a fixed share of Gross" in flat(note(doc, "co-investment.returns-surplus"))
    assert all("a home a year; each £100 a home less" not in (c.note or "") for c in doc.all_clauses())


def test_board_approval_of_the_acquisition_criteria_is_read_as_the_criteria_signed(catalogue):
    """r23 ci-fresh finding 15: a drawdown condition that the Partnership Board approve the Acquisition Criteria is
    circular (they are fixed in the Schedule and change only with every Party's consent); the table reads it as met
    by the criteria as signed, so an absent Party cannot hold up the drawdown, and the note says so."""
    doc = document_of(catalogue, TAMSFORD)
    t = flat(clause_text(doc, "co-investment.schedule-contributions"))
    assert ("the Acquisition Criteria approved by the Partnership Board means the Acquisition Criteria in Schedule"
            in t and "which the Parties approve by signing this Agreement" in t)
    assert "the table reads the condition as met by the criteria as signed" in flat(note(doc, "co-investment.schedule-contributions"))


def test_no_board_approval_reading_without_that_condition(sample):
    """Quiet: the sample's drawdown conditions do not ask for board approval of the criteria."""
    assert "approve by signing this Agreement" not in flat(clause_text(sample, "co-investment.schedule-contributions"))
    assert "criteria as signed" not in flat(note(sample, "co-investment.schedule-contributions"))


def test_registered_provider_safety_duties_are_current(catalogue):
    """r23 ci-fresh finding 17 (cl. 17 note): for a registered provider the note says the electrical safety
    regulations now extend to it (S.I. 2025/1043) and names Awaab's Law for its social housing tenancies."""
    n = flat(note(document_of(catalogue, TAMSFORD), "co-investment.operations"))
    assert "which S.I. 2025/1043 extended to registered providers of social housing (from 1 November 2025" in n
    assert "Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025 (Awaab's Law, in force 27 October 2025" in n


def test_private_landlord_safety_note_has_no_social_housing_duties(sample):
    """Quiet: the Charity is not a registered provider, so neither is mentioned."""
    n = flat(note(sample, "co-investment.operations"))
    assert "Electrical Safety Standards in the Private Rented Sector (England) Regulations 2020" in n
    assert "S.I. 2025/1043" not in n and "Awaab" not in n


def test_lettable_standard_is_defined_once_and_used(catalogue):
    """r23 ci-fresh finding 18: the standard before letting is a defined term (the sheet's words, with the Decent
    Homes Standard explained in it), used in the acquisition clause, the works clause and the criteria schedule
    instead of pasting the standard three times."""
    doc = document_of(catalogue, TAMSFORD)
    defs = flat(clause_text(doc, "common.definitions"))
    assert "Lettable Standard means the Decent Homes Standard, free of category 1 hazards" in defs
    assert "the Association must bring it up to the Lettable Standard." in flat(clause_text(doc, "co-investment.acquisition"))
    works = flat(clause_text(doc, "co-investment.works"))
    assert "bring it up to the Lettable Standard" in works and "mains-wired smoke" not in works
    assert "The Lettable Standard (clause" in flat(clause_text(doc, "co-investment.schedule-criteria"))


def test_lettable_standard_not_defined_without_homes(catalogue):
    """Quiet: a deal with no homes (community asset) has no works clause and no Lettable Standard."""
    assert "Lettable Standard" not in flat(clause_text(document_of(catalogue, LEASE), "common.definitions"))


def test_registered_provider_duties_are_lettered_and_no_transfer_fiction(catalogue):
    """r23 ci-fresh finding 18: the registered provider's three duties are lettered items (one each), and homes bought
    with the grant are held on the clawback and disposal terms without the fiction of a transfer by the Council."""
    doc = document_of(catalogue, TAMSFORD)
    lines = clause_text(doc, "co-investment.registered-provider").splitlines()
    i = lines.index("The Association must:")
    assert lines[i + 1].startswith("notify the Regulator of Social Housing of each disposal")
    assert lines[i + 2].startswith("let each home that is social housing at a rent the Rent Standard permits")
    assert lines[i + 3].startswith("tell the other Parties at once if it stops being a registered provider")
    t = flat(clause_text(doc, "co-investment.asset-transfer"))
    assert "bought with the Authority Grant on the terms of clause" in t
    assert "as if it had been transferred to it" not in t


def test_s25_consent_named_from_2010_is_read_with_the_2014_consents(catalogue):
    """r23 ci-fresh finding 18 (3.2(b)): a general consent named from the 2010 consents is read with the 2014 general
    consents, which amended them; quiet where the reference already names 2014."""
    t = flat(clause_text(document_of(catalogue, TAMSFORD), "co-investment.conditions-precedent"))
    assert "(Local Authority assistance for privately let housing) 2010, read with the general consents issued under that section in 2014" in t
    quiet = TAMSFORD.replace("privately let housing) 2010", "privately let housing) 2010 and 2014")
    assert "read with the general consents issued under that section in 2014" not in flat(
        clause_text(document_of(catalogue, quiet), "co-investment.conditions-precedent"))


def test_two_tier_council_confirms_no_reorganisation_direction(sample):
    """r23 ci-sample finding 12: a district or county council may be dissolved on reorganisation, and a direction
    under s.24 LGPIHA 2007 can require consent for a capital contract over £1m or a land disposal over £100,000: a
    Completion Condition asks it to confirm that none applies or that consent has been given, and the note says why."""
    t = flat(clause_text(sample, "co-investment.conditions-precedent"))
    assert "no direction under section 24 of the Local Government and Public Involvement in Health Act 2007" in t
    assert "applies to this Agreement or the Transfers or, if one does, that every consent it requires has been given" in t
    n = flat(note(sample, "co-investment.conditions-precedent"))
    assert "capital contract over £1,000,000 or a disposal of land for more than £100,000" in n


def test_no_reorganisation_condition_for_a_council_not_named_as_two_tier(catalogue):
    """Quiet: a council named neither a district nor a county council (a unitary or metropolitan borough) gets none."""
    doc = document_of(catalogue, SAMPLE.replace("Trentvale District Council", "Trentvale Borough Council"))
    assert "section 24 of the Local Government and Public Involvement" not in flat(
        clause_text(doc, "co-investment.conditions-precedent"))


def test_temporary_accommodation_fall_back_is_another_authoritys_placement(catalogue):
    """ci22 lane brief (9.4 for temporary accommodation): a home the Council does not fill in time may take a
    household another local housing authority places under Part 7, so it stays temporary accommodation; the note says
    why a direct letting would not work and offers a void payment instead."""
    doc = document_of(catalogue, TAMSFORD)
    t = flat(clause_text(doc, "co-investment.nominations"))
    assert "the Association may accept for the home a person placed in it by another local housing authority under Part 7" in t
    assert "A placement made under this clause because the Council did not nominate in time" in t
    assert "may let the home to" not in t
    n = flat(note(doc, "co-investment.nominations"))
    assert "A letting by the Association direct would not be a Part 7 placement" in n
    assert "agree a payment for each void day" in n


def test_settled_homes_keep_the_fall_back_letting(sample):
    """Quiet: settled homes keep the fall-back letting and its note."""
    t = flat(clause_text(sample, "co-investment.nominations"))
    assert "the Charity may let the home to a household in housing need" in t
    assert "another local housing authority" not in t


def test_generic_note_text_cut_for_a_housing_co_investment(sample):
    """r23 ci-sample finding 21: the statutory-functions note names only the district council's functions (no NHS
    bodies or county functions), the governing-law note drops Scotland and Northern Ireland where no Party is there,
    and the safeguarding note drops the Gillick discussion (housing, not children's services)."""
    sf = flat(note(sample, "common.statutory-functions"))
    assert "here the Council is a district council: planning, licensing, housing allocation and homelessness" in sf
    assert "NHS body" not in sf
    gl = flat(note(sample, "common.governing-law"))
    assert "no Party gives an address in Scotland or Northern Ireland, so nothing more is needed" in gl
    assert "OSCR" not in gl
    assert "Gillick" not in note(sample, "common.safeguarding")


def test_generic_notes_unchanged_for_a_unitary_council(catalogue):
    """Quiet: a borough council (unitary or district, not known) keeps the general list of functions."""
    doc = document_of(catalogue, SAMPLE.replace("Trentvale District Council", "Trentvale Borough Council"))
    assert "NHS body" in flat(note(doc, "common.statutory-functions"))


def test_further_assurance_and_late_payment_interest(sample):
    """r23 ci-sample finding 19: further assurance at the delivery body's cost, and interest on late payment at a
    bracketed rate above base, not on sums the waterfall carries forward with their own return."""
    t = flat(clause_text(sample, "common.general"))
    assert "Each Party must, at the Charity's cost, sign and do whatever another Party reasonably asks" in t
    assert "interest on that sum at [4]% a year above the Bank of England base rate" in t
    assert "This does not apply to an amount carried forward under Schedule 3" in t
    assert "are this draft's proposal: agree the rate" in flat(note(sample, "common.general"))


def test_other_families_get_no_further_assurance_or_interest(catalogue):
    """Quiet: a grant agreement's general clause is unchanged."""
    text = (ROOT / "samples" / "grant").glob("*.yaml")
    doc = document_of(catalogue, next(iter(sorted(text))).read_text(encoding="utf-8"))
    t = flat(clause_text(doc, "common.general"))
    assert "sign and do whatever another Party reasonably asks" not in t and "above the Bank of England base rate" not in t
