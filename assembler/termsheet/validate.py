"""Turn loaded data into a validated family model, reporting every problem with file, line and field."""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from assembler.errors import Problem, UserError
from assembler.library.catalogue import Catalogue
from assembler.termsheet.common import TermSheetBase
from assembler.termsheet.loader import Loaded, load_file


@dataclass(frozen=True)
class TermSheet:
    """A validated term sheet: the family model plus the chosen variant of every position."""

    source: Loaded
    family: str
    model: TermSheetBase
    positions: dict[str, str]

    @property
    def digest(self) -> str:
        """sha256 of the validated content, so reformatting the file does not change it."""
        return hashlib.sha256(self.model.model_dump_json().encode()).hexdigest()


def read_termsheet(path: str | Path, catalogue: Catalogue) -> TermSheet:
    return validate(load_file(path), catalogue)


def validate(loaded: Loaded, catalogue: Catalogue) -> TermSheet:
    family = _family(loaded, catalogue)
    model_class = catalogue.manifest(family).model_class()
    problems: list[Problem] = []
    model = None
    try:
        model = model_class.model_validate(loaded.data)
    except ValidationError as e:
        problems.extend(_problems(e, loaded, model_class))
    positions, position_problems = _positions(loaded, catalogue, family)
    problems.extend(position_problems)
    if problems or model is None:
        raise UserError(sorted(problems, key=lambda p: (p.line or 0, p.field or "")))
    return TermSheet(loaded, family, model, positions)


def _family(loaded: Loaded, catalogue: Catalogue) -> str:
    family = loaded.data.get("family")
    known = sorted(catalogue.manifests)
    if family is None:
        raise UserError(loaded.problem((), f"missing 'family:' (one of {', '.join(known)})"))
    if family not in catalogue.manifests:
        hint = _did_you_mean(str(family), known)
        raise UserError(loaded.problem(("family",), f"unknown family {family!r}{hint}; "
                                                    f"the library has {', '.join(known)}"))
    return family


def _problems(error: ValidationError, loaded: Loaded, model_class: type[BaseModel]) -> list[Problem]:
    problems = []
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        message = _message(err, loc, model_class)
        problems.append(loaded.problem(loc, message))
    return problems


def _message(err: dict[str, Any], loc: tuple, model_class: type[BaseModel]) -> str:
    kind = err["type"]
    if kind == "extra_forbidden":
        allowed = _fields_at(model_class, loc[:-1])
        return f"unknown field {loc[-1]!r}{_did_you_mean(str(loc[-1]), allowed)}"
    if kind == "missing":
        return "required field is missing"
    message = err["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    if "input" in err and kind not in ("missing",) and not isinstance(err["input"], (dict, list)):
        message += f" (got {err['input']!r})"
    return message


def _fields_at(model_class: Any, loc: tuple) -> list[str]:
    """Field names of the model found by walking `loc` (list indexes skipped)."""
    current = model_class
    for part in loc:
        if isinstance(part, int) or current is None:
            continue
        field = getattr(current, "model_fields", {}).get(part)
        current = _model_in(field.annotation) if field else None
    return list(getattr(current, "model_fields", {}) or [])


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found:
            return found
    return None


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _positions(loaded: Loaded, catalogue: Catalogue, family: str) -> tuple[dict[str, str], list[Problem]]:
    """Every position open to the family with its chosen (or standard) variant."""
    available = catalogue.positions(family)
    chosen: dict[str, str] = {name: pos.standard or "" for name, pos in available.items()}
    given = loaded.data.get("positions") or {}
    problems = []
    if not isinstance(given, dict):
        return chosen, []  # the model reports the wrong type
    for name, variant in given.items():
        loc = ("positions", name)
        if name not in available:
            hint = _did_you_mean(name, list(available))
            problems.append(loaded.problem(loc, f"unknown position {name!r}{hint}; positions for "
                                                f"{family}: {', '.join(sorted(available))}"))
        elif variant not in available[name].variants:
            options = ", ".join(sorted(available[name].variants))
            problems.append(loaded.problem(loc, f"unknown variant {variant!r}"
                                                f"{_did_you_mean(str(variant), list(available[name].variants))}; "
                                                f"choose one of: {options}"))
        else:
            chosen[name] = variant
    return chosen, problems
