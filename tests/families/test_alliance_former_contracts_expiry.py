"""Former contracts that simply expire on a date (former_contracts_expire): recital (D), clause 5, Schedule 1 and the
key information say so, the ending by agreement and run-on stay only as a fallback; and the transition note does not
list among contracts that 'look like health care' one whose holder's own Service Contract the sheet puts under the
Procurement Act 2023 beside a Provider Selection Regime route (r31 al-fresh finding 9)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, note, variant_of
from tests.families.conftest import ALLIANCE_BIG

TREATMENT = "  former_contracts_treatment: replaced\n"


def test_former_contracts_that_expire(catalogue):
    """Firing: the expiry date in recital (D), clause 5, Schedule 1 and the key information; the run-on is a fallback."""
    doc = variant_of(catalogue, ALLIANCE_BIG, TREATMENT, TREATMENT + "  former_contracts_expire: 2027-03-31\n")
    assert ("The Former Contracts expire under their own terms on 31 March 2027 and are not extended, and the Service "
            "Contracts awarded by that procurement start on 1 April 2027") in clause_text(doc, "alliance.recitals", flat=True)
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert "Each Former Contract expires under its own terms on 31 March 2027, and none of the Alliance Members will extend it." in transition
    assert "applies only as a fallback" in transition
    n = note(doc, "alliance.transition")
    assert "expire under their own terms on 31 March 2027" in n and "runs on until the new Service Contract starts" not in n
    assert "which is not the day before the Commencement Date" not in n
    assert "The following contracts expire on 31 March 2027" in clause_text(doc, "alliance.schedule-services", flat=True)
    assert "expiring on 31 March 2027" in clause_text(doc, "alliance.key-information", flat=True)


def test_expiry_date_that_leaves_a_gap_is_flagged(catalogue):
    doc = variant_of(catalogue, ALLIANCE_BIG, TREATMENT, TREATMENT + "  former_contracts_expire: 2027-02-28\n")
    assert "which is not the day before the Commencement Date (1 April 2027)" in note(doc, "alliance.transition")


def test_former_contracts_without_expiry_end_by_agreement(catalogue):
    """Quiet: without the date the contracts end by agreement, as before."""
    doc = variant_of(catalogue, ALLIANCE_BIG, TREATMENT, TREATMENT)
    assert "end by agreement" in clause_text(doc, "alliance.recitals", flat=True)
    assert "expires under its own terms" not in clause_text(doc, "alliance.transition", flat=True)


def test_contract_classed_not_health_care_is_not_listed_as_health_care(catalogue):
    """Firing and quiet: under a Provider Selection Regime route, a former contract of a Provider whose own contract was
    procured under the Procurement Act 2023 is not named as looking like health care; the others still are."""
    route = "  procurement_route: competitive_flexible\n"
    psr = "  procurement_route: provider_selection\n  psr_process: most_suitable_provider\n"
    recovery = "    annual_value: 1420000\n"
    own = recovery + "    procurement_route: competitive_flexible\n    procurement_started: 2026-03-02\n"
    base = variant_of(catalogue, ALLIANCE_BIG, route, psr)
    assert "TCC/PH/0211" in note(base, "alliance.transition")
    text = ALLIANCE_BIG.read_text().replace(route, psr, 1).replace(recovery, own, 1)
    doc = document_of(catalogue, text)
    n = note(doc, "alliance.transition")
    health = n[n.index("like health care") - 300:n.index("like health care")] if "like health care" in n else ""
    assert "TCC/PH/0211" not in health and "TCC/PH/0288" in health
