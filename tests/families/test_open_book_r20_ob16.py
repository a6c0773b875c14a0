"""r20 ob-fresh review (Larchmont Homes) findings fixed in lane ob16: one overhead method where the open book
covers only the commissioner's places, and the mechanisms around it."""

from __future__ import annotations

from tests.families.test_open_book_r20_fresh import result


def schedule_text(res, schedule_id="common.open-book-schedule-costs") -> str:
    from tests.families.test_open_book_settings import document_text
    return document_text(res)


def test_overheads_are_allocated_to_the_homes_once_then_apportioned_once(catalogue):
    """Finding 8 / ob-sample 10: Sch 2 allocates to the homes as a whole; clause 11.1 alone apportions."""
    text = schedule_text(result(catalogue, "supported-accommodation-subsidiary.yaml"))
    assert "to the premises at which it delivers the Open-Book Services, taking all their places together" in text
    assert "in no other way" in text
    assert "as if all their places were Open-Book Services" not in text
    assert "staff working in the Open-Book Services bear to" not in text


def test_whole_homes_keeps_the_single_allocation_to_the_services(catalogue):
    text = schedule_text(result(catalogue, "childrens-homes-charity.yaml"))
    assert "allocates Overheads to the Open-Book Services for each Reconciliation Period" in text
    assert "in no other way" not in text


def test_full_cost_open_book_uses_allowable_costs_not_a_second_cost_base(catalogue):
    """ob-sample finding 10: no redundant Cost Base, no circular "Where clause X applies a profit rate"."""
    res = result(catalogue, "childrens-homes-charity.yaml")
    text = schedule_text(res)
    assert "Cost Base" not in text
    assert "applies a profit rate to costs" not in text
    assert "The Reasonable Profit is worked out on the Allowable Costs" in text
    assert "Cost Base" not in [d.term for d in res.document.definitions]


def test_direct_cost_variant_keeps_its_cost_base(catalogue):
    res = result(catalogue, "adult-care-sharing-band.yaml")
    assert "Cost Base" in schedule_text(res)
    assert "Cost Base" in [d.term for d in res.document.definitions]
