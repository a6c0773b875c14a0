"""Alliance data: the data-sharing schedule's lawful basis per flow, confidentiality exceptions, processors for
ALT reports, and the freedom of information copy duty."""

from __future__ import annotations

import pytest

from tests.families.clause_texts import (
    build,
    clause,
    clause_text,
    document_of,
    flat as _flat,
    flat_note,
    note,
    text_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG


FLOWS = """  flows:
    - data: referrals and assessments, with health needs
      shared_by: the Council
      shared_with: the Provider supporting the person
      article_6: Article 6(1)(e) (public task)
      condition: Article 9(2)(g) with Schedule 1 paragraph 6 (the Council's functions under the Care Act 2014)
    - data: support plans and progress notes
      shared_by: each Provider
      shared_with: the other Alliance Members supporting the person
      article_6: Article 6(1)(f) (legitimate interests)
"""


def test_processor_for_alt_reports_is_named(alliance_big):
    """r20 al14: al-sample 15: 8.7 fixes who hosts the Alliance Manager, so the data clauses name it."""
    text = _flat(text_of(clause(alliance_big, "alliance.information-sharing")))
    assert "the Alliance Member that employs or hosts the Alliance Manager" not in text
    assert "the Commissioner (which employs or hosts the Alliance Manager under clause" in text


def test_confidentiality_exception_reaches_the_adviser_expert_and_accountant(alliance_kingsholt):
    """r25 alA: al-fresh finding 15 (firing): disclosure is allowed for the dispute ladder as well as the disputes clause, and
    for an Independent Expert or the Reviewing Accountant to decide."""
    text = _flat(text_of(clause(alliance_kingsholt, "common.freedom-of-information")))
    assert ("to the extent needed to resolve a Dispute under clause 27 or clause 28, or for an Independent Expert or the"
            " Reviewing Accountant to make a recommendation or decision under this Agreement.") in text


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_confidentiality_exception_names_the_accountant_only_where_there_is_one(path, catalogue):
    """r25 alA: al-fresh finding 15 (quiet): a gain-only alliance has no Reviewing Accountant to name."""
    doc = build(path, catalogue).document
    text = _flat(text_of(clause(doc, "common.freedom-of-information")))
    ids = [c.id for c in doc.all_clauses()]
    assert "to the extent needed to resolve a Dispute under clause" in text
    if "Reviewing Accountant" in text:
        assert "Reviewing Accountant" in _flat(text_of(clause(doc, "alliance.risk-reward")))


def test_data_sharing_schedule_prints_the_lawful_basis_for_each_flow_the_sheet_gives(catalogue):
    """r24 al-sample 3: where the instructions give flows, Schedule 6 sets out each flow's basis and the note says so."""
    src = ALLIANCE_BIG.read_text(encoding="utf-8")
    anchor = "  retention: 6 years after a person's support ends, then deleted\n"
    assert anchor in src
    doc = document_of(catalogue, src.replace(anchor, FLOWS + anchor))
    text = clause_text(doc, "common.schedule-data-sharing", flat=True)
    assert "for each data flow, as set out in the table of data flows below" in text
    assert "Article 9(2)(g) with Schedule 1 paragraph 6 (the Council's functions under the Care Act 2014)" in text
    assert "none (no special category or criminal offence data)" in text
    n = " ".join(note(doc, "common.schedule-data-sharing").split())
    assert n.startswith("The table gives the lawful basis flow by flow, as instructed")


def test_without_flows_the_note_asks_for_the_basis_flow_by_flow_in_a_few_lines(alliance_big):
    """r25 alD: Quiet: no flows, no flow table; the note asks for one row per flow and Party, without the generic teaching."""
    text = clause_text(alliance_big, "common.schedule-data-sharing", flat=True)
    assert "table of data flows" not in text
    n = " ".join(note(alliance_big, "common.schedule-data-sharing").split())
    assert n.startswith("Before issue, replace the Lawful basis row with a row for each data flow and each Party")
    assert "not flow by flow" in n and "A Provider that is not a public body can rest its safeguarding disclosures" in n
    assert "data sharing code" not in n and "is met only where the data is processed" not in n
    assert "(assessing needs, planning" in n and "paragraph 6 read with paragraph 36" in n


def test_s53_copy_duty_stated_from_the_contract_values(alliance_stainmoor, alliance_big):
    """r26 alG: al-fresh finding 16 (firing): no Service Contract over £5 million, so no broken pointer to the recitals note;
    quiet: a deal with contracts over £5 million still points to the recitals note, which deals with it."""
    text = flat_note(alliance_stainmoor, "common.freedom-of-information")
    assert ("at the first year's values no Service Contract is worth more than £5 million over its term and extension "
            "(the largest, Living Hub's, is £2,884,000), but") in text
    # r32 al-fresh finding 11: no conclusion from unindexed values; check the notices' estimated value
    assert "no copy need be published" not in text
    assert "check the estimated value stated in the tender and contract award notices" in text
    assert "the recitals note deals with it" not in text
    assert "the recitals note deals with it" in flat_note(alliance_big, "common.freedom-of-information")
    assert "section 53(5)" in flat_note(alliance_big, "alliance.recitals")
