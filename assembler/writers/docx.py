"""Write the document model into templates/house.docx: the house template's shell (header, styles,
numbering, settings) as docxtpl and python-docx save it, with the body built here with lxml.

Every paragraph refers to house.docx's styles and style-linked numbering by name; a firm restyles
the output by editing house.docx. The shell is rendered once per template and cached
(`assembler/writers/shell.py`), so a draft needs neither python-docx nor docxtpl: the body, the
comments, the properties and the zip are written here, element for element as python-docx wrote them
(the output is byte-identical to theirs).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Literal

from lxml import etree

from assembler.model import HOLE_OPEN, LETTER_REVIEW_NOTICE, REVIEW_NOTICE, split_holes
from assembler.model import (Clause, Document, Inline, Paragraph, Placeholder, Ref, Table, Term, Text,
                            plain_text)
from assembler.writers.package import zipped
from assembler.writers.shell import BODY_MARKER, Shell, shell_parts
from assembler.writers.signing import signing_statement
from assembler.writers.table_layout import column_widths

Notes = Literal["comments", "inline", "none"]
AUTHOR, INITIALS = "partnerdraft", "PD"
TEXT_WIDTH = 9026  # twips between A4 margins in house.docx
TABLE_GAP = 180  # twips (9 pt)
SIGNATURE_GAP = 480  # twips (24 pt)
LETTER_GAP = 240  # twips (12 pt)
KEEP_TOGETHER_ROWS = 10  # a table of up to this many rows (heading included) is kept on one page
# An inline drafting note longer than this many characters (about half a page) is not kept with the next
# paragraph: a note that cannot fit on the rest of a page with the text after it would otherwise be pushed
# to the next page, leaving its heading alone on a blank page (r16 al-fresh finding 25).
NOTE_KEEP_LIMIT = 1500
CONTENT_HASH = "partnerdraft_content_sha256"
DOCUMENT, COMMENTS = "word/document.xml", "word/comments.xml"

CLAUSE_STYLES = {1: "PD Clause 2", 2: "PD Clause 3", 3: "PD Clause 4"}
SCHEDULE_STYLES = {1: "PD Schedule 1", 2: "PD Schedule 2", 3: "PD Schedule 3"}

class _P:
    """One paragraph being written: its style, its properties and its content as XML text.

    Properties may be set after the content (a page break before, space after a table), so the
    paragraph is written out only when the body is finished, in the order Word's schema (and
    python-docx) keeps them.
    """

    __slots__ = ("style", "props", "items")

    def __init__(self, style_id: str | None):
        self.style = style_id
        self.props: dict[str, dict[str, str]] = {}  # w:pPr child -> its attributes
        self.items: list[str] = []  # runs, fields, bookmarks and comment marks, in order

    def flag(self, tag: str, on: bool) -> None:
        """An on/off property (keepNext, keepLines, pageBreakBefore): on, or marked off."""
        self.props[tag] = {} if on else {"w:val": "0"}

    def spacing(self, *, before: int | None = None, after: int | None = None) -> None:
        """Space before or after the paragraph, in twips."""
        spacing = self.props.setdefault("w:spacing", {})
        if after is not None:
            spacing["w:after"] = str(after)
        if before is not None:
            spacing["w:before"] = str(before)

    def xml(self) -> str:
        props = [_empty(tag, self.props[tag]) for tag in _PPR_ORDER if tag in self.props]
        if self.style:
            props.insert(0, f'<w:pStyle w:val="{_attr(self.style)}"/>')
        inner = (f"<w:pPr>{''.join(props)}</w:pPr>" if props else "") + "".join(self.items)
        return f"<w:p>{inner}</w:p>" if inner else "<w:p/>"


class _Body:
    """Builds the body as XML text; one method per part of the draft."""

    def __init__(self, shell: Shell, notes: Notes):
        self.notes = notes
        self.styles = shell.styles
        self.bookmark_id = 0
        self.new_page = False
        self.after_table = False
        self.blocks: list[_P | str] = []  # paragraphs, and tables already written out
        self.comments: list[str] = []  # w:comment elements, numbered from 0 as python-docx numbers them

    def xml(self) -> str:
        return "".join(b if isinstance(b, str) else b.xml() for b in self.blocks)

    def add(self, text: str = "", style: str | None = None) -> _P:
        """A new body paragraph in the named house style."""
        para = _P(self.styles[style].id if style else None)
        self.blocks.append(para)
        if text:
            self.run(para, text)
        if self.new_page:
            para.flag("w:pageBreakBefore", True)
            self.new_page = False
        if self.after_table:
            self._space_after_table(para, style)
        return para

    def _space_after_table(self, para: _P, style: str | None) -> None:
        """A table's borders sit on the next line of text unless that paragraph opens with space."""
        self.after_table = False
        before = self.styles[style].space_before if style else None
        if before is None or before < TABLE_GAP:
            para.spacing(before=TABLE_GAP)

    def run(self, para: _P, text: str = "", style: str | None = None, highlight: bool = False) -> str:
        """A run in the named character style, added to the paragraph and returned."""
        if HOLE_OPEN in text:
            return self._run_with_holes(para, text, style)
        run = _run(text, self.styles[style].id if style else None, highlight)
        para.items.append(run)
        return run

    def _run_with_holes(self, para: _P, text: str, style: str | None) -> str:
        """Text built from the term sheet (a party's name or address) in which a fact was left
        open: each open fact is a highlighted placeholder, the rest plain runs."""
        run = None
        for piece, hole in split_holes(text):
            if hole:
                run = self.run(para, f"[{piece}]", "PD Placeholder", highlight=True)
            else:
                run = self.run(para, piece, style)
        return run

    # -- front matter -------------------------------------------------------------------------
    def cover(self, doc: Document) -> None:
        self.add(doc.title, style="PD Title")
        if doc.subtitle:
            self.add(doc.subtitle, style="PD Subtitle")
        self.add("between", style="PD Cover Text")
        for i, party in enumerate(doc.parties):
            self.add(party.name, style="PD Cover Text")
            if i < len(doc.parties) - 1:
                self.add("and", style="PD Cover Text")
        dated = self.add("Dated ", style="PD Cover Text")
        self.inlines(dated, doc.dated())
        if doc.reference:
            self.add(f"Reference: {doc.reference}", style="PD Cover Text")
        if not doc.circulation:  # the version sent to the other side has been reviewed
            self.add(REVIEW_NOTICE, style="PD Draft Notice")
        self.page_break()

    def contents(self, doc: Document, pages: dict[str, int] | None) -> None:
        """The TOC field with its entries cached; with `pages` (from a PDF pass) each entry also
        shows its page after the house style's dotted right tab."""
        self.add("Contents", style="TOC Heading")
        entries = doc.contents()
        paragraphs = [self.add(style="toc 1") for _ in entries]
        _field_begin(paragraphs[0], r'TOC \o "1-1" \h \z \u')
        for para, (clause_id, entry) in zip(paragraphs, entries):
            self.run(para, entry)
            if pages and clause_id in pages:
                self.run(para, f"\t{pages[clause_id]}")
        _field_end(paragraphs[-1])
        self.page_break()

    # -- a letter: the sender's and addressee's details, date and salutation; acceptance at the end --
    def letterhead(self, doc: Document) -> None:
        sender, addressee = doc.parties[0], doc.parties[-1]
        for party in (sender, addressee):
            self.add(party.name, style="PD Letter")
            address = self.add(party.address, style="PD Letter")
            if party is addressee and _named(party.signatory_name):
                # Two reviews: a letter to an organisation is marked for the person who will sign for it.
                attention = self.add("For the attention of ", style="PD Letter")
                self.inlines(attention, [party.signatory_name])
                if _named(party.signatory_position):
                    self.run(attention, ", ")
                    self.inlines(attention, [party.signatory_position])
                address = attention
            address.spacing(after=LETTER_GAP)
        dated = self.add("Date: ", style="PD Letter")
        self.inlines(dated, doc.dated())
        if doc.reference:
            self.add(f"Our reference: {doc.reference}", style="PD Letter")
        greeting = self.add("Dear ", style="PD Letter")
        greeting.spacing(before=LETTER_GAP)
        self.inlines(greeting, [addressee.signatory_name] if _named(addressee.signatory_name)
                     else [Text(f"Trustees of {addressee.name}" if "charit" in addressee.description.lower()
                                else "Sir or Madam")])
        self.run(greeting, ",")
        self.add(f"{doc.title} {doc.subtitle}".strip(), style="PD Letter Subject")
        if not doc.circulation:
            self.add(LETTER_REVIEW_NOTICE, style="PD Draft Notice")

    def acceptance(self, doc: Document) -> None:
        """The funder signs the letter; the recipient signs its acceptance below."""
        sender, addressee = doc.parties[0], doc.parties[-1]
        closing = "Yours sincerely" if _named(addressee.signatory_name) else "Yours faithfully"
        self.add(closing, style="PD Body").flag("w:keepNext", True)
        self.block(sender)
        heading = self.add("Acceptance", style="PD Heading")
        heading.flag("w:pageBreakBefore", False)
        self.add(f"{addressee.name} accepts the Grant on the conditions in this letter.",
                 style="PD Body").flag("w:keepNext", True)
        self.block(addressee)

    def block(self, party) -> None:
        """A party's signature block: kept together on one page (each line keeps with the next),
        not chained to the next party's block, which opens with space of its own."""
        for i, line in enumerate(party.execution):
            para = self.add(style="PD Signature")
            para.flag("w:keepLines", True)
            para.flag("w:keepNext", i < len(party.execution) - 1)
            if i == 0:
                para.spacing(before=SIGNATURE_GAP)
            self.inlines(para, line)

    def parties(self, doc: Document) -> None:
        self.inlines(self.add("This Agreement is dated ", style="PD Heading"), doc.dated())
        self.add("Parties", style="PD Heading")
        last = len(doc.parties) - 1
        for i, party in enumerate(doc.parties):
            para = self.add(f"{party.name}, {party.description}, of {party.address} (" + ("together, " if party.together else "") + ("the " if party.article else ""),
                            style="PD Party")
            self.run(para, party.short_name, "PD Term")
            self.run(para, ")" + ("; and" if i == last - 1 else "." if i == last else ";"))

    def recitals(self, doc: Document) -> None:
        if not doc.recitals:
            return
        heading = self.add(style="PD Heading")
        run = self.run(heading, "Background")
        for clause in doc.recitals:
            self.note(clause, heading, run)  # the recitals' note (the procurement route, the law relied on)
            for block in clause.blocks:
                if isinstance(block, Paragraph):
                    self.inlines(self.add(style="PD Recital"), block.inlines)

    # -- clauses and schedules ----------------------------------------------------------------
    def clauses(self, doc: Document, heading: str = "Agreed terms") -> None:
        self.add(heading, style="PD Heading")
        for clause in doc.clauses:
            self.clause(clause, "PD Clause 1", CLAUSE_STYLES)

    def schedules(self, doc: Document) -> None:
        # A letter's schedules are short: after the first, each runs on rather than taking a page.
        for i, schedule in enumerate(doc.schedules):
            self.clause(schedule, "PD Schedule Title", SCHEDULE_STYLES, new_page=not (doc.letter and i))

    def clause(self, clause: Clause, heading_style: str, levels: dict[int, str], new_page: bool = True) -> None:
        heading = self.add(style=heading_style)
        if not new_page:
            heading.flag("w:pageBreakBefore", False)
        run = self.run(heading, clause.title)
        self.bookmark(heading, clause.bookmark)
        self.note(clause, heading, run)
        sub_heading = "PD Schedule Heading" if clause.kind == "schedule" else "PD Heading"
        for block in clause.blocks:
            if isinstance(block, Table):
                self.table(block)
                continue
            style = {"body": "PD Body", "definition": "PD Definition", "heading": sub_heading}.get(
                block.kind, levels.get(block.level, levels[1]))
            para = self.add(style=style)
            self.inlines(para, block.inlines, definition=block.kind == "definition")
            if block.bookmark:
                self.bookmark(para, block.bookmark)

    def note(self, clause: Clause, heading, run) -> None:
        if not clause.note or self.notes == "none":
            return
        # The lawyer reads the note; clause ids, versions and option labels are the library's, not
        # the deal's (the review pack names the positions chosen, in words).
        text = f"Drafting note: {clause.note}"
        if self.notes == "comments":
            self.comment(heading, run, text)
        else:
            para = self.add(text, style="PD Notice")
            if len(text) > NOTE_KEEP_LIMIT:
                para.flag("w:keepNext", False)

    def table(self, table: Table) -> None:
        """A table in the house table style: fixed column widths sized to the content, rows that
        never split, the heading row repeated on each page."""
        widths = column_widths([plain_text(cell) for cell in table.header],
                               [[plain_text(cell) for cell in row] for row in table.rows],
                               table.widths or [1] * len(table.header), TEXT_WIDTH)
        out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{_attr(self.styles["PD Table"].id)}"/>'
               '<w:tblW w:type="auto" w:w="0"/><w:tblLayout w:type="fixed"/>'
               '<w:tblLook w:firstColumn="1" w:firstRow="1" w:lastColumn="0" w:lastRow="0" w:noHBand="0" '
               'w:noVBand="1" w:val="04A0"/></w:tblPr><w:tblGrid>']
        out += [f'<w:gridCol w:w="{width}"/>' for width in widths]
        out.append("</w:tblGrid>")
        if self.blocks and isinstance(self.blocks[-1], _P):  # the words that introduce the table stay with it
            self.blocks[-1].flag("w:keepNext", True)
        rows = [table.header, *table.rows]
        # a short table is kept on one page (each row keeps with the next); a long one may break, its
        # heading row repeated, but never leaves one row alone on a page
        kept = len(rows) if len(rows) <= KEEP_TOGETHER_ROWS else 2
        for r, row in enumerate(rows):
            # a split row's second half reads as a row of its own: rows never split
            out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" if r == 0
                       else "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            style = self.styles["PD Table Heading" if r == 0 else "PD Table Text"].id
            for c, cell_inlines in enumerate(row):
                para = _P(style)
                if r < kept - 1 or (kept == 2 and r >= len(rows) - 2 and r < len(rows) - 1):
                    para.flag("w:keepNext", True)
                if table.right and table.right[c]:
                    para.props["w:jc"] = {"w:val": "right"}
                self.inlines(para, cell_inlines)
                out.append(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{widths[c]}"/></w:tcPr>{para.xml()}</w:tc>')
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.blocks.append("".join(out))
        self.after_table = True

    def signatures(self, doc: Document) -> None:
        self.page_break()
        self.add("Signature", style="PD Heading")
        self.add(signing_statement(doc), style="PD Body").flag("w:keepNext", True)
        for party in doc.parties:
            self.block(party)

    # -- inline content -----------------------------------------------------------------------
    def inlines(self, para, inlines: list[Inline], *, definition: bool = False) -> None:
        for i, inline in enumerate(inlines):
            if isinstance(inline, Text):
                self.run(para, inline.text)
            elif isinstance(inline, Term):
                self.run(para, inline.display, "PD Term" if definition and i == 0 else None)
            elif isinstance(inline, Placeholder) and not inline.is_open:
                self.run(para, f"[{inline.label}]", "PD Form Blank")  # a form's blank: no highlight
            elif isinstance(inline, Placeholder):
                self.run(para, f"[{inline.label}]", "PD Placeholder", highlight=True)
            elif isinstance(inline, Ref):
                self.reference(para, inline)

    def reference(self, para, ref: Ref) -> None:
        """A live REF field whose cached result is the label. A paragraph inside a schedule is the
        exception: house.docx numbers it in the schedule title's list, so Word and LibreOffice
        would recompute its full-context number as "Schedule 86" for paragraph 6 of Schedule 8;
        that label is written as text, right if not live."""
        if ref.prefix:
            self.run(para, ref.prefix)
        if ref.suffix.startswith(" of Schedule"):
            self.run(para, ref.label, "PD Reference")
        else:
            _field_begin(para, f"REF {ref.bookmark} \\w \\h")
            self.run(para, ref.label, "PD Reference")
            _field_end(para)
        if ref.suffix:
            self.run(para, ref.suffix)

    def bookmark(self, para: _P, name: str) -> None:
        """A bookmark around the paragraph's content (a REF field's target)."""
        if not name:
            return
        self.bookmark_id += 1
        para.items.insert(0, f'<w:bookmarkStart w:id="{self.bookmark_id}" w:name="{_attr(name)}"/>')
        para.items.append(f'<w:bookmarkEnd w:id="{self.bookmark_id}"/>')

    def comment(self, para: _P, run: str, text: str) -> None:
        """A comment on the run, as python-docx's add_comment writes one (its clock time left out:
        output must not vary): the range around the run, a reference run after it, and the
        comment's paragraphs, the first opening with the annotation mark."""
        cid = len(self.comments)
        at = para.items.index(run)
        para.items[at:at + 1] = [f'<w:commentRangeStart w:id="{cid}"/>', run, f'<w:commentRangeEnd w:id="{cid}"/>',
                                 '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                                 f'<w:commentReference w:id="{cid}"/></w:r>']
        head, *more = text.split("\n")
        paragraphs = ['<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:rPr><w:rStyle '
                      f'w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>{_run(head)}</w:p>']
        paragraphs += [f"<w:p>{_run(line)}</w:p>" if line else "<w:p/>" for line in more]
        self.comments.append(f'<w:comment w:id="{cid}" w:author="{AUTHOR}" w:initials="{INITIALS}">'
                             f'{"".join(paragraphs)}</w:comment>')

    def page_break(self) -> None:
        """Start the next paragraph on a new page. Page-break-before on that paragraph, not an empty
        paragraph holding a break: a break that falls at the foot of a full page leaves a blank page."""
        self.new_page = True


def _named(inline) -> bool:
    """Whether a signatory's name is given (not a placeholder)."""
    return isinstance(inline, Text) and bool(inline.text.strip())


def _field_begin(para: _P, instruction: str) -> None:
    """Open a complex field; the runs added after it, up to _field_end, are its cached result."""
    para.items.append('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
                      f' {_text(instruction)} </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>')


def _field_end(para: _P) -> None:
    para.items.append('<w:r><w:fldChar w:fldCharType="end"/></w:r>')


@lru_cache(maxsize=16384)
def _run(text: str, style_id: str | None = None, highlight: bool = False) -> str:
    """A run: a tab as w:tab, a line break as w:br, the rest as w:t (space kept where it leads or
    trails), as python-docx's text setter writes them.

    Remembered (the XML is a pure function of its arguments): a draft writes about 4,700 runs, many
    the same (", ", "the", a party's name), and a second draft in the same process (the web app, a
    batch worker) writes most of the first one's again. Bounded, so a long-lived process stays small.
    """
    parts = []
    if style_id:
        parts.append(f'<w:rPr><w:rStyle w:val="{_attr(style_id)}"/>'
                     + ('<w:highlight w:val="yellow"/>' if highlight else "") + "</w:rPr>")
    for piece in _pieces(text):
        if piece == "\t":
            parts.append("<w:tab/>")
        elif piece in "\n\r":
            parts.append("<w:br/>")
        elif piece[0].isspace() or piece[-1].isspace():  # as piece != piece.strip(), sooner
            parts.append(f'<w:t xml:space="preserve">{_text(piece)}</w:t>')
        else:
            parts.append(f"<w:t>{_text(piece)}</w:t>")
    return f"<w:r>{''.join(parts)}</w:r>" if parts else "<w:r/>"


def _pieces(text: str):
    """The text split at tabs and line breaks (most runs have none)."""
    if not text:
        return ()
    return _PIECES.findall(text) if _BREAKS.search(text) else (text,)


def _text(value: str) -> str:
    """Text escaped as lxml writes it."""
    if "&" in value or "<" in value or ">" in value:
        value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value


def _attr(value: str) -> str:
    """An attribute value escaped as lxml writes it."""
    return (_text(value).replace('"', "&quot;").replace("\t", "&#9;").replace("\n", "&#10;")
            .replace("\r", "&#13;"))


def _empty(tag: str, attributes: dict[str, str]) -> str:
    return f"<{tag}{''.join(f' {k}={chr(34)}{_attr(v)}{chr(34)}' for k, v in attributes.items())}/>"


_PIECES = re.compile(r"[^\t\n\r]+|[\t\n\r]")
_BREAKS = re.compile(r"[\t\n\r]")
# The order python-docx keeps inside w:pPr, for the properties set after the style.
_PPR_ORDER = ("w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:spacing", "w:jc")


def render_docx(doc: Document, template: Path, *, notes: Notes = "comments",
                toc_pages: dict[str, int] | None = None) -> bytes:
    """The draft as .docx bytes: deterministic for the same model and template. `toc_pages` (clause
    id -> page, measured on a LibreOffice PDF) caches page numbers in the contents, which LibreOffice
    does not paginate itself."""
    notes = "none" if doc.circulation else notes  # notes are for our side only
    comments = notes == "comments" and any(c.note for c in [*doc.clauses, *doc.schedules])
    shell, parts = shell_parts(template, comments=comments, marking=doc.marking, reference=doc.reference)
    body = _Body(shell, notes)
    if doc.letter:
        body.letterhead(doc)
        body.recitals(doc)
        body.clauses(doc, heading="Conditions of the grant")
        body.acceptance(doc)  # a letter is signed after its conditions; the schedules follow
        body.schedules(doc)
    else:
        body.cover(doc)
        body.contents(doc, toc_pages)
        body.parties(doc)
        body.recitals(doc)
        body.clauses(doc)
        body.schedules(doc)
        body.signatures(doc)
    parts[DOCUMENT] = _splice(parts[DOCUMENT], BODY_MARKER.encode(), body.xml().encode("utf-8"))
    if body.comments:
        parts[COMMENTS] = _add_children(parts[COMMENTS], "".join(body.comments).encode("utf-8"))
    unchanged = {name for name in shell.names if parts[name] is shell.parts[name]}  # the same in every draft
    return _finish(list(shell.names), parts, doc, unchanged)


def _splice(part: bytes, marker: bytes, content: bytes) -> bytes:
    """The part with its one marker paragraph replaced by the content."""
    assert part.count(marker) == 1, "the house template's body marker is missing or repeated"
    return part.replace(marker, content)


def _add_children(part: bytes, content: bytes) -> bytes:
    """The part with content added at the end of its root element (written `<root .../>` when empty)."""
    body = part.rstrip()
    if body.endswith(b"/>"):
        return body[:-2] + b">" + content + b"</" + _root_tag(body) + b">"
    close = body.rindex(b"</")
    return body[:close] + content + body[close:]


def _root_tag(part: bytes) -> bytes:
    """The root element's tag (with its prefix), after any XML declaration."""
    start = part.index(b"<", part.index(b"?>") + 2 if part.startswith(b"<?xml") else 0) + 1
    end = start
    while part[end:end + 1] not in (b" ", b">", b"/", b"\n", b"\t", b"\r"):
        end += 1
    return part[start:end]


CORE_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
FIXED_TIME = "2000-01-01T00:00:00Z"  # deterministic output: the real date is in the DRAFT marking


def _core_xml(doc: Document) -> bytes:
    """Core properties written here, not through python-docx: docxcompose (loaded by docxtpl's
    subdoc) rebinds the `cp` prefix python-docx uses, which corrupts core.xml."""
    root = etree.Element(f"{{{CORE_NS['cp']}}}coreProperties", nsmap=CORE_NS)
    values = [
        ("dc", "title", doc.properties.get("title", doc.title)),
        ("dc", "subject", f"partnerdraft {doc.family} agreement"),
        ("dc", "creator", AUTHOR),
        ("cp", "keywords", f"partnerdraft; {doc.family}; first draft for legal review"),
        ("dc", "description", doc.properties.get("notice", "")),
        ("cp", "lastModifiedBy", AUTHOR),
        ("cp", "revision", "1"),
        ("dcterms", "created", FIXED_TIME),
        ("dcterms", "modified", FIXED_TIME),
        ("cp", "category", doc.family),
    ]
    for prefix, name, value in values:
        element = etree.SubElement(root, f"{{{CORE_NS[prefix]}}}{name}")
        element.text = value
        if prefix == "dcterms":
            element.set(f"{{{CORE_NS['xsi']}}}type", "dcterms:W3CDTF")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def content_hash(parts: dict[str, bytes]) -> str:
    """Hash of every part except docProps/, so a later edit in Word can be detected."""
    digest = hashlib.sha256()
    for name in sorted(parts):
        if not name.startswith("docProps/"):
            digest.update(name.encode() + b"\0" + parts[name])
    return digest.hexdigest()


def read_parts(blob: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(blob)) as zin:
        return {info.filename: zin.read(info) for info in zin.infolist()}


def _finish(names: list[str], parts: dict[str, bytes], doc: Document, unchanged: set[str] = frozenset()) -> bytes:
    """Add core and custom properties and the content hash; zip with fixed timestamps."""
    parts["docProps/core.xml"] = _core_xml(doc)
    if "docProps/custom.xml" not in names:
        names.append("docProps/custom.xml")
        parts["[Content_Types].xml"] = _add_override(parts["[Content_Types].xml"])
        parts["_rels/.rels"] = _add_custom_rel(parts["_rels/.rels"])
    props = dict(doc.properties, **{CONTENT_HASH: content_hash(parts)})
    parts["docProps/custom.xml"] = _custom_xml(props)
    return zipped(names, parts, repeating=unchanged - {"docProps/core.xml", "[Content_Types].xml", "_rels/.rels"})


CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"


def _custom_xml(props: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for pid, (name, value) in enumerate(sorted(props.items()), start=2):
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property",
                                fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_override(content_types: bytes) -> bytes:
    root = etree.fromstring(content_types)
    ns = root.nsmap[None]
    override = etree.SubElement(root, f"{{{ns}}}Override")
    override.set("PartName", "/docProps/custom.xml")
    override.set("ContentType", "application/vnd.openxmlformats-officedocument.custom-properties+xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _add_custom_rel(rels: bytes) -> bytes:
    root = etree.fromstring(rels)
    ns = root.nsmap[None]
    ids = {r.get("Id") for r in root}
    n = 1
    while f"rId{n}" in ids:
        n += 1
    rel = etree.SubElement(root, f"{{{ns}}}Relationship")
    rel.set("Id", f"rId{n}")
    rel.set("Type", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties")
    rel.set("Target", "docProps/custom.xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def stored_properties(blob: bytes) -> dict[str, str]:
    """The custom properties of a .docx (empty if it has none)."""
    parts = read_parts(blob)
    if "docProps/custom.xml" not in parts:
        return {}
    root = etree.fromstring(parts["docProps/custom.xml"])
    return {p.get("name"): "".join(p.itertext()) for p in root}
