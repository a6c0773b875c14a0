"""r42 al-prescribing finding 8: further urgent costs above the yearly limit commit a Commissioner's money, so under
the majority rule the ALT's approval needs the Commissioner (each Commissioner, where there are two) among those
voting for it, as the ordinary approval before costs are incurred does."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat, text_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_HAVERLEIGH


def test_further_urgent_costs_need_the_commissioner_vote(catalogue):
    """Firing: majority rule, a Commissioner that is a member, a yearly limit on urgent approvals."""
    doc = build(ALLIANCE_HAVERLEIGH, catalogue).document
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert ("Any further cost of that kind counts only if the ALT approves it by a decision under clause") in rr
    assert ("with the Commissioner among those voting for it, in which the Provider concerned does not vote.") in rr


def test_further_urgent_costs_under_unanimity_name_no_extra_vote(catalogue):
    """Quiet: under unanimity every member already votes for it, so the sentence adds nothing."""
    doc = build(ALLIANCE_BIG, catalogue).document
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    sentence = rr[rr.index("Any further cost of that kind"):]
    sentence = sentence[:sentence.index(".") + 1]
    assert "among those voting for it" not in sentence
    assert sentence.endswith("in which the Provider concerned does not vote.")
