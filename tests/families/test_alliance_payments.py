"""The alliance's money: payments under the operations clause, the alliance budget and its schedule, step-in
costs and set-off, client money, payroll and the payment profile."""

from __future__ import annotations

import re

import pytest

from tests.families.clause_texts import (
    build,
    clause,
    clause_ids,
    flat as _flat,
    flat_note,
    note,
    text_of,
    variant_of,
)
from tests.families.conftest import (
    ALLIANCE,
    ALLIANCE_BIG,
    ALLIANCE_ELLERBY,
    ALLIANCE_HAVERLEIGH,
    ALLIANCE_HOLLINSHIRE,
    ALLIANCE_STAINMOOR_ALE,
)


def test_withholding_clause_names_every_payment_adjustment(alliance_big):
    """r20 al14: al-sample 9: 4.3 names the Balancing Amount adjustment as well as the set-off, and the set-off has its own
    sub-clause, apart from VAT."""
    text = _flat(text_of(clause(alliance_big, "alliance.structure")))
    assert "adds only the payment of Balancing Amounts under clause 13." in text
    from assembler.model import Paragraph
    setoff = next(p for p in clause(alliance_big, "alliance.operations").blocks
                  if isinstance(p, Paragraph) and p.anchor == "set-off")
    assert "may set off" in setoff.text and "VAT" not in setoff.text


def test_letting_agent_provider_must_belong_to_redress_and_client_money_schemes(alliance_thornshire):
    """r20 al15: al-fresh 13 (firing): Lettings Hub manages private rented homes, so it must belong to an approved redress scheme
    and, while it holds client money, a client money protection scheme; complaints about that work go to the scheme."""
    c = clause(alliance_thornshire, "alliance.operations")
    text = _flat(text_of(c))
    assert ("Lettings Hub must belong to an approved redress scheme for its lettings agency and property management "
            "work, and, while it holds client money, to an approved client money protection scheme.") in text
    assert "Lettings Hub must tell landlords and tenants that their complaints about that work go to its redress scheme." in text
    note = _flat(c.note or "")
    assert "(S.I. 2014/2359)" in note and "(S.I. 2019/386)" in note and "Renters' Rights Act 2025" in note
    assert "Stonebridge must belong to an approved redress" not in text


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_redress_scheme_duty_without_lettings_work(path, catalogue):
    """r20 al15: al-fresh 13 (quiet): no sample Provider does lettings agency or property management work."""
    c = clause(build(path, catalogue).document, "alliance.operations")
    assert "redress scheme" not in _flat(text_of(c)) + _flat(c.note or "")


def test_step_in_costs_are_a_debt_under_this_agreement_with_set_off(alliance_big):
    """r21 al16: al-sample 3: step-in costs are payable under this Agreement, set-off applies, and 4.3 and 3.3 list them."""
    text = _flat(text_of(clause(alliance_big, "alliance.operations")))
    assert ("The Provider must pay the Commissioner the amount by which its reasonable costs of stepping in exceed the "
            "payments for that part of the Services that it no longer makes to that Provider, within 30 days") in text
    assert "Clause 16.5 applies to that amount." in text
    assert "under its Service Contract (or set them off" not in text
    assert "the recovery of step-in costs under clause 16.10 and the set-off in clause 16.5" in _flat(
        text_of(clause(alliance_big, "alliance.structure")))
    assert "the right to step in under clause 16.10; and" in _flat(text_of(clause(alliance_big, "alliance.precedence")))


def test_single_contract_step_in_costs_stay_a_reduction(catalogue):
    """r21 al16: al-sample 3 (quiet): a single-contract alliance reduces the payment, as its withholding clause says."""
    text = _flat(text_of(clause(build(ALLIANCE_ELLERBY, catalogue).document, "alliance.operations")))
    assert "may reduce that Provider's payments by the amount by which its reasonable costs of stepping in exceed" in text


