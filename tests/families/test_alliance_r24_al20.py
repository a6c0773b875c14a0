"""r24 alliance review (lane al20), al-sample findings (Tamarmouth, the eight-member complex-needs sample)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from assembler.model import Table, plain_text
from tests.families.test_alliance import ALLIANCE, BIG, build, clause, table_rows, text_of


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def _row(doc, item):
    return next(r for r in table_rows(clause(doc, "alliance.key-information")) if r[0].startswith(item))


def _share_table(doc):
    for b in clause(doc, "alliance.schedule-risk-reward").blocks:
        if isinstance(b, Table):
            rows = [[plain_text(cell) for cell in b.header]] + [[plain_text(cell) for cell in row] for row in b.rows]
            if rows[0][0] == "Alliance Member":
                return rows
    raise AssertionError("no share table")


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def test_cross_references_point_at_the_right_sub_clauses(big):
    """Findings 6, 7, 8, 9, 12, 15: each reference goes through the reference mechanism to the right sub-clause."""
    assert "(clause 13.2 and clause 13.3)" in _row(big, "Target Cost")[1]
    rr = text_of(clause(big, "alliance.schedule-risk-reward"))
    assert "the Target Cost (under clause 13.3)" in rr
    term = text_of(clause(big, "alliance.term-termination"))
    assert ("the Alliance Manager may be appointed under clause 8.7, and the first Annual Plan prepared and "
            "approved under clause 12.1 and clause 12.2, from then") in term
    assert "A Provider may be removed from the Alliance only under this clause 30.4, under clause 30.5 or under clause 31.8(b)." in term
    assert "Nothing in this clause 12.9 limits the obligations" in text_of(clause(big, "alliance.service-planning"))  # r26 al-sample 12
    alt = text_of(clause(big, "alliance.schedule-alt"))
    assert "report on performance against the Key Performance Indicators as clause 7.4 requires" in alt
    assert "report to every meeting on performance" not in alt


def read_model(path, catalogue):
    from tests.families.test_alliance import read_termsheet
    return read_termsheet(path, catalogue).model.alliance


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("alliance*.yaml"))


