"""The data protection rules every family shares: each fires on the one fact it checks, and is
quiet once the details say what the law needs."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tests.rules.helpers import findings

GRANT = ROOT / "samples" / "grant" / "multi-year-housing-first.yaml"


def details(**fields):
    def edit(data):
        data["data_protection"].update(fields)
    return edit


QUIET = details(
    data_types="Name, contact details, housing history, support plans; health data (mental health)",
    data_subjects="People supported by the Project",
    lawful_basis="Article 6(1)(e); health data under Article 9(2)(g) with Schedule 1 paragraph 18 to the DPA 2018",
)


def test_the_quiet_details_raise_nothing(catalogue):
    found = findings(catalogue, GRANT, QUIET)
    assert not {r for r in found if r.startswith("COMMON-DP-")}, found


def test_health_care_condition_without_its_safeguard_fires(catalogue):
    found = findings(catalogue, GRANT, details(lawful_basis="Article 6(1)(e); Article 9(2)(h) with Schedule 1 paragraph 2"))
    [message] = found["COMMON-DP-HEALTH-CONDITION"]
    assert "s.11(1)" in message and "paragraph 18" in message


def test_health_care_condition_with_the_professional_safeguard_is_quiet(catalogue):
    found = findings(catalogue, GRANT, details(
        lawful_basis="Article 6(1)(e); Article 9(2)(h) with Schedule 1 paragraph 2 and section 11(1) (processed by "
                     "social work professionals)"))
    assert "COMMON-DP-HEALTH-CONDITION" not in found


def test_no_personal_data_no_findings(catalogue):
    def edit(data):
        data["data_protection"] = {"role": "none"}
        data["grant"]["personal_data"] = False
    found = findings(catalogue, GRANT, edit)
    assert not {r for r in found if r.startswith("COMMON-DP-")}, found


def quiet_and(add: dict | None = None, **fields):
    """The quiet details, then each `add` text appended to its field and each of `fields` set."""
    def edit(data):
        QUIET(data)
        for key, text in (add or {}).items():
            data["data_protection"][key] += text
        data["data_protection"].update(fields)
    return edit


def _flow(data: str, condition: str | None = None) -> dict:
    flow = {"data": data, "shared_by": "the Recipient", "shared_with": "the Council",
            "article_6": "Article 6(1)(e) (public task)"}
    if condition:
        flow["condition"] = condition
    return flow


_STAFF = "People supported; staff of each party"
_OFFENDING_FLOW = "risk assessments, with offending history"
_CHILD_RETENTION = "6 years after support ends, and for children until the child is 25"
_LIBERTY = "safeguarding adults, deprivation of liberty"

# Each rule fires on the one fact it checks, with one message that names it; the quiet cases below give the same
# fact with what the law needs.
_FIRING = [
    pytest.param("COMMON-DP-CRIMINAL-DATA", quiet_and(add={"data_types": "; offending history and MAPPA level"}),
                 ("'offending'", "Part 1, 2 or 3 of Schedule 1"),
                 id="criminal-offence-data-without-an-article-10-condition"),
    # home care sample review, finding 8: a DBS check outcome is Article 10 data; the rule names it and says an
    # Article 9 condition does not cover it
    pytest.param("COMMON-DP-CRIMINAL-DATA", quiet_and(add={"data_types": "; for staff, DBS check outcome"}),
                 ("'DBS'", "not special category data under Article 9"),
                 id="dbs-check-outcomes-are-criminal-offence-data"),
    pytest.param("COMMON-DP-STAFF-DATA", quiet_and(data_subjects=_STAFF), ("no staff data is listed",),
                 id="staff-as-data-subjects-without-staff-data"),
    pytest.param("COMMON-DP-LPS", quiet_and(purposes=f"{_LIBERTY} and Liberty Protection matters"),
                 ("not in force", "Court of Protection"), id="liberty-protection-safeguards"),
    # criminal offence data named only in a flow's data is still shared, and needs its condition
    pytest.param("COMMON-DP-CRIMINAL-DATA", quiet_and(flows=[_flow(_OFFENDING_FLOW)]), ("'offending'",),
                 id="criminal-offence-data-in-a-flow-without-an-article-10-condition"),
    # r32 al-fresh finding 15: a period of years in the duration against an age in the retention
    pytest.param("COMMON-DP-RETENTION-CONFLICT",
                 quiet_and(duration="The term and 6 years after it ends (25 years for records about children)",
                           retention=_CHILD_RETENTION),
                 ("25 years", "until the child is 25"), id="two-rules-for-childrens-records"),
]

_QUIET = [
    pytest.param("COMMON-DP-CRIMINAL-DATA", quiet_and(add={
        "data_types": "; offending history",
        "lawful_basis": "; offending history under Article 10 with Schedule 1 paragraph 18"}),
                 id="criminal-offence-data-with-an-article-10-condition"),
    pytest.param("COMMON-DP-CRIMINAL-DATA", quiet_and(add={
        "data_types": "; for staff, DBS check outcome",
        "lawful_basis": "; DBS outcomes under Article 10 with Schedule 1 paragraph 1"}),
                 id="dbs-check-outcomes-with-an-article-10-condition"),
    pytest.param("COMMON-DP-STAFF-DATA", quiet_and(
        add={"data_types": "; names and work contact details of key staff"}, data_subjects=_STAFF),
                 id="staff-data-listed"),
    pytest.param("COMMON-DP-LPS", quiet_and(purposes=f"{_LIBERTY} (including applications to the Court of Protection "
                                                     "to authorise a deprivation of liberty)"),
                 id="court-of-protection-authorisation"),
    # r31 ob tool note 10: a sheet that gives the sharing flow by flow lists staff data in a flow's data
    pytest.param("COMMON-DP-STAFF-DATA", quiet_and(
        data_subjects=_STAFF, flows=[_flow("incident reports, and names and contact details of key staff")]),
                 id="staff-data-listed-only-in-a-flow"),
    # an alliance writer's note: the Article 10 condition given in the flow's condition, not in lawful_basis
    pytest.param("COMMON-DP-CRIMINAL-DATA", quiet_and(flows=[
        _flow(_OFFENDING_FLOW, "Article 10 with Schedule 1 paragraph 18 to the DPA 2018")]),
                 id="criminal-offence-data-with-the-condition-in-its-flow"),
    pytest.param("COMMON-DP-RETENTION-CONFLICT", quiet_and(
        duration="The term and 6 years after it ends (for children until the child is 25)", retention=_CHILD_RETENTION),
                 id="one-rule-for-childrens-records"),
]


@pytest.mark.parametrize(("rule", "edit", "fragments"), _FIRING)
def test_rule_fires_with_one_message_naming_the_fact(catalogue, rule, edit, fragments):
    [message] = findings(catalogue, GRANT, edit)[rule]
    for fragment in fragments:
        assert fragment in message


@pytest.mark.parametrize(("rule", "edit"), _QUIET)
def test_rule_is_quiet_once_the_details_say_what_the_law_needs(catalogue, rule, edit):
    assert rule not in findings(catalogue, GRANT, edit)


def test_staff_data_in_no_flow_still_fires(catalogue):
    edit = quiet_and(data_subjects=_STAFF, flows=[_flow("incident reports and support plans")])
    assert "COMMON-DP-STAFF-DATA" in findings(catalogue, GRANT, edit)
