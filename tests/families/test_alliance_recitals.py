"""The alliance's statutory footing: the recitals and the statutory functions each Commissioner relies on (Care
Act, Children Act, Housing Act Part 7, carers), health care services, delegation, and regulated children's
services."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.assemble import assemble
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import read_termsheet, validate
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import (
    build,
    clause,
    clause_ids,
    flat as _flat,
    flat_note,
    note,
    text_of,
    variant_file,
    variant_of,
)
from tests.families.conftest import (
    ALLIANCE,
    ALLIANCE_HOLLINSHIRE,
    ALLIANCE_LYNMERE,
    ALLIANCE_REABLEMENT,
    ALLIANCE_SMALL,
    ALLIANCE_STAINMOOR_ALE,
)


def test_childrens_functions_for_looked_after_children_and_care_leavers(alliance_thistlebury):
    """r19 al11: Finding 4: recital (A) cites the looked-after children and leaving care functions, the recitals note asks about
    the staying close duty's commencement, and the statutory functions note names children's functions (not Care Act
    care) and does not ask whether a council the sheet marks unitary is unitary."""
    recitals = clause(alliance_thistlebury, "alliance.recitals")
    assert "sections 17, 20, 22C, 22G and 23B to 24B of the Children Act 1989" in _flat(text_of(recitals))
    assert "section 23CZAA" in _flat(recitals.note or "") and "prospective" in _flat(recitals.note or "")
    functions = _flat(clause(alliance_thistlebury, "common.statutory-functions").note or "")
    assert "care and support under the Care Act 2014" not in functions and "public health" not in functions
    assert "section 42 of the Care Act 2014 for those aged 18 and over" in functions
    assert "as a unitary council, it is also the local housing authority" in functions
    assert "if it is a unitary council" not in functions


def test_adult_services_keep_the_care_act_functions(catalogue):
    """r19 al11: Finding 4 (quiet): an adults' alliance keeps the Care Act functions and cites no leaving care functions."""
    doc = build(ALLIANCE_SMALL, catalogue).document
    assert "23B to 24B" not in _flat(text_of(clause(doc, "alliance.recitals")))
    assert "Children Act 1989 for children in need, looked-after" not in _flat(
        clause(doc, "common.statutory-functions").note or "")


def test_ofsted_supported_accommodation_registration(alliance_thistlebury, catalogue):
    """r19 al11: Finding 3: where the services accommodate 16 and 17 year olds, 16.6 names the supported accommodation
    registration and forbids placing such a child with an unregistered Provider, and the note names the Provider
    the sheet does not record as registered; the Staying Close line does not make anyone a children's home."""
    ops = clause(alliance_thistlebury, "alliance.operations")
    text = _flat(text_of(ops))
    assert "Ofsted, for supported accommodation for looked-after children and care leavers aged 16 or 17" in text
    assert "childcare" not in text
    assert ("No Provider may accommodate a child aged 16 or 17 placed under section 22C(6)(d) or 23B(8)(b) of the "
            "Children Act 1989 unless it is registered with Ofsted") in text
    note = _flat(ops.note or "")
    assert "The instructions do not say that Hearth and Home is registered" in note
    assert "Foyer is registered" not in note
    quiet = _flat(text_of(clause(build(ALLIANCE_REABLEMENT, catalogue).document, "alliance.operations")))
    assert "supported accommodation undertaking" not in quiet
    young = build(ALLIANCE_SMALL, catalogue).document  # young people from 16, none recorded as registered: the rule applies
    assert "unless it is registered with Ofsted" in _flat(text_of(clause(young, "alliance.operations")))


def test_childrens_representations_procedure_before_the_ombudsman(alliance_thistlebury, catalogue):
    """r19 al11: Finding 8: looked-after children and care leavers complain through the Council's Children Act procedure."""
    text = _flat(text_of(clause(alliance_thistlebury, "alliance.operations")))
    assert "representations procedure under sections 24D and 26(3) of the Children Act 1989" in text
    quiet = _flat(text_of(clause(build(ALLIANCE_SMALL, catalogue).document, "alliance.operations")))
    assert "24D" not in quiet


