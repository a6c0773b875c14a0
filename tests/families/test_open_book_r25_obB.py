"""r25 open-book review of the Meadowbank children's homes sample (ob-sample.report.md) and ob-fresh finding 9:
the findings the obB lane fixed, tested with the sheets' own numbers."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_ADULT, OB_BRAMBLECOMBE, OB_CHARITY, open_book_doc


def test_social_value_duties_only_where_the_sheet_gives_commitments(catalogue):
    """ob-sample 11: a sheet with no social value commitments gets no duty to deliver 'any' (the note says so); a
    sheet that lists them gets a duty to deliver and report on each."""
    quiet = open_book_doc(catalogue, OB_CHARITY)
    assert "social value" not in clause_text(quiet, "open-book.compliance-with-law", flat=True)
    assert "The agreement records no social value commitments" in flat(note(quiet, "open-book.compliance-with-law"))
    text = OB_CHARITY.read_text(encoding="utf-8")
    assert "\n  kpis:\n" in text
    sheet = text.replace("\n  kpis:\n", "\n  social_value:\n    - Two apprenticeships a year for care leavers\n"
                                         "    - At least 60% of new care staff recruited from Northmoor postcodes.\n  kpis:\n", 1)
    body = clause_text(document_of(catalogue, sheet), "open-book.compliance-with-law", flat=True)
    assert ("The Trust must deliver the following social value commitments: two apprenticeships a year for care "
            "leavers; at least 60% of new care staff recruited from Northmoor postcodes.") in flat(body)
    assert "The Trust must report on its delivery of those commitments when the Council reasonably asks it to." in body


def test_a_specification_dated_after_the_notice_is_the_agreed_form_initialled_at_signing(catalogue):
    """ob-sample 16: the sample's specification is dated 14 January 2027, after the 16 November 2026 notice, so the
    schedule takes the agreed form initialled on or before signing and the note asks for the date once. Quiet: a
    sheet whose specification predates the notice keeps 'have initialled'."""
    d = open_book_doc(catalogue, OB_CHARITY)
    sched = clause_text(d, "open-book.schedule-services", flat=True)
    assert ("version 2, dated 14 January 2027, in the agreed form initialled by the Parties on or before the date of this "
            "Agreement, which forms part of this Agreement") in sched
    assert "confirm the date with the Council. The schedule requires the version the Parties initial" in flat(
        note(d, "open-book.schedule-services"))
    text = OB_CHARITY.read_text(encoding="utf-8")
    assert "dated 14 January 2027" in text
    early = document_of(catalogue, text.replace("dated 14 January 2027", "dated 14 October 2026"))
    assert "which the Parties have initialled for identification" in clause_text(early, "open-book.schedule-services", flat=True)


def test_direct_agreement_for_homes_of_unknown_tenure_only_where_some_tenure_is_known(catalogue):
    """ob-sample 17: the sample's clause covers The Willows and Harbour View unless the Trust owns them (tested in
    test_open_book.py); quiet: a sheet that gives no home's tenure has no premises direct agreement to extend."""
    body = clause_text(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.termination", flat=True)
    assert "must also procure a direct agreement in the same terms" not in body
