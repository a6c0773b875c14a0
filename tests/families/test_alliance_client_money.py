"""What client money is (r35 al-fresh finding 3): the client money clause speaks of direct payments only where the
holder's money includes them (as the sheet says, or as what it delivers shows); other money kept for people (small
sums for activities) gets no direct-payment terms, a float option and a note that does not invent instructions."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat, flat_note, text_of
from tests.families.conftest import ALLIANCE_STAINMOOR_ALE

HOLDS = "    holds_client_money: true\n"


def _variant(tmp_path, catalogue, extra: str):
    text = ALLIANCE_STAINMOOR_ALE.read_text()
    assert HOLDS in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(HOLDS, HOLDS + extra, 1))
    return build(sheet, catalogue).document


def test_money_that_is_not_direct_payments_has_no_direct_payment_terms(tmp_path, catalogue):
    """Firing: the sheet says the holder's money is not direct payments: no direct payment in the definition or the
    clause, a float is allowed, and the note says the instructions exclude direct payments."""
    doc = _variant(tmp_path, catalogue, "    client_money_direct_payments: false\n")
    text = flat(text_of(clause(doc, "alliance.client-money")))
    assert "direct payment" not in text
    assert "in a locked float, with a separate record for each person" in text
    assert "or anyone with legal authority to act for that person in managing the money" in text
    assert "[[" not in text
    note = flat_note(doc, "alliance.client-money")
    assert "which the instructions say is not direct payments" in note
    assert "direct payment agreement" not in note
    defs = flat(text_of(clause(doc, "alliance.definitions"))) if any(
        c.id == "alliance.definitions" for c in doc.all_clauses()) else ""
    assert "direct payment paid into an account it manages" not in defs


def test_direct_payment_holder_keeps_direct_payment_terms(catalogue):
    """Quiet: a holder that delivers direct payment managed accounts keeps the direct-payment wording and no float."""
    doc = build(ALLIANCE_STAINMOOR_ALE, catalogue).document
    text = flat(text_of(clause(doc, "alliance.client-money")))
    assert "under the terms of the direct payment" in text
    assert "locked float" not in text
    note = flat_note(doc, "alliance.client-money")
    assert "(direct payments in managed accounts)" in note
    assert "direct payment agreement between the council and each person" in note
