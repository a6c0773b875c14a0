"""r20 ob-fresh review (Larchmont Homes, adults with a learning disability in care homes, a company provider):
notes must follow the sheet (adults or children, client group, legal form, excess treatment), not a precedent."""

from __future__ import annotations

import copy
import dataclasses

from assembler.assemble import assemble
from assembler.termsheet.loader import load_file
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import document_text
from tests.families.conftest import OPEN_BOOK_SAMPLES, open_book_model, open_book_notes, open_book_result


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


def test_restrictive_practice_note_follows_the_client_group(catalogue):
    res = open_book_result(catalogue, "adult-care-sharing-band.yaml")
    sg = next(c for c in res.document.clauses if c.id == "open-book.safeguarding").note
    desc = " ".join(load_file(OPEN_BOOK_SAMPLES / "adult-care-sharing-band.yaml").data["services"]["description"].split()).lower()
    if "dementia" in desc:
        assert "in dementia care" in sg
    ld = open_book_result(catalogue, "adult-care-sharing-band.yaml", lambda d: d["services"].update(
        description="provide residential care for adults with a learning disability or autism"))
    sg = next(c for c in ld.document.clauses if c.id == "open-book.safeguarding").note
    assert "positive behaviour support and STOMP" in sg and "dementia" not in sg


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


def test_fair_pay_agreement_is_flagged_when_the_nlw_is_not_a_change_in_law(catalogue):
    """r20 ob-fresh 1: the definition counts a fair pay agreement but the note only said so when the NLW was one."""
    res = open_book_result(catalogue, "supported-living-company.yaml",
                 lambda d: d["services"].update(minimum_wage_change_in_law=False))
    note = next(c for c in res.document.clauses if c.id == "open-book.change-in-law").note
    assert "Adult Social Care Negotiating Body" in note and "the instructions do not mention it" in note
    kids = next(c for c in open_book_result(catalogue, "childrens-homes-charity.yaml").document.clauses
                if c.id == "open-book.change-in-law").note
    assert "fair pay agreement" not in kids
