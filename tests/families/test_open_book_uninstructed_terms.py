"""Terms the sheet does not give are bracketed in the operative text and listed among the assumptions, and fields
let a sheet instruct them (r31 solicitors' reviews of the children's homes and home care samples)."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_CHARITY, OB_HOMECARE, open_book_doc

MIN = ("  minimum_core_ending: end_home", "  minimum_core_ending: end_home\n  reduction_notice_months: 3\n"
       "  home_end_rebase_cap: 4\n  core_rebase_catch_up: true\n")


def test_catch_up_reduction_notice_and_home_ending_cap_bracketed_and_listed(catalogue):
    """ob-sample 2: the 5.10 catch-up, the notice to reduce the Core Places and a limit on the factor when a home
    ends for a reason not the provider's are bracketed and listed among the assumptions."""
    doc = open_book_doc(catalogue, OB_CHARITY)
    pricing = flat(clause_text(doc, "open-book.pricing"))
    assert "[Where a factor is limited under clause 5.9(a) or clause 5.9(b), the part not applied is" in pricing
    assert "replaces any part not yet applied.]" in pricing
    assert "[where this Agreement otherwise ends for a home, may not be more than one plus 5%;]" in pricing
    voids = flat(clause_text(doc, "open-book.voids"))
    assert "may reduce the number of Core Places by giving at least [6] months' notice" in voids
    joined = " | ".join(doc.assumptions)
    assert "the [6] months' notice the Council must give to reduce the Core Places" in joined
    assert "the limit of [5%] on the re-basing where the agreement ends for a home" in joined
    n = flat(note(doc, "open-book.pricing"))
    assert "The draft limits it, in brackets, to one plus 5% (clause 5.9(d)), which is not instructed" in n
    assert "it would hold the factor for Rowan House, St Brigid's House and The Willows to 1.05" in n


def test_instructed_notice_cap_and_catch_up_print_unbracketed(catalogue):
    """Quiet: where the sheet gives them, the figures print as given, unbracketed, and are not assumptions."""
    doc = open_book_doc(catalogue, OB_CHARITY, MIN)
    pricing = flat(clause_text(doc, "open-book.pricing"))
    assert "[Where a factor is limited" not in pricing and "Where a factor is limited under" in pricing
    assert "where this Agreement otherwise ends for a home, may not be more than one plus 4%;" in pricing
    assert "[where this Agreement otherwise ends" not in pricing
    assert "by giving at least 3 months' notice" in flat(clause_text(doc, "open-book.voids"))
    joined = " | ".join(doc.assumptions)
    assert "months' notice the Council must give to reduce" not in joined
    assert "on the re-basing where the agreement ends for a home" not in joined
    assert "As instructed, the factor is limited to one plus 4%" in flat(note(doc, "open-book.pricing"))


