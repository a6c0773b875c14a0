"""Leaving the Alliance: the right to end a departing Provider's Service Contract points to the list of terms each
Service Contract must contain (clause 3.3) and the route where the law does not permit one (clause 3.4) instead of
restating them (r27 al-sample finding 16)."""
from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

LYNMERE = Path(__file__).parent / "fixtures" / "alliance-lynmere-r27i.yaml"


def test_service_contract_ending_refers_to_clause_3(catalogue):
    """Firing: separate Service Contracts."""
    doc = build(LYNMERE, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.leaving")))
    assert "Clause 3.3(f) and clause 3.4 apply to that right to end the Service Contract." in text
    assert "must ensure that the Provider's Service Contract contains a right to end it" not in text


def test_single_contract_keeps_its_own_words(catalogue):
    """Quiet: a single-contract alliance has no clause 3.3 list to point to."""
    sheet = next((p for p in ALLIANCE if "small-majority" in p.name))
    text = _flat(text_of(clause(build(sheet, catalogue).document, "alliance.leaving")))
    assert "apply to that right to end the Service Contract" not in text
