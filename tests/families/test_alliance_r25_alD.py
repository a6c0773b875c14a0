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


def test_data_sharing_schedule_prints_the_lawful_basis_for_each_flow_the_sheet_gives(catalogue):
    """r24 al-sample 3: where the instructions give flows, Schedule 6 sets out each flow's basis and the note says so."""
    src = BIG.read_text(encoding="utf-8")
    anchor = "  retention: 6 years after a person's support ends, then deleted\n"
    assert anchor in src
    doc = document_of(catalogue, src.replace(anchor, FLOWS + anchor))
    text = clause_text(doc, "common.schedule-data-sharing", flat=True)
    assert "for each data flow, as set out in the table of data flows below" in text
    assert "Article 9(2)(g) with Schedule 1 paragraph 6 (the Council's functions under the Care Act 2014)" in text
    assert "none (no special category or criminal offence data)" in text
    n = " ".join(note(doc, "common.schedule-data-sharing").split())
    assert n.startswith("The table gives the lawful basis flow by flow, as instructed")


def test_without_flows_the_note_asks_for_the_basis_flow_by_flow_in_a_few_lines(big):
    """Quiet: no flows, no flow table; the note asks for one row per flow and Party, without the generic teaching."""
    text = clause_text(big, "common.schedule-data-sharing", flat=True)
    assert "table of data flows" not in text
    n = " ".join(note(big, "common.schedule-data-sharing").split())
    assert n.startswith("Before issue, replace the Lawful basis row with a row for each data flow and each Party")
    assert "not flow by flow" in n and "A Provider that is not a public body can rest its safeguarding disclosures" in n
    assert "data sharing code" not in n and "is met only where the data is processed" not in n
    assert "(assessing needs, planning" in n and "paragraph 6 read with paragraph 36" in n
