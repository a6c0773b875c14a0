"""Read a .docx back as numbered paragraphs: the draft partnerdraft wrote, or one a lawyer has since
edited in Word. Numbering labels come from the house styles, counted exactly as assembler.resolve
numbers the document model; a document without those styles reads as plain paragraphs."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as DocxParagraph
from lxml import etree

from assembler.errors import Problem, UserError
from assembler.resolve import ParagraphCounter, alpha


@dataclass(frozen=True)
class ReadParagraph:
    label: str  # "5.1", "(a)", "Schedule 2", "" when unnumbered
    text: str
    heading: bool  # a clause or schedule heading, which starts a new clause group
    part: str = ""  # outside the clauses and schedules: "Cover page", "Parties", "Execution" ...


COVER_STYLES = {"PD Title", "PD Subtitle", "PD Cover Text", "PD Draft Notice"}


def _part(style: str, text: str, current: str) -> str:
    """The part of the draft a paragraph belongs to when it is not in a clause or schedule (""
    inside one), so that a summary can name a change to the cover page or the recitals."""
    if style in COVER_STYLES:
        return "Cover page"
    if style in ("PD Letter", "PD Letter Subject"):
        return "Letter head"
    if style.lower().startswith("toc"):
        return "Contents"
    if style == "PD Heading":
        text = text.strip()
        if text.startswith("This Agreement is dated") or text == "Parties":
            return "Parties"
        if text == "Background":
            return "Background (recitals)"
        if text in ("Signature", "Acceptance"):
            return "Execution"
        if text == "Agreed terms":
            return ""
    if style == "PD Party":
        return "Parties"
    if style == "PD Recital":
        return "Background (recitals)"
    if style == "PD Signature":
        return "Execution"
    return current


def check_docx(path: Path, blob: bytes) -> None:
    """Refuse anything that is not a Word document, with a message naming the file."""
    try:
        with zipfile.ZipFile(io.BytesIO(blob)) as z:
            names = set(z.namelist())
    except zipfile.BadZipFile:
        raise UserError(Problem("not a Word document (.docx): the file is not a zip package", str(path))) from None
    if "word/document.xml" not in names:
        raise UserError(Problem("not a Word document (.docx): it has no word/document.xml", str(path)))


def read_paragraphs(path: Path, blob: bytes) -> list[ReadParagraph]:
    check_docx(path, blob)
    try:
        document = open_docx(io.BytesIO(blob))
    except (KeyError, ValueError, etree.XMLSyntaxError, zipfile.BadZipFile) as e:
        raise UserError(Problem(f"cannot read the Word document: {e}", str(path))) from e
    counter = _Counter()
    out = []
    part = ""
    for element in document.element.body.iter(qn("w:p")):
        para = DocxParagraph(element, document)
        text = _text(element)
        try:
            style = para.style.name if para.style is not None else ""
        except (KeyError, ValueError):
            style = ""
        label, heading = counter.label(style)
        part = "" if heading else _part(style, text, part)
        if not text.strip() and not heading:
            continue
        out.append(ReadParagraph(label, text, heading, part))
    return out


def _text(p) -> str:
    """Visible text: runs, inserted runs and field results; deleted text and field codes left out."""
    out = []
    for node in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if any(a.tag in (qn("w:del"), qn("w:moveFrom")) for a in node.iterancestors()):
            continue
        if node.tag == qn("w:t"):
            out.append(node.text or "")
        elif node.tag == qn("w:tab"):
            out.append("\t")
    return "".join(out)


class _Counter:
    """Numbering labels by paragraph style, with the counter that numbers the document model."""

    LEVELS = {"PD Clause 2": 1, "PD Clause 3": 2, "PD Clause 4": 3,
              "PD Schedule 1": 1, "PD Schedule 2": 2, "PD Schedule 3": 3}

    def __init__(self) -> None:
        self.clause = self.schedule = self.recital = self.party = 0
        self.paragraphs = ParagraphCounter("0.")  # paragraphs before any clause heading

    def label(self, style: str) -> tuple[str, bool]:
        if style == "PD Party":
            self.party += 1
            return f"({self.party})", False
        if style == "PD Recital":
            self.recital += 1
            return f"({alpha(self.recital).upper()})", False
        if style == "PD Clause 1":
            self.clause += 1
            self.paragraphs = ParagraphCounter(f"{self.clause}.")
            return f"{self.clause}.", True
        if style == "PD Schedule Title":
            self.schedule += 1
            self.paragraphs = ParagraphCounter(schedule=True)
            return f"Schedule {self.schedule}", True
        level = self.LEVELS.get(style)
        return (self.paragraphs.step(level), False) if level else ("", False)
