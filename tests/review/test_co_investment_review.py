"""The co-investment review pack does the investor's credit analysis: sources and uses with any gap, loan to
value at each drawdown, cover from the rent roll, the waterfall year by year and its stress cases, and the
drawdown conditions checked against the money drawn; the figures are the credit functions' own."""

from __future__ import annotations

from assembler.credit.co_investment import credit_view
from assembler.review import build_review
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT

HOMES = ROOT / "samples" / "co-investment" / "affordable-homes-partnership.yaml"
STRETCHED = ROOT / "tests" / "rules" / "fixtures" / "co-investment-stretched.yaml"


def _terms(catalogue, path):
    sheet = read_termsheet(path, catalogue)
    review = build_review(sheet, catalogue, today=DRAFT_DATE)
    return {k.label: k.lines for k in review.key_terms}, review, credit_view(sheet.model)


def test_the_workable_deal_shows_no_gap_and_its_cover(catalogue):
    terms, review, view = _terms(catalogue, HOMES)
    assert terms["Credit: sources and uses of cash"][-1].startswith("Sources £5,350,000; uses £5,307,643.84; no funding gap")
    cover = terms["Credit: debt service cover (rent roll and cost budget)"]
    assert f"cover {view.dscr} (covenant minimum 1.2)" in cover[1] and view.dscr >= 1.2
    years = terms["Credit: waterfall year by year (base case)"]
    # 8 transferred homes and 3 bought: 52 homes to buy by 31 May 2030 from the first drawdown on 15 June 2027 is 3
    # by 1 September 2027 on the sheet's own timetable, although the £3.05m drawn by then would buy 29
    assert len(years) == 25 + 1 and years[0].startswith("Year 1 (from 1 September 2027): 11 homes")
    assert terms["Credit: loan to value"][-2].startswith("At full drawdown: capital £2,000,000 against £5,320,000: 37.6%")
    stresses = terms["Credit: stress cases (a full year, every home bought)"]
    assert [s.split(":")[0] for s in stresses] == [s.case for s in view.stresses]
    assert not {f.rule for f in review.findings} & {"COINV-DEBT-COVER", "COINV-LTV", "COINV-FUNDING-GAP",
                                                    "COINV-DRAWDOWN-FEASIBLE"}


def test_the_stretched_deal_shows_the_gap_and_the_unachievable_condition(catalogue):
    terms, review, _ = _terms(catalogue, STRETCHED)
    assert "FUNDING GAP £1,265,287.67: the cash buys about 79 of the 92 homes" in terms["Credit: sources and uses of cash"][-1]
    security = terms["Credit: security and drawdown conditions"]
    assert any("40 homes at the price cap need £3,400,000; £3,350,000 drawn before it: NOT ACHIEVABLE" in line
               for line in security)
    assert {"COINV-DEBT-COVER", "COINV-LTV", "COINV-FUNDING-GAP", "COINV-DRAWDOWN-FEASIBLE"} <= {
        f.rule for f in review.findings}


def test_the_base_case_lets_homes_no_faster_than_the_sheets_delivery_timetable(catalogue):
    """The investor persona's finding: the base case let homes faster than the sheet's own targets. Each year's
    homes are now those bought by its start on the straight-line timetable to the acquisition deadline (and no
    more than the cash drawn buys), the ramp the covenant test uses."""
    from assembler.credit.co_investment import affordable_homes, homes_bought_by, waterfall_years
    from assembler.termsheet.co_investment import add_years

    sheet = read_termsheet(HOMES, catalogue).model
    a, first = sheet.acquisition, min(d.date for d in sheet.drawdowns)
    rows = waterfall_years(sheet)
    transferred = sheet.contributions.homes_in_schedule
    for row in rows:
        bought = row.homes - transferred
        assert bought == homes_bought_by(sheet, row.start)
        if row.start < a.deadline:
            assert bought <= a.homes_to_acquire * (row.start - first).days // (a.deadline - first).days
    slower = [r for r in rows if r.start < a.deadline and
              r.homes - transferred < affordable_homes(sheet, sum(d.amount for d in sheet.drawdowns if d.date <= r.start))]
    assert slower, "the sample's cash runs ahead of its timetable, so the timetable is what limits the early years"
    assert rows[-1].homes - transferred == affordable_homes(sheet, sheet.contributions.cash_total)
    terms, _, _ = _terms(catalogue, HOMES)
    lines = terms["Credit: waterfall year by year (base case)"]
    short = [(r, line) for r, line in zip(rows, lines) if r.surplus < 0]
    assert short, "the slower ramp leaves early years short of the fixed return and instalments"
    for row, line in short:
        assert f"SHORTFALL £{-row.surplus:,.2f}: income after costs and the reserve does not meet" in line
    assert add_years(rows[0].start, len(rows) - 1) < sheet.partnership.term.end


def test_the_borrower_section_shows_accounts_reserves_and_track_record(catalogue):
    terms, _, _ = _terms(catalogue, HOMES)
    borrower = terms["Credit: the borrower (the delivery organisation)"]
    assert borrower[0].startswith("Pathway Homes & Support (the Charity), which receives the investment capital")
    assert borrower[1] == ("Latest accounts: year ended 31 March 2026 (audited); income £14,200,000; "
                           "expenditure £13,800,000")
    # £3,450,000 of free reserves against £13,800,000 a year spent: 3.0 months
    assert borrower[2].startswith("Unrestricted reserves: £3,450,000 (3")
    assert borrower[3].startswith("Track record: 640 homes managed now; 22 years operating; bought and let 48 homes")


def test_without_borrower_facts_the_pack_says_what_to_obtain(catalogue):
    terms, _, _ = _terms(catalogue, ROOT / "samples" / "co-investment" / "community-asset-lease.yaml")
    borrower = terms["Credit: the borrower (the delivery organisation)"]
    assert borrower[-1].startswith("Not given: the term sheet has no accounts, reserves or track record")


def test_months_of_reserves_are_worked_out_unless_stated():
    from decimal import Decimal

    from assembler.termsheet.borrower import DeliveryFinances

    worked = DeliveryFinances(unrestricted_reserves=500_000, expenditure=2_400_000)
    assert worked.months_of_reserves == Decimal("2.5") and worked.given
    assert DeliveryFinances(unrestricted_reserves=500_000, expenditure=2_400_000, reserves_months=4).months_of_reserves == 4
    assert DeliveryFinances(unrestricted_reserves=500_000).months_of_reserves is None
    assert not DeliveryFinances().given


def test_the_authority_options_ranking_is_stated(catalogue):
    terms, _, _ = _terms(catalogue, HOMES)  # end_of_term: authority-option
    security = " ".join(terms["Security and ranking"])
    assert "its notice is registered after the Investor Charges, so it ranks behind them" in security
    assert "the price is paid to the Investors first, up to each home's Release Amount" in security
