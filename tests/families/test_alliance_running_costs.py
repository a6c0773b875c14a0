"""Running costs of the Alliance: where the sheet says what the running-costs budget covers, the budget pays only for
those items, the expert, adviser, accountant and audit costs are paid outside it as they fall due, and the Alliance
Manager warns the payer before the budget runs out (r27 al-fresh finding 9)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.families.clause_texts import build, clause, document_of, flat as _flat, flat_note, note, text_of, variant_of
from tests.families.conftest import ALLIANCE, ALLIANCE_LYNMERE, ALLIANCE_MOSSGATE

INCLUDE = ("  running_costs_include:\n"
           "    - annual evaluation by people living with dementia and their carers (the Lynmere DEEP group)\n")


def test_budget_covers_only_the_instructed_items(alliance_lynmere):
    """Firing: the £92,000 budget pays for the Alliance Manager and the DEEP evaluation; the other running costs are
    paid by the Council outside it; the Alliance Manager warns before it runs out; the note says it once, with the
    figures, and no longer asks the same question twice."""
    text = _flat(text_of(clause(alliance_lynmere, "alliance.operations")))
    assert ("The running costs of the Alliance are paid by the Council alone, outside the Alliance Budget, and are not "
            "part of the Actual Cost.") in text
    assert ("the costs of the Alliance Manager and of the annual evaluation by people living with dementia and their "
            "carers (the Lynmere DEEP group) are paid within a budget of £92,000 (ninety-two thousand pounds) for each "
            "Alliance Year, unless the Council agrees a higher amount in writing;") in text
    assert ("the Alliance Manager must tell the Council and the ALT as soon as it expects that budget to be spent "
            "before the end of an Alliance Year;") in text
    assert ("the fees of the Independent Expert, of the Independent Adviser and of the Reviewing Accountant, and the "
            "costs of the audits under this Agreement, are paid as they fall due, outside that budget;") in text
    note = _flat(clause(alliance_lynmere, "alliance.operations").note or "")
    assert "the £92,000 budget (£460,000 over the initial term) pays only for the Alliance Manager (a full-time post)" in note
    assert "are paid by the Council as they fall due, outside it" in note
    assert "confirm that, or fund them outside the budget" not in note
    assert "pays those as well" not in note


def test_one_budget_for_every_running_cost_without_a_list(tmp_path, catalogue):
    """Quiet: where the sheet does not say what the budget covers, every running cost sits within it as before."""
    text = ALLIANCE_LYNMERE.read_text()
    assert INCLUDE in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(INCLUDE, "", 1))
    doc = build(sheet, catalogue).document
    body = _flat(text_of(clause(doc, "alliance.operations")))
    assert "are paid as they fall due, outside that budget" not in body
    assert "the Council alone, outside the Alliance Budget, within a budget of £92,000" in body
    assert "pays those as well" in _flat(clause(doc, "alliance.operations").note or "")


def _manager_employed_by(key: str | None) -> str:
    text = (Path(__file__).parents[2] / "samples" / "alliance" / "complex-needs-eight-members.yaml").read_text()
    if key:
        text = text.replace("\nalliance:\n", f"\nalliance:\n  alliance_manager_host: {key}\n  alliance_manager_employed: true\n", 1)
    return text


def test_provider_employing_the_manager_invoices_the_commissioner(catalogue):
    """Firing (r28 al-fresh finding 7): a Provider that employs the Alliance Manager and recharges the post invoices
    the Commissioner quarterly in arrears, VAT shown where chargeable, paid in 30 days outside the pooled budget, and
    redundancy costs on the Agreement ending fall on the Commissioner; the note says the terms are the draft's."""
    from tests.families.clause_texts import clause_text, document_of, note
    doc = document_of(catalogue, _manager_employed_by("hospice"))
    text = clause_text(doc, "alliance.operations", flat=True)
    assert "St Luke's may invoice the Commissioner quarterly in arrears for its costs of employing the Alliance Manager" in text
    assert "paid outside the Alliance Budget and within the budget for them" in text
    assert "The Commissioner must pay each valid invoice, with that VAT, within 30 days after receiving it." in text
    assert "If the post ends because this Agreement ends, the Commissioner must pay St Luke's" in text
    assert "the invoicing, 30-day payment, VAT and redundancy terms" in note(doc, "alliance.operations")


def test_no_recharge_terms_where_the_commissioner_hosts_the_manager(catalogue):
    from tests.families.clause_texts import clause_text, document_of, note
    for key in (None, "council"):
        doc = document_of(catalogue, _manager_employed_by(key))
        assert "may invoice" not in clause_text(doc, "alliance.operations", flat=True)
        assert "redundancy terms" not in note(doc, "alliance.operations")


def test_one_commissioner_pays_the_running_costs_where_the_sheet_says_so(alliance_mossgate):
    """r21 al17: al-fresh 2 (firing): the sheet says the Council funds the running costs outside the pool, so clause 16.1
    puts them on the Council alone, within the £78,000 budget, and clause 12.11 splits nothing between the
    Commissioners."""
    ops = _flat(text_of(clause(alliance_mossgate, "alliance.operations")))
    assert "are paid by the Council alone, outside the Pooled Budget, within a budget of £78,000" in ops
    assert "unless the Council agrees a higher amount in writing" in ops
    assert "between them as clause" not in ops
    planning = _flat(text_of(clause(alliance_mossgate, "alliance.service-planning")))
    assert "of the running costs under" not in planning
    assert "or a running cost," not in planning
    note = _flat(clause(alliance_mossgate, "alliance.operations").note or "")
    assert "paid by the Council alone, outside the pooled budget" in note


