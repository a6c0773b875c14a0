"""Open-book: the sheet's wording is not pasted where the draft has already said it (r27 ob-fresh finding 13): the
recital naming the homes refers back to them instead of repeating the description's 'in three small care homes',
the fund's purpose drops the sheet's count ('the three homes' reads 'the Homes'), and a plan for a list of uses is
for one or more of them."""

from __future__ import annotations

from tests.families.clause_texts import all_text, document_of, document_text, flat
from tests.families.conftest import (
    OB_ADULT, OB_CALDMOOR, OB_CHARITY, OB_NIGHTLY, OB_SINGLE, open_book_doc, open_book_notes_flat,
    open_book_result,
)


def test_recital_and_fund_read_without_pasted_counts(catalogue):
    t = flat(all_text(document_of(catalogue, OB_CALDMOOR.read_text(encoding="utf-8"))))
    assert ("The Society carries on Brackenhurst, Larkrise and The Granary, care homes registered with the Care Quality "
            "Commission under the Health and Social Care Act 2008, and has agreed to provide residential care, with "
            "accommodation, in those homes for adults aged 18 or over") in t
    assert ("provide the services known as Caldmoor Community Living Residential Homes: residential care, with "
            "accommodation, in the Homes for adults aged 18 or over") in t
    assert "community activities for the residents of the three homes" not in t
    assert "community activities for the residents of the Homes" in t
    assert "which must be for one or more of sensory rooms, garden improvements and community activities" in t


def test_quiet_where_the_description_names_no_homes_again(catalogue):
    """Quiet: 'a solo children's home' is a kind of home, not the homes again; a two-item purpose is not a list."""
    t = flat(all_text(document_of(catalogue, OB_SINGLE.read_text(encoding="utf-8"))))
    assert t.count("therapeutic support in a solo children's home for one young person") == 2  # recital and Sch 1
    t = flat(all_text(document_of(catalogue, OB_ADULT.read_text(encoding="utf-8"))))
    assert "which must be for day opportunities and community activities for the residents" in t


def test_care_home_payments_clause_uses_the_defined_placed_person(catalogue):
    """r27 ob-fresh finding 14: the care-home payments clause speaks of the defined Placed Person, not an undefined
    'resident' (death, absence, NHS Continuing Healthcare, complaints)."""
    from tests.families.clause_texts import clause_text
    d = document_of(catalogue, OB_CALDMOOR.read_text(encoding="utf-8"))
    t = flat(clause_text(d, "open-book.residents"))
    assert "If a Placed Person becomes eligible for NHS Continuing Healthcare" in t
    assert "When a Placed Person dies" in t
    assert "resident" not in t.replace("Residents", "")


def test_recital_b_does_not_repeat_the_services_description(catalogue):
    text = document_text(open_book_result(catalogue, OB_NIGHTLY))
    assert "and has agreed to provide the Supported Accommodation Services described in Schedule 1." in text
    assert text.count("self-contained move-on flats with daytime and on-call support") == 1


def test_generic_residue_is_left_out_of_the_open_book_notes(catalogue):
    """r25 ob-sample finding 13: Welsh, district-council, partnership, publicly-owned-company and processor
    boilerplate does not fit an English open-book care agreement between a council and a provider."""
    notes = open_book_notes_flat(open_book_doc(catalogue, OB_CHARITY))
    for residue in ("For a Welsh public body", "a district council is no social services authority",
                    'called a "partnership"', "publicly-owned company", "A processor is right only where",
                    "children's homes or supported accommodation"):
        assert residue not in notes, residue
    assert "so it is a controller in fact, and the Parties share personal data as separate controllers" in notes
