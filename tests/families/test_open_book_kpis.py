"""The open-book Service KPIs: the 'Measured over' period agrees with the target, and a target due 'by' a financial
year fixes its date (r28 ob-fresh 13 and 14, the Wexcombe neurological supported-living sheet)."""

from __future__ import annotations

from assembler.assemble import assemble
from assembler.termsheet.common import Kpi
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import clause_text

SHEET = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"


def test_kpi_periods_follow_the_target():
    """A target 'each quarter' measured 'each month' is measured each quarter, reported monthly to date; a rolling
    period, an equal period or a target naming no period is left as the sheet gives it."""
    k = Kpi(measure="Hours delivered", target="At least 98% each quarter", frequency="monthly", measured_over="each month")
    assert k.shown_measured_over == "each quarter (reported monthly, quarter to date)"
    for target, over in (("No more than 10 a year", "rolling 12 months"), ("98% each month", "each month"),
                         ("100% from the end of the first Contract Year", "each quarter"),
                         ("At least 98% each month", "each quarter")):
        k = Kpi(measure="m", target=target, frequency="quarterly", measured_over=over)
        assert k.shown_measured_over == over and k.longer_target_period is None
    assert Kpi(measure="m", target="No more than 10 a year by 2029/30").shown_target == \
        "No more than 10 a year for the 12 months ending 31 March 2030"
    assert Kpi(measure="m", target="9 of 14 by April 2030").shown_target == "9 of 14 by April 2030"


def test_the_schedule_and_clause_17_read_the_kpis_consistently(catalogue):
    doc = assemble(read_termsheet(SHEET, catalogue), catalogue, today=DRAFT_DATE).document
    sched = clause_text(doc, "open-book.schedule-services", flat=True)
    assert "each quarter (reported monthly, quarter to date)" in sched
    assert "No more than 10 a year for the 12 months ending 31 March 2030" in sched and "by 2029/30" not in sched
    perf = clause_text(doc, "open-book.performance", flat=True)
    assert ("is reported for that period to date, and is met or failed only on the figure for the whole period; that "
            "period is its reporting period under clause 17.3.") in perf
    assert "to be met by a stated date, or for the 12 months ending on a stated date, is measured against" in perf


def test_a_measured_over_naming_a_year_is_not_shortened():
    """Quiet: 'the 12 months to the end of each quarter' is a year's measure, so a yearly target leaves it alone."""
    k = Kpi(measure="m", target="80% a year", frequency="quarterly", measured_over="the 12 months to the end of each quarter")
    assert k.shown_measured_over == "the 12 months to the end of each quarter"


def test_ofsted_rating_kpi_has_the_framework_fallback(catalogue):
    """r29 ob-fresh finding 16: a KPI counting homes rated good or outstanding by Ofsted carries the fallback the
    termination ground uses, for a framework that replaces the current one; other KPIs do not."""
    from tests.families.clause_texts import document_of, flat
    text = (ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml").read_text(encoding="utf-8")
    body = flat(clause_text(document_of(catalogue, text), "open-book.schedule-services"))
    assert ("Homes rated good or outstanding by Ofsted (or the equivalent judgement under any Ofsted framework that "
            "replaces the current one)") in body
    assert body.count("replaces the current one") == 1
    quiet = text.replace("Homes rated good or outstanding by Ofsted", "Homes with no requirement at inspection")
    assert "replaces the current one" not in flat(clause_text(document_of(catalogue, quiet), "open-book.schedule-services"))
