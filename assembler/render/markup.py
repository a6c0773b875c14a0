"""Parse rendered clause text (paragraphs, `- ` items, tables, [[marks]]) into model blocks.

The grammar is deliberately small so a lawyer can learn it from one page (docs/clause-format.md).
Text between the sentinels of render.jinja is a term-sheet value and is never parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from assembler.model import Block, Inline, Paragraph, Placeholder, Ref, Table, Term, Text
from assembler.render.jinja import HOLE_CLOSE, HOLE_OPEN, VALUE_CLOSE, VALUE_OPEN

DEFINITIONS_SLOT = "definitions-slot"

_VALUE = re.compile(f"{VALUE_OPEN}(.*?){VALUE_CLOSE}", re.S)
_TOKEN = re.compile(
    f"{VALUE_OPEN}(?P<value>.*?){VALUE_CLOSE}|{HOLE_OPEN}(?P<hole>.*?){HOLE_CLOSE}|\\[\\[(?P<mark>.+?)\\]\\]",
    re.S,
)
_ANCHOR = re.compile(r"\s*\[\[#([a-z0-9][a-z0-9-]*)\]\]")
_MARK = re.compile(r"\[\[.+?\]\]")
_TERM_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 '’&()/-]*")
_ITEM = re.compile(r"^( *)[-*] +(.*)$")
_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


_ARTICLE = re.compile(r"(?:^|(?<=[\s([]))[Tt]he $")
# The word before a role term held by one party ("each Public Body", "an Open-Book Provider"): with
# one holder it reads "the Council" ("the relevant Public Body" too).
_DETERMINER = re.compile(r"(?:^|(?<=[\s(]))(?:[Tt]he(?: relevant)?|[Aa]n?|[Ee]ach|[Aa]ny|[Ee]very|[Tt]hat|[Tt]his) $")
# Two-party phrasings of the multi-party words before [[Party]]/[[Parties]]: "each other Party",
# "any other Party", "another Party" and "the other Parties" all mean the one other Party.
_OTHER = re.compile(r"(?:^|(?<=[\s(]))(?:(?:[Tt]he|[Ee]ach|[Aa]ny|[Ee]very) other|[Aa]nother) $")


class Role(NamedTuple):
    """What `roles` gives for `[[@role]]`: the party's defined name and whether it reads with "the"
    ("the Council") or without ("P3", "The Zone"). A plain string is a name that takes "the"."""

    name: str
    article: bool = True


class MarkupError(ValueError):
    """A fault in a clause's text; `line` counts from the first line of the rendered body."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.line = line


@dataclass
class _Raw:
    kind: str
    level: int
    lines: list[str]
    start: int


def parse_blocks(text: str, roles: Callable[[str], str]) -> list[Block]:
    """`roles` maps a party role (`funder`) to its defined term (`Council`)."""
    text = _VALUE.sub(lambda m: VALUE_OPEN + " ".join(m.group(1).split("\n")) + VALUE_CLOSE, text)
    blocks: list[Block] = []
    for raw in _raw_blocks(text.split("\n")):
        blocks.append(_block(raw, roles))
    return blocks


def _raw_blocks(lines: list[str]) -> list[_Raw]:
    out: list[_Raw] = []
    current: _Raw | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        kind, level, content = _classify(line)
        continues = (
            current is not None and kind == "text" and current.kind in ("numbered", "body", "item")
        )
        if continues:
            current.lines.append(content)
            continue
        if kind == "row" and current is not None and current.kind == "table":
            current.lines.append(content)
            continue
        if kind == "text":
            kind, level = "numbered", 1
        current = _Raw("table" if kind == "row" else kind, level, [content], number)
        out.append(current)
        if kind in ("heading", "slot"):
            current = None
    return out


def _classify(line: str) -> tuple[str, int, str]:
    stripped = line.strip()
    if stripped == "[[definitions]]":
        return "slot", 0, ""
    if stripped.startswith("|"):
        return "row", 0, stripped
    if stripped.startswith("## "):
        return "heading", 0, stripped[3:].strip()
    if stripped.startswith("> ") or stripped == ">":
        return "body", 1, stripped[1:].strip()
    if match := _ITEM.match(line):
        return "item", 3 if len(match.group(1)) >= 2 else 2, match.group(2)
    return "text", 1, stripped


