"""r22 alliance review (lane al19), al-fresh findings (Haverleigh: a PSR alliance in which one Provider's Service
Contract was let by the open procedure under the Procurement Act 2023) and al-sample findings."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, text_of
from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import read_termsheet

HAVERLEIGH = Path(__file__).parent / "fixtures" / "alliance-haverleigh-r22-al19.yaml"
NOTES_ON_ROUTE = ["alliance.recitals", "alliance.precedence", "common.conflicts-of-interest",
                  "common.freedom-of-information", "alliance.changes", "alliance.term-termination",
                  "alliance.schedule-outcomes"]


@pytest.fixture(scope="module")
def haverleigh_built(catalogue):
    return build(HAVERLEIGH, catalogue)


@pytest.fixture(scope="module")
def haverleigh(haverleigh_built):
    return haverleigh_built.document


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def test_notes_treat_the_act_contract_as_under_the_act(haverleigh):
    """al-fresh 4 (firing): Stepstone's contract was let by the open procedure under the Procurement Act 2023, so
    every note that assumes the PSR says what differs for it: modification (s.74), termination (s.78), conflicts
    (ss.81-83), s.53 (worth £1,520,000, so no copy) and s.52."""
    assert "Stepstone's Service Contract was awarded under the Act instead, so sections 78 to 80" in _note(haverleigh, "alliance.recitals")
    assert "or, for Stepstone's Service Contract (awarded under the Procurement Act 2023), section 74 of that Act" in _note(haverleigh, "alliance.precedence")
    assert "or, for Stepstone's Service Contract (awarded under the Procurement Act 2023), section 74 of that Act" in _note(haverleigh, "alliance.changes")
    term = _note(haverleigh, "alliance.term-termination")
    assert "the contracts awarded under the Health Care Services (Provider Selection Regime) Regulations 2023 have no termination right" in term
    assert "Stepstone's Service Contract is a public contract under the Procurement Act 2023: section 78 implies" in term
    assert "Stepstone's Service Contract was awarded under the Procurement Act 2023, so in relation to that procurement" in _note(haverleigh, "common.conflicts-of-interest")
    foi = _note(haverleigh, "common.freedom-of-information")
    assert "the recitals note deals with it" not in foi
    assert "is worth £1,520,000 over the term and extension, not more than £5 million, so no copy of it need be published" in foi
    assert "nor to Stepstone's Service Contract, a light touch contract" in _note(haverleigh, "alliance.schedule-outcomes")


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_act_contract_notes_without_one(path, catalogue):
    """al-fresh 4 (quiet): where no Provider's contract was let under the Act apart from the alliance's route, no
    note names one."""
    built = build(path, catalogue)
    if read_termsheet(path, catalogue).model.alliance.act_contracts:
        pytest.skip("this sample has a contract under the Act")
    for cid in NOTES_ON_ROUTE:
        if any(c.id == cid for c in built.document.all_clauses()):
            note = _note(built.document, cid)
            assert "awarded under the Procurement Act 2023), section 74" not in note
            assert "is a public contract under the Procurement Act 2023: section 78 implies" not in note


