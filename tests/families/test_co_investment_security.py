"""Co-investment security in the draft: the Investor and Authority Charges and their registration, the restriction, the
Authority Option, clawback events and periods, the asset lock, permitted disposals and the lease covenants. Each
finding of a review has a firing case and a quiet case on a sheet without the fact."""

from __future__ import annotations

from tests.families.clause_texts import document_of, clause_text, flat, note, all_text
from tests.families.conftest import HOMES, LEASE, BIRCHFIELD, KENMOOR, TAMSFORD, WEALDSHIRE


def test_a_buyer_from_the_senior_investor_is_freed_from_the_lease_covenant_on_clawback_and_lock(catalogue):
    """r20 ci-fresh finding 6: one rule for a buyer on enforcement. The lease covenant to comply with the clawback and disposal
    clauses does not bind Ridgeway (senior), its receiver, its mortgagee in possession or anyone deriving title from
    them, as clause 13 says; the Priority Deed heads say the same, and a buyer from the Foundation (junior) takes
    the lease subject to all its covenants."""
    doc = document_of(catalogue, BIRCHFIELD)
    lease = clause_text(doc, "co-investment.asset-transfer")
    assert ("comply with clause 13 and clause 14, which does not bind Ridgeway, a receiver appointed by it, a mortgagee "
            "in possession under its Investor Charge, or anyone deriving title from a sale by any of them") in lease
    forms = clause_text(doc, "co-investment.schedule-agreed-forms")
    assert "are not liable to pay a Clawback Amount and are not bound by the covenant in a lease" in forms
    assert "a buyer of a lease from any of them takes it subject to all its covenants" in forms


def test_a_transfer_deal_has_no_lease_covenant_exception(catalogue):
    """Quiet: a sheet whose Authority transfers freeholds has no lease covenant, so no such exception appears."""
    doc = document_of(catalogue, HOMES)
    text = "\n".join(clause_text(doc, c.id) for c in doc.all_clauses())
    assert "deriving title from a sale by any of them" not in text


def test_restriction_has_form_l_optional_words_and_the_note_says_when_it_can_go(catalogue):
    """r20 ci-fresh finding 20 and ci-sample finding 14: the Form L restriction ends with the optional words so the Council can
    certify dispositions the clauses do not touch; the note says what to check (no 'has not been set against'
    admission) and that an open-ended asset lock keeps the restriction for the life of the lease."""
    doc = document_of(catalogue, BIRCHFIELD)
    assert "have been complied with or that they do not apply to the disposition." in \
        clause_text(doc, "co-investment.schedule-restriction")
    n = note(doc, "co-investment.schedule-restriction")
    assert "has been set against Schedule 4" not in n and "Neither has been set" not in n
    assert "the restriction stays on the title for the life of the lease" in n


def test_taper_over_the_term_when_the_clawback_years_are_the_term(catalogue):
    """r20 ci-fresh finding 13: 25 clawback years on a 25-year term taper over the Partnership Term and end with it; with
    runs_with_term: false the period runs 25 years from each home's transfer or purchase."""
    doc = document_of(catalogue, BIRCHFIELD)
    defs = "\n".join(clause_text(doc, c.id) for c in doc.all_clauses())
    assert "the date of its purchase, to the end of the Partnership Term on 31 March 2052" in defs
    assert "for each complete year of the Partnership Term that has passed" in clause_text(doc, "co-investment.clawback")
    quiet = document_of(catalogue, BIRCHFIELD.replace("clawback:\n  years: 25\n", "clawback:\n  years: 25\n  runs_with_term: false\n"))
    assert "for each complete year of the Asset Clawback Period that has passed" in clause_text(quiet, "co-investment.clawback")


def test_re_entry_notice_names_the_substitute_provider(catalogue):
    """r20 ci-fresh finding 21 (cl 8.5): the Investor may find a Substitute Provider, the defined term, not a 'substitute tenant'."""
    lease = clause_text(document_of(catalogue, BIRCHFIELD), "co-investment.asset-transfer")
    assert "to find a Substitute Provider to take an assignment of the lease under clause" in lease
    assert "substitute tenant" not in lease


