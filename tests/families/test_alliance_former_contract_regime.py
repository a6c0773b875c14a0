"""The transition note reads each Former Contract's own regime from the sheet: a former contract for the services a
Provider now provides under the Provider Selection Regime, let by a Commissioner after the Regime came in, is a Regime
contract (regulation 13, not PCR 2015 regulation 72); a former contract whose services the sheet procures under the
Procurement Act 2023 is recorded as not health care rather than flagged as looking like it (r38d al-mh finding 2)."""
from __future__ import annotations

from tests.families.clause_texts import document_of, flat, note
from tests.families.conftest import ALLIANCE_LYNMERE

CLAUSE = "alliance.transition"
_LAST = ("    - {member: homesupport, title: Carers' sitting and respite at home service, reference: LCC/ASC/0862, "
         "annual_value: 600000, commissioner: council}\n")


def _with(extra: str) -> str:
    text = ALLIANCE_LYNMERE.read_text()
    assert _LAST in text
    return text.replace(_LAST, _LAST + extra, 1)


_TRUST_2024 = ("    - {member: trust, title: Memory assessment service, reference: LICB/MH/2024/07, annual_value: 300000, "
               "commissioner: icb, procurement_started: 2024-03-04}\n")
_ADVISERS = ("    - {member: advisers, title: Dementia recovery and wellbeing support, reference: LCC/ASC/2022/31, "
             "annual_value: 90000, commissioner: council, procurement_started: 2022-05-09}\n")


def test_regime_contract_and_council_contract_read_from_the_sheet(catalogue):
    """Firing: the ICB's 2024 contract with the Trust (a Regime Provider) is a Regime contract; the Council's
    contract for the advisers' services (procured under the Act) is recorded as not health care."""
    n = flat(note(document_of(catalogue, _with(_TRUST_2024 + _ADVISERS)), CLAUSE))
    assert ("LICB/MH/2024/07 (let by the ICB, £300,000 a year): the Provider Selection Regime, as it is a contract for "
            "the health care services the Trust now provides under the Regime") in n
    assert "needs a ground in regulation 13 of S.I. 2023/1348, not regulation 72" in n
    assert "LICB/MH/2024/07 (let by the ICB, £300,000 a year): the Public Contracts Regulations 2015" not in n
    assert "On the instructions, LCC/ASC/2022/31 is not health care" in n
    assert "LCC/ASC/2022/31 looks like health care" not in n


def test_quiet_before_the_regime_and_without_such_contracts(catalogue):
    """Quiet: a Regime Provider's contract begun in 2023 stays a PCR 2015 contract (flagged as health care), and the
    fixture as it is names the Regime for no former contract."""
    n = flat(note(document_of(catalogue, _with(_TRUST_2024.replace("2024-03-04", "2023-09-04"))), CLAUSE))
    assert "LICB/MH/2024/07 (let by the ICB, £300,000 a year): the Public Contracts Regulations 2015" in n
    assert "LICB/MH/2024/07 looks like health care" in n
    n = flat(note(document_of(catalogue, ALLIANCE_LYNMERE.read_text()), CLAUSE))
    assert "the Provider Selection Regime, as it is a contract for" not in n
    assert "On the instructions," not in n
