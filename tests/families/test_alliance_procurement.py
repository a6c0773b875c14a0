"""The alliance's procurement route: the Provider Selection Regime and the Procurement Act 2023, section 53
and the light-touch checks, former contracts and grants, and how the Service Contracts relate to this Agreement."""

from __future__ import annotations

import re

from pathlib import Path

import pytest

from assembler.model import plain_text
from assembler.termsheet.validate import read_termsheet
from tests.families.clause_texts import (
    build,
    clause,
    flat as _flat,
    flat_note,
    note,
    table_rows,
    text_of,
    variant_file,
    variant_of,
)
from tests.families.conftest import (
    ALLIANCE,
    ALLIANCE_BIG,
    ALLIANCE_KINGSHOLT,
    ALLIANCE_LYNMERE_ALH,
    ALLIANCE_SMALL,
    ALLIANCE_STAINMOOR,
    ALLIANCE_THORNSHIRE,
)


NOTES_ON_ROUTE = ["alliance.recitals", "alliance.precedence", "common.conflicts-of-interest",
                  "common.freedom-of-information", "alliance.changes", "alliance.term-termination",
                  "alliance.schedule-outcomes"]


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("alliance*.yaml"))


def test_balancing_amounts_prevail_over_the_service_contract_on_payment(alliance_thistlebury):
    """r19 al11: Finding 7: the Balancing Amounts adjust Service Contract payments, so the Agreement prevails on them and the
    Service Contract's priority on payment is subject to that."""
    text = _flat(text_of(clause(alliance_thistlebury, "alliance.precedence")))
    assert "(including the calculation and payment of Balancing Amounts under clause 13." in text
    assert re.search(r"Subject to clause 3\.1(?:,| and) clause ", text)  # and the leaving clause (r20 al-sample 4)


def test_a_service_given_for_two_providers_is_flagged(alliance_thistlebury, catalogue):
    """r19 al11: Finding 10: the same service line under two Providers is flagged in a note, with the split to confirm."""
    note = _flat(clause(alliance_thistlebury, "alliance.schedule-services").note or "")
    assert ('"Supported accommodation for young people aged 18 to 25, including care leavers (52 units in five '
            'schemes)", for Larchfield and the Foyer') in note
    quiet = _flat(clause(build(ALLIANCE_SMALL, catalogue).document, "alliance.schedule-services").note or "")
    assert "The instructions give the same service" not in quiet


def test_a_joint_service_is_not_flagged(catalogue):
    """r19 al11: Finding 10 (quiet): a service that says it is joint (a joint panel, a single point of access) is not queried."""
    path = next(p for p in ALLIANCE if p.stem == "complex-needs-eight-members")
    note = _flat(clause(build(path, catalogue).document, "alliance.schedule-services").note or "")
    assert "single point of access for all referrals\", for" not in note


@pytest.mark.parametrize("path", [ALLIANCE_THORNSHIRE, ALLIANCE_BIG], ids=lambda p: p.stem)
def test_service_contract_prevails_on_termination_only_subject_to_the_leaving_clause(path, catalogue):
    """r20 al13: al-sample 4: the Service Contract's precedence on termination does not defeat the ending of a leaving
    member's Service Contract, which is one of the matters on which this Agreement prevails."""
    doc = build(path, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.precedence")))
    assert "or the ending of a Service Contract when its Provider leaves or is removed from the Alliance, this Agreement prevails." in text
    assert re.search(r"Subject to clause 3\.1(?:,| and) clause ", text)  # and the closure sub-clause, if any (G3)
    assert "Service Contract on the same day by notice" in _flat(text_of(clause(doc, "alliance.leaving")))


def test_agreement_prevails_on_ending_service_contracts_when_it_ends(tmp_path, catalogue):
    """r35 al-fresh finding 8 (firing): where every Service Contract ends with this Agreement, that ending is one of the
    matters on which this Agreement prevails, and the Service Contract's precedence on termination is subject to it."""
    text = ALLIANCE_THORNSHIRE.read_text()
    route = "  procurement_route: competitive_flexible\n"
    assert route in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(route, route + "  service_contracts_on_end: end\n", 1))
    body = _flat(text_of(clause(build(sheet, catalogue).document, "alliance.precedence")))
    assert re.search(r"leaves or is removed from the Alliance or when this Agreement ends \(clause \d+\.\d+\), this "
                     r"Agreement prevails\.", body)
    m = re.search(r"Subject to clause 3\.1, (.*?), if there is a conflict", body)
    assert m and re.search(r"clause \d+\.\d+", m.group(1)) and m.group(1).count("clause") >= 2


