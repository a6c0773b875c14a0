"""Use of the facts in alliance drafts (r37 al-fresh findings 6 to 8, tool notes 2, 3 and 11): a drafting note never says
the instructions do not give a fact that a field gives; the sheet's own involvement body is the defined group; a third
party's staff or data are not its premises; a wholly new Provider's Annual Value is explained as new services; payments
to hosts are not payments to people using the Services; a full name beginning 'The' reads 'the' mid-sentence."""
from __future__ import annotations

from tests.families.clause_texts import clause, document_of, flat, text_of
from tests.families.conftest import ALLIANCE_THISTLEBURY

_THISTLEBURY = ALLIANCE_THISTLEBURY.read_text(encoding="utf-8")
_HEARTH_DELIVERS = "    delivers:\n      - Supported lodgings with approved hosts for young people aged 16 to 21 (30 places)\n"
_HEARTH_REGISTERED = ("    registrations:\n      - {regulator: Ofsted, activity: supported accommodation for looked after "
                      "children aged 16 and 17 and care leavers, location: Hearth and Home supported lodgings}\n"
                      + _HEARTH_DELIVERS)


def test_ofsted_note_follows_the_registration_the_sheet_gives(catalogue):
    """Finding 8, firing: with Hearth and Home's Ofsted registration in members[].registrations, the note asks for a
    check of it against the register and no longer says the instructions do not say it is registered."""
    assert _HEARTH_DELIVERS in _THISTLEBURY
    doc = document_of(catalogue, _THISTLEBURY.replace(_HEARTH_DELIVERS, _HEARTH_REGISTERED, 1))
    note = flat(clause(doc, "alliance.operations").note or "")
    assert "The instructions do not say that Hearth and Home is registered" not in note
    assert "The instructions give Hearth and Home's registration with Ofsted (supported accommodation for looked" in note
    assert "check it against Ofsted's register of supported accommodation undertakings" in note


def test_ofsted_note_without_a_registration(catalogue):
    """Finding 8, quiet: with no registration given, the note still says so and asks no register check."""
    note = flat(clause(document_of(catalogue, _THISTLEBURY), "alliance.operations").note or "")
    assert "The instructions do not say that Hearth and Home is registered" in note
    assert "Ofsted's register of supported accommodation undertakings" not in note
