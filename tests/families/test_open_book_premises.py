"""Open-book homes and premises: leases ending within or after the term, rent reviews in the term, and the premises
direct agreements (none with a Council landlord, one deadline, only where some tenure is known)."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import (
    OB_BRAMBLECOMBE, OB_BREAKS, OB_CALDMOOR, OB_CHARITY, OB_CHEVIOT, OB_GREYSTONE, open_book_doc,
    open_book_draft_text, open_book_result,
)


NOT_COUNCIL = ("      owner: commissioner", "      owner: third_party")


def test_a_lease_ending_inside_the_extended_term_must_be_renewed_before_extension(catalogue, tmp_path):
    def lease(d):
        d["open_book"].setdefault("related_parties", []).append({
            "name": "Lodge Estates Limited", "relationship": "a company owned by the trustees",
            "arrangement": "leases Kestrel Lodge to Ashdown on a five-year lease from 1 July 2027",
            "annual_value": 30000})
    text = open_book_draft_text(catalogue, OB_BREAKS, lease)
    assert "must keep the right to occupy Kestrel Lodge for the whole Service Term, including any extension" in text
    assert "Its lease of Kestrel Lodge ends on 30 June 2032." in text
    # r31 ob-fresh 5: reasonable endeavours and a report 9 months before; renewal is a condition of the extension
    assert "must tell the Council how it is progressing at least 9 months before the Service Term would otherwise end" in text
    assert "that takes the Service Term beyond the end of a lease only once" in text
    assert "At least 12 months before a lease ends" not in text   # it ends after the initial term
    within = open_book_draft_text(catalogue, OB_BREAKS, lambda d: d["services"]["homes"][0].update(lease_end="2030-03-31"))
    assert "Its lease of Kestrel Lodge ends on 31 March 2030." in within
    assert "At least 12 months before a lease ends during the Service Term" in within
    assert "right to occupy" not in open_book_draft_text(catalogue, OB_BREAKS)


def test_leases_ending_on_one_date_after_the_term_are_stated_once(catalogue):
    """ob-fresh 10: two leases ending on the same date after the latest end of the term are stated once, and the
    note does not ask about extending only after a renewal that cannot arise."""
    n = flat(note(open_book_doc(catalogue, OB_GREYSTONE), "open-book.term"))
    assert "leases of Ashby Fold and Kilnhurst House both end on 31 March 2036, after the Service Term could end" in n
    assert "lease of Ashby Fold ends on" not in n and "only once the lease has been renewed" not in n


def test_finding6_rent_review_in_the_term_enters_allowable_cost_not_the_prices(catalogue):
    """Finding 6: the lease's 1 October 2028 review falls inside the term (1 April 2027 to 31 March 2030, two
    extension years): a review under the lease is an Allowable Cost, not the sheet's disallowed 'rent increase agreed
    after the start date', and does not move the indexed Prices; any other increase or a premium is disallowed."""
    text = OB_BRAMBLECOMBE.read_text(encoding="utf-8")
    old = "      lease_end: 2048-09-30\n"
    assert old in text
    d = document_of(catalogue, text.replace(old, old + "      rent_review_date: 2028-10-01\n", 1))
    scope = flat(clause_text(d, "open-book.scope"))
    assert ("An increase in the rent of Bramblecombe House on a review under the terms of its lease as in force on "
            "1 April 2027, including the review due on 1 October 2028, is an Allowable Cost") in scope
    assert "is not a rent increase excluded by clause" in scope
    assert "It does not by itself change the Prices" in scope
    assert "any premium or other payment to vary or surrender that lease, is a Disallowed Cost" in scope


