"""A plain-text rendering of the document model, for previews, golden tests and diffs."""

from __future__ import annotations

from assembler.model import Clause, Document, Paragraph, Table, plain_text, shown
from assembler.writers.signing import signing_statement


def to_text(doc: Document, *, notes: bool = False) -> str:
    lines = [doc.title.upper(), doc.subtitle, "", "PARTIES"]
    for i, party in enumerate(doc.parties, start=1):
        lines.append(shown(f"({i}) {party.name}, {party.description}, of {party.address} ({'together, ' if party.together else ''}{party.defined})"))
    if doc.recitals:
        lines += ["", "BACKGROUND"]
        for clause in doc.recitals:
            lines += _blocks(clause)
    lines += ["", "AGREED TERMS"]
    for clause in doc.clauses:
        lines += ["", f"{clause.number}. {clause.title}"]
        if notes and clause.note:
            lines.append(f"[Drafting note: {clause.note}]")
        lines += _blocks(clause)
    for clause in doc.schedules:
        lines += ["", f"SCHEDULE {clause.number} {clause.title}"]
        lines += _blocks(clause)
    lines += ["", "SIGNATURE", signing_statement(doc)]
    for party in doc.parties:
        lines += [""] + [plain_text(line) for line in party.execution]
    return "\n".join(lines) + "\n"


def clause_text(clause: Clause) -> str:
    """One clause or schedule as it reads in the draft: heading, numbered paragraphs, tables."""
    heading = (f"Schedule {clause.number} {clause.title}" if clause.kind == "schedule"
               else f"{clause.number}. {clause.title}" if clause.number else clause.title)
    return "\n".join([heading, *_blocks(clause)]) + "\n"


def _blocks(clause: Clause) -> list[str]:
    out = []
    for block in clause.blocks:
        if isinstance(block, Table):
            for row in [block.header, *block.rows]:
                out.append(" | ".join(plain_text(cell) for cell in row))
        elif isinstance(block, Paragraph):
            indent = "  " * max(block.level - 1, 0)
            number = f"{block.number} " if block.number else ""
            out.append(f"{indent}{number}{block.text}")
    return out
