"""r21 ci-fresh review (Kenmoor: a CIO buying step-down homes, one investor, exempt accommodation, support provided
by the charity itself under the Council's supported living contract): findings the ci17 lane fixed, each with a
firing case on the reviewed sheet and a quiet case on a sheet without the fact."""

from __future__ import annotations

from pathlib import Path

from tests.families.clause_texts import document_of, clause_text, note

KENMOOR = Path(__file__).parent / "fixtures" / "co-investment-kenmoor-r21.yaml"
TEXT = KENMOOR.read_text(encoding="utf-8")
OWN_SUPPORT = "  support_contract:\n    provider: delivery\n    title: supported living contract\n"


def draft(catalogue, text: str = TEXT):
    return document_of(catalogue, text)


def everything(doc) -> str:
    return "\n".join(clause_text(doc, c.id) + "\n" + (c.note or "") for c in doc.all_clauses())


def test_support_provided_by_the_charity_under_the_support_contract(catalogue):
    """Finding 1: where Threshold itself provides the support under the Council's contract, clause 16 requires it to
    provide that support (no unfunded support 'in addition'), the Support Contract is defined and a copy is a
    Completion Condition; the note no longer suggests a third-party provider."""
    doc = draft(catalogue)
    ops = clause_text(doc, "co-investment.operations")
    assert "Threshold must itself provide to each tenant of a home the care, support or supervision that it provides " \
           "under the Support Contract, or under any contract or arrangement that replaces it, so that each home is " \
           "exempt accommodation" in ops
    assert "in addition to" not in ops and "procure that a person acting on its behalf" not in ops
    text = everything(doc)
    assert "Support Contract means the supported living contract between the Council and Threshold" in text
    assert "a copy of the Support Contract as in force" in clause_text(doc, "co-investment.conditions-precedent")
    n = note(doc, "co-investment.operations")
    assert "Threshold itself provides the support under the Support Contract" in n
    assert "may not count as provided" not in n


def test_support_by_another_provider_keeps_the_procure_route(catalogue):
    """Quiet: without the support_contract field (or with provider: other) the clause keeps the route of a person
    acting on the charity's behalf and no Support Contract is defined."""
    for text in (TEXT.replace(OWN_SUPPORT, ""), TEXT.replace("provider: delivery", "provider: other")):
        doc = draft(catalogue, text)
        ops = clause_text(doc, "co-investment.operations")
        assert "procure that a person acting on its behalf" in ops
        if "provider: other" not in text:  # r24 ci-fresh 5: another provider's contract is named as the Support Contract
            assert "Support Contract" not in everything(doc)


def test_rent_confirmation_is_a_condition_and_the_support_contract_ending_is_handled(catalogue):
    """Finding 2: the rent agreed in principle only becomes a Completion Condition at the sheet's rent; the Support
    Contract ending or being procured again brings notice and a Board meeting, without fettering the Council; the
    note says the Investor takes the Housing Benefit and commissioning risk."""
    doc = draft(catalogue)
    cp = clause_text(doc, "co-investment.conditions-precedent")
    assert "the Council's Housing Benefit service has confirmed in writing that, on the information then available, " \
           "it expects to treat as reasonable for each home as exempt accommodation a rent and eligible service " \
           "charges of no less than £198.50 a week for a one-bedroom home" in cp  # r24 ci-fresh 6
    ops = clause_text(doc, "co-investment.operations")
    assert "The Council must tell the other Parties in writing at least six months before the Support Contract ends" in ops
    assert "Nothing in this clause fetters the Council's procurement or commissioning decisions." in ops
    n = note(doc, "co-investment.operations")
    assert "the Investor takes the Housing Benefit and commissioning risk" in n
    assert "The rent is agreed in principle only" in n


