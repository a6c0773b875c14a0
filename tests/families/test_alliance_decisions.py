"""Decisions of the ALT under majority voting: how an agreed Reserved Matter on closing or ending a service meets a
cut in a Commissioner's funding and a move of services under the Exit Plan (r27 al-fresh finding 8)."""
from __future__ import annotations

from pathlib import Path

import pytest

from assembler.assemble import assemble
from assembler.model import plain_text
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import read_termsheet, validate
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import (
    alliance_key_row,
    build,
    clause,
    clause_text,
    flat as _flat,
    flat_note,
    note,
    table_rows,
    text_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG, ALLIANCE_LYNMERE, ALLIANCE_THORNSHIRE

CLOSURE = "      - Closing a Meeting Centre or ending a service in any market town\n"


def test_funding_cut_takes_one_route_past_a_closure_reserved_matter(alliance_lynmere):
    """Firing: a closure Reserved Matter does not give a Provider a veto over a change that follows a Commissioner's
    funding cut; the clause that governs the reduction (the later-years contributions) is cited, the revised Annual
    Plan passes by the ordinary rule, and a move under the Exit Plan is not a closure. The note asks for the places
    to be named and says a Provider can still refuse a cut in its own Annual Value (the Target Cost is reserved)."""
    text = _flat(text_of(clause(alliance_lynmere, "alliance.decisions")))
    # r32 al-fresh finding 2: the cut may reduce a reserved service only in proportion, and never move it elsewhere
    assert ("A change to the Services that follows a reduction in the money a Commissioner has approved for them is "
            "not a Reserved Matter, except that, unless the ALT decides otherwise as for the Reserved Matter "
            "concerned, such a change: (a) may reduce the money for a service or place that a Reserved Matter names "
            "by no greater a proportion than the reduction in the money approved for all the Services; and (b) may "
            "not move any part of that service or place to another Provider.") in text
    assert "Clause 12.9 governs the reduction" in text
    # r37 task 3 (reserved-matter guard): the sheet reserves approving the Annual Plan, so the ordinary route for the
    # revised plan says, in brackets, that it overrides that Reserved Matter
    assert ("with the closure or other change it makes, is decided under clause 9.3[, even though approving the Annual "
            "Plan is otherwise a Reserved Matter].") in text
    assert ("Reserved Matter]. Moving a service or place to another provider under clause 26 or the Exit Plan does not "
            "close or end it.") in text
    note = _flat(clause(alliance_lynmere, "alliance.decisions").note or "")
    assert '"closing a Meeting Centre or ending a service in any market town"' in note
    assert "name each one it covers, with its address, in Part 1 of Schedule 1" in note
    assert "a Provider can still refuse a cut in its own Annual Value" in note


def test_no_funding_cut_route_without_a_closure_reserved_matter(tmp_path, catalogue):
    """Quiet: without a Reserved Matter on closing or ending a service, neither the clause nor the note changes."""
    text = ALLIANCE_LYNMERE.read_text()
    assert CLOSURE in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(CLOSURE, "", 1))
    doc = build(sheet, catalogue).document
    assert "follows a reduction in the money" not in _flat(text_of(clause(doc, "alliance.decisions")))
    assert "Part 1 of Schedule 1" not in _flat(clause(doc, "alliance.decisions").note or "")


def read_model(path, catalogue):
    from assembler.termsheet.validate import read_termsheet
    return read_termsheet(path, catalogue).model.alliance


def test_budget_reserved_matter_carves_out_the_overspend_approvals(alliance_thistlebury):
    """r19 al11: Finding 1 (firing): the Reserved Matter on committing the Council's budget leaves approvals of costs above
    budget and of running costs to their own clauses, and 9.6 says the overspend approval is made by majority."""
    text = _flat(text_of(clause(alliance_thistlebury, "alliance.decisions")))
    assert ("commits the Council's budget beyond the Annual Plan[, other than an approval of costs under clause 13."
            in text)  # r33 al-fresh F5: the carve-out is bracketed, the sheet's Reserved Matter having none
    assert "or of running costs under clause 16.1, each of which is decided only as that clause provides]." in text
    # r24 al-fresh 9: the gate-vote sub-clause (KPIs listed against each Provider) moves the approval rule to 13.13
    # r25 al-fresh 3 (al22): the ALT's approval of urgent costs above the Commissioner's limit is carved out too
    assert ("(including an approval of costs under clause 13.13 or clause 13.15, or of running costs under clause 16.1,"
            " each of which is made only as that clause provides)" in text)
    assert budget_carve_outs(text)[0] == budget_carve_outs(text)[1]  # r40 al-shortbreaks F9


def budget_carve_outs(text: str) -> tuple[list[str], list[str]]:
    """The clauses cited in the bracketed carve-out of the budget Reserved Matter and in the one of the sub-clause on
    decisions needing every member (r40 al-shortbreaks F9: the two must list the same approvals)."""
    import re
    first = text.split("[, other than ", 1)[1].split("]", 1)[0]
    second = text.split("[(including ", 1)[1].split(")]", 1)[0]
    return (re.findall(r"clause \d+\.\d+", first), re.findall(r"clause \d+\.\d+", second))


