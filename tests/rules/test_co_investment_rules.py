"""Every co-investment consistency rule fires on a term sheet that breaks it and stays quiet otherwise.

Each case starts from a real sample, changes it in memory (as a commissioner would by editing the
YAML), and validates it again, so the rules see exactly what `partnerdraft check` would see.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from assembler.assemble import assemble, check_rules
from assembler.errors import UserError
from assembler.formatting import money
from assembler.rules.co_investment import RULES
from assembler.termsheet.loader import load_file, load_text
from assembler.writers.text import to_text
from assembler.termsheet.validate import TermSheet, validate
from tests.conftest import ROOT
from tests.rules.helpers import RULES_DATE

HOMES = ROOT / "samples" / "co-investment" / "affordable-homes-partnership.yaml"
HUB = ROOT / "samples" / "co-investment" / "community-asset-lease.yaml"
LAND = ROOT / "samples" / "co-investment" / "housing-land-transfer.yaml"
# The homes partnership with its first, unworkable numbers: a funding gap, debt service the rents cannot
# cover, loan to value over the covenant and a drawdown condition the money drawn cannot meet.
STRETCHED = ROOT / "tests" / "rules" / "fixtures" / "co-investment-stretched.yaml"
# Supported flats on a district council lease, Homes England grant, the foundation ranking behind the Council.
SUPPORTED = ROOT / "tests" / "rules" / "fixtures" / "co-investment-supported-lease.yaml"


_UNCHANGED: dict[Path, TermSheet] = {}


def sheet_from(path: Path, catalogue, change: Callable[[dict], None] | None = None) -> TermSheet:
    """The sample, changed by `change` (which edits the loaded YAML data in place), validated again."""
    if change is None:
        if path not in _UNCHANGED:
            _UNCHANGED[path] = validate(load_file(path), catalogue)
        return _UNCHANGED[path]
    data = copy.deepcopy(load_file(path).data)
    if change:
        change(data)
    out = io.StringIO()
    YAML().dump(data, out)
    return validate(load_text(out.getvalue(), path.name), catalogue)


def findings(sheet: TermSheet, catalogue):
    """Every finding the rules make on the sheet, on the rules' fixed date."""
    return check_rules(sheet, catalogue, today=RULES_DATE)


def fired(sheet: TermSheet, catalogue, rule: str):
    return [f for f in findings(sheet, catalogue) if f.rule == rule]


def draft_text(sheet: TermSheet, catalogue, *, notes: bool = False, flat: bool = False) -> str:
    """The sheet's draft as plain text on the rules' fixed date (`notes`: with its drafting notes); `flat` makes
    every run of white space one space, for phrases that may run across a line break."""
    text = to_text(assemble(sheet, catalogue, today=RULES_DATE).document, notes=notes)
    return " ".join(text.split()) if flat else text


# Changes that break one rule each. -----------------------------------------------------------------

def _total_off(d):
    d["contributions"]["stated_total"] = 6_000_000


def _count_off(d):
    d["partnership"]["property_count"] = 9


def _homes_off(d):
    d["acquisition"]["homes_to_acquire"] = 50


def _big_undervalue(d):
    # Revalue the eight homes so that their undervalue is just over the General Disposal Consent limit
    # (which covers £2,000,000 or less).
    for p in d["contributions"]["authority"][0]["properties"]:
        p["valuation"] = 250_001
    d["contributions"]["stated_total"] = 8 * 250_001 + 2_600_000 + 250_000 + 2_000_000 + 500_000


def _undervalue_at_the_limit(d):
    for p in d["contributions"]["authority"][0]["properties"]:
        p["valuation"] = 250_000
    d["contributions"]["stated_total"] = 8 * 250_000 + 2_600_000 + 250_000 + 2_000_000 + 500_000


def _assessed_before_the_act(d):
    d["subsidy"]["assessment_date"] = "2022-11-30"


def _property_twice(d):
    props = d["contributions"]["authority"][0]["properties"]
    props[1]["title_number"] = props[0]["title_number"]



def _short_lease(d):
    d["contributions"]["authority"][0]["properties"][0]["lease_years"] = 7


def _cash_form(d):
    d.setdefault("positions", {})["authority_contribution"] = "cash"


def _unknown_investor(d):
    d["contributions"]["investments"][1]["investor"] = "Trust"


def _idle_investor(d):
    inv = d["contributions"]["investments"].pop(1)
    d["contributions"]["investments"][0]["amount"] += inv["amount"]
    d["drawdowns"][3]["contributor"] = "Fund"


def _drawdown_short(d):
    d["drawdowns"][0]["amount"] = 500_000


def _drawdown_outside(d):
    d["drawdowns"][-1]["date"] = "2052-07-01"


def _drawdowns_shuffled(d):
    d["drawdowns"].insert(0, d["drawdowns"].pop())


def _uplift_without_share(d):
    d.setdefault("positions", {})["clawback_basis"] = "uplift-share"


def _option_without_price(d):
    del d["end_of_term"]["option_price"]


def _over_mfa(d):
    d["subsidy"]["prior_assistance"] = 60_000


def _term_backwards(d):
    d["partnership"]["term"]["end"] = "2025-05-31"


def _charity_hub(d):
    d["delivery"]["legal_form"] = "cio"
    d["delivery"]["charity_number"] = "1190001"
    del d["delivery"]["society_number"]


def _caps_crossed(d):
    d["acquisition"]["price_cap"] = 110_000


def _assessed_hub(d):
    d["subsidy"]["route"] = "assessed"


def _held_for_housing(d):
    d["contributions"]["authority"][0]["properties"][0]["held_for"] = "housing"


def _housing_land_complete(d):
    _held_for_housing(d)
    d["partnership"]["authority_powers"].append("section 32 of the Housing Act 1985")
    d.setdefault("consents", {}).update(housing_disposal="general_housing_consents",
                                       housing_disposal_reference="Consent A3.1 of the General Housing Consents 2013")


def _housing_lease(d):
    d["contributions"]["authority"][0]["properties"][0]["held_for"] = "housing"


def _no_s25_consent(d):
    del d["consents"]


def _from_last_drawdown(d):
    # The sample's Fund pays return only until every home is let; without first_instalment its 20 instalments run
    # from the first anniversary of its last drawdown (4 January 2029), while homes are still being bought and let.
    d["contributions"]["investments"][0].pop("first_instalment", None)


def _loan_outlives_term(d):
    _from_last_drawdown(d)
    d["contributions"]["investments"][0]["instalment_years"] = 25


def _matures_before_drawn(d):
    del d["contributions"]["investments"][0]["instalment_years"]
    d["contributions"]["investments"][0]["maturity"] = "2027-12-31"


def _no_bedrooms(d):
    del d["contributions"]["authority"][0]["properties"][2]["bedrooms"]


def _maturity_moved(d):
    _from_last_drawdown(d)
    d["contributions"]["investments"][0]["maturity"] = "2047-01-04"


def _ltv_from_later(d):
    d["covenants"]["ltv_tested_from"] = "2030-06-01"
    d["covenants"]["max_ltv"] = 85


def _held_for_unknown(d):
    del d["contributions"]["authority"][0]["properties"][3]["held_for"]


def _described_as_empty(d):
    d["contributions"]["authority"][0]["description"] = "Freehold transfer of eight empty homes owned by the Council"


def _works_after_rent(d):
    # The works programme says the homes are finished a month after rent is planned to start.
    d["acquisition"]["works_complete_by"] = "2027-10-01"


def _let_by_deadline(d):
    # Every home must be let on the very day the last may be bought.
    d["acquisition"]["let_by"] = d["acquisition"]["deadline"]


def _let_by_later(d):
    d["acquisition"]["let_by"] = "2030-09-30"


def _ltv_condition(percent):
    def change(d):
        # The Fund's second drawdown (20 homes required) also waits for a stated loan to value.
        d["drawdowns"][4]["condition"] = f"Twenty homes bought and charged, with loan-to-value at {percent}% or less"
        del d["drawdowns"][4]["homes_required"]
    return change


def _interest_only_to_full_stock(d):
    # The Fund pays return only until every home is bought and let, then 20 instalments.
    d["contributions"]["investments"][0]["instalment_years"] = 20
    d["contributions"]["investments"][0]["first_instalment"] = "2030-06-04"
    d["contributions"]["investments"][0]["maturity"] = "2049-06-04"


def _short_clawback(d):
    # 20 years from 1 June 2027 ends before the Fund's last instalment on 4 July 2049.
    d["clawback"]["years"] = 20


def _build_without_planning(d):
    d["acquisition"]["new_build"] = True
    d["acquisition"]["planning_permission"] = "not_needed"


def _nominations_say_registered_provider(d):
    d["nominations"]["registered_provider"] = True


def _rp_status_unknown(d):
    del d["nominations"]["registered_provider"]


def _cover_tested_early(d):
    # The covenant tested from the Fund's last drawdown, while homes are still being bought and let.
    _from_last_drawdown(d)
    d["covenants"]["dscr_tested_from"] = "2028-01-04"


def _report_drawdown_early(d):
    d["drawdowns"][5]["date"] = "2028-06-15"


def _rooftop_as_occupier(d):
    d["contributions"]["authority"][0]["properties"][0]["occupiers"] = (
        "Electronic Communications Code agreement dated 14 May 2019; the Council keeps the benefit of it and the lease "
        "excepts and reserves the rooftop site and access to it")


def _consent_named(d):
    d["consents"]["financial_assistance_reference"] = (
        "General Consent C of the General Consents under section 25 of the Local Government Act 1988 (Local Authority "
        "assistance for privately let housing) 2010, as amended in 2014")



def _described_unsecured(d):
    d["contributions"]["investments"][0]["description"] = "Unsecured loan, ranking behind the Council"


