"""The grant family end to end: what its drafts say (conformance is in test_conformance.py)."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from assembler.assemble import assemble
from assembler.termsheet.validate import read_termsheet
from assembler.writers.text import to_text
from tests.conftest import DRAFT_DATE, ROOT, samples
from tests.families.conformance import table_cells

GRANT_SAMPLES = samples("grant")
BIG = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"
SMALL = ROOT / "samples" / "grant" / "community-single-payment.yaml"


def build(catalogue, path):
    return assemble(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)


def test_there_are_at_least_two_samples():
    assert {BIG, SMALL} <= set(GRANT_SAMPLES)


def test_every_section_of_a_grant_agreement_is_there(catalogue):
    titles = [c.title for c in build(catalogue, BIG).document.clauses]
    for needed in ("Definitions and interpretation", "Payment of the Grant", "Eligible and ineligible expenditure",
                   "Monitoring and reporting", "Withholding, suspension and repayment", "Subsidy control",
                   "Intellectual property", "Data protection", "Safeguarding", "Dispute resolution",
                   "Governing law and jurisdiction"):
        assert any(needed.lower() in t.lower() for t in titles), needed


def test_big_sample_schedules_carry_its_figures(catalogue):
    doc = build(catalogue, BIG).document
    schedules = {s.title: s for s in doc.schedules}
    payments = table_cells(schedules["Payment Schedule"].blocks)
    assert payments[0][:3] == ["1", "15 April 2027", "£90,000"]
    assert payments[-1][0] == "Total" and payments[-1][2] == "£450,000"
    budget = table_cells(schedules["Budget"].blocks)
    assert ["Total", "£450,000"] in budget
    kpis = table_cells(schedules["Funded Activities and KPIs"].blocks)
    assert any("tenancy" in row[0].lower() for row in kpis)


def test_big_sample_text(catalogue):
    text = to_text(build(catalogue, BIG).document)
    assert "St Mary's Housing & Support Trust" in text
    assert "£450,000 (four hundred and fifty thousand pounds)" in text
    assert "St Mary's Housing & Support Trust, Unity Trust Bank, sort code 08-60-01, account 20304050" in text


def test_small_sample_is_short_and_has_no_match_funding_clause(catalogue):
    doc = build(catalogue, SMALL).document
    assert all("match funding" not in c.title.lower() for c in doc.clauses)
    assert "minimal financial assistance" in to_text(doc).lower()


@pytest.mark.parametrize("position, variant", [
    ("payment_basis", "advance"), ("payment_basis", "milestones"), ("payment_basis", "claims"),
    ("legal_status", "non-binding"), ("clawback_scope", "full"), ("ip_ownership", "funder-owns"),
    ("ip_ownership", "open-licence"), ("termination_for_convenience", "none"),
    ("termination_for_convenience", "mutual-notice"), ("dispute_route", "courts"),
    ("dispute_route", "escalation-expert"),
])
def test_every_variant_assembles_in_place_of_the_standard(catalogue, tmp_path, position, variant):
    def with_position(chosen: str):
        yaml = YAML()
        data = yaml.load(BIG.read_text())
        data.setdefault("positions", {})[position] = chosen
        sheet = tmp_path / f"{chosen}.yaml"
        with sheet.open("w") as handle:
            yaml.dump(data, handle)
        return [c for c in build(catalogue, sheet).document.clauses if c.position == position]

    chosen = with_position(variant)
    assert len(chosen) == 1 and chosen[0].variant == variant and not chosen[0].standard
    standard = next(f.header.variant for f in catalogue.by_id()[chosen[0].id] if f.header.standard)
    assert chosen[0].note and chosen[0].blocks != with_position(standard)[0].blocks
