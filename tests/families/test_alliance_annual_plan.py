"""What the alliance's Annual Plan must contain (clause 12.4), and that each item refers to the clause it relies on
(r28 al-fresh findings 5 and 11, Harrowdale)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import build, clause, flat, text_of


def _number_of(doc, words: str) -> str:
    """The number the draft gives the risk-reward paragraph that starts with words."""
    from assembler.model import Paragraph
    c = clause(doc, "alliance.risk-reward")
    for p in c.blocks:
        if isinstance(p, Paragraph) and p.text.startswith(words):
            return p.number
    raise AssertionError(words)


def test_advance_approval_item_refers_to_the_clause_that_sets_it(alliance_harrowdale):
    """Finding 11 (firing): the Annual Plan item on costs that vary with demand refers to the clause on advance
    approval, not the clause on overspend approval (numbers read from the draft)."""
    demand = _number_of(alliance_harrowdale, "The Annual Plan must state, for each Provider, an amount")
    overspend = _number_of(alliance_harrowdale, "A Provider's costs for an Alliance Year above its budget")
    assert demand != overspend
    sp = flat(text_of(clause(alliance_harrowdale, "alliance.service-planning")))
    assert f"the amount of its costs that vary with demand approved in advance under clause {demand};" in sp
    assert f"approved in advance under clause {overspend}" not in sp


def test_plan_allocates_each_funders_contribution_where_the_unfunded_clause_relies_on_it(alliance_harrowdale):
    """Finding 5 (firing): the ICB pays £680,000 into the Pooled Budget but holds no Service Contract, so the
    Council's right to cut the Services that contribution funds needs the Annual Plan to say which they are."""
    unfunded = next(p.number for p in clause(alliance_harrowdale, "alliance.leaving").blocks
                    if getattr(p, "text", "").startswith("The ICB is party to no Service Contract"))
    sp = flat(text_of(clause(alliance_harrowdale, "alliance.service-planning")))
    assert ("the part of each service line that each Commissioner's contribution to the Pooled Budget funds, for "
            f"the purposes of clause {unfunded};") in sp
    assert f"(as allocated in the Annual Plan)" in flat(text_of(clause(alliance_harrowdale, "alliance.leaving")))


@pytest.mark.parametrize("name", ["complex-needs-eight-members", "small-majority-three-members"])
def test_no_allocation_item_without_a_funder_outside_the_contracts(name, catalogue):
    """Finding 5 (quiet): one Commissioner, or every contributor party to the Service Contracts: no such item."""
    path = Path(__file__).parents[2] / "samples" / "alliance" / f"{name}.yaml"
    doc = build(path, catalogue).document
    assert "each Commissioner's contribution to the Pooled Budget funds" not in flat(
        text_of(clause(doc, "alliance.service-planning")))
