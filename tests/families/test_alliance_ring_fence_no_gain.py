"""A ring-fence of payments to people trued up through the Balancing Amount works in a year with no Gain (r40
al-resettle finding 2): under the gain-only mechanism "Where there is no Gain, no Balancing Amount is due" let a
Provider keep an unspent ring-fenced amount; the ring-fenced payer now has a Balancing Amount for those payments
alone in such a year. Under gain-and-pain every Provider always has a Balancing Amount (its share of Gain or Pain,
adjusted for payments against costs), so the ring-fence already works there, with Pain too."""
from __future__ import annotations

import copy

from ruamel.yaml import YAML

from assembler.termsheet.loader import load_file
from tests.conftest import ROOT
from tests.families.clause_texts import build, clause_text, flat

GAIN_ONLY = ROOT / "samples" / "alliance" / "reablement-home-care-gain-only.yaml"
PAIN = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"


def _build(path, tmp_path, catalogue, ring_fenced: bool):
    d = copy.deepcopy(load_file(path).data)
    if ring_fenced:
        d["members"][-1].update(payments_to_people=40000, payments_to_people_ring_fenced=True,
                                payments_to_people_for="welcome allowances paid to people using the Services")
    out = tmp_path / f"{path.stem}-{ring_fenced}.yaml"
    with out.open("w") as fh:
        YAML().dump(d, fh)
    return build(out, catalogue).document


def test_gain_only_ring_fence_is_settled_in_a_year_without_gain(catalogue, tmp_path):
    """Firing: the ring-fenced payer has a Balancing Amount for the unspent ring-fenced amount even where there is no
    Gain, and the Schedule's ring-fence still settles through that Balancing Amount."""
    doc = _build(GAIN_ONLY, tmp_path, catalogue, True)
    body = flat(clause_text(doc, "alliance.risk-reward"))
    assert "Where there is no Gain, no Balancing Amount is due, except that " in body
    assert ("a Balancing Amount for its payments ring-fenced under paragraph " in body
            and "that it did not pay out, as a negative amount" in body
            and "so that the ring-fence applies whether or not there is Gain." in body)
    sched = flat(clause_text(doc, "alliance.schedule-risk-reward"))
    assert "is repaid in full to the Commissioner" in sched and "Balancing Amount under clause " in sched


def test_quiet_without_ring_fenced_payments_and_under_gain_and_pain(catalogue, tmp_path):
    """Quiet: without ring-fenced payments the gain-only sentence is unchanged; under gain-and-pain every Provider's
    Balancing Amount (Gain, Pain or neither) already carries the payments-against-costs adjustment."""
    body = flat(clause_text(_build(GAIN_ONLY, tmp_path, catalogue, False), "alliance.risk-reward"))
    assert "Where there is no Gain, no Balancing Amount is due." in body
    pain = flat(clause_text(_build(PAIN, tmp_path, catalogue, True), "alliance.risk-reward"))
    assert "no Balancing Amount is due" not in pain
    assert "is its share of the Gain (or, as a negative amount, its share of the Pain), adjusted as follows" in pain
