"""Validation reports every problem at once, located by file, line and field, with suggestions."""

from __future__ import annotations

import pytest

from assembler.errors import UserError
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import MINILIB

SHEET = (MINILIB / "samples" / "grant" / "tiny.yaml").read_text()


def line(text: str, needle: str) -> int:
    """The 1-based line of the first line containing needle, so tests survive edits to the fixture."""
    return next(n for n, row in enumerate(text.splitlines(), 1) if needle in row)


def problems_for(text: str, minilib) -> list[str]:
    with pytest.raises(UserError) as caught:
        validate(load_text(text, "t.yaml"), minilib)
    return [str(p) for p in caught.value.problems]


def test_the_fixture_sheet_is_valid(minilib):
    sheet = validate(load_text(SHEET, "t.yaml"), minilib)
    assert sheet.family == "grant"
    assert sheet.positions == {"payment_basis": "arrears"}
    assert str(sheet.model.grant.maximum_sum) == "12500"


def test_unknown_key_gets_a_suggestion(minilib):
    text = SHEET.replace("  purpose:", "  purpse:")
    found = problems_for(text, minilib)
    assert any(f"t.yaml:{line(text, 'purpse')}: grant.purpse: unknown field 'purpse' (did you mean 'purpose'?)" in p for p in found)
    # the text the typo left out is an open fact, not a second error: the suggestion is the message
    assert not any("grant.purpose:" in p for p in found)


def test_wrong_type_for_an_amount(minilib):
    found = problems_for(SHEET.replace("maximum_sum: 12,500", "maximum_sum: lots"), minilib)
    assert found == [f"t.yaml:{line(SHEET, 'maximum_sum')}: grant.maximum_sum: 'lots' is not an amount; write pounds as a number, "
                     "e.g. 125000 or \"125,000.50\""]


def test_negative_sum(minilib):
    found = problems_for(SHEET.replace("amount: 2500", "amount: -2500"), minilib)
    assert len(found) == 1 and found[0].endswith("grant.instalments[1].amount: must not be negative (got -2500)")


def test_impossible_date(minilib):
    found = problems_for(SHEET.replace("2026-10-15", "2026-02-30"), minilib)
    assert len(found) == 1
    assert found[0].startswith(f"t.yaml:{line(SHEET, '2026-10-15')}: grant.instalments[1].date: ")
    assert "2026-02-30" in found[0]


def test_all_problems_are_reported_at_once(minilib):
    text = SHEET.replace("maximum_sum: 12,500", "maximum_sum: lots").replace("legal_form: cio", "legal_form: trust")
    found = problems_for(text, minilib)
    assert len(found) == 2
    assert found[0].startswith(f"t.yaml:{line(text, 'legal_form: trust')}: recipient.legal_form:")


def test_unknown_family_suggests(minilib):
    found = problems_for("family: grnat\n", minilib)
    assert found == ["t.yaml:1: family: unknown family 'grnat' (did you mean 'grant'?); the library has grant"]


def test_missing_family(minilib):
    assert "missing 'family:'" in problems_for("a: 1\n", minilib)[0]


def test_unknown_position_and_variant(minilib):
    text = SHEET + "positions:\n  payment_bases: advance\n"
    assert "unknown position 'payment_bases' (did you mean 'payment_basis'?)" in problems_for(text, minilib)[0]
    text = SHEET + "positions:\n  payment_basis: upfront\n"
    found = problems_for(text, minilib)[0]
    assert found.startswith(f"t.yaml:{line(text, 'upfront')}: positions.payment_basis: unknown variant 'upfront'")
    assert "choose one of: advance, arrears" in found


def test_digest_ignores_formatting(minilib):
    a = validate(load_text(SHEET, "a.yaml"), minilib)
    b = validate(load_text("# a comment\n" + SHEET.replace("12,500", "12500"), "b.yaml"), minilib)
    assert a.digest == b.digest