def test_budget_the_commissioner_funds_itself_is_available_not_allocated_in_instalments(catalogue):
    """r22 al18: al-sample 5 (firing): the Council funds and holds the whole budget, so the instalment profile is not an
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


@pytest.mark.parametrize("path", [ALLIANCE_HAVERLEIGH, *(p for p in ALLIANCE if "complex-needs" not in p.stem)], ids=lambda p: p.stem)
def test_instalment_note_only_where_the_holder_funds_itself(path, catalogue):
    """r22 al18: quiet: no instalment note where no single commissioner funds a budget it holds."""
    doc = build(path, catalogue).document
    note = " ".join((clause(doc, "alliance.service-planning").note or "").split())
    assert "It pays into a budget it holds itself" not in note


def test_nil_share_fallback_kept_where_a_commissioner_has_none(catalogue):
    """r24 al21: Finding 15 (quiet): where a Commissioner's share is nil, the fallback stays."""
    doc = variant_of(catalogue, ALLIANCE_HOLLINSHIRE, "      - {member: icb, gain: 10, pain: 15}\n      - {member: carers, gain: 35, pain: 30}",
                   "      - {member: icb, gain: 0, pain: 0}\n      - {member: carers, gain: 45, pain: 45}")
    # r27 al-fresh finding 15: clause 13 refers to the Commissioners' split in clause 12, which keeps the fallback
    assert "equally where those shares are nil" in _flat(text_of(clause(doc, "alliance.service-planning")))


def test_no_payment_profile_no_clause_and_the_note_says_so(catalogue):
    """r25 alB: al-sample finding 3 (quiet): where the instructions give no profile for paying the Providers, clause 12 adds
    no payment sentence and 3.3 no payment item; the note says each Service Contract sets the payment terms."""
    quiet = 0
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        if doc.family != "alliance" or not any(c.id == "alliance.precedence" for c in doc.all_clauses()):
            continue
        plan = clause(doc, "alliance.service-planning")
        if "must ensure that each Service Contract provides for the Provider to be paid" in _flat(text_of(plan)):
            continue
        quiet += 1
        assert "at the times set out in clause 12" not in _flat(text_of(clause(doc, "alliance.precedence")))
        assert "The instructions do not say when each Provider is paid" in plan.note
    assert quiet >= 1


def test_step_in_through_an_outsider_is_subject_to_procurement_law(alliance_big):
    """r25 alB: al-sample finding 6 (firing): step-in through a person outside the Alliance only as procurement law allows;
    the note names the routes (s.41 and Sch 5 PA 2023; PSR reg 14 where health care services are in scope)."""
    c = clause(alliance_big, "alliance.operations")
    assert ("The Commissioner may arrange delivery by another Alliance Member, or by a person that is not an Alliance"
            " Member, only as the law on public procurement that applies allows.") in _flat(text_of(c))
    assert "section 41 of, and Schedule 5 to, the Procurement Act 2023" in c.note
    assert "regulation 14 of S.I. 2023/1348" in c.note


def test_step_in_note_names_no_provider_selection_regime_in_wales(catalogue):
    """r25 alB: al-sample finding 6 (quiet): the Provider Selection Regime applies in England only."""
    welsh = next(p for p in ALLIANCE if p.stem == "welsh-young-people-alliance")
    c = clause(build(welsh, catalogue).document, "alliance.operations")
    assert "section 41 of, and Schedule 5 to, the Procurement Act 2023" in c.note
    assert "regulation 14 of S.I. 2023/1348" not in c.note


def test_budget_exception_housing_and_expert_and_extension(alliance_big):
    """r25 alB: al-sample findings 7, 12 and 16 (firing): 12.4(c)'s ALT exception qualifies only the budget, not the housing
    costs the definitions always exclude; the Independent Expert for an urgent action is appointed as 9.8 provides;
    a Service Contract that cannot be extended takes its Provider out when it ends."""
    plan = _flat(text_of(clause(alliance_big, "alliance.service-planning")))
    assert ("each Provider's budget (its Annual Value less its Fee, unless the ALT agrees otherwise with that Provider),"
            " with any costs met from rent") in plan
    assert "outside that budget, unless the ALT agrees otherwise" not in plan
    decisions = _flat(text_of(clause(alliance_big, "alliance.decisions")))
    assert "ask an Independent Expert, appointed as clause 9.8 provides as if the matter were deadlocked, for a recommendation" in decisions
    term = _flat(text_of(clause(alliance_big, "alliance.term-termination")))
    assert ("If a Service Contract cannot be extended to match, the Commissioner must say so in the notice extending the"
            " Term. That Provider then leaves the Alliance when its Service Contract ends, and clause 27 applies") in term


def test_budget_default_is_the_providers_annual_values(alliance_big):
    """r25 alC: al-sample finding 14: 12.7 speaks of the Providers' Annual Values, as 12.9 does."""
    from tests.families.clause_texts import text_of
    text = _flat(text_of(clause(alliance_big, "alliance.service-planning")))
    assert "the total of the Alliance Members' Annual Values" not in text
    assert "(or, until an Annual Plan sets it, the total of the Providers' Annual Values for that year)" in text


