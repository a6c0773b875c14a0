"""r25 alliance review (lane alB): al-sample findings 1, 2, 3 (= al-fresh 7), 5, 6, 7, 12, 16."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of

KINGSHOLT = Path(__file__).parent / "fixtures" / "alliance-kingsholt-r25.yaml"


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


@pytest.fixture(scope="module")
def kingsholt(catalogue):
    return build(KINGSHOLT, catalogue).document


def test_carved_out_claims_are_capped_under_no_blame(big):
    """al-sample finding 5 (firing): the carved-out claims have a yearly cap (the greater of a bracketed fixed sum and
    the member's Annual Value) and no indirect loss; fraud, death and personal injury, sums due and staff transfers
    stay outside; the note ties the figure to the insurance levels."""
    c = clause(big, "alliance.liability")
    text = _flat(text_of(c))
    assert ("Each Alliance Member's total liability in each Alliance Year for the claims listed in clause 23.2 is limited"
            " to the greater of") in text
    assert "and its Annual Value for that Alliance Year." in text
    assert "No Alliance Member is liable for any of those claims for loss of profit, loss of revenue or indirect or consequential loss." in text
    assert "do not apply to liability for: fraud, fraudulent misrepresentation or a Prohibited Act;" in text or "do not apply to liability for:" in text
    assert "death or personal injury caused by negligence;" in text
    assert "The carved-out claims have no financial limit" not in c.note
    assert "Moorview's is £600,000, the smallest" in c.note and "insurance clause" in c.note


def test_capped_liability_has_no_second_carve_out_cap(catalogue):
    """al-sample finding 5 (quiet): the capped position already limits liability; it gets no carve-out cap."""
    seen = 0
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        c = clause(doc, "alliance.liability")
        if "capped" not in (getattr(c, "variant", "") or "") and "limits in this clause" not in text_of(c):
            continue
        seen += 1
        assert "for the claims listed in clause" not in _flat(text_of(c))
    assert seen >= 1


