"""The data protection rules every family shares: each fires on the one fact it checks, and is
quiet once the details say what the law needs."""

from __future__ import annotations

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


def test_criminal_offence_data_without_an_article_10_condition_fires(catalogue):
    def edit(data):
        QUIET(data)
        data["data_protection"]["data_types"] += "; offending history and MAPPA level"
    [message] = findings(catalogue, GRANT, edit)["COMMON-DP-CRIMINAL-DATA"]
    assert "'offending'" in message and "Part 1, 2 or 3 of Schedule 1" in message


def test_criminal_offence_data_with_an_article_10_condition_is_quiet(catalogue):
    def edit(data):
        QUIET(data)
        data["data_protection"]["data_types"] += "; offending history"
        data["data_protection"]["lawful_basis"] += "; offending history under Article 10 with Schedule 1 paragraph 18"
    assert "COMMON-DP-CRIMINAL-DATA" not in findings(catalogue, GRANT, edit)


def test_dbs_check_outcomes_are_criminal_offence_data(catalogue):
    """Home care sample review, finding 8: a DBS check outcome is Article 10 data; the rule names it and says an
    Article 9 condition does not cover it."""
    def edit(data):
        QUIET(data)
        data["data_protection"]["data_types"] += "; for staff, DBS check outcome"
    [message] = findings(catalogue, GRANT, edit)["COMMON-DP-CRIMINAL-DATA"]
    assert "'DBS'" in message and "not special category data under Article 9" in message


def test_dbs_check_outcomes_with_an_article_10_condition_are_quiet(catalogue):
    def edit(data):
        QUIET(data)
        data["data_protection"]["data_types"] += "; for staff, DBS check outcome"
        data["data_protection"]["lawful_basis"] += "; DBS outcomes under Article 10 with Schedule 1 paragraph 1"
    assert "COMMON-DP-CRIMINAL-DATA" not in findings(catalogue, GRANT, edit)


def test_staff_as_data_subjects_without_staff_data_fires(catalogue):
    def edit(data):
        QUIET(data)
        data["data_protection"]["data_subjects"] = "People supported; staff of each party"
    [message] = findings(catalogue, GRANT, edit)["COMMON-DP-STAFF-DATA"]
    assert "no staff data is listed" in message


def test_staff_data_listed_is_quiet(catalogue):
    def edit(data):
        QUIET(data)
        data["data_protection"]["data_subjects"] = "People supported; staff of each party"
        data["data_protection"]["data_types"] += "; names and work contact details of key staff"
    assert "COMMON-DP-STAFF-DATA" not in findings(catalogue, GRANT, edit)


def test_liberty_protection_safeguards_fire(catalogue):
    def edit(data):
        QUIET(data)
        data["data_protection"]["purposes"] = "safeguarding adults, deprivation of liberty and Liberty Protection matters"
    [message] = findings(catalogue, GRANT, edit)["COMMON-DP-LPS"]
    assert "not in force" in message and "Court of Protection" in message


def test_court_of_protection_authorisation_is_quiet(catalogue):
    def edit(data):
        QUIET(data)
        data["data_protection"]["purposes"] = ("safeguarding adults, deprivation of liberty (including applications "
                                               "to the Court of Protection to authorise a deprivation of liberty)")
    assert "COMMON-DP-LPS" not in findings(catalogue, GRANT, edit)


def test_no_personal_data_no_findings(catalogue):
    def edit(data):
        data["data_protection"] = {"role": "none"}
        data["grant"]["personal_data"] = False
    found = findings(catalogue, GRANT, edit)
    assert not {r for r in found if r.startswith("COMMON-DP-")}, found


def _flow(data: str, condition: str | None = None) -> dict:
    flow = {"data": data, "shared_by": "the Recipient", "shared_with": "the Council",
            "article_6": "Article 6(1)(e) (public task)"}
    if condition:
        flow["condition"] = condition
    return flow


def test_staff_data_listed_only_in_a_flow_is_quiet(catalogue):
    """r31 ob tool note 10: a sheet that gives the sharing flow by flow lists staff data in a flow's data."""
    def edit(data):
        QUIET(data)
        data["data_protection"]["data_subjects"] = "People supported; staff of each party"
        data["data_protection"]["flows"] = [_flow("incident reports, and names and contact details of key staff")]
    assert "COMMON-DP-STAFF-DATA" not in findings(catalogue, GRANT, edit)


def test_staff_data_in_no_flow_still_fires(catalogue):
    def edit(data):
        QUIET(data)
        data["data_protection"]["data_subjects"] = "People supported; staff of each party"
        data["data_protection"]["flows"] = [_flow("incident reports and support plans")]
    assert "COMMON-DP-STAFF-DATA" in findings(catalogue, GRANT, edit)


def test_criminal_offence_data_in_a_flow_without_an_article_10_condition_fires(catalogue):
    """Criminal offence data named only in a flow's data is still shared, and needs its condition."""
    def edit(data):
        QUIET(data)
        data["data_protection"]["flows"] = [_flow("risk assessments, with offending history")]
    [message] = findings(catalogue, GRANT, edit)["COMMON-DP-CRIMINAL-DATA"]
    assert "'offending'" in message


def test_criminal_offence_data_with_the_condition_in_its_flow_is_quiet(catalogue):
    """An alliance writer's note: the Article 10 condition given in the flow's condition, not in lawful_basis."""
    def edit(data):
        QUIET(data)
        data["data_protection"]["flows"] = [_flow("risk assessments, with offending history",
                                                  "Article 10 with Schedule 1 paragraph 18 to the DPA 2018")]
    assert "COMMON-DP-CRIMINAL-DATA" not in findings(catalogue, GRANT, edit)


def test_two_rules_for_childrens_records_fire(catalogue):
    """r32 al-fresh finding 15: a period of years in the duration against an age in the retention."""
    def edit(data):
        QUIET(data)
        data["data_protection"]["duration"] = "The term and 6 years after it ends (25 years for records about children)"
        data["data_protection"]["retention"] = "6 years after support ends, and for children until the child is 25"
    [message] = findings(catalogue, GRANT, edit)["COMMON-DP-RETENTION-CONFLICT"]
    assert "25 years" in message and "until the child is 25" in message


def test_one_rule_for_childrens_records_is_quiet(catalogue):
    def edit(data):
        QUIET(data)
        data["data_protection"]["duration"] = "The term and 6 years after it ends (for children until the child is 25)"
        data["data_protection"]["retention"] = "6 years after support ends, and for children until the child is 25"
    assert "COMMON-DP-RETENTION-CONFLICT" not in findings(catalogue, GRANT, edit)
