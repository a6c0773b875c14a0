"""Home care across zones (obhc): services.setting 'home_care', guaranteed weekly hours per zone paid whether or
not used, further hours paid as delivered, call monitoring as the record, short-notice cancellations, travel time
and the National Minimum Wage. The r22 writer's home care sheet had to pretend each zone was a supported-living home."""

from __future__ import annotations

import re

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT, draft_of
from tests.families.clause_texts import clause_text, definition, document_of, flat, note
from tests.families.clause_texts import document_text
from pydantic import ValidationError
from tests.families.conftest import OB_HOMECARE, OB_LIVING, open_book_doc, open_book_document


@pytest.fixture(scope="module")
def result(catalogue):
    return assemble(read_termsheet(OB_HOMECARE, catalogue), catalogue, today=DRAFT_DATE)


def everything(result) -> str:
    """The draft's clauses, schedules, definitions and drafting notes as one flat string."""
    doc = result.document
    notes = [c.note for c in doc.all_clauses() if isinstance(c.note, str)]
    defs = [f"{d.term} {''.join(getattr(i, 'text', '') or getattr(i, 'display', '') or '' for i in d.inlines)}"
            for d in doc.definitions]
    return flat("\n".join([document_text(result), *notes, *defs]))


def test_no_housing_words_in_a_home_care_draft(result):
    """A home care draft speaks of Zones and Service Users, never of tenancies, vacancies, beds or landlords."""
    text = everything(result)
    for word in (r"tenan", r"vacan", r"\bbeds?\b", r"place at a home", r"landlord", r"\bplacements?\b",
                 r"Core Support", r"Individual Support"):
        assert not re.search(word, text, re.I), (word, re.search(rf".{{80}}{word}.{{40}}", text, re.I))


def test_the_guarantee_pays_the_greater_of_the_guaranteed_and_the_delivered_hours(result):
    doc = result.document
    text = clause_text(doc, "open-book.core-support", flat=True)
    assert "the Council must pay the Prices for each of the Zones for the greater of:" in text
    assert "Guaranteed Hours not used in a month are not carried forward and give the Council no credit" in text
    assert "Guaranteed Hours hours" not in text
    # hours the provider turns away come off the guarantee; use below the guarantee for 12 weeks triggers a review
    assert "deducted from the Guaranteed Hours paid for that Zone" in text
    assert "in each of 12 consecutive weeks, either Party may by notice require a review" in text
    # call monitoring is the record; the cancelled-visit rule uses the sheet's figures
    assert "on its electronic call monitoring system" in text
    assert "less than 24 hours before it is due to start, the Council must pay 100% of the Prices" in text
    n = note(doc, "open-book.core-support")
    assert "Zone 3 (Wold Valley): 1,100 hours a week at £29.85, £1,707,420 a year" in n
    assert "Zone 7 (Coastal North): 850 hours a week at £28.60, £1,264,120 a year" in n
    assert "as instructed" in n


def test_headings_and_zone_table(result):
    doc = result.document
    titles = {c.id: c.title for c in doc.all_clauses()}
    assert titles["open-book.support"] == "Home care in people's own homes"
    assert titles["open-book.core-support"] == "Payment for guaranteed hours, further hours and cancelled visits"
    schedule = clause_text(doc, "open-book.schedule-services")
    assert "Part 2: Zones" in schedule
    assert "1,100" in schedule and "£29.85" in schedule and "£28.60" in schedule
    # r27 ob-homecare finding 11: both tables head the zone's capacity the same way; it is not the people served
    assert schedule.count("People the Zone is sized for") == 1  # the zone table only: the registration table lists locations (home care sample review, finding 11)
    assert "People it serves" not in schedule and "People it is sized for" not in schedule


def test_travel_time_key_safes_lone_working_and_cqc(result):
    doc = result.document
    text = clause_text(doc, "open-book.support", flat=True)
    assert ("travelling between visits at no less than the hourly rate it pays for time spent on visits" in text)
    assert "as regulation 34 of the National Minimum Wage Regulations 2015 requires" in text
    assert "key-safe policy" in text and "lone-working policy" in text
    reg = clause_text(doc, "open-book.regulatory", flat=True)
    assert "the regulated activity of personal care at each location (branch)" in reg
    # r32 ob-homecare F11: no residential-template leftovers (a care home, where the person lives)
    assert "which is not a care home" not in reg
    assert "does not affect where the Service User lives" not in text


def test_scope_is_the_care_bought_not_the_zone(result):
    """A home care branch also serves people who pay for themselves: the open book covers only the care bought under
    the agreement, and shared branch costs follow the hours delivered (the sheet disallows private clients' costs)."""
    text = clause_text(result.document, "open-book.scope", flat=True)
    assert "Care Tillbrook provides to anyone else, whoever pays for it, is not part of the Open-Book Services" in text
    assert "in the proportion that the hours of care delivered under this Agreement from that branch" in text
    assert "at the places" not in everything(result)


def test_cancellation_and_travel_defaults(catalogue):
    """Without home_care_terms: visits cancelled within 24 hours are paid in full (the note asks to confirm), and
    travel time need only count towards the National Minimum Wage."""
    text = OB_HOMECARE.read_text()
    text = re.sub(r"  home_care_terms:\n(    .*\n)+", "", text)
    doc = document_of(catalogue, text)
    assert "this is the default, so confirm it" in note(doc, "open-book.core-support")
    body = clause_text(doc, "open-book.support", flat=True)
    assert "time they spend travelling between visits. It must count that time as working time" in body
    assert "ask the Council whether it wants the contact-time rate" in note(doc, "open-book.support")


def test_no_paid_cancellations(catalogue):
    text = OB_HOMECARE.read_text().replace("cancellation_paid: 100", "cancellation_paid: 0")
    doc = document_of(catalogue, text)
    assert "No Prices are payable for a visit a Service User cancels" in clause_text(doc, "open-book.core-support",
                                                                                   flat=True)


def test_supported_living_keeps_its_own_words(catalogue):
    """The home care branches leave supported living as it was."""
    res = assemble(read_termsheet(OB_LIVING, catalogue), catalogue, today=DRAFT_DATE)
    titles = {c.id: c.title for c in res.document.all_clauses()}
    assert titles["open-book.support"] == "Care and support for tenants"
    assert "Tenants" in document_text(res)
    assert "Zones" not in document_text(res)


