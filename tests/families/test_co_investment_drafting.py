"""The co-investment draft's wording: certificates and execution blocks, cross-references, the sheet's phrases read
with the defined terms, general clauses and the generic notes cut or kept for the deal. Each finding of a review has
a firing case and a quiet case on a sheet without the fact."""

from __future__ import annotations

from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import samples
from tests.families.clause_texts import document_of, clause_text, flat, note, all_text
from tests.families.conftest import HOMES, BIRCHFIELD, KENMOOR, WELLGATE, TAMSFORD


def test_no_section_53_digression_for_a_co_investment_under_five_million(catalogue):
    """r20 ci-fresh finding 16: a co-investment agreement worth £5 million or less gets no Procurement Act s.53 aside in the
    freedom of information note, and a refuge's addresses are to be removed from anything published."""
    n = note(document_of(catalogue, BIRCHFIELD), "common.freedom-of-information")
    assert "section 53 of the Procurement Act" not in n
    assert "the addresses of the homes must be removed from anything published" in n


def test_a_cio_certifies_by_two_charity_trustees(catalogue):
    """r21 ci-fresh finding 13: a CIO has charity trustees, not directors: the covenant certificate is signed by two of them."""
    doc = document_of(catalogue, KENMOOR)
    assert "two of its charity trustees" in clause_text(doc, "co-investment.financial-covenants")
    assert "directors or trustees" not in all_text(doc)


def test_a_charitable_company_keeps_directors_or_trustees(catalogue):
    """Quiet: a charitable company's certificate is still signed by two of its directors or trustees."""
    doc = document_of(catalogue, KENMOOR.replace("  legal_form: cio\n", "  legal_form: charitable_company\n  company_number: \"09876543\"\n", 1))
    assert "two of its directors or trustees" in clause_text(doc, "co-investment.financial-covenants")


def test_force_majeure_takes_effect_on_signing(catalogue):
    """r21 ci-fresh finding 21: the force majeure clause is among the provisions that take effect on the date of the Agreement,
    since the clauses in force from signing rely on it."""
    doc = document_of(catalogue, KENMOOR)
    cp = clause_text(doc, "co-investment.conditions-precedent")
    fm = next(c for c in doc.all_clauses() if c.id == "common.force-majeure")
    assert f"clause {fm.number}" in cp.split("take effect on the date of this Agreement")[0]


def test_force_majeure_exit_and_step_in_notice_are_cited_by_number(homes_draft):
    """r21 ci-sample finding 10: 'this paragraph' in the step-in and force majeure exit paragraphs, and the force majeure clause's
    'the one in clause 27', cite the paragraph itself."""
    everything = "\n".join(clause_text(homes_draft, c.id) for c in homes_draft.all_clauses())
    assert "this paragraph gives the only right" not in everything and "the notice under this paragraph" not in everything
    liab = next(c for c in homes_draft.all_clauses() if c.id == "co-investment.liability")
    assert f"clause {liab.number}.4 gives the only right to leave or end this Agreement" in everything
    assert f"is the one in clause {liab.number}.4" in everything
    dt = next(c for c in homes_draft.all_clauses() if c.id == "co-investment.default-termination")
    assert f"the notice under clause {dt.number}.2 and the period before enforcement" in everything


def test_pasted_phrases_read_with_the_drafts_defined_terms(wellgate_draft):
    """r22 ci-fresh findings 14, 15: drawdown conditions pasted from the sheet read "the Priority Deed", "the Transfer of the
    Transferred Property" and "the Authority Charge"; the Priority Deed table names the Authority Charge."""
    t = clause_text(wellgate_draft, "co-investment.schedule-contributions", flat=True)
    assert "Completion Conditions met and the Transfer of the Transferred Property completed" in t
    assert "the Authority Charge lodged for registration and the Priority Deed signed" in t
    assert "the transfer of the Property" not in t and "priority deed" not in t
    assert "Authority Charge, the Authority Restriction and the covenants" in clause_text(
        wellgate_draft, "co-investment.schedule-agreed-forms", flat=True)


def test_pasted_phrases_quiet_without_the_defined_things(catalogue):
    """Quiet: without a Priority Deed or a Council charge the phrases stay as the sheet gives them."""
    text = WELLGATE.replace("      ranks_after_authority: true\n", "").replace("  authority_charge: true\n", "").replace(
        "  priority_deed: true\n", "  priority_deed: false\n")
    sheet = validate(load_text(text, "t.yaml"), catalogue)
    phrase = "Beacon's legal charge and the Council's legal charge lodged and the priority deed signed"
    assert sheet.model.in_terms(phrase) == phrase
    assert sheet.model.in_terms("") == ""


def test_smaller_wording_points(homes_draft):
    """r22 ci-sample findings 10 and 15: the refinancing terms are the draft's illustrative assumption, not the
    Parties'; the SDLT note says the cap is tighter without charities relief (there is room left at the price cap);
    27.4 says "this clause 27.4"; recital (E) says the undervalue "does not exceed" the consent limit."""
    w = " ".join(note(homes_draft, "co-investment.schedule-waterfall").split())
    assert "Refinanced at 6% over twenty-five years (an illustrative assumption of this draft), the" in w
    assert "the refinancing terms the Parties assumed" not in w
    t = " ".join(note(homes_draft, "co-investment.tax").split())
    assert "the cap is materially tighter without charities relief, so the programme depends on it" in t
    assert "the cap works only if" not in t
    assert "this clause 27.4 gives the only right to leave" in " ".join(clause_text(homes_draft, "co-investment.liability").split())
    assert "is £640,000, which does not exceed £2,000,000, so the disposal has the consent" in \
        " ".join(clause_text(homes_draft, "co-investment.recitals").split())


