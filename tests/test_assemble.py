"""The engine on the fixture library: what goes in, how it is numbered, what it refers to."""

from __future__ import annotations

import shutil

import pytest

from assembler.assemble import assemble
from assembler.errors import UserError
from assembler.library.catalogue import load_catalogue
from assembler.library.paths import LibraryPaths
from assembler.model import Placeholder, Ref, Table, iter_inlines
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from assembler.writers.text import to_text
from tests.conftest import DRAFT_DATE, MINILIB

TINY = (MINILIB / "samples" / "grant" / "tiny.yaml").read_text()


def build(catalogue, text: str = TINY):
    return assemble(validate(load_text(text, "tiny.yaml"), catalogue), catalogue, today=DRAFT_DATE)


def test_clauses_follow_the_manifest_and_conditions(minilib):
    result = build(minilib)
    assert [c.id for c in result.document.clauses] == ["common.definitions", "grant.payment", "grant.general"]
    assert "grant.match-funding" in result.plan.omitted
    assert "grant.match_funding" in result.plan.omitted["grant.match-funding"]


def test_the_chosen_variant_is_used(minilib):
    advance = build(minilib, TINY + "positions:\n  payment_basis: advance\n").document
    payment = next(c for c in advance.clauses if c.id == "grant.payment")
    assert payment.variant == "advance" and not payment.standard
    assert "in advance" in payment.blocks[0].text


def test_numbering(minilib):
    doc = build(minilib).document
    payment = doc.clauses[1]
    assert payment.number == "2"
    assert [(p.number) for p in payment.blocks] == ["2.1", "2.2", "(a)", "(i)", "(b)", "2.3"]
    assert doc.schedules[0].number == "1"


def test_references_resolve_to_numbers(minilib):
    doc = build(minilib).document
    labels = {(r.target, r.prefix + r.label) for r in iter_inlines([b for c in doc.all_clauses() for b in c.blocks])
              if isinstance(r, Ref)}
    assert ("grant.general", "clause 3") in labels
    assert ("grant.payment#timing", "clause 2.1") in labels
    assert ("grant.schedule-payments", "Schedule 1") in labels


def test_definitions_are_only_used_terms_in_alphabetical_order(minilib):
    doc = build(minilib).document
    terms = [d.term for d in doc.definitions]
    assert terms == sorted(terms)
    assert "Unused Term" not in terms
    assert {"Agreement", "Business Day", "Grant", "Instalment"} <= set(terms)
    assert len(terms) == len(set(terms))


def test_definition_of_a_term_used_only_inside_another_definition_is_kept(minilib):
    # "Grant" is used in the Instalment definition and in clauses; remove it from clause text and it
    # must still be defined because the Instalment definition uses it.
    doc = build(minilib).document
    assert "Grant" in [d.term for d in doc.definitions]


def test_placeholders_list_where_they_are(minilib):
    doc = build(minilib).document
    open_facts = dict(doc.placeholders())
    assert "Recipient's bank account details" in open_facts
    assert "clause 2" in open_facts["Recipient's bank account details"]


def test_tables_carry_term_sheet_values(minilib):
    schedule = build(minilib).document.schedules[0]
    [table] = [b for b in schedule.blocks if isinstance(b, Table)]
    cells = [[c[0].text if c else "" for c in row] for row in table.rows]
    assert cells[0][:2] == ["15 April 2026", "£10,000"]
    assert cells[-1][:2] == ["Total", "£12,500"]


def test_values_that_look_like_code_or_markup_stay_literal(minilib):
    text = to_text(build(minilib).document)
    assert "Pantry {% raw %}x{% endraw %} {{ 7*7 }}" in text
    assert "St Mary's Housing & Support [[ref:grant.general]]" in text
    assert "- starts | with dash" in text
    assert "49" not in text


def test_properties_record_provenance(minilib):
    doc = build(minilib).document
    props = doc.properties
    assert props["family"] == "grant"
    assert "grant.payment@1.2.0[arrears]" in props["clauses"]
    assert len(props["termsheet_sha256"]) == 64
    assert props["library_version"].startswith("0.1.0+lib.")
    assert "not legal advice" in props["notice"].lower()
    assert "for legal review, not legal advice" in doc.marking


