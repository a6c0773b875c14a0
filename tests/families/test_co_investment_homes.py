"""Co-investment homes in the draft: buying them (deadlines, areas, criteria), their works and lettable standard, the
registered provider's duties and safety, and the impact targets and outcomes measured on them. Each finding of a
review has a firing case and a quiet case on a sheet without the fact."""

from __future__ import annotations

from tests.families.clause_texts import document_of, clause_text, flat, note
from tests.families.conftest import HOMES, LEASE, BIRCHFIELD, WELLGATE, TAMSFORD


def test_impact_target_does_not_call_refuge_units_affordable_homes(catalogue):
    """r20 ci-fresh finding 18: with refuge units on licences, the impact target speaks of homes let or occupied, and one leased
    property is singular; the affordable homes sample keeps 'affordable homes'."""
    text = clause_text(document_of(catalogue, BIRCHFIELD), "co-investment.purpose-outcomes")
    assert ("to provide sixteen (16) homes in the Partnership Area let or occupied by 31 October 2028: ten in the "
            "Leased Property and six Acquired Homes bought by 30 June 2028") in text
    assert "affordable homes in the Partnership Area" in clause_text(document_of(catalogue, HOMES),
                                                                    "co-investment.purpose-outcomes")


def test_buying_deadline_on_the_letting_date_is_bracketed(homes_draft):
    """r21 ci-sample finding 3: homes may be bought up to 31 May 2030 and must be let by that day: clause 6 brackets an earlier
    buying deadline (six months before) against the agreed one, and the letting date against letting within six
    months after buying; the works clause and Schedule 4 follow, and the note says which brackets go together."""
    acq = clause_text(homes_draft, "co-investment.acquisition")
    assert "by [30 November 2029] [31 May 2030]" in acq
    assert "let it within six months after buying it [and in any case by 31 May 2030]" in acq
    assert "within six months after buying it [and in any case in time for it to be let by 31 May 2030]" in \
        clause_text(homes_draft, "co-investment.works")
    assert "homes in total by [30 November 2029] [31 May 2030]" in clause_text(homes_draft, "co-investment.schedule-criteria")
    assert "either an earlier buying deadline of 30 November 2029" in " ".join(note(homes_draft, "co-investment.works").split())


def test_letting_date_after_the_buying_deadline_is_not_bracketed(catalogue):
    """Quiet: with a letting date six months after the buying deadline, no brackets."""
    d = document_of(catalogue, HOMES.replace("  deadline: 2030-05-31\n", "  deadline: 2030-05-31\n  let_by: 2030-11-30\n", 1))
    acq = clause_text(d, "co-investment.acquisition")
    assert "by 31 May 2030, and to have carried out the works" in acq and "[" not in acq.split("Criteria")[1][:60]
    assert "let it by 30 November 2030" in acq


def test_impact_target_uses_the_letting_date_and_the_sheets_own_words(wellgate_draft):
    """r22 ci-fresh finding 7: with no homes to buy, the impact target takes the sheet's letting date (the one in Schedule 5), not
    the end of the Partnership Term, and says "affordable" only where the purpose does."""
    t = clause_text(wellgate_draft, "co-investment.purpose-outcomes", flat=True)
    assert "to provide sixteen (16) homes in the Partnership Area let by 31 July 2028, all of them in the Transferred " \
        "Property" in t
    assert "affordable homes" not in t and "by the end of the Partnership Term, all" not in t


def test_impact_target_quiet_without_a_letting_date(catalogue):
    """Quiet: a sheet whose purpose says affordable keeps the word; with no letting date the end of the term stays."""
    text = WELLGATE.replace("  let_by: 2028-07-31\n", "").replace("16 homes let by 31 July 2028", "16 homes let").replace(
        "provide settled, self-contained homes", "provide settled, self-contained affordable homes")
    t = clause_text(document_of(catalogue, text), "co-investment.purpose-outcomes", flat=True)
    assert "sixteen (16) affordable homes in the Partnership Area by the end of the Partnership Term" in t


def test_unfundable_early_buying_deadline_is_not_offered(tamsford_draft):
    """r23 ci-fresh finding 9: where the letting date (30 September 2028) leaves no time after the buying deadline and
    buying every home six months earlier cannot be funded (Ravelin draws on 2 May 2028), the draft keeps the buying
    deadline, requires each home to be let within six months after purchase in clauses 6 and 7 alike, and brackets
    nothing."""
    a = clause_text(tamsford_draft, "co-investment.acquisition", flat=True)
    assert "by 30 September 2028, and to have carried out the works to each of them under clause 7 and let it within six " \
           "months after buying it" in a
    assert "[30 March 2028]" not in a
    w = clause_text(tamsford_draft, "co-investment.works", flat=True)
    assert "must complete the works within six months after the purchase of each home." in w
    assert "let by 30 September 2028" not in w
    n = flat(note(tamsford_draft, "co-investment.works"))
    assert "Buying every home by 30 March 2028 instead cannot be funded: only £4,000,000 is drawn by then" in n
    assert "bracket the choice" not in n


def test_fundable_early_deadline_is_still_bracketed_in_both_clauses(catalogue):
    """Quiet: where all the money is drawn before the earlier buying deadline, the choice is bracketed as before, and
    clause 7 brackets the letting date as clause 6 does."""
    doc = document_of(catalogue, TAMSFORD.replace("  - date: 2028-05-02\n    contributor: Ravelin",
                                                  "  - date: 2028-02-01\n    contributor: Ravelin"))
    a = clause_text(doc, "co-investment.acquisition", flat=True)
    assert "[30 March 2028] [30 September 2028]" in a
    w = clause_text(doc, "co-investment.works", flat=True)
    assert "[and in any case in time for it to be let by 30 September 2028]" in w


