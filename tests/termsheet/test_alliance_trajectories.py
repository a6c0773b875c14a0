"""KPI trajectories: a level for each Alliance Year, a straight line from baseline to target (reached in the
year the target names, then held) unless agreed levels are given; direction-aware; none without a baseline."""

from __future__ import annotations

import copy
from decimal import Decimal

from assembler.termsheet.alliance import AllianceTermSheet, baseline_year, first_number, lower_is_better, strict_word
from assembler.termsheet.loader import load_file
from tests.conftest import ROOT

BIG = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"


def alliance_of(data):
    return AllianceTermSheet.model_validate(data).alliance


def unagreed(data):
    """The sample without the KPI levels it records as agreed, so the levels are worked out from baseline and target."""
    data["alliance"].pop("kpi_trajectories", None)
    return data


def test_numbers_ignore_years():
    assert first_number("180 a year (2024/25)") == Decimal(180)
    assert first_number("Fewer than 10 by autumn 2029") == Decimal(10)
    assert first_number("14% of stays") == Decimal(14)
    assert first_number("Not yet measured; the first annual survey (2027/28) sets it") is None


def test_direction():
    assert lower_is_better("27", "Fewer than 10 by autumn 2029")
    assert not lower_is_better("31%", "45%")
    assert lower_is_better(None, "Below 5% of stays")


def test_sample_trajectories_are_straight_lines_to_the_named_year():
    a = alliance_of(unagreed(copy.deepcopy(load_file(BIG).data)))
    t = {x.number: x for x in a.trajectories}
    assert a.term_years == 5
    # 180 measured in 2024/25 to 260 by 2029/30 (the third Alliance Year from April 2027): the line starts in
    # 2024/25, so 16 a year and Year 1 (2027/28) is already 228; then held
    assert t[1].levels == ["228", "244", "260", "260", "260"] and not t[1].lower_is_better
    # 14% to "below 5%" over five years (no year named), lower is better: the last level says "below"
    assert t[3].levels == ["12%", "10%", "8%", "6%", "below 5%"] and t[3].lower_is_better  # rounded down: lower is better
    assert not t[3].target_year_named and t[1].target_year_named
    assert t[5].levels is None  # no baseline yet: no level, not counted


def test_agreed_levels_win():
    data = copy.deepcopy(load_file(BIG).data)
    data["alliance"]["kpi_trajectories"] = [{"kpi": 1, "levels": ["190", "210"]}]
    t = alliance_of(data).trajectories[0]
    assert t.agreed and t.levels == ["190", "210", "210", "210", "210"]


def test_baseline_year_and_strict_targets():
    import datetime as dt
    start = dt.date(2027, 4, 1)
    assert baseline_year("180 a year (2024/25)", start) == -2
    assert baseline_year("27", start) == 0            # no year named: measured at the start
    assert baseline_year("(2028/29)", start) == 0     # a baseline never lies after the start
    assert strict_word("Fewer than 10 by autumn 2029", lower=True) == "below"
    assert strict_word("Below 5% of stays", lower=True) == "below"
    assert strict_word("More than 80% in the survey", lower=False) == "above"
    assert strict_word("45%", lower=False) is None


def test_thousands_separators_are_one_number():
    # r15 al-fresh finding 1: '2,310' was read as 2, so KPI 1 printed "2" in every year
    assert first_number("2,310 (2025/26)") == Decimal(2310)
    assert first_number("2,900 by 2030/31") == Decimal(2900)
    assert first_number("2,050 people") == Decimal(2050)   # a separated figure is never a year
    assert first_number("Fewer than 20 in 2031") == Decimal(20)
    data = copy.deepcopy(load_file(BIG).data)
    data["alliance"]["kpis"][0].update(baseline="2,310 (2025/26)", target="2,900 by 2030/31")
    data["alliance"]["kpi_trajectories"] = []
    a = alliance_of(data)
    t = a.trajectories[0]
    # Year 1 is 2027/28: a straight line from 2025/26 reaching 2,900 in 2030/31 (Year 4), then held
    assert t.levels == ["2,546", "2,664", "2,782", "2,900", "2,900"] and not t.lower_is_better


def test_higher_is_better_levels_round_up_and_clashes_are_found():
    # r15 al-sample finding 7: 31% to 45% over five years is 33.8, 36.6, 39.4, 42.2, 45: rounded up, never eased
    data = unagreed(copy.deepcopy(load_file(BIG).data))
    data["alliance"]["kpis"][3].update(baseline="31%", target="45%")
    t = alliance_of(data).trajectories[3]
    assert t.levels == ["34%", "37%", "40%", "43%", "45%"] and not t.lower_is_better
    # r15 al-fresh finding 9: an agreed level that disagrees with the target in the target's own year is reported
    data["alliance"]["kpis"][0].update(baseline="4.1%", target="7.5% by 2029/30")
    data["alliance"]["kpi_trajectories"] = [{"kpi": 1, "levels": ["4.5%", "5.3%", "6.1%", "7.0%", "7.5%"]}]
    a = alliance_of(data)
    assert a.trajectory_clashes == [(1, "7.5% by 2029/30", "Year 3 (2029/30)", "6.1%")]
    data["alliance"]["kpi_trajectories"] = [{"kpi": 1, "levels": ["4.5%", "5.3%", "7.5%"]}]
    assert alliance_of(data).trajectory_clashes == []


def test_a_target_for_any_year_applies_from_year_one():
    """r37 al-fresh finding 1 (firing): "none in any year" holds in every year, so the level is 0 from Year 1 with no
    trajectory towards it; (quiet) a target that names no year is still placed in the last year and flagged."""
    data = unagreed(copy.deepcopy(load_file(BIG).data))
    kpi = data["alliance"]["kpis"][2]
    kpi["baseline"], kpi["target"] = "3 in 2025/26", "none in any year"
    t = {x.number: x for x in alliance_of(data).trajectories}
    assert t[3].target_year_named and t[3].levels == ["0"] * 5
    kpi["target"] = "none"
    t = {x.number: x for x in alliance_of(data).trajectories}
    assert not t[3].target_year_named and t[3].levels[0] != "0"
