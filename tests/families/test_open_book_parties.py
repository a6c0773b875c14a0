"""Open-book parties: the provider's legal form in the draft (a company limited by shares, a CIC with its asset lock)
and the charity notes only for a charity."""

from __future__ import annotations

from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import (
    OB_BRAMBLECOMBE, OB_CHARITY, OB_CHEVIOT, open_book_doc, open_book_notes_flat,
)


def test_a_company_limited_by_shares_gets_no_body_without_share_capital_wording(catalogue):
    text = OB_BRAMBLECOMBE.read_text()
    doc = document_of(catalogue, text)
    assert "body without share capital" not in clause_text(doc, "open-book.financial-distress")
    guarantee = document_of(catalogue, text.replace("  limited_by: shares\n", "  limited_by: guarantee\n", 1))
    assert "body without share capital" in clause_text(guarantee, "open-book.financial-distress")


def test_charity_notes_appear_only_for_a_charity(catalogue):
    """r25 ob-fresh finding 16: CC29, 'voluntary-sector partners' and the charity/CIC objects check are residue for
    a company; a charity keeps them."""
    company = open_book_notes_flat(open_book_doc(catalogue, OB_BRAMBLECOMBE))
    for residue in ("CC29", "voluntary-sector", "for a charity", "asset lock", "Court of Protection route"):
        assert residue not in company, residue
    charity = open_book_notes_flat(open_book_doc(catalogue, OB_CHARITY))
    assert "CC29" in charity and "voluntary-sector" in charity and "charitable objects" in charity


def test_a_cic_provider_is_described_as_limited_by_shares_and_keeps_its_asset_lock(catalogue):
    """ob-fresh 17 and the r26 tool note: a CIC limited by shares says so in the parties block, and clause 19 has it
    warrant the asset lock and give notice before ceasing to be a CIC. Quiet: the sample's charity gets neither."""
    from assembler.assemble import _description
    from assembler.termsheet.validate import read_termsheet
    d = open_book_doc(catalogue, OB_CHEVIOT)
    provider = read_termsheet(OB_CHEVIOT, catalogue).model.provider
    assert _description(provider).startswith("a community interest company limited by shares incorporated in England")
    body = clause_text(d, "open-book.financial-distress", flat=True)
    assert "warrants that it is a community interest company whose articles contain the asset lock" in body
    assert "at least [3] months' notice before it applies to cease to be a community interest company" in body
    assert "asset lock" not in clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.financial-distress", flat=True)
