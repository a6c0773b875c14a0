"""Which Price applies and how Prices and the costs schedule's amounts are reviewed (open-book family), tested with
the Wexcombe neurological supported-living sheet (r28 ob-fresh 16, 17 and 25: four Prices, two of them for hours
of support to one Tenant; the review factor; the £27.50 agency cap)."""

from __future__ import annotations

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import clause_text, document_of, flat

SHEET = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"
_DOC: list = []


def _doc(catalogue):
    if not _DOC:
        _DOC.append(assemble(read_termsheet(SHEET, catalogue), catalogue, today=DRAFT_DATE).document)
    return _DOC[0]


def test_each_individual_hour_is_paid_at_the_price_for_its_kind(catalogue):
    """Finding 16: individual hours and the brain injury specialist's hours have their own Prices; 7.2 says which
    applies. Quiet: with one individual hourly price the sentence is not added."""
    t = clause_text(_doc(catalogue), "open-book.core-support", flat=True)
    assert ('Each hour is paid at the Price in Schedule 2 for the kind of support the Support Plan specifies for it: '
            '"Individual support for one Tenant, as set out in the Tenant\'s Support Plan"; or "Neuro-rehabilitation '
            'support by a brain injury specialist support worker') in t
    text = SHEET.read_text(encoding="utf-8")
    start = text.index("    - service: Neuro-rehabilitation support")
    end = text.index("  # Personal care in supported living")
    one = text[:start] + text[end:]
    one = one.replace("income: 1264870.40", "income: 1203250.40")
    d = document_of(catalogue, one)
    assert "Each hour is paid at the Price" not in clause_text(d, "open-book.core-support", flat=True)


def test_review_factor_is_defined_once_and_used(catalogue):
    """Finding 17 and 25: 6.1 defines the review factor; 11.8 and Schedule 2 use it, and Schedule 2 names the
    £27.50 agency cap as indexed by it."""
    d = _doc(catalogue)
    review = clause_text(d, "open-book.price-review", flat=True)
    assert 'multiplied by one plus the rate of the index for that review date (one plus that rate being the "review factor")' in review
    cap = flat(clause_text(d, "common.open-book-profit-cap"))
    assert "or about the review factor worked out under clause 6.1" in cap
    costs = flat(clause_text(d, "common.open-book-schedule-costs"))
    assert ("Each amount in pounds in these categories (here, £27.50 an hour) is multiplied by the review factor each "
            "review under clause 6.1 applies") in costs
