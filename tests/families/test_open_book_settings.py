"""Open-book drafts written for their setting (supported living, children's homes) and the round-two
mechanisms: tenancy separation, adults' or children's safeguarding, revenue-basis re-basing, the
Reinvestment Fund's end, occurrence-based abuse cover, the s.78 termination right."""

from __future__ import annotations

import re

from decimal import Decimal

import pytest

from assembler.assemble import assemble
from assembler.model import Table, iter_paragraphs, plain_text
from assembler.termsheet.open_book import Services, pence
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT, draft_of, draft_of_text
from tests.families.clause_texts import document_text, flat, note
from tests.families.conftest import OB_ADULT, OB_BRADDON, OB_CHARITY, OB_LIVING, OB_SUBSIDIARY


@pytest.fixture(scope="module")
def drafts(catalogue, tmp_path_factory):
    out = {}
    for path in (OB_LIVING, OB_CHARITY, OB_ADULT, OB_SUBSIDIARY):
        sheet = read_termsheet(path, catalogue)
        out[path.stem] = (sheet, assemble(sheet, catalogue, today=DRAFT_DATE))
    # r17 ob-sample 1: the annual review is indexation unless a sheet chooses re-basing; the re-basing
    # mechanism is tested on the same deals with that position chosen ("<stem>-rebase")
    folder = tmp_path_factory.mktemp("rebase")
    for path in (OB_LIVING, OB_CHARITY):
        text = path.read_text(encoding="utf-8")
        assert "\npositions:\n" in text
        varied = folder / f"{path.stem}-rebase.yaml"
        varied.write_text(text.replace("\npositions:\n", "\npositions:\n  open_book_price_review: rebase\n", 1), encoding="utf-8")
        sheet = read_termsheet(varied, catalogue)
        out[varied.stem] = (sheet, assemble(sheet, catalogue, today=DRAFT_DATE))
    return out


def text_of(drafts, stem):
    return document_text(drafts[stem][1])


def ids_of(drafts, stem):
    return [c.id for c in drafts[stem][1].document.all_clauses()]


@pytest.mark.parametrize(("care_type", "setting", "expected"), [
    ("domiciliary_care", None, "supported_living"),
    ("childrens_home", None, "childrens_home"),
    ("adult_care_home", None, "care_home"),
    ("other", None, "other"),
    ("domiciliary_care", "care_home", "care_home"),      # a stated setting wins
])
def test_setting_is_stated_or_worked_out_from_care_type(care_type, setting, expected):
    services = Services.model_construct(care_type=care_type, setting=setting)
    assert services.effective_setting == expected
    assert services.supported_living is (expected == "supported_living")


def test_supported_living_draft_has_tenants_not_placements(drafts):
    text = text_of(drafts, "supported-living-company")
    for banned in ("Placement", "person placed", "Core Places", "registered places"):
        assert banned not in text, banned
    assert "is not the landlord of any of the Homes" in text
    assert "does not end that Tenant's tenancy" in text
    assert "Tenancies it serves under this Agreement" in text
    # core support set out home by home, and the landlord named
    assert "one support worker on waking duty every hour of the day and night (8,760 hours a year)" in text
    assert "Each tenant occupies their home under an agreement with the landlord shown below" in text
    assert "Lindenford Homes Housing Association, a registered provider of social housing" in text
    assert "personal care at each location (branch)" in text
    assert "whether or not every tenancy at that home is occupied" in text
    assert "unless Oakapple does not provide it because of an act or omission of the Council" in text   # r17 ob-fresh 10
    assert "An absence never ends the Tenant's package of support" in text
    assert "owns or leases any of the Homes" not in text   # no question about the landlords' control
    ids = ids_of(drafts, "supported-living-company")
    assert "open-book.support" in ids and "open-book.core-support" in ids
    assert "open-book.services" not in ids and "open-book.voids" not in ids and "open-book.placements" not in ids


