"""r23 ob-sample review (Meadowbank, a user-choice award with Core Places): the findings the ob22 lane fixed."""

from __future__ import annotations

import re

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import document_text
from tests.families.clause_texts import flat
from tests.families.conftest import OB_CHARITY, OPEN_BOOK_SAMPLES, open_book_note_of, open_book_result


def test_change_in_law_denominator_leaves_out_removed_units(catalogue):
    """Finding 6: after Core Places are removed, clause 6.2 divides by the income on the units still bought."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert ("the income the Prices then current would bring in for the expected units in Part 2 of Schedule 2, "
            "less the units removed under clause 5.8.") in text


def test_change_in_law_denominator_without_core_places_or_homes(catalogue):
    text = flat(document_text(open_book_result(catalogue, "supported-living-company.yaml")))
    assert "the change in Allowable Costs it causes in a full year divided by 0.95 bears to" in text
    assert "less the units removed under" not in text.split("bears to", 1)[1][:400]


def test_reinvestment_note_agrees_with_the_trust(catalogue):
    """Finding 7: the clause 13 note no longer calls the fund the charity's money while clause 13.3 holds it on
    trust for the Council."""
    note = open_book_note_of(open_book_result(catalogue, OB_CHARITY), "common.open-book-excess")
    assert "The money is the charity's" not in note
    assert "The fund is held on trust for the commissioner, so it is not the charity's own money" in note


def test_recital_note_gives_the_basis_for_new_placements_and_the_award_value(catalogue):
    """Finding 4: the note no longer treats a new placement as a s.74 modification and asks for the award record
    and its value, with the s.78 risk if the award was wider than user choice supports."""
    res = open_book_result(catalogue, OB_CHARITY)
    note = open_book_note_of(res, "open-book.recitals")
    assert "usually as a modification permitted by s.74" not in note
    assert "a further user-choice award recorded in the Individual Placement Agreement" in note
    assert "if the award was valued on all fourteen places for the whole term and the extension" in note
    assert "may be terminated under s.78" in note


def test_foi_note_says_in_one_line_what_to_check_on_section_53(catalogue):
    """Finding 10: the s.53 publication point is one line saying what to check, not 'has not been verified'."""
    note = open_book_note_of(open_book_result(catalogue, OB_CHARITY), "common.freedom-of-information")
    assert "has not been verified" not in note
    assert ("check whether section 53(5) excepts a light touch contract from publishing a copy of this Agreement, and "
            "section 77 from publishing a copy of a modification to it; if not, plan the redactions now") in note


def test_loose_references_point_at_the_paragraph(catalogue):
    """Finding 9: 7.8(a) names Part 2 of Schedule 1; Schedule 4 names the Service KPIs reported under 18.1."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "that the table in Part 2 of Schedule 1 gives" in text
    assert "the table of places in Schedule 1 gives" not in text
    assert "performance against each Service KPI due to be reported in it under clause 18.1" in text


def test_earlier_contract_is_listed_as_an_assumption_when_the_sheet_is_silent(catalogue):
    """Finding 11: the earlier contract between the Parties is an assumption in the clause 1 list, and the
    losses note asks for each child's leaving date or 18th birthday to model the day-one Prices."""
    res = open_book_result(catalogue, OB_CHARITY)
    joined = " | ".join(res.document.assumptions)
    assert "that the Trust already cares for the children placed under an earlier contract with the Council" in joined
    assert "this assumes the Trust already cares for them" not in open_book_note_of(res, "open-book.placements")
    assert "with the date each is expected to leave or turn 18" in open_book_note_of(res, "open-book.losses")


def test_earlier_contract_assumption_quiet_when_the_sheet_says(catalogue):
    import copy
    import dataclasses
    from assembler.termsheet.loader import load_file
    sheet = read_termsheet(OB_CHARITY, catalogue)
    data = copy.deepcopy(dict(load_file(OB_CHARITY).data))
    data["services"]["incumbent"] = True
    sheet = dataclasses.replace(sheet, model=type(sheet.model).model_validate(data))
    res = assemble(sheet, catalogue, today=DRAFT_DATE)
    assert "already cares for the children placed under an earlier contract" not in " | ".join(res.document.assumptions)
