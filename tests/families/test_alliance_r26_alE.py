"""r26 alliance review (lane alE), al-fresh findings (Stainmoor: an independent living and sensory support alliance of a
metropolitan borough council and four Providers; the Deaf Centre carries out BSL assessments and reviews for the council
and Brightledger runs direct payment managed accounts)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, read_termsheet, text_of
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from assembler.assemble import assemble
from tests.conftest import DRAFT_DATE

STAINMOOR = Path(__file__).parent / "fixtures" / "alliance-stainmoor-r26-alE.yaml"


@pytest.fixture(scope="module")
def stainmoor(catalogue):
    return build(STAINMOOR, catalogue).document


def _ids(doc):
    return {c.id for c in doc.all_clauses()}


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def _variant(catalogue, old, new):
    source = STAINMOOR.read_text()
    assert old in source
    return assemble(validate(load_text(source.replace(old, new, 1), STAINMOOR.name), catalogue), catalogue,
                    today=DRAFT_DATE).document


def test_irrelevant_boilerplate_left_out(stainmoor):
    """Finding 20 (firing): no assets, no rated service and no NHS body that could join, so no asset valuation or RICS
    nominator, no 'rating below good' and no NHS execution block."""
    disputes = _flat(text_of(clause(stainmoor, "common.disputes")))
    assert "value of any asset" not in disputes and "Royal Institution" not in disputes
    assert "Royal Institution" not in _note(stainmoor, "common.disputes")
    ops = _flat(text_of(clause(stainmoor, "alliance.operations")))
    assert 'rating below "good"' not in ops and "any enforcement action or condition that affects it" in ops
    assert "an NHS body, in the manner" not in _flat(text_of(clause(stainmoor, "alliance.schedule-accession")))


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_boilerplate_kept_where_relevant(path, catalogue):
    """Finding 20 (quiet): a sample with rated services keeps the rating line, one where health is in scope keeps the
    NHS execution block, and one whose Exit Plan passes on premises keeps their valuation."""
    sheet = read_termsheet(path, catalogue)
    a = sheet.model.alliance
    doc = build(path, catalogue).document
    ops = _flat(text_of(clause(doc, "alliance.operations")))
    if a.rated_regulators and not sheet.model.document.wales:
        assert 'rating below "good"' in ops
    if a.nhs_may_join:
        assert "an NHS body, in the manner" in _flat(text_of(clause(doc, "alliance.schedule-accession")))
    disputes = _flat(text_of(clause(doc, "common.disputes")))
    if a.assets_in_play and "expert determination" in disputes:  # r27 al-sample 17: the premises the Exit Plan passes on
        assert "value of any lease, management agreement or other interest in premises passed on under Schedule" in disputes
    elif "expert determination" in disputes:
        assert "value of any" not in disputes and "Chartered Surveyors" not in disputes


