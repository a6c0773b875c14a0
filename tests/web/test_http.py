"""The web app over the HTTP client: messages at fields, round trips, safety, the library browser.

Fast enough to run every sample; the browser journeys are in test_browser.py."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

from tests.conftest import samples
from tests.web.formdata import encoded, form_fields, hidden_state


def _upload(client, path):
    return client.post("/upload", files={"termsheet": (path.name, path.read_bytes(), "application/yaml")})


def test_a_date_typed_the_british_way_is_explained_at_the_field_and_in_the_summary(client):
    page = client.post("/form", data={"family": "grant", "action": "check",
                                      "grant.funding_period.start": "31/10/2026"}).text
    message = "write dates as YYYY-MM-DD, for example 2026-10-31"
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', page, re.S).group(1)
    assert re.search(r'href="#f-grant-funding-period-start">.*' + re.escape(message), summary)
    assert re.search(r'id="f-grant-funding-period-start-error">.*' + re.escape(message), page)
    assert "<title>Error: " in page
    # the same words as the command line
    from assembler.errors import UserError
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate
    from assembler.library.catalogue import load_catalogue

    with pytest.raises(UserError) as e:
        validate(load_text("family: grant\ngrant:\n  funding_period:\n    start: 31/10/2026\n"), load_catalogue())
    assert any(p.field == "grant.funding_period.start" and message in p.message for p in e.value.problems)


def test_a_missing_answer_inside_a_required_group_is_named_at_its_own_field(client):
    page = client.post("/form", data={"family": "grant", "action": "check"}).text
    assert 'href="#f-funder-short-name"' in page and 'href="#f-grant-maximum-sum"' in page
    # a text left empty is an open fact (a placeholder in the draft), not an error
    assert 'href="#f-funder-name"' not in page


@pytest.mark.parametrize("sample", samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_sample_uploads_and_downloads_unchanged_in_meaning(client, catalogue, sample):
    from assembler.operations import read_upload
    from assembler.termsheet.validate import read_termsheet

    form = _upload(client, sample)
    assert form.status_code == 200
    checked = client.post("/form", **encoded(form_fields(form.text)))
    assert "Check your answers</h1>" in checked.text
    downloaded = client.post("/download", data={"state": hidden_state(checked.text), "kind": "yaml"})
    assert downloaded.headers["content-disposition"].endswith('.yaml"')
    text = downloaded.content.decode()
    assert text.startswith("# partnerdraft term sheet:")  # the starter's commented format
    before, after = read_termsheet(sample, catalogue), read_upload(downloaded.content, "downloaded", catalogue)
    assert after.model.model_dump(mode="json", exclude={"positions"}) == \
        before.model.model_dump(mode="json", exclude={"positions"})
    assert after.positions == before.positions
    # the same draft, word for word: a field or position left out and then written out at its standard would
    # dump the same but read as instructed (the notes say "as instructed")
    assert _draft_text(downloaded.content, catalogue) == _draft_text(sample.read_bytes(), catalogue)


def test_add_another_and_remove_keep_the_other_answers(client):
    fields = [("family", "alliance"), ("alliance.name", "Harbour Alliance"), ("__rows:members", "1"),
              ("members[0].name", "First Trust"), ("action", "add:members")]
    page = client.post("/form", **encoded(fields)).text
    assert 'name="members[1].name"' in page and "First Trust" in page and "Harbour Alliance" in page
    fields = [(k, v) for k, v in form_fields(page)] + [("action", "remove:members[0]")]
    page = client.post("/form", **encoded(fields)).text
    assert "First Trust" not in page and 'name="members[0].name"' in page and 'name="members[1].name"' not in page


def test_rule_findings_are_listed_by_severity_and_linked_to_their_fields(client):
    sample = samples("grant")[0]
    form = _upload(client, sample)
    fields = [(k, "1" if k == "grant.maximum_sum" else v) for k, v in form_fields(form.text)]
    page = client.post("/form", **encoded(fields)).text
    assert "Errors from the consistency rules" in page
    assert re.search(r'action="/form#f-grant-[a-z-]+"', page)  # each finding's Change goes to its field
    assert 'id="download-docx"' not in page  # no draft while the rules find errors
    assert 'id="download-yaml"' in page


def test_the_check_page_shows_the_review_pack(client):
    form = _upload(client, samples("grant")[1])
    page = client.post("/form", **encoded(form_fields(form.text))).text
    assert 'id="review-pack"' in page and "Key terms" in page


def test_word_download_is_the_draft_the_command_line_makes(client, catalogue, tmp_path):
    sample = samples("grant")[1]
    page = client.post("/form", **encoded(form_fields(_upload(client, sample).text))).text
    state = hidden_state(page)
    docx = client.post("/download", data={"state": state, "kind": "docx"})
    assert docx.content[:2] == b"PK"
    yaml = client.post("/download", data={"state": state, "kind": "yaml"}).content
    (tmp_path / "sheet.yaml").write_bytes(yaml)
    from assembler.operations import DraftRequest, write_draft
    from tests.web.conftest import DRAFT_DATE

    write_draft(DraftRequest(tmp_path / "sheet.yaml", tmp_path / "cli.docx", today=DRAFT_DATE), catalogue)
    assert (tmp_path / "cli.docx").read_bytes() == docx.content


def test_headers_forbid_scripts_from_elsewhere_and_framing(client):
    response = client.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "set-cookie" not in response.headers


def test_uploads_go_through_the_same_loader(client):
    bomb = b"family: grant\na: &x [1]\nb: *x\n"
    page = client.post("/upload", files={"termsheet": ("x.yaml", bomb)})
    assert page.status_code == 400 and "alias" in page.text.lower()
    binary = client.post("/upload", files={"termsheet": ("x.yaml", b"family: grant\x00")})
    assert "binary" in binary.text


def test_an_oversized_upload_is_refused(client):
    response = client.post("/upload", files={"termsheet": ("x.yaml", b"a" * 5_000_000)})
    assert response.status_code == 413


def test_a_cross_site_post_is_refused(client):
    response = client.post("/form", data={"family": "grant"}, headers={"origin": "https://evil.example"})
    assert response.status_code == 403


def test_hostile_values_appear_literally(client):
    hostile = '<script>alert(1)</script>{{ 7*7 }}'
    page = client.post("/form", data={"family": "grant", "action": "check", "grant.project_name": hostile}).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;{{ 7*7 }}" in page


def test_an_unknown_family_is_refused_not_used_as_a_path(client):
    assert client.get("/new?family=../../etc").status_code == 400
    assert client.get("/library/..%2F..%2Fetc").status_code in (400, 404)


def test_library_shows_each_positions_variants_side_by_side_with_notes_and_versions(client, catalogue):
    for family in catalogue.manifests:
        page = client.get(f"/library/{family}").text
        for name, position in catalogue.positions(family).items():
            assert f'id="position-{name}"' in page
            for variant in position.variants:
                assert f">{variant}" in page
        assert re.search(r"v\d+\.\d+\.\d+", page)


def test_library_lists_the_deviations_of_an_uploaded_term_sheet(client):
    sample = next(p for p in samples("grant") if "positions:" in p.read_text())
    page = client.post("/library/grant/deviations", files={"termsheet": (sample.name, sample.read_bytes())}).text
    assert "What this term sheet changes" in page


def test_compare_downloads_a_redline(client):
    old, new = samples("grant")[1], samples("grant")[2]
    response = client.post("/compare", files={"old": (old.name, old.read_bytes()), "new": (new.name, new.read_bytes())})
    assert response.status_code == 200 and response.content[:2] == b"PK"
    assert b"<w:ins" in __import__("zipfile").ZipFile(__import__("io").BytesIO(response.content)).read("word/document.xml")


def test_serve_prints_its_address_and_answers(tmp_path):
    pytest.importorskip("uvicorn")
    import urllib.request

    proc = subprocess.Popen([sys.executable, "-m", "assembler", "serve", "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, line + proc.stderr.read() if proc.poll() is not None else line
        with urllib.request.urlopen(match.group(0), timeout=10) as response:
            assert b"Start a new term sheet" in response.read()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_pdf_download_when_libreoffice_is_installed(client):
    from tests.conftest import soffice

    if not soffice():
        pytest.skip("LibreOffice (soffice) is not installed")
    form = _upload(client, samples("grant")[1])
    page = client.post("/form", **encoded(form_fields(form.text))).text
    assert 'id="download-pdf"' in page
    pdf = client.post("/download", data={"state": hidden_state(page), "kind": "pdf"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


def test_a_text_left_empty_in_the_form_is_a_placeholder_in_the_draft_and_review(client):
    """The form's path to an open fact: an unanswered text is left out of the posted data, becomes
    a placeholder (not an error), and the review pack lists it under the commissioner's facts."""
    sample = next(p for p in samples("grant") if p.stem == "community-single-payment")
    fields = [(k, "" if k == "grant.project_name" else v) for k, v in form_fields(_upload(client, sample).text)]
    page = client.post("/form", **encoded(fields)).text
    assert "Check your answers</h1>" in page and 'href="#f-grant-project-name"' not in page
    assert "project name of the grant" in page and "The commissioner can supply" in page
    state = hidden_state(page)
    assert "\ue002" not in state
    docx = client.post("/download", data={"state": state, "kind": "docx"})
    import io

    from docx import Document as WordDocument

    text = "\n".join(p.text for p in WordDocument(io.BytesIO(docx.content)).paragraphs)
    assert "[project name of the grant]" in text and "\ue002" not in text


