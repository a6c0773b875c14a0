"""A Provider that holds more than one Service Contract (one with each Commissioner, or one for each service):
members[].service_contracts, or former contracts let by different Commissioners that are varied and continue as the
Service Contracts (r33 al-fresh F2). Schedule 1 lists each contract, the definition, recital (A), the transition
clause, the Pooled Budget's own-contract payments and the Balancing Amount speak of each, and the rules check that the
contracts' values add up to the Provider's annual value. Also a service two Providers deliver: with service lines
(members[].service_lines), a row for each in Schedule 1 and a service-line budget in Schedule 5 (r32 al-fresh F7)."""
from __future__ import annotations

from assembler.assemble import assemble
from assembler.model import Table, plain_text
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import DRAFT_DATE
from tests.families.clause_texts import build, clause, clause_text, definition, flat_note, variant_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_JOINT, ALLIANCE_POOLED_PCC, _FIXTURES
from tests.rules.helpers import findings

# The pooled council-and-PCC fixture: the Trust (£580,000) holds a contract with each Commissioner.
_TRUST_VALUE = "    annual_value: 580000\n    fee_percent: 0\n"
_TWO_CONTRACTS = _TRUST_VALUE + (
    "    service_contracts:\n"
    "      - {commissioner: council, annual_value: 380000, reference: RMBC/CYP/2026/201, services: "
    "['Hospital-based youth work in the emergency department and the major trauma centre']}\n"
    "      - {commissioner: pcc, annual_value: 200000, services: "
    "['Clinical psychology consultation and reflective supervision for alliance practitioners']}\n")

# The joint mental-health sample (former contracts varied): the Trust's contract split between the County and the ICB.
_TRUST_FORMER = ('    - {member: trust, title: "Community recovery teams (north and south)", reference: WCC/MH/2024/07, '
                 'annual_value: 1450000, commissioner: county}\n')
_TRUST_FORMER_SPLIT = (
    '    - {member: trust, title: "Community recovery teams (north and south)", reference: WCC/MH/2024/07, '
    'annual_value: 950000, commissioner: county}\n'
    '    - {member: trust, title: "Community recovery teams (north and south), NHS-funded clinical posts", '
    'reference: ICB/MH/2024/33, annual_value: 500000, commissioner: icb}\n')


def _contract_parties(doc) -> list[list[str]]:
    """Schedule 1 paragraph 3's table (the first table after Part 1's services table)."""
    tables = [b for b in clause(doc, "alliance.schedule-services").blocks if isinstance(b, Table)]
    table = next(t for t in tables if plain_text(t.header[0]) == "Provider" and "Commissioner party" in plain_text(t.header[1]))
    return [[plain_text(cell) for cell in row] for row in [table.header, *table.rows]]


def test_two_contracts_each_get_a_row_and_the_clauses_speak_of_each(catalogue):
    """Firing: the Trust's two contracts are two rows; recital (A), the definition, the interpretation sub-clause,
    the PCC's own payments and the Balancing Amount all read for several."""
    doc = variant_of(catalogue, ALLIANCE_POOLED_PCC, _TRUST_VALUE, _TWO_CONTRACTS)
    rows = [r for r in _contract_parties(doc) if r[0].startswith("Ravensmoor Teaching Hospitals")]
    assert len(rows) == 2
    assert rows[0][0].endswith("(RMBC/CYP/2026/201)") and rows[0][3] == "£380,000"
    assert "Police and Crime Commissioner" in rows[1][1] and rows[1][3] == "£200,000"
    assert rows[1][2].startswith("Clinical psychology consultation")
    assert "a Provider and a Commissioner named against it" in definition(doc, "Service Contract")
    precedence = clause_text(doc, "alliance.precedence", flat=True)
    assert "The Trust holds more than one Service Contract" in precedence
    assert "a reference in this Agreement to its Service Contract is to each of its Service Contracts" in precedence
    planning = clause_text(doc, "alliance.service-planning", flat=True)
    assert "Service Contract with the PCC (as listed in" in planning
    assert "(£200,000 in the first Alliance Year)" in planning  # the PCC pays only its own contract, not £580,000
    settlement = clause_text(doc, "alliance.risk-reward", flat=True)
    assert "its Balancing Amount is divided between those Service Contracts in proportion" in settlement


