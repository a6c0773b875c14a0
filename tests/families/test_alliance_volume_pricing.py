"""Alliance service lines paid by the unit (members[].service_lines[].volume; r42 al-extracare finding 1 and findings
on Schedule 4 para 6, the Schedule 7 sensitivity and Reserved Matter 9.4(c); r40 al-resettle finding 1): the Annual
Value moves at the year end by the Commissioned Units above or below the Planned Units at the Unit Price, the budget
at the Unit Cost and the Target Cost at the Unit Cost plus the Fee, so that volume makes no Gain or Pain; the Annual
Plan states the units and prices; assessment-driven changes are not a Reserved Matter; Schedule 4 works an example
and the reconciliation schedule tests volume per Provider instead of occupancy."""
from __future__ import annotations

from decimal import Decimal

import pytest

from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.families.clause_texts import alliance_key_row, all_text, clause_text, clause, definition, document_of, note, table_rows, variant_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_FENMARSH
from tests.rules.helpers import findings

BROOKSIDE_VOLUME = "        volume: {unit: hour of care, unit_price: 26.40, planned_units: 41600, variable_cost: 21.10}\n"
SALTMARSH_VOLUME = "        volume: {unit: hour of care, unit_price: 26.40, planned_units: 34320, variable_cost: 21.10}\n"


def _fixed(catalogue):
    """The same alliance with every line a fixed budget (no volume field)."""
    text = ALLIANCE_FENMARSH.read_text().replace(BROOKSIDE_VOLUME, "").replace(SALTMARSH_VOLUME, "")
    return document_of(catalogue, text)


@pytest.fixture(scope="module")
def doc(catalogue):
    return variant_of(catalogue, ALLIANCE_FENMARSH, BROOKSIDE_VOLUME, BROOKSIDE_VOLUME)


def test_model_figures(catalogue):
    """Firing: the volume rows and a 5% step on the sheet's figures (£26.40 price, £21.10 variable cost, 5% Fee)."""
    a = validate(load_text(ALLIANCE_FENMARSH.read_text(), "t.yaml"), catalogue).model.alliance
    [b, s] = a.volume_lines
    assert (b.member.key, b.planned_value, b.unit_cost, b.units_word) == ("brookside", Decimal("1098240.00"), Decimal("21.10"), "hours of care")
    assert s.planned_value == Decimal("906048.00")
    up = b.step(5)
    assert (up.change, up.value_change, up.cost_change, up.fee_change) == (Decimal(2080), Decimal("54912.00"), Decimal("43888.00"), Decimal("2745.60"))
    assert up.target_change == Decimal("46633.60") and up.balancing_change == Decimal("-8278.40")
    assert [m.key for m in a.volume_members] == ["brookside", "saltmarsh"]


def test_volume_clause_adjusts_annual_value_budget_and_target(doc):
    """Firing: the clause lists the lines and moves the three figures; volume is outside Gain and Pain."""
    text = clause_text(doc, "alliance.volume-adjustment", flat=True)
    assert "Brookside" in text and "Saltmarsh" in text and "each hour of care" in text
    assert "£26.40" in text and "41,600" in text and "£1,098,240" in text and "£21.10" in text
    assert "by the Unit Price, is added to the Provider's Annual Value for that year" in text
    assert "by the Unit Cost, is added to the Provider's budget in the Annual Plan for that year" in text
    assert "by the Unit Cost plus the Fee on the Unit Price, is added to the Target Cost for that year" in text
    assert "make no Gain or Pain so far as each costs the Unit Cost" in text
    assert "is a budget, not a sum it is guaranteed" in text
    assert "need no approval under clause" in text and "is not a reduction under clause" in text
    assert "needs no decision of the ALT" in text
    assert "care and support plan or referral" in definition(doc, "Commissioned Units")
    assert "Annual Plan" in definition(doc, "Planned Units")


def test_note_gives_the_sheet_figures(doc):
    """Firing: the drafting note works the sheet's own figures and says what to check."""
    n = note(doc, "alliance.volume-adjustment")
    for figure in ("£26.40", "£21.10", "41,600", "2,080", "£54,912", "£43,888", "£2,745.60", "£46,633.60", "£8,278.40", "£22.42"):
        assert figure in n, figure
    assert "the the" not in n and "electronic call monitoring" in n


def test_annual_plan_reserved_matters_and_reporting(doc):
    """Firing: the Annual Plan states units and prices; assessments are outside the Reserved Matters; reports count units."""
    assert "for each Volume-Priced Service, its Planned Units, Unit Price and Unit Cost" in clause_text(doc, "alliance.service-planning", flat=True)
    decisions = clause_text(doc, "alliance.decisions", flat=True)
    assert "No Reserved Matter covers a change in the Commissioned Units of a Volume-Priced Service" in decisions
    assert "applies only to a change to a Unit Price or to the Planned Units" in decisions
    assert "the units commissioned for each service line paid by the unit" in clause_text(doc, "common.open-book-schedule-reporting", flat=True)


def test_schedule_4_example_and_volume_scenarios(doc):
    """Firing: Schedule 4 works 5% more and fewer hours; the reconciliation schedule's Part 3 is per Provider, not occupancy."""
    s4 = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "Services paid by the unit: worked example" in s4
    assert "43,680" in s4 and "39,520" in s4 and "£46,633.60" in s4 and "-£8,278.40" in s4
    assert "The other examples in this Schedule assume that every Volume-Priced Service delivers exactly its Planned Units" in s4
    s7 = clause_text(doc, "common.open-book-schedule-reconciliation", flat=True)
    assert "Scenarios by units commissioned" in s7 and "Occupancy scenarios" not in s7
    assert "Saltmarsh: hours of care (+10%)" in s7 and "37,752" in s7 and "£90,604.80" in s7
    assert "makes no Excess Profit" in s7
    assert "there is no occupancy table" in note(doc, "common.open-book-schedule-reconciliation")


