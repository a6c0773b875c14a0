"""The split of the running costs between Commissioners by their contributions is the draft's assumption, not an
instruction: where the sheet names no single payer it is listed among the stated assumptions in the Key Information
note, with each Commissioner's percentage and its part of the running-costs budget (r43 al-earlyhelp finding 7)."""
from __future__ import annotations

from tests.families.clause_texts import document_of, variant_of
from tests.families.conftest import ALLIANCE_MOSSGATE, ALLIANCE_POOLED_PCC

PHRASE = "that the Commissioners share the running costs in proportion to their contributions"


def test_split_by_contributions_is_a_stated_assumption(catalogue):
    """Firing: two Commissioners pool, running costs 'commissioner', no running_costs_payer, a £115,000 budget."""
    doc = document_of(catalogue, ALLIANCE_POOLED_PCC.read_text())
    found = [a for a in doc.assumptions if PHRASE in a]
    assert len(found) == 1
    assert "which the instructions do not say: for the first Alliance Year" in found[0]
    assert "of the £115,000 running-costs budget" in found[0]
    assert "%" in found[0]


def test_no_assumption_where_one_commissioner_pays(catalogue):
    """Quiet: the sheet names the Commissioner that pays the running costs alone (running_costs_payer)."""
    doc = document_of(catalogue, ALLIANCE_MOSSGATE.read_text())
    assert not any(PHRASE in a for a in doc.assumptions)
    old = "  running_costs: commissioner\n"
    doc = variant_of(catalogue, ALLIANCE_POOLED_PCC, old, old + "  running_costs_payer: council\n")
    assert not any(PHRASE in a for a in doc.assumptions)
