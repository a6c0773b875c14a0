"""r27 alliance review (lane alH), al-fresh findings (Lynmere: a dementia alliance of a council, an ICB, a foundation
trust holding a PSR contract with the ICB and three other Providers)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import ALLIANCE, build, clause, read_termsheet, table_rows, text_of
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from assembler.assemble import assemble
from tests.conftest import DRAFT_DATE

LYNMERE = Path(__file__).parent / "fixtures" / "alliance-lynmere-r27-alH.yaml"


@pytest.fixture(scope="module")
def lynmere(catalogue):
    return build(LYNMERE, catalogue).document


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def _variant(catalogue, old, new):
    source = LYNMERE.read_text()
    assert old in source
    return assemble(validate(load_text(source.replace(old, new, 1), LYNMERE.name), catalogue), catalogue,
                    today=DRAFT_DATE).document


def _definitions(doc):
    return _flat(text_of(clause(doc, "common.definitions")))


def test_each_route_stated_once(lynmere):
    """Finding 5 (firing): recital (C) and the key information name the contracts each route put in place, once, and
    the Trust's own PSR process (members[].psr_process)."""
    recitals = _flat(text_of(clause(lynmere, "alliance.recitals")))
    assert ("The Service Contracts of Dementia Support Lynmere, Common Ground and Ashby Vale were awarded following a "
            "competitive flexible procedure") in recitals
    assert "The Service Contract of the Trust was awarded by the ICB following the Direct Award Process C under regulation 9" in recitals
    assert "of the Trust, however," not in recitals
    assert "[, except the Service Contract of the Trust" not in recitals
    info = " ".join(" ".join(r) for r in table_rows(clause(lynmere, "alliance.key-information")))
    assert "for the Service Contracts of Dementia Support Lynmere, Common Ground and Ashby Vale, a competitive flexible" in info
    assert "[except the Service Contract of the Trust" not in info
    assert "the Direct Award Process C under regulation 9" in info


def test_own_route_without_process(catalogue):
    """Finding 5 (quiet): without members[].psr_process the Trust's route names the Regulations only."""
    doc = _variant(catalogue, "    psr_process: direct_award_c\n", "")
    recitals = _flat(text_of(clause(doc, "alliance.recitals")))
    assert "The Service Contract of the Trust was put in place by the ICB following a process under the Health Care" in recitals
    assert "Direct Award Process" not in recitals


def test_s53_counts_only_act_contracts_and_reg13_fits_the_process(lynmere):
    """Finding 6 (firing): the Trust's PSR contract is not counted among the Act contracts over £5 million, and the
    regulation 13 note says its Direct Award Process C contract has no Process A/B ground."""
    note = _note(lynmere, "alliance.recitals")
    assert ("one of the Service Contracts awarded under the Act is worth more than £5 million over the term and "
            "extension at its first year's value (Ashby Vale £5,760,000)") in note
    assert "the Trust £7,840,000" not in note
    assert ("The Trust's Service Contract was awarded by the Direct Award Process C, so only the grounds above are "
            "available for its variation") in note
    assert "Check the current text of regulation 13" not in note


def test_reg13_process_a_or_b(catalogue):
    """Finding 6 (firing): a Direct Award Process B contract gets the amended ground."""
    doc = _variant(catalogue, "psr_process: direct_award_c", "psr_process: direct_award_b")
    assert "For the Trust's Service Contract, awarded by Direct Award Process A or B, regulation 13 as amended" in _note(doc, "alliance.recitals")


def test_reg13_no_psr_award(catalogue):
    """Finding 6 (quiet): without a contract awarded under the Regime there is no Process A/B sentence."""
    doc = _variant(catalogue, "    procurement_route: provider_selection\n    psr_process: direct_award_c\n    procurement_started: 2026-05-11\n", "")
    note = _note(doc, "alliance.recitals")
    assert "Direct Award Process A or B" not in note


def test_wilful_default_outside_the_cap(lynmere):
    """Finding 7 (firing): wilful default is outside the carve-out cap, and the note asks about a separate, higher
    limit for safeguarding and data protection claims."""
    text = _flat(text_of(clause(lynmere, "alliance.liability")))
    assert "- wilful default;" in text or "wilful default;" in text
    note = _note(lynmere, "alliance.liability")
    assert "fraud, wilful default, death and personal injury" in note
    assert ("take instructions on whether they should have a separate, higher limit, for example the £10,000,000 "
            "public liability cover") in note


def test_no_wilful_default_item_without_the_carve_out(catalogue):
    """Finding 7 (quiet): without those carve-outs neither the item nor the note sentence appears."""
    doc = _variant(catalogue, "no_blame_carve_outs: [wilful_default, fraud, insolvency, confidentiality, data_protection, safeguarding, infringement]",
                   "no_blame_carve_outs: [fraud, insolvency, confidentiality, infringement]")
    text = _flat(text_of(clause(doc, "alliance.liability")))
    assert "wilful default" not in text
    assert "separate, higher limit" not in _note(doc, "alliance.liability")


