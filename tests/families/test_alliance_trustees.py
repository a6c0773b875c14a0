"""An unincorporated charity member: its trustees contract only as trustees, their liability limited to the
charity's assets except for their own fraud or wilful default, with changes of trustee by deed of adherence
(r38d al-advice F5, tool note 5)."""
from __future__ import annotations

from tests.families.clause_texts import clause_ids, clause_text, document_of, note
from tests.families.conftest import ALLIANCE_GRANT, ALLIANCE_SMALL


def test_trustees_clause_for_an_unincorporated_charity(catalogue):
    """Firing: the sample's Community Pantry is an unincorporated charity."""
    doc = document_of(catalogue, ALLIANCE_GRANT.read_text())
    text = clause_text(doc, "alliance.trustees", flat=True)
    assert "who enter into this Agreement only as trustees of Wendlebury Community Pantry (registered charity 1170021)" in text
    assert "limited to the assets of that charity held by the trustees from time to time" in text
    assert "except for loss caused by that trustee's own fraud or wilful default" in text
    assert "A person who becomes a trustee of the Community Pantry is bound" in text
    assert "incorporating" in note(doc, "alliance.trustees")


def test_no_trustees_clause_without_one(catalogue):
    """Quiet: no member is an unincorporated charity."""
    doc = document_of(catalogue, ALLIANCE_SMALL.read_text())
    assert "alliance.trustees" not in clause_ids(doc)
