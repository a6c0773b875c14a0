"""r20 alliance reviews (lane al14): the Target Cost follows what is paid, capacity not delivered never earns Gain,
cross-reference lists, quorum, rolling KPI figures, pooled budget wording and drafting splits."""
from __future__ import annotations

import pytest

from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of
from tests.families.clause_texts import flat as _flat


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def test_target_cost_is_tied_to_the_annual_values(big):
    """al-sample 2 (firing): from Year 2 the Target Cost is the total of the Annual Values and the ALT can move it
    only with a matching change to them, so Gain or Pain never comes from a figure nobody pays."""
    rr = _flat(text_of(clause(big, "alliance.risk-reward")))
    assert "after the first is the total of the Providers' Annual Values for it" in rr
    assert "and only together with a matching change to the Annual Values" in rr
    assert "until the ALT sets another in the same way" not in rr


def test_undelivered_capacity_reduces_the_target_cost(big):
    """al-sample 1 (firing): capacity a Provider did not deliver comes off the Target Cost even where no payment was
    cut, and the two reductions are not counted twice."""
    rr = _flat(text_of(clause(big, "alliance.risk-reward")))
    assert ("reduced by: the amount by which the Commissioner reduces any payment under a Service Contract for that year because services were not delivered; and the cost, as the Alliance Manager reasonably assesses it in the calculation under clause") in rr
    assert "that a Provider did not deliver, so far as clause 13.3(a) does not already cover it" in rr


def test_deadlock_fallback_points_to_the_target_cost_rule(big):
    """al-sample 10: the deadlock fallback no longer says the previous year's Target Cost continues."""
    text = _flat(text_of(clause(big, "alliance.decisions")))
    assert "the arrangements for the previous Alliance Year continue" not in text
    assert "the Target Cost being set as clause" in text


def test_gain_only_target_cost_unchanged(catalogue):
    """quiet: the gain-only variant keeps its own Target Cost rule and key information wording."""
    for path in ALLIANCE:
        if "gain-only" not in path.stem:
            continue
        doc = build(path, catalogue).document
        rr = _flat(text_of(clause(doc, "alliance.risk-reward")))
        assert "so far as (a) does not already cover it" not in rr
        ki = _flat(text_of(clause(doc, "alliance.key-information")))
        assert "less any reduction for services not delivered" not in ki


def test_withholding_clause_names_every_payment_adjustment(big):
    """al-sample 9: 4.3 names the Balancing Amount adjustment as well as the set-off, and the set-off has its own
    sub-clause, apart from VAT."""
    text = _flat(text_of(clause(big, "alliance.structure")))
    assert "adds only the payment of Balancing Amounts under clause 13." in text
    from assembler.model import Paragraph
    setoff = next(p for p in clause(big, "alliance.operations").blocks
                  if isinstance(p, Paragraph) and p.anchor == "set-off")
    assert "may set off" in setoff.text and "VAT" not in setoff.text


def test_one_list_of_exceptions_to_unanimity(big):
    """al-sample 11 (firing): the exceptions to unanimity are listed once, in the decisions clause, and the
    principles and the quorum rule refer to that list; 13.7 says plainly how the Commissioner gives its part."""
    from assembler.model import Paragraph
    unanimous = next(p.number for p in clause(big, "alliance.decisions").blocks
                     if isinstance(p, Paragraph) and p.anchor == "unanimous")
    assert f"except as clause {unanimous} provides" in _flat(text_of(clause(big, "alliance.principles")))
    assert f"(except as clause {unanimous} provides)" in _flat(text_of(clause(big, "alliance.governance")))
    rr = _flat(text_of(clause(big, "alliance.risk-reward")))
    assert "and any limit it sets" not in rr
    assert "The Commissioner gives its part in an approval under clause 13.10 only in writing" in rr
    # al-sample 23: under unanimity the Commissioner's vote is already needed
    assert "with the Commissioner among those voting for it" not in rr


