"""Alliance definitions say what a term means; the rules that set or change the amount live in clauses and schedules
the definition points to (r26 al-sample finding 18, r27 al-fresh finding 12)."""

from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT, samples
from tests.families.clause_texts import clause_text, definition

ALLIANCE = {p.stem: p for p in samples("alliance")}
FIXTURES = ROOT / "tests" / "families" / "fixtures"


def _doc(path, catalogue):
    return assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document


def _number(doc, clause_id):
    return next(c for c in doc.all_clauses() if c.id == clause_id).number


@pytest.fixture(scope="module")
def big(catalogue):
    return _doc(ALLIANCE["complex-needs-eight-members"], catalogue)


def test_annual_value_definition_points_to_schedule_5(big):
    schedule = _number(big, "alliance.schedule-budget")
    annual = definition(big, "Annual Value")
    assert annual.endswith(f"as set for each Alliance Year under Schedule {schedule}")
    for rule in ("Indexation Increase", "may instead agree", "Annual Plan", "negative"):
        assert rule not in annual


def test_schedule_5_sets_indexation_floor_and_agreed_values(big):
    text = clause_text(big, "alliance.schedule-budget", flat=True)
    assert ("For each later Alliance Year, the Annual Value of each Alliance Member is its Annual Value for the previous "
            "Alliance Year increased by the Indexation Increase for that Alliance Year. An Annual Value is not reduced "
            "where the Indexation Increase is negative.") in text
    # one Commissioner: the sentence names it and the Provider; the deadlock guard stays with the rule
    assert ("The Commissioner and a Provider may instead agree in writing another Annual Value for that Provider, "
            "under that Provider's Service Contract. That amount applies only once the ALT itself (and not the "
            "Commissioner deciding a deadlock under clause 9.") in text
    assert "that Alliance Member may instead agree" not in text


def test_two_commissioners_each_with_its_own_contracts(catalogue):
    doc = _doc(FIXTURES / "alliance-lynmere-r27i.yaml", catalogue)
    text = clause_text(doc, "alliance.schedule-budget", flat=True)
    assert ("The Commissioner party to a Provider's Service Contract and that Provider may instead agree in writing "
            "another Annual Value for that Provider, under that Provider's Service Contract.") in text
    assert "The Commissioner and a Provider" not in text


def test_no_indexation_keeps_the_first_year_value(catalogue):
    doc = _doc(ALLIANCE["small-majority-three-members"], catalogue)
    text = clause_text(doc, "alliance.schedule-budget", flat=True)
    assert "the Annual Value of each Alliance Member is the same as for the first Alliance Year." in text
    assert "Indexation Increase" not in text
    # single contract: no Service Contract to agree it under
    assert "may instead agree in writing another Annual Value for that Provider. That amount applies" in text


def test_delivery_costs_definition_points_to_schedule_4_which_holds_the_exclusions(big):
    schedule = _number(big, "alliance.schedule-risk-reward")
    costs = definition(big, "Delivery Costs")
    assert costs.endswith(f'under the part of Schedule {schedule} headed "Costs that count as Delivery Costs"')
    for rule in ("verified", "excluding VAT", "rent", "does not count under"):
        assert rule not in costs
    text = clause_text(big, "alliance.schedule-risk-reward", flat=True)
    overspend = next(c for c in big.all_clauses() if c.id == "alliance.risk-reward")
    assert "These costs never count as Delivery Costs: VAT; the Provider's Fee and any other profit or margin;" in text
    assert ("any cost met from rent, eligible service charges, housing benefit or the housing costs element of "
            "universal credit, as allocated in the Annual Plan;") in text
    assert f"any cost above the Provider's budget in the Annual Plan that does not count under clause {overspend.number}." in text
    assert "and its allocation of the housing costs excluded above, may be verified on an open-book basis under clause" in text
