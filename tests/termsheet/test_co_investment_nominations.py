"""How the nominations clause words who nominates and who may be nominated (r18b ci-fresh findings 9, 10, 14)."""

from assembler.termsheet.co_investment import Nominations

FAMILIES = ("a household with at least one dependent child to whom the Council owes the main housing duty under "
            "section 193 of the Housing Act 1996, living in temporary accommodation")


def test_a_service_that_nominates_becomes_the_authority_acting_through_it():
    n = Nominations(percentage=100, eligible=FAMILIES,
                    nominated_by="whom the Council's Housing Needs and Temporary Accommodation Service nominates")
    assert n.acting_through == "its Housing Needs and Temporary Accommodation Service"
    assert n.nominee == "household"
    assert n.nomination_words == FAMILIES  # no "a person whom ... nominates, who must be a household"
    assert n.for_families and n.homelessness and not n.work_based


def test_a_source_that_is_not_a_nomination_is_kept():
    n = Nominations(percentage=100, nominated_by="whom its leaving care service approves",
                    eligible="a young person aged 18 to 24 leaving the Council's care")
    assert n.acting_through is None
    assert n.nominee == "person"
    assert n.nomination_words == ("a person whom its leaving care service approves, who must be a young person aged "
                                  "18 to 24 leaving the Council's care")
    assert not n.for_families and not n.homelessness


def test_defaults_read_as_before():
    n = Nominations(percentage=75)
    assert n.acting_through is None and n.nominee == "household"
    assert n.nomination_words == "a household from its housing register"
    assert not n.for_families and not n.work_based


def test_key_worker_eligibility_is_work_based():
    n = Nominations(percentage=100, eligible="a key worker employed by the NHS trust or the Council")
    assert n.work_based and not n.for_families


def test_subsidy_reasons_leave_out_words_that_restate_the_route():
    import datetime as dt
    from assembler.termsheet.co_investment import Subsidy
    s = Subsidy(route="assessed", decision_date=dt.date(2026, 11, 12), rationale=(
        "the £4,600,000 grant exceeds minimal financial assistance; the Council assessed it against the subsidy "
        "control principles: it meets a shortage of homes, and the rents are capped."))
    assert s.reasons == "the assistance meets a shortage of homes, and the rents are capped"
    # the safe deadline: the last day of the three months beginning with the confirmation
    assert s.database_due(3) == dt.date(2027, 2, 11)
    plain = Subsidy(route="not_a_subsidy", rationale="the terms are those a market investor would accept")
    assert plain.reasons == "the terms are those a market investor would accept"


def test_thin_all_in_cap_makes_charities_relief_advice_a_pre_exchange_step(catalogue):
    """r18b ci-fresh finding 7: £85,000 price cap, £100,000 all-in cap, £4,250 of tax at the higher rates: £10,750 left
    for fees and works, so the tax clause makes advice on charities relief a step before the first exchange; with a £75,000 price cap
    (£21,250 left) it does not."""
    from assembler.assemble import assemble
    from assembler.writers.text import to_text
    from tests.rules.helpers import RULES_DATE
    from tests.rules.test_co_investment_rules import HOMES, sheet_from

    from tests.families.test_co_investment import clause

    doc = assemble(sheet_from(HOMES, catalogue), catalogue, today=RULES_DATE).document
    text, note = to_text(doc), " ".join(clause(doc, "co-investment.tax").note.split())
    assert "At the price cap the tax leaves £10,750 of the £100,000 all-in cost cap" in note
    # r22 ci-sample 10: £10,750 still left after the tax is a tighter cap, not an unworkable one
    assert "the cap is materially tighter without charities relief, so the programme depends on it" in note
    assert "Before it exchanges contracts to buy its first Acquired Home, the Charity must give" in text

    roomy = assemble(sheet_from(HOMES, catalogue, lambda d: d["acquisition"].update(price_cap="75,000")),
                     catalogue, today=RULES_DATE).document
    assert "Before it exchanges contracts to buy its first Acquired Home" not in to_text(roomy)
    assert "Check that the £100,000 all-in cost cap allows for it" in " ".join(clause(roomy, "co-investment.tax").note.split())
