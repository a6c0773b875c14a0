"""Open-book related parties who are people (a sole trader, an employed director), a related party's uplift on
cost, the directors' pay schedule, and notes conditioned on who owns the homes (r34 ob-fresh2 findings 4-7, 10-13;
r34 ob-fresh findings 7 and 10)."""

from __future__ import annotations

from assembler.termsheet.open_book import RelatedParty
from tests.families.clause_texts import clause_text
from tests.families.conftest import OB_ALDERBECK, OB_BRAMBLECOMBE, open_book_note_of, open_book_result

SOLE_TRADER = {"name": "JB Joinery", "relationship": "business of Jo Bell, a director's brother, trading as a sole trader",
               "arrangement": "minor repairs at the home, within the repairs line", "annual_value": 12000}
DIRECTOR = {"name": "Sam Bell", "relationship": "director and shareholder of the provider",
            "arrangement": "employed as finance director; the pay is within the overheads", "annual_value": 52000}
UPLIFT = {"name": "Bell Property Services Limited", "relationship": "wholly owned subsidiary of the provider",
          "arrangement": "carries out responsive repairs at the home, charged at cost plus 8%", "annual_value": 48000}


def _with_parties(*parties, owner=None):
    def change(data):
        data["open_book"].setdefault("related_parties", [])
        data["open_book"]["related_parties"].extend(dict(p) for p in parties)
        if owner:
            for home in data["services"]["homes"]:
                home["owner"] = owner
    return change


def test_kind_is_read_from_the_words_or_stated():
    assert RelatedParty(**SOLE_TRADER).person_kind == "individual"
    assert RelatedParty(**DIRECTOR).person_kind == "employed_director"
    assert RelatedParty(**UPLIFT).person_kind == "body"
    assert RelatedParty(**{**UPLIFT, "kind": "individual"}).is_person
    assert RelatedParty(**UPLIFT).uplift == 8 and RelatedParty(**UPLIFT).uplift_value == 3556
    assert RelatedParty(**DIRECTOR).arrangement_phrase.startswith("is employed as")


def test_people_are_priced_and_disclosed_as_people(catalogue):
    """F4, F5: a sole trader counts up to the market rate; an employed director is listed for disclosure only."""
    result = open_book_result(catalogue, OB_BRAMBLECOMBE, _with_parties(SOLE_TRADER, DIRECTOR))
    body = clause_text(result.document, "common.open-book-related-parties", flat=True)
    assert "who trades in their own name (here, JB Joinery)" in body
    assert "counts as an Allowable Cost up to the market rate under clause" in body
    assert "The employment of Sam Bell as a director of Calderbrook is listed in Part" in body
    costs = clause_text(result.document, "common.open-book-schedule-costs", flat=True)
    assert "The employment of Sam Bell as a director is listed for disclosure only" in costs
    note = open_book_note_of(result, "common.open-book-related-parties")
    assert "with an individual trading in their own name" in note and "Sam Bell is a director employed by" in note


def test_distress_triggers_leave_out_people(catalogue):
    """F6: the first three distress events are a body's; a person related party is named as outside them, and the
    note no longer calls an employee 'it supplies employed as ...'."""
    result = open_book_result(catalogue, OB_BRAMBLECOMBE, _with_parties(SOLE_TRADER, DIRECTOR))
    body = clause_text(result.document, "open-book.financial-distress", flat=True)
    assert "happens to Sam Bell" not in body and "JB Joinery" not in body
    note = open_book_note_of(result, "open-book.financial-distress")
    assert "The distress triggers do not reach JB Joinery and Sam Bell" in note
    assert "it supplies employed" not in note and "it employed" not in note


def test_bodies_keep_their_wording(catalogue):
    """Quiet: a body related party is still capped at the lower of own cost and market rate, with no people
    paragraphs; the uplift is noted as disallowed (S10)."""
    result = open_book_result(catalogue, OB_BRAMBLECOMBE, _with_parties(UPLIFT))
    body = clause_text(result.document, "common.open-book-related-parties", flat=True)
    assert "trades in their own name" not in body and "for disclosure only" not in body
    note = open_book_note_of(result, "common.open-book-related-parties")
    assert "Bell Property Services Limited charges cost plus 8% (about £3,556 a year of the disclosed £48,000)" in note
    assert "the uplift is not an Allowable Cost" in note
    plain = open_book_note_of(open_book_result(catalogue, OB_BRAMBLECOMBE), "common.open-book-related-parties")
    assert "charges cost plus" not in plain and "trading in their own name" not in plain


