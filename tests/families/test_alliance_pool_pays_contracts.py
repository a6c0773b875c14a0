"""A section 75 pool where a Commissioner other than the host holds Service Contracts (r43 al-earlyhelp finding 2,
tool notes 2 and 10): where netting its contract payments off would leave nothing of its contribution in the pool, or
the sheet says pooled_in_full, it pays its whole contribution in and the Pooled Budget Holder pays those contracts out
of the pool on its behalf (regulation 7(1) of S.I. 2000/617), with no Aligned Budget; recital (A) does not say the
council arranges services for it that it does not fund; an earmark on a contribution that pays nothing into the pool
is reported."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat_note
from tests.families.conftest import ALLIANCE_MOSSGATE
from tests.rules.helpers import findings

TRUST = "    short_name: Trust\n"
ICB = "      - member: icb\n        amount: 1970000\n"
COUNCIL = "      - member: council\n        amount: 1120000\n"
RULE = "ALLIANCE-EARMARK-NOTHING-POOLED"


def _sheet(icb_amount: int = 1970000, extra: str = "") -> str:
    text = ALLIANCE_MOSSGATE.read_text()
    assert TRUST in text and ICB in text and COUNCIL in text
    text = text.replace(TRUST, TRUST + "    service_contract_with: icb\n", 1)
    text = text.replace(COUNCIL, f"      - member: council\n        amount: {3090000 - icb_amount}\n", 1)
    return text.replace(ICB, f"      - member: icb\n        amount: {icb_amount}\n" + extra, 1)


def test_contribution_no_more_than_its_contracts_is_pooled_in_full(catalogue):
    """Firing: the ICB's £1,380,000 is exactly the Trust's contract, so the pool pays that contract for it."""
    doc = document_of(catalogue, _sheet(1380000, "        applied_to: the Trust's Service Contract\n"))
    text = clause_text(doc, "alliance.service-planning", flat=True)
    assert "The ICB pays its whole contribution into the Pooled Budget." in text
    assert ("The Pooled Budget Holder must pay out of the Pooled Budget, on behalf of the ICB (as regulation 7(1) of "
            "the NHS Bodies and Local Authorities Partnership Arrangements Regulations 2000 allows") in text
    assert "the Pooled Budget Holder must repay it out of the Pooled Budget within 10 Business Days" in text
    assert "Aligned Budget" not in text
    assert "net of the payments" not in text
    assert ("by the Commissioner party to that Service Contract, out of the Pooled Budget (for the ICB, by the Pooled "
            "Budget Holder on its behalf as clause") in clause_text(doc, "alliance.structure", flat=True)
    note = flat_note(doc, "alliance.service-planning")
    assert "Netting those payments off its contribution of £1,380,000 would leave nothing of it in the pooled fund" in note
    recital = clause_text(doc, "alliance.recitals", flat=True)
    assert "for itself and the ICB" not in recital
    assert RULE not in findings(catalogue, ALLIANCE_MOSSGATE, _edit(1380000, None))


def test_pooled_in_full_when_instructed(catalogue):
    doc = document_of(catalogue, _sheet(1970000, "        pooled_in_full: true\n"))
    text = clause_text(doc, "alliance.service-planning", flat=True)
    assert "The ICB pays its whole contribution into the Pooled Budget." in text
    assert "Aligned Budget" not in text
    assert "As instructed, the draft has the ICB pay its whole contribution" in flat_note(doc, "alliance.service-planning")


def test_aligned_budget_kept_where_the_contribution_exceeds_the_contracts(catalogue):
    """Quiet: the ICB's £1,970,000 is more than the Trust's £1,380,000, and the sheet is silent, so the ICB pays the
    contract itself and the balance into the pool, as before."""
    doc = document_of(catalogue, _sheet())
    text = clause_text(doc, "alliance.service-planning", flat=True)
    assert "pays its whole contribution into the Pooled Budget" not in text
    assert "Aligned Budget" in text


def _edit(icb_amount: int, pooled_in_full: bool | None):
    def edit(data):
        next(m for m in data["members"] if m["key"] == "trust")["service_contract_with"] = "icb"
        for c in data["alliance"]["pooled_budget"]["contributions"]:
            c["amount"] = icb_amount if c["member"] == "icb" else 3090000 - icb_amount
            if c["member"] == "icb":
                c["applied_to"] = "the Trust's Service Contract"
                if pooled_in_full is not None:
                    c["pooled_in_full"] = pooled_in_full
    return edit


def test_rule_earmark_on_nothing_pooled_fires(catalogue):
    found = findings(catalogue, ALLIANCE_MOSSGATE, _edit(1380000, False))
    assert any("pays none of it into the pool" in m for m in found.get(RULE, []))


def test_rule_earmark_on_nothing_pooled_quiet(catalogue):
    assert RULE not in findings(catalogue, ALLIANCE_MOSSGATE, _edit(1970000, False))
    assert RULE not in findings(catalogue, ALLIANCE_MOSSGATE, _edit(1380000, True))
