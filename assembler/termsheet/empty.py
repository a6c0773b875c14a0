"""What an empty value means, as the README promises: "leave a value empty where the fact is not
known yet: the draft shows a highlighted placeholder and `--final` refuses until it is filled".

Before the model reads the data:
- an optional field left empty takes its default (`reporting.frequency:` with nothing after it is
  quarterly, as if the line were left out), rather than being refused as empty;
- a required text left empty (or left out of a group that is given) becomes an open fact: a mark
  the renderer prints as a highlighted placeholder, recorded with its line so `--final` can say
  where to fill it in; a required list of text left empty holds one such open fact;
- numbers and dates are not made open: the rules compute with them (instalments against the
  maximum sum, dates against the draft date), so an empty one is still refused, in plain words.
A text that must follow a form (a short name, a member's key) cannot be open either: other parts
of the sheet and the draft's defined terms are built from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter

from assembler.model import open_mark
from assembler.termsheet.common import Party, possessive
from assembler.termsheet.messages import item_of, model_in
from assembler.termsheet.supply import supplier_at

_MISSING = object()


@dataclass(frozen=True)
class OpenFact:
    """A fact the term sheet left open: where it is and who supplies it."""

    label: str
    loc: tuple
    line: int | None
    supplier: str  # "commissioner" or "legal"


def open_empty_facts(data: Any, model_class: type[BaseModel], line_of) -> tuple[Any, list[OpenFact]]:
    """A copy of `data` with empty optional fields dropped and empty required texts made open
    facts, and the open facts made, in the order of the file."""
    facts: list[OpenFact] = []
    out = _walk(data, model_class, (), facts, model_class, line_of, data)
    return out, sorted(facts, key=lambda f: (f.line or 0, f.label))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value is _MISSING


def _walk(value: Any, model: type[BaseModel], loc: tuple, facts: list, root: type[BaseModel], line_of, data) -> Any:
    if not isinstance(value, dict):
        return value
    out = dict(value)
    for name, info in model.model_fields.items():
        given = value.get(name, _MISSING)
        here = (*loc, name)
        if _empty(given) or given == [] and info.is_required():
            if not info.is_required():
                if given is not _MISSING and not _takes_none(model, name):
                    del out[name]  # empty means "not given": the default applies
            elif _can_be_open(model, name):
                fact = _fact(here, root, line_of, data)
                facts.append(fact)
                out[name] = open_mark(fact.label)
            elif _text_list(model, name):
                fact = _fact(here, root, line_of, data)
                facts.append(fact)
                out[name] = [open_mark(fact.label)]
            continue
        inner = model_in(info.annotation)
        item = item_of(info.annotation)
        if isinstance(given, dict) and inner is not None and not info.is_required() and _blank_row(given):
            del out[name]  # an optional group with nothing filled in (as `new --blank` writes it) is not given
        elif isinstance(given, dict) and inner is not None:
            out[name] = _walk(given, inner, here, facts, root, line_of, data)
        elif isinstance(given, list) and item is not None and model_in(item) is not None:
            # A row left wholly empty (as `new --blank` writes one) in a list that may be empty is no row.
            keep = [(i, v) for i, v in enumerate(given) if info.is_required() or not _blank_row(v)]
            out[name] = [_walk(v, model_in(item), (*here, i), facts, root, line_of, data) for i, v in keep]
    return out


def _blank_row(value: Any) -> bool:
    """A row with no value anywhere in it."""
    if isinstance(value, dict):
        return all(_blank_row(v) for v in value.values())
    if isinstance(value, list):
        return all(_blank_row(v) for v in value)
    return value is None or value == ""


def _fact(loc: tuple, root: type[BaseModel], line_of, data) -> OpenFact:
    return OpenFact(_label(loc, root, data), loc, line_of(loc), supplier_at(root, loc))


def _label(loc: tuple, root: type[BaseModel], data: Any) -> str:
    """The placeholder's words as a lawyer writes them, never a field path: "Recipient's address", "purpose
    of the grant", "budget line 2: item"."""
    field = _words(loc[-1])
    top = root.model_fields.get(str(loc[0]))
    if top is not None and model_in(top.annotation) is not None and issubclass(model_in(top.annotation), Party):
        party = data.get(loc[0]) if isinstance(data, dict) else None
        if isinstance(loc[1], int) and isinstance(party, list):
            party = party[loc[1]] if loc[1] < len(party) else None
            rest = loc[2:]
        else:
            rest = loc[1:]
        short = party.get("short_name") if isinstance(party, dict) else None
        owner = possessive(short) if isinstance(short, str) and short else f"{_words(loc[0])}'s"
        if rest:
            return f"{owner} {' '.join(_words(p) for p in rest)}"
    groups = _groups(loc[:-1])
    if not groups:
        return field
    inner = groups[-1]
    if inner[1]:  # an entry of a list: "budget line 2: item", "KPI 1: target"
        return f"{inner[0]}: {field}"
    return f"{field} of the {inner[0]}"  # "purpose of the grant", "rationale of the subsidy"


