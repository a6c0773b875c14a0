"""The grant family end to end: what its drafts say (conformance is in test_conformance.py)."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from assembler.writers.text import to_text
from tests.conftest import ROOT, samples
from tests.conftest import draft_of as build
from tests.conftest import edited as _edited
from tests.families.conformance import table_cells

GRANT_SAMPLES = samples("grant")
BIG = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"
SMALL = ROOT / "samples" / "grant" / "community-single-payment.yaml"
HUB = ROOT / "samples" / "grant" / "youth-hub-fit-out.yaml"


def test_there_are_at_least_two_samples():
    assert {BIG, SMALL} <= set(GRANT_SAMPLES)


def test_every_section_of_a_grant_agreement_is_there(catalogue):
    titles = [c.title for c in build(catalogue, BIG).document.clauses]
    for needed in ("Definitions and interpretation", "Payment of the Grant", "Eligible and ineligible expenditure",
                   "Monitoring and reporting", "Withholding, suspension and repayment", "Subsidy control",
                   "Intellectual property", "Data protection", "Safeguarding", "Dispute resolution",
                   "Governing law and jurisdiction"):
        assert any(needed.lower() in t.lower() for t in titles), needed


def test_big_sample_schedules_carry_its_figures(catalogue):
    doc = build(catalogue, BIG).document
    schedules = {s.title: s for s in doc.schedules}
    payments = table_cells(schedules["Payment Schedule"].blocks)
    assert payments[0][:3] == ["1", "15 April 2027", "£90,000"]
    assert payments[-1][0] == "Total" and payments[-1][2] == "£450,000"
    budget = table_cells(schedules["Budget"].blocks)
    assert ["Total", "£450,000"] in budget
    kpis = table_cells(schedules["Funded Activities and KPIs"].blocks)
    assert any("tenancy" in row[0].lower() for row in kpis)


def test_big_sample_text(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "St Mary's Housing & Support Trust" in text
    assert "£450,000 (four hundred and fifty thousand pounds)" in text
    assert "sort code" not in text and "20304050" not in text  # bank details stay out of a publishable agreement
    assert "The account details are not set out in this Agreement" in text


def test_small_sample_is_short_and_has_no_match_funding_clause(catalogue):
    doc = build(catalogue, SMALL).document
    assert all("match funding" not in c.title.lower() for c in doc.clauses)
    assert "minimal financial assistance" in to_text(doc).lower()


@pytest.mark.parametrize("position, variant", [
    ("payment_basis", "advance"), ("payment_basis", "milestones"), ("payment_basis", "claims"),
    ("legal_status", "non-binding"), ("clawback_scope", "full"), ("ip_ownership", "funder-owns"),
    ("ip_ownership", "open-licence"), ("termination_for_convenience", "none"),
    ("termination_for_convenience", "mutual-notice"), ("dispute_route", "courts"),
    ("dispute_route", "escalation-expert"), ("grant_form", "offer-letter"),
])
def test_every_variant_assembles_in_place_of_the_standard(catalogue, tmp_path, position, variant):
    def with_position(chosen: str):
        yaml = YAML()
        data = yaml.load(BIG.read_text())
        data.setdefault("positions", {})[position] = chosen
        if position == "payment_basis":  # the sample's last milestone falls after a 60-day final claim deadline
            data["grant"]["reporting"]["final_report_days"] = 90
        sheet = tmp_path / f"{chosen}.yaml"
        with sheet.open("w") as handle:
            yaml.dump(data, handle)
        return [c for c in build(catalogue, sheet).document.clauses if c.position == position]

    chosen = with_position(variant)
    assert len(chosen) == 1 and chosen[0].variant == variant and not chosen[0].standard
    standard = next(f.header.variant for f in catalogue.by_id()[chosen[0].id] if f.header.standard)
    assert chosen[0].note and chosen[0].blocks != with_position(standard)[0].blocks


def test_small_sample_is_a_grant_offer_letter(catalogue):
    doc = build(catalogue, SMALL).document
    titles = [c.title for c in doc.clauses]
    assert doc.title == "Grant Offer Letter"
    assert "Offer and acceptance" in titles and "General conditions" in titles
    for left_out in ("Insurance", "Liability", "Intellectual property", "Notices", "Force majeure"):
        assert not any(t.lower().startswith(left_out.lower()) for t in titles), left_out
    assert len(doc.clauses) < len(build(catalogue, BIG).document.clauses) - 10


def test_the_short_form_as_a_non_binding_letter_keeps_its_binding_terms(catalogue, tmp_path):
    sheet = _edited(tmp_path, SMALL, lambda d: d["positions"].__setitem__("legal_status", "non-binding"))
    text = to_text(build(catalogue, sheet).document)
    assert "The following provisions are legally binding" in text


def test_the_full_agreement_refers_to_the_application_and_gives_warranties(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "application for the Grant dated 30 September 2026" in text and "NDC-HF-2026-07" in text
    assert "The Trust warrants to the Council" in text


def test_payment_follows_acceptance_of_reports_in_business_days(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "A report that the Council has not queried within that time is treated as accepted" in text
    assert "within 10 Business Days after the later of the date set against it" in text
    assert "is not a condition of that Instalment" in text
    assert "The last Instalment is paid in arrears, after the end of the Funding Period" in text


def test_match_funding_has_one_remedy(catalogue, tmp_path):
    reduce = to_text(build(catalogue, BIG).document)
    assert "Total Project Cost means £600,000" in reduce
    assert "is reduced to the lower of its amount at that time" in reduce and "need not pay any further Instalment until" not in reduce
    assert "(as reduced under any other provision of this Agreement)" in reduce  # never a second cut of a cut Grant
    assert reduce.count("is reduced to the lower of") == 1 and "the reduction under clause" in reduce
    stop = to_text(build(catalogue, HUB).document)
    assert "need not pay any further Instalment until" in stop and "is reduced to the lower of" not in stop


def test_fixtures_are_repaid_or_secured_not_sold(catalogue):
    text = to_text(build(catalogue, HUB).document)
    assert "cannot be sold apart from them" in text and "a legal charge over its interest in the premises" in text
    assert "until the end of its Clawback Period if that is later" in text


def test_a_funding_period_begun_before_signing_gets_a_catch_up_payment(catalogue):
    text = to_text(build(catalogue, HUB).document)
    assert "paid as a single catch-up payment" in text
    assert "so that no report is due on or before that date" in text


def test_onward_grants_and_exit_on_notice(catalogue):
    text = to_text(build(catalogue, HUB).document)
    assert "Onward Grants to youth-led groups based in Riverside" in text
    assert "Transfer of Undertakings (Protection of Employment) Regulations 2006" in text
    assert "statutory redundancy payments" in text


def test_mfa_notification_comes_before_the_agreement(catalogue):
    text = to_text(build(catalogue, SMALL).document)
    assert "Before this letter was made, the Council gave the Recipient a written notification under section 37(1)" in text
    assert "minimal financial assistance confirmation under section 37(4)" in text


def test_the_offer_letter_calls_itself_a_letter(catalogue):
    doc = build(catalogue, SMALL).document
    text = to_text(doc).split("SIGNATURE")[0]  # the plain-text writer has no letter layout
    assert "this Agreement" not in text and "This Agreement" not in text
    assert "This letter is legally binding on the Parties from the Acceptance Date" in text
    assert all(d.term != "Agreement" for d in doc.definitions)
    assert "Legal status of this letter" in [c.title for c in doc.clauses]


def test_the_full_agreement_still_calls_itself_an_agreement(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "This Agreement is legally binding" in text and "this letter" not in text


def test_the_offer_letter_binds_and_gives_the_grant_on_acceptance(catalogue):
    text = to_text(build(catalogue, SMALL).document)
    assert "Acceptance Date means the date on which the Council receives this letter countersigned" in text
    assert "lapses if the Council has not received the signed letter by 26 February 2027" in text
    assert "the Grant is given on the Acceptance Date" in text
    assert "given as minimal financial assistance on the Acceptance Date" in text
    assert ("pays each Instalment in advance of the Recipient's expenditure, within 10 Business Days after the latest of "
            "the date set against it in the Payment Schedule, the Acceptance Date and the date on which any condition") in text
    assert "Grant means the sum of £12,500" in text


def test_the_offer_letter_has_its_one_line_conditions(catalogue):
    text = to_text(build(catalogue, SMALL).document)
    assert "public liability insurance of at least £" in text and "employer's liability insurance as the Law requires" in text
    assert "anyone who drives their own vehicle for the Project is insured for that use" in text
    assert "must declare to the Council in writing" in text
    assert "acknowledge the Council's funding" in text
    assert "children's or adult social care services of Westshire County Council" in text
    assert "Local Authority Designated Officer" in text
    assert "separate controller" in text and "do not expect either Party to process Personal Data" not in text


def test_the_offer_letter_leaves_out_the_machinery_of_the_full_agreement(catalogue):
    text = to_text(build(catalogue, SMALL).document)
    for absent in ("independent qualified accountant", "Transfer of Undertakings", "Conditions that are reports",
                   "catch-up payment", "Prohibited Act", "Conflict of Interest means", "exit"):
        assert absent not in text, absent


def test_unspent_grant_has_one_repayment_rule(catalogue):
    """The rule is stated once, in the payment clause, and falls due only after the Funding Period (or the
    letter) ends; the repayment, default and notice clauses point to it and set no timing of their own."""
    text = to_text(build(catalogue, SMALL).document)
    assert "the Council may not require it earlier" in text
    assert text.count("Unspent Grant is repaid under clause 5.5") == 1
    assert "repay any unspent Grant under clause 5.5" in text
    assert "It repays the balance of the Grant paid under clause 5.5" in text
    assert "within 30 days after the Council asks in writing, any Grant not spent" not in text
    assert "signed as accurate by two of the Recipient's charity trustees (one of them its Treasurer" in text


@pytest.mark.parametrize("basis", ["arrears", "advance", "milestones", "claims"])
def test_every_payment_basis_states_the_unspent_rule_once(catalogue, basis):
    def choose(d):
        d.setdefault("positions", {})["payment_basis"] = basis
        d["grant"]["reporting"]["final_report_days"] = 90   # the last instalment is claimed after the period
    text = to_text(build(catalogue, BIG, choose).document)
    assert text.count("must repay any part of the Grant paid to it that it has not spent on Eligible Expenditure") == 1
    assert "not spent on Eligible Expenditure incurred during the Funding Period and paid within 30 days" not in text
    assert "Unspent Grant is repaid under clause" in text


def test_council_delay_moves_milestone_dates_instead_of_reducing_the_grant(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "its long-stop date, move back by the length of that delay" in text
    assert "the condition is met if the group has no one in it on the date it is measured, and, if the group has fewer than five people, if no more than one of them falls outside it" in text
    assert "other than a percentage or rate, is treated as met" in text


def test_the_budget_schedule_works_the_match_reduction_on_the_numbers(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "| Match Funding (budgeted) | £150,000 |" in text or "Match Funding (budgeted)" in text
    assert "the Grant would be reduced to £90,000 × 75 ÷ 25 = £270,000, £180,000 less than the maximum" in text


def test_the_open_licence_covers_only_the_named_materials(catalogue):
    def open_licence(d, materials=None):
        d.setdefault("positions", {})["ip_ownership"] = "open-licence"
        if materials:
            d["grant"]["open_materials"] = materials
    named = to_text(build(catalogue, BIG, lambda d: open_licence(d, ["the Housing First toolkit"])).document)
    assert "publish the following Open Materials free of charge" in named and "(the Open Materials)" not in named and ": the Housing First toolkit." in named
    assert "The Reports, financial information and other Project Materials are not published" in named
    unnamed = build(catalogue, BIG, open_licence).document
    assert any("materials to be published" in str(p) for p in unnamed.placeholders())


def test_a_vehicle_bought_with_the_grant_needs_compulsory_motor_cover(catalogue):
    """Without insurance.motor the assets clause sets the statutory floor itself; with it, the insurance clause
    holds the one motor term (at the agreed level) and the assets clause points to it."""
    text = to_text(build(catalogue, BIG, lambda d: d["insurance"].pop("motor")).document)
    assert "motor vehicle (Electric car for outreach visits)" in text
    assert "Part VI of the Road Traffic Act 1988, with no limit for liability for death or bodily injury and cover for damage to property of at least £1,200,000 for any one accident" in text
    typed = to_text(build(catalogue, BIG).document)
    assert "for its use on the Project by every driver it authorises, under the motor insurance that clause" in typed
    assert "that meets the requirements of Part VI of the Road Traffic Act 1988, with cover for damage to property of at least £5,000,000 for any one accident" in typed
    assert "at least £1,200,000 for any one accident" not in typed


def test_no_advice_means_no_professional_indemnity(catalogue):
    text = to_text(build(catalogue, BIG, lambda d: d["insurance"].__setitem__("advice", False)).document)
    assert "professional indemnity insurance" not in text
    assert "professional indemnity insurance of at least £1,000,000" in to_text(build(catalogue, BIG).document)


def test_termination_on_notice_keeps_spending_to_the_end(catalogue):
    small = to_text(build(catalogue, SMALL).document)
    assert "keep, out of the Grant paid, the Eligible Expenditure it properly incurred before this letter ends" in small
    big = to_text(build(catalogue, BIG).document)
    assert "This Agreement continues during the notice period: the Council pays the Instalments that fall due in it" in big
    assert "may keep out of the Grant paid, and the Council must pay it against evidence so far as the Grant paid does not cover them" in big


def test_the_agreement_ends_after_its_last_payment(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert ("It ends on the later of the last day of the Funding Period and the date on which the last Instalment is "
            "paid or ceases to be payable") in text


def test_match_funding_reduction_is_one_formula(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "reduced to the lower of its amount at that time and that Match Funding multiplied by 75 and divided by 25" in text
    assert "a shortfall is not a breach of this Agreement or an Event of Default" in text
    assert "Nothing in this clause limits the Council's rights" in text
    assert "a target expressed as a percentage or a rate is not reduced" in text
    assert "in any case by 30 September 2027" in text
    assert "The confirmed sources total £90,000 of the £150,000 of Match Funding required; the rest, £60,000, depends on Northbrook Community Foundation" in text


def test_housing_act_conditions_when_the_power_is_section_180(catalogue):
    big = build(catalogue, BIG).document
    assert any(c.id == "grant.homelessness-conditions" for c in big.clauses)
    text = to_text(big)
    assert "As required by section 181 of the Housing Act 1996" in text
    assert ("the Council will take all reasonable steps to recover from it an amount up to the whole of the Grant paid, "
            "being the amount that the Council specifies, in a notice served on the Trust, as in its opinion recoverable") in text
    assert "which does not limit this recovery" in text
    assert "within 21 days beginning with the day on which it is served, with any written notice" in text
    assert "opportunity to remedy it under clause" in text
    assert "the basis on which it has been calculated" in text
    assert "section 180 of the Housing Act 1996 and, so far as necessary, section 1 of the Localism Act 2011" in text
    small = build(catalogue, SMALL).document
    assert all(c.id != "grant.homelessness-conditions" for c in small.clauses)


def test_the_grant_recital_and_functions_wording(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "The Trust designed the Project and proposed it in the Application" in text
    assert "do not intend this Agreement to be a public contract" not in text  # the recitals state facts, not the analysis
    assert "its functions, including giving the grant, are discharged having regard" in text
    assert "services provided on its behalf are provided" not in text
    assert "engages or funds to carry them on in the exercise of its functions" in text


def test_two_party_grants_name_the_other_party(catalogue):
    text = to_text(build(catalogue, BIG).document)
    for many in ("the other Parties", "Each Party that is not a Public Body", "Parties to the Dispute"):
        assert many not in text, many
    assert "unless the Council agrees in writing" in text  # conflicts: the Trust's duty, the Council decides


def test_liability_and_subcontracting_are_consistent(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "limited to paying the Grant in accordance" not in text
    assert "liability for failing to pay any part of the Grant is limited to the part of the Grant that is due and unpaid" in text
    # Subcontracting is dealt with once, in the general clause, with the same consent standard.
    assert "must not subcontract any of the Funded Activities" not in text
    assert "without the prior written consent of the other Party, which must not be unreasonably withheld or delayed" in text


def test_arrears_carry_forward_and_final_instalment(catalogue, tmp_path):
    def arrears(d):
        d["positions"]["payment_basis"] = "arrears"
        d["grant"]["reporting"]["final_report_days"] = 90
    text = to_text(build(catalogue, _edited(tmp_path, BIG, arrears)).document)
    assert "the excess is carried forward and added to the claim for the next Instalment" in text
    assert "at its discretion, allow the difference" not in text
    assert ("The final Instalment is the lesser of the amount set against it in the Payment Schedule (raised by any "
            "amount carried forward to it) and the amount by which the Eligible Expenditure shown in the Final Report") in text
    assert "The amount set against an Instalment is raised by any amount carried forward to it" in text


@pytest.mark.parametrize("sample", [BIG, SMALL], ids=["big", "small"])
def test_grant_notes_do_not_speak_of_other_kinds_of_agreement(catalogue, sample):
    doc = build(catalogue, sample).document
    notes = " ".join(c.note or "" for c in doc.all_clauses()) + to_text(doc)
    for word in ("alliance", "social investor", "NHS Resolution", "escalation-expert"):
        assert word.lower() not in notes.lower(), word


def test_regulatory_events_fit_a_charitable_company(catalogue):
    big = to_text(build(catalogue, BIG).document)
    assert "a moratorium under Part A1 of the Insolvency Act 1986 comes into force for the Trust" in big
    assert "section 46 of the Charities Act 2011" in big
    assert "Part A1" not in to_text(build(catalogue, SMALL).document)


def test_an_undeclared_mfa_history_is_left_open_never_declared_as_none(catalogue, tmp_path):
    """The Recipient's declaration is its own statement: until it is made, the letter shows blanks to
    complete (and a rule warns), and "None received" appears only once the Recipient declares none."""
    def undeclared(data):
        data["grant"]["subsidy"].pop("prior_assistance")

    def declared_none(data):
        undeclared(data)
        data["grant"]["subsidy"]["declared_none"] = True

    open_draft = build(catalogue, _edited(tmp_path, SMALL, undeclared)).document
    text = to_text(open_draft)
    assert "None received" not in text
    labels = [label for label, _ in open_draft.form_blanks()]
    assert "total declared, with this Grant" in labels
    plain = [label.replace("\ue000", "").replace("\ue001", "") for label in labels]  # value marks around facts
    assert sum(label.startswith("assistance the Recipient declares for") for label in plain) == 3
    none_draft = build(catalogue, _edited(tmp_path, SMALL, declared_none)).document
    text = to_text(none_draft)
    assert text.count("None received") == 2
    assert not [label for label, _ in none_draft.form_blanks() if "declare" in label]


def test_arrears_conditions_delay_payment_and_council_delay_counts_for_the_recipient(catalogue, tmp_path):
    def arrears(d):
        d["positions"]["payment_basis"] = "arrears"
        d["grant"]["reporting"]["final_report_days"] = 90
    text = to_text(build(catalogue, _edited(tmp_path, BIG, arrears)).document)
    assert "Whether a condition set against an Instalment is met is judged on the date of the claim" in text
    assert "whose condition is not met by the time of the final claim is not paid, and the Grant is reduced by it" in text
    assert "to the extent that the Council's own delay" in text
    small = to_text(build(catalogue, SMALL).document)
    assert "judged on the date of the claim" not in small


@pytest.mark.parametrize("position", ["funder-notice", "mutual-notice"])
def test_the_notice_to_end_without_cause_is_the_instructed_period(catalogue, position):
    """A period the parties negotiated (six months for a Recipient that needs time to wind down) is printed,
    never the three-month default; the default stays three months."""
    def six(d):
        d.setdefault("positions", {})["termination_for_convenience"] = position
        d["grant"]["notice_months"] = 6
    text = to_text(build(catalogue, BIG, six).document)
    assert "at least six months' written notice" in text and "three months' written notice" not in text

    def default(d):
        d.setdefault("positions", {})["termination_for_convenience"] = position
    assert "at least three months' written notice" in to_text(build(catalogue, BIG, default).document)


def test_the_duty_to_carry_out_the_activities_is_stated_once(catalogue):
    """Two reviews read the clause's duty and a schedule's 'all reasonable endeavours' as two standards: a full
    agreement states the duty in the clause and the schedule only lists the activities (its excused closures
    stay); an offer letter, whose conditions are the schedule, keeps the endeavours standard there."""
    full = to_text(build(catalogue, BIG).document)
    assert "must carry out the Funded Activities during the Funding Period as Schedule 1 provides" in full
    assert "The Funded Activities are:" in full
    assert "reasonable endeavours to carry out the following activities" not in full
    letter = to_text(build(catalogue, SMALL).document)
    assert "must use all reasonable endeavours to carry out the following activities" in letter


def test_claims_are_paid_on_the_scheduled_date_when_in_time(catalogue):
    """A claim in by the date of the next Instalment is paid on that date; a late one N Business Days after."""
    text = to_text(build(catalogue, HUB).document)
    assert "on the date set against the first Instalment in the Payment Schedule dated after that period ends" in text
    assert "is not obliged to pay a claim until" not in text


def test_referral_relief_follows_a_referral_commitment(catalogue):
    big = to_text(build(catalogue, BIG).document)
    assert "The Council will refer at least 6 eligible people" in big
    assert "has not made the referrals that paragraph 4 of Schedule 1 provides for" in big
    small = to_text(build(catalogue, SMALL).document)
    assert "referred fewer eligible people" not in small and "than it said it would" not in small


def test_a_district_council_routes_safeguarding_reports_to_the_county(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "is reported is Northshire County Council" in text and "A report to the Council is not a report under clause" in text


def test_a_grant_paid_out_of_the_funders_own_grant_flows_its_terms_down(catalogue, tmp_path):
    def hsg(d):
        d["grant"]["funded_from"] = {"name": "the Housing Support Grant", "giver": "the Welsh Ministers",
                                     "guidance": "the Housing Support Grant Practice Guidance",
                                     "returns": "its Housing Support Grant outcomes returns"}
        d["grant"]["decision"] = "by Cabinet on 3 November 2026 (report CAB/26/22)"
    text = to_text(build(catalogue, _edited(tmp_path, BIG, hsg)).document)
    assert "The Grant is paid out of the Housing Support Grant, which the Council receives from the Welsh Ministers" in text
    assert "in accordance with the Housing Support Grant Practice Guidance, as revised from time to time" in text
    assert "the Welsh Ministers, their officials and their auditors" in text
    assert "that the Welsh Ministers recover from the Council because of something the Trust did" in text
    assert "for its Housing Support Grant outcomes returns" in text
    assert "The Grant was approved by Cabinet on 3 November 2026 (report CAB/26/22)." in text
    plain = to_text(build(catalogue, BIG).document)
    assert "is paid out of" not in plain
    assert "The Grant was approved by the Council's Cabinet on 25 November 2026 (decision CAB/26/114)." in plain


def test_a_right_to_end_limited_to_a_funding_cut(catalogue, tmp_path):
    def cut(d):
        d["positions"]["termination_for_convenience"] = "funder-notice"
        d["grant"]["notice_only_if"] = "the Government reduces the funding for the Project"
    text = to_text(build(catalogue, _edited(tmp_path, BIG, cut)).document)
    assert "written notice, but only if the Government reduces the funding for the Project" in text
    assert "may not end this Agreement on notice for any other reason" in text
    assert "at any time by giving the Trust" not in text


def test_late_reports_need_not_hold_back_advance_payments(catalogue, tmp_path):
    def advance(d):
        d["positions"]["payment_basis"] = "advance"
    def no_hold(d):
        advance(d)
        d["grant"]["reporting"]["reports_hold_payment"] = False
    text = to_text(build(catalogue, _edited(tmp_path, BIG, no_hold)).document)
    assert "after the first until the" not in text and "Progress Reports then due" not in text
    assert "has not sent the Final Report, or information other than a Progress Report," in text
    held = to_text(build(catalogue, _edited(tmp_path, BIG, advance)).document)
    assert "after the first until the" in held and "Progress Reports then due" in held


def test_a_supported_persons_arrears_are_not_the_recipients_debts(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "repayment of the Trust's own debts" in text


def test_a_last_instalment_paid_on_evidence_does_not_wait_for_the_final_report(catalogue, tmp_path):
    def on_evidence(d):
        d["positions"]["payment_basis"] = "arrears"
        d["grant"]["reporting"]["final_report_days"] = 90
        d["grant"]["instalments"][-1]["condition"] = "Evidence of the Project's spend in the last quarter provided"
    text = to_text(build(catalogue, _edited(tmp_path, BIG, on_evidence)).document)
    assert "The final Instalment is claimed and paid in the same way as the others" in text
    assert "The final Instalment is the lesser of" not in text
    assert "once the Final Report is accepted or treated as accepted, in the amount worked out" not in text


def test_an_activity_written_with_the_role_name_uses_the_defined_name(catalogue):
    def role_words(d):
        d["grant"]["activities"][0] = "Give advice under the Recipient's own policies"
    text = to_text(build(catalogue, BIG, role_words).document)
    assert "Give advice under the Trust's own policies" in text
    assert "the Recipient's" not in text


def test_a_retention_paid_on_the_final_report_does_not_lapse_at_the_end_of_the_funding_period(catalogue):
    def retention(d):
        d["positions"]["payment_basis"] = "advance"
        d["grant"]["instalments"][-1]["condition"] = "Final Report accepted"
    text = to_text(build(catalogue, BIG, retention).document)
    assert ("ceases to be payable, and the Grant is reduced by it, except an Instalment whose condition is, or "
            "includes, the acceptance of the Final Report: that Instalment ceases to be payable, and the Grant is "
            "reduced by it, only if the Trust does not send the Final Report by the last day for sending it under "
            "clause") in text
    assert "or any other part of its condition is not met" not in text
    compound = to_text(build(catalogue, BIG, lambda d: d["positions"].__setitem__("payment_basis", "advance")).document)
    assert "or any other part of its condition is not met by the last day of the Funding Period" in compound
    quiet = to_text(build(catalogue, SMALL).document)
    assert "acceptance of the Final Report: that Instalment" not in quiet


def test_loan_devices_lent_to_participants_are_use_not_disposal(catalogue):
    def loans(flag=None):
        def edit(d):
            d["grant"]["assets"]["items"][1]["description"] = "Loan laptops for participants"
            if flag is not None:
                d["grant"]["assets"]["items"][1]["lent"] = flag
        return edit
    text = to_text(build(catalogue, HUB, loans()).document)
    assert "Lending any of the loan laptops for participants to a person taking part in the Project" in text
    assert "is use for the Project and not a disposal" in text
    assert "gives rise to no payment under this clause, unless" in text and "failed to take reasonable care" in text
    assert "may instead be insured or self-insured in a way the Council reasonably accepts" in text
    assert "without the Council's prior written consent, except by lending it as clause" in text
    for quiet in (build(catalogue, HUB).document, build(catalogue, HUB, loans(False)).document):
        quiet_text = to_text(quiet)
        assert "is use for the Project and not a disposal" not in quiet_text
        assert "self-insured" not in quiet_text and "except by lending it" not in quiet_text


def test_the_payment_schedule_says_when_each_kind_of_condition_is_met(catalogue):
    def advance(d):
        d["positions"]["payment_basis"] = "advance"
        d["grant"]["instalments"][0]["condition"] = None
    doc = build(catalogue, BIG, advance).document
    text = to_text(doc)
    payments = table_cells({s.title: s for s in doc.schedules}["Payment Schedule"].blocks)
    assert payments[0][3].startswith("The conditions in clause ")  # not "None": the conditions precedent apply
    assert "when the Trust has sent them as clause" in text and "without waiting for the Council to accept them" in text
    assert "where it is the acceptance of the Final Report, when the Final Report is accepted, or treated as accepted" in text
    assert "where it is the approval of a Deliverable, when the Deliverable is approved, or treated as approved" in text
    arrears = to_text(build(catalogue, BIG).document)
    assert "without waiting for the Council to accept them" not in arrears


def test_match_funding_hold_back_is_capped_and_counted_to_the_final_report(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "spent on it by the date the Trust sends the Final Report" in text
    assert "may hold back all of them but no more" in text
    assert "by the date above" not in text


def test_no_zero_worked_example_when_the_only_match_source_fails(catalogue):
    def only_unconfirmed(d):
        mf = d["grant"]["match_funding"]
        mf["sources"] = [mf["sources"][0]]
        mf["sources"][0]["confirmed"] = False
    text = to_text(build(catalogue, BIG, only_unconfirmed).document)
    assert "£0 ×" not in text and "0% of those set" not in text
    assert "there would be no Match Funding and, under clause" in text


def test_participant_payments_not_personal_budgets_and_rent_arrears_only_for_housing(catalogue):
    housing = to_text(build(catalogue, BIG).document)
    assert "Participant Payment means" in housing and "Personal Budget Payment" not in housing
    assert "that person's support plan" not in housing
    assert "such as rent arrears, is not caught" in housing
    other = to_text(build(catalogue, BIG, lambda d: d["grant"].__setitem__(
        "purpose", "help older people to get online safely and with confidence")).document)
    assert "Participant Payment means" in other and "rent arrears" not in other


def test_a_cic_files_a_confirmation_statement_and_has_no_trustees(catalogue):
    def cic(d):
        d["recipient"]["legal_form"] = "community_interest_company"
        del d["recipient"]["charity_number"]
    text = to_text(build(catalogue, BIG, cic).document)
    assert "every confirmation statement and set of accounts" in text and "annual return" not in text
    assert "certified as accurate by a director or senior employee" in text
    charity = to_text(build(catalogue, BIG).document)
    assert "every confirmation statement, annual return and set of accounts" in charity
    assert "certified as accurate by a trustee, director or senior employee" in charity


def test_a_year_named_in_the_deliverables_is_defined(catalogue):
    def no_year(d):
        for x in d["grant"]["deliverables"]:
            x["name"] = x["name"].replace("Year", "Stage")
            x["content"] = x["content"].replace("Year", "stage")
    text = to_text(build(catalogue, BIG).document)
    assert "The Years referred to in the table above are Years as defined in clause" in text and "Year means" in text
    assert "The Years referred to in the table above" not in to_text(build(catalogue, BIG, no_year).document)
