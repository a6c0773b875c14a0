"""A family's manifest (templates/<family>.yaml): its model, rules, title, parties and clause order."""

from __future__ import annotations

import importlib
from functools import cached_property
from pathlib import Path
from types import ModuleType

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assembler.errors import LibraryError, Problem, UserError
from assembler.termsheet.loader import load_file


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,))

    family: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    model: str = Field(pattern=r"^[\w.]+:\w+$", description="module:Class of the term-sheet model")
    rules: str = Field(description="module holding the family's consistency rules")
    starter: str = Field(description="sample, relative to samples/, that `new` starts from")
    title: str
    subtitle: str = ""
    parties: list[str] = Field(min_length=1)
    recitals: list[str] = Field(default_factory=list)
    clauses: list[str] = Field(min_length=1)
    schedules: list[str] = Field(default_factory=list)

    @property
    def entries(self) -> list[str]:
        return [*self.recitals, *self.clauses, *self.schedules]

    def model_class(self) -> type:
        module, _, name = self.model.partition(":")
        return getattr(_import(module, self.family), name)

    def rules_module(self) -> ModuleType:
        return _import(self.rules, self.family)


def _import(module: str, family: str) -> ModuleType:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise LibraryError(f"the {family} manifest names module {module!r}, which cannot be imported: {e}") from e


def read_manifest(path: Path) -> Manifest:
    try:
        loaded = load_file(path)
    except UserError as e:
        raise LibraryError(e.problems) from e
    try:
        return Manifest.model_validate(loaded.data)
    except ValidationError as e:
        raise LibraryError([
            Problem(err["msg"], str(path), loaded.line_of(err["loc"]), ".".join(map(str, err["loc"])))
            for err in e.errors()
        ]) from e


def read_manifests(templates: Path) -> dict[str, Manifest]:
    """Every family the library offers, by name. A family is a manifest file in templates/."""
    manifests = {}
    for path in sorted(templates.glob("*.yaml")):
        manifest = read_manifest(path)
        manifests[manifest.family] = manifest
    return manifests
