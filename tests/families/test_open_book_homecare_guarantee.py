"""Home care sample review r32 (ob-homecare): the floor on reducing the guaranteed hours says what its figure
computes (F1), the reduction right is bracketed while uninstructed and does not cut the expected hours (F1), the
hospital-discharge start is a reasonable-endeavours duty measured by the KPI where a KPI measures it (F2), and the
break-even comfort states the cost model's assumption that care-worker costs vary with hours (F4)."""

from __future__ import annotations

import re

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_SMALL, OB_HOMECARE, OB_LIVING, open_book_doc

DISCHARGE_KPI = ("    - measure: Hospital discharge referrals with care starting within 24 hours of the referral being accepted\n"
                 "      baseline: 61% (2025/26, both zones, all providers)\n"
                 "      target: 90% from December 2027\n"
                 "      frequency: monthly\n")
NOTICE = ("  placement_notice_days: 28\n", "  placement_notice_days: 28\n  reduction_notice_months: 6\n")


def test_discharge_start_is_reasonable_endeavours_measured_by_the_kpi(catalogue):
    """Firing: the sheet has a KPI on hospital discharge starts, so the 24-hour start is a reasonable-endeavours duty
    measured by that KPI, dealt with under the improvement regime; the note explains why."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    body = flat(clause_text(doc, "open-book.support"))
    assert "Tillbrook must use all reasonable endeavours to start the care within 24 hours after the later of Tillbrook's acceptance of the request and the Council's written confirmation of the care with the Care Plan" in body
    assert ('Its performance against that standard is measured by the Service KPI "Hospital discharge referrals with '
            'care starting within 24 hours of the referral being accepted" in Schedule 1') in body
    assert "the care must start within 24 hours" not in body
    assert "the Council may arrange the care with another provider until Tillbrook can start it" in body
    n = flat(note(doc, "open-book.support"))
    assert "the clause uses reasonable endeavours measured by the KPI" in n
    # r34s ob-homecare 7: the softening is put to the client as a deal point
    assert "it is a deal point to put to the Council plainly, not a settled drafting choice" in n


def test_discharge_start_stays_absolute_without_a_kpi(catalogue):
    """Quiet: no KPI measures discharge starts, so nothing conflicts and the instructed start stays a duty."""
    doc = open_book_doc(catalogue, OB_HOMECARE, (DISCHARGE_KPI, ""))
    body = flat(clause_text(doc, "open-book.support"))
    assert ("Where the request is to care for a person leaving hospital and Tillbrook accepts it, the care must start "
            "within 24 hours after the later of Tillbrook's acceptance of the request and the Council's written confirmation of the care with the Care Plan") in body
    assert "reasonable endeavours to start the care" not in body
    assert "no KPI measures it, so the duty is absolute" in flat(note(doc, "open-book.support"))


def test_uninstructed_reduction_right_is_bracketed_whole(catalogue):
    """Firing: no reduction_notice_months, so the whole reduction paragraph, and the review paragraph's pointer to it,
    are in square brackets and listed as an assumption. A cut to the guarantee leaves the expected hours alone."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    body = flat(clause_text(doc, "open-book.core-support"))
    assert "[The Council may reduce the Guaranteed Hours in any Zone by giving at least [6] months' notice." in body
    assert re.search(r"ending this Agreement for that Zone under clause \d+\.\d+\.\]", body)
    assert "may be reduced only [under clause" in body
    assert "the expected units in the cost model by the hours removed" not in body
    assert "the expected units in the cost model do not change" in body
    n = flat(note(doc, "open-book.core-support"))
    assert "The whole reduction clause is in square brackets" in n


def test_instructed_reduction_right_is_not_bracketed(catalogue):
    """Quiet: reduction_notice_months given, so the paragraph stands unbracketed with the instructed notice."""
    doc = open_book_doc(catalogue, OB_HOMECARE, NOTICE)
    body = flat(clause_text(doc, "open-book.core-support"))
    assert "The Council may reduce the Guaranteed Hours in any Zone by giving at least 6 months' notice." in body
    assert "[The Council may reduce" not in body
    assert "may be reduced only under clause" in body
    assert "The whole reduction clause is in square brackets" not in flat(note(doc, "open-book.core-support"))


