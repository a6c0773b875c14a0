"""r27 open-book review of the Caldmoor adults' homes (r27/ob-fresh.report.md): the findings the obH lane fixed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.families.clause_texts import all_text, clause_text, document_of, flat, note
from tests.families.conftest import OB_CALDMOOR_PLAIN, OPEN_BOOK_SAMPLES, open_book_doc


LISTED = ("    - Residents' food, activities and transport\n",
          "    - Residents' food, activities and transport\n"
          "    - Central overheads (finance, payroll, HR, IT and governance) up to the overhead cap\n")


def test_finding11_insurance_paragraphs_cited_by_reference(catalogue):
    """ob-fresh 11: the sentence bringing the abuse and motor cover into the insurance clause cites them by number."""
    for name in ("adult-care-sharing-band", "home-care-zones"):
        body = flat(clause_text(open_book_doc(catalogue, name), "open-book.liability"))
        assert "two paragraphs above" not in body
        assert "The cover that clause " in body and " require is part of the insurance required by clause" in body


def test_finding17_small_numbers_rule_covers_counts(catalogue):
    """ob-fresh 17: KPIs given as counts ("All residents", "12 of 14") get the small-numbers rule, not only
    percentage targets."""
    body = flat(clause_text(open_book_doc(catalogue, "caldmoor"), "open-book.performance"))
    assert ("A Service KPI whose target is a percentage or proportion of the people or events it "
            "counts is not failed in a reporting period in which fewer than [5] cases fall within its measure.") in body


def test_finding17_quiet_where_no_target_counts(catalogue):
    """Quiet: a sheet whose KPI targets are ratings, not counts or percentages, gets no small-numbers rule."""
    import re
    text = re.sub(r"(?m)^(\s+target:).*$", r"\1 Good or Outstanding at its next inspection", OB_CALDMOOR_PLAIN.read_text(encoding="utf-8"))
    body = flat(clause_text(document_of(catalogue, text), "open-book.performance"))
    assert "fewer than [5] cases" not in body


def test_finding18_regulatory_note_fits_the_provider_and_the_service(catalogue):
    """ob-fresh 18: the cl 4 note does not call a registered society a company, and names domiciliary care only
    for home care."""
    n = flat(note(open_book_doc(catalogue, "caldmoor"), "open-book.regulatory"))
    assert "A company's registration" not in n and "domiciliary care" not in n
    assert "A registered provider's registration for a care home" in n
    hc = flat(note(open_book_doc(catalogue, "home-care-zones"), "open-book.regulatory"))
    assert "adult care homes" not in hc
