"""Checks every family's drafts must pass: openxml-audit clean, LibreOffice reads the numbering and
cross-references as the document model resolved them, and the bytes repeat."""

from __future__ import annotations

from pathlib import Path

from assembler.model import Document, Ref, Table, iter_inlines, iter_paragraphs, plain_text
from tests.conftest import assemble_to, audit, soffice_text


def expected_lines(doc: Document) -> list[str]:
    """What LibreOffice should print, in order: each clause heading and numbered paragraph with its
    number, as far as the first 50 characters of its text."""
    out = []
    for clause in doc.clauses:
        out.append(f"{clause.number}. {clause.title}")
        out += _numbered(clause.blocks)
    for schedule in doc.schedules:
        out.append(f"Schedule {schedule.number}")
        out += _numbered(schedule.blocks)
    return out


def _numbered(blocks) -> list[str]:
    return [f"{p.number} {' '.join(p.text.split())[:50]}".rstrip()
            for p in iter_paragraphs(blocks) if p.kind == "numbered" and p.number]


def references(doc: Document) -> list[str]:
    """Each cross-reference as it should read, e.g. 'clause 5.2', 'Schedule 3'."""
    blocks = [b for c in doc.all_clauses() for b in c.blocks]
    return sorted({f"{r.prefix}{r.label}{r.suffix}" for r in iter_inlines(blocks) if isinstance(r, Ref)})


def assert_libreoffice_agrees(docx: Path, doc: Document) -> None:
    lines = [" ".join(line.split()) for line in soffice_text(docx).splitlines()]
    position = 0
    for want in expected_lines(doc):
        found = next((i for i in range(position, len(lines)) if lines[i].startswith(want)), None)
        assert found is not None, f"LibreOffice text lacks {want!r} after line {position}"
        position = found + 1
    text = "\n".join(lines)
    assert "Error! Reference" not in text and "Error: Reference" not in text
    for ref in references(doc):
        assert ref in text or ref[0].upper() + ref[1:] in text, ref


def assert_opens_cleanly(docx: Path) -> None:
    errors, prediction = audit(docx)
    assert errors == [], errors[:5]
    assert prediction == "opens-clean"


def assert_deterministic(sample: Path, catalogue, tmp: Path) -> None:
    a = assemble_to(sample, tmp / "a.docx", catalogue).read_bytes()
    b = assemble_to(sample, tmp / "b.docx", catalogue).read_bytes()
    assert a == b


def table_cells(blocks) -> list[list[str]]:
    return [[plain_text(cell) for cell in row] for b in blocks if isinstance(b, Table) for row in b.rows]
