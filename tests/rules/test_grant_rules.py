"""Each grant rule fires on the fact it guards and stays quiet on the samples."""

from __future__ import annotations

import copy

import pytest

from tests.conftest import ROOT
from tests.rules.helpers import findings

BIG = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"
SMALL = ROOT / "samples" / "grant" / "community-single-payment.yaml"

RULE_IDS = ["GRANT-SUBSIDY-LAW", "GRANT-DUPLICATE-INSTALMENT", "GRANT-INSTALMENTS-SUM", "GRANT-INSTALMENTS-IN-PERIOD", "GRANT-INSTALMENTS-ORDER",
            "GRANT-BUDGET-WITHIN-MAX", "GRANT-MFA-LIMIT", "GRANT-MFA-YEARS", "GRANT-SCHEME-NAMED",
            "GRANT-MILESTONE-CONDITIONS", "GRANT-ASSETS-WITHIN-BUDGET", "GRANT-AGREEMENT-BEFORE-PERIOD-END",
            "GRANT-MATCH-PERCENTAGE", "COMMON-REGISTRATION-FORMAT", "COMMON-REGISTRATION-MISSING",
            "COMMON-REGISTRATION-UNEXPECTED", "COMMON-DATES-ORDER", "GRANT-SHORT-FORM-SUGGESTED",
            "GRANT-SHORT-FORM-RISK", "GRANT-REPORT-BEFORE-PAYMENT", "GRANT-MATCH-TOTAL-COST",
            "GRANT-PERIOD-BEFORE-SIGNING", "GRANT-MFA-NOTIFICATION", "GRANT-ONWARD-GRANTS-WITHIN-GRANT",
            "GRANT-OFFER-LAPSES", "GRANT-MATCH-REMEDY-CONDITION", "GRANT-MFA-CONDITION",
            "GRANT-FINAL-CLAIM-WINDOW", "GRANT-MILESTONE-DELIVERABLE", "GRANT-DELIVERABLE-TIMING",
            "GRANT-PERSONAL-BUDGET-LIMITS", "GRANT-MATCH-CONFIRM-BY", "GRANT-MFA-DECLARATION",
            "GRANT-VEHICLE-INSURANCE", "GRANT-MOTOR-PROPERTY-MINIMUM", "GRANT-SINGLE-REPORT-PERIOD",
            "GRANT-INSTALMENT-BUSINESS-DAY", "GRANT-CONDITION-PERIOD", "GRANT-SAFEGUARDING-AUTHORITY",
            "GRANT-POWER-GUIDANCE", "GRANT-NOTICE-TRIGGER", "GRANT-OFFER-LAPSES-BUSINESS-DAY",
            "GRANT-APPROVAL-BEFORE-INSTALMENT", "GRANT-PERSONAL-BUDGET-CAP", "GRANT-ASSET-IN-BUDGET", "GRANT-POWER-ORDER", "GRANT-MOBILISATION-DATE"]


@pytest.mark.parametrize("sample", [BIG, SMALL], ids=["big", "small"])
def test_samples_are_quiet(catalogue, sample):
    found = findings(catalogue, sample)
    assert not set(found) & set(RULE_IDS), found


