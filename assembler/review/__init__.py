"""The review pack: what a reviewer reads instead of the whole draft.

Everything here is driven by data: key terms and recommended ranges come from the family's manifest
(templates/<family>.yaml), positions from the catalogue, placeholders and provenance from the
document model, findings from the family's rules. No family is named in this module.

The pack is plain data (`Review`); writers turn it into Markdown, HTML or Word.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from jinja2 import TemplateError
from lxml import etree

from assembler.assemble import Assembly, assemble, check_rules, context_for, document_title, library_version, roles_for
from assembler.render.clauses import render_plain
from assembler.errors import LibraryError, Problem, UserError
from assembler.formatting import money, percent
from assembler.library.catalogue import Catalogue
from assembler.library.manifest import Recommended
from assembler.render.jinja import (
    HOLE_CLOSE,
    HOLE_OPEN,
    VALUE_CLOSE,
    VALUE_OPEN,
    compile_condition,
    compile_template,
)
from assembler.rules import Finding
from assembler.termsheet.loader import dotted
from assembler.termsheet.supply import who_acts
from assembler.termsheet.validate import TermSheet


@dataclass
class KeyTermLine:
    label: str
    lines: list[str]


@dataclass
class PositionRow:
    position: str
    variant: str
    standard_variant: str
    is_standard: bool
    chosen_in_sheet: bool  # False: the term sheet left it to the standard
    in_draft: bool  # False: the clause carrying it is left out of this draft
    clause_id: str
    reason: str  # the chosen variant's drafting note


@dataclass
class Deviation:
    kind: str  # "position" or "range"
    label: str
    figures: str
    reason: str
    where: str = ""  # term-sheet field


@dataclass
class FindingRow:
    severity: str
    rule: str
    message: str
    where: str  # file:line: field
    who: str = ""  # "for you" (the commissioner) or "for legal": who answers it


@dataclass
class ClauseProvenance:
    id: str
    version: str
    status: str
    variant: str


@dataclass
class Circulated:
    """Which version went to the other parties: named by its content hash, so the file in anyone's
    hands can later be matched to it."""

    file: str
    content_sha256: str
    edition: str
    termsheet_matches: bool  # made from this term sheet as it stands now
    edited_since: bool  # changed after partnerdraft wrote it (by hand, before sending)


def circulated(name: str, blob: bytes, sheet: TermSheet) -> Circulated:
    """The record of a circulated draft read from its file; a file partnerdraft did not write is
    an error, named."""
    from assembler.writers.docx import CONTENT_HASH, content_hash, read_parts, stored_properties

    try:
        props = stored_properties(blob)
        current = content_hash(read_parts(blob))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as e:
        raise UserError(Problem(f"is not a Word draft ({e})", name)) from None
    if CONTENT_HASH not in props:
        raise UserError(Problem("is not a draft partnerdraft wrote (it has no content hash)", name))
    return Circulated(file=name, content_sha256=current, edition=props.get("edition", "for legal review"),
                      termsheet_matches=props.get("termsheet_sha256") == sheet.digest,
                      edited_since=props[CONTENT_HASH] != current)


@dataclass
class Review:
    title: str
    source: str
    family: str
    key_terms: list[KeyTermLine]
    positions: list[PositionRow]
    deviations: list[Deviation]
    findings: list[FindingRow]
    placeholders: list[tuple[str, str]] | None  # None when assembly stopped on errors
    open_facts: list = field(default_factory=list)  # OpenFactRow: each open fact once, by who supplies it
    standard: object | None = None  # StandardComparison: this draft's wording against the standard positions'
    form_blanks: list[tuple[str, str]] = field(default_factory=list)  # blanks of forms completed later: not open facts
    properties: dict[str, str] = field(default_factory=dict)  # exactly the draft's custom properties
    clauses: list[ClauseProvenance] = field(default_factory=list)
    assembly: Assembly | None = None
    circulated: Circulated | None = None  # the version sent to the other parties, when given
    standard_values: list = field(default_factory=list)  # StandardValueRow: legal's facts nobody has chosen yet

    @property
    def errors(self) -> list[FindingRow]:
        return [f for f in self.findings if f.severity == "error"]


_VALUE = re.compile(f"{VALUE_OPEN}(.*?){VALUE_CLOSE}|{HOLE_OPEN}(.*?){HOLE_CLOSE}", re.S)


def _plain(rendered: str) -> str:
    """Values as their text, open facts as `[label]`."""
    return _VALUE.sub(lambda m: m.group(1) if m.group(1) is not None else f"[{m.group(2)}]", rendered)


def build_review(sheet: TermSheet, catalogue: Catalogue, *, today: dt.date | None = None) -> Review:
    manifest = catalogue.manifest(sheet.family)
    context = context_for(sheet, catalogue, today)
    findings = check_rules(sheet, catalogue, today=today)
    review = Review(
        title=document_title(manifest.title, context),
        source=sheet.source.path,
        family=sheet.family,
        key_terms=key_terms(sheet, catalogue, context),
        positions=positions(sheet, catalogue, context),
        deviations=[],
        findings=[_finding_row(sheet, f) for f in _errors_first(findings)],
        placeholders=None,
    )
    review.deviations = [_position_deviation(row) for row in review.positions if not row.is_standard]
    review.deviations += ranges(sheet, catalogue, context)
    if not any(f.severity == "error" for f in findings):
        result = assemble(sheet, catalogue, today=today, findings=findings)
        review.assembly = result
        review.placeholders = result.document.placeholders()
        from assembler.review.open_facts import open_fact_rows

        review.open_facts = open_fact_rows(sheet, review.placeholders, catalogue)
        from assembler.review.standard_values import standard_values

        review.standard_values = standard_values(sheet, catalogue)
        from assembler.review.standard import compare_with_standard

        review.standard = compare_with_standard(sheet, catalogue, result.document, today=today)
        review.form_blanks = result.document.form_blanks()
        review.properties = _draft_properties(result, catalogue)
        review.clauses = [ClauseProvenance(c.id, c.version, c.status, c.variant or "")
                          for c in result.document.all_clauses()]
        omitted = set(result.plan.omitted)
        included = {c.id for c in result.document.all_clauses()}
        bodies = [f.body for f in catalogue.files if f.id in included]
        for row in review.positions:
            row.in_draft = row.clause_id not in omitted or (not row.is_standard and _drives_text(row.position, bodies))
    else:
        review.properties = {"family": sheet.family, "termsheet_sha256": sheet.digest,
                             "library_version": library_version(catalogue)}
    return review


def _drives_text(position: str, bodies: list[str]) -> bool:
    """Whether a position whose own clause is left out still shapes a clause in the draft (supported
    living's void payment is written in the core-support clause, not the voids clause): the pack said
    "not used in this draft" of a position it listed as a departure and the draft applied (r22 writer).
    Asked only of a departure: a standard variant left out is fairly "not used"."""
    return any(f"positions.{position}" in body or f'positions.get("{position}")' in body for body in bodies)


def _errors_first(findings: list[Finding]) -> list[Finding]:
    """Errors, then warnings, then infos, each in the rules' order: a reader meets what stops the deal first."""
    order = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: order.get(f.severity, 3))


