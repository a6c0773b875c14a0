"""`library check` reports a cross-reference whose words name a subject its target's heading lacks
("evidence of the insurance required by clause 30", where clause 30 is Liability)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assembler.library.catalogue import load_catalogue
from assembler.library.check import check_library
from assembler.library.paths import LibraryPaths
from assembler.library.references import (
    check_references, found_in, lead_in, mismatches, names, subjects_of, vocabulary,
)
from assembler.model import Clause, Definition, Document, Paragraph, Ref, Term, Text
from tests.conftest import MINILIB

VOCAB = vocabulary(["Insurance", "Liability", "Withholding, suspension and repayment", "Data protection",
                    "Care Services, Homes and KPIs", "Outcomes and Key Performance Indicators"])


def test_every_sample_of_every_family_is_quiet(catalogue):
    assert [str(p) for p in check_references(catalogue)] == []


def test_a_heading_names_each_of_its_parts():
    assert subjects_of("Withholding, suspension and repayment") == [("withholding",), ("suspension",), ("repayment",)]
    assert subjects_of("The Risk/reward mechanism") == [("risk",), ("reward", "mechanism")]


def test_plurals_and_initials_name_a_subject():
    assert names("Payment Schedule", ("payment",))
    assert names("Care Services, Homes and KPIs", ("key", "performance", "indicator"))
    assert not names("Liability", ("insurance",))


def test_general_words_leave_the_vocabulary():
    assert ("term",) in vocabulary(["Term and termination"])
    assert ("term",) not in vocabulary(["Term and termination"], general=["terms"])


def test_the_lead_in_stops_at_punctuation_a_defined_term_or_another_reference():
    inlines = [Text("Subject to the payment rules; evidence of the insurance required by "), Ref("x")]
    assert lead_in(inlines, 1) == " evidence of the insurance required by "
    inlines = [Text("the insurance of the "), Term("Grant", "Grant"), Text(" set out in "), Ref("x")]
    assert lead_in(inlines, 3) == " set out in "
    inlines = [Text("the insurance in "), Ref("y"), Text(" and "), Ref("x")]
    assert lead_in(inlines, 3) == " and "


def test_only_the_last_few_words_name_the_subject():
    assert found_in("evidence of the insurance required by ", VOCAB) == [("insurance",)]
    assert found_in("the insurance cover that the Recipient must keep and show on request under ", VOCAB) == []


def _doc(*paragraphs: list, definitions=()) -> Document:
    clauses = [Clause("grant.conditions", "1.0.0", "approved", "Conditions", "clause",
                      [Paragraph(p) for p in paragraphs]),
               Clause("grant.liability", "1.0.0", "approved", "Liability", "clause", number="30"),
               Clause("common.insurance", "1.0.0", "approved", "Insurance", "clause", number="31")]
    return Document("grant", "T", "", "", Text(""), "", [], [], clauses, [], list(definitions))


def _ref(target: str, label: str) -> Ref:
    return Ref(target, label=label, prefix="clause ")


def test_a_reference_to_the_wrong_clause_is_found():
    doc = _doc([Text("evidence of the insurance required by "), _ref("grant.liability", "30"), Text(";")])
    [found] = mismatches(doc, VOCAB)
    assert (found.clause, found.target, found.subject) == ("grant.conditions", "grant.liability", "insurance")
    assert found.text == "evidence of the insurance required by clause 30"
    assert found.heading == "clause 30 (Liability)"


def test_the_right_clause_and_an_anchor_in_it_are_quiet():
    doc = _doc([Text("evidence of the insurance required by "), _ref("common.insurance", "31")],
               [Text("the insurance required by "), _ref("common.insurance#cover", "31.2")])
    assert mismatches(doc, VOCAB) == []


def test_a_definition_is_checked_once_under_its_term():
    ref = _ref("grant.liability", "30")
    definition = Definition("Cover", [Text("the insurance required by "), ref])
    doc = _doc([Term("Cover", "Cover"), Text(" means the insurance required by "), ref],
               definitions=[definition])
    [found] = mismatches(doc, VOCAB)
    assert found.clause == "definition of Cover"


@pytest.fixture
def lib(tmp_path) -> Path:
    root = tmp_path / "lib"
    shutil.copytree(MINILIB, root)
    return root


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def _faults(root: Path) -> list[str]:
    return [str(p) for p in check_library(load_catalogue(LibraryPaths(root)))]


def test_library_check_reports_the_clause_file_line_and_sample(lib):
    _edit(lib / "clauses/grant/general.md", "the payment rules are in", "the match funding rules are in")
    [fault] = _faults(lib)
    assert "clauses/grant/general.md:7: body: [[ref:grant.payment#timing]]" in fault
    assert 'and the match funding rules are in clause 2.1" names match funding' in fault
    assert "clause 2.1 (Payment of the Grant)" in fault
    assert "grant/tiny.yaml" in fault


def test_an_allowance_with_its_reason_silences_it(lib):
    _edit(lib / "clauses/grant/general.md", "the payment rules are in", "the match funding rules are in")
    data = lib / "clauses/references.yaml"
    data.write_text("allow:\n  - {clause: grant.general, target: grant.payment, subject: match funding,"
                    " reason: crafted for the test}\n")
    assert _faults(lib) == []
    data.write_text("allow:\n  - {clause: grant.general, target: grant.payment, subject: match funding}\n")
    assert any("each entry needs clause, target, subject, reason" in f for f in _faults(lib))


def test_an_allowance_no_draft_needs_is_reported(lib):
    (lib / "clauses/references.yaml").write_text(
        "allow:\n  - {clause: grant.general, target: grant.payment, subject: match funding, reason: crafted}\n")
    [fault] = _faults(lib)
    assert "references.yaml: allow: allows 'match funding'" in fault
    assert "no sample's draft has that reference: remove the entry" in fault


def test_a_general_word_is_not_a_subject(lib):
    _edit(lib / "clauses/grant/general.md", "the payment rules are in", "the match funding rules are in")
    (lib / "clauses/references.yaml").write_text("general:\n  - {word: match funding, reason: crafted}\n")
    assert _faults(lib) == []


def test_variants_no_sample_chooses_are_quiet_too(catalogue):
    """Samples choose some variants of each position; the others are assembled here from the
    family's first sample, so every clause variant's references are read at least once."""
    import datetime as dt

    from assembler.assemble import assemble
    from assembler.errors import UserError
    from assembler.library import references
    from assembler.termsheet.loader import Loaded, load_file
    from assembler.termsheet.validate import read_termsheet, validate
    from tests.conftest import samples

    exceptions, _ = references.read_exceptions(catalogue)
    vocab = references.vocabulary((f.header.title for f in catalogue.files), exceptions.general)
    found, tried = [], 0
    for family in sorted(catalogue.manifests):
        chosen = {(name, variant) for s in samples(family)
                  for name, variant in read_termsheet(s, catalogue).positions.items()}
        first = load_file(samples(family)[0])
        for name, position in catalogue.positions(family).items():
            for variant in sorted(set(position.variants) - {v for n, v in chosen if n == name}):
                data = {**first.data, "positions": {**(first.data.get("positions") or {}), name: variant}}
                try:
                    sheet = validate(Loaded(first.path, data, first.lines), catalogue)
                    doc = assemble(sheet, catalogue, today=dt.date(2026, 4, 1)).document
                except UserError:
                    continue  # the variant needs term-sheet facts this sample lacks
                tried += 1
                for m in references.mismatches(doc, vocab):
                    source, _ = references.source_of(m, doc, catalogue)
                    if (source.id, m.target.split("#")[0], m.subject) not in exceptions.allowed:
                        found.append(f"{family} {name}={variant}: {m}")
    assert tried >= 10 and found == []


@pytest.mark.parametrize("lead, subject", [
    ("evidence of the insurance required by ", "insurance"),
    ("the payment provisions in ", "payment"),
    ("the data sharing arrangements in ", "data sharing"),
])
def test_the_real_headings_give_the_subjects_a_lead_in_names(catalogue, lead, subject):
    vocab = vocabulary(f.header.title for f in catalogue.files)
    assert [" ".join(s) for s in found_in(lead, vocab)] == [subject]
