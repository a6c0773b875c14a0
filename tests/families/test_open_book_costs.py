"""Open-book Allowable Costs: what the cost base counts and leaves out (excluded services, disallowed costs and their
limits, directors' pay against the market salary, one-to-one hours), and the costs note's flags on budget lines the
categories do not name."""

from __future__ import annotations

from decimal import Decimal

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import clause_text, document_of, document_text, flat, note
from tests.families.conftest import (
    OB_BREAKS, OB_CHARITY, OB_CHEVIOT, OB_GREYSTONE, OB_HOMECARE, OB_KELVERTON, open_book_doc,
    open_book_document, open_book_draft_text, open_book_notes, open_book_result,
)


def _costs_note(res):
    return next(s for s in res.document.schedules if s.id == "common.open-book-schedule-costs").note or ""


def _with_disallowed(catalogue, tmp_path, items):
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import DRAFT_DATE
    source = OB_CHARITY.read_text()
    assert source.count("  disallowed_costs:\n") == 1
    path = tmp_path / "sheet.yaml"
    path.write_text(source.replace("  disallowed_costs:\n", "  disallowed_costs:\n" + "".join(
        f'    - "{item}"\n' for item in items)))
    return flat(document_text(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)))


def test_excluded_services_are_out_of_the_open_book_on_both_sides(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS, lambda d: d["services"].update(
        excluded_services=["the day sessions at Kestrel Lodge, which the Council buys under its framework"]))
    assert "but not the Excluded Services (see clause" in text
    assert ("The Excluded Services are not Open-Book Services: the fees received for them are not Service Income, "
            "and the costs only of providing them are not Allowable Costs.") in text
    assert "staff, rooms and vehicles also used for the Excluded Services" in text
    plain = open_book_draft_text(catalogue, OB_BREAKS)
    assert "Excluded Services" not in plain


def test_a_directors_pay_counts_only_up_to_the_market_salary_whoever_approved_it(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS)
    assert ("A director's pay and employer's costs count only up to the market salary for the role the director "
            "performs in the Open-Book Services, as shown by benchmark evidence Ashdown gives the Council on request, "
            "whoever approved them.") in text


def test_a_cost_line_in_gbp_is_printed_in_pounds():
    from assembler.termsheet.open_book import CostLine
    assert CostLine(item="Premises (rent GBP 42,000, utilities)", amount=66000).item == "Premises (rent £42,000, utilities)"


def test_full_cost_open_book_uses_allowable_costs_not_a_second_cost_base(catalogue):
    """ob-sample finding 10: no redundant Cost Base, no circular "Where clause X applies a profit rate"."""
    res = open_book_result(catalogue, "childrens-homes-charity.yaml")
    text = document_text(res)
    assert "Cost Base" not in text
    assert "applies a profit rate to costs" not in text
    assert "The Reasonable Profit is worked out on the Allowable Costs" in text
    assert "Cost Base" not in [d.term for d in res.document.definitions]


def test_direct_cost_variant_keeps_its_cost_base(catalogue):
    res = open_book_result(catalogue, "adult-care-sharing-band.yaml")
    assert "Cost Base" in document_text(res)
    assert "Cost Base" in [d.term for d in res.document.definitions]


def test_costs_note_names_budget_lines_outside_the_categories_and_undefined_plans(catalogue):
    """ob-fresh finding 7: the draft itself says which budget lines the closed list misses, with the amounts,
    and that a category names a plan the agreement never creates."""
    def change(d):
        d["open_book"]["cost_model"]["direct_lines"][4]["item"] = "Ofsted registration, annual fees and legal advice"
        d["open_book"]["allowable_costs"][2] = "Agency and relief staff, up to the level the Annual Plan agrees"
    note = _costs_note(open_book_result(catalogue, "childrens-homes-charity.yaml", change))
    assert '"Ofsted registration, annual fees and legal advice" (£12,000; no category uses the words "advice" and "legal").' in note
    assert 'refers to "the Annual Plan", which this agreement does not define or create' in note
    assert "any higher amount the Council approves in writing" in note


def test_costs_note_is_quiet_when_every_line_is_covered(catalogue):
    note = _costs_note(open_book_result(catalogue, "childrens-homes-charity.yaml"))
    assert "clearly covers" not in note and "does not define or create" not in note


def test_costs_note_does_not_flag_a_line_a_category_names(catalogue):
    """Finding 3: 'Mobilisation (first year only)' is covered by the mobilisation category; 'only' is no cost."""
    res = open_book_result(catalogue, OB_KELVERTON)
    n = open_book_notes(res)
    assert "Mobilisation (first year only)" not in n and "not named" not in n and "clearly covers" not in n
    assert not [f for f in res.findings if f.rule == "OPEN-BOOK-BUDGET-CATEGORY"]


