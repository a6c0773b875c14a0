"""Turn loaded data into a validated family model, reporting every problem with file, line and field."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from decimal import Decimal
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from assembler.errors import Problem, UserError
from assembler.library.catalogue import Catalogue
from assembler.termsheet.common import TermSheetBase
from assembler.termsheet.empty import OpenFact, open_empty_facts
from assembler.termsheet.loader import Loaded, load_file
from assembler.termsheet.messages import describe, did_you_mean, item_of, shown


@dataclass(frozen=True)
class TermSheet:
    """A validated term sheet: the family model plus the chosen variant of every position."""

    source: Loaded
    family: str
    model: TermSheetBase
    positions: dict[str, str]
    open_facts: tuple[OpenFact, ...] = ()  # required texts left empty: placeholders in the draft

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
    flags = {loc: shown(value) for loc, value in numbers_given_as_bools(loaded.data, model_class)}
    problems.extend(loaded.problem(loc, f"expected a number, got {value}: write the number itself, e.g. 12")
                    for loc, value in flags.items())
    data, open_facts = open_empty_facts(loaded.data, model_class, loaded.line_of)
    try:
        model = model_class.model_validate(data)
    except ValidationError as e:
        problems.extend(p for loc, p in _problems(e, loaded, model_class) if loc not in flags)
    positions, position_problems = _positions(loaded, catalogue, family)
    problems.extend(position_problems)
    if problems or model is None:
        raise UserError(sorted(problems, key=lambda p: (p.line or 0, p.field or "")))
    return TermSheet(loaded, family, model, positions, tuple(open_facts))


def _family(loaded: Loaded, catalogue: Catalogue) -> str:
    family = loaded.data.get("family")
    known = sorted(catalogue.manifests)
    if family is None:
        raise UserError(loaded.problem((), f"missing 'family:' (one of {', '.join(known)})"))
    if not isinstance(family, str) or family not in catalogue.manifests:
        hint = did_you_mean(family, known) if isinstance(family, str) else ""
        raise UserError(loaded.problem(("family",), f"unknown family {shown(family)}{hint}; "
                                                    f"the library has {', '.join(known)}"))
    return family


def _problems(error: ValidationError, loaded: Loaded, model_class: type[BaseModel]) -> list[tuple[tuple, Problem]]:
    problems = []
    for err in error.errors(include_url=False):
        loc = tuple(err["loc"])
        problems.append((loc, loaded.problem(loc, describe(err, model_class))))
    return problems


def numbers_given_as_bools(data: Any, annotation: Any) -> list[tuple[tuple, bool]]:
    """(loc, value) wherever true or false stands in a number field. pydantic reads true as 1 there
    ("records_years: true" would be one year), so these are found before it sees them."""
    found = []
    stack: list[tuple[Any, Any, tuple]] = [(data, annotation, ())]
    while stack:
        value, annotation, loc = stack.pop()
        if isinstance(value, bool):
            types = _plain_types(annotation)
            if bool not in types and any(t in (int, float, Decimal) for t in types):
                found.append((loc, value))
        elif isinstance(value, dict):
            fields = _fields_of(_plain_types(annotation))
            stack += [(v, fields[k], (*loc, k)) for k, v in value.items() if k in fields]
        elif isinstance(value, list):
            item = next((i for t in _plain_types(annotation) if (i := item_of(t)) is not None), None)
            if item is not None:
                stack += [(v, item, (*loc, i)) for i, v in enumerate(value)]
    return sorted(found, key=lambda f: [str(part) for part in f[0]])


def _fields_of(types: list[Any]) -> dict[str, Any]:
    """Field name -> annotation of the model among `types` (none: empty)."""
    model = next((t for t in types if isinstance(t, type) and issubclass(t, BaseModel)), None)
    if model is None:
        return {}
    if model not in _FIELDS:
        _FIELDS[model] = {name: f.annotation for name, f in model.model_fields.items()}
    return _FIELDS[model]


_FIELDS: dict[type, dict[str, Any]] = {}


def _plain_types(annotation: Any) -> list[Any]:
    """The types an annotation admits, without Annotated wrappers or Optional: Money | None -> [Decimal, None]."""
    found = _TYPES.get(id(annotation))
    if found is None or found[0] is not annotation:
        found = _TYPES[id(annotation)] = (annotation, _unwrap(annotation))
    return found[1]


_TYPES: dict[int, tuple[Any, list[Any]]] = {}  # annotations live as long as their models


def _unwrap(annotation: Any) -> list[Any]:
    origin = get_origin(annotation)
    if origin is Annotated:
        return _unwrap(get_args(annotation)[0])
    if origin is Union or origin is UnionType:
        return [t for arg in get_args(annotation) for t in _unwrap(arg)]
    return [annotation]


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
            hint = did_you_mean(name, list(available))
            problems.append(loaded.problem(loc, f"unknown position {name!r}{hint}; positions for "
                                                f"{family}: {', '.join(sorted(available))}"))
        elif variant not in available[name].variants:
            options = ", ".join(sorted(available[name].variants))
            problems.append(loaded.problem(loc, f"unknown variant {variant!r}"
                                                f"{did_you_mean(str(variant), list(available[name].variants))}; "
                                                f"choose one of: {options}"))
        else:
            chosen[name] = variant
    return chosen, problems
