"""A member that takes part unpaid, without a Service Contract (role 'participant', a Participating Member: r43
al-earlyhelp findings 1, 4, 8, 9 and tool notes 1, 11, 12, 15-20, 23)."""
from __future__ import annotations

import copy

import pytest

from assembler.rules import RuleContext
from assembler.rules.alliance import RULES
from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file
from tests.families.clause_texts import (all_text, alliance_key_row, build, clause, clause_text, definition, flat,
                                         flat_note, table_rows)
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_EARLYHELP, ALLIANCE_EARLYHELP_PARTICIPANT, ALLIANCE_SMALL
from tests.rules.helpers import RULES_DATE

MAT = "Wessley Valley Learning Trust"


def _doc(catalogue, path=ALLIANCE_EARLYHELP_PARTICIPANT):
    return build(path, catalogue).document


def _findings(data, catalogue, rule):
    positions = {name: pos.standard for name, pos in catalogue.positions("alliance").items()}
    positions.update(data.get("positions") or {})
    model = AllianceTermSheet.model_validate(data)
    found = RULES.run(RuleContext(model, positions, catalogue.figures, catalogue.law, RULES_DATE))
    return [f for f in found if f.rule == rule]


def _data(path=ALLIANCE_EARLYHELP_PARTICIPANT):
    return copy.deepcopy(load_file(path).data)


def _mat(data):
    return next(m for m in data["members"] if m["key"] == "mat")


# --- the model ---------------------------------------------------------------------------------------------------

def test_participant_is_a_member_but_not_a_provider():
    sheet = AllianceTermSheet.model_validate(_data())
    alliance = sheet.alliance
    assert [m.key for m in alliance.participants] == ["mat"]
    assert "mat" not in [m.key for m in alliance.providers]
    assert "mat" in [m.key for m in alliance.alliance_members]
    assert "mat" not in [m.key for m in alliance.voting_members]  # no vote unless votes: true
    assert len(alliance.voting_members) == 5 and alliance.votes_needed == 3  # 60% of five


def test_participant_that_votes_is_counted():
    data = _data()
    _mat(data)["votes"] = True
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert not alliance.non_voting_participants
    assert len(alliance.voting_members) == 6 and alliance.votes_needed == 4  # 60% of six


@pytest.mark.parametrize("field, value", [("annual_value", 1000), ("delivers", ["Anything"]),
                                          ("fee_percent", 2)])
def test_participant_with_payment_fields_is_refused(field, value):
    """Firing: a participant is paid nothing and has no Service Contract."""
    data = _data()
    _mat(data)[field] = value
    with pytest.raises(ValueError, match="a participant takes part without a Service Contract or payment"):
        AllianceTermSheet.model_validate(data)


def test_takes_part_by_and_votes_only_for_a_participant():
    """Firing: a provider's part is what it delivers; quiet: the participant sheet validates."""
    data = _data()
    next(m for m in data["members"] if m["key"] == "kite")["votes"] = True
    with pytest.raises(ValueError, match="takes_part_by and votes are for a participant"):
        AllianceTermSheet.model_validate(data)
    AllianceTermSheet.model_validate(_data())


# --- the draft ---------------------------------------------------------------------------------------------------

def test_schedule_1_part_3_sets_out_what_it_does(catalogue):
    doc = _doc(catalogue)
    text = flat(clause_text(doc, "alliance.schedule-services"))
    assert "The Learning Trust takes part in the Alliance as a Participating Member, without a Service Contract or payment." in text
    assert ("The Learning Trust must, throughout the Term: host Mental Health Support Team practitioners in its 14 "
            "academies, with rooms for one-to-one and group work; name a senior mental health lead in each of its "
            "academies; and share pupils' attendance and referral information") in text
    assert "It has no share of Gain or Pain, no Fee and no Pain Cap" in text
    assert "does not vote, and is not counted in the quorum or in the votes a decision needs" in text
    assert definition(doc, "Participating Member").startswith("an Alliance Member named in paragraph")
    note = flat_note(doc, "alliance.schedule-services")
    assert "so Part 3 makes it a Participating Member" in note
    assert "count the other five members only" in note


def test_participant_outside_contracts_gates_and_budget_tables(catalogue):
    doc = _doc(catalogue)
    contracts = [r[0] for r in table_rows(clause(doc, "alliance.schedule-services"))]
    assert not any(MAT in r for r in contracts)
    recitals = flat(clause_text(doc, "alliance.recitals"))
    assert "Learning Trust" not in recitals
    gates = flat(clause_text(doc, "alliance.schedule-outcomes"))
    assert MAT not in gates
    assert MAT not in flat(clause_text(doc, "alliance.schedule-risk-reward"))
    assert MAT not in flat(clause_text(doc, "alliance.schedule-budget"))
    assert MAT not in flat(clause_text(doc, "alliance.schedule-accession")).split("Annex")[-1]
    assert "Learning Trust" not in flat_note(doc, "alliance.recitals")


