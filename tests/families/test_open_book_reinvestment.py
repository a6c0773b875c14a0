"""The Reinvestment Fund where Excess Profit is reinvested (open-book family), tested with the Wexcombe neurological
supported-living sheet (r28 ob-fresh 10: 'surplus above the band goes to a fund for the tenants, not back to the
Council', while the fallbacks refunded unplanned and unspent money to the Council)."""

from __future__ import annotations

import re
from tests.families.clause_texts import clause_text, document_of, document_text, flat, note
from tests.families.conftest import (
    OB_BRAMBLECOMBE, OB_CHARITY, OB_HOMECARE, OB_NIGHTLY, OB_WEXCOMBE, open_book_doc,
    open_book_note_of, open_book_result,
)

NEXT_PLAN = ("    carry_below: 3000\n", "    carry_below: 3000\n    unspent: next-plan\n")
REFUND = ("    carry_below: 3000\n", "    carry_below: 3000\n    unspent: refund\n")


def test_unplanned_and_unspent_money_goes_into_a_further_plan(catalogue):
    """unspent: next-plan: 12.5 and 12.7 carry the money into a further Reinvestment Plan instead of refunding it;
    only money unspent 12 months after the end, or the whole balance on insolvency, reaches the Council."""
    d = open_book_doc(catalogue, OB_WEXCOMBE, NEXT_PLAN)
    t = flat(clause_text(d, "common.open-book-excess"))
    assert ("within [120] days after the transfer, Heronsgate must propose a further Reinvestment Plan for it within "
            "30 days after the end of that period.") in t
    assert ("not spent within [12] months after its Reinvestment Plan is approved must be included in a further "
            "Reinvestment Plan") in t
    assert "Any part of the Reinvestment Fund not spent within [12] months after this Agreement ends must be paid to the Council" in t
    assert "immediately if Heronsgate becomes insolvent" in t
    assert t.count("as refunded Excess Profit") == 1   # the insolvency payment only
    n = flat(note(d, "common.open-book-excess"))
    assert "As instructed, the money goes to the fund and not back to the commissioner" in n
    assert "these refunds cut across it" not in n and "If no plan is approved within 120 days the transfer is refunded" not in n


def test_default_refunds_and_the_note_flags_the_conflict(catalogue):
    """Quiet: with unspent: refund, 12.5 and 12.7 refund as before, and the note says plainly that this cuts across
    an instruction that the money must not come back, with the alternative."""
    d = open_book_doc(catalogue, OB_WEXCOMBE, REFUND)
    t = flat(clause_text(d, "common.open-book-excess"))
    assert "Heronsgate must pay that transfer to the Council" in t
    assert "further Reinvestment Plan" not in t
    n = flat(note(d, "common.open-book-excess"))
    assert ("If the instruction is that Excess Profit goes to the fund and not back to the commissioner, these "
            "refunds cut across it") in n


def _no_fund_fields(text: str) -> str:
    text = re.sub(r"    fund_beneficiaries: .*\n", "", text)
    text = re.sub(r"    fund_uses:\n(      - .*\n)+", "", text)
    text = re.sub(r"    fund_assets: .*\n", "", text)
    return re.sub(r"    fund_staff_payments: .*\n", "", text)


def test_reinvestment_fund_purpose_without_procedure_and_priorities_at_a_review_meeting(catalogue):
    text = document_text(open_book_result(catalogue, OB_NIGHTLY))
    assert "as the contract review meeting agrees" not in text
    assert "moving on from, the Settings\n" in text or "moving on from, the Settings" in text
    assert ("At the first meeting under clause 19.2 in each year of this Agreement, the Parties must agree the "
            "priorities for spending the Reinvestment Fund in that year.") in text
    assert "The Council approves each Reinvestment Plan under this paragraph within those priorities." in text


def test_fund_purpose_procedure_is_parsed():
    from assembler.termsheet.open_book import Excess
    e = Excess(reinvestment_fund="therapy for children in the homes, as the contract review meeting agrees each year")
    assert e.purpose == "therapy for children in the homes" and e.priorities_by == "the contract review meeting"
    plain = Excess(reinvestment_fund="therapeutic support and activities for children in the homes")
    assert plain.purpose == plain.reinvestment_fund and plain.priorities_by is None


def test_reinvestment_note_agrees_with_the_trust(catalogue):
    """Finding 7: the clause 13 note no longer calls the fund the charity's money while clause 13.3 holds it on
    trust for the Council."""
    note = open_book_note_of(open_book_result(catalogue, OB_CHARITY), "common.open-book-excess")
    assert "The money is the charity's" not in note
    assert "The fund is held on trust for the commissioner, so it is not the charity's own money" in note


