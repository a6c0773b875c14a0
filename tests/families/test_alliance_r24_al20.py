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


def read_model(path, catalogue):
    from tests.families.test_alliance import read_termsheet
    return read_termsheet(path, catalogue).model.alliance


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("alliance*.yaml"))


