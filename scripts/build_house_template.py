"""Build ``templates/house.docx``, the Word shell that every partnerdraft draft is poured into.

Why the template exists
-----------------------
The engine never formats text itself. It opens house.docx with docxtpl, writes the whole
agreement into a subdocument using *style names only* ("PD Clause 2", "PD Definition", ...)
and renders it into the single ``{{p body }}`` paragraph, plus the header tags
``{{ marking }}`` and ``{{ reference }}``. Everything about how the draft looks (fonts,
spacing, clause numbering "1." / "1.1" / "(a)" / "(i)", schedule numbering, the table
look, the running header and the "Page x of y" footer) therefore lives here, in Word's
own style and numbering definitions. Numbering is style-linked: each numbered style points
at a list (w:numPr) and each list level points back at its style (w:pStyle), exactly as
Word's multilevel list styles do, so a paragraph gets its number just by having its style.

A firm that wants its own house look does not need to touch this script: open
house.docx in Word, restyle it (keeping the style names and the three template tags), and
save it. Re-running this script overwrites such edits with the neutral default.

Run from the repository root::

    python scripts/build_house_template.py            # writes templates/house.docx
    python scripts/build_house_template.py OUT.docx   # writes elsewhere
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_UNDERLINE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, Twips

OUT = Path(__file__).resolve().parents[1] / "templates" / "house.docx"

W = nsdecls("w")
CENTER = WD_ALIGN_PARAGRAPH.CENTER

# Page geometry (twips): A4, 2.54 cm margins, 1.25 cm header/footer distance.
PAGE_W, PAGE_H, MARGIN, HDR_FTR = 11906, 16838, 1440, 708
TEXT_W = PAGE_W - 2 * MARGIN  # 9026: right tab of header, footer and TOC
MID = TEXT_W // 2  # 4513: centre tab of header and footer

# The number column: 1.5 cm, so that a two-digit sub-clause number ("12.10", "33.23") still
# stands clear of its text (at 1.27 cm "22.10" left under a space before the text and read as a
# broken hanging indent). Every indent below is measured from it.
NUM_W = 851
SUB_W = 720  # the (a) and (i) levels' own number column: "(viii)" fits with room to spare

# ---------------------------------------------------------------------------
# Lists. numId / abstractNumId are fixed so tests and docs can name them; the
# python-docx default template already uses abstractNumId 0-8 and numId 1-9.
# Level tuple: (numFmt, lvlText, style name, left indent, hanging, suffix).
# ---------------------------------------------------------------------------
LISTS = {
    "clauses": {
        "num_id": 10,
        "abstract_id": 9,
        "nsid": "5044434C",
        "kind": "multilevel",
        "legal": True,
        "levels": [
            ("decimal", "%1.", "PD Clause 1", NUM_W, NUM_W, "tab"),
            ("decimal", "%1.%2", "PD Clause 2", NUM_W, NUM_W, "tab"),
            ("lowerLetter", "(%3)", "PD Clause 3", NUM_W + SUB_W, SUB_W, "tab"),
            ("lowerRoman", "(%4)", "PD Clause 4", NUM_W + 2 * SUB_W, SUB_W, "tab"),
        ],
    },
    "schedules": {
        "num_id": 11,
        "abstract_id": 10,
        "nsid": "50445343",
        "kind": "multilevel",
        "legal": True,
        "levels": [
            ("decimal", "Schedule %1", "PD Schedule Title", 0, 0, "space"),
            ("decimal", "%2.", "PD Schedule 1", NUM_W, NUM_W, "tab"),
            ("lowerLetter", "(%3)", "PD Schedule 2", NUM_W + SUB_W, SUB_W, "tab"),
            ("lowerRoman", "(%4)", "PD Schedule 3", NUM_W + 2 * SUB_W, SUB_W, "tab"),
        ],
    },
    "parties": {
        "num_id": 12,
        "abstract_id": 11,
        "nsid": "50445041",
        "kind": "singleLevel",
        "legal": False,
        "levels": [("decimal", "(%1)", "PD Party", 720, 720, "tab")],
    },
    "recitals": {
        "num_id": 13,
        "abstract_id": 12,
        "nsid": "50445245",
        "kind": "singleLevel",
        "legal": False,
        "levels": [("upperLetter", "(%1)", "PD Recital", 720, 720, "tab")],
    },
}

# ---------------------------------------------------------------------------
# House paragraph styles (all based on Normal). Keys: size (pt), bold, italic,
# align, before/after (pt), keep_next, page_break, left/hanging (twips),
# outline (w:outlineLvl, 0 = TOC level 1), box ("draft" or "note"), next.
# Numbered styles take their number from LISTS; their indents come from there.
# ---------------------------------------------------------------------------
PARAGRAPH_STYLES = {
    "PD Title": {"size": 20, "bold": True, "align": CENTER, "after": 24},
    "PD Subtitle": {"size": 13, "align": CENTER},
    "PD Cover Text": {"align": CENTER},
    "PD Draft Notice": {"bold": True, "align": CENTER, "before": 12, "after": 12, "box": "draft"},
    "PD Heading": {"size": 12, "bold": True, "keep_next": True, "before": 12},
    "PD Party": {},
    "PD Recital": {},
    "PD Clause 1": {
        "bold": True,
        "keep_next": True,
        "before": 12,
        "outline": 0,
        "next": "PD Clause 2",
    },
    "PD Clause 2": {},
    "PD Clause 3": {},
    "PD Clause 4": {},
    "PD Body": {"left": NUM_W},
    "PD Definition": {"left": NUM_W},
    "PD Schedule Title": {
        "size": 13,
        "bold": True,
        "align": CENTER,
        "page_break": True,
        "keep_next": True,
        "after": 6,
        "outline": 0,
        "next": "PD Schedule Subtitle",
    },
    "PD Schedule Subtitle": {
        "bold": True,
        "align": CENTER,
        "keep_next": True,
        "after": 12,
        "next": "PD Schedule 1",
    },
    "PD Schedule Heading": {"bold": True, "keep_next": True, "before": 12},
    "PD Schedule 1": {},
    "PD Schedule 2": {},
    "PD Schedule 3": {},
    "PD Table Text": {"size": 9.5, "after": 0},
    "PD Table Heading": {"size": 9.5, "bold": True, "after": 0},
    "PD Signature": {"before": 6, "keep_next": True},
    # A drafting note sits between a heading and its text: it keeps with the text, so a heading
    # and its note are never left at the foot of a page.
    "PD Notice": {"italic": True, "box": "note", "keep_next": True},
    # A grant offer letter's head: addresses and date set close, the subject line in bold.
    "PD Letter": {"after": 0},
    "PD Letter Subject": {"bold": True, "before": 12, "after": 12, "keep_next": True},
}

CHARACTER_STYLES = {
    "PD Term": {"bold": True},
    "PD Placeholder": {"bold": True},
    # A blank in a form completed later (a form of accession deed): dotted underline, no highlight,
    # so a reader tells it apart from a fact the term sheet left open.
    "PD Form Blank": {"underline": "dotted"},
    "PD Reference": {},
}

# Order of w:pPr children (CT_PPrBase) for the elements python-docx has no API for.
PPR_AFTER_PBDR = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
# CT_Settings children that must follow w:updateFields.
SETTINGS_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "w:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
)

BOXES = {  # (border size in eighths of a point, border colour, shading fill or None)
    "draft": (8, "auto", None),
    "note": (4, "808080", "F2F2F2"),
}

# Styles Word itself defines, written as Word writes them, because other code
# (python-docx add_comment, Word's TOC field) refers to them by styleId.
WORD_STYLES = [
    f"""<w:style {W} w:type="paragraph" w:styleId="TOCHeading">
      <w:name w:val="TOC Heading"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
      <w:uiPriority w:val="39"/><w:unhideWhenUsed/><w:qFormat/>
      <w:pPr><w:keepNext/><w:spacing w:before="240" w:after="240"/>
        <w:outlineLvl w:val="9"/></w:pPr>
      <w:rPr><w:b/><w:bCs/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr>
    </w:style>""",
    f"""<w:style {W} w:type="paragraph" w:styleId="TOC1">
      <w:name w:val="toc 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
      <w:autoRedefine/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>
      <w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/>
        <w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}"/></w:tabs>
        <w:spacing w:before="0" w:after="20" w:line="240" w:lineRule="auto"/><w:ind w:left="720" w:hanging="720"/></w:pPr>
    </w:style>""",
    f"""<w:style {W} w:type="paragraph" w:styleId="TOC2">
      <w:name w:val="toc 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>
      <w:autoRedefine/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>
      <w:pPr><w:tabs><w:tab w:val="left" w:pos="1440"/>
        <w:tab w:val="right" w:leader="dot" w:pos="{TEXT_W}"/></w:tabs>
        <w:spacing w:after="60"/><w:ind w:left="1440" w:hanging="720"/></w:pPr>
    </w:style>""",
    f"""<w:style {W} w:type="paragraph" w:styleId="CommentText">
      <w:name w:val="annotation text"/><w:basedOn w:val="Normal"/>
      <w:uiPriority w:val="99"/><w:unhideWhenUsed/>
      <w:pPr><w:spacing w:line="240" w:lineRule="auto"/></w:pPr>
      <w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr>
    </w:style>""",
    f"""<w:style {W} w:type="character" w:styleId="CommentReference">
      <w:name w:val="annotation reference"/><w:basedOn w:val="DefaultParagraphFont"/>
      <w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
      <w:rPr><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>
    </w:style>""",
    f"""<w:style {W} w:type="paragraph" w:styleId="CommentSubject">
      <w:name w:val="annotation subject"/><w:basedOn w:val="CommentText"/>
      <w:next w:val="CommentText"/><w:uiPriority w:val="99"/><w:semiHidden/>
      <w:unhideWhenUsed/><w:rPr><w:b/><w:bCs/></w:rPr>
    </w:style>""",
    f"""<w:style {W} w:type="paragraph" w:styleId="BalloonText">
      <w:name w:val="Balloon Text"/><w:basedOn w:val="Normal"/>
      <w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>
      <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
      <w:rPr><w:rFonts w:ascii="Segoe UI" w:hAnsi="Segoe UI" w:cs="Segoe UI"/>
        <w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr>
    </w:style>""",
]

TABLE_STYLE_XML = f"""<w:root {W}>
  <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:tblPr>
    <w:tblBorders>
      <w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/>
      <w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>
      <w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/>
      <w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>
      <w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/>
      <w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="0" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>
      <w:bottom w:w="0" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:bCs/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/></w:tcPr>
  </w:tblStylePr>
