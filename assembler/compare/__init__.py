"""Compare two versions of a draft: term sheets (assembled first) or .docx files (a draft partnerdraft
wrote, or one a lawyer has since edited in Word).

The redline itself (real Word tracked changes) comes from the Docxodus engine shipped in
python-redlines; see docs/compare.md for why. The summary printed beside it is computed here, over the
document model for term sheets and over paragraphs read back from Word for .docx files.
"""

from __future__ import annotations

import datetime as dt
import difflib
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assembler.compare.docx_read import ReadParagraph, check_docx, read_paragraphs
from assembler.compare.tracked import tidy
from assembler.errors import Problem, UserError
from assembler.library.catalogue import Catalogue

TERMSHEET_SUFFIXES = {".yaml", ".yml", ".json"}
MAX_LISTED = 20  # paragraphs listed in the summary
ENGINE_HINT = ("compare needs the Docxodus comparison engine from python-redlines; install it: "
               "pip install 'python-redlines[docxodus]' (or pip install 'partnerdraft[compare]')")


@dataclass
class ClauseText:
    label: str  # "5. Payment of the Grant" or "Schedule 2 Budget"
    text: str
    variant: str = ""


@dataclass
class Side:
    path: Path
    kind: str  # "termsheet" or "docx"
    docx: bytes
    family: str | None
    clauses: dict[str, ClauseText]  # by clause id (term sheet) or heading text (docx)
    clauses_by_title: dict[str, ClauseText]
    paragraphs: list[ReadParagraph]
    fields: dict[str, str] | None = None  # the term sheet flattened, positions included
    parts: dict[str, str] = field(default_factory=dict)  # cover page, parties, recitals...: their text
    key_terms: dict[str, str] | None = None  # the review pack's key terms and the positions, in words


@dataclass
class Summary:
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # path, old, new
    paragraphs: list[tuple[str, str, str]] = field(default_factory=list)  # kind, label, text
    insertions: int = 0
    deletions: int = 0

    def lines(self, old: Side, new: Side, author: str) -> list[str]:
        out = [f"Compared {old.path} ({old.kind}) with {new.path} ({new.kind})"
               + (f", family {new.family or old.family}" if (new.family or old.family) else "")]
        for name, items in (("added", self.added), ("removed", self.removed), ("changed", self.changed)):
            out.append(f"Parts {name}: {len(items)}" + (f": {'; '.join(items)}" if items else ""))
        if self.fields is not None and old.fields is not None and new.fields is not None:
            out.append(f"Term-sheet fields changed: {len(self.fields)}")
            out += [f"  {path}: {a} -> {b}" for path, a, b in self.fields]
        out.append(f"Paragraphs: {sum(k == 'added' for k, _, _ in self.paragraphs)} added, "
                   f"{sum(k == 'removed' for k, _, _ in self.paragraphs)} removed, "
                   f"{sum(k == 'changed' for k, _, _ in self.paragraphs)} changed")
        for kind, label, text in self.paragraphs[:MAX_LISTED]:
            short = text if len(text) <= 72 else text[:69].rstrip() + "..."
            out.append(f"  {kind:7} {label + ' ' if label else ''}{short}")
        if len(self.paragraphs) > MAX_LISTED:
            out.append(f"  ... and {len(self.paragraphs) - MAX_LISTED} more (see the redline)")
        out.append(f"Tracked changes by {author}: {self.insertions} insertion(s), {self.deletions} deletion(s)")
        return out + key_terms_table(old, new)


@dataclass
class Input:
    """An input checked before any assembly: what it is, and its family where known."""

    path: Path
    kind: str  # "termsheet" or "docx"
    family: str | None
    sheet: Any = None  # the validated term sheet
    blob: bytes = b""  # the .docx bytes


def open_input(path: Path, catalogue: Catalogue) -> Input:
    """Check one input cheaply (exists, a term sheet that validates or a real .docx)."""
    from assembler.writers.docx import stored_properties

    if not path.exists():
        raise UserError(Problem("no such file", str(path)))
    if path.is_dir():
        raise UserError(Problem("is a folder; expected a term sheet or a .docx draft", str(path)))
    suffix = path.suffix.lower()
    if suffix in TERMSHEET_SUFFIXES:
        from assembler.termsheet.validate import read_termsheet

        sheet = read_termsheet(path, catalogue)
        return Input(path, "termsheet", sheet.family, sheet=sheet)
    blob = path.read_bytes()
    if suffix != ".docx" and blob[:2] != b"PK":
        raise UserError(Problem("expected a term sheet (.yaml, .yml or .json) or a Word draft (.docx)", str(path)))
    check_docx(path, blob)
    try:
        family = stored_properties(blob).get("family")
    except Exception:  # noqa: BLE001 - a damaged custom.xml only loses the family check
        family = None
    return Input(path, "docx", family, blob=blob)


