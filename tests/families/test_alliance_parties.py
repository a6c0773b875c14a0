"""The alliance's parties: Providers' legal forms and signatories, capacity and authority, the holder of a
Service Contract, and public bodies and NHS bodies as members."""

from __future__ import annotations

import pytest

from assembler.model import plain_text
from assembler.termsheet.validate import read_termsheet
from assembler.writers.text import to_text
from tests.conftest import samples
from tests.families.clause_texts import build, clause, flat as _flat, flat_note, note, text_of
from tests.families.conftest import ALLIANCE


def test_execution_note_asks_about_two_signatories(alliance_thistlebury):
    """r19 al11: Finding 20: the execution note asks whether the council's rules need two signatories as well as the seal."""
    note = _flat(clause(alliance_thistlebury, "alliance.key-information").note or "")
    assert "or signed by two authorised officers" in note and "add a second signature line" in note


def test_contract_holder_outside_the_pool_pays_its_own_service_contract(alliance_thornshire):
    """r20 al15: al-fresh 3 (firing): the Borough Council holds Lettings Hub's Service Contract but the County Council holds the
    pool, so the Borough Council pays Lettings Hub itself out of its contribution, and clause 4.2 says so."""
    planning = _flat(text_of(clause(alliance_thornshire, "alliance.service-planning")))
    assert "The Borough Council must itself pay the amounts due under Lettings Hub's Service Contract." in planning
    assert "as part of the Borough Council's contribution to the Pooled Budget" in planning  # r27 al-fresh 3: aligned budget
    assert "the payments each Commissioner makes to a Provider under a Service Contract to which that Commissioner is party" in planning
    structure = _flat(text_of(clause(alliance_thornshire, "alliance.structure")))
    assert "by the Commissioner party to that Service Contract, out of the Pooled Budget or as clause" in structure
    assert "by the Commissioner from the Pooled Budget" not in structure


def test_contract_holder_note_gives_the_net_figures(alliance_thornshire):
    """r20 al15: al-fresh 3: the note works the sheet's figures: £520,000 less £290,000 leaves £230,000 for the pool."""
    notes = _flat(clause(alliance_thornshire, "alliance.service-planning").note or "")
    assert "(£290,000 in the first year)" in notes and "balance of £230,000" in notes


def test_capacity_and_authority_warranty_in_an_alliance(alliance_big, catalogue):
    """r21 al16: al-sample 13: each Party warrants its power, constitution (objects for a charity) and authority; the other
    families' general clause is unchanged."""
    general = _flat(text_of(clause(alliance_big, "common.general")))
    assert "Each Party warrants to each other Party that:" in general
    assert "for a charity, a community interest company or a registered society, within its objects" in general
    grant = samples("grant")[0]
    other = build(grant, catalogue).document
    if any(c.id == "common.general" for c in other.all_clauses()):
        assert "warrants to each other Party that:" not in _flat(text_of(clause(other, "common.general")))


def test_cio_naming_one_signatory_signs_by_it(alliance_haverleigh_al19):
    """r22 al19: al-fresh 8 (firing): Rise, a CIO whose sheet names only its Chair of Trustees (and says it does not execute
    a deed), signs by that authorised signatory; the execution note asks for the trustees' resolution and the
    constitution's execution clause. (Quiet: tests/termsheet/test_parties.py names a second trustee.)"""
    from assembler.model import plain_text
    rise = next(p for p in alliance_haverleigh_al19.parties if p.short_name == "Rise")
    lines = [plain_text(line) for line in rise.execution]
    assert lines[0] == "Signed for and on behalf of Rise Recovery Community Haverleigh by its authorised signatory:"
    assert "Name: Clifford Ng-Bassey" in lines and "Position: Chair of Trustees" in lines
    assert not any("second charity trustee" in line for line in lines)
    note = flat_note(alliance_haverleigh_al19, "common.general")
    assert ("Rise is a charitable incorporated organisation, a body corporate that may make a simple contract by a "
            "person it authorises, so its block is for one signatory, Clifford Ng-Bassey (Chair of Trustees)") in note