def _groups(parts: tuple) -> list[tuple[str, bool]]:
    """The groups a field sits in, outermost first, each as (words, whether it is an entry of a list): a
    list and its index make one group ("budget line 2")."""
    out, i = [], 0
    while i < len(parts):
        if i + 1 < len(parts) and isinstance(parts[i + 1], int):
            within = f"{parts[i - 1]}.{parts[i]}" if i else str(parts[i])
            out.append((f"{_singular(within)} {parts[i + 1] + 1}", True))
            i += 2
        else:
            out.append((_words(parts[i]), False))
            i += 1
    return out


# A list's entry in the words a lawyer would use for it, where dropping a final "s" does not give them.
_ENTRY = {"kpis": "KPI", "budget": "budget line", "assets.items": "asset", "match_funding.sources": "match funding source",
          "prior_assistance": "earlier assistance",
          "properties": "property", "related_parties": "related party", "no_blame_carve_outs": "carve-out",
          "outcomes": "outcome", "activities": "activity", "other": "other cover"}


def _singular(within: str) -> str:
    """`within` is the list's name after its parent's ("assets.items"), for a name that alone is vague."""
    name = within.rsplit(".", 1)[-1]
    if within in _ENTRY or name in _ENTRY:
        return _ENTRY.get(within) or _ENTRY[name]
    words = _words(name)
    return words[:-1] if words.endswith("s") and not words.endswith("ss") else words


def _words(part: Any) -> str:
    return str(part).replace("_", " ")


@cache
def _takes_none(model: type[BaseModel], name: str) -> bool:
    """Whether the field accepts an explicit empty value (its type allows None)."""
    info = model.model_fields[name]
    return _accepts(info.annotation, tuple(info.metadata), None)


@cache
def _can_be_open(model: type[BaseModel], name: str) -> bool:
    """A required field that takes free text (any text a placeholder's mark can stand for)."""
    info = model.model_fields[name]
    return _accepts(info.annotation, tuple(info.metadata), open_mark("x" * 30))


@cache
def _text_list(model: type[BaseModel], name: str) -> bool:
    info = model.model_fields[name]
    item = item_of(info.annotation)
    return item is not None and _accepts(item, (), open_mark("x" * 30))


def _accepts(annotation: Any, metadata: tuple, value: Any) -> bool:
    if isinstance(value, str) and not _plain_text(annotation):
        return False
    try:
        adapter = TypeAdapter(Annotated[(annotation, *metadata)] if metadata else annotation)
        adapter.validate_python(value, strict=True)
        return True
    except Exception:  # invalid, or a type pydantic cannot adapt on its own: not free text
        return False


def _plain_text(annotation: Any) -> bool:
    """str itself (through Annotated/Optional), not a choice or an enumeration of text."""
    import typing
    from types import UnionType

    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _plain_text(typing.get_args(annotation)[0])
    if origin in (typing.Union, UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return len(args) == 1 and _plain_text(args[0])
    return annotation is str