def test_break_even_comfort_states_the_variable_cost_assumption(catalogue):
    """Firing: the note and Schedule 3 say the break-even assumes care-worker costs vary with hours, and the note
    warns that guaranteed-hours contracts and ERA 2025 ss.1-4 make part of them fixed. Quiet: supported living."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    n = flat(note(doc, "open-book.core-support"))
    assert "on the cost model's assumption that care-worker costs vary with the hours delivered, Tillbrook cannot" in n
    assert "sections 1 to 4 of the Employment Rights Act 2025" in n
    assert "tell the Council this plainly" not in n
    sched = flat(clause_text(doc, "common.open-book-schedule-reconciliation"))
    assert "(the cost model's assumption that care-worker costs vary with the hours delivered)" in sched
    living = open_book_doc(catalogue, OB_LIVING)
    assert "care-worker costs vary" not in flat(clause_text(living, "common.open-book-schedule-reconciliation"))
    assert "care-worker costs vary" not in flat(note(living, "open-book.core-support") or "")


def test_care_continued_after_the_end_keeps_pay_floor_insurance_and_liability(catalogue):
    """Firing (F3): home care continued after the end keeps the care-worker clause, payment, open-book access, data
    protection, insurance and liability, and the insurance runs until the continued care stops. Quiet: an alliance
    draft's insurance still runs only until the Agreement ends."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    term = flat(clause_text(doc, "open-book.termination"))
    m = re.search(r"While Tillbrook continues to support a Service User after this Agreement ends, ((?:clause \d+, )+"
                  r"clause \d+ and clause \d+) continue to apply", term)
    assert m and m.group(1).count("clause") == 11, m and m.group(1)
    ins = flat(clause_text(doc, "common.insurance"))
    assert re.search(r"until it ends or, if later, until the care it continues to provide under clause \d+\.\d+ after "
                     r"it ends has stopped", ins)
    living = flat(clause_text(open_book_doc(catalogue, OB_LIVING), "common.insurance"))
    assert "until the care it continues to provide" in living  # supported living also continues care
    alliance = flat(clause_text(document_of(catalogue, ALLIANCE_SMALL.read_text()), "common.insurance"))
    assert "from the date of this Agreement until it ends, with an insurer" in alliance
    assert "continues to provide" not in alliance


def test_fair_pay_agreement_is_named_by_its_statutory_mechanism(catalogue):
    """Firing (F5): adult care names regulations under Part 3, Chapter 2 of the ERA 2025 giving effect to a Social Care
    Negotiating Body's agreement, not an agreement "made under" the Act. Quiet: a children's home has neither."""
    defs = flat(clause_text(open_book_doc(catalogue, OB_HOMECARE), "common.definitions"))
    assert ("regulations under Chapter 2 of Part 3 of the Employment Rights Act 2025 (social care workers) giving effect "
            "to an agreement of a Social Care Negotiating Body for adult social care in England (a fair pay agreement)") in defs
    assert "fair pay agreement for adult social care made under" not in defs
    children = flat(clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "common.definitions"))
    assert "Social Care Negotiating Body" not in children


def test_monthly_measure_of_a_weekly_guarantee_is_flagged(catalogue):
    """r34s ob-homecare 2. Firing: the sheet guarantees hours a week and the clause measures them over each month, so
    the note says it favours the Council and the clause 1 assumptions list it. Quiet: supported living (no home care
    guarantee) has neither."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    n = flat(note(doc, "open-book.core-support"))
    assert "The instructions guarantee hours a week, but the clause measures the guarantee over each month" in n
    assert "That is a departure in the Council's favour" in n
    assert any("the guaranteed hours measured over each month, not each week" in a for a in doc.assumptions)
    living = open_book_doc(catalogue, OB_LIVING)
    assert not any("guaranteed hours measured over each month" in a for a in living.assumptions)
    assert "guarantee hours a week" not in flat(note(living, "open-book.core-support"))


def test_visits_restart_on_the_care_plan_as_revised_after_an_absence(catalogue):
    """r34s ob-homecare 12. Firing: home care visits restart after an absence on the Care Plan as the Council has
    revised or confirmed it. Quiet: supported living hours restart as before."""
    body = flat(clause_text(open_book_doc(catalogue, OB_HOMECARE), "open-book.core-support"))
    assert ("when they start again without a new request, on the Service User's Care Plan as the Council has revised "
            "or confirmed it for their return") in body
    living = flat(clause_text(open_book_doc(catalogue, OB_LIVING), "open-book.core-support"))
    assert "as the Council has revised or confirmed it for their return" not in living


LOW_GUARANTEE = (("      guaranteed_hours: 1100\n", "      guaranteed_hours: 800\n"),
                 ("      guaranteed_hours: 850\n", "      guaranteed_hours: 600\n"))


def test_floor_that_removes_an_instructed_reduction_right_is_bracketed(catalogue):
    """Firing (r35 ob-fresh 3): the reduction right is instructed but the guarantee (1,400 hours a week) is already
    below the break-even hours, so the floor, the draft's own proposal, would leave no reduction on notice at all:
    the floor sentence is in square brackets and the note puts it to the Council as a choice."""
    doc = open_book_doc(catalogue, OB_HOMECARE, NOTICE, *LOW_GUARANTEE)
    body = flat(clause_text(doc, "open-book.core-support"))
    assert "[Because the Guaranteed Hours are already below the hours a week" in body
    assert re.search(r"the Prices are first changed under clause \d+\.\d+\.\]", body)
    n = flat(note(doc, "open-book.core-support"))
    assert ("Here the guarantee (1,400 hours a week) is already below those break-even hours, so the floor would leave "
            "the Council no right to reduce the guarantee on notice at all, although the instructions give it one "
            "(6 months' notice") in n
    assert "put it to the Council as a choice" in n


def test_floor_is_not_bracketed_where_the_reduction_right_is_itself_uninstructed(catalogue):
    """Quiet: with no reduction_notice_months the whole paragraph is already bracketed, so no inner brackets or
    choice note."""
    doc = open_book_doc(catalogue, OB_HOMECARE, *LOW_GUARANTEE)
    body = flat(clause_text(doc, "open-book.core-support"))
    assert "Because the Guaranteed Hours are already below" in body
    assert "[Because the Guaranteed Hours" not in body
    assert "Here the guarantee" not in flat(note(doc, "open-book.core-support"))
