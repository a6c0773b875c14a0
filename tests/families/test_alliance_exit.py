"""Leaving the Alliance: the first sub-clause states when a notice to leave may be given and expire, from the sheet's
minimum period and year-end rule, and the note asks for them where the sheet is silent (r27 al-sample finding 5)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.families.clause_texts import (
    build,
    clause,
    clause_text,
    flat as _flat,
    flat_note,
    note,
    text_of,
    variant_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG, ALLIANCE_SMALL, ALLIANCE_STAINMOOR_ALE


def _texts(doc):
    c = clause(doc, "alliance.leaving")
    return _flat(text_of(c)), _flat(c.note or "")


def test_minimum_period_and_year_end_are_stated(tmp_path, catalogue):
    """Firing: exit_not_before and exit_at_year_end put the lock-in in the clause, and the note says it binds the
    Commissioner too instead of asking for it."""
    text = ALLIANCE_BIG.read_text()
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
    body, note = _texts(build(ALLIANCE_BIG, catalogue).document)
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
    doc = build(ALLIANCE_BIG, catalogue).document
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


def test_exit_plan_choice_given_to_the_alt_is_the_alts(alliance_thistlebury, catalogue):
    """r19 al11: Finding 6 (firing and quiet): a handover line saying the ALT chooses is decided by the ALT; where no line
    says so, the Commissioner makes every choice as before."""
    text = _flat(text_of(clause(alliance_thistlebury, "alliance.schedule-exit")))
    assert "where it says the ALT chooses, the ALT decides under clause 9" in text
    quiet = _flat(text_of(clause(build(ALLIANCE_SMALL, catalogue).document, "alliance.schedule-exit")))
    assert "where it says the ALT chooses" not in quiet


def test_exit_note_names_the_right_premises_and_the_rp_controls(alliance_thistlebury):
    """r19 al11: Finding 11: 'tenancy sustainment' is not an interest in premises; a registered provider's management
    agreement is, and the note and paragraph name the Regulator's consent under s.172 HRA 2008."""
    note = _flat(clause(alliance_thistlebury, "alliance.schedule-exit").note or "")
    assert "Larchfield (a management agreement of the buildings)" in note and "on an interest in, or the management of, premises" in note
    assert "Nextstep (" not in note
    assert "section 172 of the Housing and Regeneration Act 2008" in note
    text = _flat(text_of(clause(alliance_thistlebury, "alliance.schedule-exit")))
    assert "Charities Act 2011 (where they apply to it), where it is a private registered provider" in text


def test_exit_plan_sends_part7_work_to_the_housing_authoritys_team(alliance_thornshire):
    """r20 al15: al-fresh 18 (firing): a county council has no housing options team; the note says where the Part 7 work goes,
    and para 5 covers a provider one Commissioner appoints as well as one the Commissioners appoint."""
    c = clause(alliance_thornshire, "alliance.schedule-exit")
    note = _flat(c.note or "")
    assert ("the County Council is not a housing authority and has none: the Part 7 work goes to the housing options "
            "team of the Borough Council or the District Council, whichever it is done for (or a provider that council "
            "appoints)") in note
    assert "refers to a provider that a Commissioner or the Commissioners appoint" in _flat(text_of(c))


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_exit_plan_housing_options_note_quiet(path, catalogue):
    """r20 al15: al-fresh 18 (quiet): no sample hands Part 7 work over."""
    c = clause(build(path, catalogue).document, "alliance.schedule-exit")
    assert "is not a housing authority" not in _flat(c.note or "")


def test_handover_to_a_pcn_is_flagged(alliance_kingsholt):
    """r25 alA: al-fresh finding 17 (firing): a handover to primary care networks gets a note naming who can receive it."""
    note = flat_note(alliance_kingsholt, "alliance.schedule-exit")
    assert "The handover sends work to primary care networks, which are not legal persons" in note
    assert "a practice or the network's nominated lead body" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_pcn_note_without_a_pcn(path, catalogue):
    """r25 alA: al-fresh finding 17 (quiet)."""
    doc = build(path, catalogue).document
    assert "primary care networks, which are not legal persons" not in flat_note(doc, "alliance.schedule-exit")


def test_no_extension_paragraph_for_a_single_contract(catalogue):
    """r25 alB: al-sample finding 16 (quiet): with one contract there is no Service Contract to fall out of step."""
    path = Path(__file__).parent / "fixtures" / "alliance-ellerby-single-contract.yaml"
    term = _flat(text_of(clause(build(path, catalogue).document, "alliance.term-termination")))
    assert "cannot be extended to match" not in term


def test_exit_plan_and_case_system_name_the_sole_commissioner_by_its_role(alliance_big):
    """r25 alD: al-sample 14: the sheet's "the Council appoints" prints as the Commissioner, as the next paragraph does."""
    exit_plan = clause_text(alliance_big, "alliance.schedule-exit", flat=True)
    assert "the Council appoints" not in exit_plan
    assert "specialist palliative care the Commissioner appoints" in exit_plan
    sharing = clause_text(alliance_big, "alliance.information-sharing", flat=True)
    assert "one system hosted by the Commissioner." in sharing
    assert "hosted by the Council" not in sharing
    assert "the Council processes" not in clause_text(alliance_big, "alliance.schedule-case-system", flat=True)


