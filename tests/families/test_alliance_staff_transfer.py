"""A council's in-house team transferring to Providers when the Alliance starts (r38d al-edge finding 1, tool notes
1, 2 and 4): alliance.staff_transfer_in records the transfer under the Service Contracts, makes the LGPS admission
agreements (and any bond) a condition of the services starting, settles who bears a change in the employer rate,
keeps exit payments out of the Delivery Costs, lets the first KPI figures come from the team's records, and the
note gives the Best Value Direction and Fair Deal position; a sheet without the block is unchanged."""
from __future__ import annotations

import re

import pytest

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_SMALL
from tests.rules.helpers import findings

BLOCK = """  staff_transfer_in:
    team: the Council's in-house outreach team
    to:
      - {member: harbour, headcount: 12}
      - {member: shelter}
    scheme: lgps
    fund: Tamar Valley Pension Fund
    admission: closed
    bond: true
"""
ANCHOR = "  former_contracts_treatment: replaced\n"


def _with(text: str, block: str = BLOCK, anchor: str = ANCHOR) -> str:
    text = re.sub(r"(?m)^  staff_transfer_in: *(?:#.*)?\n", "", text)  # the starter sample's empty line
    assert anchor in text
    return text.replace(anchor, block + anchor, 1)


@pytest.fixture(scope="module")
def transfer(catalogue):
    return document_of(catalogue, _with(ALLIANCE_BIG.read_text()))


@pytest.fixture(scope="module")
def plain(catalogue):
    return document_of(catalogue, ALLIANCE_BIG.read_text())


def test_transfer_recorded_under_the_service_contracts(transfer):
    """Firing: who transfers, from which team, to which Providers and how many, under the Service Contracts."""
    t = clause_text(transfer, "alliance.workforce", flat=True)
    assert ("On the Commencement Date, the employees of the Commissioner assigned to the Council's in-house outreach "
            "team are expected to transfer under the Transfer of Undertakings (Protection of Employment) Regulations "
            "2006") in t
    assert "to Harbour Light (12 employees) and Shelter Point ([" in t
    assert "The transfer is made under the Service Contract of each of those Providers, which governs it" in t


def test_admission_agreement_and_bond_are_a_condition(transfer):
    """Firing: a closed admission agreement with the named fund, a bond, and the services start only once both are
    in place."""
    t = clause_text(transfer, "alliance.workforce", flat=True)
    assert "must enter into an admission agreement with the administering authority of the Tamar Valley Pension Fund" in t
    assert "Each admission agreement is closed: only the transferring employees" in t
    assert "must also give the bond or indemnity (or a guarantee) that the administering authority requires" in t
    assert ("The start of the services concerned under a receiving Provider's Service Contract is conditional on its "
            "admission agreement and bond or indemnity being in place") in t


def test_employer_rate_change_and_exit_payment(transfer, catalogue):
    """Firing: with rate_changes left out, pass-through in square brackets and the actuary's rate open; the exit
    payment under reg. 64 sits outside the Delivery Costs (clause and Schedule 4); 'gain_pain' keeps the change in
    Delivery Costs."""
    t = clause_text(transfer, "alliance.workforce", flat=True)
    assert "is [employer contribution rate] of pensionable pay" in t
    assert "[If the actuary changes that rate after a valuation of the fund" in t
    assert "the change makes no Gain or Pain.]" in t
    assert ("An exit payment, or exit credit, under regulation 64 of the Local Government Pension Scheme Regulations "
            "2013 that arises when a receiving Provider's admission agreement ends is not a Delivery Cost") in t
    sched = clause_text(transfer, "alliance.schedule-risk-reward", flat=True)
    assert "an exit payment to, or exit credit from, a Local Government Pension Scheme fund" in sched
    other = document_of(catalogue, _with(ALLIANCE_BIG.read_text(), BLOCK + "    rate_changes: gain_pain\n"
                                         "    employer_rate_percent: 19.5\n"))
    o = clause_text(other, "alliance.workforce", flat=True)
    assert "is 19.5% of pensionable pay" in o
    assert "the change is not passed through" in o and "a rise counts towards Pain" in o
    assert "[If the actuary" not in o
    assert "Ask the client for the fund actuary's employer contribution rate" not in note(other, "alliance.workforce")


