"""The Fee base and ring-fenced payments to people (r37 al-fresh finding 15, tool notes 6 and 7): a Provider that
passes money straight on (host allowances, bursaries) earns a Fee on it unless the sheet says the Fee base leaves
ring-fenced payments out (risk_reward.fee.excludes_ring_fenced); then its Fee, a Pain Cap set as a percentage of value,
the share table, the Target Cost's Fee total and the worked examples all follow, and ALLIANCE-FEE-RING-FENCED is quiet."""
from __future__ import annotations

import copy
from decimal import Decimal

from assembler.rules import RuleContext
from assembler.rules.alliance import RULES
from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file
from tests.conftest import ROOT
from tests.families.clause_texts import build, clause_text, flat, note
from tests.rules.helpers import RULES_DATE

BIG = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"


def _data(excluded: bool | None, cap_excluded: bool | None = None) -> dict:
    """The complex-needs sample (5% Fee) with its last Provider paying £20,000 of ring-fenced bursaries, and a Pain Cap
    of 3% of value; `excluded` sets risk_reward.fee.excludes_ring_fenced (None: left out)."""
    d = copy.deepcopy(load_file(BIG).data)
    d["members"][-1].update(payments_to_people=20000, payments_to_people_for="training bursaries for people using the Services",
                            payments_to_people_ring_fenced=True)
    d["alliance"]["risk_reward"]["pain_cap"] = {"basis": "percent_of_value", "percent": 3}
    if excluded is not None:
        d["alliance"]["risk_reward"]["fee"]["excludes_ring_fenced"] = excluded
    if cap_excluded is not None:
        d["alliance"]["risk_reward"]["pain_cap"]["excludes_ring_fenced"] = cap_excluded
    return d


def _findings(d, catalogue) -> list:
    model = AllianceTermSheet.model_validate(d)
    positions = {name: pos.standard for name, pos in catalogue.positions("alliance").items()}
    positions.update(d.get("positions") or {})
    return [f for f in RULES.run(RuleContext(model, positions, catalogue.figures, catalogue.law, RULES_DATE))
            if f.rule == "ALLIANCE-FEE-RING-FENCED"]


def test_fee_base_excludes_ring_fenced_payments_when_the_sheet_says_so():
    """The Fee and a percentage Pain Cap are worked on Annual Value less the ring-fenced payments; other Providers'
    Fees are unchanged."""
    plain = AllianceTermSheet.model_validate(_data(None)).alliance
    net = AllianceTermSheet.model_validate(_data(True)).alliance
    m, n = plain.providers[-1], net.providers[-1]
    assert plain.fee_for(m) == m.annual_value * Decimal("0.05")
    assert net.fee_for(n) == (n.annual_value - 20000) * Decimal("0.05")
    # r40 al-shortbreaks F2: the Pain Cap stays on the whole Annual Value unless the sheet also says otherwise
    assert net.pain_cap_for(n) == n.annual_value * Decimal("0.03") == plain.pain_cap_for(m)
    both = AllianceTermSheet.model_validate(_data(True, True)).alliance
    assert both.pain_cap_for(both.providers[-1]) == (n.annual_value - 20000) * Decimal("0.03")
    assert both.fee_for(both.providers[-1]) == net.fee_for(n)
    assert plain.fee_total - net.fee_total == Decimal(1000)
    assert [net.fee_for(p) for p in net.providers[:-1]] == [plain.fee_for(p) for p in plain.providers[:-1]]
    assert plain.fee_on_ring_fenced == [(m, Decimal(1000))] and net.fee_on_ring_fenced == []


def test_rule_fires_on_a_fee_charged_on_ring_fenced_payments(catalogue):
    """Firing: the Fee base includes the bursaries; the message gives the Fee they earn and the field to set."""
    (f,) = _findings(_data(None), catalogue)
    assert f.severity == "warning"
    assert "£1,000 on £20,000" in f.message and "excludes_ring_fenced: true" in f.message