def test_a_reference_to_a_clause_left_out_is_an_error(tmp_path):
    lib = tmp_path / "lib"
    shutil.copytree(MINILIB, lib, symlinks=False)
    general = lib / "clauses" / "grant" / "general.md"
    general.write_text(general.read_text() + "\nMatch funding is dealt with in [[ref:grant.match-funding]].\n")
    catalogue = load_catalogue(LibraryPaths(lib))
    with pytest.raises(UserError) as caught:
        build(catalogue)
    message = str(caught.value.problems[0])
    assert "grant.match-funding" in message and "leaves out" in message and "grant.match_funding" in message


def test_rule_errors_stop_assembly(minilib):
    with pytest.raises(UserError) as caught:
        build(minilib, TINY.replace("amount: 2500", "amount: 2000"))
    assert any("GRANT-INSTALMENTS-SUM" in str(p) for p in caught.value.problems)


def test_the_date_placeholder_when_no_agreement_date(minilib):
    doc = build(minilib).document
    assert isinstance(doc.date, Placeholder)


def test_a_term_takes_the_chosen_variants_definition(tmp_path):
    lib = tmp_path / "lib"
    shutil.copytree(MINILIB, lib)
    advance = lib / "clauses" / "grant" / "payment.advance.md"
    advance.write_text(advance.read_text().replace(
        "note: Choose advance", "defines:\n  Instalment: each payment of the Grant made before it is spent\nnote: Choose advance"))
    catalogue = load_catalogue(LibraryPaths(lib))
    arrears = {d.term: d for d in build(catalogue).document.definitions}
    chosen = {d.term: d for d in build(catalogue, TINY + "positions:\n  payment_basis: advance\n").document.definitions}
    def words(definition):
        return "".join(getattr(i, "text", "") for i in definition.inlines)

    assert "made before it is spent" not in words(arrears["Instalment"])
    assert "made before it is spent" in words(chosen["Instalment"])


def _real(catalogue, path):
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import ROOT

    return assemble(read_termsheet(ROOT / "samples" / path, catalogue), catalogue, today=DRAFT_DATE)


def test_a_two_party_draft_names_each_party_once(catalogue):
    doc = _real(catalogue, "open-book/childrens-homes-charity.yaml").document
    terms = {d.term: to_text_inline(d.inlines) for d in doc.definitions}
    assert terms["Parties"] == "the Council and the Trust"
    assert not {"Public Body", "Open-Book Provider", "Open-Book Commissioner"} & set(terms)
    text = to_text(doc)
    assert "Public Body" not in text and "the other Parties" not in text


def test_an_offer_letter_defines_the_parties_once_in_its_opening_words(catalogue):
    """The letter's opening names "the Parties"; a second definition in clause 1 would repeat it, and
    "Party means a party to this letter" says nothing: each names the two parties instead."""
    doc = _real(catalogue, "grant/food-bank-offer-letter.yaml").document
    terms = {d.term: to_text_inline(d.inlines) for d in doc.definitions}
    assert "Parties" not in terms
    assert terms["Party"] == "the Council or the Food Bank"
    text = to_text(doc)
    assert "are together the Parties" in text
    assert "a reference to days is to calendar days unless Business Days are stated" in text
    agreement = {d.term: to_text_inline(d.inlines) for d in
                 _real(catalogue, "open-book/childrens-homes-charity.yaml").document.definitions}
    assert agreement["Party"] == "the Council or the Trust" and agreement["Parties"] == "the Council and the Trust"


def test_a_multi_party_draft_keeps_its_role_terms(catalogue):
    doc = _real(catalogue, "alliance/complex-needs-eight-members.yaml").document
    terms = {d.term: to_text_inline(d.inlines) for d in doc.definitions}
    assert terms["Parties"] == "all the parties to this Agreement"
    assert terms["Party"] == "a party to this Agreement"
    assert "the other Parties" in to_text(doc)


