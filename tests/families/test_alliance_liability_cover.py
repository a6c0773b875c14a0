"""The no-blame limit against the insurance the clause requires: where the sheet requires abuse cover and carves
safeguarding out of the waiver, the note gives the limit and the cover and asks whether safeguarding claims should
follow the cover; where a Provider's limit exceeds its required professional indemnity cover, the note names it
with the figures (r29 al-fresh finding 7)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import flat as _flat
from tests.families.test_alliance import build, clause

SAMPLE = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"

INSURANCE = """insurance:
  employers_liability: 5000000
  public_liability: 10000000
  professional_indemnity: 1000000
  other:
    - {kind: abuse and molestation cover, amount: 5000000}
"""


def _note(path, catalogue):
    return _flat(clause(build(path, catalogue).document, "alliance.liability").note or "")


def test_abuse_cover_and_pi_mismatch_are_flagged_with_figures(tmp_path, catalogue):
    """Firing: £5m abuse cover against the limit, and Providers whose limit is above £1m professional indemnity."""
    text = SAMPLE.read_text()
    assert "\ninsurance:" not in text
    sheet = tmp_path / "cover.yaml"
    sheet.write_text(text.rstrip("\n") + "\n" + INSURANCE)
    note = _note(sheet, catalogue)
    assert "The insurance clause requires £5,000,000 of abuse and molestation cover, but the limit caps a Provider's liability for a breach of its safeguarding obligations at" in note
    assert "limited instead to £5,000,000 in each Alliance Year." in note
    assert "professional indemnity cover" in note and "may be uninsured" in note


def test_sample_without_abuse_cover_is_quiet(catalogue):
    """Quiet: the sample requires no abuse cover, so no safeguarding-limit sentence."""
    note = _note(SAMPLE, catalogue)
    assert "abuse and molestation" not in note
    assert "limited instead to" not in note
    assert "may be uninsured" not in note  # no Provider's limit exceeds the default professional indemnity cover
