"""r26 open-book review of the Meadowbank children's homes sample (ob-sample.report.md) and finding 1 of the
Rutherdale home care review (ob-homecare.report.md): the findings the obF lane fixed, tested on the samples."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OPEN_BOOK_SAMPLES, open_book_doc


def test_finding1_partial_ending_pays_continued_placements_and_rebases_after_the_last(catalogue):
    """ob-sample 1: clause 29.9 no longer stops all Prices for a home while clause 29.8(a) keeps its children there;
    the Prices for each continued Placement stay payable and the re-basing waits for the last of them to end."""
    t = flat(clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "open-book.termination"))
    assert "and no Prices are payable for them, and the Prices are re-based from that date" not in t
    assert ("no Prices are payable for places at that home, except the Prices for each Placement continued under "
            "clause 29.8(a), which are payable until that Placement ends") in t
    assert "as if this Agreement were ending on that date, except its requirement for a final Reconciliation" in t
    assert "on the day after the last Placement continued there under clause 29.8(a) ends" in t


def test_finding1_quiet_for_supported_living_and_home_care(catalogue):
    """Quiet: supported living and home care keep their own partial-ending wording."""
    for name in ("supported-living-company", "home-care-zones"):
        t = flat(clause_text(open_book_doc(catalogue, name), "open-book.termination"))
        assert "except the Prices for each Placement continued" not in t


def test_finding5_set_off_of_a_fund_refund_releases_the_same_sum_from_the_trust(catalogue):
    """ob-sample 5: a refund due from the Reinvestment Fund that the Council sets off against the fees counts as paid
    from the fund, and the Trust may withdraw the same sum, so it is not short of fees with the money locked in trust."""
    t = flat(clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "common.open-book-excess"))
    assert ("If it sets off an amount payable to it from the Reinvestment Fund, that amount is treated as paid to it "
            "from the Reinvestment Fund. The same sum then ceases to be held on trust, and the Trust may withdraw it from "
            "the Reinvestment Fund.") in t


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
