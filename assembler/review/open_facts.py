"""The review pack's open facts, split by who supplies them: the commissioner, or legal.

An open fact is either a required text the term sheet left empty (validation records its field and
line) or a clause's `{{ field | open("label") }}`. For the second, the clause's template says which
field fills it: the syntax tree gives the field's path (through a `for` loop's list where the value
is a loop variable), and the model's marker on that path says who supplies it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jinja2 import TemplateSyntaxError, nodes

from assembler.library.catalogue import Catalogue
from assembler.render.jinja import environment
from assembler.termsheet.common import COMMISSIONER, LEGAL
from assembler.termsheet.loader import dotted
from assembler.termsheet.supply import supplier_at

WHO = {COMMISSIONER: "The commissioner can supply", LEGAL: "Legal supplies"}


@dataclass
class OpenFactRow:
    label: str
    supplier: str  # commissioner or legal
    field: str  # the term-sheet field that fills it ("" when not known)
    line: int | None
    where: list[str] = field(default_factory=list)  # clause number and heading, in document order


def open_fact_rows(sheet, placeholders: list[tuple[str, str]], catalogue: Catalogue) -> list[OpenFactRow]:
    """One row per open fact, with every place it appears, the commissioner's first."""
    model_class = type(sheet.model)
    recorded = {f.label: f for f in getattr(sheet, "open_facts", ())}
    by_label = fields_by_label(catalogue, model_class)
    rows: dict[str, OpenFactRow] = {}
    for label, where in placeholders:
        row = rows.get(label)
        if row is None:
            fact = recorded.get(label)
            if fact is not None:
                row = OpenFactRow(label, fact.supplier, dotted(fact.loc), fact.line)
            else:
                loc = by_label.get(label) or _signatory_field(sheet.model, label)
                supplier = supplier_at(model_class, loc) if loc else COMMISSIONER
                row = OpenFactRow(label, supplier, dotted(loc) if loc else "", sheet.source.lines.get(tuple(loc)) if loc else None)
            rows[label] = row
        if where not in row.where:
            row.where.append(where)
    ordered = list(rows.values())
    return [r for r in ordered if r.supplier == COMMISSIONER] + [r for r in ordered if r.supplier == LEGAL]


_CACHE: dict[int, tuple[Catalogue, dict[str, list[tuple]]]] = {}


def _fields_by_label(catalogue: Catalogue) -> dict[str, list[tuple]]:
    cached = _CACHE.get(id(catalogue))
    if cached is not None and cached[0] is catalogue:
        return cached[1]
    found: dict[str, list[tuple]] = {}
    for f in catalogue.files:
        for text in (f.body, *f.header.defines.values()):
            try:
                tree = environment().parse(text)
            except TemplateSyntaxError:
                continue
            loops = {}
            for loop in tree.find_all(nodes.For):
                if isinstance(loop.target, nodes.Name):
                    base = _path(loop.iter, {})
                    if base is not None:
                        loops[loop.target.name] = (*base, 0)
            for node in tree.find_all(nodes.Filter):
                if node.name != "open" or not node.args or not isinstance(node.args[0], nodes.Const):
                    continue
                base = node.node
                while isinstance(base, nodes.Filter):
                    base = base.node
                path = _path(base, loops)
                if path and path not in found.setdefault(node.args[0].value, []):
                    found[node.args[0].value].append(path)
    _CACHE[id(catalogue)] = (catalogue, found)
    return found


def _signatory_field(model, label: str) -> tuple | None:
    """'name of Council's signatory' -> ('funder', 'signatory', 'name'): the signature blocks open
    these facts in Python (assembler/execution.py), not through `open(...)`, so the pack finds the
    party whose possessive the label names (a commissioner asked where to write the signatory)."""
    what, _, rest = label.partition(" of ")
    if what not in ("name", "position") or not rest.endswith(" signatory"):
        return None
    who = rest[: -len(" signatory")]
    for name in type(model).model_fields:
        party = getattr(model, name, None)
        if getattr(party, "possessive", None) == who:
            return (name, "signatory", what)
        for i, item in enumerate(party if isinstance(party, list) else []):
            if getattr(item, "possessive", None) == who:
                return (name, i, "signatory", what)
    return None


def fields_by_label(catalogue: Catalogue, model_class) -> dict[str, tuple]:
    """open() label -> the path of the field it is applied to, among the fields of this model."""
    fields = model_class.model_fields
    return {label: next(p for p in paths if p[0] in fields)
            for label, paths in _fields_by_label(catalogue).items() if any(p[0] in fields for p in paths)}


def _path(node, loops: dict) -> tuple | None:
    """`grant.subsidy.scheme_name` -> ('grant', 'subsidy', 'scheme_name'); a loop variable's field
    through its list (item 0 stands for any item); None for anything else."""
    parts = []
    while isinstance(node, nodes.Getattr):
        parts.append(node.attr)
        node = node.node
    if not isinstance(node, nodes.Name):
        return None
    root = loops.get(node.name, (node.name,))
    return (*root, *reversed(parts))
