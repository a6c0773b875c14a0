"""The alliance family end to end: samples validate and assemble, the draft holds the term sheet's facts,
the Word file is clean and numbered as the document model says, and bad input is refused with its place."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from assembler.assemble import assemble
from assembler.cli import main
from assembler.formatting import money
from assembler.model import Paragraph, Table, plain_text
from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file, load_text
from assembler.termsheet.validate import validate
from tests.conftest import DRAFT_DATE, ROOT, assemble_to, audit, soffice_text
from tests.families.clause_texts import (
    alliance_gated,
    build,
    clause,
    document_of,
    table_rows,
    text_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG, ALLIANCE_SMALL



def test_there_are_at_least_two_samples():
    assert len(ALLIANCE) >= 2


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_sample_validates_and_assembles_without_findings(path, catalogue):
    result = build(path, catalogue)
    assert result.document.family == "alliance"
    assert [f for f in result.findings if f.severity != "info"] == []


# --- the eight-member complex-needs alliance ---------------------------------------------------


@pytest.fixture(scope="module")
def alliance_big(catalogue):
    return build(ALLIANCE_BIG, catalogue).document


@pytest.fixture(scope="module")
def big_unagreed(catalogue):
    """The sample without its agreed KPI levels, so the draft works the levels out from baseline and target."""
    text = ALLIANCE_BIG.read_text(encoding="utf-8")
    start = text.index("  kpi_trajectories:")
    end = text.index("  decisions:", start)
    return document_of(catalogue, text[:start] + text[end:])


def test_every_member_is_a_party_and_signs(alliance_big):
    names = [p.name for p in alliance_big.parties]
    assert len(names) == 8
    assert "St Luke's Hospice & Care" in names and "Hope & Anchor Women's Project" in names
    assert alliance_big.parties[1].short_name == "St Luke's"


def test_members_table_lists_every_alt_representative(alliance_big):
    rows = table_rows(clause(alliance_big, "alliance.schedule-alt"))
    assert len(rows) == 8
    assert ["St Luke's Hospice & Care", "Sean O'Connell", "Director of Community Services",
            "Mark Penrose, Head of Palliative Care"] in rows
    assert rows[0][:2] == ["Tamarmouth City Council", "Marcus Penhale"]


def test_contract_values_table_and_total(alliance_big):
    rows = table_rows(clause(alliance_big, "alliance.schedule-budget"))
    assert ["Harbour Light Housing Association Limited", "Provider", "£1,850,000"] in rows
    assert rows[-1] == ["Total", "", "£7,700,000"]
    assert "£38,500,000 (thirty-eight million five hundred thousand pounds)" in text_of(clause(alliance_big, "alliance.schedule-budget"))


def test_pro_rata_shares_table_adds_up(alliance_big):
    rows = table_rows(clause(alliance_big, "alliance.schedule-risk-reward"))
    assert ["Harbour Light Housing Association Limited", "24.03%", "24.03%", "£92,500", "£92,500"] in rows
    assert ["Hope & Anchor Women's Project", "8.05%", "8.05%", "£31,000", "£31,000"] in rows
    # the Commissioner has its own row, with its exposure stated as the term sheet chose it
    assert rows[-2] == ["Tamarmouth City Council (the Commissioner)", "0%", "0%", "",
                        "none: uncapped, and bears all Pain above the Providers' Pain Caps"]
    # the Fees are 5% of each annual value: 5% of £7,700,000
    assert rows[-1] == ["Total", "100%", "100%", "£385,000", "£385,000"]  # r24 al-sample 18: the Pain Caps total
    assert len(rows) == 9  # seven providers, the commissioner and the total


def test_outcomes_and_kpis_table(alliance_big):
    c = clause(alliance_big, "alliance.schedule-outcomes")
    rows = table_rows(c)
    assert len(rows) == 5
    assert rows[1] == ["2", "People sleeping rough on a single night (autumn count)", "27", "Fewer than 10 by autumn 2029", "annually"]
    assert rows[4][2] == "Not yet measured; the first annual survey (2027/28) sets it"
    assert "People are supported to die with dignity, wherever they live." in text_of(c)


def test_former_contracts_table(alliance_big):
    # Part 2's table: Part 1 has its own table of who delivers each service
    last = [b for b in clause(alliance_big, "alliance.schedule-services").blocks if isinstance(b, Table)][-1]
    rows = [[plain_text(cell) for cell in row] for row in last.rows]
    assert len(rows) == 12
    # each former contract maps to the listed Service it falls within: given in the sheet, or read from its holder's
    # services (r32 al-sample finding 3)
    assert rows[-1] == ["Moorview Access to Housing Ltd", "Private rented sector access and tenancy sustainment",
                        "TCC/HS/0422", "Private rented sector access and tenancy sustainment", "£600,000"]
    assert rows[0][3] == "Emergency and supported accommodation for single adults and couples"  # the sheet's own answer
    assert all(r[3] and not r[3].startswith("[") for r in rows)


def test_standard_positions_and_common_clauses(alliance_big):
    ids = [c.id for c in alliance_big.all_clauses()]
    chosen = {c.id: c.variant for c in alliance_big.all_clauses() if c.variant}
    assert chosen["alliance.decisions"] == "unanimous"
    assert chosen["alliance.liability"] == "no-blame"
    assert chosen["alliance.risk-reward"] == "gain-and-pain"
    assert chosen["alliance.structure"] == "over-contracts"
    assert chosen["alliance.dispute-ladder"] == "alt-adviser"
    assert chosen["alliance.leaving"] == "without-cause"
    assert chosen["common.disputes"] == "escalation-expert"
    for common in ("common.definitions", "common.conflicts-of-interest", "common.statutory-functions",
                   "common.data-protection", "common.freedom-of-information", "common.general"):
        assert common in ids
    assert "alliance.precedence" in ids


def test_no_blame_carve_outs_from_the_term_sheet(alliance_big):
    text = text_of(clause(alliance_big, "alliance.liability"))
    assert "its breach of its safeguarding obligations;" in text
    assert "its infringement of another person's Intellectual Property Rights;" in text
    assert "its abandoning its part of the Services" not in text
    # every draft keeps debts (a Balancing Amount owed by a solvent member) and the staff-transfer indemnities
    # outside the waiver, whatever the carve-outs chosen
    assert "any sum due from it under this Agreement, including a Balancing Amount; or" in text
    assert "its obligations on staff transfers under clause" in text


def test_accession_deed_names_this_alliance_and_its_members(alliance_big):
    text = text_of(clause(alliance_big, "alliance.schedule-accession"))
    assert "the Alliance Agreement relating to the Tamarmouth Complex Needs Alliance" in text
    assert "St Luke's Hospice & Care, Harbour Light Housing Association Limited" in text
    assert ("Hope & Anchor Women's Project and Moorview Access to Housing Ltd and every organisation that has joined "
            "the Alliance Agreement since it was made and not left it (the \"Existing Parties\")") in text
    # one execution block for each legal form a joining Provider is likely to have
    assert "a company, acting by two authorised signatories, or by one director in the presence of a witness" in text
    assert "a charitable incorporated organisation, acting by two of its charity trustees" in text
    # a deed poll executed by the joining member alone: nobody executes it for the existing members
    assert text.startswith("THIS DEED POLL is dated")
    assert "Alliance Manager" not in text and "on behalf of each of the Existing Parties" not in text
    assert "the Commissioner confirmed in writing on [date of the Commissioner's procurement confirmation]" in text


def test_joining_needs_a_procurement_check_and_no_authority_for_others(alliance_big):
    text = text_of(clause(alliance_big, "alliance.changes"))
    assert "only after the Commissioner has confirmed in writing" in text
    assert "No Party executes an Accession Deed, or authorises anyone to execute one, on behalf of another." in text
    assert "authorises the Alliance Manager" not in text


def test_worked_example_has_a_line_per_provider_and_adds_up(alliance_big):
    c = clause(alliance_big, "alliance.schedule-risk-reward")
    gain, pain, large = [[[plain_text(cell) for cell in row] for row in t.rows]
                         for t in c.blocks if isinstance(t, Table)][1:4]
    assert len(gain) == len(pain) == len(large) == 9  # seven Providers, the Commissioner and the total
    # Harbour Light: paid £1,850,000, Fee £92,500, costs 2% of £7,700,000 (£154,000) below £1,757,500;
    # its 24.03% of the £154,000 Gain is £37,006.20; it kept £154,000 beyond its Fee, so it pays back the rest
    assert gain[1] == ["Harbour Light Housing Association Limited", "£1,603,500", "£154,000", "£37,006.20",
                       "-£116,993.80", "£129,506.20"]
    # One form for amounts in a column: the column with pence shows pence throughout.
    assert gain[-1][3] == "£154,000.00" and gain[-1][4] == "£0.00"
    # within the caps every Provider keeps its Fee less its share: the Fees (£385,000) less the Pain (£154,000)
    assert pain[-1][5] == "£231,000.00"
    # above the caps, every Provider bears its Fee and is left with nil; the Council bears the rest
    # sprint J1: one pence rule for every example, so the third shows pence where the first two do
    assert large[-2] == ["Tamarmouth City Council (the Commissioner)", "", "", "-£105,000.00", "", ""]
    assert large[-1] == ["Total", "£7,805,000", "-£490,000", "-£490,000.00", "£105,000.00", "£0.00"]
    text = text_of(c)
    assert "Example 2: Pain within the Pain Caps." in text
    assert "£105,000 of the Providers' shares lies above their Pain Caps and is borne by the Commissioner" in text


def test_commissioner_exposure_is_stated_in_the_clause(alliance_big):
    text = text_of(clause(alliance_big, "alliance.risk-reward"))
    assert "The Commissioner's exposure to Pain is not capped." in text
    assert "Gain and Pain are paid in no other way." in text
    assert "Each Provider's share of Pain for an Alliance Year is limited to its Pain Cap." in text
    assert "No approval of the ALT is needed for the calculation to bind" in text
    assert "Institute of Chartered Accountants in England and Wales" in text
    assert ("falls due under its Service Contract within the period in clause 13.22, its Balancing Amount is paid by"
            " adjusting that payment" in text)  # r26 al-sample 8: one timing rule
    assert "Otherwise the Balancing Amount is paid by a separate payment under that Service Contract within that period." in text


def test_one_payment_route(alliance_big):
    structure = text_of(clause(alliance_big, "alliance.structure"))
    assert "is paid for them only under that Service Contract, by the Commissioner from the Alliance Budget" in structure  # r21 al-sample 8: one funder
    planning = text_of(clause(alliance_big, "alliance.service-planning"))
    assert "the Alliance Budget is not a separate route of payment" in planning
    assert "must pay each Provider from the Pooled Budget" not in planning


def test_governance_can_decide(alliance_big):
    decisions = text_of(clause(alliance_big, "alliance.decisions"))
    # deadlock: commissioner, as instructed: the Commissioner decides every other deadlocked matter, after a
    # recommendation that does not bind it; the expert never decides, and the definition says so
    # r22 al-sample 3: it decides a deadlocked Annual Plan and KPI change too, within the limits in lettered items
    assert "The Commissioner decides any other deadlocked matter (including the Annual Plan" in decisions
    assert "must first obtain the written recommendation of an Independent Expert, which does not bind it" in decisions
    assert "Its decision binds every Alliance Member as a decision of the ALT" in decisions
    assert "recommendation or decision" not in decisions and "decision or recommendation" not in decisions
    defs = {d.term: plain_text(d.inlines) for d in alliance_big.definitions}
    assert defs["Independent Expert"].endswith("to make a recommendation on a deadlocked matter, or to make a recommendation under clause 9.4")
    # deadlock never overrides unanimity on the money and the membership: the status quo continues
    # (r22 al-sample 3: the Annual Plan is the Commissioner's to decide in a deadlock, as instructed)
    assert "No procedure for deadlock decides any matter listed in this clause." in decisions  # r26 al-sample 1: a list
    assert "The matters are:\nthe Target Cost, the shares" in decisions
    assert "has not decided it within 40 Business Days after it was first put to a meeting of the ALT" in " ".join(decisions.split())
    assert "are not quorate, the matter is in deadlock" not in decisions  # an adjourned meeting is always quorate
    assert "does not vote on that decision and is not counted in the quorum" in decisions
    assert "as a Dispute" not in decisions  # a deadlock is decided, not litigated
    # the quorum is stated once, in clause 8, with the recusal rule and the adjourned meeting; Schedule 3 refers to it
    # r24 al-sample 19: clause 8.6 is split into lettered items
    quorum = ("for a decision on which an Alliance Member does not vote under this Agreement (including under clause 9.9, "
              "clause 13.10, clause 13.12, clause 30.4 and clause 31.8), that Alliance Member is not counted, "  # r25 alA: 13.12
              "and the meeting is quorate for that decision if a representative of every other Alliance Member is present;")
    governance, schedule = text_of(clause(alliance_big, "alliance.governance")), text_of(clause(alliance_big, "alliance.schedule-alt"))
    assert quorum in governance and quorum not in schedule
    assert "Its quorum, and what happens when a meeting is not quorate, are set out in clause 8.6" in schedule
    assert "the adjourned meeting is quorate with the representatives present" in governance
    assert "must appoint a deputy" in governance


def test_leaving_and_the_service_contract_are_linked(alliance_big):
    text = text_of(clause(alliance_big, "alliance.leaving"))
    assert "the Commissioner may end that Provider's Service Contract on the same day by notice" in text
    assert "If the Commissioner gives notice to leave the Alliance, this Agreement ends when its notice expires" in text
    term = text_of(clause(alliance_big, "alliance.term-termination"))
    assert "does not limit any right of the Commissioner under that Provider's Service Contract" in term
    assert "if the Commissioner leaves the Alliance" in term


def test_entire_agreement_carves_out_the_service_contracts(alliance_big):
    text = text_of(clause(alliance_big, "alliance.precedence"))
    assert "is the entire agreement between the Parties does not apply to the Service Contracts" in text


def test_force_majeure_on_one_member_does_not_end_the_alliance(alliance_big):
    # r27 al-sample finding 15: one force majeure clause, not two for one subject
    fm = [c for c in alliance_big.all_clauses() if "force majeure" in c.title.lower()]
    assert [c.id for c in fm] == ["alliance.force-majeure-members"] and fm[0].title == "Force majeure"
    text = text_of(clause(alliance_big, "alliance.force-majeure-members"))
    assert "any Party not affected by the Force Majeure Event may end this Agreement" not in text
    assert "A Party is not in breach of this Agreement" in text
    assert "A Force Majeure Event does not relieve a Party of any obligation to pay a sum that fell due" in text
    assert "the ALT must re-plan those services" in text
    assert "This Agreement continues between the other Parties." in text
    # r26 al-sample finding 14: notice and agreement split
    assert "on 20 Business Days' notice given by any Party, if a Force Majeure Event has prevented the Commissioner" in text


def test_route_and_former_contracts_follow_the_term_sheet(alliance_big):
    recitals = text_of(clause(alliance_big, "alliance.recitals"))
    # r16 al-sample finding 1: three Service Contracts look like health care; r26 al-sample finding 5: the sheet records
    # the Commissioner's view that the Act governs, so the recital states the route; r32 al-sample finding 1: the sheet
    # states it, so no open bracket (the note names the contract most at risk)
    assert "were awarded following a competitive flexible procedure under section 20(2)(b)" in recitals
    assert "[, except the Service Contract of Recovery CIC" not in recitals
    assert "light touch services within section 9" not in recitals
    assert "the award of each Service Contract" in recitals
    note = clause(alliance_big, "alliance.recitals").note
    assert "St Luke's (end-of-life" in note and "Recovery CIC (community substance use" in note
    assert "regulation 13 of S.I. 2023/1348" in note
    # r19 al-sample finding 19: the caveat is stated once, in the recitals note; clause 3's note points to it
    assert "regulation 13 of S.I. 2023/1348" not in clause(alliance_big, "alliance.precedence").note
    assert "may have been awarded under the Provider Selection Regime, see the recitals note" in clause(alliance_big, "alliance.precedence").note
    assert "The Former Contracts end by agreement when the Service Contracts awarded by that procurement start" in recitals
    transition = text_of(clause(alliance_big, "alliance.transition"))
    assert "the Former Contract ends:" in transition and "at the end of the day before the Commencement Date" in transition


def test_solicitor_expectations_are_covered(alliance_big):
    ops = text_of(clause(alliance_big, "alliance.operations"))
    for words in ("paid by the Commissioner, within a budget of £145,000", "aggregated or anonymised form",
                  "complaints procedure", "exclude VAT", "set off", "subsidy control", "business continuity plan",
                  "step in", "auditors"):
        assert words in ops, words
    workforce = text_of(clause(alliance_big, "alliance.workforce"))
    for words in ("indemnify", "regulation 11", "Local Government Pension Scheme", "NHS Pension Scheme"):
        assert words in workforce, words
    assert "how it intends to secure the Services afterwards" in text_of(clause(alliance_big, "alliance.schedule-exit"))


def test_definitions_from_the_term_sheet(alliance_big):
    defs = {d.term: plain_text(d.inlines) for d in alliance_big.definitions}
    assert defs["Commissioner"] == "the Council, in its capacity as commissioner of the Services"
    assert defs["Provider"].endswith("St Luke's, Harbour Light, Recovery CIC, Riverside, Shelter Point, "
                                     "Hope and Anchor and Moorview")  # defined names, no "the St Luke's"
    assert defs["Alliance Budget Holder"].startswith("the Council, which holds")  # its defined name, not its full name again
    assert "Alliance Member" in defs and "Reserved Matter" not in defs


# --- the three-member majority alliance --------------------------------------------------------


@pytest.fixture(scope="module")
def small(catalogue):
    return build(ALLIANCE_SMALL, catalogue).document


def test_majority_and_reserved_matters(small):
    c = clause(small, "alliance.decisions")
    assert c.variant == "majority"
    text = text_of(c)
    assert "at least 66% of the votes" in text
    assert "(at the Commencement Date, two of the three votes)" in text   # the percentage in votes
    # markup chosen by a condition is still markup: the defined term, not its brackets
    assert "No procedure for deadlock decides a Reserved Matter, the Target Cost" in text and "[[" not in text
    assert ("any decision that commits the Commissioner's budget beyond the Annual Plan[, other than an approval of "
            "costs under clause 11.6 or of running costs under clause 14.1") in text  # r19 al-fresh finding 1: the overspend approvals keep their own rule
    reserved = next(p for p in c.blocks if isinstance(p, Paragraph) and p.anchor == "reserved")
    defs = {d.term: plain_text(d.inlines) for d in small.definitions}
    assert defs["Reserved Matter"] == f"each matter listed in clause {reserved.number}"
    assert "Commissioner" not in defs  # the parties block defines it: the council's short name


def test_gain_only_table_has_no_pain_column(small):
    c = clause(small, "alliance.schedule-risk-reward")
    table = next(b for b in c.blocks if isinstance(b, Table))
    # the instructions give no Fee, so the draft pays none and has no Fee column (never a silent 5%)
    assert [plain_text(h) for h in table.header] == ["Alliance Member", "Share of Gain"]
    assert table_rows(c) == [["Northbrook Foyer & Young People's Trust", "50%"],
                             ["Pathways Floating Support Limited", "30%"],
                             ["Northbrook District Council (the Commissioner)", "20%"],
                             ["Total", "100%"]]
    # a gain-only deal prints no Pain wording anywhere, and a single contract no Service Contracts
    parts = [*small.clauses, *small.schedules]
    text = " ".join([*(text_of(x) for x in parts), *(x.note or "" for x in parts),
                     *(" ".join(" ".join(r) for r in table_rows(x)) for x in parts if any(isinstance(b, Table) for b in x.blocks)),
                     *(plain_text(d.inlines) for d in small.definitions)])
    assert "Pain" not in text
    assert "Service Contract" not in text
    # no Fee given: no Fee definition, column or clause wording, only the statement that none is paid
    operative = " ".join([*(text_of(x) for x in parts), *(plain_text(d.inlines) for d in small.definitions),
                          *(" ".join(" ".join(r) for r in table_rows(x)) for x in parts if any(isinstance(b, Table) for b in x.blocks))])
    assert "Fee" not in operative.replace("no Provider is paid a Fee", "").replace("no Provider paid a Fee", "")


def test_small_alliance_positions(small):
    chosen = {c.id: c.variant for c in small.all_clauses() if c.variant}
    assert chosen["alliance.structure"] == "single-contract"
    assert chosen["alliance.liability"] == "capped"
    assert chosen["alliance.leaving"] == "for-cause"
    assert chosen["alliance.dispute-ladder"] == "direct"
    ids = [c.id for c in small.all_clauses()]
    assert "alliance.precedence" not in ids  # no Service Contracts under a single contract
    assert [p.name for p in small.parties] == ["Northbrook District Council", "Northbrook Foyer & Young People's Trust",
                                               "Pathways Floating Support Limited"]


def test_open_facts_become_placeholders(small):
    labels = [label for label, _ in small.placeholders()]
    assert "name of the ALT representative of Pathways Floating Support Limited" in labels
    assert "minimum liability cap for a member with a small annual value" in labels


def test_key_information_follows_the_gain_only_position(small):
    rows = table_rows(clause(small, "alliance.key-information"))
    assert ["Shares of Gain", "Northbrook District Council 20%; Northbrook Foyer & Young People's Trust 50%; "
            "Pathways Floating Support Limited 30%"] in rows
    assert not [row for row in rows if "Pain" in row[0]]  # a gain-only deal has no Pain rows
    assert ["Estimated value over the Initial Term", "£2,700,000 (£4,500,000 if the Term is extended)"] in rows  # £900,000 a year


# --- a commissioner outside the alliance -------------------------------------------------------


@pytest.fixture(scope="module")
def outside(catalogue, tmp_path_factory):
    text = ALLIANCE_BIG.read_text(encoding="utf-8").replace("commissioner_is_member: true", "commissioner_is_member: false")
    path = tmp_path_factory.mktemp("outside") / "outside.yaml"
    path.write_text(text, encoding="utf-8")
    return build(path, catalogue).document


def test_commissioner_outside_has_no_seat_or_vote(outside):
    rows = table_rows(clause(outside, "alliance.schedule-alt"))
    assert len(rows) == 7 and "Tamarmouth City Council" not in [r[0] for r in rows]
    governance = text_of(clause(outside, "alliance.governance"))
    assert "The Commissioner is not an Alliance Member." in governance
    # unanimous decisions: every Alliance Member must be present, whatever two-thirds would be
    assert "quorate if a representative of every Alliance Member is present" in governance
    defs = {d.term: plain_text(d.inlines) for d in outside.definitions}
    assert defs["Alliance Member"].startswith("each Party other than the Commissioner,")
    assert len(outside.parties) == 8  # the commissioner still signs


@pytest.mark.parametrize("cap, expected", [
    ("{basis: percent_of_value, percent: 7.5}", "Pain Cap for an Alliance Year is 7.5% of its Annual Value for that year."),
    ("{basis: fixed_amount, amount: 50000}", "Pain Cap for an Alliance Year is £50,000 (fifty thousand pounds)."),
], ids=["percent", "fixed"])
def test_pain_cap_bases_render(cap, expected, catalogue, tmp_path):
    text = ALLIANCE_BIG.read_text(encoding="utf-8").replace("    pain_cap:\n      basis: fee\n", f"    pain_cap: {cap}\n")
    path = tmp_path / "cap.yaml"
    path.write_text(text, encoding="utf-8")
    doc = build(path, catalogue).document
    assert expected in text_of(clause(doc, "alliance.schedule-risk-reward"))


# --- the Word file -----------------------------------------------------------------------------


@pytest.fixture(scope="module", params=ALLIANCE, ids=lambda p: p.stem)
def drafted(request, catalogue, tmp_path_factory):
    """Each sample assembled once through the engine, written, and read back by LibreOffice."""
    out = tmp_path_factory.mktemp(request.param.stem) / "draft.docx"
    assemble_to(request.param, out, catalogue)
    doc = build(request.param, catalogue).document
    return request.param, out, doc, soffice_text(out)


def test_word_file_is_schema_clean(drafted):
    _, out, _, _ = drafted
    errors, prediction = audit(out)
    assert errors == []
    assert prediction == "opens-clean"


def _lines(text: str) -> set[str]:
    return {re.sub(r"\s+", " ", line).strip() for line in text.splitlines()}


def test_libreoffice_numbering_and_references_match_the_model(drafted):
    _, _, doc, text = drafted
    lines = _lines(text)
    checked = 0
    for c in [*doc.clauses, *doc.schedules]:
        if c.kind == "clause":
            assert f"{c.number}. {c.title}" in lines
        for p in c.blocks:
            if isinstance(p, Paragraph) and p.kind == "numbered" and p.number:
                assert re.sub(r"\s+", " ", f"{p.number} {p.text}").strip() in lines, (c.id, p.number)
                checked += 1
    assert checked > 150
    labels = {"1.", "1.1", "(a)"}
    assert all(any(line.startswith(label + " ") for line in lines) for label in labels)


def test_assembling_twice_is_byte_identical(drafted, catalogue, tmp_path):
    path, out, _, _ = drafted
    again = assemble_to(path, tmp_path / "again.docx", catalogue)
    assert again.read_bytes() == out.read_bytes()


# --- bad input ---------------------------------------------------------------------------------


def _line(text: str, needle: str) -> int:
    return next(n for n, row in enumerate(text.splitlines(), 1) if needle in row)


def _run_bad(tmp_path: Path, text: str) -> tuple[object, Path, Path]:
    sheet = tmp_path / "bad.yaml"
    sheet.write_text(text, encoding="utf-8")
    out = tmp_path / "bad.docx"
    result = CliRunner().invoke(main, ["assemble", str(sheet), "-o", str(out), "--date", "2026-04-01"])
    return result, sheet, out


def _small_with(old: str, new: str) -> str:
    text = ALLIANCE_SMALL.read_text(encoding="utf-8")
    assert old in text
    return text.replace(old, new, 1)


def _cut_members_to_two(text: str) -> str:
    start = text.index("  - key: pathways")
    end = text.index("alliance:\n")
    return text[:start] + text[end:].replace("      - {member: pathways, gain: 30}\n", "")


BAD = [
    ("two-members", lambda: _cut_members_to_two(ALLIANCE_SMALL.read_text(encoding="utf-8")), "members:",
     "members: needs at least 3 entries, this has 2"),
    ("share-not-a-number", lambda: _small_with("{member: foyer, gain: 50}", "{member: foyer, gain: half}"),
     "member: foyer, gain: half", "alliance.risk_reward.shares[1].gain: 'half' is not a percentage"),
    ("share-over-100", lambda: _small_with("{member: foyer, gain: 50}", "{member: foyer, gain: 150}"),
     "member: foyer, gain: 150", "alliance.risk_reward.shares[1].gain: must be at most 100 (got 150)"),
    ("unknown-field", lambda: _small_with("    reserved_matters:", "    reserved_matter:"),
     "reserved_matter:", "alliance.decisions.reserved_matter: unknown field 'reserved_matter' (did you mean 'reserved_matters'?)"),
    ("bad-role", lambda: _small_with("role: provider", "role: supplier"),
     "role: supplier", "members[1].role: 'supplier' is not one of the choices; choose one of: commissioner, provider"),
    ("unknown-member-key", lambda: _small_with("{member: pathways, gain: 30}", "{member: pathway, gain: 30}"),
     "member: pathway,", "alliance.risk_reward.shares[2].member: ALLIANCE-UNKNOWN-MEMBER: no member has the key 'pathway' (did you mean 'pathways'?)"),
]


@pytest.mark.parametrize("name, make, needle, message", BAD, ids=[b[0] for b in BAD])
def test_bad_input_is_located_and_nothing_is_written(name, make, needle, message, tmp_path):
    text = make()
    result, sheet, out = _run_bad(tmp_path, text)
    assert result.exit_code == 1
    expected = f"bad.yaml:{_line(text, needle)}: {message}"
    assert any(expected in line for line in result.output.splitlines()), result.output
    assert "Traceback" not in result.output
    assert not out.exists()


def test_more_than_twenty_members_is_out_of_range(tmp_path):
    text = ALLIANCE_SMALL.read_text(encoding="utf-8")
    block = text[text.index("  - key: pathways"):text.index("alliance:\n")]
    extra = "".join(block.replace("key: pathways", f"key: extra-{i}").replace("short_name: Pathways", f"short_name: Extra {chr(65 + i)}")
                    for i in range(18))
    text = text.replace("alliance:\n", extra + "alliance:\n", 1)
    result, sheet, out = _run_bad(tmp_path, text)
    assert result.exit_code == 1
    assert f"bad.yaml:{_line(text, 'members:')}: members: has too many entries: at most 20 are allowed, this has 21" in result.output
    assert not out.exists()


def test_majority_without_reserved_matters_stops_assembly(tmp_path):
    text = ALLIANCE_SMALL.read_text(encoding="utf-8")
    start = text.index("    reserved_matters:")
    end = text.index("  risk_reward:")
    text = text[:start] + "    reserved_matters: []\n" + text[end:]
    result, sheet, out = _run_bad(tmp_path, text)
    assert result.exit_code == 1
    assert f":{_line(text, 'reserved_matters: []')}: alliance.decisions.reserved_matters: ALLIANCE-RESERVED-MATTERS:" in result.output
    assert not out.exists()


# --- co-commissioners: a council and an integrated care board -------------------------------

ALLIANCE_JOINT = next(p for p in ALLIANCE if p.stem == "mental-health-four-members-varied")


@pytest.fixture(scope="module")
def joint(catalogue):
    return build(ALLIANCE_JOINT, catalogue).document


def test_co_commissioners_are_commissioners_not_providers(joint):
    defs = {d.term: plain_text(d.inlines) for d in joint.definitions}
    assert defs["Commissioner"].startswith("each of the Council and the ICB, in its capacity as a commissioner")
    # r27 al-fresh 12: the joint-exercise mechanism is in clause 4, not the definition
    assert "jointly through the Lead Commissioner" in text_of(clause(joint, "alliance.structure"))
    assert defs["Lead Commissioner"].startswith("the Council, which leads the Commissioners")
    assert "ICB" not in defs["Provider"]
    rows = table_rows(clause(joint, "alliance.schedule-risk-reward"))
    assert ["Wealdshire County Council (a Commissioner)", "20%", "25%",
            "£100,000 a year for the Commissioners together, including Pain above the Providers' Pain Caps; "
            "Pain above that returns to the Providers up to their Pain Limits"] in rows
    # sprint J1: the second Commissioner's row refers to the one amount instead of repeating it
    assert ["NHS Wealdshire and Downs Integrated Care Board (a Commissioner)", "10%", "15%",
            "within the one amount for the Commissioners together, stated above"] in rows
    leaving = text_of(clause(joint, "alliance.leaving"))
    assert "If the Lead Commissioner gives notice to leave the Alliance, or every Commissioner does, this Agreement ends" in leaving
    assert "If another Commissioner gives notice to leave, this Agreement continues" in leaving


def test_commissioner_cap_returns_pain_to_the_providers(joint):
    c = clause(joint, "alliance.schedule-risk-reward")
    pain = [[[plain_text(cell) for cell in row] for row in t.rows] for t in c.blocks if isinstance(t, Table)][2]
    assert pain[-2][3] == "-£100,000.00"  # the Commissioners bear exactly their cap (pence: the column has them)
    assert pain[-1][3] == "-£240,000.00"
    text = text_of(c)
    # caps of 4% of value (£58,000, £28,800, £12,400, £20,800) against pain shares of 30%, 14%, 6% and 10%:
    # the Trust's bites first at £193,333.33; the Commissioners' £100,000 is reached at £220,000
    assert "the first Provider's Pain Cap is reached when Pain is £193,333.33" in text
    assert "the Commissioners' combined share reaches £100,000 when it is £220,000" in text
    assert "£60,000 returns to the Providers above their caps, within their Pain Limits" in text
    assert "Each Provider's Pain Limit for an Alliance Year is 8% of its Annual Value for that year" in text
    rr = text_of(clause(joint, "alliance.risk-reward"))
    commissioner = next(p for p in clause(joint, "alliance.risk-reward").blocks
                        if isinstance(p, Paragraph) and p.anchor == "commissioner")
    assert f"Subject to clause {commissioner.number}, each Provider's share of Pain" in rr
    assert "in addition to and above their Pain Caps, but no Provider bears more of the Pain for an Alliance Year in all than its Pain Limit" in rr
    assert "unless every Provider first agrees in writing." in rr
    # r14 al-fresh finding 3: the Providers' consent bites where Pain starts to return to them (the Commissioners'
    # amount is reached), not only once the Commissioners' share would pass it, which their cap never lets happen
    assert ("make the forecast Pain for that Alliance Year exceed the Pain at which the Commissioners' combined share "
            "reaches £100,000 (calculated under paragraph") in rr
    assert ": £220,000 for the first Alliance Year) unless every Provider first agrees in writing." in rr
    assert "combined forecast share of the Pain exceed" not in rr
    sched = text_of(clause(joint, "alliance.schedule-risk-reward"))
    assert "(in an example where Pain is more than £220,000, with every Provider's prior written agreement, as clause" in sched


def test_modification_route_varies_the_former_contracts(joint):
    recitals = text_of(clause(joint, "alliance.recitals"))
    assert "a modification of existing contracts under regulation 72 of the Public Contracts Regulations 2015" in recitals
    assert "Procurement Act" not in recitals
    assert "vary the Former Contract with effect from the Commencement Date" in text_of(clause(joint, "alliance.transition"))
    note = next(c for c in joint.all_clauses() if c.id == "alliance.precedence").note
    assert "regulation 72 of the Public Contracts Regulations 2015" in note and "section 75" not in note


# --- open-book terms inside an alliance ------------------------------------------------------

OPEN_BOOK = """
open_book:
  profit_cap: 4
  basis: allowable_cost
  overhead_cap: 10
  allowable_costs:
    - Staff pay, employer's National Insurance and pension contributions, and training
    - Premises, utilities and insurance for the services
  reconciliation: annually
  reporting: quarterly
  level: cost-model
  first_period_start: 2027-04-01
  benchmark:
    source: ssro
  cost_model:
    direct_costs: 1600000
    overheads: 150000
    income: 1850000
