"""The costs schedule's categories of Overheads and its note on a group's central charge (r32 ob-fresh 4 and 5):
a category tied to the Overhead Cap loses those words without leaving 'at cost and;', a cost-model overhead line
the sheet's own category already describes is not listed again without its limits, and a charge to the whole
provider is compared with the cost model at the commissioner's share of the places."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_BRAMBLECOMBE, open_book_result

CENTRAL = "Central finance, HR, payroll, quality and training provided by Calderbrook Care Group Limited, at cost and within the Overhead Cap"
LINE = "Calderbrook Care Group central services (finance, HR, payroll, quality, training)"


def _with_lines(group_line: int, item: str | None = CENTRAL):
    def change(data):
        cm = data["open_book"]["cost_model"]
        cm["overheads"] = group_line + 12000
        cm["overhead_lines"] = [{"item": LINE, "amount": group_line}, {"item": "Audit and accountancy", "amount": 12000}]
        costs = data["open_book"]["allowable_costs"]
        costs[:] = [c for c in costs if "overhead" not in c.lower()] + ([item] if item else [])
    return change


def _schedule(catalogue, change):
    res = open_book_result(catalogue, OB_BRAMBLECOMBE, change)
    return res, clause_text(res.document, "common.open-book-schedule-costs", flat=True)


def test_overhead_category_keeps_its_limit_and_is_listed_once(catalogue):
    _, text = _schedule(catalogue, _with_lines(110000))
    assert ("Central finance, HR, payroll, quality and training provided by Calderbrook Care Group Limited, at cost;"
            in text)
    assert "at cost and;" not in text and "at cost and." not in text
    assert f"{LINE};" not in text and f"{LINE}." not in text     # the cost-model line is not a second category
    assert "Audit and accountancy." in text                        # a line no category describes stays


def test_overhead_line_without_a_sheet_category_is_listed(catalogue):
    """Quiet: with no category of its own in the sheet, the cost model's line is the category."""
    _, text = _schedule(catalogue, _with_lines(110000, item=None))
    assert f"{LINE};" in text


def test_central_charge_is_compared_at_the_commissioners_share(catalogue):
    """£258,000 to the whole company; 26 of the home's 64 places are the Council's: £104,813, within a £110,000 line."""
    res, _ = _schedule(catalogue, _with_lines(110000))
    n = flat(note(res.document, "common.open-book-schedule-costs"))
    assert "on the apportionment in clause" in n and "(26 of the 64 places) the Council's share is about £104,813" in n
    assert "obtain Calderbrook Care Group Limited's cost build-up" in n
    assert "understated by at least" not in n
    assert not [f for f in res.findings if f.rule == "OPEN-BOOK-RELATED-PARTY-LINE"]


def test_central_charge_above_its_line_even_at_the_share_is_reported(catalogue):
    """Firing: a £100,000 line is less than the £104,813 share: the note and the rule report the £4,813 gap."""
    res, _ = _schedule(catalogue, _with_lines(100000))
    n = flat(note(res.document, "common.open-book-schedule-costs"))
    assert "even at the Council's share" in n and "understated by at least £4,813 a year" in n
    assert [f for f in res.findings if f.rule == "OPEN-BOOK-RELATED-PARTY-LINE"]
