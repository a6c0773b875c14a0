"""Alliance, gain only, majority voting: where the Target Cost is a Reserved Matter, the risk and reward clause
defers to the Reserved Matter rule (r36 al-fresh findings 1 and 3), and the decisions note says the Annual Plan is
a Reserved Matter only where the sheet makes it one (not where a matter merely mentions it)."""

from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import alliance_gated, build, clause_text, flat_note, variant_of
from tests.families.conftest import ALLIANCE_REABLEMENT

FIXTURES = Path(__file__).parent / "fixtures"

_AGREED = "      - Approving the Annual Plan and the Target Cost\n"
_CHANGE_ONLY = "      - Any change to the Target Cost or to the shares of Gain\n"
_NO_TARGET = "      - Changing the eligibility criteria for the Services\n"


def test_change_only_reserved_target_cost_is_the_indexed_total_and_any_other_figure_is_reserved(catalogue):
    doc = variant_of(catalogue, ALLIANCE_REABLEMENT, _AGREED, _CHANGE_ONLY)
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "recorded in the Annual Plan for that year without a further decision" in text
    assert "is a change to the Target Cost, and so a Reserved Matter that needs the agreement of every Alliance Member" in text
    assert "set in the Annual Plan for that year, by a decision of the ALT under" not in text
    n = flat_note(doc, "alliance.decisions")
    # the only Annual Plan in the matters is "commits the Council's budget beyond the Annual Plan": not a reserved Plan
    assert "the Annual Plan and the Target Cost are also Reserved Matters" not in n
    assert "changing the Target Cost, not setting it" in n


def test_reserved_setting_of_target_cost_needs_every_member(catalogue):
    doc = variant_of(catalogue, ALLIANCE_REABLEMENT, "decision_rule: majority", "decision_rule: majority")
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "by a decision of the ALT that is a Reserved Matter under" in text
    assert "so needs the agreement of every Alliance Member" in text
    assert "the Annual Plan and the Target Cost are also Reserved Matters" in flat_note(doc, "alliance.decisions")


def test_quiet_where_target_cost_is_not_reserved(catalogue):
    doc = variant_of(catalogue, ALLIANCE_REABLEMENT, _AGREED, _NO_TARGET)
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "set in the Annual Plan for that year, by a decision of the ALT under" in text
    assert "Reserved Matter" not in text
    assert "also Reserved Matters" not in flat_note(doc, "alliance.decisions")


def test_indexed_annual_value_is_paid_under_the_service_contract_not_promised_here(catalogue):
    """r36 al-fresh finding 12: the budget Schedule must not create the payment promise that the payment clause disclaims."""
    doc = variant_of(catalogue, ALLIANCE_REABLEMENT, _AGREED, _CHANGE_ONLY)
    budget = clause_text(doc, "alliance.schedule-budget", flat=True)
    assert "provides for that Provider to be paid its increased Annual Value" in budget
    assert "the right to that payment arises under the Service Contract, not under this Agreement" in budget
    assert "must pay each Provider its increased" not in budget


def test_lagged_gate_kpi_is_judged_against_the_level_for_the_year_its_data_covers(catalogue):
    """r36 al-fresh finding 2 (firing): a gate KPI measured late is compared with the level for the year its 12 months
    end in, and pre-Alliance data never decides a gate; finding 14: the withheld share is the Commissioner's to use."""
    doc = alliance_gated(ALLIANCE_REABLEMENT, catalogue)
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "compared with the level set out for the Alliance Year in which those 12 months end" in text
    assert "a figure for 12 months that end before the first Alliance Year does not count for this purpose" in text
    assert "which decides how to use it" in text
    assert "must spend it on the Services" not in text


def test_no_gate_no_lagged_data_rule(catalogue):
    """Quiet: without a gate on Gain, no such sentence."""
    doc = variant_of(catalogue, ALLIANCE_REABLEMENT, _AGREED, _CHANGE_ONLY)  # the sample is silent on a gate
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "only if performance against each" not in text
    assert "those 12 months end" not in text


def test_invented_lived_experience_group_is_flagged(catalogue):
    """r36 al-fresh finding 7 (firing): a sheet that names no involvement body gets a note that the Lived Experience
    Group is the draft's own addition; quiet where the services name one (Castlebridge's Youth Council)."""
    doc = variant_of(catalogue, ALLIANCE_REABLEMENT, _AGREED, _CHANGE_ONLY)
    assert "Lived Experience Group that the ALT consults before each Annual Plan is the draft's proposal, in square brackets" in flat_note(
        doc, "alliance.operations")
    named = build(FIXTURES / "alliance-castlebridge-r29.yaml", catalogue).document
    assert "draft's proposal, in square brackets" not in flat_note(named, "alliance.operations")
