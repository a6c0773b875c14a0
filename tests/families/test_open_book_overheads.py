"""Open-book Overhead Cap: one base (all the Direct Costs, or the staff costs among them) in the definition, the
reconciliation schedule, the worked example and the notes."""

from __future__ import annotations

import pytest

from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import read_termsheet, validate
from tests.families.clause_texts import (
    all_text, clause_text, definition, document_of, document_text, flat, note,
)
from tests.families.conftest import (
    OB_ALDERBECK, OB_CHARITY, open_book_doc, open_book_note_of, open_book_result,
)


def _staff(text: str) -> str:
    return text.replace("  overhead_cap_base: direct_costs\n", "  overhead_cap_base: staff_costs\n")


def _unstated(text: str) -> str:
    """The sample without its explicit base: overhead_basis staff_costs left to be read."""
    return text.replace("  overhead_cap_base: direct_costs\n", "")


def test_staff_costs_allocation_is_read_as_allocation_and_the_note_gives_the_other_reading(catalogue):
    """r27 ob-sample 3: overhead_basis staff_costs is how overheads are allocated; the cap stays on the Direct Costs
    and the note records the reading with the figures of a cap on staff costs."""
    doc = document_of(catalogue, _unstated(OB_CHARITY.read_text()))
    assert definition(doc, "Overhead Cap") == "12% of the Direct Costs that are Allowable Costs in each Reconciliation Period"
    n = flat(note(doc, "common.open-book-costs"))
    assert "the Overhead Cap is 12% of all the Direct Costs (£318,600 on the budget, so all the budgeted overheads of " \
           "£300,000 count)" in n
    assert "If the cap is meant to be on staff costs (£1,950,000 budgeted), it is £234,000: the budgeted overheads are " \
           "£66,000 above it, the budgeted Allowable Costs fall to £2,889,000" in n


def test_cap_on_staff_costs_is_one_base_everywhere(catalogue):
    doc = document_of(catalogue, _staff(OB_CHARITY.read_text()))
    assert "are the pay, employer's National Insurance contributions and employer's pension contributions of staff " \
           "working in the Open-Book Services (agency and relief staff included), in each Reconciliation Period" \
           in definition(doc, "Overhead Cap")
    text = flat(all_text(doc))
    assert "Overhead Cap (12% of staff costs of £1,950,000) £234,000" in text
    assert "the Overhead Cap of 12% of the Direct Costs that are Allowable Costs for the pay of staff working in the " \
           "Open-Book Services" in text
    assert "so the Excess Profit is £69,600" in text
    n = flat(note(doc, "common.open-book-costs"))
    assert "As instructed, the Overhead Cap is 12% of the staff costs (£234,000 on the budgeted £1,950,000)" in n
    assert "Take instructions on which base the cap uses" not in n


def test_cap_on_staff_costs_needs_the_staff_costs(catalogue):
    text = _staff(OB_CHARITY.read_text()).replace("    staff_costs: 1950000\n", "")
    with pytest.raises(Exception, match="cost_model.staff_costs is empty"):
        validate(load_text(text, "t.yaml"), catalogue)


LISTED = ("    - Residents' food, activities and transport\n",
          "    - Residents' food, activities and transport\n"
          "    - Central overheads (finance, payroll, HR, IT and governance) up to the overhead cap\n")


def test_overheads_are_allocated_to_the_homes_once_then_apportioned_once(catalogue):
    """Finding 8 / ob-sample 10: Sch 2 allocates to the homes as a whole; clause 11.1 alone apportions."""
    text = document_text(open_book_result(catalogue, "supported-accommodation-subsidiary.yaml"))
    assert "to the premises at which it delivers the Open-Book Services, taking all their places together" in text
    assert "in no other way" in text
    assert "as if all their places were Open-Book Services" not in text
    assert "staff working in the Open-Book Services bear to" not in text


def test_whole_homes_keeps_the_single_allocation_to_the_services(catalogue):
    text = document_text(open_book_result(catalogue, "childrens-homes-charity.yaml"))
    assert "allocates Overheads to the Open-Book Services for each Reconciliation Period" in text
    assert "in no other way" not in text


