"""Legal's facts that nobody has chosen yet: a field under "Legal completes this" still holding the
starter's standard value, or left out so the model's standard applies. The draft states such a value
as settled (a statutory power, a subsidy route), so the review pack lists each for legal to confirm;
a commissioner who left them alone, as the README asks, then knows they are not decided.

The library's own samples are worked examples whose every value is meant: they get no such list."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from assembler.assemble import is_library_sample
from assembler.library.catalogue import Catalogue
from assembler.rules import walk
from assembler.termsheet.common import LEGAL
from assembler.termsheet.loader import dotted, load_file
from assembler.termsheet.supply import supplier_at
from assembler.termsheet.validate import TermSheet


@dataclass
class StandardValueRow:
    field: str  # dotted location
    value: str  # as the term sheet would hold it
    line: int | None  # None: not in the term sheet, the model's standard applies
    label: str = ""  # the field in words: "subsidy route"


def standard_values(sheet: TermSheet, catalogue: Catalogue) -> list[StandardValueRow]:
    if is_library_sample(sheet, catalogue):
        return []
    starter = _starter_data(catalogue.paths.samples.resolve() / catalogue.manifest(sheet.family).starter)
    rows = []
    for loc, _model, _name, value in walk(sheet.model):
        if value is None or isinstance(value, (BaseModel, list, dict)):
            continue
        if supplier_at(type(sheet.model), loc) != LEGAL:
            continue
        line = sheet.source.lines.get(tuple(loc))
        if line is not None and (_in_list(loc) or _at(starter, loc) != _as_written(value)):
            continue  # legal (or someone) wrote a value of their own; a list entry is the sheet's own
        if line is None and (isinstance(value, bool) or not _group_given(sheet, loc)):
            continue  # a yes/no left out is a finding's business; a group left out is not in the deal
        rows.append(StandardValueRow(dotted(loc), _as_written(value), line, _label(loc)))
    return rows


def _in_list(loc: tuple) -> bool:
    """A field of a list entry (a prior award, an instalment) that the sheet writes is its own fact, even
    when it happens to equal the starter's example entry at the same index."""
    return any(isinstance(part, int) for part in loc)


def _group_given(sheet: TermSheet, loc: tuple) -> bool:
    """The field's group is in the term sheet (a top-level section always counts)."""
    return len(loc) <= 2 or tuple(loc[:-1]) in sheet.source.lines


def _label(loc: tuple) -> str:
    names = [str(p) for p in loc if isinstance(p, str)][-2:]
    return " ".join(names).replace("_", " ")


def _as_written(value: Any) -> Any:
    """The value as YAML holds it, so a model value compares with the starter's raw data."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value.normalize()) if value == value.to_integral() else str(value)
    if isinstance(value, (dt.date, bool, int)):
        return value.isoformat() if isinstance(value, dt.date) else value
    return str(value)


def _at(data: Any, loc: tuple) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return _as_written(data) if isinstance(data, (int, float, str, dt.date)) else data


@functools.cache
def _starter_data(path: Path) -> Any:
    return load_file(path).data
