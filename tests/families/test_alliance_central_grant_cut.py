"""The central grant clause's cut, exit and payment limit (r37 al-fresh finding 2): where the sheet does not instruct
them they are one bracketed proposal, with the leaving clause's exception and the Service Contract term bracketed
with them, so that one instruction (central_grant_cut) keeps or deletes them all."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, flat_note, variant_of
from tests.families.conftest import ALLIANCE_EASTMOOR

FUNDING = "  funding: the Council's Rough Sleeping"


def _doc(catalogue, cut: str | None):
    extra = "" if cut is None else f"  central_grant_cut: {cut}\n"
    return variant_of(catalogue, ALLIANCE_EASTMOOR, FUNDING, extra + FUNDING)


def test_uninstructed_cut_is_one_bracketed_proposal(catalogue):
    """Firing: the sheet is silent, so the reduction, the exit after it and the limit are bracketed, 27.1 lists the
    exit (bracketed) among its exceptions, and 3.4 lists the matching Service Contract term (bracketed)."""
    doc = _doc(catalogue, None)
    grant = clause_text(doc, "alliance.central-grant", flat=True)
    assert "[If a Central Government Grant is reduced, withdrawn or not renewed" in grant
    assert "[A Provider whose Annual Value is reduced under clause" in grant
    assert "[Once the Commissioner has given notice of a reduction under clause" in grant
    assert "under a Service Contract so far as it contains the matching term that clause 3." in grant
    leaving = clause_text(doc, "alliance.leaving", flat=True)
    assert "[, or, for a Provider, after a reduction of its Annual Value under clause" in leaving
    precedence = clause_text(doc, "alliance.precedence", flat=True)
    assert "[the reduction of the Annual Value under clause" in precedence
    note = flat_note(doc, "alliance.central-grant")
    assert "Neither (d) nor (e) is in the instructions: the draft proposes them as one set" in note
    assert "so that one instruction keeps or deletes them all" in note


def test_instructed_cut_is_unbracketed(catalogue):
    """Quiet: central_grant_cut: true keeps the three sub-clauses, the exception and the term, without brackets."""
    doc = _doc(catalogue, "true")
    grant = clause_text(doc, "alliance.central-grant", flat=True)
    assert "If a Central Government Grant is reduced, withdrawn or not renewed" in grant
    assert "[If a Central Government Grant" not in grant and "[So far as" not in grant
    leaving = clause_text(doc, "alliance.leaving", flat=True)
    assert ", or, for a Provider, after a reduction of its Annual Value under clause" in leaving
    assert "[, or, for a Provider" not in leaving
    assert "Neither (d) nor (e) is in the instructions" not in flat_note(doc, "alliance.central-grant")


def test_cut_left_out(catalogue):
    """Quiet: central_grant_cut: false leaves out the reduction, the exit after it, the limit, the exception and the
    Service Contract term; the conditions, information and repayment sub-clauses stay."""
    doc = _doc(catalogue, "false")
    grant = clause_text(doc, "alliance.central-grant", flat=True)
    assert "Each such Provider must comply with those Grant Conditions" in grant
    assert "is reduced, withdrawn or not renewed" not in grant
    assert "not liable to pay for a Provider's Grant-Funded Annual Value" not in grant
    assert "after a reduction of its Annual Value" not in clause_text(doc, "alliance.leaving", flat=True)
    assert "the reduction of the Annual Value under clause" not in clause_text(doc, "alliance.precedence", flat=True)
    assert "it gives no right to cut the Annual Values" in flat_note(doc, "alliance.central-grant")
