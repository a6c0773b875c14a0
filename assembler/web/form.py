"""The term-sheet form, generated from a family's pydantic model: never written per family.

A form is a tree of `Node`s built from the model and the values the user has so far (plain data, as
the loader reads a file). Posted fields are named by their term-sheet path (`grant.instalments[0].amount`,
the same spelling messages use), so a posted form reads back into the same plain data, which then goes
through the same loader and validator as a file. Field descriptions are the hints; enumerations are
choices; nested models are fieldsets; lists have rows to add and remove.
"""

from __future__ import annotations

import datetime as dt
import re
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from types import UnionType
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from assembler.termsheet.common import LEGAL, supplied_by
from assembler.termsheet.starter import default_list

ROWS = "__rows:"  # hidden input: how many rows a list shows, kept even when they are empty
# Hidden input: this list (or position) was shown at its standard because the sheet left it out. Posted back
# unchanged, it is left out again, so the default applies as before: written out, the same rows would
# read as an instruction (a note saying "as instructed", a clause for a position chosen).
STANDARD = "__standard:"
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass
class Node:
    """One question (or group of questions) on the form."""

    name: str  # the term-sheet path, e.g. grant.instalments[0].amount
    label: str
    hint: str
    kind: str  # text, textarea, number, money, percent, date, bool, choice, multi, group, list, positions
    required: bool = False
    value: Any = ""  # str, or list[str] for `multi`
    options: list[tuple[str, str]] = field(default_factory=list)  # (value, label)
    children: list[Node] = field(default_factory=list)
    item_label: str = ""
    errors: list[str] = field(default_factory=list)
    findings: list[tuple[str, str]] = field(default_factory=list)  # (severity, message)
    optional_group: bool = False
    autofocus: bool = False  # the page opens with focus here (the first answer of a row just added)
    standard: bool = False  # shown at its standard because the sheet leaves it out (a STANDARD input marks it)
    legal: bool = False  # legal completes this (the field is marked `legal_field` in the model)

    @property
    def id(self) -> str:
        return field_id(self.name)


def field_id(name: str) -> str:
    """An HTML id for a term-sheet path: `grant.instalments[0].amount` -> `f-grant-instalments-0-amount`."""
    return "f-" + "-".join(re.findall(r"[A-Za-z0-9_]+", name)).replace("_", "-") if name else "f-top"


def path_of(name: str) -> tuple[str | int, ...]:
    return tuple(int(i) if i else k for k, i in _TOKEN.findall(name))


