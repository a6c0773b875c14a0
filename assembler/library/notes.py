"""Drafting notes speak to the reviewing lawyer of the agreement, the law and the facts.

A note that names a clause file, a version, a rule id, the figures file or the tool itself tells the
lawyer about the engine, not the deal; this check finds such words in every clause's `note:` and
reports the file line they sit on.
"""

from __future__ import annotations

import re

from assembler.errors import Problem

ENGINE_WORDS = [
    (re.compile(r"\w+\.[\w-]+@\d"), "a clause id with a version"),
    (re.compile(r"\b(?:figures|law)\.yaml\b"), "a data file"),
    (re.compile(r"\bmanifest", re.I), "the manifest"),
    (re.compile(r"\bterm sheet rule", re.I), "a rule id"),
    (re.compile(r"\brule [A-Z]"), "a rule id"),
    (re.compile(r"\b[A-Z]{2,}-[A-Z][A-Z0-9-]*\b"), "a rule id"),
    (re.compile(r"\.md\b"), "a clause file"),
    (re.compile(r"\bthe (?:engine|tool|assembler)\b", re.I), "the tool"),
    (re.compile(r"\btemplates?/"), "a template"),
    (re.compile(r"\bplaceholders?\b", re.I), "a placeholder (say the fact is left blank)"),
    (re.compile(r"\b(?:the|this|common) library\b|\blibrary's\b", re.I), "the clause library"),
    (re.compile(r"`[^`]+`"), "a term-sheet key in code type"),
    (re.compile(r"\b[a-z]+_[a-z_]+\b"), "a term-sheet key"),
    (re.compile(r"\bthe tests?\b|\bthe check warns\b", re.I), "the tool's tests or checks"),
    (re.compile(r"\bconsistency (?:check|rules?)\b", re.I), "the tool's consistency check"),
    (re.compile(r"\bfamil(?:y|ies)\b", re.I), "the tool's agreement families (say 'this agreement')"),
]
# Phrases that leak how the draft was produced rather than what it says: the reviewing solicitor
# reads them as the generator talking. They fail the check in every clause, shared or not.
LEAK_WORDS = [
    (re.compile(r"\bterm[ -]sheets?(?:'s)?\b", re.I), "the term sheet (say what the parties agreed or the facts)"),
    (re.compile(r"\bhouse(?:'s|’s)", re.I), "the house's defaults"),
    (re.compile(r"\bproportionate defaults?\b", re.I), "the tool's defaults"),
    (re.compile(r"\(option:", re.I), "an option label"),
    (re.compile(r"\bstandard variant\b", re.I), "a variant"),
    (re.compile(r"\bstandard position(?::| is \")", re.I), "the draft's default (say what the clause provides)"),
    (re.compile(r"\bnot checked\b", re.I), "an admission the point was not checked"),
    (re.compile(r"\bcould not be (?:compared|checked|verified|retrieved|confirmed)\b", re.I),
     "an admission the point was not checked (say what to confirm and where)"),
    (re.compile(r"\bas the drafter has it\b", re.I), "the drafter's working"),
    (re.compile(r"\bleft open\b", re.I), "a fact left open (say it is to be completed)"),
    (re.compile(r"\bthis clause appears because\b", re.I), "why the tool chose the clause"),
]
# Jinja in a note decides what it says; its names are never printed, so they are not engine words.
_JINJA = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
# Hyphenated capitals that name law, not rule ids.
ALLOWED = {"UK-GDPR", "EU-GDPR"}


def check_notes(catalogue) -> list[Problem]:
    """One problem per engine word or leak phrase in a note, at the file line it stands on."""
    out = []
    for f in catalogue.files:
        if f.header.note:
            out.extend(_problems(f, _engine_words(f.header.note, ENGINE_WORDS + LEAK_WORDS)))
    return out


def _problems(f, hits: list[tuple[str, str]]) -> list[Problem]:
    lines = _note_lines(f.path)
    return [Problem(f"the drafting note speaks of the tool ({what}: {hit!r}); "
                    "say it in terms of the agreement, the law or the facts",
                    str(f.path), _line_of(hit, lines), "note") for hit, what in hits]


def _engine_words(note: str, words=ENGINE_WORDS) -> list[tuple[str, str]]:
    found = []
    note = _JINJA.sub(" ", note)
    for pattern, what in words:
        for m in pattern.finditer(note):
            if m.group(0) not in ALLOWED:
                found.append((m.group(0), what))
    return found


def _note_lines(path) -> list[tuple[int, str]]:
    """(file line, text) of the front matter, where the note is written."""
    text = path.read_text(encoding="utf-8").split("\n")
    end = next((i for i in range(1, len(text)) if text[i].strip() == "---"), len(text))
    return [(i + 1, text[i]) for i in range(end)]


def _line_of(hit: str, lines: list[tuple[int, str]]) -> int | None:
    """The first front-matter line holding the hit (a folded note keeps words on one line)."""
    note_start = next((n for n, t in lines if t.startswith("note:")), None)
    for n, t in lines:
        if note_start and n >= note_start and hit in t:
            return n
    return note_start


# Names the clause library gives the parties by their role. A note may use one only where the draft
# defines it (an alliance's "Commissioner"); elsewhere the reviewing partner reads "the Funder" where
# the draft says "the Council".
ROLE_NAMES = ("Open-Book Commissioner", "Open-Book Provider", "Delivery Organisation", "Public Bodies",
              "Public Body", "Alliance Members", "Alliance Member", "Commissioner", "Providers", "Provider",
              "Recipient", "Authority", "Investors", "Investor", "Funder")
_ROLE = re.compile(r"(?:\b([A-Z][\w'’]*) )?(?<![\w\-\"“'‘])(" + "|".join(re.escape(r) for r in ROLE_NAMES)
                   + r")(?![\w-])(?:['’]s)?(?= ([A-Z]\w*))?")
_DETERMINERS = {"The", "A", "An", "Each", "Any", "Every", "No", "That", "This", "Which", "Whether", "If", "Where"}


def undefined_roles(doc) -> list[str]:
    """Each drafting note of a finished draft that calls a party by a role name the draft does not
    define, as a sentence naming the clause and the party names the draft uses instead."""
    from assembler.library.terms import _place
    from assembler.model import Term, iter_inlines

    defined = {d.term for d in doc.definitions} | {p.short_name for p in doc.parties}
    defined |= {i.name for c in doc.all_clauses() for i in iter_inlines(c.blocks) if isinstance(i, Term)}
    defined |= {i.display for c in doc.all_clauses() for i in iter_inlines(c.blocks) if isinstance(i, Term)}
    names = ", ".join(p.defined for p in doc.parties) if len(doc.parties) <= 4 else "each party's short name"
    out = []
    for clause in doc.all_clauses():
        found = sorted({m.group(2) for m in _ROLE.finditer(clause.note or "")
                        if (not m.group(1) or m.group(1) in _DETERMINERS) and not m.group(3)
                        and m.group(2) not in defined and _singular(m.group(2)) not in defined})
        if found:
            listed = ", ".join(f"'{role}'" for role in found)
            out.append(f"the drafting note to {_place(clause)} calls a party {listed}, which this draft does "
                       f"not define; name the party as the draft does ({names})")
    return out


def _singular(role: str) -> str:
    return "Public Body" if role == "Public Bodies" else role[:-1] if role.endswith("s") else role