def test_no_ending_with_the_agreement_no_extra_precedence(alliance_thornshire):
    """Quiet: where the Service Contracts continue when this Agreement ends, 3.1 and 3.2 do not mention that ending."""
    body = _flat(text_of(clause(alliance_thornshire, "alliance.precedence")))
    assert "or when this Agreement ends" not in body


def test_former_grant_is_not_treated_as_a_procured_contract(alliance_thornshire):
    """r20 al13: al-fresh 4 (firing): a former arrangement the sheet calls a grant agreement is noted as a grant (expiry,
    clawback, unspent money), not as a contract whose regime must be confirmed or that is ended by agreement."""
    note = _flat(clause(alliance_thornshire, "alliance.transition").note or "")
    assert "TCC/CYP/2024/031 (made by the County Council, £65,000 a year) is a grant agreement on the instructions" in note
    assert "its title mentions a grant" not in note
    assert "Check its terms on expiry, clawback and unspent money" in note


def test_no_former_grant_no_grant_note(catalogue):
    """r20 al13: al-fresh 4 (quiet): contracts not called grants keep the procurement-regime note, with no grant sentence."""
    doc = build(ALLIANCE_BIG, catalogue).document
    assert "grant agreement on the instructions" not in (clause(doc, "alliance.transition").note or "")


def test_section_53_note_is_one_line_and_no_phantom_reviewing_accountant(alliance_thornshire):
    """r20 al15: al-fresh 20 and 17: the section 53 point is one plain check; a gain-only draft's Schedule 4 note names the
    Alliance Manager and the auditor, not a Reviewing Accountant the draft does not have."""
    recitals = _flat(clause(alliance_thornshire, "alliance.recitals").note or "")
    # r43 (both reports): the note says precisely what to read, since the sources could not confirm the exception
    assert ("(Stonebridge £9,660,000; Doorway £7,350,000): whether a copy must also be published under section 53(3) "
            "turns on the exceptions in section 53(5)") in recitals
    assert ("Annex A to the Cabinet Office's Guidance: Light Touch Contracts, which says whether a light touch contract "
            "is excepted; if it is not, each copy is due within 90 days") in recitals
    assert "on legislation.gov.uk before issue" not in recitals
    notes = " ".join(_flat(c.note or "") for c in alliance_thornshire.all_clauses())
    assert "Reviewing Accountant" not in notes
    assert "gives the Alliance Manager, and any auditor appointed under the open-book information clause, rules" in notes


def test_notes_treat_the_act_contract_as_under_the_act(alliance_haverleigh_al19):
    """r22 al19: al-fresh 4 (firing): Stepstone's contract was let by the open procedure under the Procurement Act 2023, so
    every note that assumes the PSR says what differs for it: modification (s.74), termination (s.78), conflicts
    (ss.81-83), s.53 (worth £1,520,000, so no copy) and s.52."""
    assert "Stepstone's Service Contract was awarded under the Act instead, so sections 78 to 80" in flat_note(alliance_haverleigh_al19, "alliance.recitals")
    assert "or, for Stepstone's Service Contract (awarded under the Procurement Act 2023), section 74 of that Act" in flat_note(alliance_haverleigh_al19, "alliance.precedence")
    assert "or, for Stepstone's Service Contract (awarded under the Procurement Act 2023), section 74 of that Act" in flat_note(alliance_haverleigh_al19, "alliance.changes")
    term = flat_note(alliance_haverleigh_al19, "alliance.term-termination")
    assert "the contracts awarded under the Health Care Services (Provider Selection Regime) Regulations 2023 have no termination right" in term
    assert "Stepstone's Service Contract is a public contract under the Procurement Act 2023: section 78 implies" in term
    assert "Stepstone's Service Contract was awarded under the Procurement Act 2023, so in relation to that procurement" in flat_note(alliance_haverleigh_al19, "common.conflicts-of-interest")
    foi = flat_note(alliance_haverleigh_al19, "common.freedom-of-information")
    assert "the recitals note deals with it" not in foi
    assert ("is worth £1,520,000 over the term and extension, not more than £5 million at the first year's values, but "
            "check the estimated value stated for it in the tender and contract award notices") in foi
    assert "nor to Stepstone's Service Contract, a light touch contract" in flat_note(alliance_haverleigh_al19, "alliance.schedule-outcomes")


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_act_contract_notes_without_one(path, catalogue):
    """r22 al19: al-fresh 4 (quiet): where no Provider's contract was let under the Act apart from the alliance's route, no
    note names one."""
    built = build(path, catalogue)
    if read_termsheet(path, catalogue).model.alliance.act_contracts:
        pytest.skip("this sample has a contract under the Act")
    for cid in NOTES_ON_ROUTE:
        if any(c.id == cid for c in built.document.all_clauses()):
            note = flat_note(built.document, cid)
            assert "awarded under the Procurement Act 2023), section 74" not in note
            assert "is a public contract under the Procurement Act 2023: section 78 implies" not in note


