"""r24 alliance review (lane al21), al-fresh findings (Hollinshire: a carers' support alliance of a county council, an
ICB and four Providers, two of which carry out carers' and young carers' needs assessments for the council)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, read_termsheet, text_of
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from assembler.assemble import assemble
from assembler.model import plain_text
from tests.conftest import DRAFT_DATE

HOLLINSHIRE = Path(__file__).parent / "fixtures" / "alliance-hollinshire-r24-al21.yaml"


@pytest.fixture(scope="module")
def hollinshire(catalogue):
    return build(HOLLINSHIRE, catalogue).document


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def _variant(catalogue, old, new):
    source = HOLLINSHIRE.read_text()
    assert old in source
    return assemble(validate(load_text(source.replace(old, new, 1), HOLLINSHIRE.name), catalogue), catalogue,
                    today=DRAFT_DATE).document


def test_carers_alliance_recites_the_carers_sections(hollinshire):
    """Finding 1 (firing): a carers' service rests on Care Act 2014 ss.10 and 20, not s.18, and young carers on Children
    Act 1989 ss.17 and 17ZA to 17ZC."""
    recitals = _flat(text_of(clause(hollinshire, "alliance.recitals")))
    assert "sections 2, 3, 4, 5, 8, 10 and 20 of the Care Act 2014" in recitals  # r25 alA: s.4 for the carers' information and advice hub
    assert "carers' assessments; and meeting carers' needs for support" in recitals
    assert "sections 17 and 17ZA to 17ZC of the Children Act 1989" in recitals
    assert "8 and 18 of the Care Act" not in recitals


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_carers_sections_without_carers_services(path, catalogue):
    """Finding 1 (quiet): an adult care alliance keeps s.18, and no sample without young carers cites s.17ZA."""
    built = build(path, catalogue)
    if not any(c.id == "alliance.recitals" for c in built.document.all_clauses()):
        pytest.skip("no recitals")
    recitals = _flat(text_of(clause(built.document, "alliance.recitals")))
    assert "10 and 20 of the Care Act 2014" not in recitals
    assert "17ZA" not in recitals
    assert "delegated-assessments" not in recitals
    if any(c.id == "alliance.precedence" for c in built.document.all_clauses()):
        assert "section 79 of the Care Act 2014" not in _flat(text_of(clause(built.document, "alliance.precedence")))


def test_statutory_functions_given_are_printed_as_given(catalogue):
    """Finding 1: the sheet's own citations replace the inferred ones, and the note does not ask to confirm a guess."""
    doc = _variant(catalogue, "  light_touch: true\n", "  light_touch: true\n  statutory_functions:\n"
                   "    - sections 10 and 20 of the Care Act 2014 (carers)\n")
    recitals = _flat(text_of(clause(doc, "alliance.recitals")))
    assert "(including its functions under sections 10 and 20 of the Care Act 2014 (carers))" in recitals
    assert "17ZA" not in recitals
    note = _note(doc, "alliance.recitals")
    assert "as the instructions give them" in note


def test_delegated_assessments_need_authority_in_the_service_contract(hollinshire):
    """Finding 1 (firing): Carers Together and Young Carers carry out assessments for the County Council: their
    Service Contracts must authorise it (s.79 for carers' assessments) and keep eligibility with the council."""
    body = _flat(text_of(clause(hollinshire, "alliance.precedence")))
    assert ("Where a Provider carries out carers' or young carers' needs assessments for the County Council, the County "
            "Council must ensure that the Provider's Service Contract:") in body
    assert "authorises Carers Together and Young Carers, under section 79 of the Care Act 2014, to carry out carers' assessments under section 10" in body
    assert "sets out the terms on which Young Carers carries out young carers' needs assessments under section 17ZA" in body
    assert "reserves to the County Council the decision whether a carer's needs meet the eligibility criteria" in body
    note = _note(hollinshire, "alliance.precedence")
    assert "Section 79 does not reach young carers' needs assessments under section 17ZA of the Children Act 1989" in note


def test_no_clinical_negligence_where_the_services_are_not_health_care(hollinshire, catalogue):
    """Finding 19 (firing): the Commissioner recorded that the services are social care, not health care, and no
    service names treatment, so NHS members alone do not make them health care: no clinical negligence cover."""
    assert read_termsheet(HOLLINSHIRE, catalogue).model.alliance.health_in_scope is False
    ops = _flat(text_of(clause(hollinshire, "alliance.operations")))
    assert "clinical negligence" not in ops
    assert "clinical negligence" not in _note(hollinshire, "alliance.operations")


def test_health_care_still_inferred_for_health_services(catalogue):
    """Finding 19 (quiet): a sheet whose services name treatment keeps the health care terms, whatever the assessment
    says, and the samples with NHS members or health services keep them."""
    reablement = next(p for p in ALLIANCE if p.stem == "reablement-home-care-gain-only")
    assert read_termsheet(reablement, catalogue).model.alliance.health_in_scope is True
    source = HOLLINSHIRE.read_text().replace(
        "    - Carer liaison on community hospital wards and in the discharge hub\n  outcomes:",
        "    - Carer liaison on community hospital wards and in the discharge hub\n"
        "    - Nursing assessments for people cared for at home\n  outcomes:", 1)
    assert "Nursing assessments" in source
    from assembler.termsheet.validate import validate as _validate
    model = _validate(load_text(source, HOLLINSHIRE.name), catalogue).model
    assert model.alliance.health_in_scope is True


