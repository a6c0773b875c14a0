"""The open-book liability clause: the annual cap, what it leaves out, and the period before the Service Term."""

from __future__ import annotations

import re
import pytest

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT
from assembler.writers.text import to_text
from tests.families.clause_texts import clause_text, document_of, document_text, flat, note
from tests.families.conftest import OB_CHARITY, open_book_result, OPEN_BOOK_SAMPLE_DIR


@pytest.mark.parametrize("sheet", ["home-care-zones.yaml", "childrens-homes-charity.yaml"])
def test_the_cap_covers_the_period_before_the_service_term(catalogue, sheet):
    """r27 ob-homecare finding 15: Contract Years start with the Service Term, so signing to service start was in no
    Contract Year and so under no cap; that period now counts as part of the first Contract Year, and the
    exclusions are lettered."""
    doc = assemble(read_termsheet(OPEN_BOOK_SAMPLE_DIR / sheet, catalogue), catalogue, today=DRAFT_DATE).document
    text = clause_text(doc, "open-book.liability", flat=True)
    assert "in each Contract Year is limited to the greater of [£1,000,000] and the total Prices payable" in text
    assert "For this limit, the period before the Service Term starts forms part of the first Contract Year." in text
    assert "The limit does not apply to:" in text
    assert "liability for death or personal injury caused by negligence, or for fraud;" in text
    assert "the period between signing and the start of the Service Term counts as part of the first Contract Year" in \
        note(doc, "open-book.liability")


def test_motor_insurance_covers_the_providers_vehicles_and_staff_cars_are_checked(catalogue):
    """r28 ob-fresh 7: 25.1(d) made Heronsgate insure every vehicle 'including a vehicle owned by any of its
    Personnel', which it cannot do; it now covers the vehicles it owns, leases or operates (£5,000,000 for property
    damage), and staff cars are dealt with only in 26.3: checked each year, and not driven on its business without
    business-use cover."""
    sheet = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"
    doc = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    ins = clause_text(doc, "common.insurance", flat=True)
    assert ("motor insurance for every vehicle it owns, leases or operates in performing this Agreement, that meets "
            "the requirements of Part VI of the Road Traffic Act 1988, with cover for damage to property of at least "
            "£5,000,000 for any one accident") in ins
    assert "owned by any of its Personnel" not in ins
    ins_note = " ".join(note(doc, "common.insurance").split())
    assert "for the vehicles the provider owns, leases or operates; staff driving their own cars" in ins_note
    assert "covers staff and volunteers driving their own cars" not in ins_note
    motor = clause_text(doc, "open-book.liability", flat=True)
    # r31 ob-fresh 18: the motor cover the insurance clause requires is not repeated as a second duty
    assert "must insure every vehicle it owns" not in motor and "The motor insurance required by clause" in motor
    assert ("must check at least once a year that any member of its staff who uses their own car on its business "
            "(including to transport a Tenant) holds insurance that covers business use. It must not allow any of its "
            "Personnel to drive their own vehicle on its business without that cover.") in motor


def test_the_note_says_when_the_liability_floor_is_redundant(catalogue):
    """r28 ob-fresh 20: the Prices are about £1.26m a year, so the [£1,000,000] floor bites only if they fall more
    than 20% below budget; the note says so with the figures. Quiet: the single placement (£395,200 a year) keeps
    the general advice."""
    sheet = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"
    n = " ".join(note(assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document,
                      "open-book.liability").split())
    assert ("At the budgeted Prices (£1,264,870.40 a year) the £1,000,000 floor is redundant: it applies only if the "
            "Prices payable in a Contract Year fall more than 20% below the budget.") in n
    assert "adjust the fixed sum" not in n
    small = " ".join(note(assemble(read_termsheet(OPEN_BOOK_SAMPLE_DIR / "single-placement.yaml", catalogue), catalogue,
                                   today=DRAFT_DATE).document, "open-book.liability").split())
    assert "adjust the fixed sum to the contract's value" in small and "floor is redundant" not in small


