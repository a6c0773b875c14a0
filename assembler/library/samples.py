"""The samples' drafts, assembled once for the library checks that read generated drafts (each
reference cites its subject; no defined term goes unused): a fault that only a draft shows is
caught by `library check` before any user meets it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assembler.errors import Problem, UserError
from assembler.library.catalogue import Catalogue
from assembler.model import Document

SAMPLE_DATE = dt.date(2026, 4, 1)  # any fixed date: the checks read words, not dates

# (sample, its draft) or (sample, why it would not assemble)
Draft = tuple[Path, Document | Problem]


def sample_paths(catalogue: Catalogue) -> list[Path]:
    root = catalogue.paths.samples
    return [p for family in sorted(catalogue.manifests) for p in sorted((root / family).glob("*.yaml"))]


def sample_drafts(catalogue: Catalogue) -> list[Draft]:
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet

    drafts: list[Draft] = []
    for sample in sample_paths(catalogue):
        try:
            sheet = read_termsheet(sample, catalogue)
            drafts.append((sample, assemble(sheet, catalogue, today=SAMPLE_DATE).document))
        except UserError as e:
            drafts.append((sample, e.problems[0]))
    return drafts
