"""Former contracts varied under different laws (former_contracts[].varied_under): recital (C) and the key information
recite the route contract by contract, never a procurement's start as an award date, and the notes warn that varying a
grant agreement may make it a public contract (r33 al-fresh F1)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_JOINT

RECITALS = "alliance.recitals"
KEY = "alliance.key-information"


def _mixed() -> str:
    text = ALLIANCE_JOINT.read_text(encoding="utf-8")
    out = (text.replace("reference: WCC/MH/2024/07, annual_value: 1450000, commissioner: county}",
                        "reference: WCC/MH/2024/07, annual_value: 1450000, commissioner: county, varied_under: psr, "
                        "procurement_started: 2024-02-05}")
           .replace("reference: WCC/MH/2024/09, annual_value: 310000, commissioner: county}",
                    "reference: WCC/MH/2024/09, annual_value: 310000, commissioner: county, varied_under: grant}"))
    assert out.count("varied_under") == 2
    return out


def test_routes_recited_contract_by_contract(catalogue):
    doc = document_of(catalogue, _mixed())
    recitals = clause_text(doc, RECITALS, flat=True)
    assert ("WCC/MH/2024/07 (Community recovery teams (north and south)) is a health care contract awarded under the "
            "Health Care Services (Provider Selection Regime) Regulations 2023, varied as a modification permitted by "
            "regulation 13 of those Regulations, the procurement of which began on 5 February 2024") in recitals
    assert "grant agreement WCC/MH/2024/09 (Peer support and recovery college) is a grant agreement, not a contract" in recitals
    # the others follow the alliance's route (PCR 2015 reg. 72); no date is recited as an award date
    assert "WCC/MH/2024/08 (Wellbeing hubs and crisis café) is a contract let under the Public Contracts Regulations 2015" in recitals
    assert "awarded on" not in recitals
    key = clause_text(doc, KEY, flat=True)
    assert "WCC/MH/2024/09" in key and "grant agreement varied by agreement (not procured)" in key
    assert "modification under regulation 13 of the Health Care Services (Provider Selection Regime) Regulations 2023, " \
        "procurement begun on 5 February 2024" in key
    notes = " ".join(note(doc, RECITALS).split())
    assert "regulation 13 of S.I. 2023/1348" in notes
    assert "WCC/MH/2024/09 is a grant agreement, not procured" in notes and "Procurement Act 2023" in notes


def test_no_varied_under_keeps_the_alliance_route(catalogue):
    doc = document_of(catalogue, ALLIANCE_JOINT.read_text(encoding="utf-8"))
    recitals = clause_text(doc, RECITALS, flat=True)
    assert "each varied under the law that governs it" not in recitals
    assert "regulation 72 of the Public Contracts Regulations 2015" in recitals
    assert "is a grant agreement, not procured" not in " ".join(note(doc, RECITALS).split())
