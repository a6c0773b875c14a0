"""Open-book drafting notes and wording that follow the sheet, not a precedent: adults or children, the provider's form,
the earlier contract, the recitals, cross-references, bracketed proposals where the sheet gives no instruction, and
one home or several."""

from __future__ import annotations

import copy
import dataclasses
import re

from assembler.assemble import assemble
from assembler.termsheet.loader import load_file
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import (
    clause_text, definition, document_of, document_text, flat, note,
)
from tests.families.conftest import (
    OB_BRAMBLECOMBE, OB_BREAKS, OB_CHARITY, OB_CHEVIOT, open_book_doc, open_book_draft_text,
    open_book_note_of, open_book_notes, open_book_result,
)


def test_the_existing_contract_is_named_from_the_sheet(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS, lambda d: d["services"].update(existing_contract="WCC/CS/2021/017"))
    assert "Existing Contract means the contract between the Parties reference WCC/CS/2021/017" in text
    assert "under the Existing Contract on the day before" in text
    # r32 ob-sample F5: without the field the term is still defined (the note asks for the reference).
    assert ("Existing Contract means the earlier contract between the Parties, under which Ashdown provides short breaks for children at the Home") in open_book_draft_text(catalogue, OB_BREAKS)


def test_adult_company_notes_carry_no_children_or_charity_precedent(catalogue):
    text = open_book_notes(open_book_result(catalogue, "supported-living-company.yaml"))
    for phrase in ("children's placements are short", "new child", "dementia care",
                   "education and sufficiency duties", "care or protection of children",
                   "(often a charity)", "several public bodies pay", "SORP accounts",
                   "such as a charity or a company limited by guarantee", "half refunded"):
        assert phrase not in text, phrase


def test_childrens_and_charity_notes_keep_their_points(catalogue):
    text = open_book_notes(open_book_result(catalogue, "childrens-homes-charity.yaml"))
    assert "care or protection of children and young people" in text
    assert "(often a charity)" not in text  # r26 ob-fresh 10: option-menu text leaves open-book notes
    assert "SORP accounts" in text
    assert "such as a charity or a company limited by guarantee" in text


def test_existing_contract_definition_reads_a_reference_or_a_description(catalogue):
    """r20 ob-fresh 15: a description of framework placement agreements was pasted after 'reference'."""
    def defined(res):
        text = document_text(res)
        start = text.index("Existing Contract means ") + len("Existing Contract means ")
        return text[start:text.index("\n", start)].rstrip(";.")
    ref = open_book_result(catalogue, "single-placement.yaml", lambda d: d["services"].update(existing_contract="ABC/2021/01"))
    assert "the contract between the Parties reference ABC/2021/01" in defined(ref)
    desc = open_book_result(catalogue, "single-placement.yaml", lambda d: d["services"].update(
        existing_contract="the individual placement agreements made under the Council's framework (reference F/1)"))
    text = defined(desc)
    assert "reference the individual" not in text
    assert text.startswith("the individual placement agreements made under the Council's framework (reference F/1)")
    assert text.endswith("taken together")


def test_references_name_the_sub_clause(catalogue):
    """ob-fresh finding 18: 'clause 35' for the entire-agreement sub-clause and 'this paragraph' in clause 9.4."""
    import re
    for name in ("adult-care-sharing-band.yaml", "childrens-homes-charity.yaml"):
        text = document_text(open_book_result(catalogue, name))
        assert "instead of this paragraph" not in text
        for m in re.finditer(r"entire-agreement provision in clause (\S+)", text):
            assert "." in m.group(1).rstrip("."), m.group(0)
    text = document_text(open_book_result(catalogue, "adult-care-sharing-band.yaml"))
    assert re.search(r"including in hospital, clause \d+\.\d+ applies instead of this clause\. Where the Placed "
                     r"Person has moved to another setting permanently, the Placement ends on the date of the move\.", text)


def test_uninstructed_break_periods_and_deemed_approval_are_bracketed(catalogue):
    """Findings 12, 13: 29.1's notice periods and date, and 13.4's deemed approval, are bracketed and flagged."""
    res = open_book_result(catalogue, OB_CHARITY)
    text = flat(document_text(res))
    assert "at least [6] months' notice" in text and "at least [12] months' notice, which it may not give before [1 July 2029]" in text
    assert "[If the Council has done neither within those 30 days" in text
    assert "[or that is treated as approved]" in text
    notes = " ".join(c.note or "" for c in [*res.document.clauses, *res.document.schedules])
    assert "Deemed approval is not instructed" in notes