def test_an_enforcement_or_insolvency_sale_is_a_clawback_event(catalogue):
    """r21 ci-fresh finding 3: a sale by the Investor, a receiver, a mortgagee in possession or an insolvency officeholder is a
    Clawback Event, so the Council's second charge secures the clawback; the buyer's release stays."""
    doc = document_of(catalogue, KENMOOR)
    text = clause_text(doc, "co-investment.clawback")
    assert "is sold or otherwise disposed of by an Investor, a receiver, a mortgagee in possession or any other person " \
           "enforcing a charge over it, or by an administrator or liquidator of Threshold;" in text
    assert "No Clawback Amount is payable by, and the clawback does not bind, an Investor" in text


def test_without_an_investor_charge_the_sale_limb_names_no_investor(catalogue):
    """Quiet: with no Investor Charge the limb speaks of receivers and insolvency officeholders only."""
    doc = document_of(catalogue, KENMOOR.replace("  investor_charge: true\n", "  investor_charge: false\n")
                .replace("  priority_deed: true\n", "  priority_deed: false\n"))
    text = clause_text(doc, "co-investment.clawback")
    assert "is sold or otherwise disposed of by a receiver, a mortgagee in possession" in text
    assert "disposed of by an Investor" not in text


def test_full_clawback_chosen_by_the_sheet_is_not_called_unagreed(catalogue):
    """r21 ci-fresh finding 5: the sheet sets clawback_basis: full, so the note does not call it 'not an agreed term' or offer a
    taper; it flags only the equal division of the grant (£83,333.33 a home) as the draft's assumption."""
    n = note(document_of(catalogue, KENMOOR), "co-investment.clawback")
    assert "not an agreed term" not in n and "taper" not in n
    assert "The instructions choose it. Dividing the Authority Grant equally between the homes bought is this " \
           "draft's assumption" in n and "£83,333.33" in n


def test_full_clawback_by_default_is_flagged_as_unagreed(catalogue):
    """Quiet: where the sheet leaves the position out, the standard (full) is flagged and a taper offered."""
    n = note(document_of(catalogue, KENMOOR.replace("  clawback_basis: full\n", "")), "co-investment.clawback")
    assert "unless the parties chose it, it is not an agreed term" in n and "taper" in n


def test_grant_repayment_points_to_the_recovery_clause_and_investor_covers_transferees(catalogue):
    """r21 ci-fresh findings 7 and 8: clause 5.10 names the subsidy recovery paragraph, not the default clause; the Investor
    definition takes in a transferee bound under the transfer paragraph of the security clause."""
    doc = document_of(catalogue, KENMOOR)
    text = all_text(doc)
    assert "The Authority Grant is not repayable, except as clause 6.8, clause 13 and clause 22.5 provide." in text  # r24 ci-fresh 2
    assert "Investor means Heartwood and any person that becomes bound as an Investor under clause 10.7" in text


def test_without_an_investor_charge_the_investor_is_the_named_investor(catalogue):
    """Quiet: with no Investor Charge there is no transfer paragraph, and the definition names Heartwood only."""
    doc = document_of(catalogue, KENMOOR.replace("  investor_charge: true\n", "  investor_charge: false\n")
                .replace("  priority_deed: true\n", "  priority_deed: false\n"))
    assert "becomes bound as an Investor under" not in all_text(doc)


def test_permitted_disposals_follow_the_letting_clause_and_include_the_authority_charge(catalogue):
    """r21 ci-fresh finding 9: with no licensed homes the Permitted Disposals allow a tenancy only, as the nominations clause
    does; the Authority Charge and supplemental deeds to either charge are Permitted Disposals."""
    text = clause_text(document_of(catalogue, KENMOOR), "co-investment.disposal")
    assert "- a tenancy of a home granted in accordance with" in text or "a tenancy of a home granted in accordance with" in text
    assert "tenancy or licence" not in text
    assert "an Investor Charge, the Authority Charge or a supplemental deed to either, granted in accordance with" in text


