"""r21 ci-sample review (Trentborough): findings the ci18 lane fixed, each with a firing case on the sample and a
quiet case on a sheet without the fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import document_of, clause_text, note

SAMPLE = Path(__file__).parents[2] / "samples" / "co-investment" / "affordable-homes-partnership.yaml"
TEXT = SAMPLE.read_text(encoding="utf-8")


def draft(catalogue, text: str = TEXT):
    return document_of(catalogue, text)


@pytest.fixture(scope="module")
def doc(catalogue):
    return draft(catalogue)


def test_capped_share_order_is_put_to_the_parties_with_both_orders_figures(doc):
    """Findings 1, 2: the Schedule 3 note gives the effect of putting the Foundation's capped share after the Capital
    Repayment Reserve and the alternative (share first) with its figures; the clause 11 note walks the same order."""
    n = " ".join(note(doc, "co-investment.schedule-waterfall").split())
    assert "that order is the draft's choice, not an agreed term" in n
    assert "the Foundation is paid £59,205.48 over the term against up to £99,178.08" in n
    assert "(a) paying the share before the yearly payment into the reserve: the Foundation is then paid £99,178.08" in n
    assert "the reserve is £51,066.94 short of the £500,000 due on 31 May 2037" in n
    assert "(b) keeping this order, with the written acknowledgement of the Foundation" in n
    r = " ".join(note(doc, "co-investment.returns-surplus").split())
    assert "£163,752.29" not in r
    assert ("(a) the fixed returns and instalments, £153,752.29; (b) the yearly payment into the Capital Repayment "
            "Reserve, £11,982.50") in r
    assert "(c) the share of what remains to the Foundation, £10,000; and the balance of £30,049.14" in r
    assert "so that £42,031.64 goes into that reserve in that year" in r


def test_no_capped_share_no_order_note(catalogue):
    """Quiet: a Foundation with a target return has no capped share, so no note on its order."""
    d = draft(catalogue, TEXT.replace("return_basis: capped_surplus_share", "return_basis: target"))
    n = note(d, "co-investment.schedule-waterfall")
    assert "draft's choice, not an agreed term" not in n
    assert "share of what remains to" not in note(d, "co-investment.returns-surplus")


def test_buying_deadline_on_the_letting_date_is_bracketed(doc):
    """Finding 3: homes may be bought up to 31 May 2030 and must be let by that day: clause 6 brackets an earlier
    buying deadline (six months before) against the agreed one, and the letting date against letting within six
    months after buying; the works clause and Schedule 4 follow, and the note says which brackets go together."""
    acq = clause_text(doc, "co-investment.acquisition")
    assert "by [30 November 2029] [31 May 2030]" in acq
    assert "let it within six months after buying it [and in any case by 31 May 2030]" in acq
    assert "within six months after buying it [and in any case in time for it to be let by 31 May 2030]" in \
        clause_text(doc, "co-investment.works")
    assert "homes in total by [30 November 2029] [31 May 2030]" in clause_text(doc, "co-investment.schedule-criteria")
    assert "either an earlier buying deadline of 30 November 2029" in " ".join(note(doc, "co-investment.works").split())


def test_letting_date_after_the_buying_deadline_is_not_bracketed(catalogue):
    """Quiet: with a letting date six months after the buying deadline, no brackets."""
    d = draft(catalogue, TEXT.replace("  deadline: 2030-05-31\n", "  deadline: 2030-05-31\n  let_by: 2030-11-30\n", 1))
    acq = clause_text(d, "co-investment.acquisition")
    assert "by 31 May 2030, and to have carried out the works" in acq and "[" not in acq.split("Criteria")[1][:60]
    assert "let it by 30 November 2030" in acq


def test_operating_costs_are_all_costs_with_an_overspend_cap(doc):
    """Finding 4: Operating Costs are every cost properly incurred (not only those within the budget), so an
    overspend is deducted in the cover test and has its step; the governance clause caps it, bracketed."""
    defs = "\n".join(clause_text(doc, c.id) for c in doc.all_clauses() if "definition" in c.id or "interpretation" in c.id)
    assert "Operating Costs means the costs properly incurred in managing" in defs
    assert "within the budget the Partnership Board approves" not in defs
    assert ("must not incur Operating Costs in a Partnership Year of more than [105]% of the budget the Partnership "
            "Board has approved for that year without the approval of the Partnership Board") in \
        clause_text(doc, "co-investment.governance")
    assert "As incurred (above [105]% of the approved budget, only with the approval of the Partnership Board" in \
        clause_text(doc, "co-investment.schedule-waterfall")
    assert "a figure this draft assumes: confirm it with the Investors" in note(doc, "co-investment.returns-surplus")


def test_charges_and_option_over_each_transferred_property_on_its_transfer_date(doc):
    """Findings 8, 9: clause 8 lets a property be transferred after the Completion Date, so the Investor Charges and
    the Authority Option attach to each Transferred Property on its Transfer Date; registration is in one
    application in the order of clause 10 and Schedule 7 (transfer, charges, then the restriction)."""
    sec = clause_text(doc, "co-investment.security")
    assert "an Investor Charge over each Transferred Property on its Transfer Date, whether or not" in sec
    assert "held on the Completion Date" not in sec
    assert "the Authority Option over each Transferred Property on its Transfer Date" in \
        clause_text(doc, "co-investment.end-of-term")
    # r24 ci-sample 1: an option at less than market value is signed after the Charity Commission order
    assert "signed within ten Business Days after the order applied for under clause 3.3 is made" in \
        clause_text(doc, "co-investment.schedule-agreed-forms")
    assert ("in one application and in this order, to register the Transfer of each Transferred Property, each "
            "Investor Charge over it and then the Authority Restriction") in clause_text(doc, "co-investment.asset-transfer")


def test_no_transferred_property_keeps_the_completion_date(catalogue):
    """Quiet: a sheet whose Council contributes only cash has no Transfer Date: the charge and option wording for
    properties held at completion is unchanged."""
    text = (Path(__file__).parents[2] / "samples" / "co-investment" / "community-asset-lease.yaml").read_text(encoding="utf-8")
    d = draft(catalogue, text)
    assert "on its Transfer Date, whether or not" not in "\n".join(clause_text(d, c.id) for c in d.all_clauses())


def test_reserve_rounding_schedule_1_heading_and_recital_occupation(doc, catalogue):
    """Findings 11, 17, 18: the nine reserve payments add up to £500,000 exactly; the Schedule 1 columns say what
    they hold; the recital's unrestricted values are, like Schedule 1, subject to the occupied home's occupation."""
    wf = clause_text(doc, "co-investment.schedule-waterfall")
    assert "£55,555.56 in each of the first eight and £55,555.52 in the last" in wf
    assert "from the one starting on 1 June 2028 to the one starting on 1 June 2036" in wf  # r23 ci-sample 6
    assert "Price paid\nAttributable Contribution per home" in clause_text(doc, "co-investment.schedule-properties")
    assert "(subject only to the existing occupation of 2 O'Brien Court, Trentborough TB21 1TT)" in \
        clause_text(doc, "co-investment.recitals")
    quiet = draft(catalogue, TEXT.replace("maturity: 2037-05-31", "maturity: 2035-06-30"))
    assert "in the last" not in clause_text(quiet, "co-investment.schedule-waterfall").split("Capital Repayment Reserve towards")[1][:300]


def test_general_authority_request_is_stated_once(doc):
    """Finding 15: the request for the Commission's general authority is the obligation in clause 3 only; the
    Completion Condition and the end-of-term clause refer to it rather than repeating it."""
    everything = "\n".join(clause_text(doc, c.id) for c in doc.all_clauses())
    assert everything.count("authorising generally") == 1
    assert "The grant of the Authority Option is conditional on the order applied for under clause 3.3." in \
        clause_text(doc, "co-investment.end-of-term")  # r23 ci-sample 3: the order is applied for after completion


def test_force_majeure_exit_and_step_in_notice_are_cited_by_number(doc):
    """Finding 10: 'this paragraph' in the step-in and force majeure exit paragraphs, and the force majeure clause's
    'the one in clause 27', cite the paragraph itself."""
    everything = "\n".join(clause_text(doc, c.id) for c in doc.all_clauses())
    assert "this paragraph gives the only right" not in everything and "the notice under this paragraph" not in everything
    liab = next(c for c in doc.all_clauses() if c.id == "co-investment.liability")
    assert f"clause {liab.number}.4 gives the only right to leave or end this Agreement" in everything
    assert f"is the one in clause {liab.number}.4" in everything
    dt = next(c for c in doc.all_clauses() if c.id == "co-investment.default-termination")
    assert f"the notice under clause {dt.number}.2 and the period before enforcement" in everything


def test_debt_service_retention_note_puts_it_as_a_term_with_a_cap_option(doc):
    """Finding 5: the retention is put to the Charity as a term, with the Fund's payment dates as the cleaner fix and
    a cap on the top-up if it stays."""
    n = " ".join(note(doc, "co-investment.schedule-waterfall").split())
    assert "The retention is this draft's mechanism, not an agreed term." in n
    assert "and delete the retention paragraphs" in n
    # r23 ci-sample 2: the cap is now in the Schedule; the sample agrees its amount.
    assert "capped at the agreed £100,000" in n