def test_the_survival_clause_lists_every_surviving_clause_in_the_draft(catalogue):
    from assembler.assemble import marked

    result = _real(catalogue, "grant/multi-year-housing-first.yaml")
    expected = marked(result.plan, "survives")
    assert "common.disputes" in expected and "common.definitions" in expected
    # the shared data and the duties to help with reviews and investigations, which happen after the end
    assert {"common.schedule-data-sharing", "common.safeguarding#reviews",
            "common.compliance-with-law#investigations"} <= set(expected)
    [general] = [c for c in result.document.clauses if c.id == "common.general"]
    [survival] = [p for p in general.blocks if "However this Agreement ends" in to_text_inline(p.inlines)]
    assert [r.target for r in survival.inlines if isinstance(r, Ref)] == expected
    assert all(r.label for r in survival.inlines if isinstance(r, Ref))


def test_the_open_book_terms_a_final_reconciliation_needs_survive(catalogue):
    """The last reconciliation is made after the end: the cost rules, the cost base and the
    related-party limits it applies must still bind then."""
    from assembler.assemble import marked

    expected = marked(_real(catalogue, "open-book/single-placement.yaml").plan, "survives")
    assert {"common.open-book-costs", "common.open-book-cost-base", "common.open-book-related-parties",
            "common.open-book-schedule-reconciliation", "common.open-book-profit-cap"} <= set(expected)


def to_text_inline(inlines) -> str:
    from assembler.model import plain_text

    return plain_text(inlines)


@pytest.mark.parametrize("people, absent, present", [
    # an adults' service still reports a concern about a child met in the work (one in a household)
    ("adults", ["Children Act 2004", "local authority designated officer", "Working Together", "Children"],
     ["section 42 of the Care Act 2014", "Adults at Risk", "a Child (for example a Child in the household",
      "The Trust must tell the Council within one Business Day"]),
    ("children", ["section 42 of the Care Act 2014", "Safeguarding Adults Board", "Adult at Risk"],
     ["local authority designated officer", "section 47 of the Children Act 1989"]),
])
def test_safeguarding_cites_the_law_for_the_people_the_services_are_for(catalogue, tmp_path, people, absent, present):
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import ROOT

    sheet = tmp_path / "sheet.yaml"
    sheet.write_text((ROOT / "samples" / "grant" / "multi-year-housing-first.yaml").read_text()
                     + f"\nsafeguarding:\n  people: {people}\n")
    doc = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    [clause] = [c for c in doc.clauses if c.id == "common.safeguarding"]
    text = " ".join(to_text_inline(b.inlines) for b in clause.blocks if hasattr(b, "inlines"))
    for words in absent:
        assert words not in text, words
    for words in present:
        assert words in text, words


def test_what_the_draft_assumes_is_listed_in_one_note(catalogue, tmp_path):
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import ROOT

    doc = _real(catalogue, "grant/multi-year-housing-first.yaml").document
    assert [a.split(" (")[0] for a in doc.assumptions] == [
        "that the services are for both children and adults at risk, so that the safeguarding clause cites the law for both",
        "the insurance levels the instructions do not give"]
    assert "public liability" not in doc.assumptions[1]  # the sheet gives that level
    assert "Assumptions made where the instructions are silent" in doc.clauses[0].note
    sheet = tmp_path / "sheet.yaml"
    sheet.write_text((ROOT / "samples" / "grant" / "multi-year-housing-first.yaml").read_text()
                     + "\nsafeguarding:\n  people: adults\n")
    told = assemble(read_termsheet(sheet, catalogue), catalogue, today=DRAFT_DATE).document
    assert not any("safeguarding" in a for a in told.assumptions)


