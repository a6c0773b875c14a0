"""A member hosting the shared case system: the Article 28(3) point is made once, in the note to the Schedule that
gives those terms, not again in the note to the open-book information clause (r27 al-sample finding 16)."""
from __future__ import annotations

from tests.families.clause_texts import document_of, note
from tests.families.conftest import ALLIANCE_BIG


def test_case_system_point_is_made_once_in_the_schedule_note(catalogue):
    doc = document_of(catalogue, ALLIANCE_BIG.read_text())
    info = " ".join(note(doc, "alliance.information-sharing").split())
    schedule = " ".join(note(doc, "alliance.schedule-case-system").split())
    assert "case system" not in info
    # the note now opens with its point, not the principle's explanation (sprint Y3)
    assert info.startswith("A member's commercially sensitive information (overheads, salaries) is seen only by")
    assert "Article 28(3) of the UK GDPR requires a written contract between them" in schedule
    assert "joint controllers of it and need an Article 26 arrangement" in schedule
