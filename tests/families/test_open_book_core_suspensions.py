"""Open-book Core Places: the clauses that suspend the payment for a Core Place are one list (open_book.core_suspensions),
cited the same way by the payment clause and by the reconciliation schedule's statement of when a loss can arise
(r27 ob-fresh finding 15)."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat

CALDMOOR = ROOT / "tests" / "families" / "fixtures" / "ob-r27-caldmoor.yaml"
KIDS = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"


def _refs(text: str) -> list[str]:
    return re.findall(r"clause (\d+\.\d+)", text)


def test_schedule_lists_the_same_suspensions_as_the_payment_clause(catalogue):
    """Firing (care home, England): clause 7.1 and Sch 3 both cite the pricing suspension, use by another purchaser,
    NHS Continuing Healthcare and the suspension of Referrals."""
    d = document_of(catalogue, CALDMOOR.read_text(encoding="utf-8"))
    body = flat(clause_text(d, "open-book.voids"))
    payment = _refs(body[:body.index(", the Council must pay")])
    sched = flat(clause_text(d, "common.open-book-schedule-reconciliation"))
    at = sched.index("a payment is suspended under")
    listed = _refs(sched[at:sched.index("Core Places are reduced", at)])
    assert len(payment) == 4 and listed == payment, (payment, listed)
    assert "clause 5.6, clause 7.2, clause 9.5 or clause 30.5" in sched


def test_no_nhs_funding_suspension_outside_a_care_home(catalogue):
    """Quiet: a children's home has no NHS Continuing Healthcare suspension, in either list."""
    d = document_of(catalogue, KIDS.read_text(encoding="utf-8"))
    body = flat(clause_text(d, "open-book.voids"))
    payment = _refs(body[:body.index(" must pay")])
    assert len(payment) == 3, payment
