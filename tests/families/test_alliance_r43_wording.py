"""Words the r43 fresh-sheet writers found garbled or wrong where the sheet's own words meet the template's, and
checks that read a negation as a mention (r43 al-careleavers 11, al-domabuse 1, 11, 12, 13, 14, 15, al-earlyhelp 9,
14, 21, 22). Each test fires on the r43 sheet and stays quiet where the sheet's words do not call for the change."""
from __future__ import annotations

import datetime as dt

from tests.families.clause_texts import clause_text, definition, document_of, note
from tests.families.conftest import ALLIANCE_CARELEAVERS_R43, ALLIANCE_DOMABUSE_R43, ALLIANCE_EARLYHELP_R43
from tests.rules.helpers import text_findings


def _swap(path, old: str, new: str) -> str:
    text = path.read_text()
    assert old in text, old
    return text.replace(old, new, 1)


def _rules(catalogue, path, text: str | None = None) -> dict[str, list[str]]:
    return text_findings(catalogue, text if text is not None else path.read_text(), path.name,
                         today=dt.date(2026, 12, 5))


def test_new_services_that_say_what_they_extend_take_no_tail(catalogue):
    """Firing: 'beyond the 80 cases the former contract covered' takes no 'which no Former Contract covered';
    quiet: other members' new services keep it."""
    schedule = clause_text(document_of(catalogue, ALLIANCE_CARELEAVERS_R43.read_text()), "alliance.schedule-services",
                           flat=True)
    assert "beyond the 80 cases the former contract covered." in schedule
    assert "former contract covered, which no Former Contract covered" not in schedule
    assert "Kelmford and Thornhaven, which no Former Contract covered" in schedule


def test_reserved_matter_gain_or_pain_reads_whole(catalogue):
    """Firing: 'the shares of Gain or Pain' keeps its words before the reference; quiet: 'Gain and Pain' as before."""
    doc = document_of(catalogue, ALLIANCE_DOMABUSE_R43.read_text())
    decisions = clause_text(doc, "alliance.decisions", flat=True)
    assert "changing the shares of Gain or Pain in Schedule" in decisions
    assert "shares of Gain in Schedule 4 or Pain" not in decisions
    doc = document_of(catalogue, _swap(ALLIANCE_DOMABUSE_R43, "Changing the shares of Gain or Pain",
                                       "Changing the shares of Gain and Pain"))
    assert "changing the shares of Gain and Pain in Schedule" in clause_text(doc, "alliance.decisions", flat=True)


def test_localism_power_in_the_functions_is_cited_once(catalogue):
    """Firing: a statutory_functions entry citing section 1 of the Localism Act 2011 is not repeated among the
    functions; quiet: the recital's own citation of the power stays."""
    recitals = clause_text(document_of(catalogue, ALLIANCE_DOMABUSE_R43.read_text()), "alliance.recitals", flat=True)
    assert recitals.count("section 1 of the Localism Act 2011") == 1
    assert "(homelessness)), of its general power of competence under section 1 of the Localism Act 2011" in recitals


def test_premises_owner_that_is_not_a_public_body_and_lease_handed_on(catalogue):
    """Firing: a housing association's decisions as landlord are not sent to the statutory functions clause, and
    the lease gives way to the Exit Plan's new lease to the incoming provider; quiet: the Council as owner still is."""
    schedule = clause_text(document_of(catalogue, ALLIANCE_DOMABUSE_R43.read_text()), "alliance.schedule-services",
                           flat=True)
    assert "A decision the Council takes as owner of any of those premises is taken in that capacity, as clause" in schedule
    assert ("A decision Calderbank Homes takes as landlord or owner of any of those premises is taken in that "
            "capacity, and not as an Alliance Member.") in schedule
    assert "Calderbank Homes and the Council take as owner" not in schedule
    assert ("must then give up possession of it to Calderbank Homes, or, where the Exit Plan has Calderbank Homes grant "
            "a new lease of it to the provider taking over, to that provider, so that the people living there need not "
            "move.") in schedule
    quiet = _swap(ALLIANCE_DOMABUSE_R43, "with Calderbank Homes granting it a new lease of Refuge A",
                  "with Calderbank Homes letting it use Refuge A")
    schedule = clause_text(document_of(catalogue, quiet), "alliance.schedule-services", flat=True)
    assert "give up possession of Refuge A" in schedule and "need not move" not in schedule


