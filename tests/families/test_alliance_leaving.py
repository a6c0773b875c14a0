"""Leaving the Alliance: the right to end a departing Provider's Service Contract points to the list of terms each
Service Contract must contain (clause 3.3) and the route where the law does not permit one (clause 3.4) instead of
restating them (r27 al-sample finding 16)."""
from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file, load_text
from assembler.termsheet.validate import validate
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import (
    build,
    clause,
    flat as _flat,
    flat_note,
    note,
    text_of,
    variant_file,
    variant_of,
)
from tests.families.conftest import (
    ALLIANCE,
    ALLIANCE_BIG,
    ALLIANCE_LYNMERE,
    ALLIANCE_LYNMERE_ALH,
    ALLIANCE_SMALL,
)


def test_service_contract_ending_refers_to_clause_3(catalogue):
    """Firing: separate Service Contracts."""
    doc = build(ALLIANCE_LYNMERE, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.leaving")))
    assert "Clause 3.3(f) and clause 3.4 apply to that right to end the Service Contract." in text
    assert "must ensure that the Provider's Service Contract contains a right to end it" not in text


def test_single_contract_keeps_its_own_words(catalogue):
    """Quiet: a single-contract alliance has no clause 3.3 list to point to."""
    sheet = next((p for p in ALLIANCE if "small-majority" in p.name))
    text = _flat(text_of(clause(build(sheet, catalogue).document, "alliance.leaving")))
    assert "apply to that right to end the Service Contract" not in text


def test_for_cause_leaving_refers_to_clause_3_too(catalogue):
    """The for-cause variant (exit: for-cause) ends the Service Contract with the membership; it points to clause 3.3's
    ending term and clause 3.4 as the standard variant does, without restating the duty (r27 al-sample finding 16)."""
    sheet = next(p for p in ALLIANCE if p.stem == "mental-health-four-members-varied")
    doc = build(sheet, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.leaving")))
    precedence = clause(doc, "alliance.precedence").number
    assert f"Clause {precedence}.3(e) and clause {precedence}.4 apply to that ending of the Service Contract." in text
    assert "must ensure that the Provider's Service Contract contains" not in text


def test_general_clause_does_not_restate_the_subcontracting_consent(catalogue):
    """r27 al-sample finding 16: the general clause keeps the responsibility for subcontractors and cites the running
    clause's consent rule, instead of a second sub-clause repeating it."""
    sheet = next(p for p in ALLIANCE if p.stem == "complex-needs-eight-members")
    doc = build(sheet, catalogue).document
    general = _flat(text_of(clause(doc, "common.general")))
    running = _flat(text_of(clause(doc, "alliance.operations")))
    assert "without the consent required by clause" not in general
    assert ("A Party that subcontracts the performance of any of its obligations (which clause 16.12 governs) remains "
            "responsible for the performance of those obligations") in general
    # r36 al-fresh finding 20: over Service Contracts, subcontracting follows the Service Contract first
    assert ("A Provider may subcontract the performance of any of its obligations under this Agreement or its Service "
            "Contract only as its Service Contract allows or, where its Service Contract does not deal with "
            "subcontracting, only with the prior written consent") in running


def test_force_majeure_leaving_follows_the_removal_rule(alliance_thistlebury):
    """r19 al11: Findings 5 and 16: the ALT's decision that a Provider leaves after force majeure states its majority, 9.5
    lists it, and the reduced quorum covers every rule under which a member does not vote."""
    fm = _flat(text_of(clause(alliance_thistlebury, "alliance.force-majeure-members")))
    assert "by a decision of every other Alliance Member, that the Provider leaves" in fm
    assert "That Provider does not vote on that decision and is not counted in the quorum" in fm
    decisions = _flat(text_of(clause(alliance_thistlebury, "alliance.decisions")))
    assert "applies the same rule to a decision that a Provider leaves after a Force Majeure Event" in decisions
    governance = _flat(text_of(clause(alliance_thistlebury, "alliance.governance")))
    assert "does not vote under this Agreement (including under clause 9.17, clause 13.9, clause 13.13, clause 13.15, clause 29.4 and clause 30.8)" in governance  # r25 alA: 13.9, 13.15


def test_accession_deed_has_a_commissioner_form_where_councils_may_join(alliance_thornshire):
    """r20 al15: al-fresh 5 (firing): the reserved matter names two councils that may join, so the deed lets a New Member join
    as a Commissioner, with its contribution and the funding agreement, and clause 25.4's procurement check applies
    only where the newcomer is to be paid."""
    deed = _flat(text_of(clause(alliance_thornshire, "alliance.schedule-accession")))
    assert "Where the New Member joins as a Commissioner, it joins only on the terms of a variation" in deed  # r25 alA
    assert "its contribution to the Pooled Budget for each Alliance Year and when it pays it" in deed
    assert "the variation of the funding agreement between the Commissioners that admits it" in deed
    assert "[[" not in deed
    changes = _flat(text_of(clause(alliance_thornshire, "alliance.changes")))
    assert "and, where the organisation is to be paid for any of the Services, only after each Commissioner" in changes
    planning = _flat(text_of(clause(alliance_thornshire, "alliance.service-planning")))
    assert "A Commissioner that joins by an Accession Deed pays the contribution that the variation of this Agreement made with it sets" in planning


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_accession_deed_stays_provider_only_by_default(path, catalogue):
    """r20 al15: al-fresh 5 (quiet): a sheet whose reserved matters name no council or NHS body keeps the Provider-only deed."""
    built = build(path, catalogue)
    deed = _flat(text_of(clause(built.document, "alliance.schedule-accession")))
    assert "Where the New Member joins as a Commissioner" not in deed
    assert "as an Alliance Member and as a Provider." in deed


def test_leaving_provider_keeps_its_service_contract_unless_the_commissioner_ends_it(alliance_big):
    """r21 al16: al-sample 1: the Service Contract ends only if the Commissioner elects; the note states the break right."""
    text = _flat(text_of(clause(alliance_big, "alliance.leaving")))
    assert "the Commissioner may end that Provider's Service Contract on the same day by notice to that Provider" in text
    assert "If the Commissioner does not give that notice, the Service Contract continues" in text
    assert "ends on the same day, unless" not in text
    note = flat_note(alliance_big, "alliance.leaving")
    assert "leave without a reason" in note and "twelve months' notice" in note
    assert "end of the second Alliance Year" in note and "must expire on 31 March, the end of an Alliance Year" in note


def test_single_contract_leaving_note_has_no_service_contract_option(catalogue):
    """r21 al16: al-sample 1 (quiet): a single-contract alliance has no per-Provider Service Contract to keep."""
    source = ALLIANCE_SMALL.read_text(encoding="utf-8").replace("exit: for-cause", "exit: without-cause")
    doc = assemble(validate(load_text(source, ALLIANCE_SMALL.name), catalogue), catalogue, today=DRAFT_DATE).document
    note = flat_note(doc, "alliance.leaving")
    assert "leave without a reason" in note and "stays bound by its Service Contract" not in note


def test_note_reference_prints_its_number(alliance_big):
    """r21 al16: al-sample 23: a [[ref:...]] in a drafting note prints the clause number, never the library id."""
    note = flat_note(alliance_big, "alliance.leaving")
    assert "carries that right (clause 3.3 requires it)" in note
    for c in alliance_big.all_clauses():
        assert "<alliance." not in (c.note or "")


def test_force_majeure_exit_is_two_routes_and_the_removal_rule_names_it(alliance_big):
    """r21 al16: al-sample 4 and 12: 32.2 gives (a) the Provider's own exit and (b) the ALT's decision without its vote; 30.4
    and 9.2 list 31.8(b) (r27 al-sample 15: one force majeure clause); 9.2 lists no decision the Commissioner takes alone."""
    fm = _flat(text_of(clause(alliance_big, "alliance.force-majeure-members")))
    assert "that Provider may leave the Alliance by giving 20 Business Days' notice to every other Party; or" in fm
    assert "the ALT may decide, by a decision of every other Alliance Member, that the Provider leaves" in fm
    term = _flat(text_of(clause(alliance_big, "alliance.term-termination")))
    assert "only under this clause 30.4, under clause 30.5 or under clause 31.8(b)." in term  # r24 al-sample 9
    decisions = _flat(text_of(clause(alliance_big, "alliance.decisions")))
    assert ("except where this Agreement provides otherwise, including in clause 9.7, clause 9.9, clause 13.10, "
            "clause 13.12, clause 30.4 and clause 31.8(b).") in decisions


def test_removal_is_treated_as_leaving_for_shares_and_licence(alliance_haverleigh_al19):
    """r22 al19: al-fresh 12 (firing): the shares are re-based, and the IP licence survives, when a member leaves or is
    removed, and the licence speaks of the Provider that granted it."""
    leaving = _flat(text_of(clause(alliance_haverleigh_al19, "alliance.leaving")))
    assert "From the date a member leaves or is removed, the remaining Alliance Members share Gain and Pain" in leaving
    ip = _flat(text_of(clause(alliance_haverleigh_al19, "alliance.intellectual-property")))
    assert "including after this Agreement ends or that Provider leaves or is removed." in ip


def test_provider_only_deed_does_not_offer_a_co_commissioner(catalogue):
    """r25 alA: al-sample finding 13 (quiet): where no commissioner may join, the note does not suggest a council joining as a
    co-commissioner by this form, and says a commissioning body needs a variation instead."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        text = _flat(text_of(clause(doc, "alliance.schedule-accession")))
        note = flat_note(doc, "alliance.schedule-accession")
        if "as a Provider" in text and "a Commissioner" not in text:
            assert "co-commissioner" not in note
            assert "This form is for a Provider" in note
        assert "section 75" not in note or "pool money" in note


def test_leaving_note_offers_a_minimum_period_and_year_end_expiry_with_the_sheets_dates(alliance_big):
    """r25 alD: al-sample 10: the note gives the no-fault right's real dates and the two limits to take instructions on."""
    text = " ".join(note(alliance_big, "alliance.leaving").split())
    assert ("twelve months' notice. The Agreement binds from signature and notice may be given from then, so the first "
            "departure could take effect twelve months after signature (before 1 April 2028") in text  # r27 al-fresh 11
    assert "no notice to leave may expire before 31 March 2029 (the end of the second Alliance Year)" in text
    assert "any notice must expire on 31 March, the end of an Alliance Year" in text
    assert "the Commissioner's notice ends the whole Alliance" in text


def test_no_minimum_period_is_offered_where_the_notice_already_outlasts_two_years():
    """r25 alD: Quiet: a 24-month notice cannot expire inside the second Alliance Year, so only year-end expiry is offered."""
    data = load_file(ALLIANCE_BIG).data
    data["alliance"]["exit_notice_months"] = 24
    al = AllianceTermSheet.model_validate(data).alliance
    assert al.exit_floor_date is None


def test_transfer_on_exit_only_as_procurement_law_permits(alliance_stainmoor):
    """r26 alG: al-fresh finding 19: a transfer of a leaving Provider's Service Contract to another provider is qualified."""
    body = _flat(text_of(clause(alliance_stainmoor, "alliance.leaving")))
    assert ("transfer to another provider under the Exit Plan, so far as the law on public procurement that governs "
            "that Service Contract permits.") in body
    assert "Clause 3.3(g) and clause 3.4 apply to that ending of the Service Contract." in body  # r27 al-sample 16


def test_force_majeure_ending_split_into_notice_and_agreement(alliance_big):
    """r26 alG: al-sample finding 14: 32.3 separates ending by notice from ending by agreement."""
    body = _flat(text_of(clause(alliance_big, "alliance.force-majeure-members")))
    assert "This Agreement ends because of a Force Majeure Event only:" in body
    assert "on 20 Business Days' notice given by any Party, if a Force Majeure Event has prevented the Commissioner" in body
    assert "if every Alliance Member agrees in writing that the Alliance cannot continue because of a Force Majeure Event" in body


def test_leaving_commissioner_contracts_transfer_only_where_lawful(alliance_lynmere_alh):
    """r27 alH: Finding 10 (firing): a leaving Commissioner's Service Contracts end or are transferred only where the law
    governing them permits, and the note says the ICB's PSR contract with the Trust cannot simply pass."""
    text = _flat(text_of(clause(alliance_lynmere_alh, "alliance.leaving")))
    assert ("That Commissioner's Service Contracts end under the Exit Plan or, where the law that governs them permits, "
            "are transferred to another Commissioner") in text
    assert "pass to another Commissioner, under the Exit Plan" not in text
    note = flat_note(alliance_lynmere_alh, "alliance.leaving")
    assert "If the ICB leaves, the Service Contract of the Trust, awarded under the Provider Selection Regime" in note


def test_no_psr_leaving_note_without_a_psr_contract(catalogue):
    """r27 alH: Finding 10 (quiet): without a PSR contract held by a non-lead Commissioner there is no such note."""
    doc = variant_of(catalogue, ALLIANCE_LYNMERE_ALH, "    procurement_route: provider_selection\n    psr_process: direct_award_c\n    procurement_started: 2026-05-11\n", "")
    assert "awarded under the Provider Selection Regime, cannot simply pass" not in flat_note(doc, "alliance.leaving")


def test_first_exit_counts_from_signature(alliance_lynmere):
    """r27 alI: al-fresh finding 11 (firing): the Agreement binds from signature and clause 26 lets notice be given from then,
    so the note does not say the first departure is on 1 April 2028."""
    n = flat_note(alliance_lynmere, "alliance.leaving")
    assert "the first departure could take effect on 1 April 2028" not in n
    assert ("notice may be given from then, so the first departure could take effect twelve months after signature "
            "(before 1 April 2028 if the Agreement is signed before the Commencement Date, 1 April 2027)") in n


def test_first_exit_dated_where_the_signing_date_is_given(tmp_path, catalogue):
    """r27 alI: al-fresh finding 11: with a signing date the note gives the date notice given then would expire."""
    sheet = variant_file(tmp_path, ALLIANCE_LYNMERE, "  agreement_date:\n", "  agreement_date: 2027-02-26\n")
    doc = build(sheet, catalogue).document
    assert "the first departure could take effect on 26 February 2028" in flat_note(doc, "alliance.leaving")


def test_removal_for_a_prohibited_act_is_proportionate(alliance_big):
    """r32 al-sample finding 8 (firing): before removing a Provider for a Prohibited Act, the ALT or the Commissioner
    considers requiring it to remove the person responsible instead."""
    term = _flat(text_of(clause(alliance_big, "alliance.term-termination")))
    assert ("Before removing a Provider for a Prohibited Act under clause 30.4 or clause 30.5, the ALT or the Commissioner "
            "must consider whether it is enough instead to require that Provider to remove the person responsible from "
            "any work on the Services") in term
    assert "committed or condoned the Prohibited Act" in term


def test_refuge_address_confidentiality_survives(alliance_big):
    """r32 al-sample finding 10 (firing): the refuge address duty continues after the Agreement ends and is listed
    among the survivors."""
    da = clause(alliance_big, "alliance.domestic-abuse")
    text = _flat(text_of(da))
    assert "This duty continues without limit of time after this Agreement ends or that Alliance Member leaves the Alliance." in text
    refuge = next(p.number for p in da.blocks if getattr(p, "anchor", None) == "refuge-address")
    assert f"clause {refuge}," in _flat(text_of(clause(alliance_big, "common.general")))


def test_no_refuge_survival_without_domestic_abuse_services(catalogue):
    """r32 al-sample finding 10 (quiet): no domestic abuse clause, nothing to survive."""
    doc = build(ALLIANCE_SMALL, catalogue).document
    assert "alliance.domestic-abuse" not in {c.id for c in doc.all_clauses()}


def test_grant_cut_exit_is_free_of_the_leaving_notice_limits(catalogue):
    """Firing (r32 al-fresh finding 10): the exit on a central grant cut says the leaving clause's notice period,
    earliest date and year-end rule do not apply to it; quiet: under exit for-cause the sentence is as before."""
    from tests.families.clause_texts import clause_text as _ct, document_of as _doc
    from tests.families.conftest import ALLIANCE_EASTMOOR
    source = ALLIANCE_EASTMOOR.read_text()
    old = "  exit_notice_months: 6\n"
    firing = source.replace("  exit: for-cause", "  exit: without-cause").replace(
        old, old + "  exit_not_before: 2029-03-31\n  exit_at_year_end: true\n")
    text = _ct(_doc(catalogue, firing), "alliance.central-grant", flat=True)
    assert ("on the length of notice, the earliest date a notice may expire and the day on which it must expire do "
            "not apply") in text
    quiet = _ct(_doc(catalogue, source), "alliance.central-grant", flat=True)
    assert "applies to its leaving in every other respect." in quiet
    assert "do not apply" not in quiet
