"""The Jinja sandbox clause files render in, and how term-sheet values are kept apart from markup.

Every value printed by `{{ ... }}` is wrapped in private-use sentinel characters. The markup parser
treats a wrapped value as literal text, so a commissioner who types `[[ref:x]]`, `- ` or `{{ 7*7 }}`
into a term sheet gets exactly that text in the draft: values are data, never markup or template
code. The loader refuses these sentinel characters in term sheets, so they cannot be forged.
"""

from __future__ import annotations

import datetime as dt
import marshal
import re
import sys
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any

import jinja2
from jinja2 import StrictUndefined, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment

from assembler import cache as disk_cache, compiled, formatting

from assembler.model import HOLE_OPEN, HOLE_CLOSE, holes_in, split_holes  # noqa: E402

VALUE_OPEN, VALUE_CLOSE = "\ue000", "\ue001"


class Open:
    """A fact the term sheet left empty; printed as a placeholder `[label]`."""

    def __init__(self, label: str):
        self.label = label

    def __bool__(self) -> bool:
        return False


def _finalize(value: Any) -> str:
    if isinstance(value, Open):
        return HOLE_OPEN + value.label + HOLE_CLOSE
    if value is None:
        return HOLE_OPEN + "not given in the term sheet" + HOLE_CLOSE
    if isinstance(value, Enum):
        value = value.value
    elif isinstance(value, dt.date):
        value = formatting.long_date(value)
    elif isinstance(value, formatting.Factor):
        value = format(value, "f")  # four places, trailing zeros kept
    elif isinstance(value, Decimal):
        value = format(value.normalize(), "f")
    elif isinstance(value, str) and HOLE_OPEN in value:
        # A fact the term sheet left empty, alone or inside a longer value: the open fact is a
        # placeholder, the rest stays literal text.
        return "".join(HOLE_OPEN + piece + HOLE_CLOSE if hole else VALUE_OPEN + piece + VALUE_CLOSE
                       for piece, hole in split_holes(value))
    return VALUE_OPEN + str(value) + VALUE_CLOSE


def _open(value: Any, label: str) -> Any:
    """A missing value (None, empty text, or an empty list such as no KPIs yet) prints as an open
    fact named by `label`; the field it was applied to is the one the term sheet fills."""
    if isinstance(value, str) and holes_in(value) and not split_holes(value)[1:]:
        return Open(label)  # a required text left empty: the clause's own label says it best
    if isinstance(value, list) and value and all(isinstance(v, str) and holes_in(v) for v in value):
        return Open(label)
    return Open(label) if value is None or value == "" or value == [] else value


@jinja2.pass_context
def _terms(context, text: Any) -> Any:
    """A phrase pasted from the term sheet, read with the draft's defined terms where the family's model knows
    them (the context's `terms`, set in assemble.py). A filter, not a call, so that a later `open(...)` still sees
    the field it is applied to: the review pack finds each open fact's line in the sheet through that."""
    return context.get("terms", lambda value: value)(text)


def _cover(insurance: Any, figures: dict) -> Any:
    """`insurance | cover(figures)`: the cover required, with defaults from the figures for any
    amount the term sheet leaves empty (assembler/termsheet/obligations.py)."""
    from assembler.termsheet.obligations import insurance_cover

    return insurance_cover(insurance, figures)


def _nullable(func):
    """Filters pass a missing value through, so `x | money | open("...")` still works."""

    def wrapped(value, *args):
        return value if value is None or isinstance(value, Open) else func(value, *args)

    return wrapped


