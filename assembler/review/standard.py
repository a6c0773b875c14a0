"""Standard against this deal: for each clause of this draft whose wording differs from the
library's standard, the standard wording and this deal's side by side, with the clause number.

The standard is computed, never stored: the same term sheet assembled with every position at the
family's standard variant. Paragraphs are compared with cross-references named by their target, so
a clause that only moved (its references renumbered) does not count as changed; the paragraphs that
do differ are shown as each draft numbers them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
from dataclasses import dataclass

from assembler.errors import UserError
from assembler.model import Clause, Document, Paragraph, Ref, Table, Term, Text, clause_where, shown


@dataclass
class ClauseDifference:
    where: str  # "clause 7 (Payment)" as this draft numbers it
    standard: str  # the standard's wording of the paragraphs that differ ("" if the clause is not in it)
    deal: str  # this deal's wording of those paragraphs


@dataclass
class StandardComparison:
    differences: list[ClauseDifference]
    note: str = ""  # why no side-by-side is given, when it is not


def compare_with_standard(sheet, catalogue, document: Document, *, today: dt.date | None) -> StandardComparison:
    """This draft's clauses against the same term sheet drafted on the library's standard positions."""
    from assembler.assemble import assemble

    standards = {name: p.standard or "" for name, p in catalogue.positions(sheet.family).items()}
    if all(sheet.positions.get(name) == variant for name, variant in standards.items()):
        return StandardComparison([], "None: every position in this draft is the library's standard.")
    try:
        standard = assemble(dataclasses.replace(sheet, positions=standards), catalogue, today=today,
                            findings=[]).document
    except UserError:
        # The whole draft does not hold together on the standard positions (a clause the standard
        # refers to is left out for this sheet): compare each position's clause on its own.
        return _clause_by_clause(sheet, catalogue, document, standards, today)
    note = ""
    if standard.letter != document.letter:
        # The form of the document is itself a position (a grant offer letter): compare with the
        # same form on every other position's standard, so the letter's own choices still show.
        letter = catalogue.manifest(sheet.family).letter or ""
        kept = {name: sheet.positions[name] for name in standards if name in letter and name in sheet.positions}
        if kept:
            try:
                standard = assemble(dataclasses.replace(sheet, positions={**standards, **kept}), catalogue,
                                    today=today, findings=[]).document
                note = ("Compared with the same form of document on the standard positions otherwise ("
                        + ", ".join(f"{n.replace('_', ' ')}: {v}" for n, v in kept.items()) + " kept as chosen). ")
            except UserError:
                pass
    if standard.letter != document.letter:
        form = "a letter" if document.letter else "a full agreement"
        other = "a full agreement" if document.letter else "a letter"
        return StandardComparison([], f"This draft is {form}; the standard form is {other}, so every clause differs. "
                                      "`partnerdraft compare` gives the two drafts as a redline.")
    by_id = {c.id: c for c in standard.all_clauses()}
    differences = []
    for clause in document.all_clauses():
        other = by_id.get(clause.id)
        if other is None:
            differences.append(ClauseDifference(clause_where(clause), "Not in the standard draft.", _words(clause)))
            continue
        changed = _changed(other, clause)
        if changed is not None:
            differences.append(ClauseDifference(clause_where(clause), *changed))
    return StandardComparison(differences, note + ("" if differences else
                              "None: the non-standard positions change no wording of the clauses in this draft."))


def _clause_by_clause(sheet, catalogue, document: Document, standards: dict[str, str],
                      today: dt.date | None) -> StandardComparison:
    """Each non-standard position's clause in this draft against its standard variant rendered
    against the same term sheet; cross-references in the standard wording are unnumbered."""
    from assembler.assemble import context_for, roles_for
    from assembler.render.clauses import render_clause

    standard_sheet = dataclasses.replace(sheet, positions=standards)
    context, roles = context_for(standard_sheet, catalogue, today), roles_for(standard_sheet)
    positions = catalogue.positions(sheet.family)
    differences = []
    for clause in document.all_clauses():
        if clause.position is None or clause.variant == standards.get(clause.position):
            continue
        files = positions[clause.position].variants.get(standards[clause.position], [])
        if not files:
            continue
        try:
            other = render_clause(files[0], context, roles)
        except UserError:
            continue
        changed = _changed(other, clause)
        if changed is not None:
            differences.append(ClauseDifference(clause_where(clause), *changed))
    return StandardComparison(differences, "" if differences else
                              "None: the non-standard positions change no wording of the clauses in this draft.")


def _changed(standard: Clause, deal: Clause) -> tuple[str, str] | None:
    """(standard's paragraphs, deal's paragraphs) where they differ, or None when the same."""
    a, b = _paragraphs(standard), _paragraphs(deal)
    keys_a, keys_b = [k for k, _ in a], [k for k, _ in b]
    if keys_a == keys_b:
        return None
    left, right = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False).get_opcodes():
        if tag != "equal":
            left += [shown_ for _, shown_ in a[i1:i2]]
            right += [shown_ for _, shown_ in b[j1:j2]]
    return "\n".join(left) or "(nothing: this deal adds the wording opposite)", \
        "\n".join(right) or "(nothing: this deal leaves out the wording opposite)"


def _paragraphs(clause: Clause) -> list[tuple[str, str]]:
    """(comparison key, wording as printed) for each paragraph and table row of a clause."""
    out = []
    for block in clause.blocks:
        if isinstance(block, Paragraph):
            printed = shown(f"{block.number} " + "".join(_plain(i) for i in block.inlines)).strip()
            out.append((_key(block.inlines), printed))
        elif isinstance(block, Table):
            for row in [block.header, *block.rows]:
                cells = [list(cell) for cell in row]
                # a row reads as its cells in order; no "|", which the terminal and Markdown would
                # both take for table syntax
                out.append(("; ".join(_key(c) for c in cells),
                            "; ".join(shown("".join(_plain(i) for i in c)) for c in cells)))
    return out


def _words(clause: Clause) -> str:
    return "\n".join(printed for _, printed in _paragraphs(clause))


def _key(inlines) -> str:
    return "".join(f"<{i.target}>" if isinstance(i, Ref) else _plain(i) for i in inlines)


def _plain(inline) -> str:
    if isinstance(inline, Text):
        return inline.text
    if isinstance(inline, Term):
        return inline.display
    if isinstance(inline, Ref):
        return inline.prefix + (inline.label or "[cross-reference]") + inline.suffix
    return f"[{inline.label}]"