</w:root>"""

HEADER_XML = f"""<w:p {W}>
  <w:pPr><w:pStyle w:val="Header"/>
    <w:tabs><w:tab w:val="clear" w:pos="{MID}"/></w:tabs></w:pPr>
  <w:r><w:t>{{{{ marking }}}}</w:t></w:r>
  <w:r><w:tab/></w:r>
  <w:r><w:t>{{{{ reference }}}}</w:t></w:r>
</w:p>"""


def field_runs(instruction: str) -> str:
    """Runs of a complex field with cached result "1" (Word refreshes it)."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        "<w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r>"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def footer_xml() -> str:
    return (
        f'<w:p {W}><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>'
        '<w:r><w:t xml:space="preserve">Page </w:t></w:r>'
        + field_runs("PAGE")
        + '<w:r><w:t xml:space="preserve"> of </w:t></w:r>'
        + field_runs("NUMPAGES")
        + "</w:p>"
    )


# --------------------------------------------------------------------------- styles


def set_doc_defaults(doc) -> None:
    """Arial 11pt, UK English, 1.15 lines, 0pt before / 8pt after."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    for child in list(rpr):
        rpr.remove(child)
    rpr.extend(
        parse_xml(
            f'<w:rPr {W}><w:rFonts w:ascii="Arial" w:eastAsia="Arial" w:hAnsi="Arial" '
            'w:cs="Arial"/><w:sz w:val="22"/><w:szCs w:val="22"/>'
            '<w:lang w:val="en-GB" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr>'
        )
    )
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    for attr, val in (("before", "0"), ("after", "160"), ("line", "276"), ("lineRule", "auto")):
        spacing.set(qn(f"w:{attr}"), val)


def insert_ppr_child(ppr, element) -> None:
    """Insert a pBdr or shd element into a w:pPr in schema order."""
    order = ("w:pBdr",) + PPR_AFTER_PBDR
    tag = "w:" + element.tag.split("}")[1]
    ppr.insert_element_before(element, *order[order.index(tag) + 1 :])


def add_box(style, box: str) -> None:
    """Border on all four sides, optionally shaded (draft notice, drafting notes)."""
    size, colour, fill = BOXES[box]
    sides = "".join(
        f'<w:{side} w:val="single" w:sz="{size}" w:space="4" w:color="{colour}"/>'
        for side in ("top", "left", "bottom", "right")
    )
    ppr = style.element.get_or_add_pPr()
    insert_ppr_child(ppr, parse_xml(f"<w:pBdr {W}>{sides}</w:pBdr>"))
    if fill:
        shd = f'<w:shd {W} w:val="clear" w:color="auto" w:fill="{fill}"/>'
        insert_ppr_child(ppr, parse_xml(shd))


def apply_paragraph_format(style, spec: dict) -> None:
    fmt = style.paragraph_format
    if "align" in spec:
        fmt.alignment = spec["align"]
    if "before" in spec:
        fmt.space_before = Pt(spec["before"])
    if "after" in spec:
        fmt.space_after = Pt(spec["after"])
    if spec.get("keep_next"):
        fmt.keep_with_next = True
    if spec.get("page_break"):
        fmt.page_break_before = True
    set_indent(style, spec.get("left"), spec.get("hanging"))
    if "outline" in spec:
        style.element.get_or_add_pPr().get_or_add_outlineLvl().val = spec["outline"]
    if "box" in spec:
        add_box(style, spec["box"])


def set_indent(style, left: int | None, hanging: int | None) -> None:
    if left is not None:
        style.paragraph_format.left_indent = Twips(left)
    if hanging is not None:
        style.paragraph_format.first_line_indent = Twips(-hanging)


def apply_font(style, spec: dict) -> None:
    if "size" in spec:
        style.font.size = Pt(spec["size"])
    if spec.get("bold"):
        style.font.bold = True
    if spec.get("italic"):
        style.font.italic = True
    if spec.get("underline") == "dotted":
        style.font.underline = WD_UNDERLINE.DOTTED


def add_paragraph_styles(doc) -> None:
    normal = doc.styles["Normal"]
    for name, spec in PARAGRAPH_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        apply_font(style, spec)
        apply_paragraph_format(style, spec)
    for name, spec in PARAGRAPH_STYLES.items():
        if "next" in spec:
            doc.styles[name].next_paragraph_style = doc.styles[spec["next"]]


def add_character_styles(doc) -> None:
    base = doc.styles["Default Paragraph Font"]
    for name, spec in CHARACTER_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.base_style = base
        style.quick_style = True
        apply_font(style, spec)


def add_table_style(doc) -> None:
    style = doc.styles.add_style("PD Table", WD_STYLE_TYPE.TABLE)
    style.base_style = doc.styles["Normal Table"]
    style.element.extend(list(parse_xml(TABLE_STYLE_XML)))


def add_word_styles(doc) -> None:
    """(Re)define TOC, comment and balloon styles with Word's styleIds."""
    styles = doc.styles.element
    for xml in WORD_STYLES:
        new = parse_xml(xml)
        old = styles.get_by_id(new.get(qn("w:styleId")))
        if old is not None:
            styles.remove(old)
        styles.append(new)