def test_a_cost_in_an_overhead_category_is_never_a_direct_cost(catalogue):
    """ob-fresh 3: Alderbeck's Direct Cost category 'The electronic care planning system and head office management,
    finance, payroll and HR' repeats an Overhead line; Part 3 now makes such a cost an Overhead, and the note names
    the overlap. Quiet: the sample has no overlapping category, so no note."""
    cr = read_termsheet(OB_ALDERBECK, catalogue).model.open_book.overhead_overlaps
    assert cr == [("The electronic care planning system and head office management, finance, payroll and HR",
                   "Head office management, finance, payroll and HR")]
    d = open_book_doc(catalogue, OB_ALDERBECK)
    assert ("A cost that falls within one of the categories of Overheads counts among the Overheads and never among "
            "the Direct Costs") in clause_text(d, "common.open-book-schedule-costs", flat=True)
    assert "includes the Overhead line \"Head office management, finance, payroll and HR\"" in flat(
        note(d, "common.open-book-schedule-costs"))
    assert read_termsheet(OB_CHARITY, catalogue).model.open_book.overhead_overlaps == []
    assert "includes the Overhead line" not in flat(note(open_book_doc(catalogue, OB_CHARITY), "common.open-book-schedule-costs"))


def test_schedule_3_uses_the_overhead_cap_definition(catalogue):
    """Finding 13: Schedule 3 Part 1 states the Overhead Cap in the definition's words."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "the Overhead Cap of 12% of the Direct Costs that are Allowable Costs." in text


def test_costs_note_says_where_the_pound_above_the_cap_would_have_gone(catalogue):
    """r23 ob-fresh 20: where Excess Profit goes to the Reinvestment Fund, an extra pound of cost above the cap does
    not "come back" to the Council; it comes out of the fund. A refund deal keeps the refund wording."""
    note = open_book_note_of(open_book_result(catalogue, OB_CHARITY), "common.open-book-costs")
    assert "takes the whole pound from the Excess Profit that would otherwise have gone into the Reinvestment Fund" in note
    assert "would otherwise have come back as Excess Profit" not in note
    refund = open_book_note_of(open_book_result(catalogue, "supported-accommodation-subsidiary.yaml"), "common.open-book-costs")
    assert "would otherwise have come back as Excess Profit" in refund


def test_finding12_overheads_follow_the_listed_categories(catalogue):
    """ob-fresh 12 (and ob-homecare 6): where the sheet lists overhead categories, the definition of Overheads
    points to them and no longer adds premises the list leaves out."""
    doc = open_book_doc(catalogue, "adult-care-sharing-band", LISTED)
    t = flat(all_text(doc))
    assert "central costs, in the categories listed for Overheads in Schedule 2, fairly allocated" in t
    assert "premises not used for the Open-Book Services" not in t
    assert "Central overheads (finance, payroll, HR, IT and governance)" in flat(
        clause_text(doc, "common.open-book-schedule-costs"))


def test_finding12_quiet_without_listed_overheads(catalogue):
    """Quiet: a sheet that lists no overhead categories keeps the general description the Schedule relies on."""
    t = flat(all_text(open_book_doc(catalogue, "adult-care-sharing-band")))
    assert "premises not used for the Open-Book Services" in t
    assert "in the categories listed for Overheads" not in t


def test_explicit_cap_on_direct_costs_is_as_instructed_and_flags_no_other_reading(catalogue):
    """r32 ob-sample F1: the sample states overhead_cap_base: direct_costs, so the costs note says "as instructed" and
    no longer offers the cap on staff costs as another reading (the allocation key stays staff costs)."""
    n = flat(note(document_of(catalogue, OB_CHARITY.read_text()), "common.open-book-costs"))
    assert "As instructed, the Overhead Cap is 12% of all the Direct Costs (£318,600 on the budget, so all the " \
           "budgeted overheads of £300,000 count), and staff costs are only the measure by which overheads are " \
           "allocated" in n
    assert "If the cap is meant to be on staff costs" not in n
    assert "Take instructions on which base the cap uses" not in n


def test_unstated_base_still_flags_the_other_reading(catalogue):
    """Quiet counterpart: with the base left out, the note keeps the reading and the figures of the other one."""
    n = flat(note(document_of(catalogue, _unstated(OB_CHARITY.read_text())), "common.open-book-costs"))
    assert "As instructed, the Overhead Cap is 12% of all the Direct Costs" not in n
    assert "Take instructions on which base the cap uses" in n
