"""KPI periods: a KPI measured over the calendar year (a published annual figure) or by a yearly survey has its
period for an Alliance Year stated in Part 3 of Schedule 2, so the Gain gate can be applied (r29 al-fresh finding 6)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import flat as _flat
from tests.families.conftest import ALLIANCE_SMALL
from tests.families.test_alliance import build, clause, text_of

YOUTH = ROOT / "tests" / "families" / "fixtures" / "alliance-castlebridge-youth.yaml"
SAMPLE = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"


def test_calendar_year_and_survey_kpis_have_their_period(catalogue):
    """Firing: KPI 4 is measured over the calendar year, KPI 5 by the annual youth survey."""
    c = clause(build(YOUTH, catalogue).document, "alliance.schedule-outcomes")
    body = _flat(text_of(c))
    assert ("For Key Performance Indicator 4, the figure for an Alliance Year is the figure for the calendar year ending "
            "in that Alliance Year. If that figure has not been published when the calculation under clause") in body
    assert ("For Key Performance Indicator 5, the figure for an Alliance Year is the result of the annual youth survey "
            "carried out in that Alliance Year.") in body
    note = _flat(c.note or "")
    assert "Part 3 counts KPI 4 for the calendar year ending in each Alliance Year" in note
    assert "The target of KPI 4" not in note and "names a calendar year" not in note


def test_financial_year_kpis_have_no_period_paragraph(catalogue):
    """Quiet: the sample's KPIs are measured over financial years or rolling periods, with no survey; its calendar-year
    target keeps the note's question."""
    c = clause(build(SAMPLE, catalogue).document, "alliance.schedule-outcomes")
    body = _flat(text_of(c))
    assert "the figure for the calendar year ending" not in body
    assert "carried out in that Alliance Year" not in body
    assert "names a calendar year" in _flat(c.note or "")


def test_first_year_rolling_figures_use_former_contract_data_or_are_pro_rated(catalogue):
    """r31 al-fresh finding 8: in the first 12 months a rolling count is not compared with a full-year level on a part
    year's data. Firing: with former contracts, the figure includes their pre-commencement months, else it is pro-rated;
    without former contracts (quiet for the former-contract words), a count is pro-rated."""
    with_former = _flat(text_of(clause(build(SAMPLE, catalogue).document, "alliance.performance")))
    assert ("where fewer than 12 months have passed since the Commencement Date, that figure includes the figures for the "
            "same services under the Former Contracts for the months before the Commencement Date.") in with_former
    assert "is compared with the level reduced in proportion to the part of 12 months it covers" in with_former
    without = _flat(text_of(clause(build(ALLIANCE_SMALL, catalogue).document, "alliance.performance")))
    assert "Former Contracts for the months before" not in without
    assert ("where fewer than 12 months have passed since the Commencement Date, the figure is for the period since the "
            "Commencement Date, and a number of people or events (not a rate or percentage) is compared with the level "
            "reduced in proportion to the part of 12 months that has passed") in without


STAINMOOR = ROOT / "tests" / "families" / "fixtures" / "alliance-stainmoor-r26.yaml"
POINT = "      measured_over: at the quarter end\n"


def _kpi3_measured_over(tmp_path, catalogue, words: str):
    text = STAINMOOR.read_text()
    assert POINT in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(POINT, f"      measured_over: {words}\n", 1))
    return _flat(text_of(clause(build(sheet, catalogue).document, "alliance.schedule-outcomes")))


def test_position_on_the_last_day_of_each_quarter_is_a_year_end_figure(tmp_path, catalogue):
    """Firing (r35 al-fresh finding 1): a count taken as "the position on the last day of each quarter" is judged on the
    last quarter end of the Alliance Year against its level, not on the average of the four quarter ends."""
    for words in ("the position on the last day of each quarter", "quarter-end count of people in paid work"):
        body = _kpi3_measured_over(tmp_path, catalogue, words)
        assert ("For Key Performance Indicator 3, which is measured at each quarter end, it is the figure at the last "
                "quarter end of the Alliance Year, and the rules below do not apply to it.") in body, words


def test_each_quarter_is_not_a_point_in_time_figure(tmp_path, catalogue):
    """Quiet: a KPI measured over each quarter (a figure for the whole period) keeps the year-as-a-whole rules."""
    body = _kpi3_measured_over(tmp_path, catalogue, "each quarter")
    assert "For Key Performance Indicator 3, which is measured at each" not in body


MEASURE = "    - measure: Adults receiving long-term support who take it as a direct payment\n"


def _kpi3_snapshot_in_measure(tmp_path, catalogue, over: str):
    text = STAINMOOR.read_text()
    assert MEASURE in text and POINT in text
    text = text.replace(MEASURE, MEASURE.rstrip("\n") + " (snapshot on the last day of the quarter)\n", 1)
    sheet = tmp_path / "snapshot.yaml"
    sheet.write_text(text.replace(POINT, f"      measured_over: {over}\n", 1))
    return _flat(text_of(clause(build(sheet, catalogue).document, "alliance.schedule-outcomes")))


def test_snapshot_in_the_measure_words_gives_one_rule(tmp_path, catalogue):
    """Firing (r44d al-youthhousing finding 3): a percentage whose measure says it is a snapshot on the last day of the
    quarter, measured over 'each quarter', falls under the point-in-time rule alone, not also the rate-over-the-year rule."""
    body = _kpi3_snapshot_in_measure(tmp_path, catalogue, "each quarter")
    assert ("For Key Performance Indicator 3, which is measured at each quarter end, it is the figure at the last "
            "quarter end of the Alliance Year, and the rules below do not apply to it.") in body


def test_rolling_measured_over_wins_over_snapshot_words(tmp_path, catalogue):
    """Quiet: where the sheet's measured_over is a rolling 12 months, that period wins over the measure's words."""
    body = _kpi3_snapshot_in_measure(tmp_path, catalogue, "rolling 12 months")
    assert "For Key Performance Indicator 3, which is measured at each" not in body
