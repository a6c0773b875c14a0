"""Central Government Grant named exhaustively (alliance.central_grant_only), the note that asks about other government
money where it is not, and the note on a cut that overrides a Reserved Matter protecting a share of the budget
(r43 al-careleavers note 4, al-domabuse notes 5 and 16)."""
from __future__ import annotations

from tests.families.clause_texts import definition, document_of, note
from tests.families.conftest import ALLIANCE_DOMABUSE_R43

CUT = "  central_grant_cut: true\n"


def _doc(catalogue, extra: str = "", reserved: bool = True):
    text = ALLIANCE_DOMABUSE_R43.read_text()
    assert CUT in text
    text = text.replace(CUT, CUT + extra, 1)
    if not reserved:
        text = text.replace(", or to their share of the Alliance Budget", "", 1)
    return document_of(catalogue, text)


def test_named_grant_only(catalogue):
    """Firing: the definition names the grant alone and the note does not ask about other money."""
    doc = _doc(catalogue, "  central_grant_only: true\n")
    words = definition(doc, "Central Government Grant")
    assert words.startswith("the Domestic Abuse Safe Accommodation Grant from the Ministry of Housing")
    assert words.endswith("and no other grant") and "any grant paid" not in words
    assert "takes in any grant from a Minister" not in note(doc, "alliance.central-grant")


def test_default_definition_and_note_ask_about_other_money(catalogue):
    """Quiet (definition as before) and firing (the note asks about other government money)."""
    doc = _doc(catalogue)
    assert definition(doc, "Central Government Grant").startswith("any grant paid to the Commissioner by a Minister")
    n = note(doc, "alliance.central-grant")
    assert "The definition of Central Government Grant takes in any grant from a Minister of the Crown" in n


def test_cut_overriding_a_reserved_share_is_noted(catalogue):
    """Firing: a Reserved Matter protecting a share of the budget is named; quiet: without one, no such sentence."""
    n = note(_doc(catalogue), "alliance.central-grant")
    assert "applies despite the Reserved Matters, including \"Any change to the by-and-for services" in n
    assert "applies despite the Reserved Matters, including" not in note(_doc(catalogue, reserved=False), "alliance.central-grant")
