"""r25 ob-homecare review, findings 1 and 2 (obhc2): the duty to accept referrals has a limit (a maximum of hours a
week per zone, and want of care workers as a ground to decline once a zone is at its guarantee, tested by the month
like the guarantee itself), and the payment clauses pay the greater of the guarantee and the hours delivered once."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import OB_ADULT, OB_HOMECARE


def test_capacity_is_a_ground_to_decline_only_at_the_guarantee(homecare_doc):
    text = clause_text(homecare_doc, "open-book.support", flat=True)
    assert ("Once the hours delivered in the Zone where the person lives in the month so far are at or above that "
            "Zone's Guaranteed Hours for the days of the month so far, it may also refuse because it does not have "
            "care workers available to meet the person's needs safely.") in text
    assert "need not deliver more hours of care a week in a Zone than the maximum hours a week shown for it" in text


def test_the_zone_table_shows_the_maximum(homecare_doc):
    sched = clause_text(homecare_doc, "open-book.schedule-services", flat=True)
    assert "Maximum hours a week" in sched and "1,450" in sched and "1,150" in sched


def test_no_maximum_no_cap_sentence(catalogue):
    text = re.sub(r"      maximum_hours: .*\n", "", OB_HOMECARE.read_text())
    d = document_of(catalogue, text)
    assert "need not deliver more hours" not in clause_text(d, "open-book.support", flat=True)
    assert "Maximum hours a week" not in clause_text(d, "open-book.schedule-services", flat=True)
    # the capacity ground to decline at the guarantee stays
    assert "does not have care workers available" in clause_text(d, "open-book.support", flat=True)


def test_maximum_below_the_guarantee_is_refused(catalogue):
    text = OB_HOMECARE.read_text().replace("maximum_hours: 1450", "maximum_hours: 1000")
    with pytest.raises((ValidationError, ValueError, Exception), match="maximum_hours"):
        document_of(catalogue, text)


def test_the_referral_duty_is_tested_by_the_month_and_refers_to_its_clause(homecare_doc):
    text = clause_text(homecare_doc, "open-book.core-support", flat=True)
    assert "While the hours delivered in a Zone in the month so far are below its Guaranteed Hours" in text
    assert "that paragraph allows" not in text and "in a week are below" not in text


def test_payment_is_the_greater_of_not_both(homecare_doc):
    pricing = clause_text(homecare_doc, "open-book.pricing", flat=True)
    assert ("The Council must pay the Prices for each of the Zones, for each month, for the greater of the "
            "Guaranteed Hours and the hours of Planned Care delivered, as clause") in pricing
    core = clause_text(homecare_doc, "open-book.core-support", flat=True)
    assert "the hours of Planned Care delivered are the hours commissioned in each Service User's Care Plan" in core
    assert "The Council must pay the Prices for the Planned Care hours" not in core


def test_home_care_registered_manager_for_each_branch(homecare_doc):
    """Finding 7: the cl 1 assumption about registering a new manager within 3 months now has its clause."""
    text = clause_text(homecare_doc, "open-book.regulatory", flat=True)
    assert ("must ensure that each location (branch) from which it provides the Care Services, as listed in "
            "Schedule 1, has a manager registered with the Care Quality Commission for it") in text
    assert "apply to register a new manager within [3] months" in text


def test_supported_living_has_no_branch_manager_paragraph(catalogue):
    from tests.families.test_open_book_homecare import LIVING
    d = assemble(read_termsheet(LIVING, catalogue), catalogue, today=DRAFT_DATE).document
    assert "has a manager registered with the Care Quality Commission" not in clause_text(d, "open-book.regulatory",
                                                                                       flat=True)


def test_shared_costs_refer_to_the_home_care_apportionment(homecare_doc):
    """Finding 8: Direct Costs and Sch 2 para 6 point to the by-hours apportionment paragraph, and overheads go to
    the branches, not 'premises at which it delivers'."""
    sched = clause_text(homecare_doc, "common.open-book-schedule-costs", flat=True)
    assert "allocates Overheads for each Reconciliation Period to the branches from which it provides" in sched
    assert "premises at which it delivers" not in sched and "staff working at those branches" in sched
    ref = re.search(r"The result is apportioned to the Open-Book Services under clause (\d+\.\d+)", sched).group(1)
    scope = clause_text(homecare_doc, "open-book.scope", flat=True)
    assert "in the proportion that the hours of care delivered under this Agreement from that branch" in scope
    # the number the schedule cites is the by-hours paragraph (the second of the scope clause), not its first
    assert ref.endswith(".2")


def test_the_guarantee_note_states_the_cap_or_asks_for_one(homecare_doc, catalogue):
    from tests.families.clause_texts import note
    n = note(homecare_doc, "open-book.core-support")
    assert "(Zone 3 (Wold Valley): 1,450; Zone 7 (Coastal North): 1,150)" in n
    d = document_of(catalogue, re.sub(r"      maximum_hours: .*\n", "", OB_HOMECARE.read_text()))
    assert "The instructions give no maximum hours a week for any zone" in note(d, "open-book.core-support")
