"""Overnight short breaks bought by the night (services.short_breaks): nights allocated by a panel and
booked, a late cancellation paid at the void rate, a night cut short at the absence rate, and no
residential wording (fresh short-breaks review, 3 December 2026)."""

from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import document_text

BREAKS = ROOT / "samples" / "open-book" / "short-breaks-charity.yaml"
CHARITY = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"


@pytest.fixture(scope="module")
def texts(catalogue):
    out = {}
    for path in (BREAKS, CHARITY):
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
