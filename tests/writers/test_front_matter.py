"""What a reader of the printed draft sees before the first clause and in each note's heading: the
date left blank for completion (with the year expected), and notes headed without option labels."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, assemble_to, soffice_text

VARIED = ROOT / "samples" / "alliance" / "mental-health-four-members-varied.yaml"  # dated 15 March 2027


@pytest.fixture(scope="module")
def printed(tmp_path_factory, catalogue) -> list[str]:
    out = tmp_path_factory.mktemp("front")
    docx = assemble_to(VARIED, out / "varied.docx", catalogue, notes="inline")
    return [" ".join(line.split()) for line in soffice_text(docx).splitlines()]


def test_the_date_is_a_blank_with_the_year_on_the_cover_and_the_first_page(printed):
    assert "Dated [date] 2027" in printed
    assert "This Agreement is dated [date] 2027" in printed
    front = printed[:printed.index("Parties")]
    assert front and not [line for line in front if "15 March 2027" in line]


def test_the_target_date_is_in_a_drafting_note(printed):
    assert any("the target date is 15 March 2027" in line for line in printed)


def test_drafting_note_headings_carry_no_option_labels(printed):
    notes = [line for line in printed if line.startswith("Drafting note")]
    assert len(notes) > 10  # the notes were printed: a variant's note is among them
    assert not [line for line in printed if "(option:" in line or "not the standard" in line]
