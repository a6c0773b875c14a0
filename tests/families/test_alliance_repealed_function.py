"""Statutory functions that recite a provision known to be repealed (law.yaml entries with `until`, matched by
REPEALED_PROVISIONS): recital (A) leaves it out, the recitals note says why, and ALLIANCE-REPEALED-FUNCTION warns
(r44 al-homefirst finding 2)."""
from __future__ import annotations

import datetime as dt

from tests.families.clause_texts import clause_text, document_of, flat_note
from tests.families.conftest import ALLIANCE_BIG
from tests.rules.helpers import text_findings

RULE = "ALLIANCE-REPEALED-FUNCTION"
REPEALED = "section 91 of and Schedule 3 to the Care Act 2014 (discharge of hospital patients with care and support needs)"
IN_FORCE = "sections 9, 18 and 19 of the Care Act 2014 (assessing and meeting needs for care and support)"


def _text(*functions: str) -> str:
    lines = ALLIANCE_BIG.read_text().splitlines(keepends=True)
    i = next((n for n, l in enumerate(lines) if l.startswith("  statutory_functions:")), None)
    if i is None:  # the sample recites none: add them before the alliance's term
        i = j = next(n for n, l in enumerate(lines) if l.startswith("  term:"))
    else:
        j = i + 1
        while j < len(lines) and lines[j].startswith("    - "):
            j += 1
    block = ["  statutory_functions:\n", *(f"    - {f}\n" for f in functions)]
    return "".join(lines[:i] + block + lines[j:])


def _rules(catalogue, text: str) -> list[str]:
    return text_findings(catalogue, text, ALLIANCE_BIG.name, today=dt.date(2026, 12, 5)).get(RULE, [])


def test_repealed_function_is_left_out_and_warned(catalogue):
    """Firing: the repealed Schedule is not recited, the note names the repeal, the rule warns."""
    text = _text(IN_FORCE, REPEALED)
    doc = document_of(catalogue, text)
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert "Schedule 3 to the Care Act 2014" not in recitals and "sections 9, 18 and 19 of the Care Act 2014" in recitals
    n = flat_note(doc, "alliance.recitals")
    assert "which recital (A) leaves out" in n and "repealed from 1 July 2022 by Health and Care Act 2022" in n
    found = _rules(catalogue, text)
    assert len(found) == 1 and "repealed from 1 July 2022" in found[0]


def test_functions_in_force_are_quiet(catalogue):
    """Quiet: only functions in force."""
    text = _text(IN_FORCE)
    assert _rules(catalogue, text) == []
    assert "which recital (A) leaves out" not in flat_note(document_of(catalogue, text), "alliance.recitals")
