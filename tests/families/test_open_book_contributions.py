"""Open-book care homes: residents' contributions paid to the provider (net payment) and a provider-owned home's
capital charge shared with other purchasers (r34 ob-fresh2 findings 1 and 3)."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, flat
from tests.families.conftest import OB_ADULT, OB_ALDERBECK, OB_BRAMBLECOMBE, open_book_note_of, open_book_result

NET = ("  placement_notice_days: 28\n",
       "  placement_notice_days: 28\n  contributions_paid_to: provider\n  contribution_arrears_weeks: 4\n")


def _findings(result, rule):
    return [f for f in result.findings if f.rule == rule]


def _set(*path_and_value):
    *path, value = path_and_value

    def change(data):
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
    return change


def _net(weeks=4):
    def change(data):
        data["services"]["contributions_paid_to"] = "provider"
        if weeks is not None:
            data["services"]["contribution_arrears_weeks"] = weeks
    return change


def test_net_payment_has_the_provider_collect_and_the_council_pay_the_balance(catalogue):
    """F1: the residents clause, the invoice, the placement agreement and Service Income follow net payment."""
    result = open_book_result(catalogue, OB_BRAMBLECOMBE, _net())
    doc = result.document
    residents = clause_text(doc, "open-book.residents", flat=True)
    assert "The Placed Person pays that contribution to Calderbrook, which must collect it" in residents
    assert "less that contribution" in residents
    assert "more than four weeks in arrears" in residents
    assert "It assesses and collects any contribution" not in residents
    assert "for any other payment for the Care Services" in residents
    pricing = clause_text(doc, "open-book.pricing", flat=True)
    assert "the net sum the Council owes" in pricing
    ipa = clause_text(doc, "open-book.schedule-placement-agreement", flat=True)
    assert "Weekly contribution the Placed Person pays to Calderbrook" in ipa
    definitions = clause_text(doc, "common.definitions", flat=True)
    assert "count in full and are never written off" in definitions
    note = open_book_note_of(result, "open-book.residents")
    assert "As instructed, the council pays net" in note and "four weeks, as instructed" in note
    assert _findings(result, "OPEN-BOOK-CONTRIBUTIONS") == []


def test_net_payment_without_weeks_brackets_the_assumed_four_weeks(catalogue):
    result = open_book_result(catalogue, OB_BRAMBLECOMBE, _net(None))
    assert "more than [four] weeks in arrears" in clause_text(result.document, "open-book.residents", flat=True)
    assert "the instructions do not give the period" in open_book_note_of(result, "open-book.residents")


def test_gross_payment_is_unchanged_by_default(catalogue):
    """Quiet: a care home sheet without the field keeps gross payment and no contribution row or invoice words."""
    doc = open_book_result(catalogue, OB_BRAMBLECOMBE).document
    residents = clause_text(doc, "open-book.residents", flat=True)
    assert "It assesses and collects any contribution" in residents and "in arrears" not in residents
    assert "the net sum the Council owes" not in clause_text(doc, "open-book.pricing", flat=True)
    assert "Weekly contribution" not in clause_text(doc, "open-book.schedule-placement-agreement", flat=True)
    assert "never written off" not in clause_text(doc, "common.definitions", flat=True)


def test_contributions_rule_fires_outside_a_care_home_and_for_weeks_alone(catalogue):
    """OPEN-BOOK-CONTRIBUTIONS fires for net payment in children's homes and for weeks given with gross payment."""
    kids = open_book_result(catalogue, "childrens-homes-charity.yaml", _set("services", "contributions_paid_to",
                                                                           "provider"))
    assert [f.loc for f in _findings(kids, "OPEN-BOOK-CONTRIBUTIONS")] == [("services", "contributions_paid_to")]
    weeks = open_book_result(catalogue, OB_BRAMBLECOMBE, _set("services", "contribution_arrears_weeks", 4))
    found = _findings(weeks, "OPEN-BOOK-CONTRIBUTIONS")
    assert len(found) == 1 and "has effect only where residents pay" in found[0].message


def test_contributions_rule_is_quiet_on_the_samples(catalogue):
    for sheet in (OB_ADULT, OB_BRAMBLECOMBE, "childrens-homes-charity.yaml"):
        assert _findings(open_book_result(catalogue, sheet), "OPEN-BOOK-CONTRIBUTIONS") == []


