"""Many drafts at once: every open matter rebuilt after a clause changes.

Each term sheet is one `write_draft` (the same function `partnerdraft assemble` runs) in a pool of
worker processes, one per core by default. A failure is kept with its term sheet and reported at the
end; it never stops the others.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from pathlib import Path

from assembler.errors import Problem, UserError
from assembler.operations import DraftRequest, Written, write_draft

SUFFIXES = (".yaml", ".yml", ".json")


@dataclass
class Outcome:
    request: DraftRequest
    written: Written | None = None
    problems: list[Problem] | None = None  # why this term sheet produced no draft

    @property
    def failed(self) -> bool:
        return self.problems is not None


def collect(inputs: Iterable[Path]) -> list[Path]:
    """The term sheets named, and those in the folders named (recursively, in name order)."""
    found: list[Path] = []
    missing: list[Problem] = []
    for path in inputs:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        elif path.is_file():
            found.append(path)
        else:
            missing.append(Problem("no such file or folder", str(path)))
    if missing:
        raise UserError(missing)
    if not found:
        raise UserError("no term sheets found (.yaml, .yml or .json) in what was given")
    return list(dict.fromkeys(found))


def outputs(sheets: list[Path], outdir: Path) -> list[Path]:
    """One .docx per term sheet in `outdir`, named after it; two sheets of the same name in
    different folders take their folder's name as a prefix."""
    stems = [p.stem for p in sheets]
    names = [f"{p.parent.name}-{p.stem}" if stems.count(p.stem) > 1 else p.stem for p in sheets]
    clashes = {n for n in names if names.count(n) > 1}
    if clashes:
        raise UserError([Problem(f"two term sheets would both be written as {n}.docx; rename one", str(p))
                         for p, n in zip(sheets, names) if n in clashes])
    return [outdir / f"{name}.docx" for name in names]


_catalogue = None


def _start_worker() -> None:
    global _catalogue
    from assembler.library.catalogue import load_catalogue

    _catalogue = _catalogue or load_catalogue()


def _one(request: DraftRequest) -> Outcome:
    """One draft in a worker: a user's mistake becomes the outcome, not an exception."""
    _start_worker()
    try:
        return Outcome(request, written=write_draft(request, _catalogue))
    except UserError as e:
        return Outcome(request, problems=e.problems)


def run(requests: list[DraftRequest], *, jobs: int | None = None,
        progress: Callable[[Outcome], None] = lambda outcome: None) -> list[Outcome]:
    """Every request's outcome, in the order given; `progress` is called as each one finishes."""
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(requests)))
    if jobs == 1:
        outcomes = []
        for request in requests:
            outcomes.append(_one(request))
            progress(outcomes[-1])
        return outcomes
    done: dict[int, Outcome] = {}
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker) as pool:
        futures = {pool.submit(_one, request): i for i, request in enumerate(requests)}
        for future in as_completed(futures):
            done[futures[future]] = future.result()
            progress(done[futures[future]])
    return [done[i] for i in range(len(requests))]


def requests_for(sheets: list[Path], outdir: Path, template: DraftRequest) -> list[DraftRequest]:
    """A request per term sheet, each with the choices of `template`."""
    return [replace(template, termsheet=sheet, output=out) for sheet, out in zip(sheets, outputs(sheets, outdir))]
