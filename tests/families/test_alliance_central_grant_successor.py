"""Central Government Grant where the sheet names one grant alone (central_grant_only): the definition takes in any
grant that replaces the named grant or into which it is consolidated, and brackets the name with a note where the sheet
says it is still to be confirmed (central_grant_name_to_confirm) (r44 al-youthhousing finding 1)."""
from __future__ import annotations

from tests.families.clause_texts import definition, document_of, flat_note
from tests.families.conftest import ALLIANCE_BIG

NAME = "Rough Sleeping Prevention and Recovery Grant from the Ministry of Housing, Communities and Local Government"


def _text(extra: str) -> str:
    lines = ALLIANCE_BIG.read_text().splitlines(keepends=True)
    out = []
    for line in lines:
        if line.startswith("  central_grant:"):
            line = f"  central_grant: {NAME}\n"
        elif line.startswith("  central_grant_only:"):
            line = "  central_grant_only: true\n" + extra
        out.append(line)
    return "".join(out)


def _definition(doc) -> str:
    return definition(doc, "Central Government Grant")


def test_named_grant_only_reaches_its_successor(catalogue):
    """Firing: the successor words; with the flag, the name in brackets and a note to confirm it."""
    doc = document_of(catalogue, _text("  central_grant_name_to_confirm: true\n"))
    text = _definition(doc)
    assert "any grant that replaces it or into which it is consolidated" in text and "no other grant" in text
    assert text.startswith("the [")
    assert "still to be confirmed" in flat_note(doc, "alliance.central-grant")


def test_settled_name_is_not_bracketed(catalogue):
    """Quiet: no flag: the name is not bracketed and no confirmation note."""
    doc = document_of(catalogue, _text(""))
    text = _definition(doc)
    assert "any grant that replaces it" in text and not text.startswith("the [")
    assert "still to be confirmed" not in flat_note(doc, "alliance.central-grant")
