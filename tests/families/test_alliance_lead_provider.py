"""A lead provider (r38d al-edge tool note 3, and another review): alliance.lead_provider names the Provider that
leads, chairs the Operational Group (instead of the Alliance Manager) and does what the sheet lists, even-handedly
(no extra vote, no power over other members, no larger share); a sheet without it keeps the Alliance Manager in
the chair."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import ALLIANCE_HARROWDALE
from tests.rules.helpers import findings

ANCHOR = "  running_costs: commissioner\n"


def _with(block: str) -> str:
    text = ALLIANCE_HARROWDALE.read_text()
    assert ANCHOR in text
    return text.replace(ANCHOR, block + ANCHOR, 1)


def test_lead_chairs_and_has_its_duties(catalogue):
    """Firing: the lead's operational lead chairs; its listed duties; no extra vote or power."""
    doc = document_of(catalogue, _with("  lead_provider:\n    member: hap\n    duties:\n"
                                       "      - run the referral hub as the single point of access for referrals\n"))
    t = clause_text(doc, "alliance.governance", flat=True)
    assert "chaired by the operational lead of" in t and "as lead provider, with the Alliance Manager attending" in t
    assert "chaired by the Alliance Manager" not in t
    assert "is the lead provider of the Alliance. As lead provider it must:" in t
    assert "chair the Operational Group through its operational lead" in t
    assert "run the referral hub as the single point of access for referrals." in t
    assert "Being lead provider gives it no extra vote on the ALT or in the Operational Group" in t
    assert "no larger share of Gain or Pain" in t


def test_lead_that_does_not_chair(catalogue):
    """Firing: chairs_operational_group false leaves the Alliance Manager in the chair, and with no duties listed
    the lead is the Providers' point of contact."""
    doc = document_of(catalogue, _with("  lead_provider:\n    member: hap\n    chairs_operational_group: false\n"))
    t = clause_text(doc, "alliance.governance", flat=True)
    assert "chaired by the Alliance Manager" in t
    assert "act as the Providers' point of contact for" in t
    assert "chair the Operational Group through" not in t


def test_no_lead_provider_no_change(catalogue):
    """Quiet: without lead_provider, the Alliance Manager chairs and no lead provider clause appears."""
    t = clause_text(document_of(catalogue, ALLIANCE_HARROWDALE.read_text()), "alliance.governance", flat=True)
    assert "chaired by the Alliance Manager" in t and "lead provider" not in t


def test_lead_provider_must_be_a_provider(catalogue):
    """ALLIANCE-UNKNOWN-MEMBER (firing): a lead that is the Commissioner, or no member; (quiet) a Provider."""
    def lead(key):
        def edit(d):
            d["alliance"]["lead_provider"] = {"member": key}
        return edit
    assert any("not a Provider" in m for m in findings(catalogue, ALLIANCE_HARROWDALE, lead("council"))["ALLIANCE-UNKNOWN-MEMBER"])
    assert any("'nobody'" in m for m in findings(catalogue, ALLIANCE_HARROWDALE, lead("nobody"))["ALLIANCE-UNKNOWN-MEMBER"])
    assert "ALLIANCE-UNKNOWN-MEMBER" not in findings(catalogue, ALLIANCE_HARROWDALE, lead("hap"))
