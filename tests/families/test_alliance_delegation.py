"""Delegated Care Act functions (r34 al-fresh finding 1): where the sheet authorises a Provider to decide eligibility
(s.13) or personal budgets (s.26), the delegated functions clause and the Service Contract terms in the precedence
clause follow it, with controls in place of a reservation; the reservation stays only for what the sheet does not
delegate. Built on the Hollinshire carers' alliance fixture."""
from __future__ import annotations

from tests.families.clause_texts import clause, document_of, flat, text_of
from tests.families.conftest import ALLIANCE_HOLLINSHIRE

_CARERS = "    annual_value: 1380000\n"
_YOUNG = "    annual_value: 410000\n"


def _draft(catalogue, carers: list[str], young: list[str] | None = None):
    lines = "".join(f"      - {f}\n" for f in carers)
    text = ALLIANCE_HOLLINSHIRE.read_text()
    assert _CARERS in text and _YOUNG in text
    text = text.replace(_CARERS, _CARERS + "    delegated_functions:\n" + lines, 1)
    if young:
        text = text.replace(_YOUNG, _YOUNG + "    delegated_functions:\n" + "".join(f"      - {f}\n" for f in young), 1)
    return document_of(catalogue, text)


def _texts(doc, clause_id):
    c = clause(doc, clause_id)
    return flat(text_of(c)), flat(c.note or "")


def test_delegated_eligibility_and_budgets_get_controls_not_a_reservation(catalogue):
    """Firing: Carers Together decides eligibility and personal budgets; Young Carers does s.63 assessments. Clause 12
    keeps the decisions with the council only for Young Carers and sets controls for Carers Together; the Service
    Contract terms authorise both by reference to clause 12 and reserve eligibility only for Young Carers."""
    doc = _draft(catalogue, ["carers' assessments under section 10", "determinations of carers' eligibility under section 13",
                             "carers' personal budgets under section 26"], ["young carers' assessments under section 63"])
    body, note = _texts(doc, "alliance.delegated-functions")
    assert "Unless the Provider's Service Contract expressly provides otherwise" not in body
    assert ("the decision whether a person's needs meet the eligibility criteria under section 13 of the Care Act 2014, "
            "except where clause") in body
    assert "authorises Carers Together to make it" in body
    assert "to decide whether a person's needs meet the eligibility criteria, or the amount of a personal budget or direct payment, that Provider must:" in body
    assert "any personal budget or direct payment above the amount the County Council sets in writing for its sign-off" in body
    assert "As instructed, Carers Together decides whether a person's needs meet the eligibility criteria (section 13)" in note
    assert "this is the draft's proposal" not in note
    assert "Young Carers carries out young carers' assessments under section 63" in note
    prec, prec_note = _texts(doc, "alliance.precedence")
    assert ("authorises Carers Together and Young Carers, under section 79 of the Care Act 2014, to carry out on its "
            "behalf the functions set against each one's name in clause") in prec
    assert "reserves to the County Council the decision whether a carer's needs meet the eligibility criteria (for Young Carers)" in prec
    assert "authorise Carers Together to decide eligibility as well" in prec_note


def test_assessments_only_keep_the_reservation(catalogue):
    """Quiet: Carers Together only carries out carers' assessments (s.10), so the council keeps eligibility and the
    personal budget, no controls are set, and the Service Contract reserves eligibility for every assessing Provider."""
    doc = _draft(catalogue, ["carers' assessments under section 10"])
    body, note = _texts(doc, "alliance.delegated-functions")
    assert ("The County Council keeps: the decision whether a person's needs meet the eligibility criteria under section "
            "13 of the Care Act 2014; and the decision on the amount of any personal budget under section 26 of that Act.") in body
    assert "that Provider must: make each decision" not in body
    assert "keeps eligibility and the personal budget with the County Council" in note
    prec, _ = _texts(doc, "alliance.precedence")
    assert "reserves to the County Council the decision whether a carer's needs meet the eligibility criteria;" in prec
