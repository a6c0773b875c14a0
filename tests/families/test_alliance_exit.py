"""Leaving the Alliance: the first sub-clause states when a notice to leave may be given and expire, from the sheet's
minimum period and year-end rule, and the note asks for them where the sheet is silent (r27 al-sample finding 5)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import build, clause, text_of

SAMPLE = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"


def _texts(doc):
    c = clause(doc, "alliance.leaving")
    return _flat(text_of(c)), _flat(c.note or "")


def test_minimum_period_and_year_end_are_stated(tmp_path, catalogue):
    """Firing: exit_not_before and exit_at_year_end put the lock-in in the clause, and the note says it binds the
    Commissioner too instead of asking for it."""
    text = SAMPLE.read_text()
    old = "  exit_notice_months: 12\n"
    assert old in text
    sheet = tmp_path / "lockin.yaml"
    sheet.write_text(text.replace(old, old + "  exit_not_before: 2029-03-31\n  exit_at_year_end: true\n", 1))
    body, note = _texts(build(sheet, catalogue).document)
    assert ("An Alliance Member may leave the Alliance by giving at least twelve months' notice to every other Party. "
            "That notice may not expire before 31 March 2029. It must expire on 31 March, the last day of an "
            "Alliance Year.") in body
    assert "any time after this Agreement is signed" not in body
    assert "no member's notice may expire before 31 March 2029, and every notice must expire on 31 March" in note
    assert "binds the Commissioner too" in note
    assert "Take instructions" not in note


def test_silent_sheet_says_notice_runs_from_signature(catalogue):
    """Quiet: the sample sets no minimum period, so the clause says notice may be given from signature and the note
    asks for a minimum period and a year-end date, with the sample's dates."""
    body, note = _texts(build(SAMPLE, catalogue).document)
    assert ("That notice may be given at any time after this Agreement is signed, including before the Commencement "
            "Date.") in body
    assert "may not expire before" not in body
    assert "The instructions set no minimum period of membership." in note
    assert ("(a) no notice to leave may expire before 31 March 2029 (the end of the second Alliance Year); and (b) any "
            "notice must expire on 31 March, the end of an Alliance Year") in note
