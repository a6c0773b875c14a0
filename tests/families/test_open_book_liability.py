"""The open-book liability clause: the annual cap, what it leaves out, and the period before the Service Term."""

from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import clause_text, note

SAMPLES = ROOT / "samples" / "open-book"


@pytest.mark.parametrize("sheet", ["home-care-zones.yaml", "childrens-homes-charity.yaml"])
def test_the_cap_covers_the_period_before_the_service_term(catalogue, sheet):
    """r27 ob-homecare finding 15: Contract Years start with the Service Term, so signing to service start was in no
    Contract Year and so under no cap; that period now counts as part of the first Contract Year, and the
    exclusions are lettered."""
    doc = assemble(read_termsheet(SAMPLES / sheet, catalogue), catalogue, today=DRAFT_DATE).document
    text = clause_text(doc, "open-book.liability", flat=True)
    assert "in each Contract Year is limited to the greater of [£1,000,000] and the total Prices payable" in text
    assert "For this limit, the period before the Service Term starts forms part of the first Contract Year." in text
    assert "The limit does not apply to:" in text
    assert "liability for death or personal injury caused by negligence, or for fraud;" in text
    assert "the period between signing and the start of the Service Term counts as part of the first Contract Year" in \
        note(doc, "open-book.liability")
