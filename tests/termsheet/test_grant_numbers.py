"""The grant model's worked figures: the match-funding reduction example the budget Schedule and the
note print, and which assets are vehicles. Figures are worked by hand in the comments."""

from __future__ import annotations

from decimal import Decimal

from ruamel.yaml import YAML

from assembler.termsheet.grant import Asset, GrantTermSheet
from tests.conftest import ROOT

BIG = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"


def sheet(edit=None) -> GrantTermSheet:
    data = YAML(typ="safe").load(BIG.read_text())
    data.pop("positions", None)
    if edit:
        edit(data)
    return GrantTermSheet.model_validate(data)


def test_unconfirmed_source_failing_cuts_the_grant_by_the_formula():
    ex = sheet().grant.match_shortfall
    # sources 90,000 confirmed + 60,000 not; 25% of 600,000 = 150,000 required; 90,000 x 75 / 25 = 270,000
    assert ex.lost == ("Northbrook Community Foundation",)
    assert (ex.match_left, ex.grant_left, ex.cut, ex.share) == (
        Decimal(90000), Decimal(270000), Decimal(180000), Decimal(60))


def test_all_confirmed_takes_the_largest_source_as_the_example():
    def confirm(d):
        for s in d["grant"]["match_funding"]["sources"]:
            s["confirmed"] = True
    ex = sheet(confirm).grant.match_shortfall
    largest = max(sheet(confirm).grant.match_funding.sources, key=lambda s: s.amount)
    assert ex.lost == (largest.source,)


def test_no_example_under_the_stop_remedy():
    assert sheet(lambda d: d["grant"]["match_funding"].__setitem__("shortfall", "stop")).grant.match_shortfall is None


def test_required_match_is_the_percentage_of_total_cost():
    assert sheet().grant.match_required == Decimal(150000)   # 25% of 600,000


def test_vehicles_are_read_from_the_description():
    assert Asset(description="Accessible 16-seat minibus", cost=42000).is_vehicle
    assert Asset(description="Electric car for outreach visits", cost=22000).is_vehicle
    assert not Asset(description="Laptops and a portable projector", cost=7200).is_vehicle
    assert not Asset(description="Carpets for the hall", cost=900).is_vehicle   # "car" only as a whole word
