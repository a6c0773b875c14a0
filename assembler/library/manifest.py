"""A family's manifest (templates/<family>.yaml): its model, rules, title, parties and clause order."""

from __future__ import annotations

import importlib
from functools import cached_property
from pathlib import Path
from types import ModuleType

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assembler.errors import LibraryError, Problem, UserError
from assembler.library.yamlcache import quick_load
from assembler.termsheet.loader import load_file
from assembler.termsheet.messages import describe


class KeyTerm(BaseModel):
    """A line of the review pack's key terms: a label and a Jinja template over the term sheet,
    rendered in the clause sandbox (so a new family adds key terms without Python)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    label: str = Field(min_length=1)
    value: str = Field(min_length=1, description="Jinja template; each non-empty line is one line of the value")


class Recommended(BaseModel):
    """A range the library recommends; the review pack reports a term sheet outside it as a deviation.

    Either `field` (a dotted path into the term sheet) with `min` and/or `max` (a number or the name
    of a figure in clauses/figures.yaml), or `when` (a Jinja condition over the term sheet) with
    `value` (a template showing the figures).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    label: str = Field(min_length=1)
    field: str | None = Field(None, pattern=r"^[a-z_][a-z0-9_]*(\[\])?(\.[a-z_][a-z0-9_]*(\[\])?)*$",
                              description="dotted path; `items[]` checks every item of a list")
    min: float | str | None = None
    max: float | str | None = None
    when: str | None = None
    value: str | None = None
    unit: str = Field("", description="Unit shown with the figures when the bound is a plain number, e.g. 'years'")
    reason: str = Field(min_length=1)

    @model_validator(mode="after")
    def _one_kind(self):
        ranged = self.field is not None and (self.min is not None or self.max is not None)
        conditional = self.when is not None
        if ranged == conditional:
            raise ValueError("give either `field` with `min`/`max`, or `when` (with `value`)")
        return self


class TermNames(BaseModel):
    """Defined terms a draft prints under other names when `when` (a Jinja condition over the term sheet) holds:
    a lease reads "Lease", "Leased Property" and "Lease Date" where the same clauses transfer a freehold as
    "Transfer", "Transferred Property" and "Transfer Date". Keys are the library's names and the forms they print
    as (plurals included); values are the names printed instead, or "{{ expression }}" for a name the term sheet
    gives (evaluated over the term sheet like `when`)."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    when: str = Field(min_length=1)
    names: dict[str, str] = Field(min_length=1)
    words: dict[str, str] = Field(default_factory=dict, description="Plain lower-case words that print as a defined "
                                  "term where a determiner ('a', 'each', 'that', 'the', ...) comes before them, as "
                                  "'Term|Display': {'zone': 'Zones|Zone'} makes 'each zone' read 'each Zone' (r27 "
                                  "ob-homecare 17: the defined term beside the lower-case word).")


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, ignored_types=(cached_property,), defer_build=True)

    family: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    model: str = Field(pattern=r"^[\w.]+:\w+$", description="module:Class of the term-sheet model")
    rules: str = Field(description="module holding the family's consistency rules")
    starter: str = Field(description="sample, relative to samples/, that `new` starts from")
    title: str
    subtitle: str = ""
    letter: str = Field("", description="A Jinja condition over the term sheet (positions included): when true, "
                        "the document is laid out as a letter (addresses, date, salutation, the conditions, then "
                        "the funder's signature and the recipient's acceptance) rather than as an agreement")
    parties: list[str] = Field(min_length=1)
    deed: bool = Field(False, description="Whether the agreement is executed as a deed by default (a term "
                       "sheet's document.deed overrides); otherwise each party signs it as a simple contract")
    recitals: list[str] = Field(default_factory=list)
    clauses: list[str] = Field(min_length=1)
    schedules: list[str] = Field(default_factory=list)
    key_terms: list[KeyTerm] = Field(default_factory=list, description="The review pack's key terms")
    recommended: list[Recommended] = Field(default_factory=list, description="Ranges the review pack checks")
    term_names: list[TermNames] = Field(default_factory=list, description="Defined terms printed under other "
                                        "names for some term sheets (a lease's 'Lease Date' for 'Transfer Date')")

    @property
    def sections(self) -> list[tuple[str, list[str]]]:
        """(section, clause ids) in the order the draft prints them."""
        return [("recitals", self.recitals), ("clauses", self.clauses), ("schedules", self.schedules)]

    @property
    def entries(self) -> list[str]:
        return [clause_id for _, ids in self.sections for clause_id in ids]

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
        data = quick_load(path.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            return Manifest.model_validate(data)
    except (OSError, UnicodeDecodeError, ValidationError):
        pass  # read again below, with lines, to say what is wrong and where
    try:
        loaded = load_file(path)
    except UserError as e:
        raise LibraryError(e.problems) from e
    try:
        return Manifest.model_validate(loaded.data)
    except ValidationError as e:
        raise LibraryError([
            Problem(describe(err, Manifest), str(path), loaded.line_of(err["loc"]), ".".join(map(str, err["loc"])))
            for err in e.errors()
        ]) from e


def read_manifests(templates: Path) -> dict[str, Manifest]:
    """Every family the library offers, by name. A family is a manifest file in templates/."""
    manifests = {}
    for path in sorted(templates.glob("*.yaml")):
        manifest = read_manifest(path)
        manifests[manifest.family] = manifest
    return manifests
