"""A `[[mark]]` written inside a `{{ expression }}` is never parsed: whatever an expression prints is a value
(render/jinja.py wraps it in sentinels), so the draft would show the brackets literally ("pass to the
[[Commissioner]] within 5 Business Days", r39 al-shortbreaks). Marks belong in template text, chosen with
`{% if %}`."""

import re

from tests.conftest import ROOT

_EXPRESSION_WITH_MARK = re.compile(r"\{\{(?:(?!\}\}).)*?\[\[(?:(?!\}\}).)*?\}\}", re.S)


def test_no_clause_prints_a_mark_from_an_expression():
    found = []
    for path in sorted((ROOT / "clauses").rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        for m in _EXPRESSION_WITH_MARK.finditer(text):
            found.append(f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, m.start()) + 1}: {m.group(0)[:80]}")
    assert not found, "marks inside {{ }} print literally:\n" + "\n".join(found)


def test_the_check_finds_a_mark_in_an_expression():
    assert _EXPRESSION_WITH_MARK.search('pass to the {{ "[[Commissioner]]" if x else "it" }} within')
    assert not _EXPRESSION_WITH_MARK.search("pass to the {% if x %}[[Commissioner]]{% endif %} {{ name }} within")