def join(prefix: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{prefix}[{key}]"
    return f"{prefix}.{key}" if prefix else key


def label_of(name: str) -> str:
    words = name.replace("_", " ").strip()
    return words[:1].upper() + words[1:]


# ---- annotations -------------------------------------------------------------------------------

def _strip(annotation: Any) -> tuple[Any, bool]:
    """(the annotation without Annotated/Optional, whether None is allowed)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _strip(typing.get_args(annotation)[0])
    if origin in (typing.Union, UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        inner, _ = _strip(args[0]) if len(args) == 1 else (str, True)
        return inner, True
    return annotation, False


def _unit(info: FieldInfo | None, annotation: Any) -> str:
    extras = []
    if info is not None and isinstance(info.json_schema_extra, dict):
        extras.append(info.json_schema_extra)
    for meta in _metadata(annotation, info):
        if isinstance(getattr(meta, "json_schema_extra", None), dict):
            extras.append(meta.json_schema_extra)
    return next((e["unit"] for e in extras if "unit" in e), "")


def _metadata(annotation: Any, info: FieldInfo | None) -> list[Any]:
    found = list(info.metadata) if info is not None else []
    stack = [annotation]
    while stack:
        a = stack.pop()
        if typing.get_origin(a) is typing.Annotated:
            args = typing.get_args(a)
            found += [m for m in args[1:]]
            found += [x for m in args[1:] if isinstance(m, FieldInfo) for x in m.metadata]
            stack.append(args[0])
        elif typing.get_origin(a) in (typing.Union, UnionType):
            stack += list(typing.get_args(a))
    return found


def _choices(inner: Any) -> list[str]:
    if typing.get_origin(inner) is Literal:
        return [str(a) for a in typing.get_args(inner)]
    if isinstance(inner, type) and issubclass(inner, Enum):
        return [str(m.value) for m in inner]
    return []


def _is_model(t: Any) -> bool:
    return isinstance(t, type) and issubclass(t, BaseModel)


def scalar_kind(annotation: Any, info: FieldInfo | None = None) -> str:
    inner, _ = _strip(annotation)
    if _choices(inner):
        return "choice"
    if inner is bool:
        return "bool"
    if inner is dt.date:
        return "date"
    if inner is int:
        return "number"
    if inner is Decimal:
        return {"GBP": "money", "%": "percent"}.get(_unit(info, annotation), "number")
    return "text"


# ---- building the form ---------------------------------------------------------------------------

def questions(model: type[BaseModel]) -> list[tuple[str, FieldInfo]]:
    """The model's top-level fields in the order a user answers them: the family's own (parties,
    the deal) before the blocks every family shares (document, open book, insurance, data)."""
    from assembler.termsheet.common import TermSheetBase

    shared = TermSheetBase.model_fields
    fields = list(model.model_fields.items())
    return [f for f in fields if f[0] not in shared] + [f for f in fields if f[0] in shared]


def build(model: type[BaseModel], data: dict[str, Any]) -> list[Node]:
    """The form's top-level nodes for a family's model, filled with `data` (raw: strings and lists)."""
    nodes = []
    for key, info in questions(model):
        if key in ("family", "positions"):
            continue
        nodes.append(_node(key, key, info.annotation, info, data.get(key) if isinstance(data, dict) else None))
    return nodes


def _node(name: str, key: str, annotation: Any, info: FieldInfo | None, value: Any) -> Node:
    node = _plain_node(name, key, annotation, info, value)
    node.legal = info is not None and supplied_by(info) == LEGAL
    return node


LEGAL_HINT = ("Your legal adviser completes these: the law the agreement relies on, the positions and how it "
              "is signed. The standard values are filled in (or used when an answer is left empty); leave "
              "them unless legal chooses otherwise.")


def with_legal_part(nodes: list[Node], positions: Node | None = None) -> list[Node]:
    """The commissioner's questions first, then one "Legal completes this" part holding every legal
    question wherever it sits in the model (a posted answer is named by its path, so where a
    question is shown does not change what it fills), and the positions."""
    legal: list[Node] = []
    kept = [n for n in (_take_legal(n, legal, "") for n in nodes) if n is not None]
    children = legal + ([positions] if positions is not None else [])
    if not children:
        return kept
    return kept + [Node("legal", "Legal completes this", LEGAL_HINT, "group", children=children)]


def _take_legal(node: Node, taken: list[Node], context: str) -> Node | None:
    if node.legal:
        if context:
            node.label = f"{context}: {node.label[:1].lower()}{node.label[1:]}"
        taken.append(node)
        return None
    if node.kind == "group":
        label = node.label if not context else f"{context}, {node.label[:1].lower()}{node.label[1:]}"
        node.children = [c for c in (_take_legal(c, taken, label) for c in node.children) if c is not None]
    return node


def _plain_node(name: str, key: str, annotation: Any, info: FieldInfo | None, value: Any) -> Node:
    inner, optional = _strip(annotation)
    required = info is not None and info.is_required() and not optional
    hint = (info.description or "") if info is not None else ""
    label = label_of(key) if isinstance(key, str) else ""
    if _is_model(inner):
        children = [_node(join(name, k), k, f.annotation, f, (value or {}).get(k) if isinstance(value, dict) else None)
                    for k, f in inner.model_fields.items()]
        return Node(name, label, hint, "group", required, children=children,
                    optional_group=optional or (info is not None and not info.is_required()))
    if typing.get_origin(inner) is list:
        item = typing.get_args(inner)[0]
        item_inner, _ = _strip(item)
        standard = value is None and bool(_standard_rows(info))
        if standard:
            hint = f"{hint} {_standard_hint(info)}".strip()
        if _choices(item_inner):
            chosen = ([str(v) for v in value] if isinstance(value, list)
                      else raw(_standard_rows(info)) if standard else [])
            return Node(name, label, hint, "multi", required, value=chosen,
                        options=[(c, c) for c in _choices(item_inner)], standard=standard)
        rows = value if isinstance(value, list) else raw(_standard_rows(info)) if value is None else []
        children = [_node(join(name, i), f"{i + 1}", item, None, v) for i, v in enumerate(rows)]
        singular = label_of(key.rstrip("s")) if isinstance(key, str) else "Item"
        for i, child in enumerate(children):
            child.label = f"{singular} {i + 1}"
        return Node(name, label, hint, "list", required, children=children, item_label=singular, standard=standard)
    if typing.get_origin(inner) is dict:  # a small mapping (rent by bedrooms): one "key: value" a line
        text = value if isinstance(value, str) else "\n".join(
            f"{k}: {shown(v)}" for k, v in value.items()) if isinstance(value, dict) else ""
        return Node(name, label, f"{hint} One per line, as key: value.".strip(), "textarea", required, value=text)
    kind = scalar_kind(annotation, info)
    text = "" if value is None else value if isinstance(value, str) else shown(value)
    node = Node(name, label, hint, kind, required, value=text)
    if kind == "choice":
        node.options = [(c, c) for c in _choices(inner)]
    elif kind == "bool":
        node.options = [("true", "Yes"), ("false", "No")]
    if kind == "text" and ("\n" in text or len(text) > 90 or _prose(key, hint)):
        node.kind = "textarea"
    default = _default(info)
    if default and not required:
        node.hint = f"{node.hint} Leave empty for {default}.".strip()
    return node


def _standard_hint(info: FieldInfo | None) -> str:
    """What a list left at its standard says under its question: the standard, and that leaving it is an answer."""
    rows = ", ".join(shown(v) for v in _standard_rows(info))
    return (f"Shown at the standard ({rows}): left as shown, the term sheet leaves this out and the standard "
            "applies; change it to give your own.")


def _prose(key: Any, hint: str) -> bool:
    """A sentence or more (a purpose, a description), not a name or a number: a text box, not a line."""
    words = hint.lower()
    return (isinstance(key, str) and key in ("purpose", "description", "rationale")) or \
        "sentence" in words or "phrase" in words


def _default(info: FieldInfo | None) -> str:
    if info is None or info.is_required() or info.default is None:
        return ""
    default = info.default
    if isinstance(default, bool):
        return "the default: " + ("yes" if default else "no")
    if isinstance(default, (int, Decimal, str)) and not isinstance(default, Enum) and str(default):
        return f"the default: {default}"
    return ""


def shown(value: Any) -> str:
    """A plain value as a form shows it: true/false, numbers as written, dates as YYYY-MM-DD."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def raw(value: Any) -> Any:
    """Plain data (as loaded from a file) as the form holds it: every leaf a string."""
    if isinstance(value, dict):
        return {k: raw(v) for k, v in value.items()}
    if isinstance(value, list):
        return [raw(v) for v in value]
    return "" if value is None else shown(value)


# ---- reading a posted form ---------------------------------------------------------------------

def read_posted(model: type[BaseModel], form: Any) -> dict[str, Any]:
    """The posted form as raw data, empty rows kept (so 'add another' can show an empty row)."""
    out = {}
    for key, info in questions(model):
        if key in ("family", "positions"):
            continue
        out[key] = _read(key, info.annotation, form, info)
    out["positions"] = {k.split(".", 1)[1]: v for k, v in form.multi_items() if k.startswith("positions.")}
    return out


def _read(name: str, annotation: Any, form: Any, info: FieldInfo | None = None) -> Any:
    inner, _ = _strip(annotation)
    if _is_model(inner):
        return {k: _read(join(name, k), f.annotation, form, f) for k, f in inner.model_fields.items()}
    if typing.get_origin(inner) is list:
        item = typing.get_args(inner)[0]
        if _choices(_strip(item)[0]):
            rows = [v for v in form.getlist(name) if v]
        else:
            try:
                count = min(int(form.get(ROWS + name, "0")), 500)
            except ValueError:
                count = 0
            rows = [_read(join(name, i), item, form) for i in range(count)]
        if STANDARD + name in form and _is_standard(annotation, info, rows):
            return None  # shown at the standard and left alone: still left out
        return rows
    value = form.get(name, "")
    return value if isinstance(value, str) else ""


def _is_standard(annotation: Any, info: FieldInfo | None, rows: list[Any]) -> bool:
    """Whether posted rows are the field's standard rows (for a set of choices, in any order)."""
    standard = _standard_rows(info)
    if not standard:
        return False
    given = _typed(annotation, None, rows)
    given = given if isinstance(given, list) else []
    if _choices(_strip(typing.get_args(_strip(annotation)[0])[0])[0]):
        return sorted(map(str, given)) == sorted(map(str, standard))
    return given == standard


def edit_rows(model: type[BaseModel], data: dict[str, Any], action: str) -> str:
    """Apply 'add another' (`add:path`) or 'remove' (`remove:path[i]`) to raw data in place; the
    name of what should have focus next: the row added, or the list a row left."""
    verb, _, name = action.partition(":")
    path = path_of(name)
    rows_at = path[:-1] if verb == "remove" else path
    parent = _at(data, rows_at[:-1]) if rows_at else None
    if isinstance(parent, dict) and parent.get(rows_at[-1]) is None:  # shown at the standard: now edited
        parent[rows_at[-1]] = raw(_standard_rows(_field_at(model, rows_at)))
    if verb == "remove" and path and isinstance(path[-1], int):
        rows = _at(data, path[:-1])
        if isinstance(rows, list) and 0 <= path[-1] < len(rows):
            del rows[path[-1]]
        return name[: name.rfind("[")]
    if verb == "add" and path:
        parent = _at(data, path[:-1])
        if isinstance(parent, dict):
            rows = parent.setdefault(path[-1], [])
            if isinstance(rows, list):
                rows.append({} if added_row_kind(model, name) == "model" else "")
                return join(name, len(rows) - 1)
    return ""


def focus(nodes: list[Node], name: str) -> None:
    """Put the focus on the first answer inside `name` (a row), or on the list `name` itself."""
    for node in nodes:
        if node.name == name:
            leaf = node
            while leaf.kind == "group" and leaf.children:
                leaf = leaf.children[0]
            leaf.autofocus = True
            return
        if name.startswith(node.name):
            focus(node.children, name)


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _field_at(model: type[BaseModel], path: tuple) -> FieldInfo | None:
    """The model field a term-sheet path names (None for a list's row or an unknown name)."""
    annotation: Any = model
    info = None
    for part in path:
        inner, _ = _strip(annotation)
        if isinstance(part, int) and typing.get_origin(inner) is list:
            annotation, info = typing.get_args(inner)[0], None
        elif isinstance(part, str) and _is_model(inner) and part in inner.model_fields:
            info = inner.model_fields[part]
            annotation = info.annotation
        else:
            return None
    return info


def added_row_kind(model: type[BaseModel], name: str) -> str:
    """'model' or 'scalar': what a new row of the list at `name` holds (for an empty list)."""
    annotation: Any = model
    for part in path_of(name):
        inner, _ = _strip(annotation)
        if isinstance(part, int):
            annotation = typing.get_args(inner)[0]
        elif _is_model(inner) and part in inner.model_fields:
            annotation = inner.model_fields[part].annotation
        else:
            return "scalar"
    inner, _ = _strip(annotation)
    if typing.get_origin(inner) is list:
        return "model" if _is_model(_strip(typing.get_args(inner)[0])[0]) else "scalar"
    return "scalar"


def typed(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    """Raw form data as term-sheet data: empty answers, rows and groups left out, numbers and
    yes/no as YAML would read them; anything that does not parse stays text, for the validator to
    explain in its own words."""
    out = {}
    for key, info in model.model_fields.items():
        if key in data and key not in ("family", "positions"):
            value = _typed(info.annotation, info, data[key])
            if value is not None:
                out[key] = value
    return out


def _typed(annotation: Any, info: FieldInfo | None, value: Any) -> Any:
    inner, optional = _strip(annotation)
    if _is_model(inner):
        if not isinstance(value, dict):
            return None
        out = typed(inner, value)
        required = info is not None and info.is_required() and not optional
        if required:
            return out  # a required group, even empty: each missing answer is named
        return out if _answered(out) else None
    if typing.get_origin(inner) is list:
        if not isinstance(value, list):
            return None
        item = typing.get_args(inner)[0]
        rows = [_typed(item, None, v) for v in value]
        rows = [r for r in rows if r is not None]
        if _standard_rows(info):  # the form showed the standard rows: what is left is the answer, even nothing
            return rows
        return rows or None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if typing.get_origin(inner) is dict:
        pairs = [line.split(":", 1) for line in text.splitlines() if line.strip()]
        value_type = typing.get_args(inner)[1]
        return {k.strip(): _typed(value_type, None, v.strip()) if len(pair) == 2 else None
                for pair in pairs for k, v in [pair + [""] * (2 - len(pair))]}
    kind = scalar_kind(annotation, info)
    if kind == "bool":
        return {"true": True, "false": False}.get(text.lower(), text)
    if kind in ("number", "money", "percent"):
        if re.fullmatch(r"-?\d{1,15}", text):
            return int(text)
        if re.fullmatch(r"-?\d{1,12}\.\d{1,6}", text) and repr(float(text)) == text:
            return float(text)
    return text


def _standard_rows(info: FieldInfo | None) -> list[Any]:
    """The rows a list of plain values has when the sheet says nothing (occupancy scenarios at 80, 90
    and 95 per cent). The form shows them, so that emptying the list is an answer the form can tell
    apart from leaving it alone."""
    return default_list(info) if info is not None else []


def _answered(value: Any) -> bool:
    """Whether any answer was given inside a group (required groups inside count only if answered)."""
    if isinstance(value, dict):
        return any(_answered(v) for v in value.values())
    if isinstance(value, list):
        return any(_answered(v) for v in value)
    return value is not None
