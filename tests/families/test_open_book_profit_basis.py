"""Open-book: what the draft says the profit is measured on. Recital (C) names the base the profit rate applies to
(Direct Costs under the direct-cost base) and says the Prices recover the budgeted Allowable Costs, not the full
cost, where the budgeted overheads are above the Overhead Cap; the cost-base note gives the profit forgone on the
Overheads in figures; the sharing-band note counts percentage points in good English; the costs note does not call
the draft's own Disallowed Costs additions to a list the instructions never gave; the hard-cap note does not send a
supported accommodation provider to a children's homes profit-cap power that does not reach it. Each subject is one
test run on the sheets (or a sample with a value changed) that take its wordings: what each draft must say, and what
it must not."""

from __future__ import annotations

import pytest

from tests.families.clause_texts import clause_text, flat, note, says
from tests.families.conftest import OB_ADULT, OB_CHARITY, OB_SUBSIDIARY, open_book_doc

_RECITALS = "open-book.recitals"
_OVERHEADS = "    overheads: 160000\n"  # the subsidiary sample's budgeted overheads, £15,000 above its 10% cap
_FULL_COST = ("  open_book_cost_base: direct-cost\n", "")  # the adult sample on the standard (full) cost base


@pytest.mark.parametrize(("edits", "present", "absent"), [
    pytest.param((), ("a Reasonable Profit of 4% of the Society's Direct Costs",
                      "between 4% and 7% of its Direct Costs"),
                 ("[[",), id="names-direct-costs-under-the-direct-cost-base"),
    # quiet: the same sheet on the standard cost base keeps the plain word
    pytest.param((_FULL_COST,), ("a Reasonable Profit of 4% of the Society's costs", "between 4% and 7% of its costs"),
                 ("Direct Costs",), id="says-costs-under-the-full-cost-base"),
])
def test_recital_c_profit_base(catalogue, edits, present, absent):
    says(clause_text(open_book_doc(catalogue, OB_ADULT, *edits), _RECITALS, flat=True), present, absent)


@pytest.mark.parametrize(("edits", "present", "absent", "note_present", "note_absent"), [
    pytest.param((), ("the Prices are set to recover the budgeted Allowable Costs of the Supported Accommodation "
                      "Services",), ("full budgeted cost",),
                 ("Recital (C) says the Prices recover the budgeted Allowable Costs, not the full cost: the budgeted "
                  "overheads are £15,000 above the Overhead Cap, and the Company bears that amount itself.",), (),
                 id="allowable-costs-where-overheads-are-over-the-cap"),
    pytest.param(((_OVERHEADS, "    overheads: 145000\n"),),
                 ("the Prices are set to recover the full budgeted cost of the Supported Accommodation Services",), (),
                 (), ("Recital (C) says",), id="full-cost-where-overheads-are-within-the-cap"),
])
def test_recital_c_cost_recovered(catalogue, edits, present, absent, note_present, note_absent):
    doc = open_book_doc(catalogue, OB_SUBSIDIARY, *edits)
    says(clause_text(doc, _RECITALS, flat=True), present, absent)
    says(flat(note(doc, _RECITALS)), note_present, ())
    says(note(doc, _RECITALS), (), note_absent)


def test_direct_cost_note_gives_the_profit_forgone_on_overheads(catalogue):
    doc = open_book_doc(catalogue, OB_ADULT)
    text = flat(note(doc, "common.open-book-cost-base"))
    assert ("on the budget, 4% of the Direct Costs is £47,370.02, against £51,850.02 on all the Allowable Costs, "
            "£4,480 a year less") in text
    assert "whole Cost Base" not in text
    assert "deducted in working out the Actual Profit" in clause_text(doc, "common.open-book-cost-base", flat=True)


@pytest.mark.parametrize(("edits", "present", "absent"), [
    pytest.param((), ("the top of the band, 7%, is 1 percentage point above it",), ("1 percentage points",),
                 id="says-one-percentage-point"),
    pytest.param((("    upper_margin: 7\n", "    upper_margin: 8\n"),),
                 ("the top of the band, 8%, is 2 percentage points above it",), (),
                 id="keeps-the-plural-for-a-wider-gap"),
    pytest.param((("    upper_margin: 7\n", "    upper_margin: 6\n"),),
                 ("the top of the band, 6%, is the same as the benchmark",), ("0 percentage points",),
                 id="at-the-benchmark"),
    pytest.param((), ("here the cap is on the Direct Costs only, so on the budget the Reasonable Profit of £47,370.02 "
                      "is 3.65% of all the Allowable Costs, Overheads included",), (),
                 id="puts-a-direct-cost-cap-on-the-benchmark-s-base"),
    pytest.param((_FULL_COST,), ("confirm that the benchmark is measured on the same base as the cap.",),
                 ("here the cap is on the Direct Costs only",), id="on-the-full-cost-base-has-no-conversion"),
])
def test_sharing_band_note(catalogue, edits, present, absent):
    says(flat(note(open_book_doc(catalogue, OB_ADULT, *edits), "common.open-book-profit-cap")), present, absent)


