"""A single-contract alliance with two Commissioners and a pooled budget (r18 al-fresh): this Agreement is every
Provider's only contract, so nothing may rely on Service Contracts, there is one payment route, and the service
specification is annexed rather than pointed at by the sheet's own Schedule number."""
from __future__ import annotations

from assembler.model import Table, plain_text
from assembler.termsheet.alliance import AllianceTermSheet
from assembler.termsheet.loader import load_file
from tests.families.clause_texts import build, clause, table_rows, text_of
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_ELLERBY


def _all_text(doc) -> str:
    parts = [*doc.clauses, *doc.schedules]
    return " ".join([*(text_of(x) for x in parts), *(x.note or "" for x in parts),
                     *(" ".join(" ".join(r) for r in table_rows(x)) for x in parts if any(isinstance(b, Table) for b in x.blocks)),
                     *(plain_text(d.inlines) for d in doc.definitions)])


def test_no_service_contract_anywhere(alliance_ellerby):
    """r18 al-fresh finding 1: no definition, operative text or note relies on Service Contracts."""
    assert "Service Contract" not in _all_text(alliance_ellerby)
    assert not any(d.term == "Service Contract" for d in alliance_ellerby.definitions)
    leaving = text_of(clause(alliance_ellerby, "alliance.leaving"))
    assert "the Lead Commissioner takes over that Commissioner's rights and obligations under this Agreement" in leaving
    assert "as reduced by that Commissioner's contribution" in leaving


def test_one_payment_route_from_the_pooled_budget(alliance_ellerby):
    """r18 al-fresh finding 3: the Pooled Budget Holder pays Annual Values from the Pooled Budget under one clause;
    the pooled-budget clause does not set a second amount; Balancing Amounts go from and into the Pooled Budget."""
    structure = text_of(clause(alliance_ellerby, "alliance.structure"))
    assert "The Pooled Budget Holder must pay each Provider, from the Pooled Budget, its Annual Value" in structure
    planning = text_of(clause(alliance_ellerby, "alliance.service-planning"))
    assert "must pay each Provider from the Pooled Budget the amount for its service lines" not in planning
    assert "which is the only route of payment for the Services" in planning
    rr = text_of(clause(alliance_ellerby, "alliance.risk-reward"))
    assert "positive Balancing Amount to the Provider from the Pooled Budget" in rr
    assert "into the Pooled Budget" in rr


def test_specification_is_annexed_not_pointed_at_the_sheets_schedule(alliance_ellerby):
    """r18 al-fresh finding 2: 'in Schedule 2' is the specification's own numbering, not this Agreement's."""
    services = clause(alliance_ellerby, "alliance.schedule-services")
    text = text_of(services)
    assert "in accordance with the Ellerby Good Days service specification (version 4, 19 January 2027), which is annexed" in text
    assert "Schedule 2 (version 4" not in text
    assert '"in Schedule 2", which is that document\'s own numbering' in services.note


def test_specification_place_is_only_stripped_when_given():
    sheet = AllianceTermSheet.model_validate(load_file(ALLIANCE_ELLERBY).data)
    assert sheet.alliance.service_specification_place == "in Schedule 2"
    plain = sheet.alliance.model_copy(update={"service_specification": "the day opportunities specification (version 3, 1 March 2026)"})
    assert plain.service_specification_place is None
    assert plain.service_specification_name == "the day opportunities specification (version 3, 1 March 2026)"


def test_charging_reserved_matter_does_not_fetter_the_council(alliance_ellerby):
    """r18 al-fresh finding 4: a Reserved Matter on charging binds only ALT proposals; the Council's own charging
    decisions under the Care Act 2014 are carved out, with a duty to consult the ALT."""
    decisions = clause(alliance_ellerby, "alliance.decisions")
    assert ("Nor does any Reserved Matter prevent the Council from changing how people are charged for the Services in "
            "exercising its statutory power to charge under sections 14 and 17 of the Care Act 2014") in text_of(decisions)
    assert "must consult the ALT before making it" in text_of(decisions)
    assert "A Reserved Matter on charging cannot fetter the Council" in decisions.note


def test_no_charging_carve_out_without_a_charging_reserved_matter(catalogue):
    source = ALLIANCE_ELLERBY.read_text(encoding="utf-8").replace(
        "      - Any change to how people are charged for day services under the Council's charging policy\n", "")
    assert "charging policy" not in source
    from assembler.assemble import assemble
    from assembler.termsheet.loader import load_text
    from assembler.termsheet.validate import validate
    from tests.conftest import DRAFT_DATE
    doc = assemble(validate(load_text(source, ALLIANCE_ELLERBY.name), catalogue), catalogue, today=DRAFT_DATE).document
    decisions = clause(doc, "alliance.decisions")
    assert "how people are charged" not in text_of(decisions)
    assert "Reserved Matter on charging" not in (decisions.note or "")