def test_care_home_draft_keeps_placements_and_no_tenancy_terms(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "Placement" in text and "Core Places" in text
    assert "Tenant" not in text
    ids = ids_of(drafts, "childrens-homes-charity")
    assert "open-book.support" not in ids and "open-book.core-support" not in ids


def test_adults_only_safeguarding_has_no_childrens_law(drafts):
    text = text_of(drafts, "supported-living-company")
    for banned in ("Children Act 2004", "Working Together", "local authority designated officer", "section 47"):
        assert banned not in text, banned
    for needed in ("section 42 of the Care Act 2014", "Mental Capacity Act 2005", "Court of Protection",
                   "positive behaviour support", "section 20(5ZA) of the Health and Social Care Act 2008",
                   "people in positions of trust"):
        assert needed in text, needed


def test_childrens_safeguarding_has_no_adult_material(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    for banned in ("section 42 of the Care Act 2014", "Mental Capacity Act 2005", "Safeguarding Adults Board",
                   "section 20(5ZA)"):
        assert banned not in text, banned
    assert "local authority designated officer" in text
    assert "section 11 of the Children Act 2004" in text


def test_revenue_basis_rebasing_divides_by_one_minus_the_rate_and_matches_the_worked_example(drafts):
    sheet, _ = drafts["supported-living-company"]
    ob = sheet.model.open_book
    assert ob.basis == "revenue"
    text = text_of(drafts, "supported-living-company-rebase")
    rate = ob.profit_cap
    assert f"divide the result by one minus the {rate}% share of the Service Income that is the Reasonable Profit" in text
    assert "add the Reasonable Profit on the result" not in text
    # the formula, applied to the budget's Allowable Costs, gives an income whose capped profit is
    # exactly the profit it makes: no Excess Profit and no shortfall (to the penny)
    allowable = ob.examples["full-cost/hard-cap/refund"].allowable_costs
    income = allowable * 100 / (100 - rate)
    ex = ob.reconcile("full-cost", "hard-cap", "refund", income=income)
    assert abs(ex.actual_profit - ex.maximum_profit) <= Decimal("0.01")
    assert ex.excess == 0


def test_cost_base_clause_only_where_the_cap_is_on_costs(drafts):
    assert "common.open-book-cost-base" not in ids_of(drafts, "supported-living-company")
    assert "Cost Base" not in text_of(drafts, "supported-living-company")
    assert "common.open-book-cost-base" in ids_of(drafts, "childrens-homes-charity")


def test_review_rebases_from_the_latest_agreed_statement_and_never_backdates(drafts):
    """The review uses the statement agreed by the review date (none at the first anniversary: index
    only), so the annual review never waits for, or is backdated to, a later statement."""
    text = text_of(drafts, "childrens-homes-charity-rebase")
    assert "latest Reconciliation Statement that has been agreed or decided by the review date" in text
    assert "the Prices change by the index alone (with any cap that applies to it) from that date" in text
    assert "backdated" not in text


def test_review_divides_by_the_budgeted_units_and_is_held_between_the_floor_and_the_index(drafts):
    """Re-basing divides by the income for the budgeted units (a year of high occupancy must not
    ratchet the Prices down), indexes once per review date since the base period (no year lost), the
    collar lets a change in law through, and a zero price floor keeps the factor at one or more."""
    text = text_of(drafts, "childrens-homes-charity-rebase")
    assert "the income the current Prices would bring in for the expected units in Part 2 of Schedule 2" in text
    assert "units the Council paid for in the period of the base statement" not in text
    assert "applied once for each review date after the end of the period of the base statement" in text
    assert "The factor may not be more than one plus the change in the index for this review date alone" in text
    assert "plus any increase added under clause 6.1(c) for a Relevant Change in Law" in text   # r33 ob-fresh 1
    assert "add the change in Allowable Costs in a full year that each Relevant Change in Law" in text
    assert "The factor is never less than one" in text
    assert "Re-basing may lower the Prices" not in text
    assert "which the limit in clause 6.2 does not hold back" in text
    assert "forecast units" not in text


def test_supported_accommodation_is_a_registered_service_of_settings(drafts):
    """Ofsted registers a supported accommodation service, not each address, with a registered
    service manager and three inspection outcomes; no children's-home words or regulations."""
    text = text_of(drafts, "supported-accommodation-subsidiary")
    assert "to carry on a supported accommodation undertaking" in text
    assert "registered service manager" in text
    assert "the best of Ofsted's three outcomes" in text
    assert "Settings means" in text
    for wrong in ("the Homes", "Care Services", "Children's Homes (England) Regulations", "judged inadequate",
                  "regulation 44", "registered places"):
        assert wrong not in text, wrong
    homes = text_of(drafts, "childrens-homes-charity")
    assert "Supported Accommodation Services" not in homes and "Settings" not in homes


def test_shared_costs_follow_places_available_not_places_paid(drafts):
    """Where the open book covers only the Council's places, another purchaser's empty place must not
    move shared costs onto the Council: the split is by places available, all places listed."""
    text = text_of(drafts, "supported-accommodation-subsidiary")
    assert "by places available" in text
    assert "whether or not a place is occupied or paid for" in text
    assert "paid place-week" not in text


def test_light_touch_modification_and_section_78(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    # ob-fresh r15 finding 10: a light touch contract may be modified freely under s.74, so the change clause
    # asks only that the change be lawful under the Act, not that it fit a s.74 ground
    assert "may lawfully make the change under the Procurement Act 2023" in text
    assert "under section 74 of the Procurement Act 2023" not in text
    assert "subject to section 78 of the Procurement Act 2023" in text
    assert "immediately by notice, as a whole or" in text
    assert "becomes an excluded or excludable supplier under the Procurement Act 2023; or" not in text


def test_reinvestment_fund_closes_after_the_final_reconciliation(drafts):
    text = text_of(drafts, "childrens-homes-charity")       # the reinvest position
    # the final period is reinvested like any other and the fund stays open until spent or refunded
    # (r14 ob-fresh 3, ob-sample 7)
    assert "the Excess Profit for the final Reconciliation Period is transferred to the Reinvestment Fund" in text
    assert "The Reinvestment Fund closes when all of it has been spent under approved Reinvestment Plans" in text
    assert "is paid to the Council and not transferred" not in text
    assert "must not unreasonably withhold or delay its approval" in text
    assert "The whole of the Excess Profit is transferred to the Reinvestment Fund" in text
    refund_only = text_of(drafts, "supported-living-company")
    assert "Reinvestment Fund" not in refund_only
    assert "or transferred" not in refund_only


def test_abuse_cover_occurrence_basis_and_motor_cover(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "written on an occurrence basis" in text
    assert "as long as it is reasonably available" not in text
    assert "Road Traffic Act 1988" in text
    assert "Contract Year" in text
    assert "amount recoverable under the insurance" not in text


def test_agreement_binds_on_signing_and_service_term_starts_later(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "This Agreement takes effect on the date it is" in text
    assert "The Service Term starts on" in text


def test_service_income_leaves_out_what_the_scope_excludes(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "nor interest earned on the Reinvestment Fund" in text
    assert "but not the amounts that clause 10.3 leaves out of it" in text


def test_charitable_company_is_described_by_both_registrations(drafts):
    trust = next(p for p in drafts["childrens-homes-charity"][1].document.parties if p.role == "provider")
    assert trust.description == (
        "a company incorporated in England and Wales (company number 07456123) and a "
        "charity registered with the Charity Commission for England and Wales (charity number 1139876)")


def test_core_place_reduction_stops_payment_for_the_places_removed_and_rebases_at_once(drafts):
    """The payment is per place, so removing places is the whole cut (no second pro-rata cut); the
    Prices are re-based from the date of the reduction, not at the next anniversary; losses are
    mentioned only where they are carried forward (the charity's are not)."""
    text = text_of(drafts, "childrens-homes-charity")
    assert "pays for the remaining Core Places only" in text
    assert "multiplied by the number of Core Places remaining" not in text
    assert "[, and the Prices are re-based from that date under clause 5.7]." in text  # bracketed: r32 ob-sample F2
    assert "is otherwise not limited by the index for the year, and needs no Reconciliation Statement" in text
    assert "may not reduce the Core Places at a home to fewer than two" in text
    assert "Any loss carried forward under clause" not in text
    assert "the Council's payment for that place is suspended" in text


def test_related_party_cost_includes_depreciation_and_evidence_reaches_related_parties(drafts):
    sheet, _ = drafts["supported-living-company"]
    text = text_of(drafts, "supported-living-company")
    assert "including depreciation of the assets it uses" in text
    assert "Royal Institution of Chartered Surveyors" in text
    assert "must procure that each Related Party gives the evidence of its own cost" in text
    for rp in sheet.model.open_book.related_parties:   # named in the definition
        assert rp.name in text


def test_two_party_reconciliation_dispute_wording(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "Parties concerned" not in text
    assert "either of them may refer the figures in question, by notice to the other, direct to expert" in text  # r20 ob-sample 5


def test_disallowed_costs_are_one_list_each_kind_once(drafts):
    sheet, result = drafts["supported-living-company"]
    costs = next(c for c in result.document.all_clauses() if c.id == "common.open-book-costs")
    items = [p.text for p in iter_paragraphs(costs.blocks)]
    listed = [t for t in items if t.rstrip(";.").endswith(("shareholders", "owners", "Commissioner", "twice"))
              or t.startswith(("dividends", "fines", "interest", "goodwill", "any group", "the costs of legal"))]
    assert any(t.startswith("dividends and other distributions to shareholders") for t in listed)  # its own item, lower case
    assert not any(t.startswith("dividends, distributions and any other return") for t in items)    # the standard one dropped
    assert not any(t.startswith("fines, penalties, and the costs of legal proceedings") for t in items)
    assert any("the costs of legal proceedings against" in t for t in items)
    assert sheet.model.open_book.disallowed_covers == {"distributions": True, "fines": True, "legal": False}


def test_disallowed_items_lower_case_but_keep_abbreviations():
    from assembler.termsheet.open_book import OpenBook
    ob = OpenBook.model_construct(disallowed_costs=["Dividends paid.", "VAT the provider can recover"])
    assert ob.disallowed_items == ["dividends paid", "VAT the provider can recover"]
    assert ob.disallowed_covers == {"distributions": True, "fines": False, "legal": False}


def test_disallowed_legal_costs_and_funded_costs_are_listed_once():
    """A term sheet item on legal costs of disputes with the commissioner replaces the standard
    item on legal proceedings, and one on grant-funded costs is found so that the standalone
    agreement can point to its single rule on them instead of stating it twice."""
    from assembler.termsheet.open_book import OpenBook
    ob = OpenBook.model_construct(disallowed_costs=[
        "Fines, penalties and legal costs of disputes with the Council",
        "Costs met from grants or donations given for the homes",
        "Grant writing consultancy"])
    assert ob.disallowed_covers == {"distributions": False, "fines": True, "legal": True}
    assert ob.disallowed_funded == ["costs met from grants or donations given for the homes"]


def test_kpi_timing_true_up_and_deed_retention(drafts):
    text = text_of(drafts, "supported-living-company")   # executed as a deed
    assert "reported monthly within 10 Business Days after the end of each month" in text
    assert "statement reconciling the Reconciliation Statement to those accounts" in text
    assert "for at least 12 years after the end of this Agreement" in text


def test_entire_agreement_does_not_end_the_earlier_contracts_kept_alive(drafts):
    for stem in ("childrens-homes-charity", "supported-living-company"):
        assert "entire-agreement provision in clause" in text_of(drafts, stem)


# --- Round three: the setting drives the wording (adult care homes against children's homes) ---


def test_care_home_provider_requests_dols_authorisation_itself(drafts):
    """In a care home the provider is the managing authority under MCA 2005 Sch. A1; the Court of
    Protection route is for supported living and the community."""
    care_home = text_of(drafts, "adult-care-sharing-band")
    assert "as the managing authority of the care home under Schedule A1 to that Act, must request a standard " \
           "authorisation" in care_home
    assert "so that the Council can apply to the Court of Protection" not in care_home
    assert "positive behaviour support" not in care_home
    living = text_of(drafts, "supported-living-company")
    assert "can apply to the Court of Protection for authorisation" in living
    assert "positive behaviour support" in living


def test_residents_clause_only_in_adult_care_homes(drafts):
    assert "open-book.residents" in ids_of(drafts, "adult-care-sharing-band")
    assert "open-book.residents" not in ids_of(drafts, "childrens-homes-charity")
    assert "open-book.residents" not in ids_of(drafts, "supported-living-company")
    text = text_of(drafts, "adult-care-sharing-band")
    assert "An additional cost payment is not Service Income" in text
    assert "Local Government and Social Care Ombudsman" in text


def test_absence_wording_follows_the_setting(drafts):
    assert "in hospital, missing, in custody" in text_of(drafts, "childrens-homes-charity")
    care_home = text_of(drafts, "adult-care-sharing-band")
    assert "in hospital or on a planned stay elsewhere" in care_home
    assert "missing, in custody" not in care_home


def test_children_case_records_handed_over_as_copies(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "copies of the case records" in text
    assert "regulation 36(3) to (5) of the Children's Homes (England) Regulations 2015 (which apply when a home closes)" in text


def test_agreement_ends_at_the_end_of_the_service_term_and_wind_down_is_reconciled(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "This Agreement ends at the end of the Service Term unless it ends earlier" in text
    assert "which, despite the definition of that term, runs to the later of the day this Agreement ends and the " \
           "last day of any Placement continued after this Agreement ends" in text


def test_related_party_excess_is_disallowed_not_profit_and_disallowed_costs_prevail(drafts):
    text = text_of(drafts, "supported-living-company")
    assert "Any amount paid above that lower figure is not an Allowable Cost" in text
    assert "counts as Actual Profit" not in text
    assert "is left out of the related party's own cost" in text


def test_statutory_cap_payment_reduces_excess_profit(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "reduces the Excess Profit for the same Reconciliation Period pound for pound" in text


def test_true_up_under_reinvestment_goes_through_the_fund(drafts):
    text = text_of(drafts, "childrens-homes-charity")     # reinvest
    assert "an increase is transferred to the Reinvestment Fund and a decrease released from it" in text
    assert "must be paid by the Open-Book Provider, or repaid to it" not in text


def test_distress_trigger_fits_the_legal_form(drafts):
    assert "unrestricted reserves" in text_of(drafts, "childrens-homes-charity")     # a charity
    assert "unrestricted reserves" not in text_of(drafts, "supported-living-company")  # a company
    assert "cash and undrawn committed facilities" in text_of(drafts, "supported-living-company")
    assert "section 1124 of the Corporation Tax Act 2010" in text_of(drafts, "childrens-homes-charity")


def test_core_floor_figures_in_the_schedule_and_note(drafts, catalogue):
    sheet, _ = drafts["childrens-homes-charity"]
    floor = sheet.model.open_book.core_floor
    assert (floor.weeks, floor.income, floor.allowable_costs, floor.shortfall) == (
        572, Decimal("2831400"), Decimal("2955000"), Decimal("123600"))   # the Core Places only: 572 x £4,950
    text = text_of(drafts, "childrens-homes-charity")
    assert "the block-booked places alone bring in £2,831,400 a year (eleven places for 52 weeks, 78.6% occupancy, without " \
           "any other income), £123,600 less than the budgeted Allowable Costs" in text
    assert "£2,870,400" not in text    # the unguaranteed one-to-one hours are not counted


def test_tupe_indemnity_is_outside_the_cap_and_enforceable_by_a_new_provider(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "The limit does not apply to:" in text and "the indemnity in clause 27.1;" in text
    assert "A new provider may enforce this indemnity under the Contracts (Rights of Third " \
           "Parties) Act 1999" in text


def _with_services_line(tmp_path, source, line: str):
    """The sample with one more line in its services block (a fact the sample leaves unsaid)."""
    text = source.read_text(encoding="utf-8").replace("\nservices:\n", f"\nservices:\n  {line}\n", 1)
    path = tmp_path / source.name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("source", [OB_LIVING, OB_CHARITY], ids=["supported-living", "childrens-homes"])
def test_a_new_provider_gets_a_handover_mobilisation_and_inbound_tupe(tmp_path, catalogue, source):
    sheet = read_termsheet(_with_services_line(tmp_path, source, "incumbent: false"), catalogue)
    text = document_text(assemble(sheet, catalogue, today=DRAFT_DATE))
    assert "from the previous provider on" in text and "mobilisation plan" in text
    assert "employs the staff who transfer from" in text
    assert "The Parties expect the Transfer of Undertakings (Protection of Employment) Regulations 2006 to apply" in text
    assert "must use its rights under its contract with the previous provider to obtain the employee liability" in text
    assert "under an earlier contract between the Parties" not in text
    assert "as listed by the Council at least 20 Business Days before that date" in text


def test_a_new_childrens_home_provider_needs_its_own_registration_before_its_service_term_starts(tmp_path, catalogue):
    """ob-fresh r15 finding 1: registration under Part 2 of the Care Standards Act 2000 does not pass with the homes."""
    path = _with_services_line(tmp_path, OB_CHARITY, "incumbent: false")
    path.write_text(path.read_text(encoding="utf-8").replace(
        "\nservices:\n", "\nservices:\n  previous_provider: Oakridge Residential Care Ltd\n", 1), encoding="utf-8")
    sheet = read_termsheet(path, catalogue)
    text = document_text(assemble(sheet, catalogue, today=DRAFT_DATE))
    assert "(at the date of this Agreement carried on by Oakridge Residential Care Ltd)" in text
    assert "the Service Term for each of the Homes starts only on the later of" in text
    assert "may end this Agreement for that home by notice" in text
    assert "to be completed on registration]" in text
    assert "carries on the children's homes listed in" not in text


def test_mobilisation_costs_count_once_in_the_first_period_and_stay_out_of_the_review_base(tmp_path, catalogue):
    """ob-fresh r15 findings 2 and 16: one position on the cost model's one-off mobilisation line."""
    path = _with_services_line(tmp_path, OB_CHARITY, "incumbent: false")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('{item: "Depreciation of furniture, equipment and vehicles"',
                                 '{item: "Mobilisation (first year only)"', 1)
                    .replace("\npositions:\n", "\npositions:\n  open_book_price_review: rebase\n", 1),    # the review base
                    encoding="utf-8")
    sheet = read_termsheet(path, catalogue)
    assert sheet.model.open_book.cost_model.mobilisation == 40000
    text = document_text(assemble(sheet, catalogue, today=DRAFT_DATE))
    assert "are Allowable Costs of the first Reconciliation Period (even if incurred before" in text
    assert "up to £40,000 in total" in text
    assert "leaving out the mobilisation costs counted under clause" in text
    assert "Mobilisation costs are Allowable Costs only as, and up to the amount, clause" in text


def test_an_incumbent_keeps_its_existing_people_without_mobilisation(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "under the Existing Contract" in text  # r32 ob-sample F5: defined, with a placeholder for its reference
    assert "mobilisation plan" not in text
    assert "starts only on the later of" not in text and "to be completed on registration" not in text
    assert "leaving out the mobilisation costs" not in text


def test_no_agreement_to_agree_on_profit_cap_regulations_or_partial_termination(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "either of them may refer them to an Independent Accountant" in text
    assert "final and binding on the Parties except in the case of fraud or manifest error" in text
    assert "for decision under clause" not in text
    assert "must within 30 days adjust the cost model" not in text
    assert "From the date it ends for a home: the places at that home cease to be Core Places;" in " ".join(text.split())


def test_suspension_is_limited_to_regulator_registration_breach_and_damage_and_overrides_core_places(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert ("is unable to accept or keep a person in that place because of a restriction or condition imposed by the "
            "regulator, a suspension or cancellation of the registration of the home concerned, the Trust's breach of this "
            "Agreement, or damage to the home or loss of its use") in text
    assert "Holding one of the Core Places empty while a new Placement is matched under clause 7" in text
    assert "at its own request or because of its own default" not in text
    assert "Subject to clause" in text.split("must pay the weekly Price for each of the Core Places")[0][-120:]  # r27 ob-fresh 15: the list of suspensions is longer


def test_change_of_control_of_a_charity_ignores_trustee_rotation(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "For a body without share capital, such as the Trust, a change in who controls it also means" in text
    assert "The ordinary retirement, election and appointment of trustees, directors or members" in text
    assert "a change in the majority of its trustees, directors or members within any 12 months" not in text
    assert "(e) the Charity Commission or another regulator opens an inquiry" not in text   # numbering is the writer's
    assert "the Charity Commission or another regulator opens an inquiry or investigation" in text


def test_the_council_buys_in_its_social_services_capacity_and_must_still_pay(drafts):
    for stem in ("childrens-homes-charity", "supported-living-company"):
        text = text_of(drafts, stem)
        assert "in exercising its social services functions (within the meaning of section 1A of the Local " \
               "Authority Social Services Act 1970). Nothing in clause" in text


def test_agreed_abuse_insurance_is_the_cover_the_liability_clause_requires(drafts):
    """A sheet that agrees a separate abuse policy gets that policy on an occurrence basis, not a second,
    contradictory demand for public liability cover without an abuse exclusion."""
    living = text_of(drafts, "supported-living-company")      # agrees abuse and molestation cover
    assert "must hold the abuse and molestation liability insurance of at least" in living
    assert "without any exclusion for abuse" not in living
    charity = text_of(drafts, "childrens-homes-charity")      # agrees none
    assert "without any exclusion for abuse" in charity
    assert "may instead hold separate abuse cover at a level the Council approves in writing" in charity


def test_disputes_about_the_figures_go_to_an_independent_accountant(drafts):
    text = text_of(drafts, "supported-living-company")     # the standard dispute route: mediation, then court
    assert ("a Dispute about the figures in a Reconciliation Statement that the Parties have not agreed within [60] days "
            "after it was sent, or about the review factor worked out under clause") in text
    # one route (ob-fresh r15 finding 6): the 60-day paragraph points to the Independent Accountant, not to the
    # disputes clause, and the disputes clause carves the figures out
    assert "the figures in question may be referred only under clause" in text   # r28 ob-fresh 25: one right to refer (11.8)
    assert "may refer the disagreement to be resolved under clause" not in text
    assert "Except for a Dispute referred to an Independent Accountant under clause" in text
    assert "The decision is final and binding on the Parties except in the case of fraud or manifest error." in text
    expert = text_of(drafts, "childrens-homes-charity")     # the expert route already covers the figures
    assert "a Dispute about the figures in a Reconciliation Statement" not in expert


def test_supported_living_lists_each_homes_landlord_and_tenancy(drafts):
    text = text_of(drafts, "supported-living-company")
    assert "Canalside Residential Lettings Limited, a private landlord" in text
    assert "assured periodic tenancy (Housing Act 1988, as amended by the Renters' Rights Act 2025)" in text
    assert "Funded by others" not in text   # no tenancy funded by another body in the sample


def test_council_pays_only_its_share_of_core_support_where_others_fund_tenants(catalogue, tmp_path):
    text = OB_LIVING.read_text(encoding="utf-8").replace(
        "      places: 8\n", "      places: 8\n      other_funded: 2\n", 1)
    path = tmp_path / "shared.yaml"
    path.write_text(text, encoding="utf-8")
    result = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    body = document_text(result)
    assert "only in the proportion that the tenancies at that home not funded by another public body" in body
    assert "(Larchfield Court: 6 of 8)" in body
    assert "Funded by others" in body


def test_supported_living_absence_and_nominee_hold_follow_the_sheet(catalogue, tmp_path, drafts):
    """r16 ob-fresh 1 and 7: hours are paid as delivered during an absence unless the sheet gives retained days,
    and a void payment under the void-payment position is drafted as a retained-hours payment."""
    sample = text_of(drafts, "supported-living-company")
    assert "for the first 14 days of the absence" in sample            # the sample gives 14 days
    assert "keep staff ready to start that person's Individual Support" not in sample   # no void position
    text = OB_LIVING.read_text(encoding="utf-8").replace("  absence_paid_days: 14\n", "", 1)
    text = text.replace("\npositions:\n", "\npositions:\n  open_book_voids: void-payment\n", 1)
    text = text.replace("\nservices:\n", "\nservices:\n  void_rate: 60\n", 1)
    path = tmp_path / "hold.yaml"
    path.write_text(text, encoding="utf-8")
    body = document_text(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE))
    assert "The Council pays only for Individual Support hours actually delivered" in body
    assert "14 days" not in body
    assert "keep staff ready to start that person's Individual Support" in body
    assert "must pay 60% of the Prices for those hours for each week" in body
    assert "That payment forms part of the Service Income." in body


def test_weekly_prices_are_paid_by_the_night_for_part_weeks(drafts):
    assert "paid for part of a week at one seventh of the weekly Price" in text_of(drafts, "childrens-homes-charity")
    assert "one seventh" not in text_of(drafts, "supported-living-company")   # priced by the hour and night


def test_commissioner_may_suspend_new_referrals_instead_of_ending(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "may by notice suspend new Referrals to the Homes, or to those of them that the ground concerns" in text
    assert "no Prices are payable for one of the Core Places that is empty while new Referrals to it are suspended" in text
    assert "suspend new Referrals" not in text_of(drafts, "supported-living-company")


def test_ending_one_home_takes_out_that_homes_own_budgeted_costs(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "the direct costs budgeted for that home alone in the table of direct costs by home in paragraph 2 of Schedule 2" in text
    assert "Rowan House\n£640,000" in text or "Rowan House £640,000" in " ".join(text.split())
    assert "because of this change" not in text   # the formula, not the provider's say-so, for a home that ends


def test_safeguarding_both_adds_adults_at_risk_for_those_over_18(catalogue, tmp_path):
    """ob-fresh r13 finding 3: a children's draft whose sheet says safeguarding 'both' covers adults at
    risk (Care Act 2014 s.42) for those placed who are 18 or over; 'children' alone does not."""
    source = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
    def text_for(people):
        text = source.read_text(encoding="utf-8")
        assert "\nsafeguarding:" not in text
        text += f"\nsafeguarding:\n  people: {people}\n"
        path = tmp_path / f"{people}.yaml"
        path.write_text(text, encoding="utf-8")
        result = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
        clause = next(c for c in result.document.clauses if c.id == "open-book.safeguarding")
        return " ".join(p.text for p in iter_paragraphs(clause.blocks))
    both = text_for("both")
    assert "Where a Placed Child is 18 or over" in both and "section 42 of the Care Act 2014" in both
    assert "children or adults at risk" in both
    assert "Care Act 2014" not in text_for("children")


def test_split_final_period_follows_the_split_and_small_excess_carries_forward(drafts, catalogue):
    """r14 ob-fresh 3: the final period's Excess Profit is split as instructed, not refunded in full;
    r14 ob-sample 9: Excess Profit under the minimum is carried forward, not transferred (firing on the
    default £5,000, quiet when the sheet sets no minimum); r14 ob-sample 10: a decrease already
    refunded from the fund is repaid by the Council."""
    text = text_of(drafts, "adult-care-sharing-band")      # the split position
    assert ("the Excess Profit for the final Reconciliation Period is paid and transferred under clause"
            in text and "like that of any other Reconciliation Period" in text)
    assert "is paid to the Council and not transferred" not in text
    assert "is less than [£5,000], none of it is paid to the Council or applied under a Reinvestment Plan" in text
    assert "the Council must repay it to" in text
    charity = text_of(drafts, "childrens-homes-charity")
    assert "is less than [£5,000], it is not transferred" in charity
    # the worked example's £300 is under the minimum, so it is carried forward except in the final period
    assert "transferred to the Reinvestment Fund when it reaches [£5,000] or, if sooner, in the final Reconciliation Period" in charity

    def no_minimum(data):
        data["open_book"]["excess"]["carry_below"] = None
    quiet = document_text(draft_of(catalogue, OB_ADULT, no_minimum))
    assert "none of it is paid or transferred" not in quiet
    assert "that happens only in the final Reconciliation Period" not in quiet
    refund_only = text_of(drafts, "supported-living-company")
    assert "added to the Excess Profit for the next" not in refund_only and "must repay it to" not in refund_only


def test_recital_states_each_duty_as_the_act_does_and_young_people_may_stay_after_18(drafts):
    """r14 ob-fresh 4: only the sufficiency duty (s.22G) is 'so far as reasonably practicable'; supported
    accommodation adds s.23B(8)(b) and s.23C; ob-fresh 5: a young person who turns 18 may stay as a former
    relevant child, housing costs reducing the Council's payment (firing: supported accommodation; quiet:
    a children's home, which has neither)."""
    sa = text_of(drafts, "supported-accommodation-subsidiary")
    assert ("so far as reasonably practicable, that it can provide the children it looks after with "
            "accommodation within its area that meets their needs (section 22G of the Children Act 1989") in sa
    assert "It must also place each child it looks after in the most appropriate placement available" in sa
    assert "(section 23B(8)(b) of that Act)" in sa and "(section 23C of that Act)" in sa
    assert "to help meet those duties" in sa
    assert "open-book.turning-eighteen" in ids_of(drafts, "supported-accommodation-subsidiary")
    assert "as support for a former relevant child under section 23C of the Children Act 1989" in sa
    assert "reduced by the housing costs" in sa
    assert "(SI 2022/808) and the Supported Accommodation (England) Regulations 2023 (SI 2023/416)" in sa
    home = text_of(drafts, "childrens-homes-charity")
    assert "(section 22G of the Children Act 1989, the sufficiency duty). It must also place" in home
    assert "23B(8)" not in home
    assert "open-book.turning-eighteen" not in ids_of(drafts, "childrens-homes-charity")
    adult = text_of(drafts, "adult-care-sharing-band")
    assert "The Council must meet the eligible needs for care and support of the adults" in adult  # the Care Act form (I3)


def test_specification_identified_and_childrens_home_operational_terms(drafts, catalogue):
    """r14 ob-sample 11 / ob-fresh 11: the specification is identified by title, version and date and forms
    part of the agreement (a placeholder until given); ob-sample 12: a children's home draft covers children
    who go missing, complaints, restraint records and the placing authority's duties (quiet for supported
    accommodation, which has its own regulations)."""
    home = text_of(drafts, "childrens-homes-charity")
    assert "the service specification the Parties agreed before this Agreement was made" not in home
    # r25 ob-sample 16: the sample's specification postdates the notice, so it is the agreed form initialled at signing.
    assert "in the agreed form initialled by the Parties on or before the date of this Agreement, which forms part of this Agreement" in home

    def named(data):
        data["services"]["specification"] = "Westshire children's homes specification, version 2, 1 March 2027"
    given = document_text(draft_of(catalogue, OB_CHARITY, named))
    assert "the Westshire children's homes specification, version 2, 1 March 2027, in the agreed form initialled" in given
    assert "missing child policy it keeps under regulation 34(4)" in home
    assert "send the Council a copy of each complaint made by or about a Placed Child" in home
    assert "behaviour management records it keeps under regulation 35" in home
    assert "remains responsible for each Placed Child's care plan, placement plan" in home
    sa = text_of(drafts, "supported-accommodation-subsidiary")
    assert "regulation 34(4)" not in sa and "regulation 35 of those Regulations" not in sa


def test_set_off_of_fund_refunds_and_no_idle_21st_birthday_limb_for_16_and_17_year_olds(drafts):
    """r14 ob-fresh 22: the Council may set off amounts due to it under the excess clause (reinvest and split
    too); ob-fresh 18: for 16-17 year olds in supported accommodation the 21st birthday always falls within
    the 6-year run-off, so the limb is left out (kept for children's homes, whose children may be young);
    ob-fresh 21: the registration table is headed by service and URN."""
    home = text_of(drafts, "childrens-homes-charity")
    assert "The Council may set off any amount due to it under this clause" in home
    assert "until the 21st birthday of every child" in home
    sa = text_of(drafts, "supported-accommodation-subsidiary")
    assert "21st birthday" not in sa
    assert "Ofsted unique reference number (URN)" in sa


def test_rebasing_when_a_home_leaves_removes_that_homes_own_expected_weeks(catalogue):
    """ob-fresh r15 finding 3: Larkspur and Fernlea are two Core Places each (104 weeks); Kingfisher Lodge
    adds the 28 spot weeks on its third place (132). Worked through the clause's formula on the sheet's
    budget, the new Price is the reviewer's correct figure, not the pro-rata-by-places one."""
    sheet = read_termsheet(OB_BRADDON, catalogue)
    homes = {h.name: h.expected_weeks for h in sheet.model.services.homes}
    assert homes == {"Larkspur House": 104, "Fernlea": 104, "Kingfisher Lodge": 132}
    ob = sheet.model.open_book
    budget = ob.reconcile("full-cost", "hard-cap", "refund").allowable_costs
    weekly, hourly = ob.unit_prices
    direct_all = ob.cost_model.direct_costs

    def new_price(home):
        h = next(h for h in sheet.model.services.homes if h.name == home)
        costs = budget - h.direct_costs - ob.cost_model.overheads * h.direct_costs / direct_all
        income = costs * Decimal("1.06") - hourly.price * hourly.expected_units
        return (weekly.price * income / (weekly.price * (weekly.expected_units - h.expected_weeks))).quantize(
            Decimal("0.01"))

    assert new_price("Larkspur House") == Decimal("7624.00")
    assert new_price("Kingfisher Lodge") == Decimal("7851.58")
    text = document_text(assemble(sheet, catalogue, today=DRAFT_DATE))
    assert "This Agreement ends for Larkspur House\n104\nThis Agreement ends for Fernlea\n104\nThis Agreement ends for Kingfisher Lodge\n132" in text
    assert "multiplied by the places at that home and divided by" not in text


def test_recital_and_aim_of_the_open_book_terms_reflect_the_sharing_band(catalogue):
    """ob-fresh r15 finding 5: Harecroft keeps half the profit between 6% and 9%; the recital and clause 8.1 say so."""
    text = document_text(assemble(read_termsheet(OB_BRADDON, catalogue), catalogue, today=DRAFT_DATE))
    assert ("a Reasonable Profit of 6% of Harecroft's costs, Harecroft keeps half of any profit between 6% and 9% of its costs, and "
            "the rest of any profit is put into a fund") in text
    assert "with the share of further profit within the Sharing Band that clause" in text


def test_without_a_sharing_band_the_recital_keeps_the_cap_alone(drafts):
    text = text_of(drafts, "childrens-homes-charity")
    assert "and a Reasonable Profit, and any profit above that is" in text
    assert "with the share of further profit within the Sharing Band" not in text


def test_a_council_break_carries_bracketed_compensation_and_the_minimum_core_places_reading_is_flagged(catalogue):
    """ob-fresh r15 findings 7 and 15."""
    sheet = read_termsheet(OB_BRADDON, catalogue)
    draft = assemble(sheet, catalogue, today=DRAFT_DATE)
    text = document_text(draft)
    assert "Where the Council ends this Agreement, or ends it for one or more of the Homes, under clause" in text
    assert "[the reasonable and properly evidenced costs of making redundant the staff" in text
    assert "cannot avoid, for up to [6] months after the end]" in text
    assert "No profit is payable on them, they are not Allowable Costs" in text
    note = next(c for c in draft.document.clauses if c.id == "open-book.termination").note
    assert ("fixed commitments to a related party (Harecroft Estates Limited owns Larkspur House and Fernlea and leases "
            "them to Harecroft") in note and "take instructions on the heads" in note   # r28 ob-fresh finding 4
    voids = next(c for c in draft.document.clauses if c.id == "open-book.voids").note
    assert "The Council cannot go below one Core Place in all without ending the agreement, or ending it for a home." in voids  # r26 ob-fresh 1: a total


def test_core_support_names_the_nights_the_homes_have_and_a_reduction_keeps_hourly_prices(drafts):
    # r16 ob-fresh 2 and 3: the sample has waking duty at one home and sleep-ins at the others, priced
    # per hour and per night, so a reduction pays fewer hours and nights at the same Prices.
    text = text_of(drafts, "supported-living-company")
    assert "Core Support means the shared support hours, waking nights and sleep-in nights" in text
    assert "only for the Core Support hours and nights that remain, at the same Prices for each hour or night" in text
    assert "multiplied by the Core Support hours and nights remaining" not in text
    assert "office premises, so far as they are attributable to the Care Services at the Homes concerned" in text


def test_waking_nights_only_drop_sleep_ins(catalogue):
    def edit(data):
        for home in data["services"]["homes"]:
            home["core_support"] = "one support worker on site at all times, waking at night (8,760 hours a year)"
    text = document_text(draft_of(catalogue, OB_LIVING, edit))
    assert "Core Support means the shared on-site support hours, including waking nights, at each" in text
    assert "The Core Support hours a year stated in" in text
    assert "sleep-in nights at each" not in text


def test_continuous_access_ends_on_the_date_given(catalogue):
    def edit(data):
        data.setdefault("positions", {})["open_book_access"] = "continuous"
        data["open_book"]["continuous_access_until"] = "2029-05-31"
    text = document_text(draft_of(catalogue, OB_LIVING, edit))
    assert "Until 31 May 2029, the Open-Book Provider" in text or "Until 31 May 2029, Oakapple" in text
    assert "After that date the Open-Book Reports and the right of inspection in clause" in text


def test_notes_state_the_excess_profit_at_budget_after_the_sharing_band(drafts):
    """r16 ob-fresh 6: with a sharing band the surplus of the Prices at budget is not all Excess Profit."""
    draft = drafts["adult-care-sharing-band"][1].document
    pricing = next(c for c in draft.clauses if c.id == "open-book.pricing").note
    costs = next(c for c in draft.schedules if c.id == "common.open-book-schedule-costs").note
    assert "falls in the Sharing Band, so the Society keeps £5.49 of it and £8.24 is Excess Profit" in pricing
    assert "so even the budget produces that much Excess Profit" not in pricing
    assert "the provider keeps £5.49 of it and £8.24 is Excess Profit" in costs
    charity = next(c for c in drafts["childrens-homes-charity"][1].document.clauses if c.id == "open-book.pricing").note
    assert "£300 more than that, so even the budget produces that much Excess Profit" in charity   # hard cap


def test_excess_profit_carried_forward_cannot_leave_with_the_gift_to_the_parent(catalogue, tmp_path):
    """r16 ob-fresh 4: a carried-forward Excess Profit is held in the Reinvestment Fund account, not gifted away,
    and a carry-forward threshold the sheet does not give is listed as an assumption with the budget figure."""
    text = OB_SUBSIDIARY.read_text(encoding="utf-8")
    text = text.replace("open_book_excess: refund", "open_book_excess: split", 1)
    text = text.replace("\nopen_book:\n", "\nopen_book:\n  excess:\n    split_percentage: 50\n"
                        "    reinvestment_fund: activities for the young people\n", 1)
    path = tmp_path / "carry.yaml"
    path.write_text(text, encoding="utf-8")
    result = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    body = document_text(result)
    assert "is not profit available for the gift: despite that clause" in body
    assert "held on the same trust until it is dealt with as part of the next Reconciliation Period's Excess Profit" in body
    assert "none of it is paid to the Council or applied under a Reinvestment Plan" in body
    split = next(c for c in result.document.clauses if c.id == "common.open-book-excess").note
    assert "is not in the instructions and changes the instructed split" in split   # r18b ob-fresh 9: bracketed
    assert "so that it cannot leave with the provider's gift of profit to its parent" in split


def test_change_in_law_excludes_announced_changes_and_names_a_fair_pay_agreement(drafts):
    """r16 ob-fresh 5: a change announced before signing is priced in; an adult fair pay agreement counts in full;
    the clause adjusts the budgeted costs rather than restating that actual costs count."""
    adult = text_of(drafts, "supported-living-company")
    assert "but not (a) a change, other than such a fair pay agreement, whose terms had been made, published in draft or announced by the Government" in adult
    # r27 ob-homecare 2: with the national living wage in the index, one rule stops the review paying again for a
    # change already passed into the Prices, so the definition no longer says "in full"
    assert "including, whenever their terms were made or announced, regulations under Chapter 2 of Part 3 of the Employment Rights Act 2025 (social care workers) giving effect to an agreement of a Social Care Negotiating Body for adult social care in England (a fair pay agreement)" in adult
    assert "is valued at the costs current when the change takes effect" in adult
    assert "because the review" not in adult.split("Relevant Change in Law means")[1].split("\n")[0]   # r17 ob-fresh 6
    assert "the budgeted Allowable Costs in the cost model are adjusted by the change in cost" in adult
    assert "Allowable Costs for the Reconciliation Period in which it arises" not in adult
    assert "Employment Rights Act 2025" not in text_of(drafts, "childrens-homes-charity")


def test_pricing_note_flags_re_basing_that_gives_less_than_the_instructed_index(drafts, catalogue, tmp_path):
    """r16 ob-fresh 5 and 7: the note states the factor at budget against the index, and absence as drafted."""
    living = next(c for c in drafts["supported-living-company"][1].document.clauses if c.id == "open-book.pricing").note
    assert "individual hours are paid for a stated period" in living    # the sample gives 14 days
    adult = next(c for c in drafts["adult-care-sharing-band"][1].document.clauses if c.id == "open-book.price-review").note
    assert "this draft's mechanism" not in adult    # the Prices match the budget: re-basing gives the index
    path = tmp_path / "dear.yaml"
    path.write_text(OB_ADULT.read_text(encoding="utf-8").replace("price: 2051.35", "price: 2151.35", 1), encoding="utf-8")
    draft = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
    note = next(c for c in draft.clauses if c.id == "open-book.price-review").note
    assert "re-basing on the agreed costs is this draft's mechanism" in note
    assert "If the Council has not instructed re-basing, replace it by the index alone" in note


def test_overheads_have_their_own_categories_and_a_mileage_rate_is_not_indexed(catalogue, tmp_path):
    """r16 ob-fresh 10: an overhead category is listed with the budgeted overhead lines under Overheads, not among
    the Direct Cost categories; a rate per mile does not move with the price review."""
    text = OB_ADULT.read_text(encoding="utf-8").replace(
        "\n  allowable_costs:\n",
        "\n  allowable_costs:\n    - Mileage at 45p a mile and agency staff at no more than £29.00 an hour\n"
        "    - Central overheads (payroll, HR and finance) up to the overhead cap\n", 1)
    text = text.replace("    overheads: 112000\n", "    overhead_lines:\n      - {item: \"Insurance and audit\", amount: 112000}\n"
                        "    overheads: 112000\n", 1)
    path = tmp_path / "oh.yaml"
    path.write_text(text, encoding="utf-8")
    body = document_text(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE))
    direct, _, overheads = body.partition("Overheads are Allowable Costs only up to the Overhead Cap, and only if")
    assert "Central overheads" not in direct.split("Direct Costs are Allowable Costs only if")[-1]
    # r18b ob-fresh 11: the paragraph states the Overhead Cap, so the category does not repeat it in lower case.
    assert "Central overheads (payroll, HR and finance);" in overheads
    assert "up to the overhead cap" not in overheads
    assert "Insurance and audit." in overheads
    assert "a rate per mile is not, and stays as stated" in body


def test_a_home_without_a_tenant_count_is_left_blank_when_others_give_one(catalogue, tmp_path, drafts):
    """r16 ob-fresh 13: where the sheet gives tenants for some homes only, the others are a blank, not their places."""
    text = OB_LIVING.read_text(encoding="utf-8").replace("      places: 8\n", "      places: 8\n      tenants: 7\n", 1)
    path = tmp_path / "count.yaml"
    path.write_text(text, encoding="utf-8")
    result = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    body = document_text(result)
    assert "[tenants at the start]" in body
    note = next(c for c in result.document.schedules if c.id == "open-book.schedule-services").note
    assert "the instructions give no number of tenants at" in note
    assert "[tenants at the start]" not in text_of(drafts, "supported-living-company")   # no home gives a count


def test_tenant_covers_shared_owners_and_people_another_body_funds(catalogue, tmp_path, drafts):
    """r16 ob-fresh 11: the definition fits a shared ownership lease and a resident the ICB funds."""
    assert "Tenant means an adult who holds a tenancy or licence of accommodation" in text_of(drafts, "supported-living-company")
    text = OB_LIVING.read_text(encoding="utf-8").replace("      places: 8\n", "      places: 8\n      other_funded: 2\n", 1)
    text = text.replace("    tenancy: ", "    tenancy: shared ownership lease or ", 1) if "    tenancy: " in text else text
    text = text.replace("      tenancy: ", "      tenancy: shared ownership lease or ", 1)
    path = tmp_path / "owners.yaml"
    path.write_text(text, encoding="utf-8")
    body = document_text(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE))
    assert "holds a tenancy, licence or lease (including a shared ownership lease)" in body
    assert "or whose care and support another public body funds under an agreement with" in body


def test_scope_note_flags_self_funded_care_in_supported_living(drafts):
    """r16 ob-fresh 22: the whole-homes scope takes in care people pay for themselves; the note says so."""
    note = next(c for c in drafts["supported-living-company"][1].document.clauses if c.id == "open-book.scope").note
    assert "care that people at the homes arrange and pay for themselves" in note
    charity = next(c for c in drafts["childrens-homes-charity"][1].document.clauses if c.id == "open-book.scope").note
    assert "pay for themselves" not in charity


def test_recitals_state_the_care_act_duties_as_the_act_does_and_do_not_promise_full_cost(catalogue, tmp_path, drafts):
    """r16 ob-fresh 15: s.18 is a duty to meet needs, s.5 a duty to promote a market; the Prices are set to recover
    the budgeted cost, which the provider is not guaranteed."""
    text = OB_LIVING.read_text(encoding="utf-8")
    start = text.index("  statutory_duty:")
    end = text.index("\n  ", start + 20)
    while text[end + 3] == " ":
        end = text.index("\n  ", end + 1)
    text = text[:start] + ("  statutory_duty: care and support for adults whose eligible needs it must meet under section 18 of "
                           "the Care Act 2014, and a market for care in its area under section 5 of that Act") + text[end:]
    path = tmp_path / "duty.yaml"
    path.write_text(text, encoding="utf-8")
    body = document_text(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE))
    assert "must meet the eligible needs for care and support of the adults for whom section 18 of the Care Act 2014" in body
    assert "promote the efficient and effective operation of a market in services for meeting care and support needs" in body
    assert "the Prices are set to recover the full budgeted cost of the Care Services" in text_of(drafts, "supported-living-company")
    assert "recovers the full cost" not in text_of(drafts, "supported-living-company")


def test_each_kpi_states_its_measurement_period(drafts):
    """r16 ob-fresh 16: each KPI row says what period it is measured over, and the clause points to that column."""
    text = text_of(drafts, "supported-living-company")
    assert 'measured over the period shown for it in the column "Measured over"' in text
    assert "Measured over" in text
    assert any(p in text for p in ("each calendar month", "rolling 12 months", "each interval reported"))


def test_hourly_scenarios_name_capacity_not_homes_and_drop_an_orphan_brackets_line(drafts):
    """r16 ob-fresh 17: with hours priced against a capacity, 'occupancy' is explained as use of that capacity, the
    break-even line says costs fall with the hours, and 'brackets are losses' appears only with a loss shown."""
    text = text_of(drafts, "supported-living-company")
    if "Occupancy scenarios" in text and "hours a year) is used" in text:
        assert "not the share of homes let" in text
    for stem in ("supported-living-company", "adult-care-sharing-band", "childrens-homes-charity"):
        body = text_of(drafts, stem)
        if "Amounts in brackets are losses." in body:
            assert "| (" in body or "(£" in body


def test_supported_living_with_a_weekly_core_price_and_capacity_assembles(catalogue):
    """A fresh-sheet writer's supported-living sheet (every place a core place, a weekly price with capacity_units)
    passed `check` but failed to assemble: the reconciliation schedule referred to the suspension paragraphs that a
    supported-living draft leaves out. The core floor now says only that the Core Places may be reduced."""
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate

    source = OB_LIVING.read_text(encoding="utf-8").replace(
        "    - service: Sleep-in night at a scheme",
        "    - service: Core support at a scheme, per place\n      unit: week\n      price: 100\n"
        "      expected_units: 1144\n      capacity_units: 1144\n    - service: Sleep-in night at a scheme", 1)
    doc = assemble(validate(load_text(source, OB_LIVING.name), catalogue), catalogue, today=DRAFT_DATE).document
    text = "\n".join(plain_text(p.inlines) for c in doc.all_clauses() for p in iter_paragraphs(c.blocks))
    assert "unless the Core Places are reduced" in text
    assert "unless a payment is suspended" not in text


def test_two_weekly_rates_share_one_capacity_and_the_floor_takes_the_lower_rate(catalogue):
    """A fresh-sheet writer priced a nursing home's places at two weekly rates (general and dementia): the floor
    measured the Core Places against one rate's capacity ("150% of the places") and the budget occupancy came from
    one line. Capacity is now every weekly line's together, and the floor counts each Core Place at the lower rate,
    since the sheet does not say which places are Core Places."""
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate

    path = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
    source = path.read_text(encoding="utf-8").replace(
        "      expected_units: 619\n      capacity_units: 728\n",
        "      expected_units: 419\n      capacity_units: 468\n"
        "    - service: Residential placement, one child with complex needs\n      unit: week\n      price: 5950\n"
        "      expected_units: 200\n      capacity_units: 260\n", 1)
    sheet = validate(load_text(source, path.name), catalogue)
    ob = sheet.model.open_book
    assert ob.budget_occupancy == Decimal("85.03")  # (419 + 200) / (468 + 260)
    floor = ob.core_floor
    assert floor.weekly_price == Decimal("4950") and floor.occupancy <= Decimal(100)
    # r18 ob-fresh 1: the floor is a floor, never added to the other line's weeks. Income at each occupancy is the
    # greater of the Core Places payment and every weekly line's weeks at that occupancy at its own price.
    for occ in (Decimal(10), Decimal(50), Decimal(80), Decimal(95)):
        priced = sum(pence(u.price * u.capacity_units * occ / 100) for u in ob.unit_prices if u.capacity_units)
        rest = sum((u.expected_income for u in ob.unit_prices if not u.capacity_units), Decimal(0))
        assert ob.income_at(occ, floored=True) == max(priced, floor.income) + rest
        assert ob.income_at(occ) == priced + rest
    assert ob.income_at(Decimal(100), floored=True) == ob.capacity_income + rest


def test_two_weekly_rates_say_which_core_places_are_at_which_price(catalogue):
    """r18 ob-fresh 4: with two weekly prices the Core Place payment names the Price for each place's type, the schedule
    leaves the split to be filled in, and the note gives the payment with the most places at the higher price.
    One weekly price: none of it."""
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate

    path = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
    plain = validate(load_text(path.read_text(encoding="utf-8"), path.name), catalogue)
    assert plain.model.core_floor.top_income is None
    source = path.read_text(encoding="utf-8").replace(
        "      expected_units: 619\n      capacity_units: 728\n",
        "      expected_units: 419\n      capacity_units: 468\n"
        "    - service: Residential placement, one child with complex needs\n      unit: week\n      price: 5950\n"
        "      expected_units: 200\n      capacity_units: 260\n", 1)
    floor = validate(load_text(source, path.name), catalogue).model.core_floor
    # 11 Core Places: 5 at £5,950 (260 weeks' capacity) and 6 at £4,950
    assert floor.top_income == Decimal(5 * 5950 * 52 + 6 * 4950 * 52)


def test_commissioner_places_apportion_by_the_sheets_basis(catalogue):
    """r18 ob-fresh 2: a sheet whose cost lines apportion shared costs "by occupied bed-weeks" gets one method, paid
    bed-weeks, in the scope clause and its note, with overheads the same way; a sheet that says nothing keeps places
    available; an explicit services.apportionment wins."""
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate

    path = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
    text = path.read_text(encoding="utf-8").replace("  scope: whole_homes\n", "  scope: commissioner_places\n", 1)
    plain = validate(load_text(text, path.name), catalogue).model
    assert plain.services.scope == "commissioner_places" and not plain.services.apportion_by_weeks
    weeks = text.replace("disallowed_costs:\n", "disallowed_costs:\n    - Costs of other councils' places (shared costs "
                         "are apportioned by occupied bed-weeks)\n", 1)
    occupied = validate(load_text(weeks, path.name), catalogue).model.services
    assert occupied.apportion_by_weeks and occupied.apportion_occupied   # r18b ob-fresh 3: the sheet's words
    told = text.replace("services:\n", "services:\n  apportionment: paid_weeks\n", 1)
    assert validate(load_text(told, path.name), catalogue).model.services.apportion_by_weeks
    back = weeks.replace("services:\n", "services:\n  apportionment: places_available\n", 1)
    assert not validate(load_text(back, path.name), catalogue).model.services.apportion_by_weeks


def test_hospital_absence_cap_is_drafted(catalogue):
    """r18 ob-fresh 3: the sheet's six-week cap on keeping a place open while a resident is in hospital is drafted in
    the absence paragraph and its note, and the ending paragraph sends an absent resident's place to it instead of
    ending at once. Without the field: no cap."""
    def capped(data):
        data["services"]["absence_weeks"] = 6

    text = document_text(draft_of(catalogue, OB_ADULT, capped))
    assert "at the end of six weeks from the day they were admitted if that is sooner" in text
    # r20 ob-fresh 18: the ending paragraph names itself, and a permanent move ends the Placement
    assert re.search(r"including in hospital, clause 5\.5 applies instead of this clause\.", text)
    quiet = document_text(draft_of(catalogue, OB_ADULT))
    assert "from the day they were admitted" not in quiet


def test_hospital_cap_releases_the_place_without_notice(catalogue):
    """r18b ob-fresh 1: with a hospital limit the place is paid for until it is released, and it is released at the
    end of the limit whether or not the commissioner gave notice; the note says a non-hospital absence has no limit.
    Without the limit the note says the draft sets none."""
    def capped(data):
        data["services"]["absence_weeks"] = 6

    def pricing_note(result):
        return next(c for c in result.document.clauses if c.id == "open-book.pricing").note

    draft = draft_of(catalogue, OB_ADULT, capped)
    assert "keep paying the Price for that place until the place is released. The place is released [14] days after" \
        in document_text(draft)
    assert "The six-week limit applies to a hospital stay only" in pricing_note(draft)
    quiet = pricing_note(draft_of(catalogue, OB_ADULT))
    assert "The draft sets no limit on how long a place is paid for while a resident is in hospital" in quiet


def test_core_place_split_is_drafted_and_priced(catalogue):
    """r18b ob-fresh 2: where each weekly price gives its Core Places, the schedule states the split, the Core Places
    payment is each place at its own Price, and the notes give that figure; without it, the blanks stay."""
    def two(split):
        def mutate(data):
            prices = data["open_book"]["unit_prices"]
            prices[0].update(expected_units=419, capacity_units=468)
            prices.append({"service": "Residential placement, one child with complex needs", "unit": "week",
                           "price": 5950, "expected_units": 200, "capacity_units": 260})
            if split:
                prices[0]["core_places"], prices[-1]["core_places"] = split
        return mutate

    def notes(result):
        return "\n".join(str(c.note or "") for c in [*result.document.clauses, *result.document.schedules])

    draft = draft_of(catalogue, OB_CHARITY, two((6, 5)))
    text = document_text(draft) + notes(draft)
    # all five places of that type are Core Places, so no "(of the five places of that type)" (r32 ob-fresh 18)
    assert 'Of the Core Places, six are places for "' in text and 'and five are places for "Residential placement, ' \
        'one child with complex needs".' in text and "(of the five places of that type)" not in text
    # 6 x 52 x £4,950 + 5 x 52 x £5,950 = £1,544,400 + £1,547,000
    assert "six at £4,950 a week and five at £5,950 a week" in text and "£3,091,400" in text
    assert "The instructions do not say how many of the Core Places are of each type" not in text
    blank = notes(draft_of(catalogue, OB_CHARITY, two(None)))
    assert "The instructions do not say how many of the Core Places are of each type" in blank


def test_occupied_bed_weeks_are_drafted_as_occupied(catalogue):
    """r18b ob-fresh 3: cost lines saying "occupied bed-weeks" get occupied bed-weeks in the scope clause (never paid
    bed-weeks called occupied), and the note says that departs from paid bed-weeks and why; a sheet that chooses paid
    bed-weeks against those words gets a clause that says which governs and a note that says it departs from them."""
    text = OB_CHARITY.read_text(encoding="utf-8").replace("  scope: whole_homes\n", "  scope: commissioner_places\n", 1)
    text = text.replace("disallowed_costs:\n", "disallowed_costs:\n    - Costs of other councils' places (shared costs "
                        "are apportioned by occupied bed-weeks)\n", 1)

    def scope(source):
        draft = draft_of_text(catalogue, source, OB_CHARITY.name)
        clause = next(c for c in draft.document.clauses if c.id == "open-book.scope")
        return " ".join(p.text for p in iter_paragraphs(clause.blocks)), clause.note

    body, note = scope(text)
    assert "buy by occupied bed-weeks, unless" in body and "paid bed-weeks" not in body
    assert "by the same occupied bed-weeks across all the Homes" in body
    assert "That departs from the basis usually drafted" in note
    body, note = scope(text.replace("services:\n", "services:\n  apportionment: paid_weeks\n", 1))
    assert "buy by paid bed-weeks, unless" in body
    assert "describes as apportioned by occupied bed-weeks is apportioned by paid bed-weeks under this paragraph" in body
    assert "the draft departs from those words" in note


def test_uncapped_loss_note_gives_the_figures_and_the_options(catalogue):
    """r18b ob-fresh 4: where losses are not carried forward and the Core Places fall short of cost, the note gives
    the break-even occupancy, the loss in the first scenario below it, the floor at the minimum Core Places, and the
    options (carry forward, a loss share the draft does not contain, more places, accept) without inventing a term."""
    draft = draft_of(catalogue, OB_CHARITY)
    note = next(c for c in draft.document.clauses if c.id == "open-book.losses").note
    assert "the budgeted Allowable Costs are covered only from" in note
    # the minimum is for each home: four homes at two (the one with two keeps them) = 8 places x 52 x £4,950
    assert "to the minimum of two at each home (eight in all), they bring in as little as £2,059,200 a year (at £4,950 " \
        "a week), £895,800 less than the budgeted Allowable Costs" in note
    assert "share a loss" in note and "this draft has no such term" in note


def test_continuous_access_at_the_full_level_reaches_the_ledgers(catalogue):
    """r18b ob-fresh 5: "can see the cost ledger at any time" (continuous access to the full open book) gives access to
    the ledgers as kept day to day, not only to accounts updated monthly; at the cost-model level it stays as it was."""
    def full(data):
        data["open_book"]["level"] = "full"

    text = document_text(draft_of(catalogue, OB_ADULT, full))
    assert "continuous read-only access, through a secure shared system, to its ledgers and cost records for the " \
           "Open-Book Services as it keeps them day to day, to the cost model for them, and to its management " \
           "accounts for them, updated at least monthly" in text
    plain = document_text(draft_of(catalogue, OB_ADULT))
    assert "as it keeps them day to day" not in plain


def test_extra_support_without_a_price_is_priced_case_by_case(catalogue):
    """r18b ob-fresh 6: where no price is given for support beyond the weekly Prices, an Individual Placement Agreement
    adds support at a price agreed in writing (not at Prices that do not exist) and the note says so; where an hourly
    price exists, the Prices in the schedule are used."""
    def weekly_only(data):
        prices = data["open_book"]["unit_prices"]
        hourly = [u for u in prices if u["unit"] == "hour"]
        for u in hourly:
            prices.remove(u)
        data["open_book"]["cost_model"]["income"] = sum(u["price"] * u.get("expected_units", 0) for u in prices)

    draft = draft_of(catalogue, OB_CHARITY, weekly_only)
    text = document_text(draft)
    assert "may add support to the Care Services at a price for that support that the Council agrees in writing" in text
    note = next(c for c in draft.document.clauses if c.id == "open-book.placements").note
    assert "The instructions give no price for support beyond the weekly Prices" in note
    priced = document_text(draft_of(catalogue, OB_CHARITY))
    assert "may add support to the Care Services at the Prices in Schedule" in priced


def test_worked_split_with_a_carry_forward_does_not_contradict_itself(drafts, catalogue):
    """r18b ob-fresh 8 and 9: the worked example says what would be paid apart from the carry-forward and then that it
    is carried forward instead (never "must pay ... that does not happen"); a threshold the sheet does not give is
    bracketed in the clause, and one it gives is not."""
    text = text_of(drafts, "adult-care-sharing-band")
    assert "Apart from the carry-forward in clause" in text and "would pay" in text
    assert "it is instead carried forward under clause" in text and "that does not happen" not in text
    assert "is less than [£5,000], none of it is paid" in text

    def given(data):
        data["open_book"]["excess"]["carry_below"] = 2000

    told = document_text(draft_of(catalogue, OB_ADULT, given))
    assert "is less than £2,000, none of it is paid" in told and "[£2,000]" not in told


def _incumbent_care_home(catalogue, tmp_path):
    """The adult sample as a care home block with Core Places, spot places and residents moving across from
    earlier contracts with the same provider (the shape of r18b ob-fresh)."""
    text = OB_ADULT.read_text(encoding="utf-8").replace("open_book_voids: void-payment", "open_book_voids: core-places", 1)
    text = text.replace("  placement_notice_days: 56\n", "  placement_notice_days: 56\n  core_places: 10\n"
                        "  minimum_core_places: 2\n  incumbent: true\n  existing_placements: 12\n", 1)
    path = tmp_path / "incumbent.yaml"
    path.write_text(text, encoding="utf-8")
    return assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)


def _note(result, clause_id):
    return next(c for c in result.document.all_clauses() if c.id == clause_id).note or ""


def test_residents_moving_across_end_their_earlier_placements_and_the_note_gives_the_number(catalogue, tmp_path, drafts):
    """r18b ob-fresh 7: existing residents' earlier placements end the day before the start, the Prices apply from
    the start, and the note checks the list against the number the sheet gives, with the Core Places it fills."""
    result = _incumbent_care_home(catalogue, tmp_path)
    body, note = document_text(result), _note(result, "open-book.placements")
    assert "living in one of the Homes on 31 May 2027 under the Existing Contract" in body
    assert ("The placement of each of them under the Existing Contract ends at the end of 31 May 2027, without "
            "affecting rights and liabilities accrued under it before then, and from 1 June 2027 the Council pays "
            "for the place the Price in Schedule 2 for its type, and not the fee under the Existing Contract") in body
    assert "The Council says twelve people are placed there now: check the list against that number" in note
    assert "(only ten can be Core Places; the other two are paid for only while occupied)" in note
    # Quiet: a user-choice award keeps its earlier contracts until a lawful basis is recorded.
    charity = drafts["childrens-homes-charity"][1]
    assert "The placement of each of them under the Existing Contract ends" not in document_text(charity)
    assert "placed there now" not in _note(charity, "open-book.placements")


def test_spot_places_beyond_the_core_places_are_stated_in_the_clause(catalogue, tmp_path, drafts):
    """r18b ob-fresh 13: the places the commissioner may buy beyond the Core Places are stated in the clause on
    core places, with a note on first refusal; a user-choice award (the charity sample) has no such sentence."""
    result = _incumbent_care_home(catalogue, tmp_path)
    assert ("In addition to the Core Places, the Council may place people in any other place at the Homes that the "
            "Society has free, up to fourteen places in all.") in document_text(result)  # r27 ob-fresh 3
    assert "right of first refusal" in _note(result, "open-book.voids")
    assert "In addition to the Core Places" not in document_text(drafts["childrens-homes-charity"][1])


def test_care_home_recital_names_the_choice_of_accommodation_and_a_society_signatory_is_checked(drafts):
    """r18b ob-fresh 14 and 16: a care-home draft's recital (A) names the Choice of Accommodation Regulations 2014;
    the boilerplate note asks for a registered society's authority for its one signatory. Neither in the children's
    homes draft of a charitable company."""
    adult, charity = drafts["adult-care-sharing-band"][1], drafts["childrens-homes-charity"][1]
    assert "Care and Support and After-care (Choice of Accommodation) Regulations 2014. It buys" in document_text(adult)
    assert "is a registered society: a person its committee authorises under its registered rules may sign" in _note(adult, "common.general")
    assert "Choice of Accommodation" not in document_text(charity)
    assert "registered society" not in _note(charity, "common.general")


def test_kpi_measured_over_follows_the_reporting_frequency(drafts):
    """r18b ob-fresh 17: no 'each interval reported' where the KPI's frequency names the period."""
    for name in ("adult-care-sharing-band", "childrens-homes-charity"):
        assert "each interval reported" not in document_text(drafts[name][1])


@pytest.mark.parametrize("reference, expected", [
    ("NCC/ASC/2023/114", "under contract NCC/ASC/2023/114 between the Parties (the earlier contract)"),
    ("the call-off contracts under the Council's supported living framework (reference NCC/SL/FW/2021)",
     "under the call-off contracts under the Council's supported living framework (reference NCC/SL/FW/2021) "
     "(taken together, the earlier contract)"),
])
def test_supported_living_earlier_contract_reads_as_a_reference_or_as_described(catalogue, reference, expected):
    """r22 writer: a description starting 'the' printed 'under contract the call-off contracts ... between the
    Parties'; the care-home definition already read descriptions as written, supported living did not."""
    text = OB_LIVING.read_text(encoding="utf-8")
    assert "\nservices:\n" in text
    text = text.replace("\nservices:\n", f"\nservices:\n  existing_contract: \"{reference}\"\n", 1)
    assert expected in document_text(draft_of_text(catalogue, text))


def test_kpi_measured_over_from_the_sheet_is_used_unbracketed(catalogue):
    """r22 writer: no field set a KPI's measurement period, so every draft bracketed a guess."""
    text = OB_CHARITY.read_text(encoding="utf-8")
    first = '      target: "90% each year"\n      frequency: quarterly\n'
    assert first in text
    text = text.replace(first, first + "      measured_over: the 12 months to the end of each quarter\n", 1)
    draft = draft_of_text(catalogue, text)
    table = next(b for c in draft.document.all_clauses() if c.id == "open-book.schedule-services"
                 for b in c.blocks if isinstance(b, Table) and "Measured over" in map(plain_text, b.header))
    rows = {plain_text(row[0]): plain_text(row[4]) for row in table.rows}
    assert rows["Placements ending in a planned way"] == "the 12 months to the end of each quarter"
    assert rows["Children in full-time education or training"].startswith("[")


def test_business_continuity_is_one_obligation_in_every_setting(drafts):
    """r22 writer: a supported-living draft required a business continuity plan in two clauses, each
    with its own terms."""
    for stem in ("supported-living-company", "childrens-homes-charity", "adult-care-sharing-band"):
        assert text_of(drafts, stem).count("must keep a business continuity plan") == 1, stem


def test_pay_rate_note_names_the_workers_of_each_setting(catalogue):
    """r28 obN 1: the price review note asked a children's draft for the pay of "care workers". It names the
    front-line staff of each setting, and only where the note compares staff pay."""
    expected = {OB_CHARITY: "residential care workers", OB_SUBSIDIARY: "support workers", OB_LIVING: "support workers",
                OB_ADULT: "care workers", ROOT / "samples" / "open-book" / "short-breaks-charity.yaml":
                "residential care workers"}
    asked = 0
    for path, workers in expected.items():
        n = flat(note(draft_of(catalogue, path).document, "open-book.price-review"))
        if "Staff pay " not in n:
            assert "lowest hourly rate" not in n, path.name
            continue
        asked += 1
        assert f"the lowest hourly rate the cost model pays {workers} aged 21 and over, so ask for it" in n, path.name
        if workers != "care workers":
            assert " care workers" not in n.replace("residential care workers", ""), path.name
    assert asked >= 2
