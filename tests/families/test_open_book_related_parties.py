"""Related parties in the open-book notes: each note says what the sheet says the related party supplies (r28
ob-fresh finding 4: the break note said the provider 'leases homes' from a subsidiary that leases it two
vehicles), and a related party's charge larger than the cost-model line it belongs to is flagged (finding 5)."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import document_of, flat, note

WEXCOMBE = ROOT / "tests" / "families" / "fixtures" / "ob-r28-wexcombe.yaml"   # r28 ob-fresh: vehicle lease
KIDS = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"


def _doc(catalogue, path, edit=None):
    text = path.read_text(encoding="utf-8")
    if edit:
        text = edit(text)
    return document_of(catalogue, text)


def test_break_note_says_what_the_related_party_leases(catalogue):
    n = flat(note(_doc(catalogue, WEXCOMBE), "open-book.termination"))
    assert "leases homes" not in n
    assert ("it takes on staff under TUPE, and it has fixed commitments to a related party (Heronsgate Enterprises "
            "Limited leases the two adapted vehicles to Heronsgate and maintains them, for £14,400 a year)") in n
    # A vehicle lease is not covered by the premises head of compensation: the note says so.
    assert "The premises head does not cover Heronsgate Enterprises Limited's charges" in n


def test_break_note_quiet_without_a_related_lease(catalogue):
    n = flat(note(_doc(catalogue, WEXCOMBE, lambda t: t.replace(
        "leases the two adapted vehicles to Heronsgate and maintains them", "maintains the two adapted vehicles")),
        "open-book.termination"))
    assert "fixed commitments" not in n and "premises head does not cover" not in n


def test_related_party_charge_above_its_cost_line_is_flagged(catalogue):
    n = flat(note(_doc(catalogue, WEXCOMBE), "common.open-book-schedule-costs"))
    assert ('Heronsgate Enterprises Limited is paid £14,400 a year under its arrangement in Part 4, more than the whole '
            '"Vehicles and staff travel" line of the cost model (£8,000)') in n
    assert "understated by at least £6,400 a year" in n
    assert "Heronsgate Enterprises Limited's cost build-up" in n


def test_related_party_charge_within_its_line_is_quiet(catalogue):
    n = flat(note(_doc(catalogue, WEXCOMBE, lambda t: t.replace("annual_value: 14400", "annual_value: 7200")),
                  "common.open-book-schedule-costs"))
    assert "more than the whole" not in n
    assert "more than the whole" not in flat(note(_doc(catalogue, KIDS), "common.open-book-schedule-costs"))


def test_break_note_without_tupe_reads_plainly(catalogue):
    n = flat(note(_doc(catalogue, KIDS), "open-book.termination"))
    assert ("will not readily accept an uncompensated six-month break: it has fixed commitments to a related party "
            "(Meadowbank Property Ltd owns Rowan House and St Brigid's House and leases them to the Trust, for £62,000 "
            "a year).") in n
    assert "premises head does not cover" not in n   # a lease of the homes is a premises cost
