"""A Provider a Commissioner wholly owns (a local authority trading company: members[].owned_by) and a Provider whose
staff keep Local Government Pension Scheme membership (members[].lgps_staff): recital (C) and the key information
recite the exempted contract (Procurement Act 2023 Sch. 2 para. 2), the conflicts note deals with the owner's two
roles and the company's own duties under FOIA s.6, and the staff transfer clause rules out a broadly comparable
scheme for those staff (r44 al-dayops F4, F5, F6, F9)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat_note
from tests.families.conftest import ALLIANCE_DAYOPS_R44

RECITALS = "alliance.recitals"
KEY = "alliance.key-information"
CONFLICTS = "common.conflicts-of-interest"
WORKFORCE = "alliance.workforce"


def _sheet(owned: bool = True, lgps: bool = True) -> str:
    text = ALLIANCE_DAYOPS_R44.read_text(encoding="utf-8")
    if not owned:
        text = text.replace("    owned_by: council\n", "")
    if not lgps:
        text = text.replace("    lgps_staff: true\n", "")
    return text


def test_owned_company_exemption_recited(catalogue):
    doc = document_of(catalogue, _sheet())
    recitals = clause_text(doc, RECITALS, flat=True)
    assert ("The Service Contract of Marlshire Care, however, was put in place following the assessment of the Council, "
            "which controls Marlshire Care, that it is an exempted contract under paragraph 2 of Schedule 2 to the "
            "Procurement Act 2023 (vertical arrangements)") in recitals
    assert "not being a procurement of a public contract" not in recitals
    assert "paragraph 2 of Schedule 2 to the Procurement Act 2023 (vertical arrangements)" in clause_text(doc, KEY, flat=True)
    note = flat_note(doc, RECITALS)
    assert "Marlshire Care's Service Contract is recited as an exempted contract because the Council controls" in note
    assert "a sale of shares or other change of ownership ends the exemption" in note


def test_owned_company_conflicts_and_foi_note(catalogue):
    note = flat_note(document_of(catalogue, _sheet()), CONFLICTS)
    assert "The Council wholly owns Marlshire Care, so it is both Marlshire Care's commissioner and its owner" in note
    assert "share of Gain, its performance or its leaving the Alliance" in note
    assert "public authority under section 6 of that Act" in note


def test_owned_company_answers_its_own_foi_requests(catalogue):
    foi = "common.freedom-of-information"
    text = clause_text(document_of(catalogue, _sheet()), foi, flat=True)
    assert "Marlshire Care, as a company wholly owned by the Council, is also subject to the Information Acts" in text
    quiet = clause_text(document_of(catalogue, _sheet(owned=False)), foi, flat=True)
    assert "as a company wholly owned by" not in quiet


def test_without_owner_the_old_words_stay(catalogue):
    doc = document_of(catalogue, _sheet(owned=False))
    recitals = clause_text(doc, RECITALS, flat=True)
    assert ("The Service Contract of Marlshire Care, however, was put in place following arrangements that the "
            "Commissioner has assessed as not being a procurement of a public contract") in recitals
    assert "vertical arrangements" not in recitals
    assert "wholly owns" not in flat_note(doc, CONFLICTS)
    assert "exempted contract because" not in flat_note(doc, RECITALS)


def test_lgps_staff_rule_out_broadly_comparable(catalogue):
    doc = document_of(catalogue, _sheet())
    workforce = clause_text(doc, WORKFORCE, flat=True)
    assert ("Employees who transfer from Marlshire Care must instead be given continued active membership of the Local "
            "Government Pension Scheme itself") in workforce
    note = flat_note(doc, WORKFORCE)
    assert "the clause rules out a broadly comparable scheme for them" in note
    assert "whether the Council, which owns it, guarantees its liabilities to the fund" in note
    assert "reg. 64" in note


def test_without_lgps_staff_clause_unchanged(catalogue):
    doc = document_of(catalogue, _sheet(lgps=False))
    assert "must instead be given continued active membership" not in clause_text(doc, WORKFORCE, flat=True)
    assert "rules out a broadly comparable scheme" not in flat_note(doc, WORKFORCE)


def test_central_grant_cliff_edge_note(catalogue):
    note = flat_note(document_of(catalogue, _sheet()), "alliance.central-grant")
    assert "the instructions say the grant is confirmed only to 31 March 2030, before the Term ends" in note
    assert "the £310,000 of the first year's Annual Values that it pays for (part of Pathways') has no confirmed" in note
    assert "Tell the client, and Pathways, now" in note


def test_central_grant_end_after_term_is_quiet(catalogue):
    text = _sheet().replace("  central_grant_ends: 2030-03-31\n", "  central_grant_ends: 2032-03-31\n")
    note = flat_note(document_of(catalogue, text), "alliance.central-grant")
    assert "confirmed only to" not in note
    assert "the grant is confirmed to 31 March 2032, which covers the Term" in note
    unset = flat_note(document_of(catalogue, _sheet().replace("  central_grant_ends: 2030-03-31\n", "")), "alliance.central-grant")
    assert "but its grant is only certain for the year ahead" in unset


def test_ending_leases_regranted_on_exit(catalogue):
    doc = document_of(catalogue, _sheet())
    text = clause_text(doc, "alliance.schedule-exit", flat=True)
    assert ("the Council, as owner, must, once the holder has given up possession, grant that provider a licence of the "
            "premises") in text
    assert "the holder must surrender it to the owner on that date" in text
    assert "Landlord and Tenant Act 1954 s.38A(2)" in flat_note(doc, "alliance.schedule-exit")


def test_licences_only_no_lease_paragraph(catalogue):
    text = _sheet().replace("        held_under: lease\n", "        held_under: licence\n")
    doc = document_of(catalogue, text)
    assert "once the holder has given up possession" not in clause_text(doc, "alliance.schedule-exit", flat=True)
    assert "s.38A(2)" not in flat_note(doc, "alliance.schedule-exit")


def test_reserved_matter_on_direct_payment_rates_raises_competition_note(catalogue):
    note = flat_note(document_of(catalogue, _sheet()), "alliance.operations")
    assert ("The instructions also have the members agree prices for services sold outside the Alliance (changing the "
            "day rates published for places bought with direct payments)") in note
    assert "section 2(2)(a)" in note and "each Provider staying free to charge less" in note


def test_outside_prices_field_and_quiet(catalogue):
    quiet = _sheet().replace("      - Changing the day rates published for places bought with direct payments\n", "")
    assert "sold outside the Alliance" not in flat_note(document_of(catalogue, quiet), "alliance.operations")
    field = quiet.replace("  central_grant_only: true\n",
                          "  central_grant_only: true\n  outside_prices: the hourly rates for self-funded support\n")
    note = flat_note(document_of(catalogue, field), "alliance.operations")
    assert "services sold outside the Alliance (the hourly rates for self-funded support)" in note


def test_recital_d_does_not_say_every_contract_was_procured(catalogue):
    recitals = clause_text(document_of(catalogue, _sheet()), RECITALS, flat=True)
    assert "Service Contracts put in place as described above start on 1 April 2027" in recitals
    assert "awarded by that procurement start" not in recitals
