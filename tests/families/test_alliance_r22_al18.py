"""r22 alliance review (lane al18): the money mechanisms (clauses 12 to 14 and Schedule 4) of the Tamarmouth sample
(al-sample) and the Haverleigh sheet (al-fresh)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.families.clause_texts import clause_text
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

R22 = Path("/work/review/r22")
SHEETS = ALLIANCE


def _sentences(text: str):
    for line in text.split("\n"):
        yield from re.split(r"(?<=[.;:])\s+(?=[A-Z(])", line)


@pytest.mark.parametrize("path", SHEETS, ids=lambda p: p.stem)
def test_money_mechanism_sentences_are_split(path, catalogue):
    """al-sample 19: the overspend approvals, the forecast, the part year, the first Annual Plan, the settlement and
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


HAVERLEIGH = Path(__file__).parent / "fixtures" / "alliance-haverleigh-r22.yaml"


@pytest.fixture(scope="module")
def haverleigh(catalogue):
    return build(HAVERLEIGH, catalogue).document


@pytest.mark.parametrize("path", [HAVERLEIGH, *ALLIANCE], ids=lambda p: p.stem)
def test_services_not_delivered_make_no_shared_pain(path, catalogue):
    """al-fresh 2 (firing): a reduction of the Target Cost for services or capacity not delivered also reduces that
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
    assert "is treated as having refused approval if it has not decided within that period;" in rr
    assert "The Annual Plan must state, for each Provider, an amount (which may be nil) of costs" in rr
    assert "The Annual Plan may approve in advance" not in rr
    ki = clause_text(doc, "alliance.key-information", flat=True)
    assert "no Provider bears more of the Pain" not in ki
    assert re.search(r"Costs above a Provider's budget count towards Pain only if approved under clause \d+\.\d+; costs "
                     r"not approved are that Provider's own, without limit", ki)
    note = clause(doc, "alliance.risk-reward").note
    assert "never earns Gain or becomes shared Pain" in note


def test_capped_commissioner_exposure_is_stated_truly(haverleigh):
    """al-fresh 2: the Commissioner's £150,000 is its total exposure (its share and Pain above the caps), and the
    clause no longer says Pain is 'limited in practice' by approvals alone."""
    rr = " ".join(text_of(clause(haverleigh, "alliance.risk-reward")).split())
    assert "limited in practice" not in rr
    # r28 al-fresh finding 10: the stop-loss is named as the means, with no conclusion that reads as a cap
    assert re.search(r"The Commissioner limits its exposure to Pain through clause \d+\.\d+\. Nothing in this clause "
                     r"limits the Pain it bears under clause \d+\.\d+\.", rr)
    assert re.search(r"make its forecast exposure to Pain under clause \d+\.\d+ exceed £150,000", rr)


def test_uncapped_commissioner_has_no_exposure_sentence(catalogue):
    """quiet: where the Commissioner's Pain is uncapped, no sentence about controlling it is added."""
    doc = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    rr = text_of(clause(doc, "alliance.risk-reward"))
    assert "limits its exposure to Pain" not in rr
    assert "The Commissioner's exposure to Pain is not capped." in rr


def test_no_pain_cap_for_a_member_bearing_no_pain(haverleigh, catalogue):
    """al-fresh 10 (firing): Rise and Stepstone bear 0% of Pain, so the table shows no Pain Cap for them and the
    thresholds speak of the Providers that bear Pain; quiet: the Tamarmouth sample, where all bear Pain."""
    sched = clause_text(haverleigh, "alliance.schedule-risk-reward", flat=True)
    assert sched.count("n/a (no share of Pain)") == 2
    assert "£9,150" not in sched and "£5,700" not in sched
    assert "the Pain Cap of every Provider that bears a share of Pain when it is £324,750" in sched
    ki = clause_text(haverleigh, "alliance.key-information", flat=True)
    assert "Annual Value a year for each Provider that bears a share of Pain" in ki
    assert "would take its exposure above £150,000" in ki
    big = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    assert "n/a (no share of Pain)" not in clause_text(big, "alliance.schedule-risk-reward")
    assert "that bears a share of Pain" not in clause_text(big, "alliance.key-information")


