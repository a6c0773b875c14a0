"""The ALT's quorum and voting rules: the unanimity sub-clause's exceptions (clause 9) cite every rule under which a
member does not vote that the quorum sub-clause (clause 8) lists, both drawn from one list (r27 al-sample
finding 13)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.families.clause_texts import build, clause_text

FIXTURES = Path(__file__).parent / "fixtures"
SHEETS = [ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml",
          FIXTURES / "alliance-hollinshire-r24-al21.yaml", FIXTURES / "alliance-mossgate-r21.yaml",
          *sorted((ROOT / "samples" / "alliance").glob("*.yaml"))]


def _refs(text: str) -> set[str]:
    """Clause numbers cited, with a lettered paragraph taken as its sub-clause (32.2(b) is in 32.2)."""
    return {re.sub(r"\(\w+\)$", "", r) for r in re.findall(r"clause (\d+\.\d+(?:\(\w+\))?)", text)}


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.stem)
def test_unanimity_exceptions_cover_every_no_vote_rule(sheet, catalogue):
    doc = build(sheet, catalogue).document
    if doc.family != "alliance":
        return
    gov = clause_text(doc, "alliance.governance")
    quorum = re.search(r"for a decision on which an Alliance Member does not vote under this Agreement \(including "
                       r"under ([^)]*(?:\([a-z]\)[^)]*)*)\)", gov)
    assert quorum
    dec = clause_text(doc, "alliance.decisions")
    unanimity = re.search(r"except where this Agreement provides otherwise, including in ([^\n]*)", dec)
    if unanimity is None:  # the majority variant has no unanimity sub-clause
        return
    assert _refs(quorum.group(1)) <= _refs(unanimity.group(1))


def test_sample_lists_the_further_urgent_approval(catalogue):
    """Firing: the sample caps the Commissioner's urgent approvals, so the ALT's approval of further costs (in which
    the Provider concerned does not vote) is cited in both lists."""
    doc = build(SHEETS[0], catalogue).document
    dec = clause_text(doc, "alliance.decisions", flat=True)
    assert "including in clause 9.7, clause 9.9, clause 13.10, clause 13.12, clause 30.4 and clause 31.8(b)." in dec


def test_note_explains_the_adjourned_meeting_fallback(catalogue):
    """r27 al-sample finding 3 (firing): unanimity is assumed with every member needed for a quorum, so the note says
    what the adjourned meeting can do, that the 40-Business-Day limb still puts the matter in deadlock whichever Provider
    is absent, and which matters one absent Provider blocks; it proposes no absence exception to that limb."""
    from tests.families.clause_texts import note
    text = " ".join(note(build(SHEETS[0], catalogue).document, "alliance.decisions").split())
    # r32 al-sample finding 2: the adjourned meeting decides with those present, except the protected matters other
    # than the routine money decisions (approvals of overspending, costs approved in advance, budgets)
    assert ("the adjourned meeting decides the business adjourned to it with the agreement of those present, except the "
            "matters listed in clause 9.6 (other than the routine money decisions), which still need all eight members "
            "entitled to vote. A matter still undecided 40 Business Days after it was first put to the ALT is in deadlock "
            "(clause 9.5) unless the Commissioner's own representative was absent.") in text
    assert "absent without good reason" not in text


def test_note_has_no_fallback_text_where_majority_is_instructed(catalogue):
    """Quiet: the majority sample instructs its voting rule, so the unanimity note's fallback text does not appear."""
    from tests.families.clause_texts import note
    doc = build(ROOT / "samples" / "alliance" / "small-majority-three-members.yaml", catalogue).document
    assert "quorum fallback works as follows" not in note(doc, "alliance.decisions")


def test_adjourned_meeting_decides_with_those_present(catalogue):
    """r32 al-sample finding 2 (firing): under unanimity with every member needed for a quorum, one member could block
    by staying away. An adjourned meeting decides the business adjourned to it with the agreement of every member
    present, the Commissioner included; the protected matters still need every member, except the routine money
    decisions (approvals of overspending, costs approved in advance, budgets), and governance points to that rule."""
    doc = build(SHEETS[0], catalogue).document
    dec = clause_text(doc, "alliance.decisions", flat=True)
    assert ("At a meeting adjourned under clause 8.6 because it was not quorate, a matter that was on the agenda of the "
            "meeting adjourned may be decided with the agreement of every Alliance Member whose representative (or "
            "deputy) is present and entitled to vote on it, if they include the Commissioner's representative and every "
            "Alliance Member was given at least 5 Business Days' notice of the adjourned meeting.") in dec
    # r31s al-sample finding 5: the exception no longer reads as qualifying the routine money items
    assert ("A matter listed in clause 9.6, other than an approval of costs under clause 13.10, "
            "an amount of costs approved in advance under clause 13.13 or a Provider's budget, rate of overheads or "
            "basis of apportioning shared costs, is not decided in that way and needs the agreement of every Alliance "
            "Member entitled to vote on it.") in dec
    assert "which needs the agreement of every Alliance Member" not in dec
    assert "A meeting adjourned because it was not quorate decides as clause 9.10 provides." in dec
    gov = clause_text(doc, "alliance.governance", flat=True)
    assert "the adjourned meeting is quorate with the representatives present and decides as clause 9.10 provides" in gov
    assert "to discuss the business and make recommendations" not in gov


