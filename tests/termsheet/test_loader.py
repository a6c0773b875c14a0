"""Bad input to the loader ends in a clear, located UserError, never a traceback or a crash."""

from __future__ import annotations

import pytest

from assembler.errors import UserError
from assembler.termsheet.loader import dotted, load_file, load_text


def error_of(text: str) -> str:
    with pytest.raises(UserError) as caught:
        load_text(text, "sheet.yaml")
    return str(caught.value)


def test_lines_are_recorded_for_nested_fields():
    loaded = load_text("a: 1\nb:\n  - x: 1\n    y: 2\n", "sheet.yaml")
    assert loaded.line_of(("b", 0, "y")) == 4
    assert loaded.line_of(("b", 0, "missing")) == 3
    assert loaded.data == {"a": 1, "b": [{"x": 1, "y": 2}]}


def test_dotted_paths_read_like_the_term_sheet():
    assert dotted(("grant", "instalments", 2, "amount")) == "grant.instalments[2].amount"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: [1\n", "sheet.yaml:1: a list in square brackets [ ] is not closed: add the closing ]"),
        ("", "sheet.yaml: the file is empty"),
        ("   \n\n", "sheet.yaml: the file is empty"),
        ("- a\n- b\n", "sheet.yaml:1: expected a term sheet (a mapping of field: value), found a list"),
        ("just text\n", "found a single value"),
        ("a: 1\na: 2\n", "sheet.yaml:2: the field \"a\" appears twice (first on line 1): keep one of them"),
        ("a: &x [1, 2]\nb: *x\n", "sheet.yaml:1: YAML anchors and aliases"),
        ("a: \"bell \\a\"\n", "sheet.yaml:1: a: contains a character Word cannot hold"),
        ("a: \"\\ue000\"\n", "contains a character Word cannot hold"),
        ("a: x\x07y\n", "not valid YAML"),
    ],
    ids=["malformed", "empty", "blank", "list", "scalar", "duplicate", "alias", "control", "sentinel", "raw-control"],
)
def test_bad_yaml_is_refused_with_a_located_message(text, expected):
    assert expected in error_of(text)


def test_billion_laughs_is_refused_before_expansion():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(8)
    )
    assert "anchors and aliases" in error_of(bomb)


def test_missing_file(tmp_path):
    with pytest.raises(UserError, match="no such file"):
        load_file(tmp_path / "nope.yaml")


def test_folder_instead_of_file(tmp_path):
    with pytest.raises(UserError, match="is a folder"):
        load_file(tmp_path)


def test_binary_garbage(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(UserError, match="binary file"):
        load_file(path)


def test_not_utf8(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_bytes("a: 1\nb: caf\xe9\n".encode("latin-1"))
    with pytest.raises(UserError, match=r"x.yaml:2: the file is not UTF-8"):
        load_file(path)


def test_dates_stay_text_so_validation_can_locate_impossible_ones():
    assert load_text("d: 2026-02-30\n").data == {"d": "2026-02-30"}


def test_no_python_objects_can_be_constructed():
    text = "a: !!python/object/apply:os.system ['echo hacked']\n"
    assert "YAML tags" in error_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\n---\nb: 2\n", "sheet.yaml:2: not valid YAML: expected a single document"),
        ("a: !!python/object:os.system x\n", "sheet.yaml:1: YAML tags"),
        ("? [a, b]\n: 1\n", "sheet.yaml:1: not valid YAML: a field name must be plain text"),
    ],
    ids=["two-documents", "tag", "complex-key"],
)
def test_what_a_term_sheet_never_needs_is_refused_with_its_line(text, expected):
    assert expected in error_of(text)


def test_plain_scalars_resolve_as_yaml_1_2_and_quoted_ones_stay_text():
    loaded = load_text('a: 0012\nb: "12"\nc: yes\nd: 1_000\ne: 2.5\nf:\ng: true\nh: 2026-02-30\n', "s.yaml")
    assert loaded.data == {"a": 12, "b": "12", "c": "yes", "d": 1000, "e": 2.5, "f": None, "g": True,
                           "h": "2026-02-30"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a:\n\tb: 1\n", "sheet.yaml:2: this line is indented with a tab"),
        ("title: Housing: Phase 2\n", "sheet.yaml:1: a colon (:) inside a value: put the whole value in quotes"),
        ("a:\n  b: 1\n c: 2\n", "sheet.yaml:3: this line is not indented like the lines around it"),
        ("a:\n  b: 1\n    c: 2\n", "sheet.yaml:3: this line is indented further than the line above"),
        ("a: 1\nb\nc: 2\n", "sheet.yaml:2: this line has no colon"),
        ('a: "open\nb: 2\n', "sheet.yaml:1: a quotation mark opened on this line is never closed"),
        ('a: "C:\\new\\x"\n', "sheet.yaml:1: a backslash"),
    ],
    ids=["tab", "colon", "indent", "over-indent", "no-colon", "quote", "backslash"],
)
def test_yaml_mistakes_are_explained_in_plain_words_at_the_line_to_correct(text, expected):
    message = error_of(text)
    assert expected in message
    assert not any(jargon in message for jargon in ("mapping values", "token", "block end", "scalar", "stream"))


def test_strings_walks_every_text_with_its_location_and_keys_on_request():
    from assembler.termsheet.loader import strings

    data = {"funder": {"name": "Fenmoor", "numbers": [1, "A2"]}, "amount": 5}
    assert list(strings(data)) == [(("funder", "name"), "Fenmoor"), (("funder", "numbers", 1), "A2")]
    assert list(strings(data, keys=True)) == [
        (("funder",), "funder"), (("funder", "name"), "name"), (("funder", "name"), "Fenmoor"),
        (("funder", "numbers"), "numbers"), (("funder", "numbers", 1), "A2"), (("amount",), "amount")]


def test_remembered_scalars_read_as_fresh_ones():
    """The reader keeps each plain scalar's value by YAML version and text (loader._RESOLVED): the same
    text read again, in this sheet or the next, gives the same value and type, and quoted text stays text."""
    from assembler.termsheet import loader

    text = "a: 1\nb: '1'\nc: true\nd: null\ne: 1.5\nf: 2026-01-01\ng: 0x1F\nh: ~\ni: 1\nj: yes\n"
    loader._RESOLVED.clear()
    fresh = load_text(text).data
    again = load_text(text).data
    assert fresh == again == {"a": 1, "b": "1", "c": True, "d": None, "e": 1.5, "f": "2026-01-01", "g": 31,
                              "h": None, "i": 1, "j": "yes"}
    assert [type(v) for v in fresh.values()] == [type(v) for v in again.values()]
    assert (None, "1") in loader._RESOLVED and (None, "'1'") not in loader._RESOLVED
