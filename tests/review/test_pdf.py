"""PDF output through LibreOffice: the draft with its table of contents filled, the review pack, and
a clear message naming the package to install when LibreOffice is missing."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from assembler.assemble import assemble
from assembler.cli import main
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT, soffice

SAMPLE = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"
HINT = "install LibreOffice: apt-get install libreoffice-writer-nogui"


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def no_soffice(tmp_path, monkeypatch):
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))


def test_assemble_pdf_without_libreoffice_names_the_package_and_writes_nothing(tmp_path, no_soffice):
    out = tmp_path / "draft.docx"
    result = _invoke("assemble", str(SAMPLE), "-o", str(out), "--pdf", "--date", "2026-04-01")
    assert result.exit_code == 1
    assert HINT in result.stderr and "Traceback" not in result.output
    assert not out.exists() and not out.with_suffix(".pdf").exists()


def test_review_pdf_without_libreoffice_names_the_package(tmp_path, no_soffice):
    out = tmp_path / "report.pdf"
    result = _invoke("review", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 1 and HINT in result.stderr
    assert not out.exists()


@pytest.mark.soffice
def test_assemble_pdf_has_the_contents_filled(tmp_path, catalogue):
    if not soffice():
        pytest.skip("LibreOffice (soffice) is not installed")
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "draft.docx"
    result = _invoke("assemble", str(SAMPLE), "-o", str(out), "--pdf", "--date", "2026-04-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(out), str(out.with_suffix(".pdf"))]
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    contents = text.split("Contents", 1)[1]
    doc = assemble(read_termsheet(SAMPLE, catalogue), catalogue, today=DRAFT_DATE).document
    for clause in doc.clauses:
        assert f"{clause.number}. {clause.title}" in contents
    for schedule in doc.schedules:
        assert f"Schedule {schedule.number} {schedule.title}" in contents


@pytest.mark.soffice
def test_pdf_contents_show_the_page_each_heading_is_on(tmp_path, catalogue):
    if not soffice() or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and pdftotext are needed")
    from assembler.writers.pdf import draft_pdf, heading_pages

    doc = assemble(read_termsheet(SAMPLE, catalogue), catalogue, today=DRAFT_DATE).document
    pdf = draft_pdf(doc, catalogue.paths.house)
    pages = heading_pages(pdf, doc)
    assert len(pages) == len(doc.clauses) + len(doc.schedules)
    path = tmp_path / "d.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True,
                          text=True).stdout
    # the contents may run onto a second page (a long agreement): read the two pages after the cover
    contents = [" ".join(line.split()) for page in text.split("\f")[1:3] for line in page.splitlines()
                if "." * 5 in line]
    schedule = doc.schedules[-1]
    entry = next(line for line in contents if line.startswith(f"Schedule {schedule.number} {schedule.title}"))
    assert entry.rstrip(". ").endswith(str(pages[schedule.id])) and entry.split(".")[-1].strip() == str(pages[schedule.id])
    first = doc.clauses[0]
    entry = next(line for line in contents if line.startswith(f"1. {first.title}"))
    assert entry.split(".")[-1].strip() == str(pages[first.id])


@pytest.mark.soffice
@pytest.mark.parametrize("sheet", ["alliance/complex-needs-eight-members", "co-investment/affordable-homes-partnership"])
def test_the_docx_written_with_the_pdf_has_page_numbers_in_its_contents(sheet, catalogue):
    """Long schedule titles wrap in the PDF; their pages are still found, and the .docx carries them."""
    if not soffice() or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and pdftotext are needed")
    import io

    from docx import Document as open_docx

    from assembler.writers.pdf import paged_draft
    from tests.conftest import ROOT

    doc = assemble(read_termsheet(ROOT / "samples" / f"{sheet}.yaml", catalogue), catalogue,
                   today=DRAFT_DATE).document
    blob, _ = paged_draft(doc, catalogue.paths.house)
    entries = [p.text for p in open_docx(io.BytesIO(blob)).paragraphs if p.style.name == "toc 1"]
    assert len(entries) == len(doc.contents())
    assert all(re.search(r"\t\d+$", entry) for entry in entries), entries
