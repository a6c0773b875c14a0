"""The sheet's own involvement body (r40 al-ld finding 3, al-shortbreaks finding 1): a capitalised proper name ending
in Group, Forum, Panel, Board, Council or Network, named anywhere in the running costs, services, communication or
interfacing texts, is the body the ALT consults (the notes never say the instructions name none), and it is described
by what the sheet says: its members, who runs it, and that it is independent and funded outside the alliance where an
interfacing arrangement says the Council funds it by grant. The Alliance Manager supports participants at alliance
meetings and consultation events, not the body's own meetings."""
from __future__ import annotations

import pytest

from assembler.termsheet.alliance import split_involvement_group
from tests.families.clause_texts import clause_text, definition, document_of, note
from tests.families.conftest import ALLIANCE_STAINMOOR_ALE

ANCHOR = "  communication_requirements:\n"


def _sheet(extra: str) -> str:
    text = ALLIANCE_STAINMOOR_ALE.read_text()
    assert ANCHOR in text
    return text.replace(ANCHOR, extra + ANCHOR, 1)


REFERENCE_GROUP = ("  running_costs_include:\n"
                   "    - sessional payments of members of the Speak Up Reference Group for their work with the Alliance\n"
                   "  interfacing_arrangements:\n"
                   "    - the Stainmoor Speak Up Reference Group of disabled adults and family carers, which the Council "
                   "runs and which the ALT consults before each Annual Plan\n")

PARENT_FORUM = ("  involvement_group: Stainmoor Parent Carer Forum\n"
                "  interfacing_arrangements:\n"
                "    - the Council's grant to the Stainmoor Parent Carer Forum\n")


def test_reference_group_named_only_in_running_costs_and_interfacing_is_found(catalogue):
    """Firing: the group's full name is the defined term, described with its members and who runs it."""
    doc = document_of(catalogue, _sheet(REFERENCE_GROUP))
    d = definition(doc, "Stainmoor Speak Up Reference Group")
    assert "made up of disabled adults and family carers" in d
    assert "run by the Council" in d and "which the ALT consults" in d
    assert "name no standing group" not in note(doc, "alliance.operations")
    assert "Lived Experience Group" not in clause_text(doc, "alliance.operations", flat=True)


def test_funded_forum_is_independent_and_its_own_meetings_are_not_supported(catalogue):
    """Firing: a forum of parent carers the Council funds by grant outside the alliance is described so, and the
    Alliance Manager's support covers consultation events held for the Alliance, not the forum's meetings."""
    doc = document_of(catalogue, _sheet(PARENT_FORUM))
    d = definition(doc, "Stainmoor Parent Carer Forum")
    assert d.startswith("the independent forum of that name, made up of parent carers")
    assert "funds by grant outside this Agreement" in d
    assert "young people who use" not in d and "people who use the Services" not in d
    gov = clause_text(doc, "alliance.governance", flat=True)
    assert "consultation event or session with the Stainmoor Parent Carer Forum held for the Alliance" in gov
    assert "of the Stainmoor Parent Carer Forum, the Alliance Manager" not in gov
    assert "does not govern its own meetings" in note(doc, "alliance.operations")


def test_no_named_body_keeps_the_bracketed_proposal(catalogue):
    """Quiet: a sheet naming no body keeps the bracketed Lived Experience Group, and an institution such as an
    integrated care board or a safeguarding partnership board is not read as one."""
    doc = document_of(catalogue, _sheet(
        "  interfacing_arrangements:\n"
        "    - continuing health care commissioned by NHS Stainmoor Integrated Care Board\n"
        "    - the Stainmoor Safeguarding Adults Board's multi-agency procedures\n"))
    assert definition(doc, "Lived Experience Group").startswith("[the group")
    assert "name no standing group" in note(doc, "alliance.operations")


# r43 al-careleavers F5, al-earlyhelp F5: a description typed into involvement_group is not pasted as the group's name.

@pytest.mark.parametrize("field, name, d_has", [
    ("Ashenshire Care Leavers' Forum, which the Council runs", "Ashenshire Care Leavers' Forum",
     "the standing forum of that name, made up of care leavers, run by the Council, which the ALT consults"),
    ("Young Minds Voice panel of young people aged 11 to 25 who use the Services, which the Council runs",
     "Young Minds Voice", "the standing panel of that name, made up of young people aged 11 to 25 who use the "
     "Services, run by the Council, which the ALT consults"),
    ("the Stainmoor Speak Up Group, a reference group of disabled adults, run by the Council", "Stainmoor Speak Up Group",
     "the standing reference group of that name, made up of disabled adults, run by the Council, which the ALT"),
    ("Stainmoor Voices Network (hosted by the Council)", "Stainmoor Voices Network",
     "the standing network of that name, made up of people who use the Services, run by the Council, which the ALT"),
])
def test_described_group_is_defined_by_its_name_and_described(catalogue, field, name, d_has):
    """Firing: the name is the leading proper name; the rest describes it, 'run by' the member who runs it, with no
    "runs" used as a noun and the name used alone in the involvement duty."""
    doc = document_of(catalogue, _sheet(f"  involvement_group: \"{field}\"\n"))
    d = definition(doc, name)
    assert d_has in d
    assert "runs of" not in d and "which the Council runs" not in d
    ops = clause_text(doc, "alliance.operations", flat=True)
    assert f"including through the {name}, which the ALT consults" in ops
    assert "a runs" not in note(doc, "alliance.operations")


def test_group_run_by_a_provider_names_it():
    """The runner may be any member ("which Kite runs"): the parser keeps its words for the member lookup."""
    assert split_involvement_group("Young Minds Voice, which Kite runs") == {
        "name": "Young Minds Voice", "kind": "group", "members": None, "runner": "Kite"}


def test_plain_name_is_kept_whole():
    """Quiet: a field holding only a name is the name, described as before."""
    assert split_involvement_group("the Tamarmouth People's Panel") == {
        "name": "Tamarmouth People's Panel", "kind": "panel", "members": None, "runner": None}
