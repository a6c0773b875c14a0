"""Staff pay against the price review (r28 ob-fresh finding 8, tool note 4): the clause 6 note counts every pay line
(sleep-ins and agency staff too), compares the staff share of the Prices with the index's national living wage
share, and a pay floor (services.pay_floor) becomes a social value commitment from each 1 April with its own note."""

from __future__ import annotations

from assembler.model import iter_paragraphs
from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import (
    OB_BREAKS, OB_LIVING, OB_WEXCOMBE, open_book_doc, open_book_edited, open_book_model,
    open_book_result,
)


def test_staff_pay_counts_sleep_ins_and_agency(catalogue):
    n = flat(note(open_book_doc(catalogue, OB_WEXCOMBE), "open-book.price-review"))
    assert ("Staff pay (every pay line of the cost model, agency staff included) is £1,060,600 of the budgeted Direct "
            "Costs, so each 1% by which pay rises before the Prices do costs Heronsgate about £10,606 a year") in n
    assert ("Staff pay is about 84% of the £1,264,870.40 the Prices bring in at the expected units, but only 75% of "
            "the index follows the national living wage") in n


def test_pay_floor_is_a_commitment_from_each_1_april(catalogue):
    doc = open_book_doc(catalogue, OB_WEXCOMBE)
    body = flat(clause_text(doc, "open-book.compliance-with-law"))
    assert ("every employee of Heronsgate aged 18 or over who works in the Care Services paid at least the hourly "
            "rate of the real Living Wage that the Living Wage Foundation announces each year, from the following "
            "1 April.") in body
    assert "announced each November" not in body   # the sheet's own line gives way to the field
    n = flat(note(doc, "open-book.price-review"))
    assert "The pay floor that binds Heronsgate is the real Living Wage in clause" in n
    assert "£13.45 an hour on 22 October 2025" in n
    assert "requires the rate announced in the autumn of 2026 from 1 April 2027" in n
    assert "a rise in it is not a Relevant Change in Law" in n


def test_no_pay_floor_is_quiet(catalogue):
    doc = open_book_edited(catalogue, OB_WEXCOMBE, lambda t: t.replace("  pay_floor: real_living_wage\n", ""))
    assert "pay floor" not in flat(note(doc, "open-book.price-review"))
    body = flat(clause_text(doc, "open-book.compliance-with-law"))
    assert "announced each November" in body and "Living Wage Foundation announces" not in body
    assert "pay floor" not in flat(note(open_book_doc(catalogue, OB_LIVING), "open-book.price-review"))


def test_reporting_duty_is_its_own_sub_clause(catalogue):
    """r28 ob-fresh finding 19: the reporting sentence was printed inside the last lettered commitment."""
    doc = open_book_doc(catalogue, OB_WEXCOMBE)
    c = next(c for c in doc.all_clauses() if c.id == "open-book.compliance-with-law")
    paras = [p.text for p in iter_paragraphs(c.blocks)]
    assert any(p.startswith("Heronsgate must report on its delivery of those commitments") for p in paras), paras[-3:]


def test_index_share_note_quiet_when_the_shares_are_close(catalogue):
    """Short breaks: staff pay about 76% of the Prices against a 75% national living wage share says nothing."""
    n = flat(note(open_book_doc(catalogue, OB_BREAKS), "open-book.price-review"))
    assert "of the index follows the national living wage" not in n


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
    # r31 ob-fresh 16: the sheet's own staff costs are the figure where it gives them (here equal to the pay lines)
    assert ("Staff pay (the staff costs the cost model gives, pay, National Insurance and pensions with agency and relief "
            "staff) is £1,950,000 of the budgeted Direct Costs") in note
    assert "about £19,500 a year" in note
    assert "£12.71 an hour from 1 April 2026" in note and "The rate from 1 April 2027 is normally announced with the Autumn Budget in late November" in note
    from assembler.termsheet.open_book import CostLine
    lines = [CostLine(item="Care assistants and night care staff (pay, National Insurance, pension and training)",
                      amount=742000), CostLine(item="DBS checks, recruitment and training", amount=12000)]
    priced = model.open_book.cost_model.model_copy(update={"direct_lines": lines, "staff_costs": None})
    assert model.open_book.model_copy(update={"cost_model": priced}).pay_budget == 742000   # r23 ob-fresh 5
    start = model.services.term.start
    assert f"first review date, {start.day} {start:%B} {start.year + 1}" in note


def test_pay_budget_is_the_sheets_staff_costs_where_given(catalogue):
    """r31 ob-fresh 16: the clause 6 note left out one-to-one hours that the sheet's staff costs include; the sheet's
    own figure is used where it gives one, the pay lines only where it does not."""
    model = open_book_model(catalogue, "childrens-homes-charity.yaml")
    cm = model.open_book.cost_model.model_copy(update={"staff_costs": 2000000})
    assert model.open_book.model_copy(update={"cost_model": cm}).pay_budget == 2000000
    cm = model.open_book.cost_model.model_copy(update={"staff_costs": None})
    assert model.open_book.model_copy(update={"cost_model": cm}).pay_budget == 310000 + 1520000 + 120000
