"""Alliance drafting across clauses: defined terms read from the sheet, boilerplate kept or left out, notes that
cite numbers and fit the deal, and cross-references that reach the right sub-clause."""

from __future__ import annotations

import pytest

from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import (
    alliance_key_row,
    build,
    clause,
    flat as _flat,
    flat_note,
    note,
    table_rows,
    text_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG, ALLIANCE_ELLERBY, ALLIANCE_REABLEMENT


def _schedule_rows(doc, clause_id):
    return {r[0]: r[1] for r in table_rows(clause(doc, clause_id))}


def test_the_adviser_and_the_expert_are_told_apart(alliance_thistlebury):
    """r19 al11: Finding 17: the Independent Adviser's definition says what it is for, unlike the Independent Expert's."""
    defs = _flat(text_of(clause(alliance_thistlebury, "common.definitions")) if any(
        c.id == "common.definitions" for c in alliance_thistlebury.all_clauses()) else "")
    text = defs or " ".join(_flat(text_of(c)) for c in alliance_thistlebury.all_clauses())
    # r21 al-sample 11: each definition says what it is for, without explaining the other
    assert "on a Dispute between Alliance Members" in text and "deals instead with a deadlock" not in text


def test_notes_that_do_not_apply_are_trimmed(alliance_big, catalogue):
    """r20 al14: al-sample 21: one index, no composite-index words; no Scottish/Northern Irish/Welsh boilerplate where every
    party is in England; no check that a council is a public authority; a city council with social services
    functions is unitary. The Welsh sample keeps its Welsh sentence (quiet)."""
    budget = " ".join(clause(alliance_big, "alliance.schedule-budget").note.split())
    assert "the share of the Annual Value it applies to" not in budget and "as a formula: the measure and the figure compared" in budget
    law = " ".join(clause(alliance_big, "common.governing-law").note.split())
    assert "no Party gives an address in Scotland or Northern Ireland" in law and "Welsh" not in law and "OSCR" not in law
    defs = " ".join(clause(alliance_big, "common.definitions").note.split())
    assert "is a public authority under Schedule 1" not in defs
    functions = " ".join(clause(alliance_big, "common.statutory-functions").note.split())
    # r24 al-sample 16: "city council" does not make it unitary, so the note states the assumption
    assert "if, as assumed, it is a unitary council, it is also the local housing authority (homelessness and allocation): confirm" in functions
    assert "rather than a county council" not in functions
    welsh = next(p for p in ALLIANCE if "welsh" in p.stem)
    wlaw = " ".join(clause(build(welsh, catalogue).document, "common.governing-law").note.split())
    assert "For a Welsh public body" in wlaw


def test_notes_cite_numbers_and_mention_only_blanks_the_draft_has(alliance_big):
    """r21 al16: al-sample 23: notes cite clause and Schedule numbers, not "the decisions clause" or "the last sub-clause but
    one", and speak of blanks only where the draft shows some."""
    notes = " ".join(_flat(c.note or "") for c in alliance_big.all_clauses())
    for gone in ("the decisions clause", "the outcomes Schedule", "the last sub-clause but one"):
        assert gone not in notes
    assert "repeats what clause 9 says" in notes
    if all(p.email for p in alliance_big.parties if hasattr(p, "email")) if hasattr(alliance_big, "parties") else False:
        assert "shown as blanks" not in flat_note(alliance_big, "common.notices")


def test_cross_references_point_at_the_right_sub_clauses(alliance_big):
    """r24 al20: Findings 6, 7, 8, 9, 12, 15: each reference goes through the reference mechanism to the right sub-clause."""
    assert "(clause 13.2 and clause 13.3)" in alliance_key_row(alliance_big, "Target Cost")[1]
    rr = text_of(clause(alliance_big, "alliance.schedule-risk-reward"))
    assert "the Target Cost (under clause 13.3)" in rr
    term = text_of(clause(alliance_big, "alliance.term-termination"))
    assert ("the Alliance Manager may be appointed under clause 8.7, and the first Annual Plan prepared and "
            "approved under clause 12.1 and clause 12.2, from then") in term
    assert "A Provider may be removed from the Alliance only under this clause 30.4, under clause 30.5 or under clause 31.8(b)." in term
    assert "Nothing in this clause 12.9 limits the obligations" in text_of(clause(alliance_big, "alliance.service-planning"))  # r26 al-sample 12
    alt = text_of(clause(alliance_big, "alliance.schedule-alt"))
    assert "report on performance against the Key Performance Indicators as clause 7.4 requires" in alt
    assert "report to every meeting on performance" not in alt


def test_irrelevant_boilerplate_left_out(alliance_stainmoor_ale):
    """r26 alE: Finding 20 (firing): no assets, no rated service and no NHS body that could join, so no asset valuation or RICS
    nominator, no 'rating below good' and no NHS execution block."""
    disputes = _flat(text_of(clause(alliance_stainmoor_ale, "common.disputes")))
    assert "value of any asset" not in disputes and "Royal Institution" not in disputes
    assert "Royal Institution" not in flat_note(alliance_stainmoor_ale, "common.disputes")
    ops = _flat(text_of(clause(alliance_stainmoor_ale, "alliance.operations")))
    assert 'rating below "good"' not in ops and "any enforcement action or condition that affects it" in ops
    assert "an NHS body, in the manner" not in _flat(text_of(clause(alliance_stainmoor_ale, "alliance.schedule-accession")))


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_boilerplate_kept_where_relevant(path, catalogue):
    """r26 alE: Finding 20 (quiet): a sample with rated services keeps the rating line, one where health is in scope keeps the
    NHS execution block, and one whose Exit Plan passes on premises keeps their valuation."""
    sheet = read_termsheet(path, catalogue)
    a = sheet.model.alliance
    doc = build(path, catalogue).document
    ops = _flat(text_of(clause(doc, "alliance.operations")))
    if a.rated_regulators and not sheet.model.document.wales:
        assert 'rating below "good"' in ops
    if a.nhs_may_join:
        assert "an NHS body, in the manner" in _flat(text_of(clause(doc, "alliance.schedule-accession")))
    disputes = _flat(text_of(clause(doc, "common.disputes")))
    if a.assets_in_play and "expert determination" in disputes:  # r27 al-sample 17: the premises the Exit Plan passes on
        assert "value of any lease, management agreement or other interest in premises passed on under Schedule" in disputes
    elif "expert determination" in disputes:
        assert "value of any" not in disputes and "Chartered Surveyors" not in disputes


def test_pasted_phrases_read_as_defined_terms(alliance_ellerby_built):
    """r18b: Findings 9 and 14: the contributions table and the data Schedules use the defined terms."""
    doc = alliance_ellerby_built.document
    rows = table_rows(clause(doc, "alliance.service-planning"))
    council = next(r for r in rows if r[0] == "Ellerby Council")
    assert council[2] == ("into the Pooled Budget in twelve equal monthly instalments on the first Business Day of each "
                          "month of the Alliance Year")
    sharing = _schedule_rows(doc, "common.schedule-data-sharing")
    assert sharing["Duration"] == "The Term and 8 years after it ends"
    assert sharing["Purposes"].endswith("anonymised reporting to the Commissioners and the Alliance")


def test_in_terms_leaves_other_words_alone(catalogue):
    """r18b: Quiet: a phrase with no defined thing in it, or a noun not after 'the', is unchanged."""
    a = read_termsheet(ALLIANCE_ELLERBY, catalogue).model.alliance
    assert a.in_terms("to a provider chosen on the terms agreed") == "to a provider chosen on the terms agreed"
    assert a.in_terms("") == "" and a.in_terms(None) is None
    assert a.in_terms("the council and the providers") == "the Council and the Providers"


def test_notes_fit_a_single_contract_with_a_unitary_council_and_an_icb(alliance_ellerby_built):
    """r18b: Findings 10 and 17: no note on members' own service contracts in a single-contract alliance, no district
    councils, two-tier areas or NHS trusts where the public bodies are a unitary council and an ICB, and no
    children's-services point where the services are for adults only."""
    doc = alliance_ellerby_built.document
    definitions = note(doc, "common.definitions")
    assert "members' own service contracts" not in definitions
    assert "There are no separate\n" not in definitions and "service specification" in definitions
    functions = note(doc, "common.statutory-functions")
    assert "district council" not in functions and "NHS trust" not in functions and "two-tier" not in functions
    assert "the Council is the social services authority for its area" in functions
    assert "the ICB commissions health care" in functions
    assert "two-tier" not in note(doc, "common.safeguarding")
    assert "children's services" not in note(doc, "common.compliance-with-law")


def test_generic_notes_stay_where_the_deal_needs_them(catalogue):
    """r18b: Quiet: an alliance with Service Contracts keeps the ranking point, and one with a district council keeps the
    two-tier text."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        sheet_text = path.read_text()
        if "structure: single-contract" not in sheet_text:
            assert "members' own service contracts" in note(doc, "common.definitions"), path.name
        if "District Council" in sheet_text:
            assert "district council" in note(doc, "common.statutory-functions"), path.name


@pytest.mark.parametrize("path", [ALLIANCE_BIG, ALLIANCE_REABLEMENT], ids=lambda p: p.stem)
def test_former_contract_release_names_both_parties(path, catalogue):
    """r31s al-sample finding 13 (firing): the release on a Former Contract's ending names the Commissioner and the
    Provider instead of "neither of them" (whose antecedent is two paragraphs back)."""
    doc = build(path, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.transition")))
    assert ("Neither the Commissioner nor a Provider that holds a Former Contract is liable to the other for the ending "
            "of that Former Contract under this clause.") in text
    assert "Neither of them" not in text


def test_notes_describe_their_clauses(alliance_big):
    """r31s al-sample finding 12 (firing): the clause 4 note names the other sums 4.2 makes payable; the summary is
    not called one page; the clause 12 note says why a host that is the only contributor makes the budget available
    in full and where the instructed instalments went."""
    n4 = flat_note(alliance_big, "alliance.structure")
    assert "this Agreement adds only the Balancing Amounts (made through those contracts) and the sums it expressly makes payable, such as running costs." in n4
    assert "the only payments under this Agreement are the Balancing Amounts" not in n4
    assert "one-page" not in flat_note(alliance_big, "alliance.key-information")
    n12 = flat_note(alliance_big, "alliance.service-planning")
    assert ("The Commissioner both holds the Alliance Budget and is its only contributor, so a contribution it pays to "
            "itself has no legal effect: clause 12.8 therefore makes the whole budget available") in n12


def test_host_note_is_quiet_with_several_contributors(catalogue):
    """r31s al-sample finding 8 (quiet): with several contributors the note has no sentence on a self-contribution."""
    from tests.families.conftest import ALLIANCE_POOLED_PCC
    doc = build(ALLIANCE_POOLED_PCC, catalogue).document
    assert "is its only contributor" not in flat_note(doc, "alliance.service-planning")


def test_sums_pasted_from_the_sheet_read_in_pounds():
    """r34 al-fresh2 finding 15 (firing): 'GBP 300' pasted from the sheet into Schedule 4 reads '£300'; (quiet) words
    without such a sum are unchanged."""
    from assembler.termsheet.alliance import Alliance
    assert Alliance.pounds("a personal fund of up to GBP 300 a person") == "a personal fund of up to £300 a person"
    assert Alliance.pounds("deposits of 1,250 GBP each") == "deposits of £1,250 each"
    assert Alliance.pounds("rent in advance and deposits") == "rent in advance and deposits"
    assert Alliance.pounds(None) is None
