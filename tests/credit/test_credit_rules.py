"""Every credit rule (the CREDIT- ids appended to the co-investment rules) fires on a sheet that breaks it and is
quiet on one that does not, each quiet case as close to the threshold as the sample allows."""

from __future__ import annotations

import pytest

from assembler.rules.co_investment import RULES
from tests.rules.test_co_investment_rules import HOMES, STRETCHED, _from_last_drawdown, findings, fired, sheet_from


def _small_gap(d):
    """£100,000 less from the Charity: a gap of about £57,644, so the cash buys 51 of the 52 homes (a warning only)."""
    d["contributions"]["delivery"][0]["amount"] = 150_000
    d["contributions"]["stated_total"] = 5_890_000
    d["drawdowns"][1]["amount"] = 150_000


def _fund_draws_last(d):
    """The Fund draws its £2m on 1 June 2029, once about 32 homes are bought: about 57% on what is charged then."""
    d["drawdowns"][2]["date"] = d["drawdowns"][4]["date"] = "2029-06-01"


def _twenty_homes_when_nine_are_bought(d):
    d["drawdowns"][4]["homes_required"] = 9  # the timetable has bought 9 by 4 January 2028


def _council_pays_before_the_fund_is_fully_drawn(d):
    d["drawdowns"][5]["date"] = "2027-12-01"


def _rent_enough_from_the_start(d):
    d["contributions"]["investments"][0]["first_instalment"] = "2031-01-04"
    d["contributions"]["investments"][0]["maturity"] = "2050-01-04"
    d["income"]["rent_per_home_week"] = 180


def _rents_that_keep_ahead_of_costs(d):
    d["income"]["rent_per_home_week"] = 180


def _rent_review_matching_cost_inflation(d):
    """The business plan's rent review at 3% a year keeps pace with the model's cost inflation."""
    d["income"]["rent_increase_percent"] = 3


def _rent_review_below_cost_inflation(d):
    d["income"]["rent_increase_percent"] = "0.5"


FIRES = [
    ("CREDIT-COVER-TREND", HOMES, None, "with operating costs rising 3% a year, rents flat, the cover falls below the "
     "covenant of 1.2 from the Test Year starting 1 June 2035 (1.19), and below 1.0 from the one starting 1 June 2043"),
    ("CREDIT-COVER-TREND", HOMES, _rent_review_below_cost_inflation, "with operating costs rising 3% a year, rents "
     "rising 0.5% a year, the cover falls below the covenant"),
    ("CREDIT-COVER-BELOW-ONE", STRETCHED, None, "cover of 0.29, so the rents cannot pay the investors even once"),
    ("CREDIT-FUNDING-GAP", STRETCHED, None, "is £1,265,287.67 short of what the deal must pay for (£9,215,287.67): it buys 79 of the 92 homes"),
    ("CREDIT-SECURED-LTV", HOMES, None, "capital of £1,000,000 is secured on charged property worth £640,000"),
    ("CREDIT-DRAWDOWN-ON-TIME", HOMES, None, "requires 20 homes bought first, but the acquisition timetable (52 homes "
     "by 31 May 2030, at a steady pace from the first drawdown) has bought about 9 by then; the 20th comes about 4 "
     "August 2028"),
    ("CREDIT-DRAWDOWN-ALL-IN", STRETCHED, None, "at the all-in cost of £100,000 a home needs £4,000,000, but the cash "
     "drawn before it buys 33"),
    ("CREDIT-DRAWDOWN-REPEATED", STRETCHED, None, "the condition of the drawdown on 1 July 2028 repeats that of the "
     "drawdown on 4 January 2028"),
    ("CREDIT-CONTROLLED-CONTRIBUTION", HOMES, None, "if it is never paid the cash buys 39 of the 52 homes and cover "
     "with them all let is 1.06"),
    ("CREDIT-EARLY-SHORTFALL", HOMES, _from_last_drawdown,
     "not met in full in 2 Partnership Years (the first from 1 June 2028)"),
]

QUIET = [
    ("CREDIT-COVER-BELOW-ONE", HOMES, None), ("CREDIT-FUNDING-GAP", HOMES, _small_gap),
    ("CREDIT-SECURED-LTV", HOMES, _fund_draws_last), ("CREDIT-DRAWDOWN-ON-TIME", HOMES, _twenty_homes_when_nine_are_bought),
    ("CREDIT-DRAWDOWN-ALL-IN", HOMES, None), ("CREDIT-DRAWDOWN-REPEATED", HOMES, None),
    ("CREDIT-CONTROLLED-CONTRIBUTION", HOMES, _council_pays_before_the_fund_is_fully_drawn),
    ("CREDIT-EARLY-SHORTFALL", HOMES, _rent_enough_from_the_start),
    ("CREDIT-COVER-TREND", HOMES, _rents_that_keep_ahead_of_costs),
    ("CREDIT-COVER-TREND", HOMES, _rent_review_matching_cost_inflation),
]


@pytest.mark.parametrize("rule, sample, change, expected", FIRES, ids=[f"{r}-{s.stem}" for r, s, _, _ in FIRES])
def test_credit_rule_fires(catalogue, rule, sample, change, expected):
    found = fired(sheet_from(sample, catalogue, change), catalogue, rule)
    assert any(expected in f.message for f in found), [f.message for f in found]


@pytest.mark.parametrize("rule, sample, change", QUIET, ids=[f"{r}-{s.stem}" for r, s, _ in QUIET])
def test_credit_rule_quiet(catalogue, rule, sample, change):
    assert fired(sheet_from(sample, catalogue, change), catalogue, rule) == []


def test_every_credit_rule_has_a_firing_and_a_quiet_case():
    ids = {r.id for r in RULES.rules if r.id.startswith("CREDIT-")}
    assert ids and ids == {r for r, *_ in FIRES} == {r for r, *_ in QUIET}


def test_a_small_gap_is_the_familys_warning_not_an_error(catalogue):
    found = fired(sheet_from(HOMES, catalogue, _small_gap), catalogue, "COINV-FUNDING-GAP")
    assert found and "the cash buys about 51 of the 52 homes" in found[0].message


def test_a_deal_that_cannot_pay_or_is_short_of_cash_is_an_error(catalogue):
    errors = {f.rule for f in findings(sheet_from(STRETCHED, catalogue), catalogue) if f.severity == "error"}
    assert {"CREDIT-COVER-BELOW-ONE", "CREDIT-FUNDING-GAP"} <= errors
    assert not [f for f in findings(sheet_from(HOMES, catalogue), catalogue) if f.severity == "error"]
