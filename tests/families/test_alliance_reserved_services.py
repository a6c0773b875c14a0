"""Reserved Matters on closing or reducing a service: the closure sub-clause of the structure clause binds only the
services and places a Reserved Matter names, and a funding cut may reduce such a service only in proportion to the cut
across all the Services, never moving it to another Provider, unless the Reserved Matter is decided (r32 al-fresh
findings 2 and 6)."""
from __future__ import annotations

from tests.families.clause_texts import build, clause_text, flat_note, variant_of
from tests.families.conftest import ALLIANCE_EASTMOOR


def test_funding_cut_keeps_the_reserved_service_proportionate(catalogue):
    """Firing: a sheet reserving closing or reducing a service."""
    doc = build(ALLIANCE_EASTMOOR, catalogue).document
    decisions = clause_text(doc, "alliance.decisions", flat=True)
    assert ("may reduce the money for a service or place that a Reserved Matter names by no greater a proportion "
            "than the reduction in the money approved for all the Services; and (b) may not move any part of that "
            "service or place to another Provider.") in decisions
    assert "even where it closes, reduces or ends" not in decisions
    structure = clause_text(doc, "alliance.structure", flat=True)
    assert "a change to a Service Contract that closes a service or place that a Reserved Matter names" in structure
    assert "closes any of the Services" not in structure
    assert "no Provider can veto a closure" not in flat_note(doc, "alliance.decisions")
    assert "only in proportion to the cut across all the Services" in flat_note(doc, "alliance.decisions")
    assert "other services are not protected in this way" in flat_note(doc, "alliance.structure")


def test_no_closure_reserved_no_funding_cut_limits(catalogue):
    """Quiet: without such a Reserved Matter, neither sub-clause appears."""
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, "      - Closing a service or reducing it materially\n", "")
    assert "no greater a proportion" not in clause_text(doc, "alliance.decisions", flat=True)
    assert "that a Reserved Matter names" not in clause_text(doc, "alliance.structure", flat=True)