def test_adult_day_opportunities_recite_the_care_act(alliance_ellerby):
    """r18 al-fresh finding 7: adults' day opportunities are care and support under Part 1 of the Care Act 2014;
    recital (A) cites it rather than saying the instructions name no statute, and s.117 is not raised."""
    recitals = clause(alliance_ellerby, "alliance.recitals")
    assert "in exercise of its functions in relation to the Services (including its functions under sections 2, 3, 5, 8 "\
           "and 18 of the Care Act 2014" in text_of(recitals)
    assert "name no statute" not in recitals.note
    assert "section 117" not in recitals.note


def test_childrens_day_services_do_not_recite_the_care_act():
    sheet = AllianceTermSheet.model_validate(load_file(ALLIANCE_ELLERBY).data)
    children = sheet.alliance.model_copy(update={
        "purpose": "give disabled children in Ellerby days out and short breaks",
        "services": ["Short breaks and day services for disabled children"]})
    assert not any("Care Act" in f for f in children.function_statutes)
    assert any("Care Act" in f for f in sheet.alliance.function_statutes)


def test_kpi_levels_are_not_stricter_than_the_line_and_targets_land_in_the_right_year():
    """r18 al-fresh finding 5: 0.9 to 0.6 by 2030/31 (Year 4 of a May 2027 start) is 0.78, 0.72, 0.66, 0.6, not
    0.7 ... 0.6 a year early; 4.1% to below 1.5% is 3.58%, 3.06% ...; '60 people by March 2031' is a Year 4 target,
    so the agreed trajectory (55 in Year 4) is flagged as disagreeing with it."""
    sheet = AllianceTermSheet.model_validate(load_file(ALLIANCE_ELLERBY).data)
    levels = {t.number: t.levels for t in sheet.alliance.trajectories}
    assert levels[5] == ["0.78", "0.72", "0.66", "0.6", "0.6"]
    assert levels[4] == ["3.58%", "3.06%", "2.54%", "2.02%", "below 1.5%"]
    assert [c[0] for c in sheet.alliance.trajectory_clashes] == [2]
    assert 2 not in sheet.alliance.calendar_year_kpis


def test_target_year_follows_the_date_the_target_names():
    import datetime as dt

    from assembler.termsheet.alliance import line_levels, target_year
    from decimal import Decimal
    may, april = dt.date(2027, 5, 1), dt.date(2027, 4, 1)
    assert target_year("0.6 by 2030/31", may, 5) == 4
    assert target_year("0.6 by 2030/31", april, 5) == 4
    assert target_year("60 people by March 2031", may, 5) == 4
    assert target_year("60 people by 31 May 2031", may, 5) == 5
    assert target_year("60 people in 2031", may, 5) == 5
    assert target_year("75%", may, 5) == 5
    # a one-decimal line that rounding would not move keeps one decimal
    assert line_levels(Decimal("1.0"), Decimal("0.6"), 4, 0, 5, None, "", 1, True) == ["0.9", "0.8", "0.7", "0.6", "0.6"]


def test_indexation_is_defined_once_as_a_formula_known_when_the_year_starts(alliance_ellerby):
    """r18b al-fresh finding 1: "the National Living Wage for the following April ... and CPI ... to the previous
    December" is defined once (which measure, which figure, which share), takes the rate in force when each Alliance
    Year begins, and the Annual Value definition, the Key Information table and Schedule 5 refer to it."""
    defs = {d.term: plain_text(d.inlines) for d in alliance_ellerby.definitions}
    index = " ".join(defs["Indexation Increase"].split())
    assert index.startswith("for an Alliance Year, the sum of (a) 70% of the percentage increase in the hourly rate of "
                            "the national living wage (regulation 4 of the National Minimum Wage Regulations 2015) in "
                            "force on the first day of that Alliance Year over the rate in force 12 months earlier; "
                            "and (b) 30% of the percentage change in the Consumer Prices Index (CPI, all items)")
    assert "over the 12 months to the December before that Alliance Year begins" in index
    text = _all_text(alliance_ellerby)
    assert "following April" not in " ".join(text_of(x) for x in [*alliance_ellerby.clauses, *alliance_ellerby.schedules])
    assert "increased by the Indexation Increase for that Alliance Year" in text_of(clause(alliance_ellerby, "alliance.schedule-budget"))
    assert "Annual Values increased each year by the Indexation Increase" in text
    note = " ".join(clause(alliance_ellerby, "alliance.schedule-budget").note.split())
    assert "for an Alliance Year starting on 1 May could mean the April after the year starts" in note
    outcomes = " ".join(clause(alliance_ellerby, "alliance.schedule-outcomes").note.split())
    # every KPI here has a baseline, so the sentence on KPIs without one is left out (r27 al-sample finding 4)
    assert "does not count for improvement plans" not in outcomes and "for for" not in outcomes