def test_hosts_are_checked_and_treated_as_personnel(alliance_thistlebury, catalogue):
    """r19 al11: Finding 9: a Provider placing young people with hosts treats hosts and household members as Personnel and
    checks them before a placement; the Gillick passage goes where every person served is 16 or over."""
    text = _flat(text_of(clause(alliance_thistlebury, "alliance.operations")))
    assert "Hearth and Home places people with hosts in the hosts' own homes. It must treat each host" in text
    assert "so far as they are eligible for one, for each member of the host's household aged 16 or over" in text
    assert "Gillick" not in (clause(alliance_thistlebury, "common.safeguarding").note or "")
    quiet = build(ALLIANCE_REABLEMENT, catalogue).document
    assert "hosts' own homes" not in _flat(text_of(clause(quiet, "alliance.operations")))


def test_gillick_stays_where_younger_children_are_served(catalogue):
    """r19 al11: Finding 9 (quiet): a children's alliance that does not say everyone is 16 or over keeps the Gillick passage."""
    path = Path(__file__).parent / "fixtures" / "alliance-early-help.yaml"
    doc = build(path, catalogue).document
    note = clause(doc, "common.safeguarding").note or ""
    assert "Gillick" in note


def test_county_council_is_not_recited_as_the_housing_authority(alliance_thornshire):
    """r20 al13: al-fresh 2 (firing): in a two-tier area the county council is recited under its social services functions and
    its duty to assist with the homelessness strategy; Part 7 stays with the district and borough councils."""
    text = _flat(text_of(clause(alliance_thornshire, "alliance.recitals")))
    county = text.split("The County Council enters into this Agreement")[1].split("The Borough Council enters")[0]
    assert "Part 7 of the Housing Act 1996" not in county
    assert "sections 1 and 2 of the Care Act 2014" in county
    assert "sections 17 and 20 of the Children Act 1989" in county
    assert "section 1(2) of the Homelessness Act 2002" in county
    borough = text.split("The Borough Council enters into this Agreement")[1]
    assert "Part 7 of the Housing Act 1996" in borough