def test_finding6_quiet_without_a_review_date_or_with_one_after_the_term(catalogue):
    assert "An increase in the rent of" not in flat(clause_text(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.scope"))
    text = OB_BRAMBLECOMBE.read_text(encoding="utf-8")
    old = "      lease_end: 2048-09-30\n"
    d = document_of(catalogue, text.replace(old, old + "      rent_review_date: 2033-10-01\n", 1))
    assert "An increase in the rent of" not in flat(clause_text(d, "open-book.scope"))


def test_direct_agreement_for_homes_of_unknown_tenure_only_where_some_tenure_is_known(catalogue):
    """ob-sample 17: the sample's clause covers The Willows and Harbour View unless the Trust owns them (tested in
    test_open_book.py); quiet: a sheet that gives no home's tenure has no premises direct agreement to extend."""
    body = clause_text(open_book_doc(catalogue, OB_BRAMBLECOMBE), "open-book.termination", flat=True)
    assert "must also procure a direct agreement in the same terms" not in body


def test_premises_direct_agreements_have_one_deadline(catalogue):
    """ob-fresh 15: 29.7 required the direct agreements 'Before 1 April 2027' while 29.3(e) allowed 20 Business Days
    after it; the deadline is now stated once, in 29.7, and 29.3(e) refers to it."""
    body = clause_text(open_book_doc(catalogue, OB_CHEVIOT), "open-book.termination", flat=True)
    assert "Fellside must use all reasonable endeavours to procure that, within [20] Business Days after the date of this Agreement, Fellside Estates" in body
    assert "has not been entered into within [3] months after the date of this Agreement" in body
    assert "Before 1 April 2027, Fellside must procure" not in body


def test_finding1_council_landlord_has_no_direct_agreement_with_itself(catalogue):
    """Finding 1: the Council owns and lets the homes, so no direct agreement (30.7) and no termination ground for
    its absence (30.3(f)); the break compensation pays no rent to the Council; the Council as landlord takes a
    surrender with vacant possession after the last continued Placement, lets itself in on step-in and does not
    forfeit without the default notice."""
    d = open_book_doc(catalogue, OB_CALDMOOR)
    t = flat(clause_text(d, "open-book.termination"))
    assert "direct agreement" not in t
    assert "but not rent payable to the Council under a lease surrendered under clause 2." in t
    assert "the rent and other premises costs" not in t
    term = flat(clause_text(d, "open-book.term"))
    assert "The Council owns Brackenhurst, Larkrise and The Granary and lets them to the Society." in term
    assert "must surrender its lease of each home concerned with vacant possession" in term
    assert "the day after the last Placement continued there under clause 30." in term
    assert "must not forfeit a lease for a breach that is also a breach of this Agreement" in term
    assert "except as clause 2." in term
    n = note(d, "open-book.term")
    assert "no landlord's direct agreement is drafted" in n and "Take instructions on a direct agreement" not in n


def test_finding1_quiet_for_a_third_party_landlord(catalogue):
    """Quiet: a third-party landlord still gives the direct agreement and its termination ground; no surrender."""
    d = open_book_doc(catalogue, OB_CALDMOOR, NOT_COUNCIL, every=True)
    t = flat(clause_text(d, "open-book.termination"))
    assert "enters into a direct agreement with the Council" in t
    assert "has not been entered into" in t
    assert "the rent and other premises costs" in t
    assert "must surrender its lease" not in flat(clause_text(d, "open-book.term"))


def _lease_within_extension(catalogue, lease_end="2031-06-30"):
    from tests.families.conftest import OB_GREYSTONE, open_book_doc
    return open_book_doc(catalogue, OB_GREYSTONE, (
        "      all_places: 7\n      lease_end: 2036-03-31\n",
        f"      all_places: 7\n      lease_end: {lease_end}\n      rent_review_date: 2028-04-01\n"))


def test_a_lease_ending_within_the_extension_makes_renewal_a_condition_of_the_extension(catalogue):
    """r31 ob-fresh 5: an absolute duty to renew a lease for an extension the Council may never give becomes
    reasonable endeavours, with renewal a condition of the Council's extension notice; the renewal rent counts up
    to the open market rent, and the Disallowed Costs definition names every rent paragraph (finding 14)."""
    d = _lease_within_extension(catalogue)
    term = clause_text(d, "open-book.term", flat=True)
    assert "must use reasonable endeavours to renew or extend its right to occupy that home" in term
    assert ("may give notice under clause 2.2 that takes the Service Term beyond the end of a lease only once "
            "Kilnhurst Care") not in term
    assert "that takes the Service Term beyond the end of a lease only once" in term
    assert "is not in breach of this paragraph if, despite those endeavours, it has not been" in term
    scope = clause_text(d, "open-book.scope", flat=True)
    assert "The rent under a renewal or extension of that lease made under clause 2." in scope
    assert "is an Allowable Cost up to the open market rent of Kilnhurst House at the date of the renewal" in scope


def test_a_lease_running_past_the_extension_needs_no_renewal_terms(catalogue):
    d = _lease_within_extension(catalogue, "2036-03-31")
    assert "reasonable endeavours to renew" not in clause_text(d, "open-book.term", flat=True)
    assert "renewal or extension of that lease" not in clause_text(d, "open-book.scope", flat=True)


def test_disallowed_costs_definition_names_every_rent_review_paragraph(catalogue):
    """r31 ob-fresh 14: with two homes' rent reviews the definition pointed at the first paragraph only."""
    from tests.families.conftest import OB_GREYSTONE, open_book_doc
    from tests.families.clause_texts import definition
    two = open_book_doc(catalogue, OB_GREYSTONE, ("      lease_end: 2036-03-31\n", "      lease_end: 2036-03-31\n"
                                                  "      rent_review_date: 2028-04-01\n"), every=True)
    assert "for a lease that clause 11.5 to clause 11.6 say are Disallowed Costs" in flat(definition(two, "Disallowed Costs"))
    one = _lease_within_extension(catalogue, "2036-03-31")
    assert " to clause " not in flat(definition(one, "Disallowed Costs"))


def _owned(charge=None):
    def change(d):
        d["services"]["homes"][0]["owner"] = "provider"
        if charge is not None:
            d["services"]["homes"][0]["capital_charge"] = charge
    return change


def test_owned_home_capital_charge_is_an_allowable_cost(catalogue):
    """r31 ob tool note 5: a capital charge for a home the provider owns counts instead of depreciation."""
    res = open_book_result(catalogue, OB_CHARITY, _owned(32000))
    text = flat(clause_text(res.document, "open-book.scope"))
    assert "For Rowan House, which the Trust owns, a capital charge of £32,000 (thirty-two thousand pounds) a year" in text
    assert "It takes the place of any depreciation of the building" in text
    assert "as instructed, the Allowable Costs include a capital charge of £32,000" in flat(note(res.document, "open-book.scope"))


def test_owned_home_without_a_charge_gets_a_prompt(catalogue):
    """An owned home with no charge: the note explains the option (valuation times yield); no paragraph."""
    res = open_book_result(catalogue, OB_CHARITY, _owned())
    assert "capital charge" not in flat(clause_text(res.document, "open-book.scope"))
    n = flat(note(res.document, "open-book.scope"))
    assert "Rowan House is owned by the Trust: the building enters the Allowable Costs only through depreciation" in n
    assert "independent valuation of the home in its existing use times an agreed yield" in n


def test_no_capital_charge_text_for_a_home_not_owned(catalogue):
    """Quiet: no owner given, nothing about a capital charge."""
    res = open_book_result(catalogue, OB_CHARITY)
    assert "capital charge" not in flat(clause_text(res.document, "open-book.scope"))
    assert "capital charge" not in flat(note(res.document, "open-book.scope"))


def _review(text: str) -> str:
    old = "      lease_end: 2048-09-30\n"
    assert old in text
    return text.replace(old, old + "      rent_review_date: 2028-10-01\n", 1)


def test_a_rent_review_with_a_related_landlord_is_limited_by_the_related_party_clause(catalogue):
    """r32 ob-fresh finding 11: a review under a lease from a group landlord made the whole increase an Allowable
    Cost, against the related-party limit (own cost or market rent at arm's length)."""
    d = document_of(catalogue, _review(OB_BRAMBLECOMBE.read_text(encoding="utf-8")))
    scope = flat(clause_text(d, "open-book.scope"))
    assert ("but only so far as clause") in scope
    assert ("the landlord, Calderbrook Property Limited, is a Related Party, so the reviewed rent counts only up to the "
            "lower of its own cost and the market rent at arm's length") in scope
    assert "Calderbrook Property Limited, is a related party, so a rent review under the lease counts only" in flat(
        note(d, "open-book.scope"))


def test_a_rent_review_with_a_third_party_landlord_is_not_limited(catalogue):
    text = _review(OB_BRAMBLECOMBE.read_text(encoding="utf-8")).replace(
        "owns Bramblecombe House and leases it to Calderbrook", "advises Calderbrook on its property")
    d = document_of(catalogue, text)
    scope = flat(clause_text(d, "open-book.scope"))
    assert "An increase in the rent of Bramblecombe House on a review" in scope
    assert "is a Related Party, so the reviewed rent" not in scope
    assert "is a related party, so a rent review" not in flat(note(d, "open-book.scope"))