def test_indexation_words_that_cannot_be_read_as_a_formula_are_kept_and_flagged():
    """Quiet side of finding 1: a "higher of" index or an unknown measure keeps the sheet's words, and the note asks
    for the index to be named exactly; a single index needs no share."""
    data = load_file(ALLIANCE_ELLERBY).data
    rr = data["alliance"]["risk_reward"]
    rr["indexation"] = "the percentage increase in CPI in the 12 months to the previous September, or, if higher, 3%"
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert alliance.indexation_parts is None
    assert alliance.indexation_definition.endswith("or, if higher, 3%")
    rr["indexation"] = "the percentage increase in the average earnings index for care workers"
    assert AllianceTermSheet.model_validate(data).alliance.indexation_parts is None
    rr["indexation"] = "the percentage increase in the Retail Prices Index (RPI) in the 12 months to the previous January"
    parts = AllianceTermSheet.model_validate(data).alliance.indexation_parts
    assert [(p["index"], str(p["percent"]), p["month"]) for p in parts] == [("rpi", "100", "January")]


def test_data_sharing_does_not_fall_back_on_consent_for_people_who_may_lack_capacity(alliance_ellerby, catalogue):
    """r18b al-fresh finding 4: for adults with a learning disability, explicit consent is no fallback (a best-interests
    decision under the Mental Capacity Act 2005 is not consent): the Schedule allows uncovered sharing only under
    another Article 9(2) condition or with consent from a person with capacity, and the note names the conditions that
    do not depend on consent. Quiet: the eight-member complex needs sample keeps the consent fallback."""
    sch = clause(alliance_ellerby, "common.schedule-data-sharing")
    text = " ".join(text_of(sch).split())
    assert "where the person has capacity to give it" in text
    assert "section 4 of the Mental Capacity Act 2005 is not that person's consent" in text
    note = " ".join(sch.note.split())
    assert "explicit consent is no fallback for this client group" in note and '("learning disability")' in note
    assert "Article 9(2)(g) with the statutory and government purposes condition in Schedule 1 paragraph 6" in note
    big = build(ALLIANCE_BIG, catalogue).document
    quiet = " ".join(text_of(clause(big, "common.schedule-data-sharing")).split())
    assert "Mental Capacity Act" not in quiet
    assert "only with the explicit consent of that person, recorded in its case record, unless" in quiet


def test_exit_plan_handovers_are_made_to_work_and_the_notice_date_is_not_circular(alliance_ellerby):
    """r18b al-fresh finding 5: para 3 gives a date (18 months before the Initial Term ends) for saying whether the Term
    will be extended, not "unless extended by then"; the handover lines use the defined terms; a successor contract or
    a purchase from a leaving Provider must be lawfully awarded; a lease passes subject to consents; the note flags the
    in-house transfer (TUPE, LGPS), the lease tenure and the purchase."""
    text = " ".join(text_of(clause(alliance_ellerby, "alliance.schedule-exit")).split())
    assert "unless the Term has been extended by then" not in text
    assert "By 31 October 2030 (18 months before the end of the Initial Term), each Commissioner must tell the Alliance Members whether it intends the Term to be extended under clause" in text
    assert "to a provider the Commissioners appoint" in text and "the commissioners" not in text
    assert "each Commissioner appoints the provider for the part of the service it commissions" in text
    assert "only under a contract it awards in accordance with the procurement law that applies to that contract" in text
    assert "subject, where it is a charity, to sections 117 to 121 of the Charities Act 2011 (where they apply to it) and to any consent" in text
    note = " ".join(clause(alliance_ellerby, "alliance.schedule-exit").note.split())
    assert "The handover for Pathmaker brings a service in-house" in note and "Local Government Pension Scheme" in note
    assert "The handover for Willowgate (the Council's lease of the Foxholes Centre) passes on an interest in, or the management of, premises" in note
    assert "The handover for Fieldfare has a Commissioner buy places" in note


