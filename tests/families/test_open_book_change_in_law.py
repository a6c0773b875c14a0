"""The Relevant Change in Law note says that Employment Rights Act 2025 measures made or announced before signing
(the zero hours and low hours rights in ss.1-4) fall outside the definition and are the provider's risk, to be priced
before signing (r28 ob-fresh finding 9); home care keeps its own treatment of those rights."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import document_of, document_text, flat, note
from tests.families.conftest import OB_CHARITY, OB_HOMECARE, OB_WEXCOMBE, open_book_result


def _note(catalogue, path):
    return flat(note(document_of(catalogue, path.read_text(encoding="utf-8")), "open-book.change-in-law"))


def test_announced_era_measures_are_the_providers_risk(catalogue):
    n = _note(catalogue, OB_WEXCOMBE)
    assert "Limb (a) excludes every other change made, published in draft or announced before signing." in n
    assert "guaranteed hours reflecting the hours worked in a reference period" in n
    assert ("is Heronsgate's risk: before signing, confirm that the £1,060,600 of staff pay in the cost model prices "
            "them") in n
    assert "expected in 2027, inside this term" in n


def test_home_care_keeps_one_treatment(catalogue):
    n = _note(catalogue, OB_HOMECARE)
    assert "Limb (a) excludes" not in n
    assert n.count("Sections 1 to 4 of the Employment Rights Act 2025") == 1


def test_provider_taking_the_article_reads_the_providers_risk(catalogue):
    n = _note(catalogue, ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml")
    assert "is the Society's risk: before signing" in n


def test_fair_pay_agreement_is_flagged_when_the_nlw_is_not_a_change_in_law(catalogue):
    """r20 ob-fresh 1: the definition counts a fair pay agreement but the note only said so when the NLW was one."""
    res = open_book_result(catalogue, "supported-living-company.yaml",
                 lambda d: d["services"].update(minimum_wage_change_in_law=False))
    note = next(c for c in res.document.clauses if c.id == "open-book.change-in-law").note
    assert "Social Care Negotiating Bodies" in note and "the instructions do not mention it" in note
    kids = next(c for c in open_book_result(catalogue, "childrens-homes-charity.yaml").document.clauses
                if c.id == "open-book.change-in-law").note
    assert "fair pay agreement" not in kids


def test_change_in_law_denominator_leaves_out_removed_units(catalogue):
    """Finding 6: after Core Places are removed, clause 6.2 divides by the income on the units still bought."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert ("the income the Prices then current would bring in for the expected units in Part 2 of Schedule 2, "
            "less the units removed under clause 5.8.") in text


def test_change_in_law_denominator_without_core_places_or_homes(catalogue):
    text = flat(document_text(open_book_result(catalogue, "supported-living-company.yaml")))
    assert "the change in Allowable Costs it causes in a full year divided by 0.95 bears to" in text
    assert "less the units removed under" not in text.split("bears to", 1)[1][:400]