FIRES = [
    ("COINV-S25-CONSENT-NAMED", HOMES, None, "identifies the general consent only through another document"),
    ("COINV-OCCUPIER-EXCEPTED", HUB, _rooftop_as_occupier, "a part it keeps is not an occupier"),
    # r18b ci-fresh 8: the first return-only payment is worked out daily from each drawdown, not a full year's.
    ("COINV-PAYMENT-EARLY-IN-YEAR", HOMES, None, "Fund's £67,931.51 falls due on 4 July 2028, 33 days into the "
     "Partnership Year starting 1 June 2028, when only about £7,846.42 of that year's income after costs and the reserve "
     "will have come in"),
    ("COINV-BULLET-RESERVE", HOMES, None, "the Foundation's £500,000 is due in one sum on 31 May 2037, but on the "
     "business plan the Capital Repayment Reserve of £55,555.56 a year (paid after the fixed and target returns and before "
     "any capped share of what remains, with surplus swept into it) holds only £488,905.66 that day, so £11,094.34 "
     "depends on refinancing"),
    ("COINV-COVER-TEST-YEARS", HOMES, _cover_tested_early, "fails in 3 of the 21 Test Years: in the year from 4 "
     "January 2028, 17 homes leave £62,926.23 after costs and the reserve against £90,000 due to the tested investments, "
     "cover of 0.70; the homes are to be bought and let by 31 May 2030"),
    ("COINV-CLAWBACK-BEFORE-LOAN", HOMES, _short_clawback, "the clawback ends 20 years after each transfer or "
     "purchase (1 June 2047 at the earliest), before Fund's capital is repaid on 4 July 2049 (the asset lock continues, "
     "but nothing is repaid to the authority on a breach in those years). Lengthen clawback.years to 23 or more"),
    ("COINV-BUILD-PLANNING", HOMES, _build_without_planning, "are built new, but planning_permission says none is needed"),
    ("COINV-REGISTERED-PROVIDER-UNKNOWN", HOMES, _rp_status_unknown, "does not say whether Pathway Homes & Support is a "
     "private registered provider"),
    ("COINV-REGISTERED-PROVIDER", HOMES, _nominations_say_registered_provider, "nominations.registered_provider is true, "
     "but Pathway Homes & Support's legal form is not a registered provider"),
    ("COINV-INSTALMENTS-BEFORE-FULL-STOCK", HOMES, _from_last_drawdown, "Fund's instalments of £153,752.29 a year start on 4 "
     "January 2029, before every home is bought and let (31 May 2030): about 35 of the 60 homes earn rent"),
    ("COINV-LET-BY", HOMES, _let_by_deadline, "every home must be let by 31 May 2030, but homes may be bought up to "
     "31 May 2030"),
    ("COINV-DRAWDOWN-LTV-CONDITION", HOMES, _ltv_condition(40), "Fund's drawdown of £1,000,000 on 4 January 2028 is "
     "conditional on loan-to-value of 40% or less, but its capital once that drawdown is made (£2,000,000) is"),
    ("COINV-WORKS-AFTER-RENT", HOMES, _works_after_rent, "the works are to be finished by 1 October 2027, but rent "
     "is planned from 1 September 2027"),
    ("COINV-REPORT-BEFORE-DRAWDOWN", HOMES, _report_drawdown_early, "the drawdown of £1,300,000 on 15 June 2028 is "
     "conditional on an annual report, but the first Partnership Year ends on 31 May 2028"),
    ("COINV-DRAWDOWN-LONGSTOP", HOMES, None, "4 drawdowns are dated on or before the conditions long-stop of 31 August "
     "2027 (the first 15 June 2027)"),
    ("COINV-HELD-FOR-UNKNOWN", HOMES, _held_for_unknown, "does not say how the authority holds 23 Gladstone Street"),
    ("COINV-EMPTY-BUT-OCCUPIED", HOMES, _described_as_empty, "the contribution is described as 'Freehold transfer of "
     "eight empty homes owned by the Council', but 2 O'Brien Court, Trentborough TB21 1TT is transferred with an occupier"),
    ("COINV-DEBT-COVER", STRETCHED, None, "leaves £263,914.17 a year against debt service of £909,657.92: cover of 0.29, "
     "below the covenant minimum of 1.2; return of £15,287.67 accrues on capital drawn before rent starts"),
    ("COINV-LTV", STRETCHED, None, "after the drawdown of £2,000,000 on 4 January 2028, capital of £4,000,000 against "
     "charged property worth £5,145,000"),
    ("COINV-LTV", STRETCHED, None, "at full drawdown, capital of £6,000,000 against charged property worth £7,355,000 "
     "(market value subject to existing tenancies) is a loan to value of 81.6%, above the covenant maximum of 75%"),
    ("COINV-FUNDING-GAP", STRETCHED, None, "a funding gap of £1,265,287.67; the cash buys about 79 of the 92 homes"),
    ("COINV-DRAWDOWN-FEASIBLE", STRETCHED, None, "requires 40 homes bought first, which costs at least £3,400,000 at the "
     "price cap of £85,000, but only £3,350,000 is drawn before it"),
    ("COINV-SURPLUS-ONLY-RETURN", HOMES, None, "the Foundation's return is a share of what remains, paid only from "
     "income left"),
    ("COINV-BULLET-ASSET-LOCK", HOMES, None, "the Foundation's £500,000 is repaid in one sum on 31 May 2037 while the "
     "homes are locked to the purpose"),
    ("COINV-INSTALMENTS-MATURITY", HOMES, _maturity_moved, "instalments end on 4 January 2048 but its maturity is given "
     "as 4 January 2047"),
    ("COINV-HOUSING-LAND", HOMES, _held_for_housing, "only under section 32 of the Housing Act 1985"),
    ("COINV-HOUSING-LAND", HOMES, _held_for_housing, "do not name section 32 of the Housing Act 1985"),
    ("COINV-S25-CONSENT", HOMES, _no_s25_consent, "needs consent under s.25 of the Local Government Act 1988"),
    ("COINV-LOAN-MATURITY", HOMES, _loan_outlives_term, "matures on 4 January 2053, after the partnership term ends on 31 May 2052"),
    ("COINV-LOAN-MATURITY", HOMES, _matures_before_drawn, "is to draw capital on 4 January 2028, after its maturity on 31 December 2027"),
    ("COINV-LHA-BEDROOMS", HOMES, _no_bedrooms, "7 Albion Street, Trentborough TB21 1QR has no bedrooms given"),
    ("COINV-HOUSING-AUTHORITY", HOMES, lambda d: d["authority"].update(name="Trentvale County Council"),
     "Trentvale County Council is a county council: set nominations.housing_authority to false"),
    ("COINV-SUBSIDY-DATABASE", HOMES, None, "a standalone subsidy must be entered on the subsidy database, whatever"),
    ("COINV-SUBSIDY-DATABASE", HUB, _assessed_hub, "assistance is £270,000"),
    ("COINV-SUBSIDY-DATABASE", HUB, None, "minimal financial assistance of more than £100,000 (£270,000)"),
    ("COINV-SUBSIDY-LAW", HOMES, _assessed_before_the_act, "before the Subsidy Control Act 2022 came into force on 4 January 2023"),
    ("COINV-DUPLICATE-PROPERTY", HOMES, _property_twice, "is listed twice"),
    ("COINV-PRICE-CAPS", HOMES, _caps_crossed, "purchase price cap of £110,000 is above the all-in cap of £100,000"),
    ("COINV-CONTRIBUTIONS-TOTAL", HOMES, _total_off, "add up to £5,990,000"),
    ("COINV-PROPERTY-COUNT", HOMES, _count_off, "states 9 properties but the property schedule has 8 rows"),
    ("COINV-HOMES-TARGET", HOMES, _homes_off, "the homes target is 60"),
    ("COINV-SOS-CONSENT", HOMES, _big_undervalue, "undervalue of £2,000,008, more than £2,000,000"),
    ("COINV-S123-LEASE", HUB, None, "for 35 years is longer than 7 years"),
    ("COINV-LTV-BASIS", HOMES, lambda d: d["covenants"].update(valuation_basis="market value with vacant possession"),
     "the homes are let on assured tenancies: an investor enforcing its charge sells them subject to those tenancies"),
    ("COINV-LTV-BASIS", HOMES, lambda d: d["covenants"].update(valuation_basis="open market value"),
     "says neither 'subject to existing tenancies' nor 'vacant possession'"),
    ("COINV-SUBSIDY-DATABASE-DUE", HOMES, lambda d: d["subsidy"].update(decision_date="2026-08-14"),
     "the subsidy database entry was due by 13 November 2026, before this draft's date"),
    ("COINV-SUBSIDY-ASSESSED-FIRST", HOMES, lambda d: d["subsidy"].update(decision_date="2026-08-14"),
     "the subsidy assessment is dated 5 November 2026, after the decision to give the assistance was confirmed on "
     "14 August 2026"),
    ("COINV-RTB-RECEIPTS", HOMES, lambda d: d["contributions"]["authority"][1].update(
        description="Capital grant from the Council's retained Right to Buy receipts"),
     "mentions Right to Buy receipts but rtb_receipts is not given"),
    ("COINV-RTB-RECEIPTS", HUB, lambda d: d["contributions"]["authority"][1].update(rtb_receipts=50000),
     "£50,000 of the grant is paid from retained Right to Buy receipts, but the partnership provides no homes to let"),
    ("COINV-COVENANT-NO-FIXED", LAND, None, "senior_only limits the covenants to investments with a fixed return, but "
     "none has one: the draft tests all investment capital (the Fund)"),
    ("COINV-CHARITY-LAND", HOMES, None, "Charities Act 2011"),
    ("COINV-CHARITY-LAND", HUB, _charity_hub, "charges the properties to the investors"),
    ("COINV-CONTRIBUTION-FORM", HOMES, _cash_form, "position is 'cash' but the authority contributes property"),
    ("COINV-CONTRIBUTORS-KNOWN", HOMES, _unknown_investor, "'Trust' is not the short name of an investor"),
    ("COINV-INVESTOR-CONTRIBUTES", HOMES, _idle_investor, "St Hugh's Community Foundation is an investor"),
    ("COINV-DRAWDOWNS-SUM", HOMES, _drawdown_short, "drawdowns for the Council add up to £1,800,000"),
    ("COINV-DATES", HOMES, _drawdown_outside, "falls outside the term"),
    ("COINV-DRAWDOWNS-ORDER", HOMES, _drawdowns_shuffled, "not in date order"),
    ("COINV-UPLIFT-SHARE", HOMES, _uplift_without_share, "uplift_share is not given"),
    ("COINV-OPTION-PRICE", HOMES, _option_without_price, "option_price is not given"),
    ("COINV-MFA-LIMIT", HUB, _over_mfa, "make £330,000, over the limit of £315,000"),
    ("COMMON-DATES-ORDER", HOMES, _term_backwards, "not after it starts"),
]