def test_former_contracts_not_named_in_part_1_are_listed(alliance_big):
    """r24 al20: Finding 4 (firing): the Schedule 1 note lists the four former contracts whose services Part 1 does not name,
    computed by matching words, with their holders and values and the total they carry into the Annual Values."""
    note = flat_note(alliance_big, "alliance.schedule-services")
    # the sheet now says which listed Service the night shelter and street outreach contracts fall within (r32
    # al-sample finding 3), so only the two it leaves to the draft are listed
    assert ('TCC/PH/0219 "Peer mentoring and recovery cafés" (Recovery CIC, £320,000 a year); TCC/PH/0292 "Homeless '
            'health inclusion nursing" (Riverside, £500,000 a year).') in note
    assert "their £820,000 a year is paid for work no Provider is obliged to deliver unless Part 1 covers it" in note
    assert "make the Exit Plan in Schedule 9 match" in note
    for named in ("TCC/HS/0412", "TCC/HS/0415", "TCC/HS/0501", "TCC/PH/0211", "TCC/PH/0288", "TCC/CS/0144",
                  "TCC/HS/0377", "TCC/HS/0380"):
        assert named not in note


@pytest.mark.parametrize("path", [p for p in ALLIANCE if p != ALLIANCE_BIG], ids=lambda p: p.stem)
def test_no_unlisted_former_contracts_note_where_part_1_names_them(path, catalogue):
    """r24 al20: Finding 4 (quiet): where every former contract's service is named in Part 1, no such note."""
    assert "Part 1 does not name" not in flat_note(build(path, catalogue).document, "alliance.schedule-services")


def test_psr_scoping_by_the_councils_function(alliance_big):
    """r24 al20: Finding 14 (firing): for a council Commissioner, substance use treatment (a public health function) is the
    clear case; for palliative care and mental health support the note asks under which function it was arranged."""
    note = flat_note(alliance_big, "alliance.recitals")
    assert ("the Service Contract of Recovery CIC (community substance use treatment and recovery support) is likely to be "
            "within the Regime if wholly or mainly for that service") in note
    assert ("For the Service Contracts of St Luke's (end-of-life and palliative care outreach for people who are homeless) "
            "and Riverside (mental health support for people with co-occurring conditions), confirm under which of the "
            "Council's functions (public health, the Care Act 2014 or homelessness) it arranged each service, and whether "
            "the recorded assessment (that the main subject-matter is accommodation and support") in note
    assert "holds for each of those contracts on its own, before concluding that the Regime does not apply." in note
    assert "are wholly or mainly for services of that kind" not in note
    assert note.count("53(5)") <= 1


@pytest.mark.parametrize("path", ALLIANCE + FIXTURES, ids=lambda p: p.stem)
def test_psr_function_question_only_for_a_single_council(path, catalogue):
    """r24 al20: Finding 14 (quiet): the question about the council's function is asked only where one council commissions and
    a contract looks like health care other than substance use treatment."""
    from assembler.termsheet.validate import read_termsheet
    a = read_termsheet(path, catalogue).model.alliance
    note = flat_note(build(path, catalogue).document, "alliance.recitals")
    council = a.commissioner.legal_form == "local_authority" and not a.joint_commissioners
    if not council or len(a.psr_public_health_contracts) == len(a.psr_risk_contracts):
        assert "functions (public health, the Care Act 2014 or homelessness)" not in note