def test_votes_count_only_voting_members(catalogue):
    doc = _doc(catalogue)
    decisions = flat(clause_text(doc, "alliance.decisions"))
    assert ("Each Alliance Member other than the Learning Trust (which attends the ALT without a vote, as paragraph "
            "12 of Schedule 1 provides) has one vote") in decisions
    assert "(at the Commencement Date, three of the five votes)" in decisions
    assert "needs the agreement of every Alliance Member entitled to vote" in decisions
    assert "quorate if representatives of at least three Alliance Members entitled to vote" in flat(
        clause_text(doc, "alliance.governance"))
    assert alliance_key_row(doc, "Number of Alliance Members")[1].startswith("6 (5 with a vote; the Learning Trust without one")
    alt = [r[0] for r in table_rows(clause(doc, "alliance.schedule-alt"))]
    assert f"{MAT} (Participating Member, without a vote)" in alt


def test_members_without_participants_read_as_before(catalogue):
    """Quiet: a sheet with no participant has no Participating Member and every member votes."""
    doc = _doc(catalogue, ALLIANCE_BIG)
    assert "Participating Member" not in all_text(doc)
    decisions = flat(clause_text(doc, "alliance.decisions"))
    assert "Each Alliance Member has one vote, cast by its representative." in decisions
    assert "entitled to vote:" not in decisions
    assert "with a vote" not in alliance_key_row(doc, "Number of Alliance Members")[1]


def test_clinical_governance_group_from_providers_that_deliver_health_care(catalogue):
    """Firing (r43 finding 4): counselling Providers holding medical malpractice cover deliver health care, and a
    member whose insurance says it does no clinical work is left out (here the Trust, Kite and Lumen)."""
    for path in (ALLIANCE_EARLYHELP_PARTICIPANT, ALLIANCE_EARLYHELP):
        text = flat(clause_text(_doc(catalogue, path), "alliance.performance"))
        assert "each Provider that delivers health care as part of the Services (the Trust, Kite and Lumen)" in text


def test_liability_note_names_no_pi_for_a_member_excused_from_it(catalogue):
    """Firing: a Provider the sheet excuses from professional indemnity cover is not said to hold it (r43 finding 8)."""
    note = flat_note(_doc(catalogue, ALLIANCE_EARLYHELP), "alliance.liability")
    assert "The limit for Kite (£10,000,000) and Lumen (£10,000,000) is more than" in note


# --- the rules ---------------------------------------------------------------------------------------------------

def test_zero_value_provider_without_former_contract_is_asked_about(catalogue):
    """Firing: a £0 Provider with no former contract is probably a participant."""
    [finding] = _findings(_data(ALLIANCE_EARLYHELP), catalogue, "ALLIANCE-ZERO-PROVIDER")
    assert "Wessley Valley Learning Trust is a Provider with an annual value of £0" in finding.message
    assert "give it role 'participant'" in finding.message


@pytest.mark.parametrize("path", [ALLIANCE_EARLYHELP_PARTICIPANT, ALLIANCE_BIG, ALLIANCE_SMALL])
def test_zero_value_provider_rule_quiet(catalogue, path):
    """Quiet: the participant sheet and the samples, whose Providers are all paid."""
    assert _findings(_data(path), catalogue, "ALLIANCE-ZERO-PROVIDER") == []


def test_participant_with_a_share_is_an_error(catalogue):
    """Firing: a participant has no share of Gain or Pain; quiet on the sheet as written."""
    data = _data()
    data["alliance"]["risk_reward"]["shares"].append({"member": "mat", "gain": 0, "pain": 0})
    [finding] = _findings(data, catalogue, "ALLIANCE-PARTICIPANT-SHARE")
    assert "is a participant: it takes no share of Gain or Pain" in finding.message
    assert _findings(_data(), catalogue, "ALLIANCE-PARTICIPANT-SHARE") == []


def test_quorum_rule_counts_only_voting_members(catalogue):
    """Firing: a quorum of six with five voting members; quiet at three."""
    data = _data()
    data["alliance"]["decisions"]["quorum"] = 6
    [finding] = _findings(data, catalogue, "ALLIANCE-QUORUM")
    assert "more than the 5 Alliance Members with a vote" in finding.message
    assert _findings(_data(), catalogue, "ALLIANCE-QUORUM") == []


def test_handover_clause_about_the_member_before_stays_in_its_item():
    """Firing (r43 finding 13): 'Learning Trust: no services to hand over; its academies keep hosting ...' is one
    item of the Exit Plan, not an item with no subject; quiet: items that each name a member stay apart."""
    items = AllianceTermSheet.model_validate(_data()).alliance.handover_items
    assert "Learning Trust: no services to hand over; its academies keep hosting the MHSTs under the school agreements" in items
    assert any(i.startswith("Lumen: online counselling") for i in items)
    assert len(items) == 4


def test_participating_member_clause_on_costs_and_income(catalogue):
    """A provision on a member's part of the Services or its costs applies to a Participating Member only as to what it
    does (the open-book information clause asks every Alliance Member for its costs)."""
    text = flat(clause_text(_doc(catalogue), "alliance.schedule-services"))
    assert "it applies to a Participating Member only as to what it does under this Part" in text
