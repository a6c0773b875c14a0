"""Records kept for audit: the data sharing Schedule's retention period, longer or shorter, governs the Personal Data in them
(r27 al-fresh finding 15; r36 al-fresh finding 8)."""
from __future__ import annotations

import pytest

from tests.families.clause_texts import (
    build,
    clause,
    flat as _flat,
    flat_note,
    note,
    table_rows,
    text_of,
)
from tests.families.conftest import ALLIANCE, ALLIANCE_BIG, ALLIANCE_LYNMERE


def test_records_kept_for_any_longer_period_schedule_6_requires(catalogue):
    """Firing: Lynmere's data sharing Schedule keeps personal data for 8 years after support ends; Schedule 6 governs
    the Personal Data in the records, longer or shorter than the 6 years (r36 al-fresh finding 8: no 6-year floor on
    case records that Schedule 6 says to delete sooner)."""
    doc = build(ALLIANCE_LYNMERE, catalogue).document
    text = _flat(text_of(clause(doc, "alliance.operations")))
    assert ("keep those records for 6 years after the end of the Term, except that the Personal Data in them is kept,"
            " and deleted, as Schedule 6 requires, and a record may be kept without the Personal Data once that period"
            " ends.") in text
    assert "any longer period that Schedule 6" not in text


def test_records_six_years_without_a_retention_period(tmp_path, catalogue):
    """Quiet: without a retention period in the data protection block, the 6 years stand alone."""
    text = ALLIANCE_LYNMERE.read_text()
    line = "  retention: 8 years after a person's support ends (or 8 years after death), then deleted\n"
    assert line in text
    sheet = tmp_path / "variant.yaml"
    sheet.write_text(text.replace(line, "", 1))
    text = _flat(text_of(clause(build(sheet, catalogue).document, "alliance.operations")))
    assert "keep those records for 6 years after the end of the Term." in text


def test_patient_record_access_terms(alliance_mossgate):
    """r21 al17: al-fresh 4 (firing): the sheet's security says members' staff use the Trust's electronic patient record, so
    clause 18 sets the access terms: the Trust's written terms, the DSPT and the Purposes."""
    info = _flat(text_of(clause(alliance_mossgate, "alliance.information-sharing")))
    assert ("The Trust must give named Personnel of each other Alliance Member that needs it for the Services access to "
            "the Trust's electronic patient record on the Trust's written access terms.") in info
    assert 'NHS Data Security and Protection Toolkit to the "Standards Met" level' in info
    assert "use the access only for the Purposes set out in" in info
    note = _flat(clause(alliance_mossgate, "alliance.information-sharing").note or "")
    assert "Article 26" in note


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_no_patient_record_terms_without_a_host(path, catalogue):
    """r21 al17: al-fresh 4 (quiet): no patient_record_host, no access terms."""
    built = build(path, catalogue)
    info = _flat(text_of(clause(built.document, "alliance.information-sharing")))
    assert "electronic patient record on" not in info


def test_health_records_follow_the_records_management_code(alliance_mossgate):
    """r21 al17: al-fresh 5 (firing): mental health services, so the 8-year deletion yields to the Records Management Code's
    period for health records, and the deletion duty excepts the Code."""
    sched = clause(alliance_mossgate, "common.schedule-data-sharing")
    text = _flat(" ".join([text_of(sched)] + [" ".join(row) for row in table_rows(sched)]))
    assert ("but health records are kept for at least the minimum period the Records Management Code of Practice for "
            "Health and Social Care sets for them") in text  # the periods are in the note (r24 al-sample finding 13)
    assert "unless Law, the Records Management Code of Practice for Health and Social Care or a record-keeping provision" in text


@pytest.mark.parametrize("path", ALLIANCE, ids=lambda p: p.stem)
def test_records_code_only_for_health_services(path, catalogue):
    """r21 al17: al-fresh 5 (quiet): an alliance without health services keeps the sheet's retention alone."""
    built = build(path, catalogue)
    found = [c for c in built.document.all_clauses() if c.id == "common.schedule-data-sharing"]
    if not found:
        return
    text = _flat(text_of(found[0]))
    if "Records Management Code" in text:
        assert "health" in path.read_text().lower()


def test_retention_note_flags_the_code_periods(alliance_big):
    """r24 al20: Finding 13 (firing): the Retention row adds the Records Management Code's period for health records without
    stating an ambiguous period; the note says the instructions' period, the Code's periods and what to check."""
    sched = clause(alliance_big, "common.schedule-data-sharing")
    row = next(r for r in table_rows(sched) if r[0] == "Retention")[1]
    assert row.endswith("but health records are kept for at least the minimum period the Records Management Code of "
                        "Practice for Health and Social Care sets for them")
    note = flat_note(alliance_big, "common.schedule-data-sharing")
    # r25 al-sample 20 (shorter) and r26 al-sample 15 (the Code's edition as published online)
    assert ('The Retention row adds to the instructions ("6 years after a person\'s support ends, then deleted") the '
            "minimum periods the Records Management Code of Practice for Health and Social Care (first published in "
            "August 2021, current version updated on 7 August 2023: use its online retention schedule) sets for health "
            "records (usually 8 years for adult health records; for mental health records, 20 years after treatment ends "
            "or 10 years after death, Appendix II of the current edition saying which): confirm with the client.") in note


@pytest.mark.parametrize("path", [p for p in ALLIANCE if p != ALLIANCE_BIG], ids=lambda p: p.stem)
def test_retention_note_quiet_without_the_code(path, catalogue):
    """r24 al20: Finding 13 (quiet): no retention note where the row adds no Code period."""
    doc = build(path, catalogue).document
    found = [c for c in doc.all_clauses() if c.id == "common.schedule-data-sharing"]
    if not found:
        pytest.skip("no data-sharing schedule")
    row = next((r for r in table_rows(found[0]) if r[0] == "Retention"), ["", ""])[1]
    note = flat_note(doc, "common.schedule-data-sharing")
    assert ("Records Management Code" in row) == ("The Retention row adds to the instructions" in note)


def test_council_case_record_is_not_an_nhs_patient_record(catalogue):
    """r34 al-fresh finding 5 (firing): a council's case record system opened to the staff of the Provider exercising its
    delegated Care Act functions is a case record system, not an NHS electronic patient record: access is for that
    Provider's staff, with Cyber Essentials or the council's own standard in place of the NHS Data Security and
    Protection Toolkit. (Mossgate above is the quiet case: an NHS trust's record keeps the Toolkit.)"""
    from tests.families.clause_texts import document_of
    from tests.families.conftest import ALLIANCE_STAINMOOR_ALE
    text = ALLIANCE_STAINMOOR_ALE.read_text()
    old = "  exit_notice_months: 12\n"
    assert old in text
    doc = document_of(catalogue, text.replace(old, old + "  patient_record_host: council\n", 1))
    c = clause(doc, "alliance.information-sharing")
    info, note = _flat(text_of(c)), _flat(c.note or "")
    assert ("The Council must give named Personnel of Deaf Centre who exercise the functions authorised under clause"
            in info)
    assert "access to the Council's case record system on the Council's written access terms." in info
    assert "hold Cyber Essentials certification, or meet any other security standard the Council sets in those terms" in info
    assert "Data Security and Protection Toolkit" not in info
    assert "electronic patient record" not in info + note
    assert "the Council is not an NHS body" in note
