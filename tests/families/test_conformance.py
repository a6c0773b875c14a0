"""Every sample of every family: it checks without errors, and its draft opens cleanly, reads back in
LibreOffice with the numbers the model computed, and repeats byte for byte."""

from __future__ import annotations

import re

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, assemble_to, samples
from assembler.model import iter_paragraphs
from tests.families.conformance import assert_deterministic, assert_libreoffice_agrees, assert_opens_cleanly

ALL = samples()


@pytest.fixture(scope="module", params=ALL, ids=lambda p: f"{p.parent.name}/{p.stem}")
def drafted(request, catalogue, tmp_path_factory):
    out = tmp_path_factory.mktemp(request.param.stem) / "draft.docx"
    assemble_to(request.param, out, catalogue)
    document = assemble(read_termsheet(request.param, catalogue), catalogue, today=DRAFT_DATE).document
    return request.param, document, out


def test_every_family_has_two_samples(catalogue):
    for family in catalogue.manifests:
        assert len(samples(family)) >= 2, family


def test_opens_cleanly(drafted):
    assert_opens_cleanly(drafted[2])


@pytest.mark.soffice
def test_libreoffice_reads_numbers_and_references(drafted):
    assert_libreoffice_agrees(drafted[2], drafted[1])


def test_deterministic(drafted, catalogue, tmp_path):
    assert_deterministic(drafted[0], catalogue, tmp_path)


def test_says_it_is_not_legal_advice(drafted):
    assert "not legal advice" in drafted[1].marking
    assert "not legal advice" in drafted[1].properties["notice"].lower()


FUSED_ITEM = re.compile(r"\b(?:and|or)-\s|;\s?-\s")


def test_no_list_item_is_fused_into_another(drafted):
    """ob-fresh r15 finding 8: a block tag ate the newline after '; and', so the next bullet ran on
    ('...clause 13; and- a cost met from...'). No paragraph may carry a bullet of another item."""
    doc = drafted[1]
    blocks = [b for c in doc.all_clauses() for b in c.blocks]
    fused = [p.text for p in iter_paragraphs(blocks) if FUSED_ITEM.search(p.text)]
    assert fused == []
