"""Schedule 6 (data sharing) in an alliance: where the instructions rest routine sharing of health data on
Schedule 1 paragraph 18 DPA 2018 (safeguarding only, without consent), the operative table rests health data on
Article 9(2)(h) with paragraph 2 and section 11(1) and keeps paragraph 18 for safeguarding disclosures; each Party's
other staff and volunteers who share health data must owe a duty of confidentiality (r28 al-fresh finding 3)."""
from __future__ import annotations

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, note
from tests.families.conftest import ALLIANCE_BIG, ALLIANCE_JOINT, ALLIANCE_REABLEMENT

SCHEDULE = "common.schedule-data-sharing"
DUTY = "owes a duty of confidentiality for that data under their contract of employment"


def test_routine_paragraph_18_is_redrafted(catalogue):
    doc = document_of(catalogue, ALLIANCE_JOINT.read_text())
    text = clause_text(doc, SCHEDULE, flat=True)
    assert "otherwise (sharing by peer and housing support staff)" not in text
    assert "Article 9(2)(h) with Schedule 1 paragraph 2 (health or social care purposes)" in text
    assert "(section 11(1) of that Act)" in text
    assert "only for a disclosure to safeguard a child or an individual at risk" in text
    assert "Article 6(1)(e) for the Commissioners and the Trust" in text  # the Article 6 words stand
    assert DUTY in text
    n = " ".join(note(doc, SCHEDULE).split())
    assert "cannot carry routine referral and care co-ordination" in n
    assert "For each Party and each routine flow, add a Part 2 condition" not in n


def test_paragraph_18_for_safeguarding_only_stands(catalogue):
    doc = document_of(catalogue, ALLIANCE_REABLEMENT.read_text())
    text = clause_text(doc, SCHEDULE, flat=True)
    assert "safeguarding disclosures by care workers under Article 9(2)(g) with Schedule 1 paragraph 18" in text
    assert DUTY not in text
    assert "cannot carry routine referral" not in note(doc, SCHEDULE)


CASTLEBRIDGE = ROOT / "tests" / "families" / "fixtures" / "alliance-castlebridge-r29.yaml"


def test_consent_route_is_kept_and_noted(catalogue):
    """r29 al-fresh finding 2 (firing): a youth alliance whose instructions give explicit consent for ordinary support
    and paragraph 18 for safeguarding keeps that route in the table; no Article 9(2)(h) replacement and no staff
    confidentiality condition; the note states the instructed route."""
    doc = document_of(catalogue, CASTLEBRIDGE.read_text())
    text = clause_text(doc, SCHEDULE, flat=True)
    assert "or, for ordinary support, Article 9(2)(a) explicit consent" in text
    assert "Article 9(2)(h)" not in text
    assert DUTY not in text
    n = " ".join(note(doc, SCHEDULE).split())
    assert "As instructed, the table rests ordinary sharing of health data on explicit consent (Article 9(2)(a))" in n
    assert "cannot carry routine referral" not in n
    assert "Schedule 1 paragraph 6 (statutory and government purposes) also fits" in n


def test_routine_paragraph_18_outside_professional_care_is_not_replaced(catalogue):
    """r29 al-fresh finding 2 (quiet for the replacement): routine sharing on paragraph 18 alone in services that are
    not health or social care (no NHS party, health_care false) keeps the sheet's words; the note asks for a
    condition."""
    sheet = CASTLEBRIDGE.read_text().replace(" or, for ordinary support, Article 9(2)(a) explicit\n    consent", "")
    assert "explicit\n    consent;" not in sheet
    doc = document_of(catalogue, sheet)
    text = clause_text(doc, SCHEDULE, flat=True)
    assert "(safeguarding of children and individuals at risk); criminal offence data" in text
    assert "Article 9(2)(h)" not in text and DUTY not in text
    n = " ".join(note(doc, SCHEDULE).split())
    assert "For each Party and each routine flow, add a Part 2 condition" in n