def test_rent_confirmed_and_no_support_contract_stay_quiet(catalogue):
    """Quiet: a confirmed rent (the default) adds no condition; without a Support Contract there is no clause on its
    ending and no commissioning-risk note."""
    doc = draft(catalogue, TEXT.replace("  rent_confirmed: false", "  rent_confirmed: true").replace(OWN_SUPPORT, ""))
    assert "Housing Benefit service has confirmed in writing" not in clause_text(doc, "co-investment.conditions-precedent")
    assert "six months before" not in clause_text(doc, "co-investment.operations")
    assert "commissioning risk" not in note(doc, "co-investment.operations")


def test_an_enforcement_or_insolvency_sale_is_a_clawback_event(catalogue):
    """Finding 3: a sale by the Investor, a receiver, a mortgagee in possession or an insolvency officeholder is a
    Clawback Event, so the Council's second charge secures the clawback; the buyer's release stays."""
    doc = draft(catalogue)
    text = clause_text(doc, "co-investment.clawback")
    assert "is sold or otherwise disposed of by an Investor, a receiver, a mortgagee in possession or any other person " \
           "enforcing a charge over it, or by an administrator or liquidator of Threshold;" in text
    assert "No Clawback Amount is payable by, and the clawback does not bind, an Investor" in text


def test_without_an_investor_charge_the_sale_limb_names_no_investor(catalogue):
    """Quiet: with no Investor Charge the limb speaks of receivers and insolvency officeholders only."""
    doc = draft(catalogue, TEXT.replace("  investor_charge: true\n", "  investor_charge: false\n")
                .replace("  priority_deed: true\n", "  priority_deed: false\n"))
    text = clause_text(doc, "co-investment.clawback")
    assert "is sold or otherwise disposed of by a receiver, a mortgagee in possession" in text
    assert "disposed of by an Investor" not in text


def test_a_stress_cover_just_under_the_covenant_is_counted_and_shown_exactly(catalogue):
    """Finding 4: voids at 10% gives cover of 1.197, which rounds to 1.20 but fails 1.2: the note shows 1.197 and
    counts all six stress cases as below the covenant."""
    n = note(draft(catalogue), "co-investment.financial-covenants")
    assert "voids and bad debt at 10% 1.197;" in n
    assert "All six of these are below 1.2" in n


def test_stress_covers_clear_of_the_covenant_print_to_two_places(catalogue):
    """Quiet: with a lower covenant the cases are printed to two places and only those below it (five) are counted."""
    n = note(draft(catalogue, TEXT.replace("  min_dscr: 1.2\n", "  min_dscr: 1.1\n")), "co-investment.financial-covenants")
    assert "voids and bad debt at 10% 1.2;" in n and "1.197" not in n
    assert "Five of these are below 1.1" in n


def test_full_clawback_chosen_by_the_sheet_is_not_called_unagreed(catalogue):
    """Finding 5: the sheet sets clawback_basis: full, so the note does not call it 'not an agreed term' or offer a
    taper; it flags only the equal division of the grant (£83,333.33 a home) as the draft's assumption."""
    n = note(draft(catalogue), "co-investment.clawback")
    assert "not an agreed term" not in n and "taper" not in n
    assert "The instructions choose it. Dividing the Authority Grant equally between the homes bought is this " \
           "draft's assumption" in n and "£83,333.33" in n


def test_full_clawback_by_default_is_flagged_as_unagreed(catalogue):
    """Quiet: where the sheet leaves the position out, the standard (full) is flagged and a taper offered."""
    n = note(draft(catalogue, TEXT.replace("  clawback_basis: full\n", "")), "co-investment.clawback")
    assert "unless the parties chose it, it is not an agreed term" in n and "taper" in n


def test_grant_repayment_points_to_the_recovery_clause_and_investor_covers_transferees(catalogue):
    """Findings 7 and 8: clause 5.10 names the subsidy recovery paragraph, not the default clause; the Investor
    definition takes in a transferee bound under the transfer paragraph of the security clause."""
    doc = draft(catalogue)
    text = everything(doc)
    assert "The Authority Grant is not repayable, except as clause 6.8, clause 13 and clause 22.5 provide." in text  # r24 ci-fresh 2
    assert "Investor means Heartwood and any person that becomes bound as an Investor under clause 10.7" in text


