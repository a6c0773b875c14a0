"""PDF through LibreOffice headless: the draft's table of contents and cross-references print from
the cached field results the Word writer stores, so the PDF shows them filled."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from assembler.errors import UserError

INSTALL_HINT = ("PDF output needs LibreOffice, which is not installed (no `soffice` on PATH); "
                "install LibreOffice: apt-get install libreoffice-writer-nogui "
                "(macOS: brew install --cask libreoffice)")


def find_soffice() -> str:
    """The LibreOffice binary, or a UserError naming the package to install."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise UserError(INSTALL_HINT)
    return found


def docx_to_pdf(blob: bytes, *, name: str = "document", timeout: int = 240) -> bytes:
    """Convert .docx bytes to PDF bytes with a private LibreOffice profile (no clash with a running one)."""
    binary = find_soffice()
    with tempfile.TemporaryDirectory(prefix="partnerdraft-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / f"{name}.docx"
        source.write_bytes(blob)
        profile = (folder / "profile").as_uri()
        command = [binary, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", str(folder), str(source)]
        env = dict(os.environ, HOME=str(folder))
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=timeout, env=env)
        except subprocess.TimeoutExpired as e:
            raise UserError(f"LibreOffice did not finish converting {name} to PDF within {timeout} s") from e
        except (subprocess.CalledProcessError, OSError) as e:
            detail = getattr(e, "stderr", b"") or b""
            raise UserError(f"LibreOffice could not convert {name} to PDF: "
                            f"{detail.decode(errors='replace').strip() or e}") from e
        result = folder / f"{name}.pdf"
        if not result.exists():
            raise UserError(f"LibreOffice produced no PDF for {name}")
        return result.read_bytes()
