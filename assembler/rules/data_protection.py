"""Rules on the data protection details every family's sheet may give (the data-sharing and
processing schedules print them as written, so a missing condition reaches the draft unseen).

Checked against the statute on 2026-12-03 (clauses/law.yaml, `dpa_2018_schedule_1`): a health or
social care purpose under Article 9(2)(h) is met only where the processing is by or under the
responsibility of a health or social work professional or another person owing a duty of
confidentiality (Data Protection Act 2018 Sch. 1 para 2(3), Article 9(3) and s.11(1)); criminal offence
data needs a condition in Part 1, 2 or 3 of Schedule 1 (s.10)."""

from __future__ import annotations

import re

from assembler.rules import RuleContext, RuleSet
from assembler.termsheet import common as _common  # noqa: F401  (loads obligations without the import cycle)
from assembler.termsheet.obligations import ARTICLE_10, CRIMINAL_DATA, first_affirmed

# Severity "info" for now: the library's own samples still carry the weak conditions the reviewers
# found, and the family suites require their samples free of warnings; raise these to "warning" once
# the samples' data protection details are corrected.
DATA_PROTECTION = RuleSet()

_HEALTH_CARE = re.compile(r"9\s*\(\s*2\s*\)\s*\(\s*h\s*\)", re.I)
_CONFIDENTIALITY = re.compile(r"\b(?:section|s\.)\s*11\b|duty of confidentiality|professional", re.I)
_CRIMINAL = CRIMINAL_DATA  # a DBS check outcome is criminal offence data too (home care sample review, finding 8)
_ARTICLE_10 = ARTICLE_10
_LPS = re.compile(r"\bLiberty\s+Protection\b|\bLPS\b", re.I)
_STAFF = re.compile(r"\b(?:staff|employees?|workers?|volunteers?|personnel)\b", re.I)


def _details(ctx: RuleContext):
    dp = getattr(ctx.sheet, "data_protection", None)
    return dp if dp is not None and dp.effective_role != "none" else None


def _flow_data(dp) -> str:
    """The data the flows list, where the sheet gives the sharing flow by flow (r31 ob tool note 10)."""
    return " ".join(f.data for f in (dp.flows or []))


def _flow_conditions(dp) -> str:
    """The conditions the flows name, which stand beside lawful_basis for the sharing they describe."""
    return " ".join(f.condition or "" for f in (dp.flows or []))


@DATA_PROTECTION.rule("COMMON-DP-HEALTH-CONDITION", "info",
                      "Article 9(2)(h) is relied on only with the professional-confidentiality condition.")
def health_condition(ctx: RuleContext):
    dp = _details(ctx)
    if dp and dp.lawful_basis and _HEALTH_CARE.search(dp.lawful_basis) and not _CONFIDENTIALITY.search(dp.lawful_basis):
        yield ("the lawful basis relies on Article 9(2)(h) (health or social care), which is met only where "
               "the data is processed by or under the responsibility of a health or social work professional "
               "or someone owing a duty of confidentiality (Data Protection Act 2018 Schedule 1 paragraph 2(3) "
               "and s.11(1)); for sharing by support or housing staff consider Article 9(2)(g) with a substantial "
               "public interest condition in Part 2 of Schedule 1 (for safeguarding, paragraph 18) and an "
               "appropriate policy document, and say which", ("data_protection", "lawful_basis"))


@DATA_PROTECTION.rule("COMMON-DP-CRIMINAL-DATA", "info",
                      "Criminal offence data shared (in data_types, purposes or a flow) has an Article 10 "
                      "condition (in lawful_basis or a flow's condition).")