def test_public_body_provider_paragraph_overrides_nothing(alliance_haverleigh_al19):
    """r22 al19: al-fresh 7 (firing): clauses 10 and 19 already bind the Trust as a Provider and give their roles to the
    Council by name, so 8.10 only says so, with the board members' code; it no longer 'prevails' over them."""
    gov = _flat(text_of(clause(alliance_haverleigh_al19, "alliance.governance")))
    assert "The Trust is bound by clause 10 and clause 19 as a Provider, and the interests of its board members" in gov
    assert "This paragraph prevails over those clauses" not in gov


def test_one_contract_holder_is_named(alliance_hollinshire):
    """r24 al21: Finding 21 (firing): every Service Contract is with the County Council, so the clauses name it rather than
    "the Commissioner party to its Service Contract"."""
    ops = _flat(text_of(clause(alliance_hollinshire, "alliance.operations")))
    assert "only with the prior written consent of the County Council, which must not" in ops
    leaving = _flat(text_of(clause(alliance_hollinshire, "alliance.leaving")))
    assert "the County Council may end that Provider's Service Contract on the same day" in leaving
    assert "If the County Council does not give that notice" in leaving
    rr = _flat(text_of(clause(alliance_hollinshire, "alliance.risk-reward")))
    assert "The County Council must pay a positive Balancing Amount to the Provider" in rr
    assert "party to that Provider's Service Contract" not in rr


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_contract_holder_generic_where_several(path, catalogue):
    """r24 al21: Finding 21 (quiet): where the Service Contracts are with different Commissioners, the generic words stay."""
    a = read_termsheet(path, catalogue).model.alliance
    holders = {a.service_contract_commissioner(p).key for p in a.providers}
    if not a.joint_commissioners or len(holders) == 1:
        assert a.sole_contract_holder is None or a.joint_commissioners
        pytest.skip("one Commissioner, or one contract holder")
    assert a.sole_contract_holder is None


def test_joining_nhs_body_reads_the_named_body():
    from assembler.termsheet.alliance import Alliance
    for words, expected in [("the integrated care board may join from 2028", True), ("NHS Kent ICB", True),
                            ("the neighbouring district council", False), (None, None)]:
        a = Alliance.model_construct(joining_commissioner=words)
        assert a.joining_nhs_body is expected


def test_joining_nhs_body_falls_back_to_the_reserved_matter():
    from assembler.termsheet.alliance import Alliance, Decisions
    a = Alliance.model_construct(joining_commissioner=None, decisions=Decisions.model_construct(
        reserved_matters=["Admitting Aldhurst Borough Council or another district council as a member"]))
    assert a.joining_nhs_body is False


def test_execution_note_reads_as_sentences_and_flags_a_society_signing_alone(alliance_ellerby_built):
    """r18b: Finding 16: the ICB's sentence starts with a capital; the seal attestation is given now; a co-operative
    signing by one officer is asked for its authority."""
    drafting_note = note(alliance_ellerby_built.document, "alliance.key-information")
    assert "The ICB signs by Graham Sutcliffe-Obi" in drafting_note and " the ICB signs by" not in drafting_note
    assert '"The common seal of Ellerby Council was affixed to this Agreement in the presence of:"' in drafting_note
    assert "Fieldfare signs by Hannah Oduya, Secretary, alone" in drafting_note
    assert "Pathmaker signs by" not in drafting_note  # a company: no society point


def test_a_company_limited_by_guarantee_says_so_and_one_unsaid_is_flagged(alliance_ellerby_built):
    """r18b: Finding 15: the sheet's limited_by reads in the parties block; a company whose sheet does not say is described
    only as a company, and the note asks for Companies House to be checked."""
    doc = alliance_ellerby_built.document
    text = to_text(doc)
    assert "a company limited by guarantee incorporated in England and Wales (company number 10457731)" in text
    assert "a company incorporated in England and Wales (company number 03186642)" in text
    drafting_note = note(doc, "alliance.key-information")
    assert "whether Willowgate is limited by guarantee or by shares" in drafting_note
    assert "whether Pathmaker" not in drafting_note and "Willowgate and Pathmaker" not in drafting_note
