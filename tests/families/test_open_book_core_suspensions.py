"""Open-book Core Places: the clauses that suspend the payment for a Core Place are one list (open_book.core_suspensions),
cited the same way by the payment clause and by the reconciliation schedule's statement of when a loss can arise
(r27 ob-fresh finding 15)."""

from __future__ import annotations

import re

from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import clause_text, document_of, document_text, flat, note
from assembler.termsheet.validate import read_termsheet
from assembler.assemble import assemble
from tests.families.conftest import (
    OB_ALDERBECK, OB_CALDMOOR, OB_CHARITY, open_book_doc, open_book_result,
)


def _refs(text: str) -> list[str]:
    return re.findall(r"clause (\d+\.\d+)", text)


def test_schedule_lists_the_same_suspensions_as_the_payment_clause(catalogue):
    """Firing (care home, England): clause 7.1 and Sch 3 both cite the pricing suspension, use by another purchaser,
    NHS Continuing Healthcare and the suspension of Referrals."""
    d = document_of(catalogue, OB_CALDMOOR.read_text(encoding="utf-8"))
    body = flat(clause_text(d, "open-book.voids"))
    payment = _refs(body[:body.index(", the Council must pay")])
    sched = flat(clause_text(d, "common.open-book-schedule-reconciliation"))
    at = sched.index("a payment is suspended under")
    listed = _refs(sched[at:sched.index("Core Places are reduced", at)])
    assert len(payment) == 4 and listed == payment, (payment, listed)
    assert "clause 5.6, clause 7.2, clause 9.6 or clause 30.5" in sched


def test_no_nhs_funding_suspension_outside_a_care_home(catalogue):
    """Quiet: a children's home has no NHS Continuing Healthcare suspension, in either list."""
    d = document_of(catalogue, OB_CHARITY.read_text(encoding="utf-8"))
    body = flat(clause_text(d, "open-book.voids"))
    payment = _refs(body[:body.index(" must pay")])
    assert len(payment) == 3, payment


def test_hospital_stay_keeps_an_existing_placement_while_return_is_expected(catalogue):
    """ob-fresh finding 2: under a user choice award, the automatic release after the hospital period must not
    end an Existing Placement (and so lapse the Core Place and the person's protection) while the person is
    expected back."""
    text = document_text(open_book_result(catalogue, "childrens-homes-charity.yaml",
                                lambda d: d["services"].update(absence_weeks=6)))
    assert "in an Existing Placement who is in hospital is not released at the end of six weeks if a social worker" in text
    assert "The Placement then continues as an Existing Placement until the place is released." in text


def test_no_hospital_carve_out_without_an_automatic_release(catalogue):
    text = document_text(open_book_result(catalogue, "childrens-homes-charity.yaml"))
    assert "who is in hospital is not released" not in text


def test_core_place_resident_keeps_their_home_during_a_long_hospital_stay(catalogue):
    """ob-fresh 6: the six-week hospital limit does not release one of the Core Places (the Council pays for it
    anyway), so a resident with dementia does not lose their home by default. Quiet: the sample (no hospital limit,
    a user-choice award) keeps its wording."""
    body = clause_text(open_book_doc(catalogue, OB_ALDERBECK), "open-book.pricing", flat=True)
    assert ("The six-week limit does not apply to one of the Core Places, which is released only [14] days after that "
            "notice. When a place is released, the Placement ends;") in body
    assert "the six-week limit does not apply to one of the Core Places" in flat(note(open_book_doc(catalogue, OB_ALDERBECK),
                                                                                       "open-book.pricing"))
    sample = clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.pricing", flat=True)
    assert "limit does not apply to one of the Core Places" not in sample
    assert "The place is then released [14] days after the notice: for a place that is not one of the Core Places" in sample


def test_continuing_healthcare_suspends_the_core_place_payment(catalogue):
    """ob-fresh 7: 9.5 reaches the Core Place payment under 7.1 (paid whether or not used), suspending it as if the
    Council had agreed to another purchaser's use, so 9.5 and 7.1 no longer conflict."""
    from tests.families.clause_texts import document_text
    from assembler.assemble import assemble
    from tests.conftest import DRAFT_DATE
    text = flat(document_text(assemble(read_termsheet(OB_ALDERBECK, catalogue), catalogue, today=DRAFT_DATE)))
    assert ("the place is treated as used by another purchaser: where it is one of the Core Places, the Council's "
            "payment for it under clause 7.1 is suspended as if the Council had agreed in writing to that use under "
            "clause 7.") in text


def test_finding15_core_places_payment_lists_every_suspension(catalogue):
    """ob-fresh 15: the Core Places payment is subject to every clause that suspends it: the pricing suspension,
    use by another purchaser, NHS Continuing Healthcare (care homes) and the suspension of Referrals."""
    body = flat(clause_text(open_book_doc(catalogue, "caldmoor"), "open-book.voids"))
    first = body[:body.index(", the Council must pay")]
    assert first == "Subject to clause 5.6, clause 7.2, clause 9.6 and clause 30.5", first
    kids = flat(clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "open-book.voids"))
    first = kids[:kids.index(" must pay")]
    assert first.count("clause") == 3, first  # quiet: no care-home NHS funding clause for a children's home