def load_side(source: Input, catalogue: Catalogue, *, today: dt.date | None) -> Side:
    if source.kind == "termsheet":
        return _termsheet_side(source, catalogue, today)
    return _docx_side(source.path, source.blob, source.family)


def _termsheet_side(source: Input, catalogue: Catalogue, today: dt.date | None) -> Side:
    from assembler.assemble import assemble
    from assembler.writers.docx import render_docx

    sheet = source.sheet
    result = assemble(sheet, catalogue, today=today)
    doc = result.document
    blob = render_docx(doc, catalogue.paths.house)  # exactly what `assemble` writes
    side = _docx_side(source.path, blob, sheet.family)
    side.kind = "termsheet"
    # Clause identity by id from the document model; the text as read back from the draft.
    by_heading = list(side.clauses_by_title.values())
    headed = [c for c in doc.all_clauses() if c.kind != "recital"]
    side.clauses = {}
    for clause, read in zip(headed, by_heading):
        side.clauses[clause.id] = ClauseText(read.label, read.text, clause.variant or "")
    side.key_terms = key_terms_of(sheet, catalogue, today)
    side.fields = _flatten(sheet.model.model_dump(mode="json"))
    side.fields.update({f"positions.{k}": v for k, v in sheet.positions.items()})
    return side


def key_terms_of(sheet, catalogue: Catalogue, today: dt.date | None) -> dict[str, str]:
    """Label -> value of each key term the review pack shows (parties, sums, dates, term, caps,
    returns) and each position in words, for the before-and-after table."""
    from assembler.assemble import context_for
    from assembler.model import shown
    from assembler.review import key_terms
    from assembler.review.report import _words_in, words

    context = context_for(sheet, catalogue, today)
    out = {term.label: shown(_words_in("; ".join(term.lines))) for term in key_terms(sheet, catalogue, context)}
    for name in sorted(catalogue.positions(sheet.family)):
        out[f"Position: {words(name)}"] = words(sheet.positions.get(name, ""))
    return out


def key_terms_table(old: Side, new: Side) -> list[str]:
    """One page: each key term that changed, before and after; the unchanged named in one line."""
    if old.key_terms is None or new.key_terms is None:
        return ["Key terms before and after: given only when both inputs are term sheets (a draft records "
                "its term sheet's hash, not its facts)"]
    labels = list(dict.fromkeys([*old.key_terms, *new.key_terms]))
    changed = [k for k in labels if old.key_terms.get(k) != new.key_terms.get(k)]
    out = [f"Key terms before and after: {len(changed)} of {len(labels)} changed"]
    for label in changed:
        out += [f"  {label}", f"    before: {_short(old.key_terms.get(label, '(none)'))}",
                f"    after:  {_short(new.key_terms.get(label, '(none)'))}"]
    same = [k for k in labels if k not in changed]
    if same:
        out.append(f"  Unchanged: {', '.join(same)}")
    return out


