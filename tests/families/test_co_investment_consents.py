"""Co-investment powers and consents in the draft: the powers recited, the general consents, the Charity Commission's
authority, the conditions precedent that turn on them, subsidy control decisions and tax advice. Each finding of a
review has a firing case and a quiet case on a sheet without the fact."""

from __future__ import annotations

from tests.families.clause_texts import document_of, clause_text, flat, note
from tests.families.conftest import HOMES, BIRCHFIELD, TAMSFORD, WEALDSHIRE


def test_section_57_domestic_abuse_act_is_a_purpose_not_a_power(catalogue):
    """r20 ci-fresh finding 14: s.57 DAA 2021 (a support duty) listed among the powers is recited as a purpose, not a power; a
    sheet without it keeps the powers sentence alone."""
    doc = document_of(catalogue, BIRCHFIELD)
    rec = clause_text(doc, "co-investment.recitals")
    assert "and section 24 of the Local Government Act 1988 (financial assistance for privately let housing) to enter" in rec
    assert "in part to give effect to its strategy for accommodation-based support" in rec
    assert "gives no power to grant a lease or a grant" in note(doc, "co-investment.recitals")
    quiet = document_of(catalogue, BIRCHFIELD.replace("    - section 57 of the Domestic Abuse Act 2021 (support in safe accommodation)\n", ""))
    assert "accommodation-based support" not in clause_text(quiet, "co-investment.recitals")


def test_general_authority_request_is_stated_once(homes_draft):
    """r21 ci-sample finding 15: the request for the Commission's general authority is the obligation in clause 3 only; the
    Completion Condition and the end-of-term clause refer to it rather than repeating it."""
    everything = "\n".join(clause_text(homes_draft, c.id) for c in homes_draft.all_clauses())
    assert everything.count("authorising generally") == 1
    assert "The grant of the Authority Option is conditional on the order applied for under clause 3.3." in \
        clause_text(homes_draft, "co-investment.end-of-term")  # r23 ci-sample 3: the order is applied for after completion


def test_sdlt_advice_covers_the_registered_provider_exemption(tamsford_draft):
    """r23 ci-fresh finding 11: the tax advice covers FA 2003 s.71 (a non-profit registered provider's purchase funded
    with the assistance of a public subsidy) as well as charities relief."""
    t = clause_text(tamsford_draft, "co-investment.tax", flat=True)
    assert "under Schedule 8 to the Finance Act 2003 (charities relief) or section 71 of that Act" in t
    n = flat(note(tamsford_draft, "co-investment.tax"))
    assert "section 71(1)(c) of the Finance Act 2003" in n
    assert "(including the money from the Local Authority Housing Fund)" in n


def test_sdlt_advice_for_a_charity_that_is_not_a_registered_provider(catalogue):
    """Quiet: a charity that is not a registered provider is asked about charities relief only."""
    text = TAMSFORD.replace("  rsh_number: L2917\n", "").replace("  registered_provider: true", "  registered_provider: false")
    t = flat(clause_text(document_of(catalogue, text), "co-investment.tax"))
    assert "section 71" not in t


def test_subsidy_decision_after_the_draft_date_is_not_stated_as_made(tamsford_draft):
    """r23 ci-fresh finding 16: a Cabinet decision dated after the draft (8 December 2026, call-in to 16 December) is
    stated as expected, and the note says to confirm both dates."""
    t = clause_text(tamsford_draft, "co-investment.subsidy-control", flat=True)
    assert "the decision is expected to be made on 8 December 2026 and confirmed on 16 December 2026" in t
    assert "was made on 8 December 2026" not in t
    n = flat(note(tamsford_draft, "co-investment.subsidy-control"))
    assert "confirm both dates before the Agreement is signed" in n


def test_subsidy_decision_before_the_draft_date_is_stated_as_made(catalogue):
    """Quiet: a decision dated before the draft is stated as made."""
    doc = document_of(catalogue, TAMSFORD.replace("decided_on: 2026-12-08", "decided_on: 2026-03-10")
                      .replace("decision_date: 2026-12-16   # call-in period ends", "decision_date: 2026-03-20")
                      .replace("assessment_date: 2026-11-20", "assessment_date: 2026-03-02"))
    t = clause_text(doc, "co-investment.subsidy-control", flat=True)
    assert "the decision was made on 10 March 2026 and confirmed on 20 March 2026" in t
    assert "Its decision to give them was made on 10 March 2026" in t


