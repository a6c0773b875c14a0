"""Former contracts varied to continue as the Service Contracts, with their own end date (former_contracts[].expires)
and an extension option exercised in the variation (former_contracts[].option_extended_to): clause 5 requires the
option to be exercised, recital (D) and Part 2 of Schedule 1 say so, the note gives the reg. 72(1)(a) ground, and a
contract that would still end before the Initial Term is flagged (r40 al-ld finding 2). Tested on a variant of the
joint-commissioner sample (contracts varied under reg. 72) carrying an open_book block, as the al-ld alliance does."""
from __future__ import annotations

import copy
import datetime as dt

from assembler.rules import RuleContext
from assembler.rules.alliance import RULES
from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_text
from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_JOINT

FIRST = "reference: WCC/MH/2024/07,"
RULE = "ALLIANCE-FORMER-CONTRACT-ENDS-FIRST"
OPEN_BOOK = """
open_book:
  profit_cap: 5
  basis: allowable_cost
  overhead_cap: 12
  allowable_costs:
    - Staff pay, National Insurance, pensions, training and supervision
    - Central overheads up to the overhead cap
  disallowed_costs:
    - Dividends and distributions
  reconciliation: annually
  reporting: quarterly
  level: summary
  first_period_start: 2027-04-01
  cost_model:
    direct_costs: 2550000
    overheads: 300000
    income: 3000000
"""


def _varied(dates: str = "", every: bool = False) -> str:
    text = ALLIANCE_JOINT.read_text(encoding="utf-8")
    assert "former_contracts_treatment: varied" in text and "2031-03-31" in text and "open_book:" not in text
    text = text.rstrip("\n") + "\n" + OPEN_BOOK
    if every:
        lines = [line.replace("{member: ", "{" + dates + " member: ", 1) if "reference: WCC/MH/" in line else line
                 for line in text.splitlines(keepends=True)]
        return "".join(lines)
    return text.replace(FIRST, FIRST + " " + dates, 1) if dates else text


def _findings(catalogue, text: str) -> list:
    data = copy.deepcopy(load_text(text).data)
    model = AllianceTermSheet.model_validate(data)
    positions = {name: pos.standard for name, pos in catalogue.positions("alliance").items()}
    positions.update(data.get("positions") or {})
    found = RULES.run(RuleContext(model, positions, catalogue.figures, catalogue.law, dt.date(2026, 12, 5)))
    return [f for f in found if f.rule == RULE]


def test_option_exercised_for_every_contract_reaches_clause_recital_and_schedule(catalogue):
    """Firing: every contract ends in 2029 and its option takes it to the end of the Initial Term."""
    doc = document_of(catalogue, _varied("expires: 2029-03-31, option_extended_to: 2031-03-31,", every=True))
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert ("In varying each Former Contract, the Commissioner that let it must also exercise the option to extend it that the "
            "Former Contract itself contains") in transition.replace("the Council", "the Commissioner")
    assert "until 31 March 2031" in transition and "[[" not in transition
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert ("The variation of each Former Contract also exercises the option to extend it that it contains, so that "
            "each continues until 31 March 2031, the end of the Initial Term") in recitals
    schedule = clause_text(doc, "alliance.schedule-services", flat=True)
    assert ("Each Former Contract ends under its own terms on 31 March 2029; its variation exercises the option in it "
            "to extend it until 31 March 2031") in schedule
    n = note(doc, "alliance.transition")
    assert "extension option in each Former Contract (to 31 March 2031, from 31 March 2029)" in n
    assert "reg. 72(1)(a)" in n and "before the Initial Term ends" not in n
    assert _findings(catalogue, _varied("expires: 2029-03-31, option_extended_to: 2031-03-31,", every=True)) == []


def test_contract_that_still_ends_first_is_flagged(catalogue):
    """Firing: one contract's option takes it only to 2029, two years before the Initial Term ends."""
    text = _varied("expires: 2028-03-31, option_extended_to: 2029-03-31,")
    doc = document_of(catalogue, text)
    assert "The variation of WCC/MH/2024/07 also exercises the option" in clause_text(doc, "alliance.recitals", flat=True)
    assert "WCC/MH/2024/07 ends under its own terms on 31 March 2028" in clause_text(
        doc, "alliance.schedule-services", flat=True)
    assert "WCC/MH/2024/07 ends on 31 March 2029, before the Initial Term ends on 31 March 2031" in note(
        doc, "alliance.transition")
    found = _findings(catalogue, text)
    assert len(found) == 1 and "WCC/MH/2024/07" in found[0].message


def test_without_dates_nothing_changes(catalogue):
    """Quiet: no end date or option given: no option sub-clause, recital sentence, schedule line or warning."""
    text = _varied()
    doc = document_of(catalogue, text)
    assert "option to extend" not in clause_text(doc, "alliance.transition", flat=True)
    assert "option to extend" not in clause_text(doc, "alliance.recitals", flat=True)
    assert "under its own terms on" not in clause_text(doc, "alliance.schedule-services", flat=True)
    assert _findings(catalogue, text) == []