def set_header_footer_styles(doc) -> None:
    """Word's Header/Footer styles, 8pt, with tabs at the A4 centre and right margin."""
    for name in ("Header", "Footer"):
        style = doc.styles[name]
        tabs = style.paragraph_format.tab_stops
        tabs.clear_all()
        tabs.add_tab_stop(Twips(MID), WD_TAB_ALIGNMENT.CENTER)
        tabs.add_tab_stop(Twips(TEXT_W), WD_TAB_ALIGNMENT.RIGHT)
        style.font.size = Pt(8)


# ------------------------------------------------------------------------ numbering


def level_xml(ilvl: int, level: tuple, style_id: str, legal: bool) -> str:
    fmt, text, _name, left, hanging, suffix = level
    suff = "" if suffix == "tab" else f'<w:suff w:val="{suffix}"/>'
    is_lgl = '<w:isLgl w:val="0"/>' if legal else ""
    first = f'w:hanging="{hanging}"' if hanging else 'w:firstLine="0"'
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        f'<w:pStyle w:val="{style_id}"/>{is_lgl}{suff}<w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" {first}/></w:pPr></w:lvl>'
    )


def abstract_num_xml(doc, spec: dict) -> str:
    levels = "".join(
        level_xml(i, lvl, doc.styles[lvl[2]].style_id, spec["legal"])
        for i, lvl in enumerate(spec["levels"])
    )
    return (
        f'<w:abstractNum {W} w:abstractNumId="{spec["abstract_id"]}">'
        f'<w:nsid w:val="{spec["nsid"]}"/><w:multiLevelType w:val="{spec["kind"]}"/>'
        f"{levels}</w:abstractNum>"
    )


