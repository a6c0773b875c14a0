"""Read a draft's clauses as text in family tests: one copy of the helpers the family test files share."""

from __future__ import annotations

from pathlib import Path

from assembler.assemble import assemble
from assembler.model import Paragraph, Table, iter_paragraphs, plain_text
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import read_termsheet, validate
from tests.conftest import DRAFT_DATE


def document_of(catalogue, text: str):
    """The document model of a term sheet given as text (a sample with a value changed, say)."""
    return assemble(validate(load_text(text, "t.yaml"), catalogue), catalogue, today=DRAFT_DATE).document


def flat(text: str) -> str:
    """The text with every run of white space (line breaks from paragraphs and cells included) as one space."""
    return " ".join(text.split())


def clause_text(doc, clause_id: str, *, flat: bool = False) -> str:
    """A clause's paragraphs and table cells, one per line; `flat` joins them with single spaces, for
    phrases that may run across a line break."""
    c = next(c for c in doc.all_clauses() if c.id == clause_id)
    cells = [plain_text(cell) for b in c.blocks if isinstance(b, Table) for row in [b.header, *b.rows] for cell in row]
    text = "\n".join([*(p.text for p in iter_paragraphs(c.blocks)), *cells])
    return _flat(text) if flat else text


def note(doc, clause_id: str) -> str:
    """A clause's drafting note, or '' if it has none."""
    return next(c for c in doc.all_clauses() if c.id == clause_id).note or ""


_flat = flat  # clause_text's keyword hides the function inside it


def says(text: str, present=(), absent=()) -> None:
    """Assert that the text has every phrase in `present` and none in `absent`: the check of a parametrised wording
    test, one case a sheet, so that each case keeps every phrase its own test checked."""
    for phrase in present:
        assert phrase in text
    for phrase in absent:
        assert phrase not in text


def all_text(doc) -> str:
    """Every clause's text followed by its drafting note, for a phrase that may sit in any clause or note."""
    return "\n".join(clause_text(doc, c.id) + "\n" + (c.note or "") for c in doc.all_clauses())


def definition(doc, term: str) -> str:
    """One defined term's definition, flattened."""
    return flat(next(plain_text(d.inlines) for d in doc.definitions if d.term == term))


# --- the alliance family's readers, shared by its subject files ---------------------------------

_BUILT: dict = {}


def build(path, catalogue):
    """The assembly result of the term sheet at `path`, made once per session for each path: the family tests
    only read the drafts, and most of them read the same few samples."""
    key = (str(path), Path(path).read_text(encoding="utf-8"), id(catalogue))  # a variant written to the same path misses
    if key not in _BUILT:
        _BUILT[key] = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    return _BUILT[key]


def clause(doc, clause_id):
    """The clause with this id."""
    return next(c for c in doc.all_clauses() if c.id == clause_id)


def table_rows(c) -> list[list[str]]:
    """The body rows of the clause's first table, as text."""
    table = next(b for b in c.blocks if isinstance(b, Table))
    return [[plain_text(cell) for cell in row] for row in table.rows]


def text_of(c) -> str:
    """The clause's top-level paragraphs, one per line (no table cells)."""
    return "\n".join(p.text for p in c.blocks if isinstance(p, Paragraph))


def alliance_gated(path, catalogue):
    """The alliance sheet at `path` with the gate on Gain instructed (gain_gate: true), for the tests of the gate
    itself: a sheet silent on it has no gate (r18b al-fresh finding 2)."""
    source = path.read_text(encoding="utf-8").replace("\n  kpis:", "\n  gain_gate: true\n  kpis:", 1)
    assert "gain_gate: true" in source
    return document_of(catalogue, source)


def clause_ids(doc) -> set[str]:
    """The ids of the draft's clauses."""
    return {c.id for c in doc.all_clauses()}


def flat_note(doc, clause_id: str) -> str:
    """A clause's drafting note, flattened."""
    return _flat(note(doc, clause_id))


def alliance_key_row(doc, item: str) -> list[str]:
    """The alliance key-information table's row whose first cell starts with `item`."""
    return next(r for r in table_rows(clause(doc, "alliance.key-information")) if r[0].startswith(item))


def variant_of(catalogue, path, old: str, new: str):
    """The document model of the sheet at `path` with `old` replaced once by `new`."""
    source = path.read_text()
    assert old in source
    return assemble(validate(load_text(source.replace(old, new, 1), path.name), catalogue), catalogue,
                    today=DRAFT_DATE).document


def variant_file(tmp_path, path, old: str, new: str):
    """The sheet at `path` with `old` replaced once by `new`, written under tmp_path (for the command line)."""
    text = path.read_text()
    assert old in text
    out = tmp_path / "variant.yaml"
    out.write_text(text.replace(old, new, 1))
    return out


def document_text(result) -> str:
    """Every paragraph and table cell of the draft, clauses and schedules, as one string."""
    out = []
    for c in result.document.all_clauses():
        out += [p.text for p in iter_paragraphs(c.blocks)]
        for block in c.blocks:
            if isinstance(block, Table):
                out += [plain_text(cell) for row in [block.header, *block.rows] for cell in row]
    return "\n".join(out)
