"""The commissioner as the only purchaser at the homes (services.other_purchasers false): r28 ob-fresh finding 11 and
tool note 2 (the whole-homes draft kept the other purchasers' share of Excess Profit and of the Reinvestment Fund,
and 9.1 pulled into the open book support tenants buy with direct payments or their own money)."""

from __future__ import annotations

import re

import pytest

from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import OB_ADULT, OB_WEXCOMBE

SOLE = "  other_purchasers: false\n  personal_data: true\n"


def _sole(text: str) -> str:
    assert "  personal_data: true\n" in text
    return text.replace("  personal_data: true\n", SOLE, 1)


@pytest.mark.parametrize("excess", ["reinvest", "refund", "split"])
def test_sole_purchaser_drops_the_other_purchasers_machinery(catalogue, excess):
    text = _sole(OB_WEXCOMBE.read_text()).replace("open_book_excess: reinvest", f"open_book_excess: {excess}")
    if excess == "split":
        text = text.replace("    carry_below: 3000\n", "    carry_below: 3000\n    split_percentage: 50\n")
    d = document_of(catalogue, text)
    scope = clause_text(d, "open-book.scope", flat=True)
    assert scope.startswith("The open-book terms apply to the Care Services. The Council is the only purchaser of "
                            "care and support at the Homes, including the share the ICB funds through it.")
    assert "including support a Tenant buys with a direct payment or their own money, is not part of the Open-Book Services" in scope
    body = " ".join(clause_text(d, c.id, flat=True) for c in d.all_clauses())
    assert not re.search(r"other purchaser|another purchaser|whoever pays", body, re.I), \
        re.search(r".{120}(other purchaser|another purchaser|whoever pays).{60}", body, re.I)


def test_other_purchasers_kept_by_default(catalogue):
    d = document_of(catalogue, OB_WEXCOMBE.read_text())
    scope = clause_text(d, "open-book.scope", flat=True)
    assert "including support bought by other public bodies or by anyone else" in scope
    assert "the other purchasers of care and support at the Homes have no interest in it" in scope


def test_sole_purchaser_care_home(catalogue):
    text = OB_ADULT.read_text()
    text = text.replace("  personal_data: true\n", SOLE, 1) if "  personal_data: true\n" in text else \
        text.replace("services:\n", "services:\n  other_purchasers: false\n", 1)
    scope = clause_text(document_of(catalogue, text), "open-book.scope", flat=True)
    assert "The Council is the only purchaser of places in the Homes" in scope or "is the only purchaser of places in the" in scope
    assert "including care a person pays for themselves" in scope
