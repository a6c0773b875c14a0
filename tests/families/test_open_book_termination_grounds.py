"""Open-book termination for regulatory failure survives a change of inspection framework (r27 ob-sample finding 6):
two consecutive lowest judgements under a replacement framework count as two 'inadequate' ones."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, document_text, flat
from tests.families.conftest import OB_ADULT, OB_CHARITY, OB_LIVING, open_book_result


def _t(catalogue, path):
    return flat(clause_text(document_of(catalogue, path.read_text(encoding="utf-8")), "open-book.termination"))


def test_lowest_judgement_under_a_replacement_framework_counts(catalogue):
    assert ("judged inadequate overall at two consecutive full inspections (or given the lowest overall judgement at "
            "two consecutive full inspections under any framework that replaces Ofsted's current one);") in _t(catalogue, OB_CHARITY)
    assert "under any framework that replaces the Care Quality Commission's current one);" in _t(catalogue, OB_ADULT)


def test_supported_living_ground_unchanged(catalogue):
    """Quiet: supported living keeps its location-rating ground."""
    assert "framework that replaces" not in _t(catalogue, OB_LIVING)


def test_an_undelivered_premises_direct_agreement_is_a_termination_ground(catalogue):
    """r23 ob-fresh 15: the landlord's direct agreement the Provider must procure before the start has a consequence:
    the Council may end the agreement if it is not entered into within [20] Business Days after the start."""
    text = flat(document_text(open_book_result(catalogue, "supported-accommodation-subsidiary.yaml")))
    assert "into a direct agreement" in text
    assert "a direct agreement required by clause" in text and "has not been entered into within [3] months after the date of this Agreement" in text
    # r26 ob-fresh 15: one deadline, in the clause that requires the direct agreement
    assert "procure that, within [20] Business Days after the date of this Agreement, " in text
    quiet = flat(document_text(open_book_result(catalogue, "adult-care-sharing-band.yaml")))
    assert "direct agreement" not in quiet