def test_the_reconciliation_schedule_counts_the_guarantee(result):
    """The break-even point (68.1% of capacity) is below the guarantee (101,400 of 135,200 hours, 75%): the schedule
    and the note say no loss arises on the budget while the guarantee stands, instead of a loss below 68.1%."""
    text = flat(document_text(result))
    assert ("Below that Tillbrook would make a loss, but the guaranteed hours, paid for whether or not they are used, "
            "bring in £2,971,540 a year over 52 weeks (the hours guaranteed are 75% of the hours of capacity)") in text
    n = note(result.document, "open-book.core-support")
    assert "The guarantee pays for 101,400 hours a year, 75% of the 135,200 hours of capacity" in n
    assert "cannot make a loss while the guarantee stands" in n


def test_another_zone_word_and_one_zone(catalogue):
    """The sheet's own word for its areas ('Area') is used in the terms and the plain words, with one area."""
    text = OB_HOMECARE.read_text()
    text = re.sub(r"  home_care_terms:\n(    .*\n)+", "  home_care_terms:\n    zone_word: Area\n", text)
    text = re.sub(r"    - name: Zone 7 \(Coastal North\)\n(      .*\n)+?      guaranteed_hours: 850\n(      maximum_hours: .*\n)?", "", text)
    text = re.sub(r"    - service: Home care in Zone 7.*?variable_cost: 22.96\n", "", text, flags=re.S)
    doc = document_of(catalogue, text)
    body = clause_text(doc, "open-book.core-support", flat=True)
    assert "the Council must pay the Prices for each of the Areas for the greater of:" in body
    assert "in that Area" in body and "in an Area altogether" in body and "zone" not in body.replace("Zone 3", "")
    assert "Part 2: Areas" in clause_text(doc, "open-book.schedule-services")


@pytest.mark.parametrize("word, plural", [("Patch", "Patches"), ("Locality", "Localities")])
def test_zone_word_plural_is_spelled(catalogue, word, plural):
    """A zone word whose plural is not word + 's' prints its real plural in the terms and the heading."""
    text = re.sub(r"  home_care_terms:\n(    .*\n)+", f"  home_care_terms:\n    zone_word: {word}\n", OB_HOMECARE.read_text())
    doc = document_of(catalogue, text)
    assert f"Part 2: {plural}" in clause_text(doc, "open-book.schedule-services")
    body = clause_text(doc, "open-book.core-support", flat=True)
    assert f"for each of the {plural} for the greater of:" in body
    assert word + "s" not in body


def test_emergency_hours_above_a_care_plan_are_paid_unless_rejected(result):
    """r27 ob-homecare finding 4: extra hours in an emergency were allowed but never counted. One rule now
    reports them, lets the Council reject them within the sheet's days, and counts the rest at the Prices."""
    doc = result.document
    text = clause_text(doc, "open-book.core-support", flat=True)
    assert "If Tillbrook delivers more Planned Care hours than a Care Plan commissions because of an emergency:" in text
    assert "within 2 Business Days" in text
    assert "by notice given within 5 Business Days after the report" in text
    assert "extra hours reported and not rejected count as hours of Planned Care delivered for clause 9.1, " \
           "at the Prices for that Zone" in text
    assert "unless the Council agreed the longer visit in writing or the extra time counts under clause 9.4" in text
    assert "that period is this draft's assumption, so confirm it" in note(doc, "open-book.core-support")


def test_visit_tolerance_from_the_sheet(catalogue, tmp_path):
    """r27 ob-homecare finding 5: without a tolerance a visit is paid by the rounded minute and the note gives the
    figures; with one, a visit of at least that share of its planned length counts for the planned length."""
    from tests.families.clause_texts import clause_text as ct
    quiet = assemble(read_termsheet(OB_HOMECARE, catalogue), catalogue, today=DRAFT_DATE).document
    text = ct(quiet, "open-book.core-support", flat=True)
    assert "a visit counts for the time recorded, rounded to the nearest whole minute;" in text
    assert "counts for that planned length" not in text
    assert "a 30-minute visit that lasts 27 minutes is paid for 27 minutes (£13.43), not 30" in note(
        quiet, "open-book.core-support")
    source = OB_HOMECARE.read_text(encoding="utf-8")
    assert source.count("    guarantee_review_weeks: 12\n") == 1
    sheet = tmp_path / "home-care-tolerance.yaml"
    sheet.write_text(source.replace("    guarantee_review_weeks: 12\n", "    guarantee_review_weeks: 12\n"
                                    "    visit_tolerance: 85\n    emergency_reject_days: 3\n"), encoding="utf-8")
    doc = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    text = ct(doc, "open-book.core-support", flat=True)
    assert "rounded to the nearest whole minute, but a visit whose recorded time is at least 85% of the length " \
           "planned for it in the Care Plan counts for that planned length;" in text
    assert "within 3 Business Days after the report" in text
    n = note(doc, "open-book.core-support")
    assert "is paid for the planned length, as instructed" in n and "27 minutes" not in n
    assert "within 3 Business Days" in n and "that period is this draft's assumption" not in n


def test_price_review_note_compares_the_cost_model_pay_rate_with_the_national_living_wage(result, catalogue, tmp_path):
    """r27 ob-homecare finding 1: the note compares the sheet's lowest hourly pay with the verified national living
    wage from 1 April 2026, says the 1 April rise before a June start is never indexed, and asks for the 1 April
    2027 rate; without the field it asks for the rate instead."""
    n = flat(note(result.document, "open-book.price-review"))
    assert "is £12.71 an hour from 1 April 2026; the lowest rate the cost model pays care workers aged 21 and over, £13.40 an hour, " \
           "is 5.4% above it." in n
    assert "so the rise on 1 April 2027, before the service starts, is never indexed" in n
    assert "a rise of more than 5.4% would take the national living wage above £13.40" in n
    # r34s ob-homecare 5: the rate could not be confirmed from an official source, so the note keeps it to insert
    assert "The rate from 1 April 2027 is normally announced with the Autumn Budget in late November" in n
    assert "insert it, re-run the margin above against it, and tell the Council whether the cost model still works" in n
    source = OB_HOMECARE.read_text(encoding="utf-8")
    assert source.count("  lowest_hourly_pay: 13.40\n") == 1
    sheet = tmp_path / "no-pay-rate.yaml"
    sheet.write_text(source.replace("  lowest_hourly_pay: 13.40\n", ""), encoding="utf-8")
    doc = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    n = flat(note(doc, "open-book.price-review"))
    assert "do not give the lowest hourly rate the cost model pays care workers aged 21 and over, so ask for it" in n
    assert "above £13.40" not in n


