"""The review pack's open facts split by who supplies them, with where each appears; and standard
against this deal, clause by clause."""

from __future__ import annotations

import datetime as dt

from assembler.review import build_review
from assembler.review.report import layout
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import read_termsheet, validate
from tests.conftest import ROOT

DATE = dt.date(2026, 12, 3)
HOMES = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
SMALL = ROOT / "samples" / "grant" / "community-single-payment.yaml"
FIRST = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"


def _review(text: str, catalogue, name="s.yaml"):
    return build_review(validate(load_text(text, name), catalogue), catalogue, today=DATE)


def test_open_facts_are_split_by_who_supplies_them_with_where_they_appear(catalogue):
    text = HOMES.read_text()
    start = text.index("  direct_award_justification:")
    end = text.index("  transparency_notice_date:")
    text = text[:start] + text[end:]  # an open(...) fact on a legal field
    text = text.replace("  address: Meadowbank House, 22 Orchard Lane, Northmoor NM4 2QP\n", "  address:\n")
    review = _review(text, catalogue)
    rows = {r.label: r for r in review.open_facts}
    assert rows["Trust's address"].supplier == "commissioner"
    assert rows["Trust's address"].field == "provider.address"
    assert rows["Trust's address"].where[0] == "parties" and "(Notices)" in rows["Trust's address"].where[1]
    legal = rows["why the direct award was lawful"]
    assert legal.supplier == "legal" and legal.field == "services.direct_award_justification"
    assert legal.where and all(w.startswith(("clause ", "Schedule ", "recitals")) for w in legal.where)
    assert [r.supplier for r in review.open_facts] == sorted(r.supplier for r in review.open_facts)  # commissioner first
    section = next(s for s in layout(review).sections if s.title == "Open placeholders")
    assert [t.header[0] for t in section.tables][:2] == ["The commissioner can supply", "Legal supplies"]
    assert "(the commissioner can supply: 1; legal supplies: 1)" in section.paragraphs[0]


def test_a_complete_sheet_has_no_open_facts_to_split(catalogue):
    review = build_review(read_termsheet(SMALL, catalogue), catalogue, today=DATE)
    assert review.open_facts == []


def test_standard_against_this_deal_shows_a_changed_clause_side_by_side(catalogue):
    review = build_review(read_termsheet(FIRST, catalogue), catalogue, today=DATE)
    payment = next(d for d in review.standard.differences if "(Payment of the Grant)" in d.where)
    assert payment.where.startswith("clause ")
    assert "in arrears" in payment.standard and "in arrears" not in payment.deal
    assert "condition" in payment.deal
    section = next(s for s in layout(review).sections if s.title == "Standard against this deal")
    assert section.tables[0].header == ["Clause", "Standard wording", "This deal's wording"]


def test_standard_against_this_deal_is_quiet_on_standard_positions(catalogue):
    review = build_review(read_termsheet(ROOT / "samples" / "open-book" / "single-placement.yaml", catalogue),
                          catalogue, today=DATE)
    assert review.standard.differences == []
    assert review.standard.note.startswith("None: every position in this draft is the library's standard")


def test_a_letter_is_compared_with_the_standard_letter_not_the_full_agreement(catalogue):
    """The form of the document is kept as chosen, so the letter's own choices (paid in advance) show."""
    review = build_review(read_termsheet(SMALL, catalogue), catalogue, today=DATE)
    assert review.standard.note.startswith("Compared with the same form of document on the standard positions "
                                           "otherwise (grant form: offer-letter kept as chosen)")
    payment = next(d for d in review.standard.differences if "(Payment of the Grant)" in d.where)
    assert "in arrears" in payment.standard and "in advance" in payment.deal


def test_an_open_signatory_points_at_its_field(catalogue):
    """The signature blocks open the signatory's name and position in Python, not through open():
    the pack still says which line of the term sheet to fill in."""
    text = SMALL.read_text().replace("    name: Helen Marsh\n", "    name:\n")
    review = _review(text, catalogue)
    row = next(r for r in review.open_facts if r.label.startswith("name of ") and r.label.endswith(" signatory"))
    assert row.field == "funder.signatory.name" and row.line == 18