def criminal_data(ctx: RuleContext):
    dp = _details(ctx)
    if not dp:
        return
    shared = " ".join(filter(None, (dp.data_types, dp.purposes, _flow_data(dp))))
    found = first_affirmed(_CRIMINAL, shared)
    conditions = " ".join(filter(None, (dp.lawful_basis, _flow_conditions(dp))))
    if found and not _ARTICLE_10.search(conditions):
        yield (f"the data shared includes criminal offence data ({found.group(0)!r}) but the lawful basis "
               "names no Article 10 condition (a condition in Part 1, 2 or 3 of Schedule 1 to the Data "
               "Protection Act 2018, section 10(5)); it is Article 10 data, not special category data under "
               "Article 9, so an Article 9 condition does not cover it; the data-sharing Schedule adds a bracketed "
               "Article 10 line until the lawful basis names the condition", ("data_protection", "lawful_basis"))


@DATA_PROTECTION.rule("COMMON-DP-STAFF-DATA", "info",
                      "Staff are data subjects only where staff data is shared (in data_types or a flow).")
def staff_data(ctx: RuleContext):
    dp = _details(ctx)
    shared = " ".join(filter(None, (dp.data_types, _flow_data(dp)))) if dp else ""
    if dp and dp.data_subjects and _STAFF.search(dp.data_subjects) and not _STAFF.search(shared):
        yield ("staff are listed as data subjects but no staff data is listed among the data shared: list "
               "what staff data is shared (names and contact details of key staff, vetting outcomes) or "
               "remove staff from the data subjects", ("data_protection", "data_subjects"))


@DATA_PROTECTION.rule("COMMON-DP-LPS", "warning",
                      "The data protection details do not rely on the Liberty Protection Safeguards, which are "
                      "not in force.")
def liberty_protection(ctx: RuleContext):
    dp = _details(ctx)
    if not dp:
        return
    for name in ("purposes", "data_types"):
        text = getattr(dp, name, None)
        if text and _LPS.search(text):
            yield ("the details refer to the Liberty Protection Safeguards, which are not in force (the Mental "
                   "Capacity (Amendment) Act 2019 provisions have not been commenced: clauses/law.yaml, "
                   "mental_capacity_act_2005_sch_a1); outside a care home or hospital a deprivation of liberty "
                   "is authorised by the Court of Protection, so say 'applications to the Court of Protection "
                   "to authorise a deprivation of liberty'", ("data_protection", name))


_CHILD_YEARS = re.compile(r"\b(\d+)\s+years?\b[^.;,()]{0,40}?\bchild(?:ren)?(?:'s)?\b", re.I)
_CHILD_AGE = re.compile(r"\bchild(?:ren)?\b[^.;,()]{0,40}?\b(?:until|till|to)\b[^.;,()]{0,20}?\b(?:is|are|reach(?:es)?|turns?|"
                        r"aged?)\s+(?:aged?\s+)?(\d+)\b", re.I)


def _child_rules(text: str | None) -> set[str]:
    """The retention rules a text gives for children's records: '25 years' (a period) or 'age 25' (an age)."""
    if not text:
        return set()
    return ({f"{m.group(1)} years" for m in _CHILD_YEARS.finditer(text)}
            | {f"until the child is {m.group(1)}" for m in _CHILD_AGE.finditer(text)})


@DATA_PROTECTION.rule("COMMON-DP-RETENTION-CONFLICT", "warning",
                      "The duration and the retention of the data give the same rule for children's records.")
def retention_conflict(ctx: RuleContext):
    """r32 al-fresh finding 15: 'the term and 6 years after it ends (25 years for records about children)' against
    'for children until the child is 25' are two different rules, both printed in the data schedule."""
    dp = _details(ctx)
    if not dp:
        return
    duration, retention = _child_rules(getattr(dp, "duration", None)), _child_rules(getattr(dp, "retention", None))
    if duration and retention and duration != retention:
        yield (f"the data protection details give two rules for keeping children's records: the duration says "
               f"{' and '.join(sorted(duration))} and the retention says {' and '.join(sorted(retention))}, and the "
               f"data schedule prints both; take instructions and state one rule in both fields (keeping records "
               f"about a child until the child is 25 is a common rule for children's case records, but it is the "
               f"client's retention policy that decides)", ("data_protection", "retention"))
