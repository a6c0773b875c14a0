"""Tracked changes that read like a lawyer's: dated, old before new, and whole where most of it changed.

The comparison engine marks changes word by word and dates them all 1 January 2000. A solicitor's
redline instead: dates each change when it was made; shows the deleted words before the words that
replace them ("£250,000" struck, then "£200,000"); and, where most of a paragraph or a table cell
changed, strikes the old paragraph whole and inserts the new one, rather than interleaving the words
of both. Accepting every change still gives the new draft and rejecting every change the old one:
only the grouping of the changes differs.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
REWRITE_SHARE = 0.5  # changed share of a paragraph's old and new text above which it is replaced whole
DATED = {f"{_W}{tag}" for tag in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange",
                                   "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                                   "cellIns", "cellDel", "numberingChange")}
# What a paragraph may hold for it to be rewritten whole; anything else (comments, moves, content
# controls, hyperlinks) is left exactly as the engine marked it.
REWRITABLE = {f"{_W}{tag}" for tag in ("pPr", "r", "ins", "del", "bookmarkStart", "bookmarkEnd", "proofErr")}
_PART = re.compile(r"word/(document|header\d*|footer\d*)\.xml$")


def tidy(blob: bytes, when: dt.datetime) -> bytes:
    """The redline with every change dated `when`, deletions before insertions, and paragraphs that
    mostly changed replaced whole."""
    with zipfile.ZipFile(io.BytesIO(blob)) as zin:
        infos = zin.infolist()
        parts = {info.filename: zin.read(info) for info in infos}
    stamp = when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for name in parts:
        if _PART.match(name):
            parts[name] = _tidy_part(parts[name], stamp, whole=name == "word/document.xml")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in infos:
            zout.writestr(info, parts[info.filename])
    return out.getvalue()


def _tidy_part(xml: bytes, stamp: str, *, whole: bool) -> bytes:
    root = etree.fromstring(xml)
    next_id = [max((int(e.get(f"{_W}id")) for e in root.iter(*DATED) if (e.get(f"{_W}id") or "").isdigit()),
                   default=0) + 1]
    for p in root.iter(f"{_W}p"):
        if whole and _mostly_changed(p) and all(child.tag in REWRITABLE for child in p):
            _replace_whole(p, next_id)
        else:
            _deletions_first(p)
    for change in root.iter(*DATED):
        if change.get(f"{_W}date") is not None or change.tag in (f"{_W}ins", f"{_W}del"):
            change.set(f"{_W}date", stamp)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _text(element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{_W}t", f"{_W}delText"))


def _mostly_changed(p) -> bool:
    """Whether over half of the paragraph's old and new text together is deleted or inserted."""
    changed = sum(len(_text(c)) for c in p if c.tag in (f"{_W}ins", f"{_W}del"))
    if not changed:
        return False
    same = sum(len(_text(c)) for c in p if c.tag == f"{_W}r")
    return changed / (changed + 2 * same) > REWRITE_SHARE


def _as_deleted(run):
    """A copy of an unchanged run as deleted text (field codes included)."""
    run = copy.deepcopy(run)
    for t in run.iter(f"{_W}t"):
        t.tag = f"{_W}delText"
    for code in run.iter(f"{_W}instrText"):
        code.tag = f"{_W}delInstrText"
    return run


def _replace_whole(p, next_id: list[int]) -> None:
    """Strike the old paragraph's runs in one deletion and insert the new ones in one insertion."""
    children = [c for c in p if c.tag != f"{_W}pPr"]
    author = next(c for c in children if c.tag in (f"{_W}ins", f"{_W}del")).get(f"{_W}author")
    old, new, starts, ends = [], [], [], []
    for child in children:
        if child.tag == f"{_W}r":
            old.append(_as_deleted(child))
            new.append(copy.deepcopy(child))
        elif child.tag == f"{_W}del":
            old.extend(copy.deepcopy(r) for r in child)
        elif child.tag == f"{_W}ins":
            new.extend(copy.deepcopy(r) for r in child)
        else:  # bookmarks and proofing marks keep their place at either end
            (ends if child.tag == f"{_W}bookmarkEnd" else starts).append(child)
        p.remove(child)
    for marker in starts:
        p.append(marker)
    for tag, runs in ((f"{_W}del", old), (f"{_W}ins", new)):
        if not runs:
            continue
        wrapper = etree.SubElement(p, tag, {f"{_W}author": author})
        wrapper.set(f"{_W}id", str(next_id[0]))
        next_id[0] += 1
        wrapper.extend(runs)
    for marker in ends:
        p.append(marker)


def _deletions_first(p) -> None:
    """An insertion directly followed by the deletion it replaces is put after that deletion."""
    children = list(p)
    for a, b in zip(children, children[1:]):
        if a.tag == f"{_W}ins" and b.tag == f"{_W}del":
            b.addnext(a)
