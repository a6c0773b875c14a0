"""A Commissioner whose contribution rises by its own uplift (indexed_by) while the Annual Value of a Service Contract
it holds rises by the alliance's single indexation: the rule ALLIANCE-CONTRIBUTION-UPLIFT-GAP warns, and the note to
the clause on service planning says who bears the difference and the choices (r38d al-mh finding 8, tool notes 3-4)."""
from __future__ import annotations

from tests.families.clause_texts import document_of, flat, note
from tests.families.conftest import ALLIANCE_HARROWDALE
from tests.rules.helpers import findings

CLAUSE = "alliance.service-planning"
RULE = "ALLIANCE-CONTRIBUTION-UPLIFT-GAP"
_ICB_LINE = "        pays: in twelve equal monthly instalments on the 10th of each month, the first on 10 April 2027\n"
_UPLIFT = "the cost uplift factor for that financial year published in the NHS Payment Scheme"
_PEERS = "    name: Spectrum Peer Connect\n"


def _sheet(uplift: bool, icb_holds: bool) -> str:
    text = ALLIANCE_HARROWDALE.read_text()
    assert _ICB_LINE in text and _PEERS in text
    if uplift:
        text = text.replace(_ICB_LINE, _ICB_LINE + f"        indexed_by: {_UPLIFT}\n", 1)
    if icb_holds:
        text = text.replace(_PEERS, _PEERS + "    service_contract_with: icb\n", 1)
    return text


def _edit(uplift: bool, icb_holds: bool):
    def edit(data):
        if uplift:
            c = next(c for c in data["alliance"]["pooled_budget"]["contributions"] if c["member"] == "icb")
            c["indexed_by"] = _UPLIFT
        if icb_holds:
            next(m for m in data["members"] if m["key"] == "peers")["service_contract_with"] = "icb"
    return edit


def test_rule_and_note_fire_where_the_icb_uplift_differs_from_its_contracts_indexation(catalogue):
    """Firing: the ICB's contribution follows the NHS uplift, Spectrum Peer Connect's Annual Value (the ICB's
    contract) follows the alliance's indexation: the Council funds the gap, and both the rule and the note say so."""
    found = findings(catalogue, ALLIANCE_HARROWDALE, _edit(True, True))
    assert RULE in found
    assert "the Council funds the difference on a contract the ICB commissions" in found[RULE][0]
    n = flat(note(document_of(catalogue, _sheet(True, True)), CLAUSE))
    assert "The ICB holds the Service Contract of Spectrum Peer Connect, whose Annual Value rises by the Indexation" in n
    assert "the Council meets part of the indexation of a contract the ICB commissions" in n
    assert "(council money meeting an NHS-commissioned contract, which the Section 75 Agreement must expressly allow)" in n
    assert "indexing Spectrum Peer Connect's Annual Value by the same uplift as the ICB's contribution" in n


def test_quiet_where_the_icb_holds_no_contract_or_follows_the_annual_values(catalogue):
    """Quiet: the uplift without an ICB-held contract (the existing uplift note only), and an ICB-held contract whose
    funder's contribution follows the Annual Values."""
    assert RULE not in findings(catalogue, ALLIANCE_HARROWDALE, _edit(True, False))
    assert RULE not in findings(catalogue, ALLIANCE_HARROWDALE, _edit(False, True))
    n = flat(note(document_of(catalogue, _sheet(True, False)), CLAUSE))
    assert "holds the Service Contract" not in n
    assert "the ICB's contribution rises only by " + _UPLIFT in n
