"""Open-book children's homes: staffing, qualifications, education and health duties as contract terms."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

CHARITY = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"
ADULT = ROOT / "samples" / "open-book" / "adult-care-sharing-band.yaml"


def test_childrens_homes_carry_staffing_qualification_education_and_health_duties(catalogue):
    """r27 ob-sample 8: no clause on staffing, qualifications (regs. 28 and 32), supervision, education or health."""
    doc = document_of(catalogue, CHARITY.read_text())
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
    doc = document_of(catalogue, ADULT.read_text())
    text = clause_text(doc, "open-book.services", flat=True)
    assert "Level 3 Diploma" not in text and "personal education plan" not in text
    assert "staffing, education and health" not in note(doc, "open-book.services")


def test_a_kpi_of_placement_endings_with_few_places_is_measured_over_two_years(catalogue):
    """r27 ob-sample 12: "Placements ending in a planned way, 90% each year" with 11 Core Places has a handful of
    endings a year, so the [5]-case floor leaves it seldom testable. The note says so with the sheet's figures and
    proposes rolling 24 months (the schedule does so where the target sets no period of its own), and the
    small-numbers rule does not excuse the KPI that counts the Homes."""
    doc = document_of(catalogue, CHARITY.read_text(encoding="utf-8"))
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
    bare = document_of(catalogue, CHARITY.read_text(encoding="utf-8").replace('"90% each year"', '"90%"'))
    assert "[rolling 24 months]" in flat(clause_text(bare, "open-book.schedule-services"))
    assert 'The "Measured over" column proposes rolling 24 months, in brackets: confirm it with the client.' in \
        flat(note(bare, "open-book.performance"))
    assert '"Rolling 12 months" or "rolling 24 months" means the 12 or 24 months ending with the interval' in \
        flat(clause_text(bare, "open-book.performance"))


def test_few_endings_note_quiet_or_pointed_where_the_sheet_differs(catalogue):
    """Quiet: a KPI that counts children, not endings, keeps its period; a count target gets no small-numbers rule.
    Where the sheet gives the period, the note proposes 24 months instead of the column doing so."""
    source = CHARITY.read_text(encoding="utf-8")
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
