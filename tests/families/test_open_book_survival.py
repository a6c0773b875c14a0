"""The open-book survival clause lists every clause and paragraph that must outlive the agreement, built from the
`survives` marks of the clauses and paragraphs the draft actually has."""

from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import flat
from tests.families.clause_texts import document_text
from tests.families.conftest import OPEN_BOOK_SAMPLE_DIR


def _survival(sheet, catalogue) -> str:
    text = flat(document_text(assemble(read_termsheet(OPEN_BOOK_SAMPLE_DIR / sheet, catalogue), catalogue, today=DRAFT_DATE)))
    return text.split("However this Agreement ends, ", 1)[1].split(" continue in force after it ends", 1)[0]


def test_the_earlier_contract_and_the_profit_regulations_paragraphs_survive(catalogue):
    """r26 ob-sample 10 (named again for r27 ob-homecare): the paragraph keeping the earlier contract alive (8.4) and
    the profit-regulation paragraphs (28.2 and 28.3, which say they outlive the agreement) are in the list."""
    listed = _survival("childrens-homes-charity.yaml", catalogue)
    for ref in ("clause 8.4,", "clause 28.2,", "clause 28.3,"):
        assert ref in listed, listed


def test_a_paragraph_the_sheet_leaves_out_is_not_listed(catalogue):
    """Home care has no profit regulations under the Care Standards Act 2000: the survival list is built from the
    anchors the draft has (the earlier-contract paragraph 3.8 is one, after the hospital discharge paragraph; r32
    ob-homecare F11 dropped the 'where the person lives' paragraph), and the draft still assembles."""
    listed = _survival("home-care-zones.yaml", catalogue)
    assert "clause 3.8," in listed
    assert "28.2" not in listed
    # r31s al-sample finding 11: the insurance clause (26 here) survives only as its run-off paragraph
    assert "clause 26.2," in listed and "clause 26," not in listed


@pytest.mark.parametrize("sheet", sorted(p.name for p in OPEN_BOOK_SAMPLE_DIR.glob("*.yaml")))
def test_every_open_book_sample_assembles_with_its_survival_list(catalogue, sheet):
    assert "Schedule" in _survival(sheet, catalogue)


def test_lease_surrender_and_maximum_term_paragraphs_survive(catalogue):
    """r29 ob-fresh finding 12: the commissioner's lease paragraph (the surrender takes effect after the end) and the
    reserved contract's maximum-term paragraph (it caps the run-off) are listed where the draft has them."""
    fox = read_termsheet(ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml", catalogue)
    text = flat(document_text(assemble(fox, catalogue, today=DRAFT_DATE)))
    listed = text.split("However this Agreement ends, ", 1)[1].split(" continue in force after it ends", 1)[0]
    assert listed.startswith("clause 1, clause 2.4, clause 2.5, clause 5,"), listed
    quiet = _survival("childrens-homes-charity.yaml", catalogue)
    assert "clause 2." not in quiet, quiet
