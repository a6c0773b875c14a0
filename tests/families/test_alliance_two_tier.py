"""Two councils in a two-tier area commissioning one alliance (r40 al-twotier review): each Commissioner is recited
under its own tier's statutory functions."""

from __future__ import annotations

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import build, clause, flat as _flat, text_of
from tests.families.conftest import ALLIANCE_THORNSHIRE

FUNCTIONS = """  statutory_functions:
    - Part 7 of the Housing Act 1996 and section 1 of the Homelessness Act 2002 (the District Council's homelessness duties)
    - sections 1 and 2 of the Care Act 2014 (the County Council's wellbeing and prevention duties)
    - section 2B of the National Health Service Act 2006 (the County Council's public health duty)
"""


def _with_functions(tmp_path):
    text = ALLIANCE_THORNSHIRE.read_text(encoding="utf-8").replace("\nalliance:\n", "\nalliance:\n" + FUNCTIONS, 1)
    path = tmp_path / "two-tier.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _recital_a(doc) -> str:
    return _flat(text_of(clause(doc, "alliance.recitals")).split("The Parties wish to form")[0])


def test_given_functions_are_split_by_tier(tmp_path, catalogue):
    """Finding 1: the sheet's one functions list is split: each lower-tier council under Part 7 and s.1 of the
    Homelessness Act 2002 only, the county council under the Care Act, s.2B and s.213 only; the note agrees."""
    doc = assemble(read_termsheet(_with_functions(tmp_path), catalogue), catalogue, today=DRAFT_DATE).document
    recital = _recital_a(doc)
    parts = {c: recital.split(f"The {c} enters into this Agreement")[1].split("enters into this Agreement")[0]
             for c in ("County Council", "Borough Council", "District Council")}
    county, borough, district = parts["County Council"], parts["Borough Council"], parts["District Council"]
    assert "Care Act 2014" in county and "section 2B" in county and "section 213 of the Housing Act 1996" in county
    assert "Part 7 of the Housing Act 1996" not in county
    for lower in (borough, district):
        assert "Part 7 of the Housing Act 1996" in lower
        assert "Care Act 2014" not in lower and "section 2B" not in lower and "section 213" not in lower
    note = _flat(clause(doc, "alliance.recitals").note or "")
    assert "each under its own tier's functions only" in note
    assert "cited as the social services authority, not under Part 7" not in note


def test_one_council_keeps_the_whole_list(catalogue, tmp_path):
    """Finding 1 (quiet): a single council Commissioner (no two-tier pair) is recited under every function given."""
    from tests.families.conftest import ALLIANCE_SMALL
    text = ALLIANCE_SMALL.read_text(encoding="utf-8")
    assert "statutory_functions" not in text
    text = text.replace("\nalliance:\n", "\nalliance:\n" + FUNCTIONS, 1)
    path = tmp_path / "one.yaml"
    path.write_text(text, encoding="utf-8")
    recital = _recital_a(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document)
    assert "Part 7 of the Housing Act 1996" in recital and "Care Act 2014" in recital
    assert "section 213 of the Housing Act 1996" not in recital


def test_two_tier_without_given_functions_adds_section_213(catalogue):
    """Finding 1: where the functions are read from the services, the county council is recited under s.213 too."""
    recital = _recital_a(build(ALLIANCE_THORNSHIRE, catalogue).document)
    county = recital.split("The County Council enters into this Agreement")[1].split("enters into this Agreement")[0]
    assert "section 213 of the Housing Act 1996" in county


SUCCESSOR = "the Thornshire unitary council proposed under the local government reorganisation"


def _with_successors(tmp_path, catalogue, second: str):
    text = ALLIANCE_THORNSHIRE.read_text(encoding="utf-8")
    text = text.replace("    council_tier: upper\n", f"    council_tier: upper\n    expected_successor: {SUCCESSOR}\n"
                        "    successor_date: 2028-04-01\n", 1)
    text = text.replace("    council_tier: lower\n", f"    council_tier: lower\n    expected_successor: {second}\n", 1)
    path = tmp_path / "merger.yaml"
    path.write_text(text, encoding="utf-8")
    return assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document


def test_same_successor_for_two_commissioners_merges_them(tmp_path, catalogue):
    """Finding 2: two Commissioners whose functions pass to the same body become one Party with one seat and vote, the
    majority and quorum restated for the smaller membership, shares added, the settlement between them ended, and
    (the county being Lead Commissioner) it is Lead Commissioner; the note gives the date and the s.24 direction."""
    doc = _with_successors(tmp_path, catalogue, SUCCESSOR)
    leaving = clause(doc, "alliance.leaving")
    body = _flat(text_of(leaving))
    assert "all pass to the same body (which the Commissioners expect on 1 April 2028)" in body
    assert "it is the Lead Commissioner;" in body and "it has one seat and one vote in the ALT" in body
    assert "Alliance Members vote for it" in body and "is quorate under clause" in body
    assert "is the sum of theirs" in body and "stop applying between them" in body
    note = _flat(leaving.note or "")
    assert "section 24 of the Local Government and Public Involvement in Health Act 2007" in note
    assert "£100,000" in note and "on 1 April 2028" in note
    assert note.count("to pass during the term to") == 1


def test_different_successors_do_not_merge(tmp_path, catalogue):
    """Finding 2 (quiet): Commissioners with different successors keep their own places; no merger sub-clause or
    s.24 note."""
    doc = _with_successors(tmp_path, catalogue, "the Aldhurst unitary council")
    leaving = clause(doc, "alliance.leaving")
    assert "all pass to the same body" not in _flat(text_of(leaving))
    assert "section 24 of the Local Government" not in _flat(leaving.note or "")