def test_the_form_asks_legal_questions_last_under_their_own_heading(client):
    page = client.post("/form", data={"family": "grant", "action": "check"}).text
    assert '<h1 class="govuk-heading-xl">Grant Funding Agreement</h1>' in page  # the title as drafted, not its template
    legal = page.index("Legal completes this")
    assert page.index('id="f-grant-purpose"') < legal < page.index('id="f-grant-statutory-power"')
    assert legal < page.index('id="f-positions"')


def test_an_amount_left_empty_in_the_form_says_why_it_is_needed_at_its_field(client):
    sample = next(p for p in samples("grant") if p.stem == "community-single-payment")
    fields = [(k, "" if k == "grant.maximum_sum" else v) for k, v in form_fields(_upload(client, sample).text)]
    page = client.post("/form", **encoded(fields)).text
    message = "this amount is needed for the draft and the checks on its sums: write it in pounds, e.g. 12500"
    assert re.search(r'id="f-grant-maximum-sum-error">.*' + re.escape(message), page, re.S)
    summary = re.search(r'govuk-error-summary__list">(.*?)</ul>', page, re.S).group(1)
    assert message in summary and "Input should" not in summary and "decimal" not in summary


def test_a_list_with_standard_rows_shows_them_and_an_emptied_list_stays_empty(client):
    sample = next(p for p in samples() if p.stem == "childrens-homes-charity")
    assert "occupancy_scenarios" not in sample.read_text()
    fields = form_fields(_upload(client, sample).text)
    row = re.compile(r"open_book\.occupancy_scenarios\[\d\]")
    assert [v for k, v in fields if row.fullmatch(k)] == ["80", "90", "95"]  # shown, so removing them is an answer

    def downloaded(fields):
        checked = client.post("/form", **encoded(fields))
        assert "Check your answers</h1>" in checked.text
        return client.post("/download", data={"state": hidden_state(checked.text), "kind": "yaml"}).content.decode()

    assert "occupancy_scenarios" not in downloaded(fields)  # left alone: the standard, not written out
    emptied = [(k, "0" if k.endswith(":open_book.occupancy_scenarios") else v) for k, v in fields if not row.fullmatch(k)]
    assert re.search(r"occupancy_scenarios: \[\]", downloaded(emptied))
    changed = [(k, "85" if k == "open_book.occupancy_scenarios[0]" else v) for k, v in fields]
    assert re.search(r"occupancy_scenarios:(\s*- 85\s*- 90\s*- 95| \[85, 90, 95\])", downloaded(changed))


