"""Open-book care homes for adults: the registered manager and staffing clause, the absences paid for, the Council's
notice in the services note, and the care-home wording kept where other settings drop it."""

from __future__ import annotations

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from tests.families.clause_texts import clause_text, document_of, document_text, flat, note
from tests.families.conftest import (
    OB_ADULT, OB_BRAMBLECOMBE, OB_CHARITY, OB_GREYSTONE, open_book_doc, open_book_result,
)


def test_services_note_states_the_councils_notice_in_a_care_home(catalogue):
    """r20 ob-fresh 6: the note said the council gives no notice while the residents clause gives 7 days."""
    care = next(c for c in open_book_result(catalogue, "adult-care-sharing-band.yaml").document.clauses
                if c.id == "open-book.services").note
    assert "gives none" not in care and "ends a placement on 7 days' notice" in care
    kids = next(c for c in open_book_result(catalogue, "childrens-homes-charity.yaml").document.clauses
                if c.id == "open-book.services").note
    assert "ends a placement on 7 days' notice" not in kids


def test_care_home_sample_keeps_its_wording(catalogue):
    sheet = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"
    text = " ".join(document_text(assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE)).split())
    assert "purchasers of care and support" not in text


def test_adult_sheet_has_no_children_representations(catalogue):
    """Finding 14, quiet: an adult care sheet has no Children Act representations duty."""
    adult = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"
    text = flat(document_text(assemble(read_termsheet(adult, catalogue), catalogue, today=DRAFT_DATE)))
    assert "Representations Procedure" not in text


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
    assert "each of the Homes has a manager registered" not in body and "each of the Home has" not in body


def test_only_the_absences_the_sheet_covers_are_paid_for_an_adult(catalogue):
    """r25 ob-fresh finding 8: absence_covers [hospital] pays a hospital stay only; other absences need agreement."""
    text = OB_BRAMBLECOMBE.read_text()
    body = flat(clause_text(document_of(catalogue, text), "open-book.pricing"))
    assert "While a Placed Person is in hospital, the Council must keep paying the Price" in body
    assert "planned stay elsewhere" not in body
    assert ("No Price is payable for a place that is not one of the Core Places while the person is away for any "
            "other reason, unless the Council agrees in writing.") in body
    quiet = text.replace("  absence_covers: [hospital]\n", "", 1)
    body = flat(clause_text(document_of(catalogue, quiet), "open-book.pricing"))
    assert "in hospital or on a planned stay elsewhere" in body and "away for any other reason" not in body


def test_care_home_keeps_its_wording(catalogue):
    d = assemble(read_termsheet(OB_ADULT, catalogue), catalogue, today=DRAFT_DATE).document
    assert "trustees" in clause_text(d, "common.definitions", flat=True)
    sched = clause_text(d, "common.open-book-schedule-reconciliation", flat=True)
    assert "Occupancy" in sched and "Scenarios by hours delivered" not in sched


def test_core_places_that_are_all_the_places_of_a_type_drop_the_parenthesis(catalogue):
    """r32 ob-fresh finding 18: 'twenty-two are places for ... (of the twenty-two places of that type)'."""
    all_core = open_book_doc(catalogue, OB_BRAMBLECOMBE, ("      expected_units: 470\n      capacity_units: 520\n",
                                                          "      expected_units: 416\n      capacity_units: 416\n"))
    text = clause_text(all_core, "open-book.schedule-services", flat=True)
    assert 'eight are places for "Dementia nursing care, one resident".' in text
    assert '(of the sixteen places of that type)' in text   # 832 weeks: sixteen places, twelve of them Core Places
    assert '(of the sixteen places of that type)' in clause_text(
        open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.schedule-services", flat=True)


def test_a_top_up_is_paid_with_the_price_and_the_council_bears_a_payer_s_default(catalogue):
    """r32 ob-fresh finding 6: the top-up clause barred direct dealing and kept top-ups out of Service Income but gave
    no payment route and said nothing of a payer who stops paying; the placement agreement had no top-up row."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    t = clause_text(doc, "open-book.residents", flat=True)
    assert "the Price and the additional cost the agreement sets, and recovers the additional cost from the payer" in t
    assert "If the payer stops paying the additional cost, the Council still pays it" in t
    assert "[28] days' notice" in t
    assert "how it identified that cost and left it out" in t
    ipa = clause_text(doc, "open-book.schedule-placement-agreement", flat=True)
    assert "Additional cost agreement under the Choice of Accommodation Regulations" in ipa
    assert "makes the council responsible for the total cost" in flat(note(doc, "open-book.residents"))


def test_no_top_up_row_outside_adult_care_homes(catalogue):
    ipa = clause_text(open_book_doc(catalogue, OB_CHARITY), "open-book.schedule-placement-agreement", flat=True)
    assert "Choice of Accommodation" not in ipa


def test_services_note_gives_the_instructed_council_notice(catalogue):
    """r34 ob-fresh2 F7: the services note said 7 days (assumed) where the sheet instructs 28, as clause 9 says."""
    care = next(c for c in open_book_result(
        catalogue, "adult-care-sharing-band.yaml", lambda d: d["services"].__setitem__("commissioner_notice_days", 28)
    ).document.clauses if c.id == "open-book.services").note
    flat_note = " ".join(care.split())
    assert "ends a placement on 28 days' notice, as instructed, or at once" in flat_note
    assert "an assumption to confirm" not in flat_note.split("ends a placement on", 1)[1].split(")", 1)[0]