def _block(raw: _Raw, roles: Callable[[str], str]) -> Block:
    if raw.kind == "table":
        return _table(raw, roles)
    if raw.kind == "slot":
        return Paragraph([], kind=DEFINITIONS_SLOT, level=0)  # type: ignore[arg-type]
    text = " ".join(raw.lines)
    anchor = None
    if match := _ANCHOR.search(_outside_values(text)):
        anchor = match.group(1)
        text = text[: match.start()] + text[match.end() :]
    inlines = parse_inlines(text, roles, raw.start)
    if raw.kind == "heading":
        return Paragraph(inlines, kind="heading", level=0)
    if raw.kind == "body":
        return Paragraph(inlines, kind="body", level=1, anchor=anchor)
    return Paragraph(inlines, kind="numbered", level=raw.level, anchor=anchor)


def _outside_values(text: str) -> str:
    """The text with value contents blanked (same length), so searches ignore term-sheet data."""
    return _TOKEN.sub(lambda m: m.group(0) if m.group("mark") else "\x00" * len(m.group(0)), text)


def _table(raw: _Raw, roles: Callable[[str], str]) -> Table:
    rows = raw.lines
    if len(rows) < 2 or not _SEPARATOR.match(rows[1]):
        raise MarkupError("a table needs a header row followed by a |---|---| line", raw.start)
    header = _cells(rows[0], roles, raw.start)
    body = [_cells(r, roles, raw.start + i + 2) for i, r in enumerate(rows[2:])]
    for i, row in enumerate(body):
        if len(row) != len(header):
            raise MarkupError(f"table row has {len(row)} cells but the header has {len(header)}",
                              raw.start + i + 2)
    widths, right = _layout(rows[1], len(header), raw.start + 1)
    return Table(header, _uniform_amounts(body), widths, right)


_AMOUNT = re.compile(r"^(-?£-?\d{1,3}(?:,\d{3})*)(\.\d{2})?$")


def _amount(cell: list[Inline]) -> re.Match | None:
    """The cell as an amount in pounds, when that is all it holds."""
    if len(cell) == 1 and isinstance(cell[0], Text):
        return _AMOUNT.match(cell[0].text.strip())
    return None


def _uniform_amounts(rows: list[list[list[Inline]]]) -> list[list[list[Inline]]]:
    """Every amount in a column in the same form: if one shows pence, all do ("£1,250.00" beside
    "£312.50", never "£1,250")."""
    columns = max((len(r) for r in rows), default=0)
    for c in range(columns):
        cells = [row[c] for row in rows if c < len(row) and _amount(row[c])]
        if any(_amount(cell).group(2) for cell in cells):
            for cell in cells:
                if not _amount(cell).group(2):
                    cell[0] = Text(cell[0].text.strip() + ".00")
    return rows


def _layout(separator: str, columns: int, line: int) -> tuple[list[int], list[bool]]:
    """Column widths (relative, from the dash counts) and right-alignment (a trailing ':').

    A lawyer sets a narrow number column and a wide condition column by drawing the separator
    `|--|------|---:|` rather than by touching the Word template.
    """
    specs = [cell.strip() for cell in separator.strip().strip("|").split("|")]
    if len(specs) != columns:
        raise MarkupError(f"the |---| line has {len(specs)} cells but the header has {columns}", line)
    return [max(1, s.count("-")) for s in specs], [s.endswith(":") for s in specs]


def _cells(row: str, roles: Callable[[str], str], line: int) -> list[list[Inline]]:
    # Values and [[...]] marks are blanked first, so a '|' in `[[Term|Terms]]` or in a term-sheet
    # value never splits a cell.
    masked = _MARK.sub(lambda m: "\x00" * len(m.group(0)), _outside_values(row))
    cuts = [i for i, ch in enumerate(masked) if ch == "|"]
    if not cuts or cuts[0] != 0 or cuts[-1] != len(row.rstrip()) - 1:
        raise MarkupError("a table row starts and ends with '|'", line)
    return [parse_inlines(row[a + 1 : b].strip(), roles, line) for a, b in zip(cuts, cuts[1:])]