# ---- a sheet keeps its meaning through the form: a default list or a position it leaves out stays out --

def _default_of(info):
    if info.default_factory is not None:
        try:
            return info.default_factory()
        except TypeError:  # a factory that reads the validated data
            return None
    return None if info.is_required() else info.default


def default_list_fields(model, prefix=""):
    """Every field (dotted path; `[]` for each row of a list) whose default is a non-empty list or dict."""
    from pydantic import BaseModel

    from assembler.library.fields import unwrap

    found = []
    for key, info in model.model_fields.items():
        path = f"{prefix}.{key}" if prefix else key
        default = _default_of(info)
        if isinstance(default, (list, dict)) and default:
            found.append((path, info))
        inner = unwrap(info.annotation)
        if isinstance(inner, tuple) and isinstance(inner[1], type) and issubclass(inner[1], BaseModel):
            found += default_list_fields(inner[1], path + "[]")
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            found += default_list_fields(inner, path)
    return found


def _family_models():
    from assembler.library.catalogue import load_catalogue

    catalogue = load_catalogue()
    return {family: catalogue.manifest(family).model_class() for family in sorted(catalogue.manifests)}


def _without(text: str, path: str) -> str | None:
    """The sheet with the field at `path` taken out (from every row, for `[]`), or None where the sheet has
    no block holding it (a grant with no open-book terms)."""
    import io

    from ruamel.yaml import YAML

    yaml = YAML()
    data = yaml.load(text)
    holders = [data]
    *blocks, leaf = path.split(".")
    for block in blocks:
        key, rows = block.removesuffix("[]"), block.endswith("[]")
        holders = [h[key] for h in holders if isinstance(h, dict) and isinstance(h.get(key), (dict, list))]
        if rows:
            holders = [row for h in holders if isinstance(h, list) for row in h]
    holders = [h for h in holders if isinstance(h, dict)]
    if not holders:
        return None
    for h in holders:
        h.pop(leaf, None)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _default_list_cases():
    cases = []
    for family, model in _family_models().items():
        for path, _ in default_list_fields(model):
            for sample in samples(family):
                text = _without(sample.read_text(encoding="utf-8"), path)
                if text is not None:
                    cases.append(pytest.param(sample, path, text, id=f"{family}/{sample.stem}/{path}"))
    return cases


