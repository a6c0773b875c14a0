"""r24 open-book review (Greystone, two care homes, places-available apportionment, a Support Price not re-based):
the findings the ob24 lane fixed."""

from __future__ import annotations

from decimal import Decimal

from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

HERE = ROOT / "tests" / "families" / "fixtures"
GREYSTONE = HERE / "ob-r24-greystone.yaml"
ALDERBECK = HERE / "ob-r23-alderbeck.yaml"

_CACHE: dict = {}


def _load(catalogue, path, text=None):
    key = (path, text)
    if key not in _CACHE:
        _CACHE[key] = document_of(catalogue, text if text is not None else path.read_text())
    return _CACHE[key]


def test_home_exit_takes_out_its_place_share_and_its_support_cost(catalogue):
    """ob-fresh 1 and 2: a released place's share of the shared costs is its place-weeks of the Council's 728 (the
    basis clause 11.1 apportions on), not of the 686 expected weeks (£28,846.15 on the £1,000,000 shared, not £30,609.18); when a home leaves,
    its 52 x places come out of the shared costs and the one-to-one direct cost leaves with the Support Price income,
    so the factor stays near one (0.9916 / 1.0097), not the 1.0231 / 1.0431 that kept the £32,100 cost in."""
    cr = read_termsheet(GREYSTONE, catalogue).model.open_book.core_rebase
    assert cr["divisor"] == 728 and cr["expected"] == 686
    assert cr["steps"][0]["deducted"] == Decimal("28846.15")
    assert {h["home"]: h["factor"] for h in cr["home_ends"]} == {"Ashby Fold": Decimal("1.0097"),
                                                                 "Kilnhurst House": Decimal("0.9916")}
    d = _load(catalogue, GREYSTONE)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert ("multiplied by the place-weeks removed under clause 5.8 and divided by 52 times the number of places in "
            "the column \"Places for the Council\" in Schedule 1 (728);") in body
    assert ("where this Agreement has ended for any of the Homes, deduct also the budgeted direct cost of the units "
            "of the Support Price") in body
    assert "(Ashby Fold 416; Kilnhurst House 312)" in body
    assert "and its budgeted direct costs" not in body and "[[" not in body
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "£1,000,000 × D ÷ 728" in sched
    n = flat(note(d, "open-book.pricing"))
    assert "1.0097 if the agreement ends for Ashby Fold and 0.9916 if the agreement ends for Kilnhurst House" in n


def test_all_places_expected_keeps_the_expected_weeks_divisor(catalogue):
    """Quiet: where every place is expected to be bought all year (Alderbeck) the two bases agree (1,248)."""
    cr = read_termsheet(ALDERBECK, catalogue).model.open_book.core_rebase
    assert cr["divisor"] == cr["expected"] == 1248
    assert cr["steps"][0]["deducted"] == Decimal("54212.67")


def test_one_to_one_cost_is_one_figure_and_a_differing_line_is_flagged(catalogue):
    """ob-fresh 6: the re-basing uses the cost model's own line for the one-to-one hours (£32,000), not 1,500 x £21.40
    = £32,100, and the costs schedule note asks for one figure (the line at £32,100 or £21.33 an hour)."""
    ob = read_termsheet(GREYSTONE, catalogue).model.open_book
    [v] = ob.variable_lines
    assert v["amount"] == Decimal("32000") and v["computed"] == Decimal("32100.00") and v["differs"]
    assert ob.core_rebase["var_cost"] == Decimal("32000")
    d = _load(catalogue, GREYSTONE)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert '(£32,000, the line "Additional one-to-one support hours" in Part 1 of Schedule 2)' in body
    n = flat(note(d, "common.open-book-schedule-costs"))
    assert "come to £32,100" in n and "or the variable cost at £21.33 an hour" in n


def test_matching_one_to_one_line_gives_no_note(catalogue):
    """Quiet: with the line restated at £32,100 the figures agree and no note is added."""
    text = GREYSTONE.read_text().replace('"Additional one-to-one support hours", amount: 32000}',
                                         '"Additional one-to-one support hours", amount: 32100}')
    text = text.replace("direct_costs: 948,000", "direct_costs: 948,100")
    d = _load(catalogue, GREYSTONE, text)
    assert "so that the draft uses one figure" not in flat(note(d, "common.open-book-schedule-costs"))