def test_both_carve_outs_list_the_same_approvals(catalogue):
    """r40 al-shortbreaks F9: in every sample whose Reserved Matters touch the budget, 9.4(d) and 9.6 carve out the
    same approvals (costs above budget, any further urgent approval, and running costs), from one list."""
    seen = 0
    for path in ALLIANCE:
        text = _flat(text_of(clause(build(path, catalogue).document, "alliance.decisions")))
        if "[, other than " not in text:
            continue
        seen += 1
        first, second = budget_carve_outs(text)
        assert first == second and len(first) >= 2, path.stem
    assert seen


def test_no_budget_reserved_matter_no_carve_out(catalogue):
    """r19 al11: Finding 1 (quiet): a sheet whose Reserved Matters do not touch the budget has no carve-out."""
    path = next(p for p in ALLIANCE if p.stem == "complex-needs-eight-members")
    doc = build(path, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.decisions")))
    if "budget beyond" not in text:
        assert "each of which is decided only as that clause provides" not in text


def test_commissioner_cannot_force_a_deadlock_by_staying_away(alliance_thistlebury):
    """r19 al11: Finding 2: a meeting inquorate for the Commissioner's absence does not count towards deadlock."""
    text = _flat(text_of(clause(alliance_thistlebury, "alliance.decisions")))
    assert "not quorate because the Commissioner's representative (or deputy) was absent" in text
    # r21 al-sample 11: the rule does the work; the reason for it is not restated
    # r22 al-sample 19: the deadlock test is lettered, and the exception sits on the 40 Business Days alone
    assert "unless a meeting at which it was to be decided was not quorate because the Commissioner's representative" in text
    assert "cannot put a matter into deadlock" not in text


def test_deadlock_fallback_points_to_the_target_cost_rule(alliance_big):
    """r20 al14: al-sample 10: the deadlock fallback no longer says the previous year's Target Cost continues."""
    text = _flat(text_of(clause(alliance_big, "alliance.decisions")))
    assert "the arrangements for the previous Alliance Year continue" not in text
    assert "the Target Cost being set as clause" in text


def test_one_list_of_exceptions_to_unanimity(alliance_big):
    """r20 al14: al-sample 11 (firing): the exceptions to unanimity are listed once, in the decisions clause, and the
    principles and the quorum rule refer to that list; 13.7 says plainly how the Commissioner gives its part."""
    from assembler.model import Paragraph
    unanimous = next(p.number for p in clause(alliance_big, "alliance.decisions").blocks
                     if isinstance(p, Paragraph) and p.anchor == "unanimous")
    assert f"except as clause {unanimous} provides" in _flat(text_of(clause(alliance_big, "alliance.principles")))
    assert f"(except as clause {unanimous} provides)" in _flat(text_of(clause(alliance_big, "alliance.governance")))
    rr = _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert "and any limit it sets" not in rr
    # r31 al-fresh finding 13: approvals of further costs above the urgent-approvals limit are covered too
    assert "the Commissioner gives its part in an approval under clause 13.10 or clause 13.12 only in writing" in rr
    # al-sample 23: under unanimity the Commissioner's vote is already needed
    assert "with the Commissioner among those voting for it" not in rr


def test_majority_alliance_keeps_the_commissioner_vote_safeguard(catalogue):
    """r20 al14: al-sample 23 (quiet): under a majority rule the overspend approval still needs the Commissioner's vote."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        if "Reserved Matter" not in _flat(text_of(clause(doc, "alliance.decisions"))):
            continue
        rr = _flat(text_of(clause(doc, "alliance.risk-reward")))
        if "before they are incurred, by a decision of the ALT" in rr:
            assert "among those voting for it" in rr


def test_quorum_follows_the_membership_where_the_sheet_fixes_no_number(catalogue):
    """r20 al14: al-fresh 9 (firing): with no quorum in the sheet, the quorum is a share of the members (the 75% majority
    here), so it still works when a member leaves; the reduced quorum uses the same share."""
    sheet = ALLIANCE_THORNSHIRE
    doc = build(sheet, catalogue).document
    gov = _flat(text_of(clause(doc, "alliance.governance")))
    assert "quorate if representatives of at least 75% of the Alliance Members (rounded up), including the" in gov
    assert "at least 75% (rounded up) of the Alliance Members entitled to vote on it, and of at least two of them" in gov
    assert "at least six Alliance Members" not in gov


def test_fixed_quorum_from_the_sheet_is_kept(catalogue):
    """r20 al14: al-fresh 9 (quiet): a sheet that states a quorum keeps its number."""
    for path in ALLIANCE:
        if "small-majority" in path.stem:
            doc = build(path, catalogue).document
            gov = _flat(text_of(clause(doc, "alliance.governance")))
            assert "at least three Alliance Members" in gov and "(rounded up)" not in gov


def test_gain_only_overspend_is_not_an_alt_vote(catalogue):
    """r20 al14: al-fresh 14: under gain-only the Commissioner approves overspend alone, so 8.6 and the deadlock list do not
    treat it as an ALT vote; under gain and pain they still do."""
    sheet = ALLIANCE_THORNSHIRE
    doc = build(sheet, catalogue).document
    gov = _flat(text_of(clause(doc, "alliance.governance")))
    dec = _flat(text_of(clause(doc, "alliance.decisions")))
    rr = clause(doc, "alliance.risk-reward").number
    assert f"clause {rr}." not in gov.split("(including under")[1].split(")")[0]
    assert "any approval of costs under" not in dec


def test_gain_and_pain_overspend_vote_still_listed(alliance_big):
    """r20 al14: al-fresh 14 (quiet): where 13.6(a) is an ALT vote it stays in the no-vote list and the deadlock list."""
    assert "any approval of costs under clause" in _flat(text_of(clause(alliance_big, "alliance.decisions")))
    assert ", clause 13.10, clause" in _flat(text_of(clause(alliance_big, "alliance.governance")))


def test_long_sentences_are_split_into_lettered_sub_clauses(alliance_big):
    """r20 al14: al-sample 22: 5.1, 9.4, 13.13 and 14.4 are lead-ins with lettered items; the key information table says
    "of Gain and of Pain"."""
    from assembler.model import Paragraph
    urgent = next(p for p in clause(alliance_big, "alliance.decisions").blocks if isinstance(p, Paragraph) and p.anchor == "urgent")
    assert urgent.text.endswith("is at immediate risk:")
    improvement = next(p for p in clause(alliance_big, "alliance.performance").blocks
                       if isinstance(p, Paragraph) and p.anchor == "improvement")
    assert improvement.text.endswith("set out in Part 3 of Schedule 2:")
    transition = _flat(text_of(clause(alliance_big, "alliance.transition")))
    assert "agree that the Former Contract ends: if that Provider's Service Contract has been signed before" in transition
    rr = _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert "No Balancing Amount repays such a deduction or recovers it a second time." in rr
    rows = dict((r[0], r[1]) for r in table_rows(clause(alliance_big, "alliance.key-information")))
    assert "11.04% of Gain and of Pain" in rows["Shares of Gain and Pain"] and "of each" not in rows["Shares of Gain and Pain"]


def test_alt_schedule_note_mentions_reserved_matters_only_when_there_are_some(alliance_big, catalogue):
    """r20 al14: al-sample 20: no "reserved matters" in the note of a sheet without them (quiet), and they are named where a
    majority sheet has them (firing); the quarterly publication duty is flagged."""
    sheet = ALLIANCE_THORNSHIRE
    note = " ".join(clause(alliance_big, "alliance.schedule-alt").note.split())
    assert "reserved matters" not in note.lower() and "The decision rule repeats what clause " in note  # r21 al-sample 23: a number
    # r28 al-fresh finding 15: the invented publication duty is gone from the Schedule; the note offers it
    assert "The instructions give no duty to publish the ALT's decisions, so the Schedule has none" in note
    assert "publish a summary" not in " ".join(text_of(clause(alliance_big, "alliance.schedule-alt")).split())
    other = " ".join(clause(build(sheet, catalogue).document, "alliance.schedule-alt").note.split())
    assert "The decision rule and the Reserved Matters repeat" in other


def test_deadlock_note_tells_the_client_plainly(alliance_big):
    """r20 al14: al-sample 8: the note says what the Commissioner cannot decide in a deadlock, how long the status quo can
    last (to the end of the Term, from the sheet) and asks for instructions."""
    note = " ".join(clause(alliance_big, "alliance.decisions").note.split())
    # r22 al-sample 3: the Council decides a deadlocked Annual Plan or KPI change; the note names what it cannot
    assert "The Council therefore decides a deadlocked Annual Plan (but not the budgets, the costs approved in advance or the overhead rates and apportionment in it, which roll over) or change to the Outcomes or KPIs" in note
    assert "Tell the client that the draft is narrower than its instruction in one respect: the shares, Fees, caps, approvals of overspending" in note
    assert "could be until the Term ends (31 March 2032, or 31 March 2037 if extended)" in note


def test_reserved_matter_uses_the_defined_pooled_budget(alliance_thornshire):
    """r20 al15: al-fresh 15 (firing): a reserved matter on 'the pooled budget' uses the draft's defined term."""
    text = _flat(text_of(clause(alliance_thornshire, "alliance.decisions")))
    assert "changing any Commissioner's contribution to the Pooled Budget;" in text
    assert "pooled budget" not in text


def test_reserved_matter_pooled_budget_words_kept_without_a_pool():
    """r20 al15: al-fresh 15 (quiet): without a pooled budget the term is not capitalised into an undefined one."""
    from assembler.termsheet.alliance import Alliance, Decisions
    a = Alliance.model_construct(pooled_budget=None, decisions=Decisions.model_construct(
        reserved_matters=["Changing any Commissioner's contribution to the pooled budget"]))
    assert a.reserved_matters == ["changing any Commissioner's contribution to the pooled budget"]


def test_unanimity_assumed_is_told_plainly(alliance_big):
    """r21 al16: al-sample 2: with no voting rule and no reserved matters instructed, the note says unanimity is the draft's
    assumption, what it means and the majority-plus-reserved-matters alternative."""
    note = flat_note(alliance_big, "alliance.decisions")
    assert "Tell the client plainly that unanimity is this draft's assumption" in note
    # r22 al-sample 3: with deadlock: commissioner, a Provider can only hold the Annual Plan up until deadlock
    assert "one Provider can hold up the Annual Plan and changes to the KPIs until they are in deadlock and the Council decides them" in note
    # r24 al-sample 2: the alternative is given as recommended text
    assert "Each decision of the ALT needs the agreement of a majority of the Alliance Members voting, including the Commissioner" in note


def test_unanimity_instructed_is_not_called_an_assumption(catalogue):
    """r21 al16: al-sample 2 (quiet): a sheet that chooses unanimity is not told it was assumed."""
    source = ALLIANCE_BIG.read_text(encoding="utf-8")
    source = (source.replace("\npositions:\n", "\npositions:\n  decision_rule: unanimous\n", 1) if "\npositions:\n" in source
              else source + "\npositions:\n  decision_rule: unanimous\n")
    doc = assemble(validate(load_text(source, ALLIANCE_BIG.name), catalogue), catalogue, today=DRAFT_DATE).document
    note = flat_note(doc, "alliance.decisions")
    assert "this draft's assumption" not in note and "check that unanimity will not stall" in note


def test_each_commissioner_votes_for_budget_and_overspend_decisions(alliance_mossgate):
    """r21 al17: al-fresh 1 (firing): with two Commissioners each funding the pool, the budget veto and an overspend approval
    need each Commissioner, and an urgent approval by the Lead Commissioner needs the other's written agreement."""
    decisions = _flat(text_of(clause(alliance_mossgate, "alliance.decisions")))
    assert "is made only if each Commissioner is among those voting for it." in decisions
    assert "only if the Lead Commissioner is among those voting" not in decisions
    rr = _flat(text_of(clause(alliance_mossgate, "alliance.risk-reward")))
    assert "with each Commissioner among those voting for it, the Provider concerned not voting" in rr
    assert "by the Lead Commissioner with the written agreement of each other Commissioner within 20 Business Days" in rr


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_single_commissioner_keeps_its_own_vote(path, catalogue):
    """r21 al17: al-fresh 1 (quiet): with one Commissioner, nothing changes; with several, the rule applies to every sheet."""
    built = build(path, catalogue)
    rr = _flat(text_of(clause(built.document, "alliance.risk-reward")))
    if "Lead Commissioner" in rr:
        assert "with each Commissioner among those voting for it" in rr
    else:
        assert "written agreement of each other Commissioner" not in rr
        assert "each Commissioner among those voting" not in rr


def test_two_commissioners_are_named_clause_by_clause(alliance_mossgate):
    """r21 al17: al-fresh 6 and 7 (firing): no loose "the Commissioner" where it matters in a two-Commissioner deal; the ICB
    holds no Service Contract, so clause 26.5 sends its leaving to clause 26.6 and the Exit Plan's appointments are
    made by the contract holder with the funder's agreement."""
    decisions = _flat(text_of(clause(alliance_mossgate, "alliance.decisions")))
    assert "Where the Lead Commissioner (after consulting each other Commissioner where time allows) reasonably believes" in decisions
    assert "the Outcomes within the Pooled Budget." in decisions
    ops = _flat(text_of(clause(alliance_mossgate, "alliance.operations")))
    assert "must tell each Commissioner promptly" in ops
    # r24 al-fresh 21: the Council is party to every Service Contract, so it is named
    assert "prior written consent of the Council, which must not" in ops
    term = _flat(text_of(clause(alliance_mossgate, "alliance.term-termination")))
    assert "the Lead Commissioner, with the written agreement of each other Commissioner, may also remove it" in term
    leaving = _flat(text_of(clause(alliance_mossgate, "alliance.leaving")))
    assert "If another Commissioner gives notice to leave, this Agreement continues and clause" in leaving
    assert "pass to another Commissioner" not in leaving
    exit_plan = _flat(text_of(clause(alliance_mossgate, "alliance.schedule-exit")))
    assert ("the Commissioner party to the Service Contract for that part of the service appoints the provider, with the "
            "written agreement of each other Commissioner whose contribution to the Pooled Budget funds it") in exit_plan


def test_majority_counts_only_members_entitled_to_vote(alliance_haverleigh_al19):
    """r22 al19: al-fresh 6 (firing): where a member does not vote (a Provider whose overspend is being approved), the 75% is of
    the votes of the members entitled to vote, so three of the four eligible votes carry it."""
    decisions = _flat(text_of(clause(alliance_haverleigh_al19, "alliance.decisions")))
    assert ("Where this Agreement provides that an Alliance Member does not vote on a decision, that percentage is of "
            "the votes of the Alliance Members entitled to vote on it.") in decisions


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_commissioner_breaks_deadlock_on_plan_kpis_and_overspend(path, catalogue):
    """r22 al19: al-sample 3 (firing where deadlock is the Commissioner's, quiet otherwise): the sheet says the Commissioner
    breaks deadlock, so a deadlocked Annual Plan, KPI change or overspend approval goes to it (one Provider cannot
    freeze the Alliance), within limits: not the Target Cost, an Annual Value or more than a Service Contract
    requires; the shares, membership and amendments keep the status quo."""
    sheet = read_termsheet(path, catalogue).model
    decisions = _flat(text_of(clause(build(path, catalogue).document, "alliance.decisions")))
    protected = decisions.split("No procedure for deadlock decides", 1)[1].split(". If any", 1)[0]
    protected = protected.split("The Commissioner decides any other", 1)[0].split("Any other deadlocked matter", 1)[0]  # r26: a list
    assert "the Target Cost" in protected and "any change to this Agreement" in protected
    if sheet.alliance.decisions.deadlock == "commissioner":
        assert "the Annual Plan" not in protected and "to the Outcomes" not in protected
        assert "decides any other deadlocked matter (including" in decisions
        # r25 al-fresh 4 (al22): a matter an agreed Reserved Matter always covers is not named
        items = sheet.alliance.commissioner_deadlock_items
        named = decisions.split("decides any other deadlocked matter (including", 1)[1].split(")", 1)[0]
        assert ("the Annual Plan" in named) == ("plan" in items)
        assert ("a change to the Outcomes" in named) == ("outcomes" in items)
        assert "may not change the Target Cost or a Provider's Annual Value" in decisions
    else:
        assert "the Annual Plan" in protected and "to the Outcomes" in protected
        assert "may not change the Target Cost or a Provider's Annual Value" not in decisions


def test_kpi_that_gates_gain_stays_out_of_the_commissioners_deadlock_power(catalogue):
    """r22 al19: al-sample 3 with r18 al-sample 1 (firing): where KPIs gate Gain and the Commissioner breaks deadlock, a change
    to a gating KPI is still one no deadlock procedure decides; the Commissioner decides only the others."""
    sheet = ALLIANCE_THORNSHIRE
    model = read_termsheet(sheet, catalogue).model
    if not (model.alliance.gain_gated and model.alliance.decisions.deadlock == "commissioner"):
        pytest.skip("fixture no longer gated with commissioner deadlock")
    text = _flat(text_of(clause(build(sheet, catalogue).document, "alliance.decisions")))
    assert "any change to a Key Performance Indicator that gates a share of Gain, or to its levels" in text
    assert "a change to a Key Performance Indicator that does not gate a share of Gain or to its levels" in text


def test_key_information_deadlock_row_follows_clause_9(alliance_big):
    """r24 al20: Finding 1: the row cannot contradict clause 9: since r27 al-fresh finding 13 it summarises and refers to the
    sub-clauses on what a deadlock leaves as it is and who decides the rest."""
    row = alliance_key_row(alliance_big, "ALT decisions")[1]
    assert "deadlock never decides" not in row
    assert "deadlock: what stays as it is, clause 9.6; who decides the rest, clause 9.7" in row


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_key_information_deadlock_row_never_contradicts(path, catalogue):
    """r24 al20: Finding 1 (every sample): the row lists no deadlock matters of its own (r27 al-fresh finding 13), so it
    cannot contradict the clause; it refers to it."""
    doc = build(path, catalogue).document
    row = alliance_key_row(doc, "ALT decisions")[1]
    assert "stay as they are" not in row
    assert "deadlock: what stays as it is, clause " in row and "; who decides the rest, clause " in row


def test_bilateral_annual_value_change_waits_for_the_alt(alliance_big):
    """r24 al20: Finding 5 (firing): where the Commissioner decides a deadlock, a changed Annual Value agreed between it and a
    Provider applies only once the ALT itself approves the Annual Plan recording it, not by a deadlock decision."""
    value = clause_text(alliance_big, "alliance.schedule-budget", flat=True)  # r26 al-sample 18: the rule left the definition
    assert ("That amount applies only once the ALT itself (and not the Commissioner deciding a deadlock under "
            "clause 9.7) has approved the Annual Plan that records it") in value


def test_bilateral_annual_value_change_without_commissioner_deadlock(catalogue):
    """r24 al20: Finding 5 (quiet): with an expert deciding deadlock, no words about the Commissioner's deadlock decision."""
    for path in ALLIANCE:
        built = build(path, catalogue)
        if built.document and read_model(path, catalogue).decisions.deadlock == "commissioner":
            continue
        value = clause_text(built.document, "alliance.schedule-budget", flat=True)
        assert "That amount applies only once the ALT has approved the Annual Plan that records it" in value


def test_unanimity_note_gives_recommended_quorum_and_majority_text(alliance_big):
    """r24 al20: Finding 2 (firing): unanimity is assumed, not instructed, so the note recommends a quorum of the Commissioner and
    five other members (two-thirds of the seven others), a majority with Reserved Matters, and the deadlock limb for an
    absent member, and takes instructions; the instructed rule itself is unchanged."""
    note = flat_note(alliance_big, "alliance.decisions")
    assert ('(a) quorum (clause 8.6): "A meeting of the ALT is quorate if the representatives of the Commissioner and of '
            'at least five other Alliance Members are present."') in note
    assert "a decision on a Reserved Matter needs the agreement of every Alliance Member entitled to vote on it" in note
    # the absence exception r24 proposed for the 40-Business-Day limb would stop the deadlock clock (r26 al-sample
    # finding 4, r27 al-sample finding 3): the note explains the fallback instead
    assert "absent without good reason" not in note
    assert ("So an absent Provider delays, but cannot block, a matter the Council decides on deadlock; it blocks the "
            "other matters listed in clause 9.6 for as long as it stays away.") in note
    assert "Each decision of the ALT needs the agreement of every Alliance Member" in text_of(clause(alliance_big, "alliance.decisions"))


@pytest.mark.parametrize("path", [p for p in ALLIANCE if p != ALLIANCE_BIG], ids=lambda p: p.stem)
def test_no_recommended_majority_text_where_a_rule_is_instructed(path, catalogue):
    """r24 al20: Finding 2 (quiet): a sheet that instructs its voting rule gets no recommended replacement text."""
    assert "(a) quorum (clause" not in flat_note(build(path, catalogue).document, "alliance.decisions")


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_quorum_clause_is_lettered(path, catalogue):
    """r24 al20: Finding 19: the quorum sub-clause is split into lettered items (quorum, members who do not vote, adjourned
    meetings, deputies), for either voting rule."""
    gov = clause(build(path, catalogue).document, "alliance.governance")
    texts = [p.text for p in gov.blocks if hasattr(p, "text")]
    i = texts.index("At meetings of the ALT:")
    assert texts[i + 1].startswith("a meeting is quorate if ")
    assert texts[i + 2].startswith("for a decision on which an Alliance Member does not vote")
    assert texts[i + 3].startswith("a meeting that is not quorate must be adjourned")
    assert texts[i + 4] == "a representative's deputy counts as the representative."


def test_objectives_note_matches_the_kpi_vote(alliance_hollinshire, catalogue):
    """r24 al21: Finding 13 (firing): with two Commissioners, a KPI level needs each Commissioner's vote, as the decisions clause
    says; (quiet) with one, its own vote."""
    assert "which needs the vote of each Commissioner for a KPI level" in flat_note(alliance_hollinshire, "alliance.objectives")
    alliance_big = next(p for p in ALLIANCE if p.stem == "complex-needs-eight-members")
    note = flat_note(build(alliance_big, catalogue).document, "alliance.objectives")
    assert "the vote of each Commissioner" not in note


def test_provider_does_not_vote_on_its_own_gate(alliance_hollinshire):
    """r24 al21: Finding 9 (firing): the Community Trust's Gain is gated by KPI 6 alone, whose baseline the ALT sets: it does not
    vote on that decision."""
    rr = _flat(text_of(clause(alliance_hollinshire, "alliance.risk-reward")))
    assert ("A Provider does not vote on a decision of the ALT that sets or changes the baseline or a level of a Key "
            "Performance Indicator listed against its name in Part 4 of Schedule 2") in rr


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_gate_vote_rule_without_listed_gates(path, catalogue):
    """r24 al21: Finding 9 (quiet): without KPIs listed against a Provider's name, no such rule."""
    a = read_termsheet(path, catalogue).model.alliance
    built = build(path, catalogue)
    if a.kpi_gates or not any(c.id == "alliance.risk-reward" for c in built.document.all_clauses()):
        pytest.skip("gates listed, or no risk-reward clause")
    assert "does not vote on a decision of the ALT that sets" not in _flat(text_of(clause(built.document, "alliance.risk-reward")))


def test_urgent_approval_by_the_alt_is_carved_out_of_the_reserved_matters(alliance_kingsholt):
    """r25 al22: Finding 3 (firing): the ALT's approval of urgent costs above the Commissioner's limit (13.15), in which the
    Provider concerned does not vote, is carved out of the budget Reserved Matter, out of 9.6 and out of deadlock."""
    text = _flat(text_of(clause(alliance_kingsholt, "alliance.decisions")))
    assert ("other than an approval of costs under clause 13.15 or clause 13.17, or of running costs under clause 16.1,"
            " each of which is decided only as that clause provides];" in text)
    assert "(including an approval of costs under clause 13.15 or clause 13.17, or of running costs under clause 16.1, each of which" in text
    assert "any approval of costs under clause 13.15 or clause 13.17, " in text
    rr = _flat(text_of(clause(alliance_kingsholt, "alliance.risk-reward")))
    assert "13.15" not in rr or "Any further cost of that kind counts only if the ALT approves it" in rr


def test_deadlock_power_names_no_matter_that_is_always_reserved(alliance_kingsholt):
    """r25 al22: Finding 4 (firing): approving the Annual Plan and changing the Outcomes are Reserved Matters here, so neither
    9.14, the key-information row, the Annual Value definition nor the note offers them to the Commissioner."""
    text = _flat(text_of(clause(alliance_kingsholt, "alliance.decisions")))
    assert ("The Commissioner decides any other deadlocked matter (including, where it is not a Reserved Matter, a change"
            " to a Key Performance Indicator that does not gate a share of Gain or to its levels)." in text)
    assert "where it is not a Reserved Matter, the Annual Plan" not in text
    row = alliance_key_row(alliance_kingsholt, "ALT decisions")[1]
    assert "the Annual Plan, the Outcomes" not in row  # r27 al-fresh 13: the row refers to clause 9, lists nothing
    from assembler.model import plain_text
    assert "deciding a deadlock" not in plain_text(next(d for d in alliance_kingsholt.definitions if d.term == "Annual Value").inlines)


def test_deadlock_power_keeps_matters_that_are_not_reserved(catalogue):
    """r25 al22: Finding 4 (quiet): where the Annual Plan is not a Reserved Matter (Mossgate, r21), the Commissioner still
    decides a deadlocked Annual Plan, and the Annual Value definition still keeps that decision out."""
    from assembler.model import plain_text
    doc = build(Path(__file__).parent / "fixtures" / "alliance-mossgate-r21.yaml", catalogue).document
    text = _flat(text_of(clause(doc, "alliance.decisions")))
    assert "(including, where it is not a Reserved Matter, the Annual Plan and a change to a Key Performance" in text
    assert "who decides the rest, clause " in alliance_key_row(doc, "ALT decisions")[1]  # r27 al-fresh 13: summary with references
    assert "and not the Commissioner deciding a deadlock" in _flat(text_of(clause(doc, "alliance.schedule-budget")))


def test_quorum_assumption_states_the_cost(alliance_kingsholt):
    """r25 alC: al-fresh finding 19: the note says what the Council's absence costs, and where the clock stops; r40
    al-shortbreaks F10: it matches the quorum clause as it reads (a second adjourned meeting is quorate without it)."""
    text = _flat(clause(alliance_kingsholt, "alliance.key-information").note or "")
    assert "by staying away the Council can delay a decision by two adjournments (at least 10 Business Days), but not stall it, and its absence does not count towards a deadlock (clause 9." in text
    assert "the second adjourned meeting is quorate without the Council" in text
    assert "at an adjourned meeting too" not in text
    body = _flat(text_of(clause(alliance_kingsholt, "alliance.governance")))
    assert "it must be adjourned once more" in body and "that meeting is quorate with the representatives present" in body


def test_operational_group_and_bsl_at_meetings(alliance_stainmoor_ale):
    """r26 alE: Findings 6 and 7 (firing): the monthly Operational Group is set up in clause 8 and Schedule 3, BSL interpretation
    is arranged for every meeting and counted in the running costs, and the note tests the budget."""
    gov = _flat(text_of(clause(alliance_stainmoor_ale, "alliance.governance")))
    assert "must meet at least twelve times in each Alliance Year" in gov
    assert "may not make any decision that this Agreement gives to the ALT" in gov
    # r28 al-fresh finding 12: the meetings come first, then what is arranged (a lettered list where there are several)
    assert "For every meeting of the ALT, of the Operational Group and of the Lived Experience Group" in gov
    assert ("the Alliance Manager must arrange, for any representative or participant who needs it, British Sign "
            "Language interpretation.") in gov
    sched = _flat(text_of(clause(alliance_stainmoor_ale, "alliance.schedule-alt")))
    assert "The Operational Group meets at least twelve times a year" in sched
    ops = _flat(text_of(clause(alliance_stainmoor_ale, "alliance.operations")))
    assert "the communication support for meetings that clause" in ops
    note = flat_note(alliance_stainmoor_ale, "alliance.governance")
    assert "£42,000 running-costs budget" in note and "at least six a year" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_operational_group_without_instructions(path, catalogue):
    """r26 alE: Findings 6 and 7 (quiet): no sample has an Operational Group or communication support."""
    doc = build(path, catalogue).document
    gov = _flat(text_of(clause(doc, "alliance.governance")))
    assert "Operational Group" not in gov
    assert "communication support" not in _flat(text_of(clause(doc, "alliance.operations")))


def test_commissioner_deadlock_plan_cannot_set_money_matters(alliance_big):
    """r26 alF: al-sample 1 (firing): the Commissioner decides a deadlocked Annual Plan, but budgets, amounts approved in
    advance (13.13) and overhead rates and apportionment (Sch 4) are kept out of deadlock and roll over."""
    text = _flat(text_of(clause(alliance_big, "alliance.decisions")))
    assert "any approval of costs under clause 13.10 or amount of costs approved in advance under clause 13.13;" in text
    assert ("a Provider's budget, or a Provider's rate of overheads or a basis of apportioning shared costs under"
            " paragraph 5 of Schedule 4;") in text
    assert ("may not decide any matter listed in clause 9.6 as part of an Annual Plan it decides; for those matters,"
            " clause 12.5 applies as if the ALT had not approved that Annual Plan.") in text
    row = alliance_key_row(alliance_big, "ALT decisions")[1]
    assert "deadlock: what stays as it is, clause " in row  # r27 al-fresh 13: the row refers to clause 9


def test_reserved_matters_under_unanimity_are_listed_and_kept_from_deadlock(alliance_stainmoor):
    """r26 alF: al-fresh 5 (firing): the sheet's reserved matters (the Annual Plan, the £25,000 movement) are listed in 9.6,
    so the Commissioner is not offered the Annual Plan on deadlock, and the clause 29 note's term exists."""
    text = _flat(text_of(clause(alliance_stainmoor, "alliance.decisions")))
    assert "moving more than £25,000 a year between Providers' Annual Values;" in text
    assert "approving the Annual Plan and the Target Cost;" in text
    assert "(including a change to the Outcomes and a change to a Key Performance Indicator that does not gate" in text
    assert "including the Annual Plan" not in text and "as part of an Annual Plan it decides" not in text
    assert "the Annual Plan as clause 12.5 provides" in text
    row = alliance_key_row(alliance_stainmoor, "ALT decisions")[1]
    assert "including the Annual Plan" not in row  # r27 al-fresh 13: the row refers to clause 9, lists nothing
    term = clause(alliance_stainmoor, "alliance.term-termination")
    assert "Reserved Matters)" not in (term.note or "")


def test_no_reserved_matters_no_reserved_items(alliance_big, catalogue):
    """r26 alF: al-sample 1 / al-fresh 5 (quiet): without reserved matters 9.6 lists only the standard matters; where an
    Independent Expert decides deadlocks, the Annual Plan is protected whole and no money item is added."""
    row = alliance_key_row(alliance_big, "ALT decisions")[1]
    assert "reserved matters" not in row
    expert = 0
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        text = _flat(text_of(clause(doc, "alliance.decisions")))
        if "Any other deadlocked matter is decided by an Independent Expert" in text:
            expert += 1
            assert "a Provider's budget" not in text and "as part of an Annual Plan it decides" not in text
    assert expert


def test_deadlock_note_gives_the_extended_end(alliance_big, alliance_stainmoor):
    """r26 alG: al-sample finding 16 (firing): the Term's end with the extension; al-fresh uses the same mechanism."""
    assert "until the Term ends (31 March 2032, or 31 March 2037 if extended)" in flat_note(alliance_big, "alliance.decisions")


def test_alt_decisions_row_is_a_summary_with_references(alliance_lynmere):
    """r27 alI: al-fresh finding 13: the clause 1 'ALT decisions' row is a short summary that refers to clause 9."""
    rows = dict((r[0], r[1]) for r in table_rows(clause(alliance_lynmere, "alliance.key-information")))
    row = rows["ALT decisions"]
    # sprint G3 finding 13: the quorum, with a reference to the quorum paragraph itself (clause 8.6(a))
    assert row == ("75% majority; Reserved Matters unanimous; quorum: five Alliance Members, including the Lead "
                   "Commissioner (clause 8.6(a)); each Commissioner's vote needed for the Annual Plan, budgets, "
                   "the Target Cost and KPI levels (clause 9); deadlock: what stays as it is, clause 9.14; who decides "
                   "the rest, clause 9.15")
    assert len(row.split()) < 60


def test_unanimity_exceptions_are_not_a_closed_list(catalogue):
    """r18 al-sample finding 5: the list of exceptions to unanimity reads as examples ("including in"), not a closed
    list; overspend approvals stay off it (r17 al-fresh finding 23: the Provider concerned is simply not entitled to
    vote, and the Commissioner's urgent approval is not an ALT decision)."""
    alliance_big = next(p for p in ALLIANCE if p.stem == "complex-needs-eight-members")
    text = text_of(clause(build(alliance_big, catalogue).document, "alliance.governance"))
    # r20 al-sample finding 11: the list is kept once, in the decisions clause, which governance refers to
    assert "(except as clause 9.2 provides)" in text
    listed = text_of(clause(build(alliance_big, catalogue).document, "alliance.decisions"))
    assert ("except where this Agreement provides otherwise, including in clause 9.7, clause 9.9, clause 13.10, "
            "clause 13.12, clause 30.4 and clause 31.8(b).") in listed


def test_budget_reserved_matter_carve_out_is_bracketed_and_noted(alliance_thistlebury):
    """r33 al-fresh F5 (firing): the sheet's Reserved Matter on committing money beyond the Annual Plan has no exception, so
    the carve-out of overspend and running-cost approvals is in square brackets and the note says the draft narrows the
    agreed veto and asks for instructions."""
    n = _flat(note(alliance_thistlebury, "alliance.decisions"))
    assert "a Reserved Matter without exception. The draft carves out, in square brackets, approvals of costs" in n
    assert "That narrows the agreed veto" in n and "delete the bracketed words" in n


def test_no_carve_out_note_without_a_budget_reserved_matter(alliance_big):
    """Quiet: a sheet whose Reserved Matters do not reach money beyond the Annual Plan has no carve-out and no note."""
    text = _flat(text_of(clause(alliance_big, "alliance.decisions")))
    assert "[, other than an approval of costs under" not in text
    assert "That narrows the agreed veto" not in _flat(note(alliance_big, "alliance.decisions"))
def test_direct_ladder_makes_the_expert_optional_before_a_deadlock_decision(catalogue):
    """r34 al-fresh2 finding 6 (firing): with the direct dispute ladder (no adviser step) the Commissioner's deadlock
    decision needs no Independent Expert's recommendation first; a member may ask for one within 5 Business Days and
    it must then be considered. Both decision variants; the majority note no longer says the expert step is
    instructed. (Quiet) the standard ladder keeps the expert's recommendation as a condition. Since r36 al-fresh
    finding 4 the direct ladder has no expert unless the sheet asks for one (decisions.independent_expert: true)."""
    from tests.families.clause_texts import variant_of
    from tests.families.conftest import ALLIANCE_STAINMOOR
    for rule in ("unanimous", "majority"):
        source = ALLIANCE_STAINMOOR.read_text().replace("    deadlock: commissioner", "    deadlock: commissioner\n    independent_expert: true", 1)
        doc = assemble(validate(load_text(source.replace("  decision_rule: unanimous", f"  decision_rule: {rule}", 1), "t.yaml"),
                                catalogue), catalogue, today=DRAFT_DATE).document
        text = clause_text(doc, "alliance.decisions", flat=True)
        assert "must first obtain the written recommendation of an Independent Expert" not in text
        assert ("must consider the views recorded in the minutes and, where an Alliance Member has referred the matter "
                "to an Independent Expert under clause") in text
        assert "within 5 Business Days after it became deadlocked, must wait for and consider that Independent Expert's" in text
    n = flat_note(doc, "alliance.decisions")
    assert "on an independent expert's recommendation" not in n
    assert "an independent expert's recommendation is not a condition of it" in n
    big = clause_text(build(ALLIANCE_BIG, catalogue).document, "alliance.decisions", flat=True)
    assert "must first obtain the written recommendation of an Independent Expert, which does not bind it" in big
