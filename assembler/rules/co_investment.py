"""Consistency rules for co-investment agreements (domain guide, section 3)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from assembler.credit import co_investment as credit
from assembler.formatting import long_date, money
from assembler.rules import RuleContext, RuleSet
from assembler.rules.common import COMMON, database_duty, subsidy_before_act
from assembler.termsheet.co_investment import add_years
from assembler.termsheet.co_investment import yearly_instalment as credit_instalment
from assembler.termsheet.common import LegalForm, Party, possessive

RULES = RuleSet()
RULES.extend(COMMON)

CHARITY_FORMS = {LegalForm.charitable_company, LegalForm.cio, LegalForm.unincorporated_charity}


def is_charity(party: Party) -> bool:
    """A registered or unregistered charity, whose land falls under Part 7 of the Charities Act 2011."""
    return party.legal_form in CHARITY_FORMS or bool(party.charity_number)


def _authority_properties(ctx: RuleContext):
    """(location, property) for every property the authority contributes."""
    for i, c in enumerate(ctx.sheet.contributions.authority):
        for j, p in enumerate(c.properties):
            yield ("contributions", "authority", i, "properties", j), p


@RULES.rule("COINV-CONTRIBUTIONS-TOTAL", "error", "The contributions add up to the stated total.")
def contributions_total(ctx: RuleContext):
    c = ctx.sheet.contributions
    if c.total != c.stated_total:
        yield (f"the contributions add up to {money(c.total)} (authority {money(c.authority_total)}, "
               f"delivery organisation {money(c.delivery_total)}, investors {money(c.investment_total)}) "
               f"but the stated total is {money(c.stated_total)}", ("contributions", "stated_total"))


@RULES.rule("COINV-PROPERTY-COUNT", "error", "The stated number of properties matches the property schedule.")
def property_count(ctx: RuleContext):
    stated = ctx.sheet.partnership.property_count
    rows = len(ctx.sheet.contributions.properties)
    if stated is not None and stated != rows:
        yield (f"the term sheet states {stated} properties but the property schedule has {rows} "
               f"row{'s' if rows != 1 else ''}", ("partnership", "property_count"))


@RULES.rule("COINV-HOMES-TARGET", "error",
            "The homes target equals the homes in the property schedule plus the homes to be bought.")
def homes_target(ctx: RuleContext):
    sheet = ctx.sheet
    target = sheet.partnership.homes_target
    if target is None:
        return
    in_schedule = sheet.contributions.homes_in_schedule
    to_buy = sheet.acquisition.homes_to_acquire
    if in_schedule + to_buy != target:
        yield (f"the homes target is {target} but the property schedule provides {in_schedule} "
               f"home{'s' if in_schedule != 1 else ''} and {to_buy} are to be bought ({in_schedule + to_buy} "
               "in all)", ("partnership", "homes_target"))


def _general_consent_limit(ctx: RuleContext) -> Decimal:
    """The largest total undervalue the General Disposal Consent covers (figures.yaml: sos_undervalue_consent)."""
    return Decimal(str(ctx.figure("sos_undervalue_consent")))


@RULES.rule("COINV-SOS-CONSENT", "warning",
            "An undervalue of more than the General Disposal Consent limit (£2,000,000 or less is covered) needs "
            "the Secretary of State's specific consent.")
def sos_consent(ctx: RuleContext):
    limit = _general_consent_limit(ctx)
    undervalue = ctx.sheet.contributions.general_undervalue
    if undervalue > limit:
        yield (f"the authority disposes of property held for general purposes at an undervalue of {money(undervalue)}, more than "
               f"{money(limit)}: the General Disposal Consent covers only {money(limit)} or less, so it needs the "
               f"Secretary of State's specific consent ({ctx.figures['sos_undervalue_consent']['source']}); "
               "the draft makes it a completion condition", ("contributions", "authority"))


@RULES.rule("COINV-S123-LEASE", "warning",
            "A lease by the authority of more than seven years is a disposal needing best consideration (s.123).")
def s123_lease(ctx: RuleContext):
    years = int(ctx.figure("s123_lease_years"))
    for loc, p in _authority_properties(ctx):
        if p.tenure == "leasehold" and p.lease_years and p.lease_years > years and p.held_for != "housing":
            # Land held for housing is disposed of under s.32 of the Housing Act 1985, whatever the lease's
            # length: COINV-HOUSING-LAND speaks for it, and s.123 does not apply.
            limit = _general_consent_limit(ctx)
            if p.undervalue == 0:
                basis = "at full value"
            elif ctx.sheet.contributions.general_undervalue <= limit:
                basis = (f"at an undervalue of {money(p.undervalue)}, so the authority relies on the General "
                         f"Disposal Consent (England) 2003 (total undervalue of {money(limit)} or less and the "
                         "well-being test met) and should record that in its decision")
            else:
                basis = (f"at an undervalue of {money(p.undervalue)}, which needs the Secretary of State's "
                         "specific consent")
            yield (f"the lease of {p.address} for {p.lease_years} years is longer than {years} years, so it is "
                   f"a disposal under {ctx.figures['s123_lease_years']['source']}: the authority must obtain the "
                   f"best consideration reasonably obtainable; it is granted {basis}", (*loc, "lease_years"))


@RULES.rule("COINV-CHARITY-LAND", "warning",
            "Charging or disposing of a charity's land needs the Charities Act 2011 Part 7 steps.")
def charity_land(ctx: RuleContext):
    sheet = ctx.sheet
    if not is_charity(sheet.delivery):
        return
    steps = []
    if sheet.security.investor_charge:
        steps.append("charges the properties to the investors (s.124 advice before each charge, s.125 statements in it)")
    end = ctx.positions.get("end_of_term")
    if end == "authority-option":
        steps.append("grants the authority an option to buy them (a disposition under s.117: the s.119 advice on the "
                     "option and its price before it is granted, and the s.122 statements in the option deed and in "
                     "each transfer made under it)")
    elif end == "sale":
        steps.append("may have to sell them at the end of the term (ss.117 to 121: best terms and advice under s.119, "
                     "or a Charity Commission order, and the s.122 statements in each transfer)")
    if steps:
        yield (f"{sheet.delivery.name} is a charity that " + " and ".join(steps) + "; its trustees must take "
               "the steps in Part 7 of the Charities Act 2011 (ss.117 to 129)", ("delivery", "legal_form"))


@RULES.rule("COINV-CONTRIBUTION-FORM", "error",
            "The authority_contribution position matches what the authority contributes.")
def contribution_form(ctx: RuleContext):
    form = ctx.positions.get("authority_contribution")
    properties = list(_authority_properties(ctx))
    if form == "cash" and properties:
        yield ("the authority_contribution position is 'cash' but the authority contributes property; "
               "choose 'transfer' or 'lease'", ("positions", "authority_contribution"))
    if form in ("transfer", "lease") and not properties:
        yield (f"the authority_contribution position is '{form}' but the authority contributes no property; "
               "choose 'cash'", ("positions", "authority_contribution"))
    wanted = {"transfer": "freehold", "lease": "leasehold"}.get(form or "")
    for loc, p in properties:
        if wanted and p.tenure != wanted:
            yield (f"{p.address} is {p.tenure} but the authority_contribution position is '{form}'",
                   (*loc, "tenure"))


@RULES.rule("COINV-CONTRIBUTORS-KNOWN", "error", "Investments and drawdowns name parties to the agreement.")
def contributors_known(ctx: RuleContext):
    sheet = ctx.sheet
    investors = [p.short_name for p in sheet.investors]
    for i, inv in enumerate(sheet.contributions.investments):
        if inv.investor not in investors:
            yield (f"{inv.investor!r} is not the short name of an investor (investors: {', '.join(investors)})",
                   ("contributions", "investments", i, "investor"))
    names = [p.short_name for p in sheet.parties()]
    for i, d in enumerate(sheet.drawdowns):
        if d.contributor not in names:
            yield (f"{d.contributor!r} is not the short name of a party ({', '.join(names)})",
                   ("drawdowns", i, "contributor"))


@RULES.rule("COINV-INVESTOR-CONTRIBUTES", "warning", "Every investor makes an investment.")
def investor_contributes(ctx: RuleContext):
    investing = {inv.investor for inv in ctx.sheet.contributions.investments}
    for i, party in enumerate(ctx.sheet.investors):
        if party.short_name not in investing:
            yield f"{party.name} is an investor but makes no investment", ("investors", i)


@RULES.rule("COINV-DRAWDOWNS-SUM", "error", "Each party's drawdowns add up to its cash contributions.")
def drawdowns_sum(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.drawdowns:
        return
    cash = sheet.cash_contributors
    paid: dict[str, Decimal] = {}
    for d in sheet.drawdowns:
        paid[d.contributor] = paid.get(d.contributor, Decimal(0)) + d.amount
    for name in sorted(set(cash) | set(paid)):
        due, drawn = cash.get(name, Decimal(0)), paid.get(name, Decimal(0))
        if due != drawn:
            yield (f"the drawdowns for the {name} add up to {money(drawn)} but its cash contributions are "
                   f"{money(due)}", ("drawdowns",))


@RULES.rule("COINV-DATES", "error", "Drawdowns, the acquisition deadline and the long-stop fall inside the term.")
def dates_in_term(ctx: RuleContext):
    sheet = ctx.sheet
    term = sheet.partnership.term
    span = f"({long_date(term.start)} to {long_date(term.end)})"
    for i, d in enumerate(sheet.drawdowns):
        if not term.start <= d.date <= term.end:
            yield f"drawdown due {long_date(d.date)} falls outside the term {span}", ("drawdowns", i, "date")
    deadline = sheet.acquisition.deadline
    if deadline and not term.start <= deadline <= term.end:
        yield f"the acquisition deadline {long_date(deadline)} falls outside the term {span}", ("acquisition", "deadline")
    longstop = sheet.partnership.conditions_longstop
    if longstop >= term.end:
        yield (f"the conditions long-stop date {long_date(longstop)} is not before the term ends "
               f"({long_date(term.end)})", ("partnership", "conditions_longstop"))
    agreed = sheet.document.agreement_date
    if agreed and agreed > longstop:
        yield (f"the agreement date {long_date(agreed)} is after the conditions long-stop date "
               f"({long_date(longstop)})", ("document", "agreement_date"))


@RULES.rule("COINV-DRAWDOWNS-ORDER", "warning", "Drawdowns are listed in date order.")
def drawdowns_in_order(ctx: RuleContext):
    dates = [d.date for d in ctx.sheet.drawdowns]
    if dates != sorted(dates):
        yield "drawdowns are not in date order; the timetable lists them as given", ("drawdowns",)


@RULES.rule("COINV-UPLIFT-SHARE", "error", "The uplift-share clawback basis states the authority's share.")
def uplift_share(ctx: RuleContext):
    if ctx.positions.get("clawback_basis") == "uplift-share" and ctx.sheet.clawback.uplift_share is None:
        yield "clawback_basis is 'uplift-share' but clawback.uplift_share is not given", ("clawback", "uplift_share")


@RULES.rule("COINV-OPTION-PRICE", "warning", "The authority-option end of term states how the price is set.")
def option_price(ctx: RuleContext):
    if ctx.positions.get("end_of_term") == "authority-option" and not ctx.sheet.end_of_term.option_price:
        yield ("end_of_term is 'authority-option' but end_of_term.option_price is not given; the draft will "
               "show a placeholder", ("end_of_term", "option_price"))


@RULES.rule("COINV-MFA-LIMIT", "error",
            "Minimal financial assistance: the authority's assistance plus prior assistance stays within the limit.")
def mfa_limit(ctx: RuleContext):
    sheet = ctx.sheet
    if sheet.subsidy.route != "minimal_financial_assistance":
        return
    limit = Decimal(str(ctx.figure("mfa_limit")))
    assistance = sheet.contributions.authority_assistance
    total = assistance + sheet.subsidy.prior_assistance
    if total > limit:
        yield (f"the authority's assistance of {money(assistance)} (grant plus undervalue) and prior assistance of "
               f"{money(sheet.subsidy.prior_assistance)} make {money(total)}, over the limit of {money(limit)} "
               f"({ctx.figures['mfa_limit']['source']})", ("subsidy", "route"))


@RULES.rule("COINV-SUBSIDY-DATABASE", "info",
            "The subsidy database duty (s.33): every standalone subsidy; minimal financial assistance over £100,000.")
def subsidy_database(ctx: RuleContext):
    sheet = ctx.sheet
    why = database_duty(ctx, sheet.subsidy.route, sheet.contributions.authority_assistance)
    if why:
        yield (f"the authority's assistance is {money(sheet.contributions.authority_assistance)} (grant plus "
               f"undervalue): {why}", ("subsidy", "route"))


@RULES.rule("COINV-SUBSIDY-DATABASE-DUE", "warning",
            "A subsidy database entry whose three months have run by the draft date is checked as made.")
def subsidy_database_due(ctx: RuleContext):
    """The database entry is due within three months of the confirmation of the decision (s.33(3)(c)): a
    decision confirmed long before the agreement is drafted may already have passed that date."""
    sheet = ctx.sheet
    if not database_duty(ctx, sheet.subsidy.route, sheet.contributions.authority_assistance):
        return
    due = sheet.subsidy.database_due(ctx.figure("transparency_months"))
    if due is not None and due < ctx.draft_date:
        yield (f"the decision to give the assistance was confirmed on {long_date(sheet.subsidy.decision_date)}, so the "
               f"subsidy database entry was due by {long_date(due)}, before this draft's date: check that it was made "
               "(Subsidy Control Act 2022 s.33(3)(c)), or correct subsidy.decision_date", ("subsidy", "decision_date"))


@RULES.rule("COINV-SUBSIDY-ASSESSED-FIRST", "warning",
            "The subsidy control principles are considered before the decision to give the subsidy (s.12(1)).")
def subsidy_assessed_first(ctx: RuleContext):
    subsidy = ctx.sheet.subsidy
    if subsidy.route == "assessed" and subsidy.assessment_date and subsidy.decision_date \
            and subsidy.assessment_date > subsidy.decision_date:
        yield (f"the subsidy assessment is dated {long_date(subsidy.assessment_date)}, after the decision to give the "
               f"assistance was confirmed on {long_date(subsidy.decision_date)}, but a public authority must consider "
               "the subsidy control principles before deciding to give a subsidy (Subsidy Control Act 2022 s.12(1)): "
               "check the dates, or have the decision taken again", ("subsidy", "assessment_date"))


@RULES.rule("COINV-RTB-RECEIPTS", "warning",
            "A grant paid from retained Right to Buy receipts funds only homes the retention agreement allows.")
def rtb_receipts(ctx: RuleContext):
    """Retained Right to Buy receipts are spent under the authority's agreement with the Secretary of State (Local
    Government Act 2003 s.11(6)) and the guidance on their use: replacement homes, within a time limit, and a share of
    each home's cost. A grant funded from them for homes that are not let, or whose description says so, is flagged;
    a grant described as excluding them is not one."""
    sheet = ctx.sheet
    for i, c in enumerate(sheet.contributions.authority):
        mentions = re.search(r"right[- ]to[- ]buy|\bRTB\b", c.description, re.I)
        excluded = re.search(r"(excluding|excluded|not from|other than)[^.]*right[- ]to[- ]buy|right[- ]to[- ]buy[^.]*excluded",
                             c.description, re.I)
        if c.kind == "grant" and c.rtb_receipts is None and mentions and not excluded:
            yield (f"the grant '{c.description}' mentions Right to Buy receipts but rtb_receipts is not given: state how "
                   "much of it they fund, so the draft limits that money to the homes the retention agreement allows",
                   ("contributions", "authority", i, "rtb_receipts"))
        elif c.rtb_receipts and not _lets_homes(sheet):
            yield (f"{money(c.rtb_receipts)} of the grant is paid from retained Right to Buy receipts, but the partnership "
                   "provides no homes to let: the retention agreement allows them only for replacement social or "
                   "affordable housing", ("contributions", "authority", i, "rtb_receipts"))


@RULES.rule("COINV-SUBSIDY-LAW", "error",
            "A subsidy assessment relied on under the Subsidy Control Act 2022 is dated on or after 4 January 2023.")
def subsidy_law(ctx: RuleContext):
    subsidy = ctx.sheet.subsidy
    yield from subsidy_before_act(ctx, subsidy.route, subsidy.assessment_date, ("subsidy", "assessment_date"))


def _norm(text: str) -> str:
    return " ".join(text.replace(",", " ").split()).casefold()


@RULES.rule("COINV-DUPLICATE-PROPERTY", "error",
            "No property (by address or HM Land Registry title number) is contributed twice.")
def duplicate_property(ctx: RuleContext):
    seen_address: dict[str, str] = {}
    seen_title: dict[str, str] = {}
    groups = (("authority", ctx.sheet.contributions.authority), ("delivery", ctx.sheet.contributions.delivery))
    for side, contributions in groups:
        for i, c in enumerate(contributions):
            for j, p in enumerate(c.properties):
                loc = ("contributions", side, i, "properties", j)
                if _norm(p.address) in seen_address:
                    yield f"{p.address} is listed twice in the property schedule", (*loc, "address")
                elif p.title_number and p.title_number.upper() in seen_title:
                    yield (f"title {p.title_number} is listed twice (as {seen_title[p.title_number.upper()]} "
                           f"and {p.address})", (*loc, "title_number"))
                seen_address[_norm(p.address)] = p.address
                if p.title_number:
                    seen_title.setdefault(p.title_number.upper(), p.address)


@RULES.rule("COINV-PRICE-CAPS", "error", "The purchase price cap is no higher than the all-in cost cap.")
def price_caps(ctx: RuleContext):
    acquisition = ctx.sheet.acquisition
    if acquisition.price_cap and acquisition.all_in_cap and acquisition.price_cap > acquisition.all_in_cap:
        yield (f"the purchase price cap of {money(acquisition.price_cap)} is above the all-in cap of "
               f"{money(acquisition.all_in_cap)}, which includes the price", ("acquisition", "price_cap"))


def _lets_homes(sheet) -> bool:
    """Whether the partnership provides homes let to households (the test for section 25 of the LGA 1988)."""
    return bool(sheet.contributions.homes_in_schedule or sheet.acquisition.homes_to_acquire or sheet.nominations)


@RULES.rule("COINV-HOUSING-LAND", "warning",
            "Land held for housing is disposed of under s.32 of the Housing Act 1985 with the Secretary of State's "
            "consent (general or specific), not under s.123 of the Local Government Act 1972.")
def housing_land(ctx: RuleContext):
    sheet = ctx.sheet
    held = [(loc, p) for loc, p in _authority_properties(ctx) if p.held_for == "housing"]
    if not held:
        return
    consent = sheet.consents
    powers = " ".join(sheet.partnership.authority_powers)
    names_s32 = "Housing Act 1985" in powers and "32" in powers
    if consent.housing_disposal == "general_housing_consents" and consent.housing_disposal_reference and names_s32:
        return  # the route, the consent and the power are all stated: nothing for the lawyer to add
    route = ("the Secretary of State's specific consent (a completion condition that cannot be waived)"
             if consent.housing_disposal == "specific" else
             f"a consent in the general housing consents ({consent.housing_disposal_reference or 'paragraph not stated'})")
    names = ", ".join(p.address for _, p in held)
    yield (f"{len(held)} of the authority's properties are held for housing ({names}), so they can be disposed of "
           f"only under section 32 of the Housing Act 1985 with {route}; the best-consideration duty in s.123 of the "
           "Local Government Act 1972 and the General Disposal Consent (England) 2003 do not apply to them",
           (*held[0][0], "held_for"))
    if not names_s32:
        yield ("the authority's powers do not name section 32 of the Housing Act 1985, the only power to dispose of "
               "land held for housing", ("partnership", "authority_powers"))
    if consent.housing_disposal == "general_housing_consents" and not consent.housing_disposal_reference:
        yield ("consents.housing_disposal_reference is not given: name the paragraph of the general housing consents "
               "the authority's decision relies on", ("consents", "housing_disposal_reference"))


@RULES.rule("COINV-S25-CONSENT", "warning",
            "A grant or undervalue for homes let by someone other than a local authority needs consent under s.25 of "
            "the Local Government Act 1988 (a general consent or the Secretary of State's).")
def s25_consent(ctx: RuleContext):
    sheet = ctx.sheet
    assistance = sheet.contributions.authority_assistance
    if not assistance or not _lets_homes(sheet) or sheet.delivery.is_public_body:
        return
    if sheet.consents.financial_assistance is None:
        yield (f"the authority gives {money(assistance)} (grant plus undervalue) towards homes that {sheet.delivery.name} "
               "will let: that is financial assistance or a gratuitous benefit for privately let housing, which needs "
               "consent under s.25 of the Local Government Act 1988 (ss.24(3) and 25(1)); say in "
               "consents.financial_assistance which consent covers it", ("consents", "financial_assistance"))
    elif sheet.consents.financial_assistance in ("general_consent", "not_needed") and not sheet.consents.financial_assistance_reference:
        yield ("consents.financial_assistance_reference is not given: name the general consent relied on, or why no "
               "consent is needed", ("consents", "financial_assistance_reference"))


@RULES.rule("COINV-LOAN-MATURITY", "error",
            "Each investment is drawn, and repaid by its maturity, within the partnership term.")
def loan_maturity(ctx: RuleContext):
    sheet = ctx.sheet
    end = sheet.partnership.term.end
    for i, (inv, service) in enumerate(zip(sheet.contributions.investments, sheet.debt_service)):
        loc = ("contributions", "investments", i, "maturity")
        if service.maturity > end:
            yield (f"the {possessive(inv.investor)} capital matures on {long_date(service.maturity)}, after the partnership term "
                   f"ends on {long_date(end)}: the charges and the waterfall end with the term, so nothing would "
                   "secure or pay the last years", loc)
        elif service.maturity <= service.first_drawdown:
            yield (f"the {possessive(inv.investor)} capital matures on {long_date(service.maturity)}, not after its first "
                   f"drawdown on {long_date(service.first_drawdown)}", loc)
        drawn = [d.date for d in sheet.drawdowns if d.contributor == inv.investor]
        if drawn and max(drawn) > service.maturity:
            yield (f"the {inv.investor} is to draw capital on {long_date(max(drawn))}, after its maturity on "
                   f"{long_date(service.maturity)}", loc)


@RULES.rule("COINV-HOUSING-AUTHORITY", "warning",
            "A county council nominating tenants must say whether it is a local housing authority (Part 6 and Part 7).")
def county_housing_authority(ctx: RuleContext):
    """An English county council in a two-tier area is not a local housing authority (s.1 Housing Act 1985): the
    nominations note must not give it an allocation scheme or homelessness duties. A unitary county council is one,
    so the sheet must say which."""
    sheet = ctx.sheet
    if not sheet.nominations or sheet.nominations.housing_authority is not None:
        return
    if "county council" in (sheet.authority.name or "").lower() and "borough" not in (sheet.authority.name or "").lower():
        yield (f"{sheet.authority.name} is a county council: set nominations.housing_authority to false if it is in a "
               "two-tier area (it is then not a local housing authority under section 1 of the Housing Act 1985, and the "
               "draft leaves out Part 6 allocation and Part 7 homelessness), or true if it is a unitary council",
               ("nominations", "housing_authority"))


@RULES.rule("COINV-LHA-BEDROOMS", "warning",
            "A rent capped at the Local Housing Allowance by bedroom size needs the bedrooms of each home.")
def lha_bedrooms(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.nominations or not sheet.nominations.lha_by_bedrooms:
        return
    for side, items in (("authority", sheet.contributions.authority), ("delivery", sheet.contributions.delivery)):
        for i, c in enumerate(items):
            for j, p in enumerate(c.properties):
                if p.homes and p.bedrooms is None and not p.bedroom_mix:
                    yield (f"{p.address} has no bedrooms given (bedrooms, or bedroom_mix for homes of different "
                           "sizes), so the draft cannot say which Local Housing Allowance rate caps its rent", ("contributions", side, i, "properties", j, "bedrooms"))


# The investor's view: the money must work (credit arithmetic in assembler/credit/co_investment.py) ----------

@RULES.rule("COINV-DEBT-COVER", "warning",
            "The rent roll, after voids, operating costs and the repairs reserve, covers the yearly debt service at the "
            "covenant ratio (and at least once).")
def debt_cover(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.income.given:
        return
    view = credit.credit_view(sheet)
    if view.dscr is None:
        return
    floor = sheet.covenants.min_dscr or Decimal(1)
    if view.dscr < floor or view.dscr < 1:
        inc = view.stabilised
        what = f"the covenant minimum of {sheet.covenants.min_dscr}" if sheet.covenants.min_dscr else "1.0"
        extra = (f"; return of {money(view.pre_income)} accrues on capital drawn before rent starts on "
                 f"{long_date(sheet.income.income_starts)}") if view.pre_income else ""
        yield (f"with every home let ({inc.homes} homes), rent collected of {money(inc.gross)} less operating costs of "
               f"{money(inc.costs)} and the reserve of {money(inc.reserve)} leaves {money(inc.net)} a year against debt "
               f"service of {money(view.service)}: cover of {view.dscr}, below {what}{extra}", ("income",))


@RULES.rule("COINV-COVER-TEST-YEARS", "warning",
            "The debt service cover covenant is met in every year it is tested, counting only the homes bought by the "
            "start of the year (the acquisition ramp-up) and the return and instalments due in that year.")
def cover_test_years(ctx: RuleContext):
    sheet = ctx.sheet
    floor = sheet.covenants.min_dscr
    years = credit.covenant_years(sheet)
    short = [y for y in years if y.cover is not None and y.cover < floor]
    if not short:
        return
    first = short[0]
    full = credit.full_stock_date(sheet)
    ramp = (f"; the homes are to be bought and let by {long_date(full)}, so a Test Year starting earlier counts the homes "
            "still being bought and let" if full and first.start < full else "")
    yield (f"the debt service cover covenant ({floor}) is first tested in the year from "
           f"{long_date(credit.cover_test_start(sheet))} and fails in {len(short)} of the {len(years)} Test Years: in "
           f"the year from {long_date(first.start)}, {first.homes} homes leave {money(first.net)} after costs and the "
           f"reserve against {money(first.service)} due to the tested investments, cover of {first.cover}{ramp}; the "
           "delivery organisation would be in breach from that year. Start the test later "
           "(covenants.dscr_tested_from), reschedule the instalments or fund a reserve",
           ("covenants", "dscr_tested_from" if sheet.covenants.dscr_tested_from else "min_dscr"))


def first_annual_report_due(sheet):
    """The latest day the first Annual Impact Report can be sent: 40 Business Days (at least eight weeks) after the
    first Partnership Year ends. The Partnership Board approves it later still."""
    return add_years(sheet.partnership.term.start, 1) + dt.timedelta(weeks=8)


@RULES.rule("COINV-REPORT-BEFORE-DRAWDOWN", "warning",
            "A drawdown conditional on an annual report comes after that report can be due and approved.")
def report_before_drawdown(ctx: RuleContext):
    sheet = ctx.sheet
    due = first_annual_report_due(sheet)
    for i, d in enumerate(sheet.drawdowns):
        text = (d.condition or "").casefold()
        if "annual" in text and "report" in text and d.date <= due:
            yield (f"the drawdown of {money(d.amount)} on {long_date(d.date)} is conditional on an annual report, but "
                   f"the first Partnership Year ends on {long_date(first_year_end(sheet.partnership.term.start))} and its "
                   f"Annual Impact Report is due up to 40 Business Days later (about {long_date(due)}), then approved "
                   "by the Partnership Board: move the drawdown after that, or make the condition a report the "
                   "agreement requires earlier", ("drawdowns", i, "date"))


def first_year_end(start):
    """The last day of the first Partnership Year."""
    return add_years(start, 1) - dt.timedelta(days=1)


@RULES.rule("COINV-DRAWDOWN-LONGSTOP", "info",
            "A drawdown dated on or before the conditions long-stop is payable on the later of its date and ten "
            "Business Days after the Completion Date.")
def drawdown_longstop(ctx: RuleContext):
    sheet = ctx.sheet
    longstop = sheet.partnership.conditions_longstop
    early = [(i, d) for i, d in enumerate(sheet.drawdowns) if d.date <= longstop]
    if early:
        i, d = early[0]
        yield (f"{len(early)} drawdown{'s are' if len(early) != 1 else ' is'} dated on or before the conditions "
               f"long-stop of {long_date(longstop)} (the first {long_date(d.date)}), when the Completion Conditions may "
               "not yet be met: the draft makes each payable on the later of its date and ten Business Days after the "
               "Completion Date, and the instalment dates follow the actual last drawdown", ("drawdowns", i, "date"))


@RULES.rule("COINV-LTV", "warning",
            "Loan to value at each drawdown and at full drawdown is within the covenant maximum and below 100%.")
def loan_to_value(ctx: RuleContext):
    sheet = ctx.sheet
    cap = sheet.covenants.max_ltv
    basis = sheet.covenants.valuation_basis
    from_date = credit.ltv_test_start(sheet)
    for d in credit.drawdown_checks(sheet):
        if d.ltv is None or (from_date and d.date < from_date):
            continue
        if (cap is not None and d.ltv > cap) or d.ltv > 100:
            limit = f"the covenant maximum of {cap}%" if cap is not None else "100%"
            yield (f"after the drawdown of {money(d.amount)} on {long_date(d.date)}, capital of {money(d.covered_drawn)} "
                   f"against charged property worth {money(d.value)} ({basis}; {d.homes_bought} bought homes once the cash drawn is "
                   f"spent) is a loan to value of {d.ltv}%, above {limit}", ("drawdowns", d.index, "amount"))
    lent, value, ltv = credit.full_ltv(sheet)
    if ltv is not None and ((cap is not None and ltv > cap) or ltv > 100):
        yield (f"at full drawdown, capital of {money(lent)} against charged property worth {money(value)} ({basis}) is a loan to "
               f"value of {ltv}%, above {'the covenant maximum of ' + str(cap) + '%' if cap is not None else '100%'}",
               ("covenants", "max_ltv"))


VACANT_POSSESSION = re.compile(r"vacant possession|\bwith VP\b|\bMV-?VP\b", re.I)
SUBJECT_TO_TENANCIES = re.compile(r"subject to (the )?(existing |assured )?tenanc|\bMV-?STT\b|\bMV-?T\b|tenanted", re.I)
# Existing use value for social housing is a basis of its own in the RICS UK national supplement (not Market Value):
# it values the homes let, and kept let, as social housing, so it is never a vacant-possession value. The draft then
# uses its own defined term (EUV-SH Value) for the loan-to-value covenant.
EUV_SH = re.compile(r"\bEUV-?SH\b|existing use value for social housing", re.I)


@RULES.rule("COINV-LTV-BASIS", "warning",
            "The loan-to-value covenant values let homes on the basis a mortgagee could sell them: subject to the "
            "tenancies, not with vacant possession.")
def ltv_basis(ctx: RuleContext):
    """Homes let on assured periodic tenancies (every residential tenancy from 1 May 2026) are sold by a mortgagee
    enforcing its charge subject to those tenancies: a covenant tested on vacant possession values overstates what
    the investors could realise, and one that names neither basis leaves the valuer to choose."""
    sheet = ctx.sheet
    if sheet.covenants.max_ltv is None or not _lets_homes(sheet):
        return
    basis = sheet.covenants.valuation_basis
    if EUV_SH.search(basis) and not VACANT_POSSESSION.search(basis):
        return
    if VACANT_POSSESSION.search(basis) and not SUBJECT_TO_TENANCIES.search(basis):
        yield (f"the loan-to-value covenant is tested on {basis!r}, but the homes are let on assured tenancies: an "
               "investor enforcing its charge sells them subject to those tenancies, for less than a vacant-possession "
               "value, so the covenant would pass while the security falls short; use 'market value subject to "
               "existing tenancies' or state both values", ("covenants", "valuation_basis"))
    elif not VACANT_POSSESSION.search(basis) and not SUBJECT_TO_TENANCIES.search(basis):
        yield (f"the loan-to-value covenant's basis of value ({basis!r}) says neither 'subject to existing tenancies' "
               "nor 'vacant possession': state the basis on which a mortgagee selling the let homes would be valued",
               ("covenants", "valuation_basis"))


@RULES.rule("COINV-FUNDING-GAP", "warning",
            "The cash contributions pay for the homes to be bought at the cost cap, the works and the return before "
            "rent starts.")
def funding_gap(ctx: RuleContext):
    sheet = ctx.sheet
    su = credit.sources_and_uses(sheet)
    if su.gap > 0:
        n = credit.affordable_homes(sheet, su.total_sources)
        yield (f"the uses add up to {money(su.total_uses)} but the cash available is {money(su.total_sources)}: a funding "
               f"gap of {money(su.gap)}; the cash buys about {n} of the {sheet.acquisition.homes_to_acquire} homes, so the "
               f"draft says \"{sheet.acquisition.homes_to_acquire} homes, or as many as the Contributions allow within "
               "the Acquisition Criteria\"", ("acquisition", "homes_to_acquire"))


@RULES.rule("COINV-DRAWDOWN-FEASIBLE", "warning",
            "A drawdown that requires homes bought first comes after enough cash to buy them at the price cap.")
def drawdown_feasible(ctx: RuleContext):
    for d in credit.drawdown_checks(ctx.sheet):
        if not d.feasible:
            yield (f"the drawdown on {long_date(d.date)} requires {d.homes_required} homes bought first, which costs at "
                   f"least {money(d.needed)} at the price cap of {money(ctx.sheet.acquisition.price_cap)}, but only "
                   f"{money(d.cash_before)} is drawn before it", ("drawdowns", d.index, "homes_required"))


@RULES.rule("COINV-INSTALMENTS-MATURITY", "error",
            "A maturity date given with stated instalments is the date of the last instalment.")
def instalments_maturity(ctx: RuleContext):
    sheet = ctx.sheet
    for i, (inv, service) in enumerate(zip(sheet.contributions.investments, sheet.debt_service)):
        if inv.instalment_years and inv.maturity and service.payment_dates and inv.maturity != service.payment_dates[-1]:
            yield (f"the {possessive(inv.investor)} {inv.instalment_years} yearly instalments end on "
                   f"{long_date(service.payment_dates[-1])} but its maturity is given as {long_date(inv.maturity)}; the "
                   "draft never changes either: make them the same", ("contributions", "investments", i, "maturity"))


@RULES.rule("COINV-SURPLUS-ONLY-RETURN", "info",
            "An investor whose return is paid only from what remains after the fixed payments is told so.")
def surplus_only_return(ctx: RuleContext):
    for i, inv in enumerate(ctx.sheet.contributions.investments):
        if inv.return_basis != "fixed":
            kind = "target return" if inv.return_basis == "target" else "share of what remains"
            yield (f"the {possessive(inv.investor)} return is a {kind}, paid only from income left after operating costs, the "
                   f"reserve and the fixed payments, and {'carried forward' if inv.cumulative else 'lost'} in a year "
                   "that does not pay it in full: its investment committee should see the waterfall's stress cases",
                   ("contributions", "investments", i, "return_basis"))


@RULES.rule("COINV-COVENANT-NO-FIXED", "info",
            "Covenants limited to the senior (fixed-return) debt, where no investment has a fixed return, test every "
            "investment at its target rate.")
def covenant_no_fixed(ctx: RuleContext):
    """A sheet with target-return or surplus-share investments only and senior_only left true used to produce a
    cover test owed to no one ("falling due ... to .") and a cover with no denominator."""
    sheet = ctx.sheet
    if sheet.covenants.min_dscr is None and sheet.covenants.max_ltv is None:
        return
    if sheet.covenants.senior_only and not any(i.return_basis == "fixed" for i in sheet.contributions.investments):
        names = ", ".join(f"the {i.investor}" for i in sheet.contributions.investments)
        yield (f"covenants.senior_only limits the covenants to investments with a fixed return, but none has one: the "
               f"draft tests all investment capital ({names}), counting each target return or share of what remains "
               "at its full rate as Scheduled Debt Service; set senior_only: false to say so, or check the investors' "
               "offer", ("covenants", "senior_only"))


@RULES.rule("COINV-BULLET-ASSET-LOCK", "info",
            "Capital repaid in one sum while the homes are asset-locked depends on refinancing, not on a sale.")
def bullet_asset_lock(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.disposal.asset_lock:
        return
    for i, (inv, service) in enumerate(zip(sheet.contributions.investments, sheet.debt_service)):
        if inv.repayment == "at_end":
            yield (f"the {possessive(inv.investor)} {money(inv.amount)} is repaid in one sum on {long_date(service.maturity)} while "
                   "the homes are locked to the purpose, so it can be repaid only from refinancing or reserves, not by "
                   f"selling homes on the open market; refinanced at {sheet.income.refinancing_rate}% over "
                   f"{sheet.income.refinancing_years} years it costs "
                   f"{money(credit_instalment(inv.amount, sheet.income.refinancing_rate, sheet.income.refinancing_years))} "
                   "a year", ("contributions", "investments", i, "repayment"))


@RULES.rule("COINV-BULLET-RESERVE", "warning",
            "The Capital Repayment Reserve, paid after the fixed and target returns and before any capped share of "
            "what remains, holds capital repaid in one sum in full by its Maturity Date on the business plan.")
def bullet_reserve(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.income.given:
        return
    shorts = {s[0].investor: s for s in credit.bullet_shortfalls(sheet, credit.waterfall_years(sheet))}
    for i, inv in enumerate(sheet.contributions.investments):
        if inv.investor not in shorts:
            continue
        _, held, short = shorts[inv.investor]
        yield (f"the {possessive(inv.investor)} {money(inv.amount)} is due in one sum on {long_date(inv.service.maturity)}, but "
               f"on the business plan the Capital Repayment Reserve of {money(inv.yearly_reserve)} a year (paid after "
               f"the fixed and target returns and before any capped share of what remains, with surplus swept into it) "
               f"holds only {money(held)} "
               f"that day, so {money(short)} depends on refinancing, which the senior investor must approve",
               ("contributions", "investments", i, "repayment"))


@RULES.rule("COINV-PAYMENT-EARLY-IN-YEAR", "warning",
            "A fixed return or instalment does not fall due so early in a Partnership Year that the year's income "
            "received by its date cannot pay it (Schedule 3 then makes the delivery body set it aside the year before).")
def payment_early_in_year(ctx: RuleContext):
    sheet = ctx.sheet
    early = credit.early_payments(sheet)
    if not early:
        return
    e = early[0]
    i = next(k for k, inv in enumerate(sheet.contributions.investments) if inv.investor == e.investor)
    yield (f"{possessive(e.investor)} {money(e.amount)} falls due on {long_date(e.due)}, {(e.due - e.year_start).days} days into "
           f"the Partnership Year starting {long_date(e.year_start)}, when "
           f"{'only about ' + money(e.income_by) if e.income_by else 'none'} of that year's "
           f"income after costs and the reserve will have come in ({len(early)} such payments over the term): the draft "
           "makes the delivery body set each year's fixed payments aside from the previous year's income (the Debt "
           "Service Retention) and fund the first from its own resources. Confirm it can, or agree payment dates at the "
           "end of each Partnership Year (or quarterly) with the investor", ("contributions", "investments", i, "investor"))


EMPTY_WORDS = re.compile(r"\b(?:empty|vacant|unoccupied)\b", re.I)
OCCUPIED_WORD = re.compile(r"\b(?:occupied|tenanted|let)\b", re.I)


@RULES.rule("COINV-EMPTY-BUT-OCCUPIED", "warning",
            "A property contribution described as empty or vacant has no property transferred with an occupier.")
def empty_but_occupied(ctx: RuleContext):
    for i, c in enumerate(ctx.sheet.contributions.authority + ctx.sheet.contributions.delivery):
        if c.kind != "property" or not EMPTY_WORDS.search(c.description or "") or OCCUPIED_WORD.search(c.description):
            continue
        occupied = [p.address for p in c.properties if p.occupiers and not p.vacate_before_transfer]
        if occupied:
            side = "authority" if i < len(ctx.sheet.contributions.authority) else "delivery"
            k = i if side == "authority" else i - len(ctx.sheet.contributions.authority)
            yield (f"the contribution is described as '{c.description}', but {', '.join(occupied)} "
                   f"{'is' if len(occupied) == 1 else 'are'} transferred with an occupier (Schedule 1 shows it): say how "
                   "many are empty and which are occupied, since the description appears in Schedule 2",
                   ("contributions", side, k, "description"))


@RULES.rule("COINV-HELD-FOR-UNKNOWN", "warning",
            "How the authority holds each property it contributes is stated, never assumed.")
def held_for_unknown(ctx: RuleContext):
    for loc, p in _authority_properties(ctx):
        if p.held_for is None:
            yield (f"the term sheet does not say how the authority holds {p.address} (for general purposes, disposed of "
                   "under s.123 of the Local Government Act 1972, or for housing, under s.32 of the Housing Act 1985): "
                   "the draft shows both routes in square brackets and an open fact", (*loc, "held_for"))


@RULES.rule("COINV-INSTALMENTS-BEFORE-FULL-STOCK", "warning",
            "Capital instalments on the fixed-return investments start only once every home is bought and let, or "
            "the draft's cover for the years before is stated: otherwise the instalments fall due from a part-let "
            "portfolio.")
def instalments_before_full_stock(ctx: RuleContext):
    sheet = ctx.sheet
    full = credit.full_stock_date(sheet)
    for e in credit.early_instalments(sheet):
        inv = sheet.contributions.investments[e.index]
        when = (f"while the homes are still being let for the first time (the letting-up year ends {long_date(full)})"
                if e.homes >= e.every else
                f"before every home is bought and let ({long_date(full)}): about {e.homes} of the {e.every} homes earn "
                "rent by then")
        yield (f"{possessive(e.investor)} instalments of {money(e.yearly)} a year start on {long_date(e.first)}, {when}. "
               "Agree an interest-only period to that date (first_instalment), a debt service reserve funded before "
               "it, or capitalised return, and say which in the loan terms",
               ("contributions", "investments", e.index, "first_instalment" if inv.first_instalment else "repayment"))


@RULES.rule("COINV-WORKS-AFTER-RENT", "warning",
            "The works to the scheduled properties are due to finish before rent from them is planned to start.")
def works_after_rent(ctx: RuleContext):
    sheet = ctx.sheet
    done, start = sheet.acquisition.works_complete_by, sheet.income.income_starts
    if done and start and done >= start:
        yield (f"the works are to be finished by {long_date(done)}, but rent is planned from {long_date(start)}: the "
               "homes cannot be let before the works are done, so the cover and the waterfall count rent that the "
               "programme does not allow. Move one of the dates", ("acquisition", "works_complete_by"))


@RULES.rule("COINV-CLAWBACK-BEFORE-LOAN", "warning",
            "The clawback lasts at least as long as the investors' loans secured on the homes, or the sheet's choice to "
            "let it end earlier is visible: otherwise the authority's contribution is unprotected by clawback while the "
            "homes still carry the debt.")
def clawback_before_loan(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.contributions.authority_properties and not sheet.contributions.authority_grant:
        return
    ends = add_years(sheet.partnership.term.start, sheet.clawback.years)
    for i, (inv, service) in enumerate(zip(sheet.contributions.investments, sheet.debt_service)):
        if service.maturity > ends:
            need = service.maturity.year - sheet.partnership.term.start.year + (
                1 if (service.maturity.month, service.maturity.day) > (sheet.partnership.term.start.month,
                                                                       sheet.partnership.term.start.day) else 0)
            lock = (" (the asset lock continues, but nothing is repaid to the authority on a breach in those years)"
                    if sheet.disposal.asset_lock else "")
            yield (f"the clawback ends {sheet.clawback.years} years after each transfer or purchase ({long_date(ends)} at "
                   f"the earliest), before {possessive(inv.investor)} capital is repaid on "
                   f"{long_date(service.maturity)}{lock}. Lengthen clawback.years to {need} or more, or confirm that "
                   "the clawback is meant to end first", ("clawback", "years"))
            return


@RULES.rule("COINV-BUILD-PLANNING", "warning",
            "New homes built on the properties are not said to need no planning permission: building dwellings is "
            "development that needs it.")
def build_planning(ctx: RuleContext):
    sheet = ctx.sheet
    if sheet.builds_new_homes and sheet.acquisition.planning_permission == "not_needed":
        yield ("the homes on the properties in the schedule are built new, but planning_permission says none is "
               "needed: building dwellings is development (Town and Country Planning Act 1990 ss.55 and 57). Say "
               "'needed' or 'granted'", ("acquisition", "planning_permission"))


@RULES.rule("COINV-REGISTERED-PROVIDER", "warning",
            "The delivery organisation's legal form and the nominations block agree on whether it is a registered "
            "provider of social housing.")
def registered_provider_agrees(ctx: RuleContext):
    sheet = ctx.sheet
    nominations = sheet.nominations
    if nominations is None:
        return
    by_form = sheet.delivery.legal_form == LegalForm.registered_provider
    if by_form and nominations.registered_provider is False:
        yield (f"{sheet.delivery.name} is a registered provider by its legal form, but nominations.registered_provider "
               "is false: a nomination to its assured tenancy is an allocation under Part 6 of the Housing Act 1996, "
               "and the Regulator's rules and the moratorium apply. Set it to true",
               ("nominations", "registered_provider"))
    elif nominations.registered_provider and not by_form and not sheet.delivery.rsh_number:
        yield (f"nominations.registered_provider is true, but {possessive(sheet.delivery.name)} legal form is not a registered "
               "provider and no Regulator of Social Housing number is given: give its rsh_number (or its legal form) so "
               "that the parties clause and the security clause agree", ("nominations", "registered_provider"))


@RULES.rule("COINV-REGISTERED-PROVIDER-UNKNOWN", "warning",
            "Where the Authority nominates tenants, the sheet says whether the delivery organisation is a registered "
            "provider of social housing (the draft never assumes it).")
def registered_provider_unknown(ctx: RuleContext):
    sheet = ctx.sheet
    if sheet.nominations is not None and sheet.delivery_registered_provider is None:
        yield (f"the sheet does not say whether {sheet.delivery.name} is a private registered provider of social housing: "
               "it decides whether nominations are allocations under Part 6 of the Housing Act 1996, whether the Rent "
               "Standard caps the rents and whether the Regulator's consent regime applies. Set "
               "nominations.registered_provider (or give its rsh_number); until then the warranty is an open fact",
               ("nominations", "registered_provider"))


# ---- credit (review pack) ----
# The investor's view, from the one cash-flow model in assembler/credit/cashflow.py. Ids start CREDIT- so the
# family's own list of firing cases is not touched; tests/credit/test_credit_rules.py has a firing and a quiet
# case for each.

from assembler.credit import cashflow as cashflow_model  # noqa: E402


@RULES.rule("CREDIT-COVER-BELOW-ONE", "error",
            "With every home the cash buys let, the rent after voids, operating costs and the repairs reserve pays the "
            "yearly debt service on the tested investments at least once.")
def credit_cover_below_one(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.income.given:
        return
    homes = credit.affordable_homes(sheet, sheet.contributions.cash_total)
    year, service = credit.year_income(sheet, homes), credit.yearly_debt_service(sheet)
    cover = credit.cover(year.net, service)
    if cover is not None and cover < 1:
        yield (f"with every home the cash buys let ({year.homes} homes), {money(year.net)} a year is left after costs "
               f"and the reserve against debt service of {money(service)}: cover of {cover}, so the rents cannot pay "
               "the investors even once and the shortfall grows every year. The deal does not work as it stands: "
               "more grant, less debt, a longer repayment or more homes", ("income",))


CREDIT_GAP_HOMES = Decimal("0.9")  # a gap that leaves fewer than this share of the homes bought stops the draft


@RULES.rule("CREDIT-FUNDING-GAP", "error",
            "The cash contributions buy at least nine in ten of the homes to be bought at the cost cap, after the works "
            "and the return before rent starts (a smaller gap is the family's funding-gap warning: the draft buys as "
            "many homes as the Contributions allow).")
def credit_funding_gap(ctx: RuleContext):
    sheet = ctx.sheet
    su = credit.sources_and_uses(sheet)
    target = sheet.acquisition.homes_to_acquire
    homes = credit.affordable_homes(sheet, su.total_sources)
    if su.gap > 0 and target and homes < CREDIT_GAP_HOMES * target:
        yield (f"the cash available ({money(su.total_sources)}) is {money(su.gap)} short of what the deal must pay "
               f"for ({money(su.total_uses)}): it buys {homes} of the {target} homes, so the homes and the rent the "
               "investors lend against are not there. Find the money or reduce the homes to acquire before the draft "
               "is prepared", ("acquisition", "homes_to_acquire"))


@RULES.rule("CREDIT-SECURED-LTV", "warning",
            "At each drawdown the tested investments are covered by the value of the property charged then, not by "
            "cash held in the Partnership Account, which is not charged.")
def credit_secured_ltv(ctx: RuleContext):
    sheet = ctx.sheet
    limit = sheet.covenants.max_ltv
    if limit is None:
        return
    over = [e for e in cashflow_model.exposures(sheet) if e.lent and e.ltv is not None and e.ltv > limit]
    if over:
        worst = max(over, key=lambda e: e.ltv)
        yield (f"after the drawdown of {money(worst.amount)} on {long_date(worst.date)}, capital of "
               f"{money(worst.lent)} is secured on charged property worth {money(worst.charged)} (the Schedule 1 "
               f"properties and about {worst.homes_bought} homes bought by then): {worst.ltv}% against the "
               f"{limit}% maximum; {len(over)} drawdown{'s are' if len(over) != 1 else ' is'} over it. The covenant's "
               "figure assumes the cash is already spent on homes, but until then it sits in the Partnership Account, "
               "which is not charged: have the investor draw last, charge or escrow the account, or draw against "
               "homes bought", ("drawdowns", worst.index, "date"))


@RULES.rule("CREDIT-DRAWDOWN-ON-TIME", "warning",
            "A drawdown that requires homes bought first is dated no earlier than the acquisition timetable buys them.")
def credit_drawdown_on_time(ctx: RuleContext):
    sheet = ctx.sheet
    for e in cashflow_model.exposures(sheet):
        if e.homes_required and e.on_time < e.homes_required and sheet.acquisition.deadline:
            when = f"; the {e.homes_required}th comes about {long_date(e.reached)}" if e.reached else ""
            yield (f"the drawdown on {long_date(e.date)} requires {e.homes_required} homes bought first, but the "
                   f"acquisition timetable ({sheet.acquisition.homes_to_acquire} homes by "
                   f"{long_date(sheet.acquisition.deadline)}, at a steady pace from the first drawdown) has bought "
                   f"about {e.on_time} by then{when}. The drawdown, and any instalments counted from it, would slip: "
                   "move its date or the number of homes", ("drawdowns", e.index, "homes_required"))


@RULES.rule("CREDIT-DRAWDOWN-ALL-IN", "warning",
            "A drawdown that requires homes bought first comes after enough cash to buy them at the all-in cost per "
            "home (price, works and costs), not the price cap alone.")
def credit_drawdown_all_in(ctx: RuleContext):
    sheet = ctx.sheet
    cost = sheet.acquisition.all_in_cap
    if not cost:
        return
    for e in cashflow_model.exposures(sheet):
        if e.homes_required and e.affordable < e.homes_required:
            yield (f"the drawdown on {long_date(e.date)} requires {e.homes_required} homes bought first, which at the "
                   f"all-in cost of {money(cost)} a home needs {money(cost * e.homes_required)}, but the cash drawn "
                   f"before it buys {e.affordable} after the works and the return before rent starts",
                   ("drawdowns", e.index, "homes_required"))


@RULES.rule("CREDIT-DRAWDOWN-REPEATED", "warning",
            "A drawdown's condition asks for more than an earlier drawdown's, so that it tests something new.")
def credit_drawdown_repeated(ctx: RuleContext):
    sheet = ctx.sheet
    for e in cashflow_model.exposures(sheet):
        if e.repeats is not None:
            yield (f"the condition of the drawdown on {long_date(e.date)} repeats that of the drawdown on "
                   f"{long_date(sheet.drawdowns[e.repeats].date)}, which must already be met by then, so it protects "
                   "nothing: ask for more homes (or another milestone), or drop it", ("drawdowns", e.index, "condition"))


@RULES.rule("CREDIT-CONTROLLED-CONTRIBUTION", "warning",
            "The tested investments still meet the cover covenant if a contribution another party controls, due "
            "after they are fully drawn, is never paid.")
def credit_controlled_contribution(ctx: RuleContext):
    sheet = ctx.sheet
    floor = sheet.covenants.min_dscr
    if not sheet.income.given or floor is None:
        return
    for i in cashflow_model.unpaid_contributions(sheet):
        o = cashflow_model.outcome(sheet, cashflow_model.missing_case(sheet, i))
        if o.full_year_cover is not None and o.full_year_cover < floor:
            d = sheet.drawdowns[i]
            yield (f"the {possessive(d.contributor)} {money(d.amount)} due on {long_date(d.date)} comes after the tested "
                   f"investments are fully drawn; if it is never paid the cash buys {o.homes} of the "
                   f"{sheet.acquisition.homes_to_acquire} homes and cover with them all let is {o.full_year_cover}, "
                   f"below the covenant of {floor}. Draw it before the investors' last drawdown, or make the "
                   "investors' later drawdowns conditional on it", ("drawdowns", i, "date"))


@RULES.rule("CREDIT-EARLY-SHORTFALL", "warning",
            "In the base case the rent pays every fixed return and instalment when due, or the deal says who funds the "
            "shortfall.")
def credit_early_shortfall(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.income.given:
        return
    rows = cashflow_model.model(sheet)
    short = [r for r in rows if r.arrears]
    if short:
        peak = max(short, key=lambda r: r.arrears)
        yield (f"in the base case the fixed payments are not met in full in {len(short)} Partnership Year"
               f"{'s' if len(short) != 1 else ''} (the first from {long_date(short[0].start)}); unpaid, with return "
               f"on them, they reach {money(peak.arrears)}. The waterfall carries them forward, so the investor "
               "funds them by waiting: agree a debt service reserve funded at completion, a later first instalment, "
               "or that the delivery organisation pays them from its own reserves", ("income",))


@RULES.rule("CREDIT-COVER-TREND", "warning",
            "With operating costs rising at the model's cost inflation and rents flat (or rising at income.rent_increase_percent), the cover stays at or above the "
            "covenant in every Test Year (a cure cannot fix a trend: the rent review and the cost budget must keep pace).")
def credit_cover_trend(ctx: RuleContext):
    sheet = ctx.sheet
    floor = sheet.covenants.min_dscr
    if not sheet.income.given or floor is None:
        return
    for case in cashflow_model.stress_set(sheet):
        if not case.cost_index:
            continue
        o = cashflow_model.outcome(sheet, case)
        if o.below_covenant is None:
            continue
        below_one = f", and below 1.0 from the one starting {long_date(o.below_one.start)}" if o.below_one else ""
        yield (f"with {case.label.lower()}, the cover falls below the covenant of {floor} from the Test Year "
               f"starting {long_date(o.below_covenant.start)} ({o.below_covenant.cover}){below_one}, while the "
               "tested capital is still outstanding: the covenant is expected to fail unless rents keep pace. Agree "
               "a yearly rent review to the level the business plan assumes (within the rent cap and the law on "
               "rent increases) and make an operating-cost budget above inflation a matter the Investors approve, "
               "or change the covenant or the repayment profile", ("covenants", "min_dscr"))


EXCEPTED_WORDS = re.compile(r"\bexcept(?:s|ed|ing)?\s+and\s+reserve|\breserv(?:es|ed|ing)\b.*\b(?:to|for)\s+the\s+\w+\b|"
                            r"\b(?:keeps|retains)\s+the\s+benefit\b", re.I)


@RULES.rule("COINV-OCCUPIER-EXCEPTED", "warning",
            "A part of a property the authority keeps is excepted from the lease or transfer, not listed as an occupier.")
def occupier_excepted(ctx: RuleContext):
    for loc, p in _authority_properties(ctx):
        if p.occupiers and EXCEPTED_WORDS.search(p.occupiers):
            yield (f"{p.address}: the occupiers say the authority keeps or excepts and reserves part of the property; a part "
                   "it keeps is not an occupier the delivery organisation takes the property subject to: put it under "
                   "excepted (the draft then excepts and reserves it, with access, repair and works heads) and leave "
                   "occupiers for tenancies and occupations actually taken over", (*loc, "occupiers"))


@RULES.rule("COINV-S25-CONSENT-NAMED", "warning",
            "The general consent relied on under s.25 of the Local Government Act 1988 is named on the face of the "
            "agreement, not by a paragraph identified in another document.")
def s25_consent_named(ctx: RuleContext):
    if ctx.sheet.consents.financial_assistance_unnamed:
        yield ("consents.financial_assistance_reference identifies the general consent only through another document "
               "(a report or decision), which the other parties cannot check and a court would have to look outside the "
               "agreement for: name the consent itself by its letter ('General Consent [letter] of the General "
               "Consents under section 25 of the Local Government Act 1988 (Local Authority assistance for privately let "
               "housing) 2010'), after checking that its conditions and limits cover this assistance; until then the "
               "draft names the consent with a placeholder for its letter",
               ("consents", "financial_assistance_reference"))


def _security_ranking(sheet) -> str:
    """The security_ranking position, investor-first (the standard) where the sheet leaves it out."""
    return sheet.positions.get("security_ranking", "investor-first")


def charge_ranks(sheet) -> dict[str, int]:
    """The rank of each charge on the Priority Deed table (fixed-return investors first, then the others, with the
    authority's charge where the ranking puts it): investor short name (or 'authority') -> rank."""
    ranking = _security_ranking(sheet)
    invs = sheet.contributions.investments
    ordered = [i for i in invs if i.return_basis == "fixed"] + [i for i in invs if i.return_basis != "fixed"]
    if ranking == "pari-passu":
        return {**{i.investor: 1 for i in ordered}, "authority": 1}
    if ranking == "authority-first":
        return {"authority": 1, **{i.investor: k + 2 for k, i in enumerate(ordered)}}
    juniors = set(sheet.junior_investors)
    seniors = [i for i in ordered if i.investor not in juniors]
    out = {i.investor: k + 1 for k, i in enumerate(seniors)}
    if juniors or sheet.authority_second_charge:
        out["authority"] = len(seniors) + 1
        out.update({i.investor: len(seniors) + 2 + k for k, i in enumerate(i for i in ordered if i.investor in juniors)})
    return out


@RULES.rule("COINV-RANK-AFTER-AUTHORITY", "warning",
            "An investor marked to rank behind the authority fits the chosen security ranking.")
def rank_after_authority(ctx: RuleContext):
    sheet = ctx.sheet
    ranking = _security_ranking(sheet)
    marked = [(k, i) for k, i in enumerate(sheet.contributions.investments) if i.ranks_after_authority]
    if not marked:
        return
    for k, inv in marked:
        if ranking != "investor-first":
            yield (f"the {possessive(inv.investor)} investment is marked ranks_after_authority, but security_ranking is "
                   f"'{ranking}', which already sets the authority's place: the mark has no effect; remove it or "
                   "choose 'investor-first'", ("contributions", "investments", k, "ranks_after_authority"))
        elif not sheet.security.investor_charge:
            yield (f"the {possessive(inv.investor)} investment is marked ranks_after_authority, but no investor takes a charge "
                   "(security.investor_charge is false): the mark has no effect",
                   ("contributions", "investments", k, "ranks_after_authority"))
    if ranking == "investor-first" and sheet.security.investor_charge and len(marked) == len(sheet.contributions.investments):
        yield ("every investor is marked ranks_after_authority, so the authority's charge ranks first: choose "
               "security_ranking 'authority-first' instead, which drafts that order throughout",
               ("positions", "security_ranking"))


@RULES.rule("COINV-AUTHORITY-CHARGE", "warning",
            "An authority charge asked for under investor-first ranking has investor charges to rank after.")
def authority_charge(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.security.authority_charge:
        return
    ranking = _security_ranking(sheet)
    if ranking != "investor-first":
        yield (f"security.authority_charge is true, but security_ranking is '{ranking}', which already gives the "
               "authority a charge and sets its place: the field has no effect; remove it",
               ("security", "authority_charge"))
    elif not sheet.security.investor_charge:
        yield ("security.authority_charge is true, but no investor takes a charge (security.investor_charge is false), "
               "so there is nothing for the authority's charge to rank after and the draft gives it no charge: choose "
               "security_ranking 'authority-first' for a first charge to the authority",
               ("security", "authority_charge"))


@RULES.rule("COINV-INVESTMENT-UNSECURED", "warning",
            "An investment described as unsecured does not take an Investor Charge.")
def investment_unsecured(ctx: RuleContext):
    """The description is printed in the contributions schedule as the sheet gives it: "unsecured" there contradicts
    the Investor Charge the security clause grants every investor (r22 ci-fresh finding 15)."""
    sheet = ctx.sheet
    if not sheet.security.investor_charge:
        return
    for n, inv in enumerate(sheet.contributions.investments):
        if inv.description and re.search(r"\bunsecured\b(?!-to-)", inv.description, re.I):
            yield (f"the description of {possessive(inv.investor)} investment says it is unsecured, but security.investor_charge "
                   "gives every investor an Investor Charge, and the contributions schedule prints the description as "
                   "written: describe the investment by its charge and rank, or confirm that this investor takes none",
                   ("contributions", "investments", n, "description"))


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5}
_RANK_WORDS = re.compile(r"\b(first|second|third|fourth|fifth)(?:[- ]ranking|[- ]legal charge|[- ]charge)", re.I)


@RULES.rule("COINV-DRAWDOWN-RANK", "warning",
            "A drawdown condition that names an investor's charge by its rank matches the ranking the draft sets.")
def drawdown_rank(ctx: RuleContext):
    sheet = ctx.sheet
    if not sheet.security.investor_charge:
        return
    ranks = charge_ranks(sheet)
    for k, d in enumerate(sheet.drawdowns):
        if d.contributor not in ranks or not d.condition:
            continue
        m = _RANK_WORDS.search(d.condition)
        if m and _ORDINALS[m.group(1).lower()] != ranks[d.contributor]:
            yield (f"the {possessive(d.contributor)} drawdown on {long_date(d.date)} is conditional on a "
                   f"'{m.group(0)}' charge, but the draft ranks its Investor Charge number {ranks[d.contributor]} "
                   "in the Priority Deed: correct the condition (and the investor's offer letter) or the ranking",
                   ("drawdowns", k, "condition"))


_AHP_2026 = re.compile(r"(?<!social and )affordable homes programme\s*\(?(?:ahp\)?\s*)?2026", re.I)


@RULES.rule("COINV-GRANT-PROGRAMME", "warning",
            "A Homes England grant from 2026 names the Social and Affordable Homes Programme 2026 to 2036.")
def grant_programme(ctx: RuleContext):
    for side in ("authority", "delivery"):
        for k, c in enumerate(getattr(ctx.sheet.contributions, side)):
            if c.kind == "grant" and _AHP_2026.search(c.description or ""):
                yield (f"the grant of {money(c.amount)} is described as from the 'Affordable Homes Programme 2026', but "
                       "Homes England's programme from 1 April 2026 is the Social and Affordable Homes Programme 2026 to "
                       "2036 (SAHP; the Affordable Homes Programme ran 2021 to 2026): correct the description, which the "
                       "draft prints in its completion conditions and Schedule 2, and confirm with the grant recipient "
                       "the programme and the grant agreement for these homes", ("contributions", side, k, "description"))


@RULES.rule("COINV-LET-BY", "warning",
            "The date by which every bought home must be let is after the acquisition deadline, so that a home bought on "
            "the deadline has time for its works.")
def let_by_after_deadline(ctx: RuleContext):
    a = ctx.sheet.acquisition
    if a.let_by and a.deadline and a.homes_to_acquire and a.let_by <= a.deadline:
        yield (f"every home must be let by {long_date(a.let_by)}, but homes may be bought up to "
               f"{long_date(a.deadline)}: a home bought on that day is in breach of the works and letting deadline the "
               "day it is bought. Set acquisition.let_by after the deadline (or bring the deadline forward)",
               ("acquisition", "let_by"))


@RULES.rule("COINV-DRAWDOWN-LTV-CONDITION", "warning",
            "A drawdown conditional on a loan-to-value test can meet it on the sheet's own numbers: the investor's "
            "capital once the drawdown is made, over the homes the condition requires at their expected value.")
def drawdown_ltv_condition(ctx: RuleContext):
    for c in credit.ltv_conditions(ctx.sheet):
        if c.fails:
            d = c.drawdown
            also = f" and the scheduled properties at {money(c.base)}" if c.base else ""
            yield (f"{possessive(d.contributor)} drawdown of {money(d.amount)} on {long_date(d.date)} is conditional on "
                   f"loan-to-value of {c.limit}% or less, but its capital once that drawdown is made "
                   f"({money(c.capital)}) is {c.ltv}% of {c.homes} homes bought at {money(c.each)}{also} "
                   f"({money(c.value)}), and more on a lower valuation basis: the condition fails on the sheet's own "
                   f"numbers. The draft lets {d.contributor} draw {money(c.partial)} then (the part within the limit) "
                   f"and the balance of {money(c.balance)} once {c.homes_for_all} homes are charged"
                   + (f" (the cash then paid in buys about {c.homes_then}, so the programme can be completed)"
                      if c.completes else
                      f", but the cash then paid in buys only about {c.homes_then} homes: the programme cannot be "
                      "completed on these terms")
                   + ". Confirm the percentage with the investor, or this staged drawdown",
                   ("drawdowns", c.index, "condition"))
