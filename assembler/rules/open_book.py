"""Consistency rules for open-book, reasonable-profit terms (domain guide, section 2).

OPEN_BOOK checks the `open_book` block and runs for every family (rules/common.py adds it to
COMMON); its rules apply only when a term sheet has the block. FAMILY holds the standalone agreement's own
rules; the module's RULES (COMMON, which includes OPEN_BOOK, then FAMILY) is built on first use,
because rules/common.py imports this module.

Registration number formats (OPEN-BOOK-REGISTRATION-FORMAT):
- Ofsted unique reference number (URN): children's social care settings (children's homes,
  supported accommodation, fostering and adoption agencies) have "SC" followed by six digits, e.g.
  SC123456; education and early-years providers have a six- or seven-digit number (Ofsted,
  "Find an inspection report" and the Ofsted data view; DfE Get Information about Schools).
- CQC location and provider IDs: "1-" followed by nine to eleven digits, e.g. 1-123456789 (Care
  Quality Commission, public register of care providers and its API documentation).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache

from assembler.formatting import long_date, money, percent
from assembler.rules import Loc, RuleContext, RuleSet
from assembler.termsheet.common import possessive
from assembler.termsheet.open_book import PLACE_UNITS_A_YEAR, rate_of, undefined_document_names

def _has_block(ctx: RuleContext) -> bool:
    return getattr(ctx.sheet, "open_book", None) is not None


OPEN_BOOK = RuleSet(applies=_has_block)  # each check may take ctx.sheet.open_book as given
FAMILY = RuleSet()

OFSTED_URN = re.compile(r"^(SC\d{6}|\d{6,7})$")
CQC_ID = re.compile(r"^1-\d{9,11}$")
REGISTRATION_FORMATS = {
    "ofsted": (OFSTED_URN, "an Ofsted URN: SC and 6 digits for a children's social care setting (e.g. SC123456), "
                           "or 6 or 7 digits"),
    "cqc": (CQC_ID, "a CQC location ID: 1- and 9 to 11 digits (e.g. 1-123456789)"),
}
RECONCILIATION_AT_LEAST_ANNUAL = ("quarterly", "six-monthly", "annually")
BLOCK: Loc = ("open_book",)


def _position(ctx: RuleContext, name: str, standard: str) -> str:
    return ctx.positions.get(name) or standard


@OPEN_BOOK.rule("OPEN-BOOK-CAP-BENCHMARK", "warning",
                "The profit cap is compared with its benchmark (the SSRO baseline profit rate in "
                "clauses/figures.yaml, or the local figure): a cap above it needs a reason.")
def cap_benchmark(ctx: RuleContext):
    ob = ctx.sheet.open_book
    if ob.basis == "fixed_fee" or ob.benchmark.source == "none":
        return
    if ob.benchmark.source == "ssro":
        figure = ctx.figures["ssro_baseline_profit_rate"]
        rate, where = Decimal(str(figure["value"])), f"{figure['source']}, as of {figure['as_of']}"
    else:
        if ob.benchmark.local_rate is None:
            return  # OPEN-BOOK-BENCHMARK-LOCAL reports the missing figure
        rate, where = ob.benchmark.local_rate, ob.benchmark.local_source or "local benchmark"
    if ob.profit_cap > rate:
        yield (f"the profit cap of {percent(ob.profit_cap)} is above the benchmark of {percent(rate)} "
               f"({where}); record why a higher margin is reasonable", (*BLOCK, "profit_cap"))


@OPEN_BOOK.rule("OPEN-BOOK-COST-LINES", "error",
                "The cost model's lines add up to its totals for direct costs and overheads.")
def cost_lines(ctx: RuleContext):
    """The schedule prints each line and the total: a total that is not the sum of its lines is a
    budget that contradicts itself."""
    model = ctx.sheet.open_book.cost_model
    for field, total, name in (("direct_lines", model.direct_costs, "direct_costs"),
                               ("overhead_lines", model.overheads, "overheads")):
        lines = getattr(model, field)
        added = sum((line.amount for line in lines), Decimal(0))
        if lines and added != total:
            yield (f"the {len(lines)} {field.replace('_', ' ')} add up to {money(added)}, not {name} of {money(total)} "
                   f"(a difference of {money(abs(added - total))})", (*BLOCK, "cost_model", field))


@OPEN_BOOK.rule("OPEN-BOOK-BENCHMARK-LOCAL", "error", "A local benchmark gives its rate and source.")
def benchmark_local(ctx: RuleContext):
    ob = ctx.sheet.open_book
    if ob.benchmark.source != "local":
        return
    if ob.benchmark.local_rate is None:
        yield "benchmark source is 'local' but no local_rate is given", (*BLOCK, "benchmark", "local_rate")
    if not ob.benchmark.local_source:
        yield "benchmark source is 'local' but local_source does not say where the figure comes from", \
            (*BLOCK, "benchmark", "local_source")


@OPEN_BOOK.rule("OPEN-BOOK-FIXED-FEE", "error", "A fixed-fee profit basis states the fee; other bases do not.")
def fixed_fee(ctx: RuleContext):
    ob = ctx.sheet.open_book
    if ob.basis == "fixed_fee" and ob.fixed_fee is None:
        yield "basis is 'fixed_fee' but no fixed_fee is given", (*BLOCK, "fixed_fee")
    if ob.basis != "fixed_fee" and ob.fixed_fee is not None:
        yield f"fixed_fee is given but the basis is {ob.basis!r}; remove it or change the basis", (*BLOCK, "fixed_fee")


@OPEN_BOOK.rule("OPEN-BOOK-OVERHEAD-CAP", "error",
                "The overhead cap is above zero and no more than the top of overhead_cap_range (25% of direct "
                "costs, clauses/figures.yaml).")
def overhead_cap(ctx: RuleContext):
    ob = ctx.sheet.open_book
    figure = ctx.figures["overhead_cap_range"]
    limit = Decimal(str(figure["max"]))
    if ob.overhead_cap > limit:
        yield (f"the overhead cap of {percent(ob.overhead_cap)} of direct costs is above "
               f"{percent(limit)}; central costs that large are usually direct costs in disguise "
               f"({' '.join(str(figure['source']).split())})", (*BLOCK, "overhead_cap"))
    if ob.overhead_cap == 0 and _position(ctx, "open_book_cost_base", "full-cost") == "full-cost":
        yield ("the cost base is 'full-cost' but the overhead cap is 0%, so no overhead can be recovered; "
               "choose the 'direct-cost' position or set the cap", (*BLOCK, "overhead_cap"))


@OPEN_BOOK.rule("OPEN-BOOK-OVERHEADS-OVER-CAP", "warning",
                "The budgeted overheads fit within the overhead cap.")
def overheads_over_cap(ctx: RuleContext):
    ob = ctx.sheet.open_book
    limit = rate_of(ob.overhead_cap, ob.cost_model.direct_costs)  # in pence, as the worked example has it
    if ob.cost_model.overheads > limit:
        yield (f"budgeted overheads of {money(ob.cost_model.overheads)} are more than the cap of "
               f"{percent(ob.overhead_cap)} of direct costs ({money(limit)}) by {money(ob.cost_model.overheads - limit)}; "
               "that amount is not an allowable cost from the first day, so the provider bears it out of its profit "
               "(the worked example shows what it is left with)",
               (*BLOCK, "cost_model", "overheads"))


@OPEN_BOOK.rule("OPEN-BOOK-INCOME-MISMATCH", "warning",
                "The budgeted income in the cost model equals the unit prices times the expected units, so the "
                "worked example and the pricing schedule use one set of numbers.")
def income_mismatch(ctx: RuleContext):
    ob = ctx.sheet.open_book
    if not ob.priced_units:
        return
    # the Core Places paid beyond the expected units are not in the sheet's income (r21 ob-fresh 1)
    gap = ob.cost_model.income - (ob.expected_income - ob.core_uplift)
    if gap:
        yield (f"the cost model's income of {money(ob.cost_model.income)} is not the unit prices times the expected "
               f"units ({money(ob.expected_income - ob.core_uplift)}): it is {money(abs(gap))} {'higher' if gap > 0 else 'lower'}; "
               "make them the same figure, or the worked example describes a different contract",
               (*BLOCK, "cost_model", "income"))


# How far the prices may exceed cost plus the Reasonable Profit before the budget itself is reported as
# making Excess Profit: rounding a weekly price to a round figure moves income by a fraction of this.
PRICE_COVER_TOLERANCE = Decimal("0.5")   # per cent of budgeted Allowable Costs plus Reasonable Profit


@OPEN_BOOK.rule("OPEN-BOOK-PRICES-COVER", "warning",
                "At the expected units the prices cover the budgeted Allowable Costs plus the Reasonable Profit, "
                "and exceed them by no more than 0.5% (otherwise the budget itself makes Excess Profit).")
def prices_cover(ctx: RuleContext):
    ob = ctx.sheet.open_book
    if not ob.priced_units or ob.basis == "fixed_fee" and ob.fixed_fee is None:
        return
    cost_base = _position(ctx, "open_book_cost_base", "full-cost")
    gap = ob.price_cover[cost_base]
    income = ob.expected_service_income
    required = income - gap
    fnc = ob.cost_model.nhs_nursing_income
    brings = (f"(with the NHS-funded nursing care budgeted, {money(fnc)}) " if fnc else "") + money(income)
    if gap < 0:
        # r31 ob tool note 12: where the prices still cover the budgeted Allowable Costs, the provider has bid a
        # margin below the cap; that is a point to record, not a fault in the prices.
        ex = ob.reconcile(cost_base, "hard-cap", "refund", income=income)
        margin = income - ex.allowable_costs
        if margin > 0:
            yield (f"at the expected units the prices bring in {brings}, {money(-gap)} short of the "
                   f"budgeted Allowable Costs plus the Reasonable Profit ({money(required)}); they cover the "
                   f"budgeted Allowable Costs with a margin of {money(margin)}, below the Reasonable Profit "
                   f"({money(ex.maximum_profit)}): confirm the provider accepts the lower margin",
                   (*BLOCK, "unit_prices"), "info")
        else:
            yield (f"at the expected units the prices bring in {brings}, {money(-gap)} short of the "
                   f"budgeted Allowable Costs plus the Reasonable Profit ({money(required)}); the provider bears that "
                   "shortfall, so the prices cannot be said to cover the full cost and the Reasonable Profit",
                   (*BLOCK, "unit_prices"))
    elif gap > rate_of(PRICE_COVER_TOLERANCE, required):
        yield (f"at the expected units the prices bring in {brings}, {money(gap)} more than the "
               f"budgeted Allowable Costs plus the Reasonable Profit ({money(required)}); the budget itself makes "
               "Excess Profit, so the prices are higher than the cost model supports", (*BLOCK, "unit_prices"))


@OPEN_BOOK.rule("OPEN-BOOK-UNITS-ABOVE-CAPACITY", "error",
                "Expected units are no more than the units available at full occupancy.")
def units_above_capacity(ctx: RuleContext):
    for i, u in enumerate(ctx.sheet.open_book.unit_prices):
        if u.capacity_units is not None and u.expected_units is not None and u.expected_units > u.capacity_units:
            yield (f"{u.service}: {u.expected_units} expected units a year are more than the {u.capacity_units} "
                   "available if every place were used", (*BLOCK, "unit_prices", i, "expected_units"))


@OPEN_BOOK.rule("OPEN-BOOK-EXCESS-DETAILS", "error",
                "Reinvesting excess profit names the reinvestment fund; splitting it gives the split percentage.")
def excess_details(ctx: RuleContext):
    ob = ctx.sheet.open_book
    treatment = _position(ctx, "open_book_excess", "refund")
    if treatment == "reinvest" and not ob.excess.reinvestment_fund:
        yield ("positions choose open_book_excess: reinvest but excess.reinvestment_fund does not say what the "
               "fund is for", (*BLOCK, "excess", "reinvestment_fund"))
    if treatment == "split" and ob.excess.split_percentage is None:
        yield ("positions choose open_book_excess: split but excess.split_percentage is not given",
               (*BLOCK, "excess", "split_percentage"))


@OPEN_BOOK.rule("OPEN-BOOK-SHARING-BAND", "error",
                "A sharing band is given when chosen, sits above the cap, and is not used with a fixed fee.")
def sharing_band(ctx: RuleContext):
    ob = ctx.sheet.open_book
    if _position(ctx, "open_book_margin", "hard-cap") != "sharing-band":
        return
    if ob.sharing_band is None:
        yield "positions choose open_book_margin: sharing-band but no sharing_band is given", (*BLOCK, "sharing_band")
        return
    if ob.basis == "fixed_fee":
        yield "a sharing band cannot work with a fixed-fee profit; choose the hard-cap position", (*BLOCK, "basis")
    if ob.sharing_band.upper_margin <= ob.profit_cap:
        yield (f"the sharing band's upper margin of {percent(ob.sharing_band.upper_margin)} is not above the "
               f"target margin of {percent(ob.profit_cap)}", (*BLOCK, "sharing_band", "upper_margin"))


@OPEN_BOOK.rule("OPEN-BOOK-COST-BASE-UNUSED", "info",
                "The cost-base position matters only when the profit cap is a percentage of cost.")
def cost_base_unused(ctx: RuleContext):
    ob = ctx.sheet.open_book
    if ob.basis == "allowable_cost":
        return
    if _position(ctx, "open_book_cost_base", "full-cost") == "direct-cost":
        yield (f"positions choose open_book_cost_base: direct-cost, but the profit basis is {ob.basis!r}, so the "
               "cost base does not set the Reasonable Profit", ("positions", "open_book_cost_base"))


@OPEN_BOOK.rule("OPEN-BOOK-RECONCILIATION-ANNUAL", "error", "Profit is reconciled at least once a year.")
def reconciliation_annual(ctx: RuleContext):
    ob = ctx.sheet.open_book
    if ob.reconciliation not in RECONCILIATION_AT_LEAST_ANNUAL:
        yield (f"reconciliation {ob.reconciliation!r} is less often than once a year; PPN 004 expects at least an "
               "annual reconciliation", (*BLOCK, "reconciliation"))


@OPEN_BOOK.rule("OPEN-BOOK-REPORTING-BEFORE-RECONCILIATION", "warning",
                "Open-book reports come at least as often as reconciliations.")
def reporting_frequency(ctx: RuleContext):
    ob = ctx.sheet.open_book
    order = ["monthly", "quarterly", "six-monthly", "annually", "every two years"]
    if order.index(ob.reporting) > order.index(ob.reconciliation):
        yield (f"reports are {ob.reporting} but reconciliation is {ob.reconciliation}; each reconciliation "
               "needs a report for its period", (*BLOCK, "reporting"))


@OPEN_BOOK.rule("OPEN-BOOK-REGISTRATION-FORMAT", "error",
                "Registration numbers follow the regulator's format: Ofsted URN SC + 6 digits (children's "
                "social care) or 6-7 digits (Ofsted data view; DfE Get Information about Schools); CQC "
                "location ID 1- + 9 to 11 digits, e.g. 1-123456789 (CQC public register).")
def registration_format(ctx: RuleContext):
    ob = ctx.sheet.open_book
    for i, reg in enumerate(ob.registrations):
        pattern, shape = REGISTRATION_FORMATS[reg.regulator]
        if not pattern.match(reg.number.replace(" ", "").upper()):
            yield (f"{reg.setting}: {reg.number!r} is not {shape}", (*BLOCK, "registrations", i, "number"))


@OPEN_BOOK.rule("OPEN-BOOK-RELATED-PARTY-VALUE", "warning",
                "Each related-party arrangement states its annual value, so it can be tested against market rates.")
def related_party_value(ctx: RuleContext):
    ob = ctx.sheet.open_book
    for i, rp in enumerate(ob.related_parties):
        if rp.annual_value is None:
            yield (f"the arrangement with {rp.name} has no annual_value; the draft shows a placeholder",
                   (*BLOCK, "related_parties", i, "annual_value"))


@OPEN_BOOK.rule("OPEN-BOOK-RELATED-PARTY-LINE", "warning",
                "A related party's annual charge is no more than the cost-model line its arrangement belongs to; a "
                "larger charge is budgeted elsewhere or understates the cost model.")
def related_party_line(ctx: RuleContext):
    """r28 ob-fresh finding 5: a £14,400 vehicle lease from a subsidiary against an £8,000 'Vehicles and staff
    travel' line."""
    ob = ctx.sheet.open_book
    if not hasattr(ob, "related_party_line_gaps"):
        return
    for i, rp, line in ob.related_party_line_gaps:
        yield (f"{rp.name} is paid £{rp.annual_value:,.0f} a year, more than the whole cost-model line "
               f"{line.item!r} (£{line.amount:,.0f}): say which line budgets the charge, or correct the cost model",
               (*BLOCK, "related_parties", i, "annual_value"))


