"""r23 open-book reviews: the findings the ob23 lane fixed (reconciling the re-basing text with the ob22 rule that a
Core Place ceases only by a reduction notice; factor display; leftovers)."""

from __future__ import annotations

from tests.families.test_open_book_r23_ob22 import flat, note_of, result
from tests.families.test_open_book_settings import document_text


def test_no_text_says_a_core_place_lapses_when_its_placement_ends(catalogue):
    """Reconcile ob21 with ob22: a Core Place is removed only by a reduction under clause 7.5 (or 7.8(c)), so no
    clause, note or Schedule says it lapses or ceases because its placement has ended."""
    res = result(catalogue)
    text = flat(document_text(res))
    assert "lapse" not in text.lower()
    assert "ceases because the placement it was kept for has ended" not in text
    assert "or the place ceases to be one of the Core Places" not in text
    assert "cease to be Core Places in a change because Existing Placements have ended" not in text
    assert "where the change is a reduction in the Core Places" in text
    assert "after the notice is given (or, for a place treated as removed on 1 July 2027, after that date)" in text
    note = note_of(res, "open-book.pricing")
    assert "otherwise is removed by a reduction on 6 months' notice" in note
    assert "one reduction held to the cap leaves it £93,007 a year short" in note


def test_no_user_choice_award_has_no_start_date_route(catalogue):
    text = flat(document_text(result(catalogue, "supported-accommodation-subsidiary.yaml")))
    assert "treated as removed on" not in text


def test_factors_print_with_four_places(catalogue):
    """A factor ending in zero prints with all four places (r20 ob-fresh: "0.999" beside "0.9991"), in the draft
    and through the template filter; other Decimals still print without trailing zeros."""
    from decimal import Decimal

    from assembler.formatting import factor
    from assembler.render.jinja import _finalize, environment
    assert format(factor(Decimal("0.99899")), "f") == "0.9990"
    assert "0.9990" in _finalize(factor(Decimal("0.99899")))
    assert "1.5" in _finalize(Decimal("1.50")) and "1.50" not in _finalize(Decimal("1.50"))
    assert "1.0300" in environment().from_string("{{ x | factor }}").render(x=Decimal("1.03"))
    text = flat(document_text(result(catalogue)))
    assert "holds each factor to 1.0300" in text


def _with_disallowed(catalogue, tmp_path, items):
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import DRAFT_DATE
    from tests.families.test_open_book_r23_ob22 import SAMPLE
    source = SAMPLE.read_text()
    assert source.count("  disallowed_costs:\n") == 1
    path = tmp_path / "sheet.yaml"
    path.write_text(source.replace("  disallowed_costs:\n", "  disallowed_costs:\n" + "".join(
        f'    - "{item}"\n' for item in items)))
    return flat(document_text(assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)))


def test_a_disallowed_benchmark_or_valuation_follows_the_later_one(catalogue, tmp_path):
    """r23 ob-fresh 12: a directors' pay benchmark fixed 'at the first reconciliation' and a rent ceiling fixed at a
    dated valuation give way to later benchmark evidence (clause 11) and the latest valuation at a rent review
    (clause 15), so the two clauses set one test."""
    text = _with_disallowed(catalogue, tmp_path, [
        "Directors' pay above the market rate for the role, as benchmarked at the first reconciliation",
        "Rent paid to the Trust's property company above the market rent in the independent valuation of 1 May 2026"])
    assert "The market rate for a director's role in clause 9.6 is the rate shown by the latest benchmark, including any later benchmark evidence the Trust gives under clause 10.4." in text
    assert "After a rent review, the market rent in clause 9.6 is the market rent in the latest valuation under clause 14.3(a)." in text


def test_no_benchmark_or_valuation_item_no_sentence(catalogue):
    text = flat(document_text(result(catalogue)))
    assert "latest benchmark" not in text and "latest valuation under" not in text


def test_an_undelivered_premises_direct_agreement_is_a_termination_ground(catalogue):
    """r23 ob-fresh 15: the landlord's direct agreement the Provider must procure before the start has a consequence:
    the Council may end the agreement if it is not entered into within [20] Business Days after the start."""
    text = flat(document_text(result(catalogue, "supported-accommodation-subsidiary.yaml")))
    assert "into a direct agreement" in text
    assert "a direct agreement required by clause" in text and "has not been entered into within [3] months after the date of this Agreement" in text
    # r26 ob-fresh 15: one deadline, in the clause that requires the direct agreement
    assert "procure that, within [20] Business Days after the date of this Agreement, " in text
    quiet = flat(document_text(result(catalogue, "adult-care-sharing-band.yaml")))
    assert "direct agreement" not in quiet


def test_costs_note_says_where_the_pound_above_the_cap_would_have_gone(catalogue):
    """r23 ob-fresh 20: where Excess Profit goes to the Reinvestment Fund, an extra pound of cost above the cap does
    not "come back" to the Council; it comes out of the fund. A refund deal keeps the refund wording."""
    note = note_of(result(catalogue), "common.open-book-costs")
    assert "takes the whole pound from the Excess Profit that would otherwise have gone into the Reinvestment Fund" in note
    assert "would otherwise have come back as Excess Profit" not in note
    refund = note_of(result(catalogue, "supported-accommodation-subsidiary.yaml"), "common.open-book-costs")
    assert "would otherwise have come back as Excess Profit" in refund
