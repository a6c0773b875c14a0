"""Party: every legal form validates and is classed public or not; short names keep what real parties
use and refuse what would break the draft; "the" is decided per party, with an override."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from assembler.errors import UserError
from assembler.execution import execution_lines
from assembler.model import plain_text
from assembler.termsheet.common import EXECUTION, LEGAL_FORM_WORDS, PUBLIC_BODY_FORMS, LegalForm, Party
from assembler.termsheet.loader import load_text
from assembler.termsheet.validate import validate
from tests.conftest import MINILIB

SHEET = (MINILIB / "samples" / "grant" / "tiny.yaml").read_text()

PUBLIC = {"local_authority", "parish_council", "combined_authority", "fire_and_rescue_authority",
          "police_and_crime_commissioner", "integrated_care_board", "nhs_trust", "nhs_foundation_trust",
          "nhs_body"}
NOT_PUBLIC = {"company", "charitable_company", "cio", "community_benefit_society", "cooperative_society",
              "exempt_charity_society", "academy_trust", "registered_provider", "higher_education_corporation",
              "community_interest_company", "unincorporated_charity", "limited_partnership", "llp", "other"}


def party(**fields) -> Party:
    return Party(**{"name": "Example", "short_name": "Provider", "legal_form": "company",
                    "address": "1 High Street", **fields})


def test_every_form_is_classed_once_and_described_and_signs():
    assert {f.value for f in LegalForm} == PUBLIC | NOT_PUBLIC
    assert {f.value for f in PUBLIC_BODY_FORMS} == PUBLIC
    assert set(LEGAL_FORM_WORDS) == set(LegalForm) == set(EXECUTION)


@pytest.mark.parametrize("form", sorted(PUBLIC | NOT_PUBLIC))
def test_each_form_validates_in_a_term_sheet_and_is_classed(form, minilib):
    text = SHEET.replace("  legal_form: cio", f"  legal_form: {form}")
    sheet = validate(load_text(text, "t.yaml"), minilib)
    assert sheet.model.recipient.legal_form.value == form
    assert sheet.model.recipient.is_public_body is (form in PUBLIC)


def test_a_police_and_crime_commissioner_is_a_public_body_and_a_corporation_sole():
    pcc = party(legal_form="police_and_crime_commissioner", short_name="PCC")
    assert pcc.is_public_body
    assert "corporation sole" in LEGAL_FORM_WORDS[pcc.legal_form]
    assert "a corporation sole, by the commissioner" in plain_text(execution_lines(pcc, deed=False)[0])


@pytest.mark.parametrize("name", ["P3", "BCHA & Partners", "St Mungo's", "St Mungo’s", "The Zone",
                                  "Cymdeithas Tai Glân", "Hope and Anchor", "Éire Trust", "Friends (Leeds)"])
def test_real_short_names_are_kept_exactly(name):
    assert party(short_name=name).short_name == name


@pytest.mark.parametrize("name", ["[[Council]]", "Council|Trust", "Trust {x}", "{{ 7*7 }}", "Bell\x07",
                                  "Tab\there", "council", "_Trust", "Trust#1", "A<b>"])
def test_names_that_would_break_the_draft_are_refused(name):
    with pytest.raises(ValidationError):
        party(short_name=name)


def test_a_refused_short_name_is_reported_on_its_line(minilib):
    text = SHEET.replace("short_name: Recipient", "short_name: \"Recipient [[x]]\"")
    with pytest.raises(UserError) as caught:
        validate(load_text(text, "t.yaml"), minilib)
    assert any("recipient.short_name" in str(p) for p in caught.value.problems)


@pytest.mark.parametrize(("name", "defined"), [
    ("Council", "the Council"), ("Recipient", "the Recipient"), ("Provider", "the Provider"),
    ("Kitchen", "the Kitchen"), ("Housing Trust", "the Housing Trust"),
    ("The Zone", "The Zone"), ("P3", "P3"), ("St Mungo's", "St Mungo's"), ("BCHA & Partners", "BCHA & Partners"),
    ("BCHA", "BCHA"), ("Recovery CIC", "Recovery CIC"), ("Harbour Light", "Harbour Light"),
])
def test_the_article_default_follows_the_name(name, defined):
    assert party(short_name=name).defined == defined


@pytest.mark.parametrize(("full", "short", "defined"), [
    ("Ashdown Children's Charity", "Ashdown", "Ashdown"),       # a name from the front of the full name
    ("Rootstock Community Growing CIC", "Rootstock", "Rootstock"),
    ("Riverside Housing Trust", "Trust", "the Trust"),           # a noun from the end reads with "the"
    ("Trust for Oakford", "Trust", "the Trust"),                 # a common noun even at the front
    ("Oakford District Council", "Council", "the Council"),
])
def test_a_single_word_from_the_front_of_the_name_is_a_name(full, short, defined):
    assert party(name=full, short_name=short).defined == defined


def test_the_article_can_be_set_either_way():
    assert party(short_name="Moorview", article=False).defined == "Moorview"
    assert party(short_name="PCC", article=True).defined == "the PCC"
    assert party(short_name="PCC", article=True).Defined == "The PCC"
    assert party(short_name="P3").Defined == "P3"


def test_possessives_do_not_double():
    assert party(short_name="Council").possessive == "Council's"
    assert party(short_name="St Mungo's").possessive == "St Mungo's"
    assert party(short_name="Friends").possessive == "Friends'"


def test_a_council_seal_is_attested_by_the_officer_its_constitution_names():
    """The attesting officer is a blank written in at sealing, not the contract signatory."""
    from assembler.execution import execution_lines
    from assembler.model import plain_text

    council = Party(name="Northbrook Council", short_name="Council", legal_form="local_authority", address="1 High Street, Northbrook",
                    signatory={"name": "Jo Bloggs", "position": "Director of Adult Social Services"})
    lines = [plain_text(line) for line in execution_lines(council, deed=True)]
    assert lines[:2] == ["The common seal of Northbrook Council was affixed to this deed in the presence of the "
                         "officer or officers its constitution authorises to attest it:", "(Common seal)"]
    assert "Jo Bloggs" not in " ".join(lines) and "Name: [name of the Council's attesting officer]" in lines
    simple = [plain_text(line) for line in execution_lines(council, deed=False)]
    assert "Name: Jo Bloggs" in simple


def test_a_cio_signs_a_simple_contract_by_the_one_signatory_the_sheet_names():
    """r22 al-fresh 8: a "Chair of Trustees" named alone signs as the CIO's authorised signatory; no second trustee
    is invented (the execution note asks for the resolution and the constitution's rule)."""
    from assembler.execution import execution_lines
    from assembler.model import plain_text

    cio = Party(name="Brookside Pantry CIO", short_name="Recipient", legal_form="cio", address="2 Mill Lane, Fenmoor",
                signatory={"name": "Margaret Ellis", "position": "Chair of Trustees"})
    lines = [plain_text(line) for line in execution_lines(cio, deed=False)]
    assert lines[0] == "Signed for and on behalf of Brookside Pantry CIO by its authorised signatory:"
    assert not any(line.startswith("Charity trustee: ") for line in lines)
    assert "Name: Margaret Ellis" in lines and "Position: Chair of Trustees" in lines


def test_a_cio_second_charity_trustee_is_named_when_the_sheet_gives_one():
    """Writers and reviewers (r19, r20, r22) asked to name the second trustee the deal already knows."""
    from assembler.execution import execution_lines
    from assembler.model import plain_text

    cio = Party(name="Brookside Pantry CIO", short_name="Recipient", legal_form="cio", address="2 Mill Lane, Fenmoor",
                signatory={"name": "Margaret Ellis", "position": "Chair of Trustees", "second_name": "Ruth Okafor",
                           "second_position": "Treasurer"})
    lines = [plain_text(line) for line in execution_lines(cio, deed=False)]
    assert lines[-3:] == ["Name: Ruth Okafor", "Position: Treasurer", "Date: ____________________"]
    assert not [line for line in lines if "second charity trustee" in line]


def test_a_cio_signs_by_its_chief_executive_as_authorised_signatory():
    """A chief executive is an employee, not a charity trustee: the CIO (a body corporate) signs a
    simple contract by that officer alone, never by a 'charity trustee' who is its chief executive."""
    from assembler.execution import execution_lines
    from assembler.model import plain_text

    cio = Party(name="Turning Point Recovery Community", short_name="Community", legal_form="cio",
                address="3 Mill Lane, Harrowfield", signatory={"name": "Daniel Okafor", "position": "Chief Executive"})
    lines = [plain_text(line) for line in execution_lines(cio, deed=False)]
    assert lines[0] == "Signed for and on behalf of Turning Point Recovery Community by its authorised signatory:"
    assert "Name: Daniel Okafor" in lines and "Position: Chief Executive" in lines
    assert not [line for line in lines if "trustee" in line.lower()]


def test_charity_number_typed_without_quotes_is_taken_as_its_digits():
    """Charity numbers never start with 0, so a number typed bare loses nothing (a commissioner's
    first error in the persona run); a company number, which can start with 0, stays text only."""
    base = dict(name="Oakford Community Larder", short_name="Larder", legal_form="cio", address="3 Mill Lane")
    assert Party(**base, charity_number=1198765).charity_number == "1198765"
    with pytest.raises(ValidationError):
        Party(**base, company_number=1234567)


def test_a_limited_partnership_acts_and_signs_by_its_general_partner():
    """No legal personality in England and Wales: the parties block and the signature block name the
    general partner that acts for it (a review: a fund LP was "an organisation" signing for itself)."""
    from assembler.assemble import _description

    lp = party(name="Northern Commons Fund LP", short_name="Fund", legal_form="limited_partnership",
               company_number="LP012345", general_partner="Northern Commons GP Limited")
    assert not lp.is_public_body
    assert _description(lp) == ("a limited partnership registered in England and Wales under the Limited Partnerships "
                                "Act 1907 (registered number LP012345), acting by its general partner Northern "
                                "Commons GP Limited")
    assert plain_text(execution_lines(lp, deed=False)[0]) == (
        "Signed for and on behalf of Northern Commons Fund LP by Northern Commons GP Limited, its general partner, "
        "acting by its authorised signatory:")
    unnamed = party(name="Northern Commons Fund LP", short_name="Fund", legal_form="limited_partnership")
    assert "[name of Fund's general partner]" in plain_text(execution_lines(unnamed, deed=True)[0])


def test_a_limited_liability_partnership_is_a_body_corporate_that_signs_a_deed_by_two_members():
    """Limited Liability Partnerships Act 2000 s.1(2); SI 2009/1804 applies Companies Act 2006 s.44: two members."""
    from assembler.assemble import _description

    llp = party(name="Harbour Housing Advisers LLP", short_name="Harbour", legal_form="llp", company_number="OC412345",
                signatory={"name": "Ann Lee", "position": "Designated member"})
    assert not llp.is_public_body
    assert _description(llp) == ("a limited liability partnership incorporated in England and Wales under the Limited "
                                 "Liability Partnerships Act 2000 (registered number OC412345)")
    deed = [plain_text(line) for line in execution_lines(llp, deed=True)]
    assert deed[0] == "Executed as a deed by Harbour Housing Advisers LLP, a limited liability partnership, acting by two members:"
    assert [line.split(":")[0] for line in deed if line.startswith("Member")] == ["Member", "Member"]
    assert "Name: Ann Lee" in deed and not any("Director" in line for line in deed)
    assert plain_text(execution_lines(llp, deed=False)[0]).startswith(
        "Signed for and on behalf of Harbour Housing Advisers LLP, a limited liability partnership, by a member")


def test_a_charitable_company_is_not_assumed_to_be_limited_by_guarantee():
    from assembler.assemble import _description

    charity = party(legal_form="charitable_company", company_number="03187742", charity_number="1052316")
    assert "limited by guarantee" not in _description(charity)
    assert _description(charity).startswith("a company incorporated in England and Wales (company number 03187742)")


@pytest.mark.parametrize("position, director", [
    ("Director", True), ("Managing Director", True), ("Non-Executive Director", True),
    ("Investment Director", False), ("Director of Housing", False), ("Chief Executive", False),
    ("Chief Executive and a director of the Charity", True), ("Chief Executive and one of its directors", True),
    ("Director of Planning, Regeneration and Communities", False)])
def test_a_job_title_with_director_in_it_is_not_a_board_director(position, director):
    """A deed block names the term sheet's signatory as the signing director only where the title is a
    board title; an 'Investment Director' may not be on the board (a review), so the name is left blank."""
    company = party(signatory={"name": "Ruth Oyelaran", "position": position})
    lines = [plain_text(line) for line in execution_lines(company, deed=True)]
    assert ("Name: Ruth Oyelaran" in lines) is director


def test_an_unincorporated_charity_is_its_trustees_who_are_defined_together_and_two_sign():
    """A trust has no legal personality: the parties block names its trustees for the time being (or a
    placeholder for their names), defined together, and two trustees sign for all under a s.333
    resolution (ci-fresh review, finding 1). Other forms keep their block and signature."""
    from assembler.assemble import _description, _party_block
    from assembler.model import shown

    trust = party(name="The Ellingham Foundation", short_name="Foundation", article=False,
                  legal_form="unincorporated_charity", charity_number="1012437",
                  signatory={"name": "Miriam Castellano", "position": "Chair of the Trustees"})
    block = _party_block("investor", trust)
    assert shown(block.name) == ("[names of the trustees of The Ellingham Foundation], the trustees for the time "
                                 "being of The Ellingham Foundation")
    assert block.together
    assert _description(trust) == ("an unincorporated charity registered with the Charity Commission for England "
                                   "and Wales (charity number 1012437)")
    named = _party_block("investor", trust.model_copy(update={"trustees": ["A Smith", "B Jones", "C Patel"]}))
    assert named.name == "A Smith, B Jones and C Patel, the trustees for the time being of The Ellingham Foundation"
    lines = [plain_text(line) for line in execution_lines(trust, deed=False)]
    assert "section 333 of the Charities Act 2011" in lines[0] and "on behalf of all its trustees" in lines[0]
    assert sum(line.startswith("Trustee: ") for line in lines) == 2
    assert "Name: Miriam Castellano" in lines
    company = _party_block("delivery", party())
    assert company.name == "Example" and not company.together
    assert "authorised signatory" in plain_text(company.execution[0])


@pytest.mark.parametrize("form", ["charitable_company", "company", "community_interest_company", "cio",
                                  "registered_provider", "community_benefit_society"])
def test_a_named_second_signatory_signs_beside_the_first(form):
    """r28 ob-fresh finding 12: the sheet named a charitable company's finance director as its second signatory and
    the block dropped her. Every form that signs by an authorised signatory carries both, each signing and dating."""
    p = party(legal_form=form, signatory={"name": "Dr Lewis Ashdown-Mensah", "position": "Chief Executive",
                                          "second_name": "Penelope Varga",
                                          "second_position": "Director of Finance and Resources"})
    lines = [plain_text(line) for line in execution_lines(p, deed=False)]
    assert lines[0] == "Signed for and on behalf of Example by its authorised signatories:"
    assert lines[-4:] == ["Signature: ____________________________", "Name: Penelope Varga",
                          "Position: Director of Finance and Resources", "Date: ____________________"]


def test_one_signatory_keeps_the_singular_block():
    """Quiet: no second_name, one signatory, the singular heading."""
    lines = [plain_text(line) for line in execution_lines(party(legal_form="charitable_company",
                                                                 signatory={"name": "A B", "position": "Chief Executive"}),
                                                           deed=False)]
    assert lines[0] == "Signed for and on behalf of Example by its authorised signatory:"
    assert len([line for line in lines if line.startswith("Signature:")]) == 1


def test_a_deed_names_the_second_signer_where_the_form_has_two(minilib):
    """A registered society executes a deed by two authorised signatories: the second is the one the sheet names;
    a company's deed (director and witness) never puts the second signatory in the witness's place."""
    sig = {"name": "Ann Lee", "position": "Secretary", "second_name": "Bo Chan", "second_position": "Chair"}
    society = [plain_text(line) for line in execution_lines(party(legal_form="community_benefit_society", signatory=sig), deed=True)]
    assert "Name: Bo Chan" in society and "Position: Chair" in society
    company = [plain_text(line) for line in execution_lines(party(legal_form="company", signatory=sig), deed=True)]
    assert "Name: Bo Chan" not in company