CARVE_OUT = re.compile(r"\b(other than|except|excluding|save for|apart from)\b", re.I)
EOT_WORDS = re.compile(r"employee[- ]ownership trust|\bEOT\b|chapter 10a", re.I)


@OPEN_BOOK.rule("OPEN-BOOK-DISALLOWED-CARVE-OUT", "warning",
                "A Disallowed Cost with an exception ('other than...') makes the excepted cost an Allowable Cost, "
                "which then earns the profit margin; an employee-ownership-trust bonus belongs in eot_trustee, "
                "paid out of the profit the provider keeps.")
def disallowed_carve_out(ctx: RuleContext):
    """ob-fresh r15 finding 4: 'payments to the employee ownership trust, other than the tax-free
    employee bonus under Part 4 of Chapter 10A...' turned the bonus into a cost that enlarged the Cost
    Base (and with it its own ceiling, 'within the Reasonable Profit'), and cited the Act backwards."""
    ob = ctx.sheet.open_book
    for i, text in enumerate(ob.disallowed_costs):
        loc = (*BLOCK, "disallowed_costs", i)
        if re.search(r"part\s+4\s+of\s+chapter\s+10a", text, re.I):
            yield ("the item cites 'Part 4 of Chapter 10A'; the EOT bonus exemption is in Chapter 10A of Part 4 of "
                   "the Income Tax (Earnings and Pensions) Act 2003 (ss.312A to 312I)", loc)
        if EOT_WORDS.search(text) and ob.eot_trustee:
            yield ("open_book.eot_trustee already makes payments to the trust and Chapter 10A bonuses Disallowed "
                   "Costs (a bonus paid only out of the profit the provider keeps); delete this item", loc)
        elif EOT_WORDS.search(text):
            yield ("the item deals with an employee ownership trust: give open_book.eot_trustee (the trustee's name) "
                   "instead, so the draft names the trustee, makes any Chapter 10A bonus payable only out of the "
                   "profit the provider keeps, and treats a disposal by the trustee as a change of control; "
                   "then delete this item", loc)
        elif CARVE_OUT.search(text):
            yield (f"the item excepts a cost ({CARVE_OUT.search(text).group(0)!r} ...): the excepted cost becomes an "
                   "Allowable Cost and earns the profit margin; if it should come out of the provider's profit "
                   "instead, list it without the exception", loc)


@OPEN_BOOK.rule("OPEN-BOOK-DISALLOWED-RELATED", "warning",
                "A Disallowed Cost about related-party payments is left out of the list: the related-parties "
                "clause alone sets what a related party's charge may count, so there are not two tests.")
def disallowed_related(ctx: RuleContext):
    """ob-fresh r15 finding 9: 'rent paid to a Related Party above the market rent certified by an
    independent RICS valuer' beside the clause's lower-of-own-cost-and-market-rate rule gave two tests
    for the same rent."""
    ob = ctx.sheet.open_book
    for i, text in enumerate(ob.disallowed_items):
        if text in ob.disallowed_related:
            yield ("the draft leaves this item out: the Disallowed Costs already exclude any payment to a Related "
                   "Party above what the related-parties clause allows (the lower of the related party's own cost, "
                   "or a market rent by an independent RICS valuation for premises, and the market rate); "
                   "if the deal needs a different test, change that clause instead",
                   (*BLOCK, "disallowed_costs", i))