def test_service_contract_terms_are_subject_to_procurement_law_with_a_fallback(alliance_big):
    """r25 alB: al-sample finding 1 (firing): the terms go into each Service Contract so far as the law that governs it
    permits; where it does not, the Commissioner tells every member and the ALT agrees how the Agreement applies;
    27.4 follows."""
    text = _flat(text_of(clause(alliance_big, "alliance.precedence")))
    assert "so far as the law on public procurement that governs that Service Contract permits:" in text
    assert ("Where that law does not permit a Service Contract to contain any of those terms, the Commissioner must"
            " notify every Alliance Member before the Commencement Date") in text
    assert "The ALT must then agree how this Agreement applies to that Provider." in text
    leaving = _flat(text_of(clause(alliance_big, "alliance.leaving")))
    # r27 al-sample finding 16: the leaving clause refers to the clause 3.3 term and the clause 3.4 fallback
    assert "and clause 3.4 apply to that right to end the Service Contract." in leaving
    note = clause(alliance_big, "alliance.recitals").note
    assert "by less than £500,000 or by less than 25% of its original lifetime value" in note
    assert "Direct Award Process A or B" not in note  # r27 alH finding 6: no contract awarded under the Regime


def test_a_contract_sharing_the_grant_code_is_asked_about(alliance_kingsholt):
    """r25 alC: al-fresh finding 13 (firing): LBK/ASC/GR/0194 shares 'GR' with the grant LBK/ASC/GR/0217."""
    text = flat_note(alliance_kingsholt, "alliance.transition")
    assert ("LBK/ASC/GR/0194 (£310,000 a year; its reference shares the code GR with the grant agreement "
            "LBK/ASC/GR/0217: confirm whether it is a contract for services or a grant agreement)") in text
    assert "LBK/ASC/C/2231 (£388,000 a year)" in text
    defn = next(d for d in alliance_kingsholt.definitions if d.term == "Former Contract")
    from assembler.model import plain_text
    assert "each contract or grant agreement listed" in plain_text(defn.inlines)


def test_no_grant_code_question_without_a_grant(catalogue):
    """r25 alC: al-fresh finding 13 (quiet): without a grant agreement among the Former Contracts nothing is asked."""
    for path in ALLIANCE:
        doc = build(path, catalogue).document
        if not any(c.id == "alliance.transition" for c in doc.all_clauses()):
            continue
        assert "shares the code" not in flat_note(doc, "alliance.transition")


def test_a_council_code_shared_with_a_grant_is_not_a_grant_code(catalogue, tmp_path):
    """r25 alC: al-fresh finding 13 (quiet): a contract that shares only the council's and department's codes with the grant
    (as MMBC/ASC/2021/118 and the grant MMBC/ASC/2023/044 in r21) is not asked about."""
    sheet = tmp_path / "kingsholt.yaml"
    sheet.write_text(ALLIANCE_KINGSHOLT.read_text().replace("LBK/ASC/GR/0194", "LBK/ASC/2021/0194"))
    doc = build(sheet, catalogue).document
    assert "shares the code" not in flat_note(doc, "alliance.transition")


def test_payroll_contract_is_named_for_a_light_touch_check(alliance_stainmoor):
    """r26 alG: al-fresh finding 3 (firing): Brightledger's payroll contract is not asserted to be light touch."""
    text = flat_note(alliance_stainmoor, "alliance.recitals")
    assert "Confirm the CPV classification of Brightledger's Service Contract (direct payment managed accounts" in text
    assert "Table 1 of Schedule 1 to the Procurement Regulations 2024 (regulation 42(1))" in text
    assert "due within 30 days" in text
    assert "other than that of Brightledger (see the recitals note), are light touch contracts" in flat_note(
        alliance_stainmoor, "alliance.precedence")


def test_no_light_touch_check_where_no_service_looks_outside_the_table(alliance_big):
    """r26 alG: al-fresh finding 3 (quiet): care and support services only: no CPV check, no exception."""
    assert "CPV classification" not in flat_note(alliance_big, "alliance.recitals")
    assert "other than that of" not in flat_note(alliance_big, "alliance.precedence")