def _foundation_junior(d):
    d["contributions"]["investments"][1]["ranks_after_authority"] = True


def _all_junior(d):
    for inv in d["contributions"]["investments"]:
        inv["ranks_after_authority"] = True


def _junior_on_authority_first(d):
    d["contributions"]["investments"][0]["ranks_after_authority"] = True


def _foundation_second_ranking(d):
    d["drawdowns"][3]["condition"] = "The Foundation's second-ranking charge registered"


def _junior_foundation_second_ranking(d):
    _foundation_junior(d)
    _foundation_second_ranking(d)


def _junior_foundation_third_ranking(d):
    _foundation_junior(d)
    d["drawdowns"][3]["condition"] = "The Foundation's third-ranking charge registered and the Priority Deed signed"


FIRES += [
    ("COINV-GRANT-PROGRAMME", SUPPORTED, None, "is the Social and Affordable Homes Programme 2026 to 2036"),
    ("COINV-GRANT-PROGRAMME", HOMES, lambda d: d["contributions"]["authority"][1].update(
        description="Top-up grant alongside the Affordable Homes Programme 2026-2036"), "grant of £2,600,000"),
    ("COINV-DRAWDOWN-RANK", SUPPORTED, None, "the Foundation's drawdown on 1 November 2027 is conditional on a "
     "'second-ranking' charge, but the draft ranks its Investor Charge number 3"),
    ("COINV-RANK-AFTER-AUTHORITY", LAND, _junior_on_authority_first, "security_ranking is 'authority-first', which "
     "already sets the authority's place"),
    ("COINV-RANK-AFTER-AUTHORITY", HOMES, _all_junior, "every investor is marked ranks_after_authority"),
    ("COINV-DRAWDOWN-RANK", HOMES, _junior_foundation_second_ranking, "the Foundation's drawdown on 1 July 2027 is "
     "conditional on a 'second-ranking' charge, but the draft ranks its Investor Charge number 3"),
]

def _authority_charge(d):
    d["security"]["authority_charge"] = True


def _authority_charge_on_authority_first(d):
    d["security"]["authority_charge"] = True


def _authority_charge_without_investor_charge(d):
    d["security"]["authority_charge"] = True
    d["security"]["investor_charge"] = False


FIRES += [
    ("COINV-AUTHORITY-CHARGE", LAND, _authority_charge_on_authority_first, "security_ranking is 'authority-first', "
     "which already gives the authority a charge"),
    ("COINV-AUTHORITY-CHARGE", HOMES, _authority_charge_without_investor_charge, "no investor takes a charge"),
    ("COINV-INVESTMENT-UNSECURED", HOMES, _described_unsecured, "says it is unsecured"),
]

QUIET = [
    ("COINV-AUTHORITY-CHARGE", HOMES), ("COINV-AUTHORITY-CHARGE", LAND), ("COINV-INVESTMENT-UNSECURED", HOMES),
    ("COINV-INVESTMENT-UNSECURED", HUB),
    ("COINV-LET-BY", HOMES),
    ("COINV-GRANT-PROGRAMME", HOMES), ("COINV-GRANT-PROGRAMME", HUB), ("COINV-RANK-AFTER-AUTHORITY", SUPPORTED),
    ("COINV-RANK-AFTER-AUTHORITY", HOMES), ("COINV-RANK-AFTER-AUTHORITY", LAND),
    ("COINV-DRAWDOWN-RANK", HOMES), ("COINV-DRAWDOWN-RANK", LAND),
    ("COINV-WORKS-AFTER-RENT", HOMES),


    ("COINV-WORKS-AFTER-RENT", HOMES), ("COINV-EMPTY-BUT-OCCUPIED", HOMES), ("COINV-EMPTY-BUT-OCCUPIED", HUB),
    ("COINV-OCCUPIER-EXCEPTED", HOMES), ("COINV-OCCUPIER-EXCEPTED", HUB), ("COINV-OCCUPIER-EXCEPTED", LAND),
    ("COINV-BULLET-RESERVE", LAND), ("COINV-BULLET-RESERVE", HUB),
    ("COINV-PAYMENT-EARLY-IN-YEAR", LAND), ("COINV-PAYMENT-EARLY-IN-YEAR", HUB),
    ("COINV-CLAWBACK-BEFORE-LOAN", HOMES), ("COINV-CLAWBACK-BEFORE-LOAN", HUB), ("COINV-CLAWBACK-BEFORE-LOAN", LAND),
    ("COINV-BUILD-PLANNING", HOMES), ("COINV-REGISTERED-PROVIDER", HOMES), ("COINV-REGISTERED-PROVIDER", LAND),
    ("COINV-REGISTERED-PROVIDER-UNKNOWN", HOMES), ("COINV-REGISTERED-PROVIDER-UNKNOWN", HUB),
    ("COINV-COVER-TEST-YEARS", HOMES), ("COINV-COVER-TEST-YEARS", HUB), ("COINV-REPORT-BEFORE-DRAWDOWN", HOMES),
    ("COINV-REPORT-BEFORE-DRAWDOWN", HUB), ("COINV-DRAWDOWN-LONGSTOP", LAND),
    ("COINV-HOUSING-LAND", HOMES), ("COINV-HOUSING-LAND", HUB), ("COINV-S25-CONSENT", HOMES),
    ("COINV-S25-CONSENT", HUB), ("COINV-LOAN-MATURITY", HOMES), ("COINV-LOAN-MATURITY", HUB),
    ("COINV-LHA-BEDROOMS", HOMES), ("COINV-LHA-BEDROOMS", HUB), ("COINV-HOUSING-AUTHORITY", HOMES),
    ("COINV-SUBSIDY-LAW", HOMES), ("COINV-DUPLICATE-PROPERTY", HOMES), ("COINV-DUPLICATE-PROPERTY", HUB),
    ("COINV-PRICE-CAPS", HOMES), ("COINV-PRICE-CAPS", HUB),
    ("COINV-CONTRIBUTIONS-TOTAL", HOMES), ("COINV-CONTRIBUTIONS-TOTAL", HUB),
    ("COINV-PROPERTY-COUNT", HOMES), ("COINV-PROPERTY-COUNT", HUB),
    ("COINV-HOMES-TARGET", HOMES), ("COINV-SOS-CONSENT", HOMES), ("COINV-SOS-CONSENT", HUB),
    ("COINV-S123-LEASE", HOMES), ("COINV-CHARITY-LAND", HUB),
    ("COINV-CONTRIBUTION-FORM", HOMES), ("COINV-CONTRIBUTION-FORM", HUB),
    ("COINV-CONTRIBUTORS-KNOWN", HOMES), ("COINV-INVESTOR-CONTRIBUTES", HOMES),
    ("COINV-DRAWDOWNS-SUM", HOMES), ("COINV-DRAWDOWNS-SUM", HUB), ("COINV-DATES", HOMES), ("COINV-DATES", HUB),
    ("COINV-DRAWDOWNS-ORDER", HOMES), ("COINV-UPLIFT-SHARE", HOMES), ("COINV-OPTION-PRICE", HOMES),
    ("COINV-MFA-LIMIT", HUB), ("COMMON-DATES-ORDER", HOMES),
    ("COINV-DEBT-COVER", HOMES), ("COINV-LTV", HOMES), ("COINV-LTV", HUB), ("COINV-FUNDING-GAP", HOMES),
    ("COINV-FUNDING-GAP", HUB), ("COINV-DRAWDOWN-FEASIBLE", HOMES), ("COINV-INSTALMENTS-MATURITY", HOMES),
    ("COINV-SURPLUS-ONLY-RETURN", HUB), ("COINV-BULLET-ASSET-LOCK", HUB),
    ("COINV-HELD-FOR-UNKNOWN", HOMES), ("COINV-HELD-FOR-UNKNOWN", HUB),
    ("COINV-COVENANT-NO-FIXED", HOMES), ("COINV-COVENANT-NO-FIXED", HUB),
    ("COINV-LTV-BASIS", HOMES), ("COINV-LTV-BASIS", HUB), ("COINV-LTV-BASIS", LAND),
    ("COINV-SUBSIDY-DATABASE-DUE", HOMES), ("COINV-SUBSIDY-ASSESSED-FIRST", HOMES),
    ("COINV-RTB-RECEIPTS", HOMES), ("COINV-RTB-RECEIPTS", LAND), ("COINV-RTB-RECEIPTS", HUB),
]


def test_a_grant_from_right_to_buy_receipts_is_limited_to_the_homes_the_agreement_allows(catalogue):
    def rtb(d):
        d["contributions"]["authority"][1]["rtb_receipts"] = 1_000_000
    text = draft_text(sheet_from(HOMES, catalogue, rtb), catalogue)
    assert "One million pounds (£1,000,000) of the Authority Grant is paid from receipts from sales under the right to " \
           "buy" in text or "of the Authority Grant is paid from receipts from sales under the right to buy" in text
    assert "paid from receipts from sales under the right to buy" not in draft_text(sheet_from(HOMES, catalogue), catalogue)


def test_housing_land_with_its_consent_and_power_stated_is_quiet(catalogue):
    """The housing-land warning fired on every sheet with land held for housing, even one that named the consent
    paragraph and s.32: now only a missing step (or a specific consent still to be obtained) is reported."""
    assert not fired(sheet_from(HOMES, catalogue, _housing_land_complete), catalogue, "COINV-HOUSING-LAND")
    assert fired(sheet_from(HOMES, catalogue, _held_for_housing), catalogue, "COINV-HOUSING-LAND")


