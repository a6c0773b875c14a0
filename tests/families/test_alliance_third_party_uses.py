"""r42 al-prescribing finding 6: what a third-party dependency supplies is read from `provides`, and 'premises' is
read as the body's staff only where the description is about its staff (a co-located work coach), never where it
names a place for the Providers' own workers ('consulting rooms for link workers')."""
from __future__ import annotations

import pytest

from assembler.termsheet.alliance import ThirdPartyDependency

ROOMS = "consulting rooms for link workers and referrals from, and appointment counts in, each practice's records"


@pytest.mark.parametrize("provides", ["premises", "data", "premises_and_data", "staff", "staff_and_data", "service",
                                      "service_and_data"])
def test_each_value_reads_as_given_for_a_place(provides):
    """Quiet: a description that names a place keeps every value of `provides` as given."""
    d = ThirdPartyDependency(body="the host practices", provides=provides, description=ROOMS)
    assert d.uses == provides


@pytest.mark.parametrize("provides, uses", [("premises", "staff"), ("premises_and_data", "staff_and_data")])
def test_premises_for_its_own_staff_reads_as_staff(provides, uses):
    """Firing: 'premises' given for the body's co-located worker reads as its staff (r37 al-fresh finding 7 kept)."""
    d = ThirdPartyDependency(body="Jobcentre Plus", provides=provides, description="a co-located work coach at each hub")
    assert d.uses == uses