def test_a_provider_flagged_not_light_touch_is_stated_not_asked(tmp_path, catalogue):
    """r26 alG: al-fresh finding 3: a member-level light_touch false is stated as the instructions, not asked."""
    sheet = variant_file(tmp_path, ALLIANCE_STAINMOOR, "    short_name: Brightledger\n", "    short_name: Brightledger\n    light_touch: false\n")
    doc = build(sheet, catalogue).document
    text = flat_note(doc, "alliance.recitals")
    assert "The instructions say that the Service Contract of Brightledger is not a light touch contract" in text
    assert "CPV classification" not in text


def test_route_stated_once_the_sheet_records_the_view_that_the_act_governs(alliance_big):
    """r26 alG: al-sample finding 5 (firing): route, date and light touch status recited, and the note warns of the risk
    to the award itself. r32 al-sample finding 1: the sheet states the route, so no open bracket in recital (C) or the
    key information; the note names the contract most likely to be within the Regime and how to recite it separately."""
    recitals = _flat(text_of(clause(alliance_big, "alliance.recitals")))
    assert ("The Service Contracts were awarded following a competitive flexible procedure under section 20(2)(b) of "
            "the Procurement Act 2023, which began on 2 March 2026, as light touch contracts [the Commissioner to confirm "
            "this, and the regime that governed the award, for the Service Contracts of St Luke's, Recovery CIC and "
            "Riverside].") in recitals  # r34m al-sample finding 3: the health care contracts are bracketed
    rows = dict((r[0], r[1]) for r in table_rows(clause(alliance_big, "alliance.key-information")))
    # r38d al-edge finding 7: the key information carries recital (C)'s bracket, so the two agree
    assert rows["Procurement route"].endswith(
        "as light touch contracts [the Commissioner to confirm this, and the regime that governed the award, for the "
        "Service Contracts of St Luke's, Recovery CIC and Riverside], as recited")
    text = flat_note(alliance_big, "alliance.recitals")
    # r31s finding 14: said once (earlier in the note), then referred to
    assert "the Service Contract of Recovery CIC (community substance use treatment and recovery support) is likely to be within the Regime" in text
    assert "If the Commissioner's answer is that the Service Contract of Recovery CIC was awarded under the Regime (see above)" in text
    assert "the risk is to the award itself, not only to its later variation" in text
    assert "Neither recital (C) nor the key information table states the route" not in text


def test_no_route_stated_without_the_commissioners_view(tmp_path, catalogue):
    """r26 alG: al-sample finding 5 (quiet): without the recorded view, recital (C) states no route."""
    text = ALLIANCE_BIG.read_text()
    start = text.index("  health_care_assessment:")
    end = text.index("\n  ", start + 10)
    while text[end + 3] == " ":
        end = text.index("\n  ", end + 1)
    sheet = tmp_path / "no-view.yaml"
    sheet.write_text(text[:start] + text[end + 1:])
    doc = build(sheet, catalogue).document
    recitals = _flat(text_of(clause(doc, "alliance.recitals")))
    assert "were awarded following a procurement which began on 2 March 2026." in recitals
    assert "Neither recital (C) nor the key information table states the route" in flat_note(doc, "alliance.recitals")


def test_each_route_stated_once(alliance_lynmere_alh):
    """r27 alH: Finding 5 (firing): recital (C) and the key information name the contracts each route put in place, once, and
    the Trust's own PSR process (members[].psr_process)."""
    recitals = _flat(text_of(clause(alliance_lynmere_alh, "alliance.recitals")))
    assert ("The Service Contracts of Dementia Support Lynmere, Common Ground and Ashby Vale were awarded following a "
            "competitive flexible procedure") in recitals
    assert "The Service Contract of the Trust was awarded by the ICB following the Direct Award Process C under regulation 9" in recitals
    assert "of the Trust, however," not in recitals
    assert "[, except the Service Contract of the Trust" not in recitals
    info = " ".join(" ".join(r) for r in table_rows(clause(alliance_lynmere_alh, "alliance.key-information")))
    assert "for the Service Contracts of Dementia Support Lynmere, Common Ground and Ashby Vale, a competitive flexible" in info
    assert "[except the Service Contract of the Trust" not in info
    assert "the Direct Award Process C under regulation 9" in info


