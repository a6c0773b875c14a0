"""Who the services are for, as the instructions describe them: children, adults, or both.

`safeguarding.people` decides the safeguarding law the draft cites. Left empty, the draft used to
cover both groups and its note said the instructions were silent, even where the service's own
description said "adults with multiple and complex needs" or "children looked after by the Council".
This module reads the descriptions that say who the services are for (a purpose, a service
description, the people whose data is shared) and finds the ages or groups they name. Only a clear
answer counts: every description that names a group names the same one. "Young people" with no ages
names no group (a 16 to 24 service serves both).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

People = Literal["children", "adults"]

# The fields that describe who the services are for, by their own name wherever they sit in a
# family's model (a co-investment's nominations.eligible: who may be nominated to the homes); the
# parties' own fields (names, signatories) never count.
DESCRIBING = ("purpose", "description", "services", "activities", "subject_matter", "data_subjects", "eligible")

# Law and job titles that name children without saying who the services are for.
_NOT_A_GROUP = re.compile(r"Children(?:'s)? (?:Act|Services|Commissioner|Homes \(England\) Regulations)"
                          r"|Children and (?:Families|Young People)\b(?! (?:aged|under))|Adult (?:Social|Services)",
                          re.I)
_RANGE = re.compile(r"\baged (\d{1,2}) ?(?:to|and|-|–) ?(\d{1,2})\b|\b(\d{1,2}) ?(?:to|-|–) ?(\d{1,2})[- ]year[- ]olds?\b", re.I)
_FROM = re.compile(r"\b(?:aged (\d{1,2}) (?:or|and) (?:over|older|above)|over[- ](\d{1,2})s?\b)", re.I)
_UNDER = re.compile(r"\bunder[- ](\d{1,2})s?\b", re.I)
_ADULT_WORDS = re.compile(r"\badults?\b|\bolder people\b", re.I)
_CHILD_WORDS = re.compile(r"\bchild(?:ren)?(?:'s)?\b|\bbabies\b|\binfants?\b|\bpupils?\b", re.I)


@dataclass(frozen=True)
class Described:
    """What the instructions say: the group, and the words and field that say it."""

    people: People
    field: tuple[str | int, ...]
    words: str


def groups_in(text: str) -> set[str]:
    """The groups a description names: ages first (a range wholly under 18 is children, wholly 18
    or over adults, one spanning 18 both), then words ("adults", "children")."""
    text = _NOT_A_GROUP.sub(" ", text)
    found: set[str] = set()
    for m in _RANGE.finditer(text):
        low, high = (int(g) for g in (m.group(1, 2) if m.group(1) else m.group(3, 4)))
        found |= _span(low, high)
        text = text.replace(m.group(0), " ")
    for m in _FROM.finditer(text):
        found |= _span(int(m.group(1) or m.group(2)), 200)
    for m in _UNDER.finditer(text):
        found |= _span(0, int(m.group(1)) - 1)
    if _ADULT_WORDS.search(text):
        found.add("adults")
    if _CHILD_WORDS.search(text):
        found.add("children")
    return found


def _span(low: int, high: int) -> set[str]:
    """An age range's groups; "0 to 18" and "16 to 18" read as under 18, as services for children
    are usually described."""
    out = set()
    if low < 18:
        out.add("children")
    if high > 18 or low >= 18:
        out.add("adults")
    return out


def described(data: dict[str, Any]) -> tuple[Described | None, tuple[tuple[str | int, ...], str] | None]:
    """(the one group every describing field names, or None; the first describing text, for a note
    that quotes what the instructions say when they name no group or more than one)."""
    # the service's own description first, the data it involves after
    texts = sorted(_describing(data), key=lambda t: DESCRIBING.index(_own_name(t[0])))
    first = texts[0] if texts else None
    named = [(loc, text, groups) for loc, text in texts if (groups := groups_in(text))]
    every = set().union(*(g for _, _, g in named)) if named else set()
    if first:
        first = (first[0], _excerpt(first[1]))
    if len(every) != 1:
        return None, first
    loc, text, _ = named[0]
    return Described(next(iter(every)), loc, _excerpt(text)), first


def _describing(node: Any, loc: tuple = ()):
    """(location, text) of every describing field's text, outside the parties and the draft's own
    settings."""
    if isinstance(node, dict):
        if "legal_form" in node:
            return  # a party: its name and its signatory's title say nothing of the services
        for key, value in node.items():
            if key not in ("positions", "document", "insurance", "safeguarding"):
                yield from _describing(value, (*loc, key))
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from _describing(item, (*loc, i))
    elif isinstance(node, str) and _named_field(loc):
        yield loc, node


def _own_name(loc: tuple) -> str:
    """A string's own field name (for an item of a list, the list's)."""
    return next((k for k in reversed(loc) if isinstance(k, str)), "")


def _named_field(loc: tuple) -> bool:
    return _own_name(loc) in DESCRIBING


def _excerpt(text: str, limit: int = 110) -> str:
    """The words that say who the services are for: up to a parenthesis, a semicolon or a purpose
    clause ("so that ..."), and never more than `limit` characters, cut at a word."""
    text = " ".join(text.split())
    cut = re.search(r" \(|;| so that | in order to ", text[15:])
    text = (text[: 15 + cut.start()] if cut else text).rstrip(" ,;:")
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " ..."