def test_rule_quiet_when_excluded_not_ring_fenced_or_no_fee(catalogue):
    """Quiet: the sheet leaves them out of the Fee base, or the payments are not ring-fenced, or there is no Fee."""
    assert _findings(_data(True), catalogue) == []
    d = _data(None)
    d["members"][-1]["payments_to_people_ring_fenced"] = False
    assert _findings(d, catalogue) == []
    d = _data(None)
    d["alliance"]["risk_reward"]["fee"]["percent"] = 0
    assert _findings(d, catalogue) == []


def test_schedule_states_the_fee_base_and_the_note_recommends_it(catalogue, tmp_path):
    """Firing: with the exclusion, Schedule 4 says the Fee and Pain Cap of that Provider exclude the ring-fenced amount
    and the note gives its Fee; without it, the note recommends the exclusion with the Fee the payments earn. Quiet:
    the sample as it is says neither."""
    from ruamel.yaml import YAML
    docs = {}
    for excluded in (True, None):
        path = tmp_path / f"fee-{excluded}.yaml"
        with path.open("w") as fh:
            YAML().dump(_data(excluded), fh)
        docs[excluded] = build(path, catalogue).document
    body = flat(clause_text(docs[True], "alliance.schedule-risk-reward"))
    assert "In working out the Fee of" in body and "excludes the amount the Annual Plan sets" in body
    assert "which earn no Fee" in body and "Its Pain Cap is worked on the whole Annual Value" in body
    n_true = flat(note(docs[True], "alliance.schedule-risk-reward"))
    assert "they are left out of the value the Fee is worked on" in n_true
    assert "the Pain Cap stays at 3% of the whole Annual Value" in n_true and "needs the client's instructions" in n_true
    assert "earns £1,000 of Fee on them" in flat(note(docs[None], "alliance.schedule-risk-reward"))
    assert "In working out the Fee" not in flat(clause_text(docs[None], "alliance.schedule-risk-reward"))
    sample = build(BIG, catalogue).document
    assert "In working out the Fee" not in flat(clause_text(sample, "alliance.schedule-risk-reward"))
    assert "of Fee on them" not in note(sample, "alliance.schedule-risk-reward")


def test_fee_definition_key_information_and_a_pain_cap_the_sheet_also_excludes(catalogue, tmp_path):
    """r40 al-shortbreaks F2 / al-resettle 3: the Fee definition in clause 2.1 states the exclusion (so later years
    follow it) and the key information gives the net base; with pain_cap.excludes_ring_fenced also set, the Schedule
    and the note say both are worked on the net value ("as instructed"); the sample as it is says none of this."""
    from ruamel.yaml import YAML
    docs = {}
    for key, args in {"fee": (True, None), "both": (True, True)}.items():
        path = tmp_path / f"{key}.yaml"
        with path.open("w") as fh:
            YAML().dump(_data(*args), fh)
        docs[key] = build(path, catalogue).document
    defs = flat(clause_text(docs["fee"], "common.definitions"))
    assert "without the amount the Annual Plan sets for that year for the payments ring-fenced" in defs
    key = flat(clause_text(docs["fee"], "alliance.key-information"))
    assert "is worked on its Annual Value less the payments ring-fenced" in key
    assert "(the whole Annual Value, ring-fenced payments included)" in key
    body = flat(clause_text(docs["both"], "alliance.schedule-risk-reward"))
    assert "In working out the Fee and the Pain Cap of" in body and "worked on the whole Annual Value" not in body
    assert "left out of the value the Fee and the Pain Cap are worked on" in flat(note(docs["both"], "alliance.schedule-risk-reward"))
    sample = build(BIG, catalogue).document
    assert "payments ring-fenced" not in flat(clause_text(sample, "common.definitions"))
    assert "payments ring-fenced" not in flat(clause_text(sample, "alliance.key-information"))
