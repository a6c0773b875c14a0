"""A percentage majority that becomes unanimity when the membership shrinks by one (r35 al-fresh finding 10): the
decisions note tells the client and offers "all but one" wording."""
from __future__ import annotations

from tests.families.clause_texts import build, flat_note
from tests.families.conftest import ALLIANCE_HAVERLEIGH, ALLIANCE_KINGSHOLT


def test_eighty_percent_of_five_becomes_unanimity_with_four(catalogue):
    """Firing: 80% of five members is four votes, but 80% of four is all four."""
    note = flat_note(build(ALLIANCE_KINGSHOLT, catalogue).document, "alliance.decisions")
    assert "With one member fewer" in note
    assert "80% of four votes is all four, so the rule becomes unanimity" in note
    assert "all but one of the Alliance Members entitled to vote (and not fewer than three)" in note


def test_seventy_five_percent_of_five_stays_a_majority_with_four(catalogue):
    """Quiet: 75% of five is four votes and 75% of four is three, so nothing is said."""
    assert "With one member fewer" not in flat_note(build(ALLIANCE_HAVERLEIGH, catalogue).document, "alliance.decisions")
