"""r21 ob-fresh review (Lantern: supported accommodation priced by the night, 18 Core Places): the Core Places are
paid by the night, and the figures count the nights they are paid for where that is more than the expected units."""

from __future__ import annotations

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import document_text
from tests.families.conftest import OB_NIGHTLY, open_book_notes, open_book_result


def test_rebasing_factor_and_units_disputes_go_to_the_independent_accountant(catalogue):
    text = document_text(open_book_result(catalogue, OB_NIGHTLY))
    # r23 ob-fresh 8: the list now also names the 5.2 reduction and the change-in-law adjustment
    assert "or about a factor worked out under clause 5.7 or clause 6.1, a number of units under clause 5.8, a reduction" in text
    assert "until the figure is agreed or decided under clause 13.7)" in text


def test_reinvestment_fund_purpose_without_procedure_and_priorities_at_a_review_meeting(catalogue):
    text = document_text(open_book_result(catalogue, OB_NIGHTLY))
    assert "as the contract review meeting agrees" not in text
    assert "moving on from, the Settings\n" in text or "moving on from, the Settings" in text
    assert ("At the first meeting under clause 19.2 in each year of this Agreement, the Parties must agree the "
            "priorities for spending the Reinvestment Fund in that year.") in text
    assert "The Council approves each Reinvestment Plan under this paragraph within those priorities." in text


def test_fund_purpose_procedure_is_parsed():
    from assembler.termsheet.open_book import Excess
    e = Excess(reinvestment_fund="therapy for children in the homes, as the contract review meeting agrees each year")
    assert e.purpose == "therapy for children in the homes" and e.priorities_by == "the contract review meeting"
    plain = Excess(reinvestment_fund="therapeutic support and activities for children in the homes")
    assert plain.purpose == plain.reinvestment_fund and plain.priorities_by is None


def test_recital_b_does_not_repeat_the_services_description(catalogue):
    text = document_text(open_book_result(catalogue, OB_NIGHTLY))
    assert "and has agreed to provide the Supported Accommodation Services described in Schedule 1." in text
    assert text.count("self-contained move-on flats with daytime and on-call support") == 1
