"""The positions the commissioner decides (clauses/choices.yaml): asked in plain words in the
commissioner's part of the starter, the schema and the web form, not under "Legal completes this".

A payment in advance or in arrears, a short offer letter or a full agreement, are the commissioner's
decisions about the deal; the other positions are legal's drafting choices. Which is which is library
data, so a firm can move a position from one to the other without Python.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assembler.errors import LibraryError, Problem, UserError
from assembler.library.catalogue import Catalogue
from assembler.library.yamlcache import quick_load
from assembler.termsheet.loader import load_file

DATA_FILE = "choices.yaml"


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    question: str = Field(min_length=1)
    answers: dict[str, str] = Field(min_length=1, description="every variant of the position, in plain words")


@dataclass(frozen=True)
class Choice:
    """One position the commissioner decides: the question and each variant's plain meaning."""

    position: str
    question: str
    answers: dict[str, str]


def _path(catalogue: Catalogue) -> Path:
    return catalogue.paths.clauses / DATA_FILE


def _read(path: Path) -> dict[str, dict[str, _Entry]]:
    """The file's entries by family and position; a missing file means no choices (a firm's own
    library need not have one); a faulty one is a library fault with its line."""
    if not path.is_file():
        return {}
    data = quick_load(path.read_text(encoding="utf-8"))
    try:
        return _validated(data)
    except (ValidationError, ValueError, TypeError, AttributeError):
        pass
    try:
        loaded = load_file(path)
    except UserError as e:
        raise LibraryError(e.problems) from e
    try:
        return _validated(loaded.data)
    except (ValidationError, ValueError, TypeError, AttributeError) as e:
        raise LibraryError(Problem(f"each family maps positions to a question and answers: {e}", str(path))) from e


def _validated(data) -> dict[str, dict[str, _Entry]]:
    if not isinstance(data, dict):
        raise ValueError("expected a mapping of families")
    return {str(family): {str(name): _Entry.model_validate(entry) for name, entry in (positions or {}).items()}
            for family, positions in data.items()}


def commissioner_choices(catalogue: Catalogue, family: str) -> dict[str, Choice]:
    """The family's positions the commissioner decides, in the file's order, each only if the family's
    clauses offer it (library check reports the others)."""
    offered = catalogue.positions(family)
    return {name: Choice(name, entry.question, dict(entry.answers))
            for name, entry in _read(_path(catalogue)).get(family, {}).items() if name in offered}


def check_choices(catalogue: Catalogue) -> list[Problem]:
    """`library check`: each position named must be one the family's clauses offer, with every variant
    answered and no variant the clauses lack."""
    path = _path(catalogue)
    where = str(path)
    try:
        entries = _read(path)
    except LibraryError as e:
        return list(e.problems)
    out = []
    for family, positions in entries.items():
        if family not in catalogue.manifests:
            out.append(Problem(f"names family {family!r}, which the library does not have", where, None, family))
            continue
        offered = catalogue.positions(family)
        for name, entry in positions.items():
            field = f"{family}.{name}"
            if name not in offered:
                out.append(Problem(f"names position {name!r}, which no {family} clause offers", where, None, field))
                continue
            variants = set(offered[name].variants)
            for missing in sorted(variants - set(entry.answers)):
                out.append(Problem(f"gives no answer for variant {missing!r}", where, None, f"{field}.answers"))
            for extra in sorted(set(entry.answers) - variants):
                out.append(Problem(f"answers variant {extra!r}, which the {name} clauses do not offer", where, None,
                                   f"{field}.answers.{extra}"))
    return out
