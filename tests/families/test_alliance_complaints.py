"""The complaints route in an alliance names the Parliamentary and Health Service Ombudsman only where a Provider
delivers NHS services: it is an NHS body, or its Service Contract is with an NHS Commissioner; an ICB's contribution
to a pool whose Service Contracts are all let by a council is not enough (r28 al-fresh finding 16)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import ALLIANCE_JOINT

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
