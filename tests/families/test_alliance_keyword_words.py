"""Keyword tests on the sheet's words match whole words, not parts of longer words (r40 al-resettle finding 7):
"refugee" is not "refuge", so a refugee resettlement alliance gets no domestic-abuse clause, no refuge-address duty
and no refuge handover; a sheet that names a refuge still does."""
from __future__ import annotations

from assembler.formatting import has_word
from tests.families.clause_texts import all_text, document_of
from tests.families.conftest import ALLIANCE_STAINMOOR_ALE

PURPOSE = "  purpose: >-\n"


def _with_purpose(words: str) -> str:
    return ALLIANCE_STAINMOOR_ALE.read_text().replace(PURPOSE, PURPOSE + "    " + words + "\n", 1)


def test_has_word_matches_words_and_plurals_not_longer_words():
    assert has_word("a refuge for women", "refuge")
    assert has_word("two refuges", "refuge")
    assert not has_word("resettled refugees and refugee families", "refuge")
    assert has_word("learning disabilities", "learning disabilit*")
    assert not has_word("within needs", "in need")


def test_refugees_switch_on_no_refuge_clauses(catalogue):
    """Quiet: a refugee resettlement purpose carries no domestic-abuse clause and no refuge handover."""
    doc = document_of(catalogue, _with_purpose("resettle refugee families and help refugees settle;"))
    ids = [c.id for c in doc.clauses] if hasattr(doc, "clauses") else []
    text = all_text(doc)
    assert "alliance.domestic-abuse" not in ids
    assert "runs a refuge" not in text
    assert "Domestic Abuse Act 2021" not in text


def test_a_refuge_still_switches_them_on(catalogue):
    """Firing: a purpose naming domestic abuse and a refuge keeps the clause and the refuge handover."""
    doc = document_of(catalogue, _with_purpose("support survivors of domestic abuse, including in a refuge;"))
    text = all_text(doc)
    assert "runs a refuge" in text
    assert "Domestic Abuse Act 2021" in text
