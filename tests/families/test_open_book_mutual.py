"""Open-book supported living for a public service mutual (r17 ob-fresh): a price by the session is
payable, the s.33 five-year ceiling, pre-start costs in the first period, profit on the cost base."""

from __future__ import annotations

import re

import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import document_text, flat, note
from tests.families.conftest import OB_CALDMOOR, OB_LIVING, OB_NORTHLIGHT, open_book_doc


@pytest.fixture(scope="module")
def northlight(catalogue):
    sheet = read_termsheet(OB_NORTHLIGHT, catalogue)
    return sheet, document_text(assemble(sheet, catalogue, today=DRAFT_DATE))


@pytest.fixture(scope="module")
def northlight_rebase(catalogue):
    """The same sheet with the re-basing price review chosen (r17 ob-sample 1 made the index review the standard)."""
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate

    source = OB_NORTHLIGHT.read_text(encoding="utf-8").replace("positions:\n", "positions:\n  open_book_price_review: rebase\n", 1)
    sheet = validate(load_text(source, OB_NORTHLIGHT.name), catalogue)
    return sheet, document_text(assemble(sheet, catalogue, today=DRAFT_DATE))


@pytest.fixture(scope="module")
def living(catalogue):
    sheet = read_termsheet(OB_LIVING, catalogue)
    return sheet, document_text(assemble(sheet, catalogue, today=DRAFT_DATE))


def test_a_price_by_the_session_is_payable_and_invoiced(northlight, living):
    """r17 ob-fresh 1: the PBS sessions were priced in Schedule 2 but nothing made them payable."""
    text = northlight[1]
    assert "the Individual Support hours and the sessions priced by the session in Schedule 2 under clause" in text
    assert 'for each session priced by the session there ("Positive Behaviour Support practitioner session' in text
    assert "and the sessions delivered under clause" in text
    assert "any minimum number of Individual Support hours or sessions" in text
    # quiet: a supported-living sheet without a session price says nothing about sessions
    assert "sessions priced by the session" not in living[1]
    assert "Individual Support hours or sessions" not in living[1]


def test_reserved_contract_is_capped_at_five_years_from_signing(northlight, living):
    """r17 ob-fresh 2: signing before the start, with the extension and the exit run-off, broke s.33(1)(b)."""
    sheet, text = northlight
    assert sheet.model.services.reserved_mutual
    assert sheet.model.services.reserved_last_day.isoformat() == "2032-05-31"
    assert sheet.model.services.reserved_earliest_signing.isoformat() == "2027-06-01"
    assert "so its maximum term is five years. No extension under clause" in text
    assert "beyond the day before the fifth anniversary of the date this Agreement takes effect" in text
    assert "if the Council asks, but only so far as clause" in text
    assert not living[0].model.services.reserved_mutual
    assert "maximum term is five years" not in living[1]


def test_reserved_contract_keeps_the_provider_a_public_service_mutual(northlight, living):
    """r17 ob-fresh 15: a covenant to remain a public service mutual (s.33(6)) and a termination ground."""
    assert "must remain throughout the Service Term, a public service mutual within section 33(6)" in northlight[1]
    assert "ceases to be a public service mutual within section 33(6) of the Procurement Act 2023" in northlight[1]
    assert "public service mutual" not in living[1]


def test_pre_start_costs_the_sheet_allows_count_in_the_first_period(northlight, northlight_rebase, living):
    """r17 ob-fresh 3: recruitment before each tenant moves in was allowable but shut out before the start."""
    sheet, text = northlight
    assert sheet.model.open_book.pre_start_costs == [
        "Recruitment and shadow shifts for Larkspur Close staff in the three months before each tenant moves in"]
    assert ("in the three months before each tenant moves in\" that Northlight incurs after this Agreement takes "
            "effect and before 1 June 2027 are Allowable Costs of the first Reconciliation Period") in text
    assert "leaving out the pre-start costs counted under clause" in northlight_rebase[1]
    assert "they are not Allowable Costs: confirm that is agreed" not in text
    assert living[0].model.open_book.pre_start_costs == []


def test_price_review_puts_profit_on_the_cost_base_only(northlight_rebase, living):
    """r17 ob-fresh 4: with a direct-cost base, step (c) put profit on the overheads too."""
    assert ("add the Reasonable Profit on the result: 5% of the part of it that is Direct Costs (the Cost Base), "
            "and no profit on the Overheads") in northlight_rebase[1]
    assert "no profit on the Overheads; and" not in living[1] or living[0].positions.get("open_book_cost_base") == "direct-cost"


