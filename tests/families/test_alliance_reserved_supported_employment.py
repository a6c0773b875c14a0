"""A Service Contract (or lot) reserved under section 32 of the Procurement Act 2023 to supported employment providers
is recited in recital (C), with a note on keeping that status (r35 al-fresh finding 4)."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat, flat_note, text_of
from tests.families.conftest import ALLIANCE_SMALL

PATHWAYS = "  - key: pathways\n"
ROUTE = "  procurement_route: competitive_flexible\n"


def _variant(tmp_path, catalogue, *, lots: bool):
    text = ALLIANCE_SMALL.read_text()
    assert PATHWAYS in text and ROUTE in text
    text = text.replace(PATHWAYS, PATHWAYS + "    reserved_supported_employment: true\n", 1)
    if lots:
        text = text.replace(ROUTE, ROUTE + "  award_lots: 2\n", 1)
    sheet = tmp_path / ("lots.yaml" if lots else "variant.yaml")
    sheet.write_text(text)
    return build(sheet, catalogue).document


def test_reserved_contract_is_recited_with_a_note(tmp_path, catalogue):
    """Firing: the reserved Provider's Service Contract (or its lot) is recited as reserved under s.32."""
    doc = _variant(tmp_path, catalogue, lots=False)
    text = flat(text_of(clause(doc, "alliance.recitals")))
    assert ("Pathways' Service Contract was reserved under section 32 of the Procurement Act 2023 to suppliers that "
            "are supported employment providers.") in text
    note = flat_note(doc, "alliance.recitals")
    assert "reserved under section 32 of the Procurement Act 2023 to supported employment providers" in note
    assert "at least 30% of its workforce" in note and "(s.32(4))" in note
    assert "the instructions give a different route" not in note
    lots = flat(text_of(clause(_variant(tmp_path, catalogue, lots=True), "alliance.recitals")))
    assert "The lot for Pathways' Service Contract was reserved under section 32" in lots


def test_no_reservation_no_words(catalogue):
    """Quiet: without the field, neither the recital nor the note mentions section 32."""
    doc = build(ALLIANCE_SMALL, catalogue).document
    assert "section 32" not in flat(text_of(clause(doc, "alliance.recitals")))
    assert "section 32" not in flat_note(doc, "alliance.recitals")