def test_exit_plan_notes_stay_quiet_where_the_handover_moves_nothing_of_the_kind(catalogue):
    """Quiet side of finding 5: a handover that brings nothing in-house, passes no lease and buys nothing adds none of
    those notes; without an extension option para 3 does not mention extending."""
    data = load_file(ALLIANCE_ELLERBY).data
    data["alliance"]["handover"] = "Willowgate: the centres, to Ellerby Mencap; Pathmaker: supported employment, to Fieldfare"
    data["alliance"]["extension"] = {"years": 0}
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert alliance.handover_in_house == [] and alliance.handover_leases == [] and alliance.handover_purchases == []
    assert alliance.exit_intentions_date.isoformat() == "2030-10-31"


def test_reserved_matters_use_the_defined_terms_and_the_unanimity_list_does_not_repeat_admission(alliance_ellerby, catalogue):
    """r18b al-fresh findings 6 and 7: "changing the Target Cost or the gain and pain shares" reads with the defined
    terms and references (the indexed Target Cost needs no vote); the list of other unanimous decisions says admission
    is a Reserved Matter instead of listing it again. Quiet: the eight-member sample, whose Reserved Matters do not
    include admission, keeps the admission limb."""
    text = " ".join(text_of(clause(alliance_ellerby, "alliance.decisions")).split())
    assert "changing the Target Cost (other than as clause 12.2 provides) or the shares of Gain and Pain in Schedule 4;" in text
    assert "gain and pain shares" not in text
    assert ("Apart from the Reserved Matters (which include admitting a new member under clause 24.4), this Agreement "
            "needs the agreement of every Alliance Member only to approve the share tables in an Accession Deed") in text
    data = load_file(ALLIANCE_ELLERBY).data
    data["alliance"]["decisions"]["reserved_matters"] = ["Any change to the joint commissioning arrangements"]
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert not alliance.admission_reserved
    assert alliance.reserved_matter_segments == [[("text", "any change to the joint commissioning arrangements")]]


def test_a_sheets_own_pointer_to_the_share_schedule_gives_way_to_the_reference():
    """Finding 7, generalised: "the shares of Gain in the risk/reward Schedule" is not printed with a second pointer."""
    data = load_file(ALLIANCE_ELLERBY).data
    data["alliance"]["decisions"]["reserved_matters"] = ["Changing the shares of Gain in the risk/reward Schedule"]
    segs = AllianceTermSheet.model_validate(data).alliance.reserved_matter_segments
    assert segs == [[("text", "changing the "), ("shares", "Gain")]]


def test_the_premises_note_names_the_lines_that_pass_premises_and_not_a_tenancy_service():
    """r19 al-sample finding 6: a line passing a management agreement, "its refuge" or "its accommodation" is named with
    those words; "tenancy sustainment" is a service and passes no premises."""
    data = load_file(ALLIANCE_ELLERBY).data
    data["alliance"]["handover"] = ("Willowgate: supported housing, to a registered provider the Council appoints, with "
                                    "Willowgate granting it a management agreement of the properties; Ellerby Mencap: its "
                                    "refuge, to a specialist provider; Fieldfare: its accommodation to Willowgate; "
                                    "Pathmaker: private rented access and tenancy sustainment, to Fieldfare")
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert alliance.handover_premises == [("Willowgate", "a management agreement of the properties"),
                                          ("Ellerby Mencap", "its refuge"), ("Fieldfare", "its accommodation")]
    data["alliance"]["handover"] = "Pathmaker: tenancy sustainment and tenancy support, to Fieldfare"
    assert AllianceTermSheet.model_validate(data).alliance.handover_premises == []


def test_another_registered_provider_after_a_member_that_is_not_one_is_corrected_and_noted():
    """r19 al-sample finding 7: "to X or another registered provider" where X is a charity, not a registered provider."""
    data = load_file(ALLIANCE_ELLERBY).data
    member = data["members"][3]
    member["legal_form"] = "cio"
    member.pop("rsh_number", None)
    name = member.get("short_name") or member["name"]
    data["alliance"]["handover"] = f"Willowgate: the flats, to {name} or another registered provider the Council appoints"
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert [(h, w) for h, _, w, _ in alliance.handover_not_registered] == [("Willowgate", f"{name} or another registered provider")]
    assert alliance.handover_lines == [f"Willowgate: the flats, to {name} or a registered provider of social housing the Council appoints"]
    member["legal_form"], member["rsh_number"] = "registered_provider", "L1234"
    alliance = AllianceTermSheet.model_validate(data).alliance
    assert alliance.handover_not_registered == []
    assert "or another registered provider" in alliance.handover_lines[0]
