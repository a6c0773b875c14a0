"""The co-investment and alliance term sheets the family tests read (the samples and the sheets of past reviews),
and each one's draft, assembled once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, samples
from tests.families.clause_texts import build, document_of

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


# --- the alliance family: its samples, the sheets of past reviews and their drafts --------------

ALLIANCE = samples("alliance")


def _alliance_sample(stem: str) -> Path:
    return next(p for p in ALLIANCE if p.stem == stem)


ALLIANCE_BIG = _alliance_sample("complex-needs-eight-members")  # Tamarmouth: eight members, complex needs
ALLIANCE_SMALL = _alliance_sample("small-majority-three-members")
ALLIANCE_REABLEMENT = _alliance_sample("reablement-home-care-gain-only")  # adult services, gain only
ALLIANCE_JOINT = _alliance_sample("mental-health-four-members-varied")  # joint commissioners
ALLIANCE_ELLERBY = _FIXTURES / "alliance-ellerby-single-contract.yaml"  # a single Service Contract, a unitary and an ICB
ALLIANCE_THISTLEBURY = _FIXTURES / "alliance-thistlebury-r19.yaml"  # children's-services accommodation
ALLIANCE_THORNSHIRE = _FIXTURES / "alliance-thornshire-r20.yaml"  # a county and a borough council
ALLIANCE_MOSSGATE = _FIXTURES / "alliance-mossgate-r21.yaml"  # two Commissioners, a section 75 pool
ALLIANCE_HAVERLEIGH = _FIXTURES / "alliance-haverleigh-r22.yaml"
ALLIANCE_HAVERLEIGH_AL19 = _FIXTURES / "alliance-haverleigh-r22-al19.yaml"  # a contract under the Procurement Act
ALLIANCE_HOLLINSHIRE = _FIXTURES / "alliance-hollinshire-r24-al21.yaml"  # carers' support, delegated assessments
ALLIANCE_KINGSHOLT = _FIXTURES / "alliance-kingsholt-r25.yaml"  # older people's community support
ALLIANCE_STAINMOOR = _FIXTURES / "alliance-stainmoor-r26.yaml"
ALLIANCE_STAINMOOR_ALE = _FIXTURES / "alliance-stainmoor-r26-alE.yaml"
ALLIANCE_LYNMERE = _FIXTURES / "alliance-lynmere-r27i.yaml"  # dementia support, a council and an ICB
ALLIANCE_LYNMERE_ALH = _FIXTURES / "alliance-lynmere-r27-alH.yaml"
ALLIANCE_HARROWDALE = _FIXTURES / "alliance-harrowdale-r28l.yaml"  # a pooled fund, an annual plan, indexation


@pytest.fixture(scope="session")
def alliance_big(catalogue):
    return build(ALLIANCE_BIG, catalogue).document


@pytest.fixture(scope="session")
def alliance_ellerby_built(catalogue):
    return build(ALLIANCE_ELLERBY, catalogue)


@pytest.fixture(scope="session")
def alliance_ellerby(alliance_ellerby_built):
    return alliance_ellerby_built.document


@pytest.fixture(scope="session")
def alliance_harrowdale(catalogue):
    return build(ALLIANCE_HARROWDALE, catalogue).document


@pytest.fixture(scope="session")
def alliance_thistlebury(catalogue):
    return build(ALLIANCE_THISTLEBURY, catalogue).document


@pytest.fixture(scope="session")
def alliance_thornshire_built(catalogue):
    return build(ALLIANCE_THORNSHIRE, catalogue)


@pytest.fixture(scope="session")
def alliance_thornshire(alliance_thornshire_built):
    return alliance_thornshire_built.document


@pytest.fixture(scope="session")
def alliance_mossgate_built(catalogue):
    return build(ALLIANCE_MOSSGATE, catalogue)


@pytest.fixture(scope="session")
def alliance_mossgate(alliance_mossgate_built):
    return alliance_mossgate_built.document


@pytest.fixture(scope="session")
def alliance_haverleigh(catalogue):
    return build(ALLIANCE_HAVERLEIGH, catalogue).document


@pytest.fixture(scope="session")
def alliance_haverleigh_al19_built(catalogue):
    return build(ALLIANCE_HAVERLEIGH_AL19, catalogue)


@pytest.fixture(scope="session")
def alliance_haverleigh_al19(alliance_haverleigh_al19_built):
    return alliance_haverleigh_al19_built.document


@pytest.fixture(scope="session")
def alliance_hollinshire(catalogue):
    return build(ALLIANCE_HOLLINSHIRE, catalogue).document


@pytest.fixture(scope="session")
def alliance_kingsholt(catalogue):
    return build(ALLIANCE_KINGSHOLT, catalogue).document


@pytest.fixture(scope="session")
def alliance_stainmoor(catalogue):
    return build(ALLIANCE_STAINMOOR, catalogue).document


@pytest.fixture(scope="session")
def alliance_stainmoor_ale(catalogue):
    return build(ALLIANCE_STAINMOOR_ALE, catalogue).document


@pytest.fixture(scope="session")
def alliance_lynmere(catalogue):
    return build(ALLIANCE_LYNMERE, catalogue).document


@pytest.fixture(scope="session")
def alliance_lynmere_alh(catalogue):
    return build(ALLIANCE_LYNMERE_ALH, catalogue).document
