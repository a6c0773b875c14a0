"""Who owns a supported-living scheme (services.homes[].owner): r28 ob-fresh finding 24 and tool note 1 (the Glebe Road
bungalows are owned by the Council and leased to the housing association that lets them; the sheet could only say
so in a comment, and the draft did not record it)."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_WEXCOMBE

COMMENT = "      # The two bungalows are council-owned, leased to Aspley Vale and let by it.\n"


def test_council_owned_scheme_recorded_in_the_schedule_and_the_note(catalogue):
    text = OB_WEXCOMBE.read_text()
    assert COMMENT in text
    d = document_of(catalogue, text.replace(COMMENT, "      owner: commissioner\n"))
    sched = clause_text(d, "open-book.schedule-services", flat=True)
    assert ("Aspley Vale Housing Association Limited, a registered provider of social housing, which holds it on a "
            "lease from the Council, its owner") in sched
    assert sched.count("its owner") == 1   # Glebe Road only
    n = flat(note(d, "open-book.support"))
    assert ("The Council owns Glebe Road bungalows and leases the property to Aspley Vale Housing Association Limited, "
            "which lets it to the tenants.") in n
    assert "give it no say in who is offered a tenancy that would tie the housing to the care" in n
    # no care-home lease machinery for a supported-living scheme
    assert "surrender" not in clause_text(d, "open-book.term", flat=True)


def test_no_owner_no_ownership_text(catalogue):
    d = document_of(catalogue, OB_WEXCOMBE.read_text())
    assert "its owner" not in clause_text(d, "open-book.schedule-services", flat=True)
    assert "owns" not in flat(note(d, "open-book.support"))


def test_provider_owned_scheme_is_flagged(catalogue):
    d = document_of(catalogue, OB_WEXCOMBE.read_text().replace(COMMENT, "      owner: related_party\n"))
    assert "owned by the provider or a company related to it" in flat(note(d, "open-book.support"))
