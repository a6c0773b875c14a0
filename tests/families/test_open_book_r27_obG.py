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