def test_converted_member_former_contract_novation_note(alliance_stainmoor_ale):
    """r26 alE: Finding 12 (firing): a Provider that converted to a CIO is asked whether its Former Contract was novated to it."""
    note = flat_note(alliance_stainmoor_ale, "alliance.transition")
    assert "Sight Support took over from an unincorporated charity of the same name, in 2019" in note
    assert "Confirm that SMBC/ASC/C/0388 was novated or transferred to Sight Support (charity 1184417)" in note
    assert "must join in ending it" in note


def test_no_novation_note_without_conversion(catalogue):
    """r26 alE: Finding 12 (quiet): without converted_from there is no novation note."""
    doc = variant_of(catalogue, ALLIANCE_STAINMOOR_ALE, "    converted_from: an unincorporated charity of the same name, in 2019\n", "")
    assert "took over from" not in flat_note(doc, "alliance.transition")


def test_former_contract_run_on_counts_as_the_service_contract(alliance_big):
    """r26 alF: al-sample 3 (firing): while a Former Contract runs on, references to the Service Contract include it."""
    text = _flat(text_of(clause(alliance_big, "alliance.transition")))
    assert ("Until a Provider's Service Contract starts, a reference in this Agreement to that Provider's Service"
            " Contract includes each Former Contract it holds") in text


def _for_cause_sheet(tmp_path, extra: str) -> Path:
    """The three-member sample (exit: for-cause, six months' notice, 1 July 2027 to 30 June 2030) with `extra` added
    to its alliance block."""
    text = ALLIANCE_SMALL.read_text()
    old = "  exit_notice_months: 6\n"
    assert old in text
    sheet = tmp_path / "for-cause.yaml"
    sheet.write_text(text.replace(old, old + extra, 1))
    return sheet


def test_year_end_exit_applies_under_for_cause(tmp_path, catalogue):
    """Firing (r34 al-fresh finding 2): under exit: for-cause with a for-cause period, exit_at_year_end makes the
    notice to leave without cause expire at an Alliance Year end, and the note gives the first day a member can leave
    that way and when notice is due."""
    sheet = _for_cause_sheet(tmp_path, "  for_cause_until: 2028-06-30\n  exit_at_year_end: true\n")
    doc = build(sheet, catalogue).document
    body, note = _texts(doc)
    assert ("it may give that notice before that date, so long as the notice expires on or after it. That notice must "
            "expire on 30 June, the last day of an Alliance Year.") in body
    assert "As instructed, a notice to leave without cause must expire on 30 June, the end of an Alliance Year" in note
    # r37 al-fresh finding 10: the period's own last day, an Alliance Year end, is the first no-cause exit
    assert "The earliest a member can leave without cause is therefore 30 June 2028, on notice given by 30 December 2027" in note
    assert "a notice may expire on that day, so that a member can leave when the period the instructions give ends" in note


def test_year_end_exit_quiet_under_for_cause(tmp_path, catalogue):
    """Quiet: without exit_at_year_end the for-cause clause lets notice expire on any day after the period."""
    sheet = _for_cause_sheet(tmp_path, "  for_cause_until: 2028-06-30\n")
    body, note = _texts(build(sheet, catalogue).document)
    assert "the last day of an Alliance Year" not in body
    assert "As instructed, a notice to leave without cause must expire" not in note


def test_for_cause_years_end_is_first_no_cause_exit(tmp_path, catalogue):
    """Firing (r37 al-fresh finding 10): a for-cause period of N Alliance Years ends on an Alliance Year end, and a
    no-cause notice may expire on that day, so a member can leave at the end of the N years, not a year later."""
    sheet = _for_cause_sheet(tmp_path, "  for_cause_until: 1\n  exit_at_year_end: true\n")
    body, note = _texts(build(sheet, catalogue).document)
    assert "Before 30 June 2028, an Alliance Member may leave the Alliance only" in body
    assert "On or after 30 June 2028, an Alliance Member may leave the Alliance by giving" in body
    assert "The earliest a member can leave without cause is therefore 30 June 2028" in note


def test_for_cause_date_mid_year_exits_at_next_year_end(tmp_path, catalogue):
    """Quiet: a for-cause period ending part-way through an Alliance Year gives the next Alliance Year end as the first
    no-cause exit, and the note says nothing about leaving on the period's last day."""
    sheet = _for_cause_sheet(tmp_path, "  for_cause_until: 2028-03-31\n  exit_at_year_end: true\n")
    body, note = _texts(build(sheet, catalogue).document)
    assert "The earliest a member can leave without cause is therefore 30 June 2028" in note
    assert "a notice may expire on that day" not in note
