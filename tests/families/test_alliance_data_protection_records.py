"""Schedule 6 retention and statutory records about children (r44d al-youthhousing finding 5): where the Services reach
looked-after children, care leavers or 16 and 17 year olds, or include supported accommodation for them, the Retention
row keeps the records that Law requires to be kept longer, and the note names the regulations with what is to be checked."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import build, clause, flat, table_rows, text_of
from tests.families.conftest import ALLIANCE_BIG

SCHEDULE = "common.schedule-data-sharing"
CARE_LEAVERS = ROOT / "tests" / "families" / "fixtures" / "alliance-ashenshire-r43-careleavers.yaml"


def _schedule(path, catalogue):
    c = clause(build(path, catalogue).document, SCHEDULE)
    rows = " ".join(" ".join(r) for r in table_rows(c))
    return flat(text_of(c) + " " + rows), flat(c.note or "")


def test_children_records_kept_beyond_the_sheets_period(catalogue):
    """Firing: a care leavers' alliance with supported accommodation for 16 and 17 year olds."""
    body, note = _schedule(CARE_LEAVERS, catalogue)
    assert ("except records that Law requires to be kept for longer, including a looked-after child's case record and "
            "the records a supported accommodation undertaking must keep") in body
    assert "Care Planning, Placement and Case Review (England) Regulations 2010 (S.I. 2010/959), Part 9" in note
    assert "regulations 24 and 25 of the Supported Accommodation (England) Regulations 2023 (S.I. 2023/416)" in note
    assert "the sheet's period is not a deletion instruction" in note


def test_adult_services_keep_the_sheets_retention(catalogue):
    """Quiet: an alliance for adults adds neither the words nor the note."""
    body, note = _schedule(ALLIANCE_BIG, catalogue)
    assert "except records that Law requires" not in body
    assert "Care Planning, Placement and Case Review" not in note


YOUTH_BASIS = ("Article 6(1)(e) (public task) for the Council and the two housing associations, Article 6(1)(f) for the "
               "charities")


def _with_rp_basis(tmp_path, basis: str):
    """The care leavers' fixture (one Provider a registered provider) with its data flows taken out and its single
    lawful basis replaced."""
    text = CARE_LEAVERS.read_text()
    start, end = text.index("  flows:\n"), text.index("  retention: ")
    assert "legal_form: registered_provider" in text
    text = text[:start] + f"  lawful_basis: {basis}\n" + text[end:]
    out = tmp_path / "rp.yaml"
    out.write_text(text)
    return out


def test_public_task_for_a_housing_association_is_flagged(tmp_path, catalogue):
    """Firing (r44d al-youthhousing finding 6): public task given to 'the two housing associations' names the
    registered provider in the note, with the basis in law and the fallbacks."""
    sheet = _with_rp_basis(tmp_path, YOUTH_BASIS)
    _, note = _schedule(sheet, catalogue)
    assert "The instructions give public task (Article 6(1)(e)) to" in note
    assert "may rely on public task only for a task with a basis in law (Article 6(3)" in note
    assert "legitimate interests (Article 6(1)(f))" in note


def test_legitimate_interests_for_a_housing_association_is_quiet(tmp_path, catalogue):
    """Quiet: public task for the Council alone, legitimate interests for the others."""
    sheet = _with_rp_basis(tmp_path, "Article 6(1)(e) (public task) for the Council, Article 6(1)(f) for the others")
    _, note = _schedule(sheet, catalogue)
    assert "The instructions give public task (Article 6(1)(e)) to" not in note
