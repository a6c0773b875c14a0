"""The rules' shared walk of a term sheet is made once per sheet (assembler/rules/__init__.py): it must give
the same steps as a fresh walk, and a different sheet must never get another's steps."""

from __future__ import annotations

from assembler.library.catalogue import load_catalogue
from assembler.rules import _walk, walk
from assembler.termsheet.validate import read_termsheet
from tests.conftest import samples


def test_a_remembered_walk_is_the_fresh_walk_and_belongs_to_its_sheet():
    catalogue = load_catalogue()
    first, second = (read_termsheet(path, catalogue).model for path in samples()[:2])
    assert list(walk(first)) == list(_walk(first, ()))
    assert list(walk(first)) == list(walk(first))  # from the memo the second time
    assert list(walk(second)) == list(_walk(second, ())) != list(walk(first))


def test_a_walk_from_inside_a_sheet_is_not_remembered_as_the_sheet():
    sheet = read_termsheet(samples()[0], load_catalogue()).model
    inner = list(walk(sheet.document, ("document",)))
    assert inner and all(loc[0] == "document" for loc, *_ in inner)
