"""Leaving a value empty works as the README promises: a text becomes an open fact (a placeholder
the draft highlights and --final refuses, at its line), an optional field takes its default, and a
figure or date the checks need is refused in plain words saying why."""

from __future__ import annotations

import re

import pytest

from assembler.errors import UserError
from assembler.model import holes_in
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import ROOT

COMMUNITY = (ROOT / "samples" / "grant" / "community-single-payment.yaml").read_text()


def _without(text: str, pattern: str, replacement: str) -> str:
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    assert changed != text, pattern
    return changed


def _line(text: str, needle: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith(needle))


def _open_sheet() -> str:
    text = _without(COMMUNITY, r"^  address: Brookside.*$", "  address:")
    text = _without(text, r"^  purpose: >-\n.*\n.*$", "  purpose:")
    text = _without(text, r"^  statutory_power: .*$", "  statutory_power:")
    return _without(text, r"^    frequency: six-monthly\n    days_after_period", "    frequency:\n    days_after_period")


def test_an_empty_required_text_is_an_open_fact_with_its_line_and_who_supplies_it(catalogue):
    text = _open_sheet()
    sheet = validate(load_text(text, "s.yaml"), catalogue)
    facts = {f.label: f for f in sheet.open_facts}
    assert set(facts) == {"Recipient's address", "purpose of the grant", "statutory power of the grant"}
    assert facts["purpose of the grant"].line == _line(text, "  purpose:")
    assert facts["purpose of the grant"].supplier == "commissioner"
    assert facts["statutory power of the grant"].supplier == "legal"
    assert holes_in(sheet.model.recipient.address) == ["Recipient's address"]


def test_an_empty_optional_field_takes_its_default(catalogue):
    sheet = validate(load_text(_open_sheet(), "s.yaml"), catalogue)
    assert sheet.model.grant.reporting.frequency == "quarterly"


def test_a_required_text_left_out_of_a_group_given_is_open_too(catalogue):
    """The web form leaves an unanswered question out altogether."""
    text = _without(COMMUNITY, r"^  project_name: .*\n", "")
    sheet = validate(load_text(text, "s.yaml"), catalogue)
    assert [f.label for f in sheet.open_facts] == ["project name of the grant"]


def test_an_empty_list_of_required_text_holds_one_open_fact(catalogue):
    text = _without(COMMUNITY, r"^  activities:\n(    - .*\n)+", "  activities:\n")
    sheet = validate(load_text(text, "s.yaml"), catalogue)
    assert [f.label for f in sheet.open_facts] == ["activities of the grant"]
    assert len(sheet.model.grant.activities) == 1


@pytest.mark.parametrize("field, needle, expected", [
    ("maximum_sum", "  maximum_sum: 12500", "this amount is needed for the draft and the checks on its sums: "
                                           "write it in pounds, e.g. 12500"),
    ("funding_period.start", "    start: 2027-04-01", "this date is needed for the draft and the checks on its "
                                                      "dates: write it as YYYY-MM-DD, e.g. 2027-03-31"),
])
def test_an_empty_figure_or_date_says_why_it_is_needed_at_its_line(catalogue, field, needle, expected):
    key = needle.split(":")[0]
    text = COMMUNITY.replace(needle, key + ":")
    with pytest.raises(UserError) as caught:
        validate(load_text(text, "s.yaml"), catalogue)
    [problem] = caught.value.problems
    assert problem.line == _line(text, key + ":")
    assert problem.field == f"grant.{field}" and problem.message == f"is empty: {expected}"


def test_a_text_other_parts_are_built_from_cannot_be_open(catalogue):
    """A short name is the draft's defined term: an empty one is refused, with its description."""
    text = COMMUNITY.replace("  short_name: Recipient", "  short_name:")
    with pytest.raises(UserError) as caught:
        validate(load_text(text, "s.yaml"), catalogue)
    [problem] = caught.value.problems
    assert problem.field == "recipient.short_name"
    assert problem.message.startswith("is empty: this is needed (other parts of the draft are built from it): "
                                      "The defined term the draft uses")
    assert "pattern" not in problem.message and "String" not in problem.message


