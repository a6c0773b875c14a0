"""The review pack: every section on a term sheet with known content, every writer, the command."""

from __future__ import annotations

import copy
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from assembler.cli import main
from assembler.model import iter_paragraphs
from assembler.errors import LibraryError
from assembler.library.manifest import Manifest
from assembler.review import build_review
from assembler.review.report import SECTION_TITLES, layout
from assembler.termsheet.loader import load_file, load_text
from assembler.termsheet.validate import read_termsheet, validate
from assembler.writers.docx import CONTENT_HASH, stored_properties
from assembler.writers.html import report_html
from assembler.writers.markdown import report_markdown
from assembler.writers.review_docx import report_docx
from tests.conftest import DRAFT_DATE, MINILIB, ROOT, soffice

FIXTURE = Path(__file__).parent / "fixtures" / "nonstandard.yaml"
SAMPLE = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"


@pytest.fixture(scope="module")
def sheet(catalogue):
    return read_termsheet(FIXTURE, catalogue)


@pytest.fixture(scope="module")
def review(sheet, catalogue):
    return build_review(sheet, catalogue, today=DRAFT_DATE)


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def _modified(data_change, catalogue, base: Path = FIXTURE):
    loaded = load_file(base)
    data = copy.deepcopy(loaded.data)
    data_change(data)
    return validate(type(loaded)(loaded.path, data, loaded.lines), catalogue)


# -- key terms --------------------------------------------------------------------------------------
def test_key_terms_follow_the_manifest_with_figures_and_words(review, catalogue):
    manifest = catalogue.manifest("grant")
    assert [k.label for k in review.key_terms] == [k.label for k in manifest.key_terms]
    terms = {k.label: k.lines for k in review.key_terms}
    assert terms["Parties"] == ["Funder: Ashcombe Borough Council (the Council)",
                                "Recipient: O'Neill & Daughters Community Kitchen CIC (the Kitchen)"]
    assert terms["Maximum sum"] == ["£150,000 (one hundred and fifty thousand pounds)"]
    assert terms["Funding period"] == ["1 June 2026 to 31 May 2027 (12 months)"]
    assert terms["Agreement date"] == ["[date of the agreement]"]
    assert terms["Payments (the Funder pays the Recipient)"] == [
        "Basis: advance", "When paid: on or before each date, or 10 Business Days after its condition is met if later",
        "15 June 2026: £150,000, on condition: Signed Agreement returned"]
    assert terms["Match funding"][1] == "Ashcombe Community Trust: £20,000 (not yet confirmed)"
    assert terms["Security over assets"][1] == "Commercial oven: £10,000, equipment, clawback 2 years"


def test_term_sheet_values_in_key_terms_are_data_not_template_code(catalogue):
    sheet = _modified(lambda d: d["grant"].update(project_name="{{ 7*7 }} [[ref:x]]"), catalogue)
    terms = {k.label: k.lines for k in build_review(sheet, catalogue, today=DRAFT_DATE).key_terms}
    assert terms["Project"][0].startswith("{{ 7*7 }} [[ref:x]]: to run")


# -- positions --------------------------------------------------------------------------------------
def test_positions_list_every_position_with_standard_and_reason(review, catalogue, sheet):
    rows = {r.position: r for r in review.positions}
    assert set(rows) == set(catalogue.positions("grant"))
    for name, row in rows.items():
        assert row.variant == sheet.positions[name]
        assert row.standard_variant == catalogue.positions("grant")[name].standard
    advance = rows["payment_basis"]
    assert (advance.variant, advance.is_standard, advance.chosen_in_sheet) == ("advance", False, True)
    note = next(f.header.note for f in catalogue.positions("grant")["payment_basis"].variants["advance"])
    # the note as the draft shows it: rendered, so the offer letter's shorter note is not this agreement's
    start = " ".join(note.split("{% else %}", 1)[-1].split()).split("{{", 1)[0]
    assert start and advance.reason.startswith(start) and "{{" not in advance.reason
    assert rows["legal_status"].is_standard and not rows["legal_status"].chosen_in_sheet
    assert {n for n, r in rows.items() if not r.is_standard} == {
        "payment_basis", "ip_ownership", "termination_for_convenience"}