def test_instalments_must_sum_to_the_maximum(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"].__setitem__("maximum_sum", 13000))
    assert found["GRANT-INSTALMENTS-SUM"] == [next(iter(found["GRANT-INSTALMENTS-SUM"]))]
    assert "£12,500" in found["GRANT-INSTALMENTS-SUM"][0] and "£13,000" in found["GRANT-INSTALMENTS-SUM"][0]


def test_instalment_outside_the_period(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"]["instalments"][0].__setitem__("date", "2028-08-01"))
    assert "GRANT-INSTALMENTS-IN-PERIOD" in found and "at most 90 days" in found["GRANT-INSTALMENTS-IN-PERIOD"][0]


def test_instalment_before_the_period(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"]["instalments"][0].__setitem__("date", "2027-03-01"))
    assert "before the funding period starts" in found["GRANT-INSTALMENTS-IN-PERIOD"][0]


def test_final_instalment_in_arrears_within_the_window_is_quiet(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"]["instalments"][0].__setitem__("date", "2028-06-29"))
    assert "GRANT-INSTALMENTS-IN-PERIOD" not in found


def test_only_the_last_instalment_may_fall_after_the_period(catalogue):
    def two_late(d):
        inst = d["grant"]["instalments"]
        inst[4]["date"] = "2030-05-01"
    found = findings(catalogue, BIG, two_late)
    assert "only the last instalment" in found["GRANT-INSTALMENTS-IN-PERIOD"][0]


def test_the_big_sample_pays_its_last_instalment_in_arrears(catalogue):
    """The multi-year sample's last instalment falls after the funding period, within the window."""
    from ruamel.yaml import YAML
    data = YAML(typ="safe").load(BIG.read_text())
    assert str(data["grant"]["instalments"][-1]["date"]) > str(data["grant"]["funding_period"]["end"])


def test_short_form_suggested_for_a_small_simple_grant(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["positions"].__setitem__("grant_form", "agreement"))
    assert "GRANT-SHORT-FORM-SUGGESTED" in found and "£25,000" in found["GRANT-SHORT-FORM-SUGGESTED"][0]


def test_short_form_not_suggested_for_a_large_grant(catalogue):
    assert "GRANT-SHORT-FORM-SUGGESTED" not in findings(catalogue, BIG)


def test_short_form_for_a_grant_with_assets_is_warned(catalogue):
    def assets(d):
        d["grant"]["assets"] = {"items": [{"description": "Chest freezer", "cost": 1500}]}
    found = findings(catalogue, SMALL, assets)
    assert "assets bought with the grant" in found["GRANT-SHORT-FORM-RISK"][0]


def test_short_form_above_the_threshold_is_warned(catalogue):
    found = findings(catalogue, BIG, lambda d: d["positions"].__setitem__("grant_form", "offer-letter"))
    assert "£450,000, above £25,000" in found["GRANT-SHORT-FORM-RISK"][0]


def test_report_condition_due_after_the_payment(catalogue):
    def early(d):
        d["grant"]["instalments"][2]["date"] = "2028-04-15"
        d["grant"]["instalments"][2]["condition"] = "Progress Reports to 31 March 2028 accepted"
    found = findings(catalogue, BIG, early)
    message = found["GRANT-REPORT-BEFORE-PAYMENT"][0]
    assert "31 March 2028" in message and "3 May 2028" in message and "24 May 2028" in message  # Easter and 1 May counted


def test_report_condition_with_no_period_ended(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["instalments"][0].__setitem__("condition", "Mobilisation report approved"))
    assert "no reporting period ends before it" in found["GRANT-REPORT-BEFORE-PAYMENT"][0]


def test_match_total_cost_too_small_for_the_grant(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["match_funding"].__setitem__("total_project_cost", 500000))
    assert "£375,000" in found["GRANT-MATCH-TOTAL-COST"][0]


def test_match_total_cost_that_fits_is_quiet(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["match_funding"].__setitem__("total_project_cost", 600000))
    assert "GRANT-MATCH-TOTAL-COST" not in found


def test_funding_period_begun_before_signing(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["document"].__setitem__("agreement_date", "2027-06-10"))
    message = found["GRANT-PERIOD-BEFORE-SIGNING"][0]
    assert "30 September 2027" in message and "catch-up" in message


def test_instalments_out_of_order(catalogue):
    def swap(d):
        inst = d["grant"]["instalments"]
        inst[0]["date"], inst[1]["date"] = inst[1]["date"], inst[0]["date"]
    assert "GRANT-INSTALMENTS-ORDER" in findings(catalogue, BIG, swap)


def test_budget_over_the_maximum(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"]["budget"][0].__setitem__("amount", 6000))
    assert "GRANT-BUDGET-WITHIN-MAX" in found


def test_budget_under_the_maximum_is_an_info(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"]["budget"][0].__setitem__("amount", 4000))
    assert "GRANT-BUDGET-BELOW-MAX" in found and "GRANT-BUDGET-WITHIN-MAX" not in found


def test_minimal_financial_assistance_limit(catalogue):
    found = findings(catalogue, SMALL,
                     lambda d: d["grant"]["subsidy"]["prior_assistance"][0].__setitem__("amount", 310000))
    assert "GRANT-MFA-LIMIT" in found and "£315,000" in found["GRANT-MFA-LIMIT"][0]


def test_an_unrecorded_mfa_declaration_is_flagged_until_it_is_made(catalogue):
    def undeclared(d):
        d["grant"]["subsidy"].pop("prior_assistance")
    assert "GRANT-MFA-DECLARATION" in findings(catalogue, SMALL, undeclared)

    def declared_none(d):
        undeclared(d)
        d["grant"]["subsidy"]["declared_none"] = True
    assert "GRANT-MFA-DECLARATION" not in findings(catalogue, SMALL, declared_none)


def test_minimal_financial_assistance_years(catalogue):
    def four_years(d):
        prior = d["grant"]["subsidy"]["prior_assistance"]
        for year in ("2021/22", "2022/23"):
            prior.append({"financial_year": year, "amount": 100, "granting_body": "X"})
    assert "GRANT-MFA-YEARS" in findings(catalogue, SMALL, four_years)


def test_scheme_must_be_named(catalogue):
    def scheme(d):
        d["grant"]["subsidy"] = {"route": "scheme", "rationale": "under a scheme"}
    assert "GRANT-SCHEME-NAMED" in findings(catalogue, SMALL, scheme)


def test_milestones_need_conditions(catalogue):
    def milestones(d):
        d["positions"] = {"payment_basis": "milestones"}
        d["grant"]["instalments"][0].pop("condition", None)  # the sample has none: the rule fires on a bare instalment
    assert "GRANT-MILESTONE-CONDITIONS" in findings(catalogue, SMALL, milestones)


def test_assets_costing_more_than_the_grant(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["assets"]["items"][0].__setitem__("cost", 500000))
    assert "GRANT-ASSETS-WITHIN-BUDGET" in found


def test_agreement_after_the_period(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["document"].__setitem__("agreement_date", "2028-06-01"))
    assert "GRANT-AGREEMENT-BEFORE-PERIOD-END" in found


def test_unconfirmed_match_funding(catalogue):
    assert "GRANT-MATCH-SOURCES" in findings(catalogue, BIG)


def test_match_percentage_short(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["match_funding"].__setitem__("percentage", 60))
    assert "GRANT-MATCH-PERCENTAGE" in found


def test_registration_number_format(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["recipient"].__setitem__("charity_number", "12AB"))
    assert "COMMON-REGISTRATION-FORMAT" in found


def test_registration_number_missing(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["recipient"].__delitem__("charity_number"))
    assert "COMMON-REGISTRATION-MISSING" in found


def test_registration_number_unexpected(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["funder"].__setitem__("charity_number", "1123456"))
    assert "COMMON-REGISTRATION-UNEXPECTED" in found


def test_period_ends_before_it_starts(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"]["funding_period"].__setitem__("end", "2026-03-01"))
    assert "COMMON-DATES-ORDER" in found


def test_subsidy_database_info_for_large_grants(catalogue):
    assert "GRANT-SUBSIDY-DATABASE" in findings(catalogue, BIG)
    assert "GRANT-SUBSIDY-DATABASE" not in findings(catalogue, SMALL)


def test_prior_assistance_outside_the_window_does_not_count(catalogue):
    """s.36(2): only the current and two previous financial years count, from the award (here the
    draft date, 3 December 2026: 2024/25 to 2026/27)."""
    def old_assistance(d):
        d["grant"]["subsidy"]["prior_assistance"].append(
            {"financial_year": "2023/24", "amount": 310000, "granting_body": "X"})
    found = findings(catalogue, SMALL, old_assistance)
    assert "GRANT-MFA-LIMIT" not in found
    assert "2023/24 is outside the financial years that count" in found["GRANT-MFA-YEARS"][0]
    assert "2024/25 to 2026/27" in found["GRANT-MFA-YEARS"][0]


def test_assessment_before_the_subsidy_control_act(catalogue):
    def early(d):
        d["grant"]["subsidy"]["assessment_date"] = "2023-01-03"
    found = findings(catalogue, BIG, early)
    assert "before the Subsidy Control Act 2022 came into force on 4 January 2023" in found["GRANT-SUBSIDY-LAW"][0]
    assert "GRANT-SUBSIDY-LAW" not in findings(catalogue, BIG, lambda d: d["grant"]["subsidy"].__setitem__(
        "assessment_date", "2023-01-04"))


def test_instalment_listed_twice(catalogue):
    def twice(d):
        # A deep copy: sharing the first entry's values would make the dump write YAML anchors.
        d["grant"]["instalments"].append(copy.deepcopy(d["grant"]["instalments"][0]))
    found = findings(catalogue, BIG, twice)
    assert "is listed twice" in found["GRANT-DUPLICATE-INSTALMENT"][0]


def test_standalone_subsidy_goes_on_the_database_whatever_its_amount(catalogue):
    def small_assessed(d):
        d["grant"]["subsidy"] = {"route": "assessed", "rationale": "assessed"}
    found = findings(catalogue, SMALL, small_assessed)
    assert "whatever its amount" in found["GRANT-SUBSIDY-DATABASE"][0]


def test_mfa_notification_date_missing(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"]["subsidy"].__setitem__("assessment_date", None))
    assert "before the agreement is signed" in found["GRANT-MFA-NOTIFICATION"][0]


def test_mfa_notification_after_signing(catalogue):
    def late(d):
        d["document"]["agreement_date"] = "2026-11-20"
    found = findings(catalogue, SMALL, late)
    assert "25 November 2026, after the agreement (20 November 2026)" in found["GRANT-MFA-NOTIFICATION"][0]


def test_mfa_notification_ignored_for_other_routes(catalogue):
    assert "GRANT-MFA-NOTIFICATION" not in findings(catalogue, BIG)


def test_asset_life_shorter_than_the_clawback_period(catalogue):
    found = findings(catalogue, BIG)
    assert found["GRANT-ASSET-LIFE"] == ["Laptops and mobile phones for the support team: its clawback period is 3 years, "
                                         "its expected life, not the 4 years agreed for the assets generally"]


def test_asset_life_longer_than_the_clawback_period_is_quiet(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["assets"]["items"][1].__setitem__("life_years", 6))
    assert "GRANT-ASSET-LIFE" not in found


def _onward(total, each):
    def edit(d):
        d["grant"]["onward_grants"] = {"recipients": "residents' groups", "purpose": "small projects",
                                       "total": total, "max_each": each}
    return edit


def test_onward_grants_over_the_grant(catalogue):
    found = findings(catalogue, SMALL, _onward(20000, 2000))
    assert found["GRANT-ONWARD-GRANTS-WITHIN-GRANT"] == ["onward grants of up to £20,000 are more than the maximum sum of £12,500"]


def test_onward_grant_each_over_the_total(catalogue):
    found = findings(catalogue, SMALL, _onward(2000, 3000))
    assert "more than the onward grants' total" in found["GRANT-ONWARD-GRANTS-WITHIN-GRANT"][0]


def test_onward_grants_within_the_grant_are_quiet(catalogue):
    assert "GRANT-ONWARD-GRANTS-WITHIN-GRANT" not in findings(catalogue, SMALL, _onward(3000, 500))


def test_offer_lapsing_before_the_draft_date(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"].__setitem__("offer_lapses", "2026-11-30"))
    assert "GRANT-OFFER-LAPSES" in found and "could never be accepted" in found["GRANT-OFFER-LAPSES"][0]


def test_offer_lapsing_after_the_first_payment(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"].__setitem__("offer_lapses", "2027-06-30"))
    assert "GRANT-OFFER-LAPSES" in found and "after the first instalment date" in found["GRANT-OFFER-LAPSES"][0]


def test_offer_lapse_date_is_for_letters_only(catalogue):
    def agreement(d):
        d["positions"]["grant_form"] = "agreement"
        d["grant"]["offer_lapses"] = "2026-11-30"
    assert "GRANT-OFFER-LAPSES" not in findings(catalogue, SMALL, agreement)


def test_match_funding_condition_with_a_reducing_remedy(catalogue):
    def condition(d):
        d["grant"]["instalments"][1]["condition"] = "Match funding from the Community Foundation confirmed"
    found = findings(catalogue, BIG, condition)
    assert "GRANT-MATCH-REMEDY-CONDITION" in found and "instalment 2" in found["GRANT-MATCH-REMEDY-CONDITION"][0]


def test_match_funding_condition_with_a_stopping_remedy_is_quiet(catalogue):
    def condition(d):
        d["grant"]["instalments"][1]["condition"] = "Match funding from the Community Foundation confirmed"
        d["grant"]["match_funding"]["shortfall"] = "stop"
    assert "GRANT-MATCH-REMEDY-CONDITION" not in findings(catalogue, BIG, condition)


def test_mfa_declaration_as_a_payment_condition(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"]["instalments"][0].__setitem__(
        "condition", "Signed MFA declaration on file"))
    assert "GRANT-MFA-CONDITION" in found and "before the agreement is made" in found["GRANT-MFA-CONDITION"][0]


def test_mfa_condition_is_quiet_on_another_route(catalogue):
    def assessed(d):
        d["grant"]["instalments"][0]["condition"] = "Signed MFA declaration on file"
        d["grant"]["subsidy"]["route"] = "not_a_subsidy"
        d["grant"]["subsidy"]["rationale"] = "no economic activity"
    assert "GRANT-MFA-CONDITION" not in findings(catalogue, SMALL, assessed)


def test_last_instalment_after_the_final_claim_deadline(catalogue):
    def late(d):
        d["positions"]["payment_basis"] = "arrears"
        d["grant"]["instalments"][0]["date"] = "2028-06-15"
    found = findings(catalogue, SMALL, late)
    assert "GRANT-FINAL-CLAIM-WINDOW" in found and "30 May 2028" in found["GRANT-FINAL-CLAIM-WINDOW"][0]


def test_last_instalment_within_the_final_claim_deadline_is_quiet(catalogue):
    def in_time(d):
        d["positions"]["payment_basis"] = "arrears"
        d["grant"]["instalments"][0]["date"] = "2028-06-15"
        d["grant"]["reporting"]["final_report_days"] = 60 + 30
    assert "GRANT-FINAL-CLAIM-WINDOW" not in findings(catalogue, SMALL, in_time)


# ---- deliverables, personal budgets, match confirmation ----

def test_condition_on_an_undefined_plan(catalogue):
    def undefined(d):
        d["grant"]["deliverables"] = [x for x in d["grant"]["deliverables"] if x["name"] != "Mobilisation Plan"]
    found = findings(catalogue, BIG, undefined)
    assert len(found["GRANT-MILESTONE-DELIVERABLE"]) == 1
    assert "15 April 2027" in found["GRANT-MILESTONE-DELIVERABLE"][0] and "plan" in found["GRANT-MILESTONE-DELIVERABLE"][0]


def test_condition_on_progress_reports_needs_no_deliverable(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].__setitem__("deliverables", []))
    assert not any("15 December 2028" in m for m in found.get("GRANT-MILESTONE-DELIVERABLE", []))
    assert len(found["GRANT-MILESTONE-DELIVERABLE"]) == 4


def test_deliverable_due_after_its_instalment(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["deliverables"][1].__setitem__("due", "2028-07-01"))
    assert any("Year 1 Annual Review is due 1 July 2028, after" in m for m in found["GRANT-DELIVERABLE-TIMING"])


def test_deliverable_too_late_to_approve(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["deliverables"][1].__setitem__("due", "2028-06-01"))
    assert any("may not be approved until" in m for m in found["GRANT-DELIVERABLE-TIMING"])


def test_factual_deliverable_needs_no_approval_time(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["deliverables"][3].__setitem__("due", "2029-06-14"))
    assert "GRANT-DELIVERABLE-TIMING" not in found


def test_personal_budgets_without_limits(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].pop("personal_budget_limits"))
    assert "max_each" in found["GRANT-PERSONAL-BUDGET-LIMITS"][0]


def test_unconfirmed_match_funding_without_a_date(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["match_funding"].pop("confirm_by"))
    assert "confirm_by is empty" in found["GRANT-MATCH-CONFIRM-BY"][0]


def test_match_confirmation_after_most_of_the_grant(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["match_funding"].__setitem__("confirm_by", "2029-01-01"))
    assert "£305,000" in found["GRANT-MATCH-CONFIRM-BY"][0]


def test_confirmed_match_funding_needs_no_date(catalogue):
    def all_confirmed(d):
        d["grant"]["match_funding"].pop("confirm_by")
        for s in d["grant"]["match_funding"]["sources"]:
            s["confirmed"] = True
    assert "GRANT-MATCH-CONFIRM-BY" not in findings(catalogue, BIG, all_confirmed)


def test_vehicle_without_motor_insurance(catalogue):
    found = findings(catalogue, BIG, lambda d: d["insurance"].pop("motor"))
    assert "Electric car for outreach visits is a vehicle" in found["GRANT-VEHICLE-INSURANCE"][0]


def test_motor_insurance_listed_under_other_is_quiet(catalogue):
    def listed(d):
        d["insurance"].pop("motor")
        d["insurance"]["other"] = [{"kind": "Motor insurance for the car", "amount": 2000000}]
    assert "GRANT-VEHICLE-INSURANCE" not in findings(catalogue, BIG, listed)


def test_vehicle_with_motor_insurance_is_quiet(catalogue):
    assert "GRANT-VEHICLE-INSURANCE" not in findings(catalogue, BIG)


def test_equipment_that_is_not_a_vehicle_needs_no_motor_insurance(catalogue):
    def no_car(d):
        d["insurance"].pop("motor")
        d["grant"]["assets"]["items"][0]["description"] = "Outreach equipment and a portable projector"
    assert "GRANT-VEHICLE-INSURANCE" not in findings(catalogue, BIG, no_car)


def test_motor_cover_below_the_statutory_minimum(catalogue):
    found = findings(catalogue, BIG, lambda d: d["insurance"].__setitem__("motor", 1000000))
    assert "£1,000,000 is below £1,200,000" in found["GRANT-MOTOR-PROPERTY-MINIMUM"][0]


def test_motor_cover_under_other_below_the_statutory_minimum(catalogue):
    found = findings(catalogue, BIG, lambda d: d["insurance"].__setitem__("other", [{"kind": "Motor insurance", "amount": 900000}]))
    assert "£900,000 is below £1,200,000" in found["GRANT-MOTOR-PROPERTY-MINIMUM"][0]


def test_motor_cover_at_the_statutory_minimum_is_quiet(catalogue):
    found = findings(catalogue, BIG, lambda d: d["insurance"].__setitem__("motor", 1200000))
    assert "GRANT-MOTOR-PROPERTY-MINIMUM" not in found


def test_grant_shorter_than_one_reporting_period(catalogue):
    def five_months(d):
        d["grant"]["funding_period"]["end"] = "2027-08-31"
        for i in d["grant"]["instalments"]:
            i["date"] = "2027-04-01"
    found = findings(catalogue, SMALL, five_months)
    assert "no longer than one six-monthly reporting period" in found["GRANT-SINGLE-REPORT-PERIOD"][0]


def test_grant_with_a_progress_report_is_quiet_on_reporting_period(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"]["reporting"].__setitem__("frequency", "quarterly"))
    assert "GRANT-SINGLE-REPORT-PERIOD" not in found


def test_an_instalment_on_a_bank_holiday_is_warned(catalogue):
    """Easter moves: 30 March 2029 is Good Friday, found by the bank-holiday calendar, not by hand."""
    found = findings(catalogue, BIG, lambda d: d["grant"]["instalments"][2].__setitem__("date", "2029-03-30"))
    message = found["GRANT-INSTALMENT-BUSINESS-DAY"][0]
    assert "30 March 2029, which is Good Friday" in message and "29 March 2029" in message


def test_an_instalment_on_a_weekday_that_is_not_a_holiday_is_quiet(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["instalments"][2].__setitem__("date", "2029-03-29"))
    assert "GRANT-INSTALMENT-BUSINESS-DAY" not in found


def test_a_condition_naming_a_period_the_agreement_lacks_is_warned(catalogue):
    """A fresh letter's second payment waited for "the period ending 30 June 2027" under quarters that
    end on 31 May, 31 August and 30 November: a condition that could never be met."""
    def june(d):
        d["grant"]["instalments"][2]["condition"] = "The Progress Report for the period ending 31 July 2027 accepted"
    message = findings(catalogue, BIG, june)["GRANT-CONDITION-PERIOD"][0]
    assert "period ending 31 July 2027" in message and "can never be met" in message


def test_a_condition_naming_a_real_period_end_is_quiet(catalogue):
    from assembler.rules.grant import reporting_period_ends
    from tests.rules.test_co_investment_rules import sheet_from

    end = reporting_period_ends(sheet_from(BIG, catalogue).model.grant)[0]
    def real(d):
        d["grant"]["instalments"][2]["condition"] = f"The Progress Report for the period ending {end.day} {end.strftime('%B %Y')} accepted"
    assert "GRANT-CONDITION-PERIOD" not in findings(catalogue, BIG, real)


def test_a_district_council_without_a_safeguarding_authority(catalogue):
    message = findings(catalogue, BIG, lambda d: d["grant"].pop("safeguarding_authority"))["GRANT-SAFEGUARDING-AUTHORITY"][0]
    assert "Northbrook District Council is a district council" in message and "s.42" in message


def test_a_district_council_naming_itself_for_safeguarding(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].__setitem__("safeguarding_authority", "Northbrook District Council"))
    assert "GRANT-SAFEGUARDING-AUTHORITY" in found


def test_a_district_council_naming_the_county_is_quiet(catalogue):
    assert "GRANT-SAFEGUARDING-AUTHORITY" not in findings(catalogue, BIG)


def test_claims_report_condition_counts_bank_holidays(catalogue):
    """A monthly claim accepted within 10 Business Days is late for the scheduled date once the May bank
    holidays are counted (a fresh sheet's first instalment of 28 May 2027)."""
    def monthly(d):
        d["grant"]["reporting"].update(frequency="monthly", days_after_period=10, acceptance_days=10)
        d["grant"]["instalments"][0].update(date="2027-05-28", condition="The Progress Report for April 2027 received and accepted")
    found = findings(catalogue, BIG, monthly)
    message = [m for m in found["GRANT-REPORT-BEFORE-PAYMENT"] if "28 May 2027" in m][0]
    assert "17 May 2027" in message and "1 June 2027" in message and "15 June 2027" in message


def test_a_power_that_is_guidance(catalogue):
    def guidance(d):
        d["grant"]["statutory_power"] = "section 1 of the Localism Act 2011, under the Housing Support Grant Practice Guidance"
    message = findings(catalogue, BIG, guidance)["GRANT-POWER-GUIDANCE"][0]
    assert "confers no power" in message and "funded_from.guidance" in message


def test_guidance_flowed_down_still_not_a_power(catalogue):
    def guidance(d):
        d["grant"]["statutory_power"] = "section 1 of the Localism Act 2011 and the Public Health Grant guidance"
        d["grant"]["funded_from"] = {"name": "the Public Health Grant", "giver": "the Secretary of State",
                                     "guidance": "the Public Health Grant conditions"}
    message = findings(catalogue, BIG, guidance)["GRANT-POWER-GUIDANCE"][0]
    assert "funded_from.guidance" not in message


def test_a_notice_limit_without_the_right_to_end(catalogue):
    def limited(d):
        d["grant"]["notice_only_if"] = "the Welsh Government reduces its allocation"
        d["positions"]["termination_for_convenience"] = "none"
    assert "'none'" in findings(catalogue, BIG, limited)["GRANT-NOTICE-TRIGGER"][0]


def test_a_notice_limit_with_the_right_to_end_is_quiet(catalogue):
    def limited(d):
        d["grant"]["notice_only_if"] = "the Welsh Government reduces its allocation"
        d["positions"]["termination_for_convenience"] = "funder-notice"
    assert "GRANT-NOTICE-TRIGGER" not in findings(catalogue, BIG, limited)


def test_an_offer_lapsing_on_good_friday_is_warned(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"].__setitem__("offer_lapses", "2027-03-26"))
    message = found["GRANT-OFFER-LAPSES-BUSINESS-DAY"][0]
    assert "26 March 2027, which is Good Friday" in message and "25 March 2027" in message


def test_an_offer_lapsing_on_a_working_day_is_quiet(catalogue):
    found = findings(catalogue, SMALL, lambda d: d["grant"].__setitem__("offer_lapses", "2027-03-25"))
    assert "GRANT-OFFER-LAPSES-BUSINESS-DAY" not in found


# ---- the decision, personal budgets, assets and the power ----

def test_instalment_before_the_decision(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].__setitem__(
        "decision", "by the Council's Cabinet on 21 April 2027 (decision CAB/27/031)"))
    assert "due 15 April 2027, before the decision" in found["GRANT-APPROVAL-BEFORE-INSTALMENT"][0]
    assert len(found["GRANT-APPROVAL-BEFORE-INSTALMENT"]) == 1


def test_instalments_after_the_decision_are_quiet(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].__setitem__(
        "decision", "by the Council's Cabinet on 15 April 2027 (decision CAB/27/031)"))
    assert "GRANT-APPROVAL-BEFORE-INSTALMENT" not in found


def test_personal_budget_cap_above_the_line(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["personal_budget_limits"].__setitem__("max_each", 50000))
    assert "no cap" in found["GRANT-PERSONAL-BUDGET-CAP"][0] and "£45,000" in found["GRANT-PERSONAL-BUDGET-CAP"][0]


def test_personal_budget_approval_level_above_the_cap(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["personal_budget_limits"].__setitem__("approval_above", 1500))
    assert "approval is never needed" in found["GRANT-PERSONAL-BUDGET-CAP"][0]


def test_asset_not_in_the_budget(catalogue):
    def no_line(d):
        d["grant"]["budget"] = [b for b in d["grant"]["budget"] if "car" not in b["item"].lower()]
        d["grant"]["budget"][0]["amount"] += 22000
    found = findings(catalogue, BIG, no_line)
    assert "Electric car for outreach visits (£22,000)" in found["GRANT-ASSET-IN-BUDGET"][0]


def test_asset_dearer_than_its_line(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["assets"]["items"][0].__setitem__("cost", 25000))
    assert "more than the budget line that pays for it (£22,000)" in found["GRANT-ASSET-IN-BUDGET"][0]


def test_general_power_before_the_specific_one(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].__setitem__(
        "statutory_power", "section 1 of the Localism Act 2011 and section 180 of the Housing Act 1996"))
    assert "before Housing Act 1996" in found["GRANT-POWER-ORDER"][0]


def test_general_power_alone_is_quiet(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].__setitem__("statutory_power", "section 1 of the Localism Act 2011"))
    assert "GRANT-POWER-ORDER" not in found


def test_a_named_review_is_not_a_periodic_report(catalogue):
    """'Year 1 Annual Review approved' is a deliverable with its own due date, not a Progress Report: moving the
    instalment to just after the Review is due leaves GRANT-REPORT-BEFORE-PAYMENT quiet on it."""
    def only_review(d):
        d["grant"]["instalments"][2]["condition"] = "Year 1 Annual Review approved"
        d["grant"]["instalments"][2]["date"] = "2028-05-15"
    found = findings(catalogue, BIG, only_review)
    assert not any("15 May 2028" in m for m in found.get("GRANT-REPORT-BEFORE-PAYMENT", []))


def test_a_named_review_due_after_its_payment_is_caught_by_the_deliverable_rule(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"]["instalments"][2].__setitem__("date", "2028-04-14"))
    assert "GRANT-DELIVERABLE-TIMING" in found and "GRANT-REPORT-BEFORE-PAYMENT" not in found


def test_a_progress_report_condition_still_fires(catalogue):
    def early(d):
        d["grant"]["instalments"][2]["condition"] = "Progress Report for the quarter to 31 March 2028 accepted"
        d["grant"]["instalments"][2]["date"] = "2028-04-14"
    found = findings(catalogue, BIG, early)
    assert any("14 April 2028" in m for m in found["GRANT-REPORT-BEFORE-PAYMENT"])


def test_deliverable_before_the_period_without_mobilisation_date(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].pop("mobilisation_from"))
    assert "Mobilisation Plan is due 19 March 2027, before the funding period starts" in found["GRANT-MOBILISATION-DATE"][0]


def test_mobilisation_date_after_the_start(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].__setitem__("mobilisation_from", "2027-04-01"))
    assert "changes nothing" in found["GRANT-MOBILISATION-DATE"][0]


def test_mobilisation_date_before_the_decision(catalogue):
    found = findings(catalogue, BIG, lambda d: d["grant"].__setitem__("mobilisation_from", "2026-11-01"))
    assert "before the decision to give the grant (25 November 2026)" in found["GRANT-MOBILISATION-DATE"][0]


LARDER = ROOT / "samples" / "grant" / "community-larder-fit-out.yaml"


def test_larder_sample_is_quiet(catalogue):
    assert not set(findings(catalogue, LARDER)) & set(RULE_IDS)


def test_condition_naming_a_quarter_that_is_not_a_period_end(catalogue):
    """'the quarter to 31 March 2027' is no period end when the funding period starts on 4 January."""
    found = findings(catalogue, LARDER, lambda d: d["grant"]["funding_period"].__setitem__("start", "2027-01-04"))
    assert any("ending 31 March 2027" in m for m in found["GRANT-CONDITION-PERIOD"])
