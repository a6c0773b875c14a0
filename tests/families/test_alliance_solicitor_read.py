"""Faults a solicitor's end-to-end read of two alliance samples found (sprint I2): notes and clauses that said "the
Commissioner" where several commission, a Pain example whose caps already bite without saying so, Pain in a
gain-only draft, an empty bracket for an undated former contract, and step-in law from the wrong procurement
regime. Each test pairs the case the fix changes with one it must leave alone."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat, flat_note, text_of, variant_of
from tests.families.conftest import ALLIANCE_JOINT, ALLIANCE_REABLEMENT, ALLIANCE_SMALL


def _note(path, clause_id, catalogue):
    return flat_note(build(path, catalogue).document, clause_id)


def _text(path, clause_id, catalogue):
    return flat(text_of(clause(build(path, catalogue).document, clause_id)))


# --- leaving for cause: several Commissioners ---------------------------------------------------------------

def test_leaving_note_names_lead_commissioner_where_several_commission(catalogue):
    """Firing: two Commissioners; only the Lead Commissioner's leaving ends the Agreement (clause 26.7)."""
    n = _note(ALLIANCE_JOINT, "alliance.leaving", catalogue)
    assert "no Commissioner can use the funding ground" in n
    assert "the Lead Commissioner's leaving ends the Agreement" in n
    assert "the Commissioner cannot use the funding ground, because its leaving ends" not in n
    assert "Leaving and the member's Service Contract are linked" not in n
    assert "the only shorter route is leaving" in n
    body = _text(ALLIANCE_JOINT, "alliance.leaving", catalogue)
    assert "if a Commissioner, or another Alliance Member whose breach" in body


def test_leaving_note_single_commissioner_unchanged_in_substance(catalogue):
    """Quiet: one Commissioner keeps "the Commissioner"."""
    n = _note(ALLIANCE_REABLEMENT, "alliance.leaving", catalogue)
    assert "the Commissioner cannot use the funding ground, because its leaving ends the whole Agreement" in n
    assert "the Commissioner's leaving ends the Agreement" in n
    assert "Lead Commissioner" not in n
    body = _text(ALLIANCE_REABLEMENT, "alliance.leaving", catalogue)
    assert "if the Commissioner, or another Alliance Member whose breach" in body


# --- risk and reward: who bears Pain up to the Commissioners' amount -----------------------------------------

def test_risk_reward_note_joint_commissioners_bear_pain_together(catalogue):
    """Firing: the note no longer says that the lead Council alone bears Pain above the caps."""
    n = _note(ALLIANCE_JOINT, "alliance.risk-reward", catalogue)
    assert ("The Commissioners together bear their own shares of Pain and the Pain above the Providers' Pain Caps "
            "only up to £100,000 a year in all") in n
    assert "The Council bears Pain above the Providers' Pain Caps" not in n


# --- the worked Pain example when the caps already bite -------------------------------------------------------

def test_pain_example_says_when_caps_already_bite(catalogue):
    """Firing: an 8% variance takes Pain (£240,000) past every threshold; Example 2 and the note say so."""
    doc = build(ALLIANCE_JOINT, catalogue).document
    text = flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
    assert ("At this variance the Pain Caps already bite: £24,000 of the Providers' shares lies above their Pain "
            "Caps, and £20,000 returns to the Providers above their caps, within their Pain Limits.") in text
    n = flat_note(doc, "alliance.schedule-risk-reward")
    assert "the second example's Pain (£240,000) is already past the point at which the first Pain Cap" in n
    assert "the third example is an overspend large enough for the caps to bite" not in n


def test_pain_example_within_caps_is_quiet(catalogue):
    """Quiet: a 3% variance keeps Example 2 within the caps: no extra paragraph, the old note."""
    doc = variant_of(catalogue, ALLIANCE_JOINT, "variance_percent: 8", "variance_percent: 3")
    text = flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
    assert "At this variance the Pain Caps already bite" not in text
    assert "the third example is an overspend large enough for the caps to bite" in flat_note(
        doc, "alliance.schedule-risk-reward")


# --- gain-only drafts never mention Pain in these notes --------------------------------------------------------

def test_gain_only_notes_do_not_mention_pain(catalogue):
    """Firing: gain-only; the precedence and budget notes speak of Gain alone."""
    for cid in ("alliance.precedence", "alliance.schedule-budget"):
        n = _note(ALLIANCE_REABLEMENT, cid, catalogue)
        assert "Pain" not in n, cid
    assert "settles the difference, so no difference shows as Gain." in _note(
        ALLIANCE_REABLEMENT, "alliance.precedence", catalogue)


