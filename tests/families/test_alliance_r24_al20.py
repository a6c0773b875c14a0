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


def test_retention_note_flags_the_code_periods(big):
    """Finding 13 (firing): the Retention row adds the Records Management Code's period for health records without
    stating an ambiguous period; the note says the instructions' period, the Code's periods and what to check."""
    sched = clause(big, "common.schedule-data-sharing")
    row = next(r for r in table_rows(sched) if r[0] == "Retention")[1]
    assert row.endswith("but health records are kept for at least the minimum period the Records Management Code of "
                        "Practice for Health and Social Care sets for them")
    note = _note(big, "common.schedule-data-sharing")
    # r25 al-sample 20 (shorter) and r26 al-sample 15 (the Code's edition as published online)
    assert ('The Retention row adds to the instructions ("6 years after a person\'s support ends, then deleted") the '
            "minimum periods the Records Management Code of Practice for Health and Social Care (first published in "
            "August 2021, current version updated on 7 August 2023: use its online retention schedule) sets for health "
            "records (usually 8 years for adult health records; for mental health records, 20 years after treatment ends "
            "or 10 years after death, Appendix II of the current edition saying which): confirm with the client.") in note


@pytest.mark.parametrize("path", [p for p in ALLIANCE if p != BIG], ids=lambda p: p.stem)
def test_retention_note_quiet_without_the_code(path, catalogue):
    """Finding 13 (quiet): no retention note where the row adds no Code period."""
    doc = build(path, catalogue).document
    found = [c for c in doc.all_clauses() if c.id == "common.schedule-data-sharing"]
    if not found:
        pytest.skip("no data-sharing schedule")
    row = next((r for r in table_rows(found[0]) if r[0] == "Retention"), ["", ""])[1]
    note = _note(doc, "common.schedule-data-sharing")
    assert ("Records Management Code" in row) == ("The Retention row adds to the instructions" in note)


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("alliance*.yaml"))


