"""The Commissioner's exposure under the risk/reward mechanism: the notes to clause 13 and Schedule 4 give its share of
Gain and its uncapped Pain with the worked examples' figures, and ask for instructions (r27 al-sample finding 2)."""
from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.families.clause_texts import build, note

SAMPLES = ROOT / "samples" / "alliance"
FIXTURES = Path(__file__).parent / "fixtures"


def _note(path, cid, catalogue) -> str:
    return " ".join(note(build(path, catalogue).document, cid).split())


def test_commissioner_without_a_share_of_gain(catalogue):
    """Firing: the Council funds the whole Target Cost, takes no Gain and bears uncapped Pain."""
    path = SAMPLES / "complex-needs-eight-members.yaml"
    sch = _note(path, "alliance.schedule-risk-reward", catalogue)
    assert ("On the worked examples' figures, the Council, which funds the whole Target Cost (£7,700,000 in the first "
            "year), takes none of the Gain of £154,000, and bears £105,000 of the Pain of £490,000, including all Pain "
            "that the Providers' Pain Caps leave, without limit. Take its instructions on that exposure before issue "
            "(see the note to clause 13).") in sch
    rr = _note(path, "alliance.risk-reward", catalogue)
    assert ("Do not issue the draft without instructions on this: recommend a Commissioner share of Gain and a gate on "
            "each Provider's share (option (c) below); the clause carries that gate in square brackets") in rr
    assert "funds the whole budget (£7,700,000 in the first year) and bears all Pain" not in rr


def test_commissioner_with_a_share_and_uncapped_pain(catalogue):
    """Firing: a Commissioner with half the Gain and uncapped Pain beyond the caps gets its own figures."""
    sch = _note(FIXTURES / "alliance-stainmoor-r26.yaml", "alliance.schedule-risk-reward", catalogue)
    assert ("On the worked examples' figures, the Council takes £24,800 of the Gain of £49,600, and bears £65,200 of "
            "the Pain of £90,000, including all Pain that the Providers' Pain Caps leave, without limit.") in sch


def test_quiet_where_the_caps_never_leave_pain_to_the_commissioner(catalogue):
    """Quiet: the small sample's Commissioner shares Gain and its example Pain stays within the caps."""
    sch = _note(SAMPLES / "small-majority-three-members.yaml", "alliance.schedule-risk-reward", catalogue)
    assert "On the worked examples' figures" not in sch
