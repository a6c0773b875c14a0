"""Gain-only urgent costs above budget: each urgent_silence setting prints its own rule in the approval sub-clause,
and the Key information row, the Schedule's narrative and the note agree with it (r32 al-fresh finding 1)."""
from __future__ import annotations

from tests.families.clause_texts import alliance_key_row, clause_text, flat, flat_note, variant_of
from tests.families.conftest import ALLIANCE_REABLEMENT

FLOOR = "    indexation_floor: true          # the values never fall with the index\n"


def _with(catalogue, silence: str):
    return variant_of(catalogue, ALLIANCE_REABLEMENT, FLOOR,
                      FLOOR + f"    urgent_silence: {silence}\n    urgent_approvals_limit: 40000\n")


def test_approved_gives_deemed_approval_within_the_limit(catalogue):
    """Firing: silence for 20 Business Days approves the urgent costs, up to the yearly limit, everywhere."""
    doc = _with(catalogue, "approved")
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert ("If the Commissioner has not approved or refused costs under (b) within those 20 Business Days, it is "
            "treated as having approved them, but only within the limit in this paragraph.") in text.replace(
                "the Council", "the Commissioner")
    assert "(or is treated under (b) as having approved them)" in text
    assert "including those treated as given, may not exceed £40,000" in text
    assert "[, unless" not in text
    row = flat(" ".join(alliance_key_row(doc, "Cost above a Provider's budget")))
    assert "count as approved, up to £40,000 a year for all Providers" in row
    assert "As instructed, urgent costs on which" in flat_note(doc, "alliance.risk-reward")
    schedule = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "(or is treated as approving, by not deciding in time)" in schedule


def test_refused_prints_refusal_and_no_deemed_approval(catalogue):
    """Quiet: with refusal, no deemed approval anywhere; the clause says silence refuses."""
    doc = _with(catalogue, "refused")
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "within those 20 Business Days, it is treated as having refused them." in text
    assert "treated as having approved" not in text
    assert "treated as given" not in text
    row = flat(" ".join(alliance_key_row(doc, "Cost above a Provider's budget")))
    assert "count as refused)" in row
    assert "treated as approving" not in clause_text(doc, "alliance.schedule-risk-reward", flat=True)


def test_reminder_default_is_bracketed(catalogue):
    """The standard (reminder), where the sheet leaves urgent_silence out, prints its own rule, the reminder
    bracketed as the draft's default."""
    doc = variant_of(catalogue, ALLIANCE_REABLEMENT, FLOOR, FLOOR + "    urgent_approvals_limit: 40000\n")
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "it is treated as having refused them[, unless the" in text
    assert "if it has not decided within 5 Business Days after that notice]" in text
    assert "this draft's default, not the instructions" in flat_note(doc, "alliance.risk-reward")


def test_instructed_reminder_is_not_bracketed(catalogue):
    """r34 al-fresh2 finding 5 (firing): where the sheet itself chooses 'reminder', the clause states it without
    brackets and the note says the instructions choose it, not that it is the draft's default."""
    doc = _with(catalogue, "reminder")
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "it is treated as having refused them, unless the" in text
    assert "after that notice]" not in text
    n = flat_note(doc, "alliance.risk-reward")
    assert "this draft's default, not the instructions" not in n
    assert "The instructions choose those words, so they are not bracketed" in n


def test_instructed_reminder_in_gain_and_pain(catalogue):
    """r34 al-fresh2 finding 5 (firing, gain and pain): an instructed reminder is stated without brackets and the
    note no longer calls it this draft's default; (quiet) the sample, which leaves urgent_silence out, keeps both."""
    from tests.families.conftest import ALLIANCE_BIG
    line = "    urgent_approvals_limit: 75000"
    doc = variant_of(catalogue, ALLIANCE_BIG, line, "    urgent_silence: reminder\n" + line)
    text = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "is treated as having refused approval if it has not decided within that period, unless the Provider" in text
    assert "after that notice]" not in text
    n = flat_note(doc, "alliance.risk-reward")
    assert "The instructions choose this approval by silence after a reminder, so the clause states it without brackets" in n
    assert "this draft's default, not the instructions" not in n
    plain = variant_of(catalogue, ALLIANCE_BIG, line, line)
    assert "within that period[, unless the Provider" in clause_text(plain, "alliance.risk-reward", flat=True)
