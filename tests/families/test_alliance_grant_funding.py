"""A grant-funded alliance (alliance.funding_basis: grant, route not_procurement, single-contract structure): the
Agreement is a grant agreement throughout (recitals (A), (C) and (D), clause 3's grant conditions, payment in advance
without an invoice, repayment, VAT), the rules catch contradictions, and a replaced former contract's modest uplift
only informs (r38d al-advice F1, F2, F9 and tool notes 1, 7, 10, 11, 14)."""
from __future__ import annotations

import copy

from assembler.rules import RuleContext
from assembler.rules.alliance import RULES
from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file
from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_GRANT, ALLIANCE_SMALL
from tests.rules.helpers import RULES_DATE

GRANT = "  funding_basis: grant\n"


def _findings(data, catalogue, rule):
    positions = {name: pos.standard for name, pos in catalogue.positions("alliance").items()}
    positions.update(data.get("positions") or {})
    found = RULES.run(RuleContext(AllianceTermSheet.model_validate(data), positions, catalogue.figures,
                                  catalogue.law, RULES_DATE))
    return [f for f in found if f.rule == rule]


def test_grant_agreement_text(catalogue):
    """Firing: clause 3 calls the Agreement a grant agreement, pays in advance as the sheet says without an invoice,
    adds grant conditions, repayment and the VAT position; the recitals fund by grant and recite the record."""
    doc = document_of(catalogue, ALLIANCE_GRANT.read_text())
    c3 = clause_text(doc, "alliance.structure", flat=True)
    assert "This Agreement is a grant agreement." in c3
    assert "in four equal instalments in advance, on 1 April, 1 July, 1 October and 1 January, without the need for an invoice" in c3
    assert "valid invoice" not in c3 and "to the standard set out there" not in c3
    assert "used otherwise than for the purposes for which it was paid" in c3
    assert "is a debt due to the Commissioner" in c3
    assert "outside the scope of VAT" in c3
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert "wishes to fund the Services by grant" in recitals and "wishes to commission" not in recitals
    assert "is not a public contract, and recorded that assessment, with its reasons, in the report to its Executive of 14 September 2027" in recitals
    assert "put in place following arrangements" not in recitals
    assert "expire under their own terms on 31 March 2028 and are not renewed" in recitals
    n = note(doc, "alliance.structure")
    assert "grant agreement, not a contract for services" in n and "section 68" not in n
    assert "VAT on the grant paid to each Provider is dealt with as clause 3 provides" in clause_text(doc, "alliance.operations", flat=True)


def test_contract_basis_unchanged(catalogue):
    """Quiet: the standard contract basis keeps the single contract's wording, monthly in arrears on invoice."""
    doc = document_of(catalogue, ALLIANCE_SMALL.read_text())
    c3 = clause_text(doc, "alliance.structure", flat=True)
    assert "is the contract under which the Providers deliver the Services" in c3
    assert "in equal monthly instalments in arrears, within 30 days after receiving a valid invoice" in c3
    assert "grant agreement" not in c3 and "outside the scope of VAT" not in c3
    assert "wishes to commission the Services" in clause_text(doc, "alliance.recitals", flat=True)


def test_contract_basis_honours_provider_payments(catalogue):
    """Firing (F2, tool note 7): on the contract basis too, clause 3 pays as provider_payments says."""
    text = ALLIANCE_SMALL.read_text().replace(
        "alliance:\n", "alliance:\n  provider_payments: in twelve equal monthly instalments in advance\n", 1)
    c3 = clause_text(document_of(catalogue, text), "alliance.structure", flat=True)
    assert "for each Alliance Year (see Schedule" in c3 and "), in twelve equal monthly instalments in advance, adjusted" in c3


def test_grant_funding_rule_fires_on_a_procured_route(catalogue):
    data = copy.deepcopy(load_file(ALLIANCE_GRANT).data)
    data["alliance"]["procurement_route"] = "direct_award"
    data["alliance"]["procurement_started"] = "2027-06-01"
    [f] = _findings(data, catalogue, "ALLIANCE-GRANT-FUNDING")
    assert "a grant is not awarded by a procurement" in f.message and f.severity == "error"


def test_grant_funding_rule_fires_on_separate_service_contracts(catalogue):
    data = copy.deepcopy(load_file(ALLIANCE_GRANT).data)
    data["positions"]["structure"] = "over-contracts"
    [f] = _findings(data, catalogue, "ALLIANCE-GRANT-FUNDING")
    assert "structure: single-contract" in f.message


def test_grant_funding_rule_quiet(catalogue):
    assert _findings(copy.deepcopy(load_file(ALLIANCE_GRANT).data), catalogue, "ALLIANCE-GRANT-FUNDING") == []
    assert _findings(copy.deepcopy(load_file(ALLIANCE_SMALL).data), catalogue, "ALLIANCE-GRANT-FUNDING") == []


def test_not_procurement_single_contract_rule(catalogue):
    """Firing (tool note 11): not_procurement with this Agreement as the paying contract; quiet on the grant basis."""
    data = copy.deepcopy(load_file(ALLIANCE_GRANT).data)
    assert _findings(data, catalogue, "ALLIANCE-NOT-PROCUREMENT-CONTRACT") == []
    data["alliance"]["funding_basis"] = "contract"
    [f] = _findings(data, catalogue, "ALLIANCE-NOT-PROCUREMENT-CONTRACT")
    assert "set funding_basis: grant" in f.message and f.severity == "warning"


def test_former_contract_uplift_only_informs(catalogue):
    """Firing at info (tool note 10): replaced former grants with a modest uplift; a warning where not replaced."""
    data = copy.deepcopy(load_file(ALLIANCE_GRANT).data)
    found = _findings(data, catalogue, "ALLIANCE-FORMER-CONTRACT-VALUES")
    assert found and all(f.severity == "info" for f in found)
    data["members"][1]["annual_value"] = 400000  # far above the former grant: still a warning
    found = _findings(data, catalogue, "ALLIANCE-FORMER-CONTRACT-VALUES")
    assert any(f.severity == "warning" and "Advice Centre" in f.message for f in found)


def test_grant_basis_in_schedules_joining_and_exit(catalogue):
    """Firing (F1, F9, tool notes 16-17): no specification or Service Contract; joining and re-provision by grant with
    the not-a-public-contract record; the former grants expire and clause 4 follows recital (D)."""
    doc = document_of(catalogue, ALLIANCE_GRANT.read_text())
    services = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "must use its grant, as clause 3 requires, to deliver its part of the Services" in services
    assert "service specification" not in services and "Service Contract" not in services
    assert "procurement recited" not in note(doc, "alliance.schedule-services")
    assert "it will fund the organisation by grant under this Agreement" in clause_text(doc, "alliance.changes", flat=True)
    deed = clause_text(doc, "alliance.schedule-accession", flat=True)
    assert "will fund the New Member by grant" in deed and "law on public procurement" not in deed
    handover = ALLIANCE_GRANT.read_text().replace(
        "  exit_notice_months: 6\n", "  exit_notice_months: 6\n  handover: >-\n    Advice Centre: open cases, with each "
        "client's consent, to another advice charity the Council funds\n", 1)
    exit_plan = clause_text(document_of(catalogue, handover), "alliance.schedule-exit", flat=True)
    assert "only by grant, after recording" in exit_plan and "section 41" not in exit_plan
    assert "Each Former Contract expires under its own terms on 31 March 2028, and the Commissioner will not renew it." in (
        clause_text(doc, "alliance.transition", flat=True))
    assert "Subsidy control: the grants are not payment for services" in note(doc, "alliance.operations")
