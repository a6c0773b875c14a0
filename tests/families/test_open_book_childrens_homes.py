"""Open-book children's homes: staffing, qualifications, education and health duties as contract terms."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, definition, document_of, document_text, flat, note
from tests.families.conftest import (
    OB_ADULT, OB_CHARITY, OB_CHEVIOT, OB_NIGHTLY, open_book_doc, open_book_document,
    open_book_notes, open_book_result, open_book_with,
)


def test_childrens_homes_carry_staffing_qualification_education_and_health_duties(catalogue):
    """r27 ob-sample 8: no clause on staffing, qualifications (regs. 28 and 32), supervision, education or health."""
    doc = document_of(catalogue, OB_CHARITY.read_text())
    text = flat(clause_text(doc, "open-book.services"))
    assert "The Trust must staff each of the Homes at all times in accordance with its statement of purpose, the " \
           "Children's Homes (England) Regulations 2015 and Schedule 1" in text
    assert "the registered manager of each of the Homes holds the qualification regulation 28 of those Regulations " \
           "requires" in text
    assert "holds the Level 3 Diploma for Residential Childcare (England), or a qualification the Trust considers " \
           "equivalent, or attains it within the period regulation 32 of those Regulations allows" in text
    assert "receives regular supervision and a yearly appraisal" in text
    assert "the Council's virtual school head, in preparing and reviewing the child's personal education plan" in text
    assert "register each Placed Child with a general medical practitioner and a dentist" in text
    assert "Check them against the specification (Meadowbank Children's Homes service specification, version 2" \
           in flat(note(doc, "open-book.services"))


def test_adult_homes_do_not(catalogue):
    doc = document_of(catalogue, OB_ADULT.read_text())
    text = clause_text(doc, "open-book.services", flat=True)
    assert "Level 3 Diploma" not in text and "personal education plan" not in text
    assert "staffing, education and health" not in note(doc, "open-book.services")


def test_a_kpi_of_placement_endings_with_few_places_is_measured_over_two_years(catalogue):
    """r27 ob-sample 12: "Placements ending in a planned way, 90% each year" with 11 Core Places has a handful of
    endings a year, so the [5]-case floor leaves it seldom testable. The note says so with the sheet's figures and
    proposes rolling 24 months (the schedule does so where the target sets no period of its own), and the
    small-numbers rule does not excuse the KPI that counts the Homes."""
    doc = document_of(catalogue, OB_CHARITY.read_text(encoding="utf-8"))
    n = flat(note(doc, "open-book.performance"))
    assert ('The Service KPI "Placements ending in a planned way" counts endings, not children. With 11 Core Places, '
            "even if every place changed hands once a year a quarter would average 2.75 endings, below the [5] cases "
            "the small-numbers rule in this clause needs, and one ending that misses the target would move a year's "
            "result by 9 percentage points or more.") in n
    assert ('Its target ("90% each year") sets a yearly period, which the "Measured over" column follows: propose to '
            "the client measuring it over rolling 24 months instead, with the target restated for that period.") in n
    assert '"Children in full-time education' not in n  # it counts children, not endings
    body = flat(clause_text(doc, "open-book.performance"))
    assert "is a percentage or proportion of the people or events it counts is not failed" in body
    assert "This rule does not apply to a Service KPI that counts the Homes or their inspections." in body
    sched = flat(clause_text(doc, "open-book.schedule-services"))
    assert "[each Contract Year (reported cumulatively each quarter)]" in sched  # the target's own period
    # a target without a period: the column proposes 24 months, and 18.1 defines it
    bare = document_of(catalogue, OB_CHARITY.read_text(encoding="utf-8").replace('"90% each year"', '"90%"'))
    assert "[rolling 24 months]" in flat(clause_text(bare, "open-book.schedule-services"))
    assert 'The "Measured over" column proposes rolling 24 months, in brackets: confirm it with the client.' in \
        flat(note(bare, "open-book.performance"))
    # r31 ob-sample 13: only the period the table uses is defined (no KPI here is measured over rolling 12 months)
    assert '"Rolling 24 months" means the 24 months ending with the interval' in flat(clause_text(bare, "open-book.performance"))
    assert '"Rolling 12 months"' not in flat(clause_text(bare, "open-book.performance"))


def test_few_endings_note_quiet_or_pointed_where_the_sheet_differs(catalogue):
    """Quiet: a KPI that counts children, not endings, keeps its period; a count target gets no small-numbers rule.
    Where the sheet gives the period, the note proposes 24 months instead of the column doing so."""
    source = OB_CHARITY.read_text(encoding="utf-8")
    people = document_of(catalogue, source.replace("Placements ending in a planned way",
                                                   "Children with a care plan reviewed on time"))
    assert "counts endings" not in note(people, "open-book.performance")
    assert "[rolling 24 months]" not in flat(clause_text(people, "open-book.schedule-services"))
    given = source.replace('      target: "90% each year"\n      frequency: quarterly\n',
                           '      target: "90% each year"\n      frequency: quarterly\n      measured_over: each quarter\n')
    assert given != source
    n = flat(note(document_of(catalogue, given), "open-book.performance"))
    assert "The instructions measure it over each quarter: propose rolling 24 months instead." in n
    counts = source.replace('"90% each year"', '"10 a year"').replace('"85% by June 2029"', '"9 by June 2029"')
    body = flat(clause_text(document_of(catalogue, counts), "open-book.performance"))
    assert "fewer than [5] cases" not in body  # only the Homes KPI is a proportion, and the rule does not excuse it


def test_absence_limit_covers_remand_where_the_sheet_says_so(catalogue):
    res = open_book_result(catalogue, OB_NIGHTLY)
    text = document_text(res)
    assert ("while the young person is in hospital or remanded to custody or youth detention accommodation, at the end "
            "of four weeks from the day that absence began") in text
    assert "for a hospital stay or a remand to custody or youth detention accommodation, after four weeks" in open_book_notes(res)


def test_one_list_of_existing_placements(catalogue):
    """Finding 9: the start list in clause 7 is the only list; clause 8 and the definition refer to it."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "say which of them are Existing Placements" in text
    assert "within 5 Business Days after this Agreement takes effect" not in text
    assert "shown as such in the list the Council gives under clause 7.9" in text
    assert "as listed by the Council under clause 7.9 and confirmed by the Trust" in text


