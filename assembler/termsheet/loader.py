"""Read a YAML or JSON term sheet into plain data, remembering the line of every field for messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    NodeEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
    StreamStartEvent,
)
from ruamel.yaml.nodes import ScalarNode

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
    try:
        yaml = _yaml()
        data, lines = _Builder(name, yaml).document(yaml.parse(text))
    except MarkedYAMLError as e:
        raise UserError(_yaml_problem(e, name, text)) from e
    except YAMLError as e:  # reader errors carry a position rather than a mark
        raise UserError(Problem(f"not valid YAML: {_first_line(e)}", name)) from e
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
    return text_of(blob, name)


def text_of(blob: bytes, name: str) -> str:
    """A term sheet's bytes (a file's, an upload's) as text, refusing what is too big, binary or not UTF-8."""
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
    """The safe parser (libyaml's when ruamel.yaml.clib is installed). Only its events are used:
    the builder below makes plain data from them in one pass, with the line of every field."""
    return YAML(typ="safe")


class _Builder:
    """Plain dict/list/str/int/float/bool/None from parser events, recording each field's line.

    Anchors, aliases and tags are refused outright: a term sheet never needs them, aliases make
    'billion laughs' expansion possible, and tags ask for objects to be constructed. Dates stay
    text, so that an impossible date ("2026-02-30") is reported by validation with its field and
    line rather than failing inside the YAML library.
    """

    def __init__(self, name: str, yaml: YAML):
        self.name = name
        self.lines: dict[Path_, int] = {(): 1}
        self.resolver = yaml.resolver
        self.constructor = yaml.constructor
        self.version = None

    def document(self, events) -> tuple[dict[str, Any], dict[Path_, int]]:
        events = iter(events)
        data: Any = _NOTHING
        for event in events:
            if isinstance(event, (StreamStartEvent, StreamEndEvent, DocumentEndEvent)):
                continue
            if isinstance(event, DocumentStartEvent):
                self.version = getattr(event, "version", None)  # a %YAML directive, which resolution follows
                if data is not _NOTHING:
                    raise UserError(Problem("not valid YAML: expected a single document, found a second "
                                            "one (a line with ---)", self.name, _line_of(event)))
                continue
            data = self.node(event, events, ())
            if not isinstance(data, dict):
                kind = "a list" if isinstance(data, list) else f"a single value ({type(data).__name__})"
                raise UserError(Problem(f"expected a term sheet (a mapping of field: value), found {kind}",
                                        self.name, 1))
        return data, self.lines

    def node(self, event, events, loc: Path_) -> Any:
        self.refuse(event)
        if isinstance(event, ScalarEvent):
            return self.scalar(event)
        if isinstance(event, MappingStartEvent):
            out: dict[str, Any] = {}
            for key_event in iter(lambda: next(events), None):
                if isinstance(key_event, MappingEndEvent):
                    return out
                key = self.key(key_event)
                if key in out:
                    raise UserError(Problem(f'the field "{key}" appears twice (first on line '
                                            f'{self.lines[(*loc, key)]}): keep one of them', self.name,
                                            _line_of(key_event)))
                self.lines[(*loc, key)] = _line_of(key_event)
                out[key] = self.node(next(events), events, (*loc, key))
        if isinstance(event, SequenceStartEvent):
            items: list[Any] = []
            for item_event in iter(lambda: next(events), None):
                if isinstance(item_event, SequenceEndEvent):
                    return items
                self.lines[(*loc, len(items))] = _line_of(item_event)
                items.append(self.node(item_event, events, (*loc, len(items))))
        raise UserError(Problem("not valid YAML: unexpected content", self.name, _line_of(event)))

    def key(self, event) -> str:
        self.refuse(event)
        if not isinstance(event, ScalarEvent):
            raise UserError(Problem("not valid YAML: a field name must be plain text, not a list or "
                                    "mapping", self.name, _line_of(event)))
        return str(self.scalar(event))

    def scalar(self, event) -> Any:
        """Quoted text is text; a plain scalar is resolved as YAML 1.2 says (numbers, true/false,
        null), except dates, which stay text."""
        if event.style or not event.implicit[0]:
            return event.value
        key = (self.version, event.value)
        value = _RESOLVED.get(key, _NOTHING)
        if value is _NOTHING:
            if len(_RESOLVED) >= 8192:  # bounded for a long-lived process; refilled as it is used
                _RESOLVED.clear()
            value = _RESOLVED[key] = self._resolve(event.value)
        return value

    def _resolve(self, text: str) -> Any:
        """A plain scalar's value. The resolver asks for the document's YAML version on every call
        (about 1,000 a term sheet, a tenth of reading one), and the answer depends only on that
        version and the text, and is immutable (None, a bool, an int, a float or the text), so
        `scalar` keeps each in `_RESOLVED`."""
        tag = self.resolver.resolve(ScalarNode, text, (True, False))
        tag = getattr(tag, "value", tag)  # a Tag object in newer ruamel versions
        constructor = _SCALARS.get(tag)
        if constructor is None:
            return text
        return constructor(self.constructor, ScalarNode(tag, text))

    def refuse(self, event) -> None:
        if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and getattr(event, "anchor", None)):
            raise UserError(Problem("YAML anchors and aliases (&name, *name) are not allowed in a term "
                                    "sheet; write the value out", self.name, _line_of(event)))
        if _explicit_tag(event):
            tag = getattr(event.tag, "value", event.tag)
            raise UserError(Problem(f"YAML tags ({tag}) are not allowed in a term sheet; write a plain value",
                                    self.name, _line_of(event)))