def test_a_change_in_law_is_not_paid_again_by_the_review(result, catalogue, tmp_path):
    """r27 ob-homecare finding 2: the fair pay agreement and the zero hours rights were counted 'in full' while the
    index moves 75% of the Prices with the national living wage. One operative rule now counts a change in cost
    only so far as a later review has not met it; with a CPIH-only index (no double count) it stays out."""
    doc = result.document
    defs = clause_text(doc, "common.definitions", flat=True)
    assert "including, whenever their terms were made or announced, regulations under Chapter 2 of Part 3" in defs
    assert "in full and whenever" not in defs
    body = clause_text(doc, "open-book.change-in-law", flat=True)
    # r34s ob-homecare 1: the change is valued against the costs the Prices already fund (the cost model multiplied by
    # each review factor), so a later index rise never erodes it
    assert ("The change in cost under clause 28.1 is valued at the costs current when the change takes effect: it is the "
            "cost after the change less the same cost in the cost model multiplied by the review factor for each review "
            "date under clause 8.1 that has passed") in body
    assert "treated as meeting first" not in body
    n = flat(note(doc, "open-book.change-in-law"))
    assert "it covers every Relevant Change in Law, the zero hours rights included" in n
    assert "consider deducting" not in n
    source = OB_HOMECARE.read_text(encoding="utf-8")
    start = source.index("  indexation: >-\n")
    end = source.index("  lowest_hourly_pay:")
    sheet = tmp_path / "cpih-only.yaml"
    sheet.write_text(source[:start] + "  indexation: CPIH for the 12 months to the previous December\n"
                     + source[end - len("  # The cost model's care worker rate (Schedule 2, Part 1), compared with the "
                                        "national living wage.\n"):], encoding="utf-8")
    quiet = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    assert "valued at the costs current when the change takes effect" not in clause_text(quiet, "open-book.change-in-law", flat=True)
    assert "in full and whenever" in clause_text(quiet, "common.definitions", flat=True)


def test_home_care_protections_for_service_users(result, catalogue):
    """r27 ob-homecare finding 3: no charging Service Users, a gifts and money-handling policy, and the sponsor
    licence (a duty and a Financial Distress Event), in home care only."""
    doc = result.document
    text = clause_text(doc, "open-book.support", flat=True)
    assert "Tillbrook must not ask for or accept any payment from a Service User, or from anyone acting for them, " \
           "for the Care Services." in text
    assert "assessed under section 17 of the Care Act 2014 and charged by the Council under section 14" in text
    assert "except a gift of token value (no more than [£20]) that it records in a gifts register" in text
    assert "not let its staff act as a Service User's attorney, deputy or executor" in text
    assert "it must comply with its duties as a sponsor" in text
    distress = clause_text(doc, "open-book.financial-distress", flat=True)
    assert "the Home Office suspends, downgrades or revokes Tillbrook's licence to sponsor workers" in distress
    assert "any of the first three events in this list happens to" in distress
    n = flat(note(doc, "open-book.support"))
    assert "the [£20] limit is this draft's assumption, so confirm it" in n
    assert "ask whether Tillbrook sponsors any care workers" in n
    living = assemble(read_termsheet(OB_LIVING, catalogue), catalogue, today=DRAFT_DATE).document
    # the gifts paragraph serves adult supported living too since r28 ob-fresh finding 15; the sponsor duties do not
    for cid, words in (("open-book.support", "duties as a sponsor"),
                       ("open-book.financial-distress", "licence to sponsor workers")):
        assert words not in clause_text(living, cid, flat=True)


def test_the_gross_up_on_a_revenue_basis_divides_by_one_less_the_cap(result, catalogue):
    """r27 ob-homecare finding 7: on a revenue basis the profit is a share of income, so an overstatement or a change
    in cost grosses up by dividing by one less the cap rate (0.95), not by adding 5% of the cost; on an allowable
    cost basis the Reasonable Profit is added on it."""
    doc = result.document
    warranty = clause_text(doc, "open-book.pricing", flat=True)
    assert "the overstatement divided by 0.95 bears to" in warranty
    assert "with the Reasonable Profit on it" not in warranty
    review = clause_text(doc, "open-book.price-review", flat=True)
    assert "the change in Allowable Costs it causes in a full year divided by 0.95 bears to" in review
    other = assemble(read_termsheet(ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml", catalogue),
                     catalogue, today=DRAFT_DATE).document
    assert "the overstatement, with the Reasonable Profit on it, bears to" in clause_text(other, "open-book.pricing",
                                                                                           flat=True)
    assert "divided by 0.95" not in clause_text(other, "open-book.price-review", flat=True)


def test_the_guarantee_falls_in_proportion_to_the_care_not_delivered(result):
    """r27 ob-homecare finding 13: the Guaranteed Hours are not lost outright for any period without care; they fall
    in proportion to the planned hours the provider does not deliver in the month, and stop only where it provides
    none of the care in a zone, unless the Council caused the failure; the note says so."""
    doc = result.document
    text = clause_text(doc, "open-book.core-support", flat=True)
    assert ("the number of Guaranteed Hours paid for that Zone for the month is reduced in the proportion that the "
            "planned hours not delivered bear to all the hours of Planned Care commissioned in that Zone") in text
    assert "for any period in which Tillbrook provides none of the Care Services there" in text
    assert "does not provide the Care Services there" not in text
    n = note(doc, "open-book.core-support")
    assert "falls in proportion to the planned hours Tillbrook does not deliver there in the month" in n


def test_a_kpi_is_not_failed_for_a_step_the_council_did_not_take(result):
    """r27 ob-homecare finding 12: the KPI on reducing hours within 28 days of a review depends on the Council issuing
    a revised Care Plan, so the carve-out covers that and any other step a Service KPI depends on, not only the
    number of referrals."""
    text = clause_text(result.document, "open-book.performance", flat=True)
    # r31 ob-homecare 6: the referral carve-out reaches only referrals that would take a zone above its maximum hours
    assert ("the Council referring people for care in a Zone whose care would take the hours delivered there above the "
            "maximum hours a week shown for it in Schedule 1, or from the Council's failure to issue a "
            "revised Care Plan or to take any other step the Service KPI depends on, rather than from Tillbrook's own "
            "acts or omissions.") in text


def test_referral_carve_out_without_maximum_hours_keeps_the_number_referred(catalogue):
    """Quiet for r31 ob-homecare 6: with no maximum hours in the sheet the carve-out still names the number referred."""
    text = OB_HOMECARE.read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines(keepends=True) if not ln.strip().startswith("maximum_hours:")]
    doc = open_book_document(catalogue, "".join(lines))
    assert "the number of people the Council refers for care in the Zones" in clause_text(doc, "open-book.performance",
                                                                                          flat=True)


