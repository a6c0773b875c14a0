"""r20 ob-fresh review (Larchmont Homes) findings fixed in lane ob16: one overhead method where the open book
covers only the commissioner's places, and the mechanisms around it."""

from __future__ import annotations
from tests.families.clause_texts import document_text
from tests.families.conftest import open_book_model, open_book_result



def test_overheads_are_allocated_to_the_homes_once_then_apportioned_once(catalogue):
    """Finding 8 / ob-sample 10: Sch 2 allocates to the homes as a whole; clause 11.1 alone apportions."""
    text = document_text(open_book_result(catalogue, "supported-accommodation-subsidiary.yaml"))
    assert "to the premises at which it delivers the Open-Book Services, taking all their places together" in text
    assert "in no other way" in text
    assert "as if all their places were Open-Book Services" not in text
    assert "staff working in the Open-Book Services bear to" not in text


def test_whole_homes_keeps_the_single_allocation_to_the_services(catalogue):
    text = document_text(open_book_result(catalogue, "childrens-homes-charity.yaml"))
    assert "allocates Overheads to the Open-Book Services for each Reconciliation Period" in text
    assert "in no other way" not in text


def test_full_cost_open_book_uses_allowable_costs_not_a_second_cost_base(catalogue):
    """ob-sample finding 10: no redundant Cost Base, no circular "Where clause X applies a profit rate"."""
    res = open_book_result(catalogue, "childrens-homes-charity.yaml")
    text = document_text(res)
    assert "Cost Base" not in text
    assert "applies a profit rate to costs" not in text
    assert "The Reasonable Profit is worked out on the Allowable Costs" in text
    assert "Cost Base" not in [d.term for d in res.document.definitions]


def test_direct_cost_variant_keeps_its_cost_base(catalogue):
    res = open_book_result(catalogue, "adult-care-sharing-band.yaml")
    assert "Cost Base" in document_text(res)
    assert "Cost Base" in [d.term for d in res.document.definitions]


def test_apportionment_columns_follow_core_places_that_cease(catalogue, tmp_path):
    """ob-fresh finding 14: the places-available shares (and the overhead share) follow lapsed or reduced Core
    Places and homes the agreement no longer covers, and fees follow the same days as costs."""
    from ruamel.yaml import YAML
    yaml = YAML()
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import DRAFT_DATE
    from tests.families.conftest import OPEN_BOOK_SAMPLES as SAMPLES
    data = yaml.load((SAMPLES / "supported-accommodation-subsidiary.yaml").read_text())
    data["positions"]["open_book_voids"] = "core-places"
    data["open_book"]["unit_prices"][0]["expected_units"] = 832     # the core places paid for whether used or not
    path = tmp_path / "core.yaml"
    with path.open("w") as handle:
        yaml.dump(data, handle)
    text = document_text(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE))
    assert "used for this apportionment change as the Core Places change" in text
    assert "counts as one of the Council's places only on the days it is used for a Placement" in text
    assert "including the share of Overheads, is worked out day by day" in text
    assert "Fees any person pays for a place, on each day that clause" in text
    assert "a place the Council may use under this Agreement" not in text


def test_whole_homes_open_book_has_no_column_rule(catalogue):
    text = document_text(open_book_result(catalogue, "childrens-homes-charity.yaml"))
    assert "used for this apportionment change" not in text


def test_without_core_places_the_columns_follow_the_homes_only(catalogue):
    text = document_text(open_book_result(catalogue, "supported-accommodation-subsidiary.yaml"))
    assert "used for this apportionment change as this Agreement ends for any of the Settings" in text
    assert "ceases to be one of the Core Places, it counts" not in text


def _costs_note(res):
    return next(s for s in res.document.schedules if s.id == "common.open-book-schedule-costs").note or ""


def test_costs_note_names_budget_lines_outside_the_categories_and_undefined_plans(catalogue):
    """ob-fresh finding 7: the draft itself says which budget lines the closed list misses, with the amounts,
    and that a category names a plan the agreement never creates."""
    def change(d):
        d["open_book"]["cost_model"]["direct_lines"][4]["item"] = "Ofsted registration, annual fees and legal advice"
        d["open_book"]["allowable_costs"][2] = "Agency and relief staff, up to the level the Annual Plan agrees"
    note = _costs_note(open_book_result(catalogue, "childrens-homes-charity.yaml", change))
    assert '"Ofsted registration, annual fees and legal advice" (£12,000; no category uses the words "advice" and "legal").' in note
    assert 'refers to "the Annual Plan", which this agreement does not define or create' in note
    assert "any higher amount the Council approves in writing" in note


