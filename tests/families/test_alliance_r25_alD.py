"""r25 alliance review (lane alD): party labels (al-sample 14), exit and urgent-overspend notes (al-sample 10, 11),
shorter notes (al-sample 20) and the lawful basis per data flow (r24 al-fresh)."""
from __future__ import annotations

import pytest

from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file

from tests.families.clause_texts import clause_text, document_of, note
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


def test_leaving_note_offers_a_minimum_period_and_year_end_expiry_with_the_sheets_dates(big):
    """al-sample 10: the note gives the no-fault right's real dates and the two limits to take instructions on."""
    text = " ".join(note(big, "alliance.leaving").split())
    assert "twelve months' notice, so the first departure could take effect on 1 April 2028" in text
    assert "no notice to leave may expire before 31 March 2029 (the end of the second Alliance Year)" in text
    assert "any notice must expire on 31 March, the end of an Alliance Year" in text
    assert "the Commissioner's notice ends the whole Alliance" in text


def test_no_minimum_period_is_offered_where_the_notice_already_outlasts_two_years():
    """Quiet: a 24-month notice cannot expire inside the second Alliance Year, so only year-end expiry is offered."""
    data = load_file(BIG).data
    data["alliance"]["exit_notice_months"] = 24
    al = AllianceTermSheet.model_validate(data).alliance
    assert al.exit_floor_date is None


def test_urgent_silence_is_refusal_by_default_and_the_note_says_what_providers_ask_for(big, catalogue):
    """al-sample 11: default 13.11(b) refusal, with the note stating the choice; 'approved' turns (b) round, capped."""
    op = clause_text(big, "alliance.risk-reward", flat=True)
    assert "is treated as having refused approval if it has not decided within that period" in op
    text = " ".join(note(big, "alliance.risk-reward").split())
    assert "The Providers will ask for silence to count as approval, up to the £75,000 yearly limit." in text
    assert "Decide the Commissioner's position before issue" in text
    src = BIG.read_text().replace("    urgent_approvals_limit: 75000", "    urgent_silence: approved\n    urgent_approvals_limit: 75000")
    assert "urgent_silence" in src
    doc = document_of(catalogue, src)
    op = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "is treated as having given approval if it has not decided within that period, but only within the limit in clause" in op
    assert "count as approved, within the £75,000 yearly limit" in " ".join(note(doc, "alliance.risk-reward").split())
