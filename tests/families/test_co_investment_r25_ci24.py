"""r25 co-investment review (ci-fresh: Wealdshire care leavers' homes, a county council): findings the ci24 lane fixed,
each with a firing case and a quiet case on a sheet without the fact."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import document_of, clause_text, flat, note

WEALDSHIRE = (Path(__file__).parent / "fixtures" / "co-investment-wealdshire-r25.yaml").read_text(encoding="utf-8")
SAMPLE = (Path(__file__).parents[2] / "samples" / "co-investment" / "affordable-homes-partnership.yaml").read_text(
    encoding="utf-8")


@pytest.fixture(scope="module")
def wealdshire(catalogue):
    return document_of(catalogue, WEALDSHIRE)


def test_county_council_does_not_recite_the_housing_authority_power(wealdshire):
    """r25 ci-fresh finding 2: s.24(1) LGA 1988 is a power of a local housing authority only. A county council that
    lists it gives the assistance under the general power of competence with the s.25(1)(b) consent, and the notes
    say so."""
    r = flat(clause_text(wealdshire, "co-investment.recitals"))
    assert "section 24 of the Local Government Act 1988" not in r
    assert ("gives the financial assistance and gratuitous benefit for privately let housing provided for in this "
            "Agreement under section 1 of the Localism Act 2011, with the consent required by section 25(1)(b) of the "
            "Local Government Act 1988.") in r
    n = flat(note(wealdshire, "co-investment.recitals"))
    assert "s.24(1) gives that power only to a local housing authority, and the Council is not one" in n
    c = flat(note(wealdshire, "co-investment.conditions-precedent"))
    assert "The Council is not a local housing authority, so it cannot use the power in s.24(1)" in c


def test_housing_authority_keeps_its_section_24_power(catalogue):
    """Quiet: the same sheet for a council that is the local housing authority recites s.24 as listed."""
    d = document_of(catalogue, WEALDSHIRE.replace("housing_authority: false", "housing_authority: true"))
    r = flat(clause_text(d, "co-investment.recitals"))
    assert "section 24 of the Local Government Act 1988 (with consent under section 25 of that Act)" in r
    assert "section 25(1)(b)" not in r
    assert "only to a local housing authority" not in flat(note(d, "co-investment.recitals"))
    assert "cannot use the power in s.24(1)" not in flat(note(d, "co-investment.conditions-precedent"))


def test_sample_recital_unchanged(catalogue):
    """Quiet: the sample (a district council with no housing_authority flag) recites its powers as listed."""
    r = flat(clause_text(document_of(catalogue, SAMPLE), "co-investment.recitals"))
    assert "section 25(1)(b)" not in r


def test_support_commissioned_separately_is_not_the_associations_duty(wealdshire):
    """r25 ci-fresh finding 3: tenancy support the Council commissions from another provider is not something the
    Association must provide or arrange; the definition calls it tenancy support, and the Council gives 12 months'
    notice before the contract's end date, without fettering its decisions."""
    t = flat(clause_text(wealdshire, "co-investment.operations"))
    assert "must provide, or arrange, support" not in t
    assert ("The Council must make the tenancy support under the Support Contract available to the tenants of the "
            "homes for as long as the Support Contract continues.") in t
    assert "The Association is not responsible under this Agreement for providing or arranging the tenancy support" in t
    assert "It must tell that provider and the tenant's personal adviser promptly of any risk to a tenancy." in t
    assert ("at least 12 months before the Support Contract ends on 30 September 2030, whether it intends to commission "
            "tenancy support for the tenants of the homes again after that date") in t
    assert "Nothing in this clause fetters the Council's procurement or commissioning decisions" in t
    n = flat(note(wealdshire, "co-investment.operations"))
    assert "The Support Contract ends on 30 September 2030, before the Investment Capital is due to be repaid" in n


def test_support_paid_from_the_rent_keeps_the_associations_duty(catalogue):
    """Quiet: where support is not funded separately, the Association still provides or arranges it and no Support
    Contract notice appears."""
    sheet = WEALDSHIRE.replace("support_funded_separately: true", "support_funded_separately: false")
    sheet = sheet.replace("  support_contract:\n    provider: other\n    title: care leavers' tenancy support contract\n"
                          "    reference: reference WCC/CS/LC/2025/14 dated 1 October 2025\n    ends: 2030-09-30\n", "")
    d = document_of(catalogue, sheet)
    t = flat(clause_text(d, "co-investment.operations"))
    assert "The Association must provide, or arrange, support for tenants who need it" in t
    assert "Support Contract" not in t


def test_permitted_disposal_use_is_not_a_clawback_event(wealdshire):
    """r25 ci-fresh finding 4: a permitted lease (the training flat) takes the flat out of the Permitted Use, so neither
    the six-month clawback event nor the asset-lock use covenant may treat that use as a breach."""
    c = flat(clause_text(wealdshire, "co-investment.clawback"))
    assert "or while all or part of it is used as a Permitted Disposal allows; or" in c
    d = flat(clause_text(wealdshire, "co-investment.disposal"))
    assert "must hold it for the Permitted Use, except for any part of it used as a Permitted Disposal allows." in d


def test_no_permitted_disposals_no_exception(catalogue):
    """Quiet: with no listed Permitted Disposals the clawback event and the use covenant have no exception."""
    sheet = WEALDSHIRE.replace("  permitted:\n    - a lease of a flat to the Council for use as a training flat for care "
                               "leavers, for no more than three years\n", "")
    d = document_of(catalogue, sheet)
    assert "Permitted Disposal allows" not in flat(clause_text(d, "co-investment.clawback"))
    assert "Permitted Disposal allows" not in flat(clause_text(d, "co-investment.disposal"))
