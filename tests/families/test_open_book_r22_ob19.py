"""r22 ob-fresh review (Kelverton: supported living for adults with mental illness, s.117 after-care, re-basing
with the index as a ceiling): fixes in lane ob19."""

from __future__ import annotations

from ruamel.yaml import YAML

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import document_text
from tests.families.conftest import OB_KELVERTON, open_book_notes, open_book_result


def test_rebasing_notes_leave_mobilisation_out_of_the_base_as_clause_6_does(catalogue):
    """Finding 4: £921,850 less £9,500 = £912,350; x 1.04 x 1.03 = £977,309.32; / £958,724 = 1.0194."""
    n = " ".join(open_book_notes(open_book_result(catalogue, OB_KELVERTON)).split())
    assert ("Allowable Costs of £912,350 (the £921,850 budget less the £9,500 mobilisation, which the base statement "
            "leaves out)") in n
    assert "come to £977,309.32" in n and "the factor is 1.0194" in n and "£987,485.72" not in n
    assert "a review does not take it out" not in n
    assert ("The first review that uses a Reconciliation Statement as its base statement (the second anniversary of "
            "1 May 2027; the first anniversary applies the index alone) removes it") in n
    assert "(multiplying them by 0.9897)" in n


def test_index_review_note_says_the_review_does_not_remove_mobilisation(catalogue, tmp_path):
    def index(data):
        data["positions"]["open_book_price_review"] = "index"
    n = " ".join(open_book_notes(open_book_result(catalogue, OB_KELVERTON, index)).split())
    assert "the annual review applies the index to the Prices and does not take it out" in n
    assert "The first review that uses a Reconciliation Statement" not in n


def test_support_plan_includes_a_section_117_after_care_plan(catalogue):
    """Finding 1: most Kelverton tenants receive after-care under MHA 1983 s.117."""
    res = open_book_result(catalogue, OB_KELVERTON)
    text = " ".join(document_text(res).split())
    assert ("under section 25 of the Care Act 2014 or, for a Tenant who receives after-care services under section 117 "
            "of the Mental Health Act 1983, the plan of those after-care services, in each case as revised") in text
    assert "the Support Plan definition covers both" in " ".join(open_book_notes(res).split())


def test_support_plan_without_section_117_is_the_care_act_plan_alone(catalogue, tmp_path):
    def no_117(data):
        data["services"]["description"] = "provide support in supported living to adults with learning disabilities"
        data["services"]["statutory_duty"] = ("care and support for adults whose eligible needs it must meet under "
                                              "section 18 of the Care Act 2014")
    res = open_book_result(catalogue, OB_KELVERTON, no_117)
    text = " ".join(document_text(res).split())
    assert "under section 25 of the Care Act 2014, as revised from time to time" in text
    assert "Mental Health Act 1983, the plan of those" not in text
    assert "the Support Plan definition covers both" not in open_book_notes(res)


def test_small_drafting_points_in_supported_living(catalogue):
    """Findings 16, 18, 13 (last point), 20 and 21 (clause 11 note)."""
    res = open_book_result(catalogue, OB_KELVERTON)
    text = " ".join(document_text(res).split())
    n = " ".join(open_book_notes(res).split())
    assert "purchasers of places" not in text
    assert "the other purchasers of care and support at the Homes" in text
    assert "Nothing is payable under this clause for any other empty tenancy" in text
    assert ("Except for a Dispute referred to an Independent Accountant under clause 11.7 or a market rate set by a "
            "valuer or accountant under clause 13.6, the Parties") in text
    assert "measured against the Council's cost of care review for supported living" in n
    assert "Housing Act 1996 would be one" not in n and "letting or managing homes" not in n
    assert "(for the Council, the functions under which it arranges these services, including after-care" in n


def test_care_home_sample_keeps_its_wording(catalogue):
    sheet = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"
    text = " ".join(document_text(assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE)).split())
    assert "purchasers of care and support" not in text