def test_a_long_lease_of_housing_land_is_not_an_s123_disposal(catalogue):
    """A lease of land held for housing is disposed of under s.32 of the Housing Act 1985: no s.123 finding, and the
    review pack shows the Housing Act row, not the s.123 one."""
    hub = sheet_from(HUB, catalogue)
    assert fired(hub, catalogue, "COINV-S123-LEASE")
    assert "s.123(2) of the Local Government Act 1972 applies" in draft_text(hub, catalogue, notes=True)
    sheet = sheet_from(HUB, catalogue, _housing_lease)
    assert not fired(sheet, catalogue, "COINV-S123-LEASE")
    text = draft_text(sheet, catalogue, notes=True)
    assert "s.123(2) of the Local Government Act 1972 applies" not in text
    assert "a disposal under s.32 of the Housing Act 1985" in text


def test_an_unstated_holding_purpose_is_bracketed_not_invented(catalogue):
    """Without held_for the draft names neither route as fact: both in brackets, and an open fact."""
    text = draft_text(sheet_from(HOMES, catalogue, _held_for_unknown), catalogue)
    assert "without a stated purpose" in text
    assert "[under section 123 of the Local Government Act 1972 with the consent given by the General Disposal " \
           "Consent (England) 2003] [under section 32 of the Housing Act 1985" in text
    homes = draft_text(sheet_from(HOMES, catalogue), catalogue)
    assert "without a stated purpose" not in homes


def test_ltv_is_tested_only_from_the_stated_date(catalogue):
    """Before the covenant's first test date the drawdowns are not flagged; full drawdown still is."""
    found = fired(sheet_from(STRETCHED, catalogue, _ltv_from_later), catalogue, "COINV-LTV")
    assert [f.message for f in found if "after the drawdown" in f.message] == []


def test_credit_figures_are_the_arithmetic(catalogue):
    """The cover is rent after voids, less costs per home and the reserve share, over the annuity; each figure is
    recomputed here from the sheet's own facts."""
    from decimal import Decimal

    from assembler.credit.co_investment import credit_view

    sheet = sheet_from(HOMES, catalogue).model
    view = credit_view(sheet)
    rents = sheet.income.rent_by_bedrooms
    bedrooms = [p.bedrooms for p in sheet.contributions.properties]
    roll = (sum(rents[b] for b in bedrooms) + 52 * sheet.income.rent_per_home_week) * 52
    gross = roll * Decimal("0.96")
    net = gross - 60 * Decimal(1500) - gross * Decimal("0.08")
    assert abs(view.stabilised.net - net) < 1
    assert view.dscr == (view.stabilised.net / Decimal("153752.29")).quantize(Decimal("0.01"))
    assert view.sources_uses.gap == 0 and view.homes_affordable == 52
    assert view.full[2] == (Decimal(2_000_000) / (Decimal(640_000) + 52 * Decimal(90_000)) * 100).quantize(Decimal("0.1"))
    assert [s.case for s in view.stresses][-1].startswith("Capital due in one sum refinanced at 6%")
    assert len(view.years) == 25
    # The cover covenant is first tested the day after the acquisition deadline, with every home bought.
    assert view.test_start == dt.date(2030, 6, 1)
    assert view.test_years[0].homes == 60 and view.test_years[0].service == Decimal("153752.29")
    assert view.test_years[0].net == view.stabilised.net


def test_cover_ramp_up_counts_only_homes_bought_by_then(catalogue):
    """Half-way from the first drawdown to the acquisition deadline, about half the homes to buy are counted."""
    from assembler.credit.co_investment import homes_bought_by

    sheet = sheet_from(HOMES, catalogue).model
    first, deadline = dt.date(2027, 6, 15), sheet.acquisition.deadline
    half = first + (deadline - first) / 2
    assert homes_bought_by(sheet, half) == 25  # 52 homes x 537 of 1,081 days, rounded down
    assert homes_bought_by(sheet, first) == 0 and homes_bought_by(sheet, deadline) == 52


@pytest.mark.parametrize("rule, sample, change, expected", FIRES,
                         ids=[f"{r}-{s.stem}" for r, s, _, _ in FIRES])
def test_rule_fires(catalogue, rule, sample, change, expected):
    findings = fired(sheet_from(sample, catalogue, change), catalogue, rule)
    assert findings, f"{rule} did not fire"
    assert any(expected in f.message for f in findings), [f.message for f in findings]


@pytest.mark.parametrize("rule, sample", QUIET, ids=[f"{r}-{s.stem}" for r, s in QUIET])
def test_rule_quiet(catalogue, rule, sample):
    assert fired(sheet_from(sample, catalogue), catalogue, rule) == []


def test_every_family_rule_has_a_firing_case():
    assert {r.id for r in RULES.rules if r.id.startswith("COINV-")} <= {r for r, *_ in FIRES}


def test_quiet_near_the_thresholds(catalogue):
    """Just under the consent limit, and a lease of exactly seven years, stay quiet."""
    def just_under(d):
        props = d["contributions"]["authority"][0]["properties"]
        for p in props:
            p["valuation"] = 249_999
        d["contributions"]["stated_total"] = 8 * 249_999 + 2_600_000 + 250_000 + 2_000_000 + 500_000

    assert fired(sheet_from(HOMES, catalogue, just_under), catalogue, "COINV-SOS-CONSENT") == []
    # The General Disposal Consent covers an undervalue of £2,000,000 "or less": exactly at it is covered.
    assert fired(sheet_from(HOMES, catalogue, _undervalue_at_the_limit), catalogue, "COINV-SOS-CONSENT") == []
    assert fired(sheet_from(HUB, catalogue, _short_lease), catalogue, "COINV-S123-LEASE") == []


def test_instalments_after_full_stock_are_quiet_and_the_note_says_so(catalogue):
    """Interest only until every home is bought and let, then instalments: the rule is quiet and the note on the
    Schedule of Contributions drops its warning; with the sample's instalments from January 2029 it gives both."""
    changed = sheet_from(HOMES, catalogue, _interest_only_to_full_stock)
    assert fired(changed, catalogue, "COINV-INSTALMENTS-BEFORE-FULL-STOCK") == []
    def note(sheet):
        doc = assemble(sheet, catalogue, today=RULES_DATE).document
        return next(c.note for c in [*doc.clauses, *doc.schedules] if c.id == "co-investment.schedule-contributions")

    assert "before every home is bought and let" not in note(changed)
    assert "instalments of £153,752.29 a year start on 4 January 2029, before every home is bought and let" \
        in note(sheet_from(HOMES, catalogue, _from_last_drawdown))


def test_error_stops_assembly_with_file_line_and_field(catalogue):
    sheet = sheet_from(HOMES, catalogue, _total_off)
    with pytest.raises(UserError) as caught:
        assemble(sheet, catalogue)
    messages = [str(p) for p in caught.value.problems]
    assert len(messages) == 1
    assert messages[0].startswith(f"{HOMES.name}:")
    assert ": contributions.stated_total: COINV-CONTRIBUTIONS-TOTAL: the contributions add up to £5,990,000" in messages[0]
    assert "but the stated total is £6,000,000" in messages[0]


def test_sos_consent_reaches_the_draft(catalogue):
    """Over the limit the draft makes the Secretary of State's consent a condition."""
    doc = assemble(sheet_from(HOMES, catalogue, _big_undervalue), catalogue).document
    conditions = next(c for c in doc.clauses if c.id == "co-investment.conditions-precedent")
    text = " ".join(b.text for b in conditions.blocks if hasattr(b, "text"))
    assert "the Secretary of State has given specific consent under section 123(2)" in text
    recital = " ".join(b.text for c in doc.recitals for b in c.blocks)
    assert "needs the specific consent of the Secretary of State" in recital

    quiet = assemble(sheet_from(HOMES, catalogue), catalogue).document
    conditions = next(c for c in quiet.clauses if c.id == "co-investment.conditions-precedent")
    assert "Secretary of State has given" not in " ".join(b.text for b in conditions.blocks if hasattr(b, "text"))


def test_database_duty_follows_section_33(catalogue):
    """Minimal financial assistance of no more than £100,000 is exempt (s.36(4)); a standalone
    (assessed) subsidy is entered whatever its amount (s.33(1))."""
    def mfa_at_threshold(d):
        for c in d["contributions"]["authority"]:
            if c["kind"] == "grant":
                c["amount"] = 100_000
            for p in c.get("properties", []):
                p["consideration"] = p["valuation"]

    def assessed_small(d):
        mfa_at_threshold(d)
        d["subsidy"]["route"] = "assessed"

    assert fired(sheet_from(HUB, catalogue, mfa_at_threshold), catalogue, "COINV-SUBSIDY-DATABASE") == []
    [finding] = fired(sheet_from(HUB, catalogue, assessed_small), catalogue, "COINV-SUBSIDY-DATABASE")
    assert "whatever its amount" in finding.message and "s.33(3)(c)" in finding.message


def _clause_text(doc, clause_id: str) -> str:
    clause = next(c for c in doc.clauses if c.id == clause_id)
    return " ".join(b.text for b in clause.blocks if hasattr(b, "text"))


def test_required_consents_are_conditions_that_cannot_be_waived(catalogue):
    """Land held for housing and a section 25 consent each become a Required Consent in the conditions."""
    def housing_and_specific_s25(d):
        _held_for_housing(d)
        d["consents"] = {"housing_disposal": "specific", "financial_assistance": "specific"}
        d["partnership"]["authority_powers"].append("section 32 of the Housing Act 1985")

    text = _clause_text(assemble(sheet_from(HOMES, catalogue, housing_and_specific_s25), catalogue).document,
                        "co-investment.conditions-precedent")
    assert "consent under section 32 of the Housing Act 1985" in text
    assert "consent under section 25 of the Local Government Act 1988" in text
    assert "A Required Consent cannot be waived by anyone" in text

    quiet = _clause_text(assemble(sheet_from(HUB, catalogue), catalogue).document, "co-investment.conditions-precedent")
    assert "section 32 of the Housing Act 1985" not in quiet and "section 25" not in quiet