def test_the_reinvestment_fund_improves_a_related_landlords_building_only_with_protection(catalogue):
    """r25 ob-fresh finding 14: garden works at a home leased from a related party accrue to the landlord."""
    text = OB_BRAMBLECOMBE.read_text()
    doc = document_of(catalogue, text)
    body = flat(clause_text(doc, "common.open-book-schedule-reinvestment"))
    assert "must not spend the Reinvestment Fund on works to a home owned by a Related Party" in body
    assert "disregarded on any review of the rent of that home" in body
    assert "within [5] years after the works are completed" in body
    assert "Calderbrook Property Limited, a related party, owns the home" in note(doc, "common.open-book-schedule-reinvestment")
    quiet = document_of(catalogue, text.replace("owns Bramblecombe House and leases it to Calderbrook",
                                                "supplies linen to Calderbrook", 1))
    assert "owned by a Related Party" not in clause_text(quiet, "common.open-book-schedule-reinvestment")
    assert "owns the home" not in note(quiet, "common.open-book-schedule-reinvestment")


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


def test_finding5_set_off_of_a_fund_refund_releases_the_same_sum_from_the_trust(catalogue):
    """ob-sample 5: a refund due from the Reinvestment Fund that the Council sets off against the fees counts as paid
    from the fund, and the Trust may withdraw the same sum, so it is not short of fees with the money locked in trust."""
    t = flat(clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "common.open-book-excess"))
    assert ("If it sets off an amount payable to it from the Reinvestment Fund, that amount is treated as paid to it "
            "from the Reinvestment Fund. The same sum then ceases to be held on trust, and the Trust may withdraw it from "
            "the Reinvestment Fund.") in t


def test_one_path_for_fund_money_is_stated_where_it_is_transferred(catalogue):
    """Children's homes sample review, finding 5: the transfer paragraph says the one path money in the fund takes,
    as open_book.excess.unspent sets it: with 'refund' (the standard) it comes back only under the no-plan,
    unspent and ending paragraphs; with 'next-plan' it is carried into a further plan and comes back only at the end."""
    refund = flat(clause_text(open_book_doc(catalogue, OB_WEXCOMBE, REFUND), "common.open-book-excess"))
    assert re.search(r"Money in the Reinvestment Fund is spent under approved Reinvestment Plans, and is paid to the "
                     r"Council only under clause \d+\.\d+ \(no plan in time\), clause \d+\.\d+ \(not spent in time\) or "
                     r"clause \d+\.\d+\.", refund)
    carried = flat(clause_text(open_book_doc(catalogue, OB_WEXCOMBE, NEXT_PLAN), "common.open-book-excess"))
    assert "(no plan in time)" not in carried
    assert re.search(r"money not planned or not spent in time is carried into a further Reinvestment Plan under "
                     r"clause \d+\.\d+ and clause \d+\.\d+, and is paid to the Council only under clause \d+\.\d+\.", carried)


def test_fund_assets_named_by_a_mass_noun_take_a_singular_verb(catalogue):
    """r32 ob-fresh finding 18: 'sensory and reminiscence equipment for the dementia units ... are held'."""
    def assets(words):
        return open_book_doc(catalogue, OB_HOMECARE, ("fund_assets: electric pool cars", f"fund_assets: {words}"))
    text = clause_text(assets("sensory and reminiscence equipment for the dementia units"),
                       "common.open-book-schedule-reinvestment", flat=True)
    assert "sensory and reminiscence equipment for the dementia units bought from the Reinvestment Fund is held by" in text
    assert "electric pool cars bought from the Reinvestment Fund are held by" in clause_text(
        open_book_doc(catalogue, OB_HOMECARE), "common.open-book-schedule-reinvestment", flat=True)


def test_an_instructed_reinvestment_carries_unplanned_money_forward_unless_refunds_are_chosen(catalogue):
    """r34 ob-sample 4: the sheet instructs reinvestment (open_book_excess: reinvest) and says nothing of refunds, so
    money not planned or spent in time rolls into a further plan and the note names the refund alternative.
    Quiet: unspent: refund keeps the refunds."""
    d = open_book_doc(catalogue, OB_CHARITY)
    t = flat(clause_text(d, "common.open-book-excess"))
    assert "the Trust must propose a further Reinvestment Plan for it within 30 days after the end of that period" in t
    assert "(no plan in time)" not in t
    n = flat(note(d, "common.open-book-excess"))
    assert "do not say what happens to money not planned or spent in time; refunding it would cut across them" in n
    assert "The alternative, if the Council wants the money back rather than a standing fund" in n
    refund = open_book_doc(catalogue, OB_CHARITY, ("  excess:\n", "  excess:\n    unspent: refund\n"))
    assert "further Reinvestment Plan" not in flat(clause_text(refund, "common.open-book-excess"))
    assert "(no plan in time)" in flat(clause_text(refund, "common.open-book-excess"))
    assert "The alternative, if the Council wants the money back" not in flat(note(refund, "common.open-book-excess"))
