"""The recitals note on the Provider Selection Regime asks about the functions the sheet gives, not a fixed list of
adult functions: where the Services are under Part 3 of the Children Act 1989 it says that such a service is in
principle outside the Regime (which for a council catches health care arranged under its public health functions),
and the recital and the key information table carry the same bracket (r38d al-edge finding 7, tool note 13)."""
from __future__ import annotations

from tests.families.clause_texts import alliance_key_row, flat, note, variant_of
from tests.families.conftest import ALLIANCE_BIG

ADULT = "the main subject-matter is accommodation and support for adults with complex needs"
CHILDREN = ("the main subject-matter is support for children in need and their families under Part 3 of the Children "
            "Act 1989")


def test_children_part3_note_states_the_test(catalogue):
    """Firing: a recorded assessment under Part 3 of the Children Act 1989 gets the Part 3 answer, not the Care Act."""
    doc = variant_of(catalogue, ALLIANCE_BIG, ADULT, CHILDREN)
    text = flat(note(doc, "alliance.recitals"))
    assert ("a service a council arranges under Part 3 is social care, not health care arranged for the purposes of "
            "the health service, and so is in principle outside the Regime, which supports the recorded assessment") in text
    assert "and not under its public health functions" in text
    assert "(public health, the Care Act 2014 or homelessness)" not in text
    assert ("for a council, health care services it arranges in the exercise of its public health functions under the "
            "National Health Service Act 2006, such as substance use treatment") in text


def test_adult_services_keep_their_functions(catalogue):
    """Quiet: the adult sample is asked about its own functions and gets no Children Act sentence."""
    doc = variant_of(catalogue, ALLIANCE_BIG, ADULT, ADULT)
    text = flat(note(doc, "alliance.recitals"))
    assert "Part 3 of the Children Act 1989" not in text
    assert "confirm under which of the Council's functions (public health, the Care Act 2014 or homelessness)" in text


def test_recital_and_key_information_agree_on_brackets(catalogue):
    """Firing: the contracts recital (C) brackets are bracketed in the key information table too, and the note says so
    rather than 'without brackets'."""
    doc = variant_of(catalogue, ALLIANCE_BIG, ADULT, ADULT)
    row = alliance_key_row(doc, "Procurement route")[1]
    assert "[the Commissioner to confirm this, and the regime that governed the award, for the Service Contracts of" in row
    text = flat(note(doc, "alliance.recitals"))
    assert "state, without brackets, the route" not in text
    assert "each with the same bracketed request to confirm it, and the regime, for the contracts of" in text
