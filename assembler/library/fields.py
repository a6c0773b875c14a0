"""Which term-sheet fields a clause's Jinja uses, checked against the family's pydantic model.

A clause that names a field the model does not have would fail only when a term sheet reaches it;
walking the template's syntax tree finds it when the library is checked instead.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any

from jinja2 import nodes
from pydantic import BaseModel

from assembler.render.jinja import environment

UNKNOWN = object()  # a value whose type we do not track (dicts, figures, computed values)


def unwrap(annotation: Any) -> Any:
    """Strip Optional/Annotated; list[X] stays a list marker with its item type."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return unwrap(typing.get_args(annotation)[0])
    if origin is list:
        return ("list", unwrap(typing.get_args(annotation)[0]))
    if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return unwrap(args[0]) if len(args) == 1 else UNKNOWN
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return UNKNOWN


def root_names(model: type[BaseModel]) -> dict[str, Any]:
    from assembler.termsheet.common import Party

    names = {name: unwrap(f.annotation) for name, f in model.model_fields.items()}
    names.update(parties=("list", Party), commissioning=("list", Party), positions=UNKNOWN, figures=UNKNOWN, law=UNKNOWN,
                 draft_date=UNKNOWN, loop=UNKNOWN, third_party_rights=UNKNOWN, terms=UNKNOWN, positions_instructed=UNKNOWN)
    names.update({name: UNKNOWN for name in getattr(model, "DERIVED_NAMES", ())})  # see derived_context
    return names


def unknown_fields(source: str, model: type[BaseModel], family: str | None = None) -> list[tuple[str, int, str]]:
    """Names and attributes the template uses that the model lacks: (as written, line, suggestion). Given the
    family, a branch guarded by `family == "other"` (alone or first in an `and`) is not read: a shared clause
    may use another family's fields there, because that branch never renders for this family."""
    tree = _parse(source)
    problems: list[tuple[str, int, str]] = []
    _walk(tree, dict(root_names(model)), problems, family)
    return problems


def _other_family(test: nodes.Node, family: str | None) -> bool:
    """Whether an `if` test is false for this family: `family == "x"` (or `family == "x" and ...`), x another."""
    if family is None:
        return False
    if isinstance(test, nodes.And):
        return _other_family(test.left, family)
    return (isinstance(test, nodes.Compare) and isinstance(test.expr, nodes.Name) and test.expr.name == "family"
            and len(test.ops) == 1 and test.ops[0].op == "eq" and isinstance(test.ops[0].expr, nodes.Const)
            and test.ops[0].expr.value != family)


@cache
def _parse(source: str) -> nodes.Template:
    """A template's syntax tree, parsed once however many families check it (read, never changed)."""
    return environment().parse(source)


def _walk(node: nodes.Node, scope: dict[str, Any], problems: list[str], family: str | None = None) -> None:
    if isinstance(node, nodes.If) and _other_family(node.test, family):
        for child in [*node.elif_, *node.else_]:
            _walk(child, scope, problems, family)
        return
    if isinstance(node, nodes.For):
        _type_of(node.iter, scope, problems)
        inner = dict(scope)
        item = _type_of(node.iter, scope, [])
        item = item[1] if isinstance(item, tuple) and item[0] == "list" else UNKNOWN
        for target in node.target.find_all(nodes.Name) if not isinstance(node.target, nodes.Name) else [node.target]:
            inner[target.name] = item
        for child in [*node.body, *node.else_]:
            _walk(child, inner, problems, family)
        if node.test is not None:
            _walk(node.test, inner, problems, family)
        return
    if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
        for target in node.target.find_all(nodes.Name) if not isinstance(node.target, nodes.Name) else [node.target]:
            scope[target.name] = UNKNOWN
    if isinstance(node, (nodes.Getattr, nodes.Name)):
        _type_of(node, scope, problems)
        return
    for child in node.iter_child_nodes():
        _walk(child, scope, problems, family)


def _type_of(node: nodes.Node, scope: dict[str, Any], problems: list[str]) -> Any:
    if isinstance(node, nodes.Name):
        if node.name not in scope:
            problems.append((node.name, node.lineno, _closest(node.name, scope)))
            return UNKNOWN
        return scope[node.name]
    if isinstance(node, nodes.Getattr):
        owner = _type_of(node.node, scope, problems)
        if isinstance(owner, type) and issubclass(owner, BaseModel):
            if node.attr in owner.model_fields:
                return unwrap(owner.model_fields[node.attr].annotation)
            found = getattr(owner, node.attr, None)
            if isinstance(found, property):
                return UNKNOWN
            if callable(found) and not node.attr.startswith(("model_", "_")) and node.attr in vars(owner):
                return UNKNOWN  # a method the family's own model defines (subsidy.database_due(months))
            problems.append((_dotted(node), node.lineno, _closest(node.attr, owner.model_fields)))
        return UNKNOWN
    for child in node.iter_child_nodes():
        _walk(child, scope, problems)
    return UNKNOWN


def _dotted(node: nodes.Node) -> str:
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    return "..."


def _closest(name: str, names) -> str:
    import difflib

    found = difflib.get_close_matches(name, list(names), n=1)
    return found[0] if found else ""
