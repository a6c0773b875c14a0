"""Alliance drafting notes fit the deal (sprint Y3; r42 al-prescribing F19, al-familyhubs F18-F19 and F21, al-extracare
notes row, r40 al-shortbreaks F12, al-twotier notes, al-ld cl 10 note): a note on pooled budgets, section 75, registered
care providers, CQC, housing functions, the Regulator of Social Housing, MHA s.117, charities or Procurement Act Part 5
conflicts prints only where the sheet's facts make it relevant; per-premises paragraphs are collapsed into one that lists
the premises; garbled sentences are rewritten; and explanation a solicitor does not need is cut from alliance notes."""
from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.families.clause_texts import clause_text, document_of, flat, note

FIXTURES = ROOT / "tests" / "families" / "fixtures"
EXTRACARE = FIXTURES / "alliance-extracare-r42.yaml"  # six extra care schemes, licences from a non-party landlord
PRESCRIBING = FIXTURES / "alliance-prescribing-r42.yaml"  # social prescribing, a Council and an ICB, no pooled budget
FAMILYHUBS = FIXTURES / "alliance-familyhubs-r42.yaml"  # family hubs, perinatal support for mild to moderate needs
LD = FIXTURES / "alliance-ld-r40.yaml"  # learning disability support, former contracts varied under the 2015 Regulations
COMPLEX = ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml"  # a pooled budget, charities, housing
MENTAL_HEALTH = ROOT / "samples" / "alliance" / "mental-health-four-members-varied.yaml"  # a Council and an ICB, no pool
REABLEMENT = ROOT / "samples" / "alliance" / "reablement-home-care-gain-only.yaml"


def _doc(catalogue, path, *replacements):
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return document_of(catalogue, text)


@pytest.fixture(scope="module")
def extracare(catalogue):
    return _doc(catalogue, EXTRACARE)


@pytest.fixture(scope="module")
def prescribing(catalogue):
    return _doc(catalogue, PRESCRIBING)


@pytest.fixture(scope="module")
def familyhubs(catalogue):
    return _doc(catalogue, FAMILYHUBS)


@pytest.fixture(scope="module")
def complex_needs(catalogue):
    return _doc(catalogue, COMPLEX)


# --- Schedule 1: one paragraph for the premises, the Act named ------------------------------------------------------

def test_premises_from_former_contracts_listed_once(extracare):
    """Firing: six premises held until the Service Contract ends by holders of Former Contracts: one sentence lists them
    all, instead of six near-identical paragraphs."""
    n = flat(note(extracare, "alliance.schedule-services"))
    assert n.count("granted for a Former Contract may end on 31 March 2027") == 1
    assert "also held a Former Contract, and Part 1 records" not in n
    for building in ("Willowmead Court (Brookside)", "Kestrel Rise (Brookside)", "Fenview Place (Saltmarsh)",
                     "Saxon Gardens (Saltmarsh)", "The Granary (Saltmarsh)"):
        assert building in n


def test_third_party_landlord_checks_stated_once(extracare):
    """Firing: two licences from the same non-party landlord: both listed, the checks said once."""
    n = flat(note(extracare, "alliance.schedule-services"))
    assert n.count("will agree in principle now to a transfer to a successor provider") == 1
    assert "Brookside holds the care office at Lantern Court under a licence from Brackenfield Housing Trust Limited; " \
        "Saltmarsh holds the care office at The Granary" in n
    assert "That landlord is not a Party" in n


def test_licence_note_names_the_act(extracare):
    """Firing: licences in Part 1 and no lease ending with a Service Contract: the note names the Act it means."""
    n = flat(note(extracare, "alliance.schedule-services"))
    assert "within Part II of the Landlord and Tenant Act 1954" in n
    assert "within the same Act" not in n


def test_no_premises_paragraphs_without_premises(complex_needs):
    """Quiet: no premises in the sheet, no premises paragraphs and no Landlord and Tenant Act."""
    n = flat(note(complex_needs, "alliance.schedule-services"))
    assert "Former Contract may end" not in n
    assert "Landlord and Tenant Act" not in n
    assert "not a Party: check" not in n


def test_former_contract_service_sentence_reads(prescribing):
    """The garbled "naming each listed Service a part of the title fits" is rewritten (r42 al-prescribing F19)."""
    n = flat(note(prescribing, "alliance.schedule-services"))
    assert "a part of the title fits" not in n
    assert "whose name matches part of the contract's title" in n


# --- pooled budget and section 75 --------------------------------------------------------------------------------------

