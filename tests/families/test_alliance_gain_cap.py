"""A cap on the Providers' Gain (risk_reward.gain_cap, r40 al-ld finding 1: the Providers' shares together no more
than 2% of the Target Cost; r42 al-extracare finding 2: each Provider's share no more than 3% of its Annual Value):
the sub-clause of clause 13 that applies it, the defined term, the key information row, the Schedule 4 table and
worked example, the note's first-year figures, the Reserved Matter on the shares of Gain, settle()'s arithmetic and
the rules ALLIANCE-GAIN-CAP, ALLIANCE-GAIN-CAP-NO-GAIN and ALLIANCE-GAIN-CAP-BELOW-PAIN-CAP."""
from __future__ import annotations

from decimal import Decimal

from tests.families.clause_texts import (
    alliance_key_row, all_text, clause, definition, document_of, flat, flat_note, text_of)
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_REABLEMENT
from tests.rules.helpers import findings

from assembler.termsheet.alliance import ProviderYear, settle

RR = "  risk_reward:\n"


def _with_cap(path, cap: str) -> str:
    source = path.read_text(encoding="utf-8")
    assert RR in source
    return source.replace(RR, RR + cap, 1)


TOTAL_1 = "    gain_cap:\n      applies_to: providers_total\n      percent: 1\n"
EACH_20K = "    gain_cap:\n      applies_to: each_provider\n      amount: 20000\n"


def test_a_cap_on_the_providers_gain_together_reaches_every_place(catalogue):
    """Firing: the Tamarmouth sample (Target Cost £7,700,000, the Commissioner takes no share of Gain) with the
    Providers' Gain capped at 1% of the Target Cost, £77,000: the 2% variance of Example 1 (£154,000) already bites."""
    doc = document_of(catalogue, _with_cap(ALLIANCE_BIG, TOTAL_1))
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "The Providers' shares of Gain for an Alliance Year are limited, together, to the Gain Cap." in rr
    assert "each Provider's share is reduced in proportion to its percentage share of Gain so that they total the Gain Cap" in rr
    assert "is not shared among the other Providers but is added to the Commissioner's share." in rr
    assert "and to the Gain Cap under clause" in rr  # the Commissioner's 0% no longer sends all Gain to the Providers
    assert definition(doc, "Gain Cap") == (
        "for each Alliance Year, the most that the Providers' shares of Gain for that year may total: 1% of the Target "
        "Cost for that year (£77,000 for the first Alliance Year)")
    row = " ".join(alliance_key_row(doc, "Gain Cap"))
    assert "the Providers' shares of Gain limited, together, to 1% of the Target Cost (£77,000 for the first Alliance Year)" in row
    sch = flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
    assert "The Gain Cap for an Alliance Year is 1% of the Target Cost for that year: £77,000 for the first Alliance Year." in sch
    assert "At this variance the Gain Cap already bites: it takes £77,000 from the Providers' shares" in sch
    assert "Example 5: Gain above the Gain Cap." in sch
    note = flat_note(doc, "alliance.risk-reward")
    assert "As instructed, the Providers' Gain is capped: their shares together at 1% of the Target Cost (£77,000 in the first year)" in note
    assert "The cap bites when Gain exceeds £77,000" in note
    assert "takes only the £77,000 above the Gain Cap of the Gain of £154,000" in flat_note(doc, "alliance.schedule-risk-reward")


def test_the_shares_under_a_total_cap_add_up_to_the_cap_and_the_gain(catalogue):
    """The worked example's shares: the Providers' capped shares total the cap to the penny, the Commissioner takes
    the rest, and the table of caps in Schedule 4 shows the same per-Provider figures."""
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate
    sheet = validate(load_text(_with_cap(ALLIANCE_BIG, TOTAL_1), "t.yaml"), catalogue)
    a = sheet.model.alliance
    ex = a.gain_example
    assert sum(l.share for l in ex.lines) == Decimal("77000.00")
    assert ex.commissioner_share + sum(l.share for l in ex.lines) == ex.gain
    assert ex.above_gain_cap == ex.gain - Decimal("77000.00")
    assert [most for _, _, most, _ in a.gain_cap_rows] == [l.share for l in ex.lines]


def test_settle_cuts_the_shares_back_in_proportion_and_puts_the_penny_on_the_largest():
    lines = [ProviderYear("a", "A", Decimal(1000), Decimal(0), Decimal(36), None),
             ProviderYear("b", "B", Decimal(1000), Decimal(0), Decimal(9), None),
             ProviderYear("c", "C", Decimal(1000), Decimal(0), Decimal(4), None),
             ProviderYear("d", "D", Decimal(1000), Decimal(0), Decimal(4), None),
             ProviderYear("e", "E", Decimal(1000), Decimal(0), Decimal(7), None)]
    s = settle(Decimal(760000) + Decimal(5000), lines, gain_cap_total=Decimal(363400))
    shares = [l.share for l in s.lines]
    assert sum(shares) == Decimal("363400.00")
    assert shares[0] == Decimal("218039.99")  # 218,040.00 less the rounding penny
    assert s.commissioner_share == s.gain - Decimal("363400.00")
    each = [ProviderYear("a", "A", Decimal(1000), Decimal(0), Decimal(27), None, gain_cap=Decimal("40831.20")),
            ProviderYear("b", "B", Decimal(1000), Decimal(0), Decimal(10), None, gain_cap=Decimal("9547.20"))]
    s = settle(Decimal(102000), each)
    assert [l.share for l in s.lines] == [Decimal("27540.00"), Decimal("9547.20")]
    assert s.above_gain_cap == Decimal("652.80")


