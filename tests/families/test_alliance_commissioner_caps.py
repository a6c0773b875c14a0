"""Each Commissioner's own cap on Pain (risk_reward.commissioner_pain.caps, r42 al-prescribing F3: £25,000 each a
year, approved by Cabinet and by the ICB's Finance Committee): the defined term Commissioner's Cap, the stop-loss in
clause 13 for each Commissioner's own part, the Schedule 4 rows, the key information row with the approvals, the
note, the Reserved Matter that names the defined cap (never "either Commissioner's cap" undefined), and the rules
ALLIANCE-COMMISSIONER-CAPS and ALLIANCE-COMMISSIONER-CAPS-SPLIT."""
from __future__ import annotations

from tests.families.clause_texts import (
    alliance_key_row, all_text, clause, definition, document_of, flat, flat_note, table_rows, text_of)
from tests.families.conftest import ALLIANCE_ELLERBY, ALLIANCE_POOLED_PCC
from tests.rules.helpers import findings

EXPOSURE = "      amount: 120000\n      above_cap: commissioner\n"
CAPS = EXPOSURE + ("      caps:\n        - {member: council, amount: 96000, approved_by: the Cabinet}\n"
                   "        - {member: icb, amount: 24000}\n")
SHARES_RESERVED = "      - Changing the Target Cost or the gain and pain shares\n"
PROVIDERS = "above_cap: providers\n      providers_limit_percent: 6"
EITHER_CAP = "      - Changing the Target Cost, the shares of Gain and Pain or either Commissioner's cap\n"


def _sheet(caps: bool = True, either: bool = False) -> str:
    source = ALLIANCE_ELLERBY.read_text(encoding="utf-8")
    assert EXPOSURE in source and SHARES_RESERVED in source
    if caps:
        source = source.replace(EXPOSURE, CAPS, 1)
    if either:
        source = source.replace(SHARES_RESERVED, EITHER_CAP, 1)
    return source


def test_each_commissioners_cap_reaches_every_place(catalogue):
    """Firing: the Council's cap £96,000 (approved by the Cabinet) and the ICB's £24,000 (no approval recorded)."""
    doc = document_of(catalogue, _sheet(either=True))
    assert definition(doc, "Commissioner's Cap").endswith(
        "£96,000 (ninety-six thousand pounds) for the Council and £24,000 (twenty-four thousand pounds) for the ICB")
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert ("No Commissioner may approve a cost that would, with every other cost approved for that Alliance Year, make "
            "its own forecast part of the Commissioners' exposure to Pain under clause") in rr
    assert "exceed its Commissioner's Cap unless it first decides, in the same way, to bear the Pain above its Commissioner's Cap." in rr
    assert "combined forecast exposure" not in rr
    row = " ".join(alliance_key_row(doc, "Commissioners' exposure to Pain"))
    assert "above its Commissioner's Cap (the Council £96,000 a year, approved by the Cabinet; the ICB £24,000 a year)" in row
    cells = [r[-1] for r in table_rows(clause(doc, "alliance.schedule-risk-reward"))]
    assert any(c.startswith("none: its Commissioner's Cap of £96,000 a year") for c in cells)
    assert any(c.startswith("none: its Commissioner's Cap of £24,000 a year") for c in cells)
    note = flat_note(doc, "alliance.risk-reward")
    assert "each Commissioner has capped its own part of the Commissioners' exposure to Pain" in note
    assert "Ask the ICB for the decision that approves its cap" in note
    decisions = flat(text_of(clause(doc, "alliance.decisions")))
    assert "or a Commissioner's Cap;" in decisions
    assert "either Commissioner's cap" not in decisions


def test_without_caps_either_commissioners_cap_reads_as_the_joint_limit(catalogue):
    """Quiet for the new term: without caps there is no Commissioner's Cap, and the sheet's "either Commissioner's
    cap" (undefined) prints as the Commissioners' limit set by clause 13."""
    doc = document_of(catalogue, _sheet(caps=False, either=True))
    assert "Commissioner's Cap" not in all_text(doc)
    decisions = flat(text_of(clause(doc, "alliance.decisions")))
    assert "either Commissioner's cap" not in decisions
    assert "the Commissioners' limit on exposure to Pain in clause" in decisions


