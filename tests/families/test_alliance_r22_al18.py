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