def test_without_an_authority_charge_only_the_investor_charge_is_listed(catalogue):
    """Quiet: with no charge to the Council, the list names the Investor Charge only."""
    doc = document_of(catalogue, KENMOOR.replace("  authority_charge: true ", "  authority_charge: false "))
    text = clause_text(doc, "co-investment.disposal")
    assert "an Investor Charge granted in accordance with" in text and "Authority Charge" not in text


def test_where_enforcement_is_already_a_clawback_event_the_sale_limb_covers_insolvency_only(catalogue):
    """Quiet (r21 ci-fresh finding 3): with the Council's charge ranking first, an Investor's step to enforce is already a
    Clawback Event, so the sale limb adds only a sale by an administrator or liquidator (no second event)."""
    doc = document_of(catalogue, KENMOOR.replace("  security_ranking: investor-first\n", "  security_ranking: authority-first\n"))
    text = clause_text(doc, "co-investment.clawback")
    assert "is sold or otherwise disposed of by an administrator or liquidator of Threshold;" in text
    assert "takes any step to enforce its Investor Charge" in text


def test_charges_and_option_over_each_transferred_property_on_its_transfer_date(homes_draft):
    """r21 ci-sample findings 8, 9: clause 8 lets a property be transferred after the Completion Date, so the Investor Charges and
    the Authority Option attach to each Transferred Property on its Transfer Date; registration is in one
    application in the order of clause 10 and Schedule 7 (transfer, charges, then the restriction)."""
    sec = clause_text(homes_draft, "co-investment.security")
    assert "an Investor Charge over each Transferred Property on its Transfer Date, whether or not" in sec
    assert "held on the Completion Date" not in sec
    assert "the Authority Option over each Transferred Property on its Transfer Date" in \
        clause_text(homes_draft, "co-investment.end-of-term")
    # r24 ci-sample 1: an option at less than market value is signed after the Charity Commission order
    assert "signed within ten Business Days after the order applied for under clause 3.3 is made" in \
        clause_text(homes_draft, "co-investment.schedule-agreed-forms")
    assert ("in one application and in this order, to register the Transfer of each Transferred Property, each "
            "Investor Charge over it and then the Authority Restriction") in clause_text(homes_draft, "co-investment.asset-transfer")


def test_no_transferred_property_keeps_the_completion_date(catalogue):
    """Quiet: a sheet whose Council contributes only cash has no Transfer Date: the charge and option wording for
    properties held at completion is unchanged."""
    text = LEASE
    d = document_of(catalogue, text)
    assert "on its Transfer Date, whether or not" not in "\n".join(clause_text(d, c.id) for c in d.all_clauses())


def test_registration_order_places_the_authority_charge_by_its_rank(wellgate_draft):
    """r22 ci-fresh finding 1: the single application lists the Council's charge between the senior and the junior Investor
    Charge, and the priority period of the Council's own search is protected too."""
    t = clause_text(wellgate_draft, "co-investment.asset-transfer", flat=True)
    assert ("the Transfer of each Transferred Property, the Investor Charge of Beacon over it, the Authority Charge, "
            "the Investor Charge of the Foundation and then the Authority Restriction") in t
    assert "official searches of the Investors and the Council" in t
    s = clause_text(wellgate_draft, "co-investment.security", flat=True)
    assert "register each Investor Charge and the Authority Charge over a Transferred Property before" in s
    assert "the Authority Charge next, and the Investor Charge of the Foundation after the Authority Charge" in s


def test_authority_and_refinancing_charges_are_permitted_disposals(wellgate_draft):
    """r22 ci-fresh finding 2: the Council's own charge and a charge securing a borrowing every Party consented to are Permitted
    Disposals, so neither is a Clawback Event."""
    t = clause_text(wellgate_draft, "co-investment.disposal", flat=True)
    assert "an Investor Charge, the Authority Charge or a supplemental deed to either, granted in accordance" in t
    assert "a charge securing a borrowing to which every Party has consented under clause" in t


