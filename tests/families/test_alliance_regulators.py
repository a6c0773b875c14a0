"""The regulators the operations clause gives as examples, and the housing-costs note, follow the Services: housing
advice is not housing, and debt advice brings FCA authorisation (r33 al-fresh F8)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_BIG

OPERATIONS = "alliance.operations"
RISK = "alliance.risk-reward"
HOUSING = ("    - Emergency and supported accommodation for single adults and couples\n"
           "    - Housing First for people with the most entrenched needs\n")


def _advice_only() -> str:
    text = ALLIANCE_BIG.read_text(encoding="utf-8")
    out = (text.replace("Emergency and supported accommodation for single adults and couples",
                        "Welfare benefits, debt and housing advice for single adults and couples")
           .replace("Housing First for people with the most entrenched needs",
                    "Outreach for people with the most entrenched needs")
           .replace("Private rented sector access and tenancy sustainment", "Help into work and training"))
    assert HOUSING not in out
    return out


def test_housing_advice_is_not_housing_and_debt_advice_needs_the_fca(catalogue):
    doc = document_of(catalogue, _advice_only())
    text = clause_text(doc, OPERATIONS, flat=True)
    assert "the Financial Conduct Authority, for debt counselling" in text
    assert "such as" in text and "the Regulator of Social Housing)" not in text \
        and "the Regulator of Social Housing or" not in text and ", the Regulator of Social Housing" not in text
    assert "Housing is among the Services" not in note(doc, RISK)


def test_housing_services_keep_the_housing_regulator_and_note(catalogue):
    doc = document_of(catalogue, ALLIANCE_BIG.read_text(encoding="utf-8"))
    text = clause_text(doc, OPERATIONS, flat=True)
    assert "the Regulator of Social Housing" in text
    assert "Financial Conduct Authority, for debt counselling" not in text
