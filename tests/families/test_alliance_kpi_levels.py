"""Schedule 2 (Outcomes and KPIs): Part 3 and its note follow which KPIs have agreed levels, which have none until a
baseline is recorded, and which agreed levels clash with the KPI's own target (r27 al-sample findings 4 and 14)."""
from __future__ import annotations

from pathlib import Path

from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import build, clause, flat as _flat, text_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_HARROWDALE

SCHEDULE = "alliance.schedule-outcomes"


def _variant(tmp_path, pairs) -> Path:
    text = ALLIANCE_BIG.read_text()
    for old, new in pairs:
        assert old in text
        text = text.replace(old, new, 1)
    out = tmp_path / "variant.yaml"
    out.write_text(text)
    return out


def _texts(doc):
    c = clause(doc, SCHEDULE)
    return _flat(text_of(c)), _flat(c.note or "")


CLASH = [('levels: ["215", "240", "260", "260", "260"]', 'levels: ["200", "220", "240", "260", "260"]')]


def test_agreed_levels_with_a_wordy_year_do_not_count_that_year_only(tmp_path, catalogue):
    """Finding 4 (firing): every KPI has agreed levels, KPI 5's Year 1 level is words, and KPI 1's Year 3 level clashes
    with its target: Part 3 says KPI 5 does not count in Year 1 (not that it has no level until a baseline), that Part
    3's level governs a clash, and the note drops the straight-line explanation (finding 14)."""
    doc = build(_variant(tmp_path, CLASH), catalogue).document
    text, note = _texts(doc)
    assert "Key Performance Indicator 5 has no level for Year 1, and does not count under clause" in text
    assert "without a baseline" not in text and "no baseline yet" not in text
    assert "Where a level below differs from the target in Part 2 for the same year, the level below applies." in text
    assert "  " not in text
    assert "Part 3 gives the yearly levels the instructions record as agreed for every KPI." in note
    assert "straight line" not in note and "realistic" not in note and "without a baseline" not in note
    assert "KPI 5's agreed level for Year 1 is not a figure" in note
    assert "(until then Part 3 says its level governs)" in note


def test_sample_without_clash_has_no_precedence_sentence(catalogue):
    """Finding 4 (quiet): the sample's agreed levels meet their targets, so Part 3 adds no precedence sentence."""
    text, note = _texts(build(ALLIANCE_BIG, catalogue).document)
    assert "differs from the target in Part 2" not in text
    assert "Key Performance Indicator 5 has no level for Year 1" in text


def test_kpi_without_levels_or_baseline_still_waits_for_its_baseline(tmp_path, catalogue):
    """Finding 4 (quiet for the old rule): without agreed levels, KPI 5 (no numeric baseline) has no level until the
    ALT records its baseline, and the note keeps the straight-line explanation for the others."""
    text = ALLIANCE_BIG.read_text()
    start = text.index("  kpi_trajectories:")
    end = text.index("  decisions:")
    out = tmp_path / "unagreed.yaml"
    out.write_text(text[:start] + text[end:])
    doc = build(out, catalogue).document
    body, note = _texts(doc)
    assert ("Key Performance Indicator 5 has no baseline yet. It has no level until the ALT records its baseline "
            "and sets its levels") in body
    assert "has no level for Year" not in body
    assert "the trajectory is a straight line" in note and "realistic" in note
    assert "A KPI without a baseline has no trajectory" in note


