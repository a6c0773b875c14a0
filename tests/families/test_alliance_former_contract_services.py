"""Schedule 1 Part 2 maps each Former Contract to the listed Service it falls within: the sheet's own answer
(`former_contracts[].service`), else the only service its holder delivers, else the one its title names; otherwise a
placeholder and the note asks (r32 al-sample finding 3)."""
from __future__ import annotations

import copy

from assembler.rules import RuleContext
from assembler.rules.alliance import RULES
from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file
from assembler.model import Table, plain_text
from tests.families.clause_texts import clause, flat_note
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_JOINT, ALLIANCE_REABLEMENT
from tests.rules.helpers import RULES_DATE


def _part_2(doc) -> list[list[str]]:
    """Part 2's table: the last table of Schedule 1."""
    last = [b for b in clause(doc, "alliance.schedule-services").blocks if isinstance(b, Table)][-1]
    return [[plain_text(cell) for cell in row] for row in last.rows]


def _model(data) -> AllianceTermSheet:
    return AllianceTermSheet.model_validate(data)


def test_each_former_contract_maps_to_a_listed_service(alliance_big):
    """Firing: the sheet's answer where given, the holder's only service, or the service its title names."""
    rows = {r[2]: r[3] for r in _part_2(alliance_big)}
    assert rows["TCC/HS/0377"] == "Emergency and supported accommodation for single adults and couples"  # given
    assert rows["TCC/HS/0380"] == "Navigation, assessment and a single point of access for all referrals"  # given
    assert rows["TCC/HS/0501"] == "Housing First for people with the most entrenched needs"  # its title names it
    assert rows["TCC/AS/0031"] == "End-of-life and palliative care outreach for people who are homeless"  # only one
    note = flat_note(alliance_big, "alliance.schedule-services")
    assert "Part 2 gives it from the contract's title and the services its holder delivers" in note
    # the garbled "a part of the title fits" rewritten (sprint Y3, r42 al-prescribing F19)
    assert "naming every listed Service whose name matches part of the contract's title; this applies to nine contracts" in note


def test_unclear_former_contract_service_is_left_open():
    """Quiet: a holder with two services and a title naming words of both gets no guess."""
    data = copy.deepcopy(load_file(ALLIANCE_BIG).data)
    del data["alliance"]["former_contracts"][0]["service"]  # Harbour Light's supported housing: housing and supported
    model = _model(data).alliance
    assert model.former_contract_service(model.former_contracts[0]) is None
    assert model.former_contracts[0] in model.former_contract_services_unknown


def _findings(data, catalogue):
    positions = {name: pos.standard for name, pos in catalogue.positions("alliance").items()}
    positions.update(data.get("positions") or {})
    found = RULES.run(RuleContext(_model(data), positions, catalogue.figures, catalogue.law, RULES_DATE))
    return [f for f in found if f.rule == "ALLIANCE-FORMER-CONTRACT-SERVICE"]


def test_rule_fires_on_a_service_not_listed(catalogue):
    """Firing: a former contract's service that is not one of the listed services, in the same words."""
    data = copy.deepcopy(load_file(ALLIANCE_BIG).data)
    data["alliance"]["former_contracts"][7]["service"] = "Night shelter"
    [finding] = _findings(data, catalogue)
    assert "'Night shelter' is not one of the listed services" in finding.message
    assert _model(data).alliance.former_contract_service(_model(data).alliance.former_contracts[7]) is None


def test_rule_is_quiet_on_the_samples(catalogue):
    """Quiet: the samples' services are copied from the list (or left out)."""
    for path in (ALLIANCE_BIG, ALLIANCE_REABLEMENT):
        assert _findings(copy.deepcopy(load_file(path).data), catalogue) == []


def test_title_of_several_parts_and_no_delivers_maps_each_part(catalogue):
    """Firing (sprint J1): holders that list no services are matched against every listed service; a title of two
    parts gives both services; the title's one fit gives one; a title that fits two services equally stays open and
    the note names it."""
    from tests.families.clause_texts import build
    doc = build(ALLIANCE_JOINT, catalogue).document
    rows = {r[2]: r[4] for r in _part_2(doc)}
    assert rows["WCC/MH/2024/08"] == ("Community recovery and wellbeing support for adults with serious mental illness; "
                                      "Crisis alternatives (a crisis café and a safe haven) open every evening")
    assert rows["WCC/MH/2024/09"] == "Peer support and recovery college courses"
    assert rows["WCC/MH/2024/10"] == "Supported housing and tenancy support for people leaving hospital"
    assert rows["WCC/MH/2024/07"] == "[listed Service it falls within]"  # "recovery" fits two services equally
    note = flat_note(doc, "alliance.schedule-services")
    assert 'Part 2 leaves open the listed Service of "Community recovery teams (north and south)", as its title does not' in note


def test_tie_goes_to_the_service_that_is_what_the_title_names():
    """Firing (sprint J1): "reablement" fits both of the holder's services, but one only "linked to reablement"; the
    other is reablement. Quiet: a holder's two services that both are what the title names stay open (above)."""
    model = _model(copy.deepcopy(load_file(ALLIANCE_REABLEMENT).data)).alliance
    assert model.former_contract_service(model.former_contracts[0]).startswith("Short-term reablement at home")
    assert model.former_contract_services_unknown == []