def test_no_pooled_budget_paragraph_without_one(prescribing):
    """Quiet: joint Commissioners with no pooled budget: no "Where there is a pooled budget" and no section 75 check in
    the service planning note (r42 al-prescribing F19, cl. 12 note)."""
    n = flat(note(prescribing, "alliance.service-planning"))
    assert "pooled budget, one member holds" not in n
    assert "section 75 agreement under the National Health Service Act" not in n


def test_pooled_budget_paragraph_with_one(complex_needs):
    """Firing: a pooled budget held by the Council: the note names its holder."""
    n = flat(note(complex_needs, "alliance.service-planning"))
    assert "The Council holds the" in n
    assert "for all, and moves money between service lines only on an ALT decision" in n


def test_joint_nhs_commissioner_without_pool_gets_payment_powers(prescribing):
    """Firing: a Council and an ICB, no pooled fund: the key information note does not send the reader to section 75 but
    to the powers for payments between them (r42 al-prescribing F1)."""
    n = flat(note(prescribing, "alliance.key-information"))
    assert "no section 75 agreement is needed for this Agreement" in n
    assert "section 256 of the National Health Service Act 2006" in n
    assert "for NHS bodies and councils, section 75" not in n
    assert "Where the Commissioners pool funds or delegate functions" not in flat(note(prescribing, "alliance.recitals"))


def test_joint_nhs_commissioner_with_pool_keeps_section_75(catalogue):
    """Quiet: the same Commissioners with a section 75 agreement recorded keep the section 75 check."""
    text = MENTAL_HEALTH.read_text(encoding="utf-8")
    doc = document_of(catalogue, text)
    assert "section 256 of the National Health Service Act 2006" in flat(note(doc, "alliance.key-information"))
    pooled = document_of(catalogue, (FIXTURES / "alliance-mossgate-r21.yaml").read_text(encoding="utf-8"))
    n = flat(note(pooled, "alliance.key-information"))
    assert "section 75 of the National Health Service Act 2006" in n
    assert "section 256" not in n


# --- governance quorum sentence ---------------------------------------------------------------------------------------

def test_quorum_sentence_reads(prescribing):
    """The garbled "including the Commissioner, never fewer than the five votes" is two plain sentences."""
    n = flat(note(prescribing, "alliance.governance"))
    assert "including the Commissioner, never fewer than" not in n
    assert "It must include the Commissioner and must never fall below the five votes a decision needs" in n


# --- registered care provider, CQC for social prescribing ---------------------------------------------------------------

def test_no_registered_care_provider_or_cqc_for_social_prescribing(prescribing):
    """Quiet: social prescribing and arts on prescription are not regulated care: no "registered care provider" in the
    data protection note and no Care Quality Commission example in the operations clause (r42 al-prescribing F19)."""
    assert "registered care provider" not in flat(note(prescribing, "alliance.operations") + note(prescribing, "common.data-protection"))
    assert "Care Quality Commission" not in clause_text(prescribing, "alliance.operations", flat=True)


def test_registered_care_provider_where_care_is_regulated(catalogue):
    """Firing: extra care with CQC registrations, the Parties joint controllers (so the note explains the default):
    the registered care provider words stay."""
    doc = _doc(catalogue, EXTRACARE, ("  role: controllers\n", "  role: joint_controllers\n"))
    assert "registered care provider" in flat(note(doc, "common.data-protection"))


def test_alliance_controllers_note_skips_the_default_explanation(extracare):
    """The Parties are separate controllers on the instructions: the note does not explain the default again."""
    n = flat(note(extracare, "common.data-protection"))
    assert "treating it as a processor would misstate the facts" not in n
    assert "Check: which Party is in fact the controller" in n


# --- housing functions ------------------------------------------------------------------------------------------------

def test_no_housing_authority_functions_without_housing(familyhubs):
    """Quiet: family hubs, no housing: the statutory functions note neither assumes a unitary council nor lists
    homelessness and allocation, and names the Council's early years functions (r42 al-familyhubs F19)."""
    n = flat(note(familyhubs, "common.statutory-functions"))
    assert "unitary" not in n
    assert "homelessness and allocation" not in n
    assert "Childcare Act 2006" in n
    assert "Part 6 of the Housing Act 1996" not in flat(note(familyhubs, "common.schedule-data-sharing"))


def test_housing_authority_functions_with_housing(complex_needs):
    """Firing: housing in scope: the housing authority point stays."""
    assert "local housing authority (homelessness and allocation)" in flat(note(complex_needs, "common.statutory-functions"))


