"""The positions the commissioner decides (clauses/choices.yaml) are checked against the clauses."""

from __future__ import annotations

import pytest

from assembler.errors import LibraryError
from assembler.library import choices
from assembler.library.choices import check_choices, commissioner_choices


def test_the_librarys_choices_name_real_positions_and_answer_every_variant(catalogue):
    assert check_choices(catalogue) == []
    grant = commissioner_choices(catalogue, "grant")
    assert list(grant) == ["grant_form", "payment_basis"]
    assert set(grant["payment_basis"].answers) == set(catalogue.positions("grant")["payment_basis"].variants)


def _with(monkeypatch, tmp_path, text: str):
    path = tmp_path / "choices.yaml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(choices, "_path", lambda catalogue: path)


def test_an_unknown_position_a_missing_and_an_unknown_variant_are_faults(catalogue, monkeypatch, tmp_path):
    _with(monkeypatch, tmp_path, """\
grant:
  payment_basis:
    question: When is the grant paid?
    answers: {arrears: after, advance: before, milestones: steps, fortnightly: every two weeks}
  payment_timing:
    question: When?
    answers: {soon: soon}
""")
    messages = [p.message for p in check_choices(catalogue)]
    assert "gives no answer for variant 'claims'" in messages
    assert "answers variant 'fortnightly', which the payment_basis clauses do not offer" in messages
    assert "names position 'payment_timing', which no grant clause offers" in messages


def test_a_faulty_file_is_reported_at_its_line(catalogue, monkeypatch, tmp_path):
    _with(monkeypatch, tmp_path, "grant:\n  payment_basis:\n    question: When: now?\n")
    problems = check_choices(catalogue)
    assert problems and problems[0].line == 3
    with pytest.raises(LibraryError):
        commissioner_choices(catalogue, "grant")


def test_no_file_means_no_choices(catalogue, monkeypatch, tmp_path):
    monkeypatch.setattr(choices, "_path", lambda catalogue: tmp_path / "absent.yaml")
    assert commissioner_choices(catalogue, "grant") == {} and check_choices(catalogue) == []
