"""Grants the alliance replaces (r36 al-fresh finding 11): a former arrangement that is a grant, not a contract, is
listed on former_contracts with `kind: grant`; the recitals, the transition clause and Part 2 of Schedule 1 say it
is not renewed and its work moves to the Service Contract, with no procurement ground for a grant's run-on."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import ALLIANCE_REABLEMENT

_FORMER = """  former_contracts:
    - member: trust
      title: Integrated community reablement service
      reference: WBC/ASC/2023/0087
"""
_GRANT = _FORMER + """    - member: carers-trust
      kind: grant
      title: Sitting service for carers
      annual_value: 60000
"""


def _sheet(former: str, expire: bool) -> str:
    text = ALLIANCE_REABLEMENT.read_text()
    assert _FORMER in text
    text = text.replace(_FORMER, former, 1)
    if expire:
        text = text.replace("  former_contracts_treatment: replaced", "  former_contracts_treatment: replaced\n  former_contracts_expire: 2027-03-31", 1)
    return text


def test_a_grant_among_the_former_contracts_is_said_to_end_without_procurement_reasoning(catalogue):
    """Firing: `kind: grant` on a former arrangement whose title does not say grant: recital (D), clause 5 and
    Schedule 1 Part 2 treat it as a grant."""
    doc = document_of(catalogue, _sheet(_GRANT, expire=True))
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    # the recital names the grant (sprint Y3, r42 al-familyhubs F21: "The grant among them to" was garbled)
    assert "Of those, the Sitting service for carers grant to Carers at Home is not renewed: the work it paid for is paid for under the Service Contracts instead." in recitals
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert ("Of the Former Contracts, the grant to Carers at Home listed in Part 2 of Schedule 1 is a grant from the "
            "Commissioner, not a contract for services, and is not renewed") in transition
    assert "must account for its grant as the grant's terms require" in transition
    assert "none of the Alliance Members will extend or renew it" in transition
    assert "or, for a Former Contract that is not a grant, the Commissioner has recorded" in transition
    schedule = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "The following contracts and grants expire on 31 March 2027" in schedule
    assert "[grant reference]" in schedule and "Contract or grant" in schedule


def test_only_grants_have_no_procurement_ground(catalogue):
    """Firing: where every former arrangement is a grant, the run-on has no procurement ground at all."""
    only = """  former_contracts:
    - member: trust
      kind: grant
      title: Integrated community reablement service
"""
    doc = document_of(catalogue, _sheet(only, expire=False))
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert "law on public procurement" not in transition
    assert "The grant to the Community Trust listed in Part 2 of Schedule 1 is a grant from the Commissioner" in transition


def test_contracts_alone_read_as_before(catalogue):
    """Quiet: with no grant the clause, recital and schedule keep their contract wording."""
    doc = document_of(catalogue, _sheet(_FORMER, expire=True))
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert "grant" not in transition
    assert "none of the Alliance Members will extend it." in transition
    assert "or the Commissioner has recorded, before its term would otherwise end, a ground on which the law on public procurement" in transition
    assert "grant" not in clause_text(doc, "alliance.recitals", flat=True).lower().replace("granted", "")
    schedule = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "The following contracts expire on 31 March 2027" in schedule and "Contract or grant" not in schedule
