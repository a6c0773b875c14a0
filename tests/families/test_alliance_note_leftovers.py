"""Drafting notes without generic leftovers that do not fit the deal (r38d al-edge findings 10 and 15): no
Plymouth/NEC/FAC-1 background in the notes; the statutory functions note describes an NHS trust member and a
children's services council as what they are, not by the district-council and Care Act generalities."""
from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import build, flat, note, variant_of
from tests.families.conftest import ALLIANCE_BIG

EARLY_HELP = Path(__file__).parent / "fixtures" / "alliance-early-help.yaml"  # children's early help, a council and an ICB


def test_no_background_models_in_the_notes(catalogue):
    """Quiet everywhere: the sample's notes carry no Plymouth, NEC or FAC-1 background (the sources list them)."""
    doc = build(ALLIANCE_BIG, catalogue).document
    notes = " ".join(c.note or "" for c in doc.all_clauses())
    assert "Plymouth" not in notes and "NEC and FAC-1" not in notes and "FAC-1 do" not in notes


def test_statutory_functions_note_fits_a_trust_and_a_childrens_council(catalogue):
    """Firing: a children's alliance with an NHS trust gets each body's own functions, not the generic list."""
    doc = variant_of(catalogue, EARLY_HELP, "    legal_form: community_interest_company\n    company_number: '10863527'\n",
                     "    legal_form: nhs_trust\n")
    text = flat(note(doc, "common.statutory-functions"))
    assert "provides health care as an NHS body, registered with and regulated by the Care Quality Commission" in text
    assert "a district council in a two-tier area" not in text
    assert "its functions under the Children Act 1989 for children in need" in text
    assert "care and support under the Care Act 2014" not in text


def test_adult_council_keeps_the_care_act(catalogue):
    """Quiet: the adults' sample keeps the Care Act description of its council."""
    text = flat(note(build(ALLIANCE_BIG, catalogue).document, "common.statutory-functions"))
    assert "Children Act 1989 for children in need" not in text
