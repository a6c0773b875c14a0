"""A Commissioner that commissions none of the Services but funds them by a grant to the lead Commissioner (a PCC's
crime and disorder reduction grant under section 9 of the Police Reform and Social Responsibility Act 2011): recital
(A), the lead as 'the Commissioner that commissions', a fixed contribution, and a nil-share Commissioner kept out of
the Commissioners' line in the worked examples (r31 al-fresh findings 3 and 4, tool notes 2.4 and 3.5)."""
from __future__ import annotations

from tests.families.clause_texts import clause_text, document_of, note, variant_of
from tests.families.conftest import ALLIANCE_POOLED_PCC

PCC = "    legal_form: police_and_crime_commissioner\n"
GRANT = PCC + ("    funds_by_grant: section 9 of the Police Reform and Social Responsibility Act 2011 (crime and disorder "
               "reduction grants)\n")


def test_grant_funder_recital_structure_and_fixed_contribution(catalogue):
    """Firing: the recital says the PCC commissions nothing and grants to the Council; the structure clause makes the
    Council the Commissioner that commissions; its contribution stays fixed until an Annual Plan sets it."""
    doc = variant_of(catalogue, ALLIANCE_POOLED_PCC, PCC, GRANT)
    recitals = clause_text(doc, "alliance.recitals", flat=True)
    assert "commissions none of the Services itself: it makes a grant to the Council under section 9 of the Police" in recitals
    assert "enters into this Agreement to secure how that grant is used" in recitals
    assert "The Council commissions the Services for the people for whom it is responsible, with funding from the PCC." in recitals
    assert "that it commissions" not in recitals
    assert "may be made to any person, a council included" in note(doc, "alliance.recitals")
    structure = clause_text(doc, "alliance.structure", flat=True)
    assert ("Wherever this Agreement refers to the Commissioner that commissions a service, or the Services a Commissioner "
            "commissions, that is the Council for the Services the PCC's grant funds, acting after consulting the PCC.") in structure
    plan = clause_text(doc, "alliance.service-planning", flat=True)
    assert "for the PCC, its contribution for the previous Alliance Year unchanged" in plan


def test_grant_funder_indexed_when_the_sheet_says_so(catalogue):
    """Quiet for the fixed contribution: indexed: true on the contribution keeps the proportional rule."""
    text = ALLIANCE_POOLED_PCC.read_text().replace(PCC, GRANT, 1).replace(
        "      - {member: pcc, amount: 1230000}", "      - {member: pcc, amount: 1230000, indexed: true}", 1)
    assert "indexed: true" in text and "funds_by_grant" in text
    doc = document_of(catalogue, text)
    assert "unchanged (which no Annual Plan" not in clause_text(doc, "alliance.service-planning", flat=True)


def test_no_grant_funder_keeps_the_joint_recital(catalogue):
    """Quiet: without funds_by_grant the Commissioners commission together and the structure clause adds nothing."""
    doc = variant_of(catalogue, ALLIANCE_POOLED_PCC, PCC, PCC)
    assert "The Commissioners commission the Services together" in clause_text(doc, "alliance.recitals", flat=True)
    assert "commissions none of the Services" not in clause_text(doc, "alliance.structure", flat=True)
    assert "unchanged (which no Annual Plan" not in clause_text(doc, "alliance.service-planning", flat=True)


def test_nil_share_commissioner_is_not_in_the_commissioners_line(catalogue):
    """Firing: a Commissioner with 0% shares shows 'no share' in the share table and is not named in the worked
    examples' Commissioners' line; quiet: with shares it is."""
    shares = "      - {member: council, gain: 18, pain: 22}\n      - {member: pcc, gain: 12, pain: 14}"
    nil = "      - {member: council, gain: 30, pain: 36}\n      - {member: pcc, gain: 0, pain: 0}"
    doc = variant_of(catalogue, ALLIANCE_POOLED_PCC, shares, nil)
    sched = clause_text(doc, "alliance.schedule-risk-reward")
    assert "none: it takes no share of Gain or Pain, and bears no Pain" in sched
    assert "(the Commissioner that takes the Commissioners' share)" in sched
    quiet = clause_text(variant_of(catalogue, ALLIANCE_POOLED_PCC, shares, shares), "alliance.schedule-risk-reward")
    assert "takes no share of Gain or Pain" not in quiet
    assert "The Commissioners jointly (" in quiet and "the Police and Crime Commissioner for Ravensmoor" in quiet


def test_grant_funder_votes_only_on_its_money_and_services(catalogue):
    """r31 al-fresh finding 10 (firing): under majority voting the grant funder's vote is needed on a budget or KPI
    decision only where it affects its contribution or the Services its grant funds; quiet without funds_by_grant."""
    assert "  decision_rule: majority\n" in ALLIANCE_POOLED_PCC.read_text()
    doc = variant_of(catalogue, ALLIANCE_POOLED_PCC, PCC, GRANT)
    assert ("except that the vote of the PCC is needed only where the decision affects its contribution to the Pooled "
            "Budget or the Services its grant funds") in clause_text(doc, "alliance.decisions", flat=True)
    quiet = variant_of(catalogue, ALLIANCE_POOLED_PCC, PCC, PCC)
    assert "except that the vote of" not in clause_text(quiet, "alliance.decisions", flat=True)


def test_a_leading_the_that_is_an_article_is_lowered_mid_list(catalogue):
    """r31 al-fresh finding 17 (firing): 'The Police and Crime Commissioner for ...' reads 'the ...' after the first name in
    the key information; quiet: a name whose 'The' belongs to it (its short name takes no article) keeps its capital."""
    doc = variant_of(catalogue, ALLIANCE_POOLED_PCC, PCC, PCC)
    key = clause_text(doc, "alliance.key-information", flat=True)
    assert "and the Police and Crime Commissioner for Ravensmoor and Calderholme (each an Alliance Member" in key
    assert "; the Police and Crime Commissioner for Ravensmoor and Calderholme 12% of Gain" in key
    brand = variant_of(catalogue, ALLIANCE_POOLED_PCC, "    short_name: PCC\n    article: true\n",
                       "    short_name: The PCC Office\n    article: false\n")
    assert "and The Police and Crime Commissioner for Ravensmoor" in clause_text(brand, "alliance.key-information", flat=True)
