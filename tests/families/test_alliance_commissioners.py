"""How the draft names the commissioning bodies: with two Commissioners, the operative clauses say "a Commissioner",
"each Commissioner", "the Commissioners" or "the Commissioner party to" a contract, never a bare "the Commissioner";
with one, "the Commissioner" reads as before (r27 al-fresh findings 12 and 15)."""
from __future__ import annotations

import pytest

from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file
from tests.families.clause_texts import build, clause, flat as _flat, flat_note, note, text_of
from tests.families.conftest import ALLIANCE, ALLIANCE_JOINT


@pytest.fixture(scope="module")
def single(catalogue):
    return build(next(p for p in ALLIANCE if "small-majority" in p.name), catalogue).document


def body(doc, cid) -> str:
    return _flat(text_of(clause(doc, cid)))


def test_two_commissioners_are_never_a_bare_the_commissioner(alliance_lynmere):
    """Firing: the Lynmere sheet has the Council and the ICB."""
    assert ("No Reserved Matter prevents a Commissioner from acting under clause 11: where a Commissioner changes "
            "eligibility") in body(alliance_lynmere, "alliance.decisions")
    assert "which does not bind any Commissioner." in body(alliance_lynmere, "alliance.decisions")
    assert ("The Commissioners, acting jointly through the Lead Commissioner, may extend the Term once"
            in body(alliance_lynmere, "alliance.term-termination"))
    assert "only with any approval each Commissioner's constitution requires." in body(alliance_lynmere, "alliance.term-termination")
    assert "only after each Commissioner that is to pay it has confirmed in writing" in body(alliance_lynmere, "alliance.changes")
    assert "Any right of a Commissioner to withhold or reduce a payment" in body(alliance_lynmere, "alliance.structure")
    assert "must indemnify each Commissioner and any other Alliance Member" in body(alliance_lynmere, "alliance.workforce")
    assert "how to take a complaint to the Commissioner that commissions it" in body(alliance_lynmere, "alliance.operations")
    assert "the Commissioners take what remains" in body(alliance_lynmere, "alliance.schedule-risk-reward")
    assert "the Commissioner takes what remains" not in body(alliance_lynmere, "alliance.schedule-risk-reward")


def test_one_commissioner_reads_as_before(single):
    """Quiet: one Commissioner keeps "the Commissioner"."""
    assert "No Reserved Matter prevents the Commissioner from acting under" in body(single, "alliance.decisions")
    # the small sample's direct ladder has no Independent Expert (r36 al-fresh finding 4), so no "does not bind" words
    assert "The Commissioner decides any other deadlocked matter" in body(single, "alliance.decisions")
    assert "must indemnify the Commissioner and any other" in body(single, "alliance.workforce")
    assert "the Commissioner takes what remains" in body(single, "alliance.schedule-risk-reward")


def test_commissioners_split_of_gain_and_pain_is_stated_once(alliance_lynmere):
    """Firing (r27 al-fresh finding 15): clause 13 refers to the one rule between the Commissioners in clause 12."""
    assert "The Commissioners' share is divided between them as clause 12.14 provides." in body(alliance_lynmere, "alliance.risk-reward")
    assert "unless they agree otherwise between themselves" not in body(alliance_lynmere, "alliance.risk-reward")


@pytest.mark.parametrize("words, field, expected", [
    ("Admitting a new Alliance Member (including North Thornshire District Council) or removing one", None, True),
    ("Admitting the integrated care board as a new member", None, True),
    ("Admitting a new Alliance Member or removing one", None, False),
    ("Admitting a new Alliance Member or removing one", True, True),
    ("Admitting a new Alliance Member (including Castlemere Borough Council)", False, False),
    ("Closing any scheme the council funds", None, False),
])
def test_commissioners_may_join_reads_the_field_then_the_reserved_matters(words, field, expected):
    """r20 al15: al-fresh 5: the field decides; unset, a reserved matter on admission naming a council or NHS body does."""
    from assembler.termsheet.alliance import Alliance
    a = Alliance.model_construct(commissioner_accession=field,
                                 decisions=type("D", (), {"reserved_matters": [words]})())
    assert a.commissioners_may_join is expected


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_single_commissioner_wording_unchanged(path, catalogue):
    """r21 al17: al-fresh 6 (quiet): with one Commissioner the clauses still say "the Commissioner"."""
    built = build(path, catalogue)
    ops = _flat(text_of(clause(built.document, "alliance.operations")))
    if "Lead Commissioner" not in _flat(text_of(clause(built.document, "alliance.decisions"))):
        assert "must tell the Commissioner promptly" in ops


def test_a_joining_commissioner_joins_by_a_variation(alliance_kingsholt):
    """r25 alA: al-fresh finding 1 (firing): a commissioner joins only with a variation that sets its role, contribution, shares
    and part in decisions; the deed no longer makes it 'the Council' or cites a funding agreement that does not exist,
    and the note names the ICB and the section 75 pooled-fund route."""
    text = _flat(text_of(clause(alliance_kingsholt, "alliance.schedule-accession")))
    assert "it joins only on the terms of a variation made under clause" in text
    assert "of the Alliance Agreement at the same time as this Deed. That variation sets:" in text
    assert "the Alliance Agreement has one Commissioner, the Council" in text
    assert "funding agreement" not in text
    assert "Commissioner and the Council" not in text
    assert "A New Member that joins as a Commissioner has no Annual Value and no Fee" in text
    note = flat_note(alliance_kingsholt, "alliance.schedule-accession")
    assert ("The instructions name a body that may join later as a Commissioner: the integrated care board may join and pool"
            " its frailty money from 2028.") in note  # r31 al-fresh finding 17: a noun phrase reads too
    assert "Because the joining body is an NHS body that is to pool money with the Council" in note
    assert "section 75 of the National Health Service Act 2006" in note and "S.I. 2000/617" in note


def test_joint_commissioners_keep_their_own_names():
    """r25 alD: Quiet: where several commission, "the Commissioner" would not say which, so each keeps its defined name."""
    al = AllianceTermSheet.model_validate(load_file(ALLIANCE_JOINT).data).alliance
    assert al.joint_commissioners
    first = al.commissioners[0]
    assert al.party_term(first) == first.defined


def test_commissioner_definition_is_short_and_joint_action_has_its_own_clause(alliance_lynmere):
    """r27 alI: al-fresh finding 12 (firing): the Commissioner definition no longer carries the joint-exercise mechanism, which
    clause 4 sets out in its own sub-clauses, one obligation a sentence; 4.1 says 'a Commissioner'."""
    key = _flat(text_of(clause(alliance_lynmere, "alliance.key-information")))
    structure = _flat(text_of(clause(alliance_lynmere, "alliance.structure")))
    assert "It does not itself oblige a Commissioner to buy" in structure
    assert ("concerns more than one Commissioner, the Commissioners exercise, make or give it jointly through the Lead "
            "Commissioner.") in structure
    assert "Before acting jointly, the Lead Commissioner must consult each other Commissioner." in structure
    assert "Otherwise each Commissioner acts alone in relation to its own functions, budget and Service Contracts." in structure
    assert "which acts after consulting" not in key


def test_single_commissioner_has_no_joint_action_clause(catalogue):
    """r27 alI: al-fresh finding 12 (quiet): one Commissioner: 'the Commissioner', no joint-exercise sub-clauses."""
    sheet = next(p for p in ALLIANCE if "small-majority" in p.name)
    doc = build(sheet, catalogue).document
    structure = _flat(text_of(clause(doc, "alliance.structure")))
    assert "Before acting jointly" not in structure
    assert "jointly through the Lead Commissioner" not in structure