def test_without_an_investor_charge_the_investor_is_the_named_investor(catalogue):
    """Quiet: with no Investor Charge there is no transfer paragraph, and the definition names Heartwood only."""
    doc = draft(catalogue, TEXT.replace("  investor_charge: true\n", "  investor_charge: false\n")
                .replace("  priority_deed: true\n", "  priority_deed: false\n"))
    assert "becomes bound as an Investor under" not in everything(doc)


def test_permitted_disposals_follow_the_letting_clause_and_include_the_authority_charge(catalogue):
    """Finding 9: with no licensed homes the Permitted Disposals allow a tenancy only, as the nominations clause
    does; the Authority Charge and supplemental deeds to either charge are Permitted Disposals."""
    text = clause_text(draft(catalogue), "co-investment.disposal")
    assert "- a tenancy of a home granted in accordance with" in text or "a tenancy of a home granted in accordance with" in text
    assert "tenancy or licence" not in text
    assert "an Investor Charge, the Authority Charge or a supplemental deed to either, granted in accordance with" in text


def test_without_an_authority_charge_only_the_investor_charge_is_listed(catalogue):
    """Quiet: with no charge to the Council, the list names the Investor Charge only."""
    doc = draft(catalogue, TEXT.replace("  authority_charge: true ", "  authority_charge: false "))
    text = clause_text(doc, "co-investment.disposal")
    assert "an Investor Charge granted in accordance with" in text and "Authority Charge" not in text


def test_where_enforcement_is_already_a_clawback_event_the_sale_limb_covers_insolvency_only(catalogue):
    """Quiet (finding 3): with the Council's charge ranking first, an Investor's step to enforce is already a
    Clawback Event, so the sale limb adds only a sale by an administrator or liquidator (no second event)."""
    doc = draft(catalogue, TEXT.replace("  security_ranking: investor-first\n", "  security_ranking: authority-first\n"))
    text = clause_text(doc, "co-investment.clawback")
    assert "is sold or otherwise disposed of by an administrator or liquidator of Threshold;" in text
    assert "takes any step to enforce its Investor Charge" in text


def test_a_cio_certifies_by_two_charity_trustees(catalogue):
    """Finding 13: a CIO has charity trustees, not directors: the covenant certificate is signed by two of them."""
    doc = draft(catalogue)
    assert "two of its charity trustees" in clause_text(doc, "co-investment.financial-covenants")
    assert "directors or trustees" not in everything(doc)


def test_a_charitable_company_keeps_directors_or_trustees(catalogue):
    """Quiet: a charitable company's certificate is still signed by two of its directors or trustees."""
    doc = draft(catalogue, TEXT.replace("  legal_form: cio\n", "  legal_form: charitable_company\n  company_number: \"09876543\"\n", 1))
    assert "two of its directors or trustees" in clause_text(doc, "co-investment.financial-covenants")


def test_force_majeure_takes_effect_on_signing(catalogue):
    """Finding 21: the force majeure clause is among the provisions that take effect on the date of the Agreement,
    since the clauses in force from signing rely on it."""
    doc = draft(catalogue)
    cp = clause_text(doc, "co-investment.conditions-precedent")
    fm = next(c for c in doc.all_clauses() if c.id == "common.force-majeure")
    assert f"clause {fm.number}" in cp.split("take effect on the date of this Agreement")[0]


def test_contribution_is_cash_where_no_property_is_contributed(catalogue):
    """Finding 20: no property is contributed, so a Contribution is a contribution of cash."""
    assert "Contribution means each contribution of cash to the Partnership" in everything(draft(catalogue))


def test_contribution_includes_property_where_a_property_is_contributed(catalogue):
    """Quiet: the Birchfield sheet contributes a council building, so the definition keeps 'cash or property'."""
    text = (Path(__file__).parent / "fixtures" / "co-investment-birchfield-r20.yaml").read_text(encoding="utf-8")
    assert "Contribution means each contribution of cash or property to the Partnership" in everything(draft(catalogue, text))
