"""Insurance and data protection as term-sheet facts (assembler/termsheet/obligations.py): the
defaults by family and size, an explicit override, and the clause text each data protection role gives."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from ruamel.yaml import YAML

from assembler.assemble import assemble
from assembler.errors import UserError
from assembler.model import Placeholder, iter_inlines, plain_text
from assembler.termsheet.loader import load_text
from assembler.termsheet.obligations import Insurance, insurance_cover
from assembler.termsheet.validate import validate
from tests.conftest import DRAFT_DATE, ROOT

# £12,500; the sample is a grant offer letter, which has no insurance clause: as a full agreement it has one
SMALL_GRANT = (ROOT / "samples" / "grant" / "community-single-payment.yaml").read_text().replace(
    "grant_form: offer-letter", "grant_form: agreement")
HOUSING_GRANT = (ROOT / "samples" / "grant" / "multi-year-housing-first.yaml").read_text()
ALLIANCE = (ROOT / "samples" / "alliance" / "complex-needs-eight-members.yaml").read_text()


def draft(text: str, catalogue):
    return assemble(validate(load_text(text, "sheet.yaml"), catalogue), catalogue, today=DRAFT_DATE).document


def clause_text(doc, clause_id: str) -> str:
    clause = next(c for c in doc.all_clauses() if c.id == clause_id)
    return "\n".join(plain_text(b.inlines) if hasattr(b, "inlines") else
                     "\n".join(" | ".join(plain_text(cell) for cell in row) for row in [b.header, *b.rows])
                     for b in clause.blocks)


def ids(doc) -> set[str]:
    return {c.id for c in doc.all_clauses()}


def test_a_small_community_grant_gets_the_statutory_minimum_and_no_professional_indemnity(catalogue):
    doc = draft(SMALL_GRANT, catalogue)
    text = clause_text(doc, "common.insurance")
    assert "employer's liability insurance of at least £5,000,000" in text
    assert "public liability insurance of at least £2,000,000" in text
    assert "professional indemnity" not in text
    note = next(c for c in doc.clauses if c.id == "common.insurance").note
    assert "are assumptions for a small agreement" in note
    assert not any(isinstance(i, Placeholder) for i in iter_inlines(
        next(c for c in doc.clauses if c.id == "common.insurance").blocks))


def test_a_large_alliance_gets_the_large_defaults_with_six_years_run_off(catalogue):
    text = clause_text(draft(ALLIANCE, catalogue), "common.insurance")  # £7.7m a year
    # r21 al-sample 14: an alliance brackets every level the instructions do not give
    assert "employer's liability insurance of at least [£10,000,000]" in text
    assert "public liability insurance of at least [£10,000,000]" in text
    assert "professional indemnity insurance of at least [£2,000,000]" in text
    assert "in force for at least [six] years after this Agreement ends" in text


def test_an_explicit_level_overrides_the_default_and_the_note_says_which_were_defaults(catalogue):
    own_motor = HOUSING_GRANT.index("  # Motor cover", HOUSING_GRANT.index("\ninsurance:"))   # the sample's car cover
    housing = HOUSING_GRANT[:own_motor] + HOUSING_GRANT[HOUSING_GRANT.index("\n\n", own_motor) + 1:]
    sheet = housing.replace("insurance:\n  public_liability: 10000000\n",
                                  "insurance:\n  public_liability: 10000000\n  professional_indemnity: 0\n"
                                  "  other:\n    - kind: motor insurance for vehicles used in the Project\n"
                                  "      amount: 5000000\n")
    doc = draft(sheet, catalogue)
    text = clause_text(doc, "common.insurance")
    assert "public liability insurance of at least £10,000,000" in text
    assert ("motor insurance for vehicles used in the Project, meeting the requirements of Part VI of the Road Traffic "
            "Act 1988, unlimited for death and personal injury and of at least £5,000,000 for damage to property for any "
            "one accident") in text   # r19 ob-fresh 7: the amount limits property damage only
    assert "professional indemnity" not in text
    note = next(c for c in doc.clauses if c.id == "common.insurance").note
    assert "No level was given for employer's liability," in note


def test_cover_by_tier_from_the_figures(catalogue):
    def cover(family: str, size: int, **given):
        insurance = Insurance(**given)
        insurance._family, insurance._size = family, (lambda: Decimal(size))
        return insurance_cover(insurance, catalogue.figures)

    small_grant = cover("grant", 12500)
    assert (small_grant.tier, small_grant.employers_liability, small_grant.professional_indemnity) == ("small", 5000000, 0)
    small_care = cover("open-book", 90000)  # care services need professional indemnity even when small
    assert small_care.professional_indemnity == 1000000 and small_care.run_off_years == 6
    assert cover("co-investment", 500000).tier == "standard"
    given = cover("grant", 12500, employers_liability=7500000, run_off_years=3, professional_indemnity=250000)
    assert (given.employers_liability, given.professional_indemnity, given.run_off_years) == (7500000, 250000, 3)
    assert given.defaults == ["public liability"]


def with_role(text: str, block: str) -> str:
    return text.replace("\npositions:", "\n" + block + "\npositions:", 1)


def test_no_personal_data_gives_no_processor_terms_and_no_schedule(catalogue):
    doc = draft(SMALL_GRANT, catalogue)  # personal_data: false
    text = clause_text(doc, "common.data-protection")
    assert "do not expect either Party to process Personal Data" in text
    assert "The processor must" not in text and "Article 28(3)" not in text
    assert not ids(doc) & {"common.schedule-data-processing", "common.schedule-data-sharing"}


def test_a_processor_gets_article_28_terms_and_the_processing_schedule_only_when_the_sheet_says_so(catalogue):
    sheet = HOUSING_GRANT.replace("  role: controllers\n", "  role: processor\n  processor: Trust\n  controller: Council\n", 1)
    doc = draft(sheet, catalogue)
    text = clause_text(doc, "common.data-protection")
    assert "The Trust processes Personal Data on behalf of the Council" in text
    assert "The processor must:" in text
    assert "common.schedule-data-processing" in ids(doc) and "common.schedule-data-sharing" not in ids(doc)
    schedule = clause_text(doc, "common.schedule-data-processing")
    assert "Categories of data subjects | People supported by the Project" in schedule


@pytest.mark.parametrize("sample", ["grant/multi-year-housing-first.yaml", "open-book/adult-care-sharing-band.yaml"])
def test_personal_data_with_no_role_makes_the_parties_separate_controllers(catalogue, sample):
    """A grant recipient or care provider keeps its own records: a controller, not a processor, by
    default; with no data_protection block at all the roles settle the same way."""
    text = (ROOT / "samples" / sample).read_text()
    without_role = text.replace("  role: controllers\n", "", 1)
    assert without_role != text
    doc = draft(without_role, catalogue)
    assert "share Personal Data with each other as separate controllers" in clause_text(doc, "common.data-protection")
    assert "The processor must" not in clause_text(doc, "common.data-protection")
    assert "common.schedule-data-sharing" in ids(doc) and "common.schedule-data-processing" not in ids(doc)
    note = next(c for c in doc.clauses if c.id == "common.data-protection").note
    assert "(no other role has been agreed)" in note and "separate controllers" in note
    yaml = YAML()
    data = yaml.load(text)
    del data["data_protection"]
    stream = io.StringIO()
    yaml.dump(data, stream)
    no_block = validate(load_text(stream.getvalue(), "sheet.yaml"), catalogue)
    assert no_block.model.data_protection.effective_role == "controllers"


def test_the_processing_family_defaults_to_none_without_personal_data(catalogue):
    sheet = validate(load_text(SMALL_GRANT, "sheet.yaml"), catalogue)
    assert sheet.model.grant.personal_data is False
    assert sheet.model.data_protection.effective_role == "none"


def test_separate_controllers_get_the_data_sharing_schedule(catalogue):
    doc = draft(ALLIANCE, catalogue)
    text = clause_text(doc, "common.data-protection")
    assert "share Personal Data with each other as separate controllers" in text
    assert "The processor must" not in text
    schedule = clause_text(doc, "common.schedule-data-sharing")
    assert "Each Party is a separate controller" in schedule
    assert "Lawful basis and conditions | Article 6(1)(e)" in schedule
    assert "common.schedule-data-processing" not in ids(doc)


def test_joint_controllers_get_the_article_26_arrangement(catalogue):
    doc = draft(with_role(SMALL_GRANT, "data_protection:\n  role: joint_controllers\n  retention: 2 years\n"), catalogue)
    assert "are joint controllers" in clause_text(doc, "common.data-protection")
    schedule = clause_text(doc, "common.schedule-data-sharing")
    assert "Articles 13 and 14" in schedule and "Retention | 2 years" in schedule
    assert ("security measures for the shared data", "Schedule 6 (Data sharing)") in doc.placeholders()


def test_a_processor_that_is_not_a_party_is_refused(catalogue):
    sheet = with_role(SMALL_GRANT, "data_protection:\n  role: processor\n  processor: Contractor\n")
    with pytest.raises(UserError) as caught:
        validate(load_text(sheet, "sheet.yaml"), catalogue)
    problem = caught.value.problems[0]
    assert (problem.field, problem.line) == ("data_protection.processor", sheet.splitlines().index("  processor: Contractor") + 1)
    assert problem.message == "not the short name of a party; use one of Council, Recipient (got 'Contractor')"


def test_other_insurance_is_named_as_insurance_and_motor_cover_is_unlimited_for_injury():
    """r19 ob-fresh finding 7: 'abuse and molestation' and 'motor (the two adapted vehicles ...)' were pasted
    without the word insurance, and the motor amount read as a limit on every claim."""
    from assembler.termsheet.obligations import OtherCover, other_line

    abuse = other_line(OtherCover(kind="abuse and molestation", amount=5000000))
    assert (abuse.kind, abuse.motor) == ("abuse and molestation insurance", False)
    assert other_line(OtherCover(kind="cyber liability insurance", amount=1000000)).kind == "cyber liability insurance"
    motor = other_line(OtherCover(kind="motor (the two adapted vehicles, including business use)", amount=5000000))
    assert (motor.kind, motor.motor, motor.vehicles) == ("motor insurance", True,
                                                         "the two adapted vehicles, including business use")
    named = other_line(OtherCover(kind="motor insurance for vehicles used to transport tenants", amount=2000000))
    assert named.vehicles == "vehicles used to transport tenants"


def test_an_alliances_clinical_negligence_level_comes_from_the_sheet_and_binds_only_health_providers(catalogue):
    """r22 al-fresh 1: the sheet's £10m clinical negligence line was listed for every Party in the insurance clause
    while the alliance's own clause required a bracketed, assumed £5m of the Providers delivering health care."""
    sheet = ALLIANCE.rstrip("\n") + "\ninsurance:\n  other:\n    - kind: medical malpractice (clinical negligence) insurance\n" \
                                    "      amount: 12000000\n"
    doc = draft(sheet, catalogue)
    assert "clinical negligence" not in clause_text(doc, "common.insurance")
    operations = " ".join(clause_text(doc, "alliance.operations").split())
    assert ("each Provider that delivers health care as part of the Services must hold medical malpractice (clinical "
            "negligence) insurance, or indemnity under a scheme run by NHS Resolution that covers that care, of at least "
            "£12,000,000 for any one claim") in operations
    # another family lists it with the other insurance, as before
    grant = HOUSING_GRANT.replace("\ninsurance:\n", "\ninsurance:\n  other:\n    - kind: clinical negligence insurance\n"
                                                  "      amount: 3000000\n", 1)
    assert "clinical negligence insurance of at least £3,000,000" in clause_text(draft(grant, catalogue), "common.insurance")
