"""Open-book insurance: the home care cover, employers' liability, abuse and motor cover in the clause, assumed figures
in brackets, and paragraphs cited by reference."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_CHEVIOT, open_book_doc


def test_home_care_insurance(homecare_doc):
    ins = clause_text(homecare_doc, "common.insurance", flat=True)
    assert "employer's liability insurance of at least £10,000,000 for any one occurrence;" in ins
    assert "where Law requires it to hold that insurance" not in ins
    assert ("motor contingent liability insurance of at least £5,000,000 for any one accident, covering its liability "
            "arising from the use by its staff of their own cars on its business") in ins
    liab = clause_text(homecare_doc, "open-book.liability", flat=True)
    assert ("each member of its staff who drives their own car for work, including between visits, holds insurance "
            "that covers business use, before they first do so and at least once a year after that") in liab


def test_every_open_book_provider_holds_employers_liability_unconditionally(catalogue):
    """Earlier review rounds: employer's liability insurance is compulsory for an employer (Employers' Liability
    (Compulsory Insurance) Act 1969; £5 million minimum under reg. 3 of the 1998 Regulations), and every open-book
    provider employs the care staff, so the item is unconditional in every open-book draft and the note says why.
    Quiet: another family keeps the conditional wording."""
    from tests.conftest import ROOT
    d = document_of(catalogue, (ROOT / "samples/open-book/supported-living-company.yaml").read_text())
    assert "where Law requires it to hold that insurance" not in clause_text(d, "common.insurance", flat=True)
    assert "the item is unconditional" in flat(note(d, "common.insurance"))
    assert "regulation 3 of the Employers' Liability (Compulsory Insurance) Regulations 1998" in flat(note(d, "common.insurance"))
    other = document_of(catalogue, (ROOT / "samples/alliance/complex-needs-eight-members.yaml").read_text())
    insurance = [c for c in other.all_clauses() if c.id == "common.insurance"]
    assert insurance and "where Law requires it to hold that insurance" in clause_text(other, "common.insurance", flat=True)


def test_abuse_and_motor_cover_are_part_of_the_insurance_clause(catalogue):
    """ob-fresh 13: the abuse cover and motor cover sit in the liability clause; they are now expressly insurance
    required by clause 26, so its evidence, cancellation-notice and liability provisions apply to them."""
    body = clause_text(open_book_doc(catalogue, OB_CHEVIOT), "open-book.liability", flat=True)
    # r27 ob-fresh 11: the paragraphs are cited by reference, not as "the two paragraphs above"
    assert ("The cover that clause 27.2 and clause 27.3 require is part of the insurance required by "
            "clause 26, and the provisions of that clause on evidence of cover, notice of cancellation and liability "
            "apply to it.") in body


def test_finding8_assumed_figures_are_bracketed(catalogue):
    """ob-sample 8: the figures the instructions do not give, which the first note lists as assumptions, are in
    square brackets in the operative text, so the other side does not read them as agreed."""
    d = open_book_doc(catalogue, "childrens-homes-charity")
    t = lambda cid: flat(clause_text(d, cid))
    assert "Within [60] days after the end of each Reconciliation Period" in t("common.open-book-profit-cap")
    assert "Within [30] days after receiving a Reconciliation Statement" in t("common.open-book-profit-cap")
    assert "within [10] Business Days after receiving it" in t("common.open-book-profit-cap")
    assert "have not agreed a Reconciliation Statement within [60] days" in t("common.open-book-profit-cap")
    assert "within [120] days after the transfer" in t("common.open-book-excess")
    assert "not spent within [12] months" in t("common.open-book-excess")
    assert "any debt of more than [£10,000] when due" in t("open-book.financial-distress")
    assert "fall below [3] months' operating costs" in t("open-book.financial-distress")
    assert "within [48] hours after becoming aware" in t("common.data-protection")
    ins = t("common.insurance")
    assert "employer's liability insurance of at least [£10,000,000]" in ins and "at least [six] years" in ins
    assert "the greater of [£1,000,000] and" in t("open-book.liability")
    assert "for up to [6] months after this Agreement ends" in t("open-book.termination")
    assert "within [28] days" in t("open-book.voids") and "within [20] Business Days after that Placement ends" in t("open-book.voids")
    assert "levels in square brackets" in note(d, "common.insurance")


def test_finding8_quiet_where_the_sheet_gives_the_insurance_and_outside_open_book(catalogue):
    """Quiet: insurance levels the sheet gives are not bracketed; other families keep their timetable unbracketed."""
    ins = flat(clause_text(open_book_doc(catalogue, "home-care-zones"), "common.insurance"))
    assert "at least £10,000,000" in ins and "[£10,000,000]" not in ins
    from tests.conftest import ROOT as R
    g = document_of(catalogue, (R / "samples" / "grant" / "care-leavers-open-book.yaml").read_text(encoding="utf-8"))
    assert "[60] days" not in flat(clause_text(g, "common.open-book-profit-cap"))


def test_finding11_insurance_paragraphs_cited_by_reference(catalogue):
    """ob-fresh 11: the sentence bringing the abuse and motor cover into the insurance clause cites them by number."""
    for name in ("adult-care-sharing-band", "home-care-zones"):
        body = flat(clause_text(open_book_doc(catalogue, name), "open-book.liability"))
        assert "two paragraphs above" not in body
        assert "The cover that clause " in body and " require is part of the insurance required by clause" in body


def test_motor_cover_listed_in_the_insurance_clause_is_not_required_twice(catalogue):
    """Earlier rounds: a sheet that lists motor insurance among the other cover (supported living) had the Road
    Traffic Act cover required again in the liability clause; the liability clause now points at that cover. Quiet:
    a sheet with no motor item keeps the liability clause's own requirement."""
    from tests.conftest import ROOT
    d = document_of(catalogue, (ROOT / "samples/open-book/supported-living-company.yaml").read_text())
    liab = clause_text(d, "open-book.liability", flat=True)
    assert "The motor insurance required by clause 24 must cover every vehicle Oakapple owns" in liab
    assert "Oakapple must insure every vehicle" not in liab
    quiet = clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "open-book.liability", flat=True)
    assert "The Trust must insure every vehicle it owns, leases or operates" in quiet
