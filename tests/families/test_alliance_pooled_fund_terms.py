"""A section 75 pooled fund beside a Commissioner's own Service Contract payments (r33 al-fresh F4): the draft calls the
whole the Alliance Budget and states the Pooled Fund (S.I. 2000/617, reg. 7: contributions paid in, payments made out)
and each Aligned Budget separately, each with its own figure, in the pooled budget clause, Schedule 5, the Key
Information table and the definitions. Lynmere: Council £1,870,000 pooled, ICB pays the Trust £980,000 itself."""
from __future__ import annotations

from tests.families.clause_texts import build, clause, definition, flat, note, table_rows, text_of
from tests.families.conftest import ALLIANCE_HARROWDALE, ALLIANCE_LYNMERE, ALLIANCE_THORNSHIRE


def _all(doc) -> str:
    return flat("\n".join(text_of(c) for c in doc.all_clauses()))


def test_pooled_fund_and_aligned_budget_each_have_their_figure(alliance_lynmere):
    """Firing: clause 12.7 says what the Alliance Budget is made of, the Pooled Fund's figure and the Aligned Budget's;
    Schedule 5 and the Key Information row repeat them; no 'Pooled Budget' is left to mean two things."""
    sp = flat(text_of(clause(alliance_lynmere, "alliance.service-planning")))
    assert "The Alliance Budget is the total of the Pooled Fund and the Aligned Budget." in sp
    assert "regulation 7 of the NHS Bodies and Local Authorities Partnership Arrangements Regulations 2000 (S.I. 2000/617)" in sp
    assert "into which the Council and the ICB pay their contributions" in sp
    assert "for the first Alliance Year it is £1,870,000" in sp
    assert "The ICB's Aligned Budget for the first Alliance Year is £980,000" in sp
    sch = flat(text_of(clause(alliance_lynmere, "alliance.schedule-budget")))
    assert "made up of the Pooled Fund of £1,870,000, held by the Pooled Fund Holder, and the ICB's Aligned Budget of £980,000" in sch
    rows = [r for r in table_rows(clause(alliance_lynmere, "alliance.key-information")) if r[0] == "Alliance budget"]
    assert rows and "the Pooled Fund under the Section 75 Agreement, held by the Council, £1,870,000" in rows[0][1]
    assert "the ICB's Aligned Budget, £980,000" in rows[0][1]
    assert "Pooled Budget" not in _all(alliance_lynmere)
    assert definition(alliance_lynmere, "Pooled Fund Holder").startswith("the Council, which holds the Pooled Fund")
    assert "Aligned Budget" in note(alliance_lynmere, "alliance.service-planning")


def test_pooled_budget_kept_without_an_aligned_budget(catalogue):
    """Quiet: a section 75 pool that meets every Service Contract (Harrowdale), and a pool of two councils with an
    aligned budget but no section 75 agreement (Thornshire), keep the Pooled Budget and no Pooled Fund."""
    for path in (ALLIANCE_HARROWDALE, ALLIANCE_THORNSHIRE):
        doc = build(path, catalogue).document
        text = _all(doc)
        assert "Pooled Budget" in text
        assert "Pooled Fund" not in text and "Aligned Budget" not in text and "Alliance Budget" not in text


def test_split_between_commissioners_yields_to_the_section_75_agreement(alliance_lynmere, catalogue):
    """r33 al-fresh F10 (firing): with a section 75 pool the split of Gain, Pain and running costs between the
    Commissioners yields to the defined Section 75 Agreement, not an undefined 'funding agreement'; (quiet) two councils
    without one (Thornshire) yield to 'an agreement between them'."""
    sp = flat(text_of(clause(alliance_lynmere, "alliance.service-planning")))
    assert "As between the Commissioners, and unless the Section 75 Agreement provides otherwise" in sp
    other = flat(text_of(clause(build(ALLIANCE_THORNSHIRE, catalogue).document, "alliance.service-planning")))
    assert "unless an agreement between them provides otherwise" in other
    assert "funding agreement between them" not in sp + other
