"""r25 ob-homecare review (obhc4). Finding 16: care-home, supported-living and charity wording left in a home care
draft (trustees, donations and legacies, occupancy, every place used, positive behaviour support, homes) is conditioned
on the setting and the provider's form. Finding 15: Sch 3 names the direct cost of every zone, not one."""

from __future__ import annotations

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_ADULT, OB_HOMECARE


def _charity(text: str) -> str:
    return text.replace("  legal_form: company\n  limited_by: shares\n",
                        "  legal_form: charitable_company\n  limited_by: guarantee\n  charity_number: '1012345'\n", 1)


# Finding 10: the national living wage rises each 1 April, two months before the 1 June review date; the dispute clause
# names the rate of the index (clause 6.1 defines no "factor").


def test_dispute_clause_names_the_rate_of_the_index(homecare_doc):
    cap = clause_text(homecare_doc, "common.open-book-profit-cap", flat=True)
    assert "or about the rate of the index worked out under clause 6.1" in cap
    assert "the factor worked out" not in cap


# Finding 9: the Employment Rights Act 2025 zero hours reforms (ss.1-4, Part 2A of the 1996 Act) were made before
# signing, so limb (a) would exclude them; the definition names them, bracketed until instructed, and the note says why.

def _zero_hours(text: str, value: str) -> str:
    return text.replace("    travel_paid_at_contact_rate: true\n",
                        f"    travel_paid_at_contact_rate: true\n    zero_hours_change_in_law: {value}\n", 1)


def test_zero_hours_reforms_are_bracketed_until_instructed(homecare_doc):
    defs = clause_text(homecare_doc, "common.definitions", flat=True)
    assert ("a fair pay agreement for adult social care made under the Employment Rights Act 2025 [and the coming into "
            "force of sections 1 to 4 of that Act (zero hours and low hours workers") in defs
    assert "other than those changes, whose terms had been made" in defs
    n = flat(note(homecare_doc, "open-book.change-in-law"))
    assert ("(S.I. 2026/3), reg. 2(2), brought sections 1 to 4 into force from 6 January 2026 only so far as they "
            "confer a duty to consult or a power to make regulations") in n
    assert "The words naming them are in square brackets: take instructions" in n
    assert "confirm that the £2,806,140 of staff pay in the cost model" in n


def test_zero_hours_reforms_included_or_excluded_as_instructed(catalogue):
    yes = document_of(catalogue, _zero_hours(OB_HOMECARE.read_text(), "true"))
    defs = clause_text(yes, "common.definitions", flat=True)
    assert "Employment Rights Act 2025 and the coming into force of sections 1 to 4 of that Act" in defs
    assert "[and the coming" not in defs
    no = document_of(catalogue, _zero_hours(OB_HOMECARE.read_text(), "false"))
    defs = clause_text(no, "common.definitions", flat=True)
    assert ("(b) the coming into force of sections 1 to 4 of the Employment Rights Act 2025 (zero hours and low hours "
            "workers") in defs and "; or (c) a change in the rates" in defs
    assert "As instructed, the definition excludes them, so Tillbrook bears their cost" in flat(
        note(no, "open-book.change-in-law"))


def test_care_home_definition_does_not_name_the_zero_hours_reforms(catalogue):
    d = assemble(read_termsheet(OB_ADULT, catalogue), catalogue, today=DRAFT_DATE).document
    assert "sections 1 to 4" not in clause_text(d, "common.definitions", flat=True)


# Finding 18: losing the guaranteed-hours payment during a Force Majeure Event is flagged as a commercial point.


def test_monthly_kpis_are_identified_by_the_reported_column(homecare_doc):
    perf = clause_text(homecare_doc, "open-book.performance", flat=True)
    assert 'each Service KPI whose "Reported" column in Schedule 1 says monthly within 10 Business Days' in perf