def _draft_properties(result: Assembly, catalogue: Catalogue) -> dict[str, str]:
    """The custom properties of the draft exactly as `partnerdraft assemble` writes it (default
    notes), read back from the rendered file: the content hash included, so a reader can tell
    whether the .docx in hand is that draft, unedited."""
    from assembler.writers.docx import render_docx, stored_properties

    return stored_properties(render_docx(result.document, catalogue.paths.house))


def _manifest_file(catalogue: Catalogue, family: str) -> str:
    return str(catalogue.paths.manifest(family))


def key_terms(sheet: TermSheet, catalogue: Catalogue, context: dict[str, Any]) -> list[KeyTermLine]:
    manifest = catalogue.manifest(sheet.family)
    out = []
    for i, term in enumerate(manifest.key_terms):
        try:
            text = _plain(compile_template(term.value).render(**context))
        except TemplateError as e:
            raise LibraryError(Problem(f"cannot render key term {term.label!r}: {e}",
                                       _manifest_file(catalogue, sheet.family), None, f"key_terms[{i}].value")) from e
        lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
        out.append(KeyTermLine(term.label, lines))
    return out


def positions(sheet: TermSheet, catalogue: Catalogue, context: dict[str, Any] | None = None) -> list[PositionRow]:
    """Every position open to the family, in the order the manifest first uses it; each drafting
    note rendered against the term sheet (as the draft's comment shows it) when a context is given."""
    context = context if context is not None else context_for(sheet, catalogue)
    roles = roles_for(sheet, catalogue, context)
    manifest = catalogue.manifest(sheet.family)
    order = {clause_id: n for n, clause_id in enumerate(manifest.entries)}
    given = sheet.source.data.get("positions") or {}
    rows = []
    for name, position in catalogue.positions(sheet.family).items():
        variant = sheet.positions.get(name, "")
        files = position.variants.get(variant, [])
        chosen = next((f for f in files if f.id in order), files[0] if files else None)
        standard = position.standard or ""
        rows.append(PositionRow(
            position=name, variant=variant, standard_variant=standard, is_standard=variant == standard,
            chosen_in_sheet=isinstance(given, dict) and name in given, in_draft=True,
            clause_id=chosen.id if chosen else "",
            reason=_note(chosen, context, roles),
        ))
    rows.sort(key=lambda r: (order.get(r.clause_id, len(order)), r.position))
    return rows


