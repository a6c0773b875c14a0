"""The group of people who use the Services that the ALT consults is one defined term, the Lived Experience Group, used
in the involvement sub-clause, the communication support sub-clause and the governance note alike (r33 al-fresh)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, definition, flat, note


def test_one_defined_term_for_the_group(alliance_harrowdale):
    """Firing: the term is defined once and each place that speaks of the group uses it."""
    assert definition(alliance_harrowdale, "Lived Experience Group").startswith(
        "[the group, drawn from the people who use the Services and those who support them, that the ALT consults under clause")
    ops = clause_text(alliance_harrowdale, "alliance.operations", flat=True)
    assert "including through [the Lived Experience Group, which the ALT consults before it approves each Annual Plan" in ops
    gov = clause_text(alliance_harrowdale, "alliance.governance", flat=True)
    assert "and of the Lived Experience Group, the Alliance Manager must arrange" in gov
    assert "group of people who use the Services that the ALT consults" not in gov
    assert "user group" not in flat(note(alliance_harrowdale, "alliance.governance"))
