"""r22 alliance review (lane al18): the money mechanisms (clauses 12 to 14 and Schedule 4) of the Tamarmouth sample
(al-sample) and the Haverleigh sheet (al-fresh)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.families.clause_texts import clause_text
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

R22 = Path("/work/review/r22")
SHEETS = ALLIANCE


def _sentences(text: str):
    for line in text.split("\n"):
        yield from re.split(r"(?<=[.;:])\s+(?=[A-Z(])", line)


HAVERLEIGH = Path(__file__).parent / "fixtures" / "alliance-haverleigh-r22.yaml"


@pytest.fixture(scope="module")
def haverleigh(catalogue):
    return build(HAVERLEIGH, catalogue).document


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_indexation_against_service_contract_prices_is_flagged(path, catalogue):
    """al-sample 6 (firing): indexed Annual Values with separate Service Contracts get a note that the contract
    prices must rise the same way or the Annual Value follow the contract price; quiet: no indexation, or one
    contract (this Agreement is the contract)."""
    built = build(path, catalogue)
    doc = built.document
    note = " ".join((clause(doc, "alliance.schedule-budget").note or "").split())
    flagged = "Where a Service Contract does not raise its price by the same increase" in note
    indexed = "Indexation Increase" in {d.term for d in doc.definitions}
    single = any(c.id == "alliance.structure" and c.variant == "single-contract" for c in doc.all_clauses())
    assert flagged == (indexed and not single)


