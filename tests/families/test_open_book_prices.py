"""Which Price applies and how Prices and the costs schedule's amounts are reviewed (open-book family), tested with
the Wexcombe neurological supported-living sheet (r28 ob-fresh 16, 17 and 25: four Prices, two of them for hours
of support to one Tenant; the review factor; the £27.50 agency cap)."""

from __future__ import annotations

import dataclasses
import copy
from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import (
    all_text, clause_text, document_of, document_text, flat, note,
)
from assembler.termsheet.loader import load_file
from pathlib import Path
from tests.families.conftest import (
    OB_BRAMBLECOMBE, OB_BREAKS, OB_CHARITY, OB_CHEVIOT, OB_GREYSTONE, OB_HOMECARE, OB_NIGHTLY,
    OB_SUBSIDIARY, OB_WEXCOMBE, open_book_doc, open_book_document, open_book_draft_text, open_book_model,
    open_book_notes, open_book_result,
)


def test_each_individual_hour_is_paid_at_the_price_for_its_kind(catalogue):
    """Finding 16: individual hours and the brain injury specialist's hours have their own Prices; 7.2 says which
    applies. Quiet: with one individual hourly price the sentence is not added."""
    t = clause_text(open_book_doc(catalogue, OB_WEXCOMBE), "open-book.core-support", flat=True)
    assert ('Each hour is paid at the Price in Schedule 2 for the kind of support the Support Plan specifies for it: '
            '"Individual support for one Tenant, as set out in the Tenant\'s Support Plan"; or "Neuro-rehabilitation '
            'support by a brain injury specialist support worker') in t
    text = OB_WEXCOMBE.read_text(encoding="utf-8")
    start = text.index("    - service: Neuro-rehabilitation support")
    end = text.index("  # Personal care in supported living")
    one = text[:start] + text[end:]
    one = one.replace("income: 1264870.40", "income: 1203250.40")
    d = document_of(catalogue, one)
    assert "Each hour is paid at the Price" not in clause_text(d, "open-book.core-support", flat=True)


def test_review_factor_is_defined_once_and_used(catalogue):
    """Finding 17 and 25: 6.1 defines the review factor; 11.8 and Schedule 2 use it, and Schedule 2 names the
    £27.50 agency cap as indexed by it."""
    d = open_book_doc(catalogue, OB_WEXCOMBE)
    review = clause_text(d, "open-book.price-review", flat=True)
    assert 'multiplied by one plus the rate of the index for that review date (one plus that rate being the "review factor")' in review
    cap = flat(clause_text(d, "common.open-book-profit-cap"))
    assert "or about the review factor worked out under clause 6.1" in cap
    costs = flat(clause_text(d, "common.open-book-schedule-costs"))
    assert ("Each amount in pounds in these categories (here, £27.50 an hour) is multiplied by the review factor each "
            "review under clause 6.1 applies") in costs


def read_termsheet_text(catalogue, text):
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "sheet.yaml"
        p.write_text(text)
        return read_termsheet(p, catalogue)


def test_a_weighted_index_is_drafted_as_a_formula_with_its_cap(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS)   # "... (for 75% of the price) and in CPIH ... (for 25% of the price), capped at 5% overall"
    assert "the index being (0.75 × N) + (0.25 × C), where N is the percentage increase in the hourly rate" in text
    assert "over the 12 months to the December before that review date" in text
    assert "if the result is more than 5%, the rate is 5%; if that rate is below zero, the Prices do not change" in text
    assert "(for 75% of the price)" not in text
    plain = open_book_draft_text(catalogue, OB_BREAKS, lambda d: d["services"].update(
        indexation="CPIH for the 12 months to the previous December, capped at 4%"))
    # r26 ob-fresh 8: one ONS index is defined by its title and series, first published, with its cap
    assert ("the index being the percentage change over the 12 months to the December before that review date in the "
            "Consumer Prices Index including owner occupiers' housing costs (CPIH all items, 12-month rate, ONS series "
            "L55O), as first published by the Office for National Statistics and disregarding later revisions, but not "
            "more than 4%") in plain


