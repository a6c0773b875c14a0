"""A Provider's cost line passed through at cost (medicines recharged by the NHS Business Services Authority): outside
the Fee, the Target Cost, Delivery Costs and Gain and Pain, with its recharge route in the clause, the payment
sub-clause and Schedule 4; and a Provider whose Fee is its overhead contribution has a nil overhead rate (r31
al-fresh findings 1 and 6)."""
from __future__ import annotations

from decimal import Decimal

from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.families.clause_texts import all_text, clause_text, definition, document_of, note, variant_of
from tests.families.conftest import ALLIANCE_BIG

RECOVERY = "    annual_value: 1420000\n"
PASS = RECOVERY + ("    pass_through:\n      amount: 300000\n      description: opioid substitution medicines prescribed in "
                   "the Services\n      recharged_by: the NHS Business Services Authority\n      recharged_to: {to}\n")


def _doc(catalogue, to="provider"):
    return variant_of(catalogue, ALLIANCE_BIG, RECOVERY, PASS.format(to=to))


def _sheet(catalogue, to="provider"):
    text = ALLIANCE_BIG.read_text().replace(RECOVERY, PASS.format(to=to), 1)
    return validate(load_text(text, "t.yaml"), catalogue).model


def test_pass_through_line_is_outside_fee_target_and_gain(catalogue):
    """Firing: the Fee and Pain Cap (here the Fee) are worked on the value less the line; the Target Cost excludes it."""
    a = _sheet(catalogue).alliance
    recovery = a.member_by_key("recovery")
    assert a.fee_for(recovery) == Decimal("56000.00")  # 5% of 1,120,000, not of 1,420,000
    assert a.target_cost == Decimal(7700000 - 300000)
    doc = _doc(catalogue)
    text = clause_text(doc, "alliance.pass-through", flat=True)
    assert "which the NHS Business Services Authority recharges to Recovery CIC (including by deducting it" in text
    assert "They earn no Fee, are not part of the Target Cost or of any Provider's Delivery Costs, and so make neither Gain nor Pain." in text
    assert "must reimburse" in text and "at cost and without any Fee" in text
    assert "excluding VAT and Pass-Through Costs, being £7,400,000" in definition(doc, "Target Cost")
    assert "Pass-Through Costs, which are passed through at cost under clause" in clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "(subject, for Pass-Through Costs, to clause" in clause_text(doc, "alliance.service-planning", flat=True)
    assert "£300,000" in note(doc, "alliance.pass-through") and "NHS Business Services Authority" in note(doc, "alliance.pass-through")


def test_pass_through_recharged_to_the_commissioner(catalogue):
    """Firing: where the Commissioner is recharged, it pays the line and the Provider is paid its value less it."""
    text = clause_text(_doc(catalogue, "commissioner"), "alliance.pass-through", flat=True)
    assert "recharges to the Council directly" in text
    assert "The Council must pay the Pass-Through Costs recharged to it" in text
    assert "must not claim the Pass-Through Costs from any Alliance Member" in text


def test_no_pass_through_no_clause(catalogue):
    """Quiet: without the field the draft has no such clause or term, and the Target Cost is the total value."""
    doc = variant_of(catalogue, ALLIANCE_BIG, RECOVERY, RECOVERY)
    assert not any(c.id == "alliance.pass-through" for c in doc.all_clauses())
    assert "Pass-Through" not in all_text(doc)
    assert "being £7,700,000" in definition(doc, "Target Cost")


def test_fee_that_covers_overheads_sets_a_nil_overhead_rate(catalogue):
    """Firing and quiet: fee_covers_overheads names the Provider against a nil rate in Schedule 4 and its note."""
    doc = variant_of(catalogue, ALLIANCE_BIG, RECOVERY, RECOVERY + "    fee_covers_overheads: true\n")
    sched = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "the rate is nil for Recovery CIC, whose Fee is its contribution to overheads" in sched
    assert "overhead rate is set at nil" in note(doc, "alliance.schedule-risk-reward")
    quiet = variant_of(catalogue, ALLIANCE_BIG, RECOVERY, RECOVERY)
    assert "contribution to overheads" not in clause_text(quiet, "alliance.schedule-risk-reward", flat=True)


def test_pass_through_is_outside_budget_later_target_and_examples(catalogue):
    """Firing (r44d al-substance F1): the Pass-Through Allowance is outside the Provider's budget (first-plan rule,
    the Annual Plan's contents, Schedule 5's line budgets), the later-year Target Cost and the worked examples, so
    an overspend of the real cost budget is never hidden inside the allowance."""
    lines = ("    service_lines:\n      - {service: Prescribing and treatment, annual_value: 1000000, outside_fee: 300000}\n"
             "      - {service: Outreach, annual_value: 420000}\n")
    text = ALLIANCE_BIG.read_text().replace(RECOVERY, PASS.format(to="provider") + lines, 1)
    a = validate(load_text(text, "t.yaml"), catalogue).model.alliance
    recovery = a.member_by_key("recovery")
    rows = [(line.service, net) for p, line, net in a.service_line_net_budgets if p.key == "recovery"]
    fee = a.fee_for(recovery)  # 5% of 1,120,000, all of it borne by the lines' values less the line outside the Fee
    assert rows == [("Prescribing and treatment", Decimal(1000000) - Decimal(300000) - fee * 700 / 1120),
                    ("Outreach", Decimal(420000) - fee * 420 / 1120)]
    assert "(its Annual Value less any Pass-Through Allowance and its Fee)" in clause_text(
        document_of(catalogue, text), "alliance.schedule-budget", flat=True)
    doc = _doc(catalogue)
    assert "the amount included in its Annual Value for those costs: for the first Alliance Year, £300,000 for Recovery CIC" in definition(doc, "Pass-Through Allowance")
    planning = clause_text(doc, "alliance.service-planning", flat=True)
    assert "each Provider's budget is its Annual Value less any Pass-Through Allowance and less its Fee." in planning
    assert "Pass-Through Costs are always outside that budget" in planning
    rr = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "Annual Values for it less their Pass-Through Allowances for it" in rr
    assert "less its Pass-Through Allowance for the Alliance Year (£300,000 for the first)" in clause_text(doc, "alliance.pass-through", flat=True)
    examples = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "its budget (its Annual Value less any Pass-Through Allowance and less its Fee)" in examples


def test_no_pass_through_budget_is_value_less_fee(catalogue):
    """Quiet: without the field the budget, the later-year Target Cost and the examples read as before."""
    doc = variant_of(catalogue, ALLIANCE_BIG, RECOVERY, RECOVERY)
    assert "Pass-Through Allowance" not in all_text(doc)
    assert "each Provider's budget is its Annual Value less its Fee." in clause_text(doc, "alliance.service-planning", flat=True)
    assert "Annual Values for it," in clause_text(doc, "alliance.risk-reward", flat=True)