def test_run_off_ending_of_a_home_rebases_the_prices(catalogue):
    """ob-sample 4: a home that ends by run-off after the minimum clause is a trigger for re-basing (bracketed where
    the run-off is itself the bracketed option); the limit for an ending that is not the provider's covers it."""
    bracketed = flat(clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.pricing"))
    assert ("clause 29.4[, or when this Agreement ends for a home under clause 7.7 because the last of its remaining "
            "Placements has ended], each of the Prices") in bracketed
    run_off = open_book_doc(catalogue, OB_CHARITY, ("  minimum_core_ending: end_home", "  minimum_core_ending: run_off"))
    text = flat(clause_text(run_off, "open-book.pricing"))
    assert ("clause 29.4, or when this Agreement ends for a home under clause 7.7 because the last of its remaining "
            "Placements has ended, each of the Prices") in text


def test_shared_cost_savings_on_a_home_ending_are_deducted(catalogue):
    """ob-sample 5: savings in the shared costs that a home's ending makes are deducted, not only its own costs."""
    text = flat(clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.pricing"))
    assert "of the costs shared by the Homes, what the Trust saves" in text
    assert "could reasonably save because this Agreement has ended for each is also deducted" in text


def test_double_handed_visits_count_each_care_worker(catalogue):
    """ob-homecare 4: the hourly price counts each care worker on a double-handed visit, so the visit records clause
    says so; instructed false, the visit counts once; with nothing said, the words are bracketed and the note asks."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    body = flat(clause_text(doc, "open-book.core-support"))
    assert ("on a visit the Care Plan requires two care workers to attend, each care worker's time counts separately, "
            "each up to the length planned for the visit;") in body
    assert "as the hourly Prices say" in flat(note(doc, "open-book.core-support"))
    once = open_book_doc(catalogue, OB_HOMECARE, ("    guarantee_review_weeks: 12\n",
                                                  "    guarantee_review_weeks: 12\n    double_up_each_worker: false\n"))
    assert "requires two care workers to attend counts once" in flat(clause_text(once, "open-book.core-support"))
    silent = open_book_doc(catalogue, OB_HOMECARE, ("(each care worker on a double-handed visit counted)", ""),
                           every=True)
    assert "[on a visit the Care Plan requires two care workers" in flat(clause_text(silent, "open-book.core-support"))
    assert "The instructions do not say how a visit by two care workers counts" in \
        flat(note(silent, "open-book.core-support"))


def test_capacity_refusals_need_reasonable_endeavours_and_are_reported(catalogue):
    """ob-homecare 5: above the guarantee a referral may be refused for want of care workers only after reasonable
    endeavours, and each refusal is reported monthly."""
    body = flat(clause_text(open_book_doc(catalogue, OB_HOMECARE), "open-book.support"))
    assert "but only after using all reasonable endeavours (including recruiting care workers" in body
    assert "Each month it must give the Council a list of the requests it refused" in body


def test_change_in_law_erosion_rule_and_fair_pay_limit(catalogue):
    """ob-homecare 3 and 8: the index rise meets the ordinary cost rise first, only the excess erodes a change-in-law
    adjustment; the fair pay agreement pass-through is bounded by a bracketed yearly limit. ob-homecare 9: the ERA
    2025 note says Part 2A is amended, not inserted. Quiet: a children's home has neither."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    body = flat(clause_text(doc, "open-book.change-in-law"))
    assert "multiplied by the review factor for each review date under clause 8.1 that has passed" in body
    assert "[The adjustments under clause 28.1 for a fair pay agreement for adult social care may not together" in body
    n = flat(note(doc, "open-book.change-in-law"))
    assert "amend and extend Part 2A of the Employment Rights Act 1996 (zero hours workers)" in n
    assert "a new Part 2A" not in n
    assert any("[5%] yearly limit on the rise in the Prices from a fair pay agreement" in a for a in doc.assumptions)
    kids = flat(clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.change-in-law"))
    assert "fair pay agreement" not in kids


def test_director_salary_placeholders_name_what_is_missing(catalogue):
    """ob-homecare 7: the sheet gives the number of directors but not their pay, so each salary is a named
    placeholder."""
    text = flat(clause_text(open_book_doc(catalogue, OB_HOMECARE), "common.open-book-schedule-costs"))
    assert "Declan Featherstone (Managing Director), £[salary of Declan Featherstone] a year" in text
    assert "[name of the other director], £[that director's salary] a year" in text


def test_rolling_12_months_defined_only_where_a_kpi_uses_it(catalogue):
    """ob-sample 13: "Rolling 12 months" is defined only where the table measures a KPI over it."""
    quiet = flat(clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.performance"))
    assert "Rolling 12 months" not in quiet
    used = open_book_doc(catalogue, OB_CHARITY, ('target: "85% by June 2029"', 'target: "85%"'))
    assert "[rolling 12 months]" in flat(clause_text(used, "open-book.schedule-services"))
    assert '"Rolling 12 months" means the 12 months ending with the interval reported' in \
        flat(clause_text(used, "open-book.performance"))
