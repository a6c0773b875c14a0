"""The Relevant Change in Law note says that Employment Rights Act 2025 measures made or announced before signing
(the zero hours and low hours rights in ss.1-4) fall outside the definition and are the provider's risk, to be priced
before signing (r28 ob-fresh finding 9); home care keeps its own treatment of those rights."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import document_of, flat, note

WEXCOMBE = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"
HOMECARE = ROOT / "samples" / "open-book" / "home-care-zones.yaml"


def _note(catalogue, path):
    return flat(note(document_of(catalogue, path.read_text(encoding="utf-8")), "open-book.change-in-law"))


def test_announced_era_measures_are_the_providers_risk(catalogue):
    n = _note(catalogue, WEXCOMBE)
    assert "Limb (a) excludes every other change made, published in draft or announced before signing." in n
    assert "guaranteed hours reflecting the hours worked in a reference period" in n
    assert ("is Heronsgate's risk: before signing, confirm that the £1,060,600 of staff pay in the cost model prices "
            "them") in n
    assert "expected in 2027, inside this term" in n


def test_home_care_keeps_one_treatment(catalogue):
    n = _note(catalogue, HOMECARE)
    assert "Limb (a) excludes" not in n
    assert n.count("Sections 1 to 4 of the Employment Rights Act 2025") == 1


def test_provider_taking_the_article_reads_the_providers_risk(catalogue):
    n = _note(catalogue, ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml")
    assert "is the Society's risk: before signing" in n
