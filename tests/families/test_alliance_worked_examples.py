"""The third worked example, "Pain above the Pain Caps", uses a Pain above the Provider caps even where the
Commissioner's own amount is reached long before any Provider's cap (r35 al-fresh finding 7)."""
from __future__ import annotations

import re

from tests.families.clause_texts import build, clause, flat, text_of
from tests.families.conftest import ALLIANCE_KINGSHOLT

AMOUNT = "      amount: 95000\n"


def _example_3(doc) -> tuple[int, str]:
    text = flat(text_of(clause(doc, "alliance.schedule-risk-reward")))
    m = re.search(r"Example 3: Pain above the Pain Caps\. .*? Pain £([\d,]+)\.", text)
    assert m, "Example 3 not found"
    return int(m.group(1).replace(",", "")), text


def test_example_3_is_above_the_caps_when_the_commissioner_amount_is_small(tmp_path, catalogue):
    """Firing: with the Commissioner's amount at £50,000 its point is reached well below the first Provider's cap; the
    example is sized on the point where every Provider's cap has bitten, so some Pain lies above the caps."""
    text = ALLIANCE_KINGSHOLT.read_text()
    assert AMOUNT in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(AMOUNT, "      amount: 50000\n", 1))
    doc = build(sheet, catalogue).document
    pain, body = _example_3(doc)
    assert pain > 211250  # every Provider's Pain Cap has bitten (Kingsholt: £211,250)
    assert "£0 of the Providers' shares lies above their Pain Caps" not in body
    assert re.search(r"In this example £[1-9][\d,]* of the Providers' shares lies above their Pain Caps", body)


def test_example_3_unchanged_where_the_caps_already_bite(catalogue):
    """Quiet: where the example sized on the Commissioner's point already passes the Provider caps, it is unchanged."""
    pain, _ = _example_3(build(ALLIANCE_KINGSHOLT, catalogue).document)
    assert pain == 240000
