"""The document model: plain data between rendering and writing, with no Jinja or Word types in it.

Rendering builds it, resolving numbers it, writers read it. Tests assert on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, Union

# An open fact inside a value: the term sheet left a required text empty, and validation put this
# mark in its place (the loader refuses these private-use characters in any input, so no one can
# type one). Clause text turns it into a Placeholder when rendering; text built in Python (a party's
# name and address, its signature block) carries it to the writers, which show it as a placeholder.
HOLE_OPEN, HOLE_CLOSE = "\ue002", "\ue003"
_HOLE = re.compile(HOLE_OPEN + "(.*?)" + HOLE_CLOSE, re.S)


def open_mark(label: str) -> str:
    """The value that stands for an open fact named `label`."""
    return HOLE_OPEN + label + HOLE_CLOSE


def holes_in(text: str) -> list[str]:
    """The labels of the open facts inside a piece of text."""
    return _HOLE.findall(text) if HOLE_OPEN in text else []


def split_holes(text: str) -> list[tuple[str, bool]]:
    """(piece, is an open fact's label) in order; plain text is one piece."""
    if HOLE_OPEN not in text:
        return [(text, False)]
    out, pos = [], 0
    for m in _HOLE.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(1), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def shown(text: str) -> str:
    """Text for a reader: each open fact as its placeholder, `[label]`."""
    return _HOLE.sub(lambda m: f"[{m.group(1)}]", text) if HOLE_OPEN in text else text


# The notice on the cover (or under a letter's heading) of the version for legal review: what the
# reviewing solicitor must take out before the draft goes to another party. The version for
# circulation has none of it. An agreement's notice says nothing of letters (reviewers found the
# letter wording on agreements); a letter's says the version issued for acceptance is the one that binds.
_NOTICE_START = ("Draft for legal review. It is not legal advice, and its drafting notes are for the reviewing "
                 "solicitor: before the draft goes to any other party, take out this notice, every drafting note "
                 "and the words \"for legal review, not legal advice\" in the header. ")
_NOTICE_END = (" carries no header legend at all: no \"DRAFT\", no date and no \"subject to contract\".")
REVIEW_NOTICE = _NOTICE_START + "The version to be signed" + _NOTICE_END
LETTER_REVIEW_NOTICE = (_NOTICE_START + "The version issued for acceptance, which binds once accepted,"
                        + _NOTICE_END)


@dataclass(frozen=True)
class Text:
    text: str


@dataclass(frozen=True)
class Term:
    """A use of a defined term; `display` is what prints (a plural, say)."""

    name: str
    display: str


@dataclass
class Ref:
    """A cross-reference to a clause, paragraph or schedule by id; `label` is filled by resolve."""

    target: str
    capital: bool = False
    label: str = ""  # e.g. "5.2" or "Schedule 3", the cached result of the Word field
    prefix: str = ""  # e.g. "clause " (outside the field)
    suffix: str = ""  # e.g. " of Schedule 3" after a paragraph number (outside the field)
    bookmark: str = ""


@dataclass(frozen=True)
class Placeholder:
    """A blank in the draft, shown in square brackets.

    `kind` "open" is a fact the term sheet left open (highlighted; `--final` refuses it); "blank" is
    a blank in a form meant to be completed later, such as a form of accession deed (styled as a
    form blank and never counted as an open fact).
    """

    label: str
    kind: Literal["open", "blank"] = "open"

    @property
    def is_open(self) -> bool:
        return self.kind == "open"


Inline = Union[Text, Term, Ref, Placeholder]
BlockKind = Literal["numbered", "body", "heading", "definition", "recital"]


@dataclass
class Paragraph:
    """One paragraph. `level` is 1 for a sub-clause (5.1), 2 for (a), 3 for (i); 0 is a heading."""

    inlines: list[Inline]
    kind: BlockKind = "numbered"
    level: int = 1
    anchor: str | None = None
    number: str = ""  # filled by resolve: "5.1", "(a)"
    bookmark: str = ""

    @property
    def text(self) -> str:
        return plain_text(self.inlines)


@dataclass
class Table:
    header: list[list[Inline]]
    rows: list[list[list[Inline]]]
    widths: list[int] = field(default_factory=list)  # relative; empty means equal columns
    right: list[bool] = field(default_factory=list)  # right-align the column (amounts)


Block = Union[Paragraph, Table]


@dataclass
class Clause:
    """A numbered clause, a recital group or a schedule, as rendered from one clause file."""

    id: str
    version: str
    status: str
    title: str
    kind: Literal["clause", "recital", "schedule"]
    blocks: list[Block] = field(default_factory=list)
    note: str | None = None
    position: str | None = None
    variant: str | None = None
    standard: bool = True
    number: str = ""  # "5" or "3" (schedule number), filled by resolve
    bookmark: str = ""


@dataclass
class Definition:
    term: str
    inlines: list[Inline]


@dataclass
class PartyBlock:
    """A party as it appears in the parties list and the signature blocks."""

    role: str
    name: str
    short_name: str
    description: str  # "a charitable company registered in England and Wales (company number ...)"
    address: str
    signatory_name: Inline
    signatory_position: Inline
    article: bool = True  # whether the defined name reads with "the": "the Council", but "P3"
    public_body: bool = False
    execution: list[list[Inline]] = field(default_factory=list)  # the signature block, line by line
    together: bool = False  # several persons defined as one ("(together, the Foundation)"): a trust's trustees

    @property
    def defined(self) -> str:
        """The defined name mid-sentence: "the Council", "P3"."""
        return f"the {self.short_name}" if self.article else self.short_name


@dataclass
class Document:
    """The whole draft."""

    family: str
    title: str
    subtitle: str
    reference: str
    date: Inline  # the blank the date is written in on completion
    marking: str  # the DRAFT line for the header
    parties: list[PartyBlock]
    recitals: list[Clause]
    clauses: list[Clause]
    schedules: list[Clause]
    definitions: list[Definition] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)
    deed: bool = False  # executed as a deed, not signed as a simple contract
    circulation: bool = False  # the version sent to the other parties: no review notice or notes
    letter: bool = False  # laid out as a letter (an offer letter) rather than as an agreement
    assumptions: list[str] = field(default_factory=list)  # levels assumed where the instructions are silent
    date_year: str = ""  # the year completion is expected in, printed after the date's blank

    def dated(self) -> list[Inline]:
        """The date as the cover, the first page and a letter print it: a blank written in when the
        last party signs (or a deed is delivered), followed by the year expected ("[date] 2027")."""
        return [self.date, Text(f" {self.date_year}")] if self.date_year else [self.date]

    def all_clauses(self) -> list[Clause]:
        return [*self.recitals, *self.clauses, *self.schedules]

    def contents(self) -> list[tuple[str, str]]:
        """(clause id, heading as printed) for each clause and schedule: the table of contents."""
        return ([(c.id, f"{c.number}. {c.title}") for c in self.clauses]
                + [(s.id, f"Schedule {s.number} {s.title}") for s in self.schedules])

    def placeholders(self) -> list[tuple[str, str]]:
        """Every open fact as (label, where), in document order; form blanks are not open facts."""
        return [(p.label, where) for p, where in self._blanks() if p.is_open]

    def form_blanks(self) -> list[tuple[str, str]]:
        """Every blank of a form to be completed later, as (label, where), in document order."""
        return [(p.label, where) for p, where in self._blanks() if not p.is_open]

    def _blanks(self) -> list[tuple[Placeholder, str]]:
        found: list[tuple[Placeholder, str]] = []
        if isinstance(self.date, Placeholder):
            found.append((self.date, "cover and date"))
        for party in self.parties:
            for label in holes_in(f"{party.name} {party.description} {party.address}"):
                found.append((Placeholder(label), "parties"))
        for party in self.parties:
            lines = party.execution or [[party.signatory_name, party.signatory_position]]
            for inline in (i for line in lines for i in line):
                if isinstance(inline, Placeholder):
                    found.append((inline, f"signature block of {shown(party.name)}"))
                elif isinstance(inline, Text):
                    found += [(Placeholder(label), f"signature block of {shown(party.name)}")
                              for label in holes_in(inline.text)]
        for clause in self.all_clauses():
            where = clause_where(clause)
            for inline in iter_inlines(clause.blocks):
                if isinstance(inline, Placeholder):
                    found.append((inline, where))
                elif isinstance(inline, Text):
                    found += [(Placeholder(label), where) for label in holes_in(inline.text)]
        for definition in self.definitions:
            for inline in definition.inlines:
                if isinstance(inline, Placeholder):
                    found.append((inline, f"definition of {definition.term}"))
        return found


def clause_where(clause: Clause) -> str:
    if clause.kind == "schedule":
        return f"Schedule {clause.number} ({clause.title})"
    if clause.kind == "recital":
        return "recitals"
    return f"clause {clause.number} ({clause.title})"


def iter_inlines(blocks: list[Block]):
    for block in blocks:
        if isinstance(block, Paragraph):
            yield from block.inlines
        else:
            for row in [block.header, *block.rows]:
                for cell in row:
                    yield from cell


def iter_paragraphs(blocks: list[Block]):
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block


def plain_text(inlines: list[Inline]) -> str:
    out = []
    for inline in inlines:
        if isinstance(inline, Text):
            out.append(shown(inline.text))
        elif isinstance(inline, Term):
            out.append(inline.display)
        elif isinstance(inline, Ref):
            out.append(inline.prefix + (inline.label or f"<{inline.target}>") + inline.suffix)
        else:
            out.append(f"[{inline.label}]")
    return "".join(out)