def test_majority_alliance_keeps_the_commissioner_vote_safeguard(catalogue):
    """al-sample 23 (quiet): under a majority rule the overspend approval still needs the Commissioner's vote."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        if "Reserved Matter" not in _flat(text_of(clause(doc, "alliance.decisions"))):
            continue
        rr = _flat(text_of(clause(doc, "alliance.risk-reward")))
        if "before they are incurred, by a decision of the ALT" in rr:
            assert "among those voting for it" in rr




def test_quorum_follows_the_membership_where_the_sheet_fixes_no_number(catalogue):
    """al-fresh 9 (firing): with no quorum in the sheet, the quorum is a share of the members (the 75% majority
    here), so it still works when a member leaves; the reduced quorum uses the same share."""
    from tests.families.test_alliance_r20_al13 import THORNSHIRE as sheet
    doc = build(sheet, catalogue).document
    gov = _flat(text_of(clause(doc, "alliance.governance")))
    assert "quorate if representatives of at least 75% of the Alliance Members (rounded up), including the" in gov
    assert "at least 75% (rounded up) of the other Alliance Members" in gov
    assert "at least six Alliance Members" not in gov


def test_fixed_quorum_from_the_sheet_is_kept(catalogue):
    """al-fresh 9 (quiet): a sheet that states a quorum keeps its number."""
    for path in ALLIANCE:
        if "small-majority" in path.stem:
            doc = build(path, catalogue).document
            gov = _flat(text_of(clause(doc, "alliance.governance")))
            assert "at least three Alliance Members" in gov and "(rounded up)" not in gov


def test_gain_only_overspend_is_not_an_alt_vote(catalogue):
    """al-fresh 14: under gain-only the Commissioner approves overspend alone, so 8.6 and the deadlock list do not
    treat it as an ALT vote; under gain and pain they still do."""
    from tests.families.test_alliance_r20_al13 import THORNSHIRE as sheet
    doc = build(sheet, catalogue).document
    gov = _flat(text_of(clause(doc, "alliance.governance")))
    dec = _flat(text_of(clause(doc, "alliance.decisions")))
    rr = clause(doc, "alliance.risk-reward").number
    assert f"clause {rr}." not in gov.split("(including under")[1].split(")")[0]
    assert "any approval of costs under" not in dec


def test_gain_and_pain_overspend_vote_still_listed(big):
    """al-fresh 14 (quiet): where 13.6(a) is an ALT vote it stays in the no-vote list and the deadlock list."""
    assert "any approval of costs under clause" in _flat(text_of(clause(big, "alliance.decisions")))
    assert ", clause 13.10, clause" in _flat(text_of(clause(big, "alliance.governance")))


def test_rolling_kpi_figures_start_at_the_commencement_date(big):
    """al-sample 13: in the first year a rolling 12-month figure does not reach back before the Commencement Date."""
    text = _flat(text_of(clause(big, "alliance.performance")))
    assert ("or, where fewer than 12 months have passed since the Commencement Date, for the period from the "
            "Commencement Date to the end of that period") in text


def test_pooled_budget_is_not_a_fixed_sum_a_year(big):
    """al-sample 14: the key information gives the first year's amount and how later years are set; the holder
    allocates its own money rather than paying itself."""
    from tests.families.test_alliance import table_rows
    rows = dict((r[0], r[1]) for r in table_rows(clause(big, "alliance.key-information")))
    assert rows["Pooled budget"].startswith("£7,700,000 for the first Alliance Year; for each later one, the amount set")
    assert "transfer its contribution" not in _flat(text_of(clause(big, "alliance.service-planning")))


def test_processor_for_alt_reports_is_named(big):
    """al-sample 15: 8.7 fixes who hosts the Alliance Manager, so the data clauses name it."""
    text = _flat(text_of(clause(big, "alliance.information-sharing")))
    assert "the Alliance Member that employs or hosts the Alliance Manager" not in text
    assert "the Commissioner (which employs or hosts the Alliance Manager under clause" in text


def test_long_sentences_are_split_into_lettered_sub_clauses(big):
    """al-sample 22: 5.1, 9.4, 13.13 and 14.4 are lead-ins with lettered items; the key information table says
    "of Gain and of Pain"."""
    from assembler.model import Paragraph
    from tests.families.test_alliance import table_rows
    urgent = next(p for p in clause(big, "alliance.decisions").blocks if isinstance(p, Paragraph) and p.anchor == "urgent")
    assert urgent.text.endswith("is at immediate risk:")
    improvement = next(p for p in clause(big, "alliance.performance").blocks
                       if isinstance(p, Paragraph) and p.anchor == "improvement")
    assert improvement.text.endswith("set out in Part 3 of Schedule 2:")
    transition = _flat(text_of(clause(big, "alliance.transition")))
    assert "agree that the Former Contract ends: if that Provider's Service Contract has been signed before" in transition
    rr = _flat(text_of(clause(big, "alliance.risk-reward")))
    assert "No Balancing Amount repays such a deduction or recovers it a second time." in rr
    rows = dict((r[0], r[1]) for r in table_rows(clause(big, "alliance.key-information")))
    assert "11.04% of Gain and of Pain" in rows["Shares of Gain and Pain"] and "of each" not in rows["Shares of Gain and Pain"]


def test_objects_note_lists_every_pain_bearing_society_or_charity(big):
    """al-sample 18 (firing): a housing association registered as a society bears Pain, so its board is asked to
    confirm its objects too, in the sheet's order."""
    note = " ".join(clause(big, "alliance.schedule-risk-reward").note.split())
    assert ("of St Luke's, Harbour Light, Recovery CIC, Riverside, Shelter Point, Hope and Anchor and Moorview to "
            "confirm that bearing it is within each one's objects") in note
    assert "ask the board (for a charity, its trustees; for a community interest company, its directors" in note


