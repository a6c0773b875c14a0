"""r27 open-book review of the Caldmoor adults' homes (r27/ob-fresh.report.md): the findings the obH lane fixed."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT
from tests.families.clause_texts import all_text, clause_text, document_of, flat, note
from tests.families.conftest import OB_CALDMOOR_PLAIN, OPEN_BOOK_SAMPLES, open_book_doc


def test_finding7_rebase_refers_to_units_removed_and_drops_cancelling_share(catalogue):
    """ob-fresh 7: 6.1(d) refers to the clause that removes units; the Council's share that cancelled is gone."""
    t = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band"), "open-book.price-review"))
    assert "share of the Service Income" not in t
    assert "less the units removed under clause" in t
    assert "less any units removed" not in t
    n = note(open_book_doc(catalogue, "adult-care-sharing-band"), "open-book.price-review")
    assert "Neither side is scaled by the Council's share of the Service Income" in n
    assert "(the share the Council paid for)" not in n


LISTED = ("    - Residents' food, activities and transport\n",
          "    - Residents' food, activities and transport\n"
          "    - Central overheads (finance, payroll, HR, IT and governance) up to the overhead cap\n")


def test_finding12_overheads_follow_the_listed_categories(catalogue):
    """ob-fresh 12 (and ob-homecare 6): where the sheet lists overhead categories, the definition of Overheads
    points to them and no longer adds premises the list leaves out."""
    doc = open_book_doc(catalogue, "adult-care-sharing-band", LISTED)
    t = flat(all_text(doc))
    assert "central costs, in the categories listed for Overheads in Schedule 2, fairly allocated" in t
    assert "premises not used for the Open-Book Services" not in t
    assert "Central overheads (finance, payroll, HR, IT and governance)" in flat(
        clause_text(doc, "common.open-book-schedule-costs"))


def test_finding12_quiet_without_listed_overheads(catalogue):
    """Quiet: a sheet that lists no overhead categories keeps the general description the Schedule relies on."""
    t = flat(all_text(open_book_doc(catalogue, "adult-care-sharing-band")))
    assert "premises not used for the Open-Book Services" in t
    assert "in the categories listed for Overheads" not in t


def test_finding9_index_fallback_sits_in_the_rebasing_review_with_one_floor(catalogue):
    """ob-fresh 9: the discontinued-index fallback is in the review clause, not the pricing clause, and the
    overlapping bracketed "Prices do not fall" sentence is gone; the floor is stated in the review clause only."""
    d = open_book_doc(catalogue, "adult-care-sharing-band")
    review = flat(clause_text(d, "open-book.price-review"))
    assert "If the Office for National Statistics stops publishing an index named in clause" in review
    pricing = flat(clause_text(d, "open-book.pricing"))
    assert "stops being published" not in pricing and "stops publishing" not in pricing
    assert "do not fall because of the index alone" not in flat(all_text(d))


def test_finding9_first_review_floor_follows_the_floor_choice(catalogue):
    """The index-alone first review does not fall only where a floor is chosen (bracketed unless instructed)."""
    floored = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band",
                                    ("  scope: whole_homes\n", "  scope: whole_homes\n  price_floor_zero: true\n")),
                               "open-book.price-review"))
    assert "The factor is never less than one" in floored
    assert "from that date, but do not fall if the index falls." in floored  # instructed: no brackets
    proposed = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band"), "open-book.price-review"))
    assert "from that date[, but do not fall if the index falls]." in proposed  # floor proposed in brackets
    plain = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band",
                                  ("  scope: whole_homes\n", "  scope: whole_homes\n  price_floor_zero: false\n")),
                             "open-book.price-review"))
    assert "do not fall if the index falls" not in plain and "never less than one" not in plain


def test_finding8_costs_saved_are_deducted_after_the_price_adjustment(catalogue):
    """ob-fresh 8: costs saved are deducted at the costs current when the change takes effect, after the budget is
    brought up to the current Prices, so later price changes do not scale the saving."""
    for name in ("adult-care-sharing-band", "childrens-homes-charity"):
        body = flat(clause_text(open_book_doc(catalogue, name), "open-book.pricing"))
        adjust = body.index("adjust the result in the same proportion as the Prices have changed since")
        saved = body.index("has saved, will save once any notice to staff has run, or could reasonably save")
        assert adjust < saved, name
        assert "valued at the costs current when this change takes effect, as the Parties agree" in body
        assert "deducted in the previous step" not in body