# --- MHA s.117 --------------------------------------------------------------------------------------------------------

def test_no_section_117_for_mild_to_moderate_needs(familyhubs):
    """Quiet: perinatal support for mild to moderate needs has no after-care cohort (r42 al-familyhubs F19)."""
    assert "section 117" not in flat(note(familyhubs, "alliance.schedule-services"))


def test_section_117_for_mental_health_service(catalogue):
    """Firing: the same service without "mild to moderate" keeps the after-care paragraph."""
    doc = _doc(catalogue, FAMILYHUBS, ("    - Perinatal mental health and parent-infant relationship support for parents with mild to moderate needs\n",
                                       "    - Perinatal mental health and parent-infant relationship support for parents\n"))
    assert "section 117 of the Mental Health Act 1983" in flat(note(doc, "alliance.schedule-services"))


# --- charities, Part 5 conflicts ----------------------------------------------------------------------------------------

def test_charities_named_in_leaving_note(catalogue):
    """Firing: leaving only for cause, charities among the members: the note names them instead of "small charities"."""
    doc = _doc(catalogue, COMPLEX, ("positions:\n", "positions:\n  exit: for-cause\n"))
    n = flat(note(doc, "alliance.leaving"))
    assert "small charities" not in n
    assert "especially the charities among them (St Luke's" in n


def test_no_charities_in_leaving_note_without_one(extracare):
    """Quiet: no Provider is a charity (r42 al-extracare notes row): no charity words."""
    n = flat(note(extracare, "alliance.leaving"))
    assert "charit" not in n
    assert "trustees' conflicts (CC29)" not in flat(note(extracare, "common.conflicts-of-interest"))


def test_no_part_5_conflicts_for_contracts_outside_the_act(catalogue):
    """Quiet: contracts varied under the 2015 Regulations: no Procurement Act Part 5 paragraph (r40 al-ld cl 10)."""
    doc = document_of(catalogue, LD.read_text(encoding="utf-8"))
    assert "Part 5 of that Act" not in flat(note(doc, "common.conflicts-of-interest"))


def test_part_5_conflicts_for_an_act_procurement(complex_needs):
    """Firing: a procurement under the Procurement Act 2023 keeps the Part 5 paragraph."""
    assert "Part 5 of that Act" in flat(note(complex_needs, "common.conflicts-of-interest"))


# --- Regulator of Social Housing in the exit note ---------------------------------------------------------------------

def test_no_regulator_of_social_housing_for_a_charity_lease_grant(catalogue):
    """Quiet: a member granting a lease on exit that is not a registered provider: the lender's consent only
    (r40 al-shortbreaks F12)."""
    doc = document_of(catalogue, COMPLEX.read_text(encoding="utf-8"))
    n = flat(note(doc, "alliance.schedule-exit"))
    if "Annex heads of terms" in n:
        assert "Regulator of Social Housing)" not in n


# --- recital (D) on former grants ---------------------------------------------------------------------------------------

def test_former_grant_named_in_recital(familyhubs):
    """The recital names the grant among the former contracts instead of "The grant among them" (r42 al-familyhubs F21)."""
    t = clause_text(familyhubs, "alliance.recitals", flat=True)
    assert "among them to" not in t
    assert "Of those, the Chatterbox early language grant (SMBC/CF/GR/2024/07) to Little Acorns is not renewed" in t


# --- explanation cut from shared notes, other families unchanged ---------------------------------------------------

def test_alliance_general_note_keeps_the_checks_only(complex_needs):
    """The general, notices and governing law notes of an alliance keep what to check, not what the clause says."""
    n = flat(note(complex_needs, "common.general"))
    assert "The general provisions found at the end of most English-law agreements" not in n
    assert "Rock Advertising" not in n
    assert "Check: whether the Agreement allows a Party to assign or charge its rights" in n
    assert "Deemed receipt follows the usual market pattern" not in flat(note(complex_needs, "common.notices"))
    assert "monitored mailbox" in flat(note(complex_needs, "common.notices"))


def test_grant_general_note_unchanged(catalogue):
    """Quiet: a grant draft keeps the general note's explanation (the cut is for alliance notes only)."""
    doc = document_of(catalogue, (ROOT / "samples" / "grant" / "multi-year-housing-first.yaml").read_text(encoding="utf-8"))
    n = flat(note(doc, "common.general"))
    assert "Rock Advertising" in n
    assert "Deemed receipt follows the usual market pattern" in flat(note(doc, "common.notices"))