def test_children_complaints_reach_the_councils_statutory_procedure(catalogue):
    """Finding 14: the Trust co-operates with s.26 representations and the Ombudsman about a Placed Child."""
    text = flat(document_text(open_book_result(catalogue, OB_CHARITY)))
    assert "representations about a Placed Child made under section 26(3) of the Children Act 1989" in text
    assert "co-operate with any investigation by the Local Government and Social Care Ombudsman" in text


def test_transition_keeps_the_earlier_contract_alive_for_a_child_awaiting_confirmation(catalogue):
    """Finding 4: a child who is not an Existing Placement stays under the earlier contract until the confirmation;
    8.3 now keeps that contract in force for the child if it would otherwise expire, and the Council pays its fee;
    the note asks for the expiry date. Quiet: a sheet without a user-choice award has neither."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    body = clause_text(d, "open-book.placements", flat=True)
    # r31 ob-fresh 11: the pre-conditions now sit in one clause (3.3), which 8.3 refers to, losing none of them.
    assert ("For a placement that is not an Existing Placement, clause 3.3 sets when it continues under this Agreement, "
            "and how it continues until then.") in body
    gate = clause_text(d, "open-book.services", flat=True)
    assert ("(until that confirmation is given, the placement of such a child continues under the Existing Contract and "
            "not under this Agreement, and the Council pays the fee under that contract)") in gate
    assert ("the continuation of the Existing Contract for a child under clause 3.3(a) past the date on which that "
            "contract would otherwise end") in gate
    assert ("for each placement continuing under clause 8.3 that is not an Existing Placement, before") in gate
    assert "the Parties agree that it continues" not in body
    assert "Get the Existing Contract's expiry date, the regime it was let under" in flat(note(d, "open-book.placements"))
    assert "(reg. 72)" in flat(note(d, "open-book.placements"))
    adult = open_book_document(catalogue, OB_ADULT.read_text(encoding="utf-8"))
    assert "would otherwise end" not in clause_text(adult, "open-book.placements", flat=True)
    assert "expiry date" not in flat(note(adult, "open-book.placements"))


def test_step_in_for_a_childrens_home_does_not_hand_over_a_registered_home(catalogue):
    """Finding 5: registration under the Care Standards Act 2000 (s.11) is the provider's, so step-in for a children's
    home is an approved manager and directions, the Council's own staff, and moves; the Council keeps paying; the
    premises direct agreement lets only a registered (or applying) provider occupy; the note says why. Quiet: an adult
    care home keeps the take-over step-in."""
    d = open_book_with(catalogue, OB_CHARITY, "  minimum_core_places: 2\n", "")
    body = clause_text(d, "open-book.termination", flat=True)
    assert ("require the Trust to appoint a manager or consultant the Council approves, and to follow the Council's "
            "reasonable directions on the care of Placed Children;") in body
    assert "arrange for Placed Children to move." in body
    assert "it may take over, or appoint another provider to take over" not in body
    assert "While the Council steps in, it continues to pay the Prices, including for the Core Places" in body
    assert ("or a provider it appoints that is registered, or has applied to be registered, with Ofsted under Part 2 of "
            "the Care Standards Act 2000 to carry on a children's home there, to occupy") in body
    assert "(Care Standards Act 2000 s.11)" in flat(note(d, "open-book.termination"))
    adult = open_book_document(catalogue, OB_ADULT.read_text(encoding="utf-8"))
    abody = clause_text(adult, "open-book.termination", flat=True)
    assert "it may take over, or appoint another provider to take over" in abody
    assert "consultant the Council approves" not in abody


def test_schedule_1_names_the_services_and_counts_places_of_each_type(catalogue):
    """ob-fresh 18: the description no longer ends with the service name hanging in brackets, and '(seven places in
    all)' no longer reads as a count of Core Places."""
    sched = clause_text(open_book_doc(catalogue, OB_CHEVIOT), "open-book.schedule-services", flat=True)
    assert "Fellside must provide the services known as Fellside Children's Homes: residential care in the Homes in Cheviot Vale" in sched  # r27 ob-fresh 13: the count is not pasted
    assert "(Fellside Children's Homes)." not in sched
    assert "at Whinfell House or Birkside\" (of the seven places of that type)" in sched


