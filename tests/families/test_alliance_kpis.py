"""The alliance KPIs: the outcomes schedule's levels and trajectories, nil and fixed targets, measurement periods
and rolling figures, and the gates on Gain with the notes that explain them."""

from __future__ import annotations

import pytest

from assembler.model import Table, plain_text
from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import (
    alliance_gated,
    build,
    clause,
    flat as _flat,
    flat_note,
    note,
    table_rows,
    text_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG


def _part3(doc):
    c = clause(doc, "alliance.schedule-outcomes")
    from assembler.model import Table, plain_text
    tables = [b for b in c.blocks if isinstance(b, Table)]
    t = next(t for t in tables if plain_text(t.header[1]) == "Better")
    return [[plain_text(h) for h in t.header]] + [[plain_text(cell) for cell in row] for row in t.rows]


def test_notes_fit_the_sheet_gates_and_no_pooled_budget(alliance_thistlebury):
    """r19 al11: Findings 12 and 14: with gates listed for every Provider there is no 'not listed' assumption; with no pooled
    budget the service planning note says so and its grammar agrees."""
    risk = clause(alliance_thistlebury, "alliance.risk-reward")
    assert "do not list" not in _flat(risk.note or "")
    notes = " ".join(_flat(c.note or "") for c in alliance_thistlebury.all_clauses())
    assert "Assumptions made where the instructions are silent" in notes
    assert "only for some Providers" not in notes
    note = _flat(clause(alliance_thistlebury, "alliance.service-planning").note or "")
    # without a pooled budget the note says nothing of one; the clause itself says there is none (sprint Y3)
    assert "Where there is a pooled budget" not in note and "pooled budget" not in note.replace("Pooled Budget", "")
    assert "each Provider's budget follows the indexed" in note


@pytest.mark.parametrize("words, level", [("None from 2028/29", 0), ("zero by 2030/31", 0), ("Nil", 0),
                                          ("No families in bed and breakfast by 2029/30", 0),
                                          ("No more than 5%", 5), ("70% by 2030/31", 70), ("To be agreed", None),
                                          # the day of a date is not the level (r45 writer's note: 'None from 31 March
                                          # 2030' was read as 31 and warned against a trajectory reaching 0)
                                          ("None from 31 March 2030", 0), ("700 by 31 March 2031", 700),
                                          ("90% by 1st April 2029", 90)])
def test_nil_target_is_a_level_of_zero(words, level):
    """r20 al13: al-fresh 1: a target worded as none at all is a level of 0, lower being better; other words are unchanged."""
    from decimal import Decimal

    from assembler.termsheet.alliance import lower_is_better, target_number
    assert target_number(words) == (None if level is None else Decimal(level))
    if level == 0:
        assert lower_is_better("11", words)


def test_nil_target_gets_a_trajectory_and_a_note(alliance_thornshire):
    """r20 al13: al-fresh 1 (firing): KPI 2 ('None from 2028/29', baseline 11) runs lower-is-better from 11 to 0 by Year 2, and the
    note asks the client to confirm the reading."""
    from assembler.model import Table, plain_text
    c = clause(alliance_thornshire, "alliance.schedule-outcomes")
    rows = [[plain_text(cell) for cell in row] for t in c.blocks if isinstance(t, Table) for row in t.rows]
    assert ["2", "lower", "[5]", "[0]", "[0]", "[0]", "[0]"] in rows
    note = _flat(c.note or "")
    assert 'The target of KPI 2 ("None from 2028/29") is worded as none at all, so it is read as a level of 0' in note


def test_no_nil_target_no_note(catalogue):
    """r20 al13: al-fresh 1 (quiet): a sheet with numeric targets has no nil-target sentence."""
    doc = build(ALLIANCE_BIG, catalogue).document
    assert "worded as none at all" not in (clause(doc, "alliance.schedule-outcomes").note or "")


def test_rolling_kpi_figures_start_at_the_commencement_date(alliance_big):
    """r20 al14: al-sample 13: in the first year a rolling 12-month figure is stated for the part year; since r31 al-fresh
    finding 8, where services continue from Former Contracts it includes their pre-commencement months, and only so far as
    those figures are missing is it the part year from the Commencement Date, a count being pro-rated."""
    text = _flat(text_of(clause(alliance_big, "alliance.performance")))
    assert "So far as no such figure is available, it is the figure for the period since the Commencement Date" in text


def test_ungated_providers_note_names_the_other_providers_kpis(alliance_thornshire):
    """r20 al15: al-fresh 12 (firing): the Providers the sheet gives no KPIs are gated by every KPI, including those it ties to
    the other Providers; the note says so with the numbers and recommends a list for each."""
    notes = " ".join(_flat(c.note or "") for c in alliance_thornshire.all_clauses())
    assert ("Stonebridge and Doorway, not listed in Part 4 of the outcomes Schedule, are gated by every KPI, including "
            "KPI 3 (Safe Stay's) and KPIs 5 and 6 (Lettings Hub's)") in notes
    assert "propose to the client a list for each of them" in notes


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_overspend_and_gate_notes_quiet_without_the_facts(path, catalogue):
    """r20 al15: al-fresh 11 and 12 (quiet): a gain-and-pain sample has no gain-only overspend note; a sheet with no partial
    kpi_gates list has no ungated-Provider assumption."""
    built = build(path, catalogue)
    notes = " ".join(_flat(c.note or "") for c in built.document.all_clauses())
    if "only gain is shared" not in notes:
        assert "do not carry all overspend" not in notes and "does not carry all overspend" not in notes
    assert "not listed in Part 4 of the outcomes Schedule" not in notes


def test_rolling_kpi_figure_has_one_year_level_and_the_schedule_yields(alliance_big):
    """r21 al16: al-sample 6: the rolling 12-month figure for early warning is measured against the level for the Alliance
    Year in which the period ends, and the Schedule's whole-year rule gives way to it."""
    perf = _flat(text_of(clause(alliance_big, "alliance.performance")))
    assert ("despite paragraph 2 of Schedule 2, each figure is measured against the level "
            "for the Alliance Year in which that reporting period ends.") in perf
    sched = _flat(text_of(clause(alliance_big, "alliance.schedule-outcomes")))
    assert "Except as clause 14.5 provides for clause 14.4, performance in an Alliance Year is the figure" in sched


def test_default_kpi_gates_make_kpi_changes_reserved_is_flagged(alliance_haverleigh_al19):
    """r22 al19: al-fresh 5 (firing): the sheet gates only Rise and Stepstone, the draft gates the Trust and New Horizons by
    every KPI, and changing a KPI that gates Gain is a Reserved Matter: the note says that makes every KPI change
    unanimous and asks for instructions."""
    note = flat_note(alliance_haverleigh_al19, "alliance.decisions")
    assert "reaches all seven KPIs here, because the draft gates the Trust and New Horizons by every KPI" in note
    assert "the instructions list gates only for Rise and Stepstone" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_kpi_veto_note_quiet_without_default_gates(path, catalogue):
    """r22 al19: al-fresh 5 (quiet): no sample both lists KPI gates for some Providers only and reserves the gated KPIs."""
    built = build(path, catalogue)
    note = _flat(clause(built.document, "alliance.decisions").note or "")
    assert "KPIs here, because the draft gates" not in note


def test_kpi_notes_say_no_gate_where_there_is_none(alliance_big):
    """r24 al20: Finding 10 (firing): with no gate on Gain, the clause 7 note says the KPIs do not drive payment and no note
    speaks of KPI gates or KPIs that feed the risk/reward mechanism."""
    note = flat_note(alliance_big, "alliance.objectives")
    assert "the KPIs drive Early Warnings and Improvement Plans (clause 14) and removal (clause 30.4), but not payment" in note
    assert "feed the risk/reward" not in note and "drive a payment of Gain" not in note
    assert "KPI gates" not in flat_note(alliance_big, "alliance.schedule-services")


def test_kpi_notes_describe_the_gate_where_there_is_one(catalogue):
    """r24 al20: Finding 10 (quiet): where the sheet instructs a gate, the note says the KPIs decide whether Gain counts."""
    note = flat_note(alliance_gated(ALLIANCE_BIG, catalogue), "alliance.objectives")
    assert "decide whether a Provider's share of Gain counts (the gate in clause 13." in note
    assert "but not payment" not in note


def test_two_yearly_kpi_counts_only_when_reported(alliance_hollinshire):
    """r24 al21: Finding 2 (firing): KPI 4 comes from a two-yearly survey: it gates Gain only in a year it is reported, an
    improvement plan follows one reporting period, and the note asks for levels and the target year to match."""
    rr = _flat(text_of(clause(alliance_hollinshire, "alliance.risk-reward")))
    assert ("A Key Performance Indicator reported less often than once a year counts for this purpose only in an "
            "Alliance Year in which it is reported.") in rr
    perf = _flat(text_of(clause(alliance_hollinshire, "alliance.performance")))
    assert "reported once a year or less often, for one reporting period" in perf
    note = flat_note(alliance_hollinshire, "alliance.schedule-outcomes")
    assert "KPI 4 is reported every two years, not every year" in note
    assert 'restate its target ("7.8 in the 2030/31 survey")' in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_infrequent_kpi_text_without_one(path, catalogue):
    """r24 al21: Finding 2 (quiet): the samples' KPIs are reported at least once a year."""
    assert read_termsheet(path, catalogue).model.alliance.infrequent_kpis == []
    built = build(path, catalogue)
    if any(c.id == "alliance.risk-reward" for c in built.document.all_clauses()):
        assert "reported less often than once a year" not in _flat(text_of(clause(built.document, "alliance.risk-reward")))


def test_kpi_measurement_periods_are_used(alliance_kingsholt):
    """r25 alA: al-fresh finding 6 (firing): the sheet's 'measured over' periods (each quarter; rolling 12 months) appear in
    Schedule 2 Part 2 and 14.5(b) judges each KPI over its own period, not every KPI over 12 months."""
    rows = table_rows(clause(alliance_kingsholt, "alliance.schedule-outcomes"))
    assert [r[-1] for r in rows[:6]] == ["each quarter", "rolling 12 months", "rolling 12 months",
                                         "rolling 12 months", "each quarter", "each quarter"]
    text = _flat(text_of(clause(alliance_kingsholt, "alliance.performance")))
    assert 'judged on the figure for the period shown for that Key Performance Indicator in the "Measured over" column' in text
    assert "the figure for the 12 months ending with that period" not in text


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_measurement_periods_keeps_the_rolling_12_months(path, catalogue):
    """r25 alA: al-fresh finding 6 (quiet): a sheet that gives no period keeps the 12-month rule and the five-column table."""
    doc = build(path, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.performance")))
    assert "judged on the figure for the 12 months ending with that period" in text
    assert "Measured over" not in _flat(text_of(clause(doc, "alliance.schedule-outcomes")))


def test_non_voting_list_names_the_gate_and_further_approval_clauses(alliance_kingsholt):
    """r25 alA: al-fresh finding 9 (firing): 8.6(b) lists the KPI-gate vote (13.9) and the ALT's further urgent approval (13.15)
    among the decisions on which a member does not vote."""
    text = _flat(text_of(clause(alliance_kingsholt, "alliance.governance")))
    assert "(including under clause 9.16, clause 13.11, clause 13.15, clause 13.17, clause 29.4 and clause 30.8)" in text


def test_derived_levels_are_in_brackets_and_a_fixed_target_is_shown(alliance_kingsholt):
    """r25 alC: al-sample finding 8 and al-fresh finding 18 (firing): the draft's own levels are bracketed; KPI 1's fixed 70%
    target is shown for Year 4; the note tells Age Well its Gain is gated by KPI 4 alone meanwhile."""
    rows = {r[0]: r[2:] for r in _part3(alliance_kingsholt)[1:]}
    assert rows["1"] == ["to be set", "to be set", "to be set", "[70%]"]
    assert rows["2"] == ["2,140", "2,080", "1,990", "1,850"]   # agreed: no brackets
    assert rows["3"] == ["[82%]", "[84%]", "[85%]", "[86%]"]
    text = flat_note(alliance_kingsholt, "alliance.schedule-outcomes")
    assert "Levels in square brackets in Part 3 are this draft's proposal" in text
    assert "Until then Age Well's share of Gain is gated by KPI 4 alone" in text
    assert "KPI 1's target (70%) does not depend on its baseline, so Part 3 shows it for Year 4" in text


def test_no_fixed_target_without_a_percentage_target(catalogue):
    """r25 alC: al-fresh finding 18 (quiet): a KPI with a numeric baseline keeps its line, and none gets a target_level."""
    for path in ALLIANCE:
        for row in _part3(build(path, catalogue).document)[1:]:
            levels = row[2:]
            if "to be set" not in levels:
                assert not any(v.startswith("[") for v in levels) or all(v.startswith("[") for v in levels)


def test_assumed_target_year_is_bracketed(alliance_stainmoor, alliance_big):
    """r26 alF: al-fresh 13 (firing): the sentence placing unnamed target years in the last Alliance Year is bracketed."""
    text = _flat(text_of(clause(alliance_stainmoor, "alliance.schedule-outcomes")))
    assert "[The targets for Key Performance Indicators" in text
    assert "of the Initial Term.]" in text
    # quiet: the Tamarmouth sample records every level as agreed, so no year is assumed
    assert "The targets for Key Performance Indicators" not in _flat(text_of(clause(alliance_big, "alliance.schedule-outcomes")))


def test_unmeasured_baseline_has_a_period_and_deadline(alliance_stainmoor):
    """r26 alF: al-fresh 14 (firing): 'set from the first two quarters of 2027/28' becomes a period in Year 1 and a date."""
    text = _flat(text_of(clause(alliance_stainmoor, "alliance.schedule-outcomes")))
    assert ("The ALT must record the baseline of Key Performance Indicator 5, measured over the first two quarters of"
            " Year 1 (1 May 2027 to 31 October 2027), and set its levels, by 31 December 2027.") in text


def test_point_in_time_kpi_takes_the_last_period_end(alliance_stainmoor):
    """r26 alF: al-fresh 15 (firing): a KPI measured at each quarter end is judged on the last quarter end of the year."""
    text = _flat(text_of(clause(alliance_stainmoor, "alliance.schedule-outcomes")))
    assert ("For Key Performance Indicator 3, which is measured at each quarter end, it is the figure at the last"
            " quarter end of the Alliance Year, and the rules below do not apply to it.") in text


def test_no_unmeasured_baseline_or_point_in_time_kpi_no_words(catalogue):
    """r26 alF: al-fresh 14 and 15 (quiet): sheets whose KPIs all have baselines and period measures get neither sentence."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        text = _flat(text_of(clause(doc, "alliance.schedule-outcomes")))
        sheet = doc.termsheet if hasattr(doc, "termsheet") else None
        if "must record the baseline of" in text:
            assert "and set its levels" in text
        if "which is measured at each" in text:
            assert "end of the Alliance Year, and the rules below do not apply to it." in text


def test_schedule_2_annual_figure_rules_follow_the_kpi_kinds(alliance_big, tmp_path, catalogue):
    """r26 alG: al-sample finding 19 (firing): no KPI counts different people or an average, so no such rule; quiet: a KPI that
    is an average keeps its rule."""
    body = _flat(text_of(clause(alliance_big, "alliance.schedule-outcomes")))
    assert "For a rate or percentage, it is the rate over the year." in body
    assert "different people" not in body and "average time taken" not in body
    sheet = tmp_path / "avg.yaml"
    sheet.write_text(ALLIANCE_BIG.read_text().replace("People sleeping rough on a single night (autumn count)",
                                             "Average days from referral to first contact", 1))
    doc = build(sheet, catalogue).document
    body = _flat(text_of(clause(doc, "alliance.schedule-outcomes")))
    assert "For an average (such as the average time taken to contact a person referred)" in body
    assert "different people" not in body
