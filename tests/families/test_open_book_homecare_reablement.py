"""Home care review r35 (ob-fresh 1): a reablement service (services.home_care_terms.reablement) recites section 2
of the Care Act 2014 beside section 18, defines a Reablement Plan (the Council's referral, goals and hours, with any
section 25 plan) in place of the section 25 Care Plan, and says the care is free to the person for the first six
weeks, any later charge being the Council's; long-term home care is unchanged."""

from __future__ import annotations

from tests.families.clause_texts import all_text, clause_text, definition, flat, note
from tests.families.conftest import OB_HOMECARE, open_book_doc

REABLEMENT = ("    zone_word: Zone\n", "    zone_word: Zone\n    reablement: true\n")


def test_reablement_recites_section_2_defines_the_plan_and_charges_nothing(catalogue):
    """Firing: reablement true."""
    doc = open_book_doc(catalogue, OB_HOMECARE, REABLEMENT)
    recital = flat(clause_text(doc, "open-book.recitals"))
    assert "section 18 of the Care Act 2014 makes it responsible" in recital
    assert ("under section 2 of that Act, including intermediate care and reablement support services within the Care "
            "and Support (Preventing Needs for Care and Support) Regulations 2014") in recital
    plan = flat(definition(doc, "Reablement Plan"))
    assert "the plan of reablement for a Service User that the Council gives Tillbrook with its request" in plan
    assert "together with any care and support plan made for the Service User under section 25" in plan
    text = flat(all_text(doc))
    assert "Care Plan" not in text
    body = flat(clause_text(doc, "open-book.support"))
    assert "The Care Services are free of charge to each Service User for the first six weeks of their reablement." in body
    assert "charged by the Council under section 14 of that Act" not in body
    n = flat(note(doc, "open-book.support"))
    assert "regulation 3(1) and (2)(b) of the Care and Support (Charging and Assessment of Resources) Regulations 2014" in n
    assert "is to be checked against legislation.gov.uk" in n


def test_long_term_home_care_keeps_the_care_plan_and_section_18_charging(catalogue):
    """Quiet: reablement not given."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    assert "under section 2 of that Act" not in flat(clause_text(doc, "open-book.recitals"))
    assert "the care and support plan for a Service User under section 25" in flat(definition(doc, "Care Plan"))
    body = flat(clause_text(doc, "open-book.support"))
    assert "charged by the Council under section 14 of that Act" in body
    assert "first six weeks of their reablement" not in body


SALARIED = ("    zone_word: Zone\n", "    zone_word: Zone\n    salaried_workers: true\n")


def test_salaried_care_workers_cite_the_salaried_hours_travel_rule(catalogue):
    """Firing (r35 ob-fresh 7): salaried care workers do salaried hours work, so the travel paragraph cites reg. 27
    (and reg. 34 only for hourly-paid staff), and the note explains it."""
    doc = open_book_doc(catalogue, OB_HOMECARE, SALARIED)
    body = flat(clause_text(doc, "open-book.support"))
    assert ("as regulation 27 of the National Minimum Wage Regulations 2015 requires for care workers on salaried hours "
            "work, and regulation 34 of those Regulations for any paid by the hour") in body
    n = flat(note(doc, "open-book.support"))
    assert "under regulation 27(1)(c) and (3)(a) of the National Minimum Wage Regulations 2015" in n
    assert "The care workers are salaried, so theirs is salaried hours work" in n


def test_hourly_paid_care_workers_keep_regulation_34(catalogue):
    """Quiet: salaried_workers not given."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    body = flat(clause_text(doc, "open-book.support"))
    assert "as regulation 34 of the National Minimum Wage Regulations 2015 requires" in body
    assert "regulation 27" not in body