def test_relevant_change_in_law_reads_as_two_limbs_without_reasons(northlight):
    """r17 ob-fresh 6: a double "other than" reversed the meaning and reasons sat in the definition."""
    definition = northlight[1].split("Relevant Change in Law means")[1].split("\n")[0]
    # the merged definition (r17 ob-sample 6, ob-fresh 6): one change in Law, then two exclusions as (a) and (b)
    assert definition.startswith(" a change in Law that comes into force after the date of this Agreement, including, "
                                 "whenever their terms were made or announced, regulations under Chapter 2 of Part 3 of "
                                 "the Employment Rights Act 2025")
    assert ", but not (a) a change, other than such a fair pay agreement, whose terms had been made" in definition
    assert "; or (b) a change in the rates of the national minimum wage or the national living wage" in definition
    assert "other than a change whose terms" not in definition


def test_related_party_list_exists_even_when_none_is_disclosed(northlight):
    """r17 ob-fresh 7: clause 12.1 pointed to a Schedule 2 list that did not exist."""
    text = northlight[1]
    assert "arrangements disclosed when this Agreement is made are listed in Part 4 of Schedule 2" in text
    assert "Northlight has disclosed no Related-Party Arrangement at the date of this Agreement." in text


def test_core_support_accrues_daily_reduces_by_cost_at_one_home_and_keeps_the_minimum(northlight, living, catalogue):
    """r17 ob-fresh 8, 9 and 10: the minimum core places, one price for unlike homes, a weekly price paid daily."""
    text = northlight[1]
    assert "a Price for Core Support set by the week accrues at one seventh of that weekly Price for each place" in text
    assert "(including because of a Force Majeure Event), unless Northlight does not provide it because of an act" in text
    assert "at that home alone is reduced by the costs a year Northlight shows it has saved" in text
    assert "multiplied by the Core Support hours and nights remaining" not in text
    assert "A reduction may not leave the Core Support at a home paid for fewer than two places" in text
    result = assemble(northlight[0], catalogue, today=DRAFT_DATE)
    note = next(c for c in result.document.clauses if c.id == "open-book.core-support").note
    assert "Larkspur Close, four places, £232,960 a year" in note
    assert "48 Orchard Rise therefore cannot be reduced at all" in note
    assert "£160 a place, about £1,440 a year on these figures" in note
    assert "accrues at one seventh" not in living[1]    # priced by the hour and night


def test_incumbent_contract_is_named_and_ended_and_the_entire_agreement_yields(northlight, living):
    """r17 ob-fresh 14: the incumbent contract's number was in the sheet but the draft did not name or end it."""
    text = northlight[1]
    assert "contract DCC/ASC/2022/061 between the Parties (the earlier contract)" in text
    assert "the earlier contract ends at the end of 31 May 2027, if it has not ended by then" in text
    assert re.search(r"Despite the entire-agreement provision in clause \d+\.8,", text)
    assert "under an earlier contract between the Parties becomes a Tenant" in living[1] or "previous provider" in living[1]


def test_kpi_baselines_judge_lower_is_better_measures_and_seclusion_matches_the_kpi(northlight, living):
    """r17 ob-fresh 16: 'below its baseline' failed the provider for fewer incidents; seclusion was in the KPI only."""
    text = northlight[1]
    assert "is worse than its baseline (for a measure where a lower figure is better" in text
    assert "applies only once it has been set and recorded in writing by the Parties" in text
    assert "never use prone restraint or seclusion, and report" in text
    assert "never use prone restraint, and report" in living[1]


def test_clauses_are_not_called_paragraphs(northlight):
    """r17 ob-fresh 18: 'the previous paragraph' and 'this paragraph' were used for numbered clauses."""
    for phrase in ("previous paragraph", "under this paragraph", "indemnity in this paragraph", "end this paragraph"):
        assert phrase not in northlight[1], phrase
    assert "have not agreed within [60] days after it was sent, or about the review factor" in northlight[1]


def test_joint_after_care_duty_and_co_reviewers(northlight, living):
    """r17 ob-fresh 13: the ICB's s.117 role and its part in reviewing the books were missing."""
    text = northlight[1]
    assert "with the integrated care board, it must also provide or arrange for the provision of after-care" in text
    assert "to the integrated care board with which the Council provides after-care under section 117" in text
    assert "which may take part in reviewing it, on the same terms of confidence" in text
    assert "which may take part in reviewing it" not in living[1]


def test_supported_living_has_complaints_and_business_continuity(northlight, living):
    """r17 ob-fresh 22: no complaints or Ombudsman duty, and no duty to keep the plan the force majeure definition assumes."""
    for text in (northlight[1], living[1]):
        assert "complaints procedure that meets regulation 16" in text
        assert "may complain to the Local Government and Social Care Ombudsman" in text
        assert "must keep a business continuity plan for the Care Services" in text