@FAMILY.rule("OPEN-BOOK-EXCLUDED-SERVICES", "warning",
                "Where the open book covers the whole of each home, a service the provider runs at a home outside "
                "this agreement, whose costs are disallowed, is listed in services.excluded_services, so its fees "
                "do not become Service Income.")
def excluded_services(ctx: RuleContext):
    """r19 ob-fresh finding 1: the day sessions at Skylark House, bought under a framework, had their costs
    disallowed, but the whole-homes definition of Open-Book Services ('all other care and support it provides
    at the same places, whoever pays for it') took their fees in as Service Income, so the whole session
    income became Excess Profit refunded to the Council."""
    services = ctx.sheet.services
    if services.scope != "whole_homes" or services.excluded_services:
        return
    names = [h.name for h in services.homes]
    for i, text in enumerate(ctx.sheet.open_book.disallowed_costs):
        home = next((n for n in names if n.lower() in text.lower()), None)
        if home and re.search(r"\b(services?|sessions?|activit(y|ies))\b", text, re.I):
            yield (f"the item disallows the costs of another service at {home}; with scope 'whole_homes' the "
                   "Open-Book Services take in all care and support at the homes, whoever pays for it, so that "
                   "service's fees would be Service Income while its costs are disallowed, and its income would "
                   "be refunded as Excess Profit. Name it in services.excluded_services (with how it is bought), "
                   "so that its fees and costs are both left out", (*BLOCK, "disallowed_costs", i))


@FAMILY.rule("OPEN-BOOK-CLOSURE-CAPACITY", "warning",
                "In short breaks, the nightly price's capacity is the places times the nights the homes are open "
                "(365 less services.short_breaks.closure_nights).")
def closure_capacity(ctx: RuleContext):
    """r19 ob-fresh finding 5: the schedule states the nights open and the bed-nights available for the KPIs
    from the closure nights; a capacity that does not match gives the break-even point another denominator."""
    sb = ctx.sheet.services.short_breaks
    if sb is None or sb.closure_nights is None:
        return
    places = sum(h.places for h in ctx.sheet.services.homes)
    for i, u in enumerate(ctx.sheet.open_book.unit_prices):
        if u.unit == "night" and u.capacity_units and u.capacity_units != places * (365 - sb.closure_nights):
            yield (f"capacity_units is {u.capacity_units:,} bed-nights, but {places} places open {365 - sb.closure_nights} "
                   f"nights a year ({sb.closure_nights} closed) give {places * (365 - sb.closure_nights):,}; "
                   "make them agree", (*BLOCK, "unit_prices", i, "capacity_units"))


@FAMILY.rule("OPEN-BOOK-HOMES-REGISTERED", "error",
             "Each children's home or care home in the services has a regulator registration.")
def homes_registered(ctx: RuleContext):
    services = ctx.sheet.services
    if services.care_type not in ("childrens_home", "adult_care_home") or services.accommodation_settings:
        return   # a supported accommodation service is registered once: OPEN-BOOK-SUPPORTED-ACCOMMODATION
    registered = {r.setting.casefold() for r in ctx.sheet.open_book.registrations}
    for i, home in enumerate(services.homes):
        if not any(home.name.casefold() in setting for setting in registered):
            yield (f"{home.name} has no entry in open_book.registrations (the setting must name the home)",
                   ("services", "homes", i, "name"))


# Words that describe a children's home, not a supported accommodation service (Supported
# Accommodation (England) Regulations 2023, SI 2023/416: the service is registered, with a registered
# service manager; Ofsted's inspections of it give one of three outcomes, not grades).
_HOME_WORDS = {
    "registered places": "Ofsted registers a supported accommodation service with no registered places",
    "good or outstanding": "Ofsted gives a supported accommodation service one of three outcomes, not grades",
    "registered manager": "the 2023 Regulations speak of a registered service manager",
    "children's home": "a supported accommodation service is not a children's home",
}


@FAMILY.rule("OPEN-BOOK-SUPPORTED-ACCOMMODATION", "warning",
             "Supported accommodation is registered with Ofsted as one service, with a registered service manager "
             "and three inspection outcomes: one registration, and no wording that belongs to a children's home.")
def supported_accommodation(ctx: RuleContext):
    services = ctx.sheet.services
    if not services.accommodation_settings:
        return
    registrations = ctx.sheet.open_book.registrations
    numbers = sorted({r.number for r in registrations})
    if not registrations:
        yield ("no registration is given: list the Ofsted registration of the supported accommodation service "
               "in open_book.registrations", BLOCK)
    elif len(numbers) > 1:
        yield (f"{len(numbers)} Ofsted numbers are given ({', '.join(numbers)}), one for each setting; Ofsted "
               "registers the supported accommodation service once, not each address: give the service's number",
               (*BLOCK, "registrations"))
    from assembler.rules.dates import _texts

    for loc, text in _texts(ctx.sheet):
        low = text.lower().replace("\u2019", "'")
        for words, why in _HOME_WORDS.items():
            if words in low and not (words == "registered manager" and "registered service manager" in low):
                yield f"{'.'.join(str(p) for p in loc)} says '{words}': {why}", loc


@OPEN_BOOK.rule("OPEN-BOOK-COST-MODEL-RATES", "warning",
                "A cost category that limits a cost to rates 'in the cost model' needs those rates: the cost model "
                "holds budget lines, not rates.")
def cost_model_rates(ctx: RuleContext):
    """A reviewer: agency staff 'at no more than the hourly rates in the cost model', with no rates anywhere,
    is a limit nobody can apply."""
    for i, text in enumerate(ctx.sheet.open_book.allowable_costs):
        low = text.lower()
        if "rates in the cost model" in low or "rate in the cost model" in low:
            yield (f"open_book.allowable_costs.{i} limits a cost to rates in the cost model, but the cost model gives "
                   "no rates: state the rates in the category (for example '£29.50 an hour for a care worker, "
                   "including the agency's fee')", (*BLOCK, "allowable_costs", i))


@OPEN_BOOK.rule("OPEN-BOOK-CWSA-BILL", "warning",
                "A term sheet drafted after Royal Assent (29 April 2026, clauses/law.yaml) calls the Children's "
                "Wellbeing and Schools Act 2026 an Act, not a Bill.")
def wellbeing_bill(ctx: RuleContext):
    act = ctx.law.get("childrens_wellbeing_and_schools_act_2026_profit_cap")
    if act is None or ctx.draft_date is None or ctx.draft_date < _ASSENT_CWSA:
        return
    from assembler.rules.dates import _texts

    for loc, text in _texts(ctx.sheet):
        if "wellbeing and schools bill" in text.lower():
            yield (f"{'.'.join(str(p) for p in loc)} calls it the Children's Wellbeing and Schools Bill; it received "
                   "Royal Assent on 29 April 2026 as the Children's Wellbeing and Schools Act 2026 (c. 21)", loc)


_ASSENT_CWSA = dt.date(2026, 4, 29)   # Royal Assent: legislation.gov.uk, enacted text of 2026 c. 21


@FAMILY.rule("OPEN-BOOK-CAPACITY-PLACES", "warning",
             "A weekly price's capacity is no more than the homes' places times 52 weeks.")
def capacity_places(ctx: RuleContext):
    places = sum(h.places for h in ctx.sheet.services.homes)
    for i, u in enumerate(ctx.sheet.open_book.unit_prices):
        if u.unit == "week" and u.capacity_units and u.capacity_units > places * 52:
            yield (f"{u.service}: capacity of {u.capacity_units} weeks is more than the homes' {places} places "
                   f"for 52 weeks ({places * 52})", (*BLOCK, "unit_prices", i, "capacity_units"))


@FAMILY.rule("OPEN-BOOK-VOID-TERMS", "error",
             "Block-booked core places are no more than the homes' places; a void payment states its rate.")
def void_terms(ctx: RuleContext):
    services = ctx.sheet.services
    places = sum(h.places for h in services.homes)
    voids = _position(ctx, "open_book_voids", "core-places")
    if voids == "core-places" and services.core_places is not None and services.core_places > places:
        yield (f"{services.core_places} core places are more than the {places} places in the homes",
               ("services", "core_places"))
    if voids == "core-places":
        # Weekly prices may be split by home or by kind of place: together they must expect at least
        # the weeks the core places are paid for.
        paid_weeks = (services.core_places if services.core_places is not None else places) * 52
        weekly = [(i, u) for i, u in enumerate(ctx.sheet.open_book.unit_prices)
                  if u.unit == "week" and u.expected_units is not None]
        expected = sum(u.expected_units for _, u in weekly)
        if weekly and expected < paid_weeks:
            names = ", ".join(u.service for _, u in weekly)
            yield (f"{names}: {expected} expected weeks are fewer than the {paid_weeks} weeks the core places are "
                   f"paid for whether used or not; the income in the cost model is understated",
                   (*BLOCK, "unit_prices", weekly[0][0], "expected_units"))
    per_home = [h.core_places for h in services.homes]
    if voids == "core-places" and services.core_places is not None and None not in per_home \
            and sum(per_home) != services.core_places:
        yield (f"the homes' core places add up to {sum(per_home)}, not the {services.core_places} core places "
               f"the commissioner block-books", ("services", "core_places"))
    for i, h in enumerate(services.homes):
        if h.core_places is not None and h.core_places > h.places:
            yield (f"{h.name}: {h.core_places} core places are more than its {h.places} places",
                   ("services", "homes", i, "core_places"))
    if voids == "void-payment" and not services.void_rate:
        yield ("positions choose open_book_voids: void-payment but services.void_rate is 0%, so an empty place "
               "held for the commissioner earns nothing", ("services", "void_rate"))


