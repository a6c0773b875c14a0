"""A Commissioner's contribution to the Pooled Budget in later years: it may follow the Annual Values, stay fixed or rise
by its own uplift set outside the Alliance (the BCF NHS minimum contribution uplift), and where it does not follow the
Annual Values the note says what the other Commissioner then funds (r34 al-fresh2 finding 2)."""
from __future__ import annotations

import pytest

from assembler.errors import UserError
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_HARROWDALE

CLAUSE = "alliance.service-planning"
_ICB_LINE = "        pays: in twelve equal monthly instalments on the 10th of each month, the first on 10 April 2027\n"
_UPLIFT = ("the percentage uplift in the NHS minimum contribution to the Better Care Fund for that financial year "
           "under the Better Care Fund policy framework")


def _icb(extra: str) -> str:
    text = ALLIANCE_HARROWDALE.read_text()
    assert _ICB_LINE in text
    return text.replace(_ICB_LINE, _ICB_LINE + extra)


def test_contribution_rises_by_its_own_uplift(catalogue):
    """Firing: indexed_by raises the ICB's contribution by its own uplift (or as the Section 75 Agreement sets it),
    the Council's makes up the balance, and the note tells the Council what that costs it."""
    doc = document_of(catalogue, _icb(f"        indexed_by: {_UPLIFT}\n"))
    text = clause_text(doc, CLAUSE, flat=True)
    assert ("until an Annual Plan sets it, for the ICB, its contribution for the previous Alliance Year increased by "
            + _UPLIFT + " (or by any other amount the Section 75 Agreement sets for that year) and, for each other "
            "Commissioner, its contribution for the previous Alliance Year changed so that the contributions add up") in text
    assert "unchanged (which no Annual Plan may increase" not in text
    n = flat(note(doc, CLAUSE))
    assert "the ICB's contribution rises only by " + _UPLIFT in n
    assert "So the Council funds the rest of every increase in the Annual Values from the Indexation Increase" in n
    assert "each 1% of indexation adds about £17,000 a year to the Pooled Budget" in n
    assert "which is a Reserved Matter here, so any member can block it" in n


def test_fixed_contribution_note_names_the_cost(catalogue):
    """Firing: a fixed contribution (indexed: false) leaves the Council funding all the indexation, and the note says so."""
    doc = document_of(catalogue, _icb("        indexed: false\n"))
    n = flat(note(doc, CLAUSE))
    assert "the ICB's contribution stays as it was" in n
    assert "each 1% of indexation adds about £17,000 a year to the Pooled Budget, all of it paid by the Council" in n


def test_quiet_where_every_contribution_follows_the_annual_values(catalogue):
    """Quiet: the fixture's contributions both follow the Annual Values: no uplift words, no cost note."""
    doc = document_of(catalogue, ALLIANCE_HARROWDALE.read_text())
    assert "increased by the percentage uplift" not in clause_text(doc, CLAUSE, flat=True)
    assert "Until an Annual Plan sets the contributions" not in flat(note(doc, CLAUSE))


def test_indexed_and_indexed_by_together_are_refused(catalogue):
    """Quiet/guard: a contribution cannot both follow the Annual Values and rise by its own uplift."""
    with pytest.raises(UserError, match="indexed_by"):
        document_of(catalogue, _icb(f"        indexed: true\n        indexed_by: {_UPLIFT}\n"))


_COUNCIL_LINE = "        pays: in two equal instalments in advance, on 1 April and 1 October\n"


def test_every_contribution_set_outside_the_annual_values_has_a_shortfall_rule(catalogue):
    """Firing (r44d al-homefirst 5): the Council's contribution fixed and the ICB's raised by its own uplift, so no
    Commissioner balances the Pooled Budget: the clause drops the empty balancing limb and says what happens when
    the contributions fall short of the Annual Values (a revised Annual Plan; no Commissioner pays more unless it agrees)."""
    text = _icb(f"        indexed_by: {_UPLIFT}\n").replace(_COUNCIL_LINE, _COUNCIL_LINE + "        indexed: false\n", 1)
    clause = clause_text(document_of(catalogue, text), CLAUSE, flat=True)
    assert "for each other Commissioner, its contribution for the previous Alliance Year changed" not in clause
    assert "Where the contributions so set for an Alliance Year are less than the total of the Providers' Annual Values" in clause
    assert "No Commissioner is bound to contribute more than its contribution so set unless it agrees." in clause


def test_no_shortfall_rule_where_a_commissioner_balances(catalogue):
    """Quiet: where one Commissioner's contribution balances the Pooled Budget, no shortfall rule is needed."""
    clause = clause_text(document_of(catalogue, _icb(f"        indexed_by: {_UPLIFT}\n")), CLAUSE, flat=True)
    assert "Where the contributions so set" not in clause