def _draft_text(blob: bytes, catalogue) -> str:
    from assembler.assemble import assemble
    from assembler.operations import read_upload
    from assembler.writers.text import to_text
    from tests.web.conftest import DRAFT_DATE

    return to_text(assemble(read_upload(blob, "sheet", catalogue), catalogue, today=DRAFT_DATE).document, notes=True)


def _round_trip(client, name: str, blob: bytes, change=None) -> tuple[str, bytes]:
    """Upload, check (the form posted as shown, or as `change` alters its fields), download the term sheet:
    the checked state and the downloaded YAML."""
    form = client.post("/upload", files={"termsheet": (name, blob, "application/yaml")})
    assert form.status_code == 200
    fields = form_fields(form.text)
    checked = client.post("/form", **encoded(change(fields) if change else fields))
    assert "Check your answers</h1>" in checked.text
    state = hidden_state(checked.text)
    return state, client.post("/download", data={"state": state, "kind": "yaml"}).content


def test_every_field_with_a_default_list_is_one_the_form_can_show_at_its_standard():
    """A default the form cannot show (a list of groups, a mapping) would be lost or written out by a round trip:
    such a field needs the form's standard rows first. Each is also explained in the starter's comment."""
    from assembler.termsheet.starter import default_list, describe

    found = {(family, path): info for family, model in _family_models().items()
             for path, info in default_list_fields(model)}
    assert ("alliance", "alliance.no_blame_carve_outs") in found
    assert ("open-book", "open_book.occupancy_scenarios") in found
    for (family, path), info in found.items():
        assert default_list(info), f"{family} {path}: the form cannot show this default"
        assert "Left out" in describe(info), f"{family} {path}: the comment does not say what applies when left out"
    # every such field is covered by a sample that leaves it out (a block every family shares, such as the open-book
    # terms, by any family's sample: no alliance or co-investment sample has that block)
    assert {p.values[1] for p in _default_list_cases()} == {path for _, path in found}


@pytest.mark.parametrize("sample,path,text", _default_list_cases())
def test_a_sheet_leaving_out_a_default_list_keeps_its_draft_through_the_form(client, catalogue, sample, path, text):
    blob = text.encode("utf-8")
    state, downloaded = _round_trip(client, sample.name, blob)
    leaf = path.rsplit(".", 1)[-1]
    assert leaf not in state and f"{leaf}:" not in downloaded.decode()  # left out, so the default applies
    assert _draft_text(downloaded, catalogue) == _draft_text(blob, catalogue)
    # "Change" from the check page and check again: still left out
    back = client.post("/form", data={"family": sample.parent.name, "state": state})
    checked = client.post("/form", **encoded(form_fields(back.text)))
    assert leaf not in hidden_state(checked.text)


