"""The open_book block in another family's term sheet brings the open-book clauses and schedules into
that draft, numbered, cross-referenced and defined with the rest (here an alliance; the grant sample
care-leavers-open-book.yaml carries it too)."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from assembler.writers.text import to_text
from tests.conftest import DRAFT_DATE, ROOT, assemble_to, samples
from tests.families.conformance import assert_libreoffice_agrees, assert_opens_cleanly

ALLIANCE = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"
GRANT_WITH_BLOCK = ROOT / "samples" / "grant" / "care-leavers-open-book.yaml"


@pytest.fixture(scope="module")
def alliance_with_block(tmp_path_factory, catalogue):
    yaml = YAML()
    data = yaml.load(ALLIANCE.read_text())
    data["open_book"] = yaml.load(GRANT_WITH_BLOCK.read_text())["open_book"]
    sheet = tmp_path_factory.mktemp("carried") / "alliance-open-book.yaml"
    with sheet.open("w") as handle:
        yaml.dump(data, handle)
    document = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    return sheet, document


def test_block_adds_the_open_book_clauses_and_schedules(alliance_with_block, catalogue):
    _, doc = alliance_with_block
    plain = assemble(read_termsheet(ALLIANCE, catalogue), catalogue, today=DRAFT_DATE).document
    added = {c.id for c in doc.all_clauses()} - {c.id for c in plain.all_clauses()}
    assert {"common.open-book-profit-cap", "common.open-book-schedule-reconciliation"} <= added
    # an alliance adds one schedule of its own: each Provider's reconciliation on its own cost model
    assert all(i.startswith("common.open-book") or i == "alliance.schedule-open-book-providers" for i in added)


def test_defined_terms_name_the_alliance_parties(alliance_with_block):
    text = to_text(alliance_with_block[1])
    # several providers keep the term; the one public body is named
    assert "Open-Book Provider means each Party that is not the " in text


@pytest.mark.parametrize("family", ["grant", "alliance", "co-investment"])
def test_every_family_that_may_carry_the_block_draws_it(family, catalogue, tmp_path):
    """A block the manifest ignored would vanish silently; every family's draft must show it."""
    sample = samples(family)[0]
    yaml = YAML()
    data = yaml.load(sample.read_text())
    data["open_book"] = yaml.load(GRANT_WITH_BLOCK.read_text())["open_book"]
    sheet = tmp_path / "with-block.yaml"
    with sheet.open("w") as handle:
        yaml.dump(data, handle)
    doc = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    ids = {c.id for c in doc.all_clauses()}
    assert {"common.open-book-profit-cap", "common.open-book-schedule-reconciliation"} <= ids


def test_carried_block_conforms(alliance_with_block, catalogue, tmp_path):
    sheet, doc = alliance_with_block
    out = assemble_to(sheet, tmp_path / "carried.docx", catalogue)
    assert_opens_cleanly(out)
    assert_libreoffice_agrees(out, doc)
