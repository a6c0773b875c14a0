"""No charging people for the care they receive (Care Act 2014 ss.14 and 17): r28 ob-fresh finding 15 (the supported
living draft had no bar on charging tenants; only home care had one). One paragraph serves both."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of

LIVING = ROOT / "samples" / "open-book" / "supported-living-company.yaml"
HOMECARE = ROOT / "samples" / "open-book" / "home-care-zones.yaml"
BAR = "must not ask for or accept any payment from a Tenant, or from anyone acting for them, for the Care Services."


def test_supported_living_tenants_are_not_charged_by_the_provider(catalogue):
    body = clause_text(document_of(catalogue, LIVING.read_text()), "open-book.support", flat=True)
    assert BAR in body
    assert "assessed under section 17 of the Care Act 2014 and charged by the Council under section 14" in body
    assert "section 117" not in body


def test_after_care_tenants_pay_nothing(catalogue):
    text = (ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml").read_text().replace(
        "the three tenants whose care and support", "the three tenants receiving after-care under section 117 of the Mental Health Act 1983 whose care and support")
    body = clause_text(document_of(catalogue, text), "open-book.support", flat=True)
    assert "No contribution is charged for after-care services under section 117 of the Mental Health Act 1983." in body


def test_home_care_keeps_one_bar_before_the_gifts_policy(catalogue):
    body = clause_text(document_of(catalogue, HOMECARE.read_text()), "open-book.support", flat=True)
    bar = BAR.replace("Tenant", "Service User")
    assert body.count(bar) == 1
    assert body.index("co-operate with any investigation by the Ombudsman") < body.index(bar) < body.index("policy on gifts")