def test_one_contract_each_reads_as_before(catalogue):
    """Quiet: without service_contracts, one row per Provider and no several-contracts wording."""
    doc = variant_of(catalogue, ALLIANCE_POOLED_PCC, _TRUST_VALUE, _TRUST_VALUE)
    rows = _contract_parties(doc)
    assert rows[0] == ["Provider", "Commissioner party to its Service Contract"]
    assert len([r for r in rows if r[0].startswith("Ravensmoor Teaching Hospitals")]) == 1
    assert "more than one Service Contract" not in clause_text(doc, "alliance.precedence", flat=True)
    assert "divided between those Service Contracts" not in clause_text(doc, "alliance.risk-reward", flat=True)
    joint = build(ALLIANCE_JOINT, catalogue).document
    assert "the Commissioner named against it" in definition(joint, "Service Contract")
    assert "continues as that Provider's Service Contract" in clause_text(joint, "alliance.transition", flat=True)


def test_former_contracts_let_by_two_commissioners_continue_as_two_service_contracts(catalogue):
    """Firing: varied former contracts of one Provider let by the County and the ICB are two Service Contracts,
    without any new field."""
    doc = variant_of(catalogue, ALLIANCE_JOINT, _TRUST_FORMER, _TRUST_FORMER_SPLIT)
    rows = [r for r in _contract_parties(doc) if "NHS Foundation Trust" in r[0]]
    assert [r[3] for r in rows] == ["£950,000", "£500,000"]
    assert rows[0][0].endswith("(WCC/MH/2024/07)") and rows[1][0].endswith("(ICB/MH/2024/33)")
    transition = clause_text(doc, "alliance.transition", flat=True)
    assert "continues as a Service Contract of that Provider" in transition
    assert "each continues as a separate Service Contract" in transition


# An NHS and council pool the Council hosts: Brightwater holds one contract with each Commissioner.
_EARLY_HELP = _FIXTURES / "alliance-early-help.yaml"


def test_recital_a_names_the_part_an_nhs_commissioner_arranges(catalogue):
    """Firing: the ICB arranges only the part of the Services under its own contract with Brightwater, and its
    contribution row nets off that contract's value only; quiet: one contract, as before."""
    doc = variant_of(catalogue, _EARLY_HELP, "    service_contract_with: council\n",
                     "    service_contracts:\n      - {commissioner: council, annual_value: 1270000}\n"
                     "      - {commissioner: icb, annual_value: 380000}\n")
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert "ICB arranges, under its own Service Contract with Brightwater, the part of the Services that Brightwater" \
        " delivers under that contract" in recitals
    planning = clause_text(doc, "alliance.service-planning", flat=True)
    assert "(£380,000 in the first Alliance Year)" in planning
    before = clause_text(build(_EARLY_HELP, catalogue).document, "alliance.recitals", flat=True)
    assert "the part of the Services that" not in before


def _split(values, *, with_key=False):
    def edit(data):
        trust = next(m for m in data["members"] if m["key"] == "trust")
        trust["service_contracts"] = [{"commissioner": "council", "annual_value": values[0]},
                                      {"commissioner": "pcc", "annual_value": values[1]}]
        if with_key:
            trust["service_contract_with"] = "pcc"
    return edit


def test_service_contract_values_must_add_up(catalogue):
    """Firing: £380,000 and £150,000 do not make the Trust's £580,000; quiet when they do."""
    found = findings(catalogue, ALLIANCE_POOLED_PCC, _split([380000, 150000]))
    message = found["ALLIANCE-SERVICE-CONTRACT-VALUES"][0]
    assert "£530,000 in all" in message and "annual value is £580,000" in message
    assert "ALLIANCE-SERVICE-CONTRACT-VALUES" not in findings(catalogue, ALLIANCE_POOLED_PCC, _split([380000, 200000]))