def test_unitary_council_keeps_its_housing_functions(catalogue):
    """r20 al13: al-fresh 2 (quiet): a council that is not a county council keeps Part 7 where the services are homelessness."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        text = _flat(text_of(clause(doc, "alliance.recitals")))
        if "County Council" not in text and "homelessness" in text.lower() and "Housing Act 1996" in text:
            assert "section 1(2) of the Homelessness Act 2002" not in text
            assert "Part 7 of the Housing Act 1996" in text


def test_part7_work_by_a_provider_needs_each_housing_authoritys_authorisation(alliance_thornshire):
    """r20 al15: al-fresh 7 (firing): Doorway's caseworkers in the districts' housing options teams do the Borough and District
    Councils' Part 7 work: they act only as each council authorises under the 1996 Order, and each council keeps its
    own s.184 decisions and s.202 reviews; the note names the Order and the date the authorisations are needed."""
    c = clause(alliance_thornshire, "common.statutory-functions")
    text = _flat(text_of(c))
    assert ("Where Doorway's Personnel carry out any function of the Borough Council or the District Council under "
            "Part 7 of the Housing Act 1996, they may do so only as that council has authorised under the Local "
            "Authorities (Contracting Out of Allocation of Housing and Homelessness Functions) Order 1996") in text
    assert "makes its own decisions under section 184 and its own reviews under section 202" in text
    assert "County Council" not in text.split("Where Doorway's Personnel")[1]
    note = _flat(c.note or "")
    assert "(S.I. 1996/3205)" in note and "in place by 1 April 2027" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_contracting_out_clause_without_housing_options_work(path, catalogue):
    """r20 al15: al-fresh 7 (quiet): no Provider service reads as Part 7 casework, so the clause and note are unchanged."""
    c = clause(build(path, catalogue).document, "common.statutory-functions")
    assert "Contracting Out of Allocation of Housing" not in _flat(text_of(c)) + _flat(c.note or "")


@pytest.mark.parametrize("words, split", [
    ("the percentage increase in the Consumer Prices Index (CPI) in the 12 months to the previous December, or, for "
     "the staff cost element agreed in each Annual Plan, the percentage increase in the National Living Wage that "
     "April where it is higher", True),
    ("CPI in the 12 months to the previous September or, for staff costs, the NLW increase if higher", True),
    ("CPI in the 12 months to the previous December", False),
    ("CPI or, if higher, the NLW uplift applied to 70% of the Annual Value", False),
    ("60% CPI and 40% National Living Wage", False),
])
def test_staff_split_reading(words, split):
    """r20 al15: al-fresh 8: only a price index with the living wage for the staff cost element where higher is read as the
    split; a fixed proportion or a single index keeps its own reading (quiet)."""
    from assembler.termsheet.alliance import Alliance, RiskReward
    a = Alliance.model_construct(risk_reward=RiskReward.model_construct(indexation=words))
    got = a.indexation_staff_split
    assert (got is not None) is split
    if split:
        assert got["base"]["index"] == "cpi" and got["staff"]["index"] == "nlw"


def test_service_words_match_by_distinctive_words():
    """r24 al20: Finding 4: place names, filler words, plurals and parentheses do not decide the match."""
    from assembler.termsheet.alliance import service_words
    assert service_words("Supported housing, Hillside Road and Bath Street", titled=True) == {"supported", "housing"}
    assert service_words("Specialist support for women affected by domestic abuse") == {"specialist", "women", "domestic", "abuse"}
    assert service_words("Dual diagnosis outreach") == {"co-occurring", "outreach"}


def test_unitary_status_is_an_assumption_unless_the_sheet_says_so(alliance_big, catalogue):
    """r24 al20: Finding 16: the sheet says only "city council", so the note says "if, as assumed"; a sheet that marks the
    council upper tier (Thistlebury) keeps the plain statement."""
    functions = flat_note(alliance_big, "common.statutory-functions")
    assert "if, as assumed, it is a unitary council, it is also the local housing authority (homelessness and allocation): confirm" in functions
    assert ", as a unitary council," not in functions
    from pathlib import Path
    marked = build(Path(__file__).parent / "fixtures" / "alliance-thistlebury-r19.yaml", catalogue).document
    assert "as a unitary council, it is also the local housing authority" in flat_note(marked, "common.statutory-functions")
    assert "if, as assumed" not in flat_note(marked, "common.statutory-functions")


def test_carers_alliance_recites_the_carers_sections(alliance_hollinshire):
    """r24 al21: Finding 1 (firing): a carers' service rests on Care Act 2014 ss.10 and 20, not s.18, and young carers on Children
    Act 1989 ss.17 and 17ZA to 17ZC."""
    recitals = _flat(text_of(clause(alliance_hollinshire, "alliance.recitals")))
    assert "sections 2, 3, 4, 5, 8, 10 and 20 of the Care Act 2014" in recitals  # r25 alA: s.4 for the carers' information and advice hub
    assert "carers' assessments; and meeting carers' needs for support" in recitals
    assert "sections 17 and 17ZA to 17ZC of the Children Act 1989" in recitals
    assert "8 and 18 of the Care Act" not in recitals


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_carers_sections_without_carers_services(path, catalogue):
    """r24 al21: Finding 1 (quiet): an adult care alliance keeps s.18, and no sample without young carers cites s.17ZA."""
    built = build(path, catalogue)
    if not any(c.id == "alliance.recitals" for c in built.document.all_clauses()):
        pytest.skip("no recitals")
    recitals = _flat(text_of(clause(built.document, "alliance.recitals")))
    assert "10 and 20 of the Care Act 2014" not in recitals
    assert "17ZA" not in recitals
    assert "delegated-assessments" not in recitals
    if any(c.id == "alliance.precedence" for c in built.document.all_clauses()):
        assert "section 79 of the Care Act 2014" not in _flat(text_of(clause(built.document, "alliance.precedence")))


def test_statutory_functions_given_are_printed_as_given(catalogue):
    """r24 al21: Finding 1: the sheet's own citations replace the inferred ones, and the note does not ask to confirm a guess."""
    doc = variant_of(catalogue, ALLIANCE_HOLLINSHIRE, "  light_touch: true\n", "  light_touch: true\n  statutory_functions:\n"
                   "    - sections 10 and 20 of the Care Act 2014 (carers)\n")
    recitals = _flat(text_of(clause(doc, "alliance.recitals")))
    assert "(including its functions under sections 10 and 20 of the Care Act 2014 (carers))" in recitals
    assert "17ZA" not in recitals
    note = flat_note(doc, "alliance.recitals")
    assert "as the instructions give them" in note


