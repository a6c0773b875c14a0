"""No charging people for the care they receive (Care Act 2014 ss.14 and 17): r28 ob-fresh finding 15 (the supported
living draft had no bar on charging tenants; only home care had one). One paragraph serves both."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of
from tests.families.conftest import OB_HOMECARE, OB_LIVING

BAR = "must not ask for or accept any payment from a Tenant, or from anyone acting for them, for the Care Services."


def test_supported_living_tenants_are_not_charged_by_the_provider(catalogue):
    body = clause_text(document_of(catalogue, OB_LIVING.read_text()), "open-book.support", flat=True)
    assert BAR in body
    assert "assessed under section 17 of the Care Act 2014 and charged by the Council under section 14" in body
    assert "section 117" not in body


def test_after_care_tenants_pay_nothing(catalogue):
    text = (ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml").read_text().replace(
        "the three tenants whose care and support", "the three tenants receiving after-care under section 117 of the Mental Health Act 1983 whose care and support")
    body = clause_text(document_of(catalogue, text), "open-book.support", flat=True)
    assert "No contribution is charged for after-care services under section 117 of the Mental Health Act 1983." in body


def test_home_care_keeps_one_bar_before_the_gifts_policy(catalogue):
    body = clause_text(document_of(catalogue, OB_HOMECARE.read_text()), "open-book.support", flat=True)
    bar = BAR.replace("Tenant", "Service User")
    assert body.count(bar) == 1
    assert body.index("co-operate with any investigation by the Ombudsman") < body.index(bar) < body.index("policy on gifts")


def test_supported_living_keeps_a_gifts_and_tenants_money_policy(catalogue):
    """r28 ob-fresh finding 15 (second half): the home care gifts and money-handling paragraph now serves adult
    supported living too, in its own words (a member of staff, not a care worker)."""
    d = document_of(catalogue, OB_LIVING.read_text())
    body = clause_text(d, "open-book.support", flat=True)
    assert "must keep a policy on gifts and on handling the money of Tenants" in body
    assert "signed by the member of staff, of any money of a Tenant that a member of staff handles" in body
    assert "sponsor" not in body   # the sponsor-licence paragraph stays home care's
    hc = clause_text(document_of(catalogue, OB_HOMECARE.read_text()), "open-book.support", flat=True)
    assert "signed by the care worker, of any money of a Service User that a care worker handles" in hc