def test_costs_note_is_quiet_when_every_line_is_covered(catalogue):
    note = _costs_note(open_book_result(catalogue, "childrens-homes-charity.yaml"))
    assert "clearly covers" not in note and "does not define or create" not in note


def _recon_rows(res):
    from assembler.model import Table
    sched = next(s for s in res.document.schedules if s.id == "common.open-book-schedule-reconciliation")
    tables = [b for b in sched.blocks if isinstance(b, Table)]
    from assembler.model import plain_text
    return [[plain_text(c) for c in row] for t in tables for row in t.rows]


def test_scenarios_show_the_budget_row_when_the_budget_uses_different_shares_of_capacity(catalogue):
    """ob-fresh finding 9: the "100%" row is capacity (all support hours), not the budget; the table now opens
    with the budget (the worked example's figures) and says what each share means."""
    res = open_book_result(catalogue, "childrens-homes-charity.yaml",
                 lambda d: d["open_book"]["unit_prices"][1].update(capacity_units=2000))
    text = document_text(res)
    assert "The budget, in the first row of the table, uses the expected units in Schedule 2: 85.03% of the capacity" in text
    assert 'and 60% of the capacity for "Additional one-to-one support, where agreed in the placement plan" (2,000 hours a year)' in text
    assert "all 2,000 hours are delivered" in text
    rows = _recon_rows(res)
    budget = next(r for r in rows if r[0] == "Budget")
    example = {r[0]: r[1] for r in rows}
    assert budget[1] == example["Service Income"]


def test_no_budget_row_when_every_price_assumes_the_same_occupancy(catalogue):
    res = open_book_result(catalogue, "childrens-homes-charity.yaml")
    assert not any(r[0] == "Budget" for r in _recon_rows(res))
    assert "The budget assumes" in document_text(res)


def test_hospital_stay_keeps_an_existing_placement_while_return_is_expected(catalogue):
    """ob-fresh finding 2: under a user choice award, the automatic release after the hospital period must not
    end an Existing Placement (and so lapse the Core Place and the person's protection) while the person is
    expected back."""
    text = document_text(open_book_result(catalogue, "childrens-homes-charity.yaml",
                                lambda d: d["services"].update(absence_weeks=6)))
    assert "in an Existing Placement who is in hospital is not released at the end of six weeks if a social worker" in text
    assert "The Placement then continues as an Existing Placement until the place is released." in text


def test_no_hospital_carve_out_without_an_automatic_release(catalogue):
    text = document_text(open_book_result(catalogue, "childrens-homes-charity.yaml"))
    assert "who is in hospital is not released" not in text


def _review_note(res):
    return next(c for c in res.document.clauses if c.id == "open-book.price-review").note or ""


def test_first_year_pay_note_gives_the_pay_budget_the_first_review_and_the_2027_rate_to_insert(catalogue):
    """ob-fresh finding 11 / ob-sample 16: the note states what a pay rise before the first review costs, when
    that review is, and the national living wage rates to check (2026 verified; 2027 to insert)."""
    res = open_book_result(catalogue, "childrens-homes-charity.yaml")
    note = _review_note(res)
    model = open_book_model(catalogue, "childrens-homes-charity.yaml")
    pay = model.open_book.pay_budget
    assert pay == 310000 + 1520000 + 120000          # managers, care staff, agency and relief; not staff travel
    assert "Staff pay (every pay line of the cost model, agency staff included) is £1,950,000 of the budgeted Direct Costs" in note
    assert "about £19,500 a year" in note
    assert "£12.71 an hour from 1 April 2026" in note and "Insert the rate from 1 April 2027 if it has" in note
    from assembler.termsheet.open_book import CostLine
    lines = [CostLine(item="Care assistants and night care staff (pay, National Insurance, pension and training)",
                      amount=742000), CostLine(item="DBS checks, recruitment and training", amount=12000)]
    priced = model.open_book.cost_model.model_copy(update={"direct_lines": lines})
    assert model.open_book.model_copy(update={"cost_model": priced}).pay_budget == 742000   # r23 ob-fresh 5
    start = model.services.term.start
    assert f"first review date, {start.day} {start:%B} {start.year + 1}" in note


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
