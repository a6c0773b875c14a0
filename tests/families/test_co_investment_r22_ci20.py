"""r22 ci-sample review (Trentborough): findings the ci20 lane fixed, each with a firing case on the sample and a
quiet case on a sheet without the fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.model import plain_text
from tests.families.clause_texts import document_of, clause_text, note

SAMPLE = Path(__file__).parents[2] / "samples" / "co-investment" / "affordable-homes-partnership.yaml"
TEXT = SAMPLE.read_text(encoding="utf-8")


def draft(catalogue, text: str = TEXT):
    return document_of(catalogue, text)


@pytest.fixture(scope="module")
def doc(catalogue):
    return draft(catalogue)


def test_own_resources_duty_yields_to_consented_refinancing(doc):
    """r22 ci-sample finding 7: clause 5.9 does not cut out the refinancing route Schedule 3 allows."""
    t = " ".join(clause_text(doc, "co-investment.contributions").split())
    assert ("that the Capital Repayment Reserve does not meet and that is not met from a refinancing consented to "
            "under clause") in t


def test_no_bullet_repayment_no_refinancing_words(catalogue):
    """Quiet: with no capital repaid in one sum, clause 5.9 says nothing about the reserve or a refinancing."""
    d = draft(catalogue, TEXT.replace("repayment: at_end", "repayment: amortising"))
    t = " ".join(clause_text(d, "co-investment.contributions").split())
    assert "not met from a refinancing consented" not in t


def test_fallback_letting_is_not_a_failed_nominations_target(doc):
    """r22 ci-sample finding 9: a letting under clause 9.4 after the Council has not nominated in time does not count
    against a nominations target (which could otherwise build towards a Default Event)."""
    t = " ".join(clause_text(doc, "co-investment.schedule-outcomes").split())
    assert ("A letting under clause 9.4 after the Council has not nominated in time is not counted as a failure to "
            "meet a target for lettings to households the Council nominates.") in t


def test_no_nominations_measure_no_fallback_sentence(catalogue):
    """Quiet: with no outcome measure about nominations, the schedule says nothing about fall-back lettings."""
    d = draft(catalogue, TEXT.replace("Households nominated by the Council who are homeless",
                                      "Households housed who are homeless"))
    t = clause_text(d, "co-investment.schedule-outcomes")
    assert "not counted as a failure" not in t



def definition(doc, term: str) -> str:
    return " ".join(next(plain_text(d.inlines) for d in doc.definitions if d.term == term).split())


def test_surplus_and_reinvested_homes_are_acquired_homes(doc):
    """r22 ci-sample finding 3: homes bought with Partnership Surplus (clause 11.4) and property reinvested under clause
    13.6 are Acquired Homes (so Partnership Property, charged and tested); a surplus home's Attributable Contribution
    is nil and the grant is shared only between homes bought with cash Contributions."""
    a = definition(doc, "Acquired Home")
    assert ("each home it buys with Partnership Surplus under clause 11.4 and each property that becomes a "
            "Partnership Property under clause 13.6") in a
    c = definition(doc, "Attributable Contribution")
    assert "for each Acquired Home bought with cash Contributions under clause 6, an equal share of the Authority Grant" in c
    assert "for each Acquired Home bought with Partnership Surplus, nil" in c
    assert "equally between the Acquired Homes then held that were bought with cash Contributions" in c
    assert "or a property that becomes a Partnership Property under clause 13.6, takes over the Attributable Contribution" in c


def test_no_surplus_buying_no_surplus_homes(catalogue):
    """Quiet: where surplus may not be used to buy homes, the definitions do not mention homes bought with it."""
    d = draft(catalogue, TEXT.replace("buying and refurbishing further homes in the Partnership Area",
                                      "repairs to the homes in the Partnership Area"))
    assert "Partnership Surplus" not in definition(d, "Acquired Home")
    assert "Partnership Surplus" not in definition(d, "Attributable Contribution")


def test_rejected_covenant_plan_leads_to_a_revised_plan_and_a_long_stop(doc):
    """r22 ci-sample finding 4: a reasonably rejected plan must be followed by a revised plan, and no approved plan
    within 130 Business Days after the certificate is a failure to propose one (a Default Event under clause 26).
    r23 ci-fresh 8: 60 to propose, 20 to answer, 20 to revise and 20 to answer again is 120, so 90 made one
    rejection a default however promptly the Charity acted."""
    t = " ".join(clause_text(doc, "co-investment.financial-covenants").split())
    assert ("If a plan is rejected and is not treated as approved, the Charity must propose a revised plan within 20 "
            "Business Days after the rejection or, if the rejection is referred under this clause and upheld, after that "
            "decision, and this clause applies to the revised plan.") in t
    assert ("within 130 Business Days after the Charity gives the certificate for the Test Year (not counting any time "
            "while a reference under this clause is being decided), the Charity is treated as having failed to propose "
            "a plan required by this clause.") in t
    d = " ".join(clause_text(doc, "co-investment.default-termination").split())
    assert "a plan required by clause 12.3" in d


def test_smaller_wording_points(doc):
    """r22 ci-sample findings 10 and 15: the refinancing terms are the draft's illustrative assumption, not the
    Parties'; the SDLT note says the cap is tighter without charities relief (there is room left at the price cap);
    27.4 says "this clause 27.4"; recital (E) says the undervalue "does not exceed" the consent limit."""
    w = " ".join(note(doc, "co-investment.schedule-waterfall").split())
    assert "Refinanced at 6% over twenty-five years (an illustrative assumption of this draft), the" in w
    assert "the refinancing terms the Parties assumed" not in w
    t = " ".join(note(doc, "co-investment.tax").split())
    assert "the cap is materially tighter without charities relief, so the programme depends on it" in t
    assert "the cap works only if" not in t
    assert "this clause 27.4 gives the only right to leave" in " ".join(clause_text(doc, "co-investment.liability").split())
    assert "is £640,000, which does not exceed £2,000,000, so the disposal has the consent" in \
        " ".join(clause_text(doc, "co-investment.recitals").split())


def test_refinancing_terms_from_the_sheet_are_not_called_the_drafts_assumption(catalogue):
    """Quiet: refinancing terms the sheet sets are the Parties' assumption, not this draft's."""
    d = draft(catalogue, TEXT.replace("\nincome:\n", "\nincome:\n  refinancing_rate: 7\n", 1))
    w = " ".join(note(d, "co-investment.schedule-waterfall").split())
    assert "an illustrative assumption of this draft" not in w
    assert "Refinanced at 7% over twenty-five years (the refinancing terms the Parties assumed)" in w
