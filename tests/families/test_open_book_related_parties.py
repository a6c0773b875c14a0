"""Related parties in the open-book notes: each note says what the sheet says the related party supplies (r28
ob-fresh finding 4: the break note said the provider 'leases homes' from a subsidiary that leases it two
vehicles), and a related party's charge larger than the cost-model line it belongs to is flagged (finding 5)."""

from __future__ import annotations

from assembler.termsheet.open_book import RelatedParty
from tests.families.clause_texts import clause_text, definition, document_of, flat, note
from tests.families.conftest import (
    OB_BRAMBLECOMBE, OB_CHARITY, OB_LIVING, OB_WEXCOMBE, open_book_doc, open_book_edited,
)


def test_break_note_says_what_the_related_party_leases(catalogue):
    n = flat(note(open_book_doc(catalogue, OB_WEXCOMBE), "open-book.termination"))
    assert "leases homes" not in n
    assert ("it takes on staff under TUPE, and it has fixed commitments to a related party (Heronsgate Enterprises "
            "Limited leases the two adapted vehicles to Heronsgate and maintains them, for £14,400 a year)") in n
    # A vehicle lease is not covered by the premises head of compensation: the note says so.
    assert "The premises head does not cover Heronsgate Enterprises Limited's charges" in n


def test_break_note_quiet_without_a_related_lease(catalogue):
    n = flat(note(open_book_edited(catalogue, OB_WEXCOMBE, lambda t: t.replace(
        "leases the two adapted vehicles to Heronsgate and maintains them", "maintains the two adapted vehicles")),
        "open-book.termination"))
    assert "fixed commitments" not in n and "premises head does not cover" not in n


def test_related_party_charge_above_its_cost_line_is_flagged(catalogue):
    n = flat(note(open_book_doc(catalogue, OB_WEXCOMBE), "common.open-book-schedule-costs"))
    assert ('Heronsgate Enterprises Limited is paid £14,400 a year under its arrangement in Part 4, more than the whole '
            '"Vehicles and staff travel" line of the cost model (£8,000)') in n
    assert "understated by at least £6,400 a year" in n
    assert "Heronsgate Enterprises Limited's cost build-up" in n


def test_related_party_charge_within_its_line_is_quiet(catalogue):
    n = flat(note(open_book_edited(catalogue, OB_WEXCOMBE, lambda t: t.replace("annual_value: 14400", "annual_value: 7200")),
                  "common.open-book-schedule-costs"))
    assert "more than the whole" not in n
    assert "more than the whole" not in flat(note(open_book_doc(catalogue, OB_CHARITY), "common.open-book-schedule-costs"))


def test_break_note_without_tupe_reads_plainly(catalogue):
    n = flat(note(open_book_doc(catalogue, OB_CHARITY), "open-book.termination"))
    assert ("will not readily accept an uncompensated six-month break: it has fixed commitments to a related party "
            "(Meadowbank Property Ltd owns Rowan House and St Brigid's House and leases them to the Trust, for £62,000 "
            "a year).") in n
    assert "premises head does not cover" not in n   # a lease of the homes is a premises cost


def test_an_arrangement_without_a_verb_reads_as_what_the_party_supplies():
    rp = RelatedParty(name="X Group Limited", relationship="parent company of X",
                      arrangement="central finance, HR and payroll for the home")
    assert rp.arrangement_phrase == "supplies central finance, HR and payroll for the home"
    owner = RelatedParty(name="X Property Limited", relationship="owned by the shareholders of X's parent",
                         arrangement="owns the home and leases it to X")
    assert owner.arrangement_phrase == "owns the home and leases it to X"
    assert owner.services_depend and not owner.is_parent  # "X's parent" does not make it a parent


def test_distress_triggers_reach_only_related_parties_the_services_depend_on(catalogue):
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    body = flat(clause_text(doc, "open-book.financial-distress"))
    assert "happens to Calderbrook Property Limited or Calderbrook Care Group Limited, or to any other" in body
    assert "Westover" not in body
    text = " ".join(note(doc, "open-book.financial-distress").split())
    assert "and not to Westover Building Services Limited" in text
    assert "; it supplies central finance" in text and "it central finance" not in text
    assert "not a charity" not in text


def test_related_party_finance_costs_survive_the_disallowed_cost_exclusion(catalogue):
    """r25 ob-fresh finding 7: 14.3(a) allows arm's-length finance costs; 14.4 must not strip them as interest."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    body = flat(clause_text(doc, "common.open-book-related-parties"))
    assert "A Disallowed Cost is left out of the related party's own cost." in body
    assert "The only exception is the related party's arm's-length finance costs allowed by clause" in body
    assert "even if it would otherwise fall within" not in body
    assert "the list of Disallowed Costs prevails" not in note(doc, "common.open-book-related-parties")


def test_group_is_read_as_the_provider_and_its_related_parties_only_where_the_cost_lists_use_it(catalogue):
    text = OB_BRAMBLECOMBE.read_text()
    doc = document_of(catalogue, text)
    assert "means Calderbrook and its Related Parties" in flat(definition(doc, "Related Party"))
    quiet = text.replace("loans to Calderbrook or its group", "loans to Calderbrook or a Related Party")
    quiet = quiet.replace("Costs of the group's other homes", "Costs of other homes")
    quiet = quiet.replace("The group management charge", "The management charge")
    assert "its Related Parties" not in flat(definition(document_of(catalogue, quiet), "Related Party"))


def _turnover_fee(t: str) -> str:
    return t.replace("charges a group management fee for payroll", "charges a group management fee of 4% of turnover for payroll")


def test_a_disclosed_income_linked_fee_is_carved_out_of_the_ban(catalogue):
    """r32 ob-fresh finding 2: the ban on income-linked management fees put a provider whose parent's disclosed fee
    is a share of turnover in breach on signing; the disclosed fee continues, limited to cost, and only an increase or
    a new charge is banned."""
    doc = open_book_edited(catalogue, OB_LIVING, _turnover_fee)
    t = flat(clause_text(doc, "common.open-book-related-parties"))
    assert "calculated by reference to the income or profit of the Open-Book Services, except the charge by " in t
    assert "on the basis and at the rate disclosed there" in t
    assert "must not increase that rate or widen that basis, or agree any other such charge" in t
    assert "disclosed charge is worked out from income, turnover or profit" in flat(
        note(doc, "common.open-book-related-parties"))


def test_the_ban_is_unqualified_without_an_income_linked_fee(catalogue):
    doc = open_book_doc(catalogue, OB_LIVING)
    t = flat(clause_text(doc, "common.open-book-related-parties"))
    assert "calculated by reference to the income or profit of the Open-Book Services." in t
    assert "except the charge" not in t
    assert "worked out from income, turnover or profit" not in flat(note(doc, "common.open-book-related-parties"))


def test_a_maintenance_arrangement_reads_as_a_verb():
    rp = RelatedParty(name="X Services Limited", relationship="owned by a director",
                      arrangement="maintains the homes' nurse call and lift equipment")
    assert rp.arrangement_phrase == "maintains the homes' nurse call and lift equipment"
    assert not rp.income_linked
    assert RelatedParty(name="P", relationship="parent", arrangement="charges 5% of turnover").income_linked
