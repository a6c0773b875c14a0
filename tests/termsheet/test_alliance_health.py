"""Whether an alliance's Services include health care decides clinical negligence cover and the patient safety
wording: the sheet's health_care decides where given; otherwise an NHS member or the services' words do, and
"hospital" alone (hospital discharge support) is social care, not health care."""

from __future__ import annotations

from tests.conftest import ROOT
from assembler.termsheet.validate import read_termsheet

HOUSING = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"


def _alliance(catalogue, **changes):
    alliance = read_termsheet(HOUSING, catalogue).model.alliance
    return alliance.model_copy(update=changes)


def test_hospital_discharge_support_is_not_health_care(catalogue):
    alliance = _alliance(catalogue, services=["Support at home for people leaving hospital"])
    assert alliance.health_in_scope is False


def test_nursing_services_are_health_care_unless_the_sheet_says_not(catalogue):
    assert _alliance(catalogue, services=["Community nursing for people leaving hospital"]).health_in_scope is True
    assert _alliance(catalogue, services=["Community nursing"], health_care=False).health_in_scope is False
    assert _alliance(catalogue, services=["Housing support"], health_care=True).health_in_scope is True
