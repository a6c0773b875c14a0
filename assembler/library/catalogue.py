"""The whole library in memory: clause files by id and position, manifests, and figures."""

from __future__ import annotations

import datetime as dt
import hashlib
import pickle
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from assembler import __version__, cache as disk_cache
from assembler.errors import LibraryError, Problem, UserError
from assembler.library.clausefile import ClauseFile, read_clause_file
from assembler.library.manifest import Manifest, read_manifests
from assembler.library.paths import LibraryPaths, default_paths
from assembler.termsheet.loader import load_file


@dataclass
class Position:
    """A point where the library offers alternatives; each variant may span several clause ids."""

    name: str
    variants: dict[str, list[ClauseFile]] = field(default_factory=dict)

    @property
    def standard(self) -> str | None:
        chosen = [v for v, files in self.variants.items() if any(f.header.standard for f in files)]
        return chosen[0] if len(chosen) == 1 else None


@dataclass
class Catalogue:
    paths: LibraryPaths
    files: list[ClauseFile]
    manifests: dict[str, Manifest]
    figures: dict[str, Any]
    faults: list[Problem] = field(default_factory=list)  # files that failed to parse
    law: dict[str, Any] = field(default_factory=dict)  # clauses/law.yaml: instrument -> in_force date, ...
    digest: str = ""  # hash of the files it was read from (library_digest), when loaded by load_catalogue

    def by_id(self) -> dict[str, list[ClauseFile]]:
        out: dict[str, list[ClauseFile]] = {}
        for f in self.files:
            out.setdefault(f.id, []).append(f)
            for alias in f.header.aliases:
                out.setdefault(alias, []).append(f)
        return out

    def positions(self, family: str | None = None) -> dict[str, Position]:
        """Positions open to a family (its own and common ones), or all of them."""
        out: dict[str, Position] = {}
        for f in self.files:
            if f.header.position is None or (family and f.family not in (family, "common")):
                continue
            pos = out.setdefault(f.header.position, Position(f.header.position))
            pos.variants.setdefault(f.header.variant or "", []).append(f)
        if family:
            used = set(self.manifest(family).entries)
            out = {k: v for k, v in out.items()
                   if any(f.id in used for files in v.variants.values() for f in files)}
        return out

    def manifest(self, family: str) -> Manifest:
        try:
            return self.manifests[family]
        except KeyError:
            known = ", ".join(sorted(self.manifests))
            raise UserError(f"unknown agreement family {family!r}; the library has: {known}") from None

    def terms(self, family: str | None = None) -> dict[str, ClauseFile]:
        """Defined term -> the clause file that defines it (first definition wins; check reports clashes)."""
        out: dict[str, ClauseFile] = {}
        for f in self.files:
            if family and f.family not in (family, "common"):
                continue
            for term in f.header.defines:
                out.setdefault(term, f)
        return out


def load_catalogue(paths: LibraryPaths | None = None, *, strict: bool = True) -> Catalogue:
    """Read every clause file, manifest and figure. With strict, a broken file stops everything."""
    paths = paths or default_paths()
    return _load(paths.root.resolve(), strict)


@cache
def _load(root: Path, strict: bool) -> Catalogue:
    """The library from the user's cache when no file of it has changed, else parsed and kept there:
    one read instead of parsing and validating every clause header and manifest."""
    paths = LibraryPaths(root)
    if not paths.clauses.is_dir():
        raise LibraryError(f"no clause library at {paths.clauses}")
    digest = library_digest(paths)
    name = _snapshot_name(paths, strict, digest)
    stored = disk_cache.read("catalogue", name)
    if stored is not None:
        try:
            catalogue = pickle.loads(stored)
            if isinstance(catalogue, Catalogue) and catalogue.paths == paths:
                return catalogue
        except Exception:  # an unreadable or outdated entry is parsed afresh
            pass
    catalogue = _parse(paths, strict)
    catalogue.digest = digest
    try:
        disk_cache.write("catalogue", name, pickle.dumps(catalogue, protocol=pickle.HIGHEST_PROTOCOL))
    except (pickle.PicklingError, TypeError, AttributeError):
        pass
    return catalogue


SNAPSHOT_FORMAT = "catalogue-1"  # bump when what a Catalogue holds changes


def library_files(paths: LibraryPaths) -> list[Path]:
    """Every file the catalogue is read from: clause files, manifests, figures and the law."""
    files = [*paths.clauses.rglob("*.md"), *paths.templates.glob("*.yaml"), paths.clauses / "figures.yaml",
             paths.clauses / "law.yaml"]
    return sorted({p for p in files if p.is_file()})


def library_digest(paths: LibraryPaths) -> str:
    """A hash of every library file's name and text (the library version in a draft's properties)."""
    digest = hashlib.sha256()
    for path in library_files(paths):
        digest.update(path.relative_to(paths.root).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _snapshot_name(paths: LibraryPaths, strict: bool, digest: str) -> str:
    """The cache entry's name: the library's digest and the versions that shape the parsed
    objects, so an edited clause, manifest or figure simply misses."""
    import pydantic

    return disk_cache.key(SNAPSHOT_FORMAT, __version__, sys.version, pydantic.VERSION, _code_digest(), str(paths.root),
                          str(strict), digest) + ".pickle"


@cache
def _code_digest() -> str:
    """A hash of the code that defines what a Catalogue holds (this package's modules): a new field on
    a manifest or clause class misses the cache without anyone remembering to bump SNAPSHOT_FORMAT
    (a forgotten bump once left pickled manifests without the field)."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _parse(paths: LibraryPaths, strict: bool) -> Catalogue:
    files, faults = [], []
    for path in sorted(paths.clauses.rglob("*.md")):
        if path.name.lower() == "readme.md":
            continue
        try:
            files.append(read_clause_file(path))
        except LibraryError as e:
            if strict:
                raise
            faults.extend(e.problems)
    try:
        figures = load_file(paths.clauses / "figures.yaml").data
        law = read_law(paths.clauses / "law.yaml")
    except UserError as e:
        raise LibraryError(e.problems) from e
    return Catalogue(paths, files, read_manifests(paths.templates), figures, faults, law)


def read_law(path: Path) -> dict[str, Any]:
    """The instruments clauses and rules rely on, each with the date it came into force (a
    `datetime.date`, so rules and `when:` conditions compare it with term-sheet dates). A library
    without the file has none, and the rules that need one stay quiet."""
    if not path.is_file():
        return {}
    law = {}
    for name, entry in (load_file(path).data or {}).items():
        entry = dict(entry)
        for key in ("in_force", "until"):
            if entry.get(key) is not None:
                try:
                    entry[key] = dt.date.fromisoformat(str(entry[key]))
                except ValueError:
                    raise LibraryError(Problem(f"{key} must be a date as YYYY-MM-DD, not {entry[key]!r}",
                                               str(path), None, f"{name}.{key}")) from None
        law[name] = entry
    return law
