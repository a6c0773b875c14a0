"""r18b al-fresh (lane al10): phrases pasted from the term sheet read as the draft's defined terms, a party's short
name takes the right article, the recitals say which Commissioner each statement is about, and the notes fit the
structure, services and parties of the deal."""
from __future__ import annotations

from pathlib import Path

import pytest

from assembler.termsheet.validate import read_termsheet
from assembler.writers.text import to_text
from tests.families.test_alliance import ALLIANCE, build, clause, table_rows, text_of

ELLERBY = Path(__file__).parent / "fixtures" / "alliance-ellerby-single-contract.yaml"


@pytest.fixture(scope="module")
def ellerby(catalogue):
    return build(ELLERBY, catalogue)


def _schedule_rows(doc, clause_id):
    return {r[0]: r[1] for r in table_rows(clause(doc, clause_id))}


def test_pasted_phrases_read_as_defined_terms(ellerby):
    """Findings 9 and 14: the contributions table and the data Schedules use the defined terms."""
    doc = ellerby.document
    rows = table_rows(clause(doc, "alliance.service-planning"))
    council = next(r for r in rows if r[0] == "Ellerby Council")
    assert council[2] == ("into the Pooled Budget in twelve equal monthly instalments on the first Business Day of each "
                          "month of the Alliance Year")
    sharing = _schedule_rows(doc, "common.schedule-data-sharing")
    assert sharing["Duration"] == "The Term and 8 years after it ends"
    assert sharing["Purposes"].endswith("anonymised reporting to the Commissioners and the Alliance")


def test_in_terms_leaves_other_words_alone(catalogue):
    """Quiet: a phrase with no defined thing in it, or a noun not after 'the', is unchanged."""
    a = read_termsheet(ELLERBY, catalogue).model.alliance
    assert a.in_terms("to a provider chosen on the terms agreed") == "to a provider chosen on the terms agreed"
    assert a.in_terms("") == "" and a.in_terms(None) is None
    assert a.in_terms("the council and the providers") == "the Council and the Providers"


def _note(doc, clause_id):
    return clause(doc, clause_id).note or ""


def test_notes_fit_a_single_contract_with_a_unitary_council_and_an_icb(ellerby):
    """Findings 10 and 17: no note on members' own service contracts in a single-contract alliance, no district
    councils, two-tier areas or NHS trusts where the public bodies are a unitary council and an ICB, and no
    children's-services point where the services are for adults only."""
    doc = ellerby.document
    definitions = _note(doc, "common.definitions")
    assert "members' own service contracts" not in definitions
    assert "There are no separate\n" not in definitions and "service specification" in definitions
    functions = _note(doc, "common.statutory-functions")
    assert "district council" not in functions and "NHS trust" not in functions and "two-tier" not in functions
    assert "the Council is the social services authority for its area" in functions
    assert "the ICB commissions health care" in functions
    assert "two-tier" not in _note(doc, "common.safeguarding")
    assert "children's services" not in _note(doc, "common.compliance-with-law")


def test_generic_notes_stay_where_the_deal_needs_them(catalogue):
    """Quiet: an alliance with Service Contracts keeps the ranking point, and one with a district council keeps the
    two-tier text."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        sheet_text = path.read_text()
        if "structure: single-contract" not in sheet_text:
            assert "members' own service contracts" in _note(doc, "common.definitions"), path.name
        if "District Council" in sheet_text:
            assert "district council" in _note(doc, "common.statutory-functions"), path.name


