"""The version for circulation: what goes to the other side, and the pack's record of it."""

from __future__ import annotations

import io
import zipfile

from click.testing import CliRunner
from docx import Document as open_docx

from assembler.cli import main
from assembler.writers.docx import stored_properties
from tests.conftest import ROOT, audit

SHEET = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def texts(path) -> tuple[str, str]:
    doc = open_docx(io.BytesIO(path.read_bytes()))
    body = "\n".join(p.text for p in doc.paragraphs)
    header = "\n".join(p.text for s in doc.sections for p in s.header.paragraphs)
    return body, header


def test_circulation_version_has_no_notes_or_review_notice_but_is_still_a_draft(tmp_path):
    review_copy, circulated = tmp_path / "review.docx", tmp_path / "circulate.docx"
    assert run("assemble", SHEET, "-o", review_copy, "--date", "2026-12-03").exit_code == 0
    result = run("assemble", SHEET, "-o", circulated, "--date", "2026-12-03", "--for-circulation")
    assert result.exit_code == 0, result.output
    body, header = texts(circulated)
    assert "Draft for legal review" not in body and "Draft for legal review" in texts(review_copy)[0]
    assert "DRAFT 3 December 2026 – subject to contract" in header
    assert "legal review" not in header
    with zipfile.ZipFile(circulated) as z:
        comments = z.read("word/comments.xml").decode() if "word/comments.xml" in z.namelist() else ""
    assert "Drafting note" not in comments
    errors, prediction = audit(circulated)
    assert errors == [] and prediction == "opens-clean"
    props = stored_properties(circulated.read_bytes())
    assert props["edition"] == "for circulation" and props["termsheet_sha256"]
    assert stored_properties(review_copy.read_bytes())["edition"] == "for legal review"


def test_circulation_refuses_inline_notes(tmp_path):
    result = run("assemble", SHEET, "-o", tmp_path / "x.docx", "--for-circulation", "--notes", "inline")
    assert result.exit_code == 1 and "drop --notes inline" in result.output
    assert not (tmp_path / "x.docx").exists()


def test_review_pack_records_the_circulated_version_by_hash(tmp_path):
    circulated = tmp_path / "circulate.docx"
    run("assemble", SHEET, "-o", circulated, "--date", "2026-12-03", "--for-circulation")
    from assembler.writers.docx import content_hash, read_parts

    expected = content_hash(read_parts(circulated.read_bytes()))
    result = run("review", SHEET, "--date", "2026-12-03", "--circulated", circulated, "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert expected in result.stdout and "for circulation" in result.stdout
    assert "Made from this term sheet | yes" in result.stdout.replace("  ", " ")


def test_review_refuses_a_circulated_file_partnerdraft_did_not_write(tmp_path):
    stray = tmp_path / "stray.docx"
    stray.write_bytes(b"not a zip")
    result = run("review", SHEET, "--circulated", stray)
    assert result.exit_code == 1 and "stray.docx" in result.output and "Traceback" not in result.output
