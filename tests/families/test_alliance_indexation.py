"""The alliance's Indexation Increase: every limit the sheet's indexation words give (a cap, a floor) reaches the
operative definition, the Key Information row and the Schedule 5 note (r28 al-fresh finding 1, Harrowdale: CPIH to
the previous November, capped at 4%, with a floor)."""
from __future__ import annotations

import re

from decimal import Decimal
from pathlib import Path

import pytest

from assembler.model import plain_text
from assembler.termsheet.alliance import Alliance, RiskReward
from assembler.termsheet.validate import read_termsheet
from tests.conftest import samples
from tests.families.clause_texts import (
    build,
    clause,
    definition,
    flat,
    flat as _flat,
    flat_note,
    note,
    table_rows,
    text_of,
    variant_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG, ALLIANCE_HARROWDALE, ALLIANCE_LYNMERE_ALH


def test_cap_reaches_the_definition_key_information_and_note(alliance_harrowdale):
    """Finding 1 (firing): the 4% cap is operative in the definition, with the index and month the sheet names;
    the Key Information row states the cap and the floor; the Schedule 5 note describes what the definition says."""
    d = flat(definition(alliance_harrowdale, "Indexation Increase"))
    assert "Consumer Prices Index including owner occupiers' housing costs (CPIH, all items)" in d
    assert "over the 12 months to the November before that Alliance Year begins" in d
    assert d.rstrip(".").endswith("The Indexation Increase for an Alliance Year is never more than 4%")
    row = " ".join(" ".join(r) for r in table_rows(clause(alliance_harrowdale, "alliance.key-information")))
    assert ("Annual Values increased each year by the Indexation Increase (never more than 4%; not reduced when the "
            "index falls)") in flat(row)
    n = flat(clause(alliance_harrowdale, "alliance.schedule-budget").note)
    assert "and a last sentence that it is never more than 4%" in n
    # r31s al-sample finding 12: the floor is in paragraph 2 of the Budget schedule, not in the definition
    assert re.search(r"paragraph 2 of Schedule \d+ keeps each value from falling when the increase is negative", n)


@pytest.mark.parametrize("words, cap, floor, said", [
    ("the percentage increase in CPI in the 12 months to the previous December, capped at 4%", "4", None,
     "more than 4%"),
    ("CPIH in the 12 months to the previous November, with a floor of 1% and a cap of 5.5%", "5.5", "1",
     "less than 1% or more than 5.5%"),
    ("RPI in the 12 months to the previous January, but between 0% and 3%", "3", "0", "less than 0% or more than 3%"),
    ("CPI in the 12 months to the previous December, subject to a maximum of 3%", "3", None, "more than 3%"),
])
def test_limits_are_read_from_the_words(words, cap, floor, said):
    """Finding 1 (firing): each way a sheet words a cap or floor is read."""
    a = Alliance.model_construct(risk_reward=RiskReward.model_construct(indexation=words))
    lim = a.indexation_limits
    assert lim["cap"] == (Decimal(cap) if cap else None)
    assert lim["floor"] == (Decimal(floor) if floor else None)
    assert a.indexation_limit_words == said


@pytest.mark.parametrize("path", samples("alliance"), ids=lambda p: p.stem)
def test_no_limit_sentence_without_a_limit(path, catalogue):
    """Finding 1 (quiet): the samples give no cap or floor, so the definition has no limit sentence."""
    doc = build(path, catalogue).document
    if not any(d.term == "Indexation Increase" for d in doc.definitions):
        return
    assert "is never" not in flat(definition(doc, "Indexation Increase"))


def test_value_row_says_it_is_before_indexation(alliance_harrowdale, catalogue):
    """Finding 14 (firing): £6,800,000 is 4 years at £1,700,000, the first year's Annual Values, so the Key
    Information row says so; (quiet) a sheet without indexation states the value alone."""
    rows = {r[0]: flat(r[1]) for r in table_rows(clause(alliance_harrowdale, "alliance.key-information"))}
    assert rows["Estimated value over the Initial Term"] == (
        "£6,800,000 at the first year's Annual Values, before indexation (£10,200,000 if the Term is extended)")
    plain = build(Path(__file__).parents[2] / "samples" / "alliance" / "mental-health-four-members-varied.yaml",
                  catalogue).document
    rows = {r[0]: flat(r[1]) for r in table_rows(clause(plain, "alliance.key-information"))}
    assert "before indexation" not in rows["Estimated value over the Initial Term"]


def _definitions(doc):
    return _flat(text_of(clause(doc, "common.definitions")))


def test_split_cpi_and_living_wage_index_is_a_formula_per_member(alliance_thornshire):
    """r20 al15: al-fresh 8 (firing): CPI for everything and the National Living Wage rise for the staff cost element where
    higher: the Indexation Increase is one formula per member, weighted by the staff cost share each Annual Plan
    records, and the Annual Value rises by its own Indexation Increase."""
    from assembler.model import plain_text
    defs = {d.term: _flat(plain_text(d.inlines)) for d in alliance_thornshire.definitions}
    text = defs["Indexation Increase"] + " " + _flat(text_of(clause(alliance_thornshire, "alliance.schedule-budget")))
    assert "(S × the greater of C and W) + ((1 − S) × C)" in text
    assert "Consumer Prices Index (CPI, all items)" in text and "12 months to the December before" in text
    assert "national living wage (regulation 4 of the National Minimum Wage Regulations 2015)" in text
    assert "increased by its Indexation Increase for that Alliance Year" in text
    planning = _flat(text_of(clause(alliance_thornshire, "alliance.service-planning")))
    assert "the proportion of each Provider's budget that is staff cost" in planning


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_samples_keep_their_single_indexation(path, catalogue):
    """r20 al15: al-fresh 8 (quiet): the samples' indexation words are not the staff split."""
    doc = build(path, catalogue).document
    planning = _flat(text_of(clause(doc, "alliance.service-planning")))
    assert "that is staff cost" not in planning


def test_notified_uplift_has_no_index_fallback_and_a_default(alliance_mossgate_built):
    """r21 al17: al-fresh 8 (firing): the uplift is a percentage the Lead Commissioner notifies, not a published index: no
    index fallback words, the notice date, and 0% until notified."""
    text = _flat(" ".join(text_of(c) for c in alliance_mossgate_built.document.all_clauses()))
    assert "as notified by the Lead Commissioner by 31 March; the notice must be given in writing to every Alliance Member by 31 March before that Alliance Year starts, and if none is given by then, 0% applies until it is given" in text
    assert "the nearest equivalent index applies" not in text


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_published_index_keeps_its_fallback(path, catalogue):
    """r21 al17: al-fresh 8 (quiet): a sheet that names a published index keeps the first-published and rebasing words."""
    built = build(path, catalogue)
    text = _flat(" ".join(text_of(c) for c in built.document.all_clauses()))
    if "Indexation Increase means" in text and "notified" not in text.split("Indexation Increase means")[1][:300]:
        assert "the nearest equivalent index applies" in text


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_indexation_against_service_contract_prices_is_flagged(path, catalogue):
    """r22 al18: al-sample 6 (firing): indexed Annual Values with separate Service Contracts get a note that the contract
    prices must rise the same way or the Annual Value follow the contract price; quiet: no indexation, or one
    contract (this Agreement is the contract)."""
    built = build(path, catalogue)
    doc = built.document
    note = " ".join((clause(doc, "alliance.schedule-budget").note or "").split())
    flagged = "Check each Service Contract's price review terms" in note
    indexed = "Indexation Increase" in {d.term for d in doc.definitions}
    single = any(c.id == "alliance.structure" and c.variant == "single-contract" for c in doc.all_clauses())
    assert flagged == (indexed and not single)


def test_member_specific_indexation_is_a_formula(alliance_hollinshire):
    """r24 al21: Finding 6 (firing): CPI for every member and, for Brookfield, 70% National Living Wage and 30% CPI, defined as
    a formula rather than the sheet's words, with the reading explained in the budget Schedule note; the clause 13
    note no longer points to an explanation elsewhere (finding 14)."""
    defs = [d for d in alliance_hollinshire.definitions if d.term == "Indexation Increase"]
    text = _flat(plain_text(defs[0].inlines)) if defs else ""
    assert "(a) for each Alliance Member other than Brookfield, the percentage change in the Consumer Prices Index" in text
    assert "(b) for Brookfield, the sum of 70% of the percentage increase in the hourly rate of the national living wage" in text
    assert "and 30% of the percentage under (a)" in text
    assert "weighted at 70%" not in text
    note = flat_note(alliance_hollinshire, "alliance.schedule-budget")
    assert "70% of Brookfield's Annual Value follows the National Living Wage" in note
    assert '"replacement care hours" means the whole of Brookfield\'s Annual Value' in note
    assert "explains how the draft reads the instructions" not in flat_note(alliance_hollinshire, "alliance.risk-reward")


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_member_specific_indexation_without_one(path, catalogue):
    """r24 al21: Finding 6 (quiet): the samples name no member in their indexation words."""
    assert read_termsheet(path, catalogue).model.alliance.indexation_member_split is None


def test_indexation_and_payment_profile_go_into_the_service_contracts(alliance_big, alliance_kingsholt):
    """r25 alB: al-sample findings 2 and 3 (firing): the 3.3 list carries indexation (Sch 5 para 2) and the payment profile
    (clause 12), and clause 12 makes the Commissioner see that each Service Contract carries the sheet's profile."""
    for doc, words in ((alliance_big, "in four equal instalments in advance, on 1 April, 1 July, 1 October and 1 January."),
                       (alliance_kingsholt, "monthly in advance, on the first Business Day of each month, one twelfth of that"
                                   " Provider's Annual Value.")):
        text = _flat(text_of(clause(doc, "alliance.precedence")))
        assert "the increase each Alliance Year of the amount payable under it by the Indexation Increase, as paragraph 2 of Schedule 5 provides;" in text
        # sprint G3 finding 7: the Commissioner pays the profile; the Provider is paid it
        assert re.search(r"the payment to the Provider of its Annual Value by the Commissioner(?: that is party to it)? "
                         r"at the times set out in clause 12\.", text)
        plan = _flat(text_of(clause(doc, "alliance.service-planning")))
        # r31 al-fresh finding 7: a duty to see that each Service Contract carries the profile, not a promise to pay
        assert ("The Commissioner must ensure that each Service Contract provides for the Provider to be paid its Annual Value"
                " for each Alliance Year " + words + " The right to that payment arises under the Service Contract, not under"
                " this Agreement.") in plan
        assert "to each Provider under its Service Contract monthly" not in plan
        budget = _flat(text_of(clause(doc, "alliance.schedule-budget")))
        # r36 al-fresh finding 12: a duty on what the Service Contract says, not a promise to pay under this Agreement
        assert ("The Commissioner must ensure that each Provider's Service Contract provides for that Provider to be paid its"
                " increased Annual Value") in budget
        assert "must pay each Provider its increased" not in budget
        assert "each Service Contract must provide for the same increase in what" not in budget


def test_indexation_staff_element_in_brackets_is_a_weighted_formula(alliance_stainmoor):
    """r26 alF: al-fresh 9 (firing): "the staff element (70%) uplifted instead by the NLW" becomes 30% CPI + 70% NLW, with the
    NLW rate in force on the first day of the Alliance Year and the result rounded."""
    d = next(x for x in alliance_stainmoor.definitions if x.term == "Indexation Increase")
    from assembler.model import plain_text
    text = plain_text(d.inlines)
    assert "the sum of (a) 30% of the percentage change in the Consumer Prices Index (CPI, all items)" in text
    assert "(b) 70% of the percentage increase in the hourly rate of the national living wage" in text
    assert "rounded to two decimal places" in text
    assert "uplifted instead" not in text


def test_indexation_single_index_unchanged(alliance_big):
    """r26 alF: al-fresh 9 (quiet): a single price index is defined as before, with no weights or rounding words."""
    d = next(x for x in alliance_big.definitions if x.term == "Indexation Increase")
    from assembler.model import plain_text
    text = plain_text(d.inlines)
    assert "the sum of" not in text and "rounded to two decimal places" not in text


def test_member_index_for_the_whole_value(alliance_lynmere_alh):
    """r27 alH: Finding 1 (firing): "CPI ..., or for the Trust the NHS payment scheme cost uplift factor" indexes the Trust by
    the NHS Payment Scheme and every other member by CPI, and the Schedule 5 note says so."""
    text = _definitions(alliance_lynmere_alh)
    assert "(a) for each Alliance Member other than the Trust, the percentage change in the Consumer Prices Index" in text
    assert "(b) for the Trust, the cost uplift factor published by NHS England in the NHS Payment Scheme" in text
    assert "[before] [after] the efficiency factor is applied" in text
    note = flat_note(alliance_lynmere_alh, "alliance.schedule-budget")
    assert "paragraph (b) indexes the whole of the Trust's Annual Value by the NHS Payment Scheme cost uplift factor" in note
    assert "before or after the efficiency factor" in note


def test_member_index_named_by_another_price_index(catalogue):
    """r27 alH: Finding 1 (generalised): any "or for <member> <index>" gives that member the other index."""
    doc = variant_of(catalogue, ALLIANCE_LYNMERE_ALH, "or for the Trust the NHS payment scheme cost uplift factor for that year",
                   "or for Common Ground the Retail Prices Index over the same 12 months")
    text = _definitions(doc)
    assert "(a) for each Alliance Member other than Common Ground, the percentage change in the Consumer Prices Index" in text
    assert "(b) for Common Ground, the percentage change in the Retail Prices Index (RPI, all items)" in text


def test_no_member_index_for_a_plain_index(catalogue):
    """r27 alH: Finding 1 (quiet): plain CPI words give one index for every member."""
    doc = variant_of(catalogue, ALLIANCE_LYNMERE_ALH, ", or for the Trust the NHS payment scheme cost uplift factor for that year", "")
    text = _definitions(doc)
    assert "Alliance Member other than" not in text
    assert "NHS Payment Scheme" not in flat_note(doc, "alliance.schedule-budget")


CASTLEBRIDGE = Path(__file__).parent / "fixtures" / "alliance-castlebridge-r29.yaml"


def test_weighted_pay_award_reaches_the_definition_and_note(catalogue):
    """r29 al-fresh finding 1 (firing): 70% of the JNC pay award and 30% of CPI, capped at 5%, reach the definition
    as a formula with the pay award's reference point in brackets and a late-award rule; the Key Information row
    keeps the cap; the Schedule 5 note describes the pay award limb."""
    doc = build(CASTLEBRIDGE, catalogue).document
    d = flat(definition(doc, "Indexation Increase"))
    assert ("the sum of (a) 70% of the percentage pay award under the Joint Negotiating Committee for Youth and "
            "Community Workers for the latest pay year that began on or before the first day of that Alliance Year") in d
    assert "[the mid-point of the scale] [the average across the scale]" in d
    assert ("(b) 30% of the percentage change in the Consumer Prices Index (CPI, all items) published by the Office "
            "for National Statistics over the 12 months to the December before that Alliance Year begins") in d
    assert "The Indexation Increase for an Alliance Year is never more than 5%" in d
    # r38d al-edge finding 2: a late award's difference is settled under the Service Contracts, not paid under this
    # Agreement by no one in particular
    assert "the difference in the price payable is paid or credited under each Provider's Service Contract" in d
    assert "must be paid within 30 days after the award is agreed" not in d
    row = " ".join(" ".join(r) for r in table_rows(clause(doc, "alliance.key-information")))
    assert "increased each year by the Indexation Increase (never more than 5%" in flat(row)
    n = flat(clause(doc, "alliance.schedule-budget").note)
    assert "each measure, the figure compared and the share of the Annual Value it applies to" in n
    assert "flat-cash on the lower points" in n
    assert "series identifier for the price index named" in n


@pytest.mark.parametrize("path", samples("alliance") + [ALLIANCE_HARROWDALE], ids=lambda p: p.stem)
def test_no_pay_award_limb_without_one(path, catalogue):
    """r29 al-fresh finding 1 (quiet): a sheet whose index names no pay award has no pay award limb or late-award
    sentence."""
    doc = build(path, catalogue).document
    if not any(d.term == "Indexation Increase" for d in doc.definitions):
        return
    d = flat(definition(doc, "Indexation Increase"))
    assert "pay award" not in d and "mid-point of the scale" not in d
    assert "flat-cash" not in flat(clause(doc, "alliance.schedule-budget").note)


def test_two_shares_with_known_indices_keep_the_general_reading():
    """r29 al-fresh finding 1 (quiet): two shares of known indices are not read as a named measure."""
    a = Alliance.model_construct(risk_reward=RiskReward.model_construct(
        indexation="CPI in the 12 months to the previous December (for 60% of the Annual Value) and the National "
                   "Living Wage (for 40% of the Annual Value)"))
    assert a._indexation_weighted_parts(a.risk_reward.indexation) is None
    assert a.indexation_pay_award is None


def test_indexation_by_a_grant_allocation_has_no_index_words(catalogue):
    """r31 al-fresh finding 11 (firing): where the uplift follows a grant allocation, not a published index, the definition
    compares like with like and carries no index-rebasing words, and the Schedule 5 note asks about the allocation, not
    a series identifier. Quiet: a CPI uplift keeps the index words."""
    cpi = "    indexation: the percentage increase in the Consumer Prices Index (CPI) in the 12 months to the previous December\n"
    grant = "    indexation: the percentage increase in the Council's public health grant allocation for that year over the previous year's\n"
    doc = variant_of(catalogue, ALLIANCE_BIG, cpi, grant)
    words = definition(doc, "Indexation Increase")
    assert "comparing like with like" in words and "leaving out of both years any grant consolidated into it" in words
    assert "index is rebased" not in words
    n = note(doc, "alliance.schedule-budget")
    assert "follows a grant allocation, not a published price index" in n and "series identifier" not in n
    quiet = variant_of(catalogue, ALLIANCE_BIG, cpi, cpi)
    assert "index is rebased" in definition(quiet, "Indexation Increase")
    assert "comparing like with like" not in definition(quiet, "Indexation Increase")


_BCF_CAP = ("the percentage increase in the Consumer Prices Index (CPI) in the 12 months to the previous September, "
            "but no more than the percentage uplift in the NHS minimum contribution to the Better Care Fund for that "
            "year under the Better Care Fund policy framework")


def _harrowdale_indexed_by(words: str) -> str:
    text = ALLIANCE_HARROWDALE.read_text()
    old = ("      the percentage increase in the Consumer Prices Index including owner occupiers' housing costs\n"
           "      (CPIH) in the 12 months to the previous November, capped at 4%\n")
    assert old in text
    return text.replace(old, "      " + words + "\n")


def test_a_cap_by_another_measure_is_the_lower_of_the_two(catalogue):
    """r34 al-fresh2 finding 1 (firing): CPI 'but no more than' the BCF NHS minimum contribution uplift makes the
    Indexation Increase the lower of the two, with the CPI figure applying until the capping figure is published;
    the Key Information row states the cap and the Schedule 5 note describes it (not 'restates' a CPI-only formula)."""
    from tests.families.clause_texts import document_of
    doc = document_of(catalogue, _harrowdale_indexed_by(_BCF_CAP))
    d = definition(doc, "Indexation Increase")
    assert d.startswith("for an Alliance Year, the lower of (a) the percentage change in the Consumer Prices Index (CPI, all items)")
    assert "over the 12 months to the September before that Alliance Year begins; and (b) the percentage uplift in the NHS minimum contribution" in d
    assert "Where the figure under (b) for an Alliance Year has not been published when that Alliance Year begins, the percentage under (a) applies until it is published" in d
    row = " ".join(" ".join(r) for r in table_rows(clause(doc, "alliance.key-information")))
    assert "(never more than the percentage uplift in the NHS minimum contribution to the Better Care Fund" in flat(row)
    n = flat(clause(doc, "alliance.schedule-budget").note)
    assert 'capped as the instructions say ("no more than the percentage uplift in the NHS minimum contribution' in n
    assert "Check when the capping figure is published each year" in n


@pytest.mark.parametrize("words", [
    "the percentage increase in CPI in the 12 months to the previous December, capped at 4%",
    "the percentage increase in CPI in the 12 months to the previous December",
    "the percentage increase in CPI in the 12 months to the previous December, but no more than 3.5%",
])
def test_no_measure_cap_without_one(words):
    """r34 al-fresh2 finding 1 (quiet): a numeric cap, or none, is not read as a cap by another measure."""
    a = Alliance.model_construct(risk_reward=RiskReward.model_construct(indexation=words))
    assert a.indexation_measure_cap is None
    assert "lower of" not in a.indexation_definition


def test_budget_proviso_in_the_indexation_words_is_kept(catalogue):
    """Firing (r38d al-advice F3): 'but only so far as the Council's budget ... provides for it' stays in the
    definition, with a duty to tell the members what the budget provides; quiet without the proviso."""
    from tests.families.clause_texts import definition, document_of
    from tests.families.conftest import ALLIANCE_GRANT
    cpi = ("    indexation: the percentage increase in the Consumer Prices Index (CPI) in the 12 months to the previous "
           "December")
    base = ALLIANCE_GRANT.read_text().replace("    target_cost: 365000\n", "    target_cost: 365000\n" + cpi + "PROVISO\n", 1)
    with_proviso = definition(document_of(catalogue, base.replace(
        "PROVISO", ", but only so far as the Council's budget for the following financial year provides for it")), "Indexation Increase")
    assert "applies only so far as the budget the Commissioner approves for the financial year in which that Alliance Year begins provides for it" in with_proviso
    assert "must tell the Alliance Members in writing, before that Alliance Year begins, what increase that budget provides" in with_proviso
    plain = definition(document_of(catalogue, base.replace("PROVISO", "")), "Indexation Increase")
    assert "Consumer Prices Index" in plain and "budget" not in plain


# r38d al-edge tool note 8 and finding 2: a blend written as "70% of X and 30% of Y" was read as CPI alone.
NJC_BLEND = ("a blended rate: 70% of the percentage increase in the National Joint Council for Local Government "
             "Services pay award taking effect in that April, and 30% of the percentage increase in the Consumer Prices "
             "Index (CPI) in the 12 months to the previous December")
_BIG_INDEX = "the percentage increase in the Consumer Prices Index (CPI) in the 12 months to the previous December"


def _big_with(words: str) -> str:
    text = ALLIANCE_BIG.read_text()
    assert _BIG_INDEX in text
    return text.replace(_BIG_INDEX, f'"{words}"', 1)


def test_percent_of_blend_keeps_both_measures(catalogue):
    """Firing: "70% of the NJC pay award ... and 30% of CPI" reaches the definition as a two-part formula, with the
    pay year stated once ("on or before the first day of that Alliance Year", not "taking effect in that April ...
    before that Alliance Year begins"), and a late award settled under the Service Contracts (clause 3's contract
    terms say so)."""
    from tests.families.clause_texts import document_of
    doc = document_of(catalogue, _big_with(NJC_BLEND))
    d = flat(definition(doc, "Indexation Increase"))
    assert ("the sum of (a) 70% of the percentage increase in the National Joint Council for Local Government "
            "Services pay award for the latest pay year that began on or before the first day of that Alliance Year") in d
    assert "(b) 30% of the percentage change in the Consumer Prices Index (CPI, all items)" in d
    assert "taking effect in that April" not in d and "began before that Alliance Year begins" not in d
    assert "the difference in the price payable is paid or credited under each Provider's Service Contract" in d
    assert "within 30 days after the award is agreed" not in d
    terms = flat(text_of(clause(doc, "alliance.precedence")))
    assert "including the payment or credit of any difference when a figure it uses is agreed after an Alliance Year begins" in terms


def test_single_index_stays_whole(catalogue):
    """Quiet: CPI alone is still read as CPI on the whole Annual Value, with no bracket and no late-award words."""
    d = flat(definition(build(ALLIANCE_BIG, catalogue).document, "Indexation Increase"))
    assert "the percentage change in the Consumer Prices Index (CPI, all items)" in d
    assert "restate as a formula" not in d and "pay award" not in d


def test_unplaced_measure_keeps_the_words_with_a_bracket(catalogue):
    """Firing: a second measure the reading cannot place (a pay award without its share) keeps the sheet's words and a
    bracketed request for a formula, instead of indexing the whole value by CPI."""
    from tests.families.clause_texts import document_of
    words = "CPI in the 12 months to the previous December, with an adjustment for the NJC pay award"
    d = flat(definition(document_of(catalogue, _big_with(words)), "Indexation Increase"))
    assert "with an adjustment for the NJC pay award [restate as a formula" in d


def test_rule_measure_left_out(catalogue):
    """ALLIANCE-INDEXATION-MEASURE-LEFT-OUT (firing): a staff-cost split that also names the NJC pay award, which the
    split's formula (CPI and the National Living Wage) leaves out; (quiet) the 70/30 blend and CPI alone."""
    from tests.rules.helpers import findings

    def set_words(words):
        def edit(d):
            d["alliance"]["risk_reward"]["indexation"] = words
        return edit
    missed = ("CPI in the 12 months to the previous September, or, for the staff cost element agreed in each Annual "
              "Plan, the higher of the National Living Wage increase and the NJC pay award")
    fired = findings(catalogue, ALLIANCE_BIG, set_words(missed)).get("ALLIANCE-INDEXATION-MEASURE-LEFT-OUT", [])
    assert fired and '"NJC"' in fired[0] and "leaves out" in fired[0]
    for quiet in (NJC_BLEND, _BIG_INDEX):
        assert "ALLIANCE-INDEXATION-MEASURE-LEFT-OUT" not in findings(catalogue, ALLIANCE_BIG, set_words(quiet))


def test_nhs_provider_pay_note_with_a_pay_award_blend(catalogue):
    """r38d al-edge finding 2 (firing): with an NHS trust Provider, the note says its pay follows Agenda for Change,
    not the blend's pay award; (quiet) no NHS Provider, no such sentence."""
    from tests.families.clause_texts import document_of
    from tests.families.conftest import ALLIANCE_JOINT
    text = ALLIANCE_JOINT.read_text()
    anchor = "  risk_reward:\n"
    assert anchor in text
    text = text.replace(anchor, anchor + f'    indexation: "{NJC_BLEND}"\n', 1)
    n = flat(note(document_of(catalogue, text), "alliance.schedule-budget"))
    assert "follows NHS Agenda for Change awards, not this pay award" in n
    quiet = flat(note(document_of(catalogue, _big_with(NJC_BLEND)), "alliance.schedule-budget"))
    assert "Agenda for Change" not in quiet


@pytest.mark.parametrize("words, cap, floor", [
    (f"{_BIG_INDEX}, up to a maximum of 2.5 per cent", "2.5", None),
    (f"{_BIG_INDEX}, with a floor of 1 percent and a cap of 3 per cent", "3", "1"),
])
def test_per_cent_limits_are_read(words, cap, floor):
    """r42 al-familyhubs F1 (firing): a cap or floor written "per cent" or "percent" is read like one written "%"."""
    a = Alliance.model_construct(risk_reward=RiskReward.model_construct(indexation=words))
    assert a.indexation_limits == {"cap": Decimal(cap), "floor": Decimal(floor) if floor else None}


def test_per_cent_cap_reaches_the_definition_key_information_and_note(catalogue):
    """r42 al-familyhubs F1 (firing): "up to a maximum of 2.5 per cent" is operative in the definition, stated in the
    Key Information row, and the Schedule 5 note describes that last sentence; the rule stays quiet."""
    from tests.families.clause_texts import document_of
    from tests.rules.helpers import findings
    words = f"{_BIG_INDEX}, up to a maximum of 2.5 per cent"
    doc = document_of(catalogue, _big_with(words))
    d = flat(definition(doc, "Indexation Increase"))
    assert "the percentage change in the Consumer Prices Index (CPI, all items)" in d
    assert d.rstrip(".").endswith("The Indexation Increase for an Alliance Year is never more than 2.5%")
    row = " ".join(" ".join(r) for r in table_rows(clause(doc, "alliance.key-information")))
    assert "Annual Values increased each year by the Indexation Increase (never more than 2.5%" in flat(row)
    assert "and a last sentence that it is never more than 2.5%" in flat_note(doc, "alliance.schedule-budget")

    def edit(d):
        d["alliance"]["risk_reward"]["indexation"] = words
    assert "ALLIANCE-INDEXATION-MEASURE-LEFT-OUT" not in findings(catalogue, ALLIANCE_BIG, edit)


def test_rule_limit_left_out(catalogue):
    """ALLIANCE-INDEXATION-MEASURE-LEFT-OUT (firing): words giving a cap the reading does not take ("with a cap at
    3%") warn that the definition does not state it; (quiet) a cap the definition states, and CPI alone."""
    from tests.rules.helpers import findings

    def set_words(words):
        def edit(d):
            d["alliance"]["risk_reward"]["indexation"] = words
        return edit
    fired = findings(catalogue, ALLIANCE_BIG, set_words(f"{_BIG_INDEX}, with a cap at 3%")).get(
        "ALLIANCE-INDEXATION-MEASURE-LEFT-OUT", [])
    assert fired and '"cap at 3%"' in fired[0] and "does not state" in fired[0]
    for quiet in (f"{_BIG_INDEX}, capped at 3%", f"{_BIG_INDEX}, no more than 3 per cent", _BIG_INDEX):
        assert "ALLIANCE-INDEXATION-MEASURE-LEFT-OUT" not in findings(catalogue, ALLIANCE_BIG, set_words(quiet))