def test_client_money_is_held_on_trust_and_handed_over(alliance_stainmoor_ale):
    """r26 alE: Finding 2 (firing): a Provider holding direct payments keeps them in a designated account on trust, reconciles
    monthly, may not set off, stays liable outside the cap, and the Exit Plan hands each balance over."""
    text = _flat(text_of(clause(alliance_stainmoor_ale, "alliance.client-money")))
    assert text.startswith("Brightledger must hold all Client Money")
    assert "on trust for each person" in text
    assert "at least once a month" in text
    assert "set off against it any amount owed to it" in text
    assert "limits or excludes its liability for any Client Money" in text
    assert "[[" not in text
    exit_text = _flat(text_of(clause(alliance_stainmoor_ale, "alliance.schedule-exit")))
    assert "reconcile and transfer each person's balance as clause" in exit_text


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_client_money_clause_in_samples(path, catalogue):
    """r26 alE: Finding 2 (quiet): no sample holds people's money, so no client money clause or exit line appears."""
    doc = build(path, catalogue).document
    assert "alliance.client-money" not in clause_ids(doc)
    assert "Client Money" not in _flat(text_of(clause(doc, "alliance.schedule-exit")))


def test_payroll_role_note(alliance_stainmoor_ale):
    """r26 alE: Finding 18 (firing): the client money note asks for the payroll Provider's role for personal assistants' data."""
    note = flat_note(alliance_stainmoor_ale, "alliance.client-money")
    assert "Brightledger also runs payroll" in note and "Article 28" in note and "Schedule 6" in note


def test_no_payroll_note_for_a_holder_without_payroll(catalogue):
    """r26 alE: Findings 2 and 18 (quiet): without holds_client_money there is no client money clause and no payroll note."""
    doc = variant_of(catalogue, ALLIANCE_STAINMOOR_ALE, "      - Direct payment managed accounts and payroll for people employing personal assistants\n"
                   "    holds_client_money: true\n", "      - Direct payment managed accounts and payroll for people employing "
                   "personal assistants\n")
    assert "alliance.client-money" not in clause_ids(doc)


def test_service_contracts_carry_set_off_and_payment_adjustment(alliance_big):
    """r26 alF: al-sample 11 (firing): 3.3 requires each Service Contract to give effect to the set-off and the adjustment."""
    text = _flat(text_of(clause(alliance_big, "alliance.precedence")))
    assert "the payment of Balancing Amounts under clause 13, including by adjusting the payments due under it;" in text
    assert "the set-off in clause 16.5;" in text


def test_payment_profile_note_says_the_draft_applies_the_contribution_profile(alliance_big, tmp_path, catalogue):
    """r26 alG: al-sample finding 9 (firing): the instructions give the contribution profile, not the Providers'; quiet: a sheet
    with provider_payments is quoted as the instructions."""
    text = flat_note(alliance_big, "alliance.service-planning")
    assert "The instructions say each Provider is paid" not in text
    assert "they do not say when each Provider is paid. The draft applies the same profile to each Provider's payments" in text
    sheet = tmp_path / "pp.yaml"
    sheet.write_text(ALLIANCE_BIG.read_text().replace("alliance:\n", "alliance:\n  provider_payments: monthly in advance\n", 1))
    doc = build(sheet, catalogue).document
    assert "The instructions say each Provider is paid its Annual Value monthly in advance." in flat_note(doc, "alliance.service-planning")


