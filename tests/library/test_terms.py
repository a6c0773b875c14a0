"""The unused-term check: it fires on a draft that defines a term nothing uses, and stays quiet on
the draft of every sample."""

from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.library.terms import unused_terms
from assembler.model import Clause, Document, Paragraph, PartyBlock, Term, Text
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, samples


def _party(short: str) -> PartyBlock:
    return PartyBlock(role="funder", name=f"{short} Limited", short_name=short, description="a company",
                      address="1 High Street", signatory_name=Text("A"), signatory_position=Text("B"))


def _draft(*paragraphs: list) -> Document:
    clause = Clause(id="grant.x", version="1.0.0", status="approved", title="X", kind="clause",
                    blocks=[Paragraph(list(p)) for p in paragraphs])
    return Document(family="grant", title="T", subtitle="", reference="", date=Text("today"), marking="",
                    parties=[_party("Council"), _party("P3")], recitals=[], clauses=[clause], schedules=[])


def test_a_party_term_nothing_uses_is_reported():
    doc = _draft([Text("The "), Term("Council", "Council"), Text(" pays.")])
    assert unused_terms(doc) == ["the parties block defines 'P3' for P3 Limited, but no clause uses it"]


def test_a_party_named_in_plain_text_counts_as_used():
    doc = _draft([Text("The "), Term("Council", "Council"), Text(" pays P3.")])
    assert unused_terms(doc) == []


def test_a_term_defined_in_passing_and_never_used_is_reported():
    doc = _draft([Term("Council", "Council"), Text(" and P3 sign the deed (the \"Side Letter\").")])
    assert unused_terms(doc) == ["grant.x defines 'Side Letter' in its text, but nothing else uses it"]
    doc.clauses[0].blocks.append(Paragraph([Text("The Side Letter prevails.")]))
    assert unused_terms(doc) == []


@pytest.mark.parametrize("path", samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_sample_draft_defines_a_term_it_never_uses(path, catalogue):
    doc = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
    assert unused_terms(doc) == []


def test_library_check_reports_an_unused_term_against_its_sample(catalogue, tmp_path):
    from assembler.library.terms import check_unused_terms

    sample = tmp_path / "crafted.yaml"
    problems = check_unused_terms(catalogue, [(sample, _draft([Text("The Council pays.")]))])
    assert [(p.file, p.field) for p in problems] == [(str(sample), "defined terms")]
    assert "'P3'" in problems[0].message


def test_library_check_is_quiet_on_every_sample(catalogue):
    from assembler.library.terms import check_unused_terms

    assert check_unused_terms(catalogue) == []
