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


# Findings about the library's own wording, not the term sheet: the review pack lists them for the
# lawyer; a commissioner assembling a draft cannot act on them, so `assemble` does not print them.
REVIEW_ONLY = frozenset({"COMMON-DRAFT-TERMS"})


def write_draft(request: DraftRequest, catalogue: Catalogue) -> Written:
    """Read, check, assemble and write one draft; nothing is written unless all of it succeeds."""
    from assembler.output import guard_overwrite, write_atomically
    from assembler.termsheet.validate import read_termsheet

    if request.circulation and request.notes == "inline":
        raise UserError("--for-circulation leaves the drafting notes out: drop --notes inline")
    sheet = read_termsheet(request.termsheet, catalogue)
    guard_overwrite(request.output, force=request.force)
    draft = draft_bytes(sheet, catalogue, notes=request.notes, final=request.final, today=request.today,
                        pdf=request.pdf, circulation=request.circulation, name=request.output.stem)
    write_atomically(request.output, draft.docx)
    paths = [request.output]
    if draft.pdf is not None:
        write_atomically(request.output.with_suffix(".pdf"), draft.pdf)
        paths.append(request.output.with_suffix(".pdf"))
    return Written(paths, draft.findings)


@dataclass
class Draft:
    """A draft made in memory: the .docx (and PDF) bytes and the findings to show beside them."""

    docx: bytes
    pdf: bytes | None
    findings: list[Problem]


def draft_bytes(sheet, catalogue: Catalogue, *, notes: str = "comments", final: bool = False,
                today: dt.date | None = None, pdf: bool = False, circulation: bool = False,
                name: str = "draft") -> Draft:
    """Check and assemble a validated term sheet into .docx bytes (and PDF bytes with `pdf`), writing
    nothing: `assemble` writes them to a file, the web app sends them as a download."""
    from assembler.assemble import assemble
    from assembler.writers.docx import render_docx

    result = assemble(sheet, catalogue, today=today, circulation=circulation)
    open_facts = result.document.placeholders()
    if final and open_facts:
        raise UserError(final_problems(sheet, open_facts))
    if pdf:
        from assembler.writers.pdf import find_soffice

        find_soffice()  # before any work is wasted: no LibreOffice, no output at all
    findings = [finding_problem(sheet, f) for f in result.findings if f.rule not in REVIEW_ONLY]
    blob = render_docx(result.document, catalogue.paths.house, notes=notes)
    pdf_blob = None
    if pdf:
        from assembler.writers.pdf import paged_draft

        blob, pdf_blob = paged_draft(result.document, catalogue.paths.house, notes=notes, name=name, docx=blob)
    return Draft(blob, pdf_blob, findings)


def final_problems(sheet, open_facts: list[tuple[str, str]]) -> list[Problem]:
    """What `--final` refuses: each open fact once, with every place it appears, at the line of
    the term sheet to fill in where the fact is a field left empty there."""
    from assembler.termsheet.loader import dotted

    where: dict[str, list[str]] = {}
    for label, place in open_facts:
        where.setdefault(label, [])
        if place not in where[label]:
            where[label].append(place)
    facts = {f.label: f for f in getattr(sheet, "open_facts", ())}
    problems = []
    for label, places in where.items():
        fact = facts.get(label)
        message = f"--final: placeholder [{label}] is still open in {'; '.join(places)}"
        if fact is not None:
            problems.append(Problem(message + ": fill in this field", str(sheet.source.path), fact.line, dotted(fact.loc)))
        else:
            problems.append(Problem(message, str(sheet.source.path)))
    return sorted(problems, key=lambda p: (p.line is None, p.line or 0))


def read_upload(blob: bytes, name: str, catalogue: Catalogue):
    """Validate a term sheet given as bytes (an upload, a posted form), through the same safe loader
    as a file: size, binary and encoding checks, then aliases, tags and duplicate keys refused."""
    from assembler.termsheet.validate import validate

    return validate(load_upload(blob, name), catalogue)


