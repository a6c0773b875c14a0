"""A KPI that gates Gain but looks back (a cohort that started a year earlier, an outcome still held 12 months later)
does not gate the first Alliance Year's Gain, since its figure then counts mainly what happened before the Alliance;
the note says so and names any Provider left with no gate that year (r38d al-mh finding 3)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_LYNMERE

CLAUSE = "alliance.risk-reward"
_MEASURED = "      measured_over: each quarter\n"


def _gated(measured_over: str) -> str:
    text = ALLIANCE_LYNMERE.read_text()
    assert _MEASURED in text and "\n  kpis:" in text
    text = text.replace(_MEASURED, f"      measured_over: {measured_over}\n", 1)
    return text.replace("\n  kpis:", "\n  gain_gate: true\n  kpis:", 1)


def test_lagged_kpi_leaves_the_first_years_gate(catalogue):
    """Firing: KPI 1 counts people diagnosed in the 12 months ending a year before the quarter end."""
    doc = document_of(catalogue, _gated("people diagnosed in the 12 months ending a year before the quarter end"))
    text = clause_text(doc, CLAUSE, flat=True)
    assert "For the first Alliance Year, Key Performance Indicator 1 in Schedule" in text
    assert "mainly from before the Commencement Date." in text
    n = flat(note(doc, CLAUSE))
    assert "KPI 1 looks back" in n and "this draft's choice, not the instructions" in n


def test_quiet_for_kpis_measured_in_the_period(catalogue):
    """Quiet: the same gate with KPI 1 measured each quarter."""
    doc = document_of(catalogue, _gated("each quarter"))
    assert "For the first Alliance Year, Key Performance Indicator" not in clause_text(doc, CLAUSE, flat=True)
    assert "looks back" not in flat(note(doc, CLAUSE))
