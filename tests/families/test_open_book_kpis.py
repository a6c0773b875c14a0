"""The open-book Service KPIs: the 'Measured over' period agrees with the target, and a target due 'by' a financial
year fixes its date (r28 ob-fresh 13 and 14, the Wexcombe neurological supported-living sheet)."""

from __future__ import annotations

import re
from assembler.assemble import assemble
from assembler.termsheet.common import Kpi
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import clause_text, document_of, flat
from tests.families.conftest import (
    OB_BREAKS, OB_CALDMOOR_PLAIN, OB_CHEVIOT, OB_WEXCOMBE, open_book_doc, open_book_draft_text,
)


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
    doc = assemble(read_termsheet(OB_WEXCOMBE, catalogue), catalogue, today=DRAFT_DATE).document
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


def test_kpis_that_depend_on_the_councils_referrals_are_not_failed_for_that_reason(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS)
    assert ("A Service KPI is not failed to the extent that the failure results from the number of children the "
            "Council refers or the nights the Short Breaks Panel allocates, or from Booked Nights cancelled by a "
            "child's family or by the Council, or from the Council's failure to take a step the Service KPI depends on, "
            "rather than from Ashdown's own acts or omissions.") in text


def test_the_open_book_report_lists_kpi_performance(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS)
    assert "performance against each Service KPI due to be reported in it under clause" in text


def test_monthly_kpis_are_identified_by_the_reported_column(homecare_doc):
    perf = clause_text(homecare_doc, "open-book.performance", flat=True)
    assert 'each Service KPI whose "Reported" column in Schedule 1 says monthly within 10 Business Days' in perf


def test_kpi_measured_over_follows_a_contract_year_target(catalogue):
    """ob-fresh 12: 'At least 90% in each Contract Year' reported quarterly is measured over each Contract Year
    (reported cumulatively), not rolling 12 months; a 'by March 2029' target reported quarterly is measured each
    quarter, not 'the last month of each quarter'."""
    sched = clause_text(open_book_doc(catalogue, OB_CHEVIOT), "open-book.schedule-services", flat=True)
    assert "At least 90% in each Contract Year quarterly [each Contract Year (reported cumulatively each quarter)]" in sched
    assert "85% by March 2029 quarterly [each quarter]" in sched
    assert "the last month of each quarter" not in sched


def test_finding17_small_numbers_rule_covers_counts(catalogue):
    """ob-fresh 17: KPIs given as counts ("All residents", "12 of 14") get the small-numbers rule, not only
    percentage targets."""
    body = flat(clause_text(open_book_doc(catalogue, "caldmoor"), "open-book.performance"))
    assert ("A Service KPI whose target is a percentage or proportion of the people or events it "
            "counts is not failed in a reporting period in which fewer than [5] cases fall within its measure.") in body


def test_finding17_quiet_where_no_target_counts(catalogue):
    """Quiet: a sheet whose KPI targets are ratings, not counts or percentages, gets no small-numbers rule."""
    import re
    text = re.sub(r"(?m)^(\s+target:).*$", r"\1 Good or Outstanding at its next inspection", OB_CALDMOOR_PLAIN.read_text(encoding="utf-8"))
    body = flat(clause_text(document_of(catalogue, text), "open-book.performance"))
    assert "fewer than [5] cases" not in body


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


def test_a_target_of_none_is_printed_as_nil():
    """r32 ob-fresh finding 12: a target 'none' (no resident prescribed without a review) read as 'no target'."""
    for t in ("none", "Nil", "zero"):
        assert Kpi(measure="Residents prescribed without a review", target=t).shown_target == "0 (nil)"
    assert Kpi(measure="m", target="none above 2 a year").shown_target == "none above 2 a year"
    assert Kpi(measure="m", target="no more than 2 a year").shown_target == "no more than 2 a year"
