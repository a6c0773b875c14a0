"""COMMON-SAFEGUARDING-PEOPLE: where who the services are for is read from their description, the
rule asks for it to be confirmed; given, or not clear from the description, it is quiet."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.rules.helpers import findings

ADULTS = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"  # "give adults with ..."
UNCLEAR = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"  # "people with a long history ..."
RULE = "COMMON-SAFEGUARDING-PEOPLE"


def test_a_group_read_from_the_description_asks_for_confirmation(catalogue):
    # the sample now gives safeguarding.people: take it out, so the group is read from the description
    [message] = findings(catalogue, ADULTS, lambda d: d.pop("safeguarding", None))[RULE]
    assert "for adults only ('give adults with multiple and complex needs')" in message
    assert "safeguarding.people: adults" in message


def test_the_group_given_is_quiet(catalogue):
    assert RULE not in findings(catalogue, ADULTS, lambda d: d.__setitem__("safeguarding", {"people": "adults"}))


def test_a_description_naming_no_group_is_quiet(catalogue):
    assert RULE not in findings(catalogue, UNCLEAR)


def test_a_draft_with_its_own_safeguarding_clause_is_quiet(catalogue):
    """An open-book contract's own clause follows the setting's regulator, not this reading."""
    adults = ROOT / "samples" / "open-book" / "supported-living-company.yaml"  # "adults with learning disabilities"
    assert RULE not in findings(catalogue, adults)