def test_a_clause_marked_for_third_parties_is_carved_out_of_the_exclusion(tmp_path):
    """The open-book TUPE indemnity protects a new provider: marked `third_party_rights`, the
    third-party clause lets that provider enforce it, by live reference."""
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import ROOT

    root = tmp_path / "lib"
    for part in ("clauses", "templates", "samples"):
        shutil.copytree(ROOT / part, root / part)
    assert "third_party_rights: [tupe]" in (root / "clauses" / "open-book" / "exit.md").read_text()
    catalogue = load_catalogue(LibraryPaths(root))
    result = assemble(read_termsheet(root / "samples" / "open-book" / "childrens-homes-charity.yaml", catalogue),
                      catalogue, today=DRAFT_DATE)
    [general] = [c for c in result.document.clauses if c.id == "common.general"]
    [para] = [b for b in general.blocks if "Contracts (Rights of Third Parties) Act 1999 to enforce" in to_text_inline(b.inlines)]
    assert [r.target for r in para.inlines if isinstance(r, Ref)] == ["open-book.exit#tupe"]
    assert "except that the rights given by clause " in to_text_inline(para.inlines)


@pytest.mark.parametrize("sample, nhs", [("alliance/mental-health-four-members-varied.yaml", True),
                                         ("alliance/complex-needs-eight-members.yaml", False)])
def test_nhs_resolution_schemes_are_named_only_where_an_nhs_body_is_a_party(catalogue, sample, nhs):
    doc = _real(catalogue, sample).document
    [clause] = [c for c in doc.clauses if c.id == "common.insurance"]
    text = " ".join(to_text_inline(b.inlines) for b in clause.blocks if hasattr(b, "inlines"))
    assert ("NHS Resolution" in text) is nhs
    assert "from the date of this Agreement until it ends" in text


def test_a_council_is_described_by_statute_and_its_sealing_rules_are_checked(catalogue):
    """'A local authority' alone is too thin for the parties block; and an officer signing under hand
    for a council may need its constitution's sealing threshold checked: the note says so."""
    result = _real(catalogue, "open-book/childrens-homes-charity.yaml")
    council = next(p for p in result.document.parties if p.public_body)
    assert council.description == "a local authority within the meaning of the Local Government Act 1972"
    [general] = [c for c in result.document.clauses if c.id == "common.general"]
    assert "Check, for the Council, the contract procedure rules and scheme of delegation" in general.note
    assert "if so, the Agreement is executed as a deed" in general.note


def test_a_community_interest_company_says_where_it_is_incorporated():
    from assembler.assemble import _description
    from assembler.termsheet.common import Party

    cic = Party(name="Rootstock CIC", short_name="Rootstock", legal_form="community_interest_company",
                company_number="12345678", address="1 High Street")
    assert _description(cic) == "a community interest company incorporated in England and Wales (company number 12345678)"
    assert "incorporated in Scotland" in _description(cic.model_copy(update={"company_number": "SC123456"}))


def test_the_dispute_route_picks_up_where_the_alliances_own_ladder_hands_over(catalogue):
    """The alliance's ladder lets a party skip the senior officers' meeting; the 20 Business Days
    counted from the notice must not then hold the next step back. A two-party draft has no ladder."""
    def disputes(sample):
        [clause] = [c for c in _real(catalogue, sample).document.clauses if c.id == "common.disputes"]
        return clause, " ".join(to_text_inline(b.inlines) for b in clause.blocks if hasattr(b, "inlines"))

    clause, text = disputes("alliance/complex-needs-eight-members.yaml")
    assert "lets a party take this step without the meeting of senior officers, as soon as that clause allows" in text
    assert "Choose" not in clause.note and "variant" not in clause.note
    clause, text = disputes("open-book/childrens-homes-charity.yaml")
    assert "without the meeting of senior officers" not in text
    assert "Choose" not in clause.note and "variant" not in clause.note


def test_the_general_transfer_right_gives_way_to_an_open_book_councils_own(catalogue):
    """The open-book agreement has its own transfer on reorganisation (notice, a novation on terms no
    less favourable): the general clause carves it out instead of granting a second, bare one."""
    def general(sample):
        [clause] = [c for c in _real(catalogue, sample).document.clauses if c.id == "common.general"]
        return " ".join(to_text_inline(b.inlines) for b in clause.blocks if hasattr(b, "inlines"))

    open_book = general("open-book/childrens-homes-charity.yaml")
    assert "without the prior written consent of the other Party, except by a transfer under clause" in open_book
    assert "may transfer all its rights and obligations" not in open_book
    assert "may transfer all its rights and obligations" in general("grant/multi-year-housing-first.yaml")