_NOTHING = object()
_RESOLVED: dict[tuple[Any, str], Any] = {}  # (YAML version, plain scalar's text): its value; see _Builder._resolve
_SCALARS = {
    "tag:yaml.org,2002:null": SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:bool": SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": SafeConstructor.construct_yaml_float,
}


def _line_of(event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark else None


def _explicit_tag(event) -> bool:
    tag = getattr(event, "tag", None)
    tag = getattr(tag, "value", tag)  # ruamel wraps tags in a Tag object in newer versions
    if not tag or not isinstance(event, NodeEvent):
        return False
    implicit = getattr(event, "implicit", None)
    if isinstance(implicit, tuple):
        return not any(implicit) and tag != "!"
    return not implicit and tag != "!"


def _yaml_problem(e: MarkedYAMLError, name: str, text: str = "") -> Problem:
    """The YAML library's complaint in plain words, at the line a person would correct.

    Commissioners meet these first: "mapping values are not allowed in this context" means nothing
    to them, "a colon inside a value: put the value in quotes" does."""
    problem, context = str(e.problem or ""), str(e.context or "")
    mark = e.problem_mark or e.context_mark
    if e.context_mark and ("expected ':'" in problem or "expected ','" in problem
                           or "end of stream" in problem and "quoted" in context):
        mark = e.context_mark  # the line that opened what was never finished
    line = mark.line + 1 if mark else None
    source = text.splitlines()[mark.line] if mark and text and mark.line < len(text.splitlines()) else ""
    return Problem(_plain_words(problem, context, source, mark.column if mark else 0), name, line)


def _plain_words(problem: str, context: str, source: str, column: int) -> str:
    if "\t" in source[: len(source) - len(source.lstrip())] or "cannot start any token" in problem and "\t" in source:
        return ("this line is indented with a tab: indent with spaces instead, like the line above "
                "(two spaces for each level)")
    if "mapping values are not allowed" in problem:
        before = source[:column]
        if ":" in before.split("#")[0].strip()[:-1] or ": " in before:
            return ('a colon (:) inside a value: put the whole value in quotes, for example  '
                    'title: "Housing: phase 2"')
        return ("this line is indented further than the line above, which already has a value: "
                "indent it like the line above")
    if "expected key" in problem or "expected <block end>" in problem or "expected '-'" in problem:
        return ("this line is not indented like the lines around it: indent it like the line above "
                "(each level two spaces further in than the field it belongs to)")
    if "expected ':'" in problem:
        return "this line has no colon: write it as  field: value  (a longer text goes in quotes)"
    if "end of stream" in problem and "quoted" in context:
        return "a quotation mark opened on this line is never closed: add the closing quote"
    if "expected ',' or ']'" in problem:
        return "a list in square brackets [ ] is not closed: add the closing ]"
    if "expected ',' or '}'" in problem:
        return "a group in braces { } is not closed: add the closing }"
    if "escape" in problem or "hexdecimal" in problem:
        return ("a backslash (\\) inside double quotes: use single quotes around the value instead, "
                "for example  path: 'C:\\Drafts'")
    return f"not valid YAML: {problem or context or 'could not be read'}"


def _first_line(e: Exception) -> str:
    return str(e).strip().splitlines()[0]


def _refuse_forbidden_characters(loaded: Loaded) -> None:
    problems = [
        loaded.problem(loc, f"contains a character Word cannot hold ({m.group()!r}); remove it")
        for loc, text in strings(loaded.data, keys=True) if (m := _FORBIDDEN.search(text))
    ]
    if problems:
        raise UserError(problems)


def strings(node: Any, loc: Path_ = (), *, keys: bool = False) -> Iterator[tuple[Path_, str]]:
    """(location, text) for every string in loaded plain data, in document order; with `keys`, each
    mapping key too, at the location of the value it names. The one walker for everything that reads
    a term sheet's texts before the model does (forbidden characters, the starter's example values)."""
    if isinstance(node, dict):
        for key, value in node.items():
            if keys and isinstance(key, str):
                yield (*loc, key), key
            yield from strings(value, (*loc, key), keys=keys)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from strings(item, (*loc, i), keys=keys)
    elif isinstance(node, str):
        yield loc, node
