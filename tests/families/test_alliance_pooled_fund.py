"""Where the Commissioners pool their money under a section 75 agreement, a Provider's forfeited share of Gain and its
negative Balancing Amounts go back into the Pooled Budget, not to one Commissioner (r28 al-fresh finding 4,
Harrowdale: Council £1,020,000 and ICB £680,000 pooled, Council the Pooled Budget Holder); and the 12.15
reconciliation refers to the clause that says so (finding 11)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat
from tests.families.test_alliance import build, clause, text_of

FIXTURES = Path(__file__).parent / "fixtures"
HARROWDALE = FIXTURES / "alliance-harrowdale-r28l.yaml"
HAVERLEIGH = FIXTURES / "alliance-haverleigh-r22.yaml"


@pytest.fixture(scope="module")
def harrowdale(catalogue):
    return build(HARROWDALE, catalogue).document


def test_forfeited_gain_and_negative_balances_go_to_the_pooled_budget(harrowdale):
    """Finding 4 (firing): 13.10 credits the forfeited share to the Pooled Budget, applied under the pooled budget
    clause and the Section 75 Agreement; 13.27 has the Council credit negative Balancing Amounts to it; the 12.15
    statement counts both as received by the Commissioners pro rata to their contributions; the note agrees."""
    rr = flat(text_of(clause(harrowdale, "alliance.risk-reward")))
    assert ("That share is credited to the Pooled Budget and is applied as clause 12.9 and the Section 75 Agreement "
            "provide.") in rr
    assert "The Pooled Budget Holder must tell the ALT, within 3 months after the calculation binds" in rr
    assert "kept by the Council" not in rr
    assert "The Council must credit each negative Balancing Amount it receives to the Pooled Budget." in rr
    sp = flat(text_of(clause(harrowdale, "alliance.service-planning")))
    assert ("(counting any share of Gain credited to the Pooled Budget under clause 13.12, and any negative Balancing "
            "Amount credited to it under clause 13.29, as received by the Commissioners in proportion to their "
            "contributions to the Pooled Budget for that Alliance Year)") in sp
    note = flat(clause(harrowdale, "alliance.risk-reward").note)
    assert "goes back into the Pooled Budget" in note
    assert "stays with the Council" not in note


def test_without_a_section_75_pool_the_commissioner_keeps_the_share(catalogue):
    """Finding 4 (quiet) and finding 11: without a section 75 pooled fund the contract-holding Commissioner keeps
    the share as before, and the reconciliation refers to the clause that keeps it (not the gate)."""
    doc = build(HAVERLEIGH, catalogue).document
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "That share is credited to the Pooled Budget" not in rr
    assert "must credit each negative Balancing Amount" not in rr
    assert "That share is kept by" in rr


def test_recitals_state_the_funding_sources(harrowdale, catalogue):
    """r28 al-fresh finding 13 (firing): the sheet's funding words are recited; (quiet) a sheet without them (the
    sample) says nothing about the source of the money."""
    rec = flat(text_of(clause(harrowdale, "alliance.recitals")))
    assert ("The money for the Services comes from the Council's adult social care prevention budget and the ICB's "
            "mental health investment for adult autism and ADHD post-diagnostic support, pooled under the "
            "Commissioners' section 75 agreement.") in rec
    sample = build(Path(__file__).parents[2] / "samples" / "alliance" / "complex-needs-eight-members.yaml",
                   catalogue).document
    assert "The money for the Services comes from" not in flat(text_of(clause(sample, "alliance.recitals")))
