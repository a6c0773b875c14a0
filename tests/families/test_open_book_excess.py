"""Open-book Excess Profit: the undisputed amount is paid without waiting for the figures still in question."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, draft_of
from tests.families.clause_texts import clause_text, flat

SAMPLES = ROOT / "samples" / "open-book"


@pytest.mark.parametrize("name, anchor", [("home-care-zones", "11.1"), ("childrens-homes-charity", "13.1"),
                                          ("supported-living-company", "11.1")])
def test_undisputed_excess_profit_is_dealt_with_within_30_days(catalogue, name, anchor):
    """r27 ob-homecare 17 (10.6 and 11.1): the figures not in question are treated as agreed, but the Excess Profit
    waited for the whole dispute. The undisputed amount (the lower of the two sides' figures) now goes within 30
    days after the referral, and the rest within 30 days after the decision, in every Excess Profit variant."""
    body = flat(clause_text(draft_of(catalogue, SAMPLES / f"{name}.yaml").document, "common.open-book-excess"))
    assert (f"must deal with the undisputed Excess Profit under clause {anchor} within 30 days after either of them "
            "refers the figures in question for decision, as if the Reconciliation Statement had been agreed.") in body
    assert "The undisputed Excess Profit is the lower of the amounts that " in body
    assert "must deal in the same way with any further Excess Profit the decision shows." in body


def test_other_families_are_unchanged(catalogue):
    """Quiet: the shared clause adds the paragraph for the open-book family only."""
    for path in sorted((ROOT / "samples").glob("*/*.yaml")):
        if path.parent.name == "open-book":
            continue
        doc = draft_of(catalogue, path).document
        ids = [c.id for c in doc.all_clauses()]
        if "common.open-book-excess" in ids:
            assert "undisputed Excess Profit" not in clause_text(doc, "common.open-book-excess"), path.name
