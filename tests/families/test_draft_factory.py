"""The family conftest's one draft factory: each named draft fixture is the factory's draft of its sheet, made once a
session, and a sheet's file is read as the file it is (a sample as a library sample) while its text is read as a
sheet with no file of its own."""

from __future__ import annotations

from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_ELLERBY, HOMES, OB_HOMECARE, draft


def test_named_fixtures_are_the_factory_s_drafts(catalogue, alliance_big, alliance_ellerby_built, alliance_ellerby,
                                                 homes_draft, homecare_doc, sheet_draft):
    assert alliance_big is draft(catalogue, ALLIANCE_BIG).document
    assert alliance_ellerby_built is draft(catalogue, ALLIANCE_ELLERBY)
    assert alliance_ellerby is alliance_ellerby_built.document
    assert homes_draft is draft(catalogue, HOMES).document
    assert homecare_doc is sheet_draft(OB_HOMECARE).document


def test_a_file_and_its_text_are_two_drafts_each_made_once(catalogue):
    by_path = draft(catalogue, OB_HOMECARE)
    by_text = draft(catalogue, OB_HOMECARE.read_text(encoding="utf-8"))
    assert by_path is not by_text
    assert by_path is draft(catalogue, OB_HOMECARE)
    assert by_text is draft(catalogue, OB_HOMECARE.read_text(encoding="utf-8"))
