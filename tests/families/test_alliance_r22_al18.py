"""r22 alliance review (lane al18): the money mechanisms (clauses 12 to 14 and Schedule 4) of the Tamarmouth sample
(al-sample) and the Haverleigh sheet (al-fresh)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, text_of

R22 = Path("/work/review/r22")
SHEETS = ALLIANCE


def _sentences(text: str):
    for line in text.split("\n"):
        yield from re.split(r"(?<=[.;:])\s+(?=[A-Z(])", line)


@pytest.mark.parametrize("path", SHEETS, ids=lambda p: p.stem)
def test_money_mechanism_sentences_are_split(path, catalogue):
    """al-sample 19: the overspend approvals, the forecast, the part year, the first Annual Plan, the settlement and
    the rolling KPI rule read as lettered sub-clauses, one rule each."""
    doc = build(path, catalogue).document
    rr = text_of(clause(doc, "alliance.risk-reward"))
    gain_and_pain = clause(doc, "alliance.risk-reward").variant == "gain-and-pain"
    assert gain_and_pain or "The Target Cost for an Alliance Year is reduced by:" not in rr
    assert not gain_and_pain or "reduced by:\nthe amount by which" in rr
    assert not gain_and_pain or "Pain Cap is reached (calculated under paragraph 3 of Schedule 4):\nthe Alliance Manager must give" in rr
    assert not gain_and_pain or "must not unreasonably withhold approval;\nmust report each approval" in rr
    assert not gain_and_pain or "only as clause" not in rr  # no approval rule that only points to another
    assert not gain_and_pain or "is still calculated once for the whole Alliance Year, and:\neach Provider's Annual Value" in rr
    assert not gain_and_pain or "(where it is challenged, after the Reviewing Accountant's decision).\nA Balancing Amount is paid as" in rr
    plan = text_of(clause(doc, "alliance.service-planning"))
    assert "Until the ALT approves the first Annual Plan:\nthe draft binds no one;" in plan
    assert "The draft Annual Plan must set out:\n" in plan
    perf = text_of(clause(doc, "alliance.performance"))
    assert re.search(r"For clause \d+\.\d+:\nperformance is worse than a level", perf)
    for cid, text in (("service-planning", plan), ("performance", perf)):
        long = [s for s in _sentences(text) if len(s.split()) > 50 and not s.startswith(("As between", "Within 30 days"))]
        assert not long or cid == "service-planning" and all("must establish" in s for s in long), long
