"""The Reinvestment Fund where Excess Profit is reinvested (open-book family), tested with the Wexcombe neurological
supported-living sheet (r28 ob-fresh 10: 'surplus above the band goes to a fund for the tenants, not back to the
Council', while the fallbacks refunded unplanned and unspent money to the Council)."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

SHEET = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"
NEXT_PLAN = ("    carry_below: 3000\n", "    carry_below: 3000\n    unspent: next-plan\n")
_CACHE: dict = {}


def _doc(catalogue, *edits: tuple[str, str]):
    if edits not in _CACHE:
        text = SHEET.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text
            text = text.replace(old, new)
        _CACHE[edits] = document_of(catalogue, text)
    return _CACHE[edits]


def test_unplanned_and_unspent_money_goes_into_a_further_plan(catalogue):
    """unspent: next-plan: 12.5 and 12.7 carry the money into a further Reinvestment Plan instead of refunding it;
    only money unspent 12 months after the end, or the whole balance on insolvency, reaches the Council."""
    d = _doc(catalogue, NEXT_PLAN)
    t = flat(clause_text(d, "common.open-book-excess"))
    assert ("within [120] days after the transfer, Heronsgate must propose a further Reinvestment Plan for it within "
            "30 days after the end of that period.") in t
    assert ("not spent within [12] months after its Reinvestment Plan is approved must be included in a further "
            "Reinvestment Plan") in t
    assert "Any part of the Reinvestment Fund not spent within [12] months after this Agreement ends must be paid to the Council" in t
    assert "immediately if Heronsgate becomes insolvent" in t
    assert t.count("as refunded Excess Profit") == 1   # the insolvency payment only
    n = flat(note(d, "common.open-book-excess"))
    assert "As instructed, the money goes to the fund and not back to the commissioner" in n
    assert "these refunds cut across it" not in n and "If no plan is approved within 120 days the transfer is refunded" not in n


def test_default_refunds_and_the_note_flags_the_conflict(catalogue):
    """Quiet: by default 12.5 and 12.7 refund as before, and the note says plainly that this cuts across an
    instruction that the money must not come back, with the alternative."""
    d = _doc(catalogue)
    t = flat(clause_text(d, "common.open-book-excess"))
    assert "Heronsgate must pay that transfer to the Council" in t
    assert "further Reinvestment Plan" not in t
    n = flat(note(d, "common.open-book-excess"))
    assert ("If the instruction is that Excess Profit goes to the fund and not back to the commissioner, these "
            "refunds cut across it") in n
