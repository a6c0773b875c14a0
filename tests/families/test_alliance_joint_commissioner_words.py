"""The sheet's singular "the Commissioner" where two or more Commissioners commission (sprint J1, I2 items 13 and 17):
a Reserved Matter on "the Commissioner's cap" names the Commissioners' one amount with a reference to the sub-clause
that sets it, "the Commissioner's budget" becomes each Commissioner's own, and the intellectual property note names
the Lead Commissioner that holds the Alliance Materials. One Commissioner keeps its words."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, note, variant_of
from tests.families.conftest import ALLIANCE_JOINT, ALLIANCE_SMALL

BUDGET = "Any decision that commits the Commissioner's budget beyond the Annual Plan"


def test_joint_reserved_matters_name_the_right_commissioner(catalogue):
    """Firing: two Commissioners; the cap reads as the Commissioners' amount of Pain in the risk and reward clause and
    the budget as a Commissioner's."""
    doc = variant_of(catalogue, ALLIANCE_JOINT, BUDGET, BUDGET)
    text = clause_text(doc, "alliance.decisions", flat=True)
    assert "the Pain Caps or the Commissioners' amount of Pain in clause 13;" in text
    assert "any decision that commits a Commissioner's budget beyond the Annual Plan" in text
    assert "the Commissioner's cap" not in text and "the Commissioner's budget" not in text


def test_joint_bare_commissioner_reads_as_the_lead(catalogue):
    """Firing: a bare "the Commissioner" in a Reserved Matter is the Lead Commissioner, which acts for them all."""
    doc = variant_of(catalogue, ALLIANCE_JOINT, BUDGET, "Any decision that the Commissioner must fund beyond the Annual Plan")
    assert "any decision that the Lead Commissioner must fund beyond the Annual Plan" in clause_text(
        doc, "alliance.decisions", flat=True)


def test_single_commissioner_keeps_the_sheet_words(catalogue):
    """Quiet: one Commissioner; the budget matter keeps "the Commissioner's budget"."""
    doc = variant_of(catalogue, ALLIANCE_SMALL, BUDGET, BUDGET)
    text = clause_text(doc, "alliance.decisions", flat=True)
    assert "any decision that commits the Commissioner's budget beyond the Annual Plan" in text
    assert "Lead Commissioner" not in text


def test_intellectual_property_note_names_the_holder(catalogue):
    """Firing: joint Commissioners, the note names the Lead Commissioner and the Providers; quiet: one Commissioner,
    no Lead Commissioner wording."""
    joint = note(variant_of(catalogue, ALLIANCE_JOINT, BUDGET, BUDGET), "alliance.intellectual-property")
    assert "is assigned to the Council (the Lead Commissioner, holding for every Commissioner) now" in joint
    assert "Check: whether any of the Trust," in joint and "assigned to the Commissioner now" not in joint
    single = note(variant_of(catalogue, ALLIANCE_SMALL, BUDGET, BUDGET), "alliance.intellectual-property")
    assert "Lead Commissioner" not in single and "holding for every Commissioner" not in single
