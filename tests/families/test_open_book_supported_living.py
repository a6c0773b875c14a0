"""Open-book supported living: the Support Plan (with a section 117 after-care plan where the sheet has one) and the
small drafting points of a supported-living draft."""

from __future__ import annotations

from tests.families.clause_texts import document_text
from tests.families.conftest import OB_KELVERTON, open_book_notes, open_book_result


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
