"""Open-book supported living for a public service mutual (r17 ob-fresh): a price by the session is
payable, the s.33 five-year ceiling, pre-start costs in the first period, profit on the cost base."""

from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.test_open_book_settings import document_text

NORTHLIGHT = ROOT / "tests" / "families" / "fixtures" / "open-book-northlight-r17.yaml"
LIVING = ROOT / "samples" / "open-book" / "supported-living-company.yaml"


@pytest.fixture(scope="module")
def northlight(catalogue):
    sheet = read_termsheet(NORTHLIGHT, catalogue)
    return sheet, document_text(assemble(sheet, catalogue, today=DRAFT_DATE))


@pytest.fixture(scope="module")
def living(catalogue):
    sheet = read_termsheet(LIVING, catalogue)
    return sheet, document_text(assemble(sheet, catalogue, today=DRAFT_DATE))


def test_a_price_by_the_session_is_payable_and_invoiced(northlight, living):
    """r17 ob-fresh 1: the PBS sessions were priced in Schedule 2 but nothing made them payable."""
    text = northlight[1]
    assert "the Individual Support hours and the sessions priced by the session in Schedule 2 under clause" in text
    assert 'for each session priced by the session there ("Positive Behaviour Support practitioner session' in text
    assert "and the sessions delivered under clause" in text
    assert "any minimum number of Individual Support hours or sessions" in text
    # quiet: a supported-living sheet without a session price says nothing about sessions
    assert "sessions priced by the session" not in living[1]
    assert "Individual Support hours or sessions" not in living[1]
