"""One clause file: its YAML header (validated) and its text, with the line where the text starts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assembler.errors import LibraryError, Problem, UserError
from assembler.library.yamlcache import quick_load
from assembler.termsheet.loader import load_text
from assembler.termsheet.messages import describe

ID_PATTERN = r"^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$"
_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n?", re.S)


class ClauseHeader(BaseModel):
    """What a clause file's header may say; anything else is a fault in the library."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    id: str = Field(pattern=ID_PATTERN, description="The family, a dot and a lower-case name, e.g. grant.payment")
    title: str = Field(min_length=1)
    titles: list[dict[str, str]] = Field(default_factory=list, description=(
        "Other headings for other deals: each {when: <condition>, title: <heading>}; the first whose condition "
        "holds replaces the title (home care's heading for a clause written for supported living)"))
    version: str = Field(pattern=r"^\d+\.\d+\.\d+$", description="Three whole numbers with dots, e.g. 1.2.0")
    status: Literal["draft", "approved"]
    kind: Literal["clause", "recital", "schedule"] = "clause"
    when: str | None = None
    position: str | None = Field(None, pattern=r"^[a-z][a-z0-9_]*$", description="Lower-case letters, digits and underscores, e.g. payment_basis")
    variant: str | None = Field(None, pattern=r"^[a-z][a-z0-9-]*$", description="Lower-case letters, digits and hyphens, e.g. milestones")
    standard: bool = False
    defines: dict[str, str] = Field(default_factory=dict)
    note: str | None = None
    sources: list[str] = Field(default_factory=list)
    aliases: list[str] = Field(default_factory=list)
    holders: dict[str, str] = Field(default_factory=dict, description=(
        "A defined role term -> a Jinja expression giving the parties that hold it; where one party "
        "holds it, the draft names that party instead of the term"))
    survives: bool | list[str] = Field(False, description=(
        "Whether the clause survives the end of the agreement: true (the whole clause) or the anchors "
        "of the sub-clauses that survive; the survival clause lists them"))
    assumptions: list[str] = Field(default_factory=list, description=(
        "Jinja sentences naming each level the clause assumes because the instructions are silent (an "
        "insurance level, a notice period); those that render non-empty are listed together in one "
        "drafting note for the client to confirm"))
    third_party_rights: bool | list[str] = Field(False, description=(
        "Whether a person who is not a party may enforce the clause (an indemnity given to a new "
        "provider): true or the anchors of the sub-clauses; the third-party rights clause names them"))


class ClauseFile:
    """A parsed clause file. `body_line` is the file line of the body's first line (for messages)."""

    def __init__(self, header: ClauseHeader, body: str, path: Path, body_line: int):
        self.header = header
        self.body = body
        self.path = path
        self.body_line = body_line

    @property
    def id(self) -> str:
        return self.header.id

    @property
    def family(self) -> str:
        return self.header.id.split(".", 1)[0]

    def __repr__(self) -> str:
        variant = f"[{self.header.variant}]" if self.header.variant else ""
        return f"<ClauseFile {self.id}{variant} {self.path.name}>"


def read_clause_file(path: Path) -> ClauseFile:
    """Parse a clause file, failing loudly (with file and line) on anything malformed."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise LibraryError(Problem(f"cannot read clause file: {e}", name)) from e
    match = _FENCE.match(text)
    if not match:
        raise LibraryError(Problem("a clause file starts with a YAML header between '---' lines", name, 1))
    header = _fast_header(match.group(1))
    if header is None:
        header = _located_header(match.group(1), name)
    _check_header(header, name)
    body_line = text[: match.end()].count("\n") + 1
    return ClauseFile(header, text[match.end():], path, body_line)


def _fast_header(front: str) -> ClauseHeader | None:
    """The header from the quick loader, or None if anything is wrong with it (then the located
    loader runs to say where)."""
    data = quick_load(front)
    try:
        return ClauseHeader.model_validate(data) if isinstance(data, dict) else None
    except (ValidationError, ValueError, TypeError):
        return None


def _located_header(front: str, name: str) -> ClauseHeader:
    try:
        loaded = load_text(front, name)
    except UserError as e:
        raise LibraryError([_shift(p, 1) for p in e.problems]) from e
    try:
        return ClauseHeader.model_validate(loaded.data)
    except ValidationError as e:
        problems = [
            Problem(describe(err, ClauseHeader), name, (loaded.line_of(err["loc"]) or 0) + 1,
                    ".".join(str(x) for x in err["loc"]) or None)
            for err in e.errors()
        ]
        raise LibraryError(problems) from e


def _shift(problem: Problem, lines: int) -> Problem:
    line = problem.line + lines if problem.line else None
    return Problem(problem.message, problem.file, line, problem.field)


def _check_header(header: ClauseHeader, name: str) -> None:
    if (header.position is None) != (header.variant is None):
        raise LibraryError(Problem("'position' and 'variant' go together: give both or neither", name, 2))
    if header.standard and header.position is None:
        raise LibraryError(Problem("'standard' only applies to a variant of a position", name, 2))
