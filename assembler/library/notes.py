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
# Jinja in a note decides what it says; its names are never printed, so they are not engine words.
_JINJA = re.compile(r"\{%.*?%\}|\{\{.*?\}\}", re.S)
# Hyphenated capitals that name law, not rule ids.
ALLOWED = {"UK-GDPR", "EU-GDPR"}


def check_notes(catalogue) -> list[Problem]:
    """One problem per engine word in a note, at the file line it stands on."""
    out = []
    for f in catalogue.files:
        if not f.header.note:
            continue
        lines = _note_lines(f.path)
        for hit, what in _engine_words(f.header.note):
            line = _line_of(hit, lines)
            out.append(Problem(f"the drafting note speaks of the tool ({what}: {hit!r}); "
                               "say it in terms of the agreement, the law or the facts",
                               str(f.path), line, "note"))
    return out


def _engine_words(note: str) -> list[tuple[str, str]]:
    found = []
    note = _JINJA.sub(" ", note)
    for pattern, what in ENGINE_WORDS:
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