def test_housing_land_is_outside_the_general_disposal_consent_limit(catalogue):
    """Undervalue on land held for housing does not count towards the £2,000,000 limit of the GDC 2003."""
    def big_undervalue_on_housing_land(d):
        _big_undervalue(d)
        for p in d["contributions"]["authority"][0]["properties"]:
            p["held_for"] = "housing"
        d["consents"]["housing_disposal_reference"] = "the consent the Cabinet report names"
    sheet = sheet_from(HOMES, catalogue, big_undervalue_on_housing_land)
    assert fired(sheet, catalogue, "COINV-SOS-CONSENT") == []
    assert fired(sheet, catalogue, "COINV-HOUSING-LAND")


def test_debt_service_is_the_annuity_to_maturity(catalogue):
    """The Fund's £2,000,000 at 4.5%, last drawn 4 January 2028, repaid by 20 equal yearly instalments from the
    first anniversary of that drawdown (an annuity: 2,000,000 x 0.045 / (1 - 1.045^-20)); its maturity is the
    last instalment, never moved."""
    sheet = sheet_from(HOMES, catalogue, _from_last_drawdown).model
    fund, foundation = sheet.debt_service
    assert (fund.years, str(fund.yearly_payment)) == (20, "153752.29")
    assert (fund.payment_dates[0], fund.payment_dates[-1], fund.maturity) == (
        dt.date(2029, 1, 4), dt.date(2048, 1, 4), dt.date(2048, 1, 4))
    assert foundation.maturity == dt.date(2037, 5, 31)
    assert str(foundation.yearly_payment) == "10000.00"  # 2% on £500,000, capital at maturity
    text = to_text(assemble(sheet_from(HOMES, catalogue, _from_last_drawdown), catalogue).document)
    assert "£153,752.29 a year (capital and return) by the instalments" in text


def test_fraction_and_implausible_investor_rates_are_flagged(catalogue):
    def fraction(d):
        d["contributions"]["investments"][0]["return_rate"] = 0.05

    def implausible(d):
        d["contributions"]["investments"][0]["return_rate"] = 45

    assert fired(sheet_from(HOMES, catalogue, fraction), catalogue, "COMMON-PERCENT-FRACTION")
    assert fired(sheet_from(HOMES, catalogue, implausible), catalogue, "COMMON-RATE-RANGE")
    assert fired(sheet_from(HOMES, catalogue), catalogue, "COMMON-RATE-RANGE") == []


def _garage_sites(d):
    # The Council's properties become garage sites on which the Trust builds: the sheet's own words say so.
    for c in d["contributions"]["authority"]:
        for p in c.get("properties", []):
            p["address"] = "Garage site at " + p["address"]


def test_homes_built_on_a_site_take_a_development_obligation_not_section_33(catalogue):
    """A transfer of land to build on is connected with its development, so the covenants cannot rest on s.33 of
    the 1982 Act; the works clause is a duty to build to practical completion, and planning is a condition."""
    plain = sheet_from(LAND, catalogue)
    built = sheet_from(LAND, catalogue, _garage_sites)
    assert (plain.model.builds_new_homes, built.model.builds_new_homes) == (False, True)
    text = draft_text(built, catalogue, notes=True)
    assert "must build on each property listed in Schedule 1 the homes shown against it there" in text
    assert "practical completion of every home" in text
    assert "planning permission has been granted for the building of the homes on" in text
    assert "section 33 of the Local Government (Miscellaneous Provisions) Act 1982 does not make those covenants" in text
    assert "so far as section 33" not in text
    before = draft_text(plain, catalogue)
    assert "so far as section 33 of the Local Government (Miscellaneous Provisions) Act 1982 allows" in before
    assert "must build on each property" not in before


def test_a_registered_provider_gets_the_regulator_notice_and_moratorium(catalogue):
    """Enforcing security over a private registered provider's land needs notice to the Regulator (HPA 2016 s.108),
    which starts the moratorium (HRA 2008 ss.145-146); the 60 Business Days run alongside it."""
    def rp(d):
        d["delivery"]["legal_form"] = "registered_provider"
        d["delivery"]["society_number"] = "31234R"
        d["delivery"]["rsh_number"] = "L0999"
        d["delivery"].pop("charity_number", None)
        d["nominations"]["registered_provider"] = True
    text = draft_text(sheet_from(LAND, catalogue, rp), catalogue)
    assert "section 108 of the Housing and Planning Act 2016" in text
    assert "sections 145 and 146 of the Housing and Regeneration Act 2008" in text
    assert "section 108 of the Housing and Planning Act 2016" not in draft_text(sheet_from(LAND, catalogue), catalogue)


def test_covenants_with_no_fixed_return_test_every_investment_as_scheduled_debt_service(catalogue):
    """A sheet whose only investment has a target return (senior_only left true) named no one in the cover test
    ("falling due ... to .") and had no denominator: the covenant now tests the target return at its full rate."""
    from assembler.credit.co_investment import covered, yearly_debt_service

    sheet = sheet_from(LAND, catalogue)
    assert [i.investor for i in covered(sheet.model)] == ["Fund"]
    assert yearly_debt_service(sheet.model) == 114_000  # 6% on £1,900,000 repaid in one sum
    text = draft_text(sheet, catalogue)
    assert "times the Scheduled Debt Service for that Test Year" in text
    assert "falling due in that Test Year to ." not in text
    assert "the payments to the Fund of Investor Return" in text and "sets out as falling due in that Test Year" in text


def test_the_subsidy_database_date_is_stated_from_the_decision(catalogue):
    """The decision confirmed on 27 November 2026: the entry is due by the last day of the three months beginning with
    it (26 February 2027, in time on either reading of s.33(3)(c)), and the clause says by when.
    Where the sheet also gives the day the decision was made (the Cabinet's 19 November), the deadline runs from
    that earlier day, so that the entry is in time whichever day counts as the confirmation."""
    text = draft_text(sheet_from(HOMES, catalogue), catalogue)
    assert ("(the decision was made on 19 November 2026 and confirmed on 27 November 2026; the Council must make "
            "the entry by 18 February 2027, the last day of the three months beginning with the earlier date)") in text
    assert "took effect on" not in text and "whichever date counts)" not in text  # r20 ci-sample findings 12, 13

    def made_when_confirmed(d):
        del d["subsidy"]["decided_on"]

    text = draft_text(sheet_from(HOMES, catalogue, made_when_confirmed), catalogue)
    assert "(confirmed on 27 November 2026, so by 26 February 2027, the last day of the three months beginning with that date)" in text


def _rooftop(field: str):
    def change(d):
        d["contributions"]["authority"][0]["properties"][0][field] = (
            "Electronic Communications Code agreement dated 14 May 2019 for a rooftop mobile telephone installation; "
            "the Council keeps the benefit of it and the lease excepts and reserves the rooftop site and access to it"
            if field == "occupiers" else
            "the rooftop site used under the Electronic Communications Code agreement dated 14 May 2019, which the Council keeps")
    return change


def test_a_part_the_council_keeps_is_excepted_not_an_occupier(catalogue):
    """r14 ci-fresh finding 3: a rooftop site the Council keeps, written as an occupier, is flagged; written under
    `excepted`, the rule is quiet and the lease excepts and reserves it with access, repair and works heads, and the
    draft no longer speaks of an occupier taken over (finding 9)."""
    assert fired(sheet_from(HUB, catalogue, _rooftop("occupiers")), catalogue, "COINV-OCCUPIER-EXCEPTED")
    assert not fired(sheet_from(HUB, catalogue), catalogue, "COINV-OCCUPIER-EXCEPTED")
    assert not fired(sheet_from(HOMES, catalogue), catalogue, "COINV-OCCUPIER-EXCEPTED")  # a tenancy taken over
    sheet = sheet_from(HUB, catalogue, _rooftop("excepted"))
    assert not fired(sheet, catalogue, "COINV-OCCUPIER-EXCEPTED")
    text = draft_text(sheet, catalogue)
    assert "except and reserve to the Council the part of the property shown as excepted in Schedule 1" in text
    assert "is let excepting and reserving to the Council the rooftop site used under the Electronic" in text
    assert "the exception and reservation to the Council of the part of the property shown as excepted" in text
    assert "occupier whom the" not in text and "subject to existing tenancies or occupiers" not in text


def test_a_named_general_consent_is_quiet(catalogue):
    """r14 ci-sample finding 8: a consent named by its letter on the face of the agreement does not fire; one found only
    through a Cabinet report does (FIRES); a sheet with no general consent is quiet."""
    assert fired(sheet_from(HOMES, catalogue, _consent_named), catalogue, "COINV-S25-CONSENT-NAMED") == []
    assert fired(sheet_from(HUB, catalogue), catalogue, "COINV-S25-CONSENT-NAMED") == []


@pytest.mark.parametrize("change", [_foundation_junior, _foundation_second_ranking, _junior_foundation_third_ranking])
def test_ranking_rules_stay_quiet_on_a_consistent_split_ranking(catalogue, change):
    sheet = sheet_from(HOMES, catalogue, change)
    if change is _foundation_second_ranking:  # investor-first, the Foundation second behind the Fund: consistent
        assert not fired(sheet, catalogue, "COINV-DRAWDOWN-RANK")
    else:
        assert not fired(sheet, catalogue, "COINV-RANK-AFTER-AUTHORITY")
        assert not fired(sheet, catalogue, "COINV-DRAWDOWN-RANK")


def test_an_investor_ranking_behind_the_authority_gets_the_authority_charge_between(catalogue):
    """The senior lender first, the authority's charge for the clawback second, the junior investor third: in the
    security clause, the Priority Deed table, the clawback's mortgagee protection and the proceeds of a disposal."""
    text = draft_text(sheet_from(HOMES, catalogue, _foundation_junior), catalogue)
    flat = " ".join(text.split())
    assert "the Council the Authority Charge over every Partnership Property then held, and over each home it buys " \
        "later, by a supplemental deed, on the day it buys it." in flat
    assert "Authority Charge means the legal charge by deed granted by" in flat
    assert "The Investor Charge of the Fund ranks first, the Authority Charge next, and the Investor Charge of the " \
        "Foundation after the Authority Charge" in flat
    assert "The Foundation, a receiver appointed by it, a mortgagee in possession under its Investor Charge and a " \
        "buyer from any of them take subject to the Council's charge" in flat
    assert "then in paying any Clawback Amount due, and then in paying the Foundation" in flat
    assert "holding no charge" not in flat
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "the Authority Charge next" not in plain and "holding no charge" in plain


