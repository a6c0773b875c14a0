"""r22 ob-sample review (Meadowbank, a user-choice award with Core Places): the mechanism findings the ob20 lane fixed."""

from __future__ import annotations

import re

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import document_text
from tests.families.clause_texts import flat
from tests.families.conftest import OB_CHARITY, open_book_result


def test_ending_for_a_home_is_not_a_removal_under_the_voids_clause(catalogue):
    """Finding 10: the last paragraph of the removed-units clause cites the clause 7 removals, not itself."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "are not Core Places removed or reduced under clause 5.8" not in text
    assert "are not Core Places removed or reduced under clause 7. From" in text


def test_liability_cap_excludes_the_councils_repayments_and_break_compensation(catalogue):
    """Finding 11: the cap does not limit the Council's true-up repayment or its break compensation."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert re.search(r"amounts payable under clause 13, clause 15\.\d+ or clause 29\.2\.", text)  # r27 ob-homecare 15: exclusions lettered


def test_uninstructed_break_periods_and_deemed_approval_are_bracketed(catalogue):
    """Findings 12, 13: 29.1's notice periods and date, and 13.4's deemed approval, are bracketed and flagged."""
    res = open_book_result(catalogue, OB_CHARITY)
    text = flat(document_text(res))
    assert "at least [6] months' notice" in text and "at least [12] months' notice, which it may not give before [1 July 2029]" in text
    assert "[If the Council has done neither within those 30 days" in text
    assert "[or that is treated as approved]" in text
    notes = " ".join(c.note or "" for c in [*res.document.clauses, *res.document.schedules])
    assert "Deemed approval is not instructed" in notes


def test_clause_3_3_and_21_4_wording(catalogue):
    """Findings 15, 16: 3.3 refers to itself as a clause; 21.4 tells each Party the data came from."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "the confirmation described in this clause 3.3" in text and "described in this paragraph" not in text
    # r23 ob-sample 18: with two Parties, "the other Party", still only for data received from it
    assert "Each Party must tell the other Party, without undue delay and in any event within [48] hours after becoming aware of it, of a personal data breach affecting Personal Data it received from the other Party" in text
