"""Schedule 5's service-line budgets where a Provider's Fee leaves out ring-fenced payments to people (or
pass-through costs) that sit in one of its lines: service_lines[].outside_fee places them, so each line bears the Fee
on its value less them, and ALLIANCE-LINE-FEE-BASE asks for the field where it is missing or does not add up
(r43 al-careleavers note 9)."""
from __future__ import annotations

import datetime as dt

from assembler.model import Table, plain_text
from tests.families.clause_texts import clause, clause_text, document_of
from tests.families.conftest import ALLIANCE_CARELEAVERS_R43
from tests.rules.helpers import text_findings

LODGINGS = "        annual_value: 600000\n"
RULE = "ALLIANCE-LINE-FEE-BASE"


def _text(outside: str | None) -> str:
    text = ALLIANCE_CARELEAVERS_R43.read_text()
    assert LODGINGS in text
    return text.replace(LODGINGS, LODGINGS + f"        outside_fee: {outside}\n", 1) if outside else text


def _rules(catalogue, text: str) -> list[str]:
    return text_findings(catalogue, text, ALLIANCE_CARELEAVERS_R43.name, today=dt.date(2026, 12, 5)).get(RULE, [])


def _budgets(doc) -> dict[str, str]:
    tables = [b for b in clause(doc, "alliance.schedule-budget").blocks if isinstance(b, Table)]
    rows = [[plain_text(cell) for cell in row] for t in tables for row in t.rows]
    return {r[1][:20]: r[-1] for r in rows if len(r) == 4 and r[0].startswith("Brackenfield")}


def test_ring_fenced_payments_placed_in_their_line(catalogue):
    """Firing: the host allowances sit in the supported lodgings line, so that line bears 4% of £275,000 only."""
    doc = document_of(catalogue, _text("325000"))
    assert _budgets(doc) == {"Ofsted-registered su": "£1,142,400", "Staffed flats for ca": "£336,000",
                             "Supported lodgings w": "£589,000"}
    assert "less the payments or costs in that line on which no Fee is paid" in clause_text(
        doc, "alliance.schedule-budget", flat=True)
    assert _rules(catalogue, _text("325000")) == []


def test_unplaced_payments_spread_as_before_and_are_flagged(catalogue):
    """Quiet for the wording (the Fee follows the whole values, as before); the rule asks which line holds them."""
    doc = document_of(catalogue, _text(None))
    assert _budgets(doc)["Supported lodgings w"] == "£579,644.86"
    assert "the same proportion of the Provider's Fee" in clause_text(doc, "alliance.schedule-budget", flat=True)
    messages = _rules(catalogue, _text(None))
    assert len(messages) == 1 and "Brackenfield Housing Group Limited's Fee leaves out £325,000" in messages[0]


def test_placed_amount_that_does_not_add_up_is_flagged(catalogue):
    messages = _rules(catalogue, _text("300000"))
    assert len(messages) == 1 and "give £300,000 as outside_fee, but its Fee leaves out £325,000" in messages[0]
