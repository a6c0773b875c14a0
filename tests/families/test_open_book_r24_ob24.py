"""r24 open-book review (Greystone, two care homes, places-available apportionment, a Support Price not re-based):
the findings the ob24 lane fixed."""

from __future__ import annotations

from decimal import Decimal

from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_ALDERBECK, OB_GREYSTONE, open_book_doc, open_book_document


def test_home_exit_takes_out_its_place_share_and_its_support_cost(catalogue):
    """ob-fresh 1 and 2: a released place's share of the shared costs is its place-weeks of the Council's 728 (the
    basis clause 11.1 apportions on), not of the 686 expected weeks (£28,846.15 on the £1,000,000 shared, not £30,609.18); when a home leaves,
    its 52 x places come out of the shared costs and the one-to-one direct cost leaves with the Support Price income,
    so the factor stays near one (0.9916 / 1.0097), not the 1.0231 / 1.0431 that kept the £32,100 cost in."""
    cr = read_termsheet(OB_GREYSTONE, catalogue).model.open_book.core_rebase
    assert cr["divisor"] == 728 and cr["expected"] == 686
    assert cr["steps"][0]["deducted"] == Decimal("28846.15")
    assert {h["home"]: h["factor"] for h in cr["home_ends"]} == {"Ashby Fold": Decimal("1.0097"),
                                                                 "Kilnhurst House": Decimal("0.9916")}
    d = open_book_doc(catalogue, OB_GREYSTONE)
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
    cr = read_termsheet(OB_ALDERBECK, catalogue).model.open_book.core_rebase
    assert cr["divisor"] == cr["expected"] == 1248
    assert cr["steps"][0]["deducted"] == Decimal("54212.67")


def test_one_to_one_cost_is_one_figure_and_a_differing_line_is_flagged(catalogue):
    """ob-fresh 6: the re-basing uses the cost model's own line for the one-to-one hours (£32,000), not 1,500 x £21.40
    = £32,100, and the costs schedule note asks for one figure (the line at £32,100 or £21.33 an hour)."""
    ob = read_termsheet(OB_GREYSTONE, catalogue).model.open_book
    [v] = ob.variable_lines
    assert v["amount"] == Decimal("32000") and v["computed"] == Decimal("32100.00") and v["differs"]
    assert ob.core_rebase["var_cost"] == Decimal("32000")
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert '(£32,000, the line "Additional one-to-one support hours" in Part 1 of Schedule 2)' in body
    n = flat(note(d, "common.open-book-schedule-costs"))
    assert "come to £32,100" in n and "or the variable cost at £21.33 an hour" in n


def test_matching_one_to_one_line_gives_no_note(catalogue):
    """Quiet: with the line restated at £32,100 the figures agree and no note is added."""
    text = OB_GREYSTONE.read_text().replace('"Additional one-to-one support hours", amount: 32000}',
                                         '"Additional one-to-one support hours", amount: 32100}')
    text = text.replace("direct_costs: 948,000", "direct_costs: 948,100")
    d = open_book_document(catalogue, text)
    assert "so that the draft uses one figure" not in flat(note(d, "common.open-book-schedule-costs"))


def test_section_117_residents_are_not_charged_and_the_joint_funder_share_is_recovered(catalogue):
    """ob-fresh 3: after-care under s.117 is free (Stennett), so 9.1 charges only Care Act care, 9.5 (CHC) does not
    reach after-care needs, and the new joint_funder field says how the ICB's half reaches the Provider: here the
    Council pays the whole Price and recovers the share, the ICB not being a party."""
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.residents", flat=True)
    assert "No contribution is charged for after-care services under section 117 of the Mental Health Act 1983." in body
    assert "This clause does not apply to needs that after-care services under section 117" in body
    assert ('(the "ICB") funds 50% of the Prices for the Placements of residents receiving after-care services' in body
            and "The Council pays those Prices in full to the Provider and recovers that share from the ICB" in body
            and "The ICB is not a party to this Agreement." in body)
    assert "Stennett [2002] UKHL 34" in flat(note(d, "open-book.residents"))
    assert "nor is a payment by" not in clause_text(d, "open-book.scope", flat=True)


