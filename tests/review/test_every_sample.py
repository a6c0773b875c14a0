"""The review pack works for every family's samples from the manifest's data alone: a family added
later is covered here without a line of review code."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from assembler.cli import main
from assembler.review import build_review
from assembler.review.report import SECTION_TITLES, layout
from assembler.termsheet.validate import read_termsheet
from assembler.writers.markdown import report_markdown
from tests.conftest import DRAFT_DATE, samples


@pytest.mark.parametrize("path", samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_sample_has_a_complete_review(path, catalogue):
    sheet = read_termsheet(path, catalogue)
    review = build_review(sheet, catalogue, today=DRAFT_DATE)
    manifest = catalogue.manifest(sheet.family)
    assert review.errors == []
    assert [k.label for k in review.key_terms] == [k.label for k in manifest.key_terms]
    assert all(k.lines for k in review.key_terms), "every key term renders to at least one line"
    assert {r.position for r in review.positions} == set(catalogue.positions(sheet.family))
    assert review.placeholders == review.assembly.document.placeholders()
    text = report_markdown(layout(review))
    assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == list(SECTION_TITLES)


@pytest.mark.parametrize("path", samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_review_command_exits_0_on_every_sample(path):
    result = CliRunner().invoke(main, ["review", str(path), "--date", "2026-04-01", "--format", "markdown"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Review pack: ")
