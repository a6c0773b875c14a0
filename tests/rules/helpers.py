"""Run a family's rules on a sample changed in memory, so each test shows the one fact it changes."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from assembler.assemble import check_rules
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate

# The draft date the rule tests judge the samples at: the day the samples' dates were last brought
# current. Fixed, so that no test changes its answer as the calendar moves on.
RULES_DATE = dt.date(2026, 12, 3)


def findings(catalogue, sample: Path, edit: Callable[[Any], None] | None = None, *,
             today: dt.date = RULES_DATE) -> dict[str, list[str]]:
    """Rule id -> messages for the sample after `edit` has changed its data."""
    yaml = YAML(typ="rt")
    data = yaml.load(sample.read_text())
    if edit:
        edit(data)
    out = io.StringIO()
    yaml.dump(data, out)
    return text_findings(catalogue, out.getvalue(), sample.name, today=today)


def text_findings(catalogue, text: str, name: str, *, today: dt.date = RULES_DATE) -> dict[str, list[str]]:
    """Rule id -> messages for a sheet given as text (a sample whose words a test has replaced)."""
    sheet = validate(load_text(text, name), catalogue)
    found: dict[str, list[str]] = {}
    for f in check_rules(sheet, catalogue, today=today):
        found.setdefault(f.rule, []).append(f.message)
    return found
