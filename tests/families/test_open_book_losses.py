"""Losses carried forward and the break-even point in the open-book family, tested with the Wexcombe neurological
supported-living sheet (r28 ob-fresh: a first-year mobilisation deficit only; the Overhead Cap binds as hours fall)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assembler.errors import UserError
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

SHEET = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"
UNTIL = "  loss_carry_until: 2028-04-30"
MOBILISATION = (UNTIL, UNTIL + "\n  loss_carry_limit: mobilisation")
_CACHE: dict = {}


def _text(*edits: tuple[str, str]) -> str:
    text = SHEET.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text
        text = text.replace(old, new)
    return text


def _doc(catalogue, *edits: tuple[str, str]):
    if edits not in _CACHE:
        _CACHE[edits] = document_of(catalogue, _text(*edits))
    return _CACHE[edits]


def test_mobilisation_deficit_only_is_carried_forward(catalogue):
    """r28 ob-fresh 2: 'first-year (mobilisation) deficit only': clause 15 carries only the first period's loss up
    to the mobilisation costs (the Schedule 2 category), says no other loss is carried, and the note agrees."""
    d = _doc(catalogue, MOBILISATION)
    t = flat(clause_text(d, "open-book.losses"))
    assert ("but only for the first Reconciliation Period (1 May 2027 to 30 April 2028), and only up to the amount "
            "of the mobilisation costs included in those Allowable Costs. No other loss is carried forward.") in t
    assert 'as "Mobilisation costs in the first Contract Year, including recruitment and the transfer of staff' in t
    assert "show them separately in the Reconciliation Statement" in t
    n = flat(note(d, "open-book.losses"))
    assert "only a deficit for the first Reconciliation Period (to 30 April 2028) and only up to the mobilisation costs" in n
    assert "whatever its cause" not in n
    rec = flat(clause_text(d, "common.open-book-schedule-reconciliation"))
    assert ("only if it arises in the first Reconciliation Period, and then only up to the mobilisation costs in that "
            "period; any other loss is Heronsgate's") in rec


def test_whole_loss_by_default(catalogue):
    """Quiet: without loss_carry_limit the first period's whole loss is carried, with no mobilisation limit."""
    d = _doc(catalogue)
    t = flat(clause_text(d, "open-book.losses"))
    assert "mobilisation costs" not in t
    assert "but only for the first Reconciliation Period (1 May 2027 to 30 April 2028)." in t
    assert "if the instruction is to carry only the deficit caused by the mobilisation costs" in flat(note(d, "open-book.losses"))


def test_mobilisation_limit_needs_mobilisation_costs(catalogue):
    """Firing: a mobilisation limit with no mobilisation cost to name is refused with a clear message; quiet: the
    sheet with its mobilisation category checks."""
    text = _text(MOBILISATION, ("    - Mobilisation costs in the first Contract Year, including recruitment and the "
                                "transfer of staff under TUPE\n", ""))
    with pytest.raises(UserError) as caught:
        validate(load_text(text, "t.yaml"), catalogue)
    assert "loss_carry_limit is 'mobilisation'" in str(caught.value)
    validate(load_text(_text(MOBILISATION), "t.yaml"), catalogue)


def test_break_even_applies_the_overhead_cap_as_the_scenarios_do(catalogue):
    """r28 ob-fresh 3(a): with fewer individual hours the Direct Costs fall and the Overhead Cap (10%) with them, so
    the break-even is about 48.9% (not 57.6%, which held Overheads at £110,560); the profit there is nil on the
    scenario table's own method. 3(b): the loss below it is carried only if it arises in the first period."""
    ob = validate(load_text(_text(), "t.yaml"), catalogue).model.open_book
    assert ob.break_even_occupancy == Decimal("48.9")
    for occ, sign in ((Decimal("48.8"), -1), (Decimal("49.0"), 1)):
        r = ob.reconcile("full-cost", "hard-cap", "refund", income=ob.income_at(occ),
                         direct_costs=ob.direct_costs_at(occ), overheads=ob.overheads_at(occ))
        assert r.actual_profit * sign > 0
    rec = flat(clause_text(_doc(catalogue), "common.open-book-schedule-reconciliation"))
    assert "the Overheads counted only up to the Overhead Cap, at 48.9% occupancy" in rec
    assert ("which is carried forward under clause 15 only if it arises in the first Reconciliation Period; any other "
            "loss is Heronsgate's.") in rec
