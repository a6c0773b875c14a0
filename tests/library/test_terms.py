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


def _with_definitions(doc: Document, *terms: str) -> Document:
    from assembler.model import Definition

    doc.definitions = [Definition(t, [Text(f"the meaning of {t}")]) for t in terms]
    return doc


def test_a_defined_term_in_lower_case_after_the_is_reported():
    from assembler.library.terms import term_problems

    doc = _with_definitions(_draft([Text("The "), Term("Council", "Council"), Text(" pays "), Term("P3", "P3"),
                                    Text(" for the homes and the "), Term("Homes", "Homes"), Text(".")]), "Homes")
    assert term_problems(doc) == ["'the homes' appears 1 time in lower case although 'Homes' is a defined term: "
                                  "use the defined term, or say why not"]


def test_a_term_and_a_longer_term_it_begins_are_each_counted_at_word_boundaries():
    """One scan counts every term: 'the partnership account' is a lower-case use of 'Partnership Account' and of
    'Partnership'; 'the partnership-wide', 'the partnerships' and 'bathe partnership' are uses of neither."""
    from assembler.library.terms import _lower_case_uses

    text = ("Pay into the partnership account; the partnership-wide plan; the partnerships; bathe partnership; "
            "the partnership, and the partnership account.")
    doc = _with_definitions(_draft([Text(text)]), "Partnership", "Partnership Account")
    assert _lower_case_uses(doc) == [
        "'the partnership' appears 3 times in lower case although 'Partnership' is a defined term: use the defined "
        "term, or say why not",
        "'the partnership account' appears 2 times in lower case although 'Partnership Account' is a defined term: "
        "use the defined term, or say why not"]


def test_the_defined_term_used_as_defined_is_quiet():
    from assembler.library.terms import term_problems

    doc = _with_definitions(_draft([Text("The "), Term("Council", "Council"), Text(" pays "), Term("P3", "P3"),
                                    Text(" for the "), Term("Homes", "Homes"), Text(" under the law.")]), "Homes", "Law")
    assert term_problems(doc) == []


def test_a_term_defined_again_in_a_clause_is_reported():
    from assembler.library.terms import term_problems

    doc = _with_definitions(_draft([Text("The "), Term("Council", "Council"), Text(" pays "), Term("P3", "P3"),
                                    Text(' the contribution (the "Homes") for the '), Term("Homes", "Homes")]), "Homes")
    [problem] = term_problems(doc)
    assert problem == "'Homes' is defined more than once: in the definitions clause and in X"


def test_a_draft_lists_its_term_problems_as_findings(catalogue):
    from tests.conftest import ROOT

    result = assemble(read_termsheet(ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml", catalogue),
                      catalogue, today=DRAFT_DATE)
    found = [f for f in result.findings if f.rule == "COMMON-DRAFT-TERMS"]
    assert found and all(f.severity == "info" for f in found)
    assert any("'the homes'" in f.message for f in found)


def test_assemble_leaves_wording_findings_to_the_review_pack(catalogue, tmp_path):
    """A commissioner assembling a draft cannot act on the library's wording: `assemble` prints the
    term sheet's findings only, while the review pack keeps the wording ones for the lawyer."""
    from assembler.operations import draft_bytes
    from tests.conftest import ROOT

    sheet = read_termsheet(ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml", catalogue)
    draft = draft_bytes(sheet, catalogue, today=DRAFT_DATE)
    assert not any("COMMON-DRAFT-TERMS" in str(problem) for problem in draft.findings)
