"""Overnight short breaks bought by the night (services.short_breaks): nights allocated by a panel and
booked, a late cancellation paid at the void rate, a night cut short at the absence rate, and no
residential wording (fresh short-breaks review, 3 December 2026)."""

from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import document_text
from tests.families.conftest import OB_BREAKS, OB_CHARITY, open_book_draft_text


@pytest.fixture(scope="module")
def texts(catalogue):
    out = {}
    for path in (OB_BREAKS, OB_CHARITY):
        out[path.stem] = document_text(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE))
    return out


def test_late_cancellation_of_a_booked_night_is_paid_at_the_void_rate_and_nothing_else_is(texts):
    text = texts["short-breaks-charity"]
    assert ("If a Booked Night is cancelled by the child's family, or by the Council, less than 48 hours before it "
            "begins, and Ashdown cannot fill the bed with another child for that night, the Council must pay 60% of "
            "the Price for that night.") in text
    assert "keep an empty place available for it" not in text
    assert "The Council pays the Prices only for a Booked Night" in text


def test_a_night_cut_short_is_paid_at_the_absence_rate_once(texts):
    text = texts["short-breaks-charity"]
    assert "the Council pays 100% of the Price for that night" in text
    assert "No night is paid for under both this paragraph and that paragraph." in text
    assert "14 days after the notice" not in text


def test_nights_are_allocated_by_the_panel_and_the_legal_basis_is_given_for_each_child(texts):
    text = texts["short-breaks-charity"]
    assert "Every quarter the Council must tell Ashdown how many nights the Short Breaks Panel has allocated" in text
    assert "whether the short breaks are provided under section 17(6) or section 20(4) of the Children Act 1989" in text
    assert "every night booked under that contract for a date on or after 1 July 2027 is a Booked Night" in text


def test_a_single_home_has_no_partial_termination_and_no_residential_wording(texts):
    text = texts["short-breaks-charity"]
    assert "for one or more of the Homes only" not in text
    assert "ends for some of the Homes only" not in text
    assert "continues to live there as a Placement" not in text
    assert "continue to provide the Booked Nights already booked" in text


def test_residential_placements_have_no_booked_nights(texts):
    text = texts["childrens-homes-charity"]
    assert "Booked Night" not in text
    assert "Short Breaks Panel" not in text


def test_a_no_show_night_is_paid_as_a_late_cancellation(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS)
    assert ("A Booked Night for which the child does not arrive by [6pm] on the day it begins, and which nobody has "
            "cancelled, is treated as cancelled by the child's family less than 48 hours before it begins.") in text


def test_opening_nights_closure_and_the_kpi_denominator_come_from_the_capacity(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS)   # 2,142 bed-nights at six beds: 357 nights open, 8 closed
    assert "Kestrel Lodge is open for short breaks on 357 nights in each Contract Year (2,142 bed-nights)." in text
    assert "may close it for up to 8 nights in each Contract Year for staff training" in text
    assert "they are the bed-nights on which it is open under this paragraph" in text
    stated = open_book_draft_text(catalogue, OB_BREAKS, lambda d: d["services"]["short_breaks"].update(closure_nights=10))
    assert "open for short breaks on 355 nights in each Contract Year (2,130 bed-nights)" in stated


def test_the_short_breaks_placement_form_asks_for_the_basis_of_the_breaks(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS)
    assert "Basis of the short breaks" in text
    assert "Legal status" not in text