def _short(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _docx_side(path: Path, blob: bytes, family: str | None) -> Side:
    paragraphs = read_paragraphs(path, blob)
    groups: dict[str, ClauseText] = {}
    parts: dict[str, str] = {}
    current: ClauseText | None = None
    for para in paragraphs:
        line = f"{para.label} {para.text}".strip() + "\n"
        if para.heading:
            current = ClauseText(f"{para.label} {para.text}".strip(), "")
            kind = "schedule" if para.label.startswith("Schedule") else "clause"
            groups[f"{kind}:{_title_key(para.text)}"] = current
        elif para.part:
            parts[para.part] = parts.get(para.part, "") + line
        elif current is not None:
            current.text += line
    return Side(path, "docx", blob, family, groups, groups, paragraphs, parts=parts)


def _title_key(title: str) -> str:
    return " ".join(title.split()).casefold()


def _flatten(value: Any, prefix: str = "") -> dict[str, str]:
    out: dict[str, str] = {}
    if isinstance(value, dict):
        for key, item in value.items():
            out.update(_flatten(item, f"{prefix}.{key}" if prefix else str(key)))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            out.update(_flatten(item, f"{prefix}[{i}]"))
        if not value:
            out[prefix] = "[]"
    else:
        out[prefix] = "" if value is None else str(value)
    return out


def check_families(old: Input, new: Input) -> None:
    if old.family and new.family and old.family != new.family:
        raise UserError(Problem(f"cannot compare a {old.family} draft ({old.path}) with a {new.family} "
                                f"draft; both must be the same family of agreement", str(new.path)))


def summarise(old: Side, new: Side) -> Summary:
    summary = Summary()
    if old.kind == new.kind == "termsheet":
        a, b = old.clauses, new.clauses
    else:
        a, b = old.clauses_by_title, new.clauses_by_title
    summary.changed = [name for name in dict.fromkeys([*old.parts, *new.parts])
                       if old.parts.get(name) != new.parts.get(name)]
    summary.added = [b[k].label for k in b if k not in a]
    summary.removed = [a[k].label for k in a if k not in b]
    summary.changed += [b[k].label + _variant_change(a[k], b[k]) for k in b
                        if k in a and (a[k].text != b[k].text or a[k].variant != b[k].variant)]
    if old.fields is not None and new.fields is not None:
        keys = list(dict.fromkeys([*old.fields, *new.fields]))
        summary.fields = [(k, old.fields.get(k, "(absent)"), new.fields.get(k, "(absent)"))
                          for k in keys if old.fields.get(k) != new.fields.get(k)]
    summary.paragraphs = _paragraph_changes(old.paragraphs, new.paragraphs)
    return summary


def _variant_change(a: ClauseText, b: ClauseText) -> str:
    return f" (variant {a.variant or 'none'} -> {b.variant or 'none'})" if a.variant != b.variant else ""


def _paragraph_changes(old: list[ReadParagraph], new: list[ReadParagraph]) -> list[tuple[str, str, str]]:
    a = [p.text for p in old]
    b = [p.text for p in new]
    out = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            out.append(("changed", new[j1 + k].label, new[j1 + k].text))
        out += [("removed", p.label, p.text) for p in old[i1 + pairs:i2]]
        out += [("added", p.label, p.text) for p in new[j1 + pairs:j2]]
    return out


def engine():
    """The Docxodus engine, or a UserError naming the package to install."""
    try:
        from python_redlines import DocxodusEngine
        from python_redlines.engines import EngineNotInstalledError
    except ImportError as e:
        raise UserError(ENGINE_HINT) from e
    try:
        return DocxodusEngine()
    except (EngineNotInstalledError, OSError) as e:
        raise UserError(f"{ENGINE_HINT} ({e})") from e


def redline(old: bytes, new: bytes, *, author: str, redliner=None) -> bytes:
    """A .docx of NEW with every difference from OLD as a tracked change attributed to `author`."""
    redliner = redliner or engine()
    try:
        result, _, _ = redliner.run_redline(author, original=old, modified=new)
    except Exception as e:  # noqa: BLE001 - the engine's failures are reported, not tracebacks
        raise UserError(f"the comparison engine failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from e
    return bytes(result)


_INS = re.compile(rb"<w:ins\b")
_DEL = re.compile(rb"<w:del\b")


def count_changes(blob: bytes) -> tuple[int, int]:
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        xml = z.read("word/document.xml")
    return len(_INS.findall(xml)), len(_DEL.findall(xml))


def changed_at(today: dt.date | None) -> dt.datetime:
    """When the tracked changes say they were made: the `--date` given (so a redline can be made
    again identically), else now."""
    if today is not None:
        return dt.datetime.combine(today, dt.time(0), tzinfo=dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def compare(old_path: Path, new_path: Path, catalogue: Catalogue, *, author: str,
            today: dt.date | None = None) -> tuple[bytes, list[str]]:
    """The redline and the summary lines. Every check that needs no assembly runs first."""
    inputs = open_input(old_path, catalogue), open_input(new_path, catalogue)
    check_families(*inputs)
    redliner = engine()
    old, new = (load_side(i, catalogue, today=today) for i in inputs)
    summary = summarise(old, new)
    blob = tidy(redline(old.docx, new.docx, author=author, redliner=redliner), changed_at(today))
    summary.insertions, summary.deletions = count_changes(blob)
    return blob, summary.lines(old, new, author)
