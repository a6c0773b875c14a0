"""An academy trust as an alliance member (r42 al-familyhubs findings F2 and F4, r41 tool notes 1 and 4): legal_form
'academy_trust' describes it as a charitable company and an exempt charity with a company number only; staff
transferring to it stay in the Local Government Pension Scheme with it as a Scheme employer (LGPS Regulations 2013
Sch. 2 Part 1 para. 20), so the staff transfer clause asks no admission agreement, bond or condition of it and has no
exit-payment sub-clause for it; the note follows; the charity-number warning no longer fires for it, and for a
charitable company without a number it names the academy form instead of a placeholder that never appears."""
from __future__ import annotations

import re

import pytest

from assembler.writers.text import to_text
from tests.families.clause_texts import clause_text, document_of, flat, note
from tests.families.conftest import ALLIANCE_BIG
from tests.rules.helpers import findings

HARBOUR = """    legal_form: registered_provider
    society_number: "RS007412"
    rsh_number: "L4512"
"""
ACADEMY = """    legal_form: academy_trust
    company_number: "08412377"
"""
ANCHOR = "  former_contracts_treatment: replaced\n"


def _sheet(to: str) -> str:
    text = ALLIANCE_BIG.read_text()
    assert HARBOUR in text and ANCHOR in text
    text = text.replace(HARBOUR, ACADEMY, 1)
    text = re.sub(r"(?m)^  staff_transfer_in: *(?:#.*)?\n", "", text)
    block = ("  staff_transfer_in:\n    team: the Council's in-house outreach team\n    to:\n" + to +
             "    scheme: lgps\n    fund: Tamar Valley Pension Fund\n    employer_rate_percent: 19.8\n"
             "    rate_changes: pass_through\n")
    return text.replace(ANCHOR, block + ANCHOR, 1)


@pytest.fixture(scope="module")
def academy_only(catalogue):
    return document_of(catalogue, _sheet("      - {member: harbour, headcount: 7}\n"))


@pytest.fixture(scope="module")
def mixed(catalogue):
    return document_of(catalogue, _sheet("      - {member: harbour, headcount: 7}\n      - {member: shelter}\n"))


def test_academy_trust_needs_no_admission_agreement(academy_only):
    """Firing: the academy trust is a Scheme employer; no admission agreement, bond, condition or exit payment."""
    t = clause_text(academy_only, "alliance.workforce", flat=True)
    assert ("Harbour Light is a Scheme employer under Part 1 of Schedule 2 to the Local Government Pension Scheme "
            "Regulations 2013, as the proprietor of an Academy") in t
    assert "without a break and without an admission agreement" in t
    for words in ("must enter into an admission agreement", "is conditional on its admission agreement",
                  "regulation 64", "bond or indemnity"):
        assert words not in t, words
    assert "has set for Harbour Light as a Scheme employer, and so for the transferring employees, is 19.8%" in t
    assert "exit credit from" not in clause_text(academy_only, "alliance.schedule-risk-reward", flat=True)
    p = clause_text(academy_only, "alliance.precedence", flat=True)
    assert "its admission agreement as a condition" not in p and "the treatment of a change in its employer" in p


def test_note_follows_the_scheme_employer(academy_only):
    """Firing: the note says why no admission agreement is needed, that the Best Value Direction should be met by
    continued membership, and drops the bond and exit-payment advice."""
    n = flat(note(academy_only, "alliance.workforce"))
    assert "Sch. 2 Part 1 para. 20" in n and "with no admission agreement, bond or condition" in n
    assert "continued active membership as employees of a Scheme employer should meet it" in n
    assert "join the Tamar Valley Pension Fund as admission bodies" not in n and "residual risk" not in n
    assert "exit-payment sub-clause is not needed" in n


def test_mixed_receivers_keep_the_admission_terms_for_the_others(mixed):
    """Firing on both: the academy trust is a Scheme employer; the other receiving Provider still needs its admission
    agreement, and the exit payment applies to it."""
    t = clause_text(mixed, "alliance.workforce", flat=True)
    assert "Harbour Light is a Scheme employer" in t
    assert ("Shelter Point must enter into an admission agreement with the administering authority of the Tamar "
            "Valley Pension Fund") in t
    assert "is conditional on its admission agreement" in t and "regulation 64" in t
    n = flat(note(mixed, "alliance.workforce"))
    assert "Shelter Point joins the Tamar Valley Pension Fund as an admission body" in n
    assert "applies only to the admission bodies" in n


