"""The review pack as one self-contained HTML page: styles inline, no scripts, no external files."""

from __future__ import annotations

import re

from html import escape

from assembler.review.report import Grid, Report

STYLE = """
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; max-width: 60em; margin: 2em auto;
       padding: 0 1em; color: #1a1a1a; line-height: 1.4; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; border-bottom: 1px solid #999; margin-top: 1.6em; }
p.subtitle { color: #555; }
table { border-collapse: collapse; width: 100%; margin: 0.6em 0; table-layout: fixed; }
th, td { border: 1px solid #bbb; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
th { background: #eee; }
td { overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; } h2 { page-break-after: avoid; }
               section.new-page { page-break-after: always; } }
"""


def _cell(text: str) -> str:
    return "<br>".join(escape(line) for line in text.split("\n"))


def _table(grid: Grid) -> str:
    head = "".join(f"<th>{escape(h)}</th>" for h in grid.header)
    shares = grid.widths or [1] * len(grid.header)
    cols = "".join(f'<col style="width: {100 * s / sum(shares):.1f}%">' for s in shares)
    body = "".join("<tr>" + "".join(f"<td>{_cell(c)}</td>" for c in row) + "</tr>\n" for row in grid.rows)
    return f"<table>\n<colgroup>{cols}</colgroup>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def report_html(report: Report) -> str:
    parts = ["<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
             f"<title>{escape(report.title)}</title>", f"<style>{STYLE}</style>", "</head>", "<body>",
             f"<h1>{escape(report.title)}</h1>", f'<p class="subtitle">{escape(report.subtitle)}</p>']
    for section in report.sections:
        slug = "-".join(re.findall(r"[a-z0-9]+", section.title.lower()))
        css_class = ' class="new-page"' if section.new_page else ""
        parts.append(f'<section id="{slug}"{css_class}>')
        parts.append(f"<h2>{escape(section.title)}</h2>")
        parts += [f"<p>{escape(p)}</p>" for p in section.paragraphs]
        parts += [_table(grid) for grid in section.tables]
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"