def test_gain_and_pain_notes_keep_pain(catalogue):
    """Quiet: gain and pain keeps "Gain or Pain"."""
    assert "settles the difference, so no difference shows as Gain or Pain." in _note(ALLIANCE_JOINT, "alliance.precedence", catalogue)


# --- transition --------------------------------------------------------------------------------------------------

def test_undated_former_contract_has_no_empty_brackets(catalogue):
    """Firing: one Commissioner, an undated former contract with no annual value: its title fills the bracket."""
    n = _note(ALLIANCE_REABLEMENT, "alliance.transition", catalogue)
    assert "()" not in n
    assert "WBC/ASC/2023/0087 (Integrated community reablement service)" in n


def test_varied_former_contracts_name_the_commissioner_that_let_each(catalogue):
    """Firing: two Commissioners; quiet: one Commissioner keeps "The Commissioner and each Provider"."""
    joint = _text(ALLIANCE_JOINT, "alliance.transition", catalogue)
    assert joint.startswith("The Commissioner that let each Former Contract (named in Part 2 of Schedule 1) and the "
                            "Provider that holds it must, before the Commencement Date, vary")
    assert "Until a Former Contract is varied, the Commissioner that let it and the Provider must perform it" in joint


# --- running the Alliance: step-in and the regime of the Service Contracts -------------------------------------

def test_step_in_note_cites_regulation_72_for_pcr_contracts(catalogue):
    """Firing: Service Contracts modified under regulation 72 of the PCR 2015: no Procurement Act s.74 ground."""
    n = _note(ALLIANCE_JOINT, "alliance.operations", catalogue)
    assert "the Service Contracts were procured under the Public Contracts Regulations 2015, so regulation 72" in n
    assert "Procurement Act 2023, s.74: a permitted modification" not in n


def test_step_in_note_keeps_section_74_for_act_contracts(catalogue):
    """Quiet: Service Contracts awarded under the Procurement Act 2023."""
    n = _note(ALLIANCE_REABLEMENT, "alliance.operations", catalogue)
    assert "Procurement Act 2023, s.74: a permitted modification" in n


# --- termination and deadlock wording with several Commissioners --------------------------------------------

def test_termination_note_and_deadlock_name_lead_or_each_commissioner(catalogue):
    """Firing: two Commissioners; quiet: one Commissioner."""
    n = _note(ALLIANCE_JOINT, "alliance.term-termination", catalogue)
    assert "the Lead Commissioner, with each other Commissioner's written agreement, may remove" in n
    # the note no longer restates when the whole Agreement ends (sprint Y3: the clause says it)
    assert "The whole Agreement ends only if" not in n
    one = _note(ALLIANCE_SMALL, "alliance.term-termination", catalogue)
    assert "Lead Commissioner" not in one
    decisions = _text(ALLIANCE_JOINT, "alliance.decisions", catalogue)
    assert "may commit a Commissioner or any other public body to spend" in decisions
    assert "within each Commissioner's budget" in decisions


def test_recital_note_weighs_recorded_assessment(catalogue):
    """Firing: a recorded health-care assessment that the Act governs the whole: the note asks whether it holds for
    the contract it doubts, instead of speaking as if the Regime applied."""
    n = _note(ALLIANCE_REABLEMENT, "alliance.recitals", catalogue)
    assert "whether the recorded assessment (that the main subject-matter is social care" in n
    assert "before concluding that the Regime does not apply" in n


def test_varied_contracts_note_expects_no_staff_move_and_balancing_payments_sentence(catalogue):
    """Firing: contracts varied (no one moves on the change); quiet: contracts replaced keep the workforce sentence.
    The Balancing Amount's payments sub-clause opens with its purpose rather than a dangling "for clause"."""
    assert "Each Provider keeps its own contract on the change, so no staff are expected to transfer" in _note(
        ALLIANCE_JOINT, "alliance.transition", catalogue)
    assert "Staff who move between providers on the change are dealt with in the workforce clause." in _note(
        ALLIANCE_REABLEMENT, "alliance.transition", catalogue)
    assert "For clause 13.20, the payments due to a Provider are the payments due to it" in _text(
        ALLIANCE_JOINT, "alliance.risk-reward", catalogue)
