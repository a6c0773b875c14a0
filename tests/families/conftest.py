"""The co-investment term sheets the family tests read (the two samples and the sheets of past reviews), and each
one's draft, assembled once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.families.clause_texts import document_of

_SAMPLES = ROOT / "samples" / "co-investment"
_FIXTURES = Path(__file__).parent / "fixtures"


def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


HOMES = _text(_SAMPLES / "affordable-homes-partnership.yaml")  # the sample: affordable homes bought and let
LEASE = _text(_SAMPLES / "community-asset-lease.yaml")  # the sample: a community asset, no homes
BIRCHFIELD = _text(_FIXTURES / "co-investment-birchfield-r20.yaml")  # a refuge in a leased building, flats bought
KENMOOR = _text(_FIXTURES / "co-investment-kenmoor-r21.yaml")  # a CIO's step-down homes, exempt accommodation
WELLGATE = _text(_FIXTURES / "co-investment-wellgate-r22.yaml")  # a land trust, two Investors, a Council charge between them
TAMSFORD = _text(_FIXTURES / "co-investment-tamsford-r23-ta.yaml")  # homes bought as temporary accommodation
SKELMORE = _text(_FIXTURES / "co-investment-skelmore-r24.yaml")  # homes for adults with a learning disability or autism
WEALDSHIRE = _text(_FIXTURES / "co-investment-wealdshire-r25.yaml")  # a county council's homes for care leavers


@pytest.fixture(scope="session")
def homes_draft(catalogue):
    return document_of(catalogue, HOMES)


@pytest.fixture(scope="session")
def wellgate_draft(catalogue):
    return document_of(catalogue, WELLGATE)


@pytest.fixture(scope="session")
def tamsford_draft(catalogue):
    return document_of(catalogue, TAMSFORD)


@pytest.fixture(scope="session")
def skelmore_draft(catalogue):
    return document_of(catalogue, SKELMORE)


@pytest.fixture(scope="session")
def wealdshire_draft(catalogue):
    return document_of(catalogue, WEALDSHIRE)
