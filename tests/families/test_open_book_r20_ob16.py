"""r20 ob-fresh review (Larchmont Homes) findings fixed in lane ob16: one overhead method where the open book
covers only the commissioner's places, and the mechanisms around it."""

from __future__ import annotations
from tests.families.clause_texts import document_text
from tests.families.conftest import open_book_model, open_book_result


def _costs_note(res):
    return next(s for s in res.document.schedules if s.id == "common.open-book-schedule-costs").note or ""


def _recon_rows(res):
    from assembler.model import Table
    sched = next(s for s in res.document.schedules if s.id == "common.open-book-schedule-reconciliation")
    tables = [b for b in sched.blocks if isinstance(b, Table)]
    from assembler.model import plain_text
    return [[plain_text(c) for c in row] for t in tables for row in t.rows]


def _review_note(res):
    return next(c for c in res.document.clauses if c.id == "open-book.price-review").note or ""


def test_first_year_pay_note_gives_the_pay_budget_the_first_review_and_the_2027_rate_to_insert(catalogue):
    """ob-fresh finding 11 / ob-sample 16: the note states what a pay rise before the first review costs, when
    that review is, and the national living wage rates to check (2026 verified; 2027 to insert)."""
    res = open_book_result(catalogue, "childrens-homes-charity.yaml")
    note = _review_note(res)
    model = open_book_model(catalogue, "childrens-homes-charity.yaml")
    pay = model.open_book.pay_budget
    assert pay == 310000 + 1520000 + 120000          # managers, care staff, agency and relief; not staff travel
    assert "Staff pay (every pay line of the cost model, agency staff included) is £1,950,000 of the budgeted Direct Costs" in note
    assert "about £19,500 a year" in note
    assert "£12.71 an hour from 1 April 2026" in note and "Insert the rate from 1 April 2027 if it has" in note
    from assembler.termsheet.open_book import CostLine
    lines = [CostLine(item="Care assistants and night care staff (pay, National Insurance, pension and training)",
                      amount=742000), CostLine(item="DBS checks, recruitment and training", amount=12000)]
    priced = model.open_book.cost_model.model_copy(update={"direct_lines": lines})
    assert model.open_book.model_copy(update={"cost_model": priced}).pay_budget == 742000   # r23 ob-fresh 5
    start = model.services.term.start
    assert f"first review date, {start.day} {start:%B} {start.year + 1}" in note


def test_references_name_the_sub_clause(catalogue):
    """ob-fresh finding 18: 'clause 35' for the entire-agreement sub-clause and 'this paragraph' in clause 9.4."""
    import re
    for name in ("adult-care-sharing-band.yaml", "childrens-homes-charity.yaml"):
        text = document_text(open_book_result(catalogue, name))
        assert "instead of this paragraph" not in text
        for m in re.finditer(r"entire-agreement provision in clause (\S+)", text):
            assert "." in m.group(1).rstrip("."), m.group(0)
    text = document_text(open_book_result(catalogue, "adult-care-sharing-band.yaml"))
    assert re.search(r"including in hospital, clause \d+\.\d+ applies instead of this clause\. Where the Placed "
                     r"Person has moved to another setting permanently, the Placement ends on the date of the move\.", text)