@FAMILY.rule("OPEN-BOOK-VOIDS-SUPPORTED-LIVING", "warning",
             "In supported living and care at home a void payment is drafted only as a retained-hours payment "
             "(services.void_rate of the Price for a nominated person's expected hours) under the void-payment "
             "position; a void rate without that position, or that position without a rate, drafts nothing.")
def voids_supported_living(ctx: RuleContext):
    services = ctx.sheet.services
    if not services.supported_living:
        return
    chosen = ctx.positions.get("open_book_voids")
    if chosen == "void-payment" and not services.void_rate:
        yield ("positions choose open_book_voids: void-payment but services.void_rate is 0%, so no payment is drafted "
               "for keeping staff ready for a person the commissioner has nominated; give the rate (per cent of the "
               "Price for their expected Individual Support hours) or drop the position", ("services", "void_rate"))
    elif services.void_rate and chosen != "void-payment":
        yield (f"services.void_rate ({services.void_rate}%) is given but positions do not choose open_book_voids: "
               f"void-payment, so the draft pays nothing while staff are kept ready for a nominated person; choose "
               f"the position if the payment is agreed", ("services", "void_rate"))


@FAMILY.rule("OPEN-BOOK-ACCESS-UNTIL", "warning",
             "An end date for continuous access is given only where positions choose continuous access.")
def access_until(ctx: RuleContext):
    until = ctx.sheet.open_book.continuous_access_until
    if until and ctx.positions.get("open_book_access") != "continuous":
        yield (f"open_book.continuous_access_until ({until.isoformat()}) is given but positions do not choose "
               f"open_book_access: continuous, so the draft ignores it", (*BLOCK, "continuous_access_until"))


@FAMILY.rule("OPEN-BOOK-ABSENCE-CAP", "warning",
             "A care home that pays for a place while its resident is away also says how long a hospital "
             "stay is paid for (services.absence_weeks).")
def absence_cap(ctx: RuleContext):
    """r18b ob-fresh 1: the sheet kept a bed at the full price "for up to six weeks" in hospital, but gave no
    absence_weeks, so the draft paid until the commissioner gave notice, with no limit."""
    sv = ctx.sheet.services
    if sv.effective_setting != "care_home" or sv.short_breaks or not sv.absence_rate or sv.absence_weeks:
        return
    yield (f"services.absence_rate pays {percent(sv.absence_rate)} of the Price while a resident is away, but "
           f"services.absence_weeks is empty, so the draft pays for a resident in hospital until the commissioner "
           f"gives notice, with no limit; give the longest a place is kept open while the resident is in hospital, "
           f"in weeks from admission (e.g. 6), or record that there is no limit", ("services", "absence_weeks"))


@FAMILY.rule("OPEN-BOOK-CORE-SPLIT", "error",
             "Where the weekly prices say how many Core Places each pays for (unit_prices[].core_places), every "
             "weekly price with a capacity says so, no more than its capacity's places, and together they add up "
             "to the Core Places.")
def core_split(ctx: RuleContext):
    """r18b ob-fresh 2: the Core Places are paid at the Price for their type, so a split that does not add up
    leaves some Core Places without a Price (or pays for more than were block-booked)."""
    if _position(ctx, "open_book_voids", "core-places") != "core-places" or ctx.sheet.services.supported_living:
        return
    unit = ctx.sheet.core_floor.unit if ctx.sheet.core_floor else "week"
    per = PLACE_UNITS_A_YEAR[unit]
    lines = [(i, u) for i, u in enumerate(ctx.sheet.open_book.unit_prices) if u.unit == unit and u.capacity_units]
    given = [(i, u) for i, u in lines if u.core_places is not None]
    if not given:
        return
    for i, u in given:
        if u.core_places > u.capacity_units // per:
            yield (f"{u.service}: {u.core_places} core places are more than the {u.capacity_units // per} places its "
                   f"capacity of {u.capacity_units} {unit}s gives", (*BLOCK, "unit_prices", i, "core_places"))
    missing = [(i, u) for i, u in lines if u.core_places is None]
    if missing:
        i, u = missing[0]
        yield (f"{u.service}: core_places is empty while another weekly price gives its number of core places; give "
               f"it (0 if none of the core places is at this price)", (*BLOCK, "unit_prices", i, "core_places"))
        return
    floor = ctx.sheet.core_floor
    places = floor.places if floor else ctx.sheet.services.core_places
    added = sum(u.core_places for _, u in given)
    if places is not None and added != places:
        shown = " + ".join(str(u.core_places) for _, u in given)
        yield (f"the weekly prices' core places add up to {added} ({shown}), not the {places} core places the "
               f"commissioner pays for; the draft leaves the split blank until they agree",
               (*BLOCK, "unit_prices", given[0][0], "core_places"))


@FAMILY.rule("OPEN-BOOK-CORE-SPLIT-MISSING", "warning",
             "Where Core Places are priced at two or more weekly prices, the sheet says how many are at each.")
def core_split_missing(ctx: RuleContext):
    """Without the split the schedule shows a blank for each type and the figures count every Core Place at the
    lowest weekly price (r18b ob-fresh 2)."""
    if _position(ctx, "open_book_voids", "core-places") != "core-places":
        return
    floor = ctx.sheet.core_floor
    if floor is None:
        return
    lines = [(i, u) for i, u in enumerate(ctx.sheet.open_book.unit_prices) if u.unit == floor.unit and u.capacity_units]
    if floor is None or not floor.typed or any(u.core_places is not None for _, u in lines):
        return
    yield (f"the {floor.places} core places are priced at {len(lines)} weekly prices but no weekly price gives "
           f"core_places: the schedule leaves the number at each price blank and the figures count every core place "
           f"at {money(floor.weekly_price)} a {floor.unit} ({money(floor.income)} a year; up to {money(floor.top_income)} at "
           f"the higher prices); give core_places on each weekly price", (*BLOCK, "unit_prices", lines[0][0], "core_places"))


@FAMILY.rule("OPEN-BOOK-NURSING-INCOME", "warning",
             "Where the homes provide nursing, the cost model states the NHS-funded nursing care it expects "
             "(cost_model.nhs_nursing_income): the draft counts it as Service Income, so a budget of the Prices "
             "alone shows it as Excess Profit.")
def nursing_income(ctx: RuleContext):
    """The draft makes NHS-funded nursing care Service Income because the nursing it pays for is an
    Allowable Cost; a budget without it shows the contributions as profit taken by the commissioner
    (r25 ob-fresh 1)."""
    ob = ctx.sheet.open_book
    if not ctx.sheet.services.nursing_in_scope or ob.cost_model.nhs_nursing_income is not None:
        return
    weeks = sum(u.budget_units for u in ob.unit_prices if u.unit == "week" and u.expected_units is not None)
    costs = ob.cost_model.direct_costs + ob.cost_model.overheads
    yield (f"the services include nursing care but cost_model.nhs_nursing_income is not given: the cost model's income of "
           f"{money(ob.cost_model.income)} is the Prices alone"
           + (f" for {weeks:,} budgeted weeks" if weeks else "")
           + f", while its costs of {money(costs)} include the nursing; the draft counts NHS-funded nursing care as "
           f"Service Income, so the reconciliation would show the contributions as Excess Profit; give the "
           f"contributions expected for the commissioner's eligible residents (their weeks times the weekly rate in "
           f"force), or 0 if none will be eligible", (*BLOCK, "cost_model", "nhs_nursing_income"))


@FAMILY.rule("OPEN-BOOK-CORE-FLOOR", "warning",
             "Where losses are not carried forward, the Core Places alone (the least the commissioner pays) "
             "cover the budgeted Allowable Costs, or the shortfall is stated.")
def core_floor(ctx: RuleContext):
    """A floor below cost with no carry-forward leaves the provider a loss it never recovers: the
    parties must choose a higher floor, carry losses forward, or accept it knowingly."""
    if _position(ctx, "open_book_voids", "core-places") != "core-places" \
            or _position(ctx, "open_book_losses", "not-carried") == "carried-forward" \
            or ctx.sheet.services.core_floor_risk_accepted and "open_book_losses" in (ctx.sheet.positions or {}) \
            or ctx.sheet.services.core_income_floor:
        # core_income_floor: the commissioner tops up the income to the budget (r27 ob-sample 1), so no loss is left.
        return
    floor = ctx.sheet.core_floor
    if floor is None or not floor.shortfall:
        return
    yield ((f"the {floor.places} core places ({floor.weeks:,} {floor.units_word}: {floor.priced})" if floor.split else f"the {floor.places} core places at {floor.priced} ({floor.weeks:,} {floor.units_word})") + f", the only "
           f"income guaranteed, bring in {money(floor.income)} a year against budgeted Allowable Costs "
           f"of {money(floor.allowable_costs)}: a year at the floor leaves the provider a loss of "
           + (f"{money(floor.shortfall)} that is never recovered (open_book_losses: not-carried); raise the core places, "
              f"carry losses forward, or record that the provider accepts the risk"
              if "open_book_losses" in (ctx.sheet.positions or {}) else
              f"{money(floor.shortfall)}, which the draft's bracketed losses clause carries forward only against the next "
              f"[two] periods' Excess Profit (no open_book_losses position given); settle the losses position, raise the "
              f"core places, or record that the provider accepts the risk")
           + ("; the draft offers a bracketed make-up payment to the budget in the core places clause (core_income_floor: true "
              "to keep it, false to drop it)" if ctx.sheet.services.core_income_floor is None else "")
           + _core_floor_price(ctx, floor),
           ("services", "core_places"))