def test_quiet_without_volume(catalogue):
    """Quiet: the same sheet with fixed budgets has no such clause, terms, example or Part 3 volume table."""
    fixed = _fixed(catalogue)
    assert not any(c.id == "alliance.volume-adjustment" for c in fixed.all_clauses())
    text = all_text(fixed)
    for words in ("Volume-Priced", "Commissioned Units", "Planned Units", "Unit Cost", "Scenarios by units commissioned"):
        assert words not in text, words
    assert "Occupancy scenarios" in text


def test_quiet_on_a_sample(catalogue):
    """Quiet: a sample without the field keeps its text (no clause, no Reserved Matter carve-out)."""
    doc = variant_of(catalogue, ALLIANCE_BIG, "family: alliance\n", "family: alliance\n")
    assert not any(c.id == "alliance.volume-adjustment" for c in doc.all_clauses())
    assert "Commissioned Units" not in all_text(doc)


def test_gain_only_words(catalogue):
    """Firing, gain-only: no Pain, Pain Cap or 'nor Pain' in the clause or the example."""
    doc = variant_of(catalogue, ALLIANCE_FENMARSH, "  risk_reward: gain-and-pain\n", "  risk_reward: gain-only\n")
    text = clause_text(doc, "alliance.volume-adjustment", flat=True)
    assert "make no Gain so far as each costs the Unit Cost" in text and "Pain" not in text
    assert "would reduce any Gain" in clause_text(doc, "alliance.schedule-risk-reward", flat=True)


def test_volume_value_rule(catalogue):
    """Rule ALLIANCE-VOLUME-VALUE: fires where the planned units cost more than the line, quiet on the sheet's figures."""
    quiet = findings(catalogue, ALLIANCE_FENMARSH)
    assert "ALLIANCE-VOLUME-VALUE" not in quiet

    def above(d):
        line = next(m for m in d["members"] if m["key"] == "brookside")["service_lines"][0]
        line["volume"]["planned_units"] = 45000  # £1,188,000 > £1,098,240

    [message] = findings(catalogue, ALLIANCE_FENMARSH, above)["ALLIANCE-VOLUME-VALUE"]
    assert "£1,188,000" in message and "£1,098,240" in message

    def dear(d):
        line = next(m for m in d["members"] if m["key"] == "brookside")["service_lines"][0]
        line["volume"]["variable_cost"] = 26.00  # £26.00 + 5% of £26.40 = £27.32 > £26.40

    [message] = findings(catalogue, ALLIANCE_FENMARSH, dear)["ALLIANCE-VOLUME-VALUE"]
    assert "£27.32" in message and "more than the unit price of £26.40" in message


def test_planned_units_must_be_positive(catalogue):
    """The model refuses nil planned units (the adjustment counts from them)."""
    text = ALLIANCE_FENMARSH.read_text().replace("planned_units: 41600", "planned_units: 0")
    with pytest.raises(Exception):
        validate(load_text(text, "t.yaml"), catalogue).model


def test_key_information_row(doc, catalogue):
    """Firing: the Key Information table names each line's price and planned units; quiet: no such row without them."""
    row = alliance_key_row(doc, "Services paid by the unit")
    assert "Brookside, £26.40 for each hour of care (41,600 planned" in row[1] and "no Gain or Pain" in row[1]
    rows = table_rows(clause(_fixed(catalogue), "alliance.key-information"))
    assert not any(r[0].startswith("Services paid by the unit") for r in rows)


@pytest.mark.parametrize("unit, plural", [
    ("hour of care", "hours of care"), ("person arriving", "people arriving"),
    ("specialist deafblind assessment completed", "specialist deafblind assessments completed"),
    ("hospital bed", "hospital beds"), ("supported housing place", "supported housing places"),
    ("family supported", "families supported")])
def test_the_counted_noun_of_a_unit_is_the_one_made_plural(unit, plural):
    """r45 writer's note: 'specialist deafblind assessment completed' printed as 'specialists deafblind assessment
    completed'; the noun before the first preposition or participle is the one counted."""
    from assembler.termsheet.alliance import VolumeLine
    line = VolumeLine(member=None, service="s", unit=unit, unit_price=Decimal(1), planned_units=Decimal(1),
                      variable_cost=None, fee_percent=Decimal(0))
    assert line.units_word == plural


def test_unit_fee_unrounded_so_volume_makes_no_balancing_difference():
    """Firing (r44d al-homefirst 13): without a variable cost the Unit Cost is the price less an unrounded Fee
    (£32.60 less 4% is £31.296, printed so), so each unit moves the Target Cost by the price and the Balancing Amount
    does not change; quiet: a Unit Cost in whole pence prints as money."""
    from assembler.termsheet.alliance import VolumeLine
    line = VolumeLine(None, "Reablement", "hour", Decimal("32.60"), Decimal(34000), None, Decimal(4))
    step = line.step(5)
    assert line.unit_cost_exact == "£31.296"
    assert step.balancing_change == 0
    whole = VolumeLine(None, "Reablement", "hour", Decimal("32.60"), Decimal(34000), Decimal("21.10"), Decimal(4))
    assert whole.unit_cost_exact is None
