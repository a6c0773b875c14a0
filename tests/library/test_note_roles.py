"""Drafting notes call each party what the draft calls it: a role name ("the Funder", "a Public Body")
is reported where the draft does not define it; the shared clauses' notes never use one undefined."""

from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.library.notes import undefined_roles
from assembler.model import Clause, Definition, Document, Paragraph, PartyBlock, Term, Text
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, samples


def _party(short: str) -> PartyBlock:
    return PartyBlock(role="funder", name=f"{short} Limited", short_name=short, description="a company",
                      address="1 High Street", signatory_name=Text("A"), signatory_position=Text("B"))


def _draft(note: str, definitions=()) -> Document:
    clause = Clause(id="grant.x", version="1.0.0", status="approved", title="Payment", kind="clause",
                    blocks=[Paragraph([Term("Council", "Council"), Text(" pays the Trust.")])], note=note, number="5")
    return Document(family="grant", title="T", subtitle="", reference="", date=Text("today"), marking="",
                    parties=[_party("Council"), _party("Trust")], recitals=[], clauses=[clause], schedules=[],
                    definitions=list(definitions))


def test_a_role_name_the_draft_does_not_define_is_reported():
    [message] = undefined_roles(_draft("The Funder may withhold payment if the Recipient's report is late."))
    assert "clause 5 (Payment)" in message and "'Funder', 'Recipient'" in message
    assert "the Council, the Trust" in message


def test_a_defined_role_a_name_containing_one_or_a_quoted_one_is_quiet():
    assert undefined_roles(_draft("Check with the Information Commissioner and the Local Authority Option.")) == []
    assert undefined_roles(_draft('No "Public Body" definition is needed.')) == []
    defined = [Definition("Public Body", [Text("a Party that is a public authority")])]
    assert undefined_roles(_draft("Each Public Body may publish it.", defined)) == []


@pytest.mark.parametrize("path", samples(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_shared_clause_notes_name_the_parties_as_the_draft_does(path, catalogue):
    doc = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
    shared = Document(**{**doc.__dict__, "recitals": [], "schedules": [],
                         "clauses": [c for c in doc.all_clauses() if c.id.startswith("common.")]})
    assert undefined_roles(shared) == []