def test_balancing_amounts_and_prices_have_one_route_and_one_source(alliance_big):
    """r32 al-sample findings 5 and 12 (firing): a Balancing Amount is paid only under the Provider's Service Contract
    (adjusting a payment, or a separate payment under it), as clause 4.2 says; and a Provider must accept the variation
    that puts the clause 3.3 terms into its Service Contract (finding 4). r31s al-sample finding 1 (firing): a Service
    Contract price that differs from the Annual Value in Schedule 5 is paid, but becomes the Annual Value only once
    the ALT approves it under Sch 5 para 3; until then Schedule 5 stands for the Target Cost, Fee, Pain Cap and shares,
    and the Balancing Amount settles the difference, so the Commissioner and one Provider cannot move them alone."""
    rr = _flat(text_of(clause(alliance_big, "alliance.risk-reward")))
    assert "Otherwise the Balancing Amount is paid by a separate payment under that Service Contract within that period." in rr
    prec = _flat(text_of(clause(alliance_big, "alliance.precedence")))
    assert ("differs from that Provider's Annual Value for that year as Schedule 5 sets it, the Service Contract prevails "
            "on what is paid. That price becomes that Provider's Annual Value only once it is agreed and approved as "
            "paragraph 3 of Schedule 5 provides, except that, for a part of the Services that passes to it from another "
            "Provider, the Annual Value for that part passes to it at once as paragraph 4 of Schedule 5 provides. Until then, the Annual Value set under Schedule 5 applies for every "
            "purpose of this Agreement (including the Target Cost, that Provider's budget in the Annual Plan, its Fee, its "
            "Pain Cap and the shares of Gain and Pain), and the difference counts only as part of the payments due to that "
            "Provider, which its Balancing Amount takes into account under clause 13.19.") in prec
    assert "that price is that Provider's Annual Value for that year for every purpose" not in prec
    assert ("Each Provider must accept any variation of its Service Contract that the Commissioner proposes only to give "
            "effect to the terms listed in clause 3.3, in the words of this Agreement, and must sign it within 10 "
            "Business Days after receiving it.") in prec
    n = flat_note(alliance_big, "alliance.precedence")
    assert "the contract's price is paid, but it becomes that Provider's Annual Value only once the ALT approves it under paragraph 3 of Schedule 5" in n
    assert "cannot, by varying that Provider's contract, move the Target Cost or any other member's share" in n
    shares = _flat(text_of(clause(alliance_big, "alliance.schedule-risk-reward")))
    assert ("Where another Annual Value for a Provider applies under paragraph 3 of Schedule 5 (once the ALT has approved it), or a "
            "Provider joins or leaves, the shares are recalculated") in shares
    assert "changes in any other way" not in shares
    budget = flat_note(alliance_big, "alliance.schedule-budget")
    assert "paragraph 2 of Schedule 5 keeps each value from falling" in budget
    assert "the definition of Annual Value keeps" not in budget


def test_gain_only_price_rule_names_no_pain(catalogue):
    """r31s al-sample finding 1 (quiet): under gain-only risk/reward the price rule lists no Pain Cap and no Pain."""
    from tests.families.conftest import ALLIANCE_REABLEMENT
    doc = build(ALLIANCE_REABLEMENT, catalogue).document
    if "alliance.precedence" not in {c.id for c in doc.all_clauses()}:
        pytest.skip("single-contract sample")
    prec = _flat(text_of(clause(doc, "alliance.precedence")))
    assert "becomes that Provider's Annual Value only once it is agreed and approved as paragraph" in prec
    assert "Pain Cap" not in prec and "Gain and Pain" not in prec


def test_single_contract_has_no_service_contract_price_rule(alliance_ellerby):
    """r32 al-sample findings 5 and 12 (quiet): one contract, this Agreement, so no precedence clause and the
    Balancing Amount's separate payment is made under this Agreement."""
    assert "alliance.precedence" not in {c.id for c in alliance_ellerby.all_clauses()}
    rr = _flat(text_of(clause(alliance_ellerby, "alliance.risk-reward")))
    assert "Service Contract within that period" not in rr


def test_step_in_by_another_member_needs_its_agreement_and_a_lawful_route(alliance_big):
    """r32 al-sample finding 9 (firing): another member steps in only by agreement, registered where the law requires,
    and paid under its own contract as varied or a new one; the note gives the modification point (s.74 and Sch 8)."""
    c = clause(alliance_big, "alliance.operations")
    assert ("Another Alliance Member steps in only if it agrees, holds any registration the law requires for that part "
            "of the Services, and is paid for it under its own Service Contract as varied, or under a new contract.") in _flat(text_of(c))
    n = flat_note(alliance_big, "alliance.operations")
    assert "which is a modification (Procurement Act 2023, s.74: a permitted modification under Schedule 8" in n
    assert "as the Service Contracts are light touch contracts, any modification" in n


def test_step_in_note_in_a_single_contract_names_this_agreement(alliance_ellerby):
    """r32 al-sample finding 9 (quiet): with one contract the note speaks of this Agreement, not Service Contracts."""
    n = flat_note(alliance_ellerby, "alliance.operations")
    assert "widens its part of this Agreement" in n and "under its own Service Contract" not in n
