"""Alliance liability and insurance: the cap and its carve-outs under no blame, wilful default, and the
insurance levels assumed or agreed (motor cover included)."""

from __future__ import annotations

from tests.conftest import samples
from tests.families.clause_texts import (
    build,
    clause,
    document_of,
    flat as _flat,
    flat_note,
    note,
    text_of,
    variant_file,
    variant_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG, ALLIANCE_LYNMERE_ALH, ALLIANCE_STAINMOOR


def test_assumed_insurance_levels_are_bracketed_and_listed(alliance_big):
    """r21 al16: al-sample 14 and 23: every assumed level is in square brackets in the clause, the clinical negligence level is
    bracketed and listed among the assumptions, and the note states the law, not the tool's rule."""
    ins = _flat(text_of(clause(alliance_big, "common.insurance")))
    assert "employer's liability insurance of at least [£10,000,000]" in ins
    assert "for at least [six] years" in ins
    assert "of at least [£2,000,000] for any one claim." in _flat(text_of(clause(alliance_big, "alliance.operations")))
    note = flat_note(alliance_big, "common.insurance")
    assert "the statutory minimum for employer's liability is £5,000,000" in note and "for a small agreement" not in note
    notes = " ".join(_flat(c.note or "") for c in alliance_big.all_clauses())
    assert "the clinical negligence level of £2,000,000 for any one claim" in notes


def test_agreed_insurance_levels_and_other_families_are_not_bracketed(catalogue):
    """r21 al16: al-sample 14 (quiet): a grant draft keeps its levels unbracketed."""
    doc = build(samples("grant")[0], catalogue).document
    if any(c.id == "common.insurance" for c in doc.all_clauses()):
        assert "at least [£" not in _flat(text_of(clause(doc, "common.insurance")))


def test_motor_insurance_does_not_require_insuring_staff_cars(alliance_kingsholt):
    """r25 alA: al-fresh finding 14 (firing): a Party insures the vehicles it owns, leases or hires, and ensures that staff who
    drive their own cars hold business-use cover, instead of insuring vehicles it does not own."""
    text = _flat(text_of(clause(alliance_kingsholt, "common.insurance")))
    assert "motor insurance for every vehicle it owns, leases or hires that is used in the performance of this Agreement" in text
    assert "including a vehicle owned by any of its Personnel" not in text
    assert ("must ensure that any of its Personnel who drive their own vehicles in the performance of this Agreement"
            " hold motor insurance that covers that use") in text


def test_motor_insurance_without_motor_cover_is_quiet(catalogue):
    """r25 alA: al-fresh finding 14 (quiet): no motor cover, no sentence about staff cars."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        text = _flat(text_of(clause(doc, "common.insurance")))
        if "motor insurance for every vehicle" not in text:
            assert "drive their own vehicles" not in text


def test_carved_out_claims_are_capped_under_no_blame(alliance_big):
    """r25 alB: al-sample finding 5 (firing): the carved-out claims have a yearly cap (the greater of a bracketed fixed sum and
    the member's Annual Value) and no indirect loss; fraud, death and personal injury, sums due and staff transfers
    stay outside; the note ties the figure to the insurance levels."""
    c = clause(alliance_big, "alliance.liability")
    text = _flat(text_of(c))
    assert ("Each Alliance Member's total liability in each Alliance Year for the claims listed in clause 23.2 is limited"
            " to the greater of") in text
    assert "and its Annual Value for that Alliance Year." in text
    assert "No Alliance Member is liable for any of those claims for loss of profit, loss of revenue or indirect or consequential loss." in text
    assert "do not apply to liability for: fraud, fraudulent misrepresentation or a Prohibited Act;" in text or "do not apply to liability for:" in text
    assert "death or personal injury caused by negligence;" in text
    assert "The carved-out claims have no financial limit" not in c.note
    assert "Moorview's is £600,000, the smallest" in c.note and "insurance clause" in c.note


def test_capped_liability_has_no_second_carve_out_cap(catalogue):
    """r25 alB: al-sample finding 5 (quiet): the capped position already limits liability; it gets no carve-out cap."""
    seen = 0
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        c = clause(doc, "alliance.liability")
        if "capped" not in (getattr(c, "variant", "") or "") and "limits in this clause" not in text_of(c):
            continue
        seen += 1
        assert "for the claims listed in clause" not in _flat(text_of(c))
    assert seen >= 1


def test_capped_liability_note_follows_the_sheet_and_the_actual_cap(alliance_stainmoor):
    """r26 alG: al-fresh finding 11 (firing): no carve-outs given, so they are the draft's proposal; caps stated as they are."""
    text = flat_note(alliance_stainmoor, "alliance.liability")
    assert "The instructions give no exceptions to the cap, so every exception in this clause is the draft's proposal" in text
    assert "the instructions' carve-outs" not in text
    assert "each Provider's cap is the greater of its Annual Value and that sum" in text
    assert "Expect Brightledger, whose cap the floor sets above its Annual Value, to ask for the lower of the two." in text
    body = _flat(text_of(clause(alliance_stainmoor, "alliance.liability")))
    assert "Insolvency Event" not in body
    assert ("arising from the following is limited to the greater of [£1,000,000] and the limit that applies to it "
            "under clause 22.3, and does not count towards that limit") in body
    assert "its infringement of another person's Intellectual Property Rights; or" in body


def test_capped_liability_note_keeps_instructed_carve_outs(tmp_path, catalogue):
    """r26 alG: al-fresh finding 11 (quiet): carve-outs the sheet lists are the instructions', and an instructed insolvency
    carve-out stays, with a note."""
    sheet = variant_file(tmp_path, ALLIANCE_STAINMOOR, "  liability_floor:", "  no_blame_carve_outs: [wilful_default, fraud, insolvency]\n  liability_floor:")
    doc = build(sheet, catalogue).document
    text = flat_note(doc, "alliance.liability")
    assert "the instructions' carve-outs with one addition" in text
    assert "The insolvency exception is as instructed" in text
    body = _flat(text_of(clause(doc, "alliance.liability")))
    assert "by its Insolvency Event" in body and "does not count towards that limit" not in body
    sheet = variant_file(tmp_path, ALLIANCE_STAINMOOR, "  liability_floor:", "  no_blame_carve_outs: [fraud, data_protection, safeguarding]\n  liability_floor:")
    doc = build(sheet, catalogue).document
    assert "does not count towards that limit" not in _flat(text_of(clause(doc, "alliance.liability")))
    assert ("The instructed carve-outs for data protection and safeguarding leave a small member exposed without limit"
            in flat_note(doc, "alliance.liability"))


def test_wilful_default_outside_the_cap(alliance_lynmere_alh):
    """r27 alH: Finding 7 (firing): wilful default is outside the carve-out cap, and the note asks about a separate, higher
    limit for safeguarding and data protection claims."""
    text = _flat(text_of(clause(alliance_lynmere_alh, "alliance.liability")))
    assert "- wilful default;" in text or "wilful default;" in text
    note = flat_note(alliance_lynmere_alh, "alliance.liability")
    assert "fraud, wilful default, death and personal injury" in note
    assert ("take instructions on whether they should have a separate, higher limit, for example the £10,000,000 "
            "public liability cover") in note


def test_no_wilful_default_item_without_the_carve_out(catalogue):
    """r27 alH: Finding 7 (quiet): without those carve-outs neither the item nor the note sentence appears."""
    doc = variant_of(catalogue, ALLIANCE_LYNMERE_ALH, "no_blame_carve_outs: [wilful_default, fraud, insolvency, confidentiality, data_protection, safeguarding, infringement]",
                   "no_blame_carve_outs: [fraud, insolvency, confidentiality, infringement]")
    text = _flat(text_of(clause(doc, "alliance.liability")))
    assert "wilful default" not in text
    assert "separate, higher limit" not in flat_note(doc, "alliance.liability")


def test_no_blame_note_asks_for_a_fixed_sum_only_when_none_is_instructed(catalogue):
    """r44 al-dayops F13: with an instructed liability_floor the note does not tell the reader to set the fixed sum no
    higher than the cover (the floor is instructed), and offers a higher limit only where the cover exceeds the floor;
    without one (quiet) it still asks."""
    source = ALLIANCE_BIG.read_text(encoding="utf-8")
    assert "Set the fixed sum no higher than the cover" in flat_note(document_of(catalogue, source), "alliance.liability")
    floored = source.replace("\nalliance:\n", "\nalliance:\n  liability_floor: 10000000\n", 1)
    note = flat_note(document_of(catalogue, floored), "alliance.liability")
    assert "Set the fixed sum no higher than the cover" not in note
    assert "for example the £10,000,000 public liability cover" not in note
