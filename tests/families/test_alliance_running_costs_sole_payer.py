"""One Commissioner pays the running costs alone where two commission and there is no pooled budget (r46 al-prepadult
tool note 1, r47 al-prepadult finding 1): running_costs_payer assembles, clause 18.1 and its note say the named
Commissioner pays alone and do not speak of a pooled budget; with the field empty the Commissioners share them."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_PREPADULT_R47

CLAUSE = "alliance.operations"
_RC = "  running_costs: commissioner\n"


def test_named_commissioner_pays_alone_without_a_pool(catalogue):
    """Firing: running_costs_payer: council, no pooled budget."""
    source = ALLIANCE_PREPADULT_R47.read_text()
    assert _RC in source and "pooled_budget:" not in source
    doc = document_of(catalogue, source.replace(_RC, _RC + "  running_costs_payer: council\n", 1))
    text = clause_text(doc, CLAUSE, flat=True)
    assert "are paid by the Council alone, within a budget of £62,000" in text
    assert "Pooled Budget" not in text
    n = flat(note(doc, CLAUSE))
    assert "are paid by the Council alone, as instructed, with no share borne by the other Commissioner" in n
    assert "pooled budget" not in n
    assert "running costs" not in clause_text(doc, "alliance.service-planning", flat=True).split("As between the Commissioners", 1)[-1][:400]


def test_empty_payer_keeps_the_split(catalogue):
    """Quiet: with the field empty the Commissioners share the running costs as the service-planning clause says."""
    doc = document_of(catalogue, ALLIANCE_PREPADULT_R47.read_text())
    text = clause_text(doc, CLAUSE, flat=True)
    assert "by the Commissioners, between them as clause" in text
    assert "alone" not in text.split("running costs of the Alliance", 1)[1][:600]