def test_note_gives_the_pension_protection_position(transfer):
    """Firing: the Best Value Direction (the transferring member is a council), the New Fair Deal consultation to
    check, the letting authority's residual risk and the actuary's rate."""
    n = flat(note(transfer, "alliance.workforce"))
    assert "Best Value Authorities Staff Transfers (Pensions) Direction 2007" in n
    assert "consulted in October 2025 on bringing New Fair Deal into the Scheme" in n
    assert "residual risk" in n
    assert "Ask the client for the fund actuary's employer contribution rate" in n


def test_kpi_run_in_figures_from_the_team(transfer, plain):
    """Tool note 4 (firing): the first rolling figures may come from the in-house team's records; (quiet) not without
    a transfer."""
    assert "the records of the Commissioner for that team" in clause_text(transfer, "alliance.performance", flat=True)
    assert "for that team" not in clause_text(plain, "alliance.performance", flat=True)


def test_no_transfer_no_change(plain):
    """Quiet: a sheet without staff_transfer_in has no transfer, admission or rate wording, and no exit payment
    line in Schedule 4."""
    t = clause_text(plain, "alliance.workforce", flat=True)
    for words in ("are expected to transfer", "administering authority of the", "regulation 64", "pensionable pay"):
        assert words not in t, words
    assert "Best Value Authorities" not in note(plain, "alliance.workforce")
    assert "exit credit from" not in clause_text(plain, "alliance.schedule-risk-reward", flat=True)


def test_gain_only_single_contract_wording(catalogue):
    """Firing on a gain-only, single-contract alliance: no Pain in the rate rule."""
    block = BLOCK.replace("harbour, headcount: 12", "foyer, headcount: 4").replace("{member: shelter}",
                                                                                   "{member: pathways}")
    text = ALLIANCE_SMALL.read_text()
    anchor = "  risk_reward:\n"
    doc = document_of(catalogue, _with(text, block, anchor))
    t = clause_text(doc, "alliance.workforce", flat=True)
    assert "the change makes no Gain.]" in t and "Pain" not in t


def test_unknown_member_in_transfer(catalogue):
    """The member keys under staff_transfer_in name members (firing); the block with known keys is quiet."""
    def bad(d):
        d["alliance"]["staff_transfer_in"] = {"to": [{"member": "nobody", "headcount": 3}]}

    def good(d):
        d["alliance"]["staff_transfer_in"] = {"to": [{"member": "harbour", "headcount": 3}]}
    assert any("'nobody'" in m for m in findings(catalogue, ALLIANCE_BIG, bad).get("ALLIANCE-UNKNOWN-MEMBER", []))
    assert "ALLIANCE-UNKNOWN-MEMBER" not in findings(catalogue, ALLIANCE_BIG, good)


def test_nhs_pension_note_follows_nhs_staff(catalogue):
    """r38d al-edge finding 1: the note on NHS Pension Scheme access names the NHS Provider whose services may move;
    a transfer of LGPS staff alone adds no NHS wording."""
    from tests.families.conftest import ALLIANCE_JOINT
    n = flat(note(document_of(catalogue, ALLIANCE_JOINT.read_text()), "alliance.workforce"))
    assert "NHS Pension Scheme" in n and "move to such a provider, on exit for example" in n


def test_service_contracts_carry_the_transfer_terms(transfer, plain):
    """Firing: clause 3's list of terms each Service Contract must contain includes the transfer and its pension
    terms; (quiet) not without a transfer."""
    t = clause_text(transfer, "alliance.precedence", flat=True)
    assert "for a Provider to which staff transfer under clause" in t
    assert "its admission agreement as a condition of the services starting" in t
    assert "to which staff transfer under" not in clause_text(plain, "alliance.precedence", flat=True)
