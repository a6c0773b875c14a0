"""r25 open-book lane obD: related-party own cost and 'group', absences the sheet covers, part-week charging,
the carry-forward note, the Reinvestment Fund on a related party's building, and 'Home' for a single home."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, definition, document_of, flat, note
from tests.families.conftest import OB_BRAMBLECOMBE, OB_LIVING, open_book_doc


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


def test_the_reinvestment_fund_improves_a_related_landlords_building_only_with_protection(catalogue):
    """r25 ob-fresh finding 14: garden works at a home leased from a related party accrue to the landlord."""
    text = OB_BRAMBLECOMBE.read_text()
    doc = document_of(catalogue, text)
    body = flat(clause_text(doc, "common.open-book-schedule-reinvestment"))
    assert "must not spend the Reinvestment Fund on works to a home owned by a Related Party" in body
    assert "disregarded on any review of the rent of that home" in body
    assert "within [5] years after the works are completed" in body
    assert "Calderbrook Property Limited, a related party, owns the home" in note(doc, "common.open-book-schedule-reinvestment")
    quiet = document_of(catalogue, text.replace("owns Bramblecombe House and leases it to Calderbrook",
                                                "supplies linen to Calderbrook", 1))
    assert "owned by a Related Party" not in clause_text(quiet, "common.open-book-schedule-reinvestment")
    assert "owns the home" not in note(quiet, "common.open-book-schedule-reinvestment")


def test_one_home_is_the_home_throughout(catalogue):
    """r25 ob-fresh finding 16: a sheet with one home defines "Home" by its name and address, and the plural's
    quantifiers ("each of the Homes", "any of the Homes", "the Homes concerned") read in the singular."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    assert "Bramblecombe House, 2 Cliff Road, Westover, Stourmouth SU6 4BH" in flat(definition(doc, "Home"))
    assert not [d for d in doc.definitions if d.term == "Homes"]
    for cid in ("open-book.regulatory", "open-book.services", "open-book.scope", "open-book.termination"):
        text = flat(clause_text(doc, cid))
        assert "Homes" not in text.replace("Care Homes Limited", ""), cid
        for residue in ("each of the Home", "one of the Home", "any of the Home", "Home concerned", "all the Home"):
            assert residue not in text, (cid, residue)
    assert "Calderbrook must ensure that the Home is registered" in flat(clause_text(doc, "open-book.regulatory"))
    assert "by the same paid bed-weeks at the Home:" in flat(clause_text(doc, "open-book.scope"))


def test_several_homes_keep_the_plural(catalogue):
    doc = document_of(catalogue, (ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml").read_text())
    assert [d for d in doc.definitions if d.term == "Homes"]
    assert "each of the Homes" in " ".join(flat(clause_text(doc, c.id)) for c in doc.all_clauses())