def test_blended_indexation_with_plus_is_a_formula(catalogue):
    """Firing: '60% of the NLW increase plus 40% of CPI' is restated as a formula, not left in brackets; quiet: a
    'plus' that adds a margin still keeps the sheet's words."""
    doc = document_of(catalogue, ALLIANCE_DOMABUSE_R43.read_text())
    words = definition(doc, "Indexation Increase")
    assert "the sum of (a) 60% of the percentage increase in the hourly rate of the national living wage" in words
    assert "(b) 40% of the percentage change in the Consumer Prices Index" in words and "[restate" not in words
    margin = _swap(ALLIANCE_EARLYHELP_R43, "the percentage increase in the Consumer Prices Index (CPI) in the 12 months to the previous\n      December",
                   "the percentage increase in the Consumer Prices Index (CPI) in the 12 months to the previous\n      December plus 1%")
    assert "plus 1%" in definition(document_of(catalogue, margin), "Indexation Increase")


def test_shared_system_rule_reads_a_negation(catalogue):
    """Quiet: 'no refuge address is ever written into a shared record'; firing: a shared record the members use."""
    rule = "ALLIANCE-SHARED-SYSTEM-CONTROLLERS"
    assert rule not in _rules(catalogue, ALLIANCE_DOMABUSE_R43)
    shared = _swap(ALLIANCE_DOMABUSE_R43, "Encrypted email or each member's own case system only;",
                   "A shared record the members keep together;")
    assert rule in _rules(catalogue, ALLIANCE_DOMABUSE_R43, shared)


def test_criminal_data_rule_reads_a_negation(catalogue):
    """Quiet: 'no criminal offence data is collected'; firing: criminal offence data listed as shared."""
    rule = "COMMON-DP-CRIMINAL-DATA"
    old = "for\n    staff, name, role and work contact details\n  data_subjects"
    none = _swap(ALLIANCE_EARLYHELP_R43, old, "no criminal offence data is collected; for\n    staff, name, role and work contact details\n  data_subjects")
    assert rule not in _rules(catalogue, ALLIANCE_EARLYHELP_R43, none)
    some = _swap(ALLIANCE_EARLYHELP_R43, old, "police information about risk; for\n    staff, name, role and work contact details\n  data_subjects")
    assert rule in _rules(catalogue, ALLIANCE_EARLYHELP_R43, some)


def test_starter_indexation_wording_is_not_an_example_fact(catalogue):
    """Quiet: CPI to the previous December, word for word as the starter's, is a common choice."""
    assert not any("indexation" in m for m in _rules(catalogue, ALLIANCE_EARLYHELP_R43).get("COMMON-STARTER-EXAMPLE", []))


def test_two_service_contracts_with_one_commissioner_read_plural(catalogue):
    """Firing: the Trust's two contracts with the ICB are 'Service Contracts' in clause 12 and the recital, and the
    Council arranges the counselling for itself alone; quiet: one contract reads singular."""
    doc = document_of(catalogue, ALLIANCE_EARLYHELP_R43.read_text())
    planning = clause_text(doc, "alliance.service-planning", flat=True)
    # the ICB's money is pooled in full and the pool pays the Trust's contracts for it (sprint Y8): still plural
    assert "on behalf of the ICB" in planning and "the amounts due under the Trust's Service Contracts with the ICB" in planning
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert "The ICB arranges, under its own Service Contracts with the Trust" in recitals
    assert "for itself alone (the contribution of the ICB pays only for the Service Contracts it holds itself)" in recitals
    assert "for itself and the ICB" not in recitals
    assert "also holds another Service Contract" not in note(doc, "alliance.service-planning")
    one = _swap(ALLIANCE_EARLYHELP_R43, "      - {commissioner: icb, services: [Mental Health Support Teams in schools and colleges], annual_value: 2160000, reference: TW-ICB/MHST/2027/02}\n", "")
    one = one.replace("annual_value: 2480000, reference: TW-ICB/CYPMH/2027/01}", "annual_value: 4640000, reference: TW-ICB/CYPMH/2027/01}", 1)
    one = one.replace("CAMHS Getting Help early intervention and brief therapy for children and young people aged 5 to 17, A single point of access and joint triage for all referrals]",
                      "CAMHS Getting Help early intervention and brief therapy for children and young people aged 5 to 17, A single point of access and joint triage for all referrals, Mental Health Support Teams in schools and colleges]", 1)
    planning = clause_text(document_of(catalogue, one), "alliance.service-planning", flat=True)
    assert ("the Trust's Service Contract with" in planning or "the Trust's Service Contract." in planning
            or "the Trust's Service Contract, by the dates" in planning)  # paid from the pool for the ICB (sprint Y8)
