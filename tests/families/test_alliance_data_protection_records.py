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