def test_supported_flats_secure_exempt_accommodation_and_the_grant(catalogue):
    """r16 ci-fresh 2 and 3: the rent depends on exempt-accommodation status, so the provider must itself provide (or
    contract for) care, support or supervision; the support contract and the grant agreement are completion
    conditions."""
    text = draft_text(sheet_from(SUPPORTED, catalogue), catalogue, flat=True)
    assert "Hearthstone must itself provide, or procure that a person acting on its behalf under a contract with it " \
        "provides, to each tenant of a home the care, support or supervision" in text
    assert "paragraph 4(10) of Schedule 3 to the Housing Benefit and Council Tax Benefit (Consequential Provisions) " \
        "Regulations 2006" in text
    assert "Hearthstone must provide, or arrange, support" not in text
    assert "a copy of the contract under which care and support for the tenants of the homes is commissioned by " \
        "Fenwold County Council" in text
    assert "a copy of its signed grant agreement for the grant of £1,180,000 shown in Schedule 2" in text
    assert "The Investor Charge of Fairshare ranks first, the Authority Charge next, and the Investor Charge of the " \
        "Foundation after the Authority Charge" in text
    # r16 ci-fresh 7: the rent cap is a sentence of its own, with the Rent Standard defined, not the sheet's words pasted
    assert "Hearthstone must not charge for a home a rent above the limit that the Rent Standard permits (applying, " \
        "where the home qualifies, its exclusion for specialised supported housing), and must not charge service " \
        "charges other than those that are reasonable" in text
    assert "Rent Standard means the standard on rents that the Regulator of Social Housing sets" in text
    assert "above the Rent Standard, with the service charges" not in text
    # r16 ci-fresh 17: a lease of the staff base as a Permitted Disposal is contracted out of the 1954 Act
    assert "Any lease of part of a Partnership Property granted as a Permitted Disposal for occupation other than as a " \
        "home must be for a term no longer than the arrangement it serves and must be excluded from sections 24 to 28" in text
    # r16 ci-fresh 16: the senior-only LTV covenant's valuer is instructed by the tested investor
    assert ("RICS Registered Valuer instructed by Fairshare at Hearthstone's cost (a copy of which Fairshare must give the "
            "other Parties)") in text
    # r16 ci-fresh 8: the pre-rent return in Schedule 3 step 3 is paid from the clause 5 interest reserve
    assert "the return on capital drawn before rent starts on 1 November 2028 is paid from the interest reserve under " \
        "clause 5 and not from Gross Income" in text
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "exempt accommodation" not in plain and "signed grant agreement" not in plain
    assert "Any lease of part of a Partnership Property" not in plain


def _mixed_sizes(d):
    """The first property becomes three homes of different sizes: two one-bedroom flats and a three-bedroom flat."""
    p = d["contributions"]["authority"][0]["properties"][0]
    del p["bedrooms"]
    p.update(homes=3, bedroom_mix={1: 2, 3: 1})
    d["partnership"]["homes_target"] += 2


def test_a_bedroom_mix_prices_each_size_at_its_own_rent_and_satisfies_the_lha_rule(catalogue):
    """ci-fresh (r17) finding 1: a property of ten one-bed and four two-bed flats was priced at the average of the two
    rents. With a bedroom mix each size is priced at its rent in rent_by_bedrooms; the LHA rule is quiet."""
    from decimal import Decimal

    from assembler.credit import co_investment as credit
    mixed = sheet_from(HOMES, catalogue, _mixed_sizes)

    def same_size(d):
        d["contributions"]["authority"][0]["properties"][0]["homes"] = 3
    flat = sheet_from(HOMES, catalogue, same_size)  # three two-bedroom homes at £113.92
    diff = credit.rent_roll(mixed.model, 0) - credit.rent_roll(flat.model, 0)
    assert diff == (Decimal("2") * Decimal("92.05") + Decimal("136.93") - 3 * Decimal("113.92")) * 52
    assert not fired(mixed, catalogue, "COINV-LHA-BEDROOMS")
    text = draft_text(mixed, catalogue)
    assert "3 (2 \u00d7 1-bed, 1 \u00d7 3-bed)" in text
    assert "1 (3-bed)" in text  # a property whose homes are all one size says so the same way


@pytest.mark.parametrize("change, message", [
    (lambda p: (p.pop("bedrooms"), p.update(homes=3, bedroom_mix={1: 2, 3: 2})), "bedroom_mix adds up to 4 homes, but homes is 3"),
    (lambda p: p.update(homes=3, bedroom_mix={1: 2, 3: 1}, bedrooms=2), "give either bedrooms"),
])
def test_a_bedroom_mix_must_add_up_and_not_sit_beside_bedrooms(catalogue, change, message):
    with pytest.raises(Exception, match=message):
        sheet_from(HOMES, catalogue, lambda d: change(d["contributions"]["authority"][0]["properties"][0]))


def test_a_county_council_that_says_whether_it_is_a_housing_authority_is_quiet(catalogue):
    def county(d):
        d["authority"].update(name="Trentvale County Council")
        d["nominations"]["housing_authority"] = False
    assert not fired(sheet_from(HOMES, catalogue, county), catalogue, "COINV-HOUSING-AUTHORITY")


def test_a_letting_date_after_the_acquisition_deadline_is_quiet_and_reaches_the_works_clause(catalogue):
    """A letting long-stop after the deadline is quiet, and the works clause gives each home bought that date."""
    sheet = sheet_from(HOMES, catalogue, _let_by_later)
    assert fired(sheet, catalogue, "COINV-LET-BY") == []
    from assembler.credit.co_investment import let_by
    assert let_by(sheet.model) == dt.date(2030, 9, 30)
    # r19 ci-fresh 2: the first Test Year and the first loan-to-value valuation start the day after the letting
    # long-stop, not the day after the buying deadline
    flat = draft_text(sheet, catalogue, flat=True)
    assert "Test Year means each period of twelve months starting on 1 October 2030" in flat
    assert "outstanding at any time on or after 1 October 2030" in flat and "the first as at 1 October 2030" in flat
    # Without a stated date, the outcome target's date for every home ('60 homes by 31 May 2030', the last date of a
    # target with a milestone before it), even on the deadline itself (r19 ci-sample 1: one letting long-stop)...
    assert let_by(sheet_from(HOMES, catalogue).model) == dt.date(2030, 5, 31)
    # ...and with no letting target, six months after the deadline: a home bought on the deadline keeps its six months.
    def no_target(d):
        d["partnership"]["outcomes"][0]["target"] = "60 homes"
    assert let_by(sheet_from(HOMES, catalogue, no_target).model) == dt.date(2030, 11, 30)


def test_a_drawdown_loan_to_value_condition_the_numbers_meet_is_quiet(catalogue):
    """The same condition at a percentage the Fund's capital over the homes then charged meets stays quiet."""
    assert fired(sheet_from(HOMES, catalogue, _ltv_condition(90)), catalogue, "COINV-DRAWDOWN-LTV-CONDITION") == []
    assert fired(sheet_from(HOMES, catalogue), catalogue, "COINV-DRAWDOWN-LTV-CONDITION") == []


def test_an_unstated_bedroom_mix_is_flagged_with_its_cover_and_a_stated_one_is_used(catalogue):
    """Bought homes rented by size with no agreed mix: the plan assumes an equal mix and the smallest-homes cover is
    worked out; an agreed mix is rented as given and needs no sensitivity."""
    from decimal import Decimal

    from assembler.credit.co_investment import bought_rent, credit_view

    def by_size(d):
        del d["income"]["rent_per_home_week"]

    sheet = sheet_from(HOMES, catalogue, by_size).model
    view = credit_view(sheet)
    assert view.mix is not None and view.mix.small == 1 and view.mix.large == 3
    assert bought_rent(sheet) == (Decimal("92.05") + Decimal("113.92") + Decimal("136.93")) / 3
    assert view.mix.all_small < view.dscr

    def agreed(d):
        by_size(d)
        d["acquisition"]["bedroom_mix"] = {2: 52}

    sheet = sheet_from(HOMES, catalogue, agreed).model
    assert bought_rent(sheet) == Decimal("113.92")
    assert credit_view(sheet).mix is None


def test_the_signing_line_dates_the_agreement_and_leaves_effect_to_the_conditions_clause(catalogue):
    """Most of the agreement takes effect on the Completion Date, so the signing line only dates it."""
    def signed(d):
        d["document"]["deed"] = False

    flat = draft_text(sheet_from(HOMES, catalogue, signed), catalogue, flat=True)
    assert "This Agreement is dated the date on which the last of the Parties signs it" in flat
    assert "takes effect on the date on which the last of the Parties signs it" not in flat


def test_a_failing_drawdown_loan_to_value_condition_is_drawn_in_stages(catalogue):
    """r18b ci-fresh 1: where the investor's capital over the homes the condition names exceeds its percentage, the
    draft has it draw the part within the limit on the date and the balance once further homes are charged, and the
    note gives the figures (and the percentage that would let it draw in full)."""
    from assembler.credit.co_investment import ltv_conditions

    sheet = sheet_from(HOMES, catalogue, _ltv_condition(40))
    [c] = [c for c in ltv_conditions(sheet.model) if c.fails]
    assert c.partial + c.balance == c.drawdown.amount
    assert c.capital - c.balance <= max(c.value * c.limit / 100, c.capital - c.drawdown.amount)
    assert c.value * c.limit / 100 < c.capital
    assert (c.base + c.each * c.homes_for_all) * c.limit / 100 >= c.capital
    assert c.full_limit >= c.ltv
    doc = assemble(sheet, catalogue, today=RULES_DATE).document
    assert "for so much of the drawdown as meets the test, which the Investor must pay on that date" in " ".join(
        to_text(doc).split())
    note = " ".join(s.note or "" for s in doc.schedules)
    assert "the part within that percentage (nothing on these figures" in note  # the Fund's first £1m is already over
    assert f"the balance of {money(c.balance)}" in note and f"at least {c.full_limit}%" in note
    assert f"only about {c.homes_then} homes" in note and not c.completes
    # Quiet: a condition the numbers meet has no staged drawdown note.
    quiet = assemble(sheet_from(HOMES, catalogue, _ltv_condition(90)), catalogue, today=RULES_DATE).document
    assert "the part within that percentage" not in " ".join(s.note or "" for s in quiet.schedules)


