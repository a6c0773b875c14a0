"""`library check` covers the review pack's manifest data: a broken key term or range is a library
fault found before any term sheet reaches it."""

from __future__ import annotations

import re
import shutil

from assembler.library.catalogue import load_catalogue
from assembler.library.check import check_library
from assembler.library.paths import LibraryPaths
from tests.conftest import ROOT


def _library_with(tmp_path, extra: str):
    for part in ("clauses", "templates", "samples"):
        shutil.copytree(ROOT / part, tmp_path / part)
    manifest = tmp_path / "templates" / "grant.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("\nkey_terms:\n", "\nkey_terms:\n" + extra, 1), encoding="utf-8")
    return load_catalogue(LibraryPaths(tmp_path))


def test_the_real_library_review_data_is_clean(catalogue):
    from assembler.review.check import check_review_data

    assert check_review_data(catalogue) == []


def test_unknown_field_and_syntax_error_in_key_terms(tmp_path):
    cat = _library_with(tmp_path, '  - label: Bad field\n    value: "{{ grant.no_such_sum | money }}"\n'
                                  '  - label: Bad syntax\n    value: "{{ grant.maximum_sum | money }"\n')
    messages = [str(p) for p in check_library(cat)]
    assert any("grant.yaml: key_terms[0].value: uses " in m and "no_such_sum', which the grant term sheet "
               "does not have" in m for m in messages), messages
    assert any("grant.yaml: key_terms[1].value: template syntax error" in m for m in messages), messages


def test_unknown_figure_and_field_in_recommended(tmp_path):
    for part in ("clauses", "templates", "samples"):
        shutil.copytree(ROOT / part, tmp_path / part)
    manifest = tmp_path / "templates" / "grant.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8") + (
        "  - label: Bad figure\n    field: grant.maximum_sum\n    max: no_such_figure\n    reason: r\n"
        "  - label: Bad field\n    field: grant.maximum_sums\n    max: 5\n    reason: r\n"), encoding="utf-8")
    messages = [str(p) for p in check_library(load_catalogue(LibraryPaths(tmp_path)))]
    assert any(re.search(r"recommended\[\d+\]\.max: names figure 'no_such_figure'", m) for m in messages), messages
    assert any(re.search(r"recommended\[\d+\]\.field: names field 'grant.maximum_sums'", m) for m in messages), messages
