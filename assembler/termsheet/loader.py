"""Read a YAML or JSON term sheet into plain data, remembering the line of every field for messages."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, NodeEvent

from assembler.errors import Problem, UserError

MAX_BYTES = 2_000_000
Path_ = tuple[str | int, ...]

# Characters Word cannot hold (XML 1.0 forbids C0 controls other than tab, LF and CR) and the
# private-use characters the renderer reserves to keep term-sheet values apart from clause markup.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ue000-\ue00f]")


@dataclass(frozen=True)
class Loaded:
    """A term sheet as plain data plus where each field stood in its file."""

    path: str
    data: dict[str, Any]
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int | None:
        """The line of the field at `loc`, or of its nearest located parent."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), None)

    def problem(self, loc: Path_, message: str) -> Problem:
        return Problem(message, file=self.path, line=self.line_of(loc), field=dotted(loc) or None)


def dotted(loc: Path_) -> str:
    """`('instalments', 2, 'amount')` -> `instalments[2].amount`, the form messages use."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_file(path: str | Path) -> Loaded:
    """Load a term sheet, refusing anything that is not a plain YAML/JSON mapping of text."""
    name = str(path)
    text = _read_text(Path(path), name)
    return load_text(text, name)


def load_text(text: str, name: str = "<string>") -> Loaded:
    if not text.strip():
        raise UserError(Problem("the file is empty; expected a term sheet (a YAML mapping)", name))
    yaml = _yaml()
    _refuse_aliases(yaml, text, name)
    try:
        raw = yaml.load(text)
    except MarkedYAMLError as e:
        raise UserError(_yaml_problem(e, name)) from e
    except YAMLError as e:  # reader errors carry a position rather than a mark
        raise UserError(Problem(f"not valid YAML: {_first_line(e)}", name)) from e
    if not isinstance(raw, CommentedMap):
        kind = "a list" if isinstance(raw, CommentedSeq) else f"a single value ({type(raw).__name__})"
        raise UserError(Problem(f"expected a term sheet (a mapping of field: value), found {kind}",
                                name, 1))
    lines: dict[Path_, int] = {(): 1}
    data = _plain(raw, (), lines)
    loaded = Loaded(name, data, lines)
    _refuse_forbidden_characters(loaded)
    return loaded


def _read_text(path: Path, name: str) -> str:
    try:
        blob = path.read_bytes()
    except FileNotFoundError as e:
        raise UserError(Problem("no such file", name)) from e
    except IsADirectoryError as e:
        raise UserError(Problem("is a folder, not a term-sheet file", name)) from e
    except OSError as e:
        raise UserError(Problem(f"cannot read the file: {e.strerror}", name)) from e
    if len(blob) > MAX_BYTES:
        raise UserError(Problem(f"the file is larger than {MAX_BYTES:,} bytes; a term sheet is "
                                "a short text file", name))
    if b"\x00" in blob:
        raise UserError(Problem("this is a binary file, not a YAML or JSON term sheet", name))
    try:
        return blob.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = blob[: e.start].count(b"\n") + 1
        raise UserError(Problem("the file is not UTF-8 text (save it as UTF-8)", name, line)) from e


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    # Dates stay text here so that an impossible date ("2026-02-30") is reported by validation,
    # with its field and line, rather than failing inside the YAML library.
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda c, node: c.construct_scalar(node)
    )
    return yaml


def _refuse_aliases(yaml: YAML, text: str, name: str) -> None:
    """Anchors, aliases and tags are refused outright: a term sheet never needs them, aliases make
    'billion laughs' expansion possible, and tags ask for objects to be constructed."""
    try:
        for event in yaml.parse(text):
            line = event.start_mark.line + 1 if event.start_mark else None
            if isinstance(event, AliasEvent) or (
                isinstance(event, NodeEvent) and getattr(event, "anchor", None)
            ):
                raise UserError(Problem("YAML anchors and aliases (&name, *name) are not allowed "
                                        "in a term sheet; write the value out", name, line))
            if _explicit_tag(event):
                raise UserError(Problem(f"YAML tags ({event.tag}) are not allowed in a term sheet; "
                                        "write a plain value", name, line))
    except MarkedYAMLError as e:
        raise UserError(_yaml_problem(e, name)) from e
    except YAMLError as e:
        raise UserError(Problem(f"not valid YAML: {_first_line(e)}", name)) from e


def _explicit_tag(event) -> bool:
    tag = getattr(event, "tag", None)
    tag = getattr(tag, "value", tag)  # ruamel wraps tags in a Tag object in newer versions
    if not tag or not isinstance(event, NodeEvent):
        return False
    implicit = getattr(event, "implicit", None)
    return not (isinstance(implicit, tuple) and any(implicit)) and tag != "!"


def _yaml_problem(e: MarkedYAMLError, name: str) -> Problem:
    mark = e.problem_mark or e.context_mark
    line = mark.line + 1 if mark else None
    what = e.problem or e.context or "could not be read"
    if "duplicate key" in str(what) or "duplicate key" in str(e):
        what = str(e.problem or "").split(" with value")[0] or "a key appears twice"
    return Problem(f"not valid YAML: {what}", name, line)


def _first_line(e: Exception) -> str:
    return str(e).strip().splitlines()[0]


def _plain(node: Any, loc: Path_, lines: dict[Path_, int]) -> Any:
    """Convert ruamel's round-trip containers to dict/list/str/int/float, recording lines."""
    if isinstance(node, CommentedMap):
        out: dict[str, Any] = {}
        for key in node:
            child = (*loc, str(key))
            lines[child] = _line(node.lc.key(key), lines.get(loc, 1))
            out[str(key)] = _plain(node[key], child, lines)
        return out
    if isinstance(node, CommentedSeq):
        items = []
        for i, item in enumerate(node):
            lines[(*loc, i)] = _line(node.lc.item(i), lines.get(loc, 1))
            items.append(_plain(item, (*loc, i), lines))
        return items
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    if isinstance(node, (dt.date, dt.datetime)):
        return node
    return str(node)


def _line(position: Any, fallback: int) -> int:
    return position[0] + 1 if position else fallback


def _refuse_forbidden_characters(loaded: Loaded) -> None:
    problems = [
        loaded.problem(loc, f"contains a character Word cannot hold ({bad!r}); remove it")
        for loc, bad in _strings_with_forbidden(loaded.data, ())
    ]
    if problems:
        raise UserError(problems)


def _strings_with_forbidden(node: Any, loc: Path_):
    if isinstance(node, dict):
        for key, value in node.items():
            if m := _FORBIDDEN.search(key):
                yield (*loc, key), m.group()
            yield from _strings_with_forbidden(value, (*loc, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _strings_with_forbidden(item, (*loc, i))
    elif isinstance(node, str) and (m := _FORBIDDEN.search(node)):
        yield loc, m.group()
