"""Select the clauses a term sheet's draft contains: manifest order, chosen variants, `when` conditions."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jinja2 import TemplateError

from assembler.errors import LibraryError, Problem
from assembler.library.catalogue import Catalogue
from assembler.library.clausefile import ClauseFile
from assembler.render.jinja import compile_condition


@dataclass
class Plan:
    """The clause files in draft order, by section, and why the others were left out."""

    recitals: list[ClauseFile] = field(default_factory=list)
    clauses: list[ClauseFile] = field(default_factory=list)
    schedules: list[ClauseFile] = field(default_factory=list)
    omitted: dict[str, str] = field(default_factory=dict)  # id -> reason

    def selected(self) -> list[ClauseFile]:
        return [*self.recitals, *self.clauses, *self.schedules]


def make_plan(catalogue: Catalogue, family: str, positions: dict[str, str], context: dict[str, Any]) -> Plan:
    manifest = catalogue.manifest(family)
    by_id = catalogue.by_id()
    plan = Plan()
    for section, ids in manifest.sections:
        for clause_id in ids:
            candidates = by_id.get(clause_id)
            if not candidates:
                raise LibraryError(Problem(f"the {family} manifest lists {clause_id!r}, which no clause file defines",
                                           str(catalogue.paths.manifest(family))))
            chosen = _choose(candidates, positions)
            if chosen is None:
                plan.omitted[clause_id] = f"position {candidates[0].header.position} is " \
                                          f"{positions.get(candidates[0].header.position or '', '?')!r}"
            elif chosen.header.when and not is_true(chosen, context):
                plan.omitted[clause_id] = f"its condition `{chosen.header.when}` is false for this term sheet"
            else:
                getattr(plan, section).append(chosen)
    return plan


def _choose(candidates: list[ClauseFile], positions: dict[str, str]) -> ClauseFile | None:
    plain = [c for c in candidates if c.header.position is None]
    if plain:
        return plain[0]
    for candidate in candidates:
        if positions.get(candidate.header.position or "") == candidate.header.variant:
            return candidate
    return None


def is_true(clause: ClauseFile, context: dict[str, Any]) -> bool:
    try:
        return bool(compile_condition(clause.header.when)(**context))
    except TemplateError as e:
        raise LibraryError(Problem(f"cannot evaluate `when: {clause.header.when}`: {e}", str(clause.path), 2, "when")) from e
