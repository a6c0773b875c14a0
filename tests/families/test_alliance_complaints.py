"""The complaints route in an alliance names the Parliamentary and Health Service Ombudsman only where a Provider
delivers NHS services: it is an NHS body, or its Service Contract is with an NHS Commissioner; an ICB's contribution
to a pool whose Service Contracts are all let by a council is not enough (r28 al-fresh finding 16)."""
from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import build, clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_JOINT, ALLIANCE_REABLEMENT, ALLIANCE_SMALL

FIXTURES = Path(__file__).parent / "fixtures"

PHSO = "Parliamentary and Health Service Ombudsman"


def _ops(catalogue, text: str) -> str:
    return clause_text(document_of(catalogue, text), "alliance.operations", flat=True)


def test_nhs_trust_provider_keeps_the_phso(catalogue):
    assert PHSO in _ops(catalogue, ALLIANCE_JOINT.read_text())


def test_council_contracts_only_drop_the_phso(catalogue):
    text = ALLIANCE_JOINT.read_text().replace("legal_form: nhs_foundation_trust", "legal_form: charitable_company", 1)
    assert PHSO not in _ops(catalogue, text)


def test_service_contract_with_the_icb_keeps_the_phso(catalogue):
    text = ALLIANCE_JOINT.read_text().replace("legal_form: nhs_foundation_trust", "legal_form: charitable_company", 1)
    text = text.replace("    legal_form: charitable_company\n", "    legal_form: charitable_company\n    service_contract_with: icb\n", 1)
    assert PHSO in _ops(catalogue, text)


# r38d al-edge finding 6: children's social care goes through the council's statutory representations procedure
# before the ombudsman, and an NHS trust's clinical care through the NHS complaints procedure; the note names each
# route the clause names.

REPS = "representations procedure under section 26(3) of the Children Act 1989 and the Children Act 1989 Representations"


def _ops_and_note(path, catalogue):
    doc = build(path, catalogue).document
    return clause_text(doc, "alliance.operations", flat=True), flat(note(doc, "alliance.operations"))


def test_children_part3_services_name_the_representations_procedure(catalogue):
    """Firing: an early help alliance under Part 3 of the Children Act 1989 names the s.26(3) procedure in the clause,
    with the duty to pass complaints on, and the note says the clause names it."""
    body, text = _ops_and_note(FIXTURES / "alliance-early-help.yaml", catalogue)
    assert REPS in body
    assert "within 5 Business Days any complaint that the representations procedure covers, and co-operate with each stage" in body
    assert "go first through" in text and "statutory representations procedure (s.26(3) of that Act" in text


def test_adult_services_have_no_childrens_procedure(catalogue):
    """Quiet: the adults' complex needs sample has no Children Act route."""
    body, text = _ops_and_note(ALLIANCE_BIG, catalogue)
    assert "section 26(3)" not in body and "s.26(3)" not in text


def test_nhs_trust_clinical_care_names_the_nhs_route_where_a_council_commissions(catalogue):
    """Firing: a council-only alliance whose NHS trust Provider delivers therapy names the NHS complaints procedure and
    the PHSO for that care, in the clause and the note."""
    body, text = _ops_and_note(ALLIANCE_REABLEMENT, catalogue)
    assert ("for the clinical care that the Community Trust provides, the NHS complaints procedure under the Local Authority "
            "Social Services and National Health Service Complaints (England) Regulations 2009 and the " + PHSO) in body
    assert "complaints about the clinical care of the Community Trust, an NHS body" in text


def test_no_nhs_route_without_an_nhs_provider(catalogue):
    """Quiet: the three-member sample has no NHS body among its Providers."""
    body, _ = _ops_and_note(ALLIANCE_SMALL, catalogue)
    assert "NHS complaints procedure" not in body and PHSO not in body