def _core_floor_price(ctx: RuleContext, floor) -> str:
    """r25 ob-sample 3: the weekly Price at which the Core Places alone recover the budget, and what the limit on a
    re-basing factor adds to the shortfall, so the parties can choose with the figures."""
    cr = ctx.sheet.open_book.core_rebase
    if not cr or floor.split or not cr.get("floor_price") or cr["floor_price"] <= cr["price"]:
        return ""
    out = (f"; a weekly Price of {money(cr['floor_price'])} ({money(cr['target'])}: the budgeted Allowable Costs and "
           f"Reasonable Profit{', less the income of the Prices not re-based,' if cr['fixed'] else ''} over {floor.weeks:,} weeks) would "
           f"recover the budget from the core places alone")
    steps = cr.get("steps") or []
    if cr.get("user_choice") and steps and steps[0].get("shortfall"):
        out += (f", and each core place removed with its re-basing held to the limit adds to the shortfall (one place: "
                f"{money(steps[0]['shortfall'])} a year short of the budgeted Allowable Costs and Reasonable Profit)")
    return out


@OPEN_BOOK.rule("OPEN-BOOK-OVERHEAD-BASIS-TWICE", "warning",
                "The overhead allocation is stated once: as a drafted basis (cost_model.overhead_basis) or as a "
                "phrase (cost_model.overhead_allocation), not both.")
def overhead_basis_twice(ctx: RuleContext):
    """With a basis the draft writes the formula and never prints the phrase, so a phrase that says
    something different would be silently dropped."""
    model = ctx.sheet.open_book.cost_model
    if model.overhead_basis and model.overhead_allocation:
        yield (f"cost_model.overhead_basis ('{model.overhead_basis}') decides the allocation, so the draft does not print "
               f"cost_model.overhead_allocation ('{model.overhead_allocation}'): remove one of them",
               (*BLOCK, "cost_model", "overhead_allocation"))


@FAMILY.rule("OPEN-BOOK-APPORTION-PAID-WEEKS", "warning",
             "Where the open book covers only the commissioner's places, overheads are not shared out by "
             "occupied weeks: the agreement apportions shared costs by places available (short breaks: by "
             "paid bed-nights).")
def apportion_paid_weeks(ctx: RuleContext):
    """Apportioning by occupancy moves the cost of an empty place the commissioner still pays for to
    the other purchasers' side, so the commissioner's own payment becomes Excess Profit; the scope
    clause apportions by places available (short breaks by paid bed-nights), and the schedule's
    overhead method must say the same."""
    allocation = (ctx.sheet.open_book.cost_model.overhead_allocation or "").lower()
    if ctx.sheet.services.scope != "commissioner_places" or "occupied" not in allocation \
            or ctx.sheet.services.apportion_by_weeks:   # r18 ob-fresh 2: the sheet chose bed-weeks; the clause says so
        return
    if ctx.sheet.services.short_breaks:
        basis = ("by paid bed-nights (nights used plus Booked Nights the commissioner pays for although the "
                 "child did not stay); say 'paid' rather than 'occupied'")
    else:
        basis = ("by places available (the commissioner's places over all places in each home, whether or not a "
                 "place is occupied or paid for); describe the allocation by places available")
    yield (f"cost_model.overhead_allocation shares overheads by occupied weeks, but the agreement apportions the "
           f"homes' shared costs {basis}, so that the two agree",
           (*BLOCK, "cost_model", "overhead_allocation"))


@FAMILY.rule("OPEN-BOOK-DIRECT-AWARD-SCOPE", "warning",
             "A direct award justified by user choice (Procurement Act 2023, Schedule 5, paragraph 15) covers "
             "the people already supported, not block-booked places, new referrals or a long term.")
def direct_award_scope(ctx: RuleContext):
    """The user choice ground rests on the wishes of the people receiving the services now; places
    the commissioner will fill with new referrals over years need their own lawful basis."""
    services = ctx.sheet.services
    route = (services.procurement_route or "").lower()
    why = (services.direct_award_justification or "").lower()
    if "direct award" not in route or "user choice" not in why:
        return
    wider = []
    if _position(ctx, "open_book_voids", "core-places") == "core-places" and not services.supported_living:
        wider.append("a block of core places (the draft pays for each only while the placement of a person whose "
                     "choice the award rests on lasts, and then until the commissioner removes it on notice)")
    years = services.term.months / 12 + services.extension_years
    if years > 2:
        wider.append(f"a term of up to {years:g} years with extensions")
    if wider:
        yield (f"the direct award rests on user choice (Schedule 5, paragraph 15), which supports keeping the people "
               f"already placed with this provider, but the agreement also covers {' and '.join(wider)}; the draft "
               f"makes any other placement and any extension wait until the commissioner records another lawful "
               f"basis: confirm it has one, or limit the agreement to the existing placements",
               ("services", "direct_award_justification"))


@FAMILY.rule("OPEN-BOOK-USER-CHOICE-PLACES", "warning",
             "A user-choice award pays for Core Places only for the people whose choice it rests on: say how many "
             "there are, and block-book no more places than that.")
def user_choice_places(ctx: RuleContext):
    """Why (r14 ob-sample 1 and 6, ob-fresh 1): Schedule 5's user choice ground covers the people already
    placed, so the draft ties each Core Place to one of their placements; a sheet that block-books more
    Core Places than there are such people, or does not say how many there are, buys places the award
    does not cover, and the cost model's guaranteed income overstates what the commissioner pays."""
    services = ctx.sheet.services
    if not services.tied_core_places or _position(ctx, "open_book_voids", "core-places") != "core-places":
        return
    places = services.core_places if services.core_places is not None else sum(h.places for h in services.homes)
    existing = services.existing_placements
    if existing is None:
        yield (f"the award rests on user choice, so the draft pays for a Core Place only while it is held for a person "
               f"whose choice the award rests on, but the sheet does not say how many such people there are: give "
               f"services.existing_placements (at most the {places} core places)", ("services", "core_places"))
    elif existing < places:
        yield (f"{places} core places are more than the {existing} "
               f"{'person' if existing == 1 else 'people'} whose choice the user-choice award rests on: the draft "
               f"pays for {existing} as Core Places; lower services.core_places to {existing}, or record another "
               f"lawful basis for buying the rest and procure them on it", ("services", "existing_placements"))


@FAMILY.rule("OPEN-BOOK-UNIT-PRICES", "error", "The standalone agreement states at least one unit price.")
def unit_prices(ctx: RuleContext):
    if not ctx.sheet.open_book.unit_prices:
        yield "no unit_prices: the agreement needs the price the commissioner pays", ("open_book", "unit_prices")


@FAMILY.rule("OPEN-BOOK-KPI-THRESHOLD", "warning",
             "A contract over the Procurement Act 2023 s.52 threshold sets at least three KPIs, unless it is a light "
             "touch contract, to which s.52 does not apply.")
def kpi_threshold(ctx: RuleContext):
    ob = ctx.sheet.open_book
    years = Decimal(max(1, ctx.sheet.services.term.months)) / 12
    value = (ob.expected_income or ob.cost_model.income) * years
    threshold = Decimal(str(ctx.figure("kpi_threshold")))
    if value > threshold and len(ctx.sheet.services.kpis) < 3:
        yield (f"the contract is worth about {money(value.quantize(Decimal(1)))} over its term, above "
               f"{money(threshold)} ({ctx.figures['kpi_threshold']['source']}), so it needs at least three KPIs; "
               f"it has {len(ctx.sheet.services.kpis)}; section 52 does not apply to a light touch contract, and most care, support and housing services are light touch services, so check which this is", ("services", "kpis"))


PREVIOUS_PROVIDER = re.compile(r"\b(previous|outgoing|former) (care |support )?provider\b", re.I)


def _mentions_previous_provider(ctx: RuleContext) -> Loc | None:
    """Where the services' own words speak of another provider now delivering them, if anywhere."""
    services = ctx.sheet.services
    for i, kpi in enumerate(services.kpis):
        for name in ("measure", "baseline", "target"):
            if PREVIOUS_PROVIDER.search(str(getattr(kpi, name) or "")):
                return ("services", "kpis", i, name)
    for name in ("description", "procurement_route", "name"):
        if PREVIOUS_PROVIDER.search(str(getattr(services, name) or "")):
            return ("services", name)
    return None


@FAMILY.rule("OPEN-BOOK-INCUMBENT", "warning",
             "Where the instructions speak of a previous provider, they say whether the provider is the incumbent: "
             "the draft otherwise treats it as one and omits the handover, mobilisation and inbound TUPE.")
def incumbent(ctx: RuleContext):
    """A draft that moves 'existing' people across 'under an earlier contract between the Parties'
    when another provider runs the service today has no handover, no mobilisation plan and nothing
    on staff transferring in: the other side's lawyer will spot it at once."""
    if ctx.sheet.services.incumbent is not None:
        return
    loc = _mentions_previous_provider(ctx)
    if loc is None:
        return
    yield ("the instructions mention a previous provider (" + ".".join(str(p) for p in loc) + "), but "
           "services.incumbent is not set, so the draft treats the provider as already providing the services under "
           "an earlier contract with the commissioner; set services.incumbent: false to add the handover list, a "
           "mobilisation plan and the transfer of staff from the previous provider, or true to confirm", ("services",))


@FAMILY.rule("OPEN-BOOK-VARIABLE-COST", "warning",
             "In supported living, individual hours are delivered and paid only as commissioned, so their direct "
             "cost is variable: the occupancy scenarios need its cost per hour.")
def variable_cost(ctx: RuleContext):
    """Scenarios that hold the pay for individual hours at budget overstate profit at full occupancy
    and loss below it; the provider will negotiate with that table."""
    if not ctx.sheet.services.supported_living:
        return
    for i, u in enumerate(ctx.sheet.open_book.unit_prices):
        if u.capacity_units and u.unit == "hour" and u.variable_cost is None:
            yield (f"'{u.service}' is paid by the hour as delivered, but has no variable_cost, so the occupancy "
                   f"scenarios treat the pay for those hours as fixed; give the direct cost of one hour delivered "
                   f"(for example the hourly rate with paid-time and on-cost uplifts)", ("open_book", "unit_prices", i))


@FAMILY.rule("OPEN-BOOK-VARIABLE-COST-UNUSED", "warning",
             "A price with a variable cost also states its capacity, so that the occupancy scenarios move its units "
             "and their cost.")
