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
    assert len(years) == 25 + 1 and years[0].startswith("Year 1 (from 1 September 2027): 37 homes")
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
