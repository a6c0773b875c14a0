"""The Word writer: house styles on every paragraph, live references, notes, properties, determinism."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx import Document as open_docx

from assembler.model import plain_text
from assembler.assemble import assemble
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from assembler.writers.docx import CONTENT_HASH, KEEP_TOGETHER_ROWS, render_docx, stored_properties
from tests.conftest import DRAFT_DATE, MINILIB

TINY = (MINILIB / "samples" / "grant" / "tiny.yaml").read_text()
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def draft(minilib):
    return assemble(validate(load_text(TINY, "tiny.yaml"), minilib), minilib, today=DRAFT_DATE).document


def write(draft, minilib, notes="comments") -> bytes:
    return render_docx(draft, minilib.paths.house, notes=notes)


def part(blob: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return z.read(name).decode("utf-8") if name in z.namelist() else ""


def test_every_visible_paragraph_has_a_house_style(draft, minilib):
    doc = open_docx(io.BytesIO(write(draft, minilib)))
    unstyled = [p.text for p in doc.paragraphs if p.text.strip() and p.style.name == "Normal"]
    assert unstyled == []
    styles = {p.style.name for p in doc.paragraphs if p.text.strip()}
    assert {"PD Title", "PD Clause 1", "PD Clause 2", "PD Clause 3", "PD Clause 4", "PD Definition",
            "PD Schedule Title", "PD Signature"} <= styles


def test_numbered_styles_are_linked_to_the_house_numbering(minilib):
    doc = open_docx(minilib.paths.house)
    for name in ("PD Clause 1", "PD Clause 2", "PD Clause 3", "PD Clause 4", "PD Schedule 1"):
        assert doc.styles[name].element.find(f"{W}pPr/{W}numPr") is not None, name


def test_references_are_ref_fields_with_cached_numbers(draft, minilib):
    body = part(write(draft, minilib), "word/document.xml")
    fields = re.findall(r"REF (_Ref\d+) \\w \\h", body)
    assert fields
    for bookmark in set(fields):
        assert f'w:name="{bookmark}"' in body, bookmark
    text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body))
    assert "This clause is clause 3" in text
    assert "Clause 2.1 applies to the whole of Schedule 1" in text
    assert "Error! Reference" not in text


def test_notes_as_comments(draft, minilib):
    blob = write(draft, minilib, "comments")
    comments = part(blob, "word/comments.xml")
    assert "Arrears is the standard because it protects public money." in comments
    assert "Drafting note" not in part(blob, "word/document.xml")


def test_notes_inline(draft, minilib):
    blob = write(draft, minilib, "inline")
    assert part(blob, "word/comments.xml") == "" or "Arrears" not in part(blob, "word/comments.xml")
    doc = open_docx(io.BytesIO(blob))
    notes = [p.text for p in doc.paragraphs if p.style.name == "PD Notice"]
    assert any("Arrears is the standard" in n for n in notes)


def test_a_note_is_labelled_for_the_lawyer_without_clause_ids_or_versions(draft, minilib):
    doc = open_docx(io.BytesIO(write(draft, minilib, "inline")))
    labels = [p.text.split(":")[0] for p in doc.paragraphs if p.style.name == "PD Notice"]
    assert labels and all(label.startswith("Drafting note") for label in labels)
    assert not [label for label in labels if "@" in label or "grant." in label], labels


def test_no_notes(draft, minilib):
    blob = write(draft, minilib, "none")
    assert "Arrears is the standard" not in part(blob, "word/comments.xml") + part(blob, "word/document.xml")


def test_placeholders_are_highlighted(draft, minilib):
    doc = open_docx(io.BytesIO(write(draft, minilib)))
    runs = [r for p in doc.paragraphs for r in p.runs if r.text == "[Recipient's bank account details]"]
    assert runs and runs[0].style.name == "PD Placeholder" and runs[0].font.highlight_color is not None


def test_cover_says_draft_for_legal_review(draft, minilib):
    doc = open_docx(io.BytesIO(write(draft, minilib)))
    cover = " ".join(p.text for p in doc.paragraphs[:12])
    assert "Draft for legal review" in cover and "not legal advice" in cover
    assert "The version to be signed carries no header legend" in cover and "letter" not in cover.lower()


def test_header_has_marking_and_reference(draft, minilib):
    blob = write(draft, minilib)
    headers = "".join(part(blob, n) for n in zipfile.ZipFile(io.BytesIO(blob)).namelist() if "header" in n)
    assert "DRAFT 1 April 2026" in headers and "T/1 {{ 7*7 }}" in headers
    footers = "".join(part(blob, n) for n in zipfile.ZipFile(io.BytesIO(blob)).namelist() if "footer" in n)
    assert "NUMPAGES" in footers and "PAGE" in footers


def test_properties_are_stored(draft, minilib):
    blob = write(draft, minilib)
    props = stored_properties(blob)
    for key, value in draft.properties.items():
        assert props[f"partnerdraft_{key}"] == value if f"partnerdraft_{key}" in props else props[key] == value
    assert CONTENT_HASH in props
    core = part(blob, "docProps/core.xml")
    assert "Grant Funding Agreement" in core


def test_byte_identical_on_rerun(draft, minilib):
    assert write(draft, minilib) == write(draft, minilib)


def test_signature_block_for_every_party(draft, minilib):
    """A simple contract: the council signs by one authorised signatory and the CIO by two of its
    charity trustees (as the model CIO constitutions provide); every line of the model's block is a
    PD Signature paragraph, kept together on a page."""
    doc = open_docx(io.BytesIO(write(draft, minilib)))
    signed = [p.text for p in doc.paragraphs if p.text.startswith("Signed")]
    # r22 al-fresh 8: the CIO's one named signatory signs a simple contract; no second trustee is invented
    assert signed == ["Signed for and on behalf of Northshire County Council by its authorised signatory:",
                      "Signed for and on behalf of St Mary's Housing & Support [[ref:grant.general]] by its authorised "
                      "signatory:"]
    lines = [p.text for p in doc.paragraphs if p.style.name == "PD Signature"]
    assert lines == [plain_text(line) for party in draft.parties for line in party.execution]
    assert lines.count("Signature: ____________________________") == 2
    assert lines.count("Charity trustee: ____________________________") == 0
    blocks = [p for p in doc.paragraphs if p.style.name == "PD Signature"]
    keeps = [bool(p.paragraph_format.keep_with_next) for p in blocks]
    ends = [line.startswith("Date: ") for line in lines]
    assert keeps == [not end for end in ends] and any(ends)


def test_form_blanks_are_styled_apart_and_not_highlighted(catalogue):
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import ROOT

    sheet = read_termsheet(ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml", catalogue)
    document = assemble(sheet, catalogue, today=DRAFT_DATE).document
    doc = open_docx(io.BytesIO(render_docx(document, catalogue.paths.house)))
    runs = [r for p in doc.paragraphs for r in p.runs if r.text == "[full name of the joining organisation]"]
    assert runs and {r.style.name for r in runs} == {"PD Form Blank"}
    assert all(r.font.highlight_color is None for r in runs)
    assert doc.styles["PD Form Blank"].font.underline == 4  # WD_UNDERLINE.DOTTED


def test_table_rows_never_split_and_the_header_repeats(draft, minilib):
    doc = open_docx(io.BytesIO(write(draft, minilib)))
    assert doc.tables
    for table in doc.tables:
        rows = table._tbl.tr_lst
        assert all(tr.trPr is not None and tr.trPr.find(f"{W}cantSplit") is not None for tr in rows)
        assert rows[0].trPr.find(f"{W}tblHeader") is not None


def _keeps_next(p) -> bool:
    ppr = p.pPr
    keep = ppr.find(f"{W}keepNext") if ppr is not None else None
    return keep is not None and keep.get(f"{W}val") not in ("0", "false")


def test_a_short_table_is_kept_on_one_page_with_the_words_before_it(draft, minilib):
    """A worked-example table was left alone on a page, away from the paragraph that introduces
    it: that paragraph keeps with the table, and every row but the last keeps with the next."""
    doc = open_docx(io.BytesIO(write(draft, minilib)))
    body = list(doc.element.body.iterchildren())
    tables = [i for i, el in enumerate(body) if el.tag == f"{W}tbl" and body[i - 1].tag == f"{W}p"]
    assert tables
    for i in tables:
        assert _keeps_next(body[i - 1])
        rows = body[i].findall(f"{W}tr")
        keeps = [all(_keeps_next(p) for p in tr.iter(f"{W}p")) for tr in rows]
        if len(rows) <= KEEP_TOGETHER_ROWS:
            assert keeps == [True] * (len(rows) - 1) + [False]


def test_the_paragraph_after_a_table_opens_with_space(draft, minilib):
    doc = open_docx(io.BytesIO(write(draft, minilib)))
    body = list(doc.element.body.iterchildren())
    after = [body[i + 1] for i, el in enumerate(body[:-1]) if el.tag == f"{W}tbl" and body[i + 1].tag == f"{W}p"]
    assert after
    for p in after:
        para = next(x for x in doc.paragraphs if x._p is p)
        before = para.paragraph_format.space_before or para.style.paragraph_format.space_before
        assert before is not None and before.pt >= 9


def test_each_signature_block_opens_with_space_and_is_not_chained_to_the_next(draft, minilib):
    doc = open_docx(io.BytesIO(write(draft, minilib)))
    blocks = [p for p in doc.paragraphs if p.style.name == "PD Signature"]
    firsts = [p for p in blocks if p.text.startswith(("Signed", "Executed"))]
    assert len(firsts) == len(draft.parties)
    assert all(p.paragraph_format.space_before.pt >= 18 for p in firsts)
    statement = next(p for p in doc.paragraphs if p.text.startswith("This Agreement takes effect on the date on which the last")
                     or p.text.startswith("This Agreement has been executed"))
    assert statement.paragraph_format.keep_with_next


def test_an_offer_letter_is_laid_out_as_a_letter(catalogue):
    """Addresses, date and salutation instead of a cover page, contents and parties; the funder
    signs after the conditions and the recipient accepts below; the schedules follow."""
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import ROOT

    sheet = read_termsheet(ROOT / "samples" / "grant" / "community-single-payment.yaml", catalogue)
    document = assemble(sheet, catalogue, today=DRAFT_DATE).document
    assert document.letter
    doc = open_docx(io.BytesIO(render_docx(document, catalogue.paths.house)))
    texts = [p.text for p in doc.paragraphs]
    styles = {p.style.name for p in doc.paragraphs}
    assert "PD Title" not in styles and "toc 1" not in styles and "PD Party" not in styles
    assert texts[0] == document.parties[0].name
    greeting = next(t for t in texts if t.startswith("Dear "))
    assert greeting.endswith(",")
    recipient = document.parties[-1]
    attention = texts.index(f"For the attention of {recipient.signatory_name.text}, {recipient.signatory_position.text}")
    assert texts[attention - 1] == recipient.address and attention < texts.index(greeting)
    closing = texts.index("Yours sincerely")
    acceptance = texts.index("Acceptance")
    first_schedule = next(i for i, p in enumerate(doc.paragraphs) if p.style.name == "PD Schedule Title")
    assert closing < acceptance < first_schedule
    assert texts[acceptance + 1] == f"{document.parties[-1].name} accepts the Grant on the conditions in this letter."
    assert any(t.startswith("Draft for legal review") and "The version issued for acceptance, which binds once "
               "accepted, carries no header legend" in t for t in texts[:first_schedule])


def test_a_reference_to_a_schedule_paragraph_is_text_not_a_field(draft, minilib):
    """Word would recompute a schedule paragraph's full-context number as "Schedule 26"; the label
    is written as text, while references to clauses stay live fields."""
    import copy

    from assembler.model import Paragraph, Ref, Text

    doc = copy.deepcopy(draft)
    ref = Ref("x", label="6(a)", prefix="paragraph ", suffix=" of Schedule 2", bookmark="_Ref_x")
    doc.clauses[0].blocks.append(Paragraph([Text("See "), ref, Text(".")], kind="body", level=1))
    xml = part(render_docx(doc, minilib.paths.house), "word/document.xml")
    assert "See paragraph 6(a) of Schedule 2." in re.sub(r"<[^>]+>", "", xml)
    assert "REF _Ref_x" not in xml and "REF _Ref" in xml
