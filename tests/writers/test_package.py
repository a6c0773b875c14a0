"""The .docx zip writer gives exactly zipfile's bytes, also when a part's deflated form is reused."""

from __future__ import annotations

from assembler.writers import package
from tests.conftest import ROOT

PARTS = {
    "[Content_Types].xml": b"<Types/>",
    "word/document.xml": ("<w:document>" + "<w:p>Clause £1,250 – café</w:p>" * 500 + "</w:document>").encode(),
    "word/empty.xml": b"",
    "word/naïve.xml": b"<x/>",
    "word/styles.xml": (ROOT / "templates" / "house.docx").read_bytes(),  # any large, repeating part
}


def test_the_zip_is_zipfiles_byte_for_byte():
    names = list(PARTS)
    assert package.zipped(names, PARTS) == package._zipfile(names, PARTS)


def test_a_reused_deflated_part_gives_the_same_bytes():
    names = list(PARTS)
    first = package.zipped(names, PARTS, repeating={"word/styles.xml"})
    assert PARTS["word/styles.xml"] in package._deflated
    assert package.zipped(names, PARTS, repeating={"word/styles.xml"}) == first == package._zipfile(names, PARTS)
    changed = dict(PARTS, **{"word/styles.xml": PARTS["word/styles.xml"] + b" "})
    assert package.zipped(names, changed, repeating={"word/styles.xml"}) == package._zipfile(names, changed)
