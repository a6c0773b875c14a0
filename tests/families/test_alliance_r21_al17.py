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