def test_liability_cap_excludes_the_councils_repayments_and_break_compensation(catalogue):
    """Finding 11: the cap does not limit the Council's true-up repayment or its break compensation."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    # r31 ob-sample 10: the make-up payment (7.10) is bracketed until instructed, so the reference to it is too
    assert re.search(r"amounts payable under clause 13, clause 15\.\d+ or clause 29\.2\[, or under clause 7\.10 to make up the income from the Core Places\]\.", text)  # r27 ob-homecare 15: exclusions lettered


def test_without_motor_cover_in_the_insurance_clause_the_liability_clause_requires_it(catalogue):
    """Quiet side of r31 ob-fresh 18: where the insurance clause asks for no motor cover, the liability clause still
    requires the provider's vehicles to be insured."""
    from tests.families.conftest import open_book_document
    text = (ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml").read_text()
    text = re.sub(r"\n  motor: 5000000[^\n]*", "", text, count=1)
    motor = clause_text(open_book_document(catalogue, text), "open-book.liability", flat=True)
    assert "must insure every vehicle it owns, leases or operates" in motor and "Besides the motor insurance" not in motor


def test_abuse_cover_is_named_once_with_its_parenthesis(catalogue):
    """r31 ob-fresh 18: a kind with a parenthesis ("which may sit within the public liability policy") is given in
    full in the insurance clause only; the liability clause names the cover without it."""
    from tests.families.conftest import open_book_document
    text = (ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml").read_text()
    text = text.replace("    - kind: abuse and molestation liability insurance",
                        "    - kind: abuse and molestation cover (which may sit within the public liability policy)", 1)
    d = open_book_document(catalogue, text)
    assert "(which may sit within the public liability policy)" in clause_text(d, "common.insurance", flat=True)
    liability = clause_text(d, "open-book.liability", flat=True)
    assert "must hold the abuse and molestation cover of at least" in liability
    assert "(which may sit within" not in liability + flat(note(d, "open-book.liability"))



def _charity_doc(catalogue, floor=None):
    text = OB_CHARITY.read_text(encoding="utf-8")
    if floor is not None:
        assert "  minimum_core_places: 2\n" in text
        text = text.replace("  minimum_core_places: 2\n", f"  minimum_core_places: 2\n  core_income_floor: {floor}\n")
    return document_of(catalogue, text)


def test_make_up_payment_is_outside_the_cap_and_survives(catalogue):
    """children's homes sample review, finding 2: the make-up payment where the Core Places do not cover the budget (the core places clause)
    is carved out of the cap, is not loss of profit, and is listed in the survival sub-clause."""
    doc = _charity_doc(catalogue)
    liab = flat(clause_text(doc, "open-book.liability"))
    # r31 ob-sample 10: not instructed, the make-up payment is bracketed, and so is each reference to it
    assert re.search(r"amounts payable under clause 13, clause 15\.\d+ or clause 29\.2\[, or under clause 7\.10 to make up "
                     r"the income from the Core Places\]\.", liab)
    assert "any amount payable under clause 13[ and any amount payable under clause 7.10 to make up the income from the Core Places] are not loss of profit" in liab
    instructed = flat(clause_text(_charity_doc(catalogue, "true"), "open-book.liability"))
    assert "or clause 29.2, or under clause 7.10 to make up the income from the Core Places." in instructed
    assert "any amount payable under clause 13 and any amount payable under clause 7.10 to make up the income from the Core Places are not loss of profit" in instructed
    voids = flat(clause_text(doc, "open-book.voids"))
    assert "falls short of the lower of" in voids
    numbered = flat(to_text(doc))
    floor = re.search(r"(7\.\d+) \[?For each Reconciliation Period, the Council must pay the Trust the amount",
                      numbered).group(1)
    survival = re.search(r"However this Agreement ends, (.*?) continue in force", numbered).group(1)
    assert f"clause {floor}," in survival


def test_make_up_payment_declined_leaves_the_cap_and_survival_alone(catalogue):
    """Quiet: a sheet that declines the make-up payment (core_income_floor: false) carves nothing more out."""
    doc = _charity_doc(catalogue, "false")
    liab = flat(clause_text(doc, "open-book.liability"))
    assert re.search(r"amounts payable under clause 13, clause 15\.\d+ or clause 29\.2\.", liab)
    assert "any amount payable under clause 13 are not loss of profit" in liab


def test_uncapped_indemnity_is_limited_by_default(catalogue):
    """r31 ob-fresh 17: the uncapped indemnity no longer covers any "breach of this Agreement"; it names negligence,
    abuse or neglect, breach of law, data protection and confidentiality, and the note says how to widen it."""
    res = open_book_result(catalogue, OB_CHARITY)
    text = flat(clause_text(res.document, "open-book.liability"))
    assert "wilful misconduct or breach of this Agreement" not in text
    assert "any negligent act or omission or wilful misconduct by" in text
    assert "of the data protection obligations in clause" in text and "the confidentiality obligations in clause" in text
    assert "widen it only if the Council instructs it" in flat(note(res.document, "open-book.liability"))


def test_wide_indemnity_kept_where_instructed(catalogue):
    """Quiet: indemnity_scope 'any_breach' keeps the wide wording, without the data protection item."""
    res = open_book_result(catalogue, OB_CHARITY, lambda d: d["services"].update(indemnity_scope="any_breach"))
    text = flat(clause_text(res.document, "open-book.liability"))
    assert "wilful misconduct or breach of this Agreement by" in text
    assert "the confidentiality obligations in clause" not in text
    assert "As instructed, the indemnity also covers any breach" in flat(note(res.document, "open-book.liability"))
