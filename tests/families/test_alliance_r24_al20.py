"""r24 alliance review (lane al20), al-sample findings (Tamarmouth, the eight-member complex-needs sample)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.families.clause_texts import flat as _flat
from assembler.model import Table, plain_text
from tests.families.test_alliance import ALLIANCE, BIG, build, clause, table_rows, text_of


@pytest.fixture(scope="module")
def big(catalogue):
    return build(BIG, catalogue).document


def _row(doc, item):
    return next(r for r in table_rows(clause(doc, "alliance.key-information")) if r[0].startswith(item))


def _share_table(doc):
    for b in clause(doc, "alliance.schedule-risk-reward").blocks:
        if isinstance(b, Table):
            rows = [[plain_text(cell) for cell in b.header]] + [[plain_text(cell) for cell in row] for row in b.rows]
            if rows[0][0] == "Alliance Member":
                return rows
    raise AssertionError("no share table")


def _note(doc, cid):
    return _flat(clause(doc, cid).note or "")


def test_cross_references_point_at_the_right_sub_clauses(big):
    """Findings 6, 7, 8, 9, 12, 15: each reference goes through the reference mechanism to the right sub-clause."""
    assert "(clause 13.2 and clause 13.3)" in _row(big, "Target Cost")[1]
    rr = text_of(clause(big, "alliance.schedule-risk-reward"))
    assert "the Target Cost (under clause 13.3)" in rr
    term = text_of(clause(big, "alliance.term-termination"))
    assert ("the Alliance Manager may be appointed under clause 8.7, and the first Annual Plan prepared and "
            "approved under clause 12.1 and clause 12.2, from then") in term
    assert "A Provider may be removed from the Alliance only under this clause 30.4, under clause 30.5 or under clause 31.8(b)." in term
    assert "Nothing in this clause 12.9 limits the obligations" in text_of(clause(big, "alliance.service-planning"))  # r26 al-sample 12
    alt = text_of(clause(big, "alliance.schedule-alt"))
    assert "report on performance against the Key Performance Indicators as clause 7.4 requires" in alt
    assert "report to every meeting on performance" not in alt


def test_former_contracts_not_named_in_part_1_are_listed(big):
    """Finding 4 (firing): the Schedule 1 note lists the four former contracts whose services Part 1 does not name,
    computed by matching words, with their holders and values and the total they carry into the Annual Values."""
    note = _note(big, "alliance.schedule-services")
    assert ('TCC/PH/0219 "Peer mentoring and recovery cafés" (Recovery CIC, £320,000 a year); TCC/PH/0292 "Homeless '
            'health inclusion nursing" (Riverside, £500,000 a year); TCC/HS/0377 "Night shelter and day centre" '
            '(Shelter Point, £700,000 a year); TCC/HS/0380 "Street outreach team" (Shelter Point, £400,000 a year).') in note
    assert "their £1,920,000 a year is paid for work no Provider is obliged to deliver unless Part 1 covers it" in note
    assert "make the Exit Plan in Schedule 9 match" in note
    for named in ("TCC/HS/0412", "TCC/HS/0415", "TCC/HS/0501", "TCC/PH/0211", "TCC/PH/0288", "TCC/CS/0144"):
        assert named not in note


@pytest.mark.parametrize("path", [p for p in ALLIANCE if p != BIG], ids=lambda p: p.stem)
def test_no_unlisted_former_contracts_note_where_part_1_names_them(path, catalogue):
    """Finding 4 (quiet): where every former contract's service is named in Part 1, no such note."""
    assert "Part 1 does not name" not in _note(build(path, catalogue).document, "alliance.schedule-services")


def test_service_words_match_by_distinctive_words():
    """Finding 4: place names, filler words, plurals and parentheses do not decide the match."""
    from assembler.termsheet.alliance import service_words
    assert service_words("Supported housing, Hillside Road and Bath Street", titled=True) == {"supported", "housing"}
    assert service_words("Specialist support for women affected by domestic abuse") == {"specialist", "women", "domestic", "abuse"}
    assert service_words("Dual diagnosis outreach") == {"co-occurring", "outreach"}


def read_model(path, catalogue):
    from tests.families.test_alliance import read_termsheet
    return read_termsheet(path, catalogue).model.alliance