def test_shared_running_costs_stay_split_without_a_payer(catalogue):
    """r21 al17: al-fresh 2 (quiet): with no running_costs_payer, two Commissioners still share the running costs."""
    import tempfile
    text = ALLIANCE_MOSSGATE.read_text().replace("  running_costs_payer: council\n", "")
    with tempfile.NamedTemporaryFile("w", suffix=".yaml", delete=False) as fh:
        fh.write(text)
    built = build(Path(fh.name), catalogue)
    ops = _flat(text_of(clause(built.document, "alliance.operations")))
    assert "are paid by the Commissioners, between them as clause" in ops


def test_alliance_manager_employed_and_recharged_as_instructed(alliance_haverleigh_al19):
    """r22 al19: al-fresh 9 (firing): the Alliance Manager (1.0 FTE) is employed by New Horizons, which recharges the post to
    the Commissioner as running costs; the running costs include the lived-experience evaluation."""
    gov = _flat(text_of(clause(alliance_haverleigh_al19, "alliance.governance")))
    assert ("The Alliance Manager (a full-time post) is employed by New Horizons, which recharges the costs of the post "
            "to the Commissioner as running costs of the Alliance under clause 16.1") in gov
    ops = _flat(text_of(clause(alliance_haverleigh_al19, "alliance.operations")))
    assert ("the costs of the Alliance Manager and of the annual lived-experience evaluation are paid within a budget "
            "of £92,000") in ops  # r27 al-fresh finding 9: the budget covers what the sheet says it covers
    assert "are paid by the Council as they fall due, outside it" in flat_note(alliance_haverleigh_al19, "alliance.operations")


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_alliance_manager_wording_unchanged_without_the_fields(path, catalogue):
    """r22 al19: al-fresh 9 (quiet): a sheet without the new fields keeps 'employed or hosted' and the usual list."""
    doc = build(path, catalogue).document
    gov = _flat(text_of(clause(doc, "alliance.governance")))
    assert "is employed or hosted by" in gov and "recharges the costs of the post" not in gov
    assert "fund them outside the budget" not in flat_note(doc, "alliance.operations")


def test_payments_clause_admits_running_costs_and_other_sums(alliance_kingsholt):
    """r25 al22: Finding 2 (firing): 4.2 no longer says the Balancing Amounts are the only payments, since running costs,
    step-in costs and mediation fees are payable too; the key-information note says the same."""
    text = _flat(text_of(clause(alliance_kingsholt, "alliance.structure")))
    assert ("The only payments under it are the Balancing Amounts under clause 13 (made through the same Service"
            " Contract) and the other sums that a provision of this Agreement expressly makes payable, including"
            " running costs under clause 16.1." in text)
    assert "the only payments under it are the Balancing Amounts under clause 13, made through" not in text


def test_budget_covers_the_independent_adviser_where_the_sheet_builds_it_so(catalogue):
    """Firing (r32 al-fresh finding 8): running_costs_budget_covers puts the Independent Adviser inside the budget, out
    of the list paid outside it, and the notes on the running costs and the communication support agree."""
    path = ROOT / "tests" / "families" / "fixtures" / "alliance-castlebridge-r29.yaml"
    old = "  running_costs_budget: 68000\n"
    doc = variant_of(catalogue, path, old, old + "  running_costs_budget_covers: [independent_adviser]\n")
    text = _flat(text_of(clause(doc, "alliance.operations")))
    inside = text.split("are paid within a budget")[0]
    outside = text.split("outside that budget")[0].split("are paid within a budget")[1]
    assert "of the Independent Adviser" in inside
    assert "Independent Adviser" not in outside
    assert "the Independent Adviser's fees" in flat_note(doc, "alliance.operations")


_COMMS = "  communication_requirements:\n    - British Sign Language interpretation where a carer representative needs it\n"


def test_communication_support_in_the_budget_is_flagged_as_the_drafts_addition(catalogue):
    """r33 al-fresh F7 (firing): the sheet lists only the evaluation among the budget's items, yet clause 17.1 puts the
    communication support for meetings inside it: the note says that is the draft's addition and asks for instructions,
    so the note and the clause say the same thing."""
    text = ALLIANCE_LYNMERE.read_text()
    doc = document_of(catalogue, text.replace(INCLUDE, INCLUDE + _COMMS, 1))
    body = _flat(text_of(clause(doc, "alliance.operations")))
    assert "of the communication support for meetings that clause" in body and "are paid within a budget of £92,000" in body
    n = _flat(note(doc, "alliance.operations"))
    assert "with the communication support for meetings that clause" in n
    assert "(the draft's addition: the instructions do not list it among the budget's items" in n


def test_communication_support_listed_by_the_sheet_is_not_flagged(catalogue):
    """Quiet: where the sheet lists interpretation among the budget's items, nothing is flagged."""
    listed = INCLUDE + "    - interpretation for carer representatives at meetings\n"
    text = ALLIANCE_LYNMERE.read_text().replace(INCLUDE, listed + _COMMS, 1)
    n = _flat(note(document_of(catalogue, text), "alliance.operations"))
    assert "the draft's addition" not in n
