"""r18b al-fresh (lane al10): phrases pasted from the term sheet read as the draft's defined terms, a party's short
name takes the right article, the recitals say which Commissioner each statement is about, and the notes fit the
structure, services and parties of the deal."""
from __future__ import annotations

from pathlib import Path

import pytest

from assembler.termsheet.validate import read_termsheet
from assembler.writers.text import to_text
from tests.families.test_alliance import ALLIANCE, build, clause, table_rows, text_of

ELLERBY = Path(__file__).parent / "fixtures" / "alliance-ellerby-single-contract.yaml"


@pytest.fixture(scope="module")
def ellerby(catalogue):
    return build(ELLERBY, catalogue)


def _schedule_rows(doc, clause_id):
    return {r[0]: r[1] for r in table_rows(clause(doc, clause_id))}


def _note(doc, clause_id):
    return clause(doc, clause_id).note or ""


