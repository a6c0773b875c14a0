"""Indexation per member and blended measures (r43 al-earlyhelp finding 6 and tool note 3, al-domabuse finding 12): a
Provider's Annual Value may rise by its own measure (Member.indexation, e.g. the NHS Payment Scheme cost uplift for an
NHS trust's contracts) while the others follow the alliance's; ALLIANCE-CONTRIBUTION-UPLIFT-GAP goes quiet when the
Provider is indexed by its funder's uplift. A blend written "60% of ... plus 40% of ..." is stated as a formula."""
from __future__ import annotations

from tests.families.clause_texts import definition, document_of, flat, note
from tests.families.conftest import ALLIANCE_HARROWDALE, ALLIANCE_SMALL
from tests.rules.helpers import findings

RULE = "ALLIANCE-CONTRIBUTION-UPLIFT-GAP"
_UPLIFT = "the cost uplift factor for that financial year published in the NHS Payment Scheme"


def _edit(own: str | None):
    def edit(data):
        c = next(c for c in data["alliance"]["pooled_budget"]["contributions"] if c["member"] == "icb")
        c["indexed_by"] = _UPLIFT
        peers = next(m for m in data["members"] if m["key"] == "peers")
        peers["service_contract_with"] = "icb"
        if own:
            peers["indexation"] = own
    return edit


def test_gap_rule_quiet_when_the_provider_follows_the_contribution_uplift(catalogue):
    """Quiet: Spectrum Peer Connect's own measure is the ICB's uplift, so price and contribution move together."""
    assert RULE not in findings(catalogue, ALLIANCE_HARROWDALE, _edit(_UPLIFT))
    assert RULE not in findings(catalogue, ALLIANCE_HARROWDALE,
                                _edit("the NHS Payment Scheme cost uplift factor for that financial year"))


def test_gap_rule_fires_when_the_provider_has_another_own_measure(catalogue):
    """Firing: an own measure other than the contribution's uplift leaves the gap."""
    assert RULE in findings(catalogue, ALLIANCE_HARROWDALE, _edit("the percentage increase in the National Living Wage"))


_PEERS = "    name: Spectrum Peer Connect\n"


def test_definition_indexes_the_provider_by_its_own_measure(catalogue):
    text = ALLIANCE_HARROWDALE.read_text().replace(
        _PEERS, _PEERS + f"    indexation: {_UPLIFT}\n", 1)
    d = definition(document_of(catalogue, text), "Indexation Increase")
    assert "(a) for each Alliance Member other than Spectrum Peer Connect" in d
    assert "(b) for Spectrum Peer Connect, the cost uplift factor published by NHS England in the NHS Payment Scheme" in d


def test_definition_without_an_own_measure_is_unchanged(catalogue):
    d = definition(document_of(catalogue, ALLIANCE_HARROWDALE.read_text()), "Indexation Increase")
    assert "other than" not in d and "NHS Payment Scheme" not in d


_SMALL_INDEX = "indexation:"


def _small_with(words: str) -> str:
    import re
    text = ALLIANCE_SMALL.read_text()
    new, n = re.subn(r"(?m)^(    indexation:).*(\n(?:      .*\n)*)", lambda m: f"    indexation: {words}\n", text, count=1)
    if n == 0:
        new = text.replace("  risk_reward:\n", f"  risk_reward:\n    indexation: {words}\n", 1)
    return new


def test_blend_joined_by_plus_is_stated_as_a_formula(catalogue):
    words = ("60% of the percentage increase in the National Living Wage that April plus 40% of the percentage "
             "increase in the Consumer Prices Index (CPI) in the 12 months to the previous December")
    d = flat(definition(document_of(catalogue, _small_with(words)), "Indexation Increase"))
    assert "restate as a formula" not in d
    assert "(a) 60% of the percentage increase in the hourly rate of the national living wage" in d
    assert "(b) 40% of the percentage change in the Consumer Prices Index (CPI, all items)" in d


def test_margin_after_plus_is_not_read_as_a_blend(catalogue):
    """Quiet: "CPI plus 1%" is not two shares, so the reading does not treat its "plus" as an "and"."""
    d = flat(definition(document_of(catalogue, _small_with(
        "the percentage increase in the Consumer Prices Index (CPI) in the 12 months to the previous December plus 1%")),
        "Indexation Increase"))
    assert "plus 1%" in d