def test_board_approval_of_the_acquisition_criteria_is_read_as_the_criteria_signed(catalogue):
    """r23 ci-fresh finding 15: a drawdown condition that the Partnership Board approve the Acquisition Criteria is
    circular (they are fixed in the Schedule and change only with every Party's consent); the table reads it as met
    by the criteria as signed, so an absent Party cannot hold up the drawdown, and the note says so."""
    doc = document_of(catalogue, TAMSFORD)
    t = clause_text(doc, "co-investment.schedule-contributions", flat=True)
    assert ("the Acquisition Criteria approved by the Partnership Board means the Acquisition Criteria in Schedule"
            in t and "which the Parties approve by signing this Agreement" in t)
    assert "the table reads the condition as met by the criteria as signed" in flat(note(doc, "co-investment.schedule-contributions"))


def test_no_board_approval_reading_without_that_condition(homes_draft):
    """Quiet: the sample's drawdown conditions do not ask for board approval of the criteria."""
    assert "approve by signing this Agreement" not in clause_text(homes_draft, "co-investment.schedule-contributions", flat=True)
    assert "criteria as signed" not in flat(note(homes_draft, "co-investment.schedule-contributions"))


def test_s25_consent_named_from_2010_is_read_with_the_2014_consents(catalogue):
    """r23 ci-fresh finding 18 (3.2(b)): a general consent named from the 2010 consents is read with the 2014 general
    consents, which amended them; quiet where the reference already names 2014."""
    t = flat(clause_text(document_of(catalogue, TAMSFORD), "co-investment.conditions-precedent"))
    assert "(Local Authority assistance for privately let housing) 2010, read with the general consents issued under that section in 2014" in t
    quiet = TAMSFORD.replace("privately let housing) 2010", "privately let housing) 2010 and 2014")
    assert "read with the general consents issued under that section in 2014" not in flat(
        clause_text(document_of(catalogue, quiet), "co-investment.conditions-precedent"))


def test_two_tier_council_confirms_no_reorganisation_direction(homes_draft):
    """r23 ci-sample finding 12: a district or county council may be dissolved on reorganisation, and a direction
    under s.24 LGPIHA 2007 can require consent for a capital contract over £1m or a land disposal over £100,000: a
    Completion Condition asks it to confirm that none applies or that consent has been given, and the note says why."""
    t = clause_text(homes_draft, "co-investment.conditions-precedent", flat=True)
    assert "no direction under section 24 of the Local Government and Public Involvement in Health Act 2007" in t
    assert "applies to this Agreement or the Transfers or, if one does, that every consent it requires has been given" in t
    n = flat(note(homes_draft, "co-investment.conditions-precedent"))
    assert "capital contract over £1,000,000 or a disposal of land for more than £100,000" in n


def test_no_reorganisation_condition_for_a_council_not_named_as_two_tier(catalogue):
    """Quiet: a council named neither a district nor a county council (a unitary or metropolitan borough) gets none."""
    doc = document_of(catalogue, HOMES.replace("Trentvale District Council", "Trentvale Borough Council"))
    assert "section 24 of the Local Government and Public Involvement" not in flat(
        clause_text(doc, "co-investment.conditions-precedent"))


def test_county_council_does_not_recite_the_housing_authority_power(wealdshire_draft):
    """r25 ci-fresh finding 2: s.24(1) LGA 1988 is a power of a local housing authority only. A county council that
    lists it gives the assistance under the general power of competence with the s.25(1)(b) consent, and the notes
    say so."""
    r = clause_text(wealdshire_draft, "co-investment.recitals", flat=True)
    assert "section 24 of the Local Government Act 1988" not in r
    assert ("gives the financial assistance and gratuitous benefit for privately let housing provided for in this "
            "Agreement under section 1 of the Localism Act 2011, with the consent required by section 25(1)(b) of the "
            "Local Government Act 1988.") in r
    n = flat(note(wealdshire_draft, "co-investment.recitals"))
    assert "s.24(1) gives that power only to a local housing authority, and the Council is not one" in n
    c = flat(note(wealdshire_draft, "co-investment.conditions-precedent"))
    assert "The Council is not a local housing authority, so it cannot use the power in s.24(1)" in c


def test_housing_authority_keeps_its_section_24_power(catalogue):
    """Quiet: the same sheet for a council that is the local housing authority recites s.24 as listed."""
    d = document_of(catalogue, WEALDSHIRE.replace("housing_authority: false", "housing_authority: true"))
    r = clause_text(d, "co-investment.recitals", flat=True)
    assert "section 24 of the Local Government Act 1988 (with consent under section 25 of that Act)" in r
    assert "section 25(1)(b)" not in r
    assert "only to a local housing authority" not in flat(note(d, "co-investment.recitals"))
    assert "cannot use the power in s.24(1)" not in flat(note(d, "co-investment.conditions-precedent"))


def test_sample_recital_unchanged(catalogue):
    """Quiet: the sample (a district council with no housing_authority flag) recites its powers as listed."""
    r = flat(clause_text(document_of(catalogue, HOMES), "co-investment.recitals"))
    assert "section 25(1)(b)" not in r
