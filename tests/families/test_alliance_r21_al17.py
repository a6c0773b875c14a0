"""r21 alliance review (lane al17), al-fresh findings (Mossgate: a council and an ICB as joint Commissioners with a
pooled fund): no Commissioner's money is committed without its agreement."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.test_alliance import ALLIANCE, build, clause, table_rows, text_of
from tests.families.clause_texts import flat as _flat

MOSSGATE = Path(__file__).parent / "fixtures" / "alliance-mossgate-r21.yaml"


@pytest.fixture(scope="module")
def mossgate_built(catalogue):
    return build(MOSSGATE, catalogue)


@pytest.fixture(scope="module")
def mossgate(mossgate_built):
    return mossgate_built.document


def test_patient_record_access_terms(mossgate):
    """al-fresh 4 (firing): the sheet's security says members' staff use the Trust's electronic patient record, so
    clause 18 sets the access terms: the Trust's written terms, the DSPT and the Purposes."""
    info = _flat(text_of(clause(mossgate, "alliance.information-sharing")))
    assert ("The Trust must give named Personnel of each other Alliance Member that needs it for the Services access to "
            "the Trust's electronic patient record on the Trust's written access terms.") in info
    assert 'NHS Data Security and Protection Toolkit to the "Standards Met" level' in info
    assert "use the access only for the Purposes set out in" in info
    note = _flat(clause(mossgate, "alliance.information-sharing").note or "")
    assert "Article 26" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_patient_record_terms_without_a_host(path, catalogue):
    """al-fresh 4 (quiet): no patient_record_host, no access terms."""
    built = build(path, catalogue)
    info = _flat(text_of(clause(built.document, "alliance.information-sharing")))
    assert "electronic patient record on" not in info


def test_health_records_follow_the_records_management_code(mossgate):
    """al-fresh 5 (firing): mental health services, so the 8-year deletion yields to the Records Management Code's
    period for health records, and the deletion duty excepts the Code."""
    sched = clause(mossgate, "common.schedule-data-sharing")
    text = _flat(" ".join([text_of(sched)] + [" ".join(row) for row in table_rows(sched)]))
    assert ("but health records are kept for at least the minimum period the Records Management Code of Practice for "
            "Health and Social Care sets for them") in text  # the periods are in the note (r24 al-sample finding 13)
    assert "unless Law, the Records Management Code of Practice for Health and Social Care or a record-keeping provision" in text


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_records_code_only_for_health_services(path, catalogue):
    """al-fresh 5 (quiet): an alliance without health services keeps the sheet's retention alone."""
    built = build(path, catalogue)
    found = [c for c in built.document.all_clauses() if c.id == "common.schedule-data-sharing"]
    if not found:
        return
    text = _flat(text_of(found[0]))
    if "Records Management Code" in text:
        assert "health" in path.read_text().lower()


