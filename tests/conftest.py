"""Shared fixtures: the real library, a small fixture library, and readers of finished drafts."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from assembler.library.catalogue import load_catalogue
from assembler.library.paths import LibraryPaths

ROOT = Path(__file__).resolve().parent.parent
MINILIB = ROOT / "tests" / "fixtures" / "minilib"
DRAFT_DATE = dt.date(2026, 4, 1)


def samples(family: str | None = None) -> list[Path]:
    pattern = f"{family}/*.yaml" if family else "*/*.yaml"
    return sorted((ROOT / "samples").glob(pattern))


@pytest.fixture(scope="session")
def catalogue():
    return load_catalogue(LibraryPaths(ROOT))


@pytest.fixture(scope="session")
def minilib():
    return load_catalogue(LibraryPaths(MINILIB))


def soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found and os.environ.get("PARTNERDRAFT_REQUIRE_SOFFICE"):
        pytest.fail("LibreOffice (soffice) is required in CI but is not installed")
    return found


def soffice_text(docx: Path) -> str:
    """LibreOffice's plain-text reading of a draft: numbering labels and field results included."""
    binary = soffice()
    if not binary:
        pytest.skip("LibreOffice (soffice) is not installed")
    outdir = docx.parent / f"{docx.stem}-txt"
    outdir.mkdir(exist_ok=True)
    profile = docx.parent / "lo-profile"
    subprocess.run(
        [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "txt:Text (encoded):UTF8", "--outdir", str(outdir), str(docx)],
        check=True, capture_output=True, timeout=180,
    )
    return (outdir / f"{docx.stem}.txt").read_text(encoding="utf-8-sig")


def audit(docx: Path) -> tuple[list[str], str]:
    """openxml-audit's errors and its prediction for Word."""
    from openxml_audit import OpenXmlValidator
    from openxml_audit.verdict import predict

    result = OpenXmlValidator().validate(str(docx))
    return [str(e) for e in result.errors], predict(result).prediction.value


def assemble_to(sheet_path: Path, out: Path, catalogue, notes: str = "comments") -> Path:
    """Assemble a term sheet through the engine (not the CLI) and write the .docx."""
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet
    from assembler.writers.docx import render_docx

    sheet = read_termsheet(sheet_path, catalogue)
    result = assemble(sheet, catalogue, today=DRAFT_DATE)
    out.write_bytes(render_docx(result.document, catalogue.paths.house, notes=notes))
    return out


def draft_of(catalogue, path: Path, edit=None):
    """A sample's assembly as of DRAFT_DATE: as it stands, or after `edit(data)` has changed its data
    read round trip (comments and order kept), in memory. The one way the family tests vary a sample."""
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet

    if edit is None:
        return assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)
    return draft_of_text(catalogue, _edited_yaml(path, edit), path.name)


def draft_of_text(catalogue, text: str, name: str = "sheet.yaml"):
    """The assembly of a term sheet given as text (a sample's text with a value replaced, say)."""
    from assembler.assemble import assemble
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate

    return assemble(validate(load_text(text, name), catalogue), catalogue, today=DRAFT_DATE)


def edited(tmp_path: Path, path: Path, edit) -> Path:
    """A sample written to tmp_path after `edit(data)`: for what reads a file (the command line)."""
    sheet = tmp_path / path.name
    sheet.write_text(_edited_yaml(path, edit), encoding="utf-8")
    return sheet


def _edited_yaml(path: Path, edit) -> str:
    import io

    from ruamel.yaml import YAML

    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    edit(data)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
