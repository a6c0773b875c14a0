"""Render selected clause files against the term sheet into model Clauses and Definitions."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError

from assembler.errors import LibraryError, Problem
from assembler.library.clausefile import ClauseFile
from assembler.model import Clause, Inline, Paragraph
from assembler.render.jinja import compile_template
from assembler.render.markup import MarkupError, parse_blocks, parse_inlines


def render_text(clause: ClauseFile, source: str, context: dict[str, Any], line: int) -> str:
    """Render one piece of a clause file, turning Jinja faults into library errors with a line."""
    try:
        text = compile_template(source).render(**context)
    except TemplateSyntaxError as e:
        raise LibraryError(Problem(f"template syntax: {e.message}", str(clause.path), line + (e.lineno or 1) - 1)) from e
    except TemplateError as e:
        raise LibraryError(Problem(f"cannot render with this term sheet: {e}", str(clause.path), line)) from e
    except (TypeError, ValueError, ArithmeticError, AttributeError, KeyError, IndexError) as e:
        # A template's arithmetic or data fault (a float meeting a Decimal, None where a list was expected) is the
        # library's, not the user's: name the clause file instead of showing a traceback.
        raise LibraryError(Problem(f"cannot render with this term sheet: {type(e).__name__}: {e}",
                                   str(clause.path), line)) from e
    return letter_wording(text) if context.get("letter") else text


_OWN_NAME = re.compile(r"\b(?:(this|This|the|The|an|An) )?\[\[Agreement\]\]")


def letter_wording(text: str) -> str:
    """A letter's name for itself: "this letter", never "this Agreement", so that an offer letter
    reads as a letter; the defined term Agreement then drops out of its definitions."""
    return _OWN_NAME.sub(lambda m: ("This" if (m.group(1) or "").istitle() else "this") + " letter", text)


def render_clause(clause: ClauseFile, context: dict[str, Any], roles: Callable[[str], str]) -> Clause:
    text = render_text(clause, clause.body, context, clause.body_line)
    try:
        blocks = parse_blocks(text, roles)
    except MarkupError as e:
        raise LibraryError(Problem(str(e), str(clause.path), clause.body_line + e.line - 1)) from e
    header = clause.header
    note = None
    if header.note:
        note = render_plain(clause, header.note, context, roles)
    if header.kind == "recital":
        for block in blocks:
            if isinstance(block, Paragraph):
                block.kind = "recital"
    title = header.title
    for other in header.titles:
        if _condition_holds(clause, other.get("when", ""), context):
            title = other.get("title") or title
            break
    title = title.replace("this Agreement", "this letter") if context.get("letter") else title
    return Clause(
        id=header.id, version=header.version, status=header.status, title=title,
        kind=header.kind, blocks=blocks, note=note, position=header.position,
        variant=header.variant, standard=header.standard or header.position is None,
    )


def _condition_holds(clause: ClauseFile, condition: str, context: dict[str, Any]) -> bool:
    """A `titles:` entry's condition, evaluated like a clause's `when:`."""
    from assembler.render.jinja import compile_condition

    try:
        return bool(compile_condition(condition)(**context))
    except Exception as e:  # noqa: BLE001 - a library fault, named with its file
        raise LibraryError(Problem(f"cannot evaluate a title's `when: {condition}`: {e}", str(clause.path), 2)) from e


def render_plain(clause: ClauseFile, source: str, context: dict[str, Any], roles: Callable[[str], str]) -> str:
    """A drafting note as plain text (terms printed as written, placeholders bracketed)."""
    from assembler.model import plain_text

    return plain_text(render_inlines(clause, source, context, roles, 2)).strip()


def render_inlines(clause: ClauseFile, source: str, context: dict[str, Any],
                   roles: Callable[[str], str], line: int) -> list[Inline]:
    text = " ".join(render_text(clause, source, context, line).split())
    try:
        return parse_inlines(text, roles, line)
    except MarkupError as e:
        raise LibraryError(Problem(str(e), str(clause.path), line)) from e
