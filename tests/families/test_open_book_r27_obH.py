"""r27 open-book review of the Caldmoor adults' homes (r27/ob-fresh.report.md): the findings the obH lane fixed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

FRESH = Path("/work/review/r27/ob-fresh.yaml")
SAMPLES = ROOT / "samples" / "open-book"
_CACHE: dict = {}


def _doc(catalogue, name: str, *edits: tuple[str, str]):
    key = (name, edits)
    if key not in _CACHE:
        path = SAMPLES / f"{name}.yaml"
        text = path.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text
            text = text.replace(old, new, 1)
        _CACHE[key] = document_of(catalogue, text)
    return _CACHE[key]


def test_finding7_rebase_refers_to_units_removed_and_drops_cancelling_share(catalogue):
    """ob-fresh 7: 6.1(d) refers to the clause that removes units; the Council's share that cancelled is gone."""
    t = flat(clause_text(_doc(catalogue, "adult-care-sharing-band"), "open-book.price-review"))
    assert "share of the Service Income" not in t
    assert "less the units removed under clause" in t
    assert "less any units removed" not in t
    n = note(_doc(catalogue, "adult-care-sharing-band"), "open-book.price-review")
    assert "Neither side is scaled by the Council's share of the Service Income" in n
    assert "(the share the Council paid for)" not in n
