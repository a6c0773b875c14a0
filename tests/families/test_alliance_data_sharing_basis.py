"""Schedule 6 (data sharing) in an alliance: where the instructions rest routine sharing of health data on
Schedule 1 paragraph 18 DPA 2018 (safeguarding only, without consent), the operative table rests health data on
Article 9(2)(h) with paragraph 2 and section 11(1) and keeps paragraph 18 for safeguarding disclosures; each Party's
other staff and volunteers who share health data must owe a duty of confidentiality (r28 al-fresh finding 3)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_JOINT, ALLIANCE_REABLEMENT

SCHEDULE = "common.schedule-data-sharing"
DUTY = "owes a duty of confidentiality for that data under their contract of employment"


def test_routine_paragraph_18_is_redrafted(catalogue):
    doc = document_of(catalogue, ALLIANCE_JOINT.read_text())
    text = clause_text(doc, SCHEDULE, flat=True)
    assert "otherwise (sharing by peer and housing support staff)" not in text
    assert "Article 9(2)(h) with Schedule 1 paragraph 2 (health or social care purposes)" in text
    assert "(section 11(1) of that Act)" in text
    assert "only for a disclosure to safeguard a child or an individual at risk" in text
    assert "Article 6(1)(e) for the Commissioners and the Trust" in text  # the Article 6 words stand
    assert DUTY in text
    n = " ".join(note(doc, SCHEDULE).split())
    assert "cannot carry routine referral and care co-ordination" in n
    assert "For each Party and each routine flow, add a Part 2 condition" not in n


def test_paragraph_18_for_safeguarding_only_stands(catalogue):
    doc = document_of(catalogue, ALLIANCE_REABLEMENT.read_text())
    text = clause_text(doc, SCHEDULE, flat=True)
    assert "safeguarding disclosures by care workers under Article 9(2)(g) with Schedule 1 paragraph 18" in text
    assert DUTY not in text
    assert "cannot carry routine referral" not in note(doc, SCHEDULE)
