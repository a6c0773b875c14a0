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


def draft_pdf(doc, template: Path, *, notes: str = "comments", name: str = "draft",
              docx: bytes | None = None) -> bytes:
    """The draft as PDF with page numbers in its contents."""
    return paged_draft(doc, template, notes=notes, name=name, docx=docx)[1]


def paged_draft(doc, template: Path, *, notes: str = "comments", name: str = "draft",
                docx: bytes | None = None) -> tuple[bytes, bytes]:
    """The draft as (.docx, PDF), both with page numbers in their contents.

    LibreOffice prints the table of contents from the entries cached in the .docx but does not
    paginate them. So the draft is converted once, each heading's page is read from that PDF's text,
    and the draft is rendered again with those pages cached in its contents: that .docx shows them
    in any reader, Word refreshes them on opening (the house template asks it to update fields),
    and the second conversion gives the PDF. `docx` is the draft already rendered with these notes,
    when the caller has it.
    """
    from assembler.writers.docx import render_docx

    blob = docx or render_docx(doc, template, notes=notes)
    first = docx_to_pdf(blob, name=name)
    pages = heading_pages(first, doc)
    if not pages:
        return blob, first
    paged = render_docx(doc, template, notes=notes, toc_pages=pages)
    return paged, docx_to_pdf(paged, name=name)


def heading_pages(pdf: bytes, doc) -> dict[str, int]:
    """Clause id -> the page its heading is printed on, read with pdftotext; empty without it."""
    binary = shutil.which("pdftotext")
    if not binary:
        return {}
    with tempfile.TemporaryDirectory(prefix="partnerdraft-pages-") as tmp:
        source = Path(tmp) / "draft.pdf"
        source.write_bytes(pdf)
        try:
            text = subprocess.run([binary, "-layout", str(source), "-"], check=True, capture_output=True,
                                  text=True, timeout=120).stdout
        except (subprocess.SubprocessError, OSError):
            return {}
    pages = [[" ".join(line.split()) for line in page.splitlines()] for page in text.split("\f")]
    # Start after the contents: at the page that opens the agreement proper.
    page = next((i for i, lines in enumerate(pages) if any(l.startswith("This Agreement is dated") for l in lines)), 0)
    found: dict[str, int] = {}
    for clause_id, heading in doc.contents():
        wanted = " ".join(heading.split())
        at = next((i for i in range(page, len(pages)) if _opens_line(pages[i], wanted)), None)
        if at is None:
            return {}  # a heading not found: better no page numbers than wrong ones
        found[clause_id] = at + 1
        page = at
    return found


def _opens_line(lines: list[str], heading: str) -> bool:
    """Whether a line of the page starts with the heading, read across one line break (a long
    schedule title wraps under its centred first line)."""
    return any((line + " " + following).startswith(heading)
               for line, following in zip(lines, [*lines[1:], ""]))
