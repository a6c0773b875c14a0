"""The co-investment and alliance term sheets the family tests read (the samples and the sheets of past reviews),
and each one's draft, assembled once per session."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from assembler.assemble import assemble
from assembler.model import plain_text
from assembler.termsheet.loader import load_file, load_text
from assembler.termsheet.validate import read_termsheet, validate
from tests.conftest import DRAFT_DATE, ROOT, samples
from tests.families.clause_texts import build, document_text

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


# --- one factory for every draft the family tests read -------------------------------------------

_TEXT_RESULTS: dict = {}


def draft(catalogue, sheet: Path | str):
    """The assembly result (document and findings) of a sheet, made once per session: a Path is read as the file
    it is (so a sample under samples/ is read as a library sample), text is read as a sheet with no file of its own
    ("t.yaml"). Every draft fixture below, and the open-book helpers, come through here."""
    if isinstance(sheet, Path):
        return build(sheet, catalogue)  # build keeps its own cache, keyed on the path and the file's text
    key = (sheet, id(catalogue))
    if key not in _TEXT_RESULTS:
        _TEXT_RESULTS[key] = assemble(validate(load_text(sheet, "t.yaml"), catalogue), catalogue, today=DRAFT_DATE)
    return _TEXT_RESULTS[key]


def _draft_fixture(name: str, sheet: Path | str, *, result: bool = False):
    """A session fixture `name` giving the sheet's document model (its whole assembly result with `result`)."""

    def _fixture(catalogue):
        built = draft(catalogue, sheet)
        return built if result else built.document

    _fixture.__doc__ = f"The {'assembly result' if result else 'document model'} of the sheet this fixture ({name}) is named for."
    return pytest.fixture(scope="session", name=name)(_fixture)


@pytest.fixture(scope="session")
def sheet_draft(catalogue):
    """The factory as a fixture, for a test that reads a sheet no named fixture gives: sheet_draft(sheet) is
    draft(catalogue, sheet)."""
    return lambda sheet: draft(catalogue, sheet)


homes_draft = _draft_fixture("homes_draft", HOMES)
wellgate_draft = _draft_fixture("wellgate_draft", WELLGATE)
tamsford_draft = _draft_fixture("tamsford_draft", TAMSFORD)
skelmore_draft = _draft_fixture("skelmore_draft", SKELMORE)
wealdshire_draft = _draft_fixture("wealdshire_draft", WEALDSHIRE)


# --- the alliance family: its samples, the sheets of past reviews and their drafts --------------

ALLIANCE = samples("alliance")


def _alliance_sample(stem: str) -> Path:
    return next(p for p in ALLIANCE if p.stem == stem)


ALLIANCE_BIG = _alliance_sample("complex-needs-eight-members")  # Tamarmouth: eight members, complex needs
ALLIANCE_SMALL = _alliance_sample("small-majority-three-members")
ALLIANCE_GRANT = _alliance_sample("grant-funded-food-and-fuel-alliance")  # funded by grant, no procurement
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
ALLIANCE_EASTMOOR = _FIXTURES / "alliance-eastmoor-g3.yaml"  # council-only rough sleeping, four providers (sprint G3)
ALLIANCE_POOLED_PCC = _FIXTURES / "alliance-two-commissioners-pooled.yaml"  # a council and a PCC pooling, seven members
ALLIANCE_FENMARSH = _FIXTURES / "alliance-fenmarsh-r42.yaml"  # extra care: two care companies paid by the hour (service_lines[].volume)
ALLIANCE_EARLYHELP = _FIXTURES / "alliance-earlyhelp-r43.yaml"  # r43: a multi-academy trust entered as a £0 Provider
ALLIANCE_EARLYHELP_PARTICIPANT = _FIXTURES / "alliance-earlyhelp-r43-participant.yaml"  # the same trust as a participant, without a vote
ALLIANCE_ASHENSHIRE = _FIXTURES / "alliance-ashenshire-r43-careleavers.yaml"  # care leavers, five members (r43)
ALLIANCE_THORNMERE = _FIXTURES / "alliance-thornmere-r43-earlyhelp.yaml"  # early mental health help, six members (r43)
ALLIANCE_CARELEAVERS_R43 = _FIXTURES / "alliance-careleavers-r43-y5.yaml"  # care leavers: host allowances, a former contract ending early
ALLIANCE_DOMABUSE_R43 = _FIXTURES / "alliance-domabuse-r43-y5.yaml"  # domestic abuse safe accommodation, a grant among the former contracts
ALLIANCE_EARLYHELP_R43 = _FIXTURES / "alliance-earlyhelp-r43-y5.yaml"  # children's mental health, an NHS trust with two contracts
ALLIANCE_SENSORY_R47 = _FIXTURES / "alliance-sensory-r47.yaml"  # sensory support: a council case system opened to two of three delegated Providers (r47)
ALLIANCE_PREPADULT_R47 = _FIXTURES / "alliance-prepadult-r47.yaml"  # preparing for adulthood: a council and an ICB, aligned budgets, no pool (r47)
ALLIANCE_DAYOPS_R44 = _FIXTURES / "alliance-dayops-r44.yaml"  # day opportunities: a council and its own company (owned_by, lgps_staff)