def variable_cost_unused(ctx: RuleContext):
    """Why (r14 ob-fresh 7): the sheet gave £21.40 an hour for additional support, but without a capacity the
    scenarios held the hours, and their cost, at budget, and the draft never used the figure."""
    for i, u in enumerate(ctx.sheet.open_book.unit_prices):
        if u.variable_cost is not None and not u.capacity_units:
            article = "an" if u.unit[:1] in "aeiou" or u.unit.startswith("hour") else "a"
            yield (f"'{u.service}' has a variable_cost of £{u.variable_cost:,.2f} {article} {u.unit} but no capacity_units, so "
                   f"the occupancy scenarios hold its {u.expected_units if u.expected_units is not None else ''} "
                   f"{u.unit}s and their cost at budget; give capacity_units (the most {u.unit}s that could be "
                   f"delivered in a year) so that the table moves them", ("open_book", "unit_prices", i, "variable_cost"))


SHORT_BREAK_WORDS = re.compile(r"\bshort[- ]breaks?\b|\brespite\b", re.I)


@FAMILY.rule("OPEN-BOOK-SHORT-BREAKS", "error",
             "Short breaks bought by the night are children's short breaks, priced per night, with the "
             "'void-payment' position: booked nights, not block-booked places.")
def short_breaks(ctx: RuleContext):
    """The booking wording pays per night and at the void rate for a late cancellation; with core
    places, weekly prices or adult services it would contradict the payment clauses it replaces."""
    services = ctx.sheet.services
    if services.short_breaks is None:
        return
    if _position(ctx, "open_book_voids", "core-places") != "void-payment":
        yield ("services.short_breaks books nights and pays only for booked nights, but positions choose "
               "open_book_voids: core-places (places paid for every week): choose open_book_voids: void-payment, "
               "or remove services.short_breaks", ("services", "short_breaks"))
    if not services.for_children:
        yield ("services.short_breaks is written for overnight short breaks for disabled children (Children Act 1989 "
               "s.17(6) or s.20(4)), but the services are not for children", ("services", "short_breaks"))
    for i, u in enumerate(ctx.sheet.open_book.unit_prices):
        if u.unit not in ("night", "bed-night"):
            yield (f"'{u.service}' is priced by the {u.unit}, but short breaks are booked and paid by the night",
                   ("open_book", "unit_prices", i, "unit"))


@FAMILY.rule("OPEN-BOOK-SHORT-BREAKS-UNSET", "warning",
             "Services described as short breaks and priced by the night say how nights are booked "
             "(services.short_breaks); otherwise the draft makes residential placements.")
def short_breaks_unset(ctx: RuleContext):
    """Without it the draft has children 'living' at the home, placements ended on notice and the
    void rate paid for a place held empty, not for a booked night cancelled late (fresh review)."""
    services = ctx.sheet.services
    units = ctx.sheet.open_book.unit_prices
    if services.short_breaks is not None or not units or any(u.unit not in ("night", "bed-night") for u in units):
        return
    for name in ("name", "description", "statutory_duty"):
        if SHORT_BREAK_WORDS.search(str(getattr(services, name) or "")):
            yield (f"services.{name} speaks of short breaks and every price is per night, but services.short_breaks "
                   f"is not set, so the draft makes placements in which each child lives at the home and pays the "
                   f"void rate ({services.void_rate}%) for a place held empty; add services.short_breaks (the panel, "
                   f"how often nights are allocated, and the hours' notice within which a cancelled night is paid at "
                   f"the void rate)", ("services", name))
            return


@cache
def _rules() -> RuleSet:
    from assembler.rules.common import COMMON  # includes OPEN_BOOK

    rules = RuleSet()
    rules.extend(COMMON)
    rules.extend(FAMILY)
    return rules


def __getattr__(name: str) -> RuleSet:
    """`RULES` for the open-book family, built on first use (rules/common.py imports this module)."""
    if name == "RULES":
        return _rules()
    raise AttributeError(name)


@FAMILY.rule("OPEN-BOOK-TENANCY-SHORTHOLD", "warning",
             "In supported living, no home's tenancy is described as an assured shorthold tenancy once the "
             "Renters' Rights Act 2025 has abolished them (clauses/law.yaml).")
def tenancy_shorthold(ctx: RuleContext):
    """From the Act's tenancy commencement no new assured shorthold tenancy can be granted and existing
    private ones became assured periodic tenancies; a draft that still says 'shorthold' misdescribes
    the tenants' security (social landlords' tenancies follow on a date of their own: the lawyer checks)."""
    services = ctx.sheet.services
    law = ctx.law.get("renters_rights_act_2025_tenancies")
    if not services.supported_living or law is None or services.term.start < law["in_force"]:
        return
    for i, home in enumerate(services.homes):
        if home.tenancy and "shorthold" in home.tenancy.lower():
            yield (f"{possessive(home.name)} tenancy is described as '{home.tenancy}', but the services start on "
                   f"{long_date(services.term.start)} and {law['title']} applies from {long_date(law['in_force'])} "
                   f"({law['applies_to']}); describe the tenancy as it will be when the services start",
                   ("services", "homes", i, "tenancy"))


@FAMILY.rule("OPEN-BOOK-OTHER-FUNDED", "error",
             "In supported living, the tenancies another public body funds at a home are no more than its "
             "tenancies, and are stated only for supported living.")
def other_funded(ctx: RuleContext):
    """The commissioner's share of a home's core support is its tenancies less those funded by others,
    over all its tenancies: more funded by others than there are tenancies makes the share negative."""
    services = ctx.sheet.services
    for i, home in enumerate(services.homes):
        if not home.other_funded:
            continue
        if not services.supported_living:
            yield (f"{home.name} states {home.other_funded} tenancies funded by others, but the services are not "
                   f"supported living, where the share of core support depends on them: remove it, or use "
                   f"services.scope 'commissioner_places' with the home's all_places", ("services", "homes", i, "other_funded"))
        elif home.other_funded > home.places:
            yield (f"{home.name} has {home.places} tenancies but {home.other_funded} are said to be funded by others",
                   ("services", "homes", i, "other_funded"))


@FAMILY.rule("OPEN-BOOK-SPECIFICATION-DATE", "warning",
             "The service specification, which the schedule says the parties have initialled, is not dated after "
             "the draft date or after the transparency notice.")
def specification_date(ctx: RuleContext):
    """r16 ob-sample 7: a specification dated after the award (and after the draft) cannot have been initialled;
    either the date is wrong or the agreement cannot be signed before it."""
    services = ctx.sheet.services
    when = services.specification_date
    if when is None:
        return
    notice = services.transparency_notice_date
    if when > ctx.draft_date or (notice is not None and when > notice):
        later = (f"after the transparency notice of {long_date(notice)}" if notice is not None and when > notice
                 else f"after the draft date of {long_date(ctx.draft_date)}")
        yield (f"the service specification is dated {long_date(when)}, {later}, and the parties must initial it on or "
               f"before signing: correct the date, or the agreement cannot be signed before that version exists",
               ("services", "specification"))


PARTY_WORDS = ("Council", "Commissioner", "Authority", "Provider", "Trust", "Company", "Charity", "Society",
               "Operator", "Contractor", "Board")
_PARTY_NAME = re.compile(r"\b[Tt]he (" + "|".join(PARTY_WORDS) + r")\b")


def _sheet_texts(sheet):
    """The term sheet's free-text values that the draft prints, each with its location."""
    ob, services = sheet.open_book, sheet.services
    yield services.description, ("services", "description")
    for name in ("allowable_costs", "disallowed_costs"):
        for i, text in enumerate(getattr(ob, name) or []):
            yield text, (*BLOCK, name, i)
    yield ob.cost_model.overhead_allocation, (*BLOCK, "cost_model", "overhead_allocation")
    for i, line in enumerate(ob.cost_model.direct_lines or []):
        yield line.item, (*BLOCK, "cost_model", "direct_lines", i, "item")
    for i, price in enumerate(ob.unit_prices or []):
        yield price.service, (*BLOCK, "unit_prices", i, "service")
    for i, rp in enumerate(ob.related_parties or []):
        yield rp.relationship, (*BLOCK, "related_parties", i, "relationship")
        yield rp.arrangement, (*BLOCK, "related_parties", i, "arrangement")


@FAMILY.rule("OPEN-BOOK-UNDEFINED-NAME", "warning",
             "The term sheet's text printed in the draft names a party only by the name the draft defines for "
             "it (for example 'the Trust', not 'the Provider').")
def undefined_name(ctx: RuleContext):
    """A pasted phrase that says 'the Provider' where the draft calls the provider 'the Trust' prints
    a capitalised name the agreement never defines, which a reviewer reads as a second party."""
    sheet = ctx.sheet
    defined = {sheet.commissioner.short_name, sheet.provider.short_name}
    for text, loc in _sheet_texts(sheet):
        for word in dict.fromkeys(m.group(1) for m in _PARTY_NAME.finditer(text or "")):
            if word not in defined:
                yield (f"the text speaks of 'the {word}', but the draft defines the parties as "
                       f"'{sheet.commissioner.short_name}' and '{sheet.provider.short_name}': use the defined "
                       f"name (or a lower-case description), or the draft prints a name it never defines", loc)


@FAMILY.rule("OPEN-BOOK-APPORTIONED-COSTS", "error",
             "Where homes state their own budgeted direct costs, every home states them and together they "
             "are no more than the cost model's direct costs.")
def apportioned_costs(ctx: RuleContext):
    """The re-basing when the agreement ends for one home takes out that home's own costs: a home
    without a figure, or homes whose figures add up to more than the budget, leave the formula unusable."""
    homes = ctx.sheet.services.homes
    stated = [h for h in homes if h.direct_costs is not None]
    if not stated:
        return
    missing = [h.name for h in homes if h.direct_costs is None]
    if missing:
        yield (f"{len(stated)} of the {len(homes)} homes state their own direct costs but {', '.join(missing)} "
               f"{'does' if len(missing) == 1 else 'do'} not: state them for every home, or for none",
               ("services", "homes", homes.index(next(h for h in homes if h.direct_costs is None)), "name"))
        return
    total, budget = sum(h.direct_costs for h in homes), ctx.sheet.open_book.cost_model.direct_costs
    if total > budget:
        yield (f"the homes' own direct costs add up to {money(total)}, {money(total - budget)} more than the "
               f"cost model's direct costs of {money(budget)}, which include them and the costs the homes share",
               (*BLOCK, "cost_model", "direct_costs"))


