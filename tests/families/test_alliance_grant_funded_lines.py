"""Service lines paid for by a central government grant (r43 al-domabuse findings 1 and 9, al-careleavers finding 3):
the sheet says how much of each line the grant pays for (grant_funded); Schedule 5 shows the grant-funded and
Commissioner-funded parts, the Grant-Funded Annual Value is defined, the limit on payment to the grant received applies
only to it and only after notice of a cut, reduces the Annual Value and the Target Cost and is not paid back through
the Balancing Amount; the sheet may say whether those parts rise with a flat grant and how Gain on them is used."""
from __future__ import annotations

import pytest

from assembler.errors import UserError
from tests.families.clause_texts import clause_text, definition, document_of, flat_note, variant_of
from tests.families.conftest import ALLIANCE_EASTMOOR, ALLIANCE_SMALL
from tests.rules.helpers import findings

HF = "    delivers: [Housing First]\n"
OUTREACH = "    delivers: [Street outreach]\n"
FEE = "    fee: {percent: 4}\n"
FUNDING = "  funding: the Council's Rough Sleeping"


def _lines_sheet(extra_alliance: str = "", indexed: bool = True) -> str:
    text = ALLIANCE_EASTMOOR.read_text()
    text = text.replace(HF, HF + "    service_lines:\n      - {service: Housing First, annual_value: 500000, grant_funded: 300000}\n", 1)
    text = text.replace(OUTREACH, OUTREACH + "    service_lines:\n      - {service: Street outreach, annual_value: 350000, grant_funded: 350000}\n", 1)
    if indexed:
        text = text.replace(FEE, FEE + "    indexation: the Consumer Prices Index (CPI) in the 12 months to the previous December\n", 1)
    return text.replace(FUNDING, extra_alliance + FUNDING, 1)


def _doc(catalogue, extra_alliance: str = "", indexed: bool = True):
    return document_of(catalogue, _lines_sheet(extra_alliance, indexed))


def test_schedule_shows_the_grant_split_and_defines_the_grant_funded_value(catalogue):
    """Firing: lines with grant_funded give a split table with totals, and the defined term points at it."""
    doc = _doc(catalogue)
    budget = clause_text(doc, "alliance.schedule-budget", flat=True)
    assert "A Provider's Grant-Funded Annual Value for the first Alliance Year is the total of the grant-funded parts" in budget
    assert "£300,000" in budget and "£200,000" in budget and "£650,000" in budget
    d = definition(doc, "Grant-Funded Annual Value")
    assert d.startswith("for a Provider and an Alliance Year, the part of its Annual Value that a Central Government Grant pays")
    assert "the total of the grant-funded parts of its service lines set out in paragraph" in d


def test_limit_applies_only_to_grant_funded_values_after_notice_and_not_through_the_balancing_amount(catalogue):
    doc = _doc(catalogue, "  central_grant_cut: true\n")
    grant = clause_text(doc, "alliance.central-grant", flat=True)
    assert "Once the Commissioner has given notice of a reduction under clause" in grant
    assert "it is not liable to pay for a Provider's Grant-Funded Annual Value" in grant
    assert "never to any part of an Annual Value that is not a Grant-Funded Annual Value" in grant
    assert "the payments due to it are taken to include that amount, so that it is never paid back as a shortfall" in grant
    assert "and the Target Cost, by the same amount, without any further decision" in grant
    note = flat_note(doc, "alliance.central-grant")
    assert "The grant pays for £650,000 of the first year's Annual Values of £1,500,000" in note
    assert "each 1% of indexation adds £6,500 a year to the grant-funded part" in note
    assert "The instructions do not say whether the grant-funded parts rise by the indexation" in note


def test_flat_grant_counts_as_a_cut_when_instructed(catalogue):
    doc = _doc(catalogue, "  central_grant_cut: true\n  central_grant_indexation: if_grant_rises\n")
    grant = clause_text(doc, "alliance.central-grant", flat=True)
    assert "rises by the Indexation Increase only so far as the Central Government Grant rises to pay for the increase" in grant
    assert "the difference counts as a reduction of the grant for clause" in grant
    assert "(subject to clause" in definition(doc, "Grant-Funded Annual Value")
    assert "a grant that stays the same in cash counts as a cut" in flat_note(doc, "alliance.central-grant")