def test_rule_commissioner_caps(catalogue):
    def caps(*entries):
        def edit(data):
            data["alliance"]["risk_reward"]["commissioner_pain"]["caps"] = [dict(e) for e in entries]
        return edit
    fine = findings(catalogue, ALLIANCE_ELLERBY, caps({"member": "council", "amount": 96000},
                                                      {"member": "icb", "amount": 24000}))
    assert "ALLIANCE-COMMISSIONER-CAPS" not in fine
    short = findings(catalogue, ALLIANCE_ELLERBY, caps({"member": "council", "amount": 90000},
                                                       {"member": "icb", "amount": 24000}))
    assert any("add up to £114,000" in m for m in short["ALLIANCE-COMMISSIONER-CAPS"])
    missing = findings(catalogue, ALLIANCE_ELLERBY, caps({"member": "council", "amount": 120000}))
    assert any("has no cap" in m for m in missing["ALLIANCE-COMMISSIONER-CAPS"])
    stranger = findings(catalogue, ALLIANCE_ELLERBY, caps({"member": "willowgate", "amount": 96000},
                                                          {"member": "icb", "amount": 24000}))
    assert any("is not a Commissioner" in m for m in stranger["ALLIANCE-COMMISSIONER-CAPS"])


def test_rule_commissioner_caps_split(catalogue):
    """Where Pain above the Commissioners' £90,000 returns to the Providers, caps out of proportion to the
    Commissioners' parts of Pain fire; caps in proportion are quiet."""
    def caps(a, b):
        def edit(data):
            cp = data["alliance"]["risk_reward"]["commissioner_pain"]
            keys = [m["key"] for m in data["members"] if m["role"] == "commissioner"]
            cp["caps"] = [{"member": keys[0], "amount": a}, {"member": keys[1], "amount": b}]
        return edit
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate
    sheet = validate(load_text(ALLIANCE_POOLED_PCC.read_text(encoding="utf-8"), "t.yaml"), catalogue).model
    first, second = sheet.alliance.commissioners[:2]
    a = sheet.alliance.commissioner_part(first.key) * 90000
    fired = findings(catalogue, ALLIANCE_POOLED_PCC, caps(45000 if a != 45000 else 40000, 45000 if a != 45000 else 50000))
    assert "ALLIANCE-COMMISSIONER-CAPS-SPLIT" in fired
    quiet = findings(catalogue, ALLIANCE_POOLED_PCC, caps(float(round(a, 2)), float(round(90000 - a, 2))))
    assert "ALLIANCE-COMMISSIONER-CAPS-SPLIT" not in quiet
    assert "ALLIANCE-COMMISSIONER-CAPS" not in quiet


def test_returned_pain_spreads_before_it_reaches_capped_commissioners(catalogue):
    """Firing (r44d al-homefirst 3): with each Commissioner's own cap and Pain above the caps returning to the
    Providers, a Commissioner may not approve a cost above its own cap (even where every Provider agrees), an approval
    by silence is held to the Lead Commissioner's cap, and returned Pain a Provider cannot bear within its Pain Limit
    is spread to the others still below theirs before any of it stays with the Commissioners."""
    from decimal import Decimal

    from assembler.termsheet.alliance import ProviderYear, settle
    lines = [ProviderYear("a", "A", Decimal(1000), Decimal(1600), Decimal(50), Decimal(50), limit=Decimal(100)),
             ProviderYear("b", "B", Decimal(1000), Decimal(1000), Decimal(25), Decimal(50), limit=Decimal(400))]
    kept = settle(Decimal(2000), lines, commissioner_cap=Decimal(100))
    spread = settle(Decimal(2000), lines, commissioner_cap=Decimal(100), spread_returned=True)
    assert -kept.commissioner_share > Decimal(100)  # without caps: the part above A's limit stays with them
    assert -spread.commissioner_share == Decimal(100)  # with caps: B, below its limit, bears it
    doc = document_of(catalogue, _sheet().replace("above_cap: commissioner", PROVIDERS, 1))
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "Nor may a Commissioner approve a cost that would" in rr
    assert "spread among the other Providers still below their Pain Limits" in rr


def test_without_caps_returned_pain_is_not_spread(catalogue):
    """Quiet: without Commissioners' own caps the clause keeps its reading (not spread) and no second bar appears."""
    doc = document_of(catalogue, _sheet(caps=False).replace("above_cap: commissioner", PROVIDERS, 1))
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "Nor may a Commissioner approve" not in rr
    assert "still below their Pain Limits" not in rr
