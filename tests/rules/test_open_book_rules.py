"""Every open-book rule fires on a sample changed in memory, and stays quiet on the sample as written."""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from assembler.rules import RuleContext
from assembler.rules.open_book import FAMILY, OPEN_BOOK
from assembler.termsheet.loader import load_file
from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT
from tests.rules.helpers import RULES_DATE

CHARITY = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
ADULT = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"
LIVING = ROOT / "samples" / "open-book" / "supported-living-company.yaml"
BREAKS = ROOT / "samples" / "open-book" / "short-breaks-charity.yaml"
ACCOMMODATION = ROOT / "samples" / "open-book" / "supported-accommodation-subsidiary.yaml"
GRANT = ROOT / "samples" / "grant" / "care-leavers-open-book.yaml"
RESERVED = ("a competitive flexible procedure reserved under section 33 of the Procurement Act 2023 to qualifying "
            "public service mutuals")
HOMECARE = ROOT / "samples" / "open-book" / "home-care-zones.yaml"   # obhc: zones with guaranteed weekly hours
NIGHTLY = ROOT / "tests" / "families" / "fixtures" / "ob-r21-nightly.yaml"   # r21 ob-fresh: bed-nights, 18 Core Places
NURSING = ROOT / "tests" / "families" / "fixtures" / "ob-r25-bramblecombe.yaml"   # r25 ob-fresh: nursing home block
GREYSTONE = ROOT / "tests" / "families" / "fixtures" / "ob-r24-greystone.yaml"   # r24 ob-fresh: two care homes, ICB
WEXCOMBE = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"   # r28 ob-fresh: supported living, ICB
ALDERBECK = ROOT / "tests" / "families" / "fixtures" / "ob-r23-alderbeck.yaml"   # r23: 24 of 44 places, by places
PLAIN_GRANT = ROOT / "samples" / "grant" / "community-single-payment.yaml"


def findings(catalogue, sample, mutate: Callable[[dict], Any] | None = None, positions: dict | None = None):
    """Rule findings for a sample whose data `mutate` changed in place, with positions overridden."""
    sheet = read_termsheet(sample, catalogue)
    data = copy.deepcopy(dict(load_file(sample).data))
    if mutate:
        mutate(data)
    model = type(sheet.model).model_validate(data)
    chosen = {**sheet.positions, **(positions or {})}
    rules = catalogue.manifest(sheet.family).rules_module().RULES
    return rules.run(RuleContext(model, chosen, catalogue.figures, catalogue.law, RULES_DATE))


