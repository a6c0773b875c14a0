"""The review pack's Word file is the same bytes for the same report: no clock time inside or on the zip."""

import time

from assembler.review.report import Report, Section
from assembler.writers.review_docx import report_docx


def test_the_same_report_gives_the_same_bytes():
    report = Report(title="Review pack", subtitle="A sheet", sections=[Section(title="Key terms", paragraphs=["One."])])
    first = report_docx(report)
    time.sleep(2.1)  # a zip entry's DOS time has a two-second step
    assert report_docx(report) == first
