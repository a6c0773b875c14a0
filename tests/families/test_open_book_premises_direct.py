"""The landlord's direct agreement for a home the provider leases (r29 ob-fresh finding 6): one agreement reads
"The direct agreement", a landlord the sheet names is named, the provider uses all reasonable endeavours to procure
it, and the commissioner may end the agreement only if it is not in place within [3] months."""

from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import OB_CHARITY

FOXGLOVE = ROOT / "tests" / "families" / "fixtures" / "ob-r29-foxglove.yaml"


def _body(catalogue, *edits: tuple[str, str]) -> str:
    text = FOXGLOVE.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return flat(clause_text(document_of(catalogue, text), "open-book.termination"))


def test_one_named_landlord_reasonable_endeavours_and_three_months(catalogue):
    body = _body(catalogue)
    assert ("Foxglove must use all reasonable endeavours to procure that, within [20] Business Days after the date of "
            "this Agreement, Thornecombe Homes, the landlord of Sorrel Cottage, enters into a direct agreement") in body
    assert "The direct agreement must:" in body and "Each direct agreement" not in body
    assert "has not been entered into within [3] months after the date of this Agreement;" in body


def test_unnamed_landlord_and_two_leased_homes(catalogue):
    body = _body(catalogue, ("      landlord: Thornecombe Homes\n", ""),
                 ("      owner: commissioner\n      lease_end: 2036-03-31\n    - name: Sorrel",
                  "      owner: third_party\n      lease_end: 2036-03-31\n    - name: Sorrel"))
    assert "Thornecombe Homes" not in body
    assert "the owner or landlord of Tamsworth Lodge and Sorrel Cottage enters into a direct agreement" in body
    assert "Each direct agreement must:" in body


def test_forfeiture_waits_for_the_remedy_period_of_the_breach_ground(catalogue):
    """r29 ob-fresh finding 13: the commissioner's lease paragraph cites the material-breach ground itself
    (clause 29.3(a)), not the whole list of grounds; a sheet with no home leased from the commissioner has none."""
    doc = document_of(catalogue, FOXGLOVE.read_text(encoding="utf-8"))
    term = flat(clause_text(doc, "open-book.term"))
    assert "to remedy it under clause 29.3(a) and allowing the time that paragraph gives." in term
    quiet = FOXGLOVE.read_text(encoding="utf-8").replace("owner: commissioner", "owner: provider")
    assert "forfeit a lease" not in flat(clause_text(document_of(catalogue, quiet), "open-book.term"))


def _charity(catalogue, *edits: tuple[str, str]):
    text = OB_CHARITY.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new)
    return document_of(catalogue, text)


def test_group_landlord_direct_agreement_is_absolute_and_limited_to_its_homes(catalogue):
    """children's homes sample review, finding 1: a landlord that is the provider's wholly owned subsidiary signs because the provider makes it:
    "must procure", for the homes it owns only; the third-party fallback for homes of unknown tenure stays
    reasonable endeavours, and the note says why."""
    doc = _charity(catalogue)
    body = flat(clause_text(doc, "open-book.termination"))
    assert ("The Trust must procure that, within [20] Business Days after the date of this Agreement, Meadowbank "
            "Property Ltd (wholly owned trading subsidiary of the Trust), as owner or landlord of Rowan House and "
            "St Brigid's House, enters into a direct agreement with the Council for those homes only") in body
    assert "The Trust must also use all reasonable endeavours to procure a direct agreement in the same terms" in body
    n = flat(note(doc, "open-book.termination"))
    assert "is an absolute obligation (\"must procure\"), because the landlord is in the Trust's group" in n


def test_landlord_outside_the_group_stays_reasonable_endeavours(catalogue):
    """Quiet: a related landlord the provider does not control (a company its directors own) gets reasonable
    endeavours, as a third-party landlord does."""
    doc = _charity(catalogue, ("relationship: wholly owned trading subsidiary of the Trust",
                               "relationship: company owned by two of the Trust's trustees"))
    body = flat(clause_text(doc, "open-book.termination"))
    assert "The Trust must procure that" not in body
    assert ("The Trust must use all reasonable endeavours to procure that, within [20] Business Days after the date "
            "of this Agreement, Meadowbank Property Ltd, as owner or landlord of Rowan House and St Brigid's House, "
            "enters into a direct agreement with the Council for each of them") in body
    assert "absolute obligation" not in note(doc, "open-book.termination")
