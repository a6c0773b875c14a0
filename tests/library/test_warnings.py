"""`library check` warnings: wording to query that does not stop the library assembling. Survival is
stated once, in the shared survival sub-clause; a clause that says what survives on its own is
reported at its line."""

from __future__ import annotations

import shutil

from assembler.library.catalogue import load_catalogue
from assembler.library.check import _survival_outside_home
from assembler.library.paths import LibraryPaths
from tests.conftest import MINILIB
from tests.library.test_check import clause


def _survival(root) -> list[str]:
    return [str(p) for p in _survival_outside_home(load_catalogue(LibraryPaths(root)))]


def test_a_clause_with_its_own_survival_list_is_reported(tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(MINILIB, root)
    path = clause(root, "grant/general.md")
    path.write_text(path.read_text() + "\nClauses 4 and 6 survive the end of this [[Agreement]].\n")
    [message] = _survival(root)
    assert "general.md" in message and "Clauses 4 and 6 survive the end" in message


def test_a_pointer_to_the_survival_sub_clause_is_quiet(tmp_path):
    root = tmp_path / "lib"
    shutil.copytree(MINILIB, root)
    path = clause(root, "grant/general.md")
    path.write_text(path.read_text() + "\nThe provisions listed in [[ref:common.general#survival]] continue after this "
                    "[[Agreement]] ends.\n")
    assert _survival(root) == []


def test_the_shared_clauses_state_survival_once(catalogue):
    """The fixture says it nowhere; the real library says it only in the survival sub-clause among the
    shared clauses (a family clause that still carries its own list is a warning for its owner)."""
    assert _survival(MINILIB) == []
    assert [str(p) for p in _survival_outside_home(catalogue) if "clauses/common/" in p.file] == []
