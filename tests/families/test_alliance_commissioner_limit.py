"""One Commissioner's part of the Commissioners' Pain limited, another bearing what the limit cuts off
(risk_reward.commissioner_pain.limits, r38d al-mh finding 1, tool note 1): clauses 12.15, 13.12 and 13.19, the key
information row, the Schedule 4 rows, the third worked example and the note to clause 13 all follow it; the rule
ALLIANCE-COMMISSIONER-LIMIT rejects a limit whose excess would fall on no one; the split adds up."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from assembler.review import build_review
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import (
    alliance_key_row, clause, document_of, flat, flat_note, table_rows, text_of)
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_MOSSGATE
from tests.rules.helpers import findings

UNCAPPED = "    commissioner_pain:\n      basis: uncapped\n"
LIMITED = UNCAPPED + "      limits:\n        - {member: icb, amount: 40000, excess_to: council}\n"


def _limited(catalogue):
    source = ALLIANCE_MOSSGATE.read_text(encoding="utf-8")
    assert UNCAPPED in source
    return document_of(catalogue, source.replace(UNCAPPED, LIMITED, 1))


def test_the_limit_reaches_every_place_that_states_the_commissioners_exposure(catalogue):
    """Firing: the ICB's part is limited to £40,000 (it bears 30 of the Commissioners' 50 points of Pain, so the limit
    is reached when their share is £66,666.67), and the Council bears the rest."""
    doc = _limited(catalogue)
    between = flat(text_of(clause(doc, "alliance.service-planning")))
    assert ("but the ICB's part of the Commissioners' share of Pain for an Alliance Year is limited to £40,000 (forty "
            "thousand pounds), and the Council bears the part above that limit.") in between
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert ("The Commissioners' exposure to Pain is not capped as a whole, but the ICB's part of it is limited to "
            "£40,000 for an Alliance Year, the Council bearing the rest, as clause") in rr
    assert "take the ICB's forecast part of the Commissioners' share of Pain above its limit of £40,000 under clause" in rr
    assert "when that share exceeds £66,666.67" in rr
    assert "the decision of the Council must record that it bears the part above that limit." in rr
    row = " ".join(alliance_key_row(doc, "Commissioners' exposure to Pain"))
    assert "but the ICB's part is limited to £40,000 a year (reached when the Commissioners' share of Pain is £66,666.67" in row
    assert "the Council bearing the rest" in row
    rows = {r[0].split(" (")[0]: r[-1] for r in table_rows(clause(doc, "alliance.schedule-risk-reward"))}
    icb = next(v for k, v in rows.items() if "Integrated Care Board" in k)
    council = next(v for k, v in rows.items() if "Council" in k)
    assert icb.startswith("£40,000 a year: its part of the Commissioners' share of Pain") and "the Council bears the rest" in icb
    assert council.startswith("none: uncapped") and "and the ICB's part above its limit" in council
    sch = flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
    assert "Between the Commissioners (under clause" in sch and "the ICB's part" in sch
    note = flat_note(doc, "alliance.risk-reward")
    assert "As instructed, the ICB's part is limited to £40,000 a year" in note
    assert "ask the ICB for the decision of its board" in note
    assert "reduced for an Alliance Year shorter than 12 months and rises with indexation" in note
    assert "exposure; As instructed" not in note


def test_quiet_where_no_commissioner_is_limited(catalogue):
    """Quiet: the same sheet without a limit keeps both Commissioners uncapped, and says so."""
    doc = document_of(catalogue, ALLIANCE_MOSSGATE.read_text(encoding="utf-8"))
    between = flat(text_of(clause(doc, "alliance.service-planning")))
    assert "is limited to" not in between
    rr = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "The Commissioners' exposure to Pain is not capped." in rr
    assert "forecast part of the Commissioners' share" not in rr
    rows = table_rows(clause(doc, "alliance.schedule-risk-reward"))
    assert all("part above its limit" not in r[-1] for r in rows)
    assert "Between the Commissioners (under clause" not in flat(text_of(clause(doc, "alliance.schedule-risk-reward")))


def _limit(entry):
    def edit(data):
        cp = data["alliance"]["risk_reward"]["commissioner_pain"]
        cp["basis"] = "uncapped"
        cp["limits"] = [entry]
    return edit


def test_rule_fires_where_the_excess_would_fall_on_no_one(catalogue):
    """Firing: the excess named to a Commissioner that is itself limited, a member that is not a Commissioner, and a
    limit for the only Commissioner."""
    found = findings(catalogue, ALLIANCE_MOSSGATE, lambda d: (
        _limit({"member": "icb", "amount": 40000})(d),
        d["alliance"]["risk_reward"]["commissioner_pain"]["limits"].append({"member": "council", "amount": 90000})))
    assert any("would fall on no one" in m for m in found["ALLIANCE-COMMISSIONER-LIMIT"])
    found = findings(catalogue, ALLIANCE_MOSSGATE, _limit({"member": "trust", "amount": 40000, "excess_to": "council"}))
    assert any("'trust' is not a Commissioner" in m for m in found["ALLIANCE-COMMISSIONER-LIMIT"])
    found = findings(catalogue, ALLIANCE_MOSSGATE, _limit({"member": "icb", "amount": 40000, "excess_to": "icb"}))
    assert any("is itself limited" in m for m in found["ALLIANCE-COMMISSIONER-LIMIT"])
    found = findings(catalogue, ALLIANCE_BIG, _limit({"member": "council", "amount": 40000}))
    assert any("there is one" in m for m in found["ALLIANCE-COMMISSIONER-LIMIT"])


def test_rule_quiet_for_a_limit_with_an_uncapped_commissioner_to_bear_the_rest(catalogue):
    """Quiet: the ICB limited, the Council named to bear the rest (and with no excess_to, the unlimited Council)."""
    for entry in ({"member": "icb", "amount": 40000, "excess_to": "council"}, {"member": "icb", "amount": 40000}):
        assert "ALLIANCE-COMMISSIONER-LIMIT" not in findings(catalogue, ALLIANCE_MOSSGATE, _limit(entry))
    assert "ALLIANCE-COMMISSIONER-LIMIT" not in findings(catalogue, ALLIANCE_MOSSGATE)


_ALLIANCE = None


def _alliance(catalogue):
    global _ALLIANCE
    if _ALLIANCE is None:
        source = ALLIANCE_MOSSGATE.read_text(encoding="utf-8").replace(UNCAPPED, LIMITED, 1)
        _ALLIANCE = validate(load_text(source, "t.yaml"), catalogue).model.alliance
    return _ALLIANCE


@settings(max_examples=200, deadline=None)
@given(total=st.decimals(min_value=0, max_value=5_000_000, places=2))
def test_split_adds_up_and_keeps_the_limit(catalogue, total):
    """Property: the Commissioners' parts add up to their share to the penny; the ICB never bears more than its
    limit; below the limit the split is in proportion to the shares (30:20 here), above it the Council takes all the
    rest."""
    a = _alliance(catalogue)
    split = a.split_commissioner_pain(total)
    assert sum(split.values()) == total
    assert split["icb"] <= Decimal(40000)
    proportional = total * Decimal("0.6")
    if proportional <= Decimal(40000):
        assert abs(split["icb"] - proportional) <= Decimal("0.01")
    else:
        assert split["icb"] == Decimal(40000) and split["council"] == total - Decimal(40000)
    limit = a.commissioner_limits[0]
    assert limit.reached_share == Decimal("66666.67")


def test_review_pack_key_terms_state_the_limit(catalogue):
    """Firing and quiet: the review pack's Pain cap line states the ICB's limit only where the sheet gives one."""
    def line(source):
        sheet = validate(load_text(source, "t.yaml"), catalogue)
        return " ".join({k.label: k.lines for k in build_review(sheet, catalogue, today=DRAFT_DATE).key_terms}["Pain cap"])

    source = ALLIANCE_MOSSGATE.read_text(encoding="utf-8")
    assert ("ICB's part of the Commissioners' Pain limited to £40,000 a year (reached when the Commissioners' share is "
            "£66,666.67") in line(source.replace(UNCAPPED, LIMITED, 1))
    assert "part of the Commissioners' Pain limited" not in line(source)
