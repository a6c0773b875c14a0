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