def test_open_facts_are_placeholders_in_the_draft_and_final_lists_each_at_its_line(catalogue, tmp_path):
    from assembler.assemble import assemble
    from assembler.operations import draft_bytes
    from assembler.writers.text import to_text

    text = _open_sheet()
    path = tmp_path / "s.yaml"
    path.write_text(text)
    sheet = validate(load_text(text, str(path)), catalogue)
    import datetime as dt

    doc = assemble(sheet, catalogue, today=dt.date(2026, 12, 3)).document
    labels = {label for label, _ in doc.placeholders()}
    assert {"Recipient's address", "purpose of the grant", "statutory power of the grant"} <= labels
    words = to_text(doc)
    assert "of [Recipient's address] (the Recipient)" in words
    assert "\ue002" not in words and "\ue000" not in words
    with pytest.raises(UserError) as caught:
        draft_bytes(sheet, catalogue, final=True, today=dt.date(2026, 12, 3))
    by_field = {p.field: p for p in caught.value.problems}
    assert by_field["grant.purpose"].line == _line(text, "  purpose:")
    assert "[purpose of the grant] is still open in recitals" in by_field["grant.purpose"].message
    assert by_field["recipient.address"].message.endswith("is still open in parties; recitals: fill in this field")


def test_the_open_fact_in_a_party_name_is_highlighted_in_the_word_file(catalogue):
    import datetime as dt
    import io

    from docx import Document as WordDocument

    from assembler.assemble import assemble
    from assembler.writers.docx import render_docx

    text = _without(COMMUNITY, r"^  address: Brookside.*$", "  address:")
    sheet = validate(load_text(text, "s.yaml"), catalogue)
    doc = assemble(sheet, catalogue, today=dt.date(2026, 12, 3)).document
    word = WordDocument(io.BytesIO(render_docx(doc, catalogue.paths.house, notes="none")))
    runs = [r for p in word.paragraphs for r in p.runs if r.text == "[Recipient's address]"]
    assert runs and all(r.font.highlight_color is not None for r in runs)
    assert not any("\ue002" in p.text for p in word.paragraphs)


def test_an_optional_group_or_row_left_wholly_empty_is_not_given(catalogue):
    """As `new --blank` writes them: an empty match-funding group and an empty prior-assistance row."""
    text = COMMUNITY.replace("  application:\n", "  match_funding:\n    percentage:\n    total_project_cost:\n  application:\n")
    text = _without(text, r"^      - financial_year: 2025/26\n        amount: 3000\n.*\n",
                    "      - financial_year:\n        amount:\n        granting_body:\n")
    sheet = validate(load_text(text, "s.yaml"), catalogue)
    assert sheet.model.grant.match_funding is None
    assert [p.financial_year for p in sheet.model.grant.subsidy.prior_assistance] == ["2026/27"]


@pytest.mark.parametrize("loc, label", [
    (("grant", "purpose"), "purpose of the grant"),
    (("grant", "budget", 1, "item"), "budget line 2: item"),
    (("grant", "kpis", 0, "target"), "KPI 1: target"),
    (("grant", "match_funding", "sources", 2, "source"), "match funding source 3: source"),
    (("grant", "assets", "items", 0, "description"), "asset 1: description"),
    (("grant", "subsidy", "rationale"), "rationale of the subsidy"),
    (("open_book", "related_parties", 0, "name"), "related party 1: name"),
])
def test_placeholder_labels_are_in_a_lawyers_words_not_field_paths(loc, label):
    from assembler.termsheet.empty import _label
    from assembler.termsheet.grant import GrantTermSheet

    assert _label(loc, GrantTermSheet, {}) == label
    assert "_" not in label and "." not in label
