"""Where the Commissioners pool their money under a section 75 agreement, a Provider's forfeited share of Gain and its
negative Balancing Amounts go back into the Pooled Budget, not to one Commissioner (r28 al-fresh finding 4,
Harrowdale: Council £1,020,000 and ICB £680,000 pooled, Council the Pooled Budget Holder); and the 12.15
reconciliation refers to the clause that says so (finding 11)."""
from __future__ import annotations

from pathlib import Path

import pytest

from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import (
    build,
    clause,
    flat,
    flat as _flat,
    flat_note,
    note,
    table_rows,
    text_of,
    variant_file,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_HAVERLEIGH, ALLIANCE_LYNMERE


def test_forfeited_gain_and_negative_balances_go_to_the_pooled_budget(alliance_harrowdale):
    """Finding 4 (firing): 13.10 credits the forfeited share to the Pooled Budget, applied under the pooled budget
    clause and the Section 75 Agreement; 13.27 has the Council credit negative Balancing Amounts to it; the 12.15
    statement counts both as received by the Commissioners pro rata to their contributions; the note agrees."""
    rr = flat(text_of(clause(alliance_harrowdale, "alliance.risk-reward")))
    assert ("That share is credited to the Pooled Budget and is applied as clause 12.9 and the Section 75 Agreement "
            "provide.") in rr
    assert "The Pooled Budget Holder must tell the ALT, within 3 months after the calculation binds" in rr
    assert "kept by the Council" not in rr
    assert "The Council must credit each negative Balancing Amount it receives to the Pooled Budget." in rr
    sp = flat(text_of(clause(alliance_harrowdale, "alliance.service-planning")))
    assert ("(counting any share of Gain credited to the Pooled Budget under clause 13.12, and any negative Balancing "
            "Amount credited to it under clause 13.30, as received by the Commissioners in proportion to their "
            "contributions to the Pooled Budget for that Alliance Year)") in sp
    note = flat(clause(alliance_harrowdale, "alliance.risk-reward").note)
    assert "goes back into the Pooled Budget" in note
    assert "stays with the Council" not in note


def test_without_a_section_75_pool_the_commissioner_keeps_the_share(catalogue):
    """Finding 4 (quiet) and finding 11: without a section 75 pooled fund the contract-holding Commissioner keeps
    the share as before, and the reconciliation refers to the clause that keeps it (not the gate)."""
    doc = build(ALLIANCE_HAVERLEIGH, catalogue).document
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "That share is credited to the Pooled Budget" not in rr
    assert "must credit each negative Balancing Amount" not in rr
    assert "That share is kept by" in rr


def test_recitals_state_the_funding_sources(alliance_harrowdale, catalogue):
    """r28 al-fresh finding 13 (firing): the sheet's funding words are recited; (quiet) a sheet without them (the
    sample) says nothing about the source of the money."""
    rec = flat(text_of(clause(alliance_harrowdale, "alliance.recitals")))
    assert ("The money for the Services comes from the Council's adult social care prevention budget and the ICB's "
            "mental health investment for adult autism and ADHD post-diagnostic support, pooled under the "
            "Commissioners' section 75 agreement.") in rec
    sample = build(Path(__file__).parents[2] / "samples" / "alliance" / "complex-needs-eight-members.yaml",
                   catalogue).document
    assert "The money for the Services comes from" not in flat(text_of(clause(sample, "alliance.recitals")))


def test_pooled_budget_is_not_a_fixed_sum_a_year(alliance_big):
    """r20 al14: al-sample 14: the key information gives the first year's amount and how later years are set; the holder
    allocates its own money rather than paying itself."""
    rows = dict((r[0], r[1]) for r in table_rows(clause(alliance_big, "alliance.key-information")))
    assert rows["Pooled budget"].startswith("£7,700,000 for the first Alliance Year; for each later one, the amount set")
    assert "transfer its contribution" not in _flat(text_of(clause(alliance_big, "alliance.service-planning")))


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_pool_holder_paying_every_contract_keeps_the_single_route(path, catalogue):
    """r20 al15: al-fresh 3 (quiet): where the Pooled Budget Holder is party to every Service Contract, nothing changes."""
    built = build(path, catalogue)
    planning = _flat(text_of(clause(built.document, "alliance.service-planning")))
    assert "must itself pay the amounts due under" not in planning


def test_budget_one_body_funds_is_the_alliance_budget(alliance_big):
    """r21 al16: al-sample 8 (firing): the Council funds the budget alone, so it is the "Alliance Budget", established and held
    by its holder; no "Pooled Budget" is left in the text or the notes."""
    every = " ".join(_flat(text_of(c)) + " " + _flat(c.note or "") for c in alliance_big.all_clauses())
    assert "Pooled Budget" not in every and "pooled only in the sense" not in every
    assert "The Alliance Budget Holder must establish the Alliance Budget, of" in _flat(
        text_of(clause(alliance_big, "alliance.service-planning")))


def test_budget_two_commissioners_fund_stays_pooled(catalogue):
    """r21 al16: al-sample 8 (quiet): a budget that two commissioners fund is pooled and keeps its name."""
    path = Path(__file__).parent / "fixtures" / "alliance-two-commissioners-pooled.yaml"
    doc = build(path, catalogue).document
    every = " ".join(_flat(text_of(c)) for c in doc.all_clauses())
    assert "Pooled Budget" in every and "Alliance Budget" not in every


def test_section_75_pool_is_the_commissioners(alliance_mossgate):
    """r21 al17: al-fresh 3 (firing): a council and an ICB pool money, so the Pooled Budget is the fund the Commissioners
    establish under the Section 75 Agreement (defined, with the sheet's date), the clause yields to it, and only
    the Commissioners can return unspent money."""
    recitals = _flat(text_of(clause(alliance_mossgate, "alliance.recitals")))
    assert ("under section 75 of the National Health Service Act 2006 [to be] dated [1 March 2027] (reference MMBC/S75/2027/01) "  # r27 al-fresh 4: after the draft date
            "(the Section 75 Agreement)") in recitals
    planning = _flat(text_of(clause(alliance_mossgate, "alliance.service-planning")))
    assert "The Pooled Budget is the pooled fund established by the Commissioners under the Section 75 Agreement." in planning
    assert "The Alliance Members establish the Pooled Budget" not in planning
    assert "apply subject to the Section 75 Agreement, which prevails over them as between the Commissioners" in planning
    assert "unless the Commissioners agree to return it to themselves" in planning
    assert "a decision of the ALT that is consistent with the Section 75 Agreement" in planning


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_pool_without_section_75_is_unchanged(path, catalogue):
    """r21 al17: al-fresh 3 (quiet): where no NHS body pools with a council lead, the Alliance Members establish the pool."""
    built = build(path, catalogue)
    planning = _flat(text_of(clause(built.document, "alliance.service-planning")))
    recitals = _flat(text_of(clause(built.document, "alliance.recitals")))
    if "section 75 of the National Health Service Act 2006 dated" not in recitals:
        assert "Section 75 Agreement" not in planning


def test_bcf_money_is_pooled_under_section_75(alliance_hollinshire):
    """r24 al21: Finding 10 (firing): the ICB pays from its Better Care Fund contribution, so the recitals note says it is pooled
    under section 75 and asks which agreement, instead of canvassing sections 65Z5 and 256."""
    note = flat_note(alliance_hollinshire, "alliance.recitals")
    assert "The ICB's contribution is Better Care Fund money, which the Better Care Fund policy framework requires" in note
    assert "a scheme within the area's Better Care Fund section 75 agreement" in note
    assert "65Z5" not in note and "section 256" not in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_bcf_note_without_bcf_money(path, catalogue):
    """r24 al21: Finding 10 (quiet): the samples do not say their NHS money is Better Care Fund money."""
    assert read_termsheet(path, catalogue).model.alliance.bcf_contributors == []
    built = build(path, catalogue)
    if any(c.id == "alliance.recitals" for c in built.document.all_clauses()):
        assert "Better Care Fund money" not in flat_note(built.document, "alliance.recitals")


def test_icb_direct_payments_are_an_aligned_budget(alliance_lynmere):
    """r27 alI: al-fresh finding 3 (firing): the ICB's payments to the Trust are not deemed paid from the Pooled Budget (reg 7
    of S.I. 2000/617); the 12.8 row says its instalments are net, with the sheet's figures; the note gives the amount
    the Council actually holds."""
    c = clause(alliance_lynmere, "alliance.service-planning")
    text = _flat(text_of(c))
    assert "count as paid from the Pooled Budget" not in text
    assert "Those payments are not made from the Pooled Fund: they are the ICB's Aligned Budget, which it holds" in text
    assert "the Pooled Fund Holder holds and pays out of the Pooled Fund only the balance" in text
    rows = [r for r in table_rows(c) if r[0] == "NHS Lynmere and Ashby Integrated Care Board"]
    assert ("less the payments it makes under the Trust's Service Contract (£980,000 in the first Alliance Year), as "
            "clause 12.11 provides, so that it pays £160,000 into the Pooled Fund") in rows[0][2]
    council = [r for r in table_rows(c) if r[0] == "Lynmere County Council"]
    assert "less the payments" not in council[0][2]
    n = flat_note(alliance_lynmere, "alliance.service-planning")
    assert "Regulation 7(1) of S.I. 2000/617" in n
    assert "the Pooled Fund, which the Council will hold and pay out of (£1,870,000 in the first year)" in n


def test_no_aligned_budget_where_the_council_holds_every_contract(tmp_path, catalogue):
    """r27 alI: al-fresh finding 3 (quiet): without an ICB Service Contract nothing is paid outside the Pooled Budget."""
    sheet = variant_file(tmp_path, ALLIANCE_LYNMERE, "    service_contract_with: icb\n", "")
    doc = build(sheet, catalogue).document
    c = clause(doc, "alliance.service-planning")
    assert "aligned budget" not in _flat(text_of(c))
    assert all("less the payments" not in r[-1] for r in table_rows(c))
    assert "Regulation 7(1)" not in flat_note(doc, "alliance.service-planning")


def test_section_75_agreement_after_the_draft_date_is_bracketed_and_a_condition(alliance_lynmere):
    """r27 alI: al-fresh finding 4 (firing): the Section 75 Agreement is dated 18 February 2027, after the 5 December 2026 draft:
    the recital says '[to be] dated [...]' and clause 29 holds back contributions, risk/reward and delivery until it is
    made and each Service Contract carries the clause 3.3 terms (or a clause 3.4 notice)."""
    recital = _flat(text_of(clause(alliance_lynmere, "alliance.recitals")))
    assert "[to be] dated [18 February 2027] (reference LCC/S75/2027/03)" in recital  # r28 al-fresh 18: date bracketed
    term = _flat(text_of(clause(alliance_lynmere, "alliance.term-termination")))
    assert ("Until both of the following conditions are met, no Commissioner need pay any contribution into the "
            "Alliance Budget, and clause 13 and the obligations under this Agreement to deliver the Services do not take "
            "effect") in term
    assert "the Section 75 Agreement has been made" in term
    assert "contains the terms listed in clause 3.3, or has given notice about it under clause 3.4" in term
    assert "The Section 75 Agreement is to be dated 18 February 2027, after this draft" in flat_note(
        alliance_lynmere, "alliance.term-termination")


def test_section_75_agreement_already_made_is_plainly_dated(tmp_path, catalogue):
    """r27 alI: al-fresh finding 4 (quiet): a Section 75 Agreement dated before the draft date is recited as made, no conditions."""
    sheet = variant_file(tmp_path, ALLIANCE_LYNMERE, "section_75_agreement: 18 February 2027", "section_75_agreement: 18 February 2026")
    doc = build(sheet, catalogue).document
    recital = _flat(text_of(clause(doc, "alliance.recitals")))
    assert "dated 18 February 2026 (reference LCC/S75/2027/03)" in recital
    assert "[to be]" not in recital
    assert "Until both of the following conditions are met" not in _flat(text_of(clause(doc, "alliance.term-termination")))
    assert "is to be dated" not in flat_note(doc, "alliance.term-termination")
