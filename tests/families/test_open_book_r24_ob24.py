"""r24 open-book review (Greystone, two care homes, places-available apportionment, a Support Price not re-based):
the findings the ob24 lane fixed."""

from __future__ import annotations

from decimal import Decimal

from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_ALDERBECK, OB_GREYSTONE, open_book_doc, open_book_document


def read_termsheet_text(catalogue, text):
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "sheet.yaml"
        p.write_text(text)
        return read_termsheet(p, catalogue)


def test_leases_ending_on_one_date_after_the_term_are_stated_once(catalogue):
    """ob-fresh 10: two leases ending on the same date after the latest end of the term are stated once, and the
    note does not ask about extending only after a renewal that cannot arise."""
    n = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.term"))
    assert "leases of Ashby Fold and Kilnhurst House both end on 31 March 2036, after the Service Term could end" in n
    assert "lease of Ashby Fold ends on" not in n and "only once the lease has been renewed" not in n
