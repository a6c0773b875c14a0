"""r22 alliance review (lane al18): the money mechanisms (clauses 12 to 14 and Schedule 4) of the Tamarmouth sample
(al-sample) and the Haverleigh sheet (al-fresh)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.families.clause_texts import clause_text
from tests.families.test_alliance import ALLIANCE, build, clause, text_of

R22 = Path("/work/review/r22")
SHEETS = ALLIANCE


def _sentences(text: str):
    for line in text.split("\n"):
        yield from re.split(r"(?<=[.;:])\s+(?=[A-Z(])", line)


HAVERLEIGH = Path(__file__).parent / "fixtures" / "alliance-haverleigh-r22.yaml"


@pytest.fixture(scope="module")
def haverleigh(catalogue):
    return build(HAVERLEIGH, catalogue).document


def test_budget_the_commissioner_funds_itself_is_available_not_allocated_in_instalments(catalogue):
    """al-sample 5 (firing): the Council funds and holds the whole budget, so the instalment profile is not an
    allocation to its own cost centre; the budget is available from the start of the year and the note asks whether
    the Providers are to be paid on that profile. al-sample 7: the later-year budget and the carry-forward are
    subject to the no-fetter clause and the holder's financial rules."""
    doc = build(next(p for p in ALLIANCE if "complex-needs" in p.stem), catalogue).document
    plan = " ".join(text_of(clause(doc, "alliance.service-planning")).split())
    assert "to the account or cost centre in which it keeps" not in plan
    assert "must make the Alliance Budget available in full from the start of each Alliance Year" in plan
    assert "carried forward and applied in the next Alliance Year as the Annual Plan for that year provides" in plan
    assert "unless the Alliance Budget Holder's budget and financial rules require it to be returned" in plan  # r26 al-sample 12
    assert re.search(r"Nothing in this clause \d+\.\d+ limits the obligations of the Commissioner", plan)
    note = " ".join(clause(doc, "alliance.service-planning").note.split())
    # r25 al-sample 3 (lane alB): the profile is now secured in clause 12 and the 3.3 list; the note says so
    assert "The instructions give the Commissioner's contribution to the Alliance Budget as paid in four equal instalments in advance" in note  # r26 al-sample 9
    assert "requires each Service Contract to contain: confirm with the client" in note


@pytest.mark.parametrize("path", [HAVERLEIGH, *(p for p in ALLIANCE if "complex-needs" not in p.stem)], ids=lambda p: p.stem)
def test_instalment_note_only_where_the_holder_funds_itself(path, catalogue):
    """quiet: no instalment note where no single commissioner funds a budget it holds."""
    doc = build(path, catalogue).document
    note = " ".join((clause(doc, "alliance.service-planning").note or "").split())
    assert "It pays into a budget it holds itself" not in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_indexation_against_service_contract_prices_is_flagged(path, catalogue):
    """al-sample 6 (firing): indexed Annual Values with separate Service Contracts get a note that the contract
    prices must rise the same way or the Annual Value follow the contract price; quiet: no indexation, or one
    contract (this Agreement is the contract)."""
    built = build(path, catalogue)
    doc = built.document
    note = " ".join((clause(doc, "alliance.schedule-budget").note or "").split())
    flagged = "Where a Service Contract does not raise its price by the same increase" in note
    indexed = "Indexation Increase" in {d.term for d in doc.definitions}
    single = any(c.id == "alliance.structure" and c.variant == "single-contract" for c in doc.all_clauses())
    assert flagged == (indexed and not single)


