"""The rule that a gated Provider does not vote on its own KPI levels, against a Reserved Matter on changing the KPIs
(r35 al-fresh finding 2): the more specific rule must not quietly take away the Reserved Matter veto."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat, flat_note, text_of
from tests.families.conftest import ALLIANCE_HAVERLEIGH

KPI_MATTER = "      - Changing the shares of Gain and Pain, the Pain Caps or the KPIs that gate a share of Gain\n"


def test_gate_vote_keeps_the_reserved_matter_for_a_kpi_change(catalogue):
    """Firing: changing the KPIs is a Reserved Matter, so the gate-vote sub-clause keeps every member's vote on a
    change to a level already set, and the note says the veto is not narrowed."""
    doc = build(ALLIANCE_HAVERLEIGH, catalogue).document
    text = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert ("This does not apply to a decision that changes a baseline or a level already set, which is a Reserved "
            "Matter under clause") in text
    assert "needs the agreement of every Alliance Member, that Provider included." in text
    assert "so its veto is not narrowed" in flat_note(doc, "alliance.risk-reward")


def test_gate_vote_unchanged_without_a_kpi_reserved_matter(tmp_path, catalogue):
    """Quiet: without a Reserved Matter on the KPIs, the gated Provider simply does not vote."""
    text = ALLIANCE_HAVERLEIGH.read_text()
    assert KPI_MATTER in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(KPI_MATTER, "      - Changing the shares of Gain and Pain or the Pain Caps\n", 1))
    doc = build(sheet, catalogue).document
    text = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "does not vote on a decision of the ALT that sets or changes the baseline" in text
    assert "This does not apply to a decision that changes a baseline" not in text
    assert "veto is not narrowed" not in flat_note(doc, "alliance.risk-reward")
