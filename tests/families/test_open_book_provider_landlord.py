"""Open-book supported living and extra care where the provider is also the landlord (services.provider_is_landlord),
extra care read as its own setting, and the financial distress triggers of a registered provider of social housing."""

from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import clause_text, definition, document_text
from tests.families.conftest import OB_LIVING, open_book_note_of, open_book_result

EXTRA_CARE = Path(__file__).parent / "fixtures" / "ob-g1-extra-care-landlord.yaml"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_provider_as_landlord_separates_tenancy_and_care(catalogue):
    res = open_book_result(catalogue, EXTRA_CARE)
    text = _flat(clause_text(res.document, "open-book.support"))
    assert "is also the landlord of the Home" in text
    assert "is not the landlord of any of the Homes" not in text
    assert "without losing their home" in text
    assert "rent, service charges and any other charges for a Tenant's housing are not Service Income" in text
    assert "internal recharge" in text and "Related-Party Arrangement" in text
    assert "the alarm or call system" in text
    note = open_book_note_of(res, "open-book.support")
    assert "both the landlord and the care provider" in note
    assert "check that the provider, and any company connected with it, is not the landlord" not in note


def test_provider_as_landlord_has_no_landlord_placeholder(catalogue):
    res = open_book_result(catalogue, EXTRA_CARE)
    assert "[landlord]" not in document_text(res)
    assert not [f for f in res.findings if "landlord" in f.message.lower() and f.severity != "info"]


def test_separate_landlord_keeps_the_not_the_landlord_clause(catalogue):
    res = open_book_result(catalogue, OB_LIVING)
    text = _flat(clause_text(res.document, "open-book.support"))
    assert "is not the landlord of any of the Homes" in text
    assert "internal recharge" not in text


def test_extra_care_words(catalogue):
    res = open_book_result(catalogue, EXTRA_CARE)
    assert "the extra care scheme described in" in _flat(definition(res.document, "Home"))
    assert "on-site core care and support team" in _flat(definition(res.document, "Core Support"))
    living = open_book_result(catalogue, OB_LIVING)
    assert "supported-living homes" in _flat(definition(living.document, "Homes"))


def test_registered_provider_distress_triggers(catalogue):
    res = open_book_result(catalogue, EXTRA_CARE)
    text = _flat(clause_text(res.document, "open-book.financial-distress"))
    assert "Regulator of Social Housing lowers" in text
    assert "section 145 of the Housing and Regeneration Act 2008" in text
    living = _flat(clause_text(open_book_result(catalogue, OB_LIVING).document, "open-book.financial-distress"))
    assert "Regulator of Social Housing" not in living


def test_registered_manager_in_supported_living(catalogue):
    res = open_book_result(catalogue, EXTRA_CARE)
    assert "has a manager registered with the Care Quality Commission" in _flat(
        clause_text(res.document, "open-book.regulatory"))


def _rule(res, rule_id: str) -> list:
    return [f for f in res.findings if f.rule == rule_id]


def test_core_hours_rule_fires_with_the_difference(catalogue):
    def fewer_priced(data):
        data["open_book"]["unit_prices"][1]["expected_units"] = 16000
    found = _rule(open_book_result(catalogue, EXTRA_CARE, fewer_priced), "OPEN-BOOK-CORE-HOURS")
    assert len(found) == 1
    assert "17,520 hours a year" in found[0].message and "1,520 more in the homes than priced" in found[0].message


def test_core_hours_rule_quiet_when_they_agree(catalogue):
    assert not _rule(open_book_result(catalogue, EXTRA_CARE), "OPEN-BOOK-CORE-HOURS")
    assert not _rule(open_book_result(catalogue, OB_LIVING), "OPEN-BOOK-CORE-HOURS")


def test_private_pay_rule_fires_on_whole_scheme_scope(catalogue):
    def private_disallowed(data):
        data["open_book"]["disallowed_costs"].append("Costs of private-pay care bought by tenants")
    found = _rule(open_book_result(catalogue, EXTRA_CARE, private_disallowed), "OPEN-BOOK-SCOPE-PRIVATE-PAY")
    assert len(found) == 1 and "commissioner_places" in found[0].message


def test_private_pay_rule_quiet_on_council_only_scope(catalogue):
    def council_only(data):
        data["open_book"]["disallowed_costs"].append("Costs of private-pay care bought by tenants")
        data["services"]["scope"] = "commissioner_places"
    assert not _rule(open_book_result(catalogue, EXTRA_CARE, council_only), "OPEN-BOOK-SCOPE-PRIVATE-PAY")
    assert not _rule(open_book_result(catalogue, EXTRA_CARE), "OPEN-BOOK-SCOPE-PRIVATE-PAY")


def test_council_only_scope_in_supported_living_leaves_private_care_out(catalogue):
    """G1 finding 3: the scope limited to what the Council buys leaves private care out on both sides, apportioned by
    hours, and never speaks of places or Core Places."""
    def council_only(data):
        data["services"]["scope"] = "commissioner_places"
    res = open_book_result(catalogue, EXTRA_CARE, council_only)
    text = _flat(clause_text(res.document, "open-book.scope"))
    assert "pays for with their own money or a direct payment, is not part of the Open-Book Services" in text
    assert "counting the Core Support hours provided there" in text
    assert "places the Council buys" not in text and "Core Places" not in text
    assert "at the places" not in _flat(definition(res.document, "Open-Book Services"))


def test_whole_scheme_scope_takes_in_private_care(catalogue):
    text = _flat(clause_text(open_book_result(catalogue, EXTRA_CARE).document, "open-book.scope"))
    assert "and care a Tenant or any other person pays for with their own money or a direct payment" in text


def test_schedule_prints_core_hours_with_their_price(catalogue):
    """G1 finding 4: Schedule 1 prints the core hours the homes state and the core price from the sheet."""
    text = _flat(clause_text(open_book_result(catalogue, EXTRA_CARE).document, "open-book.schedule-services"))
    assert "come to 17,520 hours a year" in text and "£24.90 an hour" in text and "£436,248 a year" in text
    assert "Extra care scheme" in text and "Heronsgate Homes and Care Limited" in text
