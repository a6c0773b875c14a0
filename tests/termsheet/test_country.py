"""Where the public body is and the services are delivered: England by default, Wales on request,
Scotland and Northern Ireland refused by name at the line that says so."""

from __future__ import annotations

import pytest

from assembler.errors import UserError
from assembler.termsheet.common import Country
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import ROOT

WELSH = ROOT / "samples" / "grant" / "welsh-community-grant.yaml"
ENGLISH = ROOT / "samples" / "grant" / "community-single-payment.yaml"


def sheet_with(country_line: str | None, catalogue):
    text = WELSH.read_text(encoding="utf-8")
    text = text.replace("  country: wales\n", f"  {country_line}\n" if country_line else "")
    return validate(load_text(text, "w.yaml"), catalogue)


def problems(country_line: str, catalogue) -> list[str]:
    with pytest.raises(UserError) as caught:
        sheet_with(country_line, catalogue)
    return [str(p) for p in caught.value.problems]


def test_england_is_the_default(catalogue):
    sheet = validate(load_text(ENGLISH.read_text(encoding="utf-8"), "e.yaml"), catalogue)
    assert sheet.model.document.country is Country.england
    assert sheet.model.document.wales is False
    assert sheet_with(None, catalogue).model.document.wales is False


@pytest.mark.parametrize("written", ["wales", "Wales", "WALES"])
def test_wales_in_any_case(catalogue, written):
    sheet = sheet_with(f"country: {written}", catalogue)
    assert sheet.model.document.country is Country.wales and sheet.model.document.wales


@pytest.mark.parametrize("written, name", [("scotland", "Scotland"), ("Scotland", "Scotland"),
                                           ("northern_ireland", "Northern Ireland"),
                                           ("Northern Ireland", "Northern Ireland")])
def test_scotland_and_northern_ireland_are_refused_by_name(catalogue, written, name):
    (found,) = problems(f"country: {written}", catalogue)
    assert found.startswith("w.yaml:11: document.country: ")
    assert f"{name} is not supported: its law differs" in found
    assert "write england or wales" in found


def test_any_other_country_is_not_a_choice(catalogue):
    (found,) = problems("country: france", catalogue)
    assert found == "w.yaml:11: document.country: 'france' is not one of the choices; choose one of: england, wales"