# The alliance drafts: the document model of each sheet, and (`_built`) its whole assembly result.
alliance_big = _draft_fixture("alliance_big", ALLIANCE_BIG)
alliance_ellerby_built = _draft_fixture("alliance_ellerby_built", ALLIANCE_ELLERBY, result=True)
alliance_ellerby = _draft_fixture("alliance_ellerby", ALLIANCE_ELLERBY)
alliance_harrowdale = _draft_fixture("alliance_harrowdale", ALLIANCE_HARROWDALE)
alliance_thistlebury = _draft_fixture("alliance_thistlebury", ALLIANCE_THISTLEBURY)
alliance_thornshire_built = _draft_fixture("alliance_thornshire_built", ALLIANCE_THORNSHIRE, result=True)
alliance_thornshire = _draft_fixture("alliance_thornshire", ALLIANCE_THORNSHIRE)
alliance_mossgate_built = _draft_fixture("alliance_mossgate_built", ALLIANCE_MOSSGATE, result=True)
alliance_mossgate = _draft_fixture("alliance_mossgate", ALLIANCE_MOSSGATE)
alliance_haverleigh = _draft_fixture("alliance_haverleigh", ALLIANCE_HAVERLEIGH)
alliance_haverleigh_al19_built = _draft_fixture("alliance_haverleigh_al19_built", ALLIANCE_HAVERLEIGH_AL19, result=True)
alliance_haverleigh_al19 = _draft_fixture("alliance_haverleigh_al19", ALLIANCE_HAVERLEIGH_AL19)
alliance_hollinshire = _draft_fixture("alliance_hollinshire", ALLIANCE_HOLLINSHIRE)
alliance_kingsholt = _draft_fixture("alliance_kingsholt", ALLIANCE_KINGSHOLT)
alliance_stainmoor = _draft_fixture("alliance_stainmoor", ALLIANCE_STAINMOOR)
alliance_stainmoor_ale = _draft_fixture("alliance_stainmoor_ale", ALLIANCE_STAINMOOR_ALE)
alliance_lynmere = _draft_fixture("alliance_lynmere", ALLIANCE_LYNMERE)
alliance_lynmere_alh = _draft_fixture("alliance_lynmere_alh", ALLIANCE_LYNMERE_ALH)


# The open-book term sheets the family tests read: the samples and the sheets of past reviews, each named for its deal.
OPEN_BOOK_SAMPLE_DIR = ROOT / "samples" / "open-book"
OB_BREAKS = OPEN_BOOK_SAMPLE_DIR / "short-breaks-charity.yaml"  # Skylark House short breaks
OB_CHARITY = OPEN_BOOK_SAMPLE_DIR / "childrens-homes-charity.yaml"  # Meadowbank: a user-choice award with Core Places
OB_ADULT = OPEN_BOOK_SAMPLE_DIR / "adult-care-sharing-band.yaml"  # adults' care homes, a sharing band, void payments
OB_LIVING = OPEN_BOOK_SAMPLE_DIR / "supported-living-company.yaml"  # supported living, a company provider
OB_SUBSIDIARY = OPEN_BOOK_SAMPLE_DIR / "supported-accommodation-subsidiary.yaml"
OB_HOMECARE = OPEN_BOOK_SAMPLE_DIR / "home-care-zones.yaml"  # home care by zone, guaranteed hours
OB_NIGHTLY = _FIXTURES / "ob-r21-nightly.yaml"  # Lantern: supported accommodation priced by the night
OB_KELVERTON = _FIXTURES / "ob-r22-kelverton.yaml"  # supported living, s.117 after-care, re-basing under a ceiling
OB_ALDERBECK = _FIXTURES / "ob-r23-alderbeck.yaml"  # places-available apportionment
OB_GREYSTONE = _FIXTURES / "ob-r24-greystone.yaml"  # two care homes, a Support Price not re-based
OB_BRAMBLECOMBE = _FIXTURES / "ob-r25-bramblecombe.yaml"  # a nursing home block, 1,170 budgeted weeks of 1,352
OB_CHEVIOT = _FIXTURES / "ob-r26-cheviot.yaml"  # three children's homes run by a CIC
OB_CALDMOOR = _FIXTURES / "ob-r27-caldmoor.yaml"  # a registered society's three homes leased from the Council
OB_CALDMOOR_PLAIN = _FIXTURES / "ob-r27-caldmoor-plain.yaml"  # the Caldmoor sheet as reviewed
OB_WEXCOMBE = _FIXTURES / "ob-r28-wexcombe.yaml"  # neurological supported living; a related party leases vehicles
OB_NORTHLIGHT = _FIXTURES / "open-book-northlight-r17.yaml"  # a public service mutual's supported living
OB_BRADDON = _FIXTURES / "open-book-braddon.yaml"
OB_SINGLE = OPEN_BOOK_SAMPLE_DIR / "single-placement.yaml"  # one placement

