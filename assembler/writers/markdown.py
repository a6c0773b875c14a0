"""The review pack as Markdown (GitHub-flavoured tables), for the terminal, email or a wiki."""

from __future__ import annotations

from assembler.review.report import Grid, Report


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "<br>") or " "


def _table(grid: Grid) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in grid.header) + " |",
             "|" + "|".join("---" for _ in grid.header) + "|"]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in grid.rows]
    return lines


def report_markdown(report: Report) -> str:
    lines = [f"# {report.title}", "", report.subtitle]
    for section in report.sections:
        lines += ["", f"## {section.title}"]
        for paragraph in section.paragraphs:
            lines += ["", paragraph]
        for grid in section.tables:
            lines += ["", *_table(grid)]
    return "\n".join(lines) + "\n"