def test_delegated_assessments_need_authority_in_the_service_contract(alliance_hollinshire):
    """r24 al21: Finding 1 (firing): Carers Together and Young Carers carry out assessments for the County Council: their
    Service Contracts must authorise it (s.79 for carers' assessments) and keep eligibility with the council."""
    body = _flat(text_of(clause(alliance_hollinshire, "alliance.precedence")))
    assert ("Where a Provider carries out carers' or young carers' needs assessments for the County Council, the County "
            "Council must ensure that the Provider's Service Contract:") in body
    assert "authorises Carers Together and Young Carers, under section 79 of the Care Act 2014, to carry out carers' assessments under section 10" in body
    assert ("sets out the terms on which Young Carers carries out, for the County Council, the work of young carers' needs "
            "assessments under section 17ZA of the Children Act 1989, the County Council keeping that duty") in body
    assert "reserves to the County Council the decision whether a carer's needs meet the eligibility criteria" in body
    note = flat_note(alliance_hollinshire, "alliance.precedence")
    assert "Section 79 does not reach young carers' needs assessments under section 17ZA of the Children Act 1989" in note


def test_no_clinical_negligence_where_the_services_are_not_health_care(alliance_hollinshire, catalogue):
    """r24 al21: Finding 19 (firing): the Commissioner recorded that the services are social care, not health care, and no
    service names treatment, so NHS members alone do not make them health care: no clinical negligence cover."""
    assert read_termsheet(ALLIANCE_HOLLINSHIRE, catalogue).model.alliance.health_in_scope is False
    ops = _flat(text_of(clause(alliance_hollinshire, "alliance.operations")))
    assert "clinical negligence" not in ops
    assert "clinical negligence" not in flat_note(alliance_hollinshire, "alliance.operations")


def test_health_care_still_inferred_for_health_services(catalogue):
    """r24 al21: Finding 19 (quiet): a sheet whose services name treatment keeps the health care terms, whatever the assessment
    says, and the samples with NHS members or health services keep them."""
    reablement = next(p for p in ALLIANCE if p.stem == "reablement-home-care-gain-only")
    assert read_termsheet(reablement, catalogue).model.alliance.health_in_scope is True
    source = ALLIANCE_HOLLINSHIRE.read_text().replace(
        "    - Carer liaison on community hospital wards and in the discharge hub\n  outcomes:",
        "    - Carer liaison on community hospital wards and in the discharge hub\n"
        "    - Nursing assessments for people cared for at home\n  outcomes:", 1)
    assert "Nursing assessments" in source
    from assembler.termsheet.validate import validate as _validate
    model = _validate(load_text(source, ALLIANCE_HOLLINSHIRE.name), catalogue).model
    assert model.alliance.health_in_scope is True


def test_information_and_advice_and_bcf_money(alliance_kingsholt):
    """r25 alA: al-fresh finding 8 (firing): an information and advice service brings in Care Act s.4 in recital (A) and its
    note, and Better Care Fund money named in the sheet's funding words gets its section 75 / plan note."""
    text = _flat(text_of(clause(alliance_kingsholt, "alliance.recitals")))
    assert "sections 2, 3, 4, 5, 8, 10 and 20 of the Care Act 2014" in text
    assert "providing information and advice;" in text
    note = flat_note(alliance_kingsholt, "alliance.recitals")
    assert "The instructions say that Better Care Fund money pays for part of the Services." in note
    assert "report the lines of the Alliance Budget funded from it as the plan requires" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_bcf_note_or_s4_without_the_facts(path, catalogue):
    """r25 alA: al-fresh finding 8 (quiet): no sample names the Better Care Fund or an information and advice service."""
    doc = build(path, catalogue).document
    assert "The instructions say that Better Care Fund money" not in flat_note(doc, "alliance.recitals")
    assert "sections 2, 3, 4, 5" not in _flat(text_of(clause(doc, "alliance.recitals")))


def test_care_act_words_add_s4_only_for_information_and_advice():
    from assembler.termsheet.alliance import care_act_words
    assert "sections 2, 3, 4, 5, 8 and 18" in care_act_words("home care; information and advice for older people")
    assert "sections 2, 3, 5, 8 and 18" in care_act_words("home care; benefits advice")


def test_recitals_note_is_the_one_psr_note_and_states_the_s53_point_once(alliance_big):
    """r25 alC: al-sample findings 15, 19 and 20: one PSR note, the s.53(5) point in one line, no 'row 8'."""
    text = flat_note(alliance_big, "alliance.recitals")
    assert text.count("section 53(5)") == 1
    assert "Schedule 1 row 8" not in text and "the light touch contracts entry in Schedule 1" in text
    assert "Provider Selection Regime (the other notes refer to this one)" in text
    assert "regulation 13 of S.I. 2023/1348" in text
    assert "For that reason recital (C)" not in text
    for cid in ("alliance.precedence", "alliance.changes"):
        other = flat_note(alliance_big, cid)
        assert "see the recitals note" in other and "section 53(5)" not in other