@FAMILY.rule("OPEN-BOOK-CORE-SCENARIO", "warning",
             "Under the core-places position, no occupancy scenario in the worked example is below the share "
             "of places the Core Places guarantee.")
def core_scenario(ctx: RuleContext):
    """Below the Core Places' share the commissioner still pays for every core place, so the table
    floors the income there (OpenBook.core_scenarios) and a scenario below it only repeats the floor."""
    if _position(ctx, "open_book_voids", "core-places") != "core-places":
        return
    floor = ctx.sheet.core_floor
    if floor is None or ctx.sheet.open_book.noncore is not None:
        return   # r29 ob-fresh 4: the scenarios are then weeks of use of the other places, not occupancy levels
    below = [occ for occ in ctx.sheet.open_book.occupancy_scenarios if occ < floor.table_occupancy]
    if below:
        shown = ", ".join(percent(o) for o in below)
        yield (f"the occupancy {'scenario' if len(below) == 1 else 'scenarios'} {shown} "
               f"{'is' if len(below) == 1 else 'are'} below the {percent(floor.table_occupancy)} "
               # r31 ob tool note 11: with Core Places at several prices the share is of the income at full occupancy,
               # not of the weeks, so the message names the measure and gives the weeks' own share beside it
               + (f"of the income at full occupancy that the {floor.places} Core "
                  f"{'Place guarantees' if floor.places == 1 else 'Places guarantee'} (the measure the scenarios use; "
                  f"{floor.weeks:,} paid weeks a year, {percent(floor.occupancy)} of the weeks)"
                  if floor.split else
                  f"of places the {floor.places} Core {'Place guarantees' if floor.places == 1 else 'Places guarantee'} "
                  f"({floor.weeks:,} paid weeks a year)")
               + f": the table floors income at the Core "
               f"Places payment, so {'that row repeats' if len(below) == 1 else 'those rows repeat'} the floor; use scenarios of at least {percent(floor.table_occupancy)}",
               (*BLOCK, "occupancy_scenarios"))


@FAMILY.rule("OPEN-BOOK-JOINT-FUNDER-CHC", "warning",
             "A joint funder's full NHS Continuing Healthcare setting fits how it pays: 'through_commissioner' only "
             "where the commissioner pays the whole Price (pays: commissioner); a pooled budget is asked about.")
def joint_funder_chc(ctx: RuleContext):
    """r31 ob tool notes 2 and 15: under a pooled budget the council goes on paying when a person becomes eligible
    for full NHS Continuing Healthcare, and the residents clause's 'the Council stops paying' then suspends a Core
    Place; the sheet says so with services.joint_funder.full_chc."""
    sv = ctx.sheet.services
    jf = sv.joint_funder
    if jf is None or sv.supported_living or sv.effective_setting != "care_home":
        return
    loc = ("services", "joint_funder", "full_chc")
    if jf.full_chc == "through_commissioner" and jf.pays != "commissioner":
        yield ("full_chc is 'through_commissioner' but the joint funder pays the provider directly (pays: direct): the "
               "draft keeps 'the Council stops paying' on full NHS Continuing Healthcare; set pays: commissioner or "
               "full_chc: ends_payment", loc)
    elif jf.full_chc == "ends_payment" and jf.pays == "commissioner" and re.search(
            r"\bpool(ed)?\b", f"{jf.arrangement or ''} {jf.placements}", re.I):
        yield ("the joint funder pays through a pooled budget, but the draft has the commissioner stop paying (and a "
               "Core Place suspended) when a person becomes eligible for full NHS Continuing Healthcare: if the pooled "
               "budget goes on paying through the commissioner, set services.joint_funder.full_chc to "
               "'through_commissioner'", loc, "info")


@FAMILY.rule("OPEN-BOOK-RESERVED-SIGNING", "warning",
             "A contract reserved to public service mutuals (Procurement Act 2023 s.33(1)(b)) has a maximum term of "
             "five years or less, counted from signing: the Service Term with its extension must end within five "
             "years of the agreement date (the draft's maximum-term clause otherwise cuts the extension short).")
def reserved_signing(ctx: RuleContext):
    services = ctx.sheet.services
    if not services.reserved_mutual:
        return
    last = services.reserved_last_day
    signed = ctx.sheet.document.agreement_date
    earliest = services.reserved_earliest_signing
    if signed is not None:
        limit = services.reserved_limit(signed)
        if limit < last:
            yield (f"the contract is reserved under s.33 but, signed on {long_date(signed)}, its five years end on "
                   f"{long_date(limit)}, before the Service Term with the extension ends on {long_date(last)}: the "
                   f"maximum-term clause cuts the extension short; sign on or after {long_date(earliest)} or shorten "
                   f"the term or extension", ("document", "agreement_date"))
    elif earliest > ctx.draft_date:
        yield (f"the contract is reserved under s.33 and the Service Term with the extension ends on {long_date(last)}, "
               f"so it must not be signed before {long_date(earliest)} (the service start is "
               f"{long_date(services.term.start)}); signed earlier, the maximum-term clause cuts the extension and any "
               f"exit run-off short: plan the signing date or shorten the extension", ("services", "term"))



@FAMILY.rule("OPEN-BOOK-BUDGET-CATEGORY", "warning",
             "Every budgeted direct cost line falls within the closed list of Allowable Cost categories: each "
             "significant word of the line appears in some category.")
def budget_category(ctx: RuleContext):
    """The categories are a closed list: a cost outside them does not count, so a budget line the Prices were
    built on but no category names (DBS checks, registration fees, deputy managers) would be disallowed at the
    first reconciliation although the Council priced for it."""
    ob = ctx.sheet.open_book
    for i, line, missing in ob.lines_outside_categories:
            yield (f"the budget line '{line.item}' ({money(line.amount)}) uses words no Allowable Cost category "
                   f"uses ({', '.join(missing)}): the categories are a closed list, so widen a category in "
                   f"open_book.allowable_costs to cover it, or the reconciliation will disallow a cost the Prices "
                   f"were built on", (*BLOCK, "cost_model", "direct_lines", i, "item"))



@FAMILY.rule("OPEN-BOOK-UNDEFINED-DOCUMENT", "warning",
             "The term sheet's text printed in the draft names no plan, budget or report the agreement does not "
             "define (for example 'the Annual Plan').")
def undefined_document(ctx: RuleContext):
    """A category pasted from an alliance precedent ("up to the level the Annual Plan agrees") ties a cost to a
    document this agreement never creates, so the limit cannot be applied."""
    for text, loc in _sheet_texts(ctx.sheet):
        for name in undefined_document_names(text):
            yield (f"the text refers to 'the {name}', which this agreement does not define or create: name the "
                   f"figure it means instead (for example 'the amount in the cost model, as changed by the price "
                   f"review, or any higher amount the {ctx.sheet.commissioner.short_name} approves in writing')", loc)


@FAMILY.rule("OPEN-BOOK-CORE-UNITS", "warning",
             "Where the Core Places at a nightly price are paid for more nights than the price's expected units, "
             "the sheet says whether the price is re-built on the nights paid for or the Excess Profit is accepted.")
def core_units(ctx: RuleContext):
    """r21 ob-fresh 1: 13 Core Places paid every night are 4,745 nights, but the £248 bed-night was built on 4,600
    expected, so the budget itself makes about £36,000 Excess Profit a year; the draft counts the nights paid for
    and its note gives both choices."""
    if _position(ctx, "open_book_voids", "core-places") != "core-places":
        return
    ob = ctx.sheet.open_book
    cb = ctx.positions.get("open_book_cost_base") or "full-cost"
    for u, fair in ob.core_reprice(cb):
        i = ob.unit_prices.index(u)
        yield (f"{u.service}: its Core Places are paid for {u.paid_units:,} {u.unit}s a year, more than the "
               f"{u.expected_units:,} expected units the price was built on, so at budget the prices bring in "
               f"{money(ob.price_cover[cb])} more than the Allowable Costs and Reasonable Profit; re-price it at "
               f"{money(fair)} a {u.unit} over the {u.paid_units:,} {u.unit}s, or record that the Excess Profit is "
               f"accepted (the draft counts the {u.paid_units:,} {u.unit}s and its note gives both)",
               (*BLOCK, "unit_prices", i, "expected_units"))


@FAMILY.rule("OPEN-BOOK-HOMECARE-GUARANTEE", "warning",
             "Home care: the open book covers the care bought; each zone's guaranteed weekly hours need an "
             "hourly Price, and the guarantee (52 weeks at "
             "that Price) must fit within the hours the cost model expects and within its income.")