"""


def with_open_book(text: str) -> str:
    """The eight-member sample with open-book terms and a cost model for each Provider: direct costs
    at 88% and overheads at 7% of its annual value, and income equal to its annual value."""
    out = []
    for line in text.splitlines():
        out.append(line)
        m = re.fullmatch(r"    annual_value: (\d+)", line)
        if m and int(m.group(1)) > 0:
            value = int(m.group(1))
            out += ["    cost_model:", f"      direct_costs: {value * 88 // 100}",
                    f"      overheads: {value * 7 // 100}", f"      income: {value}"]
    return "\n".join(out).replace("\npositions:", OPEN_BOOK + "\npositions:")


@pytest.fixture(scope="module")
def open_book_alliance(catalogue, tmp_path_factory):
    path = tmp_path_factory.mktemp("open-book") / "alliance-open-book.yaml"
    path.write_text(with_open_book(ALLIANCE_BIG.read_text(encoding="utf-8")), encoding="utf-8")
    return build(path, catalogue)


def test_open_book_inside_an_alliance_reconciles_each_provider(open_book_alliance):
    assert [f.rule for f in open_book_alliance.findings if f.severity == "error"] == []
    doc = open_book_alliance.document
    c = clause(doc, "alliance.schedule-open-book-providers")
    rows = table_rows(c)
    assert len(rows) == 7  # one line for each Provider
    # Harbour Light spends £1,720,000, £37,500 below its £1,757,500 budget: the Gain of £37,500 is shared first (its
    # 24.03% is £9,011.25), its Balancing Amount is -£28,488.75, and its Actual Profit of £101,511.25 (its £92,500 Fee
    # plus its share) is its Reasonable Profit, so none of the underspend is also Excess Profit
    assert rows[1] == ["Harbour Light Housing Association Limited", "£1,720,000", "£1,850,000", "-£28,488.75",
                       "£101,511.25", "£101,511.25", "£0", "£101,511.25"]
    # a Provider on budget keeps its Fee (5% of value) and its share, though 4% of its costs is less
    assert rows[3] == ["Riverside Community Health CIC", "£1,197,000", "£1,260,000", "£6,135.00", "£69,135.00",
                       "£69,135.00", "£0", "£69,135.00"]
    text = text_of(c)
    assert "counts in the Actual Cost, and so is shared as Pain" in text
    cap = text_of(clause(doc, "common.open-book-profit-cap"))
    assert "the loss counts in the Actual Cost and is shared as Pain under clause" in cap
    rr = text_of(clause(doc, "alliance.risk-reward"))
    assert "the Balancing Amount is calculated first, on the payments due to it before any transfer or refund" in rr
    assert "no underspend is counted both as Gain and as Excess Profit" in rr
    defs = {d.term: plain_text(d.inlines) for d in doc.definitions}
    assert defs["Delivery Costs"].startswith("for each Provider and Alliance Year, its Allowable Costs as shown in its Cost Statement under clause")
    assert "for any other Provider" not in defs["Delivery Costs"]  # every Provider is in the open book
    # the Balancing Amount counts in the profit of the year it settles, never in Service Income as well
    assert "but not any Balancing Amount (which counts towards Actual Profit separately" in defs["Service Income"]
    assert "plus the Open-Book Provider's Balancing Amount for the Alliance Year that period covers" in defs["Actual Profit"]
    assert "or, if greater, the Open-Book Provider's Fee plus its share of any Gain" in defs["Reasonable Profit"]
    assert "A Balancing Amount counts towards Actual Profit only for the Alliance Year it settles" in rr


RAVENSMOOR = Path(__file__).parent / "fixtures" / "alliance-ravensmoor.yaml"


def _ravensmoor() -> AllianceTermSheet:
    return AllianceTermSheet.model_validate(load_file(RAVENSMOOR).data)


def test_an_underspend_is_counted_once_not_as_gain_and_excess_profit():
    """r14 al-fresh finding 1: Youth Link spends £900,000 against its £921,600 budget, everyone else on budget.
    The Gain of £21,600 is shared first (Youth Link's 22% is £4,752), and the profit cap then applies to its whole
    return: it ends with its Fee plus its share, nothing is swept to the Reinvestment Fund, and the Commissioners
    pay out no more than the Gain."""
    alliance = _ravensmoor().alliance
    budgets = {m.key: m.annual_value - alliance.fee_for(m) for m in alliance.providers}
    costs = dict(budgets, youthlink=Decimal(900000))
    settlement, lines = alliance.open_book_year("full-cost", "reinvest", costs)
    assert settlement.gain == Decimal(21600)
    youth = next(line for line in lines if line.member.key == "youthlink")
    assert youth.balancing == Decimal("-16848.00")
    assert youth.actual_profit == Decimal("43152.00") == Decimal(38400) + Decimal(4752)
    assert youth.rec.maximum_profit == Decimal("36000.00")  # 4% of £900,000 alone would sweep £7,152
    assert youth.reasonable == youth.actual_profit and youth.excess == 0
    assert all(line.excess == 0 for line in lines)
    # the Commissioners' side: they pay the Providers' shares of Gain and nothing into a Reinvestment Fund
    assert settlement.commissioner_share == Decimal("6480.00")  # 30% of £21,600
    # each Provider spending exactly its budget keeps its whole Fee (4% of value) though 4% of cost is less
    _, on_budget = alliance.open_book_year("full-cost", "reinvest", budgets)
    assert [(line.member.key, line.excess, line.kept) for line in on_budget] == [
        ("youthlink", 0, Decimal("38400.00")), ("streetwise", 0, Decimal("20800.00")),
        ("brightline", 0, Decimal("28000.00")), ("parents", 0, Decimal("12000.00"))]


def test_the_cap_still_catches_income_from_outside_the_alliance():
    """A £10,000 grant on top of the Service Contract is Service Income outside the settlement: it is swept."""
    text = RAVENSMOOR.read_text(encoding="utf-8").replace("      income: 960000\n", "      income: 970000\n")
    alliance = AllianceTermSheet.model_validate(load_text(text).data).alliance
    budgets = {m.key: m.annual_value - alliance.fee_for(m) for m in alliance.providers}
    _, lines = alliance.open_book_year("full-cost", "reinvest", budgets)
    line = next(line for line in lines if line.member.key == "youthlink")
    assert line.balancing == 0 and line.excess == Decimal("10000.00") and line.kept == Decimal("38400.00")


def test_a_provider_without_a_cost_model_is_warned(catalogue, tmp_path):
    text = with_open_book(ALLIANCE_BIG.read_text(encoding="utf-8"))
    text = text.replace("    annual_value: 600000\n    cost_model:\n      direct_costs: 528000\n      overheads: 42000\n"
                        "      income: 600000", "    annual_value: 600000")
    path = tmp_path / "missing.yaml"
    path.write_text(text, encoding="utf-8")
    found = [f for f in build(path, catalogue).findings if f.rule == "ALLIANCE-OPEN-BOOK-COST-MODELS"]
    assert len(found) == 1 and "Moorview Access to Housing Ltd has no cost_model" in found[0].message


def test_commencement_and_the_contracts(alliance_big):
    """The agreement takes effect on signature, the services on the Commencement Date; the Service Contracts
    carry the alliance terms as awarded; a leaving Provider's contract is not handed to another provider."""
    term = text_of(clause(alliance_big, "alliance.term-termination"))
    # the whole Agreement binds from signature (definitions, confidentiality, disputes, notices); only delivery and
    # the money and performance clauses wait for the Commencement Date
    assert term.startswith("This Agreement takes effect, and applies, from the date on which every Party has signed it")
    assert "the obligations to deliver them, clause 13 and clause 14 apply from that date" in term
    # the clause gives the reason for binding from signature; the drafting note no longer repeats it (sprint Y3:
    # explanation a solicitor does not need is cut from the notes)
    assert "the Alliance Manager may be appointed under clause 8.7, and the first Annual Plan prepared and approved under clause 12.1 and clause 12.2" in term
    assert "so that the Alliance Manager can be appointed" not in clause(alliance_big, "alliance.term-termination").note
    assert "The Services start on the Commencement Date" in term
    assert "Until an Alliance Manager is appointed, an officer nominated by the Commissioner acts as the Alliance Manager"\
        in text_of(clause(alliance_big, "alliance.governance"))
    precedence = text_of(clause(alliance_big, "alliance.precedence"))
    # r25 al-sample finding 1: the list of terms, so far as the governing procurement law permits (lane alB)
    assert ("contains, when it is awarded or by a variation made before the Commencement Date, terms giving effect to the"
            " following, so far as the law on public procurement that governs that Service Contract permits:") in precedence
    assert "this clause;" in precedence
    assert "within 3 months after the Commencement Date" not in precedence
    assert "or to the Former Contracts and the rights and liabilities that arose under them" in precedence
    note = next(c for c in alliance_big.all_clauses() if c.id == "alliance.precedence").note
    # light touch contracts: modified without a Schedule 8 ground, and without a change notice
    assert "without a ground in Schedule 8" in note and "section 75(6)(b)" in note
    assert "unambiguously provided for" not in note
    leaving = text_of(clause(alliance_big, "alliance.leaving"))
    assert "subject to the law on public procurement, arrange for the services to be provided by another provider" in leaving
    assert "transfer to another provider" not in leaving
    # sprint G3 finding 9: what happens to the Service Contracts when the Agreement ends is said once, in the term clause
    assert "What happens to the Service Contracts when this Agreement ends in that way is set out in clause" in leaving
    term = " ".join(text_of(clause(alliance_big, "alliance.term-termination")).split())
    assert "If this Agreement ends for any reason, each Service Contract continues until it ends under its own terms." in term
    general = text_of(clause(alliance_big, "common.general"))
    changes = clause(alliance_big, "alliance.changes").number
    assert f"signed by or on behalf of each Party, except as clause {changes} provides for a new member joining by deed" in general
    # insured from the date of this Agreement (the reviewers read "the services under it" as a slip)
    assert "from the date of this Agreement until it ends" in text_of(clause(alliance_big, "common.insurance"))
    assert "need the written approval of every Alliance Member" in text_of(clause(alliance_big, "alliance.changes"))


def test_agreed_kpi_levels_print_as_agreed(alliance_big):
    """The sample gives the yearly levels agreed at tender clarification: they print plain, not as open points."""
    rows = [[plain_text(cell) for cell in row]
            for t in clause(alliance_big, "alliance.schedule-outcomes").blocks if isinstance(t, Table) for row in t.rows]
    assert ["1", "higher", "215", "240", "260", "260", "260"] in rows
    assert ["5", "higher", "to be set from the 2027/28 survey", "70%", "74%", "77%", "80%"] in rows


def test_kpi_trajectories_drive_improvement_plans_and_the_gain_gate(big_unagreed):
    alliance_big = big_unagreed
    rows = [[plain_text(cell) for cell in row]
            for t in clause(alliance_big, "alliance.schedule-outcomes").blocks if isinstance(t, Table) for row in t.rows]
    # "Fewer than 10 by autumn 2029": reached in Year 3 as a level below 10, not a level of 10 that would miss it
    # 27 to below 10 over three years: 21.33 and 15.67, rounded down because lower is better (r14 al-fresh finding 29)
    assert ["2", "lower", "[21]", "[15]", "[below 10]", "[below 10]", "[below 10]"] in rows
    # baseline 180 measured in 2024/25: the line runs from then to 260 in 2029/30 (Year 3), so Year 1 is 228
    assert ["1", "higher", "[228]", "[244]", "[260]", "[260]", "[260]"] in rows
    assert ["3", "lower", "[12%]", "[10%]", "[8%]", "[6%]", "[below 5%]"] in rows
    part3 = text_of(clause(alliance_big, "alliance.schedule-outcomes"))
    assert "[The targets for Key Performance Indicators 3 and 4 are to be reached in the last Alliance Year" in part3  # r26: bracketed
    assert "the figure for that year as a whole, not the figure for any one period" in part3
    # a count of people in the service is never the sum of the quarterly figures (4 x the caseload)
    assert "the number of different people its source counts for the year" not in part3  # r26 al-sample 19
    assert "in neither case" not in part3
    assert "the average of the figures for the periods, not their sum" in part3
    # an average time is averaged over the cases, never summed as a count would be
    assert "For an average (such as the average time taken to contact a person referred)" not in part3  # r26 al-sample 19
    assert "the average of the figures for the periods" in part3
    assert "people in treatment" not in part3
    # r25 al-fresh 18: a fixed percentage target is shown (open) for its target year, the rest wait for the baseline
    assert ["5", "higher", "to be set", "to be set", "to be set", "to be set", "[80%]"] in rows
    assert "(a level shown for it in the table below is its target, which applies only from then)" in part3
    performance = text_of(clause(alliance_big, "alliance.performance"))
    assert "is worse than its level for that Alliance Year set out in Part 3 of Schedule 2" in performance
    assert "for which a lower figure is better, above it" in performance
    gate = "no worse than its level for that year set out in Part 3 of Schedule 2"
    assert "Whether a Provider's share of Gain counts" not in text_of(clause(alliance_big, "alliance.schedule-risk-reward"))  # no gate instructed
    assert gate not in text_of(clause(alliance_big, "alliance.risk-reward"))


def test_an_instructed_gain_gate_is_stated_once_and_cross_referred(catalogue):
    """r18b al-fresh findings 2 and 18: with the gate instructed, clause 13.5 states it; the objectives clause and the
    risk/reward Schedule only refer to it."""
    doc = alliance_gated(ALLIANCE_BIG, catalogue)
    gate = "no worse than its level for that year set out in Part 3 of Schedule 2"
    assert "was " + gate + ", judged on the data available to the Alliance Manager" in text_of(clause(doc, "alliance.risk-reward"))
    cross = ("Whether a Provider's share of Gain counts depends on performance against the Key Performance Indicators, "
             "as clause 13.8 provides.")
    assert cross in text_of(clause(doc, "alliance.schedule-risk-reward"))
    assert cross in text_of(clause(doc, "alliance.objectives"))
    assert "As instructed, every KPI gates every Provider's Gain" in " ".join(clause(doc, "alliance.risk-reward").note.split())


def test_key_information_shows_fees_caps_shares_and_value_with_extensions(alliance_big):
    rows = dict((r[0], r[1]) for r in table_rows(clause(alliance_big, "alliance.key-information")))
    # £7,700,000 a year over five years, and over ten with the five-year extension
    assert rows["Estimated value over the Initial Term"] == (
        "£38,500,000 at the first year's Annual Values, before indexation (£77,000,000 if the Term is extended)")
    assert "including each Provider's Fee of 5% of its Annual Value (£385,000 in all)" in rows["Target Cost and Fees"]
    assert "Annual Values increased each year by the Indexation Increase" in rows["Target Cost and Fees"]
    assert "Harbour Light Housing Association Limited 24.03%" in rows["Shares of Gain and Pain"]
    assert rows["Providers' Pain Caps"].startswith("each Provider's Fee a year, as set out in Schedule 4; it limits only a Provider's "
                                                   "share of the Pain. Costs above a Provider's budget count towards Pain only "
                                                   "if approved under clause 13.")
    assert "deadlock: what stays as it is, clause 9.6; who decides the rest, clause 9.7" in rows["ALT decisions"]  # r27 al-fresh 13


def test_no_blame_staff_subcontracting_and_insolvency(alliance_big):
    liability = text_of(clause(alliance_big, "alliance.liability"))
    assert "may enforce the waiver in this clause in their own favour under the Contracts (Rights of Third Parties) Act 1999" in liability
    assert "Any other Alliance Member bears its own unrecoverable losses." in liability
    assert "loss caused to the other Alliance Members by its Insolvency Event" in liability
    general = text_of(clause(alliance_big, "common.general"))
    assert f"except as clause {clause(alliance_big, 'alliance.liability').number} provides for the Personnel of the Alliance Members" in general
    assert "(which clause 16.12 governs) remains responsible" in general  # r27 al-sample 16: no restated consent
    assert "only with the prior written consent of the Commissioner" in text_of(clause(alliance_big, "alliance.operations"))


def test_balancing_amount_cannot_reimburse_overspend_or_undo_deductions(alliance_big):
    """The reviewer's open-ended reimbursement: unapproved overspend is not a Delivery Cost, deductions are not
    repaid through the Balancing Amount, and a forecast of Pain reaching the first cap is an early warning."""
    rr = text_of(clause(alliance_big, "alliance.risk-reward"))
    # measured after a reduction for services not delivered (which reduces the Target Cost), before any other
    # deduction, so a deduction is neither repaid nor recovered twice (r15 al-sample finding 1)
    assert "after any reduction because services were not delivered (which reduces the Target Cost" in rr
    assert "before any other deduction, reduction, withholding or set-off" in rr
    assert "measured before any deduction" not in rr
    assert ("the Pain at which the first Provider's Pain Cap is reached (calculated under paragraph 3 of Schedule 4):\n"
            "the Alliance Manager must give an Early Warning") in rr
    # the threshold is stated once, computed, in the Schedule; the clause refers to it rather than repeating it
    assert money(big_first_cap(alliance_big)) not in rr
    assert money(big_first_cap(alliance_big)) in text_of(clause(alliance_big, "alliance.schedule-risk-reward"))
    defs = {d.term: plain_text(d.inlines) for d in alliance_big.definitions}
    assert ("any cost above the Provider's budget in the Annual Plan that does not count under clause"  # r26 al-sample 18
            in " ".join(text_of(clause(alliance_big, "alliance.schedule-risk-reward")).split()))
    # one rule decides which overspend is shared: approval in advance, or after an Early Warning for urgent costs
    assert "within 20 Business Days after the Provider gives an Early Warning identifying them" in rr
    assert "They are not Delivery Costs, so they make no Pain, and its Pain Cap does not apply to them" in rr
    # the fallback Target Cost is what the Providers are paid, never an indexed figure above it
    assert "after the first is the total of the Providers' Annual Values for it" in rr
    # r16 al-sample finding 20: the explanation lives in the note, not the operative text
    assert "indexation creates no Gain or Pain" not in rr
    assert "so indexation alone never shows as Gain or Pain" in clause(alliance_big, "alliance.risk-reward").note
    assert "for the first Alliance Year and, for each later one, the amount set in the Annual Plan" in text_of(
        clause(alliance_big, "alliance.service-planning"))
    # a Commissioner with no percentage share is not said to bear "its own share"
    assert "its own share" not in rr and "has no percentage share of Pain" in rr


def big_first_cap(doc):
    """The first Pain Cap's threshold, computed from the sample by the model, not typed into the test."""
    sheet = AllianceTermSheet.model_validate(load_file(ROOT / "samples/alliance/complex-needs-eight-members.yaml").data)
    return sheet.alliance.cap_thresholds.first_provider


def test_transition_leaving_disputes_and_safeguarding_fit_together(alliance_big):
    transition = text_of(clause(alliance_big, "alliance.transition"))
    # r20 al-sample finding 22: the two cases are lettered sub-clauses
    assert "if that Provider's Service Contract has been signed before the Commencement Date, at the end of the day" in transition
    assert "a ground on which the law on public procurement that governs it permits it to be extended" in transition
    leaving = text_of(clause(alliance_big, "alliance.leaving"))
    assert "the shares of Gain and Pain are recalculated under paragraph 1 of Schedule 4" in leaving
    assert "must agree how the leaving member's share" not in leaving
    ladder = text_of(clause(alliance_big, "alliance.dispute-ladder"))
    assert "other than a challenge to a calculation under clause 13" in ladder
    decisions = text_of(clause(alliance_big, "alliance.decisions"))
    assert "it may act at once, without waiting for a decision of the ALT" in decisions
    recitals = text_of(clause(alliance_big, "alliance.recitals"))
    # the Commissioner's view of the law is on its file, not a conclusion every Party signs
    assert ("has assessed the law governing the award of each Service Contract [and recorded that assessment on its "
            "procurement file].") in recitals  # r40 al-shortbreaks finding 8: where it is recorded is not on the sheet
    assert "namely that" not in recitals
    liability = text_of(clause(alliance_big, "alliance.liability"))
    assert "including a Balancing Amount" in liability


def test_schedule_1_shows_who_delivers_each_service(alliance_big):
    rows = table_rows(clause(alliance_big, "alliance.schedule-services"))
    assert ["End-of-life and palliative care outreach for people who are homeless", "St Luke's Hospice & Care"] in rows
    assert ["Housing First for people with the most entrenched needs", "Harbour Light Housing Association Limited"] in rows
    # Moorview's former contract is private rented sector access: the services list and the handover agree
    assert ["Private rented sector access and tenancy sustainment", "Moorview Access to Housing Ltd"] in rows
    note = next(c for c in alliance_big.all_clauses() if c.id == "alliance.schedule-services").note
    assert "section 117 of the Mental Health Act 1983" in note   # mental health support is in scope


def test_the_accession_deed_leaves_the_agreement_date_blank(catalogue):
    """The agreement is dated when the last party signs, so a target date on the sheet is never printed as its
    date in the form of deed (the front page leaves it blank too)."""
    source = ALLIANCE_BIG.read_text(encoding="utf-8").replace("  agreement_date:   # written in on completion",
                                                     "  agreement_date: 2027-03-19")
    sheet = validate(load_text(source, ALLIANCE_BIG.name), catalogue)
    assert str(sheet.model.document.agreement_date) == "2027-03-19"
    text = text_of(clause(assemble(sheet, catalogue, today=DRAFT_DATE).document, "alliance.schedule-accession"))
    assert "[date of the Alliance Agreement]" in text and "19 March 2027" not in text


def test_part_years_are_counted_in_the_days_of_their_own_year(catalogue):
    """A leap year has 366 days: pro-rating a Provider's values 'out of 365' over-pays it in 2027/28 and 2031/32."""
    text = text_of(clause(build(ALLIANCE_BIG, catalogue).document, "alliance.risk-reward"))
    assert "out of the number of days in the 12 months ending on the last day of that Alliance Year" in text
    assert "out of 365" not in text


# --- one decision rule per matter (round 5 reviews) -----------------------------------------------


def test_majority_alliance_states_each_decision_rule_once(small):
    decisions = text_of(clause(small, "alliance.decisions"))
    governance = text_of(clause(small, "alliance.governance"))
    rr = text_of(clause(small, "alliance.risk-reward"))
    # deadlocked matters follow the ALT's ordinary rule, not unanimity; the Target Cost, which this sheet lists as a
    # Reserved Matter ("Approving the Annual Plan and the Target Cost"), follows that rule (r36 al-fresh finding 1)
    assert "needs the agreement of every Alliance Member and is set" not in rr
    assert "by a decision of the ALT that is a Reserved Matter under clause" in rr
    assert "until every Alliance Member agrees otherwise" not in decisions
    assert "until the ALT decides the matter under clause" in decisions
    # unanimity outside the Reserved Matters is listed once
    assert ("Apart from the Reserved Matters (which include admitting a new member under clause 23.4), this Agreement needs "
            "the agreement of every Alliance Member only to approve the share tables") in " ".join(decisions.split())
    # a Provider's regulatory duties are never a Reserved Matter
    # a housing alliance has no patient safety alerts: that wording follows health services
    assert "a regulator of its services or guidance that it must follow requires of it" in decisions
    assert "patient safety" not in decisions
    # an adjourned meeting never decides without the Commissioner
    assert "the adjourned meeting is quorate with the representatives present if they include the Commissioner's" in governance


def test_removal_follows_the_decision_rule_and_the_commissioner_removes_for_insolvency(alliance_big):
    term = text_of(clause(alliance_big, "alliance.term-termination"))
    assert "by a decision of every Alliance Member other than the one concerned" not in term
    assert "the Commissioner may also remove it from the Alliance by notice, without a decision of the ALT" in term


def test_outgoing_employer_indemnifies_an_outside_provider_which_may_enforce_it(alliance_big):
    workforce = text_of(clause(alliance_big, "alliance.workforce"))
    assert "must indemnify the Commissioner and any other Alliance Member or other provider to which those employees" in workforce
    assert "A provider that is not a Party may enforce this indemnity under the Contracts (Rights of Third Parties) Act 1999"\
        in workforce


def test_recital_names_the_councils_functions_for_the_services(alliance_big):
    recitals = text_of(clause(alliance_big, "alliance.recitals"))
    assert "section 2B of the National Health Service Act 2006" in recitals  # substance use treatment
    assert "Part 7 of the Housing Act 1996" in recitals


def test_rent_funded_costs_are_out_of_the_annual_value_and_the_budget(alliance_big):
    defs = {d.term: plain_text(d.inlines) for d in alliance_big.definitions}
    assert "excluding any cost met from rent, eligible service charges, housing benefit or the housing costs element of universal credit" in defs["Annual Value"]
    plan = text_of(clause(alliance_big, "alliance.service-planning"))
    assert "less its Fee and any costs met from rent" not in plan


# --- the gain-only reablement alliance: no Fee, an NHS trust Provider, removal reserved ---------------

ALLIANCE_REABLEMENT = next(p for p in ALLIANCE if p.stem == "reablement-home-care-gain-only")


@pytest.fixture(scope="module")
def reablement(catalogue):
    return build(ALLIANCE_REABLEMENT, catalogue).document


def _everything(doc) -> str:
    parts = [*doc.clauses, *doc.schedules]
    return " ".join([*(text_of(x) for x in parts), *(plain_text(d.inlines) for d in doc.definitions),
                     *(" ".join(" ".join(r) for r in table_rows(x)) for x in parts
                       if any(isinstance(b, Table) for b in x.blocks))])


def test_no_fee_given_means_no_fee_and_the_note_says_so(reablement):
    """A sheet that gives no Fee gets none: no 5% assumed, no Fee definition, column or wording, and the
    Key information note says what that means for margin."""
    text = _everything(reablement)
    assert "Fee" not in text.replace("no Provider is paid a Fee", "").replace("no Provider paid a Fee", "")
    assert "5%" not in text_of(clause(reablement, "alliance.risk-reward"))
    note = clause(reablement, "alliance.key-information").note
    assert "that no Provider is paid a Fee, as the instructions give none" in note


def test_removal_is_one_rule_that_the_reserved_matter_follows(reablement):
    decisions = text_of(clause(reablement, "alliance.decisions"))
    term = text_of(clause(reablement, "alliance.term-termination"))
    assert "admitting a new Alliance Member or removing one" in decisions
    assert re.search(r"The removal of a Provider is decided only as clause 29\.\d+ provides, which is the rule for that "
                     r"Reserved Matter: the Provider concerned does not vote, clause 30\.8 applies the same rule to a decision "
                     r"that a Provider leaves after a Force Majeure Event, and clause 29\.\d+ is the only exception", decisions)
    assert re.search(r"A Provider may be removed from the Alliance only under this clause 29\.\d+, under clause 29\.\d+ or under clause \d+\.8\(b\)\.", term)
    assert "this paragraph" not in term
    assert "by a decision of every other Alliance Member (the Provider concerned not voting" in term
    assert "ordinary decision rule" not in clause(reablement, "alliance.term-termination").note
    assert "without a decision of the ALT and despite clause 9" in term


def test_approved_overspend_in_a_gain_only_deal_is_paid_whether_or_not_there_is_gain(reablement):
    rr = text_of(clause(reablement, "alliance.risk-reward"))
    assert "in addition to its Annual Value and whether or not there is Gain" in rr
    assert "the Target Cost for that Alliance Year increases by the same amount" in rr
    assert "terms of payment" not in rr
    rows = table_rows(clause(reablement, "alliance.key-information"))
    assert any(r[0] == "Cost above a Provider's budget" and "never shared between Providers" in r[1] for r in rows)


def test_written_decisions_and_force_majeure_keep_their_rules(reablement):
    decisions = text_of(clause(reablement, "alliance.decisions"))
    assert "sign the written decision, the Commissioner's representative among them" in decisions
    fm = text_of(clause(reablement, "alliance.force-majeure-members"))
    assert "under clause 29.6, if every Alliance Member agrees in writing that the Alliance cannot continue" in fm
    assert "the ALT decides that the Alliance cannot continue" not in fm


def test_an_nhs_trust_provider_directs_no_one_elses_conflicts(reablement):
    # r22 al-fresh 7: clause 10 itself gives those roles to the Commissioner by name, so clause 8 no longer
    # overrides it; it says only that the trust is bound as a Provider
    governance = " ".join(text_of(clause(reablement, "alliance.governance")).split())
    assert "is bound by clause 10 and clause 19 as a Provider" in governance
    conflicts = " ".join(text_of(clause(reablement, "common.conflicts-of-interest")).split())
    assert "must take any steps that the Council reasonably requires" in conflicts


def test_care_act_functions_are_recited_for_reablement_and_home_care(reablement):
    recitals = text_of(clause(reablement, "alliance.recitals"))
    assert ("sections 2, 3, 5, 8 and 18 of the Care Act 2014 (preventing needs for care and support, including "
            "reablement;") in recitals
    assert "which the instructions do not name" not in clause(reablement, "alliance.recitals").note


def test_a_fee_given_is_still_printed(alliance_big):
    assert any(d.term == "Fee" for d in alliance_big.definitions)


def test_single_contract_states_payment_and_withholding_once(small):
    structure = text_of(clause(small, "alliance.structure"))
    assert "This Agreement gives no other right to withhold payment." in structure
    rr = text_of(clause(small, "alliance.risk-reward"))
    assert "terms of payment" not in rr
    term = text_of(clause(small, "alliance.term-termination"))
    assert "sets what it may withhold for that part" in term
    ops = text_of(clause(small, "alliance.operations"))
    assert ("The Commissioner may reduce that Provider's payments by the amount by which its reasonable costs of stepping "
            "in exceed the payments for that part of the Services that it no longer makes to that Provider, as clause 3.4 "
            "provides") in ops
    assert "Regulator of Social Housing" in ops  # a housing alliance


def test_template_leftovers_follow_the_facts(reablement):
    ops = text_of(clause(reablement, "alliance.operations"))
    assert "Regulator of Social Housing" not in ops  # no housing in scope
    note = clause(reablement, "alliance.term-termination").note
    assert "alliance of three" not in note
    assert "public service mutual" not in note  # not a reserved contract
    decisions = text_of(clause(reablement, "alliance.decisions"))
    assert "a national patient safety alert" in decisions  # an NHS trust delivers health services


def test_an_extension_option_is_the_commissioners_once_and_not_a_unanimous_vote(catalogue):
    """A commissioner's option is exercised once, by notice, and binds every member: it is not a unanimous
    vote that gives each Provider a veto, and it is not left among the matters that need everyone's agreement."""
    source = ALLIANCE_JOINT.read_text(encoding="utf-8").replace("    years: 2\n    notice_months: 9\n",
                                                       "    years: 2\n    notice_months: 9\n    by: commissioner\n")
    assert "by: commissioner" in source
    doc = assemble(validate(load_text(source, ALLIANCE_JOINT.name), catalogue), catalogue, today=DRAFT_DATE).document
    term = text_of(clause(doc, "alliance.term-termination"))
    assert "may extend the Term once, by two years, by notice to every other Party given at least nine months" in term
    assert "The Commissioners, acting jointly through the Lead Commissioner, may extend" in " ".join(term.split())
    assert "The extension binds every Alliance Member" in term
    assert "unanimous decision" not in term
    assert "to extend the Term" not in text_of(clause(doc, "alliance.decisions"))
    # r17 al-sample finding 23: where the sheet does not say whose the extension is, it is the Commissioner's option
    default = clause(build(ALLIANCE_JOINT, catalogue).document, "alliance.term-termination")
    assert "may extend the Term once, by two years" in text_of(default)
    assert "but not whose option it is: the draft makes it the Commissioners'" in " ".join(default.note.split())
    # an extension by agreement, where the sheet asks for it
    agreed = ALLIANCE_JOINT.read_text(encoding="utf-8").replace("    years: 2\n    notice_months: 9\n",
                                                       "    years: 2\n    notice_months: 9\n    by: agreement\n")
    doc = assemble(validate(load_text(agreed, ALLIANCE_JOINT.name), catalogue), catalogue, today=DRAFT_DATE).document
    assert "by up to two years in total, by a unanimous decision of the ALT" in text_of(clause(doc, "alliance.term-termination"))


def test_a_light_touch_modification_recites_section_74_and_the_award_date(catalogue):
    """Light touch contracts may be modified freely under s.74 PA 2023, so no Schedule 8 ground is recited, and the
    date given for a modification is when the contracts were awarded, not when a procurement began."""
    source = ALLIANCE_BIG.read_text(encoding="utf-8").replace("procurement_route: competitive_flexible",
                                                     "procurement_route: modification").replace(
        "former_contracts_treatment: replaced", "former_contracts_treatment: varied")
    assert "procurement_route: modification" in source and "former_contracts_treatment: varied" in source
    doc = assemble(validate(load_text(source, ALLIANCE_BIG.name), catalogue), catalogue, today=DRAFT_DATE).document
    recitals = text_of(clause(doc, "alliance.recitals"))
    assert ("a modification, under section 74 of the Procurement Act 2023, of existing contracts made under that Act, "
            "which were awarded on 2 March 2026") in recitals
    assert "Schedule 8" not in recitals and "which began on" not in recitals


# --- joint commissioners are named as such; late signing ------------------------------------


def test_joint_commissioners_are_never_a_generic_commissioner_in_risk_and_reward(joint, alliance_big):
    rr = text_of(clause(joint, "alliance.risk-reward"))
    assert "one row for each Provider" not in rr  # r16 al-sample finding 20: narrative out of 13.1
    assert "each Commissioner gives its part in an approval under clause 13.10 only in writing" in rr
    assert "No Commissioner may approve a cost" in rr
    # r21 al-fresh 1: the Lead Commissioner's urgent approval needs each other Commissioner's written agreement
    assert "by the Lead Commissioner with the written agreement of each other Commissioner within 20 Business Days" in rr
    assert "The Commissioners bear (a) their own shares of Pain" in rr
    # r24 al-fresh 21: the Council is party to every Service Contract, so it is named
    assert "The Council must pay a positive Balancing Amount" in rr
    assert "The Commissioner bears" not in rr and "The Commissioner must pay" not in rr
    # one commissioner: the singular stays
    single = text_of(clause(alliance_big, "alliance.risk-reward"))
    assert "The Commissioner must pay a positive Balancing Amount" in single
    exit_plan = text_of(clause(joint, "alliance.schedule-exit"))
    assert "each Commissioner must tell the Alliance Members " in exit_plan and "how it intends to secure the Services it commissions" in exit_plan
    assert "the Lead Commissioner makes it after consulting the ALT" in exit_plan


def test_target_cost_set_as_a_reserved_matter_where_the_sheet_reserves_it(joint, catalogue):
    rr = text_of(clause(joint, "alliance.risk-reward"))
    reserved = next(p for p in clause(joint, "alliance.decisions").blocks
                    if isinstance(p, Paragraph) and p.anchor == "reserved")
    assert (f"by a decision of the ALT that is a Reserved Matter under clause {reserved.number.split('.')[0]}, and so "
            "needs the agreement of every Alliance Member") in rr
    source = ALLIANCE_JOINT.read_text(encoding="utf-8").replace("      - Approving the Annual Plan and the Target Cost\n", "")
    doc = assemble(validate(load_text(source, ALLIANCE_JOINT.name), catalogue), catalogue, today=DRAFT_DATE).document
    assert "that is a Reserved Matter" not in text_of(clause(doc, "alliance.risk-reward"))


def test_each_joint_commissioner_recites_its_own_power(joint):
    recitals = text_of(clause(joint, "alliance.recitals"))
    assert "The Commissioners commission the Services together" in recitals
    assert "The Council enters into this Agreement in exercise of its functions" in recitals
    assert ("The ICB enters into this Agreement in exercise of its duty under section 3 of the National Health "
            "Service Act 2006") in recitals
    assert "The Commissioner is responsible" not in recitals


def test_an_agreement_signed_after_the_commencement_date_applies_from_it(joint, catalogue):
    term = text_of(clause(joint, "alliance.term-termination"))
    assert "applies, from the date on which every Party has signed it" in term and "as if it had been" not in term
    source = ALLIANCE_JOINT.read_text(encoding="utf-8").replace("agreement_date: 2027-03-15", "agreement_date: 2027-04-20")
    result = assemble(validate(load_text(source, ALLIANCE_JOINT.name), catalogue), catalogue, today=DRAFT_DATE)
    late = text_of(clause(result.document, "alliance.term-termination"))
    assert "then applies from the Commencement Date as if it had been signed on that date" in late
    assert "ALLIANCE-LATE-SIGNING" in {f.rule for f in result.findings}


def test_pooled_budget_says_who_pays_in_what_and_when(alliance_big, catalogue):
    planning = text_of(clause(alliance_big, "alliance.service-planning"))
    # r16 al-sample finding 5: the holder is the only contributor, so it transfers its contribution in (never "pays
    # itself"), and the Commissioner's Pain and Balancing Amounts are funded from the Pooled Budget or its resources
    # r22 al-sample finding 5: an allocation to its own cost centre bound no one; the budget is available in full
    # from the start of each year, and the note asks whether the Providers are paid on the instalment profile
    assert "The Alliance Budget Holder must make the Alliance Budget available in full from the start of each Alliance Year." in planning
    assert "from the Alliance Budget or, so far as the Alliance Budget is insufficient, from the Commissioner's other resources" in planning
    source = ALLIANCE_JOINT.read_text(encoding="utf-8").replace(
        "  no_blame_carve_outs:", "  pooled_budget:\n    annual_amount: 3000000\n    host: county\n    contributions:\n"
        "      - {member: county, amount: 1200000, pays: monthly in advance}\n"
        "      - {member: icb, amount: 1800000}\n  no_blame_carve_outs:", 1)
    doc = assemble(validate(load_text(source, ALLIANCE_JOINT.name), catalogue), catalogue, today=DRAFT_DATE).document
    c = clause(doc, "alliance.service-planning")
    rows = table_rows(c)
    assert rows[0] == ["Wealdshire County Council", "£1,200,000", "monthly in advance"]
    assert rows[1][:2] == ["NHS Wealdshire and Downs Integrated Care Board", "£1,800,000"] and "when it pays" in rows[1][2]
    assert rows[-1][:2] == ["Total", "£3,000,000"]
    assert "Each Commissioner named below must pay its contribution into the Pooled Budget" in text_of(c)


def test_domestic_abuse_clause_and_refuge_handover_only_where_in_scope(alliance_big, joint):
    ids_big = [c.id for c in alliance_big.all_clauses()]
    assert "alliance.domestic-abuse" in ids_big
    da = text_of(clause(alliance_big, "alliance.domestic-abuse"))
    assert "domestic homicide review under section 9 of the Domestic Violence, Crime and Victims Act 2004, or any review that replaces it" in da
    assert "Victims and Prisoners Act 2024" in clause(alliance_big, "alliance.domestic-abuse").note
    assert "it must not close that accommodation" in text_of(clause(alliance_big, "alliance.schedule-exit"))
    # a mental health alliance with no domestic abuse service has neither
    assert "alliance.domestic-abuse" not in [c.id for c in joint.all_clauses()]
    assert "refuge" not in text_of(clause(joint, "alliance.schedule-exit"))


def test_expert_route_leaves_the_risk_reward_calculation_to_the_reviewing_accountant(alliance_big):
    disputes = "\n".join(p.text for p in clause(alliance_big, "common.disputes").blocks if isinstance(p, Paragraph))
    challenge = next(p for p in clause(alliance_big, "alliance.risk-reward").blocks
                     if isinstance(p, Paragraph) and p.anchor == "challenge")
    rr = clause(alliance_big, "alliance.risk-reward").number
    assert (f"(other than the yearly calculation under clause {rr}, which is decided only as clause {challenge.number} "
            "provides)") in disputes


def test_a_commissioners_successor_takes_its_place(alliance_big, joint):
    for doc in (alliance_big, joint):
        leaving = text_of(clause(doc, "alliance.leaving"))
        assert "are transferred by or under an enactment to another body" in leaving
    # r16 al-sample finding 11: the single-Commissioner form reads "the Commissioner"
    assert "the Commissioner does not leave the Alliance: the body to which the functions pass takes its place" in text_of(
        clause(alliance_big, "alliance.leaving"))
    assert "or of the bodies that commission health services" not in text_of(clause(alliance_big, "alliance.leaving"))
    assert "that Commissioner does not leave the Alliance: the body to which the functions pass takes its place" in text_of(
        clause(joint, "alliance.leaving"))
    assert "(and, where it was the Lead Commissioner, as Lead Commissioner)" in text_of(clause(joint, "alliance.leaving"))
    assert "Lead Commissioner" not in text_of(clause(alliance_big, "alliance.leaving"))


def test_urgent_approvals_have_the_yearly_limit_the_sheet_gives(alliance_big, joint):
    rr = text_of(clause(alliance_big, "alliance.risk-reward"))
    assert ("may approve costs in that way up to £75,000 (seventy-five thousand pounds) in total for all Providers "
            "in an Alliance Year") in rr
    assert "may approve costs in that way" not in text_of(clause(joint, "alliance.risk-reward"))
    assert "with no yearly limit on those urgent approvals: consider one" in clause(joint, "alliance.risk-reward").note


def test_recital_c_recites_a_providers_own_route(catalogue):
    source = ALLIANCE_JOINT.read_text(encoding="utf-8")
    source = source.replace('    - {member: homes, title: "Step-down supported housing (24 units)", reference: WCC/MH/2024/10, annual_value: 520000, commissioner: county}\n', "")
    source = source.replace("    annual_value: 520000\n", "    annual_value: 520000\n    procurement_route: open\n    procurement_started: 2026-05-01\n", 1)
    assert "procurement_route: open" in source and "WCC/MH/2024/10" not in source
    result = assemble(validate(load_text(source, ALLIANCE_JOINT.name), catalogue), catalogue, today=DRAFT_DATE)
    recitals = text_of(clause(result.document, "alliance.recitals"))
    assert "regulation 72 of the Public Contracts Regulations 2015" in recitals
    assert ("The Service Contract of Downland, however, was put in place following the open procedure under section "
            "20(2)(a) of the Procurement Act 2023, which began on 1 May 2026.") in recitals
    assert "the Service Contract of Downland is a separate contract aligned with this Agreement" in recitals
    key = " ".join(" ".join(r) for r in table_rows(clause(result.document, "alliance.key-information")))
    assert "for Downland's Service Contract, the open procedure under section 20(2)(a)" in key
    assert not {f.rule for f in result.findings} & {"ALLIANCE-MEMBER-ROUTE", "ALLIANCE-PROCUREMENT-LAW"}


def test_a_shared_case_system_says_who_hosts_and_who_controls(joint, small):
    sharing = text_of(clause(joint, "alliance.information-sharing"))
    assert "share case records through one system hosted by the Trust" in sharing
    # r17 al-sample finding 4: the Article 28(3) terms are a Schedule, not left to be agreed
    assert "only to host and run the system, and the terms in Schedule" in sharing
    assert "one system hosted by" not in text_of(clause(small, "alliance.information-sharing"))


def _with_trust_provider(keep_cost_model: bool) -> str:
    """The open-book eight-member sample with Riverside turned into an NHS foundation trust (a public body)."""
    text = with_open_book(ALLIANCE_BIG.read_text(encoding="utf-8"))
    text = text.replace("    legal_form: community_interest_company\n    company_number: \"09182736\"\n",
                        "    legal_form: nhs_foundation_trust\n")
    if not keep_cost_model:
        text = text.replace("    annual_value: 1260000\n    cost_model:\n      direct_costs: 1108800\n"
                            "      overheads: 88200\n      income: 1260000\n", "    annual_value: 1260000\n")
    return text


def test_a_public_body_provider_is_outside_the_open_book(catalogue, tmp_path):
    """An NHS trust Provider needs no cost model (quiet) and is never an Open-Book Commissioner."""
    path = tmp_path / "trust.yaml"
    path.write_text(_with_trust_provider(keep_cost_model=False), encoding="utf-8")
    result = build(path, catalogue)
    assert [f for f in result.findings if f.rule == "ALLIANCE-OPEN-BOOK-COST-MODELS"] == []
    defs = {d.term: plain_text(d.inlines) for d in result.document.definitions}
    # one Commissioner: the role is held by the Council alone, so the draft names it and needs no definition
    assert "Open-Book Commissioner" not in defs and "Riverside" not in defs["Open-Book Provider"]
    # the Trust has no Allowable Costs: its Delivery Costs are its verified costs, not nil
    assert "for any other Provider, the costs properly incurred by it" in defs["Delivery Costs"]
    sched = text_of(clause(result.document, "alliance.schedule-open-book-providers"))
    assert "each other Provider's are its costs verified under clause" in sched


def test_a_cost_model_for_a_public_body_provider_is_warned(catalogue, tmp_path):
    path = tmp_path / "trust-model.yaml"
    path.write_text(_with_trust_provider(keep_cost_model=True), encoding="utf-8")
    found = [f for f in build(path, catalogue).findings if f.rule == "ALLIANCE-OPEN-BOOK-COST-MODELS"]
    assert len(found) == 1 and "is a public body, so it is outside the open book" in found[0].message


def _fee_findings(catalogue, tmp_path, text: str) -> list:
    path = tmp_path / "fee.yaml"
    path.write_text(text, encoding="utf-8")
    return [f.message for f in build(path, catalogue).findings if f.rule == "ALLIANCE-FEE-PROFIT-CAP"]


def test_fee_and_profit_cap_on_one_basis_are_quiet(catalogue, tmp_path):
    """A 5% Fee on Annual Value and a 5% cap on Service Income agree, and each cost model is its budget."""
    text = with_open_book(ALLIANCE_BIG.read_text(encoding="utf-8"))
    text = text.replace("  profit_cap: 4\n  basis: allowable_cost\n", "  profit_cap: 5\n  basis: revenue\n")
    assert _fee_findings(catalogue, tmp_path, text) == []


def test_fee_and_profit_cap_on_different_bases_are_warned(catalogue, tmp_path):
    """A 5% Fee on Annual Value against a 4% cap on cost sweeps part of the Fee; a cost model over budget is warned."""
    text = with_open_book(ALLIANCE_BIG.read_text(encoding="utf-8"))
    text = text.replace("    annual_value: 1260000\n    cost_model:\n      direct_costs: 1108800\n",
                        "    annual_value: 1260000\n    cost_model:\n      direct_costs: 1110800\n")
    found = _fee_findings(catalogue, tmp_path, text)
    assert any("Riverside Community Health CIC's cost model totals £1,199,000, £2,000 over its budget of £1,197,000" in f
               for f in found)
    # Riverside: Fee £63,000; 4% of a £1,197,000 budget is £47,880; the £15,120 difference is no longer swept
    # (the Reasonable Profit is lifted to the Fee), but the lawyer is told the bases differ
    assert any("Riverside Community Health CIC's Fee is 5% of its annual value (£63,000)" in f
               and "the £15,120 difference is not swept as Excess Profit" in f for f in found)


def test_recital_powers_follow_the_services(catalogue, tmp_path):
    """Youth violence and child exploitation: the Children Act 1989 s.17 and the serious violence duty, not the
    Care Act; 'parents and carers' of children is not adult care."""
    text = ALLIANCE_BIG.read_text(encoding="utf-8").replace(
        "    give adults with multiple and complex needs (homelessness, substance use, mental ill health,\n"
        "    offending and domestic abuse) one joined-up system of support, built around the person rather\n"
        "    than around separate contracts",
        "    reduce serious youth violence and the exploitation of children at risk, with support for their parents\n"
        "    and carers")
    path = tmp_path / "youth.yaml"
    path.write_text(text, encoding="utf-8")
    recitals = text_of(clause(build(path, catalogue).document, "alliance.recitals"))
    assert "section 17 of the Children Act 1989" in recitals
    assert "section 17 of the Crime and Disorder Act 1998, with Chapter 1 of Part 2 of the Police, Crime" in recitals
    before = text_of(clause(build(ALLIANCE_BIG, catalogue).document, "alliance.recitals"))
    assert ("Care Act 2014" in recitals) == ("Care Act 2014" in before)  # only the BIG services can bring it in


def _safeguarding_reports(catalogue, path) -> str:
    text = text_of(clause(build(path, catalogue).document, "common.safeguarding"))
    return next(s for s in text.split(". ") if "within one Business Day about any report" in s)


def test_safeguarding_reports_go_to_the_safeguarding_bodies_not_a_pcc(catalogue, tmp_path):
    """A council and an ICB both hear of reports (quiet); a police and crime commissioner, a funder and not a
    safeguarding partner, does not."""
    both = _safeguarding_reports(catalogue, ALLIANCE_JOINT)
    assert "must tell the Council and the ICB" in both
    text = ALLIANCE_JOINT.read_text(encoding="utf-8").replace(
        "    name: NHS Wealdshire and Downs Integrated Care Board\n    short_name: ICB\n    article: true\n"
        "    role: commissioner\n    legal_form: integrated_care_board\n",
        "    name: The Police and Crime Commissioner for Wealdshire\n    short_name: ICB\n    article: true\n"
        "    role: commissioner\n    legal_form: police_and_crime_commissioner\n")
    path = tmp_path / "pcc.yaml"
    path.write_text(text, encoding="utf-8")
    assert "must tell the Council within one Business Day" in _safeguarding_reports(catalogue, path)


@pytest.fixture(scope="module")
def ravensmoor(catalogue):
    return build(RAVENSMOOR, catalogue)


def test_two_open_book_commissioners_act_through_the_lead_commissioner(ravensmoor):
    """r14 al-fresh findings 7 and 8: who acts, who is the beneficiary, who is refunded; one use of the fund."""
    doc = ravensmoor.document
    defs = {d.term: plain_text(d.inlines) for d in doc.definitions}
    obc = defs["Open-Book Commissioner"]
    assert "(in this Agreement, the Council and the PCC), and no other Party; they act together through the Lead Commissioner" in obc
    assert "approves a Reinvestment Plan" in obc and "after consulting the other Open-Book Commissioner;" in obc
    assert "any amount payable to the Open-Book Commissioner is paid to the Lead Commissioner for them all (into the Pooled Budget" in obc
    cap = text_of(clause(doc, "common.open-book-profit-cap"))
    assert "the Open-Book Commissioner, acting through the Lead Commissioner, must either confirm" in cap
    excess = text_of(clause(doc, "common.open-book-excess"))
    assert "on trust for the Open-Book Commissioners together" in excess
    assert ("Each Reinvestment Plan must be consistent with the uses of the Reinvestment Fund that the ALT has set in the "
            "Annual Plan for the current Alliance Year") in excess


def test_costs_outside_the_open_book_and_one_reporting_regime(ravensmoor, open_book_alliance):
    """r14 al-fresh findings 9, 12, 21 and 22."""
    doc = ravensmoor.document
    defs = {d.term: plain_text(d.inlines) for d in doc.definitions}
    # 9: the Trust (outside the open book) is held to the same cost categories and overhead limit, with no profit cap
    assert ("for any other Provider, the costs properly incurred by it in delivering its part of the Services that fall "
            "into the allowable cost categories listed in Schedule") in defs["Delivery Costs"]
    assert "with its central overheads counted only up to 12% of those costs" in defs["Delivery Costs"]
    assert "(but without any cap on its profit)" in defs["Delivery Costs"]
    # 12: a grant that meets a Disallowed Cost is not also Service Income; the sheet's own grant item is not repeated
    assert "or any grant or donation, to the extent that the costs it meets are Disallowed Costs" in defs["Service Income"]
    costs = text_of(clause(doc, "common.open-book-costs"))
    assert "costs met from grants or donations given for the same activities" in costs
    assert "any cost already paid for by another public body or funder" not in costs
    # ... but where the sheet has no such item, the standard one stays
    assert "any cost already paid for by another public body or funder" in text_of(
        clause(open_book_alliance.document, "common.open-book-costs"))
    # 21: a loss is shared as Pain only so far as the costs count as Delivery Costs
    cap = text_of(clause(doc, "common.open-book-profit-cap"))
    assert "(so far as the costs count as Delivery Costs under clause" in cap
    # 22: one reporting and inspection regime for an Open-Book Provider
    sharing = text_of(clause(doc, "alliance.information-sharing"))
    assert "For an Open-Book Provider, the Open-Book Reports it gives under clause" in sharing
    assert "alone governs inspection of its Open-Book Information" in sharing


def test_one_cost_model_and_one_related_party_list_per_open_book_provider(ravensmoor):
    """r14 al-fresh findings 13 and 14: Sch 6 gives each Provider's cost model and a Related-Party Part ("None"
    where none) that the related-party clause names; the Sch 7 example is the per-Provider one."""
    doc = ravensmoor.document
    costs = clause(doc, "common.open-book-schedule-costs")
    rows = [[plain_text(cell) for cell in row] for t in costs.blocks if isinstance(t, Table) for row in t.rows]
    assert ["Ravensmoor Youth Link", "£830,000", "£94,000", "£94,000", "£924,000", "£36,960", "£960,000"] in rows
    assert ["Total", "£2,156,000", "£231,000", "£231,000", "£2,387,000", "£95,480", "£2,480,000"] in rows
    assert ["Parents Together Ravensmoor Limited", "None"] in rows
    text = text_of(costs)
    assert "never on the totals" in text and "Part 3: Related-Party Arrangements" in text
    related = text_of(clause(doc, "common.open-book-related-parties"))
    assert "The arrangements disclosed when this Agreement is made are listed in Part 3 of Schedule" in related
    defs = {d.term: plain_text(d.inlines) for d in doc.definitions}
    assert defs["Overhead Cap"].startswith("12% of the Open-Book Provider's own Direct Costs")
    rec = text_of(clause(doc, "common.open-book-schedule-reconciliation"))
    assert "The worked example, with one line for each Open-Book Provider, is in Schedule" in rec
    assert "Profit the Open-Book Provider keeps" not in rec
    assert "which is the Service Income plus the Open-Book Provider's Balancing Amount" in rec


def test_returned_pain_is_rounded_and_ordered_as_the_clause_says(ravensmoor):
    """r14 al-fresh findings 10 and 11: the rounding penny of returned Pain goes to the largest Pain share (Youth
    Link), so the Commissioners bear exactly £90,000 in Example 3; Pain above a Provider's Pain Limit is not spread."""
    doc = ravensmoor.document
    rr = text_of(clause(doc, "alliance.risk-reward"))
    assert "is added to or taken from the part of the Provider with the largest share of Pain" in rr
    assert "is not spread among the other Providers but is borne by the Commissioners" in rr
    rows = [[plain_text(cell) for cell in row] for t in clause(doc, "alliance.schedule-risk-reward").blocks
            if isinstance(t, Table) for row in t.rows]
    assert ["Ravensmoor Youth Link", "£1,151,600", "-£230,000", "-£43,862.49", "£186,137.51", "-£5,462.49"] in rows
    assert any(r[0].startswith("The Commissioners jointly") and r[3] == "-£90,000.00" for r in rows)


def test_non_delivery_savings_and_other_income_are_not_gain(alliance_big, ravensmoor):
    """r13 al-sample findings 1 and 2: a deduction for services not delivered comes off the Target Cost, and a
    Provider's income from other sources comes off its Delivery Costs (without open-book terms)."""
    rr = text_of(clause(alliance_big, "alliance.risk-reward"))
    assert ("The Target Cost for an Alliance Year is reduced by:\nthe amount by which the Commissioner reduces any payment "
            "under a Service Contract for that year because services were not delivered") in rr
    defs = {d.term: plain_text(d.inlines) for d in alliance_big.definitions}
    # r17 al-sample findings 1 and 2: the income rule now sits in the risk/reward Schedule's part on costs
    assert "less the income to be deducted, under the part of Schedule" in defs["Delivery Costs"]
    sched = text_of(clause(alliance_big, "alliance.schedule-risk-reward"))
    assert ("reduced by any income it receives for delivering its part of the Services from any source other than its "
            "Service Contract (other than rent, eligible service charges, housing benefit or the housing costs element of "
            "universal credit") in sched
    # with open-book terms the Disallowed Costs do that work, so the definition does not net income twice
    defs = {d.term: plain_text(d.inlines) for d in ravensmoor.document.definitions}
    assert "less any income it receives" not in defs["Delivery Costs"]
    assert "reduces any payment under a Service Contract for that year because services were not delivered" in text_of(
        clause(ravensmoor.document, "alliance.risk-reward"))


# --- the money between joint Commissioners (r14 al-fresh finding 4) -------------------------


def test_joint_commissioners_split_pain_gain_and_running_costs_between_themselves(joint, alliance_big, catalogue):
    planning = text_of(clause(joint, "alliance.service-planning"))
    assert "As between the Commissioners, and unless an agreement between them provides otherwise" in planning
    assert "the Council: 25% of Pain and 20% of Gain; the ICB: 15% of Pain and 10% of Gain" in planning
    assert "No Commissioner is liable to a Provider for a Balancing Amount under a Service Contract to which it is not a party" in planning
    # the running costs here fall on the Providers, so the Commissioners do not split them
    assert "running costs" not in planning.split("As between the Commissioners")[1].split("A Commissioner that pays")[0]
    # one Commissioner: nothing to split
    assert "As between the Commissioners" not in text_of(clause(alliance_big, "alliance.service-planning"))
    # Commissioners that pay the running costs share them in proportion to their contributions
    sheet = ALLIANCE_JOINT.read_text().replace("running_costs: members_pro_rata", "running_costs: commissioner")
    doc = assemble(validate(load_text(sheet, ALLIANCE_JOINT.name), catalogue), catalogue, today=DRAFT_DATE).document
    planning = text_of(clause(doc, "alliance.service-planning"))
    assert "of the running costs under clause" in planning
    ops = text_of(clause(doc, "alliance.operations"))
    assert "are paid by the Commissioners, between them as clause" in ops


# --- two Commissioners paying into a pooled budget (the r14 al-fresh term sheet) ------------

POOLED = Path(__file__).parent / "fixtures" / "alliance-two-commissioners-pooled.yaml"


@pytest.fixture(scope="module")
def pooled(catalogue):
    return build(POOLED, catalogue).document


def test_pooled_contributions_follow_the_indexed_values_without_an_annual_plan(pooled, alliance_big):
    planning = text_of(clause(pooled, "alliance.service-planning"))
    # r14 al-fresh finding 5: a vetoed Annual Plan must not freeze the contributions while payments rise
    assert ("until an Annual Plan sets it, its contribution for the previous Alliance Year changed in the same "
            "proportion as the total of the Providers' Annual Values") in planning
    assert "except that each Provider's budget is its Annual Value for the new Alliance Year less its Fee" in planning
    assert "the Pooled Budget and the contributions to it are set as clause" in planning
    # the running costs are split by contribution: 1,830,000 and 1,230,000 of 3,060,000
    assert "(for the first Alliance Year, the Council 59.8% and the PCC 40.2%)" in planning
    assert "the Council: 22% of Pain and 18% of Gain; the PCC: 14% of Pain and 12% of Gain" in planning
    # r13 al-sample finding 3: one funder; its budget follows the indexed values too
    single = text_of(clause(alliance_big, "alliance.service-planning"))
    assert "except that each Provider's budget is its Annual Value for the new Alliance Year" in single
    assert "the Alliance Budget is set as clause" in single
    assert "is at least the total of the Providers' Annual Values for that year" in single
    assert "contributor" not in single


def test_reduced_and_adjourned_quorum_can_still_decide(pooled):
    """r14 al-fresh finding 6: seven members at 70%; with one left out of a vote, five of six votes are needed."""
    gov = text_of(clause(pooled, "alliance.governance"))
    assert ("quorate for that decision if representatives of at least four of the Alliance Members entitled to vote on "
            "it (or of all of them, where fewer than four are entitled to vote on it), including "
            "the Lead Commissioner (or, where the Lead Commissioner is the member that does not vote, another Commissioner), "
            "are present and they hold enough votes to make that decision") in gov
    assert "counted against the votes of every Alliance Member entitled to vote on it and not only of those present" in gov


def test_pcc_status_powers_and_part_in_joint_decisions(pooled):
    """r14 al-fresh findings 15 and 19: the PCC's status and its relevant-partner place are recited (both
    verified, clauses/law.yaml); its power to commission (s.143, sprint J1) is left to a note; the Lead Commissioner needs the PCC's
    agreement where a joint decision touches the PCC's money or services."""
    recitals = text_of(clause(pooled, "alliance.recitals"))
    assert "The PCC, a corporation sole established under section 1 of the Police Reform and Social Responsibility Act 2011" in recitals
    assert "relevant partner of the Council under section 10(4)(b) of the Children Act 2004" in recitals
    assert "funding agreement between the Commissioners, which is separate from this Agreement" in recitals
    assert "section 143" not in recitals
    note = next(c for c in pooled.all_clauses() if c.id == "alliance.recitals").note
    # sprint J1: s.143 checked (clauses/law.yaml), so the note cites it without the "not verified" hedge
    assert "and to make grants in connection with those arrangements (section 143 of the Anti-social Behaviour, Crime and Policing Act 2014)" in note
    assert "has not verified" not in note
    defs = {d.term: plain_text(d.inlines) for d in pooled.definitions}
    assert "may act only with that Commissioner's written agreement" in text_of(clause(pooled, "alliance.structure"))  # r27 al-fresh 12
    decisions = text_of(clause(pooled, "alliance.decisions"))
    # r25 al-fresh 4 (al22): the Annual Plan, the Outcomes and the KPIs are all Reserved Matters here, so none is named
    assert "The Lead Commissioner decides any other deadlocked matter for the Commissioners, after consulting" in decisions
    assert ", after consulting each other Commissioner and, where the decision affects another Commissioner's contribution" in " ".join(decisions.split())


def test_each_contract_names_its_commissioner_and_regime(pooled):
    """r14 al-fresh findings 16, 17, 18 and 23."""
    services = clause(pooled, "alliance.schedule-services")
    tables = [t for t in services.blocks if isinstance(t, Table)]
    rows = [[plain_text(c) for c in r] for t in tables for r in t.rows]
    assert ["Ravensmoor Youth Link", "Ravensmoor Metropolitan Borough Council"] in rows
    former = next(r for r in rows if "OPCC/SV/2025/07" in r)
    assert former[3] == "The Police and Crime Commissioner for Ravensmoor and Calderholme"
    assert next(r for r in rows if "RMBC/CYP/2023/118" in r)[3] == "Ravensmoor Metropolitan Borough Council"
    defs = {d.term: plain_text(d.inlines) for d in pooled.definitions}
    assert defs["Service Contract"].startswith("each contract between a Provider and the Commissioner named against it in")
    note = next(c for c in pooled.all_clauses() if c.id == "alliance.transition").note
    assert "began is not given, so confirm which regime applies to each: " in note
    assert "OPCC/SV/2025/07 (let by the PCC, £140,000 a year)" in note
    assert "That law is the contract's own, not the alliance's" in note
    ip = text_of(clause(pooled, "alliance.intellectual-property"))
    assert "Each Provider assigns to the Lead Commissioner (for itself and the other Commissioners)" in ip


def test_safeguarding_reports_go_to_the_council_not_the_pcc(pooled):
    """r14 al-fresh finding 28: the clause, cl.8.10(c) and the note all route case reports to the Council only."""
    note = next(c for c in pooled.all_clauses() if c.id == "common.safeguarding").note
    assert "to the Council only (not to the PCC, which funds the services but is not the police force" in note
    assert "must tell the Council within one Business Day" in text_of(clause(pooled, "common.safeguarding"))


def test_lower_is_better_levels_are_rounded_down(pooled):
    """r14 al-fresh finding 29: 46 to fewer than 30 by 2031/32 gives 40.67 in Year 1, which is 40, not 41."""
    rows = [[plain_text(cell) for cell in row]
            for t in clause(pooled, "alliance.schedule-outcomes").blocks if isinstance(t, Table) for row in t.rows]
    assert ["1", "lower", "[40]", "[38]", "[35]", "[32]", "[below 30]"] in rows


# --- r15 al-fresh: facts the instructions did not give are never added silently ----------------------


def test_housing_cost_exclusion_and_index_floor_only_when_instructed(catalogue, alliance_big):
    """r15 al-fresh finding 10: the rent/housing benefit exclusion and the floor on indexation follow the term
    sheet; without an instruction the exclusion is left out and the floor is flagged as an assumption."""
    assert "Costs met from rent, eligible service charges, housing benefit or the housing costs element of universal credit are left" in clause(alliance_big, "alliance.risk-reward").note
    assert "assumption" not in clause(alliance_big, "alliance.schedule-budget").note
    source = ALLIANCE_BIG.read_text(encoding="utf-8")
    source = re.sub(r"\n  housing_costs_outside: true[^\n]*", "", source)
    source = re.sub(r"\n    indexation_floor: true[^\n]*", "", source)
    doc = assemble(validate(load_text(source, ALLIANCE_BIG.name), catalogue), catalogue, today=DRAFT_DATE).document
    rr = clause(doc, "alliance.risk-reward")
    assert "Costs met from rent, eligible service charges, housing benefit or the housing costs element of universal credit are left" not in rr.note
    assert "Housing is among the Services" in rr.note and "counts every cost" in rr.note
    assert "an assumption the instructions do not" in clause(doc, "alliance.schedule-budget").note


def test_psr_process_is_recited_by_name_and_regulation():
    """r15 al-fresh finding 12: the recital names the Provider Selection Regime process the sheet gives."""
    data = load_file(ALLIANCE_BIG).data
    data["alliance"].update(procurement_route="provider_selection", psr_process="competitive")
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert alliance.route_words == ("the Competitive Process under regulation 11 of the Health Care Services "
                                    "(Provider Selection Regime) Regulations 2023")
    data["alliance"]["psr_process"] = None
    assert AllianceTermSheet.model_validate(data).alliance.route_words == (
        "a process under the Health Care Services (Provider Selection Regime) Regulations 2023")


def test_drug_and_alcohol_treatment_reporting_only_where_treatment_is_in_scope(alliance_big, joint):
    """r15 al-fresh finding 20: NDTMS data and incident and death reporting for drug and alcohol treatment."""
    assert "National Drug Treatment Monitoring System" in text_of(clause(alliance_big, "alliance.operations"))
    assert "National Drug Treatment Monitoring System" not in text_of(clause(joint, "alliance.operations"))


def test_open_book_timetable_runs_in_two_stages(ravensmoor):
    """r15 al-fresh finding 3: the Balancing Amount is calculated on Cost Statements (due first), the Reconciliation
    Statement (whose Actual Profit includes the Balancing Amount) follows once it is final, and a later change in
    Allowable Costs (a resolved query or the statutory-accounts true-up) is carried into the next year's amounts."""
    doc = ravensmoor.document
    defs = {d.term: plain_text(d.inlines) for d in doc.definitions}
    assert "its Allowable Costs as shown in its Cost Statement under clause" in defs["Delivery Costs"]
    assert "Cost Statement" in defs
    cap = text_of(clause(doc, "common.open-book-profit-cap"))
    assert "Within 45 days after the end of each Reconciliation Period" in cap
    assert "Within 60 days after the end of each Reconciliation Period" not in cap
    assert "becomes final under clause" in cap and "Within 30 days after receiving a Cost Statement or a Reconciliation Statement" in cap
    rr = text_of(clause(doc, "alliance.risk-reward"))
    assert "Within 4 months after the end of each Alliance Year" in rr
    assert "must recalculate the Gain or Pain, the shares of it and each Balancing Amount for that year" in rr
    assert "added to or taken from its Balancing Amount for the next Alliance Year" in rr
    info = text_of(clause(doc, "common.open-book-information"))
    assert "also changes the Open-Book Provider's Balancing Amount as clause" in info


def test_schedule_costs_keeps_overheads_out_of_direct_costs_and_follows_each_providers_basis(catalogue):
    """r15 al-fresh findings 6, 7 and 21: an overhead item in the sheet's cost categories is not listed as a Direct
    Cost; each Open-Book Provider allocates overheads on its own basis from the sheet (Kestrel: direct costs);
    the cost model shows the overheads allowed, so the columns add up (SDMHS capped at 12% of £1,325,000)."""
    doc = westmarch(catalogue)
    text = text_of(clause(doc, "common.open-book-schedule-costs"))
    assert "Central overheads up to the overhead cap" not in text
    assert "Overheads are Allowable Costs only up to the Overhead Cap, and never form part of the Direct Costs" in text
    assert ("for Kestrel, the Direct Costs of its part of the Open-Book Services bear to the direct costs of all the "
            "services it provides in that period") in text
    assert "for Turning Tide, the pay, employer's National Insurance contributions" in text
    rows = table_rows(clause(doc, "common.open-book-schedule-costs"))
    assert len(rows[0]) == 7  # Direct Costs, Overheads budgeted, Overheads allowed, Allowable Costs, ...
    assert [r for r in rows if r[0].startswith("Sallowfield")][0][2:5] == ["£160,000", "£159,000", "£1,484,000"]
    assert rows[-1][1:5] == ["£3,268,000", "£378,000", "£377,000", "£3,645,000"]


WESTMARCH = Path(__file__).parent / "fixtures" / "alliance-westmarch-r15.yaml"  # the r15 al-fresh review sheet
_WESTMARCH = {}


def westmarch(catalogue):
    if "doc" not in _WESTMARCH:
        _WESTMARCH["doc"] = build(WESTMARCH, catalogue).document
    return _WESTMARCH["doc"]


def test_built_in_gain_and_profit_floor_above_the_hard_cap_are_stated(catalogue):
    """r15 al-fresh findings 5 and 8: the notes quantify the Gain built into cost models below budget (£238,800) and
    say that the Reasonable Profit floor lets a Provider keep more than the 6% "hard" cap (Turning Tide 8.1%); the
    Schedule 10 text states the Allowable Costs its table uses."""
    doc = westmarch(catalogue)
    rr = clause(doc, "alliance.risk-reward")
    note = plain_text(rr.note) if not isinstance(rr.note, str) else rr.note
    assert "Turning Tide by £96,800; Lantern by £30,000; Kestrel by £21,600; SDMHS by £90,400 (£238,800 in all)" in note
    assert "Gain of £238,800 against the Target Cost of £6,100,000" in note
    sch = clause(doc, "alliance.schedule-open-book-providers")
    snote = plain_text(sch.note) if not isinstance(sch.note, str) else sch.note
    assert "Turning Tide keeps £95,560, 8.1% of its Cost Base of £1,185,000" in snote
    assert "SDMHS's Allowable Costs are £1,541,000 (£33,400 below its budget of £1,574,400)" in text_of(sch)


def test_no_built_in_gain_note_without_an_open_book(alliance_big):
    """The quiet case: an alliance without open-book terms has no built-in Gain or hard-cap note."""
    rr = clause(alliance_big, "alliance.risk-reward")
    note = plain_text(rr.note) if not isinstance(rr.note, str) else rr.note
    assert "Built-in Gain" not in note


def test_refund_goes_to_the_lead_commissioner_and_a_fund_without_a_use_can_be_passed_on(catalogue):
    """r15 al-fresh findings 11 and 16: a refund is paid to the Lead Commissioner (into the Pooled Budget), not split
    by the Provider; a Provider that delivers none of the fund's uses may pass its fund to one that does; Gain
    withheld under the KPI gate is in the Commissioners' yearly statement."""
    doc = westmarch(catalogue)
    excess = text_of(clause(doc, "common.open-book-excess"))
    assert "is paid to the Lead Commissioner for all the Open-Book Commissioners (into the Pooled Budget" in excess
    assert "in proportion to what each paid" not in excess
    assert "Where the Open-Book Provider does not itself deliver any of those uses" in excess
    sp = text_of(clause(doc, "alliance.service-planning"))
    assert "counting any share of Gain kept under clause" not in sp  # the sheet gives no gate on Gain
    sp = text_of(clause(alliance_gated(WESTMARCH, catalogue), "alliance.service-planning"))
    # a section 75 pooled fund: the withheld share goes back into the Pooled Budget (r28 al-fresh finding 4)
    assert "counting any share of Gain credited to the Pooled Budget under clause" in sp


def test_survival_lists_what_the_final_calculation_needs(catalogue):
    """r15 al-sample finding 3 and al-fresh finding 14: the survival sub-clause lists the clean team, set-off and
    audit sub-clauses, the Commissioners' statements, the disagreement ladder and the schedules the final Gain or
    Pain calculation uses."""
    doc = westmarch(catalogue)
    general = text_of(clause(doc, "common.general"))
    for part in (r"clause 12\.\d+,", r"clause 16\.2, clause 16\.\d+, clause 16\.\d+,", "clause 33,",
                 "Schedule 2, Schedule 4, Schedule 5", "Schedule 10"):
        assert re.search(part, general), part  # the audit sub-clause's number moves as clause 16 grows


def test_cost_statement_disagreements_skip_the_alt(catalogue, alliance_big):
    """r15 al-fresh finding 15: the ladder's first step says what 19.6 does (open-book disagreements go straight to
    dispute resolution, away from competitors); without an open book it names only the clause 13 challenge."""
    ladder = text_of(clause(westmarch(catalogue), "alliance.dispute-ladder"))
    assert "or a disagreement about an Open-Book Provider's Cost Statement or Reconciliation Statement" in ladder
    assert "Cost Statement" not in text_of(clause(alliance_big, "alliance.dispute-ladder"))


def test_recital_powers_for_early_help_are_childrens_functions(catalogue, tmp_path):
    """r16 al-fresh finding 1: children's early help (with a child-to-parent violence programme) cites the Children
    Act 1989 s.17 and the Children Act 2004 s.10, not the serious violence duty, and (through family hubs) the
    Childcare Act 2006 ss.3 and 5A, verified; ss.5B and 5C are a point to check in the note."""
    text = ALLIANCE_BIG.read_text(encoding="utf-8").replace(
        "    give adults with multiple and complex needs (homelessness, substance use, mental ill health,\n"
        "    offending and domestic abuse) one joined-up system of support, built around the person rather\n"
        "    than around separate contracts",
        "    give families with children and young people early help through one family hub network, including\n"
        "    child-to-parent violence programmes")
    path = tmp_path / "early-help.yaml"
    path.write_text(text, encoding="utf-8")
    c = clause(build(path, catalogue).document, "alliance.recitals")
    recitals = text_of(c)
    assert "section 17 of the Children Act 1989" in recitals
    assert "section 10 of the Children Act 2004" in recitals
    assert "Crime and Disorder Act 1998" not in recitals + c.note
    # services through family hubs: the verified Childcare Act 2006 sections are recited (law.yaml), the rest checked
    assert "sections 3 and 5A of the Childcare Act 2006 (early childhood services and children's centres)" in recitals
    assert "check whether sections 5B and 5C (not verified for this draft) also apply" in " ".join(c.note.split())
    before = clause(build(ALLIANCE_BIG, catalogue).document, "alliance.recitals")
    assert "Childcare Act 2006" not in before.note and "section 10 of the Children Act 2004" not in text_of(before)


def test_reserved_matter_on_an_undefined_alliance_charter(catalogue, tmp_path):
    """r16 al-fresh finding 4: the draft has no Alliance Charter, so a Reserved Matter naming one reads as the
    Alliance Principles and the decisions note says why; a list without one is printed as agreed."""
    small = next(p for p in ALLIANCE if p.stem == "small-majority-three-members")
    text = small.read_text(encoding="utf-8").replace(
        "      - Changing the shares of Gain in the risk/reward Schedule\n",
        "      - Changing the shares of Gain in the risk/reward Schedule\n"
        "      - Changes to the Alliance Charter or the Alliance Principles\n")
    path = tmp_path / "charter.yaml"
    path.write_text(text, encoding="utf-8")
    c = clause(build(path, catalogue).document, "alliance.decisions")
    assert "changes to the Alliance Principles" in text_of(c) and "Charter" not in text_of(c)
    assert '"Alliance Charter", which they do not describe' in c.note
    quiet = clause(build(small, catalogue).document, "alliance.decisions")
    assert "Charter" not in text_of(quiet) + quiet.note


EARLY_HELP = Path(__file__).parent / "fixtures" / "alliance-early-help.yaml"  # the r16 al-fresh review sheet


def test_built_in_gain_from_overheads_above_the_cap_is_not_called_a_saving(catalogue):
    """r16 al-fresh finding 7: Brightwater's and Steadfast's built-in Gain comes from overheads above the 12% cap
    (£174,000 against £169,200; £33,200 against £31,728), not from a saving: the note says so, with what the Provider
    ends with (Brightwater: £66,000 - £4,800 + 25% x £6,272 = £62,768) and the options. Quiet for Westmarch, whose
    cost models are below budget."""
    rr = clause(build(EARLY_HELP, catalogue).document, "alliance.risk-reward")
    note = plain_text(rr.note) if not isinstance(rr.note, str) else rr.note
    assert "Brightwater's gap is not a saving at all but its budgeted overheads of £174,000 being £4,800 above the "\
           "Overhead Cap (£169,200)" in note
    assert "it ends the first year with £62,768, its Fee of £66,000 less £3,232" in note
    assert "Steadfast's gap is not a saving at all" in note and "(ii) raise the Overhead Cap" in note
    assert "should instead be set at cost model plus Fee" not in note
    quiet = clause(westmarch(catalogue), "alliance.risk-reward")
    qnote = plain_text(quiet.note) if not isinstance(quiet.note, str) else quiet.note
    assert "not a saving at all" not in qnote and "should instead be set at cost model plus Fee" in qnote


def test_liability_note_flags_the_staff_transfer_exception_as_an_addition(catalogue):
    """r16 al-fresh finding 3(b): the staff-transfer exception is not among the instructions' carve-outs, so the note
    does not say the exceptions "follow the instructions"; it flags the addition."""
    note = clause(build(EARLY_HELP, catalogue).document, "alliance.liability").note
    assert "The exceptions follow the instructions" not in note
    assert "one addition the instructions do not list: a member's obligations on staff transfers" in " ".join(note.split())


def test_delivery_costs_definition_cites_the_calculation_and_the_open_book_audit(catalogue):
    """r16 al-fresh finding 15: the Delivery Costs definition cites the clause where the calculation is made (not the
    challenge) and, for Open-Book Providers, the open-book reporting and audit clause (not the information clause)."""
    doc = build(EARLY_HELP, catalogue).document
    numbers = {c.id: c.number for c in doc.all_clauses()}
    text = "\n".join(text_of(c) for c in doc.all_clauses())
    defn = next(line for line in text.split("\n") if line.startswith("Delivery Costs"))
    assert f"verified on an open-book basis under clause {numbers['common.open-book-information']}," in defn
    rr = clause(doc, "alliance.risk-reward")
    paras = [p for p in rr.blocks if isinstance(p, Paragraph)]
    calc = next(p for p in paras if p.text.startswith("Within 4 months after the end of each Alliance Year"))
    assert f"when the calculation under clause {calc.number} is made" in defn


def test_term_and_force_majeure_notes_match_the_clauses(catalogue, alliance_big):
    """r16 al-fresh finding 14: a Commissioner's extension option is not called "an extension by agreement"; the
    removal grounds in the note include the Improvement Plan; the force majeure note says every member must agree
    to end the Agreement (as the clause does), not the ALT."""
    doc = build(EARLY_HELP, catalogue).document
    note = " ".join(clause(doc, "alliance.term-termination").note.split())
    assert "with one two-year extension at the Commissioner's option" in note and "on nine months' notice" in note
    assert "extension by agreement" not in note
    # the removal grounds are the clause's; the note no longer restates them (sprint Y3: explanation cut from notes)
    assert "the ALT may remove a member for" not in note
    fm = " ".join(clause(doc, "alliance.force-majeure-members").note.split())
    # the note no longer restates when the Agreement ends after force majeure (sprint Y3: the clause says it)
    assert "One member's long-running event does not end the whole alliance" not in fm
    assert "the ALT decides that the Alliance cannot continue" not in fm
    agreed = ALLIANCE_BIG.read_text(encoding="utf-8").replace("    years: 5\n    notice_months: 12\n",
                                                     "    years: 5\n    notice_months: 12\n    by: agreement\n")
    doc = assemble(validate(load_text(agreed, ALLIANCE_BIG.name), catalogue), catalogue, today=DRAFT_DATE).document
    quiet = " ".join(clause(doc, "alliance.term-termination").note.split())
    assert "with an extension by agreement: a unanimous decision of the ALT, as the instructions ask" in quiet
    assert "The instructions do not say whose option" not in quiet
    # r17 al-sample finding 23: the eight-member sample gives no `by`, so the extension is the Commissioner's option
    term = clause(alliance_big, "alliance.term-termination")
    assert "may extend the Term once, by five years, by notice to every other Party given at least twelve months" in text_of(term)
    assert "(on or before 31 March 2031)" in text_of(term)
    assert "the draft makes it the Commissioner's, as commissioners usually keep it" in " ".join(term.note.split())


def test_psr_risk_contracts_fire_only_for_health_care_contracts():
    """r16 al-sample findings 1 and 7: the Service Contracts and Former Contracts that look like health care are named
    (firing); a contract for housing or support alone is not (quiet)."""
    sheet = AllianceTermSheet.model_validate(load_file(ALLIANCE_BIG).data)
    named = [m.short_name for m, _ in sheet.alliance.psr_risk_contracts]
    assert named == ["St Luke's", "Recovery CIC", "Riverside"]          # not Harbour Light, Shelter Point, Moorview
    assert [c.reference for c in sheet.alliance.former_contracts_health] == [
        "TCC/PH/0211", "TCC/PH/0219", "TCC/PH/0288", "TCC/PH/0292", "TCC/AS/0031"]
    assert len(sheet.alliance.former_contracts_undated) == 12


def test_gain_gate_is_an_option_where_the_sheet_is_silent(alliance_big):
    """r16 al-sample finding 2, r18b al-fresh finding 2: the KPI gate on Gain is not in the term sheet, so the draft
    has no gate and the risk/reward note sets it out as an option (with the words to add), not as agreed."""
    note = " ".join(clause(alliance_big, "alliance.risk-reward").note.split())
    assert "The instructions do not say whether a Provider's share of Gain depends on the KPIs, so this draft has no gate" in note
    assert "(c) a gate for each Provider on the KPIs its own services affect" in note
    assert "share of Gain counts only if performance against every Key Performance" not in clause(alliance_big, "alliance.key-information").note
    assert "The draft assumes, as the instructions do not say" not in note
    assert "Whether a Provider's share of Gain counts" not in text_of(clause(alliance_big, "alliance.objectives"))


def test_early_baseline_is_put_to_the_client(big_unagreed):
    """r16 al-sample finding 3: KPI 1's baseline (2024/25) is two years before the Alliance, so the note gives its
    Year 1 level and the line from Year 1 (firing); KPIs with no baseline year are not named (quiet)."""
    note = clause(big_unagreed, "alliance.schedule-outcomes").note
    assert "KPI 1's line runs from its baseline, measured in 2024/25" in note
    assert "Year 1 level (228)" in note and "levels 207, 234, 260, 260, 260" in note
    assert "KPI 3's line runs from" not in note and "KPI 4's line runs from" not in note


def test_accession_annex_prefills_the_council_row(alliance_big):
    """r16 al-sample finding 21: the Commissioner with no percentage share is pre-filled, so a joining member does
    not give it a share by accident; the Providers' rows stay blanks."""
    rows = table_rows(clause(alliance_big, "alliance.schedule-accession"))
    council = next(r for r in rows if r[0] == "Tamarmouth City Council")
    assert council[1:] == ["£0", "0%", "0% (bears all Pain above the Providers' Pain Caps)"]
    assert next(r for r in rows if r[0] == "Harbour Light Housing Association Limited")[2] == "[share of Gain]"


def test_r16_sample_notes_and_recital_a(alliance_big):
    """r16 al-sample findings 15, 18, 19."""
    recitals = text_of(clause(alliance_big, "alliance.recitals"))
    assert "sections 1 and 2 of the Care Act 2014 (promoting individual wellbeing" in recitals
    note = clause(alliance_big, "alliance.domestic-abuse").note
    assert "the Services include support in safe accommodation (delivered by Hope and Anchor)" in note
    assert "check whether the Services include such support" not in note
    assert "(where there is a county council for that area" not in text_of(clause(alliance_big, "common.safeguarding"))


def test_criminal_data_with_safeguarding_condition_alone_is_put_to_the_client(alliance_big):
    """r16 al-sample finding 14: paragraph 18 alone for criminal offence data is flagged as a gap (firing); a sheet
    naming another condition is quiet."""
    note = clause(alliance_big, "common.schedule-data-sharing").note
    assert "For criminal offence data the table gives paragraph 18 alone" in note
    assert "paragraph 2 where a health or social work professional is responsible" in " ".join(note.split())  # r25: shorter


def test_criminal_data_note_quiet_with_a_second_condition(catalogue):
    source = ALLIANCE_BIG.read_text(encoding="utf-8").replace(
        "under Article 10 with Schedule 1 paragraph 18 (safeguarding of children and individuals at risk)",
        "under Article 10 with Schedule 1 paragraph 18 (safeguarding) and paragraph 2 (health or social care)")
    assert "paragraph 2 (health or social care)" in source
    sheet = validate(load_text(source, ALLIANCE_BIG.name), catalogue)
    note = clause(assemble(sheet, catalogue, today=DRAFT_DATE).document, "common.schedule-data-sharing").note
    assert "For criminal offence data the table gives paragraph 18 alone" not in note


def test_changing_the_target_cost_is_reserved_but_setting_it_by_the_formula_is_not(catalogue):
    """r16 al-fresh finding 5: the agreed Reserved Matter is CHANGING the Target Cost; each year's figure follows the
    indexed Annual Values without a vote, so no member has a yearly veto. Quiet: a sheet that reserves SETTING it."""
    doc = build(EARLY_HELP, catalogue).document
    rr = " ".join(text_of(clause(doc, "alliance.risk-reward")).split())
    assert "after the first is the total of the Providers' Annual Values for it" in rr
    assert "without a further decision" in rr and "by a decision of the ALT that is a Reserved Matter" not in rr
    note = " ".join(clause(doc, "alliance.decisions").note.split())
    # r21 al-fresh 1: with two Commissioners, each has the veto (not the Lead Commissioner alone)
    assert "gives each Commissioner a veto over the Annual Plan" in note and "no member has a yearly veto" in note
    source = EARLY_HELP.read_text().replace("Changing the Target Cost or the gain", "Setting the Target Cost or the gain")
    quiet = assemble(validate(load_text(source, EARLY_HELP.name), catalogue), catalogue, today=DRAFT_DATE).document
    qrr = " ".join(text_of(clause(quiet, "alliance.risk-reward")).split())
    assert "by a decision of the ALT that is a Reserved Matter" in qrr and "without a further decision" not in qrr


def test_an_alliance_manager_hosted_by_a_provider_is_behind_an_information_barrier(catalogue):
    """r16 al-fresh finding 6: the Alliance Manager hosted by Kittiwake (a Provider) receives its competitors' cost
    data, so Kittiwake must keep an information barrier. Quiet: the same sheet with the manager hosted by the Council."""
    doc = build(EARLY_HELP, catalogue).document
    ops = " ".join(text_of(clause(doc, "alliance.operations")).split())
    assert "Kittiwake must ensure that information the Alliance Manager receives under this Agreement about another Provider" in ops
    assert "must keep an information barrier" in ops
    assert "itself a Provider and so a competitor" in " ".join(clause(doc, "alliance.operations").note.split())
    source = EARLY_HELP.read_text().replace("alliance_manager_host: kittiwake", "alliance_manager_host: council")
    quiet = assemble(validate(load_text(source, EARLY_HELP.name), catalogue), catalogue, today=DRAFT_DATE).document
    assert "information barrier" not in text_of(clause(quiet, "alliance.operations"))


def test_hard_cap_note_uses_the_gain_example_and_schedule_narrative_states_the_table(catalogue):
    """r16 al-fresh findings 9 and 10: under a "hard-cap" instruction the note says the cap is not hard, with the Gain
    example's figures (Brightwater £95,550 on £1,465,800, 6.5%); the open-book example's narrative states the
    Reasonable Profit the table shows (£77,324.80) rather than calling the lower Fee plus share the Reasonable Profit."""
    doc = build(EARLY_HELP, catalogue).document
    sch = clause(doc, "alliance.schedule-open-book-providers")
    note = " ".join(sch.note.split())
    assert "this is not a hard cap" in note
    assert "Brightwater is left with £95,550 on Delivery Costs of £1,465,800 (6.5%)" in note
    text = " ".join(text_of(sch).split())
    assert "(£75,744), which is below its Reasonable Profit of £77,324.80" in text
    assert "(£75,744), which is its Reasonable Profit" not in text
    source = EARLY_HELP.read_text().replace("  profit_cap: 5\n", "  profit_cap: 10\n")
    assert "profit_cap: 10" in source  # quiet: no one keeps more than a 10% cap
    quiet = assemble(validate(load_text(source, EARLY_HELP.name), catalogue), catalogue, today=DRAFT_DATE).document
    assert "this is not a hard cap" not in " ".join(clause(quiet, "alliance.schedule-open-book-providers").note.split())


def test_liability_note_flags_the_lopsided_commissioner_cap_and_sums_due_are_said_once(catalogue):
    """r16 al-fresh finding 3(a) and (c): Commissioners with no Annual Value are capped at £50,000 while Brightwater's
    cap is £1,650,000, and the note says so; "any sum due" is stated once (in the paragraph on sums due), not again
    among the carve-outs."""
    c = clause(build(EARLY_HELP, catalogue).document, "alliance.liability")
    note = " ".join(c.note.split())
    assert "The cap is lopsided: the Council and ICB, with no Annual Value, are each capped at £50,000 a year" in note
    assert "(up to £1,650,000, for Brightwater)" in note
    text = " ".join(text_of(c).split())
    assert text.count("Balancing Amount") == 1 and "any sum due from it under this Agreement" not in text
    source = EARLY_HELP.read_text().replace("liability_floor: 50000", "liability_floor: 2000000")
    quiet = assemble(validate(load_text(source, EARLY_HELP.name), catalogue), catalogue, today=DRAFT_DATE).document
    assert "The cap is lopsided" not in " ".join(clause(quiet, "alliance.liability").note.split())


def test_recitals_note_asks_who_contracts_for_a_health_strand_under_the_council(catalogue, alliance_big):
    """r16 al-fresh finding 2: Brightwater's perinatal strand reads as ICB-commissioned health care while the sheet puts
    its one Service Contract with the Council; the note names it and says what changes if the ICB holds it, and no
    longer says the council route is "lawful only under" s.75/65Z5 (s.256 is another route). Quiet: a sheet with no
    NHS Commissioner pooling with a council."""
    doc = build(EARLY_HELP, catalogue).document
    note = " ".join(clause(doc, "alliance.recitals").note.split())
    assert "Brightwater's \"perinatal and infant emotional wellbeing support" in note
    assert "Schedule 1 needs a second row for that Provider naming ICB" in note
    assert "lawful only under" not in note and "section 256(1)(a)" in note
    assert "reads as health care that" not in " ".join(clause(alliance_big, "alliance.recitals").note.split())


def test_cost_model_schedule_note_names_the_overhead_total_the_instructions_give(catalogue, alliance_big):
    """r16 al-fresh finding 8: the instructions' total overheads (£396,800) differ from the Providers' own (£400,000)."""
    note = " ".join(clause(build(EARLY_HELP, catalogue).document, "alliance.schedule-open-book-providers").note.split())
    assert "the instructions give total overheads of £396,800, the Providers' figures add up to £400,000" in note
    quiet = next((c for c in alliance_big.all_clauses() if c.id == "alliance.schedule-open-book-providers"), None)
    assert quiet is None or "overall cost model does not match" not in " ".join(quiet.note.split())


def test_grant_funded_former_contract_and_direct_award_grounds_are_stated_accurately(catalogue):
    """r16 al-fresh findings 11 and 12: a former contract whose title mentions a grant is not called a grant; a new
    supplier's contract needs a direct award justification under s.41 and Sch. 5 (not s.74 and Sch. 8)."""
    doc = build(EARLY_HELP, catalogue).document
    tnote = " ".join(clause(doc, "alliance.transition").note.split())
    assert "a grant, not a procured contract" not in tnote
    assert "SDM/CS/2024/019 (let by the Council, £150,000 a year; its title mentions a grant" in tnote
    cnote = " ".join(clause(doc, "alliance.changes").note.split())
    assert "direct award justification (section 41 of, and Schedule 5 to, the Procurement Act 2023)" in cnote
    assert "direct award ground (section 74" not in cnote


def test_mixed_indexation_is_flagged_and_a_bilateral_value_change_needs_the_reserved_matter(catalogue, alliance_big):
    """r16 al-fresh finding 13: "CPI or, if higher, the NLW uplift applied to 70% of the Annual Value" reads two ways,
    so the note asks for a formula; an agreed change to one Annual Value moves the Target Cost, so it needs the
    Reserved Matter. Quiet: the eight-member sample (a single index, no Reserved Matter on the Target Cost)."""
    doc = build(EARLY_HELP, catalogue).document
    sch = clause(doc, "alliance.schedule-budget")
    assert '("applied to 70% of the Annual Value")' in " ".join(sch.note.split())
    text = "\n".join(text_of(c) for c in doc.all_clauses())
    defn = text_of(clause(doc, "alliance.schedule-budget"))  # r26 al-sample 18: the rule is in Schedule 5
    assert "only once it is agreed as a Reserved Matter under clause" in defn
    assert "mixes two measures" not in " ".join(clause(alliance_big, "alliance.schedule-budget").note.split())


def test_contract_publication_note_names_the_service_contracts_over_five_million(catalogue):
    """r16 al-fresh finding 22: the s.53 note names the Service Contracts over £5 million across the term and says
    what is unverified, instead of "confirm with the council's procurement team"."""
    doc = build(EARLY_HELP, catalogue).document
    note = " ".join(clause(doc, "alliance.recitals").note.split())
    assert ("two of the Service Contracts are worth more than £5 million over the term and extension at their first "
            "year's values (Brightwater £11,550,000; Kittiwake £9,940,000)") in note
    assert "confirm with the council's procurement team" not in " ".join(clause(doc, "common.freedom-of-information").note.split())


def test_execution_note_asks_for_the_icb_signatorys_delegated_authority(catalogue, alliance_big):
    """r16 al-fresh finding 24: an ICB signatory's authority under its scheme of reservation and delegation."""
    note = " ".join(clause(build(EARLY_HELP, catalogue).document, "alliance.key-information").note.split())
    assert "ICB signs by Dr Kwame Asante-Boyd, Chief Nursing Officer: confirm that the post has delegated authority" in note
    assert "scheme of reservation and delegation" not in " ".join(clause(alliance_big, "alliance.key-information").note.split())


def test_regulators_hub_closures_and_entire_agreement_follow_the_early_help_services(catalogue, alliance_big):
    """r16 al-fresh findings 18, 19 and 20: the regulator example follows the services (Ofsted for the family hubs'
    childcare and Family Mediation Council accreditation, not the CQC); the decisions note says a Reserved Matter on
    closing a hub leaves the council's own s.5D consultation duty; the entire agreement clause is subject to the
    Service Contracts carve-out. Quiet: the eight-member sample keeps the CQC example and has no hub note."""
    doc = build(EARLY_HELP, catalogue).document
    ops = " ".join(text_of(clause(doc, "alliance.operations")).split())
    assert "(such as Ofsted, for childcare or other provision that must be registered with it)" in ops
    assert "Family Mediation Council accreditation for mediators" in ops and "Care Quality Commission" not in ops
    note = " ".join(clause(doc, "alliance.decisions").note.split())
    assert "(Childcare Act 2006, s.5D)" in note
    numbers = {c.id: c.number for c in doc.all_clauses()}
    general = " ".join(text_of(clause(doc, "common.general")).split())
    assert f"Subject to clause {numbers['alliance.precedence']}." in general
    assert "such as the Care Quality Commission" in " ".join(text_of(clause(alliance_big, "alliance.operations")).split())
    assert "s.5D" not in " ".join(clause(alliance_big, "alliance.decisions").note.split())


def test_commissioners_wording_is_plural_and_no_pasted_care_home_text(catalogue):
    """r16 al-fresh findings 16 and 17: no "have budgeted" statement of fact; the Commissioners (plural) bear the Pain
    above the caps; no lone "(a)" between Commissioners; no occupancy or "homes" text in an alliance of family hubs."""
    doc = build(EARLY_HELP, catalogue).document
    text = " ".join("\n".join(text_of(c) for c in doc.all_clauses()).split())
    assert "have budgeted to bear" not in text
    # r28 al-fresh finding 10: the stop-loss is named as the means, with no conclusion that reads as a cap
    assert re.search(r"The Commissioners limit their exposure to Pain through clause 13\.\d+\. Nothing in this clause "
                     r"limits the Pain they bear under clause 13\.\d+\.", text)
    assert "is borne by the Commissioners, which together bear £251,200 in all" in text
    assert "each Commissioner bears, of the Commissioners' share of any Pain" in text
    notes = " ".join(" ".join((c.note or "").split()) for c in doc.all_clauses() if isinstance(c.note, str))
    assert "occupancy" not in notes and "owns the homes outright" not in notes and "owns the premises outright" in notes


def test_a_long_inline_note_is_not_kept_with_the_next_paragraph(catalogue, tmp_path):
    """r16 al-fresh finding 25: a note longer than about half a page is not kept with the next paragraph, so it
    flows on from its heading instead of leaving the heading alone on a page; short notes still keep with it."""
    import zipfile
    from assembler.writers.docx import NOTE_KEEP_LIMIT
    out = assemble_to(EARLY_HELP, tmp_path / "early-help.docx", catalogue, notes="inline")
    xml = zipfile.ZipFile(out).read("word/document.xml").decode()
    paras = re.findall(r"<w:p>.*?</w:p>|<w:p .*?</w:p>", xml, re.S)
    notes = [p for p in paras if "Drafting note: " in p]
    long_ = [p for p in notes if len(re.sub(r"<[^>]+>", "", p)) > NOTE_KEEP_LIMIT + 50]
    short = [p for p in notes if len(re.sub(r"<[^>]+>", "", p)) < NOTE_KEEP_LIMIT - 50]
    assert long_ and short
    assert all('<w:keepNext w:val="0"/>' in p for p in long_)
    assert not any('<w:keepNext w:val="0"/>' in p for p in short)


# --- r17 al-fresh: gain-only, two Commissioners, open book with a sharing band ------------------------------

MARDENSHIRE = Path(__file__).parent / "fixtures" / "alliance-mardenshire-r17.yaml"


@pytest.fixture(scope="module")
def mardenshire(catalogue):
    return build(MARDENSHIRE, catalogue).document


def _mardenshire() -> AllianceTermSheet:
    return AllianceTermSheet.model_validate(load_file(MARDENSHIRE).data)


def test_built_in_gain_takes_the_providers_margin_in_a_gain_only_deal():
    """r17 al-fresh finding 1: each Fee (3%) is below the margin in the Provider's own cost model, so a year in which
    everyone spends exactly its cost model shows £40,000 of Gain with nothing saved, and each Provider gets back only
    its share: Ashgrove ends £12,400 below its own cost model, Beacon Lane £3,400, Mended Threads £1,000."""
    alliance = _mardenshire().alliance
    taken = {m.key: rest for m, *rest in alliance.open_book_margin_taken("full-cost", "refund", "sharing-band")}
    assert taken["ashgrove"] == [Decimal("70000"), Decimal("44400"), Decimal("25600"), Decimal("13200"), Decimal("12400")]
    assert taken["beacon"][-1] == Decimal("3400") and taken["threads"][-1] == Decimal("1000")
    assert "trust" not in taken  # the NHS Trust is not open book


def test_built_in_gain_note_gives_the_figures_and_the_options(mardenshire):
    note = clause(mardenshire, "alliance.risk-reward").note
    assert "Gain of £40,000 with nothing saved" in note
    assert "Ashgrove by £12,400" in note and "the Commissioners take £14,000 and the Hospitals Trust £2,800" in note
    assert "(to £2,775,000)" in note and "Ashgrove £70,000" in note
    assert "the Commissioners bear any overspend they approve" in note


def test_no_built_in_gain_note_when_fees_match_the_cost_models(catalogue):
    """Quiet: with each Fee at or above the cost model's margin (5%) there is no built-in Gain."""
    data = load_file(MARDENSHIRE).data
    data["alliance"]["risk_reward"]["fee"]["percent"] = 5
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert alliance.open_book_margin_taken("full-cost", "refund", "sharing-band") == []


def test_sharing_band_worked_example_includes_the_balancing_amount(mardenshire):
    """r17 al-fresh finding 2: the Sch 9 example follows the draft's order (Balancing Amount first) with a sharing
    band too, and the all-on-cost-model example shows no Excess Profit: Ashgrove keeps £57,600."""
    rows = [[plain_text(cell) for cell in row] for b in clause(mardenshire, "alliance.schedule-open-book-providers").blocks
            if isinstance(b, Table) for row in b.rows]
    assert ["Ashgrove Women's Aid", "£1,400,000", "£1,480,000", "-£19,100", "£60,900", "£60,900", "£0", "£60,900"] in rows
    assert ["Ashgrove Women's Aid", "£70,000", "£44,400", "£25,600", "£13,200", "-£12,400", "£57,600", "£12,400"] in rows


def test_gain_only_open_book_draft_has_no_pain(mardenshire):
    """r17 al-fresh finding 3: under gain-only a loss is the Provider's own (except approved costs); nothing speaks of
    Pain, so Pain is not defined."""
    for c in mardenshire.all_clauses():
        assert "Pain" not in text_of(c), c.id
    loss = text_of(clause(mardenshire, "common.open-book-profit-cap"))
    assert "the loss is borne by the Open-Book Provider, except costs approved under clause" in loss


def test_sharing_band_alliance_sends_a_cost_statement_first_and_keeps_costs_in_the_clean_team(mardenshire):
    """r17 al-fresh findings 4, 7 and 8: with a sharing band the Cost Statement is sent (to the Lead Commissioner and
    the Alliance Manager) before the Gain is calculated, and the Reconciliation Statement only once the Balancing Amount
    is final; the Gain calculation gives each Provider only its own figures."""
    band = text_of(clause(mardenshire, "common.open-book-profit-cap"))
    assert "must send the Lead Commissioner (for the Open-Book Commissioners) and the Alliance Manager a Cost Statement" in band
    assert "after the calculation of its Balancing Amount" in band
    calc = text_of(clause(mardenshire, "alliance.risk-reward"))
    assert "must give each Provider its own figures and every Alliance Member the totals" in calc
    assert "with the supporting information, to every Alliance Member" not in calc


def test_a_borough_council_in_a_two_tier_area_is_not_given_the_part_4_duty(mardenshire):
    """r17 al-fresh finding 5: the Part 4 duty is the County Council's; the Borough Council acts as local housing
    authority, in co-operation with the County Council."""
    recital = "\n".join(p.text for c in mardenshire.all_clauses() if c.id == "alliance.recitals"
                        for p in c.blocks if isinstance(p, Paragraph))
    borough = recital[recital.index("The Borough Council enters"):]
    assert borough.startswith("The Borough Council enters into this Agreement in exercise of its functions in relation to "
                              "the Services (including its functions under Part 7 of the Housing Act 1996 (homelessness), "
                              "as local housing authority), in co-operation with the County Council in relation to the "
                              "County Council's functions under Part 4")
    county = recital[recital.index("The County Council enters"):recital.index("The Borough Council enters")]
    assert "its functions under Part 4 of the Domestic Abuse Act 2021" in county


def test_upper_tier_partner_is_quiet_for_a_unitary_or_a_lone_council():
    """Quiet: without a county council among the Commissioners, or marked upper tier, a borough council keeps every
    function the services name."""
    data = load_file(MARDENSHIRE).data
    data["members"][1]["council_tier"] = "upper"
    alliance = AllianceTermSheet.model_validate(data).alliance
    borough = alliance.member_by_key("borough")
    assert alliance.upper_tier_partner(borough) is None
    assert any("Domestic Abuse Act 2021" in f for f in alliance.function_statutes_for(borough))
    data["members"][1]["council_tier"] = None
    data["members"][0]["name"] = "Mardenshire Council"
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert alliance.upper_tier_partner(alliance.member_by_key("borough")) is None


def test_a_commissioner_funding_services_under_anothers_contracts_can_be_cut_off(mardenshire):
    """r17 al-fresh finding 6: the Borough Council pays £360,000 into the Pooled Budget but holds no Service Contract;
    if its money stops, the County Council may reduce or end the Services it funds."""
    text = text_of(clause(mardenshire, "alliance.leaving"))
    assert ("If the Borough Council gives notice to leave the Alliance, or does not approve or pay its contribution for an "
            "Alliance Year, the County Council may, despite clause ") in text
    # r31 al-fresh finding 5: the cut overrides the decisions clause and the Target Cost clause, by reference
    assert re.search(r"may, despite clause \d+ (\(including any Reserved Matter\) )?and clause \d+\.\d+, by notice to the "
                     r"Provider concerned, reduce or end the Services", text)
    assert "£360,000 a year into the Pooled Budget" in clause(mardenshire, "alliance.leaving").note


def test_no_unfunded_services_clause_when_every_funder_holds_a_contract():
    """Quiet: once the Borough Council is party to a Provider's Service Contract there is nothing to cut off."""
    data = load_file(MARDENSHIRE).data
    next(m for m in data["members"] if m["key"] == "beacon")["service_contract_with"] = "borough"
    assert AllianceTermSheet.model_validate(data).alliance.funders_without_contracts == []
    assert _mardenshire().alliance.funders_without_contracts[0][0].key == "borough"


def test_gain_only_urgent_approvals_are_capped_at_the_sheets_limit(mardenshire):
    """r17 al-fresh finding 9: the sheet's £30,000 urgent-approvals limit caps approvals after the event."""
    text = text_of(clause(mardenshire, "alliance.risk-reward"))
    assert "Approvals under (b) may not exceed £30,000 (thirty thousand pounds) in total for all Providers" in text


def test_gain_only_urgent_approvals_uncapped_without_a_limit(catalogue, tmp_path):
    """Quiet: no limit in the sheet, no cap in the clause."""
    sheet = tmp_path / "no-limit.yaml"
    sheet.write_text(MARDENSHIRE.read_text().replace("    urgent_approvals_limit: 30000\n", ""))
    doc = build(sheet, catalogue).document
    assert "Approvals under (b) may not exceed" not in text_of(clause(doc, "alliance.risk-reward"))


@pytest.mark.parametrize("target, lower, word", [
    ("35% or below", True, None), ("at or under 10", True, None), ("no more than 5%", True, None),
    ("80% or more", False, None), ("not less than 80%", False, None),
    ("below 35%", True, "below"), ("fewer than 10", True, "below"), ("more than 80%", False, "above")])
def test_a_target_that_includes_its_figure_is_not_strict(target, lower, word):
    """r17 al-fresh finding 10: "35% or below" is met by 35%, so the target year's level is "35%", not "below 35%"."""
    from assembler.termsheet.alliance import strict_word
    assert strict_word(target, lower) == word


def test_kpi_or_below_target_prints_the_figure(mardenshire):
    rows = [[plain_text(cell) for cell in row] for b in clause(mardenshire, "alliance.schedule-outcomes").blocks
            if isinstance(b, Table) for row in b.rows]
    repeat = next(r for r in rows if r[:2] == ["3", "lower"])
    assert repeat[-1] == "[35%]" and not any("below" in cell for cell in repeat)


def test_housing_costs_outside_the_alliance_include_universal_credit(mardenshire):
    """r17 al-fresh finding 13: housing costs outside the budget include the housing costs element of universal credit."""
    text = "\n".join(text_of(c) for c in mardenshire.all_clauses())
    assert "housing benefit or the housing costs element of universal credit" in text
    assert "service charges or housing benefit" not in text


def test_sharing_band_note_uses_the_sheets_local_benchmark(mardenshire):
    """r17 al-fresh finding 16: the sheet's 5% local benchmark is the comparator, not the defence SSRO rate."""
    note = clause(mardenshire, "common.open-book-profit-cap").note
    assert "below the local benchmark of 5% (the County Council's 2025/26 market analysis" in note
    assert "SSRO" not in note and "was not found" not in note


def test_agreement_runs_for_the_term_including_any_extension(mardenshire):
    """r17 al-fresh finding 18: the Agreement continues to the end of the Term, not the Initial Term."""
    assert "This Agreement continues until the end of the Term, unless" in text_of(clause(mardenshire, "alliance.term-termination"))


def test_safeguarding_reports_go_to_a_district_council_only_for_its_housing_role(mardenshire):
    """r17 al-fresh finding 14: the Borough Council has no social services functions, so it hears of a safeguarding
    report only where the person is housed or helped under its housing functions."""
    text = text_of(clause(mardenshire, "common.safeguarding"))
    assert ("must tell the County Council, and the Borough Council where the report concerns a person it houses or helps "
            "under its housing functions, within one Business Day") in text


def test_unanimity_exceptions_name_the_real_exceptions(mardenshire):
    """r17 al-fresh finding 23: the exceptions to unanimity are urgent action, the deadlock decision and the interested
    member's vote, not the overspend approval."""
    text = text_of(clause(mardenshire, "alliance.governance"))
    # r20 al-sample finding 11: one list, in the decisions clause, used everywhere
    unanimous = next(p.number for p in clause(mardenshire, "alliance.decisions").blocks
                     if isinstance(p, Paragraph) and p.anchor == "unanimous")
    assert f"(except as clause {unanimous} provides)" in text
    listed = text_of(clause(mardenshire, "alliance.decisions"))
    assert ("needs the agreement of every Alliance Member, except where this Agreement provides otherwise, including in "
            "clause 9.9, clause") in listed and "clause 13.6" not in listed
    # the overspend approval is never among the exceptions to unanimity; under gain-only it is the Commissioner's
    # own approval, not an ALT vote, so the quorum rule does not list it either (r20 al-fresh finding 14)
    assert text.count("clause 13.6") == 0 and "(including under clause 9.9, clause 36.4" in text
    assert "clause 13.6" not in listed.split("including in")[1].split(". ")[0]


def test_without_open_book_the_schedule_says_which_costs_count(alliance_big, open_book_alliance, catalogue):
    """r17 al-sample findings 1 and 2: without open-book terms, Delivery Costs follow rules in the risk/reward
    Schedule (direct costs, overheads at an Annual Plan rate, exclusions, a certified year-end statement reconciled
    to the accounts), and a charity's own funds are left out of both income and costs unless it elects to count them."""
    defs = {d.term: plain_text(d.inlines) for d in alliance_big.definitions}
    assert 'under the part of Schedule' in defs["Delivery Costs"]
    assert 'headed "Costs that count as Delivery Costs"' in defs["Delivery Costs"]
    assert "from any source other than" not in defs["Delivery Costs"]
    sched = text_of(clause(alliance_big, "alliance.schedule-risk-reward"))
    assert "at the rate fixed for that Provider in the Annual Plan approved by the ALT or, until such an Annual Plan fixes one, at the rate in that Provider's tender for its Service Contract (nil if its tender states none). No other central charge" in sched
    assert "fundraising, marketing and bidding costs" in sched
    assert "are not income for this purpose, and the costs it meets from them are not Delivery Costs, unless" in sched
    assert "certified by its finance director" in sched
    assert "reconciling the Delivery Costs it certified" in sched
    # an open-book alliance uses the open-book Allowable Costs instead: no second set of rules
    ob = text_of(clause(open_book_alliance.document, "alliance.schedule-risk-reward"))
    assert "Costs that count as Delivery Costs" not in ob
    # an instructed ceiling on overheads is printed
    text = ALLIANCE_BIG.read_text(encoding="utf-8").replace("    basis: pro_rata\n", "    basis: pro_rata\n    overhead_limit_percent: 12\n", 1)
    doc = assemble(validate(load_text(text, ALLIANCE_BIG.name), catalogue), catalogue, today=DRAFT_DATE).document
    assert "in the Annual Plan, which must not be more than 12% " not in text_of(clause(doc, "alliance.schedule-risk-reward"))
    assert "(nil if its tender states none), which must not be more than 12%. No other" in text_of(clause(doc, "alliance.schedule-risk-reward"))


def test_key_information_leaves_out_the_route_the_recitals_leave_out(alliance_big, catalogue):
    """r17 al-sample finding 3: where some Service Contracts may have been awarded under the Provider Selection
    Regime, recital (C) does not recite the route, and neither does the key information table; a sheet without
    that risk (the small sample) still states it."""
    # r26 al-sample finding 5: the sheet records the view that the Act governs, so the route is stated
    rows = [r for r in table_rows(clause(alliance_big, "alliance.key-information")) if r[0].startswith("Procurement")]
    assert rows[0][0] == "Procurement route" and "[except the Service Contract of Recovery CIC" not in rows[0][1]
    assert rows[0][1].startswith("a competitive flexible procedure")  # r32 al-sample finding 1: no open bracket
    small = build(ALLIANCE_SMALL, catalogue).document
    rows = [r for r in table_rows(clause(small, "alliance.key-information")) if r[0].startswith("Procurement")]
    assert rows[0][0] == "Procurement route" and "competitive flexible procedure" in rows[0][1]


def test_the_hosted_case_system_has_its_article_28_terms_in_a_schedule(alliance_big):
    """r17 al-sample finding 4: where a member hosts the shared case system, its Article 28(3) terms are a
    Schedule (not left to agreement), clause 15 applies them to the case system and the Alliance Manager's
    reports, and the data protection note no longer says the clause itself gives processor terms."""
    sched = clause(alliance_big, "alliance.schedule-case-system")
    text = text_of(sched)
    assert "the Commissioner processes Personal Data as a processor for each other Alliance Member" in text  # r25 al-sample 14: the role, not "the Council"
    assert "within 48 hours" in text and "at least 30 days before it takes effect" in text
    assert "complete a data protection impact assessment" in text
    info = text_of(clause(alliance_big, "alliance.information-sharing"))
    assert "must agree in writing processing terms" not in info
    label = f"Schedule {sched.number}"
    assert info.count(f"on the terms in {label}.") == 1 and f"the terms in {label} apply to that processing" in info
    note = clause(alliance_big, "common.data-protection").note
    # separate controllers on the instructions: the alliance note no longer explains the processor alternative (sprint Y3)
    assert "the clause gives the terms Article 28(3)" not in note and "A processor is right only where" not in note


def test_no_case_system_schedule_without_a_hosted_case_system(catalogue):
    doc = build(ALLIANCE_SMALL, catalogue).document
    assert "alliance.schedule-case-system" not in [c.id for c in doc.all_clauses()]
    assert "processing terms that meet Article 28" in text_of(clause(doc, "alliance.information-sharing")) or\
        "Article 28 of the UK GDPR" in text_of(clause(doc, "alliance.information-sharing"))


def test_sharing_no_condition_covers_needs_consent_and_the_note_names_paragraphs_2_and_6(alliance_big, catalogue):
    """r17 al-sample finding 5: the term sheet relies on paragraph 18 (safeguarding) for routine sharing of criminal
    offence data and for health data shared by housing staff; the Schedule falls back on explicit consent where no
    condition covers a sharing, requires appropriate policy documents and a DPIA first, and the note names the
    conditions to ask about. A sheet sharing no health or criminal offence data gets none of it."""
    sched = text_of(clause(alliance_big, "common.schedule-data-sharing"))
    assert "Where no condition in the table covers a particular sharing of health data or criminal offence data" in sched
    assert "completed a data protection impact assessment for the sharing" in sched
    note = clause(alliance_big, "common.schedule-data-sharing").note
    assert "paragraph 6 read with paragraph 36 for a public body Party" in " ".join(note.split())  # r25 al-sample 20: shorter
    # r28 al-fresh finding 3: the table itself now keeps paragraph 18 for safeguarding disclosures, and the note says why
    assert "cannot carry routine referral and care co-ordination" in note
    text = ALLIANCE_BIG.read_text(encoding="utf-8")
    start, end = text.index("  data_types: >-"), text.index("  retention:")
    text = text[:start] + ("  data_types: Name and contact details\n  data_subjects: People using the services\n"
                           "  lawful_basis: Article 6(1)(e) for the Council and Article 6(1)(f) for the other members\n") + text[end:]
    doc = assemble(validate(load_text(text, ALLIANCE_BIG.name), catalogue), catalogue, today=DRAFT_DATE).document
    assert "Where no condition in the table covers" not in text_of(clause(doc, "common.schedule-data-sharing"))


def test_kpi_gates_list_each_providers_kpis_and_the_gate_follows_them(alliance_big, catalogue):
    """r17 al-sample finding 7: where the sheet names the KPIs that gate a Provider's Gain, the outcomes Schedule
    lists them in a Part 4 (every KPI for a Provider not listed) and the gate refers to it; without them the gate
    covers every KPI and the note no longer points at a list that does not exist."""
    text = ALLIANCE_BIG.read_text(encoding="utf-8").replace(
        "  case_system_host: council", "  kpi_gates:\n    - {member: harbour, kpis: [3, 1]}\n"
        "    - {member: recovery, kpis: [4]}\n  case_system_host: council", 1)
    doc = assemble(validate(load_text(text, ALLIANCE_BIG.name), catalogue), catalogue, today=DRAFT_DATE).document
    outcomes = clause(doc, "alliance.schedule-outcomes")
    table = next(b for b in outcomes.blocks
                 if isinstance(b, Table) and [plain_text(c) for c in b.header] == ["Provider", "Key Performance Indicators"])
    rows = [[plain_text(cell) for cell in row] for row in table.rows]
    assert ["Harbour Light Housing Association Limited", "1 and 3"] in rows
    assert ["Westcountry Recovery & Wellbeing CIC", "4"] in rows
    assert ["St Luke's Hospice & Care", "1, 2, 3, 4 and 5"] in rows
    gate = text_of(clause(doc, "alliance.risk-reward"))
    assert f"each Key Performance Indicator listed against its name in Part 4 of Schedule {outcomes.number} in that" in gate
    assert "Every KPI gates every Provider's Gain" not in clause(doc, "alliance.risk-reward").note
    plain = text_of(clause(alliance_big, "alliance.risk-reward"))
    assert "listed against its name in Part 4" not in plain
    assert "Part 4" not in text_of(clause(alliance_big, "alliance.schedule-outcomes"))
    assert not any("listed against its name in Part 3" in a for a in alliance_big.assumptions)


def test_r17_al_sample_finding_8_unanimity_plan_running_costs_and_housing_grades(alliance_big, catalogue):
    """r17 al-sample finding 8 (14, 17, 19, 20): the exceptions to unanimity include the Commissioner's urgent
    action and the termination clause; an unapproved draft Annual Plan binds no one; running costs above the
    budget need the payer's prior approval; a registered provider reports RSH gradings (a housing-free sheet
    does not get that wording)."""
    principles = text_of(clause(alliance_big, "alliance.principles"))
    urgent = next(p.number for p in clause(alliance_big, "alliance.decisions").blocks
                  if isinstance(p, Paragraph) and "safety of a person using the Services is at immediate risk" in p.text)
    unanimous = next(p.number for p in clause(alliance_big, "alliance.decisions").blocks
                     if isinstance(p, Paragraph) and p.anchor == "unanimous")
    assert f"except as clause {unanimous} provides, every decision" in principles
    listed = text_of(clause(alliance_big, "alliance.decisions"))
    term = clause(alliance_big, "alliance.term-termination").number
    # r21 al-sample 12: the list names only ALT decisions (not the Commissioner's urgent action or removal)
    assert f"including in clause {urgent}, " not in listed and f"clause {term}.4 and clause " in listed
    plan = text_of(clause(alliance_big, "alliance.service-planning"))
    assert "the draft as last presented to the ALT applies" not in plan
    assert "Until the ALT approves the first Annual Plan:\nthe draft binds no one" in plan
    ops = text_of(clause(alliance_big, "alliance.operations"))
    assert "must not commit running costs above that budget unless the Commissioner first approves them in writing" in ops
    assert "below G1 for governance, V1 for financial viability or C1 for the consumer standards" in ops
    small = text_of(clause(build(ALLIANCE_SMALL, catalogue).document, "alliance.operations"))
    assert ("Regulator of Social Housing grading" in small) == ("registered_provider" in ALLIANCE_SMALL.read_text(encoding="utf-8")
                                                               or "rsh_number" in ALLIANCE_SMALL.read_text(encoding="utf-8"))


def test_pro_rata_shares_follow_a_changed_annual_value(alliance_big):
    """r17 al-sample finding 8 (report finding 8): pro rata shares are fixed at the first year's values only
    against indexation; a change to an Annual Value, a joiner or a leaver recalculates them, and the leaving
    clause points at that paragraph."""
    sched = clause(alliance_big, "alliance.schedule-risk-reward")
    # r31s al-sample finding 1: only an Annual Value the ALT has approved recalculates the shares
    assert ("Where another Annual Value for a Provider applies under paragraph 3 of Schedule 5 (once the ALT has approved "
            "it), or a Provider joins or leaves, the shares are recalculated") in text_of(sched)
    assert f"are recalculated under paragraph 1 of Schedule {sched.number} among the remaining" in text_of(clause(alliance_big, "alliance.leaving"))


def test_insolvency_event_fits_registered_providers_and_other_bodies(alliance_big, catalogue):
    """r17 al-sample finding 8 (report finding 9): the Insolvency Event definition covers the Part A1 moratorium,
    Part 26 and 26A arrangements, a registered provider's moratorium and housing administration (only where a
    Provider is a registered provider), and equivalents for CIOs and societies; the note asks about the exit
    handover's consents."""
    defs = {d.term: plain_text(d.inlines) for d in alliance_big.definitions}
    ev = defs["Insolvency Event"]
    assert "a moratorium under Part A1 of the Insolvency Act 1986" in ev and "Part 26 or 26A of the Companies Act 2006" in ev
    assert "section 145 of the Housing and Regeneration Act 2008" in ev and "housing administration order" in ev
    assert "charitable incorporated organisation, a registered society" in ev
    assert "for Harbour Light, check whether the handover" in " ".join(clause(alliance_big, "alliance.term-termination").note.split())
    small = build(ALLIANCE_SMALL, catalogue).document
    if "registered_provider" not in ALLIANCE_SMALL.read_text(encoding="utf-8"):
        assert "Housing and Regeneration Act 2008" not in {d.term: plain_text(d.inlines) for d in small.definitions}.get("Insolvency Event", "")


def test_the_index_is_read_as_first_published_with_a_fallback(alliance_big):
    """r17 al-sample finding 8 (report finding 18): the indexation uses first-published figures and falls back to the
    nearest equivalent index, in the one definition of the Indexation Increase; the note asks for the series identifier."""
    defs = {d.term: plain_text(d.inlines) for d in alliance_big.definitions}
    assert "increased by the Indexation Increase for that Alliance Year" in text_of(clause(alliance_big, "alliance.schedule-budget"))
    assert "using in each case the figures first published and disregarding later revisions" in defs["Indexation Increase"]
    assert "Add the Office for National Statistics' series identifier" in " ".join(clause(alliance_big, "alliance.schedule-budget").note.split())


def test_abuse_and_clinical_negligence_cover_are_required_where_the_services_need_them(alliance_big):
    """r17 al-sample finding 8 (report finding 11): adults at risk and health care in the Services bring abuse cover
    and clinical negligence cover (at least the professional indemnity level) into the operations clause."""
    ops = text_of(clause(alliance_big, "alliance.operations"))
    assert "In addition to the insurance required by clause" in ops
    # r20 al-fresh finding 19: reasonable endeavours, with any exclusion or sub-limit reported to the ALT
    assert "covers claims arising from the abuse of a person using the Services" in " ".join(ops.split())
    assert "must tell the ALT of any exclusion or sub-limit of that cover" in " ".join(ops.split())
    assert "must hold medical malpractice (clinical negligence) insurance" in ops and "of at least [£2,000,000] for any one claim" in ops  # r21 al-sample 14: assumed, bracketed


def test_step_in_does_not_survive_but_accrued_rights_and_the_exit_steps_do(alliance_big):
    """r19 al-sample finding 11 (replacing r17 finding 8): step-in makes no sense after the end, so its paragraph is not
    among the survivors (costs already incurred survive as rights that have arisen); the Exit Plan and final
    calculation paragraphs of the term clause, and clause 3, do survive."""
    ops = clause(alliance_big, "alliance.operations")
    step = next(p.number for p in ops.blocks if isinstance(p, Paragraph) and "may, by notice, step in" in p.text)
    term = clause(alliance_big, "alliance.term-termination")
    exit_steps = next(p.number for p in term.blocks if isinstance(p, Paragraph) and p.text.startswith("When this Agreement ends"))
    survival = next(p.text for c in alliance_big.all_clauses() for p in c.blocks
                    if isinstance(p, Paragraph) and p.text.startswith("However this Agreement ends"))
    assert f"clause {step}," not in survival and "any right or remedy that has arisen before it ends" in survival
    assert f"clause {exit_steps}," in survival and "clause 3," in survival


def test_deadlock_never_decides_overspend_approvals_or_kpi_levels(alliance_big):
    """r18 al-sample finding 1: after deadlock the Commissioner could have approved costs above a budget (costing
    the other Providers their Fees, not itself) or changed a KPI level that gates Gain; both are now among the
    matters no deadlock procedure decides."""
    text = " ".join(text_of(clause(alliance_big, "alliance.decisions")).split())
    # r22 al-sample 3: with no Gain gate here, a KPI change moves no one's Gain, so the Commissioner may decide it
    assert "any approval of costs under clause 13.10 or amount of costs approved in advance under clause 13.13;" in text
    assert "the admission or removal of an Alliance Member; or any change to this Agreement." in text
