"""The credit figures are worked out once per term sheet (assembler/credit/memo.py): the same sheet gets the same
figures without the work being done again, another sheet never gets them, and the remembered figures are exactly
what working them out afresh gives."""

from __future__ import annotations

from decimal import Decimal

import pytest

from assembler.credit import cashflow as cf
from assembler.credit import co_investment as credit
from assembler.credit import memo
from tests.rules.test_co_investment_rules import HOMES, sheet_from


@pytest.fixture()
def homes(catalogue):
    memo.forget()
    return sheet_from(HOMES, catalogue).model


def test_the_same_sheet_gets_the_figures_worked_out_the_first_time(homes):
    view = credit.credit_view(homes)
    assert credit.credit_view(homes) is view
    assert cf.model(homes) is view.cashflow.years  # the rules' model is the view's, not a second run
    assert cf.outcome(homes, cf.Case()) is view.cashflow.outcomes[0]
    assert cf.model(homes, cf.Case()) is cf.model(homes)  # a default argument is the same figure, worked out once


def test_remembered_figures_are_those_worked_out_afresh(homes):
    credit.credit_view(homes)
    for case in cf.stress_set(homes):
        assert cf.model(homes, case) == cf.model.uncached(homes, case)
        assert cf.months(homes, case) == cf.months.uncached(homes, case)
    assert cf.cashflow_view(homes) == cf.cashflow_view.uncached(homes)
    assert credit.year_income(homes, 7, voids=Decimal(10)) == credit.year_income.uncached(homes, 7, voids=Decimal(10))


def test_another_sheet_does_not_get_the_first_sheets_figures(homes, catalogue):
    def dearer(d):
        d["income"]["voids_percent"] = 30

    first = credit.credit_view(homes)
    other = sheet_from(HOMES, catalogue, dearer).model
    assert credit.credit_view(other) is not first
    assert credit.credit_view(other).stabilised.gross < first.stabilised.gross


def test_only_the_last_few_sheets_are_remembered(homes, catalogue):
    first = cf.model(homes)
    for i in range(memo.KEEP):
        cf.model(sheet_from(HOMES, catalogue, lambda d, i=i: d["income"].update(voids_percent=10 + i)).model)
    again = cf.model(homes)
    assert again == first and again is not first
