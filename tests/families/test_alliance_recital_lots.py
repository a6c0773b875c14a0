"""Recital (C) states only what the sheet gives (r40 al-shortbreaks finding 8, al-ld finding 9): the Commissioner's
assessment of the law is recited without the fact, which the sheet does not give, that it is on the procurement file
(that stays in square brackets), and "one for each Provider" is said only where the former contracts' lots show it,
in square brackets where they name no lot, and not at all where a Provider holds two lots or two share one."""
from __future__ import annotations

import re

from tests.families.clause_texts import clause_text, document_of, flat
from tests.families.conftest import ALLIANCE_BIG

LOTS = {"harbour": "1", "recovery": "2", "health": "3", "shelter": "4", "hope-anchor": "5", "hospice": "6",
        "access": "7"}


def _big(lots: dict[str, str] | None) -> str:
    text = ALLIANCE_BIG.read_text().replace("  former_contracts:\n", "  award_lots: 7\n  former_contracts:\n", 1)
    if lots:
        def lot(m: re.Match) -> str:
            return m.group(0).replace("reference: TCC/", f"reference: Lot{lots[m.group(1)]}-TCC/") \
                if m.group(1) in lots else m.group(0)
        text = re.sub(r"\{member: ([\w-]+), title: [^}]*?reference: TCC/", lot, text)
    return text


def _recitals(catalogue, text: str) -> str:
    return flat(clause_text(document_of(catalogue, text), "alliance.recitals"))


def test_one_lot_each_shown_by_the_former_contracts(catalogue):
    """Firing: each Provider's contracts are one lot of its own, so the recital says so."""
    rec = _recitals(catalogue, _big(LOTS))
    assert "divided into seven lots, one for each Provider" in rec
    assert "[one for each Provider]" not in rec


def test_a_provider_holding_two_lots_is_not_one_each(catalogue):
    """Quiet: a Provider holding two lots (as in a spot-purchase lot beside a block lot) gives no 'one for each'."""
    lots = dict(LOTS, recovery="1")  # two Providers share Lot 1, so one lot is left over
    rec = _recitals(catalogue, _big(lots))
    assert "divided into seven lots" in rec
    assert "one for each Provider" not in rec


def test_lots_not_named_are_bracketed_and_the_file_is_not_asserted(catalogue):
    """Where the former contracts name no lot the words are bracketed; the assessment is recited without asserting
    where it is recorded."""
    rec = _recitals(catalogue, _big(None))
    assert "divided into seven lots, [one for each Provider]" in rec
    assert "recorded on its procurement file its assessment" not in rec