def test_no_authority_charge_no_authority_charge_in_registration(catalogue):
    """Quiet: the sample (investor-first, no Council charge) lists only the Investor Charges."""
    d = document_of(catalogue, HOMES)
    t = clause_text(d, "co-investment.asset-transfer", flat=True)
    assert "Authority Charge" not in t
    assert "official searches of the Investors." in t or "official searches of the Investor." in t
    assert "the Authority Charge" not in clause_text(d, "co-investment.disposal", flat=True)


def test_restriction_schedules_name_the_authority_charge(wellgate_draft):
    """r22 ci-fresh finding 14: Schedules 6 and 7 list the Authority Charge by its defined term among the charges lodged before the
    restriction."""
    assert "the Transfer and each Investor Charge and the Authority Charge over that property" in clause_text(
        wellgate_draft, "co-investment.schedule-restriction", flat=True)
    assert "the Investor Charges and the Authority Charge and listed after them" in clause_text(
        wellgate_draft, "co-investment.schedule-agreed-forms", flat=True)


def test_option_over_charity_land_is_granted_after_the_commission_order(homes_draft):
    """r24 ci-sample finding 1: the option at Market Value less the contribution needs a Charity Commission order
    (Charities Act 2011 s.117(1)), so nothing signs or registers it on the Transfer Date: 8.5 leaves out the notice,
    28.2 is subject to the conditional grant, Sch 8 para 6 signs the deed after the order, and the note recommends
    reserving the option in each Transfer."""
    t = clause_text(homes_draft, "co-investment.asset-transfer", flat=True)
    assert "(with the notice of the Authority Option)" not in t
    assert "The notice of the Authority Option is applied for as clause 28 provides, once" in t
    e = clause_text(homes_draft, "co-investment.end-of-term", flat=True)
    assert "Subject to clause 28.3 and clause 28.4, the Charity must grant the Council" in e
    s = clause_text(homes_draft, "co-investment.schedule-agreed-forms", flat=True)
    assert "signed within ten Business Days after the order applied for under clause 3.3 is made" in s
    assert "signed on the first Transfer Date" not in s
    assert "below the best terms reasonably obtainable, which section 117(1) allows only with an order" in s
    n = flat(note(homes_draft, "co-investment.end-of-term"))
    assert "Recommend to the Council that the option over the eight Transferred Properties be reserved" in n
    assert "granted by deed on completion" not in n


def test_option_at_a_full_price_keeps_the_completion_timetable(catalogue):
    """Quiet: an option price that does not deduct the contribution needs no order, so the option is granted and noted
    on the Transfer Date as before."""
    d = document_of(catalogue, HOMES.replace("option_less_contribution: true", "option_less_contribution: false"))
    t = clause_text(d, "co-investment.asset-transfer", flat=True)
    assert "(with the notice of the Authority Option)" in t
    assert "The notice of the Authority Option is applied for as clause" not in t
    assert "Subject to clause" not in clause_text(d, "co-investment.end-of-term", flat=True)
    s = clause_text(d, "co-investment.schedule-agreed-forms", flat=True)
    assert "signed on the first Transfer Date" in s
    assert "Recommend to the Council" not in flat(note(d, "co-investment.end-of-term"))


def test_a_property_substituted_under_the_reinvestment_clause_takes_over_the_clawback_period(homes_draft):
    """r24 ci-sample finding 9: the Asset Clawback Period covers both a replacement home bought under the disposal
    clause and a property substituted under the clawback reinvestment sub-clause."""
    t = clause_text(homes_draft, "common.definitions", flat=True)
    assert ("a home bought to replace another under clause 14 takes over the rest of the period of the home it "
            "replaces, and a property that becomes a Partnership Property under clause 13.6 takes over the rest of the "
            "period of the property it replaces") in t


