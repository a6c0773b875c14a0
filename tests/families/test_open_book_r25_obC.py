"""r25 open-book notes and residue (lane obC): related parties in the distress clause, the control wording for a
company limited by shares, and the insurance wording (see test_open_book_nursing for the clinical cover)."""

from __future__ import annotations

from assembler.termsheet.open_book import RelatedParty
from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_BRAMBLECOMBE, OB_CHARITY, OB_HOMECARE, open_book_doc, open_book_notes_flat


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


def test_a_company_limited_by_shares_gets_no_body_without_share_capital_wording(catalogue):
    text = OB_BRAMBLECOMBE.read_text()
    doc = document_of(catalogue, text)
    assert "body without share capital" not in clause_text(doc, "open-book.financial-distress")
    guarantee = document_of(catalogue, text.replace("  limited_by: shares\n", "  limited_by: guarantee\n", 1))
    assert "body without share capital" in clause_text(guarantee, "open-book.financial-distress")


def test_charity_notes_appear_only_for_a_charity(catalogue):
    """r25 ob-fresh finding 16: CC29, 'voluntary-sector partners' and the charity/CIC objects check are residue for
    a company; a charity keeps them."""
    company = open_book_notes_flat(open_book_doc(catalogue, OB_BRAMBLECOMBE))
    for residue in ("CC29", "voluntary-sector", "for a charity", "asset lock", "Court of Protection route"):
        assert residue not in company, residue
    charity = open_book_notes_flat(open_book_doc(catalogue, OB_CHARITY))
    assert "CC29" in charity and "voluntary-sector" in charity and "charitable objects" in charity


def test_notes_state_the_light_touch_route_the_sheet_records_and_the_nlw_step_once(catalogue):
    """r25 ob-fresh findings 20 and 21: no 'confirm these are' where the route records light touch services; the NLW
    note says to insert the 1 April 2027 rate if announced and re-test the cost model."""
    text = OB_BRAMBLECOMBE.read_text()
    doc = document_of(catalogue, text)
    pricing = " ".join(note(doc, "open-book.pricing").split())
    assert "The procurement route records these as light touch services" in pricing
    assert "confirm that these are" not in pricing and "Schedule 8, paragraph 1" not in pricing
    review = " ".join(note(doc, "open-book.price-review").split())
    assert "Insert the rate from 1 April 2027 if it has been announced" in review
    assert "Re-test the cost model against the rates in force on 1 April 2027" in review
    other = document_of(catalogue, text.replace("the Care\n    Services being light touch services (section 9)",
                                                "the Care\n    Services"))
    pricing = " ".join(note(other, "open-book.pricing").split())
    assert "confirm that these are" in pricing and "Schedule 8, paragraph 1" in pricing


def test_no_undefined_cap_rate_no_self_reference_and_the_placement_form_names_the_agreement(catalogue):
    """r25 ob-fresh finding 17."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    pricing = flat(clause_text(doc, "open-book.pricing"))
    assert "profit cap rate" not in pricing
    assert "(one minus 6%, the share of the Service Income that is the Reasonable Profit)" in pricing
    assert "applies instead of this clause" in flat(clause_text(doc, "open-book.residents"))
    form = flat(clause_text(doc, "open-book.schedule-placement-agreement"))
    assert "made under the agreement relating to Bramblecombe House Nursing Care dated" in form


def test_the_agency_rate_compared_with_a_support_price_is_the_care_assistant_rate(catalogue):
    """r25 ob-fresh finding 13: one-to-one support (£27.80) is care-assistant work, so the note compares it with the
    £30 care assistant rate, not the £58 registered-nurse rate."""
    doc = open_book_doc(catalogue, OB_BRAMBLECOMBE)
    text = " ".join(note(doc, "common.open-book-schedule-costs").split())
    assert "(£30.00 an hour for a care assistant)" in text or "(£30 an hour for a care assistant)" in text
    assert "£58" not in text


def test_notes_state_regulated_activity_the_incumbents_staff_and_no_missing_ip_clause(catalogue):
    """r25 ob-homecare finding 17: knowable points stated, not passed on as 'check'."""
    text = OB_HOMECARE.read_text()
    doc = document_of(catalogue, text)
    safeguarding = " ".join(note(doc, "open-book.safeguarding").split())
    assert "Relevant personal care of an adult" in safeguarding and "Check whether the work is" not in safeguarding
    assert "Relevant personal care of a child" not in safeguarding
    exit_note = " ".join(note(doc, "open-book.exit").split())
    if "incumbent: true" in text:
        assert "so no staff transfer to it when this Agreement starts" in exit_note
    assert "own clause on intellectual property" not in " ".join(note(doc, "common.general").split())
    taking_over = document_of(catalogue, text.replace("incumbent: true", "incumbent: false"))
    assert "Staff transfer to" in " ".join(note(taking_over, "open-book.exit").split())


def test_generic_residue_is_left_out_of_the_open_book_notes(catalogue):
    """r25 ob-sample finding 13: Welsh, district-council, partnership, publicly-owned-company and processor
    boilerplate does not fit an English open-book care agreement between a council and a provider."""
    notes = open_book_notes_flat(open_book_doc(catalogue, OB_CHARITY))
    for residue in ("For a Welsh public body", "a district council is no social services authority",
                    'called a "partnership"', "publicly-owned company", "A processor is right only where",
                    "children's homes or supported accommodation"):
        assert residue not in notes, residue
    assert "so it is a controller in fact, and the Parties share personal data as separate controllers" in notes


def test_the_termination_note_glosses_section_78_subsections_correctly(catalogue):
    """r25 ob-sample finding 14: s.78(3)-(6) limit the subcontractor ground; s.78(7) applies to grounds (2)(b) and (c)."""
    text = " ".join(note(open_book_doc(catalogue, OB_CHARITY), "open-book.termination").split())
    assert "subsections (3) to (6) limit the subcontractor ground, and s.78(7) requires notice" in text
    assert "(s.78(2)(b) or (c))" in text
