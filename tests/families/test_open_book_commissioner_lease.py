"""Open-book: homes the commissioner owns and lets to the provider (the surrender of the lease when the agreement ends)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

FOXGLOVE = ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml"
CHARITY = ROOT / "samples" / "open-book" / "childrens-homes-charity.yaml"


def test_agreement_to_surrender_follows_the_1954_act_procedure_and_is_flagged_as_proposed(catalogue):
    """r29 ob-fresh 5: the Council's leases of Elmsleigh House and Tamsworth Lodge (to 31 March 2036) are business
    tenancies; the agreement to surrender them binds only after the s.38A warning notice and declaration, and the
    surrender must be by deed. The note says the surrender is the draft's proposal and asks about contracting out."""
    d = document_of(catalogue, FOXGLOVE.read_text(encoding="utf-8"))
    body = clause_text(d, "open-book.term", flat=True)
    assert "the surrender must be made by deed;" in body
    assert "before this Agreement is signed, the Council must serve on Foxglove the warning notice that the " \
           "Regulatory Reform (Business Tenancies) (England and Wales) Order 2003 prescribes" in body
    assert "so that its agreement to surrender is valid under section 38A of the Landlord and Tenant Act 1954" in body
    n = flat(note(d, "open-book.term"))
    assert "Elmsleigh House and Tamsworth Lodge when this Agreement ends is the draft's proposal" in n
    assert "the leases run to 31 March 2036" in n
    assert "Check whether the leases were contracted out." in n


def test_quiet_without_a_home_the_commissioner_lets(catalogue):
    d = document_of(catalogue, CHARITY.read_text(encoding="utf-8"))
    assert "section 38A" not in clause_text(d, "open-book.term", flat=True)
    assert "section 38A" not in flat(note(d, "open-book.term"))


def test_note_names_a_provider_that_takes_the_article(catalogue):
    """The r27 sheet (the Society, three Council-owned homes): the note reads "the Society's leases"."""
    d = document_of(catalogue, (ROOT / "tests" / "families" / "fixtures" / "ob-r27-caldmoor.yaml").read_text(
        encoding="utf-8"))
    assert "The surrender of the Society's leases of Brackenhurst, Larkrise and The Granary" in flat(
        note(d, "open-book.term"))