def test_finding4_collar_note_gives_the_shortfall_and_asks_about_a_pass_through(catalogue):
    """ob-fresh 4: the note puts a figure on what the collar leaves with the provider on a 10% overrun and
    asks for instructions on passing through costs outside its control."""
    d = open_book_doc(catalogue, "adult-care-sharing-band")
    n = flat(note(d, "open-book.price-review"))
    assert "a year less than those costs and the Reasonable Profit, and" in n
    assert "take instructions on letting through the excess that comes from pay rates" in n
    quiet = flat(note(open_book_doc(catalogue, "adult-care-sharing-band",
                           ("open_book_price_review: rebase", "open_book_price_review: index")), "open-book.price-review"))
    assert "letting through the excess" not in quiet


def test_finding11_insurance_paragraphs_cited_by_reference(catalogue):
    """ob-fresh 11: the sentence bringing the abuse and motor cover into the insurance clause cites them by number."""
    for name in ("adult-care-sharing-band", "home-care-zones"):
        body = flat(clause_text(open_book_doc(catalogue, name), "open-book.liability"))
        assert "two paragraphs above" not in body
        assert "The cover that clause " in body and " require is part of the insurance required by clause" in body


def test_finding15_core_places_payment_lists_every_suspension(catalogue):
    """ob-fresh 15: the Core Places payment is subject to every clause that suspends it: the pricing suspension,
    use by another purchaser, NHS Continuing Healthcare (care homes) and the suspension of Referrals."""
    body = flat(clause_text(open_book_doc(catalogue, "caldmoor"), "open-book.voids"))
    first = body[:body.index(", the Council must pay")]
    assert first == "Subject to clause 5.6, clause 7.2, clause 9.5 and clause 30.5", first
    kids = flat(clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "open-book.voids"))
    first = kids[:kids.index(" must pay")]
    assert first.count("clause") == 3, first  # quiet: no care-home NHS funding clause for a children's home


def test_finding17_small_numbers_rule_covers_counts(catalogue):
    """ob-fresh 17: KPIs given as counts ("All residents", "12 of 14") get the small-numbers rule, not only
    percentage targets."""
    body = flat(clause_text(open_book_doc(catalogue, "caldmoor"), "open-book.performance"))
    assert ("A Service KPI whose target is a percentage or proportion of the people or events it "
            "counts is not failed in a reporting period in which fewer than [5] cases fall within its measure.") in body


def test_finding17_quiet_where_no_target_counts(catalogue):
    """Quiet: a sheet whose KPI targets are ratings, not counts or percentages, gets no small-numbers rule."""
    import re
    text = re.sub(r"(?m)^(\s+target:).*$", r"\1 Good or Outstanding at its next inspection", OB_CALDMOOR_PLAIN.read_text(encoding="utf-8"))
    body = flat(clause_text(document_of(catalogue, text), "open-book.performance"))
    assert "fewer than [5] cases" not in body


def test_finding19_invoices_show_empty_core_places(catalogue):
    """ob-fresh 19: the monthly invoice shows each Core Place charged while empty; quiet without Core Places."""
    body = flat(clause_text(open_book_doc(catalogue, "caldmoor"), "open-book.pricing"))
    assert ("showing each Placement, each of the Core Places charged under clause 7.1 while no Placement uses it, "
            "the number of units provided and the Prices charged.") in body
    quiet = flat(clause_text(open_book_doc(catalogue, "adult-care-sharing-band"), "open-book.pricing"))
    assert "showing each Placement, the number of units provided" in quiet


def test_finding18_regulatory_note_fits_the_provider_and_the_service(catalogue):
    """ob-fresh 18: the cl 4 note does not call a registered society a company, and names domiciliary care only
    for home care."""
    n = flat(note(open_book_doc(catalogue, "caldmoor"), "open-book.regulatory"))
    assert "A company's registration" not in n and "domiciliary care" not in n
    assert "A registered provider's registration for a care home" in n
    hc = flat(note(open_book_doc(catalogue, "home-care-zones"), "open-book.regulatory"))
    assert "adult care homes" not in hc