def test_council_measured_outcomes_are_not_the_associations(tamsford_draft):
    """r23 ci-fresh finding 12: measures 'measured and reported by the Council' are reported with the Council's figures,
    are outside the Association's endeavours duty and cannot found a Default Event."""
    s = clause_text(tamsford_draft, "co-investment.schedule-outcomes", flat=True)
    assert "The Association reports in each Impact Report on the measures other than those the Council measures." in s
    assert "The Council must give the Association its figures for those measures within 10 Business Days" in s
    p = clause_text(tamsford_draft, "co-investment.purpose-outcomes", flat=True)
    assert "other than a measure that the Outcomes Framework states is measured by the Council" in p
    d = clause_text(tamsford_draft, "co-investment.default-termination", flat=True)
    assert "(which may not be a measure that the Outcomes Framework states is measured by the Council)" in d


def test_outcomes_the_association_measures_stay_its_own(catalogue):
    """Quiet: without Council-measured measures, the Association reports every measure."""
    doc = document_of(catalogue, TAMSFORD.replace(" (measured and reported by the Council)", ""))
    s = clause_text(doc, "co-investment.schedule-outcomes", flat=True)
    assert "The Association reports on these measures in each Impact Report." in s
    assert "measured by the Council" not in clause_text(doc, "co-investment.purpose-outcomes", flat=True)


def test_area_places_are_alternatives_and_the_proximity_test_applies_to_each(tamsford_draft):
    """r23 ci-fresh finding 14: two places are alternatives, and 'within a mile of ...' applies to either."""
    c = clause_text(tamsford_draft, "co-investment.schedule-criteria", flat=True)
    assert ("In Tamsford town (TF1, TF2 and TF3) or in Ellingham and Hapsworth (TF5) and, in either case, within a mile "
            "of a primary school") in c


def test_plain_area_list_is_joined_as_before(catalogue):
    """Quiet: areas with no condition among them are listed as before."""
    doc = document_of(catalogue, TAMSFORD.replace(
        "    - within a mile of a primary school and a bus route to Tamsford town centre\n", ""))
    c = clause_text(doc, "co-investment.schedule-criteria", flat=True)
    assert "Tamsford town (TF1, TF2 and TF3) and Ellingham and Hapsworth (TF5)" in c


def test_registered_provider_safety_duties_are_current(catalogue):
    """r23 ci-fresh finding 17 (cl. 17 note): for a registered provider the note says the electrical safety
    regulations now extend to it (S.I. 2025/1043) and names Awaab's Law for its social housing tenancies."""
    n = flat(note(document_of(catalogue, TAMSFORD), "co-investment.operations"))
    assert "which S.I. 2025/1043 extended to registered providers of social housing (from 1 November 2025" in n
    assert "Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025 (Awaab's Law, in force 27 October 2025" in n


def test_private_landlord_safety_note_has_no_social_housing_duties(homes_draft):
    """Quiet: the Charity is not a registered provider, so neither is mentioned."""
    n = flat(note(homes_draft, "co-investment.operations"))
    assert "Electrical Safety Standards in the Private Rented Sector (England) Regulations 2020" in n
    assert "S.I. 2025/1043" not in n and "Awaab" not in n


def test_lettable_standard_is_defined_once_and_used(catalogue):
    """r23 ci-fresh finding 18: the standard before letting is a defined term (the sheet's words, with the Decent
    Homes Standard explained in it), used in the acquisition clause, the works clause and the criteria schedule
    instead of pasting the standard three times."""
    doc = document_of(catalogue, TAMSFORD)
    defs = clause_text(doc, "common.definitions", flat=True)
    assert "Lettable Standard means the Decent Homes Standard, free of category 1 hazards" in defs
    assert "the Association must bring it up to the Lettable Standard." in clause_text(doc, "co-investment.acquisition", flat=True)
    works = clause_text(doc, "co-investment.works", flat=True)
    assert "bring it up to the Lettable Standard" in works and "mains-wired smoke" not in works
    assert "The Lettable Standard (clause" in clause_text(doc, "co-investment.schedule-criteria", flat=True)


def test_lettable_standard_not_defined_without_homes(catalogue):
    """Quiet: a deal with no homes (community asset) has no works clause and no Lettable Standard."""
    assert "Lettable Standard" not in flat(clause_text(document_of(catalogue, LEASE), "common.definitions"))


def test_registered_provider_duties_are_lettered_and_no_transfer_fiction(catalogue):
    """r23 ci-fresh finding 18: the registered provider's three duties are lettered items (one each), and homes bought
    with the grant are held on the clawback and disposal terms without the fiction of a transfer by the Council."""
    doc = document_of(catalogue, TAMSFORD)
    lines = clause_text(doc, "co-investment.registered-provider").splitlines()
    i = lines.index("The Association must:")
    assert lines[i + 1].startswith("notify the Regulator of Social Housing of each disposal")
    assert lines[i + 2].startswith("let each home that is social housing at a rent the Rent Standard permits")
    assert lines[i + 3].startswith("tell the other Parties at once if it stops being a registered provider")
    t = clause_text(doc, "co-investment.asset-transfer", flat=True)
    assert "bought with the Authority Grant on the terms of clause" in t
    assert "as if it had been transferred to it" not in t
