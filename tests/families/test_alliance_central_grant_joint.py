"""A central government grant inside a joint-Commissioner alliance with a pooled budget (sprint J1): the central grant
clause names the council Commissioner that receives the grant, not "the Commissioner" that means each of two; its cut
overrides the Reserved Matters and the Target Cost rule as the unfunded-Services sub-clause does; and it reduces only
that council's contribution to the Pooled Budget. One Commissioner keeps "the Commissioner"."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, clause_ids, definition, flat, flat_note, text_of, variant_of
from tests.families.conftest import ALLIANCE_EASTMOOR, ALLIANCE_POOLED_PCC


def _flat_clause(doc, clause_id: str) -> str:
    return flat(text_of(clause(doc, clause_id)))

LEAD = "  lead_commissioner: council\n"
GRANT = LEAD + ("  central_grant: Drug and Alcohol Treatment and Recovery Improvement Grant from the Department of Health "
                "and Social Care\n")


def test_joint_commissioners_central_grant_names_the_council_and_overrides(catalogue):
    """Firing: two Commissioners and a pooled budget."""
    doc = variant_of(catalogue, ALLIANCE_POOLED_PCC, LEAD, GRANT)
    assert "alliance.central-grant" in clause_ids(doc)
    text = _flat_clause(doc, "alliance.central-grant")
    assert "This clause applies so far as the Council pays for the Services from a Central Government Grant." in text
    assert "the Commissioner " not in text
    assert ("The reduction takes effect despite clause 9 (including any Reserved Matter) and clause 13.2: the Target Cost "
            "and those Providers' budgets in the Annual Plan are reduced to match without any further decision, and the "
            "Council's contribution to the Pooled Budget is reduced by the same amount without changing any other "
            "Commissioner's contribution.") in text
    assert definition(doc, "Central Government Grant").startswith("any grant paid to the Council by a Minister")
    note = flat_note(doc, "alliance.central-grant")
    assert "The Council receives the grant, so the clause gives the grant's rights and duties to the Council" in note
    assert "The Commissioners commit £3,060,000 a year (the Council £1,830,000 of it, through the Pooled Budget)" in note
    assert "no Provider can veto a cut the grant forces; it reduces only the Council's contribution" in note


def test_single_commissioner_central_grant_keeps_the_commissioner(catalogue):
    """Quiet: one Commissioner (the G3 fixture) keeps "the Commissioner" and has no Pooled Budget sentence."""
    doc = build(ALLIANCE_EASTMOOR, catalogue).document
    text = _flat_clause(doc, "alliance.central-grant")
    assert "the Commissioner has given notice of a reduction under clause" in text
    assert "The reduction takes effect despite clause" in text
    assert "Pooled Budget" not in text
    assert "receives the grant, so the clause" not in flat_note(doc, "alliance.central-grant")
