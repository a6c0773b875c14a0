"""`library check` names every open fact no term-sheet field can fill (assembler/library/placeholders.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assembler.library.catalogue import load_catalogue
from assembler.library.check import check_library
from assembler.library.paths import LibraryPaths
from assembler.library.placeholders import check_placeholders
from tests.conftest import MINILIB


@pytest.fixture
def lib(tmp_path) -> Path:
    root = tmp_path / "lib"
    shutil.copytree(MINILIB, root)
    return root


def faults(root: Path) -> list[str]:
    return [str(p) for p in check_library(load_catalogue(LibraryPaths(root)))]


def write_body(root: Path, body: str) -> Path:
    path = root / "clauses" / "grant" / "general.md"
    text = path.read_text()
    front = text[: text.index("---\n", 4) + 4]
    path.write_text(front + body)
    return path


def test_a_bare_placeholder_is_named_with_its_file_and_line(lib):
    path = write_body(lib, "Nothing in this [[Agreement]] creates a partnership.\n\nThe fee is [[?amount of the fee]].\n")
    found = faults(lib)
    line = path.read_text().splitlines().index("The fee is [[?amount of the fee]].") + 1
    assert [f for f in found if "[[?amount of the fee]]" in f] == [
        f"{path}:{line}: body: placeholder [[?amount of the fee]] names no term-sheet field that could fill it; "
        "print the term-sheet field that fills it, {{ field | open(\"label\") }} (a form's blank is [[_label]])"]


def test_open_applied_to_a_constant_is_named(lib):
    write_body(lib, "Nothing in this [[Agreement]] creates a partnership, {{ none | money | open(\"the fee\") }}.\n")
    assert any("general.md" in f and "open('the fee') is applied to a constant" in f for f in faults(lib))


def test_a_field_through_open_and_a_form_blank_are_quiet(lib):
    write_body(lib, "Nothing in this [[Agreement]] creates a partnership. Paid to {{ grant.bank_account | "
                    "open(\"bank account\") }}. Signed on [[_date of signing]].\n")
    assert faults(lib) == []


def test_the_real_library_names_a_field_for_every_open_fact(catalogue):
    assert check_placeholders(catalogue) == []
