"""The one exception family for mistakes a user can fix: the command line prints them and exits 1."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, located as precisely as we know."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None

    def __post_init__(self) -> None:
        # A rule's message may quote a fact the term sheet left open: show it as its placeholder.
        from assembler.model import shown

        object.__setattr__(self, "message", shown(self.message))

    def __str__(self) -> str:
        where = ""
        if self.file:
            name = _relative(self.file)
            where = name if self.line is None else f"{name}:{self.line}"
            where += ": "
        field = f"{self.field}: " if self.field else ""
        return f"{where}{field}{self.message}"


class UserError(Exception):
    """Input the user can fix. Carries every problem found, so all are reported at once.

    Third-party exceptions are wrapped at the boundary (`raise UserError(...) from e`) so that the
    command line never shows a traceback for a user's mistake.
    """

    def __init__(self, problems: Problem | list[Problem] | str, *, file: str | Path | None = None):
        if isinstance(problems, str):
            problems = Problem(problems, file=str(file) if file else None)
        self.problems: list[Problem] = [problems] if isinstance(problems, Problem) else problems
        super().__init__("\n".join(str(p) for p in self.problems))


class LibraryError(UserError):
    """A fault in the clause library itself (a clause file, a manifest, a template)."""


def _relative(name: str) -> str:
    """Paths under the working folder print relative to it, as compilers print them."""
    try:
        return str(Path(name).resolve().relative_to(Path.cwd()))
    except (ValueError, OSError):
        return name
