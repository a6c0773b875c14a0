"""Two councils in a two-tier area commissioning one alliance (r40 al-twotier review): each Commissioner is recited
under its own tier's statutory functions."""

from __future__ import annotations

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import build, clause, flat as _flat, text_of
from tests.families.conftest import ALLIANCE_THORNSHIRE

FUNCTIONS = """  statutory_functions:
    - Part 7 of the Housing Act 1996 and section 1 of the Homelessness Act 2002 (the District Council's homelessness duties)
    - sections 1 and 2 of the Care Act 2014 (the County Council's wellbeing and prevention duties)
    - section 2B of the National Health Service Act 2006 (the County Council's public health duty)
"""


def _with_functions(tmp_path):
    text = ALLIANCE_THORNSHIRE.read_text(encoding="utf-8").replace("\nalliance:\n", "\nalliance:\n" + FUNCTIONS, 1)
    path = tmp_path / "two-tier.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _recital_a(doc) -> str:
    return _flat(text_of(clause(doc, "alliance.recitals")).split("The Parties wish to form")[0])


def test_given_functions_are_split_by_tier(tmp_path, catalogue):
    """Finding 1: the sheet's one functions list is split: each lower-tier council under Part 7 and s.1 of the
    Homelessness Act 2002 only, the county council under the Care Act, s.2B and s.213 only; the note agrees."""
    doc = assemble(read_termsheet(_with_functions(tmp_path), catalogue), catalogue, today=DRAFT_DATE).document
    recital = _recital_a(doc)
    parts = {c: recital.split(f"The {c} enters into this Agreement")[1].split("enters into this Agreement")[0]
             for c in ("County Council", "Borough Council", "District Council")}
    county, borough, district = parts["County Council"], parts["Borough Council"], parts["District Council"]
    assert "Care Act 2014" in county and "section 2B" in county and "section 213 of the Housing Act 1996" in county
    assert "Part 7 of the Housing Act 1996" not in county
    for lower in (borough, district):
        assert "Part 7 of the Housing Act 1996" in lower
        assert "Care Act 2014" not in lower and "section 2B" not in lower and "section 213" not in lower
    note = _flat(clause(doc, "alliance.recitals").note or "")
    assert "each under its own tier's functions only" in note
    assert "cited as the social services authority, not under Part 7" not in note


def test_one_council_keeps_the_whole_list(catalogue, tmp_path):
    """Finding 1 (quiet): a single council Commissioner (no two-tier pair) is recited under every function given."""
    from tests.families.conftest import ALLIANCE_SMALL
    text = ALLIANCE_SMALL.read_text(encoding="utf-8")
    assert "statutory_functions" not in text
    text = text.replace("\nalliance:\n", "\nalliance:\n" + FUNCTIONS, 1)
    path = tmp_path / "one.yaml"
    path.write_text(text, encoding="utf-8")
    recital = _recital_a(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document)
    assert "Part 7 of the Housing Act 1996" in recital and "Care Act 2014" in recital
    assert "section 213 of the Housing Act 1996" not in recital


def test_two_tier_without_given_functions_adds_section_213(catalogue):
    """Finding 1: where the functions are read from the services, the county council is recited under s.213 too."""
    recital = _recital_a(build(ALLIANCE_THORNSHIRE, catalogue).document)
    county = recital.split("The County Council enters into this Agreement")[1].split("enters into this Agreement")[0]
    assert "section 213 of the Housing Act 1996" in county
