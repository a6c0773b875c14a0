"""KPI trajectories: a level for each Alliance Year, a straight line from baseline to target (reached in the
year the target names, then held) unless agreed levels are given; direction-aware; none without a baseline."""

from __future__ import annotations

import copy
from decimal import Decimal

from assembler.termsheet.alliance import AllianceTermSheet, first_number, lower_is_better
from assembler.termsheet.loader import load_file
from tests.conftest import ROOT

BIG = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"


def alliance_of(data):
    return AllianceTermSheet.model_validate(data).alliance


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
    a = alliance_of(copy.deepcopy(load_file(BIG).data))
    t = {x.number: x for x in a.trajectories}
    assert a.term_years == 5
    # 180 to 260 by 2029/30, the third Alliance Year from April 2027: 80 in three steps, then held
    assert t[1].levels == ["207", "233", "260", "260", "260"] and not t[1].lower_is_better
    # 14% to 5% over five years, lower is better
    assert t[3].levels == ["12%", "10%", "9%", "7%", "5%"] and t[3].lower_is_better
    assert t[5].levels is None  # no baseline yet: no level, not counted


def test_agreed_levels_win():
    data = copy.deepcopy(load_file(BIG).data)
    data["alliance"]["kpi_trajectories"] = [{"kpi": 1, "levels": ["190", "210"]}]
    t = alliance_of(data).trajectories[0]
    assert t.agreed and t.levels == ["190", "210", "210", "210", "210"]