def test_rolling_counts_are_not_pro_rated_year_to_date(catalogue):
    """r28 al-fresh finding 6(d) (firing): KPIs 2, 3 and 5 are measured over a rolling 12 months, so the Improvement
    Plan trigger's pro rata rule for yearly totals excludes them and the rolling figure decides."""
    assert read_termsheet(ALLIANCE_HARROWDALE, catalogue).model.alliance.rolling_kpis == [2, 3, 5]
    doc = build(ALLIANCE_HARROWDALE, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.performance")))
    assert ("a figure that is a total for the year and is not measured over a rolling 12 months is judged instead on "
            "the total for the Alliance Year so far") in text


def test_pro_rata_rule_unchanged_without_rolling_kpis(catalogue):
    """r28 al-fresh finding 6(d) (quiet): the sample measures no KPI over a rolling period."""
    text = _flat(text_of(clause(build(ALLIANCE_BIG, catalogue).document, "alliance.performance")))
    assert "a figure that is a total for the year is judged instead on the total" in text


def test_a_gate_with_no_level_for_a_year_is_flagged(catalogue):
    """r28 al-fresh finding 6(b) (firing): KPI 4 is Spectrum Peer Connect's only gating KPI and has no Year 1 figure
    ("to be set from the 2027/28 survey"), so the note says its Year 1 share is in effect not gated and asks."""
    assert [(m.defined, k, y) for m, k, y in read_termsheet(ALLIANCE_HARROWDALE, catalogue).model.alliance.ungated_years] == [
        ("Spectrum Peer Connect", [4], [1])]
    _, note = _texts(build(ALLIANCE_HARROWDALE, catalogue).document)
    assert ("KPI 4 is the only KPI gating Spectrum Peer Connect's share of Gain, so in Year 1 that share is in effect "
            "not gated.") in note
    assert "counts only if a figure for KPI 4 has been reported to the ALT before the calculation under clause 13" in note


def test_no_ungated_year_note_where_every_gate_has_a_level(catalogue):
    """r28 al-fresh finding 6(b) (quiet): the sample's gates all have figures for every year."""
    _, note = _texts(build(ALLIANCE_BIG, catalogue).document)
    assert "in effect not gated" not in note


def test_second_limb_of_a_target_is_kept_and_both_must_be_met(tmp_path, catalogue):
    """Firing (r44d al-youthhousing finding 4): a target with a second limb the levels do not repeat keeps that limb in
    Part 3, met only where both are met, and the note asks the client to confirm it."""
    sheet = _variant(tmp_path, [("target: Below 5% of stays\n",
                                 "target: Below 5% of stays, and no stay ended within 7 days\n")])
    body, note = _texts(build(sheet, catalogue).document)
    assert ('The target of Key Performance Indicator 3 in Part 2 has a second limb ("no stay ended within 7 days"): in '
            "each Alliance Year that Key Performance Indicator is met only where its level below and that limb are both "
            "met.") in body
    assert 'KPI 3\'s target has a second limb ("no stay ended within 7 days")' in note


def test_two_figure_level_is_met_only_where_both_are(tmp_path, catalogue):
    """Firing (r44d al-substance F2): a level of two figures ('125, 80%') is one figure for each limb, both to be met."""
    sheet = _variant(tmp_path, [('levels: ["215", "240", "260", "260", "260"]',
                                 'levels: ["215, 80%", "240, 82%", "260, 85%", "260, 85%", "260, 85%"]')])
    body, note = _texts(build(sheet, catalogue).document)
    assert ('A level below for Key Performance Indicator 1 that gives two figures (such as "215, 80%") sets one for each '
            "limb of its measure") in body and "only where both are met" in body
    assert "KPI 1's levels give two figures" in note


def test_one_limb_and_thousands_are_quiet(catalogue):
    """Quiet: the sample's single-limb targets and single-figure levels give neither sentence."""
    body, note = _texts(build(ALLIANCE_BIG, catalogue).document)
    assert "second limb" not in body and "gives two figures" not in body
    assert "second limb" not in note and "give two figures" not in note


def test_a_range_is_one_level(tmp_path, catalogue):
    """Quiet: a level written as a range ('between 210 and 220') is one level, not two limbs."""
    sheet = _variant(tmp_path, [('levels: ["215", "240", "260", "260", "260"]',
                                 'levels: ["between 210 and 220", "240", "260", "260", "260"]')])
    body, note = _texts(build(sheet, catalogue).document)
    assert "gives two figures" not in body and "give two figures" not in note