def load_upload(blob: bytes, name: str):
    """Term-sheet bytes as plain data with lines (not yet validated), by the file loader's rules."""
    from assembler.termsheet.loader import load_text, text_of

    return load_text(text_of(blob, name), name)


def sheet_yaml(catalogue: Catalogue, family: str, data: dict) -> str:
    """A term sheet's data as YAML in `partnerdraft new`'s format: the same header, every field
    explained by its description, every position listed with its variants. Reads back to `data`."""
    import io

    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from assembler.termsheet import starter

    def commented(value):
        if isinstance(value, dict):
            return CommentedMap((k, commented(v)) for k, v in value.items())
        if isinstance(value, list):
            return CommentedSeq(commented(v) for v in value)
        return value

    manifest = catalogue.manifest(family)
    yaml = YAML(typ="rt")
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    node = commented(data)
    node.yaml_set_start_comment(starter.HEADER.format(title=manifest.title, family=family))
    starter._annotate(node, manifest.model_class(), 0)
    starter._annotate_positions(node, catalogue, family, given_only=True)  # a position written out reads as chosen
    out = io.StringIO()
    yaml.dump(node, out)
    return out.getvalue()


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


def position_notes(catalogue: Catalogue, family: str, sheet=None, today: dt.date | None = None
                   ) -> dict[str, dict[str, str]]:
    """Each position's variants with the drafting note that says when to choose it, rendered as the
    review pack renders it: against `sheet`, or the family's example term sheet when there is none
    yet (a note may quote the term sheet's figures)."""
    from assembler.assemble import context_for, roles_for
    from assembler.review import _note

    if sheet is None:
        sheet = _example(catalogue, family)
    context = context_for(sheet, catalogue, today)
    roles = roles_for(sheet, catalogue, context)
    order = set(catalogue.manifest(family).entries)
    out: dict[str, dict[str, str]] = {}
    for name, position in catalogue.positions(family).items():
        for variant, files in position.variants.items():
            chosen = next((f for f in files if f.id in order), files[0] if files else None)
            out.setdefault(name, {})[variant] = _note(chosen, context, roles)
    return out


def _example(catalogue: Catalogue, family: str):
    from assembler.termsheet.validate import read_termsheet

    return read_termsheet(catalogue.paths.samples / catalogue.manifest(family).starter, catalogue)


def standard_terms(catalogue: Catalogue, family: str, today: dt.date | None = None) -> dict:
    """The family's standard terms as an investor browses them: every clause of the agreement in
    order with its version and status, and every position with its variants side by side (the
    standard marked), each variant's drafting note (rendered against the example term sheet),
    sources and version."""
    manifest = catalogue.manifest(family)
    notes = position_notes(catalogue, family, today=today)
    by_id = catalogue.by_id()
    clauses = []
    for clause_id in manifest.entries:
        files = by_id.get(clause_id, [])
        if not files:
            continue
        h = files[0].header
        clauses.append({"id": clause_id, "title": h.title, "kind": h.kind,
                        "versions": sorted({f.header.version for f in files}),
                        "status": sorted({f.header.status for f in files}),
                        "position": h.position or "", "when": h.when or ""})
    positions = []
    for name, position in sorted(catalogue.positions(family).items()):
        variants = []
        for variant in sorted(position.variants, key=lambda v: (v != position.standard, v)):
            files = position.variants[variant]
            variants.append({"name": variant, "standard": variant == position.standard,
                             "clauses": [f"{f.header.title} ({f.id} v{f.header.version}, {f.header.status})"
                                         for f in files],
                             "note": notes.get(name, {}).get(variant, ""),
                             "sources": sorted({s for f in files for s in f.header.sources})})
        positions.append({"name": name, "standard": position.standard or "", "variants": variants})
    return {"clauses": clauses, "positions": positions}


def finding_problem(sheet, finding) -> Problem:
    """A rule's finding as the line `check` and `assemble` print: where, severity, rule, who acts on
    it, and the message."""
    from assembler.termsheet.supply import who_acts

    who = who_acts(type(sheet.model), finding.loc)
    return sheet.source.problem(finding.loc, f"{finding.severity} {finding.rule} ({who}): {finding.message}")
