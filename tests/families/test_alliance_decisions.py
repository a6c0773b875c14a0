"""Decisions of the ALT under majority voting: how an agreed Reserved Matter on closing or ending a service meets a
cut in a Commissioner's funding and a move of services under the Exit Plan (r27 al-fresh finding 8)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import build, clause, text_of

LYNMERE = Path(__file__).parent / "fixtures" / "alliance-lynmere-r27i.yaml"
CLOSURE = "      - Closing a Meeting Centre or ending a service in any market town\n"


@pytest.fixture(scope="module")
def lynmere(catalogue):
    return build(LYNMERE, catalogue).document


def test_funding_cut_takes_one_route_past_a_closure_reserved_matter(lynmere):
    """Firing: a closure Reserved Matter does not give a Provider a veto over a change that follows a Commissioner's
    funding cut; the clause that governs the reduction (the later-years contributions) is cited, the revised Annual
    Plan passes by the ordinary rule, and a move under the Exit Plan is not a closure. The note asks for the places
    to be named and says a Provider can still refuse a cut in its own Annual Value (the Target Cost is reserved)."""
    text = _flat(text_of(clause(lynmere, "alliance.decisions")))
    assert ("A change to the Services that follows a reduction in the money a Commissioner has approved for them is "
            "not a Reserved Matter, even where it closes, reduces or ends a service or place that a Reserved Matter "
            "names.") in text
    assert "Clause 12.9 governs the reduction" in text
    assert "with the closure or other change it makes, is decided under clause 9.3." in text
    assert ("clause 9.3. Moving a service or place to another provider under clause 26 or the Exit Plan does not "
            "close or end it.") in text
    note = _flat(clause(lynmere, "alliance.decisions").note or "")
    assert '"closing a Meeting Centre or ending a service in any market town"' in note
    assert "name each one it covers, with its address, in Part 1 of Schedule 1" in note
    assert "a Provider can still refuse a cut in its own Annual Value" in note


def test_no_funding_cut_route_without_a_closure_reserved_matter(tmp_path, catalogue):
    """Quiet: without a Reserved Matter on closing or ending a service, neither the clause nor the note changes."""
    text = LYNMERE.read_text()
    assert CLOSURE in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(CLOSURE, "", 1))
    doc = build(sheet, catalogue).document
    assert "follows a reduction in the money" not in _flat(text_of(clause(doc, "alliance.decisions")))
    assert "Part 1 of Schedule 1" not in _flat(clause(doc, "alliance.decisions").note or "")
