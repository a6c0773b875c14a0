"""Clause files render in a sandbox; term-sheet values come through as literal data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from assembler.errors import LibraryError
from assembler.library.clausefile import ClauseFile, ClauseHeader
from assembler.model import Text
from assembler.render.clauses import render_clause, render_text
from assembler.render.jinja import VALUE_CLOSE, VALUE_OPEN, compile_template


def clause(body: str) -> ClauseFile:
    header = ClauseHeader(id="grant.test", title="Test", version="1.0.0", status="draft")
    return ClauseFile(header, body, Path("clauses/grant/test.md"), 6)


def render(source: str, **context) -> str:
    return compile_template(source).render(**context)


def test_values_are_wrapped_as_data():
    assert render("{{ x }}", x="a") == f"{VALUE_OPEN}a{VALUE_CLOSE}"


@pytest.mark.parametrize("source, value, expected", [
    ("{{ x | money }}", Decimal("450000"), "£450,000"),
    ("{{ x | money }}", Decimal("1250.5"), "£1,250.50"),
    ("{{ x | money_words }}", Decimal("450000"), "£450,000 (four hundred and fifty thousand pounds)"),
    ("{{ x | date }}", dt.date(2026, 4, 1), "1 April 2026"),
    ("{{ x | percent }}", Decimal("25"), "25%"),
    ("{{ x | join_and }}", ["a", "b", "c"], "a, b and c"),
])
def test_filters(source, value, expected):
    assert render(source, x=value).replace(VALUE_OPEN, "").replace(VALUE_CLOSE, "") == expected


def test_template_code_in_a_value_is_not_evaluated():
    blocks = render_clause(clause("Project {{ name }}."), {"name": "{{ 7*7 }} {% if 1 %}x{% endif %} [[ref:a]]"},
                           lambda r: r).blocks
    assert blocks[0].inlines == [Text("Project {{ 7*7 }} {% if 1 %}x{% endif %} [[ref:a]].")]


def test_the_sandbox_refuses_python_internals():
    with pytest.raises(LibraryError, match="cannot render"):
        render_text(clause(""), "{{ ''.__class__.__mro__[1].__subclasses__() }}", {}, 6)


def test_term_sheet_data_cannot_be_changed_by_a_clause():
    with pytest.raises(LibraryError):
        render_text(clause(""), "{{ items.append(1) }}", {"items": []}, 6)


def test_an_unknown_name_is_an_error_with_the_file_and_line():
    with pytest.raises(LibraryError) as caught:
        render_text(clause(""), "{{ nothing }}", {}, 6)
    problem = caught.value.problems[0]
    assert problem.file.endswith("test.md") and problem.line == 6 and "nothing" in problem.message


def test_a_syntax_error_names_the_line():
    with pytest.raises(LibraryError) as caught:
        render_text(clause(""), "one\ntwo {% if %}\n", {}, 6)
    assert caught.value.problems[0].line == 7


def test_an_empty_value_becomes_a_placeholder():
    [para] = render_clause(clause("Pay into {{ bank | open('bank account details') }}."), {"bank": None},
                           lambda r: r).blocks
    assert para.text == "Pay into [bank account details]."


def test_compiled_clauses_are_cached_and_a_bad_cache_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERDRAFT_CACHE", str(tmp_path))
    compile_template.cache_clear()
    source = "Cached {{ x | money }}"
    first = compile_template(source).render(x=Decimal("5"))
    [cached] = list((tmp_path / "jinja").glob("*.code"))
    compile_template.cache_clear()
    assert compile_template(source).render(x=Decimal("5")) == first
    cached.write_bytes(b"not marshal data")
    compile_template.cache_clear()
    assert compile_template(source).render(x=Decimal("5")) == first
    compile_template.cache_clear()


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    monkeypatch.setenv("PARTNERDRAFT_CACHE", "off")
    compile_template.cache_clear()
    assert render("{{ x }}", x=1) == f"{VALUE_OPEN}1{VALUE_CLOSE}"
    compile_template.cache_clear()


def test_a_blank_line_after_a_tag_still_separates_paragraphs():
    """trim_blocks ate the newline after "{% endif %}", so the paragraph after a blank line ran on into
    the one before it (a transfer right and a subcontracting ban read as one sub-clause)."""
    from assembler.render.jinja import compile_template
    from assembler.render.markup import parse_blocks

    source = ("A Public Body may transfer{% if true %} by notice.{% endif %}\n\n"
              "A Party must not subcontract.\n{% if false %}\nNever.\n{% endif %}\n\nThe end.")
    blocks = parse_blocks(compile_template(source).render(), lambda role: role)
    texts = [" ".join(i.text for i in b.inlines) for b in blocks]
    assert texts == ["A Public Body may transfer by notice.", "A Party must not subcontract.", "The end."]


def test_a_template_error_still_names_its_line():
    from jinja2 import TemplateSyntaxError

    from assembler.render.jinja import compile_template

    try:
        compile_template("One.{% if true %}x{% endif %}\n\nTwo.\n{% if %}")
    except TemplateSyntaxError as e:
        assert e.lineno == 4
    else:
        raise AssertionError("no syntax error")


def test_compiled_conditions_are_cached_and_read_back_the_same(tmp_path, monkeypatch):
    """A `when:` condition's compiled code is kept like a clause's: read back, it gives what Jinja's own
    compile_expression gives, an undefined name included; a bad cache file or a syntax error is as before."""
    from jinja2 import TemplateSyntaxError

    from assembler.render.jinja import compile_condition, environment

    monkeypatch.setenv("PARTNERDRAFT_CACHE", str(tmp_path))
    source = "grant.amount > 5 and missing is not defined"
    expected = environment().compile_expression(source)
    compile_condition.cache_clear()
    fresh = compile_condition(source)
    [cached] = list((tmp_path / "jinja").glob("*.code"))
    compile_condition.cache_clear()
    read_back = compile_condition(source)
    for context in ({"grant": {"amount": 9}}, {"grant": {"amount": 1}}):
        assert fresh(**context) == read_back(**context) == expected(**context)
    assert environment().compile_expression("nothing")() is None and read_back.__class__ is expected.__class__
    cached.write_bytes(b"not marshal data")
    compile_condition.cache_clear()
    assert compile_condition(source)(grant={"amount": 9}) is True
    with pytest.raises(TemplateSyntaxError):
        compile_condition("grant amount")
    compile_condition.cache_clear()