def test_joint_funder_paying_directly_is_service_income(catalogue):
    """ob-fresh 3 (the other arrangement): the ICB pays its share to the Provider; 11.3 counts it as Service Income."""
    text = OB_GREYSTONE.read_text().replace("    share_percent: 50\n", "    share_percent: 50\n    pays: direct\n")
    d = open_book_document(catalogue, text)
    body = clause_text(d, "open-book.residents", flat=True)
    assert "except the share the ICB pays under clause 9.6" in body and "The ICB pays that share to the Provider" in body
    assert ("nor is a payment by NHS Stannerley and Wolde Valley Integrated Care Board of its share of the Prices "
            "under clause 9.6, which is Service Income") in clause_text(d, "open-book.scope", flat=True)


def test_no_section_117_no_after_care_text(catalogue):
    """Quiet: a care-home sheet without after-care keeps the Care Act charging sentence and no joint-funding clause."""
    sheet = read_termsheet(ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml", catalogue)
    assert not sheet.model.services.section_117 and sheet.model.services.joint_funder is None
    body = clause_text(open_book_doc(catalogue, ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"),
                       "open-book.residents", flat=True)
    assert "section 117" not in body and "under sections 14 and 17 of the Care Act 2014" in body


def test_index_cap_sits_on_the_measure_the_words_attach_it_to(catalogue):
    """ob-fresh 4 and 13: 'CPIH ..., capped at 5%, for 30% of each Price, and the national living wage ... for the
    other 70%' caps CPIH only, so C is 'the lower of 5% and' CPIH and the result is not capped; the clause 29 note
    names the cap without pasting the indexation words."""
    sv = read_termsheet(OB_GREYSTONE, catalogue).model.services
    assert sv.index_cap_part == "cpih" and not sv.index_cap_last
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.price-review", flat=True)
    assert "where C is the lower of 5% and the percentage change in the Consumer Prices Index" in body
    assert "if the result is more than 5%" not in body
    assert "with the 5% cap on CPIH alone, where the instructions put it" in flat(note(d, "open-book.price-review"))
    n = flat(note(d, "open-book.change-in-law"))
    assert "held back by the review's 5% cap on CPIH:" in n and "cap (5%, for 30%" not in n


def test_overall_cap_stays_on_the_result(catalogue):
    """Quiet: 'capped at 6% overall' still caps the result."""
    text = OB_GREYSTONE.read_text().replace(
        "CPIH for the 12 months to the previous December, capped at 5%, for 30% of each Price, and the\n"
        "    percentage change in the National Living Wage from the previous April for the other 70%",
        "CPIH for the 12 months to the previous December for 30% of each Price, and the percentage change in\n"
        "    the National Living Wage from the previous April for the other 70%, capped at 6% overall")
    sv = read_termsheet_text(catalogue, text).model.services
    assert sv.index_cap_part is None and sv.index_cap == 6
    body = clause_text(open_book_document(catalogue, text), "open-book.price-review", flat=True)
    assert "if the result is more than 6%, the rate is 6%" in body and "the lower of" not in body


def read_termsheet_text(catalogue, text):
    import tempfile
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        p = Path(tmp) / "sheet.yaml"
        p.write_text(text)
        return read_termsheet(p, catalogue)


def test_cap_after_the_last_measure_is_flagged(catalogue):
    """ob-fresh 4: a cap after the last measure with nothing saying it caps the whole is read as capping the result,
    and the note asks whether it caps that measure only."""
    text = OB_GREYSTONE.read_text().replace(
        "CPIH for the 12 months to the previous December, capped at 5%, for 30% of each Price, and the\n"
        "    percentage change in the National Living Wage from the previous April for the other 70%",
        "CPIH for the 12 months to the previous December for 30% of each Price, and the percentage change in\n"
        "    the National Living Wage from the previous April for the other 70%, capped at 5%")
    sv = read_termsheet_text(catalogue, text).model.services
    assert sv.index_cap_part is None and sv.index_cap_last
    n = flat(note(open_book_document(catalogue, text), "open-book.price-review"))
    assert "could also be read as capping only the measure named last" in n


def test_directors_pay_follows_the_disallowed_cost_limit(catalogue):
    """ob-fresh 7: the sheet disallows directors' fees above the Registered Manager salary, so 11.4 counts a
    director's pay only up to that limit, not a market salary (two different caps)."""
    body = clause_text(open_book_doc(catalogue, OB_GREYSTONE), "open-book.scope", flat=True)
    assert "count only up to the limit on directors' pay in clause 10.6" in body
    assert "market salary" not in body


def test_directors_pay_market_salary_without_a_limit(catalogue):
    """Quiet: without a directors' pay limit among the Disallowed Costs the market-salary test stays."""
    path = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"
    assert not read_termsheet(path, catalogue).model.open_book.director_pay_limited
    assert "market salary for the role" in clause_text(open_book_doc(catalogue, path), "open-book.scope", flat=True)


def test_adult_care_home_has_a_registered_manager_and_staffing_clause(catalogue):
    """ob-fresh 8: the clause 1 note's assumption (b) (3 months to apply to register a new manager) now has a
    clause: a CQC-registered manager for each home, notice and an acting manager; and a staffing duty."""
    body = clause_text(open_book_doc(catalogue, OB_GREYSTONE), "open-book.regulatory", flat=True)
    assert "has a manager registered with the Care Quality Commission for it" in body
    assert "apply to register a new manager within [3] months" in body
    assert "suitably qualified, competent and experienced staff" in body


def test_supported_living_has_no_care_home_manager_clause(catalogue):
    """Quiet: supported living is registered at a branch; the care-home manager paragraph does not appear."""
    path = ROOT / "samples" / "open-book" / "supported-living-company.yaml"
    body = clause_text(open_book_doc(catalogue, path), "open-book.regulatory", flat=True)
    assert "has a manager registered with the Care Quality Commission for it" not in body


def test_minimum_core_places_reading_is_stated_with_the_other_reading(catalogue):
    """ob-fresh 5, as changed by r26 ob-fresh 1: without minimum_core_basis the minimum is a total across the homes
    (the note says how many places may go); minimum_core_basis: each_home keeps the per-home reading and its note."""
    n = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.voids"))
    assert "The instructed minimum is a total across the two homes" in n
    assert "The instructed minimum applies at each home" not in n
    assert "If the Council meant three at each home (six in all), the clause must say so." in n
    text = OB_GREYSTONE.read_text(encoding="utf-8")
    assert "  minimum_core_places: 3\n" in text
    each = document_of(catalogue, text.replace("  minimum_core_places: 3\n",
                                               "  minimum_core_places: 3\n  minimum_core_basis: each_home\n", 1))
    n = flat(note(each, "open-book.voids"))
    assert "The instructed minimum applies at each home (six in all across the two homes)." in n
    assert "If the Council meant three in total, change the voids clause: it could then go down to three Core Places in all." in n


def test_core_places_shortfall_is_stated_where_losses_are_carried_forward(catalogue):
    """ob-fresh 9: the clause 7 note pointed to a losses note that (carried-forward variant) gives neither the
    shortfall nor the options; it now states them: £967,200 against £1,032,000, £64,800 short, 87.4% break-even."""
    n = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.voids"))
    assert "against budgeted Allowable Costs of £1,032,000 (£64,800 short)" in n and "87.4% occupancy" in n
    assert "the note on losses gives the shortfall" not in n


def test_leases_ending_on_one_date_after_the_term_are_stated_once(catalogue):
    """ob-fresh 10: two leases ending on the same date after the latest end of the term are stated once, and the
    note does not ask about extending only after a renewal that cannot arise."""
    n = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.term"))
    assert "leases of Ashby Fold and Kilnhurst House both end on 31 March 2036, after the Service Term could end" in n
    assert "lease of Ashby Fold ends on" not in n and "only once the lease has been renewed" not in n
