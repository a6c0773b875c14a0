"""r33 ob-fresh (a mental health step-down care home, section 117 after-care jointly funded by the Council and an
ICB): no charging for any part of an after-care placement, the instructed hospital hold applies to Core Places,
section 73 of the Care Act 2014 does not reach section 117 placements, the existing contract is varied for the
homes, and notes that misread the sheet (an Administrator line, Annex 1 paragraph 6, rolling 12-month KPIs). Tested
on variants of the r24 Greystone fixture (two care homes, section 117, an ICB share, an eight-week hospital limit)
and the samples."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat, note
from tests.families.conftest import OB_ADULT, OB_ALDERBECK, OB_GREYSTONE, open_book_doc, open_book_model


def test_section_117_placements_are_not_charged_whoever_funds_them(catalogue):
    """r33 ob-fresh 2: both shares of a s.117 placement are after-care (Stennett), so 9.1 charges nothing towards it;
    the joint-funder sentence no longer pastes the sheet's 'placements' wording after 'is one of'."""
    body = clause_text(open_book_doc(catalogue, OB_GREYSTONE), "open-book.residents", flat=True)
    assert ("No contribution is charged towards a Placement, or any part of it, that meets a Placed Person's needs for "
            "after-care services under section 117 of the Mental Health Act 1983, whichever of the Council and the ICB "
            "funds it. The Council may assess and collect a contribution under sections 14 and 17 of the Care Act 2014 "
            "only towards care and support that meets needs which are not after-care needs.") in body
    assert "whose Placement is one of" not in body
    assert "the part of the cost the Council meets as care and support" in body
    n = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.residents"))
    assert "the council's share of a section 117 placement is after-care too" in n


def test_care_act_charging_stays_where_there_is_no_after_care(catalogue):
    body = clause_text(open_book_doc(catalogue, OB_ADULT), "open-book.residents", flat=True)
    assert "It assesses and collects any contribution the Placed Person must make" in body
    assert "whichever of the Council" not in body


def test_hospital_limit_releases_a_core_place_but_not_its_payment(catalogue):
    """r33 ob-fresh 3: the instructed eight-week hold applies to the Core Places (the placement ends, the payment
    for the Core Place goes on); the r23 position (kept until notice) only where absence_core_kept says so."""
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.pricing", flat=True)
    assert "The limit applies to each of the Core Places as to any other place." in body
    assert "so the Council goes on paying for it and may refer another person to it" in body
    assert "limit does not apply to one of the Core Places" not in body
    assert "take instructions on keeping a Core Place for the resident instead" in flat(note(d, "open-book.pricing"))
    kept = clause_text(open_book_doc(catalogue, OB_GREYSTONE, ("  absence_weeks: 8\n",
                                                             "  absence_weeks: 8\n  absence_core_kept: true\n")),
                       "open-book.pricing", flat=True)
    assert "The eight-week limit does not apply to one of the Core Places" in kept
    assert "The limit applies to each of the Core Places" not in kept
    alder = clause_text(open_book_doc(catalogue, OB_ALDERBECK), "open-book.pricing", flat=True)
    assert "The six-week limit does not apply to one of the Core Places" in alder


def test_a_derived_word_falls_within_its_category(catalogue):
    """r33 ob-fresh 10: 'Administrator' is within 'Administrative staff pay'; a word with no shared root still counts."""
    def add(line, category):
        def change(data):
            data["open_book"]["allowable_costs"].append(category)
            data["open_book"]["cost_model"]["direct_lines"][3]["item"] = line
        return change
    quiet = open_book_model(catalogue, OB_GREYSTONE, add("Administrator (0.6 FTE) (pay, National Insurance, pensions)",
                                                         "Administrative staff pay, employer's National Insurance"))
    assert not [m for _, ln, m in quiet.open_book.lines_outside_categories if "Administrator" in ln.item]
    fires = open_book_model(catalogue, OB_GREYSTONE, add("Administrator (0.6 FTE) (pay, National Insurance, pensions)",
                                                         "Clerical staff pay, employer's National Insurance"))
    assert [m for _, ln, m in fires.open_book.lines_outside_categories if "Administrator" in ln.item] == [["administrator"]]


def test_annex_1_paragraph_6_is_not_read_as_schedule_1_paragraph_6(catalogue):
    """r33 ob-fresh 11: the recognised legitimate interest (UK GDPR Annex 1 paragraph 6) is not the DPA 2018
    Schedule 1 paragraph 6 statutory purposes condition; a sheet naming the latter still gets the check."""
    annex = open_book_doc(catalogue, OB_GREYSTONE, ("and 6(1)(f); health data", "and 6(1)(f), and Article 6(1)(ea) "
                                                    "with Annex 1 paragraph 6 for safeguarding; health data"))
    assert "The table relies on Schedule 1 paragraph 6" not in flat(note(annex, "common.schedule-data-sharing"))
    sch1 = open_book_doc(catalogue, OB_GREYSTONE, ("with Schedule 1 paragraph 18\n",
                                                   "with Schedule 1 paragraph 6 and paragraph 18\n"))
    assert "The table relies on Schedule 1 paragraph 6" in flat(note(sch1, "common.schedule-data-sharing"))


