"""r20 alliance reviews (lane al14): the Target Cost follows what is paid, capacity not delivered never earns Gain,
cross-reference lists, quorum, rolling KPI figures, pooled budget wording and drafting splits."""
from __future__ import annotations

import pytest

from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of
from tests.families.clause_texts import flat as _flat


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def test_notes_that_do_not_apply_are_trimmed(big, catalogue):
    """al-sample 21: one index, no composite-index words; no Scottish/Northern Irish/Welsh boilerplate where every
    party is in England; no check that a council is a public authority; a city council with social services
    functions is unitary. The Welsh sample keeps its Welsh sentence (quiet)."""
    budget = " ".join(clause(big, "alliance.schedule-budget").note.split())
    assert "the share of the Annual Value it applies to" not in budget and "as a formula: the measure and the figure compared" in budget
    law = " ".join(clause(big, "common.governing-law").note.split())
    assert "no Party gives an address in Scotland or Northern Ireland" in law and "Welsh" not in law and "OSCR" not in law
    defs = " ".join(clause(big, "common.definitions").note.split())
    assert "is a public authority under Schedule 1" not in defs
    functions = " ".join(clause(big, "common.statutory-functions").note.split())
    # r24 al-sample 16: "city council" does not make it unitary, so the note states the assumption
    assert "if, as assumed, it is a unitary council, it is also the local housing authority (homelessness and allocation): confirm" in functions
    assert "rather than a county council" not in functions
    welsh = next(p for p in ALLIANCE if "welsh" in p.stem)
    wlaw = " ".join(clause(build(welsh, catalogue).document, "common.governing-law").note.split())
    assert "For a Welsh public body" in wlaw


