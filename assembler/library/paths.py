"""Where the clause library, templates and samples are: beside the package in a checkout, inside it
when installed, or wherever PARTNERDRAFT_LIBRARY points (a firm's own library)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LibraryPaths:
    root: Path

    @property
    def clauses(self) -> Path:
        return self.root / "clauses"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @property
    def samples(self) -> Path:
        return self.root / "samples"

    def manifest(self, family: str) -> Path:
        """The family's manifest file (the name messages about it give)."""
        return self.templates / f"{family}.yaml"

    @property
    def house(self) -> Path:
        """The library's own house.docx, or the built-in one: a firm's library need not carry it."""
        own = self.templates / "house.docx"
        return own if own.is_file() else _builtin().templates / "house.docx"


def default_paths() -> LibraryPaths:
    override = os.environ.get("PARTNERDRAFT_LIBRARY")
    if override:
        return LibraryPaths(Path(override))
    return _builtin()


def _builtin() -> LibraryPaths:
    package = Path(__file__).resolve().parent.parent
    checkout = package.parent
    if (checkout / "clauses").is_dir() and (checkout / "templates").is_dir():
        return LibraryPaths(checkout)
    return LibraryPaths(package / "_library")
