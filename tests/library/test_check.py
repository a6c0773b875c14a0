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


def test_a_term_defined_twice(lib):
    edit(clause(lib, "grant/general.md"), "status: draft\n", "status: draft\ndefines:\n  Agreement: again\n")
    assert any("the term 'Agreement' is defined by more than one clause" in f for f in faults(lib))


def test_an_undefined_term(lib):
    edit(clause(lib, "grant/general.md"), "creates a partnership", "creates a [[Joint Venture]]")
    found = faults(lib)
    assert any("grant/general.md" in f and "[[Joint Venture]] is not defined" in f for f in found)


def test_a_reference_to_nothing(lib):
    edit(clause(lib, "grant/general.md"), "[[ref:grant.general]]", "[[ref:grant.nowhere]]")
    assert any("points at 'grant.nowhere', which no clause file defines" in f for f in faults(lib))


def test_an_anchor_missing_from_one_variant(lib):
    edit(clause(lib, "grant/payment.advance.md"), " [[#timing]]", "")
    assert any("payment.advance.md has no paragraph marked [[#timing]]" in f for f in faults(lib))


def test_two_standard_variants(lib):
    edit(clause(lib, "grant/payment.advance.md"), "variant: advance\n", "variant: advance\nstandard: true\n")
    assert any("needs exactly one standard variant, has 2" in f for f in faults(lib))


def test_a_variant_without_a_note(lib):
    edit(clause(lib, "grant/payment.advance.md"), "note: Choose advance for small recipients.\n", "")
    assert any("needs a drafting note" in f for f in faults(lib))


def test_a_template_syntax_error_names_the_line(lib):
    edit(clause(lib, "grant/general.md"), "Nothing in", "{% if %}Nothing in")
    found = faults(lib)
    assert any("clauses/grant/general.md:7:" in f and "template syntax" in f for f in found), found


def test_a_field_the_model_does_not_have(lib):
    edit(clause(lib, "grant/general.md"), "Nothing in", "{{ grant.maximum_summ }} Nothing in")
    assert any("general.md:7: body: uses 'grant.maximum_summ'" in f and "did you mean 'maximum_sum'" in f
               for f in faults(lib))


def test_a_manifest_entry_without_a_file(lib):
    edit(lib / "templates" / "grant.yaml", "grant.general]", "grant.general, grant.missing]")
    assert any("lists 'grant.missing', which no clause file defines" in f for f in faults(lib))


def test_a_malformed_header_is_located(lib):
    edit(clause(lib, "grant/general.md"), "status: draft", "status: [draft")
    found = faults(lib)
    assert found and "clauses/grant/general.md:" in found[0] and "square brackets [ ] is not closed" in found[0]


def test_an_unknown_header_key(lib):
    edit(clause(lib, "grant/general.md"), "status: draft", "status: draft\nsatus: approved")
    assert any("satus" in f for f in faults(lib))
