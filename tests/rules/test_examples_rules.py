"""COMMON-STARTER-EXAMPLE: a value still equal to the example term sheet's is warned about, except in
the library's own samples; `partnerdraft new --blank` writes a sheet with no example values at all."""

from __future__ import annotations

from click.testing import CliRunner

from assembler.assemble import check_rules, example_texts
from assembler.cli import main
from assembler.rules.examples import EXAMPLES
from assembler.termsheet.loader import load_file, strings
from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT
from tests.rules.helpers import RULES_DATE

STARTER = ROOT / "samples" / "grant" / "community-single-payment.yaml"


def example_findings(path, catalogue) -> list[str]:
    sheet = read_termsheet(path, catalogue)
    return [f.message for f in check_rules(sheet, catalogue, today=RULES_DATE) if f.rule == "COMMON-STARTER-EXAMPLE"]


def test_a_sheet_written_by_new_and_left_as_it_is_fires(tmp_path, catalogue):
    sheet = tmp_path / "mine.yaml"
    assert CliRunner().invoke(main, ["new", "grant", "-o", str(sheet)]).exit_code == 0
    sheet_ = read_termsheet(sheet, catalogue)
    found = [(f.loc, f.message) for f in check_rules(sheet_, catalogue, today=RULES_DATE)
             if f.rule == "COMMON-STARTER-EXAMPLE"]
    assert (("funder", "name"), "still the example's value ('Fenmoor District Council') from `partnerdraft "
            "new`: replace it with this matter's fact") in found, found


def test_a_sheet_with_its_own_facts_is_quiet(tmp_path, catalogue):
    import io

    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    data = yaml.load(STARTER.read_text(encoding="utf-8"))
    for loc, value in example_texts(STARTER).items():
        node = data
        for key in loc[:-1]:
            node = node[key]
        node[loc[-1]] = "Our " + value
    out = io.StringIO()
    yaml.dump(data, out)
    mine = tmp_path / "mine.yaml"
    mine.write_text(out.getvalue(), encoding="utf-8")
    assert example_findings(mine, catalogue) == []


def test_wording_other_samples_share_is_common_ground_not_the_examples(tmp_path, catalogue):
    """A signatory's title or the council's statutory power appears in several samples: keeping it is
    not carrying another matter's facts over, so only the example's own names and references fire."""
    sheet = tmp_path / "mine.yaml"
    assert CliRunner().invoke(main, ["new", "grant", "-o", str(sheet)]).exit_code == 0
    fired = {f.loc for f in check_rules(read_termsheet(sheet, catalogue), catalogue, today=RULES_DATE)
             if f.rule == "COMMON-STARTER-EXAMPLE"}
    example = example_texts(STARTER)
    others = {value for path in sorted((ROOT / "samples").glob("*/*.yaml")) if path != STARTER
              for _, value in strings(load_file(path).data)}
    shared = {loc for loc, value in example.items() if value in others}
    assert shared, "the starter shares some wording with another sample"
    assert fired and not fired & {tuple(loc) for loc in shared}


def test_the_librarys_own_samples_are_quiet(catalogue):
    assert example_findings(STARTER, catalogue) == []


def test_blank_writes_no_example_value_and_keeps_the_shape(tmp_path):
    result = CliRunner().invoke(main, ["new", "grant", "--blank"])
    assert result.exit_code == 0
    values = "\n".join(line for line in result.output.splitlines() if not line.lstrip().startswith("#"))
    from assembler.termsheet.grant import GrantTermSheet
    from assembler.termsheet.supply import supplier_at

    for loc, value in example_texts(STARTER).items():
        if supplier_at(GrantTermSheet, loc) == "commissioner":
            assert value not in values, loc
    assert "statutory_power: section 1 of the Localism Act 2011" in values  # legal's standard, kept
    assert "family: grant" in result.output and "instalments:" in result.output
    assert "EXAMPLE" not in result.output and "No values of yours are filled in" in result.output


def test_a_standard_legal_wording_kept_from_the_starter_is_not_an_example_value(tmp_path, catalogue):
    """The blank starter keeps legal's standards (a statutory power); keeping one is no warning,
    while a commissioner's fact left as the example's still is."""
    text = STARTER.read_text().replace("  name: Fenmoor District Council", "  name: Oakfield Borough Council")
    mine = tmp_path / "mine.yaml"
    mine.write_text(text)
    locs = [f.loc for f in check_rules(read_termsheet(mine, catalogue), catalogue, today=RULES_DATE)
            if f.rule == "COMMON-STARTER-EXAMPLE"]
    assert ("grant", "statutory_power") not in locs
    assert ("grant", "project_name") in locs


def test_the_rule_is_the_only_example_rule():
    assert [r.id for r in EXAMPLES.rules] == ["COMMON-STARTER-EXAMPLE"]
