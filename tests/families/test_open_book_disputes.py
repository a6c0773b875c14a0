"""Open-book dispute route: where the sheet instructs escalation and expert determination, the note says that the
draft sends only disputes about figures to the expert and takes instructions on the rest (r27 ob-sample finding 10)."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import document_of, note

KIDS = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
ALLIANCE = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"


def test_instructed_expert_route_note_says_where_the_draft_departs(catalogue):
    n = note(document_of(catalogue, KIDS.read_text(encoding="utf-8")), "common.disputes")
    assert "The instructions choose escalation and expert determination without limiting it to figures." in n
    assert "take instructions" in n


def test_other_families_keep_their_note(catalogue):
    """Quiet: an alliance with the same route has the general categories and no departure sentence."""
    n = note(document_of(catalogue, ALLIANCE.read_text(encoding="utf-8")), "common.disputes")
    assert "The instructions choose escalation" not in n


def test_reconciliation_referral_is_given_once_and_its_periods_are_assumptions(catalogue):
    """r28 ob-fresh 18 and 25 (Wexcombe, sharing band, mediation route): 11.7 no longer gives a second right to refer
    the figures (11.8 gives it), the bracketed reconciliation periods are listed among the clause 1 assumptions, and
    the final Reconciliation Statement's 60 days are bracketed like the others."""
    from assembler.assemble import assemble
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import DRAFT_DATE
    from tests.families.clause_texts import clause_text, flat

    sheet = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"
    doc = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    cap = flat(clause_text(doc, "common.open-book-profit-cap"))
    assert ("If the Parties have not agreed a Reconciliation Statement within [60] days after it was sent, the figures "
            "not in question are treated as agreed, and the figures in question may be referred only under clause 11.8.") in cap
    assert cap.count("may be referred by either of them") == 1
    definitions = flat(note(doc, "common.definitions"))
    assert ("the reconciliation timetable: 60 days to send a Reconciliation Statement, 30 days to confirm or question "
            "it, 10 Business Days to answer a question, and 60 days before a referral to an Independent Accountant") in definitions
    assert "send a final Reconciliation Statement within [60] days after the end" in flat(clause_text(doc, "open-book.termination"))
