"""A care home with nursing keeps NHS-funded nursing care outside the Council's Prices: the integrated care board pays
it to the provider for each eligible resident, it counts as Service Income, and a change in its rate moves no Price.
A care home without nursing, and every other setting, has none of it."""

from __future__ import annotations

from assembler.termsheet.validate import read_termsheet
from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, note

CARE_HOME = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"


def _doc(catalogue, text):
    return document_of(catalogue, text)


def test_a_care_home_with_nursing_keeps_nursing_care_outside_the_prices(catalogue):
    text = CARE_HOME.read_text()
    sheet = read_termsheet(CARE_HOME, catalogue)
    assert sheet.model.services.effective_setting == "care_home"
    with_nursing = text.replace("services:\n", "services:\n  nursing: true\n", 1)
    doc = _doc(catalogue, with_nursing)
    body = clause_text(doc, "open-book.residents")
    assert "The Prices do not include NHS-funded nursing care." in body
    assert "A change in the rate of the contribution does not change the Prices." in body


def test_a_care_home_without_nursing_says_nothing_of_it(catalogue):
    text = CARE_HOME.read_text().replace("services:\n", "services:\n  nursing: false\n", 1)
    body = clause_text(_doc(catalogue, text), "open-book.residents")
    assert "NHS-funded nursing care" not in body


def test_nursing_is_read_from_the_services_words_unless_they_say_without_nursing(catalogue):
    services = read_termsheet(CARE_HOME, catalogue).model.services
    with_nursing = services.model_copy(update={"description": "provide nursing care and accommodation to older people"})
    assert with_nursing.nursing_in_scope is True
    without = services.model_copy(update={"description": "provide residential care (personal care, without nursing)"})
    assert without.nursing_in_scope is False


def test_a_care_home_with_nursing_requires_clinical_negligence_cover_and_the_note_gives_the_capacity_rule(catalogue):
    """r25 ob-fresh finding 4: the cover the nurses need is clinical negligence cover, and a claims-made run-off is
    weighed against the personal injury limitation rules, including s.28 for residents who lack capacity."""
    text = CARE_HOME.read_text().replace("services:\n", "services:\n  nursing: true\n", 1)
    doc = _doc(catalogue, text)
    body = clause_text(doc, "common.insurance")
    assert "medical malpractice (clinical negligence) insurance covering claims arising from the nursing" in body
    assert "must keep its clinical negligence insurance in force" in body
    assert "professional indemnity insurance of at least" not in body
    text_of_note = " ".join(note(doc, "common.insurance").split())
    assert "lacked capacity to conduct proceedings" in text_of_note and "(s.28)" in text_of_note
    assert "s.11(5)" in text_of_note


def test_a_care_home_without_nursing_keeps_professional_indemnity_cover(catalogue):
    text = CARE_HOME.read_text().replace("services:\n", "services:\n  nursing: false\n", 1)
    doc = _doc(catalogue, text)
    assert "clinical negligence" not in clause_text(doc, "common.insurance")
    assert "(s.28)" not in note(doc, "common.insurance")


def test_a_sheet_with_its_own_clinical_negligence_cover_keeps_professional_indemnity(catalogue):
    """r18's nursing home lists clinical negligence cover among the other insurance: the draft must not ask for it
    twice by also turning the professional indemnity cover into clinical negligence cover."""
    text = CARE_HOME.read_text().replace("services:\n", "services:\n  nursing: true\n", 1)
    assert "\ninsurance:" not in text
    text += ("\ninsurance:\n  professional_indemnity: 5000000\n  other:\n    - kind: medical malpractice (clinical "
             "negligence) insurance for the nursing staff\n      amount: 5000000\n")
    body = clause_text(_doc(catalogue, text), "common.insurance")
    assert body.count("clinical negligence") == 1
