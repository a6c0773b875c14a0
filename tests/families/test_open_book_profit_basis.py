"""Open-book: what the draft says the profit is measured on. Recital (C) names the base the profit rate applies to
(Direct Costs under the direct-cost base) and says the Prices recover the budgeted Allowable Costs, not the full
cost, where the budgeted overheads are above the Overhead Cap; the cost-base note gives the profit forgone on the
Overheads in figures; the sharing-band note counts percentage points in good English; the costs note does not call
the draft's own Disallowed Costs additions to a list the instructions never gave; the hard-cap note does not send a
supported accommodation provider to a children's homes profit-cap power that does not reach it."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_ADULT, OB_CHARITY, OB_SUBSIDIARY, open_book_doc

_RECITALS = "open-book.recitals"
_OVERHEADS = "    overheads: 160000\n"  # the subsidiary sample's budgeted overheads, £15,000 above its 10% cap


def test_recital_c_names_direct_costs_under_the_direct_cost_base(catalogue):
    text = clause_text(open_book_doc(catalogue, OB_ADULT), _RECITALS, flat=True)
    assert "a Reasonable Profit of 4% of the Society's Direct Costs" in text
    assert "between 4% and 7% of its Direct Costs" in text
    assert "[[" not in text


def test_recital_c_says_costs_under_the_full_cost_base(catalogue):
    # quiet: the same sheet on the standard cost base keeps the plain word
    doc = open_book_doc(catalogue, OB_ADULT, ("  open_book_cost_base: direct-cost\n", ""))
    text = clause_text(doc, _RECITALS, flat=True)
    assert "a Reasonable Profit of 4% of the Society's costs" in text
    assert "between 4% and 7% of its costs" in text
    assert "Direct Costs" not in text


def test_recital_c_says_allowable_costs_where_overheads_are_over_the_cap(catalogue):
    doc = open_book_doc(catalogue, OB_SUBSIDIARY)
    text = clause_text(doc, _RECITALS, flat=True)
    assert "the Prices are set to recover the budgeted Allowable Costs of the Supported Accommodation Services" in text
    assert "full budgeted cost" not in text
    assert ("Recital (C) says the Prices recover the budgeted Allowable Costs, not the full cost: the budgeted "
            "overheads are £15,000 above the Overhead Cap, and the Company bears that amount itself.") in flat(
                note(doc, _RECITALS))


def test_recital_c_says_full_cost_where_overheads_are_within_the_cap(catalogue):
    doc = open_book_doc(catalogue, OB_SUBSIDIARY, (_OVERHEADS, "    overheads: 145000\n"))
    text = clause_text(doc, _RECITALS, flat=True)
    assert "the Prices are set to recover the full budgeted cost of the Supported Accommodation Services" in text
    assert "Recital (C) says" not in note(doc, _RECITALS)


def test_direct_cost_note_gives_the_profit_forgone_on_overheads(catalogue):
    doc = open_book_doc(catalogue, OB_ADULT)
    text = flat(note(doc, "common.open-book-cost-base"))
    assert ("on the budget, 4% of the Direct Costs is £47,370.02, against £51,850.02 on all the Allowable Costs, "
            "£4,480 a year less") in text
    assert "whole Cost Base" not in text
    assert "deducted in working out the Actual Profit" in clause_text(doc, "common.open-book-cost-base", flat=True)


def test_sharing_band_note_says_one_percentage_point(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_ADULT), "common.open-book-profit-cap"))
    assert "the top of the band, 7%, is 1 percentage point above it" in text
    assert "1 percentage points" not in text


def test_sharing_band_note_keeps_the_plural_for_a_wider_gap(catalogue):
    doc = open_book_doc(catalogue, OB_ADULT, ("    upper_margin: 7\n", "    upper_margin: 8\n"))
    assert "the top of the band, 8%, is 2 percentage points above it" in flat(note(doc, "common.open-book-profit-cap"))


def test_sharing_band_note_at_the_benchmark(catalogue):
    doc = open_book_doc(catalogue, OB_ADULT, ("    upper_margin: 7\n", "    upper_margin: 6\n"))
    text = flat(note(doc, "common.open-book-profit-cap"))
    assert "the top of the band, 6%, is the same as the benchmark" in text
    assert "0 percentage points" not in text


def test_costs_note_when_no_disallowed_costs_were_instructed(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_ADULT), "common.open-book-costs"))
    assert ("Items (a), (b), (c) and (d) of the Disallowed Costs are the draft's own, because the instructions list "
            "no Disallowed Costs: confirm them with the client") in text
    assert "instructed list" not in text


def test_costs_note_when_disallowed_costs_were_instructed(catalogue):
    # quiet: a sheet that lists its own Disallowed Costs keeps the note on the draft's additions
    text = flat(note(open_book_doc(catalogue, OB_SUBSIDIARY), "common.open-book-costs"))
    assert "Items (b), (c) and (d) of the Disallowed Costs are the draft's own additions to the instructed list" in text
    assert "the instructions list no Disallowed Costs" not in text


def test_profit_cap_note_on_supported_accommodation_and_the_children_s_homes_cap(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_SUBSIDIARY), "common.open-book-profit-cap"))
    assert "it does not reach supported accommodation, so no statutory cap limits this one" in text
    assert "before relying on a higher cap" not in text


def test_profit_cap_note_on_children_s_homes_keeps_the_check(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_CHARITY), "common.open-book-profit-cap"))
    assert "regulations under it had been found when this draft was prepared: check again, and what cap any regulations set, before relying on a higher cap" in text
    assert "does not reach supported accommodation" not in text


def test_related_parties_note_on_supported_accommodation(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_SUBSIDIARY), "common.open-book-related-parties"))
    assert "does not reach supported accommodation, so this clause is the only control on them here" in text
    assert "Where the provider runs children's homes or fostering agencies" not in text


def test_related_parties_note_on_children_s_homes(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_CHARITY), "common.open-book-related-parties"))
    assert "Where the provider runs children's homes or fostering agencies in England" in text


def test_related_parties_note_calls_supported_accommodation_settings_settings(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_SUBSIDIARY), "common.open-book-related-parties"))
    assert "a rent from a property company that owns the settings outright" in text
    assert "owns the homes outright" in flat(note(open_book_doc(catalogue, OB_ADULT), "common.open-book-related-parties"))


def _reporting_note(doc):
    return flat(next(s for s in doc.schedules if s.id == "common.open-book-schedule-reporting").note or "")


def test_reporting_note_says_what_the_agreed_level_means(catalogue):
    text = _reporting_note(open_book_doc(catalogue, OB_ADULT))
    assert "The instructions ask for the usual level: actual costs against the cost model each period" in text
    assert '"cost-model"' not in text


def test_reporting_note_for_the_full_level(catalogue):
    doc = open_book_doc(catalogue, OB_ADULT, ("  level: cost-model\n", "  level: full\n"))
    text = _reporting_note(doc)
    assert "The instructions ask for the fullest level" in text
    assert "the usual level" not in text


def test_sharing_band_note_puts_a_direct_cost_cap_on_the_benchmark_s_base(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_ADULT), "common.open-book-profit-cap"))
    assert ("here the cap is on the Direct Costs only, so on the budget the Reasonable Profit of £47,370.02 is 3.65% "
            "of all the Allowable Costs, Overheads included") in text


def test_sharing_band_note_on_the_full_cost_base_has_no_conversion(catalogue):
    doc = open_book_doc(catalogue, OB_ADULT, ("  open_book_cost_base: direct-cost\n", ""))
    text = flat(note(doc, "common.open-book-profit-cap"))
    assert "confirm that the benchmark is measured on the same base as the cap." in text
    assert "here the cap is on the Direct Costs only" not in text


def test_information_note_names_the_reporting_level_in_words(catalogue):
    doc = open_book_doc(catalogue, OB_SUBSIDIARY)
    text = flat(note(doc, "common.open-book-information"))
    assert "Open-Book Reports at the level of detail agreed (actual costs against the cost model)" in text
    assert '("cost-model")' not in text


def _costs_schedule_note(doc):
    return flat(next(s for s in doc.schedules if s.id == "common.open-book-schedule-costs").note or "")


def test_costs_schedule_note_when_the_allocation_method_is_instructed(catalogue):
    text = _costs_schedule_note(open_book_doc(catalogue, OB_ADULT))
    assert "The overhead allocation method in the schedule is the instructed one" in text
    assert "must come from the provider's accounts" not in text


def test_costs_schedule_note_when_no_allocation_method_is_given(catalogue):
    doc = open_book_doc(catalogue, OB_ADULT, (
        "    overhead_allocation: the services' share of the provider's total care staff hours\n", ""))
    text = _costs_schedule_note(doc)
    assert "The overhead allocation method must come from the provider's accounts" in text
