"""r42 al-prescribing finding 1: a decision on a KPI level on which the gated Providers do not vote. The reduced
quorum counts only the members entitled to vote on it (never more than all of them), so it can be met even where
every Provider is gated on that KPI; and the KPIs change by one route (the ALT's decision, clause 7.5), which the
unanimity sub-clause and the variation sub-clause both carve out."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, flat, text_of
from tests.families.conftest import ALLIANCE_HAVERLEIGH

GATES = ("  kpi_gates:\n    - member: rise\n      kpis: [5]\n    - member: stepstone\n      kpis: [6]\n")
ALL_GATED = ("  kpi_gates:\n" + "".join(f"    - member: {m}\n      kpis: [1]\n"
                                         for m in ("trust", "horizons", "rise", "stepstone")))


def _all_gated(tmp_path, catalogue):
    text = ALLIANCE_HAVERLEIGH.read_text()
    assert GATES in text
    sheet = tmp_path / "all-gated.yaml"
    sheet.write_text(text.replace(GATES, ALL_GATED, 1))
    return build(sheet, catalogue).document


def test_reduced_quorum_counts_only_members_entitled_to_vote(tmp_path, catalogue):
    """Firing: every Provider is gated on KPI 1, so only the Council votes on its level. The reduced quorum is three
    of the members entitled to vote, or all of them where fewer are entitled: here the Council alone, which a
    meeting can reach. The old text ('three of the other Alliance Members') could never be met."""
    doc = _all_gated(tmp_path, catalogue)
    gov = flat(text_of(clause(doc, "alliance.governance")))
    assert ("the meeting is quorate for that decision if representatives of at least three of the Alliance Members "
            "entitled to vote on it (or of all of them, where fewer than three are entitled to vote on it)") in gov
    assert "of the other Alliance Members" not in gov
    # satisfiable: the members entitled to vote on a KPI 1 decision are the members not gated on it
    entitled = 5 - 4  # five members, four Providers gated on KPI 1
    needed = min(3, entitled)
    assert needed <= entitled
    gate = flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "does not vote on a decision of the ALT that sets or changes the baseline" in gate


def test_kpis_change_by_one_route(tmp_path, catalogue):
    """Firing: the ALT's decision under clause 7.5 changes Parts 2 and 3 of Schedule 2 without a written variation,
    and clause 9.6 (every member to change the Agreement) and clause 33.7 (variation signed by every Party) say so."""
    doc = build(ALLIANCE_HAVERLEIGH, catalogue).document
    objectives = flat(text_of(clause(doc, "alliance.objectives")))
    assert "may change a target, a baseline or a level of a Key Performance Indicator, or add a Key Performance Indicator" in objectives
    assert "(in which a Provider does not vote where clause" in objectives
    assert "Parts 2 and 3 of Schedule 2 then apply as that decision sets them, without a variation under clause" in objectives
    assert "; that decision is not a change to this Agreement that needs the agreement of every Alliance Member under clause" in objectives
    decisions = flat(text_of(clause(doc, "alliance.decisions")))
    assert "and to change this Agreement (other than a change to the Key Performance Indicators made under clause" in decisions
    general = flat(text_of(clause(doc, "common.general")))
    assert "provides for a new member joining by deed and as clause" in general


def test_kpi_route_without_gates_names_no_gate_vote(tmp_path, catalogue):
    """Quiet: with no KPI gates there is no gated vote to mention, but the one route still stands."""
    text = ALLIANCE_HAVERLEIGH.read_text()
    sheet = tmp_path / "no-gates.yaml"
    sheet.write_text(text.replace(GATES, "", 1))
    doc = build(sheet, catalogue).document
    objectives = flat(text_of(clause(doc, "alliance.objectives")))
    assert "(in which a Provider does not vote where clause" not in objectives
    assert "Parts 2 and 3 of Schedule 2 then apply as that decision sets them, without a variation under clause" in objectives
