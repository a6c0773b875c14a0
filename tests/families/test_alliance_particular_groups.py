"""Alliance drafts for services to particular groups (r43 al-domabuse, al-careleavers): whose figure judges a KPI
gate, payments to people who may have no recourse to public funds, single-sex and by-and-for services, and the notes
that go with them."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, flat_note, variant_of
from assembler.assemble import check_rules
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import build, clause_ids
from tests.families.conftest import ALLIANCE_EASTMOOR, ALLIANCE_HAVERLEIGH, ALLIANCE_SMALL

_KPI1 = """      baseline: 1,845 (2025/26)
      target: 2,200 by 2030/31
      frequency: quarterly
"""


def _gate_figure(catalogue, figure: str):
    return variant_of(catalogue, ALLIANCE_HAVERLEIGH, _KPI1, _KPI1 + f"      gate_figure: {figure}\n")


def test_gate_on_a_providers_own_figure_is_stated(catalogue):
    doc = _gate_figure(catalogue, "provider")
    gate = clause_text(doc, "alliance.risk-reward", flat=True)
    assert ("For Key Performance Indicator 1, a Provider's performance is the figure for the Services it provides "
            "itself, not the figure for the Alliance as a whole.") in gate
    part4 = clause_text(doc, "alliance.schedule-outcomes", flat=True)
    assert "Performance against Key Performance Indicator 1 is judged, for each Provider it gates, on the figure" in part4
    assert "Alliance-wide figure, so a Provider's Gain can be lost" not in flat_note(doc, "alliance.risk-reward")


def test_gate_on_the_alliance_figure_is_stated_and_noted(catalogue):
    doc = _gate_figure(catalogue, "alliance")
    gate = clause_text(doc, "alliance.risk-reward", flat=True)
    assert ("For Key Performance Indicator 1, a Provider's performance is the figure for all the Services of the "
            "Alliance, whichever Provider provides them.") in gate
    note = flat_note(doc, "alliance.risk-reward")
    assert "KPI 1 is judged on the Alliance-wide figure, so a Provider's Gain can be lost" in note
    assert "Check that each of them can move that figure through its own services" in note


def test_gate_figure_unsaid_is_asked_not_stated(catalogue):
    doc = variant_of(catalogue, ALLIANCE_HAVERLEIGH, _KPI1, _KPI1)
    gate = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "a Provider's performance is the figure for" not in gate
    note = flat_note(doc, "alliance.risk-reward")
    assert "is judged on the figure for the services it provides itself or on the figure for the Alliance" in note
    assert "Alliance-wide figure, so a Provider's Gain" not in note


# --- payments to people who may have no recourse to public funds (r43 al-domabuse F2, al-careleavers note 3) ---

_PAYS = "annual_value: 400000\n"


def _payments(catalogue, extra: str):
    return variant_of(catalogue, ALLIANCE_EASTMOOR, _PAYS, _PAYS + "    payments_to_people: 48000\n" + extra)


def test_nrpf_payments_recite_the_power_and_the_assessment_protocol(catalogue):
    doc = _payments(catalogue, "    payments_to_people_for: rent and subsistence for people with no recourse to public "
                    "funds\n    payments_to_people_power: section 1 of the Localism Act 2011\n")
    schedule = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "may go to people with no recourse to public funds" in schedule
    assert "pays for them under section 1 of the Localism Act 2011." in schedule
    assert "eligibility and human rights assessment protocol that the" in schedule
    assert "paragraph 1 of Schedule 3 to the Nationality, Immigration and Asylum Act 2002" in schedule
    assert "necessary to avoid a breach of the person's Convention rights" in schedule
    note = flat_note(doc, "alliance.schedule-risk-reward")
    assert "paragraph 3 allows support only so far as it is necessary to avoid a breach" in note
    assert "as instructed (section 1 of the Localism Act 2011)" in note


def test_nrpf_flag_without_the_words_and_no_power_leaves_it_open(catalogue):
    doc = _payments(catalogue, "    payments_to_people_for: rent and subsistence\n    payments_to_people_nrpf: true\n")
    schedule = clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "pays for them under [power the Commissioner relies on for" in schedule
    assert "(left blank where the instructions give none)" in flat_note(doc, "alliance.schedule-risk-reward")


def test_payments_not_said_to_reach_nrpf_people_are_quiet(catalogue):
    doc = _payments(catalogue, "    payments_to_people_for: rent and subsistence for care leavers\n")
    assert "no recourse to public funds" not in clause_text(doc, "alliance.schedule-risk-reward", flat=True)
    assert "Schedule 3 to the Nationality" not in flat_note(doc, "alliance.schedule-risk-reward")
    doc = _payments(catalogue, "    payments_to_people_for: rent for people with no recourse to public funds\n"
                    "    payments_to_people_nrpf: false\n")
    assert "Schedule 3 to the Nationality" not in clause_text(doc, "alliance.schedule-risk-reward", flat=True)


# --- single-sex and by-and-for services (r43 al-domabuse F4) ------------------------------------------------

_RESTRICTED = """  restricted_services:
    - service: Refuge accommodation
      only_for: women and their children
      kind: single_sex
    - service: Outreach by and for Black and minoritised women
      only_for: Black and minoritised women
      kind: by_and_for
  kpis:"""


def test_restricted_services_clause_and_note(catalogue):
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, "  kpis:", _RESTRICTED)
    body = clause_text(doc, "alliance.services-for-groups", flat=True)
    assert "Refuge accommodation women and their children" in body
    assert "within an exception in the Equality Act 2010, is not a breach of clause" in body
    assert "review that record at least once in each Alliance Year" in body
    note = flat_note(doc, "alliance.services-for-groups")
    assert "For Women Scotland Ltd v The Scottish Ministers [2025] UKSC 16" in note
    assert "paragraph 27 (single-sex services)" in note
    assert "section 158 (positive action)" in note and "section 193" in note
    assert "paragraph 1 of Schedule 9" in note


def test_single_sex_only_note_leaves_out_positive_action(catalogue):
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, "  kpis:", _RESTRICTED.split("    - service: Outreach")[0] + "  kpis:")
    note = flat_note(doc, "alliance.services-for-groups")
    assert "paragraph 27 (single-sex services)" in note
    assert "section 158" not in note


def test_no_restricted_services_no_clause(catalogue):
    doc = build(ALLIANCE_EASTMOOR, catalogue).document
    assert "alliance.services-for-groups" not in clause_ids(doc)


# --- Reserved Matters in the sheet's words that use an undefined term (r43 al-domabuse F7) -----------------

def _findings(catalogue, path, old: str, new: str):
    source = path.read_text(encoding="utf-8")
    assert old in source
    sheet = validate(load_text(source.replace(old, new, 1), path.name), catalogue)
    return check_rules(sheet, catalogue, today=DRAFT_DATE)


def test_reserved_matter_with_an_undefined_term_warns(catalogue):
    findings = _findings(catalogue, ALLIANCE_SMALL, "      - Admitting a new Alliance Member or removing one\n",
                         "      - Admitting a new Alliance Member or removing one\n"
                         "      - Any change to a Provider's share of the Alliance Budget\n")
    hits = [f for f in findings if f.rule == "ALLIANCE-RESERVED-UNDEFINED-TERM"]
    assert len(hits) == 1 and "'Alliance Budget'" in hits[0].message


def test_reserved_matters_in_defined_terms_or_names_are_quiet(catalogue):
    findings = _findings(catalogue, ALLIANCE_SMALL, "      - Admitting a new Alliance Member or removing one\n",
                         "      - Admitting a new Alliance Member or removing one\n"
                         "      - Closing Larkspur House or changing the Providers' Annual Values\n")
    assert not [f for f in findings if f.rule == "ALLIANCE-RESERVED-UNDEFINED-TERM"]


# --- the deadlock power over KPIs that do not gate Gain, where every KPI gates (r43 al-domabuse F14) --------

def test_deadlock_note_says_the_kpi_power_is_empty_when_every_kpi_gates(catalogue):
    doc = variant_of(catalogue, ALLIANCE_HAVERLEIGH, _KPI1, _KPI1)
    assert "so this reaches only a KPI the ALT is asked to add" in flat_note(doc, "alliance.decisions")


def test_deadlock_note_quiet_when_some_kpi_gates_no_one(catalogue):
    doc = variant_of(catalogue, ALLIANCE_HAVERLEIGH, "  kpi_gates:\n", "  gate_kpis: [1]\n  kpi_gates:\n")
    note = flat_note(doc, "alliance.decisions")
    assert "(other than a KPI that gates a share of Gain)" in note
    assert "so this reaches only a KPI the ALT is asked to add" not in note


# --- leaving for cause, the Commissioner's break, and an in-house team with no transfer (r43 al-domabuse F10, F11, F16)

_FOR_CAUSE = "  for_cause_until: 2\n"


def test_for_cause_grounds_are_proposals(catalogue):
    note = flat_note(build(ALLIANCE_EASTMOOR, catalogue).document, "alliance.leaving")
    assert "The instructions do not say what counts as cause, so the grounds are the draft's proposal" in note
    assert "a member may leave before" in note


def test_commissioner_leaving_ends_every_contract_is_noted(catalogue):
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, _FOR_CAUSE, _FOR_CAUSE + "  service_contracts_on_end: end\n")
    note = flat_note(doc, "alliance.leaving")
    assert "works as a break in every Service Contract" in note
    assert "check that the procurement documents disclosed the break" in note


def test_contracts_that_run_on_are_quiet(catalogue):
    assert "works as a break" not in flat_note(build(ALLIANCE_EASTMOOR, catalogue).document, "alliance.leaving")


def test_in_house_team_without_transfer_offers_an_indemnity(catalogue):
    plain = build(ALLIANCE_EASTMOOR, catalogue).document
    key = next(p for p in validate(load_text(ALLIANCE_EASTMOOR.read_text(), "t.yaml"), catalogue).model.alliance.providers).key
    doc = variant_of(catalogue, ALLIANCE_EASTMOOR, _FOR_CAUSE, _FOR_CAUSE + "  in_house_no_transfer:\n"
                     f"    - team: the Council's outreach team\n      to: {key}\n"
                     "      reason: no employee spent most of their time on outreach\n")
    body = clause_text(doc, "alliance.workforce", flat=True)
    assert "whose employment is found to have transferred" in body and "employee of the Council's outreach team" in body
    note = flat_note(doc, "alliance.workforce")
    assert "(no employee spent most of their time on outreach)" in note
    assert "regulation 3(3)(a)(i)" in note
    assert "found to have transferred" not in clause_text(plain, "alliance.workforce", flat=True)
    assert "regulation 3(3)(a)(i)" not in flat_note(plain, "alliance.workforce")


# --- adult survivors and DPA 2018 Schedule 1 paragraph 18 (r43 al-domabuse F6) ------------------------------

_KELDERBY = ROOT / "tests" / "families" / "fixtures" / "alliance-kelderby-r43.yaml"  # domestic abuse safe accommodation


def test_paragraph_18_for_adult_survivors_is_questioned(catalogue):
    result = build(_KELDERBY, catalogue)
    note = flat_note(result.document, "common.schedule-data-sharing")
    assert 'Many adult survivors of domestic abuse are not "individuals at risk"' in note
    assert "(paragraph 17, to be checked)" in note
    assert "ALLIANCE-RESERVED-UNDEFINED-TERM" in {f.rule for f in result.findings}


def test_paragraph_18_note_quiet_without_domestic_abuse(catalogue):
    note = flat_note(build(ALLIANCE_EASTMOOR, catalogue).document, "common.schedule-data-sharing")
    assert "adult survivors" not in note


def test_victims_collaboration_duty_is_flagged_for_commencement(catalogue):
    note = flat_note(build(_KELDERBY, catalogue).document, "alliance.domestic-abuse")
    assert "Sections 13 to 15 of the Victims and Prisoners Act 2024" in note
    assert "check whether they have commenced" in note
    assert "(not the refuge accommodation)" in note