# -- deviations -------------------------------------------------------------------------------------
def test_deviations_give_positions_and_out_of_range_figures(review):
    found = {d.label: d for d in review.deviations}
    assert found["Position ip_ownership"].figures == "open-licence chosen; the library's standard is recipient-licence"
    # an assessed subsidy goes on the database whatever its size: no deviation for its size (the findings say so)
    assert "Grant size and the subsidy database" not in found
    assert found["Large sum paid in advance"].figures == "£150,000 paid in advance, above £100,000"
    assert found["Asset clawback period"].figures == "2 years, below the recommended minimum of 3 years"
    assert found["Records kept after the funding period"].where == "grant.records_years"
    assert found["Time to report"].figures == "40 Business Days, above the recommended maximum of 30 Business Days"
    assert "Grant size and minimal financial assistance" not in found  # £150,000 is under £315,000


def test_figures_inside_the_ranges_are_not_deviations(catalogue):
    def fix(d):
        d["grant"]["assets"]["clawback_years"] = 3
        d["grant"]["records_years"] = 6
        d["grant"]["reporting"]["days_after_period"] = 30
        d["positions"]["payment_basis"] = "arrears"

    labels = {d.label for d in build_review(_modified(fix, catalogue), catalogue, today=DRAFT_DATE).deviations}
    assert labels == {"Position ip_ownership", "Position termination_for_convenience"}


# -- placeholders -----------------------------------------------------------------------------------
def test_open_placeholders_with_where_they_appear(review):
    assert review.placeholders == review.assembly.document.placeholders()
    # The agreement's date is written in on completion: a form blank, not an open fact.
    assert ("date", "cover and date") not in review.placeholders
    assert ("date", "cover and date") in review.assembly.document.form_blanks()
    assert ("name of Kitchen's signatory",
            "signature block of O'Neill & Daughters Community Kitchen CIC") in review.placeholders
    # Bank details are never printed in the agreement, so they are never an open placeholder.
    assert not any(label == "Recipient's bank account details" for label, _ in review.placeholders)
    match = next(c for c in review.assembly.document.clauses if c.id == "grant.match-funding")
    assert ("date for confirming match funding", f"clause {match.number} (Match funding)") in review.placeholders


# -- findings ---------------------------------------------------------------------------------------
def test_findings_give_warnings_and_infos_with_location(review):
    # The fixture was made from the example term sheet, so COMMON-STARTER-EXAMPLE rightly fires too.
    rows = {(f.severity, f.rule) for f in review.findings if f.rule != "COMMON-STARTER-EXAMPLE"}
    assert rows == {("warning", "GRANT-MATCH-SOURCES"), ("info", "GRANT-SUBSIDY-DATABASE"),
                    ("info", "GRANT-BUDGET-BELOW-MAX"), ("warning", "GRANT-MATCH-CONFIRM-BY")}
    match = next(f for f in review.findings if f.rule == "GRANT-MATCH-SOURCES")
    assert re.fullmatch(r".*nonstandard\.yaml:\d+: grant\.match_funding\.sources\[0\]", match.where)


def test_errors_are_reported_and_exit_1(tmp_path):
    text = FIXTURE.read_text().replace("amount: 150000\n      condition", "amount: 140000\n      condition")
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    result = _invoke("review", str(bad), "--date", "2026-04-01", "--format", "markdown")
    assert result.exit_code == 1
    assert "| error | GRANT-INSTALMENTS-SUM |" in result.stdout
    assert "Not available: the draft cannot be assembled" in result.stdout
    assert re.search(r"bad\.yaml:\d+: grant\.instalments: GRANT-INSTALMENTS-SUM: the instalments add up",
                     result.stderr)
    assert "Traceback" not in result.output


