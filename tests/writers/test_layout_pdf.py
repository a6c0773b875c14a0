"""The layout as a reader sees it: every sample printed through LibreOffice and measured page by page.

What is asserted is what a solicitor would notice before reading a word: a page holding a line or two
that spilled from the page before (other than just before a new schedule or the signature page), a
signature block broken across pages, a table heading broken inside a word, a contents page with a
single spilled line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from assembler.assemble import assemble
from assembler.model import Table, plain_text
from assembler.termsheet.validate import read_termsheet
from assembler.writers.docx import render_docx
from tests.conftest import DRAFT_DATE, samples, soffice

pytestmark = pytest.mark.soffice
IDS = lambda p: f"{p.parent.name}/{p.stem}"  # noqa: E731


_PRINTED: dict = {}


def printed(path, catalogue) -> tuple[object, list[list[str]], list[list[str]]]:
    """The sample's document model and its PDF's pages, each a list of body lines (the running
    header and the page number taken off), whitespace-collapsed and as laid out."""
    from assembler.writers.pdf import docx_to_pdf

    if not soffice() or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and pdftotext are needed to measure the printed layout")
    if not arial_metrics():
        message = "no font with Arial's metrics (install fonts-liberation2): the layout measured would not be Word's"
        if os.environ.get("PARTNERDRAFT_REQUIRE_SOFFICE"):
            pytest.fail(message)
        pytest.skip(message)
    if path not in _PRINTED:
        _PRINTED[path] = _print(path, catalogue)
    return _PRINTED[path]


def _print(path, catalogue):
    from assembler.writers.pdf import docx_to_pdf

    document = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
    pdf = docx_to_pdf(render_docx(document, catalogue.paths.house), name=path.stem)
    text = subprocess.run(["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    pages, raw = [], []
    for page in text.split("\f")[:-1]:
        kept = [line for line in page.splitlines() if line.strip() and not line.lstrip().startswith("DRAFT ")
                and not re.fullmatch(r"\s*Page \d+ of \d+\s*", line)]
        raw.append(kept)
        pages.append([" ".join(line.split()) for line in kept])
    return document, pages, raw


def arial_metrics() -> bool:
    """Whether LibreOffice will set the house font (Arial) in Arial or a metric-compatible font."""
    if not shutil.which("fc-match"):
        return False
    found = subprocess.run(["fc-match", "Arial"], capture_output=True, text=True).stdout.lower()
    return "arial" in found or "liberation" in found


def opens_section(lines: list[str]) -> bool:
    return bool(lines) and (lines[0].startswith(("Schedule ", "Signature", "Contents", "This Agreement is dated")))


@pytest.mark.parametrize("path", samples(), ids=IDS)
def test_no_page_holds_only_a_spilled_line_or_two(path, catalogue):
    _, pages, _ = printed(path, catalogue)
    for n, lines in enumerate(pages[:-1], start=1):
        if len(lines) < 3:
            assert opens_section(pages[n]), f"page {n} holds only {lines!r}"


@pytest.mark.parametrize("path", samples(), ids=IDS)
def test_contents_never_leave_a_page_with_a_single_entry(path, catalogue):
    document, pages, _ = printed(path, catalogue)
    headings = {" ".join(h.split()) for _, h in document.contents()}
    contents = [p for p in pages if p and p[0] == "Contents"]
    if document.letter:  # a letter (a grant offer letter) has no contents page
        assert not contents
        return
    start = pages.index(contents[0])
    for lines in pages[start + 1:]:
        if opens_section(lines):
            break
        entries = [line for line in lines if any(line.startswith(h) for h in headings)]
        assert len(entries) > 3, f"a contents page with only {entries!r}"


@pytest.mark.parametrize("path", samples(), ids=IDS)
def test_each_signature_block_is_on_one_page(path, catalogue):
    document, pages, _ = printed(path, catalogue)
    openings = [" ".join(plain_text(party.execution[0]).split())[:40] for party in document.parties]
    if document.letter:  # the funder signs after the conditions and the recipient's acceptance follows
        for opening in openings:
            page = next(p for p in pages if any(line.startswith(opening) for line in p))
            assert any(line.startswith("Date:") for line in page[[i for i, line in enumerate(page)
                                                                  if line.startswith(opening)][0]:]), page
        return
    start = max(i for i, p in enumerate(pages) if p and p[0] == "Signature")
    for lines in pages[start + 1:]:
        assert lines[0].startswith(tuple(openings)), f"a signature page opens mid-block: {lines[:3]!r}"


def header_words(document) -> set[str]:
    tables = [b for c in [*document.clauses, *document.schedules] for b in c.blocks if isinstance(b, Table)]
    return {w.strip("():,") for t in tables for cell in t.header for w in plain_text(cell).split()
            if len(w.strip("():,")) >= 5}


def broken_words(raw: list[list[str]], words: set[str]) -> list[str]:
    """Words printed as a prefix on one line and the rest directly below it, in the same column."""
    found = []
    for lines in raw:
        for above, below in zip(lines, lines[1:]):
            for m in re.finditer(r"\S+", above):
                rest = re.match(r"\S+", below[m.start():]) if len(below) > m.start() else None
                if rest and not below[m.start() - 1:m.start()].strip() and m.group() + rest.group() in words:
                    found.append(f"{m.group()}/{rest.group()}")
    return found


@pytest.mark.parametrize("path", samples(), ids=IDS)
def test_no_table_heading_breaks_inside_a_word(path, catalogue):
    document, _, raw = printed(path, catalogue)
    assert not broken_words(raw, header_words(document))


def test_a_broken_heading_is_detected():
    raw = [["  Member     Agree     Value", "             ment"]]
    assert broken_words(raw, {"Agreement", "Member"}) == ["Agree/ment"]
