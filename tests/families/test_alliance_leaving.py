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


def test_for_cause_leaving_refers_to_clause_3_too(catalogue):
    """The for-cause variant (exit: for-cause) ends the Service Contract with the membership; it points to clause 3.3's
    ending term and clause 3.4 as the standard variant does, without restating the duty (r27 al-sample finding 16)."""
    sheet = next(p for p in ALLIANCE if p.stem == "mental-health-four-members-varied")
    doc = build(sheet, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.leaving")))
    precedence = clause(doc, "alliance.precedence").number
    assert f"Clause {precedence}.3(e) and clause {precedence}.4 apply to that ending of the Service Contract." in text
    assert "must ensure that the Provider's Service Contract contains" not in text


def test_general_clause_does_not_restate_the_subcontracting_consent(catalogue):
    """r27 al-sample finding 16: the general clause keeps the responsibility for subcontractors and cites the running
    clause's consent rule, instead of a second sub-clause repeating it."""
    sheet = next(p for p in ALLIANCE if p.stem == "complex-needs-eight-members")
    doc = build(sheet, catalogue).document
    general = _flat(text_of(clause(doc, "common.general")))
    running = _flat(text_of(clause(doc, "alliance.operations")))
    assert "without the consent required by clause" not in general
    assert ("A Party that subcontracts the performance of any of its obligations (which clause 16.12 governs) remains "
            "responsible for the performance of those obligations") in general
    assert "A Provider may subcontract the performance of any of its obligations under this Agreement only with the prior written consent" in running
