"""r25 alliance review (lane alA): al-fresh findings 1, 6, 8, 9, 14, 15, 17 and al-sample finding 13."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

KINGSHOLT = Path(__file__).parent / "fixtures" / "alliance-kingsholt-r25.yaml"


@pytest.fixture(scope="module")
def kingsholt(catalogue):
    return build(KINGSHOLT, catalogue).document


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def test_motor_insurance_does_not_require_insuring_staff_cars(kingsholt):
    """al-fresh finding 14 (firing): a Party insures the vehicles it owns, leases or hires, and ensures that staff who
    drive their own cars hold business-use cover, instead of insuring vehicles it does not own."""
    text = _flat(text_of(clause(kingsholt, "common.insurance")))
    assert "motor insurance for every vehicle it owns, leases or hires that is used in the performance of this Agreement" in text
    assert "including a vehicle owned by any of its Personnel" not in text
    assert ("must ensure that any of its Personnel who drive their own vehicles in the performance of this Agreement"
            " hold motor insurance that covers that use") in text


def test_motor_insurance_without_motor_cover_is_quiet(catalogue):
    """al-fresh finding 14 (quiet): no motor cover, no sentence about staff cars."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        text = _flat(text_of(clause(doc, "common.insurance")))
        if "motor insurance for every vehicle" not in text:
            assert "drive their own vehicles" not in text