def parse_inlines(text: str, roles: Callable[[str], str], line: int = 0) -> list[Inline]:
    out: list[Inline] = []
    pos = 0
    two = getattr(roles, "two_parties", False)
    agree = False  # "the other Parties agree" became "the other Party": the verb follows it
    value = None  # the term-sheet value just printed, for "'s" after it
    for match in _TOKEN.finditer(text):
        between = text[pos : match.start()]
        if agree and between.startswith(" agree "):
            between = " agrees " + between[len(" agree "):]
        agree = False
        _add_text(out, _possessive_after_value(value, between) if value is not None else _possessive_after(out, between))
        value = None
        pos = match.end()
        if match.group("value") is not None:
            value = match.group("value")
            _add_text(out, value)
        elif match.group("hole") is not None:
            out.append(Placeholder(match.group("hole")))
        elif match.group("mark").strip() in _LISTS:
            _ref_list(out, getattr(roles, _LISTS[match.group("mark").strip()], ()))
        else:
            inline = _mark(match.group("mark"), roles, line)
            if isinstance(inline, _RoleTerm):
                other = getattr(roles, "sole_private", None) if inline.term_name == "Public Body" else None
                inline = (_not_public(out, other) if other and _is_not_public(out)
                          else _stand_in(out, inline) if inline.stand_in else _drop_article(out, inline))
            elif isinstance(inline, Term) and two:
                if inline.name == "Dispute" and _parties_to_the(out):
                    continue  # two Parties: "the Parties to the Dispute" are the Parties
                agree = inline.name == "Parties" and _OTHER.search(_last_text(out)) is not None
                inline = _other_party(out, inline)
            out.append(inline)
    between = _possessive_after_value(value, text[pos:]) if value is not None else _possessive_after(out, text[pos:])
    _add_text(out, " agrees " + between[len(" agree "):] if agree and between.startswith(" agree ") else between)
    return out


def _possessive_after_value(value: str, between: str) -> str:
    """A clause writes "{{ m.defined }}'s"; after a printed name ending in a plural s ("Stourland Carers") it reads
    "Stourland Carers'", and after one already possessive ("St Mungo's") nothing is added, as for a defined term
    (r34 al-fresh finding 19)."""
    if not (between.startswith("'s") and not between[2:3].isalpha()) or not value:
        return between
    if value.endswith(("'s", "’s")):
        return between[2:]
    return "'" + between[2:] if _PLURAL_S.search(value) else between


def _last_text(out: list[Inline]) -> str:
    return out[-1].text if out and isinstance(out[-1], Text) else ""


# "Each [[Party]] that is not a [[Public Body]]": the words before the second term.
_EACH = re.compile(r"(?:^|(?<=[\s(]))([Ee])ach $")
_NOT_A = " that is not a "


def _is_not_public(out: list[Inline]) -> bool:
    return (len(out) >= 3 and _last_text(out) == _NOT_A and isinstance(out[-2], Term) and out[-2].name == "Party"
            and isinstance(out[-3], Text) and _EACH.search(out[-3].text) is not None)


def _not_public(out: list[Inline], other: Role) -> Term:
    """In a draft between one public body and one other party, "each Party that is not a Public Body"
    is that other party: "The Trust must ..."."""
    out.pop()
    out.pop()
    last = out.pop().text
    found = _EACH.search(last)
    article = ("The " if found.group(1) == "E" else "the ") if other.article else ""
    if last[: found.start()] + article:
        out.append(Text(last[: found.start()] + article))
    return Term(other.name, other.name)


def _parties_to_the(out: list[Inline]) -> bool:
    """Whether "[[Parties]] to the " (or "[[Party]] to the ") comes just before: the Dispute's parties,
    in a two-party draft simply the Parties, and each of them simply each Party (the words before
    the Dispute are then dropped)."""
    if (len(out) >= 2 and _last_text(out) == " to the " and isinstance(out[-2], Term)
            and out[-2].name in ("Parties", "Party")):
        out.pop()
        return True
    return False


class _RoleTerm(NamedTuple):
    term: Term
    article: bool
    stand_in: bool = False
    term_name: str = ""  # the role term a stand-in replaces ("Public Body")


