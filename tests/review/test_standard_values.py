"""Legal's facts left at the standard are listed for legal to confirm, so nothing the commissioner
did not choose reads as decided in the review pack."""

from __future__ import annotations

from assembler.review import build_review
from assembler.review.report import layout
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT

STARTER = ROOT / "samples" / "grant" / "community-single-payment.yaml"


def _rows(catalogue, path):
    return {r.field: r for r in build_review(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).standard_values}


def test_a_copied_starter_lists_legal_standard_values(catalogue, tmp_path):
    sheet = tmp_path / "mine.yaml"
    sheet.write_text(STARTER.read_text())
    rows = _rows(catalogue, sheet)
    assert rows["grant.statutory_power"].value == "section 1 of the Localism Act 2011"
    assert rows["grant.subsidy.route"].label == "subsidy route"
    assert not any(f.startswith(("recipient.name", "grant.amount")) for f in rows)  # the commissioner's facts


def test_a_value_legal_wrote_is_not_listed(catalogue, tmp_path):
    sheet = tmp_path / "mine.yaml"
    text = STARTER.read_text()
    assert "section 1 of the Localism Act 2011" in text
    sheet.write_text(text.replace("section 1 of the Localism Act 2011", "section 19 of the Local Government (Miscellaneous Provisions) Act 1976"))
    rows = _rows(catalogue, sheet)
    assert "grant.statutory_power" not in rows and "grant.subsidy.route" in rows


def test_the_library_samples_list_none_and_the_pack_says_so(catalogue, tmp_path):
    assert _rows(catalogue, STARTER) == {}
    sheet = tmp_path / "mine.yaml"
    sheet.write_text(STARTER.read_text())
    review = build_review(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE)
    section = next(s for s in layout(review).sections if s.title == "Open placeholders")
    assert any(p.startswith("Legal to confirm:") for p in section.paragraphs)
    assert section.tables[-1].header[0] == "Legal to confirm (standard value)"


def test_a_list_entry_the_sheet_writes_is_its_own_even_when_it_matches_the_starter(catalogue, tmp_path):
    """A declared prior award whose year happens to equal the starter's example is a fact, not a default."""
    sheet = tmp_path / "mine.yaml"
    sheet.write_text(STARTER.read_text())
    rows = _rows(catalogue, sheet)
    assert not any("prior_assistance" in f for f in rows)
    assert "grant.subsidy.route" in rows