def test_a_valuation_dispute_goes_to_the_surveyors_body(catalogue):
    [clause] = [c for c in _real(catalogue, "co-investment/community-asset-lease.yaml").document.clauses
                if c.id == "common.disputes"]
    text = " ".join(to_text_inline(b.inlines) for b in clause.blocks if hasattr(b, "inlines"))
    assert "President of the Royal Institution of Chartered Surveyors, for a Dispute about the value of any asset" in text


def _clause_text(doc, clause_id: str) -> str:
    [clause] = [c for c in doc.clauses if c.id == clause_id]
    return " ".join(to_text_inline(b.inlines) for b in clause.blocks if hasattr(b, "inlines"))


def test_an_nhs_provider_is_bound_by_the_conflicts_clause_and_directs_no_one(catalogue):
    """An NHS foundation trust that is a Provider is a public body, but the commissioning parties (the
    Council and the ICB), not every public body, decide a conflict's steps and receive safeguarding
    reports: the Trust is bound like any other provider (a reviewer struck "each Public Body" here)."""
    doc = _real(catalogue, "alliance/mental-health-four-members-varied.yaml").document
    conflicts = _clause_text(doc, "common.conflicts-of-interest")
    assert "Each Party other than the Council and the ICB must take all reasonable steps" in conflicts
    assert "steps that the Council and the ICB reasonably require" in conflicts
    assert "Public Body" not in conflicts
    safeguarding = _clause_text(doc, "common.safeguarding")
    assert "other than the Council and the ICB, must tell the Council and the ICB within one Business Day" in safeguarding
    assert "each Public Body" not in safeguarding


def test_safeguarding_concerns_go_to_the_council_with_social_services_functions(catalogue, tmp_path):
    """A district council is not the authority that makes adult safeguarding enquiries in a two-tier
    area: the draft names the council the sheet gives, or the one with social services functions."""
    from assembler.termsheet.validate import read_termsheet
    from tests.conftest import ROOT

    sample = (ROOT / "samples" / "grant" / "multi-year-housing-first.yaml").read_text()
    base = "\n".join(line for line in sample.splitlines() if "safeguarding_authority:" not in line) + "\n"
    default = assemble(read_termsheet(_write(tmp_path / "a.yaml", base), catalogue), catalogue, today=DRAFT_DATE)
    text = _clause_text(default.document, "common.safeguarding")
    assert "the local authority with social services functions for the area where" in text
    assert "the local authority for the area where" not in text
    named = base + "\nsafeguarding:\n  authority: Westshire County Council\n"
    given = assemble(read_termsheet(_write(tmp_path / "b.yaml", named), catalogue), catalogue, today=DRAFT_DATE)
    assert "to Westshire County Council or, where the" in _clause_text(given.document, "common.safeguarding")


def _write(path, text: str):
    path.write_text(text)
    return path


@pytest.mark.parametrize("sample, letter", [("grant/community-single-payment.yaml", True),
                                            ("grant/care-leavers-open-book.yaml", False)])
def test_the_target_date_note_dates_a_letter_on_issue_and_an_agreement_on_completion(catalogue, sample, letter):
    """An offer letter is dated the day it is issued and binds on acceptance (a review found the
    agreement's 'dated when the last party signs' advice on a letter)."""
    from tests.conftest import ROOT

    path = ROOT / "samples" / sample
    text = path.read_text(encoding="utf-8")
    assert "\n  agreement_date:" in text
    text = text.replace("\n  agreement_date:", "\n  agreement_date: 2027-03-19 #", 1)
    doc = assemble(validate(load_text(text, path.name), catalogue), catalogue, today=DRAFT_DATE).document
    assert doc.letter is letter
    note = doc.clauses[0].note
    assert ("Date the letter on the day it is issued for acceptance (the target date is 19 March 2027)" in note) is letter
    assert ("when the last party signs" in note) is not letter
