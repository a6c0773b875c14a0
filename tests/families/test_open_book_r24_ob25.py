"""r24 open-book review of the Meadowbank sample (ob-sample.report.md): the findings the ob25 lane fixed."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_ADULT, OB_CHARITY, open_book_document, open_book_with


def test_break_costs_exception_names_the_minimum_notice_and_core_places_pay_part_weeks(catalogue):
    """Finding 10: the break-costs exception sits in the notice under 7.7(b) it is about, not in 29.2 misdescribing it. Finding 12:
    the Core Places are paid at one seventh of the weekly Price a day for part of a week (the term runs Thursday to
    Monday). Quiet: a sheet paying nightly Prices (short breaks) has no part-week sentence."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    assert "where clause 7 requires the Council" not in clause_text(d, "open-book.termination", flat=True)
    assert ("give notice to end this Agreement for that home under clause 29.1, in which case nothing is payable under "
            "clause 29.2") in clause_text(d, "open-book.voids", flat=True)
    assert ("whether or not it is used for a Placement. For part of a week, the Council pays for each night of the "
            "Service Term in that week under clause 5.1.") in clause_text(d, "open-book.voids", flat=True)
    nightly = open_book_document(catalogue, (ROOT / "samples" / "open-book" / "short-breaks-charity.yaml").read_text(encoding="utf-8"))
    assert all("one seventh of the weekly" not in clause_text(nightly, c.id, flat=True)
               for c in nightly.all_clauses() if c.id == "open-book.voids")


def test_transition_keeps_the_earlier_contract_alive_for_a_child_awaiting_confirmation(catalogue):
    """Finding 4: a child who is not an Existing Placement stays under the earlier contract until the confirmation;
    8.3 now keeps that contract in force for the child if it would otherwise expire, and the Council pays its fee;
    the note asks for the expiry date. Quiet: a sheet without a user-choice award has neither."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    body = clause_text(d, "open-book.placements", flat=True)
    # r25 ob-sample 1: the earlier contract runs on only once the Council confirms the extension is lawful.
    assert ("That contract continues for that child after the date on which it would otherwise end only if, and from the "
            "date that, the Council confirms in writing to the Trust that the extension may lawfully be made and that it "
            "has published any notice the law requires for it. The Council must pay the fee under that contract for any "
            "period for which it continues.") in body
    assert "the Parties agree that it continues" not in body
    assert "the Council must give the Trust the confirmation described in clause 3.3" not in body
    assert ("the Council must decide under clause 3.4 whether it gives the confirmation described in clause 3.3 for "
            "continuing each of those placements that is not an Existing Placement, and must tell the Trust its decision."
            ) in body
    assert "Get the earlier contract's expiry date, the regime it was let under" in flat(note(d, "open-book.placements"))
    assert "(reg. 72)" in flat(note(d, "open-book.placements"))
    adult = open_book_document(catalogue, OB_ADULT.read_text(encoding="utf-8"))
    assert "would otherwise end" not in clause_text(adult, "open-book.placements", flat=True)
    assert "expiry date" not in flat(note(adult, "open-book.placements"))


def test_step_in_for_a_childrens_home_does_not_hand_over_a_registered_home(catalogue):
    """Finding 5: registration under the Care Standards Act 2000 (s.11) is the provider's, so step-in for a children's
    home is an approved manager and directions, the Council's own staff, and moves; the Council keeps paying; the
    premises direct agreement lets only a registered (or applying) provider occupy; the note says why. Quiet: an adult
    care home keeps the take-over step-in."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    body = clause_text(d, "open-book.termination", flat=True)
    assert ("require the Trust to appoint a manager or consultant the Council approves, and to follow the Council's "
            "reasonable directions on the care of Placed Children;") in body
    assert "arrange for Placed Children to move." in body
    assert "it may take over, or appoint another provider to take over" not in body
    assert "While the Council steps in, it continues to pay the Prices, including for the Core Places" in body
    assert ("or a provider it appoints that is registered, or has applied to be registered, with Ofsted under Part 2 of "
            "the Care Standards Act 2000 to carry on a children's home there, to occupy") in body
    assert "(Care Standards Act 2000 s.11)" in flat(note(d, "open-book.termination"))
    adult = open_book_document(catalogue, OB_ADULT.read_text(encoding="utf-8"))
    abody = clause_text(adult, "open-book.termination", flat=True)
    assert "it may take over, or appoint another provider to take over" in abody
    assert "consultant the Council approves" not in abody


def test_core_places_include_the_made_up_minimum_and_the_run_off_is_offered_in_brackets(catalogue):
    """Finding 6: 3.3 counts a place made up to the minimum on the start date among the Core Places (so 7.8(b) no
    longer contradicts it), and 7.7 offers the run-off of the remaining Existing Placements as a bracketed third
    choice. Quiet: a sheet without a user-choice award has neither."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    # r25 ob-sample 5: 3.3 no longer describes the Core Places in words clause 7.6 contradicts after the start date.
    assert ("need not move. The Core Places are identified under clause 7.8, and a place stops being one of them only "
            "as clause 7 and clause 29.9 provide.") in clause_text(d, "open-book.services", flat=True)
    assert ("[notify the Trust that each remaining Placement at that home continues at the weekly Price while the "
            "child lives there, in which case the empty place ceases to be one of the Core Places") in clause_text(
        d, "open-book.voids", flat=True)
    adult = open_book_document(catalogue, OB_ADULT.read_text(encoding="utf-8"))
    assert "remaining Existing Placement" not in clause_text(adult, "open-book.voids", flat=True)
    single = open_book_document(catalogue, (ROOT / "samples" / "open-book" / "single-placement.yaml").read_text(encoding="utf-8"))
    body = clause_text(single, "open-book.voids", flat=True)
    assert "remaining Existing Placement" not in body and "nothing is payable under clause 29.2." in body
