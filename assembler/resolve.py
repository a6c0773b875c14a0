"""Number the draft, resolve cross-references by clause id, and build the definitions clause.

Numbers computed here are exactly what house.docx's numbering shows, so the cached text of every
REF field is right before any field is updated (in Word, LibreOffice and PDF alike).
"""

from __future__ import annotations

from dataclasses import dataclass

from assembler.errors import Problem, UserError
from assembler.model import Clause, Definition, Document, Paragraph, Ref, Term, iter_inlines, iter_paragraphs
from assembler.render.markup import DEFINITIONS_SLOT

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def alpha(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (as Word's lowerLetter numbering counts)."""
    return LETTERS[(n - 1) % 26] * ((n - 1) // 26 + 1)


def roman(n: int) -> str:
    out = ""
    for value, letters in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += letters
            n -= value
    return out


@dataclass(frozen=True)
class Target:
    prefix: str
    label: str
    suffix: str
    bookmark: str


class ParagraphCounter:
    """Numbers the paragraphs under one clause or schedule exactly as house.docx's lists count them:
    1.1 / (a) / (i) in clause 1, and 1. / (a) / (i) in a schedule. Reading a .docx back uses the
    same counter, so both sides of a comparison carry the same labels."""

    def __init__(self, stem: str = "", *, schedule: bool = False):
        self.stem, self.schedule = stem, schedule
        self.first = self.second = self.third = 0

    def step(self, level: int) -> str:
        """The label of the next paragraph at `level` (1, 2 or 3), as printed beside it."""
        if level == 1:
            self.first, self.second, self.third = self.first + 1, 0, 0
            return f"{self.first}." if self.schedule else f"{self.stem}{self.first}"
        if level == 2:
            self.second, self.third = self.second + 1, 0
            return f"({alpha(self.second)})"
        self.third += 1
        return f"({roman(self.third)})"

    def full(self, level: int) -> str:
        """The last paragraph's full number for a cross-reference: 5.2(a), or 3(a)(ii) in a schedule."""
        label = str(self.first) if self.schedule else f"{self.stem}{self.first}"
        if level >= 2:
            label += f"({alpha(self.second)})"
        if level >= 3:
            label += f"({roman(self.third)})"
        return label


def number_document(doc: Document) -> dict[str, Target]:
    """Give every clause, schedule and numbered paragraph its number and bookmark; return targets."""
    targets: dict[str, Target] = {}
    counter = iter(range(100_000_001, 999_999_999))
    letter = 0
    for recital in doc.recitals:
        recital.number = ""
        for para in iter_paragraphs(recital.blocks):
            letter += 1
            para.number = f"({alpha(letter).upper()})"
    for n, clause in enumerate(doc.clauses, start=1):
        clause.number = str(n)
        clause.bookmark = f"_Ref{next(counter)}"
        targets[clause.id] = Target("clause ", clause.number, "", clause.bookmark)
        _number_paragraphs(clause, ParagraphCounter(f"{n}."), targets, counter)
    for n, schedule in enumerate(doc.schedules, start=1):
        schedule.number = str(n)
        schedule.bookmark = f"_Ref{next(counter)}"
        targets[schedule.id] = Target("", f"Schedule {n}", "", schedule.bookmark)
        _number_paragraphs(schedule, ParagraphCounter(schedule=True), targets, counter)
    return targets


def _number_paragraphs(clause: Clause, numbers: ParagraphCounter, targets: dict[str, Target], counter) -> None:
    for para in iter_paragraphs(clause.blocks):
        if para.kind != "numbered":
            continue
        para.number = numbers.step(para.level)
        if para.anchor:
            para.bookmark = f"_Ref{next(counter)}"
            key = f"{clause.id}#{para.anchor}"
            if numbers.schedule:
                targets[key] = Target("paragraph ", numbers.full(para.level), f" of Schedule {clause.number}",
                                      para.bookmark)
            else:
                targets[key] = Target("clause ", numbers.full(para.level), "", para.bookmark)


def resolve_references(doc: Document, targets: dict[str, Target], omitted: dict[str, str], where: str) -> None:
    """Fill every Ref; a reference to a clause the draft does not contain is an error, never
    'Error! Reference source not found'."""
    problems = []
    for clause in doc.all_clauses():
        refs = [i for i in iter_inlines(clause.blocks) if isinstance(i, Ref)]
        problems += _fill(refs, targets, omitted, f"{where} ({clause.id})")
    for definition in doc.definitions:
        refs = [i for i in definition.inlines if isinstance(i, Ref)]
        problems += _fill(refs, targets, omitted, f"{where} (definition of {definition.term})")
    for clause in doc.all_clauses():
        if clause.note and "<" in clause.note:
            clause.note = _note_refs(clause.note, targets, omitted, f"{where} ({clause.id} note)", problems)
    if problems:
        raise UserError(problems)


def _note_refs(note: str, targets: dict[str, Target], omitted: dict[str, str], where: str,
               problems: list[Problem]) -> str:
    """A drafting note is plain text: a [[ref:...]] in it (printed "<id>") becomes its number as printed."""
    import re

    def number(match: re.Match) -> str:
        ref = Ref(match.group(1))
        problems.extend(_fill([ref], targets, omitted, where))
        return ref.prefix + ref.label + ref.suffix if ref.label else match.group(0)

    return re.sub(r"<((?:[a-z0-9-]+\.)+[a-z0-9-]+(?:#[a-z0-9-]+)?)>", number, note)


def _fill(refs: list[Ref], targets: dict[str, Target], omitted: dict[str, str], where: str) -> list[Problem]:
    problems = []
    for ref in refs:
        target = targets.get(ref.target)
        if target is None:
            base = ref.target.split("#")[0]
            why = (f"which this draft leaves out because {omitted[base]}" if base in omitted
                   else "which is not in this draft")
            problems.append(Problem(f"refers to {ref.target!r}, {why}; change the term sheet or the clause", where))
            continue
        prefix = target.prefix
        if ref.capital:
            prefix = prefix[:1].upper() + prefix[1:]
        ref.prefix, ref.label, ref.suffix, ref.bookmark = prefix, target.label, target.suffix, target.bookmark
    return problems


def used_terms(doc: Document) -> set[str]:
    found = set()
    for clause in doc.all_clauses():
        found.update(i.name for i in iter_inlines(clause.blocks) if isinstance(i, Term))
    return found


def definition_paragraphs(definitions: list[Definition]) -> list[Paragraph]:
    return [Paragraph([Term(d.term, d.term), *_means(d)], kind="definition", level=1) for d in definitions]


def _means(definition: Definition) -> list:
    from assembler.model import Text

    inlines = list(definition.inlines)
    first = inlines[0] if inlines else None
    starts = first.text.lstrip().lower() if isinstance(first, Text) else ""
    if not starts.startswith(("means", "has the meaning", "includes", "has the meanings")):
        inlines.insert(0, Text("means "))
    inlines.insert(0, Text(" "))
    return inlines


def place_definitions(doc: Document) -> None:
    """Replace the [[definitions]] slot in the definitions clause with the generated list."""
    for clause in doc.clauses:
        for i, block in enumerate(clause.blocks):
            if isinstance(block, Paragraph) and block.kind == DEFINITIONS_SLOT:
                clause.blocks[i : i + 1] = definition_paragraphs(doc.definitions)
                return