def test_index_words_with_weights_are_read_as_a_formula(catalogue):
    """r20 ob-fresh 17: '(weighted 70%)' after each measure was not read as its share."""
    words = ("a weighted average of the percentage increase in the National Living Wage that April (weighted "
             "70%) and CPIH for the 12 months to the previous December (weighted 30%), capped at 6%")
    m = open_book_model(catalogue, "adult-care-sharing-band.yaml", lambda d: d["services"].update(indexation=words))
    formula = m.services.index_formula
    assert formula.startswith("(0.7 × N) + (0.3 × C), where N is the percentage increase in the hourly rate of the "
                              "national living wage")
    assert "the 12 months to the December before that review date" in formula
    assert formula.endswith("if the result is more than 6%, the rate is 6%")
    odd = open_book_model(catalogue, "adult-care-sharing-band.yaml", lambda d: d["services"].update(
        indexation=words.replace("30%", "40%")))      # shares that do not add up: no formula
    assert odd.services.index_formula is None


def test_a_price_that_includes_the_rent_is_not_reduced_by_housing_cost_claims(catalogue):
    res = open_book_result(catalogue, OB_NIGHTLY)
    text = document_text(res)
    assert 'This paragraph does not apply to a place paid for at the Price for "move-on flat bed-night' in text
    assert "must not ask a Placed Young Person in a place paid for at that Price to claim help with housing costs" in text
    assert "includes the rent, so those young people do not claim housing costs" in open_book_notes(res)


def test_without_includes_housing_costs_every_price_is_reduced(catalogue):
    import copy
    import dataclasses
    from assembler.termsheet.loader import load_file
    sheet = read_termsheet(OB_NIGHTLY, catalogue)
    data = copy.deepcopy(dict(load_file(OB_NIGHTLY).data))
    data["open_book"]["unit_prices"][1]["includes_housing_costs"] = False
    sheet = dataclasses.replace(sheet, model=type(sheet.model).model_validate(data))
    text = document_text(assemble(sheet, catalogue, today=DRAFT_DATE))
    assert "must help the young person claim any help with housing costs" in text
    assert "This paragraph does not apply" not in text and "includes the rent and other housing costs" not in text


def test_index_cap_sits_on_the_measure_the_words_attach_it_to(catalogue):
    """ob-fresh 4 and 13: 'CPIH ..., capped at 5%, for 30% of each Price, and the national living wage ... for the
    other 70%' caps CPIH only, so C is 'the lower of 5% and' CPIH and the result is not capped; the clause 29 note
    names the cap without pasting the indexation words."""
    sv = read_termsheet(OB_GREYSTONE, catalogue).model.services
    assert sv.index_cap_part == "cpih" and not sv.index_cap_last
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.price-review", flat=True)
    assert "where C is the lower of 5% and the percentage change in the Consumer Prices Index" in body
    assert "if the result is more than 5%" not in body
    assert "with the 5% cap on CPIH alone, where the instructions put it" in flat(note(d, "open-book.price-review"))
    n = flat(note(d, "open-book.change-in-law"))
    assert "held back by the review's 5% cap on CPIH:" in n and "cap (5%, for 30%" not in n


def test_overall_cap_stays_on_the_result(catalogue):
    """Quiet: 'capped at 6% overall' still caps the result."""
    text = OB_GREYSTONE.read_text().replace(
        "CPIH for the 12 months to the previous December, capped at 5%, for 30% of each Price, and the\n"
        "    percentage change in the National Living Wage from the previous April for the other 70%",
        "CPIH for the 12 months to the previous December for 30% of each Price, and the percentage change in\n"
        "    the National Living Wage from the previous April for the other 70%, capped at 6% overall")
    sv = read_termsheet_text(catalogue, text).model.services
    assert sv.index_cap_part is None and sv.index_cap == 6
    body = clause_text(open_book_document(catalogue, text), "open-book.price-review", flat=True)
    assert "if the result is more than 6%, the rate is 6%" in body and "the lower of" not in body


def test_cap_after_the_last_measure_is_flagged(catalogue):
    """ob-fresh 4: a cap after the last measure with nothing saying it caps the whole is read as capping the result,
    and the note asks whether it caps that measure only."""
    text = OB_GREYSTONE.read_text().replace(
        "CPIH for the 12 months to the previous December, capped at 5%, for 30% of each Price, and the\n"
        "    percentage change in the National Living Wage from the previous April for the other 70%",
        "CPIH for the 12 months to the previous December for 30% of each Price, and the percentage change in\n"
        "    the National Living Wage from the previous April for the other 70%, capped at 5%")
    sv = read_termsheet_text(catalogue, text).model.services
    assert sv.index_cap_part is None and sv.index_cap_last
    n = flat(note(open_book_document(catalogue, text), "open-book.price-review"))
    assert "could also be read as capping only the measure named last" in n


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