def _stand_in(out: list[Inline], role: "_RoleTerm") -> Term:
    """A defined role held by one party ("Public Body", "Open-Book Provider") reads as that party's
    name, with "the": "each Public Body" and "an Open-Book Provider" become "the Council" and "the
    Trust" (no "the" for a party whose name takes none)."""
    article = "the " if role.article else ""
    last = out[-1].text if out and isinstance(out[-1], Text) else ""
    found = _DETERMINER.search(last)
    if found:
        word = article.capitalize() if article and last[found.start()].isupper() else article
        before = last[: found.start()] + word
    else:
        before = last + article
    if out and isinstance(out[-1], Text):
        out.pop()
    if before:
        out.append(Text(before))
    return role.term


# Marks that list references the draft works out from its clauses' headers (assemble.Roles):
# `[[survivors]]` what survives the end, `[[third-party-rights]]` what a non-party may enforce.
_LISTS = {"survivors": "survivors", "third-party-rights": "third_party_rights"}


def _ref_list(out: list[Inline], targets) -> None:
    """A reference to each target, in the draft's order: "clause 1, clause 20 and clause 31"."""
    for n, target in enumerate(targets):
        if n:
            _add_text(out, " and " if n == len(targets) - 1 else ", ")
        out.append(Ref(target))


def _other_party(out: list[Inline], term: Term) -> Term:
    """In a two-party draft "each other Party", "another Party" and "the other Parties" are "the
    other Party"."""
    if term.name not in ("Party", "Parties") or not out or not isinstance(out[-1], Text):
        return term
    found = _OTHER.search(out[-1].text)
    if not found:
        return term
    last = out[-1].text
    out[-1] = Text(last[: found.start()] + ("The" if last[found.start()].isupper() else "the") + " other ")
    return Term("Party", "Party")


def _drop_article(out: list[Inline], role: "_RoleTerm") -> Term:
    """Clause files write "the [[@funder]]" (or "The [[@funder]]" to open a sentence); a party whose
    name takes no article ("P3", "St Mungo's", "The Zone") reads without that "the"."""
    if not role.article and out and isinstance(out[-1], Text):
        before = _ARTICLE.sub("", out[-1].text)
        if before != out[-1].text:
            if before:
                out[-1] = Text(before)
            else:
                out.pop()
    return role.term


_PLURAL_S = re.compile(r"[^s'’]s$")


def _possessive_after(out: list[Inline], between: str) -> str:
    """Clause files write "[[@recipient]]'s"; after a name ending in a plural s ("Good Neighbours",
    "Friends") it reads "Good Neighbours'" (the commissioner persona found "Good Neighbours's"
    throughout a letter), as `possessive` in the party model writes placeholders."""
    if not (between.startswith("'s") and not between[2:3].isalpha() and out and isinstance(out[-1], Term)):
        return between
    display = out[-1].display
    if display.endswith(("'s", "’s")):
        return between[2:]  # "St Mungo's" is possessive already
    return "'" + between[2:] if _PLURAL_S.search(display) else between


def _add_text(out: list[Inline], text: str) -> None:
    if not text:
        return
    if out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text + text)
    else:
        out.append(Text(text))


def _mark(mark: str, roles: Callable[[str], str], line: int) -> "Inline | _RoleTerm":
    mark = mark.strip()
    if mark.startswith("?"):
        return Placeholder(mark[1:].strip())
    if mark.startswith("_"):  # a blank in a form completed later (an accession deed, a notice)
        return Placeholder(mark[1:].strip(), kind="blank")
    if mark.startswith(("ref:", "Ref:")):
        return Ref(mark[4:].strip(), capital=mark[0] == "R")
    if mark.startswith("@"):
        try:
            role = roles(mark[1:])
        except KeyError:
            raise MarkupError(f"[[{mark}]]: no party has the role {mark[1:]!r}", line) from None
        role = Role(role) if isinstance(role, str) else role
        return _RoleTerm(Term(role.name, role.name), role.article)
    if mark == "definitions":
        raise MarkupError("[[definitions]] must stand alone on its own line", line)
    name, _, display = mark.partition("|")
    if not _TERM_NAME.fullmatch(name.strip()):
        raise MarkupError(f"[[{mark}]] is not a defined term, reference or placeholder", line)
    holder = getattr(roles, "stand_in", None)
    role = holder(name.strip()) if holder else None
    if role is not None:
        return _RoleTerm(Term(role.name, role.name), role.article, stand_in=True, term_name=name.strip())
    return Term(name.strip(), (display or name).strip())