def test_costs_note_still_flags_a_line_no_category_names(catalogue, tmp_path):
    def change(data):
        data["open_book"]["cost_model"]["direct_lines"][7]["item"] = "Mobilisation and legal advice (first year only)"
    n = open_book_notes(open_book_result(catalogue, OB_KELVERTON, change))
    assert '(£9,500; no category uses the words "advice" and "legal").' in n


def test_cost_base_does_not_repeat_the_donations_rule(catalogue):
    """Finding 14: clause 11 no longer repeats the donations rule of 9.6(f) and 10.3."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "No cost counts towards the Allowable Costs more than once." in text
    assert "does not count towards them, to the extent it is met from it" not in text


def test_a_disallowed_benchmark_or_valuation_follows_the_later_one(catalogue, tmp_path):
    """r23 ob-fresh 12: a directors' pay benchmark fixed 'at the first reconciliation' and a rent ceiling fixed at a
    dated valuation give way to later benchmark evidence (clause 11) and the latest valuation at a rent review
    (clause 15), so the two clauses set one test."""
    text = _with_disallowed(catalogue, tmp_path, [
        "Directors' pay above the market rate for the role, as benchmarked at the first reconciliation",
        "Rent paid to the Trust's property company above the market rent in the independent valuation of 1 May 2026"])
    assert "The market rate for a director's role in clause 9.6 is the rate shown by the latest benchmark, including any later benchmark evidence the Trust gives under clause 10.4." in text
    assert "After a rent review, the market rent in clause 9.6 is the market rent in the latest valuation under clause 14.3(a)." in text


def test_no_benchmark_or_valuation_item_no_sentence(catalogue):
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "latest benchmark" not in text and "latest valuation under" not in text


def test_one_to_one_cost_is_one_figure_and_a_differing_line_is_flagged(catalogue):
    """ob-fresh 6: the re-basing uses the cost model's own line for the one-to-one hours (£32,000), not 1,500 x £21.40
    = £32,100, and the costs schedule note asks for one figure (the line at £32,100 or £21.33 an hour)."""
    ob = read_termsheet(OB_GREYSTONE, catalogue).model.open_book
    [v] = ob.variable_lines
    assert v["amount"] == Decimal("32000") and v["computed"] == Decimal("32100.00") and v["differs"]
    assert ob.core_rebase["var_cost"] == Decimal("32000")
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert '(£32,000, the line "Additional one-to-one support hours" in Part 1 of Schedule 2)' in body
    n = flat(note(d, "common.open-book-schedule-costs"))
    assert "come to £32,100" in n and "or the variable cost at £21.33 an hour" in n


def test_matching_one_to_one_line_gives_no_note(catalogue):
    """Quiet: with the line restated at £32,100 the figures agree and no note is added."""
    text = OB_GREYSTONE.read_text().replace('"Additional one-to-one support hours", amount: 32000}',
                                         '"Additional one-to-one support hours", amount: 32100}')
    text = text.replace("direct_costs: 948,000", "direct_costs: 948,100")
    d = open_book_document(catalogue, text)
    assert "so that the draft uses one figure" not in flat(note(d, "common.open-book-schedule-costs"))


def test_directors_pay_follows_the_disallowed_cost_limit(catalogue):
    """ob-fresh 7: the sheet disallows directors' fees above the Registered Manager salary, so 11.4 counts a
    director's pay only up to that limit, not a market salary (two different caps)."""
    body = clause_text(open_book_doc(catalogue, OB_GREYSTONE), "open-book.scope", flat=True)
    assert "count only up to the limit on directors' pay in clause 10.6" in body
    assert "market salary" not in body


def test_directors_pay_market_salary_without_a_limit(catalogue):
    """Quiet: without a directors' pay limit among the Disallowed Costs the market-salary test stays."""
    path = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"
    assert not read_termsheet(path, catalogue).model.open_book.director_pay_limited
    assert "market salary for the role" in clause_text(open_book_doc(catalogue, path), "open-book.scope", flat=True)


def test_limits_outside_the_closed_list_get_bracketed_categories(homecare_doc):
    costs = clause_text(homecare_doc, "common.open-book-costs", flat=True)
    assert "the rest of that cost is one of the Allowable Costs only if it falls within a category listed in" in costs
    assert "borrowing not used for the Open-Book Services" in costs and "the provider's" not in costs
    sched = clause_text(homecare_doc, "common.open-book-schedule-costs")
    assert "[Agency staff costs up to £24 an hour, including the agency's fee]." in sched
    assert "[Interest and other finance costs of borrowing used for the Open-Book Services];" in sched


def test_a_covered_limit_is_quiet(catalogue):
    text = OB_HOMECARE.read_text().replace(
        "    - CQC registration fees for the two branches\n",
        "    - CQC registration fees for the two branches\n"
        "    - Agency care workers' charges, including the agency's fee\n"
        "    - Interest on working-capital borrowing\n")
    d = document_of(catalogue, text)
    assert "[Agency staff" not in clause_text(d, "common.open-book-schedule-costs")
    assert "the rest of that cost" not in clause_text(d, "common.open-book-costs", flat=True)


