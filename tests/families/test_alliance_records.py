"""Records kept for audit: the 6-year period gives way to a longer retention period in the data sharing Schedule
(r27 al-fresh finding 15)."""
from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import build, clause, text_of

LYNMERE = Path(__file__).parent / "fixtures" / "alliance-lynmere-r27i.yaml"


def test_records_kept_for_any_longer_period_schedule_6_requires(catalogue):
    """Firing: Lynmere's data sharing Schedule keeps personal data for 8 years after support ends."""
    doc = build(LYNMERE, catalogue).document
    assert ("keep those records for 6 years after the end of the Term, or for any longer period that Schedule 6 "
            "requires for the Personal Data in them.") in _flat(text_of(clause(doc, "alliance.operations")))


def test_records_six_years_without_a_retention_period(tmp_path, catalogue):
    """Quiet: without a retention period in the data protection block, the 6 years stand alone."""
    text = LYNMERE.read_text()
    line = "  retention: 8 years after a person's support ends (or 8 years after death), then deleted\n"
    assert line in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(line, "", 1))
    text = _flat(text_of(clause(build(sheet, catalogue).document, "alliance.operations")))
    assert "keep those records for 6 years after the end of the Term." in text
