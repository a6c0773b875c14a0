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


def test_asset_valuation_follows_premises_passed_on_under_the_exit_plan(catalogue):
    """r27 al-sample finding 17: the expert route for valuation, and the surveyors' nominator, are there because the
    Exit Plan passes on premises (a management agreement, the refuge), and say so; the type of service alone does not
    bring them in."""
    doc = build(SAMPLE, catalogue).document
    disputes = _flat(text_of(clause(doc, "common.disputes")))
    exit_plan = clause(doc, "alliance.schedule-exit").number
    assert f"the value of any lease, management agreement or other interest in premises passed on under Schedule {exit_plan};" in disputes
    assert "Royal Institution of Chartered Surveyors, for a Dispute about the value of an interest in premises" in disputes
    assert "the value of any asset" not in disputes
    assert "kept only because the Exit Plan passes on interests in premises" in clause(doc, "common.disputes").note


def test_housing_services_without_premises_passing_have_no_valuation_route(catalogue):
    """Quiet: housing-related services whose Exit Plan passes on no premises and include no refuge: no asset category,
    no surveyors."""
    sheet = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"
    doc = build(sheet, catalogue).document
    from assembler.termsheet.validate import read_termsheet
    model = read_termsheet(sheet, catalogue).model.alliance
    assert model.housing_in_scope and not model.assets_in_play
    disputes = _flat(text_of(clause(doc, "common.disputes")))
    assert "expert determination" in disputes
    assert "value of any" not in disputes and "Chartered Surveyors" not in disputes
