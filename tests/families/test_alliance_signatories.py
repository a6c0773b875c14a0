"""Execution notes for a registered society agree with its signature block (r35 al-fresh finding 9): where the sheet
gives a second signatory, neither the key-information note nor the general clause's note says it signs alone."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import build, flat_note

EARLY_HELP = ROOT / "tests" / "families" / "fixtures" / "alliance-early-help.yaml"
SIGNATORY = "    signatory:\n      name: Bethan Oduya\n      position: Secretary\n"


def test_two_signatories_for_a_registered_society(tmp_path, catalogue):
    """Firing: Kittiwake's block has two signatories, and both notes say so."""
    text = EARLY_HELP.read_text()
    assert SIGNATORY in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(SIGNATORY, SIGNATORY + "      second_name: Ada Kerr\n      second_position: Chair\n", 1))
    doc = build(sheet, catalogue).document
    key = flat_note(doc, "alliance.key-information")
    assert ("Kittiwake signs by Bethan Oduya, Secretary, and Ada Kerr, Chair, as its signature block shows: check that "
            "Kittiwake's registered rules or a committee resolution authorise those officers") in key
    assert "Kittiwake signs by Bethan Oduya, Secretary, alone" not in key
    general = flat_note(doc, "common.general")
    assert "its block is for two signatories, Bethan Oduya (Secretary) and Ada Kerr (Chair)" in general
    assert "its block is for one signatory, Bethan Oduya" not in general


def test_one_signatory_for_a_registered_society(catalogue):
    """Quiet: with one signatory the notes keep the one-signatory wording."""
    doc = build(EARLY_HELP, catalogue).document
    assert "Kittiwake signs by Bethan Oduya, Secretary, alone" in flat_note(doc, "alliance.key-information")
    assert "its block is for one signatory, Bethan Oduya (Secretary)" in flat_note(doc, "common.general")