def _owned(charge, line, valuation=None):
    """Alderbeck House (24 of 44 places, places-available apportionment) owned by the provider with a capital
    charge for the whole building, the cost model's rent line replaced by a capital charge line."""
    def change(data):
        home = data["services"]["homes"][0]
        home["owner"] = "provider"
        home["capital_charge"] = charge
        if valuation:
            home["valuation"], home["valuation_yield"], home["valuer"] = valuation
        data["open_book"]["related_parties"] = []
        for item in data["open_book"]["cost_model"]["direct_lines"]:
            if str(item["item"]).startswith("Rent of the home"):
                data["open_book"]["cost_model"]["direct_costs"] += line - item["amount"]
                item["item"] = "Capital charge for the building"
                item["amount"] = line
    return change


def test_whole_building_capital_charge_counts_only_as_the_apportioned_share(catalogue):
    """F3: the capital charge clause shares the whole-building charge under the scope clause, and the costs
    schedule records the valuation basis the sheet gives."""
    result = open_book_result(catalogue, OB_ALDERBECK,
                              _owned(96800, 52800, (1936000, 5, "Marsh Lane Surveyors, 1 September 2026")))
    scope = clause_text(result.document, "open-book.scope", flat=True)
    assert "for the use of the building as a whole is a cost of Alderbeck House shared under clause" in scope
    assert "only the share of it apportioned to the Open-Book Services under that paragraph" in scope
    assert "It is set on the valuation recorded in paragraph" in scope
    costs = clause_text(result.document, "common.open-book-schedule-costs", flat=True)
    assert "Marsh Lane Surveyors, 1 September 2026" in costs and "£1,936,000" in costs and "£96,800" in costs
    note = open_book_note_of(result, "open-book.scope")
    assert "the share apportioned to the Council's places of a capital charge of £96,800" in note
    assert "As instructed, it is 5% of a valuation of £1,936,000" in note and "not the charge stated" not in note
    assert _findings(result, "OPEN-BOOK-CAPITAL-CHARGE-SHARE") == []


def test_capital_charge_share_rule_fires_on_the_whole_charge_and_a_wrong_share(catalogue):
    whole = _findings(open_book_result(catalogue, OB_ALDERBECK, _owned(96800, 96800)),
                      "OPEN-BOOK-CAPITAL-CHARGE-SHARE")
    assert len(whole) == 1 and "is the whole of the homes' capital charge for the whole building (£96,800)" in \
        whole[0].message
    wrong = _findings(open_book_result(catalogue, OB_ALDERBECK, _owned(96800, 60000)),
                      "OPEN-BOOK-CAPITAL-CHARGE-SHARE")
    assert len(wrong) == 1 and "(£52,800, its places over all the places)" in wrong[0].message


def test_capital_charge_note_flags_a_valuation_that_does_not_give_the_charge(catalogue):
    result = open_book_result(catalogue, OB_ALDERBECK, _owned(96800, 52800, (2000000, 5, None)))
    assert "which gives £100,000.00, not the charge stated" in open_book_note_of(result, "open-book.scope") or \
        "which gives £100,000, not the charge stated" in open_book_note_of(result, "open-book.scope")


def test_whole_homes_capital_charge_keeps_its_wording(catalogue):
    """Quiet: where the open book covers the whole home the charge is an Allowable Cost whole, as before."""
    doc = open_book_result(catalogue, "caldmoor").document
    scope = clause_text(doc, "open-book.scope", flat=True)
    assert "as a whole is a cost of" not in scope


def _grant(data):
    home = data["services"]["homes"][0]
    home["owner"] = "provider"
    home["commissioner_capital"] = {"amount": 350000, "nomination_years": 25,
                                    "agreement": "the capital grant agreement dated 3 March 2025"}


def test_a_commissioner_capital_grant_is_kept_out_of_the_costs_and_survives_the_ending(catalogue):
    """r34 ob-fresh S1: the Council's capital grant for one building: no cost it funded is allowable, and this
    agreement neither replaces it nor, by ending, ends its nomination rights or repayment."""
    result = open_book_result(catalogue, OB_ALDERBECK, _grant)
    scope = clause_text(result.document, "open-book.scope", flat=True)
    assert ("The Council paid £350,000 (three hundred and fifty thousand pounds) towards Alderbeck House under the "
            "capital grant agreement dated 3 March 2025, which gives it nomination rights for twenty-five years") in scope
    assert "does not affect the Council's rights under that agreement, including any nomination rights" in scope
    assert "paid £350,000 towards Alderbeck House" in open_book_note_of(result, "open-book.scope")
    assert "capital grant agreement" not in clause_text(open_book_result(catalogue, OB_ALDERBECK).document,
                                                        "open-book.scope", flat=True)
