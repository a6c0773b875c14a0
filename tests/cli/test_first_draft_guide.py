"""The README's "Your first draft" guide, followed as a commissioner would: it opens the README, and
each step it names works as it says (a starter sheet, check, the draft, the review pack)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from assembler.cli import main
from assembler.termsheet.loader import load_text
from assembler.termsheet.starter import DATA_QUESTIONS, starter
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert "Traceback" not in result.output
    return result


def _guide() -> str:
    start = README.index("## Your first draft")
    return README[start:README.index("\n## ", start + 1)]


def test_the_readme_opens_with_the_guide_before_any_developer_material():
    headings = re.findall(r"^## (.+)$", README, re.M)
    assert headings[0].startswith("Your first draft")
    before = README[:README.index("## Your first draft")]
    assert "make " not in before and "pytest" not in before and ".venv" not in before
    guide = _guide()
    assert "make " not in guide and ".venv" not in guide
    assert len(guide.splitlines()) <= 80  # about a page


def test_every_command_in_the_guide_works_as_it_says(tmp_path):
    guide = _guide()
    commands = re.findall(r"^partnerdraft (\S+)", "\n".join(re.findall(r"```sh\n(.*?)```", guide, re.S)), re.M)
    assert commands == ["new", "new", "check", "assemble", "review"]
    sheet = tmp_path / "my.yaml"
    made = run("new", "grant")
    assert made.exit_code == 0
    sheet.write_text(made.output, encoding="utf-8")  # `partnerdraft new grant > my.yaml`
    assert run("check", str(sheet), "--date", "2026-12-03").exit_code == 0
    assert run("assemble", str(sheet), "-o", str(tmp_path / "draft.docx"), "--date", "2026-12-03").exit_code == 0
    review = run("review", str(sheet), "-o", str(tmp_path / "review.docx"), "--date", "2026-12-03")
    assert review.exit_code == 0 and (tmp_path / "review.docx").stat().st_size > 0


@pytest.mark.parametrize("family", ["grant", "alliance", "open-book", "co-investment"])
def test_the_starter_asks_every_data_sharing_question(catalogue, family):
    text = starter(catalogue, family)
    block = load_text(text, "starter.yaml").data["data_protection"]
    assert set(DATA_QUESTIONS) <= set(block)
    assert "Personal data: the draft's data-sharing terms are built from these answers" in text


def test_with_personal_data_the_review_pack_finds_each_data_question_in_the_sheet(tmp_path, catalogue):
    """The persona's finding: the review pack asked for data-sharing facts the starter did not have.
    Now each open data fact names its line in the sheet, never 'not in the term sheet yet'."""
    sheet = tmp_path / "my.yaml"
    sheet.write_text(starter(catalogue, "grant", blank=False).replace("personal_data: false", "personal_data: true"),
                     encoding="utf-8")
    review = run("review", str(sheet), "--date", "2026-12-03")
    assert "data_protection.subject_matter (line " in review.output
    assert "data_protection.retention (line " in review.output
    open_data = [line for line in review.output.splitlines() if "data_protection." in line]
    assert open_data and not [line for line in open_data if "not in the term sheet yet" in line]
