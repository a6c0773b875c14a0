"""Recital (C) and the key information's procurement row take their route from one decision,
Alliance.route_recital(structure, wales): the kind of recital, the Former Contracts' routes, the other Providers' own
routes and the contract holders named. Each clause keeps its own words; these tests pin the decision and that the two
clauses agree."""
from __future__ import annotations

import re

from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_JOINT, ALLIANCE_LYNMERE, ALLIANCE_SMALL
from tests.families.test_alliance_former_routes import _mixed


def _route(path, catalogue, structure="over-contracts", wales=False):
    return read_termsheet(path, catalogue).model.alliance.route_recital(structure, wales)


def test_route_kinds(catalogue):
    assert _route(ALLIANCE_BIG, catalogue).kind == "stated"  # open procedure, health care contracts, the view recorded
    assert _route(ALLIANCE_SMALL, catalogue).kind == "arrangements"
    assert _route(ALLIANCE_SMALL, catalogue).light_touch_words
    assert not _route(ALLIANCE_SMALL, catalogue).own_named  # no Provider Selection Regime award of its own
    lynmere = _route(ALLIANCE_LYNMERE, catalogue)
    # the Trust's Provider Selection Regime route is settled by the sheet, so no contract is at risk and the
    # contracts the procurement awarded are named beside it
    assert lynmere.kind == "arrangements" and lynmere.own_named and lynmere.named
    assert [r.member.key for r in lynmere.own] == list(lynmere.by)
    # the single-contract structure recites no Service Contracts' routes
    assert _route(ALLIANCE_BIG, catalogue, "single-contract").kind == "arrangements"


def test_former_contracts_recited_in_both_clauses(catalogue, tmp_path):
    """Firing: varied Former Contracts with their own laws: both clauses list each one and nothing else."""
    doc = document_of(catalogue, _mixed())
    recital = clause_text(doc, "alliance.recitals", flat=True)
    key = clause_text(doc, "alliance.key-information", flat=True)
    for ref in ("WCC/MH/2024/07", "WCC/MH/2024/08", "WCC/MH/2024/09"):
        assert ref in recital and ref in key
    assert "The arrangements set out in this Agreement were put in place following" not in recital
    sheet = tmp_path / "mixed.yaml"
    sheet.write_text(_mixed(), encoding="utf-8")
    assert _route(sheet, catalogue).kind == "former"


def test_unstated_route_in_both_clauses(catalogue):
    """Open procedure beside health care contracts, with no recorded view of the law: both clauses say only that
    there was a procurement, begun on the sheet's date."""
    text = re.sub(r"\n  health_care_assessment:.*(\n    .*)*", "", ALLIANCE_BIG.read_text(encoding="utf-8"), count=1)
    doc = document_of(catalogue, text)
    assert "The Service Contracts were awarded following a procurement which began on" in clause_text(doc, "alliance.recitals", flat=True)
    assert "the procurement begun on" in clause_text(doc, "alliance.key-information", flat=True)


def test_joint_route_unchanged(catalogue):
    """Quiet: the joint-commissioners sample without varied_under keeps the alliance's route in both clauses."""
    r = _route(ALLIANCE_JOINT, catalogue)
    assert r.kind == "arrangements" and not r.former and not r.own
