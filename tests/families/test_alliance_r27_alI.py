"""r27 alliance review (lane alI): the Lynmere dementia alliance, council and ICB (al-fresh findings 2, 3, 4, 11, 12,
13, 15)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import build, clause, table_rows, text_of

LYNMERE = Path(__file__).parent / "fixtures" / "alliance-lynmere-r27i.yaml"


@pytest.fixture(scope="module")
def lynmere(catalogue):
    return build(LYNMERE, catalogue).document


def note(doc, cid) -> str:
    return _flat(clause(doc, cid).note or "")


def _variant(tmp_path, old: str, new: str) -> Path:
    text = LYNMERE.read_text()
    assert old in text
    out = tmp_path / "variant.yaml"
    out.write_text(text.replace(old, new, 1))
    return out


def test_recital_names_the_icb_contract_split(lynmere):
    """al-fresh finding 2 (firing): the Trust's Service Contract is with the ICB, so recital (A) says the Council
    arranges the other Providers' Services and the ICB the Trust's, and the note does not say the Council is party to
    every Service Contract."""
    text = _flat(text_of(clause(lynmere, "alliance.recitals")))
    assert ("the arrangement under which the Council arranges the Services delivered by Dementia Support Lynmere, "
            "Common Ground and Ashby Vale for itself and the ICB, are governed by") in text
    assert "The ICB arranges the Services delivered by the Trust under its own Service Contract" in text
    assert "on behalf of the ICB" not in text
    n = note(lynmere, "alliance.recitals")
    assert "party to every Service Contract" not in n
    assert "and the ICB to the Trust's" in n
    assert "confirm that the Section 75 Agreement reflects this split of the Service Contracts" in n


def test_recital_council_arranges_all_where_no_member_contracts_with_the_icb(tmp_path, catalogue):
    """al-fresh finding 2 (quiet): without service_contract_with the Council holds every Service Contract."""
    sheet = _variant(tmp_path, "    service_contract_with: icb\n", "")
    doc = build(sheet, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.recitals")))
    assert "arranges the Services on behalf of the ICB" in text
    assert "under its own Service Contract" not in text
    assert "the Council is party to every Service Contract" in note(doc, "alliance.recitals")


