"""templates/house.docx numbering: every level's widest number fits its hanging indent with a clear gap.

Reviewers read "22.10 Waymark must..." (the number filling the 1.27 cm column, one space before the
text) as a broken hanging indent. The widths are Arial's advance widths (1000 units to the em) at the
house 11 pt, which is what Word and LibreOffice lay out with.
"""

from __future__ import annotations

import zipfile

from lxml import etree

from tests.conftest import ROOT

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HOUSE = ROOT / "templates" / "house.docx"
ARIAL = {**dict.fromkeys("0123456789", 556), ".": 278, "(": 333, ")": 333, "i": 222, "v": 500, "x": 500,
         "l": 222, "m": 833, "w": 722}
POINTS = 11
MIN_GAP_PT = 12  # about two spaces between the widest number and its text


def width_pt(label: str) -> float:
    return sum(ARIAL.get(ch, 556) for ch in label) * POINTS / 1000


def roman(n: int) -> str:
    out = ""
    for value, numeral in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


# The widest labels a draft prints at each kind of level (clause 33.23, sub-clause (w), item (xiii)).
WIDEST = {
    "decimal": ["33.", "33.23", "12.10"],
    "lowerLetter": ["(m)", "(w)"],
    "lowerRoman": [f"({roman(n)})" for n in range(1, 16)],
}


def levels():
    with zipfile.ZipFile(HOUSE) as z:
        numbering = etree.fromstring(z.read("word/numbering.xml"))
    for abstract in numbering.iter(f"{W}abstractNum"):
        for lvl in abstract.iter(f"{W}lvl"):
            style = lvl.find(f"{W}pStyle")
            ind = lvl.find(f"{W}pPr/{W}ind")
            suffix = lvl.find(f"{W}suff")
            if style is None or ind is None or ind.get(f"{W}hanging") is None or suffix is not None:
                continue  # python-docx's own lists, or a level whose number is followed by a space
            yield style.get(f"{W}val"), lvl.find(f"{W}numFmt").get(f"{W}val"), int(ind.get(f"{W}hanging"))


def test_every_numbered_level_fits_its_widest_number():
    checked = {}
    for style, fmt, hanging in levels():
        if not style.startswith("PDClause") and not style.startswith("PDSchedule"):
            continue
        widest = max(width_pt(label) for label in WIDEST[fmt])
        checked[style] = hanging / 20 - widest
    assert checked, "no house numbering levels found"
    tight = {style: round(gap, 1) for style, gap in checked.items() if gap < MIN_GAP_PT}
    assert tight == {}


def test_body_text_lines_up_with_the_clause_text():
    """An unnumbered paragraph (PD Body, PD Definition) starts where a numbered sub-clause's text does."""
    with zipfile.ZipFile(HOUSE) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))

    def left(style_id: str) -> str:
        style = styles.find(f"{W}style[@{W}styleId='{style_id}']")
        return style.find(f"{W}pPr/{W}ind").get(f"{W}left")

    assert left("PDBody") == left("PDDefinition") == left("PDClause2")
