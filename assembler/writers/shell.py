"""The house template's shell: every part of house.docx as docxtpl and python-docx would save it with
the header filled in, the body reduced to a marker paragraph, and (for a draft with drafting notes
as comments) python-docx's empty comments part added.

Building it costs python-docx and docxtpl (about 0.25 s of imports and template work), yet it
depends only on the template file. So it is built once per template with placeholder values in the
header, kept in the user's cache by the template's hash, and each draft's marking and reference are
put in place of the placeholders. A value docxtpl would treat specially (a control character: a tab
or line break becomes its own element; braces, which it reads as template syntax) is rendered by
docxtpl itself, uncached, so the output is the same either way (tests/writers/test_shell.py).
"""

from __future__ import annotations

import hashlib
import io
import pickle
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

from assembler import __version__, cache

BODY_MARKER_TEXT = "partnerdraft-body-goes-here"
BODY_MARKER = f'<w:p><w:r><w:t>{BODY_MARKER_TEXT}</w:t></w:r></w:p>'
FORMAT = "shell-1"  # bump when what a shell holds, or how it is built, changes
# Stand-ins for the header's values: private-use characters, which no term sheet may contain.
SLOTS = {"marking": "\ue000marking\ue000", "reference": "\ue000reference\ue000"}
# python-docx's parser for the parts it loads (docxtpl's rendered header is loaded through it).
_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)


@dataclass(frozen=True)
class Style:
    """What the writer needs of a house style: its id, and the space before a paragraph in it (in
    twips, None if the style sets none), to open the paragraph after a table with space."""

    id: str
    space_before: int | None


@dataclass(frozen=True)
class Shell:
    """The saved parts of house.docx, in python-docx's order, and its styles by name."""

    names: tuple[str, ...]
    parts: dict[str, bytes]
    styles: dict[str, Style]

    def filled(self, values: dict[str, str]) -> dict[str, bytes]:
        """The parts with the header's values in place of their stand-ins, as docxtpl renders
        them: the text put in and the part parsed and saved again, as python-docx saves it."""
        out = dict(self.parts)
        for name, blob in self.parts.items():
            if not any(slot.encode() in blob for slot in SLOTS.values()):
                continue
            root = etree.fromstring(blob)
            for text in root.iter(f"{{{W}}}t"):
                if text.text and "\ue000" in text.text:
                    for key, slot in SLOTS.items():
                        text.text = text.text.replace(slot, values[key])
            out[name] = _save(etree.fromstring(_save(root), _PARSER))
        return out


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def plain(value: str) -> bool:
    """Whether docxtpl puts the value into the XML as plain text (escaped, nothing else)."""
    return not any(ch < " " or ch in "{}%#" for ch in value)


def shell_parts(template: Path, *, comments: bool, marking: str, reference: str) -> tuple[Shell, dict[str, bytes]]:
    """The shell and its parts for this marking and reference."""
    values = {"marking": marking, "reference": reference}
    if all(plain(v) for v in values.values()):
        shell = cached_shell(template, comments)
        return shell, shell.filled(values)
    shell = build_shell(template.read_bytes(), comments, values)  # docxtpl renders the values itself
    return shell, dict(shell.parts)


def cached_shell(template: Path, comments: bool) -> Shell:
    """The shell with stand-ins in its header: from this process, else the user's cache, else built."""
    blob = template.read_bytes()
    return _shell_for(hashlib.sha256(blob).hexdigest(), comments, str(template))


@lru_cache(maxsize=8)
def _shell_for(digest: str, comments: bool, template: str) -> Shell:
    name = cache.key(FORMAT, __version__, digest, str(comments)) + ".pickle"
    stored = cache.read("shell", name)
    if stored is not None:
        try:
            shell = pickle.loads(stored)
            if isinstance(shell, Shell):
                return shell
        except Exception:  # an unreadable cache entry is rebuilt
            pass
    blob = Path(template).read_bytes()
    if hashlib.sha256(blob).hexdigest() != digest:  # changed since it was hashed: build what was asked
        raise RuntimeError(f"{template} changed while it was read; run again")
    shell = build_shell(blob, comments, SLOTS)
    cache.write("shell", name, pickle.dumps(shell, protocol=pickle.HIGHEST_PROTOCOL))
    return shell


def build_shell(template: bytes, comments: bool, values: dict[str, str]) -> Shell:
    """Render house.docx's shell with docxtpl, the body a marker paragraph, and save it with
    python-docx: the parts exactly as a draft's are saved, less the body and the comments."""
    from docxtpl import DocxTemplate
    from markupsafe import Markup

    tpl = DocxTemplate(io.BytesIO(template))
    tpl.init_docx()
    if comments:
        tpl.docx.part._comments_part  # python-docx creates its default comments part on first use
    styles = {}
    for style in tpl.docx.styles:
        before = style.paragraph_format.space_before if hasattr(style, "paragraph_format") else None
        styles[style.name] = Style(style.style_id, None if before is None else before.twips)
    tpl.render({"body": Markup(BODY_MARKER), **values, "title": ""}, autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as z:
        names = tuple(info.filename for info in z.infolist())
        parts = {name: z.read(name) for name in names}
    return Shell(names, parts, styles)


def _save(root) -> bytes:
    """A part's XML as python-docx writes it."""
    return etree.tostring(root, encoding="UTF-8", standalone=True)