def test_the_revenue_basis_note_takes_the_reasonable_profit_from_the_income_received(catalogue):
    """r25 ob-fresh finding 12: costs / 0.94 is the income at which costs are 94%; the Reasonable Profit is 6% of the
    income actually received (£1,380,398 x 6% = £82,823.88), never '6% of £1,380,212.77'."""
    text = " ".join(note(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.pricing").split())
    assert "divided by 0.94 give £1,380,212.77, the income of which the costs are exactly 94%." in text
    assert "of which 6% is the Reasonable Profit" not in text
    assert "Reasonable Profit (£82,823.88)" in text


def test_reviewed_prices_rounded(homecare_doc):
    assert ("Each reviewed Price is rounded to the nearest penny, half a penny being rounded up."
            in clause_text(homecare_doc, "open-book.price-review", flat=True))


def test_review_lag_after_each_april_rise_is_stated_with_the_figures(homecare_doc):
    n = flat(note(homecare_doc, "open-book.price-review"))
    # staff pay £2,806,140: 1% is £28,061.40 a year, two months of it £4,676.90
    assert ("Each rise in the national living wage takes effect on 1 April, two months before the review date on 1 June, "
            "so Tillbrook carries every year's rise unfunded until then: on these figures about £4,676.90 for each 1% of "
            "the rise, each year. Take instructions on making 1 April the review date") in n
    assert "The 1 April 2028 rise takes effect before the first review date" not in n


def test_review_on_1_april_has_no_lag_note(catalogue):
    text = OB_HOMECARE.read_text()
    start = next(line for line in text.splitlines() if line.strip().startswith("start:"))
    year = start.split(":", 1)[1].strip().strip("'\"")[:4]
    d = document_of(catalogue, text.replace(start, start.split("start:")[0] + f"start: {year}-04-01", 1))
    assert "Each rise in the national living wage" not in flat(note(d, "open-book.price-review"))


def test_a_single_index_is_named_by_its_ons_series_and_its_fallback_is_not_circular(catalogue):
    """ob-fresh 8: 'the Consumer Prices Index (CPI) for the 12 months to the previous December, capped at 5%' is
    defined by its ONS title and series, first published, capped; the fallback no longer falls back to CPI itself.
    The sample's CPIH is named by its own series and keeps CPI as its fallback (not circular there)."""
    d = open_book_doc(catalogue, OB_CHEVIOT)
    body = clause_text(d, "open-book.price-review", flat=True)
    assert ("the percentage change over the 12 months to the December before that review date in the Consumer Prices "
            "Index (CPI all items, 12-month rate, ONS series D7G7), as first published by the Office for National "
            "Statistics and disregarding later revisions, but not more than 5%") in body
    assert "if there is none, the Consumer Prices Index" not in body
    assert "the index that best reflects general price inflation in the United Kingdom" in body
    quiet = clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.price-review", flat=True)
    assert "ONS series L55O), as first published" in quiet and "but not more than 4%" in quiet
    assert "ONS series D7G7" not in quiet and "if there is none, the Consumer Prices Index." in quiet


def test_finding9_index_fallback_sits_in_the_rebasing_review_with_one_floor(catalogue):
    """ob-fresh 9: the discontinued-index fallback is in the review clause, not the pricing clause, and the
    overlapping bracketed "Prices do not fall" sentence is gone; the floor is stated in the review clause only."""
    d = open_book_doc(catalogue, "adult-care-sharing-band")
    review = flat(clause_text(d, "open-book.price-review"))
    assert "If the Office for National Statistics stops publishing an index named in clause" in review
    pricing = flat(clause_text(d, "open-book.pricing"))
    assert "stops being published" not in pricing and "stops publishing" not in pricing
    assert "do not fall because of the index alone" not in flat(all_text(d))


def test_finding9_first_review_floor_follows_the_floor_choice(catalogue):
    """The index-alone first review does not fall only where a floor is chosen (bracketed unless instructed)."""
    floored = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band",
                                    ("  scope: whole_homes\n", "  scope: whole_homes\n  price_floor_zero: true\n")),
                               "open-book.price-review"))
    assert "The factor is never less than one" in floored
    assert "from that date, but do not fall if the index falls." in floored  # instructed: no brackets
    proposed = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band"), "open-book.price-review"))
    assert "from that date[, but do not fall if the index falls]." in proposed  # floor proposed in brackets
    plain = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band",
                                  ("  scope: whole_homes\n", "  scope: whole_homes\n  price_floor_zero: false\n")),
                             "open-book.price-review"))
    assert "do not fall if the index falls" not in plain and "never less than one" not in plain


