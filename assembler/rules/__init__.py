"""Consistency rules: cross-field checks with stable ids, run after validation and before assembly.

Each family's rules module defines functions decorated with `@rule(...)`. A rule yields Findings;
one that yields nothing is satisfied. Errors stop assembly; warnings and infos are reported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

Severity = Literal["error", "warning", "info"]
Loc = tuple[str | int, ...]


def walk(node: Any, loc: Loc = ()) -> Iterator[tuple[Loc, Any, str, Any]]:
    """(location, model, field name, value) for every field of every model in the term sheet: the
    one walk the shared rules (dates, percentages, periods, texts) read the sheet by.

    About ten rules walk the same sheet in every check; the term-sheet models are frozen, so the
    walk from a sheet's root is made once and its steps kept (see `_walked`)."""
    if not loc:
        return iter(_walked(node))
    return _walk(node, loc)


_WALKED: dict[int, tuple[Any, list]] = {}  # id(root): (root, its walk); the last few roots walked


def _walked(root: Any) -> list[tuple[Loc, Any, str, Any]]:
    """Every step of the walk from `root`, worked out on the first walk of it. Kept by identity (the
    root is held, so its id cannot be reused while the entry lives) for the last four roots, so a
    long-lived process (the web app, a batch worker) does not grow."""
    entry = _WALKED.get(id(root))
    if entry is None or entry[0] is not root:
        entry = (root, list(_walk(root, ())))
        for old in list(_WALKED)[:-3]:  # a copy of the keys, then pop: safe if threads share it
            _WALKED.pop(old, None)
        _WALKED[id(root)] = entry
    return entry[1]


def _walk(node: Any, loc: Loc) -> Iterator[tuple[Loc, Any, str, Any]]:
    from pydantic import BaseModel

    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            value = getattr(node, name)
            yield (*loc, name), node, name, value
            yield from _walk(value, (*loc, name))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _walk(item, (*loc, i))


def dotted(loc: Loc) -> str:
    return ".".join(str(part) for part in loc)


def periods(ctx: "RuleContext") -> Iterator[tuple[Loc, Any]]:
    """Every Period in the term sheet with its location."""
    from assembler.termsheet.common import Period

    return ((loc, value) for loc, _model, _name, value in walk(ctx.sheet) if isinstance(value, Period))


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    loc: Loc = ()


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    summary: str
    check: Callable[..., Iterator[tuple[str, Loc]]]
    applies: Callable[["RuleContext"], bool] | None = None  # None: always


@dataclass
class RuleContext:
    """What a rule may look at: the term sheet model, the chosen positions, the figures, the law in
    force (clauses/law.yaml) and the draft date, so that a rule can say a date has passed or a statute
    was not yet in force. The draft date is passed in (never read from the clock here) so that
    `check`, `assemble` and `review` judge the same term sheet the same way."""

    sheet: Any
    positions: dict[str, str]
    figures: dict[str, Any]
    law: dict[str, Any] = field(default_factory=dict)
    draft_date: dt.date = field(default_factory=dt.date.today)
    # The example term sheet's texts by location (what `partnerdraft new` writes), so that a value
    # still equal to the example (another council's name) is caught; empty for the library's samples.
    examples: dict[Loc, str] = field(default_factory=dict)
    # The defined terms of the family's clause library (and the common clauses), so that a rule can tell a capitalised
    # phrase in the sheet's own words that the draft never defines ("the Alliance Budget"); empty where not given.
    terms: frozenset[str] = field(default_factory=frozenset)

    def figure(self, name: str) -> Any:
        return self.figures[name]["value"]

    def in_force(self, instrument: str) -> dt.date:
        """The date from which an instrument in clauses/law.yaml applies."""
        return self.law[instrument]["in_force"]


@dataclass
class RuleSet:
    rules: list[Rule] = field(default_factory=list)
    applies: Callable[[RuleContext], bool] | None = None
    """A condition every rule of this set needs (an optional block being present, say); the rules
    keep it when the set is merged into another, so each check can assume it."""

    def rule(self, id: str, severity: Severity, summary: str):
        """Register a check: a generator of (message, loc) pairs over a RuleContext."""

        def register(check: Callable[..., Iterator[tuple[str, Loc]]]):
            self.rules.append(Rule(id, severity, summary, check, self.applies))
            return check

        return register

    def extend(self, other: "RuleSet") -> None:
        self.rules.extend(other.rules)

    def run(self, ctx: RuleContext) -> list[Finding]:
        findings = []
        for r in self.rules:
            if r.applies is not None and not r.applies(ctx):
                continue
            # A check may yield a third item, a severity for that finding only (lower than the rule's where a
            # fact the sheet gives makes the point informational, r31 ob tool note 12).
            for message, loc, *severity in r.check(ctx):
                findings.append(Finding(r.id, severity[0] if severity else r.severity, message, tuple(loc)))
        return findings
