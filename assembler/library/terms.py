"""Defined terms a generated draft defines and never uses.

The definitions clause lists only terms the draft uses, so what can go unused is a term defined
elsewhere: a party's short name in the parties block ("Trust") that no clause ever calls that party,
and a term a clause defines in passing (`(the "Existing Parties")`). A lawyer strikes such a term on
first reading; `library check` finds it first in every sample's draft (`check_unused_terms`), and
`unused_terms(document)` in any one.
"""

from __future__ import annotations

import re

from assembler.errors import Problem
from assembler.model import Document, Paragraph, Table, Term, iter_inlines, plain_text

# A term defined in running text: ("Existing Parties") or (the "Alliance Agreement").
_INLINE_DEFINITION = re.compile(r'\((?:the |each |an? )?["“]([^"”]{2,60})["”]\)')


def check_unused_terms(catalogue, drafts=None) -> list[Problem]:
    """Every defined term a sample's draft never uses, reported against the sample (a sample that
    does not assemble is the references check's to report)."""
    from assembler.library.samples import sample_drafts

    return [Problem(message, str(sample), None, "defined terms")
            for sample, doc in (sample_drafts(catalogue) if drafts is None else drafts)
            if isinstance(doc, Document) for message in unused_terms(doc)]


def unused_terms(doc: Document) -> list[str]:
    """Each defined term of the draft that nothing else in it uses, as a sentence naming where it is
    defined; empty for a clean draft."""
    body = _body_text(doc)
    used = {i.name for c in doc.all_clauses() for i in iter_inlines(c.blocks) if isinstance(i, Term)}
    used |= {i.name for d in doc.definitions for i in d.inlines if isinstance(i, Term)}
    out = []
    for party in doc.parties:
        if party.short_name not in used and not _mentions(body, party.short_name):
            out.append(f"the parties block defines {party.short_name!r} for {party.name}, "
                       "but no clause uses it")
    for clause in doc.all_clauses():
        for text in _texts(clause.blocks):
            for term in _INLINE_DEFINITION.findall(text):
                if len(_occurrences(body, term)) < 2:
                    out.append(f"{clause.id} defines {term!r} in its text, but nothing else uses it")
    return out


def _texts(blocks) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(block.text)
        elif isinstance(block, Table):
            out += [plain_text(cell) for row in [block.header, *block.rows] for cell in row]
    return out


def _body_text(doc: Document) -> str:
    parts = [t for c in doc.all_clauses() for t in _texts(c.blocks)]
    parts += [plain_text(d.inlines) for d in doc.definitions]
    return "\n".join(parts)


def _occurrences(text: str, term: str) -> list[re.Match]:
    return list(re.finditer(rf"(?<!\w){re.escape(term)}(?!\w)", text))


def _mentions(text: str, term: str) -> bool:
    return bool(_occurrences(text, term))


# A term a clause defines in its text with "means": "Attributable Contribution" means ...
_MEANS_DEFINITION = re.compile(r'["“]([A-Z][^"”]{1,60})["”] means\b')


def term_problems(doc: Document) -> list[str]:
    """What a reader of the finished draft notices about its defined terms, each as a sentence: a
    term defined twice (in the definitions clause and again in a clause's text, or in two clauses),
    a term used in lower case after "the" where the capitalised term is defined ("the homes" beside
    "Homes"), and a term defined and never used. Read from the document model, so it holds for any
    sheet, not only the samples."""
    return [*_defined_twice(doc), *_lower_case_uses(doc), *unused_terms(doc)]


def _defined_twice(doc: Document) -> list[str]:
    where: dict[str, list[str]] = {d.term: ["the definitions clause"] for d in doc.definitions}
    for clause in doc.all_clauses():
        for text in _texts(clause.blocks):
            for term in {*_INLINE_DEFINITION.findall(text), *_MEANS_DEFINITION.findall(text)}:
                place = _place(clause)
                if place not in where.setdefault(term, []):
                    where[term].append(place)
    return [f"{term!r} is defined more than once: in {' and in '.join(places)}"
            for term, places in where.items() if len(places) > 1]


def _place(clause) -> str:
    kind = {"schedule": "Schedule", "recital": "the recitals"}.get(clause.kind, "clause")
    if clause.kind == "recital":
        return kind
    return f"{kind} {clause.number} ({clause.title})" if clause.number else clause.title


# Terms whose lower-case form has its own ordinary meaning in an agreement ("the law of England and
# Wales", "the parties to a dispute"), so a lower-case use is no sign of a missed defined term.
_ORDINARY = {"Agreement", "Law", "Party", "Parties"}


def _lower_case_uses(doc: Document) -> list[str]:
    body = _body_text(doc)
    own = {d.term: plain_text(d.inlines) for d in doc.definitions}
    out = []
    for term in sorted({*own, *(p.short_name for p in doc.parties)}):
        lower = term.lower()
        if lower == term or not term[:1].isupper() or term in _ORDINARY:
            continue
        pattern = re.compile(rf"(?<![\w-])the {re.escape(lower)}(?![\w-])")
        # A term's own definition may use the ordinary word ("Homes means the homes at ...").
        count = len(pattern.findall(body)) - len(pattern.findall(own.get(term, "")))
        if count > 0:
            out.append(f"'the {lower}' appears {count} time{'s' if count > 1 else ''} in lower case "
                       f"although {term!r} is a defined term: use the defined term, or say why not")
    return out
