"""r25 alliance review (lane al22), al-fresh findings (Kingsholt older people's community support alliance)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

KINGSHOLT = Path(__file__).parent / "fixtures" / "alliance-kingsholt-r25.yaml"


@pytest.fixture(scope="module")
def kingsholt(catalogue):
    return build(KINGSHOLT, catalogue).document


def _row(doc, item):
    from tests.families.test_alliance import table_rows
    return next(r for r in table_rows(clause(doc, "alliance.key-information")) if r[0].startswith(item))


def test_payments_clause_admits_running_costs_and_other_sums(kingsholt):
    """Finding 2 (firing): 4.2 no longer says the Balancing Amounts are the only payments, since running costs,
    step-in costs and mediation fees are payable too; the key-information note says the same."""
    text = _flat(text_of(clause(kingsholt, "alliance.structure")))
    assert ("The only payments under it are the Balancing Amounts under clause 13 (made through the same Service"
            " Contract) and the other sums that a provision of this Agreement expressly makes payable, including"
            " running costs under clause 16.1." in text)
    assert "the only payments under it are the Balancing Amounts under clause 13, made through" not in text
