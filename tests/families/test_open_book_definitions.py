"""Open-book definitions: each defined term covers every clause that uses it."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of

FOXGLOVE = ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml"
CHARITY = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"


def _definition(doc) -> str:
    text = clause_text(doc, "common.definitions", flat=True)
    return text[text.index("Disallowed Costs means"):][:260]


def test_disallowed_costs_definition_names_the_rent_review_paragraph(catalogue):
    """r29 ob-fresh 8: the Sorrel Cottage rent paragraph makes a rent increase outside the review a Disallowed Cost,
    so the definition names that paragraph as well as the list."""
    d = document_of(catalogue, FOXGLOVE.read_text(encoding="utf-8"))
    body = clause_text(d, "open-book.scope", flat=True)
    assert "any premium or other payment to vary or surrender that lease, is a Disallowed Cost." in body
    assert "and the rent increases and payments for a lease that clause" in _definition(d)


def test_definition_is_the_list_alone_without_a_rent_review(catalogue):
    d = document_of(catalogue, CHARITY.read_text(encoding="utf-8"))
    assert "rent increases and payments for a lease" not in _definition(d)
