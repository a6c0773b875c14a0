"""Ring-fenced grant money in the Services' funding: where the sheet's funding names the public health grant, the
service planning clause lets the council meet the grant's conditions (use of the money, information for its returns,
carry-forward), and the note says what to check (r29 al-fresh finding 9)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import build, clause, text_of

SAMPLE = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"
WELSH = ROOT / "samples" / "alliance" / "welsh-young-people-alliance.yaml"


def _with_funding(tmp_path, words: str):
    text = SAMPLE.read_text()
    old = "  purpose: >-\n"
    assert old in text
    sheet = tmp_path / "funding.yaml"
    sheet.write_text(text.replace(old, f"  funding: {words}\n" + old, 1))
    return sheet


def test_public_health_grant_conditions_clause(tmp_path, catalogue):
    """Firing: the funding names the public health grant, so the clause identifies, ring-fences and reports it."""
    sheet = _with_funding(tmp_path, "the Council's adult social care budget and part of its public health grant")
    c = clause(build(sheet, catalogue).document, "alliance.service-planning")
    body = _flat(text_of(c))
    assert "The Annual Plan must identify the Services that the Council's public health grant funds, and the amount of that grant for each." in body
    assert "Each Provider must use money from that grant only for the Services the Annual Plan identifies it for." in body
    assert ("Each Provider must give the Council, within 20 Business Days after being asked, the information the Council "
            "reasonably needs to account for money from that grant under the conditions of the grant") in body
    assert "is carried forward only so far as the conditions of the grant allow" in body
    note = _flat(c.note or "")
    assert "section 31 of the Local Government Act 2003" in note
    assert "for each year from 2026/27" in note or "for each year from 20" in note


def test_no_grant_named_no_clause(tmp_path, catalogue):
    """Quiet: funding that names no public health grant, and the Welsh sample, print no grant clause or note."""
    sheet = _with_funding(tmp_path, "the Council's adult social care budget")
    for path in (sheet, SAMPLE, WELSH):
        c = clause(build(path, catalogue).document, "alliance.service-planning")
        assert "public health grant" not in text_of(c)
        assert "public health grant" not in (c.note or "")
