"""r25 alliance review (lane alD): party labels (al-sample 14), exit and urgent-overspend notes (al-sample 10, 11),
shorter notes (al-sample 20) and the lawful basis per data flow (r24 al-fresh)."""
from __future__ import annotations

import pytest

from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file

from tests.families.clause_texts import clause_text, note
from tests.families.test_alliance import ALLIANCE, BIG, build

JOINT = next(p for p in ALLIANCE if p.stem == "mental-health-four-members-varied")


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def test_exit_plan_and_case_system_name_the_sole_commissioner_by_its_role(big):
    """al-sample 14: the sheet's "the Council appoints" prints as the Commissioner, as the next paragraph does."""
    exit_plan = clause_text(big, "alliance.schedule-exit", flat=True)
    assert "the Council appoints" not in exit_plan
    assert "specialist palliative care the Commissioner appoints" in exit_plan
    sharing = clause_text(big, "alliance.information-sharing", flat=True)
    assert "one system hosted by the Commissioner." in sharing
    assert "hosted by the Council" not in sharing
    assert "the Council processes" not in clause_text(big, "alliance.schedule-case-system", flat=True)


def test_joint_commissioners_keep_their_own_names():
    """Quiet: where several commission, "the Commissioner" would not say which, so each keeps its defined name."""
    al = AllianceTermSheet.model_validate(load_file(JOINT).data).alliance
    assert al.joint_commissioners
    first = al.commissioners[0]
    assert al.party_term(first) == first.defined