# -- provenance -------------------------------------------------------------------------------------
def test_provenance_equals_the_word_files_custom_properties(tmp_path):
    draft = tmp_path / "draft.docx"
    assert _invoke("assemble", str(FIXTURE), "-o", str(draft), "--date", "2026-04-01").exit_code == 0
    stored = stored_properties(draft.read_bytes())
    assert CONTENT_HASH in stored  # so the reader can tell whether the draft was edited since
    result = _invoke("review", str(FIXTURE), "--date", "2026-04-01", "--format", "markdown")
    assert result.exit_code == 0
    table = result.stdout.split("## Appendix: provenance")[1]
    shown = dict(re.findall(r"^\| ([a-z_0-9]+) \| (.*) \|$", table, re.M))
    # Every property but the clause list, which the clause table below gives one a row.
    assert shown == {k: v.replace("|", "\\|") for k, v in stored.items() if k != "clauses"}
    for item in stored["clauses"].split(", "):
        clause_id, version = re.match(r"([\w.-]+)@([\d.]+)", item).groups()
        assert re.search(rf"^\| {re.escape(clause_id)} \| {re.escape(version)} \| (draft|approved) \|", table, re.M)


@pytest.fixture
def minilib(tmp_path):
    """The fixture library (no key terms, no ranges) with the real house template: the one in
    tests/fixtures/minilib/templates is a path written as text, not a Word file."""
    import shutil

    from assembler.library.catalogue import load_catalogue
    from assembler.library.paths import LibraryPaths

    shutil.copytree(MINILIB, tmp_path / "minilib")
    shutil.copy(ROOT / "templates" / "house.docx", tmp_path / "minilib" / "templates" / "house.docx")
    return load_catalogue(LibraryPaths(tmp_path / "minilib"))


def test_review_is_family_agnostic_on_a_library_without_review_data(minilib):
    sheet = read_termsheet(minilib.paths.samples / "grant" / "tiny.yaml", minilib)
    review = build_review(sheet, minilib, today=DRAFT_DATE)
    assert review.key_terms == [] and review.properties["family"] == "grant"
    assert [s.title for s in layout(review).sections] == list(SECTION_TITLES)


# -- manifest data ----------------------------------------------------------------------------------
def test_manifest_refuses_a_range_with_neither_bounds_nor_condition():
    base = {"family": "x", "model": "a:B", "rules": "a", "starter": "x.yaml", "title": "T",
            "parties": ["p"], "clauses": ["x.y"]}
    with pytest.raises(ValueError, match="either `field` with `min`/`max`, or `when`"):
        Manifest.model_validate({**base, "recommended": [{"label": "L", "field": "a.b", "reason": "r"}]})
    Manifest.model_validate({**base, "recommended": [{"label": "L", "field": "a.b", "max": "f", "reason": "r"}]})


def test_a_broken_key_term_is_a_library_error_naming_the_manifest(catalogue, sheet, monkeypatch):
    from assembler.library.manifest import KeyTerm

    manifest = catalogue.manifest("grant")
    broken = manifest.model_copy(update={"key_terms": [KeyTerm(label="Bad", value="{{ grant.no_such_field }}")]})
    monkeypatch.setitem(catalogue.manifests, "grant", broken)
    with pytest.raises(LibraryError) as caught:
        build_review(sheet, catalogue, today=DRAFT_DATE)
    assert "grant.yaml: key_terms[0].value: cannot render key term 'Bad'" in str(caught.value)


# -- writers and the command ------------------------------------------------------------------------
def test_markdown_has_every_section_in_order(review):
    text = report_markdown(layout(review))
    headings = re.findall(r"^## (.+)$", text, re.M)
    assert headings == list(SECTION_TITLES)
    assert "| Payment basis | advance | no (standard: arrears) |" in text


def test_html_is_self_contained_and_escaped(review):
    page = report_html(layout(review))
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"<(script|link|img)\b|src=|https?://", page)
    assert "O&#x27;Neill &amp; Daughters Community Kitchen CIC" in page
    assert [m for m in re.findall(r'<section id="([a-z-]+)"', page)] == [
        "-".join(re.findall(r"[a-z]+", t.lower())) for t in SECTION_TITLES]


def test_word_report_has_sections_and_tables(review):
    from docx import Document

    document = Document(io.BytesIO(report_docx(layout(review))))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == list(SECTION_TITLES)
    key_terms = document.tables[0]
    assert key_terms.cell(3, 0).text == "Maximum sum"
    assert key_terms.cell(3, 1).text == "£150,000 (one hundred and fifty thousand pounds)"


