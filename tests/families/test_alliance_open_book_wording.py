"""The open-book clauses as they read in an alliance with one Commissioner (r40 al-ld findings 5, 8 and 15): the loss
sub-clause says 'the Commissioner is not obliged' (the party's name), never 'no the Council is'; a Provider that does not deliver a fund use
pays its Reinvestment Fund money to the Commissioner, not to an undefined 'Lead Commissioner' or 'Pooled Budget'; and
the profit cap clause's note agrees with the definition of Reasonable Profit (the greater of the cap and the Fee plus
the share of Gain), so it never calls the cap the whole of what a Provider keeps. With two Commissioners the Lead
Commissioner wording stays."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, definition, document_of, note
from tests.families.conftest import ALLIANCE_JOINT, ALLIANCE_SMALL, ROOT

EARLY_HELP = ROOT / "tests" / "families" / "fixtures" / "alliance-early-help.yaml"  # per-Provider cost models
PROFIT = "common.open-book-profit-cap"
EXCESS = "common.open-book-excess"


def _open_book(path, income: int, split: bool = True, hard_cap: bool = True) -> str:
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    block = f"""
open_book:
  profit_cap: 5
  basis: allowable_cost
  overhead_cap: 12
  allowable_costs:
    - Staff pay, National Insurance, pensions, training and supervision
    - Central overheads up to the overhead cap
  disallowed_costs:
    - Dividends and distributions
  excess:
    split_percentage: 50
    reinvestment_fund: recruitment and retention of support workers
  reconciliation: annually
  reporting: quarterly
  level: summary
  first_period_start: 2027-04-01
  cost_model:
    direct_costs: {income * 85 // 100}
    overheads: {income * 10 // 100}
    income: {income}
"""
    text += block
    extra = ("  open_book_excess: split\n" if split else "") + ("  open_book_margin: hard-cap\n" if hard_cap else "")
    return text.replace("positions:\n", "positions:\n" + extra, 1)


def test_one_commissioner_reads_as_the_commissioner(catalogue):
    doc = document_of(catalogue, _open_book(ALLIANCE_SMALL, 900000))
    profit = clause_text(doc, PROFIT, flat=True)
    assert "is a loss, the Commissioner is not obliged to make it good" in profit
    assert "no the " not in profit
    excess = clause_text(doc, EXCESS, flat=True)
    assert "Lead Commissioner" not in excess and "Pooled Budget" not in excess
    n = note(doc, PROFIT)
    assert "or, if greater, its Fee plus its share of Gain" in n and "not a hard cap" in n
    assert "The instructions call it a hard cap" in n


def test_standard_margin_not_called_an_instruction(catalogue):
    """Quiet: where the sheet does not choose the hard cap, the note does not say the instructions call it one."""
    doc = document_of(catalogue, _open_book(ALLIANCE_SMALL, 900000, hard_cap=False))
    n = note(doc, PROFIT)
    assert "not a hard cap" in n and "The instructions call it a hard cap" not in n


def test_two_commissioners_keep_the_lead_commissioner(catalogue):
    doc = document_of(catalogue, _open_book(ALLIANCE_JOINT, 3000000))
    assert "no Open-Book Commissioner is obliged to make it good" in clause_text(doc, PROFIT, flat=True)


FUND_TERMS = """    fund_beneficiaries: support workers employed in the Services
    fund_uses:
      - recruitment campaigns for new support workers
      - retention payments to support workers after 12 months' service
    fund_staff_payments: true
    carry_below: 5000
"""


def test_fund_terms_the_sheet_gives_reach_the_alliance_draft(catalogue):
    """Firing (r40 al-ld finding 11): the fund's uses, its beneficiaries, staff payments and the carry-forward the
    sheet gives appear in the definition, clause 21 and the Reinvestment Plan schedule."""
    text = _open_book(ALLIANCE_SMALL, 900000).replace(
        "    reinvestment_fund: recruitment and retention of support workers\n",
        "    reinvestment_fund: recruitment and retention of support workers\n" + FUND_TERMS, 1)
    doc = document_of(catalogue, text)
    excess = clause_text(doc, EXCESS, flat=True)
    assert "less than £5,000, none of it is paid" in excess
    assert "consistent with the uses listed in the definition of Reinvestment Fund" in excess
    d = definition(doc, "Reinvestment Fund")
    assert "for the benefit of support workers employed in the Services, by: (a) recruitment campaigns" in d
    schedule = clause_text(doc, "common.open-book-schedule-reinvestment", flat=True)
    assert "one or more of the uses listed in the definition of Reinvestment Fund" in schedule
    assert "such as a retention payment, adds to it" in schedule
    assert "employer's National Insurance and pension contributions" in schedule


def test_fund_terms_not_given_leave_the_alliance_draft_as_it_was(catalogue):
    """Quiet: without them, no carry-forward paragraph (the model's bracketed default is not printed in an
    alliance), and the uses are those the ALT sets."""
    doc = document_of(catalogue, _open_book(ALLIANCE_SMALL, 900000))
    excess = clause_text(doc, EXCESS, flat=True)
    assert "none of it is paid" not in excess
    assert "the uses of the Reinvestment Fund that the ALT has set in the Annual Plan" in excess


def test_director_salary_the_sheet_gives_reaches_the_cost_model_schedule(catalogue):
    """Firing (r40 al-ld finding 10): open_book.director_salaries in an alliance whose Providers each give a cost
    model is printed in the cost-model schedule, so the Disallowed Cost on directors' pay has a figure to bite on;
    quiet without it."""
    base = EARLY_HELP.read_text(encoding="utf-8")
    assert "  reconciliation: annually\n" in base and "director_salaries" not in base
    text = base.replace("  reconciliation: annually\n",
                        "  director_salaries:\n    - {name: Ann Lee, position: Chief Executive, salary: 72000}\n"
                        "  reconciliation: annually\n", 1)
    costs = clause_text(document_of(catalogue, text), "common.open-book-schedule-costs", flat=True)
    assert "Ann Lee (Chief Executive), £72,000 a year. Pay above that salary is not an Allowable Cost." in costs
    quiet = clause_text(document_of(catalogue, base), "common.open-book-schedule-costs", flat=True)
    assert "salaries of directors" not in quiet
