"""The law in force is data (clauses/law.yaml): dated, sourced, checked, and visible to the rules and
to clause conditions."""

from __future__ import annotations

import datetime as dt

import pytest

from assembler.assemble import context_for, draft_date
from assembler.errors import LibraryError
from assembler.library.catalogue import read_law
from assembler.render.jinja import compile_condition
from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"


def test_every_instrument_is_dated_sourced_and_checked(catalogue):
    assert catalogue.law, "clauses/law.yaml is missing"
    for name, entry in catalogue.law.items():
        assert isinstance(entry["in_force"], dt.date), name
        for key in ("title", "extent", "applies_to", "source", "checked"):
            assert entry.get(key), f"{name} has no {key}"


def test_commencement_dates_as_the_instruments_give_them(catalogue):
    law = catalogue.law
    assert law["subsidy_control_act_2022"]["in_force"] == dt.date(2023, 1, 4)
    assert law["procurement_act_2023"]["in_force"] == dt.date(2025, 2, 24)
    assert law["public_contracts_regulations_2015"]["until"] == dt.date(2025, 2, 24)
    assert law["provider_selection_regime"]["in_force"] == dt.date(2024, 1, 1)
    assert law["renters_rights_act_2025_tenancies"]["in_force"] == dt.date(2026, 5, 1)


def test_figures_are_checked_against_their_source(catalogue):
    not_yet_checked = {"ssro_baseline_profit_rate"}  # the 2025/26 rate awaits a check against the SSRO notice
    for name, figure in catalogue.figures.items():
        assert figure.get("source"), name
        assert figure.get("checked") or name in not_yet_checked, f"{name} has not been checked against its source"
    assert "123(2) and (7)" in catalogue.figures["s123_lease_years"]["source"]
    assert "or less" in catalogue.figures["sos_undervalue_consent"]["description"]


def test_clause_conditions_see_the_law_and_the_draft_date(catalogue):
    sheet = read_termsheet(SAMPLE, catalogue)
    context = context_for(sheet, catalogue, dt.date(2026, 12, 3))
    condition = compile_condition("alliance.procurement_started >= law.procurement_act_2023.in_force "
                                  "and draft_date >= law.renters_rights_act_2025_tenancies.in_force")
    assert condition(**context) is True
    assert compile_condition("draft_date.year")(**context) == 2026


def test_draft_date_order(catalogue):
    """`--date`, else the term sheet's document.draft_date, else today."""
    sheet = read_termsheet(SAMPLE, catalogue)
    assert draft_date(sheet, dt.date(2027, 1, 2)) == dt.date(2027, 1, 2)
    assert draft_date(sheet) == dt.date.today()


def test_a_bad_date_in_the_law_file_is_a_library_error(tmp_path):
    bad = tmp_path / "law.yaml"
    bad.write_text("some_act:\n  title: Some Act\n  in_force: soon\n")
    with pytest.raises(LibraryError) as caught:
        read_law(bad)
    assert "some_act.in_force" in str(caught.value.problems[0])
    assert read_law(tmp_path / "absent.yaml") == {}


def _data_sharing_note(catalogue, today: dt.date) -> str:
    from assembler.assemble import assemble

    sheet = read_termsheet(ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml", catalogue)
    doc = assemble(sheet, catalogue, today=today).document
    [schedule] = [s for s in doc.schedules if s.id == "common.schedule-data-sharing"]
    return schedule.note


def test_the_regulator_named_follows_the_draft_date(catalogue, tmp_path):
    """The Information Commission takes over only when s.119 of the 2025 Act is fully in force: until
    the law entry carries that date every draft names the Information Commissioner and says to check;
    once it does, a draft dated on or after it names the Commission and one dated before does not."""
    import shutil

    from assembler.library.catalogue import load_catalogue
    from assembler.library.paths import LibraryPaths

    assert catalogue.law["information_commissioner"]["until"] is None
    now = _data_sharing_note(catalogue, dt.date(2026, 12, 3))
    # r25 al-sample 20: the alliance note says it in one line (the other families keep the fuller note)
    short = "check whether sections 118 and 119 of the Data (Use and Access) Act 2025 are in force"
    assert short in " ".join(now.split())
    root = tmp_path / "lib"
    for part in ("clauses", "templates", "samples"):
        shutil.copytree(ROOT / part, root / part)
    law = root / "clauses" / "law.yaml"
    law.write_text(law.read_text().replace("  until:   # the day section 119", "  until: 2027-04-01   # the day section 119"))
    moved = load_catalogue(LibraryPaths(root))
    assert short in " ".join(_data_sharing_note(moved, dt.date(2027, 3, 31)).split())
    after = _data_sharing_note(moved, dt.date(2027, 4, 1))
    assert "The regulator is the Information Commission, which took over" in after and "1 April 2027" in after