def open_book_document(catalogue, text: str):
    """The document model of an open-book sheet given as text, assembled once per session."""
    return draft(catalogue, text).document


def open_book_sheet(sheet: Path | str) -> Path:
    """A sheet's path: a path as given, "caldmoor" for the Caldmoor sheet as reviewed, else a sample's name
    (with or without ".yaml")."""
    if isinstance(sheet, Path):
        return sheet
    if sheet == "caldmoor":
        return OB_CALDMOOR_PLAIN
    return OPEN_BOOK_SAMPLE_DIR / (sheet if sheet.endswith(".yaml") else f"{sheet}.yaml")


def open_book_text(sheet: Path | str, *edits: tuple[str, str], every: bool = False) -> str:
    """A sheet's text with each (old, new) edit made once (every time with `every`); each old text must be there."""
    text = open_book_sheet(sheet).read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new) if every else text.replace(old, new, 1)
    return text


def open_book_doc(catalogue, sheet: Path | str, *edits: tuple[str, str], every: bool = False):
    """The document model of a sheet (see open_book_sheet) with its edits, assembled once per session."""
    return open_book_document(catalogue, open_book_text(sheet, *edits, every=every))


def open_book_model(catalogue, sheet: Path | str, change=None):
    """A sheet's validated model, its data first changed in place by `change`."""
    path = open_book_sheet(sheet)
    model = read_termsheet(path, catalogue).model
    if change is None:
        return model
    data = copy.deepcopy(dict(load_file(path).data))
    change(data)
    return type(model).model_validate(data)


def open_book_result(catalogue, sheet: Path | str, change=None):
    """The assembled result (document and findings) of a sheet, its data first changed by `change` and written out
    again, so that it is read as a term sheet file is; a sheet unchanged is assembled once per session."""
    path = open_book_sheet(sheet)
    if change is not None:
        yaml = YAML()
        data = yaml.load(path.read_text(encoding="utf-8"))
        change(data)
        with tempfile.TemporaryDirectory() as tmp:
            changed = Path(tmp) / path.name
            with changed.open("w", encoding="utf-8") as handle:
                yaml.dump(data, handle)
            return assemble(read_termsheet(changed, catalogue), catalogue, today=DRAFT_DATE)
    return draft(catalogue, path)


def open_book_notes(result) -> str:
    """Every clause's and schedule's drafting note, one after another."""
    return "\n".join(c.note or "" for c in [*result.document.clauses, *result.document.schedules])


def open_book_note_of(result, clause_id: str) -> str:
    """One clause's (recitals and schedules included) drafting note, flattened."""
    c = next(c for c in [*result.document.recitals, *result.document.clauses, *result.document.schedules]
             if c.id == clause_id)
    return " ".join((c.note if isinstance(c.note, str) else plain_text(c.note)).split())


def open_book_with(catalogue, sheet: Path | str, anchor: str, extra: str):
    """The document of a sheet with `extra` lines added after the line `anchor` (assembled once per session)."""
    return open_book_doc(catalogue, sheet, (anchor, anchor + extra))


def open_book_draft_text(catalogue, sheet: Path | str, change=None) -> str:
    """Every paragraph and table cell of a sheet's draft (see open_book_result)."""
    return document_text(open_book_result(catalogue, sheet, change))


def open_book_notes_flat(doc) -> str:
    """Every clause's drafting note, each flattened, joined by spaces."""
    return " ".join(" ".join((c.note or "").split()) for c in doc.all_clauses())


homecare_doc = _draft_fixture("homecare_doc", OB_HOMECARE)  # the home care sample's document model


def open_book_edited(catalogue, sheet: Path | str, edit):
    """The document model of a sheet whose text `edit` (a function of the text) changes, assembled once per session."""
    return open_book_document(catalogue, edit(open_book_text(sheet)))