def test_one_registration_serves_every_tenancy(northlight):
    """r17 ob-fresh 19: the only CQC location serves all the tenancies; the blank was fillable from the sheet."""
    assert "9 (all the Homes)" in northlight[1]
    assert "[tenancies served]" not in northlight[1]


def test_finding2_five_year_note_measures_from_signing_with_the_sheets_dates(catalogue):
    """Finding 2: signed no earlier than the draft date (5 December 2026), the five years end no earlier than
    4 December 2031, so the Service Term (to 31 March 2031) and the [6]-month run-off (to 30 September 2031) fit;
    the note no longer says no support can continue and no longer asks to 'record, before award' what the recital
    says has happened."""
    import datetime as dt
    from assembler.assemble import assemble
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate
    d = assemble(validate(load_text(OB_CALDMOOR.read_text(encoding="utf-8"), "t.yaml"), catalogue), catalogue,
                 today=dt.date(2026, 12, 5)).document
    n = flat(note(d, "open-book.term"))
    assert "It will be signed no earlier than 5 December 2026, so its five years end no earlier than 4 December 2031." in n
    assert "(to 31 March 2031) and up to [6] months' exit run-off (to 30 September 2031) fall within them" in n
    assert "no support can continue" not in n and "before award" not in n
    assert "Confirm that the Council's record of the award shows that the Society was a qualifying public service mutual" in n


def test_finding2_run_off_cut_where_signing_is_early(catalogue):
    """Drafted on 1 April 2026 (the tests' draft date), the five years end no earlier than 31 March 2031: the
    Service Term fits but a full run-off would not, so the note says the run-off is cut at that day."""
    n = flat(note(open_book_doc(catalogue, OB_CALDMOOR), "open-book.term"))
    assert "(to 31 March 2031) falls within them, but a full [6] months' exit run-off would run to 30 September 2031" in n
    assert "cuts any support continued at exit at 31 March 2031 (or the later day that signing gives)" in n


def test_finding2_quiet_where_the_term_does_not_fit(catalogue):
    """Quiet: an agreement signed long before a longer Service Term still gets the warning that the clause on the
    maximum term cuts the extension and the run-off."""
    d = open_book_doc(catalogue, OB_CALDMOOR, ("  extension_years: 0\n", "  extension_years: 2\n"))
    n = flat(note(d, "open-book.term"))
    assert "the whole contract runs beyond five years" in n and "no support can continue after that day" in n


def test_maximum_term_date_from_the_target_signing_date_is_bracketed(catalogue):
    """r29 ob-fresh finding 9: the day before the fifth anniversary, worked out from the target signing date, is in
    brackets with a note to correct it on dating; with no target date, no date is printed."""
    from tests.families.clause_texts import clause_text, document_of, flat, note
    path = ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml"
    text = path.read_text(encoding="utf-8")
    doc = document_of(catalogue, text)
    body = flat(clause_text(doc, "open-book.term"))
    assert "the fifth anniversary of the date this Agreement takes effect ([25 February 2032])" in body
    assert "(25 February 2032)" not in body
    assert "Signed on the target date (26 February 2027), its five years would end on 25 February 2032" in flat(
        note(doc, "open-book.term"))
    undated = document_of(catalogue, text.replace("  agreement_date: 2027-02-26\n", ""))
    body = flat(clause_text(undated, "open-book.term"))
    assert "takes effect, and an extension notice" in body and "2032" not in body


def test_community_benefit_society_reads_committee_members_and_society_accounts(catalogue):
    """r29 ob-fresh finding 17: a provider that is a non-charitable community benefit society has committee members,
    not trustees, and accounts under the 2014 Act, not SORP or FRS 102 company accounts; a charity keeps both."""
    from tests.families.clause_texts import clause_text, document_of, flat, note
    fox = document_of(catalogue, (ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml").read_text(
        encoding="utf-8"))
    assert "a Party's members, committee members or officers." in flat(clause_text(fox, "common.conflicts-of-interest"))
    costs = flat(note(fox, "common.open-book-costs"))
    assert "annual accounts it prepares under the Co-operative and Community Benefit Societies Act 2014" in costs
    assert "SORP" not in costs and "community interest company" not in costs
    charity = document_of(catalogue, (ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml").read_text(
        encoding="utf-8"))
    assert "committee members" not in flat(clause_text(charity, "common.conflicts-of-interest"))
    assert "SORP accounts" in flat(note(charity, "common.open-book-costs"))