def test_commissioner_funds_indexation_when_instructed(catalogue):
    doc = _doc(catalogue, "  central_grant_indexation: commissioner_funds\n")
    grant = clause_text(doc, "alliance.central-grant", flat=True)
    assert "rises by the Indexation Increase whether or not the Central Government Grant rises" in grant
    assert "is not a reduction of it for clause" in grant
    assert "only so far as the Central Government Grant rises" not in grant


def test_gain_on_grant_funded_values_follows_the_grant_conditions(catalogue):
    doc = _doc(catalogue, "  central_grant_gain: grant_conditions\n")
    grant = clause_text(doc, "alliance.central-grant", flat=True)
    assert "The part of the Gain for an Alliance Year that arises on the Grant-Funded Annual Values" in grant
    assert "it must apply it as the Grant Conditions require" in grant


def test_quiet_without_grant_funded_lines(catalogue):
    """Quiet: the G3 sheet gives no grant_funded, so no split table, no indexation or Gain sub-clause; the limit
    still applies only to Grant-Funded Annual Values, which the Annual Plan identifies."""
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, FUNDING, "  central_grant_gain: grant_conditions\n"
                     "  central_grant_indexation: if_grant_rises\n" + FUNDING)
    assert "Grant-Funded Annual Value for the first Alliance Year is the total" not in clause_text(
        doc, "alliance.schedule-budget", flat=True)
    grant = clause_text(doc, "alliance.central-grant", flat=True)
    assert "arises on the Grant-Funded Annual Values" not in grant
    assert "only so far as the Central Government Grant rises" not in grant
    assert "the part the first Annual Plan identifies under clause" in definition(doc, "Grant-Funded Annual Value")
    assert "The grant pays for £" not in flat_note(doc, "alliance.central-grant")


def test_grant_funded_more_than_the_line_is_an_error(catalogue):
    text = _lines_sheet().replace("grant_funded: 300000", "grant_funded: 600000")
    with pytest.raises(UserError) as e:
        document_of(catalogue, text)
    assert "is more than the line's annual_value" in str(e.value)


def _add_lines(data, grant=True):
    for m in data["members"]:
        if m["role"] == "provider":
            line = {"service": m["delivers"][0] if m.get("delivers") else data["alliance"]["services"][0],
                    "annual_value": m["annual_value"]}
            if grant:
                line["grant_funded"] = m["annual_value"]
            m["service_lines"] = [line]
            break


def test_rule_grant_lines_without_a_grant_fires(catalogue):
    found = findings(catalogue, ALLIANCE_SMALL, _add_lines)
    assert any("says a grant pays" in m for m in found.get("ALLIANCE-GRANT-LINES-NO-GRANT", []))


def test_rule_grant_lines_without_a_grant_quiet(catalogue):
    assert "ALLIANCE-GRANT-LINES-NO-GRANT" not in findings(catalogue, ALLIANCE_SMALL, lambda d: _add_lines(d, False))
    assert "ALLIANCE-GRANT-LINES-NO-GRANT" not in findings(catalogue, ALLIANCE_EASTMOOR, _add_lines)


def _index(data, choice=None):
    _add_lines(data)
    data["alliance"]["risk_reward"]["indexation"] = "the Consumer Prices Index (CPI) in the 12 months to the previous December"
    if choice:
        data["alliance"]["central_grant_indexation"] = choice


def test_rule_grant_indexation_open_fires(catalogue):
    found = findings(catalogue, ALLIANCE_EASTMOOR, _index)
    assert any("a grant that stays the same is not a cut" in m for m in found.get("ALLIANCE-GRANT-INDEXATION-OPEN", []))


def test_rule_grant_indexation_open_quiet(catalogue):
    assert "ALLIANCE-GRANT-INDEXATION-OPEN" not in findings(catalogue, ALLIANCE_EASTMOOR,
                                                            lambda d: _index(d, "commissioner_funds"))
    assert "ALLIANCE-GRANT-INDEXATION-OPEN" not in findings(catalogue, ALLIANCE_EASTMOOR)
