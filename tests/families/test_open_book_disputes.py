"""Open-book dispute route: where the sheet instructs escalation and expert determination, every Dispute goes to an
expert except ending the agreement and safeguarding, for the courts, and the note says so (r27 ob-sample 10, r32 F4)."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import all_text, clause_text, document_of, document_text, flat, note
from tests.families.conftest import (
    OB_ALDERBECK, OB_BREAKS, OB_CHARITY, OB_NIGHTLY, open_book_doc, open_book_draft_text,
    open_book_result,
)

ALLIANCE = ROOT / "samples" / "alliance" / "small-majority-three-members.yaml"


def test_instructed_expert_route_note_says_where_the_draft_departs(catalogue):
    n = note(document_of(catalogue, OB_CHARITY.read_text(encoding="utf-8")), "common.disputes")
    assert "The instructions choose escalation and expert determination without limiting it to figures, so every " \
           "Dispute goes to an expert" in " ".join(n.split())
    assert "Confirm that carve-out with the client" in " ".join(n.split())


def test_instructed_expert_route_sends_every_dispute_to_an_expert_but_termination_and_safeguarding(catalogue):
    """r32 ob-sample F4: escalation-expert chosen by the sheet is the default for all Disputes, with ending the
    agreement (or a person's care) and safeguarding carved out for the courts, and no mediation limb."""
    body = " ".join(clause_text(document_of(catalogue, OB_CHARITY.read_text(encoding="utf-8")), "common.disputes").split())
    assert "to the courts, by starting proceedings under clause" in body
    assert "about the ending of this Agreement or of any person's care under it" in body
    assert "or about safeguarding (whether a person is at risk of harm" in body
    assert "to expert determination under this clause, in every other case." in body
    assert "mediation" not in body
    assert "applying to a court for an injunction or other urgent interim relief" in body


def test_other_families_keep_mediation_for_non_financial_disputes(catalogue):
    """Quiet: an alliance with the same route keeps the categories and the mediation limb."""
    body = clause_text(document_of(catalogue, ALLIANCE.read_text(encoding="utf-8")), "common.disputes")
    assert "to mediation, in every other case" in " ".join(body.split())
    assert "by starting proceedings under clause" not in body


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


def test_expert_determinations_are_carved_out_of_the_dispute_steps(catalogue, tmp_path):
    text = open_book_draft_text(catalogue, OB_BREAKS, lambda d: d["open_book"].setdefault("related_parties", []).append({
        "name": "Lodge Estates Limited", "relationship": "a company owned by the trustees",
        "arrangement": "leases Kestrel Lodge to Ashdown", "annual_value": 30000}))
    assert "a market rate set by a valuer or accountant under clause" in text
    assert "a market rate set by a valuer" not in open_book_draft_text(catalogue, OB_BREAKS)   # no related party, no valuation
    assert "or amendments referred to an Independent Accountant under clause" in text


def test_rebasing_factor_and_units_disputes_go_to_the_independent_accountant(catalogue):
    text = document_text(open_book_result(catalogue, OB_NIGHTLY))
    # r23 ob-fresh 8: the list now also names the 5.2 reduction and the change-in-law adjustment
    assert "or about a factor worked out under clause 5.7 or clause 6.1, a number of units under clause 5.8, a reduction" in text
    assert "until the figure is agreed or decided under clause 13.7)" in text


def test_expert_determination_covers_warranty_reductions_and_change_in_law_adjustments(catalogue):
    """ob-fresh 8: 13.7 sends to the Independent Accountant the figures of a 5.2 reduction and a change-in-law
    adjustment (29.1, 6.2), not only the reconciliation, the factors and the units. (The sample's escalation-expert
    route sends every figure dispute to an expert under the disputes clause instead.)"""
    for path in (OB_ALDERBECK,):
        body = clause_text(open_book_doc(catalogue, path), "common.open-book-profit-cap", flat=True)
        assert ("a number of units under clause 5.8, a reduction of the Prices under clause 5.2, or an adjustment for "
                "a change in law under clause") in body
        assert "or clause 6.2, that they have not resolved" in body


def test_dispute_clause_names_the_rate_of_the_index(homecare_doc):
    cap = clause_text(homecare_doc, "common.open-book-profit-cap", flat=True)
    assert "or about the rate of the index worked out under clause 8.1" in cap
    assert "the factor worked out" not in cap


def test_the_accountant_route_for_figures_is_listed_among_the_assumptions(catalogue):
    """r32 ob-fresh finding 19: expert determination of figures departs from an instructed escalation-mediation route,
    so it is listed among the points needing instructions; quiet where the route is already expert determination."""
    text = flat(all_text(open_book_doc(catalogue, OB_ALDERBECK)))
    assert ("goes to an Independent Accountant for expert determination, a departure from the instructed dispute route "
            "(escalation, then mediation and the courts)") in text
    assert "for expert determination, a departure from the" not in flat(all_text(open_book_doc(catalogue, OB_CHARITY)))
