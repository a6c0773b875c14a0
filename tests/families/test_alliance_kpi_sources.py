"""KPI data sources and the involvement body's runner (r44d al-homefirst findings 6 and 15): a data source or definition
the sheet gives for a KPI is printed in Part 2 of Schedule 2, and the note asks for one for each KPI that gates Gain
without one; a body outside the Alliance that runs the involvement group is kept by name."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, clause_text, definition, document_of, flat, note, text_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_STAINMOOR_ALE
from tests.families.test_alliance_kpi_periods import STAINMOOR

SCHEDULE = "alliance.schedule-outcomes"
KPI1 = "    - measure: Adults referred for vision rehabilitation assessed within 28 days\n"


def _schedule(doc):
    c = clause(doc, SCHEDULE)
    return flat(text_of(c)), flat(c.note or "")


def test_data_source_is_printed_and_gating_kpis_without_one_are_asked_for(tmp_path, catalogue):
    """Firing: KPI 1's source is printed in Part 2; the gating KPIs without one are listed in the note."""
    text = STAINMOOR.read_text()
    assert KPI1 in text
    sheet = tmp_path / "sourced.yaml"
    sheet.write_text(text.replace(KPI1, KPI1 + "      data_source: the Council's case management system, counting "
                                  "working days from referral\n", 1))
    body, n = _schedule(build(sheet, catalogue).document)
    assert ("Each Key Performance Indicator listed below is measured from the source, and on the definition, given for "
            "it: Key Performance Indicator 1: the Council's case management system, counting working days from "
            "referral.") in body
    assert "The instructions give no data source or definition for KPI 2" in n
    assert "for KPI 1," not in n


def test_no_gate_no_source_request(catalogue):
    """Quiet: a sheet with no Gain gate and no data sources gets neither the list nor the request."""
    body, n = _schedule(build(ALLIANCE_BIG, catalogue).document)
    assert "measured from the source" not in body
    assert "no data source or definition" not in n


ANCHOR = "  communication_requirements:\n"


def _with_group(field: str) -> str:
    text = ALLIANCE_STAINMOOR_ALE.read_text()
    assert ANCHOR in text
    return text.replace(ANCHOR, f"  involvement_group: \"{field}\"\n" + ANCHOR, 1)


def test_group_run_by_an_outside_body_keeps_its_name(catalogue):
    """Firing: 'which Healthwatch Stainmoor runs for the Alliance' keeps Healthwatch in the definition and the note."""
    doc = document_of(catalogue, _with_group("Stainmoor Experts Panel, which Healthwatch Stainmoor runs for the Alliance"))
    assert "run by Healthwatch Stainmoor, which the ALT consults" in definition(doc, "Stainmoor Experts Panel")
    assert "confirm its name, its terms of reference and that Healthwatch Stainmoor runs it" in flat(
        note(doc, "alliance.operations"))


def test_group_run_by_the_council_is_unchanged(catalogue):
    """Quiet: a group the Council runs is still 'run by the Council', and the note still asks who supports it."""
    doc = document_of(catalogue, _with_group("Stainmoor Experts Panel, which the Council runs"))
    d = definition(doc, "Stainmoor Experts Panel")
    assert "run by the Council" in d and "Healthwatch" not in d
    assert "who supports it" in flat(note(doc, "alliance.operations"))
