"""`library check` finds England-only law that a draft for Wales would print: each citation of an
instrument law.yaml marks england_only, outside a branch a Welsh draft skips, is a fault at its line."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from assembler.library.extent import check_extent, citations_without_welsh_form, england_only

INSTRUMENTS = [("care_act", {"title": "Care Act 2014", "cites": ["Care Act 2014"], "england_only": True}),
               ("localism", {"title": "Localism Act 2011, s.1", "cites": ["section 1 of the Localism Act"],
                             "england_only": True})]


def lines_found(text: str) -> list[tuple[int, str]]:
    return [(line, name) for line, name, _entry, _cited in citations_without_welsh_form(text, INSTRUMENTS)]


def test_a_bare_citation_is_a_fault_at_its_line():
    text = "---\nid: common.x\nnote: >\n  Check the Care Act 2014.\n---\nA body under the Care Act 2014.\n"
    assert lines_found(text) == [(4, "care_act"), (6, "care_act")]


def test_words_broken_across_a_folded_line_are_found():
    text = "---\nnote: >\n  relies on section 1 of the\n  Localism Act 2011.\n---\nBody.\n"
    assert lines_found(text) == [(3, "localism")]


def test_a_welsh_form_beside_it_is_quiet():
    text = ("{% if document.wales %}section 126 of the Social Services and Well-being (Wales) Act 2014"
            "{% else %}section 42 of the Care Act 2014{% endif %}\n")
    assert lines_found(text) == []


def test_a_branch_for_england_only_is_quiet_and_its_else_is_checked():
    text = ("{% if not document.wales %}Care Act 2014{% endif %}\n"
            "{% if document.country == 'england' %}Care Act 2014{% else %}Care Act 2014{% endif %}\n")
    assert lines_found(text) == [(2, "care_act")]  # only the else branch, which Wales takes


def test_a_condition_that_does_not_test_the_country_is_no_welsh_form():
    text = "{% if grant.vulnerable_people %}Care Act 2014{% endif %}\n"
    assert lines_found(text) == [(1, "care_act")]


def test_an_elif_after_a_welsh_branch_is_skipped_by_welsh_drafts():
    text = "{% if document.wales %}Welsh{% elif grant.x %}Care Act 2014{% else %}Care Act 2014{% endif %}\n"
    assert lines_found(text) == []


def test_sources_may_name_the_english_law():
    text = "---\nid: common.x\nsources:\n  - Care Act 2014, s.42\n  - Social Services and Well-being (Wales) Act 2014\n---\nBody.\n"
    assert lines_found(text) == []


def fake_catalogue(tmp_path: Path, text: str, when: str | None = None):
    path = tmp_path / "x.md"
    path.write_text(text, encoding="utf-8")
    clause = SimpleNamespace(path=path, header=SimpleNamespace(when=when))
    return SimpleNamespace(files=[clause], law=dict(INSTRUMENTS))


def test_the_check_reports_file_line_and_the_welsh_counterpart(tmp_path):
    cat = fake_catalogue(tmp_path, "---\nid: common.x\n---\nAn enquiry under the Care Act 2014.\n")
    cat.law["care_act"]["wales"] = "Social Services and Well-being (Wales) Act 2014, Part 7"
    (problem,) = check_extent(cat)
    assert (problem.file, problem.line, problem.field) == (str(tmp_path / "x.md"), 4, "body")
    assert "cites 'Care Act 2014' (Care Act 2014: England only) with no form for Wales" in problem.message
    assert "(Social Services and Well-being (Wales) Act 2014, Part 7)" in problem.message


def test_a_clause_whose_when_leaves_wales_out_is_quiet(tmp_path):
    cat = fake_catalogue(tmp_path, "---\nid: common.x\n---\nCare Act 2014.\n", when="not document.wales")
    assert check_extent(cat) == []
    cat = fake_catalogue(tmp_path, "---\nid: common.x\n---\nCare Act 2014.\n", when="grant.vulnerable_people")
    assert len(check_extent(cat)) == 1


def test_the_library_has_a_welsh_form_for_every_england_only_citation(catalogue):
    names = {name for name, _ in england_only(catalogue.law)}
    assert {"care_act_2014_part1", "localism_act_2011_s1", "children_act_2004_s11", "working_together_2023",
            "bank_holiday_in_england", "provider_selection_regime", "local_government_transparency_code_2015"} <= names
    assert check_extent(catalogue) == []


def test_every_england_only_instrument_names_its_welsh_counterpart(catalogue):
    for name, entry in england_only(catalogue.law):
        assert entry.get("wales"), name
        if entry["wales"] in catalogue.law:
            assert "Wales" in catalogue.law[entry["wales"]]["extent"], name


def test_a_when_that_needs_more_than_the_country_is_checked_not_a_crash(tmp_path):
    """`positions.get(...)` beside the country cannot be judged from the country alone: the check reads the
    clause as printed in Wales and reports it, where it used to stop with a traceback."""
    cat = fake_catalogue(tmp_path, "---\nid: common.x\n---\nCare Act 2014.\n",
                         when='not document.wales or positions.get("grant_form") == "offer-letter"')
    assert len(check_extent(cat)) == 1