def test_provider_ends_a_childs_placement_only_on_stated_grounds(catalogue):
    """r32 ob-sample F3: the Trust may end a Placement only where the child's needs cannot safely be met, there is an
    unmanageable risk, or a court orders it, after consulting the social worker; the sheet's 28 days' notice stays;
    a Core Place it empties otherwise is not paid for."""
    doc = open_book_document(catalogue, OB_CHARITY.read_text(encoding="utf-8"))
    body = clause_text(doc, "open-book.services", flat=True)
    assert "The Trust may end a Placement only where, after consulting the child's social worker:" in body
    assert "the child's needs cannot safely be met at the home" in body
    assert "a court orders the child to leave, or to live somewhere else" in body
    assert "It must give the Council at least 28 days' notice" in body
    voids = clause_text(doc, "open-book.voids", flat=True)
    assert "But nothing is payable for the place for any period after the Trust ends the Placement otherwise than " \
           "under clause 3.8, until the place is filled again or removed from the Core Places." in voids
    assert "The provider may end a placement only on stated grounds" in flat(note(doc, "open-book.services"))


def test_adult_placements_keep_the_notice_only(catalogue):
    """Quiet: an adults' care home keeps the notice without the children's grounds or the Core Place sentence."""
    doc = open_book_document(catalogue, OB_ADULT.read_text(encoding="utf-8"))
    assert "may end a Placement only where" not in clause_text(doc, "open-book.services", flat=True)
    assert "must not end a Placement without giving the Council at least" in clause_text(doc, "open-book.services", flat=True)


def test_existing_contract_is_defined_with_a_placeholder_and_a_fallback(catalogue):
    """r32 ob-sample F5: the sheet names no earlier contract, so the Existing Contract is defined as the earlier contract
    (no placeholder, so a complete sheet still gives a final draft; the note asks for its reference), and a child for whom no lawful basis is confirmed is cared for on its terms for up to
    [12] weeks while a move is planned."""
    doc = open_book_document(catalogue, OB_CHARITY.read_text(encoding="utf-8"))
    assert definition(doc, "Existing Contract").startswith(
        "the earlier contract between the Parties, under which the "
        "Trust cares for the children living at the Homes before 1 July 2027")
    body = clause_text(doc, "open-book.services", flat=True)
    assert "the Trust must go on caring for that child on the terms of the Existing Contract, at the fee under it, " \
           "for up to [12] weeks" in body
    assert "the earlier contract" not in body
    assert "insert its reference and date in the definition of Existing Contract" in flat(note(doc, "open-book.placements"))
    named = open_book_document(catalogue, OB_CHARITY.read_text(encoding="utf-8").replace(
        "  existing_placements: 11\n", "  existing_placements: 11\n  existing_contract: NCC/CSC/2021/009\n"))
    assert definition(named, "Existing Contract") == "the contract between the Parties reference NCC/CSC/2021/009"
    assert "insert its reference and date" not in flat(note(named, "open-book.placements"))


def test_the_twenty_business_days_are_noted_as_a_departure_where_the_home_is_to_end(catalogue):
    """r32 ob-sample F6: minimum_core_ending end_home says the agreement ends for the home; the note says the 20
    Business Days to confirm a lawful basis depart from that, and why. Quiet: run_off has no such sentence."""
    n = flat(note(open_book_document(catalogue, OB_CHARITY.read_text(encoding="utf-8")), "open-book.voids"))
    assert "This departs from the instructions, which say the agreement simply ends for that home" in n
    run_off = OB_CHARITY.read_text(encoding="utf-8").replace("minimum_core_ending: end_home", "minimum_core_ending: run_off")
    assert "This departs from the instructions" not in flat(note(open_book_document(catalogue, run_off), "open-book.voids"))
