"""Batch assembly: many term sheets in worker processes, failures listed without stopping the rest."""

from __future__ import annotations

import shutil

from click.testing import CliRunner

from assembler.cli import main
from assembler.writers.docx import stored_properties
from tests.conftest import ROOT

GRANT = ROOT / "samples" / "grant"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_a_folder_in_two_workers_with_one_bad_sheet(tmp_path):
    sheets = tmp_path / "sheets"
    shutil.copytree(GRANT, sheets)
    bad = sheets / "broken.yaml"
    bad.write_text((GRANT / "community-single-payment.yaml").read_text(encoding="utf-8")
                   .replace("grant:\n", "grant:\n  no_such_field: 1\n", 1), encoding="utf-8")
    out = tmp_path / "out"
    result = run("batch", sheets, "-o", out, "--jobs", "2", "--date", "2026-12-03")
    assert result.exit_code == 1
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(f"{p.stem}.docx" for p in GRANT.glob("*.yaml"))
    assert f"{len(written)} draft(s) written to {out}, 1 failed" in result.stdout
    assert "broken.yaml:" in result.stderr and "no_such_field" in result.stderr
    assert "Traceback" not in result.output
    for docx in out.iterdir():
        assert stored_properties(docx.read_bytes())["family"] == "grant"


def test_an_edited_draft_is_not_overwritten_and_the_rest_are_written(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    edited = out / "multi-year-housing-first.docx"
    edited.write_bytes(b"a draft someone typed into")
    result = run("batch", GRANT, "-o", out, "--jobs", "1")
    assert result.exit_code == 1
    assert edited.read_bytes() == b"a draft someone typed into"
    assert "multi-year-housing-first.docx: exists and is not a draft partnerdraft wrote" in result.stderr
    assert (out / "community-single-payment.docx").exists()


def test_same_named_sheets_take_their_folder_name(tmp_path):
    for folder in ("north", "south"):
        (tmp_path / folder).mkdir()
        shutil.copy(GRANT / "community-single-payment.yaml", tmp_path / folder / "grant.yaml")
    result = run("batch", tmp_path / "north", tmp_path / "south", "-o", tmp_path / "out", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["north-grant.docx", "south-grant.docx"]


def test_nothing_to_do_and_missing_inputs_are_errors(tmp_path):
    result = run("batch", tmp_path / "gone", "-o", tmp_path / "out")
    assert result.exit_code == 1 and "gone: no such file or folder" in result.stderr
    (tmp_path / "empty").mkdir()
    result = run("batch", tmp_path / "empty", "-o", tmp_path / "out")
    assert result.exit_code == 1 and "no term sheets found" in result.stderr
