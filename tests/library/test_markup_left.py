"""No clause markup reaches the reader: every sample, rendered, holds no literal "[[" or "]]".

Markup inside a quoted string in a clause (a Jinja string literal, a quoted heading) was once
printed raw; the library check of each clause cannot see that, only a rendered draft can.
"""

from __future__ import annotations

import re

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from assembler.writers.text import to_text
from tests.conftest import DRAFT_DATE, samples

_LEFT = re.compile(r".{0,40}(?:\[\[|\]\]).{0,40}")


def markup_left(text: str) -> list[str]:
    """Each literal "[[" or "]]" in the text, with a little context to find it by."""
    return _LEFT.findall(text)


def test_markup_left_in_text_is_found():
    assert markup_left("the [[Grant]] is paid") == ["the [[Grant]] is paid"]
    assert markup_left("the Grant is paid [in arrears]") == []


@pytest.mark.parametrize("sample", samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_markup_is_left_in_a_rendered_sample(catalogue, sample):
    result = assemble(read_termsheet(sample, catalogue), catalogue, today=DRAFT_DATE)
    assert markup_left(to_text(result.document, notes=True)) == []