def setter(*path_and_value):
    *path, value = path_and_value

    def mutate(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        if value is DELETE:
            del node[path[-1]]
        else:
            node[path[-1]] = value

    return mutate


DELETE = object()


def two_weekly(*split):
    """CHARITY with its 14 places priced at two weekly prices (9 at £4,950, 5 at £5,950, 11 core places), each line
    given the core places in `split` (None: not given)."""
    def mutate(data):
        prices = data["open_book"]["unit_prices"]
        prices[0].update(expected_units=419, capacity_units=468)
        prices.append({"service": "Residential placement, one child with complex needs", "unit": "week",
                       "price": 5950, "expected_units": 200, "capacity_units": 260})
        for line, n in zip((prices[0], prices[-1]), split):
            if n is not None:
                line["core_places"] = n
    return mutate


@dataclass
class Case:
    rule: str
    sample: Any
    mutate: Callable | None = None
    positions: dict = field(default_factory=dict)
    says: str = ""      # a fragment the message must contain (the figures)
    loc: tuple = ()


def _owned_home(line):
    """ALDERBECK owned by the provider with a whole-building capital charge of £96,800 and a cost-model capital
    charge line of `line` (24 of 44 places available: a share of £52,800)."""
    def mutate(data):
        home = data["services"]["homes"][0]
        home.update(owner="provider", capital_charge=96800)
        data["open_book"]["related_parties"] = []
        for item in data["open_book"]["cost_model"]["direct_lines"]:
            if str(item["item"]).startswith("Rent of the home"):
                data["open_book"]["cost_model"]["direct_costs"] += line - item["amount"]
                item.update(item="Capital charge for the building", amount=line)
    return mutate


def _private_pay_disallowed(data):
    data["open_book"]["disallowed_costs"].append("Costs of care bought by self-funding tenants")


FIRES = [
    # r34 ob-fresh2 F1: net payment outside an adult care home; arrears weeks without net payment
    Case("OPEN-BOOK-CONTRIBUTIONS", CHARITY, setter("services", "contributions_paid_to", "provider"),
         says="drafted only for adult care homes", loc=("services", "contributions_paid_to")),
    Case("OPEN-BOOK-CONTRIBUTIONS", NURSING, setter("services", "contribution_arrears_weeks", 4),
         says="has effect only where residents pay", loc=("services", "contribution_arrears_weeks")),
    # r34 ob-fresh2 F3: the cost model carries the whole building's capital charge, or not the places' share
    Case("OPEN-BOOK-CAPITAL-CHARGE-SHARE", ALDERBECK, _owned_home(96800), says="is the whole of the homes' capital charge"),
    Case("OPEN-BOOK-CAPITAL-CHARGE-SHARE", ALDERBECK, _owned_home(60000), says="(£52,800, its places over all the places)"),
    # G1: core hours stated at the homes differ from the hours the core price expects; private care disallowed in
    # a whole-homes scope
    Case("OPEN-BOOK-CORE-HOURS", LIVING, setter("open_book", "unit_prices", 1, "expected_units", 20000),
         says="adds up to 21,900 hours a year but", loc=("open_book", "unit_prices", 1, "expected_units")),
    Case("OPEN-BOOK-SCOPE-PRIVATE-PAY", LIVING, _private_pay_disallowed, says="choose services.scope: commissioner_places",
         loc=("open_book", "disallowed_costs", 5)),
    # obhc: a home care sheet that leaves the setting to be implied would be drafted as supported living
    Case("OPEN-BOOK-HOMECARE-SETTING", HOMECARE, setter("services", "setting", DELETE),
         says="say services.setting: home_care", loc=("services", "care_type")),
    # obhc: a zone guaranteeing more hours than its hourly price expects; a zone no hourly price names; no guarantee
    Case("OPEN-BOOK-HOMECARE-GUARANTEE", HOMECARE, setter("services", "homes", 1, "guaranteed_hours", 1100),
         says="guarantees 1,100 hours a week (57,200 a year), more than the 52,000 hours a year its hourly price expects",
         loc=("services", "homes", 1, "guaranteed_hours")),
    Case("OPEN-BOOK-HOMECARE-GUARANTEE", HOMECARE, setter("services", "homes", 0, "name", "Zone 4 (Moorside)"),
         says="no hourly price in open_book.unit_prices names Zone 4 (Moorside)"),
    Case("OPEN-BOOK-HOMECARE-GUARANTEE", HOMECARE, setter("services", "homes", 0, "guaranteed_hours", DELETE),
         says="gives no guaranteed_hours"),
    Case("OPEN-BOOK-HOMECARE-GUARANTEE", HOMECARE, setter("services", "scope", "whole_homes"),
         says="the draft's open book covers only the care bought under the agreement", loc=("services", "scope")),
    Case("OPEN-BOOK-HOMECARE-GUARANTEE", HOMECARE, setter("open_book", "cost_model", "income", 2900000),
         says="the guaranteed hours cost £2,971,540 a year"),
    # r20 ob-fresh 7: a budget line outside the closed list of categories; a plan the agreement never creates
    Case("OPEN-BOOK-BUDGET-CATEGORY", CHARITY, setter("open_book", "cost_model", "direct_lines", 4, "item",
                                                       "Ofsted registration, annual fees and legal advice"),
         says="'Ofsted registration, annual fees and legal advice' (£12,000) uses words no Allowable Cost category uses (advice, legal)",
         loc=("open_book", "cost_model", "direct_lines", 4, "item")),
    Case("OPEN-BOOK-UNDEFINED-DOCUMENT", CHARITY, setter("open_book", "allowable_costs", 2,
                                                          "Agency and relief staff, up to the level the Annual Plan agrees"),
         says="refers to 'the Annual Plan', which this agreement does not define", loc=("open_book", "allowable_costs", 2)),
    Case("OPEN-BOOK-CAP-BENCHMARK", CHARITY, setter("open_book", "profit_cap", 10),
         says="the profit cap of 10% is above the benchmark of 8.56% (Single Source Regulations Office",
         loc=("open_book", "profit_cap")),
    Case("OPEN-BOOK-CAP-BENCHMARK", ADULT, setter("open_book", "profit_cap", 6.5),
         says="above the benchmark of 6% (Eastmere County Council fair cost of care exercise 2025)"),
    Case("OPEN-BOOK-CAP-BENCHMARK", GRANT, setter("open_book", "profit_cap", 9), says="9%"),
    Case("OPEN-BOOK-BENCHMARK-LOCAL", ADULT, setter("open_book", "benchmark", "local_rate", DELETE),
         loc=("open_book", "benchmark", "local_rate")),
    Case("OPEN-BOOK-BENCHMARK-LOCAL", ADULT, setter("open_book", "benchmark", "local_source", DELETE),
         loc=("open_book", "benchmark", "local_source")),
    Case("OPEN-BOOK-FIXED-FEE", CHARITY, setter("open_book", "basis", "fixed_fee"), says="no fixed_fee"),
    Case("OPEN-BOOK-FIXED-FEE", CHARITY, setter("open_book", "fixed_fee", 90000), says="remove it"),
    Case("OPEN-BOOK-OVERHEAD-CAP", CHARITY, setter("open_book", "overhead_cap", 30), says="30%"),
    Case("OPEN-BOOK-OVERHEAD-CAP", CHARITY, setter("open_book", "overhead_cap", 0), says="'full-cost'"),
    Case("OPEN-BOOK-OVERHEADS-OVER-CAP", ADULT, setter("open_book", "cost_model", "overheads", 121000),
         says="£121,000 are more than the cap of 9.5% of direct costs (£112,503.80) by £8,496.20"),
    Case("OPEN-BOOK-INCOME-MISMATCH", CHARITY, setter("open_book", "cost_model", "income", 3250000),
         says="£3,250,000 is not the unit prices times the expected units (£3,103,050): it is £146,950 higher",
         loc=("open_book", "cost_model", "income")),
    Case("OPEN-BOOK-PRICES-COVER", CHARITY, setter("open_book", "unit_prices", 0, "price", 4800),
         says="£92,550 short of the budgeted Allowable Costs plus the Reasonable Profit (£3,102,750)",
         loc=("open_book", "unit_prices")),
    Case("OPEN-BOOK-PRICES-COVER", CHARITY, setter("open_book", "unit_prices", 0, "price", 5100),
         says="£93,150 more than the budgeted Allowable Costs plus the Reasonable Profit"),
    Case("OPEN-BOOK-PRICES-COVER", ADULT, positions={"open_book_cost_base": "full-cost"},
         says="£4,466.27 short"),
    Case("OPEN-BOOK-UNITS-ABOVE-CAPACITY", CHARITY, setter("open_book", "unit_prices", 0, "expected_units", 730),
         says="730 expected units a year are more than the 728", loc=("open_book", "unit_prices", 0, "expected_units")),
    Case("OPEN-BOOK-CAPACITY-PLACES", CHARITY, setter("open_book", "unit_prices", 0, "capacity_units", 800),
         says="capacity of 800 weeks is more than the homes' 14 places for 52 weeks (728)"),
    Case("OPEN-BOOK-VOID-TERMS", CHARITY, setter("services", "core_places", 15), says="15 core places are more than the 14",
         loc=("services", "core_places")),
    Case("OPEN-BOOK-VOID-TERMS", CHARITY, setter("services", "core_places", 12),
         says="619 expected weeks are fewer than the 624 weeks the core places are paid for"),
    Case("OPEN-BOOK-VOID-TERMS", ADULT, setter("services", "void_rate", 0), says="void_rate is 0%"),
    Case("OPEN-BOOK-VOID-TERMS", CHARITY, lambda d: setter("services", "core_places", 12)(d)
         or setter("open_book", "unit_prices", 0, "expected_units", 400)(d)
         or d["open_book"]["unit_prices"].append({"service": "Placement at Rowan House", "unit": "week",
                                                  "price": 5200, "expected_units": 200}),
         says="600 expected weeks are fewer than the 624 weeks"),   # two weekly lines, counted together
    Case("OPEN-BOOK-VOID-TERMS", CHARITY, setter("services", "homes", 0, "core_places", 4),
         says="the homes' core places add up to 12, not the 11 core places", loc=("services", "core_places")),
    Case("OPEN-BOOK-VOID-TERMS", CHARITY, setter("services", "homes", 3, "core_places", 4),
         says="4 core places are more than its 3 places", loc=("services", "homes", 3, "core_places")),
    # 11 core places x 52 weeks x £4,950 = £2,831,400 against Allowable Costs of £2,955,000; the £39,000 of
    # one-to-one hours is not guaranteed, so it is not part of the floor
    Case("OPEN-BOOK-CORE-SPLIT", CHARITY, two_weekly(6, 4), says="the weekly prices' core places add up to 10 (6 + 4), "
         "not the 11 core places", loc=("open_book", "unit_prices", 0, "core_places")),
    Case("OPEN-BOOK-CORE-SPLIT", CHARITY, two_weekly(5, 6), says="6 core places are more than the 5 places its capacity "
         "of 260 weeks gives", loc=("open_book", "unit_prices", 2, "core_places")),
    Case("OPEN-BOOK-CORE-SPLIT", CHARITY, two_weekly(6, None), says="core_places is empty while another weekly price",
         loc=("open_book", "unit_prices", 2, "core_places")),
    # 11 x 52 x £4,950 = £2,831,400; 5 at £5,950 and 6 at £4,950 = £3,091,400
    Case("OPEN-BOOK-CORE-SPLIT-MISSING", CHARITY, two_weekly(), says="the 11 core places are priced at 2 weekly prices "
         "but no weekly price gives core_places", loc=("open_book", "unit_prices", 0, "core_places")),
    Case("OPEN-BOOK-CORE-SPLIT-MISSING", CHARITY, two_weekly(), says="(£2,831,400 a year; up to £3,091,400 at the higher"),
    Case("OPEN-BOOK-ABSENCE-CAP", ADULT, says="services.absence_rate pays 100% of the Price while a resident is away, "
         "but services.absence_weeks is empty", loc=("services", "absence_weeks")),
    Case("OPEN-BOOK-CORE-FLOOR", CHARITY, says="(572 weeks), the only income guaranteed, bring in £2,831,400 a year "
         "against budgeted Allowable Costs of £2,955,000: a year at the floor leaves the provider a loss of £123,600, "
         "which the draft's bracketed losses clause carries forward only against the next [two] periods' Excess Profit",
         loc=("services", "core_places")),
    # r25 ob-sample 3: the weekly Price at which the Core Places alone recover the budget, and what the limit adds
    Case("OPEN-BOOK-CORE-FLOOR", CHARITY, says="a weekly Price of £5,356.21 (£3,063,750: the budgeted Allowable Costs "
         "and Reasonable Profit, less the income of the Prices not re-based, over 572 weeks) would recover the budget "
         "from the core places alone, and each core place removed with its re-basing held to the limit adds to the "
         "shortfall (one place: £93,007 a year short", loc=("services", "core_places")),
    # r27 ob-sample 1: the draft offers the top-up to the budget in brackets until it is instructed
    Case("OPEN-BOOK-CORE-FLOOR", CHARITY, says="the draft offers a bracketed make-up payment to the budget in the core places "
         "clause (core_income_floor: true to keep it, false to drop it)", loc=("services", "core_places")),
    # r25 ob-fresh 1: nursing in scope and the budget is the Prices alone
    Case("OPEN-BOOK-NURSING-INCOME", NURSING, says="the cost model's income of £1,380,398 is the Prices alone for "
         "1,170 budgeted weeks, while its costs of £1,297,400 include the nursing",
         loc=("open_book", "cost_model", "nhs_nursing_income")),
    # r24 ob-sample 1: an instructed not-carried position keeps the loss that is never recovered
    Case("OPEN-BOOK-CORE-FLOOR", CHARITY, lambda d: d["positions"].__setitem__("open_book_losses", "not-carried"),
         says="a loss of £123,600 that is never recovered (open_book_losses: not-carried)",
         loc=("services", "core_places")),
    Case("OPEN-BOOK-APPORTION-PAID-WEEKS", ADULT, lambda d: setter("services", "scope", "commissioner_places")(d)
         or setter("open_book", "cost_model", "overhead_allocation", "the Council's share of occupied bed-weeks")(d),
         says="by places available (the commissioner's places over all places in each home", loc=("open_book", "cost_model", "overhead_allocation")),
    Case("OPEN-BOOK-COST-LINES", CHARITY, setter("open_book", "cost_model", "direct_lines",
         [{"item": "Care staff", "amount": 2000000}, {"item": "Premises", "amount": 555000}]),
         says="the 2 direct lines add up to £2,555,000, not direct_costs of £2,655,000 (a difference of £100,000)",
         loc=("open_book", "cost_model", "direct_lines")),
    Case("OPEN-BOOK-DIRECT-AWARD-SCOPE", CHARITY, says="also covers a block of core places (the draft pays for each "
         "only while the placement of a person whose choice the award rests on lasts, and then until the commissioner "
         "removes it on notice) and a "
         "term of up to 6 years with extensions", loc=("services", "direct_award_justification")),
    Case("OPEN-BOOK-VARIABLE-COST-UNUSED", CHARITY, setter("open_book", "unit_prices", 1, "variable_cost", 24),
         says="'Additional one-to-one support, where agreed in the placement plan' has a variable_cost of £24.00 an hour "
         "but no capacity_units", loc=("open_book", "unit_prices", 1, "variable_cost")),
    Case("OPEN-BOOK-USER-CHOICE-PLACES", CHARITY, setter("services", "existing_placements", 10),
         says="11 core places are more than the 10 people whose choice the user-choice award rests on: the draft "
         "pays for 10 as Core Places", loc=("services", "existing_placements")),
    Case("OPEN-BOOK-USER-CHOICE-PLACES", CHARITY, setter("services", "existing_placements", DELETE),
         says="does not say how many such people there are", loc=("services", "core_places")),
    Case("OPEN-BOOK-CWSA-BILL", CHARITY, setter("services", "statutory_duty",
         "its duties under the Children Act 1989 and the Children's Wellbeing and Schools Bill"),
         says="Royal Assent on 29 April 2026", loc=("services", "statutory_duty")),
    Case("OPEN-BOOK-EXCESS-DETAILS", CHARITY, setter("open_book", "excess", "reinvestment_fund", DELETE),
         says="reinvest", loc=("open_book", "excess", "reinvestment_fund")),
    Case("OPEN-BOOK-EXCESS-DETAILS", GRANT, setter("open_book", "excess", "split_percentage", DELETE),
         says="split", loc=("open_book", "excess", "split_percentage")),
    Case("OPEN-BOOK-EXCESS-DETAILS", PLAIN_GRANT, lambda d: d.update(open_book=_block()),
         positions={"open_book_excess": "split"}),
    Case("OPEN-BOOK-SHARING-BAND", ADULT, setter("open_book", "sharing_band", DELETE), says="no sharing_band"),
    Case("OPEN-BOOK-SHARING-BAND", ADULT, setter("open_book", "sharing_band", "upper_margin", 4),
         says="upper margin of 4% is not above the target margin of 4%"),
    Case("OPEN-BOOK-SHARING-BAND", CHARITY,
         lambda d: d["open_book"].update(basis="fixed_fee", fixed_fee=120000,
                                         sharing_band={"upper_margin": 8, "provider_share": 50}),
         positions={"open_book_margin": "sharing-band"}, says="cannot work with a fixed-fee profit",
         loc=("open_book", "basis")),
    Case("OPEN-BOOK-COST-BASE-UNUSED", ADULT, setter("open_book", "basis", "revenue"), says="'revenue'",
         loc=("positions", "open_book_cost_base")),
    Case("OPEN-BOOK-RECONCILIATION-ANNUAL", CHARITY, setter("open_book", "reconciliation", "every two years"),
         says="'every two years'", loc=("open_book", "reconciliation")),
    Case("OPEN-BOOK-REPORTING-BEFORE-RECONCILIATION", CHARITY,
         lambda d: d["open_book"].update(reporting="annually", reconciliation="six-monthly"), says="annually"),
    Case("OPEN-BOOK-REGISTRATION-FORMAT", CHARITY, setter("open_book", "registrations", 1, "number", "SC12345"),
         says="St Brigid's House children's home: 'SC12345' is not an Ofsted URN",
         loc=("open_book", "registrations", 1, "number")),
    Case("OPEN-BOOK-REGISTRATION-FORMAT", CHARITY, setter("open_book", "registrations", 0, "number", "12345"),
         says="'12345'"),
    Case("OPEN-BOOK-REGISTRATION-FORMAT", ADULT, setter("open_book", "registrations", 0, "number", "1-1234"),
         says="not a CQC location ID"),
    Case("OPEN-BOOK-REGISTRATION-FORMAT", ADULT, setter("open_book", "registrations", 1, "number", "SC482913"),
         says="not a CQC location ID"),
    Case("OPEN-BOOK-RELATED-PARTY-LINE", WEXCOMBE, says="more than the whole cost-model line 'Vehicles and staff travel' (£8,000)"),
    Case("OPEN-BOOK-RELATED-PARTY-VALUE", CHARITY, setter("open_book", "related_parties", 0, "annual_value", DELETE),
         says="Meadowbank Property Ltd"),
    Case("OPEN-BOOK-DISALLOWED-CARVE-OUT", ADULT, lambda d: d["open_book"].setdefault("disallowed_costs", []).append(
        "Payments to the employee ownership trust, other than the tax-free employee bonus under Part 4 of "
        "Chapter 10A of the Income Tax (Earnings and Pensions) Act 2003"),
         says="Chapter 10A of Part 4"),
    Case("OPEN-BOOK-DISALLOWED-CARVE-OUT", ADULT, lambda d: d["open_book"].setdefault("disallowed_costs", []).append(
        "Payments to the employee ownership trust"), says="give open_book.eot_trustee"),
    Case("OPEN-BOOK-DISALLOWED-CARVE-OUT", ADULT, lambda d: d["open_book"].setdefault("disallowed_costs", []).append(
        "Staff bonuses, other than those in the pay policy"), says="becomes an Allowable Cost"),
    Case("OPEN-BOOK-DISALLOWED-RELATED", ADULT, lambda d: d["open_book"].setdefault("disallowed_costs", []).append(
        "Rent paid to a Related Party above the market rent certified by an independent RICS valuer"),
         says="leaves this item out", loc=("open_book", "disallowed_costs", 0)),
    Case("OPEN-BOOK-EXCLUDED-SERVICES", BREAKS, setter("open_book", "disallowed_costs", 1,
         "Costs of Ashdown's other services, including the day sessions at Kestrel Lodge"),
         says="services.excluded_services", loc=("open_book", "disallowed_costs", 1)),
    Case("OPEN-BOOK-CLOSURE-CAPACITY", BREAKS, setter("services", "short_breaks", "closure_nights", 10),
         says="give 2,130", loc=("open_book", "unit_prices", 0, "capacity_units")),
    Case("OPEN-BOOK-HOMES-REGISTERED", CHARITY, lambda d: d["open_book"]["registrations"].pop(2),
         says="The Willows", loc=("services", "homes", 2, "name")),
    Case("OPEN-BOOK-SUPPORTED-ACCOMMODATION", ACCOMMODATION,
         lambda d: d["open_book"]["registrations"].append({**d["open_book"]["registrations"][0], "number": "SC702115"}),
         says="2 Ofsted numbers are given", loc=("open_book", "registrations")),
    Case("OPEN-BOOK-SUPPORTED-ACCOMMODATION", ACCOMMODATION,
         setter("services", "kpis", 2, "measure", "Settings judged good or outstanding by Ofsted"),
         says="one of three outcomes, not grades", loc=("services", "kpis", 2, "measure")),
    Case("OPEN-BOOK-COST-MODEL-RATES", CHARITY,
         setter("open_book", "allowable_costs", 2, "Agency and relief staff, at no more than the hourly rates in the cost model"),
         says="the cost model gives no rates", loc=("open_book", "allowable_costs", 2)),
    Case("OPEN-BOOK-UNIT-PRICES", CHARITY, setter("open_book", "unit_prices", [])),
    Case("OPEN-BOOK-KPI-THRESHOLD", CHARITY, lambda d: d["services"]["kpis"].pop(),
         says="so it needs at least three KPIs; it has 2; section 52 does not apply to a light touch contract"),
    Case("OPEN-BOOK-INCUMBENT", CHARITY, setter("services", "kpis", 0, "baseline", "82% (2025/26, previous provider)"),
         says="the instructions mention a previous provider (services.kpis.0.baseline)", loc=("services",)),
    Case("OPEN-BOOK-VARIABLE-COST", LIVING, setter("open_book", "unit_prices", 0, "capacity_units", 36000),
         says="has no variable_cost, so the occupancy scenarios treat the pay for those hours as fixed",
         loc=("open_book", "unit_prices", 0)),
    Case("OPEN-BOOK-SHORT-BREAKS", BREAKS, positions={"open_book_voids": "core-places"},
         says="choose open_book_voids: void-payment", loc=("services", "short_breaks")),
    Case("OPEN-BOOK-SHORT-BREAKS", BREAKS, setter("open_book", "unit_prices", 0, "unit", "week"),
         says="is priced by the week", loc=("open_book", "unit_prices", 0, "unit")),
    Case("OPEN-BOOK-SHORT-BREAKS-UNSET", BREAKS, setter("services", "short_breaks", DELETE),
         says="the void rate (60%) for a place held empty", loc=("services", "name")),
    Case("OPEN-BOOK-TENANCY-SHORTHOLD", LIVING, setter("services", "homes", 4, "tenancy", "assured shorthold tenancy"),
         says="Foundry Mews' tenancy is described as 'assured shorthold tenancy', but the services start on 1 April 2027",
         loc=("services", "homes", 4, "tenancy")),
    Case("OPEN-BOOK-OTHER-FUNDED", LIVING, setter("services", "homes", 2, "other_funded", 4),
         says="Kiln Lane house has 3 tenancies but 4", loc=("services", "homes", 2, "other_funded")),
    Case("OPEN-BOOK-SOLE-PURCHASER", LIVING, lambda d: (d["services"].__setitem__("other_purchasers", False),
                                                        d["services"]["homes"][2].__setitem__("other_funded", 1)),
         says="Kiln Lane house has 1 tenancy another public body funds", loc=("services", "homes", 2, "other_funded")),
    Case("OPEN-BOOK-SOLE-PURCHASER", HOMECARE, setter("services", "other_purchasers", False),
         says="where other purchasers are already outside it", loc=("services", "other_purchasers")),
    Case("OPEN-BOOK-OTHER-FUNDED", CHARITY, setter("services", "homes", 0, "other_funded", 1),
         says="not supported living", loc=("services", "homes", 0, "other_funded")),
    Case("OPEN-BOOK-UNDEFINED-NAME", CHARITY, setter("open_book", "disallowed_costs", 1, "Costs of the Provider's other services"),
         says="the text speaks of 'the Provider', but the draft defines the parties as 'Council' and 'Trust'",
         loc=("open_book", "disallowed_costs", 1)),
    Case("OPEN-BOOK-UNDEFINED-NAME", LIVING, setter("open_book", "unit_prices", 0, "service",
                                                     "Individual support for one tenant, as agreed with the Commissioner"),
         says="'the Commissioner'", loc=("open_book", "unit_prices", 0, "service")),
    Case("OPEN-BOOK-APPORTIONED-COSTS", CHARITY, setter("services", "homes", 2, "direct_costs", DELETE),
         says="3 of the 4 homes state their own direct costs but The Willows does not", loc=("services", "homes", 2, "name")),
    Case("OPEN-BOOK-APPORTIONED-COSTS", CHARITY, setter("services", "homes", 0, "direct_costs", 1000000),
         says="add up to £2,680,000, £25,000 more than the cost model's direct costs of £2,655,000",
         loc=("open_book", "cost_model", "direct_costs")),
    Case("OPEN-BOOK-CORE-SCENARIO", CHARITY, setter("open_book", "occupancy_scenarios", [70, 90, 95]),
         says="the occupancy scenario 70% is below the 78.6% of places the 11 Core Places guarantee (572 paid weeks",
         loc=("open_book", "occupancy_scenarios")),
    # r31 ob tool notes 2 and 15: a full CHC setting that does not fit how the joint funder pays
    Case("OPEN-BOOK-JOINT-FUNDER-CHC", GREYSTONE, lambda d: d["services"]["joint_funder"].update(
        full_chc="through_commissioner", pays="direct"), says="but the joint funder pays the provider directly"),
    Case("OPEN-BOOK-JOINT-FUNDER-CHC", GREYSTONE, lambda d: d["services"]["joint_funder"].update(
        arrangement="the pooled budget agreement under section 75"), says="pays through a pooled budget"),
    # r31 ob tool note 11: Core Places at two prices: the share is of the income, and the message says so
    Case("OPEN-BOOK-CORE-SCENARIO", ROOT / "tests" / "families" / "fixtures" / "ob-r26-cheviot.yaml",
         setter("open_book", "occupancy_scenarios", [50, 90, 95]),
         says="of the income at full occupancy that the 7 Core Places guarantee (the measure the scenarios use; 364 paid "
              "weeks a year,"),
    Case("OPEN-BOOK-OVERHEAD-BASIS-TWICE", CHARITY, setter("open_book", "cost_model", "overhead_allocation",
                                                            "the homes' share of floor area"),
         says="('staff_costs') decides the allocation", loc=("open_book", "cost_model", "overhead_allocation")),
    Case("OPEN-BOOK-VOIDS-SUPPORTED-LIVING", LIVING, setter("services", "void_rate", 60),
         says="services.void_rate (60%) is given but positions do not choose", loc=("services", "void_rate")),
    Case("OPEN-BOOK-VOIDS-SUPPORTED-LIVING", LIVING, positions={"open_book_voids": "void-payment"},
         says="services.void_rate is 0%, so no payment is drafted", loc=("services", "void_rate")),
    Case("OPEN-BOOK-ACCESS-UNTIL", LIVING, setter("open_book", "continuous_access_until", "2029-05-31"),
         says="(2029-05-31) is given but positions do not choose", loc=("open_book", "continuous_access_until")),
    Case("OPEN-BOOK-SPECIFICATION-DATE", CHARITY,
         says="dated 14 January 2027, after the transparency notice of 16 November 2026", loc=("services", "specification")),
    # r17 ob-fresh 2: a s.33 reserved contract whose term with the extension is five years must be signed on the start
    Case("OPEN-BOOK-RESERVED-SIGNING", LIVING, lambda d: setter("services", "procurement_route", RESERVED)(d)
         or setter("services", "extension_years", 1)(d) or setter("document", "agreement_date", DELETE)(d),
         says="ends on 31 March 2032, so it must not be signed before 1 April 2027", loc=("services", "term")),
    Case("OPEN-BOOK-RESERVED-SIGNING", LIVING, lambda d: setter("services", "procurement_route", RESERVED)(d)
         or setter("services", "extension_years", 1)(d) or setter("document", "agreement_date", "2027-01-15")(d),
         says="signed on 15 January 2027, its five years end on 14 January 2032", loc=("document", "agreement_date")),
    # r21 ob-fresh 1: 13 Core Places x 365 = 4,745 nights against 4,600 expected; (£1,296,750 - £156,000) / 4,745
    Case("OPEN-BOOK-CORE-UNITS", NIGHTLY, says="paid for 4,745 nights a year, more than the 4,600 expected units",
         loc=("open_book", "unit_prices", 0, "expected_units")),
    Case("OPEN-BOOK-CORE-UNITS", NIGHTLY, says="re-price it at £240.41 a night"),
]

QUIET = [
    Case("OPEN-BOOK-CONTRIBUTIONS", NURSING),   # gross payment, the default
    Case("OPEN-BOOK-CONTRIBUTIONS", NURSING, lambda d: d["services"].update(contributions_paid_to="provider",
                                                                             contribution_arrears_weeks=4)),
    Case("OPEN-BOOK-CAPITAL-CHARGE-SHARE", ALDERBECK, _owned_home(52800)),   # the places' share
    Case("OPEN-BOOK-CAPITAL-CHARGE-SHARE", ADULT),   # whole homes: the charge counts whole
    Case("OPEN-BOOK-JOINT-FUNDER-CHC", GREYSTONE),
    Case("OPEN-BOOK-JOINT-FUNDER-CHC", GREYSTONE, lambda d: d["services"]["joint_funder"].update(
        arrangement="the pooled budget agreement under section 75", full_chc="through_commissioner")),
    # rule, sample, change that must NOT make it fire
    Case("OPEN-BOOK-SOLE-PURCHASER", LIVING),   # the default: other purchasers kept
    Case("OPEN-BOOK-SOLE-PURCHASER", LIVING, setter("services", "other_purchasers", False)),   # whole homes, no other funders
    Case("OPEN-BOOK-BUDGET-CATEGORY", CHARITY),   # every line's words are in a category (proper names, acronyms kept)
    Case("OPEN-BOOK-BUDGET-CATEGORY", CHARITY, setter("open_book", "cost_model", "direct_lines", 4, "item",
                                                       "Ofsted registration fees")),   # a narrower line is covered
    Case("OPEN-BOOK-BUDGET-CATEGORY", CHARITY, setter("open_book", "cost_model", "direct_lines", 4, "item",
                                                       "Ofsted enhanced registration fees")),   # r21: a qualifier is covered
    Case("OPEN-BOOK-BUDGET-CATEGORY", CHARITY, setter("open_book", "cost_model", "direct_lines", 0, "item",
                                                       "Registered managers and deputies (pay, National Insurance, pensions)")),   # "deputies" is "deputy"
    Case("OPEN-BOOK-UNDEFINED-DOCUMENT", CHARITY),
    Case("OPEN-BOOK-UNDEFINED-DOCUMENT", CHARITY, setter("open_book", "allowable_costs", 2,
                                                          "Agency staff, as the Reconciliation Statement shows")),   # defined
    Case("OPEN-BOOK-RESERVED-SIGNING", LIVING, setter("services", "extension_years", 1)),   # not reserved
    Case("OPEN-BOOK-RESERVED-SIGNING", LIVING, lambda d: setter("services", "procurement_route", RESERVED)(d)
         or setter("services", "extension_years", 0)(d)),   # four years: room to sign from 1 April 2026
    Case("OPEN-BOOK-OVERHEAD-BASIS-TWICE", CHARITY),   # a basis only
    Case("OPEN-BOOK-OVERHEAD-BASIS-TWICE", ADULT),     # a phrase only
    Case("OPEN-BOOK-CORE-SCENARIO", CHARITY),   # 80%, 90% and 95% against 78.6%
    Case("OPEN-BOOK-CORE-SCENARIO", CHARITY, setter("open_book", "occupancy_scenarios", [70, 90, 95]),
         positions={"open_book_voids": "void-payment"}),   # no Core Places
    Case("OPEN-BOOK-APPORTIONED-COSTS", CHARITY),   # £2,320,000 of £2,655,000: the rest is shared
    Case("OPEN-BOOK-APPORTIONED-COSTS", ADULT),     # no home states its own costs
    Case("OPEN-BOOK-UNDEFINED-NAME", CHARITY),   # 'the Council' and 'the Trust' are the defined names
    Case("OPEN-BOOK-UNDEFINED-NAME", CHARITY, setter("open_book", "disallowed_costs", 1,
                                                      "Costs of the provider's other services")),   # lower case: a description
    Case("OPEN-BOOK-TENANCY-SHORTHOLD", LIVING),   # assured and assured periodic tenancies
    Case("OPEN-BOOK-TENANCY-SHORTHOLD", LIVING, lambda d: setter("services", "homes", 4, "tenancy",
         "assured shorthold tenancy")(d) or setter("services", "term", "start", "2026-04-01")(d)),  # before the Act applied
    Case("OPEN-BOOK-OTHER-FUNDED", LIVING, setter("services", "homes", 2, "other_funded", 3)),   # all three: share nil
    Case("OPEN-BOOK-CAP-BENCHMARK", CHARITY, setter("open_book", "profit_cap", 8.56)),
    Case("OPEN-BOOK-CAP-BENCHMARK", CHARITY, lambda d: d["open_book"].update(profit_cap=12, benchmark={"source": "none"})),
    Case("OPEN-BOOK-BENCHMARK-LOCAL", ADULT),
    Case("OPEN-BOOK-FIXED-FEE", CHARITY, lambda d: d["open_book"].update(basis="fixed_fee", fixed_fee=120000)),
    Case("OPEN-BOOK-OVERHEAD-CAP", CHARITY, setter("open_book", "overhead_cap", 25)),
    Case("OPEN-BOOK-OVERHEAD-CAP", CHARITY, setter("open_book", "overhead_cap", 0), positions={"open_book_cost_base": "direct-cost"}),
    Case("OPEN-BOOK-OVERHEADS-OVER-CAP", ADULT),
    Case("OPEN-BOOK-INCOME-MISMATCH", CHARITY),
    Case("OPEN-BOOK-INCOME-MISMATCH", GRANT, setter("open_book", "cost_model", "income", 1)),  # no expected units
    Case("OPEN-BOOK-PRICES-COVER", CHARITY),   # £300 over: within 0.5%
    Case("OPEN-BOOK-PRICES-COVER", ADULT),     # £13.73 over on direct costs
    Case("OPEN-BOOK-UNITS-ABOVE-CAPACITY", CHARITY, setter("open_book", "unit_prices", 0, "expected_units", 728)),
    Case("OPEN-BOOK-CAPACITY-PLACES", CHARITY, setter("open_book", "unit_prices", 0, "capacity_units", 728)),
    Case("OPEN-BOOK-VOID-TERMS", CHARITY),
    Case("OPEN-BOOK-CWSA-BILL", CHARITY, setter("services", "statutory_duty",
         "its duties under the Children Act 1989 and the Children's Wellbeing and Schools Act 2026")),
    Case("OPEN-BOOK-VOID-TERMS", ADULT),
    Case("OPEN-BOOK-NURSING-INCOME", NURSING, setter("open_book", "cost_model", "nhs_nursing_income", 313185.60)),
    Case("OPEN-BOOK-NURSING-INCOME", ADULT),
    # r25 ob-fresh 2: the provider's recorded acceptance of a year at the floor
    Case("OPEN-BOOK-CORE-FLOOR", NURSING, setter("services", "core_floor_risk_accepted", True)),
    Case("OPEN-BOOK-CORE-FLOOR", CHARITY, positions={"open_book_losses": "carried-forward"}),
    # r27 ob-sample 1: the commissioner tops up the income to the budget, so no loss is left at the floor
    Case("OPEN-BOOK-CORE-FLOOR", CHARITY, setter("services", "core_income_floor", True)),
    Case("OPEN-BOOK-CORE-FLOOR", CHARITY, lambda d: setter("services", "core_places", 12)(d)
         or setter("services", "homes", 3, "core_places", 3)(d)
         or setter("services", "existing_placements", 12)(d)
         or setter("open_book", "unit_prices", 0, "expected_units", 624)(d)),   # 624 x £4,950 = £3,088,800 covers cost
    Case("OPEN-BOOK-CORE-FLOOR", ADULT),
    Case("OPEN-BOOK-ABSENCE-CAP", ADULT, setter("services", "absence_weeks", 6)),   # the hospital stay is capped
    Case("OPEN-BOOK-ABSENCE-CAP", ADULT, setter("services", "absence_rate", 0)),     # nothing paid while away
    Case("OPEN-BOOK-ABSENCE-CAP", CHARITY),
    Case("OPEN-BOOK-CORE-SPLIT", CHARITY, two_weekly(6, 5)),            # 6 + 5 = 11 core places
    Case("OPEN-BOOK-CORE-SPLIT", CHARITY),                              # one weekly price
    Case("OPEN-BOOK-CORE-SPLIT-MISSING", CHARITY, two_weekly(6, 5)),
    Case("OPEN-BOOK-CORE-SPLIT-MISSING", CHARITY),   # a children's home: absence includes missing and custody
    Case("OPEN-BOOK-DIRECT-AWARD-SCOPE", ADULT),   # an open procedure
    Case("OPEN-BOOK-USER-CHOICE-PLACES", CHARITY),   # eleven children, eleven core places
    Case("OPEN-BOOK-VARIABLE-COST-UNUSED", CHARITY),   # no variable cost given
    Case("OPEN-BOOK-VARIABLE-COST-UNUSED", CHARITY, lambda d: setter("open_book", "unit_prices", 1, "variable_cost", 24)(d)
         or setter("open_book", "unit_prices", 1, "capacity_units", 2000)(d)),   # with a capacity the table moves it
    Case("OPEN-BOOK-USER-CHOICE-PLACES", ACCOMMODATION),   # not a user-choice award
    Case("OPEN-BOOK-USER-CHOICE-PLACES", CHARITY, setter("services", "existing_placements", 9),
         positions={"open_book_voids": "void-payment"}),   # no block-booked places
    Case("OPEN-BOOK-DIRECT-AWARD-SCOPE", CHARITY, setter("services", "direct_award_justification",
         "the services can be supplied only by this provider")),   # not user choice
    Case("OPEN-BOOK-COST-LINES", CHARITY),
    Case("OPEN-BOOK-COST-LINES", CHARITY, setter("open_book", "cost_model", "direct_lines",
         [{"item": "Care staff", "amount": 2000000}, {"item": "Premises", "amount": 655000}])),
    Case("OPEN-BOOK-APPORTION-PAID-WEEKS", ADULT, setter("services", "scope", "commissioner_places")),
    # r18 ob-fresh 2: the sheet chose paid bed-weeks, so the clause apportions that way and the overheads agree
    Case("OPEN-BOOK-APPORTION-PAID-WEEKS", ADULT, lambda d: setter("services", "scope", "commissioner_places")(d)
         or setter("services", "apportionment", "paid_weeks")(d)
         or setter("open_book", "cost_model", "overhead_allocation", "the Council's share of occupied bed-weeks")(d)),
    Case("OPEN-BOOK-APPORTION-PAID-WEEKS", ADULT, setter("open_book", "cost_model", "overhead_allocation",
         "the Council's share of occupied bed-weeks")),   # whole homes: nothing is apportioned
    Case("OPEN-BOOK-VOID-TERMS", CHARITY, setter("services", "void_rate", 0)),   # core places: no void rate needed
    Case("OPEN-BOOK-VOID-TERMS", CHARITY, lambda d: setter("services", "core_places", 12)(d)
         or setter("services", "homes", 3, "core_places", 3)(d)
         or setter("open_book", "unit_prices", 0, "expected_units", 400)(d)
         or d["open_book"]["unit_prices"].append({"service": "Placement at Rowan House", "unit": "week",
                                                  "price": 5200, "expected_units": 224})),   # prices by home: 624 together
    Case("OPEN-BOOK-EXCESS-DETAILS", CHARITY),
    Case("OPEN-BOOK-EXCESS-DETAILS", GRANT),
    Case("OPEN-BOOK-EXCESS-DETAILS", CHARITY, setter("open_book", "excess", "reinvestment_fund", DELETE),
         positions={"open_book_excess": "refund"}),
    Case("OPEN-BOOK-SHARING-BAND", ADULT),
    Case("OPEN-BOOK-SHARING-BAND", CHARITY),
    Case("OPEN-BOOK-COST-BASE-UNUSED", ADULT),
    Case("OPEN-BOOK-COST-BASE-UNUSED", CHARITY, setter("open_book", "basis", "revenue")),  # full-cost standard
    Case("OPEN-BOOK-RECONCILIATION-ANNUAL", CHARITY, setter("open_book", "reconciliation", "quarterly")),
    Case("OPEN-BOOK-REPORTING-BEFORE-RECONCILIATION", CHARITY),
    Case("OPEN-BOOK-REGISTRATION-FORMAT", CHARITY, setter("open_book", "registrations", 0, "number", "1234567")),
    Case("OPEN-BOOK-REGISTRATION-FORMAT", CHARITY, setter("open_book", "registrations", 0, "number", "sc 482913")),
    Case("OPEN-BOOK-REGISTRATION-FORMAT", ADULT),
    Case("OPEN-BOOK-RELATED-PARTY-VALUE", CHARITY),
    Case("OPEN-BOOK-RELATED-PARTY-LINE", WEXCOMBE, setter("open_book", "related_parties", 0, "annual_value", 7200)),
    Case("OPEN-BOOK-RELATED-PARTY-LINE", NURSING),   # a group management charge is an Overhead, not the training line
    Case("OPEN-BOOK-DISALLOWED-RELATED", CHARITY),
    Case("OPEN-BOOK-DISALLOWED-CARVE-OUT", ADULT),
    Case("OPEN-BOOK-DISALLOWED-CARVE-OUT", ADULT, lambda d: d["open_book"].update(eot_trustee="Acme EOT Trustee Limited")),
    Case("OPEN-BOOK-EXCLUDED-SERVICES", BREAKS),   # other services named, none at the home
    Case("OPEN-BOOK-EXCLUDED-SERVICES", BREAKS, lambda d: d["open_book"]["disallowed_costs"].__setitem__(
        1, "Costs of the day sessions at Kestrel Lodge") or d["services"].update(
        excluded_services=["the day sessions at Kestrel Lodge, bought under the Council's framework"])),
    Case("OPEN-BOOK-CLOSURE-CAPACITY", BREAKS),   # closure worked out from the capacity
    Case("OPEN-BOOK-CLOSURE-CAPACITY", BREAKS, setter("services", "short_breaks", "closure_nights", 8)),
    Case("OPEN-BOOK-HOMES-REGISTERED", CHARITY),
    Case("OPEN-BOOK-HOMES-REGISTERED", CHARITY, lambda d: d["open_book"].update(registrations=[]) or
         d["services"].update(care_type="domiciliary_care")),
    Case("OPEN-BOOK-SUPPORTED-ACCOMMODATION", ACCOMMODATION),   # one service registration, its own words
    Case("OPEN-BOOK-SUPPORTED-ACCOMMODATION", CHARITY),         # children's homes: their words are right
    Case("OPEN-BOOK-COST-MODEL-RATES", CHARITY),   # the rates are stated in the category
    Case("OPEN-BOOK-UNIT-PRICES", ADULT),
    Case("OPEN-BOOK-KPI-THRESHOLD", CHARITY),
    Case("OPEN-BOOK-KPI-THRESHOLD", ADULT),  # one KPI, but about £4.2m over its term
    Case("OPEN-BOOK-INCUMBENT", CHARITY),   # no other provider mentioned
    Case("OPEN-BOOK-INCUMBENT", CHARITY, lambda d: setter("services", "kpis", 0, "baseline", "82% (previous provider)")(d)
         or setter("services", "incumbent", False)(d)),   # the sheet says so
    Case("OPEN-BOOK-VARIABLE-COST", LIVING, lambda d: setter("open_book", "unit_prices", 0, "capacity_units", 36000)(d)
         or setter("open_book", "unit_prices", 0, "variable_cost", 21.5)(d)),
    Case("OPEN-BOOK-VARIABLE-COST", CHARITY, setter("open_book", "unit_prices", 1, "capacity_units", 2000)),  # a home
    Case("OPEN-BOOK-SHORT-BREAKS", BREAKS),
    Case("OPEN-BOOK-SHORT-BREAKS", CHARITY),   # placements, no short breaks
    Case("OPEN-BOOK-SHORT-BREAKS-UNSET", BREAKS),
    Case("OPEN-BOOK-SHORT-BREAKS-UNSET", CHARITY),   # weekly prices for children who live there
    Case("OPEN-BOOK-VOIDS-SUPPORTED-LIVING", LIVING),
    Case("OPEN-BOOK-VOIDS-SUPPORTED-LIVING", LIVING, setter("services", "void_rate", 60),
         positions={"open_book_voids": "void-payment"}),   # drafted as a retained-hours payment
    Case("OPEN-BOOK-VOIDS-SUPPORTED-LIVING", ADULT, positions={"open_book_voids": "void-payment"}),   # a care home drafts it
    Case("OPEN-BOOK-ACCESS-UNTIL", LIVING, setter("open_book", "continuous_access_until", "2029-05-31"),
         positions={"open_book_access": "continuous"}),
    Case("OPEN-BOOK-SPECIFICATION-DATE", CHARITY, setter("services", "specification",
         "Meadowbank Children's Homes service specification, version 2, dated 14 October 2026")),
    Case("OPEN-BOOK-CORE-UNITS", NIGHTLY, setter("open_book", "unit_prices", 0, "expected_units", 4745)),
    Case("OPEN-BOOK-CORE-UNITS", CHARITY),   # weekly prices: OPEN-BOOK-VOID-TERMS checks the weeks
    Case("OPEN-BOOK-HOMECARE-GUARANTEE", HOMECARE),   # 57,200 and 44,200 hours within 67,600 and 52,000
    Case("OPEN-BOOK-HOMECARE-GUARANTEE", LIVING),      # not home care
    Case("OPEN-BOOK-HOMECARE-SETTING", HOMECARE),      # the setting is stated
    Case("OPEN-BOOK-HOMECARE-SETTING", LIVING),        # supported living with its landlords
    Case("OPEN-BOOK-CORE-HOURS", LIVING),              # 8,760 + 4 x 3,285 = 21,900 hours, as priced
    Case("OPEN-BOOK-CORE-HOURS", HOMECARE),            # home care: guaranteed hours, its own rule
    Case("OPEN-BOOK-SCOPE-PRIVATE-PAY", LIVING),       # no disallowed line about private care
    Case("OPEN-BOOK-SCOPE-PRIVATE-PAY", LIVING, lambda d: (_private_pay_disallowed(d),
                                                           d["services"].__setitem__("scope", "commissioner_places"))),
]


def _block() -> dict:
    """A minimal open_book block for a grant that had none."""
    return {
        "profit_cap": 5, "overhead_cap": 10, "allowable_costs": ["Staff costs"],
        "first_period_start": "2026-04-01",
        "cost_model": {"direct_costs": 10000, "overheads": 1000, "income": 12500},
    }


def case_id(case: Case) -> str:
    return f"{case.rule}-{case.sample.stem}"


@pytest.mark.parametrize("case", FIRES, ids=[case_id(c) for c in FIRES])
def test_rule_fires(case, catalogue):
    found = [f for f in findings(catalogue, case.sample, case.mutate, case.positions) if f.rule == case.rule]
    assert found, f"{case.rule} did not fire"
    if case.says:
        assert any(case.says in f.message for f in found), [f.message for f in found]
    if case.loc:
        assert case.loc in [f.loc for f in found]


@pytest.mark.parametrize("case", QUIET, ids=[case_id(c) for c in QUIET])
def test_rule_stays_quiet(case, catalogue):
    found = [f for f in findings(catalogue, case.sample, case.mutate, case.positions) if f.rule == case.rule]
    assert found == []


def test_every_open_book_rule_has_a_firing_and_a_quiet_case():
    every = {r.id for r in [*OPEN_BOOK.rules, *FAMILY.rules]}
    assert {c.rule for c in FIRES} == every
    assert {c.rule for c in QUIET} == every


def test_block_rules_run_for_the_grant_family_and_do_nothing_without_a_block(catalogue):
    grant_rules = {r.id for r in catalogue.manifest("grant").rules_module().RULES.rules}
    assert {r.id for r in OPEN_BOOK.rules} <= grant_rules
    assert not {r.id for r in FAMILY.rules} & grant_rules
    assert [f for f in findings(catalogue, PLAIN_GRANT) if f.rule.startswith("OPEN-BOOK")] == []


def test_family_rules_include_the_common_and_block_rules_once(catalogue):
    rules = [r.id for r in catalogue.manifest("open-book").rules_module().RULES.rules]
    assert len(rules) == len(set(rules))
    assert {"COMMON-REGISTRATION-FORMAT", "OPEN-BOOK-CAP-BENCHMARK", "OPEN-BOOK-KPI-THRESHOLD"} <= set(rules)


def test_registration_rule_names_its_format_sources():
    summary = next(r.summary for r in OPEN_BOOK.rules if r.id == "OPEN-BOOK-REGISTRATION-FORMAT")
    assert "Ofsted" in summary and "SC + 6 digits" in summary and "CQC" in summary and "register" in summary


def test_benchmark_warning_reads_the_figure_from_the_library(catalogue):
    figures = copy.deepcopy(catalogue.figures)
    figures["ssro_baseline_profit_rate"]["value"] = 4.5
    sheet = read_termsheet(CHARITY, catalogue)
    found = [f for f in OPEN_BOOK.run(RuleContext(sheet.model, sheet.positions, figures))
             if f.rule == "OPEN-BOOK-CAP-BENCHMARK"]
    assert [f.severity for f in found] == ["warning"]
    assert "benchmark of 4.5%" in found[0].message


def test_rule_message_and_draft_print_the_same_figure_with_fractional_pence(catalogue):
    """9.5% of £1,184,250.50 is £112,503.7975: the rule and the worked example both take it as
    £112,503.80 (one rounding rule), so overheads of exactly that pass and a penny more is reported
    with the figure the draft prints."""
    import datetime as dt

    from assembler.assemble import assemble
    from assembler.model import Table, plain_text
    from assembler.termsheet.validate import read_termsheet

    at_cap = findings(catalogue, ADULT, setter("open_book", "cost_model", "overheads", "112503.80"))
    assert "OPEN-BOOK-OVERHEADS-OVER-CAP" not in {f.rule for f in at_cap}
    over = findings(catalogue, ADULT, setter("open_book", "cost_model", "overheads", "112503.81"))
    [message] = [f.message for f in over if f.rule == "OPEN-BOOK-OVERHEADS-OVER-CAP"]
    assert "(£112,503.80)" in message
    doc = assemble(read_termsheet(ADULT, catalogue), catalogue, today=dt.date(2026, 12, 3)).document
    schedule = next(c for c in doc.all_clauses() if c.id.endswith("schedule-reconciliation"))
    cells = [plain_text(cell) for block in schedule.blocks if isinstance(block, Table)
             for row in block.rows for cell in row]
    assert "£112,503.80" in cells


def test_core_floor_price_only_where_one_weekly_price_falls_short(catalogue):
    """r25 ob-sample 3, quiet part: a floor split between two weekly Prices (the r25 nursing block) has no single
    covering Price, so the message names none."""
    found = [f for f in findings(catalogue, NURSING) if f.rule == "OPEN-BOOK-CORE-FLOOR"]
    assert found and all("a weekly Price of" not in f.message for f in found)
