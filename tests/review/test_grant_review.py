"""The grant review pack tells the truth: the form chosen, assets only when the draft has an assets clause,
and the subsidy database deviation only for the routes it applies to."""

from __future__ import annotations

from assembler.review import build_review
from assembler.termsheet.validate import read_termsheet
from tests.conftest import DRAFT_DATE, ROOT

SMALL = ROOT / "samples" / "grant" / "community-single-payment.yaml"
BIG = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"
HUB = ROOT / "samples" / "grant" / "youth-hub-fit-out.yaml"


def _review(catalogue, path):
    return build_review(read_termsheet(path, catalogue), catalogue, today=DRAFT_DATE)


def _terms(review):
    return {k.label: k.lines for k in review.key_terms}


def test_the_short_form_is_named_with_its_reason(catalogue):
    review = _review(catalogue, SMALL)
    assert review.title == "Grant Offer Letter"
    form = _terms(review)["Form of the document"]
    assert form[0].startswith("Short form: grant offer letter") and "£25,000" in form[0]
    assert _terms(review)["Insurance (each party that is not a public body)"] == [
        "Public liability £2,000,000 for any one claim; employer's liability as the law requires; drivers "
        "insured for use of their own vehicles (the letter's general conditions)"]


def test_no_assets_no_clawback(catalogue):
    terms = _terms(_review(catalogue, SMALL))
    assert terms["Security over assets"] == [
        "None: no assets are to be bought with the grant, so the draft has no assets clause and no clawback"]
    assert "asset clawback" not in terms["Returns and repayment"][0]


def test_assets_listed_with_kind_and_clawback_period(catalogue):
    terms = _terms(_review(catalogue, HUB))
    assert "Kitchen and youth room fit-out of Unit 3, Riverside Parade: £55,000, fixture (secured on the premises), " \
           "clawback 10 years" in terms["Security over assets"]
    assert "asset clawback under the assets clause" in terms["Returns and repayment"][0]


def test_the_full_agreement_is_named(catalogue):
    form = _terms(_review(catalogue, BIG))["Form of the document"]
    assert form[0] == "Full grant funding agreement, for a grant of £450,000 with assets bought with the grant and match funding"


def test_subsidy_database_deviation_only_for_mfa_and_schemes(catalogue):
    labels = [d.label for d in _review(catalogue, BIG).deviations]  # an assessed subsidy: database whatever its size
    assert "Grant size and the subsidy database" not in labels
    assert "Grant size and minimal financial assistance" not in labels


def test_subsidy_database_deviation_for_a_large_mfa_grant(catalogue, tmp_path):
    from ruamel.yaml import YAML
    yaml = YAML()
    data = yaml.load(SMALL.read_text())
    data["grant"]["maximum_sum"] = 150000
    data["grant"]["instalments"][0]["amount"] = 150000
    sheet = tmp_path / "large-mfa.yaml"
    with sheet.open("w") as handle:
        yaml.dump(data, handle)
    deviations = {d.label: d for d in _review(catalogue, sheet).deviations}
    assert deviations["Grant size and the subsidy database"].figures == \
        "£150,000 given as minimal financial assistance, above £100,000"


def test_each_finding_says_who_answers_it(catalogue):
    review = _review(catalogue, BIG)
    who = {f.rule: f.who for f in review.findings}
    assert who["GRANT-SUBSIDY-DATABASE"] == "for legal" and who["GRANT-MATCH-SOURCES"] == "for you"
