"""r26 alliance review (lane alG): procurement, liability and notes (al-fresh findings 3, 11, 16, 19;
al-sample findings 5, 9, 14 to 19)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import BIG, build, clause, table_rows, text_of

STAINMOOR = Path(__file__).parent / "fixtures" / "alliance-stainmoor-r26.yaml"


@pytest.fixture(scope="module")
def stainmoor(catalogue):
    return build(STAINMOOR, catalogue).document


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def note(doc, cid) -> str:
    return _flat(clause(doc, cid).note or "")


def _variant(tmp_path, old: str, new: str) -> Path:
    text = STAINMOOR.read_text()
    assert old in text
    out = tmp_path / "variant.yaml"
    out.write_text(text.replace(old, new, 1))
    return out


def test_payroll_contract_is_named_for_a_light_touch_check(stainmoor):
    """al-fresh finding 3 (firing): Brightledger's payroll contract is not asserted to be light touch."""
    text = note(stainmoor, "alliance.recitals")
    assert "Confirm the CPV classification of Brightledger's Service Contract (direct payment managed accounts" in text
    assert "Table 1 of Schedule 1 to the Procurement Regulations 2024 (regulation 42(1))" in text
    assert "due within 30 days" in text
    assert "other than that of Brightledger (see the recitals note), are light touch contracts" in note(
        stainmoor, "alliance.precedence")


def test_no_light_touch_check_where_no_service_looks_outside_the_table(big):
    """al-fresh finding 3 (quiet): care and support services only: no CPV check, no exception."""
    assert "CPV classification" not in note(big, "alliance.recitals")
    assert "other than that of" not in note(big, "alliance.precedence")


def test_a_provider_flagged_not_light_touch_is_stated_not_asked(tmp_path, catalogue):
    """al-fresh finding 3: a member-level light_touch false is stated as the instructions, not asked."""
    sheet = _variant(tmp_path, "    short_name: Brightledger\n", "    short_name: Brightledger\n    light_touch: false\n")
    doc = build(sheet, catalogue).document
    text = note(doc, "alliance.recitals")
    assert "The instructions say that the Service Contract of Brightledger is not a light touch contract" in text
    assert "CPV classification" not in text


def test_capped_liability_note_follows_the_sheet_and_the_actual_cap(stainmoor):
    """al-fresh finding 11 (firing): no carve-outs given, so they are the draft's proposal; caps stated as they are."""
    text = note(stainmoor, "alliance.liability")
    assert "The instructions give no exceptions to the cap, so every exception in this clause is the draft's proposal" in text
    assert "the instructions' carve-outs" not in text
    assert "each Provider's cap is the greater of its Annual Value and that sum" in text
    assert "Expect Brightledger, whose cap the floor sets above its Annual Value, to ask for the lower of the two." in text
    body = _flat(text_of(clause(stainmoor, "alliance.liability")))
    assert "Insolvency Event" not in body
    assert ("arising from the following is limited to the greater of [£1,000,000] and the limit that applies to it "
            "under clause 22.3, and does not count towards that limit") in body
    assert "its infringement of another person's Intellectual Property Rights; or" in body


def test_capped_liability_note_keeps_instructed_carve_outs(tmp_path, catalogue):
    """al-fresh finding 11 (quiet): carve-outs the sheet lists are the instructions', and an instructed insolvency
    carve-out stays, with a note."""
    sheet = _variant(tmp_path, "  liability_floor:", "  no_blame_carve_outs: [wilful_default, fraud, insolvency]\n  liability_floor:")
    doc = build(sheet, catalogue).document
    text = note(doc, "alliance.liability")
    assert "the instructions' carve-outs with one addition" in text
    assert "The insolvency exception is as instructed" in text
    body = _flat(text_of(clause(doc, "alliance.liability")))
    assert "by its Insolvency Event" in body and "does not count towards that limit" not in body
    sheet = _variant(tmp_path, "  liability_floor:", "  no_blame_carve_outs: [fraud, data_protection, safeguarding]\n  liability_floor:")
    doc = build(sheet, catalogue).document
    assert "does not count towards that limit" not in _flat(text_of(clause(doc, "alliance.liability")))
    assert ("The instructed carve-outs for data protection and safeguarding leave a small member exposed without limit"
            in note(doc, "alliance.liability"))


def test_s53_copy_duty_stated_from_the_contract_values(stainmoor, big):
    """al-fresh finding 16 (firing): no Service Contract over £5 million, so no broken pointer to the recitals note;
    quiet: a deal with contracts over £5 million still points to the recitals note, which deals with it."""
    text = note(stainmoor, "common.freedom-of-information")
    assert ("no Service Contract is estimated at more than £5 million over its term and extension (the largest, "
            "Living Hub's, is £2,884,000), so no copy need be published") in text
    assert "the recitals note deals with it" not in text
    assert "the recitals note deals with it" in note(big, "common.freedom-of-information")
    assert "section 53(5)" in note(big, "alliance.recitals")


def test_route_stated_once_the_sheet_records_the_view_that_the_act_governs(big):
    """al-sample finding 5 (firing): route, date and light touch status recited, the public health contract in
    brackets, and the note warns of the risk to the award itself."""
    recitals = _flat(text_of(clause(big, "alliance.recitals")))
    assert ("The Service Contracts were awarded following a competitive flexible procedure under section 20(2)(b) of "
            "the Procurement Act 2023, which began on 2 March 2026, as light touch contracts [, except the Service "
            "Contract of Recovery CIC, which was awarded under the Health Care Services (Provider Selection Regime) "
            "Regulations 2023].") in recitals
    rows = dict((r[0], r[1]) for r in table_rows(clause(big, "alliance.key-information")))
    assert "[except the Service Contract of Recovery CIC, awarded under the Provider Selection Regime]" in rows["Procurement route"]
    text = note(big, "alliance.recitals")
    assert "the risk is to the award itself, not only to its later variation" in text
    assert "Neither recital (C) nor the key information table states the route" not in text


def test_no_route_stated_without_the_commissioners_view(tmp_path, catalogue):
    """al-sample finding 5 (quiet): without the recorded view, recital (C) states no route."""
    text = BIG.read_text()
    start = text.index("  health_care_assessment:")
    end = text.index("\n  ", start + 10)
    while text[end + 3] == " ":
        end = text.index("\n  ", end + 1)
    sheet = tmp_path / "no-view.yaml"
    sheet.write_text(text[:start] + text[end + 1:])
    doc = build(sheet, catalogue).document
    recitals = _flat(text_of(clause(doc, "alliance.recitals")))
    assert "were awarded following a procurement which began on 2 March 2026." in recitals
    assert "Neither recital (C) nor the key information table states the route" in note(doc, "alliance.recitals")


