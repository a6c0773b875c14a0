"""The note to the recitals tests each varied former contract's increase against its modification grounds, from the
sheet's figures (former_contracts[].annual_value against the Provider's annual_value; PCR 2015 reg. 72(5) and the light
touch threshold, PSR reg. 13(2), a grant's none) (r33 al-fresh F6)."""
from __future__ import annotations

from tests.families.clause_texts import document_of, flat, note
from tests.families.conftest import ALLIANCE_JOINT
from tests.families.test_alliance_former_routes import _mixed

RECITALS = "alliance.recitals"


def _grown(text: str) -> str:
    """The joint sample with its first former contract worth £200,000 a year less than its holder's Annual Value."""
    before = "reference: WCC/MH/2024/07, annual_value: 1450000"
    assert text.count(before) == 1
    return text.replace(before, "reference: WCC/MH/2024/07, annual_value: 1250000", 1)


def test_psr_increase_tested_against_regulation_13(catalogue):
    """Firing: a PSR contract's increase over the term is set against the £500,000 / 25% test with the sheet's figures."""
    doc = document_of(catalogue, _grown(_mixed()))
    n = flat(note(doc, RECITALS))
    assert "The modification grounds, from the instructions' figures" in n
    assert "£1,250,000 a year becomes" in n
    assert "regulation 13(2) of S.I. 2023/1348" in n


def test_pcr_increase_tested_against_regulation_72(catalogue):
    """Firing: under the sample's own route (PCR 2015 modifications) the increase is set against regulation 72(5) and
    the other grounds are listed once."""
    doc = document_of(catalogue, _grown(ALLIANCE_JOINT.read_text(encoding="utf-8")))
    n = flat(note(doc, RECITALS))
    assert "£1,250,000 a year becomes" in n and "regulation 72(5) of the Public Contracts Regulations 2015" in n
    assert n.count("a review clause in the original documents (72(1)(a))") == 1


def test_no_grounds_note_without_an_increase(catalogue):
    """Quiet: the joint sample as it stands (no former contract below its holder's Annual Value) has no such note."""
    doc = document_of(catalogue, ALLIANCE_JOINT.read_text(encoding="utf-8"))
    assert "The modification grounds" not in flat(note(doc, RECITALS))
