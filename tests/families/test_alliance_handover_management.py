"""A handover line that has a member grant a management agreement of its own buildings to the provider taking over
states no terms: the Exit Plan binds the member and that provider to agree them within 3 months, with expert
determination as the fallback, subject to lender consent and, for a charity, Part 7 of the Charities Act 2011; the
note raises tenure, charity land, lenders and exempt accommodation status (r37 al-fresh finding 11)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import build, clause_text, flat, note, variant_of

BIG = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"
GRANT = "with Harbour Light granting it a management agreement of"


def test_management_agreement_is_agreed_within_a_time_with_an_expert_fallback(catalogue):
    """Firing: the complex-needs sample's Harbour Light line grants a management agreement of the properties."""
    doc = build(BIG, catalogue).document
    body = flat(clause_text(doc, "alliance.schedule-exit"))
    assert "Where an arrangement above has Harbour Light grant a management agreement of premises" in body
    assert "agree and sign the management agreement within 3 months after the Commissioner names that provider" in body
    assert "the expert acts as an expert and not as an arbitrator" in body
    assert "restrictions on dispositions of charity land in Part 7 of the Charities Act 2011" in body
    text = flat(note(doc, "alliance.schedule-exit"))
    assert "on its own that is an agreement to agree" in text
    assert "exempt accommodation status depends on the landlord" in text and "S.I. 2006/217" in text


def test_no_management_agreement_no_paragraph(catalogue):
    """Quiet: the same sample with the handover line passing the service on without a management agreement."""
    source = BIG.read_text()
    i = source.index(GRANT)
    j = source.index("so that", i)
    doc = variant_of(catalogue, BIG, source[i:j], "with Harbour Light's co-operation ")
    assert "grant a management agreement of premises" not in flat(clause_text(doc, "alliance.schedule-exit"))
    assert "agreement to agree. The Exit Plan" not in flat(note(doc, "alliance.schedule-exit"))
