"""r26 ob-fresh findings (lane obE): Cheviot Vale children's homes block, three homes run by a CIC."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_CHARITY, OB_CHEVIOT, open_book_doc, open_book_document


def test_reasonable_profit_is_not_renamed_target_margin_and_option_text_is_gone(catalogue):
    """ob-fresh 16 and 10: the Sharing Band runs from the Reasonable Profit (no 'Target Margin' duplicate term), and
    the notes drop the template's option-menu text ('Choose it where...', 'suits a provider (often a charity)')."""
    d = open_book_doc(catalogue, OB_CHEVIOT)
    body = clause_text(d, "common.open-book-profit-cap", flat=True)
    assert "may keep its Actual Profit up to the Reasonable Profit." in body and "Target Margin" not in body
    notes = " ".join(flat(note(d, c)) for c in ("common.open-book-profit-cap", "common.open-book-excess",
                                                 "common.open-book-cost-base", "common.open-book-information"))
    for phrase in ("Choose it", "often a charity", "It does not work with a fixed-fee profit", "Target Margin"):
        assert phrase not in notes, phrase


def test_premises_direct_agreements_have_one_deadline(catalogue):
    """ob-fresh 15: 29.7 required the direct agreements 'Before 1 April 2027' while 29.3(e) allowed 20 Business Days
    after it; the deadline is now stated once, in 29.7, and 29.3(e) refers to it."""
    body = clause_text(open_book_doc(catalogue, OB_CHEVIOT), "open-book.termination", flat=True)
    assert "Within [20] Business Days after the date of this Agreement, Fellside must procure that Fellside Estates" in body
    assert "has not been entered into within the time that clause allows" in body
    assert "Before 1 April 2027, Fellside must procure" not in body


def test_a_cic_provider_is_described_as_limited_by_shares_and_keeps_its_asset_lock(catalogue):
    """ob-fresh 17 and the r26 tool note: a CIC limited by shares says so in the parties block, and clause 19 has it
    warrant the asset lock and give notice before ceasing to be a CIC. Quiet: the sample's charity gets neither."""
    from assembler.assemble import _description
    from assembler.termsheet.validate import read_termsheet
    d = open_book_doc(catalogue, OB_CHEVIOT)
    provider = read_termsheet(OB_CHEVIOT, catalogue).model.provider
    assert _description(provider).startswith("a community interest company limited by shares incorporated in England")
    body = clause_text(d, "open-book.financial-distress", flat=True)
    assert "warrants that it is a community interest company whose articles contain the asset lock" in body
    assert "at least [3] months' notice before it applies to cease to be a community interest company" in body
    assert "asset lock" not in clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.financial-distress", flat=True)


def test_safeguarding_note_names_the_act_for_regulated_activity(catalogue):
    """ob-fresh 11: 'that Act' followed a citation of the Children Act 2004; the note names the Safeguarding
    Vulnerable Groups Act 2006, Schedule 4, paragraph 1(1A) (verified on legislation.gov.uk)."""
    n = flat(note(open_book_doc(catalogue, OB_CHEVIOT), "open-book.safeguarding"))
    assert "(Safeguarding Vulnerable Groups Act 2006, Schedule 4, paragraph 1(1A))" in n
    assert "paragraph 1(1A) of that Act" not in n


def test_kpi_measured_over_follows_a_contract_year_target(catalogue):
    """ob-fresh 12: 'At least 90% in each Contract Year' reported quarterly is measured over each Contract Year
    (reported cumulatively), not rolling 12 months; a 'by March 2029' target reported quarterly is measured each
    quarter, not 'the last month of each quarter'."""
    sched = clause_text(open_book_doc(catalogue, OB_CHEVIOT), "open-book.schedule-services", flat=True)
    assert "At least 90% in each Contract Year quarterly [each Contract Year (reported cumulatively each quarter)]" in sched
    assert "85% by March 2029 quarterly [each quarter]" in sched
    assert "the last month of each quarter" not in sched


def test_abuse_and_motor_cover_are_part_of_the_insurance_clause(catalogue):
    """ob-fresh 13: the abuse cover and motor cover sit in the liability clause; they are now expressly insurance
    required by clause 26, so its evidence, cancellation-notice and liability provisions apply to them."""
    body = clause_text(open_book_doc(catalogue, OB_CHEVIOT), "open-book.liability", flat=True)
    # r27 ob-fresh 11: the paragraphs are cited by reference, not as "the two paragraphs above"
    assert ("The cover that clause 27.2 and clause 27.3 require is part of the insurance required by "
            "clause 26, and the provisions of that clause on evidence of cover, notice of cancellation and liability "
            "apply to it.") in body