def test_own_route_without_process(catalogue):
    """r27 alH: Finding 5 (quiet): without members[].psr_process the Trust's route names the Regulations only."""
    doc = variant_of(catalogue, ALLIANCE_LYNMERE_ALH, "    psr_process: direct_award_c\n", "")
    recitals = _flat(text_of(clause(doc, "alliance.recitals")))
    assert "The Service Contract of the Trust was put in place by the ICB following a process under the Health Care" in recitals
    assert "Direct Award Process" not in recitals


def test_s53_counts_only_act_contracts_and_reg13_fits_the_process(alliance_lynmere_alh):
    """r27 alH: Finding 6 (firing): the Trust's PSR contract is not counted among the Act contracts over £5 million, and the
    regulation 13 note says its Direct Award Process C contract has no Process A/B ground."""
    note = flat_note(alliance_lynmere_alh, "alliance.recitals")
    assert ("one of the Service Contracts awarded under the Act is worth more than £5 million over the term and "
            "extension at its first year's value (Ashby Vale £5,760,000)") in note
    assert "the Trust £7,840,000" not in note
    assert ("The Trust's Service Contract was awarded by the Direct Award Process C, so only the grounds above are "
            "available for its variation") in note
    assert "Check the current text of regulation 13" not in note


def test_reg13_process_a_or_b(catalogue):
    """r27 alH: Finding 6 (firing): a Direct Award Process B contract gets the amended ground."""
    doc = variant_of(catalogue, ALLIANCE_LYNMERE_ALH, "psr_process: direct_award_c", "psr_process: direct_award_b")
    assert "For the Trust's Service Contract, awarded by Direct Award Process A or B, regulation 13 as amended" in flat_note(doc, "alliance.recitals")


def test_reg13_no_psr_award(catalogue):
    """r27 alH: Finding 6 (quiet): without a contract awarded under the Regime there is no Process A/B sentence."""
    doc = variant_of(catalogue, ALLIANCE_LYNMERE_ALH, "    procurement_route: provider_selection\n    psr_process: direct_award_c\n    procurement_started: 2026-05-11\n", "")
    note = flat_note(doc, "alliance.recitals")
    assert "Direct Award Process A or B" not in note


def test_section_53_note_gives_the_value_and_the_check_not_an_unverified_shrug(alliance_ellerby_built):
    """r18b: Finding 13: the note gives this Agreement's value against £5 million and says exactly what to read."""
    doc = alliance_ellerby_built.document
    recitals = note(doc, "alliance.recitals")
    assert "this Agreement is the contract, worth £18,095,000 over the Initial Term and the extension" in recitals
    # r19 al-sample finding 9: one sentence saying what to confirm, not a research errand
    # r20 al-fresh finding 20: one line, not hedged
    assert "turns on the exceptions in section 53(5)" in recitals and "within 90 days" in recitals
    assert "on legislation.gov.uk" not in recitals
    assert "record on the file" not in recitals
    foi = note(doc, "common.freedom-of-information")
    assert "has not verified" not in foi and "has not been verified" not in foi
    assert "the recitals note deals with it" in foi


def test_psr_modification_grounds_are_stated_once(alliance_big, catalogue):
    """r31s al-sample finding 14 (firing): the regulation 13 grounds are summarised in the recitals note only; the
    transition note refers to it, and the recitals note does not repeat why a contract is most likely in the Regime.
    Quiet: a sheet whose recitals note has no PSR analysis keeps the short test in the transition note."""
    recitals = flat_note(alliance_big, "alliance.recitals")
    assert recitals.count("Regulation 13 allows a modification without a new process") == 1
    assert "still the most likely to be within the Regime" not in recitals
    transition = flat_note(alliance_big, "alliance.transition")
    assert "regulation 13 of S.I. 2023/1348 then needs a ground for each change (the grounds are summarised in the recitals note)" in transition
    assert "adds less than £500,000 or 25% to its lifetime value" not in transition
    from tests.families.conftest import ALLIANCE_JOINT
    joint = build(ALLIANCE_JOINT, catalogue).document
    if "then needs a ground for each change" in flat_note(joint, "alliance.transition"):
        assert "summarised in the recitals note" not in flat_note(joint, "alliance.transition") or \
            "Regulation 13 allows a modification" in flat_note(joint, "alliance.recitals")