def test_safeguarding_authority_that_is_a_party_is_named_by_its_defined_term(catalogue):
    """Finding 2 (20.12): where the safeguarding authority is a Party, the reporting duty names it by its defined term."""
    text = _flat(text_of(clause(build(ALLIANCE_THORNSHIRE, catalogue).document, "common.safeguarding")))
    assert "Thornshire County Council" not in text and "to the County Council" in text


def test_running_costs_without_a_pool_follow_contract_values(tmp_path, catalogue):
    """Finding 4: with no Pooled Budget, the Commissioners share the running costs in proportion to the first-year
    values of their Service Contracts (printed), not equally, and the note says the split is a default."""
    from tests.families.conftest import ALLIANCE_JOINT
    text = ALLIANCE_JOINT.read_text(encoding="utf-8")
    assert "running_costs: members_pro_rata" in text
    path = tmp_path / "costs.yaml"
    path.write_text(text.replace("running_costs: members_pro_rata", "running_costs: commissioner", 1), encoding="utf-8")
    doc = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
    planning = clause(doc, "alliance.service-planning")
    body = _flat(text_of(planning))
    assert "a part in proportion to the first-year values of the Service Contracts to which it is party" in body
    assert "an equal part" not in body
    assert "a default, not an instruction" in _flat(planning.note or "")


def test_running_costs_with_a_pool_follow_contributions(catalogue):
    """Finding 4 (quiet): with a Pooled Budget the split stays by contributions to it."""
    body = _flat(text_of(clause(build(ALLIANCE_THORNSHIRE, catalogue).document, "alliance.service-planning")))
    assert "first-year values of the Service Contracts to which it is party" not in body


def test_deemed_urgent_approval_binds_only_the_lead_commissioner(catalogue):
    """Finding 3: with several Commissioners, an urgent cost approved by the Lead Commissioner's silence binds only its
    part of the resulting Pain unless each other Commissioner agreed in advance, and 13.13(b)'s time limit allows for
    the later deemed approval."""
    from tests.families.conftest import ALLIANCE_HOLLINSHIRE
    doc = build(ALLIANCE_HOLLINSHIRE, catalogue).document
    body = _flat(text_of(clause(doc, "alliance.risk-reward")))
    assert "binds only the Lead Commissioner's part of the Commissioners' share of any Pain" in body
    assert "treats as given after that period" in body


def test_one_commissioner_has_no_deemed_approval_split(catalogue):
    """Finding 3 (quiet): with one Commissioner there is no one else to bind."""
    from tests.families.conftest import ALLIANCE_SMALL
    body = _flat(text_of(clause(build(ALLIANCE_SMALL, catalogue).document, "alliance.risk-reward")))
    assert "binds only the" not in body


def _exit_note(tmp_path, catalogue, riverside: str) -> str:
    from tests.families.conftest import ALLIANCE_BIG
    text = ALLIANCE_BIG.read_text(encoding="utf-8")
    old = "Riverside:\n    mental health support for people with co-occurring conditions, to Recovery CIC or a provider the\n    Council appoints;"
    assert old in text
    path = tmp_path / "handover.yaml"
    path.write_text(text.replace(old, f"Riverside:\n    mental health support for people with co-occurring conditions, {riverside};", 1),
                    encoding="utf-8")
    doc = assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document
    return _flat(clause(doc, "alliance.schedule-exit").note or "")


def test_handover_to_a_councils_provider_is_not_in_house(tmp_path, catalogue):
    """Finding 7 (quiet): a handover to a provider the council appoints ("to the Council's treatment provider") does
    not bring the service in-house."""
    note = _exit_note(tmp_path, catalogue, "to the Council's treatment provider or another provider the Council appoints")
    assert "brings a service in-house" not in note


def test_handover_to_the_council_itself_is_in_house(tmp_path, catalogue):
    """Finding 7: a handover to the council itself still reads as in-house (TUPE and pensions checked)."""
    note = _exit_note(tmp_path, catalogue, "to the Council, which will run it with its own staff")
    assert "The handover for Riverside brings a service in-house" in note


def _operations(tmp_path, catalogue, assessment: str):
    from tests.families.conftest import ALLIANCE_BIG
    text = ALLIANCE_BIG.read_text(encoding="utf-8")
    start = text.index("  health_care_assessment: >-\n")
    end = text.index("  lead_provider:", start)
    text = text[:start] + f"  health_care: false\n  health_care_assessment: >-\n    {assessment}\n" + text[end:]
    path = tmp_path / "treatment.yaml"
    path.write_text(text, encoding="utf-8")
    return clause(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE).document, "alliance.operations")


def test_recovery_support_with_treatment_elsewhere_is_not_treatment(tmp_path, catalogue):
    """Finding 6: where the sheet says the drug and alcohol work is non-clinical and structured treatment stays in a
    separate contract, no Provider is told to make its own NDTMS returns or report patient safety incidents."""
    ops = _operations(tmp_path, catalogue, "the recovery work is non-clinical peer support with no prescribing, which "
                      "stays in the Council's separate treatment contract")
    body = _flat(text_of(ops))
    assert "supports people with drug or alcohol use into treatment" in body
    assert "patient safety incident" not in body and "delivers drug or alcohol treatment" not in body
    assert "is not treatment" in _flat(ops.note or "")


def test_treatment_in_scope_keeps_the_treatment_duties(catalogue):
    """Finding 6 (quiet): where treatment is in scope, the NDTMS and patient safety duties stay."""
    from tests.families.conftest import ALLIANCE_BIG
    body = _flat(text_of(clause(build(ALLIANCE_BIG, catalogue).document, "alliance.operations")))
    assert "delivers drug or alcohol treatment" in body and "patient safety incident" in body
