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

from assembler import cache as disk_cache, formatting

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
        words=_nullable(formatting.words),
        join_and=_nullable(formatting.join_and),
        open=_open,
        cover=_cover,
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
    return env.template_class.from_code(env, _cached_code(keep_paragraph_breaks(source)), env.make_globals(None), None)


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


@cache
def compile_condition(source: str):
    """A `when:` condition as Jinja's compile_expression makes it, its compiled code reused across runs
    from the user's cache folder as a clause template's is: compiling the manifest's and the clauses'
    conditions afresh was about 25 ms of every cold assembly."""
    from jinja2.environment import TemplateExpression

    env = environment()
    name = disk_cache.key("expression", jinja2.__version__, sys.version, source) + ".code"
    blob = disk_cache.read("jinja", name)
    if blob is not None:
        try:
            code = marshal.loads(blob)
        except (ValueError, EOFError, TypeError):
            pass
        else:
            return TemplateExpression(env.template_class.from_code(env, code, env.make_globals(None), None), True)
    expression = env.compile_expression(source)  # raises TemplateSyntaxError as before, for the caller
    disk_cache.write("jinja", name, marshal.dumps(env.compile(_expression_template(env, source))))
    return expression


def _expression_template(env, source: str):
    """The one-line template Jinja's compile_expression compiles for `source` (a valid expression)."""
    from jinja2 import nodes
    from jinja2.parser import Parser

    expr = Parser(env, source, state="variable").parse_expression()
    expr.set_environment(env)
    return nodes.Template([nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)], lineno=1)


__all__ = ["Open", "TemplateSyntaxError", "compile_condition", "compile_template", "environment"]
