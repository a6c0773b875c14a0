"""A KPI measured a number of months after an event (r37 al-fresh finding 9): a baseline measured over Year 1 counts
the cases in Year 1 at that point, so the ALT records it after the lag, not two months after Year 1 ends."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat_note

SHEET = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"
OLD = "    - measure: Young people in education, training or work at move-on\n      baseline: 38%\n"


def _doc(catalogue, measure: str):
    source = SHEET.read_text()
    assert OLD in source
    new = f"    - measure: {measure}\n      baseline: Not yet measured; the first year sets it\n"
    return document_of(catalogue, source.replace(OLD, new, 1))


def test_lagged_kpi_baseline_recorded_after_the_lag(catalogue):
    """Firing: settled 6 months after moving on, baseline over Year 1 (1 July 2027 to 30 June 2028): recorded by
    28 February 2029 (two months after the lag runs out for the last case), with the cohort stated."""
    doc = _doc(catalogue, "Young people still in settled accommodation 6 months after moving on")
    text = " ".join(clause_text(doc, "alliance.schedule-outcomes").split())
    assert ("counting each case that falls in that period at the point the indicator measures it (6 months after "
            "moving on), and set its levels, by 28 February 2029") in text
    assert "so a case from the end of that period is known only six months later" in flat_note(doc, "alliance.schedule-outcomes")


def test_unlagged_kpi_baseline_recorded_two_months_after_year_1(catalogue):
    """Quiet: a KPI with no lag keeps the recording date two months after Year 1 ends."""
    doc = _doc(catalogue, "Young people in education, training or work at move-on")
    text = " ".join(clause_text(doc, "alliance.schedule-outcomes").split())
    assert "counting each case that falls in that period" not in text
    assert "and set its levels, by 31 August 2028" in text
