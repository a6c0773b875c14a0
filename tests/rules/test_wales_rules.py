"""The rules for a draft for Wales fire on the fact each guards and stay quiet otherwise: England-only
law typed into a Welsh term sheet, and a party whose legal form exists only in England."""

from __future__ import annotations

import pytest

from assembler.rules.wales import WALES
from tests.conftest import ROOT, samples
from tests.rules.helpers import findings

WELSH_GRANT = ROOT / "samples" / "grant" / "welsh-community-grant.yaml"
WELSH_ALLIANCE = ROOT / "samples" / "alliance" / "welsh-young-people-alliance.yaml"
ENGLISH_GRANT = ROOT / "samples" / "grant" / "community-single-payment.yaml"
RULE_IDS = ["COMMON-WALES-ENGLISH-LAW", "COMMON-WALES-ENGLISH-BODY", "COMMON-WALES-REGULATOR",
            "COMMON-WALES-LAND-CONSENT", "COMMON-WALES-HOMELESSNESS-POWER"]


def test_the_rule_ids():
    assert [r.id for r in WALES.rules] == RULE_IDS


@pytest.mark.parametrize("sample", samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_samples_are_quiet(catalogue, sample):
    assert not set(findings(catalogue, sample)) & set(RULE_IDS)


def power(text):
    def edit(data):
        data["grant"]["statutory_power"] = text
    return edit


def test_the_localism_act_in_a_welsh_grant_fires(catalogue):
    found = findings(catalogue, WELSH_GRANT, power("section 1 of the Localism Act 2011"))
    assert found["COMMON-WALES-ENGLISH-LAW"] == [
        "the public body is in Wales, but this names Localism Act 2011, s.1 (general power of competence), "
        "which applies only in England; give the Welsh law (Local Government and Elections (Wales) Act 2021, "
        "s.24 (general power of competence))"]


def test_england_only_law_in_any_text_fires(catalogue):
    def edit(data):
        data["grant"]["activities"].append("Follow Working Together to Safeguard Children")
    found = findings(catalogue, WELSH_GRANT, edit)
    assert len(found["COMMON-WALES-ENGLISH-LAW"]) == 1
    assert "Working Together to Safeguard Children 2023" in found["COMMON-WALES-ENGLISH-LAW"][0]


def test_the_same_words_in_an_english_grant_are_quiet(catalogue):
    found = findings(catalogue, ENGLISH_GRANT, power("section 1 of the Localism Act 2011"))
    assert "COMMON-WALES-ENGLISH-LAW" not in found


def test_the_welsh_power_is_quiet(catalogue):
    found = findings(catalogue, WELSH_GRANT, power("section 24 of the Local Government and Elections (Wales) Act 2021"))
    assert "COMMON-WALES-ENGLISH-LAW" not in found


@pytest.mark.parametrize("form", ["integrated_care_board", "nhs_foundation_trust", "combined_authority", "parish_council"])
def test_an_england_only_legal_form_fires(catalogue, form):
    def edit(data):
        data["funder"]["legal_form"] = form
    found = findings(catalogue, WELSH_GRANT, edit)
    (message,) = found["COMMON-WALES-ENGLISH-BODY"]
    assert message.startswith("Dyffryn Gwyn County Borough Council is ")
    assert "exists only in England, but the draft is for Wales" in message


def test_an_england_only_legal_form_in_england_is_quiet(catalogue):
    def edit(data):
        data["funder"]["legal_form"] = "parish_council"
    assert "COMMON-WALES-ENGLISH-BODY" not in findings(catalogue, ENGLISH_GRANT, edit)


def test_a_welsh_alliance_member_from_england_fires(catalogue):
    def edit(data):
        data["members"][0]["legal_form"] = "integrated_care_board"
    (message,) = findings(catalogue, WELSH_ALLIANCE, edit)["COMMON-WALES-ENGLISH-BODY"]
    assert "a Local Health Board is the Welsh body" in message


def test_a_welsh_housing_association_registered_in_england_fires(catalogue):
    def edit(data):
        data["members"][1]["legal_form"] = "registered_provider"
        data["members"][1].pop("charity_number", None)
    (message,) = findings(catalogue, WELSH_ALLIANCE, edit)["COMMON-WALES-ENGLISH-BODY"]
    assert "registered with the Welsh Ministers under Part 1 of the Housing Act 1996" in message


OPEN_BOOK_GRANT = ROOT / "samples" / "grant" / "care-leavers-open-book.yaml"
OPEN_BOOK_FAMILY = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"


def in_wales(data):
    data["document"]["country"] = "wales"


def test_an_ofsted_registration_in_a_welsh_draft_fires(catalogue):
    (message,) = findings(catalogue, OPEN_BOOK_GRANT, in_wales)["COMMON-WALES-REGULATOR"]
    assert message.startswith("Quay House supported accommodation is registered with Ofsted, which do not "
                              "register care services in Wales: Care Inspectorate Wales does (Regulation and "
                              "Inspection of Social Care (Wales) Act 2016")


def test_the_open_book_care_terms_in_a_welsh_draft_fire(catalogue):
    messages = findings(catalogue, OPEN_BOOK_FAMILY, in_wales)["COMMON-WALES-REGULATOR"]
    assert messages[0].startswith("Fenwick Lodge care home is registered with the CQC")
    assert len(messages) == 3  # two care homes, and the care terms themselves
    assert messages[-1].startswith("the open-book care terms cite England's regulators")


def test_the_same_registrations_in_england_are_quiet(catalogue):
    assert "COMMON-WALES-REGULATOR" not in findings(catalogue, OPEN_BOOK_FAMILY)
    assert "COMMON-WALES-REGULATOR" not in findings(catalogue, OPEN_BOOK_GRANT)


def test_a_welsh_grant_without_registrations_is_quiet(catalogue):
    assert "COMMON-WALES-REGULATOR" not in findings(catalogue, WELSH_GRANT)


LEASE = ROOT / "samples" / "co-investment" / "community-asset-lease.yaml"


def test_an_undervalue_disposal_in_a_welsh_co_investment_fires(catalogue):
    (message,) = findings(catalogue, LEASE, in_wales)["COMMON-WALES-LAND-CONSENT"]
    assert message.startswith("the land is transferred at an undervalue of £")
    assert "is given by the Welsh Ministers" in message


def test_the_undervalue_in_england_is_quiet(catalogue):
    assert "COMMON-WALES-LAND-CONSENT" not in findings(catalogue, LEASE)


def test_a_welsh_co_investment_at_full_value_is_quiet(catalogue):
    def at_full_value(data):
        in_wales(data)
        for contribution in data["contributions"]["authority"]:
            for prop in contribution.get("properties", []):
                prop["consideration"] = prop["valuation"]
    assert "COMMON-WALES-LAND-CONSENT" not in findings(catalogue, LEASE, at_full_value)


def test_the_provider_selection_route_in_a_welsh_alliance_fires(catalogue):
    def edit(data):
        data["alliance"]["procurement_route"] = "provider_selection"
    (message,) = findings(catalogue, WELSH_ALLIANCE, edit)["COMMON-WALES-ENGLISH-LAW"]
    assert message.startswith("the public body is in Wales, but the procurement route is Health Care Services "
                              "(Provider Selection Regime) Regulations 2023, which applies only in England")


def test_the_welsh_alliance_route_is_quiet(catalogue):
    assert "COMMON-WALES-ENGLISH-LAW" not in findings(catalogue, WELSH_ALLIANCE)


def test_the_english_homelessness_power_in_a_welsh_grant_fires(catalogue):
    def edit(data):
        data["grant"]["statutory_power"] = "section 180 of the Housing Act 1996"
    (message,) = findings(catalogue, WELSH_GRANT, edit)["COMMON-WALES-HOMELESSNESS-POWER"]
    assert "Part 2 of the Housing (Wales) Act 2014 replaced Part 7" in message and "27 April 2015" in message


def test_the_homelessness_power_in_an_english_grant_is_quiet(catalogue):
    def edit(data):
        data["grant"]["statutory_power"] = "section 180 of the Housing Act 1996"
    assert "COMMON-WALES-HOMELESSNESS-POWER" not in findings(catalogue, ENGLISH_GRANT, edit)
