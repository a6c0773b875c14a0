"""r19 al-fresh (lane al11): the decision rules do not contradict each other (budget Reserved Matter against the
overspend approvals, force-majeure leaving against the removal rule, the reduced quorum), the Commissioner cannot
force a deadlock by staying away, and the notes fit a children's-services accommodation alliance."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, text_of
from tests.families.clause_texts import flat as _flat

THISTLEBURY = Path(__file__).parent / "fixtures" / "alliance-thistlebury-r19.yaml"
SMALL = next(p for p in ALLIANCE if p.stem == "small-majority-three-members")
ADULTS = next(p for p in ALLIANCE if p.stem == "reablement-home-care-gain-only")


@pytest.fixture(scope="module")
def thistlebury(catalogue):
    return build(THISTLEBURY, catalogue).document


def test_childrens_functions_for_looked_after_children_and_care_leavers(thistlebury):
    """Finding 4: recital (A) cites the looked-after children and leaving care functions, the recitals note asks about
    the staying close duty's commencement, and the statutory functions note names children's functions (not Care Act
    care) and does not ask whether a council the sheet marks unitary is unitary."""
    recitals = clause(thistlebury, "alliance.recitals")
    assert "sections 17, 20, 22C, 22G and 23B to 24B of the Children Act 1989" in _flat(text_of(recitals))
    assert "section 23CZAA" in _flat(recitals.note or "") and "prospective" in _flat(recitals.note or "")
    functions = _flat(clause(thistlebury, "common.statutory-functions").note or "")
    assert "care and support under the Care Act 2014" not in functions and "public health" not in functions
    assert "section 42 of the Care Act 2014 for those aged 18 and over" in functions
    assert "as a unitary council, it is also the local housing authority" in functions
    assert "if it is a unitary council" not in functions


def test_adult_services_keep_the_care_act_functions(catalogue):
    """Finding 4 (quiet): an adults' alliance keeps the Care Act functions and cites no leaving care functions."""
    doc = build(SMALL, catalogue).document
    assert "23B to 24B" not in _flat(text_of(clause(doc, "alliance.recitals")))
    assert "Children Act 1989 for children in need, looked-after" not in _flat(
        clause(doc, "common.statutory-functions").note or "")


def test_ofsted_supported_accommodation_registration(thistlebury, catalogue):
    """Finding 3: where the services accommodate 16 and 17 year olds, 16.6 names the supported accommodation
    registration and forbids placing such a child with an unregistered Provider, and the note names the Provider
    the sheet does not record as registered; the Staying Close line does not make anyone a children's home."""
    ops = clause(thistlebury, "alliance.operations")
    text = _flat(text_of(ops))
    assert "Ofsted, for supported accommodation for looked-after children and care leavers aged 16 or 17" in text
    assert "childcare" not in text
    assert ("No Provider may accommodate a child aged 16 or 17 placed under section 22C(6)(d) or 23B(8)(b) of the "
            "Children Act 1989 unless it is registered with Ofsted") in text
    note = _flat(ops.note or "")
    assert "The instructions do not say that Hearth and Home is registered" in note
    assert "Foyer is registered" not in note
    quiet = _flat(text_of(clause(build(ADULTS, catalogue).document, "alliance.operations")))
    assert "supported accommodation undertaking" not in quiet
    young = build(SMALL, catalogue).document  # young people from 16, none recorded as registered: the rule applies
    assert "unless it is registered with Ofsted" in _flat(text_of(clause(young, "alliance.operations")))


def test_childrens_representations_procedure_before_the_ombudsman(thistlebury, catalogue):
    """Finding 8: looked-after children and care leavers complain through the Council's Children Act procedure."""
    text = _flat(text_of(clause(thistlebury, "alliance.operations")))
    assert "representations procedure under sections 24D and 26(3) of the Children Act 1989" in text
    quiet = _flat(text_of(clause(build(SMALL, catalogue).document, "alliance.operations")))
    assert "24D" not in quiet


def test_hosts_are_checked_and_treated_as_personnel(thistlebury, catalogue):
    """Finding 9: a Provider placing young people with hosts treats hosts and household members as Personnel and
    checks them before a placement; the Gillick passage goes where every person served is 16 or over."""
    text = _flat(text_of(clause(thistlebury, "alliance.operations")))
    assert "Hearth and Home places people with hosts in the hosts' own homes. It must treat each host" in text
    assert "so far as they are eligible for one, for each member of the host's household aged 16 or over" in text
    assert "Gillick" not in (clause(thistlebury, "common.safeguarding").note or "")
    quiet = build(ADULTS, catalogue).document
    assert "hosts' own homes" not in _flat(text_of(clause(quiet, "alliance.operations")))


def test_gillick_stays_where_younger_children_are_served(catalogue):
    """Finding 9 (quiet): a children's alliance that does not say everyone is 16 or over keeps the Gillick passage."""
    path = Path(__file__).parent / "fixtures" / "alliance-early-help.yaml"
    doc = build(path, catalogue).document
    note = clause(doc, "common.safeguarding").note or ""
    assert "Gillick" in note


def test_the_adviser_and_the_expert_are_told_apart(thistlebury):
    """Finding 17: the Independent Adviser's definition says what it is for, unlike the Independent Expert's."""
    defs = _flat(text_of(clause(thistlebury, "common.definitions")) if any(
        c.id == "common.definitions" for c in thistlebury.all_clauses()) else "")
    text = defs or " ".join(_flat(text_of(c)) for c in thistlebury.all_clauses())
    # r21 al-sample 11: each definition says what it is for, without explaining the other
    assert "on a Dispute between Alliance Members" in text and "deals instead with a deadlock" not in text