def test_withheld_gain_the_commissioner_decides_and_reports(haverleigh, catalogue):
    """al-fresh 11 (firing): a Provider's withheld share of Gain is the Commissioner's to use; it says what it decided
    within 3 months, and is not bound to spend it on the Services; quiet: no gate, no such sentence."""
    rr = " ".join(text_of(clause(haverleigh, "alliance.risk-reward")).split())
    assert re.search(r"That share is kept by the Commissioner, which decides how to use it\. It must tell the ALT what it "
                     r"has decided within 3 months after the calculation binds under clause \d+\.\d+\.", rr)
    assert "must spend it on the Services" not in rr
    big = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    assert "decides how to use it" not in text_of(clause(big, "alliance.risk-reward"))


def test_budget_the_commissioner_funds_itself_is_available_not_allocated_in_instalments(catalogue):
    """al-sample 5 (firing): the Council funds and holds the whole budget, so the instalment profile is not an
    allocation to its own cost centre; the budget is available from the start of the year and the note asks whether
    the Providers are to be paid on that profile. al-sample 7: the later-year budget and the carry-forward are
    subject to the no-fetter clause and the holder's financial rules."""
    doc = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    plan = " ".join(text_of(clause(doc, "alliance.service-planning")).split())
    assert "to the account or cost centre in which it keeps" not in plan
    assert "must make the Alliance Budget available in full from the start of each Alliance Year" in plan
    assert "carried forward and applied in the next Alliance Year as the Annual Plan for that year provides" in plan
    assert "unless the Alliance Budget Holder's budget and financial rules require it to be returned" in plan  # r26 al-sample 12
    assert re.search(r"Nothing in this clause \d+\.\d+ limits the obligations of the Commissioner", plan)
    note = " ".join(clause(doc, "alliance.service-planning").note.split())
    # r25 al-sample 3 (lane alB): the profile is now secured in clause 12 and the 3.3 list; the note says so
    assert "The instructions give the Commissioner's contribution to the Alliance Budget as paid in four equal instalments in advance" in note  # r26 al-sample 9
    assert "requires each Service Contract to contain: confirm with the client" in note


@pytest.mark.parametrize("path", [HAVERLEIGH, *(p for p in ALLIANCE if "complex-needs" not in p.stem)], ids=lambda p: p.stem)
def test_instalment_note_only_where_the_holder_funds_itself(path, catalogue):
    """quiet: no instalment note where no single commissioner funds a budget it holds."""
    doc = build(path, catalogue).document
    note = " ".join((clause(doc, "alliance.service-planning").note or "").split())
    assert "It pays into a budget it holds itself" not in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_indexation_against_service_contract_prices_is_flagged(path, catalogue):
    """al-sample 6 (firing): indexed Annual Values with separate Service Contracts get a note that the contract
    prices must rise the same way or the Annual Value follow the contract price; quiet: no indexation, or one
    contract (this Agreement is the contract)."""
    built = build(path, catalogue)
    doc = built.document
    note = " ".join((clause(doc, "alliance.schedule-budget").note or "").split())
    flagged = "Where a Service Contract does not raise its price by the same increase" in note
    indexed = "Indexation Increase" in {d.term for d in doc.definitions}
    single = any(c.id == "alliance.structure" and c.variant == "single-contract" for c in doc.all_clauses())
    assert flagged == (indexed and not single)


def test_commissioner_funding_all_and_taking_no_gain_is_stated_with_figures(haverleigh, catalogue):
    """al-sample 2 (firing): the Council funds £7,700,000, takes no Gain, bears uncapped Pain and there is no gate:
    the note says so with the figure and asks for instructions; quiet: a Commissioner with a share of Gain."""
    big = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    note = " ".join(clause(big, "alliance.risk-reward").note.split())
    # the uncapped Pain is said once, in the next sentence, with its threshold (r27 al-sample finding 2)
    assert ("yet funds the whole budget (£7,700,000 in the first year), so every pound the Providers save below the "
            "Target Cost goes to them, in a year when every KPI is missed as in any other") in note
    assert "recommend a Commissioner share of Gain and a gate on each Provider's share (option (c) below)" in note
    assert "The Council bears all Pain above the Providers' Pain Caps without limit" in note
    assert "yet funds the whole budget" not in " ".join(clause(haverleigh, "alliance.risk-reward").note.split())
