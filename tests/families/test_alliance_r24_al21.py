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