def test_recitals_note_pastes_no_health_examples_where_no_service_is_health_care(alliance_kingsholt):
    """r25 alC: al-fresh finding 10 (firing): no substance-use or palliative examples, no 'accommodation and support'."""
    text = flat_note(alliance_kingsholt, "alliance.recitals")
    for pasted in ("substance use", "palliative", "accommodation and support"):
        assert pasted not in text
    assert "none of the Services is described as health care" in text
    assert "the copy is due within 90 days" in text


def test_recitals_note_names_the_health_contracts_where_there_are_some(alliance_big):
    """r25 alC: al-fresh finding 10 (quiet): a deal with health care contracts still has them named."""
    text = flat_note(alliance_big, "alliance.recitals")
    assert "Recovery CIC (community substance use treatment" in text
    assert "none of the Services is described as health care" not in text


def test_statutory_functions_note_names_a_london_borough_as_such(alliance_kingsholt):
    """r25 alC: al-fresh finding 16 (firing): Kingsholt is a London borough council, not 'a unitary council'."""
    text = flat_note(alliance_kingsholt, "common.statutory-functions")
    assert "as a London borough council, it is also the local housing authority" in text
    assert "unitary" not in text


def test_statutory_functions_note_keeps_unitary_for_other_councils(alliance_big):
    """r25 alC: al-fresh finding 16 (quiet): a city council marked upper tier stays 'a unitary council'."""
    text = flat_note(alliance_big, "common.statutory-functions")
    assert "London borough" not in text


def test_delegated_functions_are_authorised_under_s79(alliance_stainmoor_ale):
    """r26 alE: Finding 1 (firing): a Provider carrying out the council's Care Act assessments and reviews is authorised under
    s.79, eligibility and the personal budget stay with the council, safeguarding and charging are excluded, and the
    indemnity sits outside the liability clause."""
    text = _flat(text_of(clause(alliance_stainmoor_ale, "alliance.delegated-functions")))
    assert "The Council authorises Deaf Centre, under section 79 of the Care Act 2014" in text
    assert "needs assessments under section 9 for Deaf adults" in text
    assert "eligibility criteria under section 13" in text
    assert "sections 42 to 47" in text
    assert "limits or excludes that indemnity" in text
    assert "scheme of delegation" in flat_note(alliance_stainmoor_ale, "alliance.delegated-functions")


def test_possible_delegation_is_flagged_when_no_functions_given(catalogue):
    """r26 alE: Finding 1 (note): without delegated_functions, a Provider whose services read as social work or support planning
    is named in the note, and no authorisation clause is made up."""
    doc = variant_of(catalogue, ALLIANCE_STAINMOOR_ALE, "    delegated_functions:\n      - needs assessments under section 9 for Deaf adults who "
                   "use British Sign Language\n      - reviews of care and support plans under section 27 for those adults\n", "")
    assert "alliance.delegated-functions" not in clause_ids(doc)
    note = flat_note(doc, "alliance.precedence")
    assert 'Deaf Centre delivers "Specialist social work and advocacy' in note
    assert "section 79 of that Act" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_delegation_clause_in_samples(path, catalogue):
    """r26 alE: Finding 1 (quiet): no sample gives delegated_functions, so none carries the s.79 clause."""
    assert "alliance.delegated-functions" not in clause_ids(build(path, catalogue).document)


def test_recital_a_cites_the_care_act_the_instructions_name(alliance_stainmoor_ale):
    """r26 alE: Finding 4 (firing): an independent living and direct payment alliance whose instructions name the Care Act
    recites its Part 1 sections, direct payments included, and the note no longer says the instructions name none."""
    recitals = _flat(text_of(clause(alliance_stainmoor_ale, "alliance.recitals")))
    assert "sections 2, 3, 4, 5, 8, 18 and 31 to 33 of the Care Act 2014" in recitals
    assert "and direct payments)" in recitals
    assert "do not name" not in flat_note(alliance_stainmoor_ale, "alliance.recitals")


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_direct_payment_sections_without_direct_payments(path, catalogue):
    """r26 alE: Finding 4 (quiet): no sample has direct payment services, so none cites ss.31 to 33."""
    doc = build(path, catalogue).document
    if "alliance.recitals" not in clause_ids(doc):
        pytest.skip("no recitals")
    assert "31 to 33" not in _flat(text_of(clause(doc, "alliance.recitals")))


