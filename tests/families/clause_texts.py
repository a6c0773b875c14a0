"""Read a draft's clauses as text in family tests: one copy of the helpers the review-round test files share."""

from __future__ import annotations

from assembler.assemble import assemble
from assembler.model import Table, iter_paragraphs, plain_text
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
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


def all_text(doc) -> str:
    """Every clause's text followed by its drafting note, for a phrase that may sit in any clause or note."""
    return "\n".join(clause_text(doc, c.id) + "\n" + (c.note or "") for c in doc.all_clauses())


def definition(doc, term: str) -> str:
    """One defined term's definition, flattened."""
    return flat(next(plain_text(d.inlines) for d in doc.definitions if d.term == term))


def document_text(result) -> str:
    """Every paragraph and table cell of the draft, clauses and schedules, as one string."""
    out = []
    for c in result.document.all_clauses():
        out += [p.text for p in iter_paragraphs(c.blocks)]
        for block in c.blocks:
            if isinstance(block, Table):
                out += [plain_text(cell) for row in [block.header, *block.rows] for cell in row]
    return "\n".join(out)
