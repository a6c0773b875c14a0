"""The alliance's Indexation Increase: every limit the sheet's indexation words give (a cap, a floor) reaches the
operative definition, the Key Information row and the Schedule 5 note (r28 al-fresh finding 1, Harrowdale: CPIH to
the previous November, capped at 4%, with a floor)."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from assembler.termsheet.alliance import Alliance, RiskReward
from tests.conftest import samples
from tests.families.clause_texts import definition, flat
from tests.families.test_alliance import build, clause, table_rows

HARROWDALE = Path(__file__).parent / "fixtures" / "alliance-harrowdale-r28l.yaml"


@pytest.fixture(scope="module")
def harrowdale(catalogue):
    return build(HARROWDALE, catalogue).document


def test_cap_reaches_the_definition_key_information_and_note(harrowdale):
    """Finding 1 (firing): the 4% cap is operative in the definition, with the index and month the sheet names;
    the Key Information row states the cap and the floor; the Schedule 5 note describes what the definition says."""
    d = flat(definition(harrowdale, "Indexation Increase"))
    assert "Consumer Prices Index including owner occupiers' housing costs (CPIH, all items)" in d
    assert "over the 12 months to the November before that Alliance Year begins" in d
    assert d.rstrip(".").endswith("The Indexation Increase for an Alliance Year is never more than 4%")
    row = " ".join(" ".join(r) for r in table_rows(clause(harrowdale, "alliance.key-information")))
    assert ("Annual Values increased each year by the Indexation Increase (never more than 4%; not reduced when the "
            "index falls)") in flat(row)
    n = flat(clause(harrowdale, "alliance.schedule-budget").note)
    assert "and a last sentence that it is never more than 4%" in n
    assert "the definition of Annual Value keeps each value from falling when the increase is negative" in n


@pytest.mark.parametrize("words, cap, floor, said", [
    ("the percentage increase in CPI in the 12 months to the previous December, capped at 4%", "4", None,
     "more than 4%"),
    ("CPIH in the 12 months to the previous November, with a floor of 1% and a cap of 5.5%", "5.5", "1",
     "less than 1% or more than 5.5%"),
    ("RPI in the 12 months to the previous January, but between 0% and 3%", "3", "0", "less than 0% or more than 3%"),
    ("CPI in the 12 months to the previous December, subject to a maximum of 3%", "3", None, "more than 3%"),
])
def test_limits_are_read_from_the_words(words, cap, floor, said):
    """Finding 1 (firing): each way a sheet words a cap or floor is read."""
    a = Alliance.model_construct(risk_reward=RiskReward.model_construct(indexation=words))
    lim = a.indexation_limits
    assert lim["cap"] == (Decimal(cap) if cap else None)
    assert lim["floor"] == (Decimal(floor) if floor else None)
    assert a.indexation_limit_words == said


@pytest.mark.parametrize("path", samples("alliance"), ids=lambda p: p.stem)
def test_no_limit_sentence_without_a_limit(path, catalogue):
    """Finding 1 (quiet): the samples give no cap or floor, so the definition has no limit sentence."""
    doc = build(path, catalogue).document
    if not any(d.term == "Indexation Increase" for d in doc.definitions):
        return
    assert "is never" not in flat(definition(doc, "Indexation Increase"))


def test_value_row_says_it_is_before_indexation(harrowdale, catalogue):
    """Finding 14 (firing): £6,800,000 is 4 years at £1,700,000, the first year's Annual Values, so the Key
    Information row says so; (quiet) a sheet without indexation states the value alone."""
    rows = {r[0]: flat(r[1]) for r in table_rows(clause(harrowdale, "alliance.key-information"))}
    assert rows["Estimated value over the Initial Term"] == (
        "£6,800,000 at the first year's Annual Values, before indexation (£10,200,000 if the Term is extended)")
    plain = build(Path(__file__).parents[2] / "samples" / "alliance" / "mental-health-four-members-varied.yaml",
                  catalogue).document
    rows = {r[0]: flat(r[1]) for r in table_rows(clause(plain, "alliance.key-information"))}
    assert "before indexation" not in rows["Estimated value over the Initial Term"]


CASTLEBRIDGE = Path(__file__).parent / "fixtures" / "alliance-castlebridge-r29.yaml"


def test_weighted_pay_award_reaches_the_definition_and_note(catalogue):
    """r29 al-fresh finding 1 (firing): 70% of the JNC pay award and 30% of CPI, capped at 5%, reach the definition
    as a formula with the pay award's reference point in brackets and a late-award rule; the Key Information row
    keeps the cap; the Schedule 5 note describes the pay award limb."""
    doc = build(CASTLEBRIDGE, catalogue).document
    d = flat(definition(doc, "Indexation Increase"))
    assert ("the sum of (a) 70% of the percentage pay award under the Joint Negotiating Committee for Youth and "
            "Community Workers for the latest pay year that began before that Alliance Year begins") in d
    assert "[the mid-point of the scale] [the average across the scale]" in d
    assert ("(b) 30% of the percentage change in the Consumer Prices Index (CPI, all items) published by the Office "
            "for National Statistics over the 12 months to the December before that Alliance Year begins") in d
    assert "The Indexation Increase for an Alliance Year is never more than 5%" in d
    assert "must be paid within 30 days after the award is agreed" in d
    row = " ".join(" ".join(r) for r in table_rows(clause(doc, "alliance.key-information")))
    assert "increased each year by the Indexation Increase (never more than 5%" in flat(row)
    n = flat(clause(doc, "alliance.schedule-budget").note)
    assert "each measure, the figure compared and the share of the Annual Value it applies to" in n
    assert "flat-cash on the lower points" in n
    assert "series identifier for the price index named" in n


@pytest.mark.parametrize("path", samples("alliance") + [HARROWDALE], ids=lambda p: p.stem)
def test_no_pay_award_limb_without_one(path, catalogue):
    """r29 al-fresh finding 1 (quiet): a sheet whose index names no pay award has no pay award limb or late-award
    sentence."""
    doc = build(path, catalogue).document
    if not any(d.term == "Indexation Increase" for d in doc.definitions):
        return
    d = flat(definition(doc, "Indexation Increase"))
    assert "pay award" not in d and "mid-point of the scale" not in d
    assert "flat-cash" not in flat(clause(doc, "alliance.schedule-budget").note)


def test_two_shares_with_known_indices_keep_the_general_reading():
    """r29 al-fresh finding 1 (quiet): two shares of known indices are not read as a named measure."""
    a = Alliance.model_construct(risk_reward=RiskReward.model_construct(
        indexation="CPI in the 12 months to the previous December (for 60% of the Annual Value) and the National "
                   "Living Wage (for 40% of the Annual Value)"))
    assert a._indexation_weighted_parts(a.risk_reward.indexation) is None
    assert a.indexation_pay_award is None
