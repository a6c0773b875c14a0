"""A council-only rough sleeping alliance with four providers (sprint G3, fresh-sheet findings): a for-cause exit for
the first years, no Provider Selection Regime note where the Services are not health care, the route and its date
recited, a central government grant, a closure Reserved Matter that a Service Contract change cannot bypass, gates on
a short list of KPIs, the Commissioner paying the profile, the safeguarding cap against public liability cover, the
Service Contracts when the Agreement ends, the safeguarding clause's wording, the pooled budget and running costs
rules agreeing, seasonal services, the quorum reference and the Alliance Member definition. Each point has a firing
and a quiet test."""
from __future__ import annotations

import re

import pytest

from assembler.model import Table, plain_text
from tests.families.clause_texts import (
    alliance_key_row, build, clause, clause_ids, definition, document_of, flat, flat_note, table_rows, text_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG, ALLIANCE_EASTMOOR, ALLIANCE_SMALL
from tests.rules.test_alliance_rules import data_of, ids, run

WELSH = next(p for p in ALLIANCE if p.stem == "welsh-young-people-alliance")


@pytest.fixture(scope="module")
def eastmoor(catalogue):
    return build(ALLIANCE_EASTMOOR, catalogue).document


def _variant(catalogue, old: str, new: str):
    source = ALLIANCE_EASTMOOR.read_text()
    assert old in source
    return document_of(catalogue, source.replace(old, new, 1))


def _flat_clause(doc, clause_id: str) -> str:
    return flat(text_of(clause(doc, clause_id)))


# --- 1. a for-cause exit limited to the first years -----------------------------------------------


def test_for_cause_period_ends_after_the_years_given(eastmoor):
    text = _flat_clause(eastmoor, "alliance.leaving")
    assert text.startswith("Before 31 March 2029, an Alliance Member may leave the Alliance only")
    assert ("On or after 31 March 2029, an Alliance Member may leave the Alliance by giving at least six months' notice "
            "to every other Party, whether or not it has cause; it may give that notice before that date, so long as the "
            "notice expires on or after it.") in text
    assert "before 31 March 2029 only for cause" in flat_note(eastmoor, "alliance.leaving")


def test_for_cause_without_a_period_is_the_initial_term(catalogue):
    text = _flat_clause(build(ALLIANCE_SMALL, catalogue).document, "alliance.leaving")
    assert text.startswith("During the Initial Term, an Alliance Member may leave the Alliance only")
    assert "After the Initial Term, an Alliance Member may leave the Alliance by giving" in text
    assert "whether or not it has cause" not in text


def test_for_cause_period_given_as_a_date(catalogue):
    doc = _variant(catalogue, "  for_cause_until: 2\n", "  for_cause_until: 2028-03-31\n")
    assert _flat_clause(doc, "alliance.leaving").startswith("Before 31 March 2028,")


def test_for_cause_until_rule(catalogue):
    data = data_of(ALLIANCE_EASTMOOR)
    assert "ALLIANCE-FOR-CAUSE-UNTIL" not in ids(run(data, catalogue))
    data["positions"]["exit"] = "without-cause"
    [finding] = [f for f in run(data, catalogue) if f.rule == "ALLIANCE-FOR-CAUSE-UNTIL"]
    assert "exit position is not 'for-cause'" in finding.message
    data = data_of(ALLIANCE_EASTMOOR)
    data["alliance"]["for_cause_until"] = 4  # the whole Initial Term: changes nothing
    [finding] = [f for f in run(data, catalogue) if f.rule == "ALLIANCE-FOR-CAUSE-UNTIL"]
    assert "runs to or beyond the end of the Initial Term (31 March 2031)" in finding.message


# --- 2 and 3. the Provider Selection Regime only where the Services may be health care; the route recited ----------


def test_no_psr_note_where_the_services_are_not_health_care(eastmoor):
    note = flat_note(eastmoor, "alliance.recitals")
    assert "so the Provider Selection Regime does not apply" in note
    assert "an NHS body's membership, or its staff working on site, does not bring it in" in note
    assert "the other notes refer to this one" not in note
    assert "Provider Selection Regime" not in flat_note(eastmoor, "alliance.schedule-outcomes")


def test_psr_note_stays_where_health_care_is_not_ruled_out(catalogue):
    doc = build(ALLIANCE_BIG, catalogue).document
    assert "does not apply" not in flat_note(doc, "alliance.recitals").split("Provider Selection Regime")[1][:60]
    assert "Provider Selection Regime" in flat_note(doc, "alliance.recitals")


def test_route_and_date_recited_even_where_a_service_sounds_like_health(catalogue):
    """A Provider delivering "homeless health outreach" no longer stops the recital stating the route when the sheet
    says the Services are not health care."""
    source_services = "    - Assessment hub\n"
    source = ALLIANCE_EASTMOOR.read_text().replace("    delivers: [Assessment hub]\n",
                                                   "    delivers: [Homeless health outreach]\n", 1)
    doc = document_of(catalogue, source.replace(source_services, "    - Homeless health outreach\n", 1))
    recitals = " ".join(flat(p.text) for p in clause(doc, "alliance.recitals").blocks if hasattr(p, "text"))
    assert ("following the open procedure under section 20(2)(a) of the Procurement Act 2023, which began on "
            "1 September 2026") in recitals
    assert alliance_key_row(doc, "Procurement route")[1].startswith("the open procedure under section 20(2)(a)")


# --- 4. a central government grant -----------------------------------------------------------------


def test_central_grant_conditions_cut_and_limit(eastmoor):
    assert "alliance.central-grant" in clause_ids(eastmoor)
    text = _flat_clause(eastmoor, "alliance.central-grant")
    assert "Each such Provider must comply with those Grant Conditions in delivering those Services" in text
    assert ("each of those Providers' Annual Values is reduced in proportion to the part of the grant that pays for its "
            "Services") in text
    assert "at least 3 months before the reduction takes effect" in text
    assert ("it is not liable to pay for a Provider's Grant-Funded Annual Value, under this Agreement or under a "
            "Service Contract so far as it contains the matching term that clause 3.3 requires, more than that "
            "Provider's part of the money the Commissioner receives from that grant") in text
    assert "Central Government Grant means any grant paid to the Commissioner by a Minister of the Crown" in \
        "Central Government Grant means " + definition(eastmoor, "Central Government Grant")
    assert "section 31 of the Local Government Act 2003" in flat_note(eastmoor, "alliance.central-grant")


def test_no_central_grant_clause_without_a_government_grant(catalogue):
    for path in (ALLIANCE_BIG, ALLIANCE_SMALL, WELSH):
        assert "alliance.central-grant" not in clause_ids(build(path, catalogue).document)


# --- 5. closing a service needs the ALT's reserved-matter decision -------------------------------------------------


def test_closure_by_service_contract_change_needs_the_alt(eastmoor):
    text = _flat_clause(eastmoor, "alliance.structure")
    # r32 al-fresh finding 6: only a service or place a Reserved Matter names
    assert ("Neither the Commissioner nor any Provider may agree to or make a change to a Service Contract that closes "
            "a service or place that a Reserved Matter names, or materially reduces its capacity, opening hours or "
            "scope") in text
    assert "unless the ALT has first approved the change by a decision taken as for a Reserved Matter" in text
    precedence = _flat_clause(eastmoor, "alliance.precedence")
    assert re.search(r"Subject to clause 3\.1, clause \d+\.\d+ and clause 4\.\d+, if there is a conflict", precedence)  # r32 finding 17: the closure sub-clause


def test_no_closure_paragraph_without_a_closure_reserved_matter(catalogue):
    doc = build(ALLIANCE_BIG, catalogue).document
    assert "that a Reserved Matter names" not in _flat_clause(doc, "alliance.structure")


# --- 6. gates on the short list of KPIs the sheet chooses -------------------------------------------


def test_gate_kpis_gate_every_provider_not_listed(eastmoor):
    c = clause(eastmoor, "alliance.schedule-outcomes")
    gate = [b for b in c.blocks if isinstance(b, Table)][-1]
    assert [[plain_text(x) for x in row] for row in gate.rows] == [
        ["Eastmoor Night Shelter", "1 and 2"], ["Street Outreach Limited", "1 and 2"],
        ["Housing First Eastmoor Limited", "1 and 2"], ["Eastmoor Health and Care NHS Foundation Trust", "1 and 2"]]
    assert "listed against its name in Part 4 of Schedule" in _flat_clause(eastmoor, "alliance.risk-reward")


def test_no_gate_without_gate_kpis(catalogue):
    doc = _variant(catalogue, "  gate_kpis: [1, 2]\n", "")
    assert "Part 4 of Schedule" not in _flat_clause(doc, "alliance.risk-reward")


def test_gate_kpis_must_exist(catalogue):
    source = ALLIANCE_EASTMOOR.read_text().replace("  gate_kpis: [1, 2]\n", "  gate_kpis: [1, 7]\n", 1)
    with pytest.raises(Exception, match="KPI 7 does not exist"):
        document_of(catalogue, source)


# --- 7. the Commissioner pays the payment profile -------------------------------------------------------


def test_contract_terms_have_the_commissioner_pay_the_profile(catalogue):
    text = _flat_clause(build(ALLIANCE_BIG, catalogue).document, "alliance.precedence")
    assert "the payment to the Provider of its Annual Value by the Commissioner at the times set out in clause" in text
    assert "the payment of the Provider's Annual Value" not in text


# --- 8. the safeguarding cap against public liability cover ------------------------------------------


def test_safeguarding_cap_below_public_liability_warns(eastmoor, catalogue):
    [finding] = [f for f in run(data_of(ALLIANCE_EASTMOOR), catalogue) if f.rule == "ALLIANCE-SAFEGUARDING-CAP"]
    assert "capped at £2,000,000 a year" in finding.message and "public liability cover of £10,000,000" in finding.message
    note = flat_note(eastmoor, "alliance.liability")
    assert "is below the public liability cover of £10,000,000 the insurance clause requires" in note


def test_safeguarding_cap_quiet_when_cover_is_not_above_it(catalogue):
    data = data_of(ALLIANCE_EASTMOOR)
    data["insurance"]["public_liability"] = 2000000
    assert "ALLIANCE-SAFEGUARDING-CAP" not in ids(run(data, catalogue))
    for path in ALLIANCE:
        assert "ALLIANCE-SAFEGUARDING-CAP" not in ids(run(data_of(path), catalogue))


# --- 9. the Service Contracts when the whole Agreement ends ---------------------------------------------


def test_service_contracts_continue_by_default(eastmoor):
    text = _flat_clause(eastmoor, "alliance.term-termination")
    assert "If this Agreement ends for any reason, each Service Contract continues until it ends under its own terms." in text
    assert "What happens to the Service Contracts when this Agreement ends in that way is set out in clause" in \
        _flat_clause(eastmoor, "alliance.leaving")


def test_service_contracts_end_with_the_agreement_when_instructed(catalogue):
    doc = _variant(catalogue, "  exit_notice_months: 6\n", "  exit_notice_months: 6\n  service_contracts_on_end: end\n")
    text = _flat_clause(doc, "alliance.term-termination")
    assert ("If this Agreement ends for any reason, each Service Contract ends on the same day, unless the Commissioner "
            "decides, by notice to its Provider before that day, that it is to continue") in text
    assert re.search(r"the ending of the Service Contract under clause \d+ and clause \d+\.\d+\.",
                     _flat_clause(doc, "alliance.precedence"))


def test_single_contract_has_no_service_contracts_paragraph(catalogue):
    for path in ALLIANCE:
        built = build(path, catalogue).document
        if "alliance.precedence" not in clause_ids(built):  # single contract: no Service Contracts
            assert "each Service Contract" not in _flat_clause(built, "alliance.term-termination")


# --- 10. the safeguarding clause names its Parties once ------------------------------------------


def test_safeguarding_says_to_which_parties_it_applies_once(eastmoor):
    text = _flat_clause(eastmoor, "common.safeguarding")
    assert text.count("to which this clause applies") == 1
    assert "Each such Party must follow its safeguarding policy." in text


# --- 11. the pooled budget rule and the running costs rule agree ---------------------------------------


def test_pool_holding_the_running_costs_budget_is_not_an_error(catalogue):
    data = data_of(ALLIANCE_EASTMOOR)
    data["alliance"]["running_costs_budget"] = 60000
    found = ids(run(data, catalogue))
    assert "ALLIANCE-RUNNING-COSTS-FUNDED" in found and "ALLIANCE-POOLED-BUDGET" not in found
    data["alliance"]["pooled_budget"]["annual_amount"] = 1560000  # the pool holds the running costs budget too
    found = ids(run(data, catalogue))
    assert "ALLIANCE-RUNNING-COSTS-FUNDED" not in found and "ALLIANCE-POOLED-BUDGET" not in found


def test_pool_of_another_amount_is_still_an_error(catalogue):
    data = data_of(ALLIANCE_EASTMOOR)
    data["alliance"]["running_costs_budget"] = 60000
    data["alliance"]["pooled_budget"]["annual_amount"] = 1530000
    [finding] = [f for f in run(data, catalogue) if f.rule == "ALLIANCE-POOLED-BUDGET"]
    assert "or £1,560,000 with the running costs budget of £60,000" in finding.message
    data["alliance"]["running_costs"] = "commissioner"
    assert "ALLIANCE-POOLED-BUDGET" in ids(run(data, catalogue))


# --- 12. seasonal services -------------------------------------------------------------------------


def test_seasonal_service_in_the_schedules(eastmoor):
    services = [plain for plain in (" ".join(r) for r in table_rows(clause(eastmoor, "alliance.schedule-services")))]
    assert any(s.startswith("Winter night shelter beds (runs only from 1 November to 31 March in each Alliance Year)")
               for s in services)
    budget = flat(text_of(clause(eastmoor, "alliance.schedule-budget")))
    assert "The following Services run only for part of each Alliance Year, as shown:" in budget
    assert "The months in which it does not run are not an underspend" in budget
    outcomes = flat(text_of(clause(eastmoor, "alliance.schedule-outcomes")))
    assert "is measured over the months in which that service runs" in outcomes


def test_no_season_no_words(catalogue):
    doc = _variant(catalogue, "  service_seasons:\n    - {service: Winter night shelter beds, runs: from 1 November to "
                              "31 March in each Alliance Year}\n", "")
    assert "run only for part" not in flat(text_of(clause(doc, "alliance.schedule-budget")))
    assert "runs only" not in " ".join(" ".join(r) for r in table_rows(clause(doc, "alliance.schedule-services")))


def test_season_for_an_unlisted_service_is_an_error(catalogue):
    data = data_of(ALLIANCE_EASTMOOR)
    assert "ALLIANCE-SERVICE-SEASON" not in ids(run(data, catalogue))
    data["alliance"]["service_seasons"][0]["service"] = "Winter shelter beds"
    [finding] = [f for f in run(data, catalogue) if f.rule == "ALLIANCE-SERVICE-SEASON"]
    assert "did you mean 'Winter night shelter beds'" in finding.message


# --- 13. the quorum in the key information -----------------------------------------------------------


def test_key_information_cites_the_quorum_paragraph(eastmoor):
    row = alliance_key_row(eastmoor, "ALT decisions")[1]
    assert re.search(r"quorum: four Alliance Members, including the Commissioner \(clause \d+\.\d+\(a\)\)", row)


def test_unanimous_key_information_cites_the_quorum_paragraph(catalogue):
    source = ALLIANCE_EASTMOOR.read_text().replace("  decision_rule: majority\n", "  decision_rule: unanimous\n", 1)
    doc = document_of(catalogue, source.replace("    majority_percent: 75\n    quorum: 4\n", "", 1))
    row = alliance_key_row(doc, "ALT decisions")[1]
    assert re.search(r"^unanimous \(clause \d+\.2\); quorum: every Alliance Member present \(clause \d+\.\d+\(a\)\)", row)


# --- 14. the Alliance Member definition and the leaving clauses ----------------------------------------


def test_alliance_member_definition_covers_every_way_out(eastmoor):
    text = definition(eastmoor, "Alliance Member")
    assert re.search(r"until it leaves the Alliance or is removed from it \(under clause \d+, clause \d+ or clause \d+\)",
                     text)
    assert "stays bound by the provisions that clause" in text
    assert "its final share of Gain and Pain" in text