def test_the_carry_forward_note_states_what_the_budget_means_for_the_fund(result):
    """r27 ob-homecare finding 8: on the budget the Excess Profit (£17) never reaches the £5,000 carry-forward, so the
    note says nothing reaches the fund until the final period."""
    doc = result.document
    n = flat(note(doc, "common.open-book-excess"))
    assert ("On the budget the Excess Profit is £17 a period, so nothing is refunded or transferred to the Reinvestment "
            "Fund until the final period: the fund works sooner only if income runs above the budget.") in n
    assert n.count("on the budget nothing is refunded") == 0


def test_directors_salaries_list_each_director_and_flag_the_uprating(result, catalogue, tmp_path):
    """r27 ob-homecare finding 9: the two directors hold all the shares, so the costs schedule asks for the other
    director's salary, not 'each other director'; the uprating of the salaries with the prices is not instructed, so it
    is in brackets and listed among the assumptions. Without open_book.directors the placeholder stays general."""
    doc = result.document
    sched = clause_text(doc, "common.open-book-schedule-costs", flat=True)
    # r31 ob-homecare 7: each placeholder says what goes in it
    assert ("Declan Featherstone (Managing Director), £[salary of Declan Featherstone] a year; [name of the other "
            "director], £[that director's salary] a year.") in sched
    assert "[Each salary increases on each review date by the same percentage as the prices in this Schedule.]" in sched
    assert any("each director's salary included in the cost model increases on each review date" in a
               for a in doc.assumptions)
    source = OB_HOMECARE.read_text().replace("  directors: 2   # the two directors who hold all the shares\n", "")
    sheet = tmp_path / "no-count.yaml"
    sheet.write_text(source)
    other = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    assert "[name of each other director], £[each director's salary] a year." in clause_text(
        other, "common.open-book-schedule-costs", flat=True)


@pytest.mark.parametrize("sheet", sorted(p.name for p in (ROOT / "samples" / "open-book").glob("*.yaml")))
def test_the_costs_note_names_the_disallowed_costs_the_draft_adds(catalogue, sheet):
    """r27 ob-homecare finding 10: the draft adds standard Disallowed Costs (legal proceedings, related-party payments,
    restricted funding) to the instructed list; the note names them by letter, and each letter is one the draft added,
    not an instructed item."""
    ts = read_termsheet(ROOT / "samples" / "open-book" / sheet, catalogue)
    doc = assemble(ts, catalogue, today=DRAFT_DATE).document
    n = flat(note(doc, "common.open-book-costs"))
    m = re.search(r"Items? ((?:\([a-z]\)(?:, | and )?)+) of the Disallowed Costs (?:are|is) the draft's own", n)
    assert m, n[:400]
    letters = re.findall(r"\(([a-z])\)", m.group(1))
    text = clause_text(doc, "common.open-book-costs")
    lead = text.split("The following are Disallowed Costs and never count as Allowable Costs:", 1)[1]
    items = [line for line in lead.split("\n") if line.strip()][:30]
    added = ("legal proceedings", "Related Party above", "restricted", "dividends, distributions and any other")
    for letter in letters:
        item = items[ord(letter) - ord("a")]
        assert any(a in item for a in added), (letter, item)
    instructed = [i.lower()[:25] for i in ts.model.open_book.disallowed_costs]
    for letter in letters:
        assert items[ord(letter) - ord("a")].lower()[:25] not in instructed


def test_the_guarantee_note_gives_the_basis_of_its_yearly_figures(result):
    """r27 ob-homecare finding 14: the yearly guarantee figures are 52 weeks while clause 7.1 pays by the day, so the
    note says a 365-day year pays one day more (the weekly figure over 7), with each zone's figure; the schedule does
    not call the guarantee's income 'the income at 75% of capacity' when the zones' shares differ."""
    n = flat(note(result.document, "open-book.core-support"))
    assert ("Each yearly figure is 52 weeks; because the clause pays the guarantee by the day, a year of 365 days pays "
            "one day more (£4,690.71 for Zone 3 (Wold Valley), £3,472.86 for Zone 7 (Coastal North)) and a leap year "
            "two.") in n
    assert round(1100 * 29.85 / 7, 2) == 4690.71 and round(850 * 28.60 / 7, 2) == 3472.86
    assert "the income at 75% of capacity" not in flat(document_text(result))