def test_refinancing_terms_from_the_sheet_are_not_called_the_drafts_assumption(catalogue):
    """Quiet: refinancing terms the sheet sets are the Parties' assumption, not this draft's."""
    d = document_of(catalogue, HOMES.replace("\nincome:\n", "\nincome:\n  refinancing_rate: 7\n", 1))
    w = " ".join(note(d, "co-investment.schedule-waterfall").split())
    assert "an illustrative assumption of this draft" not in w
    assert "Refinanced at 7% over twenty-five years (the refinancing terms the Parties assumed)" in w


def test_society_deed_block_does_not_name_a_chief_executive(catalogue):
    """r23 ci-fresh finding 13: a registered society's deed is signed by committee members or the secretary; the Chief
    Executive named on the sheet is not put in the block, which asks for the name of one of them."""
    from assembler.execution import execution_lines
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate
    sheet = validate(load_text(TAMSFORD, "t.yaml"), catalogue).model
    text = " ".join(str(getattr(x, "text", getattr(x, "label", ""))) for line in execution_lines(sheet.delivery, deed=True)
                    for x in line)
    assert "committee member or secretary" in text
    assert "Gareth Llewellyn-Obi" not in text
    sheet2 = validate(load_text(TAMSFORD.replace("position: Chief Executive", "position: Company Secretary"), "t.yaml"),
                      catalogue).model
    text2 = " ".join(str(getattr(x, "text", getattr(x, "label", ""))) for line in
                     execution_lines(sheet2.delivery, deed=True) for x in line)
    assert "Gareth Llewellyn-Obi" in text2


def test_drafting_points(tamsford_draft):
    """r23 ci-fresh findings 17 and 18: no evaluation sentence where the sheet has none; houses-only criteria are not
    said to exclude flats; 'Contributions total'; one Investor 'is paid'."""
    assert "E3M toolkit recommends" not in flat(note(tamsford_draft, "co-investment.governance"))
    n = flat(note(tamsford_draft, "co-investment.schedule-criteria"))
    assert "excludes many leasehold homes at the price cap" in n and "flats" not in n
    assert "The Contributions total £5,500,000" in clause_text(tamsford_draft, "co-investment.contributions", flat=True)
    assert "the Investor is paid as clause" in clause_text(tamsford_draft, "co-investment.disposal", flat=True)


def test_drafting_points_quiet(catalogue):
    """Quiet: an agreed evaluation keeps the E3M sentence."""
    doc = document_of(catalogue, TAMSFORD.replace("independent_evaluation: false", "independent_evaluation: true"))
    assert "E3M toolkit recommends" in flat(note(doc, "co-investment.governance"))


def test_generic_note_text_cut_for_a_housing_co_investment(homes_draft):
    """r23 ci-sample finding 21: the statutory-functions note names only the district council's functions (no NHS
    bodies or county functions), the governing-law note drops Scotland and Northern Ireland where no Party is there,
    and the safeguarding note drops the Gillick discussion (housing, not children's services)."""
    sf = flat(note(homes_draft, "common.statutory-functions"))
    assert "here the Council is a district council: planning, licensing, housing allocation and homelessness" in sf
    assert "NHS body" not in sf
    gl = flat(note(homes_draft, "common.governing-law"))
    assert "no Party gives an address in Scotland or Northern Ireland, so nothing more is needed" in gl
    assert "OSCR" not in gl
    assert "Gillick" not in note(homes_draft, "common.safeguarding")


def test_generic_notes_unchanged_for_a_unitary_council(catalogue):
    """Quiet: a borough council (unitary or district, not known) keeps the general list of functions."""
    doc = document_of(catalogue, HOMES.replace("Trentvale District Council", "Trentvale Borough Council"))
    assert "NHS body" in flat(note(doc, "common.statutory-functions"))


def test_further_assurance_and_late_payment_interest(homes_draft):
    """r23 ci-sample finding 19: further assurance at the delivery body's cost, and interest on late payment at a
    bracketed rate above base, not on sums the waterfall carries forward with their own return."""
    t = clause_text(homes_draft, "common.general", flat=True)
    assert "Each Party must, at the Charity's cost, sign and do whatever another Party reasonably asks" in t
    assert "interest on that sum at [4]% a year above the Bank of England base rate" in t
    assert "This does not apply to an amount carried forward under Schedule 3" in t
    assert "are this draft's proposal: agree the rate" in flat(note(homes_draft, "common.general"))


def test_other_families_get_no_further_assurance_or_interest(catalogue):
    """Quiet: a grant agreement's general clause is unchanged."""
    doc = document_of(catalogue, samples("grant")[0].read_text(encoding="utf-8"))
    t = clause_text(doc, "common.general", flat=True)
    assert "sign and do whatever another Party reasonably asks" not in t and "above the Bank of England base rate" not in t
