"""r19 ob-fresh review (Skylark House short breaks, a company provider): the mechanisms it found wanting,
tested on the short-breaks sample changed to that deal's shape."""

from __future__ import annotations

import copy
import dataclasses

from assembler.assemble import assemble
from assembler.termsheet.loader import load_file
from assembler.termsheet.open_book import OCCUPANCY_MEASURE
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import document_text
from tests.families.conftest import OB_BREAKS, open_book_draft_text


def test_a_lease_ending_inside_the_extended_term_must_be_renewed_before_extension(catalogue, tmp_path):
    def lease(d):
        d["open_book"].setdefault("related_parties", []).append({
            "name": "Lodge Estates Limited", "relationship": "a company owned by the trustees",
            "arrangement": "leases Kestrel Lodge to Ashdown on a five-year lease from 1 July 2027",
            "annual_value": 30000})
    text = open_book_draft_text(catalogue, OB_BREAKS, lease)
    assert "must keep the right to occupy Kestrel Lodge for the whole Service Term, including any extension" in text
    assert "Its lease of Kestrel Lodge ends on 30 June 2032." in text
    assert "At least 9 months before the Service Term would otherwise end" in text
    assert "At least 12 months before a lease ends" not in text   # it ends after the initial term
    within = open_book_draft_text(catalogue, OB_BREAKS, lambda d: d["services"]["homes"][0].update(lease_end="2030-03-31"))
    assert "Its lease of Kestrel Lodge ends on 31 March 2030." in within
    assert "At least 12 months before a lease ends during the Service Term" in within
    assert "right to occupy" not in open_book_draft_text(catalogue, OB_BREAKS)


def test_kpis_that_depend_on_the_councils_referrals_are_not_failed_for_that_reason(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS)
    assert ("A Service KPI is not failed to the extent that the failure results from the number of children the "
            "Council refers or the nights the Short Breaks Panel allocates, or from Booked Nights cancelled by a "
            "child's family or by the Council, or from the Council's failure to take a step the Service KPI depends on, "
            "rather than from Ashdown's own acts or omissions.") in text


def test_the_existing_contract_is_named_from_the_sheet(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS, lambda d: d["services"].update(existing_contract="WCC/CS/2021/017"))
    assert "Existing Contract means the contract between the Parties reference WCC/CS/2021/017" in text
    assert "under the Existing Contract on the day before" in text
    assert "Existing Contract" not in open_book_draft_text(catalogue, OB_BREAKS)


def test_the_open_book_report_lists_kpi_performance(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS)
    assert "performance against each Service KPI due to be reported in it under clause" in text


def test_expert_determinations_are_carved_out_of_the_dispute_steps(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS, lambda d: d["open_book"].setdefault("related_parties", []).append({
        "name": "Lodge Estates Limited", "relationship": "a company owned by the trustees",
        "arrangement": "leases Kestrel Lodge to Ashdown", "annual_value": 30000}))
    assert "a market rate set by a valuer or accountant under clause" in text
    assert "a market rate set by a valuer" not in open_book_draft_text(catalogue, OB_BREAKS)   # no related party, no valuation
    assert "or amendments referred to an Independent Accountant under clause" in text