def test_step_in_and_option_floor_follow_the_ranking_behind_the_authority(catalogue):
    """r18b ci-fresh 2: with an investor ranking behind the authority's charge, the step-in floor counts only the
    senior investor's debt, the price is paid to the senior investor, then the junior one, the clawback staying
    secured on the homes (the Substitute Provider grants the authority a new charge); the option floor likewise.
    Without a junior investor the floor counts every Investor Charge, as before."""
    def with_floor(d):
        _foundation_junior(d)
        d["end_of_term"]["option_floor"] = True

    flat = draft_text(sheet_from(HOMES, catalogue, with_floor), catalogue, flat=True)
    assert "the total then secured by the Investor Charge of the Fund (which ranks ahead of the Council's charge), " \
        "unless it agrees in writing to a lower price" in flat
    assert "The price is paid first to the Fund in reduction of the amount secured by its Investor Charge, then to the " \
        "Foundation" in flat
    assert "it stays secured on the homes by the Council's charge, which ranks ahead of the Investor Charge of the " \
        "Foundation" in flat
    assert "the Substitute Provider must grant the Council a new legal charge of that property in the same form" in flat
    assert "the amount then secured by the Investor Charge of the Fund (which ranks ahead of the charge of the " \
        "Council), multiplied by the Market Value of that home" in flat
    assert "the total then secured by the Investor Charges, unless" not in flat
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "the total then secured by the Investor Charges, unless each Investor agrees in writing" in plain
    assert "which ranks ahead of the Council's charge" not in plain


def test_an_outcome_letting_date_is_the_drafts_one_letting_date(catalogue):
    """r18b ci-fresh 3: where the sheet gives no acquisition.let_by but an outcome target says when every home is to
    be let, that date drives the impact target, the acquisition obligation and the works clause, and the works note
    does not say the instructions give no letting date. Without one, the six-month default stays."""
    from assembler.credit.co_investment import let_by

    def target(d):
        d["partnership"]["outcomes"][0]["target"] = "60 homes let by 31 August 2030"

    sheet = sheet_from(HOMES, catalogue, target)
    assert let_by(sheet.model) == dt.date(2030, 8, 31)
    doc = assemble(sheet, catalogue, today=RULES_DATE).document
    flat = " ".join(to_text(doc, notes=True).split())
    assert "let it by 31 August 2030" in flat and "in any case in time for it to be let by 31 August 2030" in flat
    assert "the instructions give no date by which every home must be let" not in flat
    assert "30 November 2030" not in flat
    # r19 ci-sample 1: the sample's target '40 homes by 30 November 2029 and 60 homes by 31 May 2030' is the one
    # letting long-stop (acquisition, works, Test Year), and the note puts its clash with the buying deadline
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, notes=True, flat=True)
    assert "in any case in time for it to be let by 31 May 2030" in plain and "30 November 2030" not in plain
    assert "the instructions give no date by which every home must be let" not in plain
    assert "the agreed buying deadline and letting date cannot both be met for homes bought late" in plain
    assert "Test Year means each period of twelve months starting on 1 June 2030" in plain


def test_the_title_requirement_allows_the_authoritys_own_charge(catalogue):
    """r18b ci-fresh 4: where the authority takes a legal charge for the clawback, the purchase clause and the title
    criterion allow it beside the Investor Charges; without one they do not mention it."""
    flat = draft_text(sheet_from(HOMES, catalogue, _foundation_junior), catalogue, flat=True)
    assert flat.count("free from any charge other than an Investor Charge and the Authority Charge") == 1  # r24 ci-fresh 13
    assert flat.count("free of any charge other than an Investor Charge and the legal charge to the Council") == 1
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "other than an Investor Charge and the legal charge" not in plain


def test_a_home_swap_is_drawn_in_defined_terms_and_caught_by_the_reinvestment_rule(catalogue):
    """r18b ci-fresh 5: a listed sale to buy a replacement home is drawn with the defined terms (Partnership Area,
    Acquisition Criteria, the charges released and granted again), not pasted; the 12-month reinvestment and the
    clawback on unused proceeds apply to it; the note says which charges the terms name. A listed disposal that is not
    a sale stays as written."""
    def swap(d):
        _foundation_junior(d)
        d["disposal"]["permitted"] = ["selling up to two homes in any five years to buy better-located replacement "
                                      "homes in the area, with the Council's and the Fund's charges moved to the "
                                      "replacement home", "a licence of the site office to the managing agent"]

    doc = assemble(sheet_from(HOMES, catalogue, swap), catalogue, today=RULES_DATE).document
    flat = " ".join(to_text(doc).split())
    assert "a sale of a home (no more than two in any five years) to buy a replacement home in the Partnership Area " \
        "that meets the Acquisition Criteria" in flat
    assert "the Authority Charge and each Investor Charge over the home sold being released on completion of the sale " \
        "and granted over the replacement home on its purchase" in flat
    assert "charges moved" not in flat and "in the area," not in flat
    assert "a licence of the site office to the managing agent" in flat
    import re
    clause = re.search(r"a sale of a home \(no more than two in any five years\)", flat)
    assert clause and re.search(r"The net proceeds of a sale under clause 14\.2\(b\) must be used within 12 months", flat)
    assert re.search(r"the net proceeds of a sale of the property under clause 14\.2\(b\) are not used", flat)
    note = " ".join(" ".join(c.note or "" for c in doc.clauses).split())
    assert "The terms name only the charges of the Council and the Fund; the draft carries the Investor Charge of the " \
        "Foundation across too" in note
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "each Investor Charge over the home sold being released on completion of the sale" in plain


def test_a_restriction_undertaking_a_drawdown_condition_names_is_defined(catalogue):
    """r18b ci-fresh 6: a drawdown condition that names the delivery body's restriction undertaking gets a definition
    tied to the Authority Restriction; without such a condition the Schedule does not define one."""
    def undertaking(d):
        d["drawdowns"][1]["condition"] = "The conditions precedent are satisfied and the restriction undertaking is given"

    flat = draft_text(sheet_from(HOMES, catalogue, undertaking), catalogue, flat=True)
    assert "a restriction undertaking is a written undertaking by" in flat
    assert "to apply for the entry of the Authority Restriction on the title to each home it buys" in flat
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "a restriction undertaking is" not in plain


def test_the_first_payments_are_worked_out_from_the_drawdowns(catalogue):
    """r18b ci-fresh 8: the return-only payment before instalments is return on each drawdown from its date (daily),
    not a full year's; where capital is drawn after the start of the period the first instalment covers, that
    instalment is reduced by the return not earned before the drawdown, and Schedule 1 says so with the figures; no
    "about £0" for income in the year before the first payment."""
    from decimal import Decimal

    from assembler.credit.co_investment import first_instalment_reduction, return_accrued, services

    def late(d):
        # The Fund's first instalment period starts a year before it; a drawdown 40 days into that year.
        inv = d["contributions"]["investments"][0]
        first = dt.date.fromisoformat(str(inv["first_instalment"])) if inv.get("first_instalment") else None
        if first is None:
            pytest.skip("the sample's Fund has no first instalment date")
        d["drawdowns"][4]["date"] = (first.replace(year=first.year - 1) + dt.timedelta(days=40)).isoformat()

    sheet = sheet_from(HOMES, catalogue, late)
    m = sheet.model
    fund = m.contributions.investments[0]
    s = services(m)[fund.investor]
    cut = first_instalment_reduction(m, fund)
    later = [d for d in m.drawdowns if d.contributor == fund.investor and d.date > s.annuity_start]
    assert later and cut == (sum(d.amount for d in later) * fund.return_rate / 100 * 40 / 365).quantize(Decimal("0.01"))
    flat = draft_text(sheet, catalogue, flat=True)
    assert f"its first instalment, due on" in flat and f"({money(cut)} on the Drawdown Timetable, making that " \
        f"instalment {money(s.yearly_payment - cut)})" in flat
    # Return only: each drawdown earns return for the days from its date, not a full year's.
    day = s.return_dates[0]
    expected = sum(d.amount * fund.return_rate / 100 * (day - d.date).days / 365
                   for d in m.drawdowns if d.contributor == fund.investor and d.date < day)
    assert return_accrued(m, fund, None, day) == expected.quantize(Decimal("0.01"))
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "on the Drawdown Timetable, making that instalment" not in plain


def test_replacement_homes_are_charged_and_optioned_expressly(catalogue):
    """r18b ci-fresh 16: where a sale may be reinvested in a replacement home, the Investor Charge, the authority's
    charge, the option and the heads of the Investor Charge name the replacement home expressly; with no permitted
    disposals, they do not."""
    flat = draft_text(sheet_from(HOMES, catalogue, _foundation_junior), catalogue, flat=True)
    assert "over each Acquired Home (including each replacement home bought under clause" in flat
    assert "over each home it buys later, by a supplemental deed" in flat  # a replacement home is one it buys later
    assert "each home bought under clause 6 and each replacement home bought under clause" in flat

    def no_disposals(d):
        d["disposal"]["permitted"] = []

    plain = draft_text(sheet_from(HOMES, catalogue, no_disposals), catalogue, flat=True)
    assert "each replacement home bought under" not in plain


