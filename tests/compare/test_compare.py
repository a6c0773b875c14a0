"""compare: a redline with real tracked changes, from term sheets or from .docx drafts (one edited in
Word, here with python-docx), plus the summary; bad input ends with a clear message and exit 1."""

from __future__ import annotations

import copy
import io
import re
import subprocess
import sys
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree

from assembler.assemble import assemble
from assembler.cli import main
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT, audit, soffice

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAMPLE = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"
MONEY = re.compile(r"£[\d,]+(\.\d\d)?")


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def _body(blob: bytes):
    with zipfile.ZipFile(io.BytesIO(blob)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def tracked(blob: bytes) -> list[tuple[str, str, str]]:
    """(kind, text, author) of every tracked change holding text, in document order."""
    out = []
    for change in _body(blob).iter(W + "ins", W + "del", W + "moveTo", W + "moveFrom"):
        text = "".join(n.text or "" for n in change.iter(W + "t", W + "delText"))
        if text:
            kind = "ins" if change.tag in (W + "ins", W + "moveTo") else "del"
            out.append((kind, text, change.get(W + "author")))
    return out


def _visible(blob: bytes, *, accept: bool) -> str:
    """The document's text with every change accepted (or rejected), whitespace normalised."""
    drop = (W + "del", W + "moveFrom") if accept else (W + "ins", W + "moveTo")
    words = []
    for p in _body(blob).iter(W + "p"):
        parts = []
        for node in p.iter(W + "t", W + "delText"):
            if any(a.tag in drop for a in node.iterancestors()):
                continue
            if node.tag == W + "delText" and accept:
                continue
            parts.append(node.text or "")
        words.append("".join(parts))
    return " ".join(" ".join(words).split())


def plain(blob: bytes) -> str:
    assert not tracked(blob)
    return _visible(blob, accept=True)


@pytest.fixture(scope="module")
def pair(tmp_path_factory, catalogue):
    """Two term sheets that differ in one sum (the asset threshold) and one position."""
    folder = tmp_path_factory.mktemp("pair")
    old, new = folder / "old.yaml", folder / "new.yaml"
    text = SAMPLE.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    changed = text.replace("    threshold: 1000\n", "    threshold: 2500\n")
    changed = changed.replace("positions:\n", "positions:\n  termination_for_convenience: none\n")
    # Two budget lines in the Budget schedule's table, their total unchanged.
    changed = changed.replace("fidelity review\n      amount: 15000\n", "fidelity review\n      amount: 12000\n")
    changed = changed.replace("evaluation\n      amount: 10000\n", "evaluation\n      amount: 13000\n")
    assert changed.count("2500") == 1 and "termination_for_convenience" in changed
    assert "amount: 12000" in changed and "amount: 13000" in changed
    new.write_text(changed, encoding="utf-8")
    out = folder / "redline.docx"
    result = _invoke("compare", str(old), str(new), "-o", str(out), "--date", "2026-04-01")
    assert result.exit_code == 0, result.output
    models = {name: assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
              for name, path in (("old", old), ("new", new))}
    drafts = {}
    for name, path in (("old", old), ("new", new)):
        drafts[name] = folder / f"{name}.docx"
        assert _invoke("assemble", str(path), "-o", str(drafts[name]), "--date", "2026-04-01").exit_code == 0
    return out, result.stdout, models, drafts


def _clause(doc, clause_id):
    return next(c for c in doc.all_clauses() if c.id == clause_id)


def test_a_changed_amount_is_struck_then_replaced_whole(pair):
    out, _, _, _ = pair
    money = [(kind, text) for kind, text, _ in tracked(out.read_bytes()) if MONEY.fullmatch(text)]
    # The threshold appears in the Grant-Funded Asset definition (the assets listed in the Budget schedule
    # are Grant-Funded Assets whatever their cost, so it is not repeated there); the two budget lines are
    # cells of the Budget table.
    assert money[-4:] == [("del", "£15,000"), ("ins", "£12,000"), ("del", "£10,000"), ("ins", "£13,000")]
    # The threshold is tracked in the Grant-Funded Asset definition and the ineligible-expenditure list.
    threshold = [(kind, text) for kind, text, _ in tracked(out.read_bytes()) if "£1,000" in text or "£2,500" in text]
    assert ("del", "£1,000") in money or any(kind == "del" and "£1,000 or more" in text for kind, text in threshold)
    assert ("ins", "£2,500") in money or any(kind == "ins" and "£2,500 or more" in text for kind, text in threshold)


def test_a_paragraph_that_mostly_changed_is_replaced_whole(pair):
    """The position change rewrites the clause heading, its contents line and its body: each such
    paragraph is one deletion of the old text followed by one insertion of the new, never words of
    the two interleaved."""
    out, _, models, _ = pair
    old_clause = _clause(models["old"], "grant.termination-convenience")
    new_clause = _clause(models["new"], "grant.termination-convenience")
    assert (old_clause.variant, new_clause.variant) == ("funder-notice", "none")
    rewritten = []
    for p in _body(out.read_bytes()).iter(W + "p"):
        changes = [c for c in p if c.tag in (W + "ins", W + "del")]
        text = "".join(n.text or "" for n in p.iter(W + "t", W + "delText"))
        if changes and (old_clause.title in text or new_clause.title in text):
            assert [c.tag for c in changes] == [W + "del", W + "ins"], text
            rewritten.append(p)
    assert len(rewritten) == 2  # the contents line and the heading
    inserted = "".join(text for kind, text, _ in tracked(out.read_bytes()) if kind == "ins")
    deleted = "".join(text for kind, text, _ in tracked(out.read_bytes()) if kind == "del")
    assert "".join(p.text for p in new_clause.blocks) in inserted
    assert "".join(p.text for p in old_clause.blocks) in deleted


def test_tracked_changes_carry_the_date_given(pair):
    out, _, _, _ = pair
    dates = {c.get(W + "date") for c in _body(out.read_bytes()).iter(W + "ins", W + "del")}
    assert dates == {"2026-04-01T00:00:00Z"}


def test_accepting_every_change_gives_new_and_rejecting_gives_old(pair):
    out, _, _, drafts = pair
    blob = out.read_bytes()
    assert _visible(blob, accept=True) == plain(drafts["new"].read_bytes())
    assert _visible(blob, accept=False) == plain(drafts["old"].read_bytes())


def test_changes_are_attributed_to_the_default_author(pair):
    out, _, _, _ = pair
    assert {author for _, _, author in tracked(out.read_bytes())} == {"partnerdraft"}


def test_summary_names_clauses_and_fields_changed(pair):
    _, stdout, models, _ = pair
    payments = _clause(models["new"], "grant.termination-convenience")
    lines = stdout.splitlines()
    assert "Parts added: 0" in lines and "Parts removed: 0" in lines
    changed = next(line for line in lines if line.startswith("Parts changed: "))
    # the heading's new title is listed under Contents; the payment clause's unspent-Grant rule and the
    # ineligible-expenditure list (the asset threshold) change too
    assert changed.startswith("Parts changed: 7: Contents; ")
    assert "4. Grant, purpose and duration" in changed  # the ways the agreement can end name the clause no more
    assert f"{payments.number}. {payments.title} (variant funder-notice -> none)" in changed
    assert "Schedule 2 Budget" in changed
    assert "Term-sheet fields changed: 4" in lines
    assert "  grant.assets.threshold: 1000 -> 2500" in lines
    assert "  positions.termination_for_convenience: funder-notice -> none" in lines


def test_redline_validates(pair):
    out, _, _, _ = pair
    errors, prediction = audit(out)
    assert errors == [] and prediction == "opens-clean"


@pytest.mark.soffice
def test_libreoffice_opens_the_redline_showing_the_changes(pair, tmp_path):
    binary = soffice()
    if not binary:
        pytest.skip("LibreOffice (soffice) is not installed")
    out, _, _, _ = pair
    subprocess.run([binary, f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "odt",
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "redline.odt") as z:
        content = z.read("content.xml").decode()
    assert content.count("<text:changed-region") >= 4
    assert "<text:insertion>" in content and "<text:deletion>" in content
    assert set(re.findall(r"<dc:creator>([^<]*)</dc:creator>", content)) == {"partnerdraft"}


# -- a draft a lawyer edited in Word ----------------------------------------------------------------
@pytest.fixture(scope="module")
def edited(tmp_path_factory):
    from docx import Document

    folder = tmp_path_factory.mktemp("edited")
    draft = folder / "draft.docx"
    assert _invoke("assemble", str(SAMPLE), "-o", str(draft), "--date", "2026-04-01").exit_code == 0
    document = Document(str(draft))
    plain_subclauses = [p for p in document.paragraphs if p.style.name == "PD Clause 2"
                        and p._p.find(f".//{W}instrText") is None and p._p.find(f".//{W}commentReference") is None]
    amended, anchor, removed = plain_subclauses[3], plain_subclauses[10], plain_subclauses[20]
    facts = {"amended": amended.text, "removed": removed.text}
    amended.add_run(" This obligation continues after this Agreement ends.")
    added = copy.deepcopy(anchor._p)
    anchor._p.addnext(added)
    for run in added.findall(f"{W}r")[1:]:
        added.remove(run)
    added.find(f".//{W}t").text = "The Council may waive this requirement by notice in writing."
    removed._p.getparent().remove(removed._p)
    out = folder / "edited.docx"
    document.save(str(out))
    redline = folder / "redline.docx"
    result = _invoke("compare", str(draft), str(out), "-o", str(redline), "--author", "A. Lawyer")
    assert result.exit_code == 0, result.output
    return draft, out, redline, result.stdout, facts


def test_lawyer_edits_become_tracked_changes(edited):
    draft, out, redline, _, facts = edited
    changes = tracked(redline.read_bytes())
    assert {author for _, _, author in changes} == {"A. Lawyer"}
    inserted = "".join(text for kind, text, _ in changes if kind == "ins")
    deleted = "".join(text for kind, text, _ in changes if kind == "del")
    assert " This obligation continues after this Agreement ends." in inserted
    assert "The Council may waive this requirement by notice in writing." in inserted
    assert facts["removed"] in deleted
    assert _visible(redline.read_bytes(), accept=True) == plain(out.read_bytes())
    assert _visible(redline.read_bytes(), accept=False) == plain(draft.read_bytes())


def test_lawyer_edit_summary_counts_paragraphs_with_labels(edited):
    _, _, _, stdout, _ = edited
    assert "Paragraphs: 1 added, 1 removed, 1 changed" in stdout
    changed = next(line for line in stdout.splitlines() if line.startswith("Parts changed: "))
    assert re.match(r"Parts changed: [23]: \d+\. ", changed)
    assert "Term-sheet fields changed" not in stdout  # a .docx carries no term sheet
    listed = [line.split(None, 2) for line in stdout.splitlines() if line.startswith("  ")]
    assert sorted(kind for kind, _, _ in listed) == ["added", "changed", "removed"]
    added = next(rest for kind, _, rest in listed if kind == "added")
    assert added == "The Council may waive this requirement by notice in writing."


def test_docx_read_back_gives_the_models_numbering(catalogue, tmp_path):
    from assembler.compare.docx_read import read_paragraphs

    draft = tmp_path / "d.docx"
    assert _invoke("assemble", str(SAMPLE), "-o", str(draft), "--date", "2026-04-01").exit_code == 0
    doc = assemble(read_termsheet(SAMPLE, catalogue), catalogue, today=DRAFT_DATE).document
    read = {(p.label, p.text) for p in read_paragraphs(draft, draft.read_bytes()) if p.label}
    for clause in doc.clauses + doc.schedules:
        for block in clause.blocks:
            if getattr(block, "kind", None) == "numbered":
                assert (block.number, block.text) in read


# -- bad input --------------------------------------------------------------------------------------
def _fails(result, message: str) -> None:
    assert result.exit_code == 1, result.output
    assert message in result.stderr, result.stderr
    assert "Traceback" not in result.output


def test_a_file_that_is_not_a_docx(tmp_path):
    fake = tmp_path / "notes.docx"
    fake.write_text("not really Word")
    out = tmp_path / "r.docx"
    _fails(_invoke("compare", str(SAMPLE), str(fake), "-o", str(out)),
           "notes.docx: not a Word document (.docx): the file is not a zip package")
    assert not out.exists()


def test_a_zip_that_is_not_a_docx(tmp_path):
    fake = tmp_path / "archive.docx"
    with zipfile.ZipFile(fake, "w") as z:
        z.writestr("hello.txt", "hi")
    _fails(_invoke("compare", str(fake), str(SAMPLE), "-o", str(tmp_path / "r.docx")),
           "archive.docx: not a Word document (.docx): it has no word/document.xml")


def test_a_missing_file(tmp_path):
    _fails(_invoke("compare", str(tmp_path / "gone.yaml"), str(SAMPLE), "-o", str(tmp_path / "r.docx")),
           "gone.yaml: no such file")


def test_an_unknown_kind_of_file(tmp_path):
    other = tmp_path / "draft.txt"
    other.write_text("hello")
    _fails(_invoke("compare", str(other), str(SAMPLE), "-o", str(tmp_path / "r.docx")),
           "draft.txt: expected a term sheet (.yaml, .yml or .json) or a Word draft (.docx)")


def test_mismatched_families(tmp_path):
    draft = tmp_path / "draft.docx"
    assert _invoke("assemble", str(SAMPLE), "-o", str(draft), "--date", "2026-04-01").exit_code == 0
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(draft) as zin, zipfile.ZipFile(other, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "docProps/custom.xml":
                data = re.sub(rb'(name="family"><vt:lpwstr>)grant<', rb"\1alliance<", data)
                assert b">alliance<" in data
            zout.writestr(info, data)
    out = tmp_path / "r.docx"
    _fails(_invoke("compare", str(SAMPLE), str(other), "-o", str(out)),
           "cannot compare a grant draft")
    assert not out.exists()


def test_a_term_sheet_with_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(SAMPLE.read_text().replace("maximum_sum: 450000", "maximum_sum: 460000"))
    result = _invoke("compare", str(SAMPLE), str(bad), "-o", str(tmp_path / "r.docx"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert re.search(r"bad\.yaml:\d+: grant\.instalments: GRANT-INSTALMENTS-SUM", result.stderr)


def test_output_must_be_docx_and_is_not_overwritten(tmp_path):
    _fails(_invoke("compare", str(SAMPLE), str(SAMPLE), "-o", str(tmp_path / "r.pdf")),
           "give -o a name ending in .docx")
    existing = tmp_path / "r.docx"
    existing.write_bytes(b"keep")
    _fails(_invoke("compare", str(SAMPLE), str(SAMPLE), "-o", str(existing)), "refusing to overwrite")
    assert existing.read_bytes() == b"keep"


def test_missing_engine_names_the_package(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "python_redlines", None)
    _fails(_invoke("compare", str(SAMPLE), str(SAMPLE), "-o", str(tmp_path / "r.docx")),
           "pip install 'python-redlines[docxodus]'")
    assert not (tmp_path / "r.docx").exists()


def test_a_term_sheet_against_its_own_draft_shows_no_changes(tmp_path):
    draft = tmp_path / "draft.docx"
    assert _invoke("assemble", str(SAMPLE), "-o", str(draft), "--date", "2026-04-01").exit_code == 0
    out = tmp_path / "r.docx"
    result = _invoke("compare", str(draft), str(SAMPLE), "-o", str(out), "--date", "2026-04-01")
    assert result.exit_code == 0, result.output
    assert "Parts changed: 0" in result.stdout and "Paragraphs: 0 added, 0 removed, 0 changed" in result.stdout
    assert tracked(out.read_bytes()) == []


def test_summary_names_the_cover_page_and_the_recitals(tmp_path):
    """A change outside the clauses is named by its part: the reference on the cover page, the
    statutory power in the recitals."""
    text = SAMPLE.read_text(encoding="utf-8")
    power = re.search(r"statutory_power: (.+)\n", text).group(1)
    old, new, out = tmp_path / "old.yaml", tmp_path / "new.yaml", tmp_path / "r.docx"
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace("reference: LEGAL/2026/031", "reference: LEGAL/2026/099")
                   .replace(f"statutory_power: {power}", "statutory_power: section 1 of the Localism Act 2011"),
                   encoding="utf-8")
    result = _invoke("compare", str(old), str(new), "-o", str(out), "--date", "2026-04-01")
    assert result.exit_code == 0, result.output
    changed = next(line for line in result.stdout.splitlines() if line.startswith("Parts changed: "))
    assert "Cover page" in changed and "Background (recitals)" in changed


def test_summary_ends_with_the_key_terms_before_and_after(pair):
    """A one-page table: each key term that changed (the position among them), before and after,
    and the unchanged named once."""
    _, stdout, _, _ = pair
    lines = stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Key terms before and after: "))
    table = lines[start:]
    changed = int(table[0].split(": ")[1].split(" of ")[0])
    assert changed == sum(line.startswith("    before: ") for line in table) >= 1
    i = table.index("  Position: termination for convenience")
    assert table[i + 1:i + 3] == ["    before: funder notice", "    after:  none"]
    unchanged = next(line for line in table if line.startswith("  Unchanged: "))
    assert "Maximum sum" in unchanged or "Grant" in unchanged
