"""Open-book Excess Profit: the undisputed amount is paid without waiting for the figures still in question."""

from __future__ import annotations

import pytest

from tests.conftest import DRAFT_DATE, draft_of, ROOT
from tests.families.clause_texts import clause_text, document_text, flat, note
from assembler.termsheet.validate import read_termsheet
from assembler.assemble import assemble
from tests.families.conftest import (
    OB_CHARITY, open_book_note_of, open_book_result, OPEN_BOOK_SAMPLE_DIR,
)


@pytest.mark.parametrize("name, anchor", [("home-care-zones", "13.1"), ("childrens-homes-charity", "13.1"),
                                          ("supported-living-company", "11.1")])
def test_undisputed_excess_profit_is_dealt_with_within_30_days(catalogue, name, anchor):
    """r27 ob-homecare 17 (10.6 and 11.1): the figures not in question are treated as agreed, but the Excess Profit
    waited for the whole dispute. The undisputed amount (the lower of the two sides' figures) now goes within 30
    days after the referral, and the rest within 30 days after the decision, in every Excess Profit variant."""
    body = flat(clause_text(draft_of(catalogue, OPEN_BOOK_SAMPLE_DIR / f"{name}.yaml").document, "common.open-book-excess"))
    # r34s ob-homecare 6: the undisputed amount falls due after the [60]-day point whether or not anyone refers
    assert (f"must deal with the undisputed Excess Profit under clause {anchor} within 30 days after the end of the [60] "
            "days after the Reconciliation Statement was sent, whether or not either of them has referred the figures "
            "in question for decision, as if the Reconciliation Statement had been agreed.") in body
    assert "within 30 days after either of them refers" not in body
    assert "The undisputed Excess Profit is the lower of the amounts that " in body
    assert "must deal in the same way with any further Excess Profit the decision shows." in body


def test_other_families_are_unchanged(catalogue):
    """Quiet: the shared clause adds the paragraph for the open-book family only."""
    for path in sorted((ROOT / "samples").glob("*/*.yaml")):
        if path.parent.name == "open-book":
            continue
        doc = draft_of(catalogue, path).document
        ids = [c.id for c in doc.all_clauses()]
        if "common.open-book-excess" in ids:
            assert "undisputed Excess Profit" not in clause_text(doc, "common.open-book-excess"), path.name


def test_top_up_note_follows_the_excess_treatment(catalogue, tmp_path):
    split = open_book_result(catalogue, "adult-care-sharing-band.yaml")
    res = next(c for c in split.document.clauses if c.id == "open-book.residents").note
    assert "partly refunded to the council as Excess Profit" in res
    path = tmp_path / "refund.yaml"
    path.write_text((OPEN_BOOK_SAMPLE_DIR / "adult-care-sharing-band.yaml").read_text(encoding="utf-8").replace(
        "open_book_excess: split", "open_book_excess: refund"), encoding="utf-8")
    full = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    res = next(c for c in full.document.clauses if c.id == "open-book.residents").note
    assert "is not refunded to the council as Excess Profit" in res and "half" not in res


def test_savings_are_not_said_to_be_shared_under_a_hard_cap(catalogue):
    """Finding 3: under a hard cap a saving cuts the Reasonable Profit and the rest is Excess Profit, so clause 5
    no longer says savings are shared; the costs note says so with the figures and the option to reward them."""
    res = open_book_result(catalogue, OB_CHARITY)
    assert "are shared through the Reasonable Profit and Excess Profit terms" not in flat(document_text(res))
    note = open_book_note_of(res, "common.open-book-costs")
    assert "each £1 saved cuts the Reasonable Profit by 5p and the rest is Excess Profit" in note
    assert "5% of the budgeted Allowable Costs (£147,750 on the budget)" in note


def test_savings_sentence_stays_under_a_sharing_band(catalogue):
    res = open_book_result(catalogue, "adult-care-sharing-band.yaml")
    assert "are shared through the Reasonable Profit and Excess Profit terms" in flat(document_text(res))
    assert "each £1 saved" not in open_book_note_of(res, "common.open-book-costs")