def test_a_cap_on_each_providers_gain_in_a_gain_only_alliance(catalogue):
    """Firing: the gain-only reablement sample with each Provider's Gain capped at £20,000."""
    doc = document_of(catalogue, _with_cap(ALLIANCE_REABLEMENT, EACH_20K))
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "Each Provider's share of Gain for an Alliance Year is limited to its Gain Cap." in rr
    assert definition(doc, "Gain Cap").startswith(
        "for each Provider and Alliance Year, the most of Gain it receives for that year: £20,000 (twenty thousand pounds)")
    sch = flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
    assert "Each Provider's Gain Cap for an Alliance Year is £20,000 (twenty thousand pounds)." in sch
    assert "Example 2: Gain above the Gain Cap." in sch
    assert "recalculated from that year's" not in sch.split("Worked example")[0].split("Gain Cap")[-1]  # a fixed sum
    decisions = flat(text_of(clause(doc, "alliance.decisions")))
    assert "changing the shares of Gain in Schedule 4 (including the Gain Cap)" in decisions


def test_no_cap_leaves_the_draft_without_one(catalogue):
    """Quiet: the sample without gain_cap has no Gain Cap anywhere."""
    doc = document_of(catalogue, ALLIANCE_BIG.read_text(encoding="utf-8"))
    assert "Gain Cap" not in all_text(doc)
    assert not any(d.term == "Gain Cap" for d in doc.definitions)


def _set_cap(cap: dict):
    def edit(data):
        data["alliance"]["risk_reward"]["gain_cap"] = cap
    return edit


def test_rule_gain_cap_below_pain_cap(catalogue):
    """Firing: 1% of the Target Cost leaves each Provider's most Gain below its Pain Cap (its Fee); quiet at 10%."""
    low = findings(catalogue, ALLIANCE_BIG, _set_cap({"percent": 1}))
    assert any("St Luke's" in m and "Pain Cap" in m for m in low["ALLIANCE-GAIN-CAP-BELOW-PAIN-CAP"])
    high = findings(catalogue, ALLIANCE_BIG, _set_cap({"percent": 10}))
    assert "ALLIANCE-GAIN-CAP-BELOW-PAIN-CAP" not in high
    assert "ALLIANCE-GAIN-CAP" not in high


def test_rule_gain_cap_needs_one_figure(catalogue):
    none = findings(catalogue, ALLIANCE_BIG, _set_cap({"applies_to": "each_provider"}))
    assert any("has no figure" in m for m in none["ALLIANCE-GAIN-CAP"])
    both = findings(catalogue, ALLIANCE_BIG, _set_cap({"percent": 2, "amount": 50000}))
    assert any("both a percent and an amount" in m for m in both["ALLIANCE-GAIN-CAP"])


def test_rule_gain_cap_with_no_provider_gain(catalogue):
    """Firing: the Council takes all the Gain, so a Gain Cap caps nothing; quiet when the Providers share Gain."""
    def council_takes_all(data):
        data["alliance"]["risk_reward"]["gain_cap"] = {"percent": 2}
        for s in data["alliance"]["risk_reward"]["shares"]:
            s["gain"] = 100 if s["member"] == "council" else 0
    fired = findings(catalogue, ALLIANCE_REABLEMENT, council_takes_all)
    assert "ALLIANCE-GAIN-CAP-NO-GAIN" in fired
    quiet = findings(catalogue, ALLIANCE_REABLEMENT, _set_cap({"percent": 2}))
    assert "ALLIANCE-GAIN-CAP-NO-GAIN" not in quiet


def test_reserved_matter_words_naming_the_cap_are_not_told_it_again(catalogue):
    """Quiet: where the sheet's Reserved Matter already names the cap ('the shares of Gain or the cap on the Providers'
    Gain'), the draft does not add '(including the Gain Cap)' after the shares as well (r44 writer's refresh note)."""
    source = _with_cap(ALLIANCE_REABLEMENT, EACH_20K).replace(
        "      - Changing the shares of Gain\n", "      - Changing the shares of Gain or the cap on each Provider's Gain\n", 1)
    assert "cap on each Provider's Gain" in source
    decisions = flat(text_of(clause(document_of(catalogue, source), "alliance.decisions")))
    assert "changing the shares of Gain in Schedule 4 or the cap on each Provider's Gain" in decisions
    assert "(including the Gain Cap)" not in decisions