def test_alt_schedule_note_mentions_reserved_matters_only_when_there_are_some(big, catalogue):
    """al-sample 20: no "reserved matters" in the note of a sheet without them (quiet), and they are named where a
    majority sheet has them (firing); the quarterly publication duty is flagged."""
    from tests.families.test_alliance_r20_al13 import THORNSHIRE as sheet
    note = " ".join(clause(big, "alliance.schedule-alt").note.split())
    assert "reserved matters" not in note.lower() and "The decision rule repeats what clause " in note  # r21 al-sample 23: a number
    # r28 al-fresh finding 15: the invented publication duty is gone from the Schedule; the note offers it
    assert "The instructions give no duty to publish the ALT's decisions, so the Schedule has none" in note
    assert "publish a summary" not in " ".join(text_of(clause(big, "alliance.schedule-alt")).split())
    other = " ".join(clause(build(sheet, catalogue).document, "alliance.schedule-alt").note.split())
    assert "The decision rule and the Reserved Matters repeat" in other


def test_notes_that_do_not_apply_are_trimmed(big, catalogue):
    """al-sample 21: one index, no composite-index words; no Scottish/Northern Irish/Welsh boilerplate where every
    party is in England; no check that a council is a public authority; a city council with social services
    functions is unitary. The Welsh sample keeps its Welsh sentence (quiet)."""
    budget = " ".join(clause(big, "alliance.schedule-budget").note.split())
    assert "the share of the Annual Value it applies to" not in budget and "as a formula: the measure and the figure compared" in budget
    law = " ".join(clause(big, "common.governing-law").note.split())
    assert "no Party gives an address in Scotland or Northern Ireland" in law and "Welsh" not in law and "OSCR" not in law
    defs = " ".join(clause(big, "common.definitions").note.split())
    assert "is a public authority under Schedule 1" not in defs
    functions = " ".join(clause(big, "common.statutory-functions").note.split())
    # r24 al-sample 16: "city council" does not make it unitary, so the note states the assumption
    assert "if, as assumed, it is a unitary council, it is also the local housing authority (homelessness and allocation): confirm" in functions
    assert "rather than a county council" not in functions
    welsh = next(p for p in ALLIANCE if "welsh" in p.stem)
    wlaw = " ".join(clause(build(welsh, catalogue).document, "common.governing-law").note.split())
    assert "For a Welsh public body" in wlaw


def test_deadlock_note_tells_the_client_plainly(big):
    """al-sample 8: the note says what the Commissioner cannot decide in a deadlock, how long the status quo can
    last (to the end of the Term, from the sheet) and asks for instructions."""
    note = " ".join(clause(big, "alliance.decisions").note.split())
    # r22 al-sample 3: the Council decides a deadlocked Annual Plan or KPI change; the note names what it cannot
    assert "The Council therefore decides a deadlocked Annual Plan (but not the budgets, the costs approved in advance or the overhead rates and apportionment in it, which roll over) or change to the Outcomes or KPIs" in note
    assert "Tell the client that the draft is narrower than its instruction in one respect: the shares, Fees, caps, approvals of overspending" in note
    assert "could be until the Term ends (31 March 2032, or 31 March 2037 if extended)" in note