def test_section_73_does_not_reach_after_care(catalogue):
    """r33 ob-fresh 9: with s.117 after-care, the clause and note say s.73 does not reach it and the contractual
    promise protects those residents; quiet without s.117."""
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.compliance-with-law", flat=True)
    assert "Section 73 does not apply to after-care services under section 117 of the Mental Health Act 1983" in body
    assert "YL v Birmingham City Council [2007] UKHL 27" in flat(note(d, "open-book.compliance-with-law"))
    quiet = clause_text(open_book_doc(catalogue, OB_ADULT), "open-book.compliance-with-law", flat=True)
    assert "Section 73 does not apply to after-care" not in quiet


def test_existing_contract_is_varied_for_the_homes(catalogue):
    """r33 ob-fresh 13: a live spot contract at other fees for the same beds is varied so no place at the homes is
    bought under it."""
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "open-book.placements", flat=True)
    assert "the Existing Contract is varied so that no placement at the Homes is made or paid for under it" in body
    assert "short deed of variation or termination" in flat(note(d, "open-book.placements"))


def test_business_interruption_cover_where_the_core_places_stop_with_the_home(catalogue):
    """r33 ob-fresh 7: no Prices while a home is damaged, even without the provider's fault, so a care home with Core
    Places gets a bracketed business interruption paragraph and a note; quiet without Core Places."""
    d = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(d, "common.insurance", flat=True)
    assert "must also maintain business interruption insurance that pays, for at least [12] months" in body
    assert "the alternative that the Council goes on paying for the Core Places" in flat(note(d, "common.insurance"))
    quiet = open_book_doc(catalogue, OB_ADULT)
    assert "business interruption" not in clause_text(quiet, "common.insurance", flat=True)
    assert "business interruption" not in flat(note(quiet, "common.insurance"))


def test_london_living_wage_note_names_the_london_rate(catalogue):
    """r33 ob-fresh 6: with a London Living Wage pay floor the compliance note names that wage and its rate, checks
    the sheet's lowest hourly pay against it and takes instructions on a rise above the review; quiet without."""
    d = open_book_doc(catalogue, OB_GREYSTONE, ("  absence_weeks: 8\n", "  absence_weeks: 8\n  pay_floor: london_living_wage\n"
                                                "  lowest_hourly_pay: 15.40\n"))
    n = flat(note(d, "open-book.compliance-with-law"))
    assert "As instructed, the pay floor is the London Living Wage, not the national living wage" in n
    assert "£14.80 an hour" in n and "the lowest rate the cost model pays is £15.40 an hour: confirm" in n
    low = open_book_doc(catalogue, OB_GREYSTONE, ("  absence_weeks: 8\n", "  absence_weeks: 8\n  pay_floor: london_living_wage\n"
                                                  "  lowest_hourly_pay: 14.10\n"))
    assert "£14.10 an hour, already below it: re-price before signing" in flat(note(low, "open-book.compliance-with-law"))
    quiet = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.compliance-with-law"))
    assert "the pay floor is the" not in quiet


def test_deed_note_says_who_may_execute_for_a_company(catalogue):
    """r33 ob-fresh 14: a chief executive named to sign a company's deed signs only as a director or attorney; the
    council's named officer attests the seal only if the constitution says so. Quiet for the provider where the named
    signatory is a director."""
    deed = ("document:\n", "document:\n  deed: true\n")
    ceo = open_book_doc(catalogue, OB_GREYSTONE, deed, ("    position: Managing Director\n",
                                                        "    position: Chief Executive\n"))
    n = flat(note(ceo, "open-book.recitals"))
    assert "The instructions name Martin Greystone-Hale (Chief Executive) to sign for" in n
    assert "section 44 of the Companies Act 2006" in n
    assert "attests the seal only if the constitution names that officer" in n
    director = flat(note(open_book_doc(catalogue, OB_GREYSTONE, deed), "open-book.recitals"))
    assert "section 44 of the Companies Act 2006" not in director


def test_referrals_in_business_days_through_a_named_route(catalogue):
    """r33 ob-fresh 15: an answer in working days says Business Days, and the referral route the sheet names is in the
    clause; quiet: hours, and no route sentence, where the sheet gives neither."""
    d = open_book_doc(catalogue, OB_GREYSTONE, ("  absence_weeks: 8\n", "  absence_weeks: 8\n"
                                                "  referral_response_business_days: 2\n  referral_route: through the "
                                                "Council's step-down panel\n"))
    body = clause_text(d, "open-book.services", flat=True)
    assert "Referrals are made through the Council's step-down panel." in body
    assert "within 2 Business Days after receiving a Referral whether it can offer a Placement" in body
    assert "2 Business Days (as instructed)" in flat(note(d, "open-book.services"))
    quiet = open_book_doc(catalogue, OB_GREYSTONE)
    body = clause_text(quiet, "open-book.services", flat=True)
    assert "Referrals are made" not in body and "hours after receiving a Referral" in body
    assert "if the instructions mean working days, say so" in flat(note(quiet, "open-book.services"))


def test_publication_note_works_out_the_value_against_five_million(catalogue):
    """r33 ob-fresh 19: the section 53 note gives the agreement's value from the cost model and term and says what is
    published and when, leaving only the light touch exception to check."""
    n = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "common.freedom-of-information"))
    assert "this Agreement is worth about £" in n
    assert "a contract details notice within 30 days after entering into it, or 120 days for a light touch contract" in n
