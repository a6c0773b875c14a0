"""The CPI reference period in the Indexation Increase (r40 al-shortbreaks F3): where the sheet names the month the
12-month change runs to ("in the 12 months to that April"), the definition keeps that month and never substitutes
"the latest month for which it has been published when that Alliance Year begins"."""
from __future__ import annotations

from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file
from tests.families.conftest import ALLIANCE_ELLERBY

COMPOSITE = ("a composite of 70% of the percentage increase in the National Living Wage that took effect in the April "
             "before that Alliance Year and 30% of the percentage increase in the Consumer Prices Index (CPI) in the "
             "12 months to {period}")


def _alliance(indexation: str):
    data = load_file(ALLIANCE_ELLERBY).data
    data["alliance"]["risk_reward"]["indexation"] = indexation
    return AllianceTermSheet.model_validate(data).alliance


def test_that_april_keeps_the_sheets_period():
    """Firing: "12 months to that April" (and "twelve months to each April") gives the April before the year."""
    for period in ("that April", "each April"):
        a = _alliance(COMPOSITE.format(period=period))
        assert [(p["index"], p["month"]) for p in a.indexation_parts] == [("nlw", None), ("cpi", "April")]
        text = a.indexation_definition
        assert "over the 12 months to the April before that Alliance Year begins" in text, text
        assert "latest month for which it has been published" not in text
    a = _alliance("the percentage increase in CPI in the twelve months to that April")
    assert [p["month"] for p in a.indexation_parts] == ["April"]


def test_a_sheet_naming_no_month_keeps_the_latest_published():
    """Quiet: words that name no month keep the latest published month."""
    a = _alliance("the percentage increase in the Consumer Prices Index (CPI)")
    assert [p["month"] for p in a.indexation_parts] == [None]
    assert "the 12 months to the latest month for which it has been published" in a.indexation_definition
