"""r25 alliance review (lane al22), al-fresh findings (Kingsholt older people's community support alliance)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

KINGSHOLT = Path(__file__).parent / "fixtures" / "alliance-kingsholt-r25.yaml"


@pytest.fixture(scope="module")
def kingsholt(catalogue):
    return build(KINGSHOLT, catalogue).document


def test_no_urgent_limit_no_second_approval_clause(catalogue):
    """Finding 3 (quiet): without an urgent approvals limit there is no further ALT approval to carve out."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        rr = _flat(text_of(clause(doc, "alliance.risk-reward")))
        if "Any further cost of that kind" in rr:
            continue
        text = _flat(text_of(clause(doc, "alliance.decisions")))
        assert " or clause 13.1" not in text.split("running costs under")[0][-40:]
        assert "each of which is made only as that clause provides" not in text


def _row(doc, item):
    from tests.families.test_alliance import table_rows
    return next(r for r in table_rows(clause(doc, "alliance.key-information")) if r[0].startswith(item))


def test_commissioner_row_describes_the_stop_loss_not_a_limit_on_approvals(kingsholt):
    """Finding 5 (firing): the Commissioner's £95,000 is a limit on its exposure to Pain that it may lift by its own
    decision, not a limit on approvals of overspending; the row says so and that it bears its own share too."""
    from tests.families.test_alliance import table_rows
    rows = [r for r in table_rows(clause(kingsholt, "alliance.schedule-risk-reward")) if "(the Commissioner)" in r[0]]
    cell = rows[0][-1]
    # r28 al-fresh finding 21: a short cell that points to the clauses instead of restating them in every row
    assert cell == "none: a limit of £95,000 a year on its exposure, which it may decide to exceed (clause 13)"
    assert "limited to" not in " ".join(r[-1] for r in rows)


def test_uncapped_commissioner_row_unchanged(catalogue):
    """Finding 5 (quiet): an uncapped Commissioner's row has no stop-loss words."""
    from tests.families.test_alliance import BIG, table_rows
    doc = build(BIG, catalogue).document
    rows = [r for r in table_rows(clause(doc, "alliance.schedule-risk-reward")) if "Commissioner)" in r[0]]
    assert rows[0][-1] == "none: uncapped, and bears all Pain above the Providers' Pain Caps"


def test_payments_clause_admits_running_costs_and_other_sums(kingsholt):
    """Finding 2 (firing): 4.2 no longer says the Balancing Amounts are the only payments, since running costs,
    step-in costs and mediation fees are payable too; the key-information note says the same."""
    text = _flat(text_of(clause(kingsholt, "alliance.structure")))
    assert ("The only payments under it are the Balancing Amounts under clause 13 (made through the same Service"
            " Contract) and the other sums that a provision of this Agreement expressly makes payable, including"
            " running costs under clause 16.1." in text)
    assert "the only payments under it are the Balancing Amounts under clause 13, made through" not in text
