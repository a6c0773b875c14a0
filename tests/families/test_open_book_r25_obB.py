"""r25 open-book review of the Meadowbank children's homes sample (ob-sample.report.md) and ob-fresh finding 9:
the findings the obB lane fixed, tested with the sheets' own numbers."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

BRAMBLECOMBE = ROOT / "tests" / "families" / "fixtures" / "ob-r25-bramblecombe.yaml"
SAMPLE = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
VOID_PAYMENT = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"

_CACHE: dict = {}


def _doc(catalogue, path):
    if path not in _CACHE:
        _CACHE[path] = document_of(catalogue, path.read_text(encoding="utf-8"))
    return _CACHE[path]


def test_existing_placements_move_into_core_places_of_their_type(catalogue):
    """ob-fresh 9: the fourteen residents moving across fill Core Places of the type shown in the list; anyone for
    whom no Core Place of that type is free takes a place under clause 7.4 (paid only while used). Quiet: a
    void-payment sheet has no Core Places, and the user-choice sample ties Core Places to Existing Placements."""
    body = clause_text(_doc(catalogue, BRAMBLECOMBE), "open-book.placements", flat=True)
    assert ("Each of them occupies one of the Core Places of the type shown for them in the list. Any of them for whom "
            "no Core Place of that type is free occupies a place under clause 7.4.") in body
    for quiet in (VOID_PAYMENT, SAMPLE):
        assert "Each of them occupies one of the Core Places" not in clause_text(
            _doc(catalogue, quiet), "open-book.placements", flat=True)
