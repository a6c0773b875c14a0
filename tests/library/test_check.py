"""`library check` finds the faults a lawyer editing clause files could make."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assembler.errors import LibraryError
from assembler.library.catalogue import load_catalogue
from assembler.library.check import check_library
from assembler.library.paths import LibraryPaths
from tests.conftest import MINILIB


def test_the_real_library_is_clean(catalogue):
    assert [str(p) for p in check_library(catalogue)] == []


def test_the_fixture_library_is_clean(minilib):
    assert check_library(minilib) == []


@pytest.fixture
def lib(tmp_path) -> Path:
    root = tmp_path / "lib"
    shutil.copytree(MINILIB, root)
    return root


def faults(root: Path) -> list[str]:
    try:
        return [str(p) for p in check_library(load_catalogue(LibraryPaths(root)))]
    except LibraryError as e:
        return [str(p) for p in e.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def clause(root: Path, name: str) -> Path:
    return root / "clauses" / name


# Each fault a single edit makes, and the words of the fault found: the file (under the library), the text replaced
# once, its replacement, and what the fault says.
@pytest.mark.parametrize(("name", "old", "new", "fault"), [
    pytest.param("clauses/grant/general.md", "status: draft\n", "status: draft\ndefines:\n  Agreement: again\n",
                 "the term 'Agreement' is defined by more than one clause", id="a-term-defined-twice"),
    pytest.param("clauses/grant/general.md", "[[ref:grant.general]]", "[[ref:grant.nowhere]]",
                 "points at 'grant.nowhere', which no clause file defines", id="a-reference-to-nothing"),
    pytest.param("clauses/grant/payment.advance.md", " [[#timing]]", "",
                 "payment.advance.md has no paragraph marked [[#timing]]", id="an-anchor-missing-from-one-variant"),
    pytest.param("clauses/grant/payment.advance.md", "variant: advance\n", "variant: advance\nstandard: true\n",
                 "needs exactly one standard variant, has 2", id="two-standard-variants"),
    pytest.param("clauses/grant/payment.advance.md", "note: Choose advance for small recipients.\n", "",
                 "needs a drafting note", id="a-variant-without-a-note"),
    pytest.param("templates/grant.yaml", "grant.general]", "grant.general, grant.missing]",
                 "lists 'grant.missing', which no clause file defines", id="a-manifest-entry-without-a-file"),
    pytest.param("clauses/grant/general.md", "status: draft", "status: draft\nsatus: approved",
                 "satus", id="an-unknown-header-key"),
])
def test_an_edit_makes_a_fault(lib, name, old, new, fault):
    edit(lib / name, old, new)
    assert any(fault in f for f in faults(lib))


def test_an_undefined_term(lib):
    edit(clause(lib, "grant/general.md"), "creates a partnership", "creates a [[Joint Venture]]")
    found = faults(lib)
    assert any("grant/general.md" in f and "[[Joint Venture]] is not defined" in f for f in found)


def test_a_template_syntax_error_names_the_line(lib):
    edit(clause(lib, "grant/general.md"), "Nothing in", "{% if %}Nothing in")
    found = faults(lib)
    assert any("clauses/grant/general.md:7:" in f and "template syntax" in f for f in found), found


def test_a_field_the_model_does_not_have(lib):
    edit(clause(lib, "grant/general.md"), "Nothing in", "{{ grant.maximum_summ }} Nothing in")
    assert any("general.md:7: body: uses 'grant.maximum_summ'" in f and "did you mean 'maximum_sum'" in f
               for f in faults(lib))


def test_a_malformed_header_is_located(lib):
    edit(clause(lib, "grant/general.md"), "status: draft", "status: [draft")
    found = faults(lib)
    assert found and "clauses/grant/general.md:" in found[0] and "square brackets [ ] is not closed" in found[0]
