"""The clause 13 note and clause 13 agree on the Commissioner's stop-loss for each above_cap option: the
Commissioner may not approve overspending past the point at which its amount of Pain is reached without every
Provider's agreement (above_cap 'providers') or a decision to bear the excess (above_cap 'commissioner'), and an
approval treated as given by silence cannot take it past that point either (r38d al-edge finding 3, tool note 11)."""
from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import clause_text, flat, note, variant_of

FIXTURES = Path(__file__).parent / "fixtures"
KINGSHOLT = FIXTURES / "alliance-kingsholt-r25.yaml"  # one Commissioner, a fixed amount of Pain, above_cap commissioner
EARLY_HELP = FIXTURES / "alliance-early-help.yaml"  # two Commissioners, the same
PROVIDERS = ("      above_cap: commissioner\n",
             "      above_cap: providers\n      providers_limit_percent: 6\n")
DEEMED = ("treats as given does not cover any part of a cost that this sub-clause "
          "would prevent the Commissioner from approving.")


def _texts(doc):
    return flat(clause_text(doc, "alliance.risk-reward")), flat(note(doc, "alliance.risk-reward"))


def test_providers_bear_excess_note_agrees_with_clause(catalogue):
    """Firing: above_cap 'providers': the clause forbids the approval without every Provider; the note says the same."""
    doc = variant_of(catalogue, KINGSHOLT, *PROVIDERS)
    body, text = _texts(doc)
    assert "The Commissioner must not approve a cost that would" in body
    assert "unless every Provider first agrees in writing" in body
    assert DEEMED in body
    assert "The Council may not approve overspending that would take the forecast Pain past the point" in text
    assert "without every Provider's written agreement, and an approval treated as given by silence cannot" in text
    assert "Council may approve overspending" not in text


def test_joint_commissioners_note_agrees_with_clause(catalogue):
    """Firing: two Commissioners under above_cap 'providers': 'No Commissioner may' in the clause and the note."""
    doc = variant_of(catalogue, EARLY_HELP, *PROVIDERS)
    body, text = _texts(doc)
    assert "No Commissioner may approve a cost that would" in body
    assert "would prevent a Commissioner from approving" in body
    assert "No Commissioner may approve overspending that would take the forecast Pain past the point" in text


def test_commissioner_bears_excess_note_agrees_with_clause(catalogue):
    """Firing: above_cap 'commissioner': the clause's stop-loss and the note's both bind deemed approvals too."""
    doc = variant_of(catalogue, KINGSHOLT, "urgent_approvals_limit: 30000", "urgent_approvals_limit: 30000")
    body, text = _texts(doc)
    assert "unless it first decides, in the same way, to bear the Pain above that amount" in body
    assert DEEMED in body
    assert "protects itself by not approving overspending" in text
    assert "an approval treated as given by silence cannot take it past that amount either" in text
    assert "without every Provider's written agreement" not in text


def test_quiet_where_silence_is_refusal(catalogue):
    """Quiet: where silence means refusal no approval is ever treated as given, so neither text mentions it."""
    doc = variant_of(catalogue, KINGSHOLT, "    urgent_approvals_limit: 30000\n",
                     "    urgent_approvals_limit: 30000\n    urgent_silence: refused\n")
    body, text = _texts(doc)
    assert "treats as given does not cover" not in body
    assert "treated as given by silence" not in text


def test_quiet_where_the_commissioner_is_uncapped(catalogue):
    """Quiet: an uncapped Commissioner has no stop-loss, so a deemed approval is not limited by one."""
    doc = variant_of(catalogue, KINGSHOLT, "      basis: fixed_amount\n      amount: 95000\n      above_cap: commissioner\n",
                     "      basis: uncapped\n")
    body, _ = _texts(doc)
    assert "treats as given does not cover" not in body