class _Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, with its verdict on each attribute remembered.

    The sandbox checks every attribute a template reads (`party.name`, `sheet.drawdowns`, ...):
    about 1,500 a draft, each a run of isinstance tests, several against abstract base classes
    (slow). Its verdict depends only on the object's type and the attribute's name (Jinja's
    `is_internal_attribute` and `modifies_known_mutable` test nothing else), so it is kept per
    (type, name): the same answers, worked out once a process.
    """

    def __init__(self, **options: Any):
        super().__init__(**options)
        self._safe: dict[tuple[type, str], bool] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        key = (type(obj), attr)
        safe = self._safe.get(key)
        if safe is None:
            safe = self._safe[key] = super().is_safe_attribute(obj, attr, value)
        return safe


def _has_word(text: Any, *words: str) -> bool:
    """`scope | has_word("refuge", "hostel")`: whether the text has any of the words as a word, not inside a longer
    one ("refuge" is not in "refugee"); a trailing "*" marks a stem ("homeless*"). Clause conditions on the sheet's
    words use it in place of a substring test."""
    return formatting.has_word(str(text or ""), *words)


@cache
def environment() -> ImmutableSandboxedEnvironment:
    env = _Sandbox(
        undefined=StrictUndefined,
        autoescape=False,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        money=_nullable(formatting.money),
        money_words=_nullable(formatting.money_words),
        date=_nullable(formatting.long_date),
        percent=_nullable(formatting.percent),
        factor=_nullable(formatting.factor),
        words=_nullable(formatting.words),
        join_and=_nullable(formatting.join_and),
        open=_open,
        cover=_cover,
        terms=_terms,
        has_word=_has_word,
    )
    return env


@cache
def compile_template(source: str):
    """A clause template, its compiled code reused across runs from the user's cache folder.

    Compiling ~130 clause bodies is a third of an assembly; the cache is keyed by the source text
    and the Jinja and Python versions, so an edited clause simply compiles afresh. A cache that
    cannot be read or written is ignored.
    """
    env = environment()
    code = _bundled(source, lambda: _cached_code(keep_paragraph_breaks(source)))
    return env.template_class.from_code(env, code, env.make_globals(None), None)


def keep_paragraph_breaks(source: str) -> str:
    """A blank line after a block tag still separates paragraphs. trim_blocks drops the newline that
    follows a tag, so "...notice.{% endif %}" + blank line + "A Party must not subcontract..." rendered
    as one paragraph (reviews read a transfer right and a subcontracting ban run together as one
    sub-clause). Such a tag is written "+%}", Jinja's own switch that keeps its newline; the source
    keeps its lines, so a template error still names the right one. Extra blank lines are harmless:
    the markup separates blocks at any run of them."""
    return _TAG_THEN_BLANK.sub("+%}\n\n", source) if "%}\n\n" in source else source


_TAG_THEN_BLANK = re.compile(r"(?<![-+])%\}\n\n")


def _cached_code(source: str):
    name = disk_cache.key(jinja2.__version__, sys.version, source) + ".code"
    blob = disk_cache.read("jinja", name)
    if blob is not None:
        try:
            return marshal.loads(blob)
        except (ValueError, EOFError, TypeError):
            pass
    code = environment().compile(source)  # raises TemplateSyntaxError for the caller to locate
    disk_cache.write("jinja", name, marshal.dumps(code))
    return code


# The template bundle: every clause template's and condition's compiled code in one file of the user's
# cache, read once a process, rather than one file per template (~175 reads, hashes and the
# paragraph-break rewrite of each source on every cold run). Keyed by the source text as the
# library holds it; a source not in the bundle (a new or edited clause) takes the one-file path
# above and joins the bundle, which the command writes when it ends (compiled.at_end).

def _bundle_name() -> str:
    return disk_cache.key("bundle", jinja2.__version__, sys.version) + ".marshal"


@cache
def _bundle() -> dict[str, bytes]:
    """The bundle as read from the cache (empty if absent or unreadable); `_save_bundle` writes it back.
    Each code is kept marshalled, and loaded only when a draft uses it: the bundle holds every
    family's clauses, a draft uses a third of them."""
    compiled.at_end(_save_bundle)
    blob = disk_cache.read("jinja", _bundle_name())
    try:
        found = marshal.loads(blob) if blob is not None else {}
    except (ValueError, EOFError, TypeError):
        found = {}
    return found if isinstance(found, dict) else {}


_BUNDLE_NEW: list[str] = []  # sources compiled or read one by one in this process: the bundle lacks them
_BUNDLE_USED: set[str] = set()


def _bundled(source: str, code_of):
    """The compiled code of `source` from the bundle, else from `code_of()` (and then bundled)."""
    bundle = _bundle()
    _BUNDLE_USED.add(source)
    blob = bundle.get(source)
    if blob is not None:
        try:
            return marshal.loads(blob)
        except (ValueError, EOFError, TypeError):
            pass
    code = code_of()
    bundle[source] = marshal.dumps(code)
    _BUNDLE_NEW.append(source)
    return code


def _save_bundle() -> None:
    """Write the bundle if this process added to it. Past 2,000 entries (a library edited many
    times), only the sources this process used are kept."""
    if not _BUNDLE_NEW:
        return
    bundle = _bundle()
    if len(bundle) > 2000:
        bundle = {s: c for s, c in bundle.items() if s in _BUNDLE_USED}
    disk_cache.write("jinja", _bundle_name(), marshal.dumps(bundle))
    _BUNDLE_NEW.clear()


@cache
def compile_condition(source: str):
    """A `when:` condition as Jinja's compile_expression makes it, its compiled code reused across runs
    from the user's cache folder as a clause template's is: compiling the manifest's and the clauses'
    conditions afresh was about 25 ms of every cold assembly."""
    from jinja2.environment import TemplateExpression

    env = environment()
    code = _bundled("expression\x00" + source, lambda: _condition_code(source))
    return TemplateExpression(env.template_class.from_code(env, code, env.make_globals(None), None), True)


def _condition_code(source: str):
    """A condition's compiled code, from its own cache file or compiled now."""
    env = environment()
    name = disk_cache.key("expression", jinja2.__version__, sys.version, source) + ".code"
    blob = disk_cache.read("jinja", name)
    if blob is not None:
        try:
            return marshal.loads(blob)
        except (ValueError, EOFError, TypeError):
            pass
    env.compile_expression(source)  # raises TemplateSyntaxError as before, for the caller
    code = env.compile(_expression_template(env, source))
    disk_cache.write("jinja", name, marshal.dumps(code))
    return code


def _expression_template(env, source: str):
    """The one-line template Jinja's compile_expression compiles for `source` (a valid expression)."""
    from jinja2 import nodes
    from jinja2.parser import Parser

    expr = Parser(env, source, state="variable").parse_expression()
    expr.set_environment(env)
    return nodes.Template([nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)], lineno=1)


__all__ = ["Open", "TemplateSyntaxError", "compile_condition", "compile_template", "environment"]
