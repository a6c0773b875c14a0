"""Sums a sheet writes in words ('1,070,000 pounds') read as the draft writes sums ('£1,070,000') wherever pasted
text is printed (r36 al-fresh finding 16)."""

from __future__ import annotations

from assembler.termsheet.common import pounds_as_sign
from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import ALLIANCE_REABLEMENT


def test_money_words_become_pound_amounts():
    """Firing: figures followed by 'pounds' (with million, decimals, a singular 'pound') take the pound sign."""
    assert pounds_as_sign("the prevention budget (1,070,000 pounds a year)") == "the prevention budget (£1,070,000 a year)"
    assert pounds_as_sign("1.9 million pounds a year") == "£1.9 million a year"
    assert pounds_as_sign("net of the 2.50 pound fare") == "net of the £2.50 fare"


def test_other_text_is_left_alone():
    """Quiet: text with no figure in pounds words, or already in £, is unchanged."""
    for text in ("£1,000 a year", "pounds of effort", "20 pence", "the Pound Lane hub", None):
        assert pounds_as_sign(text) == text


def test_pasted_sheet_text_prints_pound_amounts(catalogue):
    """Firing, in a draft: a service line and a purpose written with 'pounds' print with the pound sign."""
    line = "Short-term reablement at home for up to six weeks after hospital discharge or a crisis"
    text = ALLIANCE_REABLEMENT.read_text().replace(line, line + ", with equipment up to 1,000 pounds")
    doc = document_of(catalogue, text)
    services = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "with equipment up to £1,000" in services
    assert "1,000 pounds" not in services
