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


def _early(tmp_path):
    """The sample with the Fund's instalments counted from its last drawdown (no first_instalment): the
    profile whose early years carry arrears, which these figures were worked on by hand."""
    text = HOMES.read_text()
    assert "      first_instalment: 2030-07-04\n" in text
    path = tmp_path / "early.yaml"
    path.write_text(text.replace("      first_instalment: 2030-07-04\n", ""))
    return path


def _terms(catalogue, path):
    sheet = read_termsheet(path, catalogue)
    review = build_review(sheet, catalogue, today=DRAFT_DATE)
    return {k.label: k.lines for k in review.key_terms}, review, credit_view(sheet.model)


def test_the_workable_deal_shows_no_gap_and_its_cover(catalogue, tmp_path):
    terms, review, view = _terms(catalogue, _early(tmp_path))
    assert terms["Credit: sources and uses of cash"][-1].startswith("Sources £5,350,000; uses £5,307,643.84; no funding gap")
    cover = terms["Credit: debt service cover (rent roll and cost budget)"]
    assert f"cover {view.dscr} (covenant minimum 1.2)" in cover[1] and view.dscr >= 1.2
    assert any(line.startswith("The covenant is tested on Test Years starting 1 June 2030") and
               "the lowest Test Year cover is 1.34" in line for line in cover)
    assert any(line.startswith("Break-even at cover 1.2: voids and bad debt 10.9% (base 4%); operating costs 23.6% "
                               "higher; average rent on the bought homes £96.09 a week") for line in cover)
    years = terms["Credit: waterfall year by year (base case)"]
    assert years[0].startswith("Partnership Year 1 (from 1 June 2027): 23 homes earning rent by its end")
    assert "fixed return and instalments due £15,410.96" in years[0]
    ltv = terms["Credit: loan to value"]
    assert any(line.startswith("At full drawdown, once the cash is spent: capital £2,000,000 against £5,320,000: 37.6%")
               for line in ltv)
    assert any("capital £1,000,000 against charged property of £640,000 (0 homes bought by then): 156.2%, ABOVE the "
               "75% maximum (which is tested only from 1 September 2027)" in line for line in ltv)
    stresses = terms["Credit: stress cases (a full year, every home bought)"]
    assert [s.split(":")[0] for s in stresses][:len(view.cashflow.outcomes)] == [
        o.case.label for o in view.cashflow.outcomes]
    assert any(s.startswith("If the Council's £1,300,000 due on 2 October 2028 never paid") and "buys 39 of the 52 "
               "homes; cover with them all let 1.06" in s for s in stresses)
    assert not {f.rule for f in review.findings} & {"COINV-DEBT-COVER", "COINV-LTV", "COINV-FUNDING-GAP",
                                                    "COINV-DRAWDOWN-FEASIBLE", "CREDIT-COVER-BELOW-ONE",
                                                    "CREDIT-FUNDING-GAP"}


def test_the_stretched_deal_shows_the_gap_and_the_unachievable_condition(catalogue):
    terms, review, _ = _terms(catalogue, STRETCHED)
    assert "FUNDING GAP £1,265,287.67: the cash buys about 79 of the 92 homes" in terms["Credit: sources and uses of cash"][-1]
    security = terms["Credit: security and drawdown conditions"]
    assert any("40 homes at the all-in cost cap of £100,000: the cash drawn before it buys 33: NOT ACHIEVABLE on cash; "
               "at the acquisition pace 10 are bought by then: NOT ON TIME" in line for line in security)
    assert any("REPEATS the condition of the drawdown on 4 January 2028" in line for line in security)
    assert {"COINV-DEBT-COVER", "COINV-LTV", "COINV-FUNDING-GAP", "COINV-DRAWDOWN-FEASIBLE"} <= {
        f.rule for f in review.findings}


def test_the_findings_lead_with_the_errors(catalogue):
    """The investor persona: a deal covering 29p in the pound with a £1.27m gap showed "0 errors"."""
    _, review, _ = _terms(catalogue, STRETCHED)
    severities = [f.severity for f in review.findings]
    assert severities[:2] == ["error", "error"] and severities == sorted(
        severities, key=["error", "warning", "info"].index)
    assert {f.rule for f in review.errors} >= {"CREDIT-COVER-BELOW-ONE", "CREDIT-FUNDING-GAP"}


def test_the_waterfall_shows_arrears_the_reserve_the_repayment_and_who_funds_the_shortfall(catalogue, tmp_path):
    terms, _, view = _terms(catalogue, _early(tmp_path))
    lines = terms["Credit: waterfall year by year (base case)"]
    rows = view.cashflow.years
    for row, line in zip(rows, lines):
        if row.arrears:
            assert f"SHORTFALL: £{row.arrears:,.2f} unpaid, carried forward" in line
            assert "share of what remains £0" in line
        if row.repaid:
            assert f"capital due in one sum £500,000, of which £{row.refinanced:,.2f} not in the reserve" in line
    assert any(line.startswith("Who funds the early shortfall: unpaid fixed payments peak at £39,607.70") and
               "the Fund funds them by waiting unless the Charity pays" in line for line in lines)
    tests = terms["Credit: cover on the covenant's Test Years (base case)"]
    assert tests[0].startswith("Test Years from 1 June 2030 to the one from 1 June 2036: 60 homes")
    assert "with the £10,679.57 a year refinancing capital the reserve did not repay: 1.25" in tests[-1]


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


def test_a_lease_of_housing_land_shows_the_housing_act_row_not_s123(catalogue, tmp_path):
    """The community hub's 35-year lease is an s.123 disposal; the same lease of land held for housing is disposed of
    under s.32 of the Housing Act 1985, and the review pack says so instead (a fresh-sheet review)."""
    hub = ROOT / "samples" / "co-investment" / "community-asset-lease.yaml"
    labels = [d.label for d in _terms(catalogue, hub)[1].deviations]
    assert "Lease long enough to be a disposal under s.123" in labels
    assert "Lease of land held for housing" not in labels
    path = tmp_path / "housing-lease.yaml"
    path.write_text(hub.read_text().replace("held_for: general", "held_for: housing"))
    labels = [d.label for d in _terms(catalogue, path)[1].deviations]
    assert "Lease of land held for housing" in labels
    assert "Lease long enough to be a disposal under s.123" not in labels
