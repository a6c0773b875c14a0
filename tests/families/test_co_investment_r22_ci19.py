"""r22 ci-fresh review (Wellgate: a CLT, two investors, a Council second charge ranking between them): findings the
ci19 lane fixed, each with a firing case on the Wellgate sheet and a quiet case on a sheet without the fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.families.clause_texts import document_of, clause_text as flat_clause_text

WELLGATE = Path(__file__).parent / "fixtures" / "co-investment-wellgate-r22.yaml"
TEXT = WELLGATE.read_text(encoding="utf-8")
SAMPLE = (Path(__file__).parents[2] / "samples" / "co-investment" / "affordable-homes-partnership.yaml").read_text(
    encoding="utf-8")


def draft(catalogue, text: str = TEXT):
    return document_of(catalogue, text)


@pytest.fixture(scope="module")
def doc(catalogue):
    return draft(catalogue)


def clause_text(doc, clause_id: str) -> str:
    return flat_clause_text(doc, clause_id, flat=True)


def test_registration_order_places_the_authority_charge_by_its_rank(doc):
    """Finding 1: the single application lists the Council's charge between the senior and the junior Investor
    Charge, and the priority period of the Council's own search is protected too."""
    t = clause_text(doc, "co-investment.asset-transfer")
    assert ("the Transfer of each Transferred Property, the Investor Charge of Beacon over it, the Authority Charge, "
            "the Investor Charge of the Foundation and then the Authority Restriction") in t
    assert "official searches of the Investors and the Council" in t
    s = clause_text(doc, "co-investment.security")
    assert "register each Investor Charge and the Authority Charge over a Transferred Property before" in s
    assert "the Authority Charge next, and the Investor Charge of the Foundation after the Authority Charge" in s


def test_authority_and_refinancing_charges_are_permitted_disposals(doc):
    """Finding 2: the Council's own charge and a charge securing a borrowing every Party consented to are Permitted
    Disposals, so neither is a Clawback Event."""
    t = clause_text(doc, "co-investment.disposal")
    assert "an Investor Charge, the Authority Charge or a supplemental deed to either, granted in accordance" in t
    assert "a charge securing a borrowing to which every Party has consented under clause" in t


def test_no_authority_charge_no_authority_charge_in_registration(catalogue):
    """Quiet: the sample (investor-first, no Council charge) lists only the Investor Charges."""
    d = draft(catalogue, SAMPLE)
    t = clause_text(d, "co-investment.asset-transfer")
    assert "Authority Charge" not in t
    assert "official searches of the Investors." in t or "official searches of the Investor." in t
    assert "the Authority Charge" not in clause_text(d, "co-investment.disposal")


def test_impact_target_uses_the_letting_date_and_the_sheets_own_words(doc):
    """Finding 7: with no homes to buy, the impact target takes the sheet's letting date (the one in Schedule 5), not
    the end of the Partnership Term, and says "affordable" only where the purpose does."""
    t = clause_text(doc, "co-investment.purpose-outcomes")
    assert "to provide sixteen (16) homes in the Partnership Area let by 31 July 2028, all of them in the Transferred " \
        "Property" in t
    assert "affordable homes" not in t and "by the end of the Partnership Term, all" not in t


def test_impact_target_quiet_without_a_letting_date(catalogue):
    """Quiet: a sheet whose purpose says affordable keeps the word; with no letting date the end of the term stays."""
    text = TEXT.replace("  let_by: 2028-07-31\n", "").replace("16 homes let by 31 July 2028", "16 homes let").replace(
        "provide settled, self-contained homes", "provide settled, self-contained affordable homes")
    t = clause_text(draft(catalogue, text), "co-investment.purpose-outcomes")
    assert "sixteen (16) affordable homes in the Partnership Area by the end of the Partnership Term" in t


def test_reserve_payment_in_the_note_explains_the_arrears(doc):
    """Finding 13: the clause 10 note's reserve payment above the Schedule 3 yearly sum says what makes up the rest."""
    c = next(c for c in doc.all_clauses() if c.id == "co-investment.returns-surplus")
    n = " ".join((c.note or "").split())
    assert ("the yearly payment into the Capital Repayment Reserve, £41,360.72 (£21,428.57 for that year under "
            "Schedule 3 and £19,932.15 not met in earlier years and carried forward), of which only £11,427.56 is met") in n


def test_pasted_phrases_read_with_the_drafts_defined_terms(doc):
    """Findings 14, 15: drawdown conditions pasted from the sheet read "the Priority Deed", "the Transfer of the
    Transferred Property" and "the Authority Charge"; the Priority Deed table names the Authority Charge."""
    t = clause_text(doc, "co-investment.schedule-contributions")
    assert "Completion Conditions met and the Transfer of the Transferred Property completed" in t
    assert "the Authority Charge lodged for registration and the Priority Deed signed" in t
    assert "the transfer of the Property" not in t and "priority deed" not in t
    assert "Authority Charge, the Authority Restriction and the covenants" in clause_text(
        doc, "co-investment.schedule-agreed-forms")


def test_pasted_phrases_quiet_without_the_defined_things(catalogue):
    """Quiet: without a Priority Deed or a Council charge the phrases stay as the sheet gives them."""
    text = TEXT.replace("      ranks_after_authority: true\n", "").replace("  authority_charge: true\n", "").replace(
        "  priority_deed: true\n", "  priority_deed: false\n")
    sheet = validate(load_text(text, "t.yaml"), catalogue)
    phrase = "Beacon's legal charge and the Council's legal charge lodged and the priority deed signed"
    assert sheet.model.in_terms(phrase) == phrase
    assert sheet.model.in_terms("") == ""


def test_restriction_schedules_name_the_authority_charge(doc):
    """Finding 14: Schedules 6 and 7 list the Authority Charge by its defined term among the charges lodged before the
    restriction."""
    assert "the Transfer and each Investor Charge and the Authority Charge over that property" in clause_text(
        doc, "co-investment.schedule-restriction")
    assert "the Investor Charges and the Authority Charge and listed after them" in clause_text(
        doc, "co-investment.schedule-agreed-forms")
