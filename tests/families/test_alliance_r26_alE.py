"""r26 alliance review (lane alE), al-fresh findings (Stainmoor: an independent living and sensory support alliance of a
metropolitan borough council and four Providers; the Deaf Centre carries out BSL assessments and reviews for the council
and Brightledger runs direct payment managed accounts)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, read_termsheet, text_of
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from assembler.assemble import assemble
from tests.conftest import DRAFT_DATE

STAINMOOR = Path(__file__).parent / "fixtures" / "alliance-stainmoor-r26-alE.yaml"


@pytest.fixture(scope="module")
def stainmoor(catalogue):
    return build(STAINMOOR, catalogue).document


def _ids(doc):
    return {c.id for c in doc.all_clauses()}


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def _variant(catalogue, old, new):
    source = STAINMOOR.read_text()
    assert old in source
    return assemble(validate(load_text(source.replace(old, new, 1), STAINMOOR.name), catalogue), catalogue,
                    today=DRAFT_DATE).document