def test_directors_pay_names_the_employed_director_and_the_listed_directors(catalogue):
    """F10: the schedule names the employed director with the disclosed pay; director_salaries names every one."""
    def limited(data):
        data["open_book"]["disallowed_costs"].append("Directors' pay above the salaries shown for them in the cost model")
        data["open_book"]["directors"] = 3
    result = open_book_result(catalogue, OB_BRAMBLECOMBE, lambda d: (_with_parties(DIRECTOR)(d), limited(d)))
    costs = clause_text(result.document, "common.open-book-schedule-costs", flat=True)
    assert "Sam Bell, £52,000 a year" in costs
    assert "shown for them stated in" not in clause_text(result.document, "common.open-book-costs", flat=True)

    def listed(data):
        limited(data)
        data["open_book"]["director_salaries"] = [{"name": "Ann Bell", "position": "Managing Director"},
                                                  {"name": "Sam Bell", "salary": 52000}]
    costs = clause_text(open_book_result(catalogue, OB_BRAMBLECOMBE, listed).document,
                        "common.open-book-schedule-costs", flat=True)
    assert ("Ann Bell (Managing Director), £[salary of Ann Bell] a year; Sam Bell, £52,000 a year; [name of the other "
            "director], £[that director's salary] a year.") in costs


def test_owned_homes_are_not_of_unknown_tenure(catalogue):
    """F7 / S7: the distress note states the provider's ownership and asks about a lender, not who owns the homes;
    the break compensation head speaks of running costs, not rent."""
    result = open_book_result(catalogue, OB_ALDERBECK, _owned_alderbeck)
    note = open_book_note_of(result, "open-book.financial-distress")
    assert "As instructed, Alderbeck owns Alderbeck House, so no landlord's direct agreement is needed" in note
    assert "do not say who owns" not in note
    termination = clause_text(result.document, "open-book.termination", flat=True)
    assert "which Alderbeck owns" in termination or "which the" in termination
    assert "the rent and other premises costs" not in termination


def _owned_alderbeck(data):
    data["services"]["homes"][0]["owner"] = "provider"
    data["open_book"]["related_parties"] = [dict(UPLIFT)]


def test_dols_note_cites_the_2026_supreme_court_reference(catalogue):
    """F12: verified (Supreme Court, 2 June 2026); the adult safeguarding note cites it."""
    note = open_book_note_of(open_book_result(catalogue, OB_BRAMBLECOMBE), "open-book.safeguarding")
    assert "A Reference by the Attorney General for Northern Ireland [2026] UKSC 16" in note


def test_lowest_pay_is_noted_under_rebasing(catalogue):
    """F11: under re-basing (whose note does not compare pay), the regulatory note compares the lowest budgeted pay
    with the national living wage and leaves the April 2027 rate to be confirmed; quiet without the figure."""
    def rebase(data):
        data.setdefault("positions", {})["open_book_price_review"] = "rebase"
        data["services"]["lowest_hourly_pay"] = 13.2
    note = open_book_note_of(open_book_result(catalogue, OB_BRAMBLECOMBE, rebase), "open-book.regulatory")
    assert "The cost model budgets £13.20 an hour as the lowest rate for care workers aged 21 and over" in note
    assert "the rate from 1 April 2027 is [to be confirmed]" in note
    plain = open_book_note_of(open_book_result(catalogue, OB_BRAMBLECOMBE), "open-book.regulatory")
    assert "The cost model budgets" not in plain


def test_supported_accommodation_scope_speaks_of_support_not_care(catalogue):
    """r34 ob-fresh S2: in supported accommodation bought by the Council alone, the scope clause uses the setting's
    own defined term and 'support', not 'Care Services' and 'care'; a care home keeps its words."""
    from tests.families.conftest import OB_NIGHTLY
    result = open_book_result(catalogue, OB_NIGHTLY, lambda d: d["services"].__setitem__("other_purchasers", False))
    scope = clause_text(result.document, "open-book.scope", flat=True)
    assert "The open-book terms apply to the Supported Accommodation Services." in scope
    assert "Care Services" not in scope and "therapist" not in scope
    assert "Care Services means" not in clause_text(result.document, "common.definitions", flat=True)
    care = open_book_result(catalogue, "adult-care-sharing-band.yaml",
                            lambda d: d["services"].__setitem__("other_purchasers", False))
    assert "The open-book terms apply to the Care Services." in clause_text(care.document, "open-book.scope", flat=True)
