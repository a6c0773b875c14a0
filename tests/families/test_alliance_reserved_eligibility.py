"""The carve-out letting a Commissioner change eligibility without a Reserved Matter decision (majority variant of
alliance.decisions) does not reach a change that is itself a listed Reserved Matter, unless Law or statutory guidance
requires it (r44 al-youthhousing finding 8)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import ALLIANCE_SMALL

WORDS = "But a change that is itself one of the Reserved Matters listed in clause"


def test_listed_reserved_matter_stays_reserved(catalogue):
    """Firing: the sample lists Reserved Matters, so the eligibility carve-out is limited."""
    text = clause_text(document_of(catalogue, ALLIANCE_SMALL.read_text()), "alliance.decisions", flat=True)
    assert WORDS in text and "remains a Reserved Matter unless Law or statutory guidance requires that change" in text


def test_reserved_eligibility_keeps_its_own_words(catalogue):
    """Quiet: where a Reserved Matter names eligibility, the clause's own branch for that applies, without the limit."""
    sheet = ALLIANCE_SMALL.read_text().replace(
        "    reserved_matters:\n", "    reserved_matters:\n      - Changing eligibility for the Services\n", 1)
    assert WORDS not in clause_text(document_of(catalogue, sheet), "alliance.decisions", flat=True)