def test_new_services_named_and_hospital_access_note(alliance_stainmoor_ale):
    """r26 alE: Finding 17 (firing): Schedule 1 names what the new-services money pays for, and the note flags the NHS site."""
    sched = _flat(text_of(clause(alliance_stainmoor_ale, "alliance.schedule-services")))
    assert "includes £48,000 a year for the eye clinic liaison session at Stainmoor Royal, which no Former Contract" in sched
    assert "includes £35,000 a year for hearing aid maintenance drop-ins in libraries" in sched
    note = flat_note(alliance_stainmoor_ale, "alliance.schedule-services")
    assert 'Sight Support delivers "Eye clinic liaison and emotional support after diagnosis"' in note
    assert "honorary contract or access agreement" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_hospital_access_note_in_samples(path, catalogue):
    """r26 alE: Finding 17 (quiet): no sample Provider works inside a hospital, so no access-agreement note."""
    doc = build(path, catalogue).document
    if "alliance.schedule-services" in clause_ids(doc):
        assert "honorary contract" not in flat_note(doc, "alliance.schedule-services")


def test_treatment_assessment_is_not_flagged_as_care_act_function(catalogue):
    """r26 alE: Finding 1 (quiet): a drug treatment 'assessment' is not read as a Care Act needs assessment."""
    line = "Single point of access, assessment and recovery support for adults using drugs or alcohol"
    source = ALLIANCE_STAINMOOR_ALE.read_text().replace("    holds_client_money: true\n", f"      - {line}\n    holds_client_money: true\n", 1)
    source = source.replace("  outcomes:\n", f"    - {line}\n  outcomes:\n", 1)
    doc = assemble(validate(load_text(source, ALLIANCE_STAINMOOR_ALE.name), catalogue), catalogue, today=DRAFT_DATE).document
    note = flat_note(doc, "alliance.precedence")
    assert "drugs or alcohol" not in note


def test_recital_names_the_icb_contract_split(alliance_lynmere):
    """r27 alI: al-fresh finding 2 (firing): the Trust's Service Contract is with the ICB, so recital (A) says the Council
    arranges the other Providers' Services and the ICB the Trust's, and the note does not say the Council is party to
    every Service Contract."""
    text = _flat(text_of(clause(alliance_lynmere, "alliance.recitals")))
    assert ("the arrangement under which the Council arranges the Services delivered by Dementia Support Lynmere, "
            "Common Ground and Ashby Vale for itself and the ICB, are governed by") in text
    assert "The ICB arranges the Services delivered by the Trust under its own Service Contract" in text
    assert "on behalf of the ICB" not in text
    n = flat_note(alliance_lynmere, "alliance.recitals")
    assert "party to every Service Contract" not in n
    assert "and the ICB to the Trust's" in n
    assert "confirm that the Section 75 Agreement reflects this split of the Service Contracts" in n


def test_recital_council_arranges_all_where_no_member_contracts_with_the_icb(tmp_path, catalogue):
    """r27 alI: al-fresh finding 2 (quiet): without service_contract_with the Council holds every Service Contract."""
    sheet = variant_file(tmp_path, ALLIANCE_LYNMERE, "    service_contract_with: icb\n", "")
    doc = build(sheet, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.recitals")))
    assert "arranges the Services on behalf of the ICB" in text
    assert "under its own Service Contract" not in text
    assert "the Council is party to every Service Contract" in flat_note(doc, "alliance.recitals")


def test_recitals_name_the_body_and_cite_the_icbs_own_duty(alliance_ellerby_built):
    """r18b: Finding 8 and the ICB's power: recital (A) says 'The Commissioners wish', recital (C) names the Lead
    Commissioner, and the ICB is not given the Secretary of State's s.2 power."""
    text = text_of(clause(alliance_ellerby_built.document, "alliance.recitals"))
    assert "The Commissioners wish to commission the Services" in text and "They wish" not in text
    assert "The Council, as Lead Commissioner, has assessed the law governing" in text  # r40 al-shortbreaks finding 8
    assert "section 2(2)" not in text
    assert "in exercise of its duty under section 3 of the National Health Service Act 2006" in text
