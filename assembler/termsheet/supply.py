"""Who supplies each fact of a term sheet: the commissioner, who knows the deal, or legal, who
chooses the law and the drafting.

The marker lives on the model's fields (`legal_field` in common.py); this module answers the two
questions every interface asks of it: who supplies the fact at a location, and in what order a
group's fields are asked (the commissioner's first, legal's after them).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from assembler.termsheet.common import COMMISSIONER, LEGAL, supplied_by
from assembler.termsheet.messages import item_of, model_in

HEADING = "Legal completes this"
EXPLAINED = "The standard values are filled in: leave them unless your legal adviser chooses otherwise."


def supplier_at(model_class: type[BaseModel], loc: tuple) -> str:
    """'legal' when the field at `loc`, or any group it sits in, is legal's; else 'commissioner'.
    A location the model does not know (a loop variable's field) is the commissioner's."""
    annotation: Any = model_class
    for part in loc:
        if isinstance(part, int):
            annotation = item_of(annotation)
            if annotation is None:
                return COMMISSIONER
            continue
        model = model_in(annotation)
        field = getattr(model, "model_fields", {}).get(part) if model else None
        if field is None:
            return COMMISSIONER
        if supplied_by(field) == LEGAL:
            return LEGAL
        annotation = field.annotation
    return COMMISSIONER


WHO_ACTS = {COMMISSIONER: "for you", LEGAL: "for legal"}


def who_acts(model_class: type[BaseModel], loc: tuple) -> str:
    """'for you' or 'for legal': a commissioner reading a finding about a field under "Legal
    completes this" must know it is not theirs to answer (the first persona run left such warnings
    unsure whether the draft was broken)."""
    return WHO_ACTS[supplier_at(model_class, tuple(loc))]


def ordered(model: type[BaseModel], names: list[str]) -> list[str]:
    """`names` (fields of `model`) with the commissioner's first and legal's last, each kept in
    the model's order."""
    fields = model.model_fields
    legal = [n for n in names if n in fields and supplied_by(fields[n]) == LEGAL]
    return [n for n in names if n not in legal] + legal


def is_legal(model: type[BaseModel], name: str) -> bool:
    field = model.model_fields.get(name)
    return field is not None and supplied_by(field) == LEGAL
