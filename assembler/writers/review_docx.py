"""The review pack as a Word document (python-docx's default template: a report, not a draft)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt
from docx.table import _Cell

from assembler.review.report import Report
from assembler.writers.package import zipped

# The pack is rebuilt whenever a sheet changes, and `compare` and the tests read it again: the same sheet
# must give the same bytes, so the document carries no clock time and the zip no write time.
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)

TEXT_WIDTH_MM = 297 - 2 * 18


def cell_rows(table) -> list[list[_Cell]]:
    """A new table's cells, row by row, from each row's own cells: python-docx's table.cell(r, c)
    and column.cells rebuild the whole cell grid on every call, which is quadratic in the rows."""
    return [[_Cell(tc, table) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]


def report_docx(report: Report) -> bytes:
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(18))
    doc.styles["Normal"].font.size = Pt(10)
    doc.core_properties.title = report.title
    doc.core_properties.author = "partnerdraft"
    doc.core_properties.created = doc.core_properties.modified = FIXED_TIME
    doc.core_properties.last_modified_by = "partnerdraft"
    doc.add_heading(report.title, level=0)
    doc.add_paragraph(report.subtitle)
    for part in report.sections:
        doc.add_heading(part.title, level=1)
        for paragraph in part.paragraphs:
            doc.add_paragraph(paragraph)
        for grid in part.tables:
            table = doc.add_table(rows=1 + len(grid.rows), cols=len(grid.header))
            table.style = doc.styles["Table Grid"]
            table.autofit = False
            shares = grid.widths or [1] * len(grid.header)
            widths = [Mm(TEXT_WIDTH_MM * share / sum(shares)) for share in shares]
            for c, width in enumerate(widths):
                table.columns[c].width = width
            rows = cell_rows(table)
            for c, heading in enumerate(grid.header):
                rows[0][c].width = widths[c]
                rows[0][c].paragraphs[0].add_run(heading).bold = True
            for cells, row in zip(rows[1:], grid.rows):
                for c, (cell, text) in enumerate(zip(cells, row)):
                    cell.width = widths[c]
                    lines = text.split("\n")
                    cell.paragraphs[0].add_run(lines[0])
                    for line in lines[1:]:
                        cell.add_paragraph(line)
            doc.add_paragraph()
        if part.new_page:
            doc.add_page_break()
    buffer = io.BytesIO()
    doc.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as saved:
        names = saved.namelist()
        parts = {name: saved.read(name) for name in names}
    return zipped(names, parts)
