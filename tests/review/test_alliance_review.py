"""The alliance review pack's key terms say who bears Pain above a fixed Commissioner amount as the draft does:
under above_cap 'commissioner' the Commissioner does (the draft's clause 13), not the Providers."""

from __future__ import annotations

import pytest

from assembler.review import build_review
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT

FIXTURES = ROOT / "tests" / "families" / "fixtures"


def _pain_cap(catalogue, name):
    sheet = read_termsheet(FIXTURES / name, catalogue)
    terms = {k.label: k.lines for k in build_review(sheet, catalogue, today=DRAFT_DATE).key_terms}
    return " ".join(terms["Pain cap"])


@pytest.mark.parametrize("name", ["alliance-ellerby-single-contract.yaml", "alliance-early-help.yaml"])
def test_a_commissioner_bearing_pain_above_its_amount_is_not_said_to_pass_it_to_the_providers(catalogue, name):
    line = _pain_cap(catalogue, name)
    assert "bears Pain above that too" in line and "falls to the Providers" not in line


def test_providers_bearing_pain_above_the_amount_are_limited_in_the_pack(catalogue):
    line = _pain_cap(catalogue, "alliance-ravensmoor.yaml")
    assert "falls to the Providers beyond their caps, each up to" in line and "of its annual value" in line