@pytest.mark.parametrize(("sheet", "clause_id", "present", "absent"), [
    pytest.param(OB_ADULT, "common.open-book-costs",
                 ("Items (a), (b), (c) and (d) of the Disallowed Costs are the draft's own, because the instructions "
                  "list no Disallowed Costs: confirm them with the client",), ("instructed list",),
                 id="costs-when-no-disallowed-costs-were-instructed"),
    # quiet: a sheet that lists its own Disallowed Costs keeps the note on the draft's additions
    pytest.param(OB_SUBSIDIARY, "common.open-book-costs",
                 ("Items (b), (c) and (d) of the Disallowed Costs are the draft's own additions to the instructed "
                  "list",), ("the instructions list no Disallowed Costs",),
                 id="costs-when-disallowed-costs-were-instructed"),
    pytest.param(OB_SUBSIDIARY, "common.open-book-profit-cap",
                 ("it does not reach supported accommodation, so no statutory cap limits this one",),
                 ("before relying on a higher cap",), id="profit-cap-on-supported-accommodation"),
    pytest.param(OB_CHARITY, "common.open-book-profit-cap",
                 ("regulations under it had been found when this draft was prepared: check again, and what cap any "
                  "regulations set, before relying on a higher cap",), ("does not reach supported accommodation",),
                 id="profit-cap-on-children-s-homes-keeps-the-check"),
    pytest.param(OB_SUBSIDIARY, "common.open-book-related-parties",
                 ("does not reach supported accommodation, so this clause is the only control on them here",),
                 ("Where the provider runs children's homes or fostering agencies",),
                 id="related-parties-on-supported-accommodation"),
    pytest.param(OB_CHARITY, "common.open-book-related-parties",
                 ("Where the provider runs children's homes or fostering agencies in England",), (),
                 id="related-parties-on-children-s-homes"),
])
def test_note_follows_the_services(catalogue, sheet, clause_id, present, absent):
    says(flat(note(open_book_doc(catalogue, sheet), clause_id)), present, absent)


def test_related_parties_note_calls_supported_accommodation_settings_settings(catalogue):
    text = flat(note(open_book_doc(catalogue, OB_SUBSIDIARY), "common.open-book-related-parties"))
    assert "a rent from a property company that owns the settings outright" in text
    assert "owns the homes outright" in flat(note(open_book_doc(catalogue, OB_ADULT), "common.open-book-related-parties"))


def _schedule_note(doc, schedule_id: str) -> str:
    return flat(next(s for s in doc.schedules if s.id == schedule_id).note or "")


@pytest.mark.parametrize(("edits", "schedule_id", "present", "absent"), [
    pytest.param((), "common.open-book-schedule-reporting",
                 ("The instructions ask for the usual level: actual costs against the cost model each period",),
                 ('"cost-model"',), id="reporting-says-what-the-agreed-level-means"),
    pytest.param((("  level: cost-model\n", "  level: full\n"),), "common.open-book-schedule-reporting",
                 ("The instructions ask for the fullest level",), ("the usual level",),
                 id="reporting-for-the-full-level"),
    pytest.param((), "common.open-book-schedule-costs",
                 ("The overhead allocation method in the schedule is the instructed one",),
                 ("must come from the provider's accounts",), id="costs-when-the-allocation-method-is-instructed"),
    pytest.param((("    overhead_allocation: the services' share of the provider's total care staff hours\n", ""),),
                 "common.open-book-schedule-costs",
                 ("The overhead allocation method must come from the provider's accounts",), (),
                 id="costs-when-no-allocation-method-is-given"),
])
def test_schedule_note(catalogue, edits, schedule_id, present, absent):
    says(_schedule_note(open_book_doc(catalogue, OB_ADULT, *edits), schedule_id), present, absent)


def test_information_note_names_the_reporting_level_in_words(catalogue):
    doc = open_book_doc(catalogue, OB_SUBSIDIARY)
    text = flat(note(doc, "common.open-book-information"))
    assert "Open-Book Reports at the level of detail agreed (actual costs against the cost model)" in text
    assert '("cost-model")' not in text
