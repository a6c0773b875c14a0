"""r25 ob-homecare review, findings 5 onward (obhc3). Finding 5: the reinvestment fund is described from the sheet's
structured fields (who it is for, its uses, any assets it buys, payments to staff) consistently in the recital, the
definition, the clause on plans approved after the end and the Reinvestment Plan schedule."""

from __future__ import annotations

import re

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import OB_ADULT, OB_HOMECARE


def _no_fund_fields(text: str) -> str:
    text = re.sub(r"    fund_beneficiaries: .*\n", "", text)
    text = re.sub(r"    fund_uses:\n(      - .*\n)+", "", text)
    text = re.sub(r"    fund_assets: .*\n", "", text)
    return re.sub(r"    fund_staff_payments: .*\n", "", text)


def test_fund_is_for_the_same_people_everywhere(homecare_doc):
    recital = clause_text(homecare_doc, "open-book.recitals", flat=True)
    assert "shared between the Council and a fund for care workers in the Zones" in recital
    excess = clause_text(homecare_doc, "common.open-book-excess", flat=True)
    assert "may provide only for people who were care workers in the Zones before it ended" in excess
    assert "those who received the Open-Book Services" not in excess


def test_definition_lists_the_uses_not_the_pasted_sentence(homecare_doc):
    sched = clause_text(homecare_doc, "common.open-book-schedule-reinvestment", flat=True)
    assert "one or more of the uses listed in the definition of Reinvestment Fund" in sched
    assert "for a workforce fund for the two zones" not in sched
    assert "electric pool cars bought from the Reinvestment Fund are held by Tillbrook" in sched
    assert "employer's National Insurance and pension contributions on it" in sched


def test_without_the_fields_the_old_wording_stays(catalogue):
    d = document_of(catalogue, _no_fund_fields(OB_HOMECARE.read_text()))
    sched = clause_text(d, "common.open-book-schedule-reinvestment", flat=True)
    assert "which must be for a workforce fund for the two zones" in sched
    assert "pool cars bought" not in sched and "National Insurance and pension" not in sched
    assert "those who received the Open-Book Services before it ended" in clause_text(d, "common.open-book-excess",
                                                                                       flat=True)


# Findings 4 and 3: limits in the Disallowed Costs against the closed list of categories; directors' pay capped at
# salaries the cost model does not show.


# Finding 6: the existing arrangement is a framework agreement with call-off contracts, and the people cared for.


# Finding 11: a reduction of the guarantee on notice is capped, so it cannot replace a compensated break.


# Finding 13: the provider's remedy if the Council does not pay.

def test_provider_may_end_for_non_payment_with_break_compensation(homecare_doc):
    text = clause_text(homecare_doc, "open-book.termination", flat=True)
    assert ("Tillbrook may end this Agreement by notice if undisputed sums due from the Council under this Agreement "
            "of more than [£250,000] in total remain unpaid 60 days after Tillbrook has given the Council notice of the "
            "non-payment. If it does, clause") in text
    assert "Late Payment of Commercial Debts (Interest) Act 1998." in text


def test_no_provider_non_payment_right_outside_home_care(catalogue):
    from tests.conftest import ROOT
    d = document_of(catalogue, (ROOT / "samples/open-book/supported-living-company.yaml").read_text())
    assert "undisputed sums due from" not in clause_text(d, "open-book.termination", flat=True)


# Finding 14: the service and payment clauses apply to care continued after the end.

def test_continued_care_keeps_the_service_clauses_and_pays_hours_delivered(homecare_doc):
    text = clause_text(homecare_doc, "open-book.termination", flat=True)
    assert "While Tillbrook continues to support a Service User after this Agreement ends, clause 3, clause 4" in text
    assert ("The Council then pays the Prices only for the hours of Planned Care delivered, and nothing is payable for "
            "the Guaranteed Hours.") in text


# Finding 12: insurance a home care employer can buy and must hold.

def test_home_care_insurance(homecare_doc):
    ins = clause_text(homecare_doc, "common.insurance", flat=True)
    assert "employer's liability insurance of at least £10,000,000 for any one occurrence;" in ins
    assert "where Law requires it to hold that insurance" not in ins
    assert ("motor contingent liability insurance of at least £5,000,000 for any one accident, covering its liability "
            "arising from the use by its staff of their own cars on its business") in ins
    liab = clause_text(homecare_doc, "open-book.liability", flat=True)
    assert ("each member of its staff who drives their own car for work, including between visits, holds insurance "
            "that covers business use, before they first do so and at least once a year after that") in liab


def test_other_settings_keep_the_conditional_employers_liability(catalogue):
    from tests.conftest import ROOT
    d = document_of(catalogue, (ROOT / "samples/open-book/supported-living-company.yaml").read_text())
    assert "where Law requires it to hold that insurance" in clause_text(d, "common.insurance", flat=True)


# Finding 10 (in part): reviewed hourly Prices are rounded to the penny.
