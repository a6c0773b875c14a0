"""The operations clause's examples of the registrations a Provider keeps: the Care Quality Commission is named from
members[].registrations, with whose registration and for which regulated activity (an NHS trust member's health
services, say), rather than guessed from the service words (r33 al-fresh F8)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import ALLIANCE_LYNMERE

TRUST = "  - key: trust\n"
CQC = ("    registrations:\n"
       "      - {regulator: Care Quality Commission, activity: 'treatment of disease, disorder or injury'}\n")


def _with_registration() -> str:
    text = ALLIANCE_LYNMERE.read_text(encoding="utf-8")
    i = text.index(TRUST)
    j = text.index("    role: provider\n", i) + len("    role: provider\n")
    return text[:j] + CQC + text[j:]


def test_cqc_example_names_the_trust_and_its_activity(catalogue):
    """Firing: the NHS foundation trust's CQC registration names the example."""
    doc = document_of(catalogue, _with_registration())
    ops = clause_text(doc, "alliance.operations", flat=True)
    assert "(such as the Care Quality Commission, for the Trust's treatment of disease, disorder or injury" in ops


def test_cqc_example_without_registrations_is_generic(alliance_lynmere):
    """Quiet: without registrations the example stays as the services suggest, naming no Provider."""
    ops = clause_text(alliance_lynmere, "alliance.operations", flat=True)
    assert "the Care Quality Commission, for the Trust's" not in ops


def test_cqc_example_names_each_holder_once(catalogue):
    """Firing: a Provider registered twice for the same activity (two locations) is named once (r44 al-substance F7)."""
    twice = CQC + "      - {regulator: Care Quality Commission, activity: 'treatment of disease, disorder or injury'}\n"
    text = _with_registration().replace(CQC, twice, 1)
    ops = clause_text(document_of(catalogue, text), "alliance.operations", flat=True)
    assert "for the Trust's treatment of disease, disorder or injury)" in ops
    assert ops.count("the Trust's treatment of disease") == 1
