"""r26 ob-fresh findings (lane obE): Cheviot Vale children's homes block, three homes run by a CIC."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

CHEVIOT = ROOT / "tests" / "families" / "fixtures" / "ob-r26-cheviot.yaml"
SAMPLE = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
_CACHE: dict = {}


def _load(catalogue, path, text=None):
    key = (path, text)
    if key not in _CACHE:
        _CACHE[key] = document_of(catalogue, text if text is not None else path.read_text(encoding="utf-8"))
    return _CACHE[key]


def test_minimum_core_places_is_a_total_across_the_homes(catalogue):
    """ob-fresh 1: 'minimum 5' with homes of 3, 3 and 1 Core Places is a total: 7.5 lets the Council go down to five
    in all, a bracket says at which home a removed place is, and the note says two of the seven may go."""
    d = _load(catalogue, CHEVIOT)
    body = clause_text(d, "open-book.voids", flat=True)
    assert "The Council may not reduce the Core Places to fewer than five in total at all the Homes." in body
    assert "[The notice of a reduction must say at which home each place removed is" in body
    assert "at a home to fewer than" not in body
    n = flat(note(d, "open-book.voids"))
    assert "so the Council may remove up to two of the seven Core Places" in n
    assert "applies at each home" not in n


def test_minimum_core_places_stays_per_home_for_a_user_choice_award_where_every_home_has_it(catalogue):
    """Quiet: the sample's user-choice award keeps two at each home (every home has at least two Core Places)."""
    body = clause_text(_load(catalogue, SAMPLE), "open-book.voids", flat=True)
    assert "The Council may not reduce the Core Places at a home to fewer than two;" in body
    assert "in total at all the Homes" not in body