def add_list(doc, spec: dict) -> None:
    numbering = doc.part.numbering_part.element
    used = {num.numId for num in numbering.num_lst}
    assert spec["num_id"] not in used, f"numId {spec['num_id']} already in use"
    abstract = parse_xml(abstract_num_xml(doc, spec))
    numbering.num_lst[0].addprevious(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {W} w:numId="{spec["num_id"]}">'
            f'<w:abstractNumId w:val="{spec["abstract_id"]}"/></w:num>'
        )
    )


def link_styles_to_list(doc, spec: dict) -> None:
    """Give each level's style its numPr (and the level's indent)."""
    for ilvl, (_fmt, _text, name, left, hanging, _suff) in enumerate(spec["levels"]):
        style = doc.styles[name]
        num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
        if ilvl:
            num_pr.get_or_add_ilvl().val = ilvl
        num_pr.get_or_add_numId().val = spec["num_id"]
        set_indent(style, left, hanging)


def add_numbering(doc) -> None:
    for spec in LISTS.values():
        add_list(doc, spec)
        link_styles_to_list(doc, spec)


# ------------------------------------------------------------- page, header, footer


def set_page(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Twips(PAGE_W), Twips(PAGE_H)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Twips(MARGIN))
    section.header_distance = section.footer_distance = Twips(HDR_FTR)
    section.gutter = Twips(0)


