"""Files partnerdraft writes open for colleagues as any file the user makes would: 0666 less the
umask (0644 under umask 022, 0600 under 077), not mkstemp's owner-only 0600; a replaced file keeps
its permissions; a failed write leaves nothing behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from assembler.cli import main
from assembler.output import write_atomically
from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "grant" / "community-single-payment.yaml"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="permission bits are POSIX")


@pytest.fixture(params=[(0o022, 0o644), (0o077, 0o600)], ids=["umask022", "umask077"])
def expected(request) -> int:
    """Run the test under a umask; the mode every new output should then have."""
    mask, mode = request.param
    old = os.umask(mask)
    yield mode
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


@pytest.fixture
def no_libreoffice_needed(monkeypatch):
    """PDF conversion and the redline engine replaced by stand-ins: what is tested here is how the
    result is written, which is the same code whatever the bytes are (they have their own tests)."""
    import assembler.compare
    import assembler.writers.pdf as pdf

    monkeypatch.setattr(pdf, "find_soffice", lambda: "soffice")
    monkeypatch.setattr(pdf, "docx_to_pdf", lambda blob, **kw: b"%PDF-1.7 stand-in")
    monkeypatch.setattr(pdf, "paged_draft", lambda *a, docx=None, **kw: (docx, b"%PDF-1.7 stand-in"))
    monkeypatch.setattr(assembler.compare, "compare", lambda *a, **kw: (b"PK stand-in", []))


def test_write_atomically_makes_a_new_file_under_the_umask(tmp_path, expected):
    out = tmp_path / "sub" / "draft.docx"
    write_atomically(out, b"data")
    assert out.read_bytes() == b"data" and mode(out) == expected
    assert [p.name for p in out.parent.iterdir()] == ["draft.docx"]  # no temporary file left


def test_write_atomically_keeps_the_permissions_of_the_file_it_replaces(tmp_path, expected):
    out = tmp_path / "draft.docx"
    out.write_bytes(b"old")
    out.chmod(0o640)
    write_atomically(out, b"new")
    assert out.read_bytes() == b"new" and mode(out) == 0o640


def test_a_failed_write_leaves_no_file(tmp_path, monkeypatch):
    def broken(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError):
        write_atomically(tmp_path / "draft.docx", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_starter_term_sheet(tmp_path, expected):
    run("new", "grant", "-o", str(tmp_path / "sheet.yaml"))
    assert mode(tmp_path / "sheet.yaml") == expected


def test_a_draft(tmp_path, expected):
    run("assemble", str(SAMPLE), "-o", str(tmp_path / "draft.docx"), "--date", "2026-04-01")
    assert mode(tmp_path / "draft.docx") == expected


def test_a_draft_and_its_pdf(tmp_path, expected, no_libreoffice_needed):
    run("assemble", str(SAMPLE), "-o", str(tmp_path / "draft.docx"), "--pdf", "--date", "2026-04-01")
    assert (mode(tmp_path / "draft.docx"), mode(tmp_path / "draft.pdf")) == (expected, expected)


@pytest.mark.parametrize("name", ["review.md", "review.html", "review.docx", "review.pdf"])
def test_a_review_pack(tmp_path, expected, no_libreoffice_needed, name):
    run("review", str(SAMPLE), "-o", str(tmp_path / name), "--date", "2026-04-01")
    assert mode(tmp_path / name) == expected


def test_a_redline(tmp_path, expected, no_libreoffice_needed):
    run("compare", str(SAMPLE), str(SAMPLE), "-o", str(tmp_path / "redline.docx"))
    assert mode(tmp_path / "redline.docx") == expected
