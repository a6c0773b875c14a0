"""A fresh domestic abuse alliance (r32 al-fresh findings 4, 5, 12 and 14): confidential refuge references in the
reserved-matter note, the Exit Plan's continuing leases, the award facts in recital (C), and a fresh award with no
former contracts."""
from __future__ import annotations

import re

from tests.families.clause_texts import all_text, clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_SMALL

CLOSURE = "      - Closing or reducing any of the Services\n"


def _small_with_closure(refuge: bool) -> str:
    text = ALLIANCE_SMALL.read_text().replace("    reserved_matters:\n", "    reserved_matters:\n" + CLOSURE, 1)
    if refuge:
        text = text.replace("  purpose: >-\n    help young people", "  purpose: >-\n    run a refuge and help young people", 1)
    return text


def test_refuge_places_are_named_by_a_confidential_reference(catalogue):
    """Finding 4: with a refuge among the Services, the note never asks for addresses."""
    text = flat(note(document_of(catalogue, _small_with_closure(True)), "alliance.decisions"))
    assert "with its address" not in text
    assert "by a reference (a code, never an address or a building's name)" in text
    assert "confidential annex that is not published" in text and "redact" in text


def test_places_without_a_refuge_keep_their_addresses(catalogue):
    text = flat(note(document_of(catalogue, _small_with_closure(False)), "alliance.decisions"))
    assert "name each one it covers, with its address, in Part 1 of Schedule 1" in text
    assert "confidential annex" not in text


def _big_fresh() -> str:
    text = ALLIANCE_BIG.read_text()
    text = re.sub(r"  former_contracts:\n(?:    - \{.*\}\n)+", "", text, count=1)
    return text.replace("  former_contracts_treatment: replaced\n",
                        "  former_contracts_treatment: replaced\n  former_contracts_expire: 2027-03-31\n"
                        "  award_lots: 7\n  standstill_end: 2026-10-27\n", 1)


def test_fresh_award_has_no_former_contracts_and_recites_the_award(catalogue):
    """Findings 12 and 14."""
    doc = document_of(catalogue, _big_fresh())
    assert "Former Contract" not in flat(all_text(doc))
    part2 = flat(clause_text(doc, "alliance.schedule-services"))
    assert "current contracts for these services expire on 31 March 2027 in accordance with their terms" in part2
    recitals = flat(clause_text(doc, "alliance.recitals"))
    # no former contracts name the lots, so "one for each Provider" is for the client to confirm (r40 al-ld finding 9)
    assert "divided into seven lots, [one for each Provider], and the Service Contracts were awarded after the " \
           "standstill period ended on 27 October 2026" in recitals


def test_sample_with_former_contracts_keeps_them_and_recites_no_award(catalogue):
    doc = document_of(catalogue, ALLIANCE_BIG.read_text())
    assert "Former Contract" in flat(all_text(doc))
    assert "standstill period" not in flat(clause_text(doc, "alliance.recitals"))


PREMISES = ("including a six-bed refuge\n    premises:\n      - building: the women's refuge\n        owner: council\n"
            "        held_under: lease\n        ends_with_service_contract: {ends}\n")


def _big_with_lease(ends: bool) -> str:
    return ALLIANCE_BIG.read_text().replace("including a six-bed refuge\n",
                                            PREMISES.format(ends="true" if ends else "false"), 1)


def test_continuing_lease_is_surrendered_or_assigned_on_exit(catalogue):
    """Finding 5: a lease that outlives the Service Contract is given up as the landlord directs, with the notes."""
    doc = document_of(catalogue, _big_with_lease(False))
    text = flat(clause_text(doc, "alliance.schedule-exit"))
    assert "either surrender the lease to the landlord or assign it to the provider taking over" in text
    n = flat(note(doc, "alliance.schedule-exit"))
    assert "(s.38(1))" in n and "sections 117 to 121 of the Charities Act 2011" in n
    assert "section 123 of the Local Government Act 1972" in n and "General Disposal Consent 2003" in n


def test_lease_ending_with_the_contract_needs_no_surrender(catalogue):
    doc = document_of(catalogue, _big_with_lease(True))
    assert "surrender the lease to the landlord" not in flat(clause_text(doc, "alliance.schedule-exit"))
    assert "(s.38(1))" not in flat(note(doc, "alliance.schedule-exit"))