def _note(chosen, context: dict[str, Any], roles) -> str:
    if chosen is None or not chosen.header.note:
        return ""
    try:
        return " ".join(render_plain(chosen, chosen.header.note, context, roles).split())
    except LibraryError:
        # A note that reads a block this term sheet lacks (its clause is not in the draft either):
        # show the note's words with its figures left out rather than fail the whole report.
        words = re.sub(r"\{\{.*?\}\}|\{%.*?%\}", "…", chosen.header.note, flags=re.S)
        return " ".join(words.split())


def _position_deviation(row: PositionRow) -> Deviation:
    return Deviation("position", f"Position {row.position}",
                     f"{row.variant} chosen; the library's standard is {row.standard_variant or '(none)'}",
                     row.reason, f"positions.{row.position}")


def ranges(sheet: TermSheet, catalogue: Catalogue, context: dict[str, Any]) -> list[Deviation]:
    manifest = catalogue.manifest(sheet.family)
    out = []
    for i, entry in enumerate(manifest.recommended):
        where = f"recommended[{i}]"
        try:
            deviation = (_conditional(entry, context) if entry.when else
                         _ranged(entry, sheet, catalogue, where))
        except TemplateError as e:
            raise LibraryError(Problem(f"cannot evaluate recommended range {entry.label!r}: {e}",
                                       _manifest_file(catalogue, sheet.family), None, where)) from e
        if deviation:
            out.append(deviation)
    return out


def _conditional(entry: Recommended, context: dict[str, Any]) -> Deviation | None:
    if not compile_condition(entry.when)(**context):
        return None
    figures = _plain(compile_template(entry.value).render(**context)).strip() if entry.value else ""
    return Deviation("range", entry.label, " ".join(figures.split()), " ".join(entry.reason.split()),
                     entry.field or "")


def _ranged(entry: Recommended, sheet: TermSheet, catalogue: Catalogue, where: str) -> Deviation | None:
    """Check the field (every item of a list for a `[]` step) against the bounds."""
    problems = []
    for label, value in _lookup(sheet.model, entry.field or "", catalogue, sheet.family, where):
        if value is None:
            continue
        value = Decimal(str(value))
        for bound, limit_spec in (("min", entry.min), ("max", entry.max)):
            if limit_spec is None:
                continue
            limit, unit, source = _limit(limit_spec, catalogue, sheet.family, where)
            unit = unit or entry.unit
            if value < limit if bound == "min" else value > limit:
                word = "below the recommended minimum" if bound == "min" else "above the recommended maximum"
                item = f"{label}: " if label != entry.field else ""
                problems.append(f"{item}{_show(value, unit)}, {word} of {_show(limit, unit)}"
                                f"{f' ({source})' if source else ''}")
    if not problems:
        return None
    return Deviation("range", entry.label, "; ".join(problems), " ".join(entry.reason.split()), entry.field or "")


def _lookup(model: Any, path: str, catalogue: Catalogue, family: str, where: str) -> list[tuple[str, Any]]:
    """(dotted location, value) for the path; a step written `items[]` visits every item."""
    found: list[tuple[str, Any]] = [("", model)]
    for part in path.split("."):
        each = part.endswith("[]")
        name = part[:-2] if each else part
        step = []
        for label, value in found:
            if value is None:
                continue
            if not hasattr(value, name):
                raise LibraryError(Problem(f"recommended range names field {path!r}, which the term sheet "
                                           "does not have", _manifest_file(catalogue, family), None, f"{where}.field"))
            child = getattr(value, name)
            here = f"{label}.{name}" if label else name
            if each:
                step += [(f"{here}[{i}]", item) for i, item in enumerate(child or [])]
            else:
                step.append((here, child))
        found = step
    for _, value in found:
        if value is not None and not isinstance(value, (int, float, Decimal)):
            raise LibraryError(Problem(f"recommended range field {path!r} is not a number",
                                       _manifest_file(catalogue, family), None, f"{where}.field"))
    return found


def _limit(spec: float | str, catalogue: Catalogue, family: str, where: str) -> tuple[Decimal, str, str]:
    """A bound: a number, or a figure's value with its unit and source."""
    if isinstance(spec, str):
        figure = catalogue.figures.get(spec)
        if not isinstance(figure, dict) or "value" not in figure:
            raise LibraryError(Problem(f"recommended range names figure {spec!r}, which clauses/figures.yaml "
                                       "does not define", _manifest_file(catalogue, family), None, where))
        return Decimal(str(figure["value"])), str(figure.get("unit", "")), f"{spec}: {figure.get('source', '')}"
    return Decimal(str(spec)), "", ""


def _show(value: Decimal, unit: str) -> str:
    if unit == "GBP":
        return money(value)
    if unit == "%":
        return percent(value)
    text = format(value.normalize(), "f")
    return f"{text} {unit}".strip()


def _finding_row(sheet: TermSheet, f: Finding) -> FindingRow:
    problem = sheet.source.problem(f.loc, "")
    where = str(problem).rstrip(": ").rstrip()
    return FindingRow(f.severity, f.rule, f.message, where or dotted(f.loc), who_acts(type(sheet.model), f.loc))


__all__ = ["Review", "build_review"]