def test_service_contract_with_beside_several_contracts(catalogue):
    """Firing: service_contract_with names one Commissioner for a Provider with two contracts; quiet without it."""
    found = findings(catalogue, ALLIANCE_POOLED_PCC, _split([380000, 200000], with_key=True))
    assert "does not use service_contract_with ('pcc')" in found["ALLIANCE-SERVICE-CONTRACT-SEVERAL"][0]
    assert "ALLIANCE-SERVICE-CONTRACT-SEVERAL" not in findings(catalogue, ALLIANCE_POOLED_PCC, _split([380000, 200000]))


def test_service_contract_commissioner_must_be_a_commissioner(catalogue):
    """Firing: a service_contracts entry naming a Provider is an error, as for service_contract_with."""
    def edit(data):
        trust = next(m for m in data["members"] if m["key"] == "trust")
        trust["service_contracts"] = [{"commissioner": "council", "annual_value": 380000},
                                      {"commissioner": "parents", "annual_value": 200000}]
    found = findings(catalogue, ALLIANCE_POOLED_PCC, edit)
    assert any("'parents' is not a commissioner" in m for m in found["ALLIANCE-CONTRACT-COMMISSIONER"])


# --- a service two Providers deliver: a row and a service-line budget for each (r32 al-fresh F7) -----------------
_ACCOMMODATION = "Emergency and supported accommodation for single adults and couples"
_HARBOUR = "    annual_value: 1850000\n"
_HARBOUR_LINES = _HARBOUR + (
    "    service_lines:\n"
    f"      - {{service: {_ACCOMMODATION}, annual_value: 1430000, as_delivered: supported housing and emergency beds}}\n"
    "      - {service: Housing First for people with the most entrenched needs, annual_value: 420000}\n")
_SHELTER = "    annual_value: 1100000\n"
_SHELTER_LINES = _SHELTER + (
    "    service_lines:\n"
    f"      - {{service: {_ACCOMMODATION}, annual_value: 700000, as_delivered: the night shelter and day centre}}\n"
    "      - {service: 'Navigation, assessment and a single point of access for all referrals', annual_value: 400000}\n")


def _lines_variant(catalogue):
    source = ALLIANCE_BIG.read_text().replace(_HARBOUR, _HARBOUR_LINES, 1).replace(_SHELTER, _SHELTER_LINES, 1)
    return assemble(validate(load_text(source, ALLIANCE_BIG.name), catalogue), catalogue, today=DRAFT_DATE).document


def _part_1(doc) -> list[list[str]]:
    table = next(b for b in clause(doc, "alliance.schedule-services").blocks if isinstance(b, Table))
    return [[plain_text(cell) for cell in row] for row in table.rows]


def test_a_service_two_providers_deliver_gets_a_row_and_a_budget_each(catalogue):
    """Firing: with service lines, the shared accommodation service has a row for each Provider with its part, and
    Schedule 5 lists every service line; the note no longer asks whether it is one service."""
    doc = _lines_variant(catalogue)
    rows = [r for r in _part_1(doc) if r[0].startswith(_ACCOMMODATION)]
    assert [r[0] for r in rows] == [f"{_ACCOMMODATION} – supported housing and emergency beds",
                                    f"{_ACCOMMODATION} – the night shelter and day centre"]
    assert "Harbour" in rows[0][1] and "Harbour" not in rows[1][1]
    services = clause_text(doc, "alliance.schedule-services", flat=True)
    assert "delivers its own part of that service, with its own budget in paragraph" in services
    budget = next(b for b in clause(doc, "alliance.schedule-budget").blocks
                  if isinstance(b, Table) and plain_text(b.header[1]) == "Service line")
    rows5 = [[plain_text(c) for c in r] for r in budget.rows]
    lines = [r for r in rows5 if r[1].startswith(_ACCOMMODATION) or " – " in r[1] or r[0] in {x[0] for x in rows5
             if x[1].startswith(_ACCOMMODATION)}]
    assert len(lines) == 4 and lines[0][2] == "£1,430,000" and lines[2][2] == "£700,000"
    # every other paid Provider, which gives no lines, has one row for all its services at its whole Annual Value
    # (r43 al-earlyhelp F12), so the line budgets add up to the Providers' budgets as the paragraph says
    others = [r for r in rows5 if r not in lines]
    assert others and len({r[0] for r in others}) == len(others)
    note = flat_note(doc, "alliance.schedule-services")
    assert f'Part 1 shows "{_ACCOMMODATION}" in a row for each of' in note
    assert "The instructions give the same service" not in note


