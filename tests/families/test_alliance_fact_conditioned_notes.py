"""Alliance text and notes that hold only for some deals are conditioned on the facts that make them true
(r29 al-fresh findings 5, 8, 11 and 13, Castlebridge youth alliance): the Provider Selection Regime, Care Act and
NHS pension material only where health care or an NHS body is in the deal; "as instructed" for the deadlock rule only
where the sheet gives it; the Council named as landowner in the Exit Plan; the running-cost and recharge paragraphs
survive; and a Provider reports on the abuse cover the insurance clause requires instead of a weaker duty."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import all_text, clause_text, document_of, flat, note

CASTLEBRIDGE = ROOT / "tests" / "families" / "fixtures" / "alliance-castlebridge-r29.yaml"
MENTAL_HEALTH = ROOT / "samples" / "alliance" / "mental-health-four-members-varied.yaml"
REABLEMENT = ROOT / "samples" / "alliance" / "reablement-home-care-gain-only.yaml"
COMPLEX = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"

import pytest


@pytest.fixture(scope="module")
def castlebridge(catalogue):
    return document_of(catalogue, CASTLEBRIDGE.read_text())


@pytest.fixture(scope="module")
def mental_health(catalogue):
    return document_of(catalogue, MENTAL_HEALTH.read_text())


def test_no_psr_digression_without_health_care(castlebridge):
    """Finding 5 (firing): health_care false, no NHS party: one line that the Regime does not apply."""
    n = flat(note(castlebridge, "alliance.recitals"))
    assert "No relevant health care service is in scope" in n
    assert "the other notes refer to this one" not in n
    assert "Provider Selection Regime" not in flat(note(castlebridge, "alliance.schedule-outcomes"))


def test_psr_paragraph_kept_where_health_care_is_not_ruled_out(catalogue):
    """Finding 5 (quiet): the same sheet without health_care false keeps the Regime paragraph."""
    sheet = CASTLEBRIDGE.read_text().replace("  health_care: false\n", "")
    assert "health_care: false" not in sheet
    n = flat(note(document_of(catalogue, sheet), "alliance.recitals"))
    assert "the other notes refer to this one" in n and "No relevant health care service" not in n


def test_statutory_functions_note_names_youth_functions(castlebridge, catalogue):
    """Finding 5 (firing): the Council's children's, SEND, youth justice and youth services functions, not adult care
    or housing; (quiet) an adult care alliance keeps the Care Act wording."""
    n = flat(note(castlebridge, "common.statutory-functions"))
    assert "the Council is the children's services authority for its area, with its children's social care" in n
    assert "Part 3 of the Children and Families Act 2014" in n
    assert "section 39 of the Crime and Disorder Act 1998" in n
    assert "Care Act 2014" not in n and "local housing authority" not in n
    other = flat(note(document_of(catalogue, REABLEMENT.read_text()), "common.statutory-functions"))
    assert "children's services authority for its area, with" not in other


def test_nhs_pension_only_with_nhs_staff(castlebridge, mental_health):
    """Finding 5 (firing): no NHS party or health care, no NHS Pension Scheme; (quiet) an NHS trust member keeps it."""
    assert "NHS Pension Scheme" not in clause_text(castlebridge, "alliance.workforce", flat=True)
    assert "NHS Pension Scheme" not in note(castlebridge, "alliance.workforce")
    assert "NHS Pension Scheme" in clause_text(mental_health, "alliance.workforce", flat=True)
    assert "NHS Pension Scheme" in note(mental_health, "alliance.workforce")


def test_deadlock_rule_not_called_instructed_when_the_sheet_is_silent(castlebridge, catalogue):
    """Finding 5 (firing): the sheet gives no deadlock rule, so the note calls the Council's decision an assumption;
    (quiet) a sheet that gives it keeps "As instructed"."""
    n = flat(note(castlebridge, "alliance.decisions"))
    assert "The instructions give no deadlock rule, so the draft assumes that the Council decides" in n
    assert "As instructed, the Council decides" not in n
    other = flat(note(document_of(catalogue, COMPLEX.read_text()), "alliance.decisions"))
    assert "no deadlock rule" not in other and "As instructed," in other


def test_council_as_licensor_keeps_its_name(castlebridge):
    """Finding 13 (firing): "the Council's licences" stays the Council in the Exit Plan, while "the Council appoints"
    reads as the Commissioner; the running costs note names one Commissioner."""
    text = all_text(castlebridge)
    assert "with the Council's licences of the Eastbrook and Millfield centres" in flat(text)
    assert "to a youth organisation the Commissioner appoints" in flat(text)
    assert "Confirm them with the Youth Trust and the Commissioner," in flat(note(castlebridge, "alliance.operations"))


def test_running_cost_and_recharge_paragraphs_survive(castlebridge):
    """Finding 11 (firing): the running costs, recharge invoice, payment and redundancy paragraphs are listed."""
    survival = next(p for p in flat(all_text(castlebridge)).split("However this Agreement ends, ")[1:2])
    assert "clause 16.1, clause 16.2, clause 16.3, clause 16.4, clause 16.5" in survival


def test_abuse_cover_reporting_duty(castlebridge, mental_health):
    """Finding 8 (firing): with abuse and molestation cover required, a Provider reports exclusions, limits and
    claims; no reasonable-endeavours duty. (quiet) Without that cover the general duty stays."""
    text = clause_text(castlebridge, "alliance.operations", flat=True)
    assert ("Each Provider must tell the ALT of any exclusion, aggregate limit or sub-limit in the abuse and "
            "molestation cover that clause 23 requires, and of any claim made under it.") in text
    assert "reasonable endeavours to ensure that its public liability insurance" not in text
    other = clause_text(mental_health, "alliance.operations", flat=True)
    assert "aggregate limit or sub-limit in the abuse" not in other
