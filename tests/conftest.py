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
