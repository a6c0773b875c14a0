"""r20 alliance reviews (lane al13): the worked example's column definition, a county council's statutory
footing, a nil KPI target, precedence on the ending of a Service Contract, and a former grant."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, BIG, build, clause, text_of
from tests.families.clause_texts import flat as _flat

THORNSHIRE = Path(__file__).parent / "fixtures" / "alliance-thornshire-r20.yaml"


@pytest.fixture(scope="module")
def thornshire(catalogue):
    return build(THORNSHIRE, catalogue).document


def test_county_council_is_not_recited_as_the_housing_authority(thornshire):
    """al-fresh 2 (firing): in a two-tier area the county council is recited under its social services functions and
    its duty to assist with the homelessness strategy; Part 7 stays with the district and borough councils."""
    text = _flat(text_of(clause(thornshire, "alliance.recitals")))
    county = text.split("The County Council enters into this Agreement")[1].split("The Borough Council enters")[0]
    assert "Part 7 of the Housing Act 1996" not in county
    assert "sections 1 and 2 of the Care Act 2014" in county
    assert "sections 17 and 20 of the Children Act 1989" in county
    assert "section 1(2) of the Homelessness Act 2002" in county
    borough = text.split("The Borough Council enters into this Agreement")[1]
    assert "Part 7 of the Housing Act 1996" in borough


def test_unitary_council_keeps_its_housing_functions(catalogue):
    """al-fresh 2 (quiet): a council that is not a county council keeps Part 7 where the services are homelessness."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        text = _flat(text_of(clause(doc, "alliance.recitals")))
        if "County Council" not in text and "homelessness" in text.lower() and "Housing Act 1996" in text:
            assert "section 1(2) of the Homelessness Act 2002" not in text
            assert "Part 7 of the Housing Act 1996" in text


