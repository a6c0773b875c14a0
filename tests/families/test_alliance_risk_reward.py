"""The alliance risk/reward terms: the Target Cost, Gain and Pain shares and caps, Balancing Amounts and
their timing, the Commissioner's exposure, and the worked example in the risk/reward schedule."""

from __future__ import annotations

import re

import pytest

from assembler.model import Table, plain_text
from tests.families.clause_texts import (
    build,
    clause,
    clause_text,
    document_of,
    flat as _flat,
    flat_note,
    note,
    table_rows,
    text_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG, ALLIANCE_HAVERLEIGH, ALLIANCE_THORNSHIRE


def _sentences(text: str):
    for line in text.split("\n"):
        yield from re.split(r"(?<=[.;:])\s+(?=[A-Z(])", line)


def _share_table(doc):
    for b in clause(doc, "alliance.schedule-risk-reward").blocks:
        if isinstance(b, Table):
            rows = [[plain_text(cell) for cell in b.header]] + [[plain_text(cell) for cell in row] for row in b.rows]
            if rows[0][0] == "Alliance Member":
                return rows
    raise AssertionError("no share table")


@pytest.mark.parametrize("path", [ALLIANCE_THORNSHIRE, ALLIANCE_BIG], ids=lambda p: p.stem)
def test_under_budget_column_does_not_deduct_the_fee_twice(path, catalogue):
    """r20 al13: al-sample 3 / al-fresh 6: the budget is already the Annual Value less the Fee, so the column is the budget
    less the Delivery Costs, as the tables compute it."""
    doc = build(path, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
    assert "less its Delivery Costs and its Fee" not in text
    assert "its budget (its Annual Value less its Fee) less its Delivery Costs" in text


def test_target_cost_is_tied_to_the_annual_values(alliance_big):
    """r20 al14: al-sample 2 (firing): from Year 2 the Target Cost is the total of the Annual Values and the ALT can move it
    only with a matching change to them, so Gain or Pain never comes from a figure nobody pays."""
    rr = _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert "after the first is the total of the Providers' Annual Values for it" in rr
    assert "and only together with a matching change to the Annual Values" in rr
    assert "until the ALT sets another in the same way" not in rr


def test_undelivered_capacity_reduces_the_target_cost(alliance_big):
    """r20 al14: al-sample 1 (firing): capacity a Provider did not deliver comes off the Target Cost even where no payment was
    cut, and the two reductions are not counted twice."""
    rr = _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert ("reduced by: the amount by which the Commissioner reduces any payment under a Service Contract for that year because services were not delivered; and the cost, as the Alliance Manager reasonably assesses it in the calculation under clause") in rr
    assert "that a Provider did not deliver, so far as clause 13.3(a) does not already cover it" in rr


def test_gain_only_target_cost_unchanged(catalogue):
    """r20 al14: quiet: the gain-only variant keeps its own Target Cost rule and key information wording."""
    for path in ALLIANCE:
        if "gain-only" not in path.stem:
            continue
        doc = build(path, catalogue).document
        rr = _flat(text_of(clause(doc, "alliance.risk-reward")))
        assert "so far as (a) does not already cover it" not in rr
        ki = _flat(text_of(clause(doc, "alliance.key-information")))
        assert "less any reduction for services not delivered" not in ki


def test_objects_note_lists_every_pain_bearing_society_or_charity(alliance_big):
    """r20 al14: al-sample 18 (firing): a housing association registered as a society bears Pain, so its board is asked to
    confirm its objects too, in the sheet's order."""
    note = " ".join(clause(alliance_big, "alliance.schedule-risk-reward").note.split())
    assert ("of St Luke's, Harbour Light, Recovery CIC, Riverside, Shelter Point, Hope and Anchor and Moorview to "
            "confirm that bearing it is within each one's objects") in note
    assert "ask the board (for a charity, its trustees; for a community interest company, its directors" in note


def test_gain_only_note_says_who_carries_overspend(alliance_thornshire):
    """r20 al15: al-fresh 11 (firing): the note says plainly that the Commissioners do not carry all overspend, with the cap from
    the sheet, what to change if they are to, and that the Providers must be told."""
    note = _flat(clause(alliance_thornshire, "alliance.risk-reward").note or "")
    assert "So the Commissioners do not carry all overspend" in note
    assert "within a cap of £40,000 a year for all Providers together" in note
    assert "widen (b) of the overspend sub-clause" in note and "remove the cap" in note
    assert "tell the Providers" in note


def test_gain_only_exceptions_have_no_overspend_approval(catalogue):
    """r21 al16: al-sample 12 (quiet): a gain-only alliance has no approval of overspend to list."""
    path = next(p for p in ALLIANCE if "gain-only" in p.stem)
    decisions = _flat(text_of(clause(build(path, catalogue).document, "alliance.decisions")))
    if "Each decision of the ALT needs the agreement of every Alliance Member" in decisions:
        assert "clause 13.6" not in decisions.split("Each decision of the ALT needs")[1].split(".")[0]


def test_balancing_amount_due_after_the_calculation_binds_under_the_challenge_clause(alliance_big):
    """r21 al16: al-sample 5: the payment runs from the calculation binding under 13.4, after any challenge."""
    text = _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert ("within 30 days after the calculation binds under clause 13.7 (where it is challenged, after the "
            "Reviewing Accountant's decision)") in text
    assert "binds under this clause" not in text


def test_operative_text_operates_without_reasons(alliance_big):
    """r21 al16: al-sample 11, 16-19: no reasoning in 9.5, 12.3 or the definitions; 13.14's description is in Schedule 4;
    Sch 9's handover rules are separate paragraphs; 26.4 and 27.3 reworded; the key information row names capacity."""
    every = " ".join(_flat(text_of(c)) for c in alliance_big.all_clauses())
    for gone in ("by staying away", "so that indexation creates no", "deals instead with a deadlock",
                 "as a deed itself", "keeps its share of"):
        assert gone not in every
    assert "After its Balancing Amount" not in _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert "After its Balancing Amount, each Provider is left with its Fee" in _flat(
        text_of(clause(alliance_big, "alliance.schedule-risk-reward")))
    exit_ = [p.text for p in clause(alliance_big, "alliance.schedule-exit").blocks if hasattr(p, "text")]
    assert any(t.startswith("The Commissioner appoints a provider that is not an Alliance Member") for t in exit_)
    assert any(t.startswith("If no Alliance Member or appointed provider can take over") for t in exit_)
    assert "only when it has executed an Accession Deed." in every
    assert "remains entitled to its share of any Gain, and liable for its share of any Pain," in every


def test_risk_reward_note_puts_uncapped_pain_on_the_commissioners(alliance_mossgate):
    """r21 al17: al-fresh 13 (clause 13 note): with two Commissioners, the note says the Commissioners (not the Council) bear
    all Pain above the caps."""
    note = _flat(clause(alliance_mossgate, "alliance.risk-reward").note or "")
    assert "The Commissioners bear their own shares and all Pain above the Providers' Pain Caps without limit" in note
    assert "The Council bears its own share" not in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_money_mechanism_sentences_are_split(path, catalogue):
    """r22 al18: al-sample 19: the overspend approvals, the forecast, the part year, the first Annual Plan, the settlement and
    the rolling KPI rule read as lettered sub-clauses, one rule each."""
    doc = build(path, catalogue).document
    rr = text_of(clause(doc, "alliance.risk-reward"))
    gain_and_pain = clause(doc, "alliance.risk-reward").variant == "gain-and-pain"
    assert gain_and_pain or "The Target Cost for an Alliance Year is reduced by:" not in rr
    assert not gain_and_pain or "reduced by:\nthe amount by which" in rr
    assert not gain_and_pain or "Pain Cap is reached (calculated under paragraph 3 of Schedule 4):\nthe Alliance Manager must give" in rr
    assert not gain_and_pain or "must not unreasonably withhold approval;\nis treated as having refused approval" in rr
    assert not gain_and_pain or "requires. " not in rr  # no approval rule that only points to another
    assert not gain_and_pain or "is still calculated once for the whole Alliance Year, and:\neach Provider's Annual Value" in rr
    assert not gain_and_pain or "(where it is challenged, after the Reviewing Accountant's decision).\nWhere a payment to a Provider falls due" in rr
    plan = text_of(clause(doc, "alliance.service-planning"))
    assert "Until the ALT approves the first Annual Plan:\nthe draft binds no one;" in plan
    assert "The draft Annual Plan must set out:\n" in plan
    perf = text_of(clause(doc, "alliance.performance"))
    assert re.search(r"For clause \d+\.\d+:\nperformance is worse than a level", perf)
    for cid, text in (("service-planning", plan), ("performance", perf)):
        long = [s for s in _sentences(text) if len(s.split()) > 50 and not s.startswith(("As between", "Within 30 days"))]
        assert not long or cid == "service-planning" and all("must establish" in s for s in long), long


@pytest.mark.parametrize("path", [ALLIANCE_HAVERLEIGH, *ALLIANCE], ids=lambda p: p.stem)
def test_services_not_delivered_make_no_shared_pain(path, catalogue):
    """r22 al18: al-fresh 2 (firing): a reduction of the Target Cost for services or capacity not delivered also reduces that
    Provider's budget, so what it spent on them is its own unless approved (worked: budget 1,000,000, capacity of
    100,000 not delivered, all 1,000,000 spent: the Target Cost and the counted Delivery Costs both fall by 100,000,
    Pain is nil, and its Balancing Amount is -100,000). Quiet: the gain-only variant has no such reduction."""
    doc = build(path, catalogue).document
    rr = text_of(clause(doc, "alliance.risk-reward"))
    if clause(doc, "alliance.risk-reward").variant != "gain-and-pain":
        assert "reduced budget" not in rr
        return
    assert re.search(r"Each reduction under clause \d+\.\d+ also reduces, by the same amount, the budget in the Annual "
                     r"Plan of the Provider whose services or capacity it concerns\.", rr)
    assert re.search(r"costs above its reduced budget count as Delivery Costs only as clause \d+\.\d+ provides", rr)
    assert "is treated as having refused approval if it has not decided within that period" in rr
    assert "The Annual Plan must state, for each Provider, an amount (which may be nil) of costs" in rr
    assert "The Annual Plan may approve in advance" not in rr
    ki = clause_text(doc, "alliance.key-information", flat=True)
    assert "no Provider bears more of the Pain" not in ki
    assert re.search(r"Costs above a Provider's budget count towards Pain only if approved under clause \d+\.\d+; costs "
                     r"not approved are that Provider's own, without limit", ki)
    note = clause(doc, "alliance.risk-reward").note
    assert "never earns Gain or becomes shared Pain" in note


def test_capped_commissioner_exposure_is_stated_truly(alliance_haverleigh):
    """r22 al18: al-fresh 2: the Commissioner's £150,000 is its total exposure (its share and Pain above the caps), and the
    clause no longer says Pain is 'limited in practice' by approvals alone."""
    rr = " ".join(text_of(clause(alliance_haverleigh, "alliance.risk-reward")).split())
    assert "limited in practice" not in rr
    # r28 al-fresh finding 10: the stop-loss is named as the means, with no conclusion that reads as a cap
    assert re.search(r"The Commissioner limits its exposure to Pain through clause \d+\.\d+\. Nothing in this clause "
                     r"limits the Pain it bears under clause \d+\.\d+\.", rr)
    assert re.search(r"make its forecast exposure to Pain under clause \d+\.\d+ exceed £150,000", rr)


def test_uncapped_commissioner_has_no_exposure_sentence(catalogue):
    """r22 al18: quiet: where the Commissioner's Pain is uncapped, no sentence about controlling it is added."""
    doc = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    rr = text_of(clause(doc, "alliance.risk-reward"))
    assert "limits its exposure to Pain" not in rr
    assert "The Commissioner's exposure to Pain is not capped." in rr


def test_no_pain_cap_for_a_member_bearing_no_pain(alliance_haverleigh, catalogue):
    """r22 al18: al-fresh 10 (firing): Rise and Stepstone bear 0% of Pain, so the table shows no Pain Cap for them and the
    thresholds speak of the Providers that bear Pain; quiet: the Tamarmouth sample, where all bear Pain."""
    sched = clause_text(alliance_haverleigh, "alliance.schedule-risk-reward", flat=True)
    assert sched.count("n/a (no share of Pain)") == 2
    assert "£9,150" not in sched and "£5,700" not in sched
    assert "the Pain Cap of every Provider that bears a share of Pain when it is £324,750" in sched
    ki = clause_text(alliance_haverleigh, "alliance.key-information", flat=True)
    assert "Annual Value a year for each Provider that bears a share of Pain" in ki
    assert "would take its exposure above £150,000" in ki
    alliance_big = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    assert "n/a (no share of Pain)" not in clause_text(alliance_big, "alliance.schedule-risk-reward")
    assert "that bears a share of Pain" not in clause_text(alliance_big, "alliance.key-information")


def test_withheld_gain_the_commissioner_decides_and_reports(alliance_haverleigh, catalogue):
    """r22 al18: al-fresh 11 (firing): a Provider's withheld share of Gain is the Commissioner's to use; it says what it decided
    within 3 months, and is not bound to spend it on the Services; quiet: no gate, no such sentence."""
    rr = " ".join(text_of(clause(alliance_haverleigh, "alliance.risk-reward")).split())
    assert re.search(r"That share is kept by the Commissioner, which decides how to use it\. It must tell the ALT what it "
                     r"has decided within 3 months after the calculation binds under clause \d+\.\d+\.", rr)
    assert "must spend it on the Services" not in rr
    alliance_big = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    assert "decides how to use it" not in text_of(clause(alliance_big, "alliance.risk-reward"))


def test_commissioner_funding_all_and_taking_no_gain_is_stated_with_figures(alliance_haverleigh, catalogue):
    """r22 al18: al-sample 2 (firing): the Council funds £7,700,000, takes no Gain, bears uncapped Pain and there is no gate:
    the note says so with the figure and asks for instructions; quiet: a Commissioner with a share of Gain."""
    alliance_big = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    note = " ".join(clause(alliance_big, "alliance.risk-reward").note.split())
    # the uncapped Pain is said once, in the next sentence, with its threshold (r27 al-sample finding 2)
    assert ("yet funds the whole budget (£7,700,000 in the first year), so every pound the Providers save below the "
            "Target Cost goes to them, in a year when every KPI is missed as in any other") in note
    assert "recommend a Commissioner share of Gain and a gate on each Provider's share (option (c) below)" in note
    assert "The Council bears all Pain above the Providers' Pain Caps without limit" in note
    assert "yet funds the whole budget" not in " ".join(clause(alliance_haverleigh, "alliance.risk-reward").note.split())


def test_pain_cap_column_has_a_total(alliance_big):
    """r24 al20: Finding 18: the Total row of the shares table totals the Pain Caps (£385,000 for Tamarmouth)."""
    total = _share_table(alliance_big)[-1]
    assert total[0] == "Total" and total[-1] == "£385,000"


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_pain_cap_total_only_when_every_cap_is_known(path, catalogue):
    """r24 al20: Finding 18 (quiet): the total is the sum of the caps of the Providers that bear Pain, and is blank where the
    sheet has no Pain or leaves a cap open."""
    doc = build(path, catalogue).document
    rows = _share_table(doc)
    if "Pain Cap" not in rows[0][-1]:
        pytest.skip("no Pain Cap column")
    total = rows[-1][-1]
    caps = [r[-1] for r in rows[1:-1] if r[-1].startswith("£") and "Commissioner" not in r[0]]
    assert total or not caps or any(not r[-1].startswith(("£", "n/a")) for r in rows[1:-1] if "Commissioner" not in r[0])
    if total:
        assert sum(float(c.replace("£", "").replace(",", "")) for c in caps) == float(total.replace("£", "").replace(",", ""))


def test_no_nil_share_fallback_where_every_commissioner_has_shares(alliance_hollinshire):
    """r24 al21: Finding 15 (firing): the County Council (25%/30%) and the ICB (10%/15%) both have shares, so the "equally where
    those are nil" fallbacks are not printed."""
    assert "equally where those are nil" not in _flat(text_of(clause(alliance_hollinshire, "alliance.risk-reward")))
    assert "equally where those shares are nil" not in _flat(text_of(clause(alliance_hollinshire, "alliance.service-planning")))


def test_no_urgent_limit_no_second_approval_clause(catalogue):
    """r25 al22: Finding 3 (quiet): without an urgent approvals limit there is no further ALT approval to carve out."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        rr = _flat(text_of(clause(doc, "alliance.risk-reward")))
        if "Any further cost of that kind" in rr:
            continue
        text = _flat(text_of(clause(doc, "alliance.decisions")))
        assert " or clause 13.1" not in text.split("running costs under")[0][-40:]
        if "[(including " in text:  # r40 F9: the running-costs approval is carved out too, but no second clause 13
            costs = text.split("[(including ", 1)[1].split(")]", 1)[0].split(" or of running costs")[0]
            assert costs.count("clause ") == 1, costs


def test_commissioner_row_describes_the_stop_loss_not_a_limit_on_approvals(alliance_kingsholt):
    """r25 al22: Finding 5 (firing): the Commissioner's £95,000 is a limit on its exposure to Pain that it may lift by its own
    decision, not a limit on approvals of overspending; the row says so and that it bears its own share too."""
    from tests.families.clause_texts import table_rows
    rows = [r for r in table_rows(clause(alliance_kingsholt, "alliance.schedule-risk-reward")) if "(the Commissioner)" in r[0]]
    cell = rows[0][-1]
    # r28 al-fresh finding 21: a short cell that points to the clauses instead of restating them in every row
    assert cell == "none: a limit of £95,000 a year on its exposure, which it may decide to exceed (clause 13)"
    assert "limited to" not in " ".join(r[-1] for r in rows)


def test_uncapped_commissioner_row_unchanged(catalogue):
    """r25 al22: Finding 5 (quiet): an uncapped Commissioner's row has no stop-loss words."""
    doc = build(ALLIANCE_BIG, catalogue).document
    rows = [r for r in table_rows(clause(doc, "alliance.schedule-risk-reward")) if "Commissioner)" in r[0]]
    assert rows[0][-1] == "none: uncapped, and bears all Pain above the Providers' Pain Caps"


def test_risk_reward_note_points_to_the_definition_and_does_not_repeat_itself(alliance_kingsholt):
    """r25 alC: al-fresh finding 12 and al-sample finding 20: the Indexation Increase is defined in clause 2.1, and the note
    states the non-voting rule and the urgent limit once."""
    text = flat_note(alliance_kingsholt, "alliance.risk-reward")
    assert "(defined once, in clause 2.1)" in text and "budget Schedule" not in text
    assert not text.startswith("The Provider whose overspend")
    assert text.count("£30,000 a year") == 1


def test_urgent_silence_is_refusal_by_default_and_the_note_says_what_providers_ask_for(alliance_big, catalogue):
    """r25 alD: al-sample 11: 13.11(b) refusal, with the note stating the choice; 'approved' turns (b) round, capped.
    r32 al-sample (earlier review): the default is now refusal unless the Provider asks for a decision, silence after
    that reminder counting as approval within the yearly limit; 'refused' keeps the old text."""
    op = clause_text(alliance_big, "alliance.risk-reward", flat=True)
    # r31s al-sample finding 2: the default deemed approval is bracketed until the Commissioner confirms it
    assert ("is treated as having refused approval if it has not decided within that period[, unless the Provider then "
            "gives it notice asking for a decision, in which case it is treated as having given approval, within the "
            "limit in clause 13.11(d), if it has not decided within 5 Business Days after that notice];") in op
    text = " ".join(note(alliance_big, "alliance.risk-reward").split())
    assert ("silence for 5 more Business Days after that notice counts as approval, within the £75,000 yearly limit"
            in text)
    refused = ALLIANCE_BIG.read_text().replace("    urgent_approvals_limit: 75000", "    urgent_silence: refused\n    urgent_approvals_limit: 75000")
    rdoc = document_of(catalogue, refused)
    assert "is treated as having refused approval if it has not decided within that period;" in clause_text(rdoc, "alliance.risk-reward", flat=True)
    rtext = " ".join(note(rdoc, "alliance.risk-reward").split())
    assert "The Providers will ask for silence to count as approval, up to the £75,000 yearly limit." in rtext
    assert "Decide the Commissioner's position before issue" in rtext
    src = ALLIANCE_BIG.read_text().replace("    urgent_approvals_limit: 75000", "    urgent_silence: approved\n    urgent_approvals_limit: 75000")
    assert "urgent_silence" in src
    doc = document_of(catalogue, src)
    op = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "is treated as having given approval if it has not decided within that period, but only within the limit in clause" in op
    assert "count as approved, within the £75,000 yearly limit" in " ".join(note(doc, "alliance.risk-reward").split())


def test_balancing_amount_has_one_timing_rule(alliance_stainmoor):
    """r26 alF: al-sample 8 / al-fresh 10 (firing): the next payment is adjusted only if it falls due within the 30 days;
    otherwise a separate payment is made within them."""
    text = _flat(text_of(clause(alliance_stainmoor, "alliance.risk-reward")))
    assert "within the period in clause 13.27, its Balancing Amount is paid by adjusting that payment" in text
    assert "as an adjustment to the payments next due" not in text


def test_gain_only_balancing_amount_timing(catalogue):
    """r26 alF: al-sample 8 (quiet for the Pain route): the gain-only variant has the same single rule inside its 30 days."""
    doc = build(next(p for p in ALLIANCE if p.stem == "reablement-home-care-gain-only"), catalogue).document
    text = _flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "if that payment falls due within those 30 days, and otherwise by a separate payment within those 30 days" in text
    assert "as an adjustment to the payments next due" not in text


def test_carry_forward_does_not_reach_kept_gain_or_undo_the_floor(alliance_stainmoor):
    """r26 alF: al-fresh 8 / al-sample 12 (firing): the Commissioner's Gain share and withheld Gain are not carried forward,
    and the budget rules qualify only the carry-forward, never the minimum budget or the payments."""
    text = _flat(text_of(clause(alliance_stainmoor, "alliance.service-planning")))
    assert ("The Commissioner's share of any Gain, and any share of Gain that does not count under clause 13.10, is not"
            " carried forward: it stays with the Commissioner. Any other amount unspent") in text
    assert "This clause 12.9 is subject to" not in text
    assert ("Nothing in this clause 12.9 limits the obligations of the Commissioner to pay each Provider under its"
            " Service Contract or under clause 13.") in text


def test_carry_forward_without_commissioner_gain(alliance_big):
    """r26 alF: al-sample 12 (quiet): with no Commissioner share of Gain and no gate, nothing is said about kept Gain."""
    text = _flat(text_of(clause(alliance_big, "alliance.service-planning")))
    assert "stays with the Commissioner" not in text
    assert "Any amount unspent at the end of an Alliance Year is carried forward" in text


def test_overhead_rate_until_an_annual_plan_fixes_it(alliance_big):
    """r26 alF: al-sample 2 (firing): overheads count at the tender rate until an ALT-approved Annual Plan fixes one."""
    text = _flat(text_of(clause(alliance_big, "alliance.schedule-risk-reward")))
    assert ("at the rate fixed for that Provider in the Annual Plan approved by the ALT or, until such an Annual Plan"
            " fixes one, at the rate in that Provider's tender for its Service Contract (nil if its tender states none)") in text


def test_share_rounding_rule_always_adds_to_100(alliance_big):
    """r26 alF: al-sample 10 (firing): the rounding rule is stated so recalculated shares always add up to 100%."""
    text = _flat(text_of(clause(alliance_big, "alliance.schedule-risk-reward")))
    assert "Each share is rounded down to two decimal places, and 0.01% is then added to one share at a time" in text


def test_challenge_limited_to_own_figures(alliance_big):
    """r26 alF: al-sample 13 (firing): a member challenges only its own figures and the totals; the accountant sees all."""
    text = _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert "A challenge may concern only the challenging Alliance Member's own figures, the totals" in text
    assert "The Reviewing Accountant may see every Provider's figures for the challenge" in text


def test_charities_bearing_pain_are_asked_for_their_trustees_confirmation(alliance_ellerby_built, catalogue):
    """r18 al-sample finding 13: a charity Provider's share of Pain is a payment out of its funds; the Schedule 4 note
    asks its trustees to confirm it is within its objects. Quiet for a gain-only alliance."""
    drafting_note = note(alliance_ellerby_built.document, "alliance.schedule-risk-reward")
    assert "ask the trustees of Willowgate and Ellerby Mencap to confirm" in drafting_note
    gain_only = next(p for p in ALLIANCE if p.stem == "reablement-home-care-gain-only")
    assert "share of Pain is paid out of its own funds" not in note(build(gain_only, catalogue).document,
                                                                       "alliance.schedule-risk-reward")


def test_worked_example_of_unapproved_overspend_follows_the_clause(alliance_big):
    """r32 al-sample finding 7 (firing): Example 4 follows the clause on unapproved costs above budget: they are not
    Delivery Costs, make no Pain, every Balancing Amount is nil, and the Provider bears them alone outside its cap."""
    text = _flat(text_of(clause(alliance_big, "alliance.schedule-risk-reward")))
    assert ("Example 4: costs above budget that are not approved. Harbour Light's costs are £154,000 above its budget, "
            "and they were not approved under clause 13.10. Under clause 13.14 they are not Delivery Costs: its Delivery "
            "Costs are its budget of £1,757,500, the Actual Cost equals the Target Cost of £7,700,000, there is no Gain or "
            "Pain, and every Balancing Amount is nil. Harbour Light bears the £154,000 alone, outside its Pain Cap and "
            "without limit: it is left with its Fee of £92,500 less that amount, a loss of £61,500.") in text
    assert "Costs above a Provider's budget that are not approved are borne by that Provider alone." in _flat(
        text_of(clause(alliance_big, "alliance.risk-reward")))


def test_gain_only_has_no_unapproved_overspend_example(catalogue):
    """r32 al-sample finding 7 (quiet): a gain-only deal says in its one example that unapproved costs stay with the
    Provider, and has no Example 4."""
    reablement = next(p for p in ALLIANCE if p.stem == "reablement-home-care-gain-only")
    text = _flat(text_of(clause(build(reablement, catalogue).document, "alliance.schedule-risk-reward")))
    assert "Example 4" not in text and "costs not approved stay with the Provider that incurred them" in text


def test_commissioner_gain_share_of_nil_is_said_plainly(alliance_big):
    """r32 al-sample (earlier review) (firing): the sheet gives the Commissioner no share of Gain, and the clause says so
    in words, not only as 0% in the Schedule's table."""
    text = _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert "The Commissioner takes no share of Gain (0%): subject to the rounding in clause 13.17, all of it goes to the Providers." in text


def test_commissioner_with_a_gain_share_gets_no_nil_statement(catalogue):
    """Quiet: where the Commissioners take a share of Gain, no such sentence."""
    joint = next(p for p in ALLIANCE if p.stem == "mental-health-four-members-varied")
    text = _flat(text_of(clause(build(joint, catalogue).document, "alliance.risk-reward")))
    assert "no share of Gain (0%)" not in text


def test_leavers_share_is_pro_rata_to_its_days(alliance_big):
    """r32 al-sample (earlier review) 13.18(c): a member that joins or leaves shares in proportion to its days, its share
    counting nil on days it was not a member, so the shares add up to 100%."""
    text = _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert ("is the total, over the days of that Alliance Year, of its percentage share in force on each day (nil on any "
            "day on which it was not an Alliance Member), divided by the number of those days") in text


def test_written_decision_rule_carves_out_the_deemed_approval(alliance_big, catalogue):
    """r31s al-sample finding 2 (firing): 13.9 (approval only by a written decision under the Commissioner's own
    rules) and 13.11(b) (approval by silence after a reminder) agree: 13.9 carves out what 13.11(b) treats as given,
    and the note says how approval by silence fits a council's financial regulations (s.151 officer, delegation).
    With an instructed 'approved' the carve-out stays and the words are not bracketed."""
    op = clause_text(alliance_big, "alliance.risk-reward", flat=True)
    assert ("Except for an approval that clause 13.11(b) treats as given, the Commissioner gives its part in an approval "
            "under clause 13.10 or clause 13.12 only in writing, by a decision taken under its own constitution and "
            "financial rules.") in op
    text = flat_note(alliance_big, "alliance.risk-reward")
    assert "The words on approval by silence are bracketed in the clause: they are this draft's default" in text
    assert "(Local Government Act 1972, s.151)" in text
    assert ("record in the decision approving this Agreement the officer whose delegated authority covers urgent "
            "approvals up to the £75,000 yearly limit") in text
    assert "the Provider may still ask the ALT under clause 13.12" in text
    src = ALLIANCE_BIG.read_text().replace("    urgent_approvals_limit: 75000", "    urgent_silence: approved\n    urgent_approvals_limit: 75000")
    doc = document_of(catalogue, src)
    op = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "Except for an approval that clause 13.11(b) treats as given, the Commissioner gives its part" in op
    assert "period[" not in op
    assert "Approval by silence commits the Commissioner's money" in flat_note(doc, "alliance.risk-reward")


def test_refusal_on_silence_needs_no_carve_out(catalogue):
    """r31s al-sample finding 2 (quiet): where silence is refusal, 13.9 has no exception and the note no paragraph on
    approval by silence."""
    src = ALLIANCE_BIG.read_text().replace("    urgent_approvals_limit: 75000", "    urgent_silence: refused\n    urgent_approvals_limit: 75000")
    doc = document_of(catalogue, src)
    op = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "The Commissioner gives its part in an approval under clause 13.10 or clause 13.12 only in writing" in op
    assert "Except for an approval that" not in op and "period[" not in op
    assert "Approval by silence commits" not in flat_note(doc, "alliance.risk-reward")


def test_exempt_accommodation_note_where_housing_costs_are_outside(catalogue):
    """r34 al-fresh2 finding 9 (firing): housing costs met outside the alliance (housing benefit) bring a note on
    exempt accommodation status and the Supported Housing (Regulatory Oversight) Act 2023 standards and licensing,
    flagged as not confirmed in force; (quiet) the Welsh sample, whose law differs, has none."""
    from tests.conftest import samples
    joint = next(p for p in samples("alliance") if p.stem == "mental-health-four-members-varied")
    welsh = next(p for p in samples("alliance") if p.stem == "welsh-young-people-alliance")
    n = _flat(note(build(joint, catalogue).document, "alliance.risk-reward"))
    assert "section 12(2)(b) of the Supported Housing (Regulatory Oversight) Act 2023" in n
    assert "this draft has not confirmed that the regulations for them have been made" in n
    assert "Supported Housing (Regulatory Oversight)" not in note(build(welsh, catalogue).document, "alliance.risk-reward")
