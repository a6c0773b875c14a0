"""r25 alliance review (lane alC): drafting notes (al-sample finding 20 and 15, al-fresh findings 10 to 19)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, BIG, build, clause

KINGSHOLT = Path(__file__).parent / "fixtures" / "alliance-kingsholt-r25.yaml"


@pytest.fixture(scope="module")
def kingsholt(catalogue):
    return build(KINGSHOLT, catalogue).document


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def note(doc, cid) -> str:
    return _flat(clause(doc, cid).note or "")


def test_recitals_note_is_the_one_psr_note_and_states_the_s53_point_once(big):
    """al-sample findings 15, 19 and 20: one PSR note, the s.53(5) point in one line, no 'row 8'."""
    text = note(big, "alliance.recitals")
    assert text.count("section 53(5)") == 1
    assert "Schedule 1 row 8" not in text and "the light touch contracts entry in Schedule 1" in text
    assert "Provider Selection Regime (the other notes refer to this one)" in text
    assert "regulation 13 of S.I. 2023/1348" in text
    assert "For that reason recital (C)" not in text
    for cid in ("alliance.precedence", "alliance.changes"):
        other = note(big, cid)
        assert "see the recitals note" in other and "section 53(5)" not in other


def test_recitals_note_pastes_no_health_examples_where_no_service_is_health_care(kingsholt):
    """al-fresh finding 10 (firing): no substance-use or palliative examples, no 'accommodation and support'."""
    text = note(kingsholt, "alliance.recitals")
    for pasted in ("substance use", "palliative", "accommodation and support"):
        assert pasted not in text
    assert "none of the Services is described as health care" in text
    assert "the copy is due within 90 days" in text


def test_recitals_note_names_the_health_contracts_where_there_are_some(big):
    """al-fresh finding 10 (quiet): a deal with health care contracts still has them named."""
    text = note(big, "alliance.recitals")
    assert "Recovery CIC (community substance use treatment" in text
    assert "none of the Services is described as health care" not in text


def test_statutory_functions_note_names_a_london_borough_as_such(kingsholt):
    """al-fresh finding 16 (firing): Kingsholt is a London borough council, not 'a unitary council'."""
    text = note(kingsholt, "common.statutory-functions")
    assert "as a London borough council, it is also the local housing authority" in text
    assert "unitary" not in text


def test_statutory_functions_note_keeps_unitary_for_other_councils(big):
    """al-fresh finding 16 (quiet): a city council marked upper tier stays 'a unitary council'."""
    text = note(big, "common.statutory-functions")
    assert "London borough" not in text


def _part3(doc):
    from tests.families.test_alliance import table_rows
    c = clause(doc, "alliance.schedule-outcomes")
    from assembler.model import Table, plain_text
    tables = [b for b in c.blocks if isinstance(b, Table)]
    t = next(t for t in tables if plain_text(t.header[1]) == "Better")
    return [[plain_text(h) for h in t.header]] + [[plain_text(cell) for cell in row] for row in t.rows]


