"""Schedule 5's service-line table (r37 al-fresh finding 5): where the Provider is paid a Fee, each line shows its
part of the Annual Value and its budget net of the Fee, so that the line budgets add up to the budget the risk and
reward clause uses (Annual Value less Fee)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of

SHEET = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"
LINES = ("    annual_value: 610000\n"
         "    service_lines:\n"
         "      - {service: Supported accommodation for young people aged 16 to 24 (42 units), annual_value: 400000}\n"
         "      - {service: A joint assessment and move-on panel, annual_value: 210000}\n")


def _doc(catalogue, fee: bool):
    source = SHEET.read_text().replace("    annual_value: 610000\n", LINES, 1)
    if fee:
        source = source.replace("    basis: agreed\n    target_cost: 900000\n",
                                "    basis: agreed\n    target_cost: 900000\n    fee: {percent: 5}\n", 1)
        assert "fee: {percent: 5}" in source
    return document_of(catalogue, source)


def test_line_budgets_net_of_fee(catalogue):
    """Firing: a 5% Fee on 610,000 (30,500) is shared 20,000 and 10,500 between the lines, so the line budgets are
    380,000 and 199,500, adding up to 579,500 (Annual Value less Fee)."""
    text = " ".join(clause_text(_doc(catalogue, True), "alliance.schedule-budget").split())
    assert "Annual Value Budget (net of Fee)" in text
    assert "£400,000 £380,000" in text and "£210,000 £199,500" in text
    assert "A Provider's line budgets add up to its budget (its Annual Value less its Fee)" in text


def test_line_budgets_without_fee(catalogue):
    """Quiet: with no Fee a line's budget is its value, in one column."""
    text = " ".join(clause_text(_doc(catalogue, False), "alliance.schedule-budget").split())
    assert "Budget for the first Alliance Year" in text and "£400,000" in text
    assert "net of Fee" not in text