def test_without_service_lines_the_shared_row_stays(alliance_big):
    """Quiet: no service lines, one row against both Providers and the note asks, as before."""
    rows = [r for r in _part_1(alliance_big) if r[0].startswith(_ACCOMMODATION)]
    assert len(rows) == 1 and " and " in rows[0][1]
    assert not [b for b in clause(alliance_big, "alliance.schedule-budget").blocks
                if isinstance(b, Table) and plain_text(b.header[1]) == "Service line"]
    assert "The instructions give the same service" in flat_note(alliance_big, "alliance.schedule-services")


def test_service_lines_must_add_up_and_name_delivered_services(catalogue):
    """Firing: lines short of the annual value, or naming a service the Provider does not deliver; quiet otherwise."""
    def edit(lines):
        def apply(data):
            harbour = next(m for m in data["members"] if m["key"] == "harbour")
            harbour["service_lines"] = lines
        return apply
    good = [{"service": _ACCOMMODATION, "annual_value": 1430000},
            {"service": "Housing First for people with the most entrenched needs", "annual_value": 420000}]
    assert "ALLIANCE-SERVICE-LINES" not in findings(catalogue, ALLIANCE_BIG, edit(good))
    short = [{"service": _ACCOMMODATION, "annual_value": 1400000},
             {"service": "Street outreach", "annual_value": 420000}]
    messages = findings(catalogue, ALLIANCE_BIG, edit(short))["ALLIANCE-SERVICE-LINES"]
    assert any("add up to £1,820,000, but its annual value is £1,850,000" in m for m in messages)
    assert any("'Street outreach' is not one of the services it delivers" in m for m in messages)


# --- a former contract varied under the Provider Selection Regime beyond regulation 13(2) ------------------------
def _psr(value):
    def edit(data):
        trust = next(c for c in data["alliance"]["former_contracts"] if c["member"] == "trust")
        trust["varied_under"] = "psr"
        trust["annual_value"] = value
    return edit


def test_psr_variation_beyond_regulation_13_is_named(catalogue):
    """Firing: £1,000,000 to £1,450,000 a year changes the lifetime value by well over £500,000 and 45%; quiet for
    £1,400,000 (£50,000 a year, below £500,000 over the term)."""
    messages = findings(catalogue, ALLIANCE_JOINT, _psr(1000000))["ALLIANCE-PSR-MODIFICATION-VALUE"]
    assert len(messages) == 1 and "'WCC/MH/2024/07'" in messages[0]
    assert "from £1,000,000 to £1,450,000 a year" in messages[0] and "regulation 13(1)(d) and (2)" in messages[0]
    assert "ALLIANCE-PSR-MODIFICATION-VALUE" not in findings(catalogue, ALLIANCE_JOINT, _psr(1400000))


def test_subcontracting_follows_the_service_contract(catalogue):
    """r36 al-fresh finding 20 (firing): over Service Contracts a Provider subcontracts as its Service Contract allows,
    the Commissioner's consent applying only where the contract is silent; (quiet) under a single contract the
    consent rule stands alone."""
    from tests.families.clause_texts import build, clause_text
    from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_ELLERBY
    over = clause_text(build(ALLIANCE_BIG, catalogue).document, "alliance.operations", flat=True)
    assert "or its Service Contract only as its Service Contract allows or, where its Service Contract does not deal with subcontracting" in over
    single = clause_text(build(ALLIANCE_ELLERBY, catalogue).document, "alliance.operations", flat=True)
    assert "only as its Service Contract allows" not in single
    assert "A Provider may subcontract the performance of any of its obligations under this Agreement only with the prior written consent" in single
