"""Drafting notes speak of the agreement, the law and the facts, never of the tool behind them."""

from __future__ import annotations

import shutil

import pytest

from assembler.library.catalogue import load_catalogue
from assembler.library.notes import check_notes
from assembler.library.paths import LibraryPaths
from tests.conftest import MINILIB
from tests.library.test_check import clause, edit, faults


@pytest.fixture
def lib(tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(MINILIB, root)
    return root


def with_note(root, note: str) -> None:
    """Give the fixture's general clause a folded note, one phrase a line (the note starts on line 6)."""
    lines = "".join(f"  {line}\n" for line in note.split("\n"))
    edit(clause(root, "grant/general.md"), "status: draft\n", f"status: draft\nnote: >\n{lines}")


@pytest.mark.parametrize("words", [
    "see common.definitions@1.1.0 for the terms",
    "the default comes from clauses/figures.yaml",
    "the term sheet rule GRANT-MFA-YEARS warns",
    "the rule ALLIANCE-KPIS checks this",
    "the manifest includes this clause",
    "defined in definitions.md",
    "the engine lists the terms",
    "computed by the tool",
    "a missing email shows a placeholder",
    "the figure is taken from the library's figures",
    "the term sheet's `data_protection:` block",
    "chosen by the dispute_route position",
    "the check warns where the cap is high",
    "the same arithmetic the tests check",
    "the consistency check warns unless the lines add up",
    "the family's clause on leaving",
])
def test_a_note_speaking_of_the_tool_is_reported_at_its_line(lib, words):
    with_note(lib, f"Choose this clause for a small grant.\n{words}.")
    found = [f for f in faults(lib) if "drafting note speaks of the tool" in f]
    assert found, words
    assert all(f.startswith(str(clause(lib, "grant/general.md")) + ":8: note:") for f in found), found


def test_a_note_in_terms_of_the_agreement_and_the_law_is_quiet(lib):
    with_note(lib, "The parties agreed the Funding Period; check that no Instalment falls\n"
                   "outside it. Check the UK-GDPR roles (Article 28).")
    assert check_notes(load_catalogue(LibraryPaths(lib))) == []


def test_the_real_library_notes_are_quiet(catalogue):
    assert [str(p) for p in check_notes(catalogue)] == []


def test_jinja_in_a_note_is_not_read_as_words(lib):
    with_note(lib, '{% if family == "alliance" %}Members may leave.{% endif %} {{ open_book.profit_cap }}%')
    assert check_notes(load_catalogue(LibraryPaths(lib))) == []


def with_common_note(root, note: str) -> None:
    edit(clause(root, "common/definitions.md"), "note: Only the terms the draft uses are listed.\n", f"note: >\n  {note}\n")


@pytest.mark.parametrize("words", [
    "the term sheet says so",
    "the house's proportionate defaults apply",
    "(option: advance) chosen",
    "the standard variant",
    "the statute was not checked",
    "the form could not be compared word for word",
    "as the drafter has it",
    "an email left open",
    "This clause appears because the services involve children",
])
def test_a_shared_note_that_leaks_how_the_draft_was_made_fails(lib, words):
    with_common_note(lib, f"Check the definitions; {words}.")
    found = [str(p) for p in check_notes(load_catalogue(LibraryPaths(lib)))]
    assert found and all("definitions.md" in f for f in found), words


@pytest.mark.parametrize("words", [
    "the term sheet says so",
    "not checked",
    "Standard position: no blame",
    "the standard position is \"arrears\"",
    "the text could not be retrieved",
    "as the drafter has it",
])
def test_the_same_words_in_a_family_note_fail_too(lib, words):
    with_note(lib, f"Choose this clause for a small grant.\n{words}.")
    found = [str(p) for p in check_notes(load_catalogue(LibraryPaths(lib)))]
    assert found and all(f.startswith(str(clause(lib, "grant/general.md")) + ":8: note:") for f in found), words


def test_a_shared_note_in_terms_of_the_agreement_is_quiet(lib):
    with_common_note(lib, "Check the definitions against the instructions and the facts.")
    assert check_notes(load_catalogue(LibraryPaths(lib))) == []
