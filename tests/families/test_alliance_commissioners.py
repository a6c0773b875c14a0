"""How the draft names the commissioning bodies: with two Commissioners, the operative clauses say "a Commissioner",
"each Commissioner", "the Commissioners" or "the Commissioner party to" a contract, never a bare "the Commissioner";
with one, "the Commissioner" reads as before (r27 al-fresh findings 12 and 15)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

LYNMERE = Path(__file__).parent / "fixtures" / "alliance-lynmere-r27i.yaml"


@pytest.fixture(scope="module")
def lynmere(catalogue):
    return build(LYNMERE, catalogue).document


@pytest.fixture(scope="module")
def single(catalogue):
    return build(next(p for p in ALLIANCE if "small-majority" in p.name), catalogue).document


def body(doc, cid) -> str:
    return _flat(text_of(clause(doc, cid)))


def test_two_commissioners_are_never_a_bare_the_commissioner(lynmere):
    """Firing: the Lynmere sheet has the Council and the ICB."""
    assert ("No Reserved Matter prevents a Commissioner from acting under clause 11: where a Commissioner changes "
            "eligibility") in body(lynmere, "alliance.decisions")
    assert "which does not bind any Commissioner." in body(lynmere, "alliance.decisions")
    assert ("The Commissioners, acting jointly through the Lead Commissioner, may extend the Term once"
            in body(lynmere, "alliance.term-termination"))
    assert "only with any approval each Commissioner's constitution requires." in body(lynmere, "alliance.term-termination")
    assert "only after each Commissioner that is to pay it has confirmed in writing" in body(lynmere, "alliance.changes")
    assert "Any right of a Commissioner to withhold or reduce a payment" in body(lynmere, "alliance.structure")
    assert "must indemnify each Commissioner and any other Alliance Member" in body(lynmere, "alliance.workforce")
    assert "how to take a complaint to the Commissioner that commissions it" in body(lynmere, "alliance.operations")
    assert "the Commissioners take what remains" in body(lynmere, "alliance.schedule-risk-reward")
    assert "the Commissioner takes what remains" not in body(lynmere, "alliance.schedule-risk-reward")


def test_one_commissioner_reads_as_before(single):
    """Quiet: one Commissioner keeps "the Commissioner"."""
    assert "No Reserved Matter prevents the Commissioner from acting under" in body(single, "alliance.decisions")
    assert "which does not bind the Commissioner." in body(single, "alliance.decisions")
    assert "must indemnify the Commissioner and any other" in body(single, "alliance.workforce")
    assert "the Commissioner takes what remains" in body(single, "alliance.schedule-risk-reward")


def test_commissioners_split_of_gain_and_pain_is_stated_once(lynmere):
    """Firing (r27 al-fresh finding 15): clause 13 refers to the one rule between the Commissioners in clause 12."""
    assert "The Commissioners' share is divided between them as clause 12.14 provides." in body(lynmere, "alliance.risk-reward")
    assert "unless they agree otherwise between themselves" not in body(lynmere, "alliance.risk-reward")