def homecare_guarantee(ctx: RuleContext):
    """The guarantee is what the commissioner must pay whatever the demand: a zone whose hourly Price cannot be
    found has no costed guarantee, and a guarantee above the expected hours (or the expected income) means the
    Prices were built on fewer hours than the commissioner has promised to pay for."""
    services = ctx.sheet.services
    if not services.home_care:
        return
    if services._scope_overridden:
        yield ("services.scope says 'whole_homes', but a home care branch also cares for people who pay for "
               "themselves: the draft's open book covers only the care bought under the agreement, with shared "
               "branch costs apportioned by hours delivered; remove scope or say 'commissioner_places'",
               ("services", "scope"))
    total = Decimal(0)
    for i, home in enumerate(services.homes):
        loc = ("services", "homes", i, "guaranteed_hours")
        if home.guaranteed_hours is None:
            yield (f"{home.name} gives no guaranteed_hours: the draft leaves the zone's guaranteed hours a week blank; "
                   f"give them (0 where the zone has no guarantee)", loc)
            continue
        if home.hourly_price is None:
            yield (f"no hourly price in open_book.unit_prices names {home.name}: name the zone in the service of its "
                   f"hourly price (unit 'hour'), so that its guarantee has a Price", loc)
            continue
        total += home.guarantee_value
        expected = home._hourly.expected_units
        if expected is not None and home.guaranteed_hours_year > expected:
            yield (f"{home.name} guarantees {home.guaranteed_hours_words} hours a week "
                   f"({home.guaranteed_hours_year:,} a year), more than the {expected:,} hours a year its hourly price "
                   f"expects: the Prices were built on fewer hours than the Commissioner must pay for; raise the "
                   f"expected units or lower the guarantee", loc)
    income = ctx.sheet.open_book.cost_model.income
    if income is not None and total > income:
        yield (f"the guaranteed hours cost {money(total)} a year at the zones' hourly Prices, more than the cost "
               f"model's income of {money(income)}: check the guarantee and the income",
               ("open_book", "cost_model", "income"))


_HOME_CARE_WORDS = re.compile(r"\b(home care|homecare|in (?:people's|their) own homes|zones?|patch(?:es)?)\b", re.I)


@FAMILY.rule("OPEN-BOOK-HOMECARE-SETTING", "warning",
             "Domiciliary care with no setting is drafted as supported living (tenancies, landlords, core support); "
             "care in people's own homes across zones needs services.setting 'home_care'.")
def homecare_setting(ctx: RuleContext):
    """The r22 writer's home care sheet had to pretend each zone was a supported-living home; a sheet that describes
    home care but leaves the setting to be implied would get tenancies and landlords in its draft."""
    services = ctx.sheet.services
    if services.setting or services.care_type != "domiciliary_care":
        return
    said = " ".join([services.name, services.description, *(h.name for h in services.homes)])
    if services.landlord is None and all(h.landlord is None and h.tenancy is None for h in services.homes) \
            and _HOME_CARE_WORDS.search(said):
        yield ("the services read as home care in people's own homes (no landlord or tenancy is given), but with no "
               "setting domiciliary care is drafted as supported living, with tenancies and landlords: say "
               "services.setting: home_care (or supported_living, with the landlord)", ("services", "care_type"))


@FAMILY.rule("OPEN-BOOK-SOLE-PURCHASER", "error",
             "services.other_purchasers false (the commissioner is the only purchaser) is said only where the open "
             "book covers the whole of each home, and no home has tenancies another public body funds.")
def sole_purchaser(ctx: RuleContext):
    """r28 ob-fresh finding 11: other_purchasers false removes the other purchasers' share of Excess Profit and of
    the Reinvestment Fund; a home whose tenants another body funds under its own agreement is another purchaser."""
    services = ctx.sheet.services
    if services.other_purchasers:
        return
    if services.scope != "whole_homes" or services.home_care:
        yield ("services.other_purchasers is false, but the open book covers only the care this commissioner buys "
               "(scope 'commissioner_places', or home care), where other purchasers are already outside it: remove "
               "the field", ("services", "other_purchasers"))
        return
    for i, home in enumerate(services.homes):
        if home.other_funded:
            yield (f"services.other_purchasers is false (the commissioner is the only purchaser), but {home.name} "
                   f"has {home.other_funded} {'tenancy' if home.other_funded == 1 else 'tenancies'} another public body funds: that body is another purchaser, "
                   "so remove other_purchasers, or other_funded if its share is paid through the commissioner "
                   "(services.joint_funder with pays: commissioner)", ("services", "homes", i, "other_funded"))


_PRIVATE_PAY = re.compile(r"\b(private(?:ly)?[- ]pa(?:y|id|ying)|self[- ]fund\w*|pay(?:s|ing)? for (?:it|them)sel(?:f|ves)|"
                          r"privately (?:funded|purchased|bought))\b", re.I)


@FAMILY.rule("OPEN-BOOK-SCOPE-PRIVATE-PAY", "warning",
             "Where the open book covers the whole of each home, care people buy for themselves is inside it: a "
             "disallowed cost line that shuts out its costs contradicts the scope.")
def scope_private_pay(ctx: RuleContext):
    """G1 (extra care review, finding 3): a whole-scheme scope took in private-pay care's income while a disallowed
    cost line shut out its costs, so the Council's share of profit would be overstated; say which rule governs."""
    services = ctx.sheet.services
    if services.scope != "whole_homes" or services.sole_purchaser or services.home_care:
        return
    for i, line in enumerate(ctx.sheet.open_book.disallowed_costs or []):
        if _PRIVATE_PAY.search(str(line)):
            yield (f"the open book covers the whole of each home (services.scope: whole_homes), so the fees for care "
                   f"people buy for themselves are Service Income, but the disallowed cost \"{line}\" shuts their "
                   f"costs out: either keep both in (delete the line; shared costs are apportioned) or choose "
                   f"services.scope: commissioner_places, which leaves that income and those costs out together",
                   ("open_book", "disallowed_costs", i))


@FAMILY.rule("OPEN-BOOK-CORE-HOURS", "warning",
             "In supported living and extra care, the core support hours a year the homes state should add up to the "
             "expected hours of the core support price.")
def core_hours_priced(ctx: RuleContext):
    """G1 (extra care review, finding 4): the core hours printed per scheme and the hours the core price is budgeted
    on must agree, or the Council pays for hours the cost model does not hold (or the reverse)."""
    services = ctx.sheet.services
    if not services.supported_living or services.home_care:
        return
    total = services.core_hours_stated
    if total is None:
        return
    core = services.core_price
    if core is None or core.expected_units is None:
        return
    priced = Decimal(core.expected_units)
    if total != priced:
        diff = total - priced
        yield (f"the homes' core support adds up to {total:,} hours a year but the price \"{core.service}\" "
               f"expects {priced:,} hours, {abs(diff):,} {'more' if diff > 0 else 'fewer'} in the homes than priced: "
               f"make services.homes[].core_support and the expected units agree",
               ("open_book", "unit_prices", ctx.sheet.open_book.unit_prices.index(core), "expected_units"))


@FAMILY.rule("OPEN-BOOK-CONTRIBUTIONS", "warning",
             "Net payment (services.contributions_paid_to 'provider') is drafted for adult care homes in England; "
             "contribution_arrears_weeks has effect only with it.")
def contributions(ctx: RuleContext):
    """r34 ob-fresh2 finding 1: residents paid their assessed Care Act contributions to the home and the Council
    paid the balance, with arrears after four weeks taken over by the Council; the field drafts that in the
    residents clause, which is for adult care homes in England only, so elsewhere the instruction would be lost."""
    services = ctx.sheet.services
    if services.contributions_paid_to == "provider":
        if not services.net_contributions:
            yield ("net payment of residents' contributions is drafted only for adult care homes (the residents "
                   "clause, under the Care Act 2014); for these services the draft still has the commissioner "
                   "charge any contribution itself: draft the collection terms by hand or leave the field out",
                   ("services", "contributions_paid_to"))
        elif ctx.sheet.document.wales:
            yield ("net payment of residents' contributions is drafted in the residents clause, under the Care Act "
                   "2014's charging provisions for England; a Welsh draft has no residents clause, so draft the "
                   "collection terms by hand under the Welsh charging law",
                   ("services", "contributions_paid_to"))
    elif services.contribution_arrears_weeks is not None:
        yield (f"contribution_arrears_weeks ({services.contribution_arrears_weeks}) has effect only where residents "
               "pay their contributions to the provider: say services.contributions_paid_to: provider, or leave "
               "the weeks out", ("services", "contribution_arrears_weeks"))


_CAPITAL_LINE = re.compile(r"\bcapital charges?\b", re.I)


@FAMILY.rule("OPEN-BOOK-CAPITAL-CHARGE-SHARE", "warning",
             "Where the open book covers only the commissioner's places, the cost model's capital charge line is "
             "the share of the homes' whole-building capital charges apportioned to those places, not the whole.")
def capital_charge_share(ctx: RuleContext):
    """r34 ob-fresh2 finding 3: homes[].capital_charge is the charge for the whole building (£138,000), and only
    the share apportioned to the Council's places is an Allowable Cost; the cost model carried the share
    (£99,500). A line equal to or above the whole charge puts other purchasers' share on the commissioner; with
    places-available apportionment the share is known exactly (places over all places)."""
    services = ctx.sheet.services
    if services.scope != "commissioner_places" or services.supported_living or services.home_care:
        return
    homes = [h for h in services.homes if h.owner == "provider" and h.capital_charge]
    if not homes:
        return
    cm = ctx.sheet.open_book.cost_model
    lines = [(i, l) for i, l in enumerate(cm.direct_lines or []) if _CAPITAL_LINE.search(str(l.item))]
    if not lines:
        return
    whole = sum(h.capital_charge for h in homes)
    budgeted = sum(l.amount for _, l in lines)
    loc = ("open_book", "cost_model", "direct_lines", lines[0][0], "amount")
    if budgeted >= whole:
        yield (f"the cost model's capital charge ({money(budgeted)}) is {'the whole of' if budgeted == whole else 'more than'} "
               f"the homes' capital charge for the whole building ({money(whole)}), but the open book covers only the "
               f"commissioner's places (services.scope: commissioner_places), so only the share apportioned to them is "
               f"an Allowable Cost: put that share in the cost model, or, if {money(whole)} is already the share, give "
               f"the whole building's charge in services.homes[].capital_charge", loc)
        return
    if (services.apportionment or "places_available") == "places_available" and all(h.total_places for h in homes):
        share = sum(h.capital_charge * h.places / h.total_places for h in homes)
        if abs(share - budgeted) > max(Decimal(1), share / 100):
            yield (f"the cost model's capital charge ({money(budgeted)}) is not the share of the whole-building charge "
                   f"({money(whole)}) that the places available give the commissioner ({money(share)}, its places over "
                   f"all the places): make the line that share, or say how it was apportioned", loc)