def replace_paragraphs(story, xml: str) -> None:
    """Replace every paragraph of a header/footer part with the one given."""
    element = story._element
    for p in list(element.findall(qn("w:p"))):
        element.remove(p)
    element.append(parse_xml(xml))


def set_header_footer(doc) -> None:
    section = doc.sections[0]
    section.header.is_linked_to_previous = False
    section.footer.is_linked_to_previous = False
    replace_paragraphs(section.header, HEADER_XML)
    replace_paragraphs(section.footer, footer_xml())


def set_body(doc) -> None:
    """The body is one paragraph, docxtpl's paragraph-level subdoc tag."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    doc.add_paragraph("{{p body }}")


# ------------------------------------------------------------------ settings, package


def set_settings(doc) -> None:
    settings = doc.settings.element
    update = parse_xml(f'<w:updateFields {W} w:val="true"/>')
    settings.insert_element_before(update, *SETTINGS_AFTER_UPDATE_FIELDS)
    for tag in ("w:savePreviewPicture",):
        for el in settings.findall(qn(tag)):
            settings.remove(el)
    settings.find(qn("w:themeFontLang")).set(qn("w:val"), "en-GB")
    for compat in settings.iter(qn("w:compatSetting")):
        if compat.get(qn("w:name")) == "compatibilityMode":
            compat.set(qn("w:val"), "15")


def drop_leftover_parts(doc) -> None:
    """Drop python-docx's stale stylesWithEffects copy, sample customXml and thumbnail."""
    for part, unwanted in (
        (doc.part, ("stylesWithEffects", RT.CUSTOM_XML)),
        (doc.part.package, (RT.THUMBNAIL,)),
    ):
        for rId, rel in list(part.rels.items()):
            if any(rel.reltype.endswith(u) for u in unwanted):
                del part.rels[rId]


def set_core_properties(doc) -> None:
    props = doc.core_properties
    for attr in ("title", "subject", "keywords", "comments", "category", "last_modified_by"):
        setattr(props, attr, "")
    props.author = "partnerdraft"
    props.revision = 1
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    props.created = props.modified = now


# ------------------------------------------------------------------------------ main


def build() -> Document:
    doc = Document()
    drop_leftover_parts(doc)
    set_doc_defaults(doc)
    set_header_footer_styles(doc)
    add_paragraph_styles(doc)
    add_character_styles(doc)
    add_table_style(doc)
    add_word_styles(doc)
    add_numbering(doc)
    set_page(doc)
    set_header_footer(doc)
    set_body(doc)
    set_settings(doc)
    set_core_properties(doc)
    return doc


def main(argv: list[str]) -> int:
    out = Path(argv[1]) if len(argv) > 1 else OUT
    out.parent.mkdir(parents=True, exist_ok=True)
    build().save(out)
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