def test_each_home_is_tested_against_a_permitted_use_for_an_eligible_person(skelmore_draft):
    """r24 ci-fresh finding 1: the use covenant, asset lock and clawback trigger test each home against a Permitted
    Use (let to an Eligible Person), not a purpose describing all eight homes; a home waiting for the Council's
    nomination is not a Clawback Event."""
    d = clause_text(skelmore_draft, "common.definitions", flat=True)
    assert "Eligible Person means an adult with a learning disability, an autistic adult, or both" in d
    assert "Permitted Use means the use of a home as a home let, on a tenancy granted in accordance with clause 9, to an Eligible Person" in d
    n = clause_text(skelmore_draft, "co-investment.nominations", flat=True)
    assert "within twenty Business Days after being told, nominate an Eligible Person." in n
    assert "the Society may let the home to an Eligible Person, after telling the Council" in n
    assert "A home does not stop being used for the Permitted Use" in n and "stops being an Eligible Person" in n
    c = clause_text(skelmore_draft, "co-investment.clawback", flat=True)
    assert "stops being used for the Permitted Use for more than six months" in c
    assert "or is waiting for the Council to nominate or to answer a proposed letting, under clause 9" in c
    assert "the Society must hold it for the Permitted Use." in clause_text(skelmore_draft, "co-investment.disposal", flat=True)


def test_temporary_accommodation_keeps_the_partnership_purpose(catalogue):
    """Quiet: homes used as temporary accommodation (the r23 Tamsford sheet) have no single-tenant Permitted Use."""
    text = TAMSFORD
    d = document_of(catalogue, text)
    assert "Permitted Use" not in clause_text(d, "common.definitions", flat=True)
    assert "stops being used for the Partnership Purpose" in clause_text(d, "co-investment.clawback", flat=True)


def test_proceeds_of_a_home_pay_its_release_amount(skelmore_draft):
    """r24 ci-fresh finding 8: the net proceeds of a home sold and not reinvested repay the Investor the home's
    Release Amount (its Market Value share of what the charge secures), not an undefined 'part attributable'."""
    t = clause_text(skelmore_draft, "co-investment.disposal", flat=True)
    assert "the Release Amount of that home" in t
    assert "attributable to that home" not in t
    assert "Release Amount means for a home charged by the Investor Charges" in clause_text(skelmore_draft, "common.definitions", flat=True)


def test_the_councils_charge_is_called_the_authority_charge(skelmore_draft, homes_draft):
    """r24 ci-fresh finding 13: where the Authority Charge is defined, the operative text uses that name; the sample,
    which has no Authority Charge, keeps its wording."""
    assert "free from any charge other than an Investor Charge and the Authority Charge" in flat(
        clause_text(skelmore_draft, "co-investment.acquisition"))
    assert "the Authority Charge and each Investor Charge over the home sold" in flat(
        clause_text(skelmore_draft, "co-investment.disposal"))
    assert "the Council must release the Authority Charge over each Partnership Property transferred" in flat(
        clause_text(skelmore_draft, "co-investment.default-termination"))
    assert "Authority Charge" not in clause_text(homes_draft, "co-investment.acquisition", flat=True)


def test_permitted_disposal_use_is_not_a_clawback_event(wealdshire_draft):
    """r25 ci-fresh finding 4: a permitted lease (the training flat) takes the flat out of the Permitted Use, so neither
    the six-month clawback event nor the asset-lock use covenant may treat that use as a breach."""
    c = clause_text(wealdshire_draft, "co-investment.clawback", flat=True)
    assert "or while all or part of it is used as a Permitted Disposal allows; or" in c
    d = clause_text(wealdshire_draft, "co-investment.disposal", flat=True)
    assert "must hold it for the Permitted Use, except for any part of it used as a Permitted Disposal allows." in d


def test_no_permitted_disposals_no_exception(catalogue):
    """Quiet: with no listed Permitted Disposals the clawback event and the use covenant have no exception."""
    sheet = WEALDSHIRE.replace("  permitted:\n    - a lease of a flat to the Council for use as a training flat for care "
                               "leavers, for no more than three years\n", "")
    d = document_of(catalogue, sheet)
    assert "Permitted Disposal allows" not in clause_text(d, "co-investment.clawback", flat=True)
    assert "Permitted Disposal allows" not in clause_text(d, "co-investment.disposal", flat=True)