@pytest.mark.parametrize("suffix", [".md", ".html", ".docx"])
def test_review_command_writes_the_format_of_the_suffix(tmp_path, suffix):
    out = tmp_path / f"report{suffix}"
    result = _invoke("review", str(SAMPLE), "-o", str(out), "--date", "2026-04-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(out)
    blob = out.read_bytes()
    assert blob.startswith({".md": b"# Review pack", ".html": b"<!DOCTYPE html>", ".docx": b"PK"}[suffix])


def test_review_command_refuses_an_unknown_report_format(tmp_path):
    result = _invoke("review", str(SAMPLE), "-o", str(tmp_path / "report.odt"))
    assert result.exit_code == 1
    assert "cannot write a report as .odt; use one of" in result.stderr
    assert not (tmp_path / "report.odt").exists()


def test_review_of_a_missing_file_is_a_clear_error(tmp_path):
    result = _invoke("review", str(tmp_path / "nope.yaml"))
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "nope.yaml" in result.stderr


def test_term_sheet_hash_in_review_matches_the_sheet(review, sheet):
    assert review.properties["termsheet_sha256"] == sheet.digest


def test_load_text_fixture_round_trip(catalogue):
    # The fixture is a valid term sheet with no errors: the review assembles it.
    sheet = validate(load_text(FIXTURE.read_text(), str(FIXTURE)), catalogue)
    assert build_review(sheet, catalogue, today=DRAFT_DATE).errors == []


@pytest.mark.skipif(not soffice(), reason="LibreOffice (soffice) is not installed")
def test_review_as_pdf(tmp_path):
    out = tmp_path / "report.pdf"
    result = _invoke("review", str(FIXTURE), "-o", str(out), "--date", "2026-04-01")
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")


def test_key_terms_page_stands_alone_in_print(review):
    from docx import Document

    report = layout(review)
    # The key terms open the pack on a page of their own; the appendix starts a page too.
    assert [s.title for s in report.sections if s.new_page] == ["Key terms", "Appendix: provenance"]
    document = Document(io.BytesIO(report_docx(report)))
    body = list(document.element.body)
    breaks = [i for i, el in enumerate(body) if el.xpath(".//w:br[@w:type='page']")]
    positions_heading = next(i for i, el in enumerate(body) if el.xpath("string(.)") == "Positions")
    assert len(breaks) == 2 and breaks[0] < positions_heading < breaks[1]
    assert 'class="new-page"' in report_html(report).split('<section id="positions">')[0]


def test_a_manifest_without_key_terms_says_so(minilib):
    sheet = read_termsheet(minilib.paths.samples / "grant" / "tiny.yaml", minilib)
    text = report_markdown(layout(build_review(sheet, minilib, today=DRAFT_DATE)))
    assert "The grant manifest lists no key terms (key_terms in templates/grant.yaml)." in text


def test_a_range_over_every_item_of_a_list(catalogue, sheet, monkeypatch):
    from assembler.library.manifest import Recommended

    manifest = catalogue.manifest("grant")
    entry = Recommended(label="Instalment size", field="grant.instalments[].amount", max=100000, unit="GBP",
                        reason="Large single instalments concentrate risk.")
    monkeypatch.setitem(catalogue.manifests, "grant", manifest.model_copy(update={"recommended": [entry]}))
    deviations = build_review(sheet, catalogue, today=DRAFT_DATE).deviations
    found = next(d for d in deviations if d.label == "Instalment size")
    assert found.figures == ("grant.instalments[0].amount: £150,000, above the recommended maximum of £100,000")


def test_library_check_follows_list_steps(catalogue):
    from assembler.review.check import _has_path

    model = catalogue.manifest("grant").model_class()
    assert _has_path(model, "grant.instalments[].amount")
    assert not _has_path(model, "grant.instalments.amount")
    assert not _has_path(model, "grant.maximum_sum[]")


def test_form_blanks_are_not_open_facts_in_the_review_pack(catalogue):
    sheet = read_termsheet(ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml", catalogue)
    review = build_review(sheet, catalogue, today=DRAFT_DATE)
    # the sheet gives every fact, the agreed KPI levels included (r25 al-sample finding 8: levels the draft works out
    # itself would be open facts in square brackets)
    assert review.placeholders == []
    # r17 al-sample finding 4: the case system's processing terms are Schedule 7, so the deed is Schedule 8
    assert ("full name of the joining organisation", "Schedule 8 (Form of Accession Deed)") in review.form_blanks
    section = next(s for s in layout(review).sections if s.title == "Open placeholders")
    assert section.paragraphs[0] == "None: every fact is supplied."
    # the date (written in on completion, on the cover and in the accession deed) and the accession
    # deed's own blanks, including the dates of the members' agreement and of the Commissioner's
    # procurement confirmation; one authorised signatory signs a simple contract for every form but a
    # CIO, whose second charity trustee (Shelter Point Trust's) is written in at signing; and the deed's
    # annexed share table (annual value and shares for each of the eight members and the new one, and
    # the total: 28), its execution blocks for a company, a CIO, a registered society (9), a council under seal
    # and an NHS body (4), and the new member's Fee percentage (the alliance pays Fees)
    # r16 al-sample finding 21: the Council row of the annex is pre-filled (£0, 0%, 0%), three blanks fewer
    # r22 al-sample 15 / al-fresh 8: Shelter Point (a CIO naming one signatory) signs by it, so no second-trustee blank
    assert "Not counted: 52 blanks in forms" in section.paragraphs[1]
    assert "signature block of Shelter Point Trust" not in section.paragraphs[1]


def test_the_terminal_gets_plain_text_in_words_not_codes():
    result = _invoke("review", str(SAMPLE), "--date", "2026-04-01")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("Review pack: ") and "|" not in text and "<br>" not in text
    assert "Payment basis" in text and "| payment_basis" not in text
    read = text.split("Deviations\n")[0]  # key terms and positions: field paths appear later, as paths
    assert not re.search(r"\b[a-z]+_[a-z]+\b", read)
    assert all(len(line) <= 100 for line in text.splitlines() if " " in line.strip())


def test_positions_whose_clause_is_not_in_the_draft_are_named_once_not_tabled(review):
    text = report_markdown(layout(review))
    positions = text.split("## Positions")[1].split("## Deviations")[0]
    assert "clause not in this draft" not in positions
    unused = [p for p in review.positions if not p.in_draft]
    if unused:
        assert "Not used in this draft: " in positions


def test_excess_profit_key_term_keeps_the_carry_forward_apart_from_the_price_cover(catalogue):
    """The carry-forward clause ends in a block tag, whose newline Jinja trims: the next key-term line
    ran on ("carried forwardPrices at expected units ...") in every reinvest or split sheet with one."""
    base = ROOT / "samples" / "open-book" / "short-breaks-charity.yaml"
    sheet = _modified(lambda d: d["open_book"]["excess"].update(carry_below=5000), catalogue, base)
    lines = {k.label: k.lines for k in build_review(sheet, catalogue, today=DRAFT_DATE).key_terms}["Excess profit"]
    assert lines[0].endswith("amounts under £5,000 carried forward")
    assert lines[1].startswith("Prices at expected units")


def test_a_departure_written_into_another_clause_is_in_the_draft(catalogue):
    """r22 writer: supported living's void payment (open_book_voids: void-payment) is drafted in the
    core-support clause; the pack listed it as a departure and also as "not used in this draft"."""
    base = ROOT / "samples" / "open-book" / "supported-living-company.yaml"

    def change(d):
        d.setdefault("positions", {})["open_book_voids"] = "void-payment"
        d["services"]["void_rate"] = 50
    sheet = _modified(change, catalogue, base)
    review = build_review(sheet, catalogue, today=DRAFT_DATE)
    voids = next(p for p in review.positions if p.position == "open_book_voids")
    assert not voids.is_standard and voids.in_draft
    assert "empty tenancy" in voids.reason and "placement is matched" not in voids.reason
    assert "keep staff ready to start that person's" in "\n".join(
        p.text for c in review.assembly.document.all_clauses() for p in iter_paragraphs(c.blocks))