def test_parties_block_and_capacity(academy_only):
    """Firing: described as an academy trust and exempt charity with its company number; the capacity warranty adds
    its funding agreement."""
    text = flat(to_text(academy_only))
    assert ("Harbour Light Housing Association Limited, an academy trust (a charitable company and an exempt charity) "
            "(company number 08412377)") in text
    assert "for an academy trust, consistent with its funding agreement with the Secretary of State for Education" in text


def test_no_academy_no_change(catalogue):
    """Quiet: the sample without an academy trust has no Scheme employer or funding agreement wording."""
    text = flat(to_text(document_of(catalogue, ALLIANCE_BIG.read_text())))
    assert "Scheme employer under Part 1" not in text and "funding agreement with the Secretary of State" not in text


def test_charity_number_warning(catalogue):
    """The registration rule: an academy trust gives a company number only (quiet); a charitable company with no
    charity number is warned, naming the academy form and no placeholder (firing)."""
    def academy(d):
        m = next(x for x in d["members"] if x["key"] == "harbour")
        m["legal_form"] = "academy_trust"
        m["company_number"] = "08412377"
        del m["society_number"], m["rsh_number"]

    def charitable(d):
        academy(d)
        next(x for x in d["members"] if x["key"] == "harbour")["legal_form"] = "charitable_company"
    quiet = findings(catalogue, ALLIANCE_BIG, academy)
    assert not any("Harbour Light" in m for m in quiet.get("COMMON-REGISTRATION-MISSING", []))
    assert not any("Harbour Light" in m for m in quiet.get("COMMON-REGISTRATION-UNEXPECTED", []))
    fired = [m for m in findings(catalogue, ALLIANCE_BIG, charitable).get("COMMON-REGISTRATION-MISSING", [])
             if "Harbour Light" in m]
    assert fired and "legal_form: academy_trust" in fired[0] and "placeholder" not in fired[0]


def test_insurance_through_the_rpa(academy_only, catalogue):
    """Firing: an academy trust may meet the insurance clause through the DfE Risk Protection Arrangement, and the
    note asks for its cover of this work to be checked; (quiet) no such words without an academy trust."""
    t = clause_text(academy_only, "common.insurance", flat=True)
    assert ("Harbour Light may meet the requirements of this clause, in place of insurance with an authorised insurer, "
            "through membership of the Department for Education's Risk Protection Arrangement") in t
    assert "Harbour Light is an academy trust" in flat(note(academy_only, "common.insurance"))
    plain = document_of(catalogue, ALLIANCE_BIG.read_text())
    assert "Risk Protection Arrangement" not in clause_text(plain, "common.insurance", flat=True)
    assert "Risk Protection Arrangement" not in note(plain, "common.insurance")



def test_data_sharing_note_treats_the_academy_as_a_public_authority(catalogue):
    """r42 F4 (firing): an academy trust relying on public task is not called 'not a public body' in the Schedule's
    note but a public authority for its academy functions, to be checked; another such Provider still gets the
    'not a public body' sentence; (quiet) without an academy trust, no such words."""
    role = "  role: controllers\n"
    flow = role + ("  flows:\n    - data: referrals and support plans\n      shared_by: every Provider\n"
                   "      shared_with: each other\n      article_6: Article 6(1)(e) (public task) for Harbour Light and "
                   "St Luke's; Article 6(1)(f) (legitimate interests) for the other Providers\n")
    text = _sheet("      - {member: harbour, headcount: 7}\n")
    assert role in text
    n = flat(note(document_of(catalogue, text.replace(role, flow, 1)), "common.schedule-data-sharing"))
    assert ("Harbour Light is an academy trust, a public authority under the Freedom of Information Act 2000 for "
            "information it holds for its functions under Academy arrangements (to be checked") in n
    assert "St Luke's is not a public body, so" in n and "Harbour Light is not a public body" not in n
    plain = ALLIANCE_BIG.read_text()
    q = flat(note(document_of(catalogue, plain.replace(role, flow, 1)), "common.schedule-data-sharing"))
    assert "academy trust" not in q and "not public bodies, so" in q and "Harbour Light" in q.split("not public bodies, so")[0]