def test_no_adjourned_meeting_rule_under_majority_voting(catalogue):
    """r32 al-sample finding 2 (quiet): majority voting has its own adjourned-meeting rule; the unanimity sub-clause
    is not added."""
    small = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"
    doc = build(small, catalogue).document
    assert "a matter that was on the agenda of the meeting adjourned" not in clause_text(doc, "alliance.decisions", flat=True)


def test_reduced_quorum_when_the_commissioner_does_not_vote(catalogue):
    """Firing (r37 al-fresh finding 13): the reduced quorum for a decision on which a member does not vote needs the
    Commissioner only where it is not itself the member that does not vote (its own breach, say), and the adjourned
    meeting does not wait for it on such a decision."""
    sheet = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"
    gov = " ".join(clause_text(build(sheet, catalogue).document, "alliance.governance").split())
    assert "including the Commissioner unless it is the member that does not vote, are present" in gov
    assert "Commissioner's representative (except for a decision on which the Commissioner does not vote)" in gov


def test_reduced_quorum_fallback_quiet_under_unanimity(catalogue):
    """Quiet: under the unanimity rule the reduced quorum is every other member, so it names no Commissioner and
    needs no fallback."""
    sheet = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"
    gov = " ".join(clause_text(build(sheet, catalogue).document, "alliance.governance").split())
    assert "if a representative of every other Alliance Member is present" in gov
    assert "unless it is the member that does not vote" not in gov
def test_a_member_without_a_deputy_may_send_an_alternate(catalogue):
    """r36 al-fresh finding 9 (firing): a member whose deputy is 'none' leaves a blank in Schedule 3, the note asks
    for a deputy before signing, and the quorum sub-clause lets a member send an alternate to a single meeting."""
    from tests.families.clause_texts import document_of, flat_note
    from tests.families.conftest import ALLIANCE_SMALL
    text = ALLIANCE_SMALL.read_text()
    deputy = re.search(r"\n      deputy: [^\n]+", text).group(0)
    doc = document_of(catalogue, text.replace(deputy, "\n      deputy: none", 1))
    governance = clause_text(doc, "alliance.governance", flat=True)
    assert "may appoint another of its senior officers" in governance
    assert "a representative's deputy or alternate counts as the representative." in governance
    assert "[deputy to be named before signing]" in clause_text(doc, "alliance.schedule-alt", flat=True)
    assert "to name a deputy before signing" in flat_note(doc, "alliance.schedule-alt")


def test_every_member_with_a_deputy_has_no_alternate_rule(catalogue):
    """Quiet: where every member names a deputy, no alternate rule and no blank."""
    from tests.families.clause_texts import document_of
    from tests.families.conftest import ALLIANCE_SMALL
    doc = document_of(catalogue, ALLIANCE_SMALL.read_text())
    governance = clause_text(doc, "alliance.governance", flat=True)
    assert "may appoint another of its senior officers" not in governance
    assert "a representative's deputy counts as the representative." in governance


def test_the_commissioners_absence_cannot_stall_the_alt(catalogue):
    """r36 al-fresh (quorum needing the Council), firing: under majority voting with the Commissioner a member, an
    adjourned meeting the Commissioner also misses is adjourned once more and is then quorate without it; quiet:
    unanimity keeps its own adjourned-meeting rule."""
    from tests.families.clause_texts import document_of
    from tests.families.conftest import ALLIANCE_SMALL, ALLIANCE_STAINMOOR
    governance = clause_text(document_of(catalogue, ALLIANCE_SMALL.read_text()), "alliance.governance", flat=True)
    assert ("if the Commissioner's representative is absent from the adjourned meeting too, it must be adjourned once "
            "more") in governance
    assert "a decision that this Agreement makes only with the Commissioner's vote still needs it" in governance
    unanimous = clause_text(document_of(catalogue, ALLIANCE_STAINMOOR.read_text()), "alliance.governance", flat=True)
    assert "adjourned once more" not in unanimous
