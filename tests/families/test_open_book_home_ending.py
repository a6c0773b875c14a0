"""Open-book: re-basing the Prices when the agreement ends for one home (clause 5.8(a), Schedule 3 Part 5)."""
from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of

FOXGLOVE = ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml"
_CACHE: dict = {}


def _load(catalogue, text):
    if text not in _CACHE:
        _CACHE[text] = document_of(catalogue, text)
    return _CACHE[text]


def test_a_home_ending_removes_the_weeks_the_cost_model_expects_there(catalogue):
    """r29 ob-fresh 3: the Elmsleigh/Tamsworth Price expects 352 weeks: 6 Core Places x 52 and the fourth Elmsleigh
    place about 40 weeks. Ending for Elmsleigh House removes 3 x 52 + 40 = 196 weeks and for Tamsworth Lodge 156, not
    the share by places (201.14 and 150.86); Schedule 3 works the factors through (0.9857 and 0.9994)."""
    d = _load(catalogue, FOXGLOVE.read_text(encoding="utf-8"))
    body = clause_text(d, "open-book.pricing", flat=True)
    assert "(Elmsleigh House 196 and Tamsworth Lodge 156 weeks a year of the Price for \"Residential placement, one " \
           "child, at Elmsleigh House or Tamsworth Lodge\", being 52 weeks for each of the Core Places at that home " \
           "and 40 weeks for each of its places that is not one of the Core Places; Sorrel Cottage 104 weeks a year" in body
    assert "201.14" not in body and "divided by all the places of that type" not in body
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "0.9857" in sched and "0.9994" in sched
    assert "201.14" not in sched


def test_without_core_places_at_each_home_the_share_by_places_stays(catalogue):
    """Quiet: where the homes do not give their Core Places, the model cannot say where the weeks fall, so the
    clause keeps the share by places."""
    text = re.sub(r"\n      core_places: \d+", "", FOXGLOVE.read_text(encoding="utf-8"))
    body = clause_text(_load(catalogue, text), "open-book.pricing", flat=True)
    assert "divided by all the places of that type" in body
    assert "Elmsleigh House 201.14 and Tamsworth Lodge 150.86 weeks" in body
    assert "being 52 weeks for each of the Core Places at that home" not in body
