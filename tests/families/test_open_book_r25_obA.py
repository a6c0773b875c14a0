"""r25 open-book review of a nursing home block (ob-fresh.report.md, Bramblecombe House): the findings the obA lane
fixed, tested with the sheet's own numbers (1,170 budgeted weeks of 1,352; Allowable Costs £1,297,400, of which
£30,264 is the one-to-one hours' variable cost; shared costs apportioned by paid bed-weeks)."""

from __future__ import annotations

from decimal import Decimal

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_BRAMBLECOMBE, open_book_doc, open_book_model

KEY = "full-cost/sharing-band/split"


def test_finding3_scenario_costs_move_with_the_paid_weeks(catalogue):
    """Finding 3: clause 11.1 apportions shared costs by paid bed-weeks, so at 95% and 100% the Council's share of
    the costs rises with its 1,284.4 and 1,352 weeks; the table no longer holds them at the budget."""
    ob = open_book_model(catalogue, OB_BRAMBLECOMBE).open_book
    assert ob.costs_move_with_weeks and ob.weeks_basis == "paid" and ob.budget_weeks == 1170
    assert ob.week_costs == Decimal("1267136")          # £1,297,400 less 1,560 hours at £19.40
    runs = dict(ob.core_scenarios[KEY])
    at100 = runs[Decimal(100)]
    # 1,352 weeks: £1,267,136 x 1,352 / 1,170 = £1,464,246.04, plus 2,600 hours at £19.40 (each part rounded)
    assert abs(at100.allowable_costs - (Decimal("1464246.04") + Decimal("50440"))) < Decimal("0.02")
    assert at100.actual_profit == at100.income - at100.allowable_costs
    assert at100.excess < Decimal("176410")             # the table held costs at budget: £176,410 of Excess Profit
    assert ob.break_even_occupancy is None


def test_finding3_quiet_costs_held_at_budget_when_not_apportioned_by_weeks(catalogue):
    """Quiet: apportioned by places available, the costs do not move with the weeks and the break-even stands."""
    ob = open_book_model(catalogue, OB_BRAMBLECOMBE, lambda d: d["services"].update(apportionment="places_available")).open_book
    assert not ob.costs_move_with_weeks
    assert ob.break_even_occupancy is not None
    assert dict(ob.core_scenarios[KEY])[Decimal(100)].allowable_costs == Decimal("1297400") + Decimal("50440") - Decimal("30264")


def test_finding3_schedule_and_losses_note_state_the_assumption(catalogue):
    d = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    sch = flat(clause_text(d, "common.open-book-schedule-reconciliation"))
    assert "the shared costs and the Overheads are apportioned by the bed-weeks the Council pays for" in sch
    assert "at the budgeted £1,083.02 for each of them (£1,267,136 over 1,170 weeks" in sch
    assert "all costs held at the budget" not in sch and "all other costs held at the budget" not in sch
    assert "Service Income equals the budgeted Allowable Costs at" not in sch
    assert "covers the Allowable Costs at every level of occupancy in the table" in sch
    text = flat(note(d, "open-book.losses"))
    assert "its share for the 1,040 weeks of the Core Places is £1,126,343.11, which their payment covers" in text
    assert "covered only from 81% occupancy" not in text


def test_finding5_index_words_weighted_to_read_as_a_formula(catalogue):
    """Finding 5: 'weighted 70% to the percentage increase in the National Living Wage ... and 30% to CPIH ...' is
    read as a formula (the words 'to' after the share were not), not pasted as 'the Council's annual care home fee
    uplift'."""
    d = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    text = flat(clause_text(d, "open-book.price-review"))
    assert "the index being (0.7 × N) + (0.3 × C), where N is the percentage increase in the hourly rate" in text
    assert "over the 12 months to the December before that review date" in text
    assert "if the result is more than 6%, the rate is 6%" in text
    assert "annual care home fee uplift" not in text


def test_finding5_index_fallback_sits_in_the_review_clause_not_the_rebasing_clause(catalogue):
    d = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    review = flat(clause_text(d, "open-book.price-review"))
    assert "If the Office for National Statistics stops publishing an index named in clause" in review
    assert "If it re-bases an index, the percentage change is worked out on the re-based series." in review
    assert "Average Weekly Earnings" in review
    pricing = flat(clause_text(d, "open-book.pricing"))
    assert "stops being published" not in pricing and "next review.If" not in pricing


def test_finding5_quiet_words_that_are_not_a_weighting_stay_as_words(catalogue):
    """Quiet: a 'higher of' choice is not read as a weighted formula."""
    import copy
    from assembler.termsheet.loader import load_file
    from assembler.termsheet.validate import read_termsheet
    sheet = read_termsheet(OB_BRAMBLECOMBE, catalogue)
    data = copy.deepcopy(dict(load_file(OB_BRAMBLECOMBE).data))
    data["services"]["indexation"] = "the higher of CPIH for the 12 months to December and 70% to the National Living Wage"
    model = type(sheet.model).model_validate(data)
    assert model.services.index_parts is None and model.services.index_formula is None


def test_finding6_rent_review_in_the_term_enters_allowable_cost_not_the_prices(catalogue):
    """Finding 6: the lease's 1 October 2028 review falls inside the term (1 April 2027 to 31 March 2030, two
    extension years): a review under the lease is an Allowable Cost, not the sheet's disallowed 'rent increase agreed
    after the start date', and does not move the indexed Prices; any other increase or a premium is disallowed."""
    text = OB_BRAMBLECOMBE.read_text(encoding="utf-8")
    old = "      lease_end: 2048-09-30\n"
    assert old in text
    d = document_of(catalogue, text.replace(old, old + "      rent_review_date: 2028-10-01\n", 1))
    scope = flat(clause_text(d, "open-book.scope"))
    assert ("An increase in the rent of Bramblecombe House on a review under the terms of its lease as in force on "
            "1 April 2027, including the review due on 1 October 2028, is an Allowable Cost") in scope
    assert "is not a rent increase excluded by clause" in scope
    assert "It does not by itself change the Prices" in scope
    assert "any premium or other payment to vary or surrender that lease, is a Disallowed Cost" in scope


def test_finding6_quiet_without_a_review_date_or_with_one_after_the_term(catalogue):
    assert "An increase in the rent of" not in flat(clause_text(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.scope"))
    text = OB_BRAMBLECOMBE.read_text(encoding="utf-8")
    old = "      lease_end: 2048-09-30\n"
    d = document_of(catalogue, text.replace(old, old + "      rent_review_date: 2033-10-01\n", 1))
    assert "An increase in the rent of" not in flat(clause_text(d, "open-book.scope"))