def test_the_vat_note_has_no_care_home_words(result, catalogue):
    """r27 ob-homecare finding 18: accommodation and catering are a care home's point, not home care's; the note on
    VAT keeps it for homes."""
    assert "accommodation and catering" not in note(result.document, "open-book.tax")
    assert "Note (6)). Confirm the provider's VAT position" in flat(note(result.document, "open-book.tax"))
    homes = assemble(read_termsheet(ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml", catalogue),
                     catalogue, today=DRAFT_DATE).document
    assert "accommodation and catering are covered only where ancillary to the care" in flat(note(homes, "open-book.tax"))


def test_home_care_drafting_has_no_pasted_building_words(result):
    """r27 ob-homecare finding 17: care is provided in a zone, not at it; the supported-living sentence on housing
    goes (the rest of that paragraph stays); a target met by a date is measured each calendar month, like the rest."""
    text = flat(document_text(result))
    assert "the Guaranteed Hours in each of the Zones and the Planned Care hours delivered" in text
    assert "attributable to the Care Services in the Zones concerned" in text
    assert "or the services in any of the Zones" in text
    assert "at each of the Zones" not in text and "at the Zones concerned" not in text
    assert "no part in the housing" not in text
    assert "The end of this Agreement, or of Tillbrook's care for a Service User, does not affect where" not in text  # r32 ob-homecare F11
    assert "[each month]" not in text


def test_the_zone_word_prints_as_the_defined_term(result, catalogue):
    """r27 ob-homecare 17: "Zones" was defined but the clauses said "that zone", "a zone". After a determiner the
    word prints as the defined term; a name that only contains the word is left alone; other settings keep "home"."""
    text = document_text(result).replace("Zones means the zones listed", "")
    assert "Guaranteed Hours in that Zone" in text
    assert not re.search(r"\b(a|an|each|that|the|this|any|one|its|per|other)\s+zones?\b", text), \
        re.findall(r".{40}\b(?:a|an|each|that|the|this|any|one|its|per|other)\s+zones?\b.{20}", text)[:5]
    assert "Zones" in [d.term for d in result.document.definitions]
    charity = draft_of(catalogue, ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml")
    kids = document_text(charity)
    assert "Zone" not in kids and not re.search(r"\b(that|each|a) Home\b", kids)
    assert re.search(r"\b(that|each|a) home\b", kids)


def test_words_as_terms_leave_a_name_alone():
    """The mechanism itself: a determiner before the word makes it the term; a word inside a name does not."""
    from assembler.assemble import _words_as_terms
    from assembler.model import Paragraph, Term, Text

    para = Paragraph(inlines=[Text("Lots 3 and 7 of the Rutherdale home care zones procurement; hours in that zone "
                                   "and each zone's Prices.")])
    doc = type("D", (), {"all_clauses": lambda self: [type("C", (), {"blocks": [para]})()]})()
    _words_as_terms(doc, {"zone": "Zones|Zone", "zones": "Zones"})
    assert [i for i in para.inlines if isinstance(i, Term)] == [Term("Zones", "Zone"), Term("Zones", "Zone")]
    assert para.inlines[0] == Text("Lots 3 and 7 of the Rutherdale home care zones procurement; hours in that ")


def _charity(text: str) -> str:
    return text.replace("  legal_form: company\n  limited_by: shares\n",
                        "  legal_form: charitable_company\n  limited_by: guarantee\n  charity_number: '1012345'\n", 1)


def test_capacity_is_a_ground_to_decline_only_at_the_guarantee(homecare_doc):
    text = clause_text(homecare_doc, "open-book.support", flat=True)
    assert ("Once the hours delivered in the Zone where the person lives in the month so far are at or above that "
            "Zone's Guaranteed Hours for the days of the month so far, it may also refuse because it does not have "
            "care workers available to meet the person's needs safely, but only after using all reasonable endeavours") in text
    assert "need not deliver more hours of care a week in a Zone than the maximum hours a week shown for it" in text


def test_the_zone_table_shows_the_maximum(homecare_doc):
    sched = clause_text(homecare_doc, "open-book.schedule-services", flat=True)
    assert "Maximum hours a week" in sched and "1,450" in sched and "1,150" in sched


def test_no_maximum_no_cap_sentence(catalogue):
    text = re.sub(r"      maximum_hours: .*\n", "", OB_HOMECARE.read_text())
    d = document_of(catalogue, text)
    assert "need not deliver more hours" not in clause_text(d, "open-book.support", flat=True)
    assert "Maximum hours a week" not in clause_text(d, "open-book.schedule-services", flat=True)
    # the capacity ground to decline at the guarantee stays
    assert "does not have care workers available" in clause_text(d, "open-book.support", flat=True)


def test_maximum_below_the_guarantee_is_refused(catalogue):
    text = OB_HOMECARE.read_text().replace("maximum_hours: 1450", "maximum_hours: 1000")
    with pytest.raises((ValidationError, ValueError, Exception), match="maximum_hours"):
        document_of(catalogue, text)


def test_the_referral_duty_is_tested_by_the_month_and_refers_to_its_clause(homecare_doc):
    text = clause_text(homecare_doc, "open-book.core-support", flat=True)
    assert "While the hours delivered in a Zone in the month so far are below its Guaranteed Hours" in text
    assert "that paragraph allows" not in text and "in a week are below" not in text


def test_payment_is_the_greater_of_not_both(homecare_doc):
    pricing = clause_text(homecare_doc, "open-book.pricing", flat=True)
    assert ("The Council must pay the Prices for each of the Zones, for each month, for the greater of the "
            "Guaranteed Hours and the hours of Planned Care delivered, as clause") in pricing
    core = clause_text(homecare_doc, "open-book.core-support", flat=True)
    assert "the hours of Planned Care delivered are the hours commissioned in each Service User's Care Plan" in core
    assert "The Council must pay the Prices for the Planned Care hours" not in core


def test_home_care_registered_manager_for_each_branch(homecare_doc):
    """Finding 7: the cl 1 assumption about registering a new manager within 3 months now has its clause."""
    text = clause_text(homecare_doc, "open-book.regulatory", flat=True)
    assert ("must ensure that each location (branch) from which it provides the Care Services, as listed in "
            "Schedule 1, has a manager registered with the Care Quality Commission for it") in text
    assert "apply to register a new manager within [3] months" in text


def test_supported_living_has_the_branch_manager_paragraph(catalogue):
    """G1 finding 5: personal care in supported living is CQC-registered too, so the branch manager duty applies."""
    from tests.families.test_open_book_homecare import OB_LIVING
    d = assemble(read_termsheet(OB_LIVING, catalogue), catalogue, today=DRAFT_DATE).document
    assert "each location (branch) from which it provides the Care Services" in clause_text(d, "open-book.regulatory",
                                                                                           flat=True)


def test_shared_costs_refer_to_the_home_care_apportionment(homecare_doc):
    """Finding 8: Direct Costs and Sch 2 para 6 point to the by-hours apportionment paragraph, and overheads go to
    the branches, not 'premises at which it delivers'."""
    sched = clause_text(homecare_doc, "common.open-book-schedule-costs", flat=True)
    assert "allocates Overheads for each Reconciliation Period to the branches from which it provides" in sched
    assert "premises at which it delivers" not in sched and "staff working at those branches" in sched
    ref = re.search(r"The result is apportioned to the Open-Book Services under clause (\d+\.\d+)", sched).group(1)
    scope = clause_text(homecare_doc, "open-book.scope", flat=True)
    assert "in the proportion that the hours of care delivered under this Agreement from that branch" in scope
    # the number the schedule cites is the by-hours paragraph (the second of the scope clause), not its first
    assert ref.endswith(".2")


def test_the_guarantee_note_states_the_cap_or_asks_for_one(homecare_doc, catalogue):
    from tests.families.clause_texts import note
    n = note(homecare_doc, "open-book.core-support")
    assert "(Zone 3 (Wold Valley): 1,450; Zone 7 (Coastal North): 1,150)" in n
    d = document_of(catalogue, re.sub(r"      maximum_hours: .*\n", "", OB_HOMECARE.read_text()))
    assert "The instructions give no maximum hours a week for any zone" in note(d, "open-book.core-support")


def test_framework_call_offs_end_and_people_counted(homecare_doc):
    text = clause_text(homecare_doc, "open-book.support", flat=True)
    assert "under a call-off contract made under framework agreement RCC/ASC/2022/114 (each an earlier contract)" in text
    assert "Tillbrook cared for 176 people in the Zones under those call-off contracts on [date]." in text
    assert "each earlier contract ends at the end of 31 May 2027" in text
    assert "except as this clause provides" in text and "contract RCC/ASC/2022/114 between the Parties" not in text


def test_a_single_contract_reads_as_before(catalogue):
    d = document_of(catalogue, OB_HOMECARE.read_text().replace("  existing_contract_kind: framework\n", ""))
    text = clause_text(d, "open-book.support", flat=True)
    assert "under contract RCC/ASC/2022/114 between the Parties (the earlier contract)" in text
    assert "call-off" not in text and "except as this clause provides" in text


def test_reduction_is_capped_in_brackets_by_default(homecare_doc):
    text = clause_text(homecare_doc, "open-book.core-support", flat=True)
    assert ("The reductions taking effect in a Zone in any Contract Year must not together exceed [25%] of its "
            "Guaranteed Hours at the start of that Contract Year.") in text
    assert "A larger reduction, or ending the Care Services in a Zone altogether, may be made only by ending" in text


def test_reduction_cap_from_the_sheet(catalogue):
    text = OB_HOMECARE.read_text().replace("  home_care_terms:\n", "  home_care_terms:\n    guarantee_reduction_cap: 20\n", 1)
    d = document_of(catalogue, text)
    assert "must not together exceed 20% of its Guaranteed Hours" in clause_text(d, "open-book.core-support", flat=True)


def test_company_home_care_has_no_trustees_or_legacies(homecare_doc):
    assert "trustees" not in clause_text(homecare_doc, "common.conflicts-of-interest", flat=True)
    assert "members, directors or officers" in clause_text(homecare_doc, "common.conflicts-of-interest", flat=True)
    assert "directors or senior managers" in clause_text(homecare_doc, "common.definitions", flat=True)
    costs = clause_text(homecare_doc, "common.open-book-costs", flat=True)
    assert "a cost met from a restricted grant, or another payment" in costs
    scope = clause_text(homecare_doc, "open-book.scope", flat=True)
    assert "Grants that Tillbrook receives on terms" in scope
    assert "legac" not in scope + costs


def test_charity_home_care_keeps_trustees_and_legacies(catalogue):
    d = document_of(catalogue, _charity(OB_HOMECARE.read_text()))
    assert "members, trustees or officers" in clause_text(d, "common.conflicts-of-interest", flat=True)
    assert "directors, trustees or senior managers" in clause_text(d, "common.definitions", flat=True)
    assert "Donations, legacies and grants" in clause_text(d, "open-book.scope", flat=True)


def test_home_care_speaks_of_hours_not_occupancy(homecare_doc):
    sched = clause_text(homecare_doc, "common.open-book-schedule-reconciliation", flat=True)
    assert "Scenarios by hours delivered" in sched
    assert "every place is used" not in sched and "occupancy" not in sched.lower()
    assert "when the hours delivered are 68.1% of capacity" in sched
    assert "hours delivered as a share of capacity" in clause_text(homecare_doc, "common.open-book-schedule-reporting", flat=True)
    assert "occupancy" not in flat(note(homecare_doc, "open-book.losses"))
    # r31 ob-homecare 12: the guarantee is above break-even, so the note speaks of it, not of hours falling
    assert "cannot make a loss through low hours while the guarantee stands" in flat(note(homecare_doc, "open-book.losses"))


def test_break_even_names_the_direct_cost_of_every_zone(homecare_doc):
    sched = clause_text(homecare_doc, "common.open-book-schedule-reconciliation", flat=True)
    assert "with the direct cost of each hour (£22.96 in every line) falling with the hours delivered" in sched
    assert "with the direct cost of \"Home care in Zone 3" not in sched


def test_home_care_safeguarding_has_no_supported_living_terms(homecare_doc):
    sg = clause_text(homecare_doc, "open-book.safeguarding", flat=True)
    assert "positive behaviour support" not in sg
    assert "may use restraint or other restrictive practice only as a last resort" in sg
    assert "must record every use of restraint or other restrictive practice and report" in sg
    n = flat(note(homecare_doc, "open-book.safeguarding"))
    assert "supported living" not in n and "in a person's own home" in n


def test_guarantee_note_flags_force_majeure_risk(homecare_doc):
    n = flat(note(homecare_doc, "open-book.core-support"))
    assert "even where a Force Majeure Event (a pandemic, say) is the cause. Tillbrook therefore bears its fixed costs" in n  # r27 ob-homecare 13


def test_schedule_1_does_not_say_per_hour_twice(homecare_doc):
    s = clause_text(homecare_doc, "open-book.schedule-services", flat=True)
    assert "per hour of care delivered (each care worker on a double-handed visit counted) (67,600 hours expected" in s
    assert "priced by the hour" not in s


def test_homecare_finding1_service_income_on_an_accruals_basis(catalogue):
    """ob-homecare 1: Service Income is what is paid or payable for the services provided in the period, on an
    accruals basis like the costs actually incurred, so the first period is not a month of income short and the
    last month's invoice falls inside the open book; the pricing note and the report follow."""
    from tests.families.clause_texts import definition
    d = open_book_doc(catalogue, "home-care-zones")
    s = definition(d, "Service Income")
    assert s.startswith("the amounts paid or payable to")
    assert "the Open-Book Services provided in a period" in s and "on an accruals basis consistent with its statutory accounts" in s
    assert "receives" not in s
    assert "Service Income actually received" not in note(d, "open-book.pricing")
    assert "the Service Income for the period, by source" in flat(clause_text(d, "common.open-book-schedule-reporting"))


def test_homecare_finding1_quiet_outside_the_open_book_family(catalogue):
    """Quiet: the grant family keeps its own definition (grants counted as received)."""
    from tests.families.clause_texts import definition
    from tests.conftest import ROOT as R
    d = document_of(catalogue, (R / "samples" / "grant" / "care-leavers-open-book.yaml").read_text(encoding="utf-8"))
    assert definition(d, "Service Income").startswith("all money")


def test_guarantee_reduction_stops_at_the_break_even_hours(catalogue):
    """Home care sample review, finding 6: a reduction of the guaranteed hours on notice may not take them below the
    break-even point (68.1% of capacity: 1,771 hours a week across the zones) without the provider's agreement or a
    price variation; the note gives the figure."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    body = flat(clause_text(doc, "open-book.core-support"))
    # r31 ob-homecare 2: the floor is a formula on the Prices and budget then current; the figure at signing is
    # rounded up from the exact break-even (1,771.5 hours), not worked out from the rounded 68.1%
    # r32 ob-homecare F1: the words give the figure (fixed costs plus the direct cost of each hour, not the budget)
    assert ("No reduction may take the Guaranteed Hours in all the Zones together below the hours a week at which the "
            "payment for them at the Prices then current equals the budgeted Allowable Costs of delivering those hours: "
            "the budgeted Allowable Costs then current other than the direct cost of each hour delivered, plus that "
            "direct cost (£22.96 an hour when this Agreement is made) for each of those hours, as in Schedule 3. That "
            "is 1,772 hours a week when this Agreement is made, rounded up from the break-even point of 68.1% of "
            "capacity shown in that Schedule.") in body
    assert "may be made only if Tillbrook agrees in writing or the Prices are first changed under clause" in body
    n = flat(note(doc, "open-book.core-support"))
    assert "(1,772 a week across the zones when the agreement is made, rounded up from the exact break-even point)" in n
    # r31 ob-homecare 1: what the floor leaves the Council to cut, and that the right itself is not instructed
    assert ("the Council can cut only about 178 hours a week across the zones (9.1% of the 1,950 guaranteed) over the "
            "whole term, so the [25%] yearly cap will rarely bite") in n
    assert "the right to reduce the guarantee on notice at all is this draft's assumption" in n
    assert "giving at least [6] months' notice" in body


def test_guarantee_already_below_break_even_needs_agreement_to_reduce(catalogue):
    """The other branch: guaranteed hours already below break-even (a smaller guarantee) make any reduction wait for
    the provider's agreement or a price variation. Quiet for supported living (no guaranteed hours)."""
    doc = open_book_doc(catalogue, OB_HOMECARE, ("      guaranteed_hours: 1100\n", "      guaranteed_hours: 700\n"))
    body = flat(clause_text(doc, "open-book.core-support"))
    assert ("Because the Guaranteed Hours are already below the hours a week at which the payment for them at the "
            "Prices equals the budgeted Allowable Costs of delivering them") in body
    assert "No reduction may take" not in body
    living = flat(clause_text(open_book_doc(catalogue, OB_LIVING), "open-book.core-support"))
    assert "break-even point" not in living


def test_payment_is_triggered_by_an_invoice_of_verified_hours(catalogue):
    """Home care sample review, finding 7: the invoice is due within 10 Business Days after the month, its hours are
    those counted from the call monitoring records under the visit records paragraph, and payment falls due on it
    only for hours that agree with them. Quiet: a children's home invoices its Placements with no call records."""
    body = flat(clause_text(open_book_doc(catalogue, OB_HOMECARE), "open-book.pricing"))
    assert "the Prices charged, within 10 Business Days after the end of each month." in body
    assert re.search(r"The hours invoiced are the hours delivered, counted under clause \d+\.\d+ from the electronic "
                     r"call monitoring records", body)
    assert re.search(r"An invoice is valid for clause \d+\.\d+ only so far as its hours agree with those records: the "
                     r"Council's payment under clause \d+\.\d+ for the month falls due on that invoice", body)
    quiet = flat(clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "open-book.pricing"))
    assert "The hours invoiced are" not in quiet


def test_dbs_outcomes_get_an_article_10_line_in_the_data_schedule(catalogue):
    """Home care sample review, finding 8: the sheet shares DBS check outcomes and names only Article 9 conditions, so
    the data-sharing Schedule adds a bracketed Article 10 line (s.10(5), Sch. 1 para 1). Quiet: a lawful basis that
    already deals with criminal offence data (the children's homes sample) gets no added line."""
    text = flat(clause_text(open_book_doc(catalogue, OB_HOMECARE), "common.schedule-data-sharing"))
    assert ("[criminal offence data (DBS check outcomes) under Article 10 of the UK GDPR, not Article 9, with a "
            "condition in Part 1, 2 or 3 of Schedule 1 to the Data Protection Act 2018 (section 10(5) of that Act)") in text
    quiet = flat(clause_text(open_book_doc(catalogue, "childrens-homes-charity"), "common.schedule-data-sharing"))
    assert "not Article 9, with a condition" not in quiet


def test_hospital_discharge_care_starts_within_the_hours_given(catalogue):
    """Home care sample review, finding 9: home_care_terms.discharge_start_hours (24 in the sample) makes care for a
    person leaving hospital start within that time after acceptance; if it cannot, the Council may arrange it
    elsewhere meanwhile, with a bracketed recovery of the extra cost. Quiet: the field left out."""
    body = flat(clause_text(open_book_doc(catalogue, OB_HOMECARE), "open-book.support"))
    assert ("Where the request is to care for a person leaving hospital and Tillbrook accepts it, Tillbrook must use "
            "all reasonable endeavours to start the care within 24 hours after the later of Tillbrook's acceptance of the request and the Council's written confirmation of the care with the Care Plan") in body
    assert "the Council may arrange the care with another provider until Tillbrook can start it" in body
    quiet = open_book_doc(catalogue, OB_HOMECARE, ("    discharge_start_hours: 24\n", ""))
    assert "person leaving hospital" not in flat(clause_text(quiet, "open-book.support"))


def test_care_act_section_73_is_cited_for_adult_regulated_care_only(catalogue):
    """Home care sample review, finding 10: s.73 of the Care Act 2014 takes a registered provider of personal care to
    adults, arranged or paid for by a local authority, to exercise a function of a public nature under s.6(3)(b) of
    the Human Rights Act 1998; the clause and note say so for adult care. Quiet: a children's home gets the
    s.6(3)(b) check and no s.73."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    body = flat(clause_text(doc, "open-book.compliance-with-law"))
    assert ("So far as section 73 of the Care Act 2014 applies to the care and support Tillbrook provides under this "
            "Agreement, Tillbrook is taken to be exercising a function of a public nature for the purposes of section "
            "6(3)(b) of the Human Rights Act 1998") in body
    n = flat(note(doc, "open-book.compliance-with-law"))
    assert "is taken for the purposes of section 6(3)(b) of the Human Rights Act 1998 to be exercising a function" in n
    assert "treated as a public authority" not in n
    child = open_book_doc(catalogue, "childrens-homes-charity")
    assert "section 73" not in flat(clause_text(child, "open-book.compliance-with-law"))
    assert "Care Act 2014, section 73" not in note(child, "open-book.compliance-with-law")


def test_care_workers_clause_and_commissioner_obligations(catalogue):
    """Home care sample review, finding 11: a care workers clause (the cost model's lowest rate as a pay floor, no
    zero-hours contract unless chosen, training under reg. 18(2)(a)) and a clause of the commissioner's obligations
    (requests with the care plan, reviews, payment on time); the registration table has no places column. Quiet: a
    children's home has neither clause."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    work = flat(clause_text(doc, "open-book.workforce"))
    # r34s ob-homecare 4: the floor covers every care worker (the cost model funds each at the rate)
    assert "must not pay any care worker who works in the Care Services less for each hour they work " \
           "than £13.40 an hour" in work
    assert "on a contract with no guaranteed hours unless the care worker has chosen it in writing" in work
    assert "as regulation 18(2)(a) of the Health and Social Care Act 2008 (Regulated Activities) Regulations 2014" in work
    council = flat(clause_text(doc, "open-book.commissioner-obligations"))
    assert re.search(r"The Council must: send with each request under clause \d+\.\d+ the person's Care Plan", council)
    assert re.search(r"pay each valid and undisputed invoice as clause \d+\.\d+ requires", council)
    child = open_book_doc(catalogue, "childrens-homes-charity")
    ids = {c.id for c in child.all_clauses()}
    assert "open-book.workforce" not in ids and "open-book.commissioner-obligations" not in ids


def test_losses_note_counts_the_guarantee(catalogue):
    """r31 ob-homecare 12: with the guaranteed hours above break-even the losses note says no loss arises on the budget
    from low hours while the guarantee stands, agreeing with the guaranteed hours note. Quiet: a guarantee below
    break-even keeps the margin sentence."""
    n = flat(note(open_book_doc(catalogue, OB_HOMECARE), "open-book.losses"))
    assert ("are paid whether or not they are used and are above break-even, so on the budget Tillbrook cannot make a "
            "loss through low hours while the guarantee stands") in n
    low = flat(note(open_book_doc(catalogue, OB_HOMECARE, ("      guaranteed_hours: 1100\n", "      guaranteed_hours: 700\n")),
                    "open-book.losses"))
    assert "cannot make a loss through low hours" not in low


def test_pay_floor_covers_every_care_worker_unless_limited_to_21_and_over(catalogue):
    """r34s ob-homecare 4. Firing (the standard): the cost model funds every care worker at the rate, so the floor has
    no age limit and the note says why. Quiet: home_care_terms.pay_floor_all_ages false keeps the 21-and-over floor."""
    doc = open_book_doc(catalogue, OB_HOMECARE)
    work = flat(clause_text(doc, "open-book.workforce"))
    assert "must not pay any care worker who works in the Care Services less" in work
    assert "aged 21 or over" not in work
    assert "whatever their age, because the cost model funds every care worker at that rate" in flat(note(doc, "open-book.workforce"))
    limited = open_book_doc(catalogue, OB_HOMECARE, ("    travel_paid_at_contact_rate: true\n",
                                                     "    travel_paid_at_contact_rate: true\n    pay_floor_all_ages: false\n"))
    assert "must not pay any care worker aged 21 or over who works in the Care Services less" in \
        flat(clause_text(limited, "open-book.workforce"))
    assert "care workers under 21 may be paid the National Minimum Wage rate for their age" in \
        flat(note(limited, "open-book.workforce"))


def test_exit_note_flags_inbound_transfers_when_other_providers_packages_move(catalogue):
    """r34s ob-homecare 3. Firing: an incumbent home care provider; the note no longer says flatly that no staff
    transfer in, but flags a service provision change if the Council moves other providers' packages to it. Quiet: an
    incumbent that is not home care (supported living) keeps the plain statement."""
    n = flat(note(open_book_doc(catalogue, OB_HOMECARE), "open-book.exit"))
    assert "no staff transfer to it when this Agreement starts for the 176 people it already cares for" in n
    assert "a service provision change (reg. 3(1)(b)) may bring to Tillbrook the staff of those providers" in n
    assert "Take instructions on whether the Council will move other providers' packages into the zones" in n
    living = flat(note(open_book_doc(catalogue, OB_LIVING), "open-book.exit"))
    assert "service provision change (reg. 3(1)(b)) may bring" not in living