def test_carve_outs_left_out_are_shown_ticked_and_unticking_them_all_is_an_answer(client, catalogue):
    sample = samples("alliance")[0]
    text = _without(sample.read_text(encoding="utf-8"), "alliance.no_blame_carve_outs")
    form = client.post("/upload", files={"termsheet": (sample.name, text.encode(), "application/yaml")}).text
    from assembler.termsheet.alliance import Alliance

    standard = Alliance.model_fields["no_blame_carve_outs"].default_factory()
    ticked = [v for k, v in form_fields(form) if k == "alliance.no_blame_carve_outs"]
    assert ticked == standard and "Shown at the standard (wilful_default, fraud" in form
    unticked = lambda fields: [(k, v) for k, v in fields if k != "alliance.no_blame_carve_outs"]  # noqa: E731
    _, downloaded = _round_trip(client, sample.name, text.encode(), unticked)
    assert re.search(r"no_blame_carve_outs: \[\]", downloaded.decode())
    one_more = lambda fields: fields + [("alliance.no_blame_carve_outs", "insolvency")]  # noqa: E731
    _, downloaded = _round_trip(client, sample.name, text.encode(), one_more)
    assert "insolvency" in re.search(r"no_blame_carve_outs:[^:]*", downloaded.decode()).group(0)


def test_a_list_given_at_its_default_stays_given(client, catalogue):
    """Written out, a list equal to the default is still the sheet's instruction (the carve-outs' note says
    'as instructed' only then), so the form keeps it written out."""
    from assembler.termsheet.alliance import Alliance

    sample = samples("alliance")[0]
    standard = Alliance.model_fields["no_blame_carve_outs"].default_factory()
    text = _without(sample.read_text(encoding="utf-8"), "alliance.no_blame_carve_outs")
    text = text.replace("\nalliance:\n", f"\nalliance:\n  no_blame_carve_outs: [{', '.join(standard)}]\n", 1)
    assert "no_blame_carve_outs: [" in text
    blob = text.encode()
    state, downloaded = _round_trip(client, sample.name, blob)
    assert "no_blame_carve_outs" in state and "no_blame_carve_outs:" in downloaded.decode()
    assert _draft_text(downloaded, catalogue) == _draft_text(blob, catalogue)


def test_adding_a_row_to_a_list_shown_at_its_standard_keeps_the_standard_rows(client):
    sample = next(p for p in samples() if p.stem == "childrens-homes-charity")
    fields = form_fields(_upload(client, sample).text)
    assert ("__standard:open_book.occupancy_scenarios", "1") in fields
    page = client.post("/form", **encoded(fields + [("action", "add:open_book.occupancy_scenarios")])).text
    rows = re.compile(r"open_book\.occupancy_scenarios\[\d\]")
    after = form_fields(page)
    assert [v for k, v in after if rows.fullmatch(k)] == ["80", "90", "95", ""]
    assert "__standard:open_book.occupancy_scenarios" not in dict(after)  # edited: now the sheet's own rows
    page = client.post("/form", **encoded(fields + [("action", "remove:open_book.occupancy_scenarios[1]")])).text
    assert [v for k, v in form_fields(page) if rows.fullmatch(k)] == ["80", "95"]


def test_positions_left_out_stay_left_out_and_one_chosen_at_its_standard_stays_chosen(client, catalogue):
    """A position written out reads as instructed (the notes say so), so a downloaded sheet lists only the
    positions the sheet chose, even one chosen at its standard."""
    sample = next(p for p in samples("open-book") if p.stem == "childrens-homes-charity")
    given = {"open_book_excess", "dispute_route"}
    assert all(f"  {name}:" in sample.read_text() for name in given)
    state, downloaded = _round_trip(client, sample.name, sample.read_bytes())
    import json

    from assembler.termsheet.loader import load_text

    assert set(json.loads(state)["positions"]) == given
    assert set(load_text(downloaded.decode(), "t.yaml").data["positions"]) == given
    standard = catalogue.positions("open-book")["open_book_losses"].standard
    chosen = sample.read_text().replace("positions:\n", f"positions:\n  open_book_losses: {standard}\n", 1)
    _, downloaded = _round_trip(client, sample.name, chosen.encode())
    assert f"open_book_losses: {standard}" in downloaded.decode()
    assert _draft_text(downloaded, catalogue) == _draft_text(chosen.encode(), catalogue)
    assert _draft_text(downloaded, catalogue) != _draft_text(sample.read_bytes(), catalogue)  # instructed: another note


def test_the_starter_says_what_applies_when_a_default_list_is_left_out():
    from assembler.library.catalogue import load_catalogue
    from assembler.termsheet.starter import starter

    text = starter(load_catalogue(), "alliance")
    comment = re.search(r"\n(\s*#[^\n]*\n)+\s*no_blame_carve_outs:", text).group(0)
    assert "Left out: the draft proposes all but insolvency and abandonment" in comment