def test_an_authority_second_charge_is_drafted_after_every_investor_charge(catalogue):
    """r19 ci-fresh 1: a sheet whose authority takes a second charge for the clawback (investor-first ranking, no
    investor behind it) gets the Authority Charge: defined, granted, ranked after the Investor Charges in the
    Priority Deed, paid from enforcement proceeds before the delivery body, with heads of terms; no 'no charge' text."""
    sheet = sheet_from(HOMES, catalogue, _authority_charge)
    assert not fired(sheet, catalogue, "COINV-AUTHORITY-CHARGE")
    flat = draft_text(sheet, catalogue, flat=True)
    assert "Authority Charge means the legal charge by deed granted by" in flat
    assert "must also grant the Council the Authority Charge over every Partnership Property held on the " \
        "Completion Date" in flat
    assert "The Investor Charges rank first, between the Investors in the order set out in" in flat
    assert "then to the Authority Charge for any Clawback Amount due, and then to" in flat
    assert "Authority Charge, the Authority Restriction and the covenants in" in flat
    assert "holding no charge" not in flat and "for which the Council holds no security" not in flat
    assert "takes no charge of its own" not in flat
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "Authority Charge" not in plain and "holding no charge" in plain


def test_a_grant_from_section_106_sums_is_a_completion_condition(catalogue):
    """r19 ci-fresh 3: where the authority's grant is paid from section 106 commuted sums, the authority confirms as
    a Completion Condition that the planning obligations allow it to be spent on this scheme by this (non-registered)
    delivery organisation with no spend-by date or repayment; a grant from elsewhere gets no such condition."""
    def s106(d):
        d["contributions"]["authority"][1]["description"] = (
            "Capital grant from commuted sums paid under section 106 agreements for off-site affordable housing")
    sheet = sheet_from(HOMES, catalogue, s106)
    assert sheet.model.contributions.s106_grant == sheet.model.contributions.authority[1].amount
    flat = draft_text(sheet, catalogue, notes=True, flat=True)
    assert "the planning obligations under which the sums making up the Authority Grant were paid allow them" in flat
    assert "and that no part of those sums must be spent by a date, or repaid, in a way this Agreement does not allow" in flat
    assert "affordable housing for rent must have a registered provider as landlord" in flat
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, notes=True, flat=True)
    assert "planning obligations under which" not in plain

    def marked_no(d):
        s106(d)
        d["contributions"]["authority"][1]["section_106"] = False
    assert sheet_from(HOMES, catalogue, marked_no).model.contributions.s106_grant == 0


def test_an_adults_only_nomination_group_gets_the_adults_safeguarding_clause(catalogue):
    """r19 ci-fresh 4: 'a single person aged 18 or over' as the eligible group makes the safeguarding clause the
    adults-only one (no Children Act 2004 s.11, LADO or Working Together); a unitary council (named neither district
    nor borough council) is named for referrals instead of the two-tier county council text."""
    def adults(d):
        d["nominations"]["eligible"] = "a single person aged 18 or over leaving supported housing or a hostel"
        d["authority"]["name"] = "Trentvale Council"
    flat = draft_text(sheet_from(HOMES, catalogue, adults), catalogue, notes=True, flat=True)
    assert "local authority designated officer" not in flat and "section 11 of the Children Act 2004" not in flat
    assert "to the Council, as the local authority with social services functions for the area where the services " \
        "are delivered, or, where the Adult at Risk is in another area" in flat
    assert "(where there is a county council for that area, the county council)" not in flat
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "as the local authority with social services functions for the area where the services" not in plain


def test_a_society_delivery_body_limits_the_substitute_provider_to_its_asset_lock(catalogue):
    """r19 ci-fresh 5: a community benefit society's statutory restriction on use (S.I. 2006/264 Sch. 1 para (2)(f))
    allows transfers only to a locked society, a CIC, an equivalently locked registered provider or a charity: the
    Substitute Provider class and a consented disposal follow it; a charity delivery body keeps the wider class."""
    def society(d):
        d["delivery"]["legal_form"] = "community_benefit_society"
        d["delivery"].pop("charity_number", None)
        d["delivery"]["society_number"] = "32157R"
        d["disposal"]["society_lock"] = True
    sheet = sheet_from(HOMES, catalogue, society)
    flat = draft_text(sheet, catalogue, notes=True, flat=True)
    assert "Substitute Provider means a body whose objects include the Partnership Purpose and which is a charity, a " \
        "community interest company, a community benefit society whose rules contain a restriction on the use" in flat
    assert "rules contain the statutory restriction on the use of its assets, so it may transfer assets" in flat
    plain = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "Substitute Provider means a charity, registered provider of social housing or other body" in plain


def test_drawdown_homes_charged_means_lodged_and_unused_phrases_are_not_defined(catalogue):
    """r19 ci-fresh 6: 'homes charged' in a drawdown condition means charges completed and lodged for registration
    with priority protected (not registered, which can take months); phrases no condition uses are not defined."""
    def charged(data):
        data["drawdowns"][3]["condition"] = "At least 20 homes bought and charged to the Fund"

    flat = draft_text(sheet_from(HOMES, catalogue, charged), catalogue, flat=True)
    assert "homes charged means homes over which the Investor Charge of the Investor making the drawdown has been " \
        "completed and lodged for registration at HM Land Registry, with its priority protected by an official " \
        "search" in flat
    assert "is registered at HM Land Registry" not in flat
    assert "a plan, undertaking or other document a condition names" not in flat
    quiet = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "homes charged means" not in quiet  # the sample's conditions do not use the phrase


def test_a_database_entry_due_before_completion_is_a_condition(catalogue):
    """r19 ci-fresh 7: the section 33 entry falls due before the Agreement is likely to be signed, so the condition
    asks for it if the Completion Date is later, and the covenant applies only if it has not already been made."""
    flat = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "if the Completion Date falls after 18 February 2027, has made the entry on the subsidy database that " \
        "section 33 of that Act requires and given each other Party its reference" in flat
    assert "If it has not already done so, the Council must enter the information required by section 33" in flat


def test_share_withdrawals_stay_suspended_until_the_homes_are_let(catalogue):
    """r19 ci-fresh 8: withdrawable share capital stays committed until every home bought has first been let (not an
    undefined 'practical completion'), and the condition asks for evidence of all the delivery body's cash."""
    def shares(d):
        d["contributions"]["delivery"][0]["received"] = True
        d["contributions"]["delivery"][0]["amount"] = 170000
        d["contributions"]["delivery"].append({"kind": "own_funds", "amount": 80000, "received": True,
                                               "withdrawable_shares": True,
                                               "description": "Proceeds of its community share offer"})
    sheet = sheet_from(HOMES, catalogue, shares)
    flat = draft_text(sheet, catalogue, flat=True)
    assert "the £250,000 of cash Contributions set against its name in Schedule 2 (including the £80,000 raised as " \
        "share capital), and a certificate" in flat
    assert "a certificate from its secretary that its board has " \
        "suspended withdrawals of share capital under its rules until every home bought under clause" in flat
    assert "has first been let, the Charity must keep withdrawals of its share capital suspended" in flat
    assert "practical completion under" not in flat
    # r19 ci-fresh 16: the reserves left after the delivery body's own money count only the money from reserves
    if sheet.model.delivery_finances.unrestricted_reserves:
        notes = draft_text(sheet, catalogue, notes=True, flat=True)
        assert "the £80,000 raised as share capital is not counted against those reserves" in notes


def test_a_clawback_as_long_as_the_term_flags_that_late_homes_run_past_it(catalogue):
    """r19 ci-fresh 18: a tapered clawback of the term's length, run from each purchase (runs_with_term: false),
    outlasts the term for homes bought late: the note says so with the dates and asks whether it should end with the
    term. Left out (r20 ci-fresh 13, ci16), the clawback tapers over the term and ends with it, and the note is quiet."""
    def tapered_term(d):
        d["positions"]["clawback_basis"] = "tapered"
        d["clawback"]["years"] = 25  # the term's length
        d["clawback"]["runs_with_term"] = False
    sheet = sheet_from(HOMES, catalogue, tapered_term)
    notes = draft_text(sheet, catalogue, notes=True, flat=True)
    assert "(31 May 2030) it ends in May 2055, after the Partnership Term ends on 31 May 2052" in notes

    def with_term(d):
        d["positions"]["clawback_basis"] = "tapered"
        d["clawback"]["years"] = 25
    doc = assemble(sheet_from(HOMES, catalogue, with_term), catalogue, today=RULES_DATE).document
    notes = " ".join(to_text(doc, notes=True).split())
    assert "it ends in May 2055" not in notes
    assert "to the end of the Partnership Term on 31 May 2052" in notes


def test_the_step_in_counts_the_clawback_once(catalogue):
    """r19 ci-fresh 19: the step-in price deducts the Clawback Amount and the Substitute Provider takes the homes
    subject to the clawback, so the delivery body is released from the Clawback Amount of each home transferred."""
    flat = draft_text(sheet_from(HOMES, catalogue), catalogue, flat=True)
    assert "the Clawback Amount deducted in working out the price for each home stands in place of any Clawback " \
        "Amount the Charity would otherwise owe for it, so the Charity is released" in flat


def test_end_of_term_table_repays_from_the_exit_when_a_maturity_is_the_term_end(catalogue):
    """ci-sample r20 finding 15, quiet case: an investment that runs to the end of the term is repaid on the exit."""
    def to_term_end(d):
        d["contributions"]["investments"][1]["maturity"] = dt.date(2052, 5, 31)

    text = draft_text(sheet_from(HOMES, catalogue, to_term_end), catalogue)
    assert "Repaid from the price" in text and "Already repaid by their Maturity Dates" not in text
    assert "must repay the Investors by their Maturity Dates by refinancing or from the Partnership Account" in text


def test_an_investment_described_as_unsecured_with_an_investor_charge_warns(catalogue):
    """r22 ci-fresh finding 15: the schedule would call an investment unsecured that holds an Investor Charge."""
    found = fired(sheet_from(HOMES, catalogue, _described_unsecured), catalogue, "COINV-INVESTMENT-UNSECURED")
    assert len(found) == 1 and "says it is unsecured" in found[0].message
    assert not fired(sheet_from(HOMES, catalogue), catalogue, "COINV-INVESTMENT-UNSECURED")