def test_clause_3_3_and_21_4_wording(catalogue):
    """Findings 15, 16: 3.3 refers to itself as a clause; 21.4 tells each Party the data came from."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "the confirmation described in this clause 3.3" in text and "described in this paragraph" not in text
    # r23 ob-sample 18: with two Parties, "the other Party", still only for data received from it
    assert "Each Party must tell the other Party, without undue delay and in any event within [48] hours after becoming aware of it, of a personal data breach affecting Personal Data it received from the other Party" in text


def test_recital_note_gives_the_basis_for_new_placements_and_the_award_value(catalogue):
    """Finding 4: the note no longer treats a new placement as a s.74 modification and asks for the award record
    and its value, with the s.78 risk if the award was wider than user choice supports."""
    res = open_book_result(catalogue, OB_CHARITY)
    note = open_book_note_of(res, "open-book.recitals")
    assert "usually as a modification permitted by s.74" not in note
    assert "a further user-choice award recorded in the Individual Placement Agreement" in note
    assert "if the award was valued on all fourteen places for the whole term and the extension" in note
    assert "may be terminated under s.78" in note


def test_loose_references_point_at_the_paragraph(catalogue):
    """Finding 9: 7.8(a) names Part 2 of Schedule 1; Schedule 4 names the Service KPIs reported under 18.1."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "the eleven places shown in Part 2 of Schedule 1" in text  # r34 ob-sample 1: 7.8 now names the sheet's places
    assert "the table of places in Schedule 1 gives" not in text
    assert "performance against each Service KPI due to be reported in it under clause 18.1" in text


def test_earlier_contract_is_listed_as_an_assumption_when_the_sheet_is_silent(catalogue):
    """Finding 11: the earlier contract between the Parties is an assumption in the clause 1 list, and the
    losses note asks for each child's leaving date or 18th birthday to model the day-one Prices."""
    res = open_book_result(catalogue, OB_CHARITY)
    joined = " | ".join(res.document.assumptions)
    assert "that the Trust already cares for the children placed under an earlier contract with the Council" in joined
    assert "this assumes the Trust already cares for them" not in open_book_note_of(res, "open-book.placements")
    assert "with the date each is expected to leave or turn 18" in open_book_note_of(res, "open-book.losses")


def test_earlier_contract_assumption_quiet_when_the_sheet_says(catalogue):
    import copy
    import dataclasses
    from assembler.termsheet.loader import load_file
    sheet = read_termsheet(OB_CHARITY, catalogue)
    data = copy.deepcopy(dict(load_file(OB_CHARITY).data))
    data["services"]["incumbent"] = True
    sheet = dataclasses.replace(sheet, model=type(sheet.model).model_validate(data))
    res = assemble(sheet, catalogue, today=DRAFT_DATE)
    assert "already cares for the children placed under an earlier contract" not in " | ".join(res.document.assumptions)


def test_social_value_duties_only_where_the_sheet_gives_commitments(catalogue):
    """ob-sample 11: a sheet with no social value commitments gets no duty to deliver 'any' (the note says so); a
    sheet that lists them gets a duty to deliver and report on each."""
    quiet = open_book_doc(catalogue, OB_CHARITY)
    assert "social value" not in clause_text(quiet, "open-book.compliance-with-law", flat=True)
    assert "The agreement records no social value commitments" in flat(note(quiet, "open-book.compliance-with-law"))
    text = OB_CHARITY.read_text(encoding="utf-8")
    assert "\n  kpis:\n" in text
    sheet = text.replace("\n  kpis:\n", "\n  social_value:\n    - Two apprenticeships a year for care leavers\n"
                                         "    - At least 60% of new care staff recruited from Northmoor postcodes.\n  kpis:\n", 1)
    body = clause_text(document_of(catalogue, sheet), "open-book.compliance-with-law", flat=True)
    assert ("The Trust must deliver the following social value commitments: two apprenticeships a year for care "
            "leavers; at least 60% of new care staff recruited from Northmoor postcodes.") in flat(body)
    assert "The Trust must report on its delivery of those commitments when the Council reasonably asks it to." in body


