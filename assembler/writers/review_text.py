"""The review pack as plain text for a terminal: what a commissioner sees when they type
`partnerdraft review sheet.yaml`, without Markdown's pipes and <br> tags.

Two-column tables (a label and its value) print as labelled blocks; wider tables print each row as
a short block of "Column: value" lines, which stays readable in an 80-column window.
"""

from __future__ import annotations

import shutil
import textwrap

from assembler.review.report import Grid, Report


def report_text(report: Report, width: int | None = None) -> str:
    width = width or min(100, shutil.get_terminal_size((100, 24)).columns)
    lines = [report.title, "=" * len(report.title), *_wrap(report.subtitle, width)]
    for section in report.sections:
        lines += ["", section.title, "-" * len(section.title)]
        for paragraph in section.paragraphs:
            lines += _wrap(paragraph, width)
        for grid in section.tables:
            lines += ["", *_grid(grid, width)]
    return "\n".join(lines).rstrip() + "\n"


def _wrap(text: str, width: int, indent: str = "") -> list[str]:
    out = []
    for line in text.split("\n"):
        out += textwrap.wrap(line, width, initial_indent=indent, subsequent_indent=indent,
                             break_on_hyphens=False) or [indent.rstrip()]
    return out


def _grid(grid: Grid, width: int) -> list[str]:
    if len(grid.header) == 2:
        label = min(28, max((len(row[0]) for row in grid.rows), default=0) + 2)
        out = []
        for name, value in grid.rows:
            wrapped = _wrap(value, width - label) or [""]
            out.append(f"{name:<{label}}{wrapped[0]}" if len(name) < label else name)
            rest = wrapped[1:] if len(name) < label else wrapped
            out += [" " * label + line for line in rest]
        return out
    out = []
    for row in grid.rows:
        first = True
        for heading, cell in zip(grid.header, row):
            if not cell.strip():
                continue
            prefix = ("* " if first else "  ") + f"{heading}: "
            for i, line in enumerate(cell.split("\n")):
                out += textwrap.wrap((prefix if i == 0 else "    ") + line, width, subsequent_indent="    ",
                                     break_on_hyphens=False)
            first = False
    return out
