"""Every open fact in operative text must name the term-sheet field that fills it.

A draft passes `assemble --final` only when the term sheet can close every open fact. A literal
`[[?label]]` in a clause, or `{{ none | open("label") }}`, is a blank no field can ever fill, so the
library check names each one with its file and line. An open fact is written as
`{{ field | open("label") }}`; a blank in a form completed later (a form of deed or notice) is
`[[_label]]`, which is never an open fact.
"""

from __future__ import annotations

import re

from jinja2 import TemplateSyntaxError, nodes

from assembler.errors import Problem
from assembler.library.catalogue import Catalogue
from assembler.library.clausefile import ClauseFile
from assembler.render.jinja import environment

BARE = re.compile(r"\[\[\?(.+?)\]\]")
HOW = 'print the term-sheet field that fills it, {{ field | open("label") }} (a form\'s blank is [[_label]])'


def check_placeholders(catalogue: Catalogue) -> list[Problem]:
    problems: list[Problem] = []
    for f in catalogue.files:
        problems += _bare(f) + _constant_open(f)
    return problems


def _sources(f: ClauseFile) -> list[tuple[str, str, int | None]]:
    """(where, text, first file line) of a clause's operative text: its body and definitions."""
    return [("body", f.body, f.body_line),
            *((f"defines.{term}", text, None) for term, text in f.header.defines.items())]


def _bare(f: ClauseFile) -> list[Problem]:
    out = []
    for where, text, first in _sources(f):
        for m in BARE.finditer(text):
            line = first + text.count("\n", 0, m.start()) if first else None
            out.append(Problem(f"placeholder [[?{m.group(1)}]] names no term-sheet field that could fill it; {HOW}",
                               str(f.path), line, where))
    return out


def _constant_open(f: ClauseFile) -> list[Problem]:
    out = []
    for where, text, first in _sources(f):
        try:
            tree = environment().parse(text)
        except TemplateSyntaxError:
            continue  # reported by the template check
        for node in tree.find_all(nodes.Filter):
            if node.name != "open":
                continue
            base = node.node
            while isinstance(base, nodes.Filter):
                base = base.node
            if isinstance(base, nodes.Const):
                label = node.args[0].value if node.args and isinstance(node.args[0], nodes.Const) else "?"
                line = first + node.lineno - 1 if first else None
                out.append(Problem(f"open({label!r}) is applied to a constant, not a term-sheet field; {HOW}",
                                   str(f.path), line, where))
    return out