def test_director_salaries_shown_for_the_cap(homecare_doc):
    sched = clause_text(homecare_doc, "common.open-book-schedule-costs", flat=True)
    assert "The salaries of Tillbrook's directors included in the cost model, for clause" in sched
    assert "Declan Featherstone (Managing Director), £[" in sched


def test_director_salary_in_the_cost_model_is_quiet(catalogue):
    text = OB_HOMECARE.read_text().replace(
        "    overheads: 172900\n",
        "    overheads: 172900\n    overhead_lines:\n      - {item: 'Directors: salaries', amount: 90000}\n"
        "      - {item: 'Central overheads', amount: 82900}\n")
    d = document_of(catalogue, text)
    assert "The salaries of Tillbrook's directors" not in clause_text(d, "common.open-book-schedule-costs", flat=True)


def test_directors_pay_cap_points_to_a_bracketed_line_in_schedule_2(catalogue):
    """ob-fresh 3: 'directors' pay above the amounts set out in the cost model' with no director line in the cost
    model: 9.6(b) now points to Part 1 of Schedule 2, which states each director's pay in brackets, and the note
    says to take the figures. Quiet: the sample has no such limit."""
    d = open_book_doc(catalogue, OB_CHEVIOT)
    assert "directors' pay above the amounts stated in Part 1 of Schedule 2, and any bonus" in clause_text(
        d, "common.open-book-costs", flat=True)
    sched = clause_text(d, "common.open-book-schedule-costs", flat=True)
    assert "Gareth Ilderton (Director and Responsible Individual), £[salary of Gareth Ilderton] a year" in flat(sched)
    assert "no line of the cost model shows it" in flat(note(d, "common.open-book-schedule-costs"))
    quiet = open_book_doc(catalogue, OB_CHARITY)
    assert "Part 1 states each director's pay" not in flat(note(quiet, "common.open-book-schedule-costs"))


def _category_findings(catalogue, item: str, category: str | None = None):
    def change(data):
        data["open_book"]["cost_model"]["direct_lines"][7]["item"] = item
        if category:
            data["open_book"]["allowable_costs"].append(category)
    res = open_book_result(catalogue, OB_KELVERTON, change)
    return [f for f in res.findings if f.rule == "OPEN-BOOK-BUDGET-CATEGORY"]


def test_a_plural_in_ses_matches_its_singular_category(catalogue):
    """r31 ob tool note 9: "Minibuses" was cut to "minibuse", which the category "Minibus leases ..." never matched;
    the same held for "buses", "courses" and "businesses"."""
    assert not _category_findings(catalogue, "Minibuses", "Minibus leases, fuel, insurance and running costs")
    assert not _category_findings(catalogue, "Courses and licences", "Training course and licence fees")


def test_a_plural_no_category_names_is_still_flagged_by_its_own_word(catalogue):
    [found] = _category_findings(catalogue, "Minibuses")
    assert "(minibuses)" in found.message and "minibuse)" not in found.message


def test_inferred_shared_costs_line_asks_the_provider_to_confirm(catalogue):
    """r31 ob-fresh 13: the draft infers the line of costs shared between the homes (total less each home's own);
    the costs schedule note gives the figure and asks the provider to confirm it."""
    n = flat(note(open_book_doc(catalogue, "childrens-homes-charity"), "common.open-book-schedule-costs"))
    assert 'The line "Costs shared between the homes" (£335,000) is not in the instructions' in n
    assert "less the homes' own direct costs (£2,320,000)" in n


def test_no_shared_costs_note_when_the_homes_add_up(catalogue):
    """Quiet: where the homes' own costs make up the whole, there is no inferred line to confirm."""
    n = flat(note(open_book_doc(catalogue, "childrens-homes-charity", ("direct_costs: 520000", "direct_costs: 855000")),
                  "common.open-book-schedule-costs"))
    assert "Costs shared between" not in n


def test_filler_words_do_not_put_a_line_outside_the_categories(catalogue):
    """r35 ob-fresh 10: "holiday included", "about 380,600 business miles" and "Two locality offices" were flagged
    for the words "included", "about" and "two", which say nothing about what the cost is."""
    assert not _category_findings(catalogue, "Support workers' pay, holiday included",
                                  "Support workers' pay, holiday and on-costs")
    assert not _category_findings(catalogue, "Mileage at 45p a mile (about 380,600 business miles)",
                                  "Mileage for business miles")
    assert not _category_findings(catalogue, "Two locality offices: rent and rates", "Locality offices: rent and rates")


def test_a_real_word_beside_filler_is_still_flagged(catalogue):
    """Firing: the filler words are ignored, the word that names a cost no category covers is not."""
    [found] = _category_findings(catalogue, "Two locality offices: rent and telescopes", "Locality offices: rent")
    assert "(telescopes)" in found.message and "two" not in found.message