def test_finding4_collar_note_gives_the_shortfall_and_asks_about_a_pass_through(catalogue):
    """ob-fresh 4: the note puts a figure on what the collar leaves with the provider on a 10% overrun and
    asks for instructions on passing through costs outside its control."""
    d = open_book_doc(catalogue, "adult-care-sharing-band")
    n = flat(note(d, "open-book.price-review"))
    assert "a year less than those costs and the Reasonable Profit, and" in n
    assert "take instructions on letting through the excess that comes from pay rates" in n
    quiet = flat(note(open_book_doc(catalogue, "adult-care-sharing-band",
                           ("open_book_price_review: rebase", "open_book_price_review: index")), "open-book.price-review"))
    assert "letting through the excess" not in quiet


def _cover(catalogue, price):
    def change(data):
        data["open_book"]["unit_prices"][0]["price"] = price
    return [f for f in open_book_result(catalogue, OB_CHARITY, change).findings if f.rule == "OPEN-BOOK-PRICES-COVER"]


def test_prices_below_cost_and_profit_but_above_cost_are_an_info(catalogue):
    """r31 ob tool note 12: a provider that bid a margin below the cap still covers its budgeted costs; the finding
    records the lower margin as an info, not a warning that the prices fail to cover the full cost."""
    [found] = _cover(catalogue, 4800)
    assert found.severity == "info"
    assert "they cover the budgeted Allowable Costs with a margin of" in found.message
    assert "cannot be said to cover the full cost" not in found.message


def test_prices_below_the_budgeted_costs_stay_a_warning(catalogue):
    [found] = _cover(catalogue, 3000)
    assert found.severity == "warning" and "cannot be said to cover the full cost" in found.message


def test_prices_clause_says_budgeted_allowable_costs_where_overheads_exceed_the_cap(catalogue):
    """Self-review of the supported accommodation sample: where the budgeted overheads exceed the Overhead Cap,
    recital (C) says the Prices recover the budgeted Allowable Costs, so clause 5.1 must not say they cover the full
    cost. Quiet: the children's homes sample, whose overheads are within the cap, keeps "the full cost"."""
    over = flat(clause_text(open_book_result(catalogue, OB_SUBSIDIARY).document, "open-book.pricing"))
    assert "cover the budgeted Allowable Costs of the Supported Accommodation Services and the Reasonable Profit" in over
    assert "cover the full cost" not in over
    within = flat(clause_text(open_book_result(catalogue, OB_CHARITY).document, "open-book.pricing"))
    assert "cover the full cost of the Care Services and the Reasonable Profit" in within


def test_price_cut_for_an_overstated_cost_model_is_bracketed_and_listed_unless_agreed(catalogue):
    """r32 ob-fresh finding 10: the Council's right to cut the Prices for an overstated cost model was not in the
    sheet and nothing flagged it; it is in brackets, with a materiality threshold and the Independent Accountant as
    the dispute route, and listed among the assumptions."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    t = flat(clause_text(doc, "open-book.pricing"))
    assert "[If the cost model overstated what the Direct Costs or the Overheads" in t
    assert "by more than [2%] of the Allowable Costs it budgets for that year" in t
    assert "or about the reduction, is decided under clause" in t and "remedy of the Council for a breach of this warranty." in t
    assert "right to reduce the Prices where the cost model overstated the costs by more than [2%]" in flat(all_text(doc))


def test_price_cut_agreed_in_the_sheet_is_not_bracketed(catalogue):
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE,
                        ("  related_parties:\n", "  overstatement_price_cut_agreed: true\n  related_parties:\n"))
    t = flat(clause_text(doc, "open-book.pricing"))
    assert " If the cost model overstated what the Direct Costs" in t and "[If the cost model" not in t
    assert "right to reduce the Prices where the cost model overstated" not in flat(all_text(doc))