def test_a_specification_dated_after_the_notice_is_the_agreed_form_initialled_at_signing(catalogue):
    """ob-sample 16: the sample's specification is dated 14 January 2027, after the 16 November 2026 notice, so the
    schedule takes the agreed form initialled on or before signing and the note asks for the date once. Quiet: a
    sheet whose specification predates the notice keeps 'have initialled'."""
    d = open_book_doc(catalogue, OB_CHARITY)
    sched = clause_text(d, "open-book.schedule-services", flat=True)
    assert ("version 2, dated 14 January 2027, in the agreed form initialled by the Parties on or before the date of this "
            "Agreement, which forms part of this Agreement") in sched
    assert "confirm the date with the Council. The schedule requires the version the Parties initial" in flat(
        note(d, "open-book.schedule-services"))
    text = OB_CHARITY.read_text(encoding="utf-8")
    assert "dated 14 January 2027" in text
    early = document_of(catalogue, text.replace("dated 14 January 2027", "dated 14 October 2026"))
    assert "which the Parties have initialled for identification" in clause_text(early, "open-book.schedule-services", flat=True)


def test_notes_state_the_light_touch_route_the_sheet_records_and_the_nlw_step_once(catalogue):
    """r25 ob-fresh findings 20 and 21: no 'confirm these are' where the route records light touch services; the NLW
    note says to insert the 1 April 2027 rate if announced and re-test the cost model."""
    text = OB_BRAMBLECOMBE.read_text()
    doc = document_of(catalogue, text)
    pricing = " ".join(note(doc, "open-book.pricing").split())
    assert "The procurement route records these as light touch services" in pricing
    assert "confirm that these are" not in pricing and "Schedule 8, paragraph 1" not in pricing
    review = " ".join(note(doc, "open-book.price-review").split())
    assert "The rate from 1 April 2027 is normally announced with the Autumn Budget in late November" in review
    assert "Re-test the cost model against the rates in force on 1 April 2027" in review
    other = document_of(catalogue, text.replace("the Care\n    Services being light touch services (section 9)",
                                                "the Care\n    Services"))
    pricing = " ".join(note(other, "open-book.pricing").split())
    assert "confirm that these are" in pricing and "Schedule 8, paragraph 1" in pricing


def test_no_undefined_cap_rate_no_self_reference_and_the_placement_form_names_the_agreement(catalogue):
    """r25 ob-fresh finding 17."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    pricing = flat(clause_text(doc, "open-book.pricing"))
    assert "profit cap rate" not in pricing
    assert "(one minus 6%, the share of the Service Income that is the Reasonable Profit)" in pricing
    assert "applies instead of this clause" in flat(clause_text(doc, "open-book.residents"))
    form = flat(clause_text(doc, "open-book.schedule-placement-agreement"))
    assert "made under the agreement relating to Bramblecombe House Nursing Care dated" in form


def test_one_home_is_the_home_throughout(catalogue):
    """r25 ob-fresh finding 16: a sheet with one home defines "Home" by its name and address, and the plural's
    quantifiers ("each of the Homes", "any of the Homes", "the Homes concerned") read in the singular."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    assert "Bramblecombe House, 2 Cliff Road, Westover, Stourmouth SU6 4BH" in flat(definition(doc, "Home"))
    assert not [d for d in doc.definitions if d.term == "Homes"]
    for cid in ("open-book.regulatory", "open-book.services", "open-book.scope", "open-book.termination"):
        text = flat(clause_text(doc, cid))
        assert "Homes" not in text.replace("Care Homes Limited", ""), cid
        for residue in ("each of the Home", "one of the Home", "any of the Home", "Home concerned", "all the Home"):
            assert residue not in text, (cid, residue)
    assert "Calderbrook must ensure that the Home is registered" in flat(clause_text(doc, "open-book.regulatory"))
    assert "by the same paid bed-weeks at the Home:" in flat(clause_text(doc, "open-book.scope"))


def test_several_homes_keep_the_plural(catalogue):
    doc = document_of(catalogue, (ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml").read_text())
    assert [d for d in doc.definitions if d.term == "Homes"]
    assert "each of the Homes" in " ".join(flat(clause_text(doc, c.id)) for c in doc.all_clauses())


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


def test_finding18_regulatory_note_fits_the_provider_and_the_service(catalogue):
    """ob-fresh 18: the cl 4 note does not call a registered society a company, and names domiciliary care only
    for home care."""
    n = flat(note(open_book_doc(catalogue, "caldmoor"), "open-book.regulatory"))
    assert "A company's registration" not in n and "domiciliary care" not in n
    assert "A registered provider's registration for a care home" in n
    hc = flat(note(open_book_doc(catalogue, "home-care-zones"), "open-book.regulatory"))
    assert "adult care homes" not in hc
