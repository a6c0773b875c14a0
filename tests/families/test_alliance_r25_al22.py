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


def test_urgent_approval_by_the_alt_is_carved_out_of_the_reserved_matters(kingsholt):
    """Finding 3 (firing): the ALT's approval of urgent costs above the Commissioner's limit (13.15), in which the
    Provider concerned does not vote, is carved out of the budget Reserved Matter, out of 9.6 and out of deadlock."""
    text = _flat(text_of(clause(kingsholt, "alliance.decisions")))
    assert ("other than an approval of costs under clause 13.15 or clause 13.17, or of running costs under clause 16.1,"
            " each of which is decided only as that clause provides;" in text)
    assert "(including an approval of costs under clause 13.15 or clause 13.17, each of which" in text
    assert "any approval of costs under clause 13.15 or clause 13.17, " in text
    rr = _flat(text_of(clause(kingsholt, "alliance.risk-reward")))
    assert "13.15" not in rr or "Any further cost of that kind counts only if the ALT approves it" in rr


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


def test_deadlock_power_names_no_matter_that_is_always_reserved(kingsholt):
    """Finding 4 (firing): approving the Annual Plan and changing the Outcomes are Reserved Matters here, so neither
    9.14, the key-information row, the Annual Value definition nor the note offers them to the Commissioner."""
    text = _flat(text_of(clause(kingsholt, "alliance.decisions")))
    assert ("The Commissioner decides any other deadlocked matter (including, where it is not a Reserved Matter, a change"
            " to a Key Performance Indicator that does not gate a share of Gain or to its levels)." in text)
    assert "where it is not a Reserved Matter, the Annual Plan" not in text
    row = _row(kingsholt, "ALT decisions")[1]
    assert "the Annual Plan, the Outcomes" not in row  # r27 al-fresh 13: the row refers to clause 9, lists nothing
    from assembler.model import plain_text
    assert "deciding a deadlock" not in plain_text(next(d for d in kingsholt.definitions if d.term == "Annual Value").inlines)


def test_deadlock_power_keeps_matters_that_are_not_reserved(catalogue):
    """Finding 4 (quiet): where the Annual Plan is not a Reserved Matter (Mossgate, r21), the Commissioner still
    decides a deadlocked Annual Plan, and the Annual Value definition still keeps that decision out."""
    from assembler.model import plain_text
    doc = build(Path(__file__).parent / "fixtures" / "alliance-mossgate-r21.yaml", catalogue).document
    text = _flat(text_of(clause(doc, "alliance.decisions")))
    assert "(including, where it is not a Reserved Matter, the Annual Plan and a change to a Key Performance" in text
    assert "who decides the rest, clause " in _row(doc, "ALT decisions")[1]  # r27 al-fresh 13: summary with references
    assert "and not the Commissioner deciding a deadlock" in _flat(text_of(clause(doc, "alliance.schedule-budget")))


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
