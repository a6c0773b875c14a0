"""What a user asks for, as plain functions: the command line, batch workers (and a web front end)
call these, so the order of reading, checking, assembling and writing is written once.

No click here and no printing: a function returns what it made and the findings to show, or raises
UserError.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from assembler.errors import Problem, UserError
from assembler.library.catalogue import Catalogue


@dataclass(frozen=True)
class DraftRequest:
    """One draft to write, with the choices `partnerdraft assemble` offers."""

    termsheet: Path
    output: Path
    notes: str = "comments"
    final: bool = False
    force: bool = False
    today: dt.date | None = None
    pdf: bool = False
    circulation: bool = False


@dataclass
class Written:
    """What a request wrote, and the findings (warnings and notes) to show beside it."""

    paths: list[Path]
    findings: list[Problem] = field(default_factory=list)


def write_draft(request: DraftRequest, catalogue: Catalogue) -> Written:
    """Read, check, assemble and write one draft; nothing is written unless all of it succeeds."""
    from assembler.assemble import assemble
    from assembler.output import guard_overwrite, write_atomically
    from assembler.termsheet.validate import read_termsheet
    from assembler.writers.docx import render_docx

    if request.circulation and request.notes == "inline":
        raise UserError("--for-circulation leaves the drafting notes out: drop --notes inline")
    sheet = read_termsheet(request.termsheet, catalogue)
    guard_overwrite(request.output, force=request.force)
    result = assemble(sheet, catalogue, today=request.today, circulation=request.circulation)
    open_facts = result.document.placeholders()
    if request.final and open_facts:
        raise UserError([Problem(f"--final: placeholder [{label}] is still open in {where}",
                                 str(request.termsheet)) for label, where in open_facts])
    if request.pdf:
        from assembler.writers.pdf import find_soffice

        find_soffice()  # before anything is written: no LibreOffice, no output at all
    findings = [sheet.source.problem(f.loc, f"{f.severity} {f.rule}: {f.message}") for f in result.findings]
    blob = render_docx(result.document, catalogue.paths.house, notes=request.notes)
    pdf_blob = None
    if request.pdf:
        from assembler.writers.pdf import paged_draft

        blob, pdf_blob = paged_draft(result.document, catalogue.paths.house, notes=request.notes,
                                     name=request.output.stem, docx=blob)
    write_atomically(request.output, blob)
    paths = [request.output]
    if pdf_blob is not None:
        write_atomically(request.output.with_suffix(".pdf"), pdf_blob)
        paths.append(request.output.with_suffix(".pdf"))
    return Written(paths, findings)


@dataclass
class ClauseReading:
    """One variant of a clause as the reader of a draft would see it, or why it is not in the draft."""

    title: str
    variant: str
    standard: bool
    text: str | None  # None: not in a draft for this term sheet
    why_not: str = ""


def clause_files(catalogue: Catalogue, clause_id: str) -> list:
    """Every variant's file of a clause, or a UserError suggesting the ids it may have meant."""
    files = catalogue.by_id().get(clause_id)
    if not files:
        import difflib

        close = difflib.get_close_matches(clause_id, list(catalogue.by_id()), n=3)
        raise UserError(f"no clause {clause_id!r} in the library" + (f"; did you mean {', '.join(close)}?" if close else ""))
    return files


def read_clause(catalogue: Catalogue, clause_id: str, sheet_path: Path | None = None,
                today: dt.date | None = None) -> tuple[Path, list[ClauseReading]]:
    """Each variant of `clause_id` as it reads in a draft assembled from `sheet_path` (by default
    the family's example term sheet): numbered, cross-references resolved, open facts bracketed."""
    from dataclasses import replace

    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet
    from assembler.writers.text import clause_text

    files = clause_files(catalogue, clause_id)
    if sheet_path is None:
        family = next((name for name, m in sorted(catalogue.manifests.items()) if clause_id in m.entries),
                      files[0].family)
        sheet_path = catalogue.paths.samples / catalogue.manifest(family).starter
    sheet = read_termsheet(sheet_path, catalogue)
    readings = []
    for f in files:
        h = f.header
        variant_sheet = sheet
        if h.position:
            variant_sheet = replace(sheet, positions={**sheet.positions, h.position: h.variant})
        try:
            doc = assemble(variant_sheet, catalogue, today=today).document
        except UserError as e:
            readings.append(ClauseReading(h.title, h.variant or "", h.standard, None,
                                          f"this term sheet does not assemble: {e.problems[0]}"))
            continue
        found = next((c for c in doc.all_clauses() if c.id == h.id and (c.variant or "") == (h.variant or "")), None)
        why = "" if found else (f"left out for this term sheet (included when: {h.when})" if h.when
                                else "not used in this family's agreement")
        readings.append(ClauseReading(h.title, h.variant or "", h.standard,
                                      clause_text(found) if found else None, why))
    return sheet_path, readings
