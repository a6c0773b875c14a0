"""The shared rules on parties fire on the fact each guards, for the new legal forms, and stay quiet
on the samples: registration numbers per form, and open-book terms needing a public body that pays
and a party that is not one."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, samples
from tests.rules.helpers import findings

GRANT = ROOT / "samples" / "grant" / "care-leavers-open-book.yaml"
RULE_IDS = ["COMMON-REGISTRATION-FORMAT", "COMMON-REGISTRATION-MISSING", "COMMON-REGISTRATION-UNEXPECTED",
            "COMMON-OPEN-BOOK-PARTIES", "COMMON-LIMITED-PARTNERSHIP", "COMMON-LLP", "COMMON-LONDON-BOROUGH-NAME"]


def recipient(**fields):
    def edit(data):
        for key in ("company_number", "charity_number", "society_number", "rsh_number"):
            data["recipient"].pop(key, None)
        data["recipient"].update(fields)
    return edit


@pytest.mark.parametrize("sample", samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_samples_are_quiet(catalogue, sample):
    found = findings(catalogue, sample)
    assert not set(found) & set(RULE_IDS), found


def test_a_registered_provider_gives_its_rsh_number(catalogue):
    found = findings(catalogue, GRANT, recipient(legal_form="registered_provider", society_number="RS007412"))
    assert found["COMMON-REGISTRATION-MISSING"] == [
        "Harbour Light Young People's Trust is a registered provider of social housing but has no "
        "Regulator of Social Housing number; the draft will show a placeholder"]
    assert "COMMON-REGISTRATION-UNEXPECTED" not in found  # its society number is expected too


def test_a_registered_provider_with_its_numbers_is_quiet(catalogue):
    found = findings(catalogue, GRANT, recipient(legal_form="registered_provider", company_number="08123456",
                                                 rsh_number="L4512"))
    assert not set(found) & set(RULE_IDS), found


def test_an_rsh_number_in_the_wrong_shape(catalogue):
    found = findings(catalogue, GRANT, recipient(legal_form="registered_provider", rsh_number="RSH-12"))
    assert "not a valid Regulator of Social Housing number" in found["COMMON-REGISTRATION-FORMAT"][0]


def test_an_exempt_charity_society_has_no_charity_number(catalogue):
    found = findings(catalogue, GRANT, recipient(legal_form="exempt_charity_society", society_number="RS009876",
                                                 charity_number="1154321"))
    assert found["COMMON-REGISTRATION-UNEXPECTED"] == [
        "Harbour Light Young People's Trust is a registered society that is an exempt charity, which has no "
        "charity number; check the legal form"]
    assert "COMMON-REGISTRATION-MISSING" not in found


def test_a_registered_unincorporated_charity_may_give_its_charity_number(catalogue):
    """Registered once its income passes £5,000 (Charities Act 2011 s.30(2)(d)); a company number
    it cannot have."""
    found = findings(catalogue, GRANT, recipient(legal_form="unincorporated_charity", charity_number="1154321"))
    assert not set(found) & set(RULE_IDS), found
    found = findings(catalogue, GRANT, recipient(legal_form="unincorporated_charity", company_number="08123456"))
    assert "which has no company number" in found["COMMON-REGISTRATION-UNEXPECTED"][0]


def test_a_charitable_society_that_is_a_registered_provider_may_give_its_rsh_number(catalogue):
    found = findings(catalogue, GRANT, recipient(legal_form="exempt_charity_society", society_number="29874R",
                                                 rsh_number="5217"))
    assert not set(found) & set(RULE_IDS), found
    found = findings(catalogue, GRANT, recipient(legal_form="nhs_trust", rsh_number="5217"))
    assert "which has no Regulator of Social Housing number" in found["COMMON-REGISTRATION-UNEXPECTED"][0]


def test_an_nhs_trust_has_no_registration_number(catalogue):
    found = findings(catalogue, GRANT, recipient(legal_form="nhs_trust", company_number="08123456"))
    assert "an NHS trust, which has no company number" in found["COMMON-REGISTRATION-UNEXPECTED"][0]


def test_open_book_terms_need_a_provider_that_is_not_a_public_body(catalogue):
    found = findings(catalogue, GRANT, recipient(legal_form="police_and_crime_commissioner"))
    assert len(found["COMMON-OPEN-BOOK-PARTIES"]) == 1
    assert "never an Open-Book Provider" in found["COMMON-OPEN-BOOK-PARTIES"][0]


def test_open_book_terms_need_a_public_body_that_pays(catalogue):
    def edit(data):
        data["funder"]["legal_form"] = "charitable_company"
        data["funder"]["company_number"] = "01234567"
        data["funder"]["charity_number"] = "1012345"
    found = findings(catalogue, GRANT, edit)
    assert "no party is a public body" in found["COMMON-OPEN-BOOK-PARTIES"][0]


def test_without_open_book_terms_the_class_does_not_matter(catalogue):
    def edit(data):
        del data["open_book"]
        data["recipient"]["legal_form"] = "nhs_foundation_trust"
        for key in ("company_number", "charity_number"):
            data["recipient"].pop(key)
    found = findings(catalogue, GRANT, edit)
    assert "COMMON-OPEN-BOOK-PARTIES" not in found


@pytest.mark.parametrize(("fields", "rule", "message"), [
    pytest.param(dict(name="Northern Commons Social Investment Fund LP", legal_form="other"),
                 "COMMON-LIMITED-PARTNERSHIP",
                 "Northern Commons Social Investment Fund LP reads as a limited partnership, which has no legal "
                 "personality and contracts and signs through its general partner; give legal_form: "
                 "limited_partnership and its general_partner (the draft otherwise describes and signs for it as an "
                 "organisation)", id="a-fund-named-lp-is-described-as-a-limited-partnership"),
    pytest.param(dict(name="Harbour Housing Advisers LLP", legal_form="company", company_number="OC412345"),
                 "COMMON-LLP",
                 "Harbour Housing Advisers LLP reads as a limited liability partnership, which signs a deed by two "
                 "members, not directors; give legal_form: llp and its registered number (the draft otherwise "
                 "describes and signs for it as a company registered in England and Wales)",
                 id="a-body-named-llp-is-described-as-a-limited-liability-partnership"),
])
def test_a_partnership_by_its_name_is_described_as_one(catalogue, fields, rule, message):
    found = findings(catalogue, GRANT, recipient(**fields))
    assert found[rule] == [message]


@pytest.mark.parametrize(("fields", "rule", "fragment", "fixed"), [
    pytest.param(dict(name="Northern Commons Fund LP", legal_form="limited_partnership", company_number="LP012345"),
                 "COMMON-LIMITED-PARTNERSHIP", "its general partner is not named",
                 dict(general_partner="Northern Commons GP Limited"),
                 id="a-limited-partnership-names-its-general-partner"),
    pytest.param(dict(name="Harbour Housing Advisers LLP", legal_form="llp", company_number="01234567"), "COMMON-LLP",
                 "is not an LLP's registered number", dict(company_number="OC412345"), id="an-llp-gives-an-llp-number"),
])
def test_a_partnership_gives_what_its_form_needs(catalogue, fields, rule, fragment, fixed):
    found = findings(catalogue, GRANT, recipient(**fields))
    assert fragment in found[rule][0]
    found = findings(catalogue, GRANT, recipient(**{**fields, **fixed}))
    assert not set(found) & set(RULE_IDS), found


def funder_named(name: str):
    def edit(data):
        data["funder"]["name"] = name
    return edit


def test_a_london_borough_named_without_its_corporation_is_flagged(catalogue):
    found = findings(catalogue, GRANT, funder_named("London Borough of Wexbridge"))
    assert found["COMMON-LONDON-BOROUGH-NAME"] == [
        "London Borough of Wexbridge is a London borough council; its corporate name, which the parties, cover "
        "and signature block should use, is \"The Mayor and Burgesses of the London Borough of Wexbridge\" "
        "(London Government Act 1963 s.1): check it against the council's constitution"]


@pytest.mark.parametrize("name", ["The Mayor and Burgesses of the London Borough of Wexbridge",
                                  "Royal Borough of Kingston upon Thames", "Westshire County Council"])
def test_a_london_borough_by_its_corporate_name_or_another_council_is_quiet(catalogue, name):
    assert "COMMON-LONDON-BOROUGH-NAME" not in findings(catalogue, GRANT, funder_named(name))
