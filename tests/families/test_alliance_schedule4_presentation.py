"""Schedule 4 presentation (sprint J1): the Commissioners' one amount of Pain stated once in the share table, not in
each Commissioner's row (I2 item 15); the gain-only reconciliation paid after the ALT's meeting or the Dispute, not
after a calculation "binds" (I2 item 16); and one pence rule for every worked example (r31 finding 17)."""
from __future__ import annotations

from assembler.model import Table, plain_text
from tests.families.clause_texts import build, clause, clause_text
from tests.families.conftest import ALLIANCE_JOINT, ALLIANCE_REABLEMENT, ALLIANCE_SMALL

SCHEDULE = "alliance.schedule-risk-reward"


def _doc(path, catalogue):
    return build(path, catalogue).document


def _example_tables(doc) -> list[list[list[str]]]:
    tables = [b for b in clause(doc, SCHEDULE).blocks if isinstance(b, Table)]
    return [[[plain_text(cell) for cell in row] for row in t.rows] for t in tables
            if "Left with" in plain_text(t.header[-1])]


def test_joint_commissioners_amount_is_stated_once(catalogue):
    """Firing: two Commissioners share one amount; the second row refers to it. Quiet: one Commissioner."""
    text = clause_text(_doc(ALLIANCE_JOINT, catalogue), SCHEDULE, flat=True)
    assert text.count("£100,000 a year for the Commissioners together") == 1
    assert "within the one amount for the Commissioners together, stated above" in text
    assert "stated above" not in clause_text(_doc(ALLIANCE_SMALL, catalogue), SCHEDULE, flat=True)


def test_gain_only_reconciliation_is_paid_after_the_meeting_or_dispute(catalogue):
    """Firing: gain only, where no calculation 'binds'. Quiet: gain and pain keeps 'the recalculation binds'."""
    gain_only = clause_text(_doc(ALLIANCE_REABLEMENT, catalogue), SCHEDULE, flat=True)
    assert ("paid within 30 days after the meeting of the ALT that considers the recalculation or, where an Alliance "
            "Member disagrees with it, after that Dispute is resolved") in gain_only
    assert "recalculation binds" not in gain_only
    assert "paid within 30 days after the recalculation binds" in clause_text(_doc(ALLIANCE_JOINT, catalogue), SCHEDULE, flat=True)


def _pence_by_column(tables) -> dict[int, set[bool]]:
    seen: dict[int, set[bool]] = {}
    for rows in tables:
        for row in rows:
            for i, cell in enumerate(row[1:], start=1):
                if cell.lstrip("-").startswith("£"):
                    seen.setdefault(i, set()).add("." in cell)
    return seen


def test_every_worked_example_shows_pence_alike(catalogue):
    """Firing: the joint sample's Example 2 has pence, so Examples 1 and 3 show them too in the same columns.
    Quiet: a sample whose examples are all in whole pounds shows no pence."""
    tables = _example_tables(_doc(ALLIANCE_JOINT, catalogue))
    assert len(tables) == 3
    seen = _pence_by_column(tables)
    assert all(len(v) == 1 for v in seen.values()), seen
    assert seen[3] == {True}  # the share column shows pence in every example
    assert tables[0][-1][3] == "£240,000.00" and tables[2][-1][3] == "-£280,000.00"  # the totals of Examples 1 and 3
    small = _pence_by_column(_example_tables(_doc(ALLIANCE_SMALL, catalogue)))
    assert all(v == {False} for v in small.values()), small
