"""r27 open-book review of the Caldmoor adults' homes (ob-fresh.report.md; a registered society spun out of the
Council, which owns the three homes and leases them to it to 31 March 2037): the findings the obG lane fixed,
tested with the sheet's own facts."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import all_text, clause_text, document_of, flat, note
from tests.families.conftest import OB_CALDMOOR, open_book_doc


NOT_COUNCIL = ("      owner: commissioner", "      owner: third_party")


def test_finding1_council_landlord_has_no_direct_agreement_with_itself(catalogue):
    """Finding 1: the Council owns and lets the homes, so no direct agreement (30.7) and no termination ground for
    its absence (30.3(f)); the break compensation pays no rent to the Council; the Council as landlord takes a
    surrender with vacant possession after the last continued Placement, lets itself in on step-in and does not
    forfeit without the default notice."""
    d = open_book_doc(catalogue, OB_CALDMOOR)
    t = flat(clause_text(d, "open-book.termination"))
    assert "direct agreement" not in t
    assert "but not rent payable to the Council under a lease surrendered under clause 2." in t
    assert "the rent and other premises costs" not in t
    term = flat(clause_text(d, "open-book.term"))
    assert "The Council owns Brackenhurst, Larkrise and The Granary and lets them to the Society." in term
    assert "must surrender its lease of each home concerned with vacant possession" in term
    assert "the day after the last Placement continued there under clause 30." in term
    assert "must not forfeit a lease for a breach that is also a breach of this Agreement" in term
    assert "except as clause 2." in term
    n = note(d, "open-book.term")
    assert "no landlord's direct agreement is drafted" in n and "Take instructions on a direct agreement" not in n


def test_finding1_quiet_for_a_third_party_landlord(catalogue):
    """Quiet: a third-party landlord still gives the direct agreement and its termination ground; no surrender."""
    d = open_book_doc(catalogue, OB_CALDMOOR, NOT_COUNCIL, every=True)
    t = flat(clause_text(d, "open-book.termination"))
    assert "enters into a direct agreement with the Council" in t
    assert "has not been entered into" in t
    assert "the rent and other premises costs" in t
    assert "must surrender its lease" not in flat(clause_text(d, "open-book.term"))


def test_finding2_five_year_note_measures_from_signing_with_the_sheets_dates(catalogue):
    """Finding 2: signed no earlier than the draft date (5 December 2026), the five years end no earlier than
    4 December 2031, so the Service Term (to 31 March 2031) and the [6]-month run-off (to 30 September 2031) fit;
    the note no longer says no support can continue and no longer asks to 'record, before award' what the recital
    says has happened."""
    import datetime as dt
    from assembler.assemble import assemble
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate
    d = assemble(validate(load_text(OB_CALDMOOR.read_text(encoding="utf-8"), "t.yaml"), catalogue), catalogue,
                 today=dt.date(2026, 12, 5)).document
    n = flat(note(d, "open-book.term"))
    assert "It will be signed no earlier than 5 December 2026, so its five years end no earlier than 4 December 2031." in n
    assert "(to 31 March 2031) and up to [6] months' exit run-off (to 30 September 2031) fall within them" in n
    assert "no support can continue" not in n and "before award" not in n
    assert "Confirm that the Council's record of the award shows that the Society was a qualifying public service mutual" in n


def test_finding2_run_off_cut_where_signing_is_early(catalogue):
    """Drafted on 1 April 2026 (the tests' draft date), the five years end no earlier than 31 March 2031: the
    Service Term fits but a full run-off would not, so the note says the run-off is cut at that day."""
    n = flat(note(open_book_doc(catalogue, OB_CALDMOOR), "open-book.term"))
    assert "(to 31 March 2031) falls within them, but a full [6] months' exit run-off would run to 30 September 2031" in n
    assert "cuts any support continued at exit at 31 March 2031 (or the later day that signing gives)" in n


def test_finding2_quiet_where_the_term_does_not_fit(catalogue):
    """Quiet: an agreement signed long before a longer Service Term still gets the warning that the clause on the
    maximum term cuts the extension and the run-off."""
    d = open_book_doc(catalogue, OB_CALDMOOR, ("  extension_years: 0\n", "  extension_years: 2\n"))
    n = flat(note(d, "open-book.term"))
    assert "the whole contract runs beyond five years" in n and "no support can continue after that day" in n


def test_finding3_reducing_an_occupied_core_place(catalogue):
    """Finding 3: 7.4 caps other places at fifteen in all, not 'one more' (which contradicts a reduction to 13
    Core Places); an occupied removed place continues as a Placement paid while used (7.5), and its units removed
    under 5.8 are nil until it ends, so the Council does not pay 52 weeks at Prices raised by 5.71%."""
    d = open_book_doc(catalogue, OB_CALDMOOR)
    v = flat(clause_text(d, "open-book.voids"))
    assert "may place people in any other place at the Homes that the Society has free, up to fifteen places in all." in v
    assert "one more" not in v
    assert ("A removed place that is occupied by a Placement when the reduction takes effect continues as a place "
            "that is not one of the Core Places, paid for under clause 7.4 while that Placement lasts") in v
    p = flat(clause_text(d, "open-book.pricing"))
    assert ("The units removed for one of the Core Places that is occupied by a Placement when the reduction "
            "removing it takes effect are nil until that Placement ends.") in p
    assert "Take instructions on whether the Council should remove an occupied place at all." in note(d, "open-book.pricing")


def test_finding3_quiet_without_core_places(catalogue):
    """Quiet: a deal paying only for occupied places has no removal of occupied Core Places."""
    d = document_of(catalogue, (ROOT / "samples" / "open-book" / "supported-living-company.yaml").read_text(encoding="utf-8"))
    assert "occupied by a Placement when the reduction" not in flat(clause_text(d, "open-book.pricing"))
