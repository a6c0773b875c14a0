"""r20 alliance review (lane al15), al-fresh findings: a Commissioner that holds a Service Contract but not the
Pooled Budget pays it itself."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, text_of
from tests.families.clause_texts import flat as _flat

THORNSHIRE = Path(__file__).parent / "fixtures" / "alliance-thornshire-r20.yaml"


@pytest.fixture(scope="module")
def thornshire_built(catalogue):
    return build(THORNSHIRE, catalogue)


@pytest.fixture(scope="module")
def thornshire(thornshire_built):
    return thornshire_built.document


def test_part7_work_by_a_provider_needs_each_housing_authoritys_authorisation(thornshire):
    """al-fresh 7 (firing): Doorway's caseworkers in the districts' housing options teams do the Borough and District
    Councils' Part 7 work: they act only as each council authorises under the 1996 Order, and each council keeps its
    own s.184 decisions and s.202 reviews; the note names the Order and the date the authorisations are needed."""
    c = clause(thornshire, "common.statutory-functions")
    text = _flat(text_of(c))
    assert ("Where Doorway's Personnel carry out any function of the Borough Council or the District Council under "
            "Part 7 of the Housing Act 1996, they may do so only as that council has authorised under the Local "
            "Authorities (Contracting Out of Allocation of Housing and Homelessness Functions) Order 1996") in text
    assert "makes its own decisions under section 184 and its own reviews under section 202" in text
    assert "County Council" not in text.split("Where Doorway's Personnel")[1]
    note = _flat(c.note or "")
    assert "(S.I. 1996/3205)" in note and "in place by 1 April 2027" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_contracting_out_clause_without_housing_options_work(path, catalogue):
    """al-fresh 7 (quiet): no Provider service reads as Part 7 casework, so the clause and note are unchanged."""
    c = clause(build(path, catalogue).document, "common.statutory-functions")
    assert "Contracting Out of Allocation of Housing" not in _flat(text_of(c)) + _flat(c.note or "")


@pytest.mark.parametrize("words, split", [
    ("the percentage increase in the Consumer Prices Index (CPI) in the 12 months to the previous December, or, for "
     "the staff cost element agreed in each Annual Plan, the percentage increase in the National Living Wage that "
     "April where it is higher", True),
    ("CPI in the 12 months to the previous September or, for staff costs, the NLW increase if higher", True),
    ("CPI in the 12 months to the previous December", False),
    ("CPI or, if higher, the NLW uplift applied to 70% of the Annual Value", False),
    ("60% CPI and 40% National Living Wage", False),
])
def test_staff_split_reading(words, split):
    """al-fresh 8: only a price index with the living wage for the staff cost element where higher is read as the
    split; a fixed proportion or a single index keeps its own reading (quiet)."""
    from assembler.termsheet.alliance import Alliance, RiskReward
    a = Alliance.model_construct(risk_reward=RiskReward.model_construct(indexation=words))
    got = a.indexation_staff_split
    assert (got is not None) is split
    if split:
        assert got["base"]["index"] == "cpi" and got["staff"]["index"] == "nlw"