def test_public_task_for_providers_that_are_not_public_bodies_needs_a_basis_in_law(catalogue):
    """r31 al-fresh finding 12 (firing): where a data flow rests on Article 6(1)(e) and some Parties are not public
    bodies, the note names them, cites Article 6(3) and section 8 DPA 2018, and gives Article 6(1)(f) as the fallback.
    Quiet: a flow on legitimate interests alone adds nothing."""
    role = "  role: controllers\n"
    flow = role + ("  flows:\n    - data: referrals and support plans\n      shared_by: every Provider\n"
                   "      shared_with: each other\n      article_6: {basis}\n")
    text = ALLIANCE_BIG.read_text()
    doc = document_of(catalogue, text.replace(role, flow.format(basis="Article 6(1)(e) (public task)"), 1))
    n = note(doc, SCHEDULE)
    assert "Public task (Article 6(1)(e)) is a basis only where the task or function has a basis in law (Article 6(3);" in n
    assert "section 8 of the Data Protection Act 2018" in n and "legitimate interests (Article 6(1)(f))" in n
    quiet = document_of(catalogue, text.replace(role, flow.format(basis="Article 6(1)(f) (legitimate interests)"), 1))
    assert "is a basis only where the task or function has a basis in law" not in note(quiet, SCHEDULE)



def test_case_system_host_that_also_receives_records_has_two_capacities(catalogue):
    """r34 al-fresh2 finding 7(c) (firing): the case system's host (the Trust) is also a recipient in a data flow, so
    the information-sharing clause states both its capacities; 7(a) (firing): a flow relying on legitimate interests
    for every Provider, where a Provider (the Trust) is a public authority, gets a note to give it public task.
    (Quiet) the sample without flows has neither."""
    from tests.families.clause_texts import flat
    role = "  role: controllers\n"
    flow = role + ("  flows:\n    - data: support plans and case notes\n      shared_by: every Provider\n"
                   "      shared_with: the Trust, through the shared case system\n"
                   "      article_6: Article 6(1)(f) (legitimate interests)\n")
    text = ALLIANCE_JOINT.read_text()
    assert role in text and "case_system_host: trust" in text
    doc = document_of(catalogue, text.replace(role, flow, 1))
    info = clause_text(doc, "alliance.information-sharing", flat=True)
    assert ("The Trust also receives records for its own functions under Schedule") in info
    assert "it holds those as a controller in its own right and uses them only as that Schedule provides" in info
    n = flat(note(doc, SCHEDULE))
    assert ("Row 1 relies on legitimate interests (Article 6(1)(f)) for every Provider, but the Trust is a public "
            "authority, which cannot rely on that basis") in n
    plain = document_of(catalogue, text)
    assert "also receives records for its own functions" not in clause_text(plain, "alliance.information-sharing", flat=True)
    assert "cannot rely on that basis for processing in performing" not in note(plain, SCHEDULE)


def test_public_task_note_reads_each_flows_basis_party_by_party(catalogue):
    """r38d al-edge tool note 14: a flow giving public task for one Party and legitimate interests for the others
    names only the Party that relies on public task (firing), and a flow whose public task is the Council's own names
    none of the Providers (quiet)."""
    role = "  role: controllers\n"
    flow = role + ("  flows:\n    - data: referrals and support plans\n      shared_by: {by}\n"
                   "      shared_with: each other\n      article_6: {basis}\n")
    text = ALLIANCE_BIG.read_text()
    split = ("Article 6(1)(e) (public task) for St Luke's; Article 6(1)(f) (legitimate interests) for the other "
             "Providers")
    n = " ".join(note(document_of(catalogue, text.replace(role, flow.format(by="every Provider", basis=split), 1)),
                      SCHEDULE).split())
    assert "St Luke's is not a public body, so its reliance on it depends on" in n
    assert "Harbour Light" not in n.split("is a basis only where")[1].split("Record that function")[0]
    own = document_of(catalogue, text.replace(role, flow.format(by="the Council", basis="Article 6(1)(e) (public task)"), 1))
    assert "is a basis only where the task or function has a basis in law" not in note(own, SCHEDULE)