def test_retention_note_flags_the_code_periods(big):
    """Finding 13 (firing): the Retention row adds the Records Management Code's period for health records without
    stating an ambiguous period; the note says the instructions' period, the Code's periods and what to check."""
    sched = clause(big, "common.schedule-data-sharing")
    row = next(r for r in table_rows(sched) if r[0] == "Retention")[1]
    assert row.endswith("but health records are kept for at least the minimum period the Records Management Code of "
                        "Practice for Health and Social Care sets for them")
    note = _note(big, "common.schedule-data-sharing")
    # r25 al-sample 20 (shorter) and r26 al-sample 15 (the Code's edition as published online)
    assert ('The Retention row adds to the instructions ("6 years after a person\'s support ends, then deleted") the '
            "minimum periods the Records Management Code of Practice for Health and Social Care (first published in "
            "August 2021, current version updated on 7 August 2023: use its online retention schedule) sets for health "
            "records (usually 8 years for adult health records; for mental health records, 20 years after treatment ends "
            "or 10 years after death, Appendix II of the current edition saying which): confirm with the client.") in note


@pytest.mark.parametrize("path", [p for p in ALLIANCE if p != BIG], ids=lambda p: p.stem)
def test_retention_note_quiet_without_the_code(path, catalogue):
    """Finding 13 (quiet): no retention note where the row adds no Code period."""
    doc = build(path, catalogue).document
    found = [c for c in doc.all_clauses() if c.id == "common.schedule-data-sharing"]
    if not found:
        pytest.skip("no data-sharing schedule")
    row = next((r for r in table_rows(found[0]) if r[0] == "Retention"), ["", ""])[1]
    note = _note(doc, "common.schedule-data-sharing")
    assert ("Records Management Code" in row) == ("The Retention row adds to the instructions" in note)


def test_unitary_status_is_an_assumption_unless_the_sheet_says_so(big, catalogue):
    """Finding 16: the sheet says only "city council", so the note says "if, as assumed"; a sheet that marks the
    council upper tier (Thistlebury) keeps the plain statement."""
    functions = _note(big, "common.statutory-functions")
    assert "if, as assumed, it is a unitary council, it is also the local housing authority (homelessness and allocation): confirm" in functions
    assert ", as a unitary council," not in functions
    from pathlib import Path
    marked = build(Path(__file__).parent / "fixtures" / "alliance-thistlebury-r19.yaml", catalogue).document
    assert "as a unitary council, it is also the local housing authority" in _note(marked, "common.statutory-functions")
    assert "if, as assumed" not in _note(marked, "common.statutory-functions")


def test_psr_scoping_by_the_councils_function(big):
    """Finding 14 (firing): for a council Commissioner, substance use treatment (a public health function) is the
    clear case; for palliative care and mental health support the note asks under which function it was arranged."""
    note = _note(big, "alliance.recitals")
    assert ("the Service Contract of Recovery CIC (community substance use treatment and recovery support) is likely to be "
            "within the Regime if wholly or mainly for that service") in note
    assert ("For the Service Contracts of St Luke's (end-of-life and palliative care outreach for people who are homeless) "
            "and Riverside (mental health support for people with co-occurring conditions), confirm under which of the "
            "Council's functions (public health, the Care Act 2014 or homelessness) it arranged each service before "
            "concluding that the Regime applied.") in note
    assert "are wholly or mainly for services of that kind" not in note
    assert note.count("53(5)") <= 1


FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("alliance*.yaml"))


@pytest.mark.parametrize("path", ALLIANCE + FIXTURES, ids=lambda p: p.stem)
def test_psr_function_question_only_for_a_single_council(path, catalogue):
    """Finding 14 (quiet): the question about the council's function is asked only where one council commissions and
    a contract looks like health care other than substance use treatment."""
    from tests.families.test_alliance import read_termsheet
    a = read_termsheet(path, catalogue).model.alliance
    note = _note(build(path, catalogue).document, "alliance.recitals")
    council = a.commissioner.legal_form == "local_authority" and not a.joint_commissioners
    if not council or len(a.psr_public_health_contracts) == len(a.psr_risk_contracts):
        assert "functions (public health, the Care Act 2014 or homelessness)" not in note


