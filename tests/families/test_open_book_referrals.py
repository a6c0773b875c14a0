"""Open-book Referrals: the grounds on which the provider may refuse one."""

from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, flat
from tests.families.conftest import OB_ADULT, OB_CHARITY


def test_childrens_home_may_refuse_outside_its_statement_of_purpose_or_on_the_impact_assessment(catalogue):
    """r27 ob-sample 7: a children's home must be able to refuse a child outside its statement of purpose (reg. 16)
    or its registration, or whom its pre-placement assessment shows would be at risk or put others at risk."""
    text = flat(clause_text(document_of(catalogue, OB_CHARITY.read_text()), "open-book.services"))
    assert "The Trust must not refuse a Referral for a vacant place except on one of the following grounds, which it " \
           "must explain in writing:" in text
    assert "the Placement would be outside the home's statement of purpose under regulation 16 of the Children's Homes " \
           "(England) Regulations 2015, or outside any condition of its registration; or" in text
    assert "shows that the Placement would put the child referred, or the children already living at the home, at " \
           "risk of harm." in text


def test_adult_home_keeps_the_single_ground(catalogue):
    text = flat(clause_text(document_of(catalogue, OB_ADULT.read_text()), "open-book.services"))
    assert "statement of purpose" not in text
    assert "except on reasonable grounds relating to the needs of the" in text
